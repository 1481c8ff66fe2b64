//! Outputs: the header, link problems, headline cards, the derivations, the reality check, the
//! notes, each rendered as escaped HTML into its region. Every figure carries
//! `data-metric` (the report key) and `data-value` (the raw number).

use super::dom::{region, region_on_screen};
use super::state::Ctx;
use crate::estimate::query::FieldError;
use crate::estimate::reference::REFERENCES;
use crate::estimate::scenario::Currency;
use crate::estimate::{Report, Scenario, derivations};
use crate::human::{self, escape};
use crate::i18n::{self, Lang};
use leptos::prelude::*;
use std::fmt::Write;

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
fn cards_html(s: &Scenario, r: &Report, lang: Lang) -> String {
    let cny = s.currency == Currency::Cny;
    let mut out = String::new();
    for c in cards() {
        let v = (c.value)(r);
        let warn = c.metric == "memory_per_gpu.total_bytes" && !r.memory_per_gpu.fits;
        let _ = write!(
            out,
            "<div class=\"card{}\" data-metric=\"{}\" data-value=\"{v}\" title=\"{}\"><div class=\"card-label\">{}</div><div class=\"card-value\">{}</div><div class=\"card-detail\">{}</div></div>",
            if warn { " warn" } else { "" },
            c.metric,
            human::exact(v),
            escape(i18n::metric_label(c.metric, lang)),
            escape(&(c.show)(v, lang, cny)),
            escape(&(c.detail)(r, lang, cny)),
        );
    }
    out
}

/// The tabs under the charts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    /// How each figure is computed, with the user's numbers.
    How,
    /// Published runs beside the model's predictions.
    Reality,
    /// The report's notices and the assumptions.
    Notes,
}

impl Tab {
    /// The tab a button id names.
    pub fn from_id(id: &str) -> Option<Tab> {
        Some(match id {
            "tab-how" => Tab::How,
            "tab-reality" => Tab::Reality,
            "tab-notes" => Tab::Notes,
            _ => return None,
        })
    }
}

fn tablist_html(tab: Tab, notices: usize, lang: Lang) -> String {
    let ui = lang.ui();
    let mut out = String::new();
    for (t, id, label) in [
        (Tab::How, "tab-how", ui.tab_how),
        (Tab::Reality, "tab-reality", ui.tab_reality),
        (Tab::Notes, "tab-notes", ui.tab_notes),
    ] {
        let _ = write!(
            out,
            "<button type=\"button\" role=\"tab\" id=\"{id}\" aria-selected=\"{}\"{}>{}</button>",
            t == tab,
            if t == tab { " class=\"active\"" } else { "" },
            escape(label)
        );
    }
    let _ = write!(
        out,
        "<span class=\"badge\" data-metric=\"notices\" data-value=\"{notices}\">{notices}</span>"
    );
    out
}

/// The derivations table: every formula with the user's numbers and its source.
fn derivations_html(s: &Scenario, r: &Report, lang: Lang) -> String {
    let ui = lang.ui();
    let mut out = format!(
        "<table class=\"derivations\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(ui.metric),
        escape(ui.formula),
        escape(ui.with_your_numbers),
        escape(ui.source)
    );
    for d in derivations(s, r) {
        let _ = write!(
            out,
            "<tr data-metric=\"{}\" data-value=\"{}\"><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td class=\"source\">{}</td></tr>",
            escape(d.metric),
            d.result,
            escape(i18n::metric_label(d.metric, lang)),
            escape(d.formula),
            escape(&d.with_numbers),
            escape(d.source)
        );
    }
    out + "</tbody></table>"
}

/// Published runs beside the model's predictions (they do not depend on the scenario).
fn reality_html(lang: Lang) -> String {
    let ui = lang.ui();
    let mut out = format!(
        "<p class=\"hint\">{}</p><table class=\"reality\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        escape(ui.reality_intro),
        escape(ui.run),
        escape(ui.metric),
        escape(ui.predicted),
        escape(ui.published),
        escape(ui.error),
        escape(ui.source)
    );
    for r in REFERENCES {
        let (predicted, error) = (r.predicted(), r.error());
        let _ = write!(
            out,
            "<tr data-metric=\"{}\" data-value=\"{predicted}\"><td>{}</td><td>{}</td><td title=\"{}\">{}</td><td title=\"{}\">{}</td><td{}>{:+.1}%</td><td class=\"source\"><a href=\"?{}\">{}</a></td></tr>",
            escape(r.metric),
            escape(r.run),
            escape(i18n::metric_label(r.metric, lang)),
            human::exact(predicted),
            human::sci(predicted),
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
    out + "</tbody></table>"
}

fn notes_html(r: &Report, lang: Lang) -> String {
    let mut out = String::from("<ul class=\"notes\">");
    for n in &r.notices {
        let _ = write!(
            out,
            "<li class=\"notice\">{}</li>",
            escape(&i18n::notice(n, lang))
        );
    }
    if r.notices.is_empty() {
        let _ = write!(out, "<li>{}</li>", escape(lang.ui().no_notes));
    }
    let _ = write!(
        out,
        "<li class=\"assumption\">{}</li></ul>",
        escape(lang.ui().assumptions_note)
    );
    out
}

/// Problems in the link (or file) the scenario came from: each names the field, the value and
/// what is allowed. Dismissable.
fn link_problems_html(problems: &[FieldError], lang: Lang) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<aside class=\"link-problems\" role=\"alert\"><button type=\"button\" class=\"dismiss\" aria-label=\"×\">×</button><ul>",
    );
    for e in problems {
        let _ = write!(
            out,
            "<li data-problem-field=\"{f}\"><code>{f}</code> = <code>{}</code>: {}</li>",
            escape(&e.value),
            escape(&i18n::problem(&e.problem, lang)),
            f = escape(&e.field),
        );
    }
    out + "</ul></aside>"
}

/// The page header: title, tagline, copy-link and language buttons.
fn header_html(lang: Lang, copied: bool) -> String {
    let ui = lang.ui();
    format!(
        "<div><h1>{}</h1><p class=\"tagline\">{}</p></div><div class=\"actions\"><button type=\"button\" id=\"copy-link\">{}</button><button type=\"button\" id=\"lang\" lang=\"{}\">{}</button></div>",
        escape(ui.title),
        escape(ui.tagline),
        escape(if copied { ui.copied } else { ui.copy_link }),
        if lang == Lang::Zh { "en" } else { "zh-CN" },
        escape(ui.switch_lang)
    )
}

/// Fills the output regions above the fold: header, link problems, cards.
pub fn mount(ctx: Ctx) {
    region(
        "header",
        Box::new(move || header_html(ctx.lang.get(), ctx.copied.get())),
    );
    region(
        "problems",
        Box::new(move || {
            ctx.link_problems
                .with(|p| link_problems_html(p, ctx.lang.get()))
        }),
    );
    region(
        "cards",
        Box::new(move || {
            ctx.scenario
                .with(|s| ctx.report.with(|r| cards_html(s, r, ctx.lang.get())))
        }),
    );
}

/// Fills the tabs under the charts.
pub fn mount_tabs(ctx: Ctx) {
    region(
        "tablist",
        Box::new(move || {
            tablist_html(
                ctx.tab.get(),
                ctx.report.with(|r| r.notices.len()),
                ctx.lang.get(),
            )
        }),
    );
    // The derivations table is the largest rewrite a slider move would cause, and it is usually
    // below the fold.
    region_on_screen(
        "tabpanel",
        "tabs",
        Box::new(move || {
            let lang = ctx.lang.get();
            match ctx.tab.get() {
                Tab::How => ctx
                    .scenario
                    .with(|s| ctx.report.with(|r| derivations_html(s, r, lang))),
                Tab::Reality => reality_html(lang),
                Tab::Notes => ctx.report.with(|r| notes_html(r, lang)),
            }
        }),
    );
}
