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

use self::library::{LibraryPicker, OPEN_LIBRARY_ID};
use self::model::{blank_indicator, control_id};
use self::problems::{PointsCounter, ProblemSummary};
use self::row::{focus_later, EditorRow, ADD_INDIVIDUAL_ID};
pub use self::state::SetState;
use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, FormStatus};

/// The column headers (the cards label each control instead).
#[component]
fn EditorHead() -> impl IntoView {
    let columns = [
        ("指标名称", "Indicator"),
        ("二级指标", "Level 2"),
        ("计量单位", "Unit"),
        ("方向 / 累计方式", "Direction / accumulation"),
        ("目标值", "Target"),
        ("基期值", "Baseline"),
        ("分值", "Points"),
        ("预算单位", "Budget unit"),
        ("操作", "Actions"),
    ];
    view! {
        <thead>
            <tr>
                {columns.into_iter().map(|(zh, en)| view! {
                    <th scope="col">{zh} " " <span lang="en">{en}</span></th>
                }).collect_view()}
            </tr>
        </thead>
    }
}

/// Saving an approved or published set starts the next version, reviewed again.
fn version_warning(state: SetState) -> impl IntoView {
    move || {
        let (status, version) = state.set.with(|s| (s.status, s.version));
        matches!(status, SetStatus::Approved | SetStatus::Published).then(|| {
            let next = version + 1;
            view! {
                <p class="notice notice-warning">
                    {format!("此指标体系已{}。保存修改将开始第 {next} 版草稿，须重新提交审核。 ", status.label_zh())}
                    <span lang="en">
                        {format!("This set is {}. Saving a change starts version {next} as a draft, which needs review again.", status.label_en().to_lowercase())}
                    </span>
                </p>
            }
        })
    }
}

#[component]
pub fn SetEditor(
    state: SetState,
    /// The department's budget units (code, name).
    units: Vec<(String, String)>,
    /// The department's sector (its library templates).
    sector: Option<Sector>,
) -> impl IntoView {
    let units = StoredValue::new(units);
    let library_open = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let save = Action::new_local(move |update: &(i64, SetUpdate)| {
        let (id, update) = update.clone();
        async move {
            match api::sets::save(id, &update).await {
                Ok(set) => {
                    state.load(set);
                    state.notice.set(Some("已保存 Saved".to_owned()));
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
            <h2 id="editor-heading">"编辑指标 " <span lang="en">"Edit indicators"</span></h2>
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
                    "从指标库添加 " <span lang="en">"Add from library"</span>
                </button>
                <button type="button" id=ADD_INDIVIDUAL_ID class="button button-secondary" on:click=add_individual>
                    "添加个性指标 " <span lang="en">"Add individual indicator"</span>
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
                    "保存 " <span lang="en">"Save"</span>
                </button>
                {move || state.dirty.get().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=discard>
                        "放弃修改 " <span lang="en">"Discard changes"</span>
                    </button>
                    <span class="unsaved">"有未保存的修改 " <span lang="en">"Unsaved changes"</span></span>
                })}
            </div>
            <FormStatus message=Signal::from(state.notice) />
        </section>
    }
}

/// "Someone else changed this set", with Reload (the set as the server sent it, or fetched).
#[component]
pub fn StaleAlert(state: SetState) -> impl IntoView {
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
                    <p>"此指标已被他人修改 " <span lang="en">"Someone else changed this set"</span></p>
                    <p class="stale-detail">
                        "重新加载将显示最新内容，您未保存的修改将丢失。 "
                        <span lang="en">"Reloading shows their version; your unsaved changes are lost."</span>
                    </p>
                    {move || error.get().map(|e| view! { <p>{e.message}</p> })}
                    <button
                        type="button"
                        class="button"
                        disabled=move || reload.pending().get()
                        on:click=move |_| {
                            reload.dispatch_local(());
                        }
                    >
                        "重新加载 " <span lang="en">"Reload"</span>
                    </button>
                </div>
            }
        })
    }
}
