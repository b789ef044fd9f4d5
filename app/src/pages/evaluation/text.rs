//! Figures, scores and money rules as the evaluation page shows them.

use jixiao_domain::evaluation::Figures;
use jixiao_domain::framework::Direction;
use jixiao_domain::scoring::Rating;

use crate::format::number;

/// A figure as shown: the actual with its unit, an execution rate as a percentage, a rating
/// with its percent; "—" when there is none.
pub fn figures_text(direction: Direction, figures: &Figures, unit: &str) -> String {
    match direction {
        Direction::Qualitative => match figures.rating {
            Some(rating) => format!(
                "{} {} · {}%",
                rating.label_zh(),
                rating.label_en(),
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
pub fn band_text(rating: Rating) -> String {
    let (low, high, high_included) = rating.band();
    let close = if high_included { "]" } else { ")" };
    format!(
        "区间 Band [{low}, {high}{close} · 留空取默认值 blank = {}",
        number(rating.default_percent())
    )
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
        assert_eq!(
            figures_text(Direction::HigherBetter, &actual(95.0), "所"),
            "95 所"
        );
        assert_eq!(
            figures_text(Direction::BudgetExecution, &actual(0.95), ""),
            "0.95 (95%)"
        );
        let partly = Figures {
            rating: Some(Rating::Partly),
            ..Figures::default()
        };
        assert_eq!(
            figures_text(Direction::Qualitative, &partly, ""),
            "部分达成 Partly achieved · 70%"
        );
        assert_eq!(
            figures_text(Direction::LowerBetter, &Figures::default(), "天"),
            "—"
        );
        assert_eq!(bp_text(500), "+5%");
        assert_eq!(bp_text(-1000), "−10%");
        assert_eq!(bp_text(250), "+2.5%");
        assert_eq!(bp_text(0), "±0%");
        assert_eq!(score_text(7.5, 10.0), "7.50 / 10");
        assert_eq!(achievement_text(0.75), "75.0%");
        assert!(band_text(Rating::Partly).contains("[60, 80)"));
        assert!(band_text(Rating::Achieved).contains("[80, 100]"));
    }
}
