use super::*;
use crate::pages::whatif::numbers::Trend;
use jixiao_domain::framework::{Accumulation, Level2};
use jixiao_domain::lamps::LampThresholds;
use jixiao_domain::results::ResultRules;
use jixiao_domain::whatif::department::{project, WhatIfLine};

fn indicator(id: i64, level2: Level2, target: f64, lines: &[i64]) -> WhatIfIndicator {
    WhatIfIndicator {
        id,
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        level2,
        target: Some(target),
        points: 50.0,
        elasticity: None,
        value_to_date: Some(target * 0.75),
        rating: None,
        line_ids: lines.to_vec(),
    }
}

/// Two lines (operations 1 000 万元, project 45 000 万元) and two indicators paid by the
/// project: a quantity (elasticity 1) and a social effect (elasticity 0), both on target.
fn baseline() -> Baseline {
    Baseline {
        months: 9,
        thresholds: LampThresholds::default(),
        rules: ResultRules::default(),
        indicators: vec![
            indicator(10, Level2::Quantity, 30_000.0, &[2]),
            indicator(11, Level2::Social, 92.0, &[2]),
        ],
        lines: vec![
            WhatIfLine {
                id: 1,
                kind: BudgetKind::Operations,
                amount_fen: 1_000_000_000,
                spent_fen: 700_000_000,
            },
            WhatIfLine {
                id: 2,
                kind: BudgetKind::Project,
                amount_fen: 45_000_000_000,
                spent_fen: 32_400_000_000,
            },
        ],
    }
}

fn untouched(baseline: &Baseline) -> FormValues {
    form_of(baseline, &Changes::default()).0
}

#[test]
fn an_untouched_form_changes_nothing() {
    let b = baseline();
    let form = untouched(&b);
    assert_eq!(form.amounts, vec![1_000_000_000, 45_000_000_000]);
    assert_eq!(form.targets, vec![Some(30_000.0), Some(92.0)]);
    assert_eq!(form.elasticities, vec![Some(1.0), Some(0.0)]);
    assert_eq!(build_changes(&b, &form), Changes::default());
}

#[test]
fn only_what_differs_becomes_a_change() {
    let b = baseline();
    let mut form = untouched(&b);
    form.amounts[1] = 40_500_000_000;
    form.targets[0] = Some(28_000.0);
    form.targets[1] = None; // not a number: as now
    form.elasticities[1] = Some(0.5);
    let changes = build_changes(&b, &form);
    let mut expected = Changes::default();
    expected.set_amount(2, 40_500_000_000);
    expected.set_target(10, 28_000.0);
    expected.set_elasticity(11, 0.5);
    assert_eq!(changes, expected);
    // …and a saved scenario opens as the same form.
    let (opened, unknown) = form_of(&b, &changes);
    assert_eq!(unknown, 0);
    assert_eq!(build_changes(&b, &opened), changes);
    assert_eq!(opened.targets[1], Some(92.0));
}

#[test]
fn changes_of_lines_that_are_gone_are_counted() {
    let b = baseline();
    let mut changes = Changes::default();
    changes.set_amount(99, 5);
    changes.set_target(98, 1.0);
    changes.set_amount(2, 7);
    let (form, unknown) = form_of(&b, &changes);
    assert_eq!(unknown, 2);
    assert_eq!(form.amounts[1], 7);
}

#[test]
fn all_projects_less_touches_only_projects() {
    let b = baseline();
    assert_eq!(projects_less(&b, 90), vec![(2, 40_500_000_000)]);
}

#[test]
fn engine_errors_land_on_their_input() {
    let b = baseline();
    let mut form = untouched(&b);
    form.targets[1] = Some(-1.0);
    form.elasticities[0] = Some(9.0);
    let changes = build_changes(&b, &form);
    let error = project(&b, &changes).unwrap_err();
    assert_eq!(
        input_of(&error.field, &changes, &b),
        Some(InputKey::Target(11))
    );
    assert_eq!(
        input_of("elasticities[0].value", &changes, &b),
        Some(InputKey::Elasticity(10))
    );
    assert_eq!(
        input_of("indicators[0].target", &changes, &b),
        Some(InputKey::Target(10))
    );
    let mut money = Changes::default();
    money.set_amount(2, -5);
    assert_eq!(
        input_of("input.changes.amounts[0].amount_fen", &money, &b),
        Some(InputKey::Amount(2))
    );
    assert_eq!(input_of("name", &money, &b), Some(InputKey::Name));
    assert_eq!(input_of("input", &money, &b), None);
    assert_eq!(input_of("amounts[5].amount_fen", &money, &b), None);
    assert_eq!(input_of("indicators[0].points", &money, &b), None);
}

#[test]
fn what_moves_and_what_may_be_edited() {
    let b = baseline();
    assert!(money_moves(&b.indicators[0]));
    let mut unpaid = b.indicators[0].clone();
    unpaid.line_ids.clear();
    assert!(!money_moves(&unpaid));
    assert!(target_editable(Direction::LowerBetter));
    assert!(!target_editable(Direction::Qualitative));
    assert!(!target_editable(Direction::ZeroTarget));
    assert_eq!(base_elasticity(&b.indicators[1]), 0.0);
}

#[test]
fn two_scenarios_compare_row_by_row() {
    let b = baseline();
    let labels: Vec<IndicatorLabel> = b
        .indicators
        .iter()
        .map(|i| IndicatorLabel {
            id: i.id,
            name_zh: format!("指标{}", i.id),
            name_en: format!("Indicator {}", i.id),
            unit: "个".to_owned(),
            direction: i.direction,
            accumulation: i.accumulation,
            level2: i.level2,
        })
        .collect();
    let now = project(&b, &Changes::default()).unwrap();
    let mut less = Changes::default();
    less.set_amount(2, 22_500_000_000);
    let half = project(&b, &less).unwrap();
    let rows = compare_rows(&labels, &now, &half, Locale::en);
    assert_eq!(rows.len(), 4 + 2);
    assert_eq!(rows[0].label, "Total");
    assert_eq!(rows[0].a, "100.00");
    assert_eq!(rows[0].b, "75.00");
    assert_eq!(rows[0].diff.text, "▼ −25.00");
    assert_eq!(rows[1].a, "Excellent");
    assert_eq!(rows[1].b, "Fair");
    assert_eq!(rows[1].diff.text, "▼ Down");
    assert_eq!(rows[1].diff.trend, Trend::Down);
    assert_eq!(rows[2].a, "¥472.50 million");
    assert_eq!(rows[2].b, "¥202.50 million");
    assert_eq!(rows[4].label, "Indicator 10");
    assert_eq!(rows[4].diff.text, "▼ −25.00");
    assert_eq!(rows[5].diff.trend, Trend::Same);
    let zh = compare_rows(&labels, &now, &half, Locale::zh_CN);
    assert_eq!(zh[0].label, "总分");
    assert_eq!(zh[1].a, "优");
    assert_eq!(zh[1].diff.text, "▼ 降");
    assert_eq!(zh[2].a, "47,250.00 万元");
    assert_eq!(zh[4].label, "指标10");
    assert_eq!(
        announcement(&half, Locale::en),
        "Scenario total 75.00, grade Fair, next year's project budget ¥202.50 million."
    );
    assert_eq!(
        announcement(&half, Locale::zh_CN),
        "情景总分 75.00，等级 中，明年项目预算 20,250.00 万元。"
    );
}

#[test]
fn problems_read_in_one_language() {
    let en = problem_text(
        Locale::en,
        "invalid_elasticity",
        "an elasticity lies between −5 and 5",
    );
    assert_eq!(en, "An elasticity lies between −5 and 5.");
    assert_eq!(
        problem_text(Locale::zh_CN, "unknown_line", "no such budget line"),
        "预算项目或指标已不存在。"
    );
    // Anything else is shown as the server said it.
    assert_eq!(
        problem_text(Locale::zh_CN, "too_many", "情景过多"),
        "情景过多"
    );
}

#[test]
fn comparison_sides_read_and_default() {
    for pick in [Pick::Now, Pick::Current, Pick::Saved(7)] {
        assert_eq!(Pick::parse(&pick.value()), Some(pick));
    }
    assert_eq!(Pick::parse("x"), None);
    assert_eq!(Pick::defaults(&[]), (Pick::Now, Pick::Current));
    assert_eq!(Pick::defaults(&[3]), (Pick::Now, Pick::Saved(3)));
    assert_eq!(Pick::defaults(&[5, 3, 1]), (Pick::Saved(3), Pick::Saved(5)));
}
