//! One error type for every handler. Bad input becomes a 4xx with
//! `{"error":{"code","message","field"?}}`; anything else is logged and becomes a 500 that
//! reveals nothing. Every message exists in English and Chinese; the body carries the one
//! the request asked for (see [`crate::i18n`]), `problems[]` included.

use crate::i18n::{self, Lang, Text};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use jixiao_domain::dto::{ErrorBody, ErrorDetail};
use jixiao_domain::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Invalid(#[from] FieldError),
    /// `what` names the missing thing in both languages, e.g. `text!("department", "部门")`.
    #[error("{what} not found")]
    NotFound { what: Text },
    #[error("{message}")]
    Conflict { code: &'static str, message: Text },
    #[error("not logged in")]
    Unauthenticated,
    #[error("wrong username or password")]
    InvalidCredentials,
    #[error("{message}")]
    Forbidden { code: &'static str, message: Text },
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
    WrongPhase { message: Text },
    /// A request the server cannot read at all (bad JSON, wrong content type).
    #[error("{message}")]
    BadRequest {
        status: StatusCode,
        code: &'static str,
        message: Text,
    },
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    /// Logged, never shown: the client gets [`internal_message`].
    #[error("internal: {0}")]
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

/// What a client sees of a 500, in the request's language.
pub fn internal_message() -> &'static str {
    if i18n::current().is_zh() {
        INTERNAL_ZH
    } else {
        INTERNAL_EN
    }
}

const INTERNAL_EN: &str = "something went wrong on our side; it has been logged";
const INTERNAL_ZH: &str = "服务器内部出错，已记录日志";

/// A problem as it goes on the wire: its message in `lang`, no second language.
pub fn localized(problem: &FieldError, lang: Lang) -> FieldError {
    FieldError {
        code: problem.code.clone(),
        message: problem.message_in(lang.is_zh()).to_owned(),
        field: problem.field.clone(),
        message_zh: String::new(),
    }
}

impl AppError {
    /// `what` in both languages: `AppError::not_found(text!("department {code}", "部门 {code}"))`.
    pub fn not_found(what: Text) -> Self {
        Self::NotFound { what }
    }

    pub fn forbidden(message: Text) -> Self {
        Self::Forbidden {
            code: "forbidden",
            message,
        }
    }

    pub fn conflict(code: &'static str, message: Text) -> Self {
        Self::Conflict { code, message }
    }

    pub fn wrong_phase(message: Text) -> Self {
        Self::WrongPhase { message }
    }

    /// The status and the body in `lang`.
    pub fn status_and_detail(&self, lang: Lang) -> (StatusCode, ErrorDetail) {
        let zh = lang.is_zh();
        let pick = |en: &str, zh_text: &str| if zh { zh_text } else { en }.to_owned();
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
                    err.message_in(zh).to_owned(),
                    Some(err.field.clone()).filter(|f| !f.is_empty()),
                ),
            ),
            Self::NotFound { what } => (
                StatusCode::NOT_FOUND,
                detail(
                    "not_found",
                    if zh {
                        // "未找到部门 EDU", "未找到 2026 年度".
                        let what = what.get(lang);
                        let gap = if what.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                            " "
                        } else {
                            ""
                        };
                        format!("未找到{gap}{what}")
                    } else {
                        format!("{} not found", what.en)
                    },
                    None,
                ),
            ),
            Self::Conflict { code, message } => (
                StatusCode::CONFLICT,
                detail(code, message.get(lang).to_owned(), None),
            ),
            Self::InvalidMany(problems) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorDetail {
                    code: "invalid".into(),
                    message: match problems.len() {
                        1 => problems[0].message_in(zh).to_owned(),
                        n if zh => format!("有 {n} 处问题需要修改"),
                        n => format!("{n} problems need fixing"),
                    },
                    field: problems.first().map(|p| p.field.clone()),
                    problems: problems.iter().map(|p| localized(p, lang)).collect(),
                    current: None,
                },
            ),
            Self::Stale { current } => (
                StatusCode::CONFLICT,
                ErrorDetail {
                    code: "stale".into(),
                    message: pick(
                        "someone else changed this in the meantime; reload to see their changes",
                        "此内容已被他人修改，请重新加载后查看最新内容",
                    ),
                    field: None,
                    problems: Vec::new(),
                    current: Some(current.clone()),
                },
            ),
            Self::WrongPhase { message } => (
                StatusCode::CONFLICT,
                detail("wrong_phase", message.get(lang).to_owned(), None),
            ),
            Self::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                detail(
                    "unauthenticated",
                    pick("please log in first", "请先登录"),
                    None,
                ),
            ),
            Self::InvalidCredentials => (
                StatusCode::UNAUTHORIZED,
                detail(
                    "invalid_credentials",
                    pick("wrong username or password", "用户名或密码错误"),
                    None,
                ),
            ),
            Self::Forbidden { code, message } => (
                StatusCode::FORBIDDEN,
                detail(code, message.get(lang).to_owned(), None),
            ),
            Self::TooManyRequests { retry_after_secs } => (
                StatusCode::TOO_MANY_REQUESTS,
                detail(
                    "too_many_attempts",
                    if zh {
                        format!("登录失败次数过多，请 {retry_after_secs} 秒后再试")
                    } else {
                        format!("too many failed logins; try again in {retry_after_secs} seconds")
                    },
                    None,
                ),
            ),
            Self::BadRequest {
                status,
                code,
                message,
            } => (*status, detail(code, message.get(lang).to_owned(), None)),
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
                let rule = db.message();
                (
                    status,
                    detail(
                        code,
                        if zh {
                            format!("数据不符合数据库规则：{rule}")
                        } else {
                            format!("the data breaks a rule of the database: {rule}")
                        },
                        None,
                    ),
                )
            }
            Self::Database(_) | Self::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                detail(
                    "internal",
                    if zh { INTERNAL_ZH } else { INTERNAL_EN }.to_owned(),
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

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, detail) = self.status_and_detail(i18n::current());
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

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::field_error;

    #[test]
    fn not_found_names_the_thing_in_each_language() {
        let year = AppError::not_found(text!("fiscal year {}", "{} 年度", 2031));
        assert_eq!(
            year.status_and_detail(Lang::En).1.message,
            "fiscal year 2031 not found"
        );
        assert_eq!(
            year.status_and_detail(Lang::Zh).1.message,
            "未找到 2031 年度"
        );
        let department = AppError::not_found(text!("department", "部门"));
        assert_eq!(
            department.status_and_detail(Lang::Zh).1.message,
            "未找到部门"
        );
    }

    #[test]
    fn problems_go_out_in_one_language() {
        let error = AppError::InvalidMany(vec![
            field_error!("required", "a", "give a", "请填写 a"),
            FieldError::new("x", "b", "English only"),
        ]);
        let (status, zh) = error.status_and_detail(Lang::Zh);
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(zh.message, "有 2 处问题需要修改");
        assert_eq!(zh.field.as_deref(), Some("a"));
        let messages: Vec<&str> = zh.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["请填写 a", "English only"]);
        assert!(zh.problems.iter().all(|p| p.message_zh.is_empty()));
        let (_, en) = error.status_and_detail(Lang::En);
        let messages: Vec<&str> = en.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(messages, ["give a", "English only"]);
        let json = serde_json::to_string(&zh).unwrap();
        assert!(!json.contains("message_zh"), "{json}");
    }

    #[test]
    fn fixed_messages_have_both_languages() {
        for error in [
            AppError::Unauthenticated,
            AppError::InvalidCredentials,
            AppError::TooManyRequests {
                retry_after_secs: 30,
            },
            AppError::Stale {
                current: serde_json::Value::Null,
            },
            AppError::Internal("boom".into()),
        ] {
            let (_, en) = error.status_and_detail(Lang::En);
            let (_, zh) = error.status_and_detail(Lang::Zh);
            assert_ne!(en.message, zh.message, "{error}");
            assert!(zh.message.chars().any(|c| c > '\u{2e80}'), "{error}");
            assert!(!zh.message.contains("boom"));
        }
    }
}
