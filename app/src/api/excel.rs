//! Excel in and out: the paths of the templates and exports (plain download links), and the
//! upload of a workbook to preview (nothing saved) or import (all or nothing).

use jixiao_domain::dto::excel::{ExcelImported, ExcelKind, ExcelPreview};

use super::{path_segment, post_bytes, ApiError};

/// The content type of an .xlsx workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn base(code: &str, kind: &str, year: i32) -> String {
    format!(
        "/api/departments/{}/excel/{kind}/{year}",
        path_segment(code)
    )
}

/// `?month=N&revision=R` from what is given ("" if nothing).
fn query(month: Option<u8>, revision: Option<i64>) -> String {
    super::query_string([
        ("month", month.map(|m| m.to_string())),
        ("revision", revision.map(|r| r.to_string())),
    ])
}

/// The workbook to fill in for `kind` (a month's for monitoring).
pub fn template_path(code: &str, kind: ExcelKind, year: i32, month: Option<u8>) -> String {
    format!(
        "{}/template.xlsx{}",
        base(code, kind.as_str(), year),
        query(month, None)
    )
}

/// A department's formatted export: `what` is `set`, `monitoring` or `evaluation`.
pub fn export_path(code: &str, what: &str, year: i32) -> String {
    format!(
        "/api/departments/{}/excel/{what}/{year}.xlsx",
        path_segment(code)
    )
}

/// The province ranking of a year as a workbook.
pub fn results_path(year: i32) -> String {
    format!("/api/years/{year}/results.xlsx")
}

/// The file name a download is saved under.
pub fn file_name(code: &str, year: i32, what: &str) -> String {
    format!("jixiao-{code}-{year}-{what}.xlsx")
}

/// What the workbook would save (after every check the save makes); nothing is saved.
pub async fn preview(
    code: &str,
    kind: ExcelKind,
    year: i32,
    month: Option<u8>,
    bytes: Vec<u8>,
) -> Result<ExcelPreview, ApiError> {
    let path = format!(
        "{}/preview{}",
        base(code, kind.as_str(), year),
        query(month, None)
    );
    post_bytes(&path, XLSX, bytes).await
}

/// Saves the workbook, based on `revision` (set, budget; as in the preview).
pub async fn import(
    code: &str,
    kind: ExcelKind,
    year: i32,
    month: Option<u8>,
    revision: Option<i64>,
    bytes: Vec<u8>,
) -> Result<ExcelImported, ApiError> {
    let path = format!(
        "{}/import{}",
        base(code, kind.as_str(), year),
        query(month, revision)
    );
    post_bytes(&path, XLSX, bytes).await
}
