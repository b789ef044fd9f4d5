//! The frame every page of a department's year shares (`/departments/:code/…/:year`): the
//! breadcrumb back to the department, the wait for the session (what a page may show
//! depends on who reads it), and the fetch of the year's data named by the address.

use std::future::Future;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use leptos_router::params::ParamsMap;

use crate::api::ApiError;
use crate::components::department_card::department_href;
use crate::components::guard::WhenSessionKnown;
use crate::locale::{t, t_string, use_i18n};

/// The department (`:code`) and year (`:year`) in the address.
#[derive(Clone, Copy)]
pub struct DepartmentParams(Memo<ParamsMap>);

/// The address's department and year, read reactively.
pub fn use_department_params() -> DepartmentParams {
    DepartmentParams(use_params_map())
}

impl DepartmentParams {
    /// The department's code as written in the address.
    pub fn code(self) -> String {
        self.0.read().get("code").unwrap_or_default()
    }

    /// The year as written in the address.
    pub fn year_text(self) -> String {
        self.0.read().get("year").unwrap_or_default()
    }

    /// The year, if the address holds a number.
    pub fn year(self) -> Option<i32> {
        self.0
            .read()
            .get("year")
            .and_then(|y| y.parse::<i32>().ok())
    }
}

/// The page's data for the department and year in the address, fetched again when they
/// change: `fetch(code, year)` is called at once (so what it reads is tracked too); a year
/// that is not a number is "not found" without asking the server.
pub fn department_year_resource<T, Fut>(
    fetch: impl Fn(String, i32) -> Fut + 'static,
) -> LocalResource<Result<T, ApiError>>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let params = use_department_params();
    LocalResource::new(move || {
        let request = params.year().map(|year| fetch(params.code(), year));
        async move {
            match request {
                Some(request) => request.await,
                None => Err(ApiError::from_response(404, "")),
            }
        }
    })
}

/// A department's page for a year: the title until the content names the department, the
/// breadcrumb back to it, and `children` once the session is known (rebuilt when the user
/// changes).
#[component]
pub fn DepartmentYearPage(
    /// The document title while the page loads (a text, or a closure that follows the
    /// language, e.g. `move || t_string!(i18n, monitoring.title).to_string()`).
    #[prop(optional, into)]
    title: Option<leptos::text_prop::TextProp>,
    /// Classes of the page (`page` and the page's own).
    #[prop(default = "page")]
    class: &'static str,
    /// A page meant for printing: the breadcrumb is left out of print.
    #[prop(optional)]
    printable: bool,
    /// Links after the one back to the department.
    #[prop(optional, into)]
    trail: Option<ViewFn>,
    children: ChildrenFn,
) -> impl IntoView {
    let params = use_department_params();
    let i18n = use_i18n();
    let breadcrumb = if printable {
        "breadcrumb no-print"
    } else {
        "breadcrumb"
    };
    view! {
        {title.map(|text| view! { <Title text /> })}
        <div class=class>
            <nav class=breadcrumb aria-label=move || t_string!(i18n, shell.breadcrumb)>
                <A href=move || department_href(&params.code()) exact=true>
                    {t!(i18n, shell.departments.back_to_department)}
                </A>
                {trail.map(|trail| view! { " · " {trail.run()} })}
            </nav>
            <WhenSessionKnown>{children()}</WhenSessionKnown>
        </div>
    }
}
