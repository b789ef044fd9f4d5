//! Small pieces the portal's pages share: grade in words, loading and error states, the
//! open data links.

use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::fetch::FetchError;
use super::logic::open_data_href;

/// A grade in words (优 Excellent …); its colour is a second cue only.
#[component]
pub fn GradeText(grade: Grade) -> impl IntoView {
    view! {
        <span class=format!("grade grade-{}", grade.as_str())>
            {grade.label_zh()} " " <span lang="en">{grade.label_en()}</span>
        </span>
    }
}

/// A cell's column name, shown only where a table is stacked into cards (phones); hidden
/// from screen readers, which have the real column header.
#[component]
pub fn CellLabel(zh: &'static str, en: &'static str) -> impl IntoView {
    view! {
        <span class="cell-label" aria-hidden="true">{zh} " " <span lang="en">{en}</span></span>
    }
}

/// Waiting for the server, announced politely.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            "加载中… " <span lang="en">"Loading…"</span>
        </p>
    }
}

/// A failed request, announced, with a button that tries again.
#[component]
pub fn Problem(error: FetchError, #[prop(into)] on_retry: Callback<()>) -> impl IntoView {
    let (zh, en) = error.words();
    view! {
        <div class="problem" role="alert">
            <p>{zh} " " <span lang="en">{en}</span></p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "重试 " <span lang="en">"Try again"</span>
            </button>
        </div>
    }
}

/// The year's open data: the whole package as one zip, and each file on its own.
#[component]
pub fn OpenData(year: i32) -> impl IntoView {
    let files = [
        (
            "budget.csv",
            "预算与支出（CSV）",
            "Budget and spending (CSV)",
        ),
        (
            "results.csv",
            "指标、得分与等级（CSV）",
            "Indicators, scores and grades (CSV)",
        ),
        (
            "datapackage.json",
            "数据包说明（JSON）",
            "Data package descriptor (JSON)",
        ),
    ];
    view! {
        <section class="panel open-data" aria-labelledby="open-data-heading">
            <h2 id="open-data-heading">"开放数据 " <span lang="en">"Open data"</span></h2>
            <p>
                {format!("{year} 年度全部公开数据，机器可读，可自由下载再利用。 ")}
                <span lang="en">
                    {format!("All published data for {year}, machine-readable (Frictionless Data Package), free to download and reuse.")}
                </span>
            </p>
            <a class="button button-primary download" href=open_data_href(year, "open-data.zip") download>
                "下载开放数据 " <span lang="en">"Download open data"</span> " (ZIP)"
            </a>
            <ul class="file-list">
                {files.into_iter().map(|(file, zh, en)| view! {
                    <li>
                        <a href=open_data_href(year, file) download>
                            <code>{file}</code>
                            <span class="file-what">{zh} " " <span lang="en">{en}</span></span>
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}
