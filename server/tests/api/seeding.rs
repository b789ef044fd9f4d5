//! Migrations and demo seeding are idempotent; the demo province is complete and varied;
//! concurrent writers never hit SQLITE_BUSY; the audit chain holds.

use crate::harness::TestApp;
use jixiao_domain::dto::DepartmentList;
use jixiao_domain::framework::{Accumulation, Direction, Level2, PointsAllocation};
use jixiao_domain::lamps::{
    department_lamp, indicator_lamp, spending_lamp, Lamp, LampThresholds, Month,
};
use jixiao_domain::scoring::Grade;
use jixiao_server::audit::{self, Actor};
use jixiao_server::seed::{CURRENT_YEAR, LAST_YEAR, MONITORED_MONTHS, PUBLISHED_YEAR};
use jixiao_server::{db, repo};
use std::collections::{BTreeMap, BTreeSet, HashMap};

async fn count(pool: &sqlx::SqlitePool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .unwrap()
}

const TABLES: [&str; 12] = [
    "departments",
    "units",
    "accounts",
    "fiscal_years",
    "indicators",
    "budget_lines",
    "monthly_spending",
    "indicator_values",
    "evaluations",
    "result_applications",
    "accountability_cases",
    "audit_log",
];

#[tokio::test]
async fn migrations_and_seeding_are_idempotent() {
    let app = TestApp::start_seeded().await;
    let mut before = Vec::new();
    for table in TABLES {
        before.push(count(&app.pool, table).await);
    }
    // Running the migrations again, and starting again on the same file, changes nothing.
    db::migrate(&app.pool).await.unwrap();
    let again = jixiao_server::prepare_database(&app.config).await.unwrap();
    assert!(!jixiao_server::seed::seed_demo_province(&again)
        .await
        .unwrap());
    for (table, was) in TABLES.iter().zip(before) {
        assert_eq!(count(&app.pool, table).await, was, "{table}");
    }
    let applied: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(applied as usize, db::MIGRATOR.iter().count());
}

#[derive(sqlx::FromRow)]
struct MonthValue {
    department_id: i64,
    direction: String,
    accumulation: String,
    target: Option<f64>,
    value_to_date: f64,
    cause: Option<String>,
    measure: Option<String>,
}

#[tokio::test]
async fn the_demo_province_is_complete_and_varied() {
    let app = TestApp::start_seeded().await;
    let pool = &app.pool;

    // Departments from many sectors, each with units, through the public API.
    let list: DepartmentList = app.get("/api/departments").await.json().await.unwrap();
    assert!(
        list.departments.len() >= 12,
        "{} departments",
        list.departments.len()
    );
    let sectors: BTreeSet<_> = list.departments.iter().map(|d| d.sector).collect();
    assert!(sectors.len() >= 12);
    assert!(list.departments.iter().all(|d| !d.units.is_empty()));
    // Last year's published grades, a mix of them.
    let grades: BTreeSet<Grade> = list
        .departments
        .iter()
        .map(|d| d.latest_result.as_ref().expect("a published result").grade)
        .collect();
    assert!(grades.len() >= 3, "grades {grades:?}");
    assert!(
        grades.contains(&Grade::Excellent) && grades.contains(&Grade::Poor),
        "{grades:?}"
    );
    assert!(list
        .departments
        .iter()
        .all(|d| d.latest_result.as_ref().unwrap().year == PUBLISHED_YEAR));

    // Last year is being evaluated: departments at every step, none of it public yet.
    let statuses: BTreeSet<String> = sqlx::query_scalar(
        "SELECT COALESCE(e.status, 'not_started') FROM indicator_sets s
         LEFT JOIN evaluations e ON e.set_id = s.id WHERE s.year = ?",
    )
    .bind(LAST_YEAR)
    .fetch_all(pool)
    .await
    .unwrap()
    .into_iter()
    .collect();
    assert_eq!(
        statuses.into_iter().collect::<Vec<_>>(),
        [
            "final",
            "not_started",
            "reevaluated",
            "self_draft",
            "self_submitted"
        ]
    );
    let response = app.get(&format!("/api/years/{LAST_YEAR}/results")).await;
    assert_eq!(response.status(), 401);

    // Every set sums to 100 by the 10号 allocation, for both years.
    let rows: Vec<(i64, String, f64)> =
        sqlx::query_as("SELECT set_id, level2, points FROM indicators ORDER BY set_id, position")
            .fetch_all(pool)
            .await
            .unwrap();
    let mut by_set: BTreeMap<i64, Vec<(Level2, f64)>> = BTreeMap::new();
    for (set, level2, points) in rows {
        by_set
            .entry(set)
            .or_default()
            .push((level2.parse().unwrap(), points));
    }
    assert_eq!(by_set.len(), list.departments.len() * 4);
    for (set, points) in &by_set {
        let problems =
            jixiao_domain::framework::allocation_problems(points, PointsAllocation::default());
        assert!(problems.is_empty(), "set {set}: {problems:?}");
    }

    // Every project line pays for at least one output indicator.
    let unlinked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_lines b WHERE b.kind = 'project' AND NOT EXISTS (
             SELECT 1 FROM budget_line_indicators l JOIN indicators i ON i.id = l.indicator_id
             WHERE l.budget_line_id = b.id AND i.level2 IN ('quantity', 'quality', 'timeliness', 'cost'))",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(unlinked, 0);

    // Hundreds of millions of yuan (1 yuan = 100 fen).
    let total: i64 =
        sqlx::query_scalar("SELECT SUM(adjusted_fen) FROM budget_lines WHERE year = ?")
            .bind(CURRENT_YEAR)
            .fetch_one(pool)
            .await
            .unwrap();
    assert!(total >= 100_000_000 * 100 * 3, "total {total} fen");

    // Nine months of monitoring giving red, yellow, green and blue lamps.
    let month = Month::parse(i64::from(MONITORED_MONTHS)).unwrap();
    let thresholds = LampThresholds::default();
    let values: Vec<MonthValue> = sqlx::query_as(
        "SELECT s.department_id, i.direction, i.accumulation, i.target, v.value_to_date, v.cause, v.measure
         FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
         JOIN indicator_sets s ON s.id = i.set_id WHERE s.year = ? AND v.month = ?",
    )
    .bind(CURRENT_YEAR)
    .bind(i64::from(MONITORED_MONTHS))
    .fetch_all(pool)
    .await
    .unwrap();
    let mut lamps: HashMap<i64, Vec<Lamp>> = HashMap::new();
    for v in values {
        let direction: Direction = v.direction.parse().unwrap();
        let accumulation: Accumulation = v.accumulation.parse().unwrap();
        let target = v.target.unwrap_or(0.0);
        let reading = indicator_lamp(
            direction,
            accumulation,
            target,
            Some(v.value_to_date),
            month,
            thresholds,
        );
        if reading.lamp == Lamp::Red {
            assert!(
                v.cause.is_some() && v.measure.is_some(),
                "a red lamp needs a cause and a measure"
            );
        }
        lamps.entry(v.department_id).or_default().push(reading.lamp);
    }
    let spending: Vec<(i64, i64, i64)> = sqlx::query_as(
        "SELECT b.department_id, b.adjusted_fen, m.spent_to_date_fen FROM monthly_spending m
         JOIN budget_lines b ON b.id = m.budget_line_id WHERE b.year = ? AND m.month = ?",
    )
    .bind(CURRENT_YEAR)
    .bind(i64::from(MONITORED_MONTHS))
    .fetch_all(pool)
    .await
    .unwrap();
    for (department, budget, spent) in spending {
        lamps
            .entry(department)
            .or_default()
            .push(spending_lamp(budget, spent, month, thresholds).lamp);
    }
    let all: BTreeSet<Lamp> = lamps.values().flatten().copied().collect();
    for lamp in [Lamp::Red, Lamp::Yellow, Lamp::Green, Lamp::Blue] {
        assert!(all.contains(&lamp), "no {lamp} lamp among {all:?}");
    }
    let department_lamps: BTreeSet<Lamp> = lamps
        .values()
        .map(|l| department_lamp(l.iter().copied()))
        .collect();
    assert!(
        department_lamps.len() >= 3,
        "department lamps {department_lamps:?}"
    );

    // One account per province role and a head and staff member for at least two departments.
    let roles: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT role, COUNT(*), COUNT(DISTINCT department_id) FROM accounts GROUP BY role ORDER BY role",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    let roles: HashMap<_, _> = roles.into_iter().map(|(r, n, d)| (r, (n, d))).collect();
    assert_eq!(roles["finance"].0, 1);
    assert_eq!(roles["assessment"].0, 1);
    assert!(roles["dept_head"].1 >= 2 && roles["dept_staff"].1 >= 2);

    // Results application opened accountability for the Poor grade.
    let cases: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM accountability_cases WHERE trigger = 'poor_grade'",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert!(cases >= 1);

    assert_chain_intact(pool).await;
}

/// The audit chain verifies: every entry follows its predecessor and hashes to itself.
async fn assert_chain_intact(pool: &sqlx::SqlitePool) {
    let verification = audit::read::verify(pool).await.unwrap();
    assert!(verification.intact, "{verification:?}");
    assert!(verification.entries > 0);
}

/// 50 concurrent writers — half through the app's pool, half through a second pool on the
/// same file, as a second server process would — while HTTP readers hammer the API. Every
/// write must succeed (no SQLITE_BUSY) and the audit chain must not fork.
#[tokio::test]
async fn fifty_concurrent_writes_succeed() {
    let app = TestApp::start().await;
    let second_process = db::connect(&app.db_path()).await.unwrap();
    let mut writers = Vec::new();
    for i in 0..50 {
        let pool = if i % 2 == 0 {
            app.pool.clone()
        } else {
            second_process.clone()
        };
        writers.push(tokio::spawn(async move {
            let mut tx = db::begin_write(&pool).await?;
            let department = repo::departments::NewDepartment {
                code: format!("D{i:02}"),
                name_zh: format!("测试部门{i}"),
                name_en: format!("Test department {i}"),
                sector: jixiao_domain::framework::Sector::Education,
            };
            let id = repo::departments::create(&mut tx, &Actor::system(), &department).await?;
            // Read-then-write inside the same transaction: the pattern that fails with
            // SQLITE_BUSY under a deferred BEGIN.
            let units: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM units")
                .fetch_one(&mut *tx)
                .await?;
            let unit = repo::departments::NewUnit {
                department_id: id,
                code: format!("D{i:02}-{units:03}"),
                name_zh: format!("测试单位{i}"),
                name_en: format!("Test unit {i}"),
            };
            repo::departments::create_unit(&mut tx, &Actor::system(), &unit).await?;
            tx.commit().await?;
            Ok::<_, jixiao_server::error::AppError>(())
        }));
    }
    let mut readers = Vec::new();
    for _ in 0..50 {
        let client = app.client.clone();
        let url = app.url("/api/departments");
        readers.push(tokio::spawn(async move {
            client.get(url).send().await.map(|r| r.status())
        }));
    }
    for writer in writers {
        writer.await.unwrap().expect("a concurrent write failed");
    }
    for reader in readers {
        assert_eq!(reader.await.unwrap().unwrap(), 200);
    }
    assert_eq!(count(&app.pool, "departments").await, 50);
    assert_eq!(count(&app.pool, "units").await, 50);
    let list: DepartmentList = app.get("/api/departments").await.json().await.unwrap();
    assert_eq!(list.departments.len(), 50);
    assert_chain_intact(&app.pool).await;
}

/// The same over HTTP: 50 concurrent writes through the API by a signed-in user.
#[tokio::test]
async fn fifty_concurrent_http_writes_succeed() {
    let app = TestApp::start_seeded().await;
    let finance = std::sync::Arc::new(app.login("finance").await);
    let before = count(&app.pool, "library_indicators").await;
    let mut writes = Vec::new();
    for i in 0..50 {
        let finance = finance.clone();
        writes.push(tokio::spawn(async move {
            let body = serde_json::json!({ "level2": "quantity", "name_zh": format!("并发模板{i}"),
                "name_en": format!("Concurrent template {i}"), "unit": "个",
                "direction": "higher_better", "accumulation": "cumulative" });
            finance
                .send(reqwest::Method::POST, "/api/library", Some(body))
                .await
                .status()
        }));
    }
    for write in writes {
        assert_eq!(write.await.unwrap(), 201);
    }
    assert_eq!(count(&app.pool, "library_indicators").await, before + 50);
    assert_chain_intact(&app.pool).await;
}
