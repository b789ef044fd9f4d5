//! The alert of a form that writes a revisioned resource: a refused stale write (409
//! `stale`: someone else saved first) offers "Reload", which hands the resource as it is now
//! (the error's `current`) back to the form; any other error not shown at a field is
//! announced as the server wrote it (in the reader's language).

use leptos::prelude::*;

use crate::api::ApiError;
use crate::locale::{t, use_i18n};

/// `Some(current)` if `error` is a stale write carrying the resource as it is now.
pub fn stale_current<T: serde::de::DeserializeOwned>(error: &ApiError) -> Option<T> {
    if error.is_stale() {
        error.current_as()
    } else {
        None
    }
}

/// The form's alert: stale → message and Reload; another error → its message, unless
/// `claimed(field)` says a field shows it.
#[component]
pub fn WriteAlert(
    error: RwSignal<Option<ApiError>>,
    /// Called with the stale error when the user presses Reload.
    on_reload: Callback<ApiError>,
    /// Whether a field of the form shows the error of this field path itself.
    claimed: fn(&str) -> bool,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let error_now = error.get()?;
        if error_now.is_stale() {
            return Some(
                view! {
                    <div class="form-alert stale-alert" role="alert">
                        <p>{t!(i18n, shell.stale.changed)}</p>
                        <p class="stale-hint">{t!(i18n, shell.stale.hint)}</p>
                        <button type="button" class="button button-small"
                            on:click=move |_| on_reload.run(error_now.clone())>
                            {t!(i18n, shell.stale.reload)}
                        </button>
                    </div>
                }
                .into_any(),
            );
        }
        if error_now.field.as_deref().is_some_and(claimed) {
            return None;
        }
        Some(
            view! {
                <div class="form-alert" role="alert">
                    <p>{error_now.message.clone()}</p>
                </div>
            }
            .into_any(),
        )
    }
}
