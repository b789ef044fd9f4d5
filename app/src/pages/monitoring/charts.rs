//! The year's charts of a department's monitoring: one indicator's values against its
//! target (a red one first), spending against time, and the department's lamps; with the
//! cost per unit of output above them.

use jixiao_domain::dto::monitoring::{DepartmentMonitor, LampCounts};
use jixiao_domain::framework::Direction;
use jixiao_domain::lamps::Lamp;
use leptos::prelude::*;

use super::unit_costs::UnitCosts;
use crate::api;
use crate::components::charts::{ExecutionChart, LampBars, TargetChart};
use crate::components::loading::Loading;
use crate::locale::{pick, t, td_string, use_i18n, Locale};

#[component]
pub fn Charts(
    code: String,
    year: i32,
    monitor: DepartmentMonitor,
    counts: LampCounts,
) -> impl IntoView {
    let i18n = use_i18n();
    let series = LocalResource::new(move || {
        let code = code.clone();
        async move { api::monitoring::series(&code, year).await }
    });
    let charted: Vec<_> = monitor
        .indicators
        .iter()
        .filter(|i| {
            !matches!(
                i.direction,
                Direction::Qualitative | Direction::BudgetExecution
            )
        })
        .cloned()
        .collect();
    let first = charted
        .iter()
        .find(|i| i.lamp == Lamp::Red)
        .or(charted.first())
        .map(|i| i.id);
    let chosen = RwSignal::new(first);
    let options = charted
        .iter()
        .map(|i| {
            let id = i.id;
            let (name_zh, name_en) = (i.name_zh.clone(), i.name_en.clone());
            view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{move || pick(&name_zh, &name_en).to_owned()}</option> }
        })
        .collect_view();
    let indicator_chart = move || {
        let Some(Ok(series)) = series.get() else {
            return view! { <Loading /> }.into_any();
        };
        let Some(indicator) = chosen
            .get()
            .and_then(|id| charted.iter().find(|i| i.id == id).cloned())
        else {
            return ().into_any();
        };
        let values = series
            .indicators
            .iter()
            .find(|s| s.indicator_id == indicator.id)
            .map(|s| s.values.clone())
            .unwrap_or_default();
        view! {
            <TargetChart
                id=format!("indicator-chart-{}", indicator.id)
                name_zh=indicator.name_zh
                name_en=indicator.name_en
                unit=indicator.unit
                direction=indicator.direction
                accumulation=indicator.accumulation
                target=indicator.target
                values
            />
        }
        .into_any()
    };
    let execution = move || match series.get() {
        Some(Ok(series)) => {
            view! { <ExecutionChart id="execution-chart".to_owned() execution=series.execution /> }
                .into_any()
        }
        Some(Err(error)) => view! { <p class="muted">{error.to_string()}</p> }.into_any(),
        None => view! { <Loading /> }.into_any(),
    };
    let costs_monitor = monitor.clone();
    let unit_costs = move || match series.get() {
        Some(Ok(series)) => {
            view! { <UnitCosts costs=series.unit_costs monitor=costs_monitor.clone() /> }.into_any()
        }
        _ => ().into_any(),
    };
    view! {
        {unit_costs}
        <section class="panel" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{t!(i18n, monitoring.charts.heading)}</h2>
            <div class="chart-grid">
                <div class="chart-cell">
                    <div class="field">
                        <label for="chart-indicator">{t!(i18n, monitoring.charts.indicator)}</label>
                        <select id="chart-indicator" name="chart-indicator" on:change=move |ev| {
                            chosen.set(event_target_value(&ev).parse().ok());
                        }>
                            {options}
                        </select>
                    </div>
                    {indicator_chart}
                </div>
                <div class="chart-cell">{execution}</div>
                <div class="chart-cell">
                    <LampBars id="department-lamps".to_owned()
                        caption_zh=td_string!(Locale::zh_CN, monitoring.charts.department_lamps)
                        caption_en=td_string!(Locale::en, monitoring.charts.department_lamps)
                        counts />
                </div>
            </div>
        </section>
    }
}
