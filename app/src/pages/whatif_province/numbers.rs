//! Numbers as people type and read them: 万元 ↔ fen and % ↔ fraction exactly (never
//! through a rounded float for money), and signed changes. Amounts are typed in 万元
//! ("10,000 yuan") in both languages, so that a typed number means the same to everyone;
//! what went wrong is a [`NumberError`], told in the reader's language.

use crate::format::money;
use crate::locale::{pick_in, Locale};

/// Fen in one 万元 (10 000 yuan).
const FEN_PER_WAN: i64 = 1_000_000;

/// Removes what people type around a number: spaces, thousands commas, a `¥` and a unit.
fn clean(text: &str, units: &[&str]) -> String {
    let mut cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '，' | '\u{a0}'))
        .collect();
    for unit in units {
        if let Some(stripped) = cleaned.strip_suffix(unit) {
            cleaned = stripped.to_owned();
            break;
        }
    }
    cleaned.replace('−', "-")
}

/// Why a typed amount or percentage is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    MissingAmount,
    NotAnAmount,
    AmountDecimals,
    TooLarge,
    MissingPercent,
    NotAPercent,
    PercentDecimals,
}

impl NumberError {
    /// The message in `locale`.
    pub const fn message(self, locale: Locale) -> &'static str {
        let (zh, en) = match self {
            Self::MissingAmount => ("请填写金额", "Enter an amount"),
            Self::NotAnAmount => (
                "金额须为非负数（万元），例如 1234.5",
                "Enter a non-negative amount in 10,000 yuan, e.g. 1234.5",
            ),
            Self::AmountDecimals => (
                "万元最多六位小数（到分）",
                "At most six decimals in 10,000 yuan (the fen)",
            ),
            Self::TooLarge => ("金额过大", "Amount too large"),
            Self::MissingPercent => ("请填写百分比", "Enter a percentage"),
            Self::NotAPercent => (
                "须为百分比，例如 5 或 -10",
                "Enter a percentage, e.g. 5 or -10",
            ),
            Self::PercentDecimals => ("最多四位小数", "At most four decimals"),
        };
        pick_in(locale, zh, en)
    }
}

/// Splits an unsigned decimal into whole and fraction digits, `None` if it is not one.
fn digits(text: &str) -> Option<(&str, &str)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    (all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty()))
        .then_some((whole, fraction))
}

/// `"12.5"` 万元 → `12_500_000` fen, exactly (six decimals are the fen).
pub fn parse_wan(text: &str) -> Result<i64, NumberError> {
    let cleaned = clean(text, &["万元", "万"]);
    if cleaned.is_empty() {
        return Err(NumberError::MissingAmount);
    }
    let Some((whole, fraction)) = digits(&cleaned) else {
        return Err(NumberError::NotAnAmount);
    };
    if fraction.len() > 6 {
        return Err(NumberError::AmountDecimals);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| NumberError::TooLarge)?
    };
    let fen: i64 = format!("{fraction:0<6}").parse().unwrap_or(0);
    whole
        .checked_mul(FEN_PER_WAN)
        .and_then(|w| w.checked_add(fen))
        .ok_or(NumberError::TooLarge)
}

/// Fen as an input's text in 万元, exact and without trailing zeros: `12_345_600` → `"12.3456"`.
pub fn wan_input(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let (whole, fraction) = (abs / 1_000_000, abs % 1_000_000);
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let fraction = format!("{fraction:06}");
        format!("{sign}{whole}.{}", fraction.trim_end_matches('0'))
    }
}

/// Millionths of a fraction in one percent.
const MICROS_PER_PERCENT: i64 = 10_000;

/// `"-10"` % → `-0.1`; a sign, up to four decimals and a trailing `%` are allowed.
pub fn parse_percent(text: &str) -> Result<f64, NumberError> {
    let cleaned = clean(text, &["%", "％"]);
    let (negative, number) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    if number.is_empty() {
        return Err(NumberError::MissingPercent);
    }
    let Some((whole, fraction)) = digits(number) else {
        return Err(NumberError::NotAPercent);
    };
    if fraction.len() > 4 || whole.len() > 6 {
        return Err(NumberError::PercentDecimals);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().unwrap_or(0)
    };
    let fraction: i64 = format!("{fraction:0<4}").parse().unwrap_or(0);
    let micros = whole * MICROS_PER_PERCENT + fraction;
    let micros = if negative { -micros } else { micros };
    // Integer millionths over a million: the nearest double to the decimal typed.
    Ok(micros as f64 / 1_000_000.0)
}

/// A fraction as an input's percent: `-0.1` → `"-10"`, `0.025` → `"2.5"`.
pub fn percent_input(fraction: f64) -> String {
    let micros = (fraction * 1_000_000.0).round() as i64;
    let sign = if micros < 0 { "-" } else { "" };
    let abs = micros.unsigned_abs();
    let (whole, rest) = (abs / 10_000, abs % 10_000);
    if rest == 0 {
        format!("{sign}{whole}")
    } else {
        let rest = format!("{rest:04}");
        format!("{sign}{whole}.{}", rest.trim_end_matches('0'))
    }
}

/// A change with its sign: `+1.00 元`, `−1.00 元`, `0.00 元` / `+¥1.00`, `−¥1.00`, `¥0.00`.
pub fn signed_money(fen: i64, locale: Locale) -> String {
    let sign = match fen.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let abs = i64::try_from(fen.unsigned_abs()).unwrap_or(i64::MAX);
    format!("{sign}{}", money(abs, locale))
}

/// A change as a share of the base, one decimal: `+5.0%`, `−10.0%`; `—` without a base.
pub fn change_percent(change: i64, base: i64) -> String {
    if base == 0 {
        return "—".to_owned();
    }
    // Tenths of a percent, rounded half away from zero, in integers.
    let scaled = i128::from(change) * 1000;
    let base = i128::from(base);
    let (q, r) = (scaled / base, scaled % base);
    let tenths = if 2 * r.abs() >= base.abs() {
        q + scaled.signum()
    } else {
        q
    };
    let sign = match tenths.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    };
    let abs = tenths.unsigned_abs();
    format!("{sign}{}.{}%", abs / 10, abs % 10)
}

/// Which way a change goes (for ▲ / ▼).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Flat,
}

pub fn trend(change: i64) -> Trend {
    match change.signum() {
        1 => Trend::Up,
        -1 => Trend::Down,
        _ => Trend::Flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wan_yuan_become_exact_fen() {
        assert_eq!(parse_wan("1"), Ok(1_000_000));
        assert_eq!(parse_wan("12.5"), Ok(12_500_000));
        assert_eq!(parse_wan("0.000001"), Ok(1));
        assert_eq!(parse_wan(" 1,234.56万元 "), Ok(1_234_560_000));
        assert_eq!(parse_wan("¥3万"), Ok(3_000_000));
        assert_eq!(parse_wan(".5"), Ok(500_000));
        assert_eq!(parse_wan("0.0000001"), Err(NumberError::AmountDecimals));
        assert_eq!(parse_wan("-1"), Err(NumberError::NotAnAmount));
        assert_eq!(parse_wan(" "), Err(NumberError::MissingAmount));
        assert_eq!(parse_wan("1e3"), Err(NumberError::NotAnAmount));
        assert_eq!(parse_wan("99999999999999"), Err(NumberError::TooLarge));
        for fen in [0, 1, 999_999, 1_000_000, 123_456_789_012, 5_000_010] {
            assert_eq!(parse_wan(&wan_input(fen)), Ok(fen));
        }
        assert_eq!(wan_input(12_345_600), "12.3456");
        assert_eq!(wan_input(7_000_000), "7");
    }

    #[test]
    fn percents_become_fractions() {
        assert_eq!(parse_percent("5"), Ok(0.05));
        assert_eq!(parse_percent("+5%"), Ok(0.05));
        assert_eq!(parse_percent("-10"), Ok(-0.1));
        assert_eq!(parse_percent("−20"), Ok(-0.2));
        assert_eq!(parse_percent("2.5"), Ok(0.025));
        assert_eq!(parse_percent("0"), Ok(0.0));
        assert_eq!(parse_percent(""), Err(NumberError::MissingPercent));
        assert_eq!(parse_percent("-"), Err(NumberError::MissingPercent));
        assert_eq!(parse_percent("1.23456"), Err(NumberError::PercentDecimals));
        assert_eq!(parse_percent("five"), Err(NumberError::NotAPercent));
        for f in [0.05, 0.0, -0.1, -0.2, 0.025, 1.5, -0.0001] {
            assert_eq!(parse_percent(&percent_input(f)), Ok(f));
        }
        assert_eq!(percent_input(-0.1), "-10");
        assert_eq!(percent_input(0.025), "2.5");
    }

    #[test]
    fn changes_read_with_their_sign() {
        assert_eq!(signed_money(100, Locale::en), "+¥1.00");
        assert_eq!(signed_money(-123_456, Locale::en), "−¥1,234.56");
        assert_eq!(signed_money(0, Locale::en), "¥0.00");
        assert_eq!(signed_money(100, Locale::zh_CN), "+1.00 元");
        assert_eq!(signed_money(-123_456, Locale::zh_CN), "−1,234.56 元");
        assert_eq!(signed_money(0, Locale::zh_CN), "0.00 元");
        assert_eq!(signed_money(i64::MIN, Locale::en).chars().next(), Some('−'));
        assert_eq!(change_percent(5, 100), "+5.0%");
        assert_eq!(change_percent(-1, 3), "−33.3%");
        assert_eq!(change_percent(0, 3), "0.0%");
        assert_eq!(change_percent(1, 0), "—");
        assert_eq!(trend(-3), Trend::Down);
    }

    #[test]
    fn problems_are_told_in_one_language() {
        let amount = parse_wan("abc").unwrap_err();
        assert_eq!(
            amount.message(Locale::en),
            "Enter a non-negative amount in 10,000 yuan, e.g. 1234.5"
        );
        assert_eq!(
            amount.message(Locale::zh_CN),
            "金额须为非负数（万元），例如 1234.5"
        );
        let percent = parse_percent("1.23456").unwrap_err();
        assert_eq!(percent.message(Locale::en), "At most four decimals");
        assert_eq!(percent.message(Locale::zh_CN), "最多四位小数");
        let all = [
            NumberError::MissingAmount,
            NumberError::NotAnAmount,
            NumberError::AmountDecimals,
            NumberError::TooLarge,
            NumberError::MissingPercent,
            NumberError::NotAPercent,
            NumberError::PercentDecimals,
        ];
        let is_chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for e in all {
            assert!(!e.message(Locale::en).chars().any(is_chinese), "{e:?}");
            assert!(e.message(Locale::zh_CN).chars().any(is_chinese), "{e:?}");
        }
    }
}
