//! Projected score per indicator, now against a scenario: two bars per indicator on a
//! track as long as its points — "now" outlined and dashed, the scenario solid (shape and
//! pattern, not colour alone) — each with its figure. The rows are drawn once; the scenario's
//! bars and figures follow its signal. The numbers are also in a data table.

use leptos::prelude::*;

use super::data::ChartData;
use crate::locale::{pick, pick_in, t, td_string, use_i18n, Locale};

/// One indicator of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub name_zh: String,
    pub name_en: String,
    pub points: f64,
    /// The score now.
    pub now: f64,
}

const W: f64 = 320.0;
const LEFT: f64 = 4.0;
const RIGHT: f64 = 40.0;
const LEGEND: f64 = 24.0;
const ROW: f64 = 46.0;

/// Width of a bar for `score` when the largest number of points spans `track` units.
pub fn bar_width(score: f64, max_points: f64, track: f64) -> f64 {
    if !score.is_finite() || score <= 0.0 || max_points <= 0.0 {
        return 0.0;
    }
    (score.min(max_points) / max_points * track).max(1.0)
}

/// A name cut to `max` characters, with "…" when cut.
pub fn short_name(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

fn score(value: f64) -> String {
    format!("{value:.2}")
}

/// The chart in words: "Projected score per indicator — 1 New places: Now 12.00, Scenario
/// 10.80; …" (names and words in `locale`).
pub fn describe(rows: &[ScoreRow], scenario: &[f64], locale: Locale) -> String {
    let each = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let after = scenario
                .get(i)
                .map_or_else(|| "—".to_owned(), |s| score(*s));
            td_string!(
                locale,
                charts.scores.row,
                index = i + 1,
                name = pick_in(locale, &row.name_zh, &row.name_en),
                now = score(row.now),
                scenario = after
            )
        })
        .collect::<Vec<_>>()
        .join(pick_in(locale, "；", "; "));
    td_string!(locale, charts.scores.label, rows = each)
}

/// How many characters of a name fit beside the bars (Chinese characters are wider).
const fn name_room(locale: Locale) -> usize {
    match locale {
        Locale::zh_CN => 21,
        Locale::en => 40,
    }
}

#[component]
pub fn ProjectedScoresChart(
    /// Unique id prefix.
    id: String,
    rows: Vec<ScoreRow>,
    /// The scenario's score of each row, in the same order.
    #[prop(into)]
    scenario: Signal<Vec<f64>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let h = LEGEND + ROW * rows.len() as f64 + 4.0;
    let max_points = rows.iter().map(|r| r.points).fold(0.0_f64, f64::max);
    let track = W - LEFT - RIGHT;
    let at = move |i: usize| scenario.with(|s| s.get(i).copied().unwrap_or(0.0));
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = LEGEND + i as f64 * ROW;
            let full = bar_width(row.points, max_points, track);
            let now_w = bar_width(row.now, max_points, track);
            let (name_zh, name_en) = (row.name_zh.clone(), row.name_en.clone());
            let label = move || {
                let locale = i18n.get_locale();
                let name = pick_in(locale, &name_zh, &name_en);
                format!("{} {}", i + 1, short_name(name, name_room(locale)))
            };
            view! {
                <g>
                    <text x=LEFT y=y + 12.0 font-size="12" fill="#1b2430">{label}</text>
                    <rect x=LEFT y=y + 16.0 width=format!("{full:.1}") height="24" fill="#eef1f5" />
                    <rect x=LEFT y=y + 17.0 width=format!("{now_w:.1}") height="10" fill="#ffffff"
                        stroke="#5a6778" stroke-width="1.2" stroke-dasharray="3 2" />
                    <text x=LEFT + full + 3.0 y=y + 26.0 font-size="10.5" fill="#5a6778">{score(row.now)}</text>
                    <rect x=LEFT y=y + 29.0 height="10" fill="#1d4e89"
                        width=move || format!("{:.1}", bar_width(at(i), max_points, track)) />
                    <text x=LEFT + full + 3.0 y=y + 38.0 font-size="10.5" font-weight="700" fill="#1d4e89">
                        {move || score(at(i))}
                    </text>
                </g>
            }
        })
        .collect_view();
    let table_rows = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let (zh, en) = (row.name_zh.clone(), row.name_en.clone());
            let name = move || format!("{} {}", i + 1, pick(&zh, &en));
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    <td class="num">{score(row.points)}</td>
                    <td class="num">{score(row.now)}</td>
                    <td class="num">{move || score(at(i))}</td>
                </tr>
            }
        })
        .collect_view();
    let described = rows.clone();
    let label = move || scenario.with(|s| describe(&described, s, i18n.get_locale()));
    view! {
        <figure class="chart chart-bars wi-chart">
            <figcaption class="chart-caption">
                {t!(i18n, charts.scores.caption)}
                <span class="chart-direction">{t!(i18n, charts.scores.track)}</span>
            </figcaption>
            <svg class="chart-svg" viewBox=format!("0 0 {W} {h}") width="100%" role="img"
                aria-label=label id=format!("{id}-svg")>
                <g aria-hidden="true">
                    <rect x=LEFT y="4" width="18" height="10" fill="#ffffff" stroke="#5a6778"
                        stroke-width="1.2" stroke-dasharray="3 2" />
                    <text x=LEFT + 23.0 y="13" font-size="12" fill="#1b2430">{t!(i18n, charts.column.now)}</text>
                    <rect x=LEFT + 100.0 y="4" width="18" height="10" fill="#1d4e89" />
                    <text x=LEFT + 123.0 y="13" font-size="12" fill="#1b2430">{t!(i18n, charts.column.scenario)}</text>
                </g>
                {bars}
            </svg>
            <ChartData rows_by=|l| td_string!(l, charts.column.indicator)
                columns=vec![
                    |l| td_string!(l, charts.column.points),
                    |l| td_string!(l, charts.column.now),
                    |l| td_string!(l, charts.column.scenario),
                ]
                caption=Signal::derive(move || td_string!(i18n.get_locale(), charts.scores.caption).to_owned())>
                {table_rows}
            </ChartData>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_most_points() {
        assert_eq!(bar_width(0.0, 12.0, 240.0), 0.0);
        assert_eq!(bar_width(12.0, 12.0, 240.0), 240.0);
        assert_eq!(bar_width(6.0, 12.0, 240.0), 120.0);
        assert_eq!(bar_width(20.0, 12.0, 240.0), 240.0);
        assert_eq!(bar_width(0.001, 12.0, 240.0), 1.0);
        assert_eq!(bar_width(f64::NAN, 12.0, 240.0), 0.0);
    }

    #[test]
    fn long_names_are_cut() {
        assert_eq!(short_name("预算执行率", 24), "预算执行率");
        assert_eq!(short_name("一二三四五", 4), "一二三…");
    }

    #[test]
    fn the_chart_is_said_in_words() {
        let rows = vec![ScoreRow {
            name_zh: "新增学位".to_owned(),
            name_en: "New places".to_owned(),
            points: 12.0,
            now: 12.0,
        }];
        assert_eq!(
            describe(&rows, &[10.8], Locale::en),
            "Projected score per indicator — 1 New places: Now 12.00, Scenario 10.80"
        );
        assert_eq!(
            describe(&rows, &[10.8], Locale::zh_CN),
            "各指标预计得分——1 新增学位：现状 12.00，情景 10.80"
        );
        assert!(describe(&rows, &[], Locale::en).ends_with("Scenario —"));
    }
}
