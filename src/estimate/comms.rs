//! Communication per training step (docs/model.md §6).

use super::memory::micro_batches;
use super::resolve::Resolved;
use super::scenario::Scenario;
use serde::Serialize;

/// Communication and pipeline figures for one training step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comms {
    /// Compute time of one step at the scenario's MFU, s.
    pub step_compute_s: f64,
    /// Tensor-parallel all-reduce bytes per device per step.
    pub tp_bytes_per_step: f64,
    /// Their time over the scale-up link (NVLink), s.
    pub tp_s_scale_up: f64,
    /// Their time over the scale-out network, s.
    pub tp_s_network: f64,
    /// Data-parallel gradient all-reduce time per step over the network, s.
    pub dp_s_network: f64,
    /// Micro-batches per step per replica.
    pub micro_batches: f64,
    /// Pipeline bubble as a fraction of the step: (p - 1) / m.
    pub bubble_fraction: f64,
}

/// Ring all-reduce traffic per rank: 2 (n - 1) / n x S (Patarasuk and Yuan 2009).
pub fn ring_allreduce_bytes(bytes: f64, ranks: u32) -> f64 {
    let n = f64::from(ranks.max(1));
    2.0 * (n - 1.0) / n * bytes
}

/// Seconds to move `bytes` at `gb_per_s` (1e9 bytes per second).
pub fn transfer_seconds(bytes: f64, gb_per_s: f64) -> f64 {
    bytes / (gb_per_s * 1e9)
}

/// Network bandwidth per device in GB/s from Gb/s.
pub fn network_gbs(s: &Scenario) -> f64 {
    s.net_gbps / 8.0
}

/// Computes the per-step communication.
pub fn comms(r: &Resolved, tokens_per_step_flops: f64) -> Comms {
    let s = r.s;
    let dp = r.data_parallel(s.gpus);
    let m = micro_batches(r, dp);
    // Megatron: 4 all-reduces of b·s·h 16-bit activations per layer per micro-batch (2 forward,
    // 2 backward; Shoeybi et al. 2019 sec. 3), over the L/p layers this device holds.
    let layers_here = f64::from(r.arch.layers) / f64::from(s.pp.max(1));
    let message = f64::from(s.micro_batch) * f64::from(s.seq) * f64::from(r.arch.hidden) * 2.0;
    let tp_bytes = if s.tp > 1 {
        m * layers_here * 4.0 * ring_allreduce_bytes(message, s.tp)
    } else {
        0.0
    };
    // NVLink figures are bidirectional; a ring all-reduce moves data one way at a time.
    let scale_up = r.gpu.scale_up_gbs / 2.0;
    // One all-reduce of 16-bit gradients of this rank's parameters per step; ZeRO-3 about 1.5x.
    let grads = 2.0 * r.params_total / f64::from(r.model_parallel());
    let zero3 = if s.zero >= 3 { 1.5 } else { 1.0 };
    let dp_bytes = zero3 * ring_allreduce_bytes(grads, dp);
    Comms {
        step_compute_s: tokens_per_step_flops / (f64::from(s.gpus) * r.peak_flops * s.mfu),
        tp_bytes_per_step: tp_bytes,
        tp_s_scale_up: transfer_seconds(tp_bytes, scale_up),
        tp_s_network: transfer_seconds(tp_bytes, network_gbs(s)),
        dp_s_network: transfer_seconds(dp_bytes, network_gbs(s)),
        micro_batches: m,
        bubble_fraction: (f64::from(s.pp.max(1)) - 1.0) / m,
    }
}
