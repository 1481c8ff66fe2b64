//! Outputs: headline cards, the derivations, the reality check, the notes. Every figure carries
//! `data-metric` (the report key) and `data-value` (the raw number).

use super::state::Ctx;
use crate::estimate::reference::REFERENCES;
use crate::estimate::{Report, derivations};
use crate::human::{self, escape};
use crate::i18n::{self, Lang};
use leptos::prelude::*;

/// One headline card.
struct Card {
    metric: &'static str,
    value: fn(&Report) -> f64,
    show: fn(f64, Lang, bool) -> String,
    detail: fn(&Report, Lang, bool) -> String,
}

fn cards() -> Vec<Card> {
    vec![
        Card {
            metric: "params_total",
            value: |r| r.params_total,
            show: |x, l, _| human::count(x, l),
            detail: |r, l, _| {
                if r.params_active < r.params_total {
                    format!("{} {}", human::count(r.params_active, l), l.ui().active)
                } else {
                    String::new()
                }
            },
        },
        Card {
            metric: "training_flops",
            value: |r| r.training.training_flops,
            show: |x, _, _| format!("{} FLOP", human::sci(x)),
            detail: |r, l, _| {
                format!(
                    "{} {} · {}",
                    l.ui().hardware,
                    human::sci(r.training.hardware_flops),
                    l.ui().hfu.to_owned() + " " + &human::percent(r.training.hfu)
                )
            },
        },
        Card {
            metric: "training_days",
            value: |r| r.training.training_days,
            show: |x, l, _| format!("{} {}", human::sig3(x), l.ui().days_unit),
            detail: |r, l, _| {
                format!(
                    "{} {} · {} {}",
                    human::exact(f64::from(r.memory_per_gpu.data_parallel)),
                    l.ui().dp_replicas,
                    l.ui().hfu,
                    human::percent(r.training.hfu)
                )
            },
        },
        Card {
            metric: "gpus_for_deadline",
            value: |r| r.training.gpus_for_deadline as f64,
            show: |x, l, _| human::devices(x, l),
            detail: |r, l, _| {
                format!(
                    "{} {}",
                    human::count(r.training.gpus_for_deadline_raw, l),
                    l.ui().before_rounding
                )
            },
        },
        Card {
            metric: "gpu_hours",
            value: |r| r.training.gpu_hours,
            show: |x, l, _| human::count(x, l),
            detail: |r, l, _| {
                format!(
                    "{} PF-days · {} {}",
                    human::sig3(r.training.pf_days),
                    human::count(r.training.attention_flops, l),
                    l.ui().attention_flops
                )
            },
        },
        Card {
            metric: "cost_usd",
            value: |r| r.cost.rental,
            show: |x, l, cny| human::money(x, cny, l),
            detail: |r, l, cny| {
                format!(
                    "{}{}/GPU-h{}",
                    if cny { "¥" } else { "$" },
                    human::sig3(r.cost.price_per_gpu_hour),
                    if r.cost.price_is_assumption {
                        format!(" ({})", l.ui().assumption)
                    } else {
                        String::new()
                    }
                )
            },
        },
        Card {
            metric: "energy_mwh",
            value: |r| r.cost.energy_mwh,
            show: |x, _, _| format!("{} MWh", human::sig3(x)),
            detail: |r, _, _| format!("{} t CO2e", human::sig3(r.cost.co2_tonnes)),
        },
        Card {
            metric: "memory_per_gpu.total_bytes",
            value: |r| r.memory_per_gpu.total_bytes,
            show: |x, _, _| human::bytes(x),
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
        },
        Card {
            metric: "min_gpus_for_replica",
            value: |r| r.min_gpus_for_replica as f64,
            show: |x, l, _| human::devices(x, l),
            detail: |r, l, _| {
                r.min_gpus_to_fit.map_or_else(
                    || l.ui().does_not_fit.into(),
                    |n| format!("{}: {}", l.ui().this_config, human::devices(n as f64, l)),
                )
            },
        },
        Card {
            metric: "serving.gpus",
            value: |r| r.serving.gpus as f64,
            show: |x, l, _| human::devices(x, l),
            detail: |r, l, _| {
                format!(
                    "{} × {} GPU {}",
                    r.serving.replicas,
                    r.serving.replica_gpus,
                    l.ui().per_replica
                )
            },
        },
        Card {
            metric: "serving.tokens_per_s_per_gpu",
            value: |r| r.serving.tokens_per_s_per_gpu,
            show: |x, l, _| format!("{} {}", human::sig3(x), l.ui().tok_s),
            detail: |r, _, _| {
                format!(
                    "batch {} · {}",
                    r.serving.batch,
                    human::bytes(r.kv_cache_bytes_per_token) + " KV/token"
                )
            },
        },
    ]
}

/// The headline cards.
#[component]
pub fn Cards() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <section class="cards" aria-live="polite">
            {cards().into_iter().map(|c| {
                let value = Memo::new(move |_| ctx.report.with(|r| (c.value)(r)));
                let warn = move || c.metric == "memory_per_gpu.total_bytes" && ctx.report.with(|r| !r.memory_per_gpu.fits);
                view! {
                    <div class="card" class:warn=warn data-metric=c.metric data-value=move || value.get().to_string()
                        title=move || human::exact(value.get())>
                        <div class="card-label">{move || i18n::metric_label(c.metric, ctx.lang.get())}</div>
                        <div class="card-value">{move || {
                            let cny = ctx.scenario.with(|s| s.currency == crate::estimate::scenario::Currency::Cny);
                            (c.show)(value.get(), ctx.lang.get(), cny)
                        }}</div>
                        <div class="card-detail">{move || {
                            let cny = ctx.scenario.with(|s| s.currency == crate::estimate::scenario::Currency::Cny);
                            ctx.report.with(|r| (c.detail)(r, ctx.lang.get(), cny))
                        }}</div>
                    </div>
                }
            }).collect_view()}
        </section>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tab {
    How,
    Reality,
    Notes,
}

/// Derivations, reality check and notes, as tabs.
#[component]
pub fn Tabs() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let tab = RwSignal::new(Tab::How);
    let ui = move || ctx.ui();
    let button = move |t: Tab, label: fn(&i18n::Ui) -> &'static str, id: &'static str| {
        view! {
            <button role="tab" id=id aria-selected=move || (tab.get() == t).to_string()
                class:active=move || tab.get() == t on:click=move |_| tab.set(t)>{move || label(ui())}</button>
        }
    };
    let note_count = move || ctx.report.with(|r| r.notices.len());
    view! {
        <section class="tabs">
            <div role="tablist">
                {button(Tab::How, |u| u.tab_how, "tab-how")}
                {button(Tab::Reality, |u| u.tab_reality, "tab-reality")}
                {button(Tab::Notes, |u| u.tab_notes, "tab-notes")}
                <span class="badge" data-metric="notices" data-value=move || note_count().to_string()>{note_count}</span>
            </div>
            <div role="tabpanel">
                {move || match tab.get() {
                    Tab::How => view! { <Derivations /> }.into_any(),
                    Tab::Reality => view! { <RealityCheck /> }.into_any(),
                    Tab::Notes => view! { <Notes /> }.into_any(),
                }}
            </div>
        </section>
    }
}

/// The derivations table. It changes with every slider move, so it is rendered as one escaped
/// HTML string: one DOM update instead of rebuilding eighteen rows of typed views (and less code).
#[component]
fn Derivations() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let html = move || {
        let lang = ctx.lang.get();
        let ui = lang.ui();
        let rows = ctx
            .scenario
            .with(|s| ctx.report.with(|r| derivations(s, r)));
        let mut out = format!(
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(ui.metric),
            escape(ui.formula),
            escape(ui.with_your_numbers),
            escape(ui.source)
        );
        for d in rows {
            out += &format!(
                "<tr data-metric=\"{}\" data-value=\"{}\"><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td class=\"source\">{}</td></tr>",
                escape(d.metric),
                d.result,
                escape(i18n::metric_label(d.metric, lang)),
                escape(d.formula),
                escape(&d.with_numbers),
                escape(d.source)
            );
        }
        out + "</tbody>"
    };
    view! { <table class="derivations" inner_html=html></table> }
}

/// Published runs beside the model's predictions; they do not depend on the scenario, so the
/// rows are computed once.
#[component]
fn RealityCheck() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows: Vec<(f64, f64)> = REFERENCES
        .iter()
        .map(|r| (r.predicted(), r.error()))
        .collect();
    let html = move || {
        let lang = ctx.lang.get();
        let ui = lang.ui();
        let mut out = format!(
            "<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            escape(ui.run),
            escape(ui.metric),
            escape(ui.predicted),
            escape(ui.published),
            escape(ui.error),
            escape(ui.source)
        );
        for (r, (predicted, error)) in REFERENCES.iter().zip(&rows) {
            out += &format!(
                "<tr data-metric=\"{}\" data-value=\"{predicted}\"><td>{}</td><td>{}</td><td title=\"{}\">{}</td><td title=\"{}\">{}</td><td{}>{:+.1}%</td><td class=\"source\"><a href=\"?{}\">{}</a></td></tr>",
                escape(r.metric),
                escape(r.run),
                escape(i18n::metric_label(r.metric, lang)),
                human::exact(*predicted),
                human::sci(*predicted),
                human::exact(r.published),
                human::sci(r.published),
                if error.abs() > 0.05 {
                    " class=\"bad\""
                } else {
                    ""
                },
                error * 100.0,
                escape(r.query),
                escape(r.source)
            );
        }
        out + "</tbody>"
    };
    view! {
        <p class="hint">{move || ctx.ui().reality_intro}</p>
        <table class="reality" inner_html=html></table>
    }
}

#[component]
fn Notes() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let html = move || {
        let lang = ctx.lang.get();
        let mut out: String = ctx.report.with(|r| {
            r.notices
                .iter()
                .map(|n| {
                    format!(
                        "<li class=\"notice\">{}</li>",
                        escape(&i18n::notice(n, lang))
                    )
                })
                .collect()
        });
        if out.is_empty() {
            out = format!("<li>{}</li>", escape(lang.ui().no_notes));
        }
        out + &format!(
            "<li class=\"assumption\">{}</li>",
            escape(lang.ui().assumptions_note)
        )
    };
    view! { <ul class="notes" inner_html=html></ul> }
}

/// Problems in the link the page was opened with: each names the field, the value and what is
/// allowed. Dismissable.
#[component]
pub fn LinkProblems() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let items = move || {
        let lang = ctx.lang.get();
        ctx.link_problems.with(|ps| {
            ps.iter()
                .map(|e| {
                    format!(
                        "<li data-problem-field=\"{}\"><code>{}</code> = <code>{}</code>: {}</li>",
                        escape(&e.field),
                        escape(&e.field),
                        escape(&e.value),
                        escape(&i18n::problem(&e.problem, lang))
                    )
                })
                .collect::<String>()
        })
    };
    move || {
        ctx.link_problems.with(|p| !p.is_empty()).then(|| {
            view! {
                <aside class="link-problems" role="alert">
                    <button class="dismiss" aria-label="×" on:click=move |_| ctx.link_problems.set(Vec::new())>"×"</button>
                    <ul inner_html=items></ul>
                </aside>
            }
        })
    }
}
