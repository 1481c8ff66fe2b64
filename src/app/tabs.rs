//! The tabs under the charts: how each figure is computed (with the user's numbers), the
//! reality check (published runs beside the predictions) and the notes.

use super::state::{Tab, answered, lang, page, tr};
use crate::estimate::derivations;
use crate::estimate::notice::Notice;
use crate::estimate::reference::{REFERENCES, Role};
use crate::estimate::report::{Derivation, Step};
use crate::estimate::validation;
use crate::human;
use crate::i18n::{self, Lang};
use leptos::prelude::*;

/// A derivation with its numbers, its step (if any) in the page's language, and its result;
/// a result in seconds, joules, kilograms or FLOP/s is also given as the cards show it (days,
/// MWh, tonnes, TFLOP/s).
fn shown(d: &Derivation, lang: i18n::Lang) -> String {
    use crate::metrics::Show;
    let ui = lang.ui();
    let numbers = d.numbers(|step| match step {
        Step::WholeReplicas => ui.step_whole_replicas,
        Step::RoundedUp => ui.step_rounded_up,
        Step::SearchOverCounts => ui.step_search_counts,
        Step::Capped => ui.step_capped,
    });
    let m = d.metric.metric();
    if matches!(m.show, Show::Days | Show::Mwh | Show::Tonnes | Show::Tflops) {
        format!("{numbers} = {}", m.text(d.result, lang, false))
    } else {
        numbers
    }
}

/// Every formula with the user's numbers and its source. The rows stay; a change of the
/// scenario rewrites only the numbers that changed.
#[component]
fn HowTable() -> impl IntoView {
    let lang = lang();
    let answered = answered();
    // Rebuilt once a drag pauses, like the layout search: forty rows of expression text per move
    // would be work nobody reads mid-drag.
    let build = move || {
        answered
            .shown
            .with_untracked(|s| answered.report.with_untracked(|r| derivations(s, r)))
    };
    let rows = RwSignal::new(build());
    // Marked on the table while a rebuild is pending, so scripts and tests can wait for it.
    let stale = RwSignal::new(false);
    let rebuild = leptos_use::use_debounce_fn(
        move || {
            rows.set(build());
            stale.set(false);
        },
        super::state::PAUSE_MS,
    );
    Effect::new(move |first: Option<()>| {
        answered.report.track();
        if first.is_some() {
            // Set once per pause, not on every move (a set notifies even when equal).
            if !stale.get_untracked() {
                stale.set(true);
            }
            rebuild();
        }
    });
    let count = Memo::new(move |_| rows.with(Vec::len));
    let cell = move |i: usize, f: fn(&Derivation) -> String| {
        Signal::derive(move || rows.with(|r| r.get(i).map(f).unwrap_or_default()))
    };
    view! {
        // A table wider than a phone scrolls: focusable, so a keyboard can scroll it too.
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr(|u| u.tab_how)>
            <table class="derivations" data-stale=move || stale.get().then_some("")>
                <thead>
                    <tr>
                        <th>{tr(|u| u.metric)}</th>
                        <th>{tr(|u| u.formula)}</th>
                        <th>{tr(|u| u.with_your_numbers)}</th>
                        <th>{tr(|u| u.source)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || 0..count.get() key=|i| *i let:i>
                        <tr
                            data-metric=cell(i, |d| d.metric.key().to_string())
                            data-value=cell(i, |d| d.result.to_string())
                        >
                            <td>
                                {move || {
                                    rows.with(|r| r.get(i).map(|d| d.metric.metric().label(lang.get())))
                                }}
                            </td>
                            <td><code>{cell(i, |d| d.formula.to_string())}</code></td>
                            <td><code>{move || rows.with(|r| r.get(i).map(|d| shown(d, lang.get())))}</code></td>
                            <td class="source">{cell(i, |d| d.source.to_string())}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// Published runs beside the model's predictions (they do not depend on the scenario).
#[component]
fn RealityTable() -> impl IntoView {
    let lang = lang();
    move || {
        let lang = lang.get();
        let ui = lang.ui();
        view! {
            <p class="hint">{ui.reality_intro}</p>
            <p class="hint" id="held-out-summary">{move || {
                let held = validation::held_out();
                let n = held.len().max(1) as f64;
                let mean = held.iter().map(|h| h.error.abs()).sum::<f64>() / n;
                let worst = held.iter().map(|h| h.error.abs()).fold(0.0, f64::max);
                let percent = |x: f64| format!("{:.1}", x * 100.0);
                crate::messages::held_out(lang, &ui.held_out_summary, &held.len(), &percent(mean), &percent(worst))
            }}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=ui.tab_reality>
                <table class="reality">
                    <thead>
                        <tr><th>{ui.run}</th><th>{ui.metric}</th><th>{ui.predicted}</th><th>{ui.published}</th><th>{ui.error}</th><th>{ui.role}</th><th>{ui.source}</th></tr>
                    </thead>
                    <tbody>
                        {REFERENCES
                            .iter()
                            .map(|r| {
                                let predicted = r.predicted();
                                let error = predicted / r.published - 1.0;
                                // The report is in SI units; the table's format shows days, MWh
                                // and tonnes, the exact SI value on hover.
                                let read = |v: f64| r.metric.metric().text(v, lang, false);
                                let (role_id, role) = match r.role {
                                    Role::Fitted => ("fitted", ui.role_fitted),
                                    Role::HeldOut => ("held_out", ui.role_held_out),
                                    Role::Check => ("check", ui.role_check),
                                };
                                view! {
                                    <tr data-metric=r.metric.key() data-value=predicted.to_string() data-role=role_id>
                                        <td>{r.run}</td>
                                        <td>{r.metric.metric().label(lang)}</td>
                                        <td title=human::exact(predicted)>{read(predicted)}</td>
                                        <td title=human::exact(r.published)>{read(r.published)}</td>
                                        <td class:bad={error.abs() > 0.05}>{format!("{:+.1}%", error * 100.0)}</td>
                                        <td>{role}</td>
                                        <td class="source">
                                            {i18n::source_title(r.source).map(|t| view! { <cite>{t}</cite> ": " })}
                                            <a href=format!("?{}", r.query)>{r.source}</a>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    }
}

/// The report's notices, then the assumptions.
#[component]
pub fn Notes(
    /// The report's notices, in its order.
    notices: Memo<Vec<Notice>>,
    /// The language they are read in.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    move || {
        let lang = lang.get();
        let notices: Vec<String> =
            notices.with(|ns| ns.iter().map(|n| i18n::notice(n, lang)).collect());
        view! {
            <ul class="notes">
                {if notices.is_empty() {
                    view! { <li>{lang.ui().no_notes}</li> }.into_any()
                } else {
                    notices.into_iter().map(|n| view! { <li class="notice">{n}</li> }).collect_view().into_any()
                }}
                <li class="assumption">{lang.ui().assumptions_note}</li>
            </ul>
        }
        .into_any()
    }
}

/// A UI string of the current language.
type Label = fn(&'static i18n::Ui) -> &'static str;

/// The tab list and the open tab.
#[component]
pub fn Tabs() -> impl IntoView {
    let lang = lang();
    let answered = answered();
    let page = page();
    let notices = Memo::new(move |_| answered.report.with(|r| r.notices.len()));
    // The WAI-ARIA tabs pattern: one tab in the tab order, the arrows (and Home, End) move
    // between tabs and open them, and the panel is named by its tab.
    const TABS: [(Tab, &str, Label); 6] = [
        (Tab::How, "tab-how", |u| u.tab_how),
        (Tab::Layouts, "tab-layouts", |u| u.tab_layouts),
        (Tab::Serving, "tab-serving", |u| u.tab_serving),
        (Tab::Launch, "tab-launch", |u| u.tab_launch),
        (Tab::Reality, "tab-reality", |u| u.tab_reality),
        (Tab::Notes, "tab-notes", |u| u.tab_notes),
    ];
    let open_at = move |i: usize| {
        let (tab, id, _) = TABS[i];
        page.tab.set(tab);
        if let Some(el) = document().get_element_by_id(id) {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    let selected_id = move || {
        TABS.iter()
            .find(|(t, _, _)| *t == page.tab.get())
            .map_or("tab-how", |(_, id, _)| *id)
    };
    let buttons = TABS
        .iter()
        .enumerate()
        .map(|(i, &(tab, id, label))| {
            view! {
                <button
                    type="button"
                    role="tab"
                    id=id
                    aria-controls="tab-panel"
                    aria-selected=move || (page.tab.get() == tab).to_string()
                    tabindex=move || if page.tab.get() == tab { "0" } else { "-1" }
                    class:active=move || page.tab.get() == tab
                    on:click=move |_| page.tab.set(tab)
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                        let n = TABS.len();
                        let to = match ev.key().as_str() {
                            "ArrowRight" => (i + 1) % n,
                            "ArrowLeft" => (i + n - 1) % n,
                            "Home" => 0,
                            "End" => n - 1,
                            _ => return,
                        };
                        ev.prevent_default();
                        open_at(to);
                    }
                >
                    {move || label(lang.get().ui())}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="tabs">
            <div role="tablist">
                {buttons}
                <span class="badge" data-metric="notices" data-value=move || notices.get().to_string()>
                    {move || notices.get()}
                </span>
            </div>
            <div role="tabpanel" id="tab-panel" aria-labelledby=selected_id tabindex="0">
                {move || match page.tab.get() {
                    Tab::How => view! { <HowTable/> }.into_any(),
                    Tab::Layouts => view! { <super::layouts::LayoutTable/> }.into_any(),
                    // Drawn only while open: five reports per change stay off the slider's path.
                    Tab::Serving => view! {
                        <super::chart_canvas::Chart which=super::chart_canvas::Which::Context/>
                        <super::chart_canvas::Chart which=super::chart_canvas::Which::Serving/>
                    }
                    .into_any(),
                    Tab::Launch => view! { <super::launch_tab::LaunchTab/> }.into_any(),
                    Tab::Reality => view! { <RealityTable/> }.into_any(),
                    Tab::Notes => {
                        let notices = Memo::new(move |_| answered.report.with(|r| r.notices.clone()));
                        view! { <Notes notices lang/> }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
