//! Sentences with figures in them, as keyed messages with named arguments: `active(lang, n)`
//! gives "70B active" in English and "激活 700亿" in Chinese, each language with its own word
//! order. Fixed words stay fields of [`crate::i18n::Ui`]; a text that places a figure among
//! words is a message here, never a figure and a word put side by side by the caller.
//!
//! Each message is one row of the table below: its name, its arguments, and a template per
//! language in which `{name}` stands for an argument. The row becomes a function whose
//! parameters are the arguments, so a call site that passes the wrong arguments does not
//! compile; the test `every_template_names_exactly_its_arguments` checks that both templates of
//! every row name each argument and nothing else, so a misspelt or forgotten placeholder fails.
//! Problems and notices are not messages: they keep the core's `Display` as their one English
//! source (`i18n::problem`, `i18n::notice`).

use crate::lang::Lang;
use std::fmt::{Display, Write};

/// A template with its `{name}` placeholders replaced by the arguments of those names. A
/// placeholder without an argument is left as written (the table's test rules that out).
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(n, _)| *n == &after[..close])?)))
        {
            Some((close, (_, value))) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders a template names, in order (`"{n} of {m}"` names `n` and `m`).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
    out
}

/// Sentences in a row: a space after each English one, nothing after a Chinese one (its full
/// stop is wide).
pub fn sentences(lang: Lang, parts: &[String]) -> String {
    parts.join(match lang {
        Lang::En => " ",
        Lang::Zh => "",
    })
}

/// One message as the table holds it, for the tests.
pub struct Row {
    /// The message's name (its function's).
    pub name: &'static str,
    /// Its arguments, as its function takes them.
    pub args: &'static [&'static str],
    /// The English template.
    pub en: &'static str,
    /// The Chinese template.
    pub zh: &'static str,
}

macro_rules! messages {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident($($arg:ident),*) = $en:literal, $zh:literal;
    )*) => {
        $(
            $(#[doc = $doc])*
            pub fn $name(lang: Lang, $($arg: &dyn Display),*) -> String {
                let template = match lang {
                    Lang::En => $en,
                    Lang::Zh => $zh,
                };
                fill(template, &[$((stringify!($arg), $arg)),*])
            }
        )*
        /// Every message, in the table's order.
        pub static ALL: &[Row] = &[$(Row {
            name: stringify!($name),
            args: &[$(stringify!($arg)),*],
            en: $en,
            zh: $zh,
        }),*];
    };
}

messages! {
    // ---- The headline cards' detail lines (`crate::cards`) -----------------------------------
    /// The parameters that compute each token, under the total.
    active(n) = "{n} active", "激活 {n}";
    /// The FLOPs the hardware executes (with recomputation) and the utilisation on them.
    hardware_flops(flops, hfu) = "hardware {flops} · HFU {hfu}", "硬件 {flops} · HFU {hfu}";
    /// The data-parallel replicas and the hardware utilisation, under the days.
    replicas_hfu(n, hfu) = "{n} data-parallel replicas · HFU {hfu}",
        "{n} 个数据并行副本 · HFU {hfu}";
    /// The cheapest change of layout that fits, with the devices the deadline then needs.
    with_change(change, gpus) = "with {change}: {gpus}", "改为 {change}：{gpus}";
    /// The device count before rounding to whole replicas.
    before_rounding(n) = "{n} before rounding", "{n}（取整前）";
    /// The compute in petaFLOP/s-days.
    pf_days(n) = "{n} PF-days", "{n} PF-天";
    /// The attention's share of the FLOPs.
    attention_flops(n) = "{n} attention FLOPs", "注意力 FLOPs {n}";
    /// A price tier's rent per device-hour.
    tier_rent(tier, price) = "{tier} {price}/GPU-h", "{tier} {price}/卡时";
    /// A figure with a note on it (a price and where it comes from).
    noted(value, note) = "{value} ({note})", "{value}（{note}）";
    /// The time spot interruptions add.
    spot_restarts(share) = "+{share} restarts", "重启 +{share}";
    /// What the run costs on another price tier.
    tier_cost(tier, money) = "{tier} {money}", "{tier} {money}";
    /// What buying the devices would cost.
    buying(money) = "buying: {money}", "购置：{money}";
    /// The run's emissions.
    co2(tonnes) = "{tonnes} t CO2e", "{tonnes} t CO2e";
    /// The electricity bill.
    electricity(money) = "power {money}", "电费 {money}";
    /// The memory per device fits in the device's.
    fits(hbm) = "fits {hbm}", "{hbm} 显存放得下";
    /// The memory per device does not fit in the device's.
    does_not_fit(hbm) = "does not fit {hbm}", "{hbm} 显存放不下";
    /// The fewest devices at which this configuration fits.
    this_config(gpus) = "this config: {gpus}", "当前配置：{gpus}";
    /// The serving fleet: replicas of some devices, and the latencies they reach.
    serving_fleet(replicas, gpus, ttft, tpot) =
        "{replicas} × {gpus} per replica · TTFT {ttft} s · TPOT {tpot} ms",
        "{replicas} 个副本 × 每副本 {gpus} 张 · TTFT {ttft} 秒 · TPOT {tpot} 毫秒";
    /// No replica size meets the latency target: the best latency, at its replica size.
    latency_not_met(best, gpus) = "latency target not met; best: {best} s ({gpus} GPUs)",
        "达不到延迟目标；最快 {best} 秒（{gpus} 张 GPU）";
    /// The serving batch and the KV cache of one token.
    batch_kv(batch, kv) = "batch {batch} · {kv} KV/token", "批大小 {batch} · 每 token KV {kv}";
    /// Serving rent per million output tokens.
    per_million_tokens(money) = "{money}/1M tokens", "{money}/百万 token";
    /// Owning the serving fleet instead, per day.
    owning_per_day(money) = "buying: {money}/day (3-year write-off, assumption)",
        "购置：{money}/天（按 3 年折旧，假设）";
    /// A figure's range under the predicted MFU's held-out error band.
    band_range(low, high) = "held-out range {low}–{high}", "留出验证区间 {low}–{high}";
    /// The answer card's caption: the question asked.
    answer_to(question) = "Answer: {question}", "答案：{question}";

    // ---- Charts and sliders -------------------------------------------------------------------
    /// A count of devices.
    gpus(n) = "{n} GPUs", "{n} 张 GPU";
    /// One curve's days at the pointer, in the days chart's tooltip.
    curve_days(curve, days) = "{curve}: {days} days", "{curve}：{days} 天";

    // ---- The form -----------------------------------------------------------------------------
    /// A typed value was rejected: the field, why, and that the last valid value stays.
    field_error(field, problem) = "{field}: {problem} — the last valid value stays in force",
        "{field}：{problem} — 仍使用上一个有效值";
    /// The compute-optimal model and data for the scenario's compute (Chinchilla).
    chinchilla(params, tokens) = "Compute-optimal for this budget (Chinchilla): N = {params}, D = {tokens}",
        "此算力预算下的最优配置（Chinchilla）：N = {params}，D = {tokens}";
    /// Where a catalog row's figures come from.
    source(sources) = "Source: {sources}", "来源：{sources}";
    /// The measured run a calibration is to: its model, accelerator and layout.
    measured_run(run) = "Measured run: {run}", "实测运行：{run}";
    /// The calibration's factor, from a measured step against the predicted one.
    calibrated(factor, measured, predicted) =
        "compute efficiency × {factor}: measured {measured} s per step where the fitted model predicts {predicted} s",
        "计算效率 × {factor}：实测每步 {measured} 秒，拟合模型预测 {predicted} 秒";
    /// A config.json was read: the model, its parameters and layers.
    config_read(name, model_type, params, layers) =
        "Read {name} ({model_type}): {params} parameters, {layers} layers",
        "已读取 {name}（{model_type}）：参数 {params}，{layers} 层";
    /// A config.json of a mixture of experts was read: the same, with its active parameters.
    config_read_moe(name, model_type, params, layers, active) =
        "Read {name} ({model_type}): {params} parameters, {layers} layers, {active} active",
        "已读取 {name}（{model_type}）：参数 {params}，{layers} 层，激活 {active}";
    /// The presets of the config's shape, after what was read.
    config_same_as(read, presets) = "{read} = {presets}", "{read} = {presets}";
    /// The fields of the config that change nothing of the compute.
    config_ignored(fields) = "Ignored (no effect on the compute): {fields}.",
        "已忽略（不影响算力）：{fields}。";
    /// A config.json that could not be used, and why (the reader's English message).
    config_refused(why) = "config.json not used: {why}", "未采用 config.json：{why}";
    /// One sentence, with its full stop.
    sentence(text) = "{text}.", "{text}。";

    // ---- Tabs and the scenarios panel ---------------------------------------------------------
    /// The throughput model's error on the published runs it was not fitted to.
    held_out(intro, runs, mean, worst) = "{intro} {runs} runs, mean {mean}%, worst {worst}%.",
        "{intro}{runs} 次运行，平均 {mean}%，最大 {worst}%。";
    /// A saved scenario written by a newer version of the page.
    saved_by_newer(schema) = "saved by a newer version (schema {schema})",
        "由更新版本保存（schema {schema}）";
    /// Browser storage refused a save.
    storage_full(name) = "Browser storage is full: \"{name}\" was not saved. Delete saved scenarios or export them to files.",
        "浏览器存储已满：「{name}」未保存。请删除已保存的方案或导出为文件。";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Both templates of every message name each of its arguments and nothing else: a
    /// misspelt placeholder (`{gpu}` for `{gpus}`) or a forgotten one fails here, and a wrong
    /// argument at a call site does not compile (the arguments are the function's parameters).
    #[test]
    fn every_template_names_exactly_its_arguments() {
        for row in ALL {
            let args: BTreeSet<&str> = row.args.iter().copied().collect();
            assert_eq!(
                args.len(),
                row.args.len(),
                "{}: an argument twice",
                row.name
            );
            for (lang, template) in [("en", row.en), ("zh", row.zh)] {
                let named: BTreeSet<&str> = placeholders(template).into_iter().collect();
                assert_eq!(named, args, "{} ({lang}): {template}", row.name);
            }
        }
        let names: BTreeSet<&str> = ALL.iter().map(|r| r.name).collect();
        assert_eq!(names.len(), ALL.len(), "a message twice");
    }

    /// The check above catches what it should: a misspelt placeholder is not its argument.
    #[test]
    fn a_misspelt_placeholder_is_seen() {
        let named: BTreeSet<&str> = placeholders("{gpu} GPUs").into_iter().collect();
        assert_ne!(named, BTreeSet::from(["gpus"]));
    }

    /// Chinese templates use Chinese punctuation around their own words, never an ASCII colon
    /// after a Chinese word.
    #[test]
    fn chinese_templates_use_wide_punctuation() {
        for row in ALL {
            for bad in ["：:", " ：", "( ", "，,"] {
                assert!(!row.zh.contains(bad), "{}: {}", row.name, row.zh);
            }
            let ascii_colon_after_han = row.zh.char_indices().any(|(i, c)| {
                c == ':' && row.zh[..i].chars().last().is_some_and(|p| p > '\u{2e80}')
            });
            assert!(!ascii_colon_after_han, "{}: {}", row.name, row.zh);
        }
    }

    #[test]
    fn fill_puts_each_argument_in_its_place_in_either_order() {
        assert_eq!(active(Lang::En, &"70.6B"), "70.6B active");
        assert_eq!(active(Lang::Zh, &"706亿"), "激活 706亿");
        assert_eq!(
            serving_fleet(Lang::Zh, &4, &8, &"0.21", &"35"),
            "4 个副本 × 每副本 8 张 · TTFT 0.21 秒 · TPOT 35 毫秒"
        );
        // A placeholder without its argument stays as written, and braces elsewhere too.
        assert_eq!(fill("{a} {b} {", &[("a", &1)]), "1 {b} {");
    }

    #[test]
    fn sentences_are_spaced_in_english_only() {
        let parts = [sentence(Lang::En, &"A"), sentence(Lang::En, &"B")];
        assert_eq!(sentences(Lang::En, &parts), "A. B.");
        let parts = [sentence(Lang::Zh, &"甲"), sentence(Lang::Zh, &"乙")];
        assert_eq!(sentences(Lang::Zh, &parts), "甲。乙。");
    }
}
