//! Data access: every read and write of the database, one module per resource.
//!
//! Write functions take the open write transaction and an [`Actor`](crate::audit::Actor),
//! change the data *and* record the audit entry, so no code path — API handler or demo
//! seeding — can write without a trace.

pub mod accounts;
pub mod budget;
pub mod cases;
pub mod departments;
pub mod evaluation_read;
pub mod evaluations;
pub mod library;
pub mod monitor_read;
pub mod monitoring;
pub mod open_data;
pub mod public;
pub mod results;
pub mod scenarios;
pub mod set_editing;
pub mod set_read;
pub mod sets;
pub mod whatif;
pub mod years;

use crate::error::AppError;
use crate::i18n::Text;

/// Turns a UNIQUE-constraint failure into a 409 with a message the user understands.
pub(crate) fn conflict_on_unique(message: Text) -> impl FnOnce(sqlx::Error) -> AppError {
    move |err| match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => AppError::Conflict {
            code: "already_exists",
            message,
        },
        _ => AppError::Database(err),
    }
}

/// The JSON an audit entry stores for a value.
pub(crate) fn audit_json(value: &impl serde::Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}
