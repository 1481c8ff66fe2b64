//! The command line as a script sees it: exit codes, what goes to stdout and what to stderr.
//! A script trusts stdout when the exit code is 0, so a failing run must leave stdout empty.

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

const CLI: &str = env!("CARGO_BIN_EXE_suanli");

fn run(args: &[&str]) -> Output {
    Command::new(CLI).args(args).output().expect("runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// A model id that is surely not in the catalog: the test reads the catalog rather than trust
/// a guess (`llama-4-maverick`, the example, became a catalog id).
fn unknown_model() -> &'static str {
    let id = "llama-9-imaginary";
    let catalog: serde_json::Value = serde_json::from_str(&stdout(&run(&["--catalog"]))).unwrap();
    let ids: Vec<&str> = catalog["models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() >= 40, "{ids:?}");
    assert!(
        !ids.contains(&id),
        "{id} is in the catalog now: pick another"
    );
    id
}

/// The happy path is what every other test contrasts with: exit 0, the report on stdout, and it
/// is the report of the model asked for (the `scenario` line echoes the query as read).
#[test]
fn a_valid_query_prints_its_report_and_exits_0() {
    let out = run(&["model=deepseek-v3&gpus=1024"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let scenario = text
        .lines()
        .find(|l| l.starts_with("scenario "))
        .unwrap_or_else(|| panic!("no scenario line: {text}"));
    assert!(scenario.contains("model=deepseek-v3"), "{scenario}");
    assert!(scenario.contains("gpus=1024"), "{scenario}");
    // DeepSeek-V3's 671B from the catalog, not the default model's count.
    assert!(
        text.lines()
            .any(|l| l.starts_with("Parameters [params_total]") && l.ends_with("671B")),
        "{text}"
    );
}

/// The issue: an unknown model id printed the default model's report with exit 0, a confident
/// answer to a question nobody asked. Now the error names the field and stdout stays empty.
#[test]
fn an_unknown_model_fails_with_nothing_on_stdout() {
    let out = run(&[&format!("model={}", unknown_model())]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| l.starts_with("error: model = ")),
        "{err}"
    );
}

/// A value that is not a number is the other kind of error the parser repairs to a default.
#[test]
fn a_bad_number_fails_with_nothing_on_stdout() {
    let out = run(&["model=deepseek-v3&gpus=abc"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| l.starts_with("error: gpus = ")),
        "{err}"
    );
}

/// Every problem is named in one run, so that a script's author fixes them all at once.
#[test]
fn every_error_of_a_query_is_named() {
    let out = run(&[&format!("model={}&gpus=abc", unknown_model())]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(errors.len(), 2, "{err}");
    assert!(errors[0].starts_with("error: model = "), "{err}");
    assert!(errors[1].starts_with("error: gpus = "), "{err}");
}

/// JSON consumers parse stdout: with errors there must be nothing there to parse, not a JSON
/// report of the repaired scenario with a non-empty `errors` array they may not look at.
#[test]
fn json_with_errors_fails_with_nothing_on_stdout() {
    for query in [format!("model={}", unknown_model()), "gpus=abc".to_string()] {
        let out = run(&["--json", &query]);
        assert_eq!(out.status.code(), Some(1), "{query}");
        assert!(out.stdout.is_empty(), "{query}: {}", stdout(&out));
        let field = query.split('=').next().unwrap();
        assert!(
            stderr(&out).contains(&format!("error: {field} = ")),
            "{}",
            stderr(&out)
        );
    }
}

/// Warnings (an unknown field is ignored, not repaired) do not fail a run: the report is of
/// the scenario asked for.
#[test]
fn warnings_alone_succeed() {
    let out = run(&["model=deepseek-v3&no_such_field=1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("model=deepseek-v3"));
    assert!(
        stderr(&out).contains("warning: no_such_field"),
        "{}",
        stderr(&out)
    );
}

/// --lenient is the old behaviour for whoever wants it: the repaired scenario's report, exit 0,
/// and the errors still on stderr.
#[test]
fn lenient_prints_the_repaired_report() {
    let out = run(&["--lenient", "model=deepseek-v3&gpus=abc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("model=deepseek-v3"),
        "{}",
        stdout(&out)
    );
    assert!(stderr(&out).contains("error: gpus = "), "{}", stderr(&out));

    // With --json the errors stay in the report's `errors`, as they were before --lenient.
    let out = run(&["--lenient", "--json", "model=deepseek-v3&gpus=abc"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["field"], "gpus");
}

/// Unknown flags used to be ignored silently: a typo (`--jsn`) changed the output's format
/// without a word. Usage errors exit 2, clap's message naming the flag, nothing on stdout.
#[test]
fn an_unknown_flag_is_a_usage_error() {
    let out = run(&["--bogus", "model=deepseek-v3"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    assert!(stderr(&out).contains("--bogus"), "{}", stderr(&out));
}

/// Two queries: which one would the report be of? Refused rather than guessed.
#[test]
fn two_queries_are_a_usage_error() {
    let out = run(&["model=deepseek-v3", "model=llama-3-8b"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
}

/// Options whose only effect would be ignored are refused too: --export prints launch
/// settings, never JSON, and --catalog takes no query.
#[test]
fn options_that_would_be_ignored_are_usage_errors() {
    for args in [
        &["--export", "vllm", "--json", "model=gpt-oss-120b"][..],
        &[
            "--export",
            "megatron",
            "--lenient",
            "model=deepseek-v3&gpus=abc",
        ],
        &["--catalog", "model=deepseek-v3"],
        &["--fields", "--json"],
        &["--config"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

/// A config file that is not there is an input error like a bad query (exit 1, not 2: the
/// command line was well formed), and it fails even with --lenient, since the report would be
/// of the default model instead of the file's.
#[test]
fn a_missing_config_file_fails_with_nothing_on_stdout() {
    let missing = std::env::temp_dir().join(format!("suanli-no-such-{}.json", std::process::id()));
    assert!(!missing.exists());
    let path = missing.to_str().unwrap();
    for args in [
        &["--config", path, "gpus=512"][..],
        &["--lenient", "--config", path, "gpus=512"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{}", stdout(&out));
        assert!(
            stderr(&out).contains(&format!("error: {path}: ")),
            "{}",
            stderr(&out)
        );
    }
}

/// --help is for people: it must show examples and the exit codes a script relies on.
#[test]
fn help_documents_examples_and_exit_codes() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = stdout(&out);
    for needle in [
        "Examples:",
        "Exit status:",
        "--lenient",
        "--export",
        "sglang",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

/// `suanli --catalog | head -1` used to panic with "Broken pipe". A reader that stops early is
/// normal in a pipeline: the run ends quietly with 0. The output must be larger than a pipe's
/// buffer (64 KiB on Linux), else the writes all succeed before the reader goes away and the
/// test proves nothing; no report is that large, the catalog is, and it goes through the same
/// writer.
#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    let whole = run(&["--catalog"]);
    assert!(whole.stdout.len() > 64 * 1024, "{}", whole.stdout.len());
    let mut child = Command::new(CLI)
        .arg("--catalog")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    reader.read_line(&mut first).unwrap();
    assert_eq!(first, "{\n");
    drop(reader);
    let out = child.wait_with_output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("panicked") && !err.contains("Broken pipe"),
        "{err}"
    );
}

/// The report's own writes, text and JSON, with a pipe whose reader is gone before the first
/// byte: the first write fails for certain, whatever the output's size.
#[test]
fn a_closed_pipe_ends_a_report_quietly() {
    for args in [
        &["--derivations", "model=deepseek-v3"][..],
        &["--json", "--derivations", "model=deepseek-v3"],
        &["--fields"],
        &[
            "--export",
            "megatron",
            "model=deepseek-v3&gpus=1024&tp=2&pp=16&ep=64",
        ],
    ] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(CLI)
            .args(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

/// Stderr can be a closed pipe too (`2>&1 | head -1`): the errors and warnings that cannot be
/// written must not turn into a panic's exit code 101, since the exit code is then all a script
/// has to go on.
#[test]
fn a_closed_stderr_keeps_the_exit_code() {
    for (query, code) in [("gpus=abc", 1), ("model=deepseek-v3&no_such_field=1", 0)] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(CLI)
            .arg(query)
            .stderr(writer)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(code), "{query}");
        assert_eq!(out.stdout.is_empty(), code != 0, "{query}");
    }
}

/// One scenario, one truth (issue 27): solving for the devices a 60-day deadline needs, the
/// report is the one on those devices, as the page shows it; the scenario asked is kept beside
/// the one at the answer.
#[test]
fn the_report_is_the_scenario_at_the_answer() {
    let out = run(&[
        "--json",
        "model=llama-3-70b&gpu=h100-sxm&deadline_days=60&solve=gpus&vs_gpu=b200",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let n = json["answer"]["value"].as_f64().unwrap();
    assert_eq!(json["answer"]["metric"], "gpus");
    assert_eq!(json["gpus"].as_f64(), Some(n));
    assert_eq!(json["gpus_for_deadline"].as_f64(), Some(n));
    assert!(json["training_seconds"].as_f64().unwrap() <= 60.0 * 86400.0);
    assert!(
        json["at_answer"]
            .as_str()
            .unwrap()
            .contains(&format!("gpus={n}"))
    );
    assert!(!json["scenario"].as_str().unwrap().contains("gpus="));
    // The B200 needs fewer devices for the same deadline.
    assert!(json["versus"]["answer"]["value"].as_f64().unwrap() < n);
}

/// A question without its input is an error naming the field, not a report of zero days.
#[test]
fn a_budget_question_without_a_budget_fails_naming_the_budget() {
    let out = run(&["solve=budget"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("error: budget"), "{}", stderr(&out));
}
