//! The prerendered first view (`suanli::app::first_view`, issue 24), natively: it is the page for
//! the default scenario, in the language asked for, with its charts, and it goes into
//! `index.html` whole or not at all. The end-to-end test `tests/e2e/prerender.test.js` compares
//! it with the live page in the browser.
#![cfg(feature = "prerender")]

use suanli::app::first_view::{self, ROOT_ID};
use suanli::estimate::metric_id::MetricId;
use suanli::estimate::{estimate, query};
use suanli::i18n::Lang;

#[test]
fn it_shows_the_default_scenarios_own_figures() {
    let html = first_view::render(Lang::En);
    // The same figures, to the bit, as the core's report of the scenario an empty link opens.
    let report = estimate(&query::parse("").scenario);
    for metric in [
        MetricId::TrainingSeconds,
        MetricId::ParamsTotal,
        MetricId::GpuHours,
    ] {
        let attr = format!(
            "data-metric=\"{}\" data-value=\"{}\"",
            metric.key(),
            report.figure(metric)
        );
        assert!(html.contains(&attr), "{attr} not in the prerendered page");
    }
    // 90.7 days: Llama 3 70B on 15T tokens and 2,048 H100 at the predicted MFU (the CLI's
    // `suanli ''` prints the same).
    assert!(html.contains("90.7 days"));
}

#[test]
fn each_language_is_rendered_in_its_own_words() {
    let en = first_view::render(Lang::En);
    let zh = first_view::render(Lang::Zh);
    assert!(en.contains("Training days") && !en.contains("训练天数"));
    assert!(zh.contains("训练天数") && zh.contains("90.7 天"));
}

#[test]
fn the_charts_come_as_svg_in_both_schemes_at_both_sizes() {
    let html = first_view::render(Lang::En);
    for class in ["light wide", "dark wide", "light narrow", "dark narrow"] {
        let n = html
            .matches(&format!("class=\"chart-svg {class}\""))
            .count();
        assert_eq!(n, 3, "{class}: one for each of the three charts");
    }
    assert_eq!(html.matches("<svg").count(), 12);
    // Nothing hydrates it: Leptos's hydration markers are left out.
    assert!(!html.contains("<!--<() />-->") && !html.contains("<!>"));
}

#[test]
fn the_legend_carries_the_dark_schemes_colours_beside_the_light_ones() {
    // The legend is written once; the stylesheet swaps in `--dark` where the system is dark, so
    // a dark page's first view shows the dark charts with their own swatches.
    let html = first_view::render(Lang::En);
    let swatches = html.matches("class=\"swatch").count();
    assert!(swatches >= 3, "{swatches}");
    assert_eq!(html.matches(";--dark:").count(), swatches);
    // A series in the first palette slot, in each scheme's colour.
    let (light, dark) = (
        suanli::charts::LIGHT.palette[0].css(),
        suanli::charts::DARK.palette[0].css(),
    );
    assert_ne!(light, dark);
    assert!(html.contains(&format!("background:{light};--dark:{dark}")));
}

#[test]
fn it_goes_into_the_empty_body_of_index_html() {
    let index = "<!doctype html><html lang=en><title>t</title><body></body></html>";
    let page = first_view::into_index(index, "EN-PAGE", "ZH-PAGE").unwrap();
    let body = &page[page.find("<body>").unwrap()..];
    let script = body.find("<script>").unwrap();
    let root = body.find(&format!("<div id={ROOT_ID}>")).unwrap();
    // The script first, so the language and the pending mark are set before the first paint.
    assert!(script < root);
    assert!(body.contains("<div lang=en>EN-PAGE</div><div lang=zh-CN>ZH-PAGE</div>"));
    // What Trunk put into the body (`trunk serve`'s reload script) stays, after the first view.
    let served =
        first_view::into_index("<body><script>reload()</script></body>", "E", "Z").unwrap();
    assert!(served.ends_with("<div lang=zh-CN>Z</div></div><script>reload()</script></body>"));
    // An index.html prerendered already, or without a single body, is refused.
    assert!(first_view::into_index(&page, "EN-PAGE", "ZH-PAGE").is_err());
    assert!(first_view::into_index("<p></p>", "", "").is_err());
}

#[test]
fn the_first_script_knows_the_default_and_the_storage_keys() {
    let script = first_view::first_script();
    // What the page autosaves when opened without a link, and the keys it reads.
    let default = query::format(&query::parse("").scenario);
    assert!(script.contains(&serde_json::to_string(&default).unwrap()));
    assert!(script.contains("\"suanli.working\"") && script.contains("\"suanli.lang\""));
    assert!(!script.contains("</script"));
}
