//! `GET /api/health`: the server is up and its database answers.

use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use jixiao_domain::dto::Health;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

#[utoipa::path(get, path = "/health", tag = "service",
    responses((status = 200, description = "The service and its database answer", body = Health)),
    extensions(("x-roles" = json!(["public"]))))]
async fn health(State(state): State<AppState>) -> AppResult<Json<Health>> {
    sqlx::query("SELECT 1").execute(&state.db).await?;
    Ok(Json(Health {
        status: "ok".into(),
    }))
}
