//! The web app's entry point: install the panic hook and mount. Everything else is in the
//! library (`suanli::app`) so browser tests can mount it.

#[cfg(target_arch = "wasm32")]
fn main() {
    // A panic (none is expected: see tests/fuzz_query.rs) names itself in the console.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    // The prerendered first view (src/app/first_view.rs) goes in the same task as the live page
    // comes, so no frame shows both or neither; first, so no id is on the page twice.
    if let Some(first) = leptos::prelude::document().get_element_by_id(suanli::app::PRERENDERED_ID)
    {
        suanli::app::chart_canvas::keep_prerendered_boxes(&first);
        first.remove();
    }
    leptos::mount::mount_to_body(|| leptos::view! { <suanli::app::App/> });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "suanli-web is the browser app; build and serve it with `./scripts/serve` (see README)."
    );
}
