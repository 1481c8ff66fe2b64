//! Published runs and memory figures (`docs/model.md` §9), each as a scenario query,
//! the report key it checks, the published value and the tolerance the tests hold it to.
//!
//! The page's "Reality check" tab shows the same rows with the prediction and its error, so users
//! can see how far to trust the numbers.

use super::efficiency::Efficiency;
use super::metric_id::MetricId;
use super::query;
use super::report::{Report, estimate, estimate_at};
use super::scenario::Scenario;
use super::training::DAY_S;

/// What a reference row is for (docs/model.md §9: the validation discipline).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A throughput row the step model's four constants were fitted to, with the others of its
    /// table.
    Fitted,
    /// A published run the step model was not fitted to: its error is the accuracy reported.
    HeldOut,
    /// A figure that checks a formula (FLOPs, memory, counts), not the step model.
    Check,
}

/// One published figure and the scenario that should reproduce it.
#[derive(Clone, Copy, Debug)]
pub struct Reference {
    /// The run or case.
    pub run: &'static str,
    /// The report figure compared.
    pub metric: MetricId,
    /// The scenario, in the query language.
    pub query: &'static str,
    /// The published value, in the report's SI units.
    pub published: f64,
    /// Allowed relative error.
    pub tolerance: f64,
    /// What the row is for: fitting the step model's constants, testing it on a run it was not
    /// fitted to, or checking a formula.
    pub role: Role,
    /// Where the published value comes from, and how the query's inputs were chosen.
    pub source: &'static str,
}

/// Looks a dotted report key up (e.g. `memory_per_gpu.total_bytes`,
/// `memory_by_zero.3.model_states_bytes`) in the report's serde form: the keys are the field
/// names of the report, as in the CLI's JSON. This is the JSON boundary, for tests and tools
/// that hold the typed figures ([`Report::figure`]) to what the CLI prints; inside the program a
/// figure is read by its [`MetricId`].
pub fn metric(r: &Report, key: &str) -> Option<f64> {
    let v = serde_json::to_value(r).ok()?;
    v.pointer(&format!("/{}", key.replace('.', "/")))?.as_f64()
}

impl Reference {
    /// The prediction for this row.
    pub fn predicted(&self) -> f64 {
        self.evaluate().1.figure(self.metric)
    }

    /// The row's scenario and its report, for callers that read more than one thing from them.
    pub fn evaluate(&self) -> (Scenario, Report) {
        let parsed = query::parse(self.query);
        let report = estimate(&parsed.scenario);
        (parsed.scenario, report)
    }

    /// Relative error of the prediction against the published value.
    pub fn error(&self) -> f64 {
        self.error_in(&self.evaluate().1)
    }

    /// Relative error of this row's figure in `report` (the row's own, from [`Self::evaluate`]).
    pub fn error_in(&self, report: &Report) -> f64 {
        report.figure(self.metric) / self.published - 1.0
    }

    /// Relative error with the step model's efficiencies set (the validation's refits).
    pub fn error_at(&self, efficiency: Efficiency) -> f64 {
        self.error_of(&self.scenario(), efficiency)
    }

    /// The row's scenario.
    pub fn scenario(&self) -> Scenario {
        query::parse(self.query).scenario
    }

    /// Relative error of `scenario` (this row's, from [`Self::scenario`]) with the step model's
    /// efficiencies set: a refit parses each row once.
    pub fn error_of(&self, scenario: &Scenario, efficiency: Efficiency) -> f64 {
        estimate_at(scenario, efficiency).figure(self.metric) / self.published - 1.0
    }

    /// Whether the run is a mixture of experts (the error band's classes).
    pub fn is_moe(&self) -> bool {
        query::parse(self.query)
            .scenario
            .arch
            .is_some_and(|a| a.is_moe())
    }
}

/// Every reference row.
pub const REFERENCES: &[Reference] = &[
    Reference {
        run: "GPT-3 175B",
        metric: MetricId::TrainingFlops,
        query: "model=gpt-3-175b&tokens=300B",
        published: 3.14e23,
        tolerance: 0.01,
        role: Role::Check,
        source: "Brown et al. 2020, Table D.1",
    },
    Reference {
        run: "GPT-3 175B",
        metric: MetricId::PfDays,
        query: "model=gpt-3-175b&tokens=300B",
        published: 3640.0,
        tolerance: 0.01,
        role: Role::Check,
        source: "Brown et al. 2020, Table D.1",
    },
    Reference {
        run: "GPT-3 175B on 1024 A100",
        metric: MetricId::TrainingSeconds,
        query: "model=gpt-3-175b&params=175B&tokens=300B&gpu=a100-80g-sxm&gpus=1024&recompute=full&mfu=0.336538",
        published: 34.0 * DAY_S,
        tolerance: 0.02,
        role: Role::Check,
        source: "Narayanan et al. 2021 sec. 5.1: 140 TFLOP/s achieved counts 8ND, so MFU = 140/312 x 6/8",
    },
    Reference {
        run: "1T GPT on 3072 A100",
        metric: MetricId::TrainingSeconds,
        query: "layers=128&hidden=25600&heads=160&params=1008B&tokens=450B&gpu=a100-80g-sxm&gpus=3072&tp=8&pp=64&recompute=full&mfu=0.391827",
        published: 84.0 * DAY_S,
        tolerance: 0.02,
        role: Role::Check,
        source: "Narayanan et al. 2021 sec. 5.1: 163 TFLOP/s achieved with 8ND, MFU = 163/312 x 6/8",
    },
    Reference {
        run: "GPT-3 175B, an article's estimate (1024 A100 40GB)",
        metric: MetricId::TrainingSeconds,
        query: "model=gpt-3-175b&params=175B&tokens=300B&gpu=a100-40g-sxm&gpus=1024&recompute=full&mfu=0.3375",
        published: 34.0 * DAY_S,
        tolerance: 0.02,
        role: Role::Check,
        source: "Article on estimating LLM training compute (GPT-3 worked example): 8ND at 45 % utilisation of 312 TFLOP/s (MFU = 0.45 x 6/8)",
    },
    Reference {
        run: "GPT-3 175B, an article's estimate (A100 40GB, 30 days)",
        metric: MetricId::GpusForDeadlineRaw,
        query: "model=gpt-3-175b&params=175B&tokens=300B&gpu=a100-40g-sxm&recompute=full&mfu=0.3375&deadline_days=30",
        published: 1154.0,
        tolerance: 0.01,
        role: Role::Check,
        source: "Article on estimating LLM training compute (GPT-3 worked example): 1,154 GPUs for 30 days",
    },
    Reference {
        run: "LLaMA-65B",
        metric: MetricId::GpuHours,
        query: "params=65.2B&tokens=1.4T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476",
        published: 1_022_362.0,
        tolerance: 0.01,
        role: Role::Check,
        source: "Touvron et al. 2023 Table 15; MFU from its 380 tokens/s/GPU (sec. 2.4)",
    },
    Reference {
        run: "LLaMA-65B",
        metric: MetricId::TrainingSeconds,
        query: "params=65.2B&tokens=1.4T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476",
        published: 21.0 * DAY_S,
        tolerance: 0.02,
        role: Role::Check,
        source: "Touvron et al. 2023 sec. 2.4: about 21 days on 2048 A100",
    },
    Reference {
        run: "LLaMA-33B",
        metric: MetricId::GpuHours,
        query: "params=32.5B&tokens=1.4T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476",
        published: 530_432.0,
        tolerance: 0.05,
        role: Role::Check,
        source: "Touvron et al. 2023 Table 15, at the 65B run's MFU",
    },
    Reference {
        run: "LLaMA-13B",
        metric: MetricId::GpuHours,
        query: "params=13B&tokens=1T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476",
        published: 135_168.0,
        tolerance: 0.10,
        role: Role::Check,
        source: "Touvron et al. 2023 Table 15, at the 65B run's MFU (smaller models run at other MFU)",
    },
    Reference {
        run: "LLaMA-7B",
        metric: MetricId::GpuHours,
        query: "params=6.7B&tokens=1T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476",
        published: 82_432.0,
        tolerance: 0.10,
        role: Role::Check,
        source: "Touvron et al. 2023 Table 15, at the 65B run's MFU (smaller models run at other MFU)",
    },
    Reference {
        run: "LLaMA-65B",
        metric: MetricId::EnergyJoules,
        query: "params=65.2B&tokens=1.4T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476&power_w=400&pue=1.1",
        // 449 MWh.
        published: 449.0 * 3.6e9,
        tolerance: 0.01,
        role: Role::Check,
        source: "Touvron et al. 2023 Table 15: 400 W per A100, PUE 1.1",
    },
    Reference {
        run: "LLaMA-65B",
        metric: MetricId::Co2Kg,
        query: "params=65.2B&tokens=1.4T&gpu=a100-80g-sxm&gpus=2048&mfu=0.476&power_w=400&pue=1.1&grid_kg_per_kwh=0.385",
        // 173 t.
        published: 173.0e3,
        tolerance: 0.01,
        role: Role::Check,
        source: "Touvron et al. 2023 Table 15: 0.385 kg CO2e/kWh",
    },
    Reference {
        run: "Chinchilla 70B",
        metric: MetricId::TrainingFlops,
        query: "params=70B&tokens=1.4T",
        published: 5.76e23,
        tolerance: 0.03,
        role: Role::Check,
        source: "Hoffmann et al. 2022 Table 3 (their count includes attention and embeddings)",
    },
    Reference {
        run: "7.5B model, 64-way DP",
        metric: MetricId::MemoryByZero0ModelStatesBytes,
        query: "params=7.5B&gpus=64&tp=1&pp=1&zero=0",
        published: 120e9,
        tolerance: 0.01,
        role: Role::Check,
        source: "Rajbhandari et al. 2020 Figure 1: baseline",
    },
    Reference {
        run: "7.5B model, 64-way DP",
        metric: MetricId::MemoryByZero1ModelStatesBytes,
        query: "params=7.5B&gpus=64&tp=1&pp=1&zero=1",
        published: 31.4e9,
        tolerance: 0.01,
        role: Role::Check,
        source: "Rajbhandari et al. 2020 Figure 1: ZeRO-1 (P_os)",
    },
    Reference {
        run: "7.5B model, 64-way DP",
        metric: MetricId::MemoryByZero2ModelStatesBytes,
        query: "params=7.5B&gpus=64&tp=1&pp=1&zero=2",
        published: 16.6e9,
        tolerance: 0.01,
        role: Role::Check,
        source: "Rajbhandari et al. 2020 Figure 1: ZeRO-2 (P_os+g)",
    },
    Reference {
        run: "7.5B model, 64-way DP",
        metric: MetricId::MemoryByZero3ModelStatesBytes,
        query: "params=7.5B&gpus=64&tp=1&pp=1&zero=3",
        published: 1.9e9,
        tolerance: 0.02,
        role: Role::Check,
        source: "Rajbhandari et al. 2020 Figure 1: ZeRO-3 (P_os+g+p), 1.875 printed as 1.9",
    },
    Reference {
        run: "OPT-13B",
        metric: MetricId::KvCacheBytesPerToken,
        query: "layers=40&hidden=5120&heads=40&kv_heads=40&vocab=50272",
        published: 800.0 * 1024.0,
        tolerance: 0.001,
        role: Role::Check,
        source: "Kwon et al. 2023 (vLLM) sec. 3: 800 KB per token",
    },
    Reference {
        run: "OPT-13B",
        metric: MetricId::KvCacheBytesPerSequence,
        query: "layers=40&hidden=5120&heads=40&kv_heads=40&prompt_tokens=1048&output_tokens=1000",
        published: 1.6e9,
        tolerance: 0.05,
        role: Role::Check,
        source: "Kwon et al. 2023 (vLLM) sec. 3: 1.6 GB per 2048-token request",
    },
    Reference {
        run: "Llama-2-7B",
        metric: MetricId::KvCacheBytesPerToken,
        query: "model=llama-2-7b",
        published: 524_288.0,
        tolerance: 0.0,
        role: Role::Check,
        source: "config arithmetic: 2 x 32 layers x 32 KV heads x 128 x 2 bytes",
    },
    Reference {
        run: "Llama-2-7B",
        metric: MetricId::KvCacheBytesPerSequence,
        query: "model=llama-2-7b&prompt_tokens=4095&output_tokens=1",
        published: 2.0 * 1024.0 * 1024.0 * 1024.0,
        tolerance: 0.0,
        role: Role::Check,
        source: "config arithmetic: 2 GiB at 4096 tokens",
    },
    Reference {
        run: "Llama-2-70B (GQA)",
        metric: MetricId::KvCacheBytesPerToken,
        query: "model=llama-2-70b",
        published: 327_680.0,
        tolerance: 0.0,
        role: Role::Check,
        source: "config arithmetic: 2 x 80 x 8 KV heads x 128 x 2 bytes (GQA: 8 of 64 heads)",
    },
    Reference {
        run: "GPT-3 175B",
        metric: MetricId::MemoryPerGpuActivationsPerLayerBytes,
        query: "model=gpt-3-175b&seq=2048&micro_batch=1&recompute=none&attn_kernel=unfused&tp=1&pp=1&sp=0&gpus=1",
        published: 2.87e9,
        tolerance: 0.005,
        role: Role::Check,
        source: "Korthikanti et al. 2022 eq. 1: s b h (34 + 5 a s / h)",
    },
    Reference {
        run: "GPT-3 175B",
        metric: MetricId::MinGpusForReplica,
        query: "model=gpt-3-175b&optimizer=adamw-fp32-grads&gpu=a100-80g-sxm",
        published: 44.0,
        tolerance: 0.0,
        role: Role::Check,
        source: "Article on estimating LLM training compute (GPT-3 worked example): 20 bytes/param, about 3.5 TB, at least 44 GPUs of 80 GB",
    },
    Reference {
        run: "GPT-3 175B",
        metric: MetricId::InferenceRuleOfThumbBytes,
        query: "model=gpt-3-175b&params=175B&weight_bits=32",
        published: 840e9,
        tolerance: 0.001,
        role: Role::Check,
        source: "Article on estimating LLM training compute (GPT-3 worked example): 1.2 x N x 4 bytes",
    },
    Reference {
        run: "GPT-3 175B",
        metric: MetricId::ServingResponseFlops,
        query: "model=gpt-3-175b&params=175B&output_tokens=1050",
        published: 3.7e14,
        tolerance: 0.01,
        role: Role::Check,
        source: "docs/model.md §5: 2 x 175e9 x 1050 per ChatGPT-length answer",
    },
    Reference {
        run: "DeepSeek-V3",
        metric: MetricId::ParamsTotal,
        query: "model=deepseek-v3",
        published: 671e9,
        tolerance: 0.001,
        role: Role::Check,
        source: "DeepSeek-V3 report sec. 4.2: 671B total",
    },
    Reference {
        run: "DeepSeek-V3",
        metric: MetricId::ParamsActive,
        query: "model=deepseek-v3",
        published: 37e9,
        tolerance: 0.02,
        role: Role::Check,
        source: "DeepSeek-V3 report sec. 4.2: 37B activated (rounded)",
    },
    Reference {
        run: "DeepSeek-V3",
        metric: MetricId::KvCacheBytesPerToken,
        query: "model=deepseek-v3",
        published: 61.0 * 576.0 * 2.0,
        tolerance: 0.0,
        role: Role::Check,
        source: "DeepSeek-V2 sec. 2.1.2: MLA caches d_c + d_rope = 512 + 64 per layer",
    },
    Reference {
        run: "Megatron GPT 1.7B, 32 A100 (TP 1, PP 1)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=24&hidden=2304&heads=24&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=32&tp=1&pp=1&sp=0&zero=0&global_batch=512&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 137.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 3.6B, 64 A100 (TP 2, PP 1)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=30&hidden=3072&heads=32&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=64&tp=2&pp=1&sp=0&zero=0&global_batch=512&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 138.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 7.5B, 128 A100 (TP 4, PP 1)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=36&hidden=4096&heads=32&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=128&tp=4&pp=1&sp=0&zero=0&global_batch=512&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 142.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 18.4B, 256 A100 (TP 8, PP 1)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=40&hidden=6144&heads=48&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=256&tp=8&pp=1&sp=0&zero=0&global_batch=1024&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 135.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 39.1B, 512 A100 (TP 8, PP 2)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=48&hidden=8192&heads=64&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=512&tp=8&pp=2&sp=0&zero=0&global_batch=1536&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 138.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 76.1B, 1024 A100 (TP 8, PP 4)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=60&hidden=10240&heads=80&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=1024&tp=8&pp=4&sp=0&zero=0&global_batch=1792&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 140.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 145.6B, 1536 A100 (TP 8, PP 8)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=80&hidden=12288&heads=96&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=1536&tp=8&pp=8&sp=0&zero=0&global_batch=2304&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 148.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 310.1B, 1920 A100 (TP 8, PP 16)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=96&hidden=16384&heads=128&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=1920&tp=8&pp=16&sp=0&zero=0&global_batch=2160&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 155.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 529.6B, 2520 A100 (TP 8, PP 35)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=105&hidden=20480&heads=128&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=2520&tp=8&pp=35&sp=0&zero=0&global_batch=2520&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 163.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron GPT 1008B, 3072 A100 (TP 8, PP 64)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=128&hidden=25600&heads=160&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=3072&tp=8&pp=64&sp=0&zero=0&global_batch=3072&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 163.0,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_A100,
    },
    Reference {
        run: "Megatron-Core GPT 1.7B, 48 H100 (TP 1, PP 1)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=24&hidden=2048&heads=16&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=48&tp=1&pp=1&zero=1&global_batch=192&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 408.8,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 7.1B, 96 H100 (TP 2, PP 1)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=30&hidden=4096&heads=32&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=96&tp=2&pp=1&zero=1&global_batch=192&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 465.9,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 16B, 192 H100 (TP 4, PP 1)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=32&hidden=6144&heads=48&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=192&tp=4&pp=1&zero=1&global_batch=192&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 489.1,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 32B, 384 H100 (TP 8, PP 1)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=48&hidden=7168&heads=56&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=384&tp=8&pp=1&zero=1&global_batch=192&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 459.6,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 70B, 768 H100 (TP 8, PP 2)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=84&hidden=8192&heads=64&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=768&tp=8&pp=2&zero=1&global_batch=384&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 419.7,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 119B, 1536 H100 (TP 8, PP 4)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=92&hidden=10240&heads=80&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=1536&tp=8&pp=4&zero=1&global_batch=768&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 420.5,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 177B, 2304 H100 (TP 8, PP 6)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=96&hidden=12288&heads=96&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=2304&tp=8&pp=6&zero=1&global_batch=1152&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 432.8,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 314B, 3072 H100 (TP 8, PP 8)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=96&hidden=16384&heads=128&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=3072&tp=8&pp=8&zero=1&global_batch=1536&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 474.4,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "Megatron-Core GPT 462B, 6144 H100 (TP 8, PP 16)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=112&hidden=18432&heads=144&glu=0&tied=1&bias=all&vocab=131072&seq=4096&gpu=h100-sxm&gpus=6144&tp=8&pp=16&zero=1&global_batch=3072&net_gbps=400&tp_overlap=1&mfu=auto",
        published: 459.9,
        tolerance: 0.10,
        role: Role::Fitted,
        source: MEGATRON_H100,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 4k tokens, 4 H100 FP8 (TP 1, DP 4)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=4&tp=1&pp=1&cp=1&seq=4096&global_batch=1024&micro_batch=1&zero=1&recompute=none&tp_overlap=0&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(768.0, 4096.0, 4.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 8k tokens, 8 H100 FP8 (TP 1, PP 2, DP 4)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=8&tp=1&pp=2&cp=1&seq=8192&global_batch=512&micro_batch=1&zero=1&recompute=none&tp_overlap=0&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(730.0, 8192.0, 8.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 16k tokens, 16 H100 FP8 (TP 2, DP 8)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=16&tp=2&pp=1&cp=1&seq=16384&global_batch=256&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(660.0, 16384.0, 16.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 32k tokens, 32 H100 FP8 (TP 2, CP 2, DP 8)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=32&tp=2&pp=1&cp=2&seq=32768&global_batch=128&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(610.0, 32768.0, 32.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 64k tokens, 64 H100 FP8 (TP 4, CP 2, DP 8)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=64&tp=4&pp=1&cp=2&seq=65536&global_batch=64&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(574.0, 65536.0, 64.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 128k tokens, 128 H100 FP8 (TP 4, CP 4, DP 8)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=128&tp=4&pp=1&cp=4&seq=131072&global_batch=32&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(555.0, 131072.0, 128.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 256k tokens, 256 H100 FP8 (TP 4, CP 8, DP 8)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=256&tp=4&pp=1&cp=8&seq=262144&global_batch=16&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(549.0, 262144.0, 256.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 512k tokens, 512 H100 FP8 (TP 8, CP 16, DP 4)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=512&tp=8&pp=1&cp=16&seq=524288&global_batch=8&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(549.0, 524288.0, 512.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "NeMo long-sequence Llama 2 7B, 1024k tokens, 1024 H100 FP8 (TP 8, CP 32, DP 4)",
        metric: MetricId::StepTokensPerS,
        query: "model=llama-2-7b&gpu=h100-sxm&gpus=1024&tp=8&pp=1&cp=32&seq=1048576&global_batch=4&micro_batch=1&zero=1&recompute=none&tp_overlap=1&net_gbps=400&precision=fp8&mfu=auto",
        published: nemo_llama2_7b_tokens_per_s(536.0, 1048576.0, 1024.0),
        tolerance: 0.10,
        role: Role::Fitted,
        source: NEMO_LONG_SEQUENCE,
    },
    Reference {
        run: "LLaMA-65B, 2048 A100 (TP 8)",
        metric: MetricId::StepTokensPerS,
        query: "layers=80&hidden=8192&heads=64&ffn=22016&glu=1&vocab=32000&seq=2048&gpu=a100-80g-sxm&gpus=2048&tp=8&pp=1&global_batch=2048&recompute=selective&zero=1&net_gbps=200&tp_overlap=1&mfu=auto",
        published: 380.0 * 2048.0,
        tolerance: 0.10,
        role: Role::HeldOut,
        source: "Touvron et al. 2023 sec. 2.4: 380 tokens/s/GPU on 2048 A100 80GB, 4M-token batches; model and sequence parallelism with selective checkpointing, communication overlapped with computation \"as much as possible\" (TP 8 assumed, the degree is unpublished)",
    },
    Reference {
        run: "OPT-175B, 992 A100 (TP 8, FSDP)",
        metric: MetricId::StepModelTflopsPerGpu,
        query: "layers=96&hidden=12288&heads=96&glu=0&tied=1&bias=all&vocab=50272&seq=2048&gpu=a100-80g-sxm&gpus=992&tp=8&pp=1&micro_batch=8&global_batch=992&recompute=full&zero=3&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 147.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Zhang et al. 2022 sec. 2.4: up to 147 TFLOP/s per GPU with Megatron TP 8 and FSDP; compared on model FLOPs, as the paper does not say which count it used",
    },
    // Held out: published runs the step model was not fitted to (docs/model.md §9). Their
    // errors are the accuracy the README and the page report; the tolerance is the band the
    // tests hold each to.
    Reference {
        run: "DeepSeek-V3, 2048 H800 (PP 16 DualPipe, EP 64, FP8)",
        metric: MetricId::GpuHours,
        query: "model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=16&ep=64&zero=1&seq=4096&global_batch=15360&pp_schedule=dualpipe&precision=fp8&ep_dispatch=deepep&ep_fp8=1&tokens=1T&mfu=auto",
        published: 180e3,
        tolerance: 0.15,
        role: Role::HeldOut,
        source: "DeepSeek-AI 2024, DeepSeek-V3 report sec. 1 (180K H800 GPU-hours per trillion tokens) and sec. 3.2 (2048 H800, PP 16 with DualPipe, EP 64 over 8 nodes with its own hierarchical all-to-all, ZeRO-1, no TP; batch 15,360 × 4,096; FP8 GEMMs, sec. 3.3; the dispatch in FP8 and the combine in BF16, sec. 3.3.3)",
    },
    Reference {
        run: "Llama 3 405B, 8192 H100 (TP 8, PP 16, DP 64)",
        metric: MetricId::StepMfu,
        query: "model=llama-3.1-405b&gpu=h100-sxm&gpus=8192&tp=8&pp=16&zero=2&seq=8192&global_batch=2048&mfu=auto",
        published: 0.43,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Dubey et al. 2024, Llama 3 herd Table 4 (430 TFLOP/s, BF16 MFU 43 %; 16M-token batches) and sec. 3.3.2 (interleaved 1F1B, FSDP sharding optimizer states and gradients: ZeRO-2; RoCE 400 Gb/s per GPU)",
    },
    Reference {
        run: "Llama 3 405B, 16384 H100 (TP 8, PP 16, DP 128)",
        metric: MetricId::StepMfu,
        query: "model=llama-3.1-405b&gpu=h100-sxm&gpus=16384&tp=8&pp=16&zero=2&seq=8192&global_batch=2048&mfu=auto",
        published: 0.41,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Dubey et al. 2024, Table 4 (400 TFLOP/s, BF16 MFU 41 %)",
    },
    Reference {
        run: "Megatron GPT 530B PTD-P, 560 A100 (TP 8, PP 35)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=105&hidden=20480&heads=128&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=560&tp=8&pp=35&sp=0&zero=0&global_batch=2240&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 171.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Narayanan et al. 2021 Table 2 (PTD-P, batch 2240, hardware FLOPs of eq. 3)",
    },
    Reference {
        run: "Megatron GPT 530B PTD-P, 2240 A100 (TP 8, PP 35)",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=105&hidden=20480&heads=128&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=2240&tp=8&pp=35&sp=0&zero=0&global_batch=2240&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 159.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Narayanan et al. 2021 Table 2 (PTD-P at 4× the devices of the 560-GPU row: 171 → 159 TFLOP/s)",
    },
    Reference {
        run: "GPT-3 175B ZeRO-3 without model parallelism, 384 A100",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=96&hidden=12288&heads=96&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=384&tp=1&pp=1&sp=0&zero=3&micro_batch=4&global_batch=1536&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 144.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Narayanan et al. 2021 Table 2 (ZeRO-3 in DeepSpeed, micro-batch 4, batch 1536)",
    },
    Reference {
        run: "GPT-3 175B ZeRO-3 without model parallelism, 1536 A100",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=96&hidden=12288&heads=96&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=1536&tp=1&pp=1&sp=0&zero=3&micro_batch=1&global_batch=1536&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 44.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Narayanan et al. 2021 Table 2 (ZeRO-3, micro-batch 1: the gathers no longer hide)",
    },
    Reference {
        run: "GPT 530B ZeRO-3 without model parallelism, 2240 A100",
        metric: MetricId::StepHardwareTflopsPerGpu,
        query: "layers=105&hidden=20480&heads=128&glu=0&tied=1&bias=all&vocab=51200&seq=2048&gpu=a100-80g-sxm&gpus=2240&tp=1&pp=1&sp=0&zero=3&micro_batch=1&global_batch=2240&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 48.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Narayanan et al. 2021 Table 2 (ZeRO-3, micro-batch 1, batch 2240)",
    },
    Reference {
        run: "MegaScale's Megatron-LM baseline, GPT 175B on 256 A100 (TP 8, PP 8, VPP 6)",
        metric: MetricId::StepMfu,
        query: "layers=96&hidden=12288&heads=128&glu=0&tied=1&bias=all&vocab=64000&seq=2048&gpu=a100-80g-sxm&gpus=256&tp=8&pp=8&vpp=6&global_batch=768&net_gbps=200&mfu=auto",
        published: 0.530,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Jiang et al. 2024 (MegaScale, NSDI) Table 2, Megatron-LM rows: 40.0 s per step, MFU 53.0 % (200 Gb/s per GPU assumed, HDR)",
    },
    Reference {
        run: "MegaScale's Megatron-LM baseline, GPT 175B on 12288 A100 (TP 8, PP 8, VPP 6)",
        metric: MetricId::StepMfu,
        query: "layers=96&hidden=12288&heads=128&glu=0&tied=1&bias=all&vocab=64000&seq=2048&gpu=a100-80g-sxm&gpus=12288&tp=8&pp=8&vpp=6&global_batch=6144&net_gbps=200&mfu=auto",
        published: 0.412,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Jiang et al. 2024 Table 1, Megatron-LM rows: 8.57 s per step, MFU 41.2 % at batch 6144",
    },
    Reference {
        run: "Nemotron-4 15B, 768 H100 (TP 8, DP 96)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&gpus=768&tp=8&pp=1&zero=1&global_batch=384&mfu=auto",
        published: 0.57,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Parmar et al. 2024, Nemotron-4 15B report sec. 2, Table 2 (0.57 s per iteration; squared-ReLU MLP of 4h). Compared on the measured iteration time: the table's MFU of 34.3 % implies about 94 GFLOP per token where the PaLM count with attention is 103",
    },
    Reference {
        run: "Nemotron-4 15B, 1536 H100 (TP 8, DP 192)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&gpus=1536&tp=8&pp=1&zero=1&global_batch=768&mfu=auto",
        published: 0.58,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Parmar et al. 2024, Table 2 (0.58 s per iteration, MFU 33.3 %)",
    },
    Reference {
        run: "Nemotron-4 15B, 2304 H100 (TP 8, DP 288)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&gpus=2304&tp=8&pp=1&zero=1&global_batch=1152&mfu=auto",
        published: 0.64,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Parmar et al. 2024, Table 2 (0.64 s per iteration, MFU 30.5 %)",
    },
    Reference {
        run: "Llama 3.1 8B, 128 H100 BF16 (TP 1, CP 2, 8k tokens)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-8b&gpu=h100-sxm&seq=8192&tp=1&pp=1&cp=2&micro_batch=1&recompute=none&gpus=128&global_batch=2048&zero=2&mfu=auto",
        published: 13.1,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_8b.md (143b90d, NeMo 24.09): 13.10 s per step at GBS 2048; the recipe (NeMo-Framework-Launcher conf/training/llama/llama3_1_8b.yaml) runs FlashAttention without recomputation, and NeMo's distributed Adam, which shards gradients and states (ZeRO-2: Apex DistributedFusedAdam)",
    },
    Reference {
        run: "Llama 3.1 8B, 128 H100 FP8 (TP 1, CP 2, 8k tokens)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-8b&gpu=h100-sxm&seq=8192&tp=1&pp=1&cp=2&micro_batch=1&recompute=none&gpus=128&global_batch=2048&precision=fp8&zero=2&mfu=auto",
        published: 9.82,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_8b.md (143b90d): 9.82 s per step in FP8 (Transformer Engine, per-tensor delayed scaling)",
    },
    Reference {
        run: "Llama 3.1 405B, 576 H100 BF16 (TP 8, PP 9, VPP 7, CP 2)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-405b&gpu=h100-sxm&seq=8192&tp=8&pp=9&cp=2&vpp=7&micro_batch=1&tp_overlap=1&recompute=none&gpus=576&global_batch=252&zero=2&mfu=auto",
        published: 17.2,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_405b.md (143b90d, NeMo 24.09): 17.20 s per step at GBS 252; the recipe (conf/training/llama/llama3_1_405b.yaml) overlaps TP communication, runs FlashAttention, no recomputation, distributed Adam (ZeRO-2)",
    },
    Reference {
        run: "Llama 3.1 405B, 2304 H100 BF16 (TP 8, PP 9, VPP 7, CP 2)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-405b&gpu=h100-sxm&seq=8192&tp=8&pp=9&cp=2&vpp=7&micro_batch=1&tp_overlap=1&recompute=none&gpus=2304&global_batch=1008&zero=2&mfu=auto",
        published: 17.62,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_405b.md (143b90d): 17.62 s per step at GBS 1008",
    },
    Reference {
        run: "Llama 3.1 405B, 576 H100 FP8 (TP 8, PP 9, VPP 7, CP 2)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-405b&gpu=h100-sxm&seq=8192&tp=8&pp=9&cp=2&vpp=7&micro_batch=1&tp_overlap=1&recompute=none&gpus=576&global_batch=252&precision=fp8&zero=2&mfu=auto",
        published: 11.24,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_405b.md (143b90d): 11.24 s per step in FP8",
    },
    Reference {
        run: "Llama 3.1 405B, 2304 H100 FP8 (TP 8, PP 9, VPP 7, CP 2)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-405b&gpu=h100-sxm&seq=8192&tp=8&pp=9&cp=2&vpp=7&micro_batch=1&tp_overlap=1&recompute=none&gpus=2304&global_batch=1008&precision=fp8&zero=2&mfu=auto",
        published: 12.35,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_405b.md (143b90d): 12.35 s per step in FP8",
    },
    Reference {
        run: "Nemotron-4 15B, 16 H100 BF16 (TP 4, micro-batch 4)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&tp=4&pp=1&zero=2&micro_batch=4&recompute=none&tp_overlap=1&gpus=16&global_batch=64&mfu=auto",
        published: 2.83,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_15b.md (143b90d, GSW 25.01, NeMo container 24.09): 2.83 s per step at GBS 64; the recipe (nemotron4-15b-synth.yaml, configure.sh overrides) runs without recomputation, with sequence parallelism, TP overlap (ub_tp_comm_overlap=True), cuDNN attention (NVTE_FUSED_ATTN=1) and NeMo's distributed Adam, which shards gradients and states (ZeRO-2: Apex DistributedFusedAdam)",
    },
    Reference {
        run: "Nemotron-4 15B, 2048 H100 BF16 (TP 4, micro-batch 4)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&tp=4&pp=1&zero=2&micro_batch=4&recompute=none&tp_overlap=1&gpus=2048&global_batch=8192&mfu=auto",
        published: 2.96,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_15b.md (143b90d, GSW 25.01, NeMo container 24.09): 2.96 s per step at GBS 8192",
    },
    Reference {
        run: "Nemotron-4 15B, 16 H100 FP8 (TP 4, micro-batch 4)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&tp=4&pp=1&zero=2&micro_batch=4&recompute=none&tp_overlap=1&gpus=16&global_batch=64&precision=fp8&mfu=auto",
        published: 2.08,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_15b.md (143b90d, GSW 25.01, NeMo container 24.09): 2.08 s per step in FP8 (Transformer Engine hybrid, per-tensor delayed scaling)",
    },
    Reference {
        run: "Nemotron-4 15B, 2048 H100 FP8 (TP 4, micro-batch 4)",
        metric: MetricId::StepTimeS,
        query: "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&tp=4&pp=1&zero=2&micro_batch=4&recompute=none&tp_overlap=1&gpus=2048&global_batch=8192&precision=fp8&mfu=auto",
        published: 2.18,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_15b.md (143b90d, GSW 25.01, NeMo container 24.09): 2.18 s per step in FP8",
    },
    Reference {
        run: "Nemotron-4 340B, 128 H100 BF16 (TP 8, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "layers=96&hidden=18432&heads=96&kv_heads=8&glu=0&ffn=73728&vocab=256000&seq=4096&gpu=h100-sxm&tp=8&pp=8&vpp=12&zero=2&micro_batch=1&recompute=selective&tp_overlap=1&gpus=128&global_batch=32&mfu=auto",
        published: 4.61,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_340b.md (143b90d, GSW 25.01, NeMo container 24.09): 4.61 s per step at GBS 32; the recipe (nemotron4-340b-synth.yaml, configure.sh overrides) recomputes selectively, overlaps TP communication (ub_tp_comm_overlap=True) and P2P, runs FlashAttention-2 (NVTE_FUSED_ATTN=0) and distributed Adam (ZeRO-2); its untied 256k vocabulary",
    },
    Reference {
        run: "Nemotron-4 340B, 2048 H100 BF16 (TP 8, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "layers=96&hidden=18432&heads=96&kv_heads=8&glu=0&ffn=73728&vocab=256000&seq=4096&gpu=h100-sxm&tp=8&pp=8&vpp=12&zero=2&micro_batch=1&recompute=selective&tp_overlap=1&gpus=2048&global_batch=512&mfu=auto",
        published: 4.84,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_340b.md (143b90d, GSW 25.01, NeMo container 24.09): 4.84 s per step at GBS 512",
    },
    Reference {
        run: "Nemotron-4 340B, 128 H100 FP8 (TP 8, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "layers=96&hidden=18432&heads=96&kv_heads=8&glu=0&ffn=73728&vocab=256000&seq=4096&gpu=h100-sxm&tp=8&pp=8&vpp=12&zero=2&micro_batch=1&recompute=selective&tp_overlap=1&gpus=128&global_batch=32&precision=fp8&mfu=auto",
        published: 3.16,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_340b.md (143b90d, GSW 25.01, NeMo container 24.09): 3.16 s per step in FP8",
    },
    Reference {
        run: "Nemotron-4 340B, 2048 H100 FP8 (TP 8, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "layers=96&hidden=18432&heads=96&kv_heads=8&glu=0&ffn=73728&vocab=256000&seq=4096&gpu=h100-sxm&tp=8&pp=8&vpp=12&zero=2&micro_batch=1&recompute=selective&tp_overlap=1&gpus=2048&global_batch=512&precision=fp8&mfu=auto",
        published: 3.49,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemotron/README_340b.md (143b90d, GSW 25.01, NeMo container 24.09): 3.49 s per step in FP8",
    },
    Reference {
        run: "Llama 3.1 70B, 64 H100 BF16 (TP 4, PP 4, VPP 5, CP 2, 8k tokens)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.3-70b&gpu=h100-sxm&seq=8192&tp=4&pp=4&vpp=5&cp=2&micro_batch=1&tp_overlap=1&recompute=none&gpus=64&global_batch=128&zero=2&mfu=auto",
        published: 14.72,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_70b.md (143b90d, NeMo 24.09): 14.72 s per step at GBS 128; the recipe (llama3.1_70b.yaml, configure.sh) runs without recomputation, with sequence parallelism, TP overlap, cuDNN attention (NVTE_FUSED_ATTN=1) and distributed Adam (ZeRO-2). Llama 3.3 70B's config is Llama 3.1 70B's",
    },
    Reference {
        run: "Llama 3.1 70B, 2048 H100 BF16 (TP 4, PP 4, VPP 5, CP 2, 8k tokens)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.3-70b&gpu=h100-sxm&seq=8192&tp=4&pp=4&vpp=5&cp=2&micro_batch=1&tp_overlap=1&recompute=none&gpus=2048&global_batch=4096&zero=2&mfu=auto",
        published: 14.98,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_70b.md (143b90d, NeMo 24.09): 14.98 s per step at GBS 4096",
    },
    Reference {
        run: "Llama 3.1 70B, 64 H100 FP8 (TP 4, PP 4, VPP 5, CP 2, 8k tokens)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.3-70b&gpu=h100-sxm&seq=8192&tp=4&pp=4&vpp=5&cp=2&micro_batch=1&tp_overlap=1&recompute=none&gpus=64&global_batch=128&precision=fp8&zero=2&mfu=auto",
        published: 11.01,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_70b.md (143b90d, NeMo 24.09): 11.01 s per step in FP8",
    },
    Reference {
        run: "Llama 3.1 70B, 2048 H100 FP8 (TP 4, PP 4, VPP 5, CP 2, 8k tokens)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.3-70b&gpu=h100-sxm&seq=8192&tp=4&pp=4&vpp=5&cp=2&micro_batch=1&tp_overlap=1&recompute=none&gpus=2048&global_batch=4096&precision=fp8&zero=2&mfu=auto",
        published: 11.39,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama3.1/README_70b.md (143b90d, NeMo 24.09): 11.39 s per step in FP8",
    },
    Reference {
        run: "BLOOM-176B, 384 A100 (TP 4, PP 12, DP 8)",
        metric: MetricId::StepTimeS,
        query: "layers=70&hidden=14336&heads=112&glu=0&vocab=250880&seq=2048&gpu=a100-80g-sxm&gpus=384&tp=4&pp=12&zero=1&sp=0&micro_batch=2&global_batch=2048&recompute=full&net_gbps=200&attn_kernel=unfused&mfu=auto",
        published: 105.0,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "BigScience tr11-176B-ml chronicles (2022-03-18: about 105 s per iteration at batch 2048, 149-150 TFLOP/s) and tr11-176B-ml.slurm (TP 4, PP 12, micro-batch 2, full checkpointing)",
    },
    Reference {
        run: "Qwen3-235B-A22B, 256 H100 (TP 2, PP 8, VPP 4, EP 32, ETP 1)",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=8&vpp=4&ep=32&etp=1&seq=4096&global_batch=2048&ep_dispatch=deepep&mfu=auto",
        published: 19.7,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Megatron-MoE-ModelZoo best_practice/Qwen3 (yanring, c1ad0b5): BF16, DeepEP, 19.7 s per step, 245 TFLOP/s",
    },
    Reference {
        run: "Qwen3-235B-A22B, 256 H100 (TP 2, PP 8, VPP 4, EP 32, ETP 1), EP overlap",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=8&vpp=4&ep=32&etp=1&seq=4096&global_batch=2048&ep_dispatch=deepep&ep_overlap=1&mfu=auto",
        published: 17.6,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Megatron-MoE-ModelZoo best_practice/Qwen3 (c1ad0b5): the same run \"+1f1b overlap\" (the expert all-to-all overlapped within 1F1B), 17.6 s per step, 276 TFLOP/s",
    },
    Reference {
        run: "Qwen3-235B-A22B, 256 H100 (TP 2, EP 8, ETP 1, FSDP, micro-batch 4)",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=1&ep=8&etp=1&zero=3&micro_batch=4&recompute=full&seq=4096&global_batch=2048&ep_dispatch=deepep&mfu=auto",
        published: 17.6,
        tolerance: 0.70,
        role: Role::HeldOut,
        source: "Megatron-MoE-ModelZoo best_practice/Qwen3 (c1ad0b5), intra-node EP row: Megatron FSDP over EDP 32, full recomputation, 17.6 s per step. The model's ZeRO-3 gathers the experts' shards again for each micro-batch's three passes and misses it by far (docs/model.md §9)",
    },
    Reference {
        run: "Qwen3-235B-A22B, 256 H100 (TP 2, PP 32, VPP 3, EP 8)",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=32&vpp=3&ep=8&seq=4096&global_batch=2048&mfu=auto",
        published: 24.2,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "Megatron-MoE-ModelZoo best_practice/Qwen3: all-to-all dispatcher, 24.2 s per step, 200 TFLOP/s",
    },
    Reference {
        run: "DeepSeek-V3, 1024 H100 BF16 (TP 2, PP 16, EP 64, ETP 1)",
        metric: MetricId::StepTimeS,
        query: "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=64&etp=1&seq=4096&global_batch=8192&mfu=auto",
        published: 52.04,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking deepseek_v3/pretrain README (14fb6ae): 52.04 s per step, 163.7 TFLOP/s per GPU",
    },
    Reference {
        run: "Llama 4 Maverick, 512 H100 FP8 (TP 4, EP 128, ETP 4)",
        metric: MetricId::StepTimeS,
        query: "model=llama-4-maverick&gpu=h100-sxm&gpus=512&tp=4&pp=1&ep=128&etp=4&seq=8192&global_batch=1024&precision=fp8&tp_overlap=1&mfu=auto",
        published: 3.685,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking llama4/pretrain README (14fb6ae): 3.685 s per step; the NeMo recipe it pins (00b778eb, llm/recipes/llama4_e128.py) turns on tp_comm_overlap, with FlashAttention and no further recomputation (this model's selective), per-tensor delayed-scaling FP8",
    },
    Reference {
        run: "GPT-3 175B, 128 H100 BF16 (TP 4, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "model=gpt-3-175b&gpu=h100-sxm&seq=2048&tp=4&pp=8&vpp=12&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=128&global_batch=256&mfu=auto",
        published: 8.91,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemo_megatron/README_175b.md (143b90d): 8.91 s per step at 128 GPUs (GBS 256); gpt3_175b_hydra.yaml and configure.sh: TP 4, PP 8, VP 12, sequence parallel, TP overlap (ub_tp_comm_overlap), no recomputation, distributed fused Adam (ZeRO-2) (the table says NeMo Megatron 24.11, launch.sh runs the 24.05 container)",
    },
    Reference {
        run: "GPT-3 175B, 2048 H100 BF16 (TP 4, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "model=gpt-3-175b&gpu=h100-sxm&seq=2048&tp=4&pp=8&vpp=12&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=2048&global_batch=4096&mfu=auto",
        published: 9.02,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemo_megatron/README_175b.md (143b90d): 9.02 s per step at 2048 GPUs (GBS 4096); gpt3_175b_hydra.yaml and configure.sh: TP 4, PP 8, VP 12, sequence parallel, TP overlap (ub_tp_comm_overlap), no recomputation, distributed fused Adam (ZeRO-2) (the table says NeMo Megatron 24.11, launch.sh runs the 24.05 container)",
    },
    Reference {
        run: "GPT-3 175B, 128 H100 FP8 (TP 4, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "model=gpt-3-175b&gpu=h100-sxm&seq=2048&tp=4&pp=8&vpp=12&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=128&global_batch=256&precision=fp8&mfu=auto",
        published: 5.92,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemo_megatron/README_175b.md (143b90d): 5.92 s per step at 128 GPUs (GBS 256); gpt3_175b_hydra.yaml and configure.sh: TP 4, PP 8, VP 12, sequence parallel, TP overlap (ub_tp_comm_overlap), no recomputation, distributed fused Adam (ZeRO-2), per-tensor delayed-scaling FP8 (fp8_hybrid) (the table says NeMo Megatron 24.11, launch.sh runs the 24.05 container)",
    },
    Reference {
        run: "GPT-3 175B, 2048 H100 FP8 (TP 4, PP 8, VPP 12)",
        metric: MetricId::StepTimeS,
        query: "model=gpt-3-175b&gpu=h100-sxm&seq=2048&tp=4&pp=8&vpp=12&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=2048&global_batch=4096&precision=fp8&mfu=auto",
        published: 6.24,
        tolerance: 0.20,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking nemo_megatron/README_175b.md (143b90d): 6.24 s per step at 2048 GPUs (GBS 4096); gpt3_175b_hydra.yaml and configure.sh: TP 4, PP 8, VP 12, sequence parallel, TP overlap (ub_tp_comm_overlap), no recomputation, distributed fused Adam (ZeRO-2), per-tensor delayed-scaling FP8 (fp8_hybrid) (the table says NeMo Megatron 24.11, launch.sh runs the 24.05 container)",
    },
    Reference {
        run: "Grok-1 314B, 512 H100 BF16 (TP 4, PP 8, VPP 8, CP 2, EP 8)",
        metric: MetricId::StepTimeS,
        query: "layers=64&hidden=6144&heads=48&kv_heads=8&glu=1&experts=8&top_k=2&expert_ffn=32768&vocab=128256&tied=0&gpu=h100-sxm&seq=8192&tp=4&pp=8&vpp=8&cp=2&ep=8&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=512&global_batch=1024&mfu=auto",
        published: 20.83,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking grok1/README_314b.md (143b90d, NeMo 24.09): 20.83 s per step at 512 GPUs (GBS 1024); grok1_314b.yaml and configure.sh: 64 layers, hidden 6144, 48 heads in 8 groups, 8 experts of 32768, top 2, the Llama 3 tokenizer (vocab 128256), TP 4, PP 8, VP 8, CP 2, EP 8 (expert TP = TP), all-to-all dispatcher, capacity factor 1 with padding, TP overlap, no recomputation, distributed fused Adam",
    },
    Reference {
        run: "Grok-1 314B, 2048 H100 BF16 (TP 4, PP 8, VPP 8, CP 2, EP 8)",
        metric: MetricId::StepTimeS,
        query: "layers=64&hidden=6144&heads=48&kv_heads=8&glu=1&experts=8&top_k=2&expert_ffn=32768&vocab=128256&tied=0&gpu=h100-sxm&seq=8192&tp=4&pp=8&vpp=8&cp=2&ep=8&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=2048&global_batch=4096&mfu=auto",
        published: 21.09,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking grok1/README_314b.md (143b90d, NeMo 24.09): 21.09 s per step at 2048 GPUs (GBS 4096); grok1_314b.yaml and configure.sh: 64 layers, hidden 6144, 48 heads in 8 groups, 8 experts of 32768, top 2, the Llama 3 tokenizer (vocab 128256), TP 4, PP 8, VP 8, CP 2, EP 8 (expert TP = TP), all-to-all dispatcher, capacity factor 1 with padding, TP overlap, no recomputation, distributed fused Adam",
    },
    Reference {
        run: "Grok-1 314B, 512 H100 FP8 (TP 4, PP 8, VPP 8, CP 2, EP 8)",
        metric: MetricId::StepTimeS,
        query: "layers=64&hidden=6144&heads=48&kv_heads=8&glu=1&experts=8&top_k=2&expert_ffn=32768&vocab=128256&tied=0&gpu=h100-sxm&seq=8192&tp=4&pp=8&vpp=8&cp=2&ep=8&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=512&global_batch=1024&precision=fp8&mfu=auto",
        published: 16.69,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking grok1/README_314b.md (143b90d, NeMo 24.09): 16.69 s per step at 512 GPUs (GBS 1024); grok1_314b.yaml and configure.sh: 64 layers, hidden 6144, 48 heads in 8 groups, 8 experts of 32768, top 2, the Llama 3 tokenizer (vocab 128256), TP 4, PP 8, VP 8, CP 2, EP 8 (expert TP = TP), all-to-all dispatcher, capacity factor 1 with padding, TP overlap, no recomputation, distributed fused Adam, per-tensor delayed-scaling FP8",
    },
    Reference {
        run: "Grok-1 314B, 2048 H100 FP8 (TP 4, PP 8, VPP 8, CP 2, EP 8)",
        metric: MetricId::StepTimeS,
        query: "layers=64&hidden=6144&heads=48&kv_heads=8&glu=1&experts=8&top_k=2&expert_ffn=32768&vocab=128256&tied=0&gpu=h100-sxm&seq=8192&tp=4&pp=8&vpp=8&cp=2&ep=8&micro_batch=1&recompute=none&tp_overlap=1&zero=2&gpus=2048&global_batch=4096&precision=fp8&mfu=auto",
        published: 17.04,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA dgxc-benchmarking grok1/README_314b.md (143b90d, NeMo 24.09): 17.04 s per step at 2048 GPUs (GBS 4096); grok1_314b.yaml and configure.sh: 64 layers, hidden 6144, 48 heads in 8 groups, 8 experts of 32768, top 2, the Llama 3 tokenizer (vocab 128256), TP 4, PP 8, VP 8, CP 2, EP 8 (expert TP = TP), all-to-all dispatcher, capacity factor 1 with padding, TP overlap, no recomputation, distributed fused Adam, per-tensor delayed-scaling FP8",
    },
    Reference {
        run: "Qwen3-30B-A3B, 16 H100 FP8 (EP 16)",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-30b-a3b&gpu=h100-sxm&seq=4096&tp=1&pp=1&ep=16&etp=1&micro_batch=1&recompute=none&zero=1&gpus=16&global_batch=1024&precision=fp8&ep_dispatch=deepep&mfu=auto",
        published: 29.26,
        tolerance: 0.45,
        role: Role::HeldOut,
        source: "NVIDIA-NeMo Megatron-Bridge docs/performance-summary.md (21d102f5e, container 26.04.01): 8,960 tokens/s per GPU at GBS 1024 × 4,096 on 16 H100, i.e. 29.26 s per step; scripts/performance/configs/qwen (QWEN3_30B_A3B_PRETRAIN_CONFIG_H100_FP8_CS_V1): EP 16, ETP 1, HybridEP dispatcher (timed as DeepEP's, in BF16: Megatron-Core's HybridEP takes no FP8 payload), no recomputation, distributed optimizer, force-balanced routing, FP8 with per-tensor current scaling",
    },
    Reference {
        run: "Llama 3 70B, 64 H100 FP8 (TP 4, PP 8, VPP 5, Megatron-Bridge)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3-70b&gpu=h100-sxm&seq=8192&tp=4&pp=8&vpp=5&micro_batch=1&recompute=none&tp_overlap=1&zero=1&gpus=64&global_batch=256&precision=fp8&mfu=auto",
        published: 19.69,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA-NeMo Megatron-Bridge docs/performance-summary.md (21d102f5e, container 26.04.01): 1,664 tokens/s per GPU at GBS 256 × 8,192 on 64 H100, i.e. 19.69 s per step; LLAMA3_70B_PRETRAIN_CONFIG_H100_FP8_CS_V2: TP 4, PP 8, VP 5, TP overlap (userbuffers), no recomputation, distributed optimizer, FP8 with per-tensor current scaling",
    },
    Reference {
        run: "Mixtral 8x22B, 128 H100 (TP 2, EP 8, ETP 1, PP 8, MoE parallel folding)",
        metric: MetricId::StepMfu,
        query: "model=mixtral-8x22b&gpu=h100-sxm&gpus=128&tp=2&ep=8&etp=1&pp=8&seq=4096&global_batch=256&micro_batch=1&recompute=none&zero=1&net_gbps=400&mfu=auto",
        published: 0.493,
        tolerance: 0.40,
        role: Role::HeldOut,
        source: "Liu et al. 2025, MoE Parallel Folding (arXiv 2504.14960), Table 3 (= Table 1): MFU against 989.5 TFLOP/s on Eos DGX H100 (NVLink 450 GB/s, InfiniBand 400 Gb/s each way), BF16, sequence 4,096, global batch 256, the paper's all-to-all dispatcher with token dropping at capacity factor 1: MCore w/ Folding, 49.3 %; not given, assumed here: micro-batch 1, no virtual stages, no recomputation, the distributed optimizer; the MFU's FLOP count is not given either (ours: 6·N_active plus attention)",
    },
    Reference {
        run: "Mixtral 8x22B, 128 H100 (TP 2, EP 4, ETP 2, PP 8)",
        metric: MetricId::StepMfu,
        query: "model=mixtral-8x22b&gpu=h100-sxm&gpus=128&tp=2&ep=4&etp=2&pp=8&seq=4096&global_batch=256&micro_batch=1&recompute=none&zero=1&net_gbps=400&mfu=auto",
        published: 0.463,
        tolerance: 0.40,
        role: Role::HeldOut,
        source: "Liu et al. 2025, MoE Parallel Folding (arXiv 2504.14960), Table 3 (= Table 1): MFU against 989.5 TFLOP/s on Eos DGX H100 (NVLink 450 GB/s, InfiniBand 400 Gb/s each way), BF16, sequence 4,096, global batch 256, the paper's all-to-all dispatcher with token dropping at capacity factor 1: MCore (expert TP = TP, before folding), 46.3 %; not given, assumed here: micro-batch 1, no virtual stages, no recomputation, the distributed optimizer; the MFU's FLOP count is not given either (ours: 6·N_active plus attention)",
    },
    Reference {
        run: "Mixtral-8x22B-G8T8, 128 H100 (TP 4, EP 8, ETP 1, PP 8, MoE parallel folding)",
        metric: MetricId::StepMfu,
        query: "model=mixtral-8x22b&experts=64&top_k=8&expert_ffn=2048&gpu=h100-sxm&gpus=128&tp=4&ep=8&etp=1&pp=8&seq=4096&global_batch=256&micro_batch=1&recompute=none&zero=1&net_gbps=400&mfu=auto",
        published: 0.288,
        tolerance: 0.40,
        role: Role::HeldOut,
        source: "Liu et al. 2025, MoE Parallel Folding (arXiv 2504.14960), Table 3 (= Table 1): MFU against 989.5 TFLOP/s on Eos DGX H100 (NVLink 450 GB/s, InfiniBand 400 Gb/s each way), BF16, sequence 4,096, global batch 256, the paper's all-to-all dispatcher with token dropping at capacity factor 1: MCore w/ Folding, 28.8 %; the paper's Mixtral 8x22B upcycled to 64 experts of 1/8 the width, 8 per token; not given, assumed here: micro-batch 1, no virtual stages, no recomputation, the distributed optimizer; the MFU's FLOP count is not given either (ours: 6·N_active plus attention)",
    },
    Reference {
        run: "Mixtral-8x22B-G8T8, 128 H100 (TP 2, EP 8, ETP 2, PP 8)",
        metric: MetricId::StepMfu,
        query: "model=mixtral-8x22b&experts=64&top_k=8&expert_ffn=2048&gpu=h100-sxm&gpus=128&tp=2&ep=8&etp=2&pp=8&seq=4096&global_batch=256&micro_batch=1&recompute=none&zero=1&net_gbps=400&mfu=auto",
        published: 0.171,
        tolerance: 0.40,
        role: Role::HeldOut,
        source: "Liu et al. 2025, MoE Parallel Folding (arXiv 2504.14960), Table 3 (= Table 1): MFU against 989.5 TFLOP/s on Eos DGX H100 (NVLink 450 GB/s, InfiniBand 400 Gb/s each way), BF16, sequence 4,096, global batch 256, the paper's all-to-all dispatcher with token dropping at capacity factor 1: MCore (expert TP = TP, before folding), 17.1 %; not given, assumed here: micro-batch 1, no virtual stages, no recomputation, the distributed optimizer; the MFU's FLOP count is not given either (ours: 6·N_active plus attention)",
    },
    Reference {
        run: "Qwen2-57B-A14B, 64 H100 (TP 2, EP 4, ETP 1, PP 4, MoE parallel folding)",
        metric: MetricId::StepMfu,
        query: "model=qwen2-57b-a14b&gpu=h100-sxm&gpus=64&tp=2&ep=4&etp=1&pp=4&seq=4096&global_batch=256&micro_batch=1&recompute=none&zero=1&net_gbps=400&mfu=auto",
        published: 0.39,
        tolerance: 0.40,
        role: Role::HeldOut,
        source: "Liu et al. 2025, MoE Parallel Folding (arXiv 2504.14960), Table 3 (= Table 1): MFU against 989.5 TFLOP/s on Eos DGX H100 (NVLink 450 GB/s, InfiniBand 400 Gb/s each way), BF16, sequence 4,096, global batch 256, the paper's all-to-all dispatcher with token dropping at capacity factor 1: MCore w/ Folding, 39.0 %; not given, assumed here: micro-batch 1, no virtual stages, no recomputation, the distributed optimizer; the MFU's FLOP count is not given either (ours: 6·N_active plus attention)",
    },
    Reference {
        run: "Qwen2-57B-A14B, 64 H100 (TP 2, EP 4, ETP 2, PP 4)",
        metric: MetricId::StepMfu,
        query: "model=qwen2-57b-a14b&gpu=h100-sxm&gpus=64&tp=2&ep=4&etp=2&pp=4&seq=4096&global_batch=256&micro_batch=1&recompute=none&zero=1&net_gbps=400&mfu=auto",
        published: 0.353,
        tolerance: 0.40,
        role: Role::HeldOut,
        source: "Liu et al. 2025, MoE Parallel Folding (arXiv 2504.14960), Table 3 (= Table 1): MFU against 989.5 TFLOP/s on Eos DGX H100 (NVLink 450 GB/s, InfiniBand 400 Gb/s each way), BF16, sequence 4,096, global batch 256, the paper's all-to-all dispatcher with token dropping at capacity factor 1: MCore (expert TP = TP, before folding), 35.3 %; not given, assumed here: micro-batch 1, no virtual stages, no recomputation, the distributed optimizer; the MFU's FLOP count is not given either (ours: 6·N_active plus attention)",
    },
    Reference {
        run: "Llama 3.1 405B, 1024 H100 FP8 (TP 8, PP 8, VPP 8, CP 2, Megatron-Bridge)",
        metric: MetricId::StepTimeS,
        query: "model=llama-3.1-405b&gpu=h100-sxm&seq=8192&tp=8&pp=8&vpp=8&cp=2&micro_batch=1&recompute=none&tp_overlap=1&zero=1&gpus=1024&global_batch=1536&precision=fp8&mfu=auto",
        published: 37.46,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA-NeMo Megatron-Bridge docs/performance-summary.md (21d102f5e, container 26.04.01): 328 tokens/s per GPU at GBS 1,536 × 8,192 on 1,024 H100, i.e. 37.46 s per step; scripts/performance/configs/llama LLAMA31_405B_PRETRAIN_CONFIG_H100_FP8_CS_V2 and llama31_405b_pretrain_config_h100: TP 8, PP 8, CP 2, VP 8, TP overlap (userbuffers), no recomputation (recipe llama31_405b_pretrain_config), distributed optimizer, FP8 with per-tensor current scaling",
    },
    Reference {
        run: "Qwen3-235B-A22B, 256 H100 FP8 (TP 2, PP 8, VPP 4, EP 32, EP overlap, Megatron-Bridge)",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=8&vpp=4&ep=32&etp=1&zero=1&micro_batch=1&recompute=none&seq=4096&global_batch=8192&precision=fp8&ep_overlap=1&mfu=auto",
        published: 76.56,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA-NeMo Megatron-Bridge docs/performance-summary.md (21d102f5e, container 26.04.01): 1,712 tokens/s per GPU at GBS 8,192 × 4,096 on 256 H100, i.e. 76.56 s per step; QWEN3_235B_A22B_PRETRAIN_CONFIG_H100_FP8_CS_V2 and qwen3_235b_a22b_pretrain_config_h100: TP 2, PP 8, VP 4, EP 32, ETP 1, moe_a2a_overlap, the alltoall dispatcher, no TP overlap, no recomputation (set_qwen3_common_configs), FP8 with per-tensor current scaling",
    },
    Reference {
        run: "gpt-oss-120b, 64 H100 BF16 (PP 4, EP 8, Megatron-Bridge)",
        metric: MetricId::StepTimeS,
        query: "model=gpt-oss-120b&gpu=h100-sxm&gpus=64&tp=1&pp=4&ep=8&etp=1&zero=1&micro_batch=1&recompute=none&seq=4096&global_batch=1280&precision=bf16&mfu=auto",
        published: 14.07,
        tolerance: 0.45,
        role: Role::HeldOut,
        source: "NVIDIA-NeMo Megatron-Bridge docs/performance-summary.md (21d102f5e, container 26.04.01): 5,824 tokens/s per GPU at GBS 1,280 × 4,096 on 64 H100, i.e. 14.07 s per step; GPT_OSS_120B_PRETRAIN_CONFIG_H100_BF16_V2 and gpt_oss_120b_pretrain_config: PP 4, EP 8, ETP 1, the alltoall dispatcher, recomputation of the layer norms and the MoE activation only (recompute_modules, memory-bound work the model does not time), BF16",
    },
    Reference {
        run: "Qwen3-30B-A3B, 16 H100 BF16 (EP 16, EP overlap, Megatron-Bridge card)",
        metric: MetricId::StepTimeS,
        query: "model=qwen3-30b-a3b&gpu=h100-sxm&seq=4096&tp=1&pp=1&ep=16&etp=1&micro_batch=1&recompute=none&zero=1&gpus=16&global_batch=1024&precision=bf16&ep_dispatch=deepep&ep_overlap=1&mfu=auto",
        published: 20.147,
        tolerance: 0.30,
        role: Role::HeldOut,
        source: "NVIDIA-NeMo Megatron-Bridge examples/model_verification_cards/qwen3-30b-a3b/card.yaml (pretrain_performance.H100, verified 2026-07-27, bridge commit 3a9559f0): 20,147 ms per step averaged over steps 41-50, 299.4 model TFLOP/s and 13,011 tokens/s per GPU; recipe qwen3_30b_a3b_pretrain_16gpu_h100_bf16_config (src/megatron/bridge/perf_recipes/qwen/h100/qwen3_moe.py): TP 1, PP 1, EP 16, ETP 1, GBS 1,024 × 4,096, micro-batch 1, no recomputation, distributed optimizer, HybridEP (timed as DeepEP's) with EP overlap, force-balanced routing, BF16",
    },
];

/// Megatron-LM on Selene (Narayanan et al. 2021 Table 1; docs/model.md §9): TFLOP/s per GPU
/// counted with eq. 3 (recomputation included), full recomputation, no sequence parallelism,
/// 200 Gb/s of InfiniBand per GPU.
const MEGATRON_A100: &str =
    "Narayanan et al. 2021 Table 1 (eq. 3 TFLOP/s per GPU; full recomputation, micro-batch 1)";

/// Megatron-Core on H100 (Megatron-LM README, July 2024; docs/model.md §9): model TFLOP/s per
/// GPU with DP, TP and PP communication overlapped; selective recomputation and micro-batch 1
/// assumed, 400 Gb/s per GPU.
const MEGATRON_H100: &str =
    "Megatron-LM README (2024), Megatron-Core on H100: model TFLOP/s per GPU (micro-batch 1)";

/// NVIDIA NeMo's long-sequence table (docs/model.md §9): one model from 4k to 1M tokens on
/// H100, the only published sweep over the sequence length at a fixed model that we found, so
/// the table that tells attention's cost apart from the other per-token costs.
const NEMO_LONG_SEQUENCE: &str = "NVIDIA NeMo docs/source/performance/performance_long_sequence.md (NeMo 24.03.01 container, DGX-H100): LLAMA2-7B in FP8 with context parallelism, TFLOP/s per GPU at the TP, PP, DP and CP given; the batch is not given (taken as 4M tokens, as the same page's B200 table holds it), nor recomputation (none taken), the attention kernel (Transformer Engine's fused attention taken) or TP overlap (taken on with TP > 1, as NeMo's H100 recipes set it)";

/// Tokens per second over `gpus` devices from the model TFLOP/s per GPU NeMo's long-sequence
/// table reports for Llama 2 7B at `seq` tokens. It counts as Megatron-LM did in 2024
/// (`num_floating_point_operations`: `12·s·L·h²·(1 + g/a + s/h + 1.5·f/h + V/(2·L·h))` per
/// sequence, the full s × s scores, the vocabulary unpadded): h 4,096, L 32, 32 query groups of
/// 32 heads, f 11,008, V 32,000.
const fn nemo_llama2_7b_tokens_per_s(tflops_per_gpu: f64, seq: f64, gpus: f64) -> f64 {
    let (h, l, f, v) = (4096.0, 32.0, 11008.0, 32000.0);
    let per_token = 12.0 * l * h * h * (2.0 + seq / h + 1.5 * f / h + v / (2.0 * l * h));
    tflops_per_gpu * 1e12 / per_token * gpus
}
