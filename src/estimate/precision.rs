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

/// Storage widths the KV-cache field accepts.
pub const STORAGE_BITS: [u32; 4] = [4, 8, 16, 32];

/// How a checkpoint stores its weights: an element width and the scales that blocks of elements
/// share (docs/model.md §5). The bits per weight include the scales, so a format's bytes are
/// what the checkpoint holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum WeightFormat {
    /// IEEE single precision.
    Fp32,
    /// bfloat16 (or fp16): 16 bits, no scales.
    Bf16,
    /// FP8 E4M3 with one fp32 scale per 128 × 128 block: DeepSeek-V3 sec. 3.3.2 and its
    /// checkpoint's `weight_block_size: [128, 128]`, `weight_scale_inv` in float32.
    Fp8,
    /// INT8 with one 16-bit scale per group of 128 weights (GPTQ 8-bit, group size 128).
    Int8,
    /// OCP microscaling FP4 (E2M1) with one 8-bit E8M0 scale per 32 weights: 4.25 bits (OCP MX
    /// spec v1.0 sec. 5; gpt-oss's experts).
    Mxfp4,
    /// NVIDIA NVFP4 (E2M1) with one FP8 E4M3 scale per 16 weights: 4.5 bits (the per-tensor
    /// fp32 scale is one number per matrix and not counted).
    Nvfp4,
    /// INT4 with one 16-bit scale per group of 128 weights (GPTQ/AWQ): 4.125 bits.
    Int4,
}

impl WeightFormat {
    /// Every format, in the order the page lists them.
    pub const ALL: [WeightFormat; 7] = [
        WeightFormat::Bf16,
        WeightFormat::Fp8,
        WeightFormat::Int8,
        WeightFormat::Mxfp4,
        WeightFormat::Nvfp4,
        WeightFormat::Int4,
        WeightFormat::Fp32,
    ];

    /// The query-string spelling.
    pub fn id(self) -> &'static str {
        match self {
            WeightFormat::Fp32 => "fp32",
            WeightFormat::Bf16 => "bf16",
            WeightFormat::Fp8 => "fp8",
            WeightFormat::Int8 => "int8",
            WeightFormat::Mxfp4 => "mxfp4",
            WeightFormat::Nvfp4 => "nvfp4",
            WeightFormat::Int4 => "int4",
        }
    }

    /// Parses the query-string spelling.
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == s)
    }

    /// (element bits, scale bits, elements per scale).
    const fn layout(self) -> (f64, f64, f64) {
        match self {
            WeightFormat::Fp32 => (32.0, 0.0, 1.0),
            WeightFormat::Bf16 => (16.0, 0.0, 1.0),
            WeightFormat::Fp8 => (8.0, 32.0, 128.0 * 128.0),
            WeightFormat::Int8 => (8.0, 16.0, 128.0),
            WeightFormat::Mxfp4 => (4.0, 8.0, 32.0),
            WeightFormat::Nvfp4 => (4.0, 8.0, 16.0),
            WeightFormat::Int4 => (4.0, 16.0, 128.0),
        }
    }

    /// Bits per weight, scales included: element bits + scale bits / block.
    pub fn bits(self) -> f64 {
        let (element, scale, block) = self.layout();
        element + scale / block
    }

    /// Bytes per weight, scales included.
    pub fn bytes(self) -> f64 {
        self.bits() / 8.0
    }

    /// The width of the matrix-multiply arithmetic a serving engine runs this format at: 8-bit
    /// formats on FP8/INT8 tensor cores, 32-bit on FP32, the rest dequantised to 16 bits.
    pub fn compute_bits(self) -> u32 {
        match self {
            WeightFormat::Fp32 => 32,
            WeightFormat::Fp8 | WeightFormat::Int8 => 8,
            _ => 16,
        }
    }

    /// The format a legacy `weight_bits` link meant: 4 (with 16-bit scales per 128), 8, 16, 32.
    pub fn from_bits(bits: u32) -> Option<Self> {
        match bits {
            4 => Some(WeightFormat::Int4),
            8 => Some(WeightFormat::Fp8),
            16 => Some(WeightFormat::Bf16),
            32 => Some(WeightFormat::Fp32),
            _ => None,
        }
    }

    /// The legacy `weight_bits` spelling of this format, where it has one.
    pub fn legacy_bits(self) -> Option<u32> {
        match self {
            WeightFormat::Int4 => Some(4),
            WeightFormat::Fp8 => Some(8),
            WeightFormat::Bf16 => Some(16),
            WeightFormat::Fp32 => Some(32),
            _ => None,
        }
    }
}
