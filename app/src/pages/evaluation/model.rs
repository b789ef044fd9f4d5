//! The evaluation page's pure parts: figures as typed and as sent, the self-evaluation
//! update and its problems, finance's overrides (only figures that differ from the
//! department's) and theirs.

use std::str::FromStr;

use jixiao_domain::dto::evaluation::{EvaluationItem, OverrideUpdate, SelfItemUpdate};
use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::evaluation::{
    overrides, reevaluation_problems, self_evaluation_problems, EvaluationStatus, Figures,
    Override, SelfEntry, Terms,
};
use jixiao_domain::framework::{Direction, Phase};
use jixiao_domain::scoring::Rating;
use jixiao_domain::FieldError;

/// What the page offers its reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The department enters its figures (head and staff of the department).
    SelfEvaluation,
    /// Finance re-evaluates the signed-off figures.
    Reevaluation,
    /// Everything read-only.
    ReadOnly,
}

/// `self_evaluates`: may enter this department's self-evaluation; `reevaluates`: finance.
pub fn mode(
    phase: Phase,
    status: EvaluationStatus,
    self_evaluates: bool,
    reevaluates: bool,
) -> Mode {
    use EvaluationStatus as S;
    if phase != Phase::Evaluation {
        return Mode::ReadOnly;
    }
    match status {
        S::NotStarted | S::SelfDraft if self_evaluates => Mode::SelfEvaluation,
        S::SelfSubmitted | S::Reevaluated if reevaluates => Mode::Reevaluation,
        _ => Mode::ReadOnly,
    }
}

pub fn terms_of(indicator: &Indicator) -> Terms {
    Terms {
        direction: indicator.direction,
        target: indicator.target,
        points: indicator.points,
    }
}

/// A number typed by a person: blank → `None`; spaces and thousands commas allowed.
pub fn parse_number(text: &str) -> Result<Option<f64>, ()> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '，'))
        .collect();
    if cleaned.is_empty() {
        return Ok(None);
    }
    match cleaned.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(()),
    }
}

/// A number as an input's text, exactly (it reads back as the same number).
fn input_text(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn optional_text(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// An indicator's figures as typed: the actual, or a rating (`""` or its wire name) and a
/// percent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FigureText {
    pub actual: String,
    pub rating: String,
    pub percent: String,
}

impl FigureText {
    pub fn of(figures: &Figures) -> Self {
        Self {
            actual: input_text(figures.actual),
            rating: figures
                .rating
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
            percent: input_text(figures.percent),
        }
    }

    /// The figures that count for `direction` (a qualitative indicator has no actual, the
    /// others no rating), and a problem for each text that is not a number.
    pub fn parse(&self, direction: Direction) -> (Figures, Vec<FieldError>) {
        let mut problems = Vec::new();
        let mut number_of = |text: &str, field: &str| {
            parse_number(text).unwrap_or_else(|()| {
                problems.push(FieldError::bilingual(
                    "not_a_number",
                    field,
                    "enter a number, e.g. 95 or 0.95",
                    "请填写数字，如 95 或 0.95",
                ));
                None
            })
        };
        let figures = if direction == Direction::Qualitative {
            Figures {
                actual: None,
                rating: Rating::from_str(self.rating.trim()).ok(),
                percent: number_of(&self.percent, "percent"),
            }
        } else {
            Figures {
                actual: number_of(&self.actual, "actual"),
                rating: None,
                percent: None,
            }
        };
        (figures, problems)
    }
}

/// The department's entry for one indicator as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SelfText {
    pub figures: FigureText,
    pub cause: String,
    pub evidence: String,
}

impl SelfText {
    /// The saved entry; before anything was entered, the monitoring value.
    pub fn of(item: &EvaluationItem) -> Self {
        let figures = if item.self_figures.is_empty() {
            &item.prefill
        } else {
            &item.self_figures
        };
        Self {
            figures: FigureText::of(figures),
            cause: item.cause.clone().unwrap_or_default(),
            evidence: item.evidence.clone().unwrap_or_default(),
        }
    }
}

/// Keeps the domain's problems that do not repeat a field already named.
fn merge(mut first: Vec<FieldError>, rest: Vec<FieldError>) -> Vec<FieldError> {
    for problem in rest {
        if !first.iter().any(|p| p.field == problem.field) {
            first.push(problem);
        }
    }
    first
}

/// The self-evaluation to send (every indicator, in order) and every problem with it as
/// `items[i].field`: texts that are not numbers, then the domain's check (a sign-off needs
/// every figure and the causes).
pub fn self_update(
    items: &[(i64, Terms)],
    texts: &[SelfText],
    sign_off: bool,
) -> (Vec<SelfItemUpdate>, Vec<FieldError>) {
    let mut typing = Vec::new();
    let mut updates = Vec::new();
    let mut entries = Vec::new();
    let mut terms = Vec::new();
    for (index, ((id, item_terms), text)) in items.iter().zip(texts).enumerate() {
        let (figures, problems) = text.figures.parse(item_terms.direction);
        let path = format!("items[{index}]");
        typing.extend(problems.into_iter().map(|p| p.within(&path)));
        let cause = optional_text(&text.cause);
        let evidence = optional_text(&text.evidence);
        updates.push(SelfItemUpdate {
            indicator_id: *id,
            actual: figures.actual,
            rating: figures.rating,
            percent: figures.percent,
            cause: cause.clone(),
            evidence: evidence.clone(),
        });
        entries.push(SelfEntry {
            figures,
            cause,
            evidence,
        });
        terms.push(*item_terms);
    }
    let checks = self_evaluation_problems(&terms, &entries, sign_off);
    (updates, merge(typing, checks))
}

/// Finance's entry for one indicator as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewText {
    pub figures: FigureText,
    pub reason: String,
}

impl ReviewText {
    /// Finance's override if any, else the department's figures.
    pub fn of(item: &EvaluationItem) -> Self {
        Self {
            figures: FigureText::of(item.override_figures.as_ref().unwrap_or(&item.self_figures)),
            reason: item.override_reason.clone().unwrap_or_default(),
        }
    }
}

/// Finance's re-evaluation as it stands in the form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reviewed {
    /// Only the indicators whose figures differ from the department's.
    pub overrides: Vec<OverrideUpdate>,
    /// For each override, the position of its indicator in the evaluation's items.
    pub sent: Vec<usize>,
    /// Per item: whether finance's figures differ from the department's.
    pub differs: Vec<bool>,
    /// Per item: the figures that count (finance's as typed).
    pub figures: Vec<Figures>,
    pub problems: Vec<FieldError>,
}

/// Finance's overrides from the form: `own` are the department's figures per item.
pub fn review(items: &[(i64, Terms, Figures)], texts: &[ReviewText]) -> Reviewed {
    let mut reviewed = Reviewed::default();
    let mut typing = Vec::new();
    let mut given = Vec::new();
    for (index, ((id, terms, own), text)) in items.iter().zip(texts).enumerate() {
        let (figures, problems) = text.figures.parse(terms.direction);
        typing.extend(
            problems
                .iter()
                .cloned()
                .map(|p| p.within(&format!("items[{index}]"))),
        );
        let differs = !problems.is_empty() || overrides(terms.direction, own, &figures);
        if differs {
            let counted = figures.normalized(terms.direction);
            reviewed.overrides.push(OverrideUpdate {
                indicator_id: *id,
                actual: counted.actual,
                rating: counted.rating,
                percent: counted.percent,
                reason: optional_text(&text.reason),
            });
            reviewed.sent.push(index);
        }
        given.push(differs.then(|| Override {
            figures: figures.clone(),
            reason: optional_text(&text.reason),
        }));
        reviewed.differs.push(differs);
        reviewed.figures.push(figures);
    }
    let terms: Vec<Terms> = items.iter().map(|(_, t, _)| *t).collect();
    let own: Vec<Figures> = items.iter().map(|(_, _, f)| f.clone()).collect();
    reviewed.problems = merge(typing, reevaluation_problems(&terms, &own, &given));
    reviewed
}

#[cfg(test)]
mod tests;
