//! An indicator set as read by its department, finance, assessment — or, once published,
//! the public.

use super::auth::DepartmentRef;
use crate::framework::{
    Accumulation, Direction, IndicatorOrigin, Level2, Phase, PointsAllocation, SetStatus,
};
use crate::validation::ProjectLine;
use serde::{Deserialize, Serialize};

/// An indicator of a set, as stored and as edited: `id` is absent for one not saved yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorDraft {
    #[serde(default)]
    pub id: Option<i64>,
    /// The library template it was taken from.
    #[serde(default)]
    pub library_id: Option<i64>,
    pub origin: IndicatorOrigin,
    pub level2: Level2,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub target_text: Option<String>,
    #[serde(default)]
    pub baseline: Option<f64>,
    pub points: f64,
    #[serde(default)]
    pub data_source: String,
    /// What-if elasticity; `None`: the level-2 default.
    #[serde(default)]
    pub elasticity: Option<f64>,
    /// The budget unit the indicator belongs to, if not the department as a whole.
    #[serde(default)]
    pub unit_code: Option<String>,
}

/// The same type serves reading and editing.
pub type Indicator = IndicatorDraft;

/// `GET /api/departments/{code}/sets/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorSet {
    pub id: i64,
    pub department: DepartmentRef,
    pub year: i32,
    /// The year's phase: targets are edited only while it is `planning`.
    pub phase: Phase,
    pub status: SetStatus,
    /// Review version: changing an approved set starts the next one.
    pub version: i64,
    /// Edit counter for optimistic concurrency: send it back with every change.
    pub revision: i64,
    pub review_comment: Option<String>,
    pub indicators: Vec<Indicator>,
    /// The year's points allocation and the department's project lines, which the set is
    /// validated against (the app validates as the user types, with the same code).
    pub allocation: PointsAllocation,
    pub project_lines: Vec<ProjectLine>,
}

/// `PUT /api/sets/{id}`: the whole list of indicators, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetUpdate {
    pub revision: i64,
    pub indicators: Vec<Indicator>,
}

/// `POST /api/sets/{id}/{submit|return|approve|publish}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Transition {
    pub revision: i64,
    /// Required when returning a set.
    #[serde(default)]
    pub comment: Option<String>,
}

/// `POST /api/departments/{code}/sets/{year}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewSet {
    /// Copy last year's indicators, with last year's actual as the new baseline.
    #[serde(default)]
    pub from_last_year: bool,
}

/// One step of a set's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetVersion {
    pub id: i64,
    pub version: i64,
    pub status: SetStatus,
    pub comment: Option<String>,
    pub by: Option<String>,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetHistory {
    pub versions: Vec<SetVersion>,
}

/// The indicators as they were at one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionSnapshot {
    pub version: SetVersion,
    pub indicators: Vec<Indicator>,
}

/// A department's sets by year, as far as the reader may see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetSummary {
    pub year: i32,
    pub status: SetStatus,
}
