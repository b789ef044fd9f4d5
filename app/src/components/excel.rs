//! Excel in and out on a page: download links (a template to fill in, a formatted export)
//! and the upload of a filled-in workbook — "预览 Preview" shows what would be saved or every
//! bad cell (sheet, row, column, message); "导入 Import", enabled only after a clean preview,
//! saves it all or nothing and tells the page to reload its data.

use jixiao_domain::dto::excel::{ExcelImported, ExcelKind, ExcelPreview};
use jixiao_domain::money::format_yuan;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::api::{self, ApiError};
use crate::format::number;

/// How many rows of a preview are shown.
const PREVIEW_ROWS: usize = 5;

/// The panel that holds a page's Excel links and upload form.
#[component]
pub fn ExcelPanel(children: Children) -> impl IntoView {
    view! {
        <section class="panel excel-panel no-print" aria-labelledby="excel-heading">
            <h2 id="excel-heading">"Excel 表格 " <span lang="en">"Excel"</span></h2>
            {children()}
        </section>
    }
}

/// A plain download link to a workbook on the server.
#[component]
pub fn ExcelLink(href: String, file: String, zh: &'static str, en: &'static str) -> impl IntoView {
    view! {
        <a class="button button-secondary" href=href download=file rel="external">
            {zh} " " <span lang="en">{en}</span>
        </a>
    }
}

/// "下载模板 Download template" of `kind` (a month's for monitoring).
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
    view! { <ExcelLink href file zh="下载模板" en="Download template" /> }
}

/// "导出Excel Export to Excel" of a department's `what` (`set`, `monitoring`, `evaluation`).
#[component]
pub fn ExportLink(code: String, what: &'static str, year: i32) -> impl IntoView {
    let href = api::excel::export_path(&code, what, year);
    let file = api::excel::file_name(&code, year, what);
    view! { <ExcelLink href file zh="导出Excel" en="Export to Excel" /> }
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

/// Where a problem is, in words ("" if the server named no field).
pub fn place_text(field: Option<&str>) -> String {
    let Some(field) = field else {
        return String::new();
    };
    match cell_of(field) {
        Some(cell) => {
            let mut parts = Vec::new();
            if let Some(sheet) = cell.sheet {
                parts.push(format!("工作表 Sheet {sheet}"));
            }
            if let Some(row) = cell.row {
                parts.push(format!("行 Row {row}"));
            }
            if let Some(column) = cell.column {
                parts.push(format!("列 Column {column}"));
            }
            parts.join(" · ")
        }
        None => field.to_owned(),
    }
}

/// Every problem of a refused upload as (place, message): each bad cell, or the one error.
pub fn problems_of(error: &ApiError) -> Vec<(String, String)> {
    if error.problems.is_empty() {
        vec![(place_text(error.field.as_deref()), error.message.clone())]
    } else {
        error
            .problems
            .iter()
            .map(|p| (place_text(Some(&p.field)), p.message.clone()))
            .collect()
    }
}

/// What a preview would save, for people: counts, a header and the first rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub counts: Vec<(&'static str, &'static str, usize)>,
    pub headers: Vec<(&'static str, &'static str)>,
    pub rows: Vec<Vec<String>>,
}

pub fn summary(preview: &ExcelPreview) -> Summary {
    match preview {
        ExcelPreview::Budget { update } => Summary {
            counts: vec![("预算项目", "Lines", update.lines.len())],
            headers: vec![
                ("代码", "Code"),
                ("名称", "Name"),
                ("批复金额", "Amount"),
                ("调整后金额", "Adjusted"),
            ],
            rows: update
                .lines
                .iter()
                .take(PREVIEW_ROWS)
                .map(|l| {
                    vec![
                        l.code.clone(),
                        l.name_zh.clone(),
                        format_yuan(l.amount_fen),
                        format_yuan(l.adjusted_fen),
                    ]
                })
                .collect(),
        },
        ExcelPreview::Set { update, .. } => Summary {
            counts: vec![("指标", "Indicators", update.indicators.len())],
            headers: vec![
                ("指标", "Indicator"),
                ("单位", "Unit"),
                ("目标值", "Target"),
                ("分值", "Points"),
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
                    vec![i.name_zh.clone(), i.unit.clone(), target, number(i.points)]
                })
                .collect(),
        },
        ExcelPreview::Monitoring { entry, .. } => Summary {
            counts: vec![
                ("预算项目", "Lines", entry.spending.len()),
                ("指标值", "Values", entry.values.len()),
            ],
            headers: vec![("项目", "Item"), ("累计至本月", "To date")],
            rows: entry
                .spending
                .iter()
                .map(|s| {
                    vec![
                        format!("预算项目 Line #{}", s.budget_line_id),
                        format_yuan(s.spent_to_date_fen),
                    ]
                })
                .chain(entry.values.iter().map(|v| {
                    vec![
                        format!("指标 Indicator #{}", v.indicator_id),
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

/// The bytes of the file chosen in `input`.
async fn read_chosen(input: Option<web_sys::HtmlInputElement>) -> Result<Vec<u8>, ApiError> {
    let file = input
        .and_then(|i| i.files())
        .and_then(|files| files.get(0))
        .ok_or_else(|| {
            local_error(
                "no_file",
                "请先选择一个Excel文件。 Choose an Excel file first.".to_owned(),
            )
        })?;
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        local_error(
            "unreadable",
            format!("无法读取该文件。 The file could not be read ({e:?})."),
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
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let stage = RwSignal::new(Stage::Idle);
    let bytes = StoredValue::new(None::<Vec<u8>>);
    let id = format!("excel-file-{}", kind.as_str());
    let preview = Action::new_local({
        let code = code.clone();
        move |(): &()| {
            let code = code.clone();
            let chosen = input.get_untracked();
            async move {
                let result = match read_chosen(chosen).await {
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
            <p class="form-status" role="status">
                "已导入。 " <span lang="en">"Imported."</span>
            </p>
        }
        .into_any(),
        Stage::Previewed(p) => view! { <PreviewSummary preview=p /> }.into_any(),
        Stage::Failed(e) => view! { <ProblemList error=e /> }.into_any(),
    };
    view! {
        <form class="form excel-upload" novalidate=true on:submit=on_submit>
            <div class="field">
                <label for=id.clone()>
                    "选择Excel文件 " <span lang="en">"Choose an Excel file (.xlsx)"</span>
                </label>
                <input id=id.clone() name=id type="file" node_ref=input
                    accept=format!(".xlsx,{}", api::excel::XLSX)
                    on:change=move |_| {
                        bytes.set_value(None);
                        stage.set(Stage::Idle);
                    } />
            </div>
            <div class="form-actions">
                <button type="submit" class="button button-secondary" disabled=busy>
                    "预览 " <span lang="en">"Preview"</span>
                </button>
                <button type="button" class="button" on:click=on_import
                    disabled=move || busy() || !ready()>
                    "导入 " <span lang="en">"Import"</span>
                </button>
            </div>
            {outcome}
        </form>
    }
}

#[component]
fn PreviewSummary(preview: ExcelPreview) -> impl IntoView {
    let Summary {
        counts,
        headers,
        rows,
    } = summary(&preview);
    let counts = counts
        .into_iter()
        .map(|(zh, en, n)| {
            view! {
                <li>{zh} " " <span lang="en">{en}</span> ": " <strong>{n}</strong></li>
            }
        })
        .collect_view();
    let head = headers
        .into_iter()
        .map(|(zh, en)| view! { <th scope="col">{zh} " " <span lang="en">{en}</span></th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|row| {
            view! { <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr> }
        })
        .collect_view();
    view! {
        <div class="excel-preview">
            <p class="form-status" role="status">
                "预览无问题，尚未保存。 "
                <span lang="en">"Preview: no problems. Nothing is saved until you import."</span>
            </p>
            <ul class="excel-counts">{counts}</ul>
            <div class="table-wrap" role="region" aria-label="预览 Preview" tabindex="0">
                <table class="data-table">
                    <caption>"前几行 " <span lang="en">"First rows"</span></caption>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
fn ProblemList(error: ApiError) -> impl IntoView {
    let problems = problems_of(&error);
    let n = problems.len();
    let items = problems
        .into_iter()
        .map(|(place, message)| {
            let place = (!place.is_empty())
                .then(|| view! { <strong class="excel-cell">{place}</strong> ": " });
            view! { <li>{place}<span lang="en">{message}</span></li> }
        })
        .collect_view();
    view! {
        <div class="form-alert excel-problems" role="alert">
            <p>
                {format!("工作簿有 {n} 个问题，未保存任何内容。 ")}
                <span lang="en">{format!("{n} problem(s) with the workbook; nothing was saved.")}</span>
            </p>
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
            place_text(Some("sheet:预算 Budget!row:7!column:C")),
            "工作表 Sheet 预算 Budget · 行 Row 7 · 列 Column C"
        );
        assert_eq!(place_text(Some("sheet:X")), "工作表 Sheet X");
        assert_eq!(place_text(Some("revision")), "revision");
        assert_eq!(place_text(None), "");
        assert_eq!(cell_of("lines[0].code"), None);
    }

    #[test]
    fn every_problem_or_the_one_error() {
        let mut error = ApiError::from_response(
            400,
            r#"{"error":{"code":"not_xlsx","message":"not a workbook"}}"#,
        );
        assert_eq!(
            problems_of(&error),
            [(String::new(), "not a workbook".to_owned())]
        );
        error.problems = vec![
            FieldError::new("x", "sheet:S!row:2!column:A", "bad"),
            FieldError::new("x", "sheet:S!row:3", "worse"),
        ];
        let problems = problems_of(&error);
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[1].0, "工作表 Sheet S · 行 Row 3");
    }

    #[test]
    fn summaries_count_and_revisions_carry() {
        let budget = ExcelPreview::Budget {
            update: BudgetUpdate {
                revision: 4,
                lines: Vec::new(),
            },
        };
        assert_eq!(summary(&budget).counts, [("预算项目", "Lines", 0)]);
        assert_eq!(revision_of(&budget), Some(4));
        let month = ExcelPreview::Monitoring {
            month: 3,
            entry: MonthEntry {
                spending: Vec::new(),
                values: Vec::new(),
            },
        };
        assert_eq!(summary(&month).counts.len(), 2);
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
