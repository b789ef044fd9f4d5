//! Once graded: the result box — grade, total, next year's project budget (base × (1 +
//! adjustment) = next), the Excellent prize — and the accountability cases the grade or
//! ineffective spending opened, with a link to the cases page.

use jixiao_domain::dto::evaluation::{AccountabilityCase, Evaluation, ResultApplication};
use jixiao_domain::money::{format_wan_yuan, format_yuan};
use leptos::prelude::*;
use leptos_router::components::A;

use super::cases_href;
use super::text::{bp_text, total_text};
use crate::components::grade::GradeBadge;
use crate::format::timestamp;

fn result_box(result: ResultApplication) -> impl IntoView {
    let ResultApplication {
        grade,
        total,
        project_base_fen,
        adjustment_bp,
        next_year_fen,
        prize,
    } = result;
    view! {
        <dl class="facts eval-result">
            <div>
                <dt>"等级 " <span lang="en">"Grade"</span></dt>
                <dd><GradeBadge grade /></dd>
            </div>
            <div>
                <dt>"总分 " <span lang="en">"Total"</span></dt>
                <dd><strong class="eval-total">{total_text(total)}</strong></dd>
            </div>
            <div>
                <dt>"下年度项目预算 " <span lang="en">"Next year's project budget"</span></dt>
                <dd>
                    <p class="eval-budget">
                        {format_wan_yuan(project_base_fen)} " × (1 " {bp_text(adjustment_bp)} ") = "
                        <strong>{format_wan_yuan(next_year_fen)}</strong>
                    </p>
                    <p class="field-hint">
                        {format!("{} → {}", format_yuan(project_base_fen), format_yuan(next_year_fen))}
                    </p>
                </dd>
            </div>
            <div>
                <dt>"优秀奖励 " <span lang="en">"Excellent prize"</span></dt>
                <dd>
                    {if prize {
                        view! { <span class="eval-prize">"★ 获得奖励 " <span lang="en">"Awarded"</span></span> }.into_any()
                    } else {
                        view! { <span>"无 " <span lang="en">"None"</span></span> }.into_any()
                    }}
                </dd>
            </div>
        </dl>
    }
}

fn case_row(case: AccountabilityCase) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">
                {case.trigger.label_zh()} " " <span lang="en" class="name-en">{case.trigger.label_en()}</span>
            </th>
            <td class="span" data-label="说明 Description">{case.description}</td>
            <td data-label="状态 Status">
                <span class=format!("badge case-{}", case.status.as_str())>
                    {case.status.label_zh()} " " <span lang="en">{case.status.label_en()}</span>
                </span>
            </td>
            <td data-label="责任人 Owner">{case.owner.unwrap_or_else(|| "—".to_owned())}</td>
            <td data-label="立案时间 Opened">{timestamp(&case.opened_at)}</td>
        </tr>
    }
}

#[component]
pub fn ResultPanel(current: RwSignal<Evaluation>) -> impl IntoView {
    move || {
        let (code, year, result, cases) =
            current.with(|e| (e.department.code.clone(), e.year, e.result, e.cases.clone()));
        if result.is_none() && cases.is_empty() {
            return None;
        }
        let cases_view = if cases.is_empty() {
            view! {
                <p class="muted">"未启动问责。 " <span lang="en">"No accountability case was opened."</span></p>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap mon-wrap">
                    <table class="data-table mon-table">
                        <thead>
                            <tr>
                                <th scope="col">"触发原因 " <span lang="en">"Trigger"</span></th>
                                <th scope="col">"说明 " <span lang="en">"Description"</span></th>
                                <th scope="col">"状态 " <span lang="en">"Status"</span></th>
                                <th scope="col">"责任人 " <span lang="en">"Owner"</span></th>
                                <th scope="col">"立案时间 " <span lang="en">"Opened"</span></th>
                            </tr>
                        </thead>
                        <tbody>{cases.into_iter().map(case_row).collect_view()}</tbody>
                    </table>
                </div>
            }
            .into_any()
        };
        Some(view! {
            <section class="panel eval-result-panel" aria-labelledby="result-heading">
                <h2 id="result-heading">"结果应用 " <span lang="en">"Results application"</span></h2>
                {result.map(result_box)}
                <h3 id="cases-heading">"问责 " <span lang="en">"Accountability"</span></h3>
                {cases_view}
                <p>
                    <A href=cases_href(&code, year)>
                        "查看问责案件 " <span lang="en">"Open the accountability cases"</span>
                    </A>
                </p>
            </section>
        })
    }
}
