//! Each indicator's assumptions: its target (a number to reach or stay under) and its
//! elasticity — how strongly the money of the lines that pay for it moves it — with the
//! default shown and explained.

use jixiao_domain::dto::whatif::{DepartmentWhatIf, IndicatorLabel};
use jixiao_domain::framework::Direction;
use jixiao_domain::whatif::department::{default_elasticity, WhatIfIndicator};
use leptos::prelude::*;

use super::model::{base_elasticity, money_moves, target_editable, InputKey};
use super::numbers::{number_input, parse_number, value_text};
use super::state::{elasticity_id, target_id, IndicatorInput, WhatIf};
use crate::format::number;
use crate::locale::{current, pick, t, t_string, use_i18n};

pub const HEADING_ID: &str = "wi-assumptions-heading";

#[component]
pub fn Assumptions(what_if: WhatIf, start: StoredValue<DepartmentWhatIf>) -> impl IntoView {
    let months = start.with_value(|s| s.baseline.months);
    let now = what_if.now.get_value();
    let items = start.with_value(|s| {
        s.baseline
            .indicators
            .iter()
            .filter_map(|indicator| {
                let label = s.indicators.iter().find(|l| l.id == indicator.id)?.clone();
                let input = what_if.indicator(indicator.id)?;
                let forecast = now
                    .indicators
                    .iter()
                    .find(|p| p.id == indicator.id)
                    .and_then(|p| p.forecast);
                let indicator = indicator.clone();
                Some(view! { <AssumptionRow what_if input indicator label forecast /> })
            })
            .collect_view()
    });
    let i18n = use_i18n();
    let pace = move || {
        if months > 0 {
            t_string!(i18n, whatif.assumptions.pace_months, months).to_string()
        } else {
            t_string!(i18n, whatif.assumptions.pace_none).to_owned()
        }
    };
    view! {
        <section class="panel wi-panel" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{t!(i18n, whatif.assumptions.heading)}</h2>
            <p class="field-hint">
                {t!(i18n, whatif.assumptions.formula)}
                <sup>{t!(i18n, whatif.assumptions.formula_power)}</sup>
                {t!(i18n, whatif.assumptions.formula_rest)}
                {pace}
            </p>
            <p class="field-hint">{t!(i18n, whatif.assumptions.default_hint)}</p>
            <ul class="wi-assumptions">{items}</ul>
        </section>
    }
}

#[component]
fn AssumptionRow(
    what_if: WhatIf,
    input: IndicatorInput,
    indicator: WhatIfIndicator,
    label: IndicatorLabel,
    /// The engine's year-end forecast (before any change of money).
    forecast: Option<f64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = indicator.id;
    let direction = indicator.direction;
    let base_target = indicator.target;
    let base_e = base_elasticity(&indicator);
    let default_e = default_elasticity(indicator.level2);
    // The unit in the reader's language (the demo's units are Chinese only).
    let unit = Signal::derive({
        let raw = label.unit.clone();
        move || crate::locale::unit(&raw)
    });
    let forecast = move || value_text(direction, forecast, &unit.get());
    let (name_zh, name_en) = (label.name_zh.clone(), label.name_en.clone());
    let names = StoredValue::new((name_zh, name_en));
    let name = move || names.with_value(|(zh, en)| pick(zh, en).to_owned());
    let level2 = label.level2;
    let target_field = target_editable(direction).then(|| {
        let field_id = target_id(id);
        let error = Memo::new(move |_| {
            let locale = current();
            input
                .target
                .with(|t| parse_number(t).err())
                .map(|e| e.text(locale).to_owned())
                .or_else(|| what_if.error_at(InputKey::Target(id), locale))
        });
        let current_target = base_target.map_or_else(|| "—".to_owned(), number);
        view! {
            <NumberField
                id=field_id
                label=Signal::derive(move || {
                    let target = t_string!(i18n, whatif.assumptions.target);
                    let unit = unit.get();
                    if unit.is_empty() {
                        target.to_owned()
                    } else {
                        let unit = t_string!(i18n, whatif.assumptions.unit, unit);
                        format!("{target}{unit}")
                    }
                })
                name=Signal::derive(move || {
                    t_string!(i18n, whatif.assumptions.target_name, name = name()).to_string()
                })
                hint=Signal::derive(move || {
                    t_string!(i18n, whatif.assumptions.current_target, value = current_target.clone())
                        .to_string()
                })
                text=input.target
                error
            />
        }
    });
    let elasticity_field = money_moves(&indicator).then(|| {
        let field_id = elasticity_id(id);
        let error = Memo::new(move |_| {
            let locale = current();
            input
                .elasticity
                .with(|t| parse_number(t).err())
                .map(|e| e.text(locale).to_owned())
                .or_else(|| what_if.error_at(InputKey::Elasticity(id), locale))
        });
        let set_by_set = indicator.elasticity.is_some();
        let hint = Signal::derive(move || {
            let default = number(default_e);
            if set_by_set {
                t_string!(i18n, whatif.assumptions.set_elasticity, value = number(base_e), default)
                    .to_string()
            } else {
                let level = pick(level2.label_zh(), level2.label_en());
                t_string!(i18n, whatif.assumptions.default_elasticity, default, level).to_string()
            }
        });
        view! {
            <NumberField
                id=field_id
                label=Signal::derive(move || t_string!(i18n, whatif.assumptions.elasticity).to_owned())
                name=Signal::derive(move || {
                    t_string!(i18n, whatif.assumptions.elasticity_name, name = name()).to_string()
                })
                hint
                text=input.elasticity
                error
            />
        }
    });
    let unpaid = indicator.line_ids.is_empty();
    let note = move || match direction {
        Direction::Qualitative => Some(t_string!(i18n, whatif.assumptions.note_qualitative)),
        Direction::BudgetExecution => {
            Some(t_string!(i18n, whatif.assumptions.note_budget_execution))
        }
        _ if unpaid => Some(t_string!(i18n, whatif.assumptions.note_unpaid)),
        _ => None,
    };
    let changed = Memo::new(move |_| {
        let target_moved = input.target.with(|t| parse_number(t).ok() != base_target);
        let e_moved = input
            .elasticity
            .with(|t| parse_number(t).ok() != Some(base_e));
        (target_editable(direction) && target_moved) || e_moved
    });
    let reset = move |_| {
        input
            .target
            .set(base_target.map(number_input).unwrap_or_default());
        input.elasticity.set(number_input(base_e));
    };
    let editable = target_field.is_some() || elasticity_field.is_some();
    view! {
        <li class="wi-assumption" class:wi-changed=move || changed.get()>
            <p class="wi-ind-name">{name}</p>
            <p class="muted wi-ind-meta">
                {move || pick(level2.label_zh(), level2.label_en())} " · "
                {move || pick(direction.label_zh(), direction.label_en())} " · "
                {move || t_string!(i18n, whatif.assumptions.forecast, value = forecast()).to_string()}
            </p>
            {move || note().map(|note| view! { <p class="wi-note">{note}</p> })}
            {editable.then(|| view! {
                <div class="wi-assumption-inputs">
                    {target_field}
                    {elasticity_field}
                    <button
                        type="button"
                        class="button button-secondary wi-reset"
                        aria-label=move || t_string!(i18n, whatif.lines.reset_name, name = name()).to_string()
                        disabled=move || !changed.get()
                        on:click=reset
                    >
                        {t!(i18n, whatif.lines.reset)}
                    </button>
                </div>
            })}
        </li>
    }
}

/// A labelled number input with its hint and its error.
#[component]
fn NumberField(
    id: String,
    /// The label, with the unit if any.
    label: Signal<String>,
    /// Accessible name (says which indicator).
    name: Signal<String>,
    hint: Signal<String>,
    text: RwSignal<String>,
    error: Memo<Option<String>>,
) -> impl IntoView {
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{hint_id} {error_id}")
            } else {
                hint_id.clone()
            }
        }
    };
    view! {
        <div class="field wi-number" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id.clone()
                name=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=move || name.get()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <p class="field-hint" id=hint_id>{move || hint.get()}</p>
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}
