//! The report's indicator tables: one per level-1 indicator, its level-2 groups as row
//! groups, each row tracing its score to the rule, the target and the figures that count.

use jixiao_domain::dto::evaluation::{EvaluationItem, ItemScore};
use jixiao_domain::framework::{IndicatorOrigin, Level1, Level2};
use leptos::prelude::*;

use super::figures::{
    baseline_text, computation, figures_text, formula, percent, score2, target_text,
};
use crate::format::number;

/// The items of one level-2 indicator.
pub type Level2Group = (Level2, Vec<EvaluationItem>);

/// Items grouped by level 1, then level 2, each in framework order; the items keep the
/// set's order inside a group.
pub fn group_items(items: &[EvaluationItem]) -> Vec<(Level1, Vec<Level2Group>)> {
    Level1::ALL
        .iter()
        .filter_map(|level1| {
            let groups: Vec<Level2Group> = Level2::ALL
                .iter()
                .filter(|level2| level2.level1() == *level1)
                .filter_map(|level2| {
                    let of: Vec<EvaluationItem> = items
                        .iter()
                        .filter(|i| i.indicator.level2 == *level2)
                        .cloned()
                        .collect();
                    (!of.is_empty()).then_some((*level2, of))
                })
                .collect();
            (!groups.is_empty()).then_some((*level1, groups))
        })
        .collect()
}

/// Points and scores of a group of items: (Σ points, Σ final scores, all scored).
pub fn subtotal<'a>(items: impl IntoIterator<Item = &'a EvaluationItem>) -> (f64, f64, bool) {
    items
        .into_iter()
        .fold((0.0, 0.0, true), |(points, score, complete), item| {
            (
                points + item.indicator.points,
                score + item.final_score.map_or(0.0, |s| s.score),
                complete && item.final_score.is_some(),
            )
        })
}

/// The figures that count for an item: finance's override, else the department's.
pub fn final_figures(item: &EvaluationItem) -> &jixiao_domain::evaluation::Figures {
    item.override_figures.as_ref().unwrap_or(&item.self_figures)
}

#[component]
pub fn IndicatorTables(items: Vec<EvaluationItem>) -> impl IntoView {
    group_items(&items)
        .into_iter()
        .map(|(level1, groups)| view! { <Level1Table level1 groups /> })
        .collect_view()
}

#[component]
fn Level1Table(level1: Level1, groups: Vec<Level2Group>) -> impl IntoView {
    let heading = format!("report-{}", level1.as_str());
    let (points, score, complete) = subtotal(groups.iter().flat_map(|(_, items)| items));
    let bodies = groups
        .into_iter()
        .map(|(level2, items)| {
            let rows = items
                .into_iter()
                .map(|item| view! { <IndicatorRow item /> })
                .collect_view();
            view! {
                <tbody>
                    <tr class="report-group">
                        <th scope="rowgroup" colspan="9">
                            {level2.label_zh()} " " <span lang="en">{level2.label_en()}</span>
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    let (labelled_by, region_labelled_by) = (heading.clone(), heading.clone());
    view! {
        <section class="report-level1" aria-labelledby=labelled_by>
            <h3 id=heading>
                {level1.label_zh()} " " <span lang="en">{level1.label_en()}</span>
                <span class="report-subtotal">
                    {format!(" · 分值 {} · 得分 {} ", number(points), score2(score))}
                    <span lang="en">{format!("points {} · score {}", number(points), score2(score))}</span>
                    {(!complete).then(|| view! { <span class="muted">" (未完整 incomplete)"</span> })}
                </span>
            </h3>
            <div class="table-wrap mon-wrap report-wrap" role="region" aria-labelledby=region_labelled_by tabindex="0">
                <table class="data-table mon-table report-table">
                    <thead>
                        <tr>
                            <th scope="col">"指标 " <span lang="en">"Indicator"</span></th>
                            <th scope="col">"方向与计分规则 " <span lang="en">"Direction and rule"</span></th>
                            <th scope="col">"目标值 " <span lang="en">"Target"</span></th>
                            <th scope="col">"基期值 " <span lang="en">"Baseline"</span></th>
                            <th scope="col">"部门自评 " <span lang="en">"Department's figures"</span></th>
                            <th scope="col">"最终采用 " <span lang="en">"Final figures"</span></th>
                            <th scope="col" class="num">"分值 " <span lang="en">"Points"</span></th>
                            <th scope="col" class="num">"得分 " <span lang="en">"Score"</span></th>
                            <th scope="col" class="num">"完成率 " <span lang="en">"Achievement"</span></th>
                        </tr>
                    </thead>
                    {bodies}
                    <tbody>
                        <tr class="total-row">
                            <th scope="row">"小计 " <span lang="en">"Subtotal"</span></th>
                            <td class="span" colspan="5" data-label="说明 Note">
                                <span class="muted">"Σ 分值、Σ 得分 " <span lang="en">"Σ points, Σ scores"</span></span>
                            </td>
                            <td class="num" data-label="分值 Points">{number(points)}</td>
                            <td class="num" data-label="得分 Score">{score2(score)}</td>
                            <td class="num" data-label="完成率 Achievement">
                                {if points > 0.0 { percent(score / points) } else { "—".to_owned() }}
                            </td>
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn IndicatorRow(item: EvaluationItem) -> impl IntoView {
    let indicator = item.indicator.clone();
    let direction = indicator.direction;
    let (rule_zh, rule_en) = formula(direction);
    let own = figures_text(direction, &indicator.unit, &item.self_figures);
    let final_text = figures_text(direction, &indicator.unit, final_figures(&item));
    let overridden = item.override_figures.is_some();
    let reason = item
        .override_reason
        .clone()
        .filter(|r| !r.trim().is_empty());
    let worked = item
        .final_score
        .and_then(|s| computation(&indicator, final_figures(&item), &s));
    let own_worked = item
        .self_score
        .filter(|_| overridden)
        .and_then(|s| computation(&indicator, &item.self_figures, &s));
    let flags = |score: Option<ItemScore>| score.is_some_and(|s| s.target_may_be_too_low);
    let too_low = flags(item.final_score);
    let key_work = item.key_work || indicator.origin == IndicatorOrigin::KeyWork;
    view! {
        <tr class:row-override=overridden>
            <th scope="row" class="wide">
                <span class="name-zh">{indicator.name_zh.clone()}</span> " "
                <span class="name-en" lang="en">{indicator.name_en.clone()}</span>
                <span class="report-unit muted">
                    " 单位 " <span lang="en">"unit"</span> {format!(": {}", indicator.unit)}
                </span>
                {key_work.then(|| view! {
                    <span class="tag origin-key_work">"重点工作 " <span lang="en">"Key work"</span></span>
                })}
                {indicator.unit_code.clone().map(|u| view! { <span class="muted">" · " <code>{u}</code></span> })}
            </th>
            <td class="span" data-label="方向与计分规则 Direction and rule">
                <strong>{direction.label_zh()} " " <span lang="en">{direction.label_en()}</span></strong>
                <span class="report-formula">{rule_zh}</span>
                <span class="report-formula" lang="en">{rule_en}</span>
            </td>
            <td data-label="目标值 Target">{target_text(&indicator)}</td>
            <td data-label="基期值 Baseline">{baseline_text(&indicator)}</td>
            <td data-label="部门自评 Department's figures">
                {own}
                {item.self_score.map(|s| view! {
                    <span class="report-sub muted">{format!("自评得分 {} ", score2(s.score))} <span lang="en">"self score"</span></span>
                })}
                {own_worked.map(|w| view! { <span class="report-sub muted">{w}</span> })}
            </td>
            <td data-label="最终采用 Final figures">
                {final_text}
                {if overridden {
                    view! {
                        <span class="tag tag-override">"财政复评调整 " <span lang="en">"Finance override"</span></span>
                        <span class="report-sub">
                            "理由 " <span lang="en">"Reason"</span> ": "
                            {reason.unwrap_or_else(|| "—".to_owned())}
                        </span>
                    }.into_any()
                } else {
                    view! { <span class="report-sub muted">"同部门自评 " <span lang="en">"as self-evaluated"</span></span> }.into_any()
                }}
            </td>
            <td class="num" data-label="分值 Points">{number(indicator.points)}</td>
            <td class="num" data-label="得分 Score">
                <strong>{item.final_score.map_or("—".to_owned(), |s| score2(s.score))}</strong>
                {worked.map(|w| view! { <span class="report-sub report-worked">{w}</span> })}
            </td>
            <td class="num" data-label="完成率 Achievement">
                {item.final_score.map_or("—".to_owned(), |s| percent(s.achievement))}
                {too_low.then(|| view! {
                    <span class="report-sub report-flag">"目标可能偏低 " <span lang="en">"Target may be set too low"</span></span>
                })}
            </td>
        </tr>
    }
}

/// Causes of deviation and evidence, for every indicator that has any (or needs a cause).
#[component]
pub fn CausesAndEvidence(items: Vec<EvaluationItem>) -> impl IntoView {
    let noted: Vec<EvaluationItem> = items
        .into_iter()
        .filter(|i| {
            i.needs_cause
                || i.cause.as_deref().is_some_and(|c| !c.trim().is_empty())
                || i.evidence.as_deref().is_some_and(|e| !e.trim().is_empty())
        })
        .collect();
    if noted.is_empty() {
        return view! {
            <p class="empty">"没有需要说明的偏差。 " <span lang="en">"No deviation to explain."</span></p>
        }
        .into_any();
    }
    let text = |t: Option<String>| t.filter(|t| !t.trim().is_empty());
    view! {
        <ul class="report-causes">
            {noted.into_iter().map(|item| {
                let cause = text(item.cause.clone());
                let missing = item.needs_cause && cause.is_none();
                view! {
                    <li>
                        <p class="report-cause-name">
                            <strong>{item.indicator.name_zh.clone()}</strong> " "
                            <span lang="en" class="name-en">{item.indicator.name_en.clone()}</span>
                        </p>
                        <dl class="report-cause-list">
                            <div>
                                <dt>"偏差原因 " <span lang="en">"Cause of deviation"</span></dt>
                                <dd>
                                    {match cause {
                                        Some(c) => view! { <span class="pre-line">{c}</span> }.into_any(),
                                        None if missing => view! { <span class="cause-needed"><strong>"未填写原因 "</strong><span lang="en">"No cause given"</span></span> }.into_any(),
                                        None => view! { <span class="muted">"—"</span> }.into_any(),
                                    }}
                                </dd>
                            </div>
                            <div>
                                <dt>"佐证材料 " <span lang="en">"Evidence"</span></dt>
                                <dd>{match text(item.evidence.clone()) {
                                    Some(e) => view! { <span class="pre-line">{e}</span> }.into_any(),
                                    None => view! { <span class="muted">"—"</span> }.into_any(),
                                }}</dd>
                            </div>
                        </dl>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::dto::sets::Indicator;
    use jixiao_domain::evaluation::Figures;
    use jixiao_domain::framework::{Accumulation, Direction};

    fn item(level2: Level2, points: f64, score: Option<f64>) -> EvaluationItem {
        EvaluationItem {
            indicator: Indicator {
                id: Some(1),
                library_id: None,
                origin: IndicatorOrigin::Individual,
                level2,
                name_zh: level2.as_str().into(),
                name_en: String::new(),
                unit: String::new(),
                direction: Direction::HigherBetter,
                accumulation: Accumulation::Level,
                target: Some(1.0),
                target_text: None,
                baseline: None,
                points,
                data_source: String::new(),
                elasticity: None,
                unit_code: None,
            },
            key_work: false,
            prefill: Figures::default(),
            self_figures: Figures::default(),
            cause: None,
            evidence: None,
            self_score: None,
            override_figures: None,
            override_reason: None,
            final_score: score.map(|score| ItemScore {
                score,
                achievement: score / points,
                target_may_be_too_low: false,
            }),
            needs_cause: false,
        }
    }

    #[test]
    fn items_group_in_framework_order() {
        let items = vec![
            item(Level2::Social, 30.0, Some(20.0)),
            item(Level2::ExecutionRate, 10.0, Some(9.5)),
            item(Level2::Quality, 25.0, Some(25.0)),
            item(Level2::Quantity, 25.0, None),
        ];
        let grouped = group_items(&items);
        let level1s: Vec<Level1> = grouped.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            level1s,
            [Level1::Output, Level1::Effect, Level1::BudgetExecution]
        );
        let output: Vec<Level2> = grouped[0].1.iter().map(|(l, _)| *l).collect();
        assert_eq!(output, [Level2::Quantity, Level2::Quality]);
        let (points, score, complete) = subtotal(grouped[0].1.iter().flat_map(|(_, i)| i));
        assert_eq!((points, score, complete), (50.0, 25.0, false));
    }

    #[test]
    fn an_override_is_what_counts() {
        let mut overridden = item(Level2::Quantity, 10.0, Some(5.0));
        overridden.self_figures.actual = Some(9.0);
        assert_eq!(final_figures(&overridden).actual, Some(9.0));
        overridden.override_figures = Some(Figures {
            actual: Some(5.0),
            ..Figures::default()
        });
        assert_eq!(final_figures(&overridden).actual, Some(5.0));
    }
}
