//! The summary that stays in view while a slider moves (sticky on every screen): the
//! scenario's total, grade and next year's project budget, each beside "now" with its change,
//! and a polite live region that says the new total and grade once the inputs settle.

use std::time::Duration;

use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::model::announcement;
use super::numbers::{grade_delta, money_delta, score_delta, score_text};
use super::state::WhatIf;
use crate::components::grade::GradeBadge;
use crate::format::{money, money_large};
use crate::locale::{current, pick, t, t_string, use_i18n, Locale};

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
    let i18n = use_i18n();
    let now_value =
        move |value: String| t_string!(i18n, whatif.summary.now_value, value).to_string();
    view! {
        <section class="wi-summary" aria-labelledby="wi-summary-heading">
            <h2 id="wi-summary-heading" class="visually-hidden">{t!(i18n, whatif.summary.heading)}</h2>
            <div class="wi-metrics">
                <div class="wi-metric">
                    <p class="wi-metric-label">{t!(i18n, whatif.summary.total)}</p>
                    <p class="wi-metric-value">
                        <output class="wi-big" aria-label=move || t_string!(i18n, whatif.summary.total_name) aria-live="off">
                            {move || score_text(total.get())}
                        </output>
                        " " {move || delta_view(score_delta(now_total, total.get()))}
                    </p>
                    <p class="wi-metric-now">{move || now_value(score_text(now_total))}</p>
                </div>
                <div class="wi-metric">
                    <p class="wi-metric-label">{t!(i18n, whatif.summary.grade)}</p>
                    <p class="wi-metric-value">
                        <output aria-label=move || t_string!(i18n, whatif.summary.grade_name) aria-live="off">
                            {move || view! { <GradeBadge grade=grade.get() /> }}
                        </output>
                        " " {move || grade_change(now_grade, grade.get(), current())}
                    </p>
                    <p class="wi-metric-now">
                        {move || now_value(pick(now_grade.label_zh(), now_grade.label_en()).to_owned())}
                    </p>
                </div>
                <div class="wi-metric wi-metric-money">
                    <p class="wi-metric-label">
                        {t!(i18n, whatif.summary.next_year)}
                        " (" {move || super::numbers::adjustment_text(adjustment.get())} ")"
                    </p>
                    <p class="wi-metric-value">
                        <output class="wi-big" aria-label=move || t_string!(i18n, whatif.summary.next_year_name) aria-live="off"
                            title=move || money(next.get(), current())>
                            {move || money_large(next.get(), current())}
                        </output>
                        " " {move || delta_view(money_delta(now_next, next.get(), current()))}
                    </p>
                    <p class="wi-metric-now">{move || now_value(money_large(now_next, current()))}</p>
                </div>
            </div>
            {move || failed.get().then(|| view! {
                <p class="wi-stale" role="alert">{t!(i18n, whatif.summary.stale)}</p>
            })}
            <Announcer what_if />
        </section>
    }
}

/// The grade's move; nothing when it stays (the line under it says the grade now).
fn grade_change(now: Grade, scenario: Grade, locale: Locale) -> impl IntoView {
    let delta = grade_delta(now, scenario, locale);
    (delta.trend != super::numbers::Trend::Same)
        .then(|| view! { <span class=delta.trend.class()>{delta.text}</span> })
}

/// Says the scenario's total, grade and money politely, once the inputs rest (not on load,
/// and not on every step of a slider).
#[component]
fn Announcer(what_if: WhatIf) -> impl IntoView {
    let said = RwSignal::new(String::new());
    let generation = StoredValue::new(0_u64);
    let i18n = use_i18n();
    Effect::new(move |previous: Option<()>| {
        // Said in the language of the moment; a change of language alone says nothing.
        let locale = i18n.get_locale_untracked();
        let text = what_if.shown.with(|p| announcement(p, locale));
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
