//! The audit of "How is this computed": for every derivation row of a broad set of scenarios
//! (every preset, every training precision, every weight and KV-cache width, both currencies,
//! every ZeRO stage, fine-tuning, MoE and MLA, custom architectures and accelerators), the printed
//! operands multiply out to the printed result to the precision they are shown with, and the
//! result is the report's figure for the row's key (to the bit where the row and the figure run
//! one formula). (The peer llm-calc keeps such an audit.)

use suanli::estimate::calc::{self, Calc};
use suanli::estimate::cost::MAX_SPOT_OVERHEAD;
use suanli::estimate::metric_id::MetricId;
use suanli::estimate::reference::metric;
use suanli::estimate::report::Step;
use suanli::estimate::{derivations, estimate, presets, query};

fn scenarios() -> Vec<String> {
    let mut qs: Vec<String> = presets::all()
        .iter()
        .map(|p| format!("model={}", p.id))
        .collect();
    for precision in ["fp32", "tf32", "bf16", "fp16", "fp8"] {
        qs.push(format!("precision={precision}&gpu=h100-sxm"));
        qs.push(format!("precision={precision}&gpu=a100-80g-sxm"));
    }
    for w in [4, 8, 16, 32] {
        for kv in [4, 8, 16, 32] {
            qs.push(format!("weight_bits={w}&kv_bits={kv}"));
            qs.push(format!("model=deepseek-v3&weight_bits={w}&kv_bits={kv}"));
        }
    }
    for zero in 0..=3 {
        qs.push(format!("zero={zero}&tp=1&pp=1&gpus=64"));
        qs.push(format!("model=mixtral-8x7b&zero={zero}&gpus=256"));
    }
    for extra in [
        "currency=cny",
        "currency=cny&cny_per_usd=7.25&price_per_gpu_hour=15",
        "price_tier=spot&gpus=16384",
        "price_tier=spot&gpus=32768&spot_interruptions=100",
        // A budget on spot buys fewer hours: each costs its restarts too (the row printed the
        // on-demand division and missed the figure by the wall factor).
        "price_tier=spot&gpus=4096&budget=5e6&solve=budget",
        "budget=2e6&solve=model",
        "price_tier=reserved_3y&gpu=tpu-v6e&gpus=256&tp=1&pp=1&zero=3&model=llama-3-8b",
        "currency=usd&price_per_gpu_hour=2.5",
        "finetune=lora&lora_rank=64&model=llama-3-8b&tokens=1B",
        "finetune=qlora&model=llama-2-70b",
        "finetune=full&model=qwen2.5-7b&tokens=10B",
        "recompute=none&seq=2048",
        "recompute=full&pp=8&global_batch=4096",
        "params=10B",
        "params=175e9&tokens=300B&gpu=a100-40g-sxm",
        "layers=96&hidden=12288&heads=96&ffn=49152&glu=0&tied=1&vocab=50257",
        "model=deepseek-v3&gpu=h800-sxm&gpus=2048",
        "gpu=custom&peak_tflops=500&hbm_gb=96&bandwidth_gbs=4000",
        "gpu=mi300x&gpus=1024",
        "gpu=mlu370-x8&model=chatglm2-6b&requests_per_s=333&latency_s=3",
        "dataset_tb=4&bytes_per_token=2&epochs=3",
        "users=1M&requests_per_user_per_hour=2&batch=64",
        "deadline_days=7&model=llama-3.1-405b&tokens=15.6T",
        "power_w=450&pue=1.3&grid_kg_per_kwh=0.55",
        "mfu=auto&layout=auto",
        // A utilisation given on hardware FLOPs: the MFU row converts it.
        "hfu=0.45&recompute=full",
        "hfu=0.5&model=deepseek-v3&recompute=selective",
        "model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=16&ep=64&mfu=auto",
        "model=llama-3.1-405b&gpus=16384&tp=8&pp=16&cp=2&seq=8192&mfu=auto",
        "model=llama-3-8b&gpus=64&tp=1&pp=1&zero=3&mfu=auto",
        "gpus=8&tp=8&pp=1&net_gbps=1",
    ] {
        qs.push(extra.to_string());
    }
    qs
}

/// Evaluates the text a row prints (`2 × 80 × (512 + 64) / 1e6`, `ceil(...)`, `sqrt(...)`): the
/// audit reads the row as a person would, not the tree it was printed from.
fn eval_text(text: &str) -> f64 {
    struct P<'a> {
        s: &'a str,
    }
    impl P<'_> {
        fn ws(&mut self) {
            self.s = self.s.trim_start();
        }
        fn eat(&mut self, t: &str) -> bool {
            self.ws();
            if let Some(r) = self.s.strip_prefix(t) {
                self.s = r;
                true
            } else {
                false
            }
        }
        fn sum(&mut self) -> f64 {
            let mut v = self.product();
            while self.eat("+") {
                v += self.product();
            }
            v
        }
        fn product(&mut self) -> f64 {
            let mut v = self.atom();
            loop {
                if self.eat("×") {
                    v *= self.atom();
                } else if self.eat("/") {
                    v /= self.atom();
                } else {
                    return v;
                }
            }
        }
        fn atom(&mut self) -> f64 {
            if self.eat("(") {
                let v = self.sum();
                assert!(self.eat(")"), "unbalanced: {}", self.s);
                return v;
            }
            if self.eat("max(") {
                let a = self.sum();
                assert!(self.eat(","), "max needs two values: {}", self.s);
                let b = self.sum();
                assert!(self.eat(")"), "unbalanced: {}", self.s);
                return a.max(b);
            }
            for (name, f) in [("sqrt(", f64::sqrt as fn(f64) -> f64), ("ceil(", f64::ceil)] {
                if self.eat(name) {
                    let v = self.sum();
                    assert!(self.eat(")"), "unbalanced: {}", self.s);
                    return f(v);
                }
            }
            self.ws();
            let end = self
                .s
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'e' || c == '-'))
                .unwrap_or(self.s.len());
            let (n, rest) = self.s.split_at(end);
            self.s = rest;
            n.parse().unwrap_or_else(|_| panic!("not a number: {n:?}"))
        }
    }
    let mut p = P { s: text };
    let v = p.sum();
    assert!(p.s.trim().is_empty(), "left over: {:?} in {text:?}", p.s);
    v
}

/// Rows whose expression is the formula the report computes its figure with (a `*_as` function
/// generic over `Quantity`, evaluated once as numbers and once as the printed tree): their result
/// is the report's figure to the bit, not merely within the tolerance the others are held to.
const WRITTEN_ONCE: &[MetricId] = &[
    MetricId::PfDays,
    MetricId::TrainingSeconds,
    MetricId::GpuHours,
    MetricId::MemoryPerGpuTotalBytes,
    MetricId::MemoryPerGpuActivationsBytes,
    MetricId::InferenceWeightsBytes,
    MetricId::StepComputeS,
    MetricId::StepTpCommS,
    MetricId::StepPpBubbleS,
    MetricId::StepDpCommS,
    MetricId::StepEpCommS,
    MetricId::StepCpCommS,
    MetricId::StepOptimizerS,
    MetricId::StepMfu,
    MetricId::InferenceMemoryBytes,
    MetricId::Rental,
    MetricId::SpotOverhead,
    MetricId::PurchaseCost,
    MetricId::EnergyJoules,
    MetricId::ElectricityCost,
    MetricId::Co2Kg,
    MetricId::ChinchillaParams,
    MetricId::TokensTrainable,
    MetricId::BudgetGpuHours,
    MetricId::BudgetSeconds,
    MetricId::OptimalParams,
    MetricId::TrainingFlops,
    MetricId::AttentionFlops,
    MetricId::MinGpusForReplica,
    MetricId::InferenceMemoryGpus,
    MetricId::ServingTokensPerSPerGpu,
    MetricId::ServingGpus,
    MetricId::ParamsTotal,
    MetricId::ParamsWithMtp,
    MetricId::Mfu,
    MetricId::StepTimeS,
    MetricId::KvCacheBytesPerToken,
    MetricId::KvCacheBytesAtContext,
    MetricId::KvBoundedBytesAtContext,
];

/// The printed result of a row (before the `then` step, if any).
fn printed_before_step(calc: &Calc) -> f64 {
    calc::show(calc.eval()).parse().unwrap()
}

#[test]
fn every_row_multiplies_out_to_its_printed_result_and_is_the_reports_figure() {
    let mut rows = 0;
    let mut exact = std::collections::BTreeSet::new();
    for q in scenarios() {
        let parsed = query::parse(&q);
        assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
        let report = estimate(&parsed.scenario);
        for d in derivations(&parsed.scenario, &report) {
            let here = format!("{q}: {} = {}", d.metric.key(), d.with_numbers);
            // The row's result is the report's figure for its key, read from the report's JSON
            // (what the CLI prints), so a key spelt apart from its field fails here too.
            let figure =
                metric(&report, d.metric.key()).unwrap_or_else(|| panic!("no figure: {here}"));
            assert!(
                (d.result - figure).abs() <= 1e-9 * figure.abs(),
                "{here}: result {} but the report says {figure}",
                d.result
            );
            // Without a step after the arithmetic, the result is the arithmetic's value.
            if d.then.is_none() {
                assert_eq!(d.result, d.calc.eval(), "{here}");
            }
            if WRITTEN_ONCE.contains(&d.metric) {
                // A device count is the arithmetic rounded up to at least one device.
                let value = match d.then {
                    None => d.result,
                    Some(Step::RoundedUp) => d.calc.eval().ceil().max(1.0),
                    // Spot's share of wall time lost, held at its largest.
                    Some(Step::Capped) => d.calc.eval().min(MAX_SPOT_OVERHEAD),
                    Some(step) => panic!("{here}: {step:?} after a formula written once"),
                };
                assert_eq!(value.to_bits(), figure.to_bits(), "{here}: {figure}");
                exact.insert(d.metric);
            }
            // The printed operands give the printed result: each operand printed rounded moves
            // the product by at most half a percent, and so does the printed result.
            let shown = eval_text(&d.calc.text());
            assert!(
                (shown - d.calc.eval_shown()).abs() <= 1e-9 * shown.abs(),
                "{here}: the text reads {shown}, the tree {}",
                d.calc.eval_shown()
            );
            let printed = printed_before_step(&d.calc);
            let tolerance = 0.005 * (d.calc.rounded_operands() + 1) as f64;
            let ok = if d.calc.has_ceil() {
                (shown - printed).abs() <= tolerance * printed.abs() + 1.0
            } else {
                (shown - printed).abs() <= tolerance * printed.abs() + 1e-12
            };
            assert!(
                ok,
                "{here}: the printed operands give {shown}, printed {printed}"
            );
            // What the page shows is exactly that arithmetic and that result.
            assert!(d.with_numbers.starts_with(&d.calc.text()), "{here}");
            assert!(d.with_numbers.contains(&calc::show(d.result)), "{here}");
            assert!(
                !d.with_numbers.contains("NaN") && !d.with_numbers.contains("inf"),
                "{here}"
            );
            rows += 1;
        }
    }
    // Every row written once was held to the bit (a renamed key would otherwise go unchecked).
    let missing: Vec<_> = WRITTEN_ONCE
        .iter()
        .filter(|k| !exact.contains(*k))
        .collect();
    assert!(missing.is_empty(), "never audited to the bit: {missing:?}");
    // 84 scenarios of 18 rows each.
    assert!(rows >= 1500, "{rows} rows audited");
}

/// The three rows issue 12 found wrong, right.
#[test]
fn four_bit_rows_print_the_group_scales_and_yuan_costs_state_yuan() {
    let parsed = query::parse("kv_bits=4&weight_bits=4");
    let report = estimate(&parsed.scenario);
    let rows = derivations(&parsed.scenario, &report);
    let row = |key: MetricId| rows.iter().find(|d| d.metric == key).unwrap();
    // Llama-3 70B: 80 layers × 2 × 8 KV heads × 128 × (0.5 + 2/128) bytes = 84,480 B per token
    // (4 bits plus a 16-bit scale per group of 128, docs/model.md §5); at bits/8 it read 81,920.
    // The layers come first: the row is the figure's own formula, layers × bytes per layer.
    assert_eq!(
        row(MetricId::KvCacheBytesPerToken).with_numbers,
        "80 × 2 × 8 × 128 × 0.515625 = 84480 B"
    );
    assert_eq!(report.kv_cache_bytes_per_token, 84_480.0);
    // INT4 checkpoints (GPTQ, AWQ) quantise the linear layers and keep the embeddings, norms
    // and head in 16 bits (issue 22): 2.10e9 × 2 + 6.85e10 × 0.515625 = 3.95e10 (it had printed
    // "× 4/8", then 7.06e10 × 0.515625).
    assert_eq!(
        row(MetricId::InferenceWeightsBytes).with_numbers,
        "2.10e9 × 2 + 6.85e10 × 0.515625 = 3.95e10 B"
    );
    // With currency=cny the cost row states the rental in yuan, its own product.
    let cny = query::parse("currency=cny").scenario;
    let report = estimate(&cny);
    let rows = derivations(&cny, &report);
    let cost = rows.iter().find(|d| d.metric == MetricId::Rental).unwrap();
    assert_eq!(cost.result, report.cost.rental);
    assert!(cost.with_numbers.ends_with(" ¥"), "{}", cost.with_numbers);
    // 7.1 CNY per USD (the default rate): the yuan figure is 7.1 times the dollar one.
    assert!((report.cost.rental / report.cost.cost_usd - 7.1).abs() < 1e-9);
}

/// The KV rows over each layer kind: the per-token row prints the figure's own operands
/// (DeepSeek-V3.2's latent, RoPE key and FP8 indexer key), the context rows one term per kind
/// (Gemma 3's windows, Qwen3-Next's linear states), and each is the figure to the bit.
#[test]
fn kv_rows_print_each_layer_kind_and_are_the_figures() {
    for (q, key, numbers) in [
        (
            "model=deepseek-v3.2",
            MetricId::KvCacheBytesPerToken,
            "61 × ((512 + 64) × 2 + 132) = 78324 B",
        ),
        (
            "model=gemma-3-27b",
            MetricId::KvCacheBytesAtContext,
            "10 × 2500 × 8192 + 52 × 1024 × 8192 = 6.41e8 B",
        ),
        (
            "model=gemma-3-27b",
            MetricId::KvBoundedBytesAtContext,
            "52 × 1024 × 8192 = 4.36e8 B",
        ),
        (
            "model=qwen3-next-80b-a3b",
            MetricId::KvCacheBytesAtContext,
            "12 × 2500 × 2048 + 36 × 1097728 = 1.01e8 B",
        ),
    ] {
        let s = query::parse(q).scenario;
        let report = estimate(&s);
        let rows = derivations(&s, &report);
        let row = rows.iter().find(|d| d.metric == key).unwrap();
        assert_eq!(row.with_numbers, numbers, "{q}");
        assert_eq!(
            row.result.to_bits(),
            report.figure(key).to_bits(),
            "{q}: {}",
            key.key()
        );
    }
}
