//! The month charts' shared parts: values month by month against a target line, on axes
//! from 0 to a round maximum and from January to December, with their legend and the rows
//! of their data table.

use jixiao_domain::framework::Accumulation;
use leptos::prelude::*;

use super::data::{named_row, DescribedSvg, Heading};
use super::{month_x, points, value_y, BOTTOM, H, LEFT, RIGHT, TOP, W};
use crate::format::{month_name, number};
use crate::locale::{t_string, use_i18n};

/// The last month with a value (1 = January) and that value.
pub(crate) fn latest(values: &[Option<f64>]) -> Option<(usize, f64)> {
    values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i + 1, v)))
}

/// Points of the line to `target`: from 0 to `target` over the year for a cumulative count,
/// flat at `target` for a level.
pub(crate) fn target_line(target: f64, accumulation: Accumulation, max: f64) -> String {
    let start = match accumulation {
        Accumulation::Cumulative => 0.0,
        Accumulation::Level => target,
    };
    points(&[
        (month_x(0.0), value_y(start, max)),
        (month_x(12.0), value_y(target, max)),
    ])
}

/// The plot of a month chart: the axes, the target's dashed line (if any), and the months'
/// values joined and dotted; named by `title`, described by `desc`.
#[component]
pub(crate) fn MonthPlot(
    /// Unique id prefix (title, description).
    id: String,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] desc: Signal<String>,
    /// Top of the value axis.
    max: f64,
    /// Index 0 = January.
    values: Vec<Option<f64>>,
    /// Points of the target line.
    target: Option<String>,
    /// Unit written above the value axis.
    #[prop(optional)]
    unit: String,
    /// The values are shares, labelled as percentages.
    #[prop(optional)]
    percent: bool,
) -> impl IntoView {
    let data: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (month_x(i as f64 + 1.0), value_y(v, max))))
        .collect();
    let dots = data
        .iter()
        .map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" fill="#1d4e89" /> })
        .collect_view();
    let line = points(&data);
    view! {
        <DescribedSvg id width=W height=H title desc>
            <Axes max unit percent />
            {target.map(|p| view! {
                <polyline points=p fill="none" stroke="#b35c00" stroke-width="2" stroke-dasharray="6 4" />
            })}
            <polyline points=line fill="none" stroke="#1d4e89" stroke-width="2.5" />
            {dots}
        </DescribedSvg>
    }
}

/// The legend of a month chart: the values' line, then the target's.
#[component]
pub(crate) fn MonthLegend(actual: Heading, target: Heading) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="chart-legend">
            <span class="legend-actual" aria-hidden="true"></span>{move || actual(i18n.get_locale())}
            " "
            <span class="legend-target" aria-hidden="true"></span>{move || target(i18n.get_locale())}
        </p>
    }
}

/// The twelve rows of a month chart's data table, each with the month's two figures.
pub(crate) fn month_rows(figures: impl Fn(u8) -> [String; 2]) -> AnyView {
    let i18n = use_i18n();
    (1..=12u8)
        .map(|m| {
            let name = move || t_string!(i18n, charts.month_row, month = m);
            named_row(name, figures(m).into())
        })
        .collect_view()
        .into_any()
}

/// The axes of a month chart: 0 and `max` on the left, months 1, 3, 6, 9, 12 below.
#[component]
pub fn Axes(
    max: f64,
    #[prop(optional)] unit: String,
    #[prop(optional)] percent: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let base = H - BOTTOM;
    let label = move |v: f64| {
        if percent {
            format!("{}%", number(v * 100.0))
        } else {
            number(v)
        }
    };
    let mid = max / 2.0;
    let ticks = [1u8, 3, 6, 9, 12]
        .into_iter()
        .map(|m| {
            let x = month_x(f64::from(m));
            view! {
                <text x=format!("{x:.1}") y=format!("{:.1}", H - 8.0) font-size="10" text-anchor="middle" fill="#5a6778">{move || month_name(m, i18n.get_locale())}</text>
            }
        })
        .collect_view();
    view! {
        <g class="chart-axes">
            <line x1=LEFT y1=TOP x2=LEFT y2=base stroke="#8a96a6" />
            <line x1=LEFT y1=base x2=W - RIGHT y2=base stroke="#8a96a6" />
            <line x1=LEFT y1=value_y(mid, max) x2=W - RIGHT y2=value_y(mid, max) stroke="#d5dce5" />
            <line x1=LEFT y1=TOP x2=W - RIGHT y2=TOP stroke="#d5dce5" />
            <text x=LEFT - 4.0 y=TOP + 4.0 font-size="10" text-anchor="end" fill="#5a6778">{label(max)}</text>
            <text x=LEFT - 4.0 y=value_y(mid, max) + 4.0 font-size="10" text-anchor="end" fill="#5a6778">{label(mid)}</text>
            <text x=LEFT - 4.0 y=base + 4.0 font-size="10" text-anchor="end" fill="#5a6778">"0"</text>
            {(!unit.is_empty()).then(|| view! {
                <text x=LEFT + 4.0 y=TOP - 2.0 font-size="9" fill="#5a6778">{unit.clone()}</text>
            })}
            {ticks}
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_month_with_a_value() {
        assert_eq!(latest(&[Some(1.0), None, Some(3.0), None]), Some((3, 3.0)));
        assert_eq!(latest(&[None, None]), None);
    }

    #[test]
    fn target_lines_rise_or_stay_level() {
        let rising = target_line(10.0, Accumulation::Cumulative, 10.0);
        assert_eq!(
            rising,
            format!("{LEFT:.1},{:.1} {:.1},{TOP:.1}", H - BOTTOM, W - RIGHT)
        );
        let level = target_line(10.0, Accumulation::Level, 10.0);
        assert_eq!(
            level,
            format!("{LEFT:.1},{TOP:.1} {:.1},{TOP:.1}", W - RIGHT)
        );
    }
}
