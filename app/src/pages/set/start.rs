//! No set yet: the department may start one (empty or from last year) while the year is in
//! planning, and the assessment agency may add a key work target (which starts it).

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::sets::IndicatorSet;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;
use leptos_meta::Title;

use super::key_work::KeyWorkForm;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::form::FormAlert;

/// The year's phase (`None`: the year is not open).
async fn phase_of(year: i32) -> Result<Option<Phase>, ApiError> {
    let years = api::years::list().await?;
    Ok(years
        .years
        .into_iter()
        .find(|y| y.year == year)
        .map(|y| y.phase))
}

#[component]
fn StartButtons(code: String, year: i32, on_started: Callback<IndicatorSet>) -> impl IntoView {
    let error = RwSignal::new(None::<ApiError>);
    let start = Action::new_local(move |from_last_year: &bool| {
        let (code, from_last_year) = (code.clone(), *from_last_year);
        async move {
            match api::sets::start(&code, year, from_last_year).await {
                Ok(set) => on_started.run(set),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let pending = start.pending();
    view! {
        <section class="panel" aria-labelledby="start-heading">
            <h2 id="start-heading">"开始编制 " <span lang="en">"Start the set"</span></h2>
            <p>
                "从上年的指标开始（以上年实际值为基期值），或从只含预算执行率的空白指标体系开始。 "
                <span lang="en">
                    "Start from last year's indicators (last year's actuals become the baselines), or from an empty set with the budget execution rate only."
                </span>
            </p>
            <FormAlert error />
            <div class="form-actions">
                <button type="button" class="button" disabled=move || pending.get()
                    on:click=move |_| { error.set(None); start.dispatch_local(true); }>
                    "从上年开始 " <span lang="en">"Start from last year"</span>
                </button>
                <button type="button" class="button button-secondary" disabled=move || pending.get()
                    on:click=move |_| { error.set(None); start.dispatch_local(false); }>
                    "新建空白 " <span lang="en">"Start empty"</span>
                </button>
            </div>
        </section>
    }
}

#[component]
pub fn SetNotFound(
    code: String,
    year: String,
    on_started: Callback<IndicatorSet>,
) -> impl IntoView {
    let auth = use_auth();
    let number: Option<i32> = year.parse().ok();
    let own = auth
        .me()
        .and_then(|me| me.department)
        .is_some_and(|d| d.code.eq_ignore_ascii_case(&code));
    let may_start = own && auth.can(Capability::EditSets);
    let may_key_work = auth.can(Capability::SetKeyWork);
    let phase = LocalResource::new(move || async move {
        match number {
            Some(year) if may_start || may_key_work => phase_of(year).await,
            _ => Ok(None),
        }
    });
    let code_for_actions = code.clone();
    let actions = move || {
        let year = number?;
        let code = code_for_actions.clone();
        match phase.get()? {
            Ok(Some(Phase::Planning)) => Some(
                view! {
                    {may_start.then(|| view! { <StartButtons code=code.clone() year on_started /> })}
                    {may_key_work.then(|| view! { <KeyWorkForm code=code.clone() year on_added=on_started /> })}
                }
                .into_any(),
            ),
            Ok(Some(phase)) if may_start => Some(
                view! {
                    <p class="notice">
                        {format!("{year} 年度处于{}阶段，只能在目标编制阶段开始。 ", phase.label_zh())}
                        <span lang="en">
                            {format!("FY{year} is in {}: sets are started in planning only.", phase.label_en().to_lowercase())}
                        </span>
                    </p>
                }
                .into_any(),
            ),
            Ok(None) if may_start => Some(
                view! {
                    <p class="notice">
                        {format!("财政部门尚未开启 {year} 年度。 ")}
                        <span lang="en">{format!("Finance has not opened FY{year} yet.")}</span>
                    </p>
                }
                .into_any(),
            ),
            Err(e) => Some(view! { <p class="form-alert" role="alert">{e.message}</p> }.into_any()),
            _ => None,
        }
    };
    view! {
        <Title text="尚无指标体系 No indicator set yet" />
        <h1>"尚无指标体系 " <span class="h1-en" lang="en">"No indicator set yet"</span></h1>
        <p>
            {format!("部门 {code} 还没有 {year} 年度的指标体系。 ")}
            <span lang="en">{format!("Department {code} has no indicator set for {year} yet.")}</span>
        </p>
        {actions}
    }
}
