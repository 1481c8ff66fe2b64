//! The saved scenarios' state, provided as context beside the page state: the entries (read
//! from localStorage, and again when another tab saves), the ones chosen for comparison with
//! their reports, the last deleted one for undo, and the last storage problem. The panel
//! (`scenarios`), the charts and the exports read it.

use super::state::Start;
use super::storage::{self, Trouble, Unreadable};
use crate::chart_data::Compared;
use crate::estimate::answer::answered;
use crate::estimate::query;
use crate::library::Entry;
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
pub fn reload(lib: Library) {
    match storage::load() {
        Ok((entries, unreadable)) => {
            lib.entries.set(entries);
            lib.unreadable.set(unreadable);
        }
        Err(t) => lib.trouble.set(Some(t)),
    }
}

/// Writes an entry and reloads the list; a refused write is reported, never silent.
pub fn write(lib: Library, e: &Entry) -> bool {
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

/// Creates the panel's state, loads the saved entries and follows other tabs' saves (in the
/// browser; the prerendered page has none).
pub fn provide(start: Start) -> Library {
    let entries = RwSignal::new(Vec::<Entry>::new());
    let compare = RwSignal::new(Vec::<String>::new());
    let compared = Memo::new(move |_| {
        compare.with(|ids| {
            entries.with(|es| {
                ids.iter()
                    .filter_map(|id| es.iter().find(|e| &e.id == id))
                    .map(|e| {
                        // Each at its own answer, as the page shows the one on screen.
                        let a = answered(&query::parse(&e.query).scenario);
                        Compared {
                            name: e.name.clone(),
                            scenario: a.scenario,
                            report: a.report,
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
    if start == Start::Browser {
        reload(lib);
        let _ = window_event_listener(ev::storage, move |_| reload(lib));
    }
    lib
}
