//! The department list: one card per department, each a link to its page.

use jixiao_domain::dto::Department;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::grade::GradeBadge;

/// Link target of a department's page.
pub fn department_href(code: &str) -> String {
    format!("/departments/{}", crate::api::path_segment(code))
}

/// `<ul>` of departments, named by the heading whose id is `labelled_by`.
#[component]
pub fn DepartmentList(departments: Vec<Department>, labelled_by: &'static str) -> impl IntoView {
    if departments.is_empty() {
        return view! {
            <p class="empty">
                "暂无部门。 "
                <span lang="en">"No departments yet."</span>
            </p>
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
    let unit_count = units.len();
    view! {
        <article class="card">
            <h3 class="card-title">
                <A href=department_href(&code)>
                    <span class="name-zh">{name_zh}</span>
                    " "
                    <span class="name-en" lang="en">{name_en}</span>
                </A>
            </h3>
            <p class="card-meta">
                <span class="sector">
                    {sector.label_zh()}
                    " "
                    <span lang="en">{sector.label_en()}</span>
                </span>
                <span class="units">
                    {format!("{unit_count} 个预算单位 ")}
                    <span lang="en">
                        {format!("{unit_count} budget unit{}", if unit_count == 1 { "" } else { "s" })}
                    </span>
                </span>
            </p>
            <p class="card-result">
                {match latest_result {
                    Some(result) => view! {
                        <span class="result-year">
                            {format!("{} 年度 ", result.year)}
                            <span lang="en">{format!("FY{}", result.year)}</span>
                        </span>
                        " "
                        <GradeBadge grade=result.grade />
                    }
                    .into_any(),
                    None => view! {
                        <span class="muted">
                            "尚未公开结果 "
                            <span lang="en">"No published result yet"</span>
                        </span>
                    }
                    .into_any(),
                }}
            </p>
        </article>
    }
}
