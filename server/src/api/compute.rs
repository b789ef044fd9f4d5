//! The rules as a service: `POST /api/score`, `POST /api/lamps` and
//! `POST /api/whatif/province` hold no data, need no login, and run the domain crate — the
//! same code the app runs for what-if.

use super::json::ApiJson;
use crate::error::AppResult;
use crate::state::AppState;
use axum::Json;
use jixiao_domain::dto::compute::{LampsRequest, LampsResponse, ScoreRequest, ScoreResponse};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::whatif::province::{allocate, ProvinceOutcome, ProvinceScenario};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(score))
        .routes(routes!(lamps))
        .routes(routes!(province_whatif))
}

#[utoipa::path(post, path = "/score", tag = "rules", request_body = ScoreRequest,
    responses(
        (status = 200, description = "Each indicator's score and achievement, the total (rounded half away from zero to 2 decimals) and the grade", body = ScoreResponse),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 422, description = "A field is invalid; `field` names it, e.g. indicators[2].target", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn score(ApiJson(request): ApiJson<ScoreRequest>) -> AppResult<Json<ScoreResponse>> {
    Ok(Json(request.evaluate()?))
}

#[utoipa::path(post, path = "/lamps", tag = "rules", request_body = LampsRequest,
    responses(
        (status = 200, description = "Spending and indicator lamps at the month, and the department lamp", body = LampsResponse),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 422, description = "A field is invalid; `field` names it", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn lamps(ApiJson(request): ApiJson<LampsRequest>) -> AppResult<Json<LampsResponse>> {
    Ok(Json(request.evaluate()?))
}

#[utoipa::path(post, path = "/whatif/province", tag = "rules", request_body = ProvinceScenario,
    responses(
        (status = 200, description = "Each department's raw (base × (1 + adjustment of its grade), to the fen), final (scaled to the pool within floor and cap, leftover fen by largest remainder, ties by id) and change; Σ final = pool", body = ProvinceOutcome),
        (status = 400, description = "Not JSON", body = ErrorBody),
        (status = 422, description = "A field is invalid, or the floors exceed / the caps fall short of the pool; `field` names it", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn province_whatif(
    ApiJson(request): ApiJson<ProvinceScenario>,
) -> AppResult<Json<ProvinceOutcome>> {
    Ok(Json(allocate(&request)?))
}
