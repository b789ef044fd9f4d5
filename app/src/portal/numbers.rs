//! Numbers, money and rates as the portal says them. Decimals are formatted from rounded
//! integers (never with `{:.N}`), so the portal's WASM does not carry the float formatter.

use crate::locale::Locale;

/// Digits grouped in threes: `1234567` → `"1,234,567"`.
pub fn grouped(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `value` rounded half away from zero to `decimals` places, thousands grouped, "−" for
/// a negative number: `fixed(1234.565, 2)` → `"1,234.57"`. Not finite → "—".
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let scale = 10_u64.pow(decimals);
    // Round a hair above the float's own error, so 0.285 (0.28499999…) shows as 0.29.
    let scaled = (value * scale as f64 * (1.0 + 1e-12)).round();
    if scaled.abs() >= 9.0e15 {
        return "—".to_owned();
    }
    let sign = if scaled < 0.0 { "−" } else { "" };
    let abs = scaled.abs() as u64;
    let whole = grouped(abs / scale);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let fraction = (abs % scale).to_string();
        let pad = "0".repeat(decimals as usize - fraction.len());
        format!("{sign}{whole}.{pad}{fraction}")
    }
}

/// A figure without trailing zeros, at most 4 decimals: `95`, `0.985`, `9.5556`.
pub fn number(value: f64) -> String {
    let text = fixed(value, 4);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A share in basis points (1/100 of a percent), rounded half up: `part / whole`.
/// `None` when there is nothing to divide by.
pub fn rate_bp(part: i64, whole: i64) -> Option<i64> {
    if whole <= 0 {
        return None;
    }
    let (part, whole) = (i128::from(part), i128::from(whole));
    let bp = (part * 20_000 + whole).div_euclid(2 * whole);
    i64::try_from(bp).ok()
}

/// Basis points as a percent with two decimals: `9436` → `"94.36%"`.
pub fn bp_percent(bp: i64) -> String {
    let sign = if bp < 0 { "−" } else { "" };
    let abs = bp.unsigned_abs();
    format!("{sign}{}.{:02}%", grouped(abs / 100), abs % 100)
}

/// `spent / budget` as a percent, or "—" without a budget.
pub fn execution_rate(spent_fen: i64, budget_fen: i64) -> String {
    rate_bp(spent_fen, budget_fen).map_or_else(|| "—".to_owned(), bp_percent)
}

/// A budget adjustment in basis points as a signed percent: `+5%`, `0%`, `−10%`, `+2.5%`.
pub fn adjustment(bp: i32) -> String {
    let sign = match bp.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let abs = bp.unsigned_abs();
    let (whole, rest) = (abs / 100, abs % 100);
    if rest == 0 {
        format!("{sign}{whole}%")
    } else {
        let fraction = format!("{rest:02}");
        format!("{sign}{whole}.{}%", fraction.trim_end_matches('0'))
    }
}

/// Fen in units of `unit_fen` with `decimals` places, half away from zero, grouped.
fn scaled(fen: i64, unit_fen: u128, decimals: u32) -> String {
    let step = unit_fen / 10_u128.pow(decimals);
    let abs = i128::from(fen).unsigned_abs();
    let steps = (abs + step / 2) / step;
    let scale = 10_u128.pow(decimals);
    let sign = if fen < 0 && steps > 0 { "−" } else { "" };
    let whole = grouped(u64::try_from(steps / scale).unwrap_or(u64::MAX));
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        let fraction = (steps % scale).to_string();
        let pad = "0".repeat(decimals as usize - fraction.len());
        format!("{sign}{whole}.{pad}{fraction}")
    }
}

/// Big money the Chinese way: `"193.65亿元"` (1 亿元 = 10⁸ yuan = 10¹⁰ fen).
pub fn yi_yuan(fen: i64) -> String {
    format!("{}亿元", scaled(fen, 10_000_000_000, 2))
}

/// Big money in English: `"¥19.37 billion"`.
pub fn billion_yuan(fen: i64) -> String {
    let text = scaled(fen, 100_000_000_000, 2);
    match text.strip_prefix('−') {
        Some(rest) => format!("−¥{rest} billion"),
        None => format!("¥{text} billion"),
    }
}

/// A department's or a line's money: `"98,313.6"` in 万元 (10,000 yuan = 10⁶ fen).
pub fn wan(fen: i64) -> String {
    scaled(fen, 1_000_000, 1)
}

/// Money in the reader's unit, number only (for tables whose caption names the unit):
/// 万元 in Chinese (`"98,313.6"`), millions of yuan in English (`"983.1"`).
pub fn money_number(fen: i64, locale: Locale) -> String {
    match locale {
        Locale::zh_CN => wan(fen),
        Locale::en => scaled(fen, 100_000_000, 1),
    }
}

/// Money with its unit: `"98,313.6 万元"` / `"¥983.1 million"`.
pub fn money(fen: i64, locale: Locale) -> String {
    let text = money_number(fen, locale);
    match locale {
        Locale::zh_CN => format!("{text} 万元"),
        Locale::en => match text.strip_prefix('−') {
            Some(rest) => format!("−¥{rest} million"),
            None => format!("¥{text} million"),
        },
    }
}

/// A signed change of money: `"+4,627.9 万元"` / `"+¥46.3 million"`.
pub fn money_change(fen: i64, locale: Locale) -> String {
    let text = money(fen, locale);
    if fen > 0 && money_number(fen, locale) != "0.0" {
        format!("+{text}")
    } else {
        text
    }
}

/// The province's totals: `"193.65亿元"` / `"¥19.37 billion"`.
pub fn big_money(fen: i64, locale: Locale) -> String {
    match locale {
        Locale::zh_CN => yi_yuan(fen),
        Locale::en => billion_yuan(fen),
    }
}

/// The day of an ISO 8601 timestamp: `2026-11-26T00:49:02Z` → `2026-11-26`.
pub fn published_date(iso: &str) -> &str {
    iso.get(..10).filter(|d| d.len() == 10).unwrap_or(iso)
}

/// A total rounded half away from zero to 2 decimals, the way totals are published.
pub fn round2(value: f64) -> f64 {
    (value * 100.0 * (1.0 + 1e-12)).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_rounded_half_away_from_zero() {
        assert_eq!(fixed(1234.565, 2), "1,234.57");
        assert_eq!(fixed(0.285, 2), "0.29");
        assert_eq!(fixed(-2.5, 0), "−3");
        assert_eq!(fixed(96.09, 2), "96.09");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(f64::NAN, 2), "—");
        assert_eq!(number(9.555_555_555), "9.5556");
        assert_eq!(number(12.0), "12");
        assert_eq!(number(0.985), "0.985");
        assert_eq!(number(27000.0), "27,000");
    }

    #[test]
    fn rates_and_adjustments_in_words() {
        assert_eq!(rate_bp(9_436, 10_000), Some(9_436));
        assert_eq!(rate_bp(1, 3), Some(3_333));
        assert_eq!(rate_bp(2, 3), Some(6_667));
        assert_eq!(rate_bp(5, 0), None);
        assert_eq!(
            execution_rate(1_827_346_425_854, 1_936_531_517_500),
            "94.36%"
        );
        assert_eq!(execution_rate(1, 0), "—");
        assert_eq!(bp_percent(10_000), "100.00%");
        assert_eq!(adjustment(500), "+5%");
        assert_eq!(adjustment(0), "0%");
        assert_eq!(adjustment(-1000), "−10%");
        assert_eq!(adjustment(250), "+2.5%");
        assert_eq!(adjustment(-2005), "−20.05%");
    }

    #[test]
    fn money_in_yi_wan_and_billions() {
        assert_eq!(yi_yuan(1_936_531_517_500), "193.65亿元");
        assert_eq!(billion_yuan(1_936_531_517_500), "¥19.37 billion");
        assert_eq!(wan(98_313_592_000), "98,313.6");
        assert_eq!(wan(0), "0.0");
        assert_eq!(billion_yuan(-100_000_000_000), "−¥1.00 billion");
    }

    #[test]
    fn money_in_the_readers_unit() {
        assert_eq!(money(98_313_592_000, Locale::zh_CN), "98,313.6 万元");
        assert_eq!(money(98_313_592_000, Locale::en), "¥983.1 million");
        assert_eq!(money_change(4_627_903_600, Locale::zh_CN), "+4,627.9 万元");
        assert_eq!(money_change(4_627_903_600, Locale::en), "+¥46.3 million");
        assert_eq!(money_change(-12_000_000_000, Locale::en), "−¥120.0 million");
        assert_eq!(money_change(10, Locale::zh_CN), "0.0 万元");
        assert_eq!(big_money(1_936_531_517_500, Locale::zh_CN), "193.65亿元");
        assert_eq!(big_money(1_936_531_517_500, Locale::en), "¥19.37 billion");
    }

    #[test]
    fn publication_days() {
        assert_eq!(published_date("2026-11-26T00:49:02.229Z"), "2026-11-26");
        assert_eq!(published_date("2026-11-26"), "2026-11-26");
        assert_eq!(published_date("soon"), "soon");
    }
}
