//! Budget lines and the indicators each pays for.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::AppResult;
use jixiao_domain::framework::BudgetKind;
use serde::Serialize;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, Serialize)]
pub struct NewBudgetLine {
    pub department_id: i64,
    pub unit_id: Option<i64>,
    pub year: i32,
    pub kind: BudgetKind,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub amount_fen: i64,
    pub adjusted_fen: i64,
    /// The indicators this line pays for (project lines need at least one output indicator).
    pub indicator_ids: Vec<i64>,
}

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewBudgetLine,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO budget_lines (department_id, unit_id, year, kind, code, name_zh, name_en,
             amount_fen, adjusted_fen)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(new.department_id)
    .bind(new.unit_id)
    .bind(new.year)
    .bind(new.kind.as_str())
    .bind(&new.code)
    .bind(&new.name_zh)
    .bind(&new.name_en)
    .bind(new.amount_fen)
    .bind(new.adjusted_fen)
    .fetch_one(&mut *conn)
    .await
    .map_err(conflict_on_unique(format!(
        "budget line {:?} exists for {}",
        new.code, new.year
    )))?;
    for indicator_id in &new.indicator_ids {
        sqlx::query(
            "INSERT INTO budget_line_indicators (budget_line_id, indicator_id) VALUES (?, ?)",
        )
        .bind(id)
        .bind(indicator_id)
        .execute(&mut *conn)
        .await?;
    }
    audit::record(
        conn,
        actor,
        "create",
        "budget_line",
        id,
        None,
        Some(&audit_json(new)),
    )
    .await?;
    Ok(id)
}
