//! The budget lines, grouped project / personnel / public operations (the basic lines folded
//! away when they pay for no indicator): per line a slider (0–200 % of its current amount,
//! 1 % steps) and a 万元 field kept in step with it, and a reset; above them "All projects
//! −10 %" and "Reset all".

use jixiao_domain::dto::whatif::{DepartmentWhatIf, LineLabel};
use jixiao_domain::framework::BudgetKind;
use leptos::prelude::*;

use super::model::{projects_less, InputKey};
use super::numbers::{fen_at_percent, line_change, percent_text, slider_percent, MAX_PERCENT};
use super::state::{amount_id, slider_id, LineInput, WhatIf};
use crate::format::{money, money_large};
use crate::locale::{current, pick, pick_in, t, t_string, use_i18n, Locale};

/// Heading id of the section.
pub const HEADING_ID: &str = "wi-lines-heading";

/// A line as its inputs' accessible names say it: "EDU-P02 Preschool education development
/// fund" (the slider is "Share of budget — EDU-P02 …").
pub fn line_name(label: &LineLabel, locale: Locale) -> String {
    format!(
        "{} {}",
        label.code,
        pick_in(locale, &label.name_zh, &label.name_en)
    )
}

#[component]
pub fn LineInputs(what_if: WhatIf, start: StoredValue<DepartmentWhatIf>) -> impl IntoView {
    let i18n = use_i18n();
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
                    let pays_for: Vec<(String, String)> = s
                        .baseline
                        .indicators
                        .iter()
                        .filter(|i| i.line_ids.contains(&label.id))
                        .filter_map(|i| s.indicators.iter().find(|l| l.id == i.id))
                        .map(|l| (l.name_zh.clone(), l.name_en.clone()))
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
                <legend id=legend_id>{move || pick(kind.label_zh(), kind.label_en())}</legend>
                <p class="wi-subtotal">{t!(i18n, whatif.lines.subtotal)} <Subtotal inputs /></p>
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
                    {t!(i18n, whatif.lines.basic)}
                    <Subtotal inputs=basic.clone() />
                </summary>
                {(!basic_moves).then(|| view! {
                    <p class="field-hint">{t!(i18n, whatif.lines.basic_hint)}</p>
                })}
                {group(BudgetKind::Personnel)}
                {group(BudgetKind::Operations)}
            </details>
        }
    });
    view! {
        <section class="panel wi-panel" aria-labelledby=HEADING_ID>
            <h2 id=HEADING_ID>{t!(i18n, whatif.lines.heading)}</h2>
            <p class="field-hint">{t!(i18n, whatif.lines.hint)}</p>
            <div class="wi-quick">
                {has_projects.then(|| view! {
                    <button type="button" class="button button-secondary" on:click=all_less>
                        {t!(i18n, whatif.lines.all_projects_less)}
                    </button>
                })}
                <button type="button" class="button button-secondary" on:click=move |_| what_if.reset()>
                    {t!(i18n, whatif.lines.reset_all)}
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
        <span class="wi-now">{move || money_large(base, current())}</span>
        " → "
        <strong>{move || money_large(subtotal.get(), current())}</strong>
        " "
        {move || {
            let delta = line_change(subtotal.get(), base, current());
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
    /// The indicators it pays for (Chinese and English names).
    pays_for: Vec<(String, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = input.id;
    let base = input.base_fen;
    let (slider, amount) = (slider_id(id), amount_id(id));
    let (error_id, exact_id) = (format!("{amount}-error"), format!("{amount}-exact"));
    let error = Memo::new(move |_| {
        input
            .text_error()
            .map(|e| e.text(current()).to_owned())
            .or_else(|| what_if.error_at(InputKey::Amount(id), current()))
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
        t_string!(
            i18n,
            whatif.lines.share_value,
            percent = percent_text(input.amount.get(), base),
            amount = money_large(input.amount.get(), current())
        )
        .to_string()
    };
    let below_spent = move || input.amount.get() < spent;
    let pays = (!pays_for.is_empty()).then(|| {
        let names = move || {
            let separator = t_string!(i18n, whatif.lines.pays_for_separator);
            let names: Vec<&str> = pays_for.iter().map(|(zh, en)| pick(zh, en)).collect();
            t_string!(i18n, whatif.lines.pays_for, names = names.join(separator)).to_string()
        };
        view! { <p class="wi-pays muted">{names}</p> }
    });
    let label = StoredValue::new(label);
    let line = move || label.with_value(|l| line_name(l, current()));
    view! {
        <li class="wi-line" class:wi-changed=move || input.amount.get() != base>
            <p class="wi-line-name">
                <code>{label.with_value(|l| l.code.clone())}</code> " "
                <span>{move || label.with_value(|l| pick(&l.name_zh, &l.name_en).to_owned())}</span>
            </p>
            <p class="wi-line-now muted">
                {move || {
                    let locale = current();
                    t_string!(
                        i18n,
                        whatif.lines.now_spent,
                        now = money_large(base, locale),
                        spent = money_large(spent, locale)
                    )
                    .to_string()
                }}
            </p>
            <div class="wi-share-head">
                <label for=slider.clone()>{t!(i18n, whatif.lines.share)}</label>
                <span class="wi-share-value" aria-hidden="true">
                    <strong>{percent}</strong> " "
                    {move || {
                        let delta = line_change(input.amount.get(), base, current());
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
                aria-label=move || t_string!(i18n, whatif.lines.share_name, line = line()).to_string()
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
                    <label for=amount.clone()>{t!(i18n, whatif.lines.amount)}</label>
                    <input
                        id=amount
                        name=format!("amount-{id}")
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        aria-label=move || t_string!(i18n, whatif.lines.amount_name, line = line()).to_string()
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby=described
                        prop:value=move || input.text.get()
                        on:input=move |ev| input.type_text(event_target_value(&ev))
                    />
                </div>
                <button
                    type="button"
                    class="button button-secondary wi-reset"
                    aria-label=move || t_string!(i18n, whatif.lines.reset_name, name = line()).to_string()
                    disabled=move || input.amount.get() == base && input.text_error().is_none()
                    on:click=move |_| input.set(base)
                >
                    {t!(i18n, whatif.lines.reset)}
                </button>
            </div>
            <p class="wi-exact muted" id=exact_id>
                "= " {move || money(input.amount.get(), current())}
            </p>
            {move || error.get().map(|message| view! {
                <p class="field-error" id=error_id.clone()>{message}</p>
            })}
            {move || below_spent().then(|| view! {
                <p class="wi-warning">
                    {move || {
                        t_string!(i18n, whatif.lines.below_spent, spent = money_large(spent, current()))
                            .to_string()
                    }}
                </p>
            })}
            {pays}
        </li>
    }
}
