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

fn report(q: &str) -> suanli::estimate::Report {
    let parsed = query::parse(q);
    assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
    estimate(&parsed.scenario)
}

/// Memory per device by hand under folding: dense states over tp · pp (ZeRO over dp · cp),
/// routed experts over pp · etp · ep (ZeRO over edp = tp · cp · dp / (etp · ep)), mixed-precision
/// AdamW 2 + 2 + 12 bytes, ZeRO-1 sharding the optimizer only.
fn model_states_by_hand(r: &suanli::estimate::Report, zero_ranks: f64) -> f64 {
    let l = &r.layout;
    let b = &r.params_breakdown;
    let trained = r.params_with_mtp;
    let share = b.routed_experts / b.total;
    let (tp, pp, cp, dp, ep, etp) = (
        f64::from(l.tp),
        f64::from(l.pp),
        f64::from(l.cp),
        f64::from(l.dp),
        f64::from(l.ep),
        f64::from(l.etp),
    );
    let edp = tp * cp * dp / (etp * ep);
    let dense = trained * (1.0 - share) / (tp * pp);
    let experts = trained * share / (pp * etp * ep);
    let _ = zero_ranks;
    (2.0 + 2.0) * (dense + experts) + 12.0 * (dense / (dp * cp) + experts / edp)
}

#[test]
fn the_recipes_folded_layouts_are_accepted_and_fit() {
    // NVIDIA's MoE recipes on H100: DeepSeek-V3 on 1024 GPUs with TP 2, PP 16, EP 64 (DP 32),
    // and Qwen3-235B-A22B on 256 with TP 2, PP 8, VPP 4, EP 32 (DP 16): EP exceeds DP, so the
    // expert group folds over TP (ETP 1).
    for (q, dp, ep) in [
        (
            "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=64",
            32,
            64,
        ),
        (
            "model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&tp=2&pp=8&vpp=4&ep=32",
            16,
            32,
        ),
    ] {
        let r = report(q);
        assert_eq!((r.layout.dp, r.layout.ep, r.layout.etp), (dp, ep, 1), "{q}");
        // edp = 2 · 1 · dp / (1 · ep) = 1: one copy of the experts per stage.
        assert_eq!(r.layout.expert_dp(), 1, "{q}");
        assert!(
            r.memory_per_gpu.fits,
            "{q}: {} GB",
            r.memory_per_gpu.total_bytes / 1e9
        );
        let hand = model_states_by_hand(&r, 0.0);
        let got = r.memory_per_gpu.model_states_bytes;
        assert!((got / hand - 1.0).abs() < 1e-9, "{q}: {got} vs {hand}");
    }
}

#[test]
fn expert_tensor_parallelism_and_expert_data_parallelism_are_their_own_collectives() {
    // DeepSeek-V3 on 1024 H100, TP 2, PP 16, DP 32, EP 32: ETP 2 (the unfolded layout, ep
    // divides dp) all-reduces each MoE layer's expert output over 2 ranks; ETP 1 does not, and
    // then 2 copies of the experts (edp = 2 · 32 / 32) reduce their gradients. Without sequence
    // parallelism the TP collectives sit between the GEMMs, exposed, so each shows.
    let base = "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=32&sp=0";
    let unfolded = report(base);
    assert_eq!(unfolded.layout.etp, 2);
    assert!(unfolded.step.etp_comm_s > 0.0);
    assert_eq!(unfolded.step.edp_comm_s, 0.0, "edp = 2·32/(2·32) = 1");
    let folded = report(&format!("{base}&etp=1"));
    assert_eq!(folded.step.etp_comm_s, 0.0);
    assert_eq!(folded.layout.expert_dp(), 2);
    assert!(folded.step.edp_comm_s > 0.0);
    // The attention's tensor-parallel collectives are the same in both: what ETP 1 removes is
    // the experts' share of the TP part.
    let attention = |r: &suanli::estimate::Report| r.step.tp_comm_s - r.step.etp_comm_s;
    assert!((attention(&folded) / attention(&unfolded) - 1.0).abs() < 1e-9);
    // Each device holds twice the expert states with ETP 1 (not split over TP), sharded over
    // edp 2 under ZeRO-1's optimizer: by hand.
    let hand = model_states_by_hand(&folded, 0.0);
    assert!((folded.memory_per_gpu.model_states_bytes / hand - 1.0).abs() < 1e-9);
}

#[test]
fn an_expert_group_larger_than_a_stage_is_refused_naming_ep() {
    // 1024 GPUs over PP 16: 64 ranks a stage; ETP 1 × EP 128 does not fit in them.
    let parsed = query::parse("model=deepseek-v3&gpus=1024&tp=2&pp=16&ep=128&etp=1");
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.errors[0].field, "ep");
    assert!(parsed.errors[0].to_string().contains("tp · cp · dp / etp"));
    // ETP larger than the stage is refused naming etp.
    let parsed = query::parse("model=deepseek-v3&gpus=64&tp=2&pp=16&etp=8");
    assert_eq!(parsed.errors[0].field, "etp");
}

#[test]
fn layout_auto_considers_folded_layouts() {
    // The search offers, for every EP, the unfolded expert group (ETP = TP, EP dividing DP·CP)
    // and the folded one (ETP 1, EP dividing TP·CP·DP). On 256 H100 for Qwen3-235B-A22B folded
    // layouts (ETP 1 under TP 2) are among the ten fastest.
    let r = report("model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&mfu=auto&layout=auto");
    assert!(
        r.layouts.iter().any(|c| c.layout.etp < c.layout.tp),
        "{:?}",
        r.layouts
    );
    // On 1024 H100 for DeepSeek-V3, folded layouts are among the ten fastest.
    let r = report("model=deepseek-v3&gpu=h100-sxm&gpus=1024&mfu=auto&layout=auto");
    assert!(
        r.layouts.iter().any(|c| c.layout.etp < c.layout.tp),
        "{:?}",
        r.layouts
    );
}
