//! The charts, drawn with plotters on any `DrawingBackend`: a `<canvas>` in the page
//! (plotters-canvas), SVG in the native snapshot tests and in the SVG export. The data arrive
//! precomputed from the core; this module only draws, and knows nothing of Leptos.
//!
//! Every length is given in CSS pixels and multiplied by [`Style::scale`], the device pixel
//! ratio: plotters-canvas draws in backing-store pixels and does not scale by itself (plotters
//! issue #164), so fonts, margins and strokes are scaled here. Each draw returns the [`Frame`]
//! of its plotting area in CSS pixels, so the page can tell what is under the pointer.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// CSS notation, `#rrggbb`.
    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    fn color(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
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
    /// Series colours. The days chart picks each curve's slot itself ([`Curve::color`]), so an
    /// accelerator keeps its colour whichever is chosen; the bar charts colour their parts in
    /// order.
    pub palette: [Rgb; 9],
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
        Rgb(240, 228, 66),
        Rgb(120, 120, 120),
        // The step chart's expert collectives (ETP, EDP): Okabe-Ito's vermillion and black.
        Rgb(213, 94, 0),
        Rgb(0, 0, 0),
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
        Rgb(240, 228, 66),
        Rgb(170, 170, 170),
        Rgb(255, 120, 60),
        Rgb(235, 235, 235),
    ],
    warn: Rgb(255, 120, 60),
};

/// One curve of the GPU-count chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// Legend text (accelerators with the same curve share one, `H100 SXM / H800 SXM`).
    pub label: String,
    /// (GPUs, days) points, increasing in GPUs.
    pub points: Vec<(f64, f64)>,
    /// Its colour, a slot of the theme's palette: fixed per accelerator (or per compared
    /// scenario) by the chart's data, never by the curve's position.
    pub color: usize,
}

/// The words a chart shows, in the page's language.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Words {
    /// The x axis.
    pub x_axis: String,
    /// The y axis.
    pub y_axis: String,
    /// The deadline line (days chart) or the HBM line (memory chart).
    pub limit: String,
    /// The region where the configuration does not fit (days chart).
    pub not_fit: String,
    /// The current choice.
    pub current: String,
    /// The language of the tick labels (1万 in Chinese, 10k in English).
    pub lang: crate::lang::Lang,
}

/// Everything the GPU-count-vs-days chart shows.
#[derive(Clone, Debug, PartialEq)]
pub struct DaysChart {
    /// The chosen accelerator (or the scenario on screen) first, then the comparisons.
    pub curves: Vec<Curve>,
    /// Deadline, days.
    pub deadline: f64,
    /// The current choice (GPUs, days).
    pub current: (f64, f64),
    /// The choices of compared scenarios, by name: their curves often coincide with the current
    /// one (the same model on the same accelerator), so each choice is marked and named.
    pub marks: Vec<(String, (f64, f64))>,
    /// GPU counts below this do not fit in memory (`f64::INFINITY`: nothing fits).
    pub fits_from: f64,
    /// Axis and legend words.
    pub words: Words,
}

/// Everything a stacked-bar chart shows (memory per device, or where a step's time goes): one
/// stacked bar per case.
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryChart {
    /// Bar labels.
    pub bars: Vec<String>,
    /// Per bar, the stacked parts in GB, in the order of `parts`.
    pub values: Vec<Vec<f64>>,
    /// Per bar, the memory it stands for in GB (the sum of its parts).
    pub totals: Vec<f64>,
    /// Names of the stacked parts.
    pub parts: Vec<String>,
    /// The bar of the scenario's own configuration (its ZeRO stage), outlined.
    pub chosen: Option<usize>,
    /// Device memory, GB, drawn as a line; 0 for none (the step chart).
    pub hbm_gb: f64,
    /// Axis and legend words.
    pub words: Words,
}

/// How a chart is drawn: the pixel ratio, and for exports a title and the legend inside the
/// image (on the page both are HTML beside the canvas).
#[derive(Clone, Copy, Debug)]
pub struct Style<'a> {
    /// Device pixels per CSS pixel.
    pub scale: f64,
    /// Colours.
    pub theme: &'a Theme,
    /// A title above the chart (exports).
    pub title: Option<&'a str>,
    /// The legend drawn under the chart (exports).
    pub legend: bool,
}

impl Style<'_> {
    fn px(&self, css: f64) -> i32 {
        (css * self.scale).round() as i32
    }

    fn font(&self, css: f64, color: Rgb) -> TextStyle<'static> {
        text_style(css * self.scale, FontStyle::Normal, color)
    }

    fn stroke(&self, color: Rgb, css: f64) -> ShapeStyle {
        color.color().stroke_width(self.px(css).max(1) as u32)
    }
}

/// A sans-serif font at a size in device pixels. Plotters draws a font of size `s` at `s / 1.24`
/// pixels (its point-to-pixel factor), so the size is raised by that much.
fn text_style(size: f64, weight: FontStyle, color: Rgb) -> TextStyle<'static> {
    TextStyle {
        font: FontDesc::new(FontFamily::SansSerif, size * 1.24, weight),
        color: color.color().to_backend_color(),
        pos: Pos::default(),
    }
}

/// One legend entry: a label, a colour and whether it is a line (else a filled box).
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    /// Text.
    pub label: String,
    /// Colour.
    pub color: Rgb,
    /// A line (a series) rather than a box (an area).
    pub line: bool,
}

/// A linear or logarithmic axis range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// Low end.
    pub lo: f64,
    /// High end.
    pub hi: f64,
    /// Logarithmic.
    pub log: bool,
}

impl Axis {
    /// The value at fraction `t` (0 at `lo`, 1 at `hi`).
    pub fn value_at(self, t: f64) -> f64 {
        if self.log {
            (self.lo.ln() + t * (self.hi.ln() - self.lo.ln())).exp()
        } else {
            self.lo + t * (self.hi - self.lo)
        }
    }
}

/// Where a chart's plotting area is, in CSS pixels, and what its axes span: enough to tell what
/// the pointer is over.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// The x axis.
    pub x: Axis,
    /// The y axis.
    pub y: Axis,
}

impl Frame {
    /// The x value under a pointer at CSS pixel `px`, if it is inside the plotting area.
    pub fn x_at(&self, px: f64) -> Option<f64> {
        let t = (px - self.left) / (self.right - self.left);
        (0.0..=1.0).contains(&t).then(|| self.x.value_at(t))
    }
}

/// A drawing error of any backend, as text (the page logs it; tests fail on it).
pub type DrawResult<T> = Result<T, String>;

fn err<E: std::fmt::Debug>(e: E) -> String {
    format!("{e:?}")
}

/// The tick formatter of a language (plain functions: the mesh keeps a `'static` reference).
fn ticks(lang: crate::lang::Lang) -> &'static dyn Fn(&f64) -> String {
    fn en(v: &f64) -> String {
        tick_label(*v, crate::lang::Lang::En)
    }
    fn zh(v: &f64) -> String {
        tick_label(*v, crate::lang::Lang::Zh)
    }
    match lang {
        crate::lang::Lang::En => &en,
        crate::lang::Lang::Zh => &zh,
    }
}

/// A short tick label: `100k`, `2M`, `0.5`; in Chinese `10万`, `1亿`, as the cards count.
fn tick_label(v: f64, lang: crate::lang::Lang) -> String {
    let (m, suffix) = crate::human::words(lang)
        .iter()
        .find(|(scale, _)| v.abs() >= *scale)
        .map_or((v, ""), |&(scale, word)| (v / scale, word));
    let m = (m * 100.0).round() / 100.0;
    format!("{m}{suffix}")
}

impl Theme {
    /// The colour of a palette slot (wrapping past the end).
    pub fn slot(&self, i: usize) -> Rgb {
        self.palette[i % self.palette.len()]
    }
}

impl DaysChart {
    /// The palette slot of the chosen curve, which the current choice is drawn in.
    fn chosen_color(&self) -> usize {
        self.curves.first().map_or(0, |c| c.color)
    }
}

/// The legend keys of the GPU-count chart.
pub fn days_keys(d: &DaysChart, t: &Theme) -> Vec<Key> {
    let mut keys: Vec<Key> = d
        .curves
        .iter()
        .map(|c| Key {
            label: c.label.clone(),
            color: t.slot(c.color),
            line: true,
        })
        .collect();
    keys.push(Key {
        label: d.words.limit.clone(),
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
            label: d.words.not_fit.clone(),
            color: t.warn,
            line: false,
        });
    }
    keys.push(Key {
        label: d.words.current.clone(),
        color: t.slot(d.chosen_color()),
        line: false,
    });
    keys
}

/// The legend keys of the memory chart.
pub fn memory_keys(d: &MemoryChart, t: &Theme) -> Vec<Key> {
    let mut keys: Vec<Key> = d
        .parts
        .iter()
        .enumerate()
        .map(|(i, p)| Key {
            label: p.clone(),
            color: t.slot(i),
            line: false,
        })
        .collect();
    if d.hbm_gb > 0.0 {
        keys.push(Key {
            label: d.words.limit.clone(),
            color: t.warn,
            line: true,
        });
    }
    keys
}

/// The area left for the plot once the background, the title and (for exports) the legend are
/// drawn.
fn frame_area<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    style: &Style,
    keys: &[Key],
) -> DrawResult<DrawingArea<DB, Shift>> {
    root.fill(&style.theme.bg.color()).map_err(err)?;
    let mut area = root.clone();
    if let Some(title) = style.title {
        area = area
            .titled(title, style.font(15.0, style.theme.fg))
            .map_err(err)?;
    }
    if !style.legend || keys.is_empty() {
        return Ok(area);
    }
    // Keys flow left to right in rows under the plot.
    let (w, _) = area.dim_in_pixel();
    let font = style.font(12.0, style.theme.fg);
    let (gap, swatch, row_h) = (style.px(16.0), style.px(14.0), style.px(20.0));
    let widths: Vec<i32> = keys
        .iter()
        .map(|k| {
            area.estimate_text_size(&k.label, &font)
                .map_or(0, |(tw, _)| tw as i32)
                + swatch
                + style.px(6.0)
        })
        .collect();
    let mut rows = 1;
    let mut x = 0;
    for kw in &widths {
        if x > 0 && x + kw > w as i32 {
            rows += 1;
            x = 0;
        }
        x += kw + gap;
    }
    let legend_h = rows * row_h + style.px(8.0);
    let (_, h) = area.dim_in_pixel();
    let (plot, legend) = area.split_vertically(h as i32 - legend_h);
    let (mut x, mut y) = (style.px(8.0), style.px(4.0));
    for (k, kw) in keys.iter().zip(widths) {
        if x > style.px(8.0) && x + kw > w as i32 {
            x = style.px(8.0);
            y += row_h;
        }
        let mid = y + row_h / 2;
        let color = k.color.color();
        if k.line {
            legend
                .draw(&PathElement::new(
                    vec![(x, mid), (x + swatch, mid)],
                    style.stroke(k.color, 2.5),
                ))
                .map_err(err)?;
        } else {
            legend
                .draw(&Rectangle::new(
                    [(x, mid - swatch / 3), (x + swatch, mid + swatch / 3)],
                    color.filled(),
                ))
                .map_err(err)?;
        }
        legend
            .draw(&Text::new(
                k.label.clone(),
                (x + swatch + style.px(6.0), mid),
                font.pos(Pos::new(HPos::Left, VPos::Center)),
            ))
            .map_err(err)?;
        x += kw + gap;
    }
    Ok(plot)
}

/// The axes, labels and grid both charts share.
fn mesh_style<X, Y, DB>(
    mesh: &mut plotters::chart::MeshStyle<'_, '_, X, Y, DB>,
    style: &Style,
    lang: crate::lang::Lang,
) where
    X: plotters::coord::ranged1d::Ranged<ValueType = f64>,
    Y: plotters::coord::ranged1d::Ranged<ValueType = f64>,
    DB: DrawingBackend,
{
    let t = style.theme;
    mesh.label_style(style.font(12.0, t.fg))
        .axis_desc_style(style.font(13.0, t.fg))
        .axis_style(style.stroke(t.fg, 1.0))
        .bold_line_style(style.stroke(t.grid, 1.0))
        // Grid lines at the labels only: no light lines between them (drawn, they cost time on
        // every slider move and added nothing).
        .max_light_lines(0)
        .y_label_formatter(ticks(lang));
}

/// The plotting area's frame in CSS pixels.
fn frame_of<DB: DrawingBackend, CT: plotters::coord::CoordTranslate>(
    area: &DrawingArea<DB, CT>,
    style: &Style,
    x: Axis,
    y: Axis,
) -> Frame {
    let (xs, ys) = area.get_pixel_range();
    let s = style.scale;
    Frame {
        left: f64::from(xs.start) / s,
        right: f64::from(xs.end) / s,
        top: f64::from(ys.start) / s,
        bottom: f64::from(ys.end) / s,
        x,
        y,
    }
}

/// Draws GPU count vs training days on log-log axes: one curve per accelerator or compared
/// scenario, the deadline, the region where the configuration does not fit, and the current
/// choice. Returns the plotting area's frame, or `None` when there is nothing to draw.
pub fn draw_days<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &DaysChart,
    style: &Style,
) -> DrawResult<Option<Frame>> {
    let t = style.theme;
    let area = frame_area(root, style, &days_keys(c, t))?;
    let all = c.curves.iter().flat_map(|k| k.points.iter());
    let (x0, x1) = all
        .clone()
        .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = all
        .filter(|p| p.1.is_finite() && p.1 > 0.0)
        .fold((c.deadline, c.deadline), |(a, b), p| {
            (a.min(p.1), b.max(p.1))
        });
    let (w, h) = area.dim_in_pixel();
    if !(x0 > 0.0 && x1 > x0 && y0 > 0.0 && y1.is_finite())
        || f64::from(w) < 80.0 * style.scale
        || f64::from(h) < 60.0 * style.scale
    {
        return Ok(None);
    }
    // Whole decades on the y axis, so its labels are round.
    let y_lo = 10f64.powf(y0.log10().floor());
    let y_hi = 10f64.powf(y1.log10().ceil()).max(y_lo * 10.0);
    let mut chart = ChartBuilder::on(&area)
        .margin_top(style.px(10.0))
        // Room for half the last x label ("100k" was clipped to "100l").
        .margin_right(style.px(22.0))
        .x_label_area_size(style.px(46.0))
        .y_label_area_size(style.px(58.0))
        .build_cartesian_2d((x0..x1).log_scale(), (y_lo..y_hi).log_scale())
        .map_err(err)?;
    let mut mesh = chart.configure_mesh();
    mesh_style(&mut mesh, style, c.words.lang);
    mesh.x_desc(c.words.x_axis.as_str())
        .y_desc(c.words.y_axis.as_str())
        .x_labels(8)
        .y_labels(6)
        .x_label_formatter(ticks(c.words.lang))
        .draw()
        .map_err(err)?;
    if c.fits_from > x0 {
        let right = c.fits_from.min(x1);
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x0, y_lo), (right, y_hi)],
                t.warn.color().mix(0.12).filled(),
            )))
            .map_err(err)?;
    }
    for (i, curve) in c.curves.iter().enumerate().rev() {
        let color = t.slot(curve.color);
        let width = if i == 0 { 3.0 } else { 1.5 };
        chart
            .draw_series(LineSeries::new(
                curve
                    .points
                    .iter()
                    .copied()
                    .filter(|p| p.1.is_finite() && p.1 > 0.0),
                style.stroke(color, width),
            ))
            .map_err(err)?;
    }
    chart
        .draw_series(DashedLineSeries::new(
            [(x0, c.deadline), (x1, c.deadline)],
            style.px(6.0),
            style.px(4.0),
            style.stroke(t.warn, 1.5),
        ))
        .map_err(err)?;
    for (name, (mx, my)) in &c.marks {
        if !(mx.is_finite() && my.is_finite() && (x0..=x1).contains(mx) && *my > 0.0) {
            continue;
        }
        let at = (*mx, my.clamp(y_lo, y_hi));
        let label = text_style(11.0 * style.scale, FontStyle::Normal, t.fg)
            .pos(Pos::new(HPos::Left, VPos::Bottom));
        chart
            .draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Circle::new((0, 0), style.px(5.0), style.stroke(t.fg, 1.5))
                    + Text::new(name.clone(), (style.px(7.0), -style.px(5.0)), label),
            ))
            .map_err(err)?;
    }
    let (cx, cy) = c.current;
    if cx.is_finite() && cy.is_finite() && (x0..=x1).contains(&cx) && cy > 0.0 {
        chart
            .draw_series(std::iter::once(Circle::new(
                (cx, cy.clamp(y_lo, y_hi)),
                style.px(6.0),
                t.slot(c.chosen_color()).color().filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Circle::new(
                (cx, cy.clamp(y_lo, y_hi)),
                style.px(6.0),
                style.stroke(t.fg, 1.5),
            )))
            .map_err(err)?;
    }
    let frame = frame_of(
        chart.plotting_area(),
        style,
        Axis {
            lo: x0,
            hi: x1,
            log: true,
        },
        Axis {
            lo: y_lo,
            hi: y_hi,
            log: true,
        },
    );
    root.present().map_err(err)?;
    Ok(Some(frame))
}

/// A round number at or above `x` (1, 2 or 5 times a power of ten): the GPU-count axis ends
/// there, so it stays put while the count is dragged.
pub fn nice_ceiling(x: f64) -> f64 {
    let p = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * p)
        .find(|v| *v >= x * (1.0 - 1e-12))
        .unwrap_or(10.0 * p)
}

/// Draws the memory per device as stacked bars (weights, gradients, optimizer, activations, KV
/// cache), with the device's memory as a line and the chosen configuration outlined. Returns the
/// plotting area's frame (x from 0 to the number of bars), or `None` when there is nothing to
/// draw.
pub fn draw_memory<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &MemoryChart,
    style: &Style,
) -> DrawResult<Option<Frame>> {
    let t = style.theme;
    let area = frame_area(root, style, &memory_keys(c, t))?;
    let top = c.totals.iter().copied().fold(c.hbm_gb, f64::max) * 1.1;
    let (w, h) = area.dim_in_pixel();
    if !(top.is_finite() && top > 0.0)
        || c.bars.is_empty()
        || f64::from(w) < 80.0 * style.scale
        || f64::from(h) < 60.0 * style.scale
    {
        return Ok(None);
    }
    let n = c.bars.len() as f64;
    // Labels wider than a bar's slot (about 6.5 px a character at 11 px) would run into each
    // other on a narrow screen: every other one then goes a line lower.
    let widest = c.bars.iter().map(|b| b.chars().count()).max().unwrap_or(0) as f64;
    let slot = (f64::from(w) - 68.0 * style.scale) / n;
    let stagger = widest * 6.5 * style.scale > slot;
    let mut chart = ChartBuilder::on(&area)
        .margin_top(style.px(10.0))
        .margin_right(style.px(10.0))
        .x_label_area_size(style.px(if stagger { 42.0 } else { 28.0 }))
        .y_label_area_size(style.px(58.0))
        .build_cartesian_2d(0.0..n, 0.0..top)
        .map_err(err)?;
    let mut mesh = chart.configure_mesh();
    mesh_style(&mut mesh, style, c.words.lang);
    mesh.disable_x_mesh()
        .x_labels(0)
        .y_desc(c.words.y_axis.as_str())
        .y_labels(6)
        .draw()
        .map_err(err)?;
    for (b, parts) in c.values.iter().enumerate() {
        let left = b as f64 + 0.18;
        let right = b as f64 + 0.82;
        let mut base = 0.0;
        for (p, v) in parts.iter().enumerate() {
            if *v > 0.0 {
                let color = t.slot(p).color();
                chart
                    .draw_series(std::iter::once(Rectangle::new(
                        [(left, base), (right, base + v)],
                        color.filled(),
                    )))
                    .map_err(err)?;
            }
            base += v;
        }
        if c.chosen == Some(b) {
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(left - 0.04, 0.0), (right + 0.04, base.max(top * 0.01))],
                    style.stroke(t.fg, 2.0),
                )))
                .map_err(err)?;
        }
    }
    let labels = c.bars.iter().enumerate().map(|(b, label)| {
        let weight = if c.chosen == Some(b) {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        };
        let font =
            text_style(11.0 * style.scale, weight, t.fg).pos(Pos::new(HPos::Center, VPos::Top));
        let down = if stagger && b % 2 == 1 { 20.0 } else { 6.0 };
        EmptyElement::at((b as f64 + 0.5, 0.0))
            + Text::new(label.clone(), (0, style.px(down)), font)
    });
    chart.draw_series(labels).map_err(err)?;
    if c.hbm_gb > 0.0 {
        chart
            .draw_series(DashedLineSeries::new(
                [(0.0, c.hbm_gb), (n, c.hbm_gb)],
                style.px(6.0),
                style.px(4.0),
                style.stroke(t.warn, 2.0),
            ))
            .map_err(err)?;
    }
    let frame = frame_of(
        chart.plotting_area(),
        style,
        Axis {
            lo: 0.0,
            hi: n,
            log: false,
        },
        Axis {
            lo: 0.0,
            hi: top,
            log: false,
        },
    );
    root.present().map_err(err)?;
    Ok(Some(frame))
}

/// Days at `gpus` on a curve, interpolated on log-log axes (where the curves are straight).
pub fn days_at(curve: &Curve, gpus: f64) -> Option<f64> {
    let pts = &curve.points;
    let i = pts.iter().position(|p| p.0 >= gpus)?;
    if i == 0 {
        return (pts[0].0 == gpus).then_some(pts[0].1);
    }
    let (a, b) = (pts[i - 1], pts[i]);
    let t = (gpus.ln() - a.0.ln()) / (b.0.ln() - a.0.ln());
    Some((a.1.ln() + t * (b.1.ln() - a.1.ln())).exp())
}

/// A chart as an SVG document, through plotters' `SVGBackend` (the export and the snapshots).
pub fn svg<F>(size: (u32, u32), draw: F) -> DrawResult<String>
where
    F: FnOnce(&DrawingArea<SVGBackend, Shift>) -> DrawResult<Option<Frame>>,
{
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&root)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_are_short() {
        use crate::lang::Lang::{En, Zh};
        assert_eq!(tick_label(100_000.0, En), "100k");
        assert_eq!(tick_label(2e6, En), "2M");
        assert_eq!(tick_label(0.5, En), "0.5");
        assert_eq!(tick_label(20.0, En), "20");
        // 中文 counts in 万 and 亿, as the cards do.
        assert_eq!(tick_label(100_000.0, Zh), "10万");
        assert_eq!(tick_label(1000.0, Zh), "1000");
        assert_eq!(tick_label(2e8, Zh), "2亿");
    }

    #[test]
    fn nice_ceilings() {
        assert_eq!(nice_ceiling(1.0), 1.0);
        assert_eq!(nice_ceiling(1.2), 2.0);
        assert_eq!(nice_ceiling(16_384.0 * 8.0), 200_000.0);
    }

    #[test]
    fn interpolation_on_log_axes() {
        // T ∝ 1/n: halfway in log between 1,000 and 4,000 GPUs is 2,000, at half the days.
        let c = Curve {
            label: String::new(),
            points: vec![(1000.0, 40.0), (4000.0, 10.0)],
            color: 0,
        };
        assert!((days_at(&c, 2000.0).unwrap() - 20.0).abs() < 1e-9);
        assert_eq!(days_at(&c, 500.0), None);
        assert_eq!(days_at(&c, 5000.0), None);
    }
}
