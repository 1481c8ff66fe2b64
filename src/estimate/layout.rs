//! A parallel layout: how one training step is spread over the devices (docs/model.md §6).
//!
//! The devices used are `tp · pp · cp · dp`. Expert parallelism `ep` is carved out of the
//! data-parallel ranks, as in Megatron-Core: each group of `ep` data-parallel ranks holds one
//! copy of the experts, sharded `ep` ways.

use super::scenario::{Recompute, Scenario};
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
    /// Expert-parallel size (divides `dp`; 1 for a dense model).
    pub ep: u32,
    /// Context-parallel size (the sequence split over `cp` ranks, ring attention).
    pub cp: u32,
    /// Virtual pipeline stages per device (interleaved 1F1B); 1 without interleaving.
    pub vpp: u32,
    /// Micro-batch size, sequences.
    pub micro_batch: u32,
    /// Activation recomputation.
    pub recompute: Recompute,
    /// ZeRO stage 0-3 (1 is Megatron's distributed optimizer).
    pub zero: u8,
    /// Sequence parallelism with tensor parallelism (not a `layout.*` key: a scenario input).
    #[serde(skip)]
    pub sp: bool,
}

impl Layout {
    /// The layout a scenario gives: `dp` from the device count, `vpp` as given or 1.
    pub fn of(s: &Scenario) -> Self {
        let (tp, pp, cp) = (s.tp.max(1), s.pp.max(1), s.cp.max(1));
        let dp = (s.gpus / (tp * pp * cp)).max(1);
        Layout {
            tp,
            pp,
            dp,
            ep: s.ep.max(1),
            cp,
            vpp: s.vpp.unwrap_or(1).max(1),
            micro_batch: s.micro_batch.max(1),
            recompute: s.recompute,
            zero: s.zero.min(3),
            sp: s.sp && s.tp > 1,
        }
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

    /// Micro-batches per step per replica: global batch / (micro-batch · dp), at least one.
    pub fn micro_batches(&self, global_batch: u32) -> f64 {
        (f64::from(global_batch) / (f64::from(self.micro_batch) * f64::from(self.dp))).max(1.0)
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
