//! Departments and their units. Names and published results are public information.

use crate::error::{AppError, AppResult};
use crate::repo;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use jixiao_domain::dto::{Department, DepartmentList};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/departments", get(list))
        .route("/departments/{code}", get(one))
}

async fn list(State(state): State<AppState>) -> AppResult<Json<DepartmentList>> {
    let departments = repo::departments::list(&state.db, None).await?;
    Ok(Json(DepartmentList { departments }))
}

async fn one(
    State(state): State<AppState>,
    Path(code): Path<String>,
) -> AppResult<Json<Department>> {
    repo::departments::list(&state.db, Some(&code))
        .await?
        .pop()
        .map(Json)
        .ok_or_else(|| AppError::not_found(format!("department {code:?}")))
}
