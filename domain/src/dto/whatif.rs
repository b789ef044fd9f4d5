//! What-if over the wire: the data a department or province what-if starts from, and saved
//! scenarios (the server runs the same engine to check them and to show their outcome).

use super::auth::DepartmentRef;
use crate::framework::{Accumulation, BudgetKind, Direction, Level2, Phase};
use crate::results::ResultRules;
use crate::scoring::Grade;
use crate::whatif::department::{Baseline, Changes, Projection};
use crate::whatif::province::{Adjustments, ProvinceOutcome, ProvinceScenario};
use serde::{Deserialize, Serialize};

/// What the page shows of an indicator (the engine needs only [`Baseline`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorLabel {
    pub id: i64,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub level2: Level2,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineLabel {
    pub id: i64,
    pub code: String,
    pub kind: BudgetKind,
    pub name_zh: String,
    pub name_en: String,
}

/// `GET /api/departments/{code}/whatif/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentWhatIf {
    pub department: DepartmentRef,
    pub year: i32,
    pub phase: Phase,
    pub baseline: Baseline,
    pub indicators: Vec<IndicatorLabel>,
    pub lines: Vec<LineLabel>,
}

/// One department in the province what-if's starting point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceRow {
    pub department: DepartmentRef,
    /// The evaluated year's adjusted project budget, fen.
    pub base: i64,
    pub grade: Grade,
    /// True while the grade is not final (computed so far, or assumed Good before any).
    pub provisional: bool,
}

/// `GET /api/whatif/province/{year}`: the grades of `year` and its project budgets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceWhatIf {
    pub year: i32,
    pub rules: ResultRules,
    pub adjustments: Adjustments,
    /// Σ raw: the pool that needs no scaling.
    pub pool: i64,
    pub departments: Vec<ProvinceRow>,
}

wire_enum! {
    pub enum ScenarioKind {
        Department = "department", "部门情景", "Department scenario";
        Province = "province", "全省情景", "Province scenario";
    }
}

/// What a scenario holds: a department's changes, or a whole province scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ScenarioInput {
    Department {
        /// Department code.
        department: String,
        changes: Changes,
    },
    Province {
        scenario: ProvinceScenario,
    },
}

/// `POST /api/scenarios`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewScenario {
    pub year: i32,
    pub name: String,
    pub input: ScenarioInput,
}

/// `PUT /api/scenarios/{id}`: rename and/or change, at a revision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioUpdate {
    pub revision: i64,
    pub name: String,
    pub input: ScenarioInput,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioSummary {
    pub id: i64,
    pub kind: ScenarioKind,
    pub department: Option<DepartmentRef>,
    pub year: i32,
    pub name: String,
    pub created_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub revision: i64,
}

/// `GET /api/scenarios/{id}`: the scenario and the server's own computation of it from the
/// data as it stands now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Scenario {
    pub summary: ScenarioSummary,
    pub input: ScenarioInput,
    /// Department scenarios: the outcome now and under the scenario.
    pub now: Option<Projection>,
    pub projection: Option<Projection>,
    /// Province scenarios.
    pub allocation: Option<ProvinceOutcome>,
}

/// `GET /api/scenarios`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScenarioList {
    pub scenarios: Vec<ScenarioSummary>,
}
