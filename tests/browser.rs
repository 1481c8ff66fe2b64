//! Browser tests: the app and its components mounted in headless Chromium by wasm-bindgen-test.
//! They read the page as a user would, through `data-metric`/`data-value` and the inputs, and
//! wait for conditions, never for a fixed time.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use suanli::app::{cards::Cards, inputs::Inputs, saved, state};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn metric(root: &Element, key: &str) -> f64 {
    find(root, &format!(".cards [data-metric=\"{key}\"]"))
        .unwrap_or_else(|| panic!("no card {key}"))
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

/// Yields to the browser until `cond` holds (10 s at most, then fails naming `what`).
async fn until(what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        assert!(js_sys::Date::now() - start < 10_000.0, "timed out: {what}");
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

fn set_input(root: &Element, selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = find(root, selector).unwrap().dyn_into().unwrap();
    input.set_value(value);
    input.dispatch_event(&Event::new(event).unwrap()).unwrap();
}

fn fresh_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn app_mounts_renders_cards_and_charts_and_reacts_to_input() {
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), suanli::app::App);
    until("cards", || find(&root, ".cards [data-metric]").is_some()).await;
    // Llama-3 70B by default: 70.55B parameters (config.json arithmetic, see tests/published.rs).
    assert!((metric(&root, "params_total") - 70_553_706_496.0).abs() < 1.0);
    for key in [
        "training_flops",
        "training_seconds",
        "gpu_hours",
        "memory_per_gpu.total_bytes",
        "serving.gpus",
    ] {
        let v = metric(&root, key);
        assert!(v.is_finite() && v > 0.0, "{key} = {v}");
    }
    until("days chart drawn", || {
        find(&root, "[data-chart=\"days\"][data-drawn]").is_some()
    })
    .await;
    // Doubling the GPUs halves the days (T = C / (n F MFU)).
    let before = metric(&root, "training_seconds");
    set_input(&root, "[data-field=\"gpus\"]", "4096", "change");
    until("days follow", || {
        metric(&root, "training_seconds") != before
    })
    .await;
    let after = metric(&root, "training_seconds");
    assert!((after / before - 0.5).abs() < 1e-9, "{before} -> {after}");
    drop(handle);
}

/// The form and the cards as components: mounted on their own over a provided state, an input
/// changes the figures, and a rejected value shows its message and changes nothing.
#[wasm_bindgen_test]
async fn field_component_validates_and_drives_the_cards() {
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), || {
        let lib = saved::provide();
        state::provide(lib.trouble);
        view! { <Inputs/> <Cards/> }
    });
    until("cards", || find(&root, ".cards [data-metric]").is_some()).await;
    let days = metric(&root, "training_seconds");
    // 150 % is outside MFU's 0.01 to 1: the message names the range, the figure stays.
    set_input(&root, "[data-field=\"mfu\"]", "150%", "change");
    until("error shown", || {
        find(&root, "[data-error-for=\"mfu\"]").is_some()
    })
    .await;
    let err = find(&root, "[data-error-for=\"mfu\"]").unwrap();
    assert!(
        err.text_content().unwrap().contains("0.01"),
        "{:?}",
        err.text_content()
    );
    assert_eq!(metric(&root, "training_seconds"), days);
    // MFU 0.4 -> 0.2 doubles the days, and the message goes.
    set_input(&root, "[data-field=\"mfu\"]", "20%", "change");
    until("days follow", || metric(&root, "training_seconds") != days).await;
    assert!((metric(&root, "training_seconds") / days - 2.0).abs() < 1e-9);
    until("error cleared", || {
        find(&root, "[data-error-for=\"mfu\"]").is_none()
    })
    .await;
    // A slider position gives a round value: whole percent for MFU.
    set_input(&root, "input[data-slider=\"mfu\"]", "333", "input");
    until("mfu field follows the slider", || {
        let v: HtmlInputElement = find(&root, "[data-field=\"mfu\"]")
            .unwrap()
            .dyn_into()
            .unwrap();
        v.value() == "0.3"
    })
    .await;
    drop(handle);
}
