//! `/departments` (the list) and `/departments/:code` (one department).

use jixiao_domain::dto::Department;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::endpoints;
use crate::components::department_card::DepartmentList;
use crate::components::fetched::fetched;
use crate::components::grade::GradeBadge;
use crate::components::guard::WhenSessionKnown;
use crate::components::status::SetStatusBadge;
use crate::pages::monitoring::DepartmentYearLinks;
use crate::pages::set::set_href;

#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let departments = LocalResource::new(endpoints::departments);

    view! {
        <Title text="部门 Departments" />
        <div class="page">
            <header class="page-header">
                <h1 id="departments-title">"部门 Departments"</h1>
                <p class="lead">
                    "各部门的预算单位与最新公开绩效结果。 "
                    <span lang="en">"Each department's budget units and latest published performance result."</span>
                </p>
            </header>
            {fetched(
                departments,
                |list| view! {
                    <DepartmentList departments=list.departments labelled_by="departments-title" />
                },
                |_| None,
            )}
        </div>
    }
}

#[component]
pub fn DepartmentPage() -> impl IntoView {
    view! {
        <div class="page">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <A href="/departments" exact=true>
                    "← 部门 "
                    <span lang="en">"Departments"</span>
                </A>
            </nav>
            // The sets listed depend on who reads, so the fetch waits for the session.
            <WhenSessionKnown>
                <DepartmentLoader />
            </WhenSessionKnown>
        </div>
    }
}

#[component]
fn DepartmentLoader() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let department = LocalResource::new(move || {
        let code = code();
        async move { endpoints::department(&code).await }
    });
    fetched(
        department,
        |department| view! { <DepartmentDetail department /> },
        move |error| {
            error
                .is_not_found()
                .then(|| view! { <DepartmentNotFound code=code() /> }.into_any())
        },
    )
}

#[component]
fn DepartmentNotFound(code: String) -> impl IntoView {
    view! {
        <Title text="未找到部门 Department not found" />
        <h1>
            "未找到部门 "
            <span class="h1-en" lang="en">"Department not found"</span>
        </h1>
        <p>
            "没有代码为 " <code>{code.clone()}</code> " 的部门。 "
            <span lang="en">"There is no department with code " <code>{code}</code> "."</span>
        </p>
        <p>
            <A href="/departments" attr:class="button">
                "查看全部部门 "
                <span lang="en">"See all departments"</span>
            </A>
        </p>
    }
}

#[component]
fn DepartmentDetail(department: Department) -> impl IntoView {
    let Department {
        code,
        name_zh,
        name_en,
        sector,
        units,
        latest_result,
        sets,
        ..
    } = department;
    let title = name_zh.clone();
    let links_code = code.clone();
    let set_links = sets
        .into_iter()
        .map(|summary| {
            view! {
                <li>
                    <A href=set_href(&code, summary.year)>
                        {format!("{} 年度指标 ", summary.year)}
                        <span lang="en">{format!("FY{} indicators", summary.year)}</span>
                    </A>
                    " "
                    <SetStatusBadge status=summary.status />
                </li>
            }
        })
        .collect::<Vec<_>>();
    let has_sets = !set_links.is_empty();
    let unit_rows = units
        .into_iter()
        .map(|unit| {
            view! {
                <tr>
                    <td class="nowrap"><code>{unit.code}</code></td>
                    <td>
                        <span class="name-zh">{unit.name_zh}</span>
                        <span class="name-en" lang="en">{unit.name_en}</span>
                    </td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_units = !unit_rows.is_empty();

    view! {
        <Title text=title />
        <header class="page-header">
            <h1>
                <span class="h1-zh">{name_zh}</span>
                " "
                <span class="h1-en" lang="en">{name_en}</span>
            </h1>
        </header>

        <section class="panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">
                "概况 "
                <span lang="en">"Overview"</span>
            </h2>
            <dl class="facts">
                <div>
                    <dt>"代码 " <span lang="en">"Code"</span></dt>
                    <dd><code>{code}</code></dd>
                </div>
                <div>
                    <dt>"领域 " <span lang="en">"Sector"</span></dt>
                    <dd>{sector.label_zh()} " " <span lang="en">{sector.label_en()}</span></dd>
                </div>
                <div>
                    <dt>"最新公开结果 " <span lang="en">"Latest published result"</span></dt>
                    <dd>
                        {match latest_result {
                            Some(result) => view! {
                                <span class="result">
                                    <span class="result-year">
                                        {format!("{} 年度 ", result.year)}
                                        <span lang="en">{format!("FY{}", result.year)}</span>
                                    </span>
                                    " · "
                                    <span class="result-total">
                                        "得分 " <span lang="en">"Score"</span> " "
                                        <strong>{format!("{:.2}", result.total)}</strong>
                                    </span>
                                    " · "
                                    <GradeBadge grade=result.grade />
                                </span>
                            }
                            .into_any(),
                            None => view! {
                                <span class="muted">
                                    "尚未公开 " <span lang="en">"Not published yet"</span>
                                </span>
                            }
                            .into_any(),
                        }}
                    </dd>
                </div>
            </dl>
        </section>

        <section class="panel" aria-labelledby="sets-heading">
            <h2 id="sets-heading">"指标体系 " <span lang="en">"Indicator sets"</span></h2>
            {if has_sets {
                view! { <ul class="set-list" aria-labelledby="sets-heading">{set_links}</ul> }.into_any()
            } else {
                view! {
                    <p class="empty">
                        "暂无可查看的指标体系。 " <span lang="en">"No indicator set you may open."</span>
                    </p>
                }
                .into_any()
            }}
        </section>

        <DepartmentYearLinks code=links_code />

        <section class="panel" aria-labelledby="units-heading">
            <h2 id="units-heading">
                "预算单位 "
                <span lang="en">"Budget units"</span>
            </h2>
            {if has_units {
                view! {
                    <div class="table-wrap" role="region" aria-labelledby="units-heading" tabindex="0">
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">"代码 " <span lang="en">"Code"</span></th>
                                    <th scope="col">"名称 " <span lang="en">"Name"</span></th>
                                </tr>
                            </thead>
                            <tbody>{unit_rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="empty">
                        "暂无预算单位。 " <span lang="en">"No budget units."</span>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
