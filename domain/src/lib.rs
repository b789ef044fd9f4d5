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
    pub message: String,
    pub field: String,
}

impl FieldError {
    pub fn new(code: &str, field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
            field: field.into(),
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
