//! What the evaluation's three tables of indicators share — the self-evaluation form,
//! finance's re-evaluation and the read-only view: the table (cards on phones), each row's
//! indicator heading, and the department's figures as finance and readers see them.

use jixiao_domain::dto::evaluation::EvaluationItem;
use leptos::prelude::*;

use super::figures::IndicatorTerms;

/// A heading in both languages: (Chinese, English).
pub type Words = (&'static str, &'static str);

/// The table of indicators: "指标 Indicator" and then `columns`; `children` are the rows.
#[component]
pub fn EvalTable(
    /// Headings of the columns after the indicator.
    columns: &'static [Words],
    /// Classes of the table.
    #[prop(default = "data-table eval-table")]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    let headings = columns
        .iter()
        .map(|(zh, en)| view! { <th scope="col">{*zh} " " <span lang="en">{*en}</span></th> })
        .collect_view();
    view! {
        <div class="table-wrap eval-wrap">
            <table class=class>
                <thead>
                    <tr>
                        <th scope="col">"指标 " <span lang="en">"Indicator"</span></th>
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
    own: String,
    cause: Option<String>,
    evidence: Option<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <td data-label="部门自评 Department">
            <p class="eval-monitored">{own}</p>
            <p>"自评得分 " <span lang="en">"Self score"</span> ": " {children()}</p>
            {cause.map(|c| view! {
                <p class="eval-note">"偏差原因 " <span lang="en">"Cause"</span> ": " {c}</p>
            })}
            {evidence.map(|e| view! {
                <p class="eval-note">"佐证 " <span lang="en">"Evidence"</span> ": " {e}</p>
            })}
        </td>
    }
}

/// Finance changed the department's figures.
#[component]
pub fn OverriddenTag() -> impl IntoView {
    view! { <p class="tag eval-flag">"已调整 " <span lang="en">"Overridden"</span></p> }
}
