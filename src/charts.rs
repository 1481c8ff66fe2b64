//! The two charts, drawn with plotters as SVG: the page puts the markup in the DOM (sharp at any
//! pixel ratio, and the export is the same string). The data arrive precomputed from the core;
//! this module only draws. Legends are HTML beside the chart (translatable, never covering the
//! data), so colours are public.

use plotters::coord::Shift;
use plotters::prelude::*;
// By path: the backend's style traits would clash with plotters' `Color` methods in scope.
use plotters_backend as backend;
use plotters_backend::{BackendColor, BackendCoord, DrawingErrorKind};

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
    TextStyle::from((FontFamily::SansSerif, size).into_font()).color(color)
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

/// The width and height of a line of text in pixels, without a font engine. Plotters on wasm
/// would measure each label by adding a `<span>` to the page and reading its size, a forced
/// layout per label; the labels here are anchored by the SVG itself (`text-anchor`), so an
/// estimate is all the layout needs. Sans-serif digits and Latin letters average about 0.56 em,
/// a space 0.28 em, a CJK character 1 em.
pub fn text_size(text: &str, size: f64) -> (u32, u32) {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.28,
            c if c.is_ascii() => 0.56,
            _ => 1.0,
        })
        .sum();
    ((ems * size).ceil() as u32, (size * 1.2).ceil() as u32)
}

/// Plotters' SVG backend with [`text_size`] as its text measure; everything else is delegated.
pub struct Svg<'a>(SVGBackend<'a>);

impl<'a> Svg<'a> {
    /// Draws into `out`, `size` pixels large.
    pub fn new(out: &'a mut String, size: (u32, u32)) -> Self {
        Svg(SVGBackend::with_string(out, size))
    }
}

type SvgResult = Result<(), DrawingErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>>;

impl DrawingBackend for Svg<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> SvgResult {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> SvgResult {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> SvgResult {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: backend::BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> SvgResult {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: backend::BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> SvgResult {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }
    fn draw_path<S: backend::BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> SvgResult {
        self.0.draw_path(path, style)
    }
    fn draw_circle<S: backend::BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> SvgResult {
        self.0.draw_circle(center, radius, style, fill)
    }
    fn fill_polygon<S: backend::BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> SvgResult {
        self.0.fill_polygon(vert, style)
    }
    fn draw_text<T: backend::BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        pos: BackendCoord,
    ) -> SvgResult {
        self.0.draw_text(text, style, pos)
    }
    fn estimate_text_size<T: backend::BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        Ok(text_size(text, style.size()))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> SvgResult {
        self.0.blit_bitmap(pos, size, src)
    }
}

/// A drawing function of this module.
pub type Draw<T> =
    fn(&DrawingArea<Svg, Shift>, &T, &Theme) -> Result<(), DrawingAreaErrorKind<std::io::Error>>;

/// A chart drawn as an SVG document of `size` pixels. A drawing error leaves the markup drawn
/// so far (an empty chart at worst); there is nothing better to show.
pub fn svg<T>(draw: Draw<T>, data: &T, theme: &Theme, size: (u32, u32)) -> String {
    let mut out = String::with_capacity(16 * 1024);
    {
        let root = Svg::new(&mut out, size).into_drawing_area();
        let _ = draw(&root, data, theme);
    }
    out
}

/// Draws training days (log y) against GPU count (log x).
pub fn draw_days(
    root: &DrawingArea<Svg, Shift>,
    c: &DaysChart,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&theme.bg)?;
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
        .margin(10)
        .x_label_area_size(40)
        .y_label_area_size(56)
        .build_cartesian_2d((x0..x1).log_scale(), (y0..y1).log_scale())?;
    chart
        .configure_mesh()
        .x_desc(c.text[0].as_str())
        .y_desc(c.text[1].as_str())
        .label_style(font(12.0, &theme.fg))
        .axis_desc_style(font(13.0, &theme.fg))
        .axis_style(theme.fg)
        .bold_line_style(theme.grid)
        .max_light_lines(0)
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
        let width = if i == 0 { 3 } else { 2 };
        chart.draw_series(LineSeries::new(
            curve.points.iter().copied(),
            color.stroke_width(width),
        ))?;
    }
    chart.draw_series(LineSeries::new(
        [(x0, c.deadline), (x1, c.deadline)],
        theme.warn.stroke_width(2),
    ))?;
    let current = c.current;
    chart.draw_series(std::iter::once(Circle::new(
        current,
        6,
        theme.palette[0].filled(),
    )))?;
    chart.draw_series(std::iter::once(Circle::new(
        current,
        6,
        theme.fg.stroke_width(2),
    )))?;
    root.present()
}

/// Draws stacked memory bars with the device memory as a line.
pub fn draw_memory(
    root: &DrawingArea<Svg, Shift>,
    c: &MemoryChart,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    root.fill(&theme.bg)?;
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
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(56)
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
        .label_style(font(12.0, &theme.fg))
        .axis_desc_style(font(13.0, &theme.fg))
        .axis_style(theme.fg)
        .bold_line_style(theme.grid)
        .max_light_lines(0)
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
        theme.warn.stroke_width(2),
    ))?;
    root.present()
}
