//! `/departments/:code/whatif/:year` "情景模拟" (What-if): a department head (or finance) asks
//! "what if this programme gets 10 % less?" and sees at once what happens to each
//! indicator's projected value, lamp and score, the total, the grade and next year's project
//! budget. The engine is the domain crate, run in the browser on every input (no network per
//! slider move); scenarios are saved, reopened by link (`?scenario=id`) and compared side
//! by side. `/scenarios/:id` finds a saved scenario's page.

mod assumptions;
mod compare;
mod lines;
mod model;
mod numbers;
mod results;
mod saved;
mod scenarios;
mod state;
mod summary;

use jixiao_domain::dto::whatif::{DepartmentWhatIf, ScenarioInput};
use jixiao_domain::whatif::department::{project, Changes};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use leptos_router::NavigateOptions;

use self::assumptions::Assumptions;
use self::compare::Compare;
use self::lines::LineInputs;
use self::results::Results;
use self::saved::Saved;
use self::scenarios::{SavePanel, ScenarioListPanel};
use self::state::WhatIf;
use self::summary::Summary;
use crate::api::{self, ApiError};
use crate::components::department_card::department_href;
use crate::components::department_page::{
    department_year_resource, use_department_params, DepartmentYearPage,
};
use crate::components::fetched::fetched;
use crate::components::guard::{access_error, WhenSessionKnown};
use crate::components::loading::Loading;
use crate::locale::{pick, t, t_string, use_i18n};
use crate::pages::monitoring::{budget_href, monitoring_href};

/// Link target of a department's what-if for a year.
pub fn whatif_href(code: &str, year: i32) -> String {
    format!("{}/whatif/{year}", department_href(code))
}

/// The province what-if page of a year with a scenario open (built on its own page).
fn province_scenario_href(year: i32, id: i64) -> String {
    format!("/whatif/province/{year}?scenario={id}")
}

#[component]
pub fn DepartmentWhatIfPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Until the screen names the department and the scenario.
        <Title text=move || t_string!(i18n, whatif.title).to_string() />
        <DepartmentYearPage class="page wi-page">
            <WhatIfLoader />
        </DepartmentYearPage>
    }
}

/// 409 (the year's set is not approved) or 404 (no set, no such year or department): said
/// plainly, with the way back.
fn no_approved_set(error: &ApiError, code: String) -> Option<AnyView> {
    if !(error.status == 409 || error.is_not_found()) {
        return None;
    }
    let detail = error.message.clone();
    let i18n = use_i18n();
    Some(
        view! {
            <div class="notice notice-warning" role="alert">
                <h1>{t!(i18n, whatif.no_set.title)}</h1>
                <p>{t!(i18n, whatif.no_set.body)}</p>
                <p class="muted">{detail}</p>
                <p><A href=department_href(&code)>{t!(i18n, whatif.no_set.back)}</A></p>
            </div>
        }
        .into_any(),
    )
}

#[component]
fn WhatIfLoader() -> impl IntoView {
    let params = use_department_params();
    let start =
        department_year_resource(
            |code, year| async move { api::whatif::department(&code, year).await },
        );
    fetched(
        start,
        |start| view! { <WhatIfScreen start /> },
        move |error| access_error(error).or_else(|| no_approved_set(error, params.code())),
    )
}

#[component]
fn WhatIfScreen(start: DepartmentWhatIf) -> impl IntoView {
    let code = start.department.code.clone();
    let year = start.year;
    let (name_zh, name_en) = (
        start.department.name_zh.clone(),
        start.department.name_en.clone(),
    );
    let phase = start.phase;
    let i18n = use_i18n();
    let now = match project(&start.baseline, &Changes::default()) {
        Ok(now) => now,
        Err(error) => {
            let error = error.to_string();
            return view! {
                <div class="form-alert" role="alert">
                    <p>{move || t_string!(i18n, whatif.cannot_project, error = error.clone()).to_string()}</p>
                </div>
            }
            .into_any();
        }
    };
    let what_if = WhatIf::new(&start, now);
    let start = StoredValue::new(start);
    let navigate = use_navigate();
    let saved = Saved::new(
        what_if,
        code.clone(),
        year,
        whatif_href(&code, year),
        Box::new(move |href: &str, options: NavigateOptions| navigate(href, options)),
    );
    open_from_address(saved);
    let title = Memo::new(move |_| saved.open.get().map(|o| o.name));
    let department = StoredValue::new((name_zh, name_en));
    let name = move || department.with_value(|(zh, en)| pick(zh, en).to_owned());
    view! {
        <Title text=move || match title.get() {
            Some(scenario) => t_string!(
                i18n,
                whatif.title_scenario,
                scenario,
                department = name(),
                year
            )
            .to_string(),
            None => t_string!(i18n, whatif.title_department, department = name(), year).to_string(),
        } />
        <header class="page-header">
            <h1>{t!(i18n, whatif.title)}</h1>
            <p class="lead">
                {name} " · " {move || t_string!(i18n, whatif.fiscal_year, year).to_string()} " · "
                {move || pick(phase.label_zh(), phase.label_en())}
            </p>
            <p class="wi-links">
                <A href=monitoring_href(&code, year, None)>{t!(i18n, whatif.monitoring)}</A>
                " · "
                <A href=budget_href(&code, year)>{t!(i18n, whatif.budget)}</A>
            </p>
            <p class="field-hint">{t!(i18n, whatif.page_hint)}</p>
        </header>
        <Summary what_if />
        // Phones: lines, results, assumptions; wide screens: results beside the inputs.
        <div class="wi-layout">
            <div class="wi-area-lines"><LineInputs what_if start /></div>
            <div class="wi-area-results"><Results what_if start /></div>
            <div class="wi-area-assumptions"><Assumptions what_if start /></div>
        </div>
        <div class="wi-scenarios">
            <SavePanel saved />
            <ScenarioListPanel saved />
        </div>
        <Compare saved start />
    }
    .into_any()
}

/// Opens the scenario named in the address (`?scenario=id`), now and whenever it changes
/// to one that is not open (Back, a pasted link).
fn open_from_address(saved: Saved) {
    let query = use_query_map();
    let wanted = Memo::new(move |_| {
        query
            .read()
            .get("scenario")
            .and_then(|id| id.trim().parse::<i64>().ok())
    });
    let fetch = Action::new_local(move |id: &i64| {
        let id = *id;
        async move {
            match api::whatif::scenario(id).await {
                Ok(scenario) => saved.open_scenario(scenario),
                Err(e) => saved.problem.set(Some(format!("#{id}: {e}"))),
            }
        }
    });
    Effect::new(move |_| {
        let Some(id) = wanted.get() else {
            return;
        };
        let open = saved.open.with_untracked(|o| o.as_ref().map(|o| o.id));
        if open != Some(id) {
            fetch.dispatch_local(id);
        }
    });
}

/// `/scenarios/:id`: finds the saved scenario's page and goes there, with it open.
#[component]
pub fn ScenarioPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|i| i.parse::<i64>().ok());
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, whatif.scenario_page.title).to_string() />
        <div class="page">
            <WhenSessionKnown>
                {move || {
                    let scenario = LocalResource::new(move || async move {
                        match id() {
                            Some(id) => api::whatif::scenario(id).await,
                            None => Err(ApiError::from_response(404, "")),
                        }
                    });
                    fetched(scenario, |scenario| view! { <GoToScenario scenario /> }, move |error| {
                        access_error(error).or_else(|| error.is_not_found().then(|| view! {
                            <div class="notice notice-warning" role="alert">
                                <h1>{t!(i18n, whatif.scenario_page.not_found)}</h1>
                                <p>{t!(i18n, whatif.scenario_page.not_found_body)}</p>
                            </div>
                        }.into_any()))
                    })
                }}
            </WhenSessionKnown>
        </div>
    }
}

#[component]
fn GoToScenario(scenario: jixiao_domain::dto::whatif::Scenario) -> impl IntoView {
    let id = scenario.summary.id;
    let year = scenario.summary.year;
    let href = match &scenario.input {
        ScenarioInput::Department { department, .. } => {
            format!("{}?scenario={id}", whatif_href(department, year))
        }
        ScenarioInput::Province { .. } => province_scenario_href(year, id),
    };
    let navigate = use_navigate();
    let target = href.clone();
    Effect::new(move |_| {
        let options = NavigateOptions {
            replace: true,
            ..NavigateOptions::default()
        };
        navigate(&target, options);
    });
    view! {
        <Loading />
        <p><A href=href>{scenario.summary.name}</A></p>
    }
}
