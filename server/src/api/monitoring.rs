//! Monitoring views: a department's lines and indicators with their lamps at a month, and
//! the province dashboard for finance and the assessment agency.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::{CurrentUser, Viewer};
use crate::db;
use crate::error::{AppError, AppResult};
use crate::policy::{self, Permission};
use crate::repo::{monitor_read, monitoring, years};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::monitoring::{DepartmentMonitor, MonitoringSeries, ProvinceMonitor};
use jixiao_domain::dto::monitoring::{MonthEntry, Suspension};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::field_error;
use jixiao_domain::framework::Phase;
use jixiao_domain::lamps::Month;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(department))
        .routes(routes!(province))
        .routes(routes!(enter_month))
        .routes(routes!(series))
        .routes(routes!(suspension))
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
    let department_id = crate::repo::departments::id_by_code(&mut conn, &code).await?;
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

/// Monthly figures are entered during execution only (the Excel import asks the same).
pub(super) async fn require_execution(
    conn: &mut sqlx::SqliteConnection,
    year: i32,
) -> AppResult<()> {
    let phase = years::phase(conn, year).await?;
    if phase == Phase::Execution {
        Ok(())
    } else {
        let label = phase.label_zh();
        Err(AppError::wrong_phase(text!(
            "fiscal year {year} is in {phase}: monthly figures are entered during execution",
            "{year} 年度当前阶段为“{label}”，月度数据只能在执行监控阶段填报"
        )))
    }
}

#[utoipa::path(put, path = "/departments/{code}/monitoring/{year}/{month}", tag = "monitoring", request_body = MonthEntry,
    params(("code" = String, Path), ("year" = i32, Path), ("month" = i64, Path, description = "1–12")),
    responses(
        (status = 200, description = "Stored; the month's lamps as they are now", body = DepartmentMonitor),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "The year is not in execution", body = ErrorBody),
        (status = 422, description = "Every problem, in `problems`: negative spending, spending over budget or a falling cumulative figure without a note, figures of another department", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::EnterMonthlyData { department_id: 0 })))))]
async fn enter_month(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year, month)): Path<(String, i32, i64)>,
    ApiJson(entry): ApiJson<MonthEntry>,
) -> AppResult<Json<DepartmentMonitor>> {
    let month = Month::parse(month)?;
    let mut tx = db::begin_write(&state.db).await?;
    let department = crate::repo::departments::id_by_code(&mut tx, &code).await?;
    policy::require(
        Some(&user),
        Permission::EnterMonthlyData {
            department_id: department,
        },
    )?;
    require_execution(&mut tx, year).await?;
    monitoring::enter_month(
        &mut tx,
        &Actor::from(&user),
        department,
        year,
        month.get(),
        &entry,
    )
    .await?;
    let view = monitor_read::department(&mut tx, department, year, Some(month)).await?;
    tx.commit().await?;
    Ok(Json(view))
}

#[utoipa::path(post, path = "/budget-lines/{id}/suspension", tag = "monitoring", request_body = Suspension,
    params(("id" = i64, Path)),
    responses(
        (status = 204, description = "Disbursement suspended or resumed; shown on the department's pages"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "The year is closed", body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::SuspendDisbursement)))))]
async fn suspension(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<Suspension>,
) -> AppResult<StatusCode> {
    policy::require(Some(&user), Permission::SuspendDisbursement)?;
    let reason = body.reason.trim();
    if reason.is_empty() {
        return Err(field_error!(
            "required",
            "reason",
            "give the reason, for the department and the record",
            "请填写理由，供部门知悉并存档",
        )
        .into());
    }
    let mut tx = db::begin_write(&state.db).await?;
    let year: i32 = sqlx::query_scalar("SELECT year FROM budget_lines WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| AppError::not_found(text!("budget line {id}", "预算项目 {id}")))?;
    if years::phase(&mut tx, year).await? == Phase::Closed {
        return Err(AppError::wrong_phase(text!(
            "fiscal year {year} is closed and read-only",
            "{year} 年度已关闭，只能查看"
        )));
    }
    monitoring::set_suspension(&mut tx, &Actor::from(&user), id, body.suspended, reason).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/departments/{code}/monitoring/{year}/series", tag = "monitoring",
    params(("code" = String, Path), ("year" = i32, Path)),
    responses(
        (status = 200, description = "Execution rate and every indicator's value month by month, and costs per unit of output", body = MonitoringSeries),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn series(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, year)): Path<(String, i32)>,
) -> AppResult<Json<MonitoringSeries>> {
    let mut conn = state.db.acquire().await?;
    let department_id = crate::repo::departments::id_by_code(&mut conn, &code).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadDepartment { department_id },
    )?;
    Ok(Json(
        monitor_read::series(&mut conn, department_id, year).await?,
    ))
}
