//! Parameter counts from a decoder-only transformer architecture.
//!
//! Source: `docs/model.md` §1. Per layer: attention `h·d_h·(a + 2g) + a·d_h·h`,
//! FFN `m·h·f` with `m = 3` for gated (SwiGLU/GeGLU) FFNs and `m = 2` otherwise, norms, and biases
//! where the model has them; embeddings `V·h`, doubled when input and output embeddings are
//! untied. MoE layers hold `E` routed experts of `m·h·f_e` plus shared experts and a router `h·E`;
//! MLA (DeepSeek-V2/V3) replaces the K/V projections by a low-rank latent. Learned position
//! embeddings are ignored, as in the GPT-3 paper's 174.6B count.
//!
//! The layers follow a schedule: every `global_every`-th layer attends globally (full attention
//! or MLA) and the layers between them attend locally (a sliding window, chunks) or through a
//! fixed-size recurrent state (linear attention); MoE layers come every `moe_every`-th layer past
//! the leading dense ones; multi-token-prediction modules follow the last layer.

use super::calc::Quantity;
use super::precision::WeightFormat;
use serde::Serialize;

/// How the layers between the global-attention layers attend (docs/model.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalAttention {
    /// No local layers: every layer attends globally.
    None,
    /// A sliding window of the last `window` tokens (Mistral 7B v0.1, Gemma 2/3, gpt-oss).
    Window,
    /// Attention within blocks of `window` tokens (Llama 4's chunked attention).
    Chunk,
    /// Gated DeltaNet (Yang et al. 2024; Qwen3-Next, Qwen3.5): a recurrent state per value head.
    GatedDeltaNet,
    /// Lightning attention (MiniMax-01/M1): a linear-attention state per head.
    Lightning,
}

impl LocalAttention {
    /// Every kind, in the order the page lists them.
    pub const ALL: [LocalAttention; 5] = [
        LocalAttention::None,
        LocalAttention::Window,
        LocalAttention::Chunk,
        LocalAttention::GatedDeltaNet,
        LocalAttention::Lightning,
    ];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            LocalAttention::None => "none",
            LocalAttention::Window => "window",
            LocalAttention::Chunk => "chunk",
            LocalAttention::GatedDeltaNet => "gated_deltanet",
            LocalAttention::Lightning => "lightning",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }

    /// Whether the layers keep a fixed-size state instead of a cache that grows with the context.
    pub fn is_linear(self) -> bool {
        matches!(
            self,
            LocalAttention::GatedDeltaNet | LocalAttention::Lightning
        )
    }

    /// Whether the layers keep a KV cache of at most `window` tokens.
    pub fn is_bounded(self) -> bool {
        matches!(self, LocalAttention::Window | LocalAttention::Chunk)
    }
}

/// Which linear layers carry a bias vector (and whether norms are LayerNorm with a bias).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bias {
    /// No biases anywhere; RMSNorm (weight only). Llama, Mistral, DeepSeek.
    None,
    /// Biases on the Q, K and V projections only; RMSNorm. Qwen2, ChatGLM2.
    Qkv,
    /// Biases on every linear layer; LayerNorm with weight and bias. GPT-2/3, BLOOM, GPT-NeoX.
    All,
}

impl Bias {
    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            Bias::None => "none",
            Bias::Qkv => "qkv",
            Bias::All => "all",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        [Bias::None, Bias::Qkv, Bias::All]
            .into_iter()
            .find(|b| b.id() == s)
    }

    /// Parameters per normalisation layer of width `h`.
    fn norm_params(self, h: f64) -> f64 {
        match self {
            Bias::All => 2.0 * h,
            Bias::None | Bias::Qkv => h,
        }
    }
}

/// A decoder-only transformer. Every field maps 1:1 onto a scenario query parameter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Architecture {
    /// Transformer layers `L`.
    pub layers: u32,
    /// Model width `h`.
    pub hidden: u32,
    /// Query heads `a`.
    pub heads: u32,
    /// Key/value heads `g` (`g = a` for MHA, 1 for MQA, in between for GQA).
    pub kv_heads: u32,
    /// Per-head dimension `d_h` (usually `h / a`).
    pub head_dim: u32,
    /// FFN inner size `f` of dense layers.
    pub ffn: u32,
    /// Gated FFN (SwiGLU/GeGLU): three matrices instead of two.
    pub glu: bool,
    /// Vocabulary (embedding rows) `V`.
    pub vocab: u32,
    /// Input and output embeddings share one matrix.
    pub tied: bool,
    /// Bias vectors and norm type.
    pub bias: Bias,
    /// Routed experts `E` per MoE layer; 0 for a dense model.
    pub experts: u32,
    /// Routed experts each token uses.
    pub top_k: u32,
    /// Always-active shared experts per MoE layer.
    pub shared_experts: u32,
    /// FFN inner size of one expert `f_e`.
    pub expert_ffn: u32,
    /// Leading layers that stay dense (DeepSeek-V3: 3).
    pub dense_layers: u32,
    /// MLA compressed KV latent width `d_c`; 0 means ordinary multi-head (or grouped) attention.
    pub kv_latent: u32,
    /// MLA compressed query width; 0 means a direct query projection.
    pub q_latent: u32,
    /// MLA decoupled RoPE key width `d_rope`.
    pub rope_dim: u32,
    /// MLA value head width where it differs from `head_dim`, the key's non-RoPE part (GLM-5:
    /// 256 against 192); 0: the same.
    pub v_head_dim: u32,
    /// Every `global_every`-th layer (the last of each group) attends globally and the others
    /// as `local` says; 0 with a local kind: no global layer at all. Unused when `local` is none.
    pub global_every: u32,
    /// How the layers between the global ones attend.
    pub local: LocalAttention,
    /// Sliding-window or chunk size of the local layers, tokens.
    pub window: u32,
    /// Linear attention: key (and query) heads.
    pub linear_key_heads: u32,
    /// Linear attention: key head width.
    pub linear_key_dim: u32,
    /// Linear attention: value heads (the recurrent state is one key × value matrix per head).
    pub linear_value_heads: u32,
    /// Linear attention: value head width.
    pub linear_value_dim: u32,
    /// Linear attention: short convolution kernel (0: none).
    pub linear_conv: u32,
    /// Linear attention: bits of a recurrent-state element (16, or 32 where the config's
    /// `mamba_ssm_dtype` is float32, as Qwen3.5's); the convolution state stays 16-bit.
    pub linear_state_bits: u32,
    /// A sigmoid output gate on attention (Qwen3-Next): the query projection is twice as wide.
    pub attn_gate: bool,
    /// DeepSeek sparse attention: the indexer's heads (0: dense attention).
    pub index_heads: u32,
    /// DeepSeek sparse attention: the indexer's head width (its one key per token).
    pub index_head_dim: u32,
    /// DeepSeek sparse attention: the keys each query attends to.
    pub index_topk: u32,
    /// Past the leading dense layers, every `moe_every`-th layer is MoE (Llama 4 Maverick: 2).
    pub moe_every: u32,
    /// Multi-token-prediction modules after the last layer (DeepSeek-V3: 1).
    pub mtp_layers: u32,
    /// The checkpoint's format for its linear weights outside the experts (embeddings and norms
    /// stay 16-bit).
    pub format: WeightFormat,
    /// The checkpoint's format for its routed and shared experts.
    pub expert_format: WeightFormat,
}

/// The layers of one kind: how many, and what each holds.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct LayerGroup {
    /// Layers of this kind.
    pub layers: u32,
    /// Tokens each layer keeps in its KV cache at a context (`None`: every token).
    pub window: Option<u32>,
    /// Cache bytes per kept token per layer at the KV width (0 for linear layers):
    /// [`TokenCache::bytes_as`] of `cache`.
    pub kv_bytes_per_token: f64,
    /// Bytes per token per layer that do not follow the KV width (DeepSeek's FP8 indexer keys).
    pub fixed_bytes_per_token: f64,
    /// Fixed state bytes per sequence per layer (linear attention), at 16 bits.
    pub state_bytes: f64,
    /// What each layer caches per kept token at the KV width, as the formula's operands (the
    /// derivation prints them; the report's JSON has their product, `kv_bytes_per_token`).
    #[serde(skip)]
    pub cache: TokenCache,
}

/// What one layer caches per kept token at the KV width, by its operands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TokenCache {
    /// Nothing (a linear-attention layer keeps a fixed state instead).
    Nothing,
    /// A key and a value per KV head: `2·g·d_h` elements (the vLLM paper, sec. 3).
    Heads {
        /// KV heads g.
        kv_heads: u32,
        /// Head width d_h.
        head_dim: u32,
        /// Bytes per element at the KV width.
        bytes: f64,
    },
    /// Multi-head latent attention's joint latent and decoupled RoPE key: `d_c + d_rope`
    /// elements (DeepSeek-V2 sec. 2.1).
    Latent {
        /// Latent width d_c.
        latent: u32,
        /// RoPE key width d_rope.
        rope: u32,
        /// Bytes per element at the KV width.
        bytes: f64,
    },
}

impl TokenCache {
    /// Bytes per kept token per layer: `2·g·d_h·bytes` or `(d_c + d_rope)·bytes`, written once
    /// for the figures and the derivation.
    #[inline(always)]
    pub fn bytes_as<Q: Quantity>(self) -> Q {
        match self {
            TokenCache::Nothing => Q::of(0.0),
            TokenCache::Heads {
                kv_heads,
                head_dim,
                bytes,
            } => Q::product([
                Q::of(2.0),
                Q::of(f64::from(kv_heads)),
                Q::of(f64::from(head_dim)),
                Q::of(bytes),
            ]),
            TokenCache::Latent {
                latent,
                rope,
                bytes,
            } => Q::product([
                Q::sum([Q::of(f64::from(latent)), Q::of(f64::from(rope))]),
                Q::of(bytes),
            ]),
        }
    }
}

impl LayerGroup {
    /// Bytes per kept token per layer, from the part at the KV width: that part plus the part
    /// that does not follow it (DeepSeek-V3.2's indexer key), printed where there is one.
    #[inline(always)]
    fn with_fixed<Q: Quantity>(&self, cache: Q) -> Q {
        Q::sum_nonzero([cache, Q::of(self.fixed_bytes_per_token)])
    }

    /// Bytes per kept token per layer, over the cache's operands (the per-token row prints them).
    #[inline(always)]
    pub fn token_bytes_as<Q: Quantity>(&self) -> Q {
        self.with_fixed(self.cache.bytes_as::<Q>())
    }

    /// Bytes per kept token per layer, from the cache's bytes computed with the group.
    #[inline(always)]
    pub fn token_bytes(&self) -> f64 {
        self.with_fixed(self.kv_bytes_per_token)
    }

    /// The group's bytes of one sequence with `kept` tokens in each layer: `layers · (tokens
    /// kept · bytes per token + state)`, the parts the group does not hold printed as nothing.
    /// The bytes per token are a number here: the per-token derivation row shows their operands.
    #[inline(always)]
    pub fn bytes_as<Q: Quantity>(&self, kept: f64) -> Q {
        Q::product([
            Q::of(f64::from(self.layers)),
            Q::sum_nonzero([
                Q::product([Q::of(kept), Q::of(self.token_bytes())]),
                Q::of(self.state_bytes),
            ]),
        ])
    }

    /// Tokens each layer keeps at `context`: all, or at most its window.
    #[inline(always)]
    pub fn kept(&self, context: f64) -> f64 {
        self.window.map_or(context, |w| context.min(f64::from(w)))
    }
}

/// Parameter counts by part, total and active (per token).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct ParamCount {
    /// Token embedding and output head.
    pub embedding: f64,
    /// Attention projections over all layers.
    pub attention: f64,
    /// Dense FFN weights over all dense layers.
    pub dense_ffn: f64,
    /// Routed expert weights over all MoE layers.
    pub routed_experts: f64,
    /// Shared experts and routers over all MoE layers.
    pub shared_and_router: f64,
    /// Norm weights (and biases).
    pub norms: f64,
    /// Routers (one `h × E` matrix per MoE layer), inside `shared_and_router`.
    pub router: f64,
    /// Every parameter the model stores, without multi-token-prediction modules.
    pub total: f64,
    /// Parameters one token passes through (MoE: top-k routed plus shared experts).
    pub active: f64,
    /// Multi-token-prediction modules: one layer, the `2h × h` projection and three norms each
    /// (the embedding and output head are the main model's).
    pub mtp: f64,
    /// Parameters one token passes through in the MTP modules, with the shared output head.
    pub mtp_active: f64,
}

impl ParamCount {
    /// The total: embeddings + attention + dense FFN + routed experts + shared experts and
    /// routers + norms (Narayanan et al. 2021 eq. 2, by part), written once for the count and
    /// its derivation row.
    #[inline]
    pub fn total_as<Q: Quantity>(parts: [Q; 6]) -> Q {
        Q::sum(parts)
    }

    /// The parameters with the multi-token-prediction modules: N + N_MTP (DeepSeek-V3 sec. 2.2).
    #[inline]
    pub fn with_mtp_as<Q: Quantity>(total: Q, mtp: f64) -> Q {
        Q::sum([total, Q::of(mtp)])
    }
}

impl Architecture {
    /// Whether the model has mixture-of-experts layers.
    pub fn is_moe(&self) -> bool {
        self.experts > 0
    }

    /// Whether attention uses DeepSeek's multi-head latent attention.
    pub fn is_mla(&self) -> bool {
        self.kv_latent > 0
    }

    /// FFN matrices per FFN block: 3 for gated, 2 otherwise.
    pub fn ffn_matrices(&self) -> f64 {
        if self.glu { 3.0 } else { 2.0 }
    }

    /// Number of MoE layers.
    pub fn moe_layers(&self) -> u32 {
        if !self.is_moe() {
            return 0;
        }
        if self.moe_every <= 1 {
            return self.layers.saturating_sub(self.dense_layers);
        }
        (0..self.layers).filter(|&i| self.is_moe_layer(i)).count() as u32
    }

    /// Query width `a·d_h` (equals `h` in most models).
    pub fn q_width(&self) -> f64 {
        f64::from(self.heads) * f64::from(self.head_dim)
    }

    /// The value head width `d_v`: `head_dim`, unless an MLA model gives its own.
    pub fn v_dim(&self) -> u32 {
        if self.is_mla() && self.v_head_dim > 0 {
            self.v_head_dim
        } else {
            self.head_dim
        }
    }

    /// Layers that attend globally (full attention or MLA over the whole context).
    pub fn global_layers(&self) -> u32 {
        match (self.local, self.global_every) {
            (LocalAttention::None, _) => self.layers,
            (_, 0) => 0,
            (_, every) => self.layers / every,
        }
    }

    /// Layers that attend locally or linearly.
    pub fn local_layers(&self) -> u32 {
        self.layers - self.global_layers()
    }

    /// Whether attention is DeepSeek's sparse attention with an indexer.
    pub fn is_sparse(&self) -> bool {
        self.index_topk > 0 && self.index_heads > 0
    }

    /// Projections of one softmax-attention layer (full, window or chunk), including biases and
    /// the output gate, without an indexer.
    fn softmax_attention_params(&self) -> f64 {
        let h = f64::from(self.hidden);
        let a = f64::from(self.heads);
        let d = f64::from(self.head_dim);
        let qw = self.q_width();
        // The output projection reads the heads' values: a·d_v (d_v = d_h but in MLA models
        // that give their own, GLM-5's 256 against 192).
        let v = f64::from(self.v_dim());
        let out = a * v * h + if self.bias == Bias::All { h } else { 0.0 };
        // Qwen3-Next's gated attention: q_proj also emits the gate, a·d_h more outputs.
        let gate = if self.attn_gate { h * qw } else { 0.0 };
        if self.is_mla() {
            // DeepSeek-V2 sec. 2.1: q (optionally through a latent with its own norm), a joint
            // KV down-projection with the RoPE key, its norm, the K/V up-projection, output.
            let rope = f64::from(self.rope_dim);
            let c = f64::from(self.kv_latent);
            let q = if self.q_latent > 0 {
                let cq = f64::from(self.q_latent);
                h * cq + cq + cq * a * (d + rope)
            } else {
                h * a * (d + rope)
            };
            // The up-projection gives each head its key (d) and value (d_v).
            let kv = h * (c + rope) + c + c * a * (d + v);
            return q + kv + out + gate;
        }
        let kvw = 2.0 * f64::from(self.kv_heads) * d;
        let qkv = h * (qw + kvw);
        let qkv_bias = match self.bias {
            Bias::None => 0.0,
            Bias::Qkv | Bias::All => qw + kvw,
        };
        qkv + qkv_bias + out + gate
    }

    /// DeepSeek sparse attention's indexer (DeepSeek-V3.2 `Indexer`): queries from the query
    /// latent `wq_b` (q_latent × H_I·d_I), one key `wk` (h × d_I) with its LayerNorm (2·d_I), and
    /// the head weights `weights_proj` (h × H_I).
    fn indexer_params(&self) -> f64 {
        if !self.is_sparse() {
            return 0.0;
        }
        let h = f64::from(self.hidden);
        let heads = f64::from(self.index_heads);
        let d = f64::from(self.index_head_dim);
        let q_in = if self.q_latent > 0 {
            f64::from(self.q_latent)
        } else {
            h
        };
        q_in * heads * d + h * d + 2.0 * d + h * heads
    }

    /// Projections of one linear-attention layer (docs/model.md §1 lists each kind's matrices).
    fn linear_attention_params(&self) -> f64 {
        let h = f64::from(self.hidden);
        let hk = f64::from(self.linear_key_heads);
        let hv = f64::from(self.linear_value_heads);
        let key = hk * f64::from(self.linear_key_dim);
        let value = hv * f64::from(self.linear_value_dim);
        let kernel = f64::from(self.linear_conv);
        let dv = f64::from(self.linear_value_dim);
        match self.local {
            // transformers' Qwen3NextGatedDeltaNet: in_proj_qkvz h × (2K + 2V), in_proj_ba
            // h × 2·H_v, a depthwise conv over q, k, v ((2K + V) × kernel, no bias), dt_bias and
            // A_log (H_v each), the gated RMSNorm (d_v) and out_proj V × h.
            LocalAttention::GatedDeltaNet => {
                h * (2.0 * key + 2.0 * value)
                    + h * 2.0 * hv
                    + (2.0 * key + value) * kernel
                    + 2.0 * hv
                    + dv
                    + value * h
            }
            // MiniMax-01/M1's MiniMaxLightningAttention: qkv_proj h × (2K + V), output_gate
            // h × V, the RMSNorm over V and out_proj V × h, no biases (transformers
            // modeling_minimax; 64 heads of 128 in MiniMax-M1).
            LocalAttention::Lightning => h * (2.0 * key + value) + h * value + value + value * h,
            LocalAttention::None | LocalAttention::Window | LocalAttention::Chunk => 0.0,
        }
    }

    /// Attention parameters of one layer of each kind: (global, local).
    pub fn attention_params_by_kind(&self) -> (f64, f64) {
        let global = self.softmax_attention_params() + self.indexer_params();
        let local = if self.local.is_linear() {
            self.linear_attention_params()
        } else {
            self.softmax_attention_params()
        };
        (global, local)
    }

    /// Attention parameters of all layers.
    pub fn attention_params(&self) -> f64 {
        let (global, local) = self.attention_params_by_kind();
        f64::from(self.global_layers()) * global + f64::from(self.local_layers()) * local
    }

    /// Attention parameters of one layer, averaged over the schedule.
    pub fn attention_params_per_layer(&self) -> f64 {
        self.attention_params() / f64::from(self.layers.max(1))
    }

    /// Whether layer `i` (from 0) is a mixture-of-experts layer: past the leading dense layers,
    /// every `moe_every`-th (Qwen2-MoE's `decoder_sparse_step`, Llama 4's
    /// `interleave_moe_layer_step`: layer i is MoE when (i + 1) is a multiple of the step).
    fn is_moe_layer(&self, i: u32) -> bool {
        self.is_moe() && i >= self.dense_layers && (i + 1).is_multiple_of(self.moe_every.max(1))
    }

    /// The KV cache and recurrent state of each layer kind, at `kv_bytes` per cached element.
    pub fn layer_groups(&self, kv_bytes: f64) -> [LayerGroup; 2] {
        let softmax = if self.is_mla() {
            // DeepSeek-V2 sec. 2.1: the latent and the decoupled RoPE key per token.
            TokenCache::Latent {
                latent: self.kv_latent,
                rope: self.rope_dim,
                bytes: kv_bytes,
            }
        } else {
            TokenCache::Heads {
                kv_heads: self.kv_heads,
                head_dim: self.head_dim,
                bytes: kv_bytes,
            }
        };
        let softmax_kv = softmax.bytes_as::<f64>();
        // DeepSeek-V3.2's indexer caches one FP8 key of d_I per token with an fp32 scale per 128.
        let index = if self.is_sparse() {
            let d = f64::from(self.index_head_dim);
            d + 4.0 * (d / 128.0).ceil()
        } else {
            0.0
        };
        let global = LayerGroup {
            layers: self.global_layers(),
            window: None,
            kv_bytes_per_token: softmax_kv,
            fixed_bytes_per_token: index,
            state_bytes: 0.0,
            cache: softmax,
        };
        let local = if self.local.is_linear() {
            LayerGroup {
                layers: self.local_layers(),
                window: Some(0),
                kv_bytes_per_token: 0.0,
                fixed_bytes_per_token: 0.0,
                state_bytes: self.linear_state_bytes(),
                cache: TokenCache::Nothing,
            }
        } else {
            LayerGroup {
                layers: self.local_layers(),
                window: Some(self.window),
                kv_bytes_per_token: softmax_kv,
                fixed_bytes_per_token: 0.0,
                state_bytes: 0.0,
                cache: softmax,
            }
        };
        [global, local]
    }

    /// Forward attention-score FLOPs of one token at a context of `seq` tokens, over all layers:
    /// `2·a·(d_qk + d_v)` per key attended (QKᵀ and AV, Narayanan et al. 2021 eq. 3 over the full
    /// s × s). A window or chunk caps the keys at its size; sparse attention at its top-k, plus the
    /// indexer's `2·H_I·d_I` per key it scores (DeepSeek-V3.2); a linear layer does a fixed
    /// `6·H_v·d_k·d_v` (retrieve, rank-1 update and read out the d_k × d_v state per value head).
    /// This is the count published MFUs use (PaLM App. B); the work a causal kernel does is
    /// [`Self::causal_score_flops_per_token`].
    pub fn score_flops_per_token(&self, seq: f64) -> f64 {
        self.score_flops(seq, false, 0.0)
    }

    /// [`Self::score_flops_per_token`] as a kernel that skips the masked blocks computes it
    /// (FlashAttention-2, Dao 2023 sec. 3.1.1: blocks whose keys all lie after their queries are
    /// not computed, "about 1.7-1.8× speedup" for causal attention): query `i` attends to
    /// `min(i + 1, c)` keys for a cap `c` (the sequence, a window, a top-k), `c - c·(c - 1)/(2·s)`
    /// on average over the sequence, `(s + 1)/2` without a cap. The sparse indexer scores the
    /// keys before its query likewise.
    pub fn causal_score_flops_per_token(&self, seq: f64) -> f64 {
        self.score_flops(seq, true, 0.0)
    }

    /// The work of [`Self::causal_score_flops_per_token`] as a FlashAttention kernel spends it,
    /// in FLOP-equivalents: each query row of each softmax layer costs `row_keys` keys more than
    /// it attends to. The kernel walks one row block of queries over its keys; what it does once
    /// per row whatever the keys (loading Q, the softmax statistics, writing O and its log-sum-exp,
    /// the backward's `rowsum(dO ∘ O)` and dQ conversion) weighs the more the fewer keys there
    /// are, so short sequences and windows run below the kernel's long-sequence rate
    /// (FlashAttention-3, Shah et al. 2024, Fig. 5: causal, head dimension 128, 292 TFLOP/s at
    /// 512 tokens against 616 at 16k). `row_keys` is fitted (`efficiency.rs`).
    pub fn flash_score_work_per_token(&self, seq: f64, row_keys: f64) -> f64 {
        self.score_flops(seq, true, row_keys)
    }

    fn score_flops(&self, seq: f64, causal: bool, row_keys: f64) -> f64 {
        // Keys per query, on average, for a cap of `cap` keys, and the row's own cost.
        let keys = |cap: f64| {
            let c = cap.min(seq);
            let attended = if causal {
                c - c * (c - 1.0) / (2.0 * seq.max(1.0))
            } else {
                c
            };
            attended + row_keys
        };
        let d_qk = f64::from(self.head_dim + if self.is_mla() { self.rope_dim } else { 0 });
        let d_v = f64::from(self.v_dim());
        let per_key = 2.0 * f64::from(self.heads) * (d_qk + d_v);
        let global = if self.is_sparse() {
            per_key * keys(f64::from(self.index_topk))
                + 2.0 * f64::from(self.index_heads) * f64::from(self.index_head_dim) * keys(seq)
        } else {
            per_key * keys(seq)
        };
        let local = if self.local.is_linear() {
            6.0 * f64::from(self.linear_value_heads)
                * f64::from(self.linear_key_dim)
                * f64::from(self.linear_value_dim)
        } else {
            per_key * keys(f64::from(self.window))
        };
        f64::from(self.global_layers()) * global + f64::from(self.local_layers()) * local
    }

    /// Bytes of one linear-attention layer's state per sequence: the recurrent state (one
    /// d_k × d_v matrix per value head) at `linear_state_bits`, and the short convolution's last
    /// kernel - 1 inputs of q, k and v at 16 bits (vLLM's Gated DeltaNet cache shapes).
    pub fn linear_state_bytes(&self) -> f64 {
        let hv = f64::from(self.linear_value_heads);
        let key = f64::from(self.linear_key_heads) * f64::from(self.linear_key_dim);
        let value = hv * f64::from(self.linear_value_dim);
        let recurrent = hv * f64::from(self.linear_key_dim) * f64::from(self.linear_value_dim);
        let conv = f64::from(self.linear_conv.saturating_sub(1)) * (2.0 * key + value);
        recurrent * f64::from(self.linear_state_bits) / 8.0 + conv * 2.0
    }

    /// One FFN block of inner size `f`, with biases if the model has them.
    fn ffn_block(&self, f: f64) -> f64 {
        let h = f64::from(self.hidden);
        let m = self.ffn_matrices();
        let bias = if self.bias == Bias::All {
            (m - 1.0) * f + h
        } else {
            0.0
        };
        m * h * f + bias
    }

    /// Counts every parameter, by part, with the MoE active count.
    pub fn param_count(&self) -> ParamCount {
        let h = f64::from(self.hidden);
        let layers = f64::from(self.layers);
        let moe_layers = f64::from(self.moe_layers());
        let dense_layers = layers - moe_layers;

        let embedding = f64::from(self.vocab) * h * if self.tied { 1.0 } else { 2.0 };
        let attention = self.attention_params();
        let dense_block = self.ffn_block(f64::from(self.ffn));
        let dense_ffn = dense_layers * dense_block;
        let expert = self.ffn_block(f64::from(self.expert_ffn));
        let routed_experts = moe_layers * f64::from(self.experts) * expert;
        let router_one = h * f64::from(self.experts);
        let router = moe_layers * router_one;
        let shared_and_router = moe_layers * f64::from(self.shared_experts) * expert + router;
        let norm = self.bias.norm_params(h);
        let norms = (2.0 * layers + 1.0) * norm;

        let total = ParamCount::total_as([
            embedding,
            attention,
            dense_ffn,
            routed_experts,
            shared_and_router,
            norms,
        ]);
        let top_k = f64::from(self.top_k.min(self.experts));
        let active_routed = moe_layers * top_k * expert;
        let active = total - routed_experts + active_routed;
        // DeepSeek-V3 sec. 2.2: each MTP module is a projection of [h; embedding] (2h × h), two
        // norms before it, one transformer layer (MoE where the model is) and the final norm;
        // the embedding and the output head are shared with the main model.
        let (global_attn, _) = self.attention_params_by_kind();
        let (mtp_ffn, mtp_ffn_active) = if self.is_moe() {
            (
                f64::from(self.experts + self.shared_experts) * expert + router_one,
                f64::from(self.top_k.min(self.experts) + self.shared_experts) * expert + router_one,
            )
        } else {
            (dense_block, dense_block)
        };
        let mtp_extra = 2.0 * h * h + 5.0 * norm + global_attn;
        let mtp_layers = f64::from(self.mtp_layers);
        let mtp = mtp_layers * (mtp_extra + mtp_ffn);
        // The shared head still computes its logits for each MTP depth.
        let mtp_active = mtp_layers * (mtp_extra + mtp_ffn_active + f64::from(self.vocab) * h);
        ParamCount {
            embedding,
            attention,
            dense_ffn,
            routed_experts,
            shared_and_router,
            norms,
            router,
            total,
            active,
            mtp,
            mtp_active,
        }
    }

    /// Bytes of the weights in a format: linear weights (attention, dense FFN, shared experts)
    /// in `format`, routed and shared experts in `experts`, embeddings, norms and routers in
    /// 16 bits (as FP8, MXFP4 and INT4 checkpoints ship them), or all in fp32 when `format` is
    /// fp32. Returns (16-bit part, linear part, expert part) in bytes.
    pub fn weight_bytes(
        &self,
        count: &ParamCount,
        format: WeightFormat,
        experts: WeightFormat,
    ) -> [f64; 3] {
        let expert = self.ffn_block(f64::from(self.expert_ffn));
        let shared = f64::from(self.moe_layers()) * f64::from(self.shared_experts) * expert;
        let kept = if format == WeightFormat::Fp32 {
            4.0
        } else {
            2.0
        };
        let plain = count.embedding + count.norms + count.router;
        let linear = count.attention + count.dense_ffn;
        [
            plain * kept,
            linear * format.bytes(),
            (count.routed_experts + shared) * experts.bytes(),
        ]
    }

    /// The attention-and-FFN shape of a decoder, without experts or latent attention (a
    /// mixture of experts and MLA are set on top of it).
    #[allow(clippy::too_many_arguments)]
    pub const fn decoder(
        layers: u32,
        hidden: u32,
        heads: u32,
        kv_heads: u32,
        head_dim: u32,
        ffn: u32,
        glu: bool,
        vocab: u32,
        tied: bool,
        bias: Bias,
    ) -> Self {
        Architecture {
            layers,
            hidden,
            heads,
            kv_heads,
            head_dim,
            ffn,
            glu,
            vocab,
            tied,
            bias,
            experts: 0,
            top_k: 0,
            shared_experts: 0,
            expert_ffn: 0,
            dense_layers: 0,
            kv_latent: 0,
            q_latent: 0,
            rope_dim: 0,
            v_head_dim: 0,
            global_every: 1,
            local: LocalAttention::None,
            window: 0,
            linear_key_heads: 0,
            linear_key_dim: 0,
            linear_value_heads: 0,
            linear_value_dim: 0,
            linear_conv: 0,
            linear_state_bits: 16,
            attn_gate: false,
            index_heads: 0,
            index_head_dim: 0,
            index_topk: 0,
            moe_every: 1,
            mtp_layers: 0,
            format: WeightFormat::Bf16,
            expert_format: WeightFormat::Bf16,
        }
    }

    /// An architecture implied by a bare parameter count, used only for shapes (activations, KV
    /// cache, attention FLOPs) when the user gives `params` without a model. Assumption, labelled
    /// in the UI: dense MHA, FFN 4h, width-to-depth ratio h/L = 128 (GPT-3: 12288/96 = 128),
    /// vocabulary 32000, so that `12·L·h² ≈ N` (docs/model.md §1).
    pub fn implied_by_params(params: f64) -> Self {
        let n = params.max(1e6);
        let hidden_raw = (n * 128.0 / 12.0).cbrt();
        let hidden = ((hidden_raw / 128.0).round().max(1.0) * 128.0) as u32;
        let layers = ((f64::from(hidden) / 128.0).round() as u32).max(1);
        let heads = (hidden / 128).max(1);
        Self::decoder(
            layers,
            hidden,
            heads,
            heads,
            128,
            4 * hidden,
            false,
            32000,
            false,
            Bias::None,
        )
    }

    /// A dense architecture from its width and depth with the common defaults: heads of 128,
    /// MHA, FFN 4h, vocabulary 32000, untied, no biases. Used when a query gives `layers`/`hidden`
    /// without a `model`; every other field can then be set explicitly.
    pub fn dense(layers: u32, hidden: u32) -> Self {
        let mut arch = Self::implied_by_params(1e9);
        arch.layers = layers;
        arch.hidden = hidden;
        arch.heads = (hidden / 128).max(1);
        arch.kv_heads = arch.heads;
        arch.head_dim = (hidden / arch.heads).max(1);
        arch.ffn = 4 * hidden;
        arch
    }
}
