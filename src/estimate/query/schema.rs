//! The scenario language's schema: every field with its unit, kind, allowed values, getter and
//! setter, for the scenario and for the architecture, and the spellings of the choices.

use crate::estimate::architecture::LocalAttention;
use crate::estimate::architecture::{Architecture, Bias};
use crate::estimate::precision::{Precision, STORAGE_BITS, WeightFormat};
use crate::estimate::scenario::{
    AttnKernel, Currency, Data, EpDispatch, Finetune, Optimizer, PriceTier, Recompute, Scenario,
    Schedule,
};
use crate::estimate::solve::Solve;

use super::FieldId;

/// The type and allowed values of a field.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A real number in `[min, max]`; `percent` accepts `40%` for 0.4.
    Number {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Accepts a `%` suffix.
        percent: bool,
        /// Accepts `auto`: the estimate computes the value (read as `Value::Word("auto")`).
        auto: bool,
    },
    /// A whole number in `[min, max]`.
    Integer {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// `0` or `1`.
    Flag,
    /// One of a set of words.
    Choice(&'static [&'static str]),
}

/// A field's value in neutral form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// A number (integers included).
    Num(f64),
    /// A 0/1 flag.
    Flag(bool),
    /// A word from the field's choices.
    Word(&'static str),
    /// Not set (optional fields).
    Absent,
}

/// One field of the scenario language, over a target type `T` (the scenario or the architecture).
pub struct Field<T: 'static> {
    /// Its typed name (the row sits at the id's place; see [`FieldId`]).
    pub id: FieldId,
    /// The query-string name.
    pub name: &'static str,
    /// The unit, for the field table (docs/scenario-language.md) and tooltips.
    pub unit: &'static str,
    /// What it means.
    pub doc: &'static str,
    /// Type and range.
    pub kind: Kind,
    get: fn(&T) -> Value,
    set: fn(&mut T, Value),
}

impl<T> Field<T> {
    /// Reads the field's value.
    pub fn get(&self, target: &T) -> Value {
        (self.get)(target)
    }

    /// Writes a value that [`parse_value`] accepted for this field's kind; `Value::Absent`
    /// clears an optional field.
    pub fn set(&self, target: &mut T, value: Value) {
        (self.set)(target, value)
    }

    /// Whether the field may be left empty (the default then applies).
    pub fn optional(&self, default: &T) -> bool {
        self.get(default) == Value::Absent && self.id != FieldId::Gpu
    }
}

/// Looks a scenario field up by name (the data-size fields included).
pub fn field(name: &str) -> Option<&'static Field<Scenario>> {
    FIELDS.iter().chain(DATA_FIELDS).find(|f| f.name == name)
}

/// The data size: tokens, or a dataset size with bytes per token. [`parse`] resolves their
/// precedence itself; these entries give their ranges to the parser and the page alike.
pub static DATA_FIELDS: &[Field<Scenario>] = &[
    Field {
        id: FieldId::Tokens,
        name: "tokens",
        unit: "tokens",
        doc: cli_doc!("training tokens per epoch"),
        kind: number(1e6, 1e16),
        get: |s| Value::Num(s.data.tokens()),
        set: |s, v| s.data = Data::Tokens(num(v)),
    },
    Field {
        id: FieldId::DatasetTb,
        name: "dataset_tb",
        unit: "TB",
        doc: cli_doc!("dataset size instead of tokens"),
        kind: number(1e-6, 1e6),
        // With tokens given, the dataset they amount to at the default bytes per token.
        get: |s| Value::Num(dataset_size(s.data).0),
        set: |s, v| {
            s.data = Data::Dataset {
                tb: num(v),
                bytes_per_token: dataset_size(s.data).1,
            }
        },
    },
    Field {
        id: FieldId::BytesPerToken,
        name: "bytes_per_token",
        unit: "bytes",
        doc: cli_doc!("tokenizer bytes per token (with dataset_tb)"),
        kind: number(0.5, 16.0),
        get: |s| Value::Num(dataset_size(s.data).1),
        set: |s, v| {
            s.data = Data::Dataset {
                tb: dataset_size(s.data).0,
                bytes_per_token: num(v),
            }
        },
    },
];

/// A data size as (terabytes, bytes per token); a token count at the default bytes per token.
pub(super) fn dataset_size(data: Data) -> (f64, f64) {
    match data {
        Data::Dataset {
            tb,
            bytes_per_token,
        } => (tb, bytes_per_token),
        Data::Tokens(t) => (t * DEFAULT_BYTES_PER_TOKEN / 1e12, DEFAULT_BYTES_PER_TOKEN),
    }
}

/// Bytes per token when a dataset size comes without it (English BPE; docs/model.md §2).
pub const DEFAULT_BYTES_PER_TOKEN: f64 = 4.0;

pub(super) fn data_kind(name: &str) -> Kind {
    DATA_FIELDS
        .iter()
        .find(|f| f.name == name)
        .map(|f| f.kind)
        .expect("a data field")
}

/// Looks an architecture field up by name.
pub fn arch_field(name: &str) -> Option<&'static Field<Architecture>> {
    ARCH_FIELDS.iter().find(|f| f.name == name)
}

/// `Some(x)` for a number, `None` for `Value::Absent` (clearing an optional field).
pub(super) fn opt_in(v: Value) -> Option<f64> {
    match v {
        Value::Num(x) => Some(x),
        _ => None,
    }
}

pub(super) fn num(v: Value) -> f64 {
    match v {
        Value::Num(x) => x,
        _ => 0.0,
    }
}

pub(super) fn int(v: Value) -> u32 {
    num(v) as u32
}

pub(super) fn flag(v: Value) -> bool {
    matches!(v, Value::Flag(true))
}

pub(super) fn word(v: Value) -> &'static str {
    match v {
        Value::Word(w) => w,
        _ => "",
    }
}

pub(super) fn opt(v: Option<f64>) -> Value {
    v.map_or(Value::Absent, Value::Num)
}

pub(super) const fn number(min: f64, max: f64) -> Kind {
    Kind::Number {
        min,
        max,
        percent: false,
        auto: false,
    }
}

/// The word a field with `auto` takes to have the estimate compute it.
pub const AUTO: &str = "auto";
pub(super) const LAYOUTS: &[&str] = &["given", AUTO];
pub(super) const USERS_MODES: &[&str] = &["rate", "concurrent"];
pub(super) const SOLVES: &[&str] = &["days", "gpus", "tokens", "model", "budget", "serve"];

pub(super) const fn integer(min: f64, max: f64) -> Kind {
    Kind::Integer { min, max }
}

pub(super) const BITS: &[&str] = &["4", "8", "16", "32"];
/// `weight_format`: the checkpoint's own, or one format for every linear weight.
pub(super) const WEIGHT_FORMATS: &[&str] = &[
    NATIVE, "bf16", "fp8", "int8", "mxfp4", "nvfp4", "int4", "fp32",
];
/// The `weight_format` that serves each part in the checkpoint's own format.
pub const NATIVE: &str = "native";
pub(super) const STATE_BITS: &[&str] = &["16", "32"];
pub(super) const LOCAL_KINDS: &[&str] = &["none", "window", "chunk", "gated_deltanet", "lightning"];
pub(super) const FORMATS: &[&str] = &["bf16", "fp8", "int8", "mxfp4", "nvfp4", "int4", "fp32"];
pub(super) const PRECISIONS: &[&str] = &["fp32", "tf32", "bf16", "fp16", "fp8"];
pub(super) const RECOMPUTE: &[&str] = &["none", "selective", "full"];
pub(super) const PP_SCHEDULES: &[&str] = &["1f1b", "zb", "dualpipe"];
pub(super) const EP_DISPATCHES: &[&str] = &["alltoall", "deepep"];
pub(super) const ATTN_KERNELS: &[&str] = &["flash", "unfused"];
pub(super) const OPTIMIZERS: &[&str] = &["adamw", "adamw-fp32-grads", "sgd", "adam-8bit"];
pub(super) const FINETUNE: &[&str] = &["none", "full", "lora", "qlora"];
pub(super) const CURRENCIES: &[&str] = &["usd", "cny"];
pub(super) const TIERS: &[&str] = &["on_demand", "reserved_1y", "reserved_3y", "spot"];
pub(super) const BIASES: &[&str] = &["none", "qkv", "all"];

pub(super) fn bits_word(bits: u32) -> &'static str {
    STORAGE_BITS
        .iter()
        .zip(BITS)
        .find(|(b, _)| **b == bits)
        .map_or("16", |(_, w)| w)
}

/// Optimizer spelling.
pub fn optimizer_id(o: Optimizer) -> &'static str {
    match o {
        Optimizer::AdamW => OPTIMIZERS[0],
        Optimizer::AdamWFp32Grads => OPTIMIZERS[1],
        Optimizer::Sgd => OPTIMIZERS[2],
        Optimizer::Adam8bit => OPTIMIZERS[3],
    }
}

pub(super) fn optimizer_from(w: &str) -> Optimizer {
    match w {
        "adamw-fp32-grads" => Optimizer::AdamWFp32Grads,
        "sgd" => Optimizer::Sgd,
        "adam-8bit" => Optimizer::Adam8bit,
        _ => Optimizer::AdamW,
    }
}

/// Recompute spelling.
pub fn recompute_id(r: Recompute) -> &'static str {
    match r {
        Recompute::None => "none",
        Recompute::Selective => "selective",
        Recompute::Full => "full",
    }
}

/// Fine-tuning spelling.
pub fn finetune_id(f: Finetune) -> &'static str {
    match f {
        Finetune::None => "none",
        Finetune::Full => "full",
        Finetune::Lora => "lora",
        Finetune::Qlora => "qlora",
    }
}

/// The scenario's fields other than the model, architecture and data size, which have
/// precedence rules of their own (see [`parse`]).
pub static FIELDS: &[Field<Scenario>] = &[
    Field {
        id: FieldId::Seq,
        name: "seq",
        unit: "tokens",
        doc: cli_doc!("sequence length"),
        kind: integer(1.0, 4_194_304.0),
        get: |s| Value::Num(s.seq.into()),
        set: |s, v| s.seq = int(v),
    },
    Field {
        id: FieldId::Epochs,
        name: "epochs",
        unit: "",
        doc: cli_doc!("passes over the data"),
        kind: number(0.01, 1000.0),
        get: |s| Value::Num(s.epochs),
        set: |s, v| s.epochs = num(v),
    },
    Field {
        id: FieldId::Finetune,
        name: "finetune",
        unit: "",
        doc: cli_doc!("none (pretraining), full, lora or qlora"),
        kind: Kind::Choice(FINETUNE),
        get: |s| Value::Word(finetune_id(s.finetune)),
        set: |s, v| {
            s.finetune = match word(v) {
                "full" => Finetune::Full,
                "lora" => Finetune::Lora,
                "qlora" => Finetune::Qlora,
                _ => Finetune::None,
            }
        },
    },
    Field {
        id: FieldId::LoraRank,
        name: "lora_rank",
        unit: "",
        doc: cli_doc!("LoRA adapter rank"),
        kind: integer(1.0, 4096.0),
        get: |s| Value::Num(s.lora_rank.into()),
        set: |s, v| s.lora_rank = int(v),
    },
    Field {
        id: FieldId::Gpu,
        name: "gpu",
        unit: "",
        doc: cli_doc!("accelerator id from the catalog, or custom"),
        kind: Kind::Choice(&[]),
        get: |_| Value::Absent,
        set: |_, _| {},
    },
    Field {
        id: FieldId::VsGpu,
        name: "vs_gpu",
        unit: "",
        doc: cli_doc!("a second accelerator id from the catalog to answer the same question on"),
        kind: Kind::Choice(&[]),
        get: |_| Value::Absent,
        set: |_, _| {},
    },
    Field {
        id: FieldId::PeakTflops,
        name: "peak_tflops",
        unit: "TFLOP/s",
        doc: cli_doc!("dense peak for the chosen precision (overrides the catalog)"),
        kind: number(0.001, 1e6),
        get: |s| opt(s.peak_tflops),
        set: |s, v| s.peak_tflops = opt_in(v),
    },
    Field {
        id: FieldId::HbmGb,
        name: "hbm_gb",
        unit: "GB",
        doc: cli_doc!("memory per device (overrides the catalog)"),
        kind: number(0.1, 1e5),
        get: |s| opt(s.hbm_gb),
        set: |s, v| s.hbm_gb = opt_in(v),
    },
    Field {
        id: FieldId::BandwidthGbs,
        name: "bandwidth_gbs",
        unit: "GB/s",
        doc: cli_doc!("memory bandwidth (overrides the catalog)"),
        kind: number(1.0, 1e6),
        get: |s| opt(s.bandwidth_gbs),
        set: |s, v| s.bandwidth_gbs = opt_in(v),
    },
    Field {
        id: FieldId::Gpus,
        name: "gpus",
        unit: "devices",
        doc: cli_doc!("number of accelerators"),
        kind: integer(1.0, crate::estimate::scenario::MAX_GPUS as f64),
        get: |s| Value::Num(s.gpus.into()),
        set: |s, v| s.gpus = int(v),
    },
    Field {
        id: FieldId::Mfu,
        name: "mfu",
        unit: "fraction",
        doc: cli_doc!(
            "model FLOPs utilisation (0.4 or 40%), or auto: predicted by the step-time model"
        ),
        kind: Kind::Number {
            min: 0.01,
            max: 1.0,
            percent: true,
            auto: true,
        },
        get: |s| {
            if s.mfu_auto {
                Value::Word(AUTO)
            } else {
                Value::Num(s.mfu)
            }
        },
        // A number states the utilisation as MFU, so it replaces an HFU given before it.
        set: |s, v| match v {
            Value::Word(_) => s.mfu_auto = true,
            v => {
                s.mfu = num(v);
                s.mfu_auto = false;
                s.hfu = None;
            }
        },
    },
    Field {
        id: FieldId::Hfu,
        name: "hfu",
        unit: "fraction",
        doc: cli_doc!(
            "utilisation on the hardware's FLOPs (recomputation included), instead of mfu"
        ),
        kind: Kind::Number {
            min: 0.01,
            max: 1.0,
            percent: true,
            auto: false,
        },
        get: |s| opt(s.hfu),
        set: |s, v| s.hfu = opt_in(v),
    },
    Field {
        id: FieldId::Precision,
        name: "precision",
        unit: "",
        doc: cli_doc!("training arithmetic"),
        kind: Kind::Choice(PRECISIONS),
        get: |s| Value::Word(s.precision.id()),
        set: |s, v| s.precision = Precision::from_id(word(v)).unwrap_or(Precision::Bf16),
    },
    Field {
        id: FieldId::DeadlineDays,
        name: "deadline_days",
        unit: "days",
        doc: cli_doc!("deadline for the training run"),
        kind: number(0.01, 3650.0),
        get: |s| Value::Num(s.deadline_days),
        set: |s, v| s.deadline_days = num(v),
    },
    Field {
        id: FieldId::Solve,
        name: "solve",
        unit: "",
        doc: cli_doc!(
            "the quantity to answer: days, gpus (for the deadline), tokens (in the deadline), model (compute-optimal), budget (what it buys), serve (GPUs for the users)"
        ),
        kind: Kind::Choice(SOLVES),
        get: |s| Value::Word(s.solve.id()),
        set: |s, v| {
            s.solve = Solve::ALL
                .into_iter()
                .find(|x| x.id() == word(v))
                .unwrap_or(Solve::Days)
        },
    },
    Field {
        id: FieldId::Budget,
        name: "budget",
        unit: "currency",
        doc: cli_doc!("money budget: what it buys, and the compute-optimal model for it"),
        kind: number(0.0, 1e15),
        get: |s| opt(s.budget),
        set: |s, v| s.budget = opt_in(v),
    },
    Field {
        id: FieldId::Recompute,
        name: "recompute",
        unit: "",
        doc: cli_doc!("activation recomputation"),
        kind: Kind::Choice(RECOMPUTE),
        get: |s| Value::Word(recompute_id(s.recompute)),
        set: |s, v| {
            s.recompute = match word(v) {
                "none" => Recompute::None,
                "full" => Recompute::Full,
                _ => Recompute::Selective,
            }
        },
    },
    Field {
        id: FieldId::Zero,
        name: "zero",
        unit: "",
        doc: cli_doc!("ZeRO stage"),
        kind: integer(0.0, 3.0),
        get: |s| Value::Num(s.zero.into()),
        set: |s, v| s.zero = int(v) as u8,
    },
    Field {
        id: FieldId::Tp,
        name: "tp",
        unit: "",
        doc: cli_doc!("tensor-parallel size"),
        kind: integer(1.0, 1024.0),
        get: |s| Value::Num(s.tp.into()),
        set: |s, v| s.tp = int(v),
    },
    Field {
        id: FieldId::Pp,
        name: "pp",
        unit: "",
        doc: cli_doc!("pipeline-parallel size"),
        kind: integer(1.0, 1024.0),
        get: |s| Value::Num(s.pp.into()),
        set: |s, v| s.pp = int(v),
    },
    Field {
        id: FieldId::Sp,
        name: "sp",
        unit: "0/1",
        doc: cli_doc!("sequence parallelism"),
        kind: Kind::Flag,
        get: |s| Value::Flag(s.sp),
        set: |s, v| s.sp = flag(v),
    },
    Field {
        id: FieldId::EpDispatch,
        name: "ep_dispatch",
        unit: "",
        doc: cli_doc!(
            "expert all-to-all: alltoall (a copy per token and expert) or deepep (once per remote node, then NVLink)"
        ),
        kind: Kind::Choice(EP_DISPATCHES),
        get: |s| Value::Word(s.ep_dispatch.id()),
        set: |s, v| s.ep_dispatch = EpDispatch::from_id(word(v)).unwrap_or_default(),
    },
    Field {
        id: FieldId::TpOverlap,
        name: "tp_overlap",
        unit: "0/1",
        doc: cli_doc!(
            "overlap TP communication with the GEMMs (Megatron-Core --tp-comm-overlap; needs sp)"
        ),
        kind: Kind::Flag,
        get: |s| Value::Flag(s.tp_overlap),
        set: |s, v| s.tp_overlap = flag(v),
    },
    Field {
        id: FieldId::EpOverlap,
        name: "ep_overlap",
        unit: "0/1",
        doc: cli_doc!(
            "overlap the expert all-to-all with another micro-batch's compute (Megatron-Core --overlap-moe-expert-parallel-comm; ep > 1, 1f1b)"
        ),
        kind: Kind::Flag,
        get: |s| Value::Flag(s.ep_overlap),
        set: |s, v| s.ep_overlap = flag(v),
    },
    Field {
        id: FieldId::EpFp8,
        name: "ep_fp8",
        unit: "0/1",
        doc: cli_doc!(
            "send the expert dispatch in FP8 (DeepSeek-V3 with DeepEP; needs precision=fp8 and ep_dispatch=deepep; Megatron-Core sends BF16)"
        ),
        kind: Kind::Flag,
        get: |s| Value::Flag(s.ep_fp8),
        set: |s, v| s.ep_fp8 = flag(v),
    },
    Field {
        id: FieldId::AttnKernel,
        name: "attn_kernel",
        unit: "",
        doc: cli_doc!(
            "attention kernel: flash (FlashAttention, cuDNN or xformers: scores never stored) or unfused (scores materialised, Megatron-LM before 2022)"
        ),
        kind: Kind::Choice(ATTN_KERNELS),
        get: |s| Value::Word(s.attn_kernel.id()),
        set: |s, v| s.attn_kernel = AttnKernel::from_id(word(v)).unwrap_or_default(),
    },
    Field {
        id: FieldId::CalibMfu,
        name: "calib_mfu",
        unit: "",
        doc: cli_doc!("MFU measured on the calibration run (calib); calibrates the step model"),
        kind: Kind::Number {
            min: 0.001,
            max: 1.0,
            percent: true,
            auto: false,
        },
        get: |s| opt(s.calib_mfu),
        set: |s, v| s.calib_mfu = opt_in(v),
    },
    Field {
        id: FieldId::CalibStepS,
        name: "calib_step_s",
        unit: "s",
        doc: cli_doc!("step time measured on the calibration run (calib)"),
        kind: number(1e-4, 1e6),
        get: |s| opt(s.calib_step_s),
        set: |s, v| s.calib_step_s = opt_in(v),
    },
    Field {
        id: FieldId::CalibTokensPerGpuS,
        name: "calib_tokens_per_gpu_s",
        unit: "tokens/s",
        doc: cli_doc!("training tokens per second per device measured on the calibration run"),
        kind: number(1e-3, 1e9),
        get: |s| opt(s.calib_tokens_per_gpu_s),
        set: |s, v| s.calib_tokens_per_gpu_s = opt_in(v),
    },
    Field {
        id: FieldId::Ep,
        name: "ep",
        unit: "",
        doc: cli_doc!(
            "expert-parallel size (MoE): the experts' group takes etp x ep of a stage's tp x cp x dp ranks"
        ),
        kind: integer(1.0, 4096.0),
        get: |s| Value::Num(s.ep.into()),
        set: |s, v| s.ep = int(v),
    },
    Field {
        id: FieldId::Etp,
        name: "etp",
        unit: "",
        doc: cli_doc!(
            "expert tensor-parallel size (MoE folding); empty: tp where ep divides cp x dp, else 1"
        ),
        kind: integer(1.0, 1024.0),
        get: |s| s.etp.map_or(Value::Absent, |e| Value::Num(e.into())),
        set: |s, v| s.etp = opt_in(v).map(|x| x as u32),
    },
    Field {
        id: FieldId::Cp,
        name: "cp",
        unit: "",
        doc: cli_doc!("context-parallel size (ring attention)"),
        kind: integer(1.0, 64.0),
        get: |s| Value::Num(s.cp.into()),
        set: |s, v| s.cp = int(v),
    },
    Field {
        id: FieldId::Vpp,
        name: "vpp",
        unit: "",
        doc: cli_doc!("virtual pipeline stages per device; empty: the fastest that fits"),
        kind: integer(1.0, 64.0),
        get: |s| s.vpp.map_or(Value::Absent, |v| Value::Num(v.into())),
        set: |s, v| s.vpp = opt_in(v).map(|x| x as u32),
    },
    Field {
        id: FieldId::PpSchedule,
        name: "pp_schedule",
        unit: "",
        doc: cli_doc!(
            "pipeline schedule: 1f1b (interleaved when vpp > 1), zb (zero bubble) or dualpipe (even pp)"
        ),
        kind: Kind::Choice(PP_SCHEDULES),
        get: |s| Value::Word(s.schedule.id()),
        set: |s, v| s.schedule = Schedule::from_id(word(v)).unwrap_or_default(),
    },
    Field {
        id: FieldId::Layout,
        name: "layout",
        unit: "",
        doc: cli_doc!(
            "given: use tp, pp, ep, cp, vpp, micro_batch, recompute, zero; auto: the fastest that fits"
        ),
        kind: Kind::Choice(LAYOUTS),
        get: |s| Value::Word(if s.layout_auto { AUTO } else { "given" }),
        set: |s, v| s.layout_auto = word(v) == AUTO,
    },
    Field {
        id: FieldId::MicroBatch,
        name: "micro_batch",
        unit: "sequences",
        doc: cli_doc!("micro-batch size"),
        kind: integer(1.0, 65536.0),
        get: |s| Value::Num(s.micro_batch.into()),
        set: |s, v| s.micro_batch = int(v),
    },
    Field {
        id: FieldId::GlobalBatch,
        name: "global_batch",
        unit: "sequences",
        doc: cli_doc!("global batch size"),
        kind: integer(1.0, 100_000_000.0),
        get: |s| Value::Num(s.global_batch.into()),
        set: |s, v| s.global_batch = int(v),
    },
    Field {
        id: FieldId::Optimizer,
        name: "optimizer",
        unit: "",
        doc: cli_doc!("optimizer (bytes of state per parameter)"),
        kind: Kind::Choice(OPTIMIZERS),
        get: |s| Value::Word(optimizer_id(s.optimizer)),
        set: |s, v| s.optimizer = optimizer_from(word(v)),
    },
    Field {
        id: FieldId::PricePerGpuHour,
        name: "price_per_gpu_hour",
        unit: "currency/h",
        doc: cli_doc!("rental price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_per_gpu_hour),
        set: |s, v| s.price_per_gpu_hour = opt_in(v),
    },
    Field {
        id: FieldId::PriceTier,
        name: "price_tier",
        unit: "",
        doc: cli_doc!("rental tier the cost is for: on_demand, reserved_1y, reserved_3y or spot"),
        kind: Kind::Choice(TIERS),
        get: |s| Value::Word(s.price_tier.id()),
        set: |s, v| s.price_tier = PriceTier::from_id(word(v)).unwrap_or(PriceTier::OnDemand),
    },
    Field {
        id: FieldId::PriceReserved1y,
        name: "price_reserved_1y",
        unit: "currency/h",
        doc: cli_doc!("1-year committed price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_reserved_1y),
        set: |s, v| s.price_reserved_1y = opt_in(v),
    },
    Field {
        id: FieldId::PriceReserved3y,
        name: "price_reserved_3y",
        unit: "currency/h",
        doc: cli_doc!("3-year committed price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_reserved_3y),
        set: |s, v| s.price_reserved_3y = opt_in(v),
    },
    Field {
        id: FieldId::PriceSpot,
        name: "price_spot",
        unit: "currency/h",
        doc: cli_doc!("spot price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_spot),
        set: |s, v| s.price_spot = opt_in(v),
    },
    Field {
        id: FieldId::CheckpointHours,
        name: "checkpoint_hours",
        unit: "h",
        doc: cli_doc!("hours between checkpoints (spot loses half of one per interruption)"),
        kind: number(0.01, 1000.0),
        get: |s| Value::Num(s.checkpoint_hours),
        set: |s, v| s.checkpoint_hours = num(v),
    },
    Field {
        id: FieldId::SpotInterruptions,
        name: "spot_interruptions",
        unit: "/node/month",
        doc: cli_doc!("spot interruptions per 8-device node per month (0.1 or 10%)"),
        kind: Kind::Number {
            min: 0.0,
            max: 100.0,
            percent: true,
            auto: false,
        },
        get: |s| Value::Num(s.spot_interruptions),
        set: |s, v| s.spot_interruptions = num(v),
    },
    Field {
        id: FieldId::RestartMinutes,
        name: "restart_minutes",
        unit: "min",
        doc: cli_doc!("minutes to restart after a spot interruption"),
        kind: number(0.0, 10_000.0),
        get: |s| Value::Num(s.restart_minutes),
        set: |s, v| s.restart_minutes = num(v),
    },
    Field {
        id: FieldId::GpuPrice,
        name: "gpu_price",
        unit: "currency",
        doc: cli_doc!("purchase price per device"),
        kind: number(0.0, 1e9),
        get: |s| opt(s.gpu_price),
        set: |s, v| s.gpu_price = opt_in(v),
    },
    Field {
        id: FieldId::Currency,
        name: "currency",
        unit: "",
        doc: cli_doc!("usd or cny"),
        kind: Kind::Choice(CURRENCIES),
        get: |s| {
            Value::Word(if s.currency == Currency::Cny {
                "cny"
            } else {
                "usd"
            })
        },
        set: |s, v| {
            s.currency = if word(v) == "cny" {
                Currency::Cny
            } else {
                Currency::Usd
            }
        },
    },
    Field {
        id: FieldId::CnyPerUsd,
        name: "cny_per_usd",
        unit: "CNY/USD",
        doc: cli_doc!("exchange rate"),
        kind: number(0.01, 1000.0),
        get: |s| Value::Num(s.cny_per_usd),
        set: |s, v| s.cny_per_usd = num(v),
    },
    Field {
        id: FieldId::PowerW,
        name: "power_w",
        unit: "W",
        doc: cli_doc!("power per device (default: TDP)"),
        kind: number(1.0, 1e5),
        get: |s| opt(s.power_w),
        set: |s, v| s.power_w = opt_in(v),
    },
    Field {
        id: FieldId::Pue,
        name: "pue",
        unit: "",
        doc: cli_doc!("power usage effectiveness"),
        kind: number(1.0, 5.0),
        get: |s| Value::Num(s.pue),
        set: |s, v| s.pue = num(v),
    },
    Field {
        id: FieldId::GridKgPerKwh,
        name: "grid_kg_per_kwh",
        unit: "kg CO2e/kWh",
        doc: cli_doc!("grid carbon intensity"),
        kind: number(0.0, 5.0),
        get: |s| Value::Num(s.grid_kg_per_kwh),
        set: |s, v| s.grid_kg_per_kwh = num(v),
    },
    Field {
        id: FieldId::ElectricityPerKwh,
        name: "electricity_per_kwh",
        unit: "currency/kWh",
        doc: cli_doc!("electricity price"),
        kind: number(0.0, 1000.0),
        get: |s| Value::Num(s.electricity_per_kwh),
        set: |s, v| s.electricity_per_kwh = num(v),
    },
    Field {
        id: FieldId::NetGbps,
        name: "net_gbps",
        unit: "Gb/s",
        doc: cli_doc!("scale-out network bandwidth per device; empty: the accelerator's (catalog)"),
        kind: number(1.0, 1e6),
        get: |s| opt(s.net_gbps),
        set: |s, v| s.net_gbps = opt_in(v),
    },
    Field {
        id: FieldId::WeightFormat,
        name: "weight_format",
        unit: "",
        doc: cli_doc!(
            "inference weight format: native (the checkpoint's own, per part), or one of bf16, fp8 (128x128 block scales), int8 and int4 (a 16-bit scale per 128), mxfp4 (4.25 bits), nvfp4 (4.5 bits), fp32"
        ),
        kind: Kind::Choice(WEIGHT_FORMATS),
        get: |s| Value::Word(s.weight_format.map_or(NATIVE, WeightFormat::id)),
        set: |s, v| s.weight_format = WeightFormat::from_id(word(v)),
    },
    Field {
        id: FieldId::WeightBits,
        name: "weight_bits",
        unit: "bits",
        doc: cli_doc!(
            "the older spelling of weight_format, kept for links made before it: 4 = int4, 8 = fp8, 16 = bf16, 32 = fp32"
        ),
        kind: Kind::Choice(BITS),
        get: |s| {
            s.weight_format
                .and_then(WeightFormat::legacy_bits)
                .map_or(Value::Absent, |b| Value::Word(bits_word(b)))
        },
        set: |s, v| {
            if let Some(f) = word(v).parse().ok().and_then(WeightFormat::from_bits) {
                s.weight_format = Some(f);
            }
        },
    },
    Field {
        id: FieldId::KvBits,
        name: "kv_bits",
        unit: "bits",
        doc: cli_doc!("KV-cache width"),
        kind: Kind::Choice(BITS),
        get: |s| Value::Word(bits_word(s.kv_bits)),
        set: |s, v| s.kv_bits = word(v).parse().unwrap_or(16),
    },
    Field {
        id: FieldId::Batch,
        name: "batch",
        unit: "sequences",
        doc: cli_doc!("serving batch per replica (0: largest meeting the latency target)"),
        kind: integer(0.0, 1_000_000.0),
        get: |s| Value::Num(s.batch.into()),
        set: |s, v| s.batch = int(v),
    },
    Field {
        id: FieldId::PromptTokens,
        name: "prompt_tokens",
        unit: "tokens",
        doc: cli_doc!("prompt tokens per request"),
        kind: integer(0.0, 10_000_000.0),
        get: |s| Value::Num(s.prompt_tokens.into()),
        set: |s, v| s.prompt_tokens = int(v),
    },
    Field {
        id: FieldId::OutputTokens,
        name: "output_tokens",
        unit: "tokens",
        doc: cli_doc!("generated tokens per request"),
        kind: integer(1.0, 10_000_000.0),
        get: |s| Value::Num(s.output_tokens.into()),
        set: |s, v| s.output_tokens = int(v),
    },
    Field {
        id: FieldId::Users,
        name: "users",
        unit: "users",
        doc: cli_doc!("users of the service"),
        kind: number(0.0, 1e10),
        get: |s| Value::Num(s.users),
        set: |s, v| s.users = num(v),
    },
    Field {
        id: FieldId::UsersMode,
        name: "users_mode",
        unit: "",
        doc: cli_doc!(
            "concurrent: users each waiting for an answer; rate: users sending requests per hour"
        ),
        kind: Kind::Choice(USERS_MODES),
        get: |s| {
            Value::Word(if s.users_concurrent {
                "concurrent"
            } else {
                "rate"
            })
        },
        set: |s, v| s.users_concurrent = word(v) == "concurrent",
    },
    Field {
        id: FieldId::RequestsPerUserPerHour,
        name: "requests_per_user_per_hour",
        unit: "1/h",
        doc: cli_doc!("requests per user per hour"),
        kind: number(0.0, 1e6),
        get: |s| Value::Num(s.requests_per_user_per_hour),
        set: |s, v| s.requests_per_user_per_hour = num(v),
    },
    Field {
        id: FieldId::RequestsPerS,
        name: "requests_per_s",
        unit: "1/s",
        doc: cli_doc!("total requests per second (overrides users x requests per user per hour)"),
        kind: number(0.0, 1e9),
        get: |s| opt(s.requests_per_s),
        set: |s, v| s.requests_per_s = opt_in(v),
    },
    Field {
        id: FieldId::LatencyS,
        name: "latency_s",
        unit: "s",
        doc: cli_doc!("target time to complete a request"),
        kind: number(0.001, 1e6),
        get: |s| Value::Num(s.latency_s),
        set: |s, v| s.latency_s = num(v),
    },
    Field {
        id: FieldId::ContextTokens,
        name: "context_tokens",
        unit: "tokens",
        doc: cli_doc!("context length for the inference memory (empty: prompt + output)"),
        kind: integer(1.0, 100_000_000.0),
        get: |s| {
            s.context_tokens
                .map_or(Value::Absent, |v| Value::Num(v.into()))
        },
        set: |s, v| s.context_tokens = opt_in(v).map(|x| x as u32),
    },
    Field {
        id: FieldId::ConcurrentSequences,
        name: "concurrent_sequences",
        unit: "sequences",
        doc: cli_doc!("sequences held at once for the inference memory"),
        kind: integer(1.0, 10_000_000.0),
        get: |s| Value::Num(s.concurrent_sequences.into()),
        set: |s, v| s.concurrent_sequences = int(v),
    },
];

/// Architecture fields; they override the preset named by `model`.
pub static ARCH_FIELDS: &[Field<Architecture>] = &[
    Field {
        id: FieldId::Layers,
        name: "layers",
        unit: "",
        doc: cli_doc!("transformer layers L"),
        kind: integer(1.0, 10_000.0),
        get: |a| Value::Num(a.layers.into()),
        set: |a, v| a.layers = int(v),
    },
    Field {
        id: FieldId::Hidden,
        name: "hidden",
        unit: "",
        doc: cli_doc!("model width h"),
        kind: integer(1.0, 1_000_000.0),
        get: |a| Value::Num(a.hidden.into()),
        set: |a, v| a.hidden = int(v),
    },
    Field {
        id: FieldId::Heads,
        name: "heads",
        unit: "",
        doc: cli_doc!("attention (query) heads a"),
        kind: integer(1.0, 100_000.0),
        get: |a| Value::Num(a.heads.into()),
        set: |a, v| a.heads = int(v),
    },
    Field {
        id: FieldId::KvHeads,
        name: "kv_heads",
        unit: "",
        doc: cli_doc!("key/value heads g (GQA; = heads for MHA, 1 for MQA)"),
        kind: integer(1.0, 100_000.0),
        get: |a| Value::Num(a.kv_heads.into()),
        set: |a, v| a.kv_heads = int(v),
    },
    Field {
        id: FieldId::HeadDim,
        name: "head_dim",
        unit: "",
        doc: cli_doc!("per-head dimension d_h"),
        kind: integer(1.0, 100_000.0),
        get: |a| Value::Num(a.head_dim.into()),
        set: |a, v| a.head_dim = int(v),
    },
    Field {
        id: FieldId::Ffn,
        name: "ffn",
        unit: "",
        doc: cli_doc!("FFN inner size f (dense layers)"),
        kind: integer(1.0, 10_000_000.0),
        get: |a| Value::Num(a.ffn.into()),
        set: |a, v| a.ffn = int(v),
    },
    Field {
        id: FieldId::Glu,
        name: "glu",
        unit: "0/1",
        doc: cli_doc!("gated FFN (SwiGLU/GeGLU)"),
        kind: Kind::Flag,
        get: |a| Value::Flag(a.glu),
        set: |a, v| a.glu = flag(v),
    },
    Field {
        id: FieldId::Vocab,
        name: "vocab",
        unit: "",
        doc: cli_doc!("vocabulary size V"),
        kind: integer(1.0, 100_000_000.0),
        get: |a| Value::Num(a.vocab.into()),
        set: |a, v| a.vocab = int(v),
    },
    Field {
        id: FieldId::Tied,
        name: "tied",
        unit: "0/1",
        doc: cli_doc!("input and output embeddings tied"),
        kind: Kind::Flag,
        get: |a| Value::Flag(a.tied),
        set: |a, v| a.tied = flag(v),
    },
    Field {
        id: FieldId::Bias,
        name: "bias",
        unit: "",
        doc: cli_doc!("biases: none, qkv or all (with LayerNorm)"),
        kind: Kind::Choice(BIASES),
        get: |a| Value::Word(a.bias.id()),
        set: |a, v| a.bias = Bias::from_id(word(v)).unwrap_or(Bias::None),
    },
    Field {
        id: FieldId::Experts,
        name: "experts",
        unit: "",
        doc: cli_doc!("routed experts per MoE layer (0: dense)"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.experts.into()),
        set: |a, v| a.experts = int(v),
    },
    Field {
        id: FieldId::TopK,
        name: "top_k",
        unit: "",
        doc: cli_doc!("routed experts per token"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.top_k.into()),
        set: |a, v| a.top_k = int(v),
    },
    Field {
        id: FieldId::SharedExperts,
        name: "shared_experts",
        unit: "",
        doc: cli_doc!("shared experts per MoE layer"),
        kind: integer(0.0, 1000.0),
        get: |a| Value::Num(a.shared_experts.into()),
        set: |a, v| a.shared_experts = int(v),
    },
    Field {
        id: FieldId::ExpertFfn,
        name: "expert_ffn",
        unit: "",
        doc: cli_doc!("FFN inner size of one expert"),
        kind: integer(0.0, 10_000_000.0),
        get: |a| Value::Num(a.expert_ffn.into()),
        set: |a, v| a.expert_ffn = int(v),
    },
    Field {
        id: FieldId::DenseLayers,
        name: "dense_layers",
        unit: "",
        doc: cli_doc!("leading dense layers of a MoE model"),
        kind: integer(0.0, 10_000.0),
        get: |a| Value::Num(a.dense_layers.into()),
        set: |a, v| a.dense_layers = int(v),
    },
    Field {
        id: FieldId::KvLatent,
        name: "kv_latent",
        unit: "",
        doc: cli_doc!("MLA KV latent width d_c (0: no MLA)"),
        kind: integer(0.0, 1_000_000.0),
        get: |a| Value::Num(a.kv_latent.into()),
        set: |a, v| a.kv_latent = int(v),
    },
    Field {
        id: FieldId::QLatent,
        name: "q_latent",
        unit: "",
        doc: cli_doc!("MLA query latent width (0: direct)"),
        kind: integer(0.0, 1_000_000.0),
        get: |a| Value::Num(a.q_latent.into()),
        set: |a, v| a.q_latent = int(v),
    },
    Field {
        id: FieldId::RopeDim,
        name: "rope_dim",
        unit: "",
        doc: cli_doc!("MLA decoupled RoPE key width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.rope_dim.into()),
        set: |a, v| a.rope_dim = int(v),
    },
    // Fields past LEGACY_ARCH_FIELDS came with layer schedules and native formats (issue 22): a
    // custom architecture's link writes them only where they differ from a plain decoder's, so
    // links made before them keep their text.
    Field {
        id: FieldId::LocalAttn,
        name: "local_attn",
        unit: "",
        doc: cli_doc!(
            "attention of the layers between global ones: none (every layer global), window, chunk, gated_deltanet, lightning (Kimi Delta Attention is not offered: its projections differ between Kimi Linear and its successors)"
        ),
        kind: Kind::Choice(LOCAL_KINDS),
        get: |a| Value::Word(a.local.id()),
        set: |a, v| a.local = LocalAttention::from_id(word(v)).unwrap_or(LocalAttention::None),
    },
    Field {
        id: FieldId::GlobalEvery,
        name: "global_every",
        unit: "",
        doc: cli_doc!(
            "every n-th layer attends globally, the others locally (0: none does; with local_attn)"
        ),
        kind: integer(0.0, 10_000.0),
        get: |a| Value::Num(a.global_every.into()),
        set: |a, v| a.global_every = int(v),
    },
    Field {
        id: FieldId::Window,
        name: "window",
        unit: "tokens",
        doc: cli_doc!("sliding-window or chunk size of the local layers"),
        kind: integer(0.0, 100_000_000.0),
        get: |a| Value::Num(a.window.into()),
        set: |a, v| a.window = int(v),
    },
    Field {
        id: FieldId::LinearKeyHeads,
        name: "linear_key_heads",
        unit: "",
        doc: cli_doc!("linear attention: key heads"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_key_heads.into()),
        set: |a, v| a.linear_key_heads = int(v),
    },
    Field {
        id: FieldId::LinearKeyDim,
        name: "linear_key_dim",
        unit: "",
        doc: cli_doc!("linear attention: key head width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_key_dim.into()),
        set: |a, v| a.linear_key_dim = int(v),
    },
    Field {
        id: FieldId::LinearValueHeads,
        name: "linear_value_heads",
        unit: "",
        doc: cli_doc!("linear attention: value heads (one key x value state each)"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_value_heads.into()),
        set: |a, v| a.linear_value_heads = int(v),
    },
    Field {
        id: FieldId::LinearValueDim,
        name: "linear_value_dim",
        unit: "",
        doc: cli_doc!("linear attention: value head width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_value_dim.into()),
        set: |a, v| a.linear_value_dim = int(v),
    },
    Field {
        id: FieldId::LinearConv,
        name: "linear_conv",
        unit: "",
        doc: cli_doc!("linear attention: short convolution kernel (0: none)"),
        kind: integer(0.0, 1000.0),
        get: |a| Value::Num(a.linear_conv.into()),
        set: |a, v| a.linear_conv = int(v),
    },
    Field {
        id: FieldId::LinearStateBits,
        name: "linear_state_bits",
        unit: "bits",
        doc: cli_doc!("linear attention: bits of a recurrent-state element (16 or 32)"),
        kind: Kind::Choice(STATE_BITS),
        get: |a| {
            Value::Word(if a.linear_state_bits == 32 {
                "32"
            } else {
                "16"
            })
        },
        set: |a, v| a.linear_state_bits = if word(v) == "32" { 32 } else { 16 },
    },
    Field {
        id: FieldId::AttnGate,
        name: "attn_gate",
        unit: "0/1",
        doc: cli_doc!("gated attention output (the query projection twice as wide)"),
        kind: Kind::Flag,
        get: |a| Value::Flag(a.attn_gate),
        set: |a, v| a.attn_gate = flag(v),
    },
    Field {
        id: FieldId::IndexHeads,
        name: "index_heads",
        unit: "",
        doc: cli_doc!("sparse attention: indexer heads (0: dense attention)"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.index_heads.into()),
        set: |a, v| a.index_heads = int(v),
    },
    Field {
        id: FieldId::IndexHeadDim,
        name: "index_head_dim",
        unit: "",
        doc: cli_doc!("sparse attention: indexer head width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.index_head_dim.into()),
        set: |a, v| a.index_head_dim = int(v),
    },
    Field {
        id: FieldId::IndexTopk,
        name: "index_topk",
        unit: "tokens",
        doc: cli_doc!("sparse attention: keys each query attends to"),
        kind: integer(0.0, 100_000_000.0),
        get: |a| Value::Num(a.index_topk.into()),
        set: |a, v| a.index_topk = int(v),
    },
    Field {
        id: FieldId::MoeEvery,
        name: "moe_every",
        unit: "",
        doc: cli_doc!("past the leading dense layers, every n-th layer is MoE"),
        kind: integer(1.0, 10_000.0),
        get: |a| Value::Num(a.moe_every.into()),
        set: |a, v| a.moe_every = int(v),
    },
    Field {
        id: FieldId::MtpLayers,
        name: "mtp_layers",
        unit: "",
        doc: cli_doc!("multi-token-prediction modules (trained, not served)"),
        kind: integer(0.0, 100.0),
        get: |a| Value::Num(a.mtp_layers.into()),
        set: |a, v| a.mtp_layers = int(v),
    },
    Field {
        id: FieldId::Format,
        name: "format",
        unit: "",
        doc: cli_doc!("the checkpoint's format of its linear weights outside the experts"),
        kind: Kind::Choice(FORMATS),
        get: |a| Value::Word(a.format.id()),
        set: |a, v| a.format = WeightFormat::from_id(word(v)).unwrap_or(WeightFormat::Bf16),
    },
    Field {
        id: FieldId::ExpertFormat,
        name: "expert_format",
        unit: "",
        doc: cli_doc!("the checkpoint's format of its experts"),
        kind: Kind::Choice(FORMATS),
        get: |a| Value::Word(a.expert_format.id()),
        set: |a, v| a.expert_format = WeightFormat::from_id(word(v)).unwrap_or(WeightFormat::Bf16),
    },
    Field {
        id: FieldId::VHeadDim,
        name: "v_head_dim",
        unit: "",
        doc: cli_doc!(
            "MLA value head width where it differs from the key's non-RoPE width head_dim (GLM-5: 256 against 192; 0: the same)"
        ),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.v_head_dim.into()),
        set: |a, v| a.v_head_dim = int(v),
    },
];

/// The architecture fields links had before layer schedules and native formats.
pub const LEGACY_ARCH_FIELDS: usize = 18;

/// Fields with precedence rules of their own, documented here for the field table and the UI.
pub const SPECIAL_FIELDS: &[(&str, &str, &str)] = &[
    ("v", "", "format version"),
    (
        "model",
        "",
        "preset id; explicit architecture fields override it",
    ),
    (
        "params",
        "parameters",
        "total parameter count (overrides the architecture's)",
    ),
    (
        "active_params",
        "parameters",
        "active parameters per token (MoE)",
    ),
    ("tokens", "tokens", "training tokens per epoch"),
    ("dataset_tb", "TB", "dataset size instead of tokens"),
    (
        "bytes_per_token",
        "bytes",
        "tokenizer bytes per token (with dataset_tb)",
    ),
    (
        "calib",
        "query",
        "a run measured on your cluster (its query, URL-encoded), with calib_mfu, calib_step_s or calib_tokens_per_gpu_s",
    ),
];
