//! The JSON API under `/api`. Each resource module owns its router; every route is
//! registered through utoipa-axum, so `GET /api/openapi.json` documents exactly the routes
//! that exist, with the roles each allows (`x-roles`, from the policy module).

mod accounts;
mod audit;
mod auth;
mod budget;
mod cases;
mod compute;
mod departments;
mod evaluations;
mod excel;
mod health;
pub mod json;
mod library;
mod monitoring;
mod public;
mod results;
mod sets;
mod whatif;
mod years;

use crate::error::error_response;
use crate::state::AppState;
use axum::extract::OriginalUri;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::{Json, Router};
use jixiao_domain::dto::ErrorDetail;
use std::sync::Arc;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Jixiao 绩效 API",
        description = "Department-wide budget performance management. Errors are `{\"error\":{\"code\",\"message\",\"field\"?}}`, their messages in Chinese when `Accept-Language` prefers `zh` (e.g. `zh-CN`) and in English otherwise. Writes with the session cookie need a same-origin `Origin` or the `X-Jixiao-Csrf` header. `x-roles` names the roles an operation allows (department roles only for their own department; `public` means no login)."
    ),
    components(schemas(jixiao_domain::dto::ErrorBody)),
    modifiers(&SessionCookie)
)]
struct ApiDoc;

struct SessionCookie;

impl utoipa::Modify for SessionCookie {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::SESSION_COOKIE,
            ))),
        );
    }
}

/// The routes and their documentation, before the `/api` prefix.
fn documented() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(health::router())
        .merge(auth::router())
        .merge(accounts::router())
        .merge(audit::router())
        .merge(departments::router())
        .merge(compute::router())
        .merge(sets::router())
        .merge(years::router())
        .merge(library::router())
        .merge(monitoring::router())
        .merge(budget::router())
        .merge(evaluations::router())
        .merge(results::router())
        .merge(cases::router())
        .merge(whatif::router())
        .merge(public::router())
        .merge(excel::router())
}

/// The document with the paths as served (`/api/...`).
fn with_prefix(doc: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let mut full = ApiDoc::openapi();
    full.paths = Default::default();
    full.nest("/api", doc)
}

pub fn router(state: AppState) -> Router {
    let (routes, doc) = documented().split_for_parts();
    let doc = Arc::new(with_prefix(doc));
    routes
        .route(
            "/openapi.json",
            get(move || async move { Json((*doc).clone()) }),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn(crate::csrf::protect))
        .layer(axum::middleware::from_fn(json_errors))
        .with_state(state)
}

/// Rejections that axum answers itself — a path parameter that is not a number, a query
/// string of the wrong shape, a body over the size limit — come as plain text; the API's
/// contract is JSON errors, so they are rewrapped here.
async fn json_errors(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if !status.is_client_error() || is_json {
        return response;
    }
    let body = axum::body::to_bytes(response.into_body(), 16 * 1024)
        .await
        .unwrap_or_default();
    let text = String::from_utf8_lossy(&body).trim().to_owned();
    let (code, zh) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("too_large", "请求内容过大"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported_media_type", "不支持该内容类型"),
        StatusCode::BAD_REQUEST => ("bad_request", "请求格式有误"),
        _ => ("invalid_request", "请求无效"),
    };
    // axum's own text is technical English; in Chinese it follows as the detail.
    let message = match (crate::i18n::current().is_zh(), text.is_empty()) {
        (true, true) => zh.to_owned(),
        (true, false) => format!("{zh}：{text}"),
        (false, true) => status
            .canonical_reason()
            .unwrap_or("bad request")
            .to_lowercase(),
        (false, false) => text,
    };
    error_response(
        status,
        ErrorDetail {
            code: code.into(),
            message,
            field: None,
            problems: Vec::new(),
            current: None,
        },
    )
}

async fn not_found(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    error_response(
        StatusCode::NOT_FOUND,
        ErrorDetail {
            code: "not_found".into(),
            message: text!(
                "no API endpoint {method} {}",
                "没有此 API 接口：{method} {}",
                uri.path()
            )
            .current()
            .to_owned(),
            field: None,
            problems: Vec::new(),
            current: None,
        },
    )
}

async fn method_not_allowed(method: Method, OriginalUri(uri): OriginalUri) -> Response {
    error_response(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorDetail {
            code: "method_not_allowed".into(),
            message: text!(
                "{method} is not allowed on {}",
                "{} 不支持 {method} 请求",
                uri.path()
            )
            .current()
            .to_owned(),
            field: None,
            problems: Vec::new(),
            current: None,
        },
    )
}
