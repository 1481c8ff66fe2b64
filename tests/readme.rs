//! The README documents the scenario language exactly as the CLI prints it.

#[test]
fn readme_lists_every_field_as_the_cli_does() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_suanli"))
        .arg("--fields")
        .output()
        .expect("runs");
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.lines().count() > 60, "{table}");
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    assert!(
        readme.contains(&table),
        "README's field table is stale: paste `suanli --fields` into it"
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
