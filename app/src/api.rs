//! The one typed client for Jixiao's JSON API (same origin, relative URLs).
//!
//! Every call goes through [`get_json`], which turns a non-2xx answer carrying the server's
//! `{"error":{"code","message","field"?}}` body into an [`ApiError`] with the HTTP status, and a
//! network failure or an unreadable body into an `ApiError` with a readable bilingual message.

use std::fmt;

use gloo_net::http::Request;
use jixiao_domain::dto::ErrorBody;
use serde::de::DeserializeOwned;

/// Status used for failures that never produced an HTTP response (offline, DNS, CORS…).
pub const STATUS_NETWORK: u16 = 0;

/// A failed API call, typed so that pages can react to it (e.g. 404 → "not found").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status; [`STATUS_NETWORK`] when there was no response at all.
    pub status: u16,
    /// Machine-readable code from the error body (`not_found`, `validation`, …) or one of
    /// ours: `network`, `bad_response`, `http_<status>`.
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// Path of the offending input field, when the server names one.
    pub field: Option<String>,
}

impl ApiError {
    /// The server could not be reached.
    pub fn network(detail: impl fmt::Display) -> Self {
        Self {
            status: STATUS_NETWORK,
            code: "network".to_owned(),
            message: format!("无法连接服务器 Cannot reach the server ({detail})"),
            field: None,
        }
    }

    /// An error answer, from its status and raw body. A body in the agreed error shape is
    /// used as is; anything else (a proxy's HTML page, an empty body) gets a generic message.
    pub fn from_response(status: u16, body: &str) -> Self {
        match serde_json::from_str::<ErrorBody>(body) {
            Ok(ErrorBody { error }) => Self {
                status,
                code: error.code,
                message: error.message,
                field: error.field,
            },
            Err(_) => Self {
                status,
                code: format!("http_{status}"),
                message: format!("服务器返回错误 The server answered with HTTP {status}"),
                field: None,
            },
        }
    }

    /// A 2xx answer whose body is not what we expected.
    pub fn bad_response(status: u16, detail: impl fmt::Display) -> Self {
        Self {
            status,
            code: "bad_response".to_owned(),
            message: format!("无法读取服务器响应 Unexpected response from the server ({detail})"),
            field: None,
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status == 404
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(field) = &self.field {
            write!(f, " [{field}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// `GET path` and decode the JSON answer as `T`.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(ApiError::network)?;
    let status = response.status();
    if response.ok() {
        response
            .json::<T>()
            .await
            .map_err(|e| ApiError::bad_response(status, e))
    } else {
        let body = response.text().await.unwrap_or_default();
        Err(ApiError::from_response(status, &body))
    }
}

/// Percent-encodes one URL path segment (everything but RFC 3986 unreserved characters), so a
/// code typed into the address bar can never change the API path it is sent to.
pub fn path_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Typed endpoints.
pub mod endpoints {
    use super::{get_json, path_segment, ApiError};
    use jixiao_domain::dto::{Department, DepartmentList, Health};

    pub async fn health() -> Result<Health, ApiError> {
        get_json("/api/health").await
    }

    pub async fn departments() -> Result<DepartmentList, ApiError> {
        get_json("/api/departments").await
    }

    pub async fn department(code: &str) -> Result<Department, ApiError> {
        get_json(&format!("/api/departments/{}", path_segment(code))).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_becomes_typed_error() {
        let e = ApiError::from_response(
            404,
            r#"{"error":{"code":"not_found","message":"no department X","field":"code"}}"#,
        );
        assert_eq!(e.status, 404);
        assert_eq!(e.code, "not_found");
        assert_eq!(e.message, "no department X");
        assert_eq!(e.field.as_deref(), Some("code"));
        assert!(e.is_not_found());
        assert_eq!(e.to_string(), "no department X [code]");
    }

    #[test]
    fn other_bodies_get_a_generic_message() {
        let e = ApiError::from_response(502, "<html>Bad gateway</html>");
        assert_eq!(e.code, "http_502");
        assert!(e.message.contains("502"));
        assert_eq!(e.field, None);
    }

    #[test]
    fn network_errors_are_readable() {
        let e = ApiError::network("TypeError: Failed to fetch");
        assert_eq!(e.status, STATUS_NETWORK);
        assert_eq!(e.code, "network");
        assert!(e.message.contains("Cannot reach the server"));
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(path_segment("edu-01_a.b~"), "edu-01_a.b~");
        assert_eq!(path_segment("../x y"), "..%2Fx%20y");
        assert_eq!(path_segment("教"), "%E6%95%99");
        assert_eq!(path_segment("a?b#c"), "a%3Fb%23c");
    }
}
