//! A department's budget for a year: basic (personnel, public operations) and project
//! lines in integer fen, each project line linked to the indicators it pays for.

use super::auth::DepartmentRef;
use crate::framework::{BudgetKind, Level2, Phase};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetLine {
    /// Absent for a line not saved yet.
    #[serde(default)]
    pub id: Option<i64>,
    pub code: String,
    pub kind: BudgetKind,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    /// The budget unit that spends it, if not the department itself.
    #[serde(default)]
    pub unit_code: Option<String>,
    /// As compiled (approved), in fen.
    pub amount_fen: i64,
    /// After in-year adjustments, in fen; the base of execution and lamps.
    pub adjusted_fen: i64,
    #[serde(default)]
    pub funding_source: String,
    /// The indicators (by id) the line pays for.
    #[serde(default)]
    pub indicator_ids: Vec<i64>,
    /// Set by finance; read-only here.
    #[serde(default)]
    pub suspended: bool,
    #[serde(default)]
    pub suspended_reason: Option<String>,
}

/// An indicator a line can pay for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorRef {
    pub id: i64,
    pub name_zh: String,
    pub name_en: String,
    pub level2: Level2,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindTotal {
    pub amount_fen: i64,
    pub adjusted_fen: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetTotals {
    pub personnel: KindTotal,
    pub operations: KindTotal,
    pub project: KindTotal,
    pub total: KindTotal,
}

impl BudgetTotals {
    pub fn of(lines: &[BudgetLine]) -> Self {
        let mut totals = Self::default();
        for line in lines {
            let kind = match line.kind {
                BudgetKind::Personnel => &mut totals.personnel,
                BudgetKind::Operations => &mut totals.operations,
                BudgetKind::Project => &mut totals.project,
            };
            for slot in [kind, &mut totals.total] {
                slot.amount_fen = slot.amount_fen.saturating_add(line.amount_fen);
                slot.adjusted_fen = slot.adjusted_fen.saturating_add(line.adjusted_fen);
            }
        }
        totals
    }
}

/// `GET /api/departments/{code}/budget/{year}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Budget {
    pub department: DepartmentRef,
    pub year: i32,
    pub phase: Phase,
    pub revision: i64,
    pub lines: Vec<BudgetLine>,
    pub totals: BudgetTotals,
    /// The year's indicators the lines can pay for.
    pub indicators: Vec<IndicatorRef>,
}

/// `PUT /api/departments/{code}/budget/{year}`: every line, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BudgetUpdate {
    pub revision: i64,
    pub lines: Vec<BudgetLine>,
}
