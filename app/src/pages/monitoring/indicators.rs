//! The indicators at a month: target, what the target asks for by now, the value to date,
//! the ratio and the lamp; a red lamp shows its cause and corrective measure, or says that
//! a cause is needed.

use jixiao_domain::dto::monitoring::IndicatorMonitor;
use jixiao_domain::lamps::Lamp;
use leptos::prelude::*;

use crate::components::lamp::LampBadge;
use crate::format::number;

fn shown(value: Option<f64>) -> String {
    value.map_or("—".to_owned(), number)
}

#[component]
pub fn IndicatorTable(indicators: Vec<IndicatorMonitor>) -> impl IntoView {
    let rows = indicators
        .into_iter()
        .map(|i| {
            let has_cause = i.cause.as_deref().is_some_and(|c| !c.trim().is_empty());
            let cause = if has_cause || i.measure.is_some() {
                view! {
                    <div class="cause-block">
                        {i.cause.clone().map(|c| view! { <p class="cause-text">"原因 " <span lang="en">"Cause"</span> ": " {c}</p> })}
                        {i.measure.clone().map(|m| view! { <p class="cause-text">"措施 " <span lang="en">"Measure"</span> ": " {m}</p> })}
                    </div>
                }
                .into_any()
            } else if i.lamp == Lamp::Red {
                view! {
                    <p class="cause-needed"><strong>"需填写原因 " <span lang="en">"Cause needed"</span></strong></p>
                }
                .into_any()
            } else {
                view! { <span class="muted">"—"</span> }.into_any()
            };
            let ratio = i.ratio.map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0));
            view! {
                <tr class:row-red=i.lamp == Lamp::Red>
                    <th scope="row" class="wide">
                        <span class="name-zh">{i.name_zh.clone()}</span> " "
                        <span class="name-en" lang="en">{i.name_en.clone()}</span>
                        <span class="muted kind-label">
                            {i.direction.label_zh()} " · " {i.accumulation.label_zh()}
                        </span>
                    </th>
                    <td data-label="单位 Unit">{i.unit.clone()}</td>
                    <td class="num" data-label="目标 Target">{shown(i.target)}</td>
                    <td class="num" data-label="按进度目标 Pro-rata target">{shown(i.expected_to_date)}</td>
                    <td class="num" data-label="累计值 Value to date">{shown(i.value_to_date)}</td>
                    <td class="num" data-label="比率 Ratio">{ratio}</td>
                    <td data-label="灯 Lamp"><LampBadge lamp=i.lamp /></td>
                    <td class="span" data-label="原因与措施 Cause and measure">{cause}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">"绩效指标 " <span lang="en">"Indicators"</span></h2>
            <div class="table-wrap mon-wrap">
                <table class="data-table mon-table">
                    <thead>
                        <tr>
                            <th scope="col">"指标 " <span lang="en">"Indicator"</span></th>
                            <th scope="col">"单位 " <span lang="en">"Unit"</span></th>
                            <th scope="col" class="num">"目标 " <span lang="en">"Target"</span></th>
                            <th scope="col" class="num">"按进度目标 " <span lang="en">"Pro-rata target"</span></th>
                            <th scope="col" class="num">"累计值 " <span lang="en">"Value to date"</span></th>
                            <th scope="col" class="num">"比率 " <span lang="en">"Ratio"</span></th>
                            <th scope="col">"灯 " <span lang="en">"Lamp"</span></th>
                            <th scope="col">"原因与措施 " <span lang="en">"Cause and measure"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
