//! The portal's pure rules, tested without a browser: how an indicator's direction, target
//! and actual are said; the sums that let a reader recompute a total; which departments a
//! filter keeps; the pages' addresses.

use jixiao_domain::dto::public::{PublicIndicator, PublicLine, PublicStanding};
use jixiao_domain::framework::{Direction, Sector};
use jixiao_domain::names::{part_in, unit_in};
use jixiao_domain::scoring::Grade;

use super::numbers::{number, round2};
use crate::api::path_segment;

/// The direction of an indicator in plain words (zh, en).
pub const fn direction_words(direction: Direction) -> (&'static str, &'static str) {
    match direction {
        Direction::HigherBetter => ("越高越好", "higher is better"),
        Direction::LowerBetter => ("越低越好", "lower is better"),
        Direction::ZeroTarget => ("应为零", "should be zero"),
        Direction::Qualitative => ("定性评价", "qualitative rating"),
        Direction::BudgetExecution => ("预算执行率", "budget execution rate"),
    }
}

/// How an indicator of this direction is scored (DESIGN §1 "Scoring"), in plain words.
pub const fn scoring_rule(direction: Direction) -> (&'static str, &'static str) {
    match direction {
        Direction::HigherBetter => (
            "实际达到或超过目标得满分；低于目标按“实际 ÷ 目标”的比例得分。",
            "Full points at or above the target; below it, points × actual ÷ target.",
        ),
        Direction::LowerBetter => (
            "实际不超过目标得满分；超过目标按超出比例扣分，达到目标两倍时为零分。",
            "Full points at or below the target; above it, points fall in proportion, to zero at twice the target.",
        ),
        Direction::ZeroTarget => (
            "实际为零得满分，否则零分。",
            "Full points if the actual is zero, otherwise none.",
        ),
        Direction::Qualitative => (
            "按评价结果得分：达成得分值的 80%–100%，部分达成 60%–80%，未达成 0–60%。",
            "Scored by the rating: achieved 80–100 % of the points, partly achieved 60–80 %, not achieved 0–60 %.",
        ),
        Direction::BudgetExecution => (
            "得分 = 分值 × 执行率（支出 ÷ 调整后预算，最高 100%）。",
            "Score = points × execution rate (spent ÷ adjusted budget, at most 100 %).",
        ),
    }
}

/// An indicator's value with its unit in the reader's language (`zh`): a budget execution
/// rate as a percent (`0.9992` → `"99.92%"`), a `%` unit glued on (`"86%"`), any other unit
/// after a space (`"90 万人"` / `"90 10k people"`).
pub fn value_text(value: f64, unit: &str, direction: Direction, zh: bool) -> String {
    if direction == Direction::BudgetExecution {
        return format!("{}%", number((value * 10_000.0).round() / 100.0));
    }
    let unit = unit_in(unit.trim(), zh);
    match unit {
        "" => number(value),
        "%" | "％" => format!("{}%", number(value)),
        _ => format!("{} {unit}", number(value)),
    }
}

/// What the indicator aimed at, as text in the reader's language ("—" when nothing was set).
pub fn target_text(indicator: &PublicIndicator, zh: bool) -> String {
    match (
        indicator.direction,
        indicator.target,
        &indicator.target_text,
    ) {
        (Direction::Qualitative, _, Some(text)) if !text.trim().is_empty() => {
            part_in(text, zh).to_owned()
        }
        (_, Some(target), _) => value_text(target, &indicator.unit, indicator.direction, zh),
        (_, None, Some(text)) if !text.trim().is_empty() => part_in(text, zh).to_owned(),
        _ => "—".to_owned(),
    }
}

/// The actual that counted: a number with its unit, or for a qualitative indicator its
/// rating and the percent of the points given, in the reader's language.
pub fn actual_text(indicator: &PublicIndicator, zh: bool) -> String {
    let figures = &indicator.figures;
    if indicator.direction == Direction::Qualitative {
        return match figures.rating {
            Some(rating) => {
                let percent = number(figures.percent.unwrap_or(rating.default_percent()));
                if zh {
                    format!("{}（{percent}%）", rating.label_zh())
                } else {
                    format!("{} ({percent}%)", rating.label_en())
                }
            }
            None => "—".to_owned(),
        };
    }
    figures.actual.map_or("—".to_owned(), |actual| {
        value_text(actual, &indicator.unit, indicator.direction, zh)
    })
}

/// Σ points and Σ scores of a department's indicators (the scores' sum rounded like the
/// published total, which it equals).
pub fn indicator_sums(indicators: &[PublicIndicator]) -> (f64, f64) {
    let points = indicators.iter().map(|i| i.points).sum::<f64>();
    let scores = indicators.iter().map(|i| i.score).sum::<f64>();
    (round2(points), round2(scores))
}

/// Σ of the budget lines: (approved, adjusted, spent), fen.
pub fn line_sums(lines: &[PublicLine]) -> (i64, i64, i64) {
    lines.iter().fold((0, 0, 0), |(a, b, c), line| {
        (
            a + line.amount_fen,
            b + line.adjusted_fen,
            c + line.spent_fen,
        )
    })
}

/// The adjustment each grade earned this year, best grade first, from the departments'
/// results (finance sets the rules per year; only grades someone received are listed).
pub fn grade_adjustments(departments: &[PublicStanding]) -> Vec<(Grade, i32)> {
    let mut found: Vec<(Grade, i32)> = Vec::new();
    for d in departments {
        if !found.iter().any(|(g, _)| *g == d.result.grade) {
            found.push((d.result.grade, d.result.adjustment_bp));
        }
    }
    found.sort_by_key(|(g, _)| *g);
    found
}

/// The overview's filters, as its address holds them: `?sector=health&q=交通`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub sector: Option<Sector>,
    /// What is typed in the search box, as typed (spaces kept, so typing is not disturbed).
    pub search: String,
}

impl Filter {
    /// From the query's `sector` and `q`; an unknown sector is dropped.
    pub fn from_query(sector: Option<&str>, search: Option<&str>) -> Self {
        Self {
            sector: sector.and_then(|s| s.trim().parse().ok()),
            search: search.unwrap_or_default().to_owned(),
        }
    }

    /// `?sector=…&q=…`, or `""` when nothing is filtered.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(sector) = self.sector {
            parts.push(format!("sector={}", sector.as_str()));
        }
        if !self.search.trim().is_empty() {
            parts.push(format!("q={}", path_segment(&self.search)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    pub fn is_active(&self) -> bool {
        self.sector.is_some() || !self.search.trim().is_empty()
    }

    /// Whether a department is kept: its sector, and the search text found in its Chinese
    /// or English name or its code (ignoring case).
    pub fn keeps(&self, standing: &PublicStanding) -> bool {
        if self.sector.is_some_and(|s| s != standing.sector) {
            return false;
        }
        let needle = self.search.trim().to_lowercase();
        if needle.is_empty() {
            return true;
        }
        let d = &standing.department;
        d.name_zh.to_lowercase().contains(&needle)
            || d.name_en.to_lowercase().contains(&needle)
            || d.code.to_lowercase().contains(&needle)
    }
}

/// The overview of `year` with `filter`: `/open/2024?sector=health`.
pub fn overview_href(year: i32, filter: &Filter) -> String {
    format!("/open/{year}{}", filter.query())
}

/// A department's page: `/open/2024/HRSS`.
pub fn department_href(year: i32, code: &str) -> String {
    format!("/open/{year}/{}", path_segment(code))
}

/// One of the year's open data files (`open-data.zip`, `budget.csv`, …).
pub fn open_data_href(year: i32, file: &str) -> String {
    format!("/api/public/years/{year}/{file}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::dto::auth::DepartmentRef;
    use jixiao_domain::dto::evaluation::ResultApplication;
    use jixiao_domain::evaluation::Figures;
    use jixiao_domain::framework::{Accumulation, BudgetKind, Level2};
    use jixiao_domain::scoring::Rating;

    fn standing(code: &str, zh: &str, en: &str, sector: Sector) -> PublicStanding {
        PublicStanding {
            department: DepartmentRef {
                id: 1,
                code: code.into(),
                name_zh: zh.into(),
                name_en: en.into(),
            },
            sector,
            rank: 1,
            total: 90.0,
            grade: Grade::Excellent,
            budget_fen: 100,
            spent_fen: 90,
            result: ResultApplication {
                grade: Grade::Excellent,
                total: 90.0,
                project_base_fen: 100,
                adjustment_bp: 500,
                next_year_fen: 105,
                prize: true,
            },
        }
    }

    fn indicator(direction: Direction, unit: &str, target: Option<f64>) -> PublicIndicator {
        PublicIndicator {
            name_zh: "指标".into(),
            name_en: "Indicator".into(),
            level2: Level2::Quantity,
            unit: unit.into(),
            direction,
            accumulation: Accumulation::Cumulative,
            target,
            target_text: None,
            baseline: None,
            figures: Figures::default(),
            points: 10.0,
            score: 10.0,
            key_work: false,
        }
    }

    #[test]
    fn directions_are_said_in_plain_words() {
        assert_eq!(
            direction_words(Direction::HigherBetter),
            ("越高越好", "higher is better")
        );
        assert_eq!(
            direction_words(Direction::LowerBetter),
            ("越低越好", "lower is better")
        );
        assert_eq!(
            direction_words(Direction::ZeroTarget),
            ("应为零", "should be zero")
        );
        assert_eq!(
            direction_words(Direction::Qualitative).1,
            "qualitative rating"
        );
        assert_eq!(
            direction_words(Direction::BudgetExecution).1,
            "budget execution rate"
        );
        for d in Direction::ALL {
            assert!(!scoring_rule(*d).0.is_empty() && !scoring_rule(*d).1.is_empty());
        }
    }

    #[test]
    fn values_carry_their_units() {
        assert_eq!(
            value_text(0.9992, "比率 rate", Direction::BudgetExecution, true),
            "99.92%"
        );
        assert_eq!(
            value_text(1.0, "比率 rate", Direction::BudgetExecution, false),
            "100%"
        );
        assert_eq!(value_text(86.0, "%", Direction::HigherBetter, false), "86%");
        assert_eq!(
            value_text(90.0, "万人", Direction::HigherBetter, true),
            "90 万人"
        );
        assert_eq!(
            value_text(90.0, "万人", Direction::HigherBetter, false),
            "90 10k people"
        );
        assert_eq!(value_text(3.0, "", Direction::ZeroTarget, true), "3");

        let mut qualitative = indicator(Direction::Qualitative, "", None);
        qualitative.target_text = Some("通过考核 Assessment passed".into());
        qualitative.figures = Figures {
            actual: None,
            rating: Some(Rating::Partly),
            percent: None,
        };
        assert_eq!(target_text(&qualitative, true), "通过考核");
        assert_eq!(target_text(&qualitative, false), "Assessment passed");
        assert_eq!(actual_text(&qualitative, true), "部分达成（70%）");
        assert_eq!(actual_text(&qualitative, false), "Partly achieved (70%)");
        let mut jobs = indicator(Direction::HigherBetter, "万人", Some(90.0));
        assert_eq!(target_text(&jobs, true), "90 万人");
        assert_eq!(actual_text(&jobs, true), "—");
        jobs.figures.actual = Some(93.0);
        assert_eq!(actual_text(&jobs, true), "93 万人");
        assert_eq!(actual_text(&jobs, false), "93 10k people");
        assert_eq!(
            target_text(&indicator(Direction::HigherBetter, "个", None), true),
            "—"
        );
    }

    #[test]
    fn sums_recompute_the_total() {
        let scores = [9.992, 12.0, 9.555_555_555_555_555, 8.75, 8.0, 10.0, 10.0];
        let indicators: Vec<_> = scores
            .iter()
            .map(|s| {
                let mut i = indicator(Direction::HigherBetter, "个", Some(1.0));
                i.score = *s;
                i.points = 100.0 / 7.0;
                i
            })
            .collect();
        let (points, total) = indicator_sums(&indicators);
        assert_eq!(points, 100.0);
        assert_eq!(total, 68.3);
        assert_eq!(round2(96.085), 96.09);

        let line = |amount, adjusted, spent| PublicLine {
            code: "X".into(),
            kind: BudgetKind::Project,
            name_zh: "项目".into(),
            name_en: "Project".into(),
            amount_fen: amount,
            adjusted_fen: adjusted,
            spent_fen: spent,
        };
        assert_eq!(
            line_sums(&[line(100, 110, 90), line(50, 40, 40)]),
            (150, 150, 130)
        );
    }

    #[test]
    fn filters_come_from_the_address_and_go_back_into_it() {
        let filter = Filter::from_query(Some("health"), Some("卫生 Health"));
        assert_eq!(filter.sector, Some(Sector::Health));
        assert_eq!(
            filter.query(),
            "?sector=health&q=%E5%8D%AB%E7%94%9F%20Health"
        );
        assert_eq!(
            overview_href(2024, &filter),
            "/open/2024?sector=health&q=%E5%8D%AB%E7%94%9F%20Health"
        );
        let junk = Filter::from_query(Some("space"), Some("   "));
        assert_eq!(junk.sector, None);
        assert!(!junk.is_active());
        assert_eq!(junk.query(), "");
        assert_eq!(overview_href(2024, &Filter::default()), "/open/2024");
        // What is typed is kept as typed, so the box is never rewritten under the cursor.
        assert_eq!(Filter::from_query(None, Some("Dept ")).search, "Dept ");
    }

    #[test]
    fn filters_keep_sector_and_name_matches() {
        let health = standing(
            "HEALTH",
            "浙江省卫生健康委员会",
            "Health Commission of Zhejiang Province",
            Sector::Health,
        );
        let transport = standing(
            "TRANS",
            "浙江省交通运输厅",
            "Zhejiang Provincial Department of Transportation",
            Sector::Transport,
        );
        let by = |sector, search: &str| Filter {
            sector,
            search: search.into(),
        };
        assert!(by(None, "").keeps(&health));
        assert!(by(Some(Sector::Health), "").keeps(&health));
        assert!(!by(Some(Sector::Health), "").keeps(&transport));
        assert!(by(None, "交通").keeps(&transport));
        assert!(!by(None, "交通").keeps(&health));
        assert!(by(None, "  transportation ").keeps(&transport));
        assert!(by(None, "health commission").keeps(&health));
        assert!(by(None, "trans").keeps(&transport));
        assert!(!by(Some(Sector::Transport), "health").keeps(&transport));
    }

    #[test]
    fn each_grade_says_its_adjustment_once() {
        let mut a = standing("A", "甲", "A", Sector::Health);
        let mut b = standing("B", "乙", "B", Sector::Health);
        let c = standing("C", "丙", "C", Sector::Health);
        a.result.grade = Grade::Poor;
        a.result.adjustment_bp = -2000;
        b.result.grade = Grade::Good;
        b.result.adjustment_bp = 0;
        assert_eq!(
            grade_adjustments(&[a, b, c]),
            vec![
                (Grade::Excellent, 500),
                (Grade::Good, 0),
                (Grade::Poor, -2000)
            ]
        );
    }

    #[test]
    fn addresses() {
        assert_eq!(department_href(2024, "HRSS"), "/open/2024/HRSS");
        assert_eq!(department_href(2024, "A/B"), "/open/2024/A%2FB");
        assert_eq!(
            open_data_href(2024, "open-data.zip"),
            "/api/public/years/2024/open-data.zip"
        );
    }
}
