//! Login, sessions (cookie, logout, expiry, restarts), rate limiting, CSRF.

use crate::harness::{TestApp, DEMO_PASSWORD};
use jixiao_domain::dto::auth::{Capability, Me};
use jixiao_domain::dto::ErrorBody;
use reqwest::{header, Method};
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn login_sets_a_strict_http_only_cookie_and_logout_kills_the_session() {
    let app = TestApp::start_seeded().await;
    let browser = app.browser();
    let response = browser.login("EDU.Staff", DEMO_PASSWORD).await;
    assert_eq!(response.status(), 200);
    let cookie = response.headers()[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("jixiao_session="), "{cookie}");
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(!cookie.contains("Secure"), "plain http: no Secure flag");
    let me: Me = response.json().await.unwrap();
    assert_eq!(me.username, "edu.staff");
    assert_eq!(me.department.as_ref().unwrap().code, "EDU");
    assert_eq!(
        me.capabilities,
        [
            Capability::EditSets,
            Capability::SelfEvaluate,
            Capability::WorkForDepartment
        ]
    );

    let me: Me = browser.get("/api/auth/me").await.json().await.unwrap();
    assert_eq!(me.username, "edu.staff");

    let sessions = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM tower_sessions")
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    assert_eq!(sessions().await, 1);
    let stolen = cookie.split(';').next().unwrap().to_owned();
    assert_eq!(
        browser
            .send(Method::POST, "/api/auth/logout", None)
            .await
            .status(),
        204
    );
    assert_eq!(
        sessions().await,
        0,
        "logout deletes the session on the server"
    );
    assert_eq!(browser.get("/api/auth/me").await.status(), 401);
    // Replaying the old cookie does not bring the session back.
    let replay = app
        .client
        .get(app.url("/api/auth/me"))
        .header(header::COOKIE, stolen)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 401);
}

#[tokio::test]
async fn cookies_are_secure_when_configured_for_https() {
    let app = TestApp::start_seeded_with(|c| c.secure_cookies = true).await;
    let response = app.browser().login("finance", DEMO_PASSWORD).await;
    let cookie = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn unknown_users_and_wrong_passwords_get_the_same_answer() {
    let app = TestApp::start_seeded().await;
    let wrong = app
        .browser()
        .login("finance", "not the password at all")
        .await;
    let unknown = app
        .browser()
        .login("no.such.user", "not the password at all")
        .await;
    assert_eq!(wrong.status(), 401);
    assert_eq!(unknown.status(), 401);
    assert_eq!(wrong.text().await.unwrap(), unknown.text().await.unwrap());
    let missing = app.browser().login("finance", "").await;
    assert_eq!(missing.status(), 422);
    let body: ErrorBody = missing.json().await.unwrap();
    assert_eq!(body.error.field.as_deref(), Some("password"));
}

#[tokio::test]
async fn sessions_survive_a_restart_and_are_shared_between_processes() {
    let app = TestApp::start_seeded().await;
    let browser = app.login("assessment").await;
    let other = app.second_process().await;
    let response = browser
        .client
        .get(format!("http://{other}/api/auth/me"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        200,
        "the other process knows the session"
    );
}

#[tokio::test]
async fn idle_sessions_expire() {
    let app = TestApp::start_seeded_with(|c| c.session_idle = Duration::from_secs(1)).await;
    let browser = app.login("finance").await;
    assert_eq!(browser.get("/api/auth/me").await.status(), 200);
    tokio::time::sleep(Duration::from_millis(2100)).await;
    assert_eq!(browser.get("/api/auth/me").await.status(), 401);
}

#[tokio::test]
async fn sessions_end_at_their_absolute_lifetime_despite_activity() {
    let app = TestApp::start_seeded_with(|c| c.session_absolute = Duration::from_secs(2)).await;
    let browser = app.login("finance").await;
    for _ in 0..3 {
        assert_eq!(browser.get("/api/auth/me").await.status(), 200);
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(browser.get("/api/auth/me").await.status(), 401);
}

#[tokio::test]
async fn five_failures_a_minute_per_address_or_account_are_rate_limited() {
    let app = TestApp::start_seeded().await;
    // Per address: five wrong passwords for different accounts, then even a right one waits.
    let browser = app.browser_from([127, 0, 0, 21]);
    for user in [
        "finance",
        "assessment",
        "edu.head",
        "edu.staff",
        "health.head",
    ] {
        assert_eq!(
            browser.login(user, "wrong password here").await.status(),
            401
        );
    }
    let blocked = browser.login("trans.head", DEMO_PASSWORD).await;
    assert_eq!(blocked.status(), 429);
    let retry: u64 = blocked.headers()[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&retry), "Retry-After {retry}");
    let body: ErrorBody = blocked.json().await.unwrap();
    assert_eq!(body.error.code, "too_many_attempts");
    // Other addresses are not affected.
    assert_eq!(
        app.browser_from([127, 0, 0, 22])
            .login("trans.head", DEMO_PASSWORD)
            .await
            .status(),
        200
    );

    // Per account: five failures from five addresses lock the account for everyone.
    for last in 30..35 {
        let status = app
            .browser_from([127, 0, 0, last])
            .login("health.staff", "wrong password here")
            .await
            .status();
        assert_eq!(status, 401);
    }
    let status = app
        .browser_from([127, 0, 0, 40])
        .login("health.staff", DEMO_PASSWORD)
        .await
        .status();
    assert_eq!(status, 429);
}

#[tokio::test]
async fn writes_with_the_session_cookie_need_our_origin_or_the_csrf_header() {
    let app = TestApp::start_seeded().await;
    let browser = app.login("edu.head").await;
    let body =
        json!({ "current_password": "not my password", "new_password": "plum river lantern 47" });
    let url = browser.url("/api/auth/password");
    let attempt = |origin: Option<&'static str>, csrf: bool| {
        let mut request = browser.client.post(&url).json(&body);
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        if csrf {
            request = request.header("x-jixiao-csrf", "1");
        }
        request.send()
    };
    let refused = attempt(None, false).await.unwrap();
    assert_eq!(refused.status(), 403);
    assert_eq!(
        refused.json::<ErrorBody>().await.unwrap().error.code,
        "csrf"
    );
    let foreign = attempt(Some("http://evil.example"), true).await.unwrap();
    assert_eq!(
        foreign.status(),
        403,
        "a foreign Origin is refused even with the header"
    );
    // Past the CSRF check, the handler answers (wrong current password).
    let same_origin = format!("http://{}", app.addr);
    let same_origin: &'static str = Box::leak(same_origin.into_boxed_str());
    assert_eq!(
        attempt(Some(same_origin), false).await.unwrap().status(),
        422
    );
    assert_eq!(attempt(None, true).await.unwrap().status(), 422);
    // Reads need neither.
    assert_eq!(
        browser
            .client
            .get(browser.url("/api/auth/me"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

#[tokio::test]
async fn changing_ones_password_keeps_this_session_and_ends_the_others() {
    let app = TestApp::start_seeded().await;
    let here = app.login("health.head").await;
    let elsewhere = app.login("health.head").await;
    let weak = here
        .send(
            Method::POST,
            "/api/auth/password",
            Some(json!({ "current_password": DEMO_PASSWORD, "new_password": "password1234" })),
        )
        .await;
    assert_eq!(weak.status(), 422);
    let body: ErrorBody = weak.json().await.unwrap();
    assert_eq!(
        (body.error.code.as_str(), body.error.field.as_deref()),
        ("weak_password", Some("new_password"))
    );

    let changed = here
        .send(Method::POST, "/api/auth/password", Some(json!({ "current_password": DEMO_PASSWORD, "new_password": "plum river lantern 47" })))
        .await;
    assert_eq!(changed.status(), 204);
    assert_eq!(here.get("/api/auth/me").await.status(), 200);
    assert_eq!(elsewhere.get("/api/auth/me").await.status(), 401);
    assert_eq!(
        app.browser()
            .login("health.head", DEMO_PASSWORD)
            .await
            .status(),
        401
    );
    assert_eq!(
        app.browser()
            .login("health.head", "plum river lantern 47")
            .await
            .status(),
        200
    );
}
