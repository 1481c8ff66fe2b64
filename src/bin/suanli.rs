//! `suanli`: the estimation core on the command line, for people and for scripts.
//!
//! ```text
//! suanli [--json] [--derivations] [--lenient] '<share URL or query string>'
//! suanli --config config.json [--json] ['<query>']   # a Hugging Face config, the query on top
//! suanli --export megatron|torchtitan|deepspeed|vllm|sglang '<query>'   # launch settings
//! suanli --fields        # the scenario language, one field per line
//! suanli --catalog       # the model and accelerator catalogs as JSON
//! ```
//!
//! Exit status, so that a script can trust what it reads on stdout:
//!
//! | code | meaning |
//! |---|---|
//! | 0 | success; warnings (a field ignored, given twice, …) go to stderr |
//! | 1 | the query or the config file has errors: each one on stderr (`error: <field> = …`), nothing on stdout; or stdout could not be written |
//! | 2 | a usage error (unknown option, missing or bad value, two queries): clap's message on stderr, nothing on stdout |
//!
//! `--lenient` turns a query's errors back into the repaired scenario's report (the bad fields at
//! their defaults) with exit 0; the errors still go to stderr, and `--json` lists them in `errors`.
//! A config file that cannot be read fails even then, and `--export` never runs a repaired query.
//!
//! A closed stdout (`suanli … | head -1`) ends the run quietly with 0: the reader took what it
//! wanted, and `set -o pipefail` scripts should not fail for it.

use clap::Parser;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use suanli::estimate::answer::{self, Answered, Unanswered, answered};
use suanli::estimate::{derivations, hf_config, query};
use suanli::launch::{Framework, launch};

/// Shown under `--help` (and `-h`): what a first-time user and a script writer need.
const AFTER_HELP: &str = "\
Examples:
  suanli 'model=llama-3.1-405b&tokens=15.6T&gpu=h100-sxm&gpus=16384&mfu=40%'
  suanli 'http://127.0.0.1:8080/?v=2&model=deepseek-v3&gpus=2048'   # a share link as it is
  suanli --json --derivations 'model=deepseek-v3&gpu=h800-sxm'
  suanli --config config.json 'gpus=512&tokens=2T'
  suanli --export megatron 'model=deepseek-v3&gpus=1024&tp=2&pp=16&ep=64'
  suanli --fields | grep gpus

Exit status:
  0  success; warnings (a field ignored or given twice) go to stderr
  1  the query or the config file has errors: each is printed on stderr as
     `error: <field> = ...` and nothing on stdout (--lenient prints the report anyway);
     or stdout could not be written
  2  usage error: an unknown option, a missing or bad value, more than one query
  A closed stdout (`suanli ... | head`) ends the run quietly, with 0.";

/// The options. Each doc's first paragraph is the `-h` line; the rest shows under `--help`,
/// wrapped by hand because clap wraps only with its `wrap_help` feature (a terminal-size crate).
#[derive(Parser, Debug)]
#[command(
    name = "suanli",
    version,
    about = "算力 Suanli: how much compute an LLM needs to train or serve",
    long_about = "算力 Suanli: how much compute an LLM needs to train or serve.\n\n\
        Reads a scenario (the page's share link, or its query string) and prints every figure\n\
        of the page's metric table: parameters, FLOPs, time, memory per GPU, cost, energy.\n\
        A query with a field it cannot read prints the errors on stderr and nothing on stdout,\n\
        so that a script never takes the report of a scenario it did not ask for.",
    after_help = AFTER_HELP
)]
struct Cli {
    /// The scenario: a share link or its query string; none: the default scenario
    ///
    /// e.g. 'model=deepseek-v3&gpus=2048', quoted: `&` means something to the shell.
    /// `suanli --fields` lists the fields; `suanli --catalog` the model and GPU ids.
    #[arg(value_name = "SHARE URL OR QUERY", verbatim_doc_comment)]
    query: Option<String>,

    /// Print the report as JSON (SI units) instead of a table
    ///
    /// Adds `errors` (empty unless --lenient), `warnings` and the `scenario` as read.
    #[arg(long, verbatim_doc_comment)]
    json: bool,

    /// Add each figure's formula, with its numbers and its source
    #[arg(long)]
    derivations: bool,

    /// Read a Hugging Face config.json into the architecture
    ///
    /// The query's fields go on top of it: `layers=40` in the query beats the file.
    /// A file that cannot be read or parsed is an error (exit 1), even with --lenient.
    #[arg(long, value_name = "FILE", verbatim_doc_comment)]
    config: Option<PathBuf>,

    /// Print the framework's launch settings instead of the report
    ///
    /// A query with errors gets none (exit 1): a repaired scenario would launch a run
    /// nobody asked for.
    #[arg(
        long,
        value_name = "FRAMEWORK",
        value_parser = framework_parser(),
        conflicts_with_all = ["json", "derivations", "lenient"],
        verbatim_doc_comment
    )]
    export: Option<Framework>,

    /// On errors in the query, print the repaired scenario's report anyway and exit 0
    ///
    /// The fields in error keep their defaults; the errors still go to stderr, and
    /// --json lists them in `errors`. Without it: exit 1 and nothing on stdout.
    #[arg(long, verbatim_doc_comment)]
    lenient: bool,

    /// Print the scenario language (every field) as a Markdown table
    #[arg(long, exclusive = true)]
    fields: bool,

    /// Print the model and accelerator catalogs as JSON, with their sources
    #[arg(long, exclusive = true)]
    catalog: bool,
}

/// `--export`'s values from the library's own list, so that a new framework needs no CLI edit and
/// clap names every allowed value (with its release) in `--help` and in its error.
fn framework_parser() -> impl TypedValueParser<Value = Framework> {
    PossibleValuesParser::new(Framework::ALL.map(|f| PossibleValue::new(f.id()).help(f.version())))
        .map(|id| Framework::from_id(&id).expect("clap accepts only the ids of Framework::ALL"))
}

/// One line on stderr. A closed stderr must not turn a finished run into a panic (as `eprintln!`
/// would): the exit code still says how it went.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr().lock(), $($arg)*);
    }};
}

fn main() -> ExitCode {
    // Usage errors exit 2 and --help / --version exit 0, both from clap, before any output here.
    let cli = Cli::parse();
    // One locked, buffered stdout: the report is many small writes, and every one of them must
    // be able to fail (a closed pipe) without a panic, which print! cannot.
    let mut out = io::BufWriter::new(io::stdout().lock());
    // The last writes sit in the buffer: only the flush says whether they arrived.
    match run(&cli, &mut out).and_then(|code| out.flush().map(|()| code)) {
        Ok(code) => code,
        // `| head` closed the pipe: the reader has what it wanted.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            say!("error: writing the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The run. Every check happens before the first byte goes to `out`, so that a failing run
/// writes nothing on stdout.
fn run(cli: &Cli, out: &mut impl Write) -> io::Result<ExitCode> {
    if cli.fields {
        out.write_all(fields_markdown().as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if cli.catalog {
        let catalog = suanli::estimate::catalog::json();
        let text = serde_json::to_string_pretty(&catalog).expect("serialises");
        writeln!(out, "{text}")?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut input = cli.query.clone().unwrap_or_default();
    // A config that cannot be read is fatal even with --lenient: the report would be of the
    // default model, which is the answer-to-another-question this exit code exists to prevent.
    let mut config_failed = false;
    if let Some(path) = &cli.config {
        let shown = path.display();
        let imported = std::fs::read_to_string(path)
            .map_err(|e| format!("{shown}: {e}"))
            .and_then(|text| hf_config::parse(&text).map_err(|e| format!("{shown}: {e}")));
        match imported {
            Ok(imported) => {
                say!("{shown}: {} ({})", imported.name, imported.model_type);
                if !imported.ignored.is_empty() {
                    say!(
                        "ignored (no effect on the compute): {}",
                        imported.ignored.join(", ")
                    );
                }
                for note in &imported.notes {
                    say!("note: {note}");
                }
                input = query::with_architecture(&input, &imported.arch);
            }
            Err(e) => {
                say!("error: {e}");
                config_failed = true;
            }
        }
    }
    // The query is read even after a config failure, so that one run names every problem.
    let parsed = query::parse(&input);
    for e in &parsed.errors {
        say!("error: {e}");
    }
    if config_failed {
        return Ok(ExitCode::FAILURE);
    }
    if !parsed.errors.is_empty() && !cli.lenient {
        // A launch command for a repaired scenario would start a run nobody asked for; and a
        // report of one answers a question nobody asked: refuse both.
        if cli.export.is_none() {
            say!("hint: --lenient prints the report anyway, with these fields at their defaults");
        }
        return Ok(ExitCode::FAILURE);
    }
    // Every figure describes the scenario at the answer (the devices, tokens or model solved
    // for put in place), as the page does: no figure contradicts the answer.
    let a = answered(&parsed.scenario);
    if let Some(why) = a.unanswered {
        say!("error: {}", unanswered_message(why));
        if !cli.lenient {
            return Ok(ExitCode::FAILURE);
        }
    }
    let (shown, report) = (&a.scenario, &a.report);
    if let Some(framework) = cli.export {
        for w in &parsed.warnings {
            say!("warning: {w}");
        }
        let launched = launch(framework, shown, report);
        if framework == Framework::Deepspeed {
            // JSON holds no comments: the notes go to stderr.
            for note in &launched.notes {
                say!("note: {note}");
            }
        }
        out.write_all(launched.text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let messages = |list: &[query::FieldError]| -> Vec<serde_json::Value> {
        list.iter()
            .map(|e| serde_json::json!({"field": e.field, "value": e.value, "problem": e.problem, "message": e.to_string()}))
            .collect()
    };
    if cli.json {
        let mut json = serde_json::to_value(report).expect("report serialises");
        let mut warnings = messages(&parsed.warnings);
        warnings.extend(
            report
                .notices
                .iter()
                .map(|n| serde_json::json!({"notice": n, "message": n.to_string()})),
        );
        // Empty unless --lenient; kept so that the JSON has one shape either way.
        json["errors"] = messages(&parsed.errors).into();
        json["warnings"] = warnings.into();
        json["scenario"] = query::format(&parsed.scenario).into();
        json["at_answer"] = query::format(shown).into();
        json["answer"] = answer_json(&a);
        if let Some(other) = answer::versus(&parsed.scenario) {
            let there = answered(&other);
            json["versus"] = serde_json::json!({ "gpu": other.gpu, "answer": answer_json(&there) });
        }
        if let Some(band) = suanli::estimate::validation::band_for(shown, report) {
            json["mfu_band"] = match band {
                Ok(b) => serde_json::to_value(b).expect("serialises"),
                Err(why) => serde_json::json!({ "outside_ground": why }),
            };
        }
        if cli.derivations {
            json["derivations"] =
                serde_json::to_value(derivations(shown, report)).expect("serialises");
        }
        let text = serde_json::to_string_pretty(&json).expect("serialises");
        writeln!(out, "{text}")?;
    } else {
        for w in &parsed.warnings {
            say!("warning: {w}");
        }
        write_answer(out, &parsed.scenario, &a)?;
        write_table(out, shown, report, cli.derivations)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Why a question has no answer, naming the field that would give it one.
fn unanswered_message(why: Unanswered) -> &'static str {
    match why {
        Unanswered::NoBudget => {
            "budget: solve=budget asks what a budget buys; give one (budget=2M)"
        }
        Unanswered::DeadlineOutOfReach => {
            "gpus: no device count up to 10 million meets this deadline; give it more days (deadline_days) or a larger global_batch"
        }
        Unanswered::NeverFits => {
            "gpus: no device count holds this model in memory at this layout (see the notes)"
        }
    }
}

/// The answer as JSON: its figure's key and value, or why there is none.
fn answer_json(a: &Answered) -> serde_json::Value {
    let m = suanli::metrics::answer(a.report.solve).metric();
    match a.unanswered {
        Some(why) => {
            serde_json::json!({ "metric": m.key(), "unanswered": unanswered_message(why) })
        }
        None => serde_json::json!({ "metric": m.key(), "value": m.value(&a.report) }),
    }
}

/// The answer first, the scenario it was solved in beside the one asked, and the answer on the
/// accelerator compared with.
fn write_answer(
    out: &mut impl Write,
    asked: &suanli::estimate::Scenario,
    a: &Answered,
) -> io::Result<()> {
    let cny = asked.currency == suanli::estimate::scenario::Currency::Cny;
    let line = |a: &Answered| {
        let m = suanli::metrics::answer(a.report.solve).metric();
        match a.unanswered {
            None => m.text(m.value(&a.report), suanli::i18n::Lang::En, cny),
            Some(why) => unanswered_message(why).to_string(),
        }
    };
    writeln!(
        out,
        "{:44} {}",
        format!("Answer [{}]", a.report.solve.id()),
        line(a)
    )?;
    if let Some(other) = answer::versus(asked) {
        writeln!(
            out,
            "{:44} {}",
            format!("On {} [vs_gpu]", other.gpu),
            line(&answered(&other))
        )?;
    }
    if a.scenario != *asked {
        writeln!(out, "{:44} {}", "asked", query::format(asked))?;
    }
    Ok(())
}

/// The scenario language as a Markdown table (docs/scenario-language.md holds a copy, checked against it).
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
            query::Value::Absent if f.name == "vs_gpu" => "none".into(),
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

fn write_table(
    out: &mut impl Write,
    s: &suanli::estimate::Scenario,
    r: &suanli::estimate::Report,
    show_derivations: bool,
) -> io::Result<()> {
    // Every figure of the metric table (src/metrics.rs), as the page shows it, with its key.
    writeln!(out, "{:44} {}", "scenario", query::format(s))?;
    let cny = s.currency == suanli::estimate::scenario::Currency::Cny;
    for m in suanli::metrics::METRICS {
        let v = m.value(r);
        writeln!(
            out,
            "{:44} {}",
            format!("{} [{}]", m.en, m.key()),
            m.text(v, suanli::i18n::Lang::En, cny)
        )?;
    }
    if let Some(band) = suanli::estimate::validation::band_for(s, r) {
        writeln!(
            out,
            "{:44} {}",
            "Predicted MFU band [mfu_band]",
            suanli::i18n::band_line(band, suanli::i18n::Lang::En)
        )?;
    }
    for n in &r.notices {
        writeln!(out, "note: {n}")?;
    }
    if show_derivations {
        for d in derivations(s, r) {
            writeln!(
                out,
                "\n{}: {}\n  {}\n  [{}]",
                d.metric.key(),
                d.formula,
                d.with_numbers,
                d.source
            )?;
        }
    }
    Ok(())
}
