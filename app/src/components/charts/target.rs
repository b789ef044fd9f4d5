//! Target against actual for one indicator: its values month by month and the pro-rata
//! target (t·m/12 for a cumulative count, the flat t for a level).

use jixiao_domain::framework::{Accumulation, Direction};
use leptos::prelude::*;

use super::{month_x, nice_max, points, value_y, BOTTOM, H, LEFT, RIGHT, TOP, W};
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
    let data: Vec<(f64, f64)> = values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (month_x(i as f64 + 1.0), value_y(v, max))))
        .collect();
    let target_line = target.map(|t| match accumulation {
        Accumulation::Cumulative => points(&[
            (month_x(0.0), value_y(0.0, max)),
            (month_x(12.0), value_y(t, max)),
        ]),
        Accumulation::Level => points(&[
            (month_x(0.0), value_y(t, max)),
            (month_x(12.0), value_y(t, max)),
        ]),
    });
    let arrow = match direction {
        Direction::HigherBetter => "↑ ",
        Direction::LowerBetter | Direction::ZeroTarget => "↓ ",
        _ => "",
    };
    let latest = values
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i + 1, v)));
    let desc = format!(
        "{}。目标 {} {}（{}）。{} / Target {} {} ({}, {}). {}",
        direction.label_zh(),
        target.map_or("—".to_owned(), number),
        unit,
        accumulation.label_zh(),
        latest.map_or("暂无数据".to_owned(), |(m, v)| format!(
            "{m} 月实际 {}",
            number(v)
        )),
        target.map_or("—".to_owned(), number),
        unit,
        accumulation.label_en(),
        direction.label_en(),
        latest.map_or("No data yet.".to_owned(), |(m, v)| format!(
            "Month {m} actual {}.",
            number(v)
        )),
    );
    let rows = (1..=12u8)
        .map(|m| {
            let actual = values.get(usize::from(m) - 1).copied().flatten();
            let expected = target.map(|t| pro_rata(t, accumulation, m));
            view! {
                <tr>
                    <th scope="row">{format!("{m} 月")} " " <span lang="en">{format!("M{m}")}</span></th>
                    <td class="num">{actual.map_or("—".to_owned(), number)}</td>
                    <td class="num">{expected.map_or("—".to_owned(), number)}</td>
                </tr>
            }
        })
        .collect_view();
    let dots = data
        .iter()
        .map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" fill="#1d4e89" /> })
        .collect_view();
    let line = points(&data);
    let heading_zh = name_zh.clone();
    let heading_en = name_en.clone();
    view! {
        <figure class="chart" aria-labelledby=format!("{id}-caption")>
            <figcaption id=format!("{id}-caption") class="chart-caption">
                <span>{heading_zh}</span> " " <span lang="en" class="name-en">{heading_en}</span>
                <span class="chart-direction">{arrow}{direction.label_zh()} " " <span lang="en">{direction.label_en()}</span></span>
            </figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {W} {H}") width="100%" role="img"
                aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-desc")>
                <title id=format!("{id}-title")>{format!("{name_zh} 目标与实际 Target vs actual: {name_en}")}</title>
                <desc id=format!("{id}-desc")>{desc}</desc>
                <Axes max unit=unit.clone() />
                {target_line.map(|p| view! {
                    <polyline points=p fill="none" stroke="#b35c00" stroke-width="2" stroke-dasharray="6 4" />
                })}
                <polyline points=line fill="none" stroke="#1d4e89" stroke-width="2.5" />
                {dots}
            </svg>
            <p class="chart-legend">
                <span class="legend-actual" aria-hidden="true"></span>"实际 " <span lang="en">"Actual"</span>
                " "
                <span class="legend-target" aria-hidden="true"></span>"按进度目标 " <span lang="en">"Pro-rata target"</span>
            </p>
            <details class="chart-data">
                <summary>"数据表 " <span lang="en">"Data table"</span></summary>
                <div class="table-wrap">
                    <table class="data-table compact-table">
                        <caption class="visually-hidden">{format!("{name_zh} {name_en}")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"月份 " <span lang="en">"Month"</span></th>
                                <th scope="col" class="num">"实际 " <span lang="en">"Actual"</span></th>
                                <th scope="col" class="num">"按进度目标 " <span lang="en">"Pro-rata target"</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}

/// The axes of a month chart: 0 and `max` on the left, months 1, 3, 6, 9, 12 below.
#[component]
pub fn Axes(
    max: f64,
    #[prop(optional)] unit: String,
    #[prop(optional)] percent: bool,
) -> impl IntoView {
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
                <text x=format!("{x:.1}") y=format!("{:.1}", H - 8.0) font-size="10" text-anchor="middle" fill="#5a6778">{format!("{m}月")}</text>
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
    fn pro_rata_targets() {
        assert_eq!(pro_rata(120.0, Accumulation::Cumulative, 3), 30.0);
        assert_eq!(pro_rata(95.0, Accumulation::Level, 3), 95.0);
    }
}
