//! The layouts tab: the fastest parallel layouts that fit, from the layout search, each with a
//! button that makes it the scenario's layout. `Layouts` takes what it shows as props (a test
//! mounts it alone); `LayoutTable` passes them from the page state.

use super::state::{answered, given, lang, tr_in};
use crate::estimate::layout::Layout;
use crate::estimate::search::Candidate;
use crate::estimate::search_layouts;
use crate::form::layout_line;
use crate::human;
use crate::i18n::Lang;
use leptos::prelude::*;

/// The candidates: the report's with `layout=auto`; otherwise searched here, and only while the
/// tab is open (the search is kept off the slider's path).
fn candidates() -> Memo<Vec<Candidate>> {
    let answered = answered();
    Memo::new(move |_| {
        answered.report.with(|r| {
            if r.layouts.is_empty() {
                answered.shown.with(search_layouts)
            } else {
                r.layouts.clone()
            }
        })
    })
}

/// Makes a layout the scenario's (and stops searching, so that it stays).
fn adopt(l: Layout) {
    let given = given();
    given.scenario.update(|s| {
        s.tp = l.tp;
        s.pp = l.pp;
        s.ep = l.ep;
        s.etp = Some(l.etp);
        s.cp = l.cp;
        s.vpp = Some(l.vpp);
        s.micro_batch = l.micro_batch;
        s.recompute = l.recompute;
        s.zero = l.zero;
        s.layout_auto = false;
    });
}

/// The table of the fastest layouts of the scenario on the page: [`Layouts`] over the page
/// state, adopting a layout into the scenario.
#[component]
pub fn LayoutTable() -> impl IntoView {
    let lang = lang();
    let answered = answered();
    let in_use = Memo::new(move |_| answered.report.with(|r| r.layout));
    view! { <Layouts candidates=candidates() in_use lang on_adopt=Callback::new(adopt)/> }
}

/// The fastest layouts that fit, fastest first, with their step time, MFU, memory and the
/// layout in a line; the one in use is marked, every other has a button to use it.
#[component]
pub fn Layouts(
    /// The layouts searched, fastest first; those that do not fit are left out.
    candidates: Memo<Vec<Candidate>>,
    /// The layout the scenario uses now (marked in the table).
    in_use: Memo<Layout>,
    /// The language of the headings and the layout lines.
    #[prop(into)]
    lang: Signal<Lang>,
    /// Called with a layout when its "use" button is pressed.
    on_adopt: Callback<Layout>,
) -> impl IntoView {
    let tr = move |text| tr_in(lang, text);
    view! {
        <div class="layouts">
            <h3>{tr(|u| u.layouts_title)}</h3>
            <p class="hint">{tr(|u| u.layouts_intro)}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=tr(|u| u.layouts_title)>
                <table id="layout-table">
                    <thead>
                        <tr>
                            <th>"#"</th>
                            <th>{tr(|u| u.col_step)}</th>
                            <th>"MFU"</th>
                            <th>{tr(|u| u.col_memory)}</th>
                            <th>{tr(|u| u.col_layout)}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            candidates
                                .get()
                                .into_iter()
                                .filter(|c| c.fits)
                                .enumerate()
                                .map(|(i, c)| {
                                    let l = c.layout;
                                    let used = move || in_use.get() == l;
                                    view! {
                                        <tr class:in-use=used data-layout=i.to_string()>
                                            <td>{i + 1}</td>
                                            <td class="step-time">{format!("{} s", human::sig3(c.time_s))}</td>
                                            <td>{human::percent(c.mfu)}</td>
                                            <td>{human::bytes(c.memory_bytes)}</td>
                                            <td class="layout-desc">{move || layout_line(&l, lang.get())}</td>
                                            <td>
                                                <Show
                                                    when=used
                                                    fallback=move || view! {
                                                        <button type="button" class="use-layout" on:click=move |_| on_adopt.run(l)>
                                                            {tr(|u| u.use_layout)}
                                                        </button>
                                                    }
                                                >
                                                    <span class="in-use-mark">{tr(|u| u.layout_in_use)}</span>
                                                </Show>
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        }}
                    </tbody>
                </table>
            </div>
            <Show when=move || candidates.with(|f| !f.iter().any(|c| c.fits))>
                <p class="warn">{tr(|u| u.layouts_none)}</p>
            </Show>
        </div>
    }
}
