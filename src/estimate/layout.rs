//! A parallel layout: how one training step is spread over the devices (docs/model.md §6).
//!
//! The devices used are `tp · pp · cp · dp`. With MoE parallel folding (Liu et al. 2025, arXiv
//! 2504.14960; Megatron-Core's `--expert-tensor-parallel-size`), the ranks of a pipeline stage
//! form two groupings: attention over `tp · cp · dp`, the experts over `etp · ep · edp`. Each
//! group of `etp · ep` ranks holds one copy of the experts, each expert's matrices split `etp`
//! ways and the experts `ep` ways; `edp` such copies are kept. Before folding, `ep` was carved
//! out of the data-parallel ranks with the experts split over `tp`: the case `etp = tp`.

use super::scenario::{Recompute, Scenario, Schedule};
use serde::Serialize;

/// One layout. The JSON keys are the report's `layout.*` keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Layout {
    /// Tensor-parallel size.
    pub tp: u32,
    /// Pipeline-parallel size (stages).
    pub pp: u32,
    /// Data-parallel size.
    pub dp: u32,
    /// Expert-parallel size (1 for a dense model).
    pub ep: u32,
    /// Expert tensor-parallel size: each expert's matrices split this many ways.
    pub etp: u32,
    /// Context-parallel size (the sequence split over `cp` ranks, ring attention).
    pub cp: u32,
    /// Virtual pipeline stages per device (interleaved 1F1B); 1 without interleaving.
    pub vpp: u32,
    /// The pipeline schedule (1F1B when interleaved).
    pub schedule: Schedule,
    /// Micro-batch size, sequences.
    pub micro_batch: u32,
    /// Activation recomputation.
    pub recompute: Recompute,
    /// ZeRO stage 0-3 (1 is Megatron's distributed optimizer).
    pub zero: u8,
    /// Sequence parallelism with tensor parallelism (not a `layout.*` key: a scenario input).
    #[serde(skip)]
    pub sp: bool,
    /// TP communication overlapped with the GEMMs (not a `layout.*` key: a scenario input).
    #[serde(skip)]
    pub tp_overlap: bool,
    /// The expert all-to-all overlapped with another micro-batch's compute under 1F1B (not a
    /// `layout.*` key: a scenario input).
    #[serde(skip)]
    pub ep_overlap: bool,
}

/// Whether Megatron-Core's expert all-to-all overlap (`ep_overlap`) is asked of a layout it can
/// apply to: experts over more than one rank, under 1F1B (DualPipe overlaps the all-to-all by
/// itself). The interleaving and recomputation it needs are checked on the layout timed
/// ([`Layout::overlaps_experts`]), as the search and the interleaving tuner change them.
pub fn ep_overlap_applies(asked: bool, ep: u32, schedule: Schedule) -> bool {
    asked && ep > 1 && schedule == Schedule::OneFOneB
}

impl Layout {
    /// The layout a scenario gives: `dp` from the device count, `vpp` as given or 1.
    pub fn of(s: &Scenario) -> Self {
        let (tp, pp, cp) = (s.tp.max(1), s.pp.max(1), s.cp.max(1));
        let dp = (s.gpus / (tp * pp * cp)).max(1);
        let ep = s.ep.max(1);
        let etp = s.etp.unwrap_or(default_etp(tp, cp, dp, ep)).max(1);
        Layout {
            tp,
            pp,
            dp,
            // The expert group fits in a stage's ranks (the parser caps ep so; a page edit of
            // one field may not, and the report says so).
            ep: ep.min((tp * cp * dp / etp).max(1)),
            etp,
            cp,
            // Zero bubble and DualPipe are not interleaved here (the parser refuses vpp > 1).
            vpp: if s.schedule == Schedule::OneFOneB {
                s.vpp.unwrap_or(1).max(1)
            } else {
                1
            },
            schedule: if pp > 1 {
                s.schedule
            } else {
                Schedule::OneFOneB
            },
            micro_batch: s.micro_batch.max(1),
            recompute: s.recompute,
            zero: s.zero.min(3),
            sp: s.sp && s.tp > 1,
            tp_overlap: s.tp_overlap && s.sp && s.tp > 1,
            ep_overlap: ep_overlap_applies(
                s.ep_overlap,
                ep,
                if pp > 1 {
                    s.schedule
                } else {
                    Schedule::OneFOneB
                },
            ),
        }
    }

    /// Whether this layout runs Megatron-Core's expert all-to-all overlap: asked for and possible
    /// ([`ep_overlap_applies`]), interleaved when there is more than one stage and without full
    /// recomputation, as Megatron-Core asserts (`TransformerConfig.__post_init__`).
    pub fn overlaps_experts(&self) -> bool {
        self.ep_overlap && self.recompute != Recompute::Full && (self.pp == 1 || self.vpp > 1)
    }

    /// Devices of one model replica: `tp · pp · cp` (context parallelism splits the sequence, so
    /// each of its ranks holds the same weights).
    pub fn replica(&self) -> u32 {
        self.tp.saturating_mul(self.pp).saturating_mul(self.cp)
    }

    /// Devices the layout uses (saturating: the deadline's search tries very large counts).
    pub fn devices(&self) -> u32 {
        self.replica().saturating_mul(self.dp)
    }

    /// Ranks of one pipeline stage: `tp · cp · dp`, shared by the attention and expert groups.
    pub fn stage_ranks(&self) -> u32 {
        self.tp.saturating_mul(self.cp).saturating_mul(self.dp)
    }

    /// Copies of the experts per stage (expert data parallelism): `tp · cp · dp / (etp · ep)`.
    pub fn expert_dp(&self) -> u32 {
        (self.stage_ranks() / self.etp.saturating_mul(self.ep).max(1)).max(1)
    }

    /// Whether the expert group fits the stage's ranks a whole number of times.
    pub fn folds(&self) -> bool {
        self.stage_ranks()
            .is_multiple_of(self.etp.saturating_mul(self.ep).max(1))
    }

    /// Micro-batches per step per replica: global batch / (micro-batch · dp), at least one.
    pub fn micro_batches(&self, global_batch: u32) -> f64 {
        (f64::from(global_batch) / (f64::from(self.micro_batch) * f64::from(self.dp))).max(1.0)
    }
}

/// The expert tensor-parallel size when none is given: `tp` where `ep` divides `cp · dp`, as
/// Megatron-Core does (an absent `--expert-tensor-parallel-size` is the tensor-parallel size;
/// every layout before folding), else 1, as NVIDIA's MoE recipes set it for EP larger than DP.
pub fn default_etp(tp: u32, cp: u32, dp: u32, ep: u32) -> u32 {
    if cp.saturating_mul(dp).is_multiple_of(ep.max(1)) {
        tp
    } else {
        1
    }
}

/// Layers held by the first, the busiest middle and the last pipeline stage. Layers that do not
/// divide evenly come off the first and last stages, which also hold the embedding and the
/// output layer (Llama 3 paper sec. 3.3.2: 126 layers on 16 stages, one fewer on the first and
/// the last). With one stage all three are the whole model.
pub fn stage_layers(layers: u32, pp: u32) -> [u32; 3] {
    let p = pp.max(1);
    if p == 1 {
        return [layers; 3];
    }
    let most = layers.div_ceil(p);
    let deficit = most * p - layers;
    let last = most - u32::from(deficit >= 1);
    let first = most - u32::from(deficit >= 2);
    let middle = if p > 2 {
        (layers - first - last).div_ceil(p - 2)
    } else {
        0
    };
    [first, middle, last]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uneven_layers_come_off_the_ends() {
        // Llama 3.1 405B: 126 layers on 16 stages, 7 on the first and last (Llama 3 sec. 3.3.2).
        assert_eq!(stage_layers(126, 16), [7, 8, 7]);
        // DeepSeek-V3: 61 layers on 16 stages.
        assert_eq!(stage_layers(61, 16), [3, 4, 3]);
        assert_eq!(stage_layers(96, 8), [12, 12, 12]);
        assert_eq!(stage_layers(5, 2), [3, 0, 2]);
        assert_eq!(stage_layers(40, 1), [40, 40, 40]);
    }
}
