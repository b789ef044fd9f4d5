//! "Monitoring" (全省监控) in the main navigation, for finance and the assessment agency: the
//! province dashboard of the year being executed (else the newest year).

use jixiao_domain::dto::years::YearList;
use jixiao_domain::framework::{Phase, Role};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::auth::use_auth;
use crate::locale::{t, use_i18n};

/// The year whose monitoring matters now: the earliest still in execution (a later year
/// moved to execution early has no figures yet), else the newest.
pub fn monitoring_year(list: &YearList) -> Option<i32> {
    list.years
        .iter()
        .filter(|y| y.phase == Phase::Execution)
        .map(|y| y.year)
        .min()
        .or_else(|| list.years.iter().map(|y| y.year).max())
}

#[component]
pub fn MonitoringNavItem() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let province_reader = Memo::new(move |_| {
        auth.me()
            .is_some_and(|me| matches!(me.role, Role::Finance | Role::Assessment))
    });
    move || {
        province_reader.get().then(|| {
            let years = LocalResource::new(api::years::list);
            let href = move || {
                let year = years
                    .get()
                    .and_then(Result::ok)
                    .and_then(|list| monitoring_year(&list))
                    .unwrap_or(2026);
                format!("/monitoring/{year}")
            };
            view! {
                <li>
                    <A href=href>{t!(i18n, monitoring.nav)}</A>
                </li>
            }
        })
    }
}
