//! The alert of a form that writes a revisioned resource: a refused stale write (409
//! `stale`: someone else saved first) offers "Reload", which hands the resource as it is now
//! (the error's `current`) back to the form; any other error not shown at a field is
//! announced as it is, with a Chinese lead for the phase conflicts.

use leptos::prelude::*;

use crate::api::ApiError;

/// `Some(current)` if `error` is a stale write carrying the resource as it is now.
pub fn stale_current<T: serde::de::DeserializeOwned>(error: &ApiError) -> Option<T> {
    if error.is_stale() {
        error.current_as()
    } else {
        None
    }
}

/// A Chinese lead for the conflicts whose server message is English only.
fn lead_zh(code: &str) -> Option<&'static str> {
    match code {
        "wrong_phase" => Some("当前阶段不允许此修改。"),
        "invalid_phase_change" => Some("年度不能进入该阶段。"),
        "not_found" => Some("未找到。"),
        _ => None,
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
    move || {
        let error_now = error.get()?;
        if error_now.is_stale() {
            return Some(
                view! {
                    <div class="form-alert stale-alert" role="alert">
                        <p>
                            "在您编辑期间，其他人已修改了此内容。 "
                            <span lang="en">"Someone else changed this while you were editing it."</span>
                        </p>
                        <p class="stale-hint">
                            "重新加载会显示最新内容，并替换您未保存的修改。 "
                            <span lang="en">"Reload shows the latest version and replaces your unsaved changes."</span>
                        </p>
                        <button type="button" class="button button-small"
                            on:click=move |_| on_reload.run(error_now.clone())>
                            "重新加载 " <span lang="en">"Reload"</span>
                        </button>
                    </div>
                }
                .into_any(),
            );
        }
        if error_now.field.as_deref().is_some_and(claimed) {
            return None;
        }
        let lead = lead_zh(&error_now.code).map(|zh| format!("{zh} "));
        Some(
            view! {
                <div class="form-alert" role="alert">
                    <p>{lead}<span lang="en">{error_now.message.clone()}</span></p>
                </div>
            }
            .into_any(),
        )
    }
}
