# llama-3.1-8b: 256 GPUs = tp 4 x pp 1 x cp 8 x dp 8; run on 32 nodes of 8 (Megatron-LM core_v0.15.3)
# ZeRO-3: Megatron's distributed optimizer shards the optimizer states only (ZeRO-1); the gradients and weights are not sharded
torchrun --nnodes 32 --nproc-per-node 8 pretrain_gpt.py \
  --tensor-model-parallel-size 4 \
  --pipeline-model-parallel-size 1 \
  --context-parallel-size 8 \
  --sequence-parallel \
  --micro-batch-size 1 \
  --global-batch-size 64 \
  --seq-length 131072 \
  --max-position-embeddings 131072 \
  --train-samples 114440918 \
  --num-layers 32 \
  --hidden-size 4096 \
  --ffn-hidden-size 14336 \
  --num-attention-heads 32 \
  --kv-channels 128 \
  --group-query-attention \
  --num-query-groups 8 \
  --swiglu \
  --untie-embeddings-and-output-weights \
  --normalization RMSNorm \
  --disable-bias-linear \
  --position-embedding-type rope \
  --vocab-size 128256 \
  --recompute-granularity selective \
  --use-distributed-optimizer \
  --overlap-grad-reduce \
  --overlap-param-gather \
  --bf16
