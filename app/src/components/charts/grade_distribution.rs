//! How many departments got each grade: one bar per grade, each named by its grade in words
//! and labelled with its count (colour and the bar's outline style are extra cues only).

use jixiao_domain::dto::evaluation::GradeDistribution;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::data::{named_row, ChartData, LabelledSvg};
use crate::locale::{pick, pick_in, t_string, td_string, use_i18n, Locale};

/// Grades best first, the order of the bars.
pub const GRADE_ORDER: [Grade; 4] = [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor];

/// Fill and outline of a grade's bar (the badges' colours; dashed / dotted like them).
const fn grade_style(grade: Grade) -> (&'static str, &'static str, &'static str) {
    match grade {
        Grade::Excellent => ("#e3f4e8", "#155c2e", "none"),
        Grade::Good => ("#e5eef9", "#1d4e89", "none"),
        Grade::Fair => ("#fdf2d8", "#7a4b00", "5 3"),
        Grade::Poor => ("#fdecec", "#a61b1b", "2 2"),
    }
}

/// "优：3；良：5；…" / "Excellent: 3; Good: 5; …", the chart in words.
pub fn describe(distribution: GradeDistribution, locale: Locale) -> String {
    GRADE_ORDER
        .iter()
        .map(|g| {
            format!(
                "{}{}{}",
                pick_in(locale, g.label_zh(), g.label_en()),
                pick_in(locale, "：", ": "),
                distribution.count(*g)
            )
        })
        .collect::<Vec<_>>()
        .join(pick_in(locale, "；", "; "))
}

/// Width of a bar of `count` out of the largest count `max`, in a track `track` wide; a
/// non-zero count is never thinner than 2 units.
pub fn bar_width(count: u32, max: u32, track: f64) -> f64 {
    if count == 0 {
        return 0.0;
    }
    (f64::from(count) / f64::from(max.max(1)) * track).max(2.0)
}

#[component]
pub fn GradeDistributionChart(
    /// Unique id prefix (title, description).
    id: String,
    distribution: GradeDistribution,
) -> impl IntoView {
    let i18n = use_i18n();
    let (w, row, left, right) = (320.0_f64, 28.0_f64, 104.0_f64, 36.0_f64);
    let h = row * GRADE_ORDER.len() as f64 + 6.0;
    let max = GRADE_ORDER
        .iter()
        .map(|g| distribution.count(*g))
        .max()
        .unwrap_or(0);
    let total: u32 = GRADE_ORDER.iter().map(|g| distribution.count(*g)).sum();
    let bars = GRADE_ORDER
        .iter()
        .enumerate()
        .map(|(i, grade)| {
            let n = distribution.count(*grade);
            let y = 3.0 + i as f64 * row;
            let width = bar_width(n, max, w - left - right);
            let (fill, stroke, dash) = grade_style(*grade);
            view! {
                <g>
                    <text x="4" y=y + 17.0 font-size="12" font-weight="700" fill=stroke>
                        {move || pick(grade.label_zh(), grade.label_en())}
                    </text>
                    <rect x=left y=y + 4.0 width=format!("{width:.1}") height="18" fill=fill
                        stroke=stroke stroke-width="2" stroke-dasharray=dash />
                    <text x=left + width + 5.0 y=y + 17.0 font-size="12" font-weight="600" fill="#1b2430">
                        {n.to_string()}
                    </text>
                </g>
            }
        })
        .collect_view();
    let rows = GRADE_ORDER
        .iter()
        .map(|grade| {
            let (grade, count) = (*grade, distribution.count(*grade).to_string());
            named_row(
                move || pick(grade.label_zh(), grade.label_en()),
                vec![count],
            )
        })
        .collect_view();
    let label = Signal::derive(move || {
        let counts = describe(distribution, i18n.get_locale());
        t_string!(i18n, charts.grades.label, total = total, counts = counts)
    });
    let caption = Signal::derive(move || t_string!(i18n, charts.grades.caption).to_owned());
    view! {
        <figure class="chart chart-bars grade-chart">
            <figcaption class="chart-caption">
                {move || t_string!(i18n, charts.grades.caption)}
                <span class="chart-direction">{move || t_string!(i18n, charts.grades.graded, total = total)}</span>
            </figcaption>
            <LabelledSvg id width=w height=h label>{bars}</LabelledSvg>
            <ChartData rows_by=|l| td_string!(l, charts.column.grade)
                columns=vec![|l| td_string!(l, charts.column.departments)]
                caption>
                {rows}
            </ChartData>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_described_in_words() {
        let d = GradeDistribution::of([Grade::Good, Grade::Poor, Grade::Good]);
        assert_eq!(
            describe(d, Locale::en),
            "Excellent: 0; Good: 2; Fair: 0; Poor: 1"
        );
        assert_eq!(describe(d, Locale::zh_CN), "优：0；良：2；中：0；差：1");
    }

    #[test]
    fn bars_scale_to_the_largest_count() {
        assert_eq!(bar_width(0, 5, 100.0), 0.0);
        assert_eq!(bar_width(5, 5, 100.0), 100.0);
        assert_eq!(bar_width(1, 200, 100.0), 2.0);
    }
}
