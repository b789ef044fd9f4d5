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
        Some(|i| json!({ "revision": 1, "display_name": format!("Target {i}") })),
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
    (
        "GET",
        "/api/years",
        "/api/years",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "POST",
        "/api/years",
        "/api/years",
        Some(|_| json!({ "year": 2030 })),
        [401, 201, 403, 403, 403, 403],
    ),
    // A stale revision (0) shows who gets past the policy: 409 for them, 403 for the rest.
    (
        "PUT",
        "/api/years/{year}/rules",
        "/api/years/2027/rules",
        Some(|_| {
            json!({ "revision": 0, "rules": {
        "points_allocation": { "budget_execution": 10, "output": 50, "effect": 30, "satisfaction": 10 },
        "lamp_thresholds": { "red_below": 0.6, "green_from": 0.8, "blue_from": 1.2 },
        "result_rules": { "excellent_bp": 500, "good_bp": 0, "fair_bp": -1000, "poor_bp": -2000,
                          "ineffective_spent_bp": 5000, "ineffective_achievement_bp": 6000 } } })
        }),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/years/{year}/phase",
        "/api/years/2027/phase",
        Some(|_| json!({ "revision": 0, "phase": "execution" })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/api/library",
        "/api/library?sector=education",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "POST",
        "/api/library",
        "/api/library",
        Some(|i| {
            json!({ "level2": "quantity", "name_zh": format!("新模板{i}"), "name_en": format!("New template {i}"), "unit": "个",
        "direction": "higher_better", "accumulation": "cumulative" })
        }),
        [401, 201, 403, 403, 403, 403],
    ),
    (
        "PUT",
        "/api/library/{id}",
        "/api/library/1",
        Some(|_| {
            json!({ "revision": 0, "level2": "execution_rate", "name_zh": "预算执行率", "name_en": "Budget execution rate",
        "unit": "%", "direction": "budget_execution", "accumulation": "level" })
        }),
        [401, 409, 403, 403, 403, 403],
    ),
    // EDU's 2027 set exists (409 for those who may start one); its draft takes key work.
    (
        "POST",
        "/api/departments/{code}/sets/{year}",
        "/api/departments/EDU/sets/2027",
        Some(|_| json!({ "from_last_year": true })),
        [401, 403, 403, 409, 409, 403],
    ),
    (
        "POST",
        "/api/departments/{code}/sets/{year}/key-work",
        "/api/departments/EDU/sets/2027/key-work",
        Some(|i| {
            json!({
        "origin": "key_work", "level2": "quantity", "name_zh": format!("重点工作{i}"), "name_en": "Key work", "unit": "个",
        "direction": "higher_better", "accumulation": "cumulative", "target": 10, "points": 0 })
        }),
        [401, 403, 201, 403, 403, 403],
    ),
    (
        "PUT",
        "/api/sets/{id}",
        "/api/sets/{edu2027}",
        Some(|_| json!({ "revision": 0, "indicators": [] })),
        [401, 403, 403, 409, 409, 403],
    ),
    (
        "POST",
        "/api/sets/{id}/submit",
        "/api/sets/{edu2027}/submit",
        Some(|_| json!({ "revision": 0 })),
        [401, 403, 403, 409, 403, 403],
    ),
    (
        "POST",
        "/api/sets/{id}/return",
        "/api/sets/{edu2027}/return",
        Some(|_| json!({ "revision": 0, "comment": "x" })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/sets/{id}/approve",
        "/api/sets/{edu2027}/approve",
        Some(|_| json!({ "revision": 0 })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/sets/{id}/publish",
        "/api/sets/{edu2027}/publish",
        Some(|_| json!({ "revision": 0 })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/api/sets/{id}/versions",
        "/api/sets/{edu2027}/versions",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/sets/{id}/versions/{version_id}",
        "/api/sets/{edu2026}/versions/{edu2026v}",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/departments/{code}/monitoring/{year}",
        "/api/departments/EDU/monitoring/2026",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/monitoring/{year}",
        "/api/monitoring/2026",
        None,
        [401, 200, 200, 403, 403, 403],
    ),
    (
        "PUT",
        "/api/departments/{code}/monitoring/{year}/{month}",
        "/api/departments/EDU/monitoring/2026/9",
        Some(|_| json!({})),
        [401, 403, 403, 200, 200, 403],
    ),
    (
        "POST",
        "/api/budget-lines/{id}/suspension",
        "/api/budget-lines/{edu_line}/suspension",
        Some(|_| json!({ "suspended": false, "reason": "matrix" })),
        [401, 204, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/budget/{year}",
        "/api/departments/EDU/budget/2026",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "PUT",
        "/api/departments/{code}/budget/{year}",
        "/api/departments/EDU/budget/2026",
        Some(|_| json!({ "revision": 0, "lines": [] })),
        [401, 403, 403, 409, 409, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/monitoring/{year}/series",
        "/api/departments/EDU/monitoring/2026/series",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/evaluations/{year}",
        "/api/departments/EDU/evaluations/2025",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    // Published results are public.
    (
        "GET",
        "/api/departments/{code}/evaluations/{year}",
        "/api/departments/EDU/evaluations/2024",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    // Writes at revision -1: allowed callers get 409 stale, so nothing changes.
    (
        "PUT",
        "/api/departments/{code}/evaluations/{year}/self",
        "/api/departments/EDU/evaluations/2025/self",
        Some(|_| json!({ "revision": -1, "items": [] })),
        [401, 403, 403, 409, 409, 403],
    ),
    (
        "POST",
        "/api/departments/{code}/evaluations/{year}/sign-off",
        "/api/departments/EDU/evaluations/2025/sign-off",
        Some(|_| json!({ "revision": -1 })),
        [401, 403, 403, 409, 403, 403],
    ),
    (
        "PUT",
        "/api/departments/{code}/evaluations/{year}/reevaluation",
        "/api/departments/EDU/evaluations/2025/reevaluation",
        Some(|_| json!({ "revision": -1, "overrides": [] })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/departments/{code}/evaluations/{year}/finalize",
        "/api/departments/EDU/evaluations/2025/finalize",
        Some(|_| json!({ "revision": -1 })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "PUT",
        "/api/departments/{code}/evaluations/{year}/remarks",
        "/api/departments/EDU/evaluations/2025/remarks",
        Some(|_| json!({ "revision": -1, "remarks": "" })),
        [401, 403, 409, 403, 403, 403],
    ),
    (
        "GET",
        "/api/years/{year}/results",
        "/api/years/2025/results",
        None,
        [401, 200, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/api/years/{year}/results",
        "/api/years/2024/results",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/years/{year}/results.csv",
        "/api/years/2025/results.csv",
        None,
        [401, 200, 200, 403, 403, 403],
    ),
    // Not every department is graded: 409 for finance, nothing published.
    (
        "POST",
        "/api/years/{year}/publish",
        "/api/years/2025/publish",
        None,
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/api/cases",
        "/api/cases?year=2024",
        None,
        [401, 200, 200, 200, 200, 200],
    ),
    (
        "PUT",
        "/api/cases/{id}",
        "/api/cases/{case}",
        Some(|_| json!({ "revision": -1, "status": "open" })),
        [401, 409, 403, 403, 403, 403],
    ),
    (
        "POST",
        "/api/whatif/province",
        "/api/whatif/province",
        Some(|_| {
            json!({ "pool": 100, "adjustments": { "excellent": 0.05, "good": 0, "fair": -0.1, "poor": -0.2 },
            "departments": [{ "id": 1, "base": 60, "grade": "good" }, { "id": 2, "base": 40, "grade": "poor" }] })
        }),
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/departments/{code}/whatif/{year}",
        "/api/departments/EDU/whatif/2026",
        None,
        [401, 200, 403, 200, 403, 403],
    ),
    (
        "GET",
        "/api/whatif/province/{year}",
        "/api/whatif/province/2025",
        None,
        [401, 200, 403, 403, 403, 403],
    ),
    (
        "GET",
        "/api/scenarios",
        "/api/scenarios",
        None,
        [401, 200, 403, 200, 403, 403],
    ),
    // A blank name: refused after the policy, nothing saved.
    (
        "POST",
        "/api/scenarios",
        "/api/scenarios",
        Some(
            |_| json!({ "year": 2026, "name": " ", "input": { "kind": "department", "department": "EDU", "changes": {} } }),
        ),
        [401, 422, 403, 422, 403, 403],
    ),
    (
        "GET",
        "/api/scenarios/{id}",
        "/api/scenarios/{edu_scenario}",
        None,
        [401, 200, 403, 200, 403, 403],
    ),
    (
        "PUT",
        "/api/scenarios/{id}",
        "/api/scenarios/{edu_scenario}",
        Some(
            |_| json!({ "revision": -1, "name": "x", "input": { "kind": "department", "department": "EDU", "changes": {} } }),
        ),
        [401, 409, 403, 409, 403, 403],
    ),
    // Finance deletes the province scenario; it is gone for everyone after.
    (
        "DELETE",
        "/api/scenarios/{id}",
        "/api/scenarios/{province_scenario}",
        None,
        [401, 204, 404, 404, 404, 404],
    ),
    (
        "GET",
        "/api/public/years",
        "/api/public/years",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/public/years/{year}",
        "/api/public/years/2024",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/public/years/{year}/departments/{code}",
        "/api/public/years/2024/departments/EDU",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/public/years/{year}/datapackage.json",
        "/api/public/years/2024/datapackage.json",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/public/years/{year}/budget.csv",
        "/api/public/years/2024/budget.csv",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/public/years/{year}/results.csv",
        "/api/public/years/2024/results.csv",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/public/years/{year}/open-data.zip",
        "/api/public/years/2024/open-data.zip",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    // An unpublished year does not exist for the public API, whoever asks.
    (
        "GET",
        "/api/public/years/{year}",
        "/api/public/years/2025",
        None,
        [404, 404, 404, 404, 404, 404],
    ),
    // Excel: templates for the department's readers; uploads for its editors only (an empty
    // body gets past the policy to a 400 for them, nothing saved); exports as the JSON.
    (
        "GET",
        "/api/departments/{code}/excel/{kind}/{year}/template.xlsx",
        "/api/departments/EDU/excel/budget/2027/template.xlsx",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "POST",
        "/api/departments/{code}/excel/{kind}/{year}/preview",
        "/api/departments/EDU/excel/budget/2026/preview",
        None,
        [401, 403, 403, 400, 400, 403],
    ),
    (
        "POST",
        "/api/departments/{code}/excel/{kind}/{year}/import",
        "/api/departments/EDU/excel/budget/2026/import?revision=0",
        None,
        [401, 403, 403, 400, 400, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/excel/set/{file}",
        "/api/departments/EDU/excel/set/2027.xlsx",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/excel/set/{file}",
        "/api/departments/EDU/excel/set/2026.xlsx",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/departments/{code}/excel/monitoring/{file}",
        "/api/departments/EDU/excel/monitoring/2026.xlsx",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/excel/evaluation/{file}",
        "/api/departments/EDU/excel/evaluation/2025.xlsx",
        None,
        [401, 200, 200, 200, 200, 403],
    ),
    (
        "GET",
        "/api/departments/{code}/excel/evaluation/{file}",
        "/api/departments/EDU/excel/evaluation/2024.xlsx",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    (
        "GET",
        "/api/years/{year}/results.xlsx",
        "/api/years/2025/results.xlsx",
        None,
        [401, 200, 200, 403, 403, 403],
    ),
    (
        "GET",
        "/api/years/{year}/results.xlsx",
        "/api/years/2024/results.xlsx",
        None,
        [200, 200, 200, 200, 200, 200],
    ),
    // Last: it ends every caller's session.
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
    let set_id = |year: i32| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>(
                "SELECT s.id FROM indicator_sets s JOIN departments d ON d.id = s.department_id WHERE d.code = 'EDU' AND s.year = ?",
            )
            .bind(year)
            .fetch_one(&pool)
            .await
            .unwrap()
        }
    };
    let (edu2027, edu2026) = (set_id(2027).await, set_id(2026).await);
    let edu2026v: i64 =
        sqlx::query_scalar("SELECT MIN(id) FROM indicator_set_versions WHERE set_id = ?")
            .bind(edu2026)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let edu_line: i64 = sqlx::query_scalar(
        "SELECT MIN(id) FROM budget_lines WHERE department_id = 1 AND year = 2026",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let case: i64 = sqlx::query_scalar("SELECT MIN(id) FROM accountability_cases")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let scenario = |kind: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT MIN(id) FROM scenarios WHERE kind = ?")
                .bind(kind)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    let mut failures = Vec::new();
    for (method, _, path, body, expected) in MATRIX {
        let path = path
            .replace("{target}", &target.to_string())
            .replace("{edu2027}", &edu2027.to_string())
            .replace("{edu2026v}", &edu2026v.to_string())
            .replace("{edu2026}", &edu2026.to_string())
            .replace("{edu_line}", &edu_line.to_string())
            .replace("{case}", &case.to_string())
            .replace("{edu_scenario}", &scenario("department").await.to_string())
            .replace(
                "{province_scenario}",
                &scenario("province").await.to_string(),
            );
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
