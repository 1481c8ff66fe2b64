//! Inputs. Each one is driven by the scenario language's field table: the same kinds, ranges
//! and error messages as share links. A rejected value shows a message beside the field and the
//! last valid value stays in force.

use super::state::Ctx;
use crate::estimate::architecture::Architecture;
use crate::estimate::query::{self, Field, Kind, Problem, Value};
use crate::estimate::{Scenario, hardware, presets};
use crate::i18n::{self, Lang};
use leptos::prelude::*;

/// How a slider maps its 0..=1000 track onto values.
#[derive(Clone, Copy, Debug)]
pub enum Slider {
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

/// The error line under a field.
#[component]
fn FieldError(name: &'static str, error: RwSignal<Option<Problem>>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    move || {
        error.get().map(|p| {
            let lang = ctx.lang.get();
            view! {
                <p class="field-error" role="alert" data-error-for=name>
                    {i18n::problem(&p, lang)} " — " {ctx.ui().invalid_kept}
                </p>
            }
        })
    }
}

/// A labelled numeric input (typed, with `7B`/`40%` suffixes) and an optional slider, for any
/// field of a table: `value_of` reads the field in place (no clone per change), `write` edits it.
fn numeric<T: 'static + Clone + Send + Sync>(
    ctx: Ctx,
    field: &'static Field<T>,
    value_of: impl Fn(&Scenario) -> Value + Copy + Send + Sync + 'static,
    write: impl Fn(&mut Scenario, &dyn Fn(&mut T)) + Copy + Send + Sync + 'static,
    default: T,
    slider: Option<Slider>,
    placeholder: Option<Signal<String>>,
) -> impl IntoView {
    let name = field.name;
    let id = format!("f-{name}");
    let error = RwSignal::new(None::<Problem>);
    let value = Memo::new(move |_| ctx.scenario.with(value_of));
    let integer = matches!(field.kind, Kind::Integer { .. });
    let optional = field.optional(&default);
    let commit = move |raw: String| {
        let parsed = if raw.trim().is_empty() && optional {
            Ok(Value::Absent)
        } else {
            query::parse_value(field.kind, &raw)
        };
        match parsed {
            Ok(v) => {
                error.set(None);
                ctx.scenario.update(|s| write(s, &|t| field.set(t, v)));
            }
            Err(p) => error.set(Some(p)),
        }
    };
    let label = move || label_of(name, ctx.lang.get());
    let slider_view = slider.map(|sl| {
        let pos = move || match value.get() {
            Value::Num(x) => sl.position(x),
            _ => 0.0,
        };
        view! {
            <input type="range" class="slider" min="0" max="1000" step="1"
                aria-label=move || label().0
                data-slider=name
                prop:value=move || pos().to_string()
                on:input=move |ev| {
                    if let Ok(p) = event_target_value(&ev).parse::<f64>() {
                        error.set(None);
                        let v = Value::Num(sl.value(p, integer));
                        ctx.scenario.update(|s| write(s, &|t| field.set(t, v)));
                    }
                } />
        }
    });
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=id.clone() title=move || label().1>{move || label().0}</label>
            <div class="field-row">
                {slider_view}
                <input id=id type="text" inputmode="decimal" class="num" autocomplete="off"
                    data-field=name
                    aria-invalid=move || error.get().is_some().to_string()
                    placeholder=move || placeholder.map(|p| p.get()).unwrap_or_default()
                    prop:value=move || text_of(value.get())
                    on:change=move |ev| commit(event_target_value(&ev)) />
                <span class="unit">{move || i18n::unit(field.unit, ctx.lang.get())}</span>
            </div>
            <FieldError name=name error=error />
        </div>
    }
}

/// Sliders of the scenario fields that get one.
fn slider_for(name: &str) -> Option<Slider> {
    Some(match name {
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

/// What an empty optional field stands for (the catalog's price, the TDP).
fn placeholder_for(ctx: Ctx, name: &str) -> Option<Signal<String>> {
    let catalog = move |f: fn(&hardware::Accelerator) -> f64| {
        Signal::derive(move || {
            let lang = ctx.lang.get();
            ctx.scenario.with(|s| {
                let r = crate::estimate::resolve::Resolved::new(s);
                format!(
                    "{} ({})",
                    crate::human::sig3(f(&r.gpu) * r.rate),
                    lang.ui().catalog_price
                )
            })
        })
    };
    match name {
        "price_per_gpu_hour" => Some(catalog(|a| a.rent_usd_per_hour)),
        "gpu_price" => Some(catalog(|a| a.price_usd)),
        "power_w" => Some(Signal::derive(move || {
            ctx.report.with(|r| format!("{} W (TDP)", r.cost.power_w))
        })),
        // The rate the users and their per-hour requests give, shown until one is typed.
        "requests_per_s" => Some(Signal::derive(move || {
            ctx.report
                .with(|r| crate::human::sig3(r.serving.requests_per_s))
        })),
        _ => None,
    }
}

/// Inputs for scenario fields, by name: a select or checkbox for choices and flags, else a
/// typed number with its slider. One erased view per field keeps the page's code small.
pub fn inputs(names: &[&'static str]) -> impl IntoView + use<> {
    let ctx = expect_context::<Ctx>();
    names
        .iter()
        .map(|&name| {
            let field = query::field(name).expect("field in the scenario language");
            let value_of = move |s: &Scenario| field.get(s);
            let write = |s: &mut Scenario, f: &dyn Fn(&mut Scenario)| f(s);
            match field.kind {
                Kind::Flag | Kind::Choice(_) => choice(ctx, field, value_of, write).into_any(),
                _ => numeric(
                    ctx,
                    field,
                    value_of,
                    write,
                    Scenario::default(),
                    slider_for(name),
                    placeholder_for(ctx, name),
                )
                .into_any(),
            }
        })
        .collect_view()
}

/// An architecture field. Editing one makes the architecture explicit: a preset stays named
/// (its fields overridden) and a bare parameter count gives way to the architecture's own.
#[component]
pub fn ArchField(
    /// Field name in the scenario language.
    name: &'static str,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let field = query::arch_field(name).expect("architecture field");
    let implied = |s: &Scenario| Architecture::implied_by_params(s.params.unwrap_or(1e9));
    let read = move |s: &Scenario| s.arch.clone().unwrap_or_else(|| implied(s));
    let value_of = move |s: &Scenario| match &s.arch {
        Some(a) => field.get(a),
        None => field.get(&implied(s)),
    };
    let write = move |s: &mut Scenario, f: &dyn Fn(&mut Architecture)| {
        let mut arch = read(s);
        f(&mut arch);
        s.arch = Some(arch);
        s.params = None;
        s.active_params = None;
    };
    if matches!(field.kind, Kind::Flag | Kind::Choice(_)) {
        return choice(ctx, field, value_of, write).into_any();
    }
    numeric(
        ctx,
        field,
        value_of,
        write,
        Architecture::dense(32, 4096),
        None,
        None,
    )
    .into_any()
}

/// A select (choice fields) or a checkbox (flags) for any field table.
fn choice<T: 'static>(
    ctx: Ctx,
    field: &'static Field<T>,
    value_of: impl Fn(&Scenario) -> Value + Copy + Send + Sync + 'static,
    write: impl Fn(&mut Scenario, &dyn Fn(&mut T)) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let name = field.name;
    let id = format!("f-{name}");
    let value = Memo::new(move |_| ctx.scenario.with(value_of));
    let label = move || label_of(name, ctx.lang.get());
    match field.kind {
        Kind::Flag => view! {
            <div class="field field-flag">
                <input id=id.clone() type="checkbox" data-field=name
                    prop:checked=move || value.get() == Value::Flag(true)
                    on:change=move |ev| {
                        let v = Value::Flag(event_target_checked(&ev));
                        ctx.scenario.update(|s| write(s, &|t| field.set(t, v)));
                    } />
                <label for=id title=move || label().1>{move || label().0}</label>
            </div>
        }
        .into_any(),
        Kind::Choice(words) => view! {
            <div class="field">
                <label for=id.clone() title=move || label().1>{move || label().0}</label>
                <select id=id data-field=name
                    on:change=move |ev| {
                        if let Ok(v) = query::parse_value(field.kind, &event_target_value(&ev)) {
                            ctx.scenario.update(|s| write(s, &|t| field.set(t, v)));
                        }
                    }>
                    {words.iter().map(|w| view! {
                        <option value=*w selected=move || value.get() == Value::Word(w)>
                            {move || i18n::choice_label(name, w, ctx.lang.get())}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        }
        .into_any(),
        _ => ().into_any(),
    }
}

/// Preset picker with search, the parameter slider, and the architecture panel.
#[component]
pub fn ModelPicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let filter = RwSignal::new(String::new());
    let model = Memo::new(move |_| ctx.scenario.with(|s| s.model.clone()));
    let pick = move |id: String| {
        ctx.scenario.update(|s| match presets::find(&id) {
            Some(p) => {
                s.model = Some(p.id.into());
                s.arch = Some(p.arch.clone());
                s.params = None;
                s.active_params = None;
            }
            None => s.model = None,
        })
    };
    let params_field = query::SPECIAL_FIELDS
        .iter()
        .find(|f| f.0 == "params")
        .expect("params");
    let error = RwSignal::new(None::<Problem>);
    let set_params = move |x: f64| {
        ctx.scenario.update(|s| {
            s.model = None;
            s.arch = None;
            s.params = Some(x);
            s.active_params = None;
        })
    };
    let commit_params = move |raw: String| match query::parse_value(
        Kind::Number {
            min: 1e6,
            max: 1e14,
            percent: false,
        },
        &raw,
    ) {
        Ok(Value::Num(x)) => {
            error.set(None);
            set_params(x);
        }
        Ok(_) => {}
        Err(p) => error.set(Some(p)),
    };
    let slider = Slider::Log(1e8, 2e12);
    let total = move || ctx.report.with(|r| r.params_total);
    let ui = move || ctx.ui();
    let label = move || label_of(params_field.0, ctx.lang.get());
    let arch_fields = [
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
    view! {
        <div class="field">
            <label for="f-model">{move || ui().preset}</label>
            <input type="search" class="search" aria-label=move || ui().preset_search
                placeholder=move || ui().preset_search
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev)) />
            <select id="f-model" data-field="model" on:change=move |ev| pick(event_target_value(&ev))>
                <option value="" selected=move || model.get().is_none()>{move || ui().custom_model}</option>
                {move || {
                    let f = filter.get().to_lowercase();
                    presets::all().iter()
                        .filter(|p| f.is_empty() || p.name.to_lowercase().contains(&f) || p.id.contains(&f) || model.get().as_deref() == Some(p.id))
                        .map(|p| view! { <option value=p.id selected=move || model.get().as_deref() == Some(p.id)>{p.name}</option> })
                        .collect_view()
                }}
            </select>
        </div>
        <div class="field">
            <label for="f-params" title=move || label().1>{move || label().0}</label>
            <div class="field-row">
                <input type="range" class="slider" min="0" max="1000" step="1" data-slider="params"
                    aria-label=move || label().0
                    prop:value=move || slider.position(total()).to_string()
                    on:input=move |ev| { if let Ok(p) = event_target_value(&ev).parse::<f64>() { error.set(None); set_params(slider.value(p, false)) } } />
                <input id="f-params" type="text" class="num" inputmode="decimal" data-field="params"
                    prop:value=move || crate::human::editable(total())
                    on:change=move |ev| commit_params(event_target_value(&ev)) />
            </div>
            <FieldError name="params" error=error />
        </div>
        <details class="arch">
            <summary>{move || ui().architecture}</summary>
            <div class="arch-grid">
                {arch_fields.into_iter().map(|n| view! { <ArchField name=n /> }).collect_view()}
            </div>
        </details>
    }
}

/// Tokens or a dataset size, epochs, and the Chinchilla hint.
#[component]
pub fn DataPicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ui = move || ctx.ui();
    let by_dataset = Memo::new(move |_| {
        ctx.scenario
            .with(|s| matches!(s.data, crate::estimate::scenario::Data::Dataset { .. }))
    });
    // Switching to a dataset size keeps the same tokens (the field reads them as a size).
    let set_mode = move |dataset: bool| {
        let tb = query::field("dataset_tb").expect("data field");
        ctx.scenario.update(|s| {
            let tokens = s.data.tokens();
            if dataset {
                tb.set(s, tb.get(s));
            } else {
                s.data = crate::estimate::scenario::Data::Tokens(tokens);
            }
        })
    };
    let hint = move || {
        let lang = ctx.lang.get();
        ctx.report.with(|r| {
            format!(
                "{}: N = {}, D = {}",
                ctx.ui().chinchilla_hint,
                crate::human::count(r.training.chinchilla_params, lang),
                crate::human::count(r.training.chinchilla_tokens, lang)
            )
        })
    };
    view! {
        <div class="field" role="radiogroup" aria-label=move || ui().data_by>
            <span class="label">{move || ui().data_by}</span>
            <label class="radio"><input type="radio" name="data-mode" data-field="data-mode-tokens" prop:checked=move || !by_dataset.get() on:change=move |_| set_mode(false) /> {move || ui().by_tokens}</label>
            <label class="radio"><input type="radio" name="data-mode" data-field="data-mode-dataset" prop:checked=move || by_dataset.get() on:change=move |_| set_mode(true) /> {move || ui().by_dataset}</label>
        </div>
        {move || if by_dataset.get() {
            view! {
                {inputs(&["dataset_tb", "bytes_per_token"])}
                <p class="hint">{move || ui().bytes_hint}</p>
            }.into_any()
        } else {
            inputs(&["tokens"]).into_any()
        }}
        {inputs(&["epochs"])}
        <p class="hint" data-metric="chinchilla_params" data-value=move || ctx.report.with(|r| r.training.chinchilla_params.to_string())>{hint}</p>
    }
}

/// The accelerator, grouped by vendor, with its key specs.
#[component]
pub fn GpuPicker() -> impl IntoView {
    use crate::estimate::hardware::Vendor;
    let ctx = expect_context::<Ctx>();
    let gpu = Memo::new(move |_| ctx.scenario.with(|s| s.gpu.clone()));
    let label = move || label_of("gpu", ctx.lang.get());
    let vendors = [
        Vendor::Nvidia,
        Vendor::Amd,
        Vendor::Google,
        Vendor::Huawei,
        Vendor::Cambricon,
    ];
    let specs = move || {
        let lang = ctx.lang.get();
        ctx.scenario.with(|s| {
            let r = crate::estimate::resolve::Resolved::new(s);
            let g = &r.gpu;
            let approx = if g.approximate {
                format!(" ({})", lang.ui().approximate)
            } else {
                String::new()
            };
            format!(
                "{} TFLOP/s {} · {} GB · {} GB/s · {} W{approx}",
                crate::human::sig3(r.peak_flops / 1e12),
                r.precision.id(),
                crate::human::sig3(g.hbm_gb),
                crate::human::sig3(g.bandwidth_gbs),
                crate::human::sig3(g.tdp_w)
            )
        })
    };
    view! {
        <div class="field">
            <label for="f-gpu" title=move || label().1>{move || label().0}</label>
            <select id="f-gpu" data-field="gpu" on:change=move |ev| {
                let id = event_target_value(&ev);
                ctx.scenario.update(|s| s.gpu = id);
            }>
                {vendors.into_iter().map(|v| view! {
                    <optgroup label=v.name()>
                        {hardware::CATALOG.iter().filter(|a| a.vendor == v).map(|a| view! {
                            <option value=a.id selected=move || gpu.get() == a.id>{a.name}</option>
                        }).collect_view()}
                    </optgroup>
                }).collect_view()}
                <option value=hardware::CUSTOM_ID selected=move || gpu.get() == hardware::CUSTOM_ID>{move || ctx.ui().custom_gpu}</option>
            </select>
            <p class="hint" data-metric="peak_tflops" data-value=move || ctx.report.with(|r| r.peak_tflops.to_string())>{specs}</p>
        </div>
        {move || (gpu.get() == hardware::CUSTOM_ID).then(|| view! {
            {inputs(&["peak_tflops", "hbm_gb", "bandwidth_gbs"])}
        })}
    }
}
