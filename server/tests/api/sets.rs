//! Drafting and reviewing an indicator set over HTTP: validation with field paths, every
//! workflow step allowed or refused, stale writes, phases, key work, versions.

use crate::harness::{Session, TestApp};
use jixiao_domain::dto::sets::{IndicatorSet, SetHistory, VersionSnapshot};
use jixiao_domain::dto::years::FiscalYear;
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::framework::SetStatus;
use reqwest::Method;
use serde_json::{json, Value};

async fn set(session: &Session, code: &str, year: i32) -> IndicatorSet {
    let response = session
        .get(&format!("/api/departments/{code}/sets/{year}"))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn step(
    session: &Session,
    set: &IndicatorSet,
    action: &str,
    comment: Option<&str>,
) -> reqwest::Response {
    session
        .send(
            Method::POST,
            &format!("/api/sets/{}/{action}", set.id),
            Some(json!({ "revision": set.revision, "comment": comment })),
        )
        .await
}

async fn save(session: &Session, set: &IndicatorSet, indicators: Value) -> reqwest::Response {
    session
        .send(
            Method::PUT,
            &format!("/api/sets/{}", set.id),
            Some(json!({ "revision": set.revision, "indicators": indicators })),
        )
        .await
}

#[tokio::test]
async fn a_set_goes_from_draft_through_return_to_approval_and_publication() {
    let app = TestApp::start_seeded().await;
    let (staff, head, finance) = (
        app.login("edu.staff").await,
        app.login("edu.head").await,
        app.login("finance").await,
    );
    let draft = set(&staff, "EDU", 2027).await;
    assert_eq!(draft.status, SetStatus::Draft);

    // Break the set: a second indicator with no target and the points over 100.
    let mut indicators = serde_json::to_value(&draft.indicators).unwrap();
    let broken = json!({ "origin": "individual", "level2": "quantity", "name_zh": "新增指标", "name_en": "New",
                         "unit": "个", "direction": "higher_better", "accumulation": "cumulative", "points": 5 });
    indicators.as_array_mut().unwrap().push(broken);
    let saved = save(&staff, &draft, indicators.clone()).await;
    assert_eq!(saved.status(), 200, "a draft may be incomplete");
    let draft: IndicatorSet = saved.json().await.unwrap();

    // Staff cannot submit; the head's submission lists every problem with its path.
    assert_eq!(step(&staff, &draft, "submit", None).await.status(), 403);
    let refused = step(&head, &draft, "submit", None).await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.unwrap();
    let fields: Vec<&str> = error
        .error
        .problems
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    let last = draft.indicators.len() - 1;
    assert!(
        fields.contains(&format!("indicators[{last}].target").as_str()),
        "{fields:?}"
    );
    assert!(fields.contains(&"indicators"), "{fields:?}");
    assert!(fields.contains(&"allocation.output"), "{fields:?}");

    // Fix it: drop the new indicator again; submit.
    indicators.as_array_mut().unwrap().pop();
    let draft: IndicatorSet = save(&staff, &draft, indicators).await.json().await.unwrap();
    let submitted = step(&head, &draft, "submit", None).await;
    assert_eq!(
        submitted.status(),
        200,
        "{}",
        submitted.text().await.unwrap()
    );
    let submitted = set(&finance, "EDU", 2027).await;
    assert_eq!(submitted.status, SetStatus::Submitted);

    // Under review the department cannot change it, and steps out of order are refused.
    assert_eq!(save(&staff, &submitted, json!([])).await.status(), 409);
    assert_eq!(
        step(&finance, &submitted, "publish", None).await.status(),
        409
    );
    // Returning needs a comment.
    let no_comment = step(&finance, &submitted, "return", None).await;
    assert_eq!(no_comment.status(), 422);
    let returned = step(
        &finance,
        &submitted,
        "return",
        Some("请细化数量指标 / Break the quantities down"),
    )
    .await;
    assert_eq!(returned.status(), 200);
    let returned: IndicatorSet = returned.json().await.unwrap();
    assert_eq!(returned.status, SetStatus::Returned);
    assert_eq!(
        returned.review_comment.as_deref(),
        Some("请细化数量指标 / Break the quantities down")
    );

    // The head fixes and resubmits; finance approves and publishes.
    let resubmitted: IndicatorSet = step(&head, &returned, "submit", None)
        .await
        .json()
        .await
        .unwrap();
    let approved = step(&finance, &resubmitted, "approve", Some("符合要求")).await;
    assert_eq!(approved.status(), 200);
    let approved: IndicatorSet = approved.json().await.unwrap();
    let published: IndicatorSet = step(&finance, &approved, "publish", None)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(published.status, SetStatus::Published);
    // Now the public sees it.
    assert_eq!(
        app.browser()
            .get("/api/departments/EDU/sets/2027")
            .await
            .status(),
        200
    );

    // Every step kept who, when and the comment.
    let history: SetHistory = finance
        .get(&format!("/api/sets/{}/versions", published.id))
        .await
        .json()
        .await
        .unwrap();
    let steps: Vec<(SetStatus, Option<&str>)> = history
        .versions
        .iter()
        .map(|v| (v.status, v.by.as_deref()))
        .collect();
    assert_eq!(
        steps,
        [
            (SetStatus::Submitted, Some("edu.head")),
            (SetStatus::Returned, Some("finance")),
            (SetStatus::Submitted, Some("edu.head")),
            (SetStatus::Approved, Some("finance")),
            (SetStatus::Published, Some("finance")),
        ]
    );
    assert!(history.versions[1]
        .comment
        .as_deref()
        .unwrap()
        .contains("Break the quantities"));

    // Changing the published set makes version 2, a draft again, and the versions differ.
    let mut changed = published.indicators.clone();
    changed[1].points -= 1.0;
    changed[2].points += 1.0;
    let v2: IndicatorSet = save(&staff, &published, serde_json::to_value(&changed).unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (v2.version, v2.status),
        (published.version + 1, SetStatus::Draft)
    );
    let v2: IndicatorSet = step(&head, &v2, "submit", None).await.json().await.unwrap();
    let history: SetHistory = staff
        .get(&format!("/api/sets/{}/versions", v2.id))
        .await
        .json()
        .await
        .unwrap();
    let newest = history.versions.last().unwrap();
    assert_eq!(newest.version, v2.version);
    let old: VersionSnapshot = staff
        .get(&format!(
            "/api/sets/{}/versions/{}",
            v2.id, history.versions[0].id
        ))
        .await
        .json()
        .await
        .unwrap();
    let new: VersionSnapshot = staff
        .get(&format!("/api/sets/{}/versions/{}", v2.id, newest.id))
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(old.indicators[1].points, new.indicators[1].points);
}

#[tokio::test]
async fn a_stale_write_gets_409_with_the_current_set() {
    let app = TestApp::start_seeded().await;
    let (one, two) = (app.login("edu.staff").await, app.login("edu.head").await);
    let before = set(&one, "EDU", 2027).await;
    let indicators = serde_json::to_value(&before.indicators).unwrap();
    assert_eq!(save(&two, &before, indicators.clone()).await.status(), 200);
    let stale = save(&one, &before, indicators).await;
    assert_eq!(stale.status(), 409);
    let error: ErrorBody = stale.json().await.unwrap();
    assert_eq!(error.error.code, "stale");
    let current: IndicatorSet = serde_json::from_value(error.error.current.unwrap()).unwrap();
    assert_eq!(current.revision, before.revision + 1);
}

#[tokio::test]
async fn key_work_targets_stay_and_targets_change_only_in_planning() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let draft = set(&staff, "EDU", 2027).await;
    // Removing the assessment agency's key work target is refused.
    let without: Vec<_> = draft
        .indicators
        .iter()
        .filter(|i| i.origin != jixiao_domain::framework::IndicatorOrigin::KeyWork)
        .collect();
    let refused = save(&staff, &draft, serde_json::to_value(&without).unwrap()).await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.unwrap();
    assert_eq!(error.error.problems[0].code, "key_work_missing");

    // The assessment agency adds one; the department sees it.
    let assessment = app.login("assessment").await;
    let added = assessment
        .send(
            Method::POST,
            "/api/departments/EDU/sets/2027/key-work",
            Some(json!({ "origin": "key_work", "level2": "quantity", "name_zh": "新建中小学智慧校园", "name_en": "Smart campuses",
                         "unit": "所", "direction": "higher_better", "accumulation": "cumulative", "target": 200, "points": 0 })),
        )
        .await;
    assert_eq!(added.status(), 201);
    assert!(set(&staff, "EDU", 2027)
        .await
        .indicators
        .iter()
        .any(|i| i.name_zh == "新建中小学智慧校园"));

    // This year is in execution: its targets no longer change.
    let current = set(&staff, "EDU", 2026).await;
    let indicators = serde_json::to_value(&current.indicators).unwrap();
    let response = save(&staff, &current, indicators).await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.json::<ErrorBody>().await.unwrap().error.code,
        "wrong_phase"
    );
}

#[tokio::test]
async fn a_new_set_starts_from_last_years_with_its_actuals_as_baselines() {
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let opened = finance
        .send(Method::POST, "/api/years", Some(json!({ "year": 2028 })))
        .await;
    assert_eq!(opened.status(), 201);
    let year: FiscalYear = opened.json().await.unwrap();
    assert_eq!(year.rules.points_allocation.output, 50);
    let again = finance
        .send(Method::POST, "/api/years", Some(json!({ "year": 2028 })))
        .await;
    assert_eq!(again.status(), 409);

    let head = app.login("health.head").await;
    let started = head
        .send(
            Method::POST,
            "/api/departments/HEALTH/sets/2028",
            Some(json!({ "from_last_year": true })),
        )
        .await;
    assert_eq!(started.status(), 201);
    let started: IndicatorSet = started.json().await.unwrap();
    let last_year = set(&head, "HEALTH", 2027).await;
    let copied = last_year
        .indicators
        .iter()
        .filter(|i| i.origin != jixiao_domain::framework::IndicatorOrigin::KeyWork)
        .count();
    assert_eq!(started.indicators.len(), copied);
    assert_eq!(started.status, SetStatus::Draft);

    // 2025 was evaluated: a set started for 2026 from it would take the evaluated actuals.
    // Here 2027 has no actuals yet, so its baseline carries over.
    let old = last_year
        .indicators
        .iter()
        .find(|i| i.origin == jixiao_domain::framework::IndicatorOrigin::Individual)
        .unwrap();
    let same = started
        .indicators
        .iter()
        .find(|i| i.name_zh == old.name_zh)
        .unwrap();
    assert_eq!(same.baseline, old.baseline);

    // Phases move one step at a time, by finance, with the current revision.
    let stale = finance
        .send(
            Method::POST,
            "/api/years/2028/phase",
            Some(json!({ "revision": year.revision + 5, "phase": "execution" })),
        )
        .await;
    assert_eq!(stale.status(), 409);
    let skip = finance
        .send(
            Method::POST,
            "/api/years/2028/phase",
            Some(json!({ "revision": year.revision, "phase": "closed" })),
        )
        .await;
    assert_eq!(skip.status(), 409);
    let next = finance
        .send(
            Method::POST,
            "/api/years/2028/phase",
            Some(json!({ "revision": year.revision, "phase": "execution" })),
        )
        .await;
    assert_eq!(next.status(), 200);
}
