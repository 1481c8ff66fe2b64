//! The report: every figure of one scenario, and the derivation of each headline figure with the
//! scenario's own numbers plugged in.

use super::architecture::ParamCount;
use super::comms::{Comms, comms};
use super::cost::{Cost, cost};
use super::inference::{self, RULE_OF_THUMB_FACTOR, Serving};
use super::memory::{self, Memory};
use super::notice::Notice;
use super::precision::Precision;
use super::resolve::Resolved;
use super::scenario::Scenario;
use super::training::{self, PF_DAY, Training};
use serde::Serialize;

/// Every figure of one scenario, in SI units. Field names are the `data-metric` keys of the page
/// and the CLI's JSON keys (nested ones joined with `.`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Total parameters N.
    pub params_total: f64,
    /// Active parameters per token N_act.
    pub params_active: f64,
    /// The architecture's count by part.
    pub params_breakdown: ParamCount,
    /// The architecture was implied from a bare parameter count.
    pub arch_implied: bool,
    /// LoRA adapter parameters (fine-tuning only).
    pub adapter_params: f64,
    /// Precision used for the peak.
    pub precision_used: Precision,
    /// Dense peak per device, TFLOP/s.
    pub peak_tflops: f64,
    /// Compute, time and devices.
    #[serde(flatten)]
    pub training: Training,
    /// Memory per device in the scenario's configuration.
    pub memory_per_gpu: Memory,
    /// The same at ZeRO stages 0, 1, 2 and 3 (for the memory chart).
    pub memory_by_zero: Vec<Memory>,
    /// Devices one replica needs at least: model states spread perfectly, no activations.
    pub min_gpus_for_replica: u64,
    /// The fewest devices at which this configuration fits; `None` if none does.
    pub min_gpus_to_fit: Option<u64>,
    /// The seeds' rule of thumb for training memory: 20 bytes x N.
    pub rule_of_thumb_training_bytes: f64,
    /// KV cache per token, bytes.
    pub kv_cache_bytes_per_token: f64,
    /// KV cache of one request (prompt + output), bytes.
    pub kv_cache_bytes_per_sequence: f64,
    /// Inference weights, bytes.
    pub inference_weights_bytes: f64,
    /// The seeds' rule of thumb for inference memory: 1.2 x weights.
    pub inference_rule_of_thumb_bytes: f64,
    /// Serving capacity and devices for the load.
    pub serving: Serving,
    /// Communication per training step.
    pub comms: Comms,
    /// Cost, energy and carbon.
    #[serde(flatten)]
    pub cost: Cost,
    /// Caveats.
    pub notices: Vec<Notice>,
}

/// Computes the full report of a scenario. Pure, allocation-light, no I/O.
pub fn estimate(s: &Scenario) -> Report {
    let mut r = Resolved::new(s);
    let mut notices = std::mem::take(&mut r.notices);
    let dp = r.data_parallel(s.gpus);
    let mp = r.model_parallel();
    if !s.gpus.is_multiple_of(mp) {
        notices.push(Notice::GpusNotMultiple {
            gpus: s.gpus,
            model_parallel: mp,
            used: dp * mp,
        });
    }
    if !r.arch.heads.is_multiple_of(s.tp.max(1)) {
        notices.push(Notice::HeadsNotDivisible {
            heads: r.arch.heads,
            tp: s.tp,
        });
    }
    if s.tp > 8 {
        notices.push(Notice::TpAcrossNodes { tp: s.tp });
    }
    if s.mfu > 0.6 {
        notices.push(Notice::MfuAbovePublished { mfu: s.mfu });
    }

    let memory_by_zero: Vec<_> = (0..=3).map(|z| memory::memory_at(&r, z, dp)).collect();
    let memory_per_gpu = memory_by_zero[usize::from(s.zero.min(3))];
    let min_gpus_to_fit = memory::min_gpus_to_fit(&r, s.zero);
    if !memory_per_gpu.fits {
        notices.push(Notice::DoesNotFit {
            needed_gb: memory_per_gpu.total_bytes / 1e9,
            hbm_gb: r.gpu.hbm_gb,
        });
    }
    if min_gpus_to_fit.is_none() {
        notices.push(Notice::NeverFits);
    }
    let training = training::training(&r, min_gpus_to_fit);

    let inference_weights_bytes = inference::weights_bytes(&r);
    let kv_cache_bytes_per_token = inference::kv_bytes_per_token(&r);
    let serving = inference::serving(
        &r,
        inference_weights_bytes,
        kv_cache_bytes_per_token,
        &mut notices,
    );
    let step_flops =
        training::model_flops_per_token(&r) * f64::from(s.global_batch) * f64::from(s.seq);
    let comms = comms(&r, step_flops);
    // Above a quarter of the step, the bubble is worth acting on (Narayanan et al. 2021 sec. 2.2
    // keep it small with m >> p).
    if comms.bubble_fraction > 0.25 {
        notices.push(Notice::LargeBubble {
            fraction: comms.bubble_fraction,
        });
    }
    let cost = cost(&r, training.gpu_hours, s.gpus);

    Report {
        params_total: r.params_total,
        params_active: r.params_active,
        params_breakdown: r.breakdown,
        arch_implied: r.arch_implied,
        adapter_params: r.adapter_params,
        precision_used: r.precision,
        peak_tflops: r.peak_flops / 1e12,
        min_gpus_for_replica: memory::min_gpus_for_replica(&r),
        min_gpus_to_fit,
        rule_of_thumb_training_bytes: 20.0 * r.params_total,
        kv_cache_bytes_per_sequence: kv_cache_bytes_per_token
            * f64::from(s.prompt_tokens + s.output_tokens),
        kv_cache_bytes_per_token,
        inference_rule_of_thumb_bytes: RULE_OF_THUMB_FACTOR * inference_weights_bytes,
        inference_weights_bytes,
        training,
        memory_per_gpu,
        memory_by_zero,
        serving,
        comms,
        cost,
        notices,
    }
}

/// Every number of the report by its dotted key path (`training_days`,
/// `memory_per_gpu.total_bytes`, `memory_by_zero.3.total_bytes`), read from its serde form: the
/// figures the exports write.
pub fn figures(report: &Report) -> Vec<(String, f64)> {
    fn walk(prefix: &str, v: &serde_json::Value, out: &mut Vec<(String, f64)>) {
        let key = |k: &str| {
            if prefix.is_empty() {
                k.to_string()
            } else {
                format!("{prefix}.{k}")
            }
        };
        match v {
            serde_json::Value::Number(n) => {
                if let Some(x) = n.as_f64() {
                    out.push((prefix.to_string(), x));
                }
            }
            serde_json::Value::Object(m) => {
                for (k, v) in m {
                    walk(&key(k), v, out);
                }
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    walk(&key(&i.to_string()), v, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::to_value(report) {
        walk("", &v, &mut out);
    }
    out
}

/// One point of a device-count sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    /// Devices.
    pub gpus: u32,
    /// Training days.
    pub days: f64,
    /// Whether the configuration fits in memory at this count.
    pub fits: bool,
}

/// Training days and memory fit over device counts, for the GPU-count chart. Resolves the
/// scenario once; each point costs one time and one memory evaluation.
pub fn sweep_gpus(s: &Scenario, counts: &[u32]) -> Vec<SweepPoint> {
    let r = Resolved::new(s);
    let flops = training::model_flops_per_token(&r) * r.tokens;
    counts
        .iter()
        .map(|&gpus| SweepPoint {
            gpus,
            days: training::training_seconds(&r, flops, gpus) / training::DAY_S,
            fits: memory::memory_at(&r, s.zero, r.data_parallel(gpus)).fits,
        })
        .collect()
}

/// How one headline figure is computed: the formula, the same with the scenario's numbers, the
/// result and the source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Derivation {
    /// The report key.
    pub metric: &'static str,
    /// The formula in symbols.
    pub formula: &'static str,
    /// The formula with this scenario's numbers.
    pub with_numbers: String,
    /// The result.
    pub result: f64,
    /// Paper and equation.
    pub source: &'static str,
}

/// Three significant digits in scientific notation, for derivations.
pub fn sci(x: f64) -> String {
    if x == 0.0 || (1e-3..1e5).contains(&x.abs()) {
        let digits = if x.abs() >= 100.0 {
            0
        } else if x.abs() >= 10.0 {
            1
        } else {
            3
        };
        return format!("{x:.digits$}");
    }
    let e = x.abs().log10().floor() as i32;
    format!("{:.2}e{e}", x / 10f64.powi(e))
}

/// The derivation of each headline figure, built on demand (not in the sweep's hot path).
pub fn derivations(s: &Scenario, rep: &Report) -> Vec<Derivation> {
    let r = Resolved::new(s);
    let t = &rep.training;
    let m = &rep.memory_per_gpu;
    let sv = &rep.serving;
    let a = &r.arch;
    let d = |metric, formula, with_numbers: String, result, source| Derivation {
        metric,
        formula,
        with_numbers,
        result,
        source,
    };
    let per_token = training::model_flops_per_token(&r) / r.params_active;
    vec![
        d(
            "params_total",
            "N = L·(attention + FFN + norms) + V·h·(tied ? 1 : 2)",
            format!(
                "{} layers × {} + {} (embeddings) = {}",
                a.layers,
                sci(a.attention_params_per_layer()
                    + (rep.params_breakdown.dense_ffn
                        + rep.params_breakdown.routed_experts
                        + rep.params_breakdown.shared_and_router)
                        / f64::from(a.layers)),
                sci(rep.params_breakdown.embedding),
                sci(rep.params_total)
            ),
            rep.params_total,
            "docs/model.md §1; Narayanan et al. 2021 eq. 2",
        ),
        d(
            "training_flops",
            "C = 6 · N_active · D · epochs",
            format!(
                "{} × {} × {} × {} = {} FLOP",
                sci(per_token),
                sci(r.params_active),
                sci(s.data.tokens()),
                s.epochs,
                sci(t.training_flops)
            ),
            t.training_flops,
            "Kaplan et al. 2020 Table 1; Hoffmann et al. 2022 App. F",
        ),
        d(
            "attention_flops",
            "C_attn = 6 · L · s · a · (d_qk + d_v) · D",
            format!(
                "6 × {} × {} × {} × {} × {} = {} FLOP",
                a.layers,
                s.seq,
                a.heads,
                2 * a.head_dim + if a.is_mla() { a.rope_dim } else { 0 },
                sci(t.tokens),
                sci(t.attention_flops)
            ),
            t.attention_flops,
            "Narayanan et al. 2021 eq. 3; Kaplan et al. 2020 sec. 2.1",
        ),
        d(
            "pf_days",
            "PF-days = C / (10^15 × 86400)",
            format!(
                "{} / {} = {}",
                sci(t.training_flops),
                sci(PF_DAY),
                sci(t.pf_days)
            ),
            t.pf_days,
            "Brown et al. 2020 Table D.1",
        ),
        d(
            "training_days",
            "T = C / (n · F_peak · MFU)",
            format!(
                "{} / ({} × {} × {}) / 86400 = {} days",
                sci(t.training_flops),
                s.gpus,
                sci(r.peak_flops),
                s.mfu,
                sci(t.training_days)
            ),
            t.training_days,
            "Narayanan et al. 2021 eq. 4; PaLM App. B (MFU)",
        ),
        d(
            "gpu_hours",
            "GPU-hours = n · T",
            format!(
                "{} × {} h = {}",
                s.gpus,
                sci(t.training_days * 24.0),
                sci(t.gpu_hours)
            ),
            t.gpu_hours,
            "docs/model.md §3",
        ),
        d(
            "gpus_for_deadline",
            "n = ceil(C / (F_peak · MFU · T_deadline)), rounded up to tp·pp (and 8 per node), ≥ memory minimum",
            format!(
                "{} / ({} × {} × {} d × 86400) = {} → {}",
                sci(t.training_flops),
                sci(r.peak_flops),
                s.mfu,
                s.deadline_days,
                sci(t.gpus_for_deadline_raw),
                t.gpus_for_deadline
            ),
            t.gpus_for_deadline as f64,
            "docs/model.md §3",
        ),
        d(
            "memory_per_gpu.total_bytes",
            "M = (w + g + o)·N/(tp·pp) sharded by ZeRO over N_d + activations",
            format!(
                "{} + {} + {} + {} = {} B (ZeRO-{}, N_d = {})",
                sci(m.weights_bytes),
                sci(m.gradients_bytes),
                sci(m.optimizer_bytes),
                sci(m.activations_bytes),
                sci(m.total_bytes),
                m.zero,
                m.data_parallel
            ),
            m.total_bytes,
            "Rajbhandari et al. 2020 sec. 3.1; Korthikanti et al. 2022 Table 2",
        ),
        d(
            "memory_per_gpu.activations_bytes",
            "A = layers in flight · s·b·h·(34 + 5·a·s/h)/t (per recompute mode)",
            format!(
                "{} per layer × {} layers/stage × in-flight micro-batches = {} B",
                sci(m.activations_per_layer_bytes),
                sci(f64::from(a.layers) / f64::from(s.pp)),
                sci(m.activations_bytes)
            ),
            m.activations_bytes,
            "Korthikanti et al. 2022 eq. 1-5",
        ),
        d(
            "min_gpus_for_replica",
            "n_min = ceil(bytes/param · N / HBM)",
            format!(
                "{} / {} = {}",
                sci(rep.memory_by_zero[0].model_states_bytes * f64::from(r.model_parallel())),
                sci(r.hbm_bytes()),
                rep.min_gpus_for_replica
            ),
            rep.min_gpus_for_replica as f64,
            "Rajbhandari et al. 2020 sec. 3.1",
        ),
        d(
            "kv_cache_bytes_per_token",
            if a.is_mla() {
                "KV = L · (d_c + d_rope) · bytes"
            } else {
                "KV = 2 · L · g · d_h · bytes"
            },
            if a.is_mla() {
                format!(
                    "{} × ({} + {}) × {} = {} B",
                    a.layers,
                    a.kv_latent,
                    a.rope_dim,
                    f64::from(s.kv_bits) / 8.0,
                    sci(rep.kv_cache_bytes_per_token)
                )
            } else {
                format!(
                    "2 × {} × {} × {} × {} = {} B",
                    a.layers,
                    a.kv_heads,
                    a.head_dim,
                    f64::from(s.kv_bits) / 8.0,
                    sci(rep.kv_cache_bytes_per_token)
                )
            },
            rep.kv_cache_bytes_per_token,
            "Kwon et al. 2023 (vLLM) sec. 3; DeepSeek-V2 sec. 2.1",
        ),
        d(
            "inference_weights_bytes",
            "W = N · bytes(weight)",
            format!(
                "{} × {} bits / 8 = {} B (rule of thumb ×1.2: {} B)",
                sci(rep.params_total),
                s.weight_bits,
                sci(rep.inference_weights_bytes),
                sci(rep.inference_rule_of_thumb_bytes)
            ),
            rep.inference_weights_bytes,
            "docs/model.md §5",
        ),
        d(
            "serving.tokens_per_s_per_gpu",
            "step = max((W + B·ctx·KV)/(BW·η), 2·N_act·B/(F·η)); tok/s = B·out/(B·prefill + out·step)",
            format!(
                "B = {}, step = {} s, request = {} s → {} tok/s per GPU",
                sv.batch,
                sci(sv.decode_step_s),
                sci(sv.request_s),
                sci(sv.tokens_per_s_per_gpu)
            ),
            sv.tokens_per_s_per_gpu,
            "Williams et al. 2009 (roofline); Pope et al. 2022",
        ),
        d(
            "serving.gpus",
            "GPUs = ceil(req/s · t_request / B) · replica size",
            format!(
                "ceil({} × {} / {}) × {} = {}",
                sci(sv.requests_per_s),
                sci(sv.request_s),
                sv.batch,
                sv.replica_gpus,
                sv.gpus
            ),
            sv.gpus as f64,
            "Little's law; docs/model.md §5",
        ),
        d(
            "cost_usd",
            "cost = GPU-hours · price",
            format!(
                "{} × {} = {}",
                sci(t.gpu_hours),
                sci(rep.cost.price_per_gpu_hour),
                sci(rep.cost.rental)
            ),
            rep.cost.cost_usd,
            "docs/model.md §7; DeepSeek-V3 report (US$2/H800-hour)",
        ),
        d(
            "energy_mwh",
            "E = GPU-hours · P · PUE",
            format!(
                "{} × {} W × {} / 10^6 = {} MWh",
                sci(t.gpu_hours),
                sci(rep.cost.power_w),
                s.pue,
                sci(rep.cost.energy_mwh)
            ),
            rep.cost.energy_mwh,
            "Touvron et al. 2023 sec. 5.3",
        ),
        d(
            "co2_tonnes",
            "CO2 = E · grid intensity",
            format!(
                "{} MWh × {} kg/kWh = {} t",
                sci(rep.cost.energy_mwh),
                s.grid_kg_per_kwh,
                sci(rep.cost.co2_tonnes)
            ),
            rep.cost.co2_tonnes,
            "Touvron et al. 2023 sec. 5.3 (0.385 kg/kWh)",
        ),
        d(
            "chinchilla_params",
            "N_opt = sqrt(C / 120), D_opt = 20 · N_opt",
            format!(
                "sqrt({} / 120) = {}; D_opt = {}",
                sci(t.training_flops),
                sci(t.chinchilla_params),
                sci(t.chinchilla_tokens)
            ),
            t.chinchilla_params,
            "Hoffmann et al. 2022",
        ),
    ]
}
