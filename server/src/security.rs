//! Security headers on every response.

use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

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

/// The policy for the app in `dist`. Trunk's loader script, whose hash the policy names,
/// changes with every build, so the policy is recomputed whenever an HTML shell changes on
/// disk — a rebuilt app never meets a stale policy, and unchanged files cost one `stat`.
#[derive(Clone)]
pub struct Headers {
    dist: Arc<PathBuf>,
    current: Arc<Mutex<(Vec<Option<SystemTime>>, HeaderValue)>>,
}

impl Headers {
    pub fn new(dist: &Path) -> Self {
        let headers = Self {
            dist: Arc::new(dist.to_path_buf()),
            current: Arc::new(Mutex::new((
                Vec::new(),
                HeaderValue::from_static("default-src 'none'"),
            ))),
        };
        headers.csp();
        headers
    }

    fn csp(&self) -> HeaderValue {
        let modified: Vec<Option<SystemTime>> = crate::spa::SHELLS
            .iter()
            .map(|shell| {
                std::fs::metadata(self.dist.join(shell))
                    .and_then(|m| m.modified())
                    .ok()
            })
            .collect();
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if current.0 != modified || modified[0].is_none() {
            let policy = content_security_policy(&crate::spa::inline_script_hashes(&self.dist));
            current.0 = modified;
            current.1 = HeaderValue::from_str(&policy).expect("a CSP is visible ASCII");
        }
        current.1.clone()
    }
}

pub async fn add_headers(State(headers): State<Headers>, request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let csp = headers.csp();
    let map = response.headers_mut();
    map.insert(header::CONTENT_SECURITY_POLICY, csp);
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
