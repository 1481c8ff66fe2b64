//! Resolves a scenario into the concrete quantities every formula needs: the architecture (given
//! or implied), parameter counts, the accelerator with overrides, and the peak FLOP/s used.

use super::architecture::{Architecture, ParamCount};
use super::efficiency::Efficiency;
use super::hardware::{self, Accelerator};
use super::layout::Layout;
use super::notice::Notice;
use super::precision::Precision;
use super::scenario::{Currency, Finetune, Scenario};

/// A scenario with everything looked up once.
#[derive(Clone, Debug)]
pub struct Resolved<'a> {
    /// The scenario itself.
    pub s: &'a Scenario,
    /// The architecture used for shapes.
    pub arch: Architecture,
    /// Whether `arch` was implied from a bare parameter count (an assumption).
    pub arch_implied: bool,
    /// The architecture's own count, by part.
    pub breakdown: ParamCount,
    /// Total parameters (N).
    pub params_total: f64,
    /// Active parameters per token (N_act).
    pub params_active: f64,
    /// LoRA adapter parameters (0 unless fine-tuning with LoRA/QLoRA).
    pub adapter_params: f64,
    /// The accelerator, with the scenario's overrides applied.
    pub gpu: Accelerator,
    /// The precision actually used (a fallback when the device lacks the one asked for).
    pub precision: Precision,
    /// Dense peak FLOP/s per device the MFU is quoted against: the precision's, except that FP8
    /// training is quoted against the BF16 peak, as published FP8 runs quote it (Llama 3 and
    /// DeepSeek count their MFU in BF16 terms; docs/model.md §6).
    pub peak_flops: f64,
    /// Dense peak FLOP/s of the linear layers' GEMMs: the FP8 peak in FP8 training, which runs
    /// only those in FP8 (DeepSeek-V3 sec. 3.3: attention, the output head, norms and the router
    /// stay in BF16 or FP32); otherwise `peak_flops`.
    pub linear_peak_flops: f64,
    /// Training tokens over all epochs.
    pub tokens: f64,
    /// Currency units per USD.
    pub rate: f64,
    /// The parallel layout the figures are for: the scenario's, or the one the search found.
    pub layout: Layout,
    /// Scale-out network bandwidth per device, Gb/s: the scenario's, or the accelerator's.
    pub net_gbps: f64,
    /// The step model's efficiencies: fitted, or calibrated to the user's measured run.
    pub efficiency: Efficiency,
    /// The MFU the time figures use: the scenario's, or the step-time model's with `mfu=auto`.
    pub mfu: f64,
    /// Caveats found while resolving.
    pub notices: Vec<Notice>,
}

impl<'a> Resolved<'a> {
    /// Looks everything up. Never fails: unknown ids fall back to defaults with a notice.
    pub fn new(s: &'a Scenario) -> Self {
        let mut notices = Vec::new();
        let (arch, arch_implied) = match &s.arch {
            Some(a) => (a.clone(), false),
            None => (
                Architecture::implied_by_params(s.params.unwrap_or(1e9)),
                true,
            ),
        };
        let breakdown = arch.param_count();
        let params_total = s.params.unwrap_or(breakdown.total);
        let params_active = s
            .active_params
            .unwrap_or(if s.params.is_some() && !arch.is_moe() {
                params_total
            } else {
                breakdown.active * params_total / breakdown.total
            });
        let adapter_params = match s.finetune {
            Finetune::Lora | Finetune::Qlora => lora_adapter_params(&arch, s.lora_rank),
            _ => 0.0,
        };

        // A custom accelerator starts from the H100 SXM's figures for what it does not give.
        let base = hardware::find(&s.gpu)
            .or_else(|| hardware::find(hardware::CUSTOM_BASE))
            .expect("the catalog holds the custom accelerator's base");
        let mut gpu = if s.gpu == hardware::CUSTOM_ID {
            let peak = base.peak_tflops(s.precision).unwrap_or(base.bf16_tflops);
            hardware::custom(
                base,
                s.peak_tflops.unwrap_or(peak),
                s.hbm_gb.unwrap_or(base.hbm_gb),
                s.bandwidth_gbs.unwrap_or(base.bandwidth_gbs),
            )
        } else {
            base.clone()
        };
        if let Some(h) = s.hbm_gb {
            gpu.hbm_gb = h;
        }
        if let Some(b) = s.bandwidth_gbs {
            gpu.bandwidth_gbs = b;
        }
        let precision = gpu.effective_precision(s.precision);
        if precision != s.precision {
            notices.push(Notice::PrecisionFallback {
                wanted: s.precision,
                used: precision,
            });
        }
        let linear_tflops = s.peak_tflops.unwrap_or_else(|| {
            gpu.peak_tflops(precision)
                .unwrap_or(gpu.fp32_tflops.max(1.0))
        });
        let peak_tflops = match (precision, s.peak_tflops) {
            (Precision::Fp8, None) => gpu.peak_tflops(Precision::Bf16).unwrap_or(linear_tflops),
            _ => linear_tflops,
        };
        if gpu.approximate {
            notices.push(Notice::ApproximateHardware);
        }
        if arch_implied {
            notices.push(Notice::ImpliedArchitecture);
        }
        let rate = match s.currency {
            Currency::Usd => 1.0,
            Currency::Cny => s.cny_per_usd,
        };
        let net_gbps = s.net_gbps.unwrap_or(gpu.scale_out_gbps);
        Resolved {
            s,
            arch,
            arch_implied,
            breakdown,
            params_total,
            params_active,
            adapter_params,
            gpu,
            precision,
            peak_flops: peak_tflops * 1e12,
            linear_peak_flops: linear_tflops * 1e12,
            tokens: s.data.tokens() * s.epochs,
            rate,
            layout: Layout::of(s),
            net_gbps,
            efficiency: Efficiency::FITTED,
            mfu: s.mfu,
            notices,
        }
    }

    /// Data-parallel size on `gpus` devices: whole replicas of `tp·pp·cp`.
    pub fn data_parallel(&self, gpus: u32) -> u32 {
        (gpus / self.model_parallel()).max(1)
    }

    /// Devices holding one model replica (`tp·pp·cp`).
    pub fn model_parallel(&self) -> u32 {
        self.layout.replica()
    }

    /// Device memory in bytes.
    pub fn hbm_bytes(&self) -> f64 {
        self.gpu.hbm_gb * 1e9
    }
}

/// LoRA adapter parameters: rank `r` times (in + out) of every attention and dense-FFN matrix in
/// every layer (Hu et al. 2021 sec. 4 applies it to attention; QLoRA to all linear layers).
pub fn lora_adapter_params(arch: &Architecture, rank: u32) -> f64 {
    let h = f64::from(arch.hidden);
    let q = arch.q_width();
    let kv = f64::from(arch.kv_heads) * f64::from(arch.head_dim);
    let f = if arch.is_moe() {
        f64::from(arch.expert_ffn)
    } else {
        f64::from(arch.ffn)
    };
    let per_layer = (h + q) + 2.0 * (h + kv) + (q + h) + arch.ffn_matrices() * (h + f);
    f64::from(arch.layers) * f64::from(rank) * per_layer
}
