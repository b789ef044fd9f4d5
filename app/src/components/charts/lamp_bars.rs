//! How many lamps of each colour: one bar per lamp, each with its shape and its word.

use jixiao_domain::dto::monitoring::LampCounts;
use leptos::prelude::*;

use super::data::{named_row, ChartData, DescribedSvg};
use crate::components::lamp::{count_of, lamp_fill, LAMP_ORDER};
use crate::locale::{pick, pick_in, td_string, use_i18n, Locale};

#[component]
pub fn LampBars(
    id: String,
    /// Caption, Chinese and English (shown in the chosen language).
    caption_zh: &'static str,
    caption_en: &'static str,
    counts: LampCounts,
) -> impl IntoView {
    let i18n = use_i18n();
    let (w, row, left, right) = (320.0_f64, 26.0_f64, 112.0_f64, 36.0_f64);
    let h = row * LAMP_ORDER.len() as f64 + 6.0;
    let max = LAMP_ORDER
        .iter()
        .map(|l| count_of(&counts, *l))
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let bars = LAMP_ORDER
        .iter()
        .enumerate()
        .map(|(i, lamp)| {
            let n = count_of(&counts, *lamp);
            let y = 3.0 + i as f64 * row;
            let width = (n as f64 / max * (w - left - right)).max(if n > 0 { 2.0 } else { 0.0 });
            let fill = match lamp_fill(*lamp) {
                "none" => "#ffffff",
                other => other,
            };
            let shape = match lamp {
                jixiao_domain::lamps::Lamp::Red => view! { <rect x="2" y=y + 7.0 width="10" height="10" fill=fill /> }.into_any(),
                jixiao_domain::lamps::Lamp::Yellow => view! { <polygon points=format!("7,{:.1} 12.5,{:.1} 1.5,{:.1}", y + 6.0, y + 17.0, y + 17.0) fill=fill /> }.into_any(),
                jixiao_domain::lamps::Lamp::Green => view! { <circle cx="7" cy=y + 12.0 r="5.5" fill=fill /> }.into_any(),
                jixiao_domain::lamps::Lamp::Blue => view! { <polygon points=format!("7,{:.1} 12.5,{:.1} 7,{:.1} 1.5,{:.1}", y + 6.0, y + 12.0, y + 18.0, y + 12.0) fill=fill /> }.into_any(),
                jixiao_domain::lamps::Lamp::None => view! { <circle cx="7" cy=y + 12.0 r="5" fill="none" stroke="#5a6778" stroke-width="1.5" /> }.into_any(),
            };
            view! {
                <g>
                    {shape}
                    <text x="17" y=y + 16.0 font-size="11" fill="#1b2430">{move || pick(lamp.label_zh(), short_en(*lamp))}</text>
                    <rect x=left y=y + 4.0 width=format!("{width:.1}") height="16" fill=fill stroke="#1b2430" stroke-opacity="0.5" />
                    <text x=left + width + 4.0 y=y + 16.0 font-size="11" fill="#1b2430">{n.to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let rows = LAMP_ORDER
        .iter()
        .map(|lamp| {
            let count = count_of(&counts, *lamp).to_string();
            let lamp = *lamp;
            named_row(move || pick(lamp.label_zh(), lamp.label_en()), vec![count])
        })
        .collect_view();
    let desc = Signal::derive(move || describe(&counts, i18n.get_locale()));
    let title =
        Signal::derive(move || pick_in(i18n.get_locale(), caption_zh, caption_en).to_owned());
    view! {
        <figure class="chart chart-bars">
            <figcaption class="chart-caption">{move || pick(caption_zh, caption_en)}</figcaption>
            <DescribedSvg id width=w height=h title desc>
                {bars}
            </DescribedSvg>
            <ChartData rows_by=|l| td_string!(l, charts.column.lamp)
                columns=vec![|l| td_string!(l, charts.column.count)]>
                {rows}
            </ChartData>
        </figure>
    }
}

/// The chart in words: "红灯：2；黄灯：1；…" / "Red: 2; Yellow: 1; …".
pub fn describe(counts: &LampCounts, locale: Locale) -> String {
    LAMP_ORDER
        .iter()
        .map(|l| {
            format!(
                "{}{}{}",
                pick_in(locale, l.label_zh(), short_en(*l)),
                pick_in(locale, "：", ": "),
                count_of(counts, *l)
            )
        })
        .collect::<Vec<_>>()
        .join(pick_in(locale, "；", "; "))
}

/// The English word of a lamp without the blue lamp's explanation (for the narrow chart).
const fn short_en(lamp: jixiao_domain::lamps::Lamp) -> &'static str {
    match lamp {
        jixiao_domain::lamps::Lamp::Blue => "Blue",
        other => other.label_en(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_said_in_the_chosen_language() {
        let counts = LampCounts {
            red: 2,
            yellow: 1,
            green: 5,
            blue: 0,
            none: 3,
        };
        assert_eq!(
            describe(&counts, Locale::en),
            "Red: 2; Yellow: 1; Green: 5; Blue: 0; No data: 3"
        );
        assert_eq!(
            describe(&counts, Locale::zh_CN),
            "红灯：2；黄灯：1；绿灯：5；蓝灯：0；无数据：3"
        );
    }
}
