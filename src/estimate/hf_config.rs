//! A Hugging Face `config.json` read into an [`Architecture`].
//!
//! The file is parsed with serde into a map of its keys, and each architecture field is read from
//! the spellings the config families use (Llama/Mistral/Qwen2/Qwen3, their MoE forms, Mixtral,
//! DeepSeek-V2/V3 and Kimi K2, Gemma 2/3, GPT-NeoX, Falcon, ChatGLM/GLM-4/GLM-4.5, gpt-oss,
//! Llama 4). Keys that do not change the compute (rope scaling, sliding windows, token ids) are
//! listed as ignored. A config this model cannot represent (linear attention, state-space layers,
//! dense and MoE layers interleaved, an encoder-decoder) is an error naming the field: it is
//! never guessed. `docs/model.md` §1 lists what each family's count leaves out.

use super::architecture::{Architecture, Bias};
use serde_json::{Map, Value};
use std::fmt;

/// What a config.json gave: the architecture, its name, and what was not used.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The architecture read from the file.
    pub arch: Architecture,
    /// The model's name where the file carries one (`_name_or_path`), else its class.
    pub name: String,
    /// The family (`model_type`).
    pub model_type: String,
    /// Keys present that do not change the compute, as the file spells them.
    pub ignored: Vec<String>,
    /// Parts the count leaves out or values it assumed.
    pub notes: Vec<Note>,
}

/// Something the count left out or assumed, worth saying beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Note {
    /// No FFN size in the file: 4 × hidden taken.
    FfnAssumed(u32),
    /// No `tie_word_embeddings`: the family's default taken.
    TiedByDefault(bool),
    /// Biases on every linear layer counted as Q/K/V biases only.
    LinearBiasesAsQkv,
    /// gpt-oss's expert, output and router biases and attention sinks.
    GptOssBiases,
    /// Multi-token-prediction layers, which the published totals leave out.
    MtpNotCounted,
    /// Gemma's extra post-attention and post-FFN norms.
    GemmaNorms,
    /// Qwen2-MoE's shared-expert gate.
    SharedExpertGate,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::FfnAssumed(ffn) => write!(f, "no FFN size given: 4 × hidden = {ffn} assumed"),
            Note::TiedByDefault(tied) => write!(
                f,
                "tie_word_embeddings absent: {} as the family's config class does by default",
                if *tied { "tied" } else { "untied" }
            ),
            Note::LinearBiasesAsQkv => {
                write!(
                    f,
                    "linear biases counted as Q/K/V biases only (under 0.1 % of the count)"
                )
            }
            Note::GptOssBiases => write!(
                f,
                "expert, output and router biases and attention sinks not counted (0.03 % of gpt-oss-120b)"
            ),
            Note::MtpNotCounted => write!(
                f,
                "multi-token-prediction layers (num_nextn_predict_layers) not counted, as the published totals do not"
            ),
            Note::GemmaNorms => {
                write!(
                    f,
                    "the extra post-attention and post-FFN norms not counted (under 0.01 %)"
                )
            }
            Note::SharedExpertGate => {
                write!(f, "the shared expert's gate (hidden × 1) not counted")
            }
        }
    }
}

/// A config that cannot be read, naming the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    /// The config key at fault (`json` when the text is not JSON at all).
    pub field: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Families whose layers are not (only) attention and FFN: state-space, linear or recurrent.
const UNREPRESENTABLE_TYPES: &[(&str, &str)] = &[
    ("mamba", "state-space (Mamba) layers"),
    ("mamba2", "state-space (Mamba-2) layers"),
    ("falcon_mamba", "state-space (Mamba) layers"),
    ("jamba", "hybrid Mamba and attention layers"),
    ("bamba", "hybrid Mamba and attention layers"),
    ("zamba", "hybrid Mamba and attention layers"),
    ("zamba2", "hybrid Mamba and attention layers"),
    ("falcon_h1", "hybrid Mamba and attention layers"),
    ("nemotron_h", "hybrid Mamba and attention layers"),
    ("granitemoehybrid", "hybrid Mamba and attention layers"),
    (
        "qwen3_next",
        "hybrid linear attention (Gated DeltaNet) layers",
    ),
    ("minimax", "hybrid linear (lightning) attention layers"),
    ("minimax_m1", "hybrid linear (lightning) attention layers"),
    ("rwkv", "recurrent (RWKV) layers"),
    ("recurrent_gemma", "recurrent (Griffin) layers"),
    ("lfm2", "hybrid convolution and attention layers"),
    ("t5", "an encoder-decoder"),
    ("bart", "an encoder-decoder"),
];

/// Keys that only hybrid or recurrent models carry.
const UNREPRESENTABLE_KEYS: &[(&str, &str)] = &[
    ("ssm_cfg", "state-space layers"),
    ("ssm_state_size", "state-space layers"),
    ("mamba_d_state", "state-space layers"),
    (
        "hybrid_override_pattern",
        "hybrid Mamba and attention layers",
    ),
    ("attn_layer_period", "hybrid Mamba and attention layers"),
    ("full_attention_interval", "hybrid linear attention layers"),
    ("linear_num_value_heads", "linear attention layers"),
    ("is_encoder_decoder", "an encoder-decoder"),
    ("num_decoder_layers", "an encoder-decoder"),
];

/// Keys that only describe the file or the runtime: not listed as ignored.
const METADATA: &[&str] = &[
    "_name_or_path",
    "architectures",
    "auto_map",
    "model_type",
    "torch_dtype",
    "dtype",
    "transformers_version",
    "use_cache",
    "initializer_range",
    "bos_token_id",
    "eos_token_id",
    "pad_token_id",
    "text_config",
];

/// Families whose FFN has two matrices (up, down) instead of a gated three.
const UNGATED: &[&str] = &[
    "gpt_neox",
    "falcon",
    "gpt2",
    "gptj",
    "bloom",
    "opt",
    "phi",
    "starcoder2",
    "gpt_bigcode",
    "mpt",
];

/// Families whose config class ties the embeddings unless the file says otherwise.
const TIED_BY_DEFAULT: &[&str] = &[
    "gemma",
    "gemma2",
    "gemma3",
    "gemma3_text",
    "falcon",
    "gpt2",
    "bloom",
    "opt",
    "phi",
];

/// Families with a bias on every linear layer and LayerNorm with a bias.
const ALL_BIASES: &[&str] = &[
    "gpt_neox",
    "gpt2",
    "gptj",
    "bloom",
    "opt",
    "phi",
    "starcoder2",
];

/// Families whose attention always has Q/K/V biases (Qwen2 and its MoE form).
const QKV_BIASES: &[&str] = &["qwen2", "qwen2_moe", "qwen2_vl", "qwen2_5_vl"];

/// Families whose config class defaults `attention_bias` to true.
const ATTENTION_BIAS_BY_DEFAULT: &[&str] = &["gpt_oss", "glm", "glm4", "glm4_moe"];

/// Reads a config.json's text.
pub fn parse(text: &str) -> Result<Imported, ConfigError> {
    let value: Value = serde_json::from_str(text).map_err(|e| ConfigError {
        field: "json".into(),
        message: format!("not a JSON object ({e})"),
    })?;
    let Value::Object(outer) = value else {
        return Err(ConfigError {
            field: "json".into(),
            message: "expected a JSON object of config fields".into(),
        });
    };
    // Multimodal configs (Gemma 3, Llama 4) keep the language model under `text_config`.
    let (map, prefix) = match outer.get("text_config") {
        Some(Value::Object(text)) => (text, "text_config."),
        _ => (&outer, ""),
    };
    let mut reader = Reader {
        map,
        prefix,
        used: Vec::new(),
    };
    let model_type = reader
        .word(&["model_type"])
        .or_else(|| outer.get("model_type").and_then(Value::as_str))
        .unwrap_or("")
        .to_string();
    let name = outer
        .get("_name_or_path")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .or_else(|| {
            outer
                .get("architectures")
                .and_then(|a| a.get(0))
                .and_then(Value::as_str)
        })
        .unwrap_or(if model_type.is_empty() {
            "config.json"
        } else {
            &model_type
        })
        .to_string();
    refuse_unrepresentable(&model_type, &reader)?;
    let mut notes = Vec::new();
    let arch = read_architecture(&mut reader, &model_type, &mut notes)?;
    let ignored = map
        .keys()
        .filter(|k| !reader.used.contains(k) && !METADATA.contains(&k.as_str()))
        .map(|k| format!("{prefix}{k}"))
        .collect();
    Ok(Imported {
        arch,
        name,
        model_type,
        ignored,
        notes,
    })
}

/// Reads keys by any of their spellings, remembering which ones were consumed.
struct Reader<'a> {
    map: &'a Map<String, Value>,
    prefix: &'static str,
    used: Vec<&'a String>,
}

impl<'a> Reader<'a> {
    /// The first spelling present (and not null), marking every present spelling as used.
    fn value(&mut self, keys: &[&str]) -> Option<(&'a str, &'a Value)> {
        let mut found = None;
        for key in keys {
            if let Some((k, v)) = self.map.get_key_value(*key) {
                self.used.push(k);
                if found.is_none() && !v.is_null() {
                    found = Some((k.as_str(), v));
                }
            }
        }
        found
    }

    fn word(&mut self, keys: &[&str]) -> Option<&'a str> {
        self.value(keys).and_then(|(_, v)| v.as_str())
    }

    fn flag(&mut self, keys: &[&str]) -> Option<bool> {
        self.value(keys).and_then(|(_, v)| v.as_bool())
    }

    /// A whole number in `u32`; anything else is an error naming the key.
    fn count(&mut self, keys: &[&str]) -> Result<Option<u32>, ConfigError> {
        let Some((key, v)) = self.value(keys) else {
            return Ok(None);
        };
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .map(Some)
            .ok_or_else(|| {
                self.error(
                    key,
                    &format!("{v} is not a whole number up to {}", u32::MAX),
                )
            })
    }

    /// A count the architecture cannot do without.
    fn required(&mut self, keys: &[&str]) -> Result<u32, ConfigError> {
        match self.count(keys)? {
            Some(n) if n > 0 => Ok(n),
            Some(_) => Err(self.error(keys[0], "must be at least 1")),
            None => Err(self.error(keys[0], "missing: every transformer config gives it")),
        }
    }

    fn error(&self, key: &str, message: &str) -> ConfigError {
        ConfigError {
            field: format!("{}{key}", self.prefix),
            message: message.into(),
        }
    }

    fn has(&self, key: &str) -> bool {
        self.map.get(key).is_some_and(|v| !v.is_null())
    }
}

fn refuse_unrepresentable(model_type: &str, reader: &Reader) -> Result<(), ConfigError> {
    let cannot = |what: &str| {
        format!(
            "{what} cannot be represented: this model counts decoder-only attention and FFN layers"
        )
    };
    if let Some((_, what)) = UNREPRESENTABLE_TYPES.iter().find(|(t, _)| *t == model_type) {
        return Err(reader.error("model_type", &format!("{model_type}: {}", cannot(what))));
    }
    for (key, what) in UNREPRESENTABLE_KEYS {
        let present = match reader.map.get(*key) {
            Some(Value::Bool(b)) => *b,
            Some(v) => !v.is_null(),
            None => false,
        };
        if present {
            return Err(reader.error(key, &cannot(what)));
        }
    }
    if let Some(Value::Array(kinds)) = reader.map.get("layer_types") {
        let attention = [
            "full_attention",
            "sliding_attention",
            "attention",
            "chunked_attention",
        ];
        if let Some(other) = kinds
            .iter()
            .filter_map(Value::as_str)
            .find(|k| !attention.contains(k))
        {
            return Err(reader.error(
                "layer_types",
                &format!(
                    "\"{other}\" layers: {}",
                    cannot("layers other than attention")
                ),
            ));
        }
    }
    Ok(())
}

fn read_architecture(
    r: &mut Reader,
    model_type: &str,
    notes: &mut Vec<Note>,
) -> Result<Architecture, ConfigError> {
    let layers = r.required(&["num_hidden_layers", "n_layer", "num_layers", "n_layers"])?;
    let hidden = r.required(&["hidden_size", "n_embd", "d_model"])?;
    let heads = r.required(&["num_attention_heads", "n_head", "n_heads"])?;
    let vocab = r.required(&["vocab_size", "padded_vocab_size"])?;

    // Falcon: multi-query unless the new decoder gives its KV heads.
    let falcon_kv = match (
        r.flag(&["new_decoder_architecture"]),
        r.flag(&["multi_query"]),
    ) {
        (Some(true), _) => None,
        (_, Some(true)) => Some(1),
        _ => None,
    };
    let chatglm_mqa = r.flag(&["multi_query_attention"]);
    let given_kv = r.count(&[
        "num_key_value_heads",
        "num_kv_heads",
        "n_head_kv",
        "multi_query_group_num",
    ])?;
    let kv_heads = match (falcon_kv, chatglm_mqa, given_kv) {
        (Some(g), _, _) => g,
        (None, Some(false), _) | (None, _, None) => heads,
        (None, _, Some(g)) if g == 0 || heads % g != 0 => {
            return Err(r.error(
                "num_key_value_heads",
                &format!("{g} must be at least 1 and divide the {heads} attention heads"),
            ));
        }
        (None, _, Some(g)) => g,
    };

    let kv_latent = r.count(&["kv_lora_rank"])?.unwrap_or(0);
    let q_latent = r.count(&["q_lora_rank"])?.unwrap_or(0);
    let rope_dim = r.count(&["qk_rope_head_dim"])?.unwrap_or(0);
    let nope = r.count(&["qk_nope_head_dim"])?;
    let v_head = r.count(&["v_head_dim"])?;
    let head_dim = if kv_latent > 0 {
        // MLA: the model's head width is the non-RoPE query/key part, equal to the value head.
        let d = nope.or(v_head).unwrap_or(hidden / heads);
        if v_head.is_some_and(|v| v != d) {
            return Err(r.error(
                "v_head_dim",
                &format!(
                    "{} differs from qk_nope_head_dim {d}: this model takes one head width for keys and values",
                    v_head.unwrap_or(0)
                ),
            ));
        }
        d
    } else {
        match r.count(&["head_dim", "kv_channels"])? {
            Some(d) if d > 0 => d,
            _ => hidden / heads,
        }
    };
    if head_dim == 0 {
        return Err(r.error("num_attention_heads", "more heads than the hidden width"));
    }

    let ffn_given = r.count(&["intermediate_size", "ffn_hidden_size", "n_inner"])?;
    // Llama 4 names its dense FFN intermediate_size_mlp and its expert FFN intermediate_size.
    let llama4 = matches!(model_type, "llama4_text" | "llama4");
    let ffn = match (r.count(&["intermediate_size_mlp"])?, ffn_given) {
        (Some(dense), _) if llama4 => dense,
        (_, Some(f)) if f > 0 => f,
        _ => {
            notes.push(Note::FfnAssumed(hidden.saturating_mul(4)));
            hidden.saturating_mul(4)
        }
    };
    let glu = !UNGATED.contains(&model_type);
    r.value(&["hidden_act", "hidden_activation", "activation_function"]);

    let tied = match r.flag(&["tie_word_embeddings"]) {
        Some(t) => t,
        None => {
            let t = TIED_BY_DEFAULT.contains(&model_type);
            notes.push(Note::TiedByDefault(t));
            t
        }
    };

    let attention_bias = r.flag(&["attention_bias", "add_qkv_bias", "qkv_bias"]);
    let linear_bias = r.flag(&["bias", "use_bias", "add_bias_linear"]);
    let bias = if ALL_BIASES.contains(&model_type) {
        Bias::All
    } else if QKV_BIASES.contains(&model_type)
        || attention_bias.unwrap_or(ATTENTION_BIAS_BY_DEFAULT.contains(&model_type))
    {
        Bias::Qkv
    } else if linear_bias == Some(true) {
        notes.push(Note::LinearBiasesAsQkv);
        Bias::Qkv
    } else {
        Bias::None
    };

    let mut arch = Architecture::decoder(
        layers, hidden, heads, kv_heads, head_dim, ffn, glu, vocab, tied, bias,
    );
    arch.kv_latent = kv_latent;
    arch.q_latent = q_latent;
    arch.rope_dim = if kv_latent > 0 { rope_dim } else { 0 };
    read_experts(r, model_type, ffn_given, &mut arch, notes)?;
    if model_type == "gpt_oss" {
        notes.push(Note::GptOssBiases);
    }
    if r.has("num_nextn_predict_layers") {
        r.value(&["num_nextn_predict_layers"]);
        notes.push(Note::MtpNotCounted);
    }
    if matches!(model_type, "gemma2" | "gemma3" | "gemma3_text") {
        notes.push(Note::GemmaNorms);
    }
    Ok(arch)
}

fn read_experts(
    r: &mut Reader,
    model_type: &str,
    ffn_given: Option<u32>,
    arch: &mut Architecture,
    notes: &mut Vec<Note>,
) -> Result<(), ConfigError> {
    let experts = r
        .count(&[
            "num_experts",
            "num_local_experts",
            "n_routed_experts",
            "moe_num_experts",
        ])?
        .unwrap_or(0);
    let top_k = r.count(&[
        "num_experts_per_tok",
        "experts_per_token",
        "moe_topk",
        "num_selected_experts",
    ])?;
    if experts <= 1 {
        return Ok(());
    }
    let top_k =
        top_k.ok_or_else(|| r.error("num_experts_per_tok", "missing for a model with experts"))?;
    if top_k == 0 || top_k > experts {
        return Err(r.error(
            "num_experts_per_tok",
            &format!("{top_k} must be between 1 and the {experts} experts"),
        ));
    }
    // Layers that are MoE: every one past the leading dense ones.
    for key in [
        "decoder_sparse_step",
        "moe_layer_freq",
        "interleave_moe_layer_step",
    ] {
        if let Some(step) = r.count(&[key])?
            && step > 1
        {
            return Err(r.error(
                key,
                &format!("MoE every {step} layers: dense and MoE layers interleaved cannot be represented (only leading dense layers)"),
            ));
        }
    }
    if let Some((_, Value::Array(list))) = r.value(&["mlp_only_layers"])
        && !list.is_empty()
    {
        return Err(r.error(
            "mlp_only_layers",
            "dense layers between MoE layers cannot be represented (only leading dense layers)",
        ));
    }
    let expert_ffn = match r.count(&["moe_intermediate_size", "expert_intermediate_size"])? {
        Some(f) if f > 0 => f,
        // Mixtral, gpt-oss and Llama 4 give the expert's size as intermediate_size.
        _ => ffn_given
            .filter(|&f| f > 0)
            .ok_or_else(|| r.error("moe_intermediate_size", "missing for a model with experts"))?,
    };
    let mut shared = r
        .count(&[
            "n_shared_experts",
            "num_shared_experts",
            "shared_expert_count",
        ])?
        .unwrap_or(0);
    if let Some(size) = r.count(&["shared_expert_intermediate_size"])?
        && size > 0
    {
        // Qwen2-MoE: one shared expert of a multiple of the routed expert's size.
        if size % expert_ffn != 0 {
            return Err(r.error(
                "shared_expert_intermediate_size",
                &format!("{size} is not a whole number of {expert_ffn}-wide experts"),
            ));
        }
        shared = size / expert_ffn;
        notes.push(Note::SharedExpertGate);
    }
    if matches!(model_type, "llama4" | "llama4_text") {
        // Llama 4: one shared expert in every MoE layer (the config has no key for it).
        shared = shared.max(1);
    }
    arch.experts = experts;
    arch.top_k = top_k;
    arch.expert_ffn = expert_ffn;
    arch.shared_experts = shared;
    arch.dense_layers = r
        .count(&["first_k_dense_replace"])?
        .unwrap_or(0)
        .min(arch.layers);
    Ok(())
}
