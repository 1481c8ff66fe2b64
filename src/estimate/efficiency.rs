//! The step model's fitted efficiencies, and the factor a user's own measured run scales them by
//! (docs/model.md §6 and §9). Only these three constants are fitted; everything else in the step
//! model is a mechanism with its source.

/// Fitted: a layer whose GEMMs have smallest dimension `n` (usually `h/tp` or the FFN's `f/tp`)
/// runs at `n / (n + GEMM_HALF_DIM)` of the kernel rate. Small GEMMs fill the chip poorly, and the
/// element-wise work around them (norms, activations, residuals) grows with `h` while the GEMMs
/// grow with `h²`, so both fall as `1/n`. Fitted to both throughput tables of docs/model.md §9
///.
pub const GEMM_HALF_DIM: f64 = 192.0;

/// Fitted: the share of the chip's maximum achievable matmul rate a training step's large
/// kernels sustain end to end (clocks under sustained load, kernel boundaries, launch gaps).
/// Fitted to both throughput tables of docs/model.md §9.
pub const KERNEL_EFFICIENCY: f64 = 0.75;

/// Fitted: attention-score work (QKᵀ, mask, softmax, dropout, AV) runs at this fraction of the
/// dense peak, counted as the kernel computes it (FlashAttention the causal half, unfused kernels
/// the whole square: `step.rs`). FlashAttention-2's kernels alone reach 50-73 % of the A100's
/// peak (Dao 2023, sec. 4); the fit to both throughput tables of docs/model.md §9 is lower: what
/// costs a step in proportion to attention is more than the kernel.
pub const ATTENTION_EFFICIENCY: f64 = 0.16;

/// The efficiencies one step is timed with: the fitted ones, or those scaled to a user's cluster
/// by a measured run of their own ([`super::calibration`]).
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Efficiency {
    /// The share of the achievable matmul rate the step's GEMMs sustain.
    pub kernel: f64,
    /// The smallest GEMM side at which a GEMM runs at half of that.
    pub gemm_half_dim: f64,
    /// Attention-score work against the dense peak.
    pub attention: f64,
}

impl Efficiency {
    /// The fitted constants.
    pub const FITTED: Efficiency = Efficiency {
        kernel: KERNEL_EFFICIENCY,
        gemm_half_dim: GEMM_HALF_DIM,
        attention: ATTENTION_EFFICIENCY,
    };

    /// The compute rates scaled by `factor` (a calibration: the cluster computes `factor` times
    /// as fast as the fitted model says); the GEMM-size curve is kept.
    pub fn scaled(self, factor: f64) -> Self {
        Efficiency {
            kernel: self.kernel * factor,
            attention: self.attention * factor,
            ..self
        }
    }
}

impl Default for Efficiency {
    fn default() -> Self {
        Self::FITTED
    }
}
