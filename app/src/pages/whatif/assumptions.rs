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

pub const HEADING_ID: &str = "wi-assumptions-heading";

/// The accessible names of an indicator's inputs.
pub fn target_name(label: &IndicatorLabel) -> String {
    format!("目标值 Target — {}", label.name_en)
}

pub fn elasticity_name(label: &IndicatorLabel) -> String {
    format!("弹性 Elasticity — {}", label.name_en)
}

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
    let pace = if months > 0 {
        format!("已报 {months} 个月 · {months} months reported")
    } else {
        "尚无月度数据，预测取目标值 · No months reported yet: the forecast is the target".to_owned()
    };
    view! {
        <section class="panel wi-panel" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>"目标与弹性 " <span lang="en">"Targets and elasticities"</span></h2>
            <p class="field-hint">
                "预计值 = 预测值 ×（新金额 ÷ 原金额）" <sup>"弹性"</sup>
                "。预测值：累计指标按当前进度推算至年末，时点指标取最新值。 "
                <span lang="en">
                    "Projected value = forecast × (new money ÷ old money)" <sup>"elasticity"</sup>
                    ". The forecast is the year-end value at the current pace for a cumulative count, the latest value for a level."
                </span>
                " (" {pace} ")"
            </p>
            <p class="field-hint">
                "默认弹性：产出数量和成本指标为 1，其他为 0。 "
                <span lang="en">"Default elasticity: 1 for output quantity and cost, 0 otherwise."</span>
            </p>
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
    let id = indicator.id;
    let direction = indicator.direction;
    let base_target = indicator.target;
    let base_e = base_elasticity(&indicator);
    let default_e = default_elasticity(indicator.level2);
    let forecast = value_text(direction, forecast, &label.unit);
    let unit = (!label.unit.is_empty()).then(|| format!("（{}）", label.unit));
    let target_field = target_editable(direction).then(|| {
        let field_id = target_id(id);
        let error = Memo::new(move |_| {
            input
                .target
                .with(|t| parse_number(t).err())
                .map(str::to_owned)
                .or_else(|| what_if.error_at(InputKey::Target(id)))
        });
        let hint = format!(
            "现目标 Current target: {}",
            base_target.map_or_else(|| "—".to_owned(), number)
        );
        view! {
            <NumberField
                id=field_id
                label_zh="目标值"
                label_en="Target"
                unit=unit.clone()
                name=target_name(&label)
                hint
                text=input.target
                error
            />
        }
    });
    let elasticity_field = money_moves(&indicator).then(|| {
        let field_id = elasticity_id(id);
        let error = Memo::new(move |_| {
            input
                .elasticity
                .with(|t| parse_number(t).err())
                .map(str::to_owned)
                .or_else(|| what_if.error_at(InputKey::Elasticity(id)))
        });
        let hint = if indicator.elasticity.is_some() {
            format!(
                "指标集设定 Set by the indicator set: {} · 默认 Default: {}",
                number(base_e),
                number(default_e)
            )
        } else {
            format!(
                "默认 Default: {}（{}）",
                number(default_e),
                label.level2.label_zh()
            )
        };
        view! {
            <NumberField
                id=field_id
                label_zh="弹性"
                label_en="Elasticity"
                unit=None
                name=elasticity_name(&label)
                hint
                text=input.elasticity
                error
            />
        }
    });
    let note = match direction {
        Direction::Qualitative => Some("定性指标：假定达成（100 %） · Qualitative: assumed achieved (100 %)"),
        Direction::BudgetExecution => Some("按当前支出进度推算 · At the current pace of spending"),
        _ if indicator.line_ids.is_empty() => {
            Some("没有预算项目支付此指标，资金不影响它 · No budget line pays for it: money does not move it")
        }
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
            <p class="wi-ind-name">
                <span>{label.name_zh.clone()}</span> " "
                <span class="name-en" lang="en">{label.name_en.clone()}</span>
            </p>
            <p class="muted wi-ind-meta">
                {label.level2.label_zh()} " · " {direction.label_zh()} " · "
                "预测 " <span lang="en">"Forecast"</span> ": " {forecast}
            </p>
            {note.map(|note| view! { <p class="wi-note">{note}</p> })}
            {editable.then(|| view! {
                <div class="wi-assumption-inputs">
                    {target_field}
                    {elasticity_field}
                    <button
                        type="button"
                        class="button button-secondary wi-reset"
                        aria-label=format!("重置 Reset — {}", label.name_en)
                        disabled=move || !changed.get()
                        on:click=reset
                    >
                        "重置 " <span lang="en">"Reset"</span>
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
    label_zh: &'static str,
    label_en: &'static str,
    unit: Option<String>,
    /// Accessible name (says which indicator).
    name: String,
    hint: String,
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
            <label for=id.clone()>{label_zh} " " <span lang="en">{label_en}</span>{unit}</label>
            <input
                id=id.clone()
                name=id
                type="text"
                inputmode="decimal"
                autocomplete="off"
                aria-label=name
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            />
            <p class="field-hint" id=hint_id>{hint}</p>
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}
