//! Model presets: published architectures, one row each with its source and published size.
//!
//! Configurations from `docs/model.md` §9 and the models'
//! published `config.json` files. `published_params` is the figure the source states, so tests can
//! compare the architecture-derived count with it.

use super::architecture::{Architecture, Bias};

/// A named, sourced architecture.
#[derive(Clone, Debug)]
pub struct Preset {
    /// Query-string id (`model=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
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
    Architecture {
        layers,
        hidden,
        heads,
        kv_heads,
        head_dim: hidden / heads,
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

/// Every preset, in the order the UI lists them.
pub fn all() -> &'static [Preset] {
    use std::sync::OnceLock;
    static PRESETS: OnceLock<Vec<Preset>> = OnceLock::new();
    PRESETS.get_or_init(build)
}

/// Looks a preset up by its id.
pub fn find(id: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.id == id)
}

fn build() -> Vec<Preset> {
    use Bias::{All, None, Qkv};
    let p = |id, name, arch, seq, published: f64, source| Preset {
        id,
        name,
        arch,
        seq,
        published_params: published,
        published_active: published,
        source,
    };
    let mut deepseek = dense(61, 7168, 128, 128, 18432, true, 129280, false, None);
    deepseek.head_dim = 128;
    deepseek.experts = 256;
    deepseek.top_k = 8;
    deepseek.shared_experts = 1;
    deepseek.expert_ffn = 2048;
    deepseek.dense_layers = 3;
    deepseek.kv_latent = 512;
    deepseek.q_latent = 1536;
    deepseek.rope_dim = 64;

    let mut mixtral = dense(32, 4096, 32, 8, 14336, true, 32000, false, None);
    mixtral.experts = 8;
    mixtral.top_k = 2;
    mixtral.expert_ffn = 14336;

    let mut falcon = dense(80, 14848, 232, 8, 4 * 14848, false, 65024, false, None);
    falcon.head_dim = 64;

    vec![
        p(
            "gpt-3-175b",
            "GPT-3 175B",
            dense(96, 12288, 96, 96, 4 * 12288, false, 50257, true, All),
            2048,
            174.6e9,
            "Brown et al. 2020, Table 2.1 (174.6B in Table D.1)",
        ),
        p(
            "llama-2-7b",
            "Llama-2 7B",
            dense(32, 4096, 32, 32, 11008, true, 32000, false, None),
            4096,
            6_738_415_616.0,
            "Touvron et al. 2023b; Llama-2-7b config.json (6,738,415,616 weights)",
        ),
        p(
            "llama-2-13b",
            "Llama-2 13B",
            dense(40, 5120, 40, 40, 13824, true, 32000, false, None),
            4096,
            13_015_864_320.0,
            "Touvron et al. 2023b; Llama-2-13b config.json (13,015,864,320 weights)",
        ),
        p(
            "llama-2-70b",
            "Llama-2 70B",
            dense(80, 8192, 64, 8, 28672, true, 32000, false, None),
            4096,
            68_976_648_192.0,
            "Touvron et al. 2023b; Llama-2-70b config.json (68,976,648,192 weights)",
        ),
        p(
            "llama-3-8b",
            "Llama-3 8B",
            dense(32, 4096, 32, 8, 14336, true, 128256, false, None),
            8192,
            8_030_261_248.0,
            "Meta Llama 3 model card; Meta-Llama-3-8B config.json (8,030,261,248 weights)",
        ),
        p(
            "llama-3-70b",
            "Llama-3 70B",
            dense(80, 8192, 64, 8, 28672, true, 128256, false, None),
            8192,
            70_553_706_496.0,
            "Meta Llama 3 model card; Meta-Llama-3-70B config.json (70,553,706,496 weights)",
        ),
        p(
            "llama-3.1-405b",
            "Llama-3.1 405B",
            dense(126, 16384, 128, 8, 53248, true, 128256, false, None),
            8192,
            405_853_388_800.0,
            "Llama Team 2024, Table 3; Llama-3.1-405B config.json (405,853,388,800 weights)",
        ),
        Preset {
            id: "deepseek-v3",
            name: "DeepSeek-V3 (671B MoE)",
            arch: deepseek,
            seq: 4096,
            published_params: 671e9,
            published_active: 37e9,
            source: "DeepSeek-AI 2024, DeepSeek-V3 Technical Report sec. 4.2 (671B total, 37B active)",
        },
        p(
            "gpt-neox-20b",
            "GPT-NeoX-20B",
            dense(44, 6144, 64, 64, 24576, false, 50432, false, All),
            2048,
            20_554_567_680.0,
            "Black et al. 2022, Table 1; GPT-NeoX-20B config (20,554,567,680 weights)",
        ),
        p(
            "bloom-176b",
            "BLOOM-176B",
            // The embedding matrix is padded to 250,880 rows (tokenizer: 250,680 tokens).
            dense(70, 14336, 112, 112, 4 * 14336, false, 250880, true, All),
            2048,
            176_247_271_424.0,
            "BigScience 2022, BLOOM paper Table 3; bloom config.json (176,247,271,424 weights)",
        ),
        p(
            "falcon-180b",
            "Falcon-180B",
            falcon,
            2048,
            180e9,
            "Almazrouei et al. 2023, The Falcon Series, Table 1 (180B)",
        ),
        p(
            "qwen2.5-7b",
            "Qwen2.5 7B",
            dense(28, 3584, 28, 4, 18944, true, 152064, false, Qkv),
            32768,
            7.61e9,
            "Qwen Team 2024, Qwen2.5 report Table 1; Qwen2.5-7B config.json (7.61B)",
        ),
        p(
            "qwen2.5-72b",
            "Qwen2.5 72B",
            dense(80, 8192, 64, 8, 29568, true, 152064, false, Qkv),
            32768,
            72.7e9,
            "Qwen Team 2024, Qwen2.5 report Table 1; Qwen2.5-72B config.json (72.7B)",
        ),
        p(
            "chatglm2-6b",
            "ChatGLM2-6B",
            dense(28, 4096, 32, 2, 13696, true, 65024, false, Qkv),
            32768,
            6_243_584_000.0,
            "THUDM ChatGLM2-6B config.json (multi-query groups 2; 6,243,584,000 weights)",
        ),
        Preset {
            id: "mixtral-8x7b",
            name: "Mixtral 8x7B",
            arch: mixtral,
            seq: 32768,
            published_params: 46.7e9,
            published_active: 12.9e9,
            source: "Jiang et al. 2024, Mixtral of Experts sec. 2 (46.7B total, 12.9B active)",
        },
    ]
}
