//! Indicator sets ("one department, one set of indicators"), their indicators and the
//! review workflow draft → submitted → returned | approved → published.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::framework::{Accumulation, Direction, IndicatorOrigin, Level2, SetStatus};
use serde::Serialize;
use serde_json::json;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, Serialize)]
pub struct NewIndicator {
    pub unit_id: Option<i64>,
    pub library_id: Option<i64>,
    pub origin: IndicatorOrigin,
    pub level2: Level2,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub target: Option<f64>,
    pub target_text: Option<String>,
    pub baseline: Option<f64>,
    pub points: f64,
    pub data_source: String,
    pub elasticity: Option<f64>,
}

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
    .map_err(conflict_on_unique(format!(
        "the department already has an indicator set for {year}"
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

pub async fn add_indicator(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    new: &NewIndicator,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO indicators (set_id, unit_id, library_id, origin, level2, name_zh, name_en, unit,
             direction, accumulation, target, target_text, baseline, points, data_source, elasticity,
             position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
             (SELECT COALESCE(MAX(position), 0) + 1 FROM indicators WHERE set_id = ?1))
         RETURNING id",
    )
    .bind(set_id)
    .bind(new.unit_id)
    .bind(new.library_id)
    .bind(new.origin.as_str())
    .bind(new.level2.as_str())
    .bind(&new.name_zh)
    .bind(&new.name_en)
    .bind(&new.unit)
    .bind(new.direction.as_str())
    .bind(new.accumulation.as_str())
    .bind(new.target)
    .bind(&new.target_text)
    .bind(new.baseline)
    .bind(new.points)
    .bind(&new.data_source)
    .bind(new.elasticity)
    .fetch_one(&mut *conn)
    .await?;
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
    let (from, version) =
        row.ok_or_else(|| AppError::not_found(format!("indicator set {set_id}")))?;
    let from: SetStatus = from.parse()?;
    if !allowed(from, to) {
        return Err(AppError::Conflict {
            code: "invalid_status_change",
            message: format!("an indicator set that is {from} cannot become {to}"),
        });
    }
    // A resubmission after a return is a new version.
    let version = if from == SetStatus::Returned {
        version + 1
    } else {
        version
    };
    sqlx::query(
        "UPDATE indicator_sets SET status = ?, version = ?, review_comment = ?,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
    .bind(to.as_str())
    .bind(version)
    .bind(comment)
    .bind(set_id)
    .execute(&mut *conn)
    .await?;
    let snapshot: String = sqlx::query_scalar(
        "SELECT json_group_array(json_object(
             'id', id, 'unit_id', unit_id, 'origin', origin, 'level2', level2, 'name_zh', name_zh,
             'name_en', name_en, 'unit', unit, 'direction', direction, 'accumulation', accumulation,
             'target', target, 'target_text', target_text, 'baseline', baseline, 'points', points,
             'data_source', data_source, 'elasticity', elasticity))
         FROM (SELECT * FROM indicators WHERE set_id = ? ORDER BY position)",
    )
    .bind(set_id)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO indicator_set_versions (set_id, version, status, snapshot, comment, created_by)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(set_id)
    .bind(version)
    .bind(to.as_str())
    .bind(&snapshot)
    .bind(comment)
    .bind(actor.id)
    .execute(&mut *conn)
    .await?;
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

/// A set's identity and status, found by department code and year.
pub struct SetKey {
    pub id: i64,
    pub department_id: i64,
    pub status: SetStatus,
}

pub async fn find(
    db: &sqlx::SqlitePool,
    department_code: &str,
    year: i32,
) -> AppResult<Option<SetKey>> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT s.id, s.department_id, s.status FROM indicator_sets s
         JOIN departments d ON d.id = s.department_id WHERE d.code = ? COLLATE NOCASE AND s.year = ?",
    )
    .bind(department_code)
    .bind(year)
    .fetch_optional(db)
    .await?;
    row.map(|(id, department_id, status)| {
        Ok(SetKey {
            id,
            department_id,
            status: status.parse()?,
        })
    })
    .transpose()
}

/// Every set's department, year and status (for listing what a reader may open).
pub async fn statuses(db: &sqlx::SqlitePool) -> AppResult<Vec<(i64, i32, SetStatus)>> {
    let rows: Vec<(i64, i32, String)> =
        sqlx::query_as("SELECT department_id, year, status FROM indicator_sets ORDER BY year DESC")
            .fetch_all(db)
            .await?;
    rows.into_iter()
        .map(|(department, year, status)| Ok((department, year, status.parse()?)))
        .collect()
}

#[derive(sqlx::FromRow)]
struct IndicatorRow {
    id: i64,
    origin: String,
    level2: String,
    name_zh: String,
    name_en: String,
    unit: String,
    direction: String,
    accumulation: String,
    target: Option<f64>,
    target_text: Option<String>,
    baseline: Option<f64>,
    points: f64,
    data_source: String,
    unit_code: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SetHeader {
    year: i32,
    status: String,
    version: i64,
    review_comment: Option<String>,
    department_id: i64,
    code: String,
    name_zh: String,
    name_en: String,
}

/// The whole set with its indicators in order.
pub async fn load(
    db: &sqlx::SqlitePool,
    set_id: i64,
) -> AppResult<jixiao_domain::dto::sets::IndicatorSet> {
    use jixiao_domain::dto::{auth::DepartmentRef, sets};
    let header: SetHeader = sqlx::query_as(
        "SELECT s.year, s.status, s.version, s.review_comment, d.id AS department_id, d.code, d.name_zh, d.name_en
         FROM indicator_sets s JOIN departments d ON d.id = s.department_id WHERE s.id = ?",
    )
    .bind(set_id)
    .fetch_optional(db)
    .await?
    .ok_or_else(|| AppError::not_found(format!("indicator set {set_id}")))?;
    let rows: Vec<IndicatorRow> = sqlx::query_as(
        "SELECT i.id, i.origin, i.level2, i.name_zh, i.name_en, i.unit, i.direction, i.accumulation,
                i.target, i.target_text, i.baseline, i.points, i.data_source, u.code AS unit_code
         FROM indicators i LEFT JOIN units u ON u.id = i.unit_id
         WHERE i.set_id = ? ORDER BY i.position",
    )
    .bind(set_id)
    .fetch_all(db)
    .await?;
    let indicators = rows
        .into_iter()
        .map(|r| {
            Ok(sets::Indicator {
                id: r.id,
                origin: r.origin.parse()?,
                level2: r.level2.parse()?,
                name_zh: r.name_zh,
                name_en: r.name_en,
                unit: r.unit,
                direction: r.direction.parse()?,
                accumulation: r.accumulation.parse()?,
                target: r.target,
                target_text: r.target_text,
                baseline: r.baseline,
                points: r.points,
                data_source: r.data_source,
                unit_code: r.unit_code,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(sets::IndicatorSet {
        id: set_id,
        department: DepartmentRef {
            id: header.department_id,
            code: header.code,
            name_zh: header.name_zh,
            name_en: header.name_en,
        },
        year: header.year,
        status: header.status.parse()?,
        version: header.version,
        review_comment: header.review_comment,
        indicators,
    })
}
