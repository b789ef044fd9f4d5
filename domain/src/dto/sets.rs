//! An indicator set as read by its department, finance, assessment — or, once published,
//! the public.

use super::auth::DepartmentRef;
use crate::framework::{Accumulation, Direction, IndicatorOrigin, Level2, SetStatus};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Indicator {
    pub id: i64,
    pub origin: IndicatorOrigin,
    pub level2: Level2,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub target: Option<f64>,
    pub target_text: Option<String>,
    pub baseline: Option<f64>,
    pub points: f64,
    pub data_source: String,
    /// The budget unit the indicator belongs to, if not the department as a whole.
    pub unit_code: Option<String>,
}

/// `GET /api/departments/{code}/sets/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorSet {
    pub id: i64,
    pub department: DepartmentRef,
    pub year: i32,
    pub status: SetStatus,
    pub version: i64,
    pub review_comment: Option<String>,
    pub indicators: Vec<Indicator>,
}

/// A department's sets by year, as far as the reader may see them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetSummary {
    pub year: i32,
    pub status: SetStatus,
}
