//! Deterministic synthetic inputs of a given size, for measuring the engine the same way
//! natively (criterion) and in the browser (the app's performance page): a province of
//! `n` departments and a department of `n` indicators.

use super::department::{Baseline, Changes, WhatIfIndicator, WhatIfLine};
use super::province::{Adjustments, DepartmentId, ProvinceDepartment, ProvinceScenario};
use crate::framework::{Accumulation, BudgetKind, Direction, Level2};
use crate::lamps::LampThresholds;
use crate::results::ResultRules;
use crate::scoring::Grade;

/// A province of `departments` with varied bases, grades, floors and caps; the pool is 2 %
/// short of what the grades ask, so the scaling and the floors and caps all work.
pub fn province(departments: usize) -> ProvinceScenario {
    let grades = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];
    let departments: Vec<ProvinceDepartment> = (0..departments)
        .map(|i| {
            let base = 50_000_000_000 + (i as i64 * 7_919_000_003) % 400_000_000_000;
            ProvinceDepartment {
                id: DepartmentId::Number(i as i64 + 1),
                base,
                grade: grades[(i * 7) % 4],
                floor: (i % 5 == 0).then_some(base / 10 * 9),
                cap: (i % 7 == 0).then_some(base / 100 * 103),
            }
        })
        .collect();
    let adjustments = Adjustments::default();
    let asked: i64 = departments
        .iter()
        .map(|d| super::province::raw_allocation(d.base, adjustments.of(d.grade)))
        .sum();
    ProvinceScenario {
        pool: asked / 100 * 98,
        adjustments,
        departments,
    }
}

/// A department with `indicators` indicators over `indicators / 3` project lines, nine
/// months into the year, and a change that cuts every other line by 10 %.
pub fn department(indicators: usize) -> (Baseline, Changes) {
    let line_count = (indicators / 3).max(1);
    let lines: Vec<WhatIfLine> = (0..line_count)
        .map(|i| WhatIfLine {
            id: i as i64 + 1,
            kind: BudgetKind::Project,
            amount_fen: 1_000_000_000 + i as i64 * 13_000_000,
            spent_fen: 700_000_000 + i as i64 * 9_000_000,
        })
        .collect();
    let levels = [
        Level2::Quantity,
        Level2::Quality,
        Level2::Cost,
        Level2::Social,
    ];
    let directions = [
        Direction::HigherBetter,
        Direction::HigherBetter,
        Direction::LowerBetter,
        Direction::ZeroTarget,
        Direction::Qualitative,
    ];
    let points = 100.0 / indicators.max(1) as f64;
    let indicators: Vec<WhatIfIndicator> = (0..indicators)
        .map(|i| {
            let direction = directions[i % directions.len()];
            WhatIfIndicator {
                id: i as i64 + 1,
                direction,
                accumulation: if i % 2 == 0 {
                    Accumulation::Cumulative
                } else {
                    Accumulation::Level
                },
                level2: levels[i % levels.len()],
                target: match direction {
                    Direction::Qualitative => None,
                    Direction::ZeroTarget => Some(0.0),
                    _ => Some(100.0 + i as f64),
                },
                points,
                elasticity: None,
                value_to_date: (direction != Direction::Qualitative)
                    .then_some(70.0 + (i % 9) as f64),
                rating: None,
                line_ids: vec![(i % line_count) as i64 + 1],
            }
        })
        .collect();
    let mut changes = Changes::default();
    for line in lines.iter().step_by(2) {
        changes.set_amount(line.id, line.amount_fen / 10 * 9);
    }
    let baseline = Baseline {
        months: 9,
        thresholds: LampThresholds::default(),
        rules: ResultRules::default(),
        indicators,
        lines,
    };
    (baseline, changes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_samples_run() {
        let outcome = super::super::province::allocate(&super::province(100)).unwrap();
        assert_eq!(outcome.departments.len(), 100);
        let (baseline, changes) = super::department(60);
        let projection = super::super::department::project(&baseline, &changes).unwrap();
        assert_eq!(projection.indicators.len(), 60);
        assert!(projection.total <= 100.0);
    }
}
