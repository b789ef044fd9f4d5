//! Cumulative execution of the whole budget against time progress (the m/12 diagonal).

use jixiao_domain::framework::Accumulation;
use leptos::prelude::*;

use super::data::ChartData;
use super::month::{latest, month_rows, target_line, MonthLegend, MonthPlot};
use super::nice_max;

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
    // Time progress: all of the budget by the end of the year, pro rata.
    let diagonal = target_line(1.0, Accumulation::Cumulative, max);
    let desc = match latest(&execution) {
        Some((m, v)) => format!(
            "{m} 月累计执行 {}，时间进度 {}。Month {m}: executed {}, time progress {}.",
            percent(v),
            percent(m as f64 / 12.0),
            percent(v),
            percent(m as f64 / 12.0)
        ),
        None => "暂无数据 No data yet".to_owned(),
    };
    let rows = month_rows(|m| {
        let v = execution.get(usize::from(m) - 1).copied().flatten();
        [
            v.map_or("—".to_owned(), percent),
            percent(f64::from(m) / 12.0),
        ]
    });
    view! {
        <figure class="chart">
            <figcaption class="chart-caption">
                "预算执行与时间进度 " <span lang="en">"Budget execution vs time progress"</span>
            </figcaption>
            <MonthPlot id max values=execution target=Some(diagonal) percent=true
                title="累计预算执行率与时间进度 Cumulative execution vs time progress".to_owned() desc />
            <MonthLegend actual=("累计执行率", "Execution") target=("时间进度", "Time progress") />
            <ChartData rows_by=("月份", "Month") columns=&[("累计执行率", "Execution"), ("时间进度", "Time progress")]>
                {rows}
            </ChartData>
        </figure>
    }
}
