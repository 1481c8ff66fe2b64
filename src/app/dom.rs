//! The few DOM operations the page needs. Each part of the page is a *region*: an element whose
//! content is one HTML string, rendered by a plain function from the state and written only when
//! it changed. Events are handled by one delegated listener (`listen` in the page module). This
//! keeps the page's code small: one reactive effect per region instead of a typed view per
//! element, and every piece of text passes through `escape` on its way into markup.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event, HtmlInputElement, IntersectionObserver, IntersectionObserverEntry};

/// The element with this id, if it is on the page.
pub fn by_id(id: &str) -> Option<Element> {
    document().get_element_by_id(id)
}

/// The first element matching a CSS selector.
pub fn select(selector: &str) -> Option<Element> {
    document().query_selector(selector).ok().flatten()
}

/// Keeps the element `id` filled with `render`'s HTML. The effect re-runs when a signal `render`
/// reads changes; the DOM is touched only when the HTML differs from what is there.
pub fn region(id: &'static str, render: Box<dyn Fn() -> String>) {
    fill(id, None, render);
}

/// A region that follows its signals only while the element `watched` is on screen, and
/// catches up when it comes into view: for large regions usually below the fold.
pub fn region_on_screen(id: &'static str, watched: &str, render: Box<dyn Fn() -> String>) {
    let visible = RwSignal::new(false);
    on_visible(watched, move |v| visible.set(v));
    fill(id, Some(visible), render);
}

fn fill(id: &'static str, visible: Option<RwSignal<bool>>, render: Box<dyn Fn() -> String>) {
    Effect::new(move |last: Option<Option<String>>| {
        let last = last.flatten();
        // Off screen, nothing is rendered, so nothing is tracked until it comes into view.
        if visible.is_some_and(|v| !v.get()) {
            return last;
        }
        let html = render();
        if last.as_deref() == Some(html.as_str()) {
            return last;
        }
        let el = by_id(id)?;
        el.set_inner_html(&html);
        Some(html)
    });
}

/// Calls `f` with whether the element `id` is on screen, now and whenever that changes.
fn on_visible(id: &str, f: impl Fn(bool) + 'static) {
    let Some(el) = by_id(id) else { return };
    let cb = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries.iter().last() {
            f(e.unchecked_into::<IntersectionObserverEntry>()
                .is_intersecting());
        }
    });
    if let Ok(observer) = IntersectionObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(&el);
    }
    // Observed for the page's lifetime.
    cb.forget();
}

/// The element an event happened on.
pub fn target(ev: &Event) -> Option<Element> {
    ev.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// An element as an `<input>` (for its value and checked state).
pub fn as_input(el: &Element) -> Option<HtmlInputElement> {
    el.clone().dyn_into::<HtmlInputElement>().ok()
}

/// The value of an `<input>` or `<select>`.
pub fn value(el: &Element) -> String {
    js_sys::Reflect::get(el, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Sets the value of an `<input>` or `<select>` (the property, which is what the user sees).
pub fn set_value(el: &Element, v: &str) {
    let _ = js_sys::Reflect::set(el, &"value".into(), &v.into());
}
