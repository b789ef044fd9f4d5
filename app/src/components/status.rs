//! Status badge of an indicator set: the status in words, colour only as a second cue.

use jixiao_domain::framework::SetStatus;
use leptos::prelude::*;

#[component]
pub fn SetStatusBadge(status: SetStatus) -> impl IntoView {
    view! {
        <span class=format!("badge status-{}", status.as_str())>
            {status.label_zh()}
            " "
            <span lang="en">{status.label_en()}</span>
        </span>
    }
}
