//! The scenarios panel: save, list, open, rename, duplicate, delete with undo, compare up to
//! four, export and import. Saves from other tabs arrive through the `storage` event.

use super::export;
use super::state::{self, Ctx, ctx, tr};
use super::storage::{self, Trouble, Unreadable};
use crate::chart_data::Compared;
use crate::estimate::query::{self, FieldError, Problem};
use crate::estimate::{Scenario, estimate};
use crate::human;
use crate::i18n::{self, Lang};
use crate::library::{self, Entry, MAX_COMPARE};
use leptos::ev;
use leptos::prelude::*;

/// The panel's state, provided as context.
#[derive(Clone, Copy)]
pub struct Library {
    /// Saved entries, newest first.
    pub entries: RwSignal<Vec<Entry>>,
    /// Entries that could not be read (kept aside or left for a newer version).
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// The last storage problem.
    pub trouble: RwSignal<Option<Trouble>>,
    /// The last deleted entry, for undo.
    pub undo: RwSignal<Option<Entry>>,
    /// Ids chosen for comparison (at most four).
    pub compare: RwSignal<Vec<String>>,
    /// The entry whose name is being edited.
    pub renaming: RwSignal<Option<String>>,
    /// The compared entries with their reports (changes only when their names or scenarios do).
    pub compared: Memo<Vec<Compared>>,
}

/// Reads the saved entries into the panel, or reports why it cannot.
fn reload(lib: Library) {
    match storage::load() {
        Ok((entries, unreadable)) => {
            lib.entries.set(entries);
            lib.unreadable.set(unreadable);
        }
        Err(t) => lib.trouble.set(Some(t)),
    }
}

/// Writes an entry and reloads the list; a refused write is reported, never silent.
fn write(lib: Library, e: &Entry) -> bool {
    let ok = match storage::write(e) {
        Ok(()) => {
            lib.trouble.set(None);
            true
        }
        Err(t) => {
            lib.trouble.set(Some(t));
            false
        }
    };
    reload(lib);
    ok
}

/// Creates the panel's state, loads the saved entries and follows other tabs' saves.
pub fn provide() -> Library {
    let entries = RwSignal::new(Vec::<Entry>::new());
    let compare = RwSignal::new(Vec::<String>::new());
    let compared = Memo::new(move |_| {
        compare.with(|ids| {
            entries.with(|es| {
                ids.iter()
                    .filter_map(|id| es.iter().find(|e| &e.id == id))
                    .map(|e| {
                        let scenario = query::parse(&e.query).scenario;
                        let report = estimate(&scenario);
                        Compared {
                            name: e.name.clone(),
                            scenario,
                            report,
                        }
                    })
                    .collect()
            })
        })
    });
    let lib = Library {
        entries,
        unreadable: RwSignal::new(Vec::new()),
        trouble: RwSignal::new(None),
        undo: RwSignal::new(None),
        compare,
        renaming: RwSignal::new(None),
        compared,
    };
    provide_context(lib);
    reload(lib);
    let _ = window_event_listener(ev::storage, move |_| reload(lib));
    lib
}

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

/// Makes a parsed scenario (from a saved entry or an imported file) the current one, and lists
/// what was wrong in it.
pub fn apply(ctx: Ctx, q: &str) {
    let (scenario, problems) = state::parse(q);
    ctx.scenario.set(scenario);
    ctx.link_problems.set(problems);
}

/// The scenarios panel.
#[component]
pub fn ScenariosPanel() -> impl IntoView {
    let ctx = ctx();
    let lib = expect_context::<Library>();
    let name = RwSignal::new(String::new());
    let save = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        let base = if typed.trim().is_empty() {
            ctx.lang.get_untracked().ui().untitled.to_string()
        } else {
            typed.trim().to_string()
        };
        let e = new_entry(lib, &base, ctx.scenario.with_untracked(query::format));
        if write(lib, &e) {
            name.set(String::new());
        }
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
                    {ctx.ui().deleted} " " <b>{e.name.clone()}</b> " "
                    <button type="button" id="undo-delete" on:click=move |_| {
                        if let Some(e) = lib.undo.get_untracked() {
                            write(lib, &e);
                            lib.undo.set(None);
                        }
                    }>{ctx.ui().undo}</button>
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
            <CompareTable/>
            <export::ExportRow/>
        </section>
    }
}

fn trouble_text(t: &Trouble, lang: Lang) -> String {
    let u = lang.ui();
    match t {
        Trouble::Unavailable => u.storage_unavailable.to_string(),
        Trouble::Full(n) => u.storage_full.replace("{name}", n),
    }
}

#[component]
fn TroubleBanner() -> impl IntoView {
    let ctx = ctx();
    let lib = expect_context::<Library>();
    move || {
        lib.trouble.get().map(|t| {
            view! {
                <p class="storage-trouble" role="alert" data-trouble="1">
                    {trouble_text(&t, ctx.lang.get())}
                </p>
            }
            .into_any()
        })
    }
}

/// One saved scenario: its name (or the field renaming it) and its actions.
#[component]
fn SavedEntry(entry: Entry) -> impl IntoView {
    let ctx = ctx();
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
        move |_| apply(ctx, &q)
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
    let ctx = ctx();
    let lib = expect_context::<Library>();
    move || {
        let bad = lib.unreadable.get();
        (!bad.is_empty()).then(|| {
            let lang = ctx.lang.get();
            view! {
                <div class="unreadable" role="alert">
                    <p>{lang.ui().unreadable}</p>
                    <ul>
                        {bad
                            .into_iter()
                            .map(|b| {
                                let why = match b.newer {
                                    Some(n) => format!("{} (schema {n})", lang.ui().saved_by_newer),
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

/// The inputs the compare table leads with: what each scenario chose.
fn input_rows(s: &Scenario, lang: Lang) -> [(&'static str, String); 6] {
    let ui = lang.ui();
    [
        (
            i18n::field_label("model", lang),
            s.model.clone().unwrap_or_else(|| ui.custom_model.into()),
        ),
        (i18n::field_label("gpu", lang), s.gpu.clone()),
        (
            i18n::field_label("gpus", lang),
            human::exact(f64::from(s.gpus)),
        ),
        (i18n::field_label("mfu", lang), human::percent(s.mfu)),
        (
            ui.layout,
            format!("TP{} · PP{} · ZeRO-{}", s.tp, s.pp, s.zero),
        ),
        (
            i18n::field_label("tokens", lang),
            human::count(s.data.tokens(), lang),
        ),
    ]
}

/// The current scenario beside the compared ones: first the inputs that differ, then the
/// headline figures, differences marked.
#[component]
fn CompareTable() -> impl IntoView {
    let ctx = ctx();
    let lib = expect_context::<Library>();
    move || {
        let compared = lib.compared.get();
        if compared.is_empty() {
            return None;
        }
        let lang = ctx.lang.get();
        let ui = lang.ui();
        let current_inputs = ctx.scenario.with(|s| input_rows(s, lang));
        let others: Vec<_> = compared
            .iter()
            .map(|c| input_rows(&c.scenario, lang))
            .collect();
        let inputs = (0..current_inputs.len())
            .filter(|&i| others.iter().any(|o| o[i].1 != current_inputs[i].1))
            .map(|i| {
                view! {
                    <tr class="input-row">
                        <th>{current_inputs[i].0}</th>
                        <td>{current_inputs[i].1.clone()}</td>
                        {others
                            .iter()
                            .map(|o| {
                                let differs = o[i].1 != current_inputs[i].1;
                                view! { <td class:diff=differs>{o[i].1.clone()}</td> }
                            })
                            .collect_view()}
                    </tr>
                }
            })
            .collect_view();
        let figures = ctx.report.with(|current| {
            super::cards::compared()
                .filter_map(|card| crate::metrics::find(card.metric))
                .map(|card| {
                    let base = (card.get)(current);
                    let cny = ctx.scenario.with(|s| s.currency == crate::estimate::scenario::Currency::Cny);
                    view! {
                        <tr>
                            <th>{card.label(lang)}</th>
                            <td data-metric=card.key data-value=base.to_string()>
                                {card.text(base, lang, cny)}
                            </td>
                            {compared
                                .iter()
                                .map(|c| {
                                    let v = (card.get)(&c.report);
                                    let d = if base != 0.0 { v / base - 1.0 } else { 0.0 };
                                    let up = d > 0.005;
                                    let down = d < -0.005;
                                    let cny = c.scenario.currency == crate::estimate::scenario::Currency::Cny;
                                    view! {
                                        <td class:diff={up || down} class:up=up class:down=down data-metric=card.key data-value=v.to_string()>
                                            {card.text(v, lang, cny)}
                                            {(up || down).then(|| view! { " " <small>{format!("{:+.0}%", d * 100.0)}</small> })}
                                        </td>
                                    }
                                })
                                .collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        });
        Some(view! {
            <div class="table-scroll">
                <table class="compare" data-compare-table="1">
                    <thead>
                        <tr>
                            <th></th>
                            <th>{ui.current}</th>
                            {compared.iter().map(|c| view! { <th>{c.name.clone()}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        <tr class="group"><th colspan="99">{ui.inputs_heading}</th></tr>
                        {inputs}
                        <tr class="group"><th colspan="99">{ui.figures_heading}</th></tr>
                        {figures}
                    </tbody>
                </table>
            </div>
        }
        .into_any())
    }
}

/// An imported file that is not a scenario, reported like a bad link field.
pub fn not_a_scenario(ctx: Ctx, file_name: String) {
    ctx.link_problems.set(vec![FieldError {
        field: "file".into(),
        value: file_name,
        problem: Problem::NotOneOf {
            allowed: vec!["Suanli scenario JSON".into()],
        },
    }]);
}
