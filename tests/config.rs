//! Hugging Face `config.json` files read into architectures, against published parameter counts.
//!
//! Each fixture is the model's config.json as published on its Hugging Face repository (keys that
//! only describe the tokenizer or runtime trimmed; the compute-neutral ones kept, so the test sees
//! them listed as ignored; the layer schedule and quantization_config kept whole, since they
//! change memory and attention work). Each count must come within 0.1 % of the one its model card or
//! safetensors index states, which is named beside it.

use proptest::prelude::*;
use suanli::estimate::architecture::LocalAttention;
use suanli::estimate::hf_config::{self, Imported};
use suanli::estimate::precision::WeightFormat;
use suanli::estimate::query;

fn import(text: &str) -> Imported {
    hf_config::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_within(name: &str, got: f64, published: f64, tolerance: f64) {
    let off = got / published - 1.0;
    assert!(
        off.abs() <= tolerance,
        "{name}: {got:.0} vs published {published:.0} ({:+.3} %)",
        off * 100.0
    );
}

/// (name, config.json, published total, published active or 0, where the count comes from)
const FIXTURES: &[(&str, &str, f64, f64, &str)] = &[
    (
        "meta-llama/Llama-2-7b-hf",
        r#"{"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":4096,
        "intermediate_size":11008,"num_attention_heads":32,"num_hidden_layers":32,
        "num_key_value_heads":32,"vocab_size":32000,"tie_word_embeddings":false,
        "hidden_act":"silu","max_position_embeddings":4096,"rms_norm_eps":1e-05,
        "rope_scaling":null,"pretraining_tp":1,"torch_dtype":"float16"}"#,
        6_738_415_616.0,
        0.0,
        "model.safetensors.index.json total_size 13,476,831,232 B in fp16",
    ),
    (
        "meta-llama/Meta-Llama-3-8B",
        r#"{"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":4096,
        "intermediate_size":14336,"num_attention_heads":32,"num_hidden_layers":32,
        "num_key_value_heads":8,"vocab_size":128256,"tie_word_embeddings":false,
        "hidden_act":"silu","max_position_embeddings":8192,"rope_theta":500000.0,
        "attention_bias":false,"torch_dtype":"bfloat16"}"#,
        8_030_261_248.0,
        0.0,
        "safetensors index total_size 16,060,522,496 B in bf16",
    ),
    (
        "meta-llama/Llama-3.1-405B",
        r#"{"architectures":["LlamaForCausalLM"],"model_type":"llama","hidden_size":16384,
        "intermediate_size":53248,"num_attention_heads":128,"num_hidden_layers":126,
        "num_key_value_heads":8,"vocab_size":128256,"tie_word_embeddings":false,
        "rope_scaling":{"factor":8.0,"low_freq_factor":1.0,"high_freq_factor":4.0,
        "original_max_position_embeddings":8192,"rope_type":"llama3"},"rope_theta":500000.0,
        "max_position_embeddings":131072,"attention_bias":false,"mlp_bias":false}"#,
        405_853_388_800.0,
        0.0,
        "Hugging Face safetensors count of Llama-3.1-405B (405,853,388,800)",
    ),
    (
        "mistralai/Mistral-7B-v0.1",
        r#"{"architectures":["MistralForCausalLM"],"model_type":"mistral","hidden_size":4096,
        "intermediate_size":14336,"num_attention_heads":32,"num_hidden_layers":32,
        "num_key_value_heads":8,"vocab_size":32000,"tie_word_embeddings":false,
        "sliding_window":4096,"rope_theta":10000.0,"max_position_embeddings":32768}"#,
        7_241_732_096.0,
        0.0,
        "Hugging Face safetensors count of Mistral-7B-v0.1 (7,241,732,096)",
    ),
    (
        "mistralai/Mixtral-8x7B-v0.1",
        r#"{"architectures":["MixtralForCausalLM"],"model_type":"mixtral","hidden_size":4096,
        "intermediate_size":14336,"num_attention_heads":32,"num_hidden_layers":32,
        "num_key_value_heads":8,"num_local_experts":8,"num_experts_per_tok":2,
        "vocab_size":32000,"tie_word_embeddings":false,"router_aux_loss_coef":0.02,
        "rope_theta":1000000.0,"sliding_window":null}"#,
        46_702_792_704.0,
        12.9e9,
        "Hugging Face safetensors count (46,702,792,704); 12.9B active: Jiang et al. 2024 sec. 2",
    ),
    (
        "Qwen/Qwen2.5-7B",
        r#"{"architectures":["Qwen2ForCausalLM"],"model_type":"qwen2","hidden_size":3584,
        "intermediate_size":18944,"num_attention_heads":28,"num_hidden_layers":28,
        "num_key_value_heads":4,"vocab_size":152064,"tie_word_embeddings":false,
        "max_window_layers":28,"use_sliding_window":false,"sliding_window":131072,
        "rope_theta":1000000.0,"max_position_embeddings":131072}"#,
        7_615_616_512.0,
        0.0,
        "Hugging Face safetensors count of Qwen2.5-7B (7,615,616,512; model card: 7.61B)",
    ),
    (
        "Qwen/Qwen3-8B",
        r#"{"architectures":["Qwen3ForCausalLM"],"model_type":"qwen3","hidden_size":4096,
        "intermediate_size":12288,"num_attention_heads":32,"num_hidden_layers":36,
        "num_key_value_heads":8,"head_dim":128,"vocab_size":151936,
        "tie_word_embeddings":false,"attention_bias":false,"rope_theta":1000000,
        "max_position_embeddings":40960,"sliding_window":null,"use_sliding_window":false,
        "max_window_layers":36,"rope_scaling":null}"#,
        8.19e9,
        0.0,
        "Hugging Face safetensors count of Qwen3-8B (8.19B); model card: 6.95B non-embedding",
    ),
    (
        "Qwen/Qwen3-235B-A22B",
        r#"{"architectures":["Qwen3MoeForCausalLM"],"model_type":"qwen3_moe","hidden_size":4096,
        "intermediate_size":12288,"moe_intermediate_size":1536,"num_attention_heads":64,
        "num_hidden_layers":94,"num_key_value_heads":4,"head_dim":128,"num_experts":128,
        "num_experts_per_tok":8,"decoder_sparse_step":1,"mlp_only_layers":[],
        "norm_topk_prob":true,"vocab_size":151936,"tie_word_embeddings":false,
        "rope_theta":1000000.0,"max_position_embeddings":40960}"#,
        235e9,
        22e9,
        "Qwen3-235B-A22B model card: 235B in total, 22B activated",
    ),
    (
        "deepseek-ai/DeepSeek-V3",
        r#"{"architectures":["DeepseekV3ForCausalLM"],"model_type":"deepseek_v3",
        "hidden_size":7168,"intermediate_size":18432,"moe_intermediate_size":2048,
        "num_attention_heads":128,"num_hidden_layers":61,"num_key_value_heads":128,
        "n_routed_experts":256,"n_shared_experts":1,"num_experts_per_tok":8,
        "first_k_dense_replace":3,"moe_layer_freq":1,"kv_lora_rank":512,"q_lora_rank":1536,
        "qk_rope_head_dim":64,"qk_nope_head_dim":128,"v_head_dim":128,"vocab_size":129280,
        "tie_word_embeddings":false,"num_nextn_predict_layers":1,"n_group":8,"topk_group":4,
        "routed_scaling_factor":2.5,"scoring_func":"sigmoid","topk_method":"noaux_tc",
        "quantization_config":{"activation_scheme":"dynamic","fmt":"e4m3","quant_method":"fp8",
        "weight_block_size":[128,128]},
        "rope_scaling":{"beta_fast":32,"beta_slow":1,"factor":40,"mscale":1.0,
        "mscale_all_dim":1.0,"original_max_position_embeddings":4096,"type":"yarn"}}"#,
        671e9,
        37e9,
        "DeepSeek-V3 technical report sec. 4.2: 671B total (the 14B MTP module apart), 37B active",
    ),
    (
        "openai/gpt-oss-120b",
        r#"{"architectures":["GptOssForCausalLM"],"model_type":"gpt_oss","hidden_size":2880,
        "intermediate_size":2880,"num_attention_heads":64,"num_hidden_layers":36,
        "num_key_value_heads":8,"head_dim":64,"num_local_experts":128,
        "num_experts_per_tok":4,"experts_per_token":4,"vocab_size":201088,
        "tie_word_embeddings":false,"attention_bias":true,"sliding_window":128,
        "layer_types":["sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention"],
        "quantization_config":{"modules_to_not_convert":["model.layers.*.self_attn","model.layers.*.mlp.router","model.embed_tokens","lm_head"],"quant_method":"mxfp4"},"swiglu_limit":7.0,
        "rope_scaling":{"beta_fast":32.0,"beta_slow":1.0,"factor":32.0,
        "original_max_position_embeddings":4096,"rope_type":"yarn","truncate":false}}"#,
        116.83e9,
        5.13e9,
        "gpt-oss model card (OpenAI 2025), Table 1: 116.83B total, 5.13B active (without the input embedding)",
    ),
    (
        "openai/gpt-oss-20b",
        r#"{"architectures":["GptOssForCausalLM"],"model_type":"gpt_oss","hidden_size":2880,
        "intermediate_size":2880,"num_attention_heads":64,"num_hidden_layers":24,
        "num_key_value_heads":8,"head_dim":64,"num_local_experts":32,
        "num_experts_per_tok":4,"experts_per_token":4,"vocab_size":201088,
        "tie_word_embeddings":false,"attention_bias":true,"sliding_window":128,
        "layer_types":["sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention","sliding_attention","full_attention"],
        "quantization_config":{"modules_to_not_convert":["model.layers.*.self_attn","model.layers.*.mlp.router","model.embed_tokens","lm_head"],"quant_method":"mxfp4"}}"#,
        20.91e9,
        3.61e9,
        "gpt-oss model card (OpenAI 2025), Table 1: 20.91B total, 3.61B active (without the input embedding)",
    ),
    (
        "google/gemma-2-9b",
        r#"{"architectures":["Gemma2ForCausalLM"],"model_type":"gemma2","hidden_size":3584,
        "intermediate_size":14336,"num_attention_heads":16,"num_hidden_layers":42,
        "num_key_value_heads":8,"head_dim":256,"vocab_size":256000,
        "hidden_activation":"gelu_pytorch_tanh","attn_logit_softcapping":50.0,
        "final_logit_softcapping":30.0,"query_pre_attn_scalar":256,"sliding_window":4096}"#,
        9.24e9,
        0.0,
        "Hugging Face safetensors count of gemma-2-9b (9.24B)",
    ),
    (
        "EleutherAI/gpt-neox-20b",
        r#"{"architectures":["GPTNeoXForCausalLM"],"model_type":"gpt_neox","hidden_size":6144,
        "intermediate_size":24576,"num_attention_heads":64,"num_hidden_layers":44,
        "vocab_size":50432,"tie_word_embeddings":false,"rotary_pct":0.25,
        "use_parallel_residual":true,"max_position_embeddings":2048}"#,
        20_554_567_680.0,
        0.0,
        "Black et al. 2022, Table 1 and the Hugging Face count (20,554,567,680)",
    ),
    (
        "THUDM/glm-4-9b-hf",
        r#"{"architectures":["GlmForCausalLM"],"model_type":"glm","hidden_size":4096,
        "intermediate_size":13696,"num_attention_heads":32,"num_hidden_layers":40,
        "num_key_value_heads":2,"head_dim":128,"vocab_size":151552,
        "tie_word_embeddings":false,"attention_bias":true,"partial_rotary_factor":0.5,
        "rope_theta":10000.0,"max_position_embeddings":8192}"#,
        9.40e9,
        0.0,
        "Hugging Face safetensors count of glm-4-9b-hf (9.40B)",
    ),
    (
        "Qwen/Qwen2-57B-A14B",
        r#"{"architectures":["Qwen2MoeForCausalLM"],"model_type":"qwen2_moe","hidden_size":3584,
        "intermediate_size":18944,"moe_intermediate_size":2560,
        "shared_expert_intermediate_size":20480,"num_attention_heads":28,
        "num_hidden_layers":28,"num_key_value_heads":4,"num_experts":64,
        "num_experts_per_tok":8,"decoder_sparse_step":1,"mlp_only_layers":[],
        "vocab_size":151936,"tie_word_embeddings":false,"rope_theta":1000000.0}"#,
        57.41e9,
        14.2e9,
        "Hugging Face safetensors count of Qwen2-57B-A14B (57.41B); 14B active: its model card",
    ),
    (
        "deepseek-ai/DeepSeek-V2-Lite",
        r#"{"architectures":["DeepseekV2ForCausalLM"],"model_type":"deepseek_v2",
        "hidden_size":2048,"intermediate_size":10944,"moe_intermediate_size":1408,
        "num_attention_heads":16,"num_hidden_layers":27,"num_key_value_heads":16,
        "n_routed_experts":64,"n_shared_experts":2,"num_experts_per_tok":6,
        "first_k_dense_replace":1,"moe_layer_freq":1,"kv_lora_rank":512,"q_lora_rank":null,
        "qk_rope_head_dim":64,"qk_nope_head_dim":128,"v_head_dim":128,"vocab_size":102400,
        "tie_word_embeddings":false,"topk_method":"greedy","rope_scaling":{"factor":40,
        "type":"yarn","original_max_position_embeddings":4096}}"#,
        15.7e9,
        0.0,
        "Hugging Face safetensors count of DeepSeek-V2-Lite (15.7B)",
    ),
    (
        "google/gemma-3-27b-pt",
        r#"{"architectures":["Gemma3ForConditionalGeneration"],"model_type":"gemma3",
        "text_config":{"model_type":"gemma3_text","hidden_size":5376,"intermediate_size":21504,
        "num_attention_heads":32,"num_key_value_heads":16,"head_dim":128,
        "num_hidden_layers":62,"vocab_size":262208,"sliding_window":1024,
        "rope_scaling":{"factor":8.0,"rope_type":"linear"},"query_pre_attn_scalar":168},
        "vision_config":{"hidden_size":1152,"num_hidden_layers":27},"mm_tokens_per_image":256}"#,
        27.016e9,
        0.0,
        "Gemma 3 technical report, Table 1: 1,416M embedding + 25,600M non-embedding parameters (the 417M vision encoder apart)",
    ),
    (
        "THUDM/chatglm2-6b",
        r#"{"architectures":["ChatGLMModel"],"model_type":"chatglm","num_layers":28,
        "hidden_size":4096,"ffn_hidden_size":13696,"kv_channels":128,
        "num_attention_heads":32,"multi_query_attention":true,"multi_query_group_num":2,
        "padded_vocab_size":65024,"add_qkv_bias":true,"add_bias_linear":false,
        "rmsnorm":true,"post_layer_norm":true,"seq_length":32768}"#,
        6_243_584_000.0,
        0.0,
        "Hugging Face count of chatglm2-6b (6,243,584,000)",
    ),
];

#[test]
fn configs_parse_to_their_published_parameter_counts() {
    assert!(FIXTURES.len() >= 12);
    for (name, text, total, active, source) in FIXTURES {
        let imported = import(text);
        let count = imported.arch.param_count();
        assert_within(name, count.total, *total, 0.001);
        if *active > 0.0 {
            // OpenAI counts the unembedding but not the embedding lookup as active.
            let lookup = if source.contains("without the input embedding") {
                count.embedding / 2.0
            } else {
                0.0
            };
            // Active counts are published rounded to the 100M (12.9B, 37B): within 2 %.
            assert_within(name, count.active - lookup, *active, 0.02);
        }
    }
}

#[test]
fn falcon_reads_multi_query_and_the_new_decoder() {
    // tiiuae/falcon-7b: multi-query attention (one KV head), an ungated 4h FFN, tied embeddings
    // by FalconConfig's default; falcon-40b's new decoder gives its 8 KV heads.
    let seven = import(
        r#"{"model_type":"falcon","hidden_size":4544,"n_head":71,"n_layer":32,
        "vocab_size":65024,"multi_query":true,"parallel_attn":true,"bias":false}"#,
    );
    let a = &seven.arch;
    assert_eq!(
        (a.kv_heads, a.head_dim, a.ffn, a.glu, a.tied),
        (1, 64, 4 * 4544, false, true)
    );
    assert!(seven.notes.contains(&hf_config::Note::TiedByDefault(true)));
    assert!(seven.ignored.iter().any(|k| k == "parallel_attn"));
    let forty = import(
        r#"{"model_type":"falcon","hidden_size":8192,"num_attention_heads":128,
        "num_hidden_layers":60,"num_kv_heads":8,"new_decoder_architecture":true,
        "vocab_size":65024,"bias":false}"#,
    );
    assert_eq!(forty.arch.kv_heads, 8);
}

#[test]
fn compute_neutral_fields_are_listed_as_ignored() {
    // Llama-3.1-405B: its RoPE scaling and context length change no parameter or FLOP count.
    let imported = import(FIXTURES[2].1);
    for key in [
        "rope_scaling",
        "rope_theta",
        "max_position_embeddings",
        "mlp_bias",
    ] {
        assert!(
            imported.ignored.iter().any(|k| k == key),
            "{key} not listed: {:?}",
            imported.ignored
        );
    }
    // Read fields and file metadata are not listed.
    for key in [
        "hidden_size",
        "attention_bias",
        "architectures",
        "model_type",
    ] {
        assert!(!imported.ignored.iter().any(|k| k == key), "{key} listed");
    }
    // gpt-oss: the sliding window, its layer schedule and the MXFP4 experts are read, not
    // ignored (they change the KV cache and the weights); the count notes the biases it leaves
    // out.
    let oss = import(FIXTURES[9].1);
    for key in ["sliding_window", "layer_types", "quantization_config"] {
        assert!(!oss.ignored.iter().any(|k| k == key), "{key} ignored");
    }
    let a = &oss.arch;
    assert_eq!(
        (a.local, a.global_every, a.window),
        (LocalAttention::Window, 2, 128)
    );
    assert_eq!(
        (a.format, a.expert_format),
        (WeightFormat::Bf16, WeightFormat::Mxfp4)
    );
    assert!(oss.notes.contains(&hf_config::Note::GptOssBiases));
    // DeepSeek-V3: the MTP module is read and counted apart from the total; FP8 with
    // 128 × 128 blocks.
    let v3 = import(FIXTURES[8].1);
    assert!(v3.notes.iter().any(|n| *n == hf_config::Note::MtpNotCounted
        && n.to_string().contains("num_nextn_predict_layers")));
    assert_eq!(v3.arch.mtp_layers, 1);
    assert_eq!(
        (v3.arch.format, v3.arch.expert_format),
        (WeightFormat::Fp8, WeightFormat::Fp8)
    );
    assert_eq!(
        (
            v3.arch.kv_latent,
            v3.arch.q_latent,
            v3.arch.rope_dim,
            v3.arch.head_dim
        ),
        (512, 1536, 64, 128)
    );
    assert_eq!(
        (
            v3.arch.experts,
            v3.arch.top_k,
            v3.arch.shared_experts,
            v3.arch.dense_layers
        ),
        (256, 8, 1, 3)
    );
}

#[test]
fn multimodal_configs_read_their_text_model() {
    // Llama 4 Scout (meta-llama/Llama-4-Scout-17B-16E): the language model sits under
    // text_config; every layer is MoE with 16 experts, top-1, plus one shared expert.
    let scout = import(
        r#"{"architectures":["Llama4ForConditionalGeneration"],"model_type":"llama4",
        "text_config":{"model_type":"llama4_text","hidden_size":5120,"intermediate_size":8192,
        "intermediate_size_mlp":16384,"num_attention_heads":40,"num_key_value_heads":8,
        "head_dim":128,"num_hidden_layers":48,"num_local_experts":16,"num_experts_per_tok":1,
        "interleave_moe_layer_step":1,"vocab_size":202048,"tie_word_embeddings":false,
        "attention_chunk_size":8192,"no_rope_layers":[]},
        "vision_config":{"hidden_size":1408,"num_hidden_layers":34}}"#,
    );
    let a = &scout.arch;
    assert_eq!(
        (a.experts, a.top_k, a.shared_experts, a.expert_ffn),
        (16, 1, 1, 8192)
    );
    // Model card: 17B active. The card's 109B total includes the vision encoder, which this
    // count of the language model leaves out (107.8B).
    let count = a.param_count();
    assert_within("Llama-4-Scout active", count.active, 17e9, 0.02);
    assert!((107.5e9..108.1e9).contains(&count.total), "{}", count.total);
    // Three chunked layers (8,192 tokens) to one global NoPE layer: transformers'
    // Llama4TextConfig takes every no_rope_layer_interval-th (default 4) layer as NoPE when
    // no_rope_layers is empty.
    assert!(
        !scout
            .ignored
            .iter()
            .any(|k| k.ends_with("attention_chunk_size"))
    );
    assert_eq!(
        (a.local, a.global_every, a.window),
        (LocalAttention::Chunk, 4, 8192)
    );
    assert_eq!((a.global_layers(), a.local_layers()), (12, 36));
}

#[test]
fn unrepresentable_configs_name_the_field() {
    let refused = |text: &str| hf_config::parse(text).expect_err("should be refused");
    // Qwen3-Next without its schedule: its Gated DeltaNet layers cannot be told from attention.
    let e = refused(
        r#"{"model_type":"qwen3_next","hidden_size":2048,"num_attention_heads":16,"num_hidden_layers":48,"vocab_size":151936}"#,
    );
    assert_eq!(e.field, "full_attention_interval");
    assert!(e.message.contains("linear attention"), "{e}");
    // A hybrid named only by its layer kinds, of a family whose linear layers are unknown.
    let e = refused(
        r#"{"model_type":"custom","hidden_size":2048,"num_attention_heads":16,"num_hidden_layers":2,"vocab_size":1000,"layer_types":["linear_attention","full_attention"]}"#,
    );
    assert_eq!(e.field, "layer_types");
    assert!(e.message.contains("linear_attention"), "{e}");
    // A schedule that is not "every n-th layer global".
    let e = refused(
        r#"{"model_type":"gemma3_text","hidden_size":2048,"num_attention_heads":16,"num_hidden_layers":3,"vocab_size":1000,"sliding_window":512,"layer_types":["full_attention","sliding_attention","sliding_attention"]}"#,
    );
    assert_eq!(e.field, "layer_types");
    // A checkpoint format that would be a guess.
    let e = refused(
        r#"{"model_type":"llama","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000,"quantization_config":{"quant_method":"awq","bits":4,"group_size":64}}"#,
    );
    assert_eq!(e.field, "quantization_config.quant_method");
    // Kimi Linear's KDA layers: no exact count of their projections here.
    let e = refused(
        r#"{"model_type":"kimi_linear","hidden_size":2304,"num_attention_heads":32,"num_hidden_layers":27,"vocab_size":163840}"#,
    );
    assert_eq!(e.field, "model_type");
    // Jamba: Mamba layers.
    assert_eq!(
        refused(r#"{"model_type":"jamba","hidden_size":4096}"#).field,
        "model_type"
    );
    // Not JSON, and a config without its width.
    assert_eq!(refused("hidden_size: 4096").field, "json");
    let e = refused(
        r#"{"model_type":"llama","num_hidden_layers":32,"num_attention_heads":32,"vocab_size":32000}"#,
    );
    assert_eq!(e.field, "hidden_size");
    assert!(e.to_string().starts_with("hidden_size: missing"), "{e}");
    // KV heads that do not divide the heads.
    let e = refused(
        r#"{"model_type":"llama","hidden_size":4096,"num_hidden_layers":32,"num_attention_heads":32,"num_key_value_heads":5,"vocab_size":32000}"#,
    );
    assert_eq!(e.field, "num_key_value_heads");
}

#[test]
fn an_imported_architecture_travels_in_the_link() {
    // Qwen3-8B through the scenario language and back: the link reopens the same architecture.
    let imported = import(FIXTURES[6].1);
    let s = suanli::estimate::Scenario {
        model: None,
        arch: Some(imported.arch.clone()),
        ..Default::default()
    };
    let link = query::format(&s);
    let reopened = query::parse(&link);
    assert!(reopened.errors.is_empty(), "{:?}", reopened.errors);
    assert_eq!(reopened.scenario.arch.as_ref(), Some(&imported.arch));
}

#[test]
fn a_known_models_config_finds_its_preset() {
    // The fixtures of models the catalog lists come back as those presets, so a pasted config of
    // a known model gives the short link `model=<id>`.
    for (config, preset) in [
        (FIXTURES[0].1, "llama-2-7b"),
        (FIXTURES[1].1, "llama-3-8b"),
        (FIXTURES[6].1, "qwen3-8b"),
        (FIXTURES[7].1, "qwen3-235b-a22b"),
        (FIXTURES[8].1, "deepseek-v3"),
        (FIXTURES[9].1, "gpt-oss-120b"),
        (FIXTURES[11].1, "gemma-2-9b"),
    ] {
        let arch = import(config).arch;
        let found: Vec<&str> = suanli::estimate::presets::matching(&arch)
            .iter()
            .map(|p| p.id)
            .collect();
        assert!(found.contains(&preset), "{preset}: {found:?}");
    }
}

/// Releases that share a shape are all named (issue 27: a pasted Llama 3 8B config was reported
/// as Llama 3.1 8B alone). Llama 3 8B and 3.1 8B differ only in their context length and RoPE
/// scaling (Meta's model cards), which the compute count does not read.
#[test]
fn a_shape_shared_by_releases_matches_them_all() {
    let found: Vec<&str> = suanli::estimate::presets::matching(&import(FIXTURES[1].1).arch)
        .iter()
        .map(|p| p.id)
        .collect();
    assert!(
        found.contains(&"llama-3-8b") && found.contains(&"llama-3.1-8b"),
        "{found:?}"
    );
    // A shape no preset has matches none.
    let mut odd = import(FIXTURES[1].1).arch;
    odd.layers += 1;
    assert!(suanli::estimate::presets::matching(&odd).is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..Default::default() })]

    /// Any config built from the keys the reader knows, with any whole numbers (zeros and
    /// huge ones included) and flags, is read or refused naming a field: never a panic, and a
    /// read architecture counts a finite, positive number of parameters.
    #[test]
    fn any_config_is_read_or_refused_naming_a_field(
        values in proptest::collection::vec((0usize..KEYS.len(), proptest::prop_oneof![
            proptest::strategy::Just(serde_json::Value::from(0)),
            (1u64..5).prop_map(serde_json::Value::from),
            (0u64..300_000).prop_map(serde_json::Value::from),
            proptest::num::u64::ANY.prop_map(serde_json::Value::from),
            proptest::bool::ANY.prop_map(serde_json::Value::from),
            proptest::strategy::Just(serde_json::Value::Null),
        ]), 0..6),
        model_type in proptest::sample::select(vec!["llama", "qwen2_moe", "deepseek_v3", "gemma2", "falcon", "chatglm", "gpt_oss", "llama4", "mystery"]),
    ) {
        // From a complete MoE-with-MLA config, so that the random changes reach every branch.
        let mut map: serde_json::Map<String, serde_json::Value> = serde_json::from_str(BASE).unwrap();
        map.insert("model_type".into(), model_type.into());
        for (k, v) in values {
            map.insert(KEYS[k].into(), v);
        }
        let map_keys: Vec<String> = map.keys().cloned().collect();
        match hf_config::parse(&serde_json::Value::Object(map).to_string()) {
            Ok(imported) => {
                let count = imported.arch.param_count();
                prop_assert!(count.total.is_finite() && count.total > 0.0, "{:?}", imported.arch);
                prop_assert!(count.active <= count.total);
            }
            // The refusal blames a key the config gives, or one it lacks and says so. (It used
            // to be checked only for a field and a message that are not empty, which every
            // refusal's are: both are written from the reader's own non-empty literals.)
            Err(e) => prop_assert!(
                map_keys.contains(&e.field) || e.message.starts_with("missing"),
                "{} is neither in the config {:?} nor said to be missing",
                e,
                map_keys
            ),
        }
    }
}

/// A config with every part: dense leading layers, routed and shared experts, MLA.
const BASE: &str = r#"{"num_hidden_layers":8,"hidden_size":1024,"num_attention_heads":16,
"num_key_value_heads":4,"intermediate_size":4096,"vocab_size":32000,"num_experts":16,
"num_experts_per_tok":2,"moe_intermediate_size":512,"shared_expert_intermediate_size":1024,
"first_k_dense_replace":1,"kv_lora_rank":256,"q_lora_rank":512,"qk_rope_head_dim":32,
"qk_nope_head_dim":64,"v_head_dim":64}"#;

/// The keys the reader knows, for the property test.
const KEYS: &[&str] = &[
    "num_hidden_layers",
    "n_layer",
    "num_layers",
    "hidden_size",
    "n_embd",
    "num_attention_heads",
    "n_head",
    "num_key_value_heads",
    "num_kv_heads",
    "multi_query_group_num",
    "head_dim",
    "kv_channels",
    "intermediate_size",
    "ffn_hidden_size",
    "intermediate_size_mlp",
    "vocab_size",
    "padded_vocab_size",
    "tie_word_embeddings",
    "attention_bias",
    "bias",
    "multi_query",
    "new_decoder_architecture",
    "multi_query_attention",
    "num_experts",
    "num_local_experts",
    "n_routed_experts",
    "num_experts_per_tok",
    "experts_per_token",
    "n_shared_experts",
    "shared_expert_intermediate_size",
    "moe_intermediate_size",
    "first_k_dense_replace",
    "decoder_sparse_step",
    "moe_layer_freq",
    "interleave_moe_layer_step",
    "kv_lora_rank",
    "q_lora_rank",
    "qk_rope_head_dim",
    "qk_nope_head_dim",
    "v_head_dim",
];
