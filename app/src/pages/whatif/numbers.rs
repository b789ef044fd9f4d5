//! Figures as typed and as shown: money as a share of a line's budget and as 万元 typed
//! by a person (exact fen), targets and elasticities typed, scores, values and money shown,
//! and the change between now and a scenario (an arrow and a sign, never colour alone).

use jixiao_domain::framework::Direction;
use jixiao_domain::scoring::{round2, Grade};

use crate::format::{money_large, number};
use crate::locale::{td_string, Locale};

/// The slider's end: 200 % of the line's current amount.
pub const MAX_PERCENT: u32 = 200;

/// Fen in one 万元 (ten thousand yuan).
const FEN_PER_WAN: i64 = 1_000_000;

/// `base × percent / 100`, rounded half up to the fen (amounts are never negative).
pub fn fen_at_percent(base_fen: i64, percent: u32) -> i64 {
    let scaled = i128::from(base_fen.max(0)) * i128::from(percent);
    let rounded = (scaled + 50) / 100;
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

/// The slider's position: `amount` as a whole percent of `base` (rounded half up, kept
/// within 0–200); `None` for a line that has no money now (no share to speak of).
pub fn slider_percent(amount_fen: i64, base_fen: i64) -> Option<u32> {
    if base_fen <= 0 {
        return None;
    }
    let base = i128::from(base_fen);
    let percent = (i128::from(amount_fen.max(0)) * 200 + base) / (2 * base);
    Some(percent.clamp(0, i128::from(MAX_PERCENT)) as u32)
}

/// `amount` as a percent of `base` to one decimal, e.g. "90 %", "90.5 %" ("—" without a base).
pub fn percent_text(amount_fen: i64, base_fen: i64) -> String {
    if base_fen <= 0 {
        return "—".to_owned();
    }
    let tenths =
        (i128::from(amount_fen) * 2000 + i128::from(base_fen)) / (2 * i128::from(base_fen));
    format!("{}\u{a0}%", number(tenths as f64 / 10.0))
}

/// The change of a line against its current amount: "▼ −10 %", "▲ +5 %", "= 0 %" (the
/// money in `locale` for a line that has none now).
pub fn line_change(amount_fen: i64, base_fen: i64, locale: Locale) -> Delta {
    if base_fen <= 0 {
        return money_delta(base_fen, amount_fen, locale);
    }
    let base = i128::from(base_fen);
    let diff = (i128::from(amount_fen) - base).abs();
    let tenths = (diff * 2000 + base) / (2 * base);
    let text = number(tenths as f64 / 10.0);
    match amount_fen.cmp(&base_fen) {
        std::cmp::Ordering::Greater => Delta::new(Trend::Up, format!("▲ +{text}\u{a0}%")),
        std::cmp::Ordering::Less => Delta::new(Trend::Down, format!("▼ −{text}\u{a0}%")),
        std::cmp::Ordering::Equal => Delta::new(Trend::Same, "= 0\u{a0}%".to_owned()),
    }
}

/// Fen as 万元 for an input, exact and without trailing zeros: 40 500 000 000 → "40500".
pub fn wan_input(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let whole = abs / FEN_PER_WAN as u64;
    let fraction = abs % FEN_PER_WAN as u64;
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{fraction:06}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Why a typed amount or number is not one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputError {
    AmountEmpty,
    AmountInvalid,
    AmountPrecision,
    AmountTooLarge,
    NumberEmpty,
    NumberInvalid,
}

impl InputError {
    /// What the field says, in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        match self {
            Self::AmountEmpty => td_string!(locale, whatif.input.amount_empty),
            Self::AmountInvalid => td_string!(locale, whatif.input.amount_invalid),
            Self::AmountPrecision => td_string!(locale, whatif.input.amount_precision),
            Self::AmountTooLarge => td_string!(locale, whatif.input.amount_too_large),
            Self::NumberEmpty => td_string!(locale, whatif.input.number_empty),
            Self::NumberInvalid => td_string!(locale, whatif.input.number_invalid),
        }
    }
}

/// 万元 typed by a person → exact fen. Spaces, thousands commas and a trailing 万元 / 万 are
/// allowed; at most six decimals (one fen); never negative.
pub fn parse_wan(text: &str) -> Result<i64, InputError> {
    let cleaned: String = text
        .trim()
        .trim_end_matches("万元")
        .trim_end_matches('万')
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '，'))
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::AmountEmpty);
    }
    let (whole, fraction) = cleaned.split_once('.').unwrap_or((cleaned.as_str(), ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if !digits(whole) || !digits(fraction) || (whole.is_empty() && fraction.is_empty()) {
        return Err(InputError::AmountInvalid);
    }
    if fraction.len() > 6 {
        return Err(InputError::AmountPrecision);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| InputError::AmountTooLarge)?
    };
    let fraction: i64 = format!("{fraction:0<6}").parse().unwrap_or(0);
    whole
        .checked_mul(FEN_PER_WAN)
        .and_then(|fen| fen.checked_add(fraction))
        .ok_or(InputError::AmountTooLarge)
}

/// A target or an elasticity typed by a person (thousands commas allowed).
pub fn parse_number(text: &str) -> Result<f64, InputError> {
    let cleaned: String = text
        .trim()
        .replace('−', "-")
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '，'))
        .collect();
    if cleaned.is_empty() {
        return Err(InputError::NumberEmpty);
    }
    match cleaned.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        _ => Err(InputError::NumberInvalid),
    }
}

/// A number as an input's starting text (shortest form that reads back the same).
pub fn number_input(value: f64) -> String {
    format!("{value}")
}

/// Which way a figure moved, for its arrow and colour (the arrow and the sign say it too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Up,
    Down,
    Same,
}

impl Trend {
    pub const fn class(self) -> &'static str {
        match self {
            Self::Up => "wi-delta wi-up",
            Self::Down => "wi-delta wi-down",
            Self::Same => "wi-delta wi-same",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delta {
    pub trend: Trend,
    pub text: String,
}

impl Delta {
    fn new(trend: Trend, text: String) -> Self {
        Self { trend, text }
    }
}

/// A score or total to two decimals, as shown everywhere on the page.
pub fn score_text(value: f64) -> String {
    format!("{:.2}", round2(value))
}

/// The change of a score or total, on the two-decimal figures shown: "▲ +1.20", "▼ −0.80".
pub fn score_delta(now: f64, scenario: f64) -> Delta {
    let cents = ((round2(scenario) - round2(now)) * 100.0).round() as i64;
    let text = format!("{}.{:02}", cents.abs() / 100, cents.abs() % 100);
    match cents.signum() {
        1 => Delta::new(Trend::Up, format!("▲ +{text}")),
        -1 => Delta::new(Trend::Down, format!("▼ −{text}")),
        _ => Delta::new(Trend::Same, "= 0.00".to_owned()),
    }
}

/// The change of an amount of money, large: "▼ −4,500.00 万元" / "▼ −¥45.00 million".
pub fn money_delta(now_fen: i64, scenario_fen: i64, locale: Locale) -> Delta {
    let diff = i128::from(scenario_fen) - i128::from(now_fen);
    let shown = money_large(i64::try_from(diff.abs()).unwrap_or(i64::MAX), locale);
    match diff.signum() {
        1 => Delta::new(Trend::Up, format!("▲ +{shown}")),
        -1 => Delta::new(Trend::Down, format!("▼ −{shown}")),
        _ => Delta::new(Trend::Same, "= 0".to_owned()),
    }
}

const fn grade_rank(grade: Grade) -> u8 {
    match grade {
        Grade::Excellent => 3,
        Grade::Good => 2,
        Grade::Fair => 1,
        Grade::Poor => 0,
    }
}

/// A grade's move: "▲ 升" / "▲ Up", "▼ 降" / "▼ Down", "= 不变" / "= Unchanged".
pub fn grade_delta(now: Grade, scenario: Grade, locale: Locale) -> Delta {
    match grade_rank(scenario).cmp(&grade_rank(now)) {
        std::cmp::Ordering::Greater => Delta::new(
            Trend::Up,
            format!("▲ {}", td_string!(locale, whatif.grade_move.up)),
        ),
        std::cmp::Ordering::Less => Delta::new(
            Trend::Down,
            format!("▼ {}", td_string!(locale, whatif.grade_move.down)),
        ),
        std::cmp::Ordering::Equal => Delta::new(
            Trend::Same,
            format!("= {}", td_string!(locale, whatif.grade_move.same)),
        ),
    }
}

/// A result rule's adjustment in basis points as a percent: 500 → "+5 %", −1000 → "−10 %".
pub fn adjustment_text(bp: i32) -> String {
    let text = number(f64::from(bp.unsigned_abs()) / 100.0);
    match bp.signum() {
        1 => format!("+{text}\u{a0}%"),
        -1 => format!("−{text}\u{a0}%"),
        _ => "0\u{a0}%".to_owned(),
    }
}

/// A projected value as shown: a budget execution rate as a percent, a figure to two
/// decimals at most, "—" without one.
pub fn value_text(direction: Direction, value: Option<f64>, unit: &str) -> String {
    match (direction, value) {
        (Direction::Qualitative, _) | (_, None) => "—".to_owned(),
        (Direction::BudgetExecution, Some(rate)) => {
            format!("{}\u{a0}%", number(round2(rate * 100.0)))
        }
        (_, Some(value)) if unit.is_empty() => number(round2(value)),
        (_, Some(value)) => format!("{} {unit}", number(round2(value))),
    }
}

#[cfg(test)]
mod tests;
