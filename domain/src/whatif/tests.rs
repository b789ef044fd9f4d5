use super::department::{project, Baseline, Changes, WhatIfIndicator, WhatIfLine};
use super::province::{allocate, Adjustments, DepartmentId, ProvinceDepartment, ProvinceScenario};
use crate::framework::{Accumulation, BudgetKind, Direction, Level2};
use crate::lamps::LampThresholds;
use crate::results::ResultRules;
use crate::scoring::Grade;
use proptest::prelude::*;

fn department(id: i64, base: i64, grade: Grade) -> ProvinceDepartment {
    ProvinceDepartment {
        id: DepartmentId::Number(id),
        base,
        grade,
        floor: None,
        cap: None,
    }
}

#[test]
fn raw_follows_the_grade_and_final_sums_to_the_pool() {
    let scenario = ProvinceScenario {
        pool: 1_000_000,
        adjustments: Adjustments::default(),
        departments: vec![
            department(1, 400_000, Grade::Excellent),
            department(2, 300_000, Grade::Good),
            department(3, 200_000, Grade::Fair),
            department(4, 100_001, Grade::Poor),
        ],
    };
    let outcome = allocate(&scenario).unwrap();
    let raw: Vec<i64> = outcome.departments.iter().map(|d| d.raw).collect();
    assert_eq!(raw, [420_000, 300_000, 180_000, 80_001]);
    assert_eq!(outcome.total, 1_000_000);
    let finals: i64 = outcome.departments.iter().map(|d| d.final_fen).sum();
    assert_eq!(finals, 1_000_000);
    assert_eq!(
        outcome.departments[0].change,
        outcome.departments[0].final_fen - 400_000
    );
}

#[test]
fn leftover_fen_go_by_largest_remainder_then_id() {
    // Three equal raws, a pool of 100: 33 each and the odd fen to the lowest id.
    let scenario = ProvinceScenario {
        pool: 100,
        adjustments: Adjustments::default(),
        departments: vec![
            department(3, 10, Grade::Good),
            department(1, 10, Grade::Good),
            department(2, 10, Grade::Good),
        ],
    };
    let finals: Vec<i64> = allocate(&scenario)
        .unwrap()
        .departments
        .iter()
        .map(|d| d.final_fen)
        .collect();
    assert_eq!(finals, [33, 34, 33]);
}

#[test]
fn floors_and_caps_are_kept() {
    let mut scenario = ProvinceScenario {
        pool: 1_000,
        adjustments: Adjustments::default(),
        departments: vec![
            department(1, 800, Grade::Excellent),
            department(2, 100, Grade::Poor),
            department(3, 100, Grade::Good),
        ],
    };
    scenario.departments[0].cap = Some(600);
    scenario.departments[1].floor = Some(150);
    let outcome = allocate(&scenario).unwrap();
    let finals: Vec<i64> = outcome.departments.iter().map(|d| d.final_fen).collect();
    assert_eq!(finals[0], 600);
    assert!(finals[1] >= 150);
    assert_eq!(finals.iter().sum::<i64>(), 1_000);
    // Infeasible bounds are named.
    scenario.departments[1].floor = Some(2_000);
    assert_eq!(allocate(&scenario).unwrap_err().code, "floors_exceed_pool");
}

fn baseline() -> Baseline {
    let indicator = |id, direction, level2, target, value, lines: Vec<i64>| WhatIfIndicator {
        id,
        direction,
        accumulation: Accumulation::Cumulative,
        level2,
        target: Some(target),
        points: 25.0,
        elasticity: None,
        value_to_date: value,
        rating: None,
        line_ids: lines,
    };
    Baseline {
        months: 6,
        thresholds: LampThresholds::default(),
        rules: ResultRules::default(),
        indicators: vec![
            indicator(
                1,
                Direction::HigherBetter,
                Level2::Quantity,
                1000.0,
                Some(480.0),
                vec![10],
            ),
            indicator(
                2,
                Direction::HigherBetter,
                Level2::Social,
                90.0,
                Some(44.0),
                vec![10],
            ),
            indicator(
                3,
                Direction::LowerBetter,
                Level2::Cost,
                50.0,
                Some(20.0),
                vec![11],
            ),
            indicator(
                4,
                Direction::BudgetExecution,
                Level2::ExecutionRate,
                1.0,
                None,
                vec![],
            ),
        ],
        lines: vec![
            WhatIfLine {
                id: 10,
                kind: BudgetKind::Project,
                amount_fen: 1_000_000,
                spent_fen: 450_000,
            },
            WhatIfLine {
                id: 11,
                kind: BudgetKind::Project,
                amount_fen: 500_000,
                spent_fen: 250_000,
            },
        ],
    }
}

#[test]
fn ten_percent_less_money_cuts_output_score_and_next_years_money() {
    let now = project(&baseline(), &Changes::default()).unwrap();
    // 480 in six months → 960 at year end.
    assert!((now.indicators[0].projected.unwrap() - 960.0).abs() < 1e-9);
    let mut cut = Changes::default();
    cut.set_amount(10, 900_000);
    let scenario = project(&baseline(), &cut).unwrap();
    assert!((scenario.indicators[0].projected.unwrap() - 864.0).abs() < 1e-9);
    // Elasticity 0 by default for an effect indicator: unchanged.
    assert_eq!(
        scenario.indicators[1].projected,
        now.indicators[1].projected
    );
    assert!(scenario.total < now.total);
    assert_eq!(scenario.project_budget_fen, 1_400_000);
    assert_eq!(
        scenario.next_year_fen,
        ResultRules::default().next_year_budget(1_400_000, scenario.grade)
    );
}

#[test]
fn unknown_lines_and_bad_targets_are_named() {
    let mut changes = Changes::default();
    changes.set_amount(99, 1);
    assert_eq!(
        project(&baseline(), &changes).unwrap_err().field,
        "amounts[0].line_id"
    );
    let mut changes = Changes::default();
    changes.set_target(1, -3.0);
    assert_eq!(
        project(&baseline(), &changes).unwrap_err().field,
        "targets[0].value"
    );
}

proptest! {
    #[test]
    fn allocations_sum_to_the_pool(
        pool in 0i64..10_000_000_000,
        bases in proptest::collection::vec((0i64..1_000_000_000, 0usize..4, proptest::option::of(0i64..100_000_000), proptest::option::of(0i64..2_000_000_000)), 1..40),
    ) {
        let grades = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];
        let departments: Vec<ProvinceDepartment> = bases
            .iter()
            .enumerate()
            .map(|(i, (base, g, floor, cap))| ProvinceDepartment {
                id: DepartmentId::Number(i as i64),
                base: *base,
                grade: grades[*g],
                floor: *floor,
                cap: cap.map(|c| c.max(floor.unwrap_or(0))),
            })
            .collect();
        let scenario = ProvinceScenario { pool, adjustments: Adjustments::default(), departments };
        match allocate(&scenario) {
            Ok(outcome) => {
                prop_assert_eq!(outcome.total, pool);
                prop_assert_eq!(outcome.departments.iter().map(|d| d.final_fen).sum::<i64>(), pool);
                for (d, a) in scenario.departments.iter().zip(&outcome.departments) {
                    prop_assert!(a.final_fen >= d.floor.unwrap_or(0));
                    prop_assert!(a.final_fen <= d.cap.unwrap_or(i64::MAX));
                }
                // The same input always gives the same output.
                prop_assert_eq!(allocate(&scenario).unwrap(), outcome);
            }
            Err(e) => prop_assert!(["floors_exceed_pool", "caps_below_pool"].contains(&e.code.as_str())),
        }
    }

    #[test]
    fn with_non_negative_elasticity_more_money_never_lowers_output(
        e in 0.0f64..3.0, less in 0i64..1_000_000, more in 0i64..1_000_000,
    ) {
        let (low, high) = (less.min(more), less.max(more));
        let mut b = baseline();
        b.indicators[0].elasticity = Some(e);
        let at = |amount: i64| {
            let mut changes = Changes::default();
            changes.set_amount(10, amount);
            project(&b, &changes).unwrap().indicators[0].projected.unwrap()
        };
        prop_assert!(at(high) >= at(low));
    }

    #[test]
    fn an_unchanged_scenario_equals_the_baseline(amount in 0i64..2_000_000, e in -2.0f64..2.0) {
        let mut b = baseline();
        b.lines[0].amount_fen = amount;
        b.indicators[0].elasticity = Some(e);
        let now = project(&b, &Changes::default()).unwrap();
        let mut same = Changes::default();
        same.set_amount(10, amount);
        same.set_elasticity(1, e);
        same.set_target(1, 1000.0);
        prop_assert_eq!(project(&b, &same).unwrap(), now);
    }
}
