//! The ranking table and the year's result rules next to the grade distribution.

use jixiao_domain::dto::evaluation::Ranking;
use leptos::prelude::*;
use leptos_router::components::A;

use super::rank_text;
use crate::components::charts::grade_distribution::GRADE_ORDER;
use crate::components::grade::GradeBadge;
use crate::format::money_large;
use crate::locale::{pick, t, t_string, use_i18n};
use crate::pages::cases::cases_href;
use crate::pages::report::figures::{adjustment, score2, share_bp};
use crate::pages::report::{evaluation_href, report_href, EvaluationStatusBadge};

#[component]
pub fn RulesTable(ranking: Ranking) -> impl IntoView {
    let i18n = use_i18n();
    let rules = ranking.rules;
    let rows = GRADE_ORDER
        .iter()
        .map(|g| {
            view! {
                <tr>
                    <th scope="row"><GradeBadge grade=*g /></th>
                    <td class="num">{adjustment(rules.adjustment_bp(*g))}</td>
                    <td class="num">{ranking.distribution.count(*g)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="data-table compact-table">
                <caption>{t!(i18n, results.rules.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, results.rules.grade)}</th>
                        <th scope="col" class="num">{t!(i18n, results.rules.adjustment)}</th>
                        <th scope="col" class="num">{t!(i18n, results.rules.departments)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="field-hint">
            {move || t_string!(
                i18n,
                results.rules.accountability,
                spent = share_bp(rules.ineffective_spent_bp),
                achievement = share_bp(rules.ineffective_achievement_bp)
            )}
        </p>
    }
}

#[component]
pub fn RankingTable(ranking: Ranking) -> impl IntoView {
    let i18n = use_i18n();
    let year = ranking.year;
    if ranking.rows.is_empty() {
        return view! { <p class="empty">{t!(i18n, results.table.no_departments)}</p> }.into_any();
    }
    let all = std::sync::Arc::new(ranking.rows.clone());
    let rows = ranking
        .rows
        .into_iter()
        .map(|row| {
            let code = row.department.code.clone();
            let result = row.result;
            let cases = if row.cases == 0 {
                view! { <span class="muted">"0"</span> }.into_any()
            } else {
                view! {
                    <A href=cases_href(Some(year), Some(&code), None)>
                        {format!("{} / {}", row.open_cases, row.cases)}
                    </A>
                    <span class="report-sub muted">{t!(i18n, results.table.open_of_all)}</span>
                }
                .into_any()
            };
            let rank = {
                let all = std::sync::Arc::clone(&all);
                move || rank_text(row.rank, &all, i18n.get_locale())
            };
            let (name_zh, name_en) = (row.department.name_zh.clone(), row.department.name_en.clone());
            let sector = row.sector;
            view! {
                <tr>
                    <td class="num ranking-rank" data-label=move || t_string!(i18n, results.table.rank)>{rank}</td>
                    <th scope="row" class="wide">
                        <A href=evaluation_href(&code, year)>{move || pick(&name_zh, &name_en).to_owned()}</A>
                        " " <code>{code.clone()}</code>
                        <span class="report-sub">
                            <A href=report_href(&code, year)>{t!(i18n, results.table.report)}</A>
                        </span>
                    </th>
                    <td data-label=move || t_string!(i18n, results.table.sector)>{move || pick(sector.label_zh(), sector.label_en())}</td>
                    <td data-label=move || t_string!(i18n, results.table.status)><EvaluationStatusBadge status=row.status /></td>
                    <td class="num" data-label=move || t_string!(i18n, results.table.total)>{row.total.map_or("—".to_owned(), score2)}</td>
                    <td data-label=move || t_string!(i18n, results.table.grade)>{row.grade.map(|grade| view! { <GradeBadge grade /> })}</td>
                    <td class="num" data-label=move || t_string!(i18n, results.table.adjustment)>{result.map_or("—".to_owned(), |r| adjustment(r.adjustment_bp))}</td>
                    <td class="num" data-label=move || t_string!(i18n, results.table.next_budget)>
                        {result.map(|r| view! {
                            {move || money_large(r.next_year_fen, i18n.get_locale())}
                            <span class="report-sub muted">
                                {move || {
                                    let amount = money_large(r.project_base_fen, i18n.get_locale());
                                    t_string!(i18n, results.table.base, amount = amount)
                                }}
                            </span>
                        })}
                        {result.is_none().then_some("—")}
                    </td>
                    <td data-label=move || t_string!(i18n, results.table.prize)>
                        {match result {
                            Some(r) if r.prize => view! { <strong>{t!(i18n, results.table.prize_won)}</strong> }.into_any(),
                            Some(_) => view! { <span class="muted">"—"</span> }.into_any(),
                            None => view! { <span class="muted">"—"</span> }.into_any(),
                        }}
                    </td>
                    <td data-label=move || t_string!(i18n, results.table.cases)>{cases}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap mon-wrap" role="region" aria-labelledby="ranking-heading" tabindex="0">
            <table class="data-table mon-table ranking-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">{t!(i18n, results.table.rank)}</th>
                        <th scope="col">{t!(i18n, common.department)}</th>
                        <th scope="col">{t!(i18n, results.table.sector)}</th>
                        <th scope="col">{t!(i18n, results.table.status)}</th>
                        <th scope="col" class="num">{t!(i18n, results.table.total)}</th>
                        <th scope="col">{t!(i18n, results.table.grade)}</th>
                        <th scope="col" class="num">{t!(i18n, results.table.adjustment)}</th>
                        <th scope="col" class="num">{t!(i18n, results.table.next_budget)}</th>
                        <th scope="col">{t!(i18n, results.table.prize)}</th>
                        <th scope="col">{t!(i18n, results.table.cases)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
