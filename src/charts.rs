//! The two charts, drawn with plotters on any backend: a canvas in the browser, an SVG string
//! in native tests. The data arrive precomputed from the core; this module only draws. Legends
//! are HTML beside the canvas (translatable, never covering the data), so colours are public.

use plotters::coord::Shift;
use plotters::prelude::*;

/// Colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Background.
    pub bg: RGBColor,
    /// Text and axes.
    pub fg: RGBColor,
    /// Grid lines.
    pub grid: RGBColor,
    /// Series colours; the first is the chosen accelerator.
    pub palette: [RGBColor; 5],
    /// The "does not fit" shade and the HBM line.
    pub warn: RGBColor,
}

/// Light theme (colour-blind-safe palette: Okabe and Ito 2008).
pub const LIGHT: Theme = Theme {
    bg: RGBColor(255, 255, 255),
    fg: RGBColor(33, 37, 41),
    grid: RGBColor(226, 230, 234),
    palette: [
        RGBColor(0, 114, 178),
        RGBColor(230, 159, 0),
        RGBColor(0, 158, 115),
        RGBColor(204, 121, 167),
        RGBColor(86, 180, 233),
    ],
    warn: RGBColor(213, 94, 0),
};

/// Dark theme.
pub const DARK: Theme = Theme {
    bg: RGBColor(24, 26, 31),
    fg: RGBColor(222, 226, 230),
    grid: RGBColor(52, 56, 64),
    palette: [
        RGBColor(86, 180, 233),
        RGBColor(240, 180, 60),
        RGBColor(60, 200, 150),
        RGBColor(220, 140, 190),
        RGBColor(150, 200, 255),
    ],
    warn: RGBColor(255, 120, 60),
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

fn font<'a>(size: f64, color: &'a RGBColor) -> TextStyle<'a> {
    TextStyle::from(("sans-serif", size).into_font()).color(color)
}

/// Whole-number tick labels for a log axis: 1, 10, 100, 1k, 10k.
fn log_label(v: f64) -> String {
    let e = v.log10();
    if (e - e.round()).abs() > 1e-6 {
        return String::new();
    }
    match v {
        v if v >= 1e6 => format!("{}M", v / 1e6),
        v if v >= 1e3 => format!("{}k", v / 1e3),
        v => format!("{v}"),
    }
}

/// Draws training days (log y) against GPU count (log x). `scale` is the device pixel ratio.
pub fn draw_days<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &DaysChart,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.bg)?;
    let px = |v: f64| (v * scale).round() as u32;
    let all = c.curves.iter().flat_map(|k| k.points.iter());
    let (x0, x1) = all
        .clone()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = all.fold((c.deadline, c.deadline), |(a, b), p| {
        (a.min(p.1), b.max(p.1))
    });
    if !(x0.is_finite() && x1 > x0 && y0 > 0.0 && y1.is_finite()) {
        return Ok(());
    }
    let (y0, y1) = (
        10f64.powf(y0.log10().floor()),
        10f64.powf(y1.log10().ceil()),
    );
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .x_label_area_size(px(40.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())?;
    chart
        .configure_mesh()
        .x_desc(c.text[0].as_str())
        .y_desc(c.text[1].as_str())
        .label_style(font(12.0 * scale, &theme.fg))
        .axis_desc_style(font(13.0 * scale, &theme.fg))
        .axis_style(theme.fg)
        .bold_line_style(theme.grid)
        .light_line_style(theme.bg)
        .x_label_formatter(&|v| log_label(*v))
        .y_label_formatter(&|v| log_label(*v))
        .draw()?;
    if c.fits_from > x0 {
        let right = c.fits_from.min(x1);
        chart.draw_series(std::iter::once(Rectangle::new(
            [(x0, y0), (right, y1)],
            theme.warn.mix(0.12).filled(),
        )))?;
    }
    for (i, curve) in c.curves.iter().enumerate().rev() {
        let color = theme.palette[i % theme.palette.len()];
        let width = if i == 0 { px(3.0) } else { px(1.5) };
        chart.draw_series(LineSeries::new(
            curve.points.iter().copied(),
            color.stroke_width(width),
        ))?;
    }
    chart.draw_series(LineSeries::new(
        [(x0, c.deadline), (x1, c.deadline)],
        theme.warn.stroke_width(px(1.5)),
    ))?;
    let current = c.current;
    chart.draw_series(std::iter::once(Circle::new(
        current,
        px(6.0),
        theme.palette[0].filled(),
    )))?;
    chart.draw_series(std::iter::once(Circle::new(
        current,
        px(6.0),
        theme.fg.stroke_width(px(1.5)),
    )))?;
    root.present()
}

/// Draws stacked memory bars with the device memory as a line.
pub fn draw_memory<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &MemoryChart,
    theme: &Theme,
    scale: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.bg)?;
    let px = |v: f64| (v * scale).round() as u32;
    let top = c
        .values
        .iter()
        .map(|v| v.iter().sum::<f64>())
        .fold(c.hbm_gb, f64::max)
        * 1.1;
    if !(top.is_finite() && top > 0.0) || c.bars.is_empty() {
        return Ok(());
    }
    let n = c.bars.len() as f64;
    let mut chart = ChartBuilder::on(root)
        .margin(px(10.0))
        .x_label_area_size(px(30.0))
        .y_label_area_size(px(56.0))
        .build_cartesian_2d(-0.5..n - 0.5, 0.0..top)?;
    let labels = c.bars.clone();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(c.bars.len())
        .x_label_formatter(&|v| {
            let i = v.round();
            if (v - i).abs() < 1e-6 && i >= 0.0 {
                labels.get(i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_desc(c.text[0].as_str())
        .label_style(font(12.0 * scale, &theme.fg))
        .axis_desc_style(font(13.0 * scale, &theme.fg))
        .axis_style(theme.fg)
        .bold_line_style(theme.grid)
        .light_line_style(theme.bg)
        .draw()?;
    for p in 0..c.parts.len() {
        let color = theme.palette[p % theme.palette.len()];
        let rects = c.values.iter().enumerate().map(move |(b, parts)| {
            let base: f64 = parts[..p].iter().sum();
            let x = b as f64;
            Rectangle::new(
                [(x - 0.32, base), (x + 0.32, base + parts[p])],
                color.filled(),
            )
        });
        chart.draw_series(rects)?;
    }
    chart.draw_series(LineSeries::new(
        [(-0.5, c.hbm_gb), (n - 0.5, c.hbm_gb)],
        theme.warn.stroke_width(px(2.0)),
    ))?;
    root.present()
}
