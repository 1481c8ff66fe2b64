//! One scenario, one truth: the scenario at the answer. When the question is not "how many
//! days", the answer is an input the user did not give (the device count, the tokens, the model
//! size). The page, the CLI and the exports then describe the scenario with that answer put in
//! place, so that every figure beside the answer agrees with it: solving for the devices a
//! 60-day deadline needs shows the days on those devices, not on the count typed before.
//!
//! The user's own values stay in their scenario (and in its link): only the view is solved.

use super::query::FieldId;
use super::report::Report;
use super::scenario::{Data, MAX_GPUS, Scenario};
use super::solve::Solve;
use super::training::DAY_S;

/// An input the answer sets; the page shows it read-only and marked as solved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Solved {
    /// The device count (`gpus`).
    Gpus,
    /// The training data (`tokens` or `dataset_tb`).
    Data,
    /// The model: a bare parameter count (`params`), its shape implied.
    Params,
}

impl Solved {
    /// The scenario-language fields that hold it.
    pub fn fields(self) -> &'static [FieldId] {
        match self {
            Solved::Gpus => &[FieldId::Gpus],
            Solved::Data => &[FieldId::Tokens, FieldId::DatasetTb],
            Solved::Params => &[FieldId::Params],
        }
    }
}

impl Solve {
    /// The inputs the answer to this question sets.
    pub fn solved(self) -> &'static [Solved] {
        match self {
            Solve::Days | Solve::Serve => &[],
            Solve::Gpus => &[Solved::Gpus],
            Solve::Tokens | Solve::Budget => &[Solved::Data],
            Solve::Model => &[Solved::Params, Solved::Data],
        }
    }
}

/// Why a question has no answer to put in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unanswered {
    /// "What the budget buys" without a budget: the page asks for one instead of answering 0.
    NoBudget,
    /// No device count holds the model in memory (the report's notice says why).
    NeverFits,
    /// No device count a scenario may have ([`MAX_GPUS`]) meets the deadline: it needs more,
    /// or the batch caps the data-parallel size below what it needs.
    DeadlineOutOfReach,
}

/// The scenario at the answer, or why there is none (then the inputs' own scenario stands).
/// `report_at` is how the caller estimates a scenario (the page reuses its layout search);
/// `at_inputs` is its report of `s` itself, for the questions answered from it.
pub fn at_answer(
    s: &Scenario,
    at_inputs: &Report,
    report_at: impl Fn(&Scenario) -> Report,
) -> Result<Scenario, Unanswered> {
    let mut shown = s.clone();
    match s.solve {
        Solve::Days | Solve::Serve => {}
        Solve::Gpus => {
            if at_inputs.min_gpus_to_fit.is_none() {
                return Err(Unanswered::NeverFits);
            }
            let Some(n) = at_inputs.training.gpus_for_deadline else {
                return Err(Unanswered::DeadlineOutOfReach);
            };
            if n > u64::from(MAX_GPUS) {
                return Err(Unanswered::DeadlineOutOfReach);
            }
            shown.gpus = (n as u32).max(1);
            // The count comes from the report at the inputs; the report at the answer is the
            // caller's own estimate of that scenario (`report_at`), and a count whose own report
            // misses the deadline is no answer either.
            let seconds = report_at(&shown).training.training_seconds;
            if seconds > s.deadline_days * DAY_S * (1.0 + 1e-9) {
                return Err(Unanswered::DeadlineOutOfReach);
            }
        }
        Solve::Tokens => set_tokens(&mut shown, shown_down(at_inputs.answers.tokens_trainable)),
        Solve::Budget => {
            if s.budget.is_none() {
                return Err(Unanswered::NoBudget);
            }
            set_tokens(&mut shown, shown_down(at_inputs.answers.budget_tokens));
        }
        Solve::Model => {
            shown.model = None;
            shown.arch = None;
            shown.active_params = None;
            let params = compute_optimal_params(&shown, &report_at);
            shown.params = Some(params);
            set_tokens(&mut shown, CHINCHILLA_TOKENS_PER_PARAM * params);
        }
    }
    Ok(shown)
}

/// Chinchilla's compute-optimal ratio, tokens per parameter (Hoffmann et al. 2022, Table 3:
/// about 20 at every budget they fitted).
pub const CHINCHILLA_TOKENS_PER_PARAM: f64 = 20.0;

/// The range a bare parameter count may take (the `params` field's).
const PARAMS_RANGE: (f64, f64) = (1e6, 1e14);

/// The model size N whose compute-optimal run (20·N tokens) takes exactly the deadline on the
/// given devices, or spends exactly the budget when one is given. The closed form N = √(C/120)
/// (C = 6ND) leaves out the attention FLOPs and the step model's MFU at N's own shape, so the
/// days on the page would not be the deadline; the run's own report is solved for instead. Its
/// time and cost grow with N, so bisection on log N finds it.
fn compute_optimal_params(shown: &Scenario, report_at: &impl Fn(&Scenario) -> Report) -> f64 {
    let spent = |n: f64| {
        let mut at = shown.clone();
        at.params = Some(n);
        set_tokens(&mut at, CHINCHILLA_TOKENS_PER_PARAM * n);
        let r = report_at(&at);
        match shown.budget {
            Some(b) => r.cost.rental / b,
            None => r.training.training_seconds / (shown.deadline_days * DAY_S),
        }
    };
    let (mut lo, mut hi) = (PARAMS_RANGE.0.ln(), PARAMS_RANGE.1.ln());
    // 40 halvings of a 18-unit log range: N to within 1e-10 of itself, far below the three
    // significant digits shown.
    for _ in 0..40 {
        let mid = 0.5 * (lo + hi);
        if spent(mid.exp()) > 1.0 {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    shown_down(lo.exp())
}

/// Three significant digits, as the page prints a figure, so the input solved for shows what the
/// answer card does (12.3T, not 12345678901234.5); rounded down, so the run stays within the
/// deadline or the budget.
fn shown_down(x: f64) -> f64 {
    if !(x.is_finite() && x > 0.0) {
        return x;
    }
    let scale = 10f64.powi(x.log10().floor() as i32 - 2);
    // Through decimal text, so 12.3T is 1.23e13 and not 12299999999999.998.
    let down = (x / scale * (1.0 + 1e-12)).floor();
    format!("{down}e{}", x.log10().floor() as i32 - 2)
        .parse()
        .unwrap_or(down * scale)
}

/// Puts a total token count (over every epoch) in place, in the unit the data is given in.
fn set_tokens(s: &mut Scenario, total: f64) {
    let per_epoch = total / s.epochs.max(f64::MIN_POSITIVE);
    s.data = match s.data {
        Data::Tokens(_) => Data::Tokens(per_epoch),
        Data::Dataset {
            bytes_per_token, ..
        } => Data::Dataset {
            tb: shown_down(per_epoch * bytes_per_token / 1e12),
            bytes_per_token,
        },
    };
}

/// The scenario at the answer with its report: what the CLI, the exports and the compare table
/// describe. The page does the same through its own memos (it reuses its layout search).
#[derive(Clone, Debug)]
pub struct Answered {
    /// The scenario at the answer (the inputs' own where there is no answer to put in place).
    pub scenario: Scenario,
    /// Its report.
    pub report: Report,
    /// Why there is no answer, if there is none.
    pub unanswered: Option<Unanswered>,
}

/// Answers the scenario's question and reports the scenario at the answer.
pub fn answered(s: &Scenario) -> Answered {
    answered_with(s, super::estimate)
}

/// [`answered`], with the caller's way of estimating a scenario.
pub fn answered_with(s: &Scenario, report_at: impl Fn(&Scenario) -> Report) -> Answered {
    let at_inputs = report_at(s);
    match at_answer(s, &at_inputs, &report_at) {
        Ok(shown) if shown == *s => Answered {
            scenario: shown,
            report: at_inputs,
            unanswered: None,
        },
        Ok(shown) => Answered {
            report: report_at(&shown),
            scenario: shown,
            unanswered: None,
        },
        Err(why) => Answered {
            scenario: s.clone(),
            report: at_inputs,
            unanswered: Some(why),
        },
    }
}

/// The same question on the accelerator to compare with (`vs_gpu`), if one other than the
/// scenario's is chosen: the scenario's figures that belong to its own device (a typed peak,
/// memory, bandwidth, power, prices, network) give way to the other's catalog row.
pub fn versus(s: &Scenario) -> Option<Scenario> {
    let id = s.vs_gpu.as_ref().filter(|id| **id != s.gpu)?;
    let mut other = s.clone();
    other.gpu = id.clone();
    other.vs_gpu = None;
    other.peak_tflops = None;
    other.hbm_gb = None;
    other.bandwidth_gbs = None;
    other.power_w = None;
    other.gpu_price = None;
    other.price_per_gpu_hour = None;
    other.price_reserved_1y = None;
    other.price_reserved_3y = None;
    other.price_spot = None;
    other.net_gbps = None;
    Some(other)
}
