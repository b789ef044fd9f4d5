//! The problems of the month entry form: where each belongs (a figure and one of its
//! fields) and what it says — the server's message, or one of ours — in the chosen language;
//! and the numbers people type.

use jixiao_domain::FieldError;

use crate::api::ApiError;
use crate::components::money::MoneyError;
use crate::locale::{td_string, Locale};

/// Which figure a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Line(i64),
    Value(i64),
}

/// What a problem says: the server's (in the language it answered in, or the chosen one
/// when it gave both) or one of ours.
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    Server(FieldError),
    Money(MoneyError),
    NotANumber,
}

impl Message {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Self::Server(error) => error.message_in(locale == Locale::zh_CN).to_owned(),
            Self::Money(error) => error.message(locale).to_owned(),
            Self::NotANumber => td_string!(locale, monitoring.entry.not_a_number).to_owned(),
        }
    }
}

/// A problem shown at one field of one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub figure: Figure,
    /// `spent`, `value`, `note`, `cause` or `measure`.
    pub field: &'static str,
    pub message: Message,
}

/// The form's alert: the server's error, or one of ours.
#[derive(Clone)]
pub enum Alert {
    Server(ApiError),
    FixMarked,
    NothingEntered,
}

impl Alert {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Self::Server(error) => error.message.clone(),
            Self::FixMarked => td_string!(locale, monitoring.entry.fix_marked).to_owned(),
            Self::NothingEntered => td_string!(locale, monitoring.entry.nothing_entered).to_owned(),
        }
    }
}

/// `spending[2].note` → `("spending", 2, "note")`.
pub fn split_path(path: &str) -> Option<(&str, usize, &str)> {
    let (head, field) = path.split_once("].")?;
    let (list, index) = head.split_once('[')?;
    Some((list, index.parse().ok()?, field))
}

/// The field of the form that shows a server field.
fn form_field(field: &str) -> &'static str {
    match field {
        "note" => "note",
        "cause" => "cause",
        "measure" => "measure",
        "value_to_date" | "indicator_id" => "value",
        _ => "spent",
    }
}

/// The server's problems mapped onto the figures as sent (`lines` and `values` are the ids
/// in the order they went).
pub fn map_problems(problems: &[FieldError], lines: &[i64], values: &[i64]) -> Vec<Problem> {
    problems
        .iter()
        .filter_map(|p| {
            let (list, index, field) = split_path(&p.field)?;
            let figure = match list {
                "spending" => Figure::Line(*lines.get(index)?),
                "values" => Figure::Value(*values.get(index)?),
                _ => return None,
            };
            Some(Problem {
                figure,
                field: form_field(field),
                message: Message::Server(p.clone()),
            })
        })
        .collect()
}

/// A number typed by a person (thousands commas allowed).
pub fn parse_value(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' '))
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_find_their_figure() {
        let problems = vec![
            FieldError::bilingual(
                "over_budget",
                "spending[1].note",
                "needs a reason",
                "请说明",
            ),
            FieldError::new("falling", "values[0].note", "correction"),
            FieldError::new("x", "other", "elsewhere"),
        ];
        let mapped = map_problems(&problems, &[10, 11], &[20]);
        assert_eq!(mapped.len(), 2);
        assert_eq!(mapped[0].figure, Figure::Line(11));
        assert_eq!(mapped[0].field, "note");
        assert_eq!(mapped[1].figure, Figure::Value(20));
        // The server's message in the chosen language when it gave both, else as given.
        assert_eq!(mapped[0].message.text(Locale::zh_CN), "请说明");
        assert_eq!(mapped[0].message.text(Locale::en), "needs a reason");
        assert_eq!(mapped[1].message.text(Locale::zh_CN), "correction");
        assert_eq!(
            split_path("values[3].value_to_date"),
            Some(("values", 3, "value_to_date"))
        );
    }

    #[test]
    fn our_messages_speak_the_chosen_language() {
        assert_eq!(Message::NotANumber.text(Locale::en), "Enter a number");
        assert_eq!(Message::NotANumber.text(Locale::zh_CN), "请填写数字");
        assert_eq!(
            Message::Money(MoneyError::TooManyDecimals).text(Locale::en),
            "At most two decimals (fen)"
        );
        assert_eq!(
            Alert::NothingEntered.text(Locale::zh_CN),
            "未填写任何数据。"
        );
    }

    #[test]
    fn values_parse() {
        assert_eq!(parse_value("1,234.5"), Some(1234.5));
        assert_eq!(parse_value("abc"), None);
        assert_eq!(parse_value("inf"), None);
    }
}
