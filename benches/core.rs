//! Criterion benchmarks of the estimation core (run with `cargo bench --bench core`).
//! Goals (issue #3): one full report under 10 µs; a 512-point GPU-count sweep under 1 ms.
//! Issue #13: a report with `mfu=auto` at a fixed layout at most 20 µs; a full `layout=auto`
//! search at most 20 ms. Issue 22: one report under 20 µs and the sweep under 1 ms with layer
//! schedules.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use suanli::estimate::layout::Layout;
use suanli::estimate::{Scenario, estimate, query, sweep_gpus};

fn bench(c: &mut Criterion) {
    let dense = Scenario::default();
    let moe =
        query::parse("model=deepseek-v3&tokens=14.8T&gpu=h800-sxm&gpus=2048&pp=16&zero=1").scenario;
    c.bench_function("report/llama-3-70b", |b| {
        b.iter(|| estimate(black_box(&dense)))
    });
    c.bench_function("report/deepseek-v3", |b| {
        b.iter(|| estimate(black_box(&moe)))
    });
    // Issue 22: layer schedules (a hybrid linear-attention MoE; a sliding-window model at 128k).
    let hybrid = query::parse("model=qwen3-next-80b-a3b&context_tokens=131072").scenario;
    c.bench_function("report/qwen3-next-80b-a3b", |b| {
        b.iter(|| estimate(black_box(&hybrid)))
    });
    let window = query::parse("model=gemma-3-27b&context_tokens=131072").scenario;
    c.bench_function("report/gemma-3-27b-128k", |b| {
        b.iter(|| estimate(black_box(&window)))
    });
    let auto_fixed = query::parse("mfu=auto&vpp=2").scenario;
    c.bench_function("report/mfu-auto-fixed-layout", |b| {
        b.iter(|| estimate(black_box(&auto_fixed)))
    });
    // Issue 23: a calibrated report fits its factor by bisection over the measured run's step.
    let calibrated = query::parse(
        "model=llama-3-70b&gpu=h100-sxm&gpus=1024&mfu=auto&calib=model%3Dllama-3-8b%26gpus%3D64%26tp%3D1%26pp%3D1&calib_mfu=0.45",
    )
    .scenario;
    c.bench_function("report/mfu-auto-calibrated", |b| {
        b.iter(|| estimate(black_box(&calibrated)))
    });
    // Issue 27: the page reports the scenario at the answer. Devices for a deadline: the
    // inputs' report, then the report at the count; the compute-optimal model: a bisection on
    // its own reports (the page's first view with `solve=model`).
    let gpus = query::parse("mfu=auto&solve=gpus&deadline_days=60").scenario;
    c.bench_function("answer/gpus-for-deadline-mfu-auto", |b| {
        b.iter(|| suanli::estimate::answer::answered(black_box(&gpus)))
    });
    let model = query::parse("mfu=auto&solve=model&deadline_days=60").scenario;
    c.bench_function("answer/compute-optimal-model-mfu-auto", |b| {
        b.iter(|| suanli::estimate::answer::answered(black_box(&model)))
    });
    let search_dense = query::parse("mfu=auto&layout=auto").scenario;
    c.bench_function("search/llama-3-70b-2048-gpus", |b| {
        b.iter(|| estimate(black_box(&search_dense)))
    });
    let search_moe = query::parse(
        "model=deepseek-v3&tokens=14.8T&gpu=h800-sxm&gpus=2048&seq=4096&global_batch=15360&mfu=auto&layout=auto",
    )
    .scenario;
    c.bench_function("search/deepseek-v3-2048-gpus", |b| {
        b.iter(|| estimate(black_box(&search_moe)))
    });
    // Issue 28: the search with folded expert groups, on the recipes' counts and on the largest
    // preset at 16k GPUs.
    for (model, gpus) in [
        ("deepseek-v3", 1024),
        ("qwen3-235b-a22b", 256),
        ("kimi-k2", 16384),
        ("deepseek-v3", 16384),
    ] {
        let big = query::parse(&format!(
            "model={model}&gpu=h100-sxm&gpus={gpus}&mfu=auto&layout=auto"
        ))
        .scenario;
        c.bench_function(&format!("search/{model}-{gpus}-gpus"), |b| {
            b.iter(|| estimate(black_box(&big)))
        });
    }
    let counts: Vec<u32> = (0..512)
        .map(|i| (8.0 * 1.02f64.powi(i)).round() as u32)
        .collect();
    c.bench_function("sweep/512-gpu-counts", |b| {
        b.iter(|| sweep_gpus(black_box(&dense), Layout::of(&dense), black_box(&counts)))
    });
    c.bench_function("query/parse+format", |b| {
        b.iter(|| {
            query::format(
                &query::parse(black_box(
                    "model=llama-3.1-405b&tokens=15.6T&gpus=16384&mfu=40%",
                ))
                .scenario,
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
