//! The pure side of the province what-if: the departments as shown (a saved scenario's
//! against today's), the engine's input built from the form's text (every problem named by
//! the engine's own field path), Σ raw, and the rows of a side-by-side comparison.

use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::whatif::ProvinceRow;
use jixiao_domain::money::apply_basis_points;
use jixiao_domain::scoring::Grade;
use jixiao_domain::whatif::province::{
    allocate, Adjustments, DepartmentId, ProvinceDepartment, ProvinceOutcome, ProvinceScenario,
};
use jixiao_domain::FieldError;

use super::numbers::{parse_percent, parse_wan, percent_input, NumberError};
use crate::locale::Locale;

/// Grades best first: the order of the adjustment inputs.
pub const GRADES: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];

/// The adjustment of `grade` in `adjustments`, as typed text.
pub fn adjustment_texts(adjustments: Adjustments) -> [String; 4] {
    GRADES.map(|g| percent_input(adjustments.of(g)))
}

/// The field path the engine uses for a grade's adjustment.
pub fn adjustment_field(grade: Grade) -> String {
    format!("adjustments.{}", grade.as_str())
}

/// A department as the page shows it: who (if known), its base and grade in the scenario,
/// and how today's starting point differs.
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    pub id: DepartmentId,
    pub code: String,
    pub label: Option<DepartmentRef>,
    pub base: i64,
    pub grade: Grade,
    /// Today's grade is not final yet.
    pub provisional: bool,
    /// Today's base and grade, when the (saved) scenario has others.
    pub today: Option<(i64, Grade)>,
}

/// A department's identifier as the scenario carries it: its code.
pub fn id_of(department: &DepartmentRef) -> DepartmentId {
    DepartmentId::Code(department.code.clone())
}

/// Whether `id` names `department` (by code, or by its number).
pub fn names(id: &DepartmentId, department: &DepartmentRef) -> bool {
    match id {
        DepartmentId::Code(code) => *code == department.code,
        DepartmentId::Number(n) => *n == department.id,
    }
}

/// `EDU` for a code, `#12` for a number.
pub fn id_text(id: &DepartmentId) -> String {
    match id {
        DepartmentId::Code(code) => code.clone(),
        DepartmentId::Number(n) => format!("#{n}"),
    }
}

/// The departments of the starting point, as they are today.
pub fn from_start(rows: &[ProvinceRow]) -> Vec<Department> {
    rows.iter()
        .map(|r| Department {
            id: id_of(&r.department),
            code: r.department.code.clone(),
            label: Some(r.department.clone()),
            base: r.base,
            grade: r.grade,
            provisional: r.provisional,
            today: None,
        })
        .collect()
}

/// The departments of a saved scenario, with names and today's differences from `start`.
pub fn from_saved(saved: &[ProvinceDepartment], start: &[ProvinceRow]) -> Vec<Department> {
    saved
        .iter()
        .map(|d| {
            let now = start.iter().find(|r| names(&d.id, &r.department));
            Department {
                id: d.id.clone(),
                code: now.map_or_else(|| id_text(&d.id), |r| r.department.code.clone()),
                label: now.map(|r| r.department.clone()),
                base: d.base,
                grade: d.grade,
                // Today's grade is provisional, and it is the one the scenario has.
                provisional: now.is_some_and(|r| r.provisional && r.grade == d.grade),
                today: now
                    .filter(|r| r.base != d.base || r.grade != d.grade)
                    .map(|r| (r.base, r.grade)),
            }
        })
        .collect()
}

/// One department's row of the form.
#[derive(Debug, Clone, PartialEq)]
pub struct DepartmentForm {
    pub id: DepartmentId,
    pub base: i64,
    pub grade: Grade,
    /// 万元 as typed; empty = none.
    pub floor: String,
    pub cap: String,
}

/// Everything typed, as text.
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub pool: String,
    /// In the order of [`GRADES`].
    pub adjustments: [String; 4],
    pub departments: Vec<DepartmentForm>,
}

/// The code of a text that is not a number.
const NOT_A_NUMBER: &str = "not_a_number";

/// A text that is not a number, at its field, told in both languages like the engine's own
/// problems (the page shows the one the reader chose).
fn not_a_number(field: impl Into<String>, error: NumberError) -> FieldError {
    FieldError::bilingual(
        NOT_A_NUMBER,
        field,
        error.message(Locale::en),
        error.message(Locale::zh_CN),
    )
}

/// The form as the engine's input, or every text that is not a number, each at its field.
pub fn build(form: &Form) -> Result<ProvinceScenario, Vec<FieldError>> {
    let mut problems = Vec::new();
    let pool = parse_wan(&form.pool).unwrap_or_else(|e| {
        problems.push(not_a_number("pool", e));
        0
    });
    let mut fractions = [0.0; 4];
    for (i, grade) in GRADES.iter().enumerate() {
        match parse_percent(&form.adjustments[i]) {
            Ok(f) => fractions[i] = f,
            Err(e) => problems.push(not_a_number(adjustment_field(*grade), e)),
        }
    }
    let mut bound = |text: &str, field: String| {
        if text.trim().is_empty() {
            return None;
        }
        parse_wan(text)
            .map_err(|e| problems.push(not_a_number(field, e)))
            .ok()
    };
    let departments = form
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| ProvinceDepartment {
            id: d.id.clone(),
            base: d.base,
            grade: d.grade,
            floor: bound(&d.floor, format!("departments[{i}].floor")),
            cap: bound(&d.cap, format!("departments[{i}].cap")),
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    let [excellent, good, fair, poor] = fractions;
    Ok(ProvinceScenario {
        pool,
        adjustments: Adjustments {
            excellent,
            good,
            fair,
            poor,
        },
        departments,
    })
}

/// What the page shows for the form: the input and outcome, or the problems.
#[derive(Debug, Clone, PartialEq)]
pub struct Computed {
    pub scenario: Option<ProvinceScenario>,
    pub outcome: Option<ProvinceOutcome>,
    pub problems: Vec<FieldError>,
}

/// Parses the form and runs the engine.
pub fn compute(form: &Form) -> Computed {
    match build(form) {
        Err(problems) => Computed {
            scenario: None,
            outcome: None,
            problems,
        },
        Ok(scenario) => match allocate(&scenario) {
            Ok(outcome) => Computed {
                scenario: Some(scenario),
                outcome: Some(outcome),
                problems: Vec::new(),
            },
            Err(problem) => Computed {
                scenario: Some(scenario),
                outcome: None,
                problems: vec![problem],
            },
        },
    }
}

/// Σ raw under `adjustments` (typed): the pool that needs no scaling.
pub fn raw_sum(form: &Form) -> Option<i64> {
    let mut fractions = [0.0; 4];
    for (i, text) in form.adjustments.iter().enumerate() {
        fractions[i] = parse_percent(text).ok()?;
    }
    let [excellent, good, fair, poor] = fractions;
    let adjustments = Adjustments {
        excellent,
        good,
        fair,
        poor,
    };
    form.departments.iter().try_fold(0_i64, |sum, d| {
        sum.checked_add(jixiao_domain::whatif::province::raw_allocation(
            d.base,
            adjustments.of(d.grade),
        ))
    })
}

/// The pool moved by `bp` basis points (−200 = −2 %), rounded to the fen.
pub fn nudge_pool(pool_fen: i64, bp: i32) -> i64 {
    apply_basis_points(pool_fen, bp).max(0)
}

/// A problem's message in `locale`: the engine and the form's own checks give both.
pub fn message(problem: &FieldError, locale: Locale) -> String {
    problem.message_in(locale == Locale::zh_CN).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn department(code: &str, base: i64, grade: Grade) -> DepartmentForm {
        DepartmentForm {
            id: DepartmentId::Code(code.to_owned()),
            base,
            grade,
            floor: String::new(),
            cap: String::new(),
        }
    }

    fn form(pool: &str, departments: Vec<DepartmentForm>) -> Form {
        Form {
            pool: pool.to_owned(),
            adjustments: adjustment_texts(Adjustments::default()),
            departments,
        }
    }

    #[test]
    fn the_form_builds_the_engine_input() {
        let mut f = form(
            "2",
            vec![
                department("A", 1_000_000, Grade::Excellent),
                department("B", 1_000_000, Grade::Poor),
            ],
        );
        f.departments[1].floor = "0.9".into();
        let scenario = build(&f).unwrap();
        assert_eq!(scenario.pool, 2_000_000);
        assert_eq!(scenario.adjustments, Adjustments::default());
        assert_eq!(scenario.departments[0].floor, None);
        assert_eq!(scenario.departments[1].floor, Some(900_000));
        assert_eq!(scenario.departments[1].cap, None);
        let computed = compute(&f);
        let outcome = computed.outcome.unwrap();
        assert_eq!(outcome.total, 2_000_000);
        assert_eq!(outcome.departments[1].final_fen, 900_000);
    }

    #[test]
    fn every_bad_text_is_named_at_its_field() {
        let mut f = form("x", vec![department("A", 100, Grade::Good)]);
        f.adjustments[2] = "ten".into();
        f.departments[0].cap = "-1".into();
        let fields: Vec<String> = build(&f)
            .unwrap_err()
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["pool", "adjustments.fair", "departments[0].cap"]);
        let problems = build(&f).unwrap_err();
        assert_eq!(
            message(&problems[2], Locale::en),
            "Enter a non-negative amount in 10,000 yuan, e.g. 1234.5"
        );
        assert_eq!(
            message(&problems[1], Locale::zh_CN),
            "须为百分比，例如 5 或 -10"
        );
    }

    #[test]
    fn the_engine_refusal_is_kept() {
        let mut f = form("1", vec![department("A", 100, Grade::Good)]);
        f.departments[0].floor = "2".into();
        let computed = compute(&f);
        assert!(computed.outcome.is_none());
        assert_eq!(computed.problems[0].code, "floors_exceed_pool");
        assert_eq!(computed.problems[0].field, "pool");
        assert_eq!(
            message(&computed.problems[0], Locale::zh_CN),
            "各部门下限合计超过资金池"
        );
        assert_eq!(
            message(&computed.problems[0], Locale::en),
            "the floors add up to more than the pool"
        );
    }

    #[test]
    fn raw_sum_is_the_unscaled_pool() {
        let f = form(
            "",
            vec![
                department("A", 1_000_000, Grade::Excellent),
                department("B", 1_000_000, Grade::Fair),
            ],
        );
        assert_eq!(raw_sum(&f), Some(1_050_000 + 900_000));
        assert_eq!(nudge_pool(1_000_000, -200), 980_000);
        assert_eq!(nudge_pool(1_000_000, 200), 1_020_000);
        assert_eq!(nudge_pool(0, -200), 0);
    }

    #[test]
    fn saved_scenarios_keep_their_bases_and_say_what_changed() {
        let dept = |id, code: &str| DepartmentRef {
            id,
            code: code.to_owned(),
            name_zh: format!("{code}部门"),
            name_en: format!("{code} dept"),
        };
        let start = vec![
            ProvinceRow {
                department: dept(1, "A"),
                base: 100,
                grade: Grade::Good,
                provisional: true,
            },
            ProvinceRow {
                department: dept(2, "B"),
                base: 200,
                grade: Grade::Fair,
                provisional: false,
            },
        ];
        let saved = vec![
            ProvinceDepartment {
                id: DepartmentId::Code("A".into()),
                base: 100,
                grade: Grade::Excellent,
                floor: None,
                cap: Some(5),
            },
            ProvinceDepartment {
                id: DepartmentId::Number(2),
                base: 200,
                grade: Grade::Fair,
                floor: None,
                cap: None,
            },
            ProvinceDepartment {
                id: DepartmentId::Code("GONE".into()),
                base: 1,
                grade: Grade::Good,
                floor: None,
                cap: None,
            },
        ];
        let rows = from_saved(&saved, &start);
        assert_eq!(rows[0].grade, Grade::Excellent);
        assert_eq!(rows[0].today, Some((100, Grade::Good)));
        assert!(!rows[0].provisional);
        assert_eq!(rows[1].code, "B");
        assert_eq!(rows[1].today, None);
        assert_eq!(rows[2].label, None);
        assert_eq!(rows[2].code, "GONE");
        assert_eq!(from_start(&start)[1].id, DepartmentId::Code("B".into()));
    }
}
