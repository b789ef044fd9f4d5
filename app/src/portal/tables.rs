//! A department's two tables: its indicators (target against actual, the direction in plain
//! words, points and score, summed to the total) and its budget lines (budget against
//! spending), plus how each kind of indicator is scored.

use jixiao_domain::dto::public::{PublicIndicator, PublicLine};
use jixiao_domain::framework::Direction;
use leptos::prelude::*;

use super::logic::{
    actual_text, direction_words, indicator_sums, line_sums, scoring_rule, target_text, value_text,
};
use super::numbers::{execution_rate, fixed, number, wan};
use super::parts::CellLabel;

#[component]
pub fn IndicatorTable(indicators: Vec<PublicIndicator>, total: f64) -> impl IntoView {
    let (points, scores) = indicator_sums(&indicators);
    let agrees = fixed(scores, 2) == fixed(total, 2);
    let rows = indicators
        .into_iter()
        .map(|indicator| view! { <IndicatorRow indicator /> })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="indicators stack">
                <caption>
                    "指标的目标、实际与得分 " <span lang="en">"Indicators: target, actual and score"</span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"指标 " <span lang="en">"Indicator"</span></th>
                        <th scope="col">"目标 " <span lang="en">"Target"</span></th>
                        <th scope="col">"实际 " <span lang="en">"Actual"</span></th>
                        <th scope="col" class="num">"得分 / 分值 " <span lang="en">"Score / points"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colspan="3">
                            "合计：Σ 得分 = 总分 " <span lang="en">"Total: Σ scores = total score"</span>
                        </th>
                        <td class="num sum">{format!("{} / {}", fixed(scores, 2), number(points))}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
        {(!agrees).then(|| view! {
            <p class="note">
                {format!("公布的总分为 {}。 ", fixed(total, 2))}
                <span lang="en">{format!("The published total is {}.", fixed(total, 2))}</span>
            </p>
        })}
    }
}

#[component]
fn IndicatorRow(indicator: PublicIndicator) -> impl IntoView {
    let (direction_zh, direction_en) = direction_words(indicator.direction);
    let target = target_text(&indicator);
    let (actual, actual_en) = actual_text(&indicator);
    // A qualitative target is a sentence: on a phone it gets the row's whole width.
    let wide = indicator.direction == Direction::Qualitative;
    let baseline = indicator
        .baseline
        .filter(|_| indicator.direction != Direction::Qualitative)
        .map(|b| value_text(b, &indicator.unit, indicator.direction));
    view! {
        <tr>
            <th scope="row" class="indicator">
                <span class="name-zh">{indicator.name_zh}</span>
                " "
                <span class="name-en" lang="en">{indicator.name_en}</span>
                <span class="meta">
                    <span class="direction">
                        {direction_zh} " " <span lang="en">{direction_en}</span>
                    </span>
                    " · "
                    {indicator.level2.label_zh()} " " <span lang="en">{indicator.level2.label_en()}</span>
                    {indicator.key_work.then(|| view! {
                        " · " <span class="tag">"重点工作 " <span lang="en">"Key work"</span></span>
                    })}
                </span>
            </th>
            <td class:wide=wide>
                <CellLabel zh="目标" en="Target" />
                {target}
                {baseline.map(|b| view! {
                    <span class="meta">"上年 " <span lang="en">"Last year"</span> ": " {b}</span>
                })}
            </td>
            <td>
                <CellLabel zh="实际" en="Actual" />
                {actual}
                {actual_en.map(|en| view! { " " <span lang="en">{en}</span> })}
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
    view! {
        <details class="rules-detail">
            <summary>"评分规则 " <span lang="en">"How each score is computed"</span></summary>
            <dl>
                {directions.into_iter().map(|d| {
                    let (word_zh, word_en) = direction_words(d);
                    let (rule_zh, rule_en) = scoring_rule(d);
                    view! {
                        <dt>{word_zh} " " <span lang="en">{word_en}</span></dt>
                        <dd>{rule_zh} " " <span lang="en">{rule_en}</span></dd>
                    }
                }).collect_view()}
            </dl>
            <p>
                "总分 = 各项得分之和，四舍五入到两位小数；优 ≥ 90，良 ≥ 80，中 ≥ 60，差 < 60。 "
                <span lang="en">
                    "Total = the sum of the scores, rounded to two decimals; Excellent ≥ 90, Good ≥ 80, Fair ≥ 60, Poor < 60."
                </span>
            </p>
        </details>
    }
}

#[component]
pub fn LineTable(lines: Vec<PublicLine>) -> impl IntoView {
    let (amount, adjusted, spent) = line_sums(&lines);
    let rows = lines
        .into_iter()
        .map(|line| {
            let changed = line.amount_fen != line.adjusted_fen;
            view! {
                <tr>
                    <th scope="row" class="line">
                        <span class="name-zh">{line.name_zh}</span>
                        " "
                        <span class="name-en" lang="en">{line.name_en}</span>
                        <span class="meta">
                            {line.code} " · " {line.kind.label_zh()} " " <span lang="en">{line.kind.label_en()}</span>
                        </span>
                    </th>
                    <td class="num">
                        <CellLabel zh="调整后预算" en="Adjusted budget" />
                        {wan(line.adjusted_fen)}
                        {changed.then(|| view! {
                            <span class="meta">"年初 " <span lang="en">"Approved"</span> " " {wan(line.amount_fen)}</span>
                        })}
                    </td>
                    <td class="num"><CellLabel zh="支出" en="Spent" />{wan(line.spent_fen)}</td>
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
                <caption>
                    "预算与支出（万元） " <span lang="en">"Budget and spending (万元, 10,000 yuan)"</span>
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"预算项目 " <span lang="en">"Budget line"</span></th>
                        <th scope="col" class="num">"调整后预算 " <span lang="en">"Adjusted budget"</span></th>
                        <th scope="col" class="num">"支出 " <span lang="en">"Spent"</span></th>
                        <th scope="col" class="num">"执行率 " <span lang="en">"Rate"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">"合计 " <span lang="en">"Total"</span></th>
                        <td class="num">
                            <CellLabel zh="调整后预算" en="Adjusted budget" />
                            {wan(adjusted)}
                            {(amount != adjusted).then(|| view! {
                                <span class="meta">"年初 " <span lang="en">"Approved"</span> " " {wan(amount)}</span>
                            })}
                        </td>
                        <td class="num"><CellLabel zh="支出" en="Spent" />{wan(spent)}</td>
                        <td class="num"><CellLabel zh="执行率" en="Rate" />{execution_rate(spent, adjusted)}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}
