//! Two small SVG bar charts, each a `role="img"` with the whole chart in its name and every
//! number written next to its bar: grades as words, never colour alone. Sizes are SVG
//! attributes (the page's CSP allows no inline styles).

use jixiao_domain::dto::evaluation::GradeDistribution;
use jixiao_domain::dto::public::PublicLine;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::logic::line_sums;
use super::numbers::{bp_percent, rate_bp};
use crate::locale::{current, pick_in, td_string, Locale};

/// Grades best first, the order of the bars.
pub const GRADES: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];

/// Fill, outline and dash of a grade's bar (outline style is a second cue besides colour).
const fn grade_look(grade: Grade) -> (&'static str, &'static str, &'static str) {
    match grade {
        Grade::Excellent => ("#d4eedc", "#155c2e", "none"),
        Grade::Good => ("#dbe7f6", "#1d4e89", "none"),
        Grade::Fair => ("#fbe9c0", "#7a4b00", "6 3"),
        Grade::Poor => ("#fadada", "#a61b1b", "2 2"),
    }
}

/// "优 3; 良 7; …" / "Excellent 3; Good 7; …", the chart in words.
pub fn describe_grades(distribution: GradeDistribution, locale: Locale) -> String {
    GRADES
        .iter()
        .map(|g| {
            format!(
                "{} {}",
                pick_in(locale, g.label_zh(), g.label_en()),
                distribution.count(*g)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Length of a bar of `value` out of `max` in a track `track` long (≥ 2 when not zero).
pub fn bar_length(value: u64, max: u64, track: u32) -> u32 {
    if value == 0 || max == 0 {
        return 0;
    }
    let length = (u128::from(value.min(max)) * u128::from(track) / u128::from(max)) as u32;
    length.max(2)
}

/// The grades as bars, in the reader's language (redrawn when it changes).
#[component]
pub fn GradeChart(distribution: GradeDistribution) -> impl IntoView {
    move || grade_chart(distribution, current())
}

fn grade_chart(distribution: GradeDistribution, locale: Locale) -> impl IntoView {
    const WIDTH: u32 = 320;
    const ROW: u32 = 34;
    const LEFT: u32 = 104;
    const TRACK: u32 = WIDTH - LEFT - 40;
    let height = ROW * GRADES.len() as u32;
    let max = GRADES
        .iter()
        .map(|g| distribution.count(*g))
        .max()
        .unwrap_or(0);
    let total: u32 = GRADES.iter().map(|g| distribution.count(*g)).sum();
    let bars = describe_grades(distribution, locale);
    let label = td_string!(locale, portal.charts.grades_label, total, bars).to_string();
    let bars = GRADES
        .iter()
        .enumerate()
        .map(|(i, grade)| {
            let n = distribution.count(*grade);
            let y = i as u32 * ROW;
            let length = bar_length(u64::from(n), u64::from(max), TRACK);
            let (fill, stroke, dash) = grade_look(*grade);
            view! {
                <g>
                    <text x="0" y=y + 22 class="chart-label">
                        {pick_in(locale, grade.label_zh(), grade.label_en())}
                    </text>
                    <rect x=LEFT y=y + 6 width=length height="22" fill=fill stroke=stroke
                        stroke-width="2" stroke-dasharray=dash />
                    <text x=LEFT + length + 6 y=y + 22 class="chart-value">{n.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
                {bars}
            </svg>
            <figcaption>{td_string!(locale, portal.charts.graded, total).to_string()}</figcaption>
        </figure>
    }
}

/// The label of a line's bar: its code and name, shortened to fit (12 Chinese characters,
/// 24 letters).
fn line_label(line: &PublicLine, locale: Locale) -> String {
    let (full, fits) = match locale {
        Locale::zh_CN => (&line.name_zh, 12),
        Locale::en => (&line.name_en, 24),
    };
    let mut name: String = full.chars().take(fits).collect();
    if full.chars().count() > fits {
        name.push('…');
    }
    format!("{} {name}", line.code)
}

/// Budget against spending: per line and in total, each bar a full track for the adjusted
/// budget with the spending filled in, and the execution rate written at its end.
#[component]
pub fn BudgetChart(lines: Vec<PublicLine>) -> impl IntoView {
    let lines = StoredValue::new(lines);
    move || lines.with_value(|lines| budget_chart(lines, current()))
}

fn budget_chart(lines: &[PublicLine], locale: Locale) -> impl IntoView + use<> {
    const WIDTH: u32 = 320;
    const ROW: u32 = 44;
    let (_, adjusted, spent) = line_sums(lines);
    let total_label = td_string!(locale, portal.tables.total).to_owned();
    let mut rows: Vec<(String, i64, i64, bool)> = vec![(total_label, adjusted, spent, true)];
    rows.extend(
        lines
            .iter()
            .map(|l| (line_label(l, locale), l.adjusted_fen, l.spent_fen, false)),
    );
    let height = ROW * rows.len() as u32;
    let rate = |spent: i64, budget: i64| rate_bp(spent, budget).map_or("—".to_owned(), bp_percent);
    let bars = rows
        .iter()
        .map(|(name, budget, spent, _)| format!("{name} {}", rate(*spent, *budget)))
        .collect::<Vec<_>>()
        .join("; ");
    let label = td_string!(locale, portal.charts.budget_label, bars).to_string();
    let bars = rows
        .into_iter()
        .enumerate()
        .map(|(i, (name, budget, spent_fen, total))| {
            let y = i as u32 * ROW;
            let length = bar_length(
                u64::try_from(spent_fen).unwrap_or(0),
                u64::try_from(budget).unwrap_or(0),
                WIDTH - 2,
            );
            let class = if total { "chart-label chart-strong" } else { "chart-label" };
            view! {
                <g>
                    <text x="0" y=y + 15 class=class>{name}</text>
                    <text x=WIDTH y=y + 15 text-anchor="end" class="chart-value">{rate(spent_fen, budget)}</text>
                    <rect x="1" y=y + 21 width=WIDTH - 2 height="16" class="bar-budget" />
                    <rect x="1" y=y + 21 width=length height="16" class="bar-spent" />
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label>
                {bars}
            </svg>
            <figcaption>
                <span class="key key-spent" aria-hidden="true"></span>
                {td_string!(locale, portal.charts.legend_spent)}
                "; "
                <span class="key key-budget" aria-hidden="true"></span>
                {td_string!(locale, portal.charts.legend_budget)}
                "; "
                {td_string!(locale, portal.charts.legend_rate)}
            </figcaption>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_described_in_words() {
        let d = GradeDistribution::of([Grade::Good, Grade::Poor, Grade::Good]);
        assert_eq!(describe_grades(d, Locale::zh_CN), "优 0; 良 2; 中 0; 差 1");
        assert_eq!(
            describe_grades(d, Locale::en),
            "Excellent 0; Good 2; Fair 0; Poor 1"
        );
    }

    #[test]
    fn bars_scale_and_stay_visible() {
        assert_eq!(bar_length(0, 5, 100), 0);
        assert_eq!(bar_length(5, 5, 100), 100);
        assert_eq!(bar_length(1, 1000, 100), 2);
        assert_eq!(bar_length(12, 10, 100), 100, "overspending fills the track");
        assert_eq!(bar_length(3, 0, 100), 0);
    }
}
