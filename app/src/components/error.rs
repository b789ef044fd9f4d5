//! Error state: announced as an alert, with a Retry button.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::locale::{t, use_i18n};

#[component]
pub fn ErrorState(
    /// What went wrong.
    error: ApiError,
    /// Called when the user presses Retry (typically: refetch the resource).
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = error.code.clone();
    view! {
        <div class="error-state" role="alert">
            <p class="error-title">{t!(i18n, common.error.title)}</p>
            <p class="error-message">{error.to_string()}</p>
            <p class="error-code">
                {t!(i18n, common.error.code)}
                ": "
                <code>{code}</code>
            </p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t!(i18n, common.retry)}
            </button>
        </div>
    }
}
