//! `/open` (the newest published year) and `/open/:year`: the province overview — totals,
//! grades, the budget consequences and the departments ranked.

use jixiao_domain::dto::public::PublicOverview;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_location, use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use super::charts::GradeChart;
use super::fetch::{self, FetchError};
use super::logic::{grade_adjustments, overview_href, Filter};
use super::numbers::{adjustment, big_money, execution_rate, money_change};
use super::parts::{GradeText, Loading, OpenData, Problem};
use super::ranking::Ranking;
use super::{published_date, use_years, PublishedYearLinks};
use crate::locale::{current, t, t_string, use_i18n, Locale};

/// Which year the overview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    /// `/open` while the list of years is on its way.
    Pending,
    /// `/open` and the list of years failed.
    Failed(FetchError),
    /// `/open` and no year is published yet.
    NothingPublished,
    /// `/open/<not a year>`.
    Invalid,
    Year(i32),
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let years = use_years();
    let choice = Memo::new(move |_| match params.read().get_str("year") {
        Some(text) => text.parse().map_or(Choice::Invalid, Choice::Year),
        None => match years.get() {
            None => Choice::Pending,
            Some(Err(error)) => Choice::Failed(error),
            Some(Ok(list)) => list
                .years
                .first()
                .map_or(Choice::NothingPublished, |y| Choice::Year(y.year)),
        },
    });
    let filter =
        Memo::new(move |_| query.with(|q| Filter::from_query(q.get_str("sector"), q.get_str("q"))));
    let overview = LocalResource::new(move || {
        let choice = choice.get();
        async move {
            match choice {
                Choice::Year(year) => Some((year, fetch::overview(year).await)),
                _ => None,
            }
        }
    });
    let year = move || match choice.get() {
        Choice::Year(year) => Some(year),
        _ => None,
    };
    let i18n = use_i18n();
    let title = move || match year() {
        Some(year) => t_string!(i18n, portal.overview.title_year, year).to_string(),
        None => t_string!(i18n, portal.overview.title).to_owned(),
    };
    let description = move || {
        let year = year().map(|y| y.to_string()).unwrap_or_default();
        t_string!(i18n, portal.overview.description, year).to_string()
    };
    let content = move || match choice.get() {
        Choice::Pending => view! { <Loading /> }.into_any(),
        Choice::Failed(error) => {
            view! { <Problem error on_retry=move || years.refetch() /> }.into_any()
        }
        Choice::NothingPublished => view! {
            <section class="panel">
                <p>{t!(i18n, portal.overview.nothing_published)}</p>
            </section>
        }
        .into_any(),
        Choice::Invalid => not_published(None),
        Choice::Year(y) => match overview.get().flatten() {
            Some((year, Ok(data))) if year == y => view! { <Overview data filter /> }.into_any(),
            Some((year, Err(FetchError::NotFound))) if year == y => not_published(Some(y)),
            Some((year, Err(error))) if year == y => {
                view! { <Problem error on_retry=move || overview.refetch() /> }.into_any()
            }
            _ => view! { <Loading /> }.into_any(),
        },
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <div class="page-head">
            <h1>
                {move || match year() {
                    Some(year) => t_string!(i18n, portal.overview.heading_year, year).to_string(),
                    None => t_string!(i18n, portal.overview.heading).to_owned(),
                }}
            </h1>
            <YearSelect current=Signal::derive(year) filter />
        </div>
        {content}
    }
}

/// The year is not published (or the address names no year).
fn not_published(year: Option<i32>) -> AnyView {
    let i18n = use_i18n();
    let text = move || match year {
        Some(year) => t_string!(i18n, portal.overview.year_not_published, year).to_string(),
        None => t_string!(i18n, portal.overview.no_such_year).to_owned(),
    };
    view! {
        <section class="panel" aria-labelledby="not-published-heading">
            <h2 id="not-published-heading">{t!(i18n, portal.overview.not_published)}</h2>
            <p>{text}</p>
            <PublishedYearLinks />
        </section>
    }
    .into_any()
}

/// The year selector: the published years; choosing one opens its overview, filters kept.
#[component]
fn YearSelect(current: Signal<Option<i32>>, filter: Memo<Filter>) -> impl IntoView {
    let years = use_years();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(year) = event_target_value(&ev).parse::<i32>() {
            navigate(
                &overview_href(year, &filter.get_untracked()),
                NavigateOptions::default(),
            );
        }
    };
    move || {
        let list = years.get().and_then(Result::ok)?.years;
        if list.is_empty() {
            return None;
        }
        let chosen = current.get();
        let unlisted = !list.iter().any(|y| Some(y.year) == chosen);
        let on_change = on_change.clone();
        Some(view! {
            <div class="field year-field">
                <label for="year-select">{t!(i18n, portal.overview.year)}</label>
                <select id="year-select" name="year" aria-describedby="year-hint" on:change=on_change>
                    {unlisted.then(|| view! { <option value="" selected=true>{t!(i18n, portal.overview.choose_year)}</option> })}
                    {list.into_iter().map(|y| view! {
                        <option value=y.year.to_string() selected=chosen == Some(y.year)>
                            {t!(i18n, portal.fiscal_year, year = y.year)}
                        </option>
                    }).collect_view()}
                </select>
                <span id="year-hint" class="hint">{t!(i18n, portal.overview.year_hint)}</span>
            </div>
        })
    }
}

/// A published year's overview.
#[component]
fn Overview(data: PublicOverview, filter: Memo<Filter>) -> impl IntoView {
    let year = data.year;
    let count = data.departments.len();
    let change = data.next_year_fen - data.project_base_fen;
    let change_rate = execution_rate(change.abs(), data.project_base_fen);
    let change_sign = match change.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let rules = grade_adjustments(&data.departments);
    let prizes = data.departments.iter().filter(|d| d.result.prize).count();
    let poor = data.distribution.poor;
    let i18n = use_i18n();
    let published = published_date(&data.published_at).to_owned();
    let money = move |fen: i64| move || big_money(fen, current());
    let location = use_location();
    let navigate = use_navigate();
    // A new sector is a step Back returns from; typing in the search box only replaces it.
    let set_filter = Callback::new(move |(next, replace): (Filter, bool)| {
        let path = location.pathname.get_untracked();
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&format!("{path}{}", next.query()), options);
    });
    view! {
        <p class="published">
            {t!(i18n, portal.overview.published, date = published.clone(), count)}
        </p>
        <section class="panel" aria-labelledby="totals-heading">
            <h2 id="totals-heading">{t!(i18n, portal.overview.totals)}</h2>
            <dl class="figures">
                <div>
                    <dt>{t!(i18n, portal.overview.adjusted_budget)}</dt>
                    <dd>{money(data.budget_fen)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.overview.spent)}</dt>
                    <dd>{money(data.spent_fen)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.overview.execution_rate)}</dt>
                    <dd>{execution_rate(data.spent_fen, data.budget_fen)}</dd>
                </div>
            </dl>
        </section>
        <section class="panel" aria-labelledby="grades-heading">
            <h2 id="grades-heading">{t!(i18n, portal.overview.grades)}</h2>
            <GradeChart distribution=data.distribution />
            <p class="note">{t!(i18n, portal.overview.grade_bands)}</p>
        </section>
        <section class="panel" aria-labelledby="consequences-heading">
            <h2 id="consequences-heading">{t!(i18n, portal.overview.consequences)}</h2>
            <dl class="figures">
                <div>
                    <dt>{t!(i18n, portal.overview.project_budgets, year)}</dt>
                    <dd>{money(data.project_base_fen)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.overview.project_budgets, year = year + 1)}</dt>
                    <dd>{money(data.next_year_fen)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.overview.change)}</dt>
                    <dd>
                        {move || format!("{change_sign}{}", big_money(change.abs(), current()))}
                        " "
                        <span class="en">{format!("{change_sign}{change_rate}")}</span>
                    </dd>
                </div>
            </dl>
            <ul class="rules">
                {rules.into_iter().map(|(grade, bp)| view! {
                    <li><GradeText grade /> " → " {adjustment(bp)}</li>
                }).collect_view()}
            </ul>
            <p class="note">{t!(i18n, portal.overview.prizes, prizes, poor)}</p>
        </section>
        <Ranking year departments=data.departments filter set_filter />
        <OpenData year />
    }
}

/// `"+4,627.9 万元"` / `"+¥46.3 million"`: a department's change of project budget.
pub fn budget_change(fen: i64, locale: Locale) -> String {
    money_change(fen, locale)
}
