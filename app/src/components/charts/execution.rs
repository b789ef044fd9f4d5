//! Cumulative execution of the whole budget against time progress (the m/12 diagonal).

use leptos::prelude::*;

use super::target::Axes;
use super::{month_x, nice_max, points, value_y, H, W};

fn percent(value: f64) -> String {
    format!("{:.1}%", value * 100.0)
}

#[component]
pub fn ExecutionChart(
    id: String,
    /// Spent / adjusted per month, index 0 = January.
    execution: Vec<Option<f64>>,
) -> impl IntoView {
    let max = nice_max(execution.iter().flatten().copied().fold(1.0_f64, f64::max));
    let data: Vec<(f64, f64)> = execution
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (month_x(i as f64 + 1.0), value_y(v, max))))
        .collect();
    let diagonal = points(&[
        (month_x(0.0), value_y(0.0, max)),
        (month_x(12.0), value_y(1.0, max)),
    ]);
    let latest = execution
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, v)| v.map(|v| (i + 1, v)));
    let desc = match latest {
        Some((m, v)) => format!(
            "{m} 月累计执行 {}，时间进度 {}。Month {m}: executed {}, time progress {}.",
            percent(v),
            percent(m as f64 / 12.0),
            percent(v),
            percent(m as f64 / 12.0)
        ),
        None => "暂无数据 No data yet".to_owned(),
    };
    let rows = (1..=12usize)
        .map(|m| {
            let v = execution.get(m - 1).copied().flatten();
            view! {
                <tr>
                    <th scope="row">{format!("{m} 月")} " " <span lang="en">{format!("M{m}")}</span></th>
                    <td class="num">{v.map_or("—".to_owned(), percent)}</td>
                    <td class="num">{percent(m as f64 / 12.0)}</td>
                </tr>
            }
        })
        .collect_view();
    let dots = data
        .iter()
        .map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="3" fill="#1d4e89" /> })
        .collect_view();
    let line = points(&data);
    view! {
        <figure class="chart">
            <figcaption class="chart-caption">
                "预算执行与时间进度 " <span lang="en">"Budget execution vs time progress"</span>
            </figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {W} {H}") width="100%" role="img"
                aria-labelledby=format!("{id}-title") aria-describedby=format!("{id}-desc")>
                <title id=format!("{id}-title")>"累计预算执行率与时间进度 Cumulative execution vs time progress"</title>
                <desc id=format!("{id}-desc")>{desc}</desc>
                <Axes max percent=true />
                <polyline points=diagonal fill="none" stroke="#b35c00" stroke-width="2" stroke-dasharray="6 4" />
                <polyline points=line fill="none" stroke="#1d4e89" stroke-width="2.5" />
                {dots}
            </svg>
            <p class="chart-legend">
                <span class="legend-actual" aria-hidden="true"></span>"累计执行率 " <span lang="en">"Execution"</span>
                " "
                <span class="legend-target" aria-hidden="true"></span>"时间进度 " <span lang="en">"Time progress"</span>
            </p>
            <details class="chart-data">
                <summary>"数据表 " <span lang="en">"Data table"</span></summary>
                <div class="table-wrap">
                    <table class="data-table compact-table">
                        <thead>
                            <tr>
                                <th scope="col">"月份 " <span lang="en">"Month"</span></th>
                                <th scope="col" class="num">"累计执行率 " <span lang="en">"Execution"</span></th>
                                <th scope="col" class="num">"时间进度 " <span lang="en">"Time progress"</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
