//! The indicator-set editor: one markup that is a table on wide screens and a stack of
//! cards on narrow ones (CSS only), the live points counter and problem summary (the
//! domain's validation on every change), "Add from library", "Add individual indicator",
//! Save, and the alert for a set someone else changed meanwhile.

pub mod fields;
pub mod library;
pub mod model;
pub mod problems;
pub mod row;
pub mod state;

use jixiao_domain::dto::sets::SetUpdate;
use jixiao_domain::framework::{Sector, SetStatus};
use leptos::prelude::*;

use self::fields::Names;
use self::library::{LibraryPicker, OPEN_LIBRARY_ID};
use self::model::{blank_indicator, control_id, field_label};
use self::problems::{PointsCounter, ProblemSummary};
use self::row::{focus_later, EditorRow, ADD_INDIVIDUAL_ID};
pub use self::state::SetState;
use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, FormStatus};
use crate::locale::{t, t_string, use_i18n, Locale};

/// The column headers (the cards label each control instead).
#[component]
fn EditorHead() -> impl IntoView {
    let i18n = use_i18n();
    let label = move |field: &'static str| move || field_label(field, i18n.get_locale());
    view! {
        <thead>
            <tr>
                <th scope="col">{label("")}</th>
                <th scope="col">{label("level2")}</th>
                <th scope="col">{label("unit")}</th>
                <th scope="col">{t!(i18n, sets.editor.direction_accumulation)}</th>
                <th scope="col">{label("target")}</th>
                <th scope="col">{label("baseline")}</th>
                <th scope="col">{label("points")}</th>
                <th scope="col">{label("unit_code")}</th>
                <th scope="col">{t!(i18n, sets.editor.actions)}</th>
            </tr>
        </thead>
    }
}

/// Saving an approved or published set starts the next version, reviewed again.
fn version_warning(state: SetState) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let (status, version) = state.set.with(|s| (s.status, s.version));
        matches!(status, SetStatus::Approved | SetStatus::Published).then(|| {
            let next = version + 1;
            let status = match i18n.get_locale() {
                Locale::zh_CN => status.label_zh().to_owned(),
                Locale::en => status.label_en().to_lowercase(),
            };
            view! {
                <p class="notice notice-warning">
                    {t_string!(i18n, sets.editor.version_warning, status, next).to_string()}
                </p>
            }
        })
    }
}

#[component]
pub fn SetEditor(
    state: SetState,
    /// The department's budget units (code, names).
    units: Vec<(String, Names)>,
    /// The department's sector (its library templates).
    sector: Option<Sector>,
) -> impl IntoView {
    let i18n = use_i18n();
    let units = StoredValue::new(units);
    let library_open = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let save = Action::new_local(move |update: &(i64, SetUpdate)| {
        let (id, update) = update.clone();
        async move {
            match api::sets::save(id, &update).await {
                Ok(set) => {
                    state.load(set);
                    state.saved.set(true);
                }
                Err(e) => {
                    if !state.refused(&e) {
                        error.set(Some(e));
                    }
                }
            }
        }
    });
    let on_save = move |_| {
        error.set(None);
        state.server_problems.set(Vec::new());
        let indicators = state.drafts.get_untracked();
        // A points field that is not a number cannot be sent; validation marks it.
        if let Some(index) = indicators.iter().position(|i| !i.points.is_finite()) {
            if let Some(key) = state.order.with_untracked(|o| o.get(index).copied()) {
                focus_later(vec![control_id(key, "points")]);
            }
            return;
        }
        let (id, revision) = state.set.with_untracked(|s| (s.id, s.revision));
        save.dispatch_local((
            id,
            SetUpdate {
                revision,
                indicators,
            },
        ));
    };
    let add_individual = move |_| {
        let key = state.push(blank_indicator());
        focus_later(vec![control_id(key, "name_zh")]);
    };
    let discard = move |_| {
        error.set(None);
        state.load(state.set.get_untracked());
    };
    let pending = save.pending();
    let sector_known = sector;

    view! {
        <section class="panel editor" aria-labelledby="editor-heading">
            <h2 id="editor-heading">{t!(i18n, sets.editor.heading)}</h2>
            {version_warning(state)}
            <div class="editor-status">
                <PointsCounter state />
                <ProblemSummary state />
            </div>
            <div class="table-wrap editor-wrap" role="region" aria-labelledby="editor-heading" tabindex="0">
                <table class="data-table editor-table">
                    <EditorHead />
                    <tbody>
                        <For each=move || state.order.get() key=|key| *key let(key)>
                            <EditorRow state key units />
                        </For>
                    </tbody>
                </table>
            </div>
            <div class="editor-tools">
                <button
                    type="button"
                    id=OPEN_LIBRARY_ID
                    class="button button-secondary"
                    aria-expanded=move || if library_open.get() { "true" } else { "false" }
                    on:click=move |_| library_open.update(|open| *open = !*open)
                >
                    {t!(i18n, sets.editor.add_from_library)}
                </button>
                <button type="button" id=ADD_INDIVIDUAL_ID class="button button-secondary" on:click=add_individual>
                    {t!(i18n, sets.editor.add_individual)}
                </button>
            </div>
            {move || library_open.get().then(|| view! {
                <LibraryPicker state sector=sector_known on_close=Callback::new(move |_| library_open.set(false)) />
            })}
            <FormAlert error />
            <div class="form-actions editor-actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || pending.get() || !state.dirty.get()
                    on:click=on_save
                >
                    {t!(i18n, common.save)}
                </button>
                {move || state.dirty.get().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=discard>
                        {t!(i18n, sets.editor.discard)}
                    </button>
                    <span class="unsaved">{t!(i18n, sets.editor.unsaved)}</span>
                })}
            </div>
            <FormStatus message=Signal::derive(move || {
                state.saved.get().then(|| t_string!(i18n, sets.editor.saved).to_owned())
            }) />
        </section>
    }
}

/// "Someone else changed this set", with Reload (the set as the server sent it, or fetched).
#[component]
pub fn StaleAlert(state: SetState) -> impl IntoView {
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let reload = Action::new_local(move |_: &()| async move {
        let current = state.stale.get_untracked().and_then(|s| s.current);
        let set = match current {
            Some(set) => Ok(set),
            None => {
                let (code, year) = state
                    .set
                    .with_untracked(|s| (s.department.code.clone(), s.year));
                api::sets::get(&code, year).await
            }
        };
        match set {
            Ok(set) => state.load(set),
            Err(e) => error.set(Some(e)),
        }
    });
    move || {
        state.stale.get().map(|_| {
            view! {
                <div class="form-alert stale-alert" role="alert">
                    <p>{t!(i18n, sets.editor.stale)}</p>
                    <p class="stale-detail">{t!(i18n, sets.editor.stale_detail)}</p>
                    {move || error.get().map(|e| view! { <p>{e.message}</p> })}
                    <button
                        type="button"
                        class="button"
                        disabled=move || reload.pending().get()
                        on:click=move |_| {
                            reload.dispatch_local(());
                        }
                    >
                        {t!(i18n, sets.editor.reload)}
                    </button>
                </div>
            }
        })
    }
}
