# llama-3.1-405b: 9 replica(s) of 16 GPUs for the load (144 GPUs), each with up to 93 sequences (SGLang v0.5.3)
# a replica of 16 GPUs spans 2 nodes of 8: tensor parallelism then crosses nodes (the plan's replica is one tensor-parallel group)
python -m sglang.launch_server \
  --model-path meta-llama/Llama-3.1-405B-Instruct \
  --tp-size 16 \
  --context-length 2500 \
  --max-running-requests 93 \
  --mem-fraction-static 0.9 \
  --dtype bfloat16
