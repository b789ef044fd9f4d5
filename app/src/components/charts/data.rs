//! The pieces every chart shares: its SVG, named for assistive technology, and its figures
//! in a data table ("数据表 Data table", closed until asked for).

use leptos::prelude::*;

/// A heading in both languages: (Chinese, English).
pub(crate) type Words = (&'static str, &'static str);

/// A chart's SVG, `width` × `height` viewBox units scaled to the figure's width, named by its
/// `<title>` and described by its `<desc>` (ids `{id}-title` and `{id}-desc`).
#[component]
pub(crate) fn DescribedSvg(
    /// Unique id prefix.
    id: String,
    width: f64,
    height: f64,
    title: String,
    desc: String,
    children: Children,
) -> impl IntoView {
    view! {
        <svg class="chart-svg" viewBox=format!("0 0 {width} {height}") width="100%" role="img"
            aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-desc")>
            <title id=format!("{id}-title")>{title}</title>
            <desc id=format!("{id}-desc")>{desc}</desc>
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
    label: String,
    children: Children,
) -> impl IntoView {
    let aria_label = label.clone();
    view! {
        <svg class="chart-svg" viewBox=format!("0 0 {width} {height}") width="100%" role="img"
            aria-label=aria_label id=format!("{id}-svg")>
            <title>{label}</title>
            {children()}
        </svg>
    }
}

/// A chart's figures as a table, for screen readers and for anyone who prefers numbers: the
/// first column names the rows, the others hold numbers; `children` are the rows.
#[component]
pub(crate) fn ChartData(
    /// Heading of the rows' names.
    rows_by: Words,
    /// Headings of the number columns.
    columns: &'static [Words],
    /// A caption for screen readers.
    #[prop(optional, into)]
    caption: Option<String>,
    children: Children,
) -> impl IntoView {
    let numbers = columns
        .iter()
        .map(|(zh, en)| view! { <th scope="col" class="num">{*zh} " " <span lang="en">{*en}</span></th> })
        .collect_view();
    view! {
        <details class="chart-data">
            <summary>"数据表 " <span lang="en">"Data table"</span></summary>
            <div class="table-wrap">
                <table class="data-table compact-table">
                    {caption.map(|text| view! { <caption class="visually-hidden">{text}</caption> })}
                    <thead>
                        <tr>
                            <th scope="col">{rows_by.0} " " <span lang="en">{rows_by.1}</span></th>
                            {numbers}
                        </tr>
                    </thead>
                    <tbody>{children()}</tbody>
                </table>
            </div>
        </details>
    }
}

/// A row of a chart's table named in both languages, with its figures.
pub(crate) fn named_row(
    zh: impl IntoView,
    en: impl IntoView,
    figures: Vec<String>,
) -> impl IntoView {
    let cells = figures
        .into_iter()
        .map(|figure| view! { <td class="num">{figure}</td> })
        .collect_view();
    view! {
        <tr>
            <th scope="row">{zh} " " <span lang="en">{en}</span></th>
            {cells}
        </tr>
    }
}
