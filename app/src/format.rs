//! Numbers and times as the pages show them.

/// A figure without trailing zeros: `95`, `0.985`, `-3.5`, at most 4 decimals.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let text = format!("{value:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// An ISO 8601 timestamp as `2026-03-01 08:15:00` (no fraction; "UTC" for a `Z` time, any
/// other offset left out).
pub fn timestamp(iso: &str) -> String {
    let shown = local_part(iso);
    if iso.ends_with('Z') {
        format!("{shown} UTC")
    } else {
        shown
    }
}

fn local_part(iso: &str) -> String {
    let text = iso.replacen('T', " ", 1);
    let end = text
        .char_indices()
        .skip(10)
        .find(|(_, c)| matches!(c, '.' | 'Z' | '+') || *c == '-')
        .map_or(text.len(), |(i, _)| i);
    text[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(number(95.0), "95");
        assert_eq!(number(0.985), "0.985");
        assert_eq!(number(-3.5), "-3.5");
        assert_eq!(number(12.34567), "12.3457");
        assert_eq!(number(-0.00001), "0");
        assert_eq!(number(f64::NAN), "—");
    }

    #[test]
    fn timestamps_lose_zone_and_fraction() {
        assert_eq!(
            timestamp("2026-03-01T08:15:00.123Z"),
            "2026-03-01 08:15:00 UTC"
        );
        assert_eq!(
            timestamp("2026-03-01T08:15:00+08:00"),
            "2026-03-01 08:15:00"
        );
        assert_eq!(
            timestamp("2026-03-01T08:15:00-05:00"),
            "2026-03-01 08:15:00"
        );
        assert_eq!(timestamp("2026-03-01 08:15:00"), "2026-03-01 08:15:00");
        assert_eq!(timestamp("2026-03-01"), "2026-03-01");
    }
}
