//! The department list: one card per department, each a link to its page.

use jixiao_domain::dto::Department;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::grade::GradeBadge;
use crate::locale::{pick, t, use_i18n};

/// Link target of a department's page.
pub fn department_href(code: &str) -> String {
    format!("/departments/{}", crate::api::path_segment(code))
}

/// `<ul>` of departments, named by the heading whose id is `labelled_by`.
#[component]
pub fn DepartmentList(departments: Vec<Department>, labelled_by: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    if departments.is_empty() {
        return view! {
            <p class="empty">{t!(i18n, shell.departments.none)}</p>
        }
        .into_any();
    }
    view! {
        <ul class="card-list" aria-labelledby=labelled_by>
            {departments
                .into_iter()
                .map(|department| view! { <li><DepartmentCard department /></li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn DepartmentCard(department: Department) -> impl IntoView {
    let Department {
        code,
        name_zh,
        name_en,
        sector,
        units,
        latest_result,
        ..
    } = department;
    let i18n = use_i18n();
    let unit_count = units.len();
    view! {
        <article class="card">
            <h3 class="card-title">
                <A href=department_href(&code)>
                    {move || pick(&name_zh, &name_en).to_owned()}
                </A>
            </h3>
            <p class="card-meta">
                <span class="sector">
                    {move || pick(sector.label_zh(), sector.label_en())}
                </span>
                <span class="units">
                    {move || if unit_count == 1 {
                        t!(i18n, shell.departments.one_unit).into_any()
                    } else {
                        t!(i18n, shell.departments.unit_count, count = unit_count).into_any()
                    }}
                </span>
            </p>
            <p class="card-result">
                {match latest_result {
                    Some(result) => view! {
                        <span class="result-year">
                            {t!(i18n, shell.departments.result_year, year = result.year)}
                        </span>
                        " "
                        <GradeBadge grade=result.grade />
                    }
                    .into_any(),
                    None => view! {
                        <span class="muted">{t!(i18n, shell.departments.no_result)}</span>
                    }
                    .into_any(),
                }}
            </p>
        </article>
    }
}
