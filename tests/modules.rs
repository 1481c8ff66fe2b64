//! The module graph of `src/` has no cycles (issue 25): a module can be read, tested and moved
//! after the ones it uses, never in a knot with them. The graph is read from the source: every
//! `crate::…` and `super::…` path, in `use` lines and in code, names a module it depends on;
//! paths through a directory module's `pub use` re-exports are followed to the module that
//! defines the item. Unit-test modules (after `#[cfg(test)]`) and comments are left out: tests
//! may look anywhere, and a doc link is not a dependency.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of `src/` (as `estimate::scenario`), with its source up to its unit tests.
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let mut p = prefix.to_vec();
                // `mod.rs` and the crate roots are their directory's module.
                if !matches!(name.as_str(), "mod" | "lib" | "main") {
                    p.push(name);
                }
                if p.first().is_some_and(|m| m == "bin") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                // Comments are left out too: a doc link is a reference, not a dependency.
                let body = text
                    .split("#[cfg(test)]")
                    .next()
                    .unwrap()
                    .lines()
                    .filter(|l| !l.trim_start().starts_with("//"))
                    .collect::<Vec<_>>()
                    .join("\n");
                out.insert(p.join("::"), body);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut out,
    );
    out
}

/// The `pub use` re-exports of a module: item name to the module path it comes from.
fn reexports(module: &str, body: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in body.lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let (from, items) = match rest.split_once("::{") {
            Some((from, items)) => (from, items.trim_end_matches('}').to_string()),
            None => match rest.rsplit_once("::") {
                Some((from, item)) => (from, item.to_string()),
                None => continue,
            },
        };
        let base = resolve_prefix(module, from);
        for item in items.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            let item = item.split(" as ").last().unwrap().trim();
            out.insert(item.to_string(), base.clone());
        }
    }
    out
}

/// A path's module part, from the module it is written in: `super::cost` in
/// `estimate::scenario` is `estimate::cost`; `crate::human` is `human`.
fn resolve_prefix(module: &str, path: &str) -> String {
    let mut parts: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
    let mut segs = path.split("::").peekable();
    match segs.peek() {
        Some(&"crate") => {
            parts.clear();
            segs.next();
        }
        Some(&"super") => {
            // A file module's `super` is its parent (mod.rs files are their directory already).
            while segs.peek() == Some(&"super") {
                segs.next();
                parts.pop();
            }
        }
        Some(&"self") => {
            segs.next();
        }
        _ => {}
    }
    parts.extend(segs);
    parts.join("::")
}

/// The modules a module depends on.
fn edges(
    module: &str,
    body: &str,
    all: &BTreeMap<String, String>,
    exports: &BTreeMap<String, BTreeMap<String, String>>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // Paths in `use` lines with braces are expanded: `use super::{a, b::c}`.
    let mut paths = Vec::new();
    let text = body.replace(['\n', '\r'], " ");
    for start in ["crate::", "super::"] {
        let mut rest = text.as_str();
        while let Some(i) = rest.find(start) {
            let before = rest[..i].chars().last();
            rest = &rest[i..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path = rest[..end].trim_end_matches(':').to_string();
            // `super::super::x` is found once, from its first `super`.
            if before.is_none_or(|c| !(c == ':' || c.is_alphanumeric() || c == '_')) {
                if rest[end..].starts_with('{') {
                    let close = rest[end..].find('}').map_or(rest.len(), |j| end + j);
                    for item in rest[end + 1..close].split(',') {
                        let item = item.trim().split(" as ").next().unwrap().trim();
                        if !item.is_empty() && item != "self" {
                            paths.push(format!("{path}::{item}"));
                        } else if item == "self" {
                            paths.push(path.clone());
                        }
                    }
                } else {
                    paths.push(path);
                }
            }
            rest = &rest[end.max(1)..];
        }
    }
    for path in paths {
        let full = resolve_prefix(module, &path);
        // The longest module prefix of the path, then through re-exports of directory modules.
        let segs: Vec<&str> = full.split("::").collect();
        let mut target = None;
        for n in (0..=segs.len()).rev() {
            let prefix = segs[..n].join("::");
            if all.contains_key(&prefix) {
                target = Some((prefix, segs.get(n).copied()));
                break;
            }
        }
        let Some((mut target, mut next)) = target else {
            continue;
        };
        // A name a directory module re-exports belongs to the module it comes from.
        while let Some(from) = next.and_then(|item| exports.get(&target)?.get(item)) {
            if *from == target {
                break;
            }
            target = from.clone();
            next = None;
        }
        if target != module && !module.starts_with(&format!("{target}::")) {
            out.insert(target);
        }
    }
    out
}

/// Strongly connected components with more than one module (Tarjan's algorithm).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut scc = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                scc.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if scc.len() > 1 {
                scc.sort();
                s.found.push(scc);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let all = modules();
    let exports: BTreeMap<String, BTreeMap<String, String>> = all
        .iter()
        .map(|(m, body)| (m.clone(), reexports(m, body)))
        .collect();
    all.iter()
        .map(|(m, body)| (m.clone(), edges(m, body, &all, &exports)))
        .collect()
}

#[test]
fn the_module_graph_has_no_cycles() {
    let g = graph();
    // The reader sees the graph: the core's modules are there, with their edges.
    assert!(g.len() > 40, "{}", g.len());
    assert!(g["estimate::report"].contains("estimate::scenario"));
    assert!(g["app::cards"].contains("app::state"));
    let found = cycles(&g);
    let shown: Vec<String> = found
        .iter()
        .map(|scc| {
            let inner: Vec<String> = scc
                .iter()
                .map(|m| {
                    let to: Vec<&String> = g[m].iter().filter(|t| scc.contains(t)).collect();
                    format!("{m} -> {to:?}")
                })
                .collect();
            inner.join("; ")
        })
        .collect();
    assert!(found.is_empty(), "import cycles:\n{}", shown.join("\n"));
}

/// The cycle finder finds a cycle where there is one (the test above can fail).
#[test]
fn a_cycle_is_found() {
    let g: BTreeMap<String, BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(cycles(&g), vec![vec!["a", "b", "c"]]);
}

/// The page asks the core for what it shows (a report, a layout search, the layout a measured run
/// is timed at) and never resolves a scenario itself (issue 25: "the page calls a core function
/// for the layout search instead of reaching into `resolve`").
#[test]
fn the_page_never_reaches_into_resolve() {
    let g = graph();
    let reaching: Vec<&String> = g
        .iter()
        .filter(|(m, to)| m.starts_with("app") && to.contains("estimate::resolve"))
        .map(|(m, _)| m)
        .collect();
    assert!(reaching.is_empty(), "{reaching:?}");
    // The check reads the graph it claims to: the core itself resolves.
    assert!(g["estimate::report"].contains("estimate::resolve"));
}
