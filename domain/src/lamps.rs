//! In-year "double monitoring" lamps (DESIGN §1 "Lamps").
//!
//! At month m the time progress is p = m/12. A ratio q is put in a band:
//! red < red_below ≤ yellow < green_from ≤ green < blue_from ≤ blue, a value exactly on a
//! boundary belonging to the upper band. Every band decision compares products of the
//! numbers as written (integers for money), never a rounded float ratio.

use crate::exact::Exact;
use crate::framework::{Accumulation, Direction};
use crate::FieldError;
use std::cmp::Ordering;

wire_enum! {
    /// A monitoring lamp. Ordered from "no data" through worst to best.
    pub enum Lamp {
        None = "none", "无数据", "No data";
        Red = "red", "红灯", "Red";
        Yellow = "yellow", "黄灯", "Yellow";
        Green = "green", "绿灯", "Green";
        Blue = "blue", "蓝灯", "Blue (target may be set too low)";
    }
}

/// The year's lamp thresholds, as fractions of time progress.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampThresholds {
    pub red_below: f64,
    pub green_from: f64,
    pub blue_from: f64,
}

impl Default for LampThresholds {
    fn default() -> Self {
        Self {
            red_below: 0.6,
            green_from: 0.8,
            blue_from: 1.2,
        }
    }
}

impl LampThresholds {
    /// Thresholds must be finite and strictly increasing from above zero.
    pub fn parse(self) -> Result<Self, FieldError> {
        let fields = [
            ("thresholds.red_below", self.red_below),
            ("thresholds.green_from", self.green_from),
            ("thresholds.blue_from", self.blue_from),
        ];
        for (field, value) in fields {
            if !value.is_finite() || value <= 0.0 {
                return Err(field_error!(
                    "invalid_threshold",
                    field,
                    "a threshold must be a number greater than 0",
                    "阈值须为大于 0 的数",
                ));
            }
        }
        if !(self.red_below < self.green_from && self.green_from < self.blue_from) {
            return Err(field_error!(
                "thresholds_not_increasing",
                "thresholds",
                "thresholds must increase: red_below < green_from < blue_from",
                "阈值须依次递增：红灯 < 绿灯 < 蓝灯",
            ));
        }
        Ok(self)
    }
}

/// A month of the fiscal year, 1..=12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month(u8);

impl Month {
    pub fn parse(value: i64) -> Result<Self, FieldError> {
        u8::try_from(value)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .map(Self)
            .ok_or_else(|| {
                field_error!(
                    "invalid_month",
                    "month",
                    "month must be 1 to 12",
                    "月份须为 1 到 12"
                )
            })
    }

    pub const fn get(self) -> u8 {
        self.0
    }
}

/// A lamp with the ratio it was decided from (for display only).
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampReading {
    pub ratio: Option<f64>,
    pub lamp: Lamp,
}

/// q = numerator / denominator (denominator > 0), each an exact product of the numbers as
/// written, with the float ratio kept for display and as a fallback for huge inputs.
struct Quotient {
    numerator: Option<Exact>,
    denominator: Option<Exact>,
    ratio: f64,
}

impl Quotient {
    fn new(numerator: &[Option<Exact>], denominator: &[Option<Exact>], ratio: f64) -> Self {
        let product = |factors: &[Option<Exact>]| {
            factors
                .iter()
                .try_fold(Exact::int(1), |acc, f| acc.checked_mul((*f)?))
        };
        Self {
            numerator: product(numerator),
            denominator: product(denominator),
            ratio,
        }
    }

    /// q ≥ threshold, i.e. numerator ≥ denominator · threshold.
    fn at_least(&self, threshold: f64) -> bool {
        let exact = || {
            let needed = self.denominator?.checked_mul(Exact::from_f64(threshold)?)?;
            self.numerator?.checked_cmp(needed)
        };
        match exact() {
            Some(order) => order != Ordering::Less,
            None => self.ratio >= threshold,
        }
    }

    fn band(&self, thresholds: LampThresholds, with_blue: bool) -> Lamp {
        if !self.at_least(thresholds.red_below) {
            Lamp::Red
        } else if !self.at_least(thresholds.green_from) {
            Lamp::Yellow
        } else if with_blue && self.at_least(thresholds.blue_from) {
            Lamp::Blue
        } else {
            Lamp::Green
        }
    }
}

/// Spending lamp: q = (spent / budget) / (m / 12) = spent·12 / (budget·m), money in fen.
/// Red, yellow or green; a line with no budget has no lamp.
pub fn spending_lamp(
    budget_fen: i64,
    spent_to_date_fen: i64,
    month: Month,
    thresholds: LampThresholds,
) -> LampReading {
    if budget_fen <= 0 {
        return LampReading {
            ratio: None,
            lamp: Lamp::None,
        };
    }
    let m = i64::from(month.get());
    let ratio = (spent_to_date_fen as f64 * 12.0) / (budget_fen as f64 * m as f64);
    let q = Quotient::new(
        &[Some(Exact::int(spent_to_date_fen)), Some(Exact::int(12))],
        &[Some(Exact::int(budget_fen)), Some(Exact::int(m))],
        ratio,
    );
    LampReading {
        ratio: Some(ratio),
        lamp: q.band(thresholds, false),
    }
}

/// An indicator's lamp from its value to date. Qualitative and budget-execution indicators
/// are monitored through ratings and spending, so they have no lamp of their own.
pub fn indicator_lamp(
    direction: Direction,
    accumulation: Accumulation,
    target: f64,
    value_to_date: Option<f64>,
    month: Month,
    thresholds: LampThresholds,
) -> LampReading {
    let none = LampReading {
        ratio: None,
        lamp: Lamp::None,
    };
    let Some(value) = value_to_date.filter(|v| v.is_finite()) else {
        return none;
    };
    let m = i64::from(month.get());
    // Expected by now: t·p for cumulative counts (compare a·12 with t·m), t for levels.
    let q = match accumulation {
        Accumulation::Cumulative => Quotient::new(
            &[Exact::from_f64(value), Some(Exact::int(12))],
            &[Exact::from_f64(target), Some(Exact::int(m))],
            value * 12.0 / (target * m as f64),
        ),
        Accumulation::Level => Quotient::new(
            &[Exact::from_f64(value)],
            &[Exact::from_f64(target)],
            value / target,
        ),
    };
    let ratio = Some(q.ratio).filter(|r| r.is_finite());
    let lamp = match direction {
        Direction::HigherBetter if target > 0.0 => q.band(thresholds, true),
        // "a ≤ t·p" is "q ≤ 1".
        Direction::LowerBetter if target > 0.0 => {
            let above = q.at_least(1.0) && !exact_equal(&q);
            if above {
                Lamp::Red
            } else {
                Lamp::Green
            }
        }
        Direction::ZeroTarget => {
            return LampReading {
                ratio: None,
                lamp: if value <= 0.0 { Lamp::Green } else { Lamp::Red },
            }
        }
        _ => return none,
    };
    LampReading { ratio, lamp }
}

/// q = 1 exactly (or, for huge inputs, in floats).
fn exact_equal(q: &Quotient) -> bool {
    match (q.numerator, q.denominator) {
        (Some(n), Some(d)) => n.checked_cmp(d) == Some(Ordering::Equal),
        _ => q.ratio == 1.0,
    }
}

/// A department's lamp: the worst of its lamps; blue counts as green, `none` is skipped,
/// and all `none` gives `none`.
pub fn department_lamp(lamps: impl IntoIterator<Item = Lamp>) -> Lamp {
    lamps
        .into_iter()
        .filter(|lamp| *lamp != Lamp::None)
        .map(|lamp| {
            if lamp == Lamp::Blue {
                Lamp::Green
            } else {
                lamp
            }
        })
        .min()
        .unwrap_or(Lamp::None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn month(m: i64) -> Month {
        Month::parse(m).unwrap()
    }
    const T: LampThresholds = LampThresholds {
        red_below: 0.6,
        green_from: 0.8,
        blue_from: 1.2,
    };

    #[test]
    fn spending_boundaries_belong_to_the_upper_band() {
        // Month 6: p = 0.5. Budget 1 000 000 fen.
        let lamp = |spent| spending_lamp(1_000_000, spent, month(6), T).lamp;
        assert_eq!(lamp(299_999), Lamp::Red);
        assert_eq!(lamp(300_000), Lamp::Yellow); // q = 0.6 exactly
        assert_eq!(lamp(399_999), Lamp::Yellow);
        assert_eq!(lamp(400_000), Lamp::Green); // q = 0.8 exactly
        assert_eq!(lamp(900_000), Lamp::Green); // no blue for spending
        assert_eq!(spending_lamp(0, 5, month(3), T).lamp, Lamp::None);
    }

    #[test]
    fn spending_with_thirds_is_exact() {
        // Month 7, budget 12 000 fen: green from 12 000·7·0.8/12 = 5 600 fen exactly.
        assert_eq!(spending_lamp(12_000, 5_600, month(7), T).lamp, Lamp::Green);
        assert_eq!(spending_lamp(12_000, 5_599, month(7), T).lamp, Lamp::Yellow);
        // Huge budgets beyond 2^53 fen are still decided on integers.
        let budget = 9_000_000_000_000_000_i64;
        let exact_green = budget / 12 * 7 / 10 * 8; // budget·7/12·0.8, divisible here
        assert_eq!(
            spending_lamp(budget, exact_green, month(7), T).lamp,
            Lamp::Green
        );
        assert_eq!(
            spending_lamp(budget, exact_green - 1, month(7), T).lamp,
            Lamp::Yellow
        );
    }

    #[test]
    fn higher_is_better_cumulative_and_level() {
        let cumulative = |value| {
            indicator_lamp(
                Direction::HigherBetter,
                Accumulation::Cumulative,
                1200.0,
                Some(value),
                month(9),
                T,
            )
            .lamp
        };
        // Expected by month 9: 900.
        assert_eq!(cumulative(539.0), Lamp::Red);
        assert_eq!(cumulative(540.0), Lamp::Yellow);
        assert_eq!(cumulative(720.0), Lamp::Green);
        assert_eq!(cumulative(1079.0), Lamp::Green);
        assert_eq!(cumulative(1080.0), Lamp::Blue);
        let level = |value| {
            indicator_lamp(
                Direction::HigherBetter,
                Accumulation::Level,
                95.0,
                Some(value),
                month(3),
                T,
            )
            .lamp
        };
        assert_eq!(level(57.0), Lamp::Yellow); // 0.6 · 95
        assert_eq!(level(75.99), Lamp::Yellow);
        assert_eq!(level(76.0), Lamp::Green);
        assert_eq!(level(114.0), Lamp::Blue);
        // Decimal boundary that floats miss: 0.3 · 0.6 = 0.18.
        let lamp = indicator_lamp(
            Direction::HigherBetter,
            Accumulation::Level,
            0.3,
            Some(0.18),
            month(1),
            T,
        );
        assert_eq!(lamp.lamp, Lamp::Yellow);
    }

    #[test]
    fn lower_is_better_and_zero_target() {
        let lower = |acc, value| {
            indicator_lamp(Direction::LowerBetter, acc, 12.0, Some(value), month(6), T).lamp
        };
        assert_eq!(lower(Accumulation::Cumulative, 6.0), Lamp::Green);
        assert_eq!(lower(Accumulation::Cumulative, 6.01), Lamp::Red);
        assert_eq!(lower(Accumulation::Level, 12.0), Lamp::Green);
        assert_eq!(lower(Accumulation::Level, 12.5), Lamp::Red);
        let zero = |value| {
            indicator_lamp(
                Direction::ZeroTarget,
                Accumulation::Cumulative,
                0.0,
                value,
                month(6),
                T,
            )
            .lamp
        };
        assert_eq!(zero(Some(0.0)), Lamp::Green);
        assert_eq!(zero(Some(1.0)), Lamp::Red);
        assert_eq!(zero(None), Lamp::None);
    }

    #[test]
    fn department_lamp_is_the_worst_one() {
        use Lamp::*;
        assert_eq!(department_lamp([Green, Blue, Yellow, None]), Yellow);
        assert_eq!(department_lamp([Blue, Green]), Green);
        assert_eq!(department_lamp([Blue, Red]), Red);
        assert_eq!(department_lamp([None, None]), None);
        assert_eq!(department_lamp([]), None);
    }

    #[test]
    fn thresholds_and_months_are_parsed() {
        assert!(Month::parse(0).is_err());
        assert!(Month::parse(13).is_err());
        assert!(LampThresholds {
            red_below: 0.9,
            ..T
        }
        .parse()
        .is_err());
        assert!(LampThresholds {
            blue_from: f64::NAN,
            ..T
        }
        .parse()
        .is_err());
        assert!(T.parse().is_ok());
    }

    proptest! {
        #[test]
        fn more_spending_never_gives_a_worse_lamp(budget in 1i64..1_000_000_000_000, a in 0i64..2_000_000_000_000, extra in 0i64..1_000_000_000, m in 1i64..=12) {
            let before = spending_lamp(budget, a, month(m), T).lamp;
            let after = spending_lamp(budget, a + extra, month(m), T).lamp;
            prop_assert!(after >= before);
        }

        #[test]
        fn band_agrees_with_the_ratio_away_from_boundaries(budget in 1i64..1_000_000_000, spent in 0i64..2_000_000_000, m in 1i64..=12) {
            let reading = spending_lamp(budget, spent, month(m), T);
            let q = reading.ratio.unwrap();
            let expected = if q < 0.6 - 1e-9 { Some(Lamp::Red) } else if (0.6 + 1e-9..0.8 - 1e-9).contains(&q) { Some(Lamp::Yellow) } else if q >= 0.8 + 1e-9 { Some(Lamp::Green) } else { None };
            if let Some(expected) = expected { prop_assert_eq!(reading.lamp, expected); }
        }
    }
}

#[cfg(test)]
mod year_end_tests {
    use super::*;

    #[test]
    fn at_month_12_the_whole_target_is_expected() {
        let t = LampThresholds::default();
        let m12 = Month::parse(12).unwrap();
        // Spending: all of the budget by December is q = 1.
        assert_eq!(spending_lamp(1_000, 1_000, m12, t).lamp, Lamp::Green);
        assert_eq!(spending_lamp(1_000, 799, m12, t).lamp, Lamp::Yellow);
        assert_eq!(spending_lamp(1_000, 800, m12, t).lamp, Lamp::Green);
        // Cumulative higher-is-better: the full target is due; 1.2 × target is blue.
        let lamp = |v| {
            indicator_lamp(
                Direction::HigherBetter,
                Accumulation::Cumulative,
                500.0,
                Some(v),
                m12,
                t,
            )
            .lamp
        };
        assert_eq!(lamp(299.0), Lamp::Red);
        assert_eq!(lamp(300.0), Lamp::Yellow);
        assert_eq!(lamp(400.0), Lamp::Green);
        assert_eq!(lamp(600.0), Lamp::Blue);
        // Lower-is-better cumulative: up to the whole target by December.
        let lower = |v| {
            indicator_lamp(
                Direction::LowerBetter,
                Accumulation::Cumulative,
                50.0,
                Some(v),
                m12,
                t,
            )
            .lamp
        };
        assert_eq!(lower(50.0), Lamp::Green);
        assert_eq!(lower(50.5), Lamp::Red);
    }
}
