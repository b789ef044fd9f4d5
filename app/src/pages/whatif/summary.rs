//! The summary that stays in view while a slider moves (sticky on every screen): the
//! scenario's total, grade and next year's project budget, each beside "now" with its change,
//! and a polite live region that says the new total and grade once the inputs settle.

use std::time::Duration;

use jixiao_domain::money::{format_wan_yuan, format_yuan};
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::model::announcement;
use super::numbers::{grade_delta, money_delta, score_delta, score_text};
use super::state::WhatIf;
use crate::components::grade::GradeBadge;

/// Accessible names of the scenario's figures (stable: the end-to-end tests read them).
pub const TOTAL_NAME: &str = "情景总分 Scenario total";
pub const GRADE_NAME: &str = "情景等级 Scenario grade";
pub const NEXT_YEAR_NAME: &str = "情景明年项目预算 Scenario next year's project budget";

/// How long the inputs must rest before the live region speaks.
const SETTLE: Duration = Duration::from_millis(700);

#[component]
pub fn Summary(what_if: WhatIf) -> impl IntoView {
    let now = what_if.now.get_value();
    let total = Memo::new(move |_| what_if.shown.with(|p| p.total));
    let grade = Memo::new(move |_| what_if.shown.with(|p| p.grade));
    let next = Memo::new(move |_| what_if.shown.with(|p| p.next_year_fen));
    let adjustment = Memo::new(move |_| what_if.shown.with(|p| p.adjustment_bp));
    let failed = Memo::new(move |_| what_if.scenario.with(Result::is_err));
    let delta_view = |delta: super::numbers::Delta| {
        view! { <span class=delta.trend.class()>{delta.text}</span> }
    };
    let (now_total, now_grade, now_next) = (now.total, now.grade, now.next_year_fen);
    view! {
        <section class="wi-summary" aria-labelledby="wi-summary-heading">
            <h2 id="wi-summary-heading" class="visually-hidden">"情景结果 " <span lang="en">"Scenario outcome"</span></h2>
            <div class="wi-metrics">
                <div class="wi-metric">
                    <p class="wi-metric-label">"总分 " <span lang="en">"Total"</span></p>
                    <p class="wi-metric-value">
                        <output class="wi-big" aria-label=TOTAL_NAME aria-live="off">
                            {move || score_text(total.get())}
                        </output>
                        " " {move || delta_view(score_delta(now_total, total.get()))}
                    </p>
                    <p class="wi-metric-now">"现状 " <span lang="en">"Now"</span> " " {score_text(now_total)}</p>
                </div>
                <div class="wi-metric">
                    <p class="wi-metric-label">"等级 " <span lang="en">"Grade"</span></p>
                    <p class="wi-metric-value">
                        <output aria-label=GRADE_NAME aria-live="off">
                            {move || view! { <GradeBadge grade=grade.get() /> }}
                        </output>
                        " " {move || grade_change(now_grade, grade.get())}
                    </p>
                    <p class="wi-metric-now">
                        "现状 " <span lang="en">"Now"</span> " " {now_grade.label_zh()} " " <span lang="en">{now_grade.label_en()}</span>
                    </p>
                </div>
                <div class="wi-metric wi-metric-money">
                    <p class="wi-metric-label">
                        "明年项目预算 " <span lang="en">"Next year's project budget"</span>
                        " (" {move || super::numbers::adjustment_text(adjustment.get())} ")"
                    </p>
                    <p class="wi-metric-value">
                        <output class="wi-big" aria-label=NEXT_YEAR_NAME aria-live="off" title=move || format_yuan(next.get())>
                            {move || format_wan_yuan(next.get())}
                        </output>
                        " " {move || delta_view(money_delta(now_next, next.get()))}
                    </p>
                    <p class="wi-metric-now">"现状 " <span lang="en">"Now"</span> " " {format_wan_yuan(now_next)}</p>
                </div>
            </div>
            {move || failed.get().then(|| view! {
                <p class="wi-stale" role="alert">
                    "输入有误，显示的是上一个有效情景。 "
                    <span lang="en">"An input has an error: showing the last valid scenario."</span>
                </p>
            })}
            <Announcer what_if />
        </section>
    }
}

/// The grade's move; nothing when it stays (the line under it says the grade now).
fn grade_change(now: Grade, scenario: Grade) -> impl IntoView {
    let delta = grade_delta(now, scenario);
    (delta.trend != super::numbers::Trend::Same)
        .then(|| view! { <span class=delta.trend.class()>{delta.text}</span> })
}

/// Says the scenario's total, grade and money politely, once the inputs rest (not on load,
/// and not on every step of a slider).
#[component]
fn Announcer(what_if: WhatIf) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let generation = StoredValue::new(0_u64);
    Effect::new(move |previous: Option<()>| {
        let text = what_if.shown.with(announcement);
        if previous.is_none() {
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        set_timeout(
            move || {
                if generation.try_get_value() == Some(mine) {
                    said.try_set(text);
                }
            },
            SETTLE,
        );
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || said.get()}
        </p>
    }
}
