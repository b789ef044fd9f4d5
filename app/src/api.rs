//! The one typed client for Jixiao's JSON API (same origin, relative URLs).
//!
//! Every call goes through one private `send` (used by [`get_json`], [`post_json`],
//! [`put_json`], [`patch_json`], [`post_empty`] and [`post_bytes`]), which adds the CSRF header to writes and turns a non-2xx answer carrying the server's
//! `{"error":{"code","message","field"?}}` body into an [`ApiError`] with the HTTP status, and a
//! network failure or an unreadable body into an `ApiError` with a readable message in the reader's language.

use std::fmt;

use gloo_net::http::{Method, RequestBuilder, Response};
use jixiao_domain::dto::ErrorBody;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::locale::{document_language, Locale};

/// The language the document is in now (see [`document_language`]); Chinese when unknown.
fn document_locale() -> Locale {
    match document_language().as_deref() {
        Some(lang) if lang.starts_with("en") => Locale::en,
        _ => Locale::zh_CN,
    }
}

/// Header every write carries: a cross-site form cannot set it, so the server can refuse
/// cookie-carrying writes without it.
pub const CSRF_HEADER: &str = "X-Jixiao-Csrf";

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
    /// With a 409 `stale`: the resource as it is now (to reload the form from).
    /// (Boxed: it is rare, and keeps every `Result<_, ApiError>` small.)
    pub current: Option<Box<serde_json::Value>>,
    /// With a 422 of many problems (a set's validation): every one, each with its field.
    pub problems: Vec<jixiao_domain::FieldError>,
}

impl ApiError {
    /// The server could not be reached.
    pub fn network(detail: impl fmt::Display) -> Self {
        Self {
            status: STATUS_NETWORK,
            code: "network".to_owned(),
            message: match document_locale() {
                Locale::zh_CN => format!("无法连接服务器（{detail}）"),
                Locale::en => format!("Cannot reach the server ({detail})"),
            },
            field: None,
            current: None,
            problems: Vec::new(),
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
                current: error.current.map(Box::new),
                problems: error.problems,
            },
            Err(_) => Self {
                status,
                code: format!("http_{status}"),
                message: match document_locale() {
                    Locale::zh_CN => format!("服务器返回错误 HTTP {status}"),
                    Locale::en => format!("The server answered with HTTP {status}"),
                },
                field: None,
                current: None,
                problems: Vec::new(),
            },
        }
    }

    /// A 2xx answer whose body is not what we expected.
    pub fn bad_response(status: u16, detail: impl fmt::Display) -> Self {
        Self {
            status,
            code: "bad_response".to_owned(),
            message: match document_locale() {
                Locale::zh_CN => format!("无法读取服务器的回答（{detail}）"),
                Locale::en => format!("Unexpected response from the server ({detail})"),
            },
            field: None,
            current: None,
            problems: Vec::new(),
        }
    }

    pub fn is_not_found(&self) -> bool {
        self.status == 404
    }

    /// No (longer a) session: the reader must log in.
    pub fn is_unauthenticated(&self) -> bool {
        self.status == 401
    }

    /// Signed in, but this is not theirs to see or do.
    pub fn is_forbidden(&self) -> bool {
        self.status == 403 && self.code != "password_change_required"
    }

    /// A write based on an old revision: someone else changed the resource first.
    pub fn is_stale(&self) -> bool {
        self.status == 409 && self.code == "stale"
    }

    /// The resource as it is now, sent with a 409 `stale`, decoded as `T`.
    pub fn current_as<T: DeserializeOwned>(&self) -> Option<T> {
        self.current
            .as_deref()
            .cloned()
            .and_then(|value| serde_json::from_value(value).ok())
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

/// Receives every error a call produced (see [`set_error_listener`]).
type ErrorListener = Box<dyn Fn(&ApiError)>;

thread_local! {
    static ERROR_LISTENER: std::cell::RefCell<Option<ErrorListener>> =
        const { std::cell::RefCell::new(None) };
}

/// Registers the one function told about every failed call (the auth context uses it to
/// notice an expired session: any 401 means "no longer signed in").
pub fn set_error_listener(listener: impl Fn(&ApiError) + 'static) {
    ERROR_LISTENER.with(|cell| *cell.borrow_mut() = Some(Box::new(listener)));
}

fn report(error: ApiError) -> ApiError {
    ERROR_LISTENER.with(|cell| {
        if let Some(listener) = cell.borrow().as_ref() {
            listener(&error);
        }
    });
    error
}

/// What a write sends: JSON, or raw bytes of a content type (an uploaded file).
enum Body {
    Json(String),
    Bytes {
        content_type: &'static str,
        bytes: Vec<u8>,
    },
}

/// The one path every call takes: sends `method path` (with a JSON body if given, and the
/// CSRF header on every write), and answers the response if it is a 2xx. Credentials are the
/// fetch default, `same-origin`, so the session cookie goes along.
async fn send(method: Method, path: &str, body: Option<Body>) -> Result<Response, ApiError> {
    let mut builder = RequestBuilder::new(path)
        .method(method.clone())
        .header("Accept", "application/json");
    // The server writes its messages (validation errors above all) in the reader's language.
    if let Some(language) = document_language() {
        builder = builder.header("Accept-Language", &language);
    }
    if method != Method::GET {
        builder = builder.header(CSRF_HEADER, "1");
    }
    let request = match body {
        Some(Body::Json(json)) => builder
            .header("Content-Type", "application/json")
            .body(json),
        Some(Body::Bytes {
            content_type,
            bytes,
        }) => builder
            .header("Content-Type", content_type)
            .body(js_sys::Uint8Array::from(bytes.as_slice())),
        None => builder.build(),
    }
    .map_err(|e| report(ApiError::network(e)))?;
    let response = request
        .send()
        .await
        .map_err(|e| report(ApiError::network(e)))?;
    if response.ok() {
        Ok(response)
    } else {
        let body = response.text().await.unwrap_or_default();
        Err(report(ApiError::from_response(response.status(), &body)))
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    response
        .json::<T>()
        .await
        .map_err(|e| ApiError::bad_response(status, e))
}

fn encode<B: Serialize + ?Sized>(body: &B) -> Result<Body, ApiError> {
    serde_json::to_string(body)
        .map(Body::Json)
        .map_err(|e| ApiError::bad_response(0, e))
}

/// `GET path` and decode the JSON answer as `T`.
pub async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    decode(send(Method::GET, path, None).await?).await
}

/// `POST path` with a JSON body; decode the JSON answer.
pub async fn post_json<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send(Method::POST, path, Some(encode(body)?)).await?).await
}

/// `PUT path` with a JSON body; decode the JSON answer.
pub async fn put_json<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send(Method::PUT, path, Some(encode(body)?)).await?).await
}

/// `PATCH path` with a JSON body; decode the JSON answer.
pub async fn patch_json<B: Serialize + ?Sized, T: DeserializeOwned>(
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    decode(send(Method::PATCH, path, Some(encode(body)?)).await?).await
}

/// `POST path` with an optional JSON body, expecting no content back (204).
pub async fn post_empty<B: Serialize + ?Sized>(
    path: &str,
    body: Option<&B>,
) -> Result<(), ApiError> {
    let body = body.map(encode).transpose()?;
    send(Method::POST, path, body).await.map(drop)
}

/// `POST path` with raw bytes (a file) of `content_type`; decode the JSON answer.
pub async fn post_bytes<T: DeserializeOwned>(
    path: &str,
    content_type: &'static str,
    bytes: Vec<u8>,
) -> Result<T, ApiError> {
    let body = Body::Bytes {
        content_type,
        bytes,
    };
    decode(send(Method::POST, path, Some(body)).await?).await
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

/// `?a=1&b=x%20y` from the pairs whose value is present and not blank ("" if none).
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, Option<String>)>) -> String {
    let parts: Vec<String> = pairs
        .into_iter()
        .filter_map(|(key, value)| {
            let value = value?;
            let value = value.trim();
            (!value.is_empty()).then(|| format!("{key}={}", path_segment(value)))
        })
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// Typed endpoints.
pub mod endpoints {
    use super::{
        get_json, patch_json, path_segment, post_empty, post_json, query_string, ApiError,
    };
    use jixiao_domain::dto::audit::{AuditPage, AuditQuery, AuditVerification};
    use jixiao_domain::dto::auth::{
        Account, AccountChanges, AccountList, ChangePassword, LoginRequest, Me, NewAccount,
        ResetPassword,
    };
    use jixiao_domain::dto::sets::IndicatorSet;
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

    pub async fn indicator_set(code: &str, year: &str) -> Result<IndicatorSet, ApiError> {
        let (code, year) = (path_segment(code), path_segment(year));
        get_json(&format!("/api/departments/{code}/sets/{year}")).await
    }

    pub async fn login(request: LoginRequest) -> Result<Me, ApiError> {
        post_json("/api/auth/login", &request).await
    }

    pub async fn logout() -> Result<(), ApiError> {
        post_empty::<()>("/api/auth/logout", None).await
    }

    pub async fn me() -> Result<Me, ApiError> {
        get_json("/api/auth/me").await
    }

    pub async fn change_password(request: ChangePassword) -> Result<(), ApiError> {
        post_empty("/api/auth/password", Some(&request)).await
    }

    pub async fn accounts() -> Result<AccountList, ApiError> {
        get_json("/api/accounts").await
    }

    pub async fn create_account(account: NewAccount) -> Result<Account, ApiError> {
        post_json("/api/accounts", &account).await
    }

    pub async fn update_account(id: i64, changes: AccountChanges) -> Result<Account, ApiError> {
        patch_json(&format!("/api/accounts/{id}"), &changes).await
    }

    pub async fn reset_password(id: i64, password: String) -> Result<(), ApiError> {
        let body = ResetPassword { password };
        post_empty(&format!("/api/accounts/{id}/password"), Some(&body)).await
    }

    /// The query part of `GET /api/audit` for `query` (blank filters left out).
    pub fn audit_path(query: &AuditQuery) -> String {
        let AuditQuery {
            entity,
            entity_id,
            actor,
            action,
            from,
            to,
            before,
            limit,
        } = query.clone();
        let pairs = [
            ("entity", entity),
            ("entity_id", entity_id),
            ("actor", actor),
            ("action", action),
            ("from", from),
            ("to", to),
            ("before", before.map(|b| b.to_string())),
            ("limit", limit.map(|l| l.to_string())),
        ];
        format!("/api/audit{}", query_string(pairs))
    }

    pub async fn audit(query: AuditQuery) -> Result<AuditPage, ApiError> {
        get_json(&audit_path(&query)).await
    }

    pub async fn verify_audit() -> Result<AuditVerification, ApiError> {
        get_json("/api/audit/verify").await
    }
}

pub mod budget;
pub mod evaluation;
pub mod excel;
pub mod library;
pub mod monitoring;
pub mod sets;
pub mod whatif;
pub mod years;

#[cfg(test)]
mod tests;
