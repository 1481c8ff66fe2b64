//! Inference memory and serving capacity (docs/model.md §5).

use super::architecture::LayerGroup;
use super::calc::Quantity;
use super::calc::{Calc, add, mul, num};
use super::notice::Notice;
use super::precision::{Precision, WeightFormat, bytes_per_element};
use super::resolve::Resolved;
use serde::Serialize;

/// Share of device memory a serving engine may use: vLLM's default `gpu_memory_utilization`.
pub const SERVING_MEMORY_FRACTION: f64 = 0.9;
/// Achieved share of peak memory bandwidth in decode. Assumption (labelled in the UI).
pub const BANDWIDTH_EFFICIENCY: f64 = 0.8;
/// Achieved share of peak FLOP/s in prefill and compute-bound decode. Assumption (labelled).
pub const COMPUTE_EFFICIENCY: f64 = 0.5;
/// Serving memory: the weights plus each concurrent sequence's KV cache at the context
/// (Kwon et al. 2023 sec. 3), written once for the report and its derivation row.
#[inline]
pub fn memory_as<Q: Quantity>(weights: Q, kv_at_context: Q, sequences: u32) -> Q {
    Q::sum([
        weights,
        Q::product([kv_at_context, Q::of(f64::from(sequences.max(1)))]),
    ])
}

/// The devices serving memory fills, before rounding up: M_inf / (HBM · 90 %), each device
/// filled to vLLM's `gpu_memory_utilization`; written once for the figure and its row.
#[inline]
pub fn memory_devices_as<Q: Quantity>(memory_bytes: Q, hbm_bytes: f64) -> Q {
    Q::quotient(
        memory_bytes,
        Q::product([Q::of(hbm_bytes), Q::of(SERVING_MEMORY_FRACTION)]),
    )
}

// The serving load's formulas, each written once over a Quantity: `serving_on` computes them on
// numbers and the derivation rows print them with the user's numbers (docs/model.md §5).

/// Generated tokens per second per device: B · out / (t_request · replica size) (a replica
/// finishes its B requests of `out` tokens each t_request).
#[inline]
pub fn tokens_per_s_per_gpu_as<Q: Quantity>(
    batch: f64,
    output_tokens: f64,
    request_s: f64,
    replica_gpus: f64,
) -> Q {
    Q::quotient(
        Q::product([Q::of(batch), Q::of(output_tokens)]),
        Q::product([Q::of(request_s), Q::of(replica_gpus)]),
    )
}

/// Replicas a load needs: ceil(req/s · t_request / B) (Little's law: requests in flight =
/// arrival rate × time in the system, B per replica).
#[inline]
pub fn replicas_as<Q: Quantity>(requests_per_s: f64, request_s: f64, batch: f64) -> Q {
    Q::rounded_up(Q::quotient(
        Q::product([Q::of(requests_per_s), Q::of(request_s)]),
        Q::of(batch),
    ))
}

/// Devices a load needs: replicas · replica size.
#[inline]
pub fn serving_gpus_as<Q: Quantity>(replicas: Q, replica_gpus: f64) -> Q {
    Q::product([replicas, Q::of(replica_gpus)])
}

/// The seeds' rule of thumb: inference memory about 1.2 x weights.
pub const RULE_OF_THUMB_FACTOR: f64 = 1.2;

/// Inference and serving figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Serving {
    /// Devices per serving replica (tensor-parallel, a power of two).
    pub replica_gpus: u32,
    /// Concurrent sequences per replica used for the figures below.
    pub batch: u32,
    /// Sequences whose KV cache fits beside the weights in one replica.
    pub max_concurrent_sequences: u64,
    /// Prefill time of one request, s (compute bound).
    pub prefill_s: f64,
    /// Time of one decode step at `batch`, s.
    pub decode_step_s: f64,
    /// Whether the decode step is limited by memory bandwidth (else by compute).
    pub memory_bound: bool,
    /// Time to complete one request at `batch`, s.
    pub request_s: f64,
    /// Time to first token: one request's prefill, s.
    pub ttft_s: f64,
    /// Time per output token: one decode step at `batch`, s.
    pub tpot_s: f64,
    /// Whether `request_s` meets the latency target.
    pub feasible: bool,
    /// The best request latency any replica size tried reaches (one request at a time), s.
    pub best_latency_s: f64,
    /// The replica size that reaches it.
    pub best_latency_replica_gpus: u32,
    /// Rent of the fleet the load needs, per day, in the scenario's currency.
    pub cost_per_day: f64,
    /// Electricity of that fleet per day: devices × power × 24 h × PUE × price per kWh.
    pub electricity_per_day: f64,
    /// Rent per million generated tokens at the load's throughput.
    pub cost_per_million_tokens: f64,
    /// Owning the fleet instead, per day: its purchase written off over three years (an
    /// assumption), electricity not included.
    pub ownership_per_day: f64,
    /// Generated tokens per second per device at `batch`.
    pub tokens_per_s_per_gpu: f64,
    /// Requests per second the load asks for.
    pub requests_per_s: f64,
    /// Replicas the load needs.
    pub replicas: u64,
    /// Devices the load needs.
    pub gpus: u64,
    /// Weights held by each device of a replica, bytes (the weights split over `replica_gpus`).
    pub weights_bytes_per_gpu: f64,
    /// KV cache held by each device of a replica at `batch`, bytes.
    pub kv_cache_bytes_per_gpu: f64,
    /// FLOPs per generated token: 2·N_act.
    pub flops_per_token: f64,
    /// FLOPs of one whole response: 2·N_act·output_tokens.
    pub response_flops: f64,
    /// The seed's "L x D x N" for the same response (length x width x depth): wrong, shown to say so.
    pub seed_response_flops: f64,
}

/// Peak FLOP/s for inference arithmetic at a weight width: 8-bit weights use FP8 (or INT8)
/// tensor cores where the device has them; 4-bit weights are dequantised to 16-bit.
fn inference_peak(r: &Resolved) -> f64 {
    let g = &r.gpu;
    let sixteen = g
        .peak_tflops(g.effective_precision(Precision::Bf16))
        .unwrap_or(g.fp32_tflops);
    let tflops = match weight_formats(r).0.compute_bits() {
        8 => g
            .peak_tflops(Precision::Fp8)
            .unwrap_or(if g.int8_tops > 0.0 {
                g.int8_tops
            } else {
                sixteen
            }),
        32 => g.fp32_tflops.max(1.0),
        _ => sixteen,
    };
    r.s.peak_tflops.unwrap_or(tflops) * 1e12
}

/// The context that sizes the inference memory: as given, or one request's prompt and output.
pub fn context_tokens(s: &super::scenario::Scenario) -> u32 {
    s.context_tokens
        .unwrap_or(s.prompt_tokens.saturating_add(s.output_tokens))
        .max(1)
}

/// Computes serving capacity and the devices a load needs.
///
/// A replica is a power-of-two tensor-parallel group. The smallest one that holds the weights
/// leaves little room for KV cache, so every size up to 8 devices (one node) past that minimum is
/// tried and the one that serves the load on the fewest devices wins (then the higher
/// throughput per device).
pub fn serving(
    r: &Resolved,
    weights_bytes: f64,
    kv: &KvCache,
    notices: &mut Vec<Notice>,
) -> Serving {
    let s = r.s;
    let kv_per_seq = kv.bytes_at(f64::from(s.prompt_tokens + s.output_tokens));
    let usable = SERVING_MEMORY_FRACTION * r.hbm_bytes();
    let smallest = (0..=10)
        .map(|k| 1u32 << k)
        .find(|&n| f64::from(n) * usable >= weights_bytes + kv_per_seq);
    let Some(smallest) = smallest else {
        notices.push(Notice::ServingDoesNotFit);
        return serving_on(r, 1024, weights_bytes, kv);
    };
    // A size that meets the latency target beats any that does not; then the fewest devices
    // (the fastest, where none meets it), then throughput.
    let mut best: Option<Serving> = None;
    let mut fastest = (f64::INFINITY, smallest);
    let mut size = smallest;
    while size <= smallest.max(8) {
        let candidate = serving_on(r, size, weights_bytes, kv);
        if candidate.best_latency_s < fastest.0 {
            fastest = (candidate.best_latency_s, size);
        }
        // Where none meets the target, the fastest replica is the honest answer.
        let key = |c: &Serving| {
            let first = if c.feasible {
                c.gpus as f64
            } else {
                c.request_s
            };
            (!c.feasible, first, -c.tokens_per_s_per_gpu)
        };
        if best
            .as_ref()
            .is_none_or(|b| key(&candidate).partial_cmp(&key(b)) == Some(std::cmp::Ordering::Less))
        {
            best = Some(candidate);
        }
        size *= 2;
    }
    let mut best = best.expect("at least one replica size was tried");
    best.best_latency_s = fastest.0;
    best.best_latency_replica_gpus = fastest.1;
    if !best.feasible {
        notices.push(Notice::LatencyUnreachable {
            best_s: fastest.0,
            replica_gpus: fastest.1,
        });
    }
    best
}

/// Serving figures for replicas of `replica_gpus` devices.
fn serving_on(r: &Resolved, replica_gpus: u32, weights_bytes: f64, kv: &KvCache) -> Serving {
    let s = r.s;
    let kv_per_seq = kv.bytes_at(f64::from(s.prompt_tokens + s.output_tokens));
    let usable = SERVING_MEMORY_FRACTION * r.hbm_bytes();
    let n = f64::from(replica_gpus);
    let max_concurrent = ((n * usable - weights_bytes) / kv_per_seq).floor().max(0.0) as u64;

    let peak = inference_peak(r) * COMPUTE_EFFICIENCY * n;
    let bandwidth = r.gpu.bandwidth_gbs * 1e9 * BANDWIDTH_EFFICIENCY * n;
    let flops_per_token = 2.0 * r.params_active;
    let prefill_s = flops_per_token * f64::from(s.prompt_tokens) / peak;
    // A decode step reads the weights once and each sequence's KV cache and state (average
    // context: prompt plus half the output), or is compute bound at large batch (roofline; Pope
    // et al. 2022).
    let avg_ctx = f64::from(s.prompt_tokens) + f64::from(s.output_tokens) / 2.0;
    let kv_read = kv.bytes_at(avg_ctx);
    let step = |batch: f64| {
        let memory = (weights_bytes + batch * kv_read) / bandwidth;
        let compute = flops_per_token * batch / peak;
        (memory.max(compute), memory >= compute)
    };
    // With continuous batching a replica prefills each of its `batch` requests and decodes them
    // together; a request takes the whole cycle (conservative).
    let request = |batch: f64| batch * prefill_s + f64::from(s.output_tokens) * step(batch).0;
    let cap = max_concurrent.clamp(1, 1 << 20) as u32;
    let batch = if s.batch > 0 {
        s.batch.min(cap)
    } else if request(1.0) > s.latency_s {
        1
    } else {
        // request(batch) grows with batch: bisect for the largest that meets the target.
        let (mut lo, mut hi) = (1u32, cap);
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if request(f64::from(mid)) <= s.latency_s {
                lo = mid
            } else {
                hi = mid - 1
            }
        }
        lo
    };
    let b = f64::from(batch);
    let (decode_step_s, memory_bound) = step(b);
    let request_s = request(b);
    let tokens_per_s_per_gpu = tokens_per_s_per_gpu_as(b, f64::from(s.output_tokens), request_s, n);
    // Concurrent users each wait for their answer, so they hold `users` requests in flight
    // (Little's law: rate = users / request time); otherwise users send requests at a rate.
    let requests_per_s = s.requests_per_s.unwrap_or(if s.users_concurrent {
        s.users / request(b)
    } else {
        s.users * s.requests_per_user_per_hour / 3600.0
    });
    let replicas: f64 = replicas_as(requests_per_s, request_s, b);
    Serving {
        replica_gpus,
        batch,
        max_concurrent_sequences: max_concurrent,
        prefill_s,
        decode_step_s,
        memory_bound,
        request_s,
        ttft_s: prefill_s,
        tpot_s: decode_step_s,
        feasible: request_s <= s.latency_s,
        best_latency_s: request(1.0),
        best_latency_replica_gpus: replica_gpus,
        cost_per_day: 0.0,
        electricity_per_day: 0.0,
        cost_per_million_tokens: 0.0,
        ownership_per_day: 0.0,
        tokens_per_s_per_gpu,
        requests_per_s,
        replicas: replicas as u64,
        gpus: serving_gpus_as(replicas, n) as u64,
        weights_bytes_per_gpu: weights_bytes / f64::from(replica_gpus),
        kv_cache_bytes_per_gpu: f64::from(batch) * kv_per_seq / n,
        flops_per_token,
        response_flops: flops_per_token * f64::from(s.output_tokens),
        seed_response_flops: f64::from(s.output_tokens)
            * f64::from(r.arch.hidden)
            * f64::from(r.arch.layers),
    }
}

/// The weight format serving uses for the linear weights and for the experts: the checkpoint's
/// own (`weight_format=native`, the default) or the one the scenario names for both.
pub fn weight_formats(r: &Resolved) -> (WeightFormat, WeightFormat) {
    match r.s.weight_format {
        Some(f) => (f, f),
        None => (r.arch.format, r.arch.expert_format),
    }
}

/// Inference weight bytes as the derivation prints them: 16-bit embeddings, norms and routers,
/// plus the linear weights and the experts at their formats' bytes (scales included). A bare
/// parameter count scales the architecture's parts to it.
pub fn weights_calc(r: &Resolved) -> Calc {
    let (linear, experts) = weight_formats(r);
    let parts = r.arch.weight_bytes(&r.breakdown, linear, experts);
    let count = |i: usize| match i {
        0 => r.breakdown.embedding + r.breakdown.norms + r.breakdown.router,
        1 => r.breakdown.attention + r.breakdown.dense_ffn,
        _ => {
            r.breakdown.total
                - r.breakdown.embedding
                - r.breakdown.norms
                - r.breakdown.router
                - r.breakdown.attention
                - r.breakdown.dense_ffn
        }
    };
    let scale = if r.breakdown.total > 0.0 {
        r.params_total / r.breakdown.total
    } else {
        1.0
    };
    let terms = (0..3)
        .filter(|&i| count(i) > 0.0)
        .map(|i| mul([num(count(i) * scale), num(parts[i] / count(i))]));
    add(terms)
}

/// Inference weight bytes.
pub fn weights_bytes(r: &Resolved) -> f64 {
    weights_calc(r).eval()
}

/// The KV cache and recurrent state of one sequence, by layer kind, as a function of context.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct KvCache {
    /// The global and the local layers.
    pub groups: [LayerGroup; 2],
}

impl KvCache {
    /// The scenario's cache at its KV width.
    pub fn of(r: &Resolved) -> Self {
        KvCache {
            groups: r.arch.layer_groups(bytes_per_element(r.s.kv_bits)),
        }
    }

    /// Bytes per token of the part that grows without bound, the global layers' (the first
    /// group, which keeps every token): `L_global · 2·g·d_h·bytes` (the vLLM paper sec. 3), or
    /// `L_global · ((d_c + d_rope)·bytes + indexer key)` (DeepSeek-V2 sec. 2.1 and V3.2);
    /// written once for the figure and its derivation row, which prints the per-token operands.
    #[inline(always)]
    pub fn growing_bytes_per_token_as<Q: Quantity>(&self) -> Q {
        let global = &self.groups[0];
        Q::product([
            Q::of(f64::from(global.layers)),
            global.token_bytes_as::<Q>(),
        ])
    }

    /// Bytes of one sequence at `context` tokens: over the layer kinds, `layers · (tokens kept ·
    /// bytes per token + fixed state)`, the tokens kept all of them or at most the window
    /// (docs/model.md §5); written once for the figures, the serving search and the row.
    #[inline(always)]
    pub fn bytes_at_as<Q: Quantity>(&self, context: f64) -> Q {
        let [a, b] = &self.groups;
        Q::sum_nonzero([a.bytes_as(a.kept(context)), b.bytes_as(b.kept(context))])
    }

    /// Of [`Self::bytes_at_as`], the part that stops growing: the windowed (and chunked) layers'
    /// tokens and the fixed states.
    #[inline(always)]
    pub fn bounded_bytes_at_as<Q: Quantity>(&self, context: f64) -> Q {
        let [a, b] = &self.groups;
        let bounded = |g: &LayerGroup| {
            g.bytes_as(if g.window.is_some() {
                g.kept(context)
            } else {
                0.0
            })
        };
        Q::sum_nonzero([bounded(a), bounded(b)])
    }

    /// Bytes per token of the part that grows without bound (the global layers).
    pub fn growing_bytes_per_token(&self) -> f64 {
        self.growing_bytes_per_token_as()
    }

    /// Bytes of one sequence at `context` tokens.
    pub fn bytes_at(&self, context: f64) -> f64 {
        self.bytes_at_as(context)
    }

    /// Of [`Self::bytes_at`]: the part that stops growing (windows, chunks, linear states).
    pub fn bounded_bytes_at(&self, context: f64) -> f64 {
        self.bounded_bytes_at_as(context)
    }
}
