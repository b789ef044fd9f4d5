//! Money: integer fen (分), never floats.

use crate::FieldError;

/// An amount of money in fen (1 yuan = 100 fen), never negative.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct Fen(i64);

impl Fen {
    pub fn parse(value: i64, field: &str) -> Result<Self, FieldError> {
        if value >= 0 {
            Ok(Self(value))
        } else {
            Err(field_error!(
                "negative_amount",
                field,
                "an amount of money cannot be negative",
                "金额不能为负数",
            ))
        }
    }

    pub const fn get(self) -> i64 {
        self.0
    }
}

/// `amount × (1 + bp / 10 000)` rounded half away from zero to the fen, in integers.
pub fn apply_basis_points(amount_fen: i64, bp: i32) -> i64 {
    let scaled = i128::from(amount_fen) * i128::from(10_000 + bp);
    let (quotient, remainder) = (scaled / 10_000, scaled % 10_000);
    let rounded = if remainder.abs() * 2 >= 10_000 {
        quotient + scaled.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).unwrap_or(if rounded > 0 { i64::MAX } else { i64::MIN })
}

/// Groups digits in threes: 1234567 → "1,234,567".
fn group_thousands(value: u128) -> String {
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

/// "¥1,234.56" — exact, for tables.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "−" } else { "" };
    let abs = i128::from(fen).unsigned_abs();
    format!("{sign}¥{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// "12,345.6万元" style: ten-thousands of yuan with one decimal, the unit Chinese budget
/// documents use.
pub fn format_wan_yuan(fen: i64) -> String {
    // 1 万元 = 1 000 000 fen; one decimal = 100 000 fen, rounded half away from zero.
    let sign = if fen < 0 { "−" } else { "" };
    let abs = i128::from(fen).unsigned_abs();
    let tenths = (abs + 50_000) / 100_000;
    format!("{sign}{}.{}万元", group_thousands(tenths / 10), tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money() {
        assert_eq!(format_yuan(123_456_789), "¥1,234,567.89");
        assert_eq!(format_yuan(5), "¥0.05");
        assert_eq!(format_yuan(-100), "−¥1.00");
        assert_eq!(format_wan_yuan(12_345_678_900), "12,345.7万元");
        assert_eq!(format_wan_yuan(0), "0.0万元");
    }

    #[test]
    fn basis_points_round_half_away_from_zero() {
        assert_eq!(apply_basis_points(10, 500), 11); // 10.5 → 11
        assert_eq!(apply_basis_points(30, -1000), 27);
        assert_eq!(apply_basis_points(i64::MAX, 10_000), i64::MAX);
    }

    #[test]
    fn negative_money_is_refused() {
        assert_eq!(Fen::parse(-1, "amount").unwrap_err().field, "amount");
        assert_eq!(Fen::parse(0, "amount").unwrap().get(), 0);
    }
}
