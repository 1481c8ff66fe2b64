//! The validation discipline of the step model (docs/model.md §9): its four constants are fitted
//! on three named throughput tables and nothing else; its accuracy is the error on published runs
//! it was not fitted to; the page's error band and "outside the validated ground" flag come from
//! those runs.

use super::efficiency::Efficiency;
use super::precision::Precision;
use super::reference::{REFERENCES, Reference, Role};
use super::report::Report;
use super::scenario::Scenario;
use serde::Serialize;
use std::sync::OnceLock;

/// A table the constants may be fitted to: its rows are the `Role::Fitted` rows whose run starts
/// with `prefix`.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// What it is, with its source.
    pub name: &'static str,
    /// The run names' prefix.
    pub prefix: &'static str,
}

/// The three throughput tables of docs/model.md §9.
pub const TABLES: [Table; 3] = [
    Table {
        name: "Megatron-LM on A100 (Narayanan et al. 2021, Table 1)",
        prefix: "Megatron GPT",
    },
    Table {
        name: "Megatron-Core on H100 (Megatron-LM README, 2024)",
        prefix: "Megatron-Core GPT",
    },
    Table {
        name: "NeMo's long-sequence Llama 2 7B on H100, 4k to 1M tokens (NeMo 24.03 documentation)",
        prefix: "NeMo long-sequence",
    },
];

impl Table {
    /// The table's rows.
    pub fn rows(&self) -> Vec<&'static Reference> {
        REFERENCES
            .iter()
            .filter(|r| r.role == Role::Fitted && r.run.starts_with(self.prefix))
            .collect()
    }
}

/// The published runs the step model is held to, fitted and held out (not the formula checks):
/// the span of their device counts is [`CHECKED_DEVICES`].
pub fn published_rows() -> impl Iterator<Item = &'static Reference> {
    REFERENCES
        .iter()
        .filter(|r| matches!(r.role, Role::Fitted | Role::HeldOut))
}

/// The held-out rows.
pub fn held_out_rows() -> Vec<&'static Reference> {
    REFERENCES
        .iter()
        .filter(|r| r.role == Role::HeldOut)
        .collect()
}

/// Mean and worst absolute relative error over some rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Errors {
    /// Rows.
    pub rows: usize,
    /// Mean absolute relative error.
    pub mean: f64,
    /// Largest absolute relative error.
    pub worst: f64,
}

/// The errors of `rows` with the efficiencies `e`.
pub fn errors_at(rows: &[&Reference], e: Efficiency) -> Errors {
    let errs: Vec<f64> = rows.iter().map(|r| r.error_at(e).abs()).collect();
    Errors::of(&errs)
}

impl Errors {
    /// Mean and worst of some absolute relative errors.
    fn of(errs: &[f64]) -> Errors {
        Errors {
            rows: errs.len(),
            mean: errs.iter().sum::<f64>() / errs.len().max(1) as f64,
            worst: errs.iter().copied().fold(0.0, f64::max),
        }
    }
}

/// The grids the constants are fitted over.
const KERNEL: (f64, f64, f64) = (0.60, 0.90, 0.01);
const HALF_DIM: [f64; 9] = [
    64.0, 128.0, 192.0, 256.0, 320.0, 384.0, 512.0, 768.0, 1024.0,
];
const ATTENTION: (f64, f64, f64) = (0.10, 0.40, 0.02);
const ROW_KEYS: [f64; 7] = [0.0, 256.0, 512.0, 768.0, 1024.0, 1536.0, 2048.0];

/// Issue 13's bounds on each fitted table: mean absolute error at most 5 %, no row beyond 10 %.
pub const TABLE_MEAN_BOUND: f64 = 0.05;
/// See [`TABLE_MEAN_BOUND`].
pub const TABLE_WORST_BOUND: f64 = 0.10;

fn grid((from, to, step): (f64, f64, f64)) -> Vec<f64> {
    (0..)
        .map(|i| from + f64::from(i) * step)
        .take_while(|x| *x <= to + 1e-9)
        .map(|x| (x / step).round() * step)
        .collect()
}

/// The constants that minimise the mean absolute error over `rows`, searched over the whole grid,
/// among those that keep every table's rows in `rows` within issue 13's bounds
/// ([`TABLE_MEAN_BOUND`], [`TABLE_WORST_BOUND`]); the unconstrained minimum where none does.
/// Where two candidates tie (a constant no row in `rows` depends on, such as the FlashAttention
/// row cost for the unfused A100 table alone), the first in the grid is kept.
pub fn fit(rows: &[&Reference]) -> Efficiency {
    // Each row's scenario is parsed once; the table each row belongs to, if any, is looked up
    // once, and the tables' bounds and the overall mean are read from the same errors.
    let scenarios: Vec<Scenario> = rows.iter().map(|r| r.scenario()).collect();
    let table_of: Vec<Option<usize>> = rows
        .iter()
        .map(|r| TABLES.iter().position(|t| r.run.starts_with(t.prefix)))
        .collect();
    // One candidate: whether every table is within its bounds, and the mean error.
    let score = |e: Efficiency| {
        let errs: Vec<f64> = rows
            .iter()
            .zip(&scenarios)
            .map(|(r, s)| r.error_of(s, e).abs())
            .collect();
        let within = (0..TABLES.len()).all(|t| {
            let table: Vec<f64> = errs
                .iter()
                .zip(&table_of)
                .filter(|(_, of)| **of == Some(t))
                .map(|(x, _)| *x)
                .collect();
            let x = Errors::of(&table);
            table.is_empty() || (x.mean <= TABLE_MEAN_BOUND && x.worst <= TABLE_WORST_BOUND)
        });
        (within, Errors::of(&errs).mean, e)
    };
    // Keeps `c` where it is strictly better than the best so far: within the bounds where that
    // is not, or a lower mean; the first of equal candidates stays.
    let keep = |best: &mut Option<(bool, f64, Efficiency)>, c: (bool, f64, Efficiency)| {
        if best
            .as_ref()
            .is_none_or(|b| (c.0 && !b.0) || (c.0 == b.0 && c.1 < b.1))
        {
            *best = Some(c);
        }
    };
    let attentions = grid(ATTENTION);
    let best_of = |kernels: &[f64]| {
        let mut best = None;
        for &kernel in kernels {
            for &gemm_half_dim in &HALF_DIM {
                for &attention in &attentions {
                    for &attention_row_keys in &ROW_KEYS {
                        let c = score(Efficiency {
                            kernel,
                            gemm_half_dim,
                            attention,
                            attention_row_keys,
                        });
                        keep(&mut best, c);
                    }
                }
            }
        }
        best
    };
    // The grid split over the cores by kernel rate; the parts' winners are merged in grid
    // order, so the first of equal candidates wins as in one pass.
    let kernels = grid(KERNEL);
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let parts: Vec<Option<(bool, f64, Efficiency)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = kernels
            .chunks(kernels.len().div_ceil(cores))
            .map(|part| scope.spawn(move || best_of(part)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a fit thread panicked"))
            .collect()
    });
    let mut best = None;
    for c in parts.into_iter().flatten() {
        keep(&mut best, c);
    }
    best.map_or(Efficiency::FITTED, |(_, _, e)| e)
}

/// One held-out run's error with the shipped constants.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeldOut {
    /// The run.
    pub run: &'static str,
    /// Relative error of the prediction.
    pub error: f64,
    /// A mixture of experts.
    pub moe: bool,
    /// Whether the run lies inside the ground the page gives a band for ([`ground`]); a published
    /// run outside it is still reported, and is why that part of the ground is excluded.
    pub inside: bool,
}

/// The held-out runs' errors, computed once.
pub fn held_out() -> &'static [HeldOut] {
    static ERRORS: OnceLock<Vec<HeldOut>> = OnceLock::new();
    ERRORS.get_or_init(|| {
        held_out_rows()
            .into_iter()
            .map(|r| {
                // One estimate per row for its error and its ground.
                let (scenario, report) = r.evaluate();
                HeldOut {
                    run: r.run,
                    error: r.error_in(&report),
                    moe: r.is_moe(),
                    inside: ground(&scenario, &report).is_ok(),
                }
            })
            .collect()
    })
}

/// The predicted MFU's error band: the held-out error of runs of the same class (dense or MoE).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// The class is a mixture of experts.
    pub moe: bool,
    /// Held-out runs of the class.
    pub runs: usize,
    /// Their mean absolute error: the band's half-width, relative.
    pub mean_error: f64,
    /// Their worst absolute error.
    pub worst_error: f64,
    /// The low end of the MFU band.
    pub mfu_low: f64,
    /// The high end of the MFU band.
    pub mfu_high: f64,
}

/// Why a scenario is outside the ground the step model was checked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutsideGround {
    /// No published run on this accelerator.
    Accelerator,
    /// More devices than the largest checked run (16,384) or fewer than the smallest (16).
    Devices,
    /// A precision no published run used (only BF16, FP16 and FP8 are checked).
    Precision,
    /// A given peak, memory or bandwidth overrides the catalog's.
    CustomFigures,
    /// ZeRO-3 (FSDP) with routed experts: the one published run, Megatron FSDP on Qwen3-235B,
    /// is missed by far (docs/model.md §9), so no band is claimed.
    ShardedExperts,
}

/// The accelerators with published runs among the fitted and held-out rows.
pub const CHECKED_ACCELERATORS: [&str; 3] = ["a100-80g-sxm", "h100-sxm", "h800-sxm"];
/// The device counts the published runs span.
pub const CHECKED_DEVICES: (u32, u32) = (4, 16_384);

/// Whether the step model was checked on scenarios like this one.
pub fn ground(s: &Scenario, rep: &Report) -> Result<(), OutsideGround> {
    if !CHECKED_ACCELERATORS.contains(&s.gpu.as_str()) {
        return Err(OutsideGround::Accelerator);
    }
    if s.peak_tflops.is_some() || s.hbm_gb.is_some() || s.bandwidth_gbs.is_some() {
        return Err(OutsideGround::CustomFigures);
    }
    let devices = rep.layout.devices();
    if devices < CHECKED_DEVICES.0 || devices > CHECKED_DEVICES.1 {
        return Err(OutsideGround::Devices);
    }
    if !matches!(
        rep.precision_used,
        Precision::Bf16 | Precision::Fp16 | Precision::Fp8
    ) {
        return Err(OutsideGround::Precision);
    }
    if rep.layout.zero >= 3 && rep.params_breakdown.routed_experts > 0.0 {
        return Err(OutsideGround::ShardedExperts);
    }
    Ok(())
}

/// Whether a published row's scenario lies inside the ground the step model claims a band for.
pub fn inside_ground(r: &Reference) -> bool {
    let (scenario, report) = r.evaluate();
    ground(&scenario, &report).is_ok()
}

/// The predicted MFU's band for this scenario, or why it is outside the checked ground; `None`
/// when the MFU is given rather than predicted.
pub fn band_for(s: &Scenario, rep: &Report) -> Option<Result<Band, OutsideGround>> {
    s.mfu_auto.then(|| {
        ground(s, rep).map(|()| band(rep.step.mfu, rep.params_breakdown.routed_experts > 0.0))
    })
}

/// The band of a predicted MFU for a run of this class, from the held-out runs of that class
/// inside the ground: the published value lies within `mfu / (1 ± mean error)` on average.
pub fn band(mfu: f64, moe: bool) -> Band {
    let runs: Vec<f64> = held_out()
        .iter()
        .filter(|h| h.moe == moe && h.inside)
        .map(|h| h.error.abs())
        .collect();
    let mean_error = runs.iter().sum::<f64>() / runs.len().max(1) as f64;
    Band {
        moe,
        runs: runs.len(),
        mean_error,
        worst_error: runs.iter().copied().fold(0.0, f64::max),
        mfu_low: mfu / (1.0 + mean_error),
        mfu_high: mfu / (1.0 - mean_error).max(0.05),
    }
}
