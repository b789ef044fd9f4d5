//! Money from a cell, exactly: yuan with at most two decimals become integer fen by reading
//! the decimal digits, never by multiplying a float and rounding.
//!
//! A numeric cell is stored in the file as decimal text (`<v>1234567.89</v>`); the reader
//! hands it over as the nearest `f64`, whose shortest round-trip rendering (Rust's `{}`)
//! gives back exactly that text for any amount up to 15 significant digits. That text is
//! then parsed digit by digit.

/// Largest amount accepted, in yuan: beyond 10¹³ yuan a double no longer holds every fen.
const MAX_YUAN_DIGITS: usize = 13;

/// Why a cell is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoneyError {
    NotANumber,
    TooManyDecimals,
    TooLarge,
}

impl MoneyError {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotANumber => "not_a_number",
            Self::TooManyDecimals => "too_many_decimals",
            Self::TooLarge => "too_large",
        }
    }

    pub fn message(&self) -> &'static str {
        match self {
            Self::NotANumber => "text is not a number (give the amount in 元, e.g. 1234567.89)",
            Self::TooManyDecimals => {
                "an amount in 元 has at most two decimals (fen); round it, e.g. with =ROUND(…,2)"
            }
            Self::TooLarge => "the amount is too large",
        }
    }

    pub fn message_zh(&self) -> &'static str {
        match self {
            Self::NotANumber => "内容不是数字（金额以元为单位，例如 1234567.89）",
            Self::TooManyDecimals => {
                "以元为单位的金额最多保留两位小数（到分），请先四舍五入，例如用 =ROUND(…,2)"
            }
            Self::TooLarge => "金额过大",
        }
    }
}

/// Yuan as written ("1,234,567.89", "¥ 12.5", "-3") → fen.
pub fn yuan_text_to_fen(text: &str) -> Result<i64, MoneyError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}'))
        .collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction) {
        return Err(MoneyError::NotANumber);
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }
    let whole = whole.trim_start_matches('0');
    if whole.len() > MAX_YUAN_DIGITS {
        return Err(MoneyError::TooLarge);
    }
    let yuan: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let fen_part: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| MoneyError::NotANumber)?;
    let fen = yuan * 100 + fen_part;
    Ok(if negative { -fen } else { fen })
}

/// A numeric cell's value in yuan → fen, through its shortest decimal rendering.
pub fn yuan_to_fen(value: f64) -> Result<i64, MoneyError> {
    if !value.is_finite() {
        return Err(MoneyError::NotANumber);
    }
    yuan_text_to_fen(&format!("{value}"))
}

/// Fen → yuan for a numeric cell (the nearest double; renders back to the exact amount).
pub fn fen_to_yuan(fen: i64) -> f64 {
    fen as f64 / 100.0
}

/// Fen → 万元 (ten thousand yuan) for a numeric cell.
pub fn fen_to_wan(fen: i64) -> f64 {
    fen as f64 / 1_000_000.0
}

/// A plain number from text ("1,234.5", "95%"→0.95 is not done: percent signs are refused).
pub fn number_text(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}'))
        .collect();
    let looks_numeric = !cleaned.is_empty()
        && cleaned
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && cleaned.bytes().any(|b| b.is_ascii_digit());
    looks_numeric
        .then(|| cleaned.parse::<f64>().ok())
        .flatten()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_read_digit_by_digit() {
        assert_eq!(yuan_text_to_fen("1234567.89"), Ok(123_456_789));
        assert_eq!(yuan_text_to_fen("1,234,567.89"), Ok(123_456_789));
        assert_eq!(yuan_text_to_fen("¥12.5"), Ok(1_250));
        assert_eq!(yuan_text_to_fen("0.07"), Ok(7));
        assert_eq!(yuan_text_to_fen(".5"), Ok(50));
        assert_eq!(yuan_text_to_fen("-3"), Ok(-300));
        assert_eq!(yuan_text_to_fen("12.340"), Ok(1_234));
        assert_eq!(yuan_text_to_fen("1.005"), Err(MoneyError::TooManyDecimals));
        assert_eq!(yuan_text_to_fen("abc"), Err(MoneyError::NotANumber));
        assert_eq!(yuan_text_to_fen(""), Err(MoneyError::NotANumber));
        assert_eq!(yuan_text_to_fen("."), Err(MoneyError::NotANumber));
        assert_eq!(yuan_text_to_fen("1e5"), Err(MoneyError::NotANumber));
        assert_eq!(
            yuan_text_to_fen("99999999999999.00"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn floats_convert_exactly_where_a_multiplication_would_not() {
        // 1.15 × 100 = 114.99999999999999 as doubles; the decimal reading gives 115.
        assert_eq!((1.15_f64 * 100.0) as i64, 114);
        assert_eq!(yuan_to_fen(1.15), Ok(115));
        assert_eq!(yuan_to_fen(0.1 + 0.2), Err(MoneyError::TooManyDecimals));
        for fen in [
            0,
            1,
            7,
            99,
            115,
            123_456_789,
            999_999_999_999,
            432_100_000_005,
        ] {
            assert_eq!(yuan_to_fen(fen_to_yuan(fen)), Ok(fen), "{fen}");
        }
        assert_eq!(yuan_to_fen(f64::NAN), Err(MoneyError::NotANumber));
    }

    #[test]
    fn numbers_from_text() {
        assert_eq!(number_text(" 1,234.5 "), Some(1234.5));
        assert_eq!(number_text("-2"), Some(-2.0));
        assert_eq!(number_text("abc"), None);
        assert_eq!(number_text("95%"), None);
        assert_eq!(number_text("e"), None);
    }
}
