//! The headline cards as data, and everything they say in words: which figures, in what order,
//! the line under each, when one is a warning, its range under the predicted MFU's error band,
//! and the answer card's texts. Plain Rust over the report, so native tests read the page's
//! sentences; the page (`app::cards`) only puts them on screen.

use crate::estimate::Report;
use crate::estimate::answer::Unanswered;
use crate::estimate::limits::LimitedBy;
use crate::estimate::scenario::PriceTier;
use crate::estimate::validation::{Band, OutsideGround};
use crate::human;
use crate::i18n::{Lang, Ui};
use crate::messages as msg;
use crate::metrics::{Metric, MetricId};

/// One headline card: its figure (a row of the metric table) and the line under it.
pub struct CardDef {
    /// The figure.
    pub metric: MetricId,
    /// The detail line, in a language, with money in yuan when `cny`.
    pub detail: fn(&Report, Lang, bool) -> String,
    /// The figure is a warning (red card).
    pub warn: fn(&Report) -> bool,
    /// The figure is proportional to 1/MFU, so the predicted MFU's error band gives its range.
    pub banded: bool,
}

fn never(_: &Report) -> bool {
    false
}

/// Clauses of a detail line, in the order read.
fn clauses(parts: &[String]) -> String {
    parts.join(" · ")
}

/// A price tier's word.
fn tier_word(ui: &Ui, t: PriceTier) -> &'static str {
    match t {
        PriceTier::OnDemand => ui.tier_on_demand,
        PriceTier::Reserved1y => ui.tier_1y,
        PriceTier::Reserved3y => ui.tier_3y,
        PriceTier::Spot => ui.tier_spot,
    }
}

/// The cards, in page order.
pub static CARDS: [CardDef; 13] = [
    CardDef {
        metric: MetricId::ParamsTotal,
        detail: |r, l, _| {
            if r.params_active < r.params_total {
                msg::active(l, &human::count(r.params_active, l))
            } else {
                String::new()
            }
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::TrainingFlops,
        detail: |r, l, _| {
            msg::hardware_flops(
                l,
                &human::sci(r.training.hardware_flops),
                &human::percent(r.training.hfu),
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::TrainingSeconds,
        detail: |r, l, _| {
            msg::replicas_hfu(
                l,
                &human::exact(f64::from(r.memory_per_gpu.data_parallel)),
                &human::percent(r.training.hfu),
            )
        },
        warn: never,
        banded: true,
    },
    CardDef {
        metric: MetricId::GpusForDeadline,
        // When memory, not compute, sets the count, the card says so and names the cheapest
        // change of layout that fits, with its count.
        detail: |r, l, _| match (&r.deadline_limited_by, &r.deadline_fix) {
            // No count meets the deadline: the figure is "—", and this says why.
            _ if r.training.gpus_for_deadline.is_none() => l.ui().answer_too_many.to_string(),
            (LimitedBy::Memory, Some(fix)) => clauses(&[
                l.ui().limited_by_memory.to_string(),
                msg::with_change(l, &fix.change, &human::devices(fix.gpus as f64, l)),
            ]),
            (LimitedBy::Memory, None) => l.ui().limited_by_memory.to_string(),
            _ => msg::before_rounding(l, &human::count(r.training.gpus_for_deadline_raw, l)),
        },
        warn: |r| r.deadline_limited_by == LimitedBy::Memory,
        banded: false,
    },
    CardDef {
        metric: MetricId::GpuHours,
        detail: |r, l, _| {
            clauses(&[
                msg::pf_days(l, &human::sig3(r.training.pf_days)),
                msg::attention_flops(l, &human::count(r.training.attention_flops, l)),
            ])
        },
        warn: never,
        banded: true,
    },
    CardDef {
        metric: MetricId::Rental,
        // The chosen tier's rent and price, the other tiers beside it (spot with its restarts),
        // and what buying the devices would cost.
        detail: |r, l, cny| {
            let ui = l.ui();
            let c = &r.cost;
            let price = format!(
                "{}{}",
                if cny { "¥" } else { "$" },
                human::sig3(c.price_per_gpu_hour)
            );
            let mut chosen = msg::tier_rent(l, &tier_word(ui, c.tier), &price);
            if c.price_is_assumption {
                chosen = msg::noted(l, &chosen, &ui.assumption);
            }
            if c.tier == PriceTier::Spot {
                chosen += " ";
                chosen += &msg::spot_restarts(l, &human::percent(c.spot.overhead));
            }
            let mut parts = vec![chosen];
            for t in PriceTier::ALL.into_iter().filter(|&t| t != c.tier) {
                let money = human::money(c.rental_by_tier.get(t), cny, l);
                parts.push(msg::tier_cost(l, &tier_word(ui, t), &money));
            }
            // TPUs and Trainium are rented only: the catalog has no price to buy them at.
            parts.push(if c.rented_only {
                ui.not_for_sale.to_string()
            } else {
                msg::buying(l, &human::money(c.purchase_cost, cny, l))
            });
            clauses(&parts)
        },
        warn: never,
        banded: true,
    },
    CardDef {
        metric: MetricId::EnergyJoules,
        detail: |r, l, cny| {
            clauses(&[
                msg::co2(l, &human::sig3(r.cost.co2_kg / 1e3)),
                msg::electricity(l, &human::money(r.cost.electricity_cost, cny, l)),
            ])
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::MemoryPerGpuTotalBytes,
        detail: |r, l, _| {
            let hbm = human::bytes(r.memory_per_gpu.hbm_bytes);
            if r.memory_per_gpu.fits {
                msg::fits(l, &hbm)
            } else {
                msg::does_not_fit(l, &hbm)
            }
        },
        warn: |r| !r.memory_per_gpu.fits,
        banded: false,
    },
    CardDef {
        metric: MetricId::MinGpusForReplica,
        detail: |r, l, _| {
            r.min_gpus_to_fit.map_or_else(
                || l.ui().does_not_fit.into(),
                |n| msg::this_config(l, &human::devices(n as f64, l)),
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::InferenceMemoryBytes,
        // Figures and symbols only: the same in both languages.
        detail: |r, l, _| {
            format!(
                "{} × {} · KV {}",
                human::devices(r.inference_memory_gpus as f64, l),
                human::bytes(r.device.hbm_bytes),
                human::bytes(r.inference_memory_bytes - r.inference_weights_bytes)
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::ServingGpus,
        // Where the latency target cannot be met, the card says so where the figure is, with the
        // best latency the replica sizes reach.
        detail: |r, l, _| {
            let sv = &r.serving;
            if sv.feasible {
                msg::serving_fleet(
                    l,
                    &sv.replicas,
                    &sv.replica_gpus,
                    &human::sig3(sv.ttft_s),
                    &human::sig3(sv.tpot_s * 1e3),
                )
            } else {
                msg::latency_not_met(
                    l,
                    &human::sig3(sv.best_latency_s),
                    &sv.best_latency_replica_gpus,
                )
            }
        },
        warn: |r| !r.serving.feasible,
        banded: false,
    },
    CardDef {
        metric: MetricId::ServingTokensPerSPerGpu,
        detail: |r, l, _| {
            msg::batch_kv(
                l,
                &r.serving.batch,
                &human::bytes(r.kv_cache_bytes_per_token),
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::ServingCostPerDay,
        // Rent per million tokens; owning the fleet instead (written off over three years, an
        // assumption); its power.
        detail: |r, l, cny| {
            let sv = &r.serving;
            clauses(&[
                msg::per_million_tokens(l, &human::money(sv.cost_per_million_tokens, cny, l)),
                if r.cost.rented_only {
                    l.ui().not_for_sale.to_string()
                } else {
                    msg::owning_per_day(l, &human::money(sv.ownership_per_day, cny, l))
                },
                msg::electricity(l, &human::money(sv.electricity_per_day, cny, l)),
            ])
        },
        warn: never,
        banded: false,
    },
];

/// The card of a figure.
pub fn card(metric: MetricId) -> Option<&'static CardDef> {
    CARDS.iter().find(|c| c.metric == metric)
}

/// The figures the compare table shows, in its order: every card but the two that describe
/// one configuration rather than a plan (minimum devices, tokens/s per device).
pub fn compared() -> impl Iterator<Item = &'static CardDef> {
    CARDS.iter().filter(|c| {
        !matches!(
            c.metric,
            MetricId::MinGpusForReplica | MetricId::ServingTokensPerSPerGpu
        )
    })
}

/// The range of a figure proportional to 1/MFU under the band, or the unchecked note; empty with
/// a given MFU (no band).
pub fn band_text(
    band: Option<Result<Band, OutsideGround>>,
    metric: &Metric,
    value: f64,
    mfu: f64,
    lang: Lang,
    cny: bool,
) -> String {
    match band {
        None => String::new(),
        Some(Ok(b)) => msg::band_range(
            lang,
            &metric.text(value * mfu / b.mfu_high, lang, cny),
            &metric.text(value * mfu / b.mfu_low, lang, cny),
        ),
        Some(Err(_)) => lang.ui().band_unchecked.to_string(),
    }
}

/// Why a question has no answer, as the answer card asks for what it needs.
pub fn unanswered_text(why: Unanswered, lang: Lang) -> &'static str {
    let ui = lang.ui();
    match why {
        Unanswered::NoBudget => ui.ask_budget,
        Unanswered::NeverFits => ui.answer_never_fits,
        Unanswered::DeadlineOutOfReach => ui.answer_too_many,
    }
}

/// What limits the answer, or why there is none: the answer card's detail line.
pub fn limit_text(
    unanswered: Option<Unanswered>,
    limited_by: LimitedBy,
    lang: Lang,
) -> &'static str {
    let ui = lang.ui();
    match (unanswered, limited_by) {
        (Some(why), _) => unanswered_text(why, lang),
        (None, LimitedBy::Compute) => ui.limited_compute,
        (None, LimitedBy::Memory) => ui.limited_memory,
        (None, LimitedBy::Deadline) => ui.limited_deadline,
        (None, LimitedBy::Budget) => ui.limited_budget,
        (None, LimitedBy::Load) => ui.limited_load,
    }
}

/// The same, as the answer card's `data-limited-by` names it for scripts and tests.
pub fn limit_id(unanswered: Option<Unanswered>, limited_by: LimitedBy) -> &'static str {
    match (unanswered, limited_by) {
        (Some(Unanswered::NoBudget), _) => "ask-budget",
        (Some(Unanswered::NeverFits), _) => "never-fits",
        (Some(Unanswered::DeadlineOutOfReach), _) => "out-of-reach",
        (None, LimitedBy::Compute) => "compute",
        (None, LimitedBy::Memory) => "memory",
        (None, LimitedBy::Deadline) => "deadline",
        (None, LimitedBy::Budget) => "budget",
        (None, LimitedBy::Load) => "load",
    }
}

/// The answer on a second accelerator.
#[derive(Clone, Debug, PartialEq)]
pub struct Versus {
    /// The accelerator's name.
    pub name: &'static str,
    /// The answer's figure.
    pub metric: MetricId,
    /// Its value there, or why the question has no answer there.
    pub value: Result<f64, Unanswered>,
}

/// The same answer on the accelerator compared with, and how far it is from this one's
/// (`here`, the answer on the scenario's own accelerator).
pub fn versus_text(v: &Versus, here: f64, lang: Lang, cny: bool) -> String {
    let name = v.name;
    let m = v.metric.metric();
    match v.value {
        Ok(there) => {
            let change = if here > 0.0 {
                format!(" ({})", human::signed_percent(there / here - 1.0))
            } else {
                String::new()
            };
            format!("{name}: {}{change}", m.text(there, lang, cny))
        }
        Err(why) => format!("{name}: {}", unanswered_text(why, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::{Scenario, estimate, query};

    fn lines(q: &str, metric: MetricId) -> (String, String) {
        let r = estimate(&query::parse(q).scenario);
        let detail = card(metric).unwrap().detail;
        (detail(&r, Lang::En, false), detail(&r, Lang::Zh, false))
    }

    /// The default scenario (`Scenario::default`: Llama-3 70B, 15T tokens, 2,048 H100 SXM5 at
    /// TP 8 × PP 4, MFU 40 %, 90 days) read in both languages. The figures are the report's, as
    /// `suanli --derivations` prints them for the empty query; the Chinese puts its words where
    /// Chinese does ("激活 376亿", "注意力 FLOPs …"), the English reads as it always has.
    #[test]
    fn the_default_cards_read_in_both_languages() {
        let r = estimate(&Scenario::default());
        let both = |m: MetricId| {
            let detail = card(m).unwrap().detail;
            [detail(&r, Lang::En, false), detail(&r, Lang::Zh, false)]
        };
        // Dense: every parameter is active, so no line.
        assert_eq!(both(MetricId::ParamsTotal), ["", ""]);
        // 6.99e24 hardware FLOPs (8ND with selective recomputation) at HFU 44.1 %.
        assert_eq!(
            both(MetricId::TrainingFlops),
            ["hardware 6.99e24 · HFU 44.1%", "硬件 6.99e24 · HFU 44.1%"]
        );
        // 64 replicas: 2,048 devices over TP 8 × PP 4.
        assert_eq!(
            both(MetricId::TrainingSeconds),
            [
                "64 data-parallel replicas · HFU 44.1%",
                "64 个数据并行副本 · HFU 44.1%"
            ]
        );
        // 2,063 devices meet 90 days before rounding up to whole replicas (2,080).
        assert_eq!(
            both(MetricId::GpusForDeadline),
            ["2.06k before rounding", "2063（取整前）"]
        );
        assert_eq!(
            both(MetricId::GpuHours),
            [
                "73493 PF-days · 4.83e23 attention FLOPs",
                "73493 PF-天 · 注意力 FLOPs 4.83e23"
            ]
        );
        // On demand at the H100's assumed $2.5/GPU-h, the other tiers beside it, and buying
        // the 2,048 devices.
        assert_eq!(
            both(MetricId::Rental),
            [
                "on demand $2.5/GPU-h (assumption) · 1-yr $6.13M · 3-yr $5.01M · spot $3.42M · buying: $73.1M",
                "按需 $2.5/卡时（假设） · 1 年 $613万 · 3 年 $501万 · 竞价 $342万 · 购置：$7311万"
            ]
        );
        assert_eq!(
            both(MetricId::EnergyJoules),
            ["1321 t CO2e · power $343k", "1321 t CO2e · 电费 $34.3万"]
        );
        assert_eq!(
            both(MetricId::MemoryPerGpuTotalBytes),
            ["fits 80 GB", "80 GB 显存放得下"]
        );
        assert_eq!(
            both(MetricId::MinGpusForReplica),
            ["this config: 32", "当前配置：32"]
        );
        // Two 80 GB devices hold the weights and the KV cache of the users' requests.
        assert_eq!(
            both(MetricId::InferenceMemoryBytes),
            ["2 × 80 GB · KV 819 MB", "2 × 80 GB · KV 819 MB"]
        );
        assert_eq!(
            both(MetricId::ServingGpus),
            [
                "1 × 4 per replica · TTFT 0.14 s · TPOT 22.2 ms",
                "1 个副本 × 每副本 4 张 · TTFT 0.14 秒 · TPOT 22.2 毫秒"
            ]
        );
        // 328 KB a token: 2 (K and V) × 80 layers × 8 KV heads × 128 × 2 bytes = 327,680 B.
        assert_eq!(
            both(MetricId::ServingTokensPerSPerGpu),
            [
                "batch 132 · 328 KB KV/token",
                "批大小 132 · 每 token KV 328 KB"
            ]
        );
        assert_eq!(
            both(MetricId::ServingCostPerDay),
            [
                "$1.26/1M tokens · buying: $130/day (3-year write-off, assumption) · power $7.39",
                "$1.26/百万 token · 购置：$130/天（按 3 年折旧，假设） · 电费 $7.39"
            ]
        );
    }

    /// A mixture of experts shows its active parameters: DeepSeek-V3's 37.6B (its model card
    /// says 37B activated, the embedding counted once) — "37.6B active", "激活 376亿".
    #[test]
    fn a_moe_names_its_active_parameters() {
        assert_eq!(
            lines("model=deepseek-v3", MetricId::ParamsTotal),
            ("37.6B active".into(), "激活 376亿".into())
        );
    }

    /// Issue 14's GPT-3 on A100 40GB (tests/published.rs): memory, not compute, sets the
    /// count, and ZeRO-2 fits at the compute's 352 devices.
    #[test]
    fn a_count_set_by_memory_names_the_change_that_fits() {
        assert_eq!(
            lines(
                "model=gpt-3-175b&gpu=a100-40g-sxm&tokens=300B",
                MetricId::GpusForDeadline
            ),
            (
                "memory, not compute, sets this count · with zero=2: 352".into(),
                "此卡数由显存而非算力决定 · 改为 zero=2：352".into()
            )
        );
    }

    /// On spot the rent names its restarts' share of the time, and an unreachable latency
    /// target says so where the fleet would be, with the best the replica sizes reach.
    #[test]
    fn spot_restarts_and_an_unreachable_latency_are_said() {
        let (en, zh) = lines("price_tier=spot", MetricId::Rental);
        assert!(
            en.starts_with("spot $0.75/GPU-h (assumption) +2.34% restarts · on demand $11.1M"),
            "{en}"
        );
        assert!(
            zh.starts_with("竞价 $0.75/卡时（假设） 重启 +2.34% · 按需 $1114万"),
            "{zh}"
        );
        // The English had "(8 × GPUs)": the count now reads as a count.
        assert_eq!(
            lines("latency_s=0.01", MetricId::ServingGpus),
            (
                "latency target not met; best: 3.38 s (8 GPUs)".into(),
                "达不到延迟目标；最快 3.38 秒（8 张 GPU）".into()
            )
        );
    }

    /// With `mfu=auto` the days carry the predicted MFU's held-out range; a given MFU, none.
    #[test]
    fn the_days_range_follows_the_band() {
        use crate::estimate::validation::band_for;
        let range = |q: &str, lang| {
            let s = query::parse(q).scenario;
            let r = estimate(&s);
            let m = MetricId::TrainingSeconds.metric();
            band_text(band_for(&s, &r), m, m.value(&r), r.step.mfu, lang, false)
        };
        // Days go as 1/MFU, so the MFU's band `mfu / (1 ± e)` puts them at `days · (1 ∓ e)`,
        // with `e` the dense runs' mean held-out error (docs/model.md §9); the figures move as
        // held-out rows join, the arithmetic and the wording do not.
        let s = query::parse("mfu=auto").scenario;
        let r = estimate(&s);
        let Some(Ok(b)) = band_for(&s, &r) else {
            panic!("the default scenario is inside the checked ground")
        };
        assert!(
            !b.moe && b.mean_error > 0.05 && b.mean_error < 0.15,
            "{b:?}"
        );
        let days = r.training.training_seconds / 86_400.0;
        let (low, high) = (
            human::sig3(days * (1.0 - b.mean_error)),
            human::sig3(days * (1.0 + b.mean_error)),
        );
        assert_eq!(
            range("mfu=auto", Lang::En),
            format!("held-out range {low} days–{high} days")
        );
        assert_eq!(
            range("mfu=auto", Lang::Zh),
            format!("留出验证区间 {low} 天–{high} 天")
        );
        assert_eq!(range("", Lang::En), "");
    }

    #[test]
    fn the_answer_says_what_limits_it_or_what_it_needs() {
        assert_eq!(
            limit_text(Some(Unanswered::NoBudget), LimitedBy::Budget, Lang::En),
            Lang::En.ui().ask_budget
        );
        assert_eq!(
            limit_id(Some(Unanswered::NoBudget), LimitedBy::Budget),
            "ask-budget"
        );
        assert_eq!(limit_id(None, LimitedBy::Deadline), "deadline");
        let v = Versus {
            name: "B200",
            metric: MetricId::GpusForDeadline,
            value: Ok(1024.0),
        };
        assert_eq!(
            versus_text(&v, 2048.0, Lang::En, false),
            "B200: 1,024 (−50 %)"
        );
    }
}
