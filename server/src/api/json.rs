//! `ApiJson<T>`: axum's `Json` whose rejections are our JSON errors — a body that does not
//! parse is a 400, a wrong content type a 415, a well-formed body of the wrong shape a 422
//! naming the field.

use crate::error::AppError;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::FieldError;
use serde::de::DeserializeOwned;

pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(Self(value)),
            Err(rejection) => Err(rejected(rejection)),
        }
    }
}

fn rejected(rejection: JsonRejection) -> AppError {
    match rejection {
        JsonRejection::JsonDataError(err) => {
            let text = err.body_text();
            let detail = text
                .rsplit_once("target type: ")
                .map_or(text.as_str(), |(_, d)| d);
            let (path, message) = match detail.split_once(": ") {
                Some((path, message)) if !path.contains(' ') => (path, message),
                _ => (".", detail),
            };
            // serde names a missing field only in its message: "missing field `name`".
            let field = if path == "." {
                message
                    .split('`')
                    .nth(1)
                    .filter(|_| message.starts_with("missing field"))
                    .unwrap_or("")
                    .to_owned()
            } else {
                path.to_owned()
            };
            let zh = if message.starts_with("missing field") {
                format!("缺少必填字段“{field}”")
            } else {
                format!("字段取值不符合要求：{message}")
            };
            AppError::Invalid(FieldError::bilingual("invalid_field", field, message, zh))
        }
        JsonRejection::MissingJsonContentType(_) => AppError::BadRequest {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code: "unsupported_media_type",
            message: text!(
                "send the body as JSON with Content-Type: application/json",
                "请以 JSON 格式发送请求内容，Content-Type 须为 application/json"
            ),
        },
        other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => AppError::BadRequest {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "too_large",
            message: text!("the body is too large", "请求内容过大"),
        },
        other => AppError::BadRequest {
            status: StatusCode::BAD_REQUEST,
            code: "invalid_json",
            message: text!(
                "the body is not valid JSON: {}",
                "请求内容不是有效的 JSON：{}",
                other.body_text()
            ),
        },
    }
}
