//! Home: what Jixiao is, whether the service is up, and the departments.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::endpoints;
use crate::components::department_card::DepartmentList;
use crate::components::fetched::fetched;

#[component]
pub fn HomePage() -> impl IntoView {
    let health = LocalResource::new(endpoints::health);
    let departments = LocalResource::new(endpoints::departments);

    view! {
        <Title text="" />
        <div class="page">
            <header class="page-header">
                <h1>"绩效 Jixiao — 全省部门整体预算绩效"</h1>
                <p class="lead" lang="en">
                    "Department-wide budget performance management: one set of indicators per department, budgets tied to targets, monitored, scored, graded and published."
                </p>
            </header>

            <section class="panel" aria-labelledby="status-heading">
                <h2 id="status-heading">
                    "服务状态 "
                    <span lang="en">"Service status"</span>
                </h2>
                {fetched(
                    health,
                    |health| {
                        let ok = health.status == "ok";
                        view! {
                            <p class="service-status" class:status-ok=ok class:status-down=!ok>
                                <span class="status-dot" aria-hidden="true"></span>
                                {if ok {
                                    view! { "正常 " <span lang="en">"Operational"</span> }.into_any()
                                } else {
                                    view! {
                                        "异常 "
                                        <span lang="en">{format!("Degraded ({})", health.status)}</span>
                                    }
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
                    <h2 id="departments-heading">
                        "部门 "
                        <span lang="en">"Departments"</span>
                    </h2>
                    <A href="/departments" attr:class="more-link">
                        "全部部门 "
                        <span lang="en">"All departments"</span>
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
