//! Department what-if (DESIGN §1 "What-if"): change budget lines' amounts, targets and
//! elasticities and see each indicator's projected value, lamp and score, the total and
//! grade, and next year's project budget under the year's result rules.
//!
//! A linked indicator's projected value = forecast · (new / old)^e over the money of the
//! lines that pay for it. The forecast is the year-end value at the current pace: value to
//! date / p for a cumulative count (p = months reported / 12), the latest value for a level
//! (a rate or state is not extrapolated), and the current target before any data.

use crate::framework::{Accumulation, BudgetKind, Direction, Level2};
use crate::lamps::{indicator_lamp, Lamp, LampThresholds, Month};
use crate::results::ResultRules;
use crate::scoring::{score, total_and_grade, Grade, Measure, Points, Rating};
use crate::FieldError;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// An indicator as the what-if sees it now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhatIfIndicator {
    pub id: i64,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub level2: Level2,
    pub target: Option<f64>,
    pub points: f64,
    /// `None`: the default for its level 2 (see [`default_elasticity`]).
    pub elasticity: Option<f64>,
    pub value_to_date: Option<f64>,
    /// For a qualitative indicator, the rating assumed at year end.
    pub rating: Option<Rating>,
    /// The budget lines that pay for it.
    pub line_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WhatIfLine {
    pub id: i64,
    pub kind: BudgetKind,
    /// The adjusted budget now, fen.
    pub amount_fen: i64,
    /// Spent to date, fen.
    pub spent_fen: i64,
}

/// The department's data the what-if starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Baseline {
    /// Months reported so far (0 before any data).
    pub months: u8,
    pub thresholds: LampThresholds,
    pub rules: ResultRules,
    pub indicators: Vec<WhatIfIndicator>,
    pub lines: Vec<WhatIfLine>,
}

/// A budget line's new amount, fen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AmountChange {
    pub line_id: i64,
    pub amount_fen: i64,
}

/// An indicator's new target or elasticity.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorChange {
    pub indicator_id: i64,
    pub value: f64,
}

/// What the user changed; anything absent stays as it is now. Lists (not maps keyed by
/// id) so that any JSON client can write them; each id at most once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Changes {
    #[serde(default)]
    pub amounts: Vec<AmountChange>,
    #[serde(default)]
    pub targets: Vec<IndicatorChange>,
    #[serde(default)]
    pub elasticities: Vec<IndicatorChange>,
}

impl Changes {
    /// Sets (or replaces) a line's new amount.
    pub fn set_amount(&mut self, line_id: i64, amount_fen: i64) {
        self.amounts.retain(|a| a.line_id != line_id);
        self.amounts.push(AmountChange {
            line_id,
            amount_fen,
        });
    }

    pub fn set_target(&mut self, indicator_id: i64, value: f64) {
        self.targets.retain(|t| t.indicator_id != indicator_id);
        self.targets.push(IndicatorChange {
            indicator_id,
            value,
        });
    }

    pub fn set_elasticity(&mut self, indicator_id: i64, value: f64) {
        self.elasticities.retain(|t| t.indicator_id != indicator_id);
        self.elasticities.push(IndicatorChange {
            indicator_id,
            value,
        });
    }
}

/// The changes by id, once checked.
struct Checked {
    amounts: BTreeMap<i64, i64>,
    targets: BTreeMap<i64, f64>,
    elasticities: BTreeMap<i64, f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorProjection {
    pub id: i64,
    /// The year-end value at the current pace, before any change of money.
    pub forecast: Option<f64>,
    pub projected: Option<f64>,
    pub target: Option<f64>,
    pub elasticity: f64,
    /// The projected value's lamp at year end.
    pub lamp: Lamp,
    pub score: f64,
    pub achievement: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Projection {
    pub indicators: Vec<IndicatorProjection>,
    pub total: f64,
    pub grade: Grade,
    /// Σ of the project lines' amounts: the base of next year's adjustment.
    pub project_budget_fen: i64,
    pub total_budget_fen: i64,
    pub adjustment_bp: i32,
    pub next_year_fen: i64,
}

/// DESIGN: 1 for output quantity and cost, 0 otherwise.
pub const fn default_elasticity(level2: Level2) -> f64 {
    match level2 {
        Level2::Quantity | Level2::Cost => 1.0,
        _ => 0.0,
    }
}

const MAX_FEN: i64 = 1_000_000_000_000_000;

fn duplicate(field: String) -> FieldError {
    field_error!(
        "duplicate",
        field,
        "each id at most once",
        "每个编号只能出现一次"
    )
}

fn check_changes(baseline: &Baseline, changes: &Changes) -> Result<Checked, FieldError> {
    let lines: HashMap<i64, ()> = baseline.lines.iter().map(|l| (l.id, ())).collect();
    let mut amounts = BTreeMap::new();
    for (i, change) in changes.amounts.iter().enumerate() {
        let field = format!("amounts[{i}]");
        if !lines.contains_key(&change.line_id) {
            return Err(field_error!(
                "unknown_line",
                format!("{field}.line_id"),
                "no such budget line",
                "预算项目不存在",
            ));
        }
        if !(0..=MAX_FEN).contains(&change.amount_fen) {
            return Err(field_error!(
                "invalid_amount",
                format!("{field}.amount_fen"),
                "an amount must be between 0 and 10^15 fen",
                "金额须在 0 到 10¹⁵ 分之间",
            ));
        }
        if amounts.insert(change.line_id, change.amount_fen).is_some() {
            return Err(duplicate(format!("{field}.line_id")));
        }
    }
    let indicators: HashMap<i64, &WhatIfIndicator> =
        baseline.indicators.iter().map(|i| (i.id, i)).collect();
    let mut targets = BTreeMap::new();
    for (i, change) in changes.targets.iter().enumerate() {
        let field = format!("targets[{i}]");
        let indicator = indicators.get(&change.indicator_id).ok_or_else(|| {
            field_error!(
                "unknown_indicator",
                format!("{field}.indicator_id"),
                "no such indicator",
                "指标不存在",
            )
        })?;
        let target = change.value;
        let fine = match indicator.direction {
            Direction::HigherBetter | Direction::LowerBetter => target.is_finite() && target > 0.0,
            Direction::ZeroTarget => target == 0.0,
            Direction::BudgetExecution => target.is_finite() && (0.0..=1.0).contains(&target),
            Direction::Qualitative => false,
        };
        if !fine {
            return Err(field_error!(
                "invalid_target",
                format!("{field}.value"),
                "not a possible target for this indicator's direction",
                "该目标值不符合指标方向的要求",
            ));
        }
        if targets.insert(change.indicator_id, target).is_some() {
            return Err(duplicate(format!("{field}.indicator_id")));
        }
    }
    let mut elasticities = BTreeMap::new();
    for (i, change) in changes.elasticities.iter().enumerate() {
        let field = format!("elasticities[{i}]");
        if !indicators.contains_key(&change.indicator_id) {
            return Err(field_error!(
                "unknown_indicator",
                format!("{field}.indicator_id"),
                "no such indicator",
                "指标不存在",
            ));
        }
        let e = change.value;
        if !(e.is_finite() && (-5.0..=5.0).contains(&e)) {
            return Err(field_error!(
                "invalid_elasticity",
                format!("{field}.value"),
                "an elasticity lies between −5 and 5",
                "弹性须在 −5 到 5 之间",
            ));
        }
        if elasticities.insert(change.indicator_id, e).is_some() {
            return Err(duplicate(format!("{field}.indicator_id")));
        }
    }
    Ok(Checked {
        amounts,
        targets,
        elasticities,
    })
}

/// The year-end value at the current pace.
pub fn forecast(indicator: &WhatIfIndicator, months: u8) -> Option<f64> {
    match (indicator.value_to_date, indicator.accumulation) {
        (Some(value), Accumulation::Cumulative) if months > 0 => {
            Some(value * 12.0 / f64::from(months.min(12)))
        }
        (Some(value), Accumulation::Level) if months > 0 => Some(value),
        _ => match indicator.direction {
            Direction::ZeroTarget => Some(0.0),
            Direction::Qualitative => None,
            _ => indicator.target,
        },
    }
}

/// forecast · ratio^e; a line that had no money gives no information (ratio 1).
pub fn scaled(forecast: f64, ratio: f64, elasticity: f64) -> f64 {
    if elasticity == 0.0 || ratio == 1.0 {
        forecast
    } else if ratio == 0.0 {
        if elasticity > 0.0 {
            0.0
        } else {
            forecast
        }
    } else {
        forecast * ratio.powf(elasticity)
    }
}

/// Projects the department's year under `changes`. `Changes::default()` gives "now".
pub fn project(baseline: &Baseline, changes: &Changes) -> Result<Projection, FieldError> {
    let changes = check_changes(baseline, changes)?;
    let amount = |line: &WhatIfLine| {
        changes
            .amounts
            .get(&line.id)
            .copied()
            .unwrap_or(line.amount_fen)
    };
    let lines: HashMap<i64, &WhatIfLine> = baseline.lines.iter().map(|l| (l.id, l)).collect();
    let year_end = Month::parse(12).expect("12 is a month");
    let spent: i64 = baseline.lines.iter().map(|l| l.spent_fen).sum();
    let budget_now: i64 = baseline.lines.iter().map(|l| l.amount_fen).sum();
    let mut projections = Vec::with_capacity(baseline.indicators.len());
    for (index, indicator) in baseline.indicators.iter().enumerate() {
        let path = format!("indicators[{index}]");
        let target = changes
            .targets
            .get(&indicator.id)
            .copied()
            .or(indicator.target);
        let elasticity = changes
            .elasticities
            .get(&indicator.id)
            .copied()
            .or(indicator.elasticity)
            .unwrap_or_else(|| default_elasticity(indicator.level2));
        let (old, new) = indicator
            .line_ids
            .iter()
            .filter_map(|id| lines.get(id))
            .fold((0i128, 0i128), |(o, n), l| {
                (o + i128::from(l.amount_fen), n + i128::from(amount(l)))
            });
        let ratio = if old > 0 {
            new as f64 / old as f64
        } else {
            1.0
        };
        let forecast = match indicator.direction {
            // Spending keeps its pace: the rate at year end is the rate to date over time.
            Direction::BudgetExecution if baseline.months > 0 && budget_now > 0 => {
                Some(spent as f64 / budget_now as f64 * 12.0 / f64::from(baseline.months.min(12)))
            }
            _ => forecast(indicator, baseline.months),
        };
        let projected = match indicator.direction {
            Direction::BudgetExecution | Direction::Qualitative => forecast,
            _ => forecast.map(|f| scaled(f, ratio, elasticity)),
        };
        let measure = match indicator.direction {
            Direction::HigherBetter => Measure::HigherBetter {
                target: target.unwrap_or(0.0),
                actual: projected.unwrap_or(0.0),
            },
            Direction::LowerBetter => Measure::LowerBetter {
                target: target.unwrap_or(0.0),
                actual: projected.unwrap_or(0.0),
            },
            Direction::ZeroTarget => Measure::ZeroTarget {
                actual: projected.unwrap_or(0.0),
            },
            Direction::Qualitative => {
                let rating = indicator.rating.unwrap_or(Rating::Achieved);
                Measure::Qualitative {
                    rating,
                    percent: rating.default_percent(),
                }
            }
            Direction::BudgetExecution => Measure::BudgetExecution {
                rate: projected.unwrap_or(1.0).max(0.0),
            },
        };
        if matches!(
            indicator.direction,
            Direction::HigherBetter | Direction::LowerBetter
        ) && !target.is_some_and(|t| t > 0.0)
        {
            return Err(field_error!(
                "target_not_positive",
                format!("{path}.target"),
                "the target must be greater than 0 for this direction",
                "该指标方向的目标值须大于 0",
            ));
        }
        let points = Points::parse(indicator.points).map_err(|e| e.within(&path))?;
        let scored = score(measure, points);
        let lamp = match indicator.direction {
            Direction::Qualitative | Direction::BudgetExecution => Lamp::None,
            direction => {
                indicator_lamp(
                    direction,
                    Accumulation::Level,
                    target.unwrap_or(0.0),
                    projected,
                    year_end,
                    baseline.thresholds,
                )
                .lamp
            }
        };
        projections.push(IndicatorProjection {
            id: indicator.id,
            forecast,
            projected,
            target,
            elasticity,
            lamp,
            score: scored.score,
            achievement: scored.achievement,
        });
    }
    let (total, grade) = total_and_grade(projections.iter().map(|p| p.score));
    let project_budget_fen: i64 = baseline
        .lines
        .iter()
        .filter(|l| l.kind == BudgetKind::Project)
        .map(amount)
        .sum();
    let total_budget_fen = baseline.lines.iter().map(amount).sum();
    Ok(Projection {
        indicators: projections,
        total,
        grade,
        project_budget_fen,
        total_budget_fen,
        adjustment_bp: baseline.rules.adjustment_bp(grade),
        next_year_fen: baseline.rules.next_year_budget(project_budget_fen, grade),
    })
}
