//! Excel in and out on a page: download links (a template to fill in, a formatted export)
//! and the upload of a filled-in workbook — "Preview" shows what would be saved or every
//! bad cell (sheet, row, column, message); "Import", enabled only after a clean preview,
//! saves it all or nothing and tells the page to reload its data.

use jixiao_domain::dto::excel::{ExcelImported, ExcelKind, ExcelPreview};
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::api::{self, ApiError};
use crate::format::{money, number};
use crate::locale::{current, pick, pick_in, t, t_string, td_string, use_i18n, Locale};

/// How many rows of a preview are shown.
const PREVIEW_ROWS: usize = 5;

/// The panel that holds a page's Excel links and upload form.
#[component]
pub fn ExcelPanel(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel excel-panel no-print" aria-labelledby="excel-heading">
            <h2 id="excel-heading">{t!(i18n, excel.heading)}</h2>
            {children()}
        </section>
    }
}

/// A plain download link to a workbook on the server, named in the chosen language (`zh`
/// or `en`).
#[component]
pub fn ExcelLink(href: String, file: String, zh: &'static str, en: &'static str) -> impl IntoView {
    view! {
        <a class="button button-secondary" href=href download=file rel="external">
            {move || pick(zh, en)}
        </a>
    }
}

/// "Download template" of `kind` (a month's for monitoring).
#[component]
pub fn TemplateLink(
    code: String,
    kind: ExcelKind,
    year: i32,
    #[prop(optional)] month: Option<u8>,
) -> impl IntoView {
    let href = api::excel::template_path(&code, kind, year, month);
    let what = match month {
        Some(m) => format!("{m:02}-{}-template", kind.as_str()),
        None => format!("{}-template", kind.as_str()),
    };
    let file = api::excel::file_name(&code, year, &what);
    view! {
        <ExcelLink href file
            zh=td_string!(Locale::zh_CN, excel.download_template)
            en=td_string!(Locale::en, excel.download_template) />
    }
}

/// "Export to Excel" of a department's `what` (`set`, `monitoring`, `evaluation`).
#[component]
pub fn ExportLink(code: String, what: &'static str, year: i32) -> impl IntoView {
    let href = api::excel::export_path(&code, what, year);
    let file = api::excel::file_name(&code, year, what);
    view! {
        <ExcelLink href file
            zh=td_string!(Locale::zh_CN, excel.export)
            en=td_string!(Locale::en, excel.export) />
    }
}

/// One bad cell as the server names it: `sheet:…!row:…!column:…` (row and column optional).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub sheet: Option<String>,
    pub row: Option<String>,
    pub column: Option<String>,
}

/// The cell of a problem's field, if it names one.
pub fn cell_of(field: &str) -> Option<Cell> {
    if !field.starts_with("sheet:") {
        return None;
    }
    let mut cell = Cell::default();
    for part in field.split('!') {
        let Some((key, value)) = part.split_once(':') else {
            continue;
        };
        let value = Some(value.to_owned());
        match key {
            "sheet" => cell.sheet = value,
            "row" => cell.row = value,
            "column" => cell.column = value,
            _ => {}
        }
    }
    Some(cell)
}

/// Where a problem is, in words in `locale` ("" if the server named no field).
pub fn place_text(field: Option<&str>, locale: Locale) -> String {
    let Some(field) = field else {
        return String::new();
    };
    match cell_of(field) {
        Some(cell) => {
            let mut parts = Vec::new();
            if let Some(sheet) = cell.sheet {
                parts.push(td_string!(locale, excel.place.sheet, sheet).to_string());
            }
            if let Some(row) = cell.row {
                parts.push(td_string!(locale, excel.place.row, row).to_string());
            }
            if let Some(column) = cell.column {
                parts.push(td_string!(locale, excel.place.column, column).to_string());
            }
            parts.join(" · ")
        }
        None => field.to_owned(),
    }
}

/// Every problem of a refused upload as (place, message) in `locale`: each bad cell, or the
/// one error (the server's messages as it sent them, in `locale` when it sent both).
pub fn problems_of(error: &ApiError, locale: Locale) -> Vec<(String, String)> {
    if error.problems.is_empty() {
        vec![(
            place_text(error.field.as_deref(), locale),
            error.message.clone(),
        )]
    } else {
        let zh = locale == Locale::zh_CN;
        error
            .problems
            .iter()
            .map(|p| {
                (
                    place_text(Some(&p.field), locale),
                    p.message_in(zh).to_owned(),
                )
            })
            .collect()
    }
}

/// What a preview would save, for people (in one language): counts, a header and the
/// first rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub counts: Vec<(&'static str, usize)>,
    pub headers: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// The names of a month's budget lines and indicators by id, in both languages, so that a
/// monitoring preview lists them by name (the workbook itself carries only ids and codes).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PreviewNames {
    pub lines: Vec<(i64, String, String)>,
    pub indicators: Vec<(i64, String, String)>,
}

impl PreviewNames {
    fn name(list: &[(i64, String, String)], id: i64, locale: Locale) -> Option<String> {
        list.iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, zh, en)| pick_in(locale, zh, if en.is_empty() { zh } else { en }).to_owned())
    }
}

pub fn summary(preview: &ExcelPreview, locale: Locale, names: &PreviewNames) -> Summary {
    macro_rules! text {
        ($($key:tt)+) => {
            td_string!(locale, $($key)+)
        };
    }
    match preview {
        ExcelPreview::Budget { update } => Summary {
            counts: vec![(text!(excel.count.lines), update.lines.len())],
            headers: vec![
                text!(excel.column.code),
                text!(excel.column.name),
                text!(excel.column.amount),
                text!(excel.column.adjusted),
            ],
            rows: update
                .lines
                .iter()
                .take(PREVIEW_ROWS)
                .map(|l| {
                    let name = match (l.name_zh.is_empty(), l.name_en.is_empty()) {
                        (false, false) => pick_in(locale, &l.name_zh, &l.name_en),
                        (true, _) => &l.name_en,
                        (false, true) => &l.name_zh,
                    };
                    vec![
                        l.code.clone(),
                        name.to_owned(),
                        money(l.amount_fen, locale),
                        money(l.adjusted_fen, locale),
                    ]
                })
                .collect(),
        },
        ExcelPreview::Set { update, .. } => Summary {
            counts: vec![(text!(excel.count.indicators), update.indicators.len())],
            headers: vec![
                text!(excel.column.indicator),
                text!(excel.column.unit),
                text!(excel.column.target),
                text!(excel.column.points),
            ],
            rows: update
                .indicators
                .iter()
                .take(PREVIEW_ROWS)
                .map(|i| {
                    let target = i
                        .target
                        .map(number)
                        .or_else(|| i.target_text.clone())
                        .unwrap_or_else(|| "—".to_owned());
                    let name = if i.name_en.is_empty() {
                        &i.name_zh
                    } else {
                        pick_in(locale, &i.name_zh, &i.name_en)
                    };
                    vec![name.to_owned(), i.unit.clone(), target, number(i.points)]
                })
                .collect(),
        },
        ExcelPreview::Monitoring { entry, .. } => Summary {
            counts: vec![
                (text!(excel.count.lines), entry.spending.len()),
                (text!(excel.count.values), entry.values.len()),
            ],
            headers: vec![text!(excel.column.item), text!(excel.column.to_date)],
            rows: entry
                .spending
                .iter()
                .map(|s| {
                    vec![
                        PreviewNames::name(&names.lines, s.budget_line_id, locale).unwrap_or_else(
                            || {
                                td_string!(locale, excel.row.line, id = s.budget_line_id)
                                    .to_string()
                            },
                        ),
                        money(s.spent_to_date_fen, locale),
                    ]
                })
                .chain(entry.values.iter().map(|v| {
                    vec![
                        PreviewNames::name(&names.indicators, v.indicator_id, locale)
                            .unwrap_or_else(|| {
                                td_string!(locale, excel.row.indicator, id = v.indicator_id)
                                    .to_string()
                            }),
                        number(v.value_to_date),
                    ]
                }))
                .take(PREVIEW_ROWS)
                .collect(),
        },
    }
}

/// The revision an import is based on (set and budget), as the preview saw it.
pub fn revision_of(preview: &ExcelPreview) -> Option<i64> {
    match preview {
        ExcelPreview::Budget { update } => Some(update.revision),
        ExcelPreview::Set { update, .. } => Some(update.revision),
        ExcelPreview::Monitoring { .. } => None,
    }
}

/// An error of ours (no request was made).
fn local_error(code: &str, message: String) -> ApiError {
    ApiError {
        status: 400,
        code: code.to_owned(),
        message,
        field: None,
        current: None,
        problems: Vec::new(),
    }
}

/// The bytes of the file chosen in `input` (problems told in `locale`).
async fn read_chosen(
    input: Option<web_sys::HtmlInputElement>,
    locale: Locale,
) -> Result<Vec<u8>, ApiError> {
    let file = input
        .and_then(|i| i.files())
        .and_then(|files| files.get(0))
        .ok_or_else(|| local_error("no_file", td_string!(locale, excel.no_file).to_owned()))?;
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        let detail = format!("{e:?}");
        local_error(
            "unreadable",
            td_string!(locale, excel.unreadable, detail).to_string(),
        )
    })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[derive(Clone)]
enum Stage {
    Idle,
    Previewed(ExcelPreview),
    Failed(ApiError),
    Imported,
}

/// The upload form of a workbook of `kind` for `year` (and `month`, for monitoring).
#[component]
pub fn ExcelUpload(
    code: String,
    kind: ExcelKind,
    year: i32,
    #[prop(optional)] month: Option<u8>,
    /// Told what was saved: the page reloads its data.
    on_imported: Callback<ExcelImported>,
    /// Names for the ids a monitoring workbook carries (none: the preview shows ids).
    #[prop(optional, into)]
    names: Signal<PreviewNames>,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = NodeRef::<leptos::html::Input>::new();
    let stage = RwSignal::new(Stage::Idle);
    let bytes = StoredValue::new(None::<Vec<u8>>);
    let id = format!("excel-file-{}", kind.as_str());
    let preview = Action::new_local({
        let code = code.clone();
        move |(): &()| {
            let code = code.clone();
            let chosen = input.get_untracked();
            let locale = i18n.get_locale_untracked();
            async move {
                let result = match read_chosen(chosen, locale).await {
                    Ok(data) => {
                        bytes.set_value(Some(data.clone()));
                        api::excel::preview(&code, kind, year, month, data).await
                    }
                    Err(e) => Err(e),
                };
                stage.set(match result {
                    Ok(preview) => Stage::Previewed(preview),
                    Err(e) => {
                        bytes.set_value(None);
                        Stage::Failed(e)
                    }
                });
            }
        }
    });
    let import = Action::new_local(move |revision: &Option<i64>| {
        let (code, revision) = (code.clone(), *revision);
        let data = bytes.get_value();
        async move {
            let Some(data) = data else {
                return;
            };
            match api::excel::import(&code, kind, year, month, revision, data).await {
                Ok(imported) => {
                    bytes.set_value(None);
                    stage.set(Stage::Imported);
                    on_imported.run(imported);
                }
                Err(e) => stage.set(Stage::Failed(e)),
            }
        }
    });
    let busy = move || preview.pending().get() || import.pending().get();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        stage.set(Stage::Idle);
        preview.dispatch(());
    };
    let on_import = move |_| {
        if let Stage::Previewed(p) = stage.get_untracked() {
            import.dispatch(revision_of(&p));
        }
    };
    let ready = move || stage.with(|s| matches!(s, Stage::Previewed(_)));
    let outcome = move || match stage.get() {
        Stage::Idle => ().into_any(),
        Stage::Imported => view! {
            <p class="form-status" role="status">{t!(i18n, excel.imported)}</p>
        }
        .into_any(),
        Stage::Previewed(p) => view! { <PreviewSummary preview=p names /> }.into_any(),
        Stage::Failed(e) => view! { <ProblemList error=e /> }.into_any(),
    };
    view! {
        <form class="form excel-upload" novalidate=true on:submit=on_submit>
            <div class="field">
                <label for=id.clone()>{t!(i18n, excel.choose_file)}</label>
                <input id=id.clone() name=id type="file" node_ref=input
                    accept=format!(".xlsx,{}", api::excel::XLSX)
                    on:change=move |_| {
                        bytes.set_value(None);
                        stage.set(Stage::Idle);
                    } />
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-secondary" disabled=busy>
                    {t!(i18n, excel.preview)}
                </button>
                <button type="button" class="button" on:click=on_import
                    disabled=move || busy() || !ready()>
                    {t!(i18n, excel.import)}
                </button>
            </div>
            {outcome}
        </form>
    }
}

#[component]
fn PreviewSummary(preview: ExcelPreview, names: Signal<PreviewNames>) -> impl IntoView {
    let i18n = use_i18n();
    // Rebuilt in the other language when it changes.
    let tables = move || {
        let Summary {
            counts,
            headers,
            rows,
        } = names.with(|names| summary(&preview, current(), names));
        let counts = counts
            .into_iter()
            .map(|(label, n)| view! { <li>{label} ": " <strong>{n}</strong></li> })
            .collect_view();
        let head = headers
            .into_iter()
            .map(|label| view! { <th scope="col">{label}</th> })
            .collect_view();
        let body = rows
            .into_iter()
            .map(|row| {
                view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> }
            })
            .collect_view();
        view! {
            <ul class="excel-counts">{counts}</ul>
            <div class="table-wrap" role="region" aria-label=move || t_string!(i18n, excel.preview) tabindex="0">
                <table class="data-table">
                    <caption>{t!(i18n, excel.first_rows)}</caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
    };
    view! {
        <div class="excel-preview">
            <p class="form-status" role="status">{t!(i18n, excel.preview_ok)}</p>
            {tables}
        </div>
    }
}

#[component]
fn ProblemList(error: ApiError) -> impl IntoView {
    let i18n = use_i18n();
    let n = problems_of(&error, Locale::en).len();
    let items = move || {
        problems_of(&error, current())
            .into_iter()
            .map(|(place, message)| {
                let place = (!place.is_empty())
                    .then(|| view! { <strong class="excel-cell">{place}</strong> ": " });
                view! { <li>{place}{message}</li> }
            })
            .collect_view()
    };
    view! {
        <div class="form-alert excel-problems" role="alert">
            <p>{t!(i18n, excel.problems, count = n)}</p>
            <ul>{items}</ul>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::dto::budget::BudgetUpdate;
    use jixiao_domain::dto::monitoring::MonthEntry;
    use jixiao_domain::FieldError;

    #[test]
    fn cells_are_named_in_words() {
        assert_eq!(
            place_text(Some("sheet:Budget!row:7!column:C"), Locale::en),
            "Sheet Budget · Row 7 · Column C"
        );
        assert_eq!(
            place_text(Some("sheet:预算!row:7!column:C"), Locale::zh_CN),
            "工作表 预算 · 第 7 行 · 第 C 列"
        );
        assert_eq!(place_text(Some("sheet:X"), Locale::en), "Sheet X");
        assert_eq!(place_text(Some("revision"), Locale::zh_CN), "revision");
        assert_eq!(place_text(None, Locale::en), "");
        assert_eq!(cell_of("lines[0].code"), None);
    }

    #[test]
    fn every_problem_or_the_one_error() {
        let mut error = ApiError::from_response(
            400,
            r#"{"error":{"code":"not_xlsx","message":"not a workbook"}}"#,
        );
        assert_eq!(
            problems_of(&error, Locale::en),
            [(String::new(), "not a workbook".to_owned())]
        );
        error.problems = vec![
            FieldError::new("x", "sheet:S!row:2!column:A", "bad"),
            FieldError::bilingual("x", "sheet:S!row:3", "worse", "更糟"),
        ];
        let problems = problems_of(&error, Locale::en);
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[1],
            ("Sheet S · Row 3".to_owned(), "worse".to_owned())
        );
        let problems = problems_of(&error, Locale::zh_CN);
        assert_eq!(
            problems[1],
            ("工作表 S · 第 3 行".to_owned(), "更糟".to_owned())
        );
        assert_eq!(problems[0].1, "bad");
    }

    #[test]
    fn summaries_count_and_revisions_carry() {
        let budget = ExcelPreview::Budget {
            update: BudgetUpdate {
                revision: 4,
                lines: Vec::new(),
            },
        };
        assert_eq!(
            summary(&budget, Locale::en, &PreviewNames::default()).counts,
            [("Lines", 0)]
        );
        assert_eq!(
            summary(&budget, Locale::zh_CN, &PreviewNames::default()).counts,
            [("预算项目", 0)]
        );
        assert_eq!(
            summary(&budget, Locale::en, &PreviewNames::default()).headers,
            ["Code", "Name", "Amount", "Adjusted"]
        );
        assert_eq!(revision_of(&budget), Some(4));
        let month = ExcelPreview::Monitoring {
            month: 3,
            entry: MonthEntry {
                spending: Vec::new(),
                values: Vec::new(),
            },
        };
        assert_eq!(
            summary(&month, Locale::en, &PreviewNames::default())
                .counts
                .len(),
            2
        );
        let month = ExcelPreview::Monitoring {
            month: 3,
            entry: MonthEntry {
                spending: vec![jixiao_domain::dto::monitoring::SpendingFigure {
                    budget_line_id: 7,
                    spent_to_date_fen: 100,
                    note: None,
                    cause: None,
                    measure: None,
                }],
                values: Vec::new(),
            },
        };
        let names = PreviewNames {
            lines: vec![(7, "人员经费".into(), "Personnel".into())],
            indicators: Vec::new(),
        };
        assert_eq!(summary(&month, Locale::en, &names).rows[0][0], "Personnel");
        assert_eq!(
            summary(&month, Locale::zh_CN, &names).rows[0][0],
            "人员经费"
        );
        let unnamed = summary(&month, Locale::en, &PreviewNames::default());
        assert!(unnamed.rows[0][0].contains('7'), "{:?}", unnamed.rows);
        assert_eq!(revision_of(&month), None);
    }

    #[test]
    fn paths() {
        assert_eq!(
            api::excel::template_path("EDU", ExcelKind::Monitoring, 2026, Some(3)),
            "/api/departments/EDU/excel/monitoring/2026/template.xlsx?month=3"
        );
        assert_eq!(
            api::excel::export_path("EDU", "set", 2026),
            "/api/departments/EDU/excel/set/2026.xlsx"
        );
        assert_eq!(
            api::excel::results_path(2025),
            "/api/years/2025/results.xlsx"
        );
    }
}
