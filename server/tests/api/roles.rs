//! The role matrix: every endpoint, called by the public, by each role and by another
//! department's user, must answer with exactly the status the policy gives.

use crate::harness::{Session, TestApp};
use reqwest::Method;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// Who calls, in the column order of [`MATRIX`].
const CALLERS: [Option<&str>; 6] = [
    None,
    Some("finance"),
    Some("assessment"),
    Some("edu.head"),
    Some("edu.staff"),
    // Another department's user, for EDU's unpublished data.
    Some("health.staff"),
];

/// (method, path template as documented, concrete path, body, statuses per caller).
/// `{target}` is an account made for the test, so that changing it harms no caller.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    Option<fn(usize) -> Value>,
    [u16; 6],
);

const MATRIX: &[Row] = &[
    (
        "GET",
        "/api/health",
        "/api/health",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/departments",
        "/api/departments",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/departments/{code}",
        "/api/departments/EDU",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    // Published this year: everyone. Next year's draft: EDU's own users and the province.
    (
        "GET",
        "/api/departments/{code}/sets/{year}",
        "/api/departments/EDU/sets/2026",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/departments/{code}/sets/{year}",
        "/api/departments/EDU/sets/2027",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/auth/me",
        "/api/auth/me",
        None,
        [401, 200, 200, 200, 200, 200],
    ),
    (
        "POST",
        "/api/auth/password",
        "/api/auth/password",
        Some(
            |_| json!({ "current_password": "not my password", "new_password": "plum river lantern 47" }),
        ),
        [401, 422, 422, 422, 422, 422],
    ),
    (
        "GET",
        "/api/accounts",
        "/api/accounts",
        None,
        [401, 200, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/accounts",
        "/api/accounts",
        Some(
            |i| json!({ "username": format!("matrix.{i}"), "display_name": "Matrix", "role": "assessment", "password": "plum river lantern 47" }),
        ),
        [401, 201, 403, 403, 403, 403],
    ),
    (
        "PATCH",
        "/api/accounts/{id}",
        "/api/accounts/{target}",
        Some(|i| json!({ "display_name": format!("Target {i}") })),
        [401, 200, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/accounts/{id}/password",
        "/api/accounts/{target}/password",
        Some(|_| json!({ "password": "plum river lantern 47" })),
        [401, 204, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/api/audit",
        "/api/audit",
        None,
        [401, 200, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/api/audit/verify",
        "/api/audit/verify",
        None,
        [401, 200, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/auth/login",
        "/api/auth/login",
        Some(|i| json!({ "username": format!("nobody{i}"), "password": "wrong password here" })),
        [401, 401, 401, 401, 401, 401],
    ),
    (
        "POST",
        "/api/score",
        "/api/score",
        Some(
            |_| json!({ "indicators": [{ "direction": "higher_better", "target": 10, "actual": 5, "points": 10 }] }),
        ),
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "POST",
        "/api/lamps",
        "/api/lamps",
        Some(|_| json!({ "month": 3, "spending": [{ "budget": 100, "spent_to_date": 25 }] })),
        [200, 200, 200, 200, 200, 200],
    ),
    // Last: it ends the caller's session.
    (
        "POST",
        "/api/auth/logout",
        "/api/auth/logout",
        None,
        [204, 204, 204, 204, 204, 204],
    ),
];

#[tokio::test]
async fn every_endpoint_answers_every_role_as_the_policy_says() {
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let target: Value = finance
        .send(
            Method::POST,
            "/api/accounts",
            Some(
                json!({ "username": "target.user", "display_name": "Target", "role": "dept_staff",
                         "department_id": 1, "password": "plum river lantern 47" }),
            ),
        )
        .await
        .json()
        .await
        .unwrap();
    let target = target["id"].as_i64().expect("the target account");

    let mut callers: Vec<Session> = Vec::new();
    // Each caller on its own address, so that the failed logins of the login row do not
    // add up to the rate limit.
    for (i, caller) in CALLERS.iter().enumerate() {
        let ip = [127, 0, 0, 10 + i as u8];
        callers.push(match caller {
            None => app.browser_from(ip),
            Some(username) => app.login_from(username, ip).await,
        });
    }
    let mut failures = Vec::new();
    for (method, _, path, body, expected) in MATRIX {
        let path = path.replace("{target}", &target.to_string());
        for (i, (session, want)) in callers.iter().zip(expected).enumerate() {
            let method: Method = method.parse().unwrap();
            let response = session
                .send(method.clone(), &path, body.map(|b| b(i)))
                .await;
            let got = response.status().as_u16();
            if got != *want {
                let text = response.text().await.unwrap_or_default();
                failures.push(format!(
                    "{method} {path} as {:?}: {got}, expected {want} — {text}",
                    CALLERS[i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn the_matrix_covers_every_documented_endpoint_and_each_names_its_roles() {
    let app = TestApp::start().await;
    let doc: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented = BTreeSet::new();
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let roles = operation["x-roles"].as_array();
            assert!(
                roles.is_some_and(|r| !r.is_empty()),
                "{method} {path} names no roles"
            );
            assert!(operation["responses"]
                .as_object()
                .is_some_and(|r| !r.is_empty()));
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let tested: BTreeSet<_> = MATRIX
        .iter()
        .map(|(method, template, ..)| (method.to_string(), template.to_string()))
        .collect();
    assert_eq!(documented, tested);
    // Request bodies are documented with their schemas.
    assert!(doc["paths"]["/api/accounts"]["post"]["requestBody"].is_object());
    assert!(doc["components"]["schemas"]["NewAccount"].is_object());
}
