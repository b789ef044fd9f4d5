//! The departments ranked, with a sector filter and a name search that live in the address
//! (`?sector=health&q=交通`), so a filtered list is a link to share.

use jixiao_domain::dto::public::PublicStanding;
use jixiao_domain::framework::Sector;
use leptos::prelude::*;

use super::logic::{department_href, overview_href, Filter};
use super::numbers::{adjustment, fixed};
use super::overview::budget_change;
use super::parts::{CellLabel, GradeText};
use crate::locale::{current, pick, t, t_string, use_i18n};

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
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t!(i18n, portal.ranking.heading)}</h2>
            <form class="filters" role="search" aria-label=move || t_string!(i18n, portal.ranking.filters)
                on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="sector-filter">{t!(i18n, portal.ranking.sector)}</label>
                    <select id="sector-filter" name="sector" on:change=on_sector
                        prop:value=move || filter.with(|f| f.sector.map_or("", |s| s.as_str()))>
                        <option value="" selected=move || filter.with(|f| f.sector.is_none())>
                            {t!(i18n, portal.ranking.all_sectors)}
                        </option>
                        {sectors.into_iter().map(|s| view! {
                            <option value=s.as_str() selected=move || filter.with(|f| f.sector == Some(s))>
                                {move || pick(s.label_zh(), s.label_en())}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="department-search">{t!(i18n, portal.ranking.search)}</label>
                    <input id="department-search" name="q" type="search" autocomplete="off"
                        placeholder=move || t_string!(i18n, portal.ranking.search_placeholder)
                        prop:value=move || filter.with(|f| f.search.clone())
                        on:input=on_search />
                </div>
            </form>
            <p class="count" role="status">
                {t!(i18n, portal.ranking.showing, shown = move || shown(), total)}
            </p>
            {move || (shown() == 0).then(|| view! {
                <p class="empty">{t!(i18n, portal.ranking.empty)}</p>
            })}
            {move || filter.with(Filter::is_active).then(|| view! {
                <p>
                    <a class="button" href=overview_href(year, &Filter::default())>
                        {t!(i18n, portal.ranking.clear)}
                    </a>
                </p>
            })}
            <div class="table-wrap" class:hidden=move || shown() == 0>
                <table class="ranking stack">
                    <caption class="visually-hidden">
                        {t!(i18n, portal.ranking.caption, year)}
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col" class="num">{t!(i18n, portal.ranking.rank)}</th>
                            <th scope="col">{t!(i18n, portal.ranking.department)}</th>
                            <th scope="col">{t!(i18n, portal.ranking.score_grade)}</th>
                            <th scope="col">{t!(i18n, portal.ranking.next_year)}</th>
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
    let sector = standing.sector;
    let change = result.next_year_fen - result.project_base_fen;
    let i18n = use_i18n();
    view! {
        <tr>
            <td class="num rank">{standing.rank}</td>
            <th scope="row" class="department">
                <a class="department-link" href=department_href(year, &d.code)>
                    <span class="name">{move || pick(&d.name_zh, &d.name_en).to_owned()}</span>
                </a>
                <span class="sector">{move || pick(sector.label_zh(), sector.label_en())}</span>
            </th>
            <td>
                <CellLabel zh="总分 · 等级" en="Score · grade" />
                <span class="total">{fixed(standing.total, 2)}</span>
                " "
                <GradeText grade=standing.grade />
                {result.prize.then(|| view! {
                    <span class="tag">{t!(i18n, portal.ranking.prize)}</span>
                })}
            </td>
            <td>
                <CellLabel zh="下年项目预算" en="Next year" />
                <span class="adjustment">{adjustment(result.adjustment_bp)}</span>
                " "
                <span class="change">{move || budget_change(change, current())}</span>
            </td>
        </tr>
    }
}
