//! Saved scenarios in localStorage: save, list, open, rename, duplicate, delete with undo,
//! autosave, cross-tab updates; compare up to four; export and import.

use super::dom::{self, region};
use super::state::Ctx;
use crate::estimate::query::{self, FieldError, Problem};
use crate::estimate::reference::metric;
use crate::estimate::{Report, Scenario, estimate};
use crate::human::{self, escape};
use crate::i18n::{self, Lang};
use crate::library::{self, ASIDE_PREFIX, Decoded, Entry, MAX_COMPARE, PREFIX};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

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
#[derive(Clone)]
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
    /// What the panel shows. One signal for all of it: each signal type costs code in the
    /// bundle, and the panel's regions only rewrite what changed anyway.
    pub state: RwSignal<Shelf>,
    /// The compared scenarios with their reports.
    pub compared: Memo<Vec<Compared>>,
}

/// The library's state.
#[derive(Default)]
pub struct Shelf {
    /// Saved entries, newest first.
    pub entries: Vec<Entry>,
    /// Entries that could not be read (kept aside or left for a newer version).
    pub unreadable: Vec<Unreadable>,
    /// The last storage problem.
    pub trouble: Option<StorageTrouble>,
    /// The last deleted entry, for undo.
    pub undo: Option<Entry>,
    /// Ids chosen for comparison (at most four).
    pub compare: Vec<String>,
    /// The entry whose name is being edited.
    pub renaming: Option<String>,
}

/// Reports a storage problem (or clears it).
fn trouble(lib: Library, t: Option<StorageTrouble>) {
    lib.state.update(|s| s.trouble = t);
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Reads every saved entry; migrates old ones in place, keeps corrupt ones aside (never deleted).
/// Runs at start and on every storage event (a save in another tab).
pub fn load(lib: Library) {
    let Some(st) = storage() else {
        trouble(lib, Some(StorageTrouble::Unavailable));
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
    library::sort_small(&mut entries, |a, b| {
        b.saved_ms
            .total_cmp(&a.saved_ms)
            .then_with(|| a.name.cmp(&b.name))
            .is_lt()
    });
    library::sort_small(&mut unreadable, |a, b| a.key < b.key);
    lib.state.update(|s| {
        s.entries = entries;
        s.unreadable = unreadable;
    });
}

/// Writes one entry; a refused write (quota) is reported, never silent.
fn write(lib: Library, e: &Entry) -> bool {
    let Some(st) = storage() else {
        trouble(lib, Some(StorageTrouble::Unavailable));
        return false;
    };
    match st.set_item(&format!("{PREFIX}{}", e.id), &library::encode(e)) {
        Ok(()) => {
            trouble(lib, None);
            true
        }
        Err(_) => {
            trouble(lib, Some(StorageTrouble::Full(e.name.clone())));
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
    let state = RwSignal::new(Shelf::default());
    // Changed when the compared names or scenarios are (their reports follow from them).
    let compared = Memo::new_with_compare(
        move |_| {
            state.with(|st| {
                st.compare
                    .iter()
                    .filter_map(|id| st.entries.iter().find(|e| &e.id == id))
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
        },
        |a: Option<&Vec<Compared>>, b: Option<&Vec<Compared>>| match (a, b) {
            (Some(a), Some(b)) => {
                a.len() != b.len()
                    || a.iter()
                        .zip(b)
                        .any(|(x, y)| x.name != y.name || x.scenario != y.scenario)
            }
            _ => true,
        },
    );
    let lib = Library { state, compared };
    provide_context(lib);
    lib
}

/// Autosaves the working scenario (called with the address-bar update), so a reload or a crash
/// loses nothing. A refused write is reported.
pub fn autosave(query: &str) {
    if let Some(st) = storage()
        && st.set_item(library::WORKING_KEY, query).is_err()
        && let Some(lib) = use_context::<Library>()
    {
        trouble(lib, Some(StorageTrouble::Full(String::new())));
    }
}

/// The autosaved working scenario, if any (used when the address bar has none).
pub fn working_scenario() -> Option<String> {
    storage().and_then(|st| st.get_item(library::WORKING_KEY).ok().flatten())
}

/// An object URL for a file made in the page; revoke it once used.
fn blob_url(mime: &str, content: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn download(file: &str, mime: &str, content: &str) {
    if let Some(url) = blob_url(mime, content) {
        download_url(file, &url);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

/// Downloads an SVG chart as a PNG at twice its size: the browser rasterises the SVG into a
/// canvas once it has loaded it as an image.
fn download_png(file: &'static str, svg: &str) {
    let (w, h) = super::chart_view::EXPORT_SIZE;
    let (Some(url), Ok(img)) = (
        blob_url("image/svg+xml", svg),
        web_sys::HtmlImageElement::new(),
    ) else {
        return;
    };
    let loaded = img.clone();
    let src = url.clone();
    let onload = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Ok(canvas) = document()
            .create_element("canvas")
            .map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
        {
            canvas.set_width((w * 2.0) as u32);
            canvas.set_height((h * 2.0) as u32);
            if let Ok(Some(c)) = canvas.get_context("2d") {
                let c: web_sys::CanvasRenderingContext2d = c.unchecked_into();
                let _ = c.draw_image_with_html_image_element_and_dw_and_dh(
                    &loaded,
                    0.0,
                    0.0,
                    w * 2.0,
                    h * 2.0,
                );
            }
            if let Ok(data) = canvas.to_data_url() {
                download_url(file, &data);
            }
        }
        let _ = web_sys::Url::revoke_object_url(&src);
    });
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_src(&url);
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

/// A new entry saved now, its name made unique among the saved ones.
fn new_entry(lib: Library, name: &str, query: String) -> Entry {
    let name = lib.state.with_untracked(|s| {
        let taken: Vec<&str> = s.entries.iter().map(|e| e.name.as_str()).collect();
        library::unique_name(name, &taken)
    });
    let now = now_ms();
    Entry {
        id: library::new_id(now, js_sys::Math::random()),
        name,
        saved_ms: now,
        query,
    }
}

/// Saves the current scenario under the typed name (made unique), or "Untitled".
pub fn save(ctx: Ctx, lib: Library) {
    let input = dom::by_id("scenario-name");
    let wanted = input.as_ref().map(dom::value).unwrap_or_default();
    let base = if wanted.trim().is_empty() {
        ctx.ui().untitled.to_string()
    } else {
        wanted.trim().to_string()
    };
    let e = new_entry(lib, &base, ctx.scenario.with_untracked(query::format));
    if write(lib, &e)
        && let Some(input) = input
    {
        dom::set_value(&input, "");
    }
    load(lib);
}

/// Makes a parsed scenario (from a saved entry or an imported file) the current one, and lists
/// what was wrong in it.
fn apply(ctx: Ctx, q: &str) {
    let (scenario, problems) = super::state::parse(q);
    ctx.scenario.set(scenario);
    ctx.link_problems.set(problems);
}

fn entry(lib: Library, id: &str) -> Option<Entry> {
    lib.state
        .with_untracked(|s| s.entries.iter().find(|e| e.id == id).cloned())
}

fn import(ctx: Ctx, input: web_sys::HtmlInputElement) {
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
            Some(q) => apply(ctx, &q),
            None => ctx.link_problems.set(vec![FieldError {
                field: "file".into(),
                value: file_name,
                problem: Problem::NotOneOf {
                    allowed: vec!["Suanli scenario JSON".into()],
                },
            }]),
        }
    });
}

fn export(ctx: Ctx, lib: Library, what: &str) {
    let q = || ctx.scenario.with_untracked(query::format);
    match what {
        "export-scenario" => download(
            "suanli-scenario.json",
            "application/json",
            &library::export_json(ctx.ui().untitled, &q()),
        ),
        "export-csv" => download(
            "suanli-report.csv",
            "text/csv",
            &ctx.report.with_untracked(library::report_csv),
        ),
        "export-json" => download(
            "suanli-report.json",
            "application/json",
            &ctx.report.with_untracked(|r| library::report_json(&q(), r)),
        ),
        _ => {
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
            if what == "export-png" {
                download_png("suanli-gpus-days.png", &svg);
            } else {
                download("suanli-gpus-days.svg", "image/svg+xml", &svg);
            }
        }
    }
}

/// A click on a button of the panel. Returns whether it was the panel's.
pub fn on_click(ctx: Ctx, lib: Library, button: &Element) -> bool {
    let attr = |name: &str| button.get_attribute(name);
    let id = button.id();
    if id.starts_with("export-") {
        export(ctx, lib, &id);
    } else if id == "undo-delete" {
        if let Some(e) = lib.state.with_untracked(|s| s.undo.clone()) {
            write(lib, &e);
            lib.state.update(|s| s.undo = None);
            load(lib);
        }
    } else if let Some(e) = attr("data-open").and_then(|id| entry(lib, &id)) {
        apply(ctx, &e.query);
    } else if let Some(id) = attr("data-rename-start") {
        lib.state.update(|s| s.renaming = Some(id.clone()));
        // Focus the name field once the list shows it.
        set_timeout(
            move || {
                if let Some(input) = dom::select(&format!("[data-rename=\"{}\"]", escape(&id)))
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = input.focus();
                }
            },
            std::time::Duration::ZERO,
        );
    } else if let Some(e) = attr("data-duplicate").and_then(|id| entry(lib, &id)) {
        write(lib, &new_entry(lib, &e.name, e.query));
        load(lib);
    } else if let Some(e) = attr("data-delete").and_then(|id| entry(lib, &id)) {
        if let Some(st) = storage() {
            let _ = st.remove_item(&format!("{PREFIX}{}", e.id));
        }
        lib.state.update(|s| {
            s.compare.retain(|id| *id != e.id);
            s.undo = Some(e);
        });
        load(lib);
    } else {
        return false;
    }
    true
}

/// A change in the panel: a compare box, a new name, an imported file. Returns whether it was
/// the panel's.
pub fn on_change(ctx: Ctx, lib: Library, el: &Element) -> bool {
    let Some(input) = dom::as_input(el) else {
        return false;
    };
    if el.id() == "import-file" {
        import(ctx, input);
    } else if let Some(id) = el.get_attribute("data-compare") {
        let on = input.checked();
        lib.state.update(|s| {
            s.compare.retain(|x| *x != id);
            if on && s.compare.len() < MAX_COMPARE {
                s.compare.push(id);
            }
        });
    } else if let Some(e) = el
        .get_attribute("data-rename")
        .and_then(|id| entry(lib, &id))
    {
        let new_name = input.value().trim().to_string();
        if !new_name.is_empty() && new_name != e.name {
            write(
                lib,
                &Entry {
                    name: new_name,
                    ..e
                },
            );
        }
        lib.state.update(|s| s.renaming = None);
        load(lib);
    } else {
        return false;
    }
    true
}

/// The saved entries, as escaped HTML (a name can never become markup).
fn list_html(lib: Library, lang: Lang) -> String {
    let u = lang.ui();
    lib.state.with(|st| {
        let (es, compare, editing) = (&st.entries, &st.compare, &st.renaming);
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
}

/// Entries that could not be read, and why.
fn unreadable_html(lib: Library, lang: Lang) -> String {
    lib.state.with(|st| {
        let bad = &st.unreadable;
        if bad.is_empty() {
            return String::new();
        }
        let mut out = format!(
            "<div class=\"unreadable\" role=\"alert\"><p>{}</p><ul>",
            escape(lang.ui().unreadable)
        );
        for b in bad {
            let why = match b.newer {
                Some(n) => format!("{} (schema {n})", lang.ui().saved_by_newer),
                None => b.reason.clone(),
            };
            out += &format!(
                "<li data-unreadable=\"{k}\"><code>{k}</code>: <code>{}</code></li>",
                escape(&why),
                k = escape(&b.key),
            );
        }
        out + "</ul></div>"
    })
}

fn trouble_html(lib: Library, lang: Lang) -> String {
    let u = lang.ui();
    lib.state.with(|st| match &st.trouble {
        None => String::new(),
        Some(t) => format!(
            "<p class=\"storage-trouble\" role=\"alert\" data-trouble=\"1\">{}</p>",
            escape(&match t {
                StorageTrouble::Unavailable => u.storage_unavailable.to_string(),
                StorageTrouble::Full(n) => u.storage_full.replace("{name}", n),
            })
        ),
    })
}

fn undo_html(lib: Library, lang: Lang) -> String {
    let u = lang.ui();
    lib.state.with(|st| {
        let e = &st.undo;
        e.as_ref().map_or_else(String::new, |e| {
            format!(
                "<p class=\"undo\" role=\"status\">{} <b>{}</b> <button type=\"button\" id=\"undo-delete\">{}</button></p>",
                escape(u.deleted),
                escape(&e.name),
                escape(u.undo)
            )
        })
    })
}

fn io_html(lang: Lang) -> String {
    let u = lang.ui();
    format!(
        "<span class=\"label\">{}</span><button type=\"button\" id=\"export-scenario\">{}</button><button type=\"button\" id=\"export-csv\">CSV</button><button type=\"button\" id=\"export-json\">JSON</button><button type=\"button\" id=\"export-png\">PNG</button><button type=\"button\" id=\"export-svg\">SVG</button><label class=\"import\">{}<input type=\"file\" id=\"import-file\" accept=\".json,application/json\"></label>",
        escape(u.export),
        escape(u.scenario_json),
        escape(u.import)
    )
}

/// The headline figures of the current scenario and the compared ones, differences marked.
fn compare_html(ctx: Ctx, lib: Library, lang: Lang) -> String {
    lib.compared.with(|compared| {
        if compared.is_empty() {
            return String::new();
        }
        ctx.report.with(|current| {
            let mut out = format!(
                "<table class=\"compare\" data-compare-table=\"1\"><thead><tr><th></th><th>{}</th>",
                escape(lang.ui().current)
            );
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
            out + "</tbody></table>"
        })
    })
}

/// Reads the saved scenarios and fills the scenarios panel's regions. The name field and its button are fixed elements, so
/// a name being typed survives every update of the list.
pub fn mount(ctx: Ctx, lib: Library) {
    load(lib);
    let lang = move || ctx.lang.get();
    region(
        "library-title",
        Box::new(move || escape(ctx.ui().scenarios)),
    );
    region("trouble", Box::new(move || trouble_html(lib, lang())));
    region("save-scenario", Box::new(move || escape(ctx.ui().save)));
    region("undo", Box::new(move || undo_html(lib, lang())));
    region("saved", Box::new(move || list_html(lib, lang())));
    region("unreadable", Box::new(move || unreadable_html(lib, lang())));
    region("compare", Box::new(move || compare_html(ctx, lib, lang())));
    region("io", Box::new(move || io_html(lang())));
    Effect::new(move |_| {
        let label = ctx.ui().scenario_name;
        if let Some(input) = dom::by_id("scenario-name") {
            let _ = input.set_attribute("aria-label", label);
            let _ = input.set_attribute("placeholder", label);
        }
    });
}
