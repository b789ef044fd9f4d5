//! A department's budget for a year: compiled in planning, adjusted during execution.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::{CurrentUser, Viewer};
use crate::db;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::repo::budget;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use jixiao_domain::dto::budget::{Budget, BudgetUpdate};
use jixiao_domain::dto::ErrorBody;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_budget, save_budget))
}

#[utoipa::path(get, path = "/departments/{code}/budget/{year}", tag = "budget",
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, description = "Every line with totals per category and the indicators lines can pay for", body = Budget),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn get_budget(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, year)): Path<(String, i32)>,
) -> AppResult<Json<Budget>> {
    let mut conn = state.db.acquire().await?;
    let department = crate::repo::departments::id_by_code(&mut conn, &code).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadDepartment {
            department_id: department,
        },
    )?;
    Ok(Json(budget::load(&mut conn, department, year).await?))
}

#[utoipa::path(put, path = "/departments/{code}/budget/{year}", tag = "budget", request_body = BudgetUpdate,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = Budget),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision (with `current`), or a closed phase", body = ErrorBody),
        (status = 422, description = "Every compilation problem, in `problems`", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::EditBudget { department_id: 0 })))))]
async fn save_budget(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(update): ApiJson<BudgetUpdate>,
) -> AppResult<Json<Budget>> {
    let mut tx = db::begin_write(&state.db).await?;
    let department = crate::repo::departments::id_by_code(&mut tx, &code).await?;
    policy::require(
        Some(&user),
        Permission::EditBudget {
            department_id: department,
        },
    )?;
    let actor = Actor {
        id: Some(user.id),
        name: user.username.clone(),
    };
    let saved = budget::save(
        &mut tx,
        &actor,
        department,
        year,
        update.revision,
        &update.lines,
    )
    .await?;
    tx.commit().await?;
    Ok(Json(saved))
}
