//! The indicator library: `GET /api/library` (public) and finance's create and update.

use jixiao_domain::dto::library::{LibraryEntry, LibraryIndicator, LibraryList};

use super::{get_json, post_json, put_json, query_string, ApiError};

/// The filters of a library search, as typed in the page (blank means "any").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Words in a name or the description.
    pub q: String,
    /// `common`, a sector's wire name, or blank.
    pub sector: String,
    /// A level 2's wire name, or blank.
    pub level2: String,
    /// Include withdrawn entries.
    pub include_inactive: bool,
}

/// `GET /api/library` with `filters` (blank ones left out).
pub fn list_path(filters: &Filters) -> String {
    let pairs = [
        ("q", Some(filters.q.clone())),
        ("sector", Some(filters.sector.clone())),
        ("level2", Some(filters.level2.clone())),
        (
            "include_inactive",
            filters.include_inactive.then(|| "true".to_owned()),
        ),
    ];
    format!("/api/library{}", query_string(pairs))
}

pub async fn list(filters: Filters) -> Result<LibraryList, ApiError> {
    get_json(&list_path(&filters)).await
}

/// A new template (201; 422 with field `name_zh`, `name_en` or `unit`).
pub async fn create(entry: LibraryEntry) -> Result<LibraryIndicator, ApiError> {
    post_json("/api/library", &entry).await
}

/// Changes entry `id`; `entry.revision` must be the revision edited (409 `stale` with
/// `current`).
pub async fn update(id: i64, entry: LibraryEntry) -> Result<LibraryIndicator, ApiError> {
    put_json(&format!("/api/library/{id}"), &entry).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_filters_are_left_out() {
        assert_eq!(list_path(&Filters::default()), "/api/library");
        let filters = Filters {
            q: " 学生 资助 ".into(),
            sector: "common".into(),
            level2: String::new(),
            include_inactive: true,
        };
        assert_eq!(
            list_path(&filters),
            "/api/library?q=%E5%AD%A6%E7%94%9F%20%E8%B5%84%E5%8A%A9&sector=common&include_inactive=true"
        );
    }
}
