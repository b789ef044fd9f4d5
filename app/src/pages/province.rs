//! `/monitoring/:year?month=` "Province dashboard" (全省监控; finance, assessment): every
//! department's lamps at a month, counts per lamp, the lamps that turned red this month,
//! sorted and filtered, with the province's lamp distribution. Each department links to
//! its own monitoring page.

use jixiao_domain::dto::monitoring::{DepartmentLamps, ProvinceMonitor};
use jixiao_domain::lamps::Lamp;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::{self, ApiError};
use crate::components::charts::LampBars;
use crate::components::fetched::fetched;
use crate::components::guard::{access_error, WhenSessionKnown};
use crate::components::lamp::{count_of, lamp_rank, LampBadge, LAMP_ORDER};
use crate::locale::{is_zh, pick, t, t_string, td_string, use_i18n, Locale};
use crate::pages::monitoring::{monitoring_href, query_month, MonthPicker};

/// Link target of the province dashboard.
pub fn province_href(year: i32, month: Option<u8>) -> String {
    let month = month.map(|m| format!("?month={m}")).unwrap_or_default();
    format!("/monitoring/{year}{month}")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Lamp,
    Spending,
    Name,
}

/// The departments to show: those whose department lamp is `filter` (all if none), in
/// `sort` order (worst lamp first; lowest spending ratio first; by code).
pub fn arrange(
    departments: &[DepartmentLamps],
    sort: SortBy,
    filter: Option<Lamp>,
) -> Vec<DepartmentLamps> {
    let mut shown: Vec<DepartmentLamps> = departments
        .iter()
        .filter(|d| filter.is_none_or(|f| d.department_lamp == f))
        .cloned()
        .collect();
    match sort {
        SortBy::Lamp => shown.sort_by(|a, b| {
            lamp_rank(a.department_lamp)
                .cmp(&lamp_rank(b.department_lamp))
                .then(b.lamps.red.cmp(&a.lamps.red))
                .then(a.department.code.cmp(&b.department.code))
        }),
        SortBy::Spending => shown.sort_by(|a, b| {
            let ratio = |d: &DepartmentLamps| d.spending_ratio.unwrap_or(f64::INFINITY);
            ratio(a)
                .total_cmp(&ratio(b))
                .then(a.department.code.cmp(&b.department.code))
        }),
        SortBy::Name => shown.sort_by(|a, b| a.department.code.cmp(&b.department.code)),
    }
    shown
}

#[component]
pub fn ProvincePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, monitoring.province.title).to_string() />
        <div class="page">
            <WhenSessionKnown>
                <ProvinceLoader />
            </WhenSessionKnown>
        </div>
    }
}

#[component]
fn ProvinceLoader() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let year = move || {
        params
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
    };
    let month = move || query_month(query.read().get("month"));
    let province = LocalResource::new(move || {
        let (year, month) = (year(), month());
        async move {
            match year {
                Some(year) => api::monitoring::province(year, month).await,
                None => Err(ApiError::from_response(404, "")),
            }
        }
    });
    fetched(
        province,
        |province| view! { <ProvinceScreen province /> },
        access_error,
    )
}

#[component]
fn ProvinceScreen(province: ProvinceMonitor) -> impl IntoView {
    let ProvinceMonitor {
        year,
        month,
        departments,
        totals,
    } = province;
    let i18n = use_i18n();
    let sort = RwSignal::new(SortBy::Lamp);
    let filter = RwSignal::new(None::<Lamp>);
    let all = departments.clone();
    let rows = move || {
        let shown = arrange(&all, sort.get(), filter.get());
        if shown.is_empty() {
            return view! {
                <tr><td colspan="5" class="empty">{t!(i18n, monitoring.province.no_match)}</td></tr>
            }
            .into_any();
        }
        shown
            .into_iter()
            .map(|d| {
                let href = monitoring_href(&d.department.code, year, Some(month));
                let ratio = d
                    .spending_ratio
                    .map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0));
                let counts = LAMP_ORDER
                    .iter()
                    .map(|lamp| view! {
                        <li><LampBadge lamp=*lamp /> ": " <strong>{count_of(&d.lamps, *lamp)}</strong></li>
                    })
                    .collect_view();
                let (name_zh, name_en) =
                    (d.department.name_zh.clone(), d.department.name_en.clone());
                let new_red = if d.new_red.is_empty() {
                    view! { <span class="muted">"—"</span> }.into_any()
                } else {
                    view! {
                        <ul class="new-red-list">
                            {d.new_red.iter().cloned().map(|n| view! {
                                <li>{move || pick(&n.name_zh, &n.name_en).to_owned()}</li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                };
                view! {
                    <tr>
                        <th scope="row" class="wide">
                            <A href=href>
                                <span class="name-zh">{move || pick(&name_zh, &name_en).to_owned()}</span>
                            </A>
                            " " <code>{d.department.code.clone()}</code>
                        </th>
                        <td data-label=move || t_string!(i18n, monitoring.province.department_lamp)><LampBadge lamp=d.department_lamp /></td>
                        <td data-label=move || t_string!(i18n, monitoring.province.spending_lamp)>
                            <LampBadge lamp=d.spending_lamp />
                            <span class="ratio">{ratio}</span>
                        </td>
                        <td class="span" data-label=move || t_string!(i18n, monitoring.province.lamps)><ul class="lamp-counts">{counts}</ul></td>
                        <td class="span" data-label=move || t_string!(i18n, monitoring.province.new_red)>{new_red}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    let new_red: Vec<_> = departments
        .iter()
        .filter(|d| !d.new_red.is_empty())
        .cloned()
        .collect();
    let new_red_section = if new_red.is_empty() {
        view! { <p class="empty">{t!(i18n, monitoring.province.no_new_red)}</p> }.into_any()
    } else {
        view! {
            <ul class="new-red-departments">
                {new_red.into_iter().map(|d| {
                    let (name_zh, name_en) = (d.department.name_zh, d.department.name_en);
                    let names = d.new_red;
                    view! {
                        <li>
                            <A href=monitoring_href(&d.department.code, year, Some(month))>
                                {move || pick(&name_zh, &name_en).to_owned()}
                            </A>
                            ": "
                            {move || {
                                let zh = is_zh();
                                names
                                    .iter()
                                    .map(|n| if zh { n.name_zh.as_str() } else { n.name_en.as_str() })
                                    .collect::<Vec<_>>()
                                    .join(if zh { "、" } else { ", " })
                            }}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let href = Callback::new(move |m: u8| province_href(year, Some(m)));
    let total_lamps: usize = LAMP_ORDER.iter().map(|l| count_of(&totals, *l)).sum();
    let department_count = departments.len();
    view! {
        <header class="page-header">
            <h1>{t!(i18n, monitoring.province.title)}</h1>
            <p class="lead">
                {t!(i18n, monitoring.province.lead, year, month, departments = department_count, lamps = total_lamps)}
            </p>
        </header>
        <div class="monitor-toolbar">
            <MonthPicker id="province-month" month href />
        </div>
        <section class="panel" aria-labelledby="new-red-heading">
            <h2 id="new-red-heading">{t!(i18n, monitoring.province.new_red_heading)}</h2>
            {new_red_section}
        </section>
        <section class="panel" aria-labelledby="departments-heading">
            <h2 id="departments-heading">{t!(i18n, monitoring.province.departments)}</h2>
            <div class="filter-bar">
                <div class="field">
                    <label for="province-sort">{t!(i18n, monitoring.province.sort)}</label>
                    <select id="province-sort" name="province-sort" on:change=move |ev| {
                        sort.set(match event_target_value(&ev).as_str() {
                            "spending" => SortBy::Spending,
                            "name" => SortBy::Name,
                            _ => SortBy::Lamp,
                        });
                    }>
                        <option value="lamp">{t!(i18n, monitoring.province.sort_lamp)}</option>
                        <option value="spending">{t!(i18n, monitoring.province.sort_spending)}</option>
                        <option value="name">{t!(i18n, monitoring.province.sort_name)}</option>
                    </select>
                </div>
                <div class="field">
                    <label for="province-filter">{t!(i18n, monitoring.province.filter)}</label>
                    <select id="province-filter" name="province-filter" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filter.set(LAMP_ORDER.iter().copied().find(|l| l.as_str() == value));
                    }>
                        <option value="">{t!(i18n, common.all)}</option>
                        {LAMP_ORDER.iter().map(|l| {
                            let lamp = *l;
                            view! {
                                <option value=lamp.as_str()>{move || pick(lamp.label_zh(), lamp.label_en())}</option>
                            }
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="table-wrap mon-wrap">
                <table class="data-table mon-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, monitoring.province.department)}</th>
                            <th scope="col">{t!(i18n, monitoring.province.department_lamp)}</th>
                            <th scope="col">{t!(i18n, monitoring.province.spending)}</th>
                            <th scope="col">{t!(i18n, monitoring.province.lamps)}</th>
                            <th scope="col">{t!(i18n, monitoring.province.new_red)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
        <section class="panel" aria-labelledby="totals-heading">
            <h2 id="totals-heading">{t!(i18n, monitoring.province.totals)}</h2>
            <LampBars id="province-lamps".to_owned()
                caption_zh=td_string!(Locale::zh_CN, monitoring.province.totals_caption)
                caption_en=td_string!(Locale::en, monitoring.province.totals_caption)
                counts=totals />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::dto::auth::DepartmentRef;
    use jixiao_domain::dto::monitoring::LampCounts;

    fn dept(code: &str, lamp: Lamp, ratio: Option<f64>) -> DepartmentLamps {
        DepartmentLamps {
            department: DepartmentRef {
                id: 1,
                code: code.into(),
                name_zh: code.into(),
                name_en: code.into(),
            },
            spending_lamp: Lamp::Green,
            spending_ratio: ratio,
            department_lamp: lamp,
            lamps: LampCounts::of([lamp]),
            new_red: Vec::new(),
        }
    }

    #[test]
    fn sorts_and_filters() {
        let all = vec![
            dept("A", Lamp::Green, Some(0.9)),
            dept("B", Lamp::Red, Some(1.0)),
            dept("C", Lamp::Yellow, Some(0.5)),
        ];
        let codes =
            |v: Vec<DepartmentLamps>| v.into_iter().map(|d| d.department.code).collect::<Vec<_>>();
        assert_eq!(codes(arrange(&all, SortBy::Lamp, None)), ["B", "C", "A"]);
        assert_eq!(
            codes(arrange(&all, SortBy::Spending, None)),
            ["C", "A", "B"]
        );
        assert_eq!(codes(arrange(&all, SortBy::Name, Some(Lamp::Red))), ["B"]);
    }
}
