//! Each figure's value in a report, by name: one arm per [`MetricId`], so a figure without a
//! value fails to compile. The page's cards, compare table and exports, the CLI and the
//! reality check read figures here, not through the report's JSON (a test holds every arm to
//! the JSON at the figure's key).

use super::metric_id::MetricId;
use super::report::Report;

impl Report {
    /// The figure's value, in SI units (`NaN` where the report has none: no device count meets
    /// the deadline). Without a calibration its factor reads 1.
    pub fn figure(&self, id: MetricId) -> f64 {
        let r = self;
        match id {
            MetricId::Gpus => f64::from(r.gpus),
            MetricId::Tokens => r.training.tokens,
            MetricId::ParamsTotal => r.params_total,
            MetricId::ParamsActive => r.params_active,
            MetricId::TrainingFlops => r.training.training_flops,
            MetricId::AttentionFlops => r.training.attention_flops,
            MetricId::HardwareFlops => r.training.hardware_flops,
            MetricId::PfDays => r.training.pf_days,
            MetricId::TrainingSeconds => r.training.training_seconds,
            MetricId::GpuHours => r.training.gpu_hours,
            MetricId::TokensTrainable => r.answers.tokens_trainable,
            MetricId::OptimalParams => r.answers.optimal_params,
            MetricId::OptimalTokens => r.answers.optimal_tokens,
            MetricId::BudgetGpuHours => r.answers.budget_gpu_hours,
            MetricId::BudgetSeconds => r.answers.budget_seconds,
            MetricId::BudgetTokens => r.answers.budget_tokens,
            MetricId::Mfu => r.training.mfu,
            MetricId::Hfu => r.training.hfu,
            MetricId::GpuDays => r.training.gpu_days,
            MetricId::GpusForDeadline => {
                r.training.gpus_for_deadline.map_or(f64::NAN, |n| n as f64)
            }
            MetricId::GpusForDeadlineRaw => r.training.gpus_for_deadline_raw,
            MetricId::ChinchillaParams => r.training.chinchilla_params,
            MetricId::Rental => r.cost.rental,
            MetricId::RentalByTierOnDemand => r.cost.rental_by_tier.on_demand,
            MetricId::RentalByTierReserved1y => r.cost.rental_by_tier.reserved_1y,
            MetricId::RentalByTierReserved3y => r.cost.rental_by_tier.reserved_3y,
            MetricId::RentalByTierSpot => r.cost.rental_by_tier.spot,
            MetricId::SpotOverhead => r.cost.spot.overhead,
            MetricId::CostUsd => r.cost.cost_usd,
            MetricId::PurchaseCost => r.cost.purchase_cost,
            MetricId::ElectricityCost => r.cost.electricity_cost,
            MetricId::EnergyJoules => r.cost.energy_joules,
            MetricId::Co2Kg => r.cost.co2_kg,
            MetricId::MemoryPerGpuTotalBytes => r.memory_per_gpu.total_bytes,
            MetricId::MemoryPerGpuWeightsBytes => r.memory_per_gpu.weights_bytes,
            MetricId::MemoryPerGpuGradientsBytes => r.memory_per_gpu.gradients_bytes,
            MetricId::MemoryPerGpuOptimizerBytes => r.memory_per_gpu.optimizer_bytes,
            MetricId::MemoryPerGpuActivationsBytes => r.memory_per_gpu.activations_bytes,
            MetricId::MemoryPerGpuModelStatesBytes => r.memory_per_gpu.model_states_bytes,
            MetricId::MemoryPerGpuActivationsPerLayerBytes => {
                r.memory_per_gpu.activations_per_layer_bytes
            }
            MetricId::MemoryByZero0ModelStatesBytes => r.memory_by_zero[0].model_states_bytes,
            MetricId::MemoryByZero1ModelStatesBytes => r.memory_by_zero[1].model_states_bytes,
            MetricId::MemoryByZero2ModelStatesBytes => r.memory_by_zero[2].model_states_bytes,
            MetricId::MemoryByZero3ModelStatesBytes => r.memory_by_zero[3].model_states_bytes,
            MetricId::MemoryByZero3TotalBytes => r.memory_by_zero[3].total_bytes,
            MetricId::MinGpusForReplica => r.min_gpus_for_replica as f64,
            MetricId::KvCacheBytesPerToken => r.kv_cache_bytes_per_token,
            MetricId::KvCacheBytesAtContext => r.kv_cache_bytes_at_context,
            MetricId::KvBoundedBytesAtContext => r.kv_bounded_bytes_at_context,
            MetricId::ParamsWithMtp => r.params_with_mtp,
            MetricId::KvCacheBytesPerSequence => r.kv_cache_bytes_per_sequence,
            MetricId::InferenceWeightsBytes => r.inference_weights_bytes,
            MetricId::InferenceMemoryBytes => r.inference_memory_bytes,
            MetricId::InferenceMemoryGpus => r.inference_memory_gpus as f64,
            MetricId::InferenceRuleOfThumbBytes => r.inference_rule_of_thumb_bytes,
            MetricId::ServingGpus => r.serving.gpus as f64,
            MetricId::ServingTokensPerSPerGpu => r.serving.tokens_per_s_per_gpu,
            MetricId::ServingTtftS => r.serving.ttft_s,
            MetricId::ServingTpotS => r.serving.tpot_s,
            MetricId::ServingBestLatencyS => r.serving.best_latency_s,
            MetricId::ServingCostPerDay => r.serving.cost_per_day,
            MetricId::ServingElectricityPerDay => r.serving.electricity_per_day,
            MetricId::ServingCostPerMillionTokens => r.serving.cost_per_million_tokens,
            MetricId::ServingOwnershipPerDay => r.serving.ownership_per_day,
            MetricId::ServingResponseFlops => r.serving.response_flops,
            MetricId::ServingMaxConcurrentSequences => r.serving.max_concurrent_sequences as f64,
            MetricId::StepTimeS => r.step.time_s,
            MetricId::StepComputeS => r.step.compute_s,
            MetricId::StepTpCommS => r.step.tp_comm_s,
            MetricId::StepPpBubbleS => r.step.pp_bubble_s,
            MetricId::StepDpCommS => r.step.dp_comm_s,
            MetricId::StepEpCommS => r.step.ep_comm_s,
            MetricId::StepEtpCommS => r.step.etp_comm_s,
            MetricId::StepEdpCommS => r.step.edp_comm_s,
            MetricId::StepCpCommS => r.step.cp_comm_s,
            MetricId::StepOptimizerS => r.step.optimizer_s,
            MetricId::StepModelTflopsPerGpu => r.step.model_tflops_per_gpu,
            MetricId::StepHardwareTflopsPerGpu => r.step.hardware_tflops_per_gpu,
            MetricId::CalibrationFactor => r.calibration.map_or(1.0, |c| c.factor),
            MetricId::StepMfu => r.step.mfu,
            MetricId::StepTokensPerS => r.step.tokens_per_s,
            MetricId::PeakFlops => r.peak_flops,
        }
    }
}
