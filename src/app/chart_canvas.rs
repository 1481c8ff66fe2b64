//! The two charts on the page: plotters drawing (`crate::charts`) on a `<canvas>` through
//! plotters-canvas, sharp at any device pixel ratio, with the legend as HTML beside it and the
//! value under the pointer in a tooltip.
//!
//! A chart is redrawn only when its data, its size, the pixel ratio or the colour scheme
//! changed: the data is a memo compared by value, so an MFU move leaves the memory chart alone.
//! After the first paint it is redrawn in an animation frame, at most once per frame.

use super::chart_backend::PageBackend;
use super::saved::Library;
use super::state::{answered, lang, page};
use crate::chart_data::{
    DataTable, bars_table, context_chart, days_chart, days_table, memory_chart, serving_chart,
    step_chart,
};
use crate::charts::{
    self, DARK, DaysChart, Frame, Key, LIGHT, MemoryChart, Style, Theme, days_keys, memory_keys,
};
use crate::human;
use crate::i18n::Lang;
use crate::messages as msg;
use leptos::html;
use leptos::prelude::*;
use leptos_use::{use_device_pixel_ratio, use_element_size};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

/// Which chart.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Which {
    /// GPU count vs training days.
    Days,
    /// Memory per device.
    Memory,
    /// Where a step's time goes.
    Step,
    /// Rent per million output tokens across accelerators, for the serving load.
    Serving,
    /// Inference memory against context length.
    Context,
}

impl Which {
    /// The name the page and its tests know the chart by (`data-chart`).
    pub fn name(self) -> &'static str {
        match self {
            Which::Days => "days",
            Which::Memory => "memory",
            Which::Step => "step",
            Which::Serving => "serving",
            Which::Context => "context",
        }
    }
}

thread_local! {
    /// The first view's chart boxes as the browser laid out the prerendered page, by chart name
    /// ([`keep_prerendered_boxes`]); each live chart takes its own once, for its first paint.
    static FIRST_BOXES: std::cell::RefCell<Vec<(&'static str, f64, f64)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Reads the sizes of the chart boxes in the prerendered first view (`root`, in either
/// language), before `main` replaces it. That page has been laid out and painted already, so
/// reading them costs nothing; measuring the live page's boxes in the task that builds it would
/// force a layout of the whole page there (about 30 ms of its start on a 2-core laptop), and the
/// boxes have the same size, under the same stylesheet. A link's pending page keeps the boxes
/// (only their contents are hidden).
pub fn keep_prerendered_boxes(root: &web_sys::Element) {
    let boxes = [Which::Days, Which::Memory, Which::Step]
        .into_iter()
        .filter_map(|which| {
            let name = which.name();
            ["en", "zh"].into_iter().find_map(|lang| {
                let selector = format!("[lang=\"{lang}\"] .chart-box[data-chart=\"{name}\"]");
                let rect = root
                    .query_selector(&selector)
                    .ok()
                    .flatten()?
                    .get_bounding_client_rect();
                (rect.width() >= 1.0 && rect.height() >= 1.0)
                    .then(|| (name, rect.width(), rect.height()))
            })
        })
        .collect();
    FIRST_BOXES.with_borrow_mut(|b| *b = boxes);
}

/// The prerendered box of the chart `name`, once.
fn first_box(name: &str) -> Option<(f64, f64)> {
    FIRST_BOXES.with_borrow_mut(|b| {
        let i = b.iter().position(|(n, ..)| *n == name)?;
        let (_, w, h) = b.swap_remove(i);
        Some((w, h))
    })
}

/// What a chart draws.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    /// The days chart.
    Days(DaysChart),
    /// The memory chart.
    Memory(MemoryChart),
    /// The step chart (stacked bars in seconds).
    Step(MemoryChart),
    /// The serving chart (bars in money).
    Serving(MemoryChart),
    /// The context chart (stacked bars in GB).
    Context(MemoryChart),
}

impl ChartData {
    fn keys(&self, theme: &Theme) -> Vec<Key> {
        match self {
            ChartData::Days(d) => days_keys(d, theme),
            ChartData::Memory(m)
            | ChartData::Step(m)
            | ChartData::Serving(m)
            | ChartData::Context(m) => memory_keys(m, theme),
        }
    }

    /// Draws on the page's backend (a canvas, or SVG for the export).
    pub fn draw(
        &self,
        root: &plotters::prelude::DrawingArea<PageBackend, plotters::coord::Shift>,
        style: &Style,
    ) -> charts::DrawResult<Option<Frame>> {
        match self {
            ChartData::Days(d) => charts::draw_days(root, d, style),
            ChartData::Memory(m)
            | ChartData::Step(m)
            | ChartData::Serving(m)
            | ChartData::Context(m) => charts::draw_memory(root, m, style),
        }
    }

    /// The figures as a table, the drawing's text alternative.
    fn table(&self, lang: Lang) -> DataTable {
        match self {
            ChartData::Days(d) => days_table(d, lang),
            ChartData::Memory(m)
            | ChartData::Step(m)
            | ChartData::Serving(m)
            | ChartData::Context(m) => bars_table(m),
        }
    }

    /// The scenario's own point (devices, days) on the days chart, for tests and scripts.
    fn current(&self) -> Option<String> {
        match self {
            ChartData::Days(d) => Some(format!("{} {}", d.current.0, d.current.1)),
            _ => None,
        }
    }

    fn series(&self) -> usize {
        match self {
            ChartData::Days(d) => d.curves.len(),
            ChartData::Memory(m)
            | ChartData::Step(m)
            | ChartData::Serving(m)
            | ChartData::Context(m) => m.bars.len(),
        }
    }

    /// The lines of the tooltip at pointer `x` (CSS pixels), if over the data.
    fn tip(&self, frame: &Frame, x: f64, lang: Lang) -> Option<Vec<String>> {
        let at = frame.x_at(x)?;
        match self {
            ChartData::Days(d) => {
                let gpus = at.round();
                let mut lines = vec![msg::gpus(lang, &human::devices(gpus, lang))];
                for c in &d.curves {
                    if let Some(days) = charts::days_at(c, at) {
                        lines.push(msg::curve_days(lang, &c.label, &human::sig3(days)));
                    }
                }
                Some(lines)
            }
            ChartData::Memory(m) | ChartData::Context(m) => {
                let bar = bar_at(m, at)?;
                let values = &m.values[bar];
                let mut lines = vec![m.bars[bar].clone()];
                for (part, v) in m.parts.iter().zip(values) {
                    if *v > 0.0 {
                        lines.push(format!("{part}: {}", human::bytes(v * 1e9)));
                    }
                }
                lines.push(format!(
                    "Σ {} / {}",
                    human::bytes(m.totals[bar] * 1e9),
                    human::bytes(m.hbm_gb * 1e9)
                ));
                Some(lines)
            }
            ChartData::Serving(m) => {
                let bar = bar_at(m, at)?;
                Some(vec![
                    m.bars[bar].clone(),
                    format!("{}: {}", m.parts[0], human::sig3(m.totals[bar])),
                ])
            }
            ChartData::Step(m) => {
                let bar = bar_at(m, at)?;
                let seconds = |v: f64| format!("{} s", human::sig3(v));
                let mut lines = vec![m.bars[bar].clone()];
                for (part, v) in m.parts.iter().zip(&m.values[bar]) {
                    if *v > 0.0 {
                        lines.push(format!("{part}: {}", seconds(*v)));
                    }
                }
                lines.push(format!("Σ {}", seconds(m.totals[bar])));
                Some(lines)
            }
        }
    }
}

/// The bar of a bar chart under plot position `at` (the bars sit at 0, 1, 2 …).
fn bar_at(m: &MemoryChart, at: f64) -> Option<usize> {
    Some((at.floor() as usize).min(m.bars.len().checked_sub(1)?))
}

/// The chart data of the current scenario (and the compared ones), recomputed when they change
/// and passed on only when different.
pub fn chart_data(which: Which) -> Memo<ChartData> {
    let lang = lang();
    let answered = answered();
    let lib = expect_context::<Library>();
    Memo::new(move |_| {
        let lang = lang.get();
        lib.compared.with(|c| {
            answered.shown.with(|s| {
                answered.report.with(|r| match which {
                    Which::Days => ChartData::Days(days_chart(s, r, lang, c)),
                    Which::Memory => ChartData::Memory(memory_chart(r, lang, c)),
                    Which::Step => ChartData::Step(step_chart(r, lang, c)),
                    Which::Serving => ChartData::Serving(serving_chart(s, r, lang)),
                    Which::Context => ChartData::Context(context_chart(s, r, lang)),
                })
            })
        })
    })
}

/// The sizes the prerendered charts are drawn at, CSS pixels: each chart's box on a laptop (1280
/// pixels wide: the days chart spans the other two's height) and on a phone (390 wide, one
/// column; the stylesheet switches at 900). Each SVG scales to the box it lands in, keeping its
/// proportions.
#[cfg(not(target_arch = "wasm32"))]
fn prerender_sizes(which: Which) -> [(&'static str, (u32, u32)); 2] {
    let wide = match which {
        Which::Days => (502, 687),
        _ => (330, 260),
    };
    [("wide", wide), ("narrow", (357, 240))]
}

/// The chart as SVG in the light and the dark scheme, at the laptop's and the phone's size (the
/// stylesheet shows the one that applies), for the prerendered first view: the same drawing code
/// as the canvas, through plotters' SVG backend. Each comes with its classes. Only the native
/// prerender step draws them; the page draws on its canvas.
#[cfg(not(target_arch = "wasm32"))]
fn prerendered(which: Which, data: &ChartData) -> Vec<(String, String)> {
    use plotters::prelude::SVGBackend;
    let mut out = Vec::new();
    for (layout, (w, h)) in prerender_sizes(which) {
        for (scheme, theme) in [("light", &LIGHT), ("dark", &DARK)] {
            let mut svg = String::new();
            let drawn = {
                let root =
                    PageBackend::Svg(SVGBackend::with_string(&mut svg, (w, h))).into_drawing_area();
                let style = Style {
                    scale: 1.0,
                    theme,
                    title: None,
                    legend: false,
                };
                data.draw(&root, &style)
            };
            if drawn.is_ok() {
                let fill = svg.replacen(
                    &format!("width=\"{w}\" height=\"{h}\""),
                    "width=\"100%\" height=\"100%\"",
                    1,
                );
                out.push((format!("chart-svg {scheme} {layout}"), fill));
            }
        }
    }
    out
}

/// The page draws on its canvas: nothing is prerendered in the browser.
#[cfg(target_arch = "wasm32")]
fn prerendered(_: Which, _: &ChartData) -> Vec<(String, String)> {
    Vec::new()
}

/// The legend's colours in the dark scheme, for the prerendered first view: its legend is
/// written once, in the light scheme's colours, and the stylesheet swaps in these where the
/// reader's system is dark (`--dark`). The live page draws its legend in its own scheme.
#[cfg(not(target_arch = "wasm32"))]
fn prerendered_dark_legend(data: &ChartData) -> Vec<String> {
    data.keys(&DARK)
        .into_iter()
        .map(|k| k.color.css())
        .collect()
}

/// The page's legend is in its own scheme: nothing to swap.
#[cfg(target_arch = "wasm32")]
fn prerendered_dark_legend(_: &ChartData) -> Vec<String> {
    Vec::new()
}

/// The colours of the current scheme.
pub fn theme(dark: bool) -> &'static Theme {
    if dark { &DARK } else { &LIGHT }
}

/// One chart: caption, canvas, legend and tooltip.
#[component]
pub fn Chart(
    /// Which chart to draw.
    which: Which,
) -> impl IntoView {
    let lang = lang();
    let page = page();
    let data = chart_data(which);
    let name = which.name();
    let caption_id = format!("cap-{name}");
    let table_open = RwSignal::new(false);
    let boxed = NodeRef::<html::Div>::new();
    let canvas = NodeRef::<html::Canvas>::new();
    let size = use_element_size(boxed);
    let ratio = use_device_pixel_ratio();
    let frame = StoredValue::new(None::<Frame>);
    // Paints so far, for tests and the benchmark (`data-drawn`).
    let drawn = RwSignal::new(0u32);
    let tip = RwSignal::new(None::<(f64, f64, Vec<String>)>);
    // What the canvas shows now: its data and how it was drawn, so an equal request (the first
    // size report of the resize observer, after the first paint read the size itself) draws
    // nothing.
    let shown = StoredValue::new(None::<(ChartData, (f64, f64, f64, bool))>);
    // Paints the chart as it should look now, unless the canvas shows that already.
    let paint = move || {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let (mut w, mut h) = (size.width.get_untracked(), size.height.get_untracked());
        if w < 1.0 {
            // Before the resize observer's first report (one frame after mounting), the box is
            // the prerendered one, or measured now: the charts are drawn without waiting for a
            // paint. Should the live box differ, the observer's report repaints it.
            if let Some(first) = first_box(name) {
                (w, h) = first;
            } else if let Some(b) = boxed.get_untracked() {
                let rect = b.get_bounding_client_rect();
                (w, h) = (rect.width(), rect.height());
            }
        }
        // A box without a height (a page without the stylesheet, as in the browser tests) still
        // gets a chart.
        let h = if h < 1.0 { 300.0 } else { h };
        let scale = ratio.get_untracked().max(1.0);
        let dark = page.dark.get_untracked();
        if w < 1.0 {
            return;
        }
        let how = (w, h, scale, dark);
        let same = data.with_untracked(|d| {
            shown.with_value(|s| s.as_ref().is_some_and(|(sd, sh)| sd == d && *sh == how))
        });
        if same {
            return;
        }
        // The backing store at device resolution; the stylesheet keeps the CSS size. Written
        // only when it changes: each write reallocates and clears the backing store.
        let (bw, bh) = ((w * scale).round() as u32, (h * scale).round() as u32);
        if (el.width(), el.height()) != (bw, bh) {
            el.set_width(bw);
            el.set_height(bh);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(el).map(PageBackend::Canvas) else {
            return;
        };
        let root = backend.into_drawing_area();
        let style = Style {
            scale,
            theme: theme(dark),
            title: None,
            legend: false,
        };
        match data.with_untracked(|d| d.draw(&root, &style)) {
            Ok(f) => frame.set_value(f),
            Err(e) => leptos::logging::error!("{name} chart: {e}"),
        }
        shown.set_value(Some((data.get_untracked(), how)));
        drawn.update(|n| *n += 1);
        tip.set(None);
    };
    // The first paint comes at once, with the rest of the page. After that a change paints in
    // the next animation frame, once however many changes came before it: a drag delivers
    // input events faster than frames on many devices, and a canvas shows only the last one.
    let frame_requested = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        canvas.track();
        size.width.track();
        size.height.track();
        ratio.track();
        page.dark.track();
        data.track();
        if first.is_none() {
            paint();
        } else if !frame_requested.get_value() {
            frame_requested.set_value(true);
            request_animation_frame(move || {
                // Unless the chart left the page before the frame (a tab switched away).
                if !frame_requested.is_disposed() {
                    frame_requested.set_value(false);
                    paint();
                }
            });
        }
    });
    // The legend is rebuilt only when its keys change, not with every change of the data.
    let legend = Memo::new(move |_| {
        let theme = theme(page.dark.get());
        data.with(|d| d.keys(theme))
    });
    let dark_legend = data.with_untracked(prerendered_dark_legend);
    let point = move |x: f64, y: f64| {
        let lines = frame
            .get_value()
            .and_then(|f| data.with_untracked(|d| d.tip(&f, x, lang.get_untracked())));
        tip.set(lines.map(|l| (x, y, l)));
    };
    view! {
        <figure class="chart">
            <figcaption id=caption_id.clone()>
                {move || match which {
                    Which::Days => lang.get().ui().chart_days,
                    Which::Memory => lang.get().ui().chart_memory,
                    Which::Step => lang.get().ui().chart_step,
                    Which::Serving => lang.get().ui().chart_serving,
                    Which::Context => lang.get().ui().chart_context,
                }}
            </figcaption>
            <div
                class="chart-box"
                node_ref=boxed
                data-chart=name
                data-drawn=move || (drawn.get() > 0).then(|| drawn.get().to_string())
                data-series=move || data.with(|d| d.series()).to_string()
                data-current=move || data.with(ChartData::current)
                role="img"
                aria-labelledby=caption_id
                on:pointermove=move |ev| point(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                on:pointerdown=move |ev| point(f64::from(ev.offset_x()), f64::from(ev.offset_y()))
                on:pointerleave=move |_| tip.set(None)
            >
                <canvas node_ref=canvas style="display:block;width:100%;height:100%"></canvas>
                // Plotters' SVG backend writes a document as text, so it goes in as inner HTML:
                // only in the prerender step (natively), never in the browser, and only what
                // plotters drew from the core's data.
                {data
                    .with_untracked(|d| prerendered(which, d))
                    .into_iter()
                    .map(|(class, svg)| view! { <div class=class inner_html=svg></div> })
                    .collect_view()}
                {move || {
                    tip.get().map(|(x, y, lines)| {
                        let right = size.width.get_untracked() - x < 180.0;
                        view! {
                            <div
                                class="chart-tip"
                                class:left=right
                                style:left=format!("{x}px")
                                style:top=format!("{y}px")
                            >
                                {lines.into_iter().map(|l| view! { <div>{l}</div> }).collect_view()}
                            </div>
                        }
                        .into_any()
                    })
                }}
            </div>
            <ul class="legend">
                {move || {
                    legend
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, k)| {
                            let colour = match dark_legend.get(i) {
                                Some(dark) => format!("background:{};--dark:{dark}", k.color.css()),
                                None => format!("background:{}", k.color.css()),
                            };
                            view! {
                                <li>
                                    <span class="swatch" class:line=k.line style=colour></span>
                                    {k.label}
                                </li>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </ul>
            // The figures as a table: built when first opened, then kept up to date.
            <details class="chart-table" data-chart-table=name on:toggle=move |_| table_open.set(true)>
                <summary>{super::state::tr(|u| u.chart_table)}</summary>
                <Show when=move || table_open.get()>
                    {move || {
                        let DataTable { head, rows } = data.with(|d| d.table(lang.get()));
                        view! {
                            <div class="table-scroll" tabindex="0" role="region" aria-labelledby=format!("cap-{name}")>
                                <table>
                                    <thead><tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|(own, cells)| view! {
                                            <tr class:current=own>
                                                {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                    }}
                </Show>
            </details>
        </figure>
    }
}
