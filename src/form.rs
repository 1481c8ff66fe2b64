//! The form's view logic, as plain Rust over the scenario and its report: which parts of the
//! form a scenario shows, what an empty optional field stands for (its placeholder), the live
//! hints under the pickers, the calibration's line, and a layout in one line. The page
//! (`app::inputs`, `app::layouts`) only puts these on screen, so native tests read them.

use crate::estimate::architecture::{Architecture, LocalAttention};
use crate::estimate::calibration::Calibration;
use crate::estimate::hardware;
use crate::estimate::layout::Layout;
use crate::estimate::query::{self, FieldId as F};
use crate::estimate::scenario::{Currency, DEFAULT_CNY_PER_USD, Finetune, PriceTier, Schedule};
use crate::estimate::solve::Solve;
use crate::estimate::{Report, Scenario};
use crate::human;
use crate::i18n::{self, Lang};
use crate::messages as msg;
use crate::metrics::MetricId;

/// Which conditional parts of the form a scenario shows. The page reads it as one memo, so a
/// move re-runs one node instead of one per part, and the parts only when one appears or goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    /// The question is serving: its inputs are the users', not the training run's.
    pub serve: bool,
    /// A custom accelerator: its peak, memory and bandwidth are typed.
    pub custom_gpu: bool,
    /// The budget is asked about or given.
    pub uses_budget: bool,
    /// Users counted as concurrent (no request rate per user).
    pub concurrent: bool,
    /// The layout search chooses the layout (its fields are hidden).
    pub layout_auto: bool,
    /// An adapter (LoRA or QLoRA): its rank.
    pub lora: bool,
    /// Experts, or expert parallelism asked for.
    pub moe: bool,
    /// Spot prices: checkpoints, interruptions and restarts.
    pub spot: bool,
    /// Yuan, or an exchange rate set: the rate.
    pub cny: bool,
    /// The architecture has a dense FFN (unless every layer is a mixture of experts).
    pub dense_ffn: bool,
    /// The architecture's experts.
    pub arch_moe: bool,
    /// Multi-head latent attention.
    pub arch_mla: bool,
    /// Local layers of any kind.
    pub arch_local: bool,
    /// Windowed or chunked local layers.
    pub arch_window: bool,
    /// Linear-attention local layers.
    pub arch_linear: bool,
    /// Sparse attention.
    pub arch_sparse: bool,
    /// TP communication to overlap: sequence parallelism over more than one TP rank.
    pub tp_overlap: bool,
    /// More than one pipeline stage: a schedule to choose.
    pub pipeline: bool,
}

impl Shown {
    /// What a scenario shows.
    pub fn of(s: &Scenario) -> Self {
        let arch = |test: fn(&Architecture) -> bool| s.arch.as_ref().is_some_and(test);
        Shown {
            serve: s.solve == Solve::Serve,
            custom_gpu: s.gpu == hardware::CUSTOM_ID,
            uses_budget: matches!(s.solve, Solve::Model | Solve::Budget) || s.budget.is_some(),
            concurrent: s.users_concurrent,
            layout_auto: s.layout_auto,
            lora: matches!(s.finetune, Finetune::Lora | Finetune::Qlora),
            moe: arch(Architecture::is_moe) || s.ep > 1,
            spot: s.price_tier == PriceTier::Spot,
            cny: s.currency == Currency::Cny || s.cny_per_usd != DEFAULT_CNY_PER_USD,
            dense_ffn: arch(|a| !a.is_moe() || a.dense_layers > 0),
            arch_moe: arch(Architecture::is_moe),
            arch_mla: arch(Architecture::is_mla),
            arch_local: arch(|a| a.local != LocalAttention::None),
            arch_window: arch(|a| a.local.is_bounded()),
            arch_linear: arch(|a| a.local.is_linear()),
            arch_sparse: arch(Architecture::is_sparse),
            tp_overlap: s.sp && (s.layout_auto || s.tp > 1),
            pipeline: s.pp > 1,
        }
    }
}

/// Fields whose empty input stands for something, shown as its placeholder.
pub const PLACEHOLDERS: [F; 11] = [
    F::Hfu,
    F::NetGbps,
    F::Etp,
    F::ContextTokens,
    F::PricePerGpuHour,
    F::PriceReserved1y,
    F::PriceReserved3y,
    F::PriceSpot,
    F::GpuPrice,
    F::PowerW,
    F::RequestsPerS,
];

/// What an empty optional field stands for (the catalog's price, the TDP, the rate from the
/// users); empty for the other fields.
pub fn placeholder(field: F, r: &Report, lang: Lang) -> String {
    let ui = lang.ui();
    match field {
        // Every tier: a price a cloud publishes, else a labelled assumption.
        F::PricePerGpuHour | F::PriceReserved1y | F::PriceReserved3y | F::PriceSpot => {
            let tier = match field {
                F::PricePerGpuHour => PriceTier::OnDemand,
                F::PriceReserved1y => PriceTier::Reserved1y,
                F::PriceReserved3y => PriceTier::Reserved3y,
                _ => PriceTier::Spot,
            };
            let label = if r.cost.price_assumed_by_tier.get(tier) {
                ui.assumption
            } else {
                ui.published_price
            };
            // Shown only while the field is empty: the tier's price is then the catalog's.
            msg::noted(lang, &human::sig3(r.cost.price_by_tier.get(tier)), &label)
        }
        // TPUs and Trainium are rented only.
        F::GpuPrice if r.cost.rented_only => ui.not_for_sale.to_string(),
        F::GpuPrice => msg::noted(
            lang,
            &human::sig3(r.cost.catalog_gpu_price),
            &ui.catalog_price,
        ),
        // Symbols only: the same in both languages.
        F::PowerW => format!("{} W (TDP)", r.cost.power_w),
        F::RequestsPerS => human::sig3(r.serving.requests_per_s),
        // What an empty field stands for: the HFU the MFU implies, one request's context.
        F::Hfu => human::percent(r.training.hfu),
        F::ContextTokens => human::exact(f64::from(r.inference_context_tokens)),
        // The expert tensor-parallel size the layout uses when none is given.
        F::Etp => human::exact(f64::from(r.layout.etp)),
        // The accelerator's scale-out network, sourced or labelled an assumption.
        F::NetGbps => msg::noted(
            lang,
            &human::exact(r.device.net_gbps),
            &if r.device.net_assumed {
                ui.assumption
            } else {
                ui.catalog_source
            },
        ),
        _ => String::new(),
    }
}

/// A live hint under a picker, with its raw number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hint {
    /// The accelerator's peak, memory, bandwidth and power, under its picker.
    Specs,
    /// The compute-optimal model and data for the run's compute, under the data.
    Chinchilla,
}

impl Hint {
    /// Its name in the page's ids (`hint-specs`).
    pub fn id(self) -> &'static str {
        match self {
            Hint::Specs => "specs",
            Hint::Chinchilla => "chinchilla",
        }
    }

    /// The figure its raw number is (`data-metric`).
    pub fn metric(self) -> MetricId {
        match self {
            Hint::Specs => MetricId::PeakFlops,
            Hint::Chinchilla => MetricId::ChinchillaParams,
        }
    }

    /// Its text and raw number.
    pub fn text(self, r: &Report, lang: Lang) -> (String, f64) {
        match self {
            Hint::Chinchilla => {
                let t = &r.training;
                (
                    msg::chinchilla(
                        lang,
                        &human::count(t.chinchilla_params, lang),
                        &human::count(t.chinchilla_tokens, lang),
                    ),
                    t.chinchilla_params,
                )
            }
            Hint::Specs => {
                let g = &r.device;
                // Figures and symbols, the same in both languages; a note where approximate.
                let specs = format!(
                    "{} TFLOP/s {} · {} · {}/s · {} W",
                    human::sig3(r.peak_flops / 1e12),
                    r.precision_used.id(),
                    human::bytes(g.hbm_bytes),
                    human::bytes(g.bandwidth_bytes_per_s),
                    human::sig3(g.tdp_w)
                );
                let text = if g.approximate {
                    msg::noted(lang, &specs, &lang.ui().approximate)
                } else {
                    specs
                };
                (text, r.peak_flops)
            }
        }
    }
}

/// The calibration's line: its factor, from the measured step against the predicted one, or
/// that there is none yet.
pub fn calibration_line(c: Option<&Calibration>, lang: Lang) -> String {
    match c {
        None => lang.ui().calibrate_none.to_string(),
        Some(c) => msg::calibrated(
            lang,
            &format_args!("{:.3}", c.factor),
            &human::sig3(c.measured_step_s),
            &human::sig3(c.predicted_step_s),
        ),
    }
}

/// A layout in a line: `TP 8 · PP 4 (vpp 2) · DP 64 · micro-batch 1 · selective · ZeRO-1`; EP
/// (with ETP) and CP only where they are used. The layouts tab's rows and the calibration's
/// timed run read this.
pub fn layout_line(l: &Layout, lang: Lang) -> String {
    let mut parts = vec![format!("TP {}", l.tp)];
    parts.push(if l.vpp > 1 {
        format!("PP {} (vpp {})", l.pp, l.vpp)
    } else if l.pp > 1 && l.schedule != Schedule::OneFOneB {
        format!(
            "PP {} ({})",
            l.pp,
            i18n::choice_label(F::PpSchedule, l.schedule.id(), lang)
        )
    } else {
        format!("PP {}", l.pp)
    });
    parts.push(format!("DP {}", l.dp));
    if l.ep > 1 {
        // The expert group: its tensor-parallel size too, which folding sets apart from TP.
        parts.push(format!("EP {} · ETP {}", l.ep, l.etp));
    }
    if l.cp > 1 {
        parts.push(format!("CP {}", l.cp));
    }
    // A field's label and its value, as the form shows them (a label, then the figure).
    parts.push(format!(
        "{} {}",
        i18n::field_label(F::MicroBatch, lang),
        l.micro_batch
    ));
    parts.push(i18n::choice_label(
        F::Recompute,
        query::recompute_id(l.recompute),
        lang,
    ));
    parts.push(format!("ZeRO-{}", l.zero));
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{estimate, query};

    fn report(q: &str) -> Report {
        estimate(&query::parse(q).scenario)
    }

    /// The placeholders the end-to-end test reads in English (tests/e2e/page.test.js), and the
    /// same in Chinese with its own parentheses. The H100's on-demand $2.5 is the catalog's
    /// assumption; its 700 W TDP and 2.78 requests/s (10,000 users × 1 request an hour) the
    /// default scenario's.
    #[test]
    fn placeholders_say_what_an_empty_field_stands_for() {
        let r = report("");
        let p = |f, l| placeholder(f, &r, l);
        assert_eq!(p(F::PricePerGpuHour, Lang::En), "2.5 (assumption)");
        assert_eq!(p(F::PricePerGpuHour, Lang::Zh), "2.5（假设）");
        assert_eq!(p(F::PowerW, Lang::En), "700 W (TDP)");
        assert_eq!(p(F::RequestsPerS, Lang::En), "2.78");
        assert_eq!(p(F::Tokens, Lang::En), "");
        // Rented only: no price to buy a TPU at.
        let tpu = report("gpu=tpu-v5p");
        assert_eq!(
            placeholder(F::GpuPrice, &tpu, Lang::En),
            "rented only, not sold"
        );
    }

    /// The hints under the pickers: the H100 SXM5's 989 TFLOP/s dense BF16, 80 GB and
    /// 3.35 TB/s (its datasheet), and the compute-optimal model for the default run's compute.
    #[test]
    fn hints_read_in_both_languages() {
        let r = report("");
        let (specs, peak) = Hint::Specs.text(&r, Lang::En);
        assert_eq!(specs, "989 TFLOP/s bf16 · 80 GB · 3.35 TB/s · 700 W");
        assert_eq!(peak, r.peak_flops);
        let (en, n) = Hint::Chinchilla.text(&r, Lang::En);
        let (zh, _) = Hint::Chinchilla.text(&r, Lang::Zh);
        assert_eq!(n, r.training.chinchilla_params);
        // 230B parameters on 4.6T tokens: C = 6ND with D = 20N for the default run's 6.35e24.
        assert_eq!(
            en,
            "Compute-optimal for this budget (Chinchilla): N = 230B, D = 4.6T"
        );
        assert_eq!(
            zh,
            "此算力预算下的最优配置（Chinchilla）：N = 2300亿，D = 4.6万亿"
        );
    }

    #[test]
    fn the_calibration_line_reads_in_both_languages() {
        let c = Calibration {
            factor: 0.8766,
            measured_step_s: 12.5,
            predicted_step_s: 10.96,
            measured_mfu: 0.35,
            matched: true,
        };
        assert_eq!(
            calibration_line(Some(&c), Lang::En),
            "compute efficiency × 0.877: measured 12.5 s per step where the fitted model predicts 11 s"
        );
        assert_eq!(
            calibration_line(Some(&c), Lang::Zh),
            "计算效率 × 0.877：实测每步 12.5 秒，拟合模型预测 11 秒"
        );
    }

    /// The default layout (TP 8, PP 4 over 2,048 devices: 64 replicas; the interleaving as the
    /// default scenario resolves it), and DeepSeek-V3 with its experts over EP 64.
    #[test]
    fn a_layout_reads_in_a_line() {
        let r = report("");
        let ds = report("model=deepseek-v3&gpus=2048&tp=2&pp=16&ep=64");
        assert_eq!(
            layout_line(&r.layout, Lang::En),
            "TP 8 · PP 4 (vpp 10) · DP 64 · Micro-batch 1 · selective (attention) · ZeRO-1"
        );
        assert_eq!(
            layout_line(&r.layout, Lang::Zh),
            "TP 8 · PP 4 (vpp 10) · DP 64 · 微批大小 1 · 选择性（注意力） · ZeRO-1"
        );
        // 2,048 = TP 2 × PP 16 × DP 64; the experts' group is EP 64 × ETP 2.
        assert_eq!(
            layout_line(&ds.layout, Lang::En),
            "TP 2 · PP 16 (vpp 4) · DP 64 · EP 64 · ETP 2 · Micro-batch 1 · selective (attention) · ZeRO-1"
        );
    }

    /// What the form shows follows the scenario: serving's inputs, the spot fields, the
    /// architecture's parts.
    #[test]
    fn the_form_shows_what_the_scenario_uses() {
        let s = |q: &str| Shown::of(&query::parse(q).scenario);
        let default = s("");
        assert!(!default.serve && !default.spot && !default.moe && default.pipeline);
        assert!(s("solve=serve").serve);
        assert!(s("price_tier=spot").spot);
        let ds = s("model=deepseek-v3");
        assert!(ds.moe && ds.arch_moe && ds.arch_mla && ds.dense_ffn);
        assert!(s("currency=cny").cny);
        assert!(s("solve=budget").uses_budget);
        assert!(!s("pp=1").pipeline);
    }
}
