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
use crate::locale::{is_zh, pick, t, t_string, use_i18n};
use crate::pages::monitoring::DepartmentYearLinks;
use crate::pages::set::set_href;

#[component]
pub fn DepartmentsPage() -> impl IntoView {
    let departments = LocalResource::new(endpoints::departments);
    let i18n = use_i18n();

    view! {
        <Title text=move || t_string!(i18n, shell.departments.title).to_string() />
        <div class="page">
            <header class="page-header">
                <h1 id="departments-title">{t!(i18n, shell.departments.title)}</h1>
                <p class="lead">{t!(i18n, shell.departments.lead)}</p>
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
    let i18n = use_i18n();
    view! {
        <div class="page">
            <nav class="breadcrumb" aria-label=move || t_string!(i18n, shell.breadcrumb)>
                <A href="/departments" exact=true>
                    {t!(i18n, shell.departments.back_to_list)}
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
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, shell.departments.not_found_title).to_string() />
        <h1>{t!(i18n, shell.departments.not_found_title)}</h1>
        <p>
            {t!(i18n, shell.departments.not_found_before)}
            " " <code>{code}</code>
            {move || if is_zh() { " " } else { "" }}
            {t!(i18n, shell.departments.not_found_after)}
        </p>
        <p>
            <A href="/departments" attr:class="button">
                {t!(i18n, shell.departments.see_all)}
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
    let i18n = use_i18n();
    let name = move || pick(&name_zh, &name_en).to_owned();
    let title = name.clone();
    let links_code = code.clone();
    let set_links = sets
        .into_iter()
        .map(|summary| {
            let year = summary.year;
            view! {
                <li>
                    <A href=set_href(&code, summary.year)>
                        {t!(i18n, shell.departments.set_link, year = year)}
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
                    <td>{move || pick(&unit.name_zh, &unit.name_en).to_owned()}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_units = !unit_rows.is_empty();

    view! {
        <Title text=title />
        <header class="page-header">
            <h1>{name}</h1>
        </header>

        <section class="panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t!(i18n, shell.departments.overview)}</h2>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, shell.departments.code)}</dt>
                    <dd><code>{code}</code></dd>
                </div>
                <div>
                    <dt>{t!(i18n, shell.departments.sector)}</dt>
                    <dd>{move || pick(sector.label_zh(), sector.label_en())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, shell.departments.latest_result)}</dt>
                    <dd>
                        {match latest_result {
                            Some(result) => view! {
                                <span class="result">
                                    <span class="result-year">
                                        {t!(i18n, shell.departments.result_year, year = result.year)}
                                    </span>
                                    " · "
                                    <span class="result-total">
                                        {t!(i18n, shell.departments.score)} " "
                                        <strong>{format!("{:.2}", result.total)}</strong>
                                    </span>
                                    " · "
                                    <GradeBadge grade=result.grade />
                                </span>
                            }
                            .into_any(),
                            None => view! {
                                <span class="muted">{t!(i18n, shell.departments.not_published)}</span>
                            }
                            .into_any(),
                        }}
                    </dd>
                </div>
            </dl>
        </section>

        <section class="panel" aria-labelledby="sets-heading">
            <h2 id="sets-heading">{t!(i18n, shell.departments.sets)}</h2>
            {if has_sets {
                view! { <ul class="set-list" aria-labelledby="sets-heading">{set_links}</ul> }.into_any()
            } else {
                view! {
                    <p class="empty">{t!(i18n, shell.departments.no_sets)}</p>
                }
                .into_any()
            }}
        </section>

        <DepartmentYearLinks code=links_code />

        <section class="panel" aria-labelledby="units-heading">
            <h2 id="units-heading">{t!(i18n, shell.departments.units)}</h2>
            {if has_units {
                view! {
                    <div class="table-wrap" role="region" aria-labelledby="units-heading" tabindex="0">
                        <table class="data-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, shell.departments.code)}</th>
                                    <th scope="col">{t!(i18n, shell.departments.name)}</th>
                                </tr>
                            </thead>
                            <tbody>{unit_rows}</tbody>
                        </table>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <p class="empty">{t!(i18n, shell.departments.no_units)}</p>
                }
                .into_any()
            }}
        </section>
    }
}
