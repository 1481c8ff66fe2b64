//! Solving for the unknown the user asks about (docs/model.md §3): training days (the default),
//! devices for a deadline, tokens trainable in a time, the compute-optimal model for a compute or
//! money budget, and what a money budget buys.

use super::calc::Quantity;
use super::resolve::Resolved;
use super::training::{DAY_S, chinchilla_params_as, model_flops_per_token};
use serde::Serialize;

pub use super::scenario::Solve;

/// The answers to every question, whichever is asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Answers {
    /// Tokens the devices train within the deadline: n · F_peak · MFU · T / (6·N_act).
    pub tokens_trainable: f64,
    /// The compute budget the optimum is for, FLOPs: what the budget buys when one is given,
    /// else the devices over the deadline.
    pub compute_budget_flops: f64,
    /// Chinchilla-optimal parameters for that budget: sqrt(C / 120) (Hoffmann et al. 2022).
    pub optimal_params: f64,
    /// Chinchilla-optimal tokens: 20 · N_opt.
    pub optimal_tokens: f64,
    /// Device-hours the money budget buys at the rental price (0 without a budget).
    pub budget_gpu_hours: f64,
    /// How long those device-hours last on the given devices, s.
    pub budget_seconds: f64,
    /// Tokens those device-hours train.
    pub budget_tokens: f64,
    /// The budget over the run's rental cost (1 or more: the run fits in it).
    pub budget_share: f64,
}

/// Every answer, from the resolved scenario (its MFU as the figures use it), the rental price,
/// spot's wall factor (`None` in the other tiers) and the run's rental cost.
pub fn answers(
    r: &Resolved,
    price_per_gpu_hour: f64,
    wall_factor: Option<f64>,
    rental: f64,
) -> Answers {
    let s = r.s;
    let per_token = model_flops_per_token(r).max(f64::MIN_POSITIVE);
    let deadline_flops = deadline_flops_as(f64::from(s.gpus), r.peak_flops, r.mfu, s.deadline_days);
    let budget_gpu_hours = match (s.budget, price_per_gpu_hour > 0.0) {
        (Some(b), true) => budget_gpu_hours_as(b, price_per_gpu_hour, wall_factor),
        _ => 0.0,
    };
    let budget_flops = budget_flops_as(budget_gpu_hours, r.peak_flops, r.mfu);
    let compute_budget_flops = if s.budget.is_some() {
        budget_flops
    } else {
        deadline_flops
    };
    let optimal_params = chinchilla_params_as(compute_budget_flops);
    Answers {
        tokens_trainable: tokens_as(deadline_flops, per_token),
        compute_budget_flops,
        optimal_params,
        optimal_tokens: 20.0 * optimal_params,
        budget_gpu_hours,
        budget_seconds: budget_seconds_as(budget_gpu_hours, f64::from(s.gpus.max(1))),
        budget_tokens: tokens_as(budget_flops, per_token),
        budget_share: match s.budget {
            Some(b) if rental > 0.0 => b / rental,
            _ => 0.0,
        },
    }
    .finite()
}

// The answers' formulas, each written once over a Quantity: `answers` computes them on numbers
// and the report's derivation rows print them with the user's numbers (docs/model.md §3, §7).

/// The FLOPs the devices do by the deadline: n · F_peak · MFU · T_deadline · 86400.
#[inline]
pub fn deadline_flops_as<Q: Quantity>(gpus: f64, peak_flops: f64, mfu: f64, days: f64) -> Q {
    Q::product([
        Q::of(gpus),
        Q::product([Q::of(peak_flops), Q::of(mfu)]),
        Q::of(days),
        Q::of(DAY_S),
    ])
}

/// The FLOPs device-hours buy: GPU-hours · 3600 · F_peak · MFU.
#[inline]
pub fn budget_flops_as<Q: Quantity>(gpu_hours: Q, peak_flops: f64, mfu: f64) -> Q {
    Q::product([
        gpu_hours,
        Q::of(3600.0),
        Q::product([Q::of(peak_flops), Q::of(mfu)]),
    ])
}

/// The tokens a compute budget trains: C / model FLOPs per token (6·N_act; Kaplan et al. 2020
/// Table 1).
#[inline]
pub fn tokens_as<Q: Quantity>(flops: Q, flops_per_token: f64) -> Q {
    Q::quotient(flops, Q::of(flops_per_token))
}

/// The device-hours a money budget buys: budget / price per device-hour, each hour on spot
/// costing its restarts too (× the wall factor, `None` in the other tiers).
#[inline]
pub fn budget_gpu_hours_as<Q: Quantity>(budget: f64, price: f64, wall_factor: Option<f64>) -> Q {
    let per_hour = match wall_factor {
        Some(wall) => Q::product([Q::of(price), Q::of(wall)]),
        None => Q::of(price),
    };
    Q::quotient(Q::of(budget), per_hour)
}

/// How long device-hours last on n devices: GPU-hours · 3600 / n, s.
#[inline]
pub fn budget_seconds_as<Q: Quantity>(gpu_hours: Q, gpus: f64) -> Q {
    Q::quotient(Q::product([gpu_hours, Q::of(3600.0)]), Q::of(gpus))
}

impl Answers {
    /// Keeps every figure finite: the page never shows NaN or infinity.
    fn finite(mut self) -> Self {
        for x in [
            &mut self.tokens_trainable,
            &mut self.compute_budget_flops,
            &mut self.optimal_params,
            &mut self.optimal_tokens,
            &mut self.budget_gpu_hours,
            &mut self.budget_seconds,
            &mut self.budget_tokens,
            &mut self.budget_share,
        ] {
            if !x.is_finite() {
                *x = 0.0;
            }
        }
        self
    }
}
