//! Training compute, time and device count (docs/model.md §2 and §3).

use super::calc::Quantity;
use super::resolve::Resolved;
use super::scenario::{Finetune, Recompute};
use serde::Serialize;

/// One PF-day in FLOPs: 1e15 FLOP/s for 86,400 s (Brown et al. 2020, Table D.1).
pub const PF_DAY: f64 = 1e15 * 86_400.0;
/// Seconds per day.
pub const DAY_S: f64 = 86_400.0;

/// Compute, time and devices of a training run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Training {
    /// Tokens over all epochs.
    pub tokens: f64,
    /// Model FLOPs: 6·N_act·D (LoRA: 4·N_act·D + 6·N_adapter·D). The MFU basis.
    pub training_flops: f64,
    /// Attention score FLOPs `6·L·s·a·(d_qk + d_v)` per token, reported separately.
    pub attention_flops: f64,
    /// FLOPs the hardware executes, with recomputation and attention.
    pub hardware_flops: f64,
    /// Model FLOPs in PF-days.
    pub pf_days: f64,
    /// Wall-clock training time, s.
    pub training_seconds: f64,
    /// Device-hours.
    pub gpu_hours: f64,
    /// Device-days: device-hours / 24.
    pub gpu_days: f64,
    /// The MFU the time figures use: given, implied by a given HFU, or predicted (`mfu=auto`).
    pub mfu: f64,
    /// Hardware FLOPs utilisation implied by the MFU (PaLM App. B).
    pub hfu: f64,
    /// Devices the deadline needs before rounding.
    pub gpus_for_deadline_raw: f64,
    /// Devices the deadline needs, rounded up to whole replicas (and nodes of 8), never below the
    /// memory minimum; `None` when no count meets it (with a predicted MFU, adding replicas can
    /// stop paying before the deadline is met).
    pub gpus_for_deadline: Option<u64>,
    /// Chinchilla-optimal parameters for this compute budget: sqrt(C/120).
    pub chinchilla_params: f64,
    /// Chinchilla-optimal tokens for this budget: 20·N_opt.
    pub chinchilla_tokens: f64,
}

/// Model FLOPs per training token: 6·N_act (forward 2, backward 4; Kaplan et al. 2020 Table 1)
/// plus 6 × the multi-token-prediction modules' active parameters where the model trains them
/// (DeepSeek-V3 sec. 2.2), or 4·N_act + 6·N_adapter for LoRA, which skips the frozen weights'
/// gradient half (and the MTP modules, which fine-tuning does not train).
pub fn model_flops_per_token(r: &Resolved) -> f64 {
    model_flops_per_token_as(r)
}

/// [`model_flops_per_token`] over a Quantity, for the figure and its derivation row. Without MTP
/// modules the sum is left out (6·N_act, as the row prints it; N_act + 0 is N_act exactly).
#[inline]
pub fn model_flops_per_token_as<Q: Quantity>(r: &Resolved) -> Q {
    let n = Q::of;
    match r.s.finetune {
        Finetune::Lora | Finetune::Qlora => Q::sum([
            Q::product([n(4.0), n(r.params_active)]),
            Q::product([n(6.0), n(r.adapter_params)]),
        ]),
        Finetune::None | Finetune::Full if r.breakdown.mtp_active > 0.0 => Q::product([
            n(6.0),
            Q::sum([n(r.params_active), n(r.breakdown.mtp_active)]),
        ]),
        Finetune::None | Finetune::Full => Q::product([n(6.0), n(r.params_active)]),
    }
}

/// Model FLOPs of the run: per token × tokens over all epochs (Hoffmann et al. 2022 App. F).
#[inline]
pub fn training_flops_as<Q: Quantity>(per_token: Q, tokens: f64) -> Q {
    Q::product([per_token, Q::of(tokens)])
}

/// Attention-score FLOPs per training token: the forward's over the layer schedule at the
/// sequence length (`Architecture::score_flops_per_token`: `2·s·a·(d_qk + d_v)` per global
/// layer, as Narayanan et al. 2021 eq. 3 counts them; windows, chunks and sparse top-k cap s;
/// linear layers are fixed), times 3 for forward and backward.
pub fn attention_flops_per_token(r: &Resolved) -> f64 {
    attention_flops_per_token_as(r)
}

/// Whether every layer attends to the whole sequence, densely: then the attention FLOPs have
/// Narayanan et al.'s closed form `6·L·s·a·(d_qk + d_v)` per token.
pub fn attention_closed_form(r: &Resolved) -> bool {
    r.arch.global_layers() == r.arch.layers && !r.arch.is_sparse()
}

/// [`attention_flops_per_token`] over a Quantity, for the figure and its derivation row. Where
/// every layer is global and dense it is the closed form `6·L·s·a·(d_qk + d_v)` (Narayanan et
/// al. 2021 eq. 3), the same count as 3 × the layer schedule's (whole numbers, multiplied
/// exactly); otherwise 3 × the schedule's forward.
#[inline]
pub fn attention_flops_per_token_as<Q: Quantity>(r: &Resolved) -> Q {
    let a = &r.arch;
    let n = Q::of;
    let seq = f64::from(r.s.seq);
    if attention_closed_form(r) {
        let d_qk = a.head_dim + if a.is_mla() { a.rope_dim } else { 0 };
        Q::product([
            n(6.0),
            n(f64::from(a.layers)),
            n(seq),
            n(f64::from(a.heads)),
            Q::sum([n(f64::from(d_qk)), n(f64::from(a.v_dim()))]),
        ])
    } else {
        Q::product([n(3.0), n(a.score_flops_per_token(seq))])
    }
}

/// Attention-score FLOPs of the run: per token × tokens over all epochs.
#[inline]
pub fn attention_flops_as<Q: Quantity>(per_token: Q, tokens: f64) -> Q {
    Q::product([per_token, Q::of(tokens)])
}

/// FLOPs per token that recomputation adds: full recomputation repeats the transformer layers'
/// forward (`2·N_act` without the embeddings, which are not recomputed) and the attention scores'
/// (Narayanan et al. 2021 eq. 3: 96 = 4/3 of 72 on the layers, the logits' 6·h·V unchanged);
/// selective recomputation repeats only the attention scores' forward (Korthikanti et al. 2022).
pub fn recompute_flops_per_token(r: &Resolved, recompute: Recompute) -> f64 {
    let scores_forward = attention_flops_per_token(r) / 3.0;
    match recompute {
        Recompute::None => 0.0,
        Recompute::Selective => scores_forward,
        Recompute::Full => {
            let embedding = if r.breakdown.total > 0.0 {
                r.breakdown.embedding * r.params_total / r.breakdown.total
            } else {
                0.0
            };
            2.0 * (r.params_active - embedding).max(0.0) + scores_forward
        }
    }
}

/// The MFU that a utilisation stated on hardware FLOPs (HFU) implies: HFU × model FLOPs /
/// hardware FLOPs per token, with recomputation and attention in the hardware's count (PaLM
/// App. B). GPT-3 at 45 % on 8·N·D (full recomputation) is 34 % MFU on 6·N·D.
pub fn mfu_from_hfu(r: &Resolved, hfu: f64) -> f64 {
    mfu_from_hfu_as(hfu, model_flops_per_token(r), hardware_flops_per_token(r))
}

/// FLOPs per token the hardware executes: the model's, the attention scores' and what
/// recomputation repeats at the layout's setting.
pub fn hardware_flops_per_token(r: &Resolved) -> f64 {
    model_flops_per_token(r)
        + attention_flops_per_token(r)
        + recompute_flops_per_token(r, r.layout.recompute)
}

/// MFU = HFU · model FLOPs / hardware FLOPs per token (PaLM App. B), written once for the
/// figure and its derivation row.
#[inline]
pub fn mfu_from_hfu_as<Q: Quantity>(hfu: f64, model_per_token: f64, hardware_per_token: f64) -> Q {
    Q::quotient(
        Q::product([Q::of(hfu), Q::of(model_per_token)]),
        Q::of(hardware_per_token),
    )
}

/// Seconds to train on `gpus` devices: C_model / (n · peak · MFU) (docs/model.md §3).
pub fn training_seconds(r: &Resolved, training_flops: f64, gpus: u32) -> f64 {
    seconds_as(training_flops, f64::from(gpus.max(1)), r.peak_flops, r.mfu)
}

// The time formulas, each written once over a Quantity: the report computes them on numbers and
// its derivation rows print them with the user's numbers.

/// T = C / (n · F_peak · MFU) (Narayanan et al. 2021 eq. 4; PaLM App. B).
#[inline]
pub fn seconds_as<Q: Quantity>(flops: Q, gpus: f64, peak_flops: f64, mfu: f64) -> Q {
    Q::quotient(
        flops,
        Q::product([Q::of(gpus), Q::of(peak_flops), Q::of(mfu)]),
    )
}

/// Device-hours: T · n / 3600.
#[inline]
pub fn gpu_hours_as<Q: Quantity>(seconds: Q, gpus: f64) -> Q {
    Q::quotient(Q::product([seconds, Q::of(gpus)]), Q::of(3600.0))
}

/// PF-days: C / (10^15 · 86400) (Brown et al. 2020 Table D.1).
#[inline]
pub fn pf_days_as<Q: Quantity>(flops: Q) -> Q {
    Q::quotient(flops, Q::of(PF_DAY))
}

/// The devices a deadline needs before rounding: C / (F_peak · MFU · T_deadline · 86400).
#[inline]
pub fn deadline_gpus_as<Q: Quantity>(flops: Q, peak_flops: f64, mfu: f64, days: f64) -> Q {
    Q::quotient(
        flops,
        Q::product([Q::of(peak_flops), Q::of(mfu), Q::of(days), Q::of(DAY_S)]),
    )
}

/// Chinchilla's compute-optimal model size for a compute budget: N_opt = sqrt(C / 120), from
/// C = 6·N·D and D = 20·N (Hoffmann et al. 2022, Table 3).
#[inline]
pub fn chinchilla_params_as<Q: Quantity>(flops: Q) -> Q {
    Q::square_root(Q::quotient(flops, Q::of(120.0)))
}

/// Rounds a device count up to whole replicas of `tp·pp`, and to whole 8-device nodes past one
/// node.
pub fn round_to_replicas(n: f64, model_parallel: u32) -> u64 {
    let mp = u64::from(model_parallel.max(1));
    let n = n.ceil().max(1.0) as u64;
    let unit = if n > 8 { lcm(mp, 8) } else { mp };
    n.div_ceil(unit).saturating_mul(unit)
}

fn lcm(a: u64, b: u64) -> u64 {
    fn gcd(a: u64, b: u64) -> u64 {
        if b == 0 { a } else { gcd(b, a % b) }
    }
    a / gcd(a, b) * b
}

/// Computes the training figures; `min_gpus_to_fit` comes from the memory model.
pub fn training(r: &Resolved, min_gpus_to_fit: Option<u64>) -> Training {
    let tokens = r.tokens;
    let training_flops = training_flops_as(model_flops_per_token(r), tokens);
    let attention_flops = attention_flops_as(attention_flops_per_token(r), tokens);
    let hardware_flops = training_flops
        + attention_flops
        + recompute_flops_per_token(r, r.layout.recompute) * tokens;
    let seconds = training_seconds(r, training_flops, r.s.gpus);
    let raw = deadline_gpus_as(training_flops, r.peak_flops, r.mfu, r.s.deadline_days);
    let floor = min_gpus_to_fit.unwrap_or(0) as f64;
    let chinchilla_params = chinchilla_params_as(training_flops);
    Training {
        tokens,
        training_flops,
        attention_flops,
        hardware_flops,
        pf_days: pf_days_as(training_flops),
        training_seconds: seconds,
        gpu_hours: gpu_hours_as(seconds, f64::from(r.s.gpus)),
        gpu_days: seconds * f64::from(r.s.gpus) / DAY_S,
        mfu: r.mfu,
        hfu: r.mfu * hardware_flops / training_flops,
        gpus_for_deadline_raw: raw,
        gpus_for_deadline: Some(round_to_replicas(raw.max(floor), r.model_parallel())),
        chinchilla_params,
        chinchilla_tokens: 20.0 * chinchilla_params,
    }
}
