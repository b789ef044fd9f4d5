//! Once graded: the result box — grade, total, next year's project budget (base × (1 +
//! adjustment) = next), the Excellent prize — and the accountability cases the grade or
//! ineffective spending opened, with a link to the cases page.

use jixiao_domain::dto::evaluation::{AccountabilityCase, Evaluation, ResultApplication};
use leptos::prelude::*;
use leptos_router::components::A;

use super::cases_href;
use super::text::{bp_text, total_text};
use crate::components::grade::GradeBadge;
use crate::format::{money, money_large, timestamp_in};
use crate::locale::{pick, t, t_string, use_i18n};

fn result_box(result: ResultApplication) -> impl IntoView {
    let i18n = use_i18n();
    let ResultApplication {
        grade,
        total,
        project_base_fen,
        adjustment_bp,
        next_year_fen,
        prize,
    } = result;
    let locale = move || i18n.get_locale();
    view! {
        <dl class="facts eval-result">
            <div>
                <dt>{t!(i18n, evaluation.result.grade)}</dt>
                <dd><GradeBadge grade /></dd>
            </div>
            <div>
                <dt>{t!(i18n, evaluation.result.total)}</dt>
                <dd><strong class="eval-total">{total_text(total)}</strong></dd>
            </div>
            <div>
                <dt>{t!(i18n, evaluation.result.next_budget)}</dt>
                <dd>
                    <p class="eval-budget">
                        {move || money_large(project_base_fen, locale())} " × (1 " {bp_text(adjustment_bp)} ") = "
                        <strong>{move || money_large(next_year_fen, locale())}</strong>
                    </p>
                    <p class="field-hint">
                        {move || format!("{} → {}", money(project_base_fen, locale()), money(next_year_fen, locale()))}
                    </p>
                </dd>
            </div>
            <div>
                <dt>{t!(i18n, evaluation.result.prize)}</dt>
                <dd>
                    {if prize {
                        view! { <span class="eval-prize">"★ " {t!(i18n, evaluation.result.awarded)}</span> }.into_any()
                    } else {
                        view! { <span>{t!(i18n, common.none)}</span> }.into_any()
                    }}
                </dd>
            </div>
        </dl>
    }
}

fn case_row(case: AccountabilityCase) -> impl IntoView {
    let i18n = use_i18n();
    let (trigger, status) = (case.trigger, case.status);
    let opened = case.opened_at;
    view! {
        <tr>
            <th scope="row">{move || pick(trigger.label_zh(), trigger.label_en())}</th>
            <td class="span" data-label=move || t_string!(i18n, evaluation.result.description)>{case.description}</td>
            <td data-label=move || t_string!(i18n, evaluation.result.status)>
                <span class=format!("badge case-{}", status.as_str())>
                    {move || pick(status.label_zh(), status.label_en())}
                </span>
            </td>
            <td data-label=move || t_string!(i18n, evaluation.result.owner)>{case.owner.unwrap_or_else(|| "—".to_owned())}</td>
            <td data-label=move || t_string!(i18n, evaluation.result.opened)>
                {move || timestamp_in(&opened, i18n.get_locale())}
            </td>
        </tr>
    }
}

#[component]
pub fn ResultPanel(current: RwSignal<Evaluation>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (code, year, result, cases) =
            current.with(|e| (e.department.code.clone(), e.year, e.result, e.cases.clone()));
        if result.is_none() && cases.is_empty() {
            return None;
        }
        let cases_view = if cases.is_empty() {
            view! {
                <p class="muted">{t!(i18n, evaluation.result.no_case)}</p>
            }
            .into_any()
        } else {
            view! {
                <div class="table-wrap mon-wrap">
                    <table class="data-table mon-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, evaluation.result.trigger)}</th>
                                <th scope="col">{t!(i18n, evaluation.result.description)}</th>
                                <th scope="col">{t!(i18n, evaluation.result.status)}</th>
                                <th scope="col">{t!(i18n, evaluation.result.owner)}</th>
                                <th scope="col">{t!(i18n, evaluation.result.opened)}</th>
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
                <h2 id="result-heading">{t!(i18n, evaluation.result.heading)}</h2>
                {result.map(result_box)}
                <h3 id="cases-heading">{t!(i18n, evaluation.result.accountability)}</h3>
                {cases_view}
                <p>
                    <A href=cases_href(&code, year)>
                        {t!(i18n, evaluation.result.open_cases)}
                    </A>
                </p>
            </section>
        })
    }
}
