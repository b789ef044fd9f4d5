//! The live points counter and the summary of every problem, each a button to its field.

use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{control_for, control_id, field_label, level1_points, place, problem_zh, Place};
use super::row::focus_later;
use super::state::SetState;
use crate::format::number;

/// Id of the points panel (set-wide problems focus it).
pub const POINTS_ID: &str = "set-points";

/// "Points left: N" and each level 1's points against the year's allocation.
#[component]
pub fn PointsCounter(state: SetState) -> impl IntoView {
    let left = Memo::new(move |_| {
        state
            .drafts
            .with(|d| jixiao_domain::validation::points_left(d))
    });
    let levels = move || {
        let allocation = state.set.with(|s| s.allocation);
        state.drafts.with(|d| level1_points(d, allocation))
            .into_iter()
            .map(|p| {
                let off = (p.used - f64::from(p.allotted)).abs() > 1e-6;
                view! {
                    <li class="level1-points" class:points-off=off class:points-ok=!off>
                        <span>{p.level1.label_zh()} " " <span lang="en">{p.level1.label_en()}</span></span>
                        " "
                        <strong>{format!("{} / {}", number(p.used), p.allotted)}</strong>
                        <span class="visually-hidden">
                            {if off { " 与分配不符 does not match the allocation" } else { " 符合 matches" }}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section id=POINTS_ID class="points-panel" tabindex="-1" aria-labelledby="points-heading">
            <h3 id="points-heading">"分值 " <span lang="en">"Points"</span></h3>
            <p class="points-left" role="status" class:points-off=move || left.get() != 0.0>
                "剩余分值 " <span lang="en">"Points left"</span> ": "
                <strong>{move || number(left.get())}</strong>
            </p>
            <p class="field-hint">
                "一级指标 已用 / 分配 " <span lang="en">"Level 1: used / allotted"</span>
            </p>
            <ul class="level1-list">{levels}</ul>
        </section>
    }
}

/// Where a summary entry takes the user, and how it names the place.
fn entry(state: SetState, problem: &FieldError) -> (Option<Vec<String>>, String) {
    match place(&problem.field) {
        Place::Field { index, field } => {
            let key = state.order.with_untracked(|o| o.get(index).copied());
            let name = key
                .and_then(|k| {
                    state.rows.with_untracked(|r| {
                        r.iter()
                            .find(|x| x.key == k)
                            .map(|x| x.indicator.name_zh.trim().to_owned())
                    })
                })
                .unwrap_or_default();
            let (zh, en) = field_label(&field);
            let text = format!("第{}行 row {} {name} · {zh} {en}", index + 1, index + 1);
            let ids =
                key.map(|k| vec![control_id(k, control_for(&field)), control_id(k, "points")]);
            (ids, text)
        }
        Place::Points => (Some(vec![POINTS_ID.to_owned()]), "分值 Points".to_owned()),
        Place::BudgetLine(index) => (None, format!("项目 Project line {}", index + 1)),
        Place::Other => (None, problem.field.clone()),
    }
}

/// "N problems" and the list of them; empty when the set is valid.
#[component]
pub fn ProblemSummary(state: SetState) -> impl IntoView {
    let count = Memo::new(move |_| state.problems.with(Vec::len));
    let heading = move || match count.get() {
        0 => "没有问题 No problems".to_owned(),
        1 => "1 个问题 1 problem".to_owned(),
        n => format!("{n} 个问题 {n} problems"),
    };
    let items = move || {
        state
            .problems
            .get()
            .iter()
            .map(|problem| {
                let (ids, place_text) = entry(state, problem);
                let message = view! {
                    <span class="problem-place">{place_text}</span>
                    ": " {problem_zh(&problem.code)} " "
                    <span lang="en">{problem.message.clone()}</span>
                };
                match ids {
                    Some(ids) => view! {
                        <li>
                            <button type="button" class="link-button problem-link"
                                on:click=move |_| focus_later(ids.clone())>
                                {message}
                            </button>
                        </li>
                    }
                    .into_any(),
                    None => view! { <li class="problem-text">{message}</li> }.into_any(),
                }
            })
            .collect_view()
    };
    view! {
        <section class="problem-summary" class:has-problems={move || count.get() > 0}
            aria-labelledby="problems-heading">
            <h3 id="problems-heading">{heading}</h3>
            <ul class="problem-list">{items}</ul>
        </section>
    }
}
