//! The JSON API under `/api`. Each resource module owns its `router()`.

mod departments;
mod health;

use crate::error::error_response;
use crate::state::AppState;
use axum::extract::OriginalUri;
use axum::http::Method;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Router;
use jixiao_domain::dto::ErrorDetail;

pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(health::router())
        .merge(departments::router())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        ErrorDetail {
            code: "not_found".into(),
            message: format!("no API endpoint {method} {}", uri.path()),
            field: None,
        },
    )
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorDetail {
            code: "method_not_allowed".into(),
            message: format!("{method} is not allowed on {}", uri.path()),
            field: None,
        },
    )
}
