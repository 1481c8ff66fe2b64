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
    /// Devices one scale-up domain joins (8 in an HGX node, 72 in an NVL72 rack); collectives
    /// inside it run at `scale_up_gbs`, beyond it over the network.
    pub scale_up_domain: u32,
    /// Fraction of the dense peak that large BF16 GEMMs reach (maximum achievable matmul FLOPS).
    pub matmul_efficiency: f64,
    /// Where `matmul_efficiency` was measured; `None` marks it an assumption.
    pub matmul_source: Option<&'static str>,
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

/// Large-GEMM efficiency where no measurement is published: an assumption, between the
/// measured A100 (87 %) and MI300X (51 %), near the H100's 80 %.
pub const ASSUMED_MATMUL_EFFICIENCY: f64 = 0.75;

const A100_MAMF: &str = "Bekman, ml-engineering, MAMF table: A100 SXM 271.2 of 312 TFLOP/s BF16";
const H100_MAMF: &str =
    "Bekman, ml-engineering, MAMF table: H100 SXM 794.5 of 989 TFLOP/s BF16 (H200 the same)";
const H100_PCIE_MAMF: &str = "mag-/gpu_benchmark (MAMF finder): H100 PCIe 499.5 TFLOP/s BF16";
const B200_MAMF: &str = "Bekman, ml-engineering, MAMF table: B200 SXM 1745 of 2250 TFLOP/s BF16";
const GB200_MAMF: &str = "Bekman, ml-engineering, MAMF table: GB200 1822 of 2500 TFLOP/s BF16";
const MI250X_MAMF: &str = "Bekman, ml-engineering, MAMF table: MI250X 147.0 of 191.5 per GCD";
const MI300X_MAMF: &str = "Bekman, ml-engineering, MAMF table: MI300X 668.4 TFLOP/s BF16";

const A100_LIST: &str = "seed article: A100 about US$10,000 list (CNY 100,000 in China)";
const H800_RENT: &str = "DeepSeek-V3 report: US$2 per H800 GPU-hour";

use Vendor::{Amd, Cambricon, Google, Huawei, Nvidia};

/// The catalog: one named row per accelerator (figures and sources in `docs/model.md` §10).
pub const CATALOG: &[Accelerator] = &[
    Accelerator {
        id: "v100-sxm2-32g",
        name: "NVIDIA V100 SXM2 32GB",
        vendor: Nvidia,
        bf16_tflops: 0.0,
        fp16_tflops: 125.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 15.7,
        int8_tops: 0.0,
        hbm_gb: 32.0,
        bandwidth_gbs: 900.0,
        tdp_w: 300.0,
        scale_up_gbs: 300.0,
        interconnect: "NVLink 2",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 8000.0,
        rent_usd_per_hour: 0.8,
        price_source: None,
        approximate: true,
        source: "NVIDIA V100 datasheet (FP16 tensor 125, no BF16)",
    },
    Accelerator {
        id: "a100-40g-sxm",
        name: "NVIDIA A100 40GB SXM4",
        vendor: Nvidia,
        bf16_tflops: 312.0,
        fp16_tflops: 312.0,
        fp8_tflops: 0.0,
        tf32_tflops: 156.0,
        fp32_tflops: 19.5,
        int8_tops: 624.0,
        hbm_gb: 40.0,
        bandwidth_gbs: 1555.0,
        tdp_w: 400.0,
        scale_up_gbs: 600.0,
        interconnect: "NVLink 3",
        scale_up_domain: 8,
        matmul_efficiency: 271.2 / 312.0,
        matmul_source: Some(A100_MAMF),
        price_usd: 10000.0,
        rent_usd_per_hour: 1.3,
        price_source: Some(A100_LIST),
        approximate: false,
        source: "NVIDIA A100 datasheet (dense; sparse 624)",
    },
    Accelerator {
        id: "a100-80g-sxm",
        name: "NVIDIA A100 80GB SXM4",
        vendor: Nvidia,
        bf16_tflops: 312.0,
        fp16_tflops: 312.0,
        fp8_tflops: 0.0,
        tf32_tflops: 156.0,
        fp32_tflops: 19.5,
        int8_tops: 624.0,
        hbm_gb: 80.0,
        bandwidth_gbs: 2039.0,
        tdp_w: 400.0,
        scale_up_gbs: 600.0,
        interconnect: "NVLink 3",
        scale_up_domain: 8,
        matmul_efficiency: 271.2 / 312.0,
        matmul_source: Some(A100_MAMF),
        price_usd: 15000.0,
        rent_usd_per_hour: 1.8,
        price_source: None,
        approximate: false,
        source: "NVIDIA A100 datasheet (dense; sparse 624)",
    },
    Accelerator {
        id: "h100-sxm",
        name: "NVIDIA H100 SXM5",
        vendor: Nvidia,
        bf16_tflops: 989.4,
        fp16_tflops: 989.4,
        fp8_tflops: 1978.9,
        tf32_tflops: 494.7,
        fp32_tflops: 66.9,
        int8_tops: 1978.9,
        hbm_gb: 80.0,
        bandwidth_gbs: 3350.0,
        tdp_w: 700.0,
        scale_up_gbs: 900.0,
        interconnect: "NVLink 4",
        scale_up_domain: 8,
        matmul_efficiency: 794.5 / 989.4,
        matmul_source: Some(H100_MAMF),
        price_usd: 30000.0,
        rent_usd_per_hour: 2.5,
        price_source: None,
        approximate: false,
        source: "NVIDIA H100 datasheet and Hopper whitepaper (dense; sparse 1,978.9)",
    },
    Accelerator {
        id: "h100-pcie",
        name: "NVIDIA H100 PCIe",
        vendor: Nvidia,
        bf16_tflops: 756.0,
        fp16_tflops: 756.0,
        fp8_tflops: 1513.0,
        tf32_tflops: 378.0,
        fp32_tflops: 51.0,
        int8_tops: 1513.0,
        hbm_gb: 80.0,
        bandwidth_gbs: 2000.0,
        tdp_w: 350.0,
        scale_up_gbs: 600.0,
        interconnect: "NVLink bridge / PCIe Gen5",
        scale_up_domain: 2,
        matmul_efficiency: 499.5 / 756.0,
        matmul_source: Some(H100_PCIE_MAMF),
        price_usd: 25000.0,
        rent_usd_per_hour: 2.0,
        price_source: None,
        approximate: true,
        source: "NVIDIA H100 datasheet (TDP, bandwidth); compute figures unconfirmed",
    },
    Accelerator {
        id: "h800-sxm",
        name: "NVIDIA H800 SXM5",
        vendor: Nvidia,
        bf16_tflops: 989.0,
        fp16_tflops: 989.0,
        fp8_tflops: 1979.0,
        tf32_tflops: 494.5,
        fp32_tflops: 67.0,
        int8_tops: 1979.0,
        hbm_gb: 80.0,
        bandwidth_gbs: 3350.0,
        tdp_w: 700.0,
        scale_up_gbs: 400.0,
        interconnect: "NVLink 400 GB/s",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 30000.0,
        rent_usd_per_hour: 2.0,
        price_source: Some(H800_RENT),
        approximate: false,
        source: "NVIDIA H800 materials; DeepSeek-V3 report (NVLink 400 GB/s)",
    },
    Accelerator {
        id: "h20",
        name: "NVIDIA H20",
        vendor: Nvidia,
        bf16_tflops: 148.0,
        fp16_tflops: 148.0,
        fp8_tflops: 296.0,
        tf32_tflops: 74.0,
        fp32_tflops: 44.0,
        int8_tops: 296.0,
        hbm_gb: 96.0,
        bandwidth_gbs: 4000.0,
        tdp_w: 400.0,
        scale_up_gbs: 900.0,
        interconnect: "NVLink 900 GB/s",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 12000.0,
        rent_usd_per_hour: 1.2,
        price_source: None,
        approximate: true,
        source: "press reports; no public NVIDIA datasheet",
    },
    Accelerator {
        id: "h200-sxm",
        name: "NVIDIA H200 SXM",
        vendor: Nvidia,
        bf16_tflops: 989.0,
        fp16_tflops: 989.0,
        fp8_tflops: 1979.0,
        tf32_tflops: 494.5,
        fp32_tflops: 67.0,
        int8_tops: 1979.0,
        hbm_gb: 141.0,
        bandwidth_gbs: 4800.0,
        tdp_w: 700.0,
        scale_up_gbs: 900.0,
        interconnect: "NVLink 4",
        scale_up_domain: 8,
        matmul_efficiency: 794.5 / 989.4,
        matmul_source: Some(H100_MAMF),
        price_usd: 35000.0,
        rent_usd_per_hour: 3.5,
        price_source: None,
        approximate: false,
        source: "NVIDIA H200 datasheet (dense; sparse 1,979)",
    },
    Accelerator {
        id: "b200",
        name: "NVIDIA B200 (HGX)",
        vendor: Nvidia,
        bf16_tflops: 2250.0,
        fp16_tflops: 2250.0,
        fp8_tflops: 4500.0,
        tf32_tflops: 1100.0,
        fp32_tflops: 75.0,
        int8_tops: 4500.0,
        hbm_gb: 180.0,
        bandwidth_gbs: 7700.0,
        tdp_w: 1000.0,
        scale_up_gbs: 1800.0,
        interconnect: "NVLink 5",
        scale_up_domain: 8,
        matmul_efficiency: 1745.0 / 2250.0,
        matmul_source: Some(B200_MAMF),
        price_usd: 40000.0,
        rent_usd_per_hour: 5.0,
        price_source: None,
        approximate: false,
        source: "NVIDIA HGX B200 table (dense; 180 GB there, 192 GB elsewhere)",
    },
    Accelerator {
        id: "gb200",
        name: "NVIDIA GB200 (per GPU, NVL72)",
        vendor: Nvidia,
        bf16_tflops: 2500.0,
        fp16_tflops: 2500.0,
        fp8_tflops: 5000.0,
        tf32_tflops: 1250.0,
        fp32_tflops: 80.0,
        int8_tops: 5000.0,
        hbm_gb: 186.0,
        bandwidth_gbs: 8000.0,
        tdp_w: 1200.0,
        scale_up_gbs: 1800.0,
        interconnect: "NVLink 5 (NVL72)",
        scale_up_domain: 72,
        matmul_efficiency: 1822.0 / 2500.0,
        matmul_source: Some(GB200_MAMF),
        price_usd: 60000.0,
        rent_usd_per_hour: 6.0,
        price_source: None,
        approximate: false,
        source: "NVIDIA GB200 NVL72 datasheet (per Blackwell GPU, dense)",
    },
    Accelerator {
        id: "l40s",
        name: "NVIDIA L40S",
        vendor: Nvidia,
        bf16_tflops: 362.05,
        fp16_tflops: 362.05,
        fp8_tflops: 733.0,
        tf32_tflops: 183.0,
        fp32_tflops: 91.6,
        int8_tops: 733.0,
        hbm_gb: 48.0,
        bandwidth_gbs: 864.0,
        tdp_w: 350.0,
        scale_up_gbs: 64.0,
        interconnect: "PCIe Gen4 x16 (no NVLink)",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 9000.0,
        rent_usd_per_hour: 1.0,
        price_source: None,
        approximate: false,
        source: "NVIDIA L40S datasheet (dense; sparse 733)",
    },
    Accelerator {
        id: "rtx4090",
        name: "NVIDIA GeForce RTX 4090",
        vendor: Nvidia,
        bf16_tflops: 165.2,
        fp16_tflops: 165.2,
        fp8_tflops: 330.3,
        tf32_tflops: 82.6,
        fp32_tflops: 82.6,
        int8_tops: 660.6,
        hbm_gb: 24.0,
        bandwidth_gbs: 1008.0,
        tdp_w: 450.0,
        scale_up_gbs: 64.0,
        interconnect: "PCIe Gen4 x16 (no NVLink)",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 1600.0,
        rent_usd_per_hour: 0.4,
        price_source: None,
        approximate: false,
        source: "Ada Lovelace whitepaper (FP16/BF16 with FP32 accumulate: 165.2, half the FP16-accumulate rate)",
    },
    Accelerator {
        id: "t4",
        name: "NVIDIA T4",
        vendor: Nvidia,
        bf16_tflops: 0.0,
        fp16_tflops: 65.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 8.1,
        int8_tops: 130.0,
        hbm_gb: 16.0,
        bandwidth_gbs: 320.0,
        tdp_w: 70.0,
        scale_up_gbs: 32.0,
        interconnect: "PCIe Gen3 x16",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 2000.0,
        rent_usd_per_hour: 0.35,
        price_source: None,
        approximate: false,
        source: "NVIDIA T4 datasheet (FP16 mixed 65, no BF16)",
    },
    Accelerator {
        id: "mi250x",
        name: "AMD Instinct MI250X (OAM, 2 GCDs)",
        vendor: Amd,
        bf16_tflops: 383.0,
        fp16_tflops: 383.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 95.7,
        int8_tops: 383.0,
        hbm_gb: 128.0,
        bandwidth_gbs: 3200.0,
        tdp_w: 500.0,
        scale_up_gbs: 800.0,
        interconnect: "Infinity Fabric",
        scale_up_domain: 8,
        matmul_efficiency: 147.0 / 191.5,
        matmul_source: Some(MI250X_MAMF),
        price_usd: 12000.0,
        rent_usd_per_hour: 1.5,
        price_source: None,
        approximate: true,
        source: "AMD MI250X specifications (CDNA2, no sparsity); TDP unconfirmed",
    },
    Accelerator {
        id: "mi300x",
        name: "AMD Instinct MI300X",
        vendor: Amd,
        bf16_tflops: 1307.4,
        fp16_tflops: 1307.4,
        fp8_tflops: 2614.9,
        tf32_tflops: 653.7,
        fp32_tflops: 163.4,
        int8_tops: 2614.9,
        hbm_gb: 192.0,
        bandwidth_gbs: 5300.0,
        tdp_w: 750.0,
        scale_up_gbs: 896.0,
        interconnect: "Infinity Fabric, 8-GPU mesh",
        scale_up_domain: 8,
        matmul_efficiency: 668.4 / 1307.4,
        matmul_source: Some(MI300X_MAMF),
        price_usd: 20000.0,
        rent_usd_per_hour: 2.5,
        price_source: None,
        approximate: false,
        source: "AMD MI300X datasheet (dense)",
    },
    Accelerator {
        id: "tpu-v4",
        name: "Google TPU v4",
        vendor: Google,
        bf16_tflops: 275.0,
        fp16_tflops: 0.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 0.0,
        int8_tops: 275.0,
        hbm_gb: 32.0 * 1.073_741_824,
        bandwidth_gbs: 1200.0,
        tdp_w: 192.0,
        scale_up_gbs: 300.0,
        interconnect: "ICI 3D torus",
        scale_up_domain: 4096,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 0.0,
        rent_usd_per_hour: 3.22,
        price_source: None,
        approximate: false,
        source: "Google Cloud TPU v4 documentation (32 GiB; measured max power 192 W)",
    },
    Accelerator {
        id: "tpu-v5e",
        name: "Google TPU v5e",
        vendor: Google,
        bf16_tflops: 197.0,
        fp16_tflops: 0.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 0.0,
        int8_tops: 393.0,
        hbm_gb: 16.0,
        bandwidth_gbs: 819.0,
        tdp_w: 200.0,
        scale_up_gbs: 200.0,
        interconnect: "ICI 2D torus",
        scale_up_domain: 256,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 0.0,
        rent_usd_per_hour: 1.2,
        price_source: None,
        approximate: true,
        source: "Google Cloud TPU v5e documentation (power not published: assumed 200 W)",
    },
    Accelerator {
        id: "tpu-v5p",
        name: "Google TPU v5p",
        vendor: Google,
        bf16_tflops: 459.0,
        fp16_tflops: 0.0,
        fp8_tflops: 459.0,
        tf32_tflops: 0.0,
        fp32_tflops: 0.0,
        int8_tops: 918.0,
        hbm_gb: 95.0,
        bandwidth_gbs: 2765.0,
        tdp_w: 450.0,
        scale_up_gbs: 600.0,
        interconnect: "ICI 3D torus",
        scale_up_domain: 8960,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 0.0,
        rent_usd_per_hour: 4.2,
        price_source: None,
        approximate: true,
        source: "Google Cloud TPU v5p documentation (power not published: assumed 450 W)",
    },
    Accelerator {
        id: "ascend-910b",
        name: "Huawei Ascend 910B",
        vendor: Huawei,
        bf16_tflops: 320.0,
        fp16_tflops: 320.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 0.0,
        int8_tops: 0.0,
        hbm_gb: 64.0,
        bandwidth_gbs: 1600.0,
        tdp_w: 400.0,
        scale_up_gbs: 392.0,
        interconnect: "HCCS",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 17000.0,
        rent_usd_per_hour: 1.5,
        price_source: None,
        approximate: true,
        source: "third-party reports (~280-376 FP16; no official datasheet)",
    },
    Accelerator {
        id: "mlu370-x8",
        name: "Cambricon MLU370-X8",
        vendor: Cambricon,
        bf16_tflops: 96.0,
        fp16_tflops: 96.0,
        fp8_tflops: 0.0,
        tf32_tflops: 0.0,
        fp32_tflops: 32.0,
        int8_tops: 256.0,
        hbm_gb: 48.0,
        bandwidth_gbs: 614.4,
        tdp_w: 250.0,
        scale_up_gbs: 200.0,
        interconnect: "MLU-Link",
        scale_up_domain: 8,
        matmul_efficiency: ASSUMED_MATMUL_EFFICIENCY,
        matmul_source: None,
        price_usd: 2000.0,
        rent_usd_per_hour: 0.5,
        price_source: Some("seed article: MLU370 about CNY 14,600"),
        approximate: false,
        source: "Cambricon MLU370-X8 launch specifications, Mar 2022",
    },
];

/// Looks an accelerator up by id.
pub fn find(id: &str) -> Option<&'static Accelerator> {
    CATALOG.iter().find(|a| a.id == id)
}

/// The id of the user-defined accelerator.
pub const CUSTOM_ID: &str = "custom";

/// The row a custom accelerator takes the figures it does not give from.
pub const CUSTOM_BASE: &str = "h100-sxm";

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
    a.matmul_source = None;
    a.approximate = true;
    a.source = "user-defined";
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_the_custom_base_is_listed() {
        for (i, a) in CATALOG.iter().enumerate() {
            assert!(
                CATALOG[i + 1..].iter().all(|b| b.id != a.id),
                "{} twice",
                a.id
            );
            assert!(!a.source.is_empty(), "{} has no source", a.id);
        }
        assert_eq!(find(CUSTOM_BASE).map(|a| a.bf16_tflops), Some(989.4));
    }
}
