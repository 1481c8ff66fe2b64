//! The Launch tab: the scenario's layout as the settings of the frameworks people launch with,
//! each with a copy button, following the scenario (built only while the tab is open).

use super::state::{answered, lang, tr};
use crate::launch::{Framework, launch};
use leptos::prelude::*;

/// One framework's settings, with its copy button and what it cannot express.
#[component]
fn LaunchBlock(
    /// The framework whose settings are shown.
    framework: Framework,
) -> impl IntoView {
    let lang = lang();
    let answered = answered();
    let out = Memo::new(move |_| {
        answered
            .shown
            .with(|s| answered.report.with(|r| launch(framework, s, r)))
    });
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = out.with_untracked(|o| o.text.clone());
        let _ = window().navigator().clipboard().write_text(&text);
        copied.set(true);
        set_timeout(
            move || copied.set(false),
            std::time::Duration::from_millis(1500),
        );
    };
    let id = framework.id();
    view! {
        <div class="launch" data-framework=id>
            <div class="launch-head">
                <strong>{framework.version()}</strong>
                <button type="button" class="copy" id=format!("copy-{id}") on:click=copy>
                    {move || if copied.get() { lang.get().ui().copied_command } else { lang.get().ui().copy_command }}
                </button>
            </div>
            <pre id=format!("launch-{id}")>{move || out.with(|o| o.text.clone())}</pre>
            // JSON has no comments: DeepSpeed's notes are said under it.
            <Show when=move || framework == Framework::Deepspeed && out.with(|o| !o.notes.is_empty())>
                <ul class="launch-notes">
                    {move || out.with(|o| o.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view())}
                </ul>
            </Show>
        </div>
    }
}

/// Every framework's settings, training first.
#[component]
pub fn LaunchTab() -> impl IntoView {
    view! {
        <p class="launch-intro">{tr(|u| u.launch_intro)}</p>
        {Framework::ALL
            .into_iter()
            .map(|framework| view! { <LaunchBlock framework/> })
            .collect_view()}
    }
}
