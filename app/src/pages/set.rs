//! `/departments/:code/sets/:year`: a department's indicator set for a year, read-only,
//! grouped by level-1 and level-2 indicator.

use jixiao_domain::dto::sets::{Indicator, IndicatorSet};
use jixiao_domain::framework::{IndicatorOrigin, Level1, Level2};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::endpoints;
use crate::components::department_card::department_href;
use crate::components::fetched::fetched;
use crate::components::guard::{access_error, WhenSessionKnown};
use crate::components::status::SetStatusBadge;
use crate::format::number;

/// Link target of a department's set for a year.
pub fn set_href(code: &str, year: i32) -> String {
    format!("{}/sets/{year}", department_href(code))
}

#[component]
pub fn SetPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    view! {
        <div class="page">
            <nav class="breadcrumb" aria-label="Breadcrumb">
                <A href=move || department_href(&code()) exact=true>
                    "← 部门 " <span lang="en">"Department"</span>
                </A>
            </nav>
            <WhenSessionKnown>
                <SetLoader />
            </WhenSessionKnown>
        </div>
    }
}

#[component]
fn SetLoader() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let year = move || params.read().get("year").unwrap_or_default();
    let set = LocalResource::new(move || {
        let (code, year) = (code(), year());
        async move { endpoints::indicator_set(&code, &year).await }
    });
    fetched(
        set,
        |set| view! { <SetView set /> },
        move |error| {
            access_error(error).or_else(|| {
                error
                    .is_not_found()
                    .then(|| view! { <SetNotFound code=code() year=year() /> }.into_any())
            })
        },
    )
}

#[component]
fn SetNotFound(code: String, year: String) -> impl IntoView {
    view! {
        <Title text="未找到指标体系 Indicator set not found" />
        <h1>"未找到指标体系 " <span class="h1-en" lang="en">"Indicator set not found"</span></h1>
        <p>
            {format!("部门 {code} 没有 {year} 年度的指标体系。 ")}
            <span lang="en">{format!("Department {code} has no indicator set for {year}.")}</span>
        </p>
    }
}

/// Sum of points, shown like the other figures.
fn points(indicators: &[Indicator]) -> String {
    number(indicators.iter().map(|i| i.points).sum())
}

/// The indicators of `indicators` that `keep` selects, in their order.
fn select(indicators: &[Indicator], keep: impl Fn(&Indicator) -> bool) -> Vec<Indicator> {
    indicators.iter().filter(|i| keep(i)).cloned().collect()
}

#[component]
fn SetView(set: IndicatorSet) -> impl IntoView {
    let IndicatorSet {
        department,
        year,
        status,
        version,
        review_comment,
        indicators,
        ..
    } = set;
    let total = points(&indicators);
    let groups = Level1::ALL
        .iter()
        .filter_map(|level1| {
            let members = select(&indicators, |i| i.level2.level1() == *level1);
            (!members.is_empty()).then(|| view! { <Level1Group level1=*level1 members /> })
        })
        .collect_view();
    view! {
        <Title text=format!("{} {year} 指标体系", department.name_zh) />
        <header class="page-header">
            <h1>
                <span class="h1-zh">{format!("{} {year} 年度绩效指标", department.name_zh)}</span>
                <span class="h1-en" lang="en">
                    {format!("{} — FY{year} performance indicators", department.name_en)}
                </span>
            </h1>
            <p class="set-meta">
                <SetStatusBadge status />
                <span>{format!("第 {version} 版 ")} <span lang="en">{format!("Version {version}")}</span></span>
                <span>"总分 " <span lang="en">"Total points"</span> " " <strong>{total.clone()}</strong></span>
            </p>
            {review_comment.map(|comment| view! {
                <p class="notice">
                    "审核意见 " <span lang="en">"Review comment"</span> ": " {comment}
                </p>
            })}
        </header>
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
            <td class="num">{target}</td>
            <td class="num">{baseline.map(number).unwrap_or_else(|| "—".to_owned())}</td>
            <td class="num">{number(points)}</td>
        </tr>
    }
}
