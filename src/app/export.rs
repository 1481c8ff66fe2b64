//! Export and import: the scenario as a JSON file, the report as CSV and JSON, the days chart as
//! PNG (plotters on an offscreen canvas, at twice the size) and SVG (plotters' SVG backend), both
//! with the title and the legend inside the image.

use super::chart_backend::PageBackend;
use super::chart_canvas::{ChartData, Which, chart_data};
use super::state::{Given, answered, given, lang, tr};
use super::state::{apply, not_a_scenario};
use crate::charts::{LIGHT, Style};
use crate::estimate::query;
use crate::library;
use leptos::ev;
use leptos::prelude::*;
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::{JsCast, JsValue};

/// The size of exported charts, CSS pixels (PNGs are drawn at twice this).
pub const EXPORT_SIZE: (u32, u32) = (900, 520);

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

fn download(file: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    if let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) {
        download_url(file, &url);
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

fn export_style<'a>(scale: f64, title: &'a str) -> Style<'a> {
    Style {
        scale,
        theme: &LIGHT,
        title: Some(title),
        legend: true,
    }
}

fn png(data: &ChartData, title: &str) {
    let (w, h) = EXPORT_SIZE;
    let Ok(canvas) = document()
        .create_element("canvas")
        .map(|c| c.unchecked_into::<web_sys::HtmlCanvasElement>())
    else {
        return;
    };
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    if let Some(backend) =
        CanvasBackend::with_canvas_object(canvas.clone()).map(PageBackend::Canvas)
    {
        let root = backend.into_drawing_area();
        let _ = data.draw(&root, &export_style(2.0, title));
    }
    if let Ok(url) = canvas.to_data_url() {
        download_url("suanli-gpus-days.png", &url);
    }
}

fn svg(data: &ChartData, title: &str) {
    let mut svg = String::new();
    {
        let root =
            PageBackend::Svg(SVGBackend::with_string(&mut svg, EXPORT_SIZE)).into_drawing_area();
        if let Err(e) = data.draw(&root, &export_style(1.0, title)) {
            leptos::logging::error!("SVG export: {e}");
            return;
        }
    }
    download("suanli-gpus-days.svg", "image/svg+xml", &svg);
}

/// A chosen or dropped file's text (empty when it cannot be read as text).
pub async fn file_text(file: web_sys::File) -> String {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}

/// Reads an imported file and makes its scenario the current one.
fn import(given: Given, input: web_sys::HtmlInputElement) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let file_name = file.name();
    leptos::task::spawn_local(async move {
        let text = file_text(file).await;
        match library::import_query(&text) {
            Some(q) => apply(given, &q),
            None => not_a_scenario(given, file_name),
        }
    });
}

/// The export buttons and the import control.
#[component]
pub fn ExportRow() -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    let days = chart_data(Which::Days);
    let q = move || given.scenario.with_untracked(query::format);
    view! {
        <div class="io">
            <span class="label">{tr(|u| u.export)}</span>
            <button type="button" id="export-scenario" on:click=move |_| {
                download("suanli-scenario.json", "application/json", &library::export_json(lang.get_untracked().ui().untitled, &q()))
            }>{tr(|u| u.scenario_json)}</button>
            <button type="button" id="export-csv" on:click=move |_| {
                download("suanli-report.csv", "text/csv", &answered.report.with_untracked(|r| library::report_csv(&q(), r)))
            }>"CSV"</button>
            <button type="button" id="export-json" on:click=move |_| {
                download("suanli-report.json", "application/json", &answered.report.with_untracked(|r| library::report_json(&q(), r)))
            }>"JSON"</button>
            <button type="button" id="export-png" on:click=move |_| {
                days.with_untracked(|d| png(d, lang.get_untracked().ui().chart_days))
            }>"PNG"</button>
            <button type="button" id="export-svg" on:click=move |_| {
                days.with_untracked(|d| svg(d, lang.get_untracked().ui().chart_days))
            }>"SVG"</button>
            <label class="import">
                {tr(|u| u.import)}
                <input
                    type="file"
                    id="import-file"
                    accept=".json,application/json"
                    on:change=move |ev: ev::Event| import(given, event_target(&ev))
                />
            </label>
        </div>
    }
}
