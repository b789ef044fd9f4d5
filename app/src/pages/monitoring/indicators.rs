//! The indicators at a month: target, what the target asks for by now, the value to date,
//! the ratio and the lamp; a red lamp shows its cause and corrective measure, or says that
//! a cause is needed.

use jixiao_domain::dto::monitoring::IndicatorMonitor;
use jixiao_domain::lamps::Lamp;
use leptos::prelude::*;

use crate::components::lamp::LampBadge;
use crate::format::number;
use crate::locale::{pick, t, t_string, unit, use_i18n};

fn shown(value: Option<f64>) -> String {
    value.map_or("—".to_owned(), number)
}

#[component]
pub fn IndicatorTable(indicators: Vec<IndicatorMonitor>) -> impl IntoView {
    let i18n = use_i18n();
    let rows = indicators
        .into_iter()
        .map(|i| {
            let has_cause = i.cause.as_deref().is_some_and(|c| !c.trim().is_empty());
            let cause = if has_cause || i.measure.is_some() {
                view! {
                    <div class="cause-block">
                        {i.cause.clone().map(|c| view! { <p class="cause-text">{t!(i18n, monitoring.indicators.cause)} ": " {c}</p> })}
                        {i.measure.clone().map(|m| view! { <p class="cause-text">{t!(i18n, monitoring.indicators.measure)} ": " {m}</p> })}
                    </div>
                }
                .into_any()
            } else if i.lamp == Lamp::Red {
                view! {
                    <p class="cause-needed"><strong>{t!(i18n, monitoring.indicators.cause_needed)}</strong></p>
                }
                .into_any()
            } else {
                view! { <span class="muted">"—"</span> }.into_any()
            };
            let ratio = i.ratio.map_or("—".to_owned(), |r| format!("{:.1}%", r * 100.0));
            let (name_zh, name_en) = (i.name_zh.clone(), i.name_en.clone());
            let (direction, accumulation) = (i.direction, i.accumulation);
            view! {
                <tr class:row-red=i.lamp == Lamp::Red>
                    <th scope="row" class="wide">
                        <span class="name-zh">{move || pick(&name_zh, &name_en).to_owned()}</span>
                        <span class="muted kind-label">
                            {move || pick(direction.label_zh(), direction.label_en())} " · "
                            {move || pick(accumulation.label_zh(), accumulation.label_en())}
                        </span>
                    </th>
                    <td data-label=move || t_string!(i18n, monitoring.indicators.unit)>{
                        let unit_text = i.unit.clone();
                        move || unit(&unit_text)
                    }</td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.indicators.target)>{shown(i.target)}</td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.indicators.pro_rata)>{shown(i.expected_to_date)}</td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.indicators.value)>{shown(i.value_to_date)}</td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.indicators.ratio)>{ratio}</td>
                    <td data-label=move || t_string!(i18n, monitoring.indicators.lamp)><LampBadge lamp=i.lamp /></td>
                    <td class="span" data-label=move || t_string!(i18n, monitoring.indicators.cause_measure)>{cause}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{t!(i18n, monitoring.indicators.heading)}</h2>
            <div class="table-wrap mon-wrap">
                <table class="data-table mon-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, monitoring.indicators.indicator)}</th>
                            <th scope="col">{t!(i18n, monitoring.indicators.unit)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.indicators.target)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.indicators.pro_rata)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.indicators.value)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.indicators.ratio)}</th>
                            <th scope="col">{t!(i18n, monitoring.indicators.lamp)}</th>
                            <th scope="col">{t!(i18n, monitoring.indicators.cause_measure)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
