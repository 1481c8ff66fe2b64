//! Saved scenarios: how one entry is stored, read back, migrated or kept aside.
//!
//! Each entry lives under its own localStorage key (`suanli.scenario.<id>`), so two tabs saving
//! different scenarios never overwrite each other. The value is itself a query string:
//! `schema=1&name=…&saved=<ms>&q=<the scenario in the query language>`. Pure logic, tested
//! natively; the page does the storage I/O.

/// The schema this build writes.
pub const SCHEMA: u32 = 1;
/// Key prefix of saved scenarios.
pub const PREFIX: &str = "suanli.scenario.";
/// Key prefix where unreadable entries are kept aside (never deleted).
pub const ASIDE_PREFIX: &str = "suanli.aside.";
/// Key of the autosaved working scenario.
pub const WORKING_KEY: &str = "suanli.working";
/// Most scenarios compared side by side.
pub const MAX_COMPARE: usize = 4;

/// One saved scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// Unique id (the storage key without its prefix).
    pub id: String,
    /// The name the user gave it (shown as text, never as markup).
    pub name: String,
    /// When it was saved, milliseconds since the epoch.
    pub saved_ms: f64,
    /// The scenario, in the query language.
    pub query: String,
}

/// What reading a stored value gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Decoded {
    /// A current entry.
    Current(Entry),
    /// An older entry, migrated; the caller writes the new form back.
    Migrated(Entry),
    /// Written by a newer version: left untouched, listed as unreadable here.
    Newer {
        /// The schema it declares.
        schema: u32,
    },
    /// Not an entry at all: kept aside with the reason.
    Corrupt {
        /// Why it could not be read.
        reason: String,
    },
}

/// The stored form of an entry.
pub fn encode(e: &Entry) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("schema", &SCHEMA.to_string())
        .append_pair("name", &e.name)
        .append_pair("saved", &format!("{}", e.saved_ms))
        .append_pair("q", &e.query)
        .finish()
}

/// Reads a stored value. Schema 0 (the first format: the bare scenario query) is migrated.
pub fn decode(id: &str, raw: &str) -> Decoded {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| pairs.iter().find(|(pk, _)| pk == k).map(|(_, v)| v.clone());
    match get("schema") {
        None if get("v").is_some() || get("model").is_some() => Decoded::Migrated(Entry {
            id: id.to_string(),
            name: id.to_string(),
            saved_ms: 0.0,
            query: raw.trim_start_matches('?').to_string(),
        }),
        None => Decoded::Corrupt {
            reason: "no schema and no scenario fields".into(),
        },
        Some(s) => match s.parse::<u32>() {
            Err(_) => Decoded::Corrupt {
                reason: format!("schema \"{s}\" is not a number"),
            },
            Ok(n) if n > SCHEMA => Decoded::Newer { schema: n },
            Ok(_) => match (get("name"), get("q")) {
                (Some(name), Some(query)) => Decoded::Current(Entry {
                    id: id.to_string(),
                    name,
                    saved_ms: get("saved")
                        .as_deref()
                        .and_then(|t| t.parse::<f64>().ok())
                        .unwrap_or(0.0),
                    query,
                }),
                _ => Decoded::Corrupt {
                    reason: "missing name or scenario".into(),
                },
            },
        },
    }
}

/// A new entry id from a timestamp and a random number (unique across tabs in practice).
pub fn new_id(now_ms: f64, random: f64) -> String {
    format!("{:x}-{:06x}", now_ms as u64, (random * 16_777_216.0) as u32)
}

/// A name not yet taken: `name`, else `name (2)`, `name (3)`…
pub fn unique_name(name: &str, taken: &[&str]) -> String {
    if !taken.contains(&name) {
        return name.to_string();
    }
    (2..)
        .map(|i| format!("{name} ({i})"))
        .find(|n| !taken.contains(&n.as_str()))
        .expect("some suffix is free")
}

/// The exported file: a small JSON object with the scenario's query and, for people reading it,
/// the fields one per key. Written by hand so the web bundle carries no JSON serializer.
pub fn export_json(name: &str, query: &str) -> String {
    let esc = |s: &str| {
        let mut out = String::with_capacity(s.len() + 2);
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if (c as u32) < 0x20 || c == '<' || c == '>' || c == '&' => {
                    out.push_str(&format!("\\u{:04x}", c as u32))
                }
                c => out.push(c),
            }
        }
        out
    };
    let fields: Vec<String> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| format!("    \"{}\": \"{}\"", esc(&k), esc(&v)))
        .collect();
    format!(
        "{{\n  \"suanli\": {SCHEMA},\n  \"name\": \"{}\",\n  \"query\": \"{}\",\n  \"fields\": {{\n{}\n  }}\n}}\n",
        esc(name),
        esc(query),
        fields.join(",\n")
    )
}

/// The report as CSV: one `metric,value` row per report key the page knows.
pub fn report_csv(report: &crate::estimate::Report) -> String {
    use crate::estimate::reference::{METRIC_KEYS, metric};
    let mut out = String::from("metric,value\n");
    for key in METRIC_KEYS {
        if let Some(v) = metric(report, key) {
            out += &format!("{key},{v}\n");
        }
    }
    out
}

/// The report as JSON: the scenario's query and `{metric: value}` (SI units, as the CLI's keys).
pub fn report_json(query: &str, report: &crate::estimate::Report) -> String {
    use crate::estimate::reference::{METRIC_KEYS, metric};
    let rows: Vec<String> = METRIC_KEYS
        .iter()
        .filter_map(|k| {
            metric(report, k)
                .filter(|v| v.is_finite())
                .map(|v| format!("    \"{k}\": {v}"))
        })
        .collect();
    format!(
        "{{\n  \"query\": \"{}\",\n  \"metrics\": {{\n{}\n  }}\n}}\n",
        query.replace('\\', "\\\\").replace('"', "\\\""),
        rows.join(",\n")
    )
}

/// Sorts by `before`, by insertion: the lists hold a few dozen entries at most, and the
/// standard library's sorts would add kilobytes to the page for them.
pub fn sort_small<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sort_orders_and_keeps_every_item() {
        let mut v = vec![5, 1, 4, 1, 3, 9, 0];
        sort_small(&mut v, |a, b| a < b);
        assert_eq!(v, [0, 1, 1, 3, 4, 5, 9]);
        let mut names = vec![("b", 2.0f64), ("a", 2.0), ("c", 7.0)];
        // Newest first, then by name: as the saved list shows them.
        sort_small(&mut names, |x, y| {
            y.1.total_cmp(&x.1).then(x.0.cmp(y.0)).is_lt()
        });
        assert_eq!(names, [("c", 7.0), ("a", 2.0), ("b", 2.0)]);
        let mut empty: Vec<u8> = vec![];
        sort_small(&mut empty, |a, b| a < b);
    }

    fn entry() -> Entry {
        Entry {
            id: "abc".into(),
            name: "GPT-3 重现 & <b>x</b>".into(),
            saved_ms: 1.7e12,
            query: "v=1&model=gpt-3-175b&gpus=1024".into(),
        }
    }

    #[test]
    fn round_trip() {
        assert_eq!(decode("abc", &encode(&entry())), Decoded::Current(entry()));
    }

    #[test]
    fn schema_zero_is_migrated() {
        match decode("old", "v=1&model=llama-2-7b") {
            Decoded::Migrated(e) => assert_eq!(e.query, "v=1&model=llama-2-7b"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn newer_and_corrupt_are_recognised() {
        assert_eq!(
            decode("n", "schema=9&name=x&q=v%3D1"),
            Decoded::Newer { schema: 9 }
        );
        assert!(matches!(
            decode("c", "{\"not\": \"ours\"}"),
            Decoded::Corrupt { .. }
        ));
        assert!(matches!(decode("c", "schema=x"), Decoded::Corrupt { .. }));
        assert!(matches!(
            decode("c", "schema=1&name=only"),
            Decoded::Corrupt { .. }
        ));
    }

    #[test]
    fn names_and_ids() {
        assert_eq!(unique_name("plan", &["plan", "plan (2)"]), "plan (3)");
        assert_eq!(unique_name("new", &["plan"]), "new");
        assert_ne!(new_id(1.0, 0.1), new_id(1.0, 0.2));
    }

    #[test]
    fn report_exports_parse_and_carry_the_numbers() {
        let parsed = crate::estimate::query::parse("model=gpt-3-175b&tokens=300B");
        let report = crate::estimate::estimate(&parsed.scenario);
        let json: serde_json::Value =
            serde_json::from_str(&report_json("v=1&model=gpt-3-175b", &report))
                .expect("valid JSON");
        assert_eq!(
            json["metrics"]["training_flops"].as_f64(),
            Some(report.training.training_flops)
        );
        let csv = report_csv(&report);
        assert!(
            csv.lines()
                .any(|l| l == format!("pf_days,{}", report.training.pf_days))
        );
    }

    #[test]
    fn export_is_json_with_escaped_text() {
        let json = export_json("a \"quoted\" <name>", "v=1&model=gpt-3-175b");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["name"], "a \"quoted\" <name>");
        assert_eq!(v["query"], "v=1&model=gpt-3-175b");
        assert_eq!(v["fields"]["model"], "gpt-3-175b");
        assert!(!json.contains('<'));
    }
}
