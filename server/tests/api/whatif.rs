//! What-if over HTTP: the department baseline, saved scenarios scoped by department and
//! role, the server's own computation of them, and the province starting point.

use crate::harness::TestApp;
use jixiao_domain::dto::whatif::{DepartmentWhatIf, ProvinceWhatIf, Scenario, ScenarioList};
use jixiao_domain::framework::BudgetKind;
use jixiao_domain::whatif::department::{project, Changes};
use reqwest::Method;
use serde_json::{json, Value};

#[tokio::test]
async fn a_head_saves_lists_reopens_changes_and_deletes_a_scenario() {
    let app = TestApp::start_seeded().await;
    let head = app.login_from("edu.head", [127, 0, 0, 2]).await;
    let start: DepartmentWhatIf = head
        .get("/api/departments/EDU/whatif/2026")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(start.baseline.months, 9);
    let line = start
        .baseline
        .lines
        .iter()
        .find(|l| l.kind == BudgetKind::Project)
        .unwrap();
    let mut changes = Changes::default();
    changes.set_amount(line.id, line.amount_fen / 10 * 9);
    let expected = project(&start.baseline, &changes).unwrap();

    let body = json!({ "year": 2026, "name": "Programme −10 %",
        "input": { "kind": "department", "department": "EDU", "changes": changes } });
    let response = head.send(Method::POST, "/api/scenarios", Some(body)).await;
    assert_eq!(response.status(), 201);
    let saved: Scenario = response.json().await.unwrap();
    // The server ran the same engine on the same data.
    assert_eq!(saved.projection.as_ref(), Some(&expected));
    assert!(saved.now.as_ref().unwrap().total >= expected.total);

    let list: ScenarioList = head
        .get("/api/scenarios?department=EDU")
        .await
        .json()
        .await
        .unwrap();
    assert!(list.scenarios.iter().any(|s| s.id == saved.summary.id));
    let path = format!("/api/scenarios/{}", saved.summary.id);
    let reopened: Scenario = head.get(&path).await.json().await.unwrap();
    assert_eq!(reopened.input, saved.input);

    // Another department's head, and staff, cannot open it; finance can.
    let other = app.login_from("health.head", [127, 0, 0, 3]).await;
    assert_eq!(other.get(&path).await.status(), 403);
    let staff = app.login_from("edu.staff", [127, 0, 0, 4]).await;
    assert_eq!(staff.get(&path).await.status(), 403);
    let finance = app.login_from("finance", [127, 0, 0, 5]).await;
    assert_eq!(finance.get(&path).await.status(), 200);
    let others: ScenarioList = other.get("/api/scenarios").await.json().await.unwrap();
    assert!(others
        .scenarios
        .iter()
        .all(|s| s.department.as_ref().is_some_and(|d| d.code == "HEALTH")));

    // A change the engine refuses is named; a stale revision is refused with the current one.
    let body = json!({ "revision": saved.summary.revision, "name": "Bad",
        "input": { "kind": "department", "department": "EDU",
                   "changes": { "amounts": [{ "line_id": 999_999, "amount_fen": 1 }] } } });
    let response = head.send(Method::PUT, &path, Some(body)).await;
    assert_eq!(response.status(), 422);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], "input.changes.amounts[0].line_id");
    let body = json!({ "revision": saved.summary.revision, "name": "Programme −10 % (v2)",
        "input": saved.input });
    let renamed: Scenario = head
        .send(Method::PUT, &path, Some(body.clone()))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(renamed.summary.name, "Programme −10 % (v2)");
    assert_eq!(
        head.send(Method::PUT, &path, Some(body)).await.status(),
        409
    );

    assert_eq!(head.send(Method::DELETE, &path, None).await.status(), 204);
    assert_eq!(head.get(&path).await.status(), 404);
}

#[tokio::test]
async fn the_province_whatif_starts_from_the_grades_and_budgets() {
    let app = TestApp::start_seeded().await;
    let finance = app.login_from("finance", [127, 0, 0, 2]).await;
    let start: ProvinceWhatIf = finance
        .get("/api/whatif/province/2025")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(start.departments.len(), 14);
    // Graded departments are final; those still in evaluation are marked provisional.
    assert!(start.departments.iter().any(|d| d.provisional));
    assert!(start.departments.iter().any(|d| !d.provisional));
    assert!(start.pool > 0);
    // The seeded province scenario reopens with an allocation that sums to its pool.
    let list: ScenarioList = finance
        .get("/api/scenarios?kind=province")
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/scenarios/{}", list.scenarios[0].id);
    let scenario: Scenario = finance.get(&path).await.json().await.unwrap();
    let allocation = scenario.allocation.unwrap();
    let pool = match &scenario.input {
        jixiao_domain::dto::whatif::ScenarioInput::Province { scenario } => scenario.pool,
        _ => unreachable!(),
    };
    assert_eq!(allocation.total, pool);
    // A head cannot see the province's scenarios.
    let head = app.login_from("edu.head", [127, 0, 0, 3]).await;
    assert_eq!(head.get(&path).await.status(), 403);
    assert_eq!(head.get("/api/whatif/province/2025").await.status(), 403);
}
