//! Monthly "double monitoring" data entry: cumulative spending per budget line and each
//! indicator's value to date, per department and month. Figures are checked as a whole —
//! every problem reported at once — and a replaced figure is kept in the history.

use super::audit_json;
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::monitoring::MonthEntry;
use jixiao_domain::{field_error, FieldError};
use serde_json::json;
use sqlx::SqliteConnection;

fn has_note(note: &Option<String>) -> bool {
    note.as_deref().is_some_and(|n| !n.trim().is_empty())
}

/// The figure stored for the latest month before `month`, if any.
async fn previous(
    conn: &mut SqliteConnection,
    table: &str,
    key: &str,
    id: i64,
    month: u8,
) -> AppResult<Option<f64>> {
    let column = if table == "monthly_spending" {
        "spent_to_date_fen"
    } else {
        "value_to_date"
    };
    Ok(sqlx::query_scalar(&format!(
        "SELECT CAST({column} AS REAL) FROM {table} WHERE {key} = ? AND month < ? ORDER BY month DESC LIMIT 1"
    ))
    .bind(id)
    .bind(month)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Every problem of a month's figures for a department's year.
async fn problems(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
    month: u8,
    entry: &MonthEntry,
) -> AppResult<Vec<FieldError>> {
    let mut out = Vec::new();
    for (i, figure) in entry.spending.iter().enumerate() {
        let path = |field: &str| format!("spending[{i}].{field}");
        let adjusted: Option<i64> = sqlx::query_scalar(
            "SELECT adjusted_fen FROM budget_lines WHERE id = ? AND department_id = ? AND year = ?",
        )
        .bind(figure.budget_line_id)
        .bind(department_id)
        .bind(year)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(adjusted) = adjusted else {
            out.push(field_error!(
                "unknown_line",
                path("budget_line_id"),
                "not a line of the department's {year} budget",
                "不是本部门 {year} 年度预算中的项目",
            ));
            continue;
        };
        if figure.spent_to_date_fen < 0 {
            out.push(field_error!(
                "negative_amount",
                path("spent_to_date_fen"),
                "spending cannot be negative",
                "支出不能为负数",
            ));
            continue;
        }
        if figure.spent_to_date_fen > adjusted && !has_note(&figure.note) {
            out.push(field_error!(
                "over_budget",
                path("note"),
                "spending above the adjusted budget needs a reason",
                "支出超过调整后预算，须说明原因",
            ));
        }
        let before = previous(
            conn,
            "monthly_spending",
            "budget_line_id",
            figure.budget_line_id,
            month,
        )
        .await?;
        if before.is_some_and(|b| (figure.spent_to_date_fen as f64) < b) && !has_note(&figure.note)
        {
            out.push(field_error!(
                "falling_cumulative",
                path("note"),
                "cumulative spending cannot fall below last month's unless you say why (a correction)",
"累计支出低于上月时须说明原因（如更正数据）",
            ));
        }
    }
    for (i, figure) in entry.values.iter().enumerate() {
        let path = |field: &str| format!("values[{i}].{field}");
        let accumulation: Option<String> = sqlx::query_scalar(
            "SELECT i.accumulation FROM indicators i JOIN indicator_sets s ON s.id = i.set_id
             WHERE i.id = ? AND s.department_id = ? AND s.year = ?",
        )
        .bind(figure.indicator_id)
        .bind(department_id)
        .bind(year)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(accumulation) = accumulation else {
            out.push(field_error!(
                "unknown_indicator",
                path("indicator_id"),
                "not an indicator of the department's {year} set",
                "不是本部门 {year} 年度指标体系中的指标",
            ));
            continue;
        };
        if !figure.value_to_date.is_finite() {
            out.push(field_error!(
                "not_a_number",
                path("value_to_date"),
                "must be a finite number",
                "须为有效数字",
            ));
            continue;
        }
        if accumulation == "cumulative" {
            let before = previous(
                conn,
                "indicator_values",
                "indicator_id",
                figure.indicator_id,
                month,
            )
            .await?;
            if before.is_some_and(|b| figure.value_to_date < b) && !has_note(&figure.note) {
                out.push(field_error!(
                    "falling_cumulative",
                    path("note"),
                    "a cumulative value cannot fall below last month's unless you say why (a correction)",
"累计值低于上月时须说明原因（如更正数据）",
                ));
            }
        }
    }
    Ok(out)
}

/// A stored figure about to be replaced.
struct Replaced<'a> {
    kind: &'a str,
    subject: i64,
    month: u8,
    old: Option<f64>,
    new: f64,
    note: &'a Option<String>,
}

/// Keeps the figure a new entry replaces.
async fn keep_history(
    conn: &mut SqliteConnection,
    actor: &Actor,
    replaced: Replaced<'_>,
) -> AppResult<()> {
    if let Some(old) = replaced.old.filter(|old| *old != replaced.new) {
        sqlx::query(
            "INSERT INTO monitoring_history (kind, subject_id, month, old_value, new_value, note, changed_by)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(replaced.kind)
        .bind(replaced.subject)
        .bind(replaced.month)
        .bind(old)
        .bind(replaced.new)
        .bind(replaced.note)
        .bind(actor.id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Stores (or replaces) a department's figures for a month, as one audited change.
pub async fn enter_month(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    month: u8,
    entry: &MonthEntry,
) -> AppResult<()> {
    let problems = problems(conn, department_id, year, month, entry).await?;
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    for figure in &entry.spending {
        let old: Option<f64> = sqlx::query_scalar(
            "SELECT CAST(spent_to_date_fen AS REAL) FROM monthly_spending WHERE budget_line_id = ? AND month = ?",
        )
        .bind(figure.budget_line_id)
        .bind(month)
        .fetch_optional(&mut *conn)
        .await?;
        keep_history(
            conn,
            actor,
            Replaced {
                kind: "spending",
                subject: figure.budget_line_id,
                month,
                old,
                new: figure.spent_to_date_fen as f64,
                note: &figure.note,
            },
        )
        .await?;
        sqlx::query(
            "INSERT INTO monthly_spending (budget_line_id, month, spent_to_date_fen, note, cause, measure, entered_by)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (budget_line_id, month) DO UPDATE SET
                 spent_to_date_fen = excluded.spent_to_date_fen, note = excluded.note, cause = excluded.cause,
                 measure = excluded.measure, entered_by = excluded.entered_by,
                 entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        )
        .bind(figure.budget_line_id)
        .bind(month)
        .bind(figure.spent_to_date_fen)
        .bind(&figure.note)
        .bind(&figure.cause)
        .bind(&figure.measure)
        .bind(actor.id)
        .execute(&mut *conn)
        .await?;
    }
    for figure in &entry.values {
        let old: Option<f64> = sqlx::query_scalar(
            "SELECT value_to_date FROM indicator_values WHERE indicator_id = ? AND month = ?",
        )
        .bind(figure.indicator_id)
        .bind(month)
        .fetch_optional(&mut *conn)
        .await?;
        keep_history(
            conn,
            actor,
            Replaced {
                kind: "value",
                subject: figure.indicator_id,
                month,
                old,
                new: figure.value_to_date,
                note: &figure.note,
            },
        )
        .await?;
        sqlx::query(
            "INSERT INTO indicator_values (indicator_id, month, value_to_date, note, cause, measure, entered_by)
             VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (indicator_id, month) DO UPDATE SET
                 value_to_date = excluded.value_to_date, note = excluded.note, cause = excluded.cause,
                 measure = excluded.measure, entered_by = excluded.entered_by,
                 entered_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
        )
        .bind(figure.indicator_id)
        .bind(month)
        .bind(figure.value_to_date)
        .bind(&figure.note)
        .bind(&figure.cause)
        .bind(&figure.measure)
        .bind(actor.id)
        .execute(&mut *conn)
        .await?;
    }
    let entity_id = format!("{department_id}/{year}/{month:02}");
    audit::record(
        conn,
        actor,
        "record",
        "monthly_report",
        entity_id,
        None,
        Some(&audit_json(entry)),
    )
    .await?;
    Ok(())
}

/// Finance suspends or resumes a budget line's disbursement, with a reason.
pub async fn set_suspension(
    conn: &mut SqliteConnection,
    actor: &Actor,
    budget_line_id: i64,
    suspended: bool,
    reason: &str,
) -> AppResult<()> {
    let before: Option<(bool, Option<String>)> =
        sqlx::query_as("SELECT suspended, suspended_reason FROM budget_lines WHERE id = ?")
            .bind(budget_line_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (was, was_reason) = before.ok_or_else(|| {
        AppError::not_found(text!(
            "budget line {budget_line_id}",
            "预算项目 {budget_line_id}"
        ))
    })?;
    sqlx::query("UPDATE budget_lines SET suspended = ?, suspended_reason = ? WHERE id = ?")
        .bind(suspended)
        .bind(reason)
        .bind(budget_line_id)
        .execute(&mut *conn)
        .await?;
    audit::record(
        conn,
        actor,
        if suspended { "suspend" } else { "resume" },
        "budget_line",
        budget_line_id,
        Some(&json!({ "suspended": was, "reason": was_reason })),
        Some(&json!({ "suspended": suspended, "reason": reason })),
    )
    .await?;
    Ok(())
}

/// The figures stored for exactly this month (not carried over from earlier months), as
/// they would be entered: what a month's template is prefilled with.
pub async fn month_entry(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
    month: u8,
) -> AppResult<MonthEntry> {
    type Row<T> = (i64, T, Option<String>, Option<String>, Option<String>);
    let spending: Vec<Row<i64>> = sqlx::query_as(
        "SELECT m.budget_line_id, m.spent_to_date_fen, m.note, m.cause, m.measure
         FROM monthly_spending m JOIN budget_lines b ON b.id = m.budget_line_id
         WHERE b.department_id = ? AND b.year = ? AND m.month = ?
         ORDER BY CASE b.kind WHEN 'personnel' THEN 0 WHEN 'operations' THEN 1 ELSE 2 END, b.code",
    )
    .bind(department_id)
    .bind(year)
    .bind(month)
    .fetch_all(&mut *conn)
    .await?;
    let values: Vec<Row<f64>> = sqlx::query_as(
        "SELECT v.indicator_id, v.value_to_date, v.note, v.cause, v.measure
         FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
         JOIN indicator_sets s ON s.id = i.set_id
         WHERE s.department_id = ? AND s.year = ? AND v.month = ? ORDER BY i.position, i.id",
    )
    .bind(department_id)
    .bind(year)
    .bind(month)
    .fetch_all(&mut *conn)
    .await?;
    Ok(MonthEntry {
        spending: spending
            .into_iter()
            .map(
                |(budget_line_id, spent_to_date_fen, note, cause, measure)| {
                    jixiao_domain::dto::monitoring::SpendingFigure {
                        budget_line_id,
                        spent_to_date_fen,
                        note,
                        cause,
                        measure,
                    }
                },
            )
            .collect(),
        values: values
            .into_iter()
            .map(|(indicator_id, value_to_date, note, cause, measure)| {
                jixiao_domain::dto::monitoring::ValueFigure {
                    indicator_id,
                    value_to_date,
                    note,
                    cause,
                    measure,
                }
            })
            .collect(),
    })
}
