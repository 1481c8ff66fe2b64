//! Saved scenarios in localStorage: save, list, open, rename, duplicate, delete with undo,
//! autosave, cross-tab updates; compare up to four; export and import.

use super::state::Ctx;
use crate::estimate::query::{self, FieldError, Problem};
use crate::estimate::reference::metric;
use crate::estimate::{Report, Scenario, estimate};
use crate::human::{self, escape};
use crate::i18n::{self, Lang};
use crate::library::{self, ASIDE_PREFIX, Decoded, Entry, MAX_COMPARE, PREFIX};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// What went wrong with storage, for the banner.
#[derive(Clone, Debug, PartialEq)]
pub enum StorageTrouble {
    /// localStorage cannot be used (private mode, disabled).
    Unavailable,
    /// The browser refused a write (quota); names what was not saved.
    Full(String),
}

/// An entry that could not be read, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// Its storage key.
    pub key: String,
    /// Written by a newer version (schema), or the reason it is corrupt.
    pub newer: Option<u32>,
    /// Why it could not be read.
    pub reason: String,
}

/// A saved scenario chosen for comparison, with its report.
#[derive(Clone, PartialEq)]
pub struct Compared {
    /// The entry's name.
    pub name: String,
    /// Its scenario.
    pub scenario: Scenario,
    /// Its report.
    pub report: Report,
}

/// Library state, provided as context.
#[derive(Clone, Copy)]
pub struct Library {
    /// Saved entries, newest first.
    pub entries: RwSignal<Vec<Entry>>,
    /// Entries that could not be read (kept aside or left for a newer version).
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// The last storage problem.
    pub trouble: RwSignal<Option<StorageTrouble>>,
    /// The last deleted entry, for undo.
    pub undo: RwSignal<Option<Entry>>,
    /// Ids chosen for comparison (at most four).
    pub compare: RwSignal<Vec<String>>,
    /// The compared scenarios with their reports.
    pub compared: Memo<Vec<Compared>>,
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Reads every saved entry; migrates old ones in place, keeps corrupt ones aside (never deleted).
fn load(lib: Library) {
    let Some(st) = storage() else {
        lib.trouble.set(Some(StorageTrouble::Unavailable));
        return;
    };
    let keys: Vec<String> = (0..st.length().unwrap_or(0))
        .filter_map(|i| st.key(i).ok().flatten())
        .collect();
    let mut entries = Vec::new();
    let mut unreadable = Vec::new();
    for key in keys {
        let raw = st.get_item(&key).ok().flatten().unwrap_or_default();
        if let Some(id) = key.strip_prefix(PREFIX) {
            match library::decode(id, &raw) {
                Decoded::Current(e) => entries.push(e),
                Decoded::Migrated(e) => {
                    let _ = st.set_item(&key, &library::encode(&e));
                    entries.push(e);
                }
                Decoded::Newer { schema } => unreadable.push(Unreadable {
                    key,
                    newer: Some(schema),
                    reason: String::new(),
                }),
                Decoded::Corrupt { reason } => {
                    let aside = format!("{ASIDE_PREFIX}{id}");
                    // Move aside only once the copy is written: nothing is ever lost.
                    if st.set_item(&aside, &raw).is_ok() {
                        let _ = st.remove_item(&key);
                    }
                    unreadable.push(Unreadable {
                        key: aside,
                        newer: None,
                        reason,
                    });
                }
            }
        } else if key.starts_with(ASIDE_PREFIX) {
            let reason = match library::decode("", &raw) {
                Decoded::Corrupt { reason } => reason,
                _ => "kept aside".into(),
            };
            unreadable.push(Unreadable {
                key,
                newer: None,
                reason,
            });
        }
    }
    entries.sort_by(|a, b| {
        b.saved_ms
            .total_cmp(&a.saved_ms)
            .then_with(|| a.name.cmp(&b.name))
    });
    unreadable.sort_by(|a, b| a.key.cmp(&b.key));
    lib.entries.set(entries);
    lib.unreadable.set(unreadable);
}

/// Writes one entry; a refused write (quota) is reported, never silent.
fn write(lib: Library, e: &Entry) -> bool {
    let Some(st) = storage() else {
        lib.trouble.set(Some(StorageTrouble::Unavailable));
        return false;
    };
    match st.set_item(&format!("{PREFIX}{}", e.id), &library::encode(e)) {
        Ok(()) => {
            lib.trouble.set(None);
            true
        }
        Err(_) => {
            lib.trouble.set(Some(StorageTrouble::Full(e.name.clone())));
            false
        }
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Creates the library state: loads the saved entries and follows other tabs' saves. (The
/// working scenario is autosaved with the address bar, in `state`.)
pub fn provide() -> Library {
    let compare = RwSignal::new(Vec::<String>::new());
    let entries = RwSignal::new(Vec::<Entry>::new());
    let compared = Memo::new(move |_| {
        let ids = compare.get();
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
    });
    let lib = Library {
        entries,
        unreadable: RwSignal::new(Vec::new()),
        trouble: RwSignal::new(None),
        undo: RwSignal::new(None),
        compare,
        compared,
    };
    provide_context(lib);
    load(lib);
    // A save in another tab shows up here.
    let handle = window_event_listener(leptos::ev::storage, move |_| load(lib));
    std::mem::forget(handle);
    lib
}

/// Autosaves the working scenario (called with the address-bar update), so a reload or a crash
/// loses nothing. A refused write is reported.
pub fn autosave(query: &str) {
    if let Some(st) = storage()
        && st.set_item(library::WORKING_KEY, query).is_err()
        && let Some(lib) = use_context::<Library>()
    {
        lib.trouble.set(Some(StorageTrouble::Full(String::new())));
    }
}

/// The autosaved working scenario, if any (used when the address bar has none).
pub fn working_scenario() -> Option<String> {
    storage().and_then(|st| st.get_item(library::WORKING_KEY).ok().flatten())
}

fn download(file: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    download_url(file, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
}

fn download_url(file: &str, url: &str) {
    if let Ok(a) = document()
        .create_element("a")
        .map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(url);
        a.set_download(file);
        a.click();
    }
}

/// Reads an imported file: a Suanli scenario JSON (its `query`, else its `fields`).
fn query_from_json(text: &str) -> Option<String> {
    let v = js_sys::JSON::parse(text).ok()?;
    if let Some(q) = js_sys::Reflect::get(&v, &"query".into())
        .ok()
        .and_then(|q| q.as_string())
    {
        return Some(q);
    }
    let fields = js_sys::Reflect::get(&v, &"fields".into())
        .ok()
        .filter(|f| f.is_object())?;
    let mut out = form_urlencoded::Serializer::new(String::new());
    for pair in js_sys::Object::entries(&fields.unchecked_into()).iter() {
        let pair: js_sys::Array = pair.unchecked_into();
        if let (Some(k), Some(val)) = (
            pair.get(0).as_string(),
            pair.get(1)
                .as_string()
                .or_else(|| pair.get(1).as_f64().map(|x| x.to_string())),
        ) {
            out.append_pair(&k, &val);
        }
    }
    Some(out.finish())
}

/// Headline figures compared side by side.
const COMPARE_ROWS: [&str; 9] = [
    "params_total",
    "training_flops",
    "training_days",
    "gpus_for_deadline",
    "gpu_hours",
    "cost_usd",
    "energy_mwh",
    "memory_per_gpu.total_bytes",
    "serving.gpus",
];

fn show(key: &str, v: f64, lang: Lang) -> String {
    match key {
        "training_flops" => human::sci(v),
        "training_days" => format!("{} {}", human::sig3(v), lang.ui().days_unit),
        "gpus_for_deadline" | "serving.gpus" => human::devices(v, lang),
        "cost_usd" => human::money(v, false, lang),
        "energy_mwh" => format!("{} MWh", human::sig3(v)),
        "memory_per_gpu.total_bytes" => human::bytes(v),
        _ => human::count(v, lang),
    }
}

/// The scenarios panel.
#[component]
pub fn ScenarioLibrary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lib = expect_context::<Library>();
    let ui = move || ctx.ui();
    let name = RwSignal::new(String::new());
    let renaming = RwSignal::new(None::<String>);
    let save = move || {
        let taken_names: Vec<String> = lib
            .entries
            .with(|es| es.iter().map(|e| e.name.clone()).collect());
        let taken: Vec<&str> = taken_names.iter().map(String::as_str).collect();
        let wanted = name.get_untracked();
        let base = if wanted.trim().is_empty() {
            ctx.ui().untitled.to_string()
        } else {
            wanted.trim().to_string()
        };
        let e = Entry {
            id: library::new_id(now_ms(), js_sys::Math::random()),
            name: library::unique_name(&base, &taken),
            saved_ms: now_ms(),
            query: ctx.scenario.with_untracked(query::format),
        };
        if write(lib, &e) {
            name.set(String::new());
        }
        load(lib);
    };
    let open = move |e: &Entry| {
        let parsed = query::parse(&e.query);
        ctx.scenario.set(parsed.scenario);
        let mut problems = parsed.errors;
        problems.extend(parsed.warnings);
        ctx.link_problems.set(problems);
    };
    let delete = move |e: Entry| {
        if let Some(st) = storage() {
            let _ = st.remove_item(&format!("{PREFIX}{}", e.id));
        }
        lib.compare.update(|c| c.retain(|id| *id != e.id));
        lib.undo.set(Some(e));
        load(lib);
    };
    let undo = move || {
        if let Some(e) = lib.undo.get_untracked() {
            write(lib, &e);
            lib.undo.set(None);
            load(lib);
        }
    };
    let duplicate = move |e: &Entry| {
        let taken_names: Vec<String> = lib
            .entries
            .with(|es| es.iter().map(|e| e.name.clone()).collect());
        let taken: Vec<&str> = taken_names.iter().map(String::as_str).collect();
        let copy = Entry {
            id: library::new_id(now_ms(), js_sys::Math::random()),
            name: library::unique_name(&e.name, &taken),
            saved_ms: now_ms(),
            query: e.query.clone(),
        };
        write(lib, &copy);
        load(lib);
    };
    let rename = move |e: &Entry, new_name: String| {
        let new_name = new_name.trim().to_string();
        if !new_name.is_empty() && new_name != e.name {
            write(
                lib,
                &Entry {
                    name: new_name,
                    ..e.clone()
                },
            );
        }
        renaming.set(None);
        load(lib);
    };
    let toggle_compare = move |id: String, on: bool| {
        lib.compare.update(|c| {
            c.retain(|x| *x != id);
            if on && c.len() < MAX_COMPARE {
                c.push(id);
            }
        })
    };
    let import_error = move |file: String| {
        ctx.link_problems.set(vec![FieldError {
            field: "file".into(),
            value: file,
            problem: Problem::NotOneOf {
                allowed: vec!["Suanli scenario JSON".into()],
            },
        }]);
    };
    let on_import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            match query_from_json(&text) {
                Some(q) => {
                    let parsed = query::parse(&q);
                    ctx.scenario.set(parsed.scenario);
                    let mut problems = parsed.errors;
                    problems.extend(parsed.warnings);
                    ctx.link_problems.set(problems);
                }
                None => import_error(file_name),
            }
        });
    };
    let export_scenario = move |_| {
        let q = ctx.scenario.with_untracked(query::format);
        download(
            "suanli-scenario.json",
            "application/json",
            &library::export_json(ctx.ui().untitled, &q),
        );
    };
    let export_csv = move |_| {
        download(
            "suanli-report.csv",
            "text/csv",
            &ctx.report.with_untracked(library::report_csv),
        )
    };
    let export_json = move |_| {
        let q = ctx.scenario.with_untracked(query::format);
        download(
            "suanli-report.json",
            "application/json",
            &ctx.report.with_untracked(|r| library::report_json(&q, r)),
        );
    };
    let export_png = move |_| {
        if let Some(c) = document()
            .query_selector("canvas[data-chart=\"days\"]")
            .ok()
            .flatten()
        {
            let canvas: web_sys::HtmlCanvasElement = c.unchecked_into();
            if let Ok(url) = canvas.to_data_url() {
                download_url("suanli-gpus-days.png", &url);
            }
        }
    };
    let export_svg = move |_| {
        let svg = ctx.scenario.with_untracked(|s| {
            ctx.report.with_untracked(|r| {
                super::chart_view::days_svg(
                    s,
                    r,
                    ctx.lang.get_untracked(),
                    lib.compared.get_untracked(),
                )
            })
        });
        download("suanli-gpus-days.svg", "image/svg+xml", &svg);
    };
    let trouble = move || {
        lib.trouble.get().map(|t| {
            let u = ctx.ui();
            let text = match t {
                StorageTrouble::Unavailable => u.storage_unavailable.to_string(),
                StorageTrouble::Full(n) => u.storage_full.replace("{name}", &n),
            };
            view! { <p class="storage-trouble" role="alert" data-trouble="1">{text}</p> }
        })
    };
    // The list is rendered as escaped HTML with one delegated click and change handler: less
    // code than a typed view per entry, and a name can never become markup.
    let list_html = move || {
        let lang = ctx.lang.get();
        let u = lang.ui();
        let compare = lib.compare.get();
        let editing = renaming.get();
        lib.entries.with(|es| {
            if es.is_empty() {
                return format!("<li class=\"hint\">{}</li>", escape(u.no_saved));
            }
            es.iter()
                .map(|e| {
                    let id = escape(&e.id);
                    let checked = compare.contains(&e.id);
                    let disabled = compare.len() >= MAX_COMPARE && !checked;
                    let name = if editing.as_deref() == Some(e.id.as_str()) {
                        format!("<input type=\"text\" class=\"rename\" data-rename=\"{id}\" maxlength=\"120\" value=\"{}\">", escape(&e.name))
                    } else {
                        format!("<span class=\"entry-name\" data-name=\"{id}\">{}</span>", escape(&e.name))
                    };
                    let button = |attr: &str, label: &str| format!("<button type=\"button\" {attr}=\"{id}\">{}</button>", escape(label));
                    format!(
                        "<li class=\"saved-entry\" data-entry=\"{id}\"><label class=\"compare-box\" title=\"{}\"><input type=\"checkbox\" data-compare=\"{id}\"{}{}></label>{name}<span class=\"entry-actions\">{}{}{}{}</span></li>",
                        escape(u.compare_hint),
                        if checked { " checked" } else { "" },
                        if disabled { " disabled" } else { "" },
                        button("data-open", u.open),
                        button("data-rename-start", u.rename),
                        button("data-duplicate", u.duplicate),
                        button("data-delete", u.delete),
                    )
                })
                .collect()
        })
    };
    let unreadable_html = move || {
        lib.unreadable.with(|bad| {
            bad.iter()
                .map(|b| {
                    let why = match b.newer {
                        Some(n) => format!("{} (schema {n})", ctx.ui().saved_by_newer),
                        None => b.reason.clone(),
                    };
                    format!(
                        "<li data-unreadable=\"{}\"><code>{}</code>: <code>{}</code></li>",
                        escape(&b.key),
                        escape(&b.key),
                        escape(&why)
                    )
                })
                .collect::<String>()
        })
    };
    let entry = move |id: &str| {
        lib.entries
            .with_untracked(|es| es.iter().find(|e| e.id == id).cloned())
    };
    let on_list_click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("button").ok().flatten())
        else {
            return;
        };
        let attr = |name: &str| button.get_attribute(name);
        if let Some(e) = attr("data-open").and_then(|id| entry(&id)) {
            open(&e);
        } else if let Some(id) = attr("data-rename-start") {
            renaming.set(Some(id));
        } else if let Some(e) = attr("data-duplicate").and_then(|id| entry(&id)) {
            duplicate(&e);
        } else if let Some(e) = attr("data-delete").and_then(|id| entry(&id)) {
            delete(e);
        }
    };
    let on_list_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        if let Some(id) = input.get_attribute("data-compare") {
            toggle_compare(id, input.checked());
        } else if let Some(e) = input.get_attribute("data-rename").and_then(|id| entry(&id)) {
            rename(&e, input.value());
        }
    };
    view! {
        <section class="library" aria-labelledby="library-title">
            <h2 id="library-title">{move || ui().scenarios}</h2>
            {trouble}
            <form class="save-row" on:submit=move |ev| { ev.prevent_default(); save(); }>
                <input type="text" id="scenario-name" maxlength="120" aria-label=move || ui().scenario_name placeholder=move || ui().scenario_name
                    prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                <button type="submit" id="save-scenario">{move || ui().save}</button>
            </form>
            {move || lib.undo.get().map(|e| view! {
                <p class="undo" role="status">{move || ui().deleted}" "<b>{e.name.clone()}</b>" "
                    <button id="undo-delete" on:click=move |_| undo()>{move || ui().undo}</button></p>
            })}
            <ul class="saved" inner_html=list_html on:click=on_list_click on:change=on_list_change></ul>
            {move || (!lib.unreadable.with(Vec::is_empty)).then(|| view! {
                <div class="unreadable" role="alert">
                    <p>{move || ui().unreadable}</p>
                    <ul inner_html=unreadable_html></ul>
                </div>
            })}
            <CompareTable />
            <div class="io">
                <span class="label">{move || ui().export}</span>
                <button id="export-scenario" on:click=export_scenario>{move || ui().scenario_json}</button>
                <button id="export-csv" on:click=export_csv>"CSV"</button>
                <button id="export-json" on:click=export_json>"JSON"</button>
                <button id="export-png" on:click=export_png>"PNG"</button>
                <button id="export-svg" on:click=export_svg>"SVG"</button>
                <label class="import">{move || ui().import}
                    <input type="file" id="import-file" accept=".json,application/json" on:change=on_import /></label>
            </div>
        </section>
    }
}

/// The headline figures of the current scenario and the compared ones, differences marked.
#[component]
fn CompareTable() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lib = expect_context::<Library>();
    let html = move || {
        let lang = ctx.lang.get();
        lib.compared.with(|compared| {
            ctx.report.with(|current| {
                let mut out = format!("<thead><tr><th></th><th>{}</th>", escape(lang.ui().current));
                for c in compared {
                    out += &format!("<th>{}</th>", escape(&c.name));
                }
                out += "</tr></thead><tbody>";
                for key in COMPARE_ROWS {
                    let base = metric(current, key).unwrap_or(0.0);
                    out += &format!(
                        "<tr><th>{}</th><td data-metric=\"{key}\" data-value=\"{base}\">{}</td>",
                        escape(i18n::metric_label(key, lang)),
                        escape(&show(key, base, lang))
                    );
                    for c in compared {
                        let v = metric(&c.report, key).unwrap_or(0.0);
                        let d = if base != 0.0 { v / base - 1.0 } else { 0.0 };
                        let (class, delta) = match d {
                            d if d > 0.005 => (
                                " class=\"diff up\"",
                                format!(" <small>{:+.0}%</small>", d * 100.0),
                            ),
                            d if d < -0.005 => (
                                " class=\"diff down\"",
                                format!(" <small>{:+.0}%</small>", d * 100.0),
                            ),
                            _ => ("", String::new()),
                        };
                        out += &format!(
                            "<td{class} data-metric=\"{key}\" data-value=\"{v}\">{}{delta}</td>",
                            escape(&show(key, v, lang))
                        );
                    }
                    out += "</tr>";
                }
                out + "</tbody>"
            })
        })
    };
    move || {
        (!lib.compared.with(Vec::is_empty)).then(
            || view! { <table class="compare" data-compare-table="1" inner_html=html></table> },
        )
    }
}
