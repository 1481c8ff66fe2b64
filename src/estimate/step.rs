//! The step-time model: one optimizer step at a given layout, built up from compute, the
//! collectives of each kind of parallelism and the pipeline schedule (docs/model.md §6).
//!
//! Each part of the result is the time it is exposed, not overlapped with something else, so the
//! parts add up to the step. The predicted MFU is the model FLOPs of the step over that time.

use super::architecture::Architecture;
use super::calc::{Calc, Quantity};
use super::comms::ring_allreduce_bytes;
use super::layout::stage_layers;
use super::memory::state_bytes_per_param;
use super::metric_id::MetricId;
use super::precision::Precision;
use super::resolve::Resolved;
use super::scenario::{AttnKernel, EpDispatch, Finetune, Recompute, Schedule};
use super::training;
use serde::Serialize;

/// Collectives reach this fraction of the link's one-way bandwidth (NCCL bus bandwidth on
/// NVLink and InfiniBand; an assumption, docs/model.md §6).
pub const LINK_EFFICIENCY: f64 = 0.8;

/// The share of its FP8 peak an FP8 GEMM with DeepSeek-V3's fine-grained scaling reaches:
/// DeepGEMM's "up to 1350+ FP8 TFLOP/s on Hopper GPUs" over the H800's 1,978.9 (DeepSeek
/// open-infra-index, day 3, February 2025). It stands in for the chip's measured BF16 matmul
/// share in FP8 GEMMs, and carries their scaling cost: the 128-element promotion to CUDA
/// cores and the per-block scales (DeepSeek-V3 sec. 3.3.2).
pub const FP8_GEMM_EFFICIENCY: f64 = 1350.0 / 1978.9;

/// The share of the SMs computation gives up while an all-to-all runs beside it: DeepSeek-V3
/// dedicates 20 of the H800's 132 SMs to communication under DualPipe (sec. 3.2.2); assumed
/// the same share on other chips.
pub const COMM_SM_SHARE: f64 = 20.0 / 132.0;

/// Megatron's smallest data-parallel gradient bucket, parameters: the last bucket's reduction
/// cannot overlap the backward pass. Megatron-Core's default is `max(40000000, 1000000 ·
/// dp_size)` over the data- and context-parallel ranks, "larger DP sizes need larger buckets to
/// ensure collectives do not become latency-bound" (`DistributedDataParallelConfig.bucket_size`).
pub const GRAD_BUCKET_PARAMS: f64 = 40e6;

/// Parameters per data-parallel rank Megatron-Core adds to a gradient bucket beyond the smallest.
pub const GRAD_BUCKET_PARAMS_PER_RANK: f64 = 1e6;

/// The gradient bucket of Megatron-Core's default for `ranks` data-parallel ranks, parameters.
pub fn grad_bucket_params(ranks: u32) -> f64 {
    GRAD_BUCKET_PARAMS.max(GRAD_BUCKET_PARAMS_PER_RANK * f64::from(ranks))
}

/// Where one optimizer step's time goes, and the throughput it implies. The JSON keys are the
/// report's `step.*` keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct StepTime {
    /// One optimizer step, s: the sum of the exposed parts below.
    pub time_s: f64,
    /// Compute of the busiest pipeline stage over the step's micro-batches, s.
    pub compute_s: f64,
    /// Tensor-parallel all-reduces (or reduce-scatter/all-gather with SP), s.
    pub tp_comm_s: f64,
    /// Pipeline bubble `(p-1)/v` stage times, and the point-to-point sends of activations, s.
    pub pp_bubble_s: f64,
    /// Data-parallel gradient reduction not hidden by the backward pass, and ZeRO-3 gathers, s.
    pub dp_comm_s: f64,
    /// Expert-parallel all-to-all (MoE dispatch and combine), s.
    pub ep_comm_s: f64,
    /// Of `tp_comm_s`, the MoE layers' expert tensor-parallel collectives over `etp`, s.
    pub etp_comm_s: f64,
    /// Of `dp_comm_s`, the experts' gradient reduction over their expert-data-parallel ranks, s.
    pub edp_comm_s: f64,
    /// Context-parallel ring-attention sends not hidden by attention compute, s.
    pub cp_comm_s: f64,
    /// The optimizer update, memory-bound, s.
    pub optimizer_s: f64,
    /// Model FLOPs per device per second, TFLOP/s: `6·N_active` plus attention per token (the
    /// MFU numerator; PaLM App. B).
    pub model_tflops_per_gpu: f64,
    /// FLOPs the hardware executes per device per second, TFLOP/s, recomputation included
    /// (Narayanan et al. 2021 eq. 3).
    pub hardware_tflops_per_gpu: f64,
    /// Predicted MFU: `model_tflops_per_gpu` over the dense peak.
    pub mfu: f64,
    /// Training tokens per second over all devices.
    pub tokens_per_s: f64,
    /// The bubble as a share of the micro-batches' time, `(p-1)/(v·m)` under 1F1B (not a
    /// `step.*` key).
    #[serde(skip)]
    pub bubble_fraction: f64,
}

/// The operands of one layer's forward pass for one micro-batch on one device.
struct LayerPass {
    /// GEMM seconds.
    gemm_s: f64,
    /// Attention-score seconds.
    attention_s: f64,
    /// The layer's own tensor-parallel collective seconds: the attention's, and a dense FFN's.
    tp_s: f64,
    /// The experts' tensor-parallel collective seconds (MoE layers), run by the dispatcher.
    etp_s: f64,
    /// Expert all-to-all seconds.
    ep_s: f64,
    /// Context-parallel K/V ring seconds.
    cp_s: f64,
    /// The routed tokens' memory-bound passes (permutation, FP8 casts) of the forward pass, and
    /// of the backward pass, seconds.
    routed_forward_s: f64,
    routed_backward_s: f64,
}

/// A GEMM's efficiency from its smallest dimension.
fn gemm_efficiency(r: &Resolved, smallest: f64) -> f64 {
    let n = smallest.max(1.0);
    n / (n + r.efficiency.gemm_half_dim)
}

/// Bandwidth for a collective over `span` consecutive devices, bytes per second: the scale-up
/// link (one way) while the group stays inside a scale-up domain, the network beyond.
fn link_bytes_per_s(r: &Resolved, span: u32) -> f64 {
    let gbs = if span <= r.gpu.scale_up_domain {
        r.gpu.scale_up_gbs / 2.0
    } else {
        r.net_gbps / 8.0
    };
    gbs * 1e9 * LINK_EFFICIENCY
}

/// The FLOP rate 16-bit GEMMs of this size reach, FLOP/s (the output layer's, which stays in
/// BF16 in FP8 training).
fn gemm_rate(r: &Resolved, smallest: f64) -> f64 {
    r.peak_flops * r.gpu.matmul_efficiency * r.efficiency.kernel * gemm_efficiency(r, smallest)
}

/// The FLOP rate the linear layers' GEMMs of this size reach, FLOP/s: in FP8 training at the
/// FP8 peak and DeepGEMM's share of it, otherwise as [`gemm_rate`].
fn linear_rate(r: &Resolved, smallest: f64) -> f64 {
    if r.precision == Precision::Fp8 && r.linear_peak_flops > r.peak_flops {
        r.linear_peak_flops
            * FP8_GEMM_EFFICIENCY
            * r.efficiency.kernel
            * gemm_efficiency(r, smallest)
    } else {
        gemm_rate(r, smallest)
    }
}

/// Seconds of one expert dispatch and combine of `tokens` tokens: each token's hidden state to
/// its top-k experts over the `etp · ep` ranks of the expert group and back. Inside one
/// scale-up domain every copy crosses the fast links. Across domains, Megatron-Core's
/// `alltoall` dispatcher sends every (token, expert) copy, `(n - 1)/n` of them over the network
/// with `n` domains; DeepEP's hierarchical dispatch (DeepSeek-V3 sec. 3.2.2) sends a token over
/// the network once to each remote domain holding one of its experts, `(n - 1)·(1 - (1 -
/// 1/n)^k)` of them with the experts spread evenly, then fans it out over the fast links; the
/// two legs run at once, so the slower sets the time. With DeepEP, FP8 training dispatches in
/// FP8 with a 4-byte scale per 128 elements and combines in BF16 (sec. 3.3.3); Megatron-Core's
/// `alltoall` dispatcher sends the hidden states as the layer holds them, in BF16, and
/// Transformer Engine casts them to FP8 inside the expert GEMMs.
fn dispatch_combine_s(r: &Resolved, tokens: f64) -> f64 {
    let a = &r.arch;
    let l = &r.layout;
    let h = f64::from(a.hidden);
    let k = f64::from(a.top_k);
    let dispatch_bytes = if r.s.ep_fp8 { 1.0 + 4.0 / 128.0 } else { 2.0 };
    let bytes = dispatch_bytes + 2.0;
    let span = l.ep.saturating_mul(l.etp);
    let domain = r.gpu.scale_up_domain.max(1);
    // DeepEP delivers each copy to every one of its expert's etp ranks (the flex dispatcher
    // routes to tp·k of tp·E experts over the tp × ep group); the `alltoall` dispatcher sends
    // one copy to one rank of the ep group and gathers over etp afterwards (`layer_pass`).
    let (copies, ranks) = match r.s.ep_dispatch {
        EpDispatch::AllToAll => (k, f64::from(l.ep)),
        EpDispatch::DeepEp => (k * f64::from(l.etp), f64::from(span)),
    };
    if span <= domain {
        return tokens * copies * h * bytes * (ranks - 1.0) / ranks / link_bytes_per_s(r, span);
    }
    let n = f64::from(span.div_ceil(domain));
    let remote = match r.s.ep_dispatch {
        EpDispatch::AllToAll => k * (n - 1.0) / n,
        EpDispatch::DeepEp => (n - 1.0) * (1.0 - (1.0 - 1.0 / n).powf(k)),
    };
    let network = tokens * remote * h * bytes / link_bytes_per_s(r, span);
    if r.s.ep_dispatch == EpDispatch::AllToAll {
        return network;
    }
    // Within the destination domain each copy goes to its expert's rank (its etp ranks share
    // the domain).
    let g = f64::from(domain);
    let fast = tokens * copies * h * bytes * (g - 1.0) / g / link_bytes_per_s(r, domain);
    network.max(fast)
}

/// One layer's forward pass for one micro-batch (`moe`: a mixture-of-experts layer).
fn layer_pass(r: &Resolved, moe: bool) -> LayerPass {
    let a: &Architecture = &r.arch;
    let l = &r.layout;
    let t = f64::from(l.tp);
    let h = f64::from(a.hidden);
    let seq = f64::from(r.s.seq);
    let tokens = f64::from(l.micro_batch) * seq / f64::from(l.cp);
    let bytes = 2.0; // 16-bit activations
    let matrices = a.ffn_matrices();

    // Attention projections: Q, K, V and the output, sharded over tp.
    let attention_params = a.attention_params_per_layer();
    let q_local = a.q_width() / t;
    let attn_gemm_s =
        2.0 * tokens * attention_params / t / linear_rate(r, tokens.min(h).min(q_local));
    // The FFN: one dense block, or top-k routed plus shared experts.
    let ffn_gemm_s = if moe {
        let fe = f64::from(a.expert_ffn);
        let active = f64::from(a.top_k + a.shared_experts);
        // Each expert sees the tokens routed to it from the ep ranks it serves, gathered over
        // its etp ranks (each of the tp ranks holds tokens / tp with sequence parallelism), and
        // holds fe / etp of the FFN's width.
        let etp = f64::from(l.etp);
        let per_expert =
            tokens / t * etp * f64::from(a.top_k) * f64::from(l.ep) / f64::from(a.experts.max(1));
        let smallest = per_expert.min(h).min(fe / etp);
        let flops =
            2.0 * tokens * active * matrices * h * fe / t + 2.0 * tokens * h * f64::from(a.experts);
        flops / linear_rate(r, smallest)
    } else {
        let f = f64::from(a.ffn);
        let smallest = tokens.min(h).min(f / t);
        2.0 * tokens * matrices * h * f / t / linear_rate(r, smallest)
    };
    // Scores: QKᵀ and AV of the local queries against the keys each attends to, averaged over
    // the layer schedule (windows, sparse top-k and linear layers attend to fewer). FlashAttention
    // skips the blocks the causal mask hides; unfused kernels (Megatron's fused softmax of 2021)
    // compute the whole s × s and mask it.
    let d_v = f64::from(a.head_dim);
    let e = &r.efficiency;
    let scores = match r.s.attn_kernel {
        AttnKernel::Flash => a.flash_score_work_per_token(seq, e.attention_row_keys),
        AttnKernel::Unfused => a.score_flops_per_token(seq),
    };
    let attention_s =
        tokens * scores / f64::from(a.layers.max(1)) / t / (r.peak_flops * e.attention);
    // An all-reduce (or reduce-scatter + all-gather pair) of `rows` hidden states over n ranks.
    // A layer runs two: the attention's over tp, and the FFN's over tp, or in a MoE layer the
    // experts' over etp (MoE folding: Liu et al. 2025 sec. 3; etp = tp before folding).
    let collective = |rows: f64, n: u32| {
        if n > 1 {
            ring_allreduce_bytes(rows * h * bytes, n) / link_bytes_per_s(r, n)
        } else {
            0.0
        }
    };
    // The experts' own collective over etp. Megatron-Core's `alltoall` dispatcher all-gathers
    // over the etp ranks the copies the all-to-all brought and reduce-scatters them before the
    // combine (`MoEAlltoAllTokenDispatcher`, steps "AG(TP)" and "RS(TP)"): an all-reduce's
    // traffic over the routed copies, top-k times the layer's tokens where etp = tp. Without
    // expert parallelism there is no all-to-all to gather after, and Megatron-Core's default
    // `allgather` dispatcher gathers the layer's tokens instead. DeepEP sends each copy to its
    // expert's etp ranks within the dispatch itself (`MoEFlexTokenDispatcher` routes to tp·k
    // of tp·E experts over the tp × ep group), so it has no collective of its own.
    let copies = tokens / t * f64::from(l.etp) * f64::from(a.top_k);
    let etp_s = match (moe, l.ep > 1, r.s.ep_dispatch) {
        (false, _, _) | (true, true, EpDispatch::DeepEp) => 0.0,
        (true, false, _) => collective(tokens, l.etp),
        (true, true, EpDispatch::AllToAll) => collective(copies, l.etp),
    };
    let tp_s = collective(tokens, l.tp) * if moe { 1.0 } else { 2.0 };
    // Dispatch and combine of this rank's tokens (tokens / tp with sequence parallelism).
    let ep_s = if moe && l.ep > 1 {
        dispatch_combine_s(r, tokens / t)
    } else {
        0.0
    };
    // Ring attention passes each rank's K and V chunk around the cp - 1 others.
    let cp_s = if l.cp > 1 {
        let kv_width = if a.is_mla() {
            f64::from(a.kv_latent + a.rope_dim)
        } else {
            2.0 * f64::from(a.kv_heads) * d_v
        };
        (f64::from(l.cp) - 1.0) * tokens * kv_width * bytes / t / link_bytes_per_s(r, l.cp * l.tp)
    } else {
        0.0
    };
    // The routed tokens' memory-bound passes, at the memory bandwidth, for every (token, expert)
    // copy this rank's experts see (its tokens / tp, gathered over etp, top-k each).
    // - Permutation (Megatron-Core's token dispatchers): before the dispatch each copy is
    //   gathered into expert order and after the combine scattered back and weighted by its
    //   router probability (`permute`, `unpermute`), a 16-bit read and write of h elements each,
    //   and their gradients the same in the backward pass: 16h bytes. The `alltoall` dispatcher
    //   also sorts the received chunks by local expert and back (`sort_chunks_by_idxs`, where a
    //   rank holds more than one expert): 16h more. DeepEP's dispatch lands tokens grouped by
    //   source and expert, so it has no sort.
    // - FP8 casts: an FP8 GEMM reads its operands quantized, and on Hopper the weight and input
    //   gradients want them transposed as well, so each operand is read in 16 bits and written
    //   back in FP8 twice, about 4 bytes per element: DeepSeek-V3 sec. 3.5.2 describes both
    //   passes ("read 128 BF16 activation values … from HBM for quantization, and the quantized
    //   FP8 values are then written back to HBM"; in the backward pass "read out, dequantized,
    //   transposed, re-quantized … and stored in HBM"). Per copy that is the expert's input and
    //   the down-projection's (h and f/etp elements) forward and their gradients (h and the
    //   gated 2·f/etp) backward: 8h + 12f bytes. A dense layer's casts are fused into its norm
    //   and activation kernels (Transformer Engine's LayerNormLinear and LayerNormMLP) and sit in
    //   the fitted rates; the permuted tokens of an expert have no such kernel to ride on.
    let (routed_forward_s, routed_backward_s) = if moe && a.is_moe() {
        let fe = f64::from(a.expert_ffn) / f64::from(l.etp);
        let sorts = r.s.ep_dispatch == EpDispatch::AllToAll && a.experts > l.ep;
        let permutation = if sorts { 16.0 * h } else { 8.0 * h };
        let (forward_casts, backward_casts) = if r.precision == Precision::Fp8 {
            (4.0 * h + 4.0 * fe, 4.0 * h + 8.0 * fe)
        } else {
            (0.0, 0.0)
        };
        let at = |bytes: f64| copies * bytes / (r.gpu.bandwidth_gbs * 1e9);
        (
            at(permutation + forward_casts),
            at(permutation + backward_casts),
        )
    } else {
        (0.0, 0.0)
    };
    LayerPass {
        gemm_s: attn_gemm_s + ffn_gemm_s,
        attention_s,
        tp_s,
        etp_s,
        ep_s,
        cp_s,
        routed_forward_s,
        routed_backward_s,
    }
}

/// Forward-pass multiples of one micro-batch's work: the backward pass costs two forwards, full
/// recomputation adds one, selective recomputation adds the attention scores' forward.
struct Passes {
    gemm: f64,
    attention: f64,
    comm: f64,
}

fn passes(recompute: Recompute) -> Passes {
    match recompute {
        Recompute::None => Passes {
            gemm: 3.0,
            attention: 3.0,
            comm: 2.0,
        },
        Recompute::Selective => Passes {
            gemm: 3.0,
            attention: 4.0,
            comm: 2.0,
        },
        Recompute::Full => Passes {
            gemm: 4.0,
            attention: 4.0,
            comm: 3.0,
        },
    }
}

/// One layer's forward and backward for one micro-batch: compute and the communication it
/// leaves exposed, seconds.
#[derive(Clone, Copy, Default)]
struct LayerStep {
    compute: f64,
    tp: f64,
    ep: f64,
    cp: f64,
    /// Of `tp`, the expert tensor-parallel part.
    etp: f64,
    /// The forward pass's compute (F of the pipeline schedules).
    forward: f64,
    /// The weight-gradient GEMMs (W): as many FLOPs as the forward GEMMs.
    weight: f64,
}

/// Whether the step runs an expert all-to-all beside computation: DualPipe, or 1F1B with
/// Megatron-Core's EP overlap (`ep_overlap`), with experts spread over more than one rank.
fn overlaps_dispatch(r: &Resolved) -> bool {
    (r.layout.schedule.overlaps_dispatch() || r.layout.overlaps_experts())
        && r.layout.ep > 1
        && r.arch.is_moe()
}

/// The share of the first stage's forward and backward chunks that run with no partner to hide
/// their all-to-all behind under Megatron-Core's EP overlap: the warm-up's forwards and the
/// cool-down's backwards. Megatron-Core's 1F1B warms up with `p - 1` micro-batches, the
/// interleaved schedule with `2·(p - 1) + (v - 1)·p` chunks of `m·v`
/// (`get_forward_backward_func`, `microbatch_group_size_per_vp_stage` = p); with one stage the
/// first forward and the last backward run alone. DualPipe is taken as fully paired.
fn unpaired_share(r: &Resolved) -> f64 {
    let l = &r.layout;
    if l.schedule != Schedule::OneFOneB {
        return 0.0;
    }
    let (p, v) = (f64::from(l.pp), f64::from(l.vpp));
    let chunks = l.micro_batches(r.s.global_batch) * v;
    let warm = if l.pp == 1 {
        1.0
    } else if l.vpp > 1 {
        2.0 * (p - 1.0) + (v - 1.0) * p
    } else {
        p - 1.0
    };
    (warm / chunks.max(1.0)).min(1.0)
}

fn layer_step(r: &Resolved, moe: bool) -> LayerStep {
    let x = layer_pass(r, moe);
    let n = passes(r.layout.recompute);
    // Computation runs on the SMs the all-to-all leaves it.
    let slow = if overlaps_dispatch(r) {
        1.0 / (1.0 - COMM_SM_SHARE)
    } else {
        1.0
    };
    let attention = n.attention * x.attention_s;
    // The routed tokens' passes are memory-bound: the forward's run again where full
    // recomputation repeats the forward (`n.gemm - 2` forwards: backward is two passes). They
    // run on the same SMs as the rest.
    let routed = (n.gemm - 2.0) * x.routed_forward_s + x.routed_backward_s;
    let compute = (n.gemm * x.gemm_s + attention + routed) * slow;
    // Backward passes K/V and their gradients: twice the forward's traffic; the ring overlaps
    // the attention it feeds.
    let cp = (x.cp_s * (n.comm + 1.0) - attention).max(0.0);
    // With --tp-comm-overlap the sequence-parallel reduce-scatters and all-gathers are split into
    // chunks that overlap the GEMMs they feed (Megatron-Core; Wang et al. 2022); without it the
    // collectives sit between the GEMMs, exposed (Shoeybi et al. 2019 sec. 3), as they do by
    // default.
    // The experts' collective runs inside the token dispatcher, on NCCL beside no GEMM, so it
    // stays exposed either way.
    let etp = x.etp_s * n.comm;
    let layers_tp = x.tp_s * n.comm;
    let layers_tp = if r.layout.tp_overlap {
        (layers_tp - n.gemm * x.gemm_s).max(0.0)
    } else {
        layers_tp
    };
    let tp = layers_tp + etp;
    // DualPipe overlaps one micro-batch's forward chunk with another's backward chunk, each
    // one's dispatch and combine hidden behind the other's compute (DeepSeek-V3 sec. 3.2.1);
    // Megatron-Core's EP overlap does the same within 1F1B's steady phase, so the chunks of the
    // warm-up and cool-down, which have no partner, keep theirs exposed.
    let ep = x.ep_s * n.comm;
    let ep = if overlaps_dispatch(r) {
        let alone = unpaired_share(r);
        alone * ep + (1.0 - alone) * (ep - compute).max(0.0)
    } else {
        ep
    };
    LayerStep {
        compute,
        tp,
        ep,
        cp,
        etp,
        forward: (x.gemm_s + x.attention_s + x.routed_forward_s) * slow,
        weight: x.gemm_s * slow,
    }
}

/// The operands a step's time is built from, for the busiest pipeline stage. The step time and
/// its derivation rows are both computed from these, so they agree by construction.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StepOperands {
    /// Micro-batches per step per replica.
    pub m: f64,
    /// Pipeline stages.
    pub p: f64,
    /// Virtual stages per device.
    pub v: f64,
    /// Layers on the busiest stage.
    pub stage_layers: f64,
    /// One layer, one micro-batch, forward and backward: compute, TP, EP, CP seconds (MoE and
    /// dense layers averaged over the model).
    pub per_layer: [f64; 4],
    /// The pipeline schedule.
    pub schedule: Schedule,
    /// The busiest stage's forward compute per micro-batch (F), s.
    pub forward_s: f64,
    /// The busiest stage's weight-gradient GEMMs per micro-batch (W), s.
    pub weight_s: f64,
    /// The output layer's and the MTP modules' seconds per micro-batch (compute, TP, EP, CP), if
    /// the busiest stage is the last one.
    pub extra: [f64; 4],
    /// The busiest stage's seconds per micro-batch: compute, TP, EP, CP.
    pub stage: [f64; 4],
    /// Seconds of one activation send between stages.
    pub send_s: f64,
    /// The data-parallel reduction's seconds.
    pub dp_reduce_s: f64,
    /// The backward pass of the last micro-batch, which hides the reduction.
    pub backward_window_s: f64,
    /// The last bucket's seconds, never hidden.
    pub last_bucket_s: f64,
    /// ZeRO-3: weight gathers per micro-batch (passes) and seconds per gather.
    pub gathers: f64,
    /// Seconds of one ZeRO-3 gather of this device's weights (0 below ZeRO-3).
    pub gather_s: f64,
    /// Bytes per parameter the optimizer update reads and writes.
    pub optimizer_bytes_per_param: f64,
    /// Parameters whose update this device computes.
    pub optimizer_params: f64,
    /// Memory bandwidth, bytes per second.
    pub bandwidth: f64,
    /// Model FLOPs per step: (6·N_active + attention) per token × tokens.
    pub model_flops: f64,
    /// Recomputed FLOPs per step.
    pub recompute_flops: f64,
    /// Tokens per step.
    pub tokens: f64,
    /// Devices.
    pub devices: f64,
    /// Of the TP part, the share that is the experts' tensor-parallel collectives.
    pub etp_fraction: f64,
    /// Of the data-parallel reduction, the share that is the experts' over their edp ranks.
    pub edp_fraction: f64,
}

/// The operands of the resolved scenario's step at its layout (`r.layout`).
pub fn operands(r: &Resolved) -> StepOperands {
    let a = &r.arch;
    let l = r.layout;
    let m = l.micro_batches(r.s.global_batch);

    // One micro-batch through one layer of each kind.
    let dense = layer_step(r, false);
    let moe = if a.is_moe() {
        layer_step(r, true)
    } else {
        dense
    };
    let moe_share = f64::from(a.moe_layers()) / f64::from(a.layers.max(1));
    let mix = |f: fn(&LayerStep) -> f64| f(&dense) * (1.0 - moe_share) + f(&moe) * moe_share;
    let per_layer: [f64; 4] = [
        mix(|x| x.compute),
        mix(|x| x.tp),
        mix(|x| x.ep),
        mix(|x| x.cp),
    ];

    // The output layer and loss on the last stage: a b·s × h × V/tp GEMM, three passes (never
    // recomputed), and the logits' softmax in fp32, read and written in each pass.
    let t = f64::from(l.tp);
    let tokens = f64::from(l.micro_batch) * f64::from(r.s.seq) / f64::from(l.cp);
    let vocab = f64::from(a.vocab);
    let h = f64::from(a.hidden);
    let output_gemm_s = 2.0 * tokens * h * vocab / t / gemm_rate(r, tokens.min(h).min(vocab / t));
    let output_s =
        3.0 * output_gemm_s + 3.0 * tokens * vocab / t * 4.0 * 2.0 / (r.gpu.bandwidth_gbs * 1e9);

    // Multi-token prediction (DeepSeek-V3 sec. 2.2): each of the `mtp_layers` depths runs one
    // more transformer block (of the MoE kind where the model is one), its projection of
    // [h; embedding] (2h × h) and the shared output head on every token. They sit with the
    // output head on the last stage (sec. 3.2.1, "Shared Embedding and Output Head for
    // Multi-Token Prediction").
    let mtp = f64::from(a.mtp_layers);
    let mtp_block = if a.is_moe() { &moe } else { &dense };
    let projection_gemm_s = 2.0 * tokens * 2.0 * h * h / t / linear_rate(r, tokens.min(h / t));
    let last_extra = [
        output_s * (1.0 + mtp) + mtp * (mtp_block.compute + 3.0 * projection_gemm_s),
        mtp * mtp_block.tp,
        mtp * mtp_block.ep,
        mtp * mtp_block.cp,
    ];

    // The slowest stage sets the pace: layers per stage, the last with the output layer and
    // the MTP modules. Under DualPipe each device runs stage i and stage p - 1 - i, so the first
    // and the last stage share a device (DeepSeek-V3 sec. 3.2.1: "we deploy the shallowest
    // layers (including the embedding layer) and deepest layers (including the output head) of
    // the model on the same PP rank"), and that device's pace is their mean.
    let [first, middle, last] = stage_layers(a.layers, l.pp);
    let stage = |layers: f64, share: f64| -> ([f64; 4], f64, f64) {
        (
            [
                layers * per_layer[0] + share * last_extra[0],
                layers * per_layer[1] + share * last_extra[1],
                layers * per_layer[2] + share * last_extra[2],
                layers * per_layer[3] + share * last_extra[3],
            ],
            layers,
            share,
        )
    };
    let (first, middle, last) = (f64::from(first), f64::from(middle), f64::from(last));
    let (first, last) = if l.schedule == Schedule::DualPipe && l.pp > 1 {
        let paired = stage((first + last) / 2.0, 0.5);
        (paired, paired)
    } else {
        (stage(first, 0.0), stage(last, 1.0))
    };
    let (busiest, stage_n, share) = [first, stage(middle, 0.0), last]
        .into_iter()
        .max_by(|x, y| x.0.iter().sum::<f64>().total_cmp(&y.0.iter().sum::<f64>()))
        .unwrap_or_default();
    let extra = last_extra.map(|x| x * share);
    // Of the busiest stage's TP part, the experts' collectives: its MoE layers' and, where it
    // holds the last stage, the MTP blocks' (MoE where the model is).
    let mtp_etp = if a.is_moe() { mtp * moe.etp } else { 0.0 };
    let etp_fraction = if busiest[1] > 0.0 {
        (stage_n * moe.etp * moe_share + share * mtp_etp) / busiest[1]
    } else {
        0.0
    };

    // F and W of the busiest stage: its layers', and the output layer's and MTP modules' where
    // it holds the last stage.
    let forward_s = stage_n * mix(|x| x.forward)
        + share * (output_s / 3.0 * (1.0 + mtp) + mtp * (mtp_block.forward + projection_gemm_s));
    let weight_s = stage_n * mix(|x| x.weight)
        + share * (output_gemm_s * (1.0 + mtp) + mtp * (mtp_block.weight + projection_gemm_s));

    // Sends of b·s·h/tp activations between stages (scatter-gather, Narayanan et al. 2021
    // sec. 4.1), over the network once a replica fills the scale-up domain.
    let send_s = if l.pp > 1 {
        tokens * h * 2.0 / t / link_bytes_per_s(r, l.replica().saturating_mul(2))
    } else {
        0.0
    };

    // Data parallel: gradients of this device's shard reduced over the dp·cp ranks holding the
    // same weights (the experts over their edp = tp·cp·dp / (etp·ep) ranks, MoE folding),
    // overlapped with the last micro-batch's backward except for the last bucket (Megatron-Core
    // overlap_grad_reduce).
    let trained = match r.s.finetune {
        Finetune::Lora | Finetune::Qlora => r.adapter_params,
        Finetune::None | Finetune::Full => r.params_total,
    };
    let expert_share = if r.breakdown.total > 0.0 && r.s.finetune == Finetune::None {
        r.breakdown.routed_experts / r.breakdown.total
    } else {
        0.0
    };
    let mp = f64::from(l.tp * l.pp);
    let ranks = l.dp * l.cp;
    let expert_ranks = l.expert_dp();
    let dense_params = trained * (1.0 - expert_share) / mp;
    let expert_params =
        trained * expert_share / (f64::from(l.pp) * f64::from(l.etp) * f64::from(l.ep));
    let dp_span = l.devices();
    // Gradients are reduced in 16 bits (Megatron-Core's default with bf16). With ZeRO (the
    // distributed optimizer) they are reduce-scattered, half an all-reduce's traffic, and the
    // updated weights all-gathered behind the next step's forward pass (overlap_param_gather).
    let half = if l.zero >= 1 { 0.5 } else { 1.0 };
    let reduce = |params: f64, n: u32| {
        half * ring_allreduce_bytes(params * 2.0, n) / link_bytes_per_s(r, dp_span)
    };
    // DualPipe keeps two stages' parameters on each device (DeepSeek-V3 Table 2).
    let copies = l.schedule.parameter_copies();
    let (dense_params, expert_params) = (dense_params * copies, expert_params * copies);
    let params_here = dense_params + expert_params;
    let (dp_reduce_s, last_bucket_s, edp_fraction) = if ranks > 1 {
        let experts = reduce(expert_params, expert_ranks);
        let total = reduce(dense_params, ranks) + experts;
        (
            total,
            total * (grad_bucket_params(ranks) / params_here.max(1.0)).min(1.0),
            if total > 0.0 { experts / total } else { 0.0 },
        )
    } else {
        (0.0, 0.0, 0.0)
    };
    // ZeRO-3 gathers the weights again for every micro-batch's forward and backward (and
    // recomputation), and reduce-scatters each micro-batch's gradients, as it keeps no whole
    // gradient (Rajbhandari et al. 2020 sec. 5.3); prefetching hides both behind compute as far
    // as the compute lasts, as they share the link.
    let (gathers, gather_s) = if l.zero >= 3 && ranks > 1 {
        (
            passes(l.recompute).comm,
            params_here * 2.0 * (f64::from(ranks) - 1.0)
                / f64::from(ranks)
                / link_bytes_per_s(r, dp_span),
        )
    } else {
        (0.0, 0.0)
    };

    // AdamW reads and writes weights, gradients and states once: memory-bound.
    let [w_b, g_b, o_b] = state_bytes_per_param(r.s.optimizer, r.precision.is_mixed());
    let shard = if l.zero >= 1 { f64::from(ranks) } else { 1.0 };

    let step_tokens = f64::from(r.s.global_batch) * f64::from(r.s.seq);
    StepOperands {
        m,
        p: f64::from(l.pp),
        v: f64::from(l.vpp),
        stage_layers: stage_n,
        per_layer,
        schedule: l.schedule,
        forward_s,
        weight_s,
        extra,
        stage: busiest,
        send_s,
        dp_reduce_s,
        backward_window_s: busiest[0] * 2.0 / 3.0,
        last_bucket_s,
        gathers,
        gather_s,
        optimizer_bytes_per_param: 2.0 * (w_b + g_b + o_b),
        optimizer_params: params_here / shard,
        bandwidth: r.gpu.bandwidth_gbs * 1e9,
        model_flops: (training::model_flops_per_token(r) + training::attention_flops_per_token(r))
            * step_tokens,
        recompute_flops: training::recompute_flops_per_token(r, l.recompute) * step_tokens,
        tokens: step_tokens,
        devices: f64::from(l.devices()),
        etp_fraction,
        edp_fraction,
    }
}

/// The step's exposed parts (compute, TP, bubble, DP, EP, CP, optimizer), written once over any
/// [`Quantity`]: as plain numbers for the step time (the search's hot path) and as printed
/// expressions for the derivation rows ([`parts`]), so the two cannot disagree.
#[inline]
fn exposed_as<Q: Quantity>(o: &StepOperands) -> [Q; 7] {
    let n = Q::of;
    let stage_part = |i: usize| {
        if o.extra[i] > 0.0 {
            Q::product([
                n(o.m),
                Q::sum([
                    Q::product([n(o.stage_layers), n(o.per_layer[i])]),
                    n(o.extra[i]),
                ]),
            ])
        } else {
            Q::product([n(o.m), n(o.stage_layers), n(o.per_layer[i])])
        }
    };
    // Sends of activations and gradients between stages: 2v per micro-batch (zero bubble runs
    // without interleaving, v = 1), hidden under DualPipe.
    let pp = match (o.p > 1.0, o.schedule) {
        (true, Schedule::OneFOneB) => Q::sum([
            bubble_as(o),
            Q::product([n(o.m), n(2.0), n(o.v), n(o.send_s)]),
        ]),
        (true, Schedule::ZeroBubble) => {
            Q::sum([bubble_as(o), Q::product([n(o.m), n(2.0), n(o.send_s)])])
        }
        _ => bubble_as(o),
    };
    // Differences are operands of their own: subtracting rounded operands would not give the
    // printed result.
    let dp = if o.gathers > 0.0 {
        Q::sum([
            Q::larger(
                n(o.m * (o.gathers * o.gather_s + o.dp_reduce_s - o.stage[0])),
                n(0.0),
            ),
            n(o.last_bucket_s),
        ])
    } else {
        Q::larger(n(o.dp_reduce_s - o.backward_window_s), n(o.last_bucket_s))
    };
    [
        Q::product([
            n(o.m),
            Q::sum([
                Q::product([n(o.stage_layers), n(o.per_layer[0])]),
                n(o.extra[0]),
            ]),
        ]),
        stage_part(1),
        pp,
        dp,
        stage_part(2),
        stage_part(3),
        Q::quotient(
            Q::product([n(o.optimizer_bytes_per_param), n(o.optimizer_params)]),
            n(o.bandwidth),
        ),
    ]
}

/// The pipeline's idle time without the sends: DeepSeek-V3 Table 2 with F + B the stage's time
/// per micro-batch (the sum of its parts); differences are operands of their own.
#[inline]
fn bubble_as<Q: Quantity>(o: &StepOperands) -> Q {
    let n = Q::of;
    let stage_s: f64 = o.stage.iter().sum();
    match (o.p > 1.0, o.schedule) {
        (false, _) => n(0.0),
        (true, Schedule::OneFOneB) => Q::product([Q::quotient(n(o.p - 1.0), n(o.v)), n(stage_s)]),
        (true, Schedule::ZeroBubble) => {
            Q::product([n(o.p - 1.0), n((stage_s - 2.0 * o.weight_s).max(0.0))])
        }
        (true, Schedule::DualPipe) => Q::product([
            n(o.p / 2.0 - 1.0),
            n((2.0 * stage_s - o.forward_s - 3.0 * o.weight_s).max(0.0)),
        ]),
    }
}

/// The step: the sum of its exposed parts (compute, TP, bubble, DP, EP, CP, optimizer;
/// docs/model.md §6), written once for the step time and its derivation row.
#[inline]
pub fn time_as<Q: Quantity>(exposed: [Q; 7]) -> Q {
    Q::sum(exposed)
}

/// MFU: the model's FLOPs in a step over what the devices could do in its time (PaLM App. B),
/// written once for the step time and its derivation row.
#[inline]
pub fn mfu_as<Q: Quantity>(o: &StepOperands, time_s: Q, peak_flops: f64) -> Q {
    Q::quotient(
        Q::of(o.model_flops),
        Q::product([time_s, Q::of(o.devices), Q::of(peak_flops)]),
    )
}

/// The pipeline's idle time without the sends, s.
fn bubble_s(o: &StepOperands) -> f64 {
    bubble_as(o)
}

/// The step's exposed parts as derivation rows: each row's metric, formula, the expression with
/// the user's numbers (from [`exposed_as`], the arithmetic the step time runs) and source.
pub fn parts(o: &StepOperands) -> [(MetricId, &'static str, Calc, &'static str); 7] {
    let pp_formula = match (o.p > 1.0, o.schedule) {
        (false, _) => "bubble = 0 (one stage)",
        (true, Schedule::OneFOneB) => "bubble = (p − 1)/v · (F + B) + m · 2v · send",
        (true, Schedule::ZeroBubble) => "bubble = (p − 1) · (F + B − 2W) + m · 2 · send",
        (true, Schedule::DualPipe) => "bubble = (p/2 − 1) · (F&B + B − 3W), sends hidden",
    };
    let dp_formula = if o.gathers > 0.0 {
        "DP = max(m · (ZeRO-3 gathers + reduce-scatter − compute), 0) + last bucket"
    } else {
        "DP = max(reduction not hidden by the last backward, last bucket)"
    };
    let [compute, tp, pp, dp, ep, cp, optimizer] = exposed_as::<Calc>(o);
    [
        (
            MetricId::StepComputeS,
            "compute = m · (layers on the busiest stage · per layer + output layer)",
            compute,
            "docs/model.md §6; Bekman, ml-engineering (MAMF); Korthikanti et al. 2022",
        ),
        (
            MetricId::StepTpCommS,
            "TP = m · layers · per-layer all-reduces (or RS/AG) not hidden behind the GEMMs",
            tp,
            "Shoeybi et al. 2019 sec. 3; Korthikanti et al. 2022; docs/model.md §6",
        ),
        (
            MetricId::StepPpBubbleS,
            pp_formula,
            pp,
            "Narayanan et al. 2021 sec. 2.2 and 4.1; Qi et al. 2023; DeepSeek-V3 Table 2",
        ),
        (
            MetricId::StepDpCommS,
            dp_formula,
            dp,
            "Megatron-Core overlap_grad_reduce; Rajbhandari et al. 2020",
        ),
        (
            MetricId::StepEpCommS,
            "EP = m · layers · per-layer dispatch and combine all-to-alls",
            ep,
            "docs/model.md §6 (expert parallelism)",
        ),
        (
            MetricId::StepCpCommS,
            "CP = m · layers · ring-attention sends not hidden behind attention",
            cp,
            "docs/model.md §6 (context parallelism)",
        ),
        (
            MetricId::StepOptimizerS,
            "optimizer = bytes read and written per parameter · parameters here / bandwidth",
            optimizer,
            "docs/model.md §6",
        ),
    ]
}

/// The step time of the resolved scenario at its layout (`r.layout`).
pub fn step_time(r: &Resolved) -> StepTime {
    let o = operands(r);
    let exposed = exposed_as::<f64>(&o);
    let time_s = time_as(exposed);
    let [compute, tp, pp, dp, ep, cp, opt] = exposed;
    let model_tflops = o.model_flops / (time_s * o.devices) / 1e12;
    StepTime {
        time_s,
        compute_s: compute,
        tp_comm_s: tp,
        pp_bubble_s: pp,
        dp_comm_s: dp,
        ep_comm_s: ep,
        etp_comm_s: tp * o.etp_fraction,
        edp_comm_s: dp * o.edp_fraction,
        cp_comm_s: cp,
        optimizer_s: opt,
        model_tflops_per_gpu: model_tflops,
        hardware_tflops_per_gpu: (o.model_flops + o.recompute_flops) / (time_s * o.devices) / 1e12,
        mfu: mfu_as(&o, time_s, r.peak_flops),
        tokens_per_s: o.tokens / time_s,
        // (p - 1)/(v·m) under 1F1B.
        bubble_fraction: bubble_s(&o) / (o.m * o.stage.iter().sum::<f64>()).max(f64::MIN_POSITIVE),
    }
}

#[cfg(test)]
mod tests {
    //! The mechanisms against hand computations (docs/model.md §6).
    use super::*;
    use crate::estimate::query;
    use crate::estimate::scenario::Scenario;

    fn scenario(q: &str) -> Scenario {
        let parsed = query::parse(q);
        assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
        parsed.scenario
    }

    #[test]
    fn fp8_linear_gemms_run_at_deepgemms_rate_and_mfu_stays_against_bf16() {
        // H100 SXM: BF16 GEMMs at 794.5 TFLOP/s achievable (mamf-finder), FP8 GEMMs at DeepGEMM's
        // 1350: the linear layers run 1350 / 794.5 = 1.70 times as fast; the output layer stays
        // BF16, and the MFU is quoted against 989.4 TFLOP/s.
        let bf16 = scenario("model=llama-3-70b&gpu=h100-sxm&precision=bf16");
        let fp8 = scenario("model=llama-3-70b&gpu=h100-sxm&precision=fp8");
        let (b, f) = (Resolved::new(&bf16), Resolved::new(&fp8));
        assert_eq!(f.peak_flops, b.peak_flops);
        assert!((f.peak_flops / 989.4e12 - 1.0).abs() < 1e-12);
        let ratio = linear_rate(&f, 4096.0) / linear_rate(&b, 4096.0);
        assert!((ratio / (1350.0 / 794.5) - 1.0).abs() < 1e-9, "{ratio}");
        assert_eq!(gemm_rate(&f, 4096.0), gemm_rate(&b, 4096.0));
    }

    #[test]
    fn schedules_follow_deepseek_v3_table_2() {
        let q = "model=llama-3-70b&gpu=h100-sxm&gpus=512&tp=8&pp=8&global_batch=512";
        let base = scenario(q);
        let r = Resolved::new(&base);
        let o = operands(&r);
        let s: f64 = o.stage.iter().sum();
        // 1F1B: (p - 1)(F + B), the sends apart.
        assert!((bubble_s(&o) - 7.0 * s).abs() < 1e-12);
        // Zero bubble: (p - 1)(F + B - 2W); DualPipe: (p/2 - 1)(F&B + B - 3W), F&B = F + B.
        let zb = scenario(&format!("{q}&pp_schedule=zb"));
        let oz = operands(&Resolved::new(&zb));
        assert!((bubble_s(&oz) - 7.0 * (s - 2.0 * oz.weight_s)).abs() < 1e-12);
        assert_eq!(oz.weight_s, o.weight_s);
        let dp = scenario(&format!("{q}&pp_schedule=dualpipe"));
        let od = operands(&Resolved::new(&dp));
        // DualPipe's device holds the first and the last stage (below): its own F + B.
        let sd: f64 = od.stage.iter().sum();
        let (f, w) = (od.forward_s, od.weight_s);
        let b = sd - f;
        assert!((bubble_s(&od) - 3.0 * (sd + b - 3.0 * w)).abs() < 1e-12);
        // W is the forward's GEMMs: less than F, which adds the attention scores.
        assert!(w < f && f < s / 2.0);
        // Each smaller than 1F1B's, as Table 2 orders them when W is a third of F + B.
        assert!(bubble_s(&od) < bubble_s(&oz) && bubble_s(&oz) < bubble_s(&o));
        // DualPipe hides the sends; 1F1B pays 2 per micro-batch.
        let parts_1f1b = exposed_as::<f64>(&o)[2] - bubble_s(&o);
        assert!((parts_1f1b - o.m * 2.0 * o.send_s).abs() < 1e-12);
        assert_eq!(exposed_as::<f64>(&od)[2], bubble_s(&od));
    }

    #[test]
    fn dualpipe_hides_the_all_to_all_on_the_sms_it_leaves() {
        // DeepSeek-V3 at its layout: under 1F1B the dispatch and combine are exposed; under
        // DualPipe each layer's shows only beyond the paired chunk's compute, and the compute
        // runs on 112 of 132 SMs.
        let q =
            "model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=16&ep=64&seq=4096&global_batch=15360";
        let one = scenario(q);
        let dual = scenario(&format!("{q}&pp_schedule=dualpipe"));
        let (r1, r2) = (Resolved::new(&one), Resolved::new(&dual));
        let (a, b) = (layer_step(&r1, true), layer_step(&r2, true));
        assert!((b.compute / a.compute - 132.0 / 112.0).abs() < 1e-12);
        assert_eq!(b.ep, (a.ep - b.compute).max(0.0));
        assert!(a.ep > 0.0);
    }

    #[test]
    fn ep_overlap_hides_the_all_to_all_in_1f1b_steady_phase_only() {
        // Qwen3-235B at the Megatron-MoE-ModelZoo layout: 2048 / 16 = 128 micro-batches of 4
        // chunks (vpp 4) on 8 stages. The first stage warms up with 2·7 + 3·8 = 38 chunks
        // whose all-to-all has no partner (and as many cool-down chunks): 38 / 512 of each
        // layer's dispatch and combine stay exposed, the rest shows beyond the paired compute.
        let q = "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=8&vpp=4&ep=32&etp=1&global_batch=2048&ep_dispatch=deepep";
        let (plain, over) = (scenario(q), scenario(&format!("{q}&ep_overlap=1")));
        let (r1, r2) = (Resolved::new(&plain), Resolved::new(&over));
        assert!((unpaired_share(&r2) - 38.0 / 512.0).abs() < 1e-12);
        let (a, b) = (layer_step(&r1, true), layer_step(&r2, true));
        // The computation gives up DeepEP's SMs while the all-to-all runs beside it.
        assert!((b.compute / a.compute - 132.0 / 112.0).abs() < 1e-12);
        let alone = 38.0 / 512.0;
        let hand = alone * a.ep + (1.0 - alone) * (a.ep - b.compute).max(0.0);
        assert!((b.ep - hand).abs() < 1e-15, "{} vs {hand}", b.ep);
        assert!(b.ep < a.ep / 4.0);
        // One stage: only the first forward and the last backward run alone (1 of m).
        let one = scenario(
            "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=1&ep=8&etp=1&global_batch=2048&ep_overlap=1",
        );
        let r = Resolved::new(&one);
        assert!((unpaired_share(&r) - 1.0 / 16.0).abs() < 1e-12);
        // Without experts over more than one rank, or under DualPipe, the flag changes nothing.
        let dense = scenario("model=llama-3-8b&gpu=h100-sxm&gpus=64&tp=8&pp=1&ep_overlap=1");
        assert!(!Resolved::new(&dense).layout.ep_overlap);
    }

    #[test]
    fn the_last_gradient_bucket_grows_with_the_data_parallel_size() {
        // Megatron-Core's default bucket: max(40M, 1M · dp) parameters. Nemotron-4 15B on 2,304
        // H100 (TP 8, DP 288): 288M of the device's parameters reduce after the backward ends.
        let q = "layers=32&hidden=6144&heads=48&kv_heads=8&glu=0&ffn=24576&vocab=256000&seq=4096&gpu=h100-sxm&tp=8&pp=1&zero=1";
        let small = scenario(&format!("{q}&gpus=256&global_batch=128"));
        let large = scenario(&format!("{q}&gpus=2304&global_batch=1152"));
        let (os, ol) = (
            operands(&Resolved::new(&small)),
            operands(&Resolved::new(&large)),
        );
        assert_eq!(grad_bucket_params(32), 40e6);
        assert_eq!(grad_bucket_params(288), 288e6);
        let params = Resolved::new(&large).params_total / 8.0;
        assert!((ol.last_bucket_s / ol.dp_reduce_s - 288e6 / params).abs() < 1e-12);
        assert!((os.last_bucket_s / os.dp_reduce_s - 40e6 / params).abs() < 1e-12);
    }

    #[test]
    fn tp_overlap_exposes_only_what_exceeds_the_gemms() {
        let q = "model=llama-3-8b&gpu=h100-sxm&gpus=64&tp=8&pp=1";
        let plain = scenario(q);
        let over = scenario(&format!("{q}&tp_overlap=1"));
        let (r1, r2) = (Resolved::new(&plain), Resolved::new(&over));
        let x = layer_pass(&r1, false);
        let n = passes(r1.layout.recompute);
        assert!((layer_step(&r1, false).tp - x.tp_s * n.comm).abs() < 1e-15);
        let hidden = (x.tp_s * n.comm - n.gemm * x.gemm_s).max(0.0);
        assert!((layer_step(&r2, false).tp - hidden).abs() < 1e-15);
    }

    #[test]
    fn the_dispatch_is_sent_in_fp8_only_where_asked() {
        // DeepSeek-V3 sec. 3.3.3: FP8 dispatch (1 byte and a 4-byte scale per 128) and BF16
        // combine with DeepEP. Megatron-Core sends BF16 both ways through its alltoall, DeepEP
        // and HybridEP paths (`fused_a2a.py`: "HybridEP dispatcher does not support fp8
        // dispatch now"), FP8 training or not.
        let q = "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=1&pp=16&ep=8&etp=1";
        let time = |extra: &str| {
            let parsed = query::parse(&format!("{q}{extra}"));
            assert!(parsed.errors.is_empty(), "{extra}: {:?}", parsed.errors);
            dispatch_combine_s(&Resolved::new(&parsed.scenario), 1.0)
        };
        assert_eq!(time(""), time("&precision=fp8"));
        let bf16 = time("&ep_dispatch=deepep");
        assert_eq!(bf16, time("&ep_dispatch=deepep&precision=fp8"));
        let fp8 = time("&ep_dispatch=deepep&precision=fp8&ep_fp8=1");
        assert!((fp8 / bf16 - (1.0 + 4.0 / 128.0 + 2.0) / 4.0).abs() < 1e-12);
        // Asked where it cannot run, it is refused naming the field and what it needs.
        for (extra, needs) in [
            ("&ep_dispatch=deepep&ep_fp8=1", "precision=fp8"),
            ("&precision=fp8&ep_fp8=1", "ep_dispatch=deepep"),
        ] {
            let parsed = query::parse(&format!("{q}{extra}"));
            assert_eq!(parsed.errors.len(), 1, "{extra}");
            assert_eq!(parsed.errors[0].field, "ep_fp8");
            assert!(
                parsed.errors[0].to_string().contains(needs),
                "{}",
                parsed.errors[0]
            );
            assert!(!parsed.scenario.ep_fp8);
        }
    }

    #[test]
    fn the_expert_dispatch_crosses_the_network_once_per_remote_node_with_deepep() {
        // 64 expert ranks over 8 nodes of 8, top-8: the alltoall dispatcher sends 8 · 7/8 = 7
        // copies of a token over the network; DeepEP 7 · (1 - (7/8)^8) = 4.59, each leg at once.
        let q = "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=1&pp=16&ep=64&etp=1";
        let a2a = scenario(q);
        let deep = scenario(&format!("{q}&ep_dispatch=deepep"));
        let (ra, rd) = (Resolved::new(&a2a), Resolved::new(&deep));
        let network = |copies: f64| copies * 7168.0 * 4.0 / link_bytes_per_s(&ra, 64);
        assert!((dispatch_combine_s(&ra, 1.0) / network(7.0) - 1.0).abs() < 1e-12);
        let remote = 7.0 * (1.0 - (7.0f64 / 8.0).powi(8));
        let fast = 8.0 * 7168.0 * 4.0 * 7.0 / 8.0 / link_bytes_per_s(&rd, 8);
        let want = network(remote).max(fast);
        assert!((dispatch_combine_s(&rd, 1.0) / want - 1.0).abs() < 1e-12);
        // Inside one node every copy rides NVLink: (ep - 1)/ep of k copies.
        let node = scenario("model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=1&pp=16&ep=8&etp=1");
        let rn = Resolved::new(&node);
        let nv = 8.0 * 7168.0 * 4.0 * 7.0 / 8.0 / link_bytes_per_s(&rn, 8);
        assert!((dispatch_combine_s(&rn, 1.0) / nv - 1.0).abs() < 1e-12);
    }

    #[test]
    fn flash_attention_computes_the_causal_half_of_the_scores() {
        // FlashAttention-2 skips the blocks the causal mask hides (Dao 2023 sec. 3.1.1): query i
        // attends to i + 1 keys, (s + 1)/2 on average. Llama 3 8B at 8k: 32 layers,
        // 2·32 heads·(128 + 128) per key.
        let s = scenario("model=llama-3-8b&seq=8192");
        let a = &Resolved::new(&s).arch;
        let per_key = 2.0 * 32.0 * 256.0 * 32.0;
        assert_eq!(a.score_flops_per_token(8192.0), per_key * 8192.0);
        assert!((a.causal_score_flops_per_token(8192.0) / (per_key * 4096.5) - 1.0).abs() < 1e-12);
        // Each query row costs `ATTENTION_ROW_KEYS` keys more, whatever its keys.
        let row = crate::estimate::efficiency::ATTENTION_ROW_KEYS;
        let work = a.flash_score_work_per_token(8192.0, row);
        assert!((work / (per_key * (4096.5 + row)) - 1.0).abs() < 1e-12);
        // The step's attention time nearly halves with it; unfused kernels compute all of s × s.
        let su = scenario("model=llama-3-8b&seq=8192&attn_kernel=unfused");
        let (flash, unfused) = (Resolved::new(&s), Resolved::new(&su));
        let (f, u) = (layer_pass(&flash, false), layer_pass(&unfused, false));
        assert!((f.attention_s / u.attention_s - (4096.5 + row) / 8192.0).abs() < 1e-12);
        assert_eq!(f.gemm_s, u.gemm_s);
        // A window of w: min(i + 1, w) keys, w - w(w - 1)/(2s) on average (Gemma 2: 4,096 of 8,192
        // for every other layer).
        let sg = scenario("model=gemma-2-9b&seq=8192");
        let g = &Resolved::new(&sg).arch;
        let (w, seq) = (4096.0, 8192.0);
        let per_key = 2.0 * f64::from(g.heads) * f64::from(2 * g.head_dim);
        let want = f64::from(g.global_layers()) * per_key * (seq + 1.0) / 2.0
            + f64::from(g.local_layers()) * per_key * (w - w * (w - 1.0) / (2.0 * seq));
        assert!((g.causal_score_flops_per_token(seq) / want - 1.0).abs() < 1e-12);
        // The row cost is the same on a window's rows as on a full row.
        let rows = f64::from(g.layers) * per_key * row;
        assert!((g.flash_score_work_per_token(seq, row) / (want + rows) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn mtp_modules_run_on_the_last_stage_and_dualpipe_pairs_it_with_the_first() {
        // DeepSeek-V3 sec. 2.2: one MTP depth runs a MoE block, a 2h × h projection and the shared
        // output head again on every token, with the output head on the last stage.
        // On one stage everything is on the last one.
        let q =
            "model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=1&ep=64&seq=4096&global_batch=15360";
        let (sw, sn) = (scenario(q), scenario(&format!("{q}&mtp_layers=0")));
        let (with, without) = (Resolved::new(&sw), Resolved::new(&sn));
        assert_eq!((with.arch.mtp_layers, without.arch.mtp_layers), (1, 0));
        let (ow, on) = (operands(&with), operands(&without));
        let moe = layer_step(&with, true);
        let (tokens, h) = (4096.0_f64, 7168.0);
        let projection = 3.0 * 2.0 * tokens * 2.0 * h * h / linear_rate(&with, tokens.min(h));
        let output = on.extra[0];
        assert!(output > 0.0);
        let hand = 2.0 * output + moe.compute + projection;
        assert!(
            (ow.extra[0] / hand - 1.0).abs() < 1e-12,
            "{} vs {hand}",
            ow.extra[0]
        );
        assert!((ow.extra[2] - moe.ep).abs() < 1e-15);
        // 61 layers on 16 stages: 3 on the first and the last, 4 between; with the MTP block and
        // two output heads the last is the busiest under 1F1B. Under DualPipe one device holds
        // stages 0 and 15 (sec. 3.2.1), and its pace is their mean.
        let q16 = q.replace("pp=1", "pp=16");
        let (s1, sd) = (
            scenario(&q16),
            scenario(&format!("{q16}&pp_schedule=dualpipe")),
        );
        let (one, dual) = (Resolved::new(&s1), Resolved::new(&sd));
        let (o1, od) = (operands(&one), operands(&dual));
        assert_eq!(o1.stage_layers, 3.0);
        assert!(o1.extra[0] > 0.0);
        // The paired device is the busiest: 3 layers and half of the last stage's extra work,
        // its MoE block on the SMs the all-to-all leaves it (132 / 112 slower).
        assert_eq!(od.stage_layers, 3.0);
        let (m1, md) = (layer_step(&one, true), layer_step(&dual, true));
        assert!((md.compute / m1.compute - 132.0 / 112.0).abs() < 1e-12);
        let hand = 0.5 * (o1.extra[0] - m1.compute + md.compute);
        assert!(
            (od.extra[0] / hand - 1.0).abs() < 1e-12,
            "{} vs {hand}",
            od.extra[0]
        );
    }

    #[test]
    fn small_expert_gemms_run_below_the_large_gemm_rate() {
        // Tokens per expert set the grouped GEMM's smallest side: fewer experts per rank's
        // tokens, slower GEMMs (n / (n + GEMM_HALF_DIM)).
        let s = scenario("model=llama-3-8b&gpu=h100-sxm");
        let r = Resolved::new(&s);
        let full = gemm_rate(&r, 8192.0);
        let small = gemm_rate(&r, 128.0);
        let d = crate::estimate::efficiency::GEMM_HALF_DIM;
        assert!((small / full - (128.0 / (128.0 + d)) / (8192.0 / (8192.0 + d))).abs() < 1e-12);
    }

    #[test]
    fn routed_tokens_pay_their_permutation_and_fp8_casts_at_the_memory_bandwidth() {
        // Qwen3-30B-A3B on 16 H100, EP 16 (Megatron-Bridge's run): a micro-batch of 4,096 tokens,
        // 8 routed copies each (h 2,048, f 768), at the H100's 3,350 GB/s.
        let q = "model=qwen3-30b-a3b&gpu=h100-sxm&gpus=16&tp=1&pp=1&ep=16&etp=1&seq=4096&global_batch=1024";
        let bandwidth = 3350e9;
        let copies = 4096.0 * 8.0;
        let (h, f) = (2048.0, 768.0);
        let routed = |extra: &str| {
            let s = scenario(&format!("{q}&{extra}"));
            let r = Resolved::new(&s);
            assert_eq!(r.gpu.bandwidth_gbs * 1e9, bandwidth);
            let (moe, dense) = (layer_pass(&r, true), layer_pass(&r, false));
            (
                moe.routed_forward_s + moe.routed_backward_s,
                dense.routed_forward_s + dense.routed_backward_s,
            )
        };
        // DeepEP in BF16: permute and unpermute, forward and backward (16h bytes a copy).
        let (deepep, dense) = routed("ep_dispatch=deepep&precision=bf16");
        assert!((deepep / (copies * 16.0 * h / bandwidth) - 1.0).abs() < 1e-12);
        assert_eq!(dense, 0.0);
        // The alltoall dispatcher also sorts the 8 local experts' chunks and back (32h).
        let (alltoall, _) = routed("ep_dispatch=alltoall&precision=bf16");
        assert!((alltoall / (copies * 32.0 * h / bandwidth) - 1.0).abs() < 1e-12);
        // FP8 adds the casts of the expert's operands and their gradients (8h + 12f).
        let (fp8, _) = routed("ep_dispatch=deepep&precision=fp8");
        let want = copies * (16.0 * h + 8.0 * h + 12.0 * f) / bandwidth;
        assert!((fp8 / want - 1.0).abs() < 1e-12);
        // A layer adds them to its compute once; full recomputation runs the forward's share
        // again (the permutation's 8h and the casts' 4h + 4f a copy).
        for (recompute, again) in [("none", 0.0), ("full", 8.0 * h + 4.0 * h + 4.0 * f)] {
            let s = scenario(&format!(
                "{q}&ep_dispatch=deepep&precision=fp8&recompute={recompute}"
            ));
            let r = Resolved::new(&s);
            let (step, pass) = (layer_step(&r, true), layer_pass(&r, true));
            let n = passes(r.layout.recompute);
            let plain = n.gemm * pass.gemm_s + n.attention * pass.attention_s;
            let extra = want + copies * again / bandwidth;
            assert!((step.compute - plain - extra).abs() < 1e-12, "{recompute}");
        }
    }

    #[test]
    fn expert_tensor_parallel_collectives_carry_what_each_dispatcher_moves() {
        // Mixtral-8x22B-G8T8 before folding (Liu et al. 2025 Table 3: TP 2, EP 8, ETP 2): a
        // micro-batch of 4,096 tokens, 2,048 per TP rank with sequence parallelism, top-8, h
        // 6,144, BF16, the experts' group of 16 inside no 8-GPU NVLink domain.
        let q = "model=mixtral-8x22b&experts=64&top_k=8&expert_ffn=2048&gpu=h100-sxm&gpus=128&tp=2&ep=8&etp=2&pp=8&seq=4096&global_batch=256&micro_batch=1&net_gbps=400";
        let h = 6144.0;
        let pass = |extra: &str| {
            let s = scenario(&format!("{q}{extra}"));
            let r = Resolved::new(&s);
            let links = [2, 8, 16].map(|n| link_bytes_per_s(&r, n));
            (layer_pass(&r, true), links)
        };
        // `alltoall`: the all-to-all brings each rank 2,048 · 8 copies, all-gathered over the two
        // etp ranks and reduce-scattered back, an all-reduce's traffic over 2 · 16,384 copies:
        // 2 · (2 - 1)/2 · 32,768 · h · 2 bytes, eight times the layer's own tokens' collective.
        let (x, [nvlink, nvlink_8, network]) = pass("&ep_dispatch=alltoall");
        let want = 32768.0 * h * 2.0 / nvlink;
        assert!(
            (x.etp_s / want - 1.0).abs() < 1e-12,
            "{} vs {want}",
            x.etp_s
        );
        let tokens_only = 4096.0 * h * 2.0 / nvlink;
        assert!((x.etp_s / tokens_only - 8.0).abs() < 1e-12);
        // DeepEP delivers the copies to both etp ranks in the dispatch: no collective after, and
        // the dispatch's fast leg carries 16 copies a token instead of 8.
        let (y, _) = pass("&ep_dispatch=deepep");
        assert_eq!(y.etp_s, 0.0);
        let fast = 2048.0 * 16.0 * h * 4.0 * 7.0 / 8.0 / nvlink_8;
        let remote = 2048.0 * (1.0 - 0.5f64.powi(8)) * h * 4.0 / network;
        assert!((y.ep_s / fast.max(remote) - 1.0).abs() < 1e-12);
        // Without expert parallelism Megatron-Core's `allgather` dispatcher gathers the layer's
        // tokens: the dense layer's all-reduce.
        let (z, _) = pass("&ep=1&gpus=16&pp=8");
        assert!((z.etp_s / tokens_only - 1.0).abs() < 1e-12);
    }

    #[test]
    fn zero_3_gathers_and_reduce_scatters_share_the_link_against_compute() {
        let q = "model=llama-3-8b&gpu=a100-80g-sxm&gpus=64&tp=1&pp=1&zero=3&micro_batch=1&global_batch=64&net_gbps=100";
        let s = scenario(q);
        let r = Resolved::new(&s);
        let o = operands(&r);
        assert!(o.gathers > 0.0);
        let hand = (o.m * (o.gathers * o.gather_s + o.dp_reduce_s - o.stage[0])).max(0.0)
            + o.last_bucket_s;
        assert!((exposed_as::<f64>(&o)[3] - hand).abs() < 1e-12);
        assert!(
            hand > o.last_bucket_s,
            "the link is the bottleneck at 100 Gb/s"
        );
    }
}
