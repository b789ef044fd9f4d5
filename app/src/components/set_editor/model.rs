//! The editor's data and the pure rules its components share: rows with stable keys, the
//! validation context, where each problem belongs, element ids and field labels.

use std::str::FromStr;

use jixiao_domain::dto::auth::{Capability, Me};
use jixiao_domain::dto::library::LibraryIndicator;
use jixiao_domain::dto::sets::{Indicator, IndicatorSet};
use jixiao_domain::framework::{
    Accumulation, Direction, IndicatorOrigin, Level1, Level2, Phase, PointsAllocation, SetStatus,
};
use jixiao_domain::validation::{set_problems, SetContext};
use jixiao_domain::FieldError;

use crate::locale::{pick_in, td_string, Locale};

/// One indicator being edited; `key` stays with it when rows move (element ids use it).
#[derive(Debug, Clone, PartialEq)]
pub struct EditRow {
    pub key: u32,
    pub indicator: Indicator,
}

impl EditRow {
    /// A key-work target as set by the assessment agency: only points and place may change.
    pub fn locked(&self) -> bool {
        self.indicator.origin == IndicatorOrigin::KeyWork
    }
}

/// Rows for `indicators`, keyed from `first_key` on.
pub fn rows_from(indicators: &[Indicator], first_key: u32) -> Vec<EditRow> {
    indicators
        .iter()
        .zip(first_key..)
        .map(|(indicator, key)| EditRow {
            key,
            indicator: indicator.clone(),
        })
        .collect()
}

/// Moves the row `key` by `delta` places; false if it cannot move.
pub fn move_row(rows: &mut [EditRow], key: u32, delta: isize) -> bool {
    let Some(from) = rows.iter().position(|r| r.key == key) else {
        return false;
    };
    let Some(to) = from.checked_add_signed(delta).filter(|to| *to < rows.len()) else {
        return false;
    };
    rows.swap(from, to);
    true
}

/// Ids of the set's key-work targets as loaded (they must stay in the set).
pub fn key_work_ids(set: &IndicatorSet) -> Vec<i64> {
    set.indicators
        .iter()
        .filter(|i| i.origin == IndicatorOrigin::KeyWork)
        .filter_map(|i| i.id)
        .collect()
}

/// Every problem of `indicators` as a version of `set` — the server's own validation.
pub fn validate(set: &IndicatorSet, indicators: &[Indicator]) -> Vec<FieldError> {
    let key_work = key_work_ids(set);
    let context = SetContext {
        allocation: set.allocation,
        key_work_ids: &key_work,
        project_lines: &set.project_lines,
    };
    set_problems(indicators, &context)
}

/// Where a problem's field path points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// `indicators[i].field` (`field` empty for the indicator as a whole).
    Field {
        index: usize,
        field: String,
    },
    /// The set's points: `indicators`, `allocation.*`.
    Points,
    /// `budget_lines[i]`: a project line, edited on the budget page.
    BudgetLine(usize),
    Other,
}

/// Reads a problem's `field` path.
pub fn place(path: &str) -> Place {
    if path == "indicators" || path.starts_with("allocation") {
        return Place::Points;
    }
    let indexed = |prefix: &str| -> Option<(usize, String)> {
        let rest = path.strip_prefix(prefix)?;
        let (index, rest) = rest.split_once(']')?;
        let field = rest.strip_prefix('.').unwrap_or(rest);
        Some((index.parse().ok()?, field.to_owned()))
    };
    if let Some((index, field)) = indexed("indicators[") {
        Place::Field { index, field }
    } else if let Some((index, _)) = indexed("budget_lines[") {
        Place::BudgetLine(index)
    } else {
        Place::Other
    }
}

/// Fields that have their own control in a row.
pub const CONTROLS: &[&str] = &[
    "level2",
    "name_zh",
    "name_en",
    "unit",
    "direction",
    "accumulation",
    "target",
    "baseline",
    "points",
    "unit_code",
];

/// The control that shows a problem of `field` (the target cell holds both the number and
/// the qualitative description; anything without a control goes to the name).
pub fn control_for(field: &str) -> &'static str {
    match field {
        "target_text" => "target",
        other => CONTROLS
            .iter()
            .find(|c| **c == other)
            .copied()
            .unwrap_or("name_zh"),
    }
}

/// Element id of a row's control (or button).
pub fn control_id(key: u32, control: &str) -> String {
    format!("ind-{key}-{control}")
}

/// The label of an indicator field in `locale`.
pub fn field_label(field: &str, locale: Locale) -> &'static str {
    match field {
        "name_zh" => td_string!(locale, sets.field.name_zh),
        "name_en" => td_string!(locale, sets.field.name_en),
        "level2" => td_string!(locale, sets.field.level2),
        "unit" => td_string!(locale, sets.field.unit),
        "direction" => td_string!(locale, sets.field.direction),
        "accumulation" => td_string!(locale, sets.field.accumulation),
        "target" => td_string!(locale, sets.field.target),
        "target_text" => td_string!(locale, sets.field.target_text),
        "baseline" => td_string!(locale, sets.field.baseline),
        "points" => td_string!(locale, sets.field.points),
        "unit_code" => td_string!(locale, sets.field.unit_code),
        "data_source" => td_string!(locale, sets.field.data_source),
        "elasticity" => td_string!(locale, sets.field.elasticity),
        _ => td_string!(locale, sets.field.indicator),
    }
}

/// A value of `field` as written in a version, in words (wire names become labels).
pub fn display_value(field: &str, raw: &str, locale: Locale) -> String {
    fn label<T: FromStr + Copy>(
        raw: &str,
        locale: Locale,
        zh: fn(T) -> &'static str,
        en: fn(T) -> &'static str,
    ) -> Option<String> {
        T::from_str(raw)
            .ok()
            .map(|v| pick_in(locale, zh(v), en(v)).to_owned())
    }
    let shown = match field {
        "level2" => label::<Level2>(raw, locale, Level2::label_zh, Level2::label_en),
        "direction" => label::<Direction>(raw, locale, Direction::label_zh, Direction::label_en),
        "accumulation" => {
            label::<Accumulation>(raw, locale, Accumulation::label_zh, Accumulation::label_en)
        }
        _ => None,
    };
    match shown {
        Some(text) => text,
        None if raw.trim().is_empty() => "—".to_owned(),
        None => raw.to_owned(),
    }
}

/// A name that has a Chinese and an English version, in `locale`; the other one while the
/// chosen one is blank.
pub fn name_in<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    let chosen = pick_in(locale, zh, en).trim();
    if chosen.is_empty() {
        pick_in(locale, en, zh).trim()
    } else {
        chosen
    }
}

/// A problem's message in `locale` (the domain's checks carry both languages; the server
/// answers in the language asked for).
pub fn problem_text(problem: &FieldError, locale: Locale) -> &str {
    problem.message_in(locale == Locale::zh_CN)
}

/// A fresh individual indicator.
pub fn blank_indicator() -> Indicator {
    Indicator {
        id: None,
        library_id: None,
        origin: IndicatorOrigin::Individual,
        level2: Level2::Quantity,
        name_zh: String::new(),
        name_en: String::new(),
        unit: String::new(),
        direction: Direction::HigherBetter,
        accumulation: Accumulation::Cumulative,
        target: None,
        target_text: None,
        baseline: None,
        points: 0.0,
        data_source: String::new(),
        elasticity: None,
        unit_code: None,
    }
}

/// An indicator taken from a library template: common if the template is for everyone,
/// else individual; no target and no points yet.
pub fn from_library(entry: &LibraryIndicator) -> Indicator {
    Indicator {
        library_id: Some(entry.id),
        origin: if entry.sector.is_none() {
            IndicatorOrigin::Common
        } else {
            IndicatorOrigin::Individual
        },
        level2: entry.level2,
        name_zh: entry.name_zh.clone(),
        name_en: entry.name_en.clone(),
        unit: entry.unit.clone(),
        direction: entry.direction,
        accumulation: entry.accumulation,
        data_source: entry.data_source.clone(),
        ..blank_indicator()
    }
}

/// Points of one level 1: used by the set against what the year's allocation gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Level1Points {
    pub level1: Level1,
    pub used: f64,
    pub allotted: u32,
}

pub fn level1_points(indicators: &[Indicator], allocation: PointsAllocation) -> Vec<Level1Points> {
    let has_satisfaction = indicators
        .iter()
        .any(|i| i.level2.level1() == Level1::Satisfaction);
    let expected = allocation.for_set(has_satisfaction);
    Level1::ALL
        .iter()
        .map(|level1| Level1Points {
            level1: *level1,
            used: indicators
                .iter()
                .filter(|i| i.level2.level1() == *level1 && i.points.is_finite())
                .map(|i| i.points)
                .sum(),
            allotted: expected.points_for(*level1),
        })
        .collect()
}

/// Whether `me` may edit `set` here and now (the server decides again on saving).
pub fn can_edit(me: Option<&Me>, set: &IndicatorSet) -> bool {
    let own = me.is_some_and(|me| {
        me.capabilities.contains(&Capability::EditSets)
            && me
                .department
                .as_ref()
                .is_some_and(|d| d.code.eq_ignore_ascii_case(&set.department.code))
    });
    own && set.phase == Phase::Planning
        && matches!(
            set.status,
            SetStatus::Draft | SetStatus::Returned | SetStatus::Approved | SetStatus::Published
        )
}

/// A number field's text as a value: blank is no value; unreadable text is no value too
/// (number inputs report it as blank).
pub fn parse_optional(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Points as typed: not a number until it is one (validation says so).
pub fn parse_points(text: &str) -> f64 {
    parse_optional(text).unwrap_or(f64::NAN)
}

/// A value as a number field shows it.
pub fn number_text(value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| v.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests;
