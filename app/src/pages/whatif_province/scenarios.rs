//! Saving a province scenario (a new one, or the open one at its revision: 409 stale →
//! reload offer), and the year's list with open, copy link (`/scenarios/{id}`), compare and
//! delete (confirmed).

use jixiao_domain::dto::whatif::{Scenario, ScenarioInput, ScenarioSummary};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::province_whatif_href;
use super::state::Page;
use crate::api::{self, ApiError};
use crate::components::fetched::fetched;
use crate::components::form::field_error;
use crate::components::stale::{stale_current, WriteAlert};
use crate::format::timestamp_in;
use crate::locale::{current, t, t_string, use_i18n};

/// The link that opens a scenario (the app sends a province scenario to this page).
pub fn scenario_link(id: i64) -> String {
    format!("/scenarios/{id}")
}

#[cfg(target_arch = "wasm32")]
mod clipboard {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
        fn write_text(text: &str) -> Result<JsValue, JsValue>;
    }

    /// Starts copying `text`; false if the browser offers no clipboard here.
    pub fn copy(text: &str) -> bool {
        write_text(text).is_ok()
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod clipboard {
    pub fn copy(_text: &str) -> bool {
        false
    }
}

/// The whole address of a scenario's link, for pasting elsewhere.
fn absolute(path: &str) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{path}")
}

/// What was just done, said in the form's status line (in the reader's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Saved,
    Deleted,
}

/// How a save goes: a new scenario, or the open one at its revision.
#[derive(Clone)]
enum Save {
    New,
    Update { id: i64, revision: i64 },
}

#[component]
pub(super) fn ScenarioPanel(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let year = page.year;
    let error = RwSignal::new(None::<ApiError>);
    let status = RwSignal::new(None::<Done>);
    let save = Action::new_local(move |input: &(Save, String, ScenarioInput)| {
        let (mode, name, input) = input.clone();
        async move {
            match mode {
                Save::New => api::whatif::create(year, name, input).await,
                Save::Update { id, revision } => {
                    api::whatif::update(id, revision, name, input).await
                }
            }
        }
    });
    {
        let navigate = navigate.clone();
        Effect::new(move |_| match save.value().get() {
            Some(Ok(saved)) => {
                let id = saved.summary.id;
                page.loaded.set(Some(id));
                page.open.set(Some(saved.summary.clone()));
                page.name.set(saved.summary.name.clone());
                page.list.refetch();
                error.set(None);
                status.set(Some(Done::Saved));
                let options = NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                };
                navigate(&province_whatif_href(year, Some(id)), options);
            }
            Some(Err(e)) => error.set(Some(e)),
            None => {}
        });
    }
    let submit = move |mode: Save| {
        status.set(None);
        let input = page.computed.with_untracked(|c| {
            c.outcome.as_ref()?;
            c.scenario.clone()
        });
        match input {
            Some(scenario) => {
                error.set(None);
                save.dispatch((
                    mode,
                    page.name.get_untracked(),
                    ScenarioInput::Province { scenario },
                ));
            }
            None => error.set(Some(ApiError {
                status: 422,
                code: "validation".to_owned(),
                message: t_string!(i18n, province.scenarios.fix_first).to_owned(),
                field: None,
                current: None,
                problems: Vec::new(),
            })),
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mode = match page.open.get_untracked() {
            Some(s) => Save::Update {
                id: s.id,
                revision: s.revision,
            },
            None => Save::New,
        };
        submit(mode);
    };
    let on_reload = Callback::new(move |e: ApiError| {
        if let Some(current) = stale_current::<Scenario>(&e) {
            page.open_saved(&current);
            page.list.refetch();
            error.set(None);
        }
    });
    let name_error = field_error(error, "name");
    let pending = save.pending();
    view! {
        <section class="panel" aria-labelledby="pwi-scenarios-heading">
            <h2 id="pwi-scenarios-heading">{t!(i18n, province.scenarios.heading)}</h2>
            <form class="form pwi-save" novalidate=true on:submit=on_submit>
                <div class="field" class:field-invalid=move || name_error.with(Option::is_some)>
                    <label for="pwi-name">{t!(i18n, province.scenarios.name)}</label>
                    <input id="pwi-name" name="name" type="text" maxlength="120" autocomplete="off"
                        bind:value=page.name
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || name_error.with(Option::is_some).then_some("pwi-name-error") />
                    {move || name_error.get().map(|m| view! { <p id="pwi-name-error" class="field-error">{m}</p> })}
                </div>
                <WriteAlert error on_reload claimed=|field| field == "name" />
                <p class="form-status" role="status">
                    {move || status.get().map(|done| match done {
                        Done::Saved => t!(i18n, province.scenarios.saved).into_any(),
                        Done::Deleted => t!(i18n, province.scenarios.deleted).into_any(),
                    })}
                </p>
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {move || if page.open.with(Option::is_some) {
                            t!(i18n, province.scenarios.save_changes).into_any()
                        } else {
                            t!(i18n, province.scenarios.save_scenario).into_any()
                        }}
                    </button>
                    {move || page.open.with(Option::is_some).then(|| view! {
                        <button type="button" class="button button-secondary" disabled=move || pending.get()
                            on:click=move |_| submit(Save::New)>
                            {t!(i18n, province.scenarios.save_as_new)}
                        </button>
                    })}
                </div>
            </form>
            <h3 id="pwi-list-heading">{t!(i18n, province.scenarios.saved_list)}</h3>
            {fetched(
                page.list,
                move |list| view! { <SavedList page scenarios=list.scenarios status /> },
                |_| None,
            )}
        </section>
    }
}

#[component]
fn SavedList(
    page: Page,
    scenarios: Vec<ScenarioSummary>,
    status: RwSignal<Option<Done>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let query = use_query_map();
    let confirming = RwSignal::new(None::<i64>);
    let copied = RwSignal::new(None::<(i64, bool)>);
    let year = page.year;
    let delete = Action::new_local(move |id: &i64| {
        let id = *id;
        async move { api::whatif::delete(id).await.map(|()| id) }
    });
    let delete_error = RwSignal::new(None::<ApiError>);
    {
        let navigate = navigate.clone();
        Effect::new(move |_| match delete.value().get() {
            Some(Ok(id)) => {
                confirming.set(None);
                delete_error.set(None);
                status.set(Some(Done::Deleted));
                for side in page.compare {
                    if side.get_untracked() == id.to_string() {
                        side.set(String::new());
                    }
                }
                if page.open.get_untracked().is_some_and(|s| s.id == id) {
                    page.open.set(None);
                    page.loaded.set(None);
                    navigate(
                        &province_whatif_href(year, None),
                        NavigateOptions::default(),
                    );
                }
                page.list.refetch();
            }
            Some(Err(e)) => delete_error.set(Some(e)),
            None => {}
        });
    }
    if scenarios.is_empty() {
        return view! {
            <p class="empty">{t!(i18n, province.scenarios.none_saved)}</p>
        }
        .into_any();
    }
    let items = scenarios
        .into_iter()
        .map(|s| {
            let id = s.id;
            let name = s.name.clone();
            let is_open = move || page.open.with(|o| o.as_ref().is_some_and(|o| o.id == id));
            let navigate = navigate.clone();
            let open = move |_| {
                if query.with_untracked(|q| q.get("scenario")) == Some(id.to_string()) {
                    // Already in the address: load it again (dropping unsaved edits).
                    page.loaded.set(None);
                    let fetch = api::whatif::scenario(id);
                    leptos::task::spawn_local(async move {
                        if let Ok(saved) = fetch.await {
                            page.open_saved(&saved);
                        }
                    });
                } else {
                    navigate(&province_whatif_href(year, Some(id)), NavigateOptions::default());
                }
            };
            let copy = move |_| {
                let ok = clipboard::copy(&absolute(&scenario_link(id)));
                copied.set(Some((id, ok)));
            };
            let compare = move |_| {
                if page.compare[0].get_untracked().is_empty() {
                    page.compare[0].set("current".to_owned());
                }
                page.compare[1].set(id.to_string());
            };
            let who = s.created_by.clone().unwrap_or_else(|| "—".to_owned());
            let updated = s.updated_at.clone();
            let revision = s.revision;
            let meta = move || {
                let when = timestamp_in(&updated, current());
                t_string!(i18n, province.scenarios.meta, who = who.clone(), when = when, revision = revision)
                    .to_string()
            };
            view! {
                <li class="pwi-saved" class:pwi-current=is_open aria-current=move || is_open().then_some("true")>
                    <p class="pwi-saved-name">
                        <strong>{name.clone()}</strong>
                        {move || is_open().then(|| view! {
                            " " <span class="tag">{t!(i18n, province.scenarios.open_tag)}</span>
                        })}
                    </p>
                    <p class="pwi-sub">{meta}</p>
                    <div class="row-buttons pwi-saved-actions">
                        <button type="button" class="button button-small" on:click=open>
                            {t!(i18n, province.scenarios.open)}
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                        <button type="button" class="button button-secondary button-small" on:click=copy>
                            {t!(i18n, province.scenarios.copy_link)}
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                        <button type="button" class="button button-secondary button-small" on:click=compare>
                            {t!(i18n, province.scenarios.compare_current)}
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                        <button type="button" class="button button-danger button-small"
                            on:click=move |_| confirming.set(Some(id))>
                            {t!(i18n, common.delete)}
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                    </div>
                    {move || copied.get().filter(|(c, _)| *c == id).map(|(_, ok)| {
                        let link = absolute(&scenario_link(id));
                        view! {
                            <p class="pwi-sub" role="status">
                                {if ok {
                                    t!(i18n, province.scenarios.link_copied, link = move || view! { <code>{link.clone()}</code> })
                                        .into_any()
                                } else {
                                    t!(i18n, province.scenarios.copy_by_hand, link = move || view! { <code>{link.clone()}</code> })
                                        .into_any()
                                }}
                            </p>
                        }
                    })}
                    {move || (confirming.get() == Some(id)).then(|| {
                        view! {
                            <div class="confirm-panel pwi-confirm" role="group"
                                aria-label=move || t_string!(i18n, province.scenarios.confirm_label)>
                                <p class="confirm-text">{t!(i18n, province.scenarios.confirm_text)}</p>
                                {move || delete_error.get().map(|e| view! {
                                    <p class="field-error" role="alert">{e.message}</p>
                                })}
                                <div class="row-buttons">
                                    <button type="button" class="button button-danger button-small"
                                        disabled=move || delete.pending().get()
                                        on:click=move |_| { delete.dispatch(id); }>
                                        {t!(i18n, province.scenarios.confirm_delete)}
                                    </button>
                                    <button type="button" class="button button-secondary button-small"
                                        on:click=move |_| { confirming.set(None); delete_error.set(None); }>
                                        {t!(i18n, common.cancel)}
                                    </button>
                                </div>
                            </div>
                        }
                    })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="pwi-saved-list" aria-labelledby="pwi-list-heading">{items}</ul> }.into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_go_through_the_scenario_route() {
        assert_eq!(scenario_link(12), "/scenarios/12");
    }
}
