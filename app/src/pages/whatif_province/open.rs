//! What is open: the saved scenario named in the address (`?scenario=id`, where
//! `/scenarios/{id}` sends a province scenario) loaded into the form, or the starting point;
//! a scenario saved on other bases and grades than today's; "new scenario".

use jixiao_domain::dto::whatif::ScenarioKind;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::province_whatif_href;
use super::scenarios::scenario_link;
use super::state::Page;
use crate::api::{self, ApiError};
use crate::locale::{t, t_string, use_i18n};

/// What is open, and the scenario named in the address (`?scenario=id`) loaded into the form.
#[component]
pub(super) fn ScenarioBar(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let navigate = use_navigate();
    let wanted = Memo::new(move |_| {
        query
            .read()
            .get("scenario")
            .and_then(|s| s.parse::<i64>().ok())
    });
    let from_url = LocalResource::new(move || {
        let id = wanted.get();
        async move {
            match id {
                Some(id) => Some(api::whatif::scenario(id).await),
                None => None,
            }
        }
    });
    let trouble = RwSignal::new(None::<Result<i64, ApiError>>);
    let year = page.year;
    {
        let navigate = navigate.clone();
        Effect::new(move |_| match from_url.get() {
            Some(Some(Ok(s))) => {
                let id = s.summary.id;
                if s.summary.kind != ScenarioKind::Province {
                    trouble.set(Some(Ok(id)));
                } else if s.summary.year != year {
                    let options = NavigateOptions {
                        replace: true,
                        ..NavigateOptions::default()
                    };
                    navigate(&province_whatif_href(s.summary.year, Some(id)), options);
                } else {
                    trouble.set(None);
                    if page.loaded.get_untracked() == Some(id) {
                        page.open.set(Some(s.summary));
                    } else {
                        page.open_saved(&s);
                    }
                }
            }
            Some(Some(Err(e))) => trouble.set(Some(Err(e))),
            Some(None) => {
                trouble.set(None);
                page.open.set(None);
                page.loaded.set(None);
            }
            None => {}
        });
    }
    let new_scenario = move |_| {
        page.reset();
        page.name.set(String::new());
        page.open.set(None);
        page.loaded.set(None);
        navigate(
            &province_whatif_href(year, None),
            NavigateOptions::default(),
        );
    };
    let differs = move || {
        page.rows
            .with(|r| r.iter().filter(|r| r.department.today.is_some()).count())
    };
    view! {
        <section class="panel pwi-open" aria-label=move || t_string!(i18n, province.open.label)>
            <p class="pwi-open-line" role="status">
                {move || match page.open.get() {
                    Some(s) => {
                        let name = s.name;
                        t!(i18n, province.open.opened, name = move || view! { <strong>{name.clone()}</strong> })
                            .into_any()
                    }
                    None if wanted.get().is_some() && trouble.with(Option::is_none) => {
                        t!(i18n, province.open.opening).into_any()
                    }
                    None => t!(i18n, province.open.unsaved).into_any(),
                }}
            </p>
            {move || trouble.get().map(|t| match t {
                Ok(id) => view! {
                    <p class="form-alert" role="alert">
                        {t!(i18n, province.open.not_province)} " "
                        <a href=scenario_link(id)>{t!(i18n, province.open.open_it)}</a>
                    </p>
                }
                .into_any(),
                Err(e) if e.is_not_found() => view! {
                    <p class="form-alert" role="alert">
                        {t!(i18n, province.open.not_found)}
                    </p>
                }
                .into_any(),
                Err(e) => view! {
                    <p class="form-alert" role="alert">{e.message}</p>
                }
                .into_any(),
            })}
            {move || (differs() > 0).then(|| view! {
                <div class="notice pwi-today-note">
                    <p>{t!(i18n, province.open.today_differs, n = differs)}</p>
                    <button type="button" class="button button-secondary button-small" on:click=move |_| page.use_today()>
                        {t!(i18n, province.open.use_today)}
                    </button>
                </div>
            })}
            <button type="button" class="button button-secondary button-small" on:click=new_scenario>
                {t!(i18n, province.open.new_scenario)}
            </button>
        </section>
    }
}
