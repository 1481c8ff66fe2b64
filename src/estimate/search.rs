//! The layout search: every combination of TP, PP, DP, EP (folded over TP and CP, or within
//! DP), CP, interleaving, micro-batch,
//! recomputation and ZeRO stage consistent with the device count, the global batch, the heads,
//! layers and experts and the scale-up domain; those that fit in memory ranked by step time
//! (docs/model.md §6).

use super::layout::{Layout, ep_overlap_applies};
use super::memory::{Memory, memory_at};
use super::resolve::Resolved;
use super::scenario::{Recompute, Schedule};
use super::step::{StepTime, step_time};
use serde::Serialize;

/// How many of the best layouts the report lists.
pub const LISTED: usize = 10;

/// One evaluated layout. The JSON keys are those of the report's `layouts` entries.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Candidate {
    /// The layout.
    pub layout: Layout,
    /// Step time, s.
    pub time_s: f64,
    /// Predicted MFU.
    pub mfu: f64,
    /// Memory per device at the busiest stage, bytes.
    pub memory_bytes: f64,
    /// Whether it fits in the device's memory.
    pub fits: bool,
    /// The step's parts (not a `layouts` key: the page's table and chart read it).
    #[serde(skip)]
    pub step: StepTime,
}

/// Evaluates one layout.
pub fn evaluate(r: &mut Resolved, layout: Layout) -> Candidate {
    r.layout = layout;
    let memory = memory_at(r, layout.zero, layout.dp);
    timed(r, memory)
}

/// The candidate at `r.layout`, whose memory is already known.
fn timed(r: &Resolved, memory: Memory) -> Candidate {
    let step = step_time(r);
    Candidate {
        layout: r.layout,
        time_s: step.time_s,
        mfu: step.mfu,
        memory_bytes: memory.total_bytes,
        fits: memory.fits,
        step,
    }
}

/// Powers of two from 1 up to `limit`.
fn powers_of_two(limit: u32) -> impl Iterator<Item = u32> {
    (0..31).map(|k| 1u32 << k).take_while(move |&x| x <= limit)
}

/// The interleavings a pipeline of `pp` stages can use: `v` virtual stages need the busiest
/// stage's layers to split into `v` equal chunks (Megatron's
/// `--num-layers-per-virtual-pipeline-stage`).
pub fn interleavings(layers: u32, pp: u32) -> impl Iterator<Item = u32> {
    let most = layers.div_ceil(pp.max(1));
    (1..=most.min(16)).filter(move |&v| v == 1 || (pp > 1 && most.is_multiple_of(v)))
}

/// The schedules a pipeline of `pp` stages can run: 1F1B at each interleaving, zero bubble, and
/// DualPipe where the stages pair up (an even `pp`; DeepSeek-V3 sec. 3.2.1). One stage has no
/// schedule to choose.
pub fn schedules(layers: u32, pp: u32) -> impl Iterator<Item = (Schedule, u32)> {
    let others = if pp > 1 {
        [
            Some((Schedule::ZeroBubble, 1)),
            pp.is_multiple_of(2).then_some((Schedule::DualPipe, 1)),
        ]
    } else {
        [None, None]
    };
    interleavings(layers, pp)
        .map(|v| (Schedule::OneFOneB, v))
        .chain(others.into_iter().flatten())
}

/// The fastest that fits of a layout's recomputation and ZeRO choices. Time grows with
/// recomputation (none, selective, full) and with ZeRO-3's gathers, while ZeRO 0-2 take the same
/// time here (1 and 2 need less memory than 0). So for each recomputation mode, cheapest first:
/// ZeRO 1 or 2 if either fits, and nothing slower can then win; otherwise ZeRO-3 if it fits, and
/// the next mode is tried too.
fn fastest_fitting(r: &mut Resolved, base: Layout, mut keep: impl FnMut(Candidate)) {
    // The step is timed only for a choice that fits; its memory is computed once.
    let fitting = |r: &mut Resolved, recompute, zero| {
        r.layout = Layout {
            recompute,
            zero,
            ..base
        };
        let memory = memory_at(r, zero, base.dp);
        memory.fits.then(|| timed(r, memory))
    };
    for recompute in [Recompute::None, Recompute::Selective, Recompute::Full] {
        if let Some(c) = [1, 2].into_iter().find_map(|z| fitting(r, recompute, z)) {
            keep(c);
            return;
        }
        if let Some(c) = fitting(r, recompute, 3) {
            keep(c);
        }
    }
}

/// Keeps the `LISTED` fastest candidates, fastest first.
#[derive(Default)]
struct Best {
    list: Vec<Candidate>,
}

impl Best {
    fn offer(&mut self, c: Candidate) {
        if self.list.len() == LISTED
            && self
                .list
                .last()
                .is_some_and(|worst| worst.time_s <= c.time_s)
        {
            return;
        }
        let at = self.list.partition_point(|x| x.time_s <= c.time_s);
        self.list.insert(at, c);
        self.list.truncate(LISTED);
    }
}

/// What a search found.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The fastest layouts that fit, fastest first; if none fits, the given layout alone,
    /// marked as not fitting.
    pub best: Vec<Candidate>,
    /// Layouts evaluated.
    pub evaluated: usize,
}

/// Searches every layout on the scenario's device count (docs/model.md §6).
pub fn search(r: &Resolved) -> Found {
    let mut r = r.clone();
    let a = r.arch.clone();
    let s = r.s;
    let gpus = s.gpus.max(1);
    let mut best = Best::default();
    let mut evaluated = 0usize;
    let tp_limit = r.gpu.scale_up_domain.min(64);
    let sp = s.sp;
    for tp in powers_of_two(tp_limit) {
        if !a.heads.is_multiple_of(tp)
            || !(a.kv_heads.is_multiple_of(tp) || tp.is_multiple_of(a.kv_heads.max(1)))
            || !gpus.is_multiple_of(tp)
        {
            continue;
        }
        for cp in powers_of_two(8) {
            // Ring attention needs long sequences: at least 2048 tokens per rank.
            if cp > 1 && s.seq / cp < 2048 || !(gpus / tp).is_multiple_of(cp) {
                continue;
            }
            let rest = gpus / tp / cp;
            for pp in 1..=a.layers.min(rest).min(128) {
                if !rest.is_multiple_of(pp) {
                    continue;
                }
                let dp = rest / pp;
                if s.global_batch < dp {
                    continue;
                }
                let per_replica = s.global_batch / dp;
                // Expert groups: (ep, etp). Before folding, ep divides dp·cp and the experts
                // split over tp (etp = tp); folded (Liu et al. 2025), the group of etp · ep
                // takes its ranks from the stage's tp · cp · dp, with etp = 1 as NVIDIA's MoE
                // recipes use it, so ep can exceed dp.
                let stage = tp * cp * dp;
                let groups: Vec<(u32, u32)> = if a.is_moe() {
                    powers_of_two(a.experts.min(stage))
                        .filter(|&e| a.experts.is_multiple_of(e))
                        .flat_map(|e| {
                            let unfolded = (dp * cp).is_multiple_of(e).then_some((e, tp));
                            let folded = (tp > 1 && stage.is_multiple_of(e)).then_some((e, 1));
                            unfolded.into_iter().chain(folded)
                        })
                        .collect()
                } else {
                    vec![(1, tp)]
                };
                for &(ep, etp) in &groups {
                    for micro_batch in powers_of_two(8.min(per_replica)) {
                        for (schedule, vpp) in schedules(a.layers, pp) {
                            let base = Layout {
                                tp,
                                pp,
                                dp,
                                ep,
                                etp,
                                cp,
                                vpp,
                                schedule,
                                micro_batch,
                                recompute: Recompute::Selective,
                                zero: 1,
                                sp: sp && tp > 1,
                                tp_overlap: s.tp_overlap && sp && tp > 1,
                                ep_overlap: ep_overlap_applies(s.ep_overlap, ep, schedule),
                            };
                            fastest_fitting(&mut r, base, |c| {
                                evaluated += 1;
                                best.offer(c)
                            });
                        }
                    }
                }
            }
        }
    }
    if best.list.is_empty() {
        let given = Layout::of(s);
        best.list.push(evaluate(&mut r, given));
    }
    Found {
        best: best.list,
        evaluated,
    }
}

/// The given layout with the interleaving that runs fastest within memory, as Megatron users
/// tune `--num-layers-per-virtual-pipeline-stage` (vpp 1 when none fits).
/// When none fits, the fastest all the same: the memory verdict says it does not fit, and the
/// step is timed as the run would be launched.
pub fn tune_interleaving(r: &Resolved, layout: Layout) -> Layout {
    let mut r = r.clone();
    let mut chosen = (Layout { vpp: 1, ..layout }, false, f64::INFINITY);
    for vpp in interleavings(r.arch.layers, layout.pp) {
        let c = evaluate(&mut r, Layout { vpp, ..layout });
        // Fitting first, then faster.
        if (c.fits, -c.time_s) > (chosen.1, -chosen.2) {
            chosen = (c.layout, c.fits, c.time_s);
        }
    }
    chosen.0
}

/// The fewest devices (whole replicas of the layout, never below `floor`) that finish
/// `training_flops` within the deadline when the MFU is the step-time model's at each count:
/// doubling then bisection over the data-parallel size, as the MFU falls slowly with it. `None`
/// when even the largest count searched misses the deadline.
pub fn gpus_for_deadline(r: &Resolved, training_flops: f64, floor: f64) -> Option<u64> {
    let mut r = r.clone();
    let replica = r.layout.replica();
    let deadline_s = r.s.deadline_days * super::training::DAY_S;
    const MAX_DP: u32 = 1 << 22;
    let mut meets = |dp: u32| {
        r.layout.dp = dp;
        let mfu = step_time(&r).mfu;
        let n = f64::from(dp) * f64::from(replica);
        n >= floor && training_flops / (n * r.peak_flops * mfu) <= deadline_s
    };
    // Counts stay within u32 devices.
    let max_dp = MAX_DP.min(u32::MAX / replica.max(1));
    let mut hi = 1;
    while hi < max_dp && !meets(hi) {
        hi = hi.saturating_mul(2).min(max_dp);
    }
    // The doubling stops at its cap whether or not the cap meets the deadline: a count that
    // does not is no answer, and showing the cap would be a wrong number.
    if !meets(hi) {
        return None;
    }
    let mut lo = hi / 2;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if meets(mid) { hi = mid } else { lo = mid }
    }
    Some(u64::from(hi) * u64::from(replica))
}
