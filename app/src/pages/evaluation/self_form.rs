//! The department's self-evaluation (head and staff, while the status is not started or a
//! draft): one row per indicator — a table on wide screens, cards on phones — with the
//! monitoring value the form starts from, the figure controls, a live score preview, and
//! the cause and evidence. "Save draft" keeps incomplete figures; the head's "Sign off"
//! checks everything locally, asks to confirm, saves, then signs off (read-only after).

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::evaluation::{Evaluation, EvaluationItem, SelfItemUpdate};
use jixiao_domain::evaluation::{needs_cause, Terms};
use jixiao_domain::framework::Direction;
use jixiao_domain::money::format_yuan;
use leptos::prelude::*;

use super::figures::{
    preview, preview_outcome, FigureControls, FigureInputs, LabelledInput, PreviewTotal, Problems,
    ScorePreview,
};
use super::model::{self_update, terms_of, SelfText};
use super::table::{EvalTable, IndicatorCell};
use super::text::figures_text;
use super::writes::{ConfirmStep, WriteStatus, Writes};
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::stale::stale_current;

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
pub fn SelfForm(current: RwSignal<Evaluation>, flash: RwSignal<Option<String>>) -> impl IntoView {
    let auth = use_auth();
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
                        writes.saved("已保存草稿。 Draft saved.");
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
                    flash.set(Some(
                        "已签署自评，现为只读。 Self-evaluation signed off; it is now read-only."
                            .to_owned(),
                    ));
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
            <h2 id="self-heading">"部门自评 " <span lang="en">"Self-evaluation"</span></h2>
            <p class="field-hint">
                "表格从执行监控的年末数值开始；得分为预览，保存时由服务器重新计算。 "
                <span lang="en">"The form starts from the year-end monitoring values; scores are a preview, the server recomputes them."</span>
            </p>
            <EvalTable columns=&[
                ("监控值", "Monitoring value"),
                ("自评", "Self-evaluation"),
                ("得分预览", "Score preview"),
                ("原因与佐证", "Cause and evidence"),
            ]>
                {body}
            </EvalTable>
            <PreviewTotal id="self-preview-total" label_zh="自评总分" label_en="Self total" outcome=total />
            <WriteStatus writes on_reload />
            <div class="form-actions">
                <button type="button" class="button button-secondary" disabled=move || pending.get() on:click=on_save>
                    "保存草稿 " <span lang="en">"Save draft"</span>
                </button>
                {move || auth.can(Capability::SignOffSelfEvaluation).then(|| view! {
                    <button type="button" class="button" disabled=move || pending.get() on:click=on_sign>
                        "签署自评 " <span lang="en">"Sign off"</span>
                    </button>
                })}
            </div>
            <ConfirmStep id=CONFIRM_ID writes pending on_confirm
                heading=("确认签署自评？", "Sign off the self-evaluation?")
                confirm=("确认签署", "Confirm sign-off")>
                <p>
                    "签署后本部门不能再修改自评，由财政部门复评。 "
                    <span lang="en">"After signing off the department can no longer change it; finance re-evaluates it."</span>
                </p>
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
    let id = item.indicator.id.unwrap_or_default();
    let name_en = item.indicator.name_en.clone();
    let direction = item.indicator.direction;
    let scored = Signal::derive(move || preview(terms, &row.figures.text()));
    let explained = Signal::derive(move || row.cause.with(|c| !c.trim().is_empty()));
    let cause_hint = Signal::derive(move || {
        if scored.get().is_some_and(|s| needs_cause(&s)) {
            "本项失分或目标可能偏低，签署前须填写。 Required before sign-off: this indicator loses points or its target may be too low.".to_owned()
        } else {
            "如有偏差请说明。 Explain any deviation.".to_owned()
        }
    });
    let monitored = figures_text(direction, &item.prefill, &item.indicator.unit);
    let spending = (direction == Direction::BudgetExecution).then(|| {
        let month = execution
            .month
            .map_or(String::new(), |m| format!("（截至 {m} 月 to month {m}）"));
        view! {
            <p class="field-hint">
                "支出 " <span lang="en">"Spent"</span> " " {format_yuan(execution.spent_fen)}
                " / 调整后预算 " <span lang="en">"adjusted budget"</span> " " {format_yuan(execution.adjusted_fen)}
                {month}
            </p>
        }
    });
    let points = item.indicator.points;
    view! {
        <tr class="eval-row">
            <IndicatorCell item=item.clone() problem=problems.at(index, "") />
            <td data-label="监控值 Monitoring value">
                <p class="eval-monitored">{monitored}</p>
                {spending}
            </td>
            <td class="eval-inputs" data-label="自评 Self-evaluation">
                <FigureControls id=format!("eval-{id}") index item inputs=row.figures problems />
            </td>
            <td data-label="得分预览 Score preview">
                <p class="eval-preview-label">"预览 " <span lang="en">"Preview"</span></p>
                <ScorePreview scored points explained />
            </td>
            <td class="eval-inputs" data-label="原因与佐证 Cause and evidence">
                <LabelledInput id=format!("eval-{id}-cause") label_zh="偏差原因" label_en="Cause of deviation"
                    name_en=name_en.clone() value=row.cause multiline=true hint=cause_hint
                    error=problems.at(index, "cause") />
                <LabelledInput id=format!("eval-{id}-evidence") label_zh="佐证说明" label_en="Evidence notes"
                    name_en value=row.evidence multiline=true error=problems.at(index, "evidence") />
            </td>
        </tr>
    }
}
