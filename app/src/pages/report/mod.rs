//! `/departments/:code/evaluation/:year/report` "绩效评价报告" / "Evaluation report": a
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
use crate::format::timestamp_in;
use crate::locale::{t, t_string, use_i18n};
use crate::pages::cases::{cases_href, CaseCard};
use crate::pages::evaluation::name_in;

pub use crate::pages::evaluation::{evaluation_href, report_href, EvaluationStatusBadge};

#[component]
pub fn ReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_department_params();
    let evaluation_link = move || {
        view! {
            <A href=move || format!("{}/evaluation/{}", department_href(&params.code()), api::path_segment(&params.year_text())) exact=true>
                {t!(i18n, evaluation.report.evaluation)}
            </A>
        }
    };
    view! {
        <Title text=move || t_string!(i18n, evaluation.report.page_title).to_owned() />
        <DepartmentYearPage class="page report-page" printable=true trail=evaluation_link>
            <ReportLoader />
        </DepartmentYearPage>
    }
}

#[component]
fn ReportLoader() -> impl IntoView {
    let i18n = use_i18n();
    let evaluation =
        department_year_resource(
            |code, year| async move { api::evaluation::get(&code, year).await },
        );
    fetched(
        evaluation,
        |evaluation| view! { <Report evaluation /> },
        move |error| {
            access_error(error).or_else(|| {
                error.is_not_found().then(|| {
                    view! {
                        <h1>{t!(i18n, evaluation.report.not_found)}</h1>
                        <p>{t!(i18n, evaluation.report.not_found_text)}</p>
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
    let i18n = use_i18n();
    let locale = move || i18n.get_locale();
    let name = {
        let (zh, en) = (name_zh.clone(), name_en.clone());
        move || name_in(locale(), &zh, &en).to_owned()
    };
    let signed_in = move || auth.me().is_some();
    let cases_link = cases_href(Some(year), Some(&code), None);
    let cases = evaluation.cases.clone();
    let case_count = cases.len();
    let cases_view = if cases.is_empty() {
        view! {
            <p class="empty">{t!(i18n, evaluation.report.no_case)}</p>
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
        <Title text={
            let name = name.clone();
            move || t_string!(i18n, evaluation.report.page_title_of, name = name(), year).to_string()
        } />
        <header class="page-header report-header">
            <h1>{t!(i18n, evaluation.report.page_title)}</h1>
            <p class="lead">
                <span>{name}</span>
                " " <code>{code.clone()}</code>
                " · " {move || t_string!(i18n, evaluation.report.fiscal_year, year).to_string()}
            </p>
            <p class="report-status">
                <EvaluationStatusBadge status=evaluation.status />
                " " <PhaseBadge phase=evaluation.phase />
                {evaluation.final_grade.map(|grade| view! { " " <GradeBadge grade /> })}
                {evaluation.published_at.clone().map(|at| view! {
                    <span class="muted">
                        " · "
                        {move || {
                            let at = timestamp_in(&at, locale());
                            t_string!(i18n, evaluation.report.published_at, at).to_string()
                        }}
                    </span>
                })}
            </p>
            <div class="report-tools no-print">
                <button type="button" class="button" on:click=move |_| print_page()>
                    {t!(i18n, evaluation.report.print)}
                </button>
                <ExportLink code=code.clone() what="evaluation" year />
                <A href=evaluation_href(&code, year) attr:class="more-link">
                    {t!(i18n, evaluation.report.evaluation_page)}
                </A>
                <A href=format!("/results/{year}") attr:class="more-link">
                    {t!(i18n, evaluation.report.year_results)}
                </A>
            </div>
        </header>
        <ScoreSummary evaluation=evaluation.clone() />
        <section class="panel" aria-labelledby="report-indicators">
            <h2 id="report-indicators">{t!(i18n, evaluation.report.indicator_scores)}</h2>
            <p class="field-hint">{t!(i18n, evaluation.report.legend)}</p>
            <IndicatorTables items=evaluation.items.clone() />
        </section>
        <ExecutionFacts execution=evaluation.execution />
        <section class="panel" aria-labelledby="report-causes">
            <h2 id="report-causes">{t!(i18n, evaluation.report.causes)}</h2>
            <CausesAndEvidence items=evaluation.items.clone() />
        </section>
        <SignOffs evaluation=evaluation.clone() />
        <ResultsApplication result=evaluation.result rules=evaluation.rules />
        <section class="panel" aria-labelledby="report-cases">
            <h2 id="report-cases">
                {t!(i18n, evaluation.report.cases)}
                {format!(" ({case_count})")}
            </h2>
            {cases_view}
            {move || (case_count > 0 && signed_in()).then(|| view! {
                <p class="no-print">
                    <A href=cases_link.clone()>
                        {t!(i18n, evaluation.report.open_cases)}
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
