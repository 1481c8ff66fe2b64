//! What limits the device count a deadline needs, and the cheapest change of layout that lifts a
//! memory limit (docs/model.md §3).

use super::layout::Layout;
use super::memory::min_gpus_to_fit;
use super::resolve::Resolved;
use super::scenario::Recompute;
use super::training::round_to_replicas;
use serde::Serialize;

/// What sets the count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitedBy {
    /// The compute the deadline needs: the count is the FLOPs over the time, rounded.
    Compute,
    /// Memory: the layout needs more devices to fit than the compute does.
    Memory,
    /// The deadline: the tokens or the model trainable in it (`solve=tokens`, `solve=model`).
    Deadline,
    /// The money budget (`solve=budget`, or `solve=model` with a budget).
    Budget,
    /// The users' load and the latency asked for (`solve=serve`).
    Load,
}

/// A change of layout and the count it needs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fix {
    /// The change, in the link language (`zero=2`, `recompute=full`, `tp=16`, `pp=8`).
    pub change: String,
    /// Devices the deadline needs with it.
    pub gpus: u64,
}

/// What limits the deadline's count at `layout`, and, when memory does, the cheapest single
/// change that fits at (or nearest to) the compute's count: a higher ZeRO stage (communication
/// only), then full recomputation (a third more compute), then twice the TP or PP.
/// `fits_from` is `min_gpus_to_fit` at `layout`, which the report has already computed.
pub fn deadline_limit(r: &Resolved, raw: f64, fits_from: Option<u64>) -> (LimitedBy, Option<Fix>) {
    let layout = r.layout;
    let compute = round_to_replicas(raw, layout.replica());
    if fits_from.is_some_and(|fit| fit <= compute) {
        return (LimitedBy::Compute, None);
    }
    let count = |r: &Resolved| -> Option<u64> {
        let compute = round_to_replicas(raw, r.layout.replica());
        min_gpus_to_fit(r, r.layout.zero).map(|fit| fit.max(compute))
    };
    let mut candidates: Vec<(String, Layout)> = Vec::new();
    for zero in layout.zero + 1..=3 {
        candidates.push((format!("zero={zero}"), Layout { zero, ..layout }));
    }
    if layout.recompute != Recompute::Full {
        candidates.push((
            "recompute=full".into(),
            Layout {
                recompute: Recompute::Full,
                ..layout
            },
        ));
    }
    let tp = layout.tp * 2;
    if tp <= r.gpu.scale_up_domain && r.arch.heads.is_multiple_of(tp) {
        candidates.push((format!("tp={tp}"), Layout { tp, ..layout }));
    }
    let pp = layout.pp * 2;
    if pp <= r.arch.layers {
        candidates.push((format!("pp={pp}"), Layout { pp, ..layout }));
    }
    let mut r = r.clone();
    let mut best: Option<Fix> = None;
    for (change, candidate) in candidates {
        r.layout = candidate;
        let Some(gpus) = count(&r) else { continue };
        let lifts = gpus == round_to_replicas(raw, candidate.replica());
        if lifts {
            return (LimitedBy::Memory, Some(Fix { change, gpus }));
        }
        if best.as_ref().is_none_or(|b| gpus < b.gpus) {
            best = Some(Fix { change, gpus });
        }
    }
    (LimitedBy::Memory, best)
}
