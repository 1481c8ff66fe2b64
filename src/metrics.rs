//! The one table of how the report's figures are shown: each with its unit, its label in both
//! languages and how it reads, one row per [`MetricId`] in the enum's order. The figure's name
//! and key are the core's ([`crate::estimate::metric_id`]), its value is
//! [`Report::figure`]. The cards, the compare table, the CSV and JSON exports, the reality
//! check, the derivations and the CLI all read it, so a new figure is a variant there, an arm
//! of `figure` and a row here, each checked by the compiler or a test.

pub use crate::estimate::metric_id::MetricId;

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
    /// The unit of the raw value.
    pub unit: &'static str,
    /// Label, English.
    pub en: &'static str,
    /// Label, Chinese.
    pub zh: &'static str,
    /// How it reads.
    pub show: Show,
}

impl Metric {
    /// The report key (dotted field path), the core's.
    pub fn key(&self) -> &'static str {
        self.id.key()
    }

    /// The raw value in a report.
    pub fn value(&self, r: &Report) -> f64 {
        r.figure(self.id)
    }

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
            Show::TokensPerSecond => format!("{} {}", human::count(v, lang), ui.tok_s),
            Show::Percent => human::percent(v),
        }
    }
}

const fn m(
    id: MetricId,
    unit: &'static str,
    en: &'static str,
    zh: &'static str,
    show: Show,
) -> Metric {
    Metric {
        id,
        unit,
        en,
        zh,
        show,
    }
}

use Show::*;

impl MetricId {
    /// The figure's row of the table.
    pub fn metric(self) -> &'static Metric {
        &METRICS[self as usize]
    }
}

/// Every figure the page, the exports and the CLI name.
pub static METRICS: &[Metric] = &[
    m(MetricId::Gpus, "devices", "GPUs", "GPU 数", Devices),
    m(
        MetricId::Tokens,
        "tokens",
        "Training tokens",
        "训练 token 数",
        Count,
    ),
    m(MetricId::ParamsTotal, "", "Parameters", "参数量", Count),
    m(
        MetricId::ParamsActive,
        "",
        "Active parameters",
        "激活参数",
        Count,
    ),
    m(
        MetricId::TrainingFlops,
        "FLOP",
        "Training FLOPs",
        "训练算力（FLOPs）",
        Sci,
    ),
    m(
        MetricId::AttentionFlops,
        "FLOP",
        "Attention FLOPs",
        "注意力 FLOPs",
        Sci,
    ),
    m(
        MetricId::HardwareFlops,
        "FLOP",
        "Hardware FLOPs",
        "硬件执行 FLOPs",
        Sci,
    ),
    m(MetricId::PfDays, "PF-days", "PF-days", "PF-天", Plain),
    m(
        MetricId::TrainingSeconds,
        "s",
        "Training days",
        "训练天数",
        Days,
    ),
    m(MetricId::GpuHours, "h", "GPU-hours", "GPU 卡时", Count),
    m(
        MetricId::TokensTrainable,
        "tokens",
        "Tokens trainable by the deadline",
        "期限内可训练 token 数",
        Count,
    ),
    m(
        MetricId::OptimalParams,
        "",
        "Compute-optimal parameters",
        "算力最优参数量",
        Count,
    ),
    m(
        MetricId::OptimalTokens,
        "tokens",
        "Compute-optimal tokens",
        "算力最优 token 数",
        Count,
    ),
    m(
        MetricId::BudgetGpuHours,
        "h",
        "GPU-hours the budget buys",
        "预算可买 GPU 卡时",
        Count,
    ),
    m(
        MetricId::BudgetSeconds,
        "s",
        "Days the budget lasts",
        "预算可用天数",
        Days,
    ),
    m(
        MetricId::BudgetTokens,
        "tokens",
        "Tokens the budget trains",
        "预算可训练 token 数",
        Count,
    ),
    m(MetricId::Mfu, "", "MFU used", "所用 MFU", Percent),
    m(MetricId::Hfu, "", "HFU", "HFU（硬件算力利用率）", Percent),
    m(MetricId::GpuDays, "d", "GPU-days", "GPU 卡天", Count),
    m(
        MetricId::GpusForDeadline,
        "devices",
        "GPUs for the deadline",
        "满足工期的 GPU 数",
        Devices,
    ),
    m(
        MetricId::GpusForDeadlineRaw,
        "devices",
        "GPUs for the deadline (before rounding)",
        "满足工期的 GPU 数（取整前）",
        Count,
    ),
    m(
        MetricId::ChinchillaParams,
        "",
        "Chinchilla-optimal size",
        "Chinchilla 最优规模",
        Count,
    ),
    m(
        MetricId::Rental,
        "currency",
        "Rental cost",
        "租用成本",
        Money,
    ),
    m(
        MetricId::RentalByTierOnDemand,
        "currency",
        "Rental on demand",
        "按需租用成本",
        Money,
    ),
    m(
        MetricId::RentalByTierReserved1y,
        "currency",
        "Rental reserved 1 year",
        "预留 1 年租用成本",
        Money,
    ),
    m(
        MetricId::RentalByTierReserved3y,
        "currency",
        "Rental reserved 3 years",
        "预留 3 年租用成本",
        Money,
    ),
    m(
        MetricId::RentalByTierSpot,
        "currency",
        "Rental on spot, with restarts",
        "竞价租用成本（含重启）",
        Money,
    ),
    m(
        MetricId::SpotOverhead,
        "fraction",
        "Spot restart overhead",
        "竞价中断损失",
        Percent,
    ),
    m(
        MetricId::CostUsd,
        "USD",
        "Rental cost (USD)",
        "租用成本（美元）",
        Usd,
    ),
    m(
        MetricId::PurchaseCost,
        "currency",
        "Purchase cost",
        "购置成本",
        Money,
    ),
    m(
        MetricId::ElectricityCost,
        "currency",
        "Electricity cost",
        "电费",
        Money,
    ),
    m(MetricId::EnergyJoules, "J", "Energy", "能耗", Mwh),
    m(MetricId::Co2Kg, "kg CO2e", "CO2", "碳排放", Tonnes),
    m(
        MetricId::MemoryPerGpuTotalBytes,
        "B",
        "Memory per GPU",
        "每卡显存",
        Bytes,
    ),
    m(
        MetricId::MemoryPerGpuWeightsBytes,
        "B",
        "Weights per GPU",
        "每卡权重",
        Bytes,
    ),
    m(
        MetricId::MemoryPerGpuGradientsBytes,
        "B",
        "Gradients per GPU",
        "每卡梯度",
        Bytes,
    ),
    m(
        MetricId::MemoryPerGpuOptimizerBytes,
        "B",
        "Optimizer states per GPU",
        "每卡优化器状态",
        Bytes,
    ),
    m(
        MetricId::MemoryPerGpuActivationsBytes,
        "B",
        "Activations per GPU",
        "每卡激活值",
        Bytes,
    ),
    m(
        MetricId::MemoryPerGpuModelStatesBytes,
        "B",
        "Model states per GPU",
        "每卡模型状态",
        Bytes,
    ),
    m(
        MetricId::MemoryPerGpuActivationsPerLayerBytes,
        "B",
        "Activations per layer",
        "每层激活值",
        Bytes,
    ),
    m(
        MetricId::MemoryByZero0ModelStatesBytes,
        "B",
        "Model states, no ZeRO",
        "模型状态（无 ZeRO）",
        Bytes,
    ),
    m(
        MetricId::MemoryByZero1ModelStatesBytes,
        "B",
        "Model states, ZeRO-1",
        "模型状态（ZeRO-1）",
        Bytes,
    ),
    m(
        MetricId::MemoryByZero2ModelStatesBytes,
        "B",
        "Model states, ZeRO-2",
        "模型状态（ZeRO-2）",
        Bytes,
    ),
    m(
        MetricId::MemoryByZero3ModelStatesBytes,
        "B",
        "Model states, ZeRO-3",
        "模型状态（ZeRO-3）",
        Bytes,
    ),
    m(
        MetricId::MemoryByZero3TotalBytes,
        "B",
        "Memory per GPU at ZeRO-3",
        "ZeRO-3 每卡显存",
        Bytes,
    ),
    m(
        MetricId::MinGpusForReplica,
        "devices",
        "Min GPUs for one replica",
        "单副本最少 GPU 数",
        Devices,
    ),
    m(
        MetricId::KvCacheBytesPerToken,
        "B",
        "KV cache per token (growing part)",
        "每 token KV 缓存（随上下文增长部分）",
        Bytes,
    ),
    m(
        MetricId::KvCacheBytesAtContext,
        "B",
        "KV cache and state per sequence at the context",
        "该上下文下每序列 KV 缓存与状态",
        Bytes,
    ),
    m(
        MetricId::KvBoundedBytesAtContext,
        "B",
        "of which bounded (windows, linear states)",
        "其中有上限部分（窗口、线性状态）",
        Bytes,
    ),
    m(
        MetricId::ParamsWithMtp,
        "",
        "Parameters with MTP modules",
        "含 MTP 模块的参数量",
        Count,
    ),
    m(
        MetricId::KvCacheBytesPerSequence,
        "B",
        "KV cache per request",
        "每请求 KV 缓存",
        Bytes,
    ),
    m(
        MetricId::InferenceWeightsBytes,
        "B",
        "Inference weights",
        "推理权重",
        Bytes,
    ),
    m(
        MetricId::InferenceMemoryBytes,
        "B",
        "Inference memory",
        "推理显存",
        Bytes,
    ),
    m(
        MetricId::InferenceMemoryGpus,
        "devices",
        "GPUs for inference memory",
        "推理显存所需卡数",
        Devices,
    ),
    m(
        MetricId::InferenceRuleOfThumbBytes,
        "B",
        "Inference memory (1.2 x N rule)",
        "推理显存（1.2×N 经验）",
        Bytes,
    ),
    m(
        MetricId::ServingGpus,
        "devices",
        "Serving GPUs",
        "推理 GPU 数",
        Devices,
    ),
    m(
        MetricId::ServingTokensPerSPerGpu,
        "tokens/s",
        "Throughput per GPU",
        "每卡推理吞吐",
        TokensPerSecond,
    ),
    m(
        MetricId::ServingTtftS,
        "s",
        "Time to first token",
        "首 token 时间",
        Plain,
    ),
    m(
        MetricId::ServingTpotS,
        "s",
        "Time per output token",
        "每个输出 token 时间",
        Plain,
    ),
    m(
        MetricId::ServingBestLatencyS,
        "s",
        "Best request latency",
        "最快请求延迟",
        Plain,
    ),
    m(
        MetricId::ServingCostPerDay,
        "currency",
        "Serving rent per day",
        "推理每日租金",
        Money,
    ),
    m(
        MetricId::ServingElectricityPerDay,
        "currency",
        "Serving electricity per day",
        "推理每日电费",
        Money,
    ),
    m(
        MetricId::ServingCostPerMillionTokens,
        "currency",
        "Rent per million tokens",
        "每百万 token 租金",
        Money,
    ),
    m(
        MetricId::ServingOwnershipPerDay,
        "currency",
        "Serving ownership per day",
        "推理每日持有成本",
        Money,
    ),
    m(
        MetricId::ServingResponseFlops,
        "FLOP",
        "FLOPs per response",
        "每次回答的 FLOPs",
        Sci,
    ),
    m(
        MetricId::ServingMaxConcurrentSequences,
        "sequences",
        "Concurrent sequences per replica",
        "每副本并发序列数",
        Count,
    ),
    m(MetricId::StepTimeS, "s", "Step time", "单步时间", Plain),
    m(MetricId::StepComputeS, "s", "Compute", "计算", Plain),
    m(
        MetricId::StepTpCommS,
        "s",
        "TP communication",
        "张量并行通信",
        Plain,
    ),
    m(
        MetricId::StepPpBubbleS,
        "s",
        "Pipeline bubble",
        "流水线气泡",
        Plain,
    ),
    m(
        MetricId::StepDpCommS,
        "s",
        "DP communication",
        "数据并行通信",
        Plain,
    ),
    m(
        MetricId::StepEpCommS,
        "s",
        "EP all-to-all",
        "专家并行 all-to-all",
        Plain,
    ),
    m(
        MetricId::StepEtpCommS,
        "s",
        "of TP: expert tensor parallel (ETP)",
        "其中专家张量并行（ETP）",
        Plain,
    ),
    m(
        MetricId::StepEdpCommS,
        "s",
        "of DP: expert data parallel (EDP)",
        "其中专家数据并行（EDP）",
        Plain,
    ),
    m(
        MetricId::StepCpCommS,
        "s",
        "CP ring attention",
        "上下文并行环形注意力",
        Plain,
    ),
    m(
        MetricId::StepOptimizerS,
        "s",
        "Optimizer update",
        "优化器更新",
        Plain,
    ),
    m(
        MetricId::StepModelTflopsPerGpu,
        "TFLOP/s",
        "Model TFLOP/s per GPU",
        "每卡模型 TFLOP/s",
        Plain,
    ),
    m(
        MetricId::StepHardwareTflopsPerGpu,
        "TFLOP/s",
        "Hardware TFLOP/s per GPU",
        "每卡硬件 TFLOP/s",
        Plain,
    ),
    m(
        MetricId::CalibrationFactor,
        "",
        "Calibration factor on compute efficiency",
        "计算效率校准系数",
        Plain,
    ),
    m(MetricId::StepMfu, "", "Predicted MFU", "预测 MFU", Percent),
    m(
        MetricId::StepTokensPerS,
        "tok/s",
        "Training tokens/s",
        "训练吞吐（token/s）",
        TokensPerSecond,
    ),
    m(
        MetricId::PeakFlops,
        "FLOP/s",
        "Peak per GPU",
        "单卡峰值",
        Tflops,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One row per name, each at its name's place, so `MetricId::metric` reads the right row.
    #[test]
    fn every_name_reads_its_own_row() {
        assert_eq!(METRICS.len(), MetricId::ALL.len());
        for (i, m) in METRICS.iter().enumerate() {
            assert_eq!(m.id as usize, i, "{}", m.key());
            assert!(
                !m.en.is_empty() && !m.zh.is_empty(),
                "{} has no label",
                m.key()
            );
        }
        assert_eq!(MetricId::ServingGpus.metric().key(), "serving.gpus");
    }
}
