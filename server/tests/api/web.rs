//! The server basics: health, JSON errors, the SPA fallback, caching, compression, headers.

use crate::harness::{TestApp, HASHED_JS, LOADER};
use base64::Engine;
use jixiao_domain::dto::{DepartmentList, ErrorBody, Health};
use reqwest::header;
use sha2::{Digest, Sha256};

#[tokio::test]
async fn health_is_ok() {
    let app = TestApp::start().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()[header::CACHE_CONTROL], "no-store");
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body, serde_json::json!({ "status": "ok" }));
    let _: Health = serde_json::from_value(body).unwrap();
}

#[tokio::test]
async fn unknown_api_paths_get_a_json_404_and_wrong_methods_a_json_405() {
    let app = TestApp::start().await;
    let response = app.get("/api/no-such-thing").await;
    assert_eq!(response.status(), 404);
    assert!(response.headers()[header::CONTENT_TYPE]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.error.code, "not_found");
    assert!(body.error.message.contains("/api/no-such-thing"));

    let response = app
        .client
        .delete(app.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.error.code, "method_not_allowed");

    let response = app.get("/api/departments/NOPE").await;
    assert_eq!(response.status(), 404);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.error.code, "not_found");
}

#[tokio::test]
async fn client_routes_deep_link_to_the_never_cached_index() {
    let app = TestApp::start().await;
    for path in [
        "/",
        "/departments",
        "/departments/EDU",
        "/some/deep/client/route",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "no-cache",
            "{path}"
        );
        assert!(response.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html"));
        assert!(response.text().await.unwrap().contains(LOADER), "{path}");
    }
}

#[tokio::test]
async fn hashed_assets_are_immutable_and_others_short_lived() {
    let app = TestApp::start().await;
    let response = app.get(&format!("/{HASHED_JS}")).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let response = app.get("/favicon.svg").await;
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=3600"
    );
}

#[tokio::test]
async fn responses_are_compressed_with_brotli_or_gzip() {
    let app = TestApp::start().await;
    for (accept, expected) in [("br", "br"), ("gzip", "gzip"), ("gzip, br", "br")] {
        let response = app
            .client
            .get(app.url(&format!("/{HASHED_JS}")))
            .header(header::ACCEPT_ENCODING, accept)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.headers()[header::CONTENT_ENCODING],
            expected,
            "{accept}"
        );
        let compressed = response.bytes().await.unwrap();
        assert!(
            compressed.len() < 34 * 200 / 4,
            "{accept}: {} bytes",
            compressed.len()
        );
    }
    let plain = app.get(&format!("/{HASHED_JS}")).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
}

/// A `.br` written by the build beside an asset is sent as it is (compressed harder than the
/// response layer would), with the asset's own type; clients without brotli get the original.
#[tokio::test]
async fn precompressed_assets_are_sent_as_built() {
    let app = TestApp::start().await;
    let wasm = "app-0123456789abcdef_bg.wasm";
    let dist = &app.config.dist_dir;
    std::fs::write(dist.join(wasm), b"\0asm-original".repeat(50)).unwrap();
    std::fs::write(dist.join(format!("{wasm}.br")), b"prebuilt-brotli").unwrap();
    let response = app
        .client
        .get(app.url(&format!("/{wasm}")))
        .header(header::ACCEPT_ENCODING, "gzip, br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/wasm");
    assert_eq!(
        response.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(&response.bytes().await.unwrap()[..], b"prebuilt-brotli");
    let plain = app.get(&format!("/{wasm}")).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(
        &plain.bytes().await.unwrap()[..],
        &b"\0asm-original".repeat(50)[..]
    );
}

#[tokio::test]
async fn security_headers_allow_the_wasm_and_nothing_else() {
    let app = TestApp::start().await;
    for path in ["/", "/api/health", "/api/nope"] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("object-src 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        let loader_hash =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()));
        assert!(csp.contains(&format!("'sha256-{loader_hash}'")), "{csp}");
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(
            headers[header::REFERRER_POLICY],
            "strict-origin-when-cross-origin"
        );
        assert_eq!(headers[header::X_FRAME_OPTIONS], "DENY");
    }
}

#[tokio::test]
async fn an_empty_database_lists_no_departments() {
    let app = TestApp::start().await;
    let list: DepartmentList = app.get("/api/departments").await.json().await.unwrap();
    assert!(list.departments.is_empty());
}

#[tokio::test]
async fn sqlite_runs_in_wal_mode_with_foreign_keys() {
    let app = TestApp::start().await;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(fk, 1);
    let orphan = sqlx::query("INSERT INTO units (department_id, code, name_zh, name_en) VALUES (999, 'X-1', '单位', 'Unit')")
        .execute(&app.pool)
        .await;
    assert!(orphan.is_err(), "foreign keys must be enforced");
}

#[tokio::test]
async fn a_rebuilt_app_gets_a_policy_for_its_new_loader() {
    let app = TestApp::start().await;
    let new_loader = "import init from '/app-fedcba9876543210.js'; init();";
    // File systems with coarse timestamps need the modification time to move on.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    std::fs::write(
        app.config.dist_dir.join("index.html"),
        format!("<!doctype html><html><head><script type=\"module\">{new_loader}</script></head></html>"),
    )
    .unwrap();
    let response = app.get("/departments").await;
    let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    let new_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(new_loader.as_bytes()));
    let old_hash =
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(LOADER.as_bytes()));
    assert!(csp.contains(&new_hash), "{csp}");
    assert!(!csp.contains(&old_hash), "{csp}");
    assert!(response.text().await.unwrap().contains(new_loader));
}

#[tokio::test]
async fn malformed_paths_queries_and_bodies_get_json_errors() {
    let app = TestApp::start_seeded().await;
    for path in [
        "/api/sets/not-a-number/versions",
        "/api/departments/EDU/sets/99999999999",
        "/api/library?include_inactive=maybe",
        "/api/library?level2=sideways",
    ] {
        let response = app.get(path).await;
        assert!(
            response.status().is_client_error(),
            "{path}: {}",
            response.status()
        );
        let body: ErrorBody = response
            .json()
            .await
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!body.error.message.is_empty());
    }
    let huge = "x".repeat(3 * 1024 * 1024);
    let response = app
        .client
        .post(app.url("/api/score"))
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 413);
    assert_eq!(
        response.json::<ErrorBody>().await.unwrap().error.code,
        "too_large"
    );
}

#[tokio::test]
async fn the_public_portal_has_its_own_shell_and_loader() {
    let app = TestApp::start().await;
    let portal_loader = "import init from '/portal/portal-0123456789abcdef.js'; init();";
    let dir = app.config.dist_dir.join("portal");
    std::fs::create_dir_all(&dir).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    std::fs::write(
        dir.join("index.html"),
        format!("<!doctype html><html><head><script type=\"module\">{portal_loader}</script></head></html>"),
    )
    .unwrap();
    for path in ["/open", "/open/2024", "/open/2024/EDU"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 200, "{path}");
        let csp = response.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .to_owned();
        let hash = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(portal_loader.as_bytes()));
        assert!(csp.contains(&hash), "{csp}");
        assert!(
            response.text().await.unwrap().contains(portal_loader),
            "{path}"
        );
    }
    // The officials' app keeps its own shell.
    let response = app.get("/departments").await;
    assert!(response.text().await.unwrap().contains(LOADER));
}
