//! The public transparency portal (`/open/…`): published years only, phone first.
//!
//! A WASM binary of its own (`src/bin/portal.rs`, `portal.html`, `style/portal.css`): it
//! uses only this module, the domain's public types and a minimal fetch helper, so a citizen
//! never downloads the officials' app.
//!
//! - `/open` — the newest published year's overview (or "nothing published yet");
//! - `/open/:year` — the province overview, filters in the query (`?sector=…&q=…`);
//! - `/open/:year/:code` — one department.

mod charts;
mod department;
mod fetch;
mod logic;
mod numbers;
mod overview;
mod parts;
mod ranking;
mod tables;

use jixiao_domain::dto::public::PublishedYears;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Meta, Title};
use leptos_router::components::{Route, Router, Routes};

use crate::locale::{t, t_string, use_i18n, LanguageProvider, LanguageSwitch};
use leptos_router::hooks::use_location;
use leptos_router::path;

use department::DepartmentPage;
use fetch::FetchError;
use logic::{overview_href, Filter};
use overview::OverviewPage;

use numbers::published_date;

/// Shown after each page's own title in the browser tab.
pub const BRAND: &str = "绩效公开 Jixiao open results";

/// The published years, fetched once for every page.
#[derive(Clone, Copy)]
struct Years(LocalResource<Result<PublishedYears, FetchError>>);

fn use_years() -> LocalResource<Result<PublishedYears, FetchError>> {
    expect_context::<Years>().0
}

#[component]
pub fn Portal() -> impl IntoView {
    provide_meta_context();
    provide_context(Years(LocalResource::new(fetch::years)));
    view! {
        <Title formatter=|text: String| {
            if text.is_empty() { BRAND.to_owned() } else { format!("{text} · {BRAND}") }
        } />
        <LanguageProvider>
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/open") view=OverviewPage />
                    <Route path=path!("/open/:year") view=OverviewPage />
                    <Route path=path!("/open/:year/:code") view=DepartmentPage />
                </Routes>
            </Shell>
        </Router>
        </LanguageProvider>
    }
}

/// Skip link, header with the portal's name and navigation, `<main>`, footer.
#[component]
fn Shell(children: Children) -> impl IntoView {
    // The router would take `#main` for a route, so the skip link moves focus itself.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let skip = move |ev: leptos::ev::MouseEvent| {
        if let Some(main) = main_ref.get() {
            ev.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    // A new page (not a new filter) takes focus to `<main>`, so a screen reader starts there.
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = main_ref.get_untracked() {
                let _ = main.focus();
            }
        }
        path
    });
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {t!(i18n, common.skip_to_main)}
        </a>
        <header class="site-header">
            <div class="wrap header-inner">
                <a class="brand" href="/open">
                    <img src="/portal/favicon.svg" alt="" width="28" height="28" />
                    <span>{t!(i18n, portal.brand)}</span>
                </a>
                <nav aria-label=move || t_string!(i18n, portal.nav_label)>
                    <ul class="nav-list">
                        <li><a href="/open">{t!(i18n, portal.latest)}</a></li>
                    </ul>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" class="wrap" tabindex="-1" node_ref=main_ref>
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{t!(i18n, portal.footer)}</p>
                <p>
                    <a href="/login" rel="external">{t!(i18n, portal.staff_login)}</a>
                </p>
            </div>
        </footer>
    }
}

/// Links to every published year (for "not published" and "not found").
#[component]
fn PublishedYearLinks() -> impl IntoView {
    let years = use_years();
    let i18n = use_i18n();
    move || {
        let list = years.get().and_then(Result::ok)?.years;
        (!list.is_empty()).then(|| {
            view! {
                <p>{t!(i18n, portal.published_years)} ":"</p>
                <ul class="year-links">
                    {list.into_iter().map(|y| view! {
                        <li>
                            <a class="button" href=overview_href(y.year, &Filter::default())>
                                {t!(i18n, portal.fiscal_year, year = y.year)}
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, portal.not_found.title).to_owned() />
        <Meta name="description" content=move || t_string!(i18n, portal.not_found.heading).to_owned() />
        <div class="page-head">
            <h1>{t!(i18n, portal.not_found.heading)}</h1>
        </div>
        <section class="panel">
            <p>{t!(i18n, portal.not_found.text)}</p>
            <p><a class="button" href="/open">{t!(i18n, portal.not_found.latest)}</a></p>
        </section>
    }
}
