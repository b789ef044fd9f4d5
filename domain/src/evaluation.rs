//! Year-end evaluation (DESIGN §1, step 4): the department's self-evaluation and finance's
//! re-evaluation of one indicator set. Both score through [`crate::scoring`]; this module
//! adds what an evaluation asks of the evaluators — complete figures, a cause wherever
//! points are lost or the target looks too low, a reason for every override — and the
//! outcome (scores, total, grade) that the server stores and the app shows.

use crate::framework::Direction;
use crate::scoring::{score, total_and_grade, Grade, Measure, Points, Rating, RawMeasure, Scored};
use crate::FieldError;
use serde::{Deserialize, Serialize};

/// Longest cause, evidence note, reason or remark we keep.
pub const MAX_TEXT: usize = 4000;

wire_enum! {
    /// Where a department's evaluation of a year stands.
    pub enum EvaluationStatus {
        NotStarted = "not_started", "未开始", "Not started";
        SelfDraft = "self_draft", "自评中", "Self-evaluation in progress";
        SelfSubmitted = "self_submitted", "自评已签署", "Self-evaluation signed off";
        Reevaluated = "reevaluated", "财政复评中", "Finance re-evaluation in progress";
        Final = "final", "已定级", "Graded";
    }
}

/// What an evaluator records for one indicator: an actual (the execution rate for budget
/// execution) or, for a qualitative indicator, a rating with the percent inside its band.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    #[serde(default)]
    pub actual: Option<f64>,
    #[serde(default)]
    pub rating: Option<Rating>,
    /// 0–100, inside the rating's band; absent means the band's default.
    #[serde(default)]
    pub percent: Option<f64>,
}

impl Figures {
    pub fn is_empty(&self) -> bool {
        self.actual.is_none() && self.rating.is_none() && self.percent.is_none()
    }

    /// The figures as they count for the indicator's direction: a qualitative indicator
    /// ignores any actual, the others any rating, and an absent percent is the band's
    /// default. Two evaluators who agree produce equal normal forms.
    pub fn normalized(&self, direction: Direction) -> Self {
        if direction == Direction::Qualitative {
            Self {
                actual: None,
                rating: self.rating,
                percent: self
                    .rating
                    .map(|r| self.percent.unwrap_or_else(|| r.default_percent())),
            }
        } else {
            Self {
                actual: self.actual,
                rating: None,
                percent: None,
            }
        }
    }
}

/// The parts of an indicator that scoring needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Terms {
    pub direction: Direction,
    pub target: Option<f64>,
    pub points: f64,
}

impl Terms {
    /// Scores figures against these terms; the error names the field at fault
    /// (`actual`, `rating`, `percent`).
    pub fn assess(&self, figures: &Figures) -> Result<Scored, FieldError> {
        let raw = RawMeasure {
            target: self.target,
            actual: figures.actual,
            rating: figures.rating,
            percent: figures.percent,
        };
        let measure = Measure::parse(self.direction, &raw)?;
        let points = Points::parse(self.points).map_err(|e| e.within("points"))?;
        Ok(score(measure, points))
    }
}

/// Whether an evaluator must explain the result: points were lost, or a higher-is-better
/// actual reached 1.2 × target ("target may be set too low").
pub fn needs_cause(scored: &Scored) -> bool {
    scored.achievement < 1.0 || scored.target_may_be_too_low
}

/// The department's entry for one indicator.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SelfEntry {
    pub figures: Figures,
    pub cause: Option<String>,
    pub evidence: Option<String>,
}

fn text_problem(text: Option<&str>, path: &str) -> Option<FieldError> {
    let text = text?;
    (text.chars().count() > MAX_TEXT).then(|| {
        field_error!(
            "too_long",
            path,
            "at most {MAX_TEXT} characters",
            "不能超过 {MAX_TEXT} 个字"
        )
    })
}

fn has_text(text: Option<&str>) -> bool {
    text.is_some_and(|t| !t.trim().is_empty())
}

/// Every problem with a self-evaluation, as `items[i].field`. A draft (`sign_off` false)
/// may leave figures out but what it holds must be valid; a sign-off needs every figure
/// and a cause for every indicator that needs one.
pub fn self_evaluation_problems(
    terms: &[Terms],
    entries: &[SelfEntry],
    sign_off: bool,
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for (index, (terms, entry)) in terms.iter().zip(entries).enumerate() {
        let path = format!("items[{index}]");
        problems.extend(text_problem(
            entry.cause.as_deref(),
            &format!("{path}.cause"),
        ));
        problems.extend(text_problem(
            entry.evidence.as_deref(),
            &format!("{path}.evidence"),
        ));
        if entry.figures.is_empty() && !sign_off {
            continue;
        }
        match terms.assess(&entry.figures) {
            Ok(scored) => {
                if sign_off && needs_cause(&scored) && !has_text(entry.cause.as_deref()) {
                    problems.push(if scored.target_may_be_too_low {
                        field_error!(
                            "cause_required",
                            format!("{path}.cause"),
                            "the actual is at least 1.2 × the target: say why (the target may have been set too low)",
                            "实际值达到目标值的 1.2 倍以上，请说明原因（目标值可能设定偏低）",
                        )
                    } else {
                        field_error!(
                            "cause_required",
                            format!("{path}.cause"),
                            "this indicator loses points: give the cause of the deviation",
                            "该指标有扣分，请说明偏差原因",
                        )
                    });
                }
            }
            // A draft may hold a rating without its percent, or nothing yet.
            Err(e) if !sign_off && e.code == "required" => {}
            Err(e) => problems.push(e.within(&path)),
        }
    }
    problems
}

/// Finance's figures for one indicator, if it changes the department's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Override {
    pub figures: Figures,
    pub reason: Option<String>,
}

/// Whether finance's figures differ from the department's in what they count for.
pub fn overrides(direction: Direction, own: &Figures, finance: &Figures) -> bool {
    own.normalized(direction) != finance.normalized(direction)
}

/// Every problem with a re-evaluation: each override must be complete and valid and carry
/// a reason. `overrides[i]` is `None` where the department's figures stand.
pub fn reevaluation_problems(
    terms: &[Terms],
    own: &[Figures],
    overrides_given: &[Option<Override>],
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for (index, ((terms, own), given)) in terms.iter().zip(own).zip(overrides_given).enumerate() {
        let Some(given) = given else { continue };
        let path = format!("items[{index}]");
        if let Err(e) = terms.assess(&given.figures) {
            problems.push(e.within(&path));
            continue;
        }
        problems.extend(text_problem(
            given.reason.as_deref(),
            &format!("{path}.reason"),
        ));
        if overrides(terms.direction, own, &given.figures) && !has_text(given.reason.as_deref()) {
            problems.push(field_error!(
                "reason_required",
                format!("{path}.reason"),
                "an override of the department's figure needs a reason",
                "复评数值与部门自评不同，须填写理由",
            ));
        }
    }
    problems
}

/// Scores, total and grade of a complete set of figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub scores: Vec<Scored>,
    pub total: f64,
    pub grade: Grade,
}

/// The outcome, or the first indicator whose figures are missing or invalid.
pub fn outcome(terms: &[Terms], figures: &[&Figures]) -> Result<Outcome, FieldError> {
    let scores = terms
        .iter()
        .zip(figures)
        .enumerate()
        .map(|(index, (terms, figures))| {
            terms
                .assess(figures)
                .map_err(|e| e.within(&format!("items[{index}]")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let (total, grade) = total_and_grade(scores.iter().map(|s| s.score));
    Ok(Outcome {
        scores,
        total,
        grade,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn higher(target: f64, points: f64) -> Terms {
        Terms {
            direction: Direction::HigherBetter,
            target: Some(target),
            points,
        }
    }

    fn actual(value: f64) -> Figures {
        Figures {
            actual: Some(value),
            ..Figures::default()
        }
    }

    fn entry(figures: Figures, cause: Option<&str>) -> SelfEntry {
        SelfEntry {
            figures,
            cause: cause.map(Into::into),
            evidence: None,
        }
    }

    #[test]
    fn a_draft_may_be_incomplete_but_a_sign_off_may_not() {
        let terms = [higher(100.0, 60.0), higher(50.0, 40.0)];
        let entries = [entry(actual(100.0), None), SelfEntry::default()];
        assert!(self_evaluation_problems(&terms, &entries, false).is_empty());
        let problems = self_evaluation_problems(&terms, &entries, true);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "items[1].actual");
    }

    #[test]
    fn lost_points_and_too_low_targets_need_a_cause() {
        let terms = [higher(100.0, 50.0), higher(100.0, 50.0), higher(100.0, 0.0)];
        let entries = [
            entry(actual(90.0), None),
            entry(actual(120.0), Some("  ")),
            entry(actual(100.0), None),
        ];
        let problems = self_evaluation_problems(&terms, &entries, true);
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["items[0].cause", "items[1].cause"]);
        assert!(problems.iter().all(|p| p.code == "cause_required"));
        let explained = [
            entry(actual(90.0), Some("late start")),
            entry(actual(120.0), Some("demand was higher")),
            entry(actual(100.0), None),
        ];
        assert!(self_evaluation_problems(&terms, &explained, true).is_empty());
    }

    #[test]
    fn a_percent_outside_its_band_is_refused_even_in_a_draft() {
        let terms = [Terms {
            direction: Direction::Qualitative,
            target: None,
            points: 10.0,
        }];
        let entries = [entry(
            Figures {
                rating: Some(Rating::Partly),
                percent: Some(85.0),
                ..Figures::default()
            },
            Some("x"),
        )];
        let problems = self_evaluation_problems(&terms, &entries, false);
        assert_eq!(problems[0].field, "items[0].percent");
        assert_eq!(problems[0].code, "percent_outside_band");
    }

    #[test]
    fn an_override_needs_a_reason_but_agreeing_figures_do_not() {
        let terms = [higher(100.0, 50.0), higher(100.0, 50.0)];
        let own = [actual(90.0), actual(80.0)];
        let given = [
            Some(Override {
                figures: actual(90.0),
                reason: None,
            }),
            Some(Override {
                figures: actual(70.0),
                reason: Some(String::new()),
            }),
        ];
        let problems = reevaluation_problems(&terms, &own, &given);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "items[1].reason");
        assert_eq!(problems[0].code, "reason_required");
    }

    #[test]
    fn a_default_percent_equals_the_written_default() {
        let written = Figures {
            rating: Some(Rating::Achieved),
            percent: Some(100.0),
            actual: Some(3.0),
        };
        let implied = Figures {
            rating: Some(Rating::Achieved),
            ..Figures::default()
        };
        assert!(!overrides(Direction::Qualitative, &written, &implied));
        assert!(overrides(Direction::HigherBetter, &written, &implied));
    }

    #[test]
    fn a_total_of_89_995_is_excellent() {
        // 80 + 9.995 = 89.995 → 90.00 → Excellent.
        let terms = [higher(100.0, 80.0), higher(1000.0, 10.0)];
        let a = actual(100.0);
        let b = actual(999.5);
        let result = outcome(&terms, &[&a, &b]).unwrap();
        assert_eq!(result.total, 90.0);
        assert_eq!(result.grade, Grade::Excellent);
    }

    proptest! {
        #[test]
        fn every_score_stays_within_its_points(
            target in 0.01f64..1e6, value in -1e6f64..1e7, points in 0.0f64..100.0
        ) {
            let scored = higher(target, points).assess(&actual(value)).unwrap();
            prop_assert!(scored.score >= 0.0 && scored.score <= points);
        }

        #[test]
        fn the_total_of_a_set_never_exceeds_100(
            shares in proptest::collection::vec((0.0f64..2.0, 1u8..20), 1..12)
        ) {
            // Points scaled so that they sum to exactly 100.
            let sum: f64 = shares.iter().map(|(_, w)| f64::from(*w)).sum();
            let terms: Vec<_> = shares
                .iter()
                .map(|(_, w)| higher(10.0, f64::from(*w) * 100.0 / sum))
                .collect();
            let figures: Vec<_> = shares.iter().map(|(s, _)| actual(s * 10.0)).collect();
            let refs: Vec<&Figures> = figures.iter().collect();
            let result = outcome(&terms, &refs).unwrap();
            prop_assert!(result.total >= 0.0 && result.total <= 100.0);
        }
    }
}
