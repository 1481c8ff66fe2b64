//! Links that open today open the same scenario tomorrow. `fixtures/links.tsv` was captured
//! before the scenario language moved from its own decimal parser to `str::parse::<f64>`
//! (issue 11): each row is a real link (the reference runs of `src/estimate/reference.rs`, the
//! README's examples, links typed on the page), its canonical form, the parameter count, the
//! training days and the fields it rejects. Four rows of custom architectures were updated on
//! purpose afterwards (issue 13, item 6): they had taken `kv_heads`, `head_dim` and `ffn` from a
//! placeholder instead of from the fields they give, so GPT-3's shape counted 155B, not 174.6B.
//! Five DeepSeek-V3 rows' days were updated on purpose by issue 22: the model's multi-token-
//! prediction module is trained with it (DeepSeek-V3 sec. 2.2), 1.58B more active parameters per
//! token, so the same link's run takes 4.3 % longer (48.26 -> 50.34 days at 40 % MFU).
//! Issue 23 moved the language to version 2, which takes the scale-out bandwidth from the
//! catalog: the canonical forms now start `v=2`, and a version-1 link keeps the 400 Gb/s it had by
//! writing `net_gbps=400` out; every count and day is unchanged (`WRITE_LINKS_FIXTURE=1`
//! rewrites the columns from the code, for review).

use suanli::estimate::{estimate, query};

#[test]
fn every_fixture_link_opens_the_scenario_it_opened_before() {
    let fixture = include_str!("fixtures/links.tsv");
    if std::env::var_os("WRITE_LINKS_FIXTURE").is_some() {
        // Rewrites the canonical, count and days columns from today's code (review the diff).
        let rows: Vec<String> = fixture
            .lines()
            .map(|line| {
                let link = line.split('\t').next().unwrap();
                let parsed = query::parse(link);
                let report = estimate(&parsed.scenario);
                let days = report.training.training_seconds / suanli::estimate::training::DAY_S;
                let fields: Vec<String> = parsed.errors.iter().map(|e| e.field.clone()).collect();
                format!(
                    "{link}\t{}\t{}\t{days}\t{}",
                    query::format(&parsed.scenario),
                    report.params_total,
                    fields.join(",")
                )
            })
            .collect();
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/links.tsv");
        std::fs::write(path, rows.join("\n") + "\n").unwrap();
        return;
    }
    let mut rows = 0;
    for line in fixture.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [link, canonical, params, days, rejected] = cols[..] else {
            panic!("bad fixture row {line:?}");
        };
        let parsed = query::parse(link);
        assert_eq!(query::format(&parsed.scenario), canonical, "{link}");
        let report = estimate(&parsed.scenario);
        assert_eq!(report.params_total.to_string(), params, "{link}");
        // The fixture holds days, as the report did before it moved to seconds (issue 12).
        let days_now = report.training.training_seconds / suanli::estimate::training::DAY_S;
        assert_eq!(days_now.to_string(), days, "{link}");
        let fields: Vec<String> = parsed.errors.iter().map(|e| e.field.clone()).collect();
        assert_eq!(fields.join(","), rejected, "{link}");
        // The canonical form is a fixed point.
        assert_eq!(query::format(&query::parse(canonical).scenario), canonical);
        rows += 1;
    }
    assert!(rows >= 50, "{rows} rows");
}
