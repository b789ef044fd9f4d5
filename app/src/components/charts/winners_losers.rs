//! Winners and losers of a province what-if: one horizontal bar per department, drawn from
//! a zero line to its change (right = more money ▲, left = less ▼), in the order the caller
//! gives (winners first, see `winners_and_losers`). Every bar is labelled with its department
//! code and its signed change in words and glyphs; colour and the dashed outline of a loss
//! are extra cues only. The figures are also in a data table.

use leptos::prelude::*;

use super::data::{ChartData, LabelledSvg};
use crate::format::money_large;
use crate::locale::{pick, t, td_string, use_i18n, Locale};

/// One department's bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeBar {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// This year's base, fen (for the percentage).
    pub base: i64,
    /// Final − base, fen.
    pub change: i64,
}

/// `▲ +12.30 万元` / `▲ +¥0.12 million`, `▼ −4.00 万元`, `= 0.00 万元`.
pub fn change_label(change: i64, locale: Locale) -> String {
    let amount = money_large(change.saturating_abs(), locale);
    match change.signum() {
        1 => format!("▲ +{amount}"),
        -1 => format!("▼ −{amount}"),
        _ => format!("= {amount}"),
    }
}

/// Where zero sits in a track `track` wide and how wide each unit of money is, so that the
/// largest gain and the largest loss both fit: `(zero offset, scale)`.
pub fn layout(bars: &[ChangeBar], track: f64) -> (f64, f64) {
    let gain = bars.iter().map(|b| b.change.max(0)).max().unwrap_or(0) as f64;
    let loss = bars.iter().map(|b| (-b.change).max(0)).max().unwrap_or(0) as f64;
    let span = gain + loss;
    if span <= 0.0 {
        return (track / 2.0, 0.0);
    }
    (track * loss / span, track / span)
}

/// The chart in words: how many gain and lose, and the extremes.
pub fn describe(bars: &[ChangeBar], locale: Locale) -> String {
    let up = bars.iter().filter(|b| b.change > 0).count();
    let down = bars.iter().filter(|b| b.change < 0).count();
    let mut text = td_string!(
        locale,
        charts.changes.summary,
        up = up,
        down = down,
        same = bars.len() - up - down
    );
    if let Some(best) = bars
        .iter()
        .filter(|b| b.change > 0)
        .max_by_key(|b| b.change)
    {
        text.push_str(&td_string!(
            locale,
            charts.changes.largest_increase,
            code = &best.code,
            change = change_label(best.change, locale)
        ));
    }
    if let Some(worst) = bars
        .iter()
        .filter(|b| b.change < 0)
        .min_by_key(|b| b.change)
    {
        text.push_str(&td_string!(
            locale,
            charts.changes.largest_decrease,
            code = &worst.code,
            change = change_label(worst.change, locale)
        ));
    }
    text
}

#[component]
pub fn WinnersLosersChart(
    /// Unique id prefix.
    id: String,
    /// Winners first, losers last.
    bars: Vec<ChangeBar>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (w, row, label_w, pad) = (360.0_f64, 24.0_f64, 168.0_f64, 6.0_f64);
    let track = w - label_w - pad;
    let h = row * bars.len().max(1) as f64 + 8.0;
    let (zero, scale) = layout(&bars, track);
    let zero_x = label_w + zero;
    let marks = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = 4.0 + i as f64 * row;
            let length = (bar.change.unsigned_abs() as f64 * scale).max(if bar.change == 0 { 0.0 } else { 1.5 });
            let x = if bar.change < 0 { zero_x - length } else { zero_x };
            let (fill, stroke, dash, text) = match bar.change.signum() {
                -1 => ("#fdecec", "#a61b1b", "4 2", "#a61b1b"),
                1 => ("#e3f4e8", "#155c2e", "none", "#155c2e"),
                _ => ("none", "none", "none", "#5a6778"),
            };
            let change = bar.change;
            view! {
                <g>
                    <text x="4" y=y + 16.0 font-size="11" font-weight="700" fill="#1b2430">{bar.code.clone()}</text>
                    <text x=label_w - 6.0 y=y + 16.0 font-size="11" font-weight="600" fill=text text-anchor="end">
                        {move || change_label(change, i18n.get_locale())}
                    </text>
                    <rect x=format!("{x:.1}") y=y + 4.0 width=format!("{length:.1}") height="15" fill=fill
                        stroke=stroke stroke-width="1.5" stroke-dasharray=dash />
                </g>
            }
        })
        .collect_view();
    let rows = bars
        .iter()
        .map(|bar| {
            let (zh, en, change) = (bar.name_zh.clone(), bar.name_en.clone(), bar.change);
            view! {
                <tr>
                    <th scope="row">
                        <code>{bar.code.clone()}</code> " " {move || pick(&zh, &en).to_owned()}
                    </th>
                    <td class="num">{move || change_label(change, i18n.get_locale())}</td>
                    <td class="num">{percent(bar.change, bar.base)}</td>
                </tr>
            }
        })
        .collect_view();
    let label = Signal::derive(move || {
        let locale = i18n.get_locale();
        td_string!(
            locale,
            charts.changes.label,
            summary = describe(&bars, locale)
        )
    });
    let caption =
        Signal::derive(move || td_string!(i18n.get_locale(), charts.changes.caption).to_owned());
    view! {
        <figure class="chart chart-bars winners-losers-chart">
            <figcaption class="chart-caption">
                {t!(i18n, charts.changes.caption)}
                <span class="chart-direction">{t!(i18n, charts.changes.legend)}</span>
            </figcaption>
            <LabelledSvg id width=w height=h label>
                <line x1=format!("{zero_x:.1}") x2=format!("{zero_x:.1}") y1="2" y2=format!("{:.1}", h - 2.0)
                    stroke="#5a6778" stroke-width="1" />
                {marks}
            </LabelledSvg>
            <ChartData rows_by=|l| td_string!(l, charts.column.department)
                columns=vec![
                    |l| td_string!(l, charts.column.change),
                    |l| td_string!(l, charts.column.change_percent),
                ]
                caption>
                {rows}
            </ChartData>
        </figure>
    }
}

/// A change as a share of the base, one decimal.
fn percent(change: i64, base: i64) -> String {
    if base == 0 {
        return "—".to_owned();
    }
    let value = change as f64 / base as f64 * 100.0;
    if value > 0.0 {
        format!("+{value:.1}%")
    } else {
        format!("{value:.1}%").replace('-', "−")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(code: &str, change: i64) -> ChangeBar {
        ChangeBar {
            code: code.to_owned(),
            name_zh: String::new(),
            name_en: String::new(),
            base: 1_000_000_000,
            change,
        }
    }

    #[test]
    fn zero_leaves_room_for_both_sides() {
        assert_eq!(layout(&[bar("A", 30), bar("B", -10)], 100.0), (25.0, 2.5));
        assert_eq!(layout(&[bar("A", -10)], 100.0), (100.0, 10.0));
        assert_eq!(layout(&[bar("A", 0)], 100.0), (50.0, 0.0));
        assert_eq!(layout(&[], 100.0), (50.0, 0.0));
    }

    #[test]
    fn changes_are_told_in_glyphs_and_words() {
        assert_eq!(change_label(12_300_000, Locale::zh_CN), "▲ +12.30 万元");
        assert_eq!(change_label(-4_000_000, Locale::zh_CN), "▼ −4.00 万元");
        assert_eq!(change_label(0, Locale::zh_CN), "= 0.00 万元");
        assert_eq!(change_label(125_000_000, Locale::en), "▲ +¥1.25 million");
        assert_eq!(change_label(-4_000_000, Locale::en), "▼ −¥0.04 million");
        let bars = [bar("A", 5_000_000), bar("B", 0), bar("C", -1_000_000)];
        assert_eq!(
            describe(&bars, Locale::zh_CN),
            "1 个部门增加，1 个部门减少，1 个不变；最大增加 A ▲ +5.00 万元；最大减少 C ▼ −1.00 万元"
        );
        assert_eq!(
            describe(&bars, Locale::en),
            "1 up, 1 down, 1 unchanged; largest increase A ▲ +¥0.05 million; largest decrease C ▼ −¥0.01 million"
        );
        assert_eq!(percent(-50_000_000, 1_000_000_000), "−5.0%");
        assert_eq!(percent(1, 0), "—");
    }
}
