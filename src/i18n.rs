//! 中文 and English. Every UI string is a field of [`Ui`], so a string missing from either
//! language fails the build (a sentence with figures in it is a message of `crate::messages`);
//! field labels are a table checked by a test against the scenario language; notices and
//! problems are exhaustive matches.

use crate::estimate::notice::Notice;
use crate::estimate::query::{FieldId, Problem};

pub use crate::lang::Lang;

impl Lang {
    /// The UI strings.
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// Every fixed UI string; each field's name says what it labels.
#[allow(missing_docs)]
pub struct Ui {
    pub title: &'static str,
    pub tagline: &'static str,
    pub switch_lang: &'static str,
    pub copy_link: &'static str,
    pub copied: &'static str,
    pub g_model: &'static str,
    pub g_data: &'static str,
    pub g_hardware: &'static str,
    pub g_schedule: &'static str,
    pub g_parallel: &'static str,
    pub g_cost: &'static str,
    pub g_serving: &'static str,
    pub preset: &'static str,
    pub preset_search: &'static str,
    pub custom_model: &'static str,
    pub architecture: &'static str,
    pub derived_params: &'static str,
    pub data_by: &'static str,
    pub by_tokens: &'static str,
    pub by_dataset: &'static str,
    pub bytes_hint: &'static str,
    pub mfu_typical: &'static str,
    pub band_unchecked: &'static str,
    pub calibrate: &'static str,
    pub calibrate_hint: &'static str,
    pub calibrate_use: &'static str,
    pub calibrate_clear: &'static str,
    pub calibrate_none: &'static str,
    pub gpu_specs: &'static str,
    pub approximate: &'static str,
    pub assumption: &'static str,
    pub catalog_price: &'static str,
    pub catalog_source: &'static str,
    pub fits: &'static str,
    pub does_not_fit: &'static str,
    pub chart_days: &'static str,
    pub chart_memory: &'static str,
    pub axis_gpus: &'static str,
    pub axis_days: &'static str,
    pub axis_memory: &'static str,
    /// Step chart: caption.
    pub chart_step: &'static str,
    /// Step chart: y axis.
    pub axis_step: &'static str,
    /// Serving chart: caption.
    pub chart_serving: &'static str,
    /// The context chart's caption.
    pub chart_context: &'static str,
    /// The context chart's y axis.
    pub axis_context: &'static str,
    /// The context chart's parts: the cache that grows with the context, the part that stops.
    pub cache_growing: &'static str,
    /// The bounded part: windows once full, linear states.
    pub cache_bounded: &'static str,
    /// The context chart's line: the usable memory of the devices the context needs.
    pub usable_memory: &'static str,
    /// Serving chart: y axis.
    pub axis_serving: &'static str,
    /// Tab: serving.
    pub tab_serving: &'static str,
    /// Predicted MFU beside the MFU input.
    pub mfu_predicted: &'static str,
    /// Button: take the predicted MFU (mfu=auto).
    pub use_predicted: &'static str,
    /// Shown while the MFU follows the prediction.
    pub mfu_following: &'static str,
    /// The utilisation the figures use, as MFU and HFU.
    pub utilisation_used: &'static str,
    /// Deadline card: memory, not compute, sets the count.
    pub limited_by_memory: &'static str,
    /// The button back to the default scenario.
    pub start_over: &'static str,
    /// Its tooltip.
    pub start_over_tip: &'static str,
    /// The summary that opens a chart's data table.
    pub chart_table: &'static str,
    /// The question's group of inputs.
    pub g_question: &'static str,
    /// The accelerator picker's "no second accelerator".
    pub vs_none: &'static str,
    /// The mark on an input the answer sets.
    pub solved: &'static str,
    /// The answer card without a budget to answer from.
    pub ask_budget: &'static str,
    /// The answer card when no device count holds the model.
    pub answer_never_fits: &'static str,
    /// The answer card when no device count meets the deadline.
    pub answer_too_many: &'static str,
    /// What limits the answer: compute, memory, the deadline, the budget.
    pub limited_compute: &'static str,
    /// See `limited_compute`.
    pub limited_memory: &'static str,
    /// See `limited_compute`.
    pub limited_deadline: &'static str,
    /// See `limited_compute`.
    pub limited_load: &'static str,
    /// See `limited_compute`.
    pub limited_budget: &'static str,
    /// Layout table: caption.
    pub layouts_title: &'static str,
    /// Layout table: what it is.
    pub layouts_intro: &'static str,
    /// Layout table: button.
    pub use_layout: &'static str,
    /// Layout table: the layout in use.
    pub layout_in_use: &'static str,
    /// Layout table: column heads.
    pub col_layout: &'static str,
    /// Layout table: step time column.
    pub col_step: &'static str,
    /// Layout table: memory column.
    pub col_memory: &'static str,
    /// Layout table: nothing fits.
    pub layouts_none: &'static str,
    /// Tab: layouts.
    pub tab_layouts: &'static str,
    pub deadline: &'static str,
    pub current: &'static str,
    pub not_fit_region: &'static str,
    pub hbm: &'static str,
    pub weights: &'static str,
    pub gradients: &'static str,
    pub optimizer: &'static str,
    pub activations: &'static str,
    pub kv_cache: &'static str,
    pub inference: &'static str,
    pub tab_how: &'static str,
    pub tab_reality: &'static str,
    pub tab_notes: &'static str,
    /// The Launch tab.
    pub tab_launch: &'static str,
    /// Above the launch settings.
    pub launch_intro: &'static str,
    /// A launch block's copy button.
    pub copy_command: &'static str,
    /// The same, once copied.
    pub copied_command: &'static str,
    pub formula: &'static str,
    pub with_your_numbers: &'static str,
    pub source: &'static str,
    pub run: &'static str,
    pub metric: &'static str,
    pub predicted: &'static str,
    pub published: &'static str,
    pub error: &'static str,
    pub reality_intro: &'static str,
    pub role: &'static str,
    pub role_fitted: &'static str,
    pub role_held_out: &'static str,
    pub role_check: &'static str,
    pub held_out_summary: &'static str,
    pub no_notes: &'static str,
    pub days_unit: &'static str,
    pub tok_s: &'static str,
    pub assumptions_note: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub rule_of_thumb: &'static str,
    pub scenarios: &'static str,
    pub scenario_name: &'static str,
    pub save: &'static str,
    pub untitled: &'static str,
    pub deleted: &'static str,
    pub undo: &'static str,
    pub no_saved: &'static str,
    pub compare_hint: &'static str,
    /// What compare does, shown before anything is saved.
    pub compare_explain: &'static str,
    /// The button that saves the scenario on screen so that it can be compared.
    pub save_to_compare: &'static str,
    /// Once something is saved and nothing is compared: how to compare.
    pub compare_pick: &'static str,
    /// The compare table's first column: the scenario on screen.
    pub compare_baseline: &'static str,
    /// The scenario on screen in the charts, beside compared ones.
    pub compare_on_screen: &'static str,
    /// Under the baseline's heading when a compared saved scenario is the one on screen;
    /// `{name}` is its name.
    pub compare_same_as: &'static str,
    /// Above the compare table: what its percentages are relative to.
    pub compare_relative: &'static str,
    /// A percentage's tooltip; `{pct}` is the difference.
    pub compare_vs: &'static str,
    /// Shown while the compare table is wider than its box.
    pub compare_scroll: &'static str,
    /// When every compared scenario is the one on screen.
    pub compare_all_same: &'static str,
    /// A compared input the estimate works out itself (`mfu=auto`).
    pub compare_auto: &'static str,
    /// A compared input left at its default.
    pub compare_default: &'static str,
    /// A model given by its architecture rather than a preset.
    pub compare_custom_model: &'static str,
    /// After a preset's name when its architecture was changed.
    pub compare_modified: &'static str,
    pub open: &'static str,
    pub rename: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub unreadable: &'static str,
    pub export: &'static str,
    pub scenario_json: &'static str,
    pub import: &'static str,
    pub custom_gpu: &'static str,
    pub storage_unavailable: &'static str,
    /// The compare toggle of a saved entry.
    pub compare: &'static str,
    /// Before the value a rejected link field falls back to.
    pub stands_in: &'static str,
    /// The heading of the compare table's input rows.
    pub inputs_heading: &'static str,
    /// The heading of the compare table's figure rows.
    pub figures_heading: &'static str,
    /// The layout row of the compare table.
    pub layout: &'static str,
    /// Dismisses the link problems.
    pub dismiss: &'static str,
    /// Paste or drop a config.json
    pub config_summary: &'static str,
    /// Open a config.json
    pub config_open: &'static str,
    /// A Hugging Face config.json fills the architecture exactly; the link then carries it.
    pub config_hint: &'static str,
    /// parameters
    pub config_params: &'static str,
    /// on demand
    pub tier_on_demand: &'static str,
    /// 1-yr
    pub tier_1y: &'static str,
    /// 3-yr
    pub tier_3y: &'static str,
    /// spot
    pub tier_spot: &'static str,
    /// Rented only: no purchase price.
    pub not_for_sale: &'static str,
    /// A price a cloud or vendor publishes.
    pub published_price: &'static str,
    /// A derivation's rounding to whole replicas.
    pub step_whole_replicas: &'static str,
    /// A derivation's rounding up.
    pub step_rounded_up: &'static str,
    /// Derivation step: the deadline's count searched at each count's predicted MFU.
    pub step_search_counts: &'static str,
    /// A figure held at its largest allowed share.
    pub step_capped: &'static str,
}

/// English.
pub const EN: Ui = Ui {
    title: "Suanli 算力",
    tagline: "How much compute does this model need? Training, memory, serving, cost: in your browser.",
    switch_lang: "中文",
    copy_link: "Copy link",
    copied: "Link copied",
    g_model: "Model",
    g_data: "Data",
    g_hardware: "Hardware",
    g_schedule: "Schedule",
    g_parallel: "Parallelism and memory",
    g_cost: "Cost and energy",
    g_serving: "Serving",
    preset: "Preset",
    preset_search: "Search models",
    custom_model: "Custom (from the fields below)",
    architecture: "Architecture",
    derived_params: "Parameters",
    data_by: "Size the data by",
    by_tokens: "tokens",
    by_dataset: "dataset size",
    bytes_hint: "English BPE ≈ 4 bytes/token; Chinese with a Chinese-aware tokenizer ≈ 1.5–2",
    mfu_typical: "typical published runs: 30–50 %",
    band_unchecked: "unchecked estimate: outside the published runs",
    calibrate: "Calibrate to your cluster",
    calibrate_hint: "Set up a run you measured, press the button, type what it reached; then change the scenario to the run you plan. The step model's compute efficiency is fitted to your run.",
    calibrate_use: "This scenario is my measured run",
    calibrate_clear: "Remove calibration",
    calibrate_none: "not calibrated: the fitted constants",
    gpu_specs: "Dense peak, memory, bandwidth, power",
    approximate: "approximate",
    assumption: "assumption",
    catalog_price: "catalog estimate",
    catalog_source: "catalog",
    fits: "fits",
    does_not_fit: "does not fit",
    chart_days: "Training days by GPU count",
    chart_memory: "Memory per GPU",
    axis_gpus: "GPUs",
    axis_days: "days",
    axis_memory: "GB per GPU",
    chart_step: "Where a step's time goes",
    axis_step: "seconds per step",
    chart_serving: "This serving load on other accelerators: rent per million output tokens (devices needed)",
    chart_context: "Inference memory against context length: weights, the cache that grows (global layers) and the part that stops (windows, linear states), for the sequences held at once",
    axis_context: "GB",
    cache_growing: "cache, growing",
    cache_bounded: "windows and states, bounded",
    usable_memory: "usable memory of the devices",
    axis_serving: "rent per 1M tokens",
    tab_serving: "Serving",
    mfu_predicted: "Predicted by the step-time model",
    use_predicted: "Use predicted",
    mfu_following: "MFU follows the step-time model (mfu=auto); type a number to set it",
    utilisation_used: "The figures use",
    limited_by_memory: "memory, not compute, sets this count",
    solved: "solved",
    g_question: "Your question",
    chart_table: "Show the figures as a table",
    vs_none: "none",
    start_over: "Start over",
    start_over_tip: "Back to the default scenario. Saved scenarios are kept.",
    ask_budget: "Enter a budget to see what it buys",
    answer_never_fits: "No device count holds this model in memory: see the notes",
    answer_too_many: "No GPU count up to 10 million meets this deadline: give it more days or a larger batch",
    limited_compute: "limited by compute",
    limited_memory: "limited by memory",
    limited_deadline: "limited by the deadline",
    limited_load: "set by the users' load and the latency",
    limited_budget: "limited by the budget",
    layouts_title: "Fastest layouts that fit",
    layouts_intro: "Every TP, PP, DP, EP, CP, interleaving and micro-batch the GPU count and batch allow, with the cheapest recomputation and ZeRO stage that fit, ranked by predicted step time.",
    use_layout: "Use this layout",
    layout_in_use: "in use",
    col_layout: "Layout",
    col_step: "Step time",
    col_memory: "Memory per GPU",
    layouts_none: "No layout fits in memory on this GPU count.",
    tab_layouts: "Layouts",
    deadline: "deadline",
    current: "current",
    not_fit_region: "does not fit in memory",
    hbm: "HBM",
    weights: "weights",
    gradients: "gradients",
    optimizer: "optimizer",
    activations: "activations",
    kv_cache: "KV cache",
    inference: "serving",
    tab_how: "How is this computed",
    tab_reality: "Reality check",
    tab_notes: "Notes",
    tab_launch: "Launch",
    launch_intro: "The layout used, as each framework's own settings at the release named. What a framework cannot express is said in a comment, never changed.",
    copy_command: "Copy",
    copied_command: "Copied",
    formula: "Formula",
    with_your_numbers: "With your numbers",
    source: "Source",
    run: "Run",
    metric: "Figure",
    predicted: "Predicted",
    published: "Published",
    error: "Error",
    reality_intro: "Published training runs and figures, recomputed with this page's model and set beside the published values, so you can judge how far to trust its numbers. Each row names its source; the link opens the row's inputs here. Fitted rows set the throughput model's constants; held-out rows were not used for that, so their error is the accuracy to expect; formula checks test one formula (FLOPs, memory, counts).",
    role: "Role",
    role_fitted: "fitted",
    role_held_out: "held out",
    role_check: "formula check",
    held_out_summary: "The throughput model's four constants are fitted to three published throughput tables only (Megatron-LM on A100 and H100, NeMo's Llama 2 7B from 4k to 1M tokens on H100). On the published runs it was not fitted to, the error is:",
    no_notes: "No caveats for this scenario.",
    days_unit: "days",
    tok_s: "tok/s",
    assumptions_note: "Serving assumes 80 % of peak memory bandwidth and 50 % of peak FLOP/s, and 90 % of memory usable (vLLM's default).",
    yes: "yes",
    no: "no",
    rule_of_thumb: "rule of thumb",
    scenarios: "Scenarios",
    scenario_name: "Name this scenario",
    save: "Save",
    untitled: "Untitled scenario",
    deleted: "Deleted",
    undo: "Undo",
    no_saved: "No saved scenarios yet. Saved scenarios stay in this browser.",
    compare_hint: "Compare (up to 4)",
    compare_explain: "Compare sets saved scenarios beside the one on screen: the inputs that differ, the headline figures with their change in %, and the charts. Save this scenario, change it, then press Compare on the saved one.",
    save_to_compare: "Save this scenario to compare",
    compare_pick: "Press Compare on a saved scenario (up to 4) to set it beside the one on screen.",
    compare_baseline: "On screen (baseline)",
    compare_on_screen: "On screen",
    compare_same_as: "= saved “{name}”",
    compare_relative: "Percentages are relative to the first column, the scenario on screen (baseline).",
    compare_vs: "{pct} relative to the scenario on screen",
    compare_scroll: "Scroll sideways for more scenarios →",
    compare_all_same: "The compared scenarios are the one on screen. Change an input to see what it changes.",
    compare_auto: "auto",
    compare_default: "default",
    compare_custom_model: "Custom",
    compare_modified: "modified",
    open: "Open",
    rename: "Rename",
    duplicate: "Duplicate",
    delete: "Delete",
    unreadable: "Some saved entries could not be read. They are kept in storage, untouched or set aside:",
    export: "Export",
    scenario_json: "Scenario",
    import: "Import scenario",
    custom_gpu: "Custom",
    storage_unavailable: "Browser storage is unavailable (private mode or disabled): scenarios cannot be saved in this browser; links still work.",
    compare: "Compare",
    stands_in: "using",
    inputs_heading: "Inputs",
    figures_heading: "Figures",
    layout: "Layout",
    dismiss: "Dismiss",
    config_summary: "Paste or drop a config.json",
    config_open: "Open a config.json",
    config_hint: "A Hugging Face config.json fills the architecture exactly; the link then carries it.",
    config_params: "parameters",
    tier_on_demand: "on demand",
    tier_1y: "1-yr",
    tier_3y: "3-yr",
    tier_spot: "spot",
    not_for_sale: "rented only, not sold",
    published_price: "published",
    step_whole_replicas: "whole replicas",
    step_rounded_up: "rounded up",
    step_search_counts: "fewest replicas meeting the deadline at their predicted MFU",
    step_capped: "capped at 95 %",
};

/// 中文.
pub const ZH: Ui = Ui {
    title: "算力 Suanli",
    tagline: "训练这个模型需要多少算力？训练、显存、推理、成本，全部在浏览器中计算。",
    switch_lang: "English",
    copy_link: "复制链接",
    copied: "链接已复制",
    g_model: "模型",
    g_data: "数据",
    g_hardware: "硬件",
    g_schedule: "工期",
    g_parallel: "并行与显存",
    g_cost: "成本与能耗",
    g_serving: "推理服务",
    preset: "预设",
    preset_search: "搜索模型",
    custom_model: "自定义（使用下方参数）",
    architecture: "模型结构",
    derived_params: "参数量",
    data_by: "数据量按",
    by_tokens: "token 数",
    by_dataset: "数据集大小",
    bytes_hint: "英文 BPE 约 4 字节/token；中文（中文分词器）约 1.5–2",
    mfu_typical: "公开训练的典型值：30–50 %",
    band_unchecked: "未经校验的估计：超出公开运行的范围",
    calibrate: "按您的集群校准",
    calibrate_hint: "先设置一次您实测过的运行，按下按钮并填写实测值；再把场景改成计划中的运行。步长模型的计算效率将按您的运行拟合。",
    calibrate_use: "当前场景就是我的实测运行",
    calibrate_clear: "移除校准",
    calibrate_none: "未校准：使用拟合常数",
    gpu_specs: "稠密峰值、显存、带宽、功耗",
    approximate: "近似值",
    assumption: "假设",
    catalog_price: "目录估价",
    catalog_source: "目录",
    fits: "放得下",
    does_not_fit: "放不下",
    chart_days: "GPU 数量与训练天数",
    chart_memory: "每卡显存",
    axis_gpus: "GPU 数",
    axis_days: "天",
    axis_memory: "每卡 GB",
    chart_step: "单步时间构成",
    axis_step: "每步秒数",
    chart_serving: "同一推理负载在其他加速卡上：每百万输出 token 的租金（所需卡数）",
    chart_context: "推理显存随上下文长度的变化：权重、随上下文增长的缓存（全局层）与不再增长的部分（滑窗、线性状态），按同时保持的序列数计",
    axis_context: "GB",
    cache_growing: "缓存（增长）",
    cache_bounded: "滑窗与状态（有上限）",
    usable_memory: "所需卡的可用显存",
    axis_serving: "每百万 token 租金",
    tab_serving: "推理",
    mfu_predicted: "步时模型预测",
    use_predicted: "使用预测值",
    mfu_following: "MFU 跟随步时模型（mfu=auto）；输入数字即可手动设定",
    utilisation_used: "估算所用",
    limited_by_memory: "此卡数由显存而非算力决定",
    solved: "求解值",
    g_question: "你的问题",
    chart_table: "以表格显示数据",
    vs_none: "不对比",
    start_over: "重新开始",
    start_over_tip: "回到默认场景；已保存的场景会保留。",
    ask_budget: "请输入预算，查看它能买到什么",
    answer_never_fits: "任何 GPU 数都放不下这个模型：见备注",
    answer_too_many: "1000 万张以内的 GPU 都赶不上这个期限：请放宽期限或加大批量",
    limited_compute: "受算力限制",
    limited_memory: "受显存限制",
    limited_deadline: "受期限限制",
    limited_load: "由用户负载和延迟要求决定",
    limited_budget: "受预算限制",
    layouts_title: "放得下的最快并行布局",
    layouts_intro: "按卡数和批大小允许的全部 TP、PP、DP、EP、CP、交错段数与微批组合，各取放得下的最省重计算与 ZeRO 级别，按预测单步时间排序。",
    use_layout: "采用此布局",
    layout_in_use: "当前使用",
    col_layout: "布局",
    col_step: "单步时间",
    col_memory: "每卡显存",
    layouts_none: "在此卡数下没有放得下的布局。",
    tab_layouts: "并行布局",
    deadline: "截止",
    current: "当前",
    not_fit_region: "显存不足",
    hbm: "显存",
    weights: "权重",
    gradients: "梯度",
    optimizer: "优化器",
    activations: "激活值",
    kv_cache: "KV 缓存",
    inference: "推理",
    tab_how: "计算方法",
    tab_reality: "对照实测",
    tab_notes: "提示",
    tab_launch: "启动配置",
    launch_intro: "所用的并行布局，写成各框架（标明版本）自己的参数。框架表达不了的部分写在注释里，不会悄悄改掉。",
    copy_command: "复制",
    copied_command: "已复制",
    formula: "公式",
    with_your_numbers: "代入数值",
    source: "出处",
    run: "训练",
    metric: "指标",
    predicted: "预测",
    published: "公开值",
    error: "误差",
    reality_intro: "用本页的模型重新计算公开的训练运行与数据，并与公开值并列，便于判断这些数字有多可信。每行注明出处；点链接即可在本页打开该行的输入。“拟合”行用来确定吞吐模型的常数；“留出验证”行没有参与拟合，其误差就是可预期的精度；“公式校验”行检验单个公式（计算量、显存、数量）。",
    role: "用途",
    role_fitted: "拟合",
    role_held_out: "留出验证",
    role_check: "公式校验",
    held_out_summary: "吞吐模型的四个常数只用三张公开吞吐表拟合（Megatron-LM 在 A100 与 H100 上，以及 NeMo 的 Llama 2 7B 在 H100 上从 4k 到 1M token）。在未参与拟合的公开运行上，误差为：",
    no_notes: "此方案没有需要注意的事项。",
    days_unit: "天",
    tok_s: "token/秒",
    assumptions_note: "推理估算假设达到峰值显存带宽的 80 %、峰值算力的 50 %，可用显存 90 %（vLLM 默认值）。",
    yes: "是",
    no: "否",
    rule_of_thumb: "经验估算",
    scenarios: "方案",
    scenario_name: "为此方案命名",
    save: "保存",
    untitled: "未命名方案",
    deleted: "已删除",
    undo: "撤销",
    no_saved: "还没有保存的方案。方案保存在此浏览器中。",
    compare_hint: "对比（最多 4 个）",
    compare_explain: "对比功能把保存的方案与当前页面上的方案并排列出：不同的输入、主要结果及其变化百分比，以及图表。先保存此方案，修改之后，再点已保存方案的“对比”。",
    save_to_compare: "保存此方案以便对比",
    compare_pick: "点已保存方案的“对比”（最多 4 个），与当前页面上的方案并排比较。",
    compare_baseline: "当前页面（基准）",
    compare_on_screen: "当前页面",
    compare_same_as: "= 已保存的“{name}”",
    compare_relative: "百分比相对于第一列，即当前页面上的方案（基准）。",
    compare_vs: "相对当前页面的方案 {pct}",
    compare_scroll: "左右滑动查看更多方案 →",
    compare_all_same: "对比的方案与当前页面上的方案相同。修改输入即可看到差别。",
    compare_auto: "自动",
    compare_default: "默认",
    compare_custom_model: "自定义",
    compare_modified: "已修改",
    open: "打开",
    rename: "重命名",
    duplicate: "复制",
    delete: "删除",
    unreadable: "部分已保存的条目无法读取。它们仍保留在存储中（原样或另存）：",
    export: "导出",
    scenario_json: "方案",
    import: "导入方案",
    custom_gpu: "自定义",
    storage_unavailable: "浏览器存储不可用（隐私模式或已禁用）：无法在此浏览器保存方案；链接仍可使用。",
    compare: "对比",
    stands_in: "改用",
    inputs_heading: "输入",
    figures_heading: "结果",
    layout: "并行布局",
    dismiss: "关闭",
    config_summary: "粘贴或拖入 config.json",
    config_open: "打开 config.json 文件",
    config_hint: "Hugging Face 的 config.json 会精确填入模型结构，链接随之带上。",
    config_params: "参数",
    tier_on_demand: "按需",
    tier_1y: "1 年",
    tier_3y: "3 年",
    tier_spot: "竞价",
    not_for_sale: "仅租用，不单独出售",
    published_price: "公布价",
    step_whole_replicas: "取整到完整副本",
    step_rounded_up: "向上取整",
    step_search_counts: "按各卡数下的预测 MFU 找满足期限的最少副本数",
    step_capped: "上限 95 %",
};

/// A label and a tooltip in both languages.
#[derive(Clone, Copy)]
pub struct FieldText {
    /// Label, English.
    pub en: &'static str,
    /// Label, Chinese.
    pub zh: &'static str,
    /// Tooltip, English.
    pub tip_en: &'static str,
    /// Tooltip, Chinese.
    pub tip_zh: &'static str,
}

const fn ft(
    en: &'static str,
    zh: &'static str,
    tip_en: &'static str,
    tip_zh: &'static str,
) -> FieldText {
    FieldText {
        en,
        zh,
        tip_en,
        tip_zh,
    }
}

/// Labels of the fields, looked up by id: a table is less code than a `match` (a test checks
/// every id has its row).
static FIELD_TEXTS: &[(FieldId, FieldText)] = &[
    (
        FieldId::V,
        ft(
            "Format version",
            "格式版本",
            "Version of the link format",
            "链接格式版本",
        ),
    ),
    (
        FieldId::Model,
        ft(
            "Model",
            "模型",
            "A published architecture; fields you change override it",
            "公开的模型结构；修改的字段会覆盖预设",
        ),
    ),
    (
        FieldId::Params,
        ft("Parameters", "参数量", "Total parameters N", "总参数量 N"),
    ),
    (
        FieldId::ActiveParams,
        ft(
            "Active parameters",
            "激活参数",
            "Parameters each token uses (MoE)",
            "每个 token 使用的参数（MoE）",
        ),
    ),
    (
        FieldId::Tokens,
        ft(
            "Training tokens",
            "训练 token 数",
            "Tokens per epoch D",
            "每轮训练的 token 数 D",
        ),
    ),
    (
        FieldId::DatasetTb,
        ft(
            "Dataset size (TB)",
            "数据集大小（TB）",
            "Terabytes of text, converted with bytes per token",
            "文本字节数（TB），按每 token 字节数换算",
        ),
    ),
    (
        FieldId::BytesPerToken,
        ft(
            "Bytes per token",
            "每 token 字节数",
            "About 4 for English BPE, 1.5–2 for Chinese",
            "英文 BPE 约 4，中文约 1.5–2",
        ),
    ),
    (
        FieldId::Layers,
        ft(
            "Layers",
            "层数",
            "Transformer layers L",
            "Transformer 层数 L",
        ),
    ),
    (
        FieldId::Hidden,
        ft("Hidden size", "隐藏维度", "Model width h", "模型宽度 h"),
    ),
    (
        FieldId::Heads,
        ft(
            "Attention heads",
            "注意力头数",
            "Query heads a",
            "查询头数 a",
        ),
    ),
    (
        FieldId::KvHeads,
        ft(
            "KV heads",
            "KV 头数",
            "Key/value heads g: equal to heads for MHA, fewer for GQA, 1 for MQA",
            "键值头数 g：MHA 与头数相同，GQA 更少，MQA 为 1",
        ),
    ),
    (
        FieldId::HeadDim,
        ft(
            "Head dimension",
            "每头维度",
            "d_h, usually hidden / heads",
            "d_h，通常为隐藏维度 / 头数",
        ),
    ),
    (
        FieldId::Ffn,
        ft(
            "FFN size",
            "FFN 维度",
            "Inner size f of the feed-forward block",
            "前馈层中间维度 f",
        ),
    ),
    (
        FieldId::Glu,
        ft(
            "Gated FFN (SwiGLU)",
            "门控 FFN（SwiGLU）",
            "Three FFN matrices instead of two",
            "前馈层三个矩阵而非两个",
        ),
    ),
    (
        FieldId::Vocab,
        ft(
            "Vocabulary",
            "词表大小",
            "Embedding rows V",
            "嵌入矩阵行数 V",
        ),
    ),
    (
        FieldId::Tied,
        ft(
            "Tied embeddings",
            "共享嵌入",
            "Input and output embeddings share one matrix",
            "输入输出嵌入共用一个矩阵",
        ),
    ),
    (
        FieldId::Bias,
        ft(
            "Biases",
            "偏置",
            "none, qkv only, or all (with LayerNorm)",
            "无、仅 QKV、全部（含 LayerNorm）",
        ),
    ),
    (
        FieldId::Experts,
        ft(
            "Routed experts",
            "路由专家数",
            "Experts per MoE layer; 0 for a dense model",
            "每个 MoE 层的专家数；稠密模型为 0",
        ),
    ),
    (
        FieldId::TopK,
        ft(
            "Experts per token",
            "每 token 专家数",
            "Routed experts each token uses (top-k)",
            "每个 token 路由到的专家数（top-k）",
        ),
    ),
    (
        FieldId::SharedExperts,
        ft(
            "Shared experts",
            "共享专家数",
            "Always-active experts per MoE layer",
            "每个 MoE 层始终激活的专家",
        ),
    ),
    (
        FieldId::ExpertFfn,
        ft(
            "Expert FFN size",
            "专家 FFN 维度",
            "Inner size of one expert",
            "单个专家的中间维度",
        ),
    ),
    (
        FieldId::DenseLayers,
        ft(
            "Leading dense layers",
            "前置稠密层",
            "Layers before the MoE layers start",
            "MoE 层之前的稠密层数",
        ),
    ),
    (
        FieldId::KvLatent,
        ft(
            "MLA KV latent",
            "MLA KV 潜向量",
            "Compressed KV width d_c (0: no MLA)",
            "压缩 KV 维度 d_c（0 表示不用 MLA）",
        ),
    ),
    (
        FieldId::QLatent,
        ft(
            "MLA query latent",
            "MLA 查询潜向量",
            "Compressed query width (0: direct)",
            "压缩查询维度（0 表示直接投影）",
        ),
    ),
    (
        FieldId::RopeDim,
        ft(
            "MLA RoPE key dim",
            "MLA RoPE 键维度",
            "Decoupled RoPE key width",
            "解耦 RoPE 键维度",
        ),
    ),
    (
        FieldId::LocalAttn,
        ft(
            "Local layers",
            "局部层",
            "How the layers between the global-attention ones attend: none (all global), a sliding window, chunks, or linear attention with a fixed state",
            "全局注意力层之间的层如何计算注意力：无（全部全局）、滑动窗口、分块，或状态大小固定的线性注意力",
        ),
    ),
    (
        FieldId::GlobalEvery,
        ft(
            "Global layer every",
            "每隔几层一个全局层",
            "Every n-th layer attends to the whole context; 0: none does",
            "每 n 层有一层看完整上下文；0 表示没有全局层",
        ),
    ),
    (
        FieldId::Window,
        ft(
            "Window / chunk",
            "窗口 / 分块",
            "Tokens a sliding-window or chunked layer keeps",
            "滑动窗口层或分块层保留的 token 数",
        ),
    ),
    (
        FieldId::LinearKeyHeads,
        ft(
            "Linear key heads",
            "线性注意力键头数",
            "Key (and query) heads of a linear-attention layer",
            "线性注意力层的键（及查询）头数",
        ),
    ),
    (
        FieldId::LinearKeyDim,
        ft(
            "Linear key head dim",
            "线性注意力键头维度",
            "Key head width of a linear-attention layer",
            "线性注意力层每个键头的维度",
        ),
    ),
    (
        FieldId::LinearValueHeads,
        ft(
            "Linear value heads",
            "线性注意力值头数",
            "Value heads; each keeps a key × value state",
            "值头数；每个值头保存一个 键×值 的状态矩阵",
        ),
    ),
    (
        FieldId::LinearValueDim,
        ft(
            "Linear value head dim",
            "线性注意力值头维度",
            "Value head width of a linear-attention layer",
            "线性注意力层每个值头的维度",
        ),
    ),
    (
        FieldId::LinearConv,
        ft(
            "Linear conv kernel",
            "线性注意力卷积核",
            "Short convolution kernel before the recurrence (0: none)",
            "递推之前的短卷积核长度（0 表示没有）",
        ),
    ),
    (
        FieldId::LinearStateBits,
        ft(
            "State precision",
            "状态精度",
            "Bits of each recurrent-state element (16 or 32)",
            "递推状态每个元素的位数（16 或 32）",
        ),
    ),
    (
        FieldId::AttnGate,
        ft(
            "Gated attention",
            "门控注意力",
            "A sigmoid gate on the attention output (the query projection is twice as wide)",
            "注意力输出带 sigmoid 门控（查询投影宽一倍）",
        ),
    ),
    (
        FieldId::IndexHeads,
        ft(
            "Sparse indexer heads",
            "稀疏索引器头数",
            "DeepSeek sparse attention: indexer heads (0: dense attention)",
            "DeepSeek 稀疏注意力：索引器头数（0 表示稠密注意力）",
        ),
    ),
    (
        FieldId::IndexHeadDim,
        ft(
            "Sparse indexer head dim",
            "稀疏索引器头维度",
            "Width of the indexer's key, cached per token in FP8",
            "索引器键的维度，每个 token 以 FP8 缓存",
        ),
    ),
    (
        FieldId::IndexTopk,
        ft(
            "Sparse top-k",
            "稀疏 top-k",
            "Keys each query attends to",
            "每个查询实际关注的键数",
        ),
    ),
    (
        FieldId::MoeEvery,
        ft(
            "MoE layer every",
            "每隔几层一个 MoE 层",
            "Past the leading dense layers, every n-th layer is MoE",
            "前置稠密层之后，每 n 层有一层是 MoE",
        ),
    ),
    (
        FieldId::MtpLayers,
        ft(
            "MTP modules",
            "MTP 模块",
            "Multi-token-prediction modules: trained with the model, not served",
            "多 token 预测模块：随模型训练，推理时不加载",
        ),
    ),
    (
        FieldId::Format,
        ft(
            "Checkpoint format",
            "检查点格式",
            "How the checkpoint stores its linear weights outside the experts",
            "检查点中专家以外线性层权重的存储格式",
        ),
    ),
    (
        FieldId::VHeadDim,
        ft(
            "MLA value head dim",
            "MLA 值头维度",
            "Value head width where it differs from the key's non-RoPE width (0: the same)",
            "值头维度，与键的非 RoPE 维度不同时填写（0 表示相同）",
        ),
    ),
    (
        FieldId::ExpertFormat,
        ft(
            "Expert format",
            "专家格式",
            "How the checkpoint stores its experts",
            "检查点中专家权重的存储格式",
        ),
    ),
    (
        FieldId::WeightFormat,
        ft(
            "Weight format",
            "权重格式",
            "Native serves each part in the checkpoint's own format; or one format for every linear weight, scales included",
            "原生：各部分按检查点自带格式；或所有线性层统一用一种格式（含缩放因子）",
        ),
    ),
    (
        FieldId::Seq,
        ft(
            "Sequence length",
            "序列长度",
            "Tokens per training sequence",
            "每个训练序列的 token 数",
        ),
    ),
    (
        FieldId::Epochs,
        ft(
            "Epochs",
            "训练轮数",
            "Passes over the data",
            "遍历数据的次数",
        ),
    ),
    (
        FieldId::Finetune,
        ft(
            "Training type",
            "训练方式",
            "Pretraining, full fine-tuning, LoRA or QLoRA",
            "预训练、全参微调、LoRA 或 QLoRA",
        ),
    ),
    (
        FieldId::LoraRank,
        ft("LoRA rank", "LoRA 秩", "Rank of the adapters", "适配器的秩"),
    ),
    (
        FieldId::Gpu,
        ft(
            "Accelerator",
            "加速卡",
            "From the catalog (dense peaks)",
            "来自硬件目录（稠密峰值）",
        ),
    ),
    (
        FieldId::VsGpu,
        ft(
            "Compare with",
            "对比加速卡",
            "The same question answered on a second accelerator from the catalog",
            "在另一款加速卡上回答同一个问题",
        ),
    ),
    (
        FieldId::PeakTflops,
        ft(
            "Peak TFLOP/s",
            "峰值 TFLOP/s",
            "Overrides the dense peak for the chosen precision",
            "覆盖所选精度的稠密峰值",
        ),
    ),
    (
        FieldId::HbmGb,
        ft(
            "Memory (GB)",
            "显存（GB）",
            "Overrides the memory per device",
            "覆盖每卡显存",
        ),
    ),
    (
        FieldId::BandwidthGbs,
        ft(
            "Bandwidth (GB/s)",
            "带宽（GB/s）",
            "Overrides the memory bandwidth",
            "覆盖显存带宽",
        ),
    ),
    (
        FieldId::Gpus,
        ft(
            "GPU count",
            "GPU 数量",
            "Devices in the training run",
            "训练使用的加速卡数量",
        ),
    ),
    (
        FieldId::Mfu,
        ft(
            "MFU",
            "MFU（模型算力利用率）",
            "Model FLOPs utilisation: achieved 6ND FLOP/s over dense peak",
            "模型算力利用率：实际 6ND FLOP/s 与稠密峰值之比",
        ),
    ),
    (
        FieldId::Precision,
        ft(
            "Precision",
            "精度",
            "Arithmetic of the matrix multiplies",
            "矩阵乘法使用的数值精度",
        ),
    ),
    (
        FieldId::DeadlineDays,
        ft(
            "Deadline (days)",
            "截止（天）",
            "The GPUs this deadline needs are shown",
            "显示满足该工期所需的 GPU 数",
        ),
    ),
    (
        FieldId::Recompute,
        ft(
            "Recomputation",
            "重计算",
            "none, selective (attention scores) or full",
            "无、选择性（注意力分数）或完全重计算",
        ),
    ),
    (
        FieldId::Zero,
        ft(
            "ZeRO stage",
            "ZeRO 阶段",
            "0: none; 1: optimizer; 2: + gradients; 3: + weights sharded",
            "0：无；1：切分优化器；2：再切分梯度；3：再切分权重",
        ),
    ),
    (
        FieldId::Tp,
        ft(
            "Tensor parallel",
            "张量并行",
            "TP size (keep within an 8-GPU node)",
            "张量并行度（宜在 8 卡节点内）",
        ),
    ),
    (
        FieldId::Pp,
        ft("Pipeline parallel", "流水线并行", "PP size", "流水线并行度"),
    ),
    (
        FieldId::Sp,
        ft(
            "Sequence parallel",
            "序列并行",
            "Shards the norm and dropout activations over TP",
            "将归一化和 dropout 的激活按 TP 切分",
        ),
    ),
    (
        FieldId::Calib,
        ft(
            "Measured run",
            "实测运行",
            "A run you measured on your cluster: its model, GPUs and layout",
            "您在自己集群上实测过的一次运行：模型、GPU 与并行布局",
        ),
    ),
    (
        FieldId::CalibMfu,
        ft(
            "Measured MFU",
            "实测 MFU",
            "The MFU that run reached; the step model's compute efficiency is fitted to it",
            "该运行达到的 MFU；步长模型的计算效率据此拟合",
        ),
    ),
    (
        FieldId::CalibStepS,
        ft(
            "Measured step time",
            "实测每步时间",
            "Seconds per optimizer step of that run",
            "该运行每个优化器步的秒数",
        ),
    ),
    (
        FieldId::CalibTokensPerGpuS,
        ft(
            "Measured tokens/s per GPU",
            "实测每卡 token/秒",
            "Training tokens per second per GPU of that run",
            "该运行每张卡每秒训练的 token 数",
        ),
    ),
    (
        FieldId::EpDispatch,
        ft(
            "Expert dispatch",
            "专家分发方式",
            "alltoall sends a copy per token and expert; DeepEP crosses the network once per remote node, then NVLink",
            "alltoall 每个 token 对每个专家各发一份；DeepEP 对每个远端节点只跨网络一次，再经 NVLink 分发",
        ),
    ),
    (
        FieldId::TpOverlap,
        ft(
            "Overlap TP communication",
            "TP 通信与计算重叠",
            "Hides the sequence-parallel collectives behind the GEMMs (Megatron-Core --tp-comm-overlap, off by default)",
            "把序列并行的集合通信藏在矩阵乘之后（Megatron-Core --tp-comm-overlap，默认关闭）",
        ),
    ),
    (
        FieldId::AttnKernel,
        ft(
            "Attention kernel",
            "注意力算子",
            "FlashAttention never stores the scores and recomputes them in its own backward pass, so selective recomputation adds nothing; unfused kernels (Megatron-LM before 2022) store them unless recomputed",
            "FlashAttention 不存注意力分数，并在自身反向中重算，因此选择性重计算不再增加开销；未融合算子（2022 年前的 Megatron-LM）除非重计算，否则要存储它们",
        ),
    ),
    (
        FieldId::EpFp8,
        ft(
            "FP8 expert dispatch",
            "专家分发用 FP8",
            "Sends the tokens to their experts in FP8 with a scale per 128 values and brings them back in BF16, as DeepSeek-V3 does with DeepEP (sec. 3.3.3); Megatron-Core's dispatchers send BF16",
            "以 FP8（每 128 个值一个缩放因子）把 token 发往专家，合并时用 BF16 传回，如 DeepSeek-V3 配合 DeepEP 所做（第 3.3.3 节）；Megatron-Core 的分发器发送 BF16",
        ),
    ),
    (
        FieldId::EpOverlap,
        ft(
            "Overlap expert all-to-all",
            "专家 all-to-all 与计算重叠",
            "Runs one micro-batch's forward beside another's backward, each one's dispatch and combine behind the other's compute (Megatron-Core --overlap-moe-expert-parallel-comm, off by default)",
            "一个微批次的前向与另一个的反向并行，各自的分发与合并藏在对方的计算之后（Megatron-Core --overlap-moe-expert-parallel-comm，默认关闭）",
        ),
    ),
    (
        FieldId::Solve,
        ft(
            "Solve for",
            "求解",
            "The quantity to answer; the others are inputs",
            "要回答的量；其余都是输入",
        ),
    ),
    (
        FieldId::Budget,
        ft(
            "Budget",
            "预算",
            "A money budget: what it buys, and the compute-optimal model for it",
            "资金预算：能买到多少算力，以及与之匹配的算力最优模型",
        ),
    ),
    (
        FieldId::UsersMode,
        ft(
            "Users are",
            "用户口径",
            "concurrent: each user waits for an answer (Little's law); rate: users send requests per hour",
            "concurrent：每位用户同时在等回答（利特尔定律）；rate：用户按每小时请求数发送",
        ),
    ),
    (
        FieldId::ContextTokens,
        ft(
            "Context for memory",
            "显存按上下文",
            "Context length the inference memory is sized for; empty: prompt + output",
            "推理显存按此上下文长度估算；留空则为提示加输出",
        ),
    ),
    (
        FieldId::ConcurrentSequences,
        ft(
            "Sequences at once",
            "同时序列数",
            "Sequences whose KV cache is held at once, for the inference memory",
            "同时保留 KV 缓存的序列数（用于推理显存）",
        ),
    ),
    (
        FieldId::Hfu,
        ft(
            "HFU",
            "HFU（硬件算力利用率）",
            "Utilisation on the FLOPs the hardware executes (8ND with full recomputation); replaces MFU when given",
            "按硬件实际执行的算力计的利用率（完全重计算时为 8ND）；填写后取代 MFU",
        ),
    ),
    (
        FieldId::Ep,
        ft(
            "Expert parallel",
            "专家并行",
            "EP size: experts sharded over this many ranks of a pipeline stage (MoE)",
            "专家并行度：专家在一个流水线阶段的这么多张卡间切分（MoE）",
        ),
    ),
    (
        FieldId::Etp,
        ft(
            "Expert tensor parallel",
            "专家张量并行",
            "ETP: each expert's matrices split this many ways; the expert group of ETP × EP takes its ranks from TP × CP × DP (MoE folding). Empty: TP where EP divides CP × DP, else 1",
            "ETP：每个专家的矩阵切成几份；ETP × EP 的专家组从 TP × CP × DP 的卡中取用（MoE 折叠）。留空：EP 整除 CP × DP 时等于 TP，否则为 1",
        ),
    ),
    (
        FieldId::Cp,
        ft(
            "Context parallel",
            "上下文并行",
            "CP size: the sequence split over this many ranks (ring attention)",
            "上下文并行度：序列切分到这么多张卡上（环形注意力）",
        ),
    ),
    (
        FieldId::PpSchedule,
        ft(
            "Pipeline schedule",
            "流水线调度",
            "1F1B (interleaved with virtual stages), zero bubble, or DualPipe, which hides the expert all-to-all behind compute",
            "1F1B（有虚拟段时为交错式）、零气泡，或 DualPipe（把专家 all-to-all 藏在计算之后）",
        ),
    ),
    (
        FieldId::Vpp,
        ft(
            "Virtual stages",
            "虚拟流水线段数",
            "Interleaved pipeline stages per GPU; empty picks the fastest that fits",
            "每卡交错的虚拟流水线段数；留空则取放得下的最快值",
        ),
    ),
    (
        FieldId::Layout,
        ft(
            "Layout",
            "并行布局",
            "given: use the fields above; auto: search for the fastest layout that fits",
            "given：使用上面的字段；auto：搜索放得下的最快布局",
        ),
    ),
    (
        FieldId::MicroBatch,
        ft(
            "Micro-batch",
            "微批大小",
            "Sequences per micro-batch",
            "每个微批的序列数",
        ),
    ),
    (
        FieldId::GlobalBatch,
        ft(
            "Global batch",
            "全局批大小",
            "Sequences per optimizer step",
            "每次优化器更新的序列数",
        ),
    ),
    (
        FieldId::Optimizer,
        ft(
            "Optimizer",
            "优化器",
            "Bytes of state per parameter: AdamW 16, with fp32 grads 20, SGD 12, 8-bit Adam 10",
            "每参数状态字节：AdamW 16，fp32 梯度 20，SGD 12，8 位 Adam 10",
        ),
    ),
    (
        FieldId::PricePerGpuHour,
        ft(
            "On-demand price per GPU-hour",
            "按需每卡时价格",
            "Rental price on demand; empty uses the catalog's",
            "按需租用价格；留空使用目录价格",
        ),
    ),
    (
        FieldId::PriceTier,
        ft(
            "Rent as",
            "计价方式",
            "The tier the cost is shown for; the other tiers are shown beside it",
            "成本按此计价方式计算；其他方式列在旁边",
        ),
    ),
    (
        FieldId::PriceReserved1y,
        ft(
            "Reserved 1 year, per GPU-hour",
            "预留 1 年每卡时价格",
            "Empty: the cloud's published commitment, else 55 % of on demand",
            "留空：云厂商公布的承诺价，否则按需价的 55 %",
        ),
    ),
    (
        FieldId::PriceReserved3y,
        ft(
            "Reserved 3 years, per GPU-hour",
            "预留 3 年每卡时价格",
            "Empty: the cloud's published commitment, else 45 % of on demand (assumption)",
            "留空：云厂商公布的承诺价，否则按需价的 45 %（假设）",
        ),
    ),
    (
        FieldId::PriceSpot,
        ft(
            "Spot, per GPU-hour",
            "竞价每卡时价格",
            "Empty: 30 % of on demand (spot is 70-90 % cheaper)",
            "留空：按需价的 30 %（竞价便宜 70-90 %）",
        ),
    ),
    (
        FieldId::CheckpointHours,
        ft(
            "Checkpoint every",
            "检查点间隔",
            "Hours between checkpoints; an interruption loses half of one on average",
            "两次检查点之间的小时数；每次中断平均损失半个间隔",
        ),
    ),
    (
        FieldId::SpotInterruptions,
        ft(
            "Spot interruptions",
            "竞价中断率",
            "Per 8-GPU node per month (AWS Spot Advisor's measure); 10 % is an assumption",
            "每 8 卡节点每月的中断次数（AWS Spot Advisor 的口径）；10 % 为假设",
        ),
    ),
    (
        FieldId::RestartMinutes,
        ft(
            "Restart time",
            "重启时间",
            "Minutes to get capacity back and reload the checkpoint (assumption: 10)",
            "重新获得算力并加载检查点的分钟数（假设 10）",
        ),
    ),
    (
        FieldId::GpuPrice,
        ft(
            "Purchase price per GPU",
            "每卡购买价",
            "Empty uses the catalog estimate; +19 % for interconnect",
            "留空使用目录估价；另加 19 % 网络互联",
        ),
    ),
    (
        FieldId::Currency,
        ft("Currency", "货币", "USD or CNY", "美元或人民币"),
    ),
    (
        FieldId::CnyPerUsd,
        ft("CNY per USD", "汇率（元/美元）", "Exchange rate", "汇率"),
    ),
    (
        FieldId::PowerW,
        ft(
            "Power per GPU (W)",
            "每卡功耗（W）",
            "Empty uses the TDP",
            "留空使用 TDP",
        ),
    ),
    (
        FieldId::Pue,
        ft(
            "PUE",
            "PUE",
            "Data-centre power usage effectiveness",
            "数据中心电能利用效率",
        ),
    ),
    (
        FieldId::GridKgPerKwh,
        ft(
            "Grid CO2 (kg/kWh)",
            "电网碳排放（kg/kWh）",
            "Carbon intensity of the electricity",
            "电力的碳排放强度",
        ),
    ),
    (
        FieldId::ElectricityPerKwh,
        ft(
            "Electricity per kWh",
            "每度电价格",
            "In the chosen currency",
            "以所选货币计",
        ),
    ),
    (
        FieldId::NetGbps,
        ft(
            "Network per GPU (Gb/s)",
            "每卡网络（Gb/s）",
            "Scale-out bandwidth per device",
            "每卡横向扩展带宽",
        ),
    ),
    (
        FieldId::WeightBits,
        ft(
            "Weight bits",
            "权重位宽",
            "Inference weight width",
            "推理权重位宽",
        ),
    ),
    (
        FieldId::KvBits,
        ft(
            "KV-cache bits",
            "KV 缓存位宽",
            "KV-cache width",
            "KV 缓存位宽",
        ),
    ),
    (
        FieldId::Batch,
        ft(
            "Batch per replica",
            "每副本批大小",
            "0 picks the largest that meets the latency target",
            "0 表示自动选择满足延迟目标的最大批",
        ),
    ),
    (
        FieldId::PromptTokens,
        ft("Prompt tokens", "输入 token 数", "Per request", "每个请求"),
    ),
    (
        FieldId::OutputTokens,
        ft("Output tokens", "输出 token 数", "Per request", "每个请求"),
    ),
    (
        FieldId::Users,
        ft("Users", "用户数", "Users of the service", "服务的用户数"),
    ),
    (
        FieldId::RequestsPerUserPerHour,
        ft(
            "Requests per user per hour",
            "每用户每小时请求数",
            "Load per user",
            "每用户负载",
        ),
    ),
    (
        FieldId::RequestsPerS,
        ft(
            "Requests per second (total)",
            "每秒请求数（总计）",
            "Overrides users × requests per user per hour when given",
            "填写时覆盖 用户数 × 每用户每小时请求数",
        ),
    ),
    (
        FieldId::LatencyS,
        ft(
            "Latency target (s)",
            "延迟目标（秒）",
            "Time to complete one request",
            "完成一个请求的时间",
        ),
    ),
];

/// The labels of a field (every field has them; a test checks it).
pub fn field_text(id: FieldId) -> Option<FieldText> {
    FIELD_TEXTS.iter().find(|(i, _)| *i == id).map(|(_, t)| *t)
}

/// A field's label and tooltip in a language ("" for a field without text).
pub fn field_label_tip(id: FieldId, lang: Lang) -> (&'static str, &'static str) {
    match field_text(id) {
        Some(t) if lang == Lang::Zh => (t.zh, t.tip_zh),
        Some(t) => (t.en, t.tip_en),
        None => ("", ""),
    }
}

/// A field's label in a language.
pub fn field_label(id: FieldId, lang: Lang) -> &'static str {
    field_label_tip(id, lang).0
}

/// A problem with a field, in the page language (the field is named by the caller).
pub fn problem(p: &Problem, lang: Lang) -> String {
    // One English source: the core's own wording (the CLI prints the same).
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        Problem::NotANumber => "不是数字（例：7e9、7B、1.4T、40%）".into(),
        Problem::TooLarge => "数值过大".into(),
        Problem::NotAWholeNumber => "必须是整数".into(),
        Problem::OutOfRange { min, max } => {
            use crate::human::written;
            format!(
                "允许范围 {} 到 {}",
                written(*min, lang),
                written(*max, lang)
            )
        }
        Problem::NotOneOf { allowed } => {
            format!("可选值：{}", crate::estimate::query::short_list(allowed))
        }
        Problem::UnknownField => "未知字段，已忽略".into(),
        Problem::Duplicate => "重复出现，使用最后一个值".into(),
        Problem::NewerVersion { supported } => {
            format!("来自更新版本的链接（本版本支持到 v{supported}），部分字段可能被忽略")
        }
        Problem::Conflict { with } => format!("与 {with} 冲突，使用 {with}"),
        Problem::AtMost { field, value } => format!("不能超过 {field}（{value}）"),
        Problem::Unused { needs } => format!("仅与 {needs} 一起使用，已忽略"),
    }
}

/// A caveat of the estimate, in the page language.
pub fn notice(n: &Notice, lang: Lang) -> String {
    if lang == Lang::En {
        return n.to_string();
    }
    match n {
        Notice::PrecisionFallback { wanted, used } => {
            format!("该加速卡不支持 {}，改用 {}", wanted.id(), used.id())
        }
        Notice::ApproximateHardware => "该加速卡的部分参数未经官方资料确认（近似值）".into(),
        Notice::ImpliedArchitecture => {
            "模型结构由参数量推定（假设：h/L = 128、MHA、FFN 4h）".into()
        }
        Notice::ExpertGroupTooLarge {
            ep,
            etp,
            stage,
            used,
        } => format!(
            "etp × ep（{etp} × {ep}）超过一个流水线阶段的 tp × cp × dp（{stage}）张卡，按 ep = {used} 计"
        ),
        Notice::GpusNotMultiple {
            gpus,
            model_parallel,
            used,
        } => format!(
            "GPU 数（{gpus}）不是 tp×pp（{model_parallel}）的整数倍，只有 {used} 张组成完整副本"
        ),
        Notice::HeadsNotDivisible { heads, tp } => {
            format!("注意力头数（{heads}）不能被 tp（{tp}）整除")
        }
        Notice::TpAcrossNodes { tp } => {
            format!("tp = {tp} 跨越多个 8 卡节点：其 all-reduce 离开了 NVLink")
        }
        Notice::DoesNotFit { needed_gb, hbm_gb } => {
            format!("每卡需要 {needed_gb:.1} GB，但只有 {hbm_gb:.0} GB")
        }
        Notice::NeverFits => "增加数据并行也放不下：请提高 tp、pp、ZeRO 阶段或使用重计算".into(),
        Notice::CalibrationUnmatched { factor } => format!(
            "仅靠计算效率无法吻合实测运行（系数 {factor:.2} 已到边界）：请检查其并行布局与网络"
        ),
        Notice::MfuAbovePublished { mfu } => {
            format!("MFU {:.0}% 高于公开大规模训练的水平（约 60%）", mfu * 100.0)
        }
        Notice::CommunicationDominates { share, part } => format!(
            "无法被计算掩盖的 {} 通信占每步 {:.0}%：请提高 net_gbps 或调整并行布局",
            part.to_uppercase(),
            share * 100.0
        ),
        Notice::LargeBubble { fraction } => format!(
            "流水线气泡使每步增加 {:.0}%：请增大 global_batch 或减小 pp",
            fraction * 100.0
        ),
        Notice::LatencyUnreachable {
            best_s,
            replica_gpus,
        } => {
            format!("无法达到延迟目标；最快为每请求 {best_s:.2} 秒（{replica_gpus} 卡一组）")
        }
        Notice::ServingDoesNotFit => "即使用 1024 张卡也放不下该模型用于推理".into(),
        Notice::SpotRestartsDominate { overhead, per_day } => format!(
            "竞价实例下作业每天被中断 {per_day:.1} 次，损失 {:.0}% 的实际时间：请缩短 checkpoint_hours 或换用其他计价方式",
            overhead * 100.0
        ),
    }
}

/// What a config.json's count left out or assumed, in the page language.
pub fn config_note(n: &crate::estimate::hf_config::Note, lang: Lang) -> String {
    use crate::estimate::hf_config::Note;
    if lang == Lang::En {
        return n.to_string();
    }
    match n {
        Note::FfnAssumed(ffn) => format!("未给出 FFN 大小：按 4 × hidden = {ffn} 计"),
        Note::TiedByDefault(tied) => format!(
            "缺少 tie_word_embeddings：按该系列配置类的默认值{}",
            if *tied {
                "共享输入输出嵌入"
            } else {
                "不共享嵌入"
            }
        ),
        Note::LinearBiasesAsQkv => "线性层偏置只按 Q/K/V 偏置计（不到参数量的 0.1 %）".into(),
        Note::GptOssBiases => {
            "未计专家、输出与路由偏置及 attention sink（占 gpt-oss-120b 的 0.03 %）".into()
        }
        Note::MtpNotCounted => "多 token 预测层另计，不含在总参数量内，与公布的总数口径一致".into(),
        Note::GemmaNorms => "未计额外的注意力后与 FFN 后归一化层（不到 0.01 %）".into(),
        Note::SharedExpertGate => "未计共享专家的门控（hidden × 1）".into(),
        Note::QkNorms => "未计查询与键的归一化层（use_qk_norm，不到 0.001 %）".into(),
        Note::EncoderNotCounted(key) => format!("{key}：未计编码器，数字只含语言模型"),
    }
}

/// A field's unit as its input shows it: money in the scenario's currency symbol (`$/h`,
/// `¥/小时`), not the word "currency"; anything else as [`unit`] gives it.
pub fn unit_in(u: &'static str, lang: Lang, cny: bool) -> &'static str {
    let zh = lang == Lang::Zh;
    match (u, cny) {
        ("currency", false) => "$",
        ("currency", true) => "¥",
        ("currency/h", false) if zh => "$/小时",
        ("currency/h", false) => "$/h",
        ("currency/h", true) if zh => "¥/小时",
        ("currency/h", true) => "¥/h",
        ("currency/kWh", false) if zh => "$/度",
        ("currency/kWh", false) => "$/kWh",
        ("currency/kWh", true) if zh => "¥/度",
        ("currency/kWh", true) => "¥/kWh",
        _ => unit(u, lang),
    }
}

/// A field's unit in the page language; symbols (GB, W, s, TFLOP/s) stay as they are.
pub fn unit(u: &'static str, lang: Lang) -> &'static str {
    if lang == Lang::En {
        return u;
    }
    match u {
        "devices" => "张",
        "fraction" => "比例",
        "tokens" => "token",
        "days" => "天",
        "sequences" => "序列",
        "users" => "人",
        "parameters" => "参数",
        "bits" => "位",
        "bytes" => "字节",
        "currency" => "货币",
        "currency/h" => "货币/小时",
        "currency/kWh" => "货币/度",
        "1/h" => "次/小时",
        "1/s" => "次/秒",
        "h" => "小时",
        "min" => "分钟",
        "/node/month" => "次/节点/月",
        "0/1" => "0/1",
        "tokens/s" => "token/秒",
        "query" => "查询串",
        other => other,
    }
}

/// Labels of the words of choice fields: field, word, English, Chinese.
static CHOICE_LABELS: &[(FieldId, &str, &str, &str)] = &[
    (
        FieldId::WeightFormat,
        "native",
        "native (the checkpoint's own)",
        "原生（检查点自带格式）",
    ),
    (FieldId::WeightFormat, "bf16", "BF16", "BF16"),
    (
        FieldId::WeightFormat,
        "fp8",
        "FP8 (128×128 block scales)",
        "FP8（128×128 分块缩放）",
    ),
    (
        FieldId::WeightFormat,
        "int8",
        "INT8 (group 128)",
        "INT8（每组 128）",
    ),
    (
        FieldId::WeightFormat,
        "mxfp4",
        "MXFP4 (4.25 bit)",
        "MXFP4（4.25 位）",
    ),
    (
        FieldId::WeightFormat,
        "nvfp4",
        "NVFP4 (4.5 bit)",
        "NVFP4（4.5 位）",
    ),
    (
        FieldId::WeightFormat,
        "int4",
        "INT4 (group 128)",
        "INT4（每组 128）",
    ),
    (FieldId::WeightFormat, "fp32", "FP32", "FP32"),
    (
        FieldId::LocalAttn,
        "none",
        "none (all global)",
        "无（全部全局）",
    ),
    (FieldId::LocalAttn, "window", "sliding window", "滑动窗口"),
    (FieldId::LocalAttn, "chunk", "chunked", "分块注意力"),
    (
        FieldId::LocalAttn,
        "gated_deltanet",
        "Gated DeltaNet",
        "Gated DeltaNet",
    ),
    (
        FieldId::LocalAttn,
        "lightning",
        "lightning attention",
        "Lightning 注意力",
    ),
    (FieldId::PpSchedule, "1f1b", "1F1B", "1F1B"),
    (
        FieldId::AttnKernel,
        "flash",
        "FlashAttention (scores never stored)",
        "FlashAttention（不存注意力矩阵）",
    ),
    (
        FieldId::AttnKernel,
        "unfused",
        "unfused (scores stored)",
        "未融合（存储注意力矩阵）",
    ),
    (
        FieldId::EpDispatch,
        "alltoall",
        "all-to-all (a copy per expert)",
        "all-to-all（每个专家一份）",
    ),
    (
        FieldId::EpDispatch,
        "deepep",
        "DeepEP (once per node)",
        "DeepEP（每节点一次）",
    ),
    (
        FieldId::PpSchedule,
        "zb",
        "zero bubble (ZB-H1)",
        "零气泡（ZB-H1）",
    ),
    (FieldId::PpSchedule, "dualpipe", "DualPipe", "DualPipe"),
    (FieldId::Recompute, "none", "none", "不重计算"),
    (
        FieldId::Recompute,
        "selective",
        "selective (attention)",
        "选择性（注意力）",
    ),
    (FieldId::Recompute, "full", "full", "完全重计算"),
    (FieldId::Finetune, "none", "pretraining", "预训练"),
    (FieldId::Finetune, "full", "full fine-tuning", "全参微调"),
    (FieldId::Finetune, "lora", "LoRA", "LoRA"),
    (FieldId::Finetune, "qlora", "QLoRA (4-bit)", "QLoRA（4 位）"),
    (
        FieldId::Optimizer,
        "adamw",
        "AdamW (16 B/param)",
        "AdamW（16 字节/参数）",
    ),
    (
        FieldId::Optimizer,
        "adamw-fp32-grads",
        "AdamW + fp32 grads (20 B)",
        "AdamW + fp32 梯度（20 字节）",
    ),
    (
        FieldId::Optimizer,
        "sgd",
        "SGD momentum (12 B)",
        "SGD 动量（12 字节）",
    ),
    (
        FieldId::Optimizer,
        "adam-8bit",
        "8-bit Adam (10 B)",
        "8 位 Adam（10 字节）",
    ),
    (FieldId::Currency, "usd", "US$", "美元"),
    (FieldId::Currency, "cny", "CN¥", "人民币"),
    (FieldId::Bias, "none", "none", "无"),
    (FieldId::Bias, "qkv", "QKV only", "仅 QKV"),
    (FieldId::Bias, "all", "all + LayerNorm", "全部 + LayerNorm"),
    (FieldId::Layout, "given", "as given below", "按下方字段"),
    (
        FieldId::UsersMode,
        "rate",
        "sending requests per hour",
        "按每小时请求数",
    ),
    (
        FieldId::UsersMode,
        "concurrent",
        "concurrent, each waiting",
        "同时在线，各自等待回答",
    ),
    (
        FieldId::Layout,
        "auto",
        "auto: fastest that fits",
        "自动：放得下的最快布局",
    ),
    (FieldId::Solve, "days", "training days", "训练天数"),
    (
        FieldId::Solve,
        "gpus",
        "GPUs for the deadline",
        "满足期限的卡数",
    ),
    (
        FieldId::Solve,
        "tokens",
        "tokens trainable by the deadline",
        "期限内可训练的 token",
    ),
    (
        FieldId::Solve,
        "model",
        "compute-optimal model",
        "算力最优模型",
    ),
    (
        FieldId::Solve,
        "budget",
        "what the budget buys",
        "预算能买到什么",
    ),
    (
        FieldId::Solve,
        "serve",
        "GPUs to serve the users",
        "服务用户所需 GPU 数",
    ),
    (FieldId::PriceTier, "on_demand", "on demand", "按需"),
    (
        FieldId::PriceTier,
        "reserved_1y",
        "reserved 1 year",
        "预留 1 年",
    ),
    (
        FieldId::PriceTier,
        "reserved_3y",
        "reserved 3 years",
        "预留 3 年",
    ),
    (
        FieldId::PriceTier,
        "spot",
        "spot (interruptible)",
        "竞价（可被中断）",
    ),
];

/// The layer schedule in one line, for the architecture panel: "48 layers: 12 × (3 Gated
/// DeltaNet + 1 full)", "62 layers: 10 × (5 local (1024) + 1 global) + 2 local", or "80 layers,
/// all full attention"; with MoE every n-th layer and MTP modules after it.
pub fn schedule_line(a: &crate::estimate::architecture::Architecture, lang: Lang) -> String {
    use crate::estimate::architecture::LocalAttention as K;
    let zh = lang == Lang::Zh;
    let full = if a.is_mla() {
        "MLA"
    } else if zh {
        "全注意力"
    } else {
        "full"
    };
    let global = if a.is_sparse() {
        if zh {
            format!("{full}（稀疏 top-{}）", a.index_topk)
        } else {
            format!("{full} (sparse top-{})", a.index_topk)
        }
    } else {
        full.to_string()
    };
    let local = match a.local {
        K::None => String::new(),
        K::Window if zh => format!("滑窗 ({})", a.window),
        K::Window => format!("local ({})", a.window),
        K::Chunk if zh => format!("分块 ({})", a.window),
        K::Chunk => format!("chunked ({})", a.window),
        K::GatedDeltaNet => "Gated DeltaNet".into(),
        K::Lightning if zh => "Lightning 线性".into(),
        K::Lightning => "lightning".into(),
    };
    let layers = a.layers;
    let mut line = if zh {
        format!("{layers} 层：")
    } else {
        format!("{layers} layers: ")
    };
    let every = a.global_every;
    match (a.local, every) {
        (K::None, _) | (_, 1) => {
            line += &if zh {
                format!("全部为{global}")
            } else {
                format!("all {global}")
            }
        }
        (_, 0) => {
            line += &if zh {
                format!("全部为{local}")
            } else {
                format!("all {local}")
            }
        }
        _ => {
            let groups = layers / every;
            let rest = layers % every;
            line += &format!("{groups} × ({} {local} + 1 {global})", every - 1);
            if rest > 0 {
                line += &format!(" + {rest} {local}");
            }
        }
    }
    if a.is_moe() {
        let moe = a.moe_layers();
        line += &if zh {
            format!("；MoE 层 {moe} 个")
        } else {
            format!("; {moe} MoE layers")
        };
    }
    if a.mtp_layers > 0 {
        line += &if zh {
            format!("；另有 {} 个 MTP 模块", a.mtp_layers)
        } else {
            format!("; {} MTP module(s) after", a.mtp_layers)
        };
    }
    line
}

/// The predicted MFU's error band, or why there is none: "MFU 36.1–44.9 % (held-out error
/// 11.7 % on 15 dense runs; worst 26 %)" or "outside the checked ground: no published run on
/// this accelerator; the MFU is an unchecked estimate".
pub fn band_line(
    band: Result<crate::estimate::validation::Band, crate::estimate::validation::OutsideGround>,
    lang: Lang,
) -> String {
    use crate::estimate::validation::OutsideGround;
    let zh = lang == Lang::Zh;
    match band {
        Ok(b) => {
            let (class_en, class_zh) = if b.moe {
                ("MoE", "MoE")
            } else {
                ("dense", "稠密")
            };
            if zh {
                format!(
                    "MFU 区间 {:.1}–{:.1}%（{} 次未参与拟合的{}公开运行，平均误差 {:.1}%，最大 {:.0}%）",
                    b.mfu_low * 100.0,
                    b.mfu_high * 100.0,
                    b.runs,
                    class_zh,
                    b.mean_error * 100.0,
                    b.worst_error * 100.0
                )
            } else {
                format!(
                    "MFU {:.1}–{:.1}% (held-out error {:.1}% on {} published {} runs not fitted to; worst {:.0}%)",
                    b.mfu_low * 100.0,
                    b.mfu_high * 100.0,
                    b.mean_error * 100.0,
                    b.runs,
                    class_en,
                    b.worst_error * 100.0
                )
            }
        }
        Err(why) => {
            let (en, zh_why) = match why {
                OutsideGround::Accelerator => (
                    "no published run on this accelerator",
                    "该加速卡没有公开运行可供校验",
                ),
                OutsideGround::Devices => (
                    "the checked runs span 4 to 16,384 devices",
                    "已校验的运行覆盖 4 至 16,384 张卡",
                ),
                OutsideGround::Precision => (
                    "no published run used this precision",
                    "没有公开运行使用该精度",
                ),
                OutsideGround::CustomFigures => (
                    "the accelerator's figures are overridden",
                    "加速卡参数被改写",
                ),
                OutsideGround::ShardedExperts => (
                    "ZeRO-3 with routed experts misses its one published run (Megatron FSDP, Qwen3-235B) by more than half",
                    "ZeRO-3 分片专家时与唯一的公开运行（Megatron FSDP，Qwen3-235B）相差一半以上",
                ),
            };
            if zh {
                format!("超出已校验范围：{zh_why}；此 MFU 为未经校验的估计")
            } else {
                format!("outside the checked ground: {en}; this MFU is an unchecked estimate")
            }
        }
    }
}

/// The two groupings of a pipeline stage's ranks under MoE folding, in one line:
/// "attention TP 2 × CP 1 × DP 32 = 64 · experts ETP 1 × EP 64 × EDP 1 = 64".
/// With the scale-up domain, where the expert group's all-to-all runs: "EP all-to-all over
/// NVLink (64 ≤ 72)" or "EP all-to-all across 8 domains of 8".
pub fn groups_line(l: &crate::estimate::layout::Layout, domain: u32, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let (attention, experts) = if zh {
        ("注意力", "专家")
    } else {
        ("attention", "experts")
    };
    let group = l.etp * l.ep;
    let placement = match (group <= domain, zh) {
        (true, false) => format!("EP all-to-all within one scale-up domain ({group} ≤ {domain})"),
        (true, true) => format!("EP all-to-all 在一个高速互联域内（{group} ≤ {domain}）"),
        (false, false) => format!(
            "EP all-to-all across {} scale-up domains of {domain}",
            group.div_ceil(domain.max(1))
        ),
        (false, true) => format!(
            "EP all-to-all 跨 {} 个 {domain} 卡高速互联域",
            group.div_ceil(domain.max(1))
        ),
    };
    format!(
        "{attention} TP {} × CP {} × DP {} = {} · {experts} ETP {} × EP {} × EDP {} = {} · {placement}",
        l.tp,
        l.cp,
        l.dp,
        l.stage_ranks(),
        l.etp,
        l.ep,
        l.expert_dp(),
        group * l.expert_dp()
    )
}

/// The label of one word of a choice field (`recompute=selective`); ids such as `bf16` or
/// `h100-sxm` are shown as they are.
pub fn choice_label(field: FieldId, word: &str, lang: Lang) -> String {
    if let Some(c) = CHOICE_LABELS.iter().find(|c| c.0 == field && c.1 == word) {
        return if lang == Lang::Zh { c.3 } else { c.2 }.into();
    }
    match field {
        FieldId::WeightBits | FieldId::KvBits | FieldId::LinearStateBits => {
            format!("{word} {}", if lang == Lang::Zh { "位" } else { "bit" })
        }
        _ => word.to_ascii_uppercase(),
    }
}

/// The titles of the papers and reports the reality check cites, by the citation that starts a
/// source (`Brown et al. 2020, Table D.1`): people know a paper by its title.
static SOURCE_TITLES: &[(&str, &str)] = &[
    ("Brown et al. 2020", "Language Models are Few-Shot Learners"),
    (
        "Narayanan et al. 2021",
        "Efficient Large-Scale Language Model Training on GPU Clusters Using Megatron-LM",
    ),
    (
        "Touvron et al. 2023",
        "LLaMA: Open and Efficient Foundation Language Models",
    ),
    (
        "Hoffmann et al. 2022",
        "Training Compute-Optimal Large Language Models",
    ),
    (
        "Rajbhandari et al. 2020",
        "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models",
    ),
    (
        "Kwon et al. 2023",
        "Efficient Memory Management for Large Language Model Serving with PagedAttention",
    ),
    (
        "Korthikanti et al. 2022",
        "Reducing Activation Recomputation in Large Transformer Models",
    ),
    ("Dubey et al. 2024", "The Llama 3 Herd of Models"),
    ("Parmar et al. 2024", "Nemotron-4 15B Technical Report"),
    (
        "Liu et al. 2025",
        "MoE Parallel Folding: Heterogeneous Parallelism Mappings for Efficient Large-Scale MoE Model Training with Megatron Core",
    ),
    (
        "Jiang et al. 2024",
        "MegaScale: Scaling Large Language Model Training to More Than 10,000 GPUs",
    ),
    (
        "Zhang et al. 2022",
        "OPT: Open Pre-trained Transformer Language Models",
    ),
    ("DeepSeek-AI 2024", "DeepSeek-V3 Technical Report"),
    ("DeepSeek-V3 report", "DeepSeek-V3 Technical Report"),
    (
        "DeepSeek-V2",
        "DeepSeek-V2: A Strong, Economical, and Efficient Mixture-of-Experts Language Model",
    ),
];

/// The title of the paper or report a source cites, if it cites one by its authors.
pub fn source_title(source: &str) -> Option<&'static str> {
    SOURCE_TITLES
        .iter()
        .find(|(cite, _)| source.starts_with(cite))
        .map(|(_, title)| *title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::query::{ARCH_FIELDS, DATA_FIELDS, FIELDS};
    use crate::estimate::reference::REFERENCES;

    #[test]
    fn every_word_of_a_choice_field_has_a_label_unless_it_is_an_id() {
        use crate::estimate::query::Kind;
        // Ids and numbers read the same in both languages.
        let ids = [
            FieldId::Precision,
            FieldId::WeightBits,
            FieldId::KvBits,
            FieldId::Gpu,
        ];
        for f in FIELDS.iter().filter(|f| !ids.contains(&f.id)) {
            if let Kind::Choice(words) = f.kind {
                for w in words {
                    assert!(
                        CHOICE_LABELS.iter().any(|c| c.0 == f.id && c.1 == *w),
                        "no label for {}={w}",
                        f.name
                    );
                }
            }
        }
    }

    #[test]
    fn every_scenario_field_has_a_label_and_tooltip_in_both_languages() {
        // Every id: the rows of the tables and the fields with none (SPECIAL_FIELDS).
        for id in FieldId::ALL {
            let t = field_text(id).unwrap_or_else(|| panic!("no label for field {id:?}"));
            for s in [t.en, t.zh, t.tip_en, t.tip_zh] {
                assert!(!s.is_empty(), "{id:?}");
            }
        }
        // One row per field.
        assert_eq!(FIELD_TEXTS.len(), FieldId::ALL.len());
    }

    #[test]
    fn the_groups_line_shows_both_groupings_of_a_stage() {
        use crate::estimate::{layout::Layout, query};
        let s = query::parse("model=deepseek-v3&gpus=1024&tp=2&pp=16&ep=64").scenario;
        assert_eq!(
            groups_line(&Layout::of(&s), 8, Lang::En),
            "attention TP 2 × CP 1 × DP 32 = 64 · experts ETP 1 × EP 64 × EDP 1 = 64 · EP all-to-all across 8 scale-up domains of 8"
        );
        let s = query::parse("model=deepseek-v3&gpus=1024&tp=2&pp=16&ep=4").scenario;
        assert!(
            groups_line(&Layout::of(&s), 8, Lang::Zh)
                .ends_with("EP all-to-all 在一个高速互联域内（8 ≤ 8）")
        );
    }

    #[test]
    fn schedule_lines_name_each_layer_kind() {
        use crate::estimate::presets;
        let line = |id: &str, lang| schedule_line(&presets::find(id).unwrap().arch, lang);
        // Gemma 3 27B: sliding_window_pattern 6 over 62 layers, the last two local.
        assert_eq!(
            line("gemma-3-27b", Lang::En),
            "62 layers: 10 × (5 local (1024) + 1 full) + 2 local (1024)"
        );
        assert_eq!(
            line("qwen3-next-80b-a3b", Lang::En),
            "48 layers: 12 × (3 Gated DeltaNet + 1 full); 48 MoE layers; 1 MTP module(s) after"
        );
        assert_eq!(
            line("llama-4-maverick", Lang::Zh),
            "48 层：12 × (3 分块 (8192) + 1 全注意力)；MoE 层 24 个"
        );
        assert_eq!(line("llama-3-70b", Lang::En), "80 layers: all full");
        assert_eq!(
            line("deepseek-v3.2", Lang::En),
            "61 layers: all MLA (sparse top-2048); 58 MoE layers; 1 MTP module(s) after"
        );
        assert_eq!(line("mistral-7b", Lang::En), "32 layers: all local (4096)");
    }

    #[test]
    fn reality_sources_are_named_by_their_titles_in_words_for_users() {
        // Every source that cites authors ("X et al. 2020") or a model's report has a title.
        for r in REFERENCES {
            let cites = r.source.contains(" et al. ") || r.source.starts_with("DeepSeek");
            assert!(
                !cites || source_title(r.source).is_some(),
                "no title for {}",
                r.source
            );
        }
        // No words of ours: the rows, the sources and the tab's text are written for users.
        let words = ["seed", "tolerance", "variant", "the tests"];
        for ui in [&EN, &ZH] {
            for text in [ui.reality_intro, ui.held_out_summary] {
                for w in words {
                    assert!(!text.to_lowercase().contains(w), "{w} in {text}");
                }
            }
        }
        for r in REFERENCES {
            for text in [r.run, r.source] {
                for w in words {
                    assert!(!text.to_lowercase().contains(w), "{w} in {text}");
                }
            }
        }
    }

    #[test]
    fn every_word_unit_is_translated() {
        let units = FIELDS
            .iter()
            .chain(DATA_FIELDS)
            .map(|f| f.unit)
            .chain(ARCH_FIELDS.iter().map(|f| f.unit));
        for u in units {
            // A unit written with letters must change in Chinese unless it is a symbol.
            let symbol = matches!(
                u,
                "" | "GB"
                    | "GB/s"
                    | "TFLOP/s"
                    | "W"
                    | "s"
                    | "Gb/s"
                    | "TB"
                    | "CNY/USD"
                    | "kg CO2e/kWh"
                    | "0/1"
            );
            assert!(symbol || unit(u, Lang::Zh) != u, "unit {u} has no Chinese");
        }
    }

    #[test]
    fn browser_language_picks_chinese_for_any_zh_tag() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    }
}
