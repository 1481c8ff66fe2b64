//! Collective primitives the step-time model builds on (docs/model.md §6).

/// Ring all-reduce traffic per rank: 2 (n - 1) / n x S (Patarasuk and Yuan 2009).
pub fn ring_allreduce_bytes(bytes: f64, ranks: u32) -> f64 {
    let n = f64::from(ranks.max(1));
    2.0 * (n - 1.0) / n * bytes
}

/// Seconds to move `bytes` at `gb_per_s` (1e9 bytes per second).
pub fn transfer_seconds(bytes: f64, gb_per_s: f64) -> f64 {
    bytes / (gb_per_s * 1e9)
}
