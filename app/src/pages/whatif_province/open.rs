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

/// What is open, and the scenario named in the address (`?scenario=id`) loaded into the form.
#[component]
pub(super) fn ScenarioBar(page: Page) -> impl IntoView {
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
        <section class="panel pwi-open" aria-label="当前情景 Open scenario">
            <p class="pwi-open-line" role="status">
                {move || match page.open.get() {
                    Some(s) => view! {
                        "已打开情景 " <span lang="en">"Open scenario"</span> ": "
                        <strong>{s.name}</strong>
                    }
                    .into_any(),
                    None if wanted.get().is_some() && trouble.with(Option::is_none) => view! {
                        "正在打开情景… " <span lang="en">"Opening the scenario…"</span>
                    }
                    .into_any(),
                    None => view! {
                        "未保存的情景（从 " {format!("{year}")} " 年度起点开始） "
                        <span lang="en">"Unsaved scenario, from the year's starting point"</span>
                    }
                    .into_any(),
                }}
            </p>
            {move || trouble.get().map(|t| match t {
                Ok(id) => view! {
                    <p class="form-alert" role="alert">
                        "这不是全省情景。 " <span lang="en">"This is not a province scenario."</span> " "
                        <a href=scenario_link(id)>"打开该情景 " <span lang="en">"Open it"</span></a>
                    </p>
                }
                .into_any(),
                Err(e) if e.is_not_found() => view! {
                    <p class="form-alert" role="alert">
                        "未找到该情景，可能已被删除。 " <span lang="en">"The scenario was not found; it may have been deleted."</span>
                    </p>
                }
                .into_any(),
                Err(e) => view! {
                    <p class="form-alert" role="alert"><span lang="en">{e.message}</span></p>
                }
                .into_any(),
            })}
            {move || (differs() > 0).then(|| view! {
                <div class="notice pwi-today-note">
                    <p>
                        {format!("此情景保存时有 {} 个部门的基数或等级与当前数据不同（已标出）。 ", differs())}
                        <span lang="en">{format!("{} department(s) had another base or grade when this scenario was saved (marked).", differs())}</span>
                    </p>
                    <button type="button" class="button button-secondary button-small" on:click=move |_| page.use_today()>
                        "改用当前基数与等级 " <span lang="en">"Use today's bases and grades"</span>
                    </button>
                </div>
            })}
            <button type="button" class="button button-secondary button-small" on:click=new_scenario>
                "新情景（恢复起点） " <span lang="en">"New scenario (back to the starting point)"</span>
            </button>
        </section>
    }
}
