//! Finance's indicator library: common (共性) indicators and sector templates.

use crate::framework::{Accumulation, Direction, Level2, Sector};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibraryIndicator {
    pub id: i64,
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
    pub active: bool,
    pub revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibraryList {
    pub indicators: Vec<LibraryIndicator>,
}

/// `POST /api/library` and, with `revision`, `PUT /api/library/{id}` (finance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LibraryEntry {
    #[serde(default)]
    pub sector: Option<Sector>,
    pub level2: Level2,
    pub name_zh: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub unit: String,
    pub direction: Direction,
    pub accumulation: Accumulation,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub data_source: String,
    #[serde(default = "active_by_default")]
    pub active: bool,
    /// Required when changing an entry.
    #[serde(default)]
    pub revision: Option<i64>,
}

fn active_by_default() -> bool {
    true
}

/// Filters of `GET /api/library`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryQuery {
    /// Words in either name or the description.
    pub q: Option<String>,
    /// `common`, or a sector's wire name.
    pub sector: Option<String>,
    pub level2: Option<Level2>,
    /// Include withdrawn entries (finance's view).
    pub include_inactive: Option<bool>,
}
