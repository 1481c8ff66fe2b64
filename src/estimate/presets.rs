//! Model presets: published architectures, one row each with its source and published size.
//!
//! Configurations from `docs/model.md` §9 and the models'
//! published `config.json` files. `published_params` is the figure the source states, so tests can
//! compare the architecture-derived count with it.

use super::architecture::{Architecture, Bias, LocalAttention};
use super::precision::WeightFormat;
use serde::Serialize;

/// Who publishes a model; the picker groups by it and searches its names in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Family {
    /// Stable id.
    pub id: &'static str,
    /// English name.
    pub name: &'static str,
    /// Chinese name.
    pub name_zh: &'static str,
}

/// The families, in the order the picker lists them.
pub const FAMILIES: &[Family] = &[
    Family {
        id: "qwen",
        name: "Qwen (Alibaba)",
        name_zh: "通义千问 Qwen（阿里）",
    },
    Family {
        id: "deepseek",
        name: "DeepSeek",
        name_zh: "深度求索 DeepSeek",
    },
    Family {
        id: "kimi",
        name: "Kimi (Moonshot AI)",
        name_zh: "月之暗面 Kimi",
    },
    Family {
        id: "minimax",
        name: "MiniMax",
        name_zh: "MiniMax 稀宇",
    },
    Family {
        id: "glm",
        name: "GLM (Zhipu)",
        name_zh: "智谱 GLM",
    },
    Family {
        id: "llama",
        name: "Llama (Meta)",
        name_zh: "Meta Llama 羊驼",
    },
    Family {
        id: "openai",
        name: "OpenAI",
        name_zh: "OpenAI",
    },
    Family {
        id: "gemma",
        name: "Gemma (Google)",
        name_zh: "谷歌 Gemma",
    },
    Family {
        id: "mistral",
        name: "Mistral AI",
        name_zh: "Mistral AI",
    },
    Family {
        id: "historical",
        name: "Historical runs",
        name_zh: "历史训练",
    },
];

/// A named, sourced architecture.
#[derive(Clone, Debug, Serialize)]
pub struct Preset {
    /// Query-string id (`model=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Who publishes it.
    pub family: Family,
    /// The architecture.
    pub arch: Architecture,
    /// Training sequence length.
    pub seq: u32,
    /// Total parameters as published.
    pub published_params: f64,
    /// Active parameters per token as published (MoE only; equals total for dense models).
    pub published_active: f64,
    /// Where the configuration and the published size come from.
    pub source: &'static str,
    /// Why the count differs from the published total where it does (a vision encoder, a
    /// figure rounded to one digit); shown beside the count.
    pub count_note: Option<&'static str>,
    /// The longest context the model serves, tokens.
    pub max_context: u32,
}

impl Preset {
    /// Whether `filter` (lower case) finds this preset: by name, id or family, in either language.
    pub fn matches(&self, filter: &str) -> bool {
        filter.is_empty()
            || self.name.to_lowercase().contains(filter)
            || self.id.contains(filter)
            || self.family.name.to_lowercase().contains(filter)
            || self.family.name_zh.to_lowercase().contains(filter)
    }
}

/// The dense, MHA-or-GQA skeleton most presets share; MoE and MLA fields off.
#[allow(clippy::too_many_arguments)]
const fn dense(
    layers: u32,
    hidden: u32,
    heads: u32,
    kv_heads: u32,
    ffn: u32,
    glu: bool,
    vocab: u32,
    tied: bool,
    bias: Bias,
) -> Architecture {
    Architecture::decoder(
        layers,
        hidden,
        heads,
        kv_heads,
        hidden / heads,
        ffn,
        glu,
        vocab,
        tied,
        bias,
    )
}

/// Every preset, grouped by family in the order the UI lists them.
pub fn all() -> &'static [Preset] {
    use std::sync::OnceLock;
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        let mut list = build();
        // Stable: rows keep their order within a family.
        list.sort_by_key(|p| FAMILIES.iter().position(|f| f.id == p.family.id));
        list
    })
}

/// Looks a preset up by its id.
pub fn find(id: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.id == id)
}

/// Every preset with exactly this architecture, in catalog order (a pasted config.json of a
/// known model). Releases that share a shape all match (Llama 3 8B and Llama 3.1 8B, DeepSeek-V3
/// and R1): the file cannot tell them apart, so the page names them all.
pub fn matching(arch: &Architecture) -> Vec<&'static Preset> {
    all().iter().filter(|p| p.arch == *arch).collect()
}

/// A dense model with its head width given (Qwen3, Gemma and Llama 3.2 do not use `h / a`).
#[allow(clippy::too_many_arguments)]
const fn dense_hd(
    layers: u32,
    hidden: u32,
    heads: u32,
    kv_heads: u32,
    head_dim: u32,
    ffn: u32,
    vocab: u32,
    tied: bool,
    bias: Bias,
) -> Architecture {
    Architecture::decoder(
        layers, hidden, heads, kv_heads, head_dim, ffn, true, vocab, tied, bias,
    )
}

/// Mixture-of-experts layers on a dense skeleton: `experts` routed of width `expert_ffn`, top-k,
/// shared experts and leading dense layers.
const fn moe(
    mut a: Architecture,
    experts: u32,
    top_k: u32,
    shared: u32,
    expert_ffn: u32,
    dense_layers: u32,
) -> Architecture {
    a.experts = experts;
    a.top_k = top_k;
    a.shared_experts = shared;
    a.expert_ffn = expert_ffn;
    a.dense_layers = dense_layers;
    a
}

/// DeepSeek's multi-head latent attention on a skeleton.
const fn mla(mut a: Architecture, kv_latent: u32, q_latent: u32, rope_dim: u32) -> Architecture {
    a.kv_latent = kv_latent;
    a.q_latent = q_latent;
    a.rope_dim = rope_dim;
    a
}

/// Local layers between global ones: every `every`-th layer global, the others `local` with a
/// window or chunk of `window` tokens.
const fn schedule(
    mut a: Architecture,
    local: LocalAttention,
    every: u32,
    window: u32,
) -> Architecture {
    a.local = local;
    a.global_every = every;
    a.window = window;
    a
}

/// The checkpoint's formats: linear weights outside the experts, and the experts.
const fn formats(mut a: Architecture, linear: WeightFormat, experts: WeightFormat) -> Architecture {
    a.format = linear;
    a.expert_format = experts;
    a
}

/// Multi-token-prediction modules.
const fn mtp(mut a: Architecture, modules: u32) -> Architecture {
    a.mtp_layers = modules;
    a
}

/// One row: (id, name, family, architecture, sequence, published total, published active or 0
/// for dense, source, count note).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Architecture,
    u32,
    f64,
    f64,
    &'static str,
    Option<&'static str>,
);

fn build() -> Vec<Preset> {
    use Bias::{All, None, Qkv};
    use LocalAttention::{Chunk, Window};
    use WeightFormat::{Bf16, Fp8, Mxfp4};
    // DeepSeek-V3 ships FP8 weights with 128 × 128 block scales (config.json
    // quantization_config) and one MTP module (num_nextn_predict_layers: 1).
    const DEEPSEEK_V3: Architecture = mtp(
        formats(
            mla(
                moe(
                    dense_hd(61, 7168, 128, 128, 128, 18432, 129280, false, None),
                    256,
                    8,
                    1,
                    2048,
                    3,
                ),
                512,
                1536,
                64,
            ),
            Fp8,
            Fp8,
        ),
        1,
    );
    // Kimi K2 ships FP8 block-scaled weights like DeepSeek-V3 and no MTP module.
    const KIMI_K2: Architecture = formats(
        mla(
            moe(
                dense_hd(61, 7168, 64, 64, 128, 18432, 163840, false, None),
                384,
                8,
                1,
                2048,
                1,
            ),
            512,
            1536,
            64,
        ),
        Fp8,
        Fp8,
    );
    // DeepSeek-V2: 60 layers, the first dense, 160 routed experts of 1,536 (top 6) and 2 shared,
    // MLA with a query latent of 1,536, BF16 weights (config.json).
    const DEEPSEEK_V2: Architecture = mla(
        moe(
            dense_hd(60, 5120, 128, 128, 128, 12288, 102400, false, None),
            160,
            6,
            2,
            1536,
            1,
        ),
        512,
        1536,
        64,
    );
    const DEEPSEEK_V2_LITE: Architecture = mla(
        moe(
            dense_hd(27, 2048, 16, 16, 128, 10944, 102400, false, None),
            64,
            6,
            2,
            1408,
            1,
        ),
        512,
        0,
        64,
    );
    // Qwen3-Next and Qwen3.5: three Gated DeltaNet layers (16 key heads of 128, value heads of
    // 128, a 4-wide convolution) to one gated full-attention layer of 256-wide heads, one MTP
    // module, BF16 (config.json: full_attention_interval 4, attn_output_gate, linear_*).
    #[allow(clippy::too_many_arguments)]
    const fn qwen_hybrid(
        layers: u32,
        hidden: u32,
        heads: u32,
        kv_heads: u32,
        ffn: u32,
        value_heads: u32,
        vocab: u32,
        state_bits: u32,
    ) -> Architecture {
        let mut a = schedule(
            mtp(
                dense_hd(
                    layers, hidden, heads, kv_heads, 256, ffn, vocab, false, None,
                ),
                1,
            ),
            LocalAttention::GatedDeltaNet,
            4,
            0,
        );
        a.linear_key_heads = 16;
        a.linear_key_dim = 128;
        a.linear_value_heads = value_heads;
        a.linear_value_dim = 128;
        a.linear_conv = 4;
        a.linear_state_bits = state_bits;
        a.attn_gate = true;
        a
    }
    // DeepSeek-V3.2: V3's architecture with DeepSeek sparse attention, an indexer of 64 heads of
    // 128 choosing 2,048 keys per query (config.json index_n_heads, index_head_dim, index_topk).
    const DEEPSEEK_V32: Architecture = {
        let mut a = DEEPSEEK_V3;
        a.index_heads = 64;
        a.index_head_dim = 128;
        a.index_topk = 2048;
        a
    };
    // MiniMax-M2 and M2.5: full GQA attention in all 62 layers, 256 experts of 1,536 (top 8), FP8
    // with 128 × 128 blocks, three MTP modules (config.json num_mtp_modules 3).
    const MINIMAX_M2: Architecture = mtp(
        formats(
            moe(
                dense_hd(62, 3072, 48, 8, 128, 1536, 200064, false, None),
                256,
                8,
                0,
                1536,
                0,
            ),
            Fp8,
            Fp8,
        ),
        3,
    );
    const GLM_45: Architecture = mtp(
        moe(
            dense_hd(92, 5120, 96, 8, 128, 12288, 151552, false, Qkv),
            160,
            8,
            1,
            1536,
            3,
        ),
        1,
    );
    // GLM-5 (config.json, model_type glm_moe_dsa): MLA with value heads wider than the keys'
    // non-RoPE part (192 + 64 RoPE; values 256), query latent 2,048, KV latent 512; DeepSeek
    // sparse attention (32 indexer heads of 128, top 2,048); 78 layers, the first 3 dense
    // (12,288), then 256 experts of 2,048 (top 8) and one shared; one MTP module.
    const GLM_5: Architecture = {
        let mut a = mtp(
            mla(
                moe(
                    dense_hd(78, 6144, 64, 64, 192, 12288, 154880, false, None),
                    256,
                    8,
                    1,
                    2048,
                    3,
                ),
                512,
                2048,
                64,
            ),
            1,
        );
        a.v_head_dim = 256;
        a.index_heads = 32;
        a.index_head_dim = 128;
        a.index_topk = 2048;
        a
    };
    const FALCON: Architecture = {
        let mut a = dense(80, 14848, 232, 8, 4 * 14848, false, 65024, false, None);
        a.head_dim = 64;
        a
    };
    const LLAMA3_8B: Architecture = dense(32, 4096, 32, 8, 14336, true, 128256, false, None);
    const LLAMA3_70B: Architecture = dense(80, 8192, 64, 8, 28672, true, 128256, false, None);
    const fn qwen3(l: u32, h: u32, a: u32, ffn: u32, tied: bool) -> Architecture {
        dense_hd(l, h, a, 8, 128, ffn, 151936, tied, None)
    }
    const ROWS: &[Row] = &[
        // Qwen (Alibaba). Qwen3 pretrains at 4,096 tokens before its long-context stage.
        (
            "qwen3-0.6b",
            "Qwen3 0.6B",
            "qwen",
            qwen3(28, 1024, 16, 3072, true),
            4096,
            0.6e9,
            0.0,
            "Qwen3 technical report (Yang et al. 2025), Table 1; Qwen3-0.6B config.json (0.6B; 0.44B non-embedding)",
            Some(
                "the card rounds to 0.6B; this architecture counts 0.596B (0.44B without embeddings, as the card says)",
            ),
        ),
        (
            "qwen3-4b",
            "Qwen3 4B",
            "qwen",
            qwen3(36, 2560, 32, 9728, true),
            4096,
            4.02e9,
            0.0,
            "Qwen3 technical report, Table 1; Qwen3-4B config.json (Hugging Face: 4.02B)",
            Option::None,
        ),
        (
            "qwen3-8b",
            "Qwen3 8B",
            "qwen",
            qwen3(36, 4096, 32, 12288, false),
            4096,
            8.19e9,
            0.0,
            "Qwen3 technical report, Table 1; Qwen3-8B config.json (Hugging Face: 8.19B)",
            Option::None,
        ),
        (
            "qwen3-14b",
            "Qwen3 14B",
            "qwen",
            qwen3(40, 5120, 40, 17408, false),
            4096,
            14.8e9,
            0.0,
            "Qwen3 technical report, Table 1; Qwen3-14B config.json (model card: 14.8B)",
            Option::None,
        ),
        (
            "qwen3-32b",
            "Qwen3 32B",
            "qwen",
            qwen3(64, 5120, 64, 25600, false),
            4096,
            32.8e9,
            0.0,
            "Qwen3 technical report, Table 1; Qwen3-32B config.json (model card: 32.8B)",
            Option::None,
        ),
        (
            "qwen3-30b-a3b",
            "Qwen3 30B-A3B (MoE)",
            "qwen",
            moe(
                dense_hd(48, 2048, 32, 4, 128, 6144, 151936, false, None),
                128,
                8,
                0,
                768,
                0,
            ),
            4096,
            30.5e9,
            3.3e9,
            "Qwen3 technical report, Table 2; Qwen3-30B-A3B config.json (model card: 30.5B total, 3.3B activated)",
            Option::None,
        ),
        (
            "qwen3-235b-a22b",
            "Qwen3 235B-A22B (MoE)",
            "qwen",
            moe(
                dense_hd(94, 4096, 64, 4, 128, 12288, 151936, false, None),
                128,
                8,
                0,
                1536,
                0,
            ),
            4096,
            235e9,
            22e9,
            "Qwen3 technical report, Table 2; Qwen3-235B-A22B config.json (235B total, 22B activated)",
            Option::None,
        ),
        (
            "qwen2.5-7b",
            "Qwen2.5 7B",
            "qwen",
            dense(28, 3584, 28, 4, 18944, true, 152064, false, Qkv),
            32768,
            7_615_616_512.0,
            0.0,
            "Qwen Team 2024, Qwen2.5 report Table 1; Qwen2.5-7B config.json (7,615,616,512 weights)",
            Option::None,
        ),
        (
            "qwen2.5-14b",
            "Qwen2.5 14B",
            "qwen",
            dense(48, 5120, 40, 8, 13824, true, 152064, false, Qkv),
            32768,
            14.7e9,
            0.0,
            "Qwen2.5 report Table 1; Qwen2.5-14B config.json (model card: 14.7B)",
            Option::None,
        ),
        (
            "qwen2.5-32b",
            "Qwen2.5 32B",
            "qwen",
            dense(64, 5120, 40, 8, 27648, true, 152064, false, Qkv),
            32768,
            32.8e9,
            0.0,
            "Qwen2.5 report Table 1; Qwen2.5-32B config.json (Hugging Face: 32.8B)",
            Option::None,
        ),
        (
            "qwen2.5-72b",
            "Qwen2.5 72B",
            "qwen",
            dense(80, 8192, 64, 8, 29568, true, 152064, false, Qkv),
            32768,
            72.7e9,
            0.0,
            "Qwen Team 2024, Qwen2.5 report Table 1; Qwen2.5-72B config.json (72.7B)",
            Option::None,
        ),
        (
            "qwen3-next-80b-a3b",
            "Qwen3-Next 80B-A3B (hybrid MoE)",
            "qwen",
            {
                let mut a = moe(
                    qwen_hybrid(48, 2048, 16, 2, 5120, 32, 151936, 16),
                    512,
                    10,
                    1,
                    512,
                    0,
                );
                a.ffn = 5120;
                a
            },
            4096,
            80e9,
            3e9,
            "Qwen3-Next-80B-A3B model card (80B total, 3B activated) and config.json: 48 layers = 12 × (3 Gated DeltaNet + 1 gated attention), 512 experts, top 10, one shared",
            Some(
                "the card's 80B and 3B are rounded name labels; this count is 79.67B (81.3B with the MTP module) and 3.88B active with the embedding and head",
            ),
        ),
        (
            "qwen3.5-397b-a17b",
            "Qwen3.5 397B-A17B (hybrid MoE)",
            "qwen",
            moe(
                qwen_hybrid(60, 4096, 32, 2, 0, 64, 248320, 32),
                512,
                10,
                1,
                1024,
                0,
            ),
            4096,
            397e9,
            17e9,
            "Qwen3.5-397B-A17B model card (397B total, 17B activated) and config.json text_config: 60 layers = 15 × (3 Gated DeltaNet + 1 gated attention), mamba_ssm_dtype float32",
            Some(
                "the card's 17B is a rounded name label; this count of the language model is 396.3B and 17.3B active (the vision encoder and MTP module apart)",
            ),
        ),
        (
            "qwen3.5-122b-a10b",
            "Qwen3.5 122B-A10B (hybrid MoE)",
            "qwen",
            moe(
                qwen_hybrid(48, 3072, 32, 2, 0, 64, 248320, 32),
                256,
                8,
                1,
                1024,
                0,
            ),
            4096,
            122e9,
            10e9,
            "Qwen3.5-122B-A10B model card and config.json text_config: 48 layers = 12 × (3 Gated DeltaNet + 1 gated attention), 256 experts, top 8",
            Some(
                "the card's 10B is a rounded name label; this count of the language model is 122.1B and 9.77B active",
            ),
        ),
        (
            "qwen3.5-35b-a3b",
            "Qwen3.5 35B-A3B (hybrid MoE)",
            "qwen",
            moe(
                qwen_hybrid(40, 2048, 16, 2, 0, 32, 248320, 32),
                256,
                8,
                1,
                512,
                0,
            ),
            4096,
            35e9,
            3e9,
            "Qwen3.5-35B-A3B model card and config.json text_config: 40 layers = 10 × (3 Gated DeltaNet + 1 gated attention), 256 experts, top 8",
            Some(
                "the card's 35B and 3B are rounded name labels; this count of the language model is 34.66B and 3.46B active (the Hub's 36B adds the vision encoder and MTP module)",
            ),
        ),
        (
            "qwen3.5-27b",
            "Qwen3.5 27B (hybrid)",
            "qwen",
            qwen_hybrid(64, 5120, 24, 4, 17408, 48, 248320, 32),
            4096,
            27e9,
            0.0,
            "Qwen3.5-27B model card and config.json text_config: 64 layers = 16 × (3 Gated DeltaNet + 1 gated attention)",
            Option::None,
        ),
        (
            "qwen2-57b-a14b",
            "Qwen2 57B-A14B (MoE)",
            "qwen",
            moe(
                dense(28, 3584, 28, 4, 18944, true, 151936, false, Qkv),
                64,
                8,
                8,
                2560,
                0,
            ),
            32768,
            57.41e9,
            14.2e9,
            "Qwen2 technical report, Table 1; Qwen2-57B-A14B config.json (Hugging Face: 57.41B; one shared expert of 8 x 2560)",
            Option::None,
        ),
        // DeepSeek.
        (
            "deepseek-v3",
            "DeepSeek-V3 (671B MoE)",
            "deepseek",
            DEEPSEEK_V3,
            4096,
            671e9,
            37e9,
            "DeepSeek-AI 2024, DeepSeek-V3 Technical Report sec. 4.2 (671B total, 37B active)",
            Option::None,
        ),
        (
            "deepseek-r1",
            "DeepSeek-R1 (671B MoE)",
            "deepseek",
            DEEPSEEK_V3,
            4096,
            671e9,
            37e9,
            "DeepSeek-AI 2025, DeepSeek-R1 model card: the DeepSeek-V3 architecture (671B total, 37B active)",
            Option::None,
        ),
        (
            "deepseek-v3.1",
            "DeepSeek-V3.1 (671B MoE)",
            "deepseek",
            DEEPSEEK_V3,
            4096,
            671e9,
            37e9,
            "DeepSeek-V3.1 model card: the DeepSeek-V3 architecture (671B total, 37B active), FP8 with 128 × 128 block scales; config.json",
            Option::None,
        ),
        (
            "deepseek-v3.2",
            "DeepSeek-V3.2 (685B MoE, sparse attention)",
            "deepseek",
            DEEPSEEK_V32,
            4096,
            685e9,
            // The card states no active count (V3's 37B plus the indexer's 0.85B).
            0.0,
            "DeepSeek-V3.2-Exp model card (685B with the MTP module) and config.json: V3 with DeepSeek sparse attention (index_n_heads 64, index_head_dim 128, index_topk 2048)",
            Some(
                "685B is the checkpoint with its MTP module; the main model with the indexer counts 671.9B (683.6B with MTP, the embedding and head copies apart)",
            ),
        ),
        (
            "deepseek-v2",
            "DeepSeek-V2 (236B MoE)",
            "deepseek",
            DEEPSEEK_V2,
            4096,
            236e9,
            21e9,
            "DeepSeek-AI 2024, DeepSeek-V2 report sec. 1 and 3.1.2 (236B total, 21B activated per token); DeepSeek-V2 config.json",
            Option::None,
        ),
        (
            "deepseek-llm-67b",
            "DeepSeek LLM 67B",
            "deepseek",
            dense(95, 8192, 64, 8, 22016, true, 102400, false, None),
            4096,
            67e9,
            0.0,
            "DeepSeek-AI 2024, DeepSeek LLM (arXiv 2401.02954) Table 2: 95 layers, d_model 8,192, 64 heads, 8 KV heads; deepseek-llm-67b-base config.json",
            Some("the report's 67B is rounded; this architecture counts 67.4B"),
        ),
        (
            "deepseek-v2-lite",
            "DeepSeek-V2-Lite (16B MoE)",
            "deepseek",
            DEEPSEEK_V2_LITE,
            4096,
            15.7e9,
            2.4e9,
            "DeepSeek-AI 2024, DeepSeek-V2 report appendix B; DeepSeek-V2-Lite config.json (Hugging Face: 15.7B; 2.4B active without the embedding lookup)",
            Some("the 2.4B active matches this count without the embedding lookup (2.45B)"),
        ),
        // Kimi (Moonshot AI).
        (
            "kimi-k2",
            "Kimi K2 (1T MoE)",
            "kimi",
            KIMI_K2,
            4096,
            1e12,
            32e9,
            "Moonshot AI, Kimi K2 model card: 1T total, 32B activated; Kimi-K2-Base config.json",
            Some("the model card rounds to 1T and 32B; this architecture counts 1.026T and 32.9B"),
        ),
        // GLM (Zhipu).
        (
            "glm-4.5",
            "GLM-4.5 (355B MoE)",
            "glm",
            GLM_45,
            4096,
            355e9,
            32e9,
            "GLM-4.5 team 2025, GLM-4.5 technical report Table 1 (355B total, 32B activated, taken without the embedding lookup); GLM-4.5 config.json",
            Some(
                "92 layers count 352.8B total and 32.9B active; the report does not break its 355B and 32B down (its MTP layer is not counted here)",
            ),
        ),
        (
            "glm-4.6",
            "GLM-4.6 (355B MoE)",
            "glm",
            GLM_45,
            4096,
            355e9,
            32e9,
            "Z.ai GLM-4.6 model card (the GLM-4.5 architecture, 355B total, 32B activated, taken without the embedding lookup) and config.json",
            Some(
                "92 layers count 352.8B total and 32.9B active; the card does not break its 355B and 32B down (the MTP layer is counted apart)",
            ),
        ),
        (
            "glm-5",
            "GLM-5 (744B MoE, sparse attention)",
            "glm",
            GLM_5,
            4096,
            744e9,
            40e9,
            "Z.ai GLM-5 model card (744B parameters, 40B active, as SGLang's GLM-5 page quotes it; taken without the embedding lookup, as GLM-4.5's) and config.json (zai-org/GLM-5 as copied in ai-dynamo/aiconfigurator 095f58a)",
            Some(
                "78 layers count 743.9B total and 41.8B active (40.8B without the embedding lookup); the card does not break its rounded 40B down (the MTP layer is counted apart)",
            ),
        ),
        (
            "minimax-m2",
            "MiniMax-M2 (229B MoE)",
            "minimax",
            MINIMAX_M2,
            4096,
            229e9,
            10e9,
            "MiniMax-M2 model card (230B total, 10B activated; Hugging Face safetensors 229B) and config.json: 62 full-attention layers, 256 experts, top 8, FP8",
            Some(
                "the card's 10B is a rounded label; this count is 228.7B and 10.4B active without the embedding lookup",
            ),
        ),
        (
            "minimax-m2.5",
            "MiniMax-M2.5 (229B MoE)",
            "minimax",
            MINIMAX_M2,
            4096,
            229e9,
            10e9,
            "MiniMax-M2.5 config.json: the MiniMax-M2 architecture (62 layers, 256 experts, top 8, FP8 128 × 128 blocks)",
            Some(
                "the card's 10B is a rounded label; this count is 228.7B and 10.4B active without the embedding lookup",
            ),
        ),
        (
            "glm-4-9b",
            "GLM-4 9B",
            "glm",
            dense_hd(40, 4096, 32, 2, 128, 13696, 151552, false, Qkv),
            8192,
            9.40e9,
            0.0,
            "GLM Team 2024, ChatGLM report; glm-4-9b-hf config.json (Hugging Face: 9.40B)",
            Option::None,
        ),
        (
            "chatglm2-6b",
            "ChatGLM2-6B",
            "glm",
            dense(28, 4096, 32, 2, 13696, true, 65024, false, Qkv),
            32768,
            6_243_584_000.0,
            0.0,
            "THUDM ChatGLM2-6B config.json (multi-query groups 2; 6,243,584,000 weights)",
            Option::None,
        ),
        // Llama (Meta).
        (
            "llama-4-scout",
            "Llama 4 Scout (109B MoE)",
            "llama",
            // Three chunked-attention layers (8,192-token chunks) to one global NoPE layer
            // (config.json: attention_chunk_size 8192, no_rope_layers every 4th).
            schedule(
                moe(
                    dense_hd(48, 5120, 40, 8, 128, 16384, 202048, false, None),
                    16,
                    1,
                    1,
                    8192,
                    0,
                ),
                Chunk,
                4,
                8192,
            ),
            8192,
            109e9,
            17e9,
            "Meta 2025, Llama 4 model card (17B active, 109B total); Llama-4-Scout-17B-16E config.json text_config",
            Some("the language model counts 107.8B; the card's 109B includes the vision encoder"),
        ),
        (
            "llama-4-maverick",
            "Llama 4 Maverick (400B MoE)",
            "llama",
            // MoE in every other layer (interleave_moe_layer_step 2: 128 experts of 8,192, top 1,
            // one shared), a 16,384-wide FFN in the others, and Scout's chunked schedule.
            {
                let mut a = schedule(
                    moe(
                        dense_hd(48, 5120, 40, 8, 128, 16384, 202048, false, None),
                        128,
                        1,
                        1,
                        8192,
                        0,
                    ),
                    Chunk,
                    4,
                    8192,
                );
                a.moe_every = 2;
                a
            },
            8192,
            400e9,
            17e9,
            "Meta 2025, Llama 4 model card (17B active, 400B total); Llama-4-Maverick-17B-128E config.json text_config",
            Some(
                "the language model counts 400.6B; the card's 400B is rounded and includes the vision encoder",
            ),
        ),
        (
            "llama-3.3-70b",
            "Llama-3.3 70B",
            "llama",
            LLAMA3_70B,
            8192,
            70_553_706_496.0,
            0.0,
            "Meta Llama 3.3 model card; Llama-3.3-70B config.json: the Llama 3.1 70B architecture (70,553,706,496 weights)",
            Option::None,
        ),
        (
            "llama-3.2-1b",
            "Llama-3.2 1B",
            "llama",
            dense_hd(16, 2048, 32, 8, 64, 8192, 128256, true, None),
            8192,
            1_235_814_400.0,
            0.0,
            "Meta Llama 3.2 model card; Llama-3.2-1B config.json (1,235,814,400 weights)",
            Option::None,
        ),
        (
            "llama-3.2-3b",
            "Llama-3.2 3B",
            "llama",
            dense_hd(28, 3072, 24, 8, 128, 8192, 128256, true, None),
            8192,
            3_212_749_824.0,
            0.0,
            "Meta Llama 3.2 model card; Llama-3.2-3B config.json (3,212,749,824 weights)",
            Option::None,
        ),
        (
            "llama-3.1-405b",
            "Llama-3.1 405B",
            "llama",
            dense(126, 16384, 128, 8, 53248, true, 128256, false, None),
            8192,
            405_853_388_800.0,
            0.0,
            "Llama Team 2024, Table 3; Llama-3.1-405B config.json (405,853,388,800 weights)",
            Option::None,
        ),
        (
            "llama-3.1-8b",
            "Llama-3.1 8B",
            "llama",
            LLAMA3_8B,
            8192,
            8_030_261_248.0,
            0.0,
            "Llama Team 2024, Table 3; Llama-3.1-8B config.json (8,030,261,248 weights)",
            Option::None,
        ),
        (
            "llama-3-70b",
            "Llama-3 70B",
            "llama",
            LLAMA3_70B,
            8192,
            70_553_706_496.0,
            0.0,
            "Meta Llama 3 model card; Meta-Llama-3-70B config.json (70,553,706,496 weights)",
            Option::None,
        ),
        (
            "llama-3-8b",
            "Llama-3 8B",
            "llama",
            LLAMA3_8B,
            8192,
            8_030_261_248.0,
            0.0,
            "Meta Llama 3 model card; Meta-Llama-3-8B config.json (8,030,261,248 weights)",
            Option::None,
        ),
        (
            "llama-2-70b",
            "Llama-2 70B",
            "llama",
            dense(80, 8192, 64, 8, 28672, true, 32000, false, None),
            4096,
            68_976_648_192.0,
            0.0,
            "Touvron et al. 2023b; Llama-2-70b config.json (68,976,648,192 weights)",
            Option::None,
        ),
        (
            "llama-2-13b",
            "Llama-2 13B",
            "llama",
            dense(40, 5120, 40, 40, 13824, true, 32000, false, None),
            4096,
            13_015_864_320.0,
            0.0,
            "Touvron et al. 2023b; Llama-2-13b config.json (13,015,864,320 weights)",
            Option::None,
        ),
        (
            "llama-2-7b",
            "Llama-2 7B",
            "llama",
            dense(32, 4096, 32, 32, 11008, true, 32000, false, None),
            4096,
            6_738_415_616.0,
            0.0,
            "Touvron et al. 2023b; Llama-2-7b config.json (6,738,415,616 weights)",
            Option::None,
        ),
        // OpenAI.
        (
            "gpt-oss-120b",
            "gpt-oss-120b (MoE)",
            "openai",
            // A 128-token sliding window on every other layer (config.json layer_types), and
            // the experts in MXFP4 (quantization_config; attention, router and embeddings BF16).
            formats(
                schedule(
                    moe(
                        dense_hd(36, 2880, 64, 8, 64, 2880, 201088, false, Qkv),
                        128,
                        4,
                        0,
                        2880,
                        0,
                    ),
                    Window,
                    2,
                    128,
                ),
                Bf16,
                Mxfp4,
            ),
            4096,
            116.83e9,
            5.13e9,
            "OpenAI 2025, gpt-oss model card Table 1 (116.83B total; 5.13B active without the embedding lookup)",
            Option::None,
        ),
        (
            "gpt-oss-20b",
            "gpt-oss-20b (MoE)",
            "openai",
            // A 128-token sliding window on every other layer (config.json layer_types), and
            // the experts in MXFP4 (quantization_config; attention, router and embeddings BF16).
            formats(
                schedule(
                    moe(
                        dense_hd(24, 2880, 64, 8, 64, 2880, 201088, false, Qkv),
                        32,
                        4,
                        0,
                        2880,
                        0,
                    ),
                    Window,
                    2,
                    128,
                ),
                Bf16,
                Mxfp4,
            ),
            4096,
            20.91e9,
            3.61e9,
            "OpenAI 2025, gpt-oss model card Table 1 (20.91B total; 3.61B active without the embedding lookup)",
            Option::None,
        ),
        (
            "gpt-3-175b",
            "GPT-3 175B",
            "openai",
            dense(96, 12288, 96, 96, 4 * 12288, false, 50257, true, All),
            2048,
            174.6e9,
            0.0,
            "Brown et al. 2020, Table 2.1 (174.6B in Table D.1)",
            Option::None,
        ),
        // Gemma (Google): GeGLU, tied embeddings, heads wider than h / a.
        (
            "gemma-3-27b",
            "Gemma 3 27B",
            "gemma",
            // Five local layers (1,024-token window) to one global (config.json:
            // sliding_window 1024, sliding_window_pattern 6).
            schedule(
                dense_hd(62, 5376, 32, 16, 128, 21504, 262208, true, None),
                Window,
                6,
                1024,
            ),
            8192,
            27.4e9,
            0.0,
            "Gemma Team 2025, Gemma 3 technical report Table 1; gemma-3-27b config.json text_config (Hugging Face: 27.4B)",
            Some(
                "the language model counts 27.0B; the published 27.4B includes the 0.4B SigLIP vision encoder",
            ),
        ),
        (
            "gemma-3-12b",
            "Gemma 3 12B",
            "gemma",
            schedule(
                dense_hd(48, 3840, 16, 8, 256, 15360, 262208, true, None),
                Window,
                6,
                1024,
            ),
            8192,
            11.771e9,
            0.0,
            "Gemma Team 2025, Gemma 3 technical report Table 1 (1,012M embedding + 10,759M non-embedding parameters, the 417M vision encoder apart); gemma-3-12b config.json text_config",
            Option::None,
        ),
        (
            "gemma-3-1b",
            "Gemma 3 1B",
            "gemma",
            schedule(
                dense_hd(26, 1152, 4, 1, 256, 6912, 262144, true, None),
                Window,
                6,
                512,
            ),
            8192,
            1.0e9,
            0.0,
            "Gemma 3 technical report Table 1; gemma-3-1b config.json (Hugging Face: 1.00B)",
            Option::None,
        ),
        (
            "gemma-2-27b",
            "Gemma 2 27B",
            "gemma",
            // Gemma 2 alternates a 4,096-token window with global attention.
            schedule(
                dense_hd(46, 4608, 32, 16, 128, 36864, 256000, true, None),
                Window,
                2,
                4096,
            ),
            8192,
            27.2e9,
            0.0,
            "Gemma Team 2024, Gemma 2 report Table 1; gemma-2-27b config.json (Hugging Face: 27.2B)",
            Option::None,
        ),
        (
            "gemma-2-9b",
            "Gemma 2 9B",
            "gemma",
            schedule(
                dense_hd(42, 3584, 16, 8, 256, 14336, 256000, true, None),
                Window,
                2,
                4096,
            ),
            8192,
            9.24e9,
            0.0,
            "Gemma 2 report Table 1; gemma-2-9b config.json (Hugging Face: 9.24B)",
            Option::None,
        ),
        // Mistral AI.
        (
            "mistral-large-2",
            "Mistral Large 2 (123B)",
            "mistral",
            dense_hd(88, 12288, 96, 8, 128, 28672, 32768, false, None),
            32768,
            123e9,
            0.0,
            "Mistral AI 2024, Mistral Large 2 announcement (123B); Mistral-Large-Instruct-2407 config.json",
            Option::None,
        ),
        (
            "mistral-small-24b",
            "Mistral Small 3 24B",
            "mistral",
            dense_hd(40, 5120, 32, 8, 128, 32768, 131072, false, None),
            32768,
            23.6e9,
            0.0,
            "Mistral AI 2025, Mistral Small 3 model card; Mistral-Small-24B-Base-2501 config.json (Hugging Face: 23.6B)",
            Option::None,
        ),
        (
            "mistral-7b",
            "Mistral 7B",
            "mistral",
            // Every layer attends through a 4,096-token sliding window (config.json).
            schedule(
                dense(32, 4096, 32, 8, 14336, true, 32000, false, None),
                Window,
                0,
                4096,
            ),
            8192,
            7_241_732_096.0,
            0.0,
            "Jiang et al. 2023, Mistral 7B Table 1; Mistral-7B-v0.1 config.json (7,241,732,096 weights)",
            Option::None,
        ),
        (
            "mixtral-8x22b",
            "Mixtral 8x22B",
            "mistral",
            moe(
                dense(56, 6144, 48, 8, 16384, true, 32768, false, None),
                8,
                2,
                0,
                16384,
                0,
            ),
            65536,
            141e9,
            39e9,
            "Mistral AI 2024, Mixtral 8x22B announcement (141B total, 39B active); Mixtral-8x22B-v0.1 config.json",
            Option::None,
        ),
        (
            "mixtral-8x7b",
            "Mixtral 8x7B",
            "mistral",
            moe(
                dense(32, 4096, 32, 8, 14336, true, 32000, false, None),
                8,
                2,
                0,
                14336,
                0,
            ),
            32768,
            46.7e9,
            12.9e9,
            "Jiang et al. 2024, Mixtral of Experts sec. 2 (46.7B total, 12.9B active)",
            Option::None,
        ),
        // Historical runs of the reference tables.
        (
            "llama-65b",
            "LLaMA-65B",
            "historical",
            dense(80, 8192, 64, 64, 22016, true, 32000, false, None),
            2048,
            65.2e9,
            0.0,
            "Touvron et al. 2023, Table 2 (65.2B; L 80, h 8192, a 64)",
            Option::None,
        ),
        (
            "opt-175b",
            "OPT-175B",
            "historical",
            dense(96, 12288, 96, 96, 4 * 12288, false, 50272, true, All),
            2048,
            175e9,
            0.0,
            "Zhang et al. 2022, Table 1 (L 96, h 12288, a 96; 175B)",
            Option::None,
        ),
        (
            "pythia-12b",
            "Pythia 12B",
            "historical",
            dense(36, 5120, 40, 40, 20480, false, 50688, false, All),
            2048,
            11_846_072_320.0,
            0.0,
            "Biderman et al. 2023, Pythia Table 1 (11,846,072,320 weights; L 36, h 5120)",
            Option::None,
        ),
        (
            "gpt-neox-20b",
            "GPT-NeoX-20B",
            "historical",
            dense(44, 6144, 64, 64, 24576, false, 50432, false, All),
            2048,
            20_554_567_680.0,
            0.0,
            "Black et al. 2022, Table 1; GPT-NeoX-20B config (20,554,567,680 weights)",
            Option::None,
        ),
        // The embedding matrix is padded to 250,880 rows (tokenizer: 250,680 tokens).
        (
            "bloom-176b",
            "BLOOM-176B",
            "historical",
            dense(70, 14336, 112, 112, 4 * 14336, false, 250880, true, All),
            2048,
            176_247_271_424.0,
            0.0,
            "BigScience 2022, BLOOM paper Table 3; bloom config.json (176,247,271,424 weights)",
            Option::None,
        ),
        (
            "falcon-180b",
            "Falcon-180B",
            "historical",
            FALCON,
            2048,
            180e9,
            0.0,
            "Almazrouei et al. 2023, The Falcon Series, Table 1 (180B)",
            Option::None,
        ),
    ];
    ROWS.iter()
        .map(
            |&(id, name, fam, ref arch, seq, total, active, source, count_note)| Preset {
                id,
                name,
                family: *FAMILIES
                    .iter()
                    .find(|f| f.id == fam)
                    .expect("family listed"),
                arch: arch.clone(),
                seq,
                published_params: total,
                published_active: if active > 0.0 { active } else { total },
                source,
                count_note,
                max_context: MAX_CONTEXT
                    .iter()
                    .find(|(m, _)| *m == id)
                    .map_or(seq, |(_, c)| *c),
            },
        )
        .collect()
}

/// The longest context each model serves, tokens: its config.json's `max_position_embeddings`,
/// or the model card's context length where the card states a longer one reached by RoPE
/// scaling (Qwen2.5's 131,072 with YaRN) or a shorter one the model was made for (Qwen3's
/// 32,768 natively, DeepSeek-V2-Lite's 32k). The context chart runs up to it.
const MAX_CONTEXT: &[(&str, u32)] = &[
    ("qwen3-0.6b", 32_768),
    ("qwen3-4b", 32_768),
    ("qwen3-8b", 32_768),
    ("qwen3-14b", 32_768),
    ("qwen3-32b", 32_768),
    ("qwen3-30b-a3b", 32_768),
    ("qwen3-235b-a22b", 32_768),
    ("qwen2.5-7b", 131_072),
    ("qwen2.5-14b", 131_072),
    ("qwen2.5-32b", 131_072),
    ("qwen2.5-72b", 131_072),
    ("qwen3-next-80b-a3b", 262_144),
    ("qwen3.5-397b-a17b", 262_144),
    ("qwen3.5-122b-a10b", 262_144),
    ("qwen3.5-35b-a3b", 262_144),
    ("qwen3.5-27b", 262_144),
    ("qwen2-57b-a14b", 65_536),
    ("deepseek-v3", 163_840),
    ("deepseek-r1", 163_840),
    ("deepseek-v3.1", 163_840),
    ("deepseek-v3.2", 163_840),
    ("deepseek-v2", 163_840),
    ("deepseek-llm-67b", 4_096),
    ("deepseek-v2-lite", 32_768),
    ("kimi-k2", 131_072),
    ("minimax-m2", 196_608),
    ("minimax-m2.5", 196_608),
    ("glm-4.5", 131_072),
    ("glm-4.6", 202_752),
    ("glm-5", 202_752),
    ("glm-4-9b", 8_192),
    ("chatglm2-6b", 32_768),
    ("llama-4-scout", 10_485_760),
    ("llama-4-maverick", 1_048_576),
    ("llama-3.3-70b", 131_072),
    ("llama-3.2-1b", 131_072),
    ("llama-3.2-3b", 131_072),
    ("llama-3.1-405b", 131_072),
    ("llama-3.1-8b", 131_072),
    ("llama-3-70b", 8_192),
    ("llama-3-8b", 8_192),
    ("llama-2-70b", 4_096),
    ("llama-2-13b", 4_096),
    ("llama-2-7b", 4_096),
    ("gpt-oss-120b", 131_072),
    ("gpt-oss-20b", 131_072),
    ("gpt-3-175b", 2_048),
    ("gemma-3-27b", 131_072),
    ("gemma-3-12b", 131_072),
    ("gemma-3-1b", 32_768),
    ("gemma-2-27b", 8_192),
    ("gemma-2-9b", 8_192),
    ("mistral-large-2", 131_072),
    ("mistral-small-24b", 32_768),
    ("mistral-7b", 32_768),
    ("mixtral-8x22b", 65_536),
    ("mixtral-8x7b", 32_768),
    ("llama-65b", 2_048),
    ("opt-175b", 2_048),
    ("pythia-12b", 2_048),
    ("gpt-neox-20b", 2_048),
    ("bloom-176b", 2_048),
    ("falcon-180b", 2_048),
];

#[cfg(test)]
mod tests {
    #[test]
    fn every_preset_names_its_longest_context() {
        for p in super::all() {
            assert!(
                super::MAX_CONTEXT.iter().any(|(id, _)| *id == p.id),
                "{} has no max context",
                p.id
            );
            assert!(p.max_context >= p.seq, "{}", p.id);
        }
    }
}
