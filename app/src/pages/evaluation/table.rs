//! What the evaluation's three tables of indicators share — the self-evaluation form,
//! finance's re-evaluation and the read-only view: the table (cards on phones), each row's
//! indicator heading, and the department's figures as finance and readers see them.

use jixiao_domain::dto::evaluation::EvaluationItem;
use leptos::prelude::*;

use super::figures::IndicatorTerms;
use super::text::colon;
use crate::locale::{t, td_string, use_i18n, Locale};

/// A column of the tables after the indicator; its heading is also the label of its cells
/// on phones (`data-label`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    MonitoringValue,
    Department,
    Finance,
    ScoreThatCounts,
    SelfEvaluation,
    ScorePreview,
    CauseAndEvidence,
    Reason,
    ResultingScore,
}

impl Column {
    /// The heading in `locale`.
    pub fn heading(self, locale: Locale) -> &'static str {
        match self {
            Self::MonitoringValue => td_string!(locale, evaluation.column.monitoring_value),
            Self::Department => td_string!(locale, evaluation.column.department),
            Self::Finance => td_string!(locale, evaluation.column.finance),
            Self::ScoreThatCounts => td_string!(locale, evaluation.column.score_that_counts),
            Self::SelfEvaluation => td_string!(locale, evaluation.column.self_evaluation),
            Self::ScorePreview => td_string!(locale, evaluation.column.score_preview),
            Self::CauseAndEvidence => td_string!(locale, evaluation.column.cause_and_evidence),
            Self::Reason => td_string!(locale, evaluation.column.reason),
            Self::ResultingScore => td_string!(locale, evaluation.column.resulting_score),
        }
    }
}

/// The `data-label` of a cell in `column`, following the language.
pub fn cell_label(column: Column) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || column.heading(i18n.get_locale())
}

/// The table of indicators: "Indicator" and then `columns`; `children` are the rows.
#[component]
pub fn EvalTable(
    /// The columns after the indicator.
    columns: &'static [Column],
    /// Classes of the table.
    #[prop(default = "data-table eval-table")]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let headings = columns
        .iter()
        .map(|column| view! { <th scope="col">{cell_label(*column)}</th> })
        .collect_view();
    view! {
        <div class="table-wrap eval-wrap">
            <table class=class>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, evaluation.column.indicator)}</th>
                        {headings}
                    </tr>
                </thead>
                <tbody>{children()}</tbody>
            </table>
        </div>
    }
}

/// A row's heading: the indicator's name and terms, and in a form the problem of the item
/// as a whole.
#[component]
pub fn IndicatorCell(
    item: EvaluationItem,
    #[prop(optional)] problem: Option<Signal<Option<String>>>,
) -> impl IntoView {
    view! {
        <th scope="row" class="eval-indicator">
            <IndicatorTerms item />
            {problem.map(|problem| move || problem.get().map(|m| view! { <p class="field-error">{m}</p> }))}
        </th>
    }
}

/// The department's self-evaluation of an indicator as finance and readers see it: its
/// figures in words, its self score (`children`), its cause and evidence.
#[component]
pub fn DepartmentCell(
    /// The figures in words (in the reader's language).
    #[prop(into)]
    own: Signal<String>,
    cause: Option<String>,
    evidence: Option<String>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let colon = move || colon(i18n.get_locale());
    view! {
        <td data-label=cell_label(Column::Department)>
            <p class="eval-monitored">{own}</p>
            <p>{t!(i18n, evaluation.score.self_score)} {colon} {children()}</p>
            {cause.map(|c| view! {
                <p class="eval-note">{t!(i18n, evaluation.score.cause)} {colon} {c}</p>
            })}
            {evidence.map(|e| view! {
                <p class="eval-note">{t!(i18n, evaluation.score.evidence)} {colon} {e}</p>
            })}
        </td>
    }
}

/// Finance changed the department's figures.
#[component]
pub fn OverriddenTag() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="tag eval-flag">{t!(i18n, evaluation.score.overridden)}</p> }
}
