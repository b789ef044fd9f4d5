//! Grade badge: the grade in words (优 Excellent …), coloured as a second cue only.

use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use crate::locale::pick;

#[component]
pub fn GradeBadge(grade: Grade) -> impl IntoView {
    view! {
        <span class=format!("grade grade-{}", grade.as_str())>
            <span class="grade-word">{move || pick(grade.label_zh(), grade.label_en())}</span>
        </span>
    }
}
