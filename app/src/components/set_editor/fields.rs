//! The controls of one editor row. Each has a label (visible on a card, hidden in the table
//! where the column header says it) that also names the indicator, and shows its problems
//! under itself with `aria-invalid` and `aria-describedby`.
//!
//! A control shows the value the row had when it was drawn and writes every change back;
//! it is never rewritten while the user types (loading a set draws new rows).

use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{control_id, field_label, name_in, problem_text};
use super::state::SetState;
use crate::locale::{current, use_i18n};

/// A label with a Chinese and an English version (domain names), shown in the chosen
/// language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    pub zh: String,
    pub en: String,
}

impl Names {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The label in the chosen language (reactive).
    pub fn shown(&self) -> String {
        name_in(current(), &self.zh, &self.en).to_owned()
    }
}

/// Options of a select: groups (an `<optgroup>` when labelled) of (value, label).
pub type Choices = Vec<(Option<Names>, Vec<(String, Names)>)>;

/// One row's controls.
#[derive(Clone, Copy)]
pub struct Cell {
    pub state: SetState,
    pub key: u32,
    /// The indicator's name (or its row number), for labels.
    pub name: Memo<String>,
    /// Key-work rows: every control but points is disabled.
    pub locked: bool,
}

/// The problems under a control.
#[component]
pub fn CellProblems(id: String, problems: Memo<Vec<FieldError>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let list = problems.get();
        let locale = i18n.get_locale();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|p| {
                    view! { <span class="problem">{problem_text(&p, locale).to_owned()}</span> }
                })
                .collect_view();
            view! { <p id=format!("{id}-error") class="field-error">{items}</p> }
        })
    }
}

impl Cell {
    pub fn id(&self, control: &str) -> String {
        control_id(self.key, control)
    }

    fn problems(&self, control: &'static str) -> Memo<Vec<FieldError>> {
        let (state, key) = (self.state, self.key);
        Memo::new(move |_| state.problems_at(key, control))
    }

    /// The row's value as drawn (untracked).
    fn initial<T: Default>(&self, get: fn(&Indicator) -> T) -> T {
        let key = self.key;
        self.state
            .rows
            .with_untracked(|r| r.iter().find(|x| x.key == key).map(|x| get(&x.indicator)))
            .unwrap_or_default()
    }

    fn write(&self, set: fn(&mut Indicator, &str), text: String) {
        self.state
            .update(self.key, |indicator| set(indicator, &text));
    }

    /// `<label>` of `field` for control `id`.
    pub fn label(&self, field: &'static str, id: String) -> impl IntoView {
        let name = self.name;
        view! {
            <label for=id class="cell-label">
                {move || field_label(field, current())}
                <span class="visually-hidden">{move || format!(" — {}", name.get())}</span>
            </label>
        }
    }

    /// A text input.
    pub fn text(
        self,
        field: &'static str,
        get: fn(&Indicator) -> String,
        set: fn(&mut Indicator, &str),
    ) -> impl IntoView {
        let id = self.id(field);
        let problems = self.problems(field);
        let error_id = format!("{id}-error");
        view! {
            {self.label(field, id.clone())}
            <input
                id=id.clone()
                type="text"
                autocomplete="off"
                value=self.initial(get)
                disabled=self.locked
                aria-invalid=move || problems.with(|p| !p.is_empty()).then_some("true")
                aria-describedby=move || problems.with(|p| !p.is_empty()).then(|| error_id.clone())
                on:input=move |ev| self.write(set, event_target_value(&ev))
            />
            <CellProblems id problems />
        }
    }

    /// A number input; `set` reads the text (blank: no value).
    pub fn number(
        self,
        field: &'static str,
        get: fn(&Indicator) -> String,
        set: fn(&mut Indicator, &str),
        editable: bool,
    ) -> impl IntoView {
        let id = self.id(field);
        let problems = self.problems(field);
        let error_id = format!("{id}-error");
        view! {
            {self.label(field, id.clone())}
            <input
                id=id.clone()
                class="num-input"
                type="number"
                step="any"
                inputmode="decimal"
                value=self.initial(get)
                disabled=!editable
                aria-invalid=move || problems.with(|p| !p.is_empty()).then_some("true")
                aria-describedby=move || problems.with(|p| !p.is_empty()).then(|| error_id.clone())
                on:input=move |ev| self.write(set, event_target_value(&ev))
            />
            <CellProblems id problems />
        }
    }

    /// A multi-line text (the qualitative target's meaning).
    pub fn textarea(
        self,
        field: &'static str,
        control: &'static str,
        get: fn(&Indicator) -> String,
        set: fn(&mut Indicator, &str),
    ) -> impl IntoView {
        let id = self.id(control);
        let problems = self.problems(control);
        let error_id = format!("{id}-error");
        view! {
            {self.label(field, id.clone())}
            <textarea
                id=id.clone()
                rows="3"
                disabled=self.locked
                aria-invalid=move || problems.with(|p| !p.is_empty()).then_some("true")
                aria-describedby=move || problems.with(|p| !p.is_empty()).then(|| error_id.clone())
                on:input=move |ev| self.write(set, event_target_value(&ev))
            >
                {self.initial(get)}
            </textarea>
            <CellProblems id problems />
        }
    }

    /// A select of `choices`.
    pub fn select(
        self,
        field: &'static str,
        choices: Choices,
        get: fn(&Indicator) -> String,
        set: fn(&mut Indicator, &str),
    ) -> impl IntoView {
        let id = self.id(field);
        let problems = self.problems(field);
        let error_id = format!("{id}-error");
        let current = self.initial(get);
        let option = move |(value, label): (String, Names)| {
            let selected = value == current;
            view! { <option value=value selected=selected>{move || label.shown()}</option> }
        };
        let groups = choices
            .into_iter()
            .map(|(group, options)| {
                let options = options.into_iter().map(option.clone()).collect_view();
                match group {
                    Some(label) => {
                        view! { <optgroup label=move || label.shown()>{options}</optgroup> }
                            .into_any()
                    }
                    None => options.into_any(),
                }
            })
            .collect_view();
        view! {
            {self.label(field, id.clone())}
            <select
                id=id.clone()
                disabled=self.locked
                aria-invalid=move || problems.with(|p| !p.is_empty()).then_some("true")
                aria-describedby=move || problems.with(|p| !p.is_empty()).then(|| error_id.clone())
                on:change=move |ev| self.write(set, event_target_value(&ev))
            >
                {groups}
            </select>
            <CellProblems id problems />
        }
    }
}
