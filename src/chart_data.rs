//! What the charts show, assembled from the estimation core: device-count sweeps for the days
//! chart and the memory breakdowns for the memory chart. Plain Rust, shared by the page, the
//! exports and the native snapshot tests, so all three draw the same data.

use crate::charts::{Curve, DaysChart, MemoryChart, Words, nice_ceiling};
use crate::estimate::memory::Memory;
use crate::estimate::training::DAY_S;
use crate::estimate::{Report, Scenario, hardware, sweep_gpus};
use crate::i18n::Lang;
use crate::metrics::MetricId;

/// A saved scenario drawn beside the current one, with its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The entry's name.
    pub name: String,
    /// Its scenario.
    pub scenario: Scenario,
    /// Its report.
    pub report: Report,
}

/// Accelerators drawn for comparison, the first three not chosen.
const OTHER_GPUS: [&str; 5] = ["h100-sxm", "a100-80g-sxm", "b200", "h20", "mi300x"];

/// The palette slot of each accelerator the days chart compares, its colour whichever
/// accelerator is chosen (the H100 stays blue and the B200 green when either is chosen).
const GPU_COLORS: [(&str, usize); 5] = [
    ("h100-sxm", 0),
    ("a100-80g-sxm", 1),
    ("b200", 2),
    ("h20", 3),
    ("mi300x", 4),
];
/// The slot of a chosen accelerator not among [`GPU_COLORS`]: drawn only when chosen, so it
/// never meets another with this colour (the theme's black, or white in the dark theme).
const CHOSEN_OTHER_COLOR: usize = 8;
/// With scenarios to compare: the slot of the scenario on screen, and of each compared one by
/// its place in the comparison (the first compared is always blue, the second orange).
const ON_SCREEN_COLOR: usize = 8;
const COMPARED_COLORS: [usize; 4] = [0, 1, 2, 3];

/// The palette slot an accelerator's curve is drawn in: fixed per accelerator.
pub fn gpu_color(id: &str) -> usize {
    GPU_COLORS
        .iter()
        .find(|(g, _)| *g == id)
        .map_or(CHOSEN_OTHER_COLOR, |(_, c)| *c)
}

/// The palette slot of the compared scenario at place `i` of the comparison.
pub fn compared_color(i: usize) -> usize {
    COMPARED_COLORS[i % COMPARED_COLORS.len()]
}
/// Points per curve: about 15 per decade of GPU count, where a curve is nearly straight.
const POINTS: usize = 64;

fn short_name(id: &str) -> &'static str {
    hardware::find(id).map_or("Custom", |a| {
        a.name
            .trim_start_matches("NVIDIA ")
            .trim_start_matches("AMD Instinct ")
    })
}

/// Whether two curves would draw as one: every point within 1 % (a fraction of a line's width
/// on these log axes), as for the H100 SXM5 (989.4 TFLOP/s) and the H800 SXM5 (989).
fn same_line(a: &[(f64, f64)], b: &[(f64, f64)]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(p, q)| p.0 == q.0 && (p.1 / q.1 - 1.0).abs() < 0.01)
}

/// Adds a curve in palette slot `color`, or, when an earlier one would draw on the same line
/// (two accelerators with equal peaks), names both on that one: a curve drawn over another would
/// vanish from the chart while staying in the legend.
fn push_curve(curves: &mut Vec<Curve>, label: String, points: Vec<(f64, f64)>, color: usize) {
    match curves.iter_mut().find(|c| same_line(&c.points, &points)) {
        Some(same) => {
            same.label.push_str(" / ");
            same.label.push_str(&label);
        }
        None => curves.push(Curve {
            label,
            points,
            color,
        }),
    }
}

/// The days chart: GPU count vs training days. With scenarios to compare, their curves replace
/// the other accelerators', and the chosen curve is the scenario on screen. Colours are fixed:
/// per accelerator without comparison ([`gpu_color`]), per place in the comparison with it.
pub fn days_chart(s: &Scenario, r: &Report, lang: Lang, compared: &[Compared]) -> DaysChart {
    let mp = f64::from(r.memory_per_gpu.model_parallel.max(1));
    let far = [
        f64::from(s.gpus),
        r.training.gpus_for_deadline.map_or(0.0, |n| n as f64),
        r.min_gpus_to_fit.unwrap_or(1) as f64,
    ]
    .into_iter()
    .fold(mp * 64.0, f64::max)
        * 8.0;
    // A round end: the axis stays put while the GPU count is dragged.
    let far = nice_ceiling(far);
    let mut counts: Vec<u32> = (0..POINTS)
        .map(|i| (mp * (far / mp).powf(i as f64 / (POINTS - 1) as f64)).round() as u32)
        .collect();
    counts.dedup();
    let chosen = sweep_gpus(s, r.layout, &counts);
    let fits_from = chosen
        .iter()
        .find(|p| p.fits)
        .map_or(f64::INFINITY, |p| f64::from(p.gpus));
    let points = |pts: Vec<crate::estimate::report::SweepPoint>| {
        pts.iter()
            .map(|p| (f64::from(p.gpus), p.seconds / DAY_S))
            .collect()
    };
    let ui = lang.ui();
    let mut curves = Vec::new();
    if compared.is_empty() {
        push_curve(
            &mut curves,
            short_name(&s.gpu).into(),
            points(chosen),
            gpu_color(&s.gpu),
        );
    } else {
        push_curve(
            &mut curves,
            format!("{} ({})", ui.compare_on_screen, short_name(&s.gpu)),
            points(chosen),
            ON_SCREEN_COLOR,
        );
    }
    for (i, c) in compared.iter().enumerate() {
        push_curve(
            &mut curves,
            c.name.clone(),
            points(sweep_gpus(&c.scenario, c.report.layout, &counts)),
            compared_color(i),
        );
    }
    let others = if compared.is_empty() { 3 } else { 0 };
    for id in OTHER_GPUS.iter().filter(|id| **id != s.gpu).take(others) {
        let mut other = s.clone();
        other.gpu = (*id).into();
        other.peak_tflops = None;
        push_curve(
            &mut curves,
            short_name(id).into(),
            points(sweep_gpus(&other, r.layout, &counts)),
            gpu_color(id),
        );
    }
    DaysChart {
        curves,
        deadline: s.deadline_days,
        current: (f64::from(s.gpus), r.training.training_seconds / DAY_S),
        marks: compared
            .iter()
            .map(|c| {
                let choice = (
                    f64::from(c.scenario.gpus),
                    c.report.training.training_seconds / DAY_S,
                );
                (c.name.clone(), choice)
            })
            .collect(),
        fits_from,
        words: Words {
            lang,
            x_axis: ui.axis_gpus.into(),
            y_axis: ui.axis_days.into(),
            limit: ui.deadline.into(),
            not_fit: ui.not_fit_region.into(),
            current: ui.current.into(),
        },
    }
}

/// One stacked bar of training memory: weights, gradients, optimizer, activations, no KV cache
/// (GB).
fn training_bar(m: &Memory) -> Vec<f64> {
    let gb = 1e9;
    vec![
        m.weights_bytes / gb,
        m.gradients_bytes / gb,
        m.optimizer_bytes / gb,
        m.activations_bytes / gb,
        0.0,
    ]
}

/// The memory chart: ZeRO 0-3 in training and serving, the scenario's stage outlined; with
/// scenarios to compare, the current configuration beside each compared one.
pub fn memory_chart(r: &Report, lang: Lang, compared: &[Compared]) -> MemoryChart {
    let ui = lang.ui();
    let (bars, values, chosen): (Vec<String>, Vec<Vec<f64>>, Option<usize>) = if compared.is_empty()
    {
        let serving = vec![
            r.serving.weights_bytes_per_gpu / 1e9,
            0.0,
            0.0,
            0.0,
            r.serving.kv_cache_bytes_per_gpu / 1e9,
        ];
        (
            (0..4)
                .map(|z| format!("ZeRO-{z}"))
                .chain([ui.inference.to_string()])
                .collect(),
            r.memory_by_zero
                .iter()
                .map(training_bar)
                .chain([serving])
                .collect(),
            Some(usize::from(r.layout.zero)),
        )
    } else {
        (
            [ui.compare_on_screen.to_string()]
                .into_iter()
                .chain(compared.iter().map(|c| c.name.chars().take(14).collect()))
                .collect(),
            [training_bar(&r.memory_per_gpu)]
                .into_iter()
                .chain(
                    compared
                        .iter()
                        .map(|c| training_bar(&c.report.memory_per_gpu)),
                )
                .collect(),
            Some(0),
        )
    };
    let totals = values.iter().map(|parts| parts.iter().sum()).collect();
    MemoryChart {
        bars,
        values,
        totals,
        parts: [
            ui.weights,
            ui.gradients,
            ui.optimizer,
            ui.activations,
            ui.kv_cache,
        ]
        .map(String::from)
        .to_vec(),
        chosen,
        hbm_gb: r.memory_per_gpu.hbm_bytes / 1e9,
        words: Words {
            lang,
            x_axis: String::new(),
            y_axis: ui.axis_memory.into(),
            limit: ui.hbm.into(),
            not_fit: String::new(),
            current: ui.current.into(),
        },
    }
}

/// The step chart: where one optimizer step's time goes (compute, TP, bubble, DP, EP, CP,
/// optimizer) at the layout used, beside each compared scenario's. Seconds; the part names are
/// the metric table's labels.
pub fn step_chart(r: &Report, lang: Lang, compared: &[Compared]) -> MemoryChart {
    let ui = lang.ui();
    // The MoE layers' expert collectives (ETP, and the experts' own gradient reduction over
    // their EDP ranks) are drawn apart from the TP and DP parts they belong to (MoE folding),
    // after the others so the others keep their colours.
    const PARTS: [MetricId; 9] = [
        MetricId::StepComputeS,
        MetricId::StepTpCommS,
        MetricId::StepPpBubbleS,
        MetricId::StepDpCommS,
        MetricId::StepEpCommS,
        MetricId::StepCpCommS,
        MetricId::StepOptimizerS,
        MetricId::StepEtpCommS,
        MetricId::StepEdpCommS,
    ];
    let parts_of = |rep: &Report| -> Vec<f64> {
        let mut v: Vec<f64> = PARTS.iter().map(|&k| rep.figure(k)).collect();
        v[1] -= v[7];
        v[3] -= v[8];
        v
    };
    // Alone, the bar is the current configuration; beside compared ones, the one on screen.
    let own = if compared.is_empty() {
        ui.current
    } else {
        ui.compare_on_screen
    };
    let bars = [own.to_string()]
        .into_iter()
        .chain(compared.iter().map(|c| c.name.chars().take(14).collect()))
        .collect();
    let values: Vec<Vec<f64>> = [parts_of(r)]
        .into_iter()
        .chain(compared.iter().map(|c| parts_of(&c.report)))
        .collect();
    let totals = values.iter().map(|parts| parts.iter().sum()).collect();
    MemoryChart {
        bars,
        values,
        totals,
        parts: PARTS
            .iter()
            .map(|k| k.metric().label(lang).to_string())
            .collect(),
        chosen: Some(0),
        hbm_gb: 0.0,
        words: Words {
            lang,
            x_axis: String::new(),
            y_axis: ui.axis_step.into(),
            limit: String::new(),
            not_fit: String::new(),
            current: ui.current.into(),
        },
    }
}

/// The serving chart: for the current serving load, what a million output tokens cost in rent
/// on the chosen accelerator and on the others the days chart compares, with the devices the
/// load needs on each in the bar's label. One bar each; the chosen accelerator's outlined.
pub fn serving_chart(s: &Scenario, r: &Report, lang: Lang) -> MemoryChart {
    let ui = lang.ui();
    let mut bars = Vec::new();
    let mut values = Vec::new();
    let mut add = |id: &str, rep: &Report| {
        bars.push(format!(
            "{} ({})",
            short_name(id).chars().take(12).collect::<String>(),
            crate::human::devices(rep.serving.gpus as f64, lang)
        ));
        values.push(vec![rep.serving.cost_per_million_tokens]);
    };
    add(&s.gpu, r);
    for id in OTHER_GPUS.iter().filter(|id| **id != s.gpu).take(4) {
        let mut other = s.clone();
        other.gpu = (*id).into();
        other.peak_tflops = None;
        other.price_per_gpu_hour = None;
        other.gpu_price = None;
        add(id, &crate::estimate::estimate(&other));
    }
    let totals = values.iter().map(|v| v.iter().sum()).collect();
    MemoryChart {
        bars,
        values,
        totals,
        parts: vec![
            MetricId::ServingCostPerMillionTokens
                .metric()
                .label(lang)
                .to_string(),
        ],
        chosen: Some(0),
        hbm_gb: 0.0,
        words: Words {
            lang,
            x_axis: String::new(),
            y_axis: ui.axis_serving.into(),
            limit: String::new(),
            not_fit: String::new(),
            current: ui.current.into(),
        },
    }
}

/// The context chart: inference memory (weights, then the cache of the sequences held at once,
/// split into the part that grows with the context and the part that stops: windows once full,
/// linear states) at doubling contexts from 4k to the model's longest context (a preset's; 128k
/// for a custom model) and the scenario's own context, which is outlined; the line is the
/// usable memory (90 %) of the devices the scenario's context needs.
pub fn context_chart(s: &Scenario, r: &Report, lang: Lang) -> MemoryChart {
    let ui = lang.ui();
    let own = f64::from(r.inference_context_tokens);
    let sequences = f64::from(s.concurrent_sequences.max(1));
    let longest = s
        .model
        .as_deref()
        .and_then(crate::estimate::presets::find)
        .map_or(131_072.0, |p| f64::from(p.max_context));
    let mut contexts: Vec<f64> = (12..=24)
        .map(|k| f64::from(1u32 << k))
        .filter(|c| *c <= own.max(longest))
        .collect();
    if longest > own && !contexts.contains(&longest) {
        contexts.push(longest);
    }
    if !contexts.contains(&own) {
        contexts.push(own);
        contexts.sort_by(f64::total_cmp);
    }
    let chosen = contexts.iter().position(|c| *c == own);
    let values: Vec<Vec<f64>> = contexts
        .iter()
        .map(|&c| {
            let bounded = r.kv_cache.bounded_bytes_at(c);
            let growing = r.kv_cache.bytes_at(c) - bounded;
            vec![
                r.inference_weights_bytes / 1e9,
                sequences * growing / 1e9,
                sequences * bounded / 1e9,
            ]
        })
        .collect();
    let totals = values.iter().map(|v| v.iter().sum()).collect();
    MemoryChart {
        bars: contexts.iter().map(|c| context_label(*c, lang)).collect(),
        values,
        totals,
        parts: [ui.weights, ui.cache_growing, ui.cache_bounded]
            .map(String::from)
            .to_vec(),
        chosen,
        hbm_gb: r.inference_memory_gpus as f64
            * r.device.hbm_bytes
            * crate::estimate::inference::SERVING_MEMORY_FRACTION
            / 1e9,
        words: Words {
            lang,
            x_axis: String::new(),
            y_axis: ui.axis_context.into(),
            limit: ui.usable_memory.into(),
            not_fit: String::new(),
            current: ui.current.into(),
        },
    }
}

/// A context length as people write it: binary thousands (4k = 4,096, 128k = 131,072, 1M =
/// 1,048,576), or the count where it is not a whole number of them.
fn context_label(c: f64, lang: Lang) -> String {
    let k = c / 1024.0;
    if c >= 1_048_576.0 && (c / 1_048_576.0).fract() == 0.0 {
        format!("{}M", c / 1_048_576.0)
    } else if c >= 1024.0 && k.fract() == 0.0 {
        format!("{k}k")
    } else {
        crate::human::count(c, lang)
    }
}

/// A chart's figures as a table: the text alternative to the drawing, for screen readers and
/// for reading exact values.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DataTable {
    /// Column heads.
    pub head: Vec<String>,
    /// Rows of cells; `true` marks the scenario's own row (its point, or its chosen bar).
    pub rows: Vec<(bool, Vec<String>)>,
}

/// Rows of a days table: about one per half decade of devices, and the scenario's own point.
const DAYS_TABLE_EVERY: usize = 6;

/// The value of a curve at `x`, interpolated on the log-log axes it is drawn on.
fn curve_at(points: &[(f64, f64)], x: f64) -> Option<f64> {
    let i = points.iter().position(|p| p.0 >= x)?;
    let (x1, y1) = points[i];
    if i == 0 || x1 == x {
        return (x1 == x).then_some(y1);
    }
    let (x0, y0) = points[i - 1];
    let t = (x.ln() - x0.ln()) / (x1.ln() - x0.ln());
    Some((y0.ln() + t * (y1.ln() - y0.ln())).exp())
}

/// The days chart as a table: device counts down the side, one column of days per curve.
pub fn days_table(d: &DaysChart, lang: Lang) -> DataTable {
    let mut head = vec![d.words.x_axis.clone()];
    head.extend(d.curves.iter().map(|c| c.label.clone()));
    let row = |gpus: f64| {
        let mut cells = vec![crate::human::devices(gpus, lang)];
        cells.extend(d.curves.iter().map(|c| {
            curve_at(&c.points, gpus).map_or_else(|| "—".to_string(), crate::human::sig3)
        }));
        cells
    };
    let mut counts: Vec<f64> = d
        .curves
        .first()
        .map(|c| {
            c.points
                .iter()
                .step_by(DAYS_TABLE_EVERY)
                .map(|p| p.0)
                .collect()
        })
        .unwrap_or_default();
    counts.retain(|&g| g != d.current.0);
    let at = counts.partition_point(|&g| g < d.current.0);
    counts.insert(at, d.current.0);
    let rows = counts
        .into_iter()
        .map(|g| {
            let own = g == d.current.0;
            let mut cells = row(g);
            // The scenario's own days, as computed, not as read off its curve.
            if own && cells.len() > 1 {
                cells[1] = crate::human::sig3(d.current.1);
            }
            (own, cells)
        })
        .collect();
    DataTable { head, rows }
}

/// A stacked-bar chart as a table: one row per bar, one column per part, and the total.
pub fn bars_table(m: &MemoryChart) -> DataTable {
    let mut head = vec![String::new()];
    head.extend(m.parts.iter().cloned());
    head.push(format!("Σ ({})", m.words.y_axis));
    let rows = m
        .bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let mut cells = vec![bar.clone()];
            cells.extend(m.values[i].iter().map(|&v| crate::human::sig3(v)));
            cells.push(crate::human::sig3(m.totals[i]));
            (m.chosen == Some(i), cells)
        })
        .collect();
    DataTable { head, rows }
}

#[cfg(test)]
mod table_tests {
    use super::*;
    use crate::estimate::{Scenario, estimate};

    /// The days table lists the scenario's own point among the counts, with its own days, and
    /// the other accelerators' days at the same counts.
    #[test]
    fn the_days_table_holds_the_scenarios_own_point() {
        let s = Scenario::default();
        let r = estimate(&s);
        let chart = days_chart(&s, &r, Lang::En, &[]);
        let table = days_table(&chart, Lang::En);
        assert_eq!(table.head.len(), 1 + chart.curves.len());
        let own: Vec<_> = table.rows.iter().filter(|(own, _)| *own).collect();
        assert_eq!(own.len(), 1);
        assert_eq!(own[0].1[0], "2,048");
        assert_eq!(
            own[0].1[1],
            crate::human::sig3(r.training.training_seconds / DAY_S)
        );
        assert!(table.rows.len() > 8, "{}", table.rows.len());
        assert!(
            table
                .rows
                .iter()
                .all(|(_, cells)| cells.len() == table.head.len())
        );
    }

    /// The memory table: one row per bar, its parts summing to its total, the chosen ZeRO stage
    /// marked.
    #[test]
    fn the_memory_table_sums_its_parts() {
        let s = Scenario::default();
        let r = estimate(&s);
        let chart = memory_chart(&r, Lang::En, &[]);
        let table = bars_table(&chart);
        assert_eq!(table.rows.len(), chart.bars.len());
        assert_eq!(table.rows.iter().filter(|(own, _)| *own).count(), 1);
        for (i, (_, cells)) in table.rows.iter().enumerate() {
            let parts: f64 = chart.values[i].iter().sum();
            assert!((parts / chart.totals[i] - 1.0).abs() < 1e-9);
            assert_eq!(cells.len(), table.head.len());
        }
    }

    #[test]
    fn curves_are_read_between_their_points_on_log_axes() {
        let pts = [(10.0, 100.0), (1000.0, 1.0)];
        assert!((curve_at(&pts, 100.0).unwrap() - 10.0).abs() < 1e-9);
        assert_eq!(curve_at(&pts, 5.0), None);
        assert_eq!(curve_at(&pts, 10.0), Some(100.0));
    }
}
