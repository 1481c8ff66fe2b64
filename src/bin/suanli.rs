//! `suanli`: the estimation core on the command line.
//!
//! ```text
//! suanli [--json] '<share URL or query string>'
//! suanli --fields        # the scenario language, one field per line
//! suanli --config config.json [--json] ['<query>']   # a Hugging Face config, the query on top
//! suanli --catalog       # the model and accelerator catalogs as JSON
//! suanli --export megatron|torchtitan|deepspeed|vllm|sglang '<query>'   # launch settings
//! ```

use std::process::ExitCode;
use suanli::estimate::{derivations, estimate, hf_config, query};
use suanli::launch::{Framework, launch};

const USAGE: &str = "usage: suanli [--json] [--derivations] [--config config.json] '<share URL or query string>'\n       suanli --export megatron|torchtitan|deepspeed|vllm|sglang [--config config.json] '<query>'\n       suanli --fields\n       suanli --catalog";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.iter().any(|a| a == "--json");
    let show_derivations = args.iter().any(|a| a == "--derivations");
    if args.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--fields") {
        print_fields();
        return ExitCode::SUCCESS;
    }
    if args.iter().any(|a| a == "--catalog") {
        let catalog = suanli::estimate::catalog::json();
        println!(
            "{}",
            serde_json::to_string_pretty(&catalog).expect("serialises")
        );
        return ExitCode::SUCCESS;
    }
    let config_at = args.iter().position(|a| a == "--config");
    let config_path = config_at.and_then(|i| args.get(i + 1));
    if config_at.is_some() && config_path.is_none() {
        eprintln!("--config needs a file: {USAGE}");
        return ExitCode::from(2);
    }
    let export_at = args.iter().position(|a| a == "--export");
    let export = match export_at.map(|i| args.get(i + 1).map(|f| (f, Framework::from_id(f)))) {
        None => None,
        Some(Some((_, Some(f)))) => Some(f),
        Some(other) => {
            let given = other.map_or("nothing", |(f, _)| f.as_str());
            let allowed: Vec<&str> = Framework::ALL.iter().map(|f| f.id()).collect();
            eprintln!(
                "error: --export takes one of {}, not {given}",
                allowed.join(", ")
            );
            return ExitCode::from(2);
        }
    };
    let value_of =
        |i: usize| config_at.is_some_and(|c| i == c + 1) || export_at.is_some_and(|e| i == e + 1);
    let inputs: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && !value_of(*i))
        .map(|(_, a)| a)
        .collect();
    if inputs.len() > 1 {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut input = inputs.first().map_or(String::new(), |s| s.to_string());
    if let Some(path) = config_path {
        let imported = std::fs::read_to_string(path)
            .map_err(|e| format!("{path}: {e}"))
            .and_then(|text| hf_config::parse(&text).map_err(|e| format!("{path}: {e}")));
        match imported {
            Ok(imported) => {
                eprintln!("{}: {} ({})", path, imported.name, imported.model_type);
                if !imported.ignored.is_empty() {
                    eprintln!(
                        "ignored (no effect on the compute): {}",
                        imported.ignored.join(", ")
                    );
                }
                for note in &imported.notes {
                    eprintln!("note: {note}");
                }
                input = query::with_architecture(&input, &imported.arch);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let parsed = query::parse(&input);
    let report = estimate(&parsed.scenario);
    if let Some(framework) = export {
        // A launch command for a repaired scenario would start a run nobody asked for: refuse.
        if !parsed.errors.is_empty() {
            for e in &parsed.errors {
                eprintln!("error: {e}");
            }
            return ExitCode::from(1);
        }
        for w in &parsed.warnings {
            eprintln!("warning: {w}");
        }
        let out = launch(framework, &parsed.scenario, &report);
        if framework == Framework::Deepspeed {
            // JSON holds no comments: the notes go to stderr.
            for note in &out.notes {
                eprintln!("note: {note}");
            }
        }
        print!("{}", out.text);
        return ExitCode::SUCCESS;
    }
    let messages = |list: &[query::FieldError]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|e| serde_json::json!({"field": e.field, "value": e.value, "problem": e.problem, "message": e.to_string()}))
            .collect()
    };
    if json {
        let mut out = serde_json::to_value(&report).expect("report serialises");
        let mut warnings = messages(&parsed.warnings);
        warnings.extend(
            report
                .notices
                .iter()
                .map(|n| serde_json::json!({"notice": n, "message": n.to_string()})),
        );
        out["errors"] = messages(&parsed.errors).into();
        out["warnings"] = warnings.into();
        out["scenario"] = query::format(&parsed.scenario).into();
        if let Some(band) = suanli::estimate::validation::band_for(&parsed.scenario, &report) {
            out["mfu_band"] = match band {
                Ok(b) => serde_json::to_value(b).expect("serialises"),
                Err(why) => serde_json::json!({ "outside_ground": why }),
            };
        }
        if show_derivations {
            out["derivations"] =
                serde_json::to_value(derivations(&parsed.scenario, &report)).expect("serialises");
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&out).expect("serialises")
        );
    } else {
        for e in &parsed.errors {
            eprintln!("error: {e}");
        }
        for w in &parsed.warnings {
            eprintln!("warning: {w}");
        }
        print_table(&parsed.scenario, &report, show_derivations);
    }
    ExitCode::SUCCESS
}

/// The scenario language as a Markdown table (the README's copy is checked against it).
fn print_fields() {
    print!("{}", fields_markdown());
}

fn allowed(kind: query::Kind) -> String {
    match kind {
        query::Kind::Number {
            min,
            max,
            percent,
            auto,
        } => format!(
            "{min} to {max}{}{}",
            if percent { " (or %)" } else { "" },
            if auto { ", or auto" } else { "" }
        ),
        query::Kind::Integer { min, max } => format!("whole, {min} to {max}"),
        query::Kind::Flag => "0 or 1".into(),
        query::Kind::Choice([]) => "catalog id or custom".into(),
        query::Kind::Choice(words) => words.join(", "),
    }
}

fn fields_markdown() -> String {
    use suanli::estimate::Scenario;
    let mut out =
        String::from("| field | unit | allowed | default | meaning |\n|---|---|---|---|---|\n");
    let special_allowed = |name: &str| match name {
        "v" => "1".to_string(),
        "model" => suanli::estimate::presets::all()
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>()
            .join(", "),
        "params" | "active_params" => "1e6 to 1e14".into(),
        "tokens" => "1e6 to 1e16".into(),
        "dataset_tb" => "1e-6 to 1e6".into(),
        _ => "0.5 to 16".into(),
    };
    for (name, unit, doc) in query::SPECIAL_FIELDS {
        let default = match *name {
            "model" => suanli::estimate::scenario::DEFAULT_MODEL.to_string(),
            "tokens" => "15T".into(),
            "v" => query::FORMAT_VERSION.to_string(),
            "bytes_per_token" => "4".into(),
            _ => String::new(),
        };
        out += &format!(
            "| `{name}` | {unit} | {} | {default} | {doc} |\n",
            special_allowed(name)
        );
    }
    for f in query::ARCH_FIELDS {
        out += &format!(
            "| `{}` | {} | {} | from `model` | {} |\n",
            f.name,
            f.unit,
            allowed(f.kind),
            f.doc
        );
    }
    let d = Scenario::default();
    for f in query::FIELDS {
        let default = match f.get(&d) {
            query::Value::Num(x) => query::format_number(x),
            query::Value::Flag(b) => u8::from(b).to_string(),
            query::Value::Word(w) => w.to_string(),
            query::Value::Absent if f.name == "gpu" => d.gpu.clone(),
            query::Value::Absent => "(catalog)".into(),
        };
        out += &format!(
            "| `{}` | {} | {} | {default} | {} |\n",
            f.name,
            f.unit,
            allowed(f.kind),
            f.doc
        );
    }
    out
}

fn print_table(
    s: &suanli::estimate::Scenario,
    r: &suanli::estimate::Report,
    show_derivations: bool,
) {
    // Every figure of the metric table (src/metrics.rs), as the page shows it, with its key.
    println!("{:44} {}", "scenario", query::format(s));
    let cny = s.currency == suanli::estimate::scenario::Currency::Cny;
    for m in suanli::metrics::METRICS {
        let v = (m.get)(r);
        println!(
            "{:44} {}",
            format!("{} [{}]", m.en, m.key),
            m.text(v, suanli::i18n::Lang::En, cny)
        );
    }
    if let Some(band) = suanli::estimate::validation::band_for(s, r) {
        println!(
            "{:44} {}",
            "Predicted MFU band [mfu_band]",
            suanli::i18n::band_line(band, suanli::i18n::Lang::En)
        );
    }
    for n in &r.notices {
        println!("note: {n}");
    }
    if show_derivations {
        for d in derivations(s, r) {
            println!(
                "\n{}: {}\n  {}\n  [{}]",
                d.metric, d.formula, d.with_numbers, d.source
            );
        }
    }
}
