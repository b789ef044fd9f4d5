//! One indicator of the editor: a table row on wide screens, a card on narrow ones.

use std::str::FromStr;

use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::framework::{Accumulation, Direction, IndicatorOrigin, Level1, Level2};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::fields::{Cell, Choices, Names};
use super::model::{control_id, name_in, number_text, parse_optional, parse_points};
use super::state::SetState;
use crate::locale::{pick, t, t_string, td_string, use_i18n, Locale};

/// Id of the "Add individual indicator" button (focus goes there when the last row goes).
pub const ADD_INDIVIDUAL_ID: &str = "add-individual";

fn level2_choices() -> Choices {
    Level1::ALL
        .iter()
        .map(|level1| {
            let options = Level2::ALL
                .iter()
                .filter(|l| l.level1() == *level1)
                .map(|l| {
                    (
                        l.as_str().to_owned(),
                        Names::new(l.label_zh(), l.label_en()),
                    )
                })
                .collect();
            (
                Some(Names::new(level1.label_zh(), level1.label_en())),
                options,
            )
        })
        .collect()
}

fn flat<T: Copy>(
    all: &[T],
    wire: fn(T) -> &'static str,
    zh: fn(T) -> &'static str,
    en: fn(T) -> &'static str,
) -> Choices {
    let options = all
        .iter()
        .map(|v| (wire(*v).to_owned(), Names::new(zh(*v), en(*v))))
        .collect();
    vec![(None, options)]
}

/// Budget unit choices: the department as a whole, then its units (code, names).
fn unit_choices(units: &[(String, Names)]) -> Choices {
    let whole = Names::new(
        td_string!(Locale::zh_CN, sets.editor.department_wide),
        td_string!(Locale::en, sets.editor.department_wide),
    );
    let mut options = vec![(String::new(), whole)];
    options.extend(units.iter().cloned());
    vec![(None, options)]
}

/// Focuses the first of `ids` that is there and enabled, once the DOM has caught up.
pub fn focus_later(ids: Vec<String>) {
    request_animation_frame(move || {
        let document = document();
        for id in ids {
            let Some(element) = document.get_element_by_id(&id) else {
                continue;
            };
            if element.has_attribute("disabled") {
                continue;
            }
            if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = element.focus();
                return;
            }
        }
    });
}

/// The row's tag: where the indicator came from.
fn origin_tag(origin: IndicatorOrigin) -> impl IntoView {
    let i18n = use_i18n();
    match origin {
        IndicatorOrigin::KeyWork => view! {
            <span class="badge origin-key_work">{t!(i18n, sets.editor.key_work_tag)}</span>
        }
        .into_any(),
        other => view! {
            <span class=format!("tag origin-{}", other.as_str())>
                {move || pick(other.label_zh(), other.label_en())}
            </span>
        }
        .into_any(),
    }
}

#[component]
pub fn EditorRow(
    state: SetState,
    key: u32,
    units: StoredValue<Vec<(String, Names)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (locked, origin) = state
        .rows
        .with_untracked(|r| {
            r.iter()
                .find(|x| x.key == key)
                .map(|x| (x.locked(), x.indicator.origin))
        })
        .unwrap_or((false, IndicatorOrigin::Individual));
    let number = Memo::new(move |_| state.index_of(key).map_or(0, |i| i + 1));
    let count = Memo::new(move |_| state.order.with(Vec::len));
    let name = Memo::new(move |_| {
        let locale = i18n.get_locale();
        let name = state
            .with_row(key, |r| {
                let i = &r.indicator;
                name_in(locale, &i.name_zh, &i.name_en).to_owned()
            })
            .unwrap_or_default();
        if name.is_empty() {
            t_string!(i18n, sets.editor.row, n = number.get()).to_string()
        } else {
            name
        }
    });
    let qualitative = Memo::new(move |_| {
        state
            .with_row(key, |r| r.indicator.direction == Direction::Qualitative)
            .unwrap_or(false)
    });
    let cell = Cell {
        state,
        key,
        name,
        locked,
    };
    let (up_id, down_id) = (control_id(key, "up"), control_id(key, "down"));
    let move_by = move |delta: isize, first: String, second: String| {
        state.move_row(key, delta);
        focus_later(vec![first, second]);
    };
    let (up_a, down_a, up_b, down_b) = (
        up_id.clone(),
        down_id.clone(),
        up_id.clone(),
        down_id.clone(),
    );
    let remove = move |_| {
        let next = state.order.with_untracked(|o| {
            let at = o.iter().position(|k| *k == key)?;
            o.get(at + 1)
                .or_else(|| at.checked_sub(1).and_then(|p| o.get(p)))
                .copied()
        });
        state.remove(key);
        let mut ids: Vec<String> = next.map(|k| control_id(k, "points")).into_iter().collect();
        ids.push(ADD_INDIVIDUAL_ID.to_owned());
        focus_later(ids);
    };

    let target = move || {
        if qualitative.get() {
            cell.textarea(
                "target_text",
                "target",
                |i: &Indicator| i.target_text.clone().unwrap_or_default(),
                |i, t| i.target_text = Some(t.to_owned()).filter(|t| !t.trim().is_empty()),
            )
            .into_any()
        } else {
            cell.number(
                "target",
                |i: &Indicator| number_text(i.target),
                |i, t| i.target = parse_optional(t),
                !locked,
            )
            .into_any()
        }
    };

    view! {
        <tr class="editor-row" class:row-locked=locked>
            <th scope="row" class="editor-name">
                <p class="row-head">
                    <span class="row-number">
                        <span class="visually-hidden">
                            {move || t_string!(i18n, sets.editor.row_number, n = number.get()).to_string()}
                        </span>
                        <span aria-hidden="true">{move || number.get()}</span>
                    </span>
                    {origin_tag(origin)}
                </p>
                {locked.then(|| view! {
                    <p class="field-hint">{t!(i18n, sets.editor.locked_hint)}</p>
                })}
                <div class="cell">
                    {cell.text("name_zh", |i| i.name_zh.clone(), |i, t| i.name_zh = t.to_owned())}
                </div>
                <div class="cell">
                    {cell.text("name_en", |i| i.name_en.clone(), |i, t| i.name_en = t.to_owned())}
                </div>
            </th>
            <td class="cell">
                {cell.select("level2", level2_choices(), |i| i.level2.as_str().to_owned(), |i, t| {
                    if let Ok(v) = Level2::from_str(t) { i.level2 = v }
                })}
            </td>
            <td class="cell">
                {cell.text("unit", |i| i.unit.clone(), |i, t| i.unit = t.to_owned())}
            </td>
            <td>
                <div class="cell">
                    {cell.select(
                        "direction",
                        flat(Direction::ALL, Direction::as_str, Direction::label_zh, Direction::label_en),
                        |i| i.direction.as_str().to_owned(),
                        |i, t| if let Ok(v) = Direction::from_str(t) { i.direction = v },
                    )}
                </div>
                <div class="cell">
                    {cell.select(
                        "accumulation",
                        flat(Accumulation::ALL, Accumulation::as_str, Accumulation::label_zh, Accumulation::label_en),
                        |i| i.accumulation.as_str().to_owned(),
                        |i, t| if let Ok(v) = Accumulation::from_str(t) { i.accumulation = v },
                    )}
                </div>
            </td>
            <td class="cell">{target}</td>
            <td class="cell">
                {cell.number("baseline", |i| number_text(i.baseline), |i, t| i.baseline = parse_optional(t), !locked)}
            </td>
            <td class="cell">
                {cell.number("points", |i| number_text(Some(i.points)), |i, t| i.points = parse_points(t), true)}
            </td>
            <td class="cell">
                {cell.select(
                    "unit_code",
                    unit_choices(&units.read_value()),
                    |i| i.unit_code.clone().unwrap_or_default(),
                    |i, t| i.unit_code = (!t.is_empty()).then(|| t.to_owned()),
                )}
            </td>
            <td class="row-actions-cell">
                <div class="row-buttons">
                    <button
                        type="button"
                        id=up_id
                        class="button button-small button-secondary"
                        disabled={move || number.get() <= 1}
                        on:click=move |_| move_by(-1, up_a.clone(), down_a.clone())
                    >
                        <span aria-hidden="true">"↑"</span>
                        <span class="visually-hidden">{move || t_string!(i18n, sets.editor.move_up, name = name.get()).to_string()}</span>
                    </button>
                    <button
                        type="button"
                        id=down_id
                        class="button button-small button-secondary"
                        disabled={move || number.get() >= count.get()}
                        on:click=move |_| move_by(1, down_b.clone(), up_b.clone())
                    >
                        <span aria-hidden="true">"↓"</span>
                        <span class="visually-hidden">{move || t_string!(i18n, sets.editor.move_down, name = name.get()).to_string()}</span>
                    </button>
                    {(!locked).then(|| view! {
                        <button type="button" class="button button-small button-danger" on:click=remove>
                            <span aria-hidden="true">"✕"</span>
                            <span class="visually-hidden">{move || t_string!(i18n, sets.editor.remove, name = name.get()).to_string()}</span>
                        </button>
                    })}
                </div>
            </td>
        </tr>
    }
}
