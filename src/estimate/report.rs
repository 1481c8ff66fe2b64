//! The report: every figure of one scenario, and the derivation of each headline figure with the
//! scenario's own numbers plugged in.

use super::architecture::ParamCount;
use super::calc::{self, Calc, num};
use super::calibration::{self, Calibration};
use super::cost::{self, Cost, MAX_SPOT_OVERHEAD, OWNERSHIP_YEARS, SpotRestarts};
use super::efficiency::Efficiency;
use super::inference::{self, KvCache, RULE_OF_THUMB_FACTOR, Serving};
use super::layout::Layout;
use super::limits::{Fix, LimitedBy, deadline_limit};
use super::memory::{self, Memory};
use super::metric_id::MetricId;
use super::notice::Notice;
use super::precision::Precision;
use super::scenario::Scenario;
use super::scenario::{Currency, PriceTier};
use super::search::{self, Candidate};
use super::solve::{self, Answers, Solve, answers};
use super::step::{self, StepTime};
use super::training::{self, DAY_S, Training};
use serde::Serialize;

/// Every figure of one scenario, in SI units. Field names are the `data-metric` keys of the page
/// and the CLI's JSON keys (nested ones joined with `.`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The devices the run is on (the scenario's count: at the answer, the count solved for).
    pub gpus: u32,
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
    /// Dense peak per device, FLOP/s.
    pub peak_flops: f64,
    /// The accelerator the figures are for.
    pub device: Device,
    /// Compute, time and devices.
    #[serde(flatten)]
    pub training: Training,
    /// Memory per device in the scenario's configuration.
    pub memory_per_gpu: Memory,
    /// The same at ZeRO stages 0, 1, 2 and 3 (for the memory chart).
    pub memory_by_zero: Vec<Memory>,
    /// What limits the answer asked for (`solve`): `compute` or `memory` for the days and the
    /// deadline's devices, `deadline` or `budget` for the others.
    pub limited_by: LimitedBy,
    /// What sets the deadline's device count: `compute` or `memory`.
    pub deadline_limited_by: LimitedBy,
    /// When memory sets it: the cheapest change of layout that fits at the compute's count (or
    /// nearest to it), and the count with it.
    pub deadline_fix: Option<Fix>,
    /// Devices one replica needs at least: model states spread perfectly, no activations.
    pub min_gpus_for_replica: u64,
    /// The fewest devices at which this configuration fits; `None` if none does.
    pub min_gpus_to_fit: Option<u64>,
    /// The seeds' rule of thumb for training memory: 20 bytes x N.
    pub rule_of_thumb_training_bytes: f64,
    /// KV cache per token of the part that grows with the context (the global-attention
    /// layers; sliding windows, chunks and linear states stop growing), bytes.
    pub kv_cache_bytes_per_token: f64,
    /// KV cache and state of one request (prompt + output), bytes.
    pub kv_cache_bytes_per_sequence: f64,
    /// KV cache and state of one sequence at the inference context, bytes.
    pub kv_cache_bytes_at_context: f64,
    /// Of that, the part that stops growing: windows and chunks once full, linear states, bytes.
    pub kv_bounded_bytes_at_context: f64,
    /// Parameters with the multi-token-prediction modules (DeepSeek-V3: 671B + MTP).
    pub params_with_mtp: f64,
    /// The KV cache and state by layer kind, to evaluate at any context (the context chart); its
    /// figures at the context are the fields above, so the JSON leaves it out.
    #[serde(skip)]
    pub kv_cache: KvCache,
    /// Inference weights, bytes.
    pub inference_weights_bytes: f64,
    /// The seeds' rule of thumb for inference memory: 1.2 x weights.
    pub inference_rule_of_thumb_bytes: f64,
    /// Inference memory: weights plus the KV cache of `concurrent_sequences` at
    /// `context_tokens`, bytes.
    pub inference_memory_bytes: f64,
    /// Devices that memory needs, each filled to vLLM's 90 %.
    pub inference_memory_gpus: u64,
    /// The context the inference memory is sized for, tokens.
    pub inference_context_tokens: u32,
    /// Serving capacity and devices for the load.
    pub serving: Serving,
    /// One optimizer step at the layout used, from the step-time model.
    pub step: StepTime,
    /// The layout the figures are for: the given one (its interleaving tuned unless given), or
    /// the search's best with `layout=auto`.
    pub layout: Layout,
    /// With `layout=auto`: the fastest layouts that fit, fastest first (at most ten).
    pub layouts: Vec<Candidate>,
    /// Layouts the search evaluated (0 without `layout=auto`).
    pub layouts_evaluated: usize,
    /// Cost, energy and carbon.
    #[serde(flatten)]
    pub cost: Cost,
    /// The quantity asked for.
    pub solve: Solve,
    /// The answers to every question (`tokens_trainable`, `optimal_params`, `budget_days` …).
    #[serde(flatten)]
    pub answers: Answers,
    /// The calibration to the user's measured run, if the scenario has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calibration: Option<Calibration>,
    /// Caveats.
    pub notices: Vec<Notice>,
}

/// The accelerator a report is for, as resolved (catalog row or custom figures).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Device {
    /// Display name.
    pub name: &'static str,
    /// Memory per device, bytes.
    pub hbm_bytes: f64,
    /// Memory bandwidth, bytes per second.
    pub bandwidth_bytes_per_s: f64,
    /// Board power (TDP), W.
    pub tdp_w: f64,
    /// Scale-out network bandwidth per device the step uses, Gb/s (the scenario's or the
    /// catalog's).
    pub net_gbps: f64,
    /// The catalog's scale-out bandwidth has no source: an assumption.
    pub net_assumed: bool,
    /// Some figure of the row is not from a primary source.
    pub approximate: bool,
}

/// Computes the full report of a scenario. Pure, allocation-light, no I/O.
pub fn estimate(s: &Scenario) -> Report {
    report(s, None, None)
}

/// The fastest layouts that fit the scenario, fastest first (the `layout=auto` search, with a
/// calibration in the scenario applied): what the page runs once a drag pauses.
pub fn search_layouts(s: &Scenario) -> Vec<Candidate> {
    search::search(&calibration::resolve(s).0).best
}

/// The report with the step model's efficiencies set (the validation refits them; a
/// calibration in the scenario is ignored).
pub fn estimate_at(s: &Scenario, efficiency: Efficiency) -> Report {
    report(s, None, Some(efficiency))
}

/// The report with `layout=auto` taking its layouts from a search already run, for this
/// scenario or an earlier one (the page searches again once a drag pauses): the best layout's
/// shape is kept and its data-parallel size follows the device count, or the given layout stands
/// in where the count cannot hold that shape. Without `layout=auto` it is [`estimate`].
pub fn estimate_with(s: &Scenario, found: &[Candidate]) -> Report {
    report(s, Some(found), None)
}

fn report(s: &Scenario, found: Option<&[Candidate]>, efficiency: Option<Efficiency>) -> Report {
    let (mut r, calibration) = match efficiency {
        Some(e) => {
            let mut r = super::resolve::Resolved::new(s);
            r.efficiency = e;
            (r, None)
        }
        None => calibration::resolve(s),
    };
    let mut notices = std::mem::take(&mut r.notices);
    let (layouts, layouts_evaluated) = if s.layout_auto {
        match found.and_then(|f| f.first().map(|best| (f, best.layout))) {
            Some((found, best)) => {
                let replica = best.replica();
                let dp = s.gpus / replica;
                r.layout =
                    if dp >= 1 && s.gpus.is_multiple_of(replica) && (Layout { dp, ..best }).folds()
                    {
                        Layout { dp, ..best }
                    } else {
                        Layout::of(s)
                    };
                (found.to_vec(), 0)
            }
            None => {
                let found = search::search(&r);
                r.layout = found.best[0].layout;
                (found.best, found.evaluated)
            }
        }
    } else {
        r.layout = calibration::timed_layout(&r);
        (Vec::new(), 0)
    };
    let step = step::step_time(&r);
    if s.mfu_auto {
        r.mfu = step.mfu;
    } else if let Some(hfu) = s.hfu {
        r.mfu = training::mfu_from_hfu(&r, hfu);
    }
    if let Some(c) = calibration.filter(|c| !c.matched) {
        notices.push(Notice::CalibrationUnmatched { factor: c.factor });
    }
    if !s.layout_auto && s.ep > r.layout.ep {
        notices.push(Notice::ExpertGroupTooLarge {
            ep: s.ep,
            etp: r.layout.etp,
            stage: r.layout.stage_ranks(),
            used: r.layout.ep,
        });
    }
    let s_tp = r.layout.tp;
    let dp = r.data_parallel(s.gpus);
    let mp = r.model_parallel();
    if !s.gpus.is_multiple_of(mp) {
        notices.push(Notice::GpusNotMultiple {
            gpus: s.gpus,
            model_parallel: mp,
            used: dp * mp,
        });
    }
    if !r.arch.heads.is_multiple_of(s_tp) {
        notices.push(Notice::HeadsNotDivisible {
            heads: r.arch.heads,
            tp: s_tp,
        });
    }
    if s_tp > r.gpu.scale_up_domain {
        notices.push(Notice::TpAcrossNodes { tp: s_tp });
    }
    if r.mfu > 0.6 {
        notices.push(Notice::MfuAbovePublished { mfu: r.mfu });
    }

    let zero = r.layout.zero;
    let memory_by_zero: Vec<_> = (0..=3).map(|z| memory::memory_at(&r, z, dp)).collect();
    let memory_per_gpu = memory_by_zero[usize::from(zero)];
    let min_gpus_to_fit = memory::min_gpus_to_fit(&r, zero);
    if !memory_per_gpu.fits {
        notices.push(Notice::DoesNotFit {
            needed_gb: memory_per_gpu.total_bytes / 1e9,
            hbm_gb: r.gpu.hbm_gb,
        });
    }
    if min_gpus_to_fit.is_none() {
        notices.push(Notice::NeverFits);
    }
    let mut training = training::training(&r, min_gpus_to_fit);
    if s.mfu_auto {
        // The MFU changes with the count, so the deadline's count is searched for.
        training.gpus_for_deadline = search::gpus_for_deadline(
            &r,
            training.training_flops,
            training
                .gpus_for_deadline_raw
                .max(min_gpus_to_fit.unwrap_or(0) as f64),
        );
    }

    let (limited_by, deadline_fix) =
        deadline_limit(&r, training.gpus_for_deadline_raw, min_gpus_to_fit);
    let inference_weights_bytes = inference::weights_bytes(&r);
    let kv = KvCache::of(&r);
    let kv_cache_bytes_per_token = kv.growing_bytes_per_token();
    let context = f64::from(inference::context_tokens(s));
    let kv_cache_bytes_at_context = kv.bytes_at(context);
    let inference_memory_bytes = inference::memory_as(
        inference_weights_bytes,
        kv_cache_bytes_at_context,
        s.concurrent_sequences,
    );
    let serving = inference::serving(&r, inference_weights_bytes, &kv, &mut notices);
    // Above a quarter of the step, the bubble is worth acting on (Narayanan et al. 2021 sec. 2.2
    // keep it small with m >> p).
    // Above 30 % of the step, exposed communication is what the run waits on (docs/model.md §6).
    let comm = [
        ("tp", step.tp_comm_s),
        ("dp", step.dp_comm_s),
        ("ep", step.ep_comm_s),
        ("cp", step.cp_comm_s),
    ];
    let share = comm.iter().map(|(_, t)| t).sum::<f64>() / step.time_s;
    if share > 0.3
        && let Some((part, _)) = comm.iter().max_by(|a, b| a.1.total_cmp(&b.1))
    {
        notices.push(Notice::CommunicationDominates { share, part });
    }
    let bubble_fraction = step.pp_bubble_s / step.time_s;
    if bubble_fraction > 0.25 {
        notices.push(Notice::LargeBubble {
            fraction: bubble_fraction,
        });
    }
    let cost = cost::cost(&r, training.gpu_hours, s.gpus);
    // Above a fifth of wall time, spot restarts are worth acting on (an assumption).
    if s.price_tier == PriceTier::Spot && cost.spot.overhead > 0.2 {
        notices.push(Notice::SpotRestartsDominate {
            overhead: cost.spot.overhead,
            per_day: cost.spot.interruptions_per_hour * 24.0,
        });
    }
    // A budget buys compute hours: on spot, each costs its restarts too.
    let answers = answers(
        &r,
        cost.price_per_gpu_hour,
        cost::wall_factor(cost.tier, &cost.spot),
        cost.rental,
    );
    // What limits the answer asked for: the deadline count's compute or memory, else the
    // deadline or the budget the answer is bounded by.
    let deadline_limited_by = limited_by;
    let limited_by = match s.solve {
        Solve::Days | Solve::Gpus => deadline_limited_by,
        Solve::Tokens => LimitedBy::Deadline,
        Solve::Model if s.budget.is_some() => LimitedBy::Budget,
        Solve::Model => LimitedBy::Deadline,
        Solve::Budget => LimitedBy::Budget,
        Solve::Serve => LimitedBy::Load,
    };
    let mut serving = serving;
    // What serving the load costs over time: the fleet's rent and electricity per day, and rent
    // per million generated tokens (docs/model.md §7).
    let fleet = serving.gpus as f64;
    serving.cost_per_day = fleet * 24.0 * cost.price_per_gpu_hour;
    serving.electricity_per_day =
        fleet * cost.power_w * 24.0 * s.pue / 1000.0 * s.electricity_per_kwh;
    serving.ownership_per_day =
        cost::purchase_as(fleet, cost::unit_price(s, cost.catalog_gpu_price))
            / (OWNERSHIP_YEARS * 365.0);
    let tokens_per_day = serving.tokens_per_s_per_gpu * fleet * DAY_S;
    serving.cost_per_million_tokens = if tokens_per_day > 0.0 {
        serving.cost_per_day / (tokens_per_day / 1e6)
    } else {
        0.0
    };

    Report {
        gpus: s.gpus,
        params_total: r.params_total,
        params_active: r.params_active,
        params_breakdown: r.breakdown,
        arch_implied: r.arch_implied,
        adapter_params: r.adapter_params,
        precision_used: r.precision,
        peak_flops: r.peak_flops,
        device: Device {
            name: r.gpu.name,
            hbm_bytes: r.hbm_bytes(),
            bandwidth_bytes_per_s: r.gpu.bandwidth_gbs * 1e9,
            tdp_w: r.gpu.tdp_w,
            net_gbps: r.net_gbps,
            net_assumed: s.net_gbps.is_none() && r.gpu.scale_out_source.is_none(),
            approximate: r.gpu.approximate,
        },
        limited_by,
        deadline_limited_by,
        deadline_fix,
        min_gpus_for_replica: memory::min_gpus_for_replica(&r),
        min_gpus_to_fit,
        rule_of_thumb_training_bytes: 20.0 * r.params_total,
        kv_cache_bytes_per_sequence: kv.bytes_at(f64::from(s.prompt_tokens + s.output_tokens)),
        kv_cache_bytes_per_token,
        kv_cache_bytes_at_context,
        kv_bounded_bytes_at_context: kv.bounded_bytes_at(context),
        kv_cache: kv,
        params_with_mtp: ParamCount::with_mtp_as(r.params_total, r.breakdown.mtp),
        inference_rule_of_thumb_bytes: RULE_OF_THUMB_FACTOR * inference_weights_bytes,
        inference_memory_bytes,
        inference_context_tokens: inference::context_tokens(s),
        inference_memory_gpus: inference::memory_devices_as(inference_memory_bytes, r.hbm_bytes())
            .ceil()
            .max(1.0) as u64,
        inference_weights_bytes,
        training,
        memory_per_gpu,
        memory_by_zero,
        serving,
        solve: s.solve,
        answers,
        calibration,
        step,
        layout: r.layout,
        layouts,
        layouts_evaluated,
        cost,
        notices,
    }
}

/// One point of a device-count sweep.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    /// Devices.
    pub gpus: u32,
    /// Training time, s.
    pub seconds: f64,
    /// Whether the configuration fits in memory at this count.
    pub fits: bool,
}

/// Training days and memory fit over device counts, for the GPU-count chart. Resolves the
/// scenario once; each point costs one time and one memory evaluation.
///
/// `layout` is the report's (the search's with `layout=auto`); each count keeps its shape and
/// changes the data-parallel size. With `mfu=auto` each point takes the step-time model's MFU
/// at its count.
pub fn sweep_gpus(s: &Scenario, layout: Layout, counts: &[u32]) -> Vec<SweepPoint> {
    let (mut r, _) = calibration::resolve(s);
    r.layout = layout;
    let flops = training::training_flops_as(training::model_flops_per_token(&r), r.tokens);
    counts
        .iter()
        .map(|&gpus| {
            let dp = r.data_parallel(gpus);
            r.layout.dp = dp;
            if s.mfu_auto {
                r.mfu = step::step_time(&r).mfu;
            }
            SweepPoint {
                gpus,
                seconds: training::training_seconds(&r, flops, gpus),
                fits: memory::memory_at(&r, layout.zero, dp).fits,
            }
        })
        .collect()
}

/// How one headline figure is computed: the formula, the same with the scenario's numbers, the
/// result and the source. The numbers are a [`Calc`] that the result is evaluated from, so the
/// printed operands multiply out to the printed result by construction; where a step follows
/// that is not arithmetic (rounding to whole replicas, a search), `then` says what it is.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Derivation {
    /// The report key.
    pub metric: MetricId,
    /// The formula in symbols.
    pub formula: &'static str,
    /// The computation with this scenario's numbers.
    pub calc: Calc,
    /// The step after the arithmetic, if any.
    pub then: Option<Step>,
    /// The unit of the result (`FLOP`, `B`, `days`, `$`, `¥` …).
    pub unit: &'static str,
    /// The formula with this scenario's numbers, and the result.
    pub with_numbers: String,
    /// The result: `calc`'s value, or the step's after it.
    pub result: f64,
    /// Paper and equation.
    pub source: &'static str,
}

/// A step of a derivation that is not arithmetic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Rounded up to whole tp·pp replicas (and 8-device nodes), at least the memory minimum.
    WholeReplicas,
    /// Rounded up to a whole number.
    RoundedUp,
    /// The fewest whole replicas whose predicted MFU meets the deadline, searched over counts.
    SearchOverCounts,
    /// Held at the largest share the figures allow (spot overhead at 95 %).
    Capped,
}

impl Step {
    /// The step in words (English; the page translates it).
    pub fn words(self) -> &'static str {
        match self {
            Step::WholeReplicas => "whole replicas",
            Step::RoundedUp => "rounded up",
            Step::SearchOverCounts => "fewest replicas meeting the deadline at their predicted MFU",
            Step::Capped => "capped at 95 %",
        }
    }
}

impl Derivation {
    /// The formula with its numbers and the result, the step named by `step_words` (the page
    /// passes its language's words; `with_numbers` holds the English).
    pub fn numbers(&self, step_words: impl Fn(Step) -> &'static str) -> String {
        let sep = if self.unit.is_empty() { "" } else { " " };
        let (calc, unit, result) = (&self.calc, self.unit, calc::show(self.result));
        match self.then {
            None => format!("{} = {result}{sep}{unit}", calc.text()),
            Some(step) => format!(
                "{} = {} → {} → {result}{sep}{unit}",
                calc.text(),
                calc::show(calc.eval()),
                step_words(step)
            ),
        }
    }

    fn new(
        metric: MetricId,
        formula: &'static str,
        calc: Calc,
        unit: &'static str,
        source: &'static str,
    ) -> Self {
        let result = calc.eval();
        Self::with_step(metric, formula, calc, None, result, unit, source)
    }

    fn with_step(
        metric: MetricId,
        formula: &'static str,
        calc: Calc,
        then: Option<Step>,
        result: f64,
        unit: &'static str,
        source: &'static str,
    ) -> Self {
        let mut d = Derivation {
            metric,
            formula,
            calc,
            then,
            unit,
            with_numbers: String::new(),
            result,
            source,
        };
        d.with_numbers = d.numbers(Step::words);
        d
    }
}

/// The derivation of each headline figure, built on demand (not in the sweep's hot path), from
/// the operands the figures are computed from.
pub fn derivations(s: &Scenario, rep: &Report) -> Vec<Derivation> {
    let (mut r, _) = calibration::resolve(s);
    // The layout the figures were computed at (tuned or searched).
    r.layout = rep.layout;
    let t = &rep.training;
    let m = &rep.memory_per_gpu;
    let sv = &rep.serving;
    let a = &r.arch;
    let b = &rep.params_breakdown;
    let d = Derivation::new;
    let f = |x: f64| num(x);
    let params = if s.params.is_some() {
        d(
            MetricId::ParamsTotal,
            "N (given)",
            f(rep.params_total),
            "",
            "docs/model.md §1",
        )
    } else {
        d(
            MetricId::ParamsTotal,
            "N = embeddings + attention + dense FFN + routed experts + shared experts and routers + norms",
            ParamCount::total_as([
                f(b.embedding),
                f(b.attention),
                f(b.dense_ffn),
                f(b.routed_experts),
                f(b.shared_and_router),
                f(b.norms),
            ]),
            "",
            "docs/model.md §1; Narayanan et al. 2021 eq. 2",
        )
    };
    let (attention_formula, attention_source) = if training::attention_closed_form(&r) {
        (
            "C_attn = 6 · L · s · a · (d_qk + d_v) · D",
            "Narayanan et al. 2021 eq. 3; Kaplan et al. 2020 sec. 2.1",
        )
    } else {
        (
            "C_attn = 3 · forward per token over the layer schedule (keys: s, window or top-k; linear: 6 · H_v · d_k · d_v) · D",
            "Narayanan et al. 2021 eq. 3; docs/model.md §2",
        )
    };
    let cny = s.currency == Currency::Cny;
    let money = if cny { "¥" } else { "$" };
    let gpus = f64::from(s.gpus);
    // The MFU the figures used: given, from a given HFU, or the step-time model's.
    let mfu = rep.training.mfu;
    let o = step::operands(&r);
    let parts = step::parts(&o);
    let (rental_formula, rental_source) = if rep.cost.tier == PriceTier::Spot {
        (
            "cost = GPU-hours · wall factor 1 / (1 − spot overhead) · spot price per GPU-hour",
            "docs/model.md §7; an article on estimating LLM compute (spot 70-90 % cheaper)",
        )
    } else {
        (
            "cost = GPU-hours · price per GPU-hour of the tier",
            "docs/model.md §7; DeepSeek-V3 report (US$2/H800-hour)",
        )
    };
    let step_rows = parts
        .iter()
        .map(|(metric, formula, calc, source)| d(*metric, formula, calc.clone(), "s", source));
    let step_total = d(
        MetricId::StepTimeS,
        "step = compute + TP + bubble + DP + EP + CP + optimizer",
        step::time_as(parts.each_ref().map(|(_, _, calc, _)| f(calc.eval()))),
        "s",
        "docs/model.md §6",
    );
    let step_mfu = d(
        MetricId::StepMfu,
        "MFU = (6 · N_active + attention) per token · tokens per step / (step · n · F_peak)",
        step::mfu_as(&o, f(rep.step.time_s), r.peak_flops),
        "",
        "PaLM App. B; Narayanan et al. 2021 eq. 3",
    );
    let mut rows = vec![
        params,
        d(
            MetricId::TrainingFlops,
            "C = 6 · (N_active + N_MTP,active) · D · epochs (LoRA: (4 · N_active + 6 · N_adapter) · D · epochs)",
            training::training_flops_as(training::model_flops_per_token_as(&r), r.tokens),
            "FLOP",
            "Kaplan et al. 2020 Table 1; Hoffmann et al. 2022 App. F",
        ),
        d(
            MetricId::AttentionFlops,
            attention_formula,
            training::attention_flops_as(training::attention_flops_per_token_as(&r), t.tokens),
            "FLOP",
            attention_source,
        ),
        d(
            MetricId::PfDays,
            "PF-days = C / (10^15 × 86400)",
            training::pf_days_as(f(t.training_flops)),
            "",
            "Brown et al. 2020 Table D.1",
        ),
        d(
            MetricId::TrainingSeconds,
            "T = C / (n · F_peak · MFU)",
            training::seconds_as(f(t.training_flops), gpus, r.peak_flops, mfu),
            "s",
            "Narayanan et al. 2021 eq. 4; PaLM App. B (MFU)",
        ),
        d(
            MetricId::GpuHours,
            "GPU-hours = T · n / 3600",
            training::gpu_hours_as(f(t.training_seconds), gpus),
            "h",
            "docs/model.md §3",
        ),
        Derivation::with_step(
            MetricId::GpusForDeadline,
            "n = C / (F_peak · MFU · T_deadline · 86400), rounded up to whole tp·pp replicas (and 8-device nodes), at least the memory minimum",
            training::deadline_gpus_as(f(t.training_flops), r.peak_flops, mfu, s.deadline_days),
            Some(if s.mfu_auto {
                Step::SearchOverCounts
            } else {
                Step::WholeReplicas
            }),
            rep.figure(MetricId::GpusForDeadline),
            "",
            "docs/model.md §3",
        ),
        d(
            MetricId::MemoryPerGpuTotalBytes,
            "M = weights + gradients + optimizer states (over tp·pp, ZeRO over N_d) + activations",
            memory::per_device_as(
                f(m.weights_bytes),
                f(m.gradients_bytes),
                f(m.optimizer_bytes),
                f(m.activations_bytes),
            ),
            "B",
            "Rajbhandari et al. 2020 sec. 3.1; Korthikanti et al. 2022 Table 2",
        ),
        d(
            MetricId::MemoryPerGpuActivationsBytes,
            "A = micro-batches in flight · L/p · per layer (+ the output layer at the last stage)",
            memory::activations_calc(&r, m.data_parallel),
            "B",
            "Korthikanti et al. 2022 eq. 1-5",
        ),
        Derivation::with_step(
            MetricId::MinGpusForReplica,
            "n_min = model states of one replica / HBM",
            memory::replica_devices_as(f(memory::replica_model_states_bytes(&r)), r.hbm_bytes()),
            Some(Step::RoundedUp),
            rep.min_gpus_for_replica as f64,
            "",
            "Rajbhandari et al. 2020 sec. 3.1",
        ),
        d(
            MetricId::KvCacheBytesPerToken,
            match (a.is_mla(), a.is_sparse()) {
                (true, true) => {
                    "KV = L_global · ((d_c + d_rope) · bytes(kv) + indexer key (FP8 d_I + fp32 scale per 128))"
                }
                (true, false) => "KV = L_global · (d_c + d_rope) · bytes(kv)",
                (false, true) => {
                    "KV = L_global · (2 · g · d_h · bytes(kv) + indexer key (FP8 d_I + fp32 scale per 128))"
                }
                (false, false) => "KV = L_global · 2 · g · d_h · bytes(kv)",
            },
            rep.kv_cache.growing_bytes_per_token_as(),
            "B",
            "Kwon et al. 2023 (vLLM) sec. 3; DeepSeek-V2 sec. 2.1; DeepSeek-V3.2 inference/model.py",
        ),
        d(
            MetricId::KvCacheBytesAtContext,
            "KV(ctx) = Σ over layer kinds: layers · (min(ctx, window) · bytes per token + fixed state)",
            rep.kv_cache
                .bytes_at_as(f64::from(inference::context_tokens(s))),
            "B",
            "docs/model.md §5",
        ),
        d(
            MetricId::KvBoundedBytesAtContext,
            "KV_bounded(ctx) = Σ over layer kinds: layers · (windowed: min(ctx, window) · bytes per token + fixed state)",
            rep.kv_cache
                .bounded_bytes_at_as(f64::from(inference::context_tokens(s))),
            "B",
            "docs/model.md §5",
        ),
        d(
            MetricId::ParamsWithMtp,
            "N + N_MTP (each module: one layer, the 2h × h projection, norms)",
            ParamCount::with_mtp_as(f(rep.params_total), r.breakdown.mtp),
            "",
            "DeepSeek-V3 sec. 2.2; docs/model.md §1",
        ),
        d(
            MetricId::InferenceWeightsBytes,
            "W = 16-bit embeddings, norms, routers + linear weights · bytes(format) + experts · bytes(expert format), scales included",
            inference::weights_calc(&r),
            "B",
            "docs/model.md §5",
        ),
        d(
            MetricId::InferenceMemoryBytes,
            "M_inf = W + KV(context) · concurrent sequences",
            inference::memory_as(
                f(rep.inference_weights_bytes),
                f(rep.kv_cache_bytes_at_context),
                s.concurrent_sequences,
            ),
            "B",
            "Kwon et al. 2023 (vLLM) sec. 3; docs/model.md §5",
        ),
        Derivation::with_step(
            MetricId::InferenceMemoryGpus,
            "devices = M_inf / (HBM · 90 %), rounded up",
            inference::memory_devices_as(f(rep.inference_memory_bytes), r.hbm_bytes()),
            Some(Step::RoundedUp),
            rep.inference_memory_gpus as f64,
            "",
            "vLLM gpu_memory_utilization 0.9; docs/model.md §5",
        ),
        d(
            MetricId::ServingTokensPerSPerGpu,
            "tok/s = B · out / (t_request · replica size); t_request = B · prefill + out · max(memory, compute step)",
            inference::tokens_per_s_per_gpu_as(
                f64::from(sv.batch),
                f64::from(s.output_tokens),
                sv.request_s,
                f64::from(sv.replica_gpus),
            ),
            "tok/s",
            "Williams et al. 2009 (roofline); Pope et al. 2022",
        ),
        Derivation::with_step(
            MetricId::ServingGpus,
            "GPUs = ceil(req/s · t_request / B) · replica size",
            inference::serving_gpus_as(
                inference::replicas_as(sv.requests_per_s, sv.request_s, f64::from(sv.batch)),
                f64::from(sv.replica_gpus),
            ),
            None,
            sv.gpus as f64,
            "",
            "Little's law; docs/model.md §5",
        ),
        d(
            MetricId::Rental,
            rental_formula,
            cost::rental_as(
                f(t.gpu_hours),
                cost::wall_factor(rep.cost.tier, &rep.cost.spot),
                rep.cost.price_per_gpu_hour,
            ),
            money,
            rental_source,
        ),
        spot_overhead_row(s, &rep.cost.spot),
        d(
            MetricId::PurchaseCost,
            "purchase = n · price per device · (1 + interconnect share)",
            cost::purchase_as(f(gpus), cost::unit_price(s, rep.cost.catalog_gpu_price)),
            money,
            "docs/model.md §7",
        ),
        d(
            MetricId::ElectricityCost,
            "electricity = E / 3.6e6 J/kWh · price per kWh",
            cost::per_kwh_as(f(rep.cost.energy_joules), s.electricity_per_kwh),
            money,
            "docs/model.md §7",
        ),
        d(
            MetricId::EnergyJoules,
            if rep.cost.wall_factor == 1.0 {
                "E = GPU-hours · 3600 s/h · P · PUE"
            } else {
                "E = GPU-hours · spot wall factor · 3600 s/h · P · PUE"
            },
            cost::energy_joules_as(
                f(t.gpu_hours),
                rep.cost.wall_factor,
                rep.cost.power_w,
                s.pue,
            ),
            "J",
            "Touvron et al. 2023 sec. 5.3",
        ),
        d(
            MetricId::Co2Kg,
            "CO2 = E / 3.6e6 J/kWh · grid intensity",
            cost::per_kwh_as(f(rep.cost.energy_joules), s.grid_kg_per_kwh),
            "kg",
            "Touvron et al. 2023 sec. 5.3 (0.385 kg/kWh)",
        ),
        d(
            MetricId::ChinchillaParams,
            "N_opt = sqrt(C / 120); D_opt = 20 · N_opt",
            training::chinchilla_params_as(f(t.training_flops)),
            "",
            "Hoffmann et al. 2022",
        ),
    ];
    let deadline_flops = || solve::deadline_flops_as(gpus, r.peak_flops, mfu, s.deadline_days);
    rows.push(d(
        MetricId::TokensTrainable,
        "D = n · F_peak · MFU · T_deadline · 86400 / (6 · N_active)",
        solve::tokens_as(deadline_flops(), training::model_flops_per_token(&r)),
        "",
        "Kaplan et al. 2020 Table 1; docs/model.md §3",
    ));
    let wall = cost::wall_factor(rep.cost.tier, &rep.cost.spot);
    let budget_hours = f(rep.answers.budget_gpu_hours);
    if let Some(budget) = s.budget {
        rows.push(d(
            MetricId::BudgetGpuHours,
            if wall.is_some() {
                "GPU-hours = budget / (price per GPU-hour · spot wall factor)"
            } else {
                "GPU-hours = budget / price per GPU-hour"
            },
            solve::budget_gpu_hours_as(budget, rep.cost.price_per_gpu_hour, wall),
            "h",
            "docs/model.md §7",
        ));
        rows.push(d(
            MetricId::BudgetSeconds,
            "T = GPU-hours · 3600 / n",
            solve::budget_seconds_as(budget_hours.clone(), gpus),
            "s",
            "docs/model.md §7",
        ));
    }
    rows.push(d(
        MetricId::OptimalParams,
        if s.budget.is_some() {
            "N_opt = sqrt(C / 120), C = GPU-hours bought · 3600 · F_peak · MFU"
        } else {
            "N_opt = sqrt(C / 120), C = n · F_peak · MFU · T_deadline · 86400"
        },
        training::chinchilla_params_as(if s.budget.is_some() {
            solve::budget_flops_as(budget_hours, r.peak_flops, mfu)
        } else {
            deadline_flops()
        }),
        "",
        "Hoffmann et al. 2022 (C = 6ND, D = 20N)",
    ));
    if s.hfu.is_some() && !s.mfu_auto {
        rows.push(d(
            MetricId::Mfu,
            "MFU = HFU · 6N / (6N + attention + recomputation) per token",
            training::mfu_from_hfu_as(
                s.hfu.unwrap_or_default(),
                training::model_flops_per_token(&r),
                training::hardware_flops_per_token(&r),
            ),
            "",
            "PaLM App. B; Narayanan et al. 2021 eq. 3",
        ));
    }
    if let Some(c) = rep.calibration {
        rows.push(d(
            MetricId::CalibrationFactor,
            "k solves step(measured run; compute efficiencies × k) = its measured step (bisection): measured step / step at k = 1 is about 1/k where compute dominates",
            num(c.factor),
            "",
            "docs/model.md §9 (calibration)",
        ));
    }
    rows.push(step_total);
    rows.extend(step_rows);
    rows.push(step_mfu);
    rows
}

/// Spot's share of wall time lost to interruptions, as the renewal argument gives it.
fn spot_overhead_row(s: &Scenario, spot: &SpotRestarts) -> Derivation {
    let calc: Calc = cost::spot_overhead_as(
        cost::interruptions_per_hour_as(s.spot_interruptions, spot.nodes),
        cost::lost_hours_each_as(s.checkpoint_hours, s.restart_minutes),
    );
    let capped = calc.eval() > MAX_SPOT_OVERHEAD;
    Derivation::with_step(
        MetricId::SpotOverhead,
        "spot overhead = interruptions per node-month · nodes / 730 h · (checkpoint interval / 2 + restart)",
        calc,
        capped.then_some(Step::Capped),
        spot.overhead,
        "",
        "docs/model.md §7 (renewal argument: each hour of wall time loses the work of its interruptions)",
    )
}
