//! `/whatif/province/:year` "Province what-if" (finance): how next year's pool for
//! project budgets would be shared out by the grades of `year` (some may still be
//! provisional). The domain engine runs in the browser on every keystroke: the pool in 万元,
//! the adjustment per grade in %, a floor and a cap per department → raw, final and change per
//! department, Σ final equal to the pool to the fen, winners and losers. Scenarios are saved,
//! listed, opened (`?scenario=id`, where `/scenarios/{id}` sends a province scenario) and
//! compared side by side. `/whatif/province/latest` goes to the newest graded year.

mod compare;
mod inputs;
pub mod model;
mod numbers;
mod open;
mod scenarios;
mod state;
mod table;

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::whatif::ProvinceWhatIf;
use jixiao_domain::dto::years::YearList;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use self::state::Page;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::fetched::fetched;
use crate::components::guard::{access_error, RequireLogin};
use crate::locale::{t, t_string, use_i18n};

/// The page of the what-if on `year`'s grades, with a saved scenario open.
pub fn province_whatif_href(year: i32, scenario: Option<i64>) -> String {
    let query = scenario
        .map(|id| format!("?scenario={id}"))
        .unwrap_or_default();
    format!("/whatif/province/{year}{query}")
}

/// The years whose grades can move money: in evaluation or closed, newest first.
pub fn graded_years(list: &YearList) -> Vec<i32> {
    let mut years: Vec<i32> = list
        .years
        .iter()
        .filter(|y| matches!(y.phase, Phase::Evaluation | Phase::Closed))
        .map(|y| y.year)
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years
}

/// "Province what-if" in the main navigation, for finance.
#[component]
pub fn ProvinceWhatIfNavItem() -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let allowed = Memo::new(move |_| auth.can(Capability::ProvinceWhatIf));
    let pathname = use_location().pathname;
    move || {
        allowed.get().then(|| {
            let years = LocalResource::new(api::years::list);
            let href = move || {
                years
                    .get()
                    .and_then(Result::ok)
                    .and_then(|list| graded_years(&list).first().copied())
                    .map_or("/whatif/province/latest".to_owned(), |y| {
                        province_whatif_href(y, None)
                    })
            };
            let in_section = move || pathname.read().starts_with("/whatif/province/");
            view! {
                <li>
                    <A href=href attr:class=move || if in_section() { "in-section" } else { "" }>
                        {t!(i18n, province.title)}
                    </A>
                </li>
            }
        })
    }
}

#[component]
pub fn ProvinceWhatIfPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let year = Memo::new(move |_| {
        params
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
    });
    view! {
        <Title text=move || t_string!(i18n, province.title).to_string() />
        <div class="page pwi-page">
            <nav class="breadcrumb" aria-label=move || t_string!(i18n, province.breadcrumb)>
                {move || match year.get() {
                    Some(y) => view! {
                        <A href=format!("/results/{y}")>{t!(i18n, province.back_to_results)}</A>
                    }
                    .into_any(),
                    None => view! { <A href="/">{t!(i18n, province.back_home)}</A> }.into_any(),
                }}
            </nav>
            <RequireLogin capability=Capability::ProvinceWhatIf>
                {move || match year.get() {
                    Some(year) => view! { <StartLoader year /> }.into_any(),
                    None => view! { <LatestYear /> }.into_any(),
                }}
            </RequireLogin>
        </div>
    }
}

#[component]
fn Heading() -> impl IntoView {
    let i18n = use_i18n();
    view! { <h1>{t!(i18n, province.title)}</h1> }
}

/// `/whatif/province/latest`: on to the newest graded year.
#[component]
fn LatestYear() -> impl IntoView {
    let i18n = use_i18n();
    let years = LocalResource::new(api::years::list);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(list)) = years.get() {
            if let Some(year) = graded_years(&list).first() {
                let options = NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                };
                navigate(&province_whatif_href(*year, None), options);
            }
        }
    });
    fetched(
        years,
        move |list| {
            graded_years(&list).is_empty().then(|| {
                view! {
                    <Heading />
                    <p class="empty">{t!(i18n, province.no_graded_year)}</p>
                }
            })
        },
        access_error,
    )
}

#[component]
fn StartLoader(year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let start = LocalResource::new(move || api::whatif::province(year));
    fetched(
        start,
        |start| view! { <Screen start /> },
        move |error: &ApiError| {
            access_error(error).or_else(|| {
                error.is_not_found().then(|| {
                    view! {
                        <Heading />
                        <p class="empty">{t!(i18n, province.no_data, year = move || year)}</p>
                        <p><A href="/whatif/province/latest">{t!(i18n, province.latest_year)}</A></p>
                    }
                    .into_any()
                })
            })
        },
    )
}

#[component]
fn Screen(start: ProvinceWhatIf) -> impl IntoView {
    let i18n = use_i18n();
    let year = start.year;
    let provisional = start.departments.iter().filter(|d| d.provisional).count();
    let page = Page::new(start);
    view! {
        <Title text=move || t_string!(i18n, province.page_title_year, year = year).to_string() />
        <header class="page-header">
            <Heading />
            <p class="lead">
                {t!(i18n, province.lead, year = move || year, next = move || year + 1)}
            </p>
            {if provisional > 0 {
                view! {
                    <p class="notice pwi-provisional-note">
                        {t!(i18n, province.provisional_note, n = move || provisional)}
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="muted">{t!(i18n, province.all_final)}</p>
                }
                .into_any()
            }}
        </header>
        <open::ScenarioBar page />
        <inputs::InputsPanel page />
        <table::AllocationPanel page />
        <section class="panel" aria-labelledby="pwi-chart-heading">
            <h2 id="pwi-chart-heading">{t!(i18n, province.chart_heading)}</h2>
            {move || table::chart(page)}
        </section>
        <scenarios::ScenarioPanel page />
        <compare::ComparePanel page />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::dto::years::FiscalYear;

    #[test]
    fn links_and_years() {
        assert_eq!(province_whatif_href(2025, None), "/whatif/province/2025");
        assert_eq!(
            province_whatif_href(2025, Some(7)),
            "/whatif/province/2025?scenario=7"
        );
        let year = |year, phase| FiscalYear {
            year,
            phase,
            rules: Default::default(),
            revision: 1,
        };
        let list = YearList {
            years: vec![
                year(2024, Phase::Closed),
                year(2026, Phase::Execution),
                year(2025, Phase::Evaluation),
            ],
        };
        assert_eq!(graded_years(&list), [2025, 2024]);
    }
}
