//! The page state: the scenario (from and to the address bar), the language, the report, and
//! the effects that carry it to the outside world (address bar, autosave, `<html lang>`).
//!
//! The state is provided as four narrow contexts rather than one: [`Given`] (what the user gave),
//! [`Language`], [`Answered`] (what the page computes from it) and [`Page`] (the view state no
//! figure depends on). A component takes only the ones it reads, through [`given`], [`lang`],
//! [`answered`] and [`page`], and passes its leaf components what they show as props.

use super::storage;
use crate::cards::Versus;
use crate::estimate::answer::{self, Solved, Unanswered, at_answer};
use crate::estimate::query::{self, FieldError, FieldId, Problem};
use crate::estimate::search::Candidate;
use crate::estimate::validation::{Band, OutsideGround};
use crate::estimate::{Report, Scenario, estimate, estimate_with, search_layouts};
use crate::i18n::{Lang, Ui};
use leptos::prelude::*;
use leptos_use::{use_debounce_fn, use_preferred_dark};

/// The tabs under the charts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    /// How each figure is computed, with the user's numbers.
    How,
    /// The fastest parallel layouts that fit.
    Layouts,
    /// The serving load on other accelerators.
    Serving,
    /// The layout as the settings of the frameworks people launch with.
    Launch,
    /// Published runs beside the model's predictions.
    Reality,
    /// The report's notices and the assumptions.
    Notes,
}

/// What the user gave: the scenario, and what was wrong with what they typed or opened. The
/// form, the header and the scenario panel change it; provided as context by [`provide`].
#[derive(Clone, Copy)]
pub struct Given {
    /// The scenario everything is computed from.
    pub scenario: RwSignal<Scenario>,
    /// Problems found in the link (or file) the scenario came from (dismissable).
    pub link_problems: RwSignal<Vec<FieldError>>,
    /// Values typed into the form and rejected, by field; the last valid value stays in force.
    pub field_errors: RwSignal<Vec<(FieldId, Problem)>>,
}

/// The page language, provided as context by [`provide`]; [`lang`] reads it.
#[derive(Clone, Copy)]
pub struct Language {
    /// The language every text of the page is in.
    pub lang: RwSignal<Lang>,
}

/// What the page computes from the scenario, read-only memos recomputed once per change;
/// provided as context by [`provide`].
#[derive(Clone, Copy)]
pub struct Answered {
    /// The scenario at the answer: the inputs with the value solved for put in place (the
    /// devices for a deadline, the tokens, the model). Everything the page shows describes it,
    /// so no figure contradicts the answer; the inputs' own values stay in `Given::scenario`
    /// and in the link.
    pub shown: Memo<Scenario>,
    /// Why the question has no answer to put in place (no budget given, never fits).
    pub unanswered: Memo<Option<Unanswered>>,
    /// The inputs the answer sets (shown read-only, marked as solved).
    pub solved: Memo<&'static [Solved]>,
    /// The same answer on the accelerator to compare with (`vs_gpu`), if one is chosen.
    pub versus: Memo<Option<Versus>>,
    /// The report of the scenario at the answer.
    pub report: Memo<Report>,
    /// The predicted MFU's error band (`None` with a given MFU), one memo for every place that
    /// shows it.
    pub band: Memo<Option<Result<Band, OutsideGround>>>,
}

/// The page's own view state, which no figure depends on; provided as context by [`provide`].
#[derive(Clone, Copy)]
pub struct Page {
    /// The system's colour scheme is dark (the charts follow it as it switches).
    pub dark: Signal<bool>,
    /// The open tab under the charts.
    pub tab: RwSignal<Tab>,
}

/// The panic of a component mounted without the state: a test forgot `provide`.
const NO_STATE: &str = "the page state is not provided (state::provide)";

/// The scenario and the problems of what was given, from the nearest provider.
pub fn given() -> Given {
    use_context::<Given>().expect(NO_STATE)
}

/// The page language, from the nearest provider.
pub fn lang() -> RwSignal<Lang> {
    use_context::<Language>().expect(NO_STATE).lang
}

/// The answer and the report, from the nearest provider.
pub fn answered() -> Answered {
    use_context::<Answered>().expect(NO_STATE)
}

/// The page's view state, from the nearest provider.
pub fn page() -> Page {
    use_context::<Page>().expect(NO_STATE)
}

/// A UI string of the current language, as a signal. Every translated text and attribute of the
/// page goes through this one concrete type, so the view code for it is compiled once rather
/// than once per closure.
pub fn tr(text: fn(&'static Ui) -> &'static str) -> Signal<&'static str> {
    let lang = lang();
    Signal::derive(move || text(lang.get().ui()))
}

/// A UI string in the language of a signal: [`tr`] for the components that take the language
/// as a prop rather than from the page state.
pub fn tr_in(lang: Signal<Lang>, text: fn(&'static Ui) -> &'static str) -> Signal<&'static str> {
    Signal::derive(move || text(lang.get().ui()))
}

/// How long input must pause before the work that need not follow every move of a drag, ms:
/// the address bar and the autosave (browsers throttle rapid `replaceState` calls, and one link
/// per pause is all a user copies), the layout search and the derivations table.
pub const PAUSE_MS: f64 = 150.0;

/// A scenario in the query language, with everything wrong in it: the rejected fields, then
/// the caveats.
pub fn parse(q: &str) -> (Scenario, Vec<FieldError>) {
    let parsed = query::parse(q);
    let mut problems = parsed.errors;
    problems.extend(parsed.warnings);
    (parsed.scenario, problems)
}

fn replace_url(q: &str) {
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("?{q}")),
        );
    }
}

/// Where the page starts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// The browser: the address bar's scenario, else the autosaved one; the saved language,
    /// else the browser's; the saved scenarios.
    #[default]
    Browser,
    /// The build step that prerenders the first view (`src/bin/prerender.rs`): the default
    /// scenario in this language, with nothing saved. It reads no browser state, so the page it
    /// renders is the one every first visit without a link sees.
    Prerender(Lang),
}

/// Creates the state from where the page starts (the address bar, else the autosaved working
/// scenario), provides it as the four contexts above, and starts the effects that push it to
/// the outside world; a refused autosave is reported in `trouble`.
pub fn provide(trouble: RwSignal<Option<storage::Trouble>>, start: Start) {
    let (from_link, source, lang) = match start {
        Start::Browser => {
            let search = window().location().search().unwrap_or_default();
            let from_link = !search.trim_start_matches('?').is_empty();
            let source = if from_link {
                search
            } else {
                storage::working_scenario().unwrap_or_default()
            };
            (from_link, source, storage::language())
        }
        Start::Prerender(lang) => (false, String::new(), lang),
    };
    let (opened, problems) = parse(&source);
    // A link with rejected fields stays as it was in the address bar until the user changes
    // something: rewriting it at once would lose what was sent.
    let keep_link = from_link && !problems.is_empty();
    let scenario = RwSignal::new(opened);
    let lang = RwSignal::new(lang);
    // With layout=auto the search (a few ms) runs once a drag pauses, not on every move: in
    // between, the report keeps the last search's layout shape at the new device count.
    let searched: RwSignal<Option<(Scenario, Vec<Candidate>)>> = RwSignal::new(None);
    // How the page estimates a scenario: with layout=auto, from the last search's layouts.
    let estimate_here = move |s: &Scenario| {
        searched.with(|found| match found {
            Some((_, best)) if s.layout_auto => estimate_with(s, best),
            _ => estimate(s),
        })
    };
    // The answer put in place: for "how many days" the scenario itself, else the inputs'
    // report gives the answer and the report below describes the scenario at it.
    let answered = Memo::new(move |_| {
        scenario.with(|s| {
            if s.solve.solved().is_empty() {
                return (s.clone(), None);
            }
            match at_answer(s, &estimate_here(s), estimate_here) {
                Ok(at) => (at, None),
                Err(why) => (s.clone(), Some(why)),
            }
        })
    });
    let shown = Memo::new(move |_| answered.with(|a| a.0.clone()));
    let unanswered = Memo::new(move |_| answered.with(|a| a.1));
    let versus = Memo::new(move |_| {
        scenario.with(|s| {
            let other = answer::versus(s)?;
            let name = crate::estimate::hardware::find(&other.gpu)?.name;
            let a = answer::answered_with(&other, estimate_here);
            let metric = crate::metrics::answer(s.solve);
            let value = match a.unanswered {
                Some(why) => Err(why),
                None => Ok(a.report.figure(metric)),
            };
            Some(Versus {
                name,
                metric,
                value,
            })
        })
    });
    let solved = Memo::new(move |_| match unanswered.get() {
        Some(_) => &[][..],
        None => scenario.with(|s| s.solve.solved()),
    });
    // A new scenario nearly always means a new report: skip comparing reports.
    let report = Memo::new_with_compare(move |_| shown.with(estimate_here), |_, _| true);
    let search_later = use_debounce_fn(
        move || {
            let s = shown.get_untracked();
            if s.layout_auto
                && searched.with_untracked(|f| f.as_ref().is_none_or(|(at, _)| *at != s))
            {
                let best = search_layouts(&s);
                searched.set(Some((s, best)));
            }
        },
        PAUSE_MS,
    );
    Effect::new(move |_| {
        if shown.with(|s| s.layout_auto) {
            search_later();
        }
    });
    let band = Memo::new(move |_| {
        shown.with(|s| report.with(|r| crate::estimate::validation::band_for(s, r)))
    });
    provide_context(Given {
        scenario,
        link_problems: RwSignal::new(problems),
        field_errors: RwSignal::new(Vec::new()),
    });
    provide_context(Language { lang });
    provide_context(Answered {
        shown,
        unanswered,
        solved,
        versus,
        report,
        band,
    });
    provide_context(Page {
        // The prerender step has no system scheme to ask (its charts come in both schemes).
        dark: match start {
            Start::Browser => use_preferred_dark(),
            Start::Prerender(_) => Signal::stored(false),
        },
        tab: RwSignal::new(Tab::How),
    });

    // The address bar always holds the scenario (the entry is replaced: no history spam), and
    // the working scenario is autosaved with it. The first write is immediate, so a tab opened
    // right after this one starts finds the address bar and the autosave in step.
    let write = move || {
        let q = scenario.with_untracked(query::format);
        replace_url(&q);
        if let Err(t) = storage::autosave(&q) {
            trouble.set(Some(t));
        }
    };
    let write_later = use_debounce_fn(write, PAUSE_MS);
    Effect::new(move |started: Option<()>| {
        scenario.track();
        match started {
            None if keep_link => {}
            None => write(),
            Some(()) => {
                write_later();
            }
        }
    });
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.tag());
        }
        document().set_title(l.ui().title);
    });
}

/// Switches the language and remembers the choice.
pub fn set_lang(lang: RwSignal<Lang>, l: Lang) {
    lang.set(l);
    storage::save_language(l);
}

/// Makes a parsed scenario (from a saved entry or an imported file) the current one, and lists
/// what was wrong in it.
pub fn apply(given: Given, q: &str) {
    let (scenario, problems) = parse(q);
    given.scenario.set(scenario);
    given.link_problems.set(problems);
}

/// An imported file that is not a scenario, reported like a bad link field.
pub fn not_a_scenario(given: Given, file_name: String) {
    given.link_problems.set(vec![FieldError {
        field: "file".into(),
        value: file_name,
        problem: Problem::NotOneOf {
            allowed: vec!["Suanli scenario JSON".into()],
        },
    }]);
}
