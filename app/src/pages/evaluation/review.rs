//! Finance's re-evaluation (status signed off or re-evaluated): per indicator, the
//! department's figures and self score next to finance's inputs (prefilled with the
//! override if any, else the department's figures), a reason — required where the figures
//! differ — and the resulting score; the live total and grade next to the department's.
//! Only figures that differ are sent as overrides. "Finalise" confirms, saves unsaved
//! changes first, then fixes the grade and applies the year's result rules.

use jixiao_domain::dto::evaluation::{Evaluation, OverrideUpdate};
use jixiao_domain::evaluation::{Figures, Terms};
use leptos::prelude::*;

use super::figures::{preview_outcome, PreviewTotal, Problems};
use super::model::{review, terms_of, ReviewText, Reviewed};
use super::review_row::{ReviewRow, Row};
use super::table::{Column, EvalTable};
use super::text::{bp_text, colon, total_text};
use super::writes::{ConfirmStep, Notice, WriteStatus, Writes};
use crate::api::{self, ApiError};
use crate::components::grade::GradeBadge;
use crate::components::stale::stale_current;
use crate::format::money_large;
use crate::locale::{t, td_string, use_i18n};

const CONFIRM_ID: &str = "finalize-confirm";

type Key = (i64, Terms, Figures);

fn keys_of(evaluation: &Evaluation) -> Vec<Key> {
    evaluation
        .items
        .iter()
        .map(|item| {
            (
                item.indicator.id.unwrap_or_default(),
                terms_of(&item.indicator),
                item.self_figures.clone(),
            )
        })
        .collect()
}

#[component]
pub fn ReviewForm(current: RwSignal<Evaluation>, flash: RwSignal<Option<Notice>>) -> impl IntoView {
    let i18n = use_i18n();
    let (code, year, items) =
        current.with_untracked(|e| (e.department.code.clone(), e.year, e.items.clone()));
    let rows = StoredValue::new(
        items
            .iter()
            .map(|item| Row::new(&ReviewText::of(item)))
            .collect::<Vec<_>>(),
    );
    let keys = StoredValue::new(current.with_untracked(keys_of));
    let saved_texts = RwSignal::new(items.iter().map(ReviewText::of).collect::<Vec<_>>());
    let texts =
        Memo::new(move |_| rows.with_value(|r| r.iter().map(|r| r.text()).collect::<Vec<_>>()));
    let reviewed = Memo::new(move |_| texts.with(|t| keys.with_value(|k| review(k, t))));
    let dirty = Memo::new(move |_| texts.with(|t| saved_texts.with(|s| t != s)));
    // A missing reason shows as an error once a save was tried (a marker before that).
    let attempted = RwSignal::new(false);
    let writes = Writes::new("review", &items, flash);
    let problems = Problems {
        local: Signal::derive(move || {
            let shown = attempted.get();
            reviewed.with(|r| {
                r.problems
                    .iter()
                    .filter(|p| shown || p.code != "reason_required")
                    .cloned()
                    .collect()
            })
        }),
        server: writes.server,
    };
    let total = Signal::derive(move || {
        let terms: Vec<Terms> = keys.with_value(|k| k.iter().map(|(_, t, _)| *t).collect());
        texts.with(|t| {
            let figures: Vec<_> = t.iter().map(|x| x.figures.clone()).collect();
            preview_outcome(&terms, &figures)
        })
    });

    let load = move |evaluation: Evaluation| {
        let texts: Vec<ReviewText> = evaluation.items.iter().map(ReviewText::of).collect();
        rows.with_value(|rows| {
            for (row, text) in rows.iter().zip(&texts) {
                row.set(text);
            }
        });
        saved_texts.set(texts);
        keys.set_value(keys_of(&evaluation));
        current.set(evaluation);
    };
    let refuse = move |e: ApiError, sent: Vec<usize>| writes.refuse(e, &sent);
    let save = {
        let code = code.clone();
        Action::new_local(move |input: &(i64, Vec<OverrideUpdate>, Vec<usize>)| {
            let (revision, overrides, sent) = input.clone();
            let code = code.clone();
            async move {
                match api::evaluation::save_reevaluation(&code, year, revision, overrides).await {
                    Ok(evaluation) => {
                        load(evaluation);
                        writes.saved(Notice::ReevaluationSaved);
                    }
                    Err(e) => refuse(e, sent),
                }
            }
        })
    };
    // (revision, the overrides to save first if any, the items they belong to)
    let finalize = Action::new_local(
        move |input: &(i64, Option<Vec<OverrideUpdate>>, Vec<usize>)| {
            let (mut revision, overrides, sent) = input.clone();
            let code = code.clone();
            async move {
                if let Some(overrides) = overrides {
                    match api::evaluation::save_reevaluation(&code, year, revision, overrides).await
                    {
                        Ok(evaluation) => {
                            revision = evaluation.revision;
                            load(evaluation);
                        }
                        Err(e) => {
                            writes.confirming.set(false);
                            return refuse(e, sent);
                        }
                    }
                }
                match api::evaluation::finalize(&code, year, revision).await {
                    Ok(graded) => {
                        writes.done(Notice::Finalised);
                        current.set(graded);
                    }
                    Err(e) => {
                        writes.confirming.set(false);
                        refuse(e, Vec::new());
                    }
                }
            }
        },
    );
    let pending = Memo::new(move |_| save.pending().get() || finalize.pending().get());
    let start = move || {
        writes.start();
        attempted.set(true);
    };
    // The overrides, or the refusal shown at the fields.
    let check = move |complete: bool| -> Option<Reviewed> {
        let found = reviewed.get_untracked();
        let count = found.problems.len()
            + usize::from(complete && found.problems.is_empty() && total.get_untracked().is_none());
        if count == 0 {
            return Some(found);
        }
        writes.refuse_locally(count, found.problems.first().map(|p| p.field.as_str()));
        None
    };
    let revision = move || current.with_untracked(|e| e.revision);
    let on_save = move |_| {
        start();
        writes.confirming.set(false);
        if let Some(r) = check(false) {
            save.dispatch_local((revision(), r.overrides, r.sent));
        }
    };
    let on_finalize = move |_| {
        start();
        if check(true).is_some() {
            writes.ask(CONFIRM_ID);
        }
    };
    let on_confirm = move |()| {
        start();
        if let Some(r) = check(true) {
            let overrides = dirty.get_untracked().then_some(r.overrides);
            finalize.dispatch_local((revision(), overrides, r.sent));
        }
    };
    let on_reload = Callback::new(move |e: ApiError| {
        if let Some(evaluation) = stale_current::<Evaluation>(&e) {
            start();
            attempted.set(false);
            writes.confirming.set(false);
            load(evaluation);
        }
    });

    let body = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let row = rows.with_value(|r| r[index]);
            let (_, terms, _) = keys.with_value(|k| k[index].clone());
            let differs = Signal::derive(move || {
                reviewed.with(|r| r.differs.get(index).copied().unwrap_or(false))
            });
            view! { <ReviewRow index item row terms differs problems /> }
        })
        .collect_view();
    let department_total = move || {
        current.with(|e| match (e.self_total, e.self_grade) {
            (Some(total), Some(grade)) => view! {
                <strong>{total_text(total)}</strong> " " <GradeBadge grade />
            }
            .into_any(),
            _ => view! { "—" }.into_any(),
        })
    };
    let consequence = move || {
        let (_, grade) = total.get()?;
        let (rules, base) = current.with(|e| (e.rules, e.project_base_fen));
        let next = rules.next_year_budget(base, grade);
        let locale = i18n.get_locale();
        Some(view! {
            <p>
                {t!(i18n, evaluation.review.grade)} " " <GradeBadge grade /> " · "
                {t!(i18n, evaluation.review.next_budget)} " "
                <strong>{bp_text(rules.adjustment_bp(grade))}</strong> {colon(locale)}
                {money_large(base, locale)} " → "
                <strong>{money_large(next, locale)}</strong>
                {(grade == jixiao_domain::scoring::Grade::Excellent).then(|| view! {
                    " · " {t!(i18n, evaluation.review.prize)}
                })}
            </p>
        })
    };

    view! {
        <section class="panel" aria-labelledby="review-heading">
            <h2 id="review-heading">{t!(i18n, evaluation.review.heading)}</h2>
            <p class="field-hint">{t!(i18n, evaluation.review.hint)}</p>
            <EvalTable class="data-table eval-table eval-review-table" columns=&[
                Column::Department,
                Column::Finance,
                Column::Reason,
                Column::ResultingScore,
            ]>
                {body}
            </EvalTable>
            <div class="eval-totals">
                <p class="eval-preview-total">
                    {t!(i18n, evaluation.review.department_total)} {move || colon(i18n.get_locale())}
                    {department_total}
                </p>
                <PreviewTotal id="review-preview-total" outcome=total>
                    {t!(i18n, evaluation.review.total)}
                </PreviewTotal>
            </div>
            <WriteStatus writes on_reload />
            <div class="form-actions">
                <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=on_save>
                    {t!(i18n, evaluation.review.save)}
                </button>
                <button type="button" class="button" disabled=move || pending.get() on:click=on_finalize>
                    {t!(i18n, evaluation.review.finalise)}
                </button>
                {move || dirty.get().then(|| view! {
                    <span class="unsaved">{t!(i18n, evaluation.review.unsaved)}</span>
                })}
            </div>
            <ConfirmStep id=CONFIRM_ID writes pending on_confirm
                heading=|l| td_string!(l, evaluation.review.confirm_heading)
                confirm=|l| td_string!(l, evaluation.review.confirm)>
                {consequence}
                <p>{t!(i18n, evaluation.review.confirm_text)}</p>
                {move || dirty.get().then(|| view! {
                    <p class="field-hint">{t!(i18n, evaluation.review.saved_first)}</p>
                })}
            </ConfirmStep>
        </section>
    }
}
