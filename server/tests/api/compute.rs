//! `POST /api/score` and `POST /api/lamps` over HTTP, with their 4xx answers.

use crate::harness::TestApp;
use jixiao_domain::dto::compute::{LampsResponse, ScoreResponse};
use jixiao_domain::dto::ErrorBody;
use serde_json::{json, Value};

async fn post(app: &TestApp, path: &str, body: &str) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("content-type", "application/json")
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn score_follows_design() {
    let app = TestApp::start().await;
    let body = json!({ "indicators": [
        { "direction": "higher_better", "target": 100, "actual": 89.995, "points": 100 }
    ]});
    let response = post(&app, "/api/score", &body.to_string()).await;
    assert_eq!(response.status(), 200);
    let scored: ScoreResponse = response.json().await.unwrap();
    // 89.995 rounds half away from zero to 90.00, which is Excellent.
    assert_eq!(scored.total, 90.0);
    assert_eq!(scored.grade, jixiao_domain::scoring::Grade::Excellent);
}

#[tokio::test]
async fn bad_score_input_is_a_4xx_naming_the_field() {
    let app = TestApp::start().await;
    for (body, status, field) in [
        (
            r#"{"indicators":[{"direction":"higher_better","target":1,"actual":1,"points":-5}]}"#,
            422,
            Some("indicators[0].points"),
        ),
        (
            r#"{"indicators":[{"direction":"sideways","target":1,"actual":1,"points":5}]}"#,
            422,
            Some("indicators[0].direction"),
        ),
        (
            r#"{"indicators":[{"direction":"lower_better","actual":1,"points":5}]}"#,
            422,
            Some("indicators[0].target"),
        ),
        (
            r#"{"indicators":[{"direction":"higher_better","target":1,"actual":"NaN","points":5}]}"#,
            422,
            Some("indicators[0].actual"),
        ),
        (
            r#"{"indicators":[{"direction":"higher_better","target":1,"actual":NaN,"points":5}]}"#,
            400,
            None,
        ),
        (
            r#"{"indicators":[{"direction":"higher_better","target":1e999,"actual":1,"points":5}]}"#,
            400,
            None,
        ),
        (r#"{"indicators":[]}"#, 422, Some("indicators")),
        (r#"[]"#, 422, None),
    ] {
        let response = post(&app, "/api/score", body).await;
        assert_eq!(response.status().as_u16(), status, "{body}");
        let error: ErrorBody = response.json().await.unwrap();
        if let Some(field) = field {
            assert_eq!(
                error.error.field.as_deref(),
                Some(field),
                "{body}: {error:?}"
            );
        }
    }
    let no_type = app
        .client
        .post(app.url("/api/score"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(no_type.status(), 415);
}

#[tokio::test]
async fn lamps_follow_design() {
    let app = TestApp::start().await;
    let body = json!({
        "month": 6,
        "thresholds": { "red_below": 0.6, "green_from": 0.8, "blue_from": 1.2 },
        "spending": [{ "budget": 1000000, "spent_to_date": 400000 }],
        "indicators": [{ "direction": "higher_better", "accumulation": "cumulative", "target": 100, "value_to_date": 29.99 }]
    });
    let response = post(&app, "/api/lamps", &body.to_string()).await;
    assert_eq!(response.status(), 200);
    let lamps: LampsResponse = response.json().await.unwrap();
    assert_eq!(lamps.spending[0].lamp, jixiao_domain::lamps::Lamp::Green);
    assert_eq!(lamps.indicators[0].lamp, jixiao_domain::lamps::Lamp::Red);
    assert_eq!(lamps.department_lamp, jixiao_domain::lamps::Lamp::Red);
    let bad = post(&app, "/api/lamps", r#"{"month":0}"#).await;
    assert_eq!(bad.status(), 422);
    assert_eq!(
        bad.json::<ErrorBody>()
            .await
            .unwrap()
            .error
            .field
            .as_deref(),
        Some("month")
    );
}

#[tokio::test]
async fn the_province_whatif_sums_to_the_pool_to_the_fen() {
    let app = TestApp::start().await;
    let body = json!({
        "pool": 100_000_001_i64,
        "adjustments": { "excellent": 0.05, "good": 0, "fair": -0.1, "poor": -0.2 },
        "departments": [
            { "id": 3, "base": 40_000_000, "grade": "excellent", "cap": 41_000_000 },
            { "id": 1, "base": 30_000_000, "grade": "good" },
            { "id": "HEALTH", "base": 20_000_000, "grade": "fair", "floor": 19_000_000 },
            { "id": 2, "base": 10_000_000, "grade": "poor" }
        ]
    });
    let response = post(&app, "/api/whatif/province", &body.to_string()).await;
    assert_eq!(response.status(), 200);
    let outcome: Value = response.json().await.unwrap();
    let finals: Vec<i64> = outcome["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["final"].as_i64().unwrap())
        .collect();
    assert_eq!(finals.iter().sum::<i64>(), 100_000_001);
    assert_eq!(outcome["total"], 100_000_001);
    assert_eq!(outcome["departments"][0]["raw"], 42_000_000);
    assert_eq!(finals[0], 41_000_000, "capped");
    assert!(finals[2] >= 19_000_000, "floored");
    assert_eq!(outcome["departments"][2]["id"], "HEALTH");
    // The same input gives the same output.
    let again: Value = post(&app, "/api/whatif/province", &body.to_string())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, outcome);
    // Floors above the pool are refused, naming the pool.
    let body = json!({ "pool": 10, "adjustments": { "excellent": 0.05, "good": 0, "fair": -0.1, "poor": -0.2 },
        "departments": [{ "id": 1, "base": 5, "grade": "good", "floor": 11 }] });
    let response = post(&app, "/api/whatif/province", &body.to_string()).await;
    assert_eq!(response.status(), 422);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], "pool");
}
