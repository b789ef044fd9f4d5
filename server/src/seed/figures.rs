//! Invented but plausible figures for the demo: how each department performs, which gives
//! the demo its mix of grades last year and of red, yellow, green and blue lamps this year.
//! Deterministic, so every fresh demo is the same province. Lamps and deviation notes are
//! decided by the domain crate, like real entries.

use super::catalogue::IndicatorSpec;
use super::{Plan, PlannedIndicator, PlannedLine, Progress};
use jixiao_domain::dto::evaluation::{OverrideUpdate, SelfItemUpdate};
use jixiao_domain::dto::monitoring::{MonthEntry, SpendingFigure, ValueFigure};
use jixiao_domain::framework::{Accumulation, BudgetKind, Direction, SetStatus};
use jixiao_domain::lamps::{indicator_lamp, spending_lamp, Lamp, LampThresholds, Month};
use jixiao_domain::scoring::{round2, Rating};

/// How a department does in a year: `achievement` is the typical share of its targets it
/// reaches (at the current pace, for the current year); `spending` its project spending
/// pace against time.
#[derive(Debug, Clone, Copy)]
pub struct Performance {
    index: usize,
    achievement: f64,
    spending: f64,
}

/// Last year's achievement by department, giving Excellent, Good, Fair and Poor years.
const LAST_YEAR_ACHIEVEMENT: [f64; 14] = [
    0.92, 0.80, 0.78, 0.89, 0.68, 0.84, 0.87, 0.61, 0.82, 0.93, 0.49, 0.81, 0.72, 0.75,
];
const YEAR_BEFORE_LAST_ACHIEVEMENT: [f64; 14] = [
    0.88, 0.83, 0.90, 0.86, 0.72, 0.80, 0.91, 0.66, 0.79, 0.95, 0.55, 0.84, 0.70, 0.78,
];
/// This year's pace by department, from lagging (red) through on track to ahead (blue).
const CURRENT_PACE: [f64; 14] = [
    1.02, 0.92, 0.76, 1.06, 0.55, 0.90, 1.25, 0.78, 0.97, 1.00, 0.50, 0.88, 0.68, 1.10,
];
const CURRENT_SPENDING: [f64; 14] = [
    0.96, 0.90, 0.74, 1.00, 0.48, 0.92, 1.00, 0.75, 0.93, 0.99, 0.52, 0.90, 0.60, 0.95,
];

impl Performance {
    pub fn last_year(index: usize) -> Self {
        let achievement = LAST_YEAR_ACHIEVEMENT[index % LAST_YEAR_ACHIEVEMENT.len()];
        Self {
            index,
            achievement,
            // Departments that delivered also spent: execution 80–100 %.
            spending: 0.8 + 0.2 * achievement,
        }
    }

    /// The year before last: a different mix, so that the published years differ.
    pub fn year_before_last(index: usize) -> Self {
        let achievement = YEAR_BEFORE_LAST_ACHIEVEMENT[index % YEAR_BEFORE_LAST_ACHIEVEMENT.len()];
        Self {
            index,
            achievement,
            spending: 0.78 + 0.2 * achievement,
        }
    }

    pub fn current_year(index: usize) -> Self {
        Self {
            index,
            achievement: CURRENT_PACE[index % CURRENT_PACE.len()],
            spending: CURRENT_SPENDING[index % CURRENT_SPENDING.len()],
        }
    }

    /// This indicator's share of its target, the department's level give or take 8 points.
    fn indicator(self, position: usize) -> f64 {
        (self.achievement + jitter(self.index, position, 8)).max(0.05)
    }

    /// Lower-is-better targets (days, costs, concentrations) are held by all but the
    /// departments that are clearly lagging.
    fn lower_is_better(self, position: usize) -> f64 {
        let share = self.indicator(position);
        if share >= 0.7 {
            share.max(1.0)
        } else {
            share
        }
    }

    /// A department that is clearly lagging has an incident on a zero-target indicator.
    fn has_incident(self) -> bool {
        self.achievement < 0.6
    }
}

/// A deterministic offset in [-spread, spread] percent.
fn jitter(a: usize, b: usize, spread: usize) -> f64 {
    let h = (a * 7919 + b * 104_729 + 17) % (2 * spread + 1);
    (h as f64 - spread as f64) / 100.0
}

fn tidy(value: f64, like: f64) -> f64 {
    if like.fract() == 0.0 && like.abs() >= 20.0 {
        value.round()
    } else {
        round2(value)
    }
}

/// Targets get about 5 % more ambitious each year (lower-is-better ones lower); the
/// catalogue holds this year's.
pub fn targets_for(year: i32, spec: &IndicatorSpec) -> (f64, f64) {
    let years_on = f64::from(year - super::CURRENT_YEAR);
    if years_on == 0.0 {
        return (spec.target, spec.baseline);
    }
    let factor = match spec.direction {
        Direction::LowerBetter => 1.0 - 0.05 * years_on,
        _ => 1.0 + 0.05 * years_on,
    };
    // Next year's baseline is this year's expected result: its target.
    let baseline = if years_on > 0.0 {
        spec.target
    } else {
        spec.baseline * 0.95
    };
    (
        tidy(spec.target * factor, spec.target),
        tidy(baseline, spec.baseline),
    )
}

/// Budgets grow about 6 % a year.
pub fn budget_scale(year: i32, index: usize) -> f64 {
    match year - super::CURRENT_YEAR {
        0 => 1.0,
        y if y < 0 => (0.94 + jitter(index, 3, 2)).powi(-y),
        _ => 1.05 + jitter(index, 4, 2),
    }
}

/// How far each department's set for next year has come through review.
pub fn next_year_status(index: usize) -> SetStatus {
    const STEPS: [SetStatus; 4] = [
        SetStatus::Draft,
        SetStatus::Submitted,
        SetStatus::Returned,
        SetStatus::Approved,
    ];
    STEPS[index % STEPS.len()]
}

/// Mid-year adjustment of a project, in percent (−5 … +5).
pub fn adjustment_percent(index: usize, project: usize) -> i64 {
    ((index * 3 + project * 5) % 11) as i64 - 5
}

/// Share of a line's year spent by the end of month `m`.
fn spent_share(line: &PlannedLine, month: u8, performance: Performance) -> f64 {
    let pace = match line.kind {
        // Salaries are paid every month.
        BudgetKind::Personnel => 1.0 + jitter(performance.index, 1, 1),
        BudgetKind::Operations => 0.93 + jitter(performance.index, 2, 3),
        BudgetKind::Project => {
            performance.spending + jitter(performance.index, 40 + line.project.unwrap_or(0), 6)
        }
    };
    (f64::from(month) / 12.0 * pace.max(0.05)).min(1.0)
}

fn spent_to_date(line: &PlannedLine, month: u8, performance: Performance) -> i64 {
    (line.adjusted_fen as f64 * spent_share(line, month, performance)).round() as i64
}

/// Execution rate of the whole budget at a month (the budget-execution indicator's value).
fn execution_rate(plan: &Plan, month: u8, performance: Performance) -> f64 {
    let budget: i64 = plan.lines.iter().map(|l| l.adjusted_fen).sum();
    let spent: i64 = plan
        .lines
        .iter()
        .map(|l| spent_to_date(l, month, performance))
        .sum();
    round2(spent as f64 / budget.max(1) as f64 * 100.0) / 100.0
}

/// An indicator's value to date at a month; `None` for qualitative indicators, which are
/// rated at year end rather than measured monthly.
fn value_to_date(
    indicator: &PlannedIndicator,
    position: usize,
    month: u8,
    plan: &Plan,
    performance: Performance,
) -> Option<f64> {
    let share = performance.indicator(position);
    let held = performance.lower_is_better(position);
    let progress = f64::from(month) / 12.0;
    let t = indicator.target;
    let value = match (indicator.direction, indicator.accumulation) {
        (Direction::HigherBetter, Accumulation::Cumulative) => t * progress * share,
        // Levels drift towards where the year will end.
        (Direction::HigherBetter, Accumulation::Level) => t * share * (0.97 + 0.03 * progress),
        (Direction::LowerBetter, Accumulation::Cumulative) => t * progress * (2.0 - held).max(0.1),
        (Direction::LowerBetter, Accumulation::Level) => t * (2.0 - held).max(0.1),
        (Direction::ZeroTarget, _) => {
            // The incident happens in May.
            if performance.has_incident() && month >= 5 {
                1.0
            } else {
                0.0
            }
        }
        (Direction::BudgetExecution, _) => return Some(execution_rate(plan, month, performance)),
        (Direction::Qualitative, _) => return None,
    };
    Some(tidy(value, t))
}

const VALUE_CAUSE: &str = "项目实施进度滞后于计划 / Implementation is behind schedule";
const VALUE_MEASURE: &str =
    "倒排工期、按月调度并由分管领导督办 / Schedule reworked backwards from the deadline, monthly dispatch meetings, overseen by the responsible deputy head";
const SPENDING_CAUSE: &str =
    "采购招标流程延后，资金支付滞后 / Procurement was delayed, so payments lag";
const SPENDING_MEASURE: &str =
    "加快合同签订和验收支付，未能执行的资金按程序收回 / Contracts and acceptance payments accelerated; money that cannot be spent will be returned through the adjustment procedure";

/// One department's monitoring report for a month: a cause and a corrective measure for
/// every red lamp, as the rules require.
pub fn month_report(month: u8, plan: &Plan, performance: Performance) -> MonthEntry {
    let thresholds = LampThresholds::default();
    let m = Month::parse(i64::from(month)).expect("months 1..=12");
    let spending = plan
        .lines
        .iter()
        .map(|line| {
            let spent = spent_to_date(line, month, performance);
            let red = spending_lamp(line.adjusted_fen, spent, m, thresholds).lamp == Lamp::Red;
            SpendingFigure {
                budget_line_id: line.id,
                spent_to_date_fen: spent,
                note: None,
                cause: red.then(|| SPENDING_CAUSE.into()),
                measure: red.then(|| SPENDING_MEASURE.into()),
            }
        })
        .collect();
    let values = plan
        .indicators
        .iter()
        .enumerate()
        .filter_map(|(position, indicator)| {
            let value = value_to_date(indicator, position, month, plan, performance)?;
            let lamp = indicator_lamp(
                indicator.direction,
                indicator.accumulation,
                indicator.target,
                Some(value),
                m,
                thresholds,
            );
            let red = lamp.lamp == Lamp::Red;
            Some(ValueFigure {
                indicator_id: indicator.id,
                value_to_date: value,
                note: None,
                cause: red.then(|| VALUE_CAUSE.into()),
                measure: red.then(|| VALUE_MEASURE.into()),
            })
        })
        .collect();
    MonthEntry { spending, values }
}

/// Why a department fell short, as the demo's departments write it.
pub const SHORTFALL_CAUSE: &str = "受项目前期手续和年度实施条件影响，部分目标未全面完成 / Preparatory approvals and site conditions held part of the work back";
const EVIDENCE: &str =
    "年度统计报表及项目验收资料 / Annual statistical returns and project acceptance records";

/// The department's year-end figures for its self-evaluation.
pub fn year_end(plan: &Plan, performance: Performance) -> Vec<SelfItemUpdate> {
    plan.indicators
        .iter()
        .enumerate()
        .map(|(position, indicator)| {
            let share = performance.indicator(position);
            let mut item = SelfItemUpdate {
                indicator_id: indicator.id,
                actual: None,
                rating: None,
                percent: None,
                cause: None,
                evidence: Some(EVIDENCE.into()),
            };
            if indicator.direction == Direction::Qualitative {
                let (rating, percent) = if share >= 0.9 {
                    (
                        Rating::Achieved,
                        (100.0 - (1.0 - share).max(0.0) * 100.0).clamp(80.0, 100.0),
                    )
                } else if share >= 0.7 {
                    (
                        Rating::Partly,
                        (60.0 + (share - 0.7) * 100.0).clamp(60.0, 79.0),
                    )
                } else {
                    (Rating::NotAchieved, 30.0)
                };
                item.rating = Some(rating);
                item.percent = Some(round2(percent));
            } else {
                item.actual = value_to_date(indicator, position, 12, plan, performance);
            }
            if share < 1.0 {
                item.cause = Some(SHORTFALL_CAUSE.into());
            }
            item
        })
        .collect()
}

/// Last year's evaluation across the departments: the demo's department accounts (EDU,
/// HEALTH, TRANS) have work to do; most others are graded, a few wait for finance.
pub fn evaluation_progress(index: usize) -> Progress {
    match index {
        0 | 2 => Progress::NotStarted,
        1 => Progress::Draft,
        3 | 11 => Progress::SignedOff,
        4 => Progress::Reevaluated,
        _ => Progress::Final,
    }
}

/// Finance corrects one figure of some departments after checking the statistics.
pub fn finance_overrides(
    plan: &Plan,
    items: &[SelfItemUpdate],
    index: usize,
) -> Vec<OverrideUpdate> {
    if index % 3 != 1 {
        return Vec::new();
    }
    plan.indicators
        .iter()
        .zip(items)
        .find(|(i, item)| i.direction == Direction::HigherBetter && item.actual.is_some())
        .map(|(indicator, item)| OverrideUpdate {
            indicator_id: indicator.id,
            actual: item.actual.map(|a| tidy(a * 0.96, a)),
            rating: None,
            percent: None,
            reason: Some(
                "核查统计口径后，剔除非本年度完成数 / Corrected after checking the statistical definition: work completed in other years removed"
                    .into(),
            ),
        })
        .into_iter()
        .collect()
}
