//! MoE layouts folded over the tensor, context and data ranks (issue 28; Liu et al. 2025,
//! arXiv 2504.14960, MoE parallel folding; Megatron-Core `--expert-tensor-parallel-size`).

use serde_json::Value;
use suanli::estimate::{estimate, query};

/// Layouts the planner accepted before folding: dense and MoE, with TP, PP, CP, EP and every
/// ZeRO stage. Their reports must not change.
const BEFORE: &[&str] = &[
    "v=1",
    "model=llama-3.1-405b&gpus=16384&tp=8&pp=16&cp=1&zero=1",
    "model=llama-3-70b&gpus=1024&tp=4&pp=2&cp=2&seq=16384&zero=3",
    "model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=16&ep=64&zero=1",
    "model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=2&pp=8&ep=8&zero=2",
    "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=32",
    "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=4&pp=8&cp=2&ep=16&seq=8192",
    "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=8&vpp=4&ep=16",
    "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=4&pp=4&ep=8&zero=3",
    "model=qwen3-30b-a3b&gpus=64&tp=2&pp=1&ep=32",
    "model=mixtral-8x7b&gpus=128&tp=8&pp=1&ep=8&recompute=full",
    "model=kimi-k2&gpu=h800-sxm&gpus=4096&tp=1&pp=16&ep=256",
    "model=gpt-oss-120b&gpus=64&tp=4&pp=1&ep=16&mfu=auto",
    "model=deepseek-v3&gpu=h800-sxm&gpus=2048&mfu=auto&layout=auto",
];

/// The figures a layout decides: memory per device, the step and its parts, the time.
fn figures(q: &str) -> Value {
    let r = estimate(&query::parse(q).scenario);
    let json = serde_json::to_value(&r).unwrap();
    let mut out = serde_json::Map::new();
    for key in [
        "memory_per_gpu",
        "step",
        "layout",
        "training_seconds",
        "min_gpus_to_fit",
    ] {
        out.insert(key.into(), json[key].clone());
    }
    Value::Object(out)
}

/// Whether every key of `want` is in `got` with the same value (new keys may be added).
/// Numbers compare to 1e-12: serde_json's default reader may be off in the last bit.
fn contains(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (Value::Object(g), Value::Object(w)) => w
            .iter()
            .all(|(k, v)| g.get(k).is_some_and(|gv| contains(gv, v))),
        (Value::Number(g), Value::Number(w)) => {
            let (g, w) = (g.as_f64().unwrap(), w.as_f64().unwrap());
            g == w || ((g - w) / w).abs() < 1e-12
        }
        _ => got == want,
    }
}

#[test]
fn layouts_accepted_before_folding_give_the_same_report() {
    let path = format!(
        "{}/tests/fixtures/layouts-before-folding.json",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("WRITE_LAYOUT_FIXTURE").is_some() {
        let all: serde_json::Map<String, Value> =
            BEFORE.iter().map(|q| (q.to_string(), figures(q))).collect();
        std::fs::write(&path, serde_json::to_string_pretty(&all).unwrap()).unwrap();
        return;
    }
    let fixture: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(fixture.len(), BEFORE.len());
    for q in BEFORE {
        let parsed = query::parse(q);
        assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
        assert!(contains(&figures(q), &fixture[*q]), "{q} changed");
    }
}
