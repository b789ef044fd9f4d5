//! Indicator sets ("one department, one set of indicators"), their indicators and the
//! review workflow draft → submitted → returned | approved → published.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::framework::SetStatus;
use serde_json::json;
use sqlx::SqliteConnection;

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO indicator_sets (department_id, year) VALUES (?, ?) RETURNING id",
    )
    .bind(department_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await
    .map_err(conflict_on_unique(text!(
        "the department already has an indicator set for {year}",
        "该部门已有 {year} 年度指标体系"
    )))?;
    let after = json!({ "department_id": department_id, "year": year, "status": SetStatus::Draft });
    audit::record(
        conn,
        actor,
        "create",
        "indicator_set",
        id,
        None,
        Some(&after),
    )
    .await?;
    Ok(id)
}

/// Appends an indicator; its budget unit is named by code within the set's department.
pub async fn add_indicator(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    new: &Indicator,
) -> AppResult<i64> {
    let id = insert_indicator(conn, set_id, new, None).await?;
    audit::record(
        conn,
        actor,
        "create",
        "indicator",
        id,
        None,
        Some(&audit_json(new)),
    )
    .await?;
    Ok(id)
}

/// Inserts (or, with `position`, places) an indicator row and returns its id.
pub(crate) async fn insert_indicator(
    conn: &mut SqliteConnection,
    set_id: i64,
    new: &Indicator,
    position: Option<i64>,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO indicators (set_id, unit_id, library_id, origin, level2, name_zh, name_en, unit,
             direction, accumulation, target, target_text, baseline, points, data_source, elasticity,
             position)
         VALUES (?1,
             (SELECT u.id FROM units u JOIN indicator_sets s ON s.department_id = u.department_id
              WHERE s.id = ?1 AND u.code = ?2),
             ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             COALESCE(?17, (SELECT COALESCE(MAX(position), 0) + 1 FROM indicators WHERE set_id = ?1)))
         RETURNING id",
    )
    .bind(set_id)
    .bind(&new.unit_code)
    .bind(new.library_id)
    .bind(new.origin.as_str())
    .bind(new.level2.as_str())
    .bind(new.name_zh.trim())
    .bind(new.name_en.trim())
    .bind(new.unit.trim())
    .bind(new.direction.as_str())
    .bind(new.accumulation.as_str())
    .bind(new.target)
    .bind(&new.target_text)
    .bind(new.baseline)
    .bind(new.points)
    .bind(&new.data_source)
    .bind(new.elasticity)
    .bind(position)
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

fn allowed(from: SetStatus, to: SetStatus) -> bool {
    use SetStatus::*;
    matches!(
        (from, to),
        (Draft | Returned, Submitted) | (Submitted, Returned | Approved) | (Approved, Published)
    )
}

/// Moves a set through review and freezes a copy of its indicators at that step.
pub async fn change_status(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    to: SetStatus,
    comment: Option<&str>,
) -> AppResult<()> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT status, version FROM indicator_sets WHERE id = ?")
            .bind(set_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (from, version) = row
        .ok_or_else(|| AppError::not_found(text!("indicator set {set_id}", "指标体系 {set_id}")))?;
    let from: SetStatus = from.parse()?;
    if !allowed(from, to) {
        let (from_zh, to_zh) = (from.label_zh(), to.label_zh());
        return Err(AppError::conflict(
            "invalid_status_change",
            text!(
                "an indicator set that is {from} cannot become {to}",
                "指标体系不能从“{from_zh}”变为“{to_zh}”"
            ),
        ));
    }
    sqlx::query(
        "UPDATE indicator_sets SET status = ?, version = ?, review_comment = ?, revision = revision + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
    .bind(to.as_str())
    .bind(version)
    .bind(comment)
    .bind(set_id)
    .execute(&mut *conn)
    .await?;
    snapshot(conn, actor, set_id, version, to, comment).await?;
    audit::record(
        conn,
        actor,
        "change_status",
        "indicator_set",
        set_id,
        Some(&json!({ "status": from })),
        Some(&json!({ "status": to, "version": version, "comment": comment })),
    )
    .await?;
    Ok(())
}

/// Freezes the set's indicators as they are now, as a step of its history.
pub(crate) async fn snapshot(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    version: i64,
    status: SetStatus,
    comment: Option<&str>,
) -> AppResult<()> {
    let indicators = super::set_read::indicators(conn, set_id).await?;
    let snapshot = serde_json::to_string(&indicators)
        .map_err(|err| AppError::Internal(format!("snapshot: {err}")))?;
    sqlx::query(
        "INSERT INTO indicator_set_versions (set_id, version, status, snapshot, comment, created_by)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(set_id)
    .bind(version)
    .bind(status.as_str())
    .bind(&snapshot)
    .bind(comment)
    .bind(actor.id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
