//! Launch settings: the scenario's layout as the arguments of the frameworks people launch with
//! (issue 26). Plain Rust, no web dependencies; the page and `suanli --export` print the same
//! text.
//!
//! Every flag or key is one that the framework's own argument parser or config schema defines at
//! the version [`Framework::version`] names; `tests/launch.rs` checks each emitted name against
//! lists taken from those sources (`tests/fixtures/frameworks/`). What a framework cannot express
//! is said in a note (a `#` comment where the format has comments), never replaced by something
//! silently different.

use crate::estimate::architecture::{Architecture, Bias, LocalAttention};
use crate::estimate::layout::Layout;
use crate::estimate::precision::{Precision, WeightFormat};
use crate::estimate::scenario::{EpDispatch, Recompute, Scenario, Schedule};
use crate::estimate::{Report, hardware};

/// A framework to launch with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Framework {
    /// Megatron-LM's `pretrain_gpt.py` under torchrun.
    Megatron,
    /// torchtitan's job TOML.
    Torchtitan,
    /// A DeepSpeed config JSON.
    Deepspeed,
    /// `vllm serve`.
    Vllm,
    /// `python -m sglang.launch_server`.
    Sglang,
}

impl Framework {
    /// Every framework, training first.
    pub const ALL: [Framework; 5] = [
        Framework::Megatron,
        Framework::Torchtitan,
        Framework::Deepspeed,
        Framework::Vllm,
        Framework::Sglang,
    ];

    /// The `--export` spelling.
    pub fn id(self) -> &'static str {
        match self {
            Framework::Megatron => "megatron",
            Framework::Torchtitan => "torchtitan",
            Framework::Deepspeed => "deepspeed",
            Framework::Vllm => "vllm",
            Framework::Sglang => "sglang",
        }
    }

    /// Parses the `--export` spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == s)
    }

    /// The framework and the release whose argument names the export uses.
    pub fn version(self) -> &'static str {
        match self {
            Framework::Megatron => "Megatron-LM core_v0.15.3",
            Framework::Torchtitan => "torchtitan v0.2.0",
            Framework::Deepspeed => "DeepSpeed v0.19.5",
            Framework::Vllm => "vLLM v0.11.0",
            Framework::Sglang => "SGLang v0.5.3",
        }
    }

    /// Whether it serves the model (else it trains it).
    pub fn serves(self) -> bool {
        matches!(self, Framework::Vllm | Framework::Sglang)
    }
}

/// One export.
#[derive(Clone, Debug, PartialEq)]
pub struct Launch {
    /// The text to paste: a command line, a TOML file or a JSON file.
    pub text: String,
    /// What the framework cannot express of the scenario, or what to check before launching.
    /// Inside `text` as `#` comments where the format has comments (not in JSON).
    pub notes: Vec<String>,
    /// Every flag or key the text sets, as the framework spells it.
    pub names: Vec<String>,
}

/// Hugging Face repositories of the presets, for the serving commands and the notes.
const REPOS: &[(&str, &str)] = &[
    ("qwen3-0.6b", "Qwen/Qwen3-0.6B"),
    ("qwen3-4b", "Qwen/Qwen3-4B"),
    ("qwen3-8b", "Qwen/Qwen3-8B"),
    ("qwen3-14b", "Qwen/Qwen3-14B"),
    ("qwen3-32b", "Qwen/Qwen3-32B"),
    ("qwen3-30b-a3b", "Qwen/Qwen3-30B-A3B"),
    ("qwen3-235b-a22b", "Qwen/Qwen3-235B-A22B"),
    ("qwen2.5-7b", "Qwen/Qwen2.5-7B-Instruct"),
    ("qwen2.5-14b", "Qwen/Qwen2.5-14B-Instruct"),
    ("qwen2.5-32b", "Qwen/Qwen2.5-32B-Instruct"),
    ("qwen2.5-72b", "Qwen/Qwen2.5-72B-Instruct"),
    ("qwen3-next-80b-a3b", "Qwen/Qwen3-Next-80B-A3B-Instruct"),
    ("qwen3.5-397b-a17b", "Qwen/Qwen3.5-397B-A17B"),
    ("qwen3.5-122b-a10b", "Qwen/Qwen3.5-122B-A10B"),
    ("qwen3.5-35b-a3b", "Qwen/Qwen3.5-35B-A3B"),
    ("qwen3.5-27b", "Qwen/Qwen3.5-27B"),
    ("qwen2-57b-a14b", "Qwen/Qwen2-57B-A14B-Instruct"),
    ("deepseek-v3", "deepseek-ai/DeepSeek-V3"),
    ("deepseek-r1", "deepseek-ai/DeepSeek-R1"),
    ("deepseek-v3.1", "deepseek-ai/DeepSeek-V3.1"),
    ("deepseek-v3.2", "deepseek-ai/DeepSeek-V3.2-Exp"),
    ("deepseek-v2", "deepseek-ai/DeepSeek-V2"),
    ("deepseek-llm-67b", "deepseek-ai/deepseek-llm-67b-base"),
    ("deepseek-v2-lite", "deepseek-ai/DeepSeek-V2-Lite"),
    ("kimi-k2", "moonshotai/Kimi-K2-Instruct"),
    ("minimax-m2", "MiniMaxAI/MiniMax-M2"),
    ("minimax-m2.5", "MiniMaxAI/MiniMax-M2.5"),
    ("glm-4.5", "zai-org/GLM-4.5"),
    ("glm-4.6", "zai-org/GLM-4.6"),
    ("glm-4-9b", "THUDM/glm-4-9b-hf"),
    ("chatglm2-6b", "THUDM/chatglm2-6b"),
    ("llama-4-scout", "meta-llama/Llama-4-Scout-17B-16E-Instruct"),
    (
        "llama-4-maverick",
        "meta-llama/Llama-4-Maverick-17B-128E-Instruct",
    ),
    ("llama-3.3-70b", "meta-llama/Llama-3.3-70B-Instruct"),
    ("llama-3.2-1b", "meta-llama/Llama-3.2-1B-Instruct"),
    ("llama-3.2-3b", "meta-llama/Llama-3.2-3B-Instruct"),
    ("llama-3.1-405b", "meta-llama/Llama-3.1-405B-Instruct"),
    ("llama-3.1-8b", "meta-llama/Llama-3.1-8B-Instruct"),
    ("llama-3-70b", "meta-llama/Meta-Llama-3-70B-Instruct"),
    ("llama-3-8b", "meta-llama/Meta-Llama-3-8B-Instruct"),
    ("llama-2-70b", "meta-llama/Llama-2-70b-chat-hf"),
    ("llama-2-13b", "meta-llama/Llama-2-13b-chat-hf"),
    ("llama-2-7b", "meta-llama/Llama-2-7b-chat-hf"),
    ("gpt-oss-120b", "openai/gpt-oss-120b"),
    ("gpt-oss-20b", "openai/gpt-oss-20b"),
    ("gemma-3-27b", "google/gemma-3-27b-it"),
    ("gemma-3-12b", "google/gemma-3-12b-it"),
    ("gemma-3-1b", "google/gemma-3-1b-it"),
    ("gemma-2-27b", "google/gemma-2-27b-it"),
    ("gemma-2-9b", "google/gemma-2-9b-it"),
    ("mistral-large-2", "mistralai/Mistral-Large-Instruct-2407"),
    (
        "mistral-small-24b",
        "mistralai/Mistral-Small-24B-Instruct-2501",
    ),
    ("mistral-7b", "mistralai/Mistral-7B-v0.1"),
    ("mixtral-8x22b", "mistralai/Mixtral-8x22B-Instruct-v0.1"),
    ("mixtral-8x7b", "mistralai/Mixtral-8x7B-Instruct-v0.1"),
    ("opt-175b", "facebook/opt-175b"),
    ("pythia-12b", "EleutherAI/pythia-12b"),
    ("gpt-neox-20b", "EleutherAI/gpt-neox-20b"),
    ("bloom-176b", "bigscience/bloom"),
    ("falcon-180b", "tiiuae/falcon-180B"),
];

/// The checkpoint a serving command loads: the preset's repository, else a placeholder.
fn repo(s: &Scenario) -> &'static str {
    s.model
        .as_deref()
        .and_then(|id| REPOS.iter().find(|(m, _)| *m == id))
        .map_or("<path-to-checkpoint>", |(_, r)| r)
}

/// GPUs per node: four on a GB200/GB300 compute tray, eight elsewhere.
fn gpus_per_node(s: &Scenario) -> u32 {
    let domain = hardware::find(&s.gpu).map_or(8, |g| g.scale_up_domain);
    if domain > 8 { 4 } else { domain.clamp(1, 8) }
}

/// A command line or a config file being written, with the names it sets.
struct Writer {
    lines: Vec<String>,
    names: Vec<String>,
    notes: Vec<String>,
}

impl Writer {
    fn new() -> Self {
        Writer {
            lines: Vec::new(),
            names: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// A command-line flag with a value (`--tensor-model-parallel-size 8`).
    fn flag(&mut self, name: &str, value: impl std::fmt::Display) {
        self.lines.push(format!("  {name} {value}"));
        self.names.push(name.into());
    }

    /// A command-line switch (`--sequence-parallel`).
    fn switch(&mut self, name: &str) {
        self.lines.push(format!("  {name}"));
        self.names.push(name.into());
    }

    /// A TOML key in the current section (`tensor_parallel_degree = 8`).
    fn key(&mut self, section: &str, name: &str, value: impl std::fmt::Display) {
        self.lines.push(format!("{name} = {value}"));
        self.names.push(format!("{section}.{name}"));
    }

    fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// The command: notes as comments, then the program and its flags joined by backslashes.
    fn command(self, program: &str) -> Launch {
        let mut text: Vec<String> = self.notes.iter().map(|n| format!("# {n}")).collect();
        let mut parts = vec![program.to_string()];
        parts.extend(self.lines);
        text.push(parts.join(" \\\n"));
        Launch {
            text: text.join("\n") + "\n",
            notes: self.notes,
            names: self.names,
        }
    }
}

/// The settings for `framework` of the scenario `s` whose report is `r`.
pub fn launch(framework: Framework, s: &Scenario, r: &Report) -> Launch {
    match framework {
        Framework::Megatron => megatron(s, r),
        Framework::Torchtitan => torchtitan(s, r),
        Framework::Deepspeed => deepspeed(s, r),
        Framework::Vllm => vllm(s, r),
        Framework::Sglang => sglang(s, r),
    }
}

/// The architecture the exports describe (a bare count's implied shape is an assumption).
fn arch(s: &Scenario, r: &Report) -> Architecture {
    s.arch
        .clone()
        .unwrap_or_else(|| Architecture::implied_by_params(r.params_total))
}

/// Gradient-accumulation steps: global batch / (micro-batch · dp), which the frameworks need
/// whole; a note when it is not.
fn accumulation(s: &Scenario, l: &Layout, w: &mut Writer) -> u32 {
    let per_step = l.micro_batch * l.dp;
    if !s.global_batch.is_multiple_of(per_step) {
        w.note(format!(
            "global_batch {} is not a multiple of micro_batch x dp = {per_step}: the frameworks need it whole; {} is used",
            s.global_batch,
            s.global_batch / per_step.max(1) * per_step
        ));
    }
    (s.global_batch / per_step.max(1)).max(1)
}

/// Notes for what no training framework's flags here describe: local layers, sparse attention.
fn schedule_notes(a: &Architecture, w: &mut Writer) {
    match a.local {
        LocalAttention::None => {}
        LocalAttention::Window | LocalAttention::Chunk => w.note(format!(
            "{} of {} layers attend through a {}-token {}: set it in the model's own definition",
            a.local_layers(),
            a.layers,
            a.window,
            if a.local == LocalAttention::Window {
                "sliding window"
            } else {
                "chunk"
            }
        )),
        _ => w.note(format!(
            "{} of {} layers are linear attention ({}): not expressible in these flags; use the model's own training code",
            a.local_layers(),
            a.layers,
            a.local.id()
        )),
    }
    if a.is_sparse() {
        w.note(format!(
            "DeepSeek sparse attention (top-{}): not expressible in these flags",
            a.index_topk
        ));
    }
}

/// A pipeline schedule the framework's flags cannot select is said, never silently changed: the
/// plan's step time assumed it.
fn pipeline_schedule_note(l: &Layout, framework: Framework, w: &mut Writer) {
    if l.pp > 1 && l.schedule != Schedule::OneFOneB {
        w.note(format!(
            "pipeline schedule {}: not selectable in {}, which runs 1F1B; the plan's step time assumes {}",
            l.schedule.id(),
            framework.version(),
            l.schedule.id()
        ));
    }
}

fn megatron(s: &Scenario, r: &Report) -> Launch {
    let l = r.layout;
    let a = arch(s, r);
    let mut w = Writer::new();
    let node = gpus_per_node(s);
    let gpus = l.devices();
    w.note(format!(
        "{}: {} GPUs = tp {} x pp {} x cp {} x dp {}; run on {} nodes of {node} ({})",
        s.model.as_deref().unwrap_or("custom model"),
        gpus,
        l.tp,
        l.pp,
        l.cp,
        l.dp,
        gpus.div_ceil(node),
        Framework::Megatron.version()
    ));
    let accumulate = accumulation(s, &l, &mut w);
    schedule_notes(&a, &mut w);
    pipeline_schedule_note(&l, Framework::Megatron, &mut w);
    w.flag("--tensor-model-parallel-size", l.tp);
    w.flag("--pipeline-model-parallel-size", l.pp);
    let [first, _, last] = crate::estimate::layout::stage_layers(a.layers, l.pp);
    if !a.layers.is_multiple_of(l.pp) {
        // Layers that do not divide come off the first and last stages, as the plan counts them.
        w.flag("--decoder-first-pipeline-num-layers", first);
        w.flag("--decoder-last-pipeline-num-layers", last);
        if l.vpp > 1 {
            w.note(format!(
                "{} layers over {} stages with interleaving: check that Megatron accepts the uneven first and last stages with {} virtual stages",
                a.layers, l.pp, l.vpp
            ));
        }
    }
    if l.vpp > 1 {
        // Megatron takes the interleaving as layers per virtual stage.
        w.flag(
            "--num-layers-per-virtual-pipeline-stage",
            a.layers.div_ceil(l.pp) / l.vpp,
        );
    }
    w.flag("--context-parallel-size", l.cp);
    if l.sp && l.tp > 1 {
        w.switch("--sequence-parallel");
    }
    w.flag("--micro-batch-size", l.micro_batch);
    w.flag("--global-batch-size", l.micro_batch * l.dp * accumulate);
    w.flag("--seq-length", s.seq);
    w.flag("--max-position-embeddings", s.seq);
    w.flag(
        "--train-samples",
        (r.training.tokens / f64::from(s.seq.max(1))).ceil() as u64,
    );
    w.flag("--num-layers", a.layers);
    w.flag("--hidden-size", a.hidden);
    w.flag("--ffn-hidden-size", a.ffn);
    w.flag("--num-attention-heads", a.heads);
    w.flag("--kv-channels", a.head_dim);
    if !a.is_mla() && a.kv_heads < a.heads {
        w.switch("--group-query-attention");
        w.flag("--num-query-groups", a.kv_heads);
    }
    if a.glu {
        w.switch("--swiglu");
    }
    if !a.tied {
        w.switch("--untie-embeddings-and-output-weights");
    }
    w.flag(
        "--normalization",
        if a.bias == Bias::All {
            "LayerNorm"
        } else {
            "RMSNorm"
        },
    );
    match a.bias {
        Bias::All => {}
        Bias::Qkv => {
            w.switch("--disable-bias-linear");
            w.switch("--add-qkv-bias");
        }
        Bias::None => w.switch("--disable-bias-linear"),
    }
    w.flag("--position-embedding-type", "rope");
    w.flag("--vocab-size", a.vocab);
    if a.is_mla() {
        w.switch("--multi-latent-attention");
        w.flag("--kv-lora-rank", a.kv_latent);
        if a.q_latent > 0 {
            w.flag("--q-lora-rank", a.q_latent);
        }
        w.flag("--qk-head-dim", a.head_dim);
        w.flag("--qk-pos-emb-head-dim", a.rope_dim);
        w.flag("--v-head-dim", a.head_dim);
    }
    if a.is_moe() {
        w.flag("--num-experts", a.experts);
        w.flag("--moe-router-topk", a.top_k);
        w.flag("--moe-ffn-hidden-size", a.expert_ffn);
        if a.shared_experts > 0 {
            w.flag(
                "--moe-shared-expert-intermediate-size",
                a.shared_experts * a.expert_ffn,
            );
        }
        if a.moe_layers() < a.layers {
            // A Python list of 0 (dense) and 1 (MoE) per layer, as the flag reads it.
            let pattern: Vec<&str> = (0..a.layers)
                .map(|i| {
                    if i >= a.dense_layers && (i + 1).is_multiple_of(a.moe_every.max(1)) {
                        "1"
                    } else {
                        "0"
                    }
                })
                .collect();
            w.flag("--moe-layer-freq", format!("\"[{}]\"", pattern.join(",")));
        }
        w.flag("--expert-model-parallel-size", l.ep);
        w.flag("--expert-tensor-parallel-size", l.etp);
        if l.ep > 1 {
            // The dispatch the plan timed: DeepEP goes through the flex dispatcher.
            match s.ep_dispatch {
                EpDispatch::AllToAll => w.flag("--moe-token-dispatcher-type", "alltoall"),
                EpDispatch::DeepEp => {
                    w.flag("--moe-token-dispatcher-type", "flex");
                    w.switch("--moe-enable-deepep");
                }
            }
            if s.ep_fp8 {
                w.note(
                    "the plan sends the expert dispatch in FP8 (DeepSeek-V3 sec. 3.3.3); Megatron-Core's DeepEP path sends BF16, so this run's all-to-all moves about a third more than planned".into(),
                );
            }
        }
    }
    if l.tp_overlap {
        w.switch("--tp-comm-overlap");
    }
    if l.overlaps_experts() {
        w.switch("--overlap-moe-expert-parallel-comm");
    }
    if a.mtp_layers > 0 {
        w.flag("--mtp-num-layers", a.mtp_layers);
    }
    match l.recompute {
        Recompute::None => {}
        Recompute::Selective => w.flag("--recompute-granularity", "selective"),
        Recompute::Full => {
            w.flag("--recompute-granularity", "full");
            w.flag("--recompute-method", "uniform");
            w.flag("--recompute-num-layers", 1);
        }
    }
    match l.zero {
        0 => {}
        1 => w.switch("--use-distributed-optimizer"),
        z => {
            w.note(format!(
                "ZeRO-{z}: Megatron's distributed optimizer shards the optimizer states only (ZeRO-1); the gradients and weights are not sharded"
            ));
            w.switch("--use-distributed-optimizer");
        }
    }
    if l.zero >= 1 && l.dp > 1 {
        w.switch("--overlap-grad-reduce");
        w.switch("--overlap-param-gather");
    }
    match s.precision {
        Precision::Bf16 => w.switch("--bf16"),
        Precision::Fp16 => w.switch("--fp16"),
        Precision::Fp8 => {
            w.switch("--bf16");
            w.flag("--fp8-format", "hybrid");
        }
        Precision::Fp32 | Precision::Tf32 => {}
    }
    w.command(&format!(
        "torchrun --nnodes {} --nproc-per-node {} pretrain_gpt.py",
        gpus.div_ceil(node),
        node.min(gpus)
    ))
}

fn torchtitan(s: &Scenario, r: &Report) -> Launch {
    let l = r.layout;
    let a = arch(s, r);
    let mut w = Writer::new();
    let node = gpus_per_node(s);
    let gpus = l.devices();
    w.note(format!(
        "{}: {} GPUs on {} nodes of {node} ({})",
        s.model.as_deref().unwrap_or("custom model"),
        gpus,
        gpus.div_ceil(node),
        Framework::Torchtitan.version()
    ));
    w.note(
        "model.name and model.flavor must name a model torchtitan registers with this shape".into(),
    );
    let accumulate = accumulation(s, &l, &mut w);
    schedule_notes(&a, &mut w);
    pipeline_schedule_note(&l, Framework::Torchtitan, &mut w);
    if l.zero < 3 && l.dp > 1 {
        w.note(format!(
            "torchtitan shards data parallelism with FSDP, which is ZeRO-3; the scenario's ZeRO-{} is not expressible",
            l.zero
        ));
    }
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    let mut section = |w: &mut Writer, name: &str, body: &dyn Fn(&mut Writer)| {
        let start = w.lines.len();
        body(w);
        let lines = w.lines.split_off(start);
        sections.push((name.to_string(), lines));
    };
    // torchtitan's model names for the families it ships; a placeholder elsewhere.
    let family = s.model.as_deref().and_then(|id| {
        [
            ("llama-3", "llama3"),
            ("llama-4", "llama4"),
            ("deepseek-v3", "deepseek_v3"),
            ("qwen3-", "qwen3"),
        ]
        .into_iter()
        .find(|(prefix, _)| id.starts_with(prefix))
        .map(|(_, name)| name)
    });
    section(&mut w, "model", &|w| {
        w.key(
            "model",
            "name",
            format!("\"{}\"", family.unwrap_or("<model>")),
        );
        w.key("model", "flavor", "\"<flavor>\"");
    });
    section(&mut w, "training", &|w| {
        // torchtitan's local batch is what one step's forward holds per data-parallel rank: with
        // a pipeline all the step's micro-batches (split by pipeline_parallel_microbatch_size),
        // without one a micro-batch, the rest accumulated up to the global batch.
        let local = if l.pp > 1 {
            l.micro_batch * accumulate
        } else {
            l.micro_batch
        };
        w.key("training", "local_batch_size", local);
        w.key(
            "training",
            "global_batch_size",
            l.micro_batch * accumulate * l.dp,
        );
        w.key("training", "seq_len", s.seq);
        w.key(
            "training",
            "steps",
            (r.training.tokens / (f64::from(s.global_batch) * f64::from(s.seq))).ceil() as u64,
        );
        if s.precision == Precision::Bf16 || s.precision == Precision::Fp8 {
            w.key("training", "mixed_precision_param", "\"bfloat16\"");
        }
    });
    section(&mut w, "parallelism", &|w| {
        w.key("parallelism", "data_parallel_replicate_degree", 1);
        w.key("parallelism", "data_parallel_shard_degree", l.dp);
        w.key("parallelism", "tensor_parallel_degree", l.tp);
        w.key("parallelism", "pipeline_parallel_degree", l.pp);
        w.key("parallelism", "context_parallel_degree", l.cp);
        if l.pp > 1 {
            w.key(
                "parallelism",
                "pipeline_parallel_schedule",
                if l.vpp > 1 {
                    "\"Interleaved1F1B\""
                } else {
                    "\"1F1B\""
                },
            );
            w.key(
                "parallelism",
                "pipeline_parallel_microbatch_size",
                l.micro_batch,
            );
        }
        if a.is_moe() {
            w.key("parallelism", "expert_parallel_degree", l.ep);
            w.key("parallelism", "expert_tensor_parallel_degree", l.etp);
        }
    });
    section(&mut w, "activation_checkpoint", &|w| {
        let mode = match l.recompute {
            Recompute::None => "none",
            Recompute::Selective => "selective",
            Recompute::Full => "full",
        };
        w.key("activation_checkpoint", "mode", format!("\"{mode}\""));
    });
    if s.precision == Precision::Fp8 {
        w.note("FP8: add torchtitan's float8 converter to model.converters".into());
    }
    let mut text: Vec<String> = w.notes.iter().map(|n| format!("# {n}")).collect();
    for (name, lines) in sections {
        text.push(String::new());
        text.push(format!("[{name}]"));
        text.extend(lines);
    }
    Launch {
        text: text.join("\n").trim_start().to_string() + "\n",
        notes: w.notes,
        names: w.names,
    }
}

fn deepspeed(s: &Scenario, r: &Report) -> Launch {
    let l = r.layout;
    let a = arch(s, r);
    let mut w = Writer::new();
    let accumulate = accumulation(s, &l, &mut w);
    if l.tp > 1 || l.pp > 1 || l.cp > 1 || l.ep > 1 {
        w.note(format!(
            "tp {}, pp {}, cp {} and ep {} are set by the training script (Megatron-DeepSpeed's flags), not by this JSON; its batch is for dp {}",
            l.tp, l.pp, l.cp, l.ep, l.dp
        ));
    }
    schedule_notes(&a, &mut w);
    pipeline_schedule_note(&l, Framework::Deepspeed, &mut w);
    let mut names = vec![
        "train_batch_size",
        "train_micro_batch_size_per_gpu",
        "gradient_accumulation_steps",
        "zero_optimization.stage",
        "zero_optimization.overlap_comm",
        "zero_optimization.contiguous_gradients",
        "gradient_clipping",
    ];
    let mut json = serde_json::json!({
        "train_batch_size": l.micro_batch * accumulate * l.dp,
        "train_micro_batch_size_per_gpu": l.micro_batch,
        "gradient_accumulation_steps": accumulate,
        "zero_optimization": {
            "stage": l.zero,
            "overlap_comm": true,
            "contiguous_gradients": true,
        },
        "gradient_clipping": 1.0,
    });
    match s.precision {
        Precision::Bf16 | Precision::Fp8 => {
            json["bf16"] = serde_json::json!({ "enabled": true });
            names.push("bf16.enabled");
        }
        Precision::Fp16 => {
            json["fp16"] = serde_json::json!({ "enabled": true });
            names.push("fp16.enabled");
        }
        Precision::Fp32 | Precision::Tf32 => {}
    }
    if s.precision == Precision::Fp8 {
        w.note(
            "FP8 GEMMs come from Transformer Engine in the model code, not from this JSON".into(),
        );
    }
    if l.recompute != Recompute::None {
        json["activation_checkpointing"] = serde_json::json!({
            "partition_activations": l.tp > 1,
            "contiguous_memory_optimization": true,
        });
        names.push("activation_checkpointing.partition_activations");
        names.push("activation_checkpointing.contiguous_memory_optimization");
        w.note(format!(
            "{} recomputation: the model code chooses which layers to checkpoint",
            match l.recompute {
                Recompute::Full => "full",
                _ => "selective",
            }
        ));
    }
    Launch {
        text: serde_json::to_string_pretty(&json).unwrap_or_default() + "\n",
        notes: w.notes,
        names: names.into_iter().map(String::from).collect(),
    }
}

/// What serving uses of the report: the replica's devices, its batch and the context.
struct Served {
    replica: u32,
    batch: u32,
    context: u32,
}

fn served(s: &Scenario, r: &Report, w: &mut Writer, framework: Framework) -> Served {
    let sv = &r.serving;
    w.note(format!(
        "{}: {} replica(s) of {} GPUs for the load ({} GPUs), each with up to {} sequences ({})",
        s.model.as_deref().unwrap_or("custom model"),
        sv.replicas,
        sv.replica_gpus,
        sv.gpus,
        sv.batch,
        framework.version()
    ));
    let node = gpus_per_node(s);
    if sv.replica_gpus > node {
        w.note(format!(
            "a replica of {} GPUs spans {} nodes of {node}: tensor parallelism then crosses nodes (the plan's replica is one tensor-parallel group)",
            sv.replica_gpus,
            sv.replica_gpus.div_ceil(node)
        ));
    }
    let a = arch(s, r);
    if a.mtp_layers > 0 {
        w.note("the MTP modules are not served (they can drive speculative decoding)".into());
    }
    Served {
        replica: sv.replica_gpus,
        batch: sv.batch.max(1),
        context: s.prompt_tokens.saturating_add(s.output_tokens).max(1),
    }
}

/// The quantisation a serving engine is told, or a note that the checkpoint must be in it.
fn weights_note(s: &Scenario, w: &mut Writer) -> Option<&'static str> {
    match s.weight_format {
        None => None,
        Some(WeightFormat::Bf16) => None,
        Some(WeightFormat::Fp8) => Some("fp8"),
        Some(f) => {
            w.note(format!(
                "weight_format {}: load a checkpoint already quantised to it; the engine reads its quantization_config",
                f.id()
            ));
            None
        }
    }
}

/// How a serving engine spells the same settings.
struct Engine {
    framework: Framework,
    /// The program, with the model where it is positional.
    program: fn(&Scenario) -> String,
    /// The model flag, where the model is not positional.
    model: Option<&'static str>,
    tensor_parallel: &'static str,
    context: &'static str,
    batch: &'static str,
    memory_fraction: &'static str,
    /// Its FP8 KV-cache dtype.
    fp8_kv: &'static str,
    /// Expert parallelism: a switch (vLLM) or a size (SGLang).
    expert_parallel: &'static str,
    expert_parallel_sized: bool,
}

const VLLM: Engine = Engine {
    framework: Framework::Vllm,
    program: |s| format!("vllm serve {}", repo(s)),
    model: None,
    tensor_parallel: "--tensor-parallel-size",
    context: "--max-model-len",
    batch: "--max-num-seqs",
    memory_fraction: "--gpu-memory-utilization",
    fp8_kv: "fp8",
    expert_parallel: "--enable-expert-parallel",
    expert_parallel_sized: false,
};

const SGLANG: Engine = Engine {
    framework: Framework::Sglang,
    program: |_| "python -m sglang.launch_server".into(),
    model: Some("--model-path"),
    tensor_parallel: "--tp-size",
    context: "--context-length",
    batch: "--max-running-requests",
    memory_fraction: "--mem-fraction-static",
    fp8_kv: "fp8_e4m3",
    expert_parallel: "--ep-size",
    expert_parallel_sized: true,
};

fn vllm(s: &Scenario, r: &Report) -> Launch {
    serve(&VLLM, s, r)
}

fn sglang(s: &Scenario, r: &Report) -> Launch {
    serve(&SGLANG, s, r)
}

/// A serving engine's command for the report's replica: its tensor-parallel size, the context,
/// the batch limit, the memory share, the KV dtype, quantisation and expert parallelism.
fn serve(e: &Engine, s: &Scenario, r: &Report) -> Launch {
    let mut w = Writer::new();
    let v = served(s, r, &mut w, e.framework);
    let quantization = weights_note(s, &mut w);
    if let Some(model) = e.model {
        w.flag(model, repo(s));
    }
    w.flag(e.tensor_parallel, v.replica);
    w.flag(e.context, v.context);
    w.flag(e.batch, v.batch);
    w.flag(
        e.memory_fraction,
        crate::estimate::inference::SERVING_MEMORY_FRACTION,
    );
    w.flag("--dtype", "bfloat16");
    if s.kv_bits == 8 {
        w.flag("--kv-cache-dtype", e.fp8_kv);
    } else if s.kv_bits != 16 {
        w.note(format!(
            "a {}-bit KV cache: --kv-cache-dtype offers 16 bits (auto) and fp8",
            s.kv_bits
        ));
    }
    if let Some(q) = quantization {
        w.flag("--quantization", q);
    }
    if arch(s, r).is_moe() && v.replica > 1 {
        if e.expert_parallel_sized {
            w.flag(e.expert_parallel, v.replica);
        } else {
            w.switch(e.expert_parallel);
        }
    }
    w.command(&(e.program)(s))
}
