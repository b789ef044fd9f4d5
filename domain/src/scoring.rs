//! Scoring and grading (DESIGN §1 "Scoring").
//!
//! Every indicator's score is `points × fraction`, where the fraction (0..=1) is decided by
//! the indicator's direction. The total is the sum of the unrounded scores, rounded half
//! away from zero to two decimals, and the grade comes from that rounded total.

use crate::exact::compare_products;
use crate::framework::Direction;
use crate::FieldError;
use std::cmp::Ordering;

wire_enum! {
    /// The evaluator's verdict on a qualitative indicator.
    pub enum Rating {
        Achieved = "achieved", "达成", "Achieved";
        Partly = "partly", "部分达成", "Partly achieved";
        NotAchieved = "not_achieved", "未达成", "Not achieved";
    }
}

impl Rating {
    /// The percent band of the rating and whether its upper end is included:
    /// achieved [80, 100], partly [60, 80), not achieved [0, 60).
    pub const fn band(self) -> (f64, f64, bool) {
        match self {
            Self::Achieved => (80.0, 100.0, true),
            Self::Partly => (60.0, 80.0, false),
            Self::NotAchieved => (0.0, 60.0, false),
        }
    }

    pub const fn default_percent(self) -> f64 {
        match self {
            Self::Achieved => 100.0,
            Self::Partly => 70.0,
            Self::NotAchieved => 30.0,
        }
    }

    pub fn contains(self, percent: f64) -> bool {
        let (low, high, high_included) = self.band();
        percent >= low && (percent < high || (high_included && percent == high))
    }
}

wire_enum! {
    /// The grade of a department's year.
    pub enum Grade {
        Excellent = "excellent", "优", "Excellent";
        Good = "good", "良", "Good";
        Fair = "fair", "中", "Fair";
        Poor = "poor", "差", "Poor";
    }
}

impl Grade {
    /// Grade of a total that has already been rounded to two decimals.
    pub fn from_total(rounded_total: f64) -> Self {
        if rounded_total >= 90.0 {
            Self::Excellent
        } else if rounded_total >= 80.0 {
            Self::Good
        } else if rounded_total >= 60.0 {
            Self::Fair
        } else {
            Self::Poor
        }
    }
}

/// An indicator's points: finite, within 0..=100.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub struct Points(f64);

impl Points {
    pub fn parse(value: f64) -> Result<Self, FieldError> {
        if value.is_finite() && (0.0..=100.0).contains(&value) {
            Ok(Self(value))
        } else {
            Err(field_error!(
                "invalid_points",
                "points",
                "points must be a number from 0 to 100",
                "分值须为 0 到 100 之间的数",
            ))
        }
    }

    pub const fn get(self) -> f64 {
        self.0
    }
}

/// What is being scored, already checked against its direction's needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Measure {
    HigherBetter {
        target: f64,
        actual: f64,
    },
    LowerBetter {
        target: f64,
        actual: f64,
    },
    ZeroTarget {
        actual: f64,
    },
    Qualitative {
        rating: Rating,
        percent: f64,
    },
    /// `rate` = spent / adjusted budget.
    BudgetExecution {
        rate: f64,
    },
}

/// Unchecked values as they come from a form or a request.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RawMeasure {
    pub target: Option<f64>,
    pub actual: Option<f64>,
    pub rating: Option<Rating>,
    pub percent: Option<f64>,
}

fn finite(value: Option<f64>, field: &str) -> Result<f64, FieldError> {
    match value {
        Some(v) if v.is_finite() => Ok(v),
        Some(_) => Err(field_error!(
            "not_a_number",
            field,
            "must be a finite number",
            "须为有效数字",
        )),
        None => Err(field_error!("required", field, "is required", "必填")),
    }
}

fn positive_target(value: Option<f64>) -> Result<f64, FieldError> {
    let target = finite(value, "target")?;
    if target > 0.0 {
        Ok(target)
    } else {
        Err(field_error!(
            "target_not_positive",
            "target",
            "the target must be greater than 0 for this direction (use zero_target for 0)",
            "该指标方向的目标值须大于 0（目标值为 0 请选用“零目标”方向）",
        ))
    }
}

impl Measure {
    /// Parses raw values for a direction, naming the field at fault.
    pub fn parse(direction: Direction, raw: &RawMeasure) -> Result<Self, FieldError> {
        Ok(match direction {
            Direction::HigherBetter => Self::HigherBetter {
                target: positive_target(raw.target)?,
                actual: finite(raw.actual, "actual")?,
            },
            Direction::LowerBetter => Self::LowerBetter {
                target: positive_target(raw.target)?,
                actual: finite(raw.actual, "actual")?,
            },
            Direction::ZeroTarget => {
                if let Some(target) = raw.target {
                    if target != 0.0 {
                        return Err(field_error!(
                            "target_not_zero",
                            "target",
                            "a zero-target indicator has target 0",
                            "零目标指标的目标值须为 0",
                        ));
                    }
                }
                Self::ZeroTarget {
                    actual: finite(raw.actual, "actual")?,
                }
            }
            Direction::Qualitative => {
                let rating = raw.rating.ok_or_else(|| {
                    field_error!(
                        "required",
                        "rating",
                        "a qualitative indicator needs a rating: achieved, partly or not_achieved",
                        "定性指标须评定等次：达成、部分达成或未达成",
                    )
                })?;
                let percent = match raw.percent {
                    None => rating.default_percent(),
                    Some(p) if p.is_finite() && rating.contains(p) => p,
                    Some(_) => {
                        let (low, high, _) = rating.band();
                        let (name, label) = (rating.as_str(), rating.label_zh());
                        let close = if rating == Rating::Achieved { "]" } else { ")" };
                        return Err(field_error!(
                            "percent_outside_band",
                            "percent",
                            "the percent for {name:?} must lie in its band [{low}, {high}{close}",
                            "“{label}”的完成百分比须在区间 [{low}, {high}{close} 内",
                        ));
                    }
                };
                Self::Qualitative { rating, percent }
            }
            Direction::BudgetExecution => {
                let rate = finite(raw.actual, "actual")?;
                if rate < 0.0 {
                    return Err(field_error!(
                        "negative_rate",
                        "actual",
                        "an execution rate cannot be negative",
                        "执行率不能为负数",
                    ));
                }
                Self::BudgetExecution { rate }
            }
        })
    }

    /// Share of the points earned, within 0..=1.
    pub fn fraction(self) -> f64 {
        let fraction = match self {
            Self::HigherBetter { target, actual } => {
                if actual >= target {
                    1.0
                } else if actual >= 0.0 {
                    actual / target
                } else {
                    0.0
                }
            }
            Self::LowerBetter { target, actual } => {
                if actual <= target {
                    1.0
                } else if actual < 2.0 * target {
                    1.0 - (actual - target) / target
                } else {
                    0.0
                }
            }
            Self::ZeroTarget { actual } => {
                if actual <= 0.0 {
                    1.0
                } else {
                    0.0
                }
            }
            Self::Qualitative { percent, .. } => percent / 100.0,
            Self::BudgetExecution { rate } => rate.min(1.0),
        };
        fraction.clamp(0.0, 1.0)
    }

    /// "Target may be set too low": a higher-is-better actual at or above 1.2 × target.
    /// Decided on the decimals as written, so 120 against 100 is flagged.
    pub fn target_may_be_too_low(self) -> bool {
        match self {
            Self::HigherBetter { target, actual } => {
                compare_products((actual, 1.0), (target, 1.2)) != Ordering::Less
            }
            _ => false,
        }
    }
}

/// The outcome of scoring one indicator.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Scored {
    /// Points earned, unrounded, within 0..=points.
    pub score: f64,
    /// score / points, within 0..=1.
    pub achievement: f64,
    pub target_may_be_too_low: bool,
}

pub fn score(measure: Measure, points: Points) -> Scored {
    let achievement = measure.fraction();
    Scored {
        score: (points.get() * achievement).clamp(0.0, points.get()),
        achievement,
        target_may_be_too_low: measure.target_may_be_too_low(),
    }
}

/// Rounds half away from zero to two decimals. Sums like 89.995 reach us as
/// 89.99499999…; a tie within float noise is treated as the tie it was written as.
pub fn round2(value: f64) -> f64 {
    let scaled = value * 100.0;
    let floor = scaled.floor();
    let rest = scaled - floor;
    let tolerance = 1e-9 * scaled.abs().max(1.0);
    let rounded = if (rest - 0.5).abs() <= tolerance {
        if scaled >= 0.0 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        scaled.round()
    };
    rounded / 100.0
}

/// Total of a set's scores, rounded as DESIGN requires, and its grade.
pub fn total_and_grade(scores: impl IntoIterator<Item = f64>) -> (f64, Grade) {
    let total = round2(scores.into_iter().sum());
    (total, Grade::from_total(total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn points(value: f64) -> Points {
        Points::parse(value).unwrap()
    }

    fn score_of(measure: Measure, w: f64) -> f64 {
        score(measure, points(w)).score
    }

    #[test]
    fn higher_is_better() {
        let m = |actual| Measure::HigherBetter {
            target: 200.0,
            actual,
        };
        assert_eq!(score_of(m(250.0), 10.0), 10.0);
        assert_eq!(score_of(m(200.0), 10.0), 10.0);
        assert_eq!(score_of(m(150.0), 10.0), 7.5);
        assert_eq!(score_of(m(0.0), 10.0), 0.0);
        assert_eq!(score_of(m(-5.0), 10.0), 0.0);
    }

    #[test]
    fn lower_is_better() {
        let m = |actual| Measure::LowerBetter {
            target: 10.0,
            actual,
        };
        assert_eq!(score_of(m(8.0), 20.0), 20.0);
        assert_eq!(score_of(m(10.0), 20.0), 20.0);
        assert_eq!(score_of(m(12.5), 20.0), 15.0);
        assert_eq!(score_of(m(20.0), 20.0), 0.0);
        assert_eq!(score_of(m(35.0), 20.0), 0.0);
    }

    #[test]
    fn zero_target() {
        assert_eq!(score_of(Measure::ZeroTarget { actual: 0.0 }, 5.0), 5.0);
        assert_eq!(score_of(Measure::ZeroTarget { actual: 1.0 }, 5.0), 0.0);
    }

    #[test]
    fn qualitative_bands_and_defaults() {
        let raw = |rating, percent| RawMeasure {
            rating: Some(rating),
            percent,
            ..RawMeasure::default()
        };
        let parse = |r| Measure::parse(Direction::Qualitative, &r);
        assert_eq!(
            score_of(parse(raw(Rating::Achieved, None)).unwrap(), 10.0),
            10.0
        );
        assert_eq!(
            score_of(parse(raw(Rating::Partly, None)).unwrap(), 10.0),
            7.0
        );
        assert_eq!(
            score_of(parse(raw(Rating::NotAchieved, None)).unwrap(), 10.0),
            3.0
        );
        assert!(parse(raw(Rating::Achieved, Some(80.0))).is_ok());
        assert!(parse(raw(Rating::Achieved, Some(100.0))).is_ok());
        assert!(parse(raw(Rating::Partly, Some(60.0))).is_ok());
        for (rating, outside) in [
            (Rating::Achieved, 79.99),
            (Rating::Partly, 80.0),
            (Rating::Partly, 59.0),
            (Rating::NotAchieved, 60.0),
            (Rating::NotAchieved, -1.0),
        ] {
            let err = parse(raw(rating, Some(outside))).unwrap_err();
            assert_eq!(
                (err.code.as_str(), err.field.as_str()),
                ("percent_outside_band", "percent")
            );
        }
        let err = Measure::parse(Direction::Qualitative, &RawMeasure::default()).unwrap_err();
        assert_eq!(err.field, "rating");
    }

    #[test]
    fn budget_execution() {
        assert_eq!(score_of(Measure::BudgetExecution { rate: 0.95 }, 10.0), 9.5);
        assert_eq!(score_of(Measure::BudgetExecution { rate: 1.3 }, 10.0), 10.0);
        let err = Measure::parse(
            Direction::BudgetExecution,
            &RawMeasure {
                actual: Some(-0.1),
                ..RawMeasure::default()
            },
        )
        .unwrap_err();
        assert_eq!(err.code, "negative_rate");
    }

    #[test]
    fn targets_are_checked_per_direction() {
        let raw = |target, actual| RawMeasure {
            target,
            actual,
            ..RawMeasure::default()
        };
        let err = Measure::parse(Direction::HigherBetter, &raw(Some(0.0), Some(1.0))).unwrap_err();
        assert_eq!(err.code, "target_not_positive");
        let err = Measure::parse(Direction::LowerBetter, &raw(None, Some(1.0))).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.field.as_str()),
            ("required", "target")
        );
        let err =
            Measure::parse(Direction::HigherBetter, &raw(Some(1.0), Some(f64::NAN))).unwrap_err();
        assert_eq!(
            (err.code.as_str(), err.field.as_str()),
            ("not_a_number", "actual")
        );
        let err = Measure::parse(Direction::ZeroTarget, &raw(Some(3.0), Some(0.0))).unwrap_err();
        assert_eq!(err.code, "target_not_zero");
        assert!(Measure::parse(Direction::ZeroTarget, &raw(None, Some(0.0))).is_ok());
        assert!(Points::parse(-1.0).is_err());
        assert!(Points::parse(f64::INFINITY).is_err());
    }

    #[test]
    fn over_achievement_is_flagged_at_exactly_120_percent() {
        let m = |actual| Measure::HigherBetter {
            target: 100.0,
            actual,
        };
        assert!(score(m(120.0), points(10.0)).target_may_be_too_low);
        assert!(!score(m(119.99), points(10.0)).target_may_be_too_low);
        // 0.36 = 1.2 × 0.3 exactly, although 1.2 * 0.3 is 0.36 − ε in floats.
        let m = Measure::HigherBetter {
            target: 0.3,
            actual: 0.36,
        };
        assert!(m.target_may_be_too_low());
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(round2(89.995), 90.0);
        assert_eq!(round2(89.994), 89.99);
        assert_eq!(round2(-1.005), -1.01);
        assert_eq!(round2(79.999), 80.0);
        assert_eq!(round2(0.125), 0.13);
    }

    #[test]
    fn grade_band_edges() {
        assert_eq!(Grade::from_total(90.0), Grade::Excellent);
        assert_eq!(Grade::from_total(89.99), Grade::Good);
        assert_eq!(Grade::from_total(80.0), Grade::Good);
        assert_eq!(Grade::from_total(79.99), Grade::Fair);
        assert_eq!(Grade::from_total(60.0), Grade::Fair);
        assert_eq!(Grade::from_total(59.99), Grade::Poor);
        // 89.995 rounds to 90.00 before grading.
        assert_eq!(total_and_grade([50.0, 39.995]), (90.0, Grade::Excellent));
    }

    fn measure_strategy() -> impl Strategy<Value = Measure> {
        let value = -1e6..1e6f64;
        let target = 0.001..1e6f64;
        prop_oneof![
            (target.clone(), value.clone())
                .prop_map(|(target, actual)| Measure::HigherBetter { target, actual }),
            (target, value.clone())
                .prop_map(|(target, actual)| Measure::LowerBetter { target, actual }),
            value.prop_map(|actual| Measure::ZeroTarget { actual }),
            (0.0..=100.0f64).prop_map(|percent| Measure::Qualitative {
                rating: Rating::Achieved,
                percent
            }),
            (0.0..10.0f64).prop_map(|rate| Measure::BudgetExecution { rate }),
        ]
    }

    proptest! {
        #[test]
        fn a_score_is_within_its_points(measure in measure_strategy(), w in 0.0..=100.0f64) {
            let scored = score(measure, points(w));
            prop_assert!(scored.score >= 0.0 && scored.score <= w);
            prop_assert!((0.0..=1.0).contains(&scored.achievement));
        }

        #[test]
        fn a_total_never_exceeds_100(
            split in proptest::collection::vec(1u32..20, 1..12),
            measures in proptest::collection::vec(measure_strategy(), 12),
        ) {
            // Points that sum to exactly 100, as a valid set's do.
            let sum: u32 = split.iter().sum();
            let weights: Vec<f64> = split.iter().map(|s| 100.0 * *s as f64 / sum as f64).collect();
            let scores = weights.iter().zip(&measures).map(|(w, m)| score(*m, points(*w)).score);
            let (total, _) = total_and_grade(scores);
            prop_assert!((0.0..=100.0).contains(&total));
        }

        #[test]
        fn raising_a_higher_is_better_actual_never_lowers_its_score(
            target in 0.001..1e6f64, actual in -1e6..1e6f64, raise in 0.0..1e6f64, w in 0.0..=100.0f64
        ) {
            let before = score(Measure::HigherBetter { target, actual }, points(w)).score;
            let after = score(Measure::HigherBetter { target, actual: actual + raise }, points(w)).score;
            prop_assert!(after >= before);
        }

        #[test]
        fn lowering_a_lower_is_better_actual_never_lowers_its_score(
            target in 0.001..1e6f64, actual in -1e6..1e6f64, cut in 0.0..1e6f64, w in 0.0..=100.0f64
        ) {
            let before = score(Measure::LowerBetter { target, actual }, points(w)).score;
            let after = score(Measure::LowerBetter { target, actual: actual - cut }, points(w)).score;
            prop_assert!(after >= before);
        }
    }
}
