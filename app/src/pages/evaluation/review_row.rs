//! One indicator of finance's re-evaluation: the department's figures and self score, finance's
//! figure controls, the reason (required where the figures differ) and the resulting score.

use jixiao_domain::dto::evaluation::EvaluationItem;
use jixiao_domain::evaluation::Terms;
use leptos::prelude::*;

use super::figures::{
    indicator_name, preview, FigureControls, FigureInputs, LabelledInput, Problems, ScorePreview,
};
use super::model::ReviewText;
use super::table::{cell_label, Column, DepartmentCell, IndicatorCell, OverriddenTag};
use super::text::{figures_text, score_text, Control};
use crate::locale::{t_string, use_i18n};

/// One indicator's inputs.
#[derive(Clone, Copy)]
pub struct Row {
    figures: FigureInputs,
    reason: RwSignal<String>,
}

impl Row {
    pub fn new(text: &ReviewText) -> Self {
        Self {
            figures: FigureInputs::new(&text.figures),
            reason: RwSignal::new(text.reason.clone()),
        }
    }

    pub fn set(self, text: &ReviewText) {
        self.figures.set(&text.figures);
        self.reason.set(text.reason.clone());
    }

    pub fn text(self) -> ReviewText {
        ReviewText {
            figures: self.figures.text(),
            reason: self.reason.get(),
        }
    }
}

#[component]
pub fn ReviewRow(
    index: usize,
    item: EvaluationItem,
    row: Row,
    terms: Terms,
    differs: Signal<bool>,
    problems: Problems,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.indicator.id.unwrap_or_default();
    let name = indicator_name(&item);
    let direction = item.indicator.direction;
    let points = item.indicator.points;
    let own = {
        let (figures, unit) = (item.self_figures.clone(), item.indicator.unit.clone());
        Signal::derive(move || figures_text(direction, &figures, &unit, i18n.get_locale()))
    };
    let self_score = item
        .self_score
        .map_or("—".to_owned(), |s| score_text(s.score, points));
    let scored = Signal::derive(move || preview(terms, &row.figures.text()));
    let reason_hint = Signal::derive(move || {
        if !differs.get() {
            t_string!(i18n, evaluation.hint.reason_same).to_owned()
        } else if row.reason.with(|r| r.trim().is_empty()) {
            t_string!(i18n, evaluation.hint.reason_required).to_owned()
        } else {
            t_string!(i18n, evaluation.hint.reason_differs).to_owned()
        }
    });
    let cause = item.cause.clone();
    let evidence = item.evidence.clone();
    view! {
        <tr class="eval-row" class:eval-overridden=move || differs.get()>
            <IndicatorCell item=item.clone() problem=problems.at(index, "") />
            <DepartmentCell own cause evidence>
                <strong>{self_score}</strong>
            </DepartmentCell>
            <td class="eval-inputs" data-label=cell_label(Column::Finance)>
                <FigureControls id=format!("review-{id}") index item inputs=row.figures problems finance=true />
            </td>
            <td class="eval-inputs" data-label=cell_label(Column::Reason)>
                <LabelledInput id=format!("review-{id}-reason") control=Control::Reason
                    name value=row.reason multiline=true hint=reason_hint
                    error=problems.at(index, "reason") />
            </td>
            <td data-label=cell_label(Column::ResultingScore)>
                {move || differs.get().then(|| view! { <OverriddenTag /> })}
                <ScorePreview scored points explained=Signal::stored(true) />
            </td>
        </tr>
    }
}
