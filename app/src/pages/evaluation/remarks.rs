//! The assessment agency's key-work remarks: a textarea and Save for the agency while the
//! year is in evaluation; read-only for everyone else who reads the evaluation.

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::evaluation::Evaluation;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::form::field_message;
use crate::components::stale::{stale_current, WriteAlert};
use crate::locale::{pick_in, t, t_string, use_i18n, Locale};

use super::text::name_in;

const REMARKS_ID: &str = "eval-remarks";

/// The key-work indicators the remarks are about, by name in `locale`, in one line.
fn key_work_names(evaluation: &Evaluation, locale: Locale) -> String {
    evaluation
        .items
        .iter()
        .filter(|i| i.key_work)
        .map(|i| name_in(locale, &i.indicator.name_zh, &i.indicator.name_en))
        .collect::<Vec<_>>()
        .join(pick_in(locale, "；", "; "))
}

#[component]
pub fn Remarks(current: RwSignal<Evaluation>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let may_remark = Memo::new(move |_| {
        auth.can(Capability::RemarkKeyWork) && current.with(|e| e.phase == Phase::Evaluation)
    });
    let text = RwSignal::new(current.with_untracked(|e| e.remarks.clone().unwrap_or_default()));
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(false);
    let load = move |evaluation: Evaluation| {
        text.set(evaluation.remarks.clone().unwrap_or_default());
        current.set(evaluation);
    };
    let save = Action::new_local(move |input: &(i64, String)| {
        let (revision, remarks) = input.clone();
        let (code, year) = current.with_untracked(|e| (e.department.code.clone(), e.year));
        async move {
            match api::evaluation::save_remarks(&code, year, revision, remarks).await {
                Ok(evaluation) => {
                    load(evaluation);
                    saved.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_save = move |_| {
        saved.set(false);
        error.set(None);
        let revision = current.with_untracked(|e| e.revision);
        save.dispatch_local((revision, text.get_untracked().trim().to_owned()));
    };
    let on_reload = Callback::new(move |e: ApiError| {
        if let Some(evaluation) = stale_current::<Evaluation>(&e) {
            error.set(None);
            load(evaluation);
        }
    });
    let field_error = Signal::derive(move || error.with(|e| field_message(e.as_ref(), "remarks")));
    let key_work = move || {
        let names = current.with(|e| key_work_names(e, i18n.get_locale()));
        (!names.is_empty()).then(|| {
            view! {
                <p class="field-hint">
                    {t_string!(i18n, evaluation.remarks.key_work, names).to_string()}
                </p>
            }
        })
    };
    let form = move || {
        may_remark.get().then(|| {
            view! {
                <div class="field eval-field" class:field-invalid=move || field_error.with(Option::is_some)>
                    <label for=REMARKS_ID>{t!(i18n, evaluation.remarks.label)}</label>
                    <textarea id=REMARKS_ID name=REMARKS_ID rows="5" bind:value=text
                        aria-invalid=move || field_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || field_error.with(Option::is_some).then_some("eval-remarks-error")></textarea>
                    {move || field_error.get().map(|m| view! { <p id="eval-remarks-error" class="field-error">{m}</p> })}
                </div>
                <WriteAlert error on_reload claimed=|field| field == "remarks" />
                <p class="form-status" role="status">
                    {move || saved.get().then_some(t!(i18n, evaluation.notice.remarks_saved))}
                </p>
                <div class="form-actions">
                    <button type="button" class="button" disabled=move || save.pending().get() on:click=on_save>
                        {t!(i18n, evaluation.remarks.save)}
                    </button>
                </div>
            }
        })
    };
    let shown = move || {
        (!may_remark.get())
            .then(|| current.with(|e| e.remarks.clone()))
            .flatten()
            .filter(|r| !r.trim().is_empty())
            .map(|remarks| view! { <p class="eval-remarks-text">{remarks}</p> })
    };
    let visible = Memo::new(move |_| {
        may_remark.get()
            || current.with(|e| e.remarks.as_ref().is_some_and(|r| !r.trim().is_empty()))
    });
    move || {
        visible.get().then(|| {
            view! {
                <section class="panel" aria-labelledby="remarks-heading">
                    <h2 id="remarks-heading">{t!(i18n, evaluation.remarks.heading)}</h2>
                    {key_work}
                    {shown}
                    {form}
                </section>
            }
        })
    }
}
