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
