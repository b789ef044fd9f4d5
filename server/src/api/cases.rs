//! Accountability cases: departments read their own, finance and the assessment agency read
//! all; finance assigns an owner, progresses and closes them with a resolution.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::CurrentUser;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::policy::{self, Permission};
use crate::repo::{cases, departments};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use jixiao_domain::dto::evaluation::{AccountabilityCase, CaseList, CaseStatus, CaseUpdate};
use jixiao_domain::dto::ErrorBody;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(update))
}

#[derive(Debug, Deserialize)]
struct CaseQuery {
    year: Option<i32>,
    /// A department code.
    department: Option<String>,
    status: Option<CaseStatus>,
}

#[utoipa::path(get, path = "/cases", tag = "cases",
    params(("year" = Option<i32>, Query), ("department" = Option<String>, Query, description = "department code"),
        ("status" = Option<CaseStatus>, Query)),
    responses((status = 200, body = CaseList),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<CaseQuery>,
) -> AppResult<Json<CaseList>> {
    let mut conn = state.db.acquire().await?;
    let department_id = match query.department.as_deref().filter(|c| !c.is_empty()) {
        Some(code) => Some(departments::id_by_code(&mut conn, code).await?),
        None => None,
    };
    // A department user sees their own department's cases, whatever the filter says.
    let department_id = if policy::allows(Some(&user), Permission::ReadAllCases) {
        department_id
    } else {
        let own = user.department_id.ok_or_else(|| {
            AppError::forbidden(text!(
                "not allowed: your role does not give you access to cases",
                "无权操作：您的角色无权查看问责案件"
            ))
        })?;
        policy::require(
            Some(&user),
            Permission::ReadDepartment {
                department_id: department_id.unwrap_or(own),
            },
        )?;
        Some(own)
    };
    let filter = cases::Filter {
        department_id,
        year: query.year,
        status: query.status,
    };
    Ok(Json(CaseList {
        cases: cases::list(&mut conn, &filter).await?,
    }))
}

#[utoipa::path(put, path = "/cases/{id}", tag = "cases", request_body = CaseUpdate,
    params(("id" = i64, Path)),
    responses((status = 200, body = AccountabilityCase),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision, with `current`", body = ErrorBody),
        (status = 422, description = "Closing without a resolution, or text too long", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageCases)))))]
async fn update(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(change): ApiJson<CaseUpdate>,
) -> AppResult<Json<AccountabilityCase>> {
    policy::require(Some(&user), Permission::ManageCases)?;
    let mut tx = db::begin_write(&state.db).await?;
    let case = cases::update(&mut tx, &Actor::from(&user), id, &change).await?;
    tx.commit().await?;
    Ok(Json(case))
}
