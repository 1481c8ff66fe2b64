//! The planner page, as Leptos components. It renders the estimation core's report and collects
//! input; it computes no formula itself.
//!
//! - `state`: the scenario, language and report as narrow contexts, and the address bar and
//!   autosave effects;
//! - `storage`: localStorage through gloo-storage;
//! - `header`: title, copy link, language, and the problems of the opened link;
//! - `inputs`: the form, one `FieldInput` over the scenario language's field table;
//! - `cards`: the headline figures;
//! - `chart_canvas`: the two charts, plotters on canvas (`chart_backend`: the one backend type);
//! - `saved`: the saved scenarios' state; `scenarios`: their panel and compare; `export`: files
//!   out and in;
//! - `tabs`: how each figure is computed, the reality check, the notes; `launch_tab`: the
//!   frameworks' launch settings.

pub mod cards;
pub mod chart_backend;
pub mod chart_canvas;
pub mod config_import;
pub mod export;
#[cfg(feature = "prerender")]
pub mod first_view;
pub mod header;
pub mod inputs;
pub mod launch_tab;
pub mod layouts;
pub mod saved;
pub mod scenarios;
pub mod state;
pub mod storage;
pub mod tabs;

use leptos::prelude::*;
use std::time::Duration;

/// The id of the element the prerendered first view is in (`first_view`); the live page removes
/// it as it mounts (`src/main.rs`).
pub const PRERENDERED_ID: &str = "prerender";

/// The whole page, started from the browser or, in the prerender step, from the default
/// scenario.
#[component]
pub fn App(
    /// Where the page starts from.
    #[prop(optional)]
    start: state::Start,
) -> impl IntoView {
    let lib = saved::provide(start);
    state::provide(lib.trouble, start);
    // The scenarios panel and the tabs are below the fold on most screens: they are built once
    // the charts are on screen, after the first frame, so the first frame comes sooner. (An
    // effect, so it runs once mounted in the browser; the prerendered first view leaves them
    // out.)
    let later = RwSignal::new(false);
    Effect::new(move |_| {
        request_animation_frame(move || set_timeout(move || later.set(true), Duration::ZERO))
    });
    // Two columns on a laptop: the question and the inputs on the left, the answer (held at the
    // top while the page scrolls) and everything it comes with on the right. On a phone the
    // columns dissolve into one, in the order of a meeting: the answer, the question and the
    // inputs that drive it, the other figures, the rest of the inputs, the charts.
    view! {
        <header::Header/>
        <header::LinkProblems/>
        <main class="layout">
            <div class="side">
                <inputs::Question/>
                <inputs::Inputs/>
            </div>
            <div class="outputs">
                <cards::AnswerBar/>
                <cards::Cards/>
                <div class="charts">
                    <chart_canvas::Chart which=chart_canvas::Which::Days/>
                    <chart_canvas::Chart which=chart_canvas::Which::Memory/>
                    <chart_canvas::Chart which=chart_canvas::Which::Step/>
                </div>
                <Show when=move || later.get()>
                    <scenarios::ScenariosPanel/>
                    <tabs::Tabs/>
                </Show>
            </div>
        </main>
    }
}
