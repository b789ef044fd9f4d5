//! Small SVG charts (no JavaScript library). Each is a `<figure>` whose SVG has a title and
//! a description, and whose figures are also in a data table for screen readers and for
//! anyone who prefers numbers (in a `<details>` "Data table"). They scale with
//! `viewBox` and `width="100%"`, so they fit a 360 px phone.

mod data;
mod execution;
pub mod grade_distribution;
mod lamp_bars;
mod month;
pub mod projected_scores;
mod target;
pub mod winners_losers;

pub use execution::ExecutionChart;
pub use lamp_bars::LampBars;
pub use target::TargetChart;

/// Drawing box shared by the line charts (viewBox units).
pub(crate) const W: f64 = 320.0;
pub(crate) const H: f64 = 180.0;
pub(crate) const LEFT: f64 = 40.0;
pub(crate) const RIGHT: f64 = 10.0;
pub(crate) const TOP: f64 = 12.0;
pub(crate) const BOTTOM: f64 = 26.0;

/// x of month `m` (0 = start of the year, 12 = its end).
pub(crate) fn month_x(m: f64) -> f64 {
    LEFT + m / 12.0 * (W - LEFT - RIGHT)
}

/// y of `value` on a scale from 0 to `max`.
pub(crate) fn value_y(value: f64, max: f64) -> f64 {
    let max = if max > 0.0 { max } else { 1.0 };
    let clamped = value.clamp(0.0, max);
    H - BOTTOM - clamped / max * (H - TOP - BOTTOM)
}

/// A round upper bound for an axis holding `value` (1, 2, 2.5, 5 × 10^k).
pub(crate) fn nice_max(value: f64) -> f64 {
    if !value.is_finite() || value <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(value.log10().floor());
    for step in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if step * magnitude >= value {
            return step * magnitude;
        }
    }
    10.0 * magnitude
}

/// `x,y x,y …` of a polyline.
pub(crate) fn points(coords: &[(f64, f64)]) -> String {
    coords
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_are_round() {
        assert_eq!(nice_max(0.0), 1.0);
        assert_eq!(nice_max(0.93), 1.0);
        assert_eq!(nice_max(1.07), 2.0);
        assert_eq!(nice_max(180.0), 200.0);
        assert_eq!(nice_max(2400.0), 2500.0);
    }

    #[test]
    fn scales_map_into_the_box() {
        assert_eq!(month_x(0.0), LEFT);
        assert_eq!(month_x(12.0), W - RIGHT);
        assert_eq!(value_y(0.0, 10.0), H - BOTTOM);
        assert_eq!(value_y(10.0, 10.0), TOP);
        assert_eq!(value_y(20.0, 10.0), TOP);
    }
}
