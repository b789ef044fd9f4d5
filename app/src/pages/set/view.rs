//! The read-only indicator table, grouped by level-1 and level-2 indicator: what everyone
//! who may read the set sees when they may not edit it.

use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::framework::{IndicatorOrigin, Level1, Level2};
use leptos::prelude::*;

use crate::components::set_editor::model::{field_label, name_in};
use crate::format::number;
use crate::locale::{current, part, pick, t, use_i18n};

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
    let i18n = use_i18n();
    let label = move |field: &'static str| move || field_label(field, i18n.get_locale());
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
            <h2 id="indicators-heading">{t!(i18n, sets.table.heading)}</h2>
            <div class="table-wrap" role="region" aria-labelledby="indicators-heading" tabindex="0">
                <table class="data-table set-table">
                    <thead>
                        <tr>
                            <th scope="col">{label("")}</th>
                            <th scope="col">{label("unit")}</th>
                            <th scope="col">{label("direction")}</th>
                            <th scope="col" class="num">{label("target")}</th>
                            <th scope="col" class="num">{label("baseline")}</th>
                            <th scope="col" class="num">{label("points")}</th>
                        </tr>
                    </thead>
                    {groups}
                    <tfoot>
                        <tr>
                            <th scope="row" colspan="5">{t!(i18n, sets.table.total)}</th>
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
                            {move || pick(level2.label_zh(), level2.label_en())}
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
                    {move || pick(level1.label_zh(), level1.label_en())}
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
    let target = move || {
        target
            .map(number)
            .or_else(|| target_text.as_deref().map(part))
            .unwrap_or_else(|| "—".to_owned())
    };
    let origin_tag = (origin != IndicatorOrigin::Individual).then(|| {
        view! {
            <span class=format!("tag origin-{}", origin.as_str())>
                {move || pick(origin.label_zh(), origin.label_en())}
            </span>
        }
    });
    view! {
        <tr>
            <th scope="row" class="indicator-name">
                <span class="name-zh">{move || name_in(current(), &name_zh, &name_en).to_owned()}</span>
                {origin_tag}
            </th>
            <td>{move || crate::locale::unit(&unit)}</td>
            <td>{move || pick(direction.label_zh(), direction.label_en())}</td>
            <td class=target_class>{target}</td>
            <td class="num">{baseline.map(number).unwrap_or_else(|| "—".to_owned())}</td>
            <td class="num">{number(points)}</td>
        </tr>
    }
}
