//! A scenario: every input of one estimate, as plain values.
//!
//! The query-string form (share links, the CLI, saved scenarios) is in [`super::query`]; this
//! module only holds the values and their defaults.

use super::architecture::Architecture;
use super::precision::{Precision, WeightFormat};
use super::presets;
use serde::Serialize;

/// Activation recomputation (Korthikanti et al. 2022).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Recompute {
    /// Store every activation.
    None,
    /// Recompute only the attention scores (or use FlashAttention, which never stores them).
    Selective,
    /// Store only each layer's input and recompute the rest (an extra forward pass).
    Full,
}

/// The pipeline schedule: the order in which each stage runs its micro-batches' forward and
/// backward chunks, which sets the bubble, the micro-batches in flight and what can overlap
/// (DeepSeek-V3 report, Table 2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Schedule {
    /// 1F1B (Narayanan et al. 2021 sec. 2.2), interleaved over `vpp` virtual stages when
    /// `vpp > 1` (sec. 2.2.2): bubble `(p - 1)/v · (F + B)`.
    #[default]
    #[serde(rename = "1f1b")]
    OneFOneB,
    /// Zero bubble ZB-H1 (Qi et al. 2023, "ZB1P" in DeepSeek-V3 Table 2): the backward split
    /// into its input and weight gradients, the weight gradients filling the bubble:
    /// `(p - 1)(F + B - 2W)` at 1F1B's memory.
    #[serde(rename = "zb")]
    ZeroBubble,
    /// DualPipe (DeepSeek-V3 sec. 3.2.1): micro-batches fed from both ends, each device holding
    /// two stages, a forward and a backward chunk overlapped so that each one's all-to-all and
    /// pipeline sends hide behind the other's compute: bubble `(p/2 - 1)(F&B + B - 3W)`, two
    /// copies of the parameters, `p + 1` micro-batches of activations.
    #[serde(rename = "dualpipe")]
    DualPipe,
}

impl Schedule {
    /// Every schedule, in the order the UI lists them.
    pub const ALL: [Schedule; 3] = [Schedule::OneFOneB, Schedule::ZeroBubble, Schedule::DualPipe];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            Schedule::OneFOneB => "1f1b",
            Schedule::ZeroBubble => "zb",
            Schedule::DualPipe => "dualpipe",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.id() == s)
    }

    /// Whether the schedule overlaps one micro-batch's expert all-to-all and pipeline sends with
    /// another's compute (DualPipe's overlapped forward-and-backward chunks).
    pub fn overlaps_dispatch(self) -> bool {
        self == Schedule::DualPipe
    }

    /// Copies of each stage's parameters a device holds: two under DualPipe (Table 2).
    pub fn parameter_copies(self) -> f64 {
        if self == Schedule::DualPipe { 2.0 } else { 1.0 }
    }
}

/// How the expert all-to-all moves tokens between the expert-parallel ranks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EpDispatch {
    /// One copy per (token, expert) pair sent to the expert's rank (Megatron-Core's `alltoall`
    /// dispatcher).
    #[default]
    AllToAll,
    /// Hierarchical: a token crosses the network once per remote node holding one of its
    /// experts, then fans out over NVLink (DeepEP's normal kernels; Megatron-Core's `flex`
    /// dispatcher with `--moe-enable-deepep`; DeepSeek-V3 sec. 3.2.2).
    DeepEp,
}

impl EpDispatch {
    /// Every dispatcher, in the order the UI lists them.
    pub const ALL: [EpDispatch; 2] = [EpDispatch::AllToAll, EpDispatch::DeepEp];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            EpDispatch::AllToAll => "alltoall",
            EpDispatch::DeepEp => "deepep",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// How attention scores are computed, which sets what a step stores and recomputes for them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AttnKernel {
    /// FlashAttention-style tiled kernels (FlashAttention 2 and 3, cuDNN's through Transformer
    /// Engine, xformers' memory-efficient attention): the scores are never stored, and the
    /// backward pass recomputes them itself (Dao 2023, Algorithm 2).
    #[default]
    Flash,
    /// The scores materialised and the softmax a kernel of its own, as Megatron-LM ran before
    /// FlashAttention (2021-2022; Korthikanti et al. 2022 store the `5·a·s²·b` softmax).
    Unfused,
}

impl AttnKernel {
    /// Every kernel, in the order the UI lists them.
    pub const ALL: [AttnKernel; 2] = [AttnKernel::Flash, AttnKernel::Unfused];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            AttnKernel::Flash => "flash",
            AttnKernel::Unfused => "unfused",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.id() == s)
    }
}

/// What a user measured on their own run: one of these.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Measured {
    /// Model FLOPs utilisation.
    Mfu(f64),
    /// Seconds per optimizer step.
    StepS(f64),
    /// Training tokens per second per device.
    TokensPerGpuS(f64),
}

/// Optimizer and the bytes of model state it keeps per parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Optimizer {
    /// Mixed-precision AdamW: 2 (weights) + 2 (grads) + 12 (fp32 master, m, v) = 16 B/param
    /// (ZeRO sec. 3.1).
    AdamW,
    /// AdamW that also keeps fp32 gradients: 20 B/param, the seeds' count.
    AdamWFp32Grads,
    /// SGD with momentum: 2 + 2 + 8 (fp32 master, momentum) = 12 B/param.
    Sgd,
    /// 8-bit Adam (Dettmers et al. 2022): 2 + 2 + 4 (master) + 2 (m, v in 8 bits) = 10 B/param.
    Adam8bit,
}

/// Pretraining or one of the fine-tuning methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Finetune {
    /// Pretraining (all weights trained from scratch).
    None,
    /// Full fine-tuning: same compute and memory per token as pretraining.
    Full,
    /// LoRA (Hu et al. 2021): frozen 16-bit weights plus trained low-rank adapters.
    Lora,
    /// QLoRA (Dettmers et al. 2023): frozen 4-bit weights plus trained adapters.
    Qlora,
}

/// Currency for prices and costs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Currency {
    /// US dollars.
    Usd,
    /// Chinese yuan (renminbi).
    Cny,
}

/// How the devices are rented: on demand, committed for one or three years, or as spot
/// capacity that the cloud may take back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PriceTier {
    /// Pay by the hour, no commitment.
    OnDemand,
    /// A one-year commitment (reserved instance, committed-use discount).
    Reserved1y,
    /// A three-year commitment.
    Reserved3y,
    /// Spot or preemptible capacity: cheapest, with interruptions to restart from.
    Spot,
}

impl PriceTier {
    /// Every tier, in the order the page lists them.
    pub const ALL: [PriceTier; 4] = [
        PriceTier::OnDemand,
        PriceTier::Reserved1y,
        PriceTier::Reserved3y,
        PriceTier::Spot,
    ];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            PriceTier::OnDemand => "on_demand",
            PriceTier::Reserved1y => "reserved_1y",
            PriceTier::Reserved3y => "reserved_3y",
            PriceTier::Spot => "spot",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.id() == s)
    }
}

/// How much training data: a token count or a dataset size in bytes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum Data {
    /// Training tokens per epoch.
    Tokens(f64),
    /// Dataset size in terabytes (1e12 bytes) and the tokenizer's bytes per token.
    Dataset {
        /// Terabytes of text.
        tb: f64,
        /// Bytes per token (about 4 for English BPE, 1.5-2 for Chinese; docs/model.md §2).
        bytes_per_token: f64,
    },
}

impl Data {
    /// Tokens per epoch.
    pub fn tokens(self) -> f64 {
        match self {
            Data::Tokens(t) => t,
            Data::Dataset {
                tb,
                bytes_per_token,
            } => tb * 1e12 / bytes_per_token,
        }
    }
}

/// Every input of one estimate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Scenario {
    /// Preset id the architecture came from, if any.
    pub model: Option<String>,
    /// The architecture; `None` means "implied from `params`" (an assumption the UI labels).
    pub arch: Option<Architecture>,
    /// Explicit total parameter count; overrides the architecture's count.
    pub params: Option<f64>,
    /// Explicit active parameter count (MoE); overrides the architecture's.
    pub active_params: Option<f64>,
    /// Sequence length in tokens.
    pub seq: u32,
    /// Training data.
    pub data: Data,
    /// Passes over the data.
    pub epochs: f64,
    /// Pretraining or fine-tuning method.
    pub finetune: Finetune,
    /// LoRA adapter rank.
    pub lora_rank: u32,
    /// Accelerator id from the catalog, or `custom`.
    pub gpu: String,
    /// A second accelerator from the catalog to answer the same question on ("compare two
    /// chips"), if any.
    pub vs_gpu: Option<String>,
    /// Override of the peak TFLOP/s (dense) for the chosen precision.
    pub peak_tflops: Option<f64>,
    /// Override of the memory per device, GB.
    pub hbm_gb: Option<f64>,
    /// Override of the memory bandwidth, GB/s.
    pub bandwidth_gbs: Option<f64>,
    /// Number of devices.
    pub gpus: u32,
    /// Model FLOPs utilisation: achieved 6ND FLOP/s over dense peak.
    pub mfu: f64,
    /// `mfu=auto`: the MFU comes from the step-time model instead of `mfu`.
    pub mfu_auto: bool,
    /// Utilisation stated on the FLOPs the hardware executes (recomputation and attention
    /// included, PaLM App. B); when given, and the MFU is not `auto`, it replaces `mfu`.
    pub hfu: Option<f64>,
    /// Training arithmetic.
    pub precision: Precision,
    /// Deadline for the training run, days.
    pub deadline_days: f64,
    /// The quantity asked for; the others are inputs.
    pub solve: Solve,
    /// A money budget in `currency`: what it buys, and the optimal model for it.
    pub budget: Option<f64>,
    /// Activation recomputation.
    pub recompute: Recompute,
    /// ZeRO stage 0-3.
    pub zero: u8,
    /// Tensor-parallel size.
    pub tp: u32,
    /// Pipeline-parallel size.
    pub pp: u32,
    /// Sequence parallelism (with tensor parallelism).
    pub sp: bool,
    /// Tensor-parallel communication overlapped with the GEMMs it feeds (Megatron-Core
    /// `--tp-comm-overlap`, off by default there; needs sequence parallelism).
    pub tp_overlap: bool,
    /// Expert all-to-all overlapped with another micro-batch's computation (Megatron-Core
    /// `--overlap-moe-expert-parallel-comm`, off by default there): one micro-batch's forward
    /// runs beside another's backward, each one's dispatch and combine behind the other's
    /// compute.
    pub ep_overlap: bool,
    /// The expert dispatch's payload sent in FP8 with per-128 scales (DeepSeek-V3 sec. 3.3.3:
    /// dispatch forward and the combine's gradient in FP8, combine in BF16). Megatron-Core's
    /// alltoall, DeepEP and HybridEP paths send BF16 (`fused_a2a.py`).
    pub ep_fp8: bool,
    /// How attention scores are computed (FlashAttention or materialised).
    pub attn_kernel: AttnKernel,
    /// How the expert all-to-all is dispatched.
    pub ep_dispatch: EpDispatch,
    /// A run the user measured on their own cluster (its model and layout), whose measurement
    /// calibrates the step model (`calibration`).
    pub calib: Option<Box<Scenario>>,
    /// The measured run's MFU.
    pub calib_mfu: Option<f64>,
    /// The measured run's step time, s.
    pub calib_step_s: Option<f64>,
    /// The measured run's training tokens per second per device.
    pub calib_tokens_per_gpu_s: Option<f64>,
    /// Expert-parallel size (MoE): with `etp`, the experts' group folds over a stage's
    /// `tp · cp · dp` ranks.
    pub ep: u32,
    /// Expert tensor-parallel size; `None` takes `tp` where `ep` divides `cp · dp` (Megatron-Core
    /// sets an absent `--expert-tensor-parallel-size` to the tensor-parallel size), else 1 (the
    /// folded layouts of NVIDIA's MoE recipes).
    pub etp: Option<u32>,
    /// Context-parallel size (ring attention over the sequence).
    pub cp: u32,
    /// Virtual pipeline stages per device; `None` takes the fastest interleaving that fits.
    pub vpp: Option<u32>,
    /// The pipeline schedule.
    pub schedule: Schedule,
    /// `layout=auto`: search TP, PP, DP, EP, CP, vpp, micro-batch, recompute and ZeRO for the
    /// fastest layout that fits, instead of using the given one.
    pub layout_auto: bool,
    /// Micro-batch size, sequences.
    pub micro_batch: u32,
    /// Global batch size, sequences.
    pub global_batch: u32,
    /// Optimizer.
    pub optimizer: Optimizer,
    /// On-demand rental price per device-hour in `currency`; `None` uses the catalog's price.
    pub price_per_gpu_hour: Option<f64>,
    /// The rental tier the cost is shown for.
    pub price_tier: PriceTier,
    /// One-year committed price per device-hour; `None` uses the catalog's (or its share).
    pub price_reserved_1y: Option<f64>,
    /// Three-year committed price per device-hour; `None` uses the catalog's (or its share).
    pub price_reserved_3y: Option<f64>,
    /// Spot price per device-hour; `None` uses the on-demand price times the spot share.
    pub price_spot: Option<f64>,
    /// Hours between checkpoints: on spot, an interruption loses half of one on average.
    pub checkpoint_hours: f64,
    /// Spot interruptions per 8-device node per month (AWS's Spot Instance Advisor gives the
    /// same measure as "frequency of interruption").
    pub spot_interruptions: f64,
    /// Minutes to get going again after an interruption: new capacity, reload the checkpoint.
    pub restart_minutes: f64,
    /// Purchase price per device in `currency`; `None` uses the catalog's indicative price.
    pub gpu_price: Option<f64>,
    /// Currency of prices and costs.
    pub currency: Currency,
    /// Exchange rate, CNY per USD.
    pub cny_per_usd: f64,
    /// Power per device, W; `None` uses the catalog TDP.
    pub power_w: Option<f64>,
    /// Data-centre power usage effectiveness.
    pub pue: f64,
    /// Grid carbon intensity, kg CO2e per kWh.
    pub grid_kg_per_kwh: f64,
    /// Electricity price per kWh in `currency`.
    pub electricity_per_kwh: f64,
    /// Scale-out network bandwidth per device, Gb/s; `None` takes the accelerator's.
    pub net_gbps: Option<f64>,
    /// Inference weight format for every linear weight; `None` serves the checkpoint's own
    /// formats (the architecture's `format` and `expert_format`).
    pub weight_format: Option<WeightFormat>,
    /// Inference KV-cache width, bits (4, 8, 16, 32).
    pub kv_bits: u32,
    /// Serving batch (concurrent sequences per replica); 0 picks the largest that meets the
    /// latency target and fits the KV cache.
    pub batch: u32,
    /// Prompt tokens per request.
    pub prompt_tokens: u32,
    /// Generated tokens per request.
    pub output_tokens: u32,
    /// Concurrent users of the service.
    pub users: f64,
    /// Requests each user sends per hour.
    pub requests_per_user_per_hour: f64,
    /// `users_mode=concurrent`: the users are concurrent, each waiting for an answer (then
    /// `requests_per_user_per_hour` is not used); `rate` (the default): they send requests at it.
    pub users_concurrent: bool,
    /// Total requests per second; overrides users x requests per user per hour when given.
    pub requests_per_s: Option<f64>,
    /// Target time to complete one request, seconds.
    pub latency_s: f64,
    /// Context length that sizes the inference memory, tokens; `None` is prompt + output.
    pub context_tokens: Option<u32>,
    /// Sequences held at once that size the inference memory.
    pub concurrent_sequences: u32,
}

/// The preset a new scenario starts from.
pub const DEFAULT_MODEL: &str = "llama-3-70b";

impl Scenario {
    /// Makes `arch` the model's architecture: a bare parameter count gives way to the
    /// architecture's own (the model's name, if any, is the caller's to set).
    pub fn set_architecture(&mut self, arch: Architecture) {
        self.arch = Some(arch);
        self.params = None;
        self.active_params = None;
    }
}

/// The most devices a scenario may have (the `gpus` field's range): ten million, about fifty
/// times the largest cluster announced.
pub const MAX_GPUS: u32 = 10_000_000;

/// Hours between checkpoints: an assumption, labelled on the page.
pub const ASSUMED_CHECKPOINT_HOURS: f64 = 1.0;
/// Spot interruptions per node per month: an assumption, between the 5-10 % and 10-15 % buckets
/// of AWS's Spot Instance Advisor, labelled on the page.
pub const ASSUMED_SPOT_INTERRUPTIONS: f64 = 0.1;
/// Minutes to restart after an interruption (new capacity, checkpoint reload): an assumption.
pub const ASSUMED_RESTART_MINUTES: f64 = 10.0;

/// The quantity the page and the CLI answer first; the others are inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Solve {
    /// Training days on the given devices.
    Days,
    /// Devices the deadline needs.
    Gpus,
    /// Tokens trainable within the deadline on the given devices.
    Tokens,
    /// The compute-optimal model and tokens for the compute (devices × deadline) or the budget.
    Model,
    /// What the money budget buys: device-hours, days on the given devices, tokens.
    Budget,
    /// The devices that serve the users' load within the latency.
    Serve,
}

impl Solve {
    /// Every value, in the order the page offers them.
    pub const ALL: [Solve; 6] = [
        Solve::Days,
        Solve::Gpus,
        Solve::Tokens,
        Solve::Model,
        Solve::Budget,
        Solve::Serve,
    ];

    /// The link spelling.
    pub fn id(self) -> &'static str {
        match self {
            Solve::Days => "days",
            Solve::Gpus => "gpus",
            Solve::Tokens => "tokens",
            Solve::Model => "model",
            Solve::Budget => "budget",
            Solve::Serve => "serve",
        }
    }
}

/// The exchange rate a scenario starts with, yuan per US dollar (an assumption the page labels).
pub const DEFAULT_CNY_PER_USD: f64 = 7.1;

impl Scenario {
    /// The measurement of the calibration run, if one is given (the parser keeps at most one;
    /// given several, the first of MFU, step time and tokens per second).
    pub fn measured(&self) -> Option<Measured> {
        self.calib_mfu
            .map(Measured::Mfu)
            .or(self.calib_step_s.map(Measured::StepS))
            .or(self.calib_tokens_per_gpu_s.map(Measured::TokensPerGpuS))
    }

    /// Sets the measurement of the calibration run to `m` alone (`None`: no measurement).
    pub fn set_measured(&mut self, m: Option<Measured>) {
        self.calib_mfu = None;
        self.calib_step_s = None;
        self.calib_tokens_per_gpu_s = None;
        match m {
            Some(Measured::Mfu(x)) => self.calib_mfu = Some(x),
            Some(Measured::StepS(x)) => self.calib_step_s = Some(x),
            Some(Measured::TokensPerGpuS(x)) => self.calib_tokens_per_gpu_s = Some(x),
            None => {}
        }
    }

    /// The scenario without its calibration run and measurement: a run to be measured.
    pub fn without_calibration(&self) -> Scenario {
        let mut run = self.clone();
        run.calib = None;
        run.set_measured(None);
        run
    }
}

impl Default for Scenario {
    fn default() -> Self {
        let preset = presets::find(DEFAULT_MODEL).expect("default preset exists");
        Scenario {
            model: Some(DEFAULT_MODEL.to_string()),
            arch: Some(preset.arch.clone()),
            params: None,
            active_params: None,
            seq: 4096,
            data: Data::Tokens(15e12),
            epochs: 1.0,
            finetune: Finetune::None,
            lora_rank: 16,
            gpu: "h100-sxm".to_string(),
            vs_gpu: None,
            peak_tflops: None,
            hbm_gb: None,
            bandwidth_gbs: None,
            gpus: 2048,
            mfu: 0.4,
            mfu_auto: false,
            hfu: None,
            precision: Precision::Bf16,
            deadline_days: 90.0,
            solve: Solve::Days,
            budget: None,
            recompute: Recompute::Selective,
            zero: 1,
            tp: 8,
            pp: 4,
            sp: true,
            tp_overlap: false,
            ep_overlap: false,
            ep_fp8: false,
            attn_kernel: AttnKernel::Flash,
            ep_dispatch: EpDispatch::AllToAll,
            calib: None,
            calib_mfu: None,
            calib_step_s: None,
            calib_tokens_per_gpu_s: None,
            ep: 1,
            etp: None,
            cp: 1,
            vpp: None,
            schedule: Schedule::OneFOneB,
            layout_auto: false,
            micro_batch: 1,
            global_batch: 1024,
            optimizer: Optimizer::AdamW,
            price_per_gpu_hour: None,
            price_tier: PriceTier::OnDemand,
            price_reserved_1y: None,
            price_reserved_3y: None,
            price_spot: None,
            checkpoint_hours: ASSUMED_CHECKPOINT_HOURS,
            spot_interruptions: ASSUMED_SPOT_INTERRUPTIONS,
            restart_minutes: ASSUMED_RESTART_MINUTES,
            gpu_price: None,
            currency: Currency::Usd,
            cny_per_usd: DEFAULT_CNY_PER_USD,
            power_w: None,
            pue: 1.1,
            grid_kg_per_kwh: 0.385,
            electricity_per_kwh: 0.1,
            net_gbps: None,
            weight_format: None,
            kv_bits: 16,
            batch: 0,
            prompt_tokens: 2000,
            output_tokens: 500,
            users: 1000.0,
            requests_per_user_per_hour: 10.0,
            users_concurrent: false,
            requests_per_s: None,
            latency_s: 30.0,
            context_tokens: None,
            concurrent_sequences: 1,
        }
    }
}
