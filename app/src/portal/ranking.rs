//! The departments ranked, with a sector filter and a name search that live in the address
//! (`?sector=health&q=交通`), so a filtered list is a link to share.

use jixiao_domain::dto::public::PublicStanding;
use jixiao_domain::framework::Sector;
use leptos::prelude::*;

use super::logic::{department_href, overview_href, Filter};
use super::numbers::{adjustment, fixed};
use super::overview::budget_change;
use super::parts::{CellLabel, GradeText};

#[component]
pub fn Ranking(
    year: i32,
    departments: Vec<PublicStanding>,
    filter: Memo<Filter>,
    set_filter: Callback<(Filter, bool)>,
) -> impl IntoView {
    let total = departments.len();
    // The sectors that occur, in the framework's order.
    let sectors: Vec<Sector> = Sector::ALL
        .iter()
        .copied()
        .filter(|s| departments.iter().any(|d| d.sector == *s))
        .collect();
    let departments = StoredValue::new(departments);
    let kept = Memo::new(move |_| {
        let filter = filter.get();
        departments.with_value(|all| {
            all.iter()
                .filter(|d| filter.keeps(d))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let on_sector = move |ev: leptos::ev::Event| {
        let mut next = filter.get_untracked();
        next.sector = event_target_value(&ev).parse().ok();
        set_filter.run((next, false));
    };
    let on_search = move |ev: leptos::ev::Event| {
        let mut next = filter.get_untracked();
        next.search = event_target_value(&ev);
        set_filter.run((next, true));
    };
    let rows = move || {
        kept.get()
            .into_iter()
            .map(|d| view! { <Row year standing=d /> })
            .collect_view()
    };
    let shown = move || kept.with(Vec::len);
    view! {
        <section class="panel" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">"部门排名 " <span lang="en">"Departments ranked"</span></h2>
            <form class="filters" role="search" aria-label="筛选部门 Filter departments"
                on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="sector-filter">"领域 " <span lang="en">"Sector"</span></label>
                    <select id="sector-filter" name="sector" on:change=on_sector
                        prop:value=move || filter.with(|f| f.sector.map_or("", |s| s.as_str()))>
                        <option value="" selected=move || filter.with(|f| f.sector.is_none())>
                            "全部领域 All sectors"
                        </option>
                        {sectors.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=move || filter.with(|f| f.sector == Some(s))>
                                {format!("{} {}", s.label_zh(), s.label_en())}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="department-search">"搜索部门 " <span lang="en">"Search departments"</span></label>
                    <input id="department-search" name="q" type="search" autocomplete="off"
                        placeholder="名称 Name"
                        prop:value=move || filter.with(|f| f.search.clone())
                        on:input=on_search />
                </div>
            </form>
            <p class="count" role="status">
                {move || format!("显示 {} / {total} 个部门 ", shown())}
                <span lang="en">{move || format!("Showing {} of {total} departments", shown())}</span>
            </p>
            {move || (shown() == 0).then(|| view! {
                <p class="empty">"没有符合条件的部门。 " <span lang="en">"No department matches."</span></p>
            })}
            {move || filter.with(Filter::is_active).then(|| view! {
                <p>
                    <a class="button" href=overview_href(year, &Filter::default())>
                        "清除筛选 " <span lang="en">"Clear filters"</span>
                    </a>
                </p>
            })}
            <div class="table-wrap" class:hidden=move || shown() == 0>
                <table class="ranking stack">
                    <caption class="visually-hidden">
                        {format!("{year} 年度部门排名 Departments ranked by total score, {year}")}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">"名次 " <span lang="en">"Rank"</span></th>
                            <th scope="col">"部门 " <span lang="en">"Department"</span></th>
                            <th scope="col">"总分 · 等级 " <span lang="en">"Score · grade"</span></th>
                            <th scope="col">"下年项目预算 " <span lang="en">"Next year's project budget"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn Row(year: i32, standing: PublicStanding) -> impl IntoView {
    let d = standing.department;
    let result = standing.result;
    view! {
        <tr>
            <td class="num rank">{standing.rank}</td>
            <th scope="row" class="department">
                <a class="department-link" href=department_href(year, &d.code)>
                    <span class="name-zh">{d.name_zh}</span>
                    " "
                    <span class="name-en" lang="en">{d.name_en}</span>
                </a>
                <span class="sector">
                    {standing.sector.label_zh()} " " <span lang="en">{standing.sector.label_en()}</span>
                </span>
            </th>
            <td>
                <CellLabel zh="总分 · 等级" en="Score · grade" />
                <span class="total">{fixed(standing.total, 2)}</span>
                " "
                <GradeText grade=standing.grade />
                {result.prize.then(|| view! {
                    <span class="tag">"获奖 " <span lang="en">"Prize"</span></span>
                })}
            </td>
            <td>
                <CellLabel zh="下年项目预算" en="Next year" />
                <span class="adjustment">{adjustment(result.adjustment_bp)}</span>
                " "
                <span class="change">{budget_change(result.next_year_fen - result.project_base_fen)}</span>
            </td>
        </tr>
    }
}
