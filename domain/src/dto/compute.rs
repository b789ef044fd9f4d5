//! The stateless compute endpoints (`POST /api/score`, `POST /api/lamps`): the rules of
//! DESIGN for other government systems and outside checkers, run by the same domain code.

use crate::framework::{Accumulation, Direction};
use crate::lamps::{Lamp, LampThresholds};
use crate::scoring::{Grade, Rating};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreRequest {
    pub indicators: Vec<ScoreInput>,
}

/// One indicator to score. `target`/`actual` for the numeric directions (for
/// `budget_execution`, `actual` is the execution rate, e.g. 0.95); `rating` and an optional
/// `percent` inside the rating's band for `qualitative`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ScoreInput {
    pub direction: Direction,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub actual: Option<f64>,
    pub points: f64,
    #[serde(default)]
    pub rating: Option<Rating>,
    #[serde(default)]
    pub percent: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreResponse {
    pub indicators: Vec<ScoreOutput>,
    /// Σ scores, rounded half away from zero to 2 decimals.
    pub total: f64,
    /// From the rounded total.
    pub grade: Grade,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScoreOutput {
    /// Points earned, within 0..=points (unrounded).
    pub score: f64,
    /// score / points, within 0..=1.
    pub achievement: f64,
    /// Higher-is-better actual ≥ 1.2 × target: "target may be set too low" (no deduction).
    pub target_may_be_too_low: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LampsRequest {
    /// Month of the fiscal year, 1–12.
    pub month: i64,
    #[serde(default)]
    pub thresholds: Option<LampThresholds>,
    #[serde(default)]
    pub spending: Vec<SpendingInput>,
    #[serde(default)]
    pub indicators: Vec<IndicatorProgress>,
}

/// Money in fen (integers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SpendingInput {
    pub budget: i64,
    pub spent_to_date: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct IndicatorProgress {
    pub direction: Direction,
    pub accumulation: Accumulation,
    #[serde(default)]
    pub target: Option<f64>,
    #[serde(default)]
    pub value_to_date: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampOutput {
    /// The quotient the lamp was decided from, for display; `null` when there is none.
    pub ratio: Option<f64>,
    pub lamp: Lamp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LampsResponse {
    pub spending: Vec<LampOutput>,
    pub indicators: Vec<LampOutput>,
    pub department_lamp: Lamp,
}

impl ScoreRequest {
    /// Scores every indicator, or names the first field at fault (`indicators[2].target`).
    pub fn evaluate(&self) -> Result<ScoreResponse, crate::FieldError> {
        use crate::scoring::{score, total_and_grade, Measure, Points, RawMeasure};
        if self.indicators.is_empty() {
            return Err(field_error!(
                "required",
                "indicators",
                "give at least one indicator to score",
                "请至少提供一项待计分的指标",
            ));
        }
        let mut outputs = Vec::with_capacity(self.indicators.len());
        let mut points_total = 0.0;
        for (i, input) in self.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            let points = Points::parse(input.points).map_err(|e| e.within(&path))?;
            points_total += points.get();
            let raw = RawMeasure {
                target: input.target,
                actual: input.actual,
                rating: input.rating,
                percent: input.percent,
            };
            let measure = Measure::parse(input.direction, &raw).map_err(|e| e.within(&path))?;
            let scored = score(measure, points);
            outputs.push(ScoreOutput {
                score: scored.score,
                achievement: scored.achievement,
                target_may_be_too_low: scored.target_may_be_too_low,
            });
        }
        if points_total > 100.0 + 1e-9 {
            return Err(field_error!(
                "points_over_100",
                "indicators",
                "the points add up to {}; a set has 100",
                "分值合计为 {}，指标体系的分值合计应为 100",
                crate::scoring::round2(points_total),
            ));
        }
        let (total, grade) = total_and_grade(outputs.iter().map(|o| o.score));
        Ok(ScoreResponse {
            indicators: outputs,
            total,
            grade,
        })
    }
}

impl LampsRequest {
    /// Every lamp of the request, or the first field at fault.
    pub fn evaluate(&self) -> Result<LampsResponse, crate::FieldError> {
        use crate::lamps::{department_lamp, indicator_lamp, spending_lamp, Month};
        let month = Month::parse(self.month)?;
        let thresholds = self.thresholds.unwrap_or_default().parse()?;
        let mut spending = Vec::with_capacity(self.spending.len());
        for (i, line) in self.spending.iter().enumerate() {
            for (field, value) in [
                ("budget", line.budget),
                ("spent_to_date", line.spent_to_date),
            ] {
                if value < 0 {
                    return Err(field_error!(
                        "negative_amount",
                        format!("spending[{i}].{field}"),
                        "an amount of money cannot be negative",
                        "金额不能为负数",
                    ));
                }
            }
            let reading = spending_lamp(line.budget, line.spent_to_date, month, thresholds);
            spending.push(LampOutput {
                ratio: reading.ratio,
                lamp: reading.lamp,
            });
        }
        let mut indicators = Vec::with_capacity(self.indicators.len());
        for (i, progress) in self.indicators.iter().enumerate() {
            let path = format!("indicators[{i}]");
            let target =
                check_target(progress.direction, progress.target).map_err(|e| e.within(&path))?;
            if progress.value_to_date.is_some_and(|v| !v.is_finite()) {
                return Err(field_error!(
                    "not_a_number",
                    format!("{path}.value_to_date"),
                    "must be a finite number or null",
                    "须为有效数字或留空",
                ));
            }
            let reading = indicator_lamp(
                progress.direction,
                progress.accumulation,
                target,
                progress.value_to_date,
                month,
                thresholds,
            );
            indicators.push(LampOutput {
                ratio: reading.ratio,
                lamp: reading.lamp,
            });
        }
        let department_lamp = department_lamp(spending.iter().chain(&indicators).map(|o| o.lamp));
        Ok(LampsResponse {
            spending,
            indicators,
            department_lamp,
        })
    }
}

/// The target a direction needs: > 0 for higher/lower is better, 0 (or none) for a zero
/// target; the others are monitored without one.
fn check_target(direction: Direction, target: Option<f64>) -> Result<f64, crate::FieldError> {
    match (direction, target) {
        (Direction::HigherBetter | Direction::LowerBetter, Some(t)) if t.is_finite() && t > 0.0 => {
            Ok(t)
        }
        (Direction::HigherBetter | Direction::LowerBetter, None) => Err(field_error!(
            "required",
            "target",
            "is required for this direction",
            "该指标方向须填写目标值",
        )),
        (Direction::HigherBetter | Direction::LowerBetter, Some(_)) => Err(field_error!(
            "target_not_positive",
            "target",
            "the target must be a number greater than 0 for this direction",
            "该指标方向的目标值须为大于 0 的数",
        )),
        (Direction::ZeroTarget, None | Some(0.0)) => Ok(0.0),
        (Direction::ZeroTarget, Some(_)) => Err(field_error!(
            "target_not_zero",
            "target",
            "a zero-target indicator has target 0",
            "零目标指标的目标值须为 0",
        )),
        (_, Some(t)) if !t.is_finite() => Err(field_error!(
            "not_a_number",
            "target",
            "must be a finite number",
            "须为有效数字",
        )),
        (_, t) => Ok(t.unwrap_or(0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn score(body: serde_json::Value) -> Result<ScoreResponse, crate::FieldError> {
        serde_json::from_value::<ScoreRequest>(body)
            .unwrap()
            .evaluate()
    }

    #[test]
    fn scores_a_mixed_set_as_design_says() {
        let response = score(json!({ "indicators": [
            { "direction": "budget_execution", "actual": 0.95, "points": 10 },
            { "direction": "higher_better", "target": 200, "actual": 150, "points": 40 },
            { "direction": "lower_better", "target": 10, "actual": 12.5, "points": 20 },
            { "direction": "zero_target", "actual": 0, "points": 10 },
            { "direction": "qualitative", "rating": "partly", "points": 10 },
            { "direction": "qualitative", "rating": "achieved", "percent": 85, "points": 10 }
        ]}))
        .unwrap();
        let scores: Vec<f64> = response.indicators.iter().map(|i| i.score).collect();
        assert_eq!(scores, [9.5, 30.0, 15.0, 10.0, 7.0, 8.5]);
        assert_eq!(response.total, 80.0);
        assert_eq!(response.grade, crate::scoring::Grade::Good);
        assert_eq!(response.indicators[1].achievement, 0.75);
    }

    #[test]
    fn bad_input_names_its_field() {
        let err = score(json!({ "indicators": [
            { "direction": "higher_better", "target": 1, "actual": 1, "points": 10 },
            { "direction": "higher_better", "actual": 1, "points": 10 }
        ]}))
        .unwrap_err();
        assert_eq!(err.field, "indicators[1].target");
        let err = score(json!({ "indicators": [{ "direction": "higher_better", "target": 1, "actual": 1, "points": -1 }]})).unwrap_err();
        assert_eq!(err.field, "indicators[0].points");
        let err = score(json!({ "indicators": [{ "direction": "qualitative", "rating": "partly", "percent": 85, "points": 5 }]})).unwrap_err();
        assert_eq!(err.field, "indicators[0].percent");
        let err = score(json!({ "indicators": [
            { "direction": "zero_target", "actual": 0, "points": 60 },
            { "direction": "zero_target", "actual": 0, "points": 60 }
        ]}))
        .unwrap_err();
        assert_eq!(err.code, "points_over_100");
        assert!(serde_json::from_value::<ScoreRequest>(
            json!({ "indicators": [{ "direction": "sideways", "points": 1 }]})
        )
        .is_err());
    }

    #[test]
    fn lamps_for_a_department() {
        let request: LampsRequest = serde_json::from_value(json!({
            "month": 6,
            "spending": [{ "budget": 1000000, "spent_to_date": 300000 }, { "budget": 1000000, "spent_to_date": 500000 }],
            "indicators": [
                { "direction": "higher_better", "accumulation": "cumulative", "target": 1200, "value_to_date": 720 },
                { "direction": "higher_better", "accumulation": "level", "target": 90, "value_to_date": null },
                { "direction": "lower_better", "accumulation": "level", "target": 10, "value_to_date": 9 }
            ]
        }))
        .unwrap();
        let response = request.evaluate().unwrap();
        let lamps: Vec<Lamp> = response
            .spending
            .iter()
            .chain(&response.indicators)
            .map(|o| o.lamp)
            .collect();
        assert_eq!(
            lamps,
            [
                Lamp::Yellow,
                Lamp::Green,
                Lamp::Blue,
                Lamp::None,
                Lamp::Green
            ]
        );
        assert_eq!(response.department_lamp, Lamp::Yellow);
        assert_eq!(response.spending[0].ratio, Some(0.6));
    }

    #[test]
    fn lamp_input_is_checked() {
        let bad = |body: serde_json::Value| {
            serde_json::from_value::<LampsRequest>(body)
                .unwrap()
                .evaluate()
                .unwrap_err()
                .field
        };
        assert_eq!(bad(json!({ "month": 13 })), "month");
        assert_eq!(
            bad(json!({ "month": 1, "spending": [{ "budget": -1, "spent_to_date": 0 }] })),
            "spending[0].budget"
        );
        assert_eq!(
            bad(
                json!({ "month": 1, "indicators": [{ "direction": "higher_better", "accumulation": "level", "target": 0, "value_to_date": 1 }] })
            ),
            "indicators[0].target"
        );
        assert_eq!(
            bad(
                json!({ "month": 1, "thresholds": { "red_below": 0.9, "green_from": 0.8, "blue_from": 1.2 } })
            ),
            "thresholds"
        );
    }
}
