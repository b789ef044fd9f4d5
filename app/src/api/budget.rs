//! A department's budget for a year: read, and save every line at a revision (409 `stale`
//! with `current`, 422 with every compilation problem in `problems`).

use jixiao_domain::dto::budget::{Budget, BudgetLine, BudgetUpdate};

use super::{get_json, path_segment, put_json, ApiError};

/// `/api/departments/{code}/budget/{year}`.
pub fn budget_path(code: &str, year: i32) -> String {
    format!("/api/departments/{}/budget/{year}", path_segment(code))
}

pub async fn get(code: &str, year: i32) -> Result<Budget, ApiError> {
    get_json(&budget_path(code, year)).await
}

pub async fn save(
    code: &str,
    year: i32,
    revision: i64,
    lines: Vec<BudgetLine>,
) -> Result<Budget, ApiError> {
    put_json(&budget_path(code, year), &BudgetUpdate { revision, lines }).await
}
