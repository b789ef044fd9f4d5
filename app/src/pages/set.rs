//! `/departments/:code/sets/:year`: a department's indicator set for a year. Everyone who
//! may read it sees it with its status, version, review comment and history; the
//! department edits it while the year is in planning; the head submits it; finance returns,
//! approves and publishes it; the assessment agency adds key work targets.

mod header;
mod history;
mod key_work;
mod start;
mod view;
mod workflow;

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::excel::{ExcelImported, ExcelKind};
use jixiao_domain::dto::sets::IndicatorSet;
use jixiao_domain::framework::{Phase, SetStatus};
use leptos::prelude::*;

use self::header::SetHeader;
use self::history::History;
use self::key_work::KeyWorkForm;
use self::start::SetNotFound;
use self::view::IndicatorTable;
use self::workflow::Workflow;
use crate::api::endpoints;
use crate::auth::use_auth;
use crate::components::department_card::department_href;
use crate::components::department_page::{use_department_params, DepartmentYearPage};
use crate::components::excel::{ExcelPanel, ExcelUpload, ExportLink, TemplateLink};
use crate::components::fetched::fetched;
use crate::components::guard::access_error;
use crate::components::loading::Loading;
use crate::components::set_editor::fields::Names;
use crate::components::set_editor::model::can_edit;
use crate::components::set_editor::{SetEditor, SetState, StaleAlert};

/// Link target of a department's set for a year.
pub fn set_href(code: &str, year: i32) -> String {
    format!("{}/sets/{year}", department_href(code))
}

#[component]
pub fn SetPage() -> impl IntoView {
    view! {
        <DepartmentYearPage>
            <SetLoader />
        </DepartmentYearPage>
    }
}

/// The set of the year in the address, as written (the server finds or refuses it).
#[component]
fn SetLoader() -> impl IntoView {
    let params = use_department_params();
    let set = LocalResource::new(move || {
        let (code, year) = (params.code(), params.year_text());
        async move { endpoints::indicator_set(&code, &year).await }
    });
    let on_started = Callback::new(move |started: IndicatorSet| set.set(Some(Ok(started))));
    fetched(
        set,
        |set| view! { <SetScreen set /> },
        move |error| {
            access_error(error).or_else(|| {
                error.is_not_found().then(|| {
                    view! { <SetNotFound code=params.code() year=params.year_text() on_started /> }.into_any()
                })
            })
        },
    )
}

/// The department's budget units (code, names) and sector, for the editor.
fn editor_context(
    department: Result<jixiao_domain::dto::Department, crate::api::ApiError>,
) -> (
    Vec<(String, Names)>,
    Option<jixiao_domain::framework::Sector>,
) {
    match department {
        Ok(d) => (
            d.units
                .into_iter()
                .map(|u| {
                    let en = Some(&u.name_en).filter(|n| !n.trim().is_empty());
                    let names = Names::new(
                        format!("{} {}", u.name_zh, u.code),
                        format!("{} {}", en.unwrap_or(&u.name_zh), u.code),
                    );
                    (u.code, names)
                })
                .collect(),
            Some(d.sector),
        ),
        Err(_) => (Vec::new(), None),
    }
}

/// The editor, once the department's units and sector are known.
#[component]
fn EditorLoader(state: SetState) -> impl IntoView {
    let code = state.set.with_untracked(|s| s.department.code.clone());
    let department = LocalResource::new(move || {
        let code = code.clone();
        async move { endpoints::department(&code).await }
    });
    move || match department.get() {
        None => view! { <Loading /> }.into_any(),
        Some(result) => {
            let (units, sector) = editor_context(result);
            view! { <SetEditor state units sector /> }.into_any()
        }
    }
}

#[component]
fn SetScreen(set: IndicatorSet) -> impl IntoView {
    let auth = use_auth();
    let code = set.department.code.clone();
    let year = set.year;
    let state = SetState::new(set);
    let editable = Memo::new(move |_| state.set.with(|s| can_edit(auth.me().as_ref(), s)));
    let indicators = move || {
        if editable.get() {
            view! { <EditorLoader state /> }.into_any()
        } else {
            let indicators = state.set.with(|s| s.indicators.clone());
            view! { <IndicatorTable indicators /> }.into_any()
        }
    };
    let excel_code = code.clone();
    let excel_upload = move || {
        editable.get().then(|| {
            let on_imported = Callback::new(move |imported: ExcelImported| {
                if let ExcelImported::Set { set } = imported {
                    state.load(set);
                }
            });
            view! {
                <ExcelUpload code=excel_code.clone() kind=ExcelKind::Set year on_imported />
            }
        })
    };
    let template_code = code.clone();
    let template = move || {
        editable.get().then(|| {
            view! { <TemplateLink code=template_code.clone() kind=ExcelKind::Set year /> }
        })
    };
    let export_code = code.clone();
    let may_add_key_work = Memo::new(move |_| {
        auth.can(Capability::SetKeyWork)
            && state.set.with(|s| {
                s.phase == Phase::Planning
                    && matches!(
                        s.status,
                        SetStatus::Draft | SetStatus::Returned | SetStatus::Submitted
                    )
            })
    });
    let on_added = Callback::new(move |set: IndicatorSet| state.load(set));
    let key_work = move || {
        may_add_key_work
            .get()
            .then(|| view! { <KeyWorkForm code=code.clone() year on_added /> })
    };
    view! {
        <SetHeader state />
        <StaleAlert state />
        {indicators}
        <ExcelPanel>
            <p class="form-actions">
                <ExportLink code=export_code what="set" year />
                {template}
            </p>
            {excel_upload}
        </ExcelPanel>
        <Workflow state editable />
        {key_work}
        <History state />
    }
}
