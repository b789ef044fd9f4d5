//! One error type for every handler. Bad input becomes a 4xx with
//! `{"error":{"code","message","field"?}}`; anything else is logged and becomes a 500 that
//! reveals nothing.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use jixiao_domain::dto::{ErrorBody, ErrorDetail};
use jixiao_domain::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Invalid(#[from] FieldError),
    #[error("{what} not found")]
    NotFound { what: String },
    #[error("{message}")]
    Conflict { code: &'static str, message: String },
    #[error("not logged in")]
    Unauthenticated,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("{message}")]
    Forbidden { code: &'static str, message: String },
    #[error("too many attempts")]
    TooManyRequests { retry_after_secs: u64 },
    /// Several problems at once (a whole set's validation); the first names the field.
    #[error("{} problems", .0.len())]
    InvalidMany(Vec<FieldError>),
    /// A write based on an old revision; carries the resource as it is now.
    #[error("stale revision")]
    Stale { current: serde_json::Value },
    /// The fiscal year's phase does not allow this work.
    #[error("{message}")]
    WrongPhase { message: String },
    /// A request the server cannot read at all (bad JSON, wrong content type).
    #[error("{message}")]
    BadRequest {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("internal: {0}")]
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::NotFound { what: what.into() }
    }

    fn status_and_detail(&self) -> (StatusCode, ErrorDetail) {
        let detail = |code: &str, message: String, field: Option<String>| ErrorDetail {
            code: code.to_owned(),
            message,
            field,
            problems: Vec::new(),
            current: None,
        };
        match self {
            Self::Invalid(err) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                detail(
                    &err.code,
                    err.message.clone(),
                    Some(err.field.clone()).filter(|f| !f.is_empty()),
                ),
            ),
            Self::NotFound { what } => (
                StatusCode::NOT_FOUND,
                detail("not_found", format!("{what} not found"), None),
            ),
            Self::Conflict { code, message } => {
                (StatusCode::CONFLICT, detail(code, message.clone(), None))
            }
            Self::InvalidMany(problems) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorDetail {
                    code: "invalid".into(),
                    message: match problems.len() {
                        1 => problems[0].message.clone(),
                        n => format!("{n} problems need fixing"),
                    },
                    field: problems.first().map(|p| p.field.clone()),
                    problems: problems.clone(),
                    current: None,
                },
            ),
            Self::Stale { current } => (
                StatusCode::CONFLICT,
                ErrorDetail {
                    code: "stale".into(),
                    message:
                        "someone else changed this in the meantime; reload to see their changes"
                            .into(),
                    field: None,
                    problems: Vec::new(),
                    current: Some(current.clone()),
                },
            ),
            Self::WrongPhase { message } => (
                StatusCode::CONFLICT,
                detail("wrong_phase", message.clone(), None),
            ),
            Self::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                detail("unauthenticated", "please log in first".into(), None),
            ),
            Self::InvalidCredentials => (
                StatusCode::UNAUTHORIZED,
                detail(
                    "invalid_credentials",
                    "wrong username or password".into(),
                    None,
                ),
            ),
            Self::Forbidden { code, message } => {
                (StatusCode::FORBIDDEN, detail(code, message.clone(), None))
            }
            Self::TooManyRequests { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                detail(
                    "too_many_attempts",
                    format!("too many failed logins; try again in {retry_after_secs} seconds"),
                    None,
                ),
            ),
            Self::BadRequest {
                status,
                code,
                message,
            } => (*status, detail(code, message.clone(), None)),
            // A constraint the database caught is still the caller's bad input: validation
            // should have named the field, but it must never become a 500.
            Self::Database(sqlx::Error::Database(db))
                if !matches!(db.kind(), sqlx::error::ErrorKind::Other) =>
            {
                let (status, code) = match db.kind() {
                    sqlx::error::ErrorKind::UniqueViolation => {
                        (StatusCode::CONFLICT, "already_exists")
                    }
                    _ => (StatusCode::UNPROCESSABLE_ENTITY, "constraint_violated"),
                };
                (
                    status,
                    detail(
                        code,
                        format!("the data breaks a rule of the database: {}", db.message()),
                        None,
                    ),
                )
            }
            Self::Database(_) | Self::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                detail(
                    "internal",
                    "something went wrong on our side; it has been logged".into(),
                    None,
                ),
            ),
        }
    }
}

/// The JSON error response, for handlers and middleware alike.
pub fn error_response(status: StatusCode, detail: ErrorDetail) -> Response {
    (status, Json(ErrorBody { error: detail })).into_response()
}

impl AppError {
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden {
            code: "forbidden",
            message: message.into(),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, detail) = self.status_and_detail();
        if status.is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
        let mut response = error_response(status, detail);
        if let Self::TooManyRequests { retry_after_secs } = self {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(retry_after_secs.max(1)),
            );
        }
        response
    }
}
