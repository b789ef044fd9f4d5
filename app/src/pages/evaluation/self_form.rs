//! The department's self-evaluation (head and staff, while the status is not started or a
//! draft): one row per indicator — a table on wide screens, cards on phones — with the
//! monitoring value the form starts from, the figure controls, a live score preview, and
//! the cause and evidence. "Save draft" keeps incomplete figures; the head's "Sign off"
//! checks everything locally, asks to confirm, saves, then signs off (read-only after).

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::evaluation::{Evaluation, EvaluationItem, SelfItemUpdate};
use jixiao_domain::evaluation::{needs_cause, Terms};
use jixiao_domain::framework::Direction;
use leptos::prelude::*;

use super::figures::{
    indicator_name, preview, preview_outcome, FigureControls, FigureInputs, LabelledInput,
    PreviewTotal, Problems, ScorePreview,
};
use super::model::{self_update, terms_of, SelfText};
use super::table::{cell_label, Column, EvalTable, IndicatorCell};
use super::text::{figures_text, Control};
use super::writes::{ConfirmStep, Notice, WriteStatus, Writes};
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::stale::stale_current;
use crate::format::money;
use crate::locale::{t, t_string, td_string, use_i18n};

const CONFIRM_ID: &str = "sign-off-confirm";

/// One indicator's inputs.
#[derive(Clone, Copy)]
struct Row {
    figures: FigureInputs,
    cause: RwSignal<String>,
    evidence: RwSignal<String>,
}

impl Row {
    fn new(text: &SelfText) -> Self {
        Self {
            figures: FigureInputs::new(&text.figures),
            cause: RwSignal::new(text.cause.clone()),
            evidence: RwSignal::new(text.evidence.clone()),
        }
    }

    fn set(self, text: &SelfText) {
        self.figures.set(&text.figures);
        self.cause.set(text.cause.clone());
        self.evidence.set(text.evidence.clone());
    }

    fn text(self) -> SelfText {
        SelfText {
            figures: self.figures.text(),
            cause: self.cause.get(),
            evidence: self.evidence.get(),
        }
    }
}

#[component]
pub fn SelfForm(current: RwSignal<Evaluation>, flash: RwSignal<Option<Notice>>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let (code, year, items) =
        current.with_untracked(|e| (e.department.code.clone(), e.year, e.items.clone()));
    let rows = StoredValue::new(
        items
            .iter()
            .map(|item| Row::new(&SelfText::of(item)))
            .collect::<Vec<_>>(),
    );
    let keys = StoredValue::new(
        items
            .iter()
            .map(|item| {
                (
                    item.indicator.id.unwrap_or_default(),
                    terms_of(&item.indicator),
                )
            })
            .collect::<Vec<_>>(),
    );
    let texts =
        Memo::new(move |_| rows.with_value(|r| r.iter().map(|r| r.text()).collect::<Vec<_>>()));
    // Once a sign-off was tried, the sign-off's problems show (and go as they are fixed).
    let attempted = RwSignal::new(false);
    let checked = Memo::new(move |_| {
        let sign_off = attempted.get();
        texts.with(|t| keys.with_value(|k| self_update(k, t, sign_off)))
    });
    let writes = Writes::new("eval", &items, flash);
    let problems = Problems {
        local: Signal::derive(move || checked.with(|(_, p)| p.clone())),
        server: writes.server,
    };
    let total = Signal::derive(move || {
        let terms: Vec<Terms> = keys.with_value(|k| k.iter().map(|(_, t)| *t).collect());
        texts.with(|t| {
            let figures: Vec<_> = t.iter().map(|x| x.figures.clone()).collect();
            preview_outcome(&terms, &figures)
        })
    });

    let load = move |evaluation: Evaluation| {
        rows.with_value(|rows| {
            for (row, item) in rows.iter().zip(&evaluation.items) {
                row.set(&SelfText::of(item));
            }
        });
        current.set(evaluation);
    };
    let refuse = move |e: ApiError| writes.refuse(e, &[]);
    let save = {
        let code = code.clone();
        Action::new_local(move |input: &(i64, Vec<SelfItemUpdate>)| {
            let (revision, items) = input.clone();
            let code = code.clone();
            async move {
                match api::evaluation::save_self(&code, year, revision, items).await {
                    Ok(evaluation) => {
                        load(evaluation);
                        writes.saved(Notice::DraftSaved);
                    }
                    Err(e) => refuse(e),
                }
            }
        })
    };
    let sign = Action::new_local(move |input: &(i64, Vec<SelfItemUpdate>)| {
        let (revision, items) = input.clone();
        let code = code.clone();
        async move {
            let draft = match api::evaluation::save_self(&code, year, revision, items).await {
                Ok(draft) => draft,
                Err(e) => return refuse(e),
            };
            match api::evaluation::sign_off(&code, year, draft.revision).await {
                Ok(signed) => {
                    writes.done(Notice::SignedOff);
                    current.set(signed);
                }
                Err(e) => {
                    writes.confirming.set(false);
                    load(draft);
                    refuse(e);
                }
            }
        }
    });
    let pending = Memo::new(move |_| save.pending().get() || sign.pending().get());
    // The update, or the refusal shown at the fields.
    let check = move |sign_off: bool| -> Option<Vec<SelfItemUpdate>> {
        let (items, found) =
            texts.with_untracked(|t| keys.with_value(|k| self_update(k, t, sign_off)));
        if found.is_empty() {
            return Some(items);
        }
        writes.refuse_locally(found.len(), Some(&found[0].field));
        None
    };
    let on_save = move |_| {
        writes.start();
        writes.confirming.set(false);
        if let Some(items) = check(false) {
            save.dispatch_local((current.with_untracked(|e| e.revision), items));
        }
    };
    let on_sign = move |_| {
        writes.start();
        attempted.set(true);
        if check(true).is_some() {
            writes.ask(CONFIRM_ID);
        }
    };
    let on_confirm = move |()| {
        writes.start();
        if let Some(items) = check(true) {
            sign.dispatch_local((current.with_untracked(|e| e.revision), items));
        }
    };
    let on_reload = Callback::new(move |e: ApiError| {
        if let Some(evaluation) = stale_current::<Evaluation>(&e) {
            writes.start();
            writes.confirming.set(false);
            load(evaluation);
        }
    });

    let execution = current.with_untracked(|e| e.execution);
    let body = items
        .into_iter()
        .enumerate()
        .map(|(index, item)| {
            let row = rows.with_value(|r| r[index]);
            let (_, terms) = keys.with_value(|k| k[index]);
            view! { <SelfRow index item row terms problems execution /> }
        })
        .collect_view();

    view! {
        <section class="panel" aria-labelledby="self-heading">
            <h2 id="self-heading">{t!(i18n, evaluation.self_form.heading)}</h2>
            <p class="field-hint">{t!(i18n, evaluation.self_form.hint)}</p>
            <EvalTable columns=&[
                Column::MonitoringValue,
                Column::SelfEvaluation,
                Column::ScorePreview,
                Column::CauseAndEvidence,
            ]>
                {body}
            </EvalTable>
            <PreviewTotal id="self-preview-total" outcome=total>
                {t!(i18n, evaluation.self_form.total)}
            </PreviewTotal>
            <WriteStatus writes on_reload />
            <div class="form-actions">
                <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=on_save>
                    {t!(i18n, evaluation.self_form.save_draft)}
                </button>
                {move || auth.can(Capability::SignOffSelfEvaluation).then(|| view! {
                    <button type="button" class="button" disabled=move || pending.get() on:click=on_sign>
                        {t!(i18n, evaluation.self_form.sign_off)}
                    </button>
                })}
            </div>
            <ConfirmStep id=CONFIRM_ID writes pending on_confirm
                heading=|l| td_string!(l, evaluation.self_form.confirm_heading)
                confirm=|l| td_string!(l, evaluation.self_form.confirm)>
                <p>{t!(i18n, evaluation.self_form.confirm_text)}</p>
            </ConfirmStep>
        </section>
    }
}

#[component]
fn SelfRow(
    index: usize,
    item: EvaluationItem,
    row: Row,
    terms: Terms,
    problems: Problems,
    execution: jixiao_domain::dto::evaluation::Execution,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.indicator.id.unwrap_or_default();
    let name = indicator_name(&item);
    let direction = item.indicator.direction;
    let scored = Signal::derive(move || preview(terms, &row.figures.text()));
    let explained = Signal::derive(move || row.cause.with(|c| !c.trim().is_empty()));
    let cause_hint = Signal::derive(move || {
        if scored.get().is_some_and(|s| needs_cause(&s)) {
            t_string!(i18n, evaluation.hint.cause_required).to_owned()
        } else {
            t_string!(i18n, evaluation.hint.cause_optional).to_owned()
        }
    });
    let monitored = {
        let (prefill, unit) = (item.prefill.clone(), item.indicator.unit.clone());
        move || figures_text(direction, &prefill, &unit, i18n.get_locale())
    };
    let spending = (direction == Direction::BudgetExecution).then(|| {
        let text = move || {
            let locale = i18n.get_locale();
            let spent = money(execution.spent_fen, locale);
            let adjusted = money(execution.adjusted_fen, locale);
            match execution.month {
                Some(month) => td_string!(
                    locale,
                    evaluation.self_form.spending_to_month,
                    spent,
                    adjusted,
                    month
                )
                .to_string(),
                None => {
                    td_string!(locale, evaluation.self_form.spending, spent, adjusted).to_string()
                }
            }
        };
        view! { <p class="field-hint">{text}</p> }
    });
    let points = item.indicator.points;
    view! {
        <tr class="eval-row">
            <IndicatorCell item=item.clone() problem=problems.at(index, "") />
            <td data-label=cell_label(Column::MonitoringValue)>
                <p class="eval-monitored">{monitored}</p>
                {spending}
            </td>
            <td class="eval-inputs" data-label=cell_label(Column::SelfEvaluation)>
                <FigureControls id=format!("eval-{id}") index item inputs=row.figures problems />
            </td>
            <td data-label=cell_label(Column::ScorePreview)>
                <p class="eval-preview-label">{t!(i18n, evaluation.score.preview)}</p>
                <ScorePreview scored points explained />
            </td>
            <td class="eval-inputs" data-label=cell_label(Column::CauseAndEvidence)>
                <LabelledInput id=format!("eval-{id}-cause") control=Control::Cause
                    name value=row.cause multiline=true hint=cause_hint
                    error=problems.at(index, "cause") />
                <LabelledInput id=format!("eval-{id}-evidence") control=Control::Evidence
                    name value=row.evidence multiline=true error=problems.at(index, "evidence") />
            </td>
        </tr>
    }
}
