//! Training memory per device: model states under ZeRO, TP and PP, and activations
//! (docs/model.md §4).

use super::calc::{Calc, Quantity};
use super::layout::{Layout, stage_layers};
use super::precision::{Precision, bytes_per_element};
use super::resolve::Resolved;
use super::scenario::{AttnKernel, Finetune, Optimizer, Recompute, Schedule};
use serde::Serialize;

/// Memory per device for one training configuration, bytes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Memory {
    /// Weights held by this device.
    pub weights_bytes: f64,
    /// Gradients held by this device.
    pub gradients_bytes: f64,
    /// Optimizer states (with fp32 master weights) held by this device.
    pub optimizer_bytes: f64,
    /// Activations at the peak (first pipeline stage, or the last with the output layer).
    pub activations_bytes: f64,
    /// Weights + gradients + optimizer states.
    pub model_states_bytes: f64,
    /// Everything.
    pub total_bytes: f64,
    /// Activations of one layer for one micro-batch.
    pub activations_per_layer_bytes: f64,
    /// Device memory.
    pub hbm_bytes: f64,
    /// Whether `total_bytes` fits in `hbm_bytes`.
    pub fits: bool,
    /// The data-parallel size used (ZeRO shards over it).
    pub data_parallel: u32,
    /// Devices of one model replica: tensor × pipeline parallel.
    pub model_parallel: u32,
    /// ZeRO stage.
    pub zero: u8,
}

/// Bytes per parameter of weights, gradients and optimizer states (incl. fp32 master weights).
///
/// Mixed-precision AdamW: 2 + 2 + 12 = 16 (ZeRO sec. 3.1, K = 12); the seeds' 20 keeps fp32
/// gradients too (2 + 6 + 12). Pure fp32 training has no master copy: 4 + 4 + 8.
pub fn state_bytes_per_param(optimizer: Optimizer, mixed: bool) -> [f64; 3] {
    let w = if mixed { 2.0 } else { 4.0 };
    let master = if mixed { 4.0 } else { 0.0 };
    match optimizer {
        Optimizer::AdamW => [w, w, master + 8.0],
        Optimizer::AdamWFp32Grads => [w, if mixed { w + 4.0 } else { w }, master + 8.0],
        Optimizer::Sgd => [w, w, master + 4.0],
        Optimizer::Adam8bit => [w, w, master + 2.0],
    }
}

/// Activation bytes of one transformer layer for one micro-batch (Korthikanti et al. 2022).
///
/// The paper's `s·b·h·(34 + 5·a·s/h)` splits into 10·sbh that tensor parallelism replicates (norms,
/// block inputs, dropout masks; sequence parallelism shards it), Q/K/V and the output-projection
/// input (8·sbh for MHA; smaller K/V with GQA), the MLP's 16·sbh (two f-wide tensors for FFN 4h;
/// three for a gated FFN: Megatron-Core's fused `SwiGLUFunction` saves only its 2f-wide input,
/// and the down projection its f-wide input), and the 5·a·s²·b of attention scores, which selective recomputation or
/// FlashAttention removes. Full recomputation keeps only the 2·sbh layer input.
///
/// Context parallelism splits the sequence: each of its ranks holds `s / cp` tokens' worth.
pub fn activations_per_layer(r: &Resolved, ffn: f64, recompute: Recompute) -> f64 {
    let a = &r.arch;
    let l = &r.layout;
    let (s, b, h) = (
        f64::from(r.s.seq) / f64::from(l.cp),
        f64::from(l.micro_batch),
        f64::from(a.hidden),
    );
    let t = f64::from(l.tp);
    let sp = if l.sp { t } else { 1.0 };
    let sbh = s * b * h;
    let q = a.q_width();
    // MLA decompresses K and V per head before attention, so they are stored at full width.
    let kv = if a.is_mla() {
        q + f64::from(a.heads) * f64::from(a.v_dim())
    } else {
        2.0 * f64::from(a.kv_heads) * f64::from(a.head_dim)
    };
    // Bytes of a linear layer's input kept for its weight gradient: FP8 training keeps the FP8
    // copy the GEMM already cast (Transformer Engine; DeepSeek-V3 sec. 3.3.3), 16 bits otherwise.
    let linear_in = if r.precision == Precision::Fp8 {
        1.0
    } else {
        2.0
    };
    // Of the 10·sbh: the two norms' inputs (4), two dropout masks (2), and the inputs of the QKV
    // and first FFN projections (2 × 2 bytes).
    let replicated = (6.0 + 2.0 * linear_in) * sbh / sp;
    // Over the layer schedule: global and local softmax layers keep Q, K, V and the
    // output-projection input (and the gate where there is one); a Gated DeltaNet-style linear
    // layer keeps its projections (2K + 2V), the convolved q, k, v (2K + V), the recurrence's
    // output and its gated norm (2V): 4K + 5V.
    let layers = f64::from(a.layers.max(1));
    let global = f64::from(a.global_layers()) / layers;
    let local = 1.0 - global;
    let gate = if a.attn_gate { q } else { 0.0 };
    // The output projection's input is a linear layer's.
    let softmax = (2.0 * (q + kv + gate) + linear_in * q) * s * b / t;
    let key = f64::from(a.linear_key_heads) * f64::from(a.linear_key_dim);
    let value = f64::from(a.linear_value_heads) * f64::from(a.linear_value_dim);
    let local_attention = if a.local.is_linear() {
        2.0 * s * b * (4.0 * key + 5.0 * value) / t
    } else {
        softmax
    };
    let attention = global * softmax + local * local_attention;
    // The activation's input (2f wide gated, f otherwise) at 16 bits, the down projection's input
    // as a linear layer's.
    let mlp = (if a.glu { 4.0 } else { 2.0 } + linear_in) * s * b * ffn / t;
    // Each context-parallel rank scores its s/cp queries against the keys it attends to: all s
    // (or the sparse top-k) in a global layer, at most the window in a local one, none in a
    // linear one.
    let seq = f64::from(r.s.seq);
    let global_keys = if a.is_sparse() {
        seq.min(f64::from(a.index_topk))
    } else {
        seq
    };
    let local_keys = if a.local.is_linear() {
        0.0
    } else {
        seq.min(f64::from(a.window))
    };
    let keys = global * global_keys + local * local_keys;
    let scores = 5.0 * f64::from(a.heads) * s * keys * b / t;
    // FlashAttention stores no scores, only each query's softmax statistic (one fp32 log-sum-exp
    // per head; Dao 2023, Algorithm 1), so without recomputation it keeps what selective
    // recomputation keeps.
    let stats = 4.0 * global * f64::from(a.heads) * s * b / t;
    match (recompute, r.s.attn_kernel) {
        (Recompute::None, AttnKernel::Unfused) => replicated + attention + mlp + scores,
        (Recompute::None, AttnKernel::Flash) => replicated + attention + mlp + stats,
        (Recompute::Selective, _) => replicated + attention + mlp,
        (Recompute::Full, _) => 2.0 * sbh / sp,
    }
}

/// The activations at the busiest pipeline stage, written once over any [`Quantity`]: the first
/// stage's micro-batches in flight × its layers × the bytes per layer, or the last stage's layers
/// plus the output layer, whichever is larger. As plain numbers for the memory model, as a
/// printed expression for its derivation row.
#[inline]
fn activations_as<Q: Quantity>(p: &ActivationParts) -> Q {
    let n = Q::of;
    let first = Q::sum([
        Q::product([n(p.in_flight), n(p.first_layers), n(p.per_layer)]),
        n(p.working),
    ]);
    let last = Q::sum([
        Q::product([n(p.last_layers), n(p.per_layer)]),
        n(p.working),
        n(p.output),
    ]);
    Q::taken(first, last)
}

/// Memory per device: weights + gradients + optimizer states + activations (Rajbhandari et al.
/// 2020 sec. 3.1), written once for the report and its derivation row.
#[inline]
pub fn per_device_as<Q: Quantity>(weights: Q, gradients: Q, optimizer: Q, activations: Q) -> Q {
    Q::sum([weights, gradients, optimizer, activations])
}

/// The activation peak as its derivation row prints it.
pub fn activations_calc(r: &Resolved, data_parallel: u32) -> Calc {
    activations_as(&activation_parts(r, data_parallel))
}

/// The operands of the activation peak.
struct ActivationParts {
    per_layer: f64,
    in_flight: f64,
    first_layers: f64,
    last_layers: f64,
    working: f64,
    output: f64,
}

/// Activations at the busiest pipeline stage for `data_parallel` replicas, and per layer.
fn activations_peak(r: &Resolved, data_parallel: u32) -> (f64, f64) {
    let p = activation_parts(r, data_parallel);
    (activations_as(&p), p.per_layer)
}

fn activation_parts(r: &Resolved, data_parallel: u32) -> ActivationParts {
    let a = &r.arch;
    let layers = f64::from(a.layers);
    let moe = f64::from(a.moe_layers());
    let moe_ffn = f64::from(a.top_k + a.shared_experts) * f64::from(a.expert_ffn);
    let per_layer_avg = |rc| {
        ((layers - moe) * activations_per_layer(r, f64::from(a.ffn), rc)
            + moe * activations_per_layer(r, moe_ffn, rc))
            / layers
    };
    let l = &r.layout;
    let per_layer = per_layer_avg(l.recompute);
    let p = f64::from(l.pp);
    let v = f64::from(l.vpp);
    let micro_batches = Layout {
        dp: data_parallel.max(1),
        ..r.layout
    }
    .micro_batches(r.s.global_batch);
    // 1F1B: the first stage holds min(p, m) micro-batches of its layers; interleaving over v
    // virtual stages holds (1 + (p - 1)/(p·v)) times as much (Korthikanti sec. 4.2.3).
    let interleave = if l.vpp > 1 {
        1.0 + (p - 1.0) / (p * v)
    } else {
        1.0
    };
    // DualPipe holds one micro-batch more than 1F1B; zero bubble as many (DeepSeek-V3 Table 2).
    let extra = if l.schedule == Schedule::DualPipe {
        1.0
    } else {
        0.0
    };
    let in_flight = p.min(micro_batches) * interleave + extra;
    let [first_layers, _, last_layers] = stage_layers(a.layers, l.pp);
    // Full recomputation rebuilds one layer's activations at a time during the backward pass.
    let working = if l.recompute == Recompute::Full {
        per_layer_avg(Recompute::Selective)
    } else {
        0.0
    };
    // Output layer and loss: 4·s·b·h·(1 + V/h)/t at the last stage (docs/model.md §4).
    let (s, b, h) = (
        f64::from(r.s.seq) / f64::from(l.cp),
        f64::from(l.micro_batch),
        f64::from(a.hidden),
    );
    let output = 4.0 * s * b * h * (1.0 + f64::from(a.vocab) / h) / f64::from(l.tp);
    ActivationParts {
        per_layer,
        in_flight,
        first_layers: f64::from(first_layers),
        last_layers: f64::from(last_layers),
        working,
        output,
    }
}

/// Memory per device at a ZeRO stage and data-parallel size.
///
/// Tensor and pipeline parallelism shard every model state before ZeRO applies; routed experts
/// are sharded over `pp · etp · ep` instead. ZeRO shards over the data-parallel ranks (times `cp`,
/// which hold the same weights), and the experts' states over the `edp = tp·cp·dp / (etp·ep)`
/// ranks holding each expert shard.
pub fn memory_at(r: &Resolved, zero: u8, data_parallel: u32) -> Memory {
    let l = &r.layout;
    let ranks = f64::from(data_parallel.max(1)) * f64::from(l.cp);
    let mp = f64::from(l.tp * l.pp);
    // MoE folding: the experts' group of etp · ep takes its ranks from the stage's tp · cp · dp,
    // and edp copies of it share the experts' states under ZeRO (Liu et al. 2025 sec. 3).
    let stage = ranks * f64::from(l.tp);
    let etp = f64::from(l.etp.max(1)).min(stage);
    let ep = f64::from(l.ep).min(stage / etp);
    let edp = stage / (etp * ep);
    // The routed experts' share of the parameters.
    let expert_share = if r.breakdown.total > 0.0 {
        r.breakdown.routed_experts / r.breakdown.total
    } else {
        0.0
    };
    let [w_b, g_b, o_b] = state_bytes_per_param(r.s.optimizer, r.precision.is_mixed());
    // Pretraining and full fine-tuning train the multi-token-prediction modules too.
    let trained = r.params_total + r.breakdown.mtp;
    let (weights, grads, opt) = match r.s.finetune {
        Finetune::None | Finetune::Full => (w_b * trained, g_b * trained, o_b * trained),
        // Frozen base weights (16-bit, or 4-bit with group scales for QLoRA) and trained adapters.
        Finetune::Lora | Finetune::Qlora => {
            let frozen = if r.s.finetune == Finetune::Qlora {
                bytes_per_element(4)
            } else {
                2.0
            };
            (
                frozen * r.params_total + w_b * r.adapter_params,
                g_b * r.adapter_params,
                o_b * r.adapter_params,
            )
        }
    };
    // DualPipe: each device holds two stages, each stage's parameters on two devices whose
    // ranks join its ZeRO group, so a sharded state stays the same size and an unsharded one
    // doubles (DeepSeek-V3 Table 2: parameters 2×).
    let copies = l.schedule.parameter_copies();
    let shard = |bytes: f64, stage: u8| {
        let zeroed = zero >= stage;
        let bytes = if zeroed { bytes } else { bytes * copies };
        let dense = bytes * (1.0 - expert_share) / mp / if zeroed { ranks } else { 1.0 };
        let experts =
            bytes * expert_share / (f64::from(l.pp) * etp * ep) / if zeroed { edp } else { 1.0 };
        dense + experts
    };
    let weights_bytes = shard(weights, 3);
    let gradients_bytes = shard(grads, 2);
    let optimizer_bytes = shard(opt, 1);
    let (activations_bytes, activations_per_layer_bytes) = activations_peak(r, data_parallel);
    let model_states_bytes = weights_bytes + gradients_bytes + optimizer_bytes;
    let total_bytes = per_device_as(
        weights_bytes,
        gradients_bytes,
        optimizer_bytes,
        activations_bytes,
    );
    let hbm_bytes = r.hbm_bytes();
    Memory {
        weights_bytes,
        gradients_bytes,
        optimizer_bytes,
        activations_bytes,
        model_states_bytes,
        total_bytes,
        activations_per_layer_bytes,
        hbm_bytes,
        fits: total_bytes <= hbm_bytes,
        data_parallel,
        model_parallel: r.model_parallel(),
        zero,
    }
}

/// Lower bound on devices for one replica: all model states spread perfectly over devices, no
/// activations (the seeds' "20 bytes x N / 80 GB" argument, generalised to any optimizer).
pub fn min_gpus_for_replica(r: &Resolved) -> u64 {
    let devices: f64 = replica_devices_as(replica_model_states_bytes(r), r.hbm_bytes());
    devices.ceil().max(1.0) as u64
}

/// The devices one replica's model states fill, before rounding up: states / HBM (Rajbhandari
/// et al. 2020 sec. 3.1), written once for the figure and its derivation row.
#[inline]
pub fn replica_devices_as<Q: Quantity>(model_states_bytes: Q, hbm_bytes: f64) -> Q {
    Q::quotient(model_states_bytes, Q::of(hbm_bytes))
}

/// Weights, gradients and optimizer states of one whole model copy, bytes.
pub fn replica_model_states_bytes(r: &Resolved) -> f64 {
    let mut single = r.clone();
    single.layout.ep = 1;
    single.layout.cp = 1;
    single.layout.etp = single.layout.tp;
    memory_at(&single, 0, 1).model_states_bytes * f64::from(r.layout.tp * r.layout.pp)
}

/// The fewest devices (whole replicas of `tp·pp`) at which this configuration fits, or `None`
/// if no data-parallel size makes it fit. Memory never grows with the data-parallel size, so a
/// doubling search then bisection finds it in a few dozen evaluations.
pub fn min_gpus_to_fit(r: &Resolved, zero: u8) -> Option<u64> {
    const MAX_DP: u32 = 1 << 24;
    let fits = |nd: u32| memory_at(r, zero, nd).fits;
    if !fits(MAX_DP) {
        return None;
    }
    let mut hi = 1;
    while !fits(hi) {
        hi *= 2;
    }
    let mut lo = hi / 2;
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if fits(mid) { hi = mid } else { lo = mid }
    }
    Some(u64::from(hi) * u64::from(r.model_parallel()))
}
