//! Loading state, announced politely to screen readers.

use leptos::prelude::*;

use crate::locale::{t, use_i18n};

#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            {t!(i18n, common.loading)}
        </p>
    }
}
