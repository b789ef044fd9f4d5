//! Status badge of an indicator set: the status in words, colour only as a second cue.

use jixiao_domain::framework::SetStatus;
use leptos::prelude::*;

use crate::locale::pick;

#[component]
pub fn SetStatusBadge(status: SetStatus) -> impl IntoView {
    view! {
        <span class=format!("badge status-{}", status.as_str())>
            {move || pick(status.label_zh(), status.label_en())}
        </span>
    }
}
