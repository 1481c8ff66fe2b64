//! The accelerator catalog: datasheet peaks (dense, never the 2:4-sparse figure), memory,
//! bandwidth, power, interconnect and an indicative price.
//!
//! Every figure is from `docs/model.md` §10; `approximate` marks rows with a figure that
//! could not be confirmed from a primary source (shown as approximate in the UI). Prices are
//! indicative assumptions except where `price_source` names one.

use super::precision::Precision;
use serde::Serialize;

/// Who makes the accelerator; the UI groups the picker by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Vendor {
    /// NVIDIA.
    Nvidia,
    /// AMD.
    Amd,
    /// Google TPU.
    Google,
    /// Huawei Ascend.
    Huawei,
    /// Cambricon.
    Cambricon,
    /// A user-defined accelerator.
    Custom,
}

impl Vendor {
    /// Display name.
    pub fn name(self) -> &'static str {
        match self {
            Vendor::Nvidia => "NVIDIA",
            Vendor::Amd => "AMD",
            Vendor::Google => "Google",
            Vendor::Huawei => "Huawei",
            Vendor::Cambricon => "Cambricon",
            Vendor::Custom => "Custom",
        }
    }
}

/// One accelerator. Peaks in TFLOP/s, dense; 0 means the format is not supported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Accelerator {
    /// Query-string id (`gpu=`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Maker.
    pub vendor: Vendor,
    /// BF16 tensor peak, dense.
    pub bf16_tflops: f64,
    /// FP16 tensor peak, dense (GeForce: with FP32 accumulation, the rate training uses).
    pub fp16_tflops: f64,
    /// FP8 tensor peak, dense.
    pub fp8_tflops: f64,
    /// TF32 tensor peak, dense.
    pub tf32_tflops: f64,
    /// FP32 non-tensor peak.
    pub fp32_tflops: f64,
    /// INT8 peak in TOPS, dense.
    pub int8_tops: f64,
    /// High-bandwidth memory per device, GB (1e9 bytes).
    pub hbm_gb: f64,
    /// Memory bandwidth, GB/s.
    pub bandwidth_gbs: f64,
    /// Board power (TDP), W.
    pub tdp_w: f64,
    /// Scale-up (NVLink-class) bandwidth per device, GB/s; PCIe where there is none.
    pub scale_up_gbs: f64,
    /// Scale-up interconnect, as the datasheet names it.
    pub interconnect: &'static str,
    /// Indicative purchase price per device, USD.
    pub price_usd: f64,
    /// Indicative rental price per device-hour, USD.
    pub rent_usd_per_hour: f64,
    /// Source of the price where there is one; `None` marks the prices as assumptions.
    pub price_source: Option<&'static str>,
    /// Some figure could not be confirmed from a primary source.
    pub approximate: bool,
    /// Where the figures come from.
    pub source: &'static str,
}

impl Accelerator {
    /// The dense peak for a precision, or `None` if the device lacks that format.
    pub fn peak_tflops(&self, precision: Precision) -> Option<f64> {
        let v = match precision {
            Precision::Fp32 => self.fp32_tflops,
            Precision::Tf32 => self.tf32_tflops,
            Precision::Bf16 => self.bf16_tflops,
            Precision::Fp16 => self.fp16_tflops,
            Precision::Fp8 => self.fp8_tflops,
        };
        (v > 0.0).then_some(v)
    }

    /// The precision actually used when `wanted` is missing on this device: FP8 falls back to
    /// BF16, BF16 and FP16 stand in for each other, TF32 falls back to FP32.
    pub fn effective_precision(&self, wanted: Precision) -> Precision {
        let chain: &[Precision] = match wanted {
            Precision::Fp8 => &[Precision::Fp8, Precision::Bf16, Precision::Fp16],
            Precision::Bf16 => &[Precision::Bf16, Precision::Fp16],
            Precision::Fp16 => &[Precision::Fp16, Precision::Bf16],
            Precision::Tf32 => &[Precision::Tf32, Precision::Fp32],
            Precision::Fp32 => &[Precision::Fp32],
        };
        chain
            .iter()
            .copied()
            .find(|&p| self.peak_tflops(p).is_some())
            .unwrap_or(Precision::Fp32)
    }
}

const A100_LIST: &str = "seed article: A100 about US$10,000 list (CNY 100,000 in China)";
const H800_RENT: &str = "DeepSeek-V3 report: US$2 per H800 GPU-hour";

/// Builds a row; the arguments follow the columns of `docs/model.md` §10.
#[allow(clippy::too_many_arguments)]
const fn row(
    id: &'static str,
    name: &'static str,
    vendor: Vendor,
    [bf16, fp16, fp8, tf32, fp32, int8]: [f64; 6],
    [hbm_gb, bandwidth_gbs, tdp_w, scale_up_gbs]: [f64; 4],
    interconnect: &'static str,
    [price_usd, rent_usd_per_hour]: [f64; 2],
    price_source: Option<&'static str>,
    approximate: bool,
    source: &'static str,
) -> Accelerator {
    Accelerator {
        id,
        name,
        vendor,
        bf16_tflops: bf16,
        fp16_tflops: fp16,
        fp8_tflops: fp8,
        tf32_tflops: tf32,
        fp32_tflops: fp32,
        int8_tops: int8,
        hbm_gb,
        bandwidth_gbs,
        tdp_w,
        scale_up_gbs,
        interconnect,
        price_usd,
        rent_usd_per_hour,
        price_source,
        approximate,
        source,
    }
}

use Vendor::{Amd, Cambricon, Google, Huawei, Nvidia};

/// The catalog. Peaks: `[bf16, fp16, fp8, tf32, fp32, int8]`; `[HBM GB, GB/s, W, scale-up GB/s]`.
pub const CATALOG: &[Accelerator] = &[
    row(
        "v100-sxm2-32g",
        "NVIDIA V100 SXM2 32GB",
        Nvidia,
        [0.0, 125.0, 0.0, 0.0, 15.7, 0.0],
        [32.0, 900.0, 300.0, 300.0],
        "NVLink 2",
        [8000.0, 0.8],
        None,
        true,
        "NVIDIA V100 datasheet (FP16 tensor 125, no BF16)",
    ),
    row(
        "a100-40g-sxm",
        "NVIDIA A100 40GB SXM4",
        Nvidia,
        [312.0, 312.0, 0.0, 156.0, 19.5, 624.0],
        [40.0, 1555.0, 400.0, 600.0],
        "NVLink 3",
        [10000.0, 1.3],
        Some(A100_LIST),
        false,
        "NVIDIA A100 datasheet (dense; sparse 624)",
    ),
    row(
        "a100-80g-sxm",
        "NVIDIA A100 80GB SXM4",
        Nvidia,
        [312.0, 312.0, 0.0, 156.0, 19.5, 624.0],
        [80.0, 2039.0, 400.0, 600.0],
        "NVLink 3",
        [15000.0, 1.8],
        None,
        false,
        "NVIDIA A100 datasheet (dense; sparse 624)",
    ),
    row(
        "h100-sxm",
        "NVIDIA H100 SXM5",
        Nvidia,
        [989.4, 989.4, 1978.9, 494.7, 66.9, 1978.9],
        [80.0, 3350.0, 700.0, 900.0],
        "NVLink 4",
        [30000.0, 2.5],
        None,
        false,
        "NVIDIA H100 datasheet and Hopper whitepaper (dense; sparse 1,978.9)",
    ),
    row(
        "h100-pcie",
        "NVIDIA H100 PCIe",
        Nvidia,
        [756.0, 756.0, 1513.0, 378.0, 51.0, 1513.0],
        [80.0, 2000.0, 350.0, 600.0],
        "NVLink bridge / PCIe Gen5",
        [25000.0, 2.0],
        None,
        true,
        "NVIDIA H100 datasheet (TDP, bandwidth); compute figures unconfirmed",
    ),
    row(
        "h800-sxm",
        "NVIDIA H800 SXM5",
        Nvidia,
        [989.0, 989.0, 1979.0, 494.5, 67.0, 1979.0],
        [80.0, 3350.0, 700.0, 400.0],
        "NVLink 400 GB/s",
        [30000.0, 2.0],
        Some(H800_RENT),
        false,
        "NVIDIA H800 materials; DeepSeek-V3 report (NVLink 400 GB/s)",
    ),
    row(
        "h20",
        "NVIDIA H20",
        Nvidia,
        [148.0, 148.0, 296.0, 74.0, 44.0, 296.0],
        [96.0, 4000.0, 400.0, 900.0],
        "NVLink 900 GB/s",
        [12000.0, 1.2],
        None,
        true,
        "press reports; no public NVIDIA datasheet",
    ),
    row(
        "h200-sxm",
        "NVIDIA H200 SXM",
        Nvidia,
        [989.0, 989.0, 1979.0, 494.5, 67.0, 1979.0],
        [141.0, 4800.0, 700.0, 900.0],
        "NVLink 4",
        [35000.0, 3.5],
        None,
        false,
        "NVIDIA H200 datasheet (dense; sparse 1,979)",
    ),
    row(
        "b200",
        "NVIDIA B200 (HGX)",
        Nvidia,
        [2250.0, 2250.0, 4500.0, 1100.0, 75.0, 4500.0],
        [180.0, 7700.0, 1000.0, 1800.0],
        "NVLink 5",
        [40000.0, 5.0],
        None,
        false,
        "NVIDIA HGX B200 table (dense; 180 GB there, 192 GB elsewhere)",
    ),
    row(
        "gb200",
        "NVIDIA GB200 (per GPU, NVL72)",
        Nvidia,
        [2500.0, 2500.0, 5000.0, 1250.0, 80.0, 5000.0],
        [186.0, 8000.0, 1200.0, 1800.0],
        "NVLink 5 (NVL72)",
        [60000.0, 6.0],
        None,
        false,
        "NVIDIA GB200 NVL72 datasheet (per Blackwell GPU, dense)",
    ),
    row(
        "l40s",
        "NVIDIA L40S",
        Nvidia,
        [362.05, 362.05, 733.0, 183.0, 91.6, 733.0],
        [48.0, 864.0, 350.0, 64.0],
        "PCIe Gen4 x16 (no NVLink)",
        [9000.0, 1.0],
        None,
        false,
        "NVIDIA L40S datasheet (dense; sparse 733)",
    ),
    row(
        "rtx4090",
        "NVIDIA GeForce RTX 4090",
        Nvidia,
        [165.2, 165.2, 330.3, 82.6, 82.6, 660.6],
        [24.0, 1008.0, 450.0, 64.0],
        "PCIe Gen4 x16 (no NVLink)",
        [1600.0, 0.4],
        None,
        false,
        "Ada Lovelace whitepaper (FP16/BF16 with FP32 accumulate: 165.2, half the FP16-accumulate rate)",
    ),
    row(
        "t4",
        "NVIDIA T4",
        Nvidia,
        [0.0, 65.0, 0.0, 0.0, 8.1, 130.0],
        [16.0, 320.0, 70.0, 32.0],
        "PCIe Gen3 x16",
        [2000.0, 0.35],
        None,
        false,
        "NVIDIA T4 datasheet (FP16 mixed 65, no BF16)",
    ),
    row(
        "mi250x",
        "AMD Instinct MI250X (OAM, 2 GCDs)",
        Amd,
        [383.0, 383.0, 0.0, 0.0, 95.7, 383.0],
        [128.0, 3200.0, 500.0, 800.0],
        "Infinity Fabric",
        [12000.0, 1.5],
        None,
        true,
        "AMD MI250X specifications (CDNA2, no sparsity); TDP unconfirmed",
    ),
    row(
        "mi300x",
        "AMD Instinct MI300X",
        Amd,
        [1307.4, 1307.4, 2614.9, 653.7, 163.4, 2614.9],
        [192.0, 5300.0, 750.0, 896.0],
        "Infinity Fabric, 8-GPU mesh",
        [20000.0, 2.5],
        None,
        false,
        "AMD MI300X datasheet (dense)",
    ),
    row(
        "tpu-v4",
        "Google TPU v4",
        Google,
        [275.0, 0.0, 0.0, 0.0, 0.0, 275.0],
        [32.0 * 1.073_741_824, 1200.0, 192.0, 300.0],
        "ICI 3D torus",
        [0.0, 3.22],
        None,
        false,
        "Google Cloud TPU v4 documentation (32 GiB; measured max power 192 W)",
    ),
    row(
        "tpu-v5e",
        "Google TPU v5e",
        Google,
        [197.0, 0.0, 0.0, 0.0, 0.0, 393.0],
        [16.0, 819.0, 200.0, 200.0],
        "ICI 2D torus",
        [0.0, 1.2],
        None,
        true,
        "Google Cloud TPU v5e documentation (power not published: assumed 200 W)",
    ),
    row(
        "tpu-v5p",
        "Google TPU v5p",
        Google,
        [459.0, 0.0, 459.0, 0.0, 0.0, 918.0],
        [95.0, 2765.0, 450.0, 600.0],
        "ICI 3D torus",
        [0.0, 4.2],
        None,
        true,
        "Google Cloud TPU v5p documentation (power not published: assumed 450 W)",
    ),
    row(
        "ascend-910b",
        "Huawei Ascend 910B",
        Huawei,
        [320.0, 320.0, 0.0, 0.0, 0.0, 0.0],
        [64.0, 1600.0, 400.0, 392.0],
        "HCCS",
        [17000.0, 1.5],
        None,
        true,
        "third-party reports (~280-376 FP16; no official datasheet)",
    ),
    row(
        "mlu370-x8",
        "Cambricon MLU370-X8",
        Cambricon,
        [96.0, 96.0, 0.0, 0.0, 32.0, 256.0],
        [48.0, 614.4, 250.0, 200.0],
        "MLU-Link",
        [2000.0, 0.5],
        Some("seed article: MLU370 about CNY 14,600"),
        false,
        "Cambricon MLU370-X8 launch specifications, Mar 2022",
    ),
];

/// Looks an accelerator up by id.
pub fn find(id: &str) -> Option<&'static Accelerator> {
    CATALOG.iter().find(|a| a.id == id)
}

/// The id of the user-defined accelerator.
pub const CUSTOM_ID: &str = "custom";

/// A user-defined accelerator: a copy of `base` with the overrides the scenario gives.
pub fn custom(
    base: &Accelerator,
    peak_tflops: f64,
    hbm_gb: f64,
    bandwidth_gbs: f64,
) -> Accelerator {
    let mut a = base.clone();
    a.id = CUSTOM_ID;
    a.name = "Custom";
    a.vendor = Vendor::Custom;
    for p in [
        &mut a.bf16_tflops,
        &mut a.fp16_tflops,
        &mut a.fp8_tflops,
        &mut a.tf32_tflops,
        &mut a.fp32_tflops,
    ] {
        *p = peak_tflops;
    }
    a.hbm_gb = hbm_gb;
    a.bandwidth_gbs = bandwidth_gbs;
    a.price_source = None;
    a.approximate = true;
    a.source = "user-defined";
    a
}
