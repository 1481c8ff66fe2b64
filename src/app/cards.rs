//! The headline cards and the answer, as components over the card table of [`crate::cards`]
//! (which says what each card shows, in words, natively tested). Each card reads its own figure
//! through a memo, so a slider move rewrites only the text of the cards whose figures changed.
//! Every card carries `data-metric` (the report key) and `data-value` (the raw number).
//!
//! `Card` and `Answer` take what they show as props (memos of the page state, and the language
//! as a signal), so a test mounts either alone; `Cards` and `AnswerBar` pass them from the page
//! state. Memos rather than `Signal<T>`: a `Signal` prop compiles its reads once per kind of
//! signal it may wrap, and the five components' props cost 13.9 KB of wasm that way.

use super::state::{Answered, answered, given, lang};
use crate::cards::{CARDS, CardDef, Versus, band_text, limit_id, limit_text, versus_text};
use crate::estimate::Report;
use crate::estimate::answer::Unanswered;
use crate::estimate::scenario::Currency;
use crate::estimate::validation::{Band, OutsideGround};
use crate::human;
use crate::i18n::Lang;
use crate::messages as msg;
use crate::metrics::{self, MetricId};
use leptos::prelude::*;

/// What one card shows of the report.
#[derive(Clone, PartialEq)]
struct Figure {
    value: f64,
    detail: String,
    warn: bool,
    band: String,
}

/// One headline card: its label, its figure, the line under it and (for a figure proportional
/// to 1/MFU under a predicted MFU) its held-out range. The figure, detail line and warning come
/// from the report as one memo: one subscriber of the report per card, not three.
#[component]
pub fn Card(
    /// Which card: its figure, detail line and warning (a row of [`CARDS`]).
    def: &'static CardDef,
    /// The report the card reads its figure from.
    report: Memo<Report>,
    /// The predicted MFU's error band (`None` with a given MFU), for a banded card's range.
    band: Memo<Option<Result<Band, OutsideGround>>>,
    /// The language of the label and the lines.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Money in yuan rather than dollars.
    cny: Memo<bool>,
) -> impl IntoView {
    let metric = def.metric.metric();
    let figure = Memo::new(move |_| {
        let (lang, cny) = (lang.get(), cny.get());
        report.with(|r| {
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
            // A figure with no value (no device count meets the deadline) carries none, never
            // "NaN"; the card shows a dash and says why.
            data-value=move || if value().is_finite() { value().to_string() } else { String::new() }
            title=move || human::exact(value())
        >
            <div class="card-label">{move || metric.label(lang.get())}</div>
            <div class="card-value">{move || metric.text(value(), lang.get(), cny.get())}</div>
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
pub fn Answer(
    /// The report of the scenario at the answer: its question (`solve`), the answer's figure
    /// and what limits it.
    report: Memo<Report>,
    /// Why the question has no answer, if it has none: the card then asks for what it needs.
    unanswered: Memo<Option<Unanswered>>,
    /// The predicted MFU's error band (`None` with a given MFU), for the days' range.
    band: Memo<Option<Result<Band, OutsideGround>>>,
    /// The same answer on a second accelerator, if one is chosen.
    versus: Memo<Option<Versus>>,
    /// The language of the caption and the lines.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Money in yuan rather than dollars.
    cny: Memo<bool>,
) -> impl IntoView {
    let answer = Memo::new(move |_| report.with(|r| (r.solve, r.limited_by)));
    let solve = move || answer.get().0;
    // The question's label, the answer's figure.
    let label = move || metrics::question(solve()).metric();
    let figure = move || metrics::answer(solve()).metric();
    let value = Memo::new(move |_| report.with(|r| figure().value(r)));
    // The answer's range where it is proportional to 1/MFU: the days.
    let range = Memo::new(move |_| {
        let (lang, cny) = (lang.get(), cny.get());
        let m = figure();
        if m.id == MetricId::TrainingSeconds && unanswered.get().is_none() {
            report.with(|r| band_text(band.get(), m, m.value(r), r.step.mfu, lang, cny))
        } else {
            String::new()
        }
    });
    let limit = move || limit_text(unanswered.get(), answer.get().1, lang.get());
    let versus_line = move || {
        versus.with(|v| {
            v.as_ref().map(|v| {
                let here = report.with(|r| v.metric.metric().value(r));
                versus_text(v, here, lang.get(), cny.get())
            })
        })
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
                {move || msg::answer_to(lang.get(), &label().label(lang.get()))}
            </div>
            <div class="card-value">
                {move || match unanswered.get() {
                    Some(_) => "—".to_string(),
                    None => figure().text(value.get(), lang.get(), cny.get()),
                }}
            </div>
            <div class="card-detail" data-limited-by=move || limit_id(unanswered.get(), answer.get().1)>
                {limit}
            </div>
            <Show when=move || range.with(|t| !t.is_empty())>
                <div class="card-band" id="answer-band">{move || range.get()}</div>
            </Show>
            <Show when=move || versus.with(Option::is_some)>
                <div class="card-versus" id="answer-versus">{versus_line}</div>
            </Show>
        </div>
    }
}

/// Money in yuan: one memo of the scenario for every card.
fn cny_memo() -> Memo<bool> {
    let scenario = given().scenario;
    Memo::new(move |_| scenario.with(|s| s.currency == Currency::Cny))
}

/// The answer, held at the top of the screen while the inputs that drive it change. It is the
/// page's one live region: a screen reader hears the answer, not every card at each change.
#[component]
pub fn AnswerBar() -> impl IntoView {
    let a = answered();
    view! {
        <section class="answer-bar" aria-live="polite" aria-atomic="true">
            <Answer
                report=a.report
                unanswered=a.unanswered
                band=a.band
                versus=a.versus
                lang=lang()
                cny=cny_memo()
            />
        </section>
    }
}

/// The headline cards, from the page state.
#[component]
pub fn Cards() -> impl IntoView {
    let Answered { report, band, .. } = answered();
    let lang = lang();
    let cny = cny_memo();
    view! {
        <section class="cards">
            {CARDS
                .iter()
                .map(|def| view! { <Card def report band lang cny/> })
                .collect_view()}
        </section>
    }
}
