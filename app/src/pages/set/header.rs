//! The set page's header: department and year, status, version, phase, total points, and
//! finance's comment (prominent when the set was returned).

use jixiao_domain::framework::SetStatus;
use leptos::prelude::*;
use leptos_meta::Title;

use super::view::points;
use crate::components::set_editor::model::name_in;
use crate::components::set_editor::SetState;
use crate::components::status::SetStatusBadge;
use crate::locale::{current, pick, t, t_string, use_i18n};

#[component]
pub fn SetHeader(state: SetState) -> impl IntoView {
    let i18n = use_i18n();
    let (name_zh, name_en, year) = state.set.with_untracked(|s| {
        (
            s.department.name_zh.clone(),
            s.department.name_en.clone(),
            s.year,
        )
    });
    let name = move || name_in(current(), &name_zh, &name_en).to_owned();
    let title_name = name.clone();
    let status = Memo::new(move |_| state.set.with(|s| s.status));
    let version = Memo::new(move |_| state.set.with(|s| s.version));
    let phase = Memo::new(move |_| state.set.with(|s| s.phase));
    let total = move || state.set.with(|s| points(&s.indicators));
    let comment = move || {
        let comment = state.set.with(|s| s.review_comment.clone())?;
        Some(if status.get() == SetStatus::Returned {
            view! {
                <div class="notice notice-returned" role="note" aria-labelledby="returned-heading">
                    <h2 id="returned-heading">{t!(i18n, sets.returned_heading)}</h2>
                    <p class="review-comment">{comment}</p>
                </div>
            }
            .into_any()
        } else {
            let comment = move || view! { <span class="review-comment">{comment.clone()}</span> };
            view! { <p class="notice">{t!(i18n, sets.review_comment, comment)}</p> }.into_any()
        })
    };
    view! {
        <Title text=move || t_string!(i18n, sets.page_title, name = title_name(), year).to_string() />
        <header class="page-header">
            <h1>{move || t_string!(i18n, sets.heading, name = name(), year).to_string()}</h1>
            <p class="set-meta">
                <span>
                    {t!(i18n, sets.status, status = move || view! { <SetStatusBadge status=status.get() /> })}
                </span>
                <span>{t!(i18n, sets.version, version = move || version.get())}</span>
                <span>
                    {t!(i18n, sets.phase, phase = move || {
                        let phase = phase.get();
                        pick(phase.label_zh(), phase.label_en()).to_owned()
                    })}
                </span>
                <span>
                    {t!(i18n, sets.total_points, total = move || view! { <strong>{total}</strong> })}
                </span>
            </p>
            {comment}
        </header>
    }
}
