//! Cost per unit of output: what each project line has spent per unit of the output
//! quantity indicators it pays for, so far this year ("if it costs, it has to be effective").

use jixiao_domain::dto::monitoring::{DepartmentMonitor, UnitCost};
use jixiao_domain::money::format_yuan;
use leptos::prelude::*;

#[component]
pub fn UnitCosts(costs: Vec<UnitCost>, monitor: DepartmentMonitor) -> impl IntoView {
    let rows = costs
        .into_iter()
        .filter_map(|cost| {
            let line = monitor.lines.iter().find(|l| l.id == cost.budget_line_id)?;
            let indicator = monitor
                .indicators
                .iter()
                .find(|i| i.id == cost.indicator_id)?;
            // Fen per unit, shown as yuan with two decimals.
            let per_unit = format_yuan(cost.fen_per_unit.round() as i64);
            Some(view! {
                <tr>
                    <th scope="row" class="wide">
                        <span class="name-zh">{line.name_zh.clone()}</span> " "
                        <span class="name-en" lang="en">{line.name_en.clone()}</span>
                    </th>
                    <td data-label="产出指标 Output">
                        <span class="name-zh">{indicator.name_zh.clone()}</span> " "
                        <span class="name-en" lang="en">{indicator.name_en.clone()}</span>
                    </td>
                    <td class="num" data-label="单位成本 Cost per unit">
                        {format!("{per_unit} / {}", indicator.unit)}
                    </td>
                </tr>
            })
        })
        .collect::<Vec<_>>();
    (!rows.is_empty()).then(|| {
        view! {
            <section class="panel" aria-labelledby="unit-costs-heading">
                <h2 id="unit-costs-heading">"单位产出成本 " <span lang="en">"Cost per unit of output"</span></h2>
                <div class="table-wrap mon-wrap">
                    <table class="data-table mon-table">
                        <thead>
                            <tr>
                                <th scope="col">"预算项目 " <span lang="en">"Line"</span></th>
                                <th scope="col">"产出指标 " <span lang="en">"Output"</span></th>
                                <th scope="col" class="num">"单位成本 " <span lang="en">"Cost per unit"</span></th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </section>
        }
    })
}
