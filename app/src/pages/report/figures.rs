//! How the evaluation's numbers are written out: scores to two decimals, shares in percent,
//! budget adjustments, each direction's rule in words, and the rule with an indicator's own
//! figures put in, so every score can be followed back to its inputs.

use jixiao_domain::dto::evaluation::ItemScore;
use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::evaluation::Figures;
use jixiao_domain::framework::Direction;
use jixiao_domain::names::{part_in, unit_in};
use jixiao_domain::scoring::{round2, Grade};

use crate::format::number;
use crate::locale::{pick_in, td_string, Locale};

/// A score or total as shown: rounded half away from zero to two decimals, `9.50`.
pub fn score2(value: f64) -> String {
    let rounded = round2(value);
    if rounded == 0.0 {
        "0.00".to_owned()
    } else {
        format!("{rounded:.2}")
    }
}

/// A share (0..1) in percent with one decimal: `0.953` → `95.3%`.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    format!("{:.1}%", fraction * 100.0)
}

/// Basis points as a signed percent: `500` → `+5%`, `-1000` → `−10%`, `0` → `0%`,
/// `250` → `+2.5%`.
pub fn adjustment(bp: i32) -> String {
    let sign = match bp.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let abs = bp.unsigned_abs();
    let whole = abs / 100;
    let rest = abs % 100;
    if rest == 0 {
        format!("{sign}{whole}%")
    } else {
        let decimals = format!("{rest:02}");
        format!("{sign}{whole}.{}%", decimals.trim_end_matches('0'))
    }
}

/// Basis points as an unsigned share: `5000` → `50%`.
pub fn share_bp(bp: i32) -> String {
    adjustment(bp.abs()).trim_start_matches('+').to_owned()
}

/// The execution rate spent ÷ adjusted, if there is a budget.
pub fn execution_rate(spent_fen: i64, adjusted_fen: i64) -> Option<f64> {
    (adjusted_fen > 0).then(|| spent_fen as f64 / adjusted_fen as f64)
}

/// The grade thresholds, as DESIGN states them, in `locale`.
pub fn thresholds(locale: Locale) -> &'static str {
    td_string!(locale, evaluation.report.grade_thresholds)
}

/// The threshold a grade was reached by: `优 ≥ 90`.
pub const fn grade_rule(grade: Grade) -> &'static str {
    match grade {
        Grade::Excellent => "≥ 90",
        Grade::Good => "≥ 80, < 90",
        Grade::Fair => "≥ 60, < 80",
        Grade::Poor => "< 60",
    }
}

/// A direction's scoring rule in words (a = actual, t = target, w = points), in `locale`.
pub fn formula(direction: Direction, locale: Locale) -> &'static str {
    match direction {
        Direction::HigherBetter => td_string!(locale, evaluation.report.rule.higher_better),
        Direction::LowerBetter => td_string!(locale, evaluation.report.rule.lower_better),
        Direction::ZeroTarget => td_string!(locale, evaluation.report.rule.zero_target),
        Direction::Qualitative => td_string!(locale, evaluation.report.rule.qualitative),
        Direction::BudgetExecution => td_string!(locale, evaluation.report.rule.budget_execution),
    }
}

/// An indicator's figures in words: the actual with its unit, a rate in percent, or a
/// rating (in `locale`) with its percent.
pub fn figures_text(direction: Direction, unit: &str, figures: &Figures, locale: Locale) -> String {
    match direction {
        Direction::Qualitative => match figures.rating {
            Some(rating) => {
                let percent = figures.percent.unwrap_or_else(|| rating.default_percent());
                format!(
                    "{} · {}%",
                    pick_in(locale, rating.label_zh(), rating.label_en()),
                    number(percent)
                )
            }
            None => "—".to_owned(),
        },
        Direction::BudgetExecution => figures.actual.map_or("—".to_owned(), |rate| {
            format!("{}%", number(rate * 100.0))
        }),
        _ => match figures.actual {
            Some(actual) if unit.trim().is_empty() => number(actual),
            Some(actual) => format!(
                "{} {}",
                number(actual),
                unit_in(unit, locale == Locale::zh_CN)
            ),
            None => "—".to_owned(),
        },
    }
}

/// The rule with the indicator's own figures put in, ending in the score the server
/// computed: `10 × 95 ÷ 100 = 9.50` (a rating named in `locale`). `None` when figures are
/// missing.
pub fn computation(
    indicator: &Indicator,
    figures: &Figures,
    scored: &ItemScore,
    locale: Locale,
) -> Option<String> {
    let w = number(indicator.points);
    let s = score2(scored.score);
    let target = indicator.target;
    Some(match indicator.direction {
        Direction::HigherBetter => {
            let (a, t) = (figures.actual?, target?);
            if a >= t {
                format!("{} ≥ {} → {s}", number(a), number(t))
            } else if a >= 0.0 {
                format!("{w} × {} ÷ {} = {s}", number(a), number(t))
            } else {
                format!("{} < 0 → {s}", number(a))
            }
        }
        Direction::LowerBetter => {
            let (a, t) = (figures.actual?, target?);
            let (an, tn) = (number(a), number(t));
            if a <= t {
                format!("{an} ≤ {tn} → {s}")
            } else if a < 2.0 * t {
                format!("{w} × (1 − ({an} − {tn}) ÷ {tn}) = {s}")
            } else {
                format!("{an} ≥ 2 × {tn} → {s}")
            }
        }
        Direction::ZeroTarget => {
            let a = figures.actual?;
            if a <= 0.0 {
                format!("{} ≤ 0 → {s}", number(a))
            } else {
                format!("{} > 0 → {s}", number(a))
            }
        }
        Direction::Qualitative => {
            let rating = figures.rating?;
            let p = figures.percent.unwrap_or_else(|| rating.default_percent());
            format!(
                "{}: {w} × {}% = {s}",
                pick_in(locale, rating.label_zh(), rating.label_en()),
                number(p)
            )
        }
        Direction::BudgetExecution => {
            let r = figures.actual?;
            format!("{w} × min({}%, 100%) = {s}", number(r * 100.0))
        }
    })
}

/// The target as shown in the reader's language: the number with its unit, a rate in
/// percent, or the written target.
pub fn target_text(indicator: &Indicator, locale: Locale) -> String {
    let zh = locale == Locale::zh_CN;
    match (indicator.direction, indicator.target) {
        (Direction::BudgetExecution, Some(t)) => format!("{}%", number(t * 100.0)),
        (_, Some(t)) if indicator.unit.trim().is_empty() => number(t),
        (_, Some(t)) => format!("{} {}", number(t), unit_in(&indicator.unit, zh)),
        (_, None) => indicator
            .target_text
            .as_deref()
            .filter(|t| !t.trim().is_empty())
            .map_or_else(|| "—".to_owned(), |t| part_in(t, zh).to_owned()),
    }
}

/// The baseline (last year's value) as shown in the reader's language.
pub fn baseline_text(indicator: &Indicator, locale: Locale) -> String {
    match (indicator.direction, indicator.baseline) {
        (Direction::BudgetExecution, Some(b)) => format!("{}%", number(b * 100.0)),
        (_, Some(b)) if indicator.unit.trim().is_empty() => number(b),
        (_, Some(b)) => format!(
            "{} {}",
            number(b),
            unit_in(&indicator.unit, locale == Locale::zh_CN)
        ),
        (_, None) => "—".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::framework::{Accumulation, IndicatorOrigin, Level2};
    use jixiao_domain::scoring::Rating;

    const ZH: Locale = Locale::zh_CN;
    const EN: Locale = Locale::en;

    fn indicator(direction: Direction, target: Option<f64>, points: f64) -> Indicator {
        Indicator {
            id: Some(1),
            library_id: None,
            origin: IndicatorOrigin::Individual,
            level2: Level2::Quantity,
            name_zh: "x".into(),
            name_en: "x".into(),
            unit: "所".into(),
            direction,
            accumulation: Accumulation::Cumulative,
            target,
            target_text: None,
            baseline: None,
            points,
            data_source: String::new(),
            elasticity: None,
            unit_code: None,
        }
    }

    fn actual(a: f64) -> Figures {
        Figures {
            actual: Some(a),
            ..Figures::default()
        }
    }

    fn scored(score: f64) -> ItemScore {
        ItemScore {
            score,
            achievement: 0.0,
            target_may_be_too_low: false,
        }
    }

    #[test]
    fn scores_round_half_away_from_zero() {
        assert_eq!(score2(9.5), "9.50");
        assert_eq!(score2(89.995), "90.00");
        assert_eq!(score2(0.0), "0.00");
        assert_eq!(score2(-0.001), "0.00");
        assert_eq!(score2(7.333_333), "7.33");
    }

    #[test]
    fn adjustments_carry_their_sign() {
        assert_eq!(adjustment(500), "+5%");
        assert_eq!(adjustment(-1000), "−10%");
        assert_eq!(adjustment(0), "0%");
        assert_eq!(adjustment(250), "+2.5%");
        assert_eq!(adjustment(-2005), "−20.05%");
        assert_eq!(share_bp(6000), "60%");
        assert_eq!(percent(0.953), "95.3%");
    }

    #[test]
    fn rules_and_thresholds_read_in_either_language() {
        assert!(thresholds(ZH).starts_with("优 ≥ 90"));
        assert!(thresholds(EN).starts_with("Excellent ≥ 90"));
        assert_eq!(
            formula(Direction::ZeroTarget, EN),
            "a ≤ 0 → full points w, otherwise 0"
        );
        assert_eq!(
            formula(Direction::ZeroTarget, ZH),
            "a ≤ 0 得满分 w，否则得 0"
        );
    }

    #[test]
    fn execution_needs_a_budget() {
        assert_eq!(execution_rate(50, 100), Some(0.5));
        assert_eq!(execution_rate(50, 0), None);
    }

    #[test]
    fn the_rule_is_written_with_the_figures() {
        let higher = indicator(Direction::HigherBetter, Some(100.0), 10.0);
        assert_eq!(
            computation(&higher, &actual(95.0), &scored(9.5), EN).as_deref(),
            Some("10 × 95 ÷ 100 = 9.50")
        );
        assert_eq!(
            computation(&higher, &actual(120.0), &scored(10.0), EN).as_deref(),
            Some("120 ≥ 100 → 10.00")
        );
        let lower = indicator(Direction::LowerBetter, Some(10.0), 10.0);
        assert_eq!(
            computation(&lower, &actual(12.0), &scored(8.0), EN).as_deref(),
            Some("10 × (1 − (12 − 10) ÷ 10) = 8.00")
        );
        assert_eq!(
            computation(&lower, &actual(25.0), &scored(0.0), EN).as_deref(),
            Some("25 ≥ 2 × 10 → 0.00")
        );
        let zero = indicator(Direction::ZeroTarget, Some(0.0), 5.0);
        assert_eq!(
            computation(&zero, &actual(1.0), &scored(0.0), EN).as_deref(),
            Some("1 > 0 → 0.00")
        );
        let qualitative = indicator(Direction::Qualitative, None, 10.0);
        let partly = Figures {
            rating: Some(Rating::Partly),
            ..Figures::default()
        };
        assert_eq!(
            computation(&qualitative, &partly, &scored(7.0), EN).as_deref(),
            Some("Partly achieved: 10 × 70% = 7.00")
        );
        assert_eq!(
            computation(&qualitative, &partly, &scored(7.0), ZH).as_deref(),
            Some("部分达成: 10 × 70% = 7.00")
        );
        let execution = indicator(Direction::BudgetExecution, Some(1.0), 10.0);
        assert_eq!(
            computation(&execution, &actual(0.953), &scored(9.53), EN).as_deref(),
            Some("10 × min(95.3%, 100%) = 9.53")
        );
        assert_eq!(
            computation(&higher, &Figures::default(), &scored(0.0), EN),
            None
        );
    }

    #[test]
    fn figures_and_targets_read_as_words() {
        assert_eq!(
            figures_text(Direction::HigherBetter, "所", &actual(95.0), ZH),
            "95 所"
        );
        assert_eq!(
            figures_text(Direction::BudgetExecution, "%", &actual(0.9), EN),
            "90%"
        );
        let achieved = Figures {
            rating: Some(Rating::Achieved),
            ..Figures::default()
        };
        assert_eq!(
            figures_text(Direction::Qualitative, "", &achieved, ZH),
            "达成 · 100%"
        );
        assert_eq!(
            figures_text(Direction::Qualitative, "", &achieved, EN),
            "Achieved · 100%"
        );
        assert_eq!(
            figures_text(Direction::HigherBetter, "所", &Figures::default(), EN),
            "—"
        );
        let mut written = indicator(Direction::Qualitative, None, 10.0);
        written.target_text = Some("全面完成".into());
        assert_eq!(target_text(&written, Locale::en), "全面完成");
        assert_eq!(
            target_text(
                &indicator(Direction::HigherBetter, Some(12.5), 5.0),
                Locale::zh_CN
            ),
            "12.5 所"
        );
        assert_eq!(baseline_text(&written, Locale::en), "—");
    }
}
