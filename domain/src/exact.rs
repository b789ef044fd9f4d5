//! Exact decimal arithmetic for band decisions.
//!
//! DESIGN requires a value exactly on a lamp boundary to fall in the upper band, "decided
//! exactly". Values arrive as decimal numbers (`0.6`, `83.5`) that binary floats cannot hold,
//! so `a / (t·p) >= 0.6` computed in `f64` can land on the wrong side. We read each number
//! back as the shortest decimal that round-trips (what the user typed) and compare
//! integers. Only if a number has too many digits for `i128` do we fall back to floats.

use std::cmp::Ordering;

/// `mantissa / 10^scale`, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exact {
    mantissa: i128,
    scale: u32,
}

impl Exact {
    pub const fn int(value: i64) -> Self {
        Self {
            mantissa: value as i128,
            scale: 0,
        }
    }

    /// The decimal a finite float was written as; `None` for NaN, infinities or numbers
    /// with more digits than fit.
    pub fn from_f64(value: f64) -> Option<Self> {
        if !value.is_finite() {
            return None;
        }
        // Rust's `Display` for floats prints the shortest round-tripping decimal and never
        // uses an exponent, so this is exactly what a user or a JSON document wrote.
        let text = format!("{value}");
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
        let frac_part = frac_part.trim_end_matches('0');
        let mut mantissa: i128 = 0;
        for ch in int_part.chars().chain(frac_part.chars()) {
            let digit = ch.to_digit(10)? as i128;
            mantissa = mantissa.checked_mul(10)?.checked_add(digit)?;
        }
        Some(Self {
            mantissa: if negative { -mantissa } else { mantissa },
            scale: u32::try_from(frac_part.len()).ok()?,
        })
    }

    pub fn checked_mul(self, other: Self) -> Option<Self> {
        Some(Self {
            mantissa: self.mantissa.checked_mul(other.mantissa)?,
            scale: self.scale.checked_add(other.scale)?,
        })
    }

    fn rescaled(self, scale: u32) -> Option<i128> {
        let factor = 10i128.checked_pow(scale.checked_sub(self.scale)?)?;
        self.mantissa.checked_mul(factor)
    }

    pub fn checked_cmp(self, other: Self) -> Option<Ordering> {
        let scale = self.scale.max(other.scale);
        Some(self.rescaled(scale)?.cmp(&other.rescaled(scale)?))
    }

    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

/// Compares `left_a · left_b` with `right_a · right_b` exactly when the numbers allow,
/// otherwise in floating point.
pub fn compare_products(left: (f64, f64), right: (f64, f64)) -> Ordering {
    let exact = || -> Option<Ordering> {
        let l = Exact::from_f64(left.0)?.checked_mul(Exact::from_f64(left.1)?)?;
        let r = Exact::from_f64(right.0)?.checked_mul(Exact::from_f64(right.1)?)?;
        l.checked_cmp(r)
    };
    exact().unwrap_or_else(|| {
        (left.0 * left.1)
            .partial_cmp(&(right.0 * right.1))
            .unwrap_or(Ordering::Equal)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_floats_as_the_decimal_written() {
        assert_eq!(
            Exact::from_f64(0.1),
            Some(Exact {
                mantissa: 1,
                scale: 1
            })
        );
        assert_eq!(
            Exact::from_f64(-12.50),
            Some(Exact {
                mantissa: -125,
                scale: 1
            })
        );
        assert_eq!(Exact::from_f64(f64::NAN), None);
        assert_eq!(Exact::from_f64(300.0), Some(Exact::int(300)));
    }

    #[test]
    fn decides_boundaries_that_floats_get_wrong() {
        // 0.1 · 3 = 0.30000000000000004 in floats; exactly 0.3 here.
        assert_eq!(compare_products((0.1, 3.0), (0.3, 1.0)), Ordering::Equal);
        // 0.6 · 0.7 vs 0.42
        assert_eq!(compare_products((0.6, 0.7), (0.42, 1.0)), Ordering::Equal);
        assert_eq!(
            compare_products((0.6, 0.71), (0.42, 1.0)),
            Ordering::Greater
        );
    }
}
