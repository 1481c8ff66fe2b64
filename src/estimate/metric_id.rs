//! Every figure of the report, by name: the core names a figure by [`MetricId`] (a derivation
//! row's figure, a published reference's), so a misspelt or missing figure fails to compile.
//! Each name's key, the report's dotted field path as in the CLI's JSON and the page's
//! `data-metric`, is written once, beside its variant below; strings name figures only at the
//! JSON and link boundary ([`MetricId::key`], [`MetricId::from_key`]). The figure's value is
//! [`Report::figure`](super::report::Report::figure) (in `figure.rs`); its unit, labels and
//! format are the page's (`crate::metrics`).

use serde::{Serialize, Serializer};

/// The enum, its list and its keys from one list of `Variant = "key"`.
macro_rules! metric_ids {
    ($($id:ident = $key:literal,)*) => {
        /// A figure of the report, by name. The variants are the report's keys in CamelCase.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum MetricId {
            $(
                #[doc = concat!("`", $key, "`")]
                $id,
            )*
        }

        impl MetricId {
            /// Every figure, in the order of the variants.
            pub const ALL: &[MetricId] = &[$(MetricId::$id,)*];

            /// Its key: the report's dotted field path (as in the CLI's JSON).
            pub const fn key(self) -> &'static str {
                match self {
                    $(MetricId::$id => $key,)*
                }
            }
        }
    };
}

metric_ids! {
    Gpus = "gpus",
    Tokens = "tokens",
    ParamsTotal = "params_total",
    ParamsActive = "params_active",
    TrainingFlops = "training_flops",
    AttentionFlops = "attention_flops",
    HardwareFlops = "hardware_flops",
    PfDays = "pf_days",
    TrainingSeconds = "training_seconds",
    GpuHours = "gpu_hours",
    TokensTrainable = "tokens_trainable",
    OptimalParams = "optimal_params",
    OptimalTokens = "optimal_tokens",
    BudgetGpuHours = "budget_gpu_hours",
    BudgetSeconds = "budget_seconds",
    BudgetTokens = "budget_tokens",
    Mfu = "mfu",
    Hfu = "hfu",
    GpuDays = "gpu_days",
    GpusForDeadline = "gpus_for_deadline",
    GpusForDeadlineRaw = "gpus_for_deadline_raw",
    ChinchillaParams = "chinchilla_params",
    Rental = "rental",
    RentalByTierOnDemand = "rental_by_tier.on_demand",
    RentalByTierReserved1y = "rental_by_tier.reserved_1y",
    RentalByTierReserved3y = "rental_by_tier.reserved_3y",
    RentalByTierSpot = "rental_by_tier.spot",
    SpotOverhead = "spot.overhead",
    CostUsd = "cost_usd",
    PurchaseCost = "purchase_cost",
    ElectricityCost = "electricity_cost",
    EnergyJoules = "energy_joules",
    Co2Kg = "co2_kg",
    MemoryPerGpuTotalBytes = "memory_per_gpu.total_bytes",
    MemoryPerGpuWeightsBytes = "memory_per_gpu.weights_bytes",
    MemoryPerGpuGradientsBytes = "memory_per_gpu.gradients_bytes",
    MemoryPerGpuOptimizerBytes = "memory_per_gpu.optimizer_bytes",
    MemoryPerGpuActivationsBytes = "memory_per_gpu.activations_bytes",
    MemoryPerGpuModelStatesBytes = "memory_per_gpu.model_states_bytes",
    MemoryPerGpuActivationsPerLayerBytes = "memory_per_gpu.activations_per_layer_bytes",
    MemoryByZero0ModelStatesBytes = "memory_by_zero.0.model_states_bytes",
    MemoryByZero1ModelStatesBytes = "memory_by_zero.1.model_states_bytes",
    MemoryByZero2ModelStatesBytes = "memory_by_zero.2.model_states_bytes",
    MemoryByZero3ModelStatesBytes = "memory_by_zero.3.model_states_bytes",
    MemoryByZero3TotalBytes = "memory_by_zero.3.total_bytes",
    MinGpusForReplica = "min_gpus_for_replica",
    KvCacheBytesPerToken = "kv_cache_bytes_per_token",
    KvCacheBytesAtContext = "kv_cache_bytes_at_context",
    KvBoundedBytesAtContext = "kv_bounded_bytes_at_context",
    ParamsWithMtp = "params_with_mtp",
    KvCacheBytesPerSequence = "kv_cache_bytes_per_sequence",
    InferenceWeightsBytes = "inference_weights_bytes",
    InferenceMemoryBytes = "inference_memory_bytes",
    InferenceMemoryGpus = "inference_memory_gpus",
    InferenceRuleOfThumbBytes = "inference_rule_of_thumb_bytes",
    ServingGpus = "serving.gpus",
    ServingTokensPerSPerGpu = "serving.tokens_per_s_per_gpu",
    ServingTtftS = "serving.ttft_s",
    ServingTpotS = "serving.tpot_s",
    ServingBestLatencyS = "serving.best_latency_s",
    ServingCostPerDay = "serving.cost_per_day",
    ServingElectricityPerDay = "serving.electricity_per_day",
    ServingCostPerMillionTokens = "serving.cost_per_million_tokens",
    ServingOwnershipPerDay = "serving.ownership_per_day",
    ServingResponseFlops = "serving.response_flops",
    ServingMaxConcurrentSequences = "serving.max_concurrent_sequences",
    StepTimeS = "step.time_s",
    StepComputeS = "step.compute_s",
    StepTpCommS = "step.tp_comm_s",
    StepPpBubbleS = "step.pp_bubble_s",
    StepDpCommS = "step.dp_comm_s",
    StepEpCommS = "step.ep_comm_s",
    StepEtpCommS = "step.etp_comm_s",
    StepEdpCommS = "step.edp_comm_s",
    StepCpCommS = "step.cp_comm_s",
    StepOptimizerS = "step.optimizer_s",
    StepModelTflopsPerGpu = "step.model_tflops_per_gpu",
    StepHardwareTflopsPerGpu = "step.hardware_tflops_per_gpu",
    CalibrationFactor = "calibration.factor",
    StepMfu = "step.mfu",
    StepTokensPerS = "step.tokens_per_s",
    PeakFlops = "peak_flops",
}

impl MetricId {
    /// The figure with this key, at the JSON and link boundary.
    pub fn from_key(key: &str) -> Option<MetricId> {
        MetricId::ALL.iter().copied().find(|m| m.key() == key)
    }
}

/// A figure serialises as its key (the derivations' and the references' JSON).
impl Serialize for MetricId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two names never share a key, and each key reads back to its name.
    #[test]
    fn every_key_is_one_names_own() {
        for (i, a) in MetricId::ALL.iter().enumerate() {
            assert_eq!(*a as usize, i, "{a:?} out of order");
            assert!(
                MetricId::ALL[i + 1..].iter().all(|b| b.key() != a.key()),
                "{} twice",
                a.key()
            );
            assert_eq!(MetricId::from_key(a.key()), Some(*a));
        }
        assert_eq!(MetricId::from_key("no_such_figure"), None);
    }

    /// Each variant is its key in CamelCase (`rental_by_tier.reserved_1y` is
    /// `RentalByTierReserved1y`), so a key typed by hand beside the wrong variant shows.
    #[test]
    fn every_variant_spells_its_key() {
        for m in MetricId::ALL {
            let camel: String = m
                .key()
                .split(['_', '.'])
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                        .unwrap_or_default()
                })
                .collect();
            assert_eq!(format!("{m:?}"), camel);
        }
    }

    #[test]
    fn serialises_as_its_key() {
        assert_eq!(
            serde_json::to_string(&MetricId::StepModelTflopsPerGpu).unwrap(),
            "\"step.model_tflops_per_gpu\""
        );
    }
}
