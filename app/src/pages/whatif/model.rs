//! The department what-if's pure parts: the form's values turned into the engine's
//! `Changes` (and back), an engine or server error placed at the input it names, what the
//! live region says, and the rows comparing two scenarios.

use jixiao_domain::dto::whatif::IndicatorLabel;
use jixiao_domain::framework::{BudgetKind, Direction};
use jixiao_domain::money::format_wan_yuan;
use jixiao_domain::scoring::Grade;
use jixiao_domain::whatif::department::{
    default_elasticity, Baseline, Changes, Projection, WhatIfIndicator,
};

use super::numbers::{fen_at_percent, grade_delta, money_delta, score_delta, score_text, Delta};

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

/// A Chinese lead for the engine's and the server's English messages about an input.
pub fn bilingual(code: &str, message: &str) -> String {
    let zh = match code {
        "invalid_amount" => "金额须在 0 到 10¹⁵ 分之间。",
        "invalid_target" => "此指标方向不能使用该目标值。",
        "target_not_positive" => "目标值须大于 0。",
        "invalid_elasticity" => "弹性须在 −5 到 5 之间。",
        "invalid_name" => "情景名称须为 1 至 120 个字符。",
        "unknown_line" | "unknown_indicator" => "预算项目或指标已不存在。",
        "duplicate" => "同一项目只能调整一次。",
        _ => return message.to_owned(),
    };
    format!("{zh} {message}")
}

/// What the live region says after the scenario settles.
pub fn announcement(projection: &Projection) -> String {
    let total = score_text(projection.total);
    let next = format_wan_yuan(projection.next_year_fen);
    format!(
        "情景总分 {total}，等级 {}，明年项目预算 {next}。 Scenario total {total}, grade {}, next year's project budget {next}.",
        projection.grade.label_zh(),
        projection.grade.label_en(),
    )
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
    pub label_zh: String,
    pub label_en: String,
    pub a: String,
    pub b: String,
    /// B against A.
    pub diff: Delta,
}

/// Total, grade, next year's and this year's project budget, then each indicator's score.
pub fn compare_rows(labels: &[IndicatorLabel], a: &Projection, b: &Projection) -> Vec<CompareRow> {
    let row = |zh: &str, en: &str, a: String, b: String, diff: Delta| CompareRow {
        label_zh: zh.to_owned(),
        label_en: en.to_owned(),
        a,
        b,
        diff,
    };
    let grade = |g: Grade| format!("{} {}", g.label_zh(), g.label_en());
    let mut rows = vec![
        row(
            "总分",
            "Total",
            score_text(a.total),
            score_text(b.total),
            score_delta(a.total, b.total),
        ),
        row(
            "等级",
            "Grade",
            grade(a.grade),
            grade(b.grade),
            grade_delta(a.grade, b.grade),
        ),
        row(
            "明年项目预算",
            "Next year's project budget",
            format_wan_yuan(a.next_year_fen),
            format_wan_yuan(b.next_year_fen),
            money_delta(a.next_year_fen, b.next_year_fen),
        ),
        row(
            "本年项目支出",
            "Project budget this year",
            format_wan_yuan(a.project_budget_fen),
            format_wan_yuan(b.project_budget_fen),
            money_delta(a.project_budget_fen, b.project_budget_fen),
        ),
    ];
    for left in &a.indicators {
        let Some(right) = b.indicators.iter().find(|i| i.id == left.id) else {
            continue;
        };
        let (zh, en) = labels
            .iter()
            .find(|l| l.id == left.id)
            .map_or((String::new(), String::new()), |l| {
                (l.name_zh.clone(), l.name_en.clone())
            });
        rows.push(CompareRow {
            label_zh: zh,
            label_en: en,
            a: score_text(left.score),
            b: score_text(right.score),
            diff: score_delta(left.score, right.score),
        });
    }
    rows
}

#[cfg(test)]
mod tests;
