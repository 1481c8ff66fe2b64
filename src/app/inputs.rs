//! The inputs form, built from the scenario language's field table: one `FieldInput` component
//! renders any field, with one branch per kind of input (checkbox, select, number with its
//! slider), so each kind is compiled once. The same kinds, ranges and error messages as share
//! links; a rejected value stays visible beside its message, and the last valid value stays in
//! force. Each input reads its value through a memo, so a slider move touches only the inputs
//! whose values changed.
//!
//! Fields are named by [`FieldId`] (`F` here, for short), and the handlers dispatch on it: a
//! misspelt field fails to compile. Their names appear only in the DOM (`data-field`, the
//! elements' ids), which the link and the end-to-end tests read.

use super::state::{Given, answered, given, lang, tr};
use crate::estimate::architecture::Architecture;
use crate::estimate::query::FieldId as F;
use crate::estimate::query::{self, Field, FieldId, Kind, Problem, Value};
use crate::estimate::scenario::{Currency, Data};
use crate::estimate::{Report, Scenario, hardware, presets};
use crate::form::{self, PLACEHOLDERS, Shown, placeholder};
use crate::human;
use crate::i18n::{self, Lang};
use crate::messages as msg;
use crate::sliders::{self, Key, Slider, slider_for};
use leptos::ev;
use leptos::prelude::*;

/// The total parameter count as typed: it replaces the architecture with a bare count.
const PARAMS_KIND: Kind = Kind::Number {
    min: 1e6,
    max: 1e14,
    percent: false,
    auto: false,
};

/// Architecture fields, in the order of the architecture panel.
const ARCH: [F; 11] = [
    F::Layers,
    F::Hidden,
    F::Heads,
    F::KvHeads,
    F::HeadDim,
    F::Glu,
    F::Vocab,
    F::Tied,
    F::Bias,
    F::Experts,
    F::KvLatent,
];
/// Architecture fields that count only with experts.
const ARCH_MOE: [F; 4] = [F::TopK, F::SharedExperts, F::ExpertFfn, F::DenseLayers];
/// Architecture fields that count only with multi-head latent attention.
const ARCH_MLA: [F; 3] = [F::QLatent, F::RopeDim, F::VHeadDim];
/// The layer schedule and the checkpoint's format, for every architecture.
const ARCH_SCHEDULE: [F; 4] = [F::LocalAttn, F::AttnGate, F::MtpLayers, F::Format];
/// Fields that count only with local layers.
const ARCH_LOCAL: [F; 1] = [F::GlobalEvery];
/// Fields that count only with windowed or chunked local layers.
const ARCH_WINDOW: [F; 1] = [F::Window];
/// Fields that count only with linear-attention local layers.
const ARCH_LINEAR: [F; 6] = [
    F::LinearKeyHeads,
    F::LinearKeyDim,
    F::LinearValueHeads,
    F::LinearValueDim,
    F::LinearConv,
    F::LinearStateBits,
];
/// Fields that count only with experts, beside ARCH_MOE.
const ARCH_MOE_SCHEDULE: [F; 2] = [F::MoeEvery, F::ExpertFormat];
/// Fields that count only with DeepSeek sparse attention.
const ARCH_SPARSE: [F; 3] = [F::IndexHeads, F::IndexHeadDim, F::IndexTopk];

/// A field's row, of either table.
#[derive(Clone, Copy)]
enum AnyField {
    Scenario(&'static Field<Scenario>),
    Arch(&'static Field<Architecture>),
}

impl AnyField {
    fn of(field: FieldId) -> Option<Self> {
        field
            .scenario_field()
            .map(AnyField::Scenario)
            .or_else(|| field.arch_field().map(AnyField::Arch))
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
                s.set_architecture(arch);
            }
        }
    }
}

/// The architecture a bare parameter count stands for.
fn implied(s: &Scenario) -> Architecture {
    Architecture::implied_by_params(s.params.unwrap_or(1e9))
}

fn text_of(v: Value) -> String {
    match v {
        Value::Num(x) => query::format_number(x),
        Value::Word(w) => w.to_string(),
        Value::Flag(b) => if b { "1" } else { "0" }.into(),
        Value::Absent => String::new(),
    }
}

// ---- Values: what each input shows -----------------------------------------------------------

/// A field's value as its text input shows it (also what stands in for a rejected link field).
pub fn shown_value(field: FieldId, s: &Scenario, r: &Report) -> String {
    match field {
        F::Params => human::input(r.params_total, false, Lang::En),
        _ => scenario_value(field, s),
    }
}

/// The value of a field the scenario holds by itself (every field but `params`, which the
/// report counts from the architecture).
fn scenario_value(field: FieldId, s: &Scenario) -> String {
    match field {
        F::Model => s.model.clone().unwrap_or_default(),
        F::Gpu => s.gpu.clone(),
        _ => AnyField::of(field).map_or_else(String::new, |f| text_of(f.get(s))),
    }
}

/// The values of a group of fields (one `fields` call), as one memo: the group is the
/// scenario's subscriber, not each field. Each node that re-runs has its bookkeeping (marking
/// its subscribers, leaving and rejoining its sources' subscriber sets), and with sixty fields
/// on the scenario itself that bookkeeping was most of a move; a group whose values did not
/// change re-runs nothing below it. The values are compared as values: only the fields of a
/// changed group print theirs.
fn group_values(shown: Memo<Scenario>, group: Vec<AnyField>) -> Memo<Vec<Value>> {
    // The scenario at the answer: a value solved for shows in its input (read-only there).
    Memo::new(move |_| shown.with(|s| group.iter().map(|f| f.get(s)).collect()))
}

/// One field's value out of its group's, as its input shows it.
/// Numbers read as people write them, in the page language (`70.55B`, `705.5亿`; whole counts
/// in plain digits); choices and flags as the link spells them.
fn value_in(group: Memo<Vec<Value>>, i: usize, whole: bool) -> Memo<String> {
    let lang = lang();
    Memo::new(move |_| {
        let lang = lang.get();
        group.with(|v| match v.get(i) {
            Some(&Value::Num(x)) => human::input(x, whole, lang),
            Some(&v) => text_of(v),
            None => String::new(),
        })
    })
}

/// A slider's value: the field's shown value (which reads back as the number); the report is
/// read only for the values it gives (the parameter count, the predicted MFU).
fn slider_value(report: Memo<Report>, field: FieldId, shown: &str) -> f64 {
    match (field, query::parse_number(shown, false)) {
        (F::Params, _) => report.with(|r| r.params_total),
        (_, Ok(x)) => x,
        // `mfu=auto`: the MFU the model predicts.
        (F::Mfu, Err(_)) => report.with(|r| r.step.mfu),
        _ => 0.0,
    }
}

// ---- Input ----------------------------------------------------------------------------------

/// Shows or clears the message under a field.
fn show_error(given: Given, field: FieldId, problem: Option<Problem>) {
    let had = given
        .field_errors
        .with_untracked(|e| e.iter().any(|(n, _)| *n == field));
    if !had && problem.is_none() {
        return;
    }
    given.field_errors.update(|errors| {
        errors.retain(|(n, _)| *n != field);
        if let Some(p) = problem {
            errors.push((field, p));
        }
    });
}

/// Replaces the architecture by a bare parameter count.
/// A count already in force as a bare count notifies nobody (a drag repeats its rounded values).
fn set_params(scenario: RwSignal<Scenario>, x: f64) {
    scenario.maybe_update(|s| {
        let bare = Some(x);
        let changed =
            s.model.is_some() || s.arch.is_some() || s.params != bare || s.active_params.is_some();
        if changed {
            s.model = None;
            s.arch = None;
            s.params = bare;
            s.active_params = None;
        }
        changed
    })
}

/// A slider moved.
fn slide(given: Given, field: FieldId, slider: Slider, raw: &str) {
    let Ok(pos) = raw.parse::<f64>() else { return };
    let integer = AnyField::of(field).is_some_and(|f| matches!(f.kind(), Kind::Integer { .. }));
    set_slid(given, field, slider.value(field, pos, integer));
}

/// A key moved a slider: to the next round value, or about a tenth for a page.
fn slide_key(
    given: Given,
    report: Memo<Report>,
    field: FieldId,
    slider: Slider,
    key: Key,
    shown: &str,
) {
    let integer = AnyField::of(field).is_some_and(|f| matches!(f.kind(), Kind::Integer { .. }));
    let x = slider_value(report, field, shown);
    set_slid(given, field, slider.step(field, x, key, integer));
}

/// Puts a slider's value in the scenario.
fn set_slid(given: Given, field: FieldId, x: f64) {
    show_error(given, field, None);
    if field == F::Params {
        set_params(given.scenario, x);
    } else if let Some(f) = AnyField::of(field) {
        let v = Value::Num(x);
        // Track positions round to the same value for much of a drag (whole percent, a node of
        // devices): an unchanged value notifies nobody.
        given.scenario.maybe_update(|s| {
            let changed = f.get(s) != v;
            if changed {
                f.set(s, v);
            }
            changed
        });
    }
}

/// A value was typed, chosen or ticked.
fn change(given: Given, shown: Memo<Scenario>, field: FieldId, raw: String, checked: bool) {
    match field {
        F::Model => given.scenario.update(|s| match presets::find(&raw) {
            Some(p) => {
                s.model = Some(p.id.into());
                s.set_architecture(p.arch.clone());
            }
            None => s.model = None,
        }),
        F::Gpu => given.scenario.update(|s| s.gpu = raw),
        F::Params => match query::parse_value(PARAMS_KIND, &raw) {
            Ok(Value::Num(x)) => {
                show_error(given, field, None);
                set_params(given.scenario, x);
            }
            Ok(_) => {}
            Err(p) => show_error(given, field, Some(p)),
        },
        _ => {
            let Some(f) = AnyField::of(field) else {
                return;
            };
            let parsed = match f.kind() {
                Kind::Flag => Ok(Value::Flag(checked)),
                _ if raw.trim().is_empty() && f.optional() => Ok(Value::Absent),
                kind => query::parse_value(kind, &raw),
            };
            match parsed {
                Ok(v) => {
                    show_error(given, field, None);
                    // A new question starts from the answer on screen: the devices, tokens or
                    // model solved for become inputs, so switching back to "days" keeps them.
                    if field == F::Solve {
                        let at = shown.get_untracked();
                        given.scenario.set(at);
                    }
                    given.scenario.update(|s| {
                        f.set(s, v);
                        // A typed HFU states the utilisation: the MFU stops following the model.
                        if field == F::Hfu && v != Value::Absent {
                            s.mfu_auto = false;
                        }
                    });
                }
                Err(p) => show_error(given, field, Some(p)),
            }
        }
    }
}

/// Switching to a dataset size keeps the same tokens (the field reads them as a size).
fn set_data_mode(scenario: RwSignal<Scenario>, dataset: bool) {
    scenario.update(|s| {
        if dataset {
            if let Some(tb) = F::DatasetTb.scenario_field() {
                tb.set(s, tb.get(s));
            }
        } else {
            s.data = Data::Tokens(s.data.tokens());
        }
    })
}

// ---- Components -----------------------------------------------------------------------------

/// What every empty optional field stands for, in the order of [`PLACEHOLDERS`], as one memo of
/// the report (provided by the form): a move that changes none of them re-runs nothing below it.
#[derive(Clone, Copy)]
struct Placeholders(Memo<Vec<String>>);

/// The label of a field, with its tooltip.
#[component]
fn FieldLabel(
    /// The field labelled (its input's id is `f-` and its name).
    field: FieldId,
) -> impl IntoView {
    let lang = lang();
    view! {
        <label for=format!("f-{}", field.name()) title=move || i18n::field_label_tip(field, lang.get()).1>
            {move || i18n::field_label(field, lang.get())}
        </label>
    }
}

/// A number field: its slider where it has one, the typed value (with `7B`/`40%` suffixes),
/// its unit, and the message under it when a typed value was rejected.
#[component]
fn NumberField(
    /// The field.
    field: FieldId,
    /// Its unit, as the field table writes it (translated and, for money, in the currency).
    unit: &'static str,
    /// Its value as the input shows it.
    value: Memo<String>,
) -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    // The name, for the page's attributes only (`data-field`, the elements' ids).
    let name = field.name();
    let error = Memo::new(move |_| {
        given
            .field_errors
            .with(|e| e.iter().find(|(n, _)| *n == field).map(|(_, p)| p.clone()))
    });
    let placeholder = PLACEHOLDERS.iter().position(|&n| n == field).map(|i| {
        let all = expect_context::<Placeholders>().0;
        Memo::new(move |_| all.with(|p| p[i].clone()))
    });
    // A value the answer sets is shown, not typed: read-only and marked as solved.
    let solved = Memo::new(move |_| {
        answered
            .solved
            .with(|s| s.iter().any(|x| x.fields().contains(&field)))
    });
    let slider = slider_for(field).map(|sl| {
        let x = Memo::new(move |_| value.with(|v| slider_value(answered.report, field, v)));
        view! {
            <input
                type="range"
                class="slider"
                min="0"
                max="1000"
                step="1"
                id=format!("s-{name}")
                data-slider=name
                disabled=move || solved.get()
                aria-label=move || i18n::field_label(field, lang.get())
                aria-valuetext=move || sliders::spoken(field, x.get(), unit, lang.get())
                // The value as an attribute too: properties are not HTML, and the prerendered
                // first view (src/bin/prerender.rs) shows the attribute.
                value=sl.position(x.get_untracked()).to_string()
                prop:value=move || sl.position(x.get()).to_string()
                on:input=move |ev| slide(given, field, sl, &event_target_value(&ev))
                // The keyboard moves to round values, and by about a tenth a page (the track's
                // own steps are a thousandth of it: 80 presses from 90 days to 60).
                on:keydown=move |ev: ev::KeyboardEvent| {
                    if let Some(key) = Key::of(&ev.key()) {
                        ev.prevent_default();
                        slide_key(given, answered.report, field, sl, key, &value.get_untracked());
                    }
                }
            />
        }
    });
    view! {
        <div
            class="field"
            class:has-error=move || error.with(Option::is_some)
            class:solved=move || solved.get()
            id=format!("fld-{name}")
        >
            <FieldLabel field/>
            <Show when=move || solved.get()>
                <span class="solved-badge" data-solved=name>{tr(|u| u.solved)}</span>
            </Show>
            <div class="field-row">
                {slider}
                <input
                    id=format!("f-{name}")
                    type="text"
                    inputmode="decimal"
                    class="num"
                    autocomplete="off"
                    data-field=name
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    // A rejected value's message is read with the input it is about.
                    aria-describedby=move || error.with(Option::is_some).then(|| format!("err-{name}"))
                    readonly=move || solved.get()
                    placeholder=move || placeholder.map(|p| p.get()).unwrap_or_default()
                    value=value.get_untracked()
                    prop:value=value
                    on:change=move |ev| change(given, answered.shown, field, event_target_value(&ev), false)
                />
                <span class="unit">{move || {
                    // Only money fields follow the currency (a subscription per field costs).
                    let cny = unit.starts_with("currency")
                        && given.scenario.with(|s| s.currency == Currency::Cny);
                    i18n::unit_in(unit, lang.get(), cny)
                }}</span>
            </div>
            {move || {
                error.get().map(|p| {
                    let lang = lang.get();
                    view! {
                        <p class="field-error" role="alert" data-error-for=name id=format!("err-{name}")>
                            {msg::field_error(lang, &i18n::field_label(field, lang), &i18n::problem(&p, lang))}
                        </p>
                    }
                    .into_any()
                })
            }}
        </div>
    }
}

/// Any field of the scenario language: a checkbox for flags, a select for choices, else a
/// number field.
#[component]
fn FieldInput(
    /// The field.
    field: FieldId,
    /// Its row of the scenario's or the architecture's field table: its kind and unit.
    row: AnyField,
    /// Its value as the input shows it.
    value: Memo<String>,
) -> impl IntoView {
    let given = given();
    let lang = lang();
    let shown = answered().shown;
    // The name, for the page's attributes only.
    let name = field.name();
    match row.kind() {
        Kind::Flag => view! {
            <div class="field field-flag">
                <input
                    id=format!("f-{name}")
                    type="checkbox"
                    data-field=name
                    checked=value.get_untracked() == "1"
                    prop:checked=move || value.get() == "1"
                    on:change=move |ev| change(given, shown, field, String::new(), event_target_checked(&ev))
                />
                <FieldLabel field/>
            </div>
        }
        .into_any(),
        Kind::Choice(words) => view! {
            <div class="field">
                <FieldLabel field/>
                <select
                    id=format!("f-{name}")
                    data-field=name
                    on:change=move |ev| change(given, shown, field, event_target_value(&ev), false)
                >
                    {words
                        .iter()
                        .map(|w| view! {
                            <option value=*w selected=value.get_untracked() == *w prop:selected=move || value.get() == *w>
                                {move || i18n::choice_label(field, w, lang.get())}
                            </option>
                        })
                        .collect_view()}
                </select>
            </div>
        }
        .into_any(),
        _ => view! { <NumberField field unit=row.unit() value/> }.into_any(),
    }
}

/// Several fields in a row of the form, their values read as one group.
fn fields(ids: &'static [FieldId]) -> impl IntoView {
    // Their rows, found once, not on every move.
    let rows: Vec<_> = ids
        .iter()
        .filter_map(|&id| Some((id, AnyField::of(id)?)))
        .collect();
    let group = group_values(answered().shown, rows.iter().map(|&(_, f)| f).collect());
    rows.into_iter()
        .enumerate()
        .map(|(i, (field, row))| {
            let whole = matches!(row.kind(), Kind::Integer { .. });
            view! { <FieldInput field row value=value_in(group, i, whole)/> }
        })
        .collect_view()
}

/// The preset picker, grouped by family and searchable by name in either language (千问 finds
/// Qwen); the chosen preset always stays listed. Under it, where the chosen preset comes from.
#[component]
fn ModelPicker() -> impl IntoView {
    let given = given();
    let lang = lang();
    let shown = answered().shown;
    let filter = RwSignal::new(String::new());
    let model = Memo::new(move |_| given.scenario.with(|s| s.model.clone().unwrap_or_default()));
    let source = Memo::new(move |_| {
        model.with(|id| {
            presets::find(id).map(|p| match p.count_note {
                Some(note) => format!("{} ({note})", p.source),
                None => p.source.to_string(),
            })
        })
    });
    view! {
        <div class="field">
            <label for="f-model">{tr(|u| u.preset)}</label>
            <input
                type="search"
                class="search"
                id="model-search"
                aria-label=tr(|u| u.preset_search)
                placeholder=tr(|u| u.preset_search)
                prop:value=filter
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
            <select id="f-model" data-field="model" on:change=move |ev| change(given, shown, F::Model, event_target_value(&ev), false)>
                <option value="" selected=model.with_untracked(String::is_empty) prop:selected=move || model.with(String::is_empty)>{tr(|u| u.custom_model)}</option>
                {move || {
                    let f = filter.get().trim().to_lowercase();
                    let chosen = model.get();
                    let zh = lang.get() == Lang::Zh;
                    presets::FAMILIES
                        .iter()
                        .filter_map(|family| {
                            let rows: Vec<_> = presets::all()
                                .iter()
                                .filter(|p| p.family.id == family.id && (p.matches(&f) || chosen == p.id))
                                .map(|p| view! { <option value=p.id selected=chosen == p.id prop:selected=chosen == p.id>{p.name}</option> })
                                .collect();
                            (!rows.is_empty()).then(|| {
                                view! { <optgroup label=if zh { family.name_zh } else { family.name }>{rows}</optgroup> }
                            })
                        })
                        .collect_view()
                        .into_any()
                }}
            </select>
            <SourceHint id="model-source" source/>
            <super::config_import::ConfigImport/>
        </div>
    }
}

/// The accelerator picker, grouped by vendor, with the chosen one's figures under it.
#[component]
fn GpuPicker() -> impl IntoView {
    use hardware::Vendor;
    let given = given();
    let lang = lang();
    let answered = answered();
    let gpu = Memo::new(move |_| given.scenario.with(|s| s.gpu.clone()));
    // Where the chosen row's figures and prices come from.
    let source = Memo::new(move |_| {
        gpu.with(|id| {
            hardware::find(id).map(|a| {
                let prices = [a.rent_source, a.price_source].into_iter().flatten();
                std::iter::once(a.source)
                    .chain(prices)
                    .collect::<Vec<_>>()
                    .join("; ")
            })
        })
    });
    let groups = Vendor::ALL
        .into_iter()
        .map(|v| {
            view! {
                <optgroup label=move || if lang.get() == Lang::Zh { v.name_zh() } else { v.name() }>
                    {hardware::CATALOG
                        .iter()
                        .filter(|a| a.vendor == v)
                        .map(|a| view! { <option value=a.id selected=gpu.get_untracked() == a.id prop:selected=move || gpu.get() == a.id>{a.name}</option> })
                        .collect_view()}
                </optgroup>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <FieldLabel field=F::Gpu/>
            <select id="f-gpu" data-field="gpu" on:change=move |ev| change(given, answered.shown, F::Gpu, event_target_value(&ev), false)>
                {groups}
                <option value=hardware::CUSTOM_ID selected=gpu.get_untracked() == hardware::CUSTOM_ID prop:selected=move || gpu.get() == hardware::CUSTOM_ID>
                    {tr(|u| u.custom_gpu)}
                </option>
            </select>
            <Hint hint=form::Hint::Specs report=answered.report lang=lang/>
            <SourceHint id="gpu-source" source/>
        </div>
    }
}

/// Where the chosen catalog row comes from, under its picker (none for a custom one).
#[component]
fn SourceHint(
    /// The paragraph's id (`model-source`, `gpu-source`).
    id: &'static str,
    /// Where the chosen row comes from; `None` hides the hint.
    source: Memo<Option<String>>,
) -> impl IntoView {
    let lang = lang();
    view! {
        <Show when=move || source.with(Option::is_some)>
            <p class="hint source" id=id>
                {move || msg::source(lang.get(), &source.get().unwrap_or_default())}
            </p>
        </Show>
    }
}

/// A live hint under a picker (the accelerator's specs, the Chinchilla optimum), with its raw
/// number in `data-value`.
#[component]
pub fn Hint(
    /// Which hint: its text, its id (`hint-specs`) and the figure its number is.
    hint: form::Hint,
    /// The report it reads.
    report: Memo<Report>,
    /// The language of its text.
    #[prop(into)]
    lang: Signal<Lang>,
) -> impl IntoView {
    let text = Memo::new(move |_| report.with(|r| hint.text(r, lang.get())));
    view! {
        <p
            class="hint"
            id=format!("hint-{}", hint.id())
            data-metric=hint.metric().key()
            data-value=move || text.with(|h| h.1.to_string())
        >
            {move || text.with(|h| h.0.clone())}
        </p>
    }
}

/// Data sized by tokens or as a dataset.
#[component]
fn DataMode() -> impl IntoView {
    let given = given();
    let lang = lang();
    let by_dataset = Memo::new(move |_| {
        given
            .scenario
            .with(|s| matches!(s.data, Data::Dataset { .. }))
    });
    let radio =
        move |dataset: bool, mode: &'static str, text: fn(&'static i18n::Ui) -> &'static str| {
            view! {
                <label class="radio">
                    <input
                        type="radio"
                        name="data-mode"
                        data-field=format!("data-mode-{mode}")
                        checked=by_dataset.get_untracked() == dataset
                        prop:checked=move || by_dataset.get() == dataset
                        on:change=move |_| set_data_mode(given.scenario, dataset)
                    />
                    " " {move || text(lang.get().ui())}
                </label>
            }
        };
    view! {
        <div class="field" role="radiogroup" aria-label=tr(|u| u.data_by)>
            <span class="label">{tr(|u| u.data_by)}</span>
            {radio(false, "tokens", |u| u.by_tokens)}
            {radio(true, "dataset", |u| u.by_dataset)}
        </div>
        <Show when=move || by_dataset.get() fallback=|| fields(&[F::Tokens])>
            {fields(&[F::DatasetTb, F::BytesPerToken])}
            <p class="hint">{tr(|u| u.bytes_hint)}</p>
        </Show>
    }
}

/// The MFU the step-time model predicts at the layout used, beside the chosen one, and the
/// button that makes the MFU follow it (`mfu=auto`).
#[component]
fn PredictedMfu() -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    let predicted = Memo::new(move |_| answered.report.with(|r| r.step.mfu));
    let following = Memo::new(move |_| given.scenario.with(|s| s.mfu_auto));
    let used = Memo::new(move |_| answered.report.with(|r| (r.training.mfu, r.training.hfu)));
    let band = answered.band;
    view! {
        <p class="hint predicted-mfu" id="predicted-mfu">
            {tr(|u| u.mfu_predicted)} ": "
            <strong data-metric="step.mfu" data-value=move || predicted.get().to_string()>
                {move || human::percent(predicted.get())}
            </strong>
            " "
            <Show
                when=move || following.get()
                fallback=move || view! {
                    <button type="button" id="use-predicted" on:click=move |_| given.scenario.update(|s| {
                        s.mfu_auto = true;
                        s.hfu = None;
                    })>
                        {tr(|u| u.use_predicted)}
                    </button>
                }
            >
                <span class="following">{tr(|u| u.mfu_following)}</span>
            </Show>
            <Show when=move || band.with(|b| b.is_some())>
                <br/>
                <span id="mfu-band" class="band" class:unchecked=move || band.with(|b| matches!(b, Some(Err(_))))>
                    {move || band.get().map(|b| i18n::band_line(b, lang.get()))}
                </span>
            </Show>
            <br/>
            <span id="utilisation-used" data-mfu=move || used.get().0.to_string() data-hfu=move || used.get().1.to_string()>
                {tr(|u| u.utilisation_used)} ": MFU " {move || human::percent(used.get().0)}
                " · HFU " {move || human::percent(used.get().1)}
            </span>
        </p>
    }
}

/// Calibration to the user's cluster (docs/model.md §9): the scenario on the page becomes the
/// measured run, the user types what it reached and changes the scenario to the planned run. The
/// run, the measurement and the factor travel in the link.
#[component]
fn Calibrate() -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    // The measured run alone, so that moving a slider of the planned run does not re-time it.
    let calib = Memo::new(move |_| given.scenario.with(|s| s.calib.clone()));
    let run = Memo::new(move |_| {
        calib.with(|c| {
            c.as_deref().map(|c| {
                let layout = crate::estimate::calibration::run_layout(c);
                let model = c.model.clone().unwrap_or_else(|| "custom".into());
                (model, c.gpu.clone(), layout)
            })
        })
    });
    let found = Memo::new(move |_| answered.report.with(|r| r.calibration));
    let open = Memo::new(move |_| given.scenario.with(|s| s.calib.is_some()));
    let use_this = move |_| {
        given.scenario.update(|s| {
            s.calib = Some(Box::new(s.without_calibration()));
            s.mfu_auto = true;
            s.hfu = None;
        })
    };
    let clear = move |_| {
        given.scenario.update(|s| {
            s.calib = None;
            s.set_measured(None);
        })
    };
    view! {
        <details class="calibrate" id="calibrate" open=open.get_untracked() prop:open=move || open.get()>
            <summary>{tr(|u| u.calibrate)}</summary>
            <p class="hint">{tr(|u| u.calibrate_hint)}</p>
            <button type="button" id="calibrate-use" on:click=use_this>{tr(|u| u.calibrate_use)}</button>
            <Show when=move || open.get()>
                <p class="hint" id="calibrate-run">
                    {move || run.get().map(|(model, gpu, l)| {
                        let lang = lang.get();
                        msg::measured_run(lang, &format!("{model} · {gpu} · {}", form::layout_line(&l, lang)))
                    })}
                </p>
                {fields(&[F::CalibMfu, F::CalibStepS, F::CalibTokensPerGpuS])}
                <p class="hint" id="calibrate-factor" data-value=move || found.get().map_or(1.0, |c| c.factor).to_string()>
                    {move || form::calibration_line(found.get().as_ref(), lang.get())}
                </p>
                <button type="button" id="calibrate-clear" on:click=clear>{tr(|u| u.calibrate_clear)}</button>
            </Show>
        </details>
    }
}

/// Whether a part of the form is shown, for a `Show`.
fn shows(shown: Memo<Shown>, part: fn(&Shown) -> bool) -> impl Fn() -> bool + Copy {
    move || shown.with(part)
}

/// The architecture panel. Its fields are built when it is first opened: closed, as it starts,
/// they would be up to eighteen more inputs following every move for nobody to see.
#[component]
fn ArchitecturePanel(
    /// Which parts of the form the scenario shows (the architecture's conditional fields).
    shown: Memo<Shown>,
) -> impl IntoView {
    let given = given();
    let lang = lang();
    let opened = RwSignal::new(false);
    view! {
        <details class="arch" on:toggle=move |_| opened.set(true)>
            <summary>{tr(|u| u.architecture)}</summary>
            <Show when=move || opened.get()>
                <p class="schedule" id="schedule-line">{move || {
                    let lang = lang.get();
                    given.scenario.with(|s| s.arch.as_ref().map(|a| i18n::schedule_line(a, lang)))
                }}</p>
                <div class="arch-grid">
                    {fields(&ARCH)}
                    <Show when=shows(shown, |s| s.dense_ffn)>{fields(&[F::Ffn])}</Show>
                    <Show when=shows(shown, |s| s.arch_moe)>{fields(&ARCH_MOE)}{fields(&ARCH_MOE_SCHEDULE)}</Show>
                    <Show when=shows(shown, |s| s.arch_mla)>{fields(&ARCH_MLA)}</Show>
                    {fields(&ARCH_SCHEDULE)}
                    <Show when=shows(shown, |s| s.arch_local)>{fields(&ARCH_LOCAL)}</Show>
                    <Show when=shows(shown, |s| s.arch_window)>{fields(&ARCH_WINDOW)}</Show>
                    <Show when=shows(shown, |s| s.arch_linear)>{fields(&ARCH_LINEAR)}</Show>
                    <Show when=shows(shown, |s| s.arch_sparse)>{fields(&ARCH_SPARSE)}</Show>
                </div>
            </Show>
        </details>
    }
}

/// The question asked and the inputs that drive its answer, first on the page: the deadline and
/// the devices, the budget where it is asked about, the users where serving is, and a second
/// accelerator to answer on. Each input is on the page once: the rest of the form shows what the
/// question does not.
#[component]
pub fn Question() -> impl IntoView {
    let given = given();
    let shown = Memo::new(move |_| given.scenario.with(Shown::of));
    view! {
        <form class="question" id="question" on:submit=|ev: ev::SubmitEvent| ev.prevent_default()>
            <fieldset class="question">
                <legend>{tr(|u| u.g_question)}</legend>
                {fields(&[F::Solve])}
                <Show when=shows(shown, |s| s.uses_budget)>{fields(&[F::Budget])}</Show>
                <Show
                    when=shows(shown, |s| s.serve)
                    fallback=|| fields(&[F::DeadlineDays, F::Gpus])
                >
                    {fields(&[F::Users, F::UsersMode])}
                    <Show when=shows(shown, |s| !s.concurrent)>{fields(&[F::RequestsPerUserPerHour])}</Show>
                    {fields(&[F::LatencyS])}
                </Show>
                <VersusPicker/>
            </fieldset>
        </form>
    }
}

/// A second accelerator to answer the same question on ("compare two chips").
#[component]
fn VersusPicker() -> impl IntoView {
    let given = given();
    let vs = Memo::new(move |_| {
        given
            .scenario
            .with(|s| s.vs_gpu.clone().unwrap_or_default())
    });
    view! {
        <div class="field">
            <FieldLabel field=F::VsGpu/>
            <select
                id="f-vs_gpu"
                data-field="vs_gpu"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    given.scenario.update(|s| s.vs_gpu = hardware::find(&id).map(|a| a.id.to_string()));
                }
            >
                <option value="" selected=vs.with_untracked(String::is_empty) prop:selected=move || vs.with(String::is_empty)>{tr(|u| u.vs_none)}</option>
                {hardware::CATALOG
                    .iter()
                    .map(|a| view! { <option value=a.id selected=vs.get_untracked() == a.id prop:selected=move || vs.get() == a.id>{a.name}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The inputs form.
#[component]
pub fn Inputs() -> impl IntoView {
    let given = given();
    let lang = lang();
    let answered = answered();
    let shown = Memo::new(move |_| given.scenario.with(Shown::of));
    provide_context(Placeholders(Memo::new(move |_| {
        let lang = lang.get();
        answered.report.with(|r| {
            PLACEHOLDERS
                .iter()
                .map(|&field| placeholder(field, r, lang))
                .collect()
        })
    })));
    // The parameter count is the report's (counted from the architecture).
    let params = Memo::new(move |_| {
        let lang = lang.get();
        answered
            .report
            .with(|r| human::input(r.params_total, false, lang))
    });
    view! {
        <form class="inputs" id="inputs" on:submit=|ev: ev::SubmitEvent| ev.prevent_default()>
            <fieldset>
                <legend>{tr(|u| u.g_model)}</legend>
                <ModelPicker/>
                <NumberField field=F::Params unit="" value=params/>
                <ArchitecturePanel shown/>
            </fieldset>
            <fieldset>
                <legend>{tr(|u| u.g_data)}</legend>
                <DataMode/>
                {fields(&[F::Epochs])}
                <Hint hint=form::Hint::Chinchilla report=answered.report lang=lang/>
            </fieldset>
            <fieldset>
                <legend>{tr(|u| u.g_hardware)}</legend>
                <GpuPicker/>
                <Show when=shows(shown, |s| s.custom_gpu)>
                    {fields(&[F::PeakTflops, F::HbmGb, F::BandwidthGbs])}
                </Show>
                <Show when=shows(shown, |s| s.serve)>{fields(&[F::Gpus])}</Show>
                {fields(&[F::Mfu, F::Hfu])}
                <PredictedMfu/>
                <p class="hint mfu-band">{tr(|u| u.mfu_typical)}</p>
                {fields(&[F::Precision])}
                <Calibrate/>
            </fieldset>
            // The deadline is the question's input, unless the question is serving.
            <Show when=shows(shown, |s| s.serve)>
                <fieldset>
                    <legend>{tr(|u| u.g_schedule)}</legend>
                    {fields(&[F::DeadlineDays])}
                </fieldset>
            </Show>
            <fieldset>
                <legend>{tr(|u| u.g_parallel)}</legend>
                {fields(&[F::Finetune])}
                // Inputs that change nothing in this scenario are not shown (no dead inputs):
                // the adapter rank without LoRA, expert parallelism without experts, the
                // exchange rate in dollars.
                <Show when=shows(shown, |s| s.lora)>{fields(&[F::LoraRank])}</Show>
                {fields(&[F::Layout])}
                // With layout=auto the search chooses these: the layouts tab shows its choice.
                <Show when=shows(shown, |s| !s.layout_auto)>
                    {fields(&[F::Recompute, F::AttnKernel, F::Zero, F::Tp, F::Pp])}
                    <Show when=shows(shown, |s| s.pipeline)>{fields(&[F::PpSchedule])}</Show>
                    {fields(&[F::Vpp])}
                    <Show when=shows(shown, |s| s.moe)>{fields(&[F::Ep, F::Etp, F::EpDispatch, F::EpOverlap, F::EpFp8])}</Show>
                    {fields(&[F::Cp, F::MicroBatch])}
                </Show>
                // MoE folding: the stage's ranks as the attention and the experts group them
                // (Liu et al. 2025), and where the all-to-all runs; with layout=auto, the
                // search's choice.
                <Show when=shows(shown, |s| s.moe)>
                    <p class="groups" id="layout-groups">{move || {
                        let lang = lang.get();
                        let domain = given.scenario.with(|s| {
                            hardware::find(&s.gpu).map_or(8, |g| g.scale_up_domain)
                        });
                        answered.report.with(|r| i18n::groups_line(&r.layout, domain, lang))
                    }}</p>
                </Show>
                {fields(&[F::Sp])}
                <Show when=shows(shown, |s| s.tp_overlap)>{fields(&[F::TpOverlap])}</Show>
                {fields(&[F::GlobalBatch, F::Seq, F::Optimizer, F::NetGbps])}
            </fieldset>
            <fieldset>
                <legend>{tr(|u| u.g_cost)}</legend>
                {fields(&[F::Currency, F::PriceTier, F::PricePerGpuHour, F::PriceReserved1y, F::PriceReserved3y, F::PriceSpot])}
                // Interruptions cost only on spot: its checkpoint interval, rate and restart.
                <Show when=shows(shown, |s| s.spot)>
                    {fields(&[F::CheckpointHours, F::SpotInterruptions, F::RestartMinutes])}
                </Show>
                {fields(&[F::GpuPrice])}
                <Show when=shows(shown, |s| s.cny)>{fields(&[F::CnyPerUsd])}</Show>
                {fields(&[F::PowerW, F::Pue, F::GridKgPerKwh, F::ElectricityPerKwh])}
            </fieldset>
            <fieldset>
                <legend>{tr(|u| u.g_serving)}</legend>
                // The users are the question's inputs when serving is the question.
                <Show when=shows(shown, |s| !s.serve)>
                    {fields(&[F::Users, F::UsersMode])}
                    // Concurrent users each wait for their answer: no rate per user applies.
                    <Show when=shows(shown, |s| !s.concurrent)>{fields(&[F::RequestsPerUserPerHour])}</Show>
                </Show>
                {fields(&[F::RequestsPerS, F::PromptTokens, F::OutputTokens])}
                <Show when=shows(shown, |s| !s.serve)>{fields(&[F::LatencyS])}</Show>
                {fields(&[F::WeightFormat, F::KvBits, F::Batch, F::ContextTokens, F::ConcurrentSequences])}
            </fieldset>
        </form>
    }
}
