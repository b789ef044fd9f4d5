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
use crate::locale::{t, t_string, use_i18n, Locale};

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
    let i18n = use_i18n();
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
            <h2 id="start-heading">{t!(i18n, sets.start.heading)}</h2>
            <p>{t!(i18n, sets.start.intro)}</p>
            <FormAlert error />
            <div class="form-actions">
                <button type="button" class="button" disabled=move || pending.get()
                    on:click=move |_| { error.set(None); start.dispatch_local(true); }>
                    {t!(i18n, sets.start.from_last_year)}
                </button>
                <button type="button" class="button button-secondary" disabled=move || pending.get()
                    on:click=move |_| { error.set(None); start.dispatch_local(false); }>
                    {t!(i18n, sets.start.empty)}
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
    let i18n = use_i18n();
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
                        {move || {
                            let phase = match i18n.get_locale() {
                                Locale::zh_CN => phase.label_zh().to_owned(),
                                Locale::en => phase.label_en().to_lowercase(),
                            };
                            t_string!(i18n, sets.start.not_in_planning, year, phase).to_string()
                        }}
                    </p>
                }
                .into_any(),
            ),
            Ok(None) if may_start => Some(
                view! {
                    <p class="notice">
                        {move || t_string!(i18n, sets.start.not_open, year).to_string()}
                    </p>
                }
                .into_any(),
            ),
            Err(e) => Some(view! { <p class="form-alert" role="alert">{e.message}</p> }.into_any()),
            _ => None,
        }
    };
    view! {
        <Title text=move || t_string!(i18n, sets.start.title).to_owned() />
        <h1>{t!(i18n, sets.start.title)}</h1>
        <p>{move || t_string!(i18n, sets.start.missing, code = code.clone(), year = year.clone()).to_string()}</p>
        {actions}
    }
}
