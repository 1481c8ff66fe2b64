//! The planner page. It renders the estimation core's report and collects input; it computes no
//! formula itself.

mod chart_view;
mod fields;
mod library_view;
mod outputs;
mod state;

use crate::i18n::Lang;
use fields::{ChoiceField, DataPicker, GpuPicker, ModelPicker, NumberField, Slider};
use leptos::prelude::*;
use outputs::{Cards, LinkProblems, Tabs};

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let ctx = state::provide();
    library_view::provide(ctx);
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
    let catalog_price = move |f: fn(&crate::estimate::hardware::Accelerator) -> f64| {
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
                    <NumberField name="gpus" slider=Slider::Log(1.0, 100_000.0) />
                    <NumberField name="mfu" slider=Slider::Linear(0.1, 0.7) />
                    <p class="hint mfu-band">{move || ui().mfu_typical}</p>
                    <ChoiceField name="precision" />
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_schedule}</legend>
                    <NumberField name="deadline_days" slider=Slider::Linear(1.0, 365.0) />
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_parallel}</legend>
                    <ChoiceField name="finetune" />
                    <NumberField name="lora_rank" />
                    <ChoiceField name="recompute" />
                    <NumberField name="zero" />
                    <NumberField name="tp" />
                    <NumberField name="pp" />
                    <ChoiceField name="sp" />
                    <NumberField name="micro_batch" />
                    <NumberField name="global_batch" />
                    <NumberField name="seq" slider=Slider::Log(512.0, 131_072.0) />
                    <ChoiceField name="optimizer" />
                    <NumberField name="net_gbps" />
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_cost}</legend>
                    <ChoiceField name="currency" />
                    <NumberField name="price_per_gpu_hour" placeholder=catalog_price(|a| a.rent_usd_per_hour) />
                    <NumberField name="gpu_price" placeholder=catalog_price(|a| a.price_usd) />
                    <NumberField name="cny_per_usd" />
                    <NumberField name="power_w" placeholder=Signal::derive(move || ctx.report.with(|r| format!("{} W (TDP)", r.cost.power_w))) />
                    <NumberField name="pue" />
                    <NumberField name="grid_kg_per_kwh" />
                    <NumberField name="electricity_per_kwh" />
                </fieldset>
                <fieldset>
                    <legend>{move || ui().g_serving}</legend>
                    <NumberField name="users" slider=Slider::Log(1.0, 10_000_000.0) />
                    <NumberField name="requests_per_user_per_hour" />
                    <NumberField name="prompt_tokens" />
                    <NumberField name="output_tokens" />
                    <NumberField name="latency_s" />
                    <ChoiceField name="weight_bits" />
                    <ChoiceField name="kv_bits" />
                    <NumberField name="batch" />
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
