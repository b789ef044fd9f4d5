//! The department what-if's pure parts: the form's values turned into the engine's
//! `Changes` (and back), an engine or server error placed at the input it names, what the
//! live region says, and the rows comparing two scenarios.

use jixiao_domain::dto::whatif::IndicatorLabel;
use jixiao_domain::framework::{BudgetKind, Direction};
use jixiao_domain::scoring::Grade;
use jixiao_domain::whatif::department::{
    default_elasticity, Baseline, Changes, Projection, WhatIfIndicator,
};

use super::numbers::{fen_at_percent, grade_delta, money_delta, score_delta, score_text, Delta};
use crate::format::money_large;
use crate::locale::{pick_in, td_string, Locale};

/// The elasticity the engine uses when the scenario does not change it.
pub fn base_elasticity(indicator: &WhatIfIndicator) -> f64 {
    indicator
        .elasticity
        .unwrap_or_else(|| default_elasticity(indicator.level2))
}

/// Whether a scenario may move the indicator's target (a number to reach or stay under).
pub const fn target_editable(direction: Direction) -> bool {
    matches!(direction, Direction::HigherBetter | Direction::LowerBetter)
}

/// Whether money moves the indicator at all (it is paid for by a line and is a figure).
pub fn money_moves(indicator: &WhatIfIndicator) -> bool {
    !indicator.line_ids.is_empty()
        && matches!(
            indicator.direction,
            Direction::HigherBetter | Direction::LowerBetter | Direction::ZeroTarget
        )
}

/// The form as values, in the baseline's order: each line's amount, each indicator's
/// target and elasticity (`None`: as now, or not a number).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormValues {
    pub amounts: Vec<i64>,
    pub targets: Vec<Option<f64>>,
    pub elasticities: Vec<Option<f64>>,
}

/// The engine's changes: only what differs from now, in the baseline's order.
pub fn build_changes(baseline: &Baseline, form: &FormValues) -> Changes {
    let mut changes = Changes::default();
    for (line, amount) in baseline.lines.iter().zip(&form.amounts) {
        if *amount != line.amount_fen {
            changes.set_amount(line.id, *amount);
        }
    }
    for (indicator, target) in baseline.indicators.iter().zip(&form.targets) {
        if let Some(target) = target.filter(|t| Some(*t) != indicator.target) {
            changes.set_target(indicator.id, target);
        }
    }
    for (indicator, elasticity) in baseline.indicators.iter().zip(&form.elasticities) {
        if let Some(e) = elasticity.filter(|e| *e != base_elasticity(indicator)) {
            changes.set_elasticity(indicator.id, e);
        }
    }
    changes
}

/// The form that shows `changes` (a saved scenario opened), and how many of its changes
/// name a line or indicator the department no longer has (left out).
pub fn form_of(baseline: &Baseline, changes: &Changes) -> (FormValues, usize) {
    let amounts = baseline
        .lines
        .iter()
        .map(|line| {
            changes
                .amounts
                .iter()
                .find(|a| a.line_id == line.id)
                .map_or(line.amount_fen, |a| a.amount_fen)
        })
        .collect();
    let find = |list: &[jixiao_domain::whatif::department::IndicatorChange], id: i64| {
        list.iter().find(|c| c.indicator_id == id).map(|c| c.value)
    };
    let targets = baseline
        .indicators
        .iter()
        .map(|i| find(&changes.targets, i.id).or(i.target))
        .collect();
    let elasticities = baseline
        .indicators
        .iter()
        .map(|i| Some(find(&changes.elasticities, i.id).unwrap_or_else(|| base_elasticity(i))))
        .collect();
    let known_line = |id: i64| baseline.lines.iter().any(|l| l.id == id);
    let known_indicator = |id: i64| baseline.indicators.iter().any(|i| i.id == id);
    let unknown = changes
        .amounts
        .iter()
        .filter(|a| !known_line(a.line_id))
        .count()
        + changes
            .targets
            .iter()
            .chain(&changes.elasticities)
            .filter(|c| !known_indicator(c.indicator_id))
            .count();
    (
        FormValues {
            amounts,
            targets,
            elasticities,
        },
        unknown,
    )
}

/// Every project line at `percent` of its current amount (90: "All projects −10 %").
pub fn projects_less(baseline: &Baseline, percent: u32) -> Vec<(i64, i64)> {
    baseline
        .lines
        .iter()
        .filter(|l| l.kind == BudgetKind::Project)
        .map(|l| (l.id, fen_at_percent(l.amount_fen, percent)))
        .collect()
}

/// The input an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKey {
    Amount(i64),
    Target(i64),
    Elasticity(i64),
    Name,
}

/// `"amounts[3].amount_fen"` → `("amounts", 3)`.
fn list_index(field: &str) -> Option<(&str, usize)> {
    let (list, rest) = field.split_once('[')?;
    let (index, _) = rest.split_once(']')?;
    Some((list, index.parse().ok()?))
}

/// The input an engine error (`amounts[0].amount_fen`, `targets[1].value`,
/// `indicators[2].target`) or a server error (the same under `input.changes.`, or `name`)
/// is about, given the changes that were sent.
pub fn input_of(field: &str, changes: &Changes, baseline: &Baseline) -> Option<InputKey> {
    if field == "name" {
        return Some(InputKey::Name);
    }
    let field = field.strip_prefix("input.changes.").unwrap_or(field);
    let (list, index) = list_index(field)?;
    match list {
        "amounts" => changes
            .amounts
            .get(index)
            .map(|a| InputKey::Amount(a.line_id)),
        "targets" => changes
            .targets
            .get(index)
            .map(|t| InputKey::Target(t.indicator_id)),
        "elasticities" => changes
            .elasticities
            .get(index)
            .map(|e| InputKey::Elasticity(e.indicator_id)),
        "indicators" if field.ends_with(".target") => baseline
            .indicators
            .get(index)
            .map(|i| InputKey::Target(i.id)),
        _ => None,
    }
}

/// The engine's or the server's refusal of an input, kept as it came (shown in the reader's
/// language by [`problem_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: String,
    pub message: String,
}

impl Problem {
    pub fn new(code: &str, message: &str) -> Self {
        Self {
            code: code.to_owned(),
            message: message.to_owned(),
        }
    }

    pub fn text(&self, locale: Locale) -> String {
        problem_text(locale, &self.code, &self.message)
    }
}

/// The engine's or the server's message about an input, in `locale`: a known code reads as
/// its own sentence, any other as the message as it came.
pub fn problem_text(locale: Locale, code: &str, message: &str) -> String {
    let text = match code {
        "invalid_amount" => td_string!(locale, whatif.problem.invalid_amount),
        "invalid_target" => td_string!(locale, whatif.problem.invalid_target),
        "target_not_positive" => td_string!(locale, whatif.problem.target_not_positive),
        "invalid_elasticity" => td_string!(locale, whatif.problem.invalid_elasticity),
        "invalid_name" => td_string!(locale, whatif.problem.invalid_name),
        "unknown_line" | "unknown_indicator" => td_string!(locale, whatif.problem.unknown),
        "duplicate" => td_string!(locale, whatif.problem.duplicate),
        _ => return message.to_owned(),
    };
    text.to_owned()
}

/// What the live region says after the scenario settles.
pub fn announcement(projection: &Projection, locale: Locale) -> String {
    let grade = projection.grade;
    td_string!(
        locale,
        whatif.summary.announcement,
        total = score_text(projection.total),
        grade = pick_in(locale, grade.label_zh(), grade.label_en()),
        next = money_large(projection.next_year_fen, locale)
    )
    .to_string()
}

/// A side of the comparison: now, the inputs as they are, or a saved scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Now,
    Current,
    Saved(i64),
}

impl Pick {
    /// The `<option>` value.
    pub fn value(self) -> String {
        match self {
            Self::Now => "now".to_owned(),
            Self::Current => "current".to_owned(),
            Self::Saved(id) => id.to_string(),
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "now" => Some(Self::Now),
            "current" => Some(Self::Current),
            other => other.parse().ok().map(Self::Saved),
        }
    }

    /// The first comparison offered: the two newest saved scenarios, else now against the
    /// newest, else now against the inputs.
    pub fn defaults(saved: &[i64]) -> (Self, Self) {
        match saved {
            [newest, older, ..] => (Self::Saved(*older), Self::Saved(*newest)),
            [only] => (Self::Now, Self::Saved(*only)),
            [] => (Self::Now, Self::Current),
        }
    }
}

/// One row of two scenarios side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    pub label: String,
    pub a: String,
    pub b: String,
    /// B against A.
    pub diff: Delta,
}

/// Total, grade, next year's and this year's project budget, then each indicator's score,
/// in `locale`.
pub fn compare_rows(
    labels: &[IndicatorLabel],
    a: &Projection,
    b: &Projection,
    locale: Locale,
) -> Vec<CompareRow> {
    let row = |label: &str, a: String, b: String, diff: Delta| CompareRow {
        label: label.to_owned(),
        a,
        b,
        diff,
    };
    let grade = |g: Grade| pick_in(locale, g.label_zh(), g.label_en()).to_owned();
    let money = |fen: i64| money_large(fen, locale);
    let mut rows = vec![
        row(
            td_string!(locale, whatif.compare.total),
            score_text(a.total),
            score_text(b.total),
            score_delta(a.total, b.total),
        ),
        row(
            td_string!(locale, whatif.compare.grade),
            grade(a.grade),
            grade(b.grade),
            grade_delta(a.grade, b.grade, locale),
        ),
        row(
            td_string!(locale, whatif.compare.next_year),
            money(a.next_year_fen),
            money(b.next_year_fen),
            money_delta(a.next_year_fen, b.next_year_fen, locale),
        ),
        row(
            td_string!(locale, whatif.compare.project_budget),
            money(a.project_budget_fen),
            money(b.project_budget_fen),
            money_delta(a.project_budget_fen, b.project_budget_fen, locale),
        ),
    ];
    for left in &a.indicators {
        let Some(right) = b.indicators.iter().find(|i| i.id == left.id) else {
            continue;
        };
        let label = labels
            .iter()
            .find(|l| l.id == left.id)
            .map_or("", |l| pick_in(locale, &l.name_zh, &l.name_en));
        rows.push(row(
            label,
            score_text(left.score),
            score_text(right.score),
            score_delta(left.score, right.score),
        ));
    }
    rows
}

#[cfg(test)]
mod tests;
