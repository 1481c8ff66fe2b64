//! The "paste or drop a config.json" box under the model picker: a Hugging Face config read by
//! the core's `hf_config` into the architecture, which then travels in the link like any other.

use super::state::{given, lang, tr};
use crate::estimate::Scenario;
use crate::estimate::hf_config::{self, Imported};
use crate::estimate::presets;
use crate::human;
use crate::i18n::Lang;
use crate::messages as msg;
use leptos::ev;
use leptos::prelude::*;

/// What the last read gave: a summary of the model, or the message naming the field at fault.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Read { text: String },
    Refused { text: String },
}

/// Reads a config's text and, when it is one, makes its architecture the scenario's.
fn read(scenario: RwSignal<Scenario>, lang: RwSignal<Lang>, text: &str, status: RwSignal<Status>) {
    if text.trim().is_empty() {
        status.set(Status::Idle);
        return;
    }
    let lang = lang.get_untracked();
    match hf_config::parse(text) {
        Ok(imported) => {
            // A known model's config becomes its preset (the short link `model=<id>`); any
            // other, a custom architecture with every field in the link. Where several presets
            // share the shape, the one already chosen stays chosen, else the first listed.
            let matches = presets::matching(&imported.arch);
            scenario.update(|s| {
                let kept = matches
                    .iter()
                    .find(|p| s.model.as_deref() == Some(p.id))
                    .or(matches.first());
                s.model = kept.map(|p| p.id.to_string());
                s.set_architecture(imported.arch.clone());
            });
            status.set(Status::Read {
                text: summary(&imported, &matches, lang),
            });
        }
        Err(e) => status.set(Status::Refused {
            text: msg::config_refused(lang, &e),
        }),
    }
}

/// What was read: the model, its size, the preset it is, what was ignored and left out.
fn summary(imported: &Imported, matches: &[&presets::Preset], lang: crate::i18n::Lang) -> String {
    let count = imported.arch.param_count();
    let (name, kind) = (&imported.name, &imported.model_type);
    let (params, layers) = (human::count(count.total, lang), imported.arch.layers);
    let mut read = if imported.arch.is_moe() {
        let active = human::count(count.active, lang);
        msg::config_read_moe(lang, name, kind, &params, &layers, &active)
    } else {
        msg::config_read(lang, name, kind, &params, &layers)
    };
    if !matches.is_empty() {
        let names: Vec<&str> = matches.iter().map(|p| p.name).collect();
        read = msg::config_same_as(lang, &read, &names.join(" / "));
    }
    let mut parts = vec![msg::sentence(lang, &read)];
    if !imported.ignored.is_empty() {
        parts.push(msg::config_ignored(lang, &imported.ignored.join(", ")));
    }
    for note in &imported.notes {
        parts.push(msg::sentence(lang, &crate::i18n::config_note(note, lang)));
    }
    msg::sentences(lang, &parts)
}

/// Reads the first file of a file list (chosen or dropped).
fn read_file(
    scenario: RwSignal<Scenario>,
    lang: RwSignal<Lang>,
    file: web_sys::File,
    status: RwSignal<Status>,
    pasted: RwSignal<String>,
) {
    leptos::task::spawn_local(async move {
        let text = super::export::file_text(file).await;
        pasted.set(text.clone());
        read(scenario, lang, &text, status);
    });
}

/// The box: a text area to paste into or drop onto, a file picker, and what was read.
#[component]
pub fn ConfigImport() -> impl IntoView {
    let scenario = given().scenario;
    let lang = lang();
    let status = RwSignal::new(Status::Idle);
    let pasted = RwSignal::new(String::new());
    let on_drop = move |ev: ev::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            read_file(scenario, lang, file, status, pasted);
        }
    };
    let on_file = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            input.set_value("");
            read_file(scenario, lang, file, status, pasted);
        }
    };
    view! {
        <details class="config-import">
            <summary>{tr(|u| u.config_summary)}</summary>
            <textarea
                id="config-json"
                rows="4"
                spellcheck="false"
                aria-label=tr(|u| u.config_summary)
                placeholder=r#"{"model_type": "qwen3", "hidden_size": 4096, …}"#
                prop:value=pasted
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    read(scenario, lang, &text, status);
                    pasted.set(text);
                }
                on:dragover=|ev: ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            ></textarea>
            <label class="file-button">
                {tr(|u| u.config_open)}
                <input type="file" id="config-file" accept=".json,application/json" on:change=on_file/>
            </label>
            <p
                id="config-status"
                role="status"
                class=move || match status.get() {
                    Status::Refused { .. } => "hint error",
                    _ => "hint",
                }
            >
                {move || match status.get() {
                    Status::Idle => lang.get().ui().config_hint.to_string(),
                    Status::Read { text } | Status::Refused { text } => text,
                }}
            </p>
        </details>
    }
}
