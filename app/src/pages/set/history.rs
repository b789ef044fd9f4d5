//! "History": every review step (version, status, who, when, comment); two chosen steps are
//! compared indicator by indicator with the domain's `diff`.

use jixiao_domain::diff::{diff, ChangeKind, IndicatorChange};
use jixiao_domain::dto::sets::{SetVersion, VersionSnapshot};
use leptos::prelude::*;

use crate::api::sets;
use crate::api::ApiError;
use crate::components::set_editor::model::{display_value, field_label};
use crate::components::set_editor::SetState;
use crate::components::status::SetStatusBadge;
use crate::format::timestamp;

/// Adds or removes `id` from the chosen steps (at most two: a third replaces the older choice).
pub fn toggle(chosen: &mut Vec<i64>, id: i64) {
    if let Some(at) = chosen.iter().position(|c| *c == id) {
        chosen.remove(at);
    } else {
        if chosen.len() == 2 {
            chosen.remove(0);
        }
        chosen.push(id);
    }
}

/// Both snapshots, older first.
async fn snapshots(
    set_id: i64,
    a: i64,
    b: i64,
) -> Result<(VersionSnapshot, VersionSnapshot), ApiError> {
    let (older, newer) = (a.min(b), a.max(b));
    Ok((
        sets::version(set_id, older).await?,
        sets::version(set_id, newer).await?,
    ))
}

fn kind_badge(kind: &ChangeKind) -> impl IntoView {
    let (class, zh, en) = match kind {
        ChangeKind::Added => ("diff-added", "新增", "Added"),
        ChangeKind::Removed => ("diff-removed", "删除", "Removed"),
        ChangeKind::Changed => ("diff-changed", "修改", "Changed"),
    };
    view! { <span class=format!("badge {class}")>{zh} " " <span lang="en">{en}</span></span> }
}

fn step_title(step: &SetVersion) -> String {
    format!("第 {} 版 Version {}", step.version, step.version)
}

#[component]
fn Changes(older: SetVersion, newer: SetVersion, changes: Vec<IndicatorChange>) -> impl IntoView {
    let heading = format!(
        "{} ({}) → {} ({})",
        step_title(&older),
        older.status.label_en(),
        step_title(&newer),
        newer.status.label_en()
    );
    let body = if changes.is_empty() {
        view! { <p class="empty">"没有差异。 " <span lang="en">"No differences."</span></p> }
            .into_any()
    } else {
        let items = changes
            .into_iter()
            .map(|change| {
                let fields = change
                    .fields
                    .iter()
                    .map(|f| {
                        let (zh, en) = field_label(f.field);
                        view! {
                            <li>
                                {zh} " " <span lang="en">{en}</span> ": "
                                <del>{display_value(f.field, &f.before)}</del>
                                " → "
                                <ins>{display_value(f.field, &f.after)}</ins>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li class="diff-item">
                        {kind_badge(&change.kind)} " " <strong>{change.name_zh}</strong>
                        <ul class="diff-fields">{fields}</ul>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="diff-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="diff" aria-labelledby="diff-heading">
            <h3 id="diff-heading">"对比 " <span lang="en">"Comparison"</span> ": " {heading}</h3>
            {body}
        </section>
    }
}

#[component]
fn Step(step: SetVersion, chosen: RwSignal<Vec<i64>>) -> impl IntoView {
    let id = step.id;
    let input_id = format!("step-{id}");
    let checked = move || chosen.with(|c| c.contains(&id));
    view! {
        <li class="history-step">
            <input
                type="checkbox"
                id=input_id.clone()
                prop:checked=checked
                on:change=move |_| chosen.update(|c| toggle(c, id))
            />
            <label for=input_id>
                <span class="visually-hidden">"选择对比 Choose to compare: "</span>
                <strong>{step_title(&step)}</strong>
                " "
                <SetStatusBadge status=step.status />
                " "
                <span class="muted">{step.by.clone().unwrap_or_else(|| "—".to_owned())}</span>
                " · "
                <time datetime=step.at.clone()>{timestamp(&step.at)}</time>
            </label>
            {step.comment.map(|c| view! { <p class="history-comment">{c}</p> })}
        </li>
    }
}

#[component]
pub fn History(state: SetState) -> impl IntoView {
    let key = Memo::new(move |_| state.set.with(|s| (s.id, s.revision)));
    let history = LocalResource::new(move || {
        let (id, _) = key.get();
        async move { sets::history(id).await }
    });
    let chosen = RwSignal::new(Vec::<i64>::new());
    let compare = Action::new_local(move |pair: &(i64, i64)| {
        let (a, b) = *pair;
        let set_id = state.set.with_untracked(|s| s.id);
        async move { snapshots(set_id, a, b).await }
    });
    let on_compare = move |_| {
        if let [a, b] = chosen.get_untracked()[..] {
            compare.dispatch_local((a, b));
        }
    };
    let steps = move || {
        match history.get() {
        None => view! { <crate::components::loading::Loading /> }.into_any(),
        Some(Err(e)) => view! { <p class="form-alert" role="alert">{e.message}</p> }.into_any(),
        Some(Ok(h)) if h.versions.is_empty() => view! {
            <p class="empty">"尚无审核记录。 " <span lang="en">"No review steps yet."</span></p>
        }
        .into_any(),
        Some(Ok(h)) => view! {
            <ol class="history-list">
                {h.versions.into_iter().rev().map(|step| view! { <Step step chosen /> }).collect_view()}
            </ol>
        }
        .into_any(),
    }
    };
    let comparable =
        Memo::new(move |_| history.with(|h| matches!(h, Some(Ok(h)) if h.versions.len() >= 2)));
    let result = move || {
        compare.value().get().map(|result| match result {
            Ok((older, newer)) => {
                let changes = diff(&older.indicators, &newer.indicators);
                view! { <Changes older=older.version newer=newer.version changes /> }.into_any()
            }
            Err(e) => view! { <p class="form-alert" role="alert">{e.message}</p> }.into_any(),
        })
    };
    view! {
        <section class="panel history" aria-labelledby="history-heading">
            <h2 id="history-heading">"版本历史 " <span lang="en">"History"</span></h2>
            {steps}
            {move || comparable.get().then(|| view! {
                <p class="field-hint" id="compare-hint">
                    "选择两个步骤进行对比。 " <span lang="en">"Choose two steps to compare them."</span>
                </p>
                <div class="form-actions">
                    <button
                        type="button"
                        class="button button-secondary"
                        aria-describedby="compare-hint"
                        disabled=move || chosen.with(|c| c.len() != 2) || compare.pending().get()
                        on:click=on_compare
                    >
                        "对比 " <span lang="en">"Compare"</span>
                    </button>
                </div>
            })}
            {result}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_two_steps_are_chosen() {
        let mut chosen = Vec::new();
        toggle(&mut chosen, 1);
        toggle(&mut chosen, 2);
        assert_eq!(chosen, [1, 2]);
        toggle(&mut chosen, 3);
        assert_eq!(chosen, [2, 3]);
        toggle(&mut chosen, 2);
        assert_eq!(chosen, [3]);
    }
}
