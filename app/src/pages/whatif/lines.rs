//! The budget lines, grouped project / personnel / public operations (the basic lines folded
//! away when they pay for no indicator): per line a slider (0–200 % of its current amount,
//! 1 % steps) and a 万元 field kept in step with it, and a reset; above them "All projects
//! −10 %" and "Reset all".

use jixiao_domain::dto::whatif::{DepartmentWhatIf, LineLabel};
use jixiao_domain::framework::BudgetKind;
use jixiao_domain::money::{format_wan_yuan, format_yuan};
use leptos::prelude::*;

use super::model::{projects_less, InputKey};
use super::numbers::{fen_at_percent, line_change, percent_text, slider_percent, MAX_PERCENT};
use super::state::{amount_id, slider_id, LineInput, WhatIf};

/// Heading id of the section.
pub const HEADING_ID: &str = "wi-lines-heading";

/// The accessible name of a line's slider: "拨款比例 Share of budget — EDU-P02 Preschool …".
pub fn slider_name(label: &LineLabel) -> String {
    format!(
        "拨款比例 Share of budget — {} {}",
        label.code, label.name_en
    )
}

/// The accessible name of a line's 万元 field.
pub fn amount_name(label: &LineLabel) -> String {
    format!(
        "金额（万元） Amount (10k yuan) — {} {}",
        label.code, label.name_en
    )
}

#[component]
pub fn LineInputs(what_if: WhatIf, start: StoredValue<DepartmentWhatIf>) -> impl IntoView {
    let has_projects = start.with_value(|s| s.lines.iter().any(|l| l.kind == BudgetKind::Project));
    let all_less = move |_| {
        let cuts = what_if.baseline.with_value(|b| projects_less(b, 90));
        for (id, fen) in cuts {
            if let Some(line) = what_if.line(id) {
                line.set(fen);
            }
        }
    };
    let group = move |kind: BudgetKind| {
        let rows: Vec<_> = start.with_value(|s| {
            s.lines
                .iter()
                .filter(|l| l.kind == kind)
                .filter_map(|label| {
                    let input = what_if.line(label.id)?;
                    let spent = s
                        .baseline
                        .lines
                        .iter()
                        .find(|l| l.id == label.id)
                        .map_or(0, |l| l.spent_fen);
                    let pays_for: Vec<String> = s
                        .baseline
                        .indicators
                        .iter()
                        .filter(|i| i.line_ids.contains(&label.id))
                        .filter_map(|i| s.indicators.iter().find(|l| l.id == i.id))
                        .map(|l| l.name_zh.clone())
                        .collect();
                    Some((label.clone(), input, spent, pays_for))
                })
                .collect()
        });
        if rows.is_empty() {
            return None;
        }
        let inputs: Vec<LineInput> = rows.iter().map(|(_, input, _, _)| *input).collect();
        let rows = rows
            .into_iter()
            .map(|(label, input, spent, pays_for)| {
                view! { <LineRow what_if input label spent pays_for /> }
            })
            .collect_view();
        let legend_id = format!("wi-kind-{}", kind.as_str());
        Some(view! {
            <fieldset class="wi-kind">
                <legend id=legend_id>{kind.label_zh()} " " <span lang="en">{kind.label_en()}</span></legend>
                <p class="wi-subtotal">"小计 " <span lang="en">"Subtotal"</span> ": " <Subtotal inputs /></p>
                <ul class="wi-lines">{rows}</ul>
            </fieldset>
        })
    };
    // Basic expenditure (personnel, operations) rarely pays for an indicator: then it moves
    // only the total, and waits folded below the projects.
    let basic: Vec<LineInput> = start.with_value(|s| {
        s.lines
            .iter()
            .filter(|l| l.kind != BudgetKind::Project)
            .filter_map(|l| what_if.line(l.id))
            .collect()
    });
    let basic_moves = what_if.baseline.with_value(|b| {
        b.indicators.iter().any(|i| {
            i.line_ids
                .iter()
                .any(|id| basic.iter().any(|l| l.id == *id))
        })
    });
    let basic_part = (!basic.is_empty()).then(|| {
        let details = NodeRef::<leptos::html::Details>::new();
        let changed = {
            let basic = basic.clone();
            Memo::new(move |_| basic.iter().any(|l| l.amount.get() != l.base_fen))
        };
        Effect::new(move |_| {
            if changed.get() {
                if let Some(details) = details.get() {
                    details.set_open(true);
                }
            }
        });
        view! {
            <details class="wi-basic" node_ref=details open=basic_moves>
                <summary>
                    "基本支出 " <span lang="en">"Basic expenditure"</span> ": "
                    <Subtotal inputs=basic.clone() />
                </summary>
                {(!basic_moves).then(|| view! {
                    <p class="field-hint">
                        "基本支出（人员经费、公用经费）不支付任何指标：只改变预算合计，不影响得分和明年项目预算。 "
                        <span lang="en">"Basic expenditure (personnel, public operations) pays for no indicator: it changes only the total budget, not the scores or next year's project budget."</span>
                    </p>
                })}
                {group(BudgetKind::Personnel)}
                {group(BudgetKind::Operations)}
            </details>
        }
    });
    view! {
        <section class="panel wi-panel" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>"调整预算 " <span lang="en">"Change the budget"</span></h2>
            <p class="field-hint">
                "拖动滑块（现有金额的 0–200 %）或输入万元金额；结果即时更新。 "
                <span lang="en">"Move a slider (0–200 % of the current amount) or type the amount in 万元 (10,000 yuan); the results follow at once."</span>
            </p>
            <div class="wi-quick">
                {has_projects.then(|| view! {
                    <button type="button" class="button button-secondary" on:click=all_less>
                        "所有项目 −10\u{a0}% " <span lang="en">"All projects −10\u{a0}%"</span>
                    </button>
                })}
                <button type="button" class="button button-secondary" on:click=move |_| what_if.reset()>
                    "重置 " <span lang="en">"Reset all"</span>
                </button>
            </div>
            {group(BudgetKind::Project)}
            {basic_part}
        </section>
    }
}

/// "now → scenario" of some lines, with the change.
#[component]
fn Subtotal(inputs: Vec<LineInput>) -> impl IntoView {
    let base: i64 = inputs.iter().map(|i| i.base_fen).sum();
    let subtotal = Memo::new(move |_| inputs.iter().map(|i| i.amount.get()).sum::<i64>());
    view! {
        <span class="wi-now">{format_wan_yuan(base)}</span>
        " → "
        <strong>{move || format_wan_yuan(subtotal.get())}</strong>
        " "
        {move || {
            let delta = line_change(subtotal.get(), base);
            view! { <span class=delta.trend.class()>{delta.text}</span> }
        }}
    }
}

#[component]
fn LineRow(
    what_if: WhatIf,
    input: LineInput,
    label: LineLabel,
    spent: i64,
    pays_for: Vec<String>,
) -> impl IntoView {
    let id = input.id;
    let base = input.base_fen;
    let (slider, amount) = (slider_id(id), amount_id(id));
    let (error_id, exact_id) = (format!("{amount}-error"), format!("{amount}-exact"));
    let error = Memo::new(move |_| {
        input
            .text_error()
            .map(str::to_owned)
            .or_else(|| what_if.error_at(InputKey::Amount(id)))
    });
    let described = {
        let (error_id, exact_id) = (error_id.clone(), exact_id.clone());
        move || {
            if error.with(Option::is_some) {
                format!("{exact_id} {error_id}")
            } else {
                exact_id.clone()
            }
        }
    };
    let percent = move || percent_text(input.amount.get(), base);
    let value_text = move || {
        format!(
            "{}，{}",
            percent_text(input.amount.get(), base),
            format_wan_yuan(input.amount.get())
        )
    };
    let below_spent = move || input.amount.get() < spent;
    let pays = (!pays_for.is_empty()).then(|| {
        view! {
            <p class="wi-pays muted">
                "支付指标 " <span lang="en">"Pays for"</span> ": " {pays_for.join("；")}
            </p>
        }
    });
    view! {
        <li class="wi-line" class:wi-changed=move || input.amount.get() != base>
            <p class="wi-line-name">
                <code>{label.code.clone()}</code> " "
                <span>{label.name_zh.clone()}</span> " "
                <span class="name-en" lang="en">{label.name_en.clone()}</span>
            </p>
            <p class="wi-line-now muted">
                "现状 " <span lang="en">"Now"</span> " " {format_wan_yuan(base)}
                " · 已支出 " <span lang="en">"Spent"</span> " " {format_wan_yuan(spent)}
            </p>
            <div class="wi-share-head">
                <label for=slider.clone()>"拨款比例 " <span lang="en">"Share of budget"</span></label>
                <span class="wi-share-value" aria-hidden="true">
                    <strong>{percent}</strong> " "
                    {move || {
                        let delta = line_change(input.amount.get(), base);
                        view! { <span class=delta.trend.class()>{delta.text}</span> }
                    }}
                </span>
            </div>
            <input
                type="range"
                class="wi-slider"
                id=slider
                name=format!("share-{id}")
                min="0"
                max=MAX_PERCENT.to_string()
                step="1"
                disabled=base <= 0
                aria-label=slider_name(&label)
                aria-valuetext=value_text
                prop:value=move || slider_percent(input.amount.get(), base).unwrap_or(100).to_string()
                on:input=move |ev| {
                    if let Ok(percent) = event_target_value(&ev).parse::<u32>() {
                        input.set(fen_at_percent(base, percent));
                    }
                }
            />
            <div class="wi-amount-row">
                <div class="field wi-amount" class:field-invalid=move || error.with(Option::is_some)>
                    <label for=amount.clone()>"金额（万元） " <span lang="en">"Amount (10k yuan)"</span></label>
                    <input
                        id=amount
                        name=format!("amount-{id}")
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-label=amount_name(&label)
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=described
                        prop:value=move || input.text.get()
                        on:input=move |ev| input.type_text(event_target_value(&ev))
                    />
                </div>
                <button
                    type="button"
                    class="button button-secondary wi-reset"
                    aria-label=format!("重置 Reset — {} {}", label.code, label.name_en)
                    disabled=move || input.amount.get() == base && input.text_error().is_none()
                    on:click=move |_| input.set(base)
                >
                    "重置 " <span lang="en">"Reset"</span>
                </button>
            </div>
            <p class="wi-exact muted" id=exact_id>
                "= " {move || format_yuan(input.amount.get())}
            </p>
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
            {move || below_spent().then(|| view! {
                <p class="wi-warning">
                    "低于已支出金额 " <span lang="en">"Less than already spent"</span>
                    {format!(" ({})", format_wan_yuan(spent))}
                </p>
            })}
            {pays}
        </li>
    }
}
