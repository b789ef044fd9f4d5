//! `/open/:year/:code`: one department's published year — grade and total with its rank,
//! every indicator (target, actual, direction in words, points and score), budget against
//! spending, and what the grade did to next year's budget.

use jixiao_domain::dto::public::PublicDepartment;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use super::charts::BudgetChart;
use super::fetch::{self, FetchError};
use super::logic::{overview_href, Filter};
use super::numbers::{adjustment, fixed, money};
use super::overview::budget_change;
use super::parts::{GradeText, Loading, OpenData, Problem};
use super::published_date;
use super::tables::{IndicatorTable, LineTable, ScoringRules};
use crate::locale::{current, pick, t, t_string, use_i18n};

#[component]
pub fn DepartmentPage() -> impl IntoView {
    let params = use_params_map();
    let year = Memo::new(move |_| {
        params
            .read()
            .get_str("year")
            .and_then(|y| y.parse::<i32>().ok())
    });
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let department = LocalResource::new(move || {
        let (year, code) = (year.get(), code.get());
        async move {
            let result = match year {
                Some(y) => fetch::department(y, &code).await,
                None => Err(FetchError::NotFound),
            };
            (year, code, result)
        }
    });
    // The answer for the address shown now (not one still on its way from before).
    let current = move || {
        department
            .get()
            .filter(|(y, c, _)| *y == year.get() && *c == code.get())
            .map(|(_, _, result)| result)
    };
    let i18n = use_i18n();
    let title = move || match current() {
        Some(Ok(d)) => {
            let name = pick(&d.department.name_zh, &d.department.name_en).to_owned();
            t_string!(i18n, portal.department.title, name, year = d.year).to_string()
        }
        Some(Err(_)) => t_string!(i18n, portal.not_found.title).to_owned(),
        None => t_string!(i18n, portal.department.title_loading).to_owned(),
    };
    let description = move || match current() {
        Some(Ok(d)) => {
            let name = pick(&d.department.name_zh, &d.department.name_en).to_owned();
            let grade = pick(d.grade.label_zh(), d.grade.label_en());
            let total = fixed(d.total, 2);
            let (rank, of) = (d.rank, d.of);
            t_string!(
                i18n,
                portal.department.description,
                name,
                year = d.year,
                total,
                grade,
                rank,
                of
            )
            .to_string()
        }
        _ => t_string!(i18n, portal.department.description_default).to_owned(),
    };
    let back = move || {
        year.get().map(|year| {
            view! {
                <nav class="breadcrumb" aria-label=move || t_string!(i18n, portal.department.breadcrumb)>
                    <a href=overview_href(year, &Filter::default())>
                        "← " {t!(i18n, portal.department.back, year)}
                    </a>
                </nav>
            }
        })
    };
    let content = move || match current() {
        None => view! { <Loading /> }.into_any(),
        Some(Ok(data)) => view! { <Department data /> }.into_any(),
        Some(Err(FetchError::NotFound)) => view! {
            <div class="page-head">
                <h1>{t!(i18n, portal.not_found.title)}</h1>
            </div>
            <section class="panel">
                <p>{t!(i18n, portal.not_found.department)}</p>
                <p><a class="button" href="/open">{t!(i18n, portal.not_found.latest)}</a></p>
            </section>
        }
        .into_any(),
        Some(Err(error)) => {
            view! { <Problem error on_retry=move || department.refetch() /> }.into_any()
        }
    };
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        {back}
        {content}
    }
}

#[component]
fn Department(data: PublicDepartment) -> impl IntoView {
    let year = data.year;
    let d = data.department;
    let result = data.result;
    let change = result.next_year_fen - result.project_base_fen;
    let i18n = use_i18n();
    let consequence = match data.grade {
        Grade::Excellent if result.prize => Some(t!(i18n, portal.department.prize).into_any()),
        Grade::Poor => Some(t!(i18n, portal.department.poor).into_any()),
        _ => None,
    };
    let date = published_date(&data.published_at).to_owned();
    let sector = data.sector;
    let (rank, of) = (data.rank, data.of);
    let (base_fen, next_fen) = (result.project_base_fen, result.next_year_fen);
    view! {
        <div class="page-head">
            <h1>{move || pick(&d.name_zh, &d.name_en).to_owned()}</h1>
            <p class="published">
                {move || {
                    let sector = pick(sector.label_zh(), sector.label_en());
                    t_string!(i18n, portal.department.meta, sector, year, date = date.clone()).to_string()
                }}
            </p>
        </div>
        <section class="panel" aria-labelledby="result-heading">
            <h2 id="result-heading">{t!(i18n, portal.department.result)}</h2>
            <dl class="figures">
                <div>
                    <dt>{t!(i18n, portal.department.grade)}</dt>
                    <dd class="big"><GradeText grade=data.grade /></dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.department.total)}</dt>
                    <dd class="big">{fixed(data.total, 2)} <span class="en">"/ 100"</span></dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.department.rank)}</dt>
                    <dd class="big">{t!(i18n, portal.department.rank_of, rank, of)}</dd>
                </div>
            </dl>
        </section>
        <section class="panel" aria-labelledby="next-year-heading">
            <h2 id="next-year-heading">{t!(i18n, portal.department.next_year)}</h2>
            <dl class="figures">
                <div>
                    <dt>{t!(i18n, portal.department.project_budget, year)}</dt>
                    <dd>{move || money(base_fen, current())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.department.adjustment)}</dt>
                    <dd>
                        {adjustment(result.adjustment_bp)}
                        " "
                        <span class="en">{move || budget_change(change, current())}</span>
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, portal.department.project_budget, year = year + 1)}</dt>
                    <dd>{move || money(next_fen, current())}</dd>
                </div>
            </dl>
            {consequence.map(|text| view! { <p class="consequence">{text}</p> })}
            <p class="note">{t!(i18n, portal.department.units)}</p>
        </section>
        <section class="panel" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{t!(i18n, portal.department.indicators)}</h2>
            <p>{t!(i18n, portal.department.indicators_sum)}</p>
            <IndicatorTable indicators=data.indicators.clone() total=data.total />
            <ScoringRules indicators=data.indicators />
        </section>
        <section class="panel" aria-labelledby="budget-heading">
            <h2 id="budget-heading">{t!(i18n, portal.department.budget)}</h2>
            <BudgetChart lines=data.lines.clone() />
            <LineTable lines=data.lines />
        </section>
        <OpenData year />
    }
}
