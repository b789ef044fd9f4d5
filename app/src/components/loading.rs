//! Loading state, announced politely to screen readers.

use leptos::prelude::*;

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            "加载中… "
            <span lang="en">"Loading…"</span>
        </p>
    }
}
