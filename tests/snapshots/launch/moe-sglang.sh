# deepseek-v3: 1 replica(s) of 16 GPUs for the load (16 GPUs), each with up to 2127 sequences (SGLang v0.5.3)
# a replica of 16 GPUs spans 2 nodes of 8: tensor parallelism then crosses nodes (the plan's replica is one tensor-parallel group)
# the MTP modules are not served (they can drive speculative decoding)
python -m sglang.launch_server \
  --model-path deepseek-ai/DeepSeek-V3 \
  --tp-size 16 \
  --context-length 2500 \
  --max-running-requests 2127 \
  --mem-fraction-static 0.9 \
  --dtype bfloat16 \
  --kv-cache-dtype fp8_e4m3 \
  --ep-size 16
