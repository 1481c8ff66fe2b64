//! Saved scenarios: how one entry is stored, read back, migrated or kept aside.
//!
//! Each entry lives under its own localStorage key (`suanli.scenario.<id>`), so two tabs saving
//! different scenarios never overwrite each other. The value is a serde type, [`Stored`], written
//! as JSON by gloo-storage: `{"schema":2,"name":…,"saved_ms":…,"query":…}` with the scenario in
//! the query language. Schema 1 (a query string `schema=1&name=…&q=…`) and schema 0 (the bare
//! scenario query) are migrated. Pure logic, tested natively; the page does the storage I/O.

use serde::{Deserialize, Serialize};

/// The schema this build writes.
pub const SCHEMA: u32 = 2;
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

/// What is stored under an entry's key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stored {
    /// The schema it was written with.
    pub schema: u32,
    /// The entry's name.
    pub name: String,
    /// When it was saved, milliseconds since the epoch.
    pub saved_ms: f64,
    /// The scenario, in the query language.
    pub query: String,
}

/// Only the schema, read first: an entry of a newer schema may have any other shape.
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
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
pub fn stored(e: &Entry) -> Stored {
    Stored {
        schema: SCHEMA,
        name: e.name.clone(),
        saved_ms: e.saved_ms,
        query: e.query.clone(),
    }
}

/// The stored form of an entry as the JSON gloo-storage writes.
pub fn encode(e: &Entry) -> String {
    serde_json::to_string(&stored(e)).unwrap_or_default()
}

/// Reads a stored value: JSON of this schema or a newer one, or one of the query-string forms
/// of schemas 1 and 0, which are migrated.
pub fn decode(id: &str, raw: &str) -> Decoded {
    if raw.trim_start().starts_with('{') {
        return match serde_json::from_str::<SchemaOnly>(raw) {
            Err(e) => Decoded::Corrupt {
                reason: e.to_string(),
            },
            Ok(SchemaOnly { schema }) if schema > SCHEMA => Decoded::Newer { schema },
            Ok(_) => match serde_json::from_str::<Stored>(raw) {
                Ok(s) => Decoded::Current(Entry {
                    id: id.to_string(),
                    name: s.name,
                    saved_ms: s.saved_ms,
                    query: s.query,
                }),
                Err(e) => Decoded::Corrupt {
                    reason: e.to_string(),
                },
            },
        };
    }
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
                (Some(name), Some(query)) => Decoded::Migrated(Entry {
                    id: id.to_string(),
                    name,
                    saved_ms: get("saved")
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

/// The exported scenario file: its query and, for people reading it, the fields one per key.
#[derive(Serialize, Deserialize)]
pub struct ScenarioFile {
    /// The schema of the file.
    #[serde(default)]
    pub suanli: u32,
    /// A name for it.
    #[serde(default)]
    pub name: String,
    /// The scenario in the query language.
    #[serde(default)]
    pub query: Option<String>,
    /// The same, one field per key (what an import reads when `query` is missing).
    #[serde(default)]
    pub fields: Option<std::collections::BTreeMap<String, serde_json::Value>>,
}

/// The exported file as JSON.
pub fn export_json(name: &str, query: &str) -> String {
    let fields = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), serde_json::Value::String(v.into_owned())))
        .collect();
    let file = ScenarioFile {
        suanli: SCHEMA,
        name: name.to_string(),
        query: Some(query.to_string()),
        fields: Some(fields),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

/// The scenario in an imported file: its `query`, else its `fields`.
pub fn import_query(text: &str) -> Option<String> {
    let file: ScenarioFile = serde_json::from_str(text).ok()?;
    if let Some(q) = file.query {
        return Some(q);
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in file.fields? {
        let text = match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        out.append_pair(&k, &text);
    }
    Some(out.finish())
}

/// The report as CSV: the link, the inputs that differ from the defaults, then one
/// `metric,value` row per figure of the metric table.
pub fn report_csv(query: &str, report: &crate::estimate::Report) -> String {
    let mut out = format!("metric,value\nlink,\"?{}\"\n", query.replace('"', "\"\""));
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        out += &format!("input.{k},\"{}\"\n", v.replace('"', "\"\""));
    }
    for m in crate::metrics::METRICS {
        out += &format!("{},{}\n", m.key(), m.value(report));
    }
    out
}

/// The report as JSON: the scenario's query, `{metric: value}` for every figure of the metric
/// table (the CLI's keys), and each figure's unit.
pub fn report_json(query: &str, report: &crate::estimate::Report) -> String {
    let metrics: serde_json::Map<String, serde_json::Value> = crate::metrics::METRICS
        .iter()
        .map(|m| (m.key(), m.value(report)))
        .filter(|(_, v)| v.is_finite())
        .map(|(k, v)| (k.to_string(), serde_json::json!(v)))
        .collect();
    let units: serde_json::Map<String, serde_json::Value> = crate::metrics::METRICS
        .iter()
        .map(|m| (m.key().to_string(), serde_json::json!(m.unit)))
        .collect();
    let currency = report.cost.currency;
    serde_json::to_string_pretty(
        &serde_json::json!({ "query": query, "currency": currency, "metrics": metrics, "units": units }),
    )
        .unwrap_or_default()
        + "\n"
}

/// One input row of the compare table: the input's label and each scenario's value as people
/// read it (catalog and preset names, translated choices, numbers with magnitude words).
#[derive(Clone, Debug, PartialEq)]
pub struct InputRow {
    /// The input's name in the scenario language (`gpu`, `tokens`; `model` for the preset).
    pub key: &'static str,
    /// Its label in the page's language.
    pub label: &'static str,
    /// Each scenario's value, the baseline's first.
    pub values: Vec<String>,
}

/// The inputs the compare table leads with; the others follow in the scenario language's order.
const LEADING: [&str; 10] = [
    "model",
    "gpu",
    "gpus",
    "tokens",
    "mfu",
    "hfu",
    "precision",
    "tp",
    "pp",
    "zero",
];

/// Whether two scenarios are the same scenario (they have the same link).
pub fn same_scenario(a: &crate::estimate::Scenario, b: &crate::estimate::Scenario) -> bool {
    crate::estimate::query::format(a) == crate::estimate::query::format(b)
}

/// The model as people know it: the preset's name (marked when its architecture was changed),
/// or "custom".
fn model_text(s: &crate::estimate::Scenario, lang: crate::i18n::Lang) -> String {
    use crate::estimate::presets;
    let ui = lang.ui();
    match s.model.as_deref().and_then(presets::find) {
        Some(p) if s.arch.as_ref().is_none_or(|a| *a == p.arch) => p.name.to_string(),
        Some(p) => format!("{} ({})", p.name, ui.compare_modified),
        None => ui.compare_custom_model.to_string(),
    }
}

/// One input's value as people read it.
fn field_text(
    f: &crate::estimate::query::Field<crate::estimate::Scenario>,
    s: &crate::estimate::Scenario,
    lang: crate::i18n::Lang,
) -> String {
    use crate::estimate::query::{Kind, Value};
    use crate::estimate::scenario::Currency;
    use crate::{human, i18n};
    let ui = lang.ui();
    match f.get(s) {
        Value::Absent => ui.compare_default.to_string(),
        Value::Flag(on) => (if on { ui.yes } else { ui.no }).to_string(),
        Value::Word("auto") if matches!(f.kind, Kind::Number { .. }) => ui.compare_auto.to_string(),
        Value::Word(w) => i18n::choice_label(f.id, w, lang),
        Value::Num(x) => match f.kind {
            Kind::Number { percent: true, .. } => human::percent(x),
            _ if f.unit.starts_with("currency") => {
                human::money(x, s.currency == Currency::Cny, lang)
            }
            Kind::Integer { .. } => human::devices(x, lang),
            _ => human::count(x, lang),
        },
    }
}

/// The compare table's input rows: every input on which some scenario differs from the first
/// (the baseline), the leading ones first, each value written for people (never a raw id).
pub fn differing_inputs(
    scenarios: &[&crate::estimate::Scenario],
    lang: crate::i18n::Lang,
) -> Vec<InputRow> {
    use crate::estimate::query::{self, FIELDS};
    use crate::{human, i18n};
    let rest = FIELDS
        .iter()
        .map(|f| f.name)
        .filter(|n| !LEADING.contains(n))
        .chain(["params", "active_params"]);
    let text = |key: &str, s: &crate::estimate::Scenario| -> String {
        match key {
            "model" => model_text(s, lang),
            // The accelerator by its catalog name (the field holds no value of its own).
            "gpu" => crate::estimate::hardware::find(&s.gpu)
                .map_or(lang.ui().custom_gpu, |a| a.name)
                .to_string(),
            "params" | "active_params" => {
                let v = if key == "params" {
                    s.params
                } else {
                    s.active_params
                };
                v.map_or_else(
                    || lang.ui().compare_default.to_string(),
                    |x| human::count(x, lang),
                )
            }
            _ => query::field(key).map_or_else(String::new, |f| field_text(f, s, lang)),
        }
    };
    LEADING
        .into_iter()
        .chain(rest)
        .filter_map(|key| {
            let values: Vec<String> = scenarios.iter().map(|s| text(key, s)).collect();
            let differs = values.iter().any(|v| *v != values[0]);
            differs.then(|| InputRow {
                key,
                // The rows are named as in the link: the label by the id the name stands for.
                label: match query::FieldId::from_name(key)
                    .map_or("", |id| i18n::field_label(id, lang))
                {
                    "" => key,
                    label => label,
                },
                values,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(encode(&entry()).starts_with("{\"schema\":2,"));
    }

    #[test]
    fn schema_zero_and_one_are_migrated() {
        match decode("old", "v=1&model=llama-2-7b") {
            Decoded::Migrated(e) => assert_eq!(e.query, "v=1&model=llama-2-7b"),
            other => panic!("{other:?}"),
        }
        // What the previous build wrote (its `encode`).
        let one = "schema=1&name=GPT-3+%E9%87%8D%E7%8E%B0+%26+%3Cb%3Ex%3C%2Fb%3E&saved=1700000000000&q=v%3D1%26model%3Dgpt-3-175b%26gpus%3D1024";
        assert_eq!(decode("abc", one), Decoded::Migrated(entry()));
    }

    #[test]
    fn newer_and_corrupt_are_recognised() {
        assert_eq!(
            decode("n", "schema=9&name=x&q=v%3D1"),
            Decoded::Newer { schema: 9 }
        );
        assert_eq!(
            decode("n", "{\"schema\":3,\"anything\":[1,2]}"),
            Decoded::Newer { schema: 3 }
        );
        for bad in [
            "{\"not\": \"ours\"}",
            "{garbage",
            "schema=x",
            "schema=1&name=only",
            "{\"schema\":2,\"name\":\"no query\"}",
        ] {
            assert!(matches!(decode("c", bad), Decoded::Corrupt { .. }), "{bad}");
        }
    }

    #[test]
    fn names_and_ids() {
        assert_eq!(unique_name("plan", &["plan", "plan (2)"]), "plan (3)");
        assert_eq!(unique_name("new", &["plan"]), "new");
        assert_ne!(new_id(1.0, 0.1), new_id(1.0, 0.2));
    }

    #[test]
    fn report_exports_parse_and_carry_the_numbers_and_the_inputs() {
        let q = "v=1&model=gpt-3-175b&tokens=300B";
        let report = crate::estimate::estimate(&crate::estimate::query::parse(q).scenario);
        let json: serde_json::Value =
            serde_json::from_str(&report_json(q, &report)).expect("valid JSON");
        assert_eq!(
            json["metrics"]["training_flops"].as_f64(),
            Some(report.training.training_flops)
        );
        assert_eq!(
            json["metrics"]["memory_by_zero.3.total_bytes"].as_f64(),
            Some(report.memory_by_zero[3].total_bytes)
        );
        assert_eq!(
            json["metrics"]["cost_usd"].as_f64(),
            Some(report.cost.cost_usd)
        );
        let csv = report_csv(q, &report);
        assert!(
            csv.lines()
                .any(|l| l == format!("pf_days,{}", report.training.pf_days))
        );
        assert!(
            csv.lines()
                .any(|l| l == "link,\"?v=1&model=gpt-3-175b&tokens=300B\"")
        );
        assert!(csv.lines().any(|l| l == "input.model,\"gpt-3-175b\""));
    }

    #[test]
    fn export_then_import_gives_the_query_back() {
        let json = export_json("a \"quoted\" <name>", "v=1&model=gpt-3-175b");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["name"], "a \"quoted\" <name>");
        assert_eq!(v["fields"]["model"], "gpt-3-175b");
        assert_eq!(import_query(&json).as_deref(), Some("v=1&model=gpt-3-175b"));
        // Fields alone are enough, numbers included.
        let fields = "{\"fields\": {\"model\": \"llama-2-7b\", \"gpus\": 64}}";
        assert_eq!(
            import_query(fields).as_deref(),
            Some("gpus=64&model=llama-2-7b")
        );
        assert_eq!(import_query("not json at all"), None);
    }

    #[test]
    fn compare_rows_name_what_differs_as_people_read_it() {
        use crate::estimate::query::parse;
        use crate::i18n::Lang;
        let a = parse("v=2&model=llama-3-70b&gpu=h100-sxm&gpus=2048&recompute=full").scenario;
        let b =
            parse("v=2&model=llama-3-70b&gpu=b200&gpus=4096&recompute=selective&mfu=auto").scenario;
        let rows = differing_inputs(&[&a, &b], Lang::En);
        let keys: Vec<&str> = rows.iter().map(|r| r.key).collect();
        // The leading inputs first, then the others; the same model is not listed.
        assert_eq!(keys[..3], ["gpu", "gpus", "mfu"], "{rows:?}");
        assert!(keys.contains(&"recompute"), "{keys:?}");
        assert!(!keys.contains(&"model"));
        let gpu = &rows[0];
        assert_eq!(gpu.label, "Accelerator");
        // Catalog names, never ids.
        assert_eq!(gpu.values, ["NVIDIA H100 SXM5", "NVIDIA B200 (HGX)"]);
        assert_eq!(rows[1].values, ["2,048", "4,096"]);
        assert_eq!(rows[2].values[1], "auto");
        for r in &rows {
            for v in &r.values {
                assert!(!["h100-sxm", "b200"].contains(&v.as_str()), "{r:?}");
            }
        }
        // In Chinese: the labels and the choices translated.
        let zh = differing_inputs(&[&a, &b], Lang::Zh);
        let recompute = zh.iter().find(|r| r.key == "recompute").unwrap();
        assert_ne!(recompute.label, "recompute");
        assert!(
            recompute.values.iter().all(|v| !v.is_ascii()),
            "{recompute:?}"
        );
        assert_eq!(zh[2].values[1], "自动");
    }

    #[test]
    fn compare_rows_give_preset_names_and_spot_the_same_scenario() {
        use crate::estimate::query::parse;
        use crate::i18n::Lang;
        let a = parse("v=2&model=llama-3-70b").scenario;
        let b = parse("v=2&model=deepseek-v3&tokens=14.8T").scenario;
        let rows = differing_inputs(&[&a, &b], Lang::En);
        assert_eq!(rows[0].key, "model");
        assert!(
            rows[0]
                .values
                .iter()
                .all(|v| !v.contains('-') || v.contains(' ')),
            "{rows:?}"
        );
        assert_eq!(
            rows[0].values[1],
            crate::estimate::presets::find("deepseek-v3").unwrap().name
        );
        let tokens = rows.iter().find(|r| r.key == "tokens").unwrap();
        assert_eq!(tokens.values[1], "14.8T");
        // The same scenario, however reached: nothing differs.
        let again = parse(&crate::estimate::query::format(&a)).scenario;
        assert!(same_scenario(&a, &again));
        assert!(differing_inputs(&[&a, &again], Lang::En).is_empty());
        assert!(!same_scenario(&a, &b));
    }
}
