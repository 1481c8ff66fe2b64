//! The two charts, drawn as SVG markup: the page puts it in the DOM (sharp at any pixel ratio,
//! restyled by nothing, and the export is the same string). The data arrive precomputed from the
//! core; this module only draws. Legends are HTML beside the chart (translatable, never covering
//! the data), so colours are public.
//!
//! Written here rather than with plotters: these two charts need lines, rectangles, text and
//! decade ticks, about 250 lines, while plotters' generic drawing stack measured 20 KB of the
//! page's 150 KB gzip budget (issue #6).

use crate::human::escape;
use std::fmt::Write;

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// CSS notation, `#rrggbb`.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Background.
    pub bg: Rgb,
    /// Text and axes.
    pub fg: Rgb,
    /// Grid lines.
    pub grid: Rgb,
    /// Series colours; the first is the chosen accelerator.
    pub palette: [Rgb; 5],
    /// The "does not fit" shade and the HBM line.
    pub warn: Rgb,
}

/// Light theme (colour-blind-safe palette: Okabe and Ito 2008).
pub const LIGHT: Theme = Theme {
    bg: Rgb(255, 255, 255),
    fg: Rgb(33, 37, 41),
    grid: Rgb(226, 230, 234),
    palette: [
        Rgb(0, 114, 178),
        Rgb(230, 159, 0),
        Rgb(0, 158, 115),
        Rgb(204, 121, 167),
        Rgb(86, 180, 233),
    ],
    warn: Rgb(213, 94, 0),
};

/// Dark theme.
pub const DARK: Theme = Theme {
    bg: Rgb(24, 26, 31),
    fg: Rgb(222, 226, 230),
    grid: Rgb(52, 56, 64),
    palette: [
        Rgb(86, 180, 233),
        Rgb(240, 180, 60),
        Rgb(60, 200, 150),
        Rgb(220, 140, 190),
        Rgb(150, 200, 255),
    ],
    warn: Rgb(255, 120, 60),
};

/// One curve of the GPU-count chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// Legend text.
    pub label: String,
    /// (GPUs, days) points, increasing in GPUs.
    pub points: Vec<(f64, f64)>,
}

/// Everything the GPU-count-vs-days chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DaysChart {
    /// The chosen accelerator first, then the comparisons.
    pub curves: Vec<Curve>,
    /// Deadline, days.
    pub deadline: f64,
    /// The current choice (GPUs, days).
    pub current: (f64, f64),
    /// GPU counts below this do not fit in memory (`f64::INFINITY`: nothing fits).
    pub fits_from: f64,
    /// Axis texts: x axis, y axis.
    pub text: [String; 2],
}

/// Everything the memory chart shows: one stacked bar per case.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryChart {
    /// Bar labels.
    pub bars: Vec<String>,
    /// Per bar, the stacked parts in GB, in the order of `parts`.
    pub values: Vec<Vec<f64>>,
    /// Names of the stacked parts (for the legend the page draws).
    pub parts: Vec<String>,
    /// Device memory, GB.
    pub hbm_gb: f64,
    /// Axis text.
    pub text: [String; 1],
}

/// A coordinate written to a tenth of a pixel (`12.3`, `40`, `-0.5`) with integer arithmetic:
/// formatting floats was the slowest part of drawing a chart. Not-a-number writes as 0.
#[derive(Clone, Copy)]
struct Px(f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let tenths = (self.0 * 10.0).round() as i64;
        let (whole, tenth) = (tenths / 10, (tenths % 10).abs());
        if tenths < 0 && whole == 0 {
            f.write_str("-")?;
        }
        if tenth == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{tenth}")
        }
    }
}

/// An SVG document being written; coordinates are pixels from the top left.
struct Svg {
    out: String,
}

impl Svg {
    fn new(w: f64, h: f64, bg: Rgb) -> Self {
        let mut out = String::with_capacity(8 * 1024);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, sans-serif\" font-size=\"12\"><rect width=\"{w}\" height=\"{h}\" fill=\"{}\"/>",
            bg.css()
        );
        Svg { out }
    }

    fn line(&mut self, (x1, y1): (f64, f64), (x2, y2): (f64, f64), color: Rgb, width: f64) {
        let (x1, y1, x2, y2) = (Px(x1), Px(y1), Px(x2), Px(y2));
        let _ = write!(
            self.out,
            "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            color.css(),
            Px(width)
        );
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, fill: Rgb, opacity: &str) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" fill-opacity=\"{opacity}\"/>",
            Px(x),
            Px(y),
            Px(w.max(0.0)),
            Px(h.max(0.0)),
            fill.css()
        );
    }

    fn polyline(&mut self, points: impl Iterator<Item = (f64, f64)>, color: Rgb, width: f64) {
        self.out
            .push_str("<polyline fill=\"none\" stroke-linejoin=\"round\" points=\"");
        for (x, y) in points {
            let _ = write!(self.out, "{},{} ", Px(x), Px(y));
        }
        let _ = write!(
            self.out,
            "\" stroke=\"{}\" stroke-width=\"{}\"/>",
            color.css(),
            Px(width)
        );
    }

    /// Text anchored at (x, y): `anchor` is `start`, `middle` or `end`; `dy` shifts it down in
    /// ems (0.35 centres it on y).
    fn text(&mut self, (x, y): (f64, f64), anchor: &str, dy: &str, text: &str, color: Rgb) {
        let (x, y) = (Px(x), Px(y));
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}em\" text-anchor=\"{anchor}\" fill=\"{}\">{}</text>",
            color.css(),
            escape(text)
        );
    }

    /// A y-axis title, turned a quarter left and centred on (x, y).
    fn vertical_title(&mut self, (x, y): (f64, f64), text: &str, color: Rgb) {
        let (x, y) = (Px(x), Px(y));
        let _ = write!(
            self.out,
            "<text transform=\"translate({x} {y}) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" fill=\"{}\">{}</text>",
            color.css(),
            escape(text)
        );
    }

    fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// The plotting area inside the margins, and the map from data to pixels on each axis.
struct Frame {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

/// One axis: data range and scale.
#[derive(Clone, Copy)]
struct Axis {
    lo: f64,
    hi: f64,
    log: bool,
}

impl Axis {
    /// Where `v` falls, from 0 (lo) to 1 (hi).
    fn at(self, v: f64) -> f64 {
        if self.log {
            (v.ln() - self.lo.ln()) / (self.hi.ln() - self.lo.ln())
        } else {
            (v - self.lo) / (self.hi - self.lo)
        }
    }
}

impl Frame {
    fn x(&self, axis: Axis, v: f64) -> f64 {
        self.left + axis.at(v) * (self.right - self.left)
    }
    fn y(&self, axis: Axis, v: f64) -> f64 {
        self.bottom - axis.at(v) * (self.bottom - self.top)
    }
}

/// Whole-number tick labels for a log axis: 1, 10, 100, 1k, 10k, 1M.
fn log_label(v: f64) -> String {
    match v {
        v if v >= 1e6 => format!("{}M", v / 1e6),
        v if v >= 1e3 => format!("{}k", v / 1e3),
        v => format!("{v}"),
    }
}

/// The powers of ten from `lo` to `hi`.
fn decades(lo: f64, hi: f64) -> Vec<f64> {
    let (a, b) = (lo.log10().ceil() as i32, hi.log10().floor() as i32);
    (a..=b).map(|e| 10f64.powi(e)).collect()
}

/// Round ticks from 0 to `hi`: steps of 1, 2 or 5 times a power of ten, at most six of them.
fn linear_ticks(hi: f64) -> Vec<f64> {
    let raw = hi / 6.0;
    let p = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p);
    (0..)
        .map(|i| f64::from(i) * step)
        .take_while(|v| *v <= hi)
        .collect()
}

/// Tick label of a linear axis: whole numbers when the values are, else one decimal.
fn linear_label(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v}")
    } else {
        format!("{v:.1}")
    }
}

/// Draws training days (log y) against GPU count (log x), `w`×`h` pixels.
pub fn days_svg(c: &DaysChart, theme: &Theme, (w, h): (f64, f64)) -> String {
    let mut svg = Svg::new(w, h, theme.bg);
    let all = c.curves.iter().flat_map(|k| k.points.iter());
    let (x0, x1) = all
        .clone()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = all.fold((c.deadline, c.deadline), |(a, b), p| {
        (a.min(p.1), b.max(p.1))
    });
    if !(x0 > 0.0 && x1 > x0 && y0 > 0.0 && y1.is_finite() && w > 80.0 && h > 60.0) {
        return svg.finish();
    }
    let x = Axis {
        lo: x0,
        hi: x1,
        log: true,
    };
    let y = Axis {
        lo: 10f64.powf(y0.log10().floor()),
        hi: 10f64
            .powf(y1.log10().ceil())
            .max(10f64.powf(y0.log10().floor() + 1.0)),
        log: true,
    };
    let f = Frame {
        left: 66.0,
        top: 10.0,
        right: w - 10.0,
        bottom: h - 40.0,
    };
    for t in decades(x.lo, x.hi) {
        let px = f.x(x, t);
        svg.line((px, f.top), (px, f.bottom), theme.grid, 1.0);
        svg.text(
            (px, f.bottom + 6.0),
            "middle",
            "0.8",
            &log_label(t),
            theme.fg,
        );
    }
    for t in decades(y.lo, y.hi) {
        let py = f.y(y, t);
        svg.line((f.left, py), (f.right, py), theme.grid, 1.0);
        svg.text((f.left - 6.0, py), "end", "0.35", &log_label(t), theme.fg);
    }
    if c.fits_from > x.lo {
        let right = f.x(x, c.fits_from.min(x.hi));
        svg.rect(
            f.left,
            f.top,
            right - f.left,
            f.bottom - f.top,
            theme.warn,
            "0.12",
        );
    }
    for (i, curve) in c.curves.iter().enumerate().rev() {
        let color = theme.palette[i % theme.palette.len()];
        let points = curve.points.iter().map(|p| (f.x(x, p.0), f.y(y, p.1)));
        svg.polyline(points, color, if i == 0 { 3.0 } else { 1.5 });
    }
    let dy = f.y(y, c.deadline);
    svg.line((f.left, dy), (f.right, dy), theme.warn, 1.5);
    axes(&mut svg, &f, theme.fg);
    svg.text(
        ((f.left + f.right) / 2.0, h - 4.0),
        "middle",
        "0",
        &c.text[0],
        theme.fg,
    );
    svg.vertical_title((16.0, (f.top + f.bottom) / 2.0), &c.text[1], theme.fg);
    // The current choice last, in a group of its own: dragging the GPU count moves only this.
    svg.out.push_str(LIVE_OPEN);
    let (cx, cy) = (f.x(x, c.current.0), f.y(y, c.current.1));
    if cx.is_finite() && cy.is_finite() {
        let (cx, cy) = (Px(cx), Px(cy));
        let _ = write!(
            svg.out,
            "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"6\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>",
            theme.palette[0].css(),
            theme.fg.css()
        );
    }
    svg.out.push_str("</g>");
    svg.finish()
}

/// Opens the group of a chart's markup that changes most often (the current choice). A page
/// whose chart differs only inside it can rewrite just that group.
pub const LIVE_OPEN: &str = "<g data-live=\"1\">";

/// The smallest of 1, 2 or 5 times a power of ten that is at least `x`: an axis end that stays
/// put while a value is dragged, and reads well.
pub fn nice_ceiling(x: f64) -> f64 {
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|v| *v >= x * (1.0 - 1e-12))
        .unwrap_or(10.0 * p)
}

fn axes(svg: &mut Svg, f: &Frame, color: Rgb) {
    svg.line((f.left, f.top), (f.left, f.bottom), color, 1.0);
    svg.line((f.left, f.bottom), (f.right, f.bottom), color, 1.0);
}

/// Draws stacked memory bars with the device memory as a line, `w`×`h` pixels.
pub fn memory_svg(c: &MemoryChart, theme: &Theme, (w, h): (f64, f64)) -> String {
    let mut svg = Svg::new(w, h, theme.bg);
    let top = c
        .values
        .iter()
        .map(|v| v.iter().sum::<f64>())
        .fold(c.hbm_gb, f64::max)
        * 1.1;
    if !(top.is_finite() && top > 0.0) || c.bars.is_empty() || w < 80.0 || h < 60.0 {
        return svg.finish();
    }
    let y = Axis {
        lo: 0.0,
        hi: top,
        log: false,
    };
    let f = Frame {
        left: 66.0,
        top: 10.0,
        right: w - 10.0,
        bottom: h - 30.0,
    };
    for t in linear_ticks(top) {
        let py = f.y(y, t);
        svg.line((f.left, py), (f.right, py), theme.grid, 1.0);
        svg.text(
            (f.left - 6.0, py),
            "end",
            "0.35",
            &linear_label(t),
            theme.fg,
        );
    }
    let slot = (f.right - f.left) / c.bars.len() as f64;
    for (b, (label, parts)) in c.bars.iter().zip(&c.values).enumerate() {
        let center = f.left + (b as f64 + 0.5) * slot;
        let mut base = 0.0;
        for (p, v) in parts.iter().enumerate() {
            let (y_lo, y_hi) = (f.y(y, base), f.y(y, base + v));
            svg.rect(
                center - 0.32 * slot,
                y_hi,
                0.64 * slot,
                y_lo - y_hi,
                theme.palette[p % theme.palette.len()],
                "1",
            );
            base += v;
        }
        svg.text((center, f.bottom + 6.0), "middle", "0.8", label, theme.fg);
    }
    let hy = f.y(y, c.hbm_gb);
    svg.line((f.left, hy), (f.right, hy), theme.warn, 2.0);
    axes(&mut svg, &f, theme.fg);
    svg.vertical_title((16.0, (f.top + f.bottom) / 2.0), &c.text[0], theme.fg);
    svg.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days() -> DaysChart {
        DaysChart {
            curves: vec![
                Curve {
                    label: "H100".into(),
                    points: vec![(8.0, 900.0), (80.0, 90.0), (8000.0, 0.9)],
                },
                Curve {
                    label: "A100".into(),
                    points: vec![(8.0, 2700.0), (8000.0, 2.7)],
                },
            ],
            deadline: 90.0,
            current: (80.0, 90.0),
            fits_from: 16.0,
            text: ["GPUs".into(), "days".into()],
        }
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(decades(8.0, 8000.0), vec![10.0, 100.0, 1000.0]);
        assert_eq!(linear_ticks(88.0), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(
            linear_ticks(0.5),
            vec![0.0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5]
        );
        assert_eq!(log_label(1e4), "10k");
        assert_eq!(log_label(1e6), "1M");
        assert_eq!(linear_label(0.30000000000000004), "0.3");
    }

    #[test]
    fn coordinates_to_a_tenth() {
        let show = |v| Px(v).to_string();
        assert_eq!(show(12.34), "12.3");
        assert_eq!(show(40.0), "40");
        assert_eq!(show(39.96), "40");
        assert_eq!(show(-0.5), "-0.5");
        assert_eq!(show(-12.25), "-12.3");
        assert_eq!(show(f64::NAN), "0");
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(1234.0), 2000.0);
        assert_eq!(nice_ceiling(2000.0), 2000.0);
        assert_eq!(nice_ceiling(2001.0), 5000.0);
        assert_eq!(nice_ceiling(6.0), 10.0);
        assert_eq!(nice_ceiling(0.3), 0.5);
    }

    #[test]
    fn the_current_choice_is_drawn_last_in_its_own_group() {
        let mut c = days();
        let a = days_svg(&c, &LIGHT, (500.0, 300.0));
        c.current = (800.0, 9.0);
        let b = days_svg(&c, &LIGHT, (500.0, 300.0));
        let (base_a, live_a) = a.split_at(a.find(LIVE_OPEN).unwrap());
        let (base_b, live_b) = b.split_at(b.find(LIVE_OPEN).unwrap());
        assert_eq!(base_a, base_b);
        assert_ne!(live_a, live_b);
        assert!(live_b.contains("<circle") && live_b.ends_with("</g></svg>"));
    }

    #[test]
    fn days_chart_draws_each_curve_inside_the_frame() {
        let svg = days_svg(&days(), &LIGHT, (500.0, 300.0));
        assert_eq!(svg.matches("<polyline").count(), 2);
        // Every curve point lies within the plotting area (66..490 x 10..260).
        for points in svg.split("points=\"").skip(1) {
            for xy in points.split('"').next().unwrap().split_whitespace() {
                let (x, y) = xy.split_once(',').unwrap();
                let (x, y): (f64, f64) = (x.parse().unwrap(), y.parse().unwrap());
                assert!(
                    (66.0..=490.0).contains(&x) && (10.0..=260.0).contains(&y),
                    "{xy}"
                );
            }
        }
        // The GPU counts below 16 do not fit: a shaded band from the left edge.
        assert!(svg.contains("fill-opacity=\"0.12\""));
        assert!(svg.contains(">1k</text>") && svg.contains(">days</text>"));
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
    }

    #[test]
    fn memory_chart_stacks_parts_and_escapes_labels() {
        let c = MemoryChart {
            bars: vec!["ZeRO-0".into(), "<b>mine</b>".into()],
            values: vec![
                vec![10.0, 20.0, 0.0, 5.0, 0.0],
                vec![10.0, 5.0, 5.0, 5.0, 0.0],
            ],
            parts: vec!["w".into(), "g".into(), "o".into(), "a".into(), "kv".into()],
            hbm_gb: 80.0,
            text: ["GB".into()],
        };
        let svg = memory_svg(&c, &DARK, (330.0, 300.0));
        assert_eq!(svg.matches("<rect").count(), 1 + 10);
        assert!(svg.contains("&lt;b&gt;mine&lt;/b&gt;") && !svg.contains("<b>"));
    }

    #[test]
    fn degenerate_data_draw_an_empty_chart() {
        let mut c = days();
        c.curves.clear();
        let svg = days_svg(&c, &LIGHT, (500.0, 300.0));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("<polyline") && !svg.contains("NaN"));
        // Too small to draw in.
        assert!(!days_svg(&days(), &LIGHT, (40.0, 30.0)).contains("<polyline"));
    }
}
