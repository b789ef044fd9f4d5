//! Fiscal years: their phase and rules, as finance manages them.

use super::YearRules;
use crate::framework::Phase;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FiscalYear {
    pub year: i32,
    pub phase: Phase,
    pub rules: YearRules,
    /// Edit counter for optimistic concurrency.
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearList {
    pub years: Vec<FiscalYear>,
}

/// `POST /api/years` (finance): opens a year in planning; rules default to DESIGN's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenYear {
    pub year: i32,
    #[serde(default)]
    pub rules: Option<YearRules>,
}

/// `PUT /api/years/{year}/rules` (finance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RulesUpdate {
    pub revision: i64,
    pub rules: YearRules,
}

/// `POST /api/years/{year}/phase` (finance): the next phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhaseChange {
    pub revision: i64,
    pub phase: Phase,
}
