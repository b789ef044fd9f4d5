//! A department's year-end evaluation: read it; the department's self-evaluation and
//! sign-off; finance's re-evaluation and finalisation (which applies the result rules);
//! the assessment agency's remarks. Every write answers the evaluation as it now stands.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::{CurrentUser, Viewer};
use crate::auth::User;
use crate::db;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::repo::{departments, evaluation_read, evaluations};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use jixiao_domain::dto::evaluation::{
    Confirm, Evaluation, ReevaluationUpdate, RemarksUpdate, SelfEvaluationUpdate,
};
use jixiao_domain::dto::ErrorBody;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_evaluation))
        .routes(routes!(save_self))
        .routes(routes!(sign_off))
        .routes(routes!(save_reevaluation))
        .routes(routes!(finalize))
        .routes(routes!(save_remarks))
}

#[utoipa::path(get, path = "/departments/{code}/evaluations/{year}", tag = "evaluation",
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, description = "Every indicator with the department's and finance's figures, the scores computed from them, totals, grades, results and cases", body = Evaluation),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "The year's set is not approved", body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published results)", "finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn get_evaluation(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, year)): Path<(String, i32)>,
) -> AppResult<Json<Evaluation>> {
    let mut conn = state.db.acquire().await?;
    let department_id = departments::id_by_code(&mut conn, &code).await?;
    // Whether published decides whether the public may read: ask without revealing more.
    let published = crate::repo::results::is_published(&mut conn, year).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadEvaluation {
            department_id,
            published,
        },
    )?;
    Ok(Json(
        evaluation_read::load(&mut conn, department_id, year).await?,
    ))
}

/// One of the evaluation's writes.
enum Change {
    SelfDraft(SelfEvaluationUpdate),
    SignOff(Confirm),
    Reevaluation(ReevaluationUpdate),
    Finalize(Confirm),
    Remarks(RemarksUpdate),
}

impl Change {
    fn permission(&self, department_id: i64) -> Permission {
        match self {
            Self::SelfDraft(_) => Permission::SelfEvaluate { department_id },
            Self::SignOff(_) => Permission::SignOffSelfEvaluation { department_id },
            Self::Reevaluation(_) | Self::Finalize(_) => Permission::Reevaluate,
            Self::Remarks(_) => Permission::RemarkKeyWork,
        }
    }
}

/// Runs one evaluation write in a write transaction once the policy allows it, and answers
/// the evaluation as it now stands.
async fn write(
    state: &AppState,
    user: &User,
    code: &str,
    year: i32,
    change: Change,
) -> AppResult<Json<Evaluation>> {
    let mut tx = db::begin_write(&state.db).await?;
    let department = departments::id_by_code(&mut tx, code).await?;
    policy::require(Some(user), change.permission(department))?;
    let actor = Actor::from(user);
    let conn = &mut *tx;
    match change {
        Change::SelfDraft(u) => {
            evaluations::save_self(conn, &actor, department, year, u.revision, &u.items).await?
        }
        Change::SignOff(c) => {
            evaluations::sign_off(conn, &actor, department, year, c.revision).await?
        }
        Change::Reevaluation(u) => {
            evaluations::save_reevaluation(conn, &actor, department, year, u.revision, &u.overrides)
                .await?
        }
        Change::Finalize(c) => {
            evaluations::finalize(conn, &actor, department, year, c.revision).await?
        }
        Change::Remarks(u) => {
            evaluations::save_remarks(conn, &actor, department, year, u.revision, &u.remarks)
                .await?
        }
    }
    let evaluation = evaluation_read::load(&mut tx, department, year).await?;
    tx.commit().await?;
    Ok(Json(evaluation))
}

#[utoipa::path(put, path = "/departments/{code}/evaluations/{year}/self", tag = "evaluation",
    request_body = SelfEvaluationUpdate,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = Evaluation),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision (with `current`), signed off already, or not the evaluation phase", body = ErrorBody),
        (status = 422, description = "Every invalid figure, in `problems` (`items[i].field`)", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::SelfEvaluate { department_id: 0 })))))]
async fn save_self(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(update): ApiJson<SelfEvaluationUpdate>,
) -> AppResult<Json<Evaluation>> {
    write(&state, &user, &code, year, Change::SelfDraft(update)).await
}

#[utoipa::path(post, path = "/departments/{code}/evaluations/{year}/sign-off", tag = "evaluation",
    request_body = Confirm,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = Evaluation),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 422, description = "Missing figures and causes, in `problems`", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::SignOffSelfEvaluation { department_id: 0 })))))]
async fn sign_off(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(confirm): ApiJson<Confirm>,
) -> AppResult<Json<Evaluation>> {
    write(&state, &user, &code, year, Change::SignOff(confirm)).await
}

#[utoipa::path(put, path = "/departments/{code}/evaluations/{year}/reevaluation", tag = "evaluation",
    request_body = ReevaluationUpdate,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = Evaluation),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody),
        (status = 422, description = "Invalid overrides or overrides without a reason (`items[i].reason`, i = the indicator's place in the evaluation)", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::Reevaluate)))))]
async fn save_reevaluation(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(update): ApiJson<ReevaluationUpdate>,
) -> AppResult<Json<Evaluation>> {
    write(&state, &user, &code, year, Change::Reevaluation(update)).await
}

#[utoipa::path(post, path = "/departments/{code}/evaluations/{year}/finalize", tag = "evaluation",
    request_body = Confirm,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, description = "Graded: the result rules applied (next year's budget, prize, accountability cases)", body = Evaluation),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::Reevaluate)))))]
async fn finalize(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(confirm): ApiJson<Confirm>,
) -> AppResult<Json<Evaluation>> {
    write(&state, &user, &code, year, Change::Finalize(confirm)).await
}

#[utoipa::path(put, path = "/departments/{code}/evaluations/{year}/remarks", tag = "evaluation",
    request_body = RemarksUpdate,
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, body = Evaluation),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::RemarkKeyWork)))))]
async fn save_remarks(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
    ApiJson(update): ApiJson<RemarksUpdate>,
) -> AppResult<Json<Evaluation>> {
    write(&state, &user, &code, year, Change::Remarks(update)).await
}
