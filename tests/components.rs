//! Every component's props are documented (issue 25): a prop is the component's interface, and
//! a reader of a view should not have to open the component to learn what it wants. The
//! components are read from `src/app/`: each `#[component]` function's parameters, each of which
//! needs a `///` comment above it (attributes such as `#[prop(into)]` may stand between).

use std::path::Path;

/// The undocumented props of one file's components, as `Component.prop`.
fn undocumented(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in text.split("#[component]").skip(1) {
        let Some(open) = part.find('(') else { continue };
        let name = part[..open].rsplit(' ').next().unwrap_or("").to_string();
        let Some(close) = part.find(") -> impl IntoView") else {
            continue;
        };
        let mut documented = false;
        for line in part[open + 1..close].lines().map(str::trim) {
            if line.starts_with("///") {
                documented = true;
            } else if line.starts_with("#[") || line.is_empty() {
            } else if let Some((prop, _)) = line.split_once(':') {
                if !documented {
                    out.push(format!("{name}.{}", prop.trim()));
                }
                documented = false;
            }
        }
    }
    out
}

#[test]
fn every_component_prop_has_a_doc_comment() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut missing = Vec::new();
    let mut components = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        components += text.matches("#[component]").count();
        missing.extend(
            undocumented(&text)
                .into_iter()
                .map(|p| format!("{}: {p}", path.file_name().unwrap().to_string_lossy())),
        );
    }
    assert!(
        components > 20,
        "{components} components found: the reader is broken"
    );
    assert!(
        missing.is_empty(),
        "props without a doc comment: {missing:?}"
    );
}

/// The check sees an undocumented prop, on one line or among documented ones.
#[test]
fn an_undocumented_prop_is_seen() {
    assert_eq!(
        undocumented("#[component]\nfn A(x: u32) -> impl IntoView {}"),
        ["A.x"]
    );
    let text = "#[component]\npub fn B(\n    /// Yes.\n    #[prop(into)]\n    a: Signal<u32>,\n    b: u32,\n) -> impl IntoView {}";
    assert_eq!(undocumented(text), ["B.b"]);
    assert!(undocumented("#[component]\nfn C() -> impl IntoView {}").is_empty());
}

/// The page state is provided as narrow contexts, each documented, and no component reads a
/// page-wide one (issue 25): `state.rs` provides a few small types, and nothing in `src/app/`
/// defines or calls a whole-state `ctx()`.
#[test]
fn components_read_narrow_documented_contexts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let state = std::fs::read_to_string(dir.join("state.rs")).unwrap();
    let provided: Vec<&str> = state
        .split("provide_context(")
        .skip(1)
        .filter_map(|p| p.split([' ', '(', '{']).next())
        .collect();
    assert!(provided.len() >= 3, "contexts provided: {provided:?}");
    for name in &provided {
        let decl = format!("pub struct {name} {{");
        let at = state
            .find(&decl)
            .unwrap_or_else(|| panic!("no `{decl}` in state.rs"));
        let before = state[..at].trim_end();
        let doc = before
            .rsplit('\n')
            .find(|l| !l.trim_start().starts_with("#["));
        assert!(
            doc.is_some_and(|l| l.trim_start().starts_with("///")),
            "context {name} has no doc comment"
        );
        let body = &state[at..at + state[at..].find("\n}").unwrap()];
        let fields = body
            .lines()
            .filter(|l| l.trim_start().starts_with("pub "))
            .count()
            - 1;
        assert!(fields <= 6, "context {name} has {fields} fields: split it");
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for wide in ["ctx()", "fn ctx(", "struct Ctx"] {
            assert!(
                !text.contains(wide),
                "{} reads the whole page state (`{wide}`)",
                path.display()
            );
        }
    }
}
