//! Form pieces shared by every form: labelled fields that show the server's field error next
//! to themselves (`aria-invalid`, `aria-describedby`), and the form-level alert.
//!
//! A field's label is given as `label` (a text that follows the language, e.g.
//! `label=move || t_string!(i18n, admin.library.unit)`), or, for a form not converted yet, as
//! `label_zh` and `label_en`, of which the chosen language's is shown.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::locale::{pick, t, use_i18n};

/// The message of `error` if the server named `field` as its cause.
pub fn field_message(error: Option<&ApiError>, field: &str) -> Option<String> {
    error
        .filter(|e| e.field.as_deref() == Some(field))
        .map(|e| e.message.clone())
}

/// A signal of the message for `field` out of the form's error signal.
pub fn field_error(
    error: RwSignal<Option<ApiError>>,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || error.with(|e| field_message(e.as_ref(), field)))
}

/// The label text in the chosen language: `label` if given, else `zh` or `en`.
fn label_text(
    label: Option<Signal<String>>,
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> String + Send + Sync + 'static {
    move || match label {
        Some(label) => label.get(),
        None => pick(zh, en).to_owned(),
    }
}

/// The error paragraph under a field, and the `aria-describedby` ids for the control.
fn described_by(
    id: &'static str,
    hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if error.with(Option::is_some) {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
fn FieldNotes(
    id: &'static str,
    hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        {hint.map(|hint| view! { <p id=format!("{id}-hint") class="field-hint">{move || hint.get()}</p> })}
        {move || error.get().map(|message| view! {
            <p id=format!("{id}-error") class="field-error">{message}</p>
        })}
    }
}

/// `<label>` + `<input>` bound to `value`.
#[component]
pub fn TextField(
    /// Element id (also the `name`).
    id: &'static str,
    /// The label, following the language.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    /// The label in Chinese, when no `label` is given.
    #[prop(optional)]
    label_zh: &'static str,
    /// The label in English, when no `label` is given.
    #[prop(optional)]
    label_en: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// A permanent explanation under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// The error to show under the field, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{label_text(label, label_zh, label_en)}</label>
            <input
                id=id
                name=id
                type=input_type
                autocomplete=autocomplete
                bind:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by(id, hint, error)
            />
            <FieldNotes id hint error />
        </div>
    }
}

/// `<label>` + `<select>` of `options` (value, label), bound to `value`. The options may be
/// a closure, so that their labels follow the language.
#[component]
pub fn SelectField(
    id: &'static str,
    /// The label, following the language.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    /// The label in Chinese, when no `label` is given.
    #[prop(optional)]
    label_zh: &'static str,
    /// The label in English, when no `label` is given.
    #[prop(optional)]
    label_en: &'static str,
    value: RwSignal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(into, optional)] error: Signal<Option<String>>,
) -> impl IntoView {
    let options = move || {
        options
            .get()
            .into_iter()
            .map(|(option, label)| {
                let selected = option.clone();
                view! {
                    <option value=option selected=move || value.with(|v| *v == selected)>{label}</option>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{label_text(label, label_zh, label_en)}</label>
            <select
                id=id
                name=id
                on:change=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described_by(id, None, error)
            >
                {options}
            </select>
            <FieldNotes id hint=None error />
        </div>
    }
}

/// The form's error, announced, unless it belongs to one of `fields` (shown there instead).
#[component]
pub fn FormAlert(
    error: RwSignal<Option<ApiError>>,
    /// Fields that show their own errors.
    #[prop(optional)]
    fields: &'static [&'static str],
) -> impl IntoView {
    move || {
        error.get().and_then(|error| {
            let claimed = error.field.as_deref().is_some_and(|f| fields.contains(&f));
            (!claimed).then(|| {
                view! {
                    <div class="form-alert" role="alert">
                        <p>{error.message.clone()}</p>
                    </div>
                }
            })
        })
    }
}

/// The submit button (disabled while `pending`) and, given `on_cancel`, a Cancel button.
#[component]
pub fn FormButtons(
    pending: Memo<bool>,
    /// The submit button's text, following the language.
    #[prop(optional, into)]
    label: Option<Signal<String>>,
    /// The submit button's text in Chinese, when no `label` is given.
    #[prop(optional)]
    label_zh: &'static str,
    /// The submit button's text in English, when no `label` is given.
    #[prop(optional)]
    label_en: &'static str,
    #[prop(optional)] on_cancel: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="form-actions">
            <button type="submit" class="button" disabled=move || pending.get()>
                {label_text(label, label_zh, label_en)}
            </button>
            {on_cancel.map(|cancel| view! {
                <button type="button" class="button button-secondary" on:click=move |_| cancel.run(())>
                    {t!(i18n, common.cancel)}
                </button>
            })}
        </div>
    }
}

/// A polite status line for a finished action ("Saved").
#[component]
pub fn FormStatus(message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p class="form-status" role="status">
            {move || message.get()}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_errors_go_to_their_field() {
        let error = ApiError::from_response(
            422,
            r#"{"error":{"code":"weak_password","message":"too short","field":"new_password"}}"#,
        );
        assert_eq!(
            field_message(Some(&error), "new_password").as_deref(),
            Some("too short")
        );
        assert_eq!(field_message(Some(&error), "current_password"), None);
        assert_eq!(field_message(None, "new_password"), None);
    }
}
