//! Fuzzing the query parser (issue #5): 100,000 random inputs, no panic, and every result is a
//! scenario plus errors that each name a field, a value and a problem.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use suanli::estimate::query::{ARCH_FIELDS, FIELDS, SPECIAL_FIELDS, format, parse};
use suanli::estimate::{Report, estimate};

fn field_names() -> Vec<&'static str> {
    FIELDS
        .iter()
        .map(|f| f.name)
        .chain(ARCH_FIELDS.iter().map(|f| f.name))
        .chain(SPECIAL_FIELDS.iter().map(|f| f.0))
        .collect()
}

/// Link-like inputs: known and unknown keys with mangled values, percent-encodings, separators.
fn link() -> impl Strategy<Value = String> {
    let names = field_names();
    let key = prop_oneof![
        proptest::sample::select(names),
        "[a-z_]{1,12}".prop_map(|s| Box::leak(s.into_boxed_str()) as &'static str)
    ];
    let value = prop_oneof![
        "[0-9.eE+-]{0,12}[kMBTG%万亿]?",
        "[a-z0-9.-]{0,16}",
        ".{0,24}",
        "%[0-9A-Fa-f]{2}[^&]{0,6}",
        Just("NaN".to_string()),
        Just("inf".to_string()),
        Just("1e400".to_string()),
        Just("-0".to_string()),
    ];
    proptest::collection::vec(
        (
            key,
            value,
            prop_oneof![Just("&"), Just(";"), Just("&&"), Just("#")],
        ),
        0..12,
    )
    .prop_map(|pairs| {
        let mut s = String::from("?");
        for (k, v, sep) in pairs {
            s.push_str(k);
            s.push('=');
            s.push_str(&v);
            s.push_str(sep);
        }
        s
    })
}

fn finite_and_nonnegative(r: &Report) -> bool {
    let t = &r.training;
    [
        t.training_flops,
        t.training_seconds,
        t.gpu_hours,
        r.memory_per_gpu.total_bytes,
        r.serving.tokens_per_s_per_gpu,
        r.cost.energy_joules,
    ]
    .iter()
    .all(|x| x.is_finite() && *x >= 0.0)
}

#[test]
fn one_hundred_thousand_random_inputs() {
    let mut runner = TestRunner::new(Config {
        cases: 50_000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&link(), |input| {
            let p = parse(&input);
            for e in p.errors.iter().chain(&p.warnings) {
                prop_assert!(!e.field.is_empty(), "{input}: unnamed problem {e:?}");
                // The message names the field and the value as written, then says what is
                // wrong. (It used to be checked only for not being empty, which it never is: the
                // field, the value and the separators are always written.)
                let message = e.to_string();
                let problem = message.strip_prefix(&format!("{} = \"{}\": ", e.field, e.value));
                prop_assert!(
                    problem.is_some_and(|p| !p.trim().is_empty()),
                    "{input}: {message:?} does not name {:?} = {:?} and a problem",
                    e.field,
                    e.value
                );
            }
            // Whatever came in, the scenario is valid: it formats and reads back unchanged.
            prop_assert_eq!(&parse(&format(&p.scenario)).scenario, &p.scenario);
            prop_assert!(finite_and_nonnegative(&estimate(&p.scenario)), "{}", input);
            Ok(())
        })
        .unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 50_000,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(
            &proptest::string::string_regex("(?s).{0,120}").unwrap(),
            |input| {
                let p = parse(&input);
                prop_assert!(
                    p.errors
                        .iter()
                        .chain(&p.warnings)
                        .all(|e| !e.field.is_empty())
                );
                Ok(())
            },
        )
        .unwrap();
}
