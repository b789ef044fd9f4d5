//! Monthly "double monitoring" data: cumulative spending per budget line and each
//! indicator's value to date, entered per department and month.

use super::audit_json;
use crate::audit::{self, Actor};
use crate::error::AppResult;
use serde::Serialize;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, Serialize)]
pub struct SpendingEntry {
    pub budget_line_id: i64,
    pub spent_to_date_fen: i64,
    pub cause: Option<String>,
    pub measure: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ValueEntry {
    pub indicator_id: i64,
    pub value_to_date: f64,
    pub cause: Option<String>,
    pub measure: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MonthReport {
    pub department_id: i64,
    pub year: i32,
    pub month: u8,
    pub spending: Vec<SpendingEntry>,
    pub values: Vec<ValueEntry>,
}

/// Stores (or replaces) one department's figures for a month, as one audited change.
pub async fn record_month(
    conn: &mut SqliteConnection,
    actor: &Actor,
    report: &MonthReport,
) -> AppResult<()> {
    for entry in &report.spending {
        sqlx::query(
            "INSERT INTO monthly_spending (budget_line_id, month, spent_to_date_fen, cause, measure, entered_by)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (budget_line_id, month) DO UPDATE SET
                 spent_to_date_fen = excluded.spent_to_date_fen, cause = excluded.cause,
                 measure = excluded.measure, entered_by = excluded.entered_by,
                 entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        )
        .bind(entry.budget_line_id)
        .bind(report.month)
        .bind(entry.spent_to_date_fen)
        .bind(&entry.cause)
        .bind(&entry.measure)
        .bind(actor.id)
        .execute(&mut *conn)
        .await?;
    }
    for entry in &report.values {
        sqlx::query(
            "INSERT INTO indicator_values (indicator_id, month, value_to_date, cause, measure, entered_by)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (indicator_id, month) DO UPDATE SET
                 value_to_date = excluded.value_to_date, cause = excluded.cause,
                 measure = excluded.measure, entered_by = excluded.entered_by,
                 entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        )
        .bind(entry.indicator_id)
        .bind(report.month)
        .bind(entry.value_to_date)
        .bind(&entry.cause)
        .bind(&entry.measure)
        .bind(actor.id)
        .execute(&mut *conn)
        .await?;
    }
    let entity_id = format!(
        "{}/{}/{:02}",
        report.department_id, report.year, report.month
    );
    audit::record(
        conn,
        actor,
        "record",
        "monthly_report",
        entity_id,
        None,
        Some(&audit_json(report)),
    )
    .await?;
    Ok(())
}
