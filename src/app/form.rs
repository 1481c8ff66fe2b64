//! The inputs form. It is rendered as one HTML string when its shape changes (the language,
//! data sized by tokens or as a dataset, a custom GPU), and then kept in step with the scenario
//! by *bindings*, which write an input only when the value it shows has changed: dragging one
//! slider touches the handful of inputs that depend on it, and a rejected value that was typed
//! stays visible beside its message.
//!
//! Every input is driven by the scenario language's field table: the same kinds, ranges and
//! error messages as share links. A rejected value leaves the last valid value in force.

use super::dom::{self, as_input};
use super::state::Ctx;
use crate::estimate::architecture::Architecture;
use crate::estimate::query::{self, Field, Kind, Problem, Value};
use crate::estimate::scenario::Data;
use crate::estimate::{Report, Scenario, hardware, presets};
use crate::human::{self, escape};
use crate::i18n::{self, Lang};
use leptos::prelude::*;
use std::cell::RefCell;
use std::fmt::Write;
use web_sys::Element;

/// How a slider maps its 0..=1000 track onto values.
#[derive(Clone, Copy, Debug)]
enum Slider {
    /// Logarithmic from `min` to `max`.
    Log(f64, f64),
    /// Linear from `min` to `max`.
    Linear(f64, f64),
}

const TRACK: f64 = 1000.0;

impl Slider {
    fn position(self, x: f64) -> f64 {
        let t = match self {
            Slider::Log(a, b) => (x.max(a).ln() - a.ln()) / (b.ln() - a.ln()),
            Slider::Linear(a, b) => (x - a) / (b - a),
        };
        (t.clamp(0.0, 1.0) * TRACK).round()
    }

    /// The value at a track position, rounded to three significant digits so dragged values read
    /// well (and to whole numbers for integer fields).
    fn value(self, pos: f64, integer: bool) -> f64 {
        let t = pos / TRACK;
        let x = match self {
            Slider::Log(a, b) => (a.ln() + t * (b.ln() - a.ln())).exp(),
            Slider::Linear(a, b) => a + t * (b - a),
        };
        let e = 10f64.powf(x.abs().log10().floor() - 2.0);
        let x = (x / e).round() * e;
        if integer { x.round().max(1.0) } else { x }
    }
}

/// Sliders of the fields that get one.
fn slider_for(name: &str) -> Option<Slider> {
    Some(match name {
        "params" => Slider::Log(1e8, 2e12),
        "tokens" => Slider::Log(1e9, 1e14),
        "dataset_tb" => Slider::Log(0.01, 1000.0),
        "gpus" => Slider::Log(1.0, 100_000.0),
        "mfu" => Slider::Linear(0.1, 0.7),
        "deadline_days" => Slider::Linear(1.0, 365.0),
        "seq" => Slider::Log(512.0, 131_072.0),
        "users" => Slider::Log(1.0, 10_000_000.0),
        _ => return None,
    })
}

/// The total parameter count as typed: it replaces the architecture with a bare count.
const PARAMS_KIND: Kind = Kind::Number {
    min: 1e6,
    max: 1e14,
    percent: false,
};

/// Architecture fields, in the order of the architecture panel.
const ARCH: [&str; 18] = [
    "layers",
    "hidden",
    "heads",
    "kv_heads",
    "head_dim",
    "ffn",
    "glu",
    "vocab",
    "tied",
    "bias",
    "experts",
    "top_k",
    "shared_experts",
    "expert_ffn",
    "dense_layers",
    "kv_latent",
    "q_latent",
    "rope_dim",
];

/// A field of either table, by name.
#[derive(Clone, Copy)]
enum AnyField {
    Scenario(&'static Field<Scenario>),
    Arch(&'static Field<Architecture>),
}

impl AnyField {
    fn find(name: &str) -> Option<Self> {
        query::field(name)
            .map(AnyField::Scenario)
            .or_else(|| query::arch_field(name).map(AnyField::Arch))
    }

    fn kind(self) -> Kind {
        match self {
            AnyField::Scenario(f) => f.kind,
            AnyField::Arch(f) => f.kind,
        }
    }

    fn unit(self) -> &'static str {
        match self {
            AnyField::Scenario(f) => f.unit,
            AnyField::Arch(f) => f.unit,
        }
    }

    /// Whether an empty input means "not set" (the default applies).
    fn optional(self) -> bool {
        match self {
            AnyField::Scenario(f) => f.optional(&Scenario::default()),
            AnyField::Arch(f) => f.optional(&Architecture::dense(32, 4096)),
        }
    }

    fn get(self, s: &Scenario) -> Value {
        match self {
            AnyField::Scenario(f) => f.get(s),
            AnyField::Arch(f) => match &s.arch {
                Some(a) => f.get(a),
                None => f.get(&implied(s)),
            },
        }
    }

    /// Writes a value. Editing an architecture field makes the architecture explicit: a preset
    /// stays named (its fields overridden) and a bare parameter count gives way to the
    /// architecture's own.
    fn set(self, s: &mut Scenario, v: Value) {
        match self {
            AnyField::Scenario(f) => f.set(s, v),
            AnyField::Arch(f) => {
                let mut arch = s.arch.clone().unwrap_or_else(|| implied(s));
                f.set(&mut arch, v);
                s.arch = Some(arch);
                s.params = None;
                s.active_params = None;
            }
        }
    }
}

/// The architecture a bare parameter count stands for.
fn implied(s: &Scenario) -> Architecture {
    Architecture::implied_by_params(s.params.unwrap_or(1e9))
}

fn label_of(name: &str, lang: Lang) -> (&'static str, &'static str) {
    match i18n::field_text(name) {
        Some(t) if lang == Lang::Zh => (t.zh, t.tip_zh),
        Some(t) => (t.en, t.tip_en),
        None => ("", ""),
    }
}

fn text_of(v: Value) -> String {
    match v {
        Value::Num(x) => query::format_number(x),
        Value::Word(w) => w.to_string(),
        Value::Flag(b) => if b { "1" } else { "0" }.into(),
        Value::Absent => String::new(),
    }
}

// ---- Values: what each input shows, for the markup and for the bindings ----------------------

/// A field's value as its text input shows it.
fn text(name: &str, s: &Scenario, r: &Report) -> String {
    match name {
        "params" => human::editable(r.params_total),
        "model" => s.model.clone().unwrap_or_default(),
        "gpu" => s.gpu.clone(),
        _ => AnyField::find(name).map_or_else(String::new, |f| text_of(f.get(s))),
    }
}

/// What an empty optional field stands for (the catalog's price, the TDP, the rate from users).
fn placeholder(name: &str, s: &Scenario, r: &Report, lang: Lang) -> String {
    let catalog = |f: fn(&hardware::Accelerator) -> f64| {
        let res = crate::estimate::resolve::Resolved::new(s);
        format!(
            "{} ({})",
            human::sig3(f(&res.gpu) * res.rate),
            lang.ui().catalog_price
        )
    };
    match name {
        "price_per_gpu_hour" => catalog(|a| a.rent_usd_per_hour),
        "gpu_price" => catalog(|a| a.price_usd),
        "power_w" => format!("{} W (TDP)", r.cost.power_w),
        "requests_per_s" => human::sig3(r.serving.requests_per_s),
        _ => String::new(),
    }
}

/// A live hint's text and raw value.
fn hint(key: &str, s: &Scenario, r: &Report, lang: Lang) -> (String, f64) {
    if key == "chinchilla" {
        let t = &r.training;
        return (
            format!(
                "{}: N = {}, D = {}",
                lang.ui().chinchilla_hint,
                human::count(t.chinchilla_params, lang),
                human::count(t.chinchilla_tokens, lang)
            ),
            t.chinchilla_params,
        );
    }
    let res = crate::estimate::resolve::Resolved::new(s);
    let g = &res.gpu;
    let approx = if g.approximate {
        format!(" ({})", lang.ui().approximate)
    } else {
        String::new()
    };
    (
        format!(
            "{} TFLOP/s {} · {} GB · {} GB/s · {} W{approx}",
            human::sig3(res.peak_flops / 1e12),
            res.precision.id(),
            human::sig3(g.hbm_gb),
            human::sig3(g.bandwidth_gbs),
            human::sig3(g.tdp_w)
        ),
        r.peak_tflops,
    )
}

/// A slider's track position for the field's current value.
fn position(name: &str, slider: Slider, s: &Scenario, r: &Report) -> String {
    let x = match name {
        "params" => r.params_total,
        _ => match AnyField::find(name).map(|f| f.get(s)) {
            Some(Value::Num(x)) => x,
            _ => 0.0,
        },
    };
    slider.position(x).to_string()
}

/// What an element of the form shows.
enum Shows {
    /// A text input's or a select's value (numbers in the scenario language's notation).
    Value(&'static str),
    /// A slider's track position.
    Slider(&'static str, Slider),
    /// A checkbox.
    Checked(&'static str),
    /// What an empty optional field stands for.
    Placeholder(&'static str),
    /// A live hint (GPU specs, the Chinchilla optimum) with its raw number in `data-value`.
    Hint(&'static str),
}

impl Shows {
    fn now(&self, s: &Scenario, r: &Report, lang: Lang) -> String {
        match *self {
            Shows::Value(n) | Shows::Checked(n) => text(n, s, r),
            Shows::Slider(n, sl) => position(n, sl, s, r),
            Shows::Placeholder(n) => placeholder(n, s, r, lang),
            Shows::Hint(k) => {
                let (t, v) = hint(k, s, r, lang);
                format!("{v}\n{t}")
            }
        }
    }
}

/// An element of the form and the value it shows. The markup is rendered with the values in
/// it, so a binding touches the DOM (and looks its element up) only once its value changes.
struct Binding {
    id: String,
    el: Option<Element>,
    shows: Shows,
    /// What was last written, so unchanged values are not written again.
    last: String,
}

thread_local! {
    static BINDINGS: RefCell<Vec<Binding>> = const { RefCell::new(Vec::new()) };
    /// Rejected typed values, by field, kept across re-renders of the form.
    static ERRORS: RefCell<Vec<(String, Problem)>> = const { RefCell::new(Vec::new()) };
}

// ---- Markup ---------------------------------------------------------------------------------

/// The line under a rejected field: what is allowed, and that the last value stays.
fn error_html(name: &str, p: &Problem, lang: Lang) -> String {
    format!(
        "<p class=\"field-error\" role=\"alert\" data-error-for=\"{name}\">{} — {}</p>",
        escape(&i18n::problem(p, lang)),
        escape(lang.ui().invalid_kept)
    )
}

/// The form being rendered: markup with the current values in it, and its bindings.
struct Render<'a> {
    out: String,
    bindings: Vec<Binding>,
    s: &'a Scenario,
    r: &'a Report,
    lang: Lang,
    errors: Vec<(String, Problem)>,
}

impl Render<'_> {
    /// Binds element `id` to what it shows, and returns the escaped current value.
    fn bind(&mut self, id: String, shows: Shows) -> String {
        let last = shows.now(self.s, self.r, self.lang);
        let shown = escape(&last);
        self.bindings.push(Binding {
            id,
            el: None,
            shows,
            last,
        });
        shown
    }

    /// A labelled input for a field: a select for choices, a checkbox for flags, else a typed
    /// number (with `7B`/`40%` suffixes) and its slider.
    fn field(&mut self, name: &'static str) {
        let Some(field) = AnyField::find(name) else {
            return;
        };
        let (label, tip) = label_of(name, self.lang);
        let (label, tip) = (escape(label), escape(tip));
        match field.kind() {
            Kind::Flag => {
                let on = self.bind(format!("f-{name}"), Shows::Checked(name)) == "1";
                let _ = write!(
                    self.out,
                    "<div class=\"field field-flag\"><input id=\"f-{name}\" type=\"checkbox\" data-field=\"{name}\"{}><label for=\"f-{name}\" title=\"{tip}\">{label}</label></div>",
                    if on { " checked" } else { "" }
                );
            }
            Kind::Choice(words) => {
                let value = self.bind(format!("f-{name}"), Shows::Value(name));
                let _ = write!(
                    self.out,
                    "<div class=\"field\"><label for=\"f-{name}\" title=\"{tip}\">{label}</label><select id=\"f-{name}\" data-field=\"{name}\">"
                );
                for w in words {
                    option(
                        &mut self.out,
                        w,
                        &value,
                        &i18n::choice_label(name, w, self.lang),
                    );
                }
                self.out.push_str("</select></div>");
            }
            _ => self.numeric(name, field.unit(), &label, &tip),
        }
    }

    fn numeric(&mut self, name: &'static str, unit: &'static str, label: &str, tip: &str) {
        let error = self
            .errors
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| error_html(name, p, self.lang));
        let _ = write!(
            self.out,
            "<div class=\"field{}\" id=\"fld-{name}\"><label for=\"f-{name}\" title=\"{tip}\">{label}</label><div class=\"field-row\">",
            if error.is_some() { " has-error" } else { "" }
        );
        if let Some(sl) = slider_for(name) {
            let pos = self.bind(format!("s-{name}"), Shows::Slider(name, sl));
            let _ = write!(
                self.out,
                "<input type=\"range\" class=\"slider\" min=\"0\" max=\"1000\" step=\"1\" aria-label=\"{label}\" id=\"s-{name}\" data-slider=\"{name}\" value=\"{pos}\">"
            );
        }
        let placeholder = self.bind(format!("f-{name}"), Shows::Placeholder(name));
        let value = self.bind(format!("f-{name}"), Shows::Value(name));
        let _ = write!(
            self.out,
            "<input id=\"f-{name}\" type=\"text\" inputmode=\"decimal\" class=\"num\" autocomplete=\"off\" data-field=\"{name}\" aria-invalid=\"{}\" placeholder=\"{placeholder}\" value=\"{value}\"><span class=\"unit\">{}</span></div>",
            error.is_some(),
            escape(i18n::unit(unit, self.lang))
        );
        if let Some(e) = error {
            self.out.push_str(&e);
        }
        self.out.push_str("</div>");
    }

    fn fields(&mut self, names: &[&'static str]) {
        for name in names {
            self.field(name);
        }
    }

    /// A live hint: its text, with the raw number in `data-value` under `data-metric`.
    fn hint(&mut self, key: &'static str, metric: &str) {
        let now = self.bind(format!("hint-{key}"), Shows::Hint(key));
        let (v, t) = now.split_once('\n').unwrap_or_default();
        let _ = write!(
            self.out,
            "<p class=\"hint\" id=\"hint-{key}\" data-metric=\"{metric}\" data-value=\"{v}\">{t}</p>"
        );
    }

    fn note(&mut self, class: &str, text: &str) {
        let _ = write!(self.out, "<p class=\"hint{class}\">{}</p>", escape(text));
    }

    fn legend(&mut self, text: &str) {
        let _ = write!(self.out, "<fieldset><legend>{}</legend>", escape(text));
    }
}

/// One `<option>`, selected when its value is `chosen`.
fn option(out: &mut String, value: &str, chosen: &str, label: &str) {
    let _ = write!(
        out,
        "<option value=\"{}\"{}>{}</option>",
        escape(value),
        if value == chosen { " selected" } else { "" },
        escape(label)
    );
}

/// The preset options that match the search (the chosen one always stays listed); `model` is
/// the chosen preset's id, "" for a custom model.
fn model_options(filter: &str, model: &str, lang: Lang) -> String {
    let f = filter.to_ascii_lowercase();
    let mut out = String::new();
    option(&mut out, "", model, lang.ui().custom_model);
    for p in presets::all() {
        if f.is_empty()
            || p.name.to_ascii_lowercase().contains(&f)
            || p.id.contains(&f)
            || model == p.id
        {
            option(&mut out, p.id, model, p.name);
        }
    }
    out
}

/// The accelerators grouped by vendor, then a custom one; `gpu` is the chosen id.
fn gpu_options(gpu: &str, lang: Lang) -> String {
    use hardware::Vendor;
    let mut out = String::new();
    for v in [
        Vendor::Nvidia,
        Vendor::Amd,
        Vendor::Google,
        Vendor::Huawei,
        Vendor::Cambricon,
    ] {
        let _ = write!(out, "<optgroup label=\"{}\">", v.name());
        for a in hardware::CATALOG.iter().filter(|a| a.vendor == v) {
            option(&mut out, a.id, gpu, a.name);
        }
        out.push_str("</optgroup>");
    }
    option(&mut out, hardware::CUSTOM_ID, gpu, lang.ui().custom_gpu);
    out
}

/// What decides the form's markup; values are the bindings' business.
#[derive(Clone, Copy, PartialEq)]
struct Shape {
    lang: Lang,
    by_dataset: bool,
    custom_gpu: bool,
}

/// The whole form, with the values of `s` and `r`, and its bindings.
fn form_html(
    shape: Shape,
    s: &Scenario,
    r: &Report,
    filter: &str,
    arch_open: bool,
) -> (String, Vec<Binding>) {
    let lang = shape.lang;
    let ui = lang.ui();
    let mut f = Render {
        out: String::with_capacity(32 * 1024),
        bindings: Vec::with_capacity(128),
        s,
        r,
        lang,
        errors: ERRORS.with_borrow(|e| e.clone()),
    };

    f.legend(ui.g_model);
    f.bind("f-model".into(), Shows::Value("model"));
    let options = model_options(filter, s.model.as_deref().unwrap_or(""), lang);
    let _ = write!(
        f.out,
        "<div class=\"field\"><label for=\"f-model\">{}</label><input type=\"search\" class=\"search\" id=\"model-search\" aria-label=\"{q}\" placeholder=\"{q}\" value=\"{}\"><select id=\"f-model\" data-field=\"model\">{options}</select></div>",
        escape(ui.preset),
        escape(filter),
        q = escape(ui.preset_search),
    );
    let (label, tip) = label_of("params", lang);
    f.numeric("params", "", &escape(label), &escape(tip));
    let _ = write!(
        f.out,
        "<details class=\"arch\"{}><summary>{}</summary><div class=\"arch-grid\">",
        if arch_open { " open" } else { "" },
        escape(ui.architecture)
    );
    f.fields(&ARCH);
    f.out.push_str("</div></details></fieldset>");

    f.legend(ui.g_data);
    let radio = |mode: &str, on: bool, text: &str| {
        format!(
            "<label class=\"radio\"><input type=\"radio\" name=\"data-mode\" data-field=\"data-mode-{mode}\"{}> {}</label>",
            if on { " checked" } else { "" },
            escape(text)
        )
    };
    let _ = write!(
        f.out,
        "<div class=\"field\" role=\"radiogroup\" aria-label=\"{l}\"><span class=\"label\">{l}</span>{}{}</div>",
        radio("tokens", !shape.by_dataset, ui.by_tokens),
        radio("dataset", shape.by_dataset, ui.by_dataset),
        l = escape(ui.data_by),
    );
    if shape.by_dataset {
        f.fields(&["dataset_tb", "bytes_per_token"]);
        f.note("", ui.bytes_hint);
    } else {
        f.fields(&["tokens"]);
    }
    f.fields(&["epochs"]);
    f.hint("chinchilla", "chinchilla_params");
    f.out.push_str("</fieldset>");

    f.legend(ui.g_hardware);
    let (label, tip) = label_of("gpu", lang);
    f.bind("f-gpu".into(), Shows::Value("gpu"));
    let options = gpu_options(&s.gpu, lang);
    let _ = write!(
        f.out,
        "<div class=\"field\"><label for=\"f-gpu\" title=\"{}\">{}</label><select id=\"f-gpu\" data-field=\"gpu\">{options}</select>",
        escape(tip),
        escape(label),
    );
    f.hint("specs", "peak_tflops");
    f.out.push_str("</div>");
    if shape.custom_gpu {
        f.fields(&["peak_tflops", "hbm_gb", "bandwidth_gbs"]);
    }
    f.fields(&["gpus", "mfu"]);
    f.note(" mfu-band", ui.mfu_typical);
    f.fields(&["precision"]);
    f.out.push_str("</fieldset>");

    let groups: [(&str, &[&'static str]); 4] = [
        (ui.g_schedule, &["deadline_days"]),
        (
            ui.g_parallel,
            &[
                "finetune",
                "lora_rank",
                "recompute",
                "zero",
                "tp",
                "pp",
                "sp",
                "micro_batch",
                "global_batch",
                "seq",
                "optimizer",
                "net_gbps",
            ],
        ),
        (
            ui.g_cost,
            &[
                "currency",
                "price_per_gpu_hour",
                "gpu_price",
                "cny_per_usd",
                "power_w",
                "pue",
                "grid_kg_per_kwh",
                "electricity_per_kwh",
            ],
        ),
        (
            ui.g_serving,
            &[
                "users",
                "requests_per_user_per_hour",
                "requests_per_s",
                "prompt_tokens",
                "output_tokens",
                "latency_s",
                "weight_bits",
                "kv_bits",
                "batch",
            ],
        ),
    ];
    for (title, names) in groups {
        f.legend(title);
        f.fields(names);
        f.out.push_str("</fieldset>");
    }
    (f.out, f.bindings)
}

// ---- Bindings: keeping the inputs in step ----------------------------------------------------

/// Writes every value that changed since it was rendered or last written.
fn sync(ctx: Ctx) {
    let lang = ctx.lang.get_untracked();
    ctx.scenario.with_untracked(|s| {
        ctx.report.with_untracked(|r| {
            BINDINGS.with_borrow_mut(|bindings| {
                for b in bindings {
                    let now = b.shows.now(s, r, lang);
                    if now == b.last {
                        continue;
                    }
                    if b.el.is_none() {
                        b.el = dom::by_id(&b.id);
                    }
                    let Some(el) = &b.el else { continue };
                    match b.shows {
                        Shows::Checked(_) => {
                            if let Some(i) = as_input(el) {
                                i.set_checked(now == "1");
                            }
                        }
                        Shows::Placeholder(_) => {
                            let _ = el.set_attribute("placeholder", &now);
                        }
                        Shows::Hint(_) => {
                            let (v, t) = now.split_once('\n').unwrap_or_default();
                            let _ = el.set_attribute("data-value", v);
                            el.set_text_content(Some(t));
                        }
                        _ => dom::set_value(el, &now),
                    }
                    b.last = now;
                }
            })
        })
    });
}

/// Renders the form and keeps it in step with the scenario.
pub fn mount(ctx: Ctx) {
    // Re-rendered only when the shape changes (the effect keeps the last one).
    Effect::new(move |last: Option<Option<Shape>>| {
        let shape = ctx.scenario.with(|s| Shape {
            lang: ctx.lang.get(),
            by_dataset: matches!(s.data, Data::Dataset { .. }),
            custom_gpu: s.gpu == hardware::CUSTOM_ID,
        });
        if last.flatten() == Some(shape) {
            return Some(shape);
        }
        let form = dom::by_id("inputs")?;
        // Keep what the user had open or typed in the parts that are not scenario values.
        let arch_open = dom::select("details.arch").is_some_and(|d| d.has_attribute("open"));
        let filter = dom::by_id("model-search")
            .map(|e| dom::value(&e))
            .unwrap_or_default();
        let (html, bindings) = ctx.scenario.with_untracked(|s| {
            ctx.report
                .with_untracked(|r| form_html(shape, s, r, &filter, arch_open))
        });
        form.set_inner_html(&html);
        BINDINGS.set(bindings);
        Some(shape)
    });
    // The form was just rendered with the current values: the first run only subscribes.
    Effect::new(move |started: Option<()>| {
        ctx.scenario.track();
        ctx.report.track();
        ctx.lang.track();
        if started.is_some() {
            sync(ctx);
        }
    });
}

// ---- Input ----------------------------------------------------------------------------------

/// Shows or clears the message under a field, and remembers it for re-renders.
fn show_error(name: &str, problem: Option<Problem>, lang: Lang) {
    let had = ERRORS.with_borrow_mut(|errors| {
        let before = errors.len();
        errors.retain(|(n, _)| n != name);
        if let Some(p) = &problem {
            errors.push((name.to_string(), p.clone()));
        }
        errors.len() != before || problem.is_some()
    });
    // A slider move clears its field's message; most moves have none to clear.
    if !had {
        return;
    }
    let Some(field) = dom::by_id(&format!("fld-{name}")) else {
        return;
    };
    if let Some(old) = dom::select(&format!("[data-error-for=\"{name}\"]")) {
        old.remove();
    }
    let _ = field
        .class_list()
        .toggle_with_force("has-error", problem.is_some());
    if let Some(input) = dom::by_id(&format!("f-{name}")) {
        let _ = input.set_attribute("aria-invalid", &problem.is_some().to_string());
    }
    if let Some(p) = problem {
        let _ = field.insert_adjacent_html("beforeend", &error_html(name, &p, lang));
    }
}

/// Replaces the architecture by a bare parameter count.
fn set_params(ctx: Ctx, x: f64) {
    ctx.scenario.update(|s| {
        s.model = None;
        s.arch = None;
        s.params = Some(x);
        s.active_params = None;
    })
}

/// A slider moved, or the preset search changed. Returns whether the event was the form's.
pub fn on_input(ctx: Ctx, el: &Element) -> bool {
    if el.id() == "model-search" {
        let model = ctx
            .scenario
            .with_untracked(|s| s.model.clone().unwrap_or_default());
        if let Some(select) = dom::by_id("f-model") {
            select.set_inner_html(&model_options(
                &dom::value(el),
                &model,
                ctx.lang.get_untracked(),
            ));
        }
        return true;
    }
    let Some(name) = el.get_attribute("data-slider") else {
        return false;
    };
    let (Some(slider), Some(pos)) = (
        slider_for(&name),
        crate::estimate::decimal::parse(&dom::value(el)),
    ) else {
        return true;
    };
    show_error(&name, None, ctx.lang.get_untracked());
    if name == "params" {
        set_params(ctx, slider.value(pos, false));
    } else if let Some(f) = AnyField::find(&name) {
        let v = Value::Num(slider.value(pos, matches!(f.kind(), Kind::Integer { .. })));
        ctx.scenario.update(|s| f.set(s, v));
    }
    true
}

/// A value was typed, chosen or ticked. Returns whether the event was the form's.
pub fn on_change(ctx: Ctx, el: &Element) -> bool {
    let Some(name) = el.get_attribute("data-field") else {
        return false;
    };
    let raw = dom::value(el);
    let lang = ctx.lang.get_untracked();
    match name.as_str() {
        "model" => ctx.scenario.update(|s| match presets::find(&raw) {
            Some(p) => {
                s.model = Some(p.id.into());
                s.arch = Some(p.arch.clone());
                s.params = None;
                s.active_params = None;
            }
            None => s.model = None,
        }),
        "gpu" => ctx.scenario.update(|s| s.gpu = raw),
        // Switching to a dataset size keeps the same tokens (the field reads them as a size).
        "data-mode-tokens" | "data-mode-dataset" => ctx.scenario.update(|s| {
            if name == "data-mode-dataset" {
                if let Some(tb) = query::field("dataset_tb") {
                    tb.set(s, tb.get(s));
                }
            } else {
                s.data = Data::Tokens(s.data.tokens());
            }
        }),
        "params" => match query::parse_value(PARAMS_KIND, &raw) {
            Ok(Value::Num(x)) => {
                show_error(&name, None, lang);
                set_params(ctx, x);
            }
            Ok(_) => {}
            Err(p) => show_error(&name, Some(p), lang),
        },
        _ => {
            let Some(f) = AnyField::find(&name) else {
                return true;
            };
            let parsed = match f.kind() {
                Kind::Flag => Ok(Value::Flag(as_input(el).is_some_and(|i| i.checked()))),
                _ if raw.trim().is_empty() && f.optional() => Ok(Value::Absent),
                kind => query::parse_value(kind, &raw),
            };
            match parsed {
                Ok(v) => {
                    show_error(&name, None, lang);
                    ctx.scenario.update(|s| f.set(s, v));
                }
                Err(p) => show_error(&name, Some(p), lang),
            }
        }
    }
    true
}
