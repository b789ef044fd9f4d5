//! Fiscal years: `GET /api/years` (public) and finance's open, rules and phase writes.

use jixiao_domain::dto::years::{FiscalYear, OpenYear, PhaseChange, RulesUpdate, YearList};
use jixiao_domain::dto::YearRules;
use jixiao_domain::framework::Phase;

use super::{get_json, post_json, put_json, ApiError};

/// Every fiscal year, newest first, with its phase and rules.
pub async fn list() -> Result<YearList, ApiError> {
    get_json("/api/years").await
}

/// Opens `year` in planning with `rules` (201; 409 `already_exists`; 422 field `year`).
pub async fn open(year: i32, rules: YearRules) -> Result<FiscalYear, ApiError> {
    let body = OpenYear {
        year,
        rules: Some(rules),
    };
    post_json("/api/years", &body).await
}

/// Replaces the rules of `year` as edited at `revision` (409 `stale` with `current`, 409
/// `wrong_phase`).
pub async fn update_rules(
    year: i32,
    revision: i64,
    rules: YearRules,
) -> Result<FiscalYear, ApiError> {
    let body = RulesUpdate { revision, rules };
    put_json(&format!("/api/years/{year}/rules"), &body).await
}

/// Moves `year` (as seen at `revision`) on to `phase`, its next phase.
pub async fn change_phase(year: i32, revision: i64, phase: Phase) -> Result<FiscalYear, ApiError> {
    let body = PhaseChange { revision, phase };
    post_json(&format!("/api/years/{year}/phase"), &body).await
}
