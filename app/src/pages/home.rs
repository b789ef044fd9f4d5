//! Home: what Jixiao is, whether the service is up, and the departments.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::endpoints;
use crate::components::department_card::DepartmentList;
use crate::components::fetched::fetched;
use crate::locale::{t, use_i18n};

#[component]
pub fn HomePage() -> impl IntoView {
    let health = LocalResource::new(endpoints::health);
    let departments = LocalResource::new(endpoints::departments);
    let i18n = use_i18n();

    view! {
        <Title text="" />
        <div class="page">
            <header class="page-header">
                <h1>{t!(i18n, shell.home.page_heading)}</h1>
                <p class="lead">{t!(i18n, shell.home.lead)}</p>
            </header>

            <section class="panel" aria-labelledby="status-heading">
                <h2 id="status-heading">{t!(i18n, shell.home.status_heading)}</h2>
                {fetched(
                    health,
                    move |health| {
                        let ok = health.status == "ok";
                        view! {
                            <p class="service-status" class:status-ok=ok class:status-down=!ok>
                                <span class="status-dot" aria-hidden="true"></span>
                                {if ok {
                                    t!(i18n, shell.home.operational).into_any()
                                } else {
                                    let status = health.status;
                                    t!(i18n, shell.home.degraded, status = move || status.clone())
                                        .into_any()
                                }}
                            </p>
                        }
                    },
                    |_| None,
                )}
            </section>

            <section class="panel" aria-labelledby="departments-heading">
                <div class="section-heading">
                    <h2 id="departments-heading">{t!(i18n, shell.home.departments_heading)}</h2>
                    <A href="/departments" attr:class="more-link">
                        {t!(i18n, shell.home.all_departments)}
                    </A>
                </div>
                {fetched(
                    departments,
                    |list| view! {
                        <DepartmentList departments=list.departments labelled_by="departments-heading" />
                    },
                    |_| None,
                )}
            </section>
        </div>
    }
}
