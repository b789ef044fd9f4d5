//! The read-only indicator table, grouped by level-1 and level-2 indicator: what everyone
//! who may read the set sees when they may not edit it.

use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::framework::{IndicatorOrigin, Level1, Level2};
use leptos::prelude::*;

use crate::format::number;

/// Sum of points, shown like the other figures.
pub fn points(indicators: &[Indicator]) -> String {
    number(indicators.iter().map(|i| i.points).sum())
}

/// The indicators of `indicators` that `keep` selects, in their order.
fn select(indicators: &[Indicator], keep: impl Fn(&Indicator) -> bool) -> Vec<Indicator> {
    indicators.iter().filter(|i| keep(i)).cloned().collect()
}

#[component]
pub fn IndicatorTable(indicators: Vec<Indicator>) -> impl IntoView {
    let total = points(&indicators);
    let groups = Level1::ALL
        .iter()
        .filter_map(|level1| {
            let members = select(&indicators, |i| i.level2.level1() == *level1);
            (!members.is_empty()).then(|| view! { <Level1Group level1=*level1 members /> })
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">"指标 " <span lang="en">"Indicators"</span></h2>
            <div class="table-wrap" role="region" aria-labelledby="indicators-heading" tabindex="0">
                <table class="data-table set-table">
                    <thead>
                        <tr>
                            <th scope="col">"指标 " <span lang="en">"Indicator"</span></th>
                            <th scope="col">"单位 " <span lang="en">"Unit"</span></th>
                            <th scope="col">"方向 " <span lang="en">"Direction"</span></th>
                            <th scope="col" class="num">"目标值 " <span lang="en">"Target"</span></th>
                            <th scope="col" class="num">"基期值 " <span lang="en">"Baseline"</span></th>
                            <th scope="col" class="num">"分值 " <span lang="en">"Points"</span></th>
                        </tr>
                    </thead>
                    {groups}
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">"合计 " <span lang="en">"Total"</span></th>
                            <td class="num"><strong>{total}</strong></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Level1Group(level1: Level1, members: Vec<Indicator>) -> impl IntoView {
    let subtotal = points(&members);
    let rows = Level2::ALL
        .iter()
        .filter(|level2| level2.level1() == level1)
        .filter_map(|level2| {
            let in_level2 = select(&members, |i| i.level2 == *level2);
            (!in_level2.is_empty()).then(|| {
                view! {
                    <tr class="group-2">
                        <th scope="rowgroup" colspan="6">
                            {level2.label_zh()} " " <span lang="en">{level2.label_en()}</span>
                        </th>
                    </tr>
                    {in_level2.into_iter().map(|i| view! { <IndicatorRow indicator=i /> }).collect_view()}
                }
            })
        })
        .collect_view();
    view! {
        <tbody>
            <tr class="group-1">
                <th scope="rowgroup" colspan="5">
                    {level1.label_zh()} " " <span lang="en">{level1.label_en()}</span>
                </th>
                <td class="num">{subtotal}</td>
            </tr>
            {rows}
        </tbody>
    }
}

#[component]
fn IndicatorRow(indicator: Indicator) -> impl IntoView {
    let Indicator {
        origin,
        name_zh,
        name_en,
        unit,
        direction,
        target,
        target_text,
        baseline,
        points,
        ..
    } = indicator;
    // A qualitative target is a sentence: it wraps instead of lining up as a figure.
    let target_class = if target.is_some() {
        "num"
    } else {
        "target-text"
    };
    let target = target
        .map(number)
        .or(target_text)
        .unwrap_or_else(|| "—".to_owned());
    let origin_tag = (origin != IndicatorOrigin::Individual).then(|| {
        view! {
            <span class=format!("tag origin-{}", origin.as_str())>
                {origin.label_zh()} " " <span lang="en">{origin.label_en()}</span>
            </span>
        }
    });
    view! {
        <tr>
            <th scope="row" class="indicator-name">
                <span class="name-zh">{name_zh}</span>
                <span class="name-en" lang="en">{name_en}</span>
                {origin_tag}
            </th>
            <td>{unit}</td>
            <td>{direction.label_zh()} " " <span lang="en">{direction.label_en()}</span></td>
            <td class=target_class>{target}</td>
            <td class="num">{baseline.map(number).unwrap_or_else(|| "—".to_owned())}</td>
            <td class="num">{number(points)}</td>
        </tr>
    }
}
