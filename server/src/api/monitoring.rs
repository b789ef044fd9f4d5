//! Monitoring views: a department's lines and indicators with their lamps at a month, and
//! the province dashboard for finance and the assessment agency.

use crate::auth::extract::{CurrentUser, Viewer};
use crate::error::{AppError, AppResult};
use crate::policy::{self, Permission};
use crate::repo::monitor_read;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use jixiao_domain::dto::monitoring::{DepartmentMonitor, ProvinceMonitor};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::lamps::Month;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(department))
        .routes(routes!(province))
}

#[derive(Debug, Deserialize)]
struct MonthQuery {
    month: Option<i64>,
}

fn month(query: &MonthQuery) -> AppResult<Option<Month>> {
    query
        .month
        .map(Month::parse)
        .transpose()
        .map_err(AppError::from)
}

#[utoipa::path(get, path = "/departments/{code}/monitoring/{year}", tag = "monitoring",
    params(("code" = String, Path), ("year" = i32, Path),
        ("month" = Option<i64>, Query, description = "1–12; default: the latest month with figures")),
    responses(
        (status = 200, description = "Every line's spending and every indicator's value to date with their lamps", body = DepartmentMonitor),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn department(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, year)): Path<(String, i32)>,
    Query(query): Query<MonthQuery>,
) -> AppResult<Json<DepartmentMonitor>> {
    let month = month(&query)?;
    let mut conn = state.db.acquire().await?;
    let department_id: i64 =
        sqlx::query_scalar("SELECT id FROM departments WHERE code = ? COLLATE NOCASE")
            .bind(&code)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| AppError::not_found(format!("department {code:?}")))?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadDepartment { department_id },
    )?;
    Ok(Json(
        monitor_read::department(&mut conn, department_id, year, month).await?,
    ))
}

#[utoipa::path(get, path = "/monitoring/{year}", tag = "monitoring",
    params(("year" = i32, Path),
        ("month" = Option<i64>, Query, description = "1–12; default: the latest month any department reported")),
    responses(
        (status = 200, description = "Every department's lamps, counts per lamp and the new red lamps of the month", body = ProvinceMonitor),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::MonitorProvince)))))]
async fn province(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(year): Path<i32>,
    Query(query): Query<MonthQuery>,
) -> AppResult<Json<ProvinceMonitor>> {
    policy::require(Some(&user), Permission::MonitorProvince)?;
    let month = month(&query)?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(monitor_read::province(&mut conn, year, month).await?))
}
