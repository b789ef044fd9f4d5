//! Finance's form on a case card: owner, status and resolution (required when closing);
//! saving updates the card in place.

use jixiao_domain::dto::evaluation::{AccountabilityCase, CaseStatus, CaseUpdate};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form::field_message;
use crate::components::stale::{stale_current, WriteAlert};
use crate::locale::{pick, t, t_string, td_string, use_i18n, Locale};

/// Fields of the case form that show their own errors.
const FIELDS: [&str; 3] = ["owner", "status", "resolution"];

/// The update to send, or the problem to show first (in `locale`): closing needs a
/// resolution.
pub fn case_update(
    revision: i64,
    owner: &str,
    status: &str,
    resolution: &str,
    locale: Locale,
) -> Result<CaseUpdate, FieldError> {
    let status: CaseStatus = status.parse().map_err(|_| {
        FieldError::new(
            "required",
            "status",
            td_string!(locale, results.case.choose_status),
        )
    })?;
    let text = |t: &str| {
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_owned())
    };
    let resolution = text(resolution);
    if status == CaseStatus::Closed && resolution.is_none() {
        return Err(FieldError::new(
            "resolution_required",
            "resolution",
            td_string!(locale, results.case.resolution_required),
        ));
    }
    Ok(CaseUpdate {
        revision,
        owner: text(owner),
        status,
        resolution,
    })
}

/// What the form's status line says after a save or a reload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Saved,
    Reloaded,
}

/// Finance's form: owner, status and resolution (required when closing).
#[component]
pub(super) fn CaseForm(current: RwSignal<AccountabilityCase>) -> impl IntoView {
    let i18n = use_i18n();
    let id = current.with_untracked(|c| c.id);
    let owner = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let resolution = RwSignal::new(String::new());
    let load = move |case: &AccountabilityCase| {
        owner.set(case.owner.clone().unwrap_or_default());
        status.set(case.status.as_str().to_owned());
        resolution.set(case.resolution.clone().unwrap_or_default());
    };
    current.with_untracked(load);
    let error = RwSignal::new(None::<ApiError>);
    // What the status line says last: saved or reloaded.
    let saved = RwSignal::new(None::<Done>);
    let save = Action::new_local(move |update: &CaseUpdate| {
        let update = update.clone();
        async move {
            match api::evaluation::update_case(id, update).await {
                Ok(case) => {
                    load(&case);
                    current.set(case);
                    saved.set(Some(Done::Saved));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        error.set(None);
        let revision = current.with_untracked(|c| c.revision);
        match case_update(
            revision,
            &owner.get_untracked(),
            &status.get_untracked(),
            &resolution.get_untracked(),
            i18n.get_locale_untracked(),
        ) {
            Ok(update) => {
                save.dispatch_local(update);
            }
            Err(problem) => {
                let body = serde_json::json!({"error": {
                    "code": problem.code, "message": problem.message, "field": problem.field,
                }});
                error.set(Some(ApiError::from_response(422, &body.to_string())));
                crate::components::focus::focus_later(format!("case-{id}-{}", problem.field));
            }
        }
    };
    let on_reload = Callback::new(move |stale: ApiError| {
        if let Some(now) = stale_current::<AccountabilityCase>(&stale) {
            load(&now);
            current.set(now);
            error.set(None);
            saved.set(Some(Done::Reloaded));
        }
    });
    let message = move |field: &'static str| {
        Signal::derive(move || error.with(|e| field_message(e.as_ref(), field)))
    };
    let (owner_error, status_error, resolution_error) =
        (message("owner"), message("status"), message("resolution"));
    let closing = move || status.get() == CaseStatus::Closed.as_str();
    let input_id = move |field: &str| format!("case-{id}-{field}");
    let described = move |field: &'static str, hint: bool, error: Signal<Option<String>>| {
        move || {
            let mut ids = Vec::new();
            if hint {
                ids.push(format!("case-{id}-{field}-hint"));
            }
            if error.with(Option::is_some) {
                ids.push(format!("case-{id}-{field}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let error_note = move |field: &'static str, error: Signal<Option<String>>| {
        move || {
            error.get().map(|m| {
                view! { <p id=format!("case-{id}-{field}-error") class="field-error">{m}</p> }
            })
        }
    };
    let options = CaseStatus::ALL
        .iter()
        .map(|s| {
            let value = s.as_str();
            view! {
                <option value=value selected=move || status.with(|v| v == value)>
                    {move || pick(s.label_zh(), s.label_en())}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="form case-form no-print" novalidate=true on:submit=on_submit
            aria-label=move || t_string!(i18n, results.case.form_label, id = id)>
            <div class="case-form-grid">
                <div class="field" class:field-invalid=move || owner_error.with(Option::is_some)>
                    <label for=input_id("owner")>{t!(i18n, results.case.owner)}</label>
                    <input id=input_id("owner") name=input_id("owner") type="text" autocomplete="off"
                        bind:value=owner
                        aria-invalid=move || owner_error.with(Option::is_some).then_some("true")
                        aria-describedby=described("owner", false, owner_error) />
                    {error_note("owner", owner_error)}
                </div>
                <div class="field" class:field-invalid=move || status_error.with(Option::is_some)>
                    <label for=input_id("status")>{t!(i18n, results.case.status)}</label>
                    <select id=input_id("status") name=input_id("status")
                        on:change=move |ev| status.set(event_target_value(&ev))
                        aria-invalid=move || status_error.with(Option::is_some).then_some("true")
                        aria-describedby=described("status", false, status_error)>
                        {options}
                    </select>
                    {error_note("status", status_error)}
                </div>
            </div>
            <div class="field" class:field-invalid=move || resolution_error.with(Option::is_some)>
                <label for=input_id("resolution")>{t!(i18n, results.case.resolution)}</label>
                <textarea id=input_id("resolution") name=input_id("resolution") rows="3"
                    bind:value=resolution
                    aria-required=move || closing().then_some("true")
                    aria-invalid=move || resolution_error.with(Option::is_some).then_some("true")
                    aria-describedby=described("resolution", true, resolution_error)>
                </textarea>
                <p id=format!("case-{id}-resolution-hint") class="field-hint">
                    {t!(i18n, results.case.resolution_hint)}
                </p>
                {error_note("resolution", resolution_error)}
            </div>
            <WriteAlert error on_reload claimed=|field| FIELDS.contains(&field) />
            <p class="form-status" role="status">
                {move || saved.get().map(|done| match done {
                    Done::Saved => t_string!(i18n, results.case.saved, id = id),
                    Done::Reloaded => t_string!(i18n, results.case.reloaded, id = id),
                })}
            </p>
            <div class="form-actions">
                <button type="submit" class="button button-small" disabled=move || save.pending().get()>
                    {t!(i18n, common.save)}
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_needs_a_resolution() {
        let problem = case_update(3, "王五", "closed", "  ", Locale::en).unwrap_err();
        assert_eq!(problem.field, "resolution");
        assert_eq!(problem.message, "A closed case needs a resolution.");
        let problem = case_update(3, "王五", "closed", "", Locale::zh_CN).unwrap_err();
        assert_eq!(problem.message, "办结案件须填写处理结果。");
        let update = case_update(3, " 王五 ", "closed", " 已约谈 ", Locale::en).unwrap();
        assert_eq!(update.owner.as_deref(), Some("王五"));
        assert_eq!(update.resolution.as_deref(), Some("已约谈"));
        assert_eq!(update.status, CaseStatus::Closed);
        let open = case_update(3, "", "in_progress", "", Locale::zh_CN).unwrap();
        assert_eq!((open.owner, open.resolution), (None, None));
        assert_eq!(
            case_update(3, "", "nonsense", "", Locale::en)
                .unwrap_err()
                .field,
            "status"
        );
    }
}
