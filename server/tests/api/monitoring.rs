//! Monitoring views over HTTP: lamps as the domain decides them, scoped by role.

use crate::harness::TestApp;
use jixiao_domain::dto::monitoring::{DepartmentMonitor, ProvinceMonitor};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::lamps::{
    department_lamp, indicator_lamp, spending_lamp, Lamp, LampThresholds, Month,
};

#[tokio::test]
async fn a_department_sees_its_lamps_at_the_latest_month() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let monitor: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((monitor.month, monitor.latest_month), (9, Some(9)));
    let month = Month::parse(9).unwrap();
    let thresholds = LampThresholds::default();
    for line in &monitor.lines {
        let spent = line.spent_to_date_fen.expect("nine months of spending");
        assert_eq!(
            line.lamp,
            spending_lamp(line.adjusted_fen, spent, month, thresholds).lamp,
            "{}",
            line.code
        );
        if line.lamp == Lamp::Red {
            assert!(line.cause.is_some() && line.measure.is_some());
        }
    }
    for indicator in &monitor.indicators {
        let expected = indicator_lamp(
            indicator.direction,
            indicator.accumulation,
            indicator.target.unwrap_or(0.0),
            indicator.value_to_date,
            month,
            thresholds,
        );
        assert_eq!(indicator.lamp, expected.lamp, "{}", indicator.name_zh);
    }
    let all = monitor
        .lines
        .iter()
        .map(|l| l.lamp)
        .chain(monitor.indicators.iter().map(|i| i.lamp));
    assert_eq!(monitor.department_lamp, department_lamp(all));

    // An earlier month, a month with no figures yet, and a month that does not exist.
    let june: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026?month=6")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(june.month, 6);
    let november: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026?month=11")
        .await
        .json()
        .await
        .unwrap();
    assert!(november
        .lines
        .iter()
        .all(|l| l.lamp == Lamp::None && l.spent_to_date_fen.is_none()));
    assert_eq!(november.department_lamp, Lamp::None);
    let bad = staff
        .get("/api/departments/EDU/monitoring/2026?month=13")
        .await;
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

    // Another department's monitoring is not published data.
    assert_eq!(
        staff
            .get("/api/departments/HEALTH/monitoring/2026")
            .await
            .status(),
        403
    );
    assert_eq!(
        app.browser()
            .get("/api/departments/EDU/monitoring/2026")
            .await
            .status(),
        401
    );
    assert_eq!(staff.get("/api/monitoring/2026").await.status(), 403);
}

#[tokio::test]
async fn the_province_dashboard_counts_every_lamp() {
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let province: ProvinceMonitor = finance
        .get("/api/monitoring/2026")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(province.month, 9);
    assert_eq!(province.departments.len(), 14);
    let sum = |f: fn(&jixiao_domain::dto::monitoring::LampCounts) -> usize| -> usize {
        province.departments.iter().map(|d| f(&d.lamps)).sum()
    };
    assert_eq!(sum(|c| c.red), province.totals.red);
    assert_eq!(sum(|c| c.green), province.totals.green);
    assert!(province.totals.red > 0 && province.totals.yellow > 0 && province.totals.blue > 0);
    let lamps: std::collections::BTreeSet<Lamp> = province
        .departments
        .iter()
        .map(|d| d.department_lamp)
        .collect();
    assert!(lamps.len() >= 3, "{lamps:?}");

    // A department's new red lamps are red now and were not the month before.
    let assessment = app.login("assessment").await;
    let march: ProvinceMonitor = assessment
        .get("/api/monitoring/2026?month=3")
        .await
        .json()
        .await
        .unwrap();
    for department in &march.departments {
        let code = &department.department.code;
        let now: DepartmentMonitor = assessment
            .get(&format!("/api/departments/{code}/monitoring/2026?month=3"))
            .await
            .json()
            .await
            .unwrap();
        let before: DepartmentMonitor = assessment
            .get(&format!("/api/departments/{code}/monitoring/2026?month=2"))
            .await
            .json()
            .await
            .unwrap();
        for red in &department.new_red {
            let name = &red.name_zh;
            let red_now = now
                .indicators
                .iter()
                .any(|i| &i.name_zh == name && i.lamp == Lamp::Red)
                || now
                    .lines
                    .iter()
                    .any(|l| &l.name_zh == name && l.lamp == Lamp::Red);
            let red_before = before
                .indicators
                .iter()
                .any(|i| &i.name_zh == name && i.lamp == Lamp::Red)
                || before
                    .lines
                    .iter()
                    .any(|l| &l.name_zh == name && l.lamp == Lamp::Red);
            assert!(red_now && !red_before, "{code}: {name}");
            assert!(
                !red.name_en.is_empty(),
                "{code}: {name} has an English name"
            );
        }
    }
}

#[tokio::test]
async fn staff_enter_a_month_with_checked_figures_and_corrections_keep_history() {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let september: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026?month=9")
        .await
        .json()
        .await
        .unwrap();
    let line = &september.lines[2];
    let spent = line.spent_to_date_fen.unwrap();
    let indicator = september
        .indicators
        .iter()
        .find(|i| {
            i.accumulation == jixiao_domain::framework::Accumulation::Cumulative
                && i.value_to_date.is_some()
        })
        .unwrap();
    let put = |month: u8, body: serde_json::Value| {
        let staff = &staff;
        async move {
            staff
                .send(
                    Method::PUT,
                    &format!("/api/departments/EDU/monitoring/2026/{month}"),
                    Some(body),
                )
                .await
        }
    };

    // October: more spending, a little more output.
    let october = put(10, json!({
        "spending": [{ "budget_line_id": line.id, "spent_to_date_fen": spent + 1_000_000 }],
        "values": [{ "indicator_id": indicator.id, "value_to_date": indicator.value_to_date.unwrap() + 1.0 }]
    }))
    .await;
    assert_eq!(october.status(), 200);
    let october: DepartmentMonitor = october.json().await.unwrap();
    assert_eq!(october.month, 10);
    assert_eq!(october.lines[2].spent_to_date_fen, Some(spent + 1_000_000));

    // Every problem at once: negative, falling without a note, over budget without a note,
    // a line of another department.
    let foreign: i64 = sqlx::query_scalar(
        "SELECT id FROM budget_lines WHERE department_id != 1 AND year = 2026 LIMIT 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let refused = put(11, json!({ "spending": [
        { "budget_line_id": september.lines[0].id, "spent_to_date_fen": -5 },
        { "budget_line_id": line.id, "spent_to_date_fen": spent },
        { "budget_line_id": september.lines[1].id, "spent_to_date_fen": september.lines[1].adjusted_fen + 1 },
        { "budget_line_id": foreign, "spent_to_date_fen": 1 }
    ]}))
    .await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.unwrap();
    let fields: Vec<&str> = error
        .error
        .problems
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    assert_eq!(
        fields,
        [
            "spending[0].spent_to_date_fen",
            "spending[1].note",
            "spending[2].note",
            "spending[3].budget_line_id"
        ]
    );

    // A correction with its reason is accepted, and the replaced figure is kept.
    let corrected = put(10, json!({ "spending": [
        { "budget_line_id": line.id, "spent_to_date_fen": spent + 500_000, "note": "重复录入一笔支付 / A payment was entered twice" }
    ]}))
    .await;
    assert_eq!(corrected.status(), 200);
    let kept: (f64, f64) = sqlx::query_as(
        "SELECT old_value, new_value FROM monitoring_history WHERE subject_id = ? AND month = 10",
    )
    .bind(line.id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(kept, ((spent + 1_000_000) as f64, (spent + 500_000) as f64));

    // Scope and phase.
    let health = app.login("health.staff").await;
    let other = health
        .send(
            Method::PUT,
            "/api/departments/EDU/monitoring/2026/10",
            Some(json!({})),
        )
        .await;
    assert_eq!(other.status(), 403);
    let planning = put(1, json!({})).await;
    let planning_2027 = staff
        .send(
            Method::PUT,
            "/api/departments/EDU/monitoring/2027/1",
            Some(json!({})),
        )
        .await;
    assert_eq!(planning.status(), 200);
    assert_eq!(planning_2027.status(), 409);
}

#[tokio::test]
async fn finance_suspends_a_line_and_the_department_sees_why() {
    use reqwest::Method;
    use serde_json::json;
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let staff = app.login("edu.staff").await;
    let view: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026")
        .await
        .json()
        .await
        .unwrap();
    let line = view
        .lines
        .iter()
        .find(|l| l.lamp == Lamp::Red)
        .unwrap_or(&view.lines[2]);
    let path = format!("/api/budget-lines/{}/suspension", line.id);
    let body =
        json!({ "suspended": true, "reason": "执行严重滞后，暂停拨付 / Far behind schedule" });
    assert_eq!(
        staff
            .send(Method::POST, &path, Some(body.clone()))
            .await
            .status(),
        403
    );
    let empty = finance
        .send(
            Method::POST,
            &path,
            Some(json!({ "suspended": true, "reason": " " })),
        )
        .await;
    assert_eq!(empty.status(), 422);
    assert_eq!(
        finance.send(Method::POST, &path, Some(body)).await.status(),
        204
    );
    let view: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026")
        .await
        .json()
        .await
        .unwrap();
    let suspended = view.lines.iter().find(|l| l.id == line.id).unwrap();
    assert!(suspended.suspended);
    assert!(suspended
        .suspended_reason
        .as_deref()
        .unwrap()
        .contains("Far behind"));
}

#[tokio::test]
async fn the_year_month_by_month_for_charts() {
    use jixiao_domain::dto::monitoring::MonitoringSeries;
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let series: MonitoringSeries = staff
        .get("/api/departments/EDU/monitoring/2026/series")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(series.execution.len(), 12);
    assert!(series.execution[..9].iter().all(Option::is_some));
    assert!(series.execution[9..].iter().all(Option::is_none));
    // Cumulative execution never falls.
    let rates: Vec<f64> = series.execution.iter().flatten().copied().collect();
    assert!(rates.windows(2).all(|w| w[1] >= w[0]), "{rates:?}");
    let september: DepartmentMonitor = staff
        .get("/api/departments/EDU/monitoring/2026?month=9")
        .await
        .json()
        .await
        .unwrap();
    for indicator in september
        .indicators
        .iter()
        .filter(|i| i.value_to_date.is_some())
    {
        let line = series
            .indicators
            .iter()
            .find(|s| s.indicator_id == indicator.id)
            .unwrap();
        assert_eq!(line.values[8], indicator.value_to_date);
    }
    assert!(!series.unit_costs.is_empty());
    assert!(series.unit_costs.iter().all(|c| c.fen_per_unit > 0.0));
    assert_eq!(
        app.browser()
            .get("/api/departments/EDU/monitoring/2026/series")
            .await
            .status(),
        401
    );
}
