//! `/departments/:code/evaluation/:year` "绩效评价" / "Evaluation": a department's year-end
//! evaluation. The department's head and staff enter the self-evaluation (the head signs
//! it off, read-only afterwards); finance re-evaluates, overriding figures with a reason,
//! and finalises the grade, which applies the year's result rules; the assessment agency
//! adds key-work remarks; every reader sees the figures, scores, signatures and, once
//! graded, the result (next year's budget, prize, accountability cases).

mod figures;
mod header;
mod items;
mod model;
mod problems;
mod remarks;
mod result;
mod review;
mod review_row;
mod self_form;
mod table;
mod text;
mod writes;

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::evaluation::Evaluation;
use leptos::prelude::*;
use leptos_meta::Title;

use self::header::EvaluationHeader;
use self::items::ItemsView;
use self::model::{mode, Mode};
use self::remarks::Remarks;
use self::result::ResultPanel;
use self::review::ReviewForm;
use self::self_form::SelfForm;
use crate::api::{self, path_segment};
use crate::auth::use_auth;
use crate::components::department_card::department_href;
use crate::components::department_page::{department_year_resource, DepartmentYearPage};
use crate::components::fetched::fetched;
use crate::components::guard::access_error;
use crate::locale::{t_string, use_i18n};
use crate::pages::monitoring::works_for;

use self::writes::{notice_status, Notice};

pub use self::header::EvaluationStatusBadge;
pub use self::text::name_in;

/// Link target of a department's evaluation of a year.
pub fn evaluation_href(code: &str, year: i32) -> String {
    format!("{}/evaluation/{year}", department_href(code))
}

/// Link target of the evaluation report.
pub fn report_href(code: &str, year: i32) -> String {
    format!("{}/report", evaluation_href(code, year))
}

/// Link target of the department's accountability cases of a year.
pub fn cases_href(code: &str, year: i32) -> String {
    format!("/cases?year={year}&department={}", path_segment(code))
}

#[component]
pub fn EvaluationPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, evaluation.page_title).to_owned() />
        <DepartmentYearPage>
            <EvaluationLoader />
        </DepartmentYearPage>
    }
}

#[component]
fn EvaluationLoader() -> impl IntoView {
    let evaluation =
        department_year_resource(
            |code, year| async move { api::evaluation::get(&code, year).await },
        );
    fetched(
        evaluation,
        |evaluation| view! { <EvaluationScreen evaluation /> },
        access_error,
    )
}

#[component]
fn EvaluationScreen(evaluation: Evaluation) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let code = evaluation.department.code.clone();
    let (name_zh, name_en, year) = (
        evaluation.department.name_zh.clone(),
        evaluation.department.name_en.clone(),
        evaluation.year,
    );
    let title = move || {
        let name = name_in(i18n.get_locale(), &name_zh, &name_en);
        t_string!(i18n, evaluation.page_title_of, name, year).to_string()
    };
    let current = RwSignal::new(evaluation);
    // Survives the switch from a form to the read-only view.
    let flash = RwSignal::new(None::<Notice>);
    let mode = Memo::new(move |_| {
        let own = works_for(auth.me().as_ref(), &code);
        let (phase, status) = current.with(|e| (e.phase, e.status));
        mode(
            phase,
            status,
            own && auth.can(Capability::SelfEvaluate),
            auth.can(Capability::Reevaluate),
        )
    });
    view! {
        <Title text=title />
        <EvaluationHeader current />
        {notice_status(flash)}
        {move || match mode.get() {
            Mode::SelfEvaluation => view! { <SelfForm current flash /> }.into_any(),
            Mode::Reevaluation => view! { <ReviewForm current flash /> }.into_any(),
            Mode::ReadOnly => view! { <ItemsView current /> }.into_any(),
        }}
        <Remarks current />
        <ResultPanel current />
    }
}
