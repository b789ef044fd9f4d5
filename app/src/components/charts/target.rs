//! Target against actual for one indicator: its values month by month and the pro-rata
//! target (t·m/12 for a cumulative count, the flat t for a level).

use jixiao_domain::framework::{Accumulation, Direction};
use leptos::prelude::*;

use super::data::ChartData;
use super::month::{latest, month_rows, target_line, MonthLegend, MonthPlot};
use super::nice_max;
use crate::format::number;
use crate::locale::{pick, pick_in, t_string, td_string, use_i18n};

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
    let (name_zh, name_en, unit) = (
        Signal::stored(name_zh),
        Signal::stored(name_en),
        Signal::stored(unit),
    );
    let i18n = use_i18n();
    let desc = Signal::derive(move || {
        let locale = i18n.get_locale();
        let latest = match last {
            Some((m, v)) => t_string!(i18n, charts.target.latest, month = m, value = number(v)),
            None => t_string!(i18n, charts.no_data).to_owned(),
        };
        t_string!(
            i18n,
            charts.target.desc,
            direction = pick_in(locale, direction.label_zh(), direction.label_en()),
            target = target.map_or("—".to_owned(), number),
            unit = unit.get(),
            accumulation = pick_in(locale, accumulation.label_zh(), accumulation.label_en()),
            latest = latest
        )
    });
    let rows = month_rows(|m| {
        let actual = values.get(usize::from(m) - 1).copied().flatten();
        let expected = target.map(|t| pro_rata(t, accumulation, m));
        [
            actual.map_or("—".to_owned(), number),
            expected.map_or("—".to_owned(), number),
        ]
    });
    let name = Signal::derive(move || {
        pick_in(i18n.get_locale(), &name_zh.read(), &name_en.read()).to_owned()
    });
    let title = Signal::derive(move || t_string!(i18n, charts.target.title, name = name.get()));
    let caption_id = format!("{id}-caption");
    let labelled_by = caption_id.clone();
    view! {
        <figure class="chart" aria-labelledby=labelled_by>
            <figcaption id=caption_id class="chart-caption">
                <span>{name}</span>
                <span class="chart-direction">
                    {arrow}{move || pick(direction.label_zh(), direction.label_en())}
                </span>
            </figcaption>
            <MonthPlot id max values target=target_points unit=unit.get_untracked() title desc />
            <MonthLegend actual=|l| td_string!(l, charts.target.actual)
                target=|l| td_string!(l, charts.target.pro_rata) />
            <ChartData rows_by=|l| td_string!(l, charts.column.month)
                columns=vec![
                    |l| td_string!(l, charts.target.actual),
                    |l| td_string!(l, charts.target.pro_rata),
                ]
                caption=name>
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
