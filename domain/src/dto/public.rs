//! What the public may see (DESIGN §1): a year's results once finance has published them —
//! nothing else. The portal and the open data are built from these.

use super::auth::DepartmentRef;
use super::evaluation::{GradeDistribution, ResultApplication};
use crate::evaluation::Figures;
use crate::framework::{Accumulation, BudgetKind, Direction, Level2, Sector};
use crate::scoring::Grade;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedYear {
    pub year: i32,
    pub published_at: String,
}

/// `GET /api/public/years`, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishedYears {
    pub years: Vec<PublishedYear>,
}

/// One department on the province overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicStanding {
    pub department: DepartmentRef,
    pub sector: Sector,
    pub rank: u32,
    pub total: f64,
    pub grade: Grade,
    /// All lines' adjusted budget and spending at year end, fen.
    pub budget_fen: i64,
    pub spent_fen: i64,
    pub result: ResultApplication,
}

/// `GET /api/public/years/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicOverview {
    pub year: i32,
    pub published_at: String,
    pub budget_fen: i64,
    pub spent_fen: i64,
    pub distribution: GradeDistribution,
    /// Σ next year's project budgets − Σ this year's: the adjustments applied.
    pub project_base_fen: i64,
    pub next_year_fen: i64,
    pub departments: Vec<PublicStanding>,
}

/// One indicator as published: its target, the actual that counted, points and score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicIndicator {
    pub name_zh: String,
    pub name_en: String,
    pub level2: Level2,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub target: Option<f64>,
    pub target_text: Option<String>,
    pub baseline: Option<f64>,
    /// The figures that counted (finance's where it overrode the department's).
    pub figures: Figures,
    pub points: f64,
    pub score: f64,
    pub key_work: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicLine {
    pub code: String,
    pub kind: BudgetKind,
    pub name_zh: String,
    pub name_en: String,
    /// Approved, adjusted and executed (spent at year end), fen.
    pub amount_fen: i64,
    pub adjusted_fen: i64,
    pub spent_fen: i64,
}

/// `GET /api/public/years/{year}/departments/{code}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicDepartment {
    pub department: DepartmentRef,
    pub sector: Sector,
    pub year: i32,
    pub published_at: String,
    pub rank: u32,
    pub of: u32,
    pub total: f64,
    pub grade: Grade,
    pub indicators: Vec<PublicIndicator>,
    pub lines: Vec<PublicLine>,
    pub result: ResultApplication,
}
