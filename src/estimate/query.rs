//! The scenario language: a flat query string such as
//! `?v=1&model=llama-3-70b&tokens=15T&gpu=h100-sxm&gpus=2048&mfu=40%`.
//!
//! Share links, saved scenarios and the CLI all speak it. Parsing is total: every input yields a
//! scenario (bad fields keep their defaults) plus a list of errors that name the field, the value
//! and what is allowed. [`format`] writes the canonical form, and `parse(format(s)) == s`.
//!
//! Numbers accept `175e9`, `175B`, `1.4T`, `300M`, `7k`, `40%` (where a fraction is expected) and
//! the Chinese `万` (1e4) and `亿` (1e8).

use super::architecture::LocalAttention;
use super::architecture::{Architecture, Bias};
use super::hardware;
use super::precision::{Precision, STORAGE_BITS, WeightFormat};
use super::presets;
use super::scenario::{
    Currency, Data, EpDispatch, Finetune, Optimizer, PriceTier, Recompute, Scenario, Schedule,
};
use super::solve::Solve;
use serde::Serialize;
use std::fmt;

/// Text only the command line and docs/scenario-language.md show (`suanli --fields`). The web build, where
/// nothing reads it, carries an empty string instead.
macro_rules! cli_doc {
    ($text:literal) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $text
        }
    };
}

/// The version this build writes as `v=`.
pub const FORMAT_VERSION: u32 = 2;

/// The scale-out bandwidth every scenario had before version 2 took it from the catalog, Gb/s: a
/// version-1 link without `net_gbps` opens with it, as it did.
pub const V1_NET_GBPS: f64 = 400.0;

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    /// Not a number.
    NotANumber,
    /// A number too large for a double (`1e400`).
    TooLarge,
    /// A fractional value where a whole number is required.
    NotAWholeNumber,
    /// Outside the allowed range.
    OutOfRange {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
    },
    /// Not one of the allowed words.
    NotOneOf {
        /// The allowed words.
        allowed: Vec<String>,
    },
    /// The field is not part of the scenario language (reported, not fatal).
    UnknownField,
    /// The field appears more than once; the last value is used.
    Duplicate,
    /// The link was written by a newer version of the app.
    NewerVersion {
        /// The newest version this build reads.
        supported: u32,
    },
    /// The field contradicts another one, which wins.
    Conflict {
        /// The field that wins.
        with: String,
    },
    /// The value must not exceed another field's value.
    AtMost {
        /// The other field.
        field: String,
        /// Its value.
        value: f64,
    },
    /// Only used together with another field.
    Unused {
        /// The field it needs.
        needs: String,
    },
}

/// One bad field of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldError {
    /// The field name as written in the query.
    pub field: String,
    /// The value as written.
    pub value: String,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} = \"{}\": {}", self.field, self.value, self.problem)
    }
}

/// A long list of allowed values cut to its first eight, for a message a person reads.
pub fn short_list(allowed: &[String]) -> String {
    if allowed.len() > 8 {
        format!("{} …", allowed[..8].join(", "))
    } else {
        allowed.join(", ")
    }
}

/// The English text of a problem: the one source for the CLI, the page and the exports (the
/// page's other language is `i18n::problem`).
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotANumber => write!(f, "not a number (write e.g. 7e9, 7B, 1.4T or 40%)"),
            Problem::TooLarge => write!(f, "too large"),
            Problem::NotAWholeNumber => write!(f, "must be a whole number"),
            Problem::OutOfRange { min, max } => write!(
                f,
                "allowed from {} to {}",
                crate::human::written(*min, crate::lang::Lang::En),
                crate::human::written(*max, crate::lang::Lang::En)
            ),
            Problem::NotOneOf { allowed } => write!(f, "allowed: {}", short_list(allowed)),
            Problem::UnknownField => write!(f, "unknown field, ignored"),
            Problem::Duplicate => write!(f, "given more than once; the last value is used"),
            Problem::NewerVersion { supported } => write!(
                f,
                "written by a newer version of Suanli (this one reads up to v{supported}); some fields may be ignored"
            ),
            Problem::Conflict { with } => write!(f, "conflicts with {with}, which is used instead"),
            Problem::AtMost { field, value } => write!(f, "must not exceed {field} ({value})"),
            Problem::Unused { needs } => write!(f, "only used together with {needs}; ignored"),
        }
    }
}

/// A parsed scenario with what was wrong in the input.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The scenario: valid fields applied, bad ones left at their defaults.
    pub scenario: Scenario,
    /// Fields whose values were rejected.
    pub errors: Vec<FieldError>,
    /// Fields that were accepted with a caveat or ignored (unknown, duplicate, newer version).
    pub warnings: Vec<FieldError>,
}

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
        self.get(default) == Value::Absent && self.name != "gpu"
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
        name: "tokens",
        unit: "tokens",
        doc: cli_doc!("training tokens per epoch"),
        kind: number(1e6, 1e16),
        get: |s| Value::Num(s.data.tokens()),
        set: |s, v| s.data = Data::Tokens(num(v)),
    },
    Field {
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
fn dataset_size(data: Data) -> (f64, f64) {
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

fn data_kind(name: &str) -> Kind {
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
fn opt_in(v: Value) -> Option<f64> {
    match v {
        Value::Num(x) => Some(x),
        _ => None,
    }
}

fn num(v: Value) -> f64 {
    match v {
        Value::Num(x) => x,
        _ => 0.0,
    }
}

fn int(v: Value) -> u32 {
    num(v) as u32
}

fn flag(v: Value) -> bool {
    matches!(v, Value::Flag(true))
}

fn word(v: Value) -> &'static str {
    match v {
        Value::Word(w) => w,
        _ => "",
    }
}

fn opt(v: Option<f64>) -> Value {
    v.map_or(Value::Absent, Value::Num)
}

const fn number(min: f64, max: f64) -> Kind {
    Kind::Number {
        min,
        max,
        percent: false,
        auto: false,
    }
}

/// The word a field with `auto` takes to have the estimate compute it.
pub const AUTO: &str = "auto";
const LAYOUTS: &[&str] = &["given", AUTO];
const USERS_MODES: &[&str] = &["rate", "concurrent"];
const SOLVES: &[&str] = &["days", "gpus", "tokens", "model", "budget", "serve"];

const fn integer(min: f64, max: f64) -> Kind {
    Kind::Integer { min, max }
}

const BITS: &[&str] = &["4", "8", "16", "32"];
/// `weight_format`: the checkpoint's own, or one format for every linear weight.
const WEIGHT_FORMATS: &[&str] = &[
    NATIVE, "bf16", "fp8", "int8", "mxfp4", "nvfp4", "int4", "fp32",
];
/// The `weight_format` that serves each part in the checkpoint's own format.
pub const NATIVE: &str = "native";
const STATE_BITS: &[&str] = &["16", "32"];
const LOCAL_KINDS: &[&str] = &[
    "none",
    "window",
    "chunk",
    "gated_deltanet",
    "kda",
    "lightning",
];
const FORMATS: &[&str] = &["bf16", "fp8", "int8", "mxfp4", "nvfp4", "int4", "fp32"];
const PRECISIONS: &[&str] = &["fp32", "tf32", "bf16", "fp16", "fp8"];
const RECOMPUTE: &[&str] = &["none", "selective", "full"];
const PP_SCHEDULES: &[&str] = &["1f1b", "zb", "dualpipe"];
const EP_DISPATCHES: &[&str] = &["alltoall", "deepep"];
const OPTIMIZERS: &[&str] = &["adamw", "adamw-fp32-grads", "sgd", "adam-8bit"];
const FINETUNE: &[&str] = &["none", "full", "lora", "qlora"];
const CURRENCIES: &[&str] = &["usd", "cny"];
const TIERS: &[&str] = &["on_demand", "reserved_1y", "reserved_3y", "spot"];
const BIASES: &[&str] = &["none", "qkv", "all"];

fn bits_word(bits: u32) -> &'static str {
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

fn optimizer_from(w: &str) -> Optimizer {
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
        name: "seq",
        unit: "tokens",
        doc: cli_doc!("sequence length"),
        kind: integer(1.0, 4_194_304.0),
        get: |s| Value::Num(s.seq.into()),
        set: |s, v| s.seq = int(v),
    },
    Field {
        name: "epochs",
        unit: "",
        doc: cli_doc!("passes over the data"),
        kind: number(0.01, 1000.0),
        get: |s| Value::Num(s.epochs),
        set: |s, v| s.epochs = num(v),
    },
    Field {
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
        name: "lora_rank",
        unit: "",
        doc: cli_doc!("LoRA adapter rank"),
        kind: integer(1.0, 4096.0),
        get: |s| Value::Num(s.lora_rank.into()),
        set: |s, v| s.lora_rank = int(v),
    },
    Field {
        name: "gpu",
        unit: "",
        doc: cli_doc!("accelerator id from the catalog, or custom"),
        kind: Kind::Choice(&[]),
        get: |_| Value::Absent,
        set: |_, _| {},
    },
    Field {
        name: "vs_gpu",
        unit: "",
        doc: cli_doc!("a second accelerator id from the catalog to answer the same question on"),
        kind: Kind::Choice(&[]),
        get: |_| Value::Absent,
        set: |_, _| {},
    },
    Field {
        name: "peak_tflops",
        unit: "TFLOP/s",
        doc: cli_doc!("dense peak for the chosen precision (overrides the catalog)"),
        kind: number(0.001, 1e6),
        get: |s| opt(s.peak_tflops),
        set: |s, v| s.peak_tflops = opt_in(v),
    },
    Field {
        name: "hbm_gb",
        unit: "GB",
        doc: cli_doc!("memory per device (overrides the catalog)"),
        kind: number(0.1, 1e5),
        get: |s| opt(s.hbm_gb),
        set: |s, v| s.hbm_gb = opt_in(v),
    },
    Field {
        name: "bandwidth_gbs",
        unit: "GB/s",
        doc: cli_doc!("memory bandwidth (overrides the catalog)"),
        kind: number(1.0, 1e6),
        get: |s| opt(s.bandwidth_gbs),
        set: |s, v| s.bandwidth_gbs = opt_in(v),
    },
    Field {
        name: "gpus",
        unit: "devices",
        doc: cli_doc!("number of accelerators"),
        kind: integer(1.0, super::scenario::MAX_GPUS as f64),
        get: |s| Value::Num(s.gpus.into()),
        set: |s, v| s.gpus = int(v),
    },
    Field {
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
        name: "precision",
        unit: "",
        doc: cli_doc!("training arithmetic"),
        kind: Kind::Choice(PRECISIONS),
        get: |s| Value::Word(s.precision.id()),
        set: |s, v| s.precision = Precision::from_id(word(v)).unwrap_or(Precision::Bf16),
    },
    Field {
        name: "deadline_days",
        unit: "days",
        doc: cli_doc!("deadline for the training run"),
        kind: number(0.01, 3650.0),
        get: |s| Value::Num(s.deadline_days),
        set: |s, v| s.deadline_days = num(v),
    },
    Field {
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
        name: "budget",
        unit: "currency",
        doc: cli_doc!("money budget: what it buys, and the compute-optimal model for it"),
        kind: number(0.0, 1e15),
        get: |s| opt(s.budget),
        set: |s, v| s.budget = opt_in(v),
    },
    Field {
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
        name: "zero",
        unit: "",
        doc: cli_doc!("ZeRO stage"),
        kind: integer(0.0, 3.0),
        get: |s| Value::Num(s.zero.into()),
        set: |s, v| s.zero = int(v) as u8,
    },
    Field {
        name: "tp",
        unit: "",
        doc: cli_doc!("tensor-parallel size"),
        kind: integer(1.0, 1024.0),
        get: |s| Value::Num(s.tp.into()),
        set: |s, v| s.tp = int(v),
    },
    Field {
        name: "pp",
        unit: "",
        doc: cli_doc!("pipeline-parallel size"),
        kind: integer(1.0, 1024.0),
        get: |s| Value::Num(s.pp.into()),
        set: |s, v| s.pp = int(v),
    },
    Field {
        name: "sp",
        unit: "0/1",
        doc: cli_doc!("sequence parallelism"),
        kind: Kind::Flag,
        get: |s| Value::Flag(s.sp),
        set: |s, v| s.sp = flag(v),
    },
    Field {
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
        name: "calib_step_s",
        unit: "s",
        doc: cli_doc!("step time measured on the calibration run (calib)"),
        kind: number(1e-4, 1e6),
        get: |s| opt(s.calib_step_s),
        set: |s, v| s.calib_step_s = opt_in(v),
    },
    Field {
        name: "calib_tokens_per_gpu_s",
        unit: "tokens/s",
        doc: cli_doc!("training tokens per second per device measured on the calibration run"),
        kind: number(1e-3, 1e9),
        get: |s| opt(s.calib_tokens_per_gpu_s),
        set: |s, v| s.calib_tokens_per_gpu_s = opt_in(v),
    },
    Field {
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
        name: "cp",
        unit: "",
        doc: cli_doc!("context-parallel size (ring attention)"),
        kind: integer(1.0, 64.0),
        get: |s| Value::Num(s.cp.into()),
        set: |s, v| s.cp = int(v),
    },
    Field {
        name: "vpp",
        unit: "",
        doc: cli_doc!("virtual pipeline stages per device; empty: the fastest that fits"),
        kind: integer(1.0, 64.0),
        get: |s| s.vpp.map_or(Value::Absent, |v| Value::Num(v.into())),
        set: |s, v| s.vpp = opt_in(v).map(|x| x as u32),
    },
    Field {
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
        name: "micro_batch",
        unit: "sequences",
        doc: cli_doc!("micro-batch size"),
        kind: integer(1.0, 65536.0),
        get: |s| Value::Num(s.micro_batch.into()),
        set: |s, v| s.micro_batch = int(v),
    },
    Field {
        name: "global_batch",
        unit: "sequences",
        doc: cli_doc!("global batch size"),
        kind: integer(1.0, 100_000_000.0),
        get: |s| Value::Num(s.global_batch.into()),
        set: |s, v| s.global_batch = int(v),
    },
    Field {
        name: "optimizer",
        unit: "",
        doc: cli_doc!("optimizer (bytes of state per parameter)"),
        kind: Kind::Choice(OPTIMIZERS),
        get: |s| Value::Word(optimizer_id(s.optimizer)),
        set: |s, v| s.optimizer = optimizer_from(word(v)),
    },
    Field {
        name: "price_per_gpu_hour",
        unit: "currency/h",
        doc: cli_doc!("rental price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_per_gpu_hour),
        set: |s, v| s.price_per_gpu_hour = opt_in(v),
    },
    Field {
        name: "price_tier",
        unit: "",
        doc: cli_doc!("rental tier the cost is for: on_demand, reserved_1y, reserved_3y or spot"),
        kind: Kind::Choice(TIERS),
        get: |s| Value::Word(s.price_tier.id()),
        set: |s, v| s.price_tier = PriceTier::from_id(word(v)).unwrap_or(PriceTier::OnDemand),
    },
    Field {
        name: "price_reserved_1y",
        unit: "currency/h",
        doc: cli_doc!("1-year committed price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_reserved_1y),
        set: |s, v| s.price_reserved_1y = opt_in(v),
    },
    Field {
        name: "price_reserved_3y",
        unit: "currency/h",
        doc: cli_doc!("3-year committed price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_reserved_3y),
        set: |s, v| s.price_reserved_3y = opt_in(v),
    },
    Field {
        name: "price_spot",
        unit: "currency/h",
        doc: cli_doc!("spot price per device-hour"),
        kind: number(0.0, 1e6),
        get: |s| opt(s.price_spot),
        set: |s, v| s.price_spot = opt_in(v),
    },
    Field {
        name: "checkpoint_hours",
        unit: "h",
        doc: cli_doc!("hours between checkpoints (spot loses half of one per interruption)"),
        kind: number(0.01, 1000.0),
        get: |s| Value::Num(s.checkpoint_hours),
        set: |s, v| s.checkpoint_hours = num(v),
    },
    Field {
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
        name: "restart_minutes",
        unit: "min",
        doc: cli_doc!("minutes to restart after a spot interruption"),
        kind: number(0.0, 10_000.0),
        get: |s| Value::Num(s.restart_minutes),
        set: |s, v| s.restart_minutes = num(v),
    },
    Field {
        name: "gpu_price",
        unit: "currency",
        doc: cli_doc!("purchase price per device"),
        kind: number(0.0, 1e9),
        get: |s| opt(s.gpu_price),
        set: |s, v| s.gpu_price = opt_in(v),
    },
    Field {
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
        name: "cny_per_usd",
        unit: "CNY/USD",
        doc: cli_doc!("exchange rate"),
        kind: number(0.01, 1000.0),
        get: |s| Value::Num(s.cny_per_usd),
        set: |s, v| s.cny_per_usd = num(v),
    },
    Field {
        name: "power_w",
        unit: "W",
        doc: cli_doc!("power per device (default: TDP)"),
        kind: number(1.0, 1e5),
        get: |s| opt(s.power_w),
        set: |s, v| s.power_w = opt_in(v),
    },
    Field {
        name: "pue",
        unit: "",
        doc: cli_doc!("power usage effectiveness"),
        kind: number(1.0, 5.0),
        get: |s| Value::Num(s.pue),
        set: |s, v| s.pue = num(v),
    },
    Field {
        name: "grid_kg_per_kwh",
        unit: "kg CO2e/kWh",
        doc: cli_doc!("grid carbon intensity"),
        kind: number(0.0, 5.0),
        get: |s| Value::Num(s.grid_kg_per_kwh),
        set: |s, v| s.grid_kg_per_kwh = num(v),
    },
    Field {
        name: "electricity_per_kwh",
        unit: "currency/kWh",
        doc: cli_doc!("electricity price"),
        kind: number(0.0, 1000.0),
        get: |s| Value::Num(s.electricity_per_kwh),
        set: |s, v| s.electricity_per_kwh = num(v),
    },
    Field {
        name: "net_gbps",
        unit: "Gb/s",
        doc: cli_doc!("scale-out network bandwidth per device; empty: the accelerator's (catalog)"),
        kind: number(1.0, 1e6),
        get: |s| opt(s.net_gbps),
        set: |s, v| s.net_gbps = opt_in(v),
    },
    Field {
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
        name: "kv_bits",
        unit: "bits",
        doc: cli_doc!("KV-cache width"),
        kind: Kind::Choice(BITS),
        get: |s| Value::Word(bits_word(s.kv_bits)),
        set: |s, v| s.kv_bits = word(v).parse().unwrap_or(16),
    },
    Field {
        name: "batch",
        unit: "sequences",
        doc: cli_doc!("serving batch per replica (0: largest meeting the latency target)"),
        kind: integer(0.0, 1_000_000.0),
        get: |s| Value::Num(s.batch.into()),
        set: |s, v| s.batch = int(v),
    },
    Field {
        name: "prompt_tokens",
        unit: "tokens",
        doc: cli_doc!("prompt tokens per request"),
        kind: integer(0.0, 10_000_000.0),
        get: |s| Value::Num(s.prompt_tokens.into()),
        set: |s, v| s.prompt_tokens = int(v),
    },
    Field {
        name: "output_tokens",
        unit: "tokens",
        doc: cli_doc!("generated tokens per request"),
        kind: integer(1.0, 10_000_000.0),
        get: |s| Value::Num(s.output_tokens.into()),
        set: |s, v| s.output_tokens = int(v),
    },
    Field {
        name: "users",
        unit: "users",
        doc: cli_doc!("users of the service"),
        kind: number(0.0, 1e10),
        get: |s| Value::Num(s.users),
        set: |s, v| s.users = num(v),
    },
    Field {
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
        name: "requests_per_user_per_hour",
        unit: "1/h",
        doc: cli_doc!("requests per user per hour"),
        kind: number(0.0, 1e6),
        get: |s| Value::Num(s.requests_per_user_per_hour),
        set: |s, v| s.requests_per_user_per_hour = num(v),
    },
    Field {
        name: "requests_per_s",
        unit: "1/s",
        doc: cli_doc!("total requests per second (overrides users x requests per user per hour)"),
        kind: number(0.0, 1e9),
        get: |s| opt(s.requests_per_s),
        set: |s, v| s.requests_per_s = opt_in(v),
    },
    Field {
        name: "latency_s",
        unit: "s",
        doc: cli_doc!("target time to complete a request"),
        kind: number(0.001, 1e6),
        get: |s| Value::Num(s.latency_s),
        set: |s, v| s.latency_s = num(v),
    },
    Field {
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
        name: "layers",
        unit: "",
        doc: cli_doc!("transformer layers L"),
        kind: integer(1.0, 10_000.0),
        get: |a| Value::Num(a.layers.into()),
        set: |a, v| a.layers = int(v),
    },
    Field {
        name: "hidden",
        unit: "",
        doc: cli_doc!("model width h"),
        kind: integer(1.0, 1_000_000.0),
        get: |a| Value::Num(a.hidden.into()),
        set: |a, v| a.hidden = int(v),
    },
    Field {
        name: "heads",
        unit: "",
        doc: cli_doc!("attention (query) heads a"),
        kind: integer(1.0, 100_000.0),
        get: |a| Value::Num(a.heads.into()),
        set: |a, v| a.heads = int(v),
    },
    Field {
        name: "kv_heads",
        unit: "",
        doc: cli_doc!("key/value heads g (GQA; = heads for MHA, 1 for MQA)"),
        kind: integer(1.0, 100_000.0),
        get: |a| Value::Num(a.kv_heads.into()),
        set: |a, v| a.kv_heads = int(v),
    },
    Field {
        name: "head_dim",
        unit: "",
        doc: cli_doc!("per-head dimension d_h"),
        kind: integer(1.0, 100_000.0),
        get: |a| Value::Num(a.head_dim.into()),
        set: |a, v| a.head_dim = int(v),
    },
    Field {
        name: "ffn",
        unit: "",
        doc: cli_doc!("FFN inner size f (dense layers)"),
        kind: integer(1.0, 10_000_000.0),
        get: |a| Value::Num(a.ffn.into()),
        set: |a, v| a.ffn = int(v),
    },
    Field {
        name: "glu",
        unit: "0/1",
        doc: cli_doc!("gated FFN (SwiGLU/GeGLU)"),
        kind: Kind::Flag,
        get: |a| Value::Flag(a.glu),
        set: |a, v| a.glu = flag(v),
    },
    Field {
        name: "vocab",
        unit: "",
        doc: cli_doc!("vocabulary size V"),
        kind: integer(1.0, 100_000_000.0),
        get: |a| Value::Num(a.vocab.into()),
        set: |a, v| a.vocab = int(v),
    },
    Field {
        name: "tied",
        unit: "0/1",
        doc: cli_doc!("input and output embeddings tied"),
        kind: Kind::Flag,
        get: |a| Value::Flag(a.tied),
        set: |a, v| a.tied = flag(v),
    },
    Field {
        name: "bias",
        unit: "",
        doc: cli_doc!("biases: none, qkv or all (with LayerNorm)"),
        kind: Kind::Choice(BIASES),
        get: |a| Value::Word(a.bias.id()),
        set: |a, v| a.bias = Bias::from_id(word(v)).unwrap_or(Bias::None),
    },
    Field {
        name: "experts",
        unit: "",
        doc: cli_doc!("routed experts per MoE layer (0: dense)"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.experts.into()),
        set: |a, v| a.experts = int(v),
    },
    Field {
        name: "top_k",
        unit: "",
        doc: cli_doc!("routed experts per token"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.top_k.into()),
        set: |a, v| a.top_k = int(v),
    },
    Field {
        name: "shared_experts",
        unit: "",
        doc: cli_doc!("shared experts per MoE layer"),
        kind: integer(0.0, 1000.0),
        get: |a| Value::Num(a.shared_experts.into()),
        set: |a, v| a.shared_experts = int(v),
    },
    Field {
        name: "expert_ffn",
        unit: "",
        doc: cli_doc!("FFN inner size of one expert"),
        kind: integer(0.0, 10_000_000.0),
        get: |a| Value::Num(a.expert_ffn.into()),
        set: |a, v| a.expert_ffn = int(v),
    },
    Field {
        name: "dense_layers",
        unit: "",
        doc: cli_doc!("leading dense layers of a MoE model"),
        kind: integer(0.0, 10_000.0),
        get: |a| Value::Num(a.dense_layers.into()),
        set: |a, v| a.dense_layers = int(v),
    },
    Field {
        name: "kv_latent",
        unit: "",
        doc: cli_doc!("MLA KV latent width d_c (0: no MLA)"),
        kind: integer(0.0, 1_000_000.0),
        get: |a| Value::Num(a.kv_latent.into()),
        set: |a, v| a.kv_latent = int(v),
    },
    Field {
        name: "q_latent",
        unit: "",
        doc: cli_doc!("MLA query latent width (0: direct)"),
        kind: integer(0.0, 1_000_000.0),
        get: |a| Value::Num(a.q_latent.into()),
        set: |a, v| a.q_latent = int(v),
    },
    Field {
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
        name: "local_attn",
        unit: "",
        doc: cli_doc!(
            "attention of the layers between global ones: none (every layer global), window, chunk, gated_deltanet, kda, lightning"
        ),
        kind: Kind::Choice(LOCAL_KINDS),
        get: |a| Value::Word(a.local.id()),
        set: |a, v| a.local = LocalAttention::from_id(word(v)).unwrap_or(LocalAttention::None),
    },
    Field {
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
        name: "window",
        unit: "tokens",
        doc: cli_doc!("sliding-window or chunk size of the local layers"),
        kind: integer(0.0, 100_000_000.0),
        get: |a| Value::Num(a.window.into()),
        set: |a, v| a.window = int(v),
    },
    Field {
        name: "linear_key_heads",
        unit: "",
        doc: cli_doc!("linear attention: key heads"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_key_heads.into()),
        set: |a, v| a.linear_key_heads = int(v),
    },
    Field {
        name: "linear_key_dim",
        unit: "",
        doc: cli_doc!("linear attention: key head width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_key_dim.into()),
        set: |a, v| a.linear_key_dim = int(v),
    },
    Field {
        name: "linear_value_heads",
        unit: "",
        doc: cli_doc!("linear attention: value heads (one key x value state each)"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_value_heads.into()),
        set: |a, v| a.linear_value_heads = int(v),
    },
    Field {
        name: "linear_value_dim",
        unit: "",
        doc: cli_doc!("linear attention: value head width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.linear_value_dim.into()),
        set: |a, v| a.linear_value_dim = int(v),
    },
    Field {
        name: "linear_conv",
        unit: "",
        doc: cli_doc!("linear attention: short convolution kernel (0: none)"),
        kind: integer(0.0, 1000.0),
        get: |a| Value::Num(a.linear_conv.into()),
        set: |a, v| a.linear_conv = int(v),
    },
    Field {
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
        name: "attn_gate",
        unit: "0/1",
        doc: cli_doc!("gated attention output (the query projection twice as wide)"),
        kind: Kind::Flag,
        get: |a| Value::Flag(a.attn_gate),
        set: |a, v| a.attn_gate = flag(v),
    },
    Field {
        name: "index_heads",
        unit: "",
        doc: cli_doc!("sparse attention: indexer heads (0: dense attention)"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.index_heads.into()),
        set: |a, v| a.index_heads = int(v),
    },
    Field {
        name: "index_head_dim",
        unit: "",
        doc: cli_doc!("sparse attention: indexer head width"),
        kind: integer(0.0, 100_000.0),
        get: |a| Value::Num(a.index_head_dim.into()),
        set: |a, v| a.index_head_dim = int(v),
    },
    Field {
        name: "index_topk",
        unit: "tokens",
        doc: cli_doc!("sparse attention: keys each query attends to"),
        kind: integer(0.0, 100_000_000.0),
        get: |a| Value::Num(a.index_topk.into()),
        set: |a, v| a.index_topk = int(v),
    },
    Field {
        name: "moe_every",
        unit: "",
        doc: cli_doc!("past the leading dense layers, every n-th layer is MoE"),
        kind: integer(1.0, 10_000.0),
        get: |a| Value::Num(a.moe_every.into()),
        set: |a, v| a.moe_every = int(v),
    },
    Field {
        name: "mtp_layers",
        unit: "",
        doc: cli_doc!("multi-token-prediction modules (trained, not served)"),
        kind: integer(0.0, 100.0),
        get: |a| Value::Num(a.mtp_layers.into()),
        set: |a, v| a.mtp_layers = int(v),
    },
    Field {
        name: "format",
        unit: "",
        doc: cli_doc!("the checkpoint's format of its linear weights outside the experts"),
        kind: Kind::Choice(FORMATS),
        get: |a| Value::Word(a.format.id()),
        set: |a, v| a.format = WeightFormat::from_id(word(v)).unwrap_or(WeightFormat::Bf16),
    },
    Field {
        name: "expert_format",
        unit: "",
        doc: cli_doc!("the checkpoint's format of its experts"),
        kind: Kind::Choice(FORMATS),
        get: |a| Value::Word(a.expert_format.id()),
        set: |a, v| a.expert_format = WeightFormat::from_id(word(v)).unwrap_or(WeightFormat::Bf16),
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

/// Magnitude words and letters the scenario language reads, longest first: every magnitude the
/// page prints (`human::count`: `1.02万亿`, `7.89B`) reads back.
const SCALES: &[(&str, f64)] = &[
    ("万亿", 1e12),
    ("亿", 1e8),
    ("万", 1e4),
    ("k", 1e3),
    ("K", 1e3),
    ("M", 1e6),
    ("B", 1e9),
    ("G", 1e9),
    ("T", 1e12),
    ("P", 1e15),
];

/// Removes thousands separators (`15,000,000`): commas only between groups of three digits in
/// the integer part, so `1,5` stays a mistake rather than becoming 15.
fn without_separators(s: &str) -> Option<String> {
    if !s.contains(',') {
        return Some(s.to_string());
    }
    let end = s.find(['.', 'e', 'E']).unwrap_or(s.len());
    let (int, rest) = s.split_at(end);
    let int = int.strip_prefix(['-', '+']).unwrap_or(int);
    let mut groups = int.split(',');
    let first = groups.next()?;
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    if first.is_empty() || first.len() > 3 || !digits(first) {
        return None;
    }
    if !groups.all(|g| g.len() == 3 && digits(g)) {
        return None;
    }
    Some(s[..s.len() - rest.len()].replace(',', "") + rest)
}

/// Parses a number with the suffixes the scenario language allows: `175e9`, `175B`, `1.4T`,
/// `40%` (where `percent`), `7000亿`, `15万亿`, `15,000,000`.
pub fn parse_number(raw: &str, percent: bool) -> Result<f64, Problem> {
    let s = raw.trim().replace('_', "");
    // A percentage divides by 100 (one correctly rounded step: "35%" reads as 0.35 exactly as
    // "0.35" does, where multiplying by the inexact 0.01 would not).
    let (body, scale) = if let Some(b) = s.strip_suffix('%') {
        if !percent {
            return Err(Problem::NotANumber);
        }
        (b, -100.0)
    } else {
        SCALES
            .iter()
            .find_map(|&(suffix, scale)| s.strip_suffix(suffix).map(|b| (b, scale)))
            .unwrap_or((s.as_str(), 1.0))
    };
    let body = without_separators(body.trim_end()).ok_or(Problem::NotANumber)?;
    // Plain decimal notation only: std also reads "inf", "NaN" and "infinity", which are not
    // numbers here.
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return Err(Problem::NotANumber);
    }
    let parsed = body.parse::<f64>().map_err(|_| Problem::NotANumber)?;
    // A magnitude word is a power of ten: read "16.6B" as the decimal 16.6e9, one correctly
    // rounded step, so it is the same number as 16600000000 (multiplying 16.6 by 1e9 is not).
    let exponent = scale.log10().round() as i32;
    let decimal = (scale > 1.0 && !body.contains(['e', 'E']))
        .then(|| format!("{body}e{exponent}").parse::<f64>().ok())
        .flatten();
    let x = match decimal {
        Some(x) => x,
        None if scale < 0.0 => parsed / -scale,
        None => parsed * scale,
    };
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Problem::TooLarge)
    }
}

/// Validates one raw value against a field kind.
pub fn parse_value(kind: Kind, raw: &str) -> Result<Value, Problem> {
    let ranged = |x: f64, min: f64, max: f64| {
        if (min..=max).contains(&x) {
            Ok(x)
        } else {
            Err(Problem::OutOfRange { min, max })
        }
    };
    match kind {
        Kind::Number { auto: true, .. } if raw.trim().eq_ignore_ascii_case(AUTO) => {
            Ok(Value::Word(AUTO))
        }
        Kind::Number {
            min, max, percent, ..
        } => Ok(Value::Num(ranged(parse_number(raw, percent)?, min, max)?)),
        Kind::Integer { min, max } => {
            let x = parse_number(raw, false)?;
            if x.fract() != 0.0 {
                return Err(Problem::NotAWholeNumber);
            }
            Ok(Value::Num(ranged(x, min, max)?))
        }
        Kind::Flag => match raw.trim() {
            "1" | "true" | "yes" | "on" => Ok(Value::Flag(true)),
            "0" | "false" | "no" | "off" => Ok(Value::Flag(false)),
            _ => Err(Problem::NotOneOf {
                allowed: vec!["0".into(), "1".into()],
            }),
        },
        Kind::Choice(words) => words
            .iter()
            .find(|w| w.eq_ignore_ascii_case(raw.trim()))
            .map(|w| Value::Word(w))
            .ok_or_else(|| Problem::NotOneOf {
                allowed: words.iter().map(|w| w.to_string()).collect(),
            }),
    }
}

/// The query part of a share link or a bare query string.
fn query_part(input: &str) -> &str {
    let q = input.split_once('?').map_or(input, |(_, q)| q);
    q.split('#').next().unwrap_or("")
}

/// Parses a query string (with or without `?`, or a whole URL) into a scenario. Total: never
/// fails, never panics; every bad field is listed in `errors` and keeps its default.
pub fn parse(input: &str) -> Parsed {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    // Last value wins for a repeated field; the earlier ones are reported.
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(query_part(input).as_bytes()) {
        let (k, v) = (k.trim().to_string(), v.into_owned());
        if k.is_empty() {
            continue;
        }
        if let Some(i) = pairs.iter().position(|(pk, _)| *pk == k) {
            let (_, old) = pairs.remove(i);
            warnings.push(FieldError {
                field: k.clone(),
                value: old,
                problem: Problem::Duplicate,
            });
        }
        pairs.push((k, v));
    }
    let get = |name: &str| lookup(&pairs, name);
    let mut s = Scenario::default();
    let err = |field: &str, value: &str, problem| FieldError {
        field: field.into(),
        value: value.into(),
        problem,
    };

    // The link's version: a link without one is read as the current version.
    let mut version = FORMAT_VERSION;
    if let Some(v) = get("v") {
        match parse_value(integer(1.0, 1e6), v) {
            Ok(Value::Num(n)) if n > f64::from(FORMAT_VERSION) => warnings.push(err(
                "v",
                v,
                Problem::NewerVersion {
                    supported: FORMAT_VERSION,
                },
            )),
            Ok(Value::Num(n)) => version = n as u32,
            Ok(_) => {}
            Err(p) => errors.push(err("v", v, p)),
        }
    }

    // Model: a preset, else a custom architecture from its fields, else implied by `params`.
    let has_arch_field = ARCH_FIELDS.iter().any(|f| get(f.name).is_some());
    match get("model") {
        Some(id) => match presets::find(id.trim()) {
            Some(p) => {
                s.model = Some(p.id.to_string());
                s.arch = Some(p.arch.clone());
            }
            None => errors.push(err(
                "model",
                id,
                Problem::NotOneOf {
                    allowed: presets::all().iter().map(|p| p.id.to_string()).collect(),
                },
            )),
        },
        None if has_arch_field => {
            s.model = None;
            s.arch = Some(Architecture::dense(32, 4096));
        }
        None if get("params").is_some() => {
            s.model = None;
            s.arch = None;
        }
        None => {}
    }
    if let Some(arch) = s.arch.as_mut() {
        apply(ARCH_FIELDS, arch, &pairs, &mut errors);
        if s.model.is_none() {
            // A custom architecture's shape follows the fields it gives, not the placeholder's:
            // heads without kv_heads is multi-head attention, head_dim is hidden / heads, the
            // FFN is 4 × hidden (GPT-3 from its Table D.1 shape then counts 174.6B, not 155B).
            let given = |name: &str| {
                get(name).is_some() && !errors.iter().any(|e: &FieldError| e.field == name)
            };
            if !given("heads") {
                arch.heads = (arch.hidden / 128).max(1);
            }
            if !given("kv_heads") {
                arch.kv_heads = arch.heads;
            }
            if !given("head_dim") {
                arch.head_dim = (arch.hidden / arch.heads.max(1)).max(1);
            }
            if !given("ffn") {
                arch.ffn = arch.hidden.saturating_mul(4);
            }
        }
    }
    for (name, slot) in [
        ("params", &mut s.params),
        ("active_params", &mut s.active_params),
    ] {
        if let Some(v) = get(name) {
            match parse_value(number(1e6, 1e14), v) {
                Ok(x) => *slot = Some(num(x)),
                Err(p) => errors.push(err(name, v, p)),
            }
        }
    }
    if s.arch.is_none() && s.params.is_none() {
        // `params` was given but rejected: fall back to the default model.
        let d = Scenario::default();
        s.model = d.model;
        s.arch = d.arch;
    }

    // Data: tokens, or a dataset size with bytes per token.
    let tokens = get("tokens").map(|v| (v, parse_value(data_kind("tokens"), v)));
    let tb = get("dataset_tb").map(|v| (v, parse_value(data_kind("dataset_tb"), v)));
    let bpt = get("bytes_per_token").map(|v| (v, parse_value(data_kind("bytes_per_token"), v)));
    for (name, entry) in [
        ("tokens", &tokens),
        ("dataset_tb", &tb),
        ("bytes_per_token", &bpt),
    ] {
        if let Some((v, Err(p))) = entry {
            errors.push(err(name, v, p.clone()));
        }
    }
    let ok = |e: &Option<(&str, Result<Value, Problem>)>| match e {
        Some((_, Ok(v))) => Some(num(*v)),
        _ => None,
    };
    match (ok(&tokens), ok(&tb)) {
        (Some(t), tb_val) => {
            s.data = Data::Tokens(t);
            if let (Some(_), Some((v, _))) = (tb_val, &tb) {
                warnings.push(err(
                    "dataset_tb",
                    v,
                    Problem::Conflict {
                        with: "tokens".into(),
                    },
                ));
            }
        }
        (None, Some(tb)) => {
            s.data = Data::Dataset {
                tb,
                bytes_per_token: ok(&bpt).unwrap_or(DEFAULT_BYTES_PER_TOKEN),
            }
        }
        (None, None) => {}
    }
    if let (Some((v, Ok(_))), Data::Tokens(_)) = (&bpt, s.data) {
        warnings.push(err(
            "bytes_per_token",
            v,
            Problem::Unused {
                needs: "dataset_tb".into(),
            },
        ));
    }

    // The accelerator: a catalog id or `custom`.
    if let Some(id) = get("gpu") {
        let id = id.trim();
        if id == hardware::CUSTOM_ID || hardware::find(id).is_some() {
            s.gpu = id.to_string();
        } else {
            let mut allowed: Vec<String> =
                hardware::CATALOG.iter().map(|a| a.id.to_string()).collect();
            allowed.push(hardware::CUSTOM_ID.to_string());
            errors.push(err("gpu", id, Problem::NotOneOf { allowed }));
        }
    }
    // The accelerator to compare with: a catalog id (an empty value is none).
    if let Some(id) = get("vs_gpu").map(str::trim).filter(|id| !id.is_empty()) {
        if hardware::find(id).is_some() {
            s.vs_gpu = Some(id.to_string());
        } else {
            let allowed = hardware::CATALOG.iter().map(|a| a.id.to_string()).collect();
            errors.push(err("vs_gpu", id, Problem::NotOneOf { allowed }));
        }
    }
    apply(FIELDS, &mut s, &pairs, &mut errors);
    // Version 1 had one scale-out bandwidth for every accelerator; version 2 takes the catalog's.
    if version < 2 && s.net_gbps.is_none() {
        s.net_gbps = Some(V1_NET_GBPS);
    }
    validate(&mut s, &mut errors);
    calibration_run(&mut s, get("calib"), &mut errors, &mut warnings);

    let known = |k: &str| {
        FIELDS.iter().any(|f| f.name == k)
            || ARCH_FIELDS.iter().any(|f| f.name == k)
            || SPECIAL_FIELDS.iter().any(|(n, _, _)| *n == k)
    };
    for (k, v) in &pairs {
        if !known(k) {
            warnings.push(err(k, v, Problem::UnknownField));
        }
    }
    Parsed {
        scenario: s,
        errors,
        warnings,
    }
}

/// The calibration run: a query of its own, its problems named `calib.<field>`; one measurement of
/// it, and no measurement without it.
fn calibration_run(
    s: &mut Scenario,
    raw: Option<&str>,
    errors: &mut Vec<FieldError>,
    warnings: &mut Vec<FieldError>,
) {
    let measures = [
        ("calib_mfu", s.calib_mfu),
        ("calib_step_s", s.calib_step_s),
        ("calib_tokens_per_gpu_s", s.calib_tokens_per_gpu_s),
    ];
    let given: Vec<(&str, f64)> = measures
        .iter()
        .filter_map(|(n, v)| v.map(|x| (*n, x)))
        .collect();
    // One measurement: the first given wins, the others are reported.
    for (name, value) in given.iter().skip(1) {
        warnings.push(FieldError {
            field: (*name).into(),
            value: format_number(*value),
            problem: Problem::Conflict {
                with: given[0].0.into(),
            },
        });
    }
    // The first given is `measured()`'s choice.
    s.set_measured(s.measured());
    match raw {
        Some(q) => {
            let nested = parse(q);
            for e in nested.errors {
                errors.push(FieldError {
                    field: format!("calib.{}", e.field),
                    ..e
                });
            }
            let run = nested.scenario;
            // A calibration run is not itself calibrated.
            if run.calib.is_some() || run.measured().is_some() {
                warnings.push(FieldError {
                    field: "calib.calib".into(),
                    value: q.into(),
                    problem: Problem::UnknownField,
                });
            }
            s.calib = Some(Box::new(run.without_calibration()));
        }
        None => {
            if let Some((name, value)) = given.first() {
                warnings.push(FieldError {
                    field: (*name).into(),
                    value: format_number(*value),
                    problem: Problem::Unused {
                        needs: "calib".into(),
                    },
                });
            }
            s.set_measured(None);
        }
    }
}

/// The value of a field in the parsed pairs (the last one, duplicates having been removed).
fn lookup<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn apply<T>(
    fields: &[Field<T>],
    target: &mut T,
    pairs: &[(String, String)],
    errors: &mut Vec<FieldError>,
) {
    for f in fields {
        // `gpu` and `vs_gpu` are resolved against the catalog before the table is applied.
        if let (Some(raw), false) = (lookup(pairs, f.name), matches!(f.name, "gpu" | "vs_gpu")) {
            match parse_value(f.kind, raw) {
                Ok(v) => (f.set)(target, v),
                Err(problem) => errors.push(FieldError {
                    field: f.name.into(),
                    value: raw.into(),
                    problem,
                }),
            }
        }
    }
}

/// Cross-field rules: each violation names the field and resets it to a value that holds.
fn validate(s: &mut Scenario, errors: &mut Vec<FieldError>) {
    let mut at_most = |field: &str, value: &mut u32, other: &str, limit: u32| {
        if *value > limit {
            errors.push(FieldError {
                field: field.into(),
                value: value.to_string(),
                problem: Problem::AtMost {
                    field: other.into(),
                    value: limit.into(),
                },
            });
            *value = limit;
        }
    };
    if let Some(a) = s.arch.as_mut() {
        at_most("kv_heads", &mut a.kv_heads, "heads", a.heads);
        at_most("top_k", &mut a.top_k, "experts", a.experts);
        at_most("dense_layers", &mut a.dense_layers, "layers", a.layers);
    }
    let gpus = s.gpus;
    at_most("tp", &mut s.tp, "gpus", gpus);
    let pp_limit = (gpus / s.tp.max(1)).max(1);
    at_most("pp", &mut s.pp, "gpus / tp", pp_limit);
    let cp_limit = (gpus / (s.tp.max(1) * s.pp.max(1))).max(1);
    at_most("cp", &mut s.cp, "gpus / (tp · pp)", cp_limit);
    // MoE folding (Liu et al. 2025): the experts' group (etp · ep) takes its ranks from a
    // stage's tp · cp · dp, not from dp alone.
    let dp = (cp_limit / s.cp.max(1)).max(1);
    let stage_ranks = dp * s.tp.max(1) * s.cp.max(1);
    if let Some(etp) = s.etp.as_mut() {
        at_most("etp", etp, "tp · cp · dp", stage_ranks);
    }
    let ep_limit = (stage_ranks / s.etp.unwrap_or(1).max(1)).max(1);
    at_most("ep", &mut s.ep, "tp · cp · dp / etp", ep_limit);
    if let Some(a) = s.arch.as_ref() {
        at_most("ep", &mut s.ep, "experts", a.experts.max(1));
        if let Some(v) = s.vpp.as_mut() {
            // Layers that do not divide come off the first and last stages (stage_layers), so
            // the busiest stage holds the rounded-up share.
            at_most(
                "vpp",
                v,
                "layers / pp",
                a.layers.div_ceil(s.pp.max(1)).max(1),
            );
        }
    }
    let gb = s.global_batch;
    at_most("micro_batch", &mut s.micro_batch, "global_batch", gb);
    // Zero bubble and DualPipe are modelled without interleaving; DualPipe pairs the stages.
    if s.schedule != Schedule::OneFOneB
        && let Some(v) = s.vpp.filter(|&v| v > 1)
    {
        errors.push(FieldError {
            field: "vpp".into(),
            value: v.to_string(),
            problem: Problem::Unused {
                needs: "pp_schedule=1f1b".into(),
            },
        });
        s.vpp = None;
    }
    if s.schedule == Schedule::DualPipe && !s.pp.is_multiple_of(2) {
        errors.push(FieldError {
            field: "pp_schedule".into(),
            value: s.schedule.id().into(),
            problem: Problem::Unused {
                needs: "an even pp".into(),
            },
        });
        s.schedule = Schedule::OneFOneB;
    }
    if let (Some(active), Some(total)) = (s.active_params, s.params)
        && active > total
    {
        errors.push(FieldError {
            field: "active_params".into(),
            value: active.to_string(),
            problem: Problem::AtMost {
                field: "params".into(),
                value: total,
            },
        });
        s.active_params = None;
    }
}

/// Formats a number in a readable form that reads back to exactly the same value: `15.6T`
/// rather than `15600000000000`, but `16384` rather than `16.384k`.
pub fn format_number(x: f64) -> String {
    for (suffix, scale) in [("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)] {
        if x.abs() >= scale {
            let mantissa = format!("{}", x / scale);
            let short = format!("{mantissa}{suffix}");
            if mantissa.len() <= 4 && parse_number(&short, false) == Ok(x) {
                return short;
            }
        }
    }
    format!("{x}")
}

fn format_value(v: Value) -> Option<String> {
    match v {
        Value::Num(x) => Some(format_number(x)),
        Value::Flag(b) => Some(if b { "1" } else { "0" }.into()),
        Value::Word(w) => Some(w.into()),
        Value::Absent => None,
    }
}

/// Writes the canonical query string (without `?`): `v`, the model, then every field that
/// differs from the default. `parse(&format(s)).scenario == *s` for every scenario `parse` makes.
pub fn format(s: &Scenario) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", &FORMAT_VERSION.to_string());
    let d = Scenario::default();
    match (&s.model, &s.arch) {
        (Some(id), Some(arch)) => {
            out.append_pair("model", id);
            let base = presets::find(id).map(|p| &p.arch);
            for f in ARCH_FIELDS {
                let v = f.get(arch);
                if base.is_none_or(|b| f.get(b) != v)
                    && let Some(text) = format_value(v)
                {
                    out.append_pair(f.name, &text);
                }
            }
        }
        (None, Some(arch)) => {
            let plain = Architecture::dense(1, 1);
            for (i, f) in ARCH_FIELDS.iter().enumerate() {
                let v = f.get(arch);
                if (i < LEGACY_ARCH_FIELDS || v != f.get(&plain))
                    && let Some(text) = format_value(v)
                {
                    out.append_pair(f.name, &text);
                }
            }
        }
        _ => {}
    }
    for (name, v) in [("params", s.params), ("active_params", s.active_params)] {
        if let Some(x) = v {
            out.append_pair(name, &format_number(x));
        }
    }
    match s.data {
        Data::Tokens(t) if s.data != d.data => {
            out.append_pair("tokens", &format_number(t));
        }
        Data::Tokens(_) => {}
        Data::Dataset {
            tb,
            bytes_per_token,
        } => {
            out.append_pair("dataset_tb", &format_number(tb));
            out.append_pair("bytes_per_token", &format_number(bytes_per_token));
        }
    }
    if s.gpu != d.gpu {
        out.append_pair("gpu", &s.gpu);
    }
    if let Some(vs) = &s.vs_gpu {
        out.append_pair("vs_gpu", vs);
    }
    if let Some(run) = &s.calib {
        out.append_pair("calib", &format(run));
    }
    for f in FIELDS {
        let v = f.get(s);
        // A format with an older `weight_bits` spelling is written that way, as links were.
        let legacy = f.name == "weight_format"
            && s.weight_format
                .and_then(WeightFormat::legacy_bits)
                .is_some();
        if v != f.get(&d)
            && !legacy
            && let Some(text) = format_value(v)
        {
            out.append_pair(f.name, &text);
        }
    }
    out.finish()
}

/// A query with an architecture under it: the architecture's fields (as a custom model), then
/// the query's own fields on top, so `layers=40` in the query beats the file's. A `model` in the
/// query is dropped: the architecture names the model. `suanli --config` uses this.
pub fn with_architecture(input: &str, arch: &Architecture) -> String {
    let given: Vec<(String, String)> = form_urlencoded::parse(query_part(input).as_bytes())
        .map(|(k, v)| (k.trim().to_string(), v.into_owned()))
        .filter(|(k, _)| !k.is_empty() && k != "model")
        .collect();
    let mut out = form_urlencoded::Serializer::new(String::new());
    let plain = Architecture::dense(1, 1);
    for (i, f) in ARCH_FIELDS.iter().enumerate() {
        let v = f.get(arch);
        if !given.iter().any(|(k, _)| k == f.name)
            && (i < LEGACY_ARCH_FIELDS || v != f.get(&plain))
            && let Some(text) = format_value(v)
        {
            out.append_pair(f.name, &text);
        }
    }
    for (k, v) in &given {
        out.append_pair(k, v);
    }
    out.finish()
}
