//! The step model's fitted efficiencies, and the factor a user's own measured run scales them by
//! (docs/model.md §6 and §9). Only these four constants are fitted, on the three throughput
//! tables of `validation::TABLES`; everything else in the step model is a mechanism with its
//! source.

/// Fitted: a layer whose GEMMs have smallest dimension `n` (usually `h/tp` or the FFN's `f/tp`)
/// runs at `n / (n + GEMM_HALF_DIM)` of the kernel rate. Small GEMMs fill the chip poorly, and the
/// element-wise work around them (norms, activations, residuals) grows with `h` while the GEMMs
/// grow with `h²`, so both fall as `1/n`. Fitted (docs/model.md §9).
pub const GEMM_HALF_DIM: f64 = 256.0;

/// Fitted: the share of the chip's maximum achievable matmul rate a training step's large
/// kernels sustain end to end (clocks under sustained load, kernel boundaries, launch gaps).
/// Fitted (docs/model.md §9).
pub const KERNEL_EFFICIENCY: f64 = 0.75;

/// Fitted: attention-score work (QKᵀ, mask, softmax, dropout, AV) runs at this fraction of the
/// dense peak, counted as the kernel computes it (FlashAttention the causal half plus each query
/// row's own cost, [`ATTENTION_ROW_KEYS`]; unfused kernels the whole square: `step.rs`).
/// FlashAttention-3 and cuDNN reach 0.55-0.62 of the H100's peak forward at 16k tokens and their
/// backward less (Shah et al. 2024, Figs. 5-6); end to end a step gets less than the kernels
/// alone. It is identified by NeMo's long-sequence table, where attention is most of the step
/// (docs/model.md §9).
pub const ATTENTION_EFFICIENCY: f64 = 0.26;

/// Fitted: the keys' worth of work a FlashAttention query row costs beyond the keys it attends to
/// (`Architecture::flash_score_work_per_token`): 768, so at 4k tokens a causal row (about 2k
/// keys) costs 1.4 times its keys and at 1M tokens the same as its keys. Identified by NeMo's
/// long-sequence table together with [`ATTENTION_EFFICIENCY`]: the two tables at one sequence
/// length each cannot tell a per-row cost from a slower kernel.
pub const ATTENTION_ROW_KEYS: f64 = 768.0;

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
    /// The keys' worth of work a FlashAttention query row costs beyond its own keys.
    pub attention_row_keys: f64,
}

impl Efficiency {
    /// The fitted constants.
    pub const FITTED: Efficiency = Efficiency {
        kernel: KERNEL_EFFICIENCY,
        gemm_half_dim: GEMM_HALF_DIM,
        attention: ATTENTION_EFFICIENCY,
        attention_row_keys: ATTENTION_ROW_KEYS,
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
