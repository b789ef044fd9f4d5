//! The public portal's data and the open data: published years only. An unpublished year is
//! 404 here for everyone — finance reads it through the other endpoints.

use crate::error::{AppError, AppResult};
use crate::repo::{open_data, public};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use jixiao_domain::dto::public::{PublicDepartment, PublicOverview, PublishedYears};
use jixiao_domain::dto::ErrorBody;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(years))
        .routes(routes!(overview))
        .routes(routes!(department))
        .routes(routes!(datapackage))
        .routes(routes!(budget_csv))
        .routes(routes!(results_csv))
        .routes(routes!(open_data_zip))
}

#[utoipa::path(get, path = "/public/years", tag = "public",
    responses((status = 200, description = "Years whose results finance has published, newest first", body = PublishedYears)),
    extensions(("x-roles" = json!(["public"]))))]
async fn years(State(state): State<AppState>) -> AppResult<Json<PublishedYears>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(public::years(&mut conn).await?))
}

#[utoipa::path(get, path = "/public/years/{year}", tag = "public", params(("year" = i32, Path)),
    responses((status = 200, description = "Total budget and spending, grade distribution, departments ranked, budget adjustments applied", body = PublicOverview),
        (status = 404, description = "Not published", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn overview(
    State(state): State<AppState>,
    Path(year): Path<i32>,
) -> AppResult<Json<PublicOverview>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(public::overview(&mut conn, year).await?))
}

#[utoipa::path(get, path = "/public/years/{year}/departments/{code}", tag = "public",
    params(("year" = i32, Path), ("code" = String, Path)),
    responses((status = 200, description = "Indicators with targets, actuals, points and scores; grade; budget against spending", body = PublicDepartment),
        (status = 404, description = "Not published, or no such department", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn department(
    State(state): State<AppState>,
    Path((year, code)): Path<(i32, String)>,
) -> AppResult<Json<PublicDepartment>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(public::department(&mut conn, year, &code).await?))
}

async fn package(state: &AppState, year: i32) -> AppResult<open_data::Package> {
    let mut conn = state.db.acquire().await?;
    open_data::package(&mut conn, year).await
}

fn file(content_type: &'static str, name: String, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

#[utoipa::path(get, path = "/public/years/{year}/datapackage.json", tag = "public", params(("year" = i32, Path)),
    responses((status = 200, description = "Frictionless Tabular Data Package descriptor (budget.csv with Open Fiscal Data Package column types, results.csv)", content_type = "application/json", body = Object),
        (status = 404, description = "Not published", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn datapackage(State(state): State<AppState>, Path(year): Path<i32>) -> AppResult<Response> {
    let package = package(&state, year).await?;
    Ok(file(
        "application/json",
        "datapackage.json".into(),
        package.datapackage,
    ))
}

#[utoipa::path(get, path = "/public/years/{year}/budget.csv", tag = "public", params(("year" = i32, Path)),
    responses((status = 200, description = "Budget lines by phase (approved, adjusted, executed), in yuan", content_type = "text/csv", body = String),
        (status = 404, description = "Not published", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn budget_csv(State(state): State<AppState>, Path(year): Path<i32>) -> AppResult<Response> {
    let package = package(&state, year).await?;
    Ok(file(
        "text/csv; charset=utf-8",
        format!("budget-{year}.csv"),
        package.budget_csv,
    ))
}

#[utoipa::path(get, path = "/public/years/{year}/results.csv", tag = "public", params(("year" = i32, Path)),
    responses((status = 200, description = "Every indicator's target, actual, points and score, with the department's total and grade", content_type = "text/csv", body = String),
        (status = 404, description = "Not published", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn results_csv(State(state): State<AppState>, Path(year): Path<i32>) -> AppResult<Response> {
    let package = package(&state, year).await?;
    Ok(file(
        "text/csv; charset=utf-8",
        format!("results-{year}.csv"),
        package.results_csv,
    ))
}

#[utoipa::path(get, path = "/public/years/{year}/open-data.zip", tag = "public", params(("year" = i32, Path)),
    responses((status = 200, description = "datapackage.json, budget.csv and results.csv in one zip", content_type = "application/zip", body = Vec<u8>),
        (status = 404, description = "Not published", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn open_data_zip(
    State(state): State<AppState>,
    Path(year): Path<i32>,
) -> AppResult<Response> {
    let package = package(&state, year).await?;
    let zip = package
        .zip()
        .map_err(|e| AppError::Internal(format!("open data zip: {e}")))?;
    let mut response = file(
        "application/zip",
        format!("jixiao-open-data-{year}.zip"),
        zip,
    );
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        header::HeaderValue::from_str(&format!(
            "attachment; filename=\"jixiao-open-data-{year}.zip\""
        ))
        .map_err(|e| AppError::Internal(e.to_string()))?,
    );
    Ok(response)
}
