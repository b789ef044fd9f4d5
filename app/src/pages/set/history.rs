//! "History": every review step (version, status, who, when, comment); two chosen steps are
//! compared indicator by indicator with the domain's `diff`.

use jixiao_domain::diff::{diff, ChangeKind, IndicatorChange};
use jixiao_domain::dto::sets::{Indicator, SetVersion, VersionSnapshot};
use leptos::prelude::*;

use crate::api::sets;
use crate::api::ApiError;
use crate::components::set_editor::model::{display_value, field_label, name_in};
use crate::components::set_editor::SetState;
use crate::components::status::SetStatusBadge;
use crate::format::timestamp_in;
use crate::locale::{current, pick_in, t, td_string, use_i18n, Locale};

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
    let i18n = use_i18n();
    let (class, text): (&str, fn(Locale) -> &'static str) = match kind {
        ChangeKind::Added => ("diff-added", |l| td_string!(l, sets.history.added)),
        ChangeKind::Removed => ("diff-removed", |l| td_string!(l, sets.history.removed)),
        ChangeKind::Changed => ("diff-changed", |l| td_string!(l, sets.history.changed)),
    };
    view! { <span class=format!("badge {class}")>{move || text(i18n.get_locale())}</span> }
}

/// The English name of the indicator a change is about (a change names it in Chinese),
/// from the newer version, else the older.
fn english_name(name_zh: &str, versions: [&[Indicator]; 2]) -> String {
    versions
        .iter()
        .flat_map(|indicators| indicators.iter())
        .find(|i| i.name_zh.trim() == name_zh.trim())
        .map(|i| i.name_en.clone())
        .unwrap_or_default()
}

/// "Version 3 (Approved)": a step as the comparison's heading names it.
fn step_name(step: &SetVersion, locale: Locale) -> String {
    let status = pick_in(locale, step.status.label_zh(), step.status.label_en());
    format!(
        "{} ({status})",
        td_string!(locale, sets.version, version = step.version)
    )
}

#[component]
fn Changes(
    older: VersionSnapshot,
    newer: VersionSnapshot,
    changes: Vec<IndicatorChange>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (older_step, newer_step) = (older.version.clone(), newer.version.clone());
    let steps = move || {
        let locale = i18n.get_locale();
        format!(
            "{} → {}",
            step_name(&older_step, locale),
            step_name(&newer_step, locale)
        )
    };
    let body = if changes.is_empty() {
        view! { <p class="empty">{t!(i18n, sets.history.no_differences)}</p> }.into_any()
    } else {
        let items = changes
            .into_iter()
            .map(|change| {
                let fields = change
                    .fields
                    .iter()
                    .map(|f| {
                        let (field, before, after) = (f.field, f.before.clone(), f.after.clone());
                        let label = move || field_label(field, current());
                        let before =
                            move || view! { <del>{display_value(field, &before, current())}</del> };
                        let after =
                            move || view! { <ins>{display_value(field, &after, current())}</ins> };
                        view! {
                            <li>{t!(i18n, sets.history.field_change, field = label, before, after)}</li>
                        }
                    })
                    .collect_view();
                let name_en = english_name(&change.name_zh, [&newer.indicators, &older.indicators]);
                let name_zh = change.name_zh;
                let name = move || name_in(current(), &name_zh, &name_en).to_owned();
                view! {
                    <li class="diff-item">
                        {kind_badge(&change.kind)} " " <strong>{name}</strong>
                        <ul class="diff-fields">{fields}</ul>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="diff-list">{items}</ul> }.into_any()
    };
    view! {
        <section class="diff" aria-labelledby="diff-heading">
            <h3 id="diff-heading">{t!(i18n, sets.history.comparison, steps)}</h3>
            {body}
        </section>
    }
}

#[component]
fn Step(step: SetVersion, chosen: RwSignal<Vec<i64>>) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id;
    let input_id = format!("step-{id}");
    let at = step.at.clone();
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
                <span class="visually-hidden">{t!(i18n, sets.history.choose)} " "</span>
                <strong>{t!(i18n, sets.version, version = step.version)}</strong>
                " "
                <SetStatusBadge status=step.status />
                " "
                <span class="muted">{step.by.clone().unwrap_or_else(|| "—".to_owned())}</span>
                " · "
                <time datetime=step.at.clone()>{move || timestamp_in(&at, current())}</time>
            </label>
            {step.comment.map(|c| view! { <p class="history-comment">{c}</p> })}
        </li>
    }
}

#[component]
pub fn History(state: SetState) -> impl IntoView {
    let i18n = use_i18n();
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
            <p class="empty">{t!(i18n, sets.history.empty)}</p>
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
                view! { <Changes older newer changes /> }.into_any()
            }
            Err(e) => view! { <p class="form-alert" role="alert">{e.message}</p> }.into_any(),
        })
    };
    view! {
        <section class="panel history" aria-labelledby="history-heading">
            <h2 id="history-heading">{t!(i18n, sets.history.heading)}</h2>
            {steps}
            {move || comparable.get().then(|| view! {
                <p class="field-hint" id="compare-hint">
                    {t!(i18n, sets.history.hint)}
                </p>
                <div class="form-actions">
                    <button
                        type="button"
                        class="button button-secondary"
                        aria-describedby="compare-hint"
                        disabled=move || chosen.with(|c| c.len() != 2) || compare.pending().get()
                        on:click=on_compare
                    >
                        {t!(i18n, sets.history.compare)}
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
