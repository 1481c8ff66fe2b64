//! The one table of the report's figures: each with its key (the report's field path, as in the
//! CLI's JSON), its unit, its label in both languages, how it reads, and its getter. The cards,
//! the compare table, the CSV and JSON exports, the reality check, the derivations and the CLI
//! all read it, so a new figure is added here once.

use crate::estimate::Report;
use crate::estimate::scenario::Solve;
use crate::human;
use crate::i18n::Lang;

/// How a figure reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// A count with a magnitude word (`70.6B`, `706亿`).
    Count,
    /// Scientific notation with a unit (`6.35e24 FLOP`).
    Sci,
    /// Seconds, shown in days.
    Days,
    /// Joules, shown in MWh.
    Mwh,
    /// Kilograms, shown in tonnes.
    Tonnes,
    /// FLOP/s, shown in TFLOP/s.
    Tflops,
    /// Whole devices.
    Devices,
    /// Money in the scenario's currency.
    Money,
    /// Money in US dollars, whatever the scenario's currency.
    Usd,
    /// Bytes with SI prefixes.
    Bytes,
    /// Three significant digits with the unit.
    Plain,
    /// Tokens per second.
    TokensPerSecond,
    /// A fraction, shown in percent.
    Percent,
}

/// One figure of the report.
pub struct Metric {
    /// Its name.
    pub id: MetricId,
    /// The report key (dotted field path).
    pub key: &'static str,
    /// The unit of the raw value.
    pub unit: &'static str,
    /// Label, English.
    pub en: &'static str,
    /// Label, Chinese.
    pub zh: &'static str,
    /// How it reads.
    pub show: Show,
    /// The raw value.
    pub get: fn(&Report) -> f64,
}

impl Metric {
    /// The label in a language.
    pub fn label(&self, lang: Lang) -> &'static str {
        if lang == Lang::Zh { self.zh } else { self.en }
    }

    /// The value for people; `cny` when the scenario's currency is the yuan.
    pub fn text(&self, v: f64, lang: Lang, cny: bool) -> String {
        let ui = lang.ui();
        match self.show {
            Show::Count => human::count(v, lang),
            Show::Sci => format!("{} {}", human::sci(v), self.unit),
            Show::Days => format!("{} {}", human::sig3(v / 86_400.0), ui.days_unit),
            Show::Mwh => format!("{} MWh", human::sig3(v / 3.6e9)),
            Show::Tonnes => format!("{} t CO2e", human::sig3(v / 1e3)),
            Show::Tflops => format!("{} TFLOP/s", human::sig3(v / 1e12)),
            Show::Devices => human::devices(v, lang),
            Show::Money => human::money(v, cny, lang),
            Show::Usd => human::money(v, false, lang),
            Show::Bytes => human::bytes(v),
            Show::Plain if self.unit.is_empty() => human::sig3(v),
            Show::Plain => format!("{} {}", human::sig3(v), self.unit),
            Show::TokensPerSecond => format!("{} {}", human::sig3(v), ui.tok_s),
            Show::Percent => human::percent(v),
        }
    }
}

const fn m(
    id: MetricId,
    key: &'static str,
    unit: &'static str,
    en: &'static str,
    zh: &'static str,
    show: Show,
    get: fn(&Report) -> f64,
) -> Metric {
    Metric {
        id,
        key,
        unit,
        en,
        zh,
        show,
        get,
    }
}

use Show::*;

/// Every figure's name, typed: a misspelt figure fails to compile, and the table below holds
/// one row per name, in this order (a test checks it). Strings name figures only at the JSON
/// and link boundary (`find`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MetricId {
    /// `gpus`
    Gpus,
    /// `tokens`
    Tokens,
    /// `params_total`
    ParamsTotal,
    /// `params_active`
    ParamsActive,
    /// `training_flops`
    TrainingFlops,
    /// `attention_flops`
    AttentionFlops,
    /// `hardware_flops`
    HardwareFlops,
    /// `pf_days`
    PfDays,
    /// `training_seconds`
    TrainingSeconds,
    /// `gpu_hours`
    GpuHours,
    /// `tokens_trainable`
    TokensTrainable,
    /// `optimal_params`
    OptimalParams,
    /// `optimal_tokens`
    OptimalTokens,
    /// `budget_gpu_hours`
    BudgetGpuHours,
    /// `budget_seconds`
    BudgetSeconds,
    /// `budget_tokens`
    BudgetTokens,
    /// `mfu`
    Mfu,
    /// `hfu`
    Hfu,
    /// `gpu_days`
    GpuDays,
    /// `gpus_for_deadline`
    GpusForDeadline,
    /// `gpus_for_deadline_raw`
    GpusForDeadlineRaw,
    /// `chinchilla_params`
    ChinchillaParams,
    /// `rental`
    Rental,
    /// `rental_by_tier.on_demand`
    RentalByTierOnDemand,
    /// `rental_by_tier.reserved_1y`
    RentalByTierReserved1y,
    /// `rental_by_tier.reserved_3y`
    RentalByTierReserved3y,
    /// `rental_by_tier.spot`
    RentalByTierSpot,
    /// `spot.overhead`
    SpotOverhead,
    /// `cost_usd`
    CostUsd,
    /// `purchase_cost`
    PurchaseCost,
    /// `electricity_cost`
    ElectricityCost,
    /// `energy_joules`
    EnergyJoules,
    /// `co2_kg`
    Co2Kg,
    /// `memory_per_gpu.total_bytes`
    MemoryPerGpuTotalBytes,
    /// `memory_per_gpu.weights_bytes`
    MemoryPerGpuWeightsBytes,
    /// `memory_per_gpu.gradients_bytes`
    MemoryPerGpuGradientsBytes,
    /// `memory_per_gpu.optimizer_bytes`
    MemoryPerGpuOptimizerBytes,
    /// `memory_per_gpu.activations_bytes`
    MemoryPerGpuActivationsBytes,
    /// `memory_per_gpu.model_states_bytes`
    MemoryPerGpuModelStatesBytes,
    /// `memory_per_gpu.activations_per_layer_bytes`
    MemoryPerGpuActivationsPerLayerBytes,
    /// `memory_by_zero.0.model_states_bytes`
    MemoryByZero0ModelStatesBytes,
    /// `memory_by_zero.1.model_states_bytes`
    MemoryByZero1ModelStatesBytes,
    /// `memory_by_zero.2.model_states_bytes`
    MemoryByZero2ModelStatesBytes,
    /// `memory_by_zero.3.model_states_bytes`
    MemoryByZero3ModelStatesBytes,
    /// `memory_by_zero.3.total_bytes`
    MemoryByZero3TotalBytes,
    /// `min_gpus_for_replica`
    MinGpusForReplica,
    /// `kv_cache_bytes_per_token`
    KvCacheBytesPerToken,
    /// `kv_cache_bytes_at_context`
    KvCacheBytesAtContext,
    /// `kv_bounded_bytes_at_context`
    KvBoundedBytesAtContext,
    /// `params_with_mtp`
    ParamsWithMtp,
    /// `kv_cache_bytes_per_sequence`
    KvCacheBytesPerSequence,
    /// `inference_weights_bytes`
    InferenceWeightsBytes,
    /// `inference_memory_bytes`
    InferenceMemoryBytes,
    /// `inference_memory_gpus`
    InferenceMemoryGpus,
    /// `inference_rule_of_thumb_bytes`
    InferenceRuleOfThumbBytes,
    /// `serving.gpus`
    ServingGpus,
    /// `serving.tokens_per_s_per_gpu`
    ServingTokensPerSPerGpu,
    /// `serving.ttft_s`
    ServingTtftS,
    /// `serving.tpot_s`
    ServingTpotS,
    /// `serving.best_latency_s`
    ServingBestLatencyS,
    /// `serving.cost_per_day`
    ServingCostPerDay,
    /// `serving.electricity_per_day`
    ServingElectricityPerDay,
    /// `serving.cost_per_million_tokens`
    ServingCostPerMillionTokens,
    /// `serving.ownership_per_day`
    ServingOwnershipPerDay,
    /// `serving.response_flops`
    ServingResponseFlops,
    /// `serving.max_concurrent_sequences`
    ServingMaxConcurrentSequences,
    /// `step.time_s`
    StepTimeS,
    /// `step.compute_s`
    StepComputeS,
    /// `step.tp_comm_s`
    StepTpCommS,
    /// `step.pp_bubble_s`
    StepPpBubbleS,
    /// `step.dp_comm_s`
    StepDpCommS,
    /// `step.ep_comm_s`
    StepEpCommS,
    /// `step.etp_comm_s`
    StepEtpCommS,
    /// `step.edp_comm_s`
    StepEdpCommS,
    /// `step.cp_comm_s`
    StepCpCommS,
    /// `step.optimizer_s`
    StepOptimizerS,
    /// `step.model_tflops_per_gpu`
    StepModelTflopsPerGpu,
    /// `step.hardware_tflops_per_gpu`
    StepHardwareTflopsPerGpu,
    /// `calibration.factor`
    CalibrationFactor,
    /// `step.mfu`
    StepMfu,
    /// `step.tokens_per_s`
    StepTokensPerS,
    /// `peak_flops`
    PeakFlops,
}

impl MetricId {
    /// The figure's row of the table.
    pub fn metric(self) -> &'static Metric {
        &METRICS[self as usize]
    }

    /// Its key: the report's field path, as in the CLI's JSON and the page's `data-metric`.
    pub fn key(self) -> &'static str {
        self.metric().key
    }
}

/// Every figure the page, the exports and the CLI name.
pub static METRICS: &[Metric] = &[
    m(
        MetricId::Gpus,
        "gpus",
        "devices",
        "GPUs",
        "GPU 数",
        Devices,
        |r| f64::from(r.gpus),
    ),
    m(
        MetricId::Tokens,
        "tokens",
        "tokens",
        "Training tokens",
        "训练 token 数",
        Count,
        |r| r.training.tokens,
    ),
    m(
        MetricId::ParamsTotal,
        "params_total",
        "",
        "Parameters",
        "参数量",
        Count,
        |r| r.params_total,
    ),
    m(
        MetricId::ParamsActive,
        "params_active",
        "",
        "Active parameters",
        "激活参数",
        Count,
        |r| r.params_active,
    ),
    m(
        MetricId::TrainingFlops,
        "training_flops",
        "FLOP",
        "Training FLOPs",
        "训练算力（FLOPs）",
        Sci,
        |r| r.training.training_flops,
    ),
    m(
        MetricId::AttentionFlops,
        "attention_flops",
        "FLOP",
        "Attention FLOPs",
        "注意力 FLOPs",
        Sci,
        |r| r.training.attention_flops,
    ),
    m(
        MetricId::HardwareFlops,
        "hardware_flops",
        "FLOP",
        "Hardware FLOPs",
        "硬件执行 FLOPs",
        Sci,
        |r| r.training.hardware_flops,
    ),
    m(
        MetricId::PfDays,
        "pf_days",
        "PF-days",
        "PF-days",
        "PF-天",
        Plain,
        |r| r.training.pf_days,
    ),
    m(
        MetricId::TrainingSeconds,
        "training_seconds",
        "s",
        "Training days",
        "训练天数",
        Days,
        |r| r.training.training_seconds,
    ),
    m(
        MetricId::GpuHours,
        "gpu_hours",
        "h",
        "GPU-hours",
        "GPU 卡时",
        Count,
        |r| r.training.gpu_hours,
    ),
    m(
        MetricId::TokensTrainable,
        "tokens_trainable",
        "tokens",
        "Tokens trainable by the deadline",
        "期限内可训练 token 数",
        Count,
        |r| r.answers.tokens_trainable,
    ),
    m(
        MetricId::OptimalParams,
        "optimal_params",
        "",
        "Compute-optimal parameters",
        "算力最优参数量",
        Count,
        |r| r.answers.optimal_params,
    ),
    m(
        MetricId::OptimalTokens,
        "optimal_tokens",
        "tokens",
        "Compute-optimal tokens",
        "算力最优 token 数",
        Count,
        |r| r.answers.optimal_tokens,
    ),
    m(
        MetricId::BudgetGpuHours,
        "budget_gpu_hours",
        "h",
        "GPU-hours the budget buys",
        "预算可买 GPU 卡时",
        Count,
        |r| r.answers.budget_gpu_hours,
    ),
    m(
        MetricId::BudgetSeconds,
        "budget_seconds",
        "s",
        "Days the budget lasts",
        "预算可用天数",
        Days,
        |r| r.answers.budget_seconds,
    ),
    m(
        MetricId::BudgetTokens,
        "budget_tokens",
        "tokens",
        "Tokens the budget trains",
        "预算可训练 token 数",
        Count,
        |r| r.answers.budget_tokens,
    ),
    m(
        MetricId::Mfu,
        "mfu",
        "",
        "MFU used",
        "所用 MFU",
        Percent,
        |r| r.training.mfu,
    ),
    m(
        MetricId::Hfu,
        "hfu",
        "",
        "HFU",
        "HFU（硬件算力利用率）",
        Percent,
        |r| r.training.hfu,
    ),
    m(
        MetricId::GpuDays,
        "gpu_days",
        "d",
        "GPU-days",
        "GPU 卡天",
        Count,
        |r| r.training.gpu_days,
    ),
    m(
        MetricId::GpusForDeadline,
        "gpus_for_deadline",
        "devices",
        "GPUs for the deadline",
        "满足工期的 GPU 数",
        Devices,
        |r| r.training.gpus_for_deadline.map_or(f64::NAN, |n| n as f64),
    ),
    m(
        MetricId::GpusForDeadlineRaw,
        "gpus_for_deadline_raw",
        "devices",
        "GPUs for the deadline (before rounding)",
        "满足工期的 GPU 数（取整前）",
        Count,
        |r| r.training.gpus_for_deadline_raw,
    ),
    m(
        MetricId::ChinchillaParams,
        "chinchilla_params",
        "",
        "Chinchilla-optimal size",
        "Chinchilla 最优规模",
        Count,
        |r| r.training.chinchilla_params,
    ),
    m(
        MetricId::Rental,
        "rental",
        "currency",
        "Rental cost",
        "租用成本",
        Money,
        |r| r.cost.rental,
    ),
    m(
        MetricId::RentalByTierOnDemand,
        "rental_by_tier.on_demand",
        "currency",
        "Rental on demand",
        "按需租用成本",
        Money,
        |r| r.cost.rental_by_tier.on_demand,
    ),
    m(
        MetricId::RentalByTierReserved1y,
        "rental_by_tier.reserved_1y",
        "currency",
        "Rental reserved 1 year",
        "预留 1 年租用成本",
        Money,
        |r| r.cost.rental_by_tier.reserved_1y,
    ),
    m(
        MetricId::RentalByTierReserved3y,
        "rental_by_tier.reserved_3y",
        "currency",
        "Rental reserved 3 years",
        "预留 3 年租用成本",
        Money,
        |r| r.cost.rental_by_tier.reserved_3y,
    ),
    m(
        MetricId::RentalByTierSpot,
        "rental_by_tier.spot",
        "currency",
        "Rental on spot, with restarts",
        "竞价租用成本（含重启）",
        Money,
        |r| r.cost.rental_by_tier.spot,
    ),
    m(
        MetricId::SpotOverhead,
        "spot.overhead",
        "fraction",
        "Spot restart overhead",
        "竞价中断损失",
        Percent,
        |r| r.cost.spot.overhead,
    ),
    m(
        MetricId::CostUsd,
        "cost_usd",
        "USD",
        "Rental cost (USD)",
        "租用成本（美元）",
        Usd,
        |r| r.cost.cost_usd,
    ),
    m(
        MetricId::PurchaseCost,
        "purchase_cost",
        "currency",
        "Purchase cost",
        "购置成本",
        Money,
        |r| r.cost.purchase_cost,
    ),
    m(
        MetricId::ElectricityCost,
        "electricity_cost",
        "currency",
        "Electricity cost",
        "电费",
        Money,
        |r| r.cost.electricity_cost,
    ),
    m(
        MetricId::EnergyJoules,
        "energy_joules",
        "J",
        "Energy",
        "能耗",
        Mwh,
        |r| r.cost.energy_joules,
    ),
    m(
        MetricId::Co2Kg,
        "co2_kg",
        "kg CO2e",
        "CO2",
        "碳排放",
        Tonnes,
        |r| r.cost.co2_kg,
    ),
    m(
        MetricId::MemoryPerGpuTotalBytes,
        "memory_per_gpu.total_bytes",
        "B",
        "Memory per GPU",
        "每卡显存",
        Bytes,
        |r| r.memory_per_gpu.total_bytes,
    ),
    m(
        MetricId::MemoryPerGpuWeightsBytes,
        "memory_per_gpu.weights_bytes",
        "B",
        "Weights per GPU",
        "每卡权重",
        Bytes,
        |r| r.memory_per_gpu.weights_bytes,
    ),
    m(
        MetricId::MemoryPerGpuGradientsBytes,
        "memory_per_gpu.gradients_bytes",
        "B",
        "Gradients per GPU",
        "每卡梯度",
        Bytes,
        |r| r.memory_per_gpu.gradients_bytes,
    ),
    m(
        MetricId::MemoryPerGpuOptimizerBytes,
        "memory_per_gpu.optimizer_bytes",
        "B",
        "Optimizer states per GPU",
        "每卡优化器状态",
        Bytes,
        |r| r.memory_per_gpu.optimizer_bytes,
    ),
    m(
        MetricId::MemoryPerGpuActivationsBytes,
        "memory_per_gpu.activations_bytes",
        "B",
        "Activations per GPU",
        "每卡激活值",
        Bytes,
        |r| r.memory_per_gpu.activations_bytes,
    ),
    m(
        MetricId::MemoryPerGpuModelStatesBytes,
        "memory_per_gpu.model_states_bytes",
        "B",
        "Model states per GPU",
        "每卡模型状态",
        Bytes,
        |r| r.memory_per_gpu.model_states_bytes,
    ),
    m(
        MetricId::MemoryPerGpuActivationsPerLayerBytes,
        "memory_per_gpu.activations_per_layer_bytes",
        "B",
        "Activations per layer",
        "每层激活值",
        Bytes,
        |r| r.memory_per_gpu.activations_per_layer_bytes,
    ),
    m(
        MetricId::MemoryByZero0ModelStatesBytes,
        "memory_by_zero.0.model_states_bytes",
        "B",
        "Model states, no ZeRO",
        "模型状态（无 ZeRO）",
        Bytes,
        |r| r.memory_by_zero[0].model_states_bytes,
    ),
    m(
        MetricId::MemoryByZero1ModelStatesBytes,
        "memory_by_zero.1.model_states_bytes",
        "B",
        "Model states, ZeRO-1",
        "模型状态（ZeRO-1）",
        Bytes,
        |r| r.memory_by_zero[1].model_states_bytes,
    ),
    m(
        MetricId::MemoryByZero2ModelStatesBytes,
        "memory_by_zero.2.model_states_bytes",
        "B",
        "Model states, ZeRO-2",
        "模型状态（ZeRO-2）",
        Bytes,
        |r| r.memory_by_zero[2].model_states_bytes,
    ),
    m(
        MetricId::MemoryByZero3ModelStatesBytes,
        "memory_by_zero.3.model_states_bytes",
        "B",
        "Model states, ZeRO-3",
        "模型状态（ZeRO-3）",
        Bytes,
        |r| r.memory_by_zero[3].model_states_bytes,
    ),
    m(
        MetricId::MemoryByZero3TotalBytes,
        "memory_by_zero.3.total_bytes",
        "B",
        "Memory per GPU at ZeRO-3",
        "ZeRO-3 每卡显存",
        Bytes,
        |r| r.memory_by_zero[3].total_bytes,
    ),
    m(
        MetricId::MinGpusForReplica,
        "min_gpus_for_replica",
        "devices",
        "Min GPUs for one replica",
        "单副本最少 GPU 数",
        Devices,
        |r| r.min_gpus_for_replica as f64,
    ),
    m(
        MetricId::KvCacheBytesPerToken,
        "kv_cache_bytes_per_token",
        "B",
        "KV cache per token (growing part)",
        "每 token KV 缓存（随上下文增长部分）",
        Bytes,
        |r| r.kv_cache_bytes_per_token,
    ),
    m(
        MetricId::KvCacheBytesAtContext,
        "kv_cache_bytes_at_context",
        "B",
        "KV cache and state per sequence at the context",
        "该上下文下每序列 KV 缓存与状态",
        Bytes,
        |r| r.kv_cache_bytes_at_context,
    ),
    m(
        MetricId::KvBoundedBytesAtContext,
        "kv_bounded_bytes_at_context",
        "B",
        "of which bounded (windows, linear states)",
        "其中有上限部分（窗口、线性状态）",
        Bytes,
        |r| r.kv_bounded_bytes_at_context,
    ),
    m(
        MetricId::ParamsWithMtp,
        "params_with_mtp",
        "",
        "Parameters with MTP modules",
        "含 MTP 模块的参数量",
        Count,
        |r| r.params_with_mtp,
    ),
    m(
        MetricId::KvCacheBytesPerSequence,
        "kv_cache_bytes_per_sequence",
        "B",
        "KV cache per request",
        "每请求 KV 缓存",
        Bytes,
        |r| r.kv_cache_bytes_per_sequence,
    ),
    m(
        MetricId::InferenceWeightsBytes,
        "inference_weights_bytes",
        "B",
        "Inference weights",
        "推理权重",
        Bytes,
        |r| r.inference_weights_bytes,
    ),
    m(
        MetricId::InferenceMemoryBytes,
        "inference_memory_bytes",
        "B",
        "Inference memory",
        "推理显存",
        Bytes,
        |r| r.inference_memory_bytes,
    ),
    m(
        MetricId::InferenceMemoryGpus,
        "inference_memory_gpus",
        "devices",
        "GPUs for inference memory",
        "推理显存所需卡数",
        Devices,
        |r| r.inference_memory_gpus as f64,
    ),
    m(
        MetricId::InferenceRuleOfThumbBytes,
        "inference_rule_of_thumb_bytes",
        "B",
        "Inference memory (1.2 x N rule)",
        "推理显存（1.2×N 经验）",
        Bytes,
        |r| r.inference_rule_of_thumb_bytes,
    ),
    m(
        MetricId::ServingGpus,
        "serving.gpus",
        "devices",
        "Serving GPUs",
        "推理 GPU 数",
        Devices,
        |r| r.serving.gpus as f64,
    ),
    m(
        MetricId::ServingTokensPerSPerGpu,
        "serving.tokens_per_s_per_gpu",
        "tokens/s",
        "Throughput per GPU",
        "每卡推理吞吐",
        TokensPerSecond,
        |r| r.serving.tokens_per_s_per_gpu,
    ),
    m(
        MetricId::ServingTtftS,
        "serving.ttft_s",
        "s",
        "Time to first token",
        "首 token 时间",
        Plain,
        |r| r.serving.ttft_s,
    ),
    m(
        MetricId::ServingTpotS,
        "serving.tpot_s",
        "s",
        "Time per output token",
        "每个输出 token 时间",
        Plain,
        |r| r.serving.tpot_s,
    ),
    m(
        MetricId::ServingBestLatencyS,
        "serving.best_latency_s",
        "s",
        "Best request latency",
        "最快请求延迟",
        Plain,
        |r| r.serving.best_latency_s,
    ),
    m(
        MetricId::ServingCostPerDay,
        "serving.cost_per_day",
        "currency",
        "Serving rent per day",
        "推理每日租金",
        Money,
        |r| r.serving.cost_per_day,
    ),
    m(
        MetricId::ServingElectricityPerDay,
        "serving.electricity_per_day",
        "currency",
        "Serving electricity per day",
        "推理每日电费",
        Money,
        |r| r.serving.electricity_per_day,
    ),
    m(
        MetricId::ServingCostPerMillionTokens,
        "serving.cost_per_million_tokens",
        "currency",
        "Rent per million tokens",
        "每百万 token 租金",
        Money,
        |r| r.serving.cost_per_million_tokens,
    ),
    m(
        MetricId::ServingOwnershipPerDay,
        "serving.ownership_per_day",
        "currency",
        "Serving ownership per day",
        "推理每日持有成本",
        Money,
        |r| r.serving.ownership_per_day,
    ),
    m(
        MetricId::ServingResponseFlops,
        "serving.response_flops",
        "FLOP",
        "FLOPs per response",
        "每次回答的 FLOPs",
        Sci,
        |r| r.serving.response_flops,
    ),
    m(
        MetricId::ServingMaxConcurrentSequences,
        "serving.max_concurrent_sequences",
        "sequences",
        "Concurrent sequences per replica",
        "每副本并发序列数",
        Count,
        |r| r.serving.max_concurrent_sequences as f64,
    ),
    m(
        MetricId::StepTimeS,
        "step.time_s",
        "s",
        "Step time",
        "单步时间",
        Plain,
        |r| r.step.time_s,
    ),
    m(
        MetricId::StepComputeS,
        "step.compute_s",
        "s",
        "Compute",
        "计算",
        Plain,
        |r| r.step.compute_s,
    ),
    m(
        MetricId::StepTpCommS,
        "step.tp_comm_s",
        "s",
        "TP communication",
        "张量并行通信",
        Plain,
        |r| r.step.tp_comm_s,
    ),
    m(
        MetricId::StepPpBubbleS,
        "step.pp_bubble_s",
        "s",
        "Pipeline bubble",
        "流水线气泡",
        Plain,
        |r| r.step.pp_bubble_s,
    ),
    m(
        MetricId::StepDpCommS,
        "step.dp_comm_s",
        "s",
        "DP communication",
        "数据并行通信",
        Plain,
        |r| r.step.dp_comm_s,
    ),
    m(
        MetricId::StepEpCommS,
        "step.ep_comm_s",
        "s",
        "EP all-to-all",
        "专家并行 all-to-all",
        Plain,
        |r| r.step.ep_comm_s,
    ),
    m(
        MetricId::StepEtpCommS,
        "step.etp_comm_s",
        "s",
        "of TP: expert tensor parallel (ETP)",
        "其中专家张量并行（ETP）",
        Plain,
        |r| r.step.etp_comm_s,
    ),
    m(
        MetricId::StepEdpCommS,
        "step.edp_comm_s",
        "s",
        "of DP: expert data parallel (EDP)",
        "其中专家数据并行（EDP）",
        Plain,
        |r| r.step.edp_comm_s,
    ),
    m(
        MetricId::StepCpCommS,
        "step.cp_comm_s",
        "s",
        "CP ring attention",
        "上下文并行环形注意力",
        Plain,
        |r| r.step.cp_comm_s,
    ),
    m(
        MetricId::StepOptimizerS,
        "step.optimizer_s",
        "s",
        "Optimizer update",
        "优化器更新",
        Plain,
        |r| r.step.optimizer_s,
    ),
    m(
        MetricId::StepModelTflopsPerGpu,
        "step.model_tflops_per_gpu",
        "TFLOP/s",
        "Model TFLOP/s per GPU",
        "每卡模型 TFLOP/s",
        Plain,
        |r| r.step.model_tflops_per_gpu,
    ),
    m(
        MetricId::StepHardwareTflopsPerGpu,
        "step.hardware_tflops_per_gpu",
        "TFLOP/s",
        "Hardware TFLOP/s per GPU",
        "每卡硬件 TFLOP/s",
        Plain,
        |r| r.step.hardware_tflops_per_gpu,
    ),
    m(
        MetricId::CalibrationFactor,
        "calibration.factor",
        "",
        "Calibration factor on compute efficiency",
        "计算效率校准系数",
        Plain,
        |r| r.calibration.map_or(1.0, |c| c.factor),
    ),
    m(
        MetricId::StepMfu,
        "step.mfu",
        "",
        "Predicted MFU",
        "预测 MFU",
        Percent,
        |r| r.step.mfu,
    ),
    m(
        MetricId::StepTokensPerS,
        "step.tokens_per_s",
        "tok/s",
        "Training tokens/s",
        "训练吞吐（token/s）",
        TokensPerSecond,
        |r| r.step.tokens_per_s,
    ),
    m(
        MetricId::PeakFlops,
        "peak_flops",
        "FLOP/s",
        "Peak per GPU",
        "单卡峰值",
        Tflops,
        |r| r.peak_flops,
    ),
];

/// The figure a question asks for (the answer card's label).
pub fn question(s: Solve) -> MetricId {
    match s {
        Solve::Days => MetricId::TrainingSeconds,
        Solve::Gpus => MetricId::GpusForDeadline,
        Solve::Tokens => MetricId::TokensTrainable,
        Solve::Model => MetricId::OptimalParams,
        Solve::Budget => MetricId::BudgetSeconds,
        Solve::Serve => MetricId::ServingGpus,
    }
}

/// The figure of the report at the answer that is the answer: the days on the given devices,
/// the device count put in place, the tokens put in place, the model size put in place, the
/// days the budget lasts, or the serving fleet.
pub fn answer(s: Solve) -> MetricId {
    match s {
        Solve::Days | Solve::Budget => MetricId::TrainingSeconds,
        Solve::Gpus => MetricId::Gpus,
        Solve::Tokens => MetricId::Tokens,
        Solve::Model => MetricId::ParamsTotal,
        Solve::Serve => MetricId::ServingGpus,
    }
}

/// The figure with this key (at the JSON and link boundary; inside, figures are [`MetricId`]s).
pub fn find(key: &str) -> Option<&'static Metric> {
    METRICS.iter().find(|m| m.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row sits at its name's place, so `MetricId::metric` reads the right row.
    #[test]
    fn every_name_reads_its_own_row() {
        for (i, m) in METRICS.iter().enumerate() {
            assert_eq!(m.id as usize, i, "{}", m.key);
        }
        assert_eq!(MetricId::ServingGpus.key(), "serving.gpus");
        assert_eq!(find("gpus").map(|m| m.id), Some(MetricId::Gpus));
    }
}
