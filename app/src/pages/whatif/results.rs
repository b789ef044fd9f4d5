//! "现状" (now) and "情景" (scenario) side by side: each indicator's projected value, lamp and
//! score with the change; the money (total, project budget, next year's under the year's
//! rules); and the chart of scores. Rows are drawn once; only their cells follow the inputs.

use jixiao_domain::dto::whatif::{DepartmentWhatIf, IndicatorLabel};
use jixiao_domain::lamps::Lamp;
use jixiao_domain::whatif::department::{IndicatorProjection, Projection};
use leptos::prelude::*;

use super::numbers::{adjustment_text, money_delta, score_delta, score_text, value_text, Delta};
use super::state::WhatIf;
use crate::components::charts::projected_scores::{ProjectedScoresChart, ScoreRow};
use crate::components::grade::GradeBadge;
use crate::components::lamp::LampBadge;
use crate::format::{money, money_large, number};
use crate::locale::{current, pick, t, t_string, td_string, use_i18n};

pub const HEADING_ID: &str = "wi-results-heading";

fn delta_view(delta: Delta) -> impl IntoView {
    view! { <span class=delta.trend.class()>{delta.text}</span> }
}

#[component]
pub fn Results(what_if: WhatIf, start: StoredValue<DepartmentWhatIf>) -> impl IntoView {
    let now = what_if.now.get_value();
    let labels: Vec<IndicatorLabel> = start.with_value(|s| s.indicators.clone());
    let points: Vec<f64> =
        start.with_value(|s| s.baseline.indicators.iter().map(|i| i.points).collect());
    let rows = now
        .indicators
        .iter()
        .zip(&points)
        .filter_map(|(now_row, points)| {
            let label = labels.iter().find(|l| l.id == now_row.id)?.clone();
            let id = now_row.id;
            let scenario = Memo::new(move |_| {
                what_if
                    .shown
                    .with(|p| p.indicators.iter().find(|i| i.id == id).copied())
            });
            Some(view! { <IndicatorRow label now=*now_row points=*points scenario /> })
        })
        .collect_view();
    let chart_rows: Vec<ScoreRow> = now
        .indicators
        .iter()
        .zip(&points)
        .map(|(row, points)| {
            let label = labels.iter().find(|l| l.id == row.id);
            ScoreRow {
                name_zh: label.map(|l| l.name_zh.clone()).unwrap_or_default(),
                name_en: label.map(|l| l.name_en.clone()).unwrap_or_default(),
                points: *points,
                now: row.score,
            }
        })
        .collect();
    let scenario_scores = Signal::derive(move || {
        what_if
            .shown
            .with(|p| p.indicators.iter().map(|i| i.score).collect::<Vec<_>>())
    });
    let total = Memo::new(move |_| what_if.shown.with(|p| (p.total, p.grade)));
    let (now_total, now_grade) = (now.total, now.grade);
    let i18n = use_i18n();
    view! {
        <section class="panel wi-panel" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{t!(i18n, whatif.results.heading)}</h2>
            <p class="field-hint">{t!(i18n, whatif.results.hint)}</p>
            <div class="table-wrap wi-table-wrap">
                <table class="data-table wi-table">
                    <caption class="visually-hidden">{t!(i18n, whatif.results.caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, whatif.results.indicator)}</th>
                            <th scope="col">{t!(i18n, whatif.now)}</th>
                            <th scope="col">{t!(i18n, whatif.scenario)}</th>
                            <th scope="col">{t!(i18n, whatif.results.score_change)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows}
                        <tr class="wi-total-row">
                            <th scope="row">{t!(i18n, whatif.results.total_and_grade)}</th>
                            <td data-label=move || t_string!(i18n, whatif.now)>
                                <strong>{score_text(now_total)}</strong> " " <GradeBadge grade=now_grade />
                            </td>
                            <td data-label=move || t_string!(i18n, whatif.scenario)>
                                <strong>{move || score_text(total.get().0)}</strong> " "
                                {move || view! { <GradeBadge grade=total.get().1 /> }}
                            </td>
                            <td data-label=move || t_string!(i18n, whatif.results.score_change)>
                                {move || delta_view(score_delta(now_total, total.get().0))}
                            </td>
                        </tr>
                    </tbody>
                </table>
            </div>
            <ProjectedScoresChart id="wi-scores-chart".to_owned() rows=chart_rows scenario=scenario_scores />
        </section>
        <Money what_if now />
    }
}

#[component]
fn IndicatorRow(
    label: IndicatorLabel,
    now: IndicatorProjection,
    points: f64,
    scenario: Memo<Option<IndicatorProjection>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (direction, unit) = (label.direction, label.unit.clone());
    let value = move |p: Option<f64>| value_text(direction, p, &crate::locale::unit(&unit));
    let now_value = value(now.projected);
    let changed = move || {
        scenario.with(|s| s.is_some_and(|s| s.projected != now.projected || s.score != now.score))
    };
    view! {
        <tr class="wi-row" class:wi-changed=changed>
            <th scope="row" class="wi-ind">
                <span>{move || pick(&label.name_zh, &label.name_en).to_owned()}</span>
                <span class="wi-points muted">
                    {move || t_string!(i18n, whatif.results.points, points = number(points)).to_string()}
                </span>
            </th>
            <td data-label=move || t_string!(i18n, whatif.now) class="wi-cell">
                <span class="wi-value">{now_value}</span>
                {(now.lamp != Lamp::None).then(|| view! { <LampBadge lamp=now.lamp /> })}
                <span class="wi-score">{t!(i18n, whatif.score)} " " <strong>{score_text(now.score)}</strong></span>
            </td>
            <td data-label=move || t_string!(i18n, whatif.scenario) class="wi-cell">
                <span class="wi-value">{move || value(scenario.get().and_then(|s| s.projected))}</span>
                {move || scenario.get().filter(|s| s.lamp != Lamp::None).map(|s| view! { <LampBadge lamp=s.lamp /> })}
                <span class="wi-score">
                    {t!(i18n, whatif.score)} " "
                    <strong>{move || scenario.get().map_or_else(|| "—".to_owned(), |s| score_text(s.score))}</strong>
                </span>
            </td>
            <td data-label=move || t_string!(i18n, whatif.results.score_change) class="wi-cell">
                {move || scenario.get().map(|s| delta_view(score_delta(now.score, s.score)))}
            </td>
        </tr>
    }
}

/// The money: total and project budget, the grade's adjustment and next year's budget.
#[component]
fn Money(what_if: WhatIf, now: Projection) -> impl IntoView {
    let money_now = Memo::new(move |_| {
        what_if.shown.with(|p| {
            (
                p.total_budget_fen,
                p.project_budget_fen,
                p.adjustment_bp,
                p.next_year_fen,
            )
        })
    });
    let i18n = use_i18n();
    let now_label = move || t_string!(i18n, whatif.now);
    let scenario_label = move || t_string!(i18n, whatif.scenario);
    let change_label = move || t_string!(i18n, whatif.change);
    let row = move |label: fn(crate::locale::Locale) -> &'static str,
                    now_fen: i64,
                    pick: fn((i64, i64, i32, i64)) -> i64| {
        view! {
            <tr>
                <th scope="row">{move || label(current())}</th>
                <td data-label=now_label class="num" title=move || money(now_fen, current())>
                    {move || money_large(now_fen, current())}
                </td>
                <td data-label=scenario_label class="num">
                    <span title=move || money(pick(money_now.get()), current())>
                        {move || money_large(pick(money_now.get()), current())}
                    </span>
                </td>
                <td data-label=change_label>
                    {move || delta_view(money_delta(now_fen, pick(money_now.get()), current()))}
                </td>
            </tr>
        }
    };
    let now_adjustment = now.adjustment_bp;
    let formula = move |(_, project, bp, next): (i64, i64, i32, i64)| {
        let sign = if bp < 0 { "−" } else { "+" };
        let magnitude = adjustment_text(bp.abs()).trim_start_matches('+').to_owned();
        let locale = current();
        format!(
            "{} × (1 {sign} {magnitude}) = {}",
            money_large(project, locale),
            money_large(next, locale)
        )
    };
    let now_figures = (
        now.total_budget_fen,
        now.project_budget_fen,
        now.adjustment_bp,
        now.next_year_fen,
    );
    view! {
        <section class="panel wi-panel" aria-labelledby="wi-money-heading">
            <h2 id="wi-money-heading">{t!(i18n, whatif.money.heading)}</h2>
            <div class="table-wrap wi-table-wrap">
                <table class="data-table wi-table wi-money">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, whatif.item)}</th>
                            <th scope="col" class="num">{t!(i18n, whatif.now)}</th>
                            <th scope="col" class="num">{t!(i18n, whatif.scenario)}</th>
                            <th scope="col">{t!(i18n, whatif.change)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {row(|l| td_string!(l, whatif.money.total_budget), now.total_budget_fen, |m| m.0)}
                        {row(|l| td_string!(l, whatif.money.project_budget), now.project_budget_fen, |m| m.1)}
                        <tr>
                            <th scope="row">{t!(i18n, whatif.money.adjustment)}</th>
                            <td data-label=now_label class="num">{adjustment_text(now_adjustment)}</td>
                            <td data-label=scenario_label class="num">{move || adjustment_text(money_now.get().2)}</td>
                            <td data-label=change_label>
                                {move || {
                                    let bp = money_now.get().2;
                                    let (class, arrow) = if bp > now_adjustment {
                                        ("wi-delta wi-up", "▲ ")
                                    } else {
                                        ("wi-delta wi-down", "▼ ")
                                    };
                                    (bp != now_adjustment).then(|| view! {
                                        <span class=class>{arrow} {adjustment_text(bp - now_adjustment)}</span>
                                    })
                                }}
                            </td>
                        </tr>
                        {row(|l| td_string!(l, whatif.money.next_year), now.next_year_fen, |m| m.3)}
                    </tbody>
                </table>
            </div>
            <p class="wi-formula">{t!(i18n, whatif.money.formula)}</p>
            <dl class="facts wi-formulas">
                <div>
                    <dt>{t!(i18n, whatif.now)}</dt>
                    <dd>{move || formula(now_figures)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, whatif.scenario)}</dt>
                    <dd>{move || formula(money_now.get())}</dd>
                </div>
            </dl>
        </section>
    }
}
