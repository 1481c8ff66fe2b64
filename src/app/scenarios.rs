//! The scenarios panel: save, list, open, rename, duplicate, delete with undo, compare up to
//! four, export and import. Saves from other tabs arrive through the `storage` event.

use super::export;
use super::saved::{Library, reload, write};
use super::state::apply;
use super::state::{answered, given, lang, tr};
use super::storage::{self, Trouble};
use crate::chart_data::Compared;
use crate::estimate::Scenario;
use crate::estimate::query;
use crate::i18n::Lang;
use crate::library::{self, Entry, MAX_COMPARE};
use leptos::ev;
use leptos::prelude::*;

/// A new entry saved now, its name made unique among the saved ones.
fn new_entry(lib: Library, name: &str, query: String) -> Entry {
    let name = lib.entries.with_untracked(|es| {
        let taken: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        library::unique_name(name, &taken)
    });
    let now = js_sys::Date::now();
    Entry {
        id: library::new_id(now, js_sys::Math::random()),
        name,
        saved_ms: now,
        query,
    }
}

/// Saves the scenario on screen under the name typed (or "Untitled"), and clears the name once
/// it is stored.
fn save_current(
    scenario: RwSignal<Scenario>,
    lang: RwSignal<Lang>,
    lib: Library,
    name: RwSignal<String>,
) {
    let typed = name.get_untracked();
    let base = if typed.trim().is_empty() {
        lang.get_untracked().ui().untitled.to_string()
    } else {
        typed.trim().to_string()
    };
    let e = new_entry(lib, &base, scenario.with_untracked(query::format));
    if write(lib, &e) {
        name.set(String::new());
    }
}

/// The scenarios panel.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let scenario = given().scenario;
    let lang = lang();
    let lib = expect_context::<Library>();
    let name = RwSignal::new(String::new());
    let save = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        save_current(scenario, lang, lib, name);
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <h2 id="library-title">{tr(|u| u.scenarios)}</h2>
            <TroubleBanner/>
            <form class="save-row" on:submit=save>
                <input
                    type="text"
                    id="scenario-name"
                    maxlength="120"
                    aria-label=tr(|u| u.scenario_name)
                    placeholder=tr(|u| u.scenario_name)
                    prop:value=name
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button type="submit" id="save-scenario">{tr(|u| u.save)}</button>
            </form>
            {move || lib.undo.get().map(|e| view! {
                <p class="undo" role="status">
                    {lang.get().ui().deleted} " " <b>{e.name.clone()}</b> " "
                    <button type="button" id="undo-delete" on:click=move |_| {
                        if let Some(e) = lib.undo.get_untracked() {
                            write(lib, &e);
                            lib.undo.set(None);
                        }
                    }>{lang.get().ui().undo}</button>
                </p>
            }.into_any())}
            <ul class="saved">
                <Show when=move || lib.entries.with(|e| e.is_empty())>
                    <li class="hint">{tr(|u| u.no_saved)}</li>
                </Show>
                <For
                    each=move || lib.entries.get()
                    key=|e| (e.id.clone(), e.name.clone())
                    children=move |e| view! { <SavedEntry entry=e/> }
                />
            </ul>
            <UnreadableList/>
            <CompareIntro name=name/>
            <CompareTable/>
            <export::ExportRow/>
        </section>
    }
}

fn trouble_text(t: &Trouble, lang: Lang) -> String {
    let u = lang.ui();
    match t {
        Trouble::Unavailable => u.storage_unavailable.to_string(),
        Trouble::Full(n) => crate::messages::storage_full(lang, n),
    }
}

#[component]
fn TroubleBanner() -> impl IntoView {
    let lang = lang();
    let lib = expect_context::<Library>();
    move || {
        lib.trouble.get().map(|t| {
            view! {
                <p class="storage-trouble" role="alert" data-trouble="1">
                    {trouble_text(&t, lang.get())}
                </p>
            }
            .into_any()
        })
    }
}

/// One saved scenario: its name (or the field renaming it) and its actions.
#[component]
fn SavedEntry(
    /// The saved scenario.
    entry: Entry,
) -> impl IntoView {
    let given = given();
    let lib = expect_context::<Library>();
    let id = entry.id.clone();
    let compared = {
        let id = id.clone();
        Memo::new(move |_| lib.compare.with(|c| c.contains(&id)))
    };
    let full = move || lib.compare.with(|c| c.len() >= MAX_COMPARE);
    let renaming = {
        let id = id.clone();
        Memo::new(move |_| lib.renaming.with(|r| r.as_deref() == Some(id.as_str())))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            lib.compare.update(|c| {
                if c.contains(&id) {
                    c.retain(|x| *x != id);
                } else if c.len() < MAX_COMPARE {
                    c.push(id.clone());
                }
            })
        }
    };
    let open = {
        let q = entry.query.clone();
        move |_| apply(given, &q)
    };
    let duplicate = {
        let e = entry.clone();
        move |_| {
            let copy = new_entry(lib, &e.name, e.query.clone());
            write(lib, &copy);
        }
    };
    let delete = {
        let e = entry.clone();
        move |_| {
            storage::remove(&e.id);
            lib.compare.update(|c| c.retain(|x| *x != e.id));
            lib.undo.set(Some(e.clone()));
            reload(lib);
        }
    };
    let rename = {
        let e = entry.clone();
        move |ev: ev::Event| {
            let new_name = event_target_value(&ev).trim().to_string();
            if !new_name.is_empty() && new_name != e.name {
                write(
                    lib,
                    &Entry {
                        name: new_name,
                        ..e.clone()
                    },
                );
            }
            lib.renaming.set(None);
        }
    };
    let name = entry.name.clone();
    let start_rename = {
        let id = id.clone();
        move |_| lib.renaming.set(Some(id.clone()))
    };
    let rename_input = NodeRef::<leptos::html::Input>::new();
    let rename_id = id.clone();
    Effect::new(move |_| {
        if let Some(input) = rename_input.get() {
            let _ = input.focus();
        }
    });
    view! {
        <li class="saved-entry" data-entry=id.clone()>
            <Show
                when=move || renaming.get()
                fallback={
                    let name = name.clone();
                    move || view! { <span class="entry-name">{name.clone()}</span> }
                }
            >
                <input
                    type="text"
                    class="rename"
                    node_ref=rename_input
                    data-rename=rename_id.clone()
                    maxlength="120"
                    prop:value=entry.name.clone()
                    on:change=rename.clone()
                />
            </Show>
            <span class="entry-actions">
                <button
                    type="button"
                    class="compare-toggle"
                    data-compare=id.clone()
                    title=tr(|u| u.compare_hint)
                    aria-pressed=move || compared.get().to_string()
                    disabled=move || full() && !compared.get()
                    on:click=toggle
                >
                    {tr(|u| u.compare)}
                </button>
                <button type="button" data-open=id.clone() on:click=open>{tr(|u| u.open)}</button>
                <button type="button" data-rename-start=id.clone() on:click=start_rename>
                    {tr(|u| u.rename)}
                </button>
                <button type="button" data-duplicate=id.clone() on:click=duplicate>
                    {tr(|u| u.duplicate)}
                </button>
                <button type="button" data-delete=id.clone() on:click=delete>
                    {tr(|u| u.delete)}
                </button>
            </span>
        </li>
    }
}

/// Entries that could not be read, and why.
#[component]
fn UnreadableList() -> impl IntoView {
    let lang = lang();
    let lib = expect_context::<Library>();
    move || {
        let bad = lib.unreadable.get();
        (!bad.is_empty()).then(|| {
            let lang = lang.get();
            view! {
                <div class="unreadable" role="alert">
                    <p>{lang.ui().unreadable}</p>
                    <ul>
                        {bad
                            .into_iter()
                            .map(|b| {
                                let why = match b.newer {
                                    Some(n) => crate::messages::saved_by_newer(lang, &n),
                                    None => b.reason.clone(),
                                };
                                view! {
                                    <li data-unreadable=b.key.clone()>
                                        <code>{b.key.clone()}</code> ": " <code>{why}</code>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
            .into_any()
        })
    }
}

/// What compare does, before it can be used: with nothing saved, an explanation and a button
/// that saves the scenario on screen (its Compare toggle then appears in the list); with
/// something saved and nothing compared, how to compare.
#[component]
fn CompareIntro(
    /// The name typed for the next save.
    name: RwSignal<String>,
) -> impl IntoView {
    let scenario = given().scenario;
    let lang = lang();
    let lib = expect_context::<Library>();
    move || {
        let ui = lang.get().ui();
        if lib.entries.with(Vec::is_empty) {
            Some(
                view! {
                    <div class="compare-intro" data-compare-empty="1">
                        <p>{ui.compare_explain}</p>
                        <button
                            type="button"
                            id="save-to-compare"
                            on:click=move |_| save_current(scenario, lang, lib, name)
                        >
                            {ui.save_to_compare}
                        </button>
                    </div>
                }
                .into_any(),
            )
        } else if lib.compare.with(Vec::is_empty) {
            Some(view! { <p class="hint" data-compare-pick="1">{ui.compare_pick}</p> }.into_any())
        } else {
            None
        }
    }
}

/// The scenario on screen (the baseline, first) beside the compared ones: first the inputs that
/// differ, then the headline figures, each compared figure with its change relative to the
/// baseline. A compared scenario identical to the one on screen is merged into the baseline's
/// column (named under its heading) rather than repeated. The row labels and the baseline stay
/// in place while the compared columns scroll sideways (on a phone, one at a time), with a hint
/// while there is more to scroll.
#[component]
fn CompareTable() -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    let lib = expect_context::<Library>();
    let scroller = NodeRef::<leptos::html::Div>::new();
    let overflows = RwSignal::new(false);
    let size = leptos_use::use_element_size(scroller);
    // Whether the table is wider than its box: measured after each change of the box or of
    // what the table shows, once the browser has laid it out.
    Effect::new(move |_| {
        size.width.track();
        lang.track();
        answered.report.track();
        if lib.compared.with(Vec::is_empty) {
            return;
        }
        if let Some(el) = scroller.get() {
            request_animation_frame(move || {
                let wider = el.scroll_width() > el.client_width() + 1;
                if overflows.get_untracked() != wider {
                    overflows.set(wider);
                }
            });
        }
    });
    let table = move || {
        let compared = lib.compared.get();
        if compared.is_empty() {
            return None;
        }
        let lang = lang.get();
        let ui = lang.ui();
        let (same, others): (Vec<&Compared>, Vec<&Compared>) = answered.shown.with(|s| {
            compared
                .iter()
                .partition(|c| library::same_scenario(s, &c.scenario))
        });
        if others.is_empty() {
            return Some(
                view! { <p class="hint" data-compare-all-same="1">{ui.compare_all_same}</p> }
                    .into_any(),
            );
        }
        let rows = answered.shown.with(|s| {
            let all: Vec<&Scenario> = std::iter::once(s)
                .chain(others.iter().map(|c| &c.scenario))
                .collect();
            library::differing_inputs(&all, lang)
        });
        let inputs = rows
            .into_iter()
            .map(|row| {
                let base = row.values[0].clone();
                view! {
                    <tr class="input-row" data-input=row.key>
                        <th scope="row">{row.label}</th>
                        <td class="baseline">{base.clone()}</td>
                        {row.values[1..]
                            .iter()
                            .map(|v| view! { <td class:diff=*v != base>{v.clone()}</td> })
                            .collect_view()}
                    </tr>
                }
            })
            .collect_view();
        let cny_of = |s: &Scenario| s.currency == crate::estimate::scenario::Currency::Cny;
        let cny = given.scenario.with(cny_of);
        let figures = answered.report.with(|current| {
            crate::cards::compared()
                .map(|card| card.metric.metric())
                .map(|card| {
                    let base = card.value(current);
                    view! {
                        <tr>
                            <th scope="row">{card.label(lang)}</th>
                            <td class="baseline" data-metric=card.key() data-value=base.to_string()>
                                {card.text(base, lang, cny)}
                            </td>
                            {others
                                .iter()
                                .map(|c| {
                                    let v = card.value(&c.report);
                                    let d = if base != 0.0 { v / base - 1.0 } else { 0.0 };
                                    let up = d > 0.005;
                                    let down = d < -0.005;
                                    let pct = format!("{:+.0}%", d * 100.0);
                                    let title = (up || down).then(|| ui.compare_vs.replace("{pct}", &pct));
                                    view! {
                                        <td
                                            class:diff={up || down}
                                            class:up=up
                                            class:down=down
                                            title=title
                                            data-metric=card.key()
                                            data-value=v.to_string()
                                        >
                                            {card.text(v, lang, cny_of(&c.scenario))}
                                            {(up || down).then(|| view! { " " <small>{pct}</small> })}
                                        </td>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        });
        let same_as = same
            .iter()
            .map(|c| {
                view! {
                    <small class="same-as" data-same-as=c.name.clone()>
                        {ui.compare_same_as.replace("{name}", &c.name)}
                    </small>
                }
            })
            .collect_view();
        Some(
            view! {
                <table class="compare" data-compare-table="1" aria-describedby="compare-note">
                    <thead>
                        <tr>
                            <td class="corner"></td>
                            <th scope="col" class="baseline" data-baseline="1">
                                <span>{ui.compare_baseline}</span>
                                {same_as}
                            </th>
                            {others
                                .iter()
                                .map(|c| view! { <th scope="col" data-compared=c.name.clone()>{c.name.clone()}</th> })
                                .collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="group"><th colspan="99"><span>{ui.inputs_heading}</span></th></tr>
                        {inputs}
                        <tr class="group"><th colspan="99"><span>{ui.figures_heading}</span></th></tr>
                        {figures}
                    </tbody>
                </table>
            }
            .into_any(),
        )
    };
    // Whether some compared scenario differs from the one on screen (else there is no table).
    let differs = Memo::new(move |_| {
        lib.compared.with(|cs| {
            given
                .scenario
                .with(|s| cs.iter().any(|c| !library::same_scenario(s, &c.scenario)))
        })
    });
    view! {
        <div class="compare-box" hidden=move || lib.compared.with(Vec::is_empty)>
            <p class="hint" id="compare-note" hidden=move || !differs.get()>
                {tr(|u| u.compare_relative)}
            </p>
            <p class="scroll-hint" data-scroll-hint="1" hidden=move || !overflows.get()>
                {tr(|u| u.compare_scroll)}
            </p>
            <div class="compare-scroll" node_ref=scroller tabindex="0" role="region" aria-labelledby="library-title">{table}</div>
        </div>
    }
}
