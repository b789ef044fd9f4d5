//! The page's state: the starting point, what is typed (a signal per input), and the
//! engine's answer to it, recomputed in the browser on every change.

use jixiao_domain::dto::whatif::{
    ProvinceWhatIf, Scenario, ScenarioInput, ScenarioKind, ScenarioList, ScenarioSummary,
};
use jixiao_domain::whatif::province::ProvinceScenario;
use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{self, adjustment_texts, compute, Computed, Department, DepartmentForm};
use super::numbers::{parse_wan, wan_input};
use crate::api::{self, ApiError};
use crate::locale::current;

/// One department's row of the form: who, and its floor and cap as typed (万元).
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub department: Department,
    pub floor: RwSignal<String>,
    pub cap: RwSignal<String>,
}

/// The page's state: the starting point, what is typed, and the engine's answer to it.
#[derive(Clone, Copy)]
pub(super) struct Page {
    pub year: i32,
    pub start: StoredValue<ProvinceWhatIf>,
    pub pool: RwSignal<String>,
    /// In the order of [`model::GRADES`].
    pub adjustments: [RwSignal<String>; 4],
    pub rows: RwSignal<Vec<Row>>,
    pub computed: Memo<Computed>,
    /// The pool as parsed (fen), when it is a number.
    pub pool_fen: Memo<Option<i64>>,
    /// The saved scenario the form was opened from (and saves to).
    pub open: RwSignal<Option<ScenarioSummary>>,
    /// The id of the saved scenario whose content is in the form.
    pub loaded: RwSignal<Option<i64>>,
    /// The scenario's name as typed.
    pub name: RwSignal<String>,
    /// The year's saved province scenarios.
    pub list: LocalResource<Result<ScenarioList, ApiError>>,
    /// The two sides of the comparison (`""`, `"current"` or a scenario id).
    pub compare: [RwSignal<String>; 2],
    owner: StoredValue<Owner>,
}

impl Page {
    pub fn new(start: ProvinceWhatIf) -> Self {
        let pool = RwSignal::new(wan_input(start.pool));
        let texts = adjustment_texts(start.adjustments);
        let adjustments = texts.map(RwSignal::new);
        let rows = RwSignal::new(Vec::<Row>::new());
        let computed = Memo::new(move |_| compute(&form(pool, adjustments, rows)));
        let pool_fen = Memo::new(move |_| pool.with(|p| parse_wan(p).ok()));
        let year = start.year;
        let list = LocalResource::new(move || {
            api::whatif::scenarios(Some(ScenarioKind::Province), None, Some(year))
        });
        let page = Self {
            year,
            start: StoredValue::new(start),
            pool,
            adjustments,
            rows,
            computed,
            pool_fen,
            open: RwSignal::new(None),
            loaded: RwSignal::new(None),
            name: RwSignal::new(String::new()),
            list,
            compare: [
                RwSignal::new("current".to_owned()),
                RwSignal::new(String::new()),
            ],
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        page.reset();
        page
    }

    /// Rows for `departments` with their floors and caps (fen). The signals belong to the
    /// page, not to whatever event or effect asks for them.
    fn make_rows(&self, departments: Vec<(Department, Option<i64>, Option<i64>)>) -> Vec<Row> {
        let owner = self.owner.get_value();
        owner.with(|| {
            departments
                .into_iter()
                .map(|(department, floor, cap)| Row {
                    department,
                    floor: RwSignal::new(floor.map(wan_input).unwrap_or_default()),
                    cap: RwSignal::new(cap.map(wan_input).unwrap_or_default()),
                })
                .collect()
        })
    }

    /// Back to the starting point: the pool that needs no scaling, the year's rules, no bounds.
    pub fn reset(&self) {
        let start = self.start.get_value();
        let departments = model::from_start(&start.departments)
            .into_iter()
            .map(|d| (d, None, None))
            .collect();
        self.rows.set(self.make_rows(departments));
        self.pool.set(wan_input(start.pool));
        self.reset_adjustments();
    }

    pub fn reset_adjustments(&self) {
        let texts = adjustment_texts(self.start.with_value(|s| s.adjustments));
        for (signal, text) in self.adjustments.iter().zip(texts) {
            signal.set(text);
        }
    }

    /// The form as a saved scenario has it (its bases and grades, as saved).
    pub fn load(&self, scenario: &ProvinceScenario) {
        let departments = self
            .start
            .with_value(|s| model::from_saved(&scenario.departments, &s.departments));
        let rows = departments
            .into_iter()
            .zip(&scenario.departments)
            .map(|(d, saved)| (d, saved.floor, saved.cap))
            .collect();
        self.rows.set(self.make_rows(rows));
        self.pool.set(wan_input(scenario.pool));
        let texts = adjustment_texts(scenario.adjustments);
        for (signal, text) in self.adjustments.iter().zip(texts) {
            signal.set(text);
        }
    }

    /// Opens a saved scenario in the form.
    pub fn open_saved(&self, saved: &Scenario) {
        if let ScenarioInput::Province { scenario } = &saved.input {
            self.load(scenario);
        }
        self.loaded.set(Some(saved.summary.id));
        self.name.set(saved.summary.name.clone());
        self.open.set(Some(saved.summary.clone()));
    }

    /// Takes today's bases and grades where a saved scenario has others (bounds stay).
    pub fn use_today(&self) {
        let rows = self.rows.get_untracked();
        let start = self.start.get_value();
        let departments = rows
            .into_iter()
            .map(|row| {
                let mut department = row.department.clone();
                if let Some(now) = start
                    .departments
                    .iter()
                    .find(|r| model::names(&department.id, &r.department))
                {
                    department.base = now.base;
                    department.grade = now.grade;
                    department.provisional = now.provisional;
                    department.today = None;
                }
                let floor = parse_wan(&row.floor.get_untracked()).ok();
                let cap = parse_wan(&row.cap.get_untracked()).ok();
                (department, floor, cap)
            })
            .collect();
        self.rows.set(self.make_rows(departments));
    }

    /// The first problem at `field`.
    pub fn problem(&self, field: String) -> Signal<Option<FieldError>> {
        let computed = self.computed;
        Signal::derive(move || {
            computed.with(|c| c.problems.iter().find(|p| p.field == field).cloned())
        })
    }
}

/// Everything typed, read reactively.
fn form(
    pool: RwSignal<String>,
    adjustments: [RwSignal<String>; 4],
    rows: RwSignal<Vec<Row>>,
) -> model::Form {
    model::Form {
        pool: pool.get(),
        adjustments: adjustments.map(|a| a.get()),
        departments: rows.with(|rows| {
            rows.iter()
                .map(|r| DepartmentForm {
                    id: r.department.id.clone(),
                    base: r.department.base,
                    grade: r.department.grade,
                    floor: r.floor.get(),
                    cap: r.cap.get(),
                })
                .collect()
        }),
    }
}

/// The message of a problem in the reader's language (it follows the switcher).
pub(super) fn problem_text(problem: &FieldError) -> impl IntoView {
    let problem = problem.clone();
    move || model::message(&problem, current())
}

/// Problems that no field of the page shows.
pub(super) fn unplaced(problem: &FieldError, rows: usize) -> bool {
    let placed = problem.field == "pool"
        || problem.field.starts_with("adjustments.")
        || (0..rows).any(|i| {
            problem.field == format!("departments[{i}].floor")
                || problem.field == format!("departments[{i}].cap")
        });
    !placed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_without_a_field_are_announced() {
        let at = |field: &str| FieldError::new("x", field, "m");
        assert!(!unplaced(&at("pool"), 2));
        assert!(!unplaced(&at("adjustments.good"), 2));
        assert!(!unplaced(&at("departments[1].cap"), 2));
        assert!(unplaced(&at("departments[1].base"), 2));
        assert!(unplaced(&at("departments"), 2));
    }
}
