//! The page header (title, copy link, language) and the problems of the link the page opened.

use super::inputs::shown_value;
use super::state::{self, answered, given, lang, tr};
use crate::estimate::query::{FieldId, Problem};
use crate::i18n::{self, Lang};
use leptos::prelude::*;

/// Title, tagline, and the copy-link and language buttons.
#[component]
pub fn Header() -> impl IntoView {
    let given = given();
    let lang = lang();
    let copied = RwSignal::new(false);
    // The scenario on screen, written afresh: after a link with rejected fields the address bar
    // still holds what was sent, and copying it would pass the broken link on.
    let copy = move |_| {
        let loc = window().location();
        if let (Ok(origin), Ok(path)) = (loc.origin(), loc.pathname()) {
            let q = given
                .scenario
                .with_untracked(crate::estimate::query::format);
            let href = format!("{origin}{path}?{q}");
            let _ = window().navigator().clipboard().write_text(&href);
            copied.set(true);
            set_timeout(
                move || copied.set(false),
                std::time::Duration::from_millis(1500),
            );
        }
    };
    let switch = move |_| {
        let other = if lang.get_untracked() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        state::set_lang(lang, other);
    };
    view! {
        <header class="top">
            <div>
                <h1>{tr(|u| u.title)}</h1>
                <p class="tagline">{tr(|u| u.tagline)}</p>
            </div>
            <div class="actions">
                <button type="button" id="copy-link" on:click=copy>
                    {move || if copied.get() { lang.get().ui().copied } else { lang.get().ui().copy_link }}
                </button>
                // Back to the default scenario: saved scenarios stay (they are kept apart).
                <button type="button" id="start-over" title=tr(|u| u.start_over_tip) on:click=move |_| {
                    given.link_problems.set(Vec::new());
                    given.field_errors.set(Vec::new());
                    given.scenario.set(crate::estimate::Scenario::default());
                }>
                    {tr(|u| u.start_over)}
                </button>
                <button
                    type="button"
                    id="lang"
                    lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }
                    on:click=switch
                >
                    {tr(|u| u.switch_lang)}
                </button>
            </div>
        </header>
    }
}

/// Problems in the link (or file) the scenario came from: each names the field, the value and
/// what is allowed, and for a rejected value the default that stands in. Dismissable.
#[component]
pub fn LinkProblems() -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    move || {
        let problems = given.link_problems.get();
        if problems.is_empty() {
            return None;
        }
        let lang = lang.get();
        let items = problems
            .into_iter()
            .map(|e| {
                let rejected = matches!(
                    e.problem,
                    Problem::NotANumber
                        | Problem::TooLarge
                        | Problem::NotAWholeNumber
                        | Problem::OutOfRange { .. }
                        | Problem::NotOneOf { .. }
                );
                // The link names the field as written: the value by the id it stands for.
                let stand_in = FieldId::from_name(&e.field)
                    .filter(|_| rejected)
                    .map(|id| {
                        given.scenario
                            .with_untracked(|s| answered.report.with_untracked(|r| shown_value(id, s, r)))
                    })
                    .filter(|v| !v.is_empty());
                view! {
                    <li data-problem-field=e.field.clone()>
                        <code>{e.field.clone()}</code> " = " <code>{e.value.clone()}</code> ": "
                        {i18n::problem(&e.problem, lang)}
                        {stand_in.map(|v| view! { " — " {lang.ui().stands_in} " " <code class="stand-in">{v}</code> })}
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <aside class="link-problems" role="alert">
                    <button
                        type="button"
                        class="dismiss"
                        aria-label=lang.ui().dismiss
                        on:click=move |_| given.link_problems.set(Vec::new())
                    >
                        "×"
                    </button>
                    <ul>{items}</ul>
                </aside>
            }
            .into_any(),
        )
    }
}
