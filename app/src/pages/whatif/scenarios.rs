//! Saving the inputs as a named scenario (a new one, or the open one at its revision — a
//! stale save offers Reload), and the department's saved scenarios: open, copy link, delete.

use jixiao_domain::dto::whatif::{Scenario, ScenarioInput, ScenarioSummary};
use leptos::prelude::*;

use super::model::{input_of, InputKey, Problem};
use super::saved::{scenario_href, Saved, Status};
use super::state::input_id;
use crate::api::{self, ApiError};
use crate::components::focus::focus_later;
use crate::components::stale::{stale_current, WriteAlert};
use crate::format::timestamp_in;
use crate::locale::{current, t, t_string, use_i18n};

/// Element id (and name) of the scenario's name field.
pub const NAME_ID: &str = "wi-scenario-name";

/// Errors a field of this form shows itself.
fn claimed(field: &str) -> bool {
    field == "name"
        || ["amounts[", "targets[", "elasticities["]
            .iter()
            .any(|list| field.starts_with(&format!("input.changes.{list}")))
}

#[component]
pub fn SavePanel(saved: Saved) -> impl IntoView {
    let what_if = saved.what_if;
    let i18n = use_i18n();
    // The name is missing (said here, before any request).
    let local_name = RwSignal::new(false);
    let name_error = Signal::derive(move || {
        if local_name.get() {
            return Some(t_string!(i18n, whatif.save.need_name).to_owned());
        }
        saved.error.with(|e| {
            e.as_ref()
                .filter(|e| e.field.as_deref() == Some("name"))
                .map(|e| Problem::new(&e.code, &e.message).text(current()))
        })
    });
    let save = Action::new_local(move |as_new: &bool| {
        let as_new = *as_new;
        let name = saved.name.get_untracked().trim().to_owned();
        let changes = what_if.changes.get_untracked();
        let input = ScenarioInput::Department {
            department: saved.code.get_value(),
            changes: changes.clone(),
        };
        let open = saved.open.get_untracked().filter(|_| !as_new);
        async move {
            let result = match open {
                Some(open) => api::whatif::update(open.id, open.revision, name, input).await,
                None => api::whatif::create(saved.year, name, input).await,
            };
            match result {
                Ok(scenario) => saved.saved(&scenario, changes),
                Err(error) => {
                    let key = error.field.as_deref().and_then(|field| {
                        what_if
                            .baseline
                            .with_value(|b| input_of(field, &changes, b))
                    });
                    if let Some(key) = key {
                        if key != InputKey::Name {
                            what_if
                                .server_error
                                .set(Some((key, Problem::new(&error.code, &error.message))));
                        }
                        focus_later(input_id(key));
                    }
                    saved.error.set(Some(error));
                }
            }
        }
    });
    let pending = save.pending();
    let submit = move |as_new: bool| {
        saved.status.set(None);
        saved.error.set(None);
        what_if.server_error.set(None);
        local_name.set(false);
        if let Some(id) = what_if.first_invalid() {
            saved.status.set(Some(Status::FixInputs));
            focus_later(id);
            return;
        }
        if let Err(error) = what_if.scenario.get_untracked() {
            saved.status.set(Some(Status::Refused(Problem::new(
                &error.code,
                &error.message,
            ))));
            if let Some(key) = what_if.engine_error.get_untracked().map(|(k, _)| k) {
                focus_later(input_id(key));
            }
            return;
        }
        if saved.name.with_untracked(|n| n.trim().is_empty()) {
            local_name.set(true);
            focus_later(NAME_ID.to_owned());
            return;
        }
        save.dispatch_local(as_new);
    };
    let on_reload = Callback::new(move |error: ApiError| {
        if let Some(current) = stale_current::<Scenario>(&error) {
            saved.open_scenario(current);
        } else if let Some(id) = saved.open.get_untracked().map(|o| o.id) {
            leptos::task::spawn_local(async move {
                match api::whatif::scenario(id).await {
                    Ok(current) => saved.open_scenario(current),
                    Err(e) => saved.error.set(Some(e)),
                }
            });
        }
    });
    let open_name = move || saved.open.get().map(|o| o.name);
    let dirty = Memo::new(move |_| saved.dirty());
    view! {
        <section class="panel wi-panel" aria-labelledby="wi-save-heading">
            <h2 id="wi-save-heading">{t!(i18n, whatif.save.heading)}</h2>
            <p class="wi-open-state">
                {move || match open_name() {
                    Some(name) => view! { {t!(i18n, whatif.save.open)} <strong>{name}</strong> }.into_any(),
                    None => view! { {t!(i18n, whatif.save.new_unsaved)} }.into_any(),
                }}
                {move || dirty.get().then(|| view! {
                    " · " <span class="unsaved">{t!(i18n, whatif.save.unsaved)}</span>
                })}
            </p>
            <form class="wi-save-form" on:submit=move |ev| { ev.prevent_default(); submit(false) }>
                <NameField value=saved.name error=name_error />
                <WriteAlert error=saved.error on_reload claimed />
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || pending.get()>
                        {t!(i18n, whatif.save.submit)}
                    </button>
                    {move || saved.open.with(Option::is_some).then(|| view! {
                        <button type="button" class="button button-secondary" disabled=move || pending.get()
                            on:click=move |_| submit(true)>
                            {t!(i18n, whatif.save.save_as_new)}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| saved.start_new()>
                            {t!(i18n, whatif.save.start_new)}
                        </button>
                    })}
                </div>
            </form>
            <p class="form-status" role="status">
                {move || saved.status.get().map(|status| status.text(current()))}
            </p>
        </section>
    }
}

/// The scenario's name, with its error.
#[component]
fn NameField(value: RwSignal<String>, error: Signal<Option<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{NAME_ID}-error");
    let described = {
        let error_id = error_id.clone();
        move || error.with(Option::is_some).then(|| error_id.clone())
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=NAME_ID>{t!(i18n, whatif.save.name)}</label>
            <input id=NAME_ID name=NAME_ID type="text" autocomplete="off" bind:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described />
            {move || error.get().map(|message| view! {
                <p id=error_id.clone() class="field-error">{message}</p>
            })}
        </div>
    }
}

/// The link to a scenario as a full address.
fn full_link(id: i64) -> String {
    let origin = window().location().origin().unwrap_or_default();
    format!("{origin}{}", scenario_href(id))
}

mod clipboard {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        pub type Thenable;

        #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
        pub fn write_text(text: &str) -> Result<Thenable, JsValue>;

        #[wasm_bindgen(method)]
        pub fn then(this: &Thenable, ok: &JsValue, err: &JsValue);
    }

    /// Copies `text`, then runs `ok` or `err` as the browser answers.
    pub fn copy(text: &str, ok: impl FnOnce() + 'static, err: impl FnOnce() + 'static) {
        match write_text(text) {
            Ok(promise) => {
                let ok = Closure::once_into_js(move |_: JsValue| ok());
                let err = Closure::once_into_js(move |_: JsValue| err());
                promise.then(&ok, &err);
            }
            Err(_) => err(),
        }
    }
}

#[component]
pub fn ScenarioListPanel(saved: Saved) -> impl IntoView {
    let i18n = use_i18n();
    let confirming = RwSignal::new(None::<i64>);
    let copied = RwSignal::new(None::<(i64, bool)>);
    let delete_error = RwSignal::new(None::<String>);
    let open = Action::new_local(move |id: &i64| {
        let id = *id;
        async move {
            match api::whatif::scenario(id).await {
                Ok(scenario) => saved.open_scenario(scenario),
                Err(e) => saved.problem.set(Some(e.to_string())),
            }
        }
    });
    let delete = Action::new_local(move |summary: &ScenarioSummary| {
        let (id, name) = (summary.id, summary.name.clone());
        async move {
            match api::whatif::delete(id).await {
                Ok(()) => {
                    confirming.set(None);
                    saved.deleted(id, &name);
                }
                Err(e) => delete_error.set(Some(e.to_string())),
            }
        }
    });
    let item = move |summary: ScenarioSummary| {
        let id = summary.id;
        let is_open = move || saved.open.with(|o| o.as_ref().is_some_and(|o| o.id == id));
        let name = summary.name.clone();
        let confirm_id = format!("wi-delete-{id}");
        let confirm_focus = confirm_id.clone();
        let for_delete = summary.clone();
        let who = summary.created_by.clone().unwrap_or_else(|| "—".to_owned());
        let updated_at = summary.updated_at.clone();
        let updated = move || {
            let when = timestamp_in(&updated_at, current());
            t_string!(i18n, whatif.list.updated, who = who.clone(), when).to_string()
        };
        let confirm_name = summary.name.clone();
        view! {
            <li class="wi-saved-item" class:wi-saved-open=is_open aria-current=move || is_open().then_some("true")>
                <p class="wi-saved-name">
                    <strong>{summary.name.clone()}</strong>
                    {move || is_open().then(|| view! {
                        " " <span class="tag">{t!(i18n, whatif.list.open_tag)}</span>
                    })}
                </p>
                <p class="muted wi-saved-meta">{updated}</p>
                <div class="wi-saved-actions">
                    <button type="button" class="button button-secondary" disabled=move || open.pending().get()
                        on:click=move |_| { open.dispatch_local(id); }>
                        {t!(i18n, whatif.list.open)}
                        <span class="visually-hidden">{format!(": {name}")}</span>
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| {
                        copied.set(None);
                        clipboard::copy(
                            &full_link(id),
                            move || copied.set(Some((id, true))),
                            move || copied.set(Some((id, false))),
                        );
                    }>
                        {t!(i18n, whatif.list.copy_link)}
                        <span class="visually-hidden">{format!(": {}", summary.name)}</span>
                    </button>
                    <button type="button" class="button button-secondary wi-delete" on:click=move |_| {
                        delete_error.set(None);
                        confirming.set(Some(id));
                        focus_later(confirm_focus.clone());
                    }>
                        {t!(i18n, common.delete)}
                        <span class="visually-hidden">{format!(": {}", summary.name)}</span>
                    </button>
                </div>
                {move || copied.get().filter(|(c, _)| *c == id).map(|(_, ok)| if ok {
                    view! {
                        <p class="wi-copied" role="status">
                            {move || t_string!(i18n, whatif.list.link_copied, link = full_link(id)).to_string()}
                        </p>
                    }.into_any()
                } else {
                    view! {
                        <div class="field wi-copied">
                            <label for=format!("wi-link-{id}")>{t!(i18n, whatif.list.copy_this)}</label>
                            <input id=format!("wi-link-{id}") type="text" readonly value=full_link(id) />
                        </div>
                    }.into_any()
                })}
                {move || (confirming.get() == Some(id)).then(|| {
                    let summary = for_delete.clone();
                    let name = confirm_name.clone();
                    view! {
                        <div class="confirm-panel wi-confirm" role="group" aria-labelledby=confirm_id.clone()>
                            <p id=confirm_id.clone() tabindex="-1">
                                {move || t_string!(i18n, whatif.list.confirm, name = name.clone()).to_string()}
                            </p>
                            {move || delete_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                            <div class="form-actions">
                                <button type="button" class="button button-danger" disabled=move || delete.pending().get()
                                    on:click={
                                        let summary = summary.clone();
                                        move |_| { delete.dispatch_local(summary.clone()); }
                                    }>
                                    {t!(i18n, whatif.list.confirm_delete)}
                                </button>
                                <button type="button" class="button button-secondary" on:click=move |_| confirming.set(None)>
                                    {t!(i18n, common.cancel)}
                                </button>
                            </div>
                        </div>
                    }
                })}
            </li>
        }
    };
    let list = move || match saved.list.get() {
        None => view! { <crate::components::loading::Loading /> }.into_any(),
        Some(Err(e)) => view! { <p class="form-alert" role="alert">{e.to_string()}</p> }.into_any(),
        Some(Ok(list)) if list.scenarios.is_empty() => view! {
            <p class="empty">{t!(i18n, whatif.list.empty)}</p>
        }
        .into_any(),
        Some(Ok(list)) => view! {
            <ul class="wi-saved" aria-labelledby="wi-saved-heading">
                {list.scenarios.into_iter().map(item).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <section class="panel wi-panel" aria-labelledby="wi-saved-heading">
            <h2 id="wi-saved-heading">{t!(i18n, whatif.list.heading)}</h2>
            {move || saved.problem.get().map(|p| view! {
                <div class="form-alert" role="alert">
                    <p>{t!(i18n, whatif.list.cannot_open)} " " {p}</p>
                </div>
            })}
            {list}
        </section>
    }
}
