//! Year-end evaluation, results application and publication over HTTP, on the demo
//! province's 2025 (being evaluated) and 2024 (published).

use crate::harness::{Session, TestApp};
use jixiao_domain::dto::evaluation::{
    AccountabilityCase, CaseList, CaseTrigger, Evaluation, Ranking,
};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::framework::{Direction, Phase};
use jixiao_domain::scoring::Grade;
use reqwest::Method;
use serde_json::{json, Value};

const EDU: &str = "/api/departments/EDU/evaluations/2025";

async fn evaluation(session: &Session, path: &str) -> Evaluation {
    let response = session.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    response.json().await.unwrap()
}

/// Sends a request and expects `status`; answers the JSON body.
async fn call(
    session: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    status: u16,
) -> Value {
    expect(session.send(method, path, body).await, status).await
}

/// The same, decoded.
async fn call_as<T: serde::de::DeserializeOwned>(
    session: &Session,
    method: Method,
    path: &str,
    body: Option<Value>,
    status: u16,
) -> T {
    serde_json::from_value(call(session, method, path, body, status).await).unwrap()
}

async fn expect(response: reqwest::Response, status: u16) -> Value {
    let got = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    assert_eq!(got, status, "{body}");
    body
}

/// The department's items taken from monitoring's year-end values, every indicator
/// explained; qualitative ones rated `rating`.
fn items_from_prefill(evaluation: &Evaluation, rating: &str) -> Vec<Value> {
    evaluation
        .items
        .iter()
        .map(|item| {
            let qualitative = item.indicator.direction == Direction::Qualitative;
            json!({
                "indicator_id": item.indicator.id,
                "actual": if qualitative { None } else { item.prefill.actual },
                "rating": qualitative.then_some(rating),
                "cause": "Demand and schedule as reported in the annual statistics",
                "evidence": "Annual statistical return",
            })
        })
        .collect()
}

/// Staff enter the year from monitoring and the head signs it off.
async fn self_evaluate(app: &TestApp, department: &str, staff: &str, head: &str) -> Evaluation {
    let path = format!("/api/departments/{department}/evaluations/2025");
    let staff = app.login(staff).await;
    let draft = evaluation(&staff, &path).await;
    let body =
        json!({ "revision": draft.revision, "items": items_from_prefill(&draft, "achieved") });
    let saved: Evaluation = call_as(
        &staff,
        Method::PUT,
        &format!("{path}/self"),
        Some(body),
        200,
    )
    .await;
    let head = app.login(head).await;
    let body = json!({ "revision": saved.revision });
    call_as(
        &head,
        Method::POST,
        &format!("{path}/sign-off"),
        Some(body),
        200,
    )
    .await
}

#[tokio::test]
async fn a_department_evaluates_itself_and_finance_overrides_with_a_reason() {
    let app = TestApp::start_seeded().await;
    let staff = app.login_from("edu.staff", [127, 0, 0, 2]).await;
    let draft = evaluation(&staff, EDU).await;
    assert_eq!(draft.status, EvaluationStatus::NotStarted);
    assert_eq!(draft.revision, 0);
    // Monitoring's year-end values prefill the form; the execution rate follows the money.
    let execution = draft
        .items
        .iter()
        .find(|i| i.indicator.direction == Direction::BudgetExecution)
        .unwrap();
    let rate = draft.execution.spent_fen as f64 / draft.execution.adjusted_fen as f64;
    assert!((execution.prefill.actual.unwrap() - rate).abs() < 1e-4);
    assert_eq!(draft.execution.month, Some(12));
    assert!(draft
        .items
        .iter()
        .filter(|i| i.indicator.direction != Direction::Qualitative)
        .all(|i| i.prefill.actual.is_some()));

    // Another department cannot touch it.
    let other = app.login_from("health.staff", [127, 0, 0, 3]).await;
    let body = json!({ "revision": 0, "items": items_from_prefill(&draft, "achieved") });
    call(&other, Method::PUT, &format!("{EDU}/self"), Some(body), 403).await;
    expect(other.get(EDU).await, 403).await;

    // A draft without causes saves; signing it off names every missing cause.
    let mut items = items_from_prefill(&draft, "partly");
    for item in &mut items {
        item["cause"] = Value::Null;
    }
    let body = json!({ "revision": 0, "items": items });
    let saved: Evaluation =
        call_as(&staff, Method::PUT, &format!("{EDU}/self"), Some(body), 200).await;
    assert_eq!(saved.status, EvaluationStatus::SelfDraft);
    assert!(saved.self_total.is_some());
    let head = app.login_from("edu.head", [127, 0, 0, 4]).await;
    let body = json!({ "revision": saved.revision });
    let refused = call(
        &head,
        Method::POST,
        &format!("{EDU}/sign-off"),
        Some(body),
        422,
    )
    .await;
    let error: ErrorBody = serde_json::from_value(refused).unwrap();
    let needing: Vec<String> = saved
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.needs_cause)
        .map(|(n, _)| format!("items[{n}].cause"))
        .collect();
    assert!(!needing.is_empty());
    let named: Vec<String> = error
        .error
        .problems
        .iter()
        .map(|p| p.field.clone())
        .collect();
    assert_eq!(named, needing);
    // Staff cannot sign for the department.
    let body = json!({ "revision": saved.revision });
    call(
        &staff,
        Method::POST,
        &format!("{EDU}/sign-off"),
        Some(body),
        403,
    )
    .await;
    // A percent outside its band is refused at its field, even in a draft.
    let mut items = items_from_prefill(&draft, "partly");
    let qualitative = draft
        .items
        .iter()
        .position(|i| i.indicator.direction == Direction::Qualitative)
        .unwrap();
    items[qualitative]["percent"] = json!(85);
    let body = json!({ "revision": saved.revision, "items": items });
    let refused = call(&staff, Method::PUT, &format!("{EDU}/self"), Some(body), 422).await;
    assert_eq!(
        refused["error"]["field"],
        format!("items[{qualitative}].percent")
    );

    // With every cause, the head signs off; the department can no longer change it.
    let body = json!({ "revision": saved.revision, "items": items_from_prefill(&draft, "partly") });
    let saved: Evaluation =
        call_as(&staff, Method::PUT, &format!("{EDU}/self"), Some(body), 200).await;
    let body = json!({ "revision": saved.revision });
    let signed: Evaluation = call_as(
        &head,
        Method::POST,
        &format!("{EDU}/sign-off"),
        Some(body),
        200,
    )
    .await;
    assert_eq!(signed.status, EvaluationStatus::SelfSubmitted);
    assert_eq!(signed.signed_off.as_ref().unwrap().by, "edu.head");
    let body =
        json!({ "revision": signed.revision, "items": items_from_prefill(&draft, "partly") });
    call(&staff, Method::PUT, &format!("{EDU}/self"), Some(body), 409).await;

    // Finance: an override without a reason is refused; with one it changes the score.
    let finance = app.login_from("finance", [127, 0, 0, 5]).await;
    let (index, target) = signed
        .items
        .iter()
        .enumerate()
        .find(|(_, i)| i.indicator.direction == Direction::ZeroTarget)
        .map(|(n, i)| (n, i.indicator.id.unwrap()))
        .unwrap();
    let body = json!({ "revision": signed.revision,
        "overrides": [{ "indicator_id": target, "actual": 2, "reason": "  " }] });
    let refused = call(
        &finance,
        Method::PUT,
        &format!("{EDU}/reevaluation"),
        Some(body),
        422,
    )
    .await;
    assert_eq!(refused["error"]["field"], format!("items[{index}].reason"));
    assert_eq!(refused["error"]["problems"][0]["code"], "reason_required");
    // The client's numbers are never taken: a score or total in the body changes nothing.
    let body = json!({ "revision": signed.revision, "final_total": 100, "grade": "excellent",
        "overrides": [{ "indicator_id": target, "actual": 2, "score": 10,
                        "reason": "Two incidents found in the inspection report" }] });
    let reevaluated: Evaluation = call_as(
        &finance,
        Method::PUT,
        &format!("{EDU}/reevaluation"),
        Some(body),
        200,
    )
    .await;
    let item = &reevaluated.items[index];
    assert_eq!(item.self_score.unwrap().score, item.indicator.points);
    assert_eq!(item.final_score.unwrap().score, 0.0);
    assert_eq!(
        item.override_reason.as_deref(),
        Some("Two incidents found in the inspection report")
    );
    let (self_total, final_total) = (
        reevaluated.self_total.unwrap(),
        reevaluated.final_total.unwrap(),
    );
    assert!((self_total - final_total - item.indicator.points).abs() < 0.011);
    assert_eq!(reevaluated.status, EvaluationStatus::Reevaluated);

    // The assessment agency remarks; finance finalises: grade, budget consequence, cases.
    let assessment = app.login_from("assessment", [127, 0, 0, 6]).await;
    let body = json!({ "revision": reevaluated.revision, "remarks": "Key work target met." });
    let remarked: Evaluation = call_as(
        &assessment,
        Method::PUT,
        &format!("{EDU}/remarks"),
        Some(body),
        200,
    )
    .await;
    assert_eq!(remarked.remarks.as_deref(), Some("Key work target met."));
    let body = json!({ "revision": remarked.revision });
    let graded: Evaluation = call_as(
        &finance,
        Method::POST,
        &format!("{EDU}/finalize"),
        Some(body),
        200,
    )
    .await;
    assert_eq!(graded.status, EvaluationStatus::Final);
    assert_eq!(graded.final_total, Some(final_total));
    let result = graded.result.unwrap();
    assert_eq!(Some(result.grade), graded.final_grade);
    assert_eq!(result.project_base_fen, graded.project_base_fen);
    assert_eq!(
        result.next_year_fen,
        graded
            .rules
            .next_year_budget(result.project_base_fen, result.grade)
    );
    // A final grade is not changed again.
    let body = json!({ "revision": graded.revision, "overrides": [] });
    call(
        &finance,
        Method::PUT,
        &format!("{EDU}/reevaluation"),
        Some(body),
        409,
    )
    .await;

    // Ranked among the graded; the feed names it; nothing is public yet.
    let ranking: Ranking = finance
        .get("/api/years/2025/results")
        .await
        .json()
        .await
        .unwrap();
    let row = ranking
        .rows
        .iter()
        .find(|r| r.department.code == "EDU")
        .unwrap();
    assert_eq!(row.total, Some(final_total));
    assert!(!ranking.publishable);
    let csv = finance
        .get("/api/years/2025/results.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(csv
        .lines()
        .any(|l| l.contains(",EDU,") && l.contains(&format!("{final_total:.2}"))));
    expect(app.browser().get(EDU).await, 401).await;
    call(&finance, Method::POST, "/api/years/2025/publish", None, 409).await;
}

#[tokio::test]
async fn a_total_of_89_995_is_graded_excellent_by_the_server() {
    let app = TestApp::start_seeded().await;
    let staff = app.login_from("edu.staff", [127, 0, 0, 2]).await;
    let draft = evaluation(&staff, EDU).await;
    // Every indicator at its target, but one higher-is-better indicator 10.005 points short.
    let mut short = None;
    let items: Vec<Value> = draft
        .items
        .iter()
        .map(|item| {
            let i = &item.indicator;
            let actual = match i.direction {
                Direction::HigherBetter if short.is_none() && i.points > 10.005 => {
                    short = Some(i.id);
                    Some(i.target.unwrap() * (i.points - 10.005) / i.points)
                }
                Direction::HigherBetter | Direction::LowerBetter => i.target,
                Direction::ZeroTarget => Some(0.0),
                Direction::BudgetExecution => Some(1.0),
                Direction::Qualitative => None,
            };
            json!({ "indicator_id": i.id, "actual": actual,
                "rating": (i.direction == Direction::Qualitative).then_some("achieved"),
                "cause": "Explained" })
        })
        .collect();
    assert!(short.is_some());
    let body = json!({ "revision": 0, "items": items });
    let saved: Evaluation =
        call_as(&staff, Method::PUT, &format!("{EDU}/self"), Some(body), 200).await;
    assert_eq!(saved.self_total, Some(90.0));
    assert_eq!(saved.self_grade, Some(Grade::Excellent));
    let head = app.login_from("edu.head", [127, 0, 0, 3]).await;
    let body = json!({ "revision": saved.revision });
    let signed: Evaluation = call_as(
        &head,
        Method::POST,
        &format!("{EDU}/sign-off"),
        Some(body),
        200,
    )
    .await;
    let finance = app.login_from("finance", [127, 0, 0, 4]).await;
    let body = json!({ "revision": signed.revision });
    let graded: Evaluation = call_as(
        &finance,
        Method::POST,
        &format!("{EDU}/finalize"),
        Some(body),
        200,
    )
    .await;
    assert_eq!(graded.final_total, Some(90.0));
    assert_eq!(graded.final_grade, Some(Grade::Excellent));
    let result = graded.result.unwrap();
    assert!(result.prize);
    assert_eq!(result.adjustment_bp, 500);
}

#[tokio::test]
async fn the_year_is_evaluated_graded_applied_and_published_end_to_end() {
    let app = TestApp::start_seeded().await;
    let finance = app.login_from("finance", [127, 0, 0, 2]).await;
    let public = app.browser_from([127, 0, 0, 9]);
    expect(public.get("/api/years/2025/results").await, 401).await;
    expect(
        public.get("/api/departments/TRANS/evaluations/2025").await,
        401,
    )
    .await;

    // The three departments with demo accounts evaluate themselves (HEALTH had a draft).
    self_evaluate(&app, "EDU", "edu.staff", "edu.head").await;
    self_evaluate(&app, "HEALTH", "health.staff", "health.head").await;
    self_evaluate(&app, "TRANS", "trans.staff", "trans.head").await;
    // Finance grades everyone still waiting.
    let ranking: Ranking = finance
        .get("/api/years/2025/results")
        .await
        .json()
        .await
        .unwrap();
    for row in ranking
        .rows
        .iter()
        .filter(|r| r.status != EvaluationStatus::Final)
    {
        let path = format!("/api/departments/{}/evaluations/2025", row.department.code);
        let current = evaluation(&finance, &path).await;
        let body = json!({ "revision": current.revision });
        call(
            &finance,
            Method::POST,
            &format!("{path}/finalize"),
            Some(body),
            200,
        )
        .await;
    }
    let ranking: Ranking = finance
        .get("/api/years/2025/results")
        .await
        .json()
        .await
        .unwrap();
    assert!(ranking.publishable);
    assert!(ranking
        .rows
        .iter()
        .all(|r| r.rank.is_some() && r.result.is_some()));
    let ranks: Vec<u32> = ranking.rows.iter().map(|r| r.rank.unwrap()).collect();
    assert_eq!(ranks[0], 1);
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
    let counted = ranking.distribution.excellent
        + ranking.distribution.good
        + ranking.distribution.fair
        + ranking.distribution.poor;
    assert_eq!(counted as usize, ranking.rows.len());
    // Every Poor grade opened a case, each with its evidence.
    let cases: CaseList = finance
        .get("/api/cases?year=2025")
        .await
        .json()
        .await
        .unwrap();
    for row in ranking.rows.iter().filter(|r| r.grade == Some(Grade::Poor)) {
        assert!(cases
            .cases
            .iter()
            .any(|c| c.department.id == row.department.id
                && c.trigger == CaseTrigger::PoorGrade
                && c.evidence.as_ref().is_some_and(|e| e.grade == Grade::Poor)));
    }

    // Publication makes it public and closes the year; it happens once.
    let published: Ranking =
        call_as(&finance, Method::POST, "/api/years/2025/publish", None, 200).await;
    assert!(published.published_at.is_some());
    assert_eq!(published.phase, Phase::Closed);
    call(&finance, Method::POST, "/api/years/2025/publish", None, 409).await;
    let seen: Ranking = public
        .get("/api/years/2025/results")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen.rows.len(), ranking.rows.len());
    let trans = evaluation(&public, "/api/departments/TRANS/evaluations/2025").await;
    assert!(trans.published_at.is_some());
    // The feed stays with finance and the assessment agency.
    expect(public.get("/api/years/2025/results.csv").await, 401).await;
}

#[tokio::test]
async fn finance_progresses_and_closes_a_case_with_a_resolution() {
    let app = TestApp::start_seeded().await;
    let finance = app.login_from("finance", [127, 0, 0, 2]).await;
    let list: CaseList = finance
        .get("/api/cases?year=2024&status=open")
        .await
        .json()
        .await
        .unwrap();
    let case = list.cases.first().expect("an open case from 2024").clone();
    let path = format!("/api/cases/{}", case.id);
    // Closing needs a resolution.
    let body =
        json!({ "revision": case.revision, "owner": "审计处 Audit division", "status": "closed" });
    let refused = call(&finance, Method::PUT, &path, Some(body), 422).await;
    assert_eq!(refused["error"]["field"], "resolution");
    let body = json!({ "revision": case.revision, "owner": "审计处 Audit division",
        "status": "closed", "resolution": "Funds recovered; the project manager was reprimanded." });
    let closed: AccountabilityCase = call_as(&finance, Method::PUT, &path, Some(body), 200).await;
    assert!(closed.closed_at.is_some());
    assert_eq!(closed.owner.as_deref(), Some("审计处 Audit division"));
    // An old revision is stale and carries the case as it is now.
    let body = json!({ "revision": case.revision, "status": "open" });
    let stale = call(&finance, Method::PUT, &path, Some(body), 409).await;
    assert_eq!(stale["error"]["current"]["status"], "closed");
    // Reopening clears the closing date.
    let body = json!({ "revision": closed.revision, "status": "in_progress",
        "resolution": closed.resolution });
    let reopened: AccountabilityCase = call_as(&finance, Method::PUT, &path, Some(body), 200).await;
    assert!(reopened.closed_at.is_none());
    // A department reads only its own cases, whatever it asks for.
    let staff = app.login_from("edu.staff", [127, 0, 0, 3]).await;
    let own: CaseList = staff.get("/api/cases").await.json().await.unwrap();
    assert!(own.cases.iter().all(|c| c.department.code == "EDU"));
    expect(staff.get("/api/cases?department=HEALTH").await, 403).await;
    // Only finance changes cases.
    let body = json!({ "revision": reopened.revision, "status": "open" });
    call(&staff, Method::PUT, &path, Some(body), 403).await;
}
