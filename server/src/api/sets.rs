//! Drafting and reviewing indicator sets: start, save, key-work targets, the workflow
//! draft → submitted → returned | approved → published, and the history of versions.
//! Targets are drafted only while the year is in planning.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::{CurrentUser, Viewer};
use crate::auth::User;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::policy::{self, Permission};
use crate::repo::{set_editing, set_read, sets, years};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::sets::{
    Indicator, IndicatorSet, NewSet, SetHistory, SetUpdate, Transition, VersionSnapshot,
};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::field_error;
use jixiao_domain::framework::{Phase, SetStatus};
use jixiao_domain::validation::{set_problems, SetContext};
use sqlx::SqliteConnection;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start))
        .routes(routes!(save))
        .routes(routes!(add_key_work))
        .routes(routes!(submit))
        .routes(routes!(return_set))
        .routes(routes!(approve))
        .routes(routes!(publish))
        .routes(routes!(history))
        .routes(routes!(version))
}

/// Targets are drafted in planning only (the Excel import asks the same).
pub(super) async fn require_planning(conn: &mut SqliteConnection, year: i32) -> AppResult<()> {
    let phase = years::phase(conn, year).await?;
    if phase == Phase::Planning {
        Ok(())
    } else {
        let label = phase.label_zh();
        Err(AppError::wrong_phase(text!(
            "fiscal year {year} is in {phase}: targets are drafted and changed only in planning",
            "{year} 年度当前阶段为“{label}”，绩效目标只能在目标编制阶段编制和修改"
        )))
    }
}

async fn set_year(conn: &mut SqliteConnection, set_id: i64) -> AppResult<i32> {
    Ok(
        sqlx::query_scalar("SELECT year FROM indicator_sets WHERE id = ?")
            .bind(set_id)
            .fetch_one(&mut *conn)
            .await?,
    )
}

#[utoipa::path(post, path = "/departments/{code}/sets/{year}", tag = "indicator sets", request_body = NewSet,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses(
        (status = 201, description = "Started: the budget-execution indicator, or last year's indicators with last year's actual as baseline", body = IndicatorSet),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "A set exists already, or the year is not in planning", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::EditSet { department_id: 0 })))))]
async fn start(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(new): ApiJson<NewSet>,
) -> AppResult<(StatusCode, Json<IndicatorSet>)> {
    let mut tx = db::begin_write(&state.db).await?;
    let department = crate::repo::departments::id_by_code(&mut tx, &code).await?;
    policy::require(
        Some(&user),
        Permission::EditSet {
            department_id: department,
        },
    )?;
    require_planning(&mut tx, year).await?;
    let id = set_editing::start(
        &mut tx,
        &Actor::from(&user),
        department,
        year,
        new.from_last_year,
    )
    .await?;
    let set = set_read::load(&mut tx, id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(set)))
}

#[utoipa::path(put, path = "/sets/{id}", tag = "indicator sets", request_body = SetUpdate,
    params(("id" = i64, Path)),
    responses(
        (status = 200, description = "Saved (a draft may still be incomplete); an approved set becomes the next version's draft", body = IndicatorSet),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision (`current` holds the set as it is now), under review, or not in planning", body = ErrorBody),
        (status = 422, description = "Every problem that stops a save, in `problems`", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::EditSet { department_id: 0 })))))]
async fn save(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(update): ApiJson<SetUpdate>,
) -> AppResult<Json<IndicatorSet>> {
    let mut tx = db::begin_write(&state.db).await?;
    let key = set_read::key(&mut tx, id).await?;
    policy::require(
        Some(&user),
        Permission::EditSet {
            department_id: key.department_id,
        },
    )?;
    let year = set_year(&mut tx, id).await?;
    require_planning(&mut tx, year).await?;
    set_editing::check_revision(&mut tx, id, update.revision).await?;
    set_editing::save(&mut tx, &Actor::from(&user), id, &update.indicators).await?;
    let set = set_read::load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Json(set))
}

#[utoipa::path(post, path = "/departments/{code}/sets/{year}/key-work", tag = "indicator sets", request_body = Indicator,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses(
        (status = 201, description = "The key work target was added to the department's set (started if need be)", body = IndicatorSet),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::SetKeyWork)))))]
async fn add_key_work(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(indicator): ApiJson<Indicator>,
) -> AppResult<(StatusCode, Json<IndicatorSet>)> {
    policy::require(Some(&user), Permission::SetKeyWork)?;
    let mut tx = db::begin_write(&state.db).await?;
    let department = crate::repo::departments::id_by_code(&mut tx, &code).await?;
    require_planning(&mut tx, year).await?;
    let existing: Option<i64> =
        sqlx::query_scalar("SELECT id FROM indicator_sets WHERE department_id = ? AND year = ?")
            .bind(department)
            .bind(year)
            .fetch_optional(&mut *tx)
            .await?;
    let set_id = match existing {
        Some(id) => id,
        None => set_editing::start(&mut tx, &Actor::from(&user), department, year, false).await?,
    };
    set_editing::add_key_work(&mut tx, &Actor::from(&user), set_id, &indicator).await?;
    let set = set_read::load(&mut tx, set_id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(set)))
}

/// One workflow step: permission, revision, phase rules, then the status change.
async fn transition(
    state: &AppState,
    user: &User,
    id: i64,
    to: SetStatus,
    body: &Transition,
) -> AppResult<Json<IndicatorSet>> {
    let mut tx = db::begin_write(&state.db).await?;
    let key = set_read::key(&mut tx, id).await?;
    let permission = match to {
        SetStatus::Submitted => Permission::SubmitSet {
            department_id: key.department_id,
        },
        _ => Permission::ReviewSet,
    };
    policy::require(Some(user), permission)?;
    set_editing::check_revision(&mut tx, id, body.revision).await?;
    let year = set_year(&mut tx, id).await?;
    if years::phase(&mut tx, year).await? == Phase::Closed {
        return Err(AppError::wrong_phase(text!(
            "fiscal year {year} is closed and read-only",
            "{year} 年度已关闭，只能查看"
        )));
    }
    let comment = body
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    if to == SetStatus::Returned && comment.is_none() {
        return Err(field_error!(
            "required",
            "comment",
            "say what the department should change",
            "请说明部门需要修改的内容",
        )
        .into());
    }
    if matches!(to, SetStatus::Submitted | SetStatus::Approved) {
        // Submission and approval need a set with no problems at all.
        let set = set_read::load(&mut tx, id).await?;
        let key_work: Vec<i64> = set
            .indicators
            .iter()
            .filter(|i| i.origin == jixiao_domain::framework::IndicatorOrigin::KeyWork)
            .filter_map(|i| i.id)
            .collect();
        let context = SetContext {
            allocation: set.allocation,
            key_work_ids: &key_work,
            project_lines: &set.project_lines,
        };
        let problems = set_problems(&set.indicators, &context);
        if !problems.is_empty() {
            return Err(AppError::InvalidMany(problems));
        }
    }
    sets::change_status(&mut tx, &Actor::from(user), id, to, comment).await?;
    let set = set_read::load(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Json(set))
}

macro_rules! workflow_step {
    ($name:ident, $path:literal, $status:expr, $permission:expr, $what:literal) => {
        #[utoipa::path(post, path = $path, tag = "indicator sets", request_body = Transition,
            params(("id" = i64, Path)),
            description = $what,
            responses(
                (status = 200, body = IndicatorSet),
                (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
                (status = 409, description = "Stale revision (with `current`), or a step the status does not allow", body = ErrorBody),
                (status = 422, description = "The set's problems (all of them, in `problems`), or a missing comment", body = ErrorBody)),
            security(("session" = [])),
            extensions(("x-roles" = json!(policy::role_names($permission)))))]
        async fn $name(
            State(state): State<AppState>,
            CurrentUser(user): CurrentUser,
            Path(id): Path<i64>,
            ApiJson(body): ApiJson<Transition>,
        ) -> AppResult<Json<IndicatorSet>> {
            transition(&state, &user, id, $status, &body).await
        }
    };
}

workflow_step!(submit, "/sets/{id}/submit", SetStatus::Submitted, Permission::SubmitSet { department_id: 0 },
    "The department head submits a draft or returned set; refused with every problem if it is not valid.");
workflow_step!(
    return_set,
    "/sets/{id}/return",
    SetStatus::Returned,
    Permission::ReviewSet,
    "Finance returns a submitted set with a comment."
);
workflow_step!(
    approve,
    "/sets/{id}/approve",
    SetStatus::Approved,
    Permission::ReviewSet,
    "Finance approves a submitted set."
);
workflow_step!(
    publish,
    "/sets/{id}/publish",
    SetStatus::Published,
    Permission::ReviewSet,
    "Finance publishes an approved set for the public."
);

/// The set, if the viewer may read it.
async fn readable(state: &AppState, viewer: &Viewer, id: i64) -> AppResult<()> {
    let mut conn = state.db.acquire().await?;
    let key = set_read::key(&mut conn, id).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadSet {
            department_id: key.department_id,
            status: key.status,
        },
    )
}

#[utoipa::path(get, path = "/sets/{id}/versions", tag = "indicator sets",
    params(("id" = i64, Path)),
    responses((status = 200, description = "Every review step: who, when, status, comment", body = SetHistory),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published sets)", "finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn history(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<i64>,
) -> AppResult<Json<SetHistory>> {
    readable(&state, &viewer, id).await?;
    Ok(Json(SetHistory {
        versions: set_read::history(&state.db, id).await?,
    }))
}

#[utoipa::path(get, path = "/sets/{id}/versions/{version_id}", tag = "indicator sets",
    params(("id" = i64, Path), ("version_id" = i64, Path)),
    responses((status = 200, description = "The indicators as they were at that step", body = VersionSnapshot),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published sets)", "finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn version(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, version_id)): Path<(i64, i64)>,
) -> AppResult<Json<VersionSnapshot>> {
    readable(&state, &viewer, id).await?;
    Ok(Json(set_read::version(&state.db, id, version_id).await?))
}
