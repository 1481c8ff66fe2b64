//! The README and the documents it points to say what the code does: the scenario language
//! exactly as the CLI prints it, the two commands first, the held-out error the code computes.

#[test]
fn docs_list_every_field_as_the_cli_does() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_suanli"))
        .arg("--fields")
        .output()
        .expect("runs");
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().count() > 60, "{table}");
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/scenario-language.md"
    ))
    .unwrap();
    assert!(
        doc.contains(&table),
        "docs/scenario-language.md's field table is stale: run ./scripts/readme-fields"
    );
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let head: Vec<&str> = readme.lines().take(6).collect();
    assert!(
        head.iter().any(|l| l.starts_with("./scripts/serve")),
        "{head:?}"
    );
    assert!(
        head.iter().any(|l| l.starts_with("./scripts/test")),
        "{head:?}"
    );
    let ci = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).unwrap();
    assert!(ci.contains("./scripts/test"));
}

/// Every citation of the model in code and tests points at a section that `docs/model.md` has,
/// and none names a file the repository does not hold (issue 12).
#[test]
fn citations_point_at_sections_of_docs_model() {
    let root = env!("CARGO_MANIFEST_DIR");
    let model = std::fs::read_to_string(format!("{root}/docs/model.md")).unwrap();
    let mut files = Vec::new();
    let mut dirs = vec![format!("{root}/src"), format!("{root}/tests")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                if !p.ends_with("node_modules") && !p.ends_with("out") {
                    dirs.push(p.to_string_lossy().into_owned());
                }
            } else if p.extension().is_some_and(|x| x == "rs" || x == "js") {
                files.push(p);
            }
        }
    }
    let mut cited = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        // Spelled in pieces, so this file does not match itself.
        let stale_names = [
            concat!("reference", "/"),
            concat!("formulas", ".md"),
            concat!("published-runs", ".md"),
            concat!("accelerators", ".md"),
        ];
        for stale in stale_names {
            assert!(!text.contains(stale), "{} cites {stale}", f.display());
        }
        for (i, _) in text.match_indices("docs/model.md") {
            let rest = &text[i + "docs/model.md".len()..];
            let rest = rest.trim_start_matches('`').trim_start();
            if let Some(n) = rest.strip_prefix('§') {
                let digits: String = n.chars().take_while(char::is_ascii_digit).collect();
                if digits.is_empty() {
                    continue; // this test's own format strings
                }
                assert!(
                    model.contains(&format!("## §{digits} ")),
                    "{} cites docs/model.md §{digits}, which it lacks",
                    f.display()
                );
                cited += 1;
            }
        }
    }
    assert!(cited >= 30, "{cited} citations found");
}

#[test]
fn the_cli_reads_a_config_and_prints_the_catalogs() {
    let dir = std::env::temp_dir().join(format!("suanli-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.json");
    // Qwen/Qwen3-8B's config.json (trimmed); the query's layers=40 goes on top of its 36.
    std::fs::write(
        &path,
        r#"{"model_type":"qwen3","hidden_size":4096,"intermediate_size":12288,
        "num_attention_heads":32,"num_hidden_layers":36,"num_key_value_heads":8,"head_dim":128,
        "vocab_size":151936,"tie_word_embeddings":false,"rope_theta":1000000}"#,
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_suanli"))
            .args(args)
            .output()
            .expect("runs");
        (
            out.status.success(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let (ok, out, err) = run(&[
        "--config",
        path.to_str().unwrap(),
        "--json",
        "gpus=512&layers=40",
    ]);
    assert!(ok, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    // Qwen3-8B counts 8,190,726,144 at 36 layers; each further layer adds 192,946,176 (its
    // attention 41,943,040, FFN 150,994,944 and two norms of 4096).
    assert_eq!(
        report["params_total"].as_f64(),
        Some(8_190_726_144.0 + 4.0 * 192_946_176.0)
    );
    assert!(report["scenario"].as_str().unwrap().contains("gpus=512"));
    assert!(err.contains("rope_theta"), "ignored fields named: {err}");
    // A file that is not a config fails, naming why.
    std::fs::write(&path, "not json").unwrap();
    let (ok, _, err) = run(&["--config", path.to_str().unwrap()]);
    assert!(!ok && err.contains("json:"), "{err}");

    let (ok, out, _) = run(&["--catalog"]);
    assert!(ok);
    let catalog: serde_json::Value = serde_json::from_str(&out).unwrap();
    let models = catalog["models"].as_array().unwrap();
    let accelerators = catalog["accelerators"].as_array().unwrap();
    assert!(models.len() >= 40 && accelerators.len() >= 35);
    for entry in models.iter().chain(accelerators) {
        for key in ["id", "name", "source"] {
            assert!(
                entry[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {entry}"
            );
        }
    }
    let v3 = models.iter().find(|m| m["id"] == "deepseek-v3").unwrap();
    assert_eq!(v3["arch"]["experts"], 256);
    assert!((v3["params"].as_f64().unwrap() / 671e9 - 1.0).abs() < 0.001);
    std::fs::remove_dir_all(&dir).ok();
}

/// The accuracy the README and docs/model.md report is the held-out error the code computes.
#[test]
fn the_reported_held_out_error_is_the_computed_one() {
    use suanli::estimate::validation::held_out;
    let held = held_out();
    let mean = |rows: Vec<f64>| rows.iter().sum::<f64>() / rows.len() as f64;
    let all = mean(held.iter().map(|h| h.error.abs()).collect());
    let worst = held.iter().map(|h| h.error.abs()).fold(0.0, f64::max);
    // The band's classes count the runs inside the checked ground, as the page's band does.
    let class = |moe: bool| {
        mean(
            held.iter()
                .filter(|h| h.moe == moe && h.inside)
                .map(|h| h.error.abs())
                .collect(),
        )
    };
    let (dense, moe) = (class(false), class(true));
    let inside: Vec<f64> = held
        .iter()
        .filter(|h| h.inside)
        .map(|h| h.error.abs())
        .collect();
    let inside_worst = inside.iter().copied().fold(0.0, f64::max);
    let inside_mean = mean(inside);
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let model = std::fs::read_to_string(format!("{root}/docs/model.md")).unwrap();
    let overall = format!("**{:.1} % / {:.1} %**", all * 100.0, worst * 100.0);
    assert!(readme.contains(&overall), "README should say {overall}");
    assert!(
        model.contains(&overall),
        "docs/model.md should say {overall}"
    );
    let ground = format!(
        "**{:.1} % / {:.1} %** inside the checked ground",
        inside_mean * 100.0,
        inside_worst * 100.0
    );
    assert!(readme.contains(&ground), "README should say {ground}");
    assert!(model.contains(&ground), "docs/model.md should say {ground}");
    let classes = format!("dense {:.1} %, MoE {:.1} %", dense * 100.0, moe * 100.0);
    assert!(readme.contains(&classes), "README should say {classes}");
    assert!(
        model.contains(&classes),
        "docs/model.md should say {classes}"
    );
    let rows = format!(
        "Over these {} rows the mean absolute error is {:.1} % and the worst {:.1} %",
        held.len(),
        all * 100.0,
        worst * 100.0
    );
    assert!(model.contains(&rows), "docs/model.md should say {rows}");
}
