# llama-3.1-8b: 6 replica(s) of 8 GPUs for the load (48 GPUs), each with up to 14 sequences (vLLM v0.11.0)
vllm serve meta-llama/Llama-3.1-8B-Instruct \
  --tensor-parallel-size 8 \
  --max-model-len 122000 \
  --max-num-seqs 14 \
  --gpu-memory-utilization 0.9 \
  --dtype bfloat16
