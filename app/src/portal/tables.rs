//! A department's two tables: its indicators (target against actual, the direction in plain
//! words, points and score, summed to the total) and its budget lines (budget against
//! spending), plus how each kind of indicator is scored.

use jixiao_domain::dto::public::{PublicIndicator, PublicLine};
use jixiao_domain::framework::Direction;
use leptos::prelude::*;

use super::logic::{
    actual_text, direction_words, indicator_sums, line_sums, scoring_rule, target_text, value_text,
};
use super::numbers::{execution_rate, fixed, money_number, number};
use super::parts::CellLabel;
use crate::locale::{current, pick, t, use_i18n};

#[component]
pub fn IndicatorTable(indicators: Vec<PublicIndicator>, total: f64) -> impl IntoView {
    let (points, scores) = indicator_sums(&indicators);
    let agrees = fixed(scores, 2) == fixed(total, 2);
    let rows = indicators
        .into_iter()
        .map(|indicator| view! { <IndicatorRow indicator /> })
        .collect_view();
    let i18n = use_i18n();
    view! {
        <div class="table-wrap">
            <table class="indicators stack">
                <caption>{t!(i18n, portal.tables.indicators_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, portal.tables.indicator)}</th>
                        <th scope="col">{t!(i18n, portal.tables.target)}</th>
                        <th scope="col">{t!(i18n, portal.tables.actual)}</th>
                        <th scope="col" class="num">{t!(i18n, portal.tables.score_points)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">{t!(i18n, portal.tables.sum)}</th>
                        <td class="num sum">{format!("{} / {}", fixed(scores, 2), number(points))}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        {(!agrees).then(|| view! {
            <p class="note">{t!(i18n, portal.tables.published_total, total = fixed(total, 2))}</p>
        })}
    }
}

#[component]
fn IndicatorRow(indicator: PublicIndicator) -> impl IntoView {
    let (direction_zh, direction_en) = direction_words(indicator.direction);
    // Each text in both languages, so that a switch of language redraws it.
    let target = (
        target_text(&indicator, true),
        target_text(&indicator, false),
    );
    let actual = (
        actual_text(&indicator, true),
        actual_text(&indicator, false),
    );
    let level2 = indicator.level2;
    let i18n = use_i18n();
    // A qualitative target is a sentence: on a phone it gets the row's whole width.
    let wide = indicator.direction == Direction::Qualitative;
    let baseline = indicator
        .baseline
        .filter(|_| indicator.direction != Direction::Qualitative)
        .map(|b| {
            (
                value_text(b, &indicator.unit, indicator.direction, true),
                value_text(b, &indicator.unit, indicator.direction, false),
            )
        });
    view! {
        <tr>
            <th scope="row" class="indicator">
                <span class="name">{move || pick(&indicator.name_zh, &indicator.name_en).to_owned()}</span>
                <span class="meta">
                    <span class="direction">{move || pick(direction_zh, direction_en)}</span>
                    " · "
                    {move || pick(level2.label_zh(), level2.label_en())}
                    {indicator.key_work.then(|| view! {
                        " · " <span class="tag">{t!(i18n, portal.tables.key_work)}</span>
                    })}
                </span>
            </th>
            <td class:wide=wide>
                <CellLabel zh="目标" en="Target" />
                {move || pick(&target.0, &target.1).to_owned()}
                {baseline.map(|b| view! {
                    <span class="meta">
                        {t!(i18n, portal.tables.last_year)} ": " {move || pick(&b.0, &b.1).to_owned()}
                    </span>
                })}
            </td>
            <td>
                <CellLabel zh="实际" en="Actual" />
                {move || pick(&actual.0, &actual.1).to_owned()}
            </td>
            <td class="num">
                <CellLabel zh="得分 / 分值" en="Score / points" />
                <span class="score">{number(indicator.score)}</span>
                {format!(" / {}", number(indicator.points))}
            </td>
        </tr>
    }
}

/// How each kind of indicator in the table is scored, so anyone can check the scores.
#[component]
pub fn ScoringRules(indicators: Vec<PublicIndicator>) -> impl IntoView {
    let directions: Vec<Direction> = Direction::ALL
        .iter()
        .copied()
        .filter(|d| indicators.iter().any(|i| i.direction == *d))
        .collect();
    let i18n = use_i18n();
    view! {
        <details class="rules-detail">
            <summary>{t!(i18n, portal.tables.rules)}</summary>
            <dl>
                {directions.into_iter().map(|d| {
                    let (word_zh, word_en) = direction_words(d);
                    let (rule_zh, rule_en) = scoring_rule(d);
                    view! {
                        <dt>{move || pick(word_zh, word_en)}</dt>
                        <dd>{move || pick(rule_zh, rule_en)}</dd>
                    }
                }).collect_view()}
            </dl>
            <p>{t!(i18n, portal.tables.rules_total)}</p>
        </details>
    }
}

#[component]
pub fn LineTable(lines: Vec<PublicLine>) -> impl IntoView {
    let (amount, adjusted, spent) = line_sums(&lines);
    let i18n = use_i18n();
    let shown = |fen: i64| move || money_number(fen, current());
    let rows = lines
        .into_iter()
        .map(|line| {
            let changed = line.amount_fen != line.adjusted_fen;
            let kind = line.kind;
            view! {
                <tr>
                    <th scope="row" class="line">
                        <span class="name">{move || pick(&line.name_zh, &line.name_en).to_owned()}</span>
                        <span class="meta">
                            {line.code} " · " {move || pick(kind.label_zh(), kind.label_en())}
                        </span>
                    </th>
                    <td class="num">
                        <CellLabel zh="调整后预算" en="Adjusted budget" />
                        {shown(line.adjusted_fen)}
                        {changed.then(|| view! {
                            <span class="meta">{t!(i18n, portal.tables.approved)} " " {shown(line.amount_fen)}</span>
                        })}
                    </td>
                    <td class="num"><CellLabel zh="支出" en="Spent" />{shown(line.spent_fen)}</td>
                    <td class="num">
                        <CellLabel zh="执行率" en="Rate" />
                        {execution_rate(line.spent_fen, line.adjusted_fen)}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="lines stack">
                <caption>{t!(i18n, portal.tables.lines_caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, portal.tables.line)}</th>
                        <th scope="col" class="num">{t!(i18n, portal.tables.adjusted_budget)}</th>
                        <th scope="col" class="num">{t!(i18n, portal.tables.spent)}</th>
                        <th scope="col" class="num">{t!(i18n, portal.tables.rate)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{t!(i18n, portal.tables.total)}</th>
                        <td class="num">
                            <CellLabel zh="调整后预算" en="Adjusted budget" />
                            {shown(adjusted)}
                            {(amount != adjusted).then(|| view! {
                                <span class="meta">{t!(i18n, portal.tables.approved)} " " {shown(amount)}</span>
                            })}
                        </td>
                        <td class="num"><CellLabel zh="支出" en="Spent" />{shown(spent)}</td>
                        <td class="num"><CellLabel zh="执行率" en="Rate" />{execution_rate(spent, adjusted)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
