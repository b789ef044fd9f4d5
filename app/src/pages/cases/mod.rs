//! `/cases?year=&department=&status=` "Accountability cases" (问责案件): the cases opened by a
//! grade Poor or by ineffective spending, with their evidence, filtered by the address (so a
//! filtered list is a link to share). Finance moves each case on — owner, status,
//! resolution — in place; department users see their own department's cases only.

mod card;
mod form;

pub use card::CaseCard;

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::evaluation::CaseStatus;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{self, endpoints, query_string};
use crate::auth::use_auth;
use crate::components::fetched::fetched;
use crate::components::guard::{access_error, RequireLogin};
use crate::locale::{pick, t, t_string, use_i18n};

/// The filters of the case list, as the address holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFilter {
    pub year: Option<i32>,
    pub department: Option<String>,
    pub status: Option<CaseStatus>,
}

impl CaseFilter {
    /// From the query's `year`, `department` and `status`; values that are not valid are
    /// dropped (a blank or unknown filter shows everything).
    pub fn from_query(
        year: Option<String>,
        department: Option<String>,
        status: Option<String>,
    ) -> Self {
        let text = |t: Option<String>| t.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        Self {
            year: text(year).and_then(|y| y.parse().ok()),
            department: text(department),
            status: text(status).and_then(|s| s.parse().ok()),
        }
    }

    /// The page's address for these filters: `/cases?year=2025&department=EDU`.
    pub fn href(&self) -> String {
        cases_href(
            self.year,
            self.department.as_deref(),
            self.status.map(|s| s.as_str()),
        )
    }
}

/// `/cases` with the filters given.
pub fn cases_href(year: Option<i32>, department: Option<&str>, status: Option<&str>) -> String {
    let query = query_string([
        ("year", year.map(|y| y.to_string())),
        ("department", department.map(str::to_owned)),
        ("status", status.map(str::to_owned)),
    ]);
    format!("/cases{query}")
}

#[component]
pub fn CasesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, results.cases.title).to_owned() />
        <div class="page">
            <header class="page-header">
                <h1>{t!(i18n, results.cases.title)}</h1>
                <p class="lead">{t!(i18n, results.cases.lead)}</p>
            </header>
            <RequireLogin>
                <CasesScreen />
            </RequireLogin>
        </div>
    }
}

#[component]
fn CasesScreen() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        query.with(|q| CaseFilter::from_query(q.get("year"), q.get("department"), q.get("status")))
    });
    let cases = LocalResource::new(move || {
        let f = filter.get();
        async move {
            api::evaluation::cases(
                f.year,
                f.department,
                f.status.map(|s| s.as_str().to_owned()),
            )
            .await
        }
    });
    let manage = Memo::new(move |_| auth.can(Capability::ManageCases));
    view! {
        <CaseFilters filter />
        <section class="panel" aria-labelledby="cases-heading">
            <h2 id="cases-heading">{t!(i18n, results.cases.heading)}</h2>
            {fetched(
                cases,
                move |list| {
                    let n = list.cases.len();
                    if n == 0 {
                        return view! {
                            <p class="empty">{t!(i18n, results.cases.none)}</p>
                        }
                        .into_any();
                    }
                    let manage = manage.get_untracked();
                    let open = list.cases.iter().filter(|c| c.status != CaseStatus::Closed).count();
                    view! {
                        <p class="result-count">
                            {move || t_string!(i18n, results.cases.count, n = n, open = open)}
                        </p>
                        <ul class="case-list">
                            {list.cases.into_iter().map(|case| view! {
                                <li><CaseCard case manage /></li>
                            }).collect_view()}
                        </ul>
                    }
                    .into_any()
                },
                move |error| {
                    access_error(error).or_else(|| {
                        error.is_not_found().then(|| {
                            view! {
                                <p class="empty">{t!(i18n, results.cases.not_found)}</p>
                                <p><A href="/cases">{t!(i18n, results.cases.clear)}</A></p>
                            }
                            .into_any()
                        })
                    })
                },
            )}
        </section>
    }
}

/// The filters: each change moves the page to its new address.
#[component]
fn CaseFilters(filter: Memo<CaseFilter>) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let go = move |next: CaseFilter| navigate(&next.href(), Default::default());
    let years = LocalResource::new(api::years::list);
    let all_departments = Memo::new(move |_| auth.can(Capability::ReadAllDepartments));
    let year_options = move || {
        let chosen = filter.with(|f| f.year);
        let mut numbers: Vec<i32> = years
            .get()
            .and_then(Result::ok)
            .map(|list| {
                list.years
                    .into_iter()
                    .filter(|y| matches!(y.phase, Phase::Evaluation | Phase::Closed))
                    .map(|y| y.year)
                    .collect()
            })
            .unwrap_or_default();
        if let Some(y) = chosen.filter(|y| !numbers.contains(y)) {
            numbers.push(y);
        }
        numbers.sort_unstable_by(|a, b| b.cmp(a));
        numbers
            .into_iter()
            .map(|y| view! { <option value=y.to_string() selected=chosen == Some(y)>{move || t_string!(i18n, results.fiscal_year, year = y)}</option> })
            .collect_view()
    };
    let go_year = go.clone();
    let go_department = go.clone();
    let department_filter = move || {
        all_departments.get().then(|| {
            let departments = LocalResource::new(endpoints::departments);
            let go = go_department.clone();
            let options = move || {
                let chosen = filter.with(|f| f.department.clone());
                departments
                    .get()
                    .and_then(Result::ok)
                    .map(|list| {
                        list.departments
                            .into_iter()
                            .map(|d| {
                                let selected = chosen.as_deref() == Some(d.code.as_str());
                                let code = d.code.clone();
                                let name = move || format!("{} ({code})", pick(&d.name_zh, &d.name_en));
                                view! {
                                    <option value=d.code.clone() selected=selected>{name}</option>
                                }
                            })
                            .collect_view()
                    })
            };
            view! {
                <div class="field">
                    <label for="case-filter-department">{t!(i18n, common.department)}</label>
                    <select id="case-filter-department" name="department" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        let mut next = filter.get_untracked();
                        next.department = (!value.is_empty()).then_some(value);
                        go(next);
                    }>
                        <option value="" selected=move || filter.with(|f| f.department.is_none())>{t!(i18n, results.cases.all_departments)}</option>
                        {options}
                    </select>
                </div>
            }
        })
    };
    view! {
        <form class="filter-bar case-filters" role="search"
            aria-label=move || t_string!(i18n, results.cases.filter_label)
            on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="case-filter-year">{t!(i18n, common.year)}</label>
                <select id="case-filter-year" name="year" on:change=move |ev| {
                    let mut next = filter.get_untracked();
                    next.year = event_target_value(&ev).parse().ok();
                    go_year(next);
                }>
                    <option value="" selected=move || filter.with(|f| f.year.is_none())>{t!(i18n, results.cases.all_years)}</option>
                    {year_options}
                </select>
            </div>
            {department_filter}
            <div class="field">
                <label for="case-filter-status">{t!(i18n, results.cases.status)}</label>
                <select id="case-filter-status" name="status" on:change=move |ev| {
                    let mut next = filter.get_untracked();
                    next.status = event_target_value(&ev).parse().ok();
                    go(next);
                }>
                    <option value="" selected=move || filter.with(|f| f.status.is_none())>{t!(i18n, results.cases.all_statuses)}</option>
                    {CaseStatus::ALL.iter().map(|s| {
                        let s = *s;
                        view! {
                            <option value=s.as_str() selected=move || filter.with(|f| f.status == Some(s))>
                                {move || pick(s.label_zh(), s.label_en())}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
        </form>
        {move || (filter.get() != CaseFilter::default()).then(|| view! {
            <p class="case-clear"><A href="/cases">{t!(i18n, results.cases.clear)}</A></p>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_come_from_the_address_and_go_back_into_it() {
        let filter = CaseFilter::from_query(
            Some("2025".into()),
            Some(" EDU ".into()),
            Some("in_progress".into()),
        );
        assert_eq!(filter.year, Some(2025));
        assert_eq!(filter.department.as_deref(), Some("EDU"));
        assert_eq!(filter.status, Some(CaseStatus::InProgress));
        assert_eq!(
            filter.href(),
            "/cases?year=2025&department=EDU&status=in_progress"
        );
        let junk = CaseFilter::from_query(Some("soon".into()), Some("  ".into()), Some("x".into()));
        assert_eq!(junk, CaseFilter::default());
        assert_eq!(junk.href(), "/cases");
        assert_eq!(
            cases_href(Some(2024), Some("A B"), None),
            "/cases?year=2024&department=A%20B"
        );
    }
}
