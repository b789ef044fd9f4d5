//! Figures, scores and money rules as the evaluation page shows them.

use jixiao_domain::evaluation::Figures;
use jixiao_domain::framework::Direction;
use jixiao_domain::scoring::Rating;

use crate::format::number;
use crate::locale::{pick_in, td_string, Locale};

/// A figure as shown: the actual with its unit, an execution rate as a percentage, a rating
/// (in `locale`) with its percent; "—" when there is none.
pub fn figures_text(direction: Direction, figures: &Figures, unit: &str, locale: Locale) -> String {
    match direction {
        Direction::Qualitative => match figures.rating {
            Some(rating) => format!(
                "{} · {}%",
                pick_in(locale, rating.label_zh(), rating.label_en()),
                number(figures.percent.unwrap_or_else(|| rating.default_percent()))
            ),
            None => "—".to_owned(),
        },
        Direction::BudgetExecution => match figures.actual {
            Some(rate) => format!("{} ({}%)", number(rate), number(rate * 100.0)),
            None => "—".to_owned(),
        },
        _ => match figures.actual {
            Some(actual) => format!("{} {unit}", number(actual)).trim_end().to_owned(),
            None => "—".to_owned(),
        },
    }
}

/// The colon after a label: full width in Chinese.
pub const fn colon(locale: Locale) -> &'static str {
    pick_in(locale, "：", ": ")
}

/// An indicator's name in `locale`; the Chinese one when it has no English name.
pub fn name_in<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    if en.trim().is_empty() {
        zh
    } else {
        pick_in(locale, zh, en)
    }
}

/// A control of an indicator's row, named by its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Actual,
    FinanceActual,
    Rating,
    FinanceRating,
    Percent,
    FinancePercent,
    Cause,
    Evidence,
    Reason,
}

impl Control {
    /// The label in `locale`.
    pub fn label(self, locale: Locale) -> &'static str {
        match self {
            Self::Actual => td_string!(locale, evaluation.control.actual),
            Self::FinanceActual => td_string!(locale, evaluation.control.finance_actual),
            Self::Rating => td_string!(locale, evaluation.control.rating),
            Self::FinanceRating => td_string!(locale, evaluation.control.finance_rating),
            Self::Percent => td_string!(locale, evaluation.control.percent),
            Self::FinancePercent => td_string!(locale, evaluation.control.finance_percent),
            Self::Cause => td_string!(locale, evaluation.control.cause),
            Self::Evidence => td_string!(locale, evaluation.control.evidence),
            Self::Reason => td_string!(locale, evaluation.control.reason),
        }
    }

    /// The accessible name: the label and the indicator, `Actual — Schools built`.
    pub fn named(self, locale: Locale, indicator: &str) -> String {
        format!("{} — {indicator}", self.label(locale))
    }
}

/// `7.50 / 10`: a score against the indicator's points.
pub fn score_text(score: f64, points: f64) -> String {
    format!("{score:.2} / {}", number(points))
}

/// An achievement (0..1) as `75.0%`.
pub fn achievement_text(achievement: f64) -> String {
    format!("{:.1}%", achievement * 100.0)
}

/// A total as shown: two decimals.
pub fn total_text(total: f64) -> String {
    format!("{total:.2}")
}

/// Basis points as a signed percentage: `500` → `+5%`, `-1000` → `−10%`, `0` → `±0%`.
pub fn bp_text(bp: i32) -> String {
    let percent = number(f64::from(bp.unsigned_abs()) / 100.0);
    match bp {
        0 => "±0%".to_owned(),
        b if b > 0 => format!("+{percent}%"),
        _ => format!("−{percent}%"),
    }
}

/// A rating's band and default percent, for the hint under the percent input.
pub fn band_text(rating: Rating, locale: Locale) -> String {
    let (low, high, high_included) = rating.band();
    let close = if high_included { "]" } else { ")" };
    let range = format!("[{low}, {high}{close}");
    let fallback = number(rating.default_percent());
    td_string!(locale, evaluation.hint.band, range, fallback).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actual(value: f64) -> Figures {
        Figures {
            actual: Some(value),
            ..Figures::default()
        }
    }

    #[test]
    fn figures_and_money_rules_read_well() {
        let zh = Locale::zh_CN;
        assert_eq!(
            figures_text(Direction::HigherBetter, &actual(95.0), "所", zh),
            "95 所"
        );
        assert_eq!(
            figures_text(Direction::BudgetExecution, &actual(0.95), "", Locale::en),
            "0.95 (95%)"
        );
        let partly = Figures {
            rating: Some(Rating::Partly),
            ..Figures::default()
        };
        assert_eq!(
            figures_text(Direction::Qualitative, &partly, "", zh),
            "部分达成 · 70%"
        );
        assert_eq!(
            figures_text(Direction::Qualitative, &partly, "", Locale::en),
            "Partly achieved · 70%"
        );
        assert_eq!(
            figures_text(Direction::LowerBetter, &Figures::default(), "天", zh),
            "—"
        );
        assert_eq!(name_in(Locale::en, "学校", ""), "学校");
        assert_eq!(name_in(Locale::en, "学校", "Schools"), "Schools");
        assert_eq!(colon(zh), "：");
        assert_eq!(
            Control::FinanceActual.named(Locale::en, "Schools"),
            "Finance actual — Schools"
        );
        assert_eq!(Control::Cause.named(zh, "学校"), "偏差原因 — 学校");
        assert_eq!(bp_text(500), "+5%");
        assert_eq!(bp_text(-1000), "−10%");
        assert_eq!(bp_text(250), "+2.5%");
        assert_eq!(bp_text(0), "±0%");
        assert_eq!(score_text(7.5, 10.0), "7.50 / 10");
        assert_eq!(achievement_text(0.75), "75.0%");
        assert_eq!(
            band_text(Rating::Partly, Locale::en),
            "Band [60, 80) · blank = 70"
        );
        assert_eq!(
            band_text(Rating::Partly, zh),
            "区间 [60, 80) · 留空取默认值 70"
        );
        assert!(band_text(Rating::Achieved, Locale::en).contains("[80, 100]"));
    }
}
