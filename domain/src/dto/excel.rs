//! Excel imports: what a workbook would save (preview) and what it saved (import).

use super::budget::{Budget, BudgetUpdate};
use super::monitoring::{DepartmentMonitor, MonthEntry};
use super::sets::{IndicatorSet, SetUpdate};
use serde::{Deserialize, Serialize};

wire_enum! {
    /// What a workbook holds.
    pub enum ExcelKind {
        Set = "set", "绩效指标", "Indicator set";
        Budget = "budget", "部门预算", "Budget lines";
        Monitoring = "monitoring", "月度监控", "Monthly monitoring";
    }
}

/// `POST …/excel/{kind}/{year}/preview`: the data the workbook would save, exactly as the
/// JSON write would take it (after every check the write makes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExcelPreview {
    /// `PUT /api/sets/{set_id}` with this body.
    Set { set_id: i64, update: SetUpdate },
    /// `PUT …/budget/{year}` with this body.
    Budget { update: BudgetUpdate },
    /// `PUT …/monitoring/{year}/{month}` with this body.
    Monitoring { month: u8, entry: MonthEntry },
}

/// `POST …/excel/{kind}/{year}/import`: the resource as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExcelImported {
    Set { set: IndicatorSet },
    Budget { budget: Budget },
    Monitoring { monitor: DepartmentMonitor },
}
