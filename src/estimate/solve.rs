//! Solving for the unknown the user asks about (docs/model.md §3): training days (the default),
//! devices for a deadline, tokens trainable in a time, the compute-optimal model for a compute or
//! money budget, and what a money budget buys.

use super::resolve::Resolved;
use super::training::{DAY_S, model_flops_per_token};
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

/// Every answer, from the resolved scenario (its MFU as the figures use it), the rental price and
/// the run's rental cost.
pub fn answers(r: &Resolved, price_per_gpu_hour: f64, rental: f64) -> Answers {
    let s = r.s;
    let rate = r.peak_flops * r.mfu;
    let per_token = model_flops_per_token(r).max(f64::MIN_POSITIVE);
    let deadline_flops = f64::from(s.gpus) * rate * s.deadline_days * DAY_S;
    let budget_gpu_hours = match (s.budget, price_per_gpu_hour > 0.0) {
        (Some(b), true) => b / price_per_gpu_hour,
        _ => 0.0,
    };
    let budget_flops = budget_gpu_hours * 3600.0 * rate;
    let compute_budget_flops = if s.budget.is_some() {
        budget_flops
    } else {
        deadline_flops
    };
    let optimal_params = (compute_budget_flops / 120.0).sqrt();
    Answers {
        tokens_trainable: deadline_flops / per_token,
        compute_budget_flops,
        optimal_params,
        optimal_tokens: 20.0 * optimal_params,
        budget_gpu_hours,
        budget_seconds: budget_gpu_hours * 3600.0 / f64::from(s.gpus.max(1)),
        budget_tokens: budget_flops / per_token,
        budget_share: match s.budget {
            Some(b) if rental > 0.0 => b / rental,
            _ => 0.0,
        },
    }
    .finite()
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
