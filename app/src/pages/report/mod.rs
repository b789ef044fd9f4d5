//! `/departments/:code/evaluation/:year/report` "绩效评价报告 Evaluation report": a
//! department's year on one printable page, every number next to what it came from — each
//! indicator's rule, target, baseline, the department's and the final figures (overrides
//! marked with their reason), its points, score and achievement; the budget execution rate
//! from spending; the total, its rounding and the grade thresholds; causes and evidence;
//! sign-offs and remarks; what the grade does to next year's budget; and the
//! accountability cases with their evidence.

pub mod figures;
mod indicators;
mod outcome;

use jixiao_domain::dto::evaluation::Evaluation;
use jixiao_domain::evaluation::EvaluationStatus;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use self::indicators::{CausesAndEvidence, IndicatorTables};
use self::outcome::{ExecutionFacts, ResultsApplication, ScoreSummary, SignOffs};
use crate::api;
use crate::auth::use_auth;
use crate::components::department_card::department_href;
use crate::components::department_page::{
    department_year_resource, use_department_params, DepartmentYearPage,
};
use crate::components::excel::ExportLink;
use crate::components::fetched::fetched;
use crate::components::grade::GradeBadge;
use crate::components::guard::access_error;
use crate::components::phase::PhaseBadge;
use crate::format::timestamp;
use crate::pages::cases::{cases_href, CaseCard};

pub use crate::pages::evaluation::{evaluation_href, report_href};

/// An evaluation's status in words (colour only as a second cue).
#[component]
pub fn EvaluationStatusBadge(status: EvaluationStatus) -> impl IntoView {
    view! {
        <span class=format!("badge evaluation-status evaluation-{}", status.as_str())>
            {status.label_zh()} " " <span lang="en">{status.label_en()}</span>
        </span>
    }
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let params = use_department_params();
    let evaluation_link = move || {
        view! {
            <A href=move || format!("{}/evaluation/{}", department_href(&params.code()), api::path_segment(&params.year_text())) exact=true>
                "绩效评价 " <span lang="en">"Evaluation"</span>
            </A>
        }
    };
    view! {
        <DepartmentYearPage title="绩效评价报告 Evaluation report" class="page report-page" printable=true trail=evaluation_link>
            <ReportLoader />
        </DepartmentYearPage>
    }
}

#[component]
fn ReportLoader() -> impl IntoView {
    let evaluation =
        department_year_resource(
            |code, year| async move { api::evaluation::get(&code, year).await },
        );
    fetched(
        evaluation,
        |evaluation| view! { <Report evaluation /> },
        |error| {
            access_error(error).or_else(|| {
                error.is_not_found().then(|| {
                    view! {
                        <h1>"未找到评价 " <span class="h1-en" lang="en">"Evaluation not found"</span></h1>
                        <p>
                            "该部门此年度没有绩效评价。 "
                            <span lang="en">"This department has no evaluation for this year."</span>
                        </p>
                    }
                    .into_any()
                })
            })
        },
    )
}

fn print_page() {
    if let Err(e) = window().print() {
        leptos::logging::warn!("print failed: {e:?}");
    }
}

#[component]
fn Report(evaluation: Evaluation) -> impl IntoView {
    let code = evaluation.department.code.clone();
    let year = evaluation.year;
    let (name_zh, name_en) = (
        evaluation.department.name_zh.clone(),
        evaluation.department.name_en.clone(),
    );
    let auth = use_auth();
    let signed_in = move || auth.me().is_some();
    let cases_link = cases_href(Some(year), Some(&code), None);
    let cases = evaluation.cases.clone();
    let case_count = cases.len();
    let cases_view = if cases.is_empty() {
        view! {
            <p class="empty">"没有问责案件。 " <span lang="en">"No accountability case."</span></p>
        }
        .into_any()
    } else {
        view! {
            <ul class="case-list">
                {cases.into_iter().map(|case| view! { <li><CaseCard case in_report=true /></li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <Title text=format!("绩效评价报告 Evaluation report · {name_zh} {year}") />
        <header class="page-header report-header">
            <h1>
                "绩效评价报告 " <span class="h1-en" lang="en">"Evaluation report"</span>
            </h1>
            <p class="lead">
                <span>{name_zh.clone()}</span> " " <span lang="en">{name_en.clone()}</span>
                " " <code>{code.clone()}</code>
                {format!(" · {year} 年度 ")} <span lang="en">{format!("FY{year}")}</span>
            </p>
            <p class="report-status">
                <EvaluationStatusBadge status=evaluation.status />
                " " <PhaseBadge phase=evaluation.phase />
                {evaluation.final_grade.map(|grade| view! { " " <GradeBadge grade /> })}
                {evaluation.published_at.clone().map(|at| view! {
                    <span class="muted">{format!(" · 已于 {} 公开 ", timestamp(&at))} <span lang="en">"published"</span></span>
                })}
            </p>
            <div class="report-tools no-print">
                <button type="button" class="button" on:click=move |_| print_page()>
                    "打印 " <span lang="en">"Print"</span>
                </button>
                <ExportLink code=code.clone() what="evaluation" year />
                <A href=evaluation_href(&code, year) attr:class="more-link">
                    "评价详情 " <span lang="en">"Evaluation page"</span>
                </A>
                <A href=format!("/results/{year}") attr:class="more-link">
                    "年度评价结果 " <span lang="en">"Year's results"</span>
                </A>
            </div>
        </header>
        <ScoreSummary evaluation=evaluation.clone() />
        <section class="panel" aria-labelledby="report-indicators">
            <h2 id="report-indicators">"指标得分 " <span lang="en">"Indicator scores"</span></h2>
            <p class="field-hint">
                "a = 实际值，t = 目标值，w = 分值。得分保留两位小数，完成率 = 得分 ÷ 分值。 "
                <span lang="en">"a = actual, t = target, w = points. Scores to 2 decimals; achievement = score ÷ points."</span>
            </p>
            <IndicatorTables items=evaluation.items.clone() />
        </section>
        <ExecutionFacts execution=evaluation.execution />
        <section class="panel" aria-labelledby="report-causes">
            <h2 id="report-causes">"偏差原因与佐证 " <span lang="en">"Causes of deviation and evidence"</span></h2>
            <CausesAndEvidence items=evaluation.items.clone() />
        </section>
        <SignOffs evaluation=evaluation.clone() />
        <ResultsApplication result=evaluation.result rules=evaluation.rules />
        <section class="panel" aria-labelledby="report-cases">
            <h2 id="report-cases">
                "问责案件 " <span lang="en">"Accountability cases"</span>
                {format!(" ({case_count})")}
            </h2>
            {cases_view}
            {move || (case_count > 0 && signed_in()).then(|| view! {
                <p class="no-print">
                    <A href=cases_link.clone()>
                        "在问责案件页查看 " <span lang="en">"Open in the cases page"</span>
                    </A>
                </p>
            })}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_links() {
        assert_eq!(
            evaluation_href("EDU", 2025),
            "/departments/EDU/evaluation/2025"
        );
        assert_eq!(
            report_href("EDU", 2025),
            "/departments/EDU/evaluation/2025/report"
        );
    }
}
