//! Launch settings for the frameworks people run (issue 26): every emitted flag or key exists in
//! the framework's own argument parser or config schema at the version the export names (the
//! lists in `fixtures/frameworks/`, each headed by the file and release it was taken from), the
//! numbers reproduce the scenario's layout, and each export of three scenarios matches its
//! reviewed insta snapshot (`snapshots/launch/{scenario}-{framework}.snap`: a short header naming
//! the scenario's query, then the export as written).
//!
//! An export that differs fails the test and prints the diff; run locally, insta also writes the
//! new export beside the old one as `.snap.new` (ignored by git), and with `CI` set it writes
//! nothing. To accept an intended change: `INSTA_UPDATE=always cargo test --test launch`, then
//! review `git diff tests/snapshots/launch/` before committing.

use suanli::estimate::{Report, Scenario, estimate, query};
use suanli::launch::{Framework, launch};

/// The three scenarios the issue names: a dense model with TP and PP, an MoE with EP, and a
/// long-context run with CP.
const SCENARIOS: &[(&str, &str)] = &[
    (
        "dense",
        "model=llama-3.1-405b&gpus=16384&tp=8&pp=16&vpp=4&global_batch=2048&seq=8192&recompute=full&users=10000",
    ),
    (
        "moe",
        "model=deepseek-v3&gpu=h100-sxm&gpus=1024&tp=2&pp=16&ep=64&global_batch=4096&precision=fp8&kv_bits=8&ep_overlap=1",
    ),
    (
        "long-context",
        "model=llama-3.1-8b&gpus=256&tp=4&pp=1&cp=8&seq=131072&global_batch=64&zero=3&prompt_tokens=120000&output_tokens=2000",
    ),
];

fn scenario(q: &str) -> (Scenario, Report) {
    let parsed = query::parse(q);
    assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
    let r = estimate(&parsed.scenario);
    (parsed.scenario, r)
}

/// The names a framework defines, from its list (comment lines start with `#`).
fn defined(f: Framework) -> Vec<String> {
    let text = match f {
        Framework::Megatron => include_str!("fixtures/frameworks/megatron-lm.txt"),
        Framework::Torchtitan => include_str!("fixtures/frameworks/torchtitan.txt"),
        Framework::Deepspeed => include_str!("fixtures/frameworks/deepspeed.txt"),
        Framework::Vllm => include_str!("fixtures/frameworks/vllm.txt"),
        Framework::Sglang => include_str!("fixtures/frameworks/sglang.txt"),
    };
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

#[test]
fn every_emitted_name_exists_in_its_frameworks_own_list() {
    for f in Framework::ALL {
        let names = defined(f);
        assert!(names.len() > 20, "{}: {} names", f.id(), names.len());
        for (tag, q) in SCENARIOS {
            let (s, r) = scenario(q);
            let out = launch(f, &s, &r);
            assert!(!out.names.is_empty());
            for name in &out.names {
                assert!(
                    names.contains(name),
                    "{} ({tag}): {name} is not in {}'s list",
                    f.id(),
                    f.version()
                );
                // Every name the export lists is in its text.
                let leaf = name.rsplit('.').next().unwrap();
                assert!(out.text.contains(leaf), "{name} not in the text");
            }
        }
    }
}

/// The value after `flag` in a command line.
fn value<'a>(text: &'a str, flag: &str) -> Option<&'a str> {
    let at = text.find(&format!("{flag} "))? + flag.len() + 1;
    text[at..].split_whitespace().next()
}

fn number(text: &str, flag: &str) -> u64 {
    value(text, flag)
        .unwrap_or_else(|| panic!("{flag} missing in {text}"))
        .trim_matches('"')
        .parse()
        .unwrap()
}

#[test]
fn the_exported_numbers_reproduce_the_layout() {
    for (tag, q) in SCENARIOS {
        let (s, r) = scenario(q);
        let l = r.layout;
        // Megatron derives dp from the world size: nodes × GPUs per node / (tp · pp · cp).
        let m = launch(Framework::Megatron, &s, &r).text;
        let nodes = number(&m, "--nnodes");
        let per_node = number(&m, "--nproc-per-node");
        let tp = number(&m, "--tensor-model-parallel-size");
        let pp = number(&m, "--pipeline-model-parallel-size");
        let cp = number(&m, "--context-parallel-size");
        assert_eq!(nodes * per_node, u64::from(l.devices()), "{tag}");
        assert_eq!(
            (tp, pp, cp),
            (u64::from(l.tp), u64::from(l.pp), u64::from(l.cp)),
            "{tag}"
        );
        let dp = nodes * per_node / (tp * pp * cp);
        assert_eq!(dp, u64::from(l.dp), "{tag}");
        // Gradient accumulation is global / (micro · dp), whole.
        let micro = number(&m, "--micro-batch-size");
        let global = number(&m, "--global-batch-size");
        assert_eq!(global, u64::from(s.global_batch), "{tag}");
        assert_eq!(global % (micro * dp), 0, "{tag}");
        if l.vpp > 1 {
            // Layers per virtual stage × vpp × pp covers the model.
            let per_virtual = number(&m, "--num-layers-per-virtual-pipeline-stage");
            assert_eq!(
                per_virtual * u64::from(l.vpp) * pp,
                u64::from(s.arch.as_ref().unwrap().layers.div_ceil(l.pp) * l.pp),
                "{tag}"
            );
        }
        if l.ep > 1 {
            assert_eq!(number(&m, "--expert-model-parallel-size"), u64::from(l.ep));
            assert_eq!(
                number(&m, "--expert-tensor-parallel-size"),
                u64::from(l.etp)
            );
        }
        // torchtitan: the degrees multiply to the devices.
        let t = launch(Framework::Torchtitan, &s, &r).text;
        let degree = |key: &str| -> u64 {
            t.lines()
                .find_map(|line| line.strip_prefix(&format!("{key} = ")))
                .unwrap_or_else(|| panic!("{key} missing"))
                .trim_matches('"')
                .parse()
                .unwrap()
        };
        assert_eq!(
            degree("data_parallel_shard_degree")
                * degree("tensor_parallel_degree")
                * degree("pipeline_parallel_degree")
                * degree("context_parallel_degree"),
            u64::from(l.devices()),
            "{tag}"
        );
        assert_eq!(degree("global_batch_size"), u64::from(s.global_batch));
        // DeepSpeed: train_batch_size = micro × accumulation × dp.
        let d: serde_json::Value =
            serde_json::from_str(&launch(Framework::Deepspeed, &s, &r).text).unwrap();
        assert_eq!(
            d["train_batch_size"].as_u64().unwrap(),
            d["train_micro_batch_size_per_gpu"].as_u64().unwrap()
                * d["gradient_accumulation_steps"].as_u64().unwrap()
                * u64::from(l.dp)
        );
        assert_eq!(
            d["zero_optimization"]["stage"].as_u64(),
            Some(u64::from(l.zero))
        );
        // Serving: the replica's devices and batch.
        let v = launch(Framework::Vllm, &s, &r).text;
        assert_eq!(
            number(&v, "--tensor-parallel-size"),
            u64::from(r.serving.replica_gpus)
        );
        assert_eq!(
            number(&v, "--max-num-seqs"),
            u64::from(r.serving.batch.max(1))
        );
        let g = launch(Framework::Sglang, &s, &r).text;
        assert_eq!(number(&g, "--tp-size"), u64::from(r.serving.replica_gpus));
    }
}

#[test]
fn what_a_framework_cannot_express_is_said_not_changed() {
    // ZeRO-3 in Megatron (its distributed optimizer is ZeRO-1): said, not silently dropped.
    let (s, r) = scenario(SCENARIOS[2].1);
    let m = launch(Framework::Megatron, &s, &r);
    assert!(
        m.notes.iter().any(|n| n.starts_with("ZeRO-3")),
        "{:?}",
        m.notes
    );
    assert!(m.text.contains("# ZeRO-3"));
    // torchtitan's FSDP is ZeRO-3: a ZeRO-1 scenario says so.
    let (s, r) = scenario(SCENARIOS[0].1);
    let t = launch(Framework::Torchtitan, &s, &r);
    assert!(
        t.notes
            .iter()
            .any(|n| n.contains("ZeRO-1 is not expressible"))
    );
    // DeepSpeed's JSON holds no model parallelism: the note names the sizes.
    let d = launch(Framework::Deepspeed, &s, &r);
    assert!(d.notes[0].contains("tp 8, pp 16"), "{:?}", d.notes);
    // A sliding-window model's windows are named for the model's own code.
    let (s, r) = scenario("model=gemma-3-27b&gpus=64&tp=4&pp=2");
    let m = launch(Framework::Megatron, &s, &r);
    assert!(
        m.notes
            .iter()
            .any(|n| n.contains("1024-token sliding window"))
    );
}

#[test]
fn each_export_matches_its_reviewed_snapshot() {
    for (tag, q) in SCENARIOS {
        let (s, r) = scenario(q);
        for f in Framework::ALL {
            let text = launch(f, &s, &r).text;
            let ext = match f {
                Framework::Torchtitan => "toml",
                Framework::Deepspeed => "json",
                _ => "sh",
            };
            let name = format!("{tag}-{}", f.id());
            // insta ignores whitespace at the very end when it compares; an export is a text
            // file ending in one newline, so that much is checked here.
            assert!(
                text.ends_with('\n') && text.trim_end().len() + 1 == text.len(),
                "{name}: the export does not end in exactly one newline"
            );
            insta::with_settings!({
                snapshot_path => "snapshots/launch",
                prepend_module_to_snapshot => false,
                description => format!(".{ext} export of {q}"),
            }, {
                insta::assert_snapshot!(name, text);
            });
        }
    }
}

#[test]
fn layout_auto_exports_the_searched_layout() {
    let (s, r) = scenario("model=qwen3-235b-a22b&gpu=h100-sxm&gpus=256&mfu=auto&layout=auto");
    let m = launch(Framework::Megatron, &s, &r).text;
    assert_eq!(
        number(&m, "--tensor-model-parallel-size"),
        u64::from(r.layout.tp)
    );
    assert_eq!(
        number(&m, "--pipeline-model-parallel-size"),
        u64::from(r.layout.pp)
    );
    assert_eq!(
        number(&m, "--expert-model-parallel-size"),
        u64::from(r.layout.ep)
    );
    assert_eq!(
        number(&m, "--expert-tensor-parallel-size"),
        u64::from(r.layout.etp)
    );
}

#[test]
fn the_cli_exports_and_refuses_loudly() {
    use std::process::Command;
    let cli = env!("CARGO_BIN_EXE_suanli");
    let ok = Command::new(cli)
        .args(["--export", "vllm", "model=gpt-oss-120b&gpu=h100-sxm"])
        .output()
        .unwrap();
    assert!(ok.status.success());
    let text = String::from_utf8(ok.stdout).unwrap();
    assert!(text.contains("vllm serve openai/gpt-oss-120b"), "{text}");
    // A query with an error gets no command: a run nobody asked for must not start.
    let bad = Command::new(cli)
        .args(["--export", "megatron", "model=deepseek-v3&gpus=abc"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(bad.stdout.is_empty());
    assert!(String::from_utf8(bad.stderr).unwrap().contains("gpus"));
    // An unknown framework names the allowed ones.
    let unknown = Command::new(cli)
        .args(["--export", "slurm", "v=1"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8(unknown.stderr)
            .unwrap()
            .contains("megatron, torchtitan")
    );
}
