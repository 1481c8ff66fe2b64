//! Number formats: the training compute precision and the storage widths of weights and KV cache.

use serde::Serialize;

/// The arithmetic a training run's matrix multiplies use; selects the peak FLOP/s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// IEEE single precision on the vector units.
    Fp32,
    /// TensorFloat-32 on tensor cores.
    Tf32,
    /// bfloat16 on tensor cores (mixed precision).
    Bf16,
    /// IEEE half on tensor cores (mixed precision).
    Fp16,
    /// 8-bit floating point on tensor cores (Hopper and later).
    Fp8,
}

impl Precision {
    /// Every precision, in the order the UI lists them.
    pub const ALL: [Precision; 5] = [
        Precision::Fp32,
        Precision::Tf32,
        Precision::Bf16,
        Precision::Fp16,
        Precision::Fp8,
    ];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            Precision::Fp32 => "fp32",
            Precision::Tf32 => "tf32",
            Precision::Bf16 => "bf16",
            Precision::Fp16 => "fp16",
            Precision::Fp8 => "fp8",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.id() == s)
    }

    /// Whether training keeps 32-bit master weights beside 16/8-bit working copies.
    pub fn is_mixed(self) -> bool {
        !matches!(self, Precision::Fp32 | Precision::Tf32)
    }

    /// Bytes of a working weight or gradient element in training.
    ///
    /// FP8 training (e.g. DeepSeek-V3 sec. 3.3) keeps BF16 working weights and gradients and casts
    /// to FP8 inside the GEMMs, so its memory is counted as BF16's.
    pub fn training_element_bytes(self) -> f64 {
        if self.is_mixed() { 2.0 } else { 4.0 }
    }
}

/// Bytes per element for a storage width in bits, including the per-group scales that 4-bit
/// formats carry (one 16-bit scale per group of 128 weights, as in GPTQ/AWQ: 0.5 + 2/128 bytes).
pub fn bytes_per_element(bits: u32) -> f64 {
    match bits {
        4 => 0.5 + 2.0 / 128.0,
        b => f64::from(b) / 8.0,
    }
}

/// Storage widths the weight and KV-cache fields accept.
pub const STORAGE_BITS: [u32; 4] = [4, 8, 16, 32];
