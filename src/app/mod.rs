//! The planner page. It renders the estimation core's report and collects input; it computes no
//! formula itself.
//!
//! Leptos holds the state (signals, a memoised report) and mounts the page's fixed skeleton.
//! Each part of the page is a region filled with escaped HTML by a plain function of the state
//! (`dom::region`), and one delegated listener routes every event. Typed views per element
//! would cost about twice the download for the same page (see the README's size figures).

mod chart_view;
mod dom;
mod form;
mod library_view;
mod outputs;
mod state;

use crate::i18n::Lang;
use leptos::prelude::*;
use library_view::Library;
use state::Ctx;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let ctx = state::provide();
    let lib = library_view::provide();
    // Effects first run once the skeleton below is mounted; the charts go first.
    chart_view::mount(ctx, lib);
    outputs::mount(ctx);
    form::mount(ctx);
    listen(ctx, lib);
    // Below the fold, and nothing the first paint needs: the tabs, and the saved scenarios
    // (reading them scans localStorage). They follow the first frame.
    let owner = Owner::current();
    request_animation_frame(move || {
        set_timeout(
            move || {
                let rest = move || {
                    outputs::mount_tabs(ctx);
                    library_view::mount(ctx, lib);
                };
                match &owner {
                    Some(o) => o.with(rest),
                    None => rest(),
                }
            },
            std::time::Duration::ZERO,
        )
    });
    view! { <div id="app" inner_html=SKELETON></div> }
}

/// The page's fixed elements. Everything inside them is a region (`dom::region`); the charts
/// keep their size between paints, and the name field keeps what is typed while the list changes.
const SKELETON: &str = concat!(
    r#"<header class="top" id="header"></header><div id="problems"></div>"#,
    r#"<main class="layout"><form class="inputs" id="inputs"></form><div class="outputs">"#,
    r#"<section class="cards" id="cards" aria-live="polite"></section><div class="charts">"#,
    r#"<figure class="chart"><figcaption id="cap-days"></figcaption>"#,
    r#"<div class="chart-svg" data-chart="days" role="img" aria-labelledby="cap-days"></div><ul class="legend" id="legend-days"></ul></figure>"#,
    r#"<figure class="chart"><figcaption id="cap-memory"></figcaption>"#,
    r#"<div class="chart-svg" data-chart="memory" role="img" aria-labelledby="cap-memory"></div><ul class="legend" id="legend-memory"></ul></figure></div>"#,
    r#"<section class="library" aria-labelledby="library-title"><h2 id="library-title"></h2><div id="trouble"></div>"#,
    r#"<form class="save-row" id="save-row"><input type="text" id="scenario-name" maxlength="120"><button type="submit" id="save-scenario"></button></form>"#,
    r#"<div id="undo"></div><ul class="saved" id="saved"></ul><div id="unreadable"></div><div id="compare"></div><div class="io" id="io"></div></section>"#,
    r#"<section class="tabs" id="tabs"><div role="tablist" id="tablist"></div><div role="tabpanel" id="tabpanel"></div></section>"#,
    r#"</div></main>"#,
);

/// One listener for every event the page handles: on the document for the page's own events (in
/// the capture phase, so events that do not bubble reach it too), on the window for resizing
/// and for saves in other tabs.
fn listen(ctx: Ctx, lib: Library) {
    let handler = Closure::<dyn Fn(Event)>::new(move |ev: Event| dispatch(ctx, lib, &ev));
    let f = handler.as_ref().unchecked_ref();
    for ty in ["input", "change", "click", "submit"] {
        let _ = document().add_event_listener_with_callback_and_bool(ty, f, true);
    }
    for ty in ["resize", "storage"] {
        let _ = window().add_event_listener_with_callback(ty, f);
    }
    // The page lives as long as the document.
    handler.forget();
}

fn dispatch(ctx: Ctx, lib: Library, ev: &Event) {
    match ev.type_().as_str() {
        "resize" => return ctx.resized.update(|n| *n += 1),
        "storage" => return library_view::load(lib),
        _ => {}
    }
    let Some(el) = dom::target(ev) else { return };
    match ev.type_().as_str() {
        "input" => {
            form::on_input(ctx, &el);
        }
        "change" => {
            let _ = library_view::on_change(ctx, lib, &el) || form::on_change(ctx, &el);
        }
        "click" => {
            if let Ok(Some(button)) = el.closest("button") {
                click(ctx, lib, &button);
            }
        }
        "submit" => {
            ev.prevent_default();
            if el.id() == "save-row" {
                library_view::save(ctx, lib);
            }
        }
        _ => {}
    }
}

fn click(ctx: Ctx, lib: Library, button: &Element) {
    let id = button.id();
    if let Some(tab) = outputs::Tab::from_id(&id) {
        ctx.tab.set(tab);
    } else if id == "copy-link" {
        if let Ok(href) = window().location().href() {
            let _ = window().navigator().clipboard().write_text(&href);
            ctx.copied.set(true);
            set_timeout(
                move || ctx.copied.set(false),
                std::time::Duration::from_millis(1500),
            );
        }
    } else if id == "lang" {
        let other = if ctx.lang.get_untracked() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        };
        state::set_lang(ctx, other);
    } else if button.class_list().contains("dismiss") {
        ctx.link_problems.set(Vec::new());
    } else {
        library_view::on_click(ctx, lib, button);
    }
}
