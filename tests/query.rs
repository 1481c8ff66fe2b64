//! The scenario language: numbers, errors that name the field, totality.

use suanli::estimate::query::{FieldError, Problem, format, parse, parse_number};
use suanli::estimate::scenario::Data;

fn error_for<'a>(errors: &'a [FieldError], field: &str) -> &'a FieldError {
    errors
        .iter()
        .find(|e| e.field == field)
        .unwrap_or_else(|| panic!("no error for {field} in {errors:?}"))
}

#[test]
fn numbers_accept_suffixes_percent_and_chinese_units() {
    assert_eq!(parse_number("175e9", false), Ok(175e9));
    assert_eq!(parse_number("175B", false), Ok(175e9));
    assert_eq!(parse_number("1.4T", false), Ok(1.4e12));
    assert_eq!(parse_number("300M", false), Ok(300e6));
    assert_eq!(parse_number("7k", false), Ok(7e3));
    assert_eq!(parse_number("40%", true), Ok(0.4));
    assert_eq!(parse_number("40%", false), Err(Problem::NotANumber));
    assert_eq!(parse_number("7000亿", false), Ok(7e11));
    assert_eq!(parse_number("5万", false), Ok(5e4));
    for bad in ["", "abc", "inf", "NaN", "1e400", "--1", "1.2.3", "B"] {
        assert!(parse_number(bad, false).is_err(), "{bad}");
    }
}

#[test]
fn numbers_read_thousands_separators_chinese_trillions_and_say_too_large() {
    // Issue 11: the page prints "1.02万亿" (human::count), so it must read it back.
    assert_eq!(parse_number("15万亿", false), Ok(15e12));
    assert_eq!(parse_number("1.02万亿", false), Ok(1.02e12));
    assert_eq!(parse_number("15,000,000,000,000", false), Ok(15e12));
    assert_eq!(parse_number("2,048", false), Ok(2048.0));
    assert_eq!(parse_number("1,234.5", false), Ok(1234.5));
    assert_eq!(parse_number("1,5", false), Err(Problem::NotANumber));
    assert_eq!(parse_number("12,34,567", false), Err(Problem::NotANumber));
    assert_eq!(parse_number(",100", false), Err(Problem::NotANumber));
    assert_eq!(parse_number("1e400", false), Err(Problem::TooLarge));
    assert_eq!(parse_number("-1e400", false), Err(Problem::TooLarge));
    let too_large = parse_number("1e400", false).unwrap_err();
    assert_eq!(
        suanli::i18n::problem(&too_large, suanli::i18n::Lang::En),
        "too large"
    );
    assert_eq!(parse_number("infinity", false), Err(Problem::NotANumber));
}

#[test]
fn every_count_the_page_prints_reads_back_to_its_printed_value() {
    use suanli::human::count;
    use suanli::i18n::Lang;
    for x in [
        1.0, 999.0, 1234.0, 56_789.0, 1.2e6, 3.4e8, 7.06e10, 1.02e12, 15.6e12, 9.99e14,
    ] {
        for lang in [Lang::En, Lang::Zh] {
            let shown = count(x, lang);
            let back = parse_number(&shown, false).unwrap_or_else(|e| panic!("{shown}: {e:?}"));
            // Three significant digits are printed, so the value read back is within 0.5 %.
            assert!((back / x - 1.0).abs() < 5e-3, "{x} -> {shown} -> {back}");
        }
    }
}

#[test]
fn every_bad_field_is_named_with_what_is_allowed() {
    let p = parse("mfu=150%&gpus=0&tp=1.5&precision=fp9&model=gpt-5&gpu=h9000&sp=maybe&tokens=abc");
    assert!(
        matches!(error_for(&p.errors, "mfu").problem, Problem::OutOfRange { min, max } if min == 0.01 && max == 1.0)
    );
    assert!(matches!(
        error_for(&p.errors, "gpus").problem,
        Problem::OutOfRange { .. }
    ));
    assert_eq!(error_for(&p.errors, "tp").problem, Problem::NotAWholeNumber);
    match &error_for(&p.errors, "precision").problem {
        Problem::NotOneOf { allowed } => assert!(allowed.contains(&"bf16".to_string())),
        other => panic!("{other:?}"),
    }
    match &error_for(&p.errors, "model").problem {
        Problem::NotOneOf { allowed } => assert!(allowed.contains(&"llama-3-70b".to_string())),
        other => panic!("{other:?}"),
    }
    match &error_for(&p.errors, "gpu").problem {
        Problem::NotOneOf { allowed } => assert!(
            allowed.contains(&"h100-sxm".to_string()) && allowed.contains(&"custom".to_string())
        ),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        error_for(&p.errors, "sp").problem,
        Problem::NotOneOf { .. }
    ));
    assert_eq!(error_for(&p.errors, "tokens").problem, Problem::NotANumber);
    // Messages name the field and the value.
    let msg = error_for(&p.errors, "mfu").to_string();
    assert!(
        msg.contains("mfu") && msg.contains("150%") && msg.contains("0.01"),
        "{msg}"
    );
    // Bad fields keep their defaults.
    let d = suanli::estimate::Scenario::default();
    assert_eq!(p.scenario.mfu, d.mfu);
    assert_eq!(p.scenario.gpus, d.gpus);
}

#[test]
fn unknown_duplicate_and_future_fields_are_warnings() {
    let p = parse("v=9&foo=1&gpus=8&gpus=16&tp=1&pp=1");
    assert!(p.errors.is_empty(), "{:?}", p.errors);
    assert_eq!(p.scenario.gpus, 16);
    assert!(
        p.warnings
            .iter()
            .any(|w| w.field == "foo" && w.problem == Problem::UnknownField)
    );
    assert!(
        p.warnings
            .iter()
            .any(|w| w.field == "gpus" && w.value == "8" && w.problem == Problem::Duplicate)
    );
    assert!(
        p.warnings
            .iter()
            .any(|w| w.field == "v" && matches!(w.problem, Problem::NewerVersion { supported: 2 }))
    );
}

#[test]
fn cross_field_rules_name_the_field() {
    let p = parse("model=llama-2-70b&kv_heads=128&gpus=8&tp=16");
    assert!(matches!(
        error_for(&p.errors, "kv_heads").problem,
        Problem::AtMost { .. }
    ));
    assert!(matches!(
        error_for(&p.errors, "tp").problem,
        Problem::AtMost { .. }
    ));
    assert_eq!(p.scenario.arch.as_ref().unwrap().kv_heads, 64);
    assert_eq!(p.scenario.tp, 8);
}

#[test]
fn data_size_alternatives() {
    let p = parse("dataset_tb=2&bytes_per_token=1.8");
    assert_eq!(
        p.scenario.data,
        Data::Dataset {
            tb: 2.0,
            bytes_per_token: 1.8
        }
    );
    let both = parse("tokens=1T&dataset_tb=2");
    assert_eq!(both.scenario.data, Data::Tokens(1e12));
    assert!(both.warnings.iter().any(|w| w.field == "dataset_tb"));
}

#[test]
fn model_precedence() {
    // A preset with an override keeps the preset id and changes the architecture.
    let p = parse("model=llama-2-7b&layers=40");
    assert_eq!(p.scenario.model.as_deref(), Some("llama-2-7b"));
    assert_eq!(p.scenario.arch.as_ref().unwrap().layers, 40);
    // Bare params: no preset, implied architecture.
    let p = parse("params=13B");
    assert_eq!(
        (
            p.scenario.model.clone(),
            p.scenario.arch.clone(),
            p.scenario.params
        ),
        (None, None, Some(13e9))
    );
    // Architecture fields without a model: a custom architecture.
    let p = parse("layers=24&hidden=2048");
    assert!(p.scenario.model.is_none());
    assert_eq!(p.scenario.arch.as_ref().unwrap().hidden, 2048);
}

#[test]
fn format_is_readable_and_round_trips() {
    let p = parse("model=llama-3.1-405b&tokens=15.6T&gpu=h100-sxm&gpus=16384&mfu=40%");
    let q = format(&p.scenario);
    assert_eq!(q, "v=2&model=llama-3.1-405b&tokens=15.6T&gpus=16384");
    assert_eq!(parse(&q).scenario, p.scenario);
    // Whole URLs and fragments are accepted.
    assert_eq!(
        parse(&format!("https://example.org/suanli/?{q}#top")).scenario,
        p.scenario
    );
}

#[test]
fn markup_in_values_is_only_data() {
    // Values are never interpreted: a script payload is just a bad value, reported verbatim.
    let p = parse("model=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(
        error_for(&p.errors, "model").value,
        "<script>alert(1)</script>"
    );
}

#[test]
fn a_custom_architecture_takes_its_shape_from_the_fields_it_gives() {
    // GPT-3 from its shape in Brown et al. 2020, Table D.1 (L 96, h 12288, 96 heads, FFN 4h,
    // tied embeddings, V 50257): multi-head attention when kv_heads is not given, head_dim
    // = h / heads, 174.6B parameters. It counted 155B while kv_heads leaked in from a default.
    let p = parse("layers=96&hidden=12288&heads=96&ffn=49152&glu=0&tied=1&vocab=50257");
    let arch = p.scenario.arch.clone().unwrap();
    assert_eq!((arch.kv_heads, arch.head_dim), (96, 128));
    let n = suanli::estimate::estimate(&p.scenario).params_total;
    assert!((n / 174.6e9 - 1.0).abs() < 1e-3, "{n}");
    // Without heads or ffn: 128-wide heads and a 4h FFN from the width given.
    let arch = parse("layers=40&hidden=5120").scenario.arch.unwrap();
    assert_eq!(
        (arch.heads, arch.kv_heads, arch.head_dim, arch.ffn),
        (40, 40, 128, 20480)
    );
    // Given fields win: GQA stays GQA.
    let arch = parse("layers=32&hidden=4096&heads=32&kv_heads=8")
        .scenario
        .arch
        .unwrap();
    assert_eq!((arch.kv_heads, arch.head_dim), (8, 128));
    // A rejected field does not count as given.
    let arch = parse("layers=32&hidden=4096&heads=32&kv_heads=x")
        .scenario
        .arch
        .unwrap();
    assert_eq!(arch.kv_heads, 32);
}

#[test]
fn percentages_read_as_the_decimal_they_name() {
    // "35%" must be the same number as "0.35", or a typed MFU writes 0.35000000000000003 into
    // the link.
    for (pct, dec) in [("35%", 0.35), ("40%", 0.4), ("7%", 0.07), ("52.5%", 0.525)] {
        assert_eq!(
            suanli::estimate::query::parse_number(pct, true),
            Ok(dec),
            "{pct}"
        );
    }
}

#[test]
fn a_version_1_link_keeps_the_network_it_had_and_version_2_takes_the_catalogs() {
    // Before version 2 every accelerator had 400 Gb/s of scale-out; an A100 link of then opens
    // with it, and writes it out. A version-2 link without net_gbps takes the catalog's: 200 Gb/s
    // for the A100 (DGX A100 datasheet: 8 × HDR 200 Gb/s for 8 GPUs).
    let old = parse("v=1&gpu=a100-80g-sxm&gpus=1024&mfu=auto");
    assert_eq!(old.scenario.net_gbps, Some(400.0));
    assert!(format(&old.scenario).contains("net_gbps=400"));
    let new = parse("v=2&gpu=a100-80g-sxm&gpus=1024&mfu=auto");
    assert_eq!(new.scenario.net_gbps, None);
    let r = suanli::estimate::resolve::Resolved::new(&new.scenario);
    assert_eq!(r.net_gbps, 200.0);
    // The same link without a version is read as the current one.
    assert_eq!(
        parse("gpu=a100-80g-sxm&gpus=1024&mfu=auto").scenario,
        new.scenario
    );
}
