# deepseek-v3: 1 replica(s) of 16 GPUs for the load (16 GPUs), each with up to 2127 sequences (vLLM v0.11.0)
# a replica of 16 GPUs spans 2 nodes of 8: tensor parallelism then crosses nodes (the plan's replica is one tensor-parallel group)
# the MTP modules are not served (they can drive speculative decoding)
vllm serve deepseek-ai/DeepSeek-V3 \
  --tensor-parallel-size 16 \
  --max-model-len 2500 \
  --max-num-seqs 2127 \
  --gpu-memory-utilization 0.9 \
  --dtype bfloat16 \
  --kv-cache-dtype fp8 \
  --enable-expert-parallel
