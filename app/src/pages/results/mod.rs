//! `/results/:year` "Results" (评价结果): a year's ranking of departments with their totals,
//! grades and what the grades do (next year's project budget, prize, accountability
//! cases), the grade distribution, the assessment agency's CSV feed, and finance's
//! publication. Finance and the assessment agency read it at any time, everyone once
//! published. `/results/latest` goes to the newest year in evaluation or closed.

mod publish;
mod table;

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::evaluation::{Ranking, RankingRow};
use jixiao_domain::dto::years::YearList;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use self::publish::PublishPanel;
use self::table::{RankingTable, RulesTable};
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::charts::grade_distribution::GradeDistributionChart;
use crate::components::excel::ExcelLink;
use crate::components::fetched::fetched;
use crate::components::guard::{access_error, WhenSessionKnown};
use crate::components::phase::PhaseBadge;
use crate::format::timestamp_in;
use crate::locale::{t, t_string, td_string, use_i18n, Locale};

/// The page of a year's results.
pub fn results_href(year: i32) -> String {
    format!("/results/{year}")
}

/// The years whose results exist: those in evaluation or closed, newest first.
pub fn result_years(list: &YearList) -> Vec<i32> {
    let mut years: Vec<i32> = list
        .years
        .iter()
        .filter(|y| matches!(y.phase, Phase::Evaluation | Phase::Closed))
        .map(|y| y.year)
        .collect();
    years.sort_unstable_by(|a, b| b.cmp(a));
    years
}

/// A rank as shown: `1`, `2 (tie)` / `2（并列）` when another department shares it, `—`
/// ungraded.
pub fn rank_text(rank: Option<u32>, rows: &[RankingRow], locale: Locale) -> String {
    match rank {
        None => "—".to_owned(),
        Some(r) if rows.iter().filter(|row| row.rank == Some(r)).count() > 1 => {
            td_string!(locale, results.rank_tie, rank = r)
        }
        Some(r) => r.to_string(),
    }
}

/// "Results" in the main navigation (users who read every department's results):
/// the newest year in evaluation or closed.
#[component]
pub fn ResultsNavItem() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let reader = Memo::new(move |_| auth.can(Capability::ReadResults));
    let pathname = use_location().pathname;
    move || {
        reader.get().then(|| {
            let years = LocalResource::new(api::years::list);
            let href = move || {
                years
                    .get()
                    .and_then(Result::ok)
                    .and_then(|list| result_years(&list).first().copied())
                    .map_or("/results/latest".to_owned(), results_href)
            };
            let in_section = move || pathname.read().starts_with("/results/");
            view! {
                <li>
                    <A href=href attr:class=move || if in_section() { "in-section" } else { "" }>
                        {t!(i18n, results.nav)}
                    </A>
                </li>
            }
        })
    }
}

#[component]
pub fn ResultsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, results.title).to_owned() />
        <div class="page">
            <WhenSessionKnown>
                <ResultsLoader />
            </WhenSessionKnown>
        </div>
    }
}

#[component]
fn ResultsLoader() -> impl IntoView {
    let params = use_params_map();
    let year = Memo::new(move |_| {
        params
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
    });
    move || match year.get() {
        Some(year) => view! { <RankingLoader year /> }.into_any(),
        None => view! { <LatestYear /> }.into_any(),
    }
}

/// `/results/latest` (or anything not a year): on to the newest year with results.
#[component]
fn LatestYear() -> impl IntoView {
    let i18n = use_i18n();
    let years = LocalResource::new(api::years::list);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(list)) = years.get() {
            if let Some(year) = result_years(&list).first() {
                let options = NavigateOptions {
                    replace: true,
                    ..NavigateOptions::default()
                };
                navigate(&results_href(*year), options);
            }
        }
    });
    fetched(
        years,
        move |list| {
            result_years(&list).is_empty().then(|| {
                view! {
                    <h1>{t!(i18n, results.title)}</h1>
                    <p class="empty">{t!(i18n, results.no_year)}</p>
                }
            })
        },
        |_| None,
    )
}

#[component]
fn RankingLoader(year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let ranking = LocalResource::new(move || api::evaluation::ranking(year));
    fetched(
        ranking,
        |ranking| view! { <RankingScreen ranking /> },
        move |error: &ApiError| {
            access_error(error).or_else(|| {
                error.is_not_found().then(|| {
                    view! {
                        <h1>{t!(i18n, results.title)}</h1>
                        <p class="empty">{move || t_string!(i18n, results.no_results, year = year)}</p>
                        <p><A href="/results/latest">{t!(i18n, results.latest_year)}</A></p>
                    }
                    .into_any()
                })
            })
        },
    )
}

/// Moves the page to another year's results.
#[component]
fn YearPicker(year: i32) -> impl IntoView {
    let i18n = use_i18n();
    let years = LocalResource::new(api::years::list);
    let navigate = use_navigate();
    let options = move || {
        let mut numbers = years
            .get()
            .and_then(Result::ok)
            .map(|list| result_years(&list))
            .unwrap_or_default();
        if !numbers.contains(&year) {
            numbers.push(year);
            numbers.sort_unstable_by(|a, b| b.cmp(a));
        }
        numbers
            .into_iter()
            .map(|y| view! { <option value=y.to_string() selected=y == year>{move || t_string!(i18n, results.fiscal_year, year = y)}</option> })
            .collect_view()
    };
    view! {
        <div class="field results-year">
            <label for="results-year">{t!(i18n, common.year)}</label>
            <select id="results-year" name="year" on:change=move |ev| {
                if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                    navigate(&results_href(y), Default::default());
                }
            }>
                {options}
            </select>
        </div>
    }
}

#[component]
fn RankingScreen(ranking: Ranking) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let year = ranking.year;
    let current = RwSignal::new(ranking);
    let reader = Memo::new(move |_| auth.can(Capability::ReadResults));
    let publisher = Memo::new(move |_| auth.can(Capability::PublishResults));
    let lead = move || {
        current.with(|r| {
            let graded = r.rows.iter().filter(|row| row.grade.is_some()).count();
            let n = r.rows.len();
            view! {
                {move || t_string!(i18n, results.fiscal_year, year = year)}
                " · " <PhaseBadge phase=r.phase />
                " · " {move || t_string!(i18n, results.graded, graded = graded, total = n)}
                {r.published_at.clone().map(|at| view! {
                    " · "
                    {move || {
                        let at = timestamp_in(&at, i18n.get_locale());
                        t_string!(i18n, results.published_on, at = at)
                    }}
                })}
            }
        })
    };
    view! {
        <Title text=move || t_string!(i18n, results.page_title_year, year = year) />
        <header class="page-header">
            <h1>{t!(i18n, results.title)}</h1>
            <p class="lead">{lead}</p>
        </header>
        <div class="monitor-toolbar no-print">
            <YearPicker year />
            <p>
                <ExcelLink href=api::excel::results_path(year) file=format!("jixiao-results-{year}.xlsx")
                    zh="导出Excel" en="Export to Excel" />
            </p>
            {move || reader.get().then(|| view! {
                <p>
                    <a class="button button-secondary" href=api::evaluation::results_csv_path(year)
                        download=format!("jixiao-results-{year}.csv") rel="external">
                        {t!(i18n, results.download_csv)}
                    </a>
                </p>
            })}
        </div>
        {move || publisher.get().then(|| view! { <PublishPanel current /> })}
        <section class="panel" aria-labelledby="ranking-heading">
            <h2 id="ranking-heading">{t!(i18n, results.ranking)}</h2>
            {move || view! { <RankingTable ranking=current.get() /> }}
        </section>
        <section class="panel" aria-labelledby="distribution-heading">
            <h2 id="distribution-heading">{t!(i18n, results.grades_and_rules)}</h2>
            <div class="chart-grid">
                <div class="chart-cell">
                    {move || view! {
                        <GradeDistributionChart id="grade-distribution".to_owned() distribution=current.with(|r| r.distribution) />
                    }}
                </div>
                <div class="chart-cell">
                    {move || view! { <RulesTable ranking=current.get() /> }}
                </div>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::publish::tests::row;
    use super::*;
    use jixiao_domain::dto::years::FiscalYear;
    use jixiao_domain::scoring::Grade;

    #[test]
    fn results_exist_for_years_in_evaluation_or_closed() {
        let year = |year, phase| FiscalYear {
            year,
            phase,
            rules: Default::default(),
            revision: 1,
        };
        let list = YearList {
            years: vec![
                year(2026, Phase::Execution),
                year(2024, Phase::Closed),
                year(2025, Phase::Evaluation),
                year(2027, Phase::Planning),
            ],
        };
        assert_eq!(result_years(&list), [2025, 2024]);
        assert_eq!(results_href(2025), "/results/2025");
    }

    #[test]
    fn shared_ranks_say_so() {
        let mut a = row("A", Some(Grade::Good));
        let mut b = row("B", Some(Grade::Good));
        let mut c = row("C", Some(Grade::Fair));
        a.rank = Some(1);
        b.rank = Some(1);
        c.rank = Some(3);
        let rows = vec![a, b, c, row("D", None)];
        assert_eq!(rank_text(Some(1), &rows, Locale::en), "1 (tie)");
        assert_eq!(rank_text(Some(1), &rows, Locale::zh_CN), "1（并列）");
        assert_eq!(rank_text(Some(3), &rows, Locale::en), "3");
        assert_eq!(rank_text(None, &rows, Locale::zh_CN), "—");
    }
}
