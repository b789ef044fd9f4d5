//! A year's results: the ranking with its grade distribution, the assessment agency's feed
//! as CSV, and publication by finance (after which the results are public).

use crate::audit::Actor;
use crate::auth::extract::{CurrentUser, Viewer};
use crate::db;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::repo::results;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use jixiao_domain::dto::evaluation::Ranking;
use jixiao_domain::dto::ErrorBody;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(ranking))
        .routes(routes!(feed))
        .routes(routes!(publish))
}

#[utoipa::path(get, path = "/years/{year}/results", tag = "results",
    params(("year" = i32, Path)),
    responses((status = 200, description = "Departments ranked by final total, grade distribution, results applied", body = Ranking),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published results)", "finance", "assessment"]))))]
async fn ranking(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(year): Path<i32>,
) -> AppResult<Json<Ranking>> {
    let mut conn = state.db.acquire().await?;
    let ranking = results::ranking(&mut conn, year).await?;
    let published = ranking.published_at.is_some();
    policy::require(viewer.0.as_ref(), Permission::ReadResults { published })?;
    Ok(Json(ranking))
}

#[utoipa::path(get, path = "/years/{year}/results.csv", tag = "results",
    params(("year" = i32, Path)),
    responses((status = 200, description = "The assessment agency's feed: one row per department with score, grade, prize, budget consequence and cases (UTF-8 CSV with BOM)", content_type = "text/csv", body = String),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ReadAssessmentFeed)))))]
async fn feed(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(year): Path<i32>,
) -> AppResult<impl IntoResponse> {
    policy::require(Some(&user), Permission::ReadAssessmentFeed)?;
    let mut conn = state.db.acquire().await?;
    let ranking = results::ranking(&mut conn, year).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"jixiao-results-{year}.csv\""),
            ),
        ],
        results::feed_csv(&ranking),
    ))
}

#[utoipa::path(post, path = "/years/{year}/publish", tag = "results",
    params(("year" = i32, Path)),
    responses((status = 200, description = "Published: the results are public and the year is closed", body = Ranking),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Not every department is graded, or not the evaluation phase", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::PublishResults)))))]
async fn publish(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(year): Path<i32>,
) -> AppResult<Json<Ranking>> {
    policy::require(Some(&user), Permission::PublishResults)?;
    let mut tx = db::begin_write(&state.db).await?;
    results::publish(&mut tx, &Actor::from(&user), year).await?;
    let ranking = results::ranking(&mut tx, year).await?;
    tx.commit().await?;
    Ok(Json(ranking))
}
