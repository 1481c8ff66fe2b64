//! The charts' drawing code (plotters over any `DrawingBackend`), rendered to SVG natively and
//! compared with insta snapshots in `tests/snapshots/` (`days.snap`, `memory.snap`, ...: a short
//! header, then the SVG as drawn). The page draws the very same code on a canvas.
//!
//! A drawing that differs fails the test and prints the diff. Run locally, insta also writes the
//! new drawing beside the old one as `tests/snapshots/NAME.snap.new` (ignored by git); with `CI`
//! set it writes nothing and only fails. After an intended change of the drawing, look at the
//! diff (or the `.snap.new` files), then accept it with
//! `INSTA_UPDATE=always cargo test --test charts`, which rewrites the `.snap` files in place, and
//! review `git diff tests/snapshots/` before committing. (`cargo insta review` accepts them one
//! by one, where cargo-insta is installed.)

use suanli::chart_data::{Compared, days_chart, memory_chart, step_chart};
use suanli::charts::{self, DARK, LIGHT, Style};
use suanli::estimate::{estimate, query};
use suanli::i18n::Lang;

fn scenario(q: &str) -> (suanli::estimate::Scenario, suanli::estimate::Report) {
    let s = query::parse(q).scenario;
    let r = estimate(&s);
    (s, r)
}

/// Compares `svg` with `tests/snapshots/{name}.snap`.
fn check_snapshot(name: &str, svg: &str) {
    // insta ignores whitespace at the very end when it compares; the SVG ends in one newline,
    // as the snapshots did when they were plain files, so that much is checked here.
    assert!(
        svg.ends_with("</svg>\n"),
        "{name}: the SVG does not end in `</svg>` and one newline"
    );
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, svg);
    });
}

const LIGHT_1X: Style = Style {
    scale: 1.0,
    theme: &LIGHT,
    title: None,
    legend: false,
};

#[test]
fn days_chart_matches_its_snapshot_and_shows_every_series() {
    // The default scenario: Llama-3 70B on 2048 H100 (tests/published.rs pins its figures).
    let (s, r) = scenario("v=1");
    let data = days_chart(&s, &r, Lang::En, &[]);
    // The chosen GPU and three others (H100 is chosen, so A100, B200 and H20 join it).
    let labels: Vec<&str> = data.curves.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["H100 SXM5", "A100 80GB SXM4", "B200 (HGX)", "H20"]);
    let svg = charts::svg((640, 360), |root| charts::draw_days(root, &data, &LIGHT_1X)).unwrap();
    // Four curves and the dashed deadline (many short segments).
    assert!(svg.matches("<polyline").count() >= 4, "{svg}");
    // The x axis ends at a round 20k ... 200k and labels it whole ("100k" was clipped before).
    assert!(svg.contains("\n100k\n"), "x labels: {svg}");
    assert!(svg.contains("GPUs"), "axis title");
    check_snapshot("days", &svg);
}

#[test]
fn memory_chart_matches_its_snapshot_and_outlines_the_chosen_stage() {
    let (_, r) = scenario("v=1&zero=2");
    let data = memory_chart(&r, Lang::En, &[]);
    assert_eq!(data.chosen, Some(2));
    assert_eq!(
        data.bars,
        ["ZeRO-0", "ZeRO-1", "ZeRO-2", "ZeRO-3", "serving"]
    );
    let svg = charts::svg((480, 320), |root| {
        charts::draw_memory(root, &data, &LIGHT_1X)
    })
    .unwrap();
    // The chosen stage's label is bold.
    assert!(svg.contains("bold"), "chosen bar label: {svg}");
    check_snapshot("memory", &svg);
}

#[test]
fn equal_curves_share_one_legend_entry() {
    // The H100 SXM5 (989.4 TFLOP/s dense BF16) and the H800 SXM5 (989) draw the same line: one
    // curve named after both, never one hidden under the other.
    let (s, r) = scenario("v=1&gpu=h800-sxm");
    let mut data = days_chart(&s, &r, Lang::En, &[]);
    let names: Vec<&str> = data.curves.iter().map(|c| c.label.as_str()).collect();
    assert!(
        names[0].contains("H800") && names[0].contains("H100"),
        "{names:?}"
    );
    for (i, a) in data.curves.iter().enumerate() {
        for b in &data.curves[i + 1..] {
            let close = a
                .points
                .iter()
                .zip(&b.points)
                .all(|(p, q)| (p.1 / q.1 - 1.0).abs() < 0.01);
            assert!(!close, "{} hides under {}", b.label, a.label);
        }
    }
    data.curves.truncate(1);
    assert_eq!(data.curves.len(), 1);
}

#[test]
fn exports_carry_title_and_legend_and_scale_with_the_pixel_ratio() {
    let (s, r) = scenario("v=1");
    let compared = vec![Compared {
        name: "Plan B".into(),
        scenario: query::parse("v=1&gpus=4096").scenario,
        report: estimate(&query::parse("v=1&gpus=4096").scenario),
    }];
    let data = days_chart(&s, &r, Lang::Zh, &compared);
    let style = Style {
        scale: 2.0,
        theme: &DARK,
        title: Some("GPU 数量与训练天数"),
        legend: true,
    };
    let svg = charts::svg((1800, 960), |root| charts::draw_days(root, &data, &style)).unwrap();
    assert!(svg.contains("GPU 数量与训练天数"), "title");
    assert!(svg.contains("Plan B"), "legend names the compared scenario");
    // Its choice, 4096 GPUs, is marked on the chart: the same curve as the current one.
    assert_eq!(data.marks.len(), 1);
    assert_eq!(data.marks[0].1.0, 4096.0);
    assert!((data.marks[0].1.1 * 2.0 / data.current.1 - 1.0).abs() < 1e-9);
    assert!(svg.contains(&DARK.bg.css().to_uppercase()) || svg.contains(&DARK.bg.css()));
    // Fonts scale with the ratio: 12 CSS px labels at 2x are 24 px.
    assert!(svg.contains("font-size=\"24"), "scaled fonts");
}

#[test]
fn frames_map_the_pointer_back_to_data() {
    let (s, r) = scenario("v=1");
    let data = days_chart(&s, &r, Lang::En, &[]);
    let mut frame = None;
    charts::svg((640, 360), |root| {
        frame = charts::draw_days(root, &data, &LIGHT_1X)?;
        Ok(frame)
    })
    .unwrap();
    let f = frame.expect("drawn");
    assert!(
        f.left > 30.0 && f.right < 640.0 && f.top >= 0.0 && f.bottom < 360.0,
        "{f:?}"
    );
    let first = data.curves[0].points[0].0;
    let last = data.curves[0].points.last().unwrap().0;
    assert!((f.x_at(f.left).unwrap() / first - 1.0).abs() < 1e-9);
    assert!((f.x_at(f.right).unwrap() / last - 1.0).abs() < 1e-9);
    assert_eq!(f.x_at(f.left - 1.0), None);
}

#[test]
fn step_chart_stacks_the_exposed_parts_of_a_step() {
    // DeepSeek-V3 at its published layout (PP 16, EP 64): compute, the bubble and the experts'
    // all-to-all are all visible; the bar adds up to the step time.
    let (_, r) = scenario("model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=16&ep=64&mfu=auto");
    let data = step_chart(&r, Lang::En, &[]);
    // Seven parts, and the experts' ETP and EDP collectives apart (issue 28).
    assert_eq!(data.parts.len(), 9);
    assert_eq!(data.parts[0], "Compute");
    assert!((data.totals[0] / r.step.time_s - 1.0).abs() < 1e-12);
    let nonzero = data.values[0].iter().filter(|v| **v > 0.0).count();
    assert!(nonzero >= 4, "{:?}", data.values[0]);
    let svg = charts::svg((480, 320), |root| {
        charts::draw_memory(root, &data, &LIGHT_1X)
    })
    .unwrap();
    // No device-memory line (drawn in the theme's warning colour) on a chart of seconds.
    assert!(!svg.to_uppercase().contains("#D55E00"), "{svg}");
    check_snapshot("step", &svg);
}

#[test]
fn serving_chart_compares_accelerators_for_the_same_load() {
    // The default load (1000 users, 10 requests an hour each) on the chosen H100 and four others:
    // each bar is that accelerator's rent per million output tokens, its devices in the label.
    let (s, r) = scenario("v=1");
    let data = suanli::chart_data::serving_chart(&s, &r, Lang::En);
    assert_eq!(data.bars.len(), 5);
    assert!(data.bars[0].starts_with("H100 SXM5 ("), "{:?}", data.bars);
    assert_eq!(data.values[0][0], r.serving.cost_per_million_tokens);
    assert!(
        data.totals.iter().all(|t| t.is_finite() && *t > 0.0),
        "{:?}",
        data.totals
    );
    let svg = charts::svg((480, 320), |root| {
        charts::draw_memory(root, &data, &LIGHT_1X)
    })
    .unwrap();
    assert!(svg.contains("H20"), "every accelerator labelled");
}

#[test]
fn context_chart_shows_where_a_window_saturates_and_full_attention_grows() {
    // Gemma 3 27B at 128k (issue 22): its 10 global layers' cache doubles with each doubling
    // of the context (10 × ctx × 8,192 B); its 52 windowed layers' stops at 1,024 tokens
    // (52 × 1,024 × 8,192 B = 0.436 GB) at every context shown; the BF16 weights stay flat.
    let (s, r) = scenario("model=gemma-3-27b&context_tokens=131072");
    let data = suanli::chart_data::context_chart(&s, &r, Lang::En);
    assert_eq!(
        data.bars,
        ["4k", "8k", "16k", "32k", "64k", "128k"],
        "doubling contexts"
    );
    assert_eq!(data.chosen, Some(5));
    for (bar, ctx) in data
        .values
        .iter()
        .zip([4096.0, 8192.0, 16384.0, 32768.0, 65536.0, 131072.0])
    {
        assert_eq!(bar[0], r.inference_weights_bytes / 1e9);
        assert!((bar[1] - 10.0 * ctx * 8192.0 / 1e9).abs() < 1e-9, "{bar:?}");
        assert!(
            (bar[2] - 52.0 * 1024.0 * 8192.0 / 1e9).abs() < 1e-9,
            "{bar:?}"
        );
    }
    // A context that is not a power of two gets a bar of its own, outlined.
    let (s, r) = scenario("model=gemma-3-27b&context_tokens=100000");
    let data = suanli::chart_data::context_chart(&s, &r, Lang::En);
    assert_eq!(data.bars[data.chosen.unwrap()], "100k");
    let svg = charts::svg((640, 360), |root| {
        charts::draw_memory(root, &data, &LIGHT_1X)
    })
    .unwrap();
    // Three parts per bar (weights, growing, bounded) over 7 bars: at least 21 rectangles.
    assert!(svg.matches("<rect").count() >= 21, "{svg}");
    check_snapshot("context", &svg);
}

#[test]
fn each_accelerator_keeps_its_colour_whichever_is_chosen() {
    // Choosing the B200 once turned it blue and the H100 orange: colours followed the curves'
    // order. Now each accelerator has its own, in the legend and on the chart alike.
    let colour_of = |q: &str| {
        let (s, r) = scenario(q);
        let data = days_chart(&s, &r, Lang::En, &[]);
        let keys = charts::days_keys(&data, &LIGHT);
        let svg =
            charts::svg((640, 360), |root| charts::draw_days(root, &data, &LIGHT_1X)).unwrap();
        data.curves
            .iter()
            .map(|c| {
                let key = keys.iter().find(|k| k.label == c.label).unwrap();
                assert_eq!(key.color, LIGHT.slot(c.color), "{}", c.label);
                assert!(
                    svg.contains(&key.color.css().to_uppercase()) || svg.contains(&key.color.css()),
                    "{} drawn",
                    c.label
                );
                (c.label.clone(), key.color)
            })
            .collect::<Vec<_>>()
    };
    let mut seen: Vec<(String, charts::Rgb)> = Vec::new();
    for q in [
        "v=1",
        "v=1&gpu=b200",
        "v=1&gpu=a100-80g-sxm",
        "v=1&gpu=h20",
        "v=1&gpu=mi300x",
        "v=1&gpu=gaudi3",
    ] {
        let colours = colour_of(q);
        // No two curves of one chart share a colour.
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                assert_ne!(a.1, b.1, "{q}: {} and {}", a.0, b.0);
            }
        }
        // The same accelerator, the same colour, in every scenario.
        for (label, colour) in colours {
            match seen.iter().find(|(l, _)| *l == label) {
                Some((_, before)) => assert_eq!(*before, colour, "{label} changed colour with {q}"),
                None => seen.push((label, colour)),
            }
        }
    }
    // The H100 stays blue and the B200 green, chosen or not.
    let h100 = seen.iter().find(|(l, _)| l == "H100 SXM5").unwrap().1;
    let b200 = seen.iter().find(|(l, _)| l == "B200 (HGX)").unwrap().1;
    assert_eq!(h100, LIGHT.palette[0]);
    assert_eq!(b200, LIGHT.palette[2]);
}

#[test]
fn compared_scenarios_keep_their_colours_whatever_the_accelerator_on_screen() {
    let plan = |name: &str, q: &str| {
        let s = query::parse(q).scenario;
        Compared {
            name: name.into(),
            report: estimate(&s),
            scenario: s,
        }
    };
    // Their own curves (another MFU), not ones that would merge into the on-screen curve.
    let compared = [
        plan("Plan A", "v=1&gpus=1024&mfu=0.3"),
        plan("Plan B", "v=1&gpu=b200&gpus=512&mfu=0.5"),
    ];
    let mut before = None;
    for q in [
        "v=1&gpus=8192",
        "v=1&gpu=b200&gpus=8192",
        "v=1&gpu=mi300x&gpus=8192",
    ] {
        let (s, r) = scenario(q);
        let data = days_chart(&s, &r, Lang::En, &compared);
        let colours: Vec<(String, usize)> = data
            .curves
            .iter()
            .map(|c| (c.label.clone(), c.color))
            .collect();
        // The scenario on screen is named so, and drawn in its own colour, unlike the compared.
        assert!(colours[0].0.starts_with("On screen"), "{colours:?}");
        let named: Vec<_> = colours[1..].to_vec();
        assert_eq!(
            named.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(),
            ["Plan A", "Plan B"]
        );
        assert!(named.iter().all(|c| c.1 != colours[0].1));
        if let Some(b) = &before {
            assert_eq!(b, &named, "{q}");
        }
        before = Some(named);
    }
}
