//! Indicator sets: read, start, save the whole list, the review workflow, key-work targets
//! and the history of versions. Writes answer 409 `stale` with `current` (the set as it is
//! now) and 422 with every `problems` entry, both kept in [`ApiError`].

use jixiao_domain::dto::sets::{
    Indicator, IndicatorSet, NewSet, SetHistory, SetUpdate, Transition, VersionSnapshot,
};

use super::{get_json, path_segment, post_json, put_json, ApiError};

/// `/api/departments/{code}/sets/{year}`.
pub fn set_path(code: &str, year: i32) -> String {
    format!("/api/departments/{}/sets/{year}", path_segment(code))
}

/// A department's set for a year (404 when there is none yet).
pub async fn get(code: &str, year: i32) -> Result<IndicatorSet, ApiError> {
    get_json(&set_path(code, year)).await
}

/// Starts the set, empty (the budget execution indicator only) or from last year's (201).
pub async fn start(code: &str, year: i32, from_last_year: bool) -> Result<IndicatorSet, ApiError> {
    post_json(&set_path(code, year), &NewSet { from_last_year }).await
}

/// Saves the whole list of indicators, in order, as edited at `update.revision`.
pub async fn save(id: i64, update: &SetUpdate) -> Result<IndicatorSet, ApiError> {
    put_json(&format!("/api/sets/{id}"), update).await
}

/// A step of the review workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Submit,
    Return,
    Approve,
    Publish,
}

impl Step {
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Submit => "submit",
            Self::Return => "return",
            Self::Approve => "approve",
            Self::Publish => "publish",
        }
    }
}

/// `POST /api/sets/{id}/{step}`.
pub fn step_path(id: i64, step: Step) -> String {
    format!("/api/sets/{id}/{}", step.as_str())
}

/// Takes the set (as seen at `revision`) one step on; a blank comment is left out.
pub async fn transition(
    id: i64,
    step: Step,
    revision: i64,
    comment: Option<String>,
) -> Result<IndicatorSet, ApiError> {
    let comment = comment
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    post_json(&step_path(id, step), &Transition { revision, comment }).await
}

/// The assessment agency adds a key-work target (the set is started if need be; 201).
pub async fn add_key_work(
    code: &str,
    year: i32,
    indicator: &Indicator,
) -> Result<IndicatorSet, ApiError> {
    post_json(&format!("{}/key-work", set_path(code, year)), indicator).await
}

/// Every review step of the set, oldest first.
pub async fn history(id: i64) -> Result<SetHistory, ApiError> {
    get_json(&format!("/api/sets/{id}/versions")).await
}

/// The indicators as they were at one step.
pub async fn version(id: i64, version_id: i64) -> Result<VersionSnapshot, ApiError> {
    get_json(&format!("/api/sets/{id}/versions/{version_id}")).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_encoded() {
        assert_eq!(set_path("EDU", 2028), "/api/departments/EDU/sets/2028");
        assert_eq!(set_path("a/b", 2028), "/api/departments/a%2Fb/sets/2028");
        assert_eq!(step_path(7, Step::Return), "/api/sets/7/return");
    }

    #[test]
    fn many_problems_and_the_current_set_are_kept() {
        let error = ApiError::from_response(
            422,
            r#"{"error":{"code":"invalid","message":"2 problems need fixing","field":"indicators[1].target",
                "problems":[{"code":"required","message":"give a target","field":"indicators[1].target"},
                            {"code":"points_not_100","message":"not 100","field":"indicators"}]}}"#,
        );
        assert_eq!(error.problems.len(), 2);
        assert_eq!(error.problems[1].field, "indicators");
        let stale = ApiError::from_response(
            409,
            r#"{"error":{"code":"stale","message":"reload","current":{"id":1}}}"#,
        );
        assert!(stale.is_stale());
        assert!(stale.current.is_some());
        assert!(stale.current_as::<IndicatorSet>().is_none());
    }
}
