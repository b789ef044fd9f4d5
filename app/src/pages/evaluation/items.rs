//! The evaluation read-only: every indicator with the monitoring value, the department's
//! figures and self score, finance's override and reason, and the score that counts.

use jixiao_domain::dto::evaluation::{Evaluation, EvaluationItem, ItemScore};
use jixiao_domain::evaluation::EvaluationStatus;
use leptos::prelude::*;

use super::table::{cell_label, Column, DepartmentCell, EvalTable, IndicatorCell, OverriddenTag};
use super::text::{achievement_text, colon, figures_text, score_text};
use crate::locale::{t, td_string, use_i18n, Locale};

/// What the reader should know about where the evaluation stands.
fn status_note(status: EvaluationStatus, locale: Locale) -> &'static str {
    match status {
        EvaluationStatus::NotStarted | EvaluationStatus::SelfDraft => {
            td_string!(locale, evaluation.items.in_progress)
        }
        EvaluationStatus::SelfSubmitted | EvaluationStatus::Reevaluated => {
            td_string!(locale, evaluation.items.signed_off)
        }
        EvaluationStatus::Final => td_string!(locale, evaluation.items.graded),
    }
}

fn score_cell(score: Option<ItemScore>, points: f64) -> AnyView {
    let i18n = use_i18n();
    match score {
        Some(s) => view! {
            <strong>{score_text(s.score, points)}</strong>
            <span class="eval-achievement">" · " {achievement_text(s.achievement)}</span>
            {s.target_may_be_too_low.then(|| view! {
                <p class="tag eval-flag">{t!(i18n, evaluation.score.target_too_low)}</p>
            })}
        }
        .into_any(),
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

fn item_row(item: EvaluationItem) -> impl IntoView {
    let i18n = use_i18n();
    let i = item.indicator.clone();
    let (direction, points) = (i.direction, i.points);
    let figures = move |f: &jixiao_domain::evaluation::Figures| {
        let (f, unit) = (f.clone(), i.unit.clone());
        move || figures_text(direction, &f, &unit, i18n.get_locale())
    };
    let monitored = figures(&item.prefill);
    let own = Signal::derive(figures(&item.self_figures));
    let finance = item.override_figures.as_ref().map(figures);
    let overridden = finance.is_some();
    let reason = item.override_reason.clone();
    let (cause, evidence) = (item.cause.clone(), item.evidence.clone());
    let (self_score, final_score) = (item.self_score, item.final_score);
    view! {
        <tr class="eval-row" class:eval-overridden=overridden>
            <IndicatorCell item=item.clone() />
            <td data-label=cell_label(Column::MonitoringValue)><p class="eval-monitored">{monitored}</p></td>
            <DepartmentCell own cause evidence>{score_cell(self_score, points)}</DepartmentCell>
            <td data-label=cell_label(Column::Finance)>
                {match finance {
                    Some(text) => view! {
                        <OverriddenTag />
                        <p class="eval-monitored">{text}</p>
                        {reason.map(|r| view! {
                            <p class="eval-note">
                                {t!(i18n, evaluation.score.reason)} {move || colon(i18n.get_locale())} {r}
                            </p>
                        })}
                    }.into_any(),
                    None => view! {
                        <p class="muted">{t!(i18n, evaluation.score.no_override)}</p>
                    }.into_any(),
                }}
            </td>
            <td data-label=cell_label(Column::ScoreThatCounts)>{score_cell(final_score, points)}</td>
        </tr>
    }
}

#[component]
pub fn ItemsView(current: RwSignal<Evaluation>) -> impl IntoView {
    let i18n = use_i18n();
    let note = move || {
        let note = status_note(current.with(|e| e.status), i18n.get_locale());
        view! { <p class="notice">{note}</p> }
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
            <h2 id="items-heading">{t!(i18n, evaluation.items.heading)}</h2>
            {note}
            <EvalTable columns=&[
                Column::MonitoringValue,
                Column::Department,
                Column::Finance,
                Column::ScoreThatCounts,
            ]>
                {rows}
            </EvalTable>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_says_where_the_evaluation_stands() {
        assert_eq!(
            status_note(EvaluationStatus::Final, Locale::en),
            "Graded; the results have been applied."
        );
        assert_eq!(
            status_note(EvaluationStatus::SelfDraft, Locale::zh_CN),
            "部门自评进行中，尚未签署。"
        );
    }
}
