//! In-year "double monitoring" as read by a department, finance and assessment: spending
//! per budget line and each indicator's value to date, with their lamps at a month.

use super::auth::DepartmentRef;
use crate::framework::{Accumulation, BudgetKind, Direction, Level2};
use crate::lamps::Lamp;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineMonitor {
    pub id: i64,
    pub code: String,
    pub kind: BudgetKind,
    pub name_zh: String,
    pub name_en: String,
    /// Money in fen.
    pub amount_fen: i64,
    pub adjusted_fen: i64,
    /// Cumulative spending reported for the month (or the latest month before it).
    pub spent_to_date_fen: Option<i64>,
    /// (spent / adjusted) / time progress.
    pub ratio: Option<f64>,
    pub lamp: Lamp,
    pub cause: Option<String>,
    pub measure: Option<String>,
    pub suspended: bool,
    pub suspended_reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorMonitor {
    pub id: i64,
    pub level2: Level2,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub target: Option<f64>,
    /// What the target asks for by this month: t·m/12 for cumulative, t for levels.
    pub expected_to_date: Option<f64>,
    pub value_to_date: Option<f64>,
    pub ratio: Option<f64>,
    pub lamp: Lamp,
    pub cause: Option<String>,
    pub measure: Option<String>,
}

/// `GET /api/departments/{code}/monitoring/{year}?month=`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentMonitor {
    pub department: DepartmentRef,
    pub year: i32,
    pub month: u8,
    /// The latest month with any figures.
    pub latest_month: Option<u8>,
    pub lines: Vec<LineMonitor>,
    pub indicators: Vec<IndicatorMonitor>,
    /// Whole-budget execution lamp: all lines' spending against all lines' budget.
    pub spending_lamp: Lamp,
    pub department_lamp: Lamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampCounts {
    pub red: usize,
    pub yellow: usize,
    pub green: usize,
    pub blue: usize,
    pub none: usize,
}

impl LampCounts {
    pub fn of(lamps: impl IntoIterator<Item = Lamp>) -> Self {
        let mut counts = Self {
            red: 0,
            yellow: 0,
            green: 0,
            blue: 0,
            none: 0,
        };
        for lamp in lamps {
            match lamp {
                Lamp::Red => counts.red += 1,
                Lamp::Yellow => counts.yellow += 1,
                Lamp::Green => counts.green += 1,
                Lamp::Blue => counts.blue += 1,
                Lamp::None => counts.none += 1,
            }
        }
        counts
    }
}

/// One department on the province dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DepartmentLamps {
    pub department: DepartmentRef,
    pub spending_lamp: Lamp,
    pub spending_ratio: Option<f64>,
    pub department_lamp: Lamp,
    pub lamps: LampCounts,
    /// Lamps that are red this month but were not the month before.
    pub new_red: Vec<LampName>,
}

/// What a lamp belongs to (a budget line or an indicator), in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampName {
    pub name_zh: String,
    pub name_en: String,
}

/// `GET /api/monitoring/{year}?month=` (finance, assessment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceMonitor {
    pub year: i32,
    pub month: u8,
    pub departments: Vec<DepartmentLamps>,
    pub totals: LampCounts,
}

/// One line's cumulative spending for the month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpendingFigure {
    pub budget_line_id: i64,
    pub spent_to_date_fen: i64,
    /// Required when spending exceeds the adjusted budget, or falls below the month before
    /// (a correction).
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub cause: Option<String>,
    #[serde(default)]
    pub measure: Option<String>,
}

/// One indicator's value to date for the month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ValueFigure {
    pub indicator_id: i64,
    pub value_to_date: f64,
    /// Required when a cumulative value falls below the month before (a correction).
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub cause: Option<String>,
    #[serde(default)]
    pub measure: Option<String>,
}

/// `PUT /api/departments/{code}/monitoring/{year}/{month}`: the month's figures (any subset
/// of the lines and indicators; those left out keep what they had).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthEntry {
    #[serde(default)]
    pub spending: Vec<SpendingFigure>,
    #[serde(default)]
    pub values: Vec<ValueFigure>,
}

/// `POST /api/budget-lines/{id}/suspension` (finance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Suspension {
    pub suspended: bool,
    pub reason: String,
}

/// Cost per unit of output: what a line spent per unit of an output-quantity indicator it
/// pays for, so far this year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitCost {
    pub budget_line_id: i64,
    pub indicator_id: i64,
    /// Fen per unit of the indicator.
    pub fen_per_unit: f64,
}

/// One indicator's values month by month (index 0 = January), for its chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorSeries {
    pub indicator_id: i64,
    pub values: Vec<Option<f64>>,
}

/// `GET /api/departments/{code}/monitoring/{year}/series`: the year month by month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonitoringSeries {
    pub year: i32,
    /// Cumulative execution rate of the whole budget per month (spent / adjusted), index
    /// 0 = January; compare with time progress m/12.
    pub execution: Vec<Option<f64>>,
    pub indicators: Vec<IndicatorSeries>,
    pub unit_costs: Vec<UnitCost>,
}
