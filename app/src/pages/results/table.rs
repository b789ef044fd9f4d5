//! The ranking table and the year's result rules next to the grade distribution.

use jixiao_domain::dto::evaluation::Ranking;
use jixiao_domain::money::format_wan_yuan;
use leptos::prelude::*;
use leptos_router::components::A;

use super::rank_text;
use crate::components::charts::grade_distribution::GRADE_ORDER;
use crate::components::grade::GradeBadge;
use crate::pages::cases::cases_href;
use crate::pages::report::figures::{adjustment, score2, share_bp};
use crate::pages::report::{evaluation_href, report_href, EvaluationStatusBadge};

#[component]
pub fn RulesTable(ranking: Ranking) -> impl IntoView {
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
                <caption>"下年度项目预算调整 " <span lang="en">"Next year's project budget adjustment"</span></caption>
                <thead>
                    <tr>
                        <th scope="col">"等级 " <span lang="en">"Grade"</span></th>
                        <th scope="col" class="num">"调整 " <span lang="en">"Adjustment"</span></th>
                        <th scope="col" class="num">"部门数 " <span lang="en">"Departments"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="field-hint">
            {format!(
                "等级为差，或项目支出达到预算的 {} 而所支付的指标得分均低于分值的 {}，启动问责。 ",
                share_bp(rules.ineffective_spent_bp),
                share_bp(rules.ineffective_achievement_bp)
            )}
            <span lang="en">{format!(
                "A grade Poor, or a project line that spent at least {} of its money while every indicator it pays for scored below {} of its points, opens an accountability case.",
                share_bp(rules.ineffective_spent_bp),
                share_bp(rules.ineffective_achievement_bp)
            )}</span>
        </p>
    }
}

#[component]
pub fn RankingTable(ranking: Ranking) -> impl IntoView {
    let year = ranking.year;
    if ranking.rows.is_empty() {
        return view! { <p class="empty">"暂无部门。 " <span lang="en">"No departments."</span></p> }
            .into_any();
    }
    let all = ranking.rows.clone();
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
                    <span class="report-sub muted">"未办结 / 全部 " <span lang="en">"open / all"</span></span>
                }
                .into_any()
            };
            view! {
                <tr>
                    <td class="num ranking-rank" data-label="排名 Rank">{rank_text(row.rank, &all)}</td>
                    <th scope="row" class="wide">
                        <A href=evaluation_href(&code, year)>
                            <span class="name-zh">{row.department.name_zh.clone()}</span> " "
                            <span class="name-en" lang="en">{row.department.name_en.clone()}</span>
                        </A>
                        " " <code>{code.clone()}</code>
                        <span class="report-sub">
                            <A href=report_href(&code, year)>"评价报告 " <span lang="en">"Report"</span></A>
                        </span>
                    </th>
                    <td data-label="领域 Sector">{row.sector.label_zh()} " " <span lang="en" class="name-en">{row.sector.label_en()}</span></td>
                    <td data-label="状态 Status"><EvaluationStatusBadge status=row.status /></td>
                    <td class="num" data-label="总分 Total">{row.total.map_or("—".to_owned(), score2)}</td>
                    <td data-label="等级 Grade">{row.grade.map(|grade| view! { <GradeBadge grade /> })}</td>
                    <td class="num" data-label="预算调整 Adjustment">{result.map_or("—".to_owned(), |r| adjustment(r.adjustment_bp))}</td>
                    <td class="num" data-label="下年度项目预算 Next year's project budget">
                        {result.map(|r| view! {
                            {format_wan_yuan(r.next_year_fen)}
                            <span class="report-sub muted">{format!("基数 {} ", format_wan_yuan(r.project_base_fen))} <span lang="en">"base"</span></span>
                        })}
                        {result.is_none().then_some("—")}
                    </td>
                    <td data-label="优秀奖 Prize">
                        {match result {
                            Some(r) if r.prize => view! { <strong>"获奖 " <span lang="en">"Prize"</span></strong> }.into_any(),
                            Some(_) => view! { <span class="muted">"—"</span> }.into_any(),
                            None => view! { <span class="muted">"—"</span> }.into_any(),
                        }}
                    </td>
                    <td data-label="问责案件 Cases">{cases}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap mon-wrap" role="region" aria-labelledby="ranking-heading" tabindex="0">
            <table class="data-table mon-table ranking-table">
                <thead>
                    <tr>
                        <th scope="col" class="num">"排名 " <span lang="en">"Rank"</span></th>
                        <th scope="col">"部门 " <span lang="en">"Department"</span></th>
                        <th scope="col">"领域 " <span lang="en">"Sector"</span></th>
                        <th scope="col">"状态 " <span lang="en">"Status"</span></th>
                        <th scope="col" class="num">"总分 " <span lang="en">"Total"</span></th>
                        <th scope="col">"等级 " <span lang="en">"Grade"</span></th>
                        <th scope="col" class="num">"预算调整 " <span lang="en">"Adjustment"</span></th>
                        <th scope="col" class="num">"下年度项目预算 " <span lang="en">"Next year's project budget"</span></th>
                        <th scope="col">"优秀奖 " <span lang="en">"Prize"</span></th>
                        <th scope="col">"问责案件 " <span lang="en">"Cases"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
