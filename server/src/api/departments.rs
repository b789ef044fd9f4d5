//! Departments, their units and indicator sets. Names and published data are public; a
//! department's unpublished sets only for its own users, finance and assessment.

use crate::auth::extract::Viewer;
use crate::error::{AppError, AppResult};
use crate::policy::{self, Permission};
use crate::repo;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use jixiao_domain::dto::sets::{IndicatorSet, SetSummary};
use jixiao_domain::dto::{Department, DepartmentList, ErrorBody};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(one))
        .routes(routes!(indicator_set))
}

/// Fills each department's `sets` with the years this viewer may open.
async fn with_visible_sets(
    state: &AppState,
    viewer: &Viewer,
    mut departments: Vec<Department>,
) -> AppResult<Vec<Department>> {
    let statuses = repo::set_read::statuses(&state.db).await?;
    for department in &mut departments {
        department.sets = statuses
            .iter()
            .filter(|(id, _, status)| {
                *id == department.id
                    && policy::allows(
                        viewer.0.as_ref(),
                        Permission::ReadSet {
                            department_id: *id,
                            status: *status,
                        },
                    )
            })
            .map(|(_, year, status)| SetSummary {
                year: *year,
                status: *status,
            })
            .collect();
    }
    Ok(departments)
}

#[utoipa::path(get, path = "/departments", tag = "departments",
    responses((status = 200, description = "Departments with units, latest published result and the sets this reader may open", body = DepartmentList)),
    extensions(("x-roles" = json!(["public"]))))]
async fn list(State(state): State<AppState>, viewer: Viewer) -> AppResult<Json<DepartmentList>> {
    let departments = repo::departments::list(&state.db, None).await?;
    let departments = with_visible_sets(&state, &viewer, departments).await?;
    Ok(Json(DepartmentList { departments }))
}

#[utoipa::path(get, path = "/departments/{code}", tag = "departments",
    params(("code" = String, Path, description = "Department code, e.g. EDU")),
    responses((status = 200, body = Department), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn one(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(code): Path<String>,
) -> AppResult<Json<Department>> {
    let departments = repo::departments::list(&state.db, Some(&code)).await?;
    with_visible_sets(&state, &viewer, departments)
        .await?
        .pop()
        .map(Json)
        .ok_or_else(|| AppError::not_found(text!("department {code:?}", "部门 {code}")))
}

#[utoipa::path(get, path = "/departments/{code}/sets/{year}", tag = "indicator sets",
    params(("code" = String, Path, description = "Department code"), ("year" = i32, Path, description = "Fiscal year")),
    responses(
        (status = 200, body = IndicatorSet),
        (status = 401, description = "Not published, and not logged in", body = ErrorBody),
        (status = 403, description = "Not published, and another department's", body = ErrorBody),
        (status = 404, body = ErrorBody)),
    extensions(
        ("x-roles" = json!(["public (published sets)", "finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn indicator_set(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, year)): Path<(String, i32)>,
) -> AppResult<Json<IndicatorSet>> {
    let key = repo::set_read::find(&state.db, &code, year)
        .await?
        .ok_or_else(|| {
            AppError::not_found(text!(
                "an indicator set of {code:?} for {year}",
                "部门 {code} 的 {year} 年度指标体系"
            ))
        })?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadSet {
            department_id: key.department_id,
            status: key.status,
        },
    )?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(repo::set_read::load(&mut conn, key.id).await?))
}
