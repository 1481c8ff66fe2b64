//! The planner page. It renders the estimation core's report and collects input; it computes no
//! formula itself.

mod chart_view;
mod fields;
mod library_view;
mod outputs;
mod state;

use crate::i18n::Lang;
use fields::{DataPicker, GpuPicker, ModelPicker, inputs};
use leptos::prelude::*;
use outputs::{Cards, LinkProblems, Tabs};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let ctx = state::provide();
    library_view::provide();
    let ui = move || ctx.ui();
    let copied = RwSignal::new(false);
    let copy = move |_| {
        if let Ok(href) = window().location().href() {
            let _ = window().navigator().clipboard().write_text(&href);
            copied.set(true);
            set_timeout(
                move || copied.set(false),
                std::time::Duration::from_millis(1500),
            );
        }
    };
    let toggle_lang = move |_| {
        state::set_lang(
            ctx,
            if ctx.lang.get() == Lang::Zh {
                Lang::En
            } else {
                Lang::Zh
            },
        )
    };
    view! {
        <header class="top">
            <div>
                <h1>{move || ui().title}</h1>
                <p class="tagline">{move || ui().tagline}</p>
            </div>
            <div class="actions">
                <button id="copy-link" on:click=copy>{move || if copied.get() { ui().copied } else { ui().copy_link }}</button>
                <button id="lang" lang=move || if ctx.lang.get() == Lang::Zh { "en" } else { "zh-CN" } on:click=toggle_lang>{move || ui().switch_lang}</button>
            </div>
        </header>
        <LinkProblems />
        <main class="layout">
            <form class="inputs" on:submit=|ev| ev.prevent_default()>
                <fieldset><legend>{move || ui().g_model}</legend><ModelPicker /></fieldset>
                <fieldset><legend>{move || ui().g_data}</legend><DataPicker /></fieldset>
                <fieldset>
                    <legend>{move || ui().g_hardware}</legend>
                    <GpuPicker />
                    {inputs(&["gpus", "mfu"])}
                    <p class="hint mfu-band">{move || ui().mfu_typical}</p>
                    {inputs(&["precision"])}
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_schedule}</legend>
                    {inputs(&["deadline_days"])}
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_parallel}</legend>
                    {inputs(&["finetune", "lora_rank", "recompute", "zero", "tp", "pp", "sp", "micro_batch", "global_batch", "seq", "optimizer", "net_gbps"])}
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_cost}</legend>
                    {inputs(&["currency", "price_per_gpu_hour", "gpu_price", "cny_per_usd", "power_w", "pue", "grid_kg_per_kwh", "electricity_per_kwh"])}
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_serving}</legend>
                    {inputs(&["users", "requests_per_user_per_hour", "requests_per_s", "prompt_tokens", "output_tokens", "latency_s", "weight_bits", "kv_bits", "batch"])}
                </fieldset>
            </form>
            <div class="outputs">
                <Cards />
                <div class="charts">
                    <chart_view::DaysChartView />
                    <chart_view::MemoryChartView />
                </div>
                <library_view::ScenarioLibrary />
                <Tabs />
            </div>
        </main>
    }
}
