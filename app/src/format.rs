//! Numbers, money and times as the pages show them, in the reader's language: money in 元
//! and 万元 for Chinese (`1,234.50 元`, `1,234.56 万元`), in yuan and millions for English
//! (`¥1,234.50`, `¥12.35 million`); dates as `2026年3月1日` or `1 Mar 2026`.

use crate::locale::Locale;

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

/// Digits of a whole number in groups of three: `1234567` → `1,234,567`.
pub fn grouped(whole: u128) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Fen in units of `unit_fen`, rounded half away from zero to `decimals` places, grouped.
fn scaled(fen: i64, unit_fen: u128, decimals: u32) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let step = unit_fen / 10u128.pow(decimals);
    let units = (u128::from(fen.unsigned_abs()) + step / 2) / step;
    let scale = 10u128.pow(decimals);
    let (whole, fraction) = (units / scale, units % scale);
    let sign = if units == 0 { "" } else { sign };
    if decimals == 0 {
        format!("{sign}{}", grouped(whole))
    } else {
        format!(
            "{sign}{}.{fraction:0width$}",
            grouped(whole),
            width = decimals as usize
        )
    }
}

/// An exact amount: `1,234.50 元` / `¥1,234.50`.
pub fn money(fen: i64, locale: Locale) -> String {
    let amount = scaled(fen, 100, 2);
    match locale {
        Locale::zh_CN => format!("{amount} 元"),
        Locale::en => match amount.strip_prefix('-') {
            Some(positive) => format!("-¥{positive}"),
            None => format!("¥{amount}"),
        },
    }
}

/// A large amount, rounded: `1,234.56 万元` / `¥12.35 million`.
pub fn money_large(fen: i64, locale: Locale) -> String {
    match locale {
        Locale::zh_CN => format!("{} 万元", scaled(fen, 1_000_000, 2)),
        Locale::en => {
            let amount = scaled(fen, 100_000_000, 2);
            match amount.strip_prefix('-') {
                Some(positive) => format!("-¥{positive} million"),
                None => format!("¥{amount} million"),
            }
        }
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A month of a year: `3月` / `Mar`.
pub fn month_name(month: u8, locale: Locale) -> String {
    let index = usize::from(month.clamp(1, 12)) - 1;
    match locale {
        Locale::zh_CN => format!("{}月", index + 1),
        Locale::en => MONTHS_EN[index].to_owned(),
    }
}

/// An ISO date (or the date part of a timestamp): `2026年3月1日` / `1 Mar 2026`. Anything
/// unreadable is shown as given.
pub fn date(iso: &str, locale: Locale) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return iso.to_owned();
    };
    let (Ok(year), Ok(month), Ok(day)) =
        (year.parse::<i32>(), month.parse::<u8>(), day.parse::<u8>())
    else {
        return iso.to_owned();
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_owned();
    }
    match locale {
        Locale::zh_CN => format!("{year}年{month}月{day}日"),
        Locale::en => format!("{day} {} {year}", MONTHS_EN[usize::from(month) - 1]),
    }
}

/// A timestamp with its date in the reader's language: `2026年3月1日 08:15:00 UTC` /
/// `1 Mar 2026 08:15:00 UTC`.
pub fn timestamp_in(iso: &str, locale: Locale) -> String {
    let plain = timestamp(iso);
    match plain.split_once(' ') {
        Some((day, rest)) => format!("{} {rest}", date(day, locale)),
        None => date(&plain, locale),
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
    fn money_reads_in_either_language() {
        assert_eq!(money(123_450, Locale::zh_CN), "1,234.50 元");
        assert_eq!(money(123_450, Locale::en), "¥1,234.50");
        assert_eq!(money(-5, Locale::en), "-¥0.05");
        assert_eq!(money(0, Locale::zh_CN), "0.00 元");
        assert_eq!(money_large(1_234_560_000, Locale::zh_CN), "1,234.56 万元");
        assert_eq!(money_large(1_234_560_000, Locale::en), "¥12.35 million");
        assert_eq!(money_large(-4_000_000, Locale::zh_CN), "-4.00 万元");
        assert_eq!(
            money(i64::MIN, Locale::zh_CN),
            "-92,233,720,368,547,758.08 元"
        );
    }

    #[test]
    fn dates_read_in_either_language() {
        assert_eq!(date("2026-03-01", Locale::zh_CN), "2026年3月1日");
        assert_eq!(date("2026-03-01T08:15:00Z", Locale::en), "1 Mar 2026");
        assert_eq!(date("soon", Locale::en), "soon");
        assert_eq!(date("2026-13-01", Locale::en), "2026-13-01");
        assert_eq!(
            timestamp_in("2026-03-01T08:15:00.123Z", Locale::zh_CN),
            "2026年3月1日 08:15:00 UTC"
        );
        assert_eq!(
            timestamp_in("2026-12-31T23:59:00+08:00", Locale::en),
            "31 Dec 2026 23:59:00"
        );
        assert_eq!(month_name(3, Locale::zh_CN), "3月");
        assert_eq!(month_name(12, Locale::en), "Dec");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(12), "12");
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
