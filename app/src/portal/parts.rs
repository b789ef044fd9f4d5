//! Small pieces the portal's pages share: grade in words, loading and error states, the
//! open data links.

use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::fetch::FetchError;
use super::logic::open_data_href;
use crate::locale::{current, pick, t, use_i18n};

/// A grade in words (优 / Excellent …); its colour is a second cue only.
#[component]
pub fn GradeText(grade: Grade) -> impl IntoView {
    view! {
        <span class=format!("grade grade-{}", grade.as_str())>
            {move || pick(grade.label_zh(), grade.label_en())}
        </span>
    }
}

/// A cell's column name, shown only where a table is stacked into cards (phones); hidden
/// from screen readers, which have the real column header.
#[component]
pub fn CellLabel(zh: &'static str, en: &'static str) -> impl IntoView {
    view! {
        <span class="cell-label" aria-hidden="true">{move || pick(zh, en)}</span>
    }
}

/// Waiting for the server, announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="loading" role="status">{t!(i18n, common.loading)}</p>
    }
}

/// A failed request, announced, with a button that tries again.
#[component]
pub fn Problem(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="problem" role="alert">
            <p>{move || error.words(current())}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t!(i18n, portal.try_again)}
            </button>
        </div>
    }
}

/// The year's open data: the whole package as one zip, and each file on its own.
#[component]
pub fn OpenData(year: i32) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel open-data" aria-labelledby="open-data-heading">
            <h2 id="open-data-heading">{t!(i18n, portal.open_data.heading)}</h2>
            <p>{t!(i18n, portal.open_data.text, year)}</p>
            <a class="button button-primary download" href=open_data_href(year, "open-data.zip") download>
                {t!(i18n, portal.open_data.download)} " (ZIP)"
            </a>
            <ul class="file-list">
                <li>
                    <a href=open_data_href(year, "budget.csv") download>
                        <code>"budget.csv"</code>
                        <span class="file-what">{t!(i18n, portal.open_data.budget_csv)}</span>
                    </a>
                </li>
                <li>
                    <a href=open_data_href(year, "results.csv") download>
                        <code>"results.csv"</code>
                        <span class="file-what">{t!(i18n, portal.open_data.results_csv)}</span>
                    </a>
                </li>
                <li>
                    <a href=open_data_href(year, "datapackage.json") download>
                        <code>"datapackage.json"</code>
                        <span class="file-what">{t!(i18n, portal.open_data.descriptor)}</span>
                    </a>
                </li>
            </ul>
        </section>
    }
}
