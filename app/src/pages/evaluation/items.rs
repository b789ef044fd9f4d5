//! The evaluation read-only: every indicator with the monitoring value, the department's
//! figures and self score, finance's override and reason, and the score that counts.

use jixiao_domain::dto::evaluation::{Evaluation, EvaluationItem, ItemScore};
use jixiao_domain::evaluation::EvaluationStatus;
use leptos::prelude::*;

use super::table::{DepartmentCell, EvalTable, IndicatorCell, OverriddenTag};
use super::text::{achievement_text, figures_text, score_text};

/// What the reader should know about where the evaluation stands.
fn status_note(status: EvaluationStatus) -> (&'static str, &'static str) {
    match status {
        EvaluationStatus::NotStarted | EvaluationStatus::SelfDraft => (
            "部门自评进行中，尚未签署。",
            "The department's self-evaluation is in progress and not signed off yet.",
        ),
        EvaluationStatus::SelfSubmitted | EvaluationStatus::Reevaluated => (
            "自评已签署，只读；财政部门正在复评。",
            "The self-evaluation is signed off and read-only; finance is re-evaluating it.",
        ),
        EvaluationStatus::Final => (
            "已定级，结果已应用。",
            "Graded; the results have been applied.",
        ),
    }
}

fn score_cell(score: Option<ItemScore>, points: f64) -> AnyView {
    match score {
        Some(s) => view! {
            <strong>{score_text(s.score, points)}</strong>
            <span class="eval-achievement">" · " {achievement_text(s.achievement)}</span>
            {s.target_may_be_too_low.then(|| view! {
                <p class="tag eval-flag">"目标可能偏低 " <span lang="en">"Target may be set too low"</span></p>
            })}
        }
        .into_any(),
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

fn item_row(item: EvaluationItem) -> impl IntoView {
    let i = &item.indicator;
    let (direction, points) = (i.direction, i.points);
    let monitored = figures_text(direction, &item.prefill, &i.unit);
    let own = figures_text(direction, &item.self_figures, &i.unit);
    let finance = item
        .override_figures
        .as_ref()
        .map(|f| figures_text(direction, f, &i.unit));
    let overridden = finance.is_some();
    let reason = item.override_reason.clone();
    let (cause, evidence) = (item.cause.clone(), item.evidence.clone());
    let (self_score, final_score) = (item.self_score, item.final_score);
    view! {
        <tr class="eval-row" class:eval-overridden=overridden>
            <IndicatorCell item=item.clone() />
            <td data-label="监控值 Monitoring value"><p class="eval-monitored">{monitored}</p></td>
            <DepartmentCell own cause evidence>{score_cell(self_score, points)}</DepartmentCell>
            <td data-label="财政复评 Finance">
                {match finance {
                    Some(text) => view! {
                        <OverriddenTag />
                        <p class="eval-monitored">{text}</p>
                        {reason.map(|r| view! { <p class="eval-note">"理由 " <span lang="en">"Reason"</span> ": " {r}</p> })}
                    }.into_any(),
                    None => view! {
                        <p class="muted">"未调整 " <span lang="en">"No override"</span></p>
                    }.into_any(),
                }}
            </td>
            <td data-label="最终得分 Score that counts">{score_cell(final_score, points)}</td>
        </tr>
    }
}

#[component]
pub fn ItemsView(current: RwSignal<Evaluation>) -> impl IntoView {
    let note = move || {
        let (zh, en) = status_note(current.with(|e| e.status));
        view! { <p class="notice">{zh} " " <span lang="en">{en}</span></p> }
    };
    let rows = move || {
        current
            .with(|e| e.items.clone())
            .into_iter()
            .map(item_row)
            .collect_view()
    };
    view! {
        <section class="panel" aria-labelledby="items-heading">
            <h2 id="items-heading">"评价明细 " <span lang="en">"Indicators"</span></h2>
            {note}
            <EvalTable columns=&[
                ("监控值", "Monitoring value"),
                ("部门自评", "Department"),
                ("财政复评", "Finance"),
                ("最终得分", "Score that counts"),
            ]>
                {rows}
            </EvalTable>
        </section>
    }
}
