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
use crate::format::timestamp;

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

/// How a save goes: a new scenario, or the open one at its revision.
#[derive(Clone)]
enum Save {
    New,
    Update { id: i64, revision: i64 },
}

#[component]
pub(super) fn ScenarioPanel(page: Page) -> impl IntoView {
    let navigate = use_navigate();
    let year = page.year;
    let error = RwSignal::new(None::<ApiError>);
    let status = RwSignal::new(None::<String>);
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
                status.set(Some(format!("已保存“{}”。 Saved.", saved.summary.name)));
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
                save.dispatch((mode, page.name.get_untracked(), ScenarioInput::Province { scenario }));
            }
            None => error.set(Some(ApiError::from_response(
                422,
                r#"{"error":{"code":"validation","message":"请先修正标出的输入。 Fix the marked inputs first."}}"#,
            ))),
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
            <h2 id="pwi-scenarios-heading">"情景 " <span lang="en">"Scenarios"</span></h2>
            <form class="form pwi-save" novalidate=true on:submit=on_submit>
                <div class="field" class:field-invalid=move || name_error.with(Option::is_some)>
                    <label for="pwi-name">"情景名称 " <span lang="en">"Scenario name"</span></label>
                    <input id="pwi-name" name="name" type="text" maxlength="120" autocomplete="off"
                        bind:value=page.name
                        aria-invalid=move || name_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || name_error.with(Option::is_some).then_some("pwi-name-error") />
                    {move || name_error.get().map(|m| view! { <p id="pwi-name-error" class="field-error">{m}</p> })}
                </div>
                <WriteAlert error on_reload claimed=|field| field == "name" />
                <p class="form-status" role="status">{move || status.get()}</p>
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {move || if page.open.with(Option::is_some) {
                            view! { "保存修改 " <span lang="en">"Save changes"</span> }.into_any()
                        } else {
                            view! { "保存情景 " <span lang="en">"Save scenario"</span> }.into_any()
                        }}
                    </button>
                    {move || page.open.with(Option::is_some).then(|| view! {
                        <button type="button" class="button button-secondary" disabled=move || pending.get()
                            on:click=move |_| submit(Save::New)>
                            "另存为新情景 " <span lang="en">"Save as new"</span>
                        </button>
                    })}
                </div>
            </form>
            <h3 id="pwi-list-heading">{format!("{year} 年度已保存的情景 ")} <span lang="en">"Saved scenarios"</span></h3>
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
    status: RwSignal<Option<String>>,
) -> impl IntoView {
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
                status.set(Some("已删除情景。 Scenario deleted.".to_owned()));
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
            <p class="empty">"还没有保存的情景。 " <span lang="en">"No saved scenario yet."</span></p>
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
            let when = timestamp(&s.updated_at);
            let confirm_name = name.clone();
            view! {
                <li class="pwi-saved" class:pwi-current=is_open aria-current=move || is_open().then_some("true")>
                    <p class="pwi-saved-name">
                        <strong>{name.clone()}</strong>
                        {move || is_open().then(|| view! {
                            " " <span class="tag">"已打开 " <span lang="en">"Open"</span></span>
                        })}
                    </p>
                    <p class="pwi-sub">
                        {format!("{who} · {when} · ")} <span lang="en">{format!("revision {}", s.revision)}</span>
                    </p>
                    <div class="row-buttons pwi-saved-actions">
                        <button type="button" class="button button-small" on:click=open>
                            "打开 " <span lang="en">"Open"</span>
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                        <button type="button" class="button button-secondary button-small" on:click=copy>
                            "复制链接 " <span lang="en">"Copy link"</span>
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                        <button type="button" class="button button-secondary button-small" on:click=compare>
                            "与当前对比 " <span lang="en">"Compare with current"</span>
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                        <button type="button" class="button button-danger button-small"
                            on:click=move |_| confirming.set(Some(id))>
                            "删除 " <span lang="en">"Delete"</span>
                            <span class="visually-hidden">{format!(" {name}")}</span>
                        </button>
                    </div>
                    {move || copied.get().filter(|(c, _)| *c == id).map(|(_, ok)| {
                        let link = absolute(&scenario_link(id));
                        view! {
                            <p class="pwi-sub" role="status">
                                {if ok {
                                    view! { "已复制链接 " <span lang="en">"Link copied"</span> ": " }.into_any()
                                } else {
                                    view! { "请手动复制链接 " <span lang="en">"Copy the link by hand"</span> ": " }.into_any()
                                }}
                                <code>{link}</code>
                            </p>
                        }
                    })}
                    {move || (confirming.get() == Some(id)).then(|| {
                        let confirm_name = confirm_name.clone();
                        view! {
                            <div class="confirm-panel pwi-confirm" role="group" aria-label="确认删除 Confirm deletion">
                                <p class="confirm-text">
                                    {format!("确定删除情景“{confirm_name}”？此操作不能撤销。 ")}
                                    <span lang="en">"Delete this scenario? This cannot be undone."</span>
                                </p>
                                {move || delete_error.get().map(|e| view! {
                                    <p class="field-error" role="alert">{e.message}</p>
                                })}
                                <div class="row-buttons">
                                    <button type="button" class="button button-danger button-small"
                                        disabled=move || delete.pending().get()
                                        on:click=move |_| { delete.dispatch(id); }>
                                        "确认删除 " <span lang="en">"Confirm delete"</span>
                                    </button>
                                    <button type="button" class="button button-secondary button-small"
                                        on:click=move |_| { confirming.set(None); delete_error.set(None); }>
                                        "取消 " <span lang="en">"Cancel"</span>
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
