//! One scenario, one truth (issue 27): whatever the question, the report the page and the CLI
//! show is the scenario at the answer, so no figure beside the answer contradicts it.

use suanli::estimate::Scenario;
use suanli::estimate::answer::{CHINCHILLA_TOKENS_PER_PARAM, Solved, Unanswered, answered};
use suanli::estimate::query;
use suanli::estimate::solve::Solve;
use suanli::estimate::training::DAY_S;
use suanli::metrics;

fn scenario(q: &str) -> Scenario {
    let parsed = query::parse(q);
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    parsed.scenario
}

fn answer_value(a: &suanli::estimate::answer::Answered) -> f64 {
    let m = metrics::answer(a.report.solve).metric();
    m.value(&a.report)
}

/// The case: Llama 3 70B, 15T tokens, 60 days on H100s. The answer is a device count;
/// the days beside it are the days on that count, within the deadline, and the count is the
/// device-count input of the scenario shown.
#[test]
fn devices_for_a_deadline_are_the_devices_the_days_are_on() {
    let s = scenario("model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=gpus");
    let a = answered(&s);
    assert_eq!(a.unanswered, None);
    let at_inputs = suanli::estimate::estimate(&s);
    assert_eq!(
        u64::from(a.scenario.gpus),
        at_inputs.training.gpus_for_deadline.unwrap()
    );
    assert_ne!(
        a.scenario.gpus, 2048,
        "the count typed before is not the answer"
    );
    assert_eq!(answer_value(&a), f64::from(a.scenario.gpus));
    let days = a.report.training.training_seconds / DAY_S;
    assert!(days <= 60.0, "{days} days on the answer's count");
    // Rounded to whole data-parallel replicas, the count overshoots the deadline by less than
    // one replica's worth (a ~3 % step at these counts).
    assert!(days > 60.0 * 0.9, "{days}");
    assert_eq!(s.solve.solved(), &[Solved::Gpus]);
}

/// Within the deadline (or budget), and short of it by no more than the rounding of the answer
/// to the three digits the page prints.
fn within_rounding(used: f64, limit: f64) {
    assert!(used <= limit && used > limit * 0.99, "{used} of {limit}");
}

/// Tokens in a deadline: the run at the answer takes the deadline, on the given devices, and
/// the tokens put in place print as the answer does (three digits).
#[test]
fn tokens_in_a_deadline_take_the_deadline() {
    let s = scenario("model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=tokens");
    let a = answered(&s);
    within_rounding(a.report.training.training_seconds / DAY_S, 60.0);
    assert_eq!(a.scenario.gpus, 2048);
    assert_eq!(answer_value(&a), a.report.training.tokens);
    let at_inputs = suanli::estimate::estimate(&s);
    within_rounding(a.report.training.tokens, at_inputs.answers.tokens_trainable);
    let text = query::format_number(a.report.training.tokens);
    assert!(text.len() <= 5, "{text}");
}

/// Tokens given as a dataset stay a dataset: the answer is written in terabytes.
#[test]
fn tokens_solved_for_a_dataset_stay_in_terabytes() {
    let s = scenario(
        "model=llama-3-8b&gpus=512&dataset_tb=10&bytes_per_token=4&epochs=2&solve=tokens&deadline_days=30",
    );
    let a = answered(&s);
    assert!(matches!(
        a.scenario.data,
        suanli::estimate::scenario::Data::Dataset { bytes_per_token, .. } if bytes_per_token == 4.0
    ));
    within_rounding(a.report.training.training_seconds / DAY_S, 30.0);
}

/// What a budget buys: the run at the answer costs the budget, and its days are the answer.
#[test]
fn a_budget_buys_a_run_that_costs_the_budget() {
    let s = scenario("model=llama-3-70b&gpu=h100-sxm&gpus=1024&solve=budget&budget=5000000");
    let a = answered(&s);
    within_rounding(a.report.cost.rental, 5e6);
    assert_eq!(answer_value(&a), a.report.training.training_seconds);
    let at_inputs = suanli::estimate::estimate(&s);
    within_rounding(
        a.report.training.training_seconds,
        at_inputs.answers.budget_seconds,
    );
}

/// Without a budget there is nothing to answer: the page asks for one instead of "0 days".
#[test]
fn no_budget_is_no_answer() {
    let s = scenario("solve=budget");
    let a = answered(&s);
    assert_eq!(a.unanswered, Some(Unanswered::NoBudget));
    assert_eq!(a.scenario, s);
}

/// The compute-optimal model: at the answer the parameters are the answer, the tokens are 20 per
/// parameter (Hoffmann et al. 2022), and the run fills the deadline (within the rounding of N
/// to three digits, downwards).
#[test]
fn the_compute_optimal_model_fills_the_deadline() {
    let s = scenario("model=llama-3-70b&gpu=h100-sxm&gpus=2048&deadline_days=60&solve=model");
    let a = answered(&s);
    let n = a.report.params_total;
    assert_eq!(answer_value(&a), n);
    assert!((a.report.training.tokens / (CHINCHILLA_TOKENS_PER_PARAM * n) - 1.0).abs() < 1e-12);
    within_rounding(a.report.training.training_seconds / DAY_S, 60.0);
    // The closed form √(C/120) at the inputs' MFU is within a few per cent of it: the attention
    // FLOPs and the step model's MFU at N's own shape are the difference.
    let closed = suanli::estimate::estimate(&s).answers.optimal_params;
    assert!((n / closed - 1.0).abs() < 0.15, "{n} vs {closed}");
}

/// With a budget, the compute-optimal run spends the budget.
#[test]
fn the_compute_optimal_model_for_a_budget_spends_it() {
    let s = scenario("gpu=h100-sxm&gpus=1024&solve=model&budget=10000000");
    let a = answered(&s);
    within_rounding(a.report.cost.rental, 1e7);
}

/// Training days is answered at the inputs: nothing is put in place.
#[test]
fn days_are_answered_at_the_inputs() {
    let s = scenario("model=llama-3-70b&gpus=2048");
    let a = answered(&s);
    assert_eq!(a.scenario, s);
    assert_eq!(s.solve, Solve::Days);
    assert_eq!(answer_value(&a), a.report.training.training_seconds);
}

/// Across the catalog's models, with the layout given or searched, the devices solved for meet
/// the deadline: the report at the answer never shows more days than the deadline.
#[test]
fn the_devices_solved_for_meet_the_deadline_for_every_model() {
    for p in suanli::estimate::presets::all().iter().step_by(3) {
        for layout in ["", "&layout=auto"] {
            let q = format!(
                "model={}&deadline_days=45&solve=gpus&tokens=2T{layout}",
                p.id
            );
            let a = answered(&scenario(&q));
            if a.unanswered.is_some() {
                continue;
            }
            let days = a.report.training.training_seconds / DAY_S;
            assert!(days <= 45.0 * (1.0 + 1e-9), "{q}: {days} days");
        }
    }
}

/// "GPUs to serve the users" is a question of its own: its answer is the serving fleet.
#[test]
fn serving_is_answered_by_the_fleet() {
    let s = scenario("model=llama-3-70b&solve=serve&users=100000");
    let a = answered(&s);
    assert_eq!(a.scenario, s);
    assert_eq!(answer_value(&a), a.report.serving.gpus as f64);
    assert!(a.report.serving.gpus > 8, "{}", a.report.serving.gpus);
}

/// Compare two chips: the same question on a second accelerator, on its own catalog row. A
/// B200 (2.25 PFLOP/s dense BF16 against the H100's 989 TFLOP/s, NVIDIA datasheets) needs
/// fewer devices for the same deadline; the link carries the choice, and a wrong id is refused
/// naming the field.
#[test]
fn a_second_chip_answers_the_same_question() {
    use suanli::estimate::answer::versus;
    let s = scenario(
        "model=llama-3-70b&gpu=h100-sxm&price_per_gpu_hour=2&solve=gpus&deadline_days=60&vs_gpu=b200",
    );
    let other = versus(&s).expect("a second chip");
    assert_eq!(other.gpu, "b200");
    assert_eq!(
        other.price_per_gpu_hour, None,
        "the H100's price is not the B200's"
    );
    let (here, there) = (answered(&s), answered(&other));
    assert!(
        there.scenario.gpus < here.scenario.gpus,
        "{} B200 vs {} H100",
        there.scenario.gpus,
        here.scenario.gpus
    );
    assert!(query::format(&s).contains("vs_gpu=b200"));
    // The same chip twice is no comparison.
    assert_eq!(versus(&scenario("gpu=b200&vs_gpu=b200")), None);
    let bad = query::parse("vs_gpu=b2000");
    assert_eq!(bad.errors[0].field, "vs_gpu");
    assert_eq!(bad.scenario.vs_gpu, None);
}

/// The compute-optimal model with `layout=auto`: the bisection searches the layouts at each size
/// it tries. The fastest layout changes by steps as the model grows (a larger model needs more
/// pipeline stages or sharding), so the run's time jumps: the answer is the largest size before
/// the jump past the deadline, and its run stays within the deadline without filling it. Here
/// 176B runs 47.7 days on 2048 H100s where 2 % more would need more than 60.
#[test]
fn the_compute_optimal_model_with_a_layout_search_stays_within_the_deadline() {
    let s = scenario("mfu=auto&layout=auto&solve=model&deadline_days=60");
    let a = answered(&s);
    let days = a.report.training.training_seconds / DAY_S;
    assert!(days <= 60.0 && days > 0.7 * 60.0, "{days}");
    // Just above the answer the run takes longer than the deadline.
    let mut above = a.scenario.clone();
    above.solve = Solve::Days;
    let n = a.report.params_total * 1.02;
    above.params = Some(n);
    above.data = suanli::estimate::scenario::Data::Tokens(CHINCHILLA_TOKENS_PER_PARAM * n);
    let over = answered(&above).report.training.training_seconds / DAY_S;
    assert!(over > 60.0, "{over} days at 2 % more parameters");
}
