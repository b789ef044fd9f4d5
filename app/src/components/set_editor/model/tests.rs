//! Unit tests of the editor's pure rules.

use super::*;
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::framework::Role;
use jixiao_domain::framework::Sector;

fn indicator(id: i64, level2: Level2, points: f64) -> Indicator {
    Indicator {
        id: Some(id),
        name_zh: format!("指标{id}"),
        level2,
        points,
        unit: "个".into(),
        target: Some(1.0),
        direction: if level2 == Level2::ExecutionRate {
            Direction::BudgetExecution
        } else {
            Direction::HigherBetter
        },
        ..blank_indicator()
    }
}

fn set(indicators: Vec<Indicator>) -> IndicatorSet {
    IndicatorSet {
        id: 1,
        department: DepartmentRef {
            id: 1,
            code: "EDU".into(),
            name_zh: "教育厅".into(),
            name_en: "Education".into(),
        },
        year: 2028,
        phase: Phase::Planning,
        status: SetStatus::Draft,
        version: 1,
        revision: 3,
        review_comment: None,
        indicators,
        allocation: PointsAllocation::default(),
        project_lines: Vec::new(),
    }
}

fn me(capabilities: Vec<Capability>, code: &str) -> Me {
    Me {
        id: 1,
        username: "edu.head".into(),
        display_name: "Head".into(),
        role: Role::DeptHead,
        department: Some(DepartmentRef {
            id: 1,
            code: code.into(),
            name_zh: String::new(),
            name_en: String::new(),
        }),
        must_change_password: false,
        capabilities,
    }
}

#[test]
fn paths_find_their_place() {
    assert_eq!(
        place("indicators[3].target"),
        Place::Field {
            index: 3,
            field: "target".into()
        }
    );
    assert_eq!(
        place("indicators[0]"),
        Place::Field {
            index: 0,
            field: String::new()
        }
    );
    assert_eq!(place("indicators"), Place::Points);
    assert_eq!(place("allocation.output"), Place::Points);
    assert_eq!(place("budget_lines[2]"), Place::BudgetLine(2));
    assert_eq!(place("comment"), Place::Other);
    assert_eq!(place("indicators[x].name_zh"), Place::Other);
}

#[test]
fn every_field_has_a_control() {
    assert_eq!(control_for("target_text"), "target");
    assert_eq!(control_for("points"), "points");
    assert_eq!(control_for("elasticity"), "name_zh");
    assert_eq!(control_for(""), "name_zh");
    assert_eq!(control_id(7, "points"), "ind-7-points");
}

#[test]
fn rows_move_within_bounds() {
    let mut rows = rows_from(
        &[
            indicator(1, Level2::Quantity, 1.0),
            indicator(2, Level2::Quality, 2.0),
        ],
        10,
    );
    assert_eq!(rows[1].key, 11);
    assert!(!move_row(&mut rows, 10, -1));
    assert!(move_row(&mut rows, 10, 1));
    assert_eq!(rows[0].indicator.id, Some(2));
    assert!(!move_row(&mut rows, 10, 1));
    assert!(!move_row(&mut rows, 99, 1));
}

#[test]
fn validation_uses_the_sets_context() {
    let mut key_work = indicator(9, Level2::Quantity, 40.0);
    key_work.origin = IndicatorOrigin::KeyWork;
    let full = vec![
        indicator(1, Level2::ExecutionRate, 10.0),
        key_work,
        indicator(2, Level2::Quality, 10.0),
        indicator(3, Level2::Social, 40.0),
    ];
    let loaded = set(full.clone());
    assert_eq!(validate(&loaded, &full), []);
    let without: Vec<Indicator> = full.iter().filter(|i| i.id != Some(9)).cloned().collect();
    let codes: Vec<String> = validate(&loaded, &without)
        .into_iter()
        .map(|p| p.code)
        .collect();
    assert!(codes.contains(&"key_work_missing".to_owned()));
    let points = level1_points(&full, loaded.allocation);
    assert_eq!(points[0].level1, Level1::Output);
    assert_eq!((points[0].used, points[0].allotted), (50.0, 50));
    // No satisfaction indicator: its points go to effect.
    assert_eq!((points[1].used, points[1].allotted), (40.0, 40));
    assert_eq!(points[2].allotted, 0);
}

#[test]
fn library_templates_become_rows_without_target() {
    let entry = LibraryIndicator {
        id: 5,
        sector: Some(Sector::Education),
        level2: Level2::Social,
        name_zh: "入学率".into(),
        name_en: "Enrolment".into(),
        unit: "%".into(),
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Level,
        description: String::new(),
        data_source: "统计".into(),
        active: true,
        revision: 1,
    };
    let individual = from_library(&entry);
    assert_eq!(individual.origin, IndicatorOrigin::Individual);
    assert_eq!(
        (individual.library_id, individual.target, individual.points),
        (Some(5), None, 0.0)
    );
    let common = from_library(&LibraryIndicator {
        sector: None,
        ..entry
    });
    assert_eq!(common.origin, IndicatorOrigin::Common);
}

#[test]
fn only_the_own_department_edits_in_planning() {
    let head = me(vec![Capability::EditSets], "edu");
    let mut draft = set(Vec::new());
    assert!(can_edit(Some(&head), &draft));
    assert!(!can_edit(Some(&me(vec![], "EDU")), &draft));
    assert!(!can_edit(
        Some(&me(vec![Capability::EditSets], "HEALTH")),
        &draft
    ));
    assert!(!can_edit(None, &draft));
    draft.status = SetStatus::Submitted;
    assert!(!can_edit(Some(&head), &draft));
    draft.status = SetStatus::Published;
    assert!(can_edit(Some(&head), &draft));
    draft.phase = Phase::Execution;
    assert!(!can_edit(Some(&head), &draft));
}

#[test]
fn numbers_are_read_and_shown() {
    assert_eq!(parse_optional(" 12.5 "), Some(12.5));
    assert_eq!(parse_optional(""), None);
    assert_eq!(parse_optional("abc"), None);
    assert!(parse_points("").is_nan());
    assert_eq!(parse_points("30"), 30.0);
    assert_eq!(number_text(Some(30000.0)), "30000");
    assert_eq!(number_text(Some(0.95)), "0.95");
    assert_eq!(number_text(None), "");
}

#[test]
fn wire_values_are_shown_in_words() {
    assert_eq!(
        display_value("level2", "quantity", Locale::zh_CN),
        "数量指标"
    );
    assert_eq!(display_value("level2", "quantity", Locale::en), "Quantity");
    assert_eq!(
        display_value("direction", "lower_better", Locale::en),
        "Lower is better"
    );
    assert_eq!(
        display_value("direction", "lower_better", Locale::zh_CN),
        "越小越好"
    );
    assert_eq!(display_value("target", "12", Locale::en), "12");
    assert_eq!(display_value("unit_code", "", Locale::zh_CN), "—");
    assert_eq!(field_label("points", Locale::zh_CN), "分值");
    assert_eq!(field_label("points", Locale::en), "Points");
    assert_eq!(
        field_label("target_text", Locale::en),
        "What achieved means"
    );
    assert_eq!(field_label("whatever", Locale::zh_CN), "指标");
}

#[test]
fn names_fall_back_to_the_other_language() {
    assert_eq!(name_in(Locale::en, "入学率", "Enrolment"), "Enrolment");
    assert_eq!(name_in(Locale::zh_CN, "入学率", "Enrolment"), "入学率");
    assert_eq!(name_in(Locale::en, "入学率", " "), "入学率");
    assert_eq!(name_in(Locale::zh_CN, "", "Enrolment"), "Enrolment");
    assert_eq!(name_in(Locale::en, "", ""), "");
}

#[test]
fn problems_speak_the_chosen_language() {
    let problems = validate(&set(Vec::new()), &[blank_indicator()]);
    let target = problems
        .iter()
        .find(|p| p.field == "indicators[0].target")
        .expect("a target is required");
    assert_eq!(problem_text(target, Locale::en), "give a target");
    assert_eq!(problem_text(target, Locale::zh_CN), "请填写目标值");
}
