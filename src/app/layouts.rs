//! The layouts tab: the fastest parallel layouts that fit, from the layout search, each with a
//! button that makes it the scenario's layout.

use super::state::{ctx, tr};
use crate::estimate::layout::Layout;
use crate::estimate::query::{self, FieldId};
use crate::estimate::scenario::Schedule;
use crate::estimate::search::Candidate;
use crate::estimate::search_layouts;
use crate::human;
use crate::i18n::{self, Lang};
use leptos::prelude::*;

/// A layout in a line: `TP 8 · PP 4 (vpp 2) · DP 64 · micro-batch 1 · selective · ZeRO-1`; EP
/// (with ETP) and CP only where they are used.
pub fn describe(l: &Layout, lang: Lang) -> String {
    let mut parts = vec![format!("TP {}", l.tp)];
    parts.push(if l.vpp > 1 {
        format!("PP {} (vpp {})", l.pp, l.vpp)
    } else if l.pp > 1 && l.schedule != Schedule::OneFOneB {
        format!(
            "PP {} ({})",
            l.pp,
            i18n::choice_label(FieldId::PpSchedule, l.schedule.id(), lang)
        )
    } else {
        format!("PP {}", l.pp)
    });
    parts.push(format!("DP {}", l.dp));
    if l.ep > 1 {
        // The expert group: its tensor-parallel size too, which folding sets apart from TP.
        parts.push(format!("EP {} · ETP {}", l.ep, l.etp));
    }
    if l.cp > 1 {
        parts.push(format!("CP {}", l.cp));
    }
    parts.push(format!(
        "{} {}",
        i18n::field_label(FieldId::MicroBatch, lang),
        l.micro_batch
    ));
    parts.push(i18n::choice_label(
        FieldId::Recompute,
        query::recompute_id(l.recompute),
        lang,
    ));
    parts.push(format!("ZeRO-{}", l.zero));
    parts.join(" · ")
}

/// The candidates: the report's with `layout=auto`; otherwise searched here, and only while the
/// tab is open (the search is kept off the slider's path).
fn candidates() -> Memo<Vec<Candidate>> {
    let ctx = ctx();
    Memo::new(move |_| {
        ctx.report.with(|r| {
            if r.layouts.is_empty() {
                ctx.shown.with(search_layouts)
            } else {
                r.layouts.clone()
            }
        })
    })
}

/// Makes a layout the scenario's (and stops searching, so that it stays).
fn adopt(l: Layout) {
    let ctx = ctx();
    ctx.scenario.update(|s| {
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

/// The table of the fastest layouts.
#[component]
pub fn LayoutTable() -> impl IntoView {
    let ctx = ctx();
    let found = candidates();
    let in_use = Memo::new(move |_| ctx.report.with(|r| r.layout));
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
                            found
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
                                            <td class="layout-desc">{move || describe(&l, ctx.lang.get())}</td>
                                            <td>
                                                <Show
                                                    when=used
                                                    fallback=move || view! {
                                                        <button type="button" class="use-layout" on:click=move |_| adopt(l)>
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
            <Show when=move || found.with(|f| !f.iter().any(|c| c.fits))>
                <p class="warn">{tr(|u| u.layouts_none)}</p>
            </Show>
        </div>
    }
}
