//! Budget compilation and adjustment over HTTP.

use crate::harness::TestApp;
use jixiao_domain::dto::budget::{Budget, BudgetLine, BudgetTotals};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::framework::{BudgetKind, Level1};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_budget_is_compiled_in_planning_with_every_check() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let budget: Budget = staff
        .get("/api/departments/EDU/budget/2027")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(budget.totals, BudgetTotals::of(&budget.lines));
    assert!(budget.totals.total.amount_fen > 0);
    let output = budget
        .indicators
        .iter()
        .find(|i| i.level2.level1() == Level1::Output)
        .unwrap()
        .id;
    let put = |budget: &Budget, lines: &[BudgetLine]| {
        let staff = &staff;
        let body = json!({ "revision": budget.revision, "lines": lines });
        async move {
            staff
                .send(Method::PUT, "/api/departments/EDU/budget/2027", Some(body))
                .await
        }
    };

    let mut lines = budget.lines.clone();
    lines.push(BudgetLine {
        id: None,
        code: "EDU-P09".into(),
        kind: BudgetKind::Project,
        name_zh: "乡村教师培训".into(),
        name_en: "Rural teacher training".into(),
        unit_code: Some("EDU-01".into()),
        amount_fen: 5_000_000_000,
        adjusted_fen: 5_000_000_000,
        funding_source: "一般公共预算 General public budget".into(),
        indicator_ids: vec![],
        suspended: false,
        suspended_reason: None,
    });
    let refused = put(&budget, &lines).await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.unwrap();
    let last = lines.len() - 1;
    assert_eq!(
        error.error.problems[0].field,
        format!("lines[{last}].indicator_ids")
    );

    lines[last].indicator_ids = vec![output];
    let saved = put(&budget, &lines).await;
    assert_eq!(saved.status(), 200);
    let saved: Budget = saved.json().await.unwrap();
    assert_eq!(saved.revision, budget.revision + 1);
    let added = saved.lines.iter().find(|l| l.code == "EDU-P09").unwrap();
    assert_eq!(
        (added.indicator_ids.clone(), added.unit_code.as_deref()),
        (vec![output], Some("EDU-01"))
    );
    assert_eq!(
        saved.totals.project.amount_fen,
        budget.totals.project.amount_fen + 5_000_000_000
    );

    // The same change again, from the old revision, is stale.
    let stale = put(&budget, &lines).await;
    assert_eq!(stale.status(), 409);
    assert_eq!(stale.json::<ErrorBody>().await.unwrap().error.code, "stale");

    // Other departments and the public cannot see it.
    assert_eq!(
        app.login("health.staff")
            .await
            .get("/api/departments/EDU/budget/2027")
            .await
            .status(),
        403
    );
    assert_eq!(
        app.browser()
            .get("/api/departments/EDU/budget/2027")
            .await
            .status(),
        401
    );
}

#[tokio::test]
async fn during_execution_only_adjusted_amounts_change() {
    let app = TestApp::start_seeded().await;
    let head = app.login("edu.head").await;
    let budget: Budget = head
        .get("/api/departments/EDU/budget/2026")
        .await
        .json()
        .await
        .unwrap();
    let put = |lines: Vec<BudgetLine>, revision: i64| {
        let head = &head;
        async move {
            head.send(
                Method::PUT,
                "/api/departments/EDU/budget/2026",
                Some(json!({ "revision": revision, "lines": lines })),
            )
            .await
        }
    };
    let mut adjusted = budget.lines.clone();
    adjusted[2].adjusted_fen += 100_000_000;
    let response = put(adjusted, budget.revision).await;
    assert_eq!(response.status(), 200);
    let after: Budget = response.json().await.unwrap();
    assert_eq!(
        after.lines[2].adjusted_fen,
        budget.lines[2].adjusted_fen + 100_000_000
    );

    let mut compiled = after.lines.clone();
    compiled[2].amount_fen += 1;
    let refused = put(compiled, after.revision).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        refused.json::<ErrorBody>().await.unwrap().error.problems[0].code,
        "wrong_phase"
    );

    let mut removed = after.lines.clone();
    removed.remove(2);
    let refused = put(removed, after.revision).await;
    assert_eq!(refused.status(), 422);
    assert_eq!(
        refused.json::<ErrorBody>().await.unwrap().error.problems[0].code,
        "line_in_use"
    );

    // A closed year is read-only.
    let closed: Budget = head
        .get("/api/departments/EDU/budget/2025")
        .await
        .json()
        .await
        .unwrap();
    let response = head
        .send(
            Method::PUT,
            "/api/departments/EDU/budget/2025",
            Some(json!({ "revision": closed.revision, "lines": closed.lines })),
        )
        .await;
    assert_eq!(response.status(), 409);
}
