//! Cross-site request forgery protection for the API. The session cookie is
//! SameSite=Strict already; on top of that a write (any method but GET/HEAD/OPTIONS) must
//! come from our own origin: a browser's `Origin` header, when present, must name this
//! host, and a write carrying the session cookie without an `Origin` must carry the custom
//! header `X-Jixiao-Csrf` — which no cross-site form can send, and which a cross-site
//! script can send only after a CORS preflight that this server never grants.

use crate::auth::SESSION_COOKIE;
use crate::error::AppError;
use axum::extract::Request;
use axum::http::{header, HeaderMap, Method};
use axum::middleware::Next;
use axum::response::Response;

pub const CSRF_HEADER: &str = "x-jixiao-csrf";

fn refused() -> AppError {
    AppError::Forbidden {
        code: "csrf",
        message: text!(
            "cross-site request refused: send writes from the Jixiao app (same origin) or with the X-Jixiao-Csrf header",
            "已拒绝跨站请求：请在绩效系统页面内（同源）提交修改，或附带 X-Jixiao-Csrf 请求头"
        ),
    }
}

/// `http://host:port` in `Origin` names the same host as `Host`.
fn same_origin(headers: &HeaderMap) -> Option<bool> {
    let origin = headers.get(header::ORIGIN)?.to_str().ok()?;
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin_host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"));
    Some(matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h)))
}

fn carries_session_cookie(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .any(|pair| pair.trim_start().starts_with(&format!("{SESSION_COOKIE}=")))
}

pub async fn protect(request: Request, next: Next) -> Result<Response, AppError> {
    let method = request.method();
    if method == Method::GET || method == Method::HEAD || method == Method::OPTIONS {
        return Ok(next.run(request).await);
    }
    let headers = request.headers();
    match same_origin(headers) {
        Some(true) => {}
        Some(false) => return Err(refused()),
        None if carries_session_cookie(headers) && !headers.contains_key(CSRF_HEADER) => {
            return Err(refused())
        }
        None => {}
    }
    Ok(next.run(request).await)
}
