//! In-year monitoring: a department's lamps at a month, its month-by-month series, the
//! monthly entry, the province dashboard and finance's suspension of a line. Entry answers
//! 422 with every `problems` entry (`spending[2].note`, `values[0].note`) and 409
//! `wrong_phase` outside execution, both kept in [`ApiError`].

use jixiao_domain::dto::monitoring::{
    DepartmentMonitor, MonitoringSeries, MonthEntry, ProvinceMonitor, Suspension,
};

use super::{get_json, path_segment, post_empty, put_json, ApiError};

/// `/api/departments/{code}/monitoring/{year}`.
pub fn department_path(code: &str, year: i32) -> String {
    format!("/api/departments/{}/monitoring/{year}", path_segment(code))
}

/// A department's lines and indicators with their lamps at `month` (default: the latest
/// month with figures).
pub async fn department(
    code: &str,
    year: i32,
    month: Option<u8>,
) -> Result<DepartmentMonitor, ApiError> {
    let query = month.map(|m| format!("?month={m}")).unwrap_or_default();
    get_json(&format!("{}{query}", department_path(code, year))).await
}

/// The year month by month: execution rate and every indicator's values.
pub async fn series(code: &str, year: i32) -> Result<MonitoringSeries, ApiError> {
    get_json(&format!("{}/series", department_path(code, year))).await
}

/// Stores a month's figures; answers the month's lamps as they are now.
pub async fn enter_month(
    code: &str,
    year: i32,
    month: u8,
    entry: &MonthEntry,
) -> Result<DepartmentMonitor, ApiError> {
    put_json(&format!("{}/{month}", department_path(code, year)), entry).await
}

/// Every department's lamps (finance, assessment).
pub async fn province(year: i32, month: Option<u8>) -> Result<ProvinceMonitor, ApiError> {
    let query = month.map(|m| format!("?month={m}")).unwrap_or_default();
    get_json(&format!("/api/monitoring/{year}{query}")).await
}

/// Suspends or resumes a budget line's disbursement (finance; a reason is required).
pub async fn set_suspension(line_id: i64, suspended: bool, reason: String) -> Result<(), ApiError> {
    let body = Suspension { suspended, reason };
    post_empty(
        &format!("/api/budget-lines/{line_id}/suspension"),
        Some(&body),
    )
    .await
}
