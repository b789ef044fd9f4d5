//! The evaluation page's header: department and year, phase and status, the self and
//! final totals side by side, who signed off, re-evaluated and remarked (and when), and
//! the links to the report, the cases, the set, monitoring and the budget.

use jixiao_domain::dto::evaluation::{Evaluation, Signature};
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;
use leptos_router::components::A;

use super::text::{name_in, total_text};
use super::{cases_href, report_href};
use crate::components::grade::GradeBadge;
use crate::components::phase::PhaseBadge;
use crate::format::timestamp_in;
use crate::locale::{pick, t, t_string, use_i18n};
use crate::pages::monitoring::{budget_href, monitoring_href};
use crate::pages::set::set_href;

/// The status in words; colour only as a second cue.
#[component]
pub fn EvaluationStatusBadge(status: EvaluationStatus) -> impl IntoView {
    view! {
        <span class=format!("badge evaluation-status evaluation-{}", status.as_str())>
            {move || pick(status.label_zh(), status.label_en())}
        </span>
    }
}

fn score(total: Option<f64>, grade: Option<Grade>) -> AnyView {
    match (total, grade) {
        (Some(total), Some(grade)) => view! {
            <strong class="eval-total">{total_text(total)}</strong> " " <GradeBadge grade />
        }
        .into_any(),
        (Some(total), None) => {
            view! { <strong class="eval-total">{total_text(total)}</strong> }.into_any()
        }
        _ => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

/// Who signed and when (the time in the reader's language).
fn signature(signature: Option<Signature>) -> AnyView {
    let i18n = use_i18n();
    match signature {
        Some(Signature { by, at }) => {
            let datetime = at.clone();
            view! {
                <span>{by}</span> " · "
                <time datetime=datetime>{move || timestamp_in(&at, i18n.get_locale())}</time>
            }
            .into_any()
        }
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

#[component]
pub fn EvaluationHeader(current: RwSignal<Evaluation>) -> impl IntoView {
    let i18n = use_i18n();
    let (code, year, name_zh, name_en) = current.with_untracked(|e| {
        (
            e.department.code.clone(),
            e.year,
            e.department.name_zh.clone(),
            e.department.name_en.clone(),
        )
    });
    let phase = move || current.with(|e| e.phase);
    let status = move || current.with(|e| e.status);
    let published = move || {
        current.with(|e| e.published_at.clone()).map(|at| {
            view! {
                <p class="eval-published">
                    {t!(i18n, evaluation.header.published)} " · "
                    {move || timestamp_in(&at, i18n.get_locale())}
                </p>
            }
        })
    };
    let title = move || {
        let name = name_in(i18n.get_locale(), &name_zh, &name_en);
        t_string!(i18n, evaluation.header.title, name, year).to_string()
    };
    view! {
        <header class="page-header">
            <h1>{title}</h1>
            <p class="set-meta">
                <span>{t!(i18n, evaluation.header.phase)} " " {move || view! { <PhaseBadge phase=phase() /> }}</span>
                <span>{t!(i18n, evaluation.header.status)} " " {move || view! { <EvaluationStatusBadge status=status() /> }}</span>
            </p>
            {published}
        </header>
        <section class="panel" aria-labelledby="eval-summary-heading">
            <h2 id="eval-summary-heading">{t!(i18n, evaluation.header.summary)}</h2>
            <div class="eval-scores">
                <div class="eval-score-box">
                    <p class="eval-score-label">{t!(i18n, evaluation.header.self_score)}</p>
                    <p class="eval-score-value">{move || current.with(|e| score(e.self_total, e.self_grade))}</p>
                </div>
                <div class="eval-score-box">
                    <p class="eval-score-label">
                        {t!(i18n, evaluation.header.final_score)}
                        {move || (status() != EvaluationStatus::Final).then(|| view! {
                            " " {t!(i18n, evaluation.header.not_graded)}
                        })}
                    </p>
                    <p class="eval-score-value">{move || current.with(|e| score(e.final_total, e.final_grade))}</p>
                </div>
            </div>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, evaluation.header.signed_off_by)}</dt>
                    <dd>{move || signature(current.with(|e| e.signed_off.clone()))}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.header.reevaluated_by)}</dt>
                    <dd>{move || signature(current.with(|e| e.reevaluated.clone()))}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.header.remarked_by)}</dt>
                    <dd>{move || signature(current.with(|e| e.remarked.clone()))}</dd>
                </div>
            </dl>
            <ul class="eval-links">
                <li><A href=report_href(&code, year)>{t!(i18n, evaluation.header.report)}</A></li>
                <li><A href=cases_href(&code, year)>{t!(i18n, evaluation.header.cases)}</A></li>
                <li><A href=set_href(&code, year)>{t!(i18n, evaluation.header.set)}</A></li>
                <li><A href=monitoring_href(&code, year, None)>{t!(i18n, evaluation.header.monitoring)}</A></li>
                <li><A href=budget_href(&code, year)>{t!(i18n, evaluation.header.budget)}</A></li>
            </ul>
        </section>
    }
}
