//! Cost per unit of output: what each project line has spent per unit of the output
//! quantity indicators it pays for, so far this year ("if it costs, it has to be effective").

use jixiao_domain::dto::monitoring::{DepartmentMonitor, UnitCost};
use leptos::prelude::*;

use crate::format::money;
use crate::locale::{current, pick, t, t_string, use_i18n};

#[component]
pub fn UnitCosts(costs: Vec<UnitCost>, monitor: DepartmentMonitor) -> impl IntoView {
    let i18n = use_i18n();
    let rows = costs
        .into_iter()
        .filter_map(|cost| {
            let line = monitor.lines.iter().find(|l| l.id == cost.budget_line_id)?;
            let indicator = monitor
                .indicators
                .iter()
                .find(|i| i.id == cost.indicator_id)?;
            // Fen per unit, shown as yuan with two decimals.
            let per_unit = cost.fen_per_unit.round() as i64;
            let unit = indicator.unit.clone();
            let (line_zh, line_en) = (line.name_zh.clone(), line.name_en.clone());
            let (indicator_zh, indicator_en) =
                (indicator.name_zh.clone(), indicator.name_en.clone());
            Some(view! {
                <tr>
                    <th scope="row" class="wide">
                        <span class="name-zh">{move || pick(&line_zh, &line_en).to_owned()}</span>
                    </th>
                    <td data-label=move || t_string!(i18n, monitoring.unit_costs.output)>
                        <span class="name-zh">{move || pick(&indicator_zh, &indicator_en).to_owned()}</span>
                    </td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.unit_costs.cost)>
                        {move || format!("{} / {unit}", money(per_unit, current()))}
                    </td>
                </tr>
            })
        })
        .collect::<Vec<_>>();
    (!rows.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="unit-costs-heading">
                <h2 id="unit-costs-heading">{t!(i18n, monitoring.unit_costs.heading)}</h2>
                <div class="table-wrap mon-wrap">
                    <table class="data-table mon-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, monitoring.unit_costs.line)}</th>
                                <th scope="col">{t!(i18n, monitoring.unit_costs.output)}</th>
                                <th scope="col" class="num">{t!(i18n, monitoring.unit_costs.cost)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}
