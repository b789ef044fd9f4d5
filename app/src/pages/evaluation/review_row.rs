//! One indicator of finance's re-evaluation: the department's figures and self score, finance's
//! figure controls, the reason (required where the figures differ) and the resulting score.

use jixiao_domain::dto::evaluation::EvaluationItem;
use jixiao_domain::evaluation::Terms;
use leptos::prelude::*;

use super::figures::{
    preview, FigureControls, FigureInputs, LabelledInput, Problems, ScorePreview,
};
use super::model::ReviewText;
use super::table::{DepartmentCell, IndicatorCell, OverriddenTag};
use super::text::{figures_text, score_text};

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
    let id = item.indicator.id.unwrap_or_default();
    let name_en = item.indicator.name_en.clone();
    let direction = item.indicator.direction;
    let points = item.indicator.points;
    let own = figures_text(direction, &item.self_figures, &item.indicator.unit);
    let self_score = item
        .self_score
        .map_or("—".to_owned(), |s| score_text(s.score, points));
    let scored = Signal::derive(move || preview(terms, &row.figures.text()));
    let reason_hint = Signal::derive(move || {
        if !differs.get() {
            "与部门数值相同，无需理由。 Same as the department's: no reason needed.".to_owned()
        } else if row.reason.with(|r| r.trim().is_empty()) {
            "须填写理由：数值与部门不同。 Reason required: the figures differ from the department's.".to_owned()
        } else {
            "数值与部门不同。 The figures differ from the department's.".to_owned()
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
            <td class="eval-inputs" data-label="财政复评 Finance">
                <FigureControls id=format!("review-{id}") index item inputs=row.figures problems finance=true />
            </td>
            <td class="eval-inputs" data-label="调整理由 Reason">
                <LabelledInput id=format!("review-{id}-reason") label_zh="复评理由" label_en="Reason"
                    name_en value=row.reason multiline=true hint=reason_hint
                    error=problems.at(index, "reason") />
            </td>
            <td data-label="复评得分 Resulting score">
                {move || differs.get().then(|| view! { <OverriddenTag /> })}
                <ScorePreview scored points explained=Signal::stored(true) />
            </td>
        </tr>
    }
}
