//! Every field's name, typed: the page names a field by [`FieldId`], so a missing or misspelt
//! field fails to compile. Strings name fields only at the link, JSON and CLI boundary
//! ([`field`], [`arch_field`], [`FieldId::from_name`], [`FieldId::name`]).
//!
//! The design follows [`crate::metrics::MetricId`]: one variant per row of the tables, in the
//! tables' order ([`FIELDS`], then [`DATA_FIELDS`], then [`ARCH_FIELDS`]), then the fields that
//! have no row of their own (`v`, `model`, `params`, `active_params`, `calib`, which
//! [`SPECIAL_FIELDS`] documents). Each row carries its `id`, and a test checks that each row
//! sits at its id's place, so [`FieldId::scenario_field`] and [`FieldId::arch_field`] index the
//! tables directly and the name is the row's own, written once. The variants were generated from
//! the tables (the name in CamelCase); a test checks that each variant still spells its name.
//! A table indexed by the enum, rather than a `match` per property, keeps a new field a change
//! in two places (its row and its variant), both checked by the tests.

use super::{ARCH_FIELDS, DATA_FIELDS, FIELDS, Field};
use crate::estimate::Scenario;
use crate::estimate::architecture::Architecture;

/// A field of the scenario language, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FieldId {
    // FIELDS
    /// `seq`
    Seq,
    /// `epochs`
    Epochs,
    /// `finetune`
    Finetune,
    /// `lora_rank`
    LoraRank,
    /// `gpu`
    Gpu,
    /// `vs_gpu`
    VsGpu,
    /// `peak_tflops`
    PeakTflops,
    /// `hbm_gb`
    HbmGb,
    /// `bandwidth_gbs`
    BandwidthGbs,
    /// `gpus`
    Gpus,
    /// `mfu`
    Mfu,
    /// `hfu`
    Hfu,
    /// `precision`
    Precision,
    /// `deadline_days`
    DeadlineDays,
    /// `solve`
    Solve,
    /// `budget`
    Budget,
    /// `recompute`
    Recompute,
    /// `zero`
    Zero,
    /// `tp`
    Tp,
    /// `pp`
    Pp,
    /// `sp`
    Sp,
    /// `ep_dispatch`
    EpDispatch,
    /// `tp_overlap`
    TpOverlap,
    /// `ep_overlap`
    EpOverlap,
    /// `ep_fp8`
    EpFp8,
    /// `attn_kernel`
    AttnKernel,
    /// `calib_mfu`
    CalibMfu,
    /// `calib_step_s`
    CalibStepS,
    /// `calib_tokens_per_gpu_s`
    CalibTokensPerGpuS,
    /// `ep`
    Ep,
    /// `etp`
    Etp,
    /// `cp`
    Cp,
    /// `vpp`
    Vpp,
    /// `pp_schedule`
    PpSchedule,
    /// `layout`
    Layout,
    /// `micro_batch`
    MicroBatch,
    /// `global_batch`
    GlobalBatch,
    /// `optimizer`
    Optimizer,
    /// `price_per_gpu_hour`
    PricePerGpuHour,
    /// `price_tier`
    PriceTier,
    /// `price_reserved_1y`
    PriceReserved1y,
    /// `price_reserved_3y`
    PriceReserved3y,
    /// `price_spot`
    PriceSpot,
    /// `checkpoint_hours`
    CheckpointHours,
    /// `spot_interruptions`
    SpotInterruptions,
    /// `restart_minutes`
    RestartMinutes,
    /// `gpu_price`
    GpuPrice,
    /// `currency`
    Currency,
    /// `cny_per_usd`
    CnyPerUsd,
    /// `power_w`
    PowerW,
    /// `pue`
    Pue,
    /// `grid_kg_per_kwh`
    GridKgPerKwh,
    /// `electricity_per_kwh`
    ElectricityPerKwh,
    /// `net_gbps`
    NetGbps,
    /// `weight_format`
    WeightFormat,
    /// `weight_bits`
    WeightBits,
    /// `kv_bits`
    KvBits,
    /// `batch`
    Batch,
    /// `prompt_tokens`
    PromptTokens,
    /// `output_tokens`
    OutputTokens,
    /// `users`
    Users,
    /// `users_mode`
    UsersMode,
    /// `requests_per_user_per_hour`
    RequestsPerUserPerHour,
    /// `requests_per_s`
    RequestsPerS,
    /// `latency_s`
    LatencyS,
    /// `context_tokens`
    ContextTokens,
    /// `concurrent_sequences`
    ConcurrentSequences,
    // DATA_FIELDS
    /// `tokens`
    Tokens,
    /// `dataset_tb`
    DatasetTb,
    /// `bytes_per_token`
    BytesPerToken,
    // ARCH_FIELDS
    /// `layers`
    Layers,
    /// `hidden`
    Hidden,
    /// `heads`
    Heads,
    /// `kv_heads`
    KvHeads,
    /// `head_dim`
    HeadDim,
    /// `ffn`
    Ffn,
    /// `glu`
    Glu,
    /// `vocab`
    Vocab,
    /// `tied`
    Tied,
    /// `bias`
    Bias,
    /// `experts`
    Experts,
    /// `top_k`
    TopK,
    /// `shared_experts`
    SharedExperts,
    /// `expert_ffn`
    ExpertFfn,
    /// `dense_layers`
    DenseLayers,
    /// `kv_latent`
    KvLatent,
    /// `q_latent`
    QLatent,
    /// `rope_dim`
    RopeDim,
    /// `local_attn`
    LocalAttn,
    /// `global_every`
    GlobalEvery,
    /// `window`
    Window,
    /// `linear_key_heads`
    LinearKeyHeads,
    /// `linear_key_dim`
    LinearKeyDim,
    /// `linear_value_heads`
    LinearValueHeads,
    /// `linear_value_dim`
    LinearValueDim,
    /// `linear_conv`
    LinearConv,
    /// `linear_state_bits`
    LinearStateBits,
    /// `attn_gate`
    AttnGate,
    /// `index_heads`
    IndexHeads,
    /// `index_head_dim`
    IndexHeadDim,
    /// `index_topk`
    IndexTopk,
    /// `moe_every`
    MoeEvery,
    /// `mtp_layers`
    MtpLayers,
    /// `format`
    Format,
    /// `expert_format`
    ExpertFormat,
    /// `v_head_dim`
    VHeadDim,
    // Fields with no row of their own (SPECIAL_FIELDS)
    /// `v`
    V,
    /// `model`
    Model,
    /// `params`
    Params,
    /// `active_params`
    ActiveParams,
    /// `calib`
    Calib,
}

/// The names of the fields with no row, in the order of their variants.
const ROWLESS: [&str; 5] = ["v", "model", "params", "active_params", "calib"];

impl FieldId {
    /// Every field, in order (`ALL[i] as usize == i`).
    pub const ALL: [FieldId; 111] = [
        FieldId::Seq,
        FieldId::Epochs,
        FieldId::Finetune,
        FieldId::LoraRank,
        FieldId::Gpu,
        FieldId::VsGpu,
        FieldId::PeakTflops,
        FieldId::HbmGb,
        FieldId::BandwidthGbs,
        FieldId::Gpus,
        FieldId::Mfu,
        FieldId::Hfu,
        FieldId::Precision,
        FieldId::DeadlineDays,
        FieldId::Solve,
        FieldId::Budget,
        FieldId::Recompute,
        FieldId::Zero,
        FieldId::Tp,
        FieldId::Pp,
        FieldId::Sp,
        FieldId::EpDispatch,
        FieldId::TpOverlap,
        FieldId::EpOverlap,
        FieldId::EpFp8,
        FieldId::AttnKernel,
        FieldId::CalibMfu,
        FieldId::CalibStepS,
        FieldId::CalibTokensPerGpuS,
        FieldId::Ep,
        FieldId::Etp,
        FieldId::Cp,
        FieldId::Vpp,
        FieldId::PpSchedule,
        FieldId::Layout,
        FieldId::MicroBatch,
        FieldId::GlobalBatch,
        FieldId::Optimizer,
        FieldId::PricePerGpuHour,
        FieldId::PriceTier,
        FieldId::PriceReserved1y,
        FieldId::PriceReserved3y,
        FieldId::PriceSpot,
        FieldId::CheckpointHours,
        FieldId::SpotInterruptions,
        FieldId::RestartMinutes,
        FieldId::GpuPrice,
        FieldId::Currency,
        FieldId::CnyPerUsd,
        FieldId::PowerW,
        FieldId::Pue,
        FieldId::GridKgPerKwh,
        FieldId::ElectricityPerKwh,
        FieldId::NetGbps,
        FieldId::WeightFormat,
        FieldId::WeightBits,
        FieldId::KvBits,
        FieldId::Batch,
        FieldId::PromptTokens,
        FieldId::OutputTokens,
        FieldId::Users,
        FieldId::UsersMode,
        FieldId::RequestsPerUserPerHour,
        FieldId::RequestsPerS,
        FieldId::LatencyS,
        FieldId::ContextTokens,
        FieldId::ConcurrentSequences,
        FieldId::Tokens,
        FieldId::DatasetTb,
        FieldId::BytesPerToken,
        FieldId::Layers,
        FieldId::Hidden,
        FieldId::Heads,
        FieldId::KvHeads,
        FieldId::HeadDim,
        FieldId::Ffn,
        FieldId::Glu,
        FieldId::Vocab,
        FieldId::Tied,
        FieldId::Bias,
        FieldId::Experts,
        FieldId::TopK,
        FieldId::SharedExperts,
        FieldId::ExpertFfn,
        FieldId::DenseLayers,
        FieldId::KvLatent,
        FieldId::QLatent,
        FieldId::RopeDim,
        FieldId::LocalAttn,
        FieldId::GlobalEvery,
        FieldId::Window,
        FieldId::LinearKeyHeads,
        FieldId::LinearKeyDim,
        FieldId::LinearValueHeads,
        FieldId::LinearValueDim,
        FieldId::LinearConv,
        FieldId::LinearStateBits,
        FieldId::AttnGate,
        FieldId::IndexHeads,
        FieldId::IndexHeadDim,
        FieldId::IndexTopk,
        FieldId::MoeEvery,
        FieldId::MtpLayers,
        FieldId::Format,
        FieldId::ExpertFormat,
        FieldId::VHeadDim,
        FieldId::V,
        FieldId::Model,
        FieldId::Params,
        FieldId::ActiveParams,
        FieldId::Calib,
    ];

    /// The field's row of the scenario's table ([`FIELDS`] or [`DATA_FIELDS`]), if it has one.
    pub fn scenario_field(self) -> Option<&'static Field<Scenario>> {
        let i = self as usize;
        FIELDS
            .get(i)
            .or_else(|| DATA_FIELDS.get(i.checked_sub(FIELDS.len())?))
    }

    /// The field's row of [`ARCH_FIELDS`], if it has one.
    pub fn arch_field(self) -> Option<&'static Field<Architecture>> {
        let i = (self as usize).checked_sub(FIELDS.len() + DATA_FIELDS.len())?;
        ARCH_FIELDS.get(i)
    }

    /// Its name in the query string (and the page's `data-field`).
    pub fn name(self) -> &'static str {
        if let Some(f) = self.scenario_field() {
            return f.name;
        }
        if let Some(f) = self.arch_field() {
            return f.name;
        }
        ROWLESS[self as usize - (FIELDS.len() + DATA_FIELDS.len() + ARCH_FIELDS.len())]
    }

    /// The field a name in a link stands for.
    pub fn from_name(name: &str) -> Option<FieldId> {
        FieldId::ALL.into_iter().find(|id| id.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::estimate::query::SPECIAL_FIELDS;

    /// Each row sits at its id's place, so an id reads its own row.
    #[test]
    fn every_row_sits_at_its_ids_place() {
        for (i, id) in FieldId::ALL.into_iter().enumerate() {
            assert_eq!(id as usize, i, "{id:?}");
        }
        for (i, f) in FIELDS.iter().chain(DATA_FIELDS).enumerate() {
            assert_eq!(f.id as usize, i, "{}", f.name);
        }
        let before = FIELDS.len() + DATA_FIELDS.len();
        for (i, f) in ARCH_FIELDS.iter().enumerate() {
            assert_eq!(f.id as usize, before + i, "{}", f.name);
        }
        assert_eq!(
            FieldId::ALL.len(),
            before + ARCH_FIELDS.len() + ROWLESS.len(),
            "one id per field"
        );
    }

    /// Each variant spells its field's name in CamelCase (they were generated so), and each name
    /// reads back as its id.
    #[test]
    fn every_id_spells_its_name() {
        for id in FieldId::ALL {
            let camel: String = id
                .name()
                .split('_')
                .map(|p| p[..1].to_uppercase() + &p[1..])
                .collect();
            assert_eq!(format!("{id:?}"), camel);
            assert_eq!(FieldId::from_name(id.name()), Some(id));
        }
        assert_eq!(FieldId::from_name("nope"), None);
        for (name, _, _) in SPECIAL_FIELDS {
            assert!(FieldId::from_name(name).is_some(), "{name}");
        }
        assert_eq!(FieldId::Mfu.name(), "mfu");
        assert_eq!(FieldId::Calib.name(), "calib");
        assert_eq!(
            FieldId::ExpertFormat.arch_field().map(|f| f.name),
            Some("expert_format")
        );
        assert_eq!(
            FieldId::BytesPerToken.scenario_field().map(|f| f.name),
            Some("bytes_per_token")
        );
    }
}
