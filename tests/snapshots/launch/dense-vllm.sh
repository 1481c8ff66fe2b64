# llama-3.1-405b: 9 replica(s) of 16 GPUs for the load (144 GPUs), each with up to 93 sequences (vLLM v0.11.0)
# a replica of 16 GPUs spans 2 nodes of 8: tensor parallelism then crosses nodes (the plan's replica is one tensor-parallel group)
vllm serve meta-llama/Llama-3.1-405B-Instruct \
  --tensor-parallel-size 16 \
  --max-model-len 2500 \
  --max-num-seqs 93 \
  --gpu-memory-utilization 0.9 \
  --dtype bfloat16
