//! Browser tests: the app mounted in headless Chromium by wasm-bindgen-test. They read the
//! page as a user would, through `data-metric`/`data-value` and the inputs.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn metric(key: &str) -> f64 {
    let el = document()
        .query_selector(&format!(".cards [data-metric=\"{key}\"]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no card {key}"));
    el.get_attribute("data-value").unwrap().parse().unwrap()
}

async fn tick() {
    // Let effects run.
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn set_input(selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = document()
        .query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value(value);
    input.dispatch_event(&Event::new(event).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn app_mounts_renders_cards_and_charts_and_reacts_to_input() {
    leptos::mount::mount_to_body(suanli::app::App);
    tick().await;
    // Llama-3 70B by default: 70.55B parameters (config.json arithmetic, see tests/published.rs).
    assert!((metric("params_total") - 70_553_706_496.0).abs() < 1.0);
    for key in [
        "training_flops",
        "training_days",
        "gpu_hours",
        "memory_per_gpu.total_bytes",
        "serving.gpus",
    ] {
        let v = metric(key);
        assert!(v.is_finite() && v > 0.0, "{key} = {v}");
    }
    let days_chart = document()
        .query_selector("[data-chart=\"days\"]")
        .unwrap()
        .unwrap();
    assert!(
        days_chart.get_attribute("data-drawn").is_some(),
        "days chart drawn"
    );

    // Doubling the GPUs halves the days (T = C / (n F MFU)).
    let before = metric("training_days");
    set_input("[data-field=\"gpus\"]", "4096", "change");
    tick().await;
    let after = metric("training_days");
    assert!((after / before - 0.5).abs() < 1e-9, "{before} -> {after}");

    // A bad value is rejected with a message naming what is allowed; the last value stays.
    set_input("[data-field=\"mfu\"]", "150%", "change");
    tick().await;
    let err = document()
        .query_selector("[data-error-for=\"mfu\"]")
        .unwrap()
        .expect("error shown beside mfu");
    assert!(
        err.text_content().unwrap().contains("0.01"),
        "{:?}",
        err.text_content()
    );
    assert_eq!(metric("training_days"), after);
}
