//! Finance's indicator library: common (共性) indicators and sector templates.

use super::audit_json;
use crate::audit::{self, Actor};
use crate::error::AppResult;
use jixiao_domain::framework::{Accumulation, Direction, Level2, Sector};
use serde::Serialize;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, Serialize)]
pub struct NewLibraryIndicator {
    /// `None`: a common indicator for every department; `Some`: a sector template.
    pub sector: Option<Sector>,
    pub level2: Level2,
    pub name_zh: String,
    pub name_en: String,
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub description: String,
    pub data_source: String,
}

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewLibraryIndicator,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO library_indicators (kind, sector, level2, name_zh, name_en, unit, direction,
             accumulation, description, data_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(if new.sector.is_some() {
        "sector"
    } else {
        "common"
    })
    .bind(new.sector.map(|s| s.as_str()))
    .bind(new.level2.as_str())
    .bind(&new.name_zh)
    .bind(&new.name_en)
    .bind(&new.unit)
    .bind(new.direction.as_str())
    .bind(new.accumulation.as_str())
    .bind(&new.description)
    .bind(&new.data_source)
    .fetch_one(&mut *conn)
    .await?;
    audit::record(
        conn,
        actor,
        "create",
        "library_indicator",
        id,
        None,
        Some(&audit_json(new)),
    )
    .await?;
    Ok(id)
}

/// The library, filtered: words in a name or the description, common or one sector, a level 2.
pub async fn list(
    db: &sqlx::SqlitePool,
    query: &jixiao_domain::dto::library::LibraryQuery,
) -> AppResult<Vec<jixiao_domain::dto::library::LibraryIndicator>> {
    let words = query
        .q
        .as_deref()
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(|q| format!("%{q}%"));
    let sector = query.sector.as_deref().filter(|s| !s.is_empty());
    let rows: Vec<LibraryRow> = sqlx::query_as(
        "SELECT id, sector, level2, name_zh, name_en, unit, direction, accumulation, description,
                data_source, active, revision
         FROM library_indicators
         WHERE (?1 IS NULL OR name_zh LIKE ?1 OR name_en LIKE ?1 OR description LIKE ?1)
           AND (?2 IS NULL OR (?2 = 'common' AND kind = 'common') OR sector = ?2)
           AND (?3 IS NULL OR level2 = ?3)
           AND (?4 OR active = 1)
         ORDER BY kind, sector, level2, id",
    )
    .bind(words)
    .bind(sector)
    .bind(query.level2.map(|l| l.as_str()))
    .bind(query.include_inactive.unwrap_or(false))
    .fetch_all(db)
    .await?;
    rows.into_iter().map(LibraryRow::into_dto).collect()
}

#[derive(sqlx::FromRow)]
struct LibraryRow {
    id: i64,
    sector: Option<String>,
    level2: String,
    name_zh: String,
    name_en: String,
    unit: String,
    direction: String,
    accumulation: String,
    description: String,
    data_source: String,
    active: bool,
    revision: i64,
}

impl LibraryRow {
    fn into_dto(self) -> AppResult<jixiao_domain::dto::library::LibraryIndicator> {
        Ok(jixiao_domain::dto::library::LibraryIndicator {
            id: self.id,
            sector: self.sector.map(|s| s.parse()).transpose()?,
            level2: self.level2.parse()?,
            name_zh: self.name_zh,
            name_en: self.name_en,
            unit: self.unit,
            direction: self.direction.parse()?,
            accumulation: self.accumulation.parse()?,
            description: self.description,
            data_source: self.data_source,
            active: self.active,
            revision: self.revision,
        })
    }
}

pub async fn get(
    conn: &mut SqliteConnection,
    id: i64,
) -> AppResult<jixiao_domain::dto::library::LibraryIndicator> {
    let row: Option<LibraryRow> = sqlx::query_as(
        "SELECT id, sector, level2, name_zh, name_en, unit, direction, accumulation, description,
                data_source, active, revision FROM library_indicators WHERE id = ?",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    row.ok_or_else(|| {
        crate::error::AppError::not_found(text!("library indicator {id}", "指标库指标 {id}"))
    })?
    .into_dto()
}

/// Changes an entry (finance), refusing a stale revision with the entry as it is now.
pub async fn update(
    conn: &mut SqliteConnection,
    actor: &Actor,
    id: i64,
    revision: i64,
    entry: &NewLibraryIndicator,
    active: bool,
) -> AppResult<()> {
    let before = get(conn, id).await?;
    if before.revision != revision {
        return Err(crate::error::AppError::Stale {
            current: serde_json::to_value(&before).unwrap_or_default(),
        });
    }
    sqlx::query(
        "UPDATE library_indicators SET kind = ?, sector = ?, level2 = ?, name_zh = ?, name_en = ?, unit = ?,
             direction = ?, accumulation = ?, description = ?, data_source = ?, active = ?,
             revision = revision + 1 WHERE id = ?",
    )
    .bind(if entry.sector.is_some() { "sector" } else { "common" })
    .bind(entry.sector.map(|s| s.as_str()))
    .bind(entry.level2.as_str())
    .bind(&entry.name_zh)
    .bind(&entry.name_en)
    .bind(&entry.unit)
    .bind(entry.direction.as_str())
    .bind(entry.accumulation.as_str())
    .bind(&entry.description)
    .bind(&entry.data_source)
    .bind(active)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let after = get(conn, id).await?;
    audit::record(
        conn,
        actor,
        "update",
        "library_indicator",
        id,
        Some(&audit_json(&before)),
        Some(&audit_json(&after)),
    )
    .await?;
    Ok(())
}
