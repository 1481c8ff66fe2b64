//! Canvas components for the two charts. They assemble the chart data from the core (sweeps,
//! the report) and hand it to `crate::charts`, which draws on any plotters backend.

use super::library_view::{Compared, Library};
use super::state::Ctx;
use crate::charts::{self, Curve, DARK, DaysChart, LIGHT, MemoryChart, Theme};
use crate::estimate::{Report, Scenario, hardware, sweep_gpus};
use crate::i18n::Lang;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Accelerators drawn for comparison, the first three not chosen.
const COMPARE: [&str; 5] = ["h100-sxm", "a100-80g-sxm", "b200", "h20", "mi300x"];
/// Points per curve.
const POINTS: usize = 96;

fn short_name(id: &str) -> &'static str {
    hardware::find(id).map_or("Custom", |a| {
        a.name
            .trim_start_matches("NVIDIA ")
            .trim_start_matches("AMD Instinct ")
    })
}

/// The chart data for GPU count vs days. With scenarios to compare, their curves replace the
/// other accelerators'.
pub fn days_chart(s: &Scenario, r: &Report, lang: Lang, compared: &[Compared]) -> DaysChart {
    let mp = f64::from((s.tp * s.pp).max(1));
    let far = [
        f64::from(s.gpus),
        r.training.gpus_for_deadline as f64,
        r.min_gpus_to_fit.unwrap_or(1) as f64,
    ]
    .into_iter()
    .fold(mp * 64.0, f64::max)
        * 8.0;
    let mut counts: Vec<u32> = (0..POINTS)
        .map(|i| (mp * (far / mp).powf(i as f64 / (POINTS - 1) as f64)).round() as u32)
        .collect();
    counts.dedup();
    let chosen = sweep_gpus(s, &counts);
    let fits_from = chosen
        .iter()
        .find(|p| p.fits)
        .map_or(f64::INFINITY, |p| f64::from(p.gpus));
    let mut curves = vec![Curve {
        label: short_name(&s.gpu).into(),
        points: chosen.iter().map(|p| (f64::from(p.gpus), p.days)).collect(),
    }];
    for c in compared {
        let pts = sweep_gpus(&c.scenario, &counts);
        curves.push(Curve {
            label: c.name.clone(),
            points: pts.iter().map(|p| (f64::from(p.gpus), p.days)).collect(),
        });
    }
    for id in COMPARE
        .iter()
        .filter(|id| **id != s.gpu)
        .take(if compared.is_empty() { 3 } else { 0 })
    {
        let mut other = s.clone();
        other.gpu = (*id).into();
        other.peak_tflops = None;
        let pts = sweep_gpus(&other, &counts);
        curves.push(Curve {
            label: short_name(id).into(),
            points: pts.iter().map(|p| (f64::from(p.gpus), p.days)).collect(),
        });
    }
    let ui = lang.ui();
    DaysChart {
        curves,
        deadline: s.deadline_days,
        current: (f64::from(s.gpus), r.training.training_days),
        fits_from,
        text: [ui.axis_gpus.into(), ui.axis_days.into()],
    }
}

/// The chart data for the memory breakdown: ZeRO 0-3 in training, and serving; with scenarios to
/// compare, the current configuration beside each compared one.
pub fn memory_chart(r: &Report, lang: Lang, compared: &[Compared]) -> MemoryChart {
    let ui = lang.ui();
    let gb = 1e9;
    // One stacked bar: weights, gradients, optimizer, activations, KV cache (GB).
    let training = |m: &crate::estimate::memory::Memory| {
        vec![
            m.weights_bytes / gb,
            m.gradients_bytes / gb,
            m.optimizer_bytes / gb,
            m.activations_bytes / gb,
            0.0,
        ]
    };
    let (bars, values): (Vec<String>, Vec<Vec<f64>>) = if compared.is_empty() {
        let n = f64::from(r.serving.replica_gpus);
        let serving = vec![
            r.inference_weights_bytes / n / gb,
            0.0,
            0.0,
            0.0,
            f64::from(r.serving.batch) * r.kv_cache_bytes_per_sequence / n / gb,
        ];
        (
            (0..4)
                .map(|z| format!("ZeRO-{z}"))
                .chain([ui.inference.to_string()])
                .collect(),
            r.memory_by_zero
                .iter()
                .map(training)
                .chain([serving])
                .collect(),
        )
    } else {
        (
            [ui.current.to_string()]
                .into_iter()
                .chain(compared.iter().map(|c| c.name.chars().take(14).collect()))
                .collect(),
            [training(&r.memory_per_gpu)]
                .into_iter()
                .chain(compared.iter().map(|c| training(&c.report.memory_per_gpu)))
                .collect(),
        )
    };
    MemoryChart {
        bars,
        values,
        parts: [
            ui.weights,
            ui.gradients,
            ui.optimizer,
            ui.activations,
            ui.kv_cache,
        ]
        .map(String::from)
        .to_vec(),
        hbm_gb: r.memory_per_gpu.hbm_bytes / gb,
        text: [ui.axis_memory.into()],
    }
}

/// One legend entry: a label, a colour and whether it is a line (else a filled box).
#[derive(Clone, PartialEq)]
struct Key {
    label: String,
    color: RGBColor,
    line: bool,
}

fn css(c: RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// The legend under a chart, as escaped HTML.
#[component]
fn Legend(keys: Memo<Vec<Key>>) -> impl IntoView {
    let html = move || {
        keys.with(|ks| {
            ks.iter()
                .map(|k| {
                    format!(
                        "<li><span class=\"swatch{}\" style=\"background:{}\"></span>{}</li>",
                        if k.line { " line" } else { "" },
                        css(k.color),
                        crate::human::escape(&k.label)
                    )
                })
                .collect::<String>()
        })
    };
    view! { <ul class="legend" inner_html=html></ul> }
}

fn theme() -> &'static Theme {
    if dark_mode() { &DARK } else { &LIGHT }
}

/// The GPU-count chart as an SVG document (for export), in the light theme.
pub fn days_svg(s: &Scenario, r: &Report, lang: Lang, compared: Vec<Compared>) -> String {
    let data = days_chart(s, r, lang, &compared);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (900, 480)).into_drawing_area();
        let _ = charts::draw_days(&root, &data, &LIGHT, 1.0);
    }
    out
}

fn dark_mode() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Sizes the canvas backing store for the device pixel ratio (sharp on 2x displays), draws, and
/// counts the paint in `data-drawn` so tests and the benchmark can see it.
fn paint(
    canvas: &HtmlCanvasElement,
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>, &Theme, f64),
) {
    let dpr = window().device_pixel_ratio().max(1.0);
    let (w, h) = (
        f64::from(canvas.client_width()),
        f64::from(canvas.client_height()),
    );
    if w <= 0.0 || h <= 0.0 {
        return;
    }
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let theme = theme();
    if let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) {
        draw(&backend.into_drawing_area(), theme, dpr);
    }
    let n = canvas
        .get_attribute("data-drawn")
        .and_then(|v| v.parse::<u64>().ok())
        .unwrap_or(0);
    let _ = canvas.set_attribute("data-drawn", &(n + 1).to_string());
}

/// A drawing function of `crate::charts` on the canvas backend.
type Draw<T> = fn(
    &DrawingArea<CanvasBackend, Shift>,
    &T,
    &Theme,
    f64,
)
    -> Result<(), DrawingAreaErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

/// Redraws a chart whenever its data or the window size change, once the canvas is mounted.
fn redraw<T: Send + Sync + PartialEq + 'static>(
    ctx: Ctx,
    canvas: NodeRef<Canvas>,
    data: Memo<T>,
    draw: Draw<T>,
) {
    Effect::new(move |_| {
        ctx.resized.track();
        let Some(c) = canvas.get() else { return };
        // A drawing error leaves the previous picture; there is nothing better to show.
        data.with(|d| paint(&c, |root, theme, scale| drop(draw(root, d, theme, scale))));
    });
}

/// A chart's figure: caption, canvas (named by `data-chart`) and legend.
fn figure(
    ctx: Ctx,
    caption: fn(&crate::i18n::Ui) -> &'static str,
    name: &'static str,
    canvas: NodeRef<Canvas>,
    keys: Memo<Vec<Key>>,
) -> impl IntoView {
    let caption = move || caption(ctx.ui());
    view! {
        <figure class="chart">
            <figcaption>{caption}</figcaption>
            <canvas node_ref=canvas data-chart=name role="img" aria-label=caption></canvas>
            <Legend keys=keys />
        </figure>
    }
}

/// GPU count vs training days.
#[component]
pub fn DaysChartView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let canvas = NodeRef::<Canvas>::new();
    let lib = expect_context::<Library>();
    let data = Memo::new(move |_| {
        lib.compared.with(|c| {
            ctx.scenario
                .with(|s| ctx.report.with(|r| days_chart(s, r, ctx.lang.get(), c)))
        })
    });
    redraw(ctx, canvas, data, charts::draw_days);
    let keys = Memo::new(move |_| {
        let t = theme();
        let ui = ctx.ui();
        let mut keys: Vec<Key> = data.with(|d| {
            d.curves
                .iter()
                .enumerate()
                .map(|(i, c)| Key {
                    label: c.label.clone(),
                    color: t.palette[i % t.palette.len()],
                    line: true,
                })
                .collect()
        });
        keys.push(Key {
            label: ui.deadline.into(),
            color: t.warn,
            line: true,
        });
        if data.with(|d| {
            d.fits_from
                > d.curves
                    .first()
                    .and_then(|c| c.points.first())
                    .map_or(0.0, |p| p.0)
        }) {
            keys.push(Key {
                label: ui.not_fit_region.into(),
                color: t.warn,
                line: false,
            });
        }
        keys.push(Key {
            label: ui.current.into(),
            color: t.palette[0],
            line: false,
        });
        keys
    });
    figure(ctx, |u| u.chart_days, "days", canvas, keys)
}

/// Memory per GPU by ZeRO stage, and for serving.
#[component]
pub fn MemoryChartView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let canvas = NodeRef::<Canvas>::new();
    let lib = expect_context::<Library>();
    let data = Memo::new(move |_| {
        lib.compared
            .with(|c| ctx.report.with(|r| memory_chart(r, ctx.lang.get(), c)))
    });
    redraw(ctx, canvas, data, charts::draw_memory);
    let keys = Memo::new(move |_| {
        let t = theme();
        let mut keys: Vec<Key> = data.with(|d| {
            d.parts
                .iter()
                .enumerate()
                .map(|(i, p)| Key {
                    label: p.clone(),
                    color: t.palette[i % t.palette.len()],
                    line: false,
                })
                .collect()
        });
        keys.push(Key {
            label: ctx.ui().hbm.into(),
            color: t.warn,
            line: true,
        });
        keys
    });
    figure(ctx, |u| u.chart_memory, "memory", canvas, keys)
}
