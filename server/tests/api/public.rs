//! The public API: published years only, and the open data package built from them.

use crate::harness::TestApp;
use jixiao_domain::dto::public::{PublicDepartment, PublicOverview, PublishedYears};
use std::io::Read;

#[tokio::test]
async fn only_published_years_reach_the_public() {
    let app = TestApp::start_seeded().await;
    let public = app.browser();
    let years: PublishedYears = public.get("/api/public/years").await.json().await.unwrap();
    let listed: Vec<i32> = years.years.iter().map(|y| y.year).collect();
    assert_eq!(listed, [2024]);
    for path in [
        "/api/public/years/2025",
        "/api/public/years/2025/departments/EDU",
        "/api/public/years/2025/datapackage.json",
        "/api/public/years/2025/budget.csv",
        "/api/public/years/2025/results.csv",
        "/api/public/years/2025/open-data.zip",
        "/api/public/years/2026",
        "/api/public/years/2024/departments/NOPE",
    ] {
        assert_eq!(public.get(path).await.status(), 404, "{path}");
    }
    // Signed in changes nothing here.
    let finance = app.login("finance").await;
    assert_eq!(finance.get("/api/public/years/2025").await.status(), 404);

    let overview: PublicOverview = public
        .get("/api/public/years/2024")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(overview.departments.len(), 14);
    let counted = overview.distribution.excellent
        + overview.distribution.good
        + overview.distribution.fair
        + overview.distribution.poor;
    assert_eq!(counted, 14);
    assert_eq!(
        overview.budget_fen,
        overview
            .departments
            .iter()
            .map(|d| d.budget_fen)
            .sum::<i64>()
    );
    let edu: PublicDepartment = public
        .get("/api/public/years/2024/departments/EDU")
        .await
        .json()
        .await
        .unwrap();
    // Anyone can recompute the total from the published points and scores.
    let sum: f64 = edu.indicators.iter().map(|i| i.score).sum();
    assert_eq!(jixiao_domain::scoring::round2(sum), edu.total);
    let points: f64 = edu.indicators.iter().map(|i| i.points).sum();
    assert!((points - 100.0).abs() < 1e-9);
    assert!(edu.indicators.iter().all(|i| i.score <= i.points));
}

#[tokio::test]
async fn the_open_data_package_holds_every_line_and_indicator() {
    let app = TestApp::start_seeded().await;
    let public = app.browser();
    let response = public.get("/api/public/years/2024/open-data.zip").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/zip");
    let bytes = response.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let descriptor: serde_json::Value = serde_json::from_str(&read("datapackage.json")).unwrap();
    assert_eq!(descriptor["profile"], "tabular-data-package");
    let budget = read("budget.csv");
    let results = read("results.csv");
    let lines: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM budget_lines WHERE year = 2024")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let indicators: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM indicators i JOIN indicator_sets s ON s.id = i.set_id WHERE s.year = 2024",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(budget.lines().count() as i64, 1 + 3 * lines);
    assert_eq!(results.lines().count() as i64, 1 + indicators);
    // The same files are served one by one.
    let alone = public
        .get("/api/public/years/2024/results.csv")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(alone, results);
    // Every field the descriptor names is a column, in order.
    let header: Vec<&str> = budget.lines().next().unwrap().split(',').collect();
    let fields: Vec<&str> = descriptor["resources"][0]["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(header, fields);
}
