//! Jixiao's domain: the rules of department-wide budget performance management.
//!
//! Pure Rust with no I/O so that the server and the browser (WASM) run the very same
//! engine: the server recomputes every score and lamp, the browser uses it for what-if.
//! One module per rule family; input is *parsed* into valid values before any rule runs.

#[macro_use]
mod macros;

pub mod diff;
pub mod dto;
pub mod evaluation;
pub mod exact;
pub mod framework;
pub mod lamps;
pub mod money;
pub mod names;
pub mod results;
pub mod scoring;
pub mod validation;
pub mod whatif;

/// A problem with one field of some input, named by its path (e.g. `indicators[2].target`)
/// so that a form can show it next to the field and an API can return it as a 4xx.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[error("{field}: {message}")]
pub struct FieldError {
    pub code: String,
    /// The message in English.
    pub message: String,
    pub field: String,
    /// The same message in Chinese (zh-CN); empty when only English is known.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_zh: String,
}

impl FieldError {
    /// An English-only error (the Chinese message stays empty). Prefer
    /// [`FieldError::bilingual`] or the [`field_error!`] macro.
    pub fn new(code: &str, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            field: field.into(),
            message_zh: String::new(),
        }
    }

    /// An error with its message in English and Chinese.
    pub fn bilingual(
        code: &str,
        field: impl Into<String>,
        en: impl Into<String>,
        zh: impl Into<String>,
    ) -> Self {
        Self {
            code: code.to_owned(),
            message: en.into(),
            field: field.into(),
            message_zh: zh.into(),
        }
    }

    /// The message in the given language: Chinese when `zh` and a Chinese text is
    /// known, English otherwise.
    pub fn message_in(&self, zh: bool) -> &str {
        if zh && !self.message_zh.is_empty() {
            &self.message_zh
        } else {
            &self.message
        }
    }

    /// The same error one level deeper, e.g. `target` inside `indicators[3]`.
    pub fn within(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_owned()
        } else if self.field.starts_with('[') {
            format!("{parent}{}", self.field)
        } else {
            format!("{parent}.{}", self.field)
        };
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{Phase, PointsAllocation};
    use crate::lamps::Month;
    use crate::money::Fen;
    use crate::scoring::Points;
    use crate::validation::{set_problems, SetContext};

    fn has_chinese(text: &str) -> bool {
        text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn representative_errors_speak_both_languages() {
        let allocation = PointsAllocation {
            budget_execution: 10,
            output: 50,
            effect: 30,
            satisfaction: 20,
        };
        let errors = [
            "sideways".parse::<Phase>().unwrap_err(),
            Points::parse(120.0).unwrap_err(),
            Month::parse(13).unwrap_err(),
            Fen::parse(-1, "amount_fen").unwrap_err(),
            allocation.parse().unwrap_err(),
            set_problems(&[], &SetContext::default()).remove(0),
        ];
        for error in &errors {
            assert!(!error.message.is_empty(), "{error:?}");
            assert!(!has_chinese(&error.message), "English: {error:?}");
            assert!(has_chinese(&error.message_zh), "Chinese: {error:?}");
            assert_eq!(error.message_in(true), error.message_zh);
            assert_eq!(error.message_in(false), error.message);
        }
        assert_eq!(errors[1].message_zh, "分值须为 0 到 100 之间的数");
        assert_eq!(errors[4].message_zh, "一级指标分值合计须为 100，当前为 110");
    }

    #[test]
    fn the_macro_formats_both_languages_with_the_same_arguments() {
        let n = 3;
        let error = field_error!(
            "too_many",
            "items",
            "{n} items, at most {}",
            "共 {n} 项，最多 {} 项",
            2
        );
        assert_eq!(error.code, "too_many");
        assert_eq!(error.field, "items");
        assert_eq!(error.message, "3 items, at most 2");
        assert_eq!(error.message_zh, "共 3 项，最多 2 项");
    }

    #[test]
    fn the_chinese_message_stays_off_the_wire_when_empty() {
        let english = FieldError::new("required", "name", "give a name");
        assert_eq!(english.message_zh, "");
        assert_eq!(english.message_in(true), "give a name");
        let json = serde_json::to_value(&english).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "required", "message": "give a name", "field": "name"})
        );
        let back: FieldError = serde_json::from_value(json).unwrap();
        assert_eq!(back, english);
        let both = FieldError::bilingual("required", "name", "give a name", "请填写名称");
        let json = serde_json::to_value(&both).unwrap();
        assert_eq!(json["message_zh"], "请填写名称");
    }
}
