//! Types that travel between server and browser as JSON. Both sides compile this one
//! definition, so a field renamed here is renamed everywhere.

use crate::framework::Sector;
use crate::scoring::Grade;
use serde::{Deserialize, Serialize};

pub mod audit;
pub mod auth;
pub mod budget;
pub mod compute;
pub mod evaluation;
pub mod excel;
pub mod library;
pub mod monitoring;
pub mod public;
pub mod sets;
pub mod whatif;
pub mod years;

/// `GET /api/health`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    pub status: String,
}

/// Every 4xx/5xx body: `{"error":{"code","message","field"?}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetail {
    pub code: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Every problem, when there are several (a set's validation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<crate::FieldError>,
    /// The resource as it is now, with a 409 for a stale write.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<serde_json::Value>,
}

/// A budget unit (预算单位) under a department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Unit {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

/// A department's published result for one year: all the public may see of an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedResult {
    pub year: i32,
    pub total: f64,
    pub grade: Grade,
}

/// `GET /api/departments` item and `GET /api/departments/{code}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Department {
    pub id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub sector: Sector,
    pub units: Vec<Unit>,
    /// The most recent published result, if any.
    pub latest_result: Option<PublishedResult>,
    /// The years with an indicator set this reader may open.
    #[serde(default)]
    pub sets: Vec<sets::SetSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentList {
    pub departments: Vec<Department>,
}

/// A fiscal year's rules, set by finance when opening the year.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearRules {
    pub points_allocation: crate::framework::PointsAllocation,
    pub lamp_thresholds: crate::lamps::LampThresholds,
    pub result_rules: crate::results::ResultRules,
}

impl YearRules {
    /// Every part parsed; the first problem found is returned with its field path.
    pub fn parse(self) -> Result<Self, crate::FieldError> {
        Ok(Self {
            points_allocation: self
                .points_allocation
                .parse()
                .map_err(|e| e.within("rules"))?,
            lamp_thresholds: self
                .lamp_thresholds
                .parse()
                .map_err(|e| e.within("rules.lamp_thresholds"))?,
            result_rules: self
                .result_rules
                .parse()
                .map_err(|e| e.within("rules.result_rules"))?,
        })
    }
}
