//! Cumulative execution of the whole budget against time progress (the m/12 diagonal).

use jixiao_domain::framework::Accumulation;
use leptos::prelude::*;

use super::data::ChartData;
use super::month::{latest, month_rows, target_line, MonthLegend, MonthPlot};
use super::nice_max;
use crate::locale::{t, t_string, td_string, use_i18n};

fn percent(value: f64) -> String {
    format!("{:.1}%", value * 100.0)
}

#[component]
pub fn ExecutionChart(
    id: String,
    /// Spent / adjusted per month, index 0 = January.
    execution: Vec<Option<f64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let max = nice_max(execution.iter().flatten().copied().fold(1.0_f64, f64::max));
    // Time progress: all of the budget by the end of the year, pro rata.
    let diagonal = target_line(1.0, Accumulation::Cumulative, max);
    let last = latest(&execution);
    let desc = Signal::derive(move || match last {
        Some((m, v)) => t_string!(
            i18n,
            charts.execution.desc,
            month = m,
            executed = percent(v),
            progress = percent(m as f64 / 12.0)
        ),
        None => t_string!(i18n, charts.no_data).to_owned(),
    });
    let title = Signal::derive(move || t_string!(i18n, charts.execution.title).to_owned());
    let rows = month_rows(|m| {
        let v = execution.get(usize::from(m) - 1).copied().flatten();
        [
            v.map_or("—".to_owned(), percent),
            percent(f64::from(m) / 12.0),
        ]
    });
    view! {
        <figure class="chart">
            <figcaption class="chart-caption">{t!(i18n, charts.execution.caption)}</figcaption>
            <MonthPlot id max values=execution target=Some(diagonal) percent=true title desc />
            <MonthLegend actual=|l| td_string!(l, charts.execution.actual)
                target=|l| td_string!(l, charts.execution.time_progress) />
            <ChartData rows_by=|l| td_string!(l, charts.column.month)
                columns=vec![
                    |l| td_string!(l, charts.execution.actual),
                    |l| td_string!(l, charts.execution.time_progress),
                ]>
                {rows}
            </ChartData>
        </figure>
    }
}
