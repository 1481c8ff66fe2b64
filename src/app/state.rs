//! The page state: the scenario (from and to the address bar), the language, the report.

use super::outputs::Tab;
use crate::estimate::query::{self, FieldError};
use crate::estimate::{Report, Scenario, estimate};
use crate::i18n::{Lang, Ui};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Shared page state, provided as context. Signals are `Copy`, so this is too.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The scenario everything is computed from.
    pub scenario: RwSignal<Scenario>,
    /// The page language.
    pub lang: RwSignal<Lang>,
    /// The report of the scenario, recomputed once per change.
    pub report: Memo<Report>,
    /// Problems found in the link the page was opened with (dismissable).
    pub link_problems: RwSignal<Vec<FieldError>>,
    /// Bumped when the window is resized, so charts redraw at the new size.
    pub resized: RwSignal<u32>,
    /// The system's colour scheme is dark (the charts' colours follow it as it switches).
    pub dark: RwSignal<bool>,
    /// The open tab under the charts.
    pub tab: RwSignal<Tab>,
    /// The link was just copied (the button says so for a moment).
    pub copied: RwSignal<bool>,
}

impl Ctx {
    /// The UI strings of the current language.
    pub fn ui(&self) -> &'static Ui {
        self.lang.get().ui()
    }
}

const LANG_KEY: &str = "suanli.lang";
/// How long the address bar and the autosave trail the last change, ms.
const URL_DELAY_MS: u64 = 150;

/// The scenario in the address bar, else the autosaved working one, with what was wrong in it.
fn scenario_from_location() -> (Scenario, Vec<FieldError>) {
    let search = window().location().search().unwrap_or_default();
    let source = if search.trim_start_matches('?').is_empty() {
        super::library_view::working_scenario().unwrap_or_default()
    } else {
        search
    };
    parse(&source)
}

/// A scenario in the query language, with everything wrong in it: the rejected fields, then
/// the caveats.
pub fn parse(q: &str) -> (Scenario, Vec<FieldError>) {
    let parsed = query::parse(q);
    let mut problems = parsed.errors;
    problems.extend(parsed.warnings);
    (parsed.scenario, problems)
}

/// The saved language choice, else the browser's.
fn initial_lang() -> Lang {
    let saved = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let tag = saved
        .or_else(|| window().navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&tag)
}

/// Whether the system's colour scheme is dark, now and as it switches: read once, then kept by a
/// listener (the charts need it on every paint).
fn color_scheme() -> RwSignal<bool> {
    let query = window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten();
    let dark = RwSignal::new(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(q) = query {
        let watched = q.clone();
        let on_change = Closure::<dyn Fn()>::new(move || dark.set(watched.matches()));
        let _ = q.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // Listened to for the page's lifetime.
        on_change.forget();
    }
    dark
}

/// Creates the state, and the effects that push it to the outside world (address bar,
/// `<html lang>`, the saved language).
pub fn provide() -> Ctx {
    let (scenario, problems) = scenario_from_location();
    let scenario = RwSignal::new(scenario);
    let lang = RwSignal::new(initial_lang());
    // A new scenario nearly always means a new report: skip comparing reports (and the code
    // comparing them would take in the bundle).
    let report = Memo::new_with_compare(move |_| scenario.with(estimate), |_, _| true);
    let resized = RwSignal::new(0);
    let ctx = Ctx {
        scenario,
        lang,
        report,
        link_problems: RwSignal::new(problems),
        resized,
        dark: color_scheme(),
        tab: RwSignal::new(Tab::How),
        copied: RwSignal::new(false),
    };
    provide_context(ctx);

    // The address bar always holds the scenario: replace the entry (no history spam, no scroll).
    // While a slider is dragged, write once the drag pauses: browsers throttle rapid
    // replaceState calls, and one link per pause is all a user copies. The autosave rides along.
    // The link is formatted then too: once per pause, and not while the page starts.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // The timeout runs outside the reactive owner; keep it so the autosave finds the library.
    let owner = Owner::current();
    Effect::new(move |_| {
        scenario.track();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let owner = owner.clone();
        let write = move || {
            let q = scenario.with_untracked(query::format);
            if let Ok(history) = window().history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&format!("?{q}")),
                );
            }
            match &owner {
                Some(o) => o.with(|| super::library_view::autosave(&q)),
                None => super::library_view::autosave(&q),
            }
        };
        pending.set_value(
            set_timeout_with_handle(write, std::time::Duration::from_millis(URL_DELAY_MS)).ok(),
        );
    });
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        document().set_title(l.ui().title);
    });
    ctx
}

/// Switches the language and remembers the choice.
pub fn set_lang(ctx: Ctx, l: Lang) {
    ctx.lang.set(l);
    if let Ok(Some(s)) = window().local_storage() {
        let _ = s.set_item(LANG_KEY, l.tag());
    }
}
