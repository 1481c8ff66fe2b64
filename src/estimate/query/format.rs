//! Writing a scenario as its canonical query (`parse(format(s)) == s`), and numbers in the short
//! form that reads back exactly.

use super::*;
use crate::estimate::architecture::Architecture;
use crate::estimate::precision::WeightFormat;
use crate::estimate::presets;
use crate::estimate::scenario::{Data, Scenario};

/// Formats a number in a readable form that reads back to exactly the same value: `15.6T`
/// rather than `15600000000000`, but `16384` rather than `16.384k`.
pub fn format_number(x: f64) -> String {
    for (suffix, scale) in [("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)] {
        if x.abs() >= scale {
            let mantissa = format!("{}", x / scale);
            let short = format!("{mantissa}{suffix}");
            if mantissa.len() <= 4 && parse_number(&short, false) == Ok(x) {
                return short;
            }
        }
    }
    format!("{x}")
}

pub(super) fn format_value(v: Value) -> Option<String> {
    match v {
        Value::Num(x) => Some(format_number(x)),
        Value::Flag(b) => Some(if b { "1" } else { "0" }.into()),
        Value::Word(w) => Some(w.into()),
        Value::Absent => None,
    }
}

/// Writes the canonical query string (without `?`): `v`, the model, then every field that
/// differs from the default. `parse(&format(s)).scenario == *s` for every scenario `parse` makes.
pub fn format(s: &Scenario) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    out.append_pair("v", &FORMAT_VERSION.to_string());
    let d = Scenario::default();
    match (&s.model, &s.arch) {
        (Some(id), Some(arch)) => {
            out.append_pair("model", id);
            let base = presets::find(id).map(|p| &p.arch);
            for f in ARCH_FIELDS {
                let v = f.get(arch);
                if base.is_none_or(|b| f.get(b) != v)
                    && let Some(text) = format_value(v)
                {
                    out.append_pair(f.name, &text);
                }
            }
        }
        (None, Some(arch)) => {
            let plain = Architecture::dense(1, 1);
            for (i, f) in ARCH_FIELDS.iter().enumerate() {
                let v = f.get(arch);
                if (i < LEGACY_ARCH_FIELDS || v != f.get(&plain))
                    && let Some(text) = format_value(v)
                {
                    out.append_pair(f.name, &text);
                }
            }
        }
        _ => {}
    }
    for (name, v) in [("params", s.params), ("active_params", s.active_params)] {
        if let Some(x) = v {
            out.append_pair(name, &format_number(x));
        }
    }
    match s.data {
        Data::Tokens(t) if s.data != d.data => {
            out.append_pair("tokens", &format_number(t));
        }
        Data::Tokens(_) => {}
        Data::Dataset {
            tb,
            bytes_per_token,
        } => {
            out.append_pair("dataset_tb", &format_number(tb));
            out.append_pair("bytes_per_token", &format_number(bytes_per_token));
        }
    }
    if s.gpu != d.gpu {
        out.append_pair("gpu", &s.gpu);
    }
    if let Some(vs) = &s.vs_gpu {
        out.append_pair("vs_gpu", vs);
    }
    if let Some(run) = &s.calib {
        out.append_pair("calib", &format(run));
    }
    for f in FIELDS {
        let v = f.get(s);
        // A format with an older `weight_bits` spelling is written that way, as links were.
        let legacy = f.name == "weight_format"
            && s.weight_format
                .and_then(WeightFormat::legacy_bits)
                .is_some();
        if v != f.get(&d)
            && !legacy
            && let Some(text) = format_value(v)
        {
            out.append_pair(f.name, &text);
        }
    }
    out.finish()
}

/// A query with an architecture under it: the architecture's fields (as a custom model), then
/// the query's own fields on top, so `layers=40` in the query beats the file's. A `model` in the
/// query is dropped: the architecture names the model. `suanli --config` uses this.
pub fn with_architecture(input: &str, arch: &Architecture) -> String {
    let given: Vec<(String, String)> = form_urlencoded::parse(query_part(input).as_bytes())
        .map(|(k, v)| (k.trim().to_string(), v.into_owned()))
        .filter(|(k, _)| !k.is_empty() && k != "model")
        .collect();
    let mut out = form_urlencoded::Serializer::new(String::new());
    let plain = Architecture::dense(1, 1);
    for (i, f) in ARCH_FIELDS.iter().enumerate() {
        let v = f.get(arch);
        if !given.iter().any(|(k, _)| k == f.name)
            && (i < LEGACY_ARCH_FIELDS || v != f.get(&plain))
            && let Some(text) = format_value(v)
        {
            out.append_pair(f.name, &text);
        }
    }
    for (k, v) in &given {
        out.append_pair(k, v);
    }
    out.finish()
}
