//! Error state: announced as an alert, with a Retry button.

use leptos::prelude::*;

use crate::api::ApiError;

#[component]
pub fn ErrorState(
    /// What went wrong.
    error: ApiError,
    /// Called when the user presses Retry (typically: refetch the resource).
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let code = error.code.clone();
    view! {
        <div class="error-state" role="alert">
            <p class="error-title">
                "出错了 "
                <span lang="en">"Something went wrong"</span>
            </p>
            <p class="error-message">{error.to_string()}</p>
            <p class="error-code">
                <span lang="en">"Code"</span>
                ": "
                <code>{code}</code>
            </p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "重试 "
                <span lang="en">"Retry"</span>
            </button>
        </div>
    }
}
