//! The live points counter and the summary of every problem, each a button to its field.

use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{
    control_for, control_id, field_label, level1_points, name_in, place, problem_text, Place,
};
use super::row::focus_later;
use super::state::SetState;
use crate::format::number;
use crate::i18n::td;
use crate::locale::{pick, t, t_string, td_string, use_i18n, Locale};

/// Id of the points panel (set-wide problems focus it).
pub const POINTS_ID: &str = "set-points";

/// "Points left: N" and each level 1's points against the year's allocation.
#[component]
pub fn PointsCounter(state: SetState) -> impl IntoView {
    let i18n = use_i18n();
    let left = Memo::new(move |_| {
        state
            .drafts
            .with(|d| jixiao_domain::validation::points_left(d))
    });
    let levels = move || {
        let allocation = state.set.with(|s| s.allocation);
        state
            .drafts
            .with(|d| level1_points(d, allocation))
            .into_iter()
            .map(|p| {
                let off = (p.used - f64::from(p.allotted)).abs() > 1e-6;
                view! {
                    <li class="level1-points" class:points-off=off class:points-ok=!off>
                        <span>{move || pick(p.level1.label_zh(), p.level1.label_en())}</span>
                        " "
                        <strong>{format!("{} / {}", number(p.used), p.allotted)}</strong>
                        <span class="visually-hidden">
                            " "
                            {move || if off {
                                t_string!(i18n, sets.points.mismatch)
                            } else {
                                t_string!(i18n, sets.points.matches)
                            }}
                        </span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section id=POINTS_ID class="points-panel" tabindex="-1" aria-labelledby="points-heading">
            <h3 id="points-heading">{t!(i18n, sets.points.heading)}</h3>
            <p class="points-left" role="status" class:points-off=move || left.get() != 0.0>
                {t!(i18n, sets.points.left, left = move || view! { <strong>{number(left.get())}</strong> })}
            </p>
            <p class="field-hint">{t!(i18n, sets.points.hint)}</p>
            <ul class="level1-list">{levels}</ul>
        </section>
    }
}

/// Where a summary entry takes the user, and how it names the place (in `locale`).
fn entry(state: SetState, problem: &FieldError, locale: Locale) -> (Option<Vec<String>>, String) {
    match place(&problem.field) {
        Place::Field { index, field } => {
            let key = state.order.with_untracked(|o| o.get(index).copied());
            let name = key
                .and_then(|k| {
                    state.rows.with_untracked(|r| {
                        r.iter().find(|x| x.key == k).map(|x| {
                            let i = &x.indicator;
                            name_in(locale, &i.name_zh, &i.name_en).to_owned()
                        })
                    })
                })
                .unwrap_or_default();
            let row = td_string!(locale, sets.editor.row, n = index + 1);
            let text = format!("{row} {name} · {}", field_label(&field, locale));
            let ids =
                key.map(|k| vec![control_id(k, control_for(&field)), control_id(k, "points")]);
            (ids, text)
        }
        Place::Points => (
            Some(vec![POINTS_ID.to_owned()]),
            td_string!(locale, sets.points.heading).to_owned(),
        ),
        Place::BudgetLine(index) => (
            None,
            td_string!(locale, sets.points.project_line, n = index + 1).to_string(),
        ),
        Place::Other => (None, problem.field.clone()),
    }
}

/// "N problems" and the list of them; empty when the set is valid.
#[component]
pub fn ProblemSummary(state: SetState) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| state.problems.with(Vec::len));
    let heading = move || match count.get() {
        0 => t_string!(i18n, sets.problems.none).to_owned(),
        1 => t_string!(i18n, sets.problems.one).to_owned(),
        count => t_string!(i18n, sets.problems.many, count).to_string(),
    };
    let items = move || {
        let locale = i18n.get_locale();
        state
            .problems
            .get()
            .iter()
            .map(|problem| {
                let (ids, place_text) = entry(state, problem, locale);
                let text = problem_text(problem, locale).to_owned();
                let place =
                    move || view! { <span class="problem-place">{place_text.clone()}</span> };
                let message = td!(
                    locale,
                    sets.problems.entry,
                    place,
                    message = move || text.clone()
                );
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
