//! A Hugging Face `config.json` read into an [`Architecture`].
//!
//! The file is parsed with serde into a map of its keys, and each architecture field is read from
//! the spellings the config families use (Llama/Mistral/Qwen2/Qwen3, their MoE forms, Mixtral,
//! DeepSeek-V2/V3 and Kimi K2, Gemma 2/3, GPT-NeoX, Falcon, ChatGLM/GLM-4/GLM-4.5, gpt-oss,
//! Llama 4). Keys that do not change the compute (rope scaling, sliding windows, token ids) are
//! listed as ignored. A config this model cannot represent (linear attention, state-space layers,
//! dense and MoE layers interleaved, an encoder-decoder) is an error naming the field: it is
//! never guessed. `docs/model.md` §1 lists what each family's count leaves out.

use super::architecture::{Architecture, Bias, LocalAttention};
use super::precision::WeightFormat;
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
    /// Multi-token-prediction layers, counted apart from the total as published totals are.
    MtpNotCounted,
    /// Gemma's extra post-attention and post-FFN norms.
    GemmaNorms,
    /// Qwen2-MoE's shared-expert gate.
    SharedExpertGate,
    /// Query and key norms (`use_qk_norm`): a few thousand weights a layer.
    QkNorms,
    /// A multimodal config's vision (or audio) encoder, outside the language model counted.
    EncoderNotCounted(&'static str),
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
                "multi-token-prediction modules (num_nextn_predict_layers) counted apart from the total, as the published totals are"
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
            Note::QkNorms => write!(
                f,
                "query and key norms (use_qk_norm) not counted (under 0.001 %)"
            ),
            Note::EncoderNotCounted(key) => write!(
                f,
                "{key}: the encoder is not counted; the figures are the language model's"
            ),
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
    ("minimax", "hybrid linear (lightning) attention layers"),
    (
        "kimi_linear",
        "hybrid Kimi Delta Attention layers (their projections are not counted exactly here)",
    ),
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
    (
        "block_configs",
        "per-layer pruned blocks (Nemotron-NAS: layers without attention, FFNs of their own widths)",
    ),
    (
        "use_cla",
        "cross-layer attention (K and V shared between layers)",
    ),
    // Gemma 4: global layers with their own head width and KV heads, keys reused as values, a
    // dense FFN beside the experts in every layer.
    (
        "global_head_dim",
        "global layers with a head width of their own",
    ),
    ("attention_k_eq_v", "keys reused as values"),
    (
        "enable_moe_block",
        "a dense FFN beside the experts in every layer",
    ),
    // MiMo-V2-Flash: sliding-window layers with heads of their own.
    (
        "swa_num_key_value_heads",
        "sliding-window layers with key/value heads of their own",
    ),
    // DeepSeek-V4: compressed and sparse-compressed attention layers, hyper-connections (a
    // residual stream several hidden sizes wide), a grouped low-rank output projection and
    // hash-routed expert layers.
    ("compress_ratios", "compressed attention layers"),
    (
        "hc_mult",
        "hyper-connections (a residual stream several hidden sizes wide)",
    ),
    ("o_lora_rank", "a low-rank output projection"),
    ("o_groups", "a grouped output projection"),
    ("num_hash_layers", "hash-routed expert layers"),
    // LongCat-Flash: zero-computation experts (a token's work varies with how many it picks)
    // and n-gram embedding tables.
    (
        "zero_expert_num",
        "zero-computation experts (the work per token varies)",
    ),
    ("ngram_vocab_size_ratio", "n-gram embedding tables"),
    // Biases in the FFN alone (false in the families read here).
    ("mlp_bias", "biases in the FFN"),
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
    // transformers' SmolLM3Config: `tie_word_embeddings: bool = True`.
    "smollm3",
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
    // Python's json writes `Infinity` and `NaN` (Nemotron-H's `time_step_limit`), which JSON
    // and serde_json do not allow: read them as null, as no count the reader takes is one.
    let value: Value = serde_json::from_str(text)
        .or_else(|e| serde_json::from_str(&non_finite_as_null(text)).map_err(|_| e))
        .map_err(|e| ConfigError {
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
        outer: &outer,
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
    // Multimodal wrappers (Qwen3-VL, Llama 4, Gemma 3) keep their encoders beside text_config.
    if prefix == "text_config." {
        notes.extend(
            ["vision_config", "audio_config"]
                .into_iter()
                .filter(|k| outer.get(*k).is_some_and(Value::is_object))
                .map(Note::EncoderNotCounted),
        );
    }
    let arch = read_architecture(&mut reader, &model_type, &mut notes)?;
    let unread: Vec<&String> = map.keys().filter(|k| !reader.used.contains(k)).collect();
    // An expert setting this reader does not know may change the experts' number, width or
    // work (LongCat-Flash's expert_ffn_hidden_size beside its zero-computation experts): the
    // config is refused naming it rather than counted without it.
    if let Some(key) = unread.iter().find(|k| k.contains("expert")) {
        return Err(reader.error(
            key,
            "an expert setting this reader does not read cannot be represented: without it the experts' count would be a guess",
        ));
    }
    let ignored = unread
        .iter()
        .filter(|k| !METADATA.contains(&k.as_str()))
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

/// `text` with Python's non-finite number literals (`Infinity`, `-Infinity`, `NaN`) outside
/// strings replaced by `null`.
fn non_finite_as_null(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if in_string {
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if c == '"' {
            in_string = true;
        } else if let Some(word) = ["-Infinity", "Infinity", "NaN"]
            .into_iter()
            .find(|w| rest.starts_with(w))
        {
            out.push_str("null");
            rest = &rest[word.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Reads keys by any of their spellings, remembering which ones were consumed.
struct Reader<'a> {
    map: &'a Map<String, Value>,
    /// The whole file, where a multimodal config keeps some language-model keys outside its
    /// `text_config` (Qwen3.5's `tie_word_embeddings`).
    outer: &'a Map<String, Value>,
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

    /// A whole number in `u32`, or a per-layer list of one whole number (Hunyuan's `moe_topk`);
    /// anything else is an error naming the key.
    fn count(&mut self, keys: &[&str]) -> Result<Option<u32>, ConfigError> {
        let Some((key, v)) = self.value(keys) else {
            return Ok(None);
        };
        let v = match v {
            Value::Array(list) if !list.is_empty() && list.iter().all(|x| x == &list[0]) => {
                &list[0]
            }
            _ => v,
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
            "linear_attention",
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
    // MLA: the model's head width is the non-RoPE query/key part; the value head may differ
    // (GLM-5, GLM-4.7-Flash: 256 against 192).
    let head_dim = if kv_latent > 0 {
        nope.or(v_head).unwrap_or(hidden / heads)
    } else {
        match r.count(&["head_dim", "kv_channels", "attention_head_dim"])? {
            Some(d) if d > 0 => d,
            _ => hidden / heads,
        }
    };
    if head_dim == 0 {
        return Err(r.error("num_attention_heads", "more heads than the hidden width"));
    }
    if let Some(v) = v_head.filter(|&v| kv_latent == 0 && v != head_dim) {
        return Err(r.error(
            "v_head_dim",
            &format!("{v} differs from the head width {head_dim}: value heads of their own width are read only with MLA (kv_lora_rank)"),
        ));
    }

    let ffn_given = r.count(&["intermediate_size", "ffn_hidden_size", "n_inner"])?;
    // Llama 4 names its dense FFN intermediate_size_mlp and its expert FFN intermediate_size.
    let llama4 = matches!(model_type, "llama4_text" | "llama4");
    let ffn = match (r.count(&["intermediate_size_mlp"])?, ffn_given) {
        (Some(dense), _) if llama4 => dense,
        (_, Some(f)) if f > 0 => f,
        // The note is added once the experts are read, if some layer is dense.
        _ => hidden.saturating_mul(4),
    };
    let ffn_assumed = ffn_given.is_none_or(|f| f == 0) && !llama4;
    let glu = !UNGATED.contains(&model_type);
    r.value(&["hidden_act", "hidden_activation", "activation_function"]);

    let outer_tied = r.outer.get("tie_word_embeddings").and_then(Value::as_bool);
    let tied = match r.flag(&["tie_word_embeddings"]).or(outer_tied) {
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
    arch.v_head_dim = v_head
        .filter(|&v| kv_latent > 0 && v != head_dim)
        .unwrap_or(0);
    read_experts(r, model_type, ffn_given, &mut arch, notes)?;
    if ffn_assumed && arch.moe_layers() < arch.layers {
        notes.insert(0, Note::FfnAssumed(ffn));
    }
    // Gated attention output (q_proj twice as wide): Qwen3.5's attn_output_gate, and Qwen3-Next,
    // whose attention always has it.
    arch.attn_gate = r
        .flag(&["attn_output_gate"])
        .unwrap_or(model_type == "qwen3_next");
    read_schedule(r, model_type, &mut arch)?;
    read_sparse_attention(r, &mut arch)?;
    read_formats(r, &mut arch)?;
    if model_type == "gpt_oss" {
        notes.push(Note::GptOssBiases);
    }
    if r.flag(&["use_qk_norm"]) == Some(true) {
        r.value(&["qk_norm_type"]);
        notes.push(Note::QkNorms);
    }
    if r.flag(&["mtp_use_dedicated_embeddings"]) == Some(true) {
        return Err(r.error(
            "mtp_use_dedicated_embeddings",
            "MTP modules with embeddings of their own cannot be represented (shared ones can)",
        ));
    }
    // MiniMax-M2: num_mtp_modules modules of mtp_transformer_layers layers, when use_mtp.
    let minimax_mtp = match (
        r.flag(&["use_mtp"]),
        r.count(&["num_mtp_modules"])?,
        r.count(&["mtp_transformer_layers"])?,
    ) {
        (Some(true), Some(modules), layers) => Some(modules * layers.unwrap_or(1)),
        _ => None,
    };
    if let Some(n) = r
        .count(&["num_nextn_predict_layers", "mtp_num_hidden_layers"])?
        .or(minimax_mtp)
        && n > 0
    {
        arch.mtp_layers = n;
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
        "moe_k",
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
    // Past the leading dense layers, every `step`-th layer is MoE (layer i when (i + 1) is a
    // multiple: transformers' Qwen2-MoE `decoder_sparse_step` and Llama 4 `moe_layers`).
    // DeepSeek's `moe_layer_freq` counts from the first MoE layer instead, so only 1 is read.
    if let Some(step) = r.count(&["decoder_sparse_step", "interleave_moe_layer_step"])? {
        arch.moe_every = step.max(1);
    }
    if let Some(freq) = r.count(&["moe_layer_freq"])?
        && freq > 1
    {
        return Err(r.error(
            "moe_layer_freq",
            &format!("MoE every {freq} layers counted from the first MoE layer cannot be represented (only every n-th layer from the first)"),
        ));
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
            "num_shared_expert",
            "shared_expert_count",
            "moe_num_shared_experts",
        ])?
        .unwrap_or(0);
    if let Some((key, size)) = [
        "shared_expert_intermediate_size",
        "shared_intermediate_size",
    ]
    .into_iter()
    .find_map(|k| r.count(&[k]).ok().flatten().map(|n| (k, n)))
        && size > 0
    {
        // Qwen2-MoE: one shared expert of a multiple of the routed expert's size.
        if size % expert_ffn != 0 {
            return Err(r.error(
                key,
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
    // ERNIE 4.5 gives the first MoE layer's index (`moe_layer_start_index`), the last one's
    // (`moe_layer_end_index`, null for the last layer) and a step counted from the first
    // (`moe_layer_interval`): leading dense layers and a step of 1 can be represented.
    let dense_given = r.count(&["first_k_dense_replace", "moe_layer_start_index"])?;
    arch.dense_layers = dense_given.unwrap_or(0).min(arch.layers);
    if let Some(end) = r.count(&["moe_layer_end_index"])?
        && end + 1 != arch.layers
    {
        return Err(r.error(
            "moe_layer_end_index",
            &format!(
                "dense layers after layer {end} cannot be represented (only leading dense layers)"
            ),
        ));
    }
    if let Some(step) = r.count(&["moe_layer_interval"])?
        && step > 1
    {
        return Err(r.error(
            "moe_layer_interval",
            &format!("MoE every {step} layers counted from the first MoE layer cannot be represented (only every n-th layer from the first)"),
        ));
    }
    // Each layer's FFN kind ("dense" or "sparse"): leading dense layers can be represented.
    if let Some((key, Value::Array(list))) = r.value(&["mlp_layer_types"]) {
        let kinds: Vec<&str> = list.iter().map(|v| v.as_str().unwrap_or("")).collect();
        let dense = kinds.iter().take_while(|k| **k == "dense").count();
        if kinds.len() != arch.layers as usize {
            return Err(r.error(
                key,
                &format!("{} entries for {} layers", kinds.len(), arch.layers),
            ));
        }
        if let Some(other) = kinds[dense..].iter().find(|k| **k != "sparse") {
            return Err(r.error(
                key,
                &format!("a \"{other}\" layer after the first MoE layer cannot be represented (only leading dense layers)"),
            ));
        }
        if dense_given.is_some() && dense as u32 != arch.dense_layers {
            return Err(r.error(
                key,
                &format!(
                    "{dense} leading dense layers where first_k_dense_replace (or moe_layer_start_index) gives {}",
                    arch.dense_layers
                ),
            ));
        }
        arch.dense_layers = dense as u32;
    }
    Ok(())
}

/// Which layers attend globally and how the others attend: `layer_types` (transformers' list),
/// `full_attention_interval` (Qwen3-Next), `sliding_window` with `sliding_window_pattern`
/// (Gemma 3) or the family's fixed alternation (Gemma 2), `attention_chunk_size` with
/// `no_rope_layers` (Llama 4), and the linear-attention widths.
fn read_schedule(
    r: &mut Reader,
    model_type: &str,
    arch: &mut Architecture,
) -> Result<(), ConfigError> {
    let layers = arch.layers;
    let window = r.count(&["sliding_window"])?;
    let chunk = r.count(&["attention_chunk_size"])?;
    let pattern = r.count(&["sliding_window_pattern"])?;
    let interval = r.count(&["full_attention_interval"])?;
    let use_sliding = r.flag(&["use_sliding_window"]);
    r.value(&["max_window_layers"]);
    let no_rope_interval = r.count(&["no_rope_layer_interval"])?;
    // Each layer's kind: `true` for global.
    let mut kinds: Option<(Vec<bool>, LocalAttention)> = None;
    if let Some((key, Value::Array(list))) = r.value(&["layer_types"]) {
        let mut local = LocalAttention::None;
        let mut global = Vec::with_capacity(list.len());
        for v in list {
            let kind = match v.as_str().unwrap_or("") {
                "full_attention" | "attention" => None,
                "sliding_attention" => Some(LocalAttention::Window),
                "chunked_attention" => Some(LocalAttention::Chunk),
                "linear_attention" => Some(linear_kind(r, model_type, key)?),
                other => {
                    return Err(r.error(key, &format!("\"{other}\" layers cannot be represented")));
                }
            };
            if let Some(k) = kind {
                if local != LocalAttention::None && local != k {
                    return Err(r.error(key, "two kinds of local layers cannot be represented"));
                }
                local = k;
            }
            global.push(kind.is_none());
        }
        if global.len() != layers as usize {
            return Err(r.error(
                key,
                &format!("{} entries for {layers} layers", global.len()),
            ));
        }
        kinds = Some((global, local));
    } else if let Some(every) = interval {
        let local = linear_kind(r, model_type, "full_attention_interval")?;
        kinds = Some((
            (0..layers).map(|i| (i + 1) % every.max(1) == 0).collect(),
            local,
        ));
    } else if let Some(c) = chunk {
        // Llama 4: a NoPE layer (0 in no_rope_layers, or every no_rope_layer_interval-th) attends
        // globally; the rest attend within chunks.
        let global = match r.value(&["no_rope_layers"]) {
            Some((_, Value::Array(list))) if !list.is_empty() => {
                list.iter().map(|v| v.as_u64() == Some(0)).collect()
            }
            _ => {
                let every = no_rope_interval.unwrap_or(4).max(1);
                (0..layers).map(|i| (i + 1) % every == 0).collect()
            }
        };
        arch.window = c;
        kinds = Some((global, LocalAttention::Chunk));
    } else if let Some(w) = window
        && use_sliding != Some(false)
        && !matches!(model_type, "qwen2" | "qwen2_moe" | "qwen3" | "qwen3_moe")
    {
        let every = match model_type {
            _ if pattern.is_some() => pattern.unwrap_or(1),
            "gemma2" => 2,
            "gemma3" | "gemma3_text" => 6,
            // Mistral 7B v0.1 and Mixtral-style configs: every layer slides.
            _ => 0,
        };
        kinds = Some((
            (0..layers)
                .map(|i| every > 0 && (i + 1) % every == 0)
                .collect(),
            if every == 1 {
                LocalAttention::None
            } else {
                LocalAttention::Window
            },
        ));
        arch.window = w;
    } else if use_sliding == Some(true) {
        return Err(r.error(
            "use_sliding_window",
            "sliding windows on the layers past max_window_layers cannot be represented",
        ));
    }
    let Some((global, local)) = kinds else {
        if GATED_DELTANET.contains(&model_type) {
            return Err(r.error(
                "full_attention_interval",
                "missing: without it (or layer_types) the linear attention layers cannot be told from full attention",
            ));
        }
        return Ok(());
    };
    if local == LocalAttention::None {
        return Ok(());
    }
    // The schedule must be "every n-th layer global" (or none): find n and check every layer.
    let count = global.iter().filter(|g| **g).count() as u32;
    let every = global.iter().position(|g| *g).map_or(0, |i| i as u32 + 1);
    let fits = global
        .iter()
        .enumerate()
        .all(|(i, g)| *g == (every > 0 && (i as u32 + 1).is_multiple_of(every)));
    if !fits || (every > 0 && count != layers / every) {
        return Err(r.error(
            "layer_types",
            "a layer schedule other than every n-th layer global cannot be represented",
        ));
    }
    arch.local = local;
    arch.global_every = every;
    if local.is_bounded() {
        if arch.window == 0 {
            arch.window = window.unwrap_or(0);
        }
        if arch.window == 0 {
            return Err(r.error("sliding_window", "missing for sliding-window layers"));
        }
    } else {
        read_linear(r, arch)?;
    }
    Ok(())
}

/// The linear-attention kind a family's `linear_attention` layers are.
fn linear_kind(r: &Reader, model_type: &str, key: &str) -> Result<LocalAttention, ConfigError> {
    if GATED_DELTANET.contains(&model_type) {
        return Ok(LocalAttention::GatedDeltaNet);
    }
    Err(r.error(
        key,
        &format!("\"linear_attention\" layers of model_type {model_type:?} cannot be represented exactly (Gated DeltaNet, of Qwen3-Next and Qwen3.5, can)"),
    ))
}

/// Families whose linear-attention layers are Gated DeltaNet.
const GATED_DELTANET: &[&str] = &[
    "qwen3_next",
    "qwen3_5",
    "qwen3_5_moe",
    "qwen3_5_text",
    "qwen3_5_moe_text",
];

/// Gated DeltaNet's widths.
fn read_linear(r: &mut Reader, arch: &mut Architecture) -> Result<(), ConfigError> {
    let need = |r: &mut Reader, key: &str| -> Result<u32, ConfigError> { r.required(&[key]) };
    arch.linear_key_heads = need(r, "linear_num_key_heads")?;
    arch.linear_key_dim = need(r, "linear_key_head_dim")?;
    arch.linear_value_heads = need(r, "linear_num_value_heads")?;
    arch.linear_value_dim = need(r, "linear_value_head_dim")?;
    arch.linear_conv = r.count(&["linear_conv_kernel_dim"])?.unwrap_or(0);
    arch.linear_state_bits = match r.word(&["mamba_ssm_dtype"]) {
        None | Some("bfloat16" | "float16" | "auto") => 16,
        Some("float32") => 32,
        Some(other) => {
            return Err(r.error(
                "mamba_ssm_dtype",
                &format!("\"{other}\": allowed float32, bfloat16, float16"),
            ));
        }
    };
    Ok(())
}

/// DeepSeek sparse attention (DeepSeek-V3.2): the indexer's heads, width and top-k.
fn read_sparse_attention(r: &mut Reader, arch: &mut Architecture) -> Result<(), ConfigError> {
    // MiniMax: 1 marks a softmax-attention layer, 0 a lightning (linear) one.
    if let Some((key, Value::Array(list))) = r.value(&["attn_type_list"])
        && list.iter().any(|v| v.as_u64() != Some(1))
    {
        return Err(r.error(
            key,
            "lightning (linear) attention layers cannot be represented exactly",
        ));
    }
    let Some(topk) = r.count(&["index_topk"])? else {
        return Ok(());
    };
    arch.index_topk = topk;
    arch.index_heads = r.required(&["index_n_heads"])?;
    arch.index_head_dim = r.required(&["index_head_dim"])?;
    Ok(())
}

/// The checkpoint's weight formats from `quantization_config`: FP8 with 128 × 128 block scales
/// (DeepSeek-V3, Kimi K2) for every linear weight, MXFP4 experts (gpt-oss). Anything else would
/// be a guess and is refused naming the field.
fn read_formats(r: &mut Reader, arch: &mut Architecture) -> Result<(), ConfigError> {
    let Some((key, q)) = r.value(&["quantization_config", "compression_config"]) else {
        return Ok(());
    };
    let method = q.get("quant_method").and_then(Value::as_str).unwrap_or("");
    let field = format!("{key}.quant_method");
    match method {
        "fp8" => {
            let block = q.get("weight_block_size").and_then(Value::as_array);
            let is_128 = block.is_some_and(|b| {
                b.len() == 2 && b.iter().all(|x| x.as_u64() == Some(128))
            });
            if !is_128 {
                return Err(r.error(
                    &format!("{key}.weight_block_size"),
                    "FP8 is read with 128 × 128 block scales only",
                ));
            }
            arch.format = WeightFormat::Fp8;
            arch.expert_format = WeightFormat::Fp8;
            Ok(())
        }
        "mxfp4" => {
            arch.expert_format = WeightFormat::Mxfp4;
            Ok(())
        }
        other => Err(r.error(
            &field,
            &format!("\"{other}\": only fp8 (128 × 128 blocks) and mxfp4 checkpoints are read; pick the format with weight_format instead"),
        )),
    }
}
