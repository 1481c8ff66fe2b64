//! The first view, prerendered at build time: the page's own components ([`super::App`]),
//! rendered to HTML natively by Leptos for the default scenario, in English and in Chinese, with
//! the charts drawn as SVG by the same plotters code that draws the canvas. Trunk's post-build
//! hook (`src/bin/prerender.rs`) puts it into `index.html`, so a first visit sees the answer
//! while the module downloads; the module then mounts the live page in its place, in one task
//! (`src/main.rs`), so no frame shows both or neither.
//!
//! Why mount over it rather than hydrate: hydration needs the server's tree and the client's to
//! be the same, but the page starts from what only the browser knows (the address bar, the
//! autosaved scenario, the saved language) and draws its charts on a canvas; and Leptos's
//! hydration code would add to the module every visit downloads. Mounting over the prerendered
//! tree keeps the module as it is. What keeps the two from drifting is that both are the same
//! components, and the end-to-end test `prerender.test.js`, which compares them figure by figure.
//!
//! A page that opens on something else than the default scenario (a shared link, or a
//! returning visitor's autosaved scenario) still sees the prerendered inputs and layout, but
//! its figures are marked pending (the `pending` class, set by [`first_script`] before the first
//! paint) until the module has computed them: the default's numbers are never shown as the
//! link's.

use super::App;
use super::state::Start;
use super::storage::LANG_KEY;
use crate::estimate::query;
use crate::i18n::Lang;
use crate::library::WORKING_KEY;
use leptos::prelude::*;

pub use super::PRERENDERED_ID as ROOT_ID;

/// The page for the default scenario in `lang`, as HTML (without Leptos's hydration markers:
/// nothing hydrates it).
pub fn render(lang: Lang) -> String {
    let owner = Owner::new();
    let html = owner.with(|| view! { <App start=Start::Prerender(lang)/> }.to_html());
    html.replace("<!--<() />-->", "").replace("<!>", "")
}

/// The script that runs before the first paint: it picks the language the page will open in
/// (the saved choice, else the browser's, as `storage::language` does) and marks the figures
/// pending when the page will open something else than the default scenario.
pub fn first_script() -> String {
    // What the page autosaves when it opens with nothing given (`state::provide`).
    let default = query::format(&query::parse("").scenario);
    let string = |s: &str| serde_json::to_string(s).unwrap_or_default();
    format!(
        "(()=>{{const d=document.documentElement,\
         r=k=>{{try{{const v=localStorage.getItem(k);try{{return JSON.parse(v)}}catch{{return v}}}}catch{{return null}}}},\
         l=String(r({lang})??navigator.language??'');\
         d.lang=/^zh/i.test(l)?'zh-CN':'en';\
         const w=r({working});\
         if(location.search.length>1||(w!=null&&w!=={default}))d.classList.add('pending')}})()",
        lang = string(LANG_KEY),
        working = string(WORKING_KEY),
        default = string(&default),
    )
}

/// `index.html` with the first view at the start of its body: the script, then the page in both
/// languages (the stylesheet shows the one `<html lang>` names). Anything Trunk put into the body
/// (`trunk serve`'s reload script) stays after it. Fails if there is not exactly one `<body>`, or
/// if the first view is in it already.
pub fn into_index(index: &str, en: &str, zh: &str) -> Result<String, &'static str> {
    const BODY: &str = "<body>";
    if index.matches(BODY).count() != 1 {
        return Err("index.html has no single <body> to put the first view in");
    }
    if index.contains(&format!("id={ROOT_ID}")) {
        return Err("index.html has the first view already");
    }
    let body = format!(
        "<body><script>{script}</script><div id={ROOT_ID}>\
         <div lang=en>{en}</div><div lang=zh-CN>{zh}</div></div>",
        script = first_script(),
    );
    Ok(index.replacen(BODY, &body, 1))
}
