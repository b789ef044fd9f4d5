//! Reading indicator sets: found by department and year, with their indicators, the year's
//! allocation and the department's project lines (what the set is validated against), and
//! their review history.

use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::sets::{Indicator, IndicatorSet, SetVersion, VersionSnapshot};
use jixiao_domain::framework::SetStatus;
use jixiao_domain::validation::ProjectLine;
use sqlx::{SqliteConnection, SqlitePool};

/// A set's identity and status, found by department code and year.
pub struct SetKey {
    pub id: i64,
    pub department_id: i64,
    pub status: SetStatus,
}

pub async fn find(db: &SqlitePool, department_code: &str, year: i32) -> AppResult<Option<SetKey>> {
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

/// A set's department and status by id.
pub async fn key(conn: &mut SqliteConnection, set_id: i64) -> AppResult<SetKey> {
    let row: Option<(i64, String)> =
        sqlx::query_as("SELECT department_id, status FROM indicator_sets WHERE id = ?")
            .bind(set_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (department_id, status) = row
        .ok_or_else(|| AppError::not_found(text!("indicator set {set_id}", "指标体系 {set_id}")))?;
    Ok(SetKey {
        id: set_id,
        department_id,
        status: status.parse()?,
    })
}

/// Every set's department, year and status (for listing what a reader may open).
pub async fn statuses(db: &SqlitePool) -> AppResult<Vec<(i64, i32, SetStatus)>> {
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
    library_id: Option<i64>,
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
    elasticity: Option<f64>,
    unit_code: Option<String>,
}

/// A set's indicators in order.
pub async fn indicators(conn: &mut SqliteConnection, set_id: i64) -> AppResult<Vec<Indicator>> {
    let rows: Vec<IndicatorRow> = sqlx::query_as(
        "SELECT i.id, i.library_id, i.origin, i.level2, i.name_zh, i.name_en, i.unit, i.direction,
                i.accumulation, i.target, i.target_text, i.baseline, i.points, i.data_source,
                i.elasticity, u.code AS unit_code
         FROM indicators i LEFT JOIN units u ON u.id = i.unit_id
         WHERE i.set_id = ? ORDER BY i.position, i.id",
    )
    .bind(set_id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Indicator {
                id: Some(r.id),
                library_id: r.library_id,
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
                elasticity: r.elasticity,
                unit_code: r.unit_code,
            })
        })
        .collect()
}

/// The department's project lines of the set's year, with the indicators each pays for.
pub async fn project_lines(
    conn: &mut SqliteConnection,
    set_id: i64,
) -> AppResult<Vec<ProjectLine>> {
    let rows: Vec<(i64, String, String, Option<i64>)> = sqlx::query_as(
        "SELECT b.id, b.code, b.name_zh, l.indicator_id FROM budget_lines b
         JOIN indicator_sets s ON s.department_id = b.department_id AND s.year = b.year
         LEFT JOIN budget_line_indicators l ON l.budget_line_id = b.id
         WHERE s.id = ? AND b.kind = 'project' ORDER BY b.code, l.indicator_id",
    )
    .bind(set_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut lines: Vec<(i64, ProjectLine)> = Vec::new();
    for (line_id, code, name_zh, indicator) in rows {
        if lines.last().is_none_or(|(id, _)| *id != line_id) {
            lines.push((
                line_id,
                ProjectLine {
                    code,
                    name_zh,
                    indicator_ids: Vec::new(),
                },
            ));
        }
        if let (Some(indicator), Some((_, line))) = (indicator, lines.last_mut()) {
            line.indicator_ids.push(indicator);
        }
    }
    Ok(lines.into_iter().map(|(_, line)| line).collect())
}

#[derive(sqlx::FromRow)]
struct SetHeader {
    year: i32,
    phase: String,
    status: String,
    version: i64,
    revision: i64,
    review_comment: Option<String>,
    department_id: i64,
    code: String,
    name_zh: String,
    name_en: String,
}

/// The whole set as the editor and reviewers see it.
pub async fn load(conn: &mut SqliteConnection, set_id: i64) -> AppResult<IndicatorSet> {
    let header: SetHeader = sqlx::query_as(
        "SELECT s.year, y.phase, s.status, s.version, s.revision, s.review_comment,
                d.id AS department_id, d.code, d.name_zh, d.name_en
         FROM indicator_sets s JOIN departments d ON d.id = s.department_id
         JOIN fiscal_years y ON y.year = s.year WHERE s.id = ?",
    )
    .bind(set_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found(text!("indicator set {set_id}", "指标体系 {set_id}")))?;
    let allocation = super::years::rules(conn, header.year)
        .await?
        .points_allocation;
    Ok(IndicatorSet {
        id: set_id,
        department: DepartmentRef {
            id: header.department_id,
            code: header.code,
            name_zh: header.name_zh,
            name_en: header.name_en,
        },
        year: header.year,
        phase: header.phase.parse()?,
        status: header.status.parse()?,
        version: header.version,
        revision: header.revision,
        review_comment: header.review_comment,
        indicators: indicators(conn, set_id).await?,
        allocation,
        project_lines: project_lines(conn, set_id).await?,
    })
}

#[derive(sqlx::FromRow)]
struct VersionRow {
    id: i64,
    version: i64,
    status: String,
    comment: Option<String>,
    by: Option<String>,
    at: String,
}

impl VersionRow {
    fn into_version(self) -> AppResult<SetVersion> {
        Ok(SetVersion {
            id: self.id,
            version: self.version,
            status: self.status.parse()?,
            comment: self.comment,
            by: self.by,
            at: self.at,
        })
    }
}

const VERSION_SELECT: &str =
    "SELECT v.id, v.version, v.status, v.comment, a.username AS by, v.created_at AS at
     FROM indicator_set_versions v LEFT JOIN accounts a ON a.id = v.created_by";

/// Every review step of a set, oldest first: who, when, which status, the comment.
pub async fn history(db: &SqlitePool, set_id: i64) -> AppResult<Vec<SetVersion>> {
    let rows: Vec<VersionRow> = sqlx::query_as(&format!(
        "{VERSION_SELECT} WHERE v.set_id = ? ORDER BY v.id"
    ))
    .bind(set_id)
    .fetch_all(db)
    .await?;
    rows.into_iter().map(VersionRow::into_version).collect()
}

/// The indicators as frozen at one step.
pub async fn version(db: &SqlitePool, set_id: i64, version_id: i64) -> AppResult<VersionSnapshot> {
    let row: Option<VersionRow> =
        sqlx::query_as(&format!("{VERSION_SELECT} WHERE v.set_id = ? AND v.id = ?"))
            .bind(set_id)
            .bind(version_id)
            .fetch_optional(db)
            .await?;
    let row = row.ok_or_else(|| {
        AppError::not_found(text!(
            "version {version_id} of set {set_id}",
            "指标体系 {set_id} 的版本 {version_id}"
        ))
    })?;
    let snapshot: String =
        sqlx::query_scalar("SELECT snapshot FROM indicator_set_versions WHERE id = ?")
            .bind(version_id)
            .fetch_one(db)
            .await?;
    let indicators: Vec<Indicator> = serde_json::from_str(&snapshot)
        .map_err(|err| AppError::Internal(format!("version {version_id}: {err}")))?;
    Ok(VersionSnapshot {
        version: row.into_version()?,
        indicators,
    })
}
