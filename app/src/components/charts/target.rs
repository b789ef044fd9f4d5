//! Target against actual for one indicator: its values month by month and the pro-rata
//! target (t·m/12 for a cumulative count, the flat t for a level).

use jixiao_domain::framework::{Accumulation, Direction};
use leptos::prelude::*;

use super::data::ChartData;
use super::month::{latest, month_rows, target_line, MonthLegend, MonthPlot};
use super::nice_max;
use crate::format::number;

/// What the target asks for by the end of month `m`.
pub fn pro_rata(target: f64, accumulation: Accumulation, m: u8) -> f64 {
    match accumulation {
        Accumulation::Cumulative => target * f64::from(m) / 12.0,
        Accumulation::Level => target,
    }
}

#[component]
pub fn TargetChart(
    /// Unique id prefix for the SVG's title and description.
    id: String,
    name_zh: String,
    name_en: String,
    unit: String,
    direction: Direction,
    accumulation: Accumulation,
    target: Option<f64>,
    /// Index 0 = January.
    values: Vec<Option<f64>>,
) -> impl IntoView {
    let top = values
        .iter()
        .flatten()
        .copied()
        .chain(target)
        .fold(0.0_f64, f64::max);
    let max = nice_max(top);
    let target_points = target.map(|t| target_line(t, accumulation, max));
    let arrow = match direction {
        Direction::HigherBetter => "↑ ",
        Direction::LowerBetter | Direction::ZeroTarget => "↓ ",
        _ => "",
    };
    let last = latest(&values);
    let desc = format!(
        "{}。目标 {} {}（{}）。{} / Target {} {} ({}, {}). {}",
        direction.label_zh(),
        target.map_or("—".to_owned(), number),
        unit,
        accumulation.label_zh(),
        last.map_or("暂无数据".to_owned(), |(m, v)| format!(
            "{m} 月实际 {}",
            number(v)
        )),
        target.map_or("—".to_owned(), number),
        unit,
        accumulation.label_en(),
        direction.label_en(),
        last.map_or("No data yet.".to_owned(), |(m, v)| format!(
            "Month {m} actual {}.",
            number(v)
        )),
    );
    let rows = month_rows(|m| {
        let actual = values.get(usize::from(m) - 1).copied().flatten();
        let expected = target.map(|t| pro_rata(t, accumulation, m));
        [
            actual.map_or("—".to_owned(), number),
            expected.map_or("—".to_owned(), number),
        ]
    });
    let title = format!("{name_zh} 目标与实际 Target vs actual: {name_en}");
    let caption = format!("{name_zh} {name_en}");
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    view! {
        <figure class="chart" aria-labelledby=labelled_by>
            <figcaption id=caption_id class="chart-caption">
                <span>{name_zh}</span> " " <span lang="en" class="name-en">{name_en}</span>
                <span class="chart-direction">{arrow}{direction.label_zh()} " " <span lang="en">{direction.label_en()}</span></span>
            </figcaption>
            <MonthPlot id max values target=target_points unit title desc />
            <MonthLegend actual=("实际", "Actual") target=("按进度目标", "Pro-rata target") />
            <ChartData rows_by=("月份", "Month") columns=&[("实际", "Actual"), ("按进度目标", "Pro-rata target")] caption>
                {rows}
            </ChartData>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pro_rata_targets() {
        assert_eq!(pro_rata(120.0, Accumulation::Cumulative, 3), 30.0);
        assert_eq!(pro_rata(95.0, Accumulation::Level, 3), 95.0);
    }
}
