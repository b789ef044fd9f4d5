//! Security headers on every response.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// The Content-Security-Policy: our own origin only; WASM may be compiled
/// (`'wasm-unsafe-eval'`); inline scripts only those whose hashes are given (Trunk's
/// loader); no framing, no plugins, no foreign connections.
pub fn content_security_policy(inline_script_hashes: &[String]) -> String {
    let mut script_src = vec!["'self'", "'wasm-unsafe-eval'"];
    script_src.extend(inline_script_hashes.iter().map(String::as_str));
    format!(
        "default-src 'self'; script-src {}; style-src 'self'; img-src 'self' data:; \
         font-src 'self'; connect-src 'self'; manifest-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        script_src.join(" ")
    )
}

#[derive(Clone)]
pub struct Headers {
    csp: Arc<HeaderValue>,
}

impl Headers {
    pub fn new(csp: &str) -> Self {
        Self {
            csp: Arc::new(HeaderValue::from_str(csp).expect("a CSP is visible ASCII")),
        }
    }
}

pub async fn add_headers(State(headers): State<Headers>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let map = response.headers_mut();
    map.insert(header::CONTENT_SECURITY_POLICY, (*headers.csp).clone());
    map.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    map.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    map.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    map.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    map.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    response
}
