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
