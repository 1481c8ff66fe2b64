//! The two charts, as SVG in the page. They assemble the chart data from the core (sweeps,
//! the report) and hand it to `crate::charts`, which draws them as SVG.

use super::dom::{self, region};
use super::library_view::{Compared, Library};
use super::state::Ctx;
use crate::charts::{self, Curve, DARK, DaysChart, LIGHT, MemoryChart, Theme};
use crate::estimate::{Report, Scenario, hardware, sweep_gpus};
use crate::i18n::Lang;
use leptos::prelude::*;
use web_sys::Element;

/// Accelerators drawn for comparison, the first three not chosen.
const COMPARE: [&str; 5] = ["h100-sxm", "a100-80g-sxm", "b200", "h20", "mi300x"];
/// Points per curve: about 15 per decade of GPU count, where a curve is nearly straight.
const POINTS: usize = 64;

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
    // A round end: the axis stays put while the GPU count is dragged (see `Chart::paint`).
    let far = charts::nice_ceiling(far);
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
struct Key {
    label: String,
    color: charts::Rgb,
    line: bool,
}

/// The legend under a chart, as escaped HTML.
fn legend_html(keys: &[Key]) -> String {
    keys.iter()
        .map(|k| {
            format!(
                "<li><span class=\"swatch{}\" style=\"background:{}\"></span>{}</li>",
                if k.line { " line" } else { "" },
                k.color.css(),
                crate::human::escape(&k.label)
            )
        })
        .collect()
}

/// The GPU-count chart as an SVG document (for export), in the light theme.
pub fn days_svg(s: &Scenario, r: &Report, lang: Lang, compared: Vec<Compared>) -> String {
    charts::days_svg(&days_chart(s, r, lang, &compared), &LIGHT, EXPORT_SIZE)
}

/// The size of exported charts, CSS pixels (PNGs are rasterised at twice this).
pub const EXPORT_SIZE: (f64, f64) = (900.0, 480.0);

/// What the last paint of the charts left: the resize count its sizes were read at, the sizes
/// in pixels, and each chart's markup before its live group.
struct Painted {
    resized: u32,
    sizes: [(f64, f64); 2],
    bases: [String; 2],
}

/// One chart on the page: where it goes, how it is drawn, and its legend.
struct Chart<T> {
    el: Element,
    legend: Option<Element>,
    data: T,
    draw: fn(&T, &Theme, (f64, f64)) -> String,
    keys: fn(&T, &Theme, Lang) -> Vec<Key>,
}

impl<T> Chart<T> {
    fn new(
        name: &str,
        data: T,
        draw: fn(&T, &Theme, (f64, f64)) -> String,
        keys: fn(&T, &Theme, Lang) -> Vec<Key>,
    ) -> Option<Self> {
        Some(Chart {
            el: dom::select(&format!("[data-chart=\"{name}\"]"))?,
            legend: dom::by_id(&format!("legend-{name}")),
            data,
            draw,
            keys,
        })
    }

    /// The box's size. Its height comes from the stylesheet; without one (a test page, a
    /// stylesheet that failed to load) the chart takes a height of its own.
    fn size(&self) -> (f64, f64) {
        let h = f64::from(self.el.client_height());
        (
            f64::from(self.el.client_width()),
            if h > 0.0 { h } else { 300.0 },
        )
    }

    /// Draws the chart, counts the paint in `data-drawn` (for tests and the benchmark), and
    /// rewrites the legend if it changed. When the markup differs from `last` only inside its
    /// live group (the current choice), only that group is rewritten; when it does not differ
    /// (the memory chart while MFU or tokens move), nothing is. Returns the markup before the
    /// live group, for the next paint to compare.
    fn paint(&self, (w, h): (f64, f64), theme: &Theme, lang: Lang, last: &str) -> String {
        if w <= 0.0 || h <= 0.0 {
            return String::new();
        }
        let svg = (self.draw)(&self.data, theme, (w, h));
        let split = svg.find(charts::LIVE_OPEN).unwrap_or(svg.len());
        let (base, live) = svg.split_at(split);
        let group = (base == last && !live.is_empty())
            .then(|| self.el.query_selector("g[data-live]").ok().flatten())
            .flatten();
        let inside = live
            .strip_prefix(charts::LIVE_OPEN)
            .and_then(|l| l.strip_suffix("</g></svg>"));
        match (group, inside) {
            (Some(g), Some(inside)) => g.set_inner_html(inside),
            _ if live.is_empty() && base == last => {}
            _ => self.el.set_inner_html(&svg),
        }
        let n = self
            .el
            .get_attribute("data-drawn")
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let _ = self.el.set_attribute("data-drawn", &(n + 1).to_string());
        if let Some(ul) = &self.legend {
            let html = legend_html(&(self.keys)(&self.data, theme, lang));
            if ul.inner_html() != html {
                ul.set_inner_html(&html);
            }
        }
        base.to_string()
    }
}

/// The legend keys of the GPU-count chart.
fn days_keys(d: &DaysChart, t: &Theme, lang: Lang) -> Vec<Key> {
    let ui = lang.ui();
    let mut keys: Vec<Key> = d
        .curves
        .iter()
        .enumerate()
        .map(|(i, c)| Key {
            label: c.label.clone(),
            color: t.palette[i % t.palette.len()],
            line: true,
        })
        .collect();
    keys.push(Key {
        label: ui.deadline.into(),
        color: t.warn,
        line: true,
    });
    let first = d
        .curves
        .first()
        .and_then(|c| c.points.first())
        .map_or(0.0, |p| p.0);
    if d.fits_from > first {
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
}

/// The legend keys of the memory chart.
fn memory_keys(d: &MemoryChart, t: &Theme, lang: Lang) -> Vec<Key> {
    let mut keys: Vec<Key> = d
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| Key {
            label: p.clone(),
            color: t.palette[i % t.palette.len()],
            line: false,
        })
        .collect();
    keys.push(Key {
        label: lang.ui().hbm.into(),
        color: t.warn,
        line: true,
    });
    keys
}

/// Draws both charts and fills their captions and legends.
pub fn mount(ctx: Ctx, lib: Library) {
    // Both charts in one effect, sizes read before either is written: reading a size forces a
    // layout, and this way there is one, at the first paint and after a resize only.
    Effect::new(move |last: Option<Option<Painted>>| {
        let resized = ctx.resized.get();
        let lang = ctx.lang.get();
        let (days, memory) = lib.compared.with(|c| {
            ctx.scenario.with(|s| {
                ctx.report
                    .with(|r| (days_chart(s, r, lang, c), memory_chart(r, lang, c)))
            })
        });
        let days = Chart::new("days", days, charts::days_svg, days_keys)?;
        let memory = Chart::new("memory", memory, charts::memory_svg, memory_keys)?;
        let last = last.flatten().filter(|p| p.resized == resized);
        let sizes = last
            .as_ref()
            .map_or_else(|| [days.size(), memory.size()], |p| p.sizes);
        let base = |i: usize| last.as_ref().map_or("", |p| p.bases[i].as_str());
        let theme = if ctx.dark.get() { &DARK } else { &LIGHT };
        let bases = [
            days.paint(sizes[0], theme, lang, base(0)),
            memory.paint(sizes[1], theme, lang, base(1)),
        ];
        Some(Painted {
            resized,
            sizes,
            bases,
        })
    });
    region(
        "cap-days",
        Box::new(move || crate::human::escape(ctx.ui().chart_days)),
    );
    region(
        "cap-memory",
        Box::new(move || crate::human::escape(ctx.ui().chart_memory)),
    );
}
