//! Browser tests: the app and its components mounted in headless Chromium by wasm-bindgen-test.
//! They read the page as a user would, through `data-metric`/`data-value` and the inputs, and
//! wait for conditions, never for a fixed time.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use suanli::app::cards::{Answer, Card, Cards};
use suanli::app::inputs::{Hint, Inputs};
use suanli::app::layouts::Layouts;
use suanli::app::tabs::Notes;
use suanli::app::{saved, state};
use suanli::cards::{Versus, card};
use suanli::estimate::answer::Unanswered;
use suanli::estimate::layout::Layout;
use suanli::estimate::notice::Notice;
use suanli::estimate::validation::{Band, OutsideGround, band_for};
use suanli::estimate::{Report, Scenario, estimate, query, search_layouts};
use suanli::form;
use suanli::i18n::{self, Lang};
use suanli::metrics::{self, MetricId};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).unwrap()
}

fn metric(root: &Element, key: &str) -> f64 {
    find(root, &format!(".cards [data-metric=\"{key}\"]"))
        .unwrap_or_else(|| panic!("no card {key}"))
        .get_attribute("data-value")
        .unwrap()
        .parse()
        .unwrap()
}

/// Yields to the browser until `cond` holds (10 s at most, then fails naming `what`).
async fn until(what: &str, cond: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !cond() {
        assert!(js_sys::Date::now() - start < 10_000.0, "timed out: {what}");
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

fn set_input(root: &Element, selector: &str, value: &str, event: &str) {
    let input: HtmlInputElement = find(root, selector).unwrap().dyn_into().unwrap();
    input.set_value(value);
    input.dispatch_event(&Event::new(event).unwrap()).unwrap();
}

/// The text of the first element under `root` that matches `selector` ("" if none does).
fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    let el: web_sys::HtmlElement = find(root, selector)
        .unwrap_or_else(|| panic!("nothing to click at {selector}"))
        .dyn_into()
        .unwrap();
    el.click();
}

/// A memo of a signal the test sets: what the page's components take (the page passes memos
/// of its state).
fn memo<T: Clone + PartialEq + Send + Sync + 'static>(s: RwSignal<T>) -> Memo<T> {
    Memo::new(move |_| s.get())
}

fn report_of(q: &str) -> Report {
    estimate(&query::parse(q).scenario)
}

fn fresh_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

#[wasm_bindgen_test]
async fn app_mounts_renders_cards_and_charts_and_reacts_to_input() {
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), || {
        leptos::view! { <suanli::app::App/> }
    });
    until("cards", || find(&root, ".cards [data-metric]").is_some()).await;
    // Llama-3 70B by default: 70.55B parameters (config.json arithmetic, see tests/published.rs).
    assert!((metric(&root, "params_total") - 70_553_706_496.0).abs() < 1.0);
    for key in [
        "training_flops",
        "training_seconds",
        "gpu_hours",
        "memory_per_gpu.total_bytes",
        "serving.gpus",
    ] {
        let v = metric(&root, key);
        assert!(v.is_finite() && v > 0.0, "{key} = {v}");
    }
    until("days chart drawn", || {
        find(&root, "[data-chart=\"days\"][data-drawn]").is_some()
    })
    .await;
    // Doubling the GPUs halves the days (T = C / (n F MFU)).
    let before = metric(&root, "training_seconds");
    set_input(&root, "[data-field=\"gpus\"]", "4096", "change");
    until("days follow", || {
        metric(&root, "training_seconds") != before
    })
    .await;
    let after = metric(&root, "training_seconds");
    assert!((after / before - 0.5).abs() < 1e-9, "{before} -> {after}");
    drop(handle);
}

/// The form and the cards as components: mounted on their own over a provided state, an input
/// changes the figures, and a rejected value shows its message and changes nothing.
#[wasm_bindgen_test]
async fn field_component_validates_and_drives_the_cards() {
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), || {
        let lib = saved::provide(state::Start::Browser);
        state::provide(lib.trouble, state::Start::Browser);
        view! { <Inputs/> <Cards/> }
    });
    until("cards", || find(&root, ".cards [data-metric]").is_some()).await;
    let days = metric(&root, "training_seconds");
    // 150 % is outside MFU's 0.01 to 1: the message names the range, the figure stays.
    set_input(&root, "[data-field=\"mfu\"]", "150%", "change");
    until("error shown", || {
        find(&root, "[data-error-for=\"mfu\"]").is_some()
    })
    .await;
    let err = find(&root, "[data-error-for=\"mfu\"]").unwrap();
    assert!(
        err.text_content().unwrap().contains("0.01"),
        "{:?}",
        err.text_content()
    );
    assert_eq!(metric(&root, "training_seconds"), days);
    // MFU 0.4 -> 0.2 doubles the days, and the message goes.
    set_input(&root, "[data-field=\"mfu\"]", "20%", "change");
    until("days follow", || metric(&root, "training_seconds") != days).await;
    assert!((metric(&root, "training_seconds") / days - 2.0).abs() < 1e-9);
    until("error cleared", || {
        find(&root, "[data-error-for=\"mfu\"]").is_none()
    })
    .await;
    // A slider position gives a round value: whole percent for MFU.
    set_input(&root, "input[data-slider=\"mfu\"]", "333", "input");
    until("mfu field follows the slider", || {
        let v: HtmlInputElement = find(&root, "[data-field=\"mfu\"]")
            .unwrap()
            .dyn_into()
            .unwrap();
        v.value() == "0.3"
    })
    .await;
    drop(handle);
}

// ---- Components mounted alone, with props built here -------------------------------------------

/// A card over signals made here: its figure and detail line come from the report, in the
/// language given, and follow each signal.
#[wasm_bindgen_test]
async fn a_card_alone_follows_its_report_language_and_band() {
    let root = fresh_root();
    let report = RwSignal::new(report_of(""));
    let band = RwSignal::new(None::<Result<Band, OutsideGround>>);
    let lang = RwSignal::new(Lang::En);
    let cny = RwSignal::new(false);
    let def = card(MetricId::TrainingSeconds).unwrap();
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        let (report, band, cny) = (memo(report), memo(band), memo(cny));
        view! { <Card def report band lang cny/> }
    });
    let value = || {
        find(&root, "[data-metric=\"training_seconds\"]")
            .and_then(|e| e.get_attribute("data-value"))
            .and_then(|v| v.parse::<f64>().ok())
    };
    until("card", || value().is_some()).await;
    // The default scenario's 64 replicas (2,048 devices over TP 8 × PP 4; src/cards.rs).
    assert_eq!(
        text(&root, ".card-detail"),
        "64 data-parallel replicas · HFU 44.1%"
    );
    assert!(
        find(&root, ".card-band").is_none(),
        "no band with a given MFU"
    );
    lang.set(Lang::Zh);
    until("the line in Chinese", || {
        text(&root, ".card-detail") == "64 个数据并行副本 · HFU 44.1%"
    })
    .await;
    assert_eq!(
        text(&root, ".card-label"),
        MetricId::TrainingSeconds.metric().label(Lang::Zh)
    );
    // Twice the devices, half the days (T = C / (n F MFU)).
    let days = value().unwrap();
    report.set(report_of("gpus=4096"));
    until("days follow the report", || value() != Some(days)).await;
    assert!((value().unwrap() / days - 0.5).abs() < 1e-9);
    // A predicted MFU's band gives the days a range.
    let s = query::parse("mfu=auto").scenario;
    let r = estimate(&s);
    band.set(band_for(&s, &r));
    report.set(r);
    lang.set(Lang::En);
    until("the range", || {
        text(&root, ".card-band").starts_with("held-out range ")
    })
    .await;
    drop(handle);
}

/// The answer card over signals made here: the question's figure, what limits it, what it asks
/// for when there is no answer, and the answer on a second accelerator.
#[wasm_bindgen_test]
async fn the_answer_alone_asks_when_unanswered_and_compares_when_asked() {
    let root = fresh_root();
    let r = report_of("");
    let figure = metrics::answer(r.solve);
    let here = r.figure(figure);
    let report = RwSignal::new(r.clone());
    let unanswered = RwSignal::new(None::<Unanswered>);
    let band = RwSignal::new(None::<Result<Band, OutsideGround>>);
    let versus = RwSignal::new(None::<Versus>);
    let lang = RwSignal::new(Lang::En);
    let cny = RwSignal::new(false);
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        let (report, unanswered, band) = (memo(report), memo(unanswered), memo(band));
        let (versus, cny) = (memo(versus), memo(cny));
        view! { <Answer report unanswered band versus lang cny/> }
    });
    until("answer", || find(&root, "#answer").is_some()).await;
    let answer = find(&root, "#answer").unwrap();
    assert_eq!(answer.get_attribute("data-solve").unwrap(), r.solve.id());
    assert_eq!(
        answer.get_attribute("data-value").unwrap(),
        here.to_string()
    );
    assert_eq!(
        text(&root, ".card-label"),
        format!(
            "Answer: {}",
            metrics::question(r.solve).metric().label(Lang::En)
        )
    );
    // No budget to answer from: the card asks for one rather than answering 0.
    unanswered.set(Some(Unanswered::NoBudget));
    until("asks", || answer.class_list().contains("asks")).await;
    assert_eq!(text(&root, ".card-value"), "—");
    assert_eq!(text(&root, ".card-detail"), Lang::En.ui().ask_budget);
    assert_eq!(
        find(&root, ".card-detail")
            .unwrap()
            .get_attribute("data-limited-by")
            .unwrap(),
        "ask-budget"
    );
    assert_eq!(answer.get_attribute("data-value").unwrap(), "");
    // Answered again, and on a second accelerator at half the figure.
    unanswered.set(None);
    versus.set(Some(Versus {
        name: "B200",
        metric: figure,
        value: Ok(here / 2.0),
    }));
    until("versus", || {
        text(&root, "#answer-versus").starts_with("B200: ")
    })
    .await;
    assert!(
        text(&root, "#answer-versus").ends_with("(−50 %)"),
        "{}",
        text(&root, "#answer-versus")
    );
    lang.set(Lang::Zh);
    until("caption in Chinese", || {
        text(&root, ".card-label").starts_with("答案：")
    })
    .await;
    drop(handle);
}

/// The notes over a list made here: none says so, each notice is read in the language given.
#[wasm_bindgen_test]
async fn the_notes_alone_list_the_notices_given() {
    let root = fresh_root();
    let notices = RwSignal::new(Vec::<Notice>::new());
    let lang = RwSignal::new(Lang::En);
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        view! { <Notes notices=memo(notices) lang/> }
    });
    until("notes", || find(&root, ".notes").is_some()).await;
    assert_eq!(text(&root, ".notes li"), Lang::En.ui().no_notes);
    assert!(find(&root, ".notes li.notice").is_none());
    notices.set(vec![Notice::ImpliedArchitecture]);
    let en = i18n::notice(&Notice::ImpliedArchitecture, Lang::En);
    until("the notice", || text(&root, ".notes li.notice") == en).await;
    lang.set(Lang::Zh);
    let zh = i18n::notice(&Notice::ImpliedArchitecture, Lang::Zh);
    until("in Chinese", || text(&root, ".notes li.notice") == zh).await;
    assert_eq!(
        text(&root, ".notes li.assumption"),
        Lang::Zh.ui().assumptions_note
    );
    drop(handle);
}

/// The layouts table over candidates made here: the fitting ones listed fastest first, the one
/// in use marked, a press on another's button handed to the callback, the mark following.
#[wasm_bindgen_test]
async fn the_layouts_alone_list_mark_and_hand_back_a_choice() {
    let root = fresh_root();
    let found = search_layouts(&Scenario::default());
    let fitting: Vec<Layout> = found.iter().filter(|c| c.fits).map(|c| c.layout).collect();
    assert!(
        fitting.len() >= 2,
        "the default scenario has layouts to choose from"
    );
    let candidates = RwSignal::new(found);
    let in_use = RwSignal::new(fitting[0]);
    let lang = RwSignal::new(Lang::En);
    let adopted = RwSignal::new(None::<Layout>);
    let on_adopt = Callback::new(move |l: Layout| adopted.set(Some(l)));
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        let (candidates, in_use) = (memo(candidates), memo(in_use));
        view! { <Layouts candidates in_use lang on_adopt/> }
    });
    until("rows", || find(&root, "#layout-table tbody tr").is_some()).await;
    let rows = root.query_selector_all("#layout-table tbody tr").unwrap();
    assert_eq!(rows.length() as usize, fitting.len());
    let marked = || {
        find(&root, "tr.in-use")
            .and_then(|e| e.get_attribute("data-layout"))
            .unwrap_or_default()
    };
    assert_eq!(marked(), "0");
    assert_eq!(
        text(&root, "tr[data-layout=\"1\"] .layout-desc"),
        form::layout_line(&fitting[1], Lang::En)
    );
    click(&root, "tr[data-layout=\"1\"] .use-layout");
    until("handed back", || adopted.get_untracked().is_some()).await;
    assert_eq!(adopted.get_untracked(), Some(fitting[1]));
    in_use.set(fitting[1]);
    until("the mark follows", || marked() == "1").await;
    // Nothing fits: the table says so.
    candidates.set(Vec::new());
    until("none fits", || {
        text(&root, ".layouts .warn") == Lang::En.ui().layouts_none
    })
    .await;
    drop(handle);
}

/// A live hint over a report made here: the accelerator's figures, following the report.
#[wasm_bindgen_test]
async fn a_hint_alone_follows_its_report() {
    let root = fresh_root();
    let report = RwSignal::new(report_of(""));
    let lang = RwSignal::new(Lang::En);
    let handle = leptos::mount::mount_to(root.clone().unchecked_into(), move || {
        view! { <Hint hint=form::Hint::Specs report=memo(report) lang/> }
    });
    until("hint", || find(&root, "#hint-specs").is_some()).await;
    // The H100 SXM5's datasheet: 989 TFLOP/s dense BF16, 80 GB at 3.35 TB/s, 700 W.
    assert_eq!(
        text(&root, "#hint-specs"),
        "989 TFLOP/s bf16 · 80 GB · 3.35 TB/s · 700 W"
    );
    let hint = find(&root, "#hint-specs").unwrap();
    assert_eq!(hint.get_attribute("data-metric").unwrap(), "peak_flops");
    let before = hint.get_attribute("data-value").unwrap();
    report.set(report_of("gpu=b200"));
    until("the B200's figures", || {
        hint.get_attribute("data-value").unwrap() != before
    })
    .await;
    assert_ne!(
        text(&root, "#hint-specs"),
        "989 TFLOP/s bf16 · 80 GB · 3.35 TB/s · 700 W"
    );
    drop(handle);
}
