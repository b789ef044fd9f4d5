//! The set page's header: department and year, status, version, phase, total points, and
//! finance's comment (prominent when the set was returned).

use jixiao_domain::framework::SetStatus;
use leptos::prelude::*;
use leptos_meta::Title;

use super::view::points;
use crate::components::set_editor::SetState;
use crate::components::status::SetStatusBadge;

#[component]
pub fn SetHeader(state: SetState) -> impl IntoView {
    let (name_zh, name_en, year) = state.set.with_untracked(|s| {
        (
            s.department.name_zh.clone(),
            s.department.name_en.clone(),
            s.year,
        )
    });
    let status = Memo::new(move |_| state.set.with(|s| s.status));
    let version = Memo::new(move |_| state.set.with(|s| s.version));
    let phase = Memo::new(move |_| state.set.with(|s| s.phase));
    let total = move || state.set.with(|s| points(&s.indicators));
    let comment = move || {
        let comment = state.set.with(|s| s.review_comment.clone())?;
        Some(if status.get() == SetStatus::Returned {
            view! {
                <div class="notice notice-returned" role="note" aria-labelledby="returned-heading">
                    <h2 id="returned-heading">
                        "退回意见 " <span lang="en">"Returned for changes"</span>
                    </h2>
                    <p class="review-comment">{comment}</p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p class="notice">
                    "审核意见 " <span lang="en">"Review comment"</span> ": "
                    <span class="review-comment">{comment}</span>
                </p>
            }
            .into_any()
        })
    };
    view! {
        <Title text=format!("{name_zh} {year} 指标体系") />
        <header class="page-header">
            <h1>
                <span class="h1-zh">{format!("{name_zh} {year} 年度绩效指标")}</span>
                <span class="h1-en" lang="en">
                    {format!("{name_en} — FY{year} performance indicators")}
                </span>
            </h1>
            <p class="set-meta">
                <span>
                    "状态 " <span lang="en">"Status"</span> ": "
                    {move || view! { <SetStatusBadge status=status.get() /> }}
                </span>
                <span>
                    {move || format!("第 {} 版 ", version.get())}
                    <span lang="en">{move || format!("Version {}", version.get())}</span>
                </span>
                <span>
                    "阶段 " <span lang="en">"Phase"</span> " "
                    {move || phase.get().label_zh()} " " <span lang="en">{move || phase.get().label_en()}</span>
                </span>
                <span>
                    "总分 " <span lang="en">"Total points"</span> " " <strong>{total}</strong>
                </span>
            </p>
            {comment}
        </header>
    }
}
