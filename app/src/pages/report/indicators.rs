//! The report's indicator tables: one per level-1 indicator, its level-2 groups as row
//! groups, each row tracing its score to the rule, the target and the figures that count.

use jixiao_domain::dto::evaluation::{EvaluationItem, ItemScore};
use jixiao_domain::framework::{IndicatorOrigin, Level1, Level2};
use leptos::prelude::*;

use super::figures::{
    baseline_text, computation, figures_text, formula, percent, score2, target_text,
};
use crate::format::number;
use crate::locale::{pick, t, t_string, use_i18n};
use crate::pages::evaluation::name_in;

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
    let i18n = use_i18n();
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
                            {move || pick(level2.label_zh(), level2.label_en())}
                        </th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    let (labelled_by, region_labelled_by) = (heading.clone(), heading.clone());
    let subtotal_text = move || {
        let (points, score) = (number(points), score2(score));
        format!(
            " · {}",
            t_string!(i18n, evaluation.report.subtotal_of, points, score)
        )
    };
    view! {
        <section class="report-level1" aria-labelledby=labelled_by>
            <h3 id=heading>
                {move || pick(level1.label_zh(), level1.label_en())}
                <span class="report-subtotal">
                    {subtotal_text}
                    {(!complete).then(|| view! { " " <span class="muted">{t!(i18n, evaluation.report.incomplete)}</span> })}
                </span>
            </h3>
            <div class="table-wrap mon-wrap report-wrap" role="region" aria-labelledby=region_labelled_by tabindex="0">
                <table class="data-table mon-table report-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, evaluation.report.col_indicator)}</th>
                            <th scope="col">{t!(i18n, evaluation.report.col_rule)}</th>
                            <th scope="col">{t!(i18n, evaluation.report.col_target)}</th>
                            <th scope="col">{t!(i18n, evaluation.report.col_baseline)}</th>
                            <th scope="col">{t!(i18n, evaluation.report.col_department)}</th>
                            <th scope="col">{t!(i18n, evaluation.report.col_final)}</th>
                            <th scope="col" class="num">{t!(i18n, evaluation.report.col_points)}</th>
                            <th scope="col" class="num">{t!(i18n, evaluation.report.col_score)}</th>
                            <th scope="col" class="num">{t!(i18n, evaluation.report.col_achievement)}</th>
                        </tr>
                    </thead>
                    {bodies}
                    <tbody>
                        <tr class="total-row">
                            <th scope="row">{t!(i18n, evaluation.report.subtotal)}</th>
                            <td class="span" colspan="5" data-label=move || t_string!(i18n, evaluation.report.note)>
                                <span class="muted">{t!(i18n, evaluation.report.sums)}</span>
                            </td>
                            <td class="num" data-label=move || t_string!(i18n, evaluation.report.col_points)>{number(points)}</td>
                            <td class="num" data-label=move || t_string!(i18n, evaluation.report.col_score)>{score2(score)}</td>
                            <td class="num" data-label=move || t_string!(i18n, evaluation.report.col_achievement)>
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
    let i18n = use_i18n();
    let locale = move || i18n.get_locale();
    let indicator = item.indicator.clone();
    let direction = indicator.direction;
    let name = {
        let (zh, en) = (indicator.name_zh.clone(), indicator.name_en.clone());
        move || name_in(locale(), &zh, &en).to_owned()
    };
    let unit = indicator.unit.clone();
    let own = {
        let (unit, figures) = (unit.clone(), item.self_figures.clone());
        move || figures_text(direction, &unit, &figures, locale())
    };
    let final_text = {
        let (unit, figures) = (unit.clone(), final_figures(&item).clone());
        move || figures_text(direction, &unit, &figures, locale())
    };
    let overridden = item.override_figures.is_some();
    let reason = item
        .override_reason
        .clone()
        .filter(|r| !r.trim().is_empty())
        .unwrap_or_else(|| "—".to_owned());
    let worked = item.final_score.map(|s| {
        let (indicator, figures) = (indicator.clone(), final_figures(&item).clone());
        move || computation(&indicator, &figures, &s, locale())
    });
    let own_worked = item.self_score.filter(|_| overridden).map(|s| {
        let (indicator, figures) = (indicator.clone(), item.self_figures.clone());
        move || computation(&indicator, &figures, &s, locale())
    });
    let flags = |score: Option<ItemScore>| score.is_some_and(|s| s.target_may_be_too_low);
    let too_low = flags(item.final_score);
    let key_work = item.key_work || indicator.origin == IndicatorOrigin::KeyWork;
    view! {
        <tr class:row-override=overridden>
            <th scope="row" class="wide">
                <span class="name-zh">{name}</span>
                <span class="report-unit muted">
                    " " {move || t_string!(i18n, evaluation.report.unit, unit = jixiao_domain::names::unit_in(&unit, locale() == crate::locale::Locale::zh_CN)).to_string()}
                </span>
                {key_work.then(|| view! {
                    <span class="tag origin-key_work">{t!(i18n, evaluation.report.key_work)}</span>
                })}
                {indicator.unit_code.clone().map(|u| view! { <span class="muted">" · " <code>{u}</code></span> })}
            </th>
            <td class="span" data-label=move || t_string!(i18n, evaluation.report.col_rule)>
                <strong>{move || pick(direction.label_zh(), direction.label_en())}</strong>
                <span class="report-formula">{move || formula(direction, locale())}</span>
            </td>
            <td data-label=move || t_string!(i18n, evaluation.report.col_target)>{
                let indicator = indicator.clone();
                move || target_text(&indicator, locale())
            }</td>
            <td data-label=move || t_string!(i18n, evaluation.report.col_baseline)>{
                let indicator = indicator.clone();
                move || baseline_text(&indicator, locale())
            }</td>
            <td data-label=move || t_string!(i18n, evaluation.report.col_department)>
                {own}
                {item.self_score.map(|s| {
                    let score = score2(s.score);
                    view! {
                        <span class="report-sub muted">
                            {move || t_string!(i18n, evaluation.report.self_score, score = score.clone()).to_string()}
                        </span>
                    }
                })}
                {own_worked.map(|w| view! { <span class="report-sub muted">{w}</span> })}
            </td>
            <td data-label=move || t_string!(i18n, evaluation.report.col_final)>
                {final_text}
                {if overridden {
                    view! {
                        <span class="tag tag-override">{t!(i18n, evaluation.report.finance_override)}</span>
                        <span class="report-sub">
                            {move || t_string!(i18n, evaluation.report.reason, reason = reason.clone()).to_string()}
                        </span>
                    }.into_any()
                } else {
                    view! { <span class="report-sub muted">{t!(i18n, evaluation.report.as_self_evaluated)}</span> }.into_any()
                }}
            </td>
            <td class="num" data-label=move || t_string!(i18n, evaluation.report.col_points)>{number(indicator.points)}</td>
            <td class="num" data-label=move || t_string!(i18n, evaluation.report.col_score)>
                <strong>{item.final_score.map_or("—".to_owned(), |s| score2(s.score))}</strong>
                {worked.map(|w| view! { <span class="report-sub report-worked">{w}</span> })}
            </td>
            <td class="num" data-label=move || t_string!(i18n, evaluation.report.col_achievement)>
                {item.final_score.map_or("—".to_owned(), |s| percent(s.achievement))}
                {too_low.then(|| view! {
                    <span class="report-sub report-flag">{t!(i18n, evaluation.report.target_too_low)}</span>
                })}
            </td>
        </tr>
    }
}

/// Causes of deviation and evidence, for every indicator that has any (or needs a cause).
#[component]
pub fn CausesAndEvidence(items: Vec<EvaluationItem>) -> impl IntoView {
    let i18n = use_i18n();
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
            <p class="empty">{t!(i18n, evaluation.report.no_deviation)}</p>
        }
        .into_any();
    }
    let text = |t: Option<String>| t.filter(|t| !t.trim().is_empty());
    view! {
        <ul class="report-causes">
            {noted.into_iter().map(|item| {
                let cause = text(item.cause.clone());
                let missing = item.needs_cause && cause.is_none();
                let (zh, en) = (item.indicator.name_zh.clone(), item.indicator.name_en.clone());
                view! {
                    <li>
                        <p class="report-cause-name">
                            <strong>{move || name_in(i18n.get_locale(), &zh, &en).to_owned()}</strong>
                        </p>
                        <dl class="report-cause-list">
                            <div>
                                <dt>{t!(i18n, evaluation.report.cause)}</dt>
                                <dd>
                                    {match cause {
                                        Some(c) => view! { <span class="pre-line">{c}</span> }.into_any(),
                                        None if missing => view! { <span class="cause-needed"><strong>{t!(i18n, evaluation.report.no_cause)}</strong></span> }.into_any(),
                                        None => view! { <span class="muted">"—"</span> }.into_any(),
                                    }}
                                </dd>
                            </div>
                            <div>
                                <dt>{t!(i18n, evaluation.report.evidence)}</dt>
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
