//! Properties that must hold for every valid scenario (proptest).

use proptest::prelude::*;
use suanli::estimate::architecture::{Architecture, Bias, LocalAttention};
use suanli::estimate::precision::{Precision, WeightFormat};
use suanli::estimate::scenario::{
    Currency, Data, Finetune, Optimizer, Recompute, Scenario, Schedule,
};
use suanli::estimate::{estimate, hardware, presets, query, sweep_gpus};

fn arch() -> impl Strategy<Value = Architecture> {
    (
        (
            1u32..200,
            1u32..64,
            1u32..=16,
            16u32..=256,
            1u32..100_000,
            any::<bool>(),
            1000u32..300_000,
            any::<bool>(),
            0usize..3,
        ),
        (
            0u32..64,
            0u32..=8,
            0u32..=2,
            0u32..8192,
            0u32..4,
            prop_oneof![Just(0u32), 64u32..1024],
            0u32..2048,
            0u32..128,
        ),
        (
            0usize..LocalAttention::ALL.len(),
            0u32..8,
            0u32..100_000,
            (1u32..32, 16u32..256, 1u32..64, 16u32..256, 0u32..5),
            (0u32..64, 0u32..256, 0u32..4096),
            1u32..4,
            0u32..3,
            (0usize..7, 0usize..7),
        ),
    )
        .prop_map(
            |(
                (layers, heads, group, head_dim, ffn, glu, vocab, tied, bias),
                (experts, top_k, shared, expert_ffn, dense, kv_latent, q_latent, rope),
                (local, every, window, linear, index, moe_every, mtp, formats),
            )| {
                let mut a = Architecture::decoder(
                    layers,
                    heads * head_dim,
                    heads,
                    (heads / group).max(1),
                    head_dim,
                    ffn,
                    glu,
                    vocab,
                    tied,
                    [Bias::None, Bias::Qkv, Bias::All][bias],
                );
                a.experts = experts;
                a.top_k = top_k.min(experts);
                a.shared_experts = shared;
                a.expert_ffn = expert_ffn;
                a.dense_layers = dense.min(layers);
                a.kv_latent = kv_latent;
                a.q_latent = q_latent;
                a.rope_dim = rope;
                // The layer schedule and native formats (issue 22), as the parser accepts them.
                a.local = LocalAttention::ALL[local];
                a.global_every = every;
                a.window = window;
                (
                    a.linear_key_heads,
                    a.linear_key_dim,
                    a.linear_value_heads,
                    a.linear_value_dim,
                    a.linear_conv,
                ) = linear;
                (a.index_heads, a.index_head_dim, a.index_topk) = index;
                a.moe_every = moe_every;
                a.mtp_layers = mtp;
                a.format = WeightFormat::ALL[formats.0];
                a.expert_format = WeightFormat::ALL[formats.1];
                a
            },
        )
}

/// Models as `parse` makes them: a preset (possibly with a tweak), a custom architecture, or a
/// bare parameter count.
fn model() -> impl Strategy<Value = (Option<String>, Option<Architecture>, Option<f64>)> {
    let n = presets::all().len();
    prop_oneof![
        (0..n, proptest::option::of(1u32..200)).prop_map(|(i, layers)| {
            let p = &presets::all()[i];
            let mut a = p.arch.clone();
            if let Some(l) = layers {
                a.layers = l;
                a.dense_layers = a.dense_layers.min(l);
            }
            (Some(p.id.to_string()), Some(a), None)
        }),
        (arch(), proptest::option::of(1e6f64..1e14)).prop_map(|(a, p)| (None, Some(a), p)),
        (1e6f64..1e14).prop_map(|p| (None, None, Some(p))),
    ]
}

prop_compose! {
    fn scenario()(
        (model, arch, params) in model(),
        tokens in prop_oneof![(1e6f64..1e16).prop_map(Data::Tokens), (1e-6f64..1e6, 0.5f64..16.0).prop_map(|(tb, bytes_per_token)| Data::Dataset { tb, bytes_per_token })],
        (seq, epochs, finetune, lora_rank) in (1u32..200_000, 0.01f64..1000.0, 0usize..4, 1u32..4096),
        (gpu, gpus, mfu, precision, deadline_days) in (0..hardware::CATALOG.len() + 1, 1u32..100_000, 0.01f64..=1.0, 0usize..5, 0.01f64..3650.0),
        (recompute, zero, tp, pp, sp, micro_batch, global_batch, optimizer) in (0usize..3, 0u8..=3, 1u32..=16, 1u32..=16, any::<bool>(), 1u32..16, 1u32..100_000, 0usize..4),
        (prices, currency, cny_per_usd, power_w, pue, grid, elec, net) in ((proptest::option::of(0f64..100.0), proptest::option::of(0f64..1e6)), any::<bool>(), 0.01f64..1000.0, proptest::option::of(1f64..2000.0), 1f64..5.0, 0f64..5.0, 0f64..10.0, 1f64..10_000.0),
        (weight_bits, kv_bits, batch, prompt_tokens, output_tokens, users, rph, latency_s) in (0usize..6, 0usize..4, 0u32..1000, 0u32..100_000, 1u32..100_000, 0f64..1e7, 0f64..100.0, 0.001f64..1e4),
        overrides in (proptest::option::of(1f64..5000.0), proptest::option::of(1f64..1000.0), proptest::option::of(10f64..10_000.0)),
        (context_tokens, concurrent_sequences, users_concurrent) in (proptest::option::of(1u32..10_000_000), 1u32..100_000, any::<bool>()),
        (solve, budget) in (0usize..suanli::estimate::solve::Solve::ALL.len(), proptest::option::of(0f64..1e12)),
        (mfu_auto, layout_auto, ep, cp, vpp, hfu) in (any::<bool>(), proptest::bool::weighted(0.05), 1u32..=8, 1u32..=4, proptest::option::of(1u32..=8), proptest::option::of(0.01f64..=1.0)),
        (tier, tier_prices, checkpoint_hours, spot_interruptions, restart_minutes) in (0usize..4, (proptest::option::of(0f64..100.0), proptest::option::of(0f64..100.0), proptest::option::of(0f64..100.0)), 0.01f64..1000.0, 0f64..100.0, 0f64..10_000.0),
    ) -> Scenario {
        let bits = [4, 8, 16, 32];
        let tp = tp.min(gpus);
        let pp = pp.min((gpus / tp).max(1));
        let gpu = hardware::CATALOG.get(gpu).map_or("custom", |a| a.id).to_string();
        // The cross-field rules the parser enforces (query::validate).
        let cp = cp.min((gpus / (tp * pp)).max(1));
        let ep = ep.min((gpus / (tp * pp * cp)).max(1));
        let ep = arch.as_ref().map_or(ep, |a: &suanli::estimate::architecture::Architecture| ep.min(a.experts.max(1)));
        let vpp = match (vpp, arch.as_ref()) {
            (Some(v), Some(a)) => Some(v.min((a.layers / pp).max(1))),
            (v, _) => v,
        };
        // The parser's rules: vpp > 1 only under 1F1B, DualPipe only on an even pp; the EP
        // overlap under 1F1B, not at vpp 1 over stages, nor with full recomputation.
        let schedule = match Schedule::ALL[tier % 3] {
            _ if vpp.is_some_and(|v| v > 1) => Schedule::OneFOneB,
            Schedule::DualPipe if pp % 2 == 1 => Schedule::OneFOneB,
            other => other,
        };
        Scenario {
            model, arch, params, active_params: None, seq, data: tokens, epochs,
            finetune: [Finetune::None, Finetune::Full, Finetune::Lora, Finetune::Qlora][finetune], lora_rank,
            gpu, peak_tflops: overrides.0, hbm_gb: overrides.1, bandwidth_gbs: overrides.2,
            gpus, mfu: if mfu_auto { Scenario::default().mfu } else { mfu }, mfu_auto, hfu, precision: Precision::ALL[precision], deadline_days,
            recompute: [Recompute::None, Recompute::Selective, Recompute::Full][recompute], zero, tp, pp, sp, tp_overlap: sp && budget.is_some(), attn_kernel: if zero == 2 { suanli::estimate::scenario::AttnKernel::Unfused } else { suanli::estimate::scenario::AttnKernel::Flash }, ep_overlap: budget.is_some() && (pp == 1 || (schedule == Schedule::OneFOneB && vpp != Some(1))) && (layout_auto || recompute != 2), ep, cp, vpp, schedule, layout_auto,
            ep_dispatch: if sp { suanli::estimate::scenario::EpDispatch::DeepEp } else { suanli::estimate::scenario::EpDispatch::AllToAll },
            // The parser's rule: an FP8 dispatch with DeepEP in FP8 training only.
            ep_fp8: sp && Precision::ALL[precision] == Precision::Fp8 && budget.is_some(),
            calib: None, calib_mfu: None, calib_step_s: None, calib_tokens_per_gpu_s: None,
            // Folded expert groups (issue 28): ETP 1 for half the scenarios; the parser's cap on
            // ep (tp · cp · dp / etp) holds since ep is within dp.
            etp: (ep % 2 == 0).then_some(1),
            micro_batch: micro_batch.min(global_batch), global_batch,
            optimizer: [Optimizer::AdamW, Optimizer::AdamWFp32Grads, Optimizer::Sgd, Optimizer::Adam8bit][optimizer],
            price_per_gpu_hour: prices.0, gpu_price: prices.1,
            price_tier: suanli::estimate::scenario::PriceTier::ALL[tier],
            price_reserved_1y: tier_prices.0, price_reserved_3y: tier_prices.1, price_spot: tier_prices.2,
            checkpoint_hours, spot_interruptions, restart_minutes,
            currency: if currency { Currency::Cny } else { Currency::Usd }, cny_per_usd, power_w, pue,
            grid_kg_per_kwh: grid, electricity_per_kwh: elec, net_gbps: Some(net),
            weight_format: [None, Some(WeightFormat::Int4), Some(WeightFormat::Mxfp4), Some(WeightFormat::Fp8), Some(WeightFormat::Bf16), Some(WeightFormat::Fp32)][weight_bits], kv_bits: bits[kv_bits], batch, prompt_tokens, output_tokens,
            users, requests_per_user_per_hour: rph, requests_per_s: overrides.0.map(|x| x / 10.0), latency_s,
            context_tokens, concurrent_sequences, users_concurrent,
            solve: suanli::estimate::solve::Solve::ALL[solve], budget,
            // A second chip for a third of the scenarios (issue 27).
            vs_gpu: (solve % 3 == 0).then(|| "b200".to_string()),
        }
    }
}

/// Walks a JSON value and returns the path of the first number that is NaN/infinite (serde
/// writes those as null) or negative. Options that are null by design are skipped: no memory
/// minimum (never fits), no cheaper layout, no device count that meets the deadline.
fn first_bad_number(v: &serde_json::Value, path: &str) -> Option<String> {
    match v {
        serde_json::Value::Null
            if !path.ends_with("min_gpus_to_fit")
                && !path.ends_with("deadline_fix")
                && !path.ends_with(".gpus_for_deadline") =>
        {
            Some(format!("{path} is null (NaN or infinite)"))
        }
        serde_json::Value::Number(n) if n.as_f64().is_none_or(|x| x < 0.0) => {
            Some(format!("{path} = {n}"))
        }
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .find_map(|(i, x)| first_bad_number(x, &format!("{path}.{i}"))),
        serde_json::Value::Object(o) => o
            .iter()
            .find_map(|(k, x)| first_bad_number(x, &format!("{path}.{k}"))),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn format_then_parse_is_identity(s in scenario()) {
        let q = query::format(&s);
        let parsed = query::parse(&q);
        prop_assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
        prop_assert_eq!(parsed.scenario, s, "{}", q);
    }

    #[test]
    fn no_output_is_nan_infinite_or_negative(s in scenario()) {
        let r = estimate(&s);
        let json = serde_json::to_value(&r).unwrap();
        prop_assert_eq!(first_bad_number(&json, ""), None);
    }

    #[test]
    fn more_gpus_never_means_more_days_and_gpu_hours_are_invariant(s in scenario(), a in 1u32..100_000, b in 1u32..100_000) {
        let (lo, hi) = (a.min(b), a.max(b));
        let pts = sweep_gpus(&s, suanli::estimate::layout::Layout::of(&s), &[lo, hi]);
        // At a fixed MFU; with mfu=auto more devices can be slower, as communication grows.
        prop_assert!(s.mfu_auto || pts[1].seconds <= pts[0].seconds);
        let hours = |p: &suanli::estimate::report::SweepPoint| p.seconds / 3600.0 * f64::from(p.gpus);
        prop_assert!(s.mfu_auto || (hours(&pts[0]) / hours(&pts[1]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn each_zero_stage_uses_no_more_memory_than_the_one_before(s in scenario()) {
        let r = estimate(&s);
        for k in 0..3 {
            prop_assert!(r.memory_by_zero[k + 1].total_bytes <= r.memory_by_zero[k].total_bytes * (1.0 + 1e-12));
        }
    }

    #[test]
    fn parsing_any_string_never_panics(input in ".{0,200}") {
        let p = query::parse(&input);
        // Every problem is named: a field and a value are always present.
        for e in p.errors.iter().chain(&p.warnings) {
            prop_assert!(!e.field.is_empty());
        }
    }

    /// One scenario, one truth (issue 27): the report at the answer is finite, and where the
    /// answer is a device count for a deadline, the days on that count meet the deadline.
    #[test]
    fn the_report_at_the_answer_agrees_with_the_answer(s in scenario()) {
        let a = suanli::estimate::answer::answered(&s);
        let json = serde_json::to_value(&a.report).unwrap();
        prop_assert_eq!(first_bad_number(&json, ""), None);
        if s.solve == suanli::estimate::solve::Solve::Gpus && a.unanswered.is_none() {
            let days = a.report.training.training_seconds / 86_400.0;
            prop_assert!(days <= s.deadline_days * (1.0 + 1e-9), "{} days for a {}-day deadline on {} devices", days, s.deadline_days, a.scenario.gpus);
        }
    }
}
