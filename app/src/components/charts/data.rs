//! The pieces every chart shares: its SVG, named for assistive technology, and its figures
//! in a data table ("Data table", closed until asked for).

use leptos::prelude::*;

use crate::locale::{t, use_i18n, Locale};

/// A fixed heading, in the language asked for (e.g. `|l| td_string!(l, charts.column.month)`).
pub(crate) type Heading = fn(Locale) -> &'static str;

/// A chart's SVG, `width` × `height` viewBox units scaled to the figure's width, named by its
/// `<title>` and described by its `<desc>` (ids `{id}-title` and `{id}-desc`).
#[component]
pub(crate) fn DescribedSvg(
    /// Unique id prefix.
    id: String,
    width: f64,
    height: f64,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] desc: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <svg class="chart-svg" viewBox=format!("0 0 {width} {height}") width="100%" role="img"
            aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-desc")>
            <title id=format!("{id}-title")>{move || title.get()}</title>
            <desc id=format!("{id}-desc")>{move || desc.get()}</desc>
            {children()}
        </svg>
    }
}

/// A chart's SVG named by `label`, the whole chart in words (also its `<title>`, the
/// tooltip), id `{id}-svg`.
#[component]
pub(crate) fn LabelledSvg(
    /// Unique id prefix.
    id: String,
    width: f64,
    height: f64,
    #[prop(into)] label: Signal<String>,
    children: Children,
) -> impl IntoView {
    view! {
        <svg class="chart-svg" viewBox=format!("0 0 {width} {height}") width="100%" role="img"
            aria-label=move || label.get() id=format!("{id}-svg")>
            <title>{move || label.get()}</title>
            {children()}
        </svg>
    }
}

/// A chart's figures as a table, for screen readers and for anyone who prefers numbers: the
/// first column names the rows, the others hold numbers; `children` are the rows.
#[component]
pub(crate) fn ChartData(
    /// Heading of the rows' names.
    rows_by: Heading,
    /// Headings of the number columns.
    columns: Vec<Heading>,
    /// A caption for screen readers.
    #[prop(optional, into)]
    caption: MaybeProp<String>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let numbers = columns
        .into_iter()
        .map(|heading| view! { <th scope="col" class="num">{move || heading(i18n.get_locale())}</th> })
        .collect_view();
    let caption = move || {
        caption
            .get()
            .map(|text| view! { <caption class="visually-hidden">{text}</caption> })
    };
    view! {
        <details class="chart-data">
            <summary>{t!(i18n, charts.data_table)}</summary>
            <div class="table-wrap">
                <table class="data-table compact-table">
                    {caption}
                    <thead>
                        <tr>
                            <th scope="col">{move || rows_by(i18n.get_locale())}</th>
                            {numbers}
                        </tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
        </details>
    }
}

/// A row of a chart's table, named by `name` (in the chosen language), with its figures.
pub(crate) fn named_row(name: impl IntoView, figures: Vec<String>) -> impl IntoView {
    let cells = figures
        .into_iter()
        .map(|figure| view! { <td class="num">{figure}</td> })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{name}</th>
            {cells}
        </tr>
    }
}
