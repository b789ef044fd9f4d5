//! `/open/:year/:code`: one department's published year — grade and total with its rank,
//! every indicator (target, actual, direction in words, points and score), budget against
//! spending, and what the grade did to next year's budget.

use jixiao_domain::dto::public::PublicDepartment;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::charts::BudgetChart;
use super::fetch::{self, FetchError};
use super::logic::{overview_href, Filter};
use super::numbers::{adjustment, fixed, wan};
use super::overview::budget_change;
use super::parts::{GradeText, Loading, OpenData, Problem};
use super::published_date;
use super::tables::{IndicatorTable, LineTable, ScoringRules};

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let params = use_params_map();
    let year = Memo::new(move |_| {
        params
            .read()
            .get_str("year")
            .and_then(|y| y.parse::<i32>().ok())
    });
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let department = LocalResource::new(move || {
        let (year, code) = (year.get(), code.get());
        async move {
            let result = match year {
                Some(y) => fetch::department(y, &code).await,
                None => Err(FetchError::NotFound),
            };
            (year, code, result)
        }
    });
    // The answer for the address shown now (not one still on its way from before).
    let current = move || {
        department
            .get()
            .filter(|(y, c, _)| *y == year.get() && *c == code.get())
            .map(|(_, _, result)| result)
    };
    let title = move || match current() {
        Some(Ok(d)) => format!(
            "{} {} 年度绩效 {} {}",
            d.department.name_zh, d.year, d.department.name_en, d.year
        ),
        Some(Err(_)) => "未找到 Not found".to_owned(),
        None => "部门绩效 Department results".to_owned(),
    };
    let description = move || {
        match current() {
        Some(Ok(d)) => format!(
            "{} {} 年度绩效评价：总分 {}，等级{}，第 {} 名（共 {} 个部门）；各项指标的目标、实际与得分，预算与支出。 \
             {} {}: score {}, grade {}, rank {} of {}; every indicator's target, actual and score; budget and spending.",
            d.department.name_zh, d.year, fixed(d.total, 2), d.grade.label_zh(), d.rank, d.of,
            d.department.name_en, d.year, fixed(d.total, 2), d.grade.label_en(), d.rank, d.of,
        ),
        _ => "部门整体绩效评价结果 Department performance results".to_owned(),
    }
    };
    let back = move || {
        year.get().map(|y| {
            view! {
                <nav class="breadcrumb" aria-label="面包屑 Breadcrumb">
                    <a href=overview_href(y, &Filter::default())>
                        {format!("← {y} 年度全省概览 ")}
                        <span lang="en">{format!("Overview {y}")}</span>
                    </a>
                </nav>
            }
        })
    };
    let content = move || {
        match current() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(data)) => view! { <Department data /> }.into_any(),
        Some(Err(FetchError::NotFound)) => view! {
            <div class="page-head">
                <h1>"未找到 " <span class="h1-en" lang="en">"Not found"</span></h1>
            </div>
            <section class="panel">
                <p>
                    "该年度尚未公开，或没有这个部门。 "
                    <span lang="en">"This year has not been published, or there is no such department."</span>
                </p>
                <p><a class="button" href="/open">"查看最新结果 " <span lang="en">"See the latest results"</span></a></p>
            </section>
        }
        .into_any(),
        Some(Err(error)) => view! { <Problem error on_retry=move || department.refetch() /> }.into_any(),
    }
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        {back}
        {content}
    }
}

#[component]
fn Department(data: PublicDepartment) -> impl IntoView {
    let year = data.year;
    let d = data.department;
    let result = data.result;
    let change = result.next_year_fen - result.project_base_fen;
    let consequence = match data.grade {
        Grade::Excellent if result.prize => (
            "评为优，获得奖励。",
            "Graded Excellent: the department wins the Excellent prize.",
        ),
        Grade::Poor => (
            "评为差，启动问责。",
            "Graded Poor: an accountability case is opened.",
        ),
        _ => ("", ""),
    };
    view! {
        <div class="page-head">
            <h1>{d.name_zh} " " <span class="h1-en" lang="en">{d.name_en}</span></h1>
            <p class="published">
                {format!("{} · {year} 年度 · 公开于 {} ", data.sector.label_zh(), published_date(&data.published_at))}
                <span lang="en">
                    {format!("{} · FY{year} · published {}", data.sector.label_en(), published_date(&data.published_at))}
                </span>
            </p>
        </div>
        <section class="panel" aria-labelledby="result-heading">
            <h2 id="result-heading">"评价结果 " <span lang="en">"Result"</span></h2>
            <dl class="figures">
                <div>
                    <dt>"等级 " <span lang="en">"Grade"</span></dt>
                    <dd class="big"><GradeText grade=data.grade /></dd>
                </div>
                <div>
                    <dt>"总分 " <span lang="en">"Total score"</span></dt>
                    <dd class="big">{fixed(data.total, 2)} <span class="en">"/ 100"</span></dd>
                </div>
                <div>
                    <dt>"排名 " <span lang="en">"Rank"</span></dt>
                    <dd class="big">
                        {format!("第 {} 名，共 {} 个部门 ", data.rank, data.of)}
                        <span class="en" lang="en">{format!("Rank {} of {}", data.rank, data.of)}</span>
                    </dd>
                </div>
            </dl>
        </section>
        <section class="panel" aria-labelledby="next-year-heading">
            <h2 id="next-year-heading">"下年预算 " <span lang="en">"Next year's budget"</span></h2>
            <dl class="figures">
                <div>
                    <dt>{format!("{year} 年项目预算 ")} <span lang="en">{format!("Project budget {year}")}</span></dt>
                    <dd>{format!("{} 万元", wan(result.project_base_fen))}</dd>
                </div>
                <div>
                    <dt>"按等级调整 " <span lang="en">"Adjustment for the grade"</span></dt>
                    <dd>{adjustment(result.adjustment_bp)} <span class="en">{budget_change(change)}</span></dd>
                </div>
                <div>
                    <dt>{format!("{} 年项目预算 ", year + 1)} <span lang="en">{format!("Project budget {}", year + 1)}</span></dt>
                    <dd>{format!("{} 万元", wan(result.next_year_fen))}</dd>
                </div>
            </dl>
            {(!consequence.0.is_empty()).then(|| view! {
                <p class="consequence">{consequence.0} " " <span lang="en">{consequence.1}</span></p>
            })}
            <p class="note">"金额单位：万元（1 万元 = 10,000 元）。 " <span lang="en">"Amounts in 万元 (10,000 yuan)."</span></p>
        </section>
        <section class="panel" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">"绩效指标 " <span lang="en">"Indicators"</span></h2>
            <p>
                "每项指标的得分相加即为总分。 "
                <span lang="en">"The scores of the indicators add up to the total."</span>
            </p>
            <IndicatorTable indicators=data.indicators.clone() total=data.total />
            <ScoringRules indicators=data.indicators />
        </section>
        <section class="panel" aria-labelledby="budget-heading">
            <h2 id="budget-heading">"预算与支出 " <span lang="en">"Budget and spending"</span></h2>
            <BudgetChart lines=data.lines.clone() />
            <LineTable lines=data.lines />
        </section>
        <OpenData year />
    }
}
