//! Winners and losers of a province what-if: one horizontal bar per department, drawn from
//! a zero line to its change (right = more money ▲, left = less ▼), in the order the caller
//! gives (winners first, see `winners_and_losers`). Every bar is labelled with its department
//! code and its signed change in words and glyphs; colour and the dashed outline of a loss
//! are extra cues only. The figures are also in a data table.

use jixiao_domain::money::format_wan_yuan;
use leptos::prelude::*;

use super::data::{ChartData, LabelledSvg};

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

/// `▲ +12.3万元`, `▼ −4.0万元`, `= 0.0万元`.
pub fn change_label(change: i64) -> String {
    match change.signum() {
        1 => format!("▲ +{}", format_wan_yuan(change)),
        -1 => format!("▼ {}", format_wan_yuan(change)),
        _ => format!("= {}", format_wan_yuan(0)),
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
pub fn describe(bars: &[ChangeBar]) -> String {
    let up = bars.iter().filter(|b| b.change > 0).count();
    let down = bars.iter().filter(|b| b.change < 0).count();
    let mut text = format!(
        "{up} 个部门增加 up, {down} 个部门减少 down, {} 个不变 unchanged",
        bars.len() - up - down
    );
    if let Some(best) = bars
        .iter()
        .filter(|b| b.change > 0)
        .max_by_key(|b| b.change)
    {
        text.push_str(&format!(
            "; 最大增加 largest increase {} {}",
            best.code,
            change_label(best.change)
        ));
    }
    if let Some(worst) = bars
        .iter()
        .filter(|b| b.change < 0)
        .min_by_key(|b| b.change)
    {
        text.push_str(&format!(
            "; 最大减少 largest decrease {} {}",
            worst.code,
            change_label(worst.change)
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
            view! {
                <g>
                    <text x="4" y=y + 16.0 font-size="11" font-weight="700" fill="#1b2430">{bar.code.clone()}</text>
                    <text x=label_w - 6.0 y=y + 16.0 font-size="11" font-weight="600" fill=text text-anchor="end">
                        {change_label(bar.change)}
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
            view! {
                <tr>
                    <th scope="row">
                        <code>{bar.code.clone()}</code> " " {bar.name_zh.clone()} " "
                        <span lang="en" class="name-en">{bar.name_en.clone()}</span>
                    </th>
                    <td class="num">{change_label(bar.change)}</td>
                    <td class="num">{percent(bar.change, bar.base)}</td>
                </tr>
            }
        })
        .collect_view();
    let label = format!(
        "各部门资金变化 Change of each department's money: {}",
        describe(&bars)
    );
    view! {
        <figure class="chart chart-bars winners-losers-chart">
            <figcaption class="chart-caption">
                "增减排行 " <span lang="en">"Winners and losers"</span>
                <span class="chart-direction">
                    "▲ 增加（实线） " <span lang="en">"more money (solid)"</span>
                    " · ▼ 减少（虚线） " <span lang="en">"less money (dashed)"</span>
                </span>
            </figcaption>
            <LabelledSvg id width=w height=h label>
                <line x1=format!("{zero_x:.1}") x2=format!("{zero_x:.1}") y1="2" y2=format!("{:.1}", h - 2.0)
                    stroke="#5a6778" stroke-width="1" />
                {marks}
            </LabelledSvg>
            <ChartData rows_by=("部门", "Department") columns=&[("变化", "Change"), ("变化率", "Change %")]
                caption="增减排行 Winners and losers">
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
        assert_eq!(change_label(12_300_000), "▲ +12.3万元");
        assert_eq!(change_label(-4_000_000), "▼ −4.0万元");
        assert_eq!(change_label(0), "= 0.0万元");
        let text = describe(&[bar("A", 5_000_000), bar("B", 0), bar("C", -1_000_000)]);
        assert_eq!(
            text,
            "1 个部门增加 up, 1 个部门减少 down, 1 个不变 unchanged; 最大增加 largest increase A ▲ +5.0万元; 最大减少 largest decrease C ▼ −1.0万元"
        );
        assert_eq!(percent(-50_000_000, 1_000_000_000), "−5.0%");
        assert_eq!(percent(1, 0), "—");
    }
}
