//! Calibration to the user's own cluster (docs/model.md §9): a run they measured (its model and
//! layout, and its step time, tokens per second per device or MFU) sets one factor on the step
//! model's compute efficiencies, and every figure of the planned run is timed with it.
//!
//! Only the compute rates are scaled: the measured run's communication, bubble and memory stay
//! the mechanisms' own, so a run that waits on its network is not mistaken for slow kernels. The
//! factor is found by bisection, as the step time falls monotonically with it.

use super::efficiency::Efficiency;
use super::resolve::Resolved;
use super::scenario::{Measured, Scenario, Schedule};
use super::search;
use super::step::step_time;
use serde::Serialize;

/// The factor is searched from `1/MAX_SLOWDOWN`, below which a measurement says more about a
/// mismatch between the run and its description than about the cluster, up to the factor at which
/// the GEMMs or the attention would reach the chip's maximum achievable rate: no cluster is faster.
pub const MAX_SLOWDOWN: f64 = 4.0;

/// What a calibration found. The JSON keys are the report's `calibration.*` keys.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Calibration {
    /// The factor on the fitted compute efficiencies.
    pub factor: f64,
    /// The measured run's step time as measured, s.
    pub measured_step_s: f64,
    /// The measured run's step time the fitted model predicts, s.
    pub predicted_step_s: f64,
    /// The measured run's MFU as measured.
    pub measured_mfu: f64,
    /// Whether the factor reproduces the measurement (false: it hit a bound).
    pub matched: bool,
}

/// The scenario resolved with its calibration applied, if it has one. Every estimate starts here.
pub fn resolve(s: &Scenario) -> (Resolved<'_>, Option<Calibration>) {
    let mut r = Resolved::new(s);
    let found = s
        .calib
        .as_deref()
        .zip(s.measured())
        .map(|(run, m)| fit(run, m));
    if let Some(c) = found {
        r.efficiency = Efficiency::FITTED.scaled(c.factor);
    }
    (r, found)
}

/// The layout a scenario is timed at: the search's best with `layout=auto`, otherwise the given
/// one with the fastest interleaving when `vpp` is left empty.
pub fn timed_layout(r: &Resolved) -> super::layout::Layout {
    if r.s.layout_auto {
        search::search(r).best[0].layout
    } else if r.s.vpp.is_none() && r.layout.pp > 1 && r.layout.schedule == Schedule::OneFOneB {
        search::tune_interleaving(r, r.layout)
    } else {
        r.layout
    }
}

/// The layout a measured run is timed at, from its scenario: what the page shows beside the
/// run, so that it names the layout the calibration used without resolving the scenario itself.
pub fn run_layout(run: &Scenario) -> super::layout::Layout {
    timed_layout(&Resolved::new(run))
}

/// The factor that makes the model reproduce `measured` on `run`.
pub fn fit(run: &Scenario, measured: Measured) -> Calibration {
    let mut r = Resolved::new(run);
    r.layout = timed_layout(&r);
    let at = |r: &mut Resolved, factor: f64| {
        r.efficiency = Efficiency::FITTED.scaled(factor);
        step_time(r)
    };
    let fitted = at(&mut r, 1.0);
    // Each measure as a step time: the step's tokens and model FLOPs are the model's own.
    let measured_step_s = match measured {
        Measured::StepS(t) => t,
        Measured::TokensPerGpuS(x) => {
            fitted.tokens_per_s / f64::from(r.layout.devices()) / x * fitted.time_s
        }
        Measured::Mfu(m) => fitted.mfu / m * fitted.time_s,
    };
    let fitted_e = Efficiency::FITTED;
    let (mut lo, mut hi) = (
        1.0 / MAX_SLOWDOWN,
        (1.0 / fitted_e.kernel).min(1.0 / fitted_e.attention),
    );
    let matched =
        at(&mut r, hi).time_s <= measured_step_s && at(&mut r, lo).time_s >= measured_step_s;
    // Bisection on the logarithm: the step time falls as the factor grows.
    for _ in 0..48 {
        let mid = (lo * hi).sqrt();
        if at(&mut r, mid).time_s > measured_step_s {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Calibration {
        factor: (lo * hi).sqrt(),
        measured_step_s,
        predicted_step_s: fitted.time_s,
        measured_mfu: fitted.mfu * fitted.time_s / measured_step_s,
        matched,
    }
}
