//! "现状 Now" and "情景 Scenario" side by side: each indicator's projected value, lamp and
//! score with the change; the money (total, project budget, next year's under the year's
//! rules); and the chart of scores. Rows are drawn once; only their cells follow the inputs.

use jixiao_domain::dto::whatif::{DepartmentWhatIf, IndicatorLabel};
use jixiao_domain::lamps::Lamp;
use jixiao_domain::money::{format_wan_yuan, format_yuan};
use jixiao_domain::whatif::department::{IndicatorProjection, Projection};
use leptos::prelude::*;

use super::numbers::{adjustment_text, money_delta, score_delta, score_text, value_text, Delta};
use super::state::WhatIf;
use crate::components::charts::projected_scores::{ProjectedScoresChart, ScoreRow};
use crate::components::grade::GradeBadge;
use crate::components::lamp::LampBadge;

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
    view! {
        <section class="panel wi-panel" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>"结果：现状与情景 " <span lang="en">"Results: now and scenario"</span></h2>
            <p class="field-hint">
                "现状：按当前进度推算的年末结果；情景：按您的调整推算。 "
                <span lang="en">"Now: the year end at the current pace. Scenario: the same with your changes."</span>
            </p>
            <div class="table-wrap wi-table-wrap">
                <table class="data-table wi-table">
                    <caption class="visually-hidden">"各指标现状与情景 Each indicator now and in the scenario"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"指标 " <span lang="en">"Indicator"</span></th>
                            <th scope="col">"现状 " <span lang="en">"Now"</span></th>
                            <th scope="col">"情景 " <span lang="en">"Scenario"</span></th>
                            <th scope="col">"得分变化 " <span lang="en">"Score change"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows}
                        <tr class="wi-total-row">
                            <th scope="row">"总分与等级 " <span lang="en">"Total and grade"</span></th>
                            <td data-label="现状 Now">
                                <strong>{score_text(now_total)}</strong> " " <GradeBadge grade=now_grade />
                            </td>
                            <td data-label="情景 Scenario">
                                <strong>{move || score_text(total.get().0)}</strong> " "
                                {move || view! { <GradeBadge grade=total.get().1 /> }}
                            </td>
                            <td data-label="得分变化 Score change">
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
    let (direction, unit) = (label.direction, label.unit.clone());
    let value = move |p: Option<f64>| value_text(direction, p, &unit);
    let now_value = value(now.projected);
    let changed = move || {
        scenario.with(|s| s.is_some_and(|s| s.projected != now.projected || s.score != now.score))
    };
    view! {
        <tr class="wi-row" class:wi-changed=changed>
            <th scope="row" class="wi-ind">
                <span>{label.name_zh.clone()}</span> " "
                <span class="name-en" lang="en">{label.name_en.clone()}</span>
                <span class="wi-points muted">{format!("满分 {} 分 · {} points", crate::format::number(points), crate::format::number(points))}</span>
            </th>
            <td data-label="现状 Now" class="wi-cell">
                <span class="wi-value">{now_value}</span>
                {(now.lamp != Lamp::None).then(|| view! { <LampBadge lamp=now.lamp /> })}
                <span class="wi-score">"得分 " <span lang="en">"Score"</span> " " <strong>{score_text(now.score)}</strong></span>
            </td>
            <td data-label="情景 Scenario" class="wi-cell">
                <span class="wi-value">{move || value(scenario.get().and_then(|s| s.projected))}</span>
                {move || scenario.get().filter(|s| s.lamp != Lamp::None).map(|s| view! { <LampBadge lamp=s.lamp /> })}
                <span class="wi-score">
                    "得分 " <span lang="en">"Score"</span> " "
                    <strong>{move || scenario.get().map_or_else(|| "—".to_owned(), |s| score_text(s.score))}</strong>
                </span>
            </td>
            <td data-label="得分变化 Score change" class="wi-cell">
                {move || scenario.get().map(|s| delta_view(score_delta(now.score, s.score)))}
            </td>
        </tr>
    }
}

/// The money: total and project budget, the grade's adjustment and next year's budget.
#[component]
fn Money(what_if: WhatIf, now: Projection) -> impl IntoView {
    let money = Memo::new(move |_| {
        what_if.shown.with(|p| {
            (
                p.total_budget_fen,
                p.project_budget_fen,
                p.adjustment_bp,
                p.next_year_fen,
            )
        })
    });
    let row = move |zh: &'static str,
                    en: &'static str,
                    now_fen: i64,
                    pick: fn((i64, i64, i32, i64)) -> i64| {
        view! {
            <tr>
                <th scope="row">{zh} " " <span lang="en">{en}</span></th>
                <td data-label="现状 Now" class="num" title=format_yuan(now_fen)>{format_wan_yuan(now_fen)}</td>
                <td data-label="情景 Scenario" class="num">
                    <span title=move || format_yuan(pick(money.get()))>{move || format_wan_yuan(pick(money.get()))}</span>
                </td>
                <td data-label="变化 Change">{move || delta_view(money_delta(now_fen, pick(money.get())))}</td>
            </tr>
        }
    };
    let now_adjustment = now.adjustment_bp;
    let formula = move |(_, project, bp, next): (i64, i64, i32, i64)| {
        let sign = if bp < 0 { "−" } else { "+" };
        let magnitude = adjustment_text(bp.abs()).trim_start_matches('+').to_owned();
        format!(
            "{} × (1 {sign} {magnitude}) = {}",
            format_wan_yuan(project),
            format_wan_yuan(next)
        )
    };
    let now_formula = formula((
        now.total_budget_fen,
        now.project_budget_fen,
        now.adjustment_bp,
        now.next_year_fen,
    ));
    view! {
        <section class="panel wi-panel" aria-labelledby="wi-money-heading">
            <h2 id="wi-money-heading">"资金与明年预算 " <span lang="en">"Money and next year's budget"</span></h2>
            <div class="table-wrap wi-table-wrap">
                <table class="data-table wi-table wi-money">
                    <thead>
                        <tr>
                            <th scope="col">"项目 " <span lang="en">"Item"</span></th>
                            <th scope="col" class="num">"现状 " <span lang="en">"Now"</span></th>
                            <th scope="col" class="num">"情景 " <span lang="en">"Scenario"</span></th>
                            <th scope="col">"变化 " <span lang="en">"Change"</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        {row("本年预算合计", "Total budget this year", now.total_budget_fen, |m| m.0)}
                        {row("本年项目支出", "Project budget this year", now.project_budget_fen, |m| m.1)}
                        <tr>
                            <th scope="row">"等级调整 " <span lang="en">"Adjustment for the grade"</span></th>
                            <td data-label="现状 Now" class="num">{adjustment_text(now_adjustment)}</td>
                            <td data-label="情景 Scenario" class="num">{move || adjustment_text(money.get().2)}</td>
                            <td data-label="变化 Change">
                                {move || {
                                    let bp = money.get().2;
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
                        {row("明年项目预算", "Next year's project budget", now.next_year_fen, |m| m.3)}
                    </tbody>
                </table>
            </div>
            <p class="wi-formula">
                "明年项目预算 = 本年项目支出 × (1 + 等级调整) · "
                <span lang="en">"Next year's project budget = this year's project budget × (1 + the grade's adjustment)"</span>
            </p>
            <dl class="facts wi-formulas">
                <div>
                    <dt>"现状 " <span lang="en">"Now"</span></dt>
                    <dd>{now_formula}</dd>
                </div>
                <div>
                    <dt>"情景 " <span lang="en">"Scenario"</span></dt>
                    <dd>{move || formula(money.get())}</dd>
                </div>
            </dl>
        </section>
    }
}
