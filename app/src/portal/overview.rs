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
use super::numbers::{adjustment, billion_yuan, execution_rate, wan_change, yi_yuan};
use super::parts::{GradeText, Loading, OpenData, Problem};
use super::ranking::Ranking;
use super::{published_date, use_years, PublishedYearLinks};

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
    let title = move || match year() {
        Some(y) => format!("{y} 年度绩效结果 Performance results {y}"),
        None => "绩效结果公开 Published performance results".to_owned(),
    };
    let description = move || {
        let y = year().map(|y| y.to_string()).unwrap_or_default();
        format!(
            "{y} 年度全省部门整体预算绩效评价结果：预算与支出、等级分布、部门排名、下年预算调整和开放数据。 \
             Department-wide budget performance results {y}: budget and spending, grades, ranking, \
             next year's budget adjustments and open data."
        )
    };
    let content = move || {
        match choice.get() {
        Choice::Pending => view! { <Loading /> }.into_any(),
        Choice::Failed(error) => view! { <Problem error on_retry=move || years.refetch() /> }.into_any(),
        Choice::NothingPublished => view! {
            <section class="panel">
                <p>"尚无已公开的年度绩效结果。财政部门公开后，结果将在此显示。"</p>
                <p lang="en">"No results have been published yet. They will appear here once the finance department publishes a year."</p>
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
    }
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <div class="page-head">
            <h1>
                {move || match year() {
                    Some(y) => view! {
                        {format!("{y} 年度部门整体绩效 ")}
                        <span class="h1-en" lang="en">{format!("Department performance results {y}")}</span>
                    }
                    .into_any(),
                    None => view! {
                        "部门整体绩效公开 "
                        <span class="h1-en" lang="en">"Published performance results"</span>
                    }
                    .into_any(),
                }}
            </h1>
            <YearSelect current=Signal::derive(year) filter />
        </div>
        {content}
    }
}

/// The year is not published (or the address names no year).
fn not_published(year: Option<i32>) -> AnyView {
    let (zh, en) = match year {
        Some(y) => (
            format!("{y} 年度的绩效结果尚未公开。"),
            format!("The results for {y} have not been published."),
        ),
        None => (
            "没有这个年度。".to_owned(),
            "There is no such year.".to_owned(),
        ),
    };
    view! {
        <section class="panel" aria-labelledby="not-published-heading">
            <h2 id="not-published-heading">"未公开 " <span lang="en">"Not published"</span></h2>
            <p>{zh} " " <span lang="en">{en}</span></p>
            <PublishedYearLinks />
        </section>
    }
    .into_any()
}

/// The year selector: the published years; choosing one opens its overview, filters kept.
#[component]
fn YearSelect(current: Signal<Option<i32>>, filter: Memo<Filter>) -> impl IntoView {
    let years = use_years();
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
                <label for="year-select">"年度 " <span lang="en">"Year"</span></label>
                <select id="year-select" name="year" aria-describedby="year-hint" on:change=on_change>
                    {unlisted.then(|| view! { <option value="" selected=true>"请选择 Choose a year"</option> })}
                    {list.into_iter().map(|y| view! {
                        <option value=y.year.to_string() selected=chosen == Some(y.year)>
                            {format!("{} 年度 FY{}", y.year, y.year)}
                        </option>
                    }).collect_view()}
                </select>
                <span id="year-hint" class="hint">"选择后打开该年度的结果。 " <span lang="en">"Choosing a year opens its results."</span></span>
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
            {format!("公开于 {} · 共 {count} 个部门 ", published_date(&data.published_at))}
            <span lang="en">{format!("Published {} · {count} departments", published_date(&data.published_at))}</span>
        </p>
        <section class="panel" aria-labelledby="totals-heading">
            <h2 id="totals-heading">"预算与支出 " <span lang="en">"Budget and spending"</span></h2>
            <dl class="figures">
                <div>
                    <dt>"调整后预算 " <span lang="en">"Adjusted budget"</span></dt>
                    <dd>{yi_yuan(data.budget_fen)} <span class="en" lang="en">{billion_yuan(data.budget_fen)}</span></dd>
                </div>
                <div>
                    <dt>"实际支出 " <span lang="en">"Spent"</span></dt>
                    <dd>{yi_yuan(data.spent_fen)} <span class="en" lang="en">{billion_yuan(data.spent_fen)}</span></dd>
                </div>
                <div>
                    <dt>"预算执行率 " <span lang="en">"Execution rate"</span></dt>
                    <dd>{execution_rate(data.spent_fen, data.budget_fen)}</dd>
                </div>
            </dl>
        </section>
        <section class="panel" aria-labelledby="grades-heading">
            <h2 id="grades-heading">"等级分布 " <span lang="en">"Grades"</span></h2>
            <GradeChart distribution=data.distribution />
            <p class="note">
                "优 ≥ 90 分，良 ≥ 80，中 ≥ 60，差 < 60。 "
                <span lang="en">"Excellent ≥ 90 points, Good ≥ 80, Fair ≥ 60, Poor < 60."</span>
            </p>
        </section>
        <section class="panel" aria-labelledby="consequences-heading">
            <h2 id="consequences-heading">"结果应用：下年项目预算 " <span lang="en">"Consequences: next year's project budgets"</span></h2>
            <dl class="figures">
                <div>
                    <dt>{format!("{year} 年项目预算 ")} <span lang="en">{format!("Project budgets {year}")}</span></dt>
                    <dd>{yi_yuan(data.project_base_fen)} <span class="en" lang="en">{billion_yuan(data.project_base_fen)}</span></dd>
                </div>
                <div>
                    <dt>{format!("{} 年项目预算 ", year + 1)} <span lang="en">{format!("Project budgets {}", year + 1)}</span></dt>
                    <dd>{yi_yuan(data.next_year_fen)} <span class="en" lang="en">{billion_yuan(data.next_year_fen)}</span></dd>
                </div>
                <div>
                    <dt>"变化 " <span lang="en">"Change"</span></dt>
                    <dd>
                        {format!("{change_sign}{}", yi_yuan(change.abs()))}
                        <span class="en">{format!("{change_sign}{change_rate}")}</span>
                    </dd>
                </div>
            </dl>
            <ul class="rules">
                {rules.into_iter().map(|(grade, bp)| view! {
                    <li><GradeText grade /> " → " {adjustment(bp)}</li>
                }).collect_view()}
            </ul>
            <p class="note">
                {format!("{prizes} 个部门获评优奖励；{poor} 个部门评为差，启动问责。每个部门的调整见下表。 ")}
                <span lang="en">
                    {format!("{prizes} department(s) won the Excellent prize; {poor} graded Poor, which opens an accountability case. Each department's adjustment is in the table below.")}
                </span>
            </p>
        </section>
        <Ranking year departments=data.departments filter set_filter />
        <OpenData year />
    }
}

/// `"+4,627.9 万元"`: a department's change of project budget.
pub fn budget_change(fen: i64) -> String {
    format!("{} 万元", wan_change(fen))
}
