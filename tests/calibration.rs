//! Calibration from the user's own measured run (docs/model.md §9): one factor on the step
//! model's compute efficiencies, fitted so the model reproduces the measurement, carried in the
//! link and applied to the planned run.

use suanli::estimate::notice::Notice;
use suanli::estimate::{estimate, query};

fn parse(q: &str) -> suanli::estimate::Scenario {
    let parsed = query::parse(q);
    assert!(parsed.errors.is_empty(), "{q}: {:?}", parsed.errors);
    parsed.scenario
}

/// The query of a measured run, encoded as the value of `calib`.
fn encoded(run: &str) -> String {
    form_urlencoded::byte_serialize(run.as_bytes()).collect()
}

const RUN: &str =
    "model=llama-3-8b&gpu=h100-sxm&gpus=64&tp=1&pp=1&zero=1&global_batch=512&mfu=auto";
const PLAN: &str = "model=llama-3-70b&gpu=h100-sxm&gpus=1024&tp=8&pp=4&global_batch=1024&mfu=auto";

#[test]
fn the_calibrated_model_reproduces_the_measured_step() {
    let fitted = estimate(&parse(RUN)).step;
    // A cluster 20 % slower than the fitted model: the run, calibrated on itself, takes the
    // measured time.
    let measured = fitted.time_s * 1.2;
    let q = format!("{RUN}&calib={}&calib_step_s={measured}", encoded(RUN));
    let r = estimate(&parse(&q));
    let c = r.calibration.expect("calibrated");
    assert!(c.matched);
    assert!(
        (r.step.time_s / measured - 1.0).abs() < 1e-9,
        "{} vs {measured}",
        r.step.time_s
    );
    assert!((c.predicted_step_s / fitted.time_s - 1.0).abs() < 1e-12);
    // Compute slowed by 1/k: k below 1.
    assert!(c.factor < 1.0 && c.factor > 0.7, "{}", c.factor);
}

#[test]
fn a_single_device_run_calibrates_as_hand_computed() {
    // One device, no communication: step = compute / k + softmax + optimizer, where the
    // logits' softmax (memory-bound: 8 bytes per logit in each of 3 passes, docs/model.md §6)
    // and the optimizer do not scale. A measured MFU of 0.8× the predicted one makes the step
    // 1/0.8 as long, so k = (compute - softmax) / (step / 0.8 - optimizer - softmax).
    let run =
        "model=llama-3.2-1b&gpu=h100-sxm&gpus=1&tp=1&pp=1&zero=0&global_batch=8&seq=4096&mfu=auto";
    let st = estimate(&parse(run)).step;
    assert_eq!(st.time_s, st.compute_s + st.optimizer_s, "no communication");
    // 8 micro-batches of 4096 tokens, vocabulary 128,256, H100 SXM 3,350 GB/s.
    let softmax = 8.0 * 3.0 * 4096.0 * 128_256.0 * 8.0 / 3350e9;
    let k = (st.compute_s - softmax) / (st.time_s / 0.8 - st.optimizer_s - softmax);
    let q = format!("{run}&calib={}&calib_mfu={}", encoded(run), st.mfu * 0.8);
    let c = estimate(&parse(&q)).calibration.unwrap();
    assert!((c.factor / k - 1.0).abs() < 1e-9, "{} vs {k}", c.factor);
}

#[test]
fn step_time_tokens_per_second_and_mfu_give_the_same_factor() {
    let st = estimate(&parse(RUN)).step;
    let slower = 1.25;
    let factor = |measure: String| {
        let q = format!("{PLAN}&calib={}&{measure}", encoded(RUN));
        estimate(&parse(&q)).calibration.unwrap().factor
    };
    let by_step = factor(format!("calib_step_s={}", st.time_s * slower));
    let by_mfu = factor(format!("calib_mfu={}", st.mfu / slower));
    let by_tokens = factor(format!(
        "calib_tokens_per_gpu_s={}",
        st.tokens_per_s / 64.0 / slower
    ));
    assert!((by_mfu / by_step - 1.0).abs() < 1e-9);
    assert!((by_tokens / by_step - 1.0).abs() < 1e-9);
}

#[test]
fn the_planned_run_is_reprojected_and_the_link_keeps_it() {
    let plain = estimate(&parse(PLAN));
    let st = estimate(&parse(RUN)).step;
    let q = format!("{PLAN}&calib={}&calib_mfu={}", encoded(RUN), st.mfu * 0.9);
    let s = parse(&q);
    let r = estimate(&s);
    // A slower cluster than fitted: the planned run is slower too, and its days longer.
    assert!(r.step.mfu < plain.step.mfu);
    assert!(r.training.training_seconds > plain.training.training_seconds);
    // The link reopens calibrated, to the same figures.
    let link = query::format(&s);
    assert!(link.contains("calib="), "{link}");
    let again = parse(&link);
    assert_eq!(again, s);
    assert_eq!(estimate(&again), r);
    // The derivation names the factor.
    let rows = suanli::estimate::derivations(&s, &r);
    assert!(
        rows.iter()
            .any(|d| d.metric == suanli::metrics::MetricId::CalibrationFactor)
    );
}

#[test]
fn bad_calibration_input_names_the_field() {
    // A bad field of the measured run is named inside it.
    let q = format!(
        "{PLAN}&calib={}&calib_mfu=0.4",
        encoded("model=llama-3-8b&tp=abc")
    );
    let parsed = query::parse(&q);
    assert!(
        parsed.errors.iter().any(|e| e.field == "calib.tp"),
        "{:?}",
        parsed.errors
    );
    // A measurement without a run is said, and ignored.
    let parsed = query::parse(&format!("{PLAN}&calib_mfu=0.4"));
    assert!(parsed.warnings.iter().any(|e| e.field == "calib_mfu"));
    assert_eq!(parsed.scenario.calib_mfu, None);
    // Two measurements: the first is used, the other named.
    let q = format!("{PLAN}&calib={}&calib_mfu=0.4&calib_step_s=3", encoded(RUN));
    let parsed = query::parse(&q);
    assert!(parsed.warnings.iter().any(|e| e.field == "calib_step_s"));
    assert_eq!(parsed.scenario.calib_step_s, None);
    // An MFU no compute efficiency can reach is matched as far as the bound allows, and said.
    let q = format!("{PLAN}&calib={}&calib_mfu=0.99", encoded(RUN));
    let r = estimate(&parse(&q));
    assert!(!r.calibration.unwrap().matched);
    assert!(
        r.notices
            .iter()
            .any(|n| matches!(n, Notice::CalibrationUnmatched { .. }))
    );
    assert!(r.step.mfu.is_finite() && r.step.mfu < 1.0);
}

#[test]
fn the_error_band_comes_from_held_out_runs_of_the_class() {
    use suanli::estimate::reference::{REFERENCES, Role};
    use suanli::estimate::validation::{OutsideGround, band_for};
    // Dense on H100: the band is the mean held-out error of the dense held-out runs.
    let s = parse(PLAN);
    let r = estimate(&s);
    let b = band_for(&s, &r).unwrap().unwrap();
    let dense: Vec<f64> = REFERENCES
        .iter()
        .filter(|x| x.role == Role::HeldOut && !x.is_moe())
        .map(|x| x.error().abs())
        .collect();
    assert!(!b.moe);
    assert_eq!(b.runs, dense.len());
    let mean = dense.iter().sum::<f64>() / dense.len() as f64;
    assert!((b.mean_error - mean).abs() < 1e-12);
    assert!(b.mfu_low < r.step.mfu && r.step.mfu < b.mfu_high);
    // MoE scenarios take the MoE runs' error.
    let s = parse("model=deepseek-v3&gpu=h800-sxm&gpus=2048&tp=1&pp=16&ep=64&mfu=auto");
    let b = band_for(&s, &estimate(&s)).unwrap().unwrap();
    assert!(b.moe && b.runs >= 4, "{b:?}");
    // Outside the checked ground: no band, and why.
    for (q, why) in [
        (
            "model=llama-3-70b&gpu=b200&gpus=1024&mfu=auto",
            OutsideGround::Accelerator,
        ),
        (
            "model=llama-3-70b&gpu=h100-sxm&gpus=65536&mfu=auto",
            OutsideGround::Devices,
        ),
        (
            "model=llama-3-70b&gpu=h100-sxm&gpus=1024&precision=fp32&mfu=auto",
            OutsideGround::Precision,
        ),
    ] {
        let s = parse(q);
        assert_eq!(band_for(&s, &estimate(&s)), Some(Err(why)), "{q}");
    }
    // A given MFU has no band.
    let s = parse("model=llama-3-70b&mfu=0.4");
    assert_eq!(band_for(&s, &estimate(&s)), None);
}
