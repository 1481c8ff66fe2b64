//! The headline cards. One `Card` component over a table of card definitions: each card reads
//! its own figure through a memo, so a slider move rewrites only the text of the cards whose
//! figures changed. Every card carries `data-metric` (the report key) and `data-value` (the raw
//! number).

use super::state::ctx;
use crate::estimate::Report;
use crate::estimate::answer::Unanswered;
use crate::estimate::limits::LimitedBy;
use crate::estimate::scenario::Currency;
use crate::estimate::validation::{Band, OutsideGround};
use crate::human;
use crate::i18n::Lang;
use crate::metrics::{self, MetricId};
use leptos::prelude::*;

/// One headline card: its figure (a key of the metric table) and the line under it.
pub struct CardDef {
    /// The figure.
    pub metric: MetricId,
    /// The detail line.
    pub detail: fn(&Report, Lang, bool) -> String,
    /// The figure is a warning (red card).
    pub warn: fn(&Report) -> bool,
    /// The figure is proportional to 1/MFU, so the predicted MFU's error band gives its range.
    pub banded: bool,
}

fn never(_: &Report) -> bool {
    false
}

/// The cards, in page order.
pub static CARDS: [CardDef; 13] = [
    CardDef {
        metric: MetricId::ParamsTotal,
        detail: |r, l, _| {
            if r.params_active < r.params_total {
                format!("{} {}", human::count(r.params_active, l), l.ui().active)
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
            format!(
                "{} {} · {} {}",
                l.ui().hardware,
                human::sci(r.training.hardware_flops),
                l.ui().hfu,
                human::percent(r.training.hfu)
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::TrainingSeconds,
        detail: |r, l, _| {
            format!(
                "{} {} · {} {}",
                human::exact(f64::from(r.memory_per_gpu.data_parallel)),
                l.ui().dp_replicas,
                l.ui().hfu,
                human::percent(r.training.hfu)
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
            (LimitedBy::Memory, Some(fix)) => format!(
                "{} · {} {}: {}",
                l.ui().limited_by_memory,
                l.ui().with_change,
                fix.change,
                human::devices(fix.gpus as f64, l)
            ),
            (LimitedBy::Memory, None) => l.ui().limited_by_memory.to_string(),
            _ => format!(
                "{} {}",
                human::count(r.training.gpus_for_deadline_raw, l),
                l.ui().before_rounding
            ),
        },
        warn: |r| r.deadline_limited_by == LimitedBy::Memory,
        banded: false,
    },
    CardDef {
        metric: MetricId::GpuHours,
        detail: |r, l, _| {
            format!(
                "{} {} · {} {}",
                human::sig3(r.training.pf_days),
                l.ui().pf_days_unit,
                human::count(r.training.attention_flops, l),
                l.ui().attention_flops
            )
        },
        warn: never,
        banded: true,
    },
    CardDef {
        metric: MetricId::Rental,
        // The chosen tier's rent and price, the other tiers beside it (spot with its restarts),
        // and what buying the devices would cost.
        detail: |r, l, cny| {
            use crate::estimate::scenario::PriceTier;
            let ui = l.ui();
            let c = &r.cost;
            let word = |t: PriceTier| match t {
                PriceTier::OnDemand => ui.tier_on_demand,
                PriceTier::Reserved1y => ui.tier_1y,
                PriceTier::Reserved3y => ui.tier_3y,
                PriceTier::Spot => ui.tier_spot,
            };
            let mut text = format!(
                "{} {}{}{}{}",
                word(c.tier),
                if cny { "¥" } else { "$" },
                human::sig3(c.price_per_gpu_hour),
                ui.per_gpu_hour,
                if c.price_is_assumption {
                    format!(" ({})", ui.assumption)
                } else {
                    String::new()
                },
            );
            if c.tier == PriceTier::Spot {
                text += &format!(" +{} {}", human::percent(c.spot.overhead), ui.restarts);
            }
            for t in PriceTier::ALL.into_iter().filter(|&t| t != c.tier) {
                text += &format!(
                    " · {} {}",
                    word(t),
                    human::money(c.rental_by_tier.get(t), cny, l)
                );
            }
            // TPUs and Trainium are rented only: the catalog has no price to buy them at.
            if c.rented_only {
                text + " · " + ui.not_for_sale
            } else {
                text + &format!(" · {} {}", ui.buy, human::money(c.purchase_cost, cny, l))
            }
        },
        warn: never,
        banded: true,
    },
    CardDef {
        metric: MetricId::EnergyJoules,
        detail: |r, l, cny| {
            format!(
                "{} t CO2e · {} {}",
                human::sig3(r.cost.co2_kg / 1e3),
                l.ui().electricity_word,
                human::money(r.cost.electricity_cost, cny, l)
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::MemoryPerGpuTotalBytes,
        detail: |r, l, _| {
            format!(
                "{} {}",
                if r.memory_per_gpu.fits {
                    l.ui().fits
                } else {
                    l.ui().does_not_fit
                },
                human::bytes(r.memory_per_gpu.hbm_bytes)
            )
        },
        warn: |r| !r.memory_per_gpu.fits,
        banded: false,
    },
    CardDef {
        metric: MetricId::MinGpusForReplica,
        detail: |r, l, _| {
            r.min_gpus_to_fit.map_or_else(
                || l.ui().does_not_fit.into(),
                |n| format!("{}: {}", l.ui().this_config, human::devices(n as f64, l)),
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::InferenceMemoryBytes,
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
                format!(
                    "{} × {} {} · TTFT {} s · TPOT {} ms",
                    sv.replicas,
                    sv.replica_gpus,
                    l.ui().per_replica,
                    human::sig3(sv.ttft_s),
                    human::sig3(sv.tpot_s * 1e3)
                )
            } else {
                format!(
                    "{}: {} s ({} × {})",
                    l.ui().latency_not_met,
                    human::sig3(sv.best_latency_s),
                    sv.best_latency_replica_gpus,
                    l.ui().gpus_unit
                )
            }
        },
        warn: |r| !r.serving.feasible,
        banded: false,
    },
    CardDef {
        metric: MetricId::ServingTokensPerSPerGpu,
        detail: |r, l, _| {
            format!(
                "{} {} · {} {}",
                l.ui().batch_word,
                r.serving.batch,
                human::bytes(r.kv_cache_bytes_per_token),
                l.ui().kv_per_token
            )
        },
        warn: never,
        banded: false,
    },
    CardDef {
        metric: MetricId::ServingCostPerDay,
        // Rent a day for the fleet the load needs; beside it owning it instead (written off over
        // three years, an assumption), its power, and rent per million tokens.
        detail: |r, l, cny| {
            let sv = &r.serving;
            let owning = if r.cost.rented_only {
                l.ui().not_for_sale.to_string()
            } else {
                format!(
                    "{} {}{} ({})",
                    l.ui().buy,
                    human::money(sv.ownership_per_day, cny, l),
                    l.ui().per_day,
                    l.ui().three_years_assumed,
                )
            };
            format!(
                "{}{} · {owning} · {} {}",
                human::money(sv.cost_per_million_tokens, cny, l),
                l.ui().per_million_tokens,
                l.ui().electricity_word,
                human::money(sv.electricity_per_day, cny, l),
            )
        },
        warn: never,
        banded: false,
    },
];

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

/// What one card shows of the report.
#[derive(Clone, PartialEq)]
struct Figure {
    value: f64,
    detail: String,
    warn: bool,
    band: String,
}

/// The range of a figure proportional to 1/MFU under the band, or the unchecked note; empty with
/// a given MFU.
fn band_text(
    band: Option<Result<Band, OutsideGround>>,
    metric: &metrics::Metric,
    value: f64,
    mfu: f64,
    lang: Lang,
    cny: bool,
) -> String {
    match band {
        None => String::new(),
        Some(Ok(b)) => format!(
            "{} {}–{}",
            lang.ui().band_range,
            metric.text(value * mfu / b.mfu_high, lang, cny),
            metric.text(value * mfu / b.mfu_low, lang, cny)
        ),
        Some(Err(_)) => lang.ui().band_unchecked.to_string(),
    }
}

/// One headline card. Its figure, detail line and warning come from the report as one memo: one
/// subscriber of the report per card, not three.
#[component]
fn Card(def: &'static CardDef, cny: Memo<bool>) -> impl IntoView {
    let ctx = ctx();
    let metric = def.metric.metric();
    let band = ctx.band;
    let figure = Memo::new(move |_| {
        let (lang, cny) = (ctx.lang.get(), cny.get());
        ctx.report.with(|r| {
            let value = metric.value(r);
            Figure {
                value,
                detail: (def.detail)(r, lang, cny),
                warn: (def.warn)(r),
                band: if def.banded {
                    band_text(band.get(), metric, value, r.step.mfu, lang, cny)
                } else {
                    String::new()
                },
            }
        })
    });
    let value = move || figure.with(|f| f.value);
    view! {
        <div
            class="card"
            class:warn=move || figure.with(|f| f.warn)
            data-metric=def.metric.key()
            data-value=move || value().to_string()
            title=move || human::exact(value())
        >
            <div class="card-label">{move || metric.label(ctx.lang.get())}</div>
            <div class="card-value">{move || metric.text(value(), ctx.lang.get(), cny.get())}</div>
            <div class="card-detail">{move || figure.with(|f| f.detail.clone())}</div>
            <Show when=move || figure.with(|f| !f.band.is_empty())>
                <div class="card-band">{move || figure.with(|f| f.band.clone())}</div>
            </Show>
        </div>
    }
    .into_any()
}

/// The answer to the question asked (`solve`), with what limits it; the first card. The report
/// is the scenario's at the answer, so the answer is one of its figures (the devices, tokens or
/// model put in place), and every other card agrees with it. A question without its input asks
/// for it instead of answering 0.
#[component]
fn Answer(cny: Memo<bool>) -> impl IntoView {
    let ctx = ctx();
    let answer = Memo::new(move |_| ctx.report.with(|r| (r.solve, r.limited_by)));
    let solve = move || answer.get().0;
    // The question's label, the answer's figure.
    let label = move || metrics::question(solve()).metric();
    let figure = move || metrics::answer(solve()).metric();
    let value = Memo::new(move |_| ctx.report.with(|r| figure().value(r)));
    let unanswered = ctx.unanswered;
    let band = ctx.band;
    // The answer's range where it is proportional to 1/MFU: the days.
    let range = Memo::new(move |_| {
        let (lang, cny) = (ctx.lang.get(), cny.get());
        let m = figure();
        if m.id == MetricId::TrainingSeconds && unanswered.get().is_none() {
            ctx.report
                .with(|r| band_text(band.get(), m, m.value(r), r.step.mfu, lang, cny))
        } else {
            String::new()
        }
    });
    let limit = move || {
        let ui = ctx.ui();
        match (unanswered.get(), answer.get().1) {
            (Some(why), _) => unanswered_text(why, ctx.lang.get()),
            (None, LimitedBy::Compute) => ui.limited_compute,
            (None, LimitedBy::Memory) => ui.limited_memory,
            (None, LimitedBy::Deadline) => ui.limited_deadline,
            (None, LimitedBy::Budget) => ui.limited_budget,
            (None, LimitedBy::Load) => ui.limited_load,
        }
    };
    view! {
        <div
            class="card answer"
            class:asks=move || unanswered.get().is_some()
            id="answer"
            data-solve=move || solve().id()
            data-metric=move || metrics::answer(solve()).key()
            data-value=move || if unanswered.get().is_some() { String::new() } else { value.get().to_string() }
        >
            <div class="card-label">
                {move || ctx.ui().answer} ": "
                {move || label().label(ctx.lang.get())}
            </div>
            <div class="card-value">
                {move || match unanswered.get() {
                    Some(_) => "—".to_string(),
                    None => figure().text(value.get(), ctx.lang.get(), cny.get()),
                }}
            </div>
            <div class="card-detail" data-limited-by=move || match unanswered.get() {
                Some(Unanswered::NoBudget) => "ask-budget".to_string(),
                Some(Unanswered::NeverFits) => "never-fits".to_string(),
                Some(Unanswered::DeadlineOutOfReach) => "out-of-reach".to_string(),
                None => format!("{:?}", answer.get().1).to_lowercase(),
            }>
                {limit}
            </div>
            <Show when=move || range.with(|t| !t.is_empty())>
                <div class="card-band" id="answer-band">{move || range.get()}</div>
            </Show>
            <Show when=move || ctx.versus.with(Option::is_some)>
                <div class="card-versus" id="answer-versus">{move || versus_line(ctx, cny.get())}</div>
            </Show>
        </div>
    }
}

/// Why a question has no answer, as the answer card asks for what it needs.
fn unanswered_text(why: Unanswered, lang: Lang) -> &'static str {
    let ui = lang.ui();
    match why {
        Unanswered::NoBudget => ui.ask_budget,
        Unanswered::NeverFits => ui.answer_never_fits,
        Unanswered::DeadlineOutOfReach => ui.answer_too_many,
    }
}

/// The same answer on the accelerator compared with, and how far it is from this one's.
fn versus_line(ctx: super::state::Ctx, cny: bool) -> String {
    let lang = ctx.lang.get();
    let Some(v) = ctx.versus.get() else {
        return String::new();
    };
    let name = v.name;
    let m = v.metric.metric();
    match v.value {
        Ok(there) => {
            let here = ctx.report.with(|r| m.value(r));
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

/// The answer, held at the top of the screen while the inputs that drive it change. It is the
/// page's one live region: a screen reader hears the answer, not every card at each change.
#[component]
pub fn AnswerBar() -> impl IntoView {
    let ctx = ctx();
    let cny = Memo::new(move |_| ctx.scenario.with(|s| s.currency == Currency::Cny));
    view! {
        <section class="answer-bar" aria-live="polite" aria-atomic="true">
            <Answer cny/>
        </section>
    }
}

/// The headline cards.
#[component]
pub fn Cards() -> impl IntoView {
    let ctx = ctx();
    // Money in yuan: one memo for every card.
    let cny = Memo::new(move |_| ctx.scenario.with(|s| s.currency == Currency::Cny));
    view! {
        <section class="cards">
            {CARDS.iter().map(|def| view! { <Card def cny/> }).collect_view()}
        </section>
    }
}
