//! Parameter counts from a decoder-only transformer architecture.
//!
//! Source: `docs/model.md` §1. Per layer: attention `h·d_h·(a + 2g) + a·d_h·h`,
//! FFN `m·h·f` with `m = 3` for gated (SwiGLU/GeGLU) FFNs and `m = 2` otherwise, norms, and biases
//! where the model has them; embeddings `V·h`, doubled when input and output embeddings are
//! untied. MoE layers hold `E` routed experts of `m·h·f_e` plus shared experts and a router `h·E`;
//! MLA (DeepSeek-V2/V3) replaces the K/V projections by a low-rank latent. Learned position
//! embeddings are ignored, as in the GPT-3 paper's 174.6B count.

use serde::Serialize;

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
    /// Every parameter the model stores.
    pub total: f64,
    /// Parameters one token passes through (MoE: top-k routed plus shared experts).
    pub active: f64,
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
        if self.is_moe() {
            self.layers.saturating_sub(self.dense_layers)
        } else {
            0
        }
    }

    /// Query width `a·d_h` (equals `h` in most models).
    pub fn q_width(&self) -> f64 {
        f64::from(self.heads) * f64::from(self.head_dim)
    }

    /// Attention parameters of one layer, including biases.
    pub fn attention_params_per_layer(&self) -> f64 {
        let h = f64::from(self.hidden);
        let a = f64::from(self.heads);
        let d = f64::from(self.head_dim);
        let qw = self.q_width();
        let out = qw * h + if self.bias == Bias::All { h } else { 0.0 };
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
            let kv = h * (c + rope) + c + c * a * (2.0 * d);
            return q + kv + out;
        }
        let kvw = 2.0 * f64::from(self.kv_heads) * d;
        let qkv = h * (qw + kvw);
        let qkv_bias = match self.bias {
            Bias::None => 0.0,
            Bias::Qkv | Bias::All => qw + kvw,
        };
        qkv + qkv_bias + out
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
        let attention = layers * self.attention_params_per_layer();
        let dense_ffn = dense_layers * self.ffn_block(f64::from(self.ffn));
        let expert = self.ffn_block(f64::from(self.expert_ffn));
        let routed_experts = moe_layers * f64::from(self.experts) * expert;
        let router = h * f64::from(self.experts);
        let shared_and_router = moe_layers * (f64::from(self.shared_experts) * expert + router);
        let norms = (2.0 * layers + 1.0) * self.bias.norm_params(h);

        let total = embedding + attention + dense_ffn + routed_experts + shared_and_router + norms;
        let active_routed = moe_layers * f64::from(self.top_k.min(self.experts)) * expert;
        let active = total - routed_experts + active_routed;
        ParamCount {
            embedding,
            attention,
            dense_ffn,
            routed_experts,
            shared_and_router,
            norms,
            total,
            active,
        }
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
