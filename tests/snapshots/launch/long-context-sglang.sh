# llama-3.1-8b: 6 replica(s) of 8 GPUs for the load (48 GPUs), each with up to 14 sequences (SGLang v0.5.3)
python -m sglang.launch_server \
  --model-path meta-llama/Llama-3.1-8B-Instruct \
  --tp-size 8 \
  --context-length 122000 \
  --max-running-requests 14 \
  --mem-fraction-static 0.9 \
  --dtype bfloat16
