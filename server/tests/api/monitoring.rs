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
        for name in &department.new_red {
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
        }
    }
}
