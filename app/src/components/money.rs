//! Money typed by a person: yuan with at most two decimals, turned into integer fen exactly
//! (never through a float), and fen shown back in an input as yuan.

use crate::locale::{td_string, Locale};

/// Why a typed amount is not money; [`MoneyError::message`] says it in a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    Invalid,
    TooManyDecimals,
    TooLarge,
}

impl MoneyError {
    /// The message for people, in `locale`.
    pub fn message(self, locale: Locale) -> &'static str {
        match self {
            Self::Empty => td_string!(locale, monitoring.money.empty),
            Self::Invalid => td_string!(locale, monitoring.money.invalid),
            Self::TooManyDecimals => td_string!(locale, monitoring.money.decimals),
            Self::TooLarge => td_string!(locale, monitoring.money.too_large),
        }
    }
}

/// `"1234.5"` → `123450` fen. Spaces, thousands commas and a leading `¥` are allowed;
/// negative amounts, more than two decimals and anything else are refused.
pub fn parse_yuan(text: &str) -> Result<i64, MoneyError> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥'])
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '，'))
        .collect();
    if cleaned.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (whole, fraction) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(MoneyError::Invalid);
    }
    if fraction.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let mut cents = fraction.to_owned();
    while cents.len() < 2 {
        cents.push('0');
    }
    let cents: i64 = cents.parse().unwrap_or(0);
    whole
        .checked_mul(100)
        .and_then(|f| f.checked_add(cents))
        .ok_or(MoneyError::TooLarge)
}

/// Fen as an input's text in yuan: `123450` → `"1234.50"`.
pub fn yuan_input(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yuan_become_exact_fen() {
        assert_eq!(parse_yuan("1234.5"), Ok(123_450));
        assert_eq!(parse_yuan("1234.56"), Ok(123_456));
        assert_eq!(parse_yuan(" ¥1,234 "), Ok(123_400));
        assert_eq!(parse_yuan("0.07"), Ok(7));
        assert_eq!(parse_yuan(".5"), Ok(50));
        assert_eq!(parse_yuan("12."), Ok(1200));
        assert_eq!(parse_yuan("0.1"), Ok(10));
        assert_eq!(parse_yuan("1.234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(parse_yuan("-1"), Err(MoneyError::Invalid));
        assert_eq!(parse_yuan(""), Err(MoneyError::Empty));
        assert_eq!(parse_yuan("1e3"), Err(MoneyError::Invalid));
        assert_eq!(
            parse_yuan("99999999999999999999"),
            Err(MoneyError::TooLarge)
        );
    }

    #[test]
    fn problems_are_said_in_one_language() {
        assert_eq!(
            MoneyError::TooManyDecimals.message(Locale::en),
            "At most two decimals (fen)"
        );
        assert_eq!(
            MoneyError::TooManyDecimals.message(Locale::zh_CN),
            "最多两位小数"
        );
        assert_eq!(MoneyError::Empty.message(Locale::zh_CN), "请填写金额");
        assert_eq!(
            MoneyError::Invalid.message(Locale::en),
            "Enter a non-negative amount, e.g. 1234.50"
        );
    }

    #[test]
    fn fen_show_as_yuan() {
        assert_eq!(yuan_input(123_450), "1234.50");
        assert_eq!(yuan_input(7), "0.07");
        assert_eq!(parse_yuan(&yuan_input(987_654_321)), Ok(987_654_321));
    }
}
