//! The two single-page apps: hashed assets cached for a year, HTML never cached, and any path
//! that is not a file answered with its app's HTML so that client routes deep-link — the
//! public portal (`portal/index.html`) under `/open`, the officials' app (`index.html`)
//! everywhere else.

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower::util::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

/// The HTML shells Trunk writes: the officials' app and the public portal.
pub const SHELLS: [&str; 2] = ["index.html", "portal/index.html"];

/// Whether a path belongs to the public portal.
pub fn is_portal_path(path: &str) -> bool {
    path == "/open" || path.starts_with("/open/")
}

/// Serves `dist`, falling back to the right app's HTML (status 200) for client routes.
pub async fn serve(dist: std::sync::Arc<std::path::PathBuf>, request: Request) -> Response {
    let portal = dist.join(SHELLS[1]);
    let index = if is_portal_path(request.uri().path()) && portal.is_file() {
        portal
    } else {
        dist.join(SHELLS[0])
    };
    if !index.is_file() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "The Jixiao web app has not been built yet: run `make run` (or `make app`) first.\n",
        )
            .into_response();
    }
    // The build writes `.br`/`.gz` beside the assets (scripts/precompress.mjs), compressed
    // harder than the response compression layer would on every request.
    let service = ServeDir::new(dist.as_path())
        .precompressed_br()
        .precompressed_gzip()
        .fallback(ServeFile::new(index));
    match service.oneshot(request).await {
        Ok(response) => response.map(Body::new),
        Err(infallible) => match infallible {},
    }
}

/// Trunk names assets `name-<16 hex digits>[_bg].ext`; such a file never changes.
fn is_hashed_asset(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.split('.').next().unwrap_or(file);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        let hash = hash.strip_suffix("_bg").unwrap_or(hash);
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Cache-Control by what was served: API answers are never stored, the HTML shell is
/// revalidated every time (so a deploy is seen at once), hashed assets are immutable.
pub async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if path.starts_with("/api/") || path == "/api" {
        "no-store"
    } else if is_html || !response.status().is_success() {
        "no-cache"
    } else if is_hashed_asset(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// CSP hashes (`'sha256-…'`) of the inline scripts in both HTML shells — Trunk's loaders
/// that start the WASM — so the policy allows exactly those and no other inline script.
pub fn inline_script_hashes(dist: &Path) -> Vec<String> {
    SHELLS
        .iter()
        .filter_map(|shell| std::fs::read_to_string(dist.join(shell)).ok())
        .flat_map(|html| script_hashes(&html))
        .collect()
}

fn script_hashes(html: &str) -> Vec<String> {
    let mut hashes = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        rest = &rest[start..];
        let Some(tag_end) = rest.find('>') else { break };
        let tag = &rest[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = rest[body_start..].find("</script>") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        if !tag.contains(" src=") && !body.trim().is_empty() {
            let digest = Sha256::digest(body.as_bytes());
            hashes.push(format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            ));
        }
        rest = &rest[body_start + close..];
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_trunk_hashed_names() {
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7081.js"));
        assert!(is_hashed_asset("/app-1a2b3c4d5e6f7081_bg.wasm"));
        assert!(is_hashed_asset("/style-00112233aabbccdd.css"));
        assert!(!is_hashed_asset("/favicon.svg"));
        assert!(!is_hashed_asset("/manifest.json"));
        assert!(!is_hashed_asset("/my-file.css"));
    }

    #[test]
    fn hashes_inline_scripts_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.html"),
            "<html><script src=\"/x.js\"></script><script type=\"module\">boot()</script></html>",
        )
        .unwrap();
        let hashes = inline_script_hashes(dir.path());
        assert_eq!(hashes.len(), 1);
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert_eq!(hashes[0], format!("'sha256-{expected}'"));
    }
}
