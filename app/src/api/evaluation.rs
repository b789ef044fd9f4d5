//! Year-end evaluation, the year's results and accountability cases. Every write sends the
//! revision it was based on (409 `stale` with `current`); 422 answers carry every problem
//! in `problems`, each with its field path (`items[3].cause`).

use jixiao_domain::dto::evaluation::{
    AccountabilityCase, CaseList, CaseUpdate, Confirm, Evaluation, OverrideUpdate, Ranking,
    ReevaluationUpdate, RemarksUpdate, SelfEvaluationUpdate, SelfItemUpdate,
};

use super::{get_json, path_segment, post_json, put_json, query_string, ApiError};

/// `/api/departments/{code}/evaluations/{year}`.
pub fn evaluation_path(code: &str, year: i32) -> String {
    format!("/api/departments/{}/evaluations/{year}", path_segment(code))
}

pub async fn get(code: &str, year: i32) -> Result<Evaluation, ApiError> {
    get_json(&evaluation_path(code, year)).await
}

/// The department's draft (head or staff of the department).
pub async fn save_self(
    code: &str,
    year: i32,
    revision: i64,
    items: Vec<SelfItemUpdate>,
) -> Result<Evaluation, ApiError> {
    let path = format!("{}/self", evaluation_path(code, year));
    put_json(&path, &SelfEvaluationUpdate { revision, items }).await
}

/// The head signs the self-evaluation off; it is read-only for the department afterwards.
pub async fn sign_off(code: &str, year: i32, revision: i64) -> Result<Evaluation, ApiError> {
    let path = format!("{}/sign-off", evaluation_path(code, year));
    post_json(&path, &Confirm { revision }).await
}

/// Finance's overrides (the complete list; each needs a reason).
pub async fn save_reevaluation(
    code: &str,
    year: i32,
    revision: i64,
    overrides: Vec<OverrideUpdate>,
) -> Result<Evaluation, ApiError> {
    let path = format!("{}/reevaluation", evaluation_path(code, year));
    put_json(
        &path,
        &ReevaluationUpdate {
            revision,
            overrides,
        },
    )
    .await
}

/// Finance fixes the grade and applies the year's result rules (budget, prize, cases).
pub async fn finalize(code: &str, year: i32, revision: i64) -> Result<Evaluation, ApiError> {
    let path = format!("{}/finalize", evaluation_path(code, year));
    post_json(&path, &Confirm { revision }).await
}

/// The assessment agency's key-work remarks.
pub async fn save_remarks(
    code: &str,
    year: i32,
    revision: i64,
    remarks: String,
) -> Result<Evaluation, ApiError> {
    let path = format!("{}/remarks", evaluation_path(code, year));
    put_json(&path, &RemarksUpdate { revision, remarks }).await
}

/// `/api/years/{year}/results`.
pub fn results_path(year: i32) -> String {
    format!("/api/years/{year}/results")
}

/// The assessment agency's feed as CSV (a plain link: the browser downloads it).
pub fn results_csv_path(year: i32) -> String {
    format!("/api/years/{year}/results.csv")
}

pub async fn ranking(year: i32) -> Result<Ranking, ApiError> {
    get_json(&results_path(year)).await
}

/// Finance publishes the year's results and closes the year.
pub async fn publish(year: i32) -> Result<Ranking, ApiError> {
    post_json(&format!("/api/years/{year}/publish"), &()).await
}

/// `/api/cases?year=&department=&status=`; department users see their own only.
pub fn cases_path(year: Option<i32>, department: Option<String>, status: Option<String>) -> String {
    let query = query_string([
        ("year", year.map(|y| y.to_string())),
        ("department", department),
        ("status", status),
    ]);
    format!("/api/cases{query}")
}

pub async fn cases(
    year: Option<i32>,
    department: Option<String>,
    status: Option<String>,
) -> Result<CaseList, ApiError> {
    get_json(&cases_path(year, department, status)).await
}

pub async fn update_case(id: i64, update: CaseUpdate) -> Result<AccountabilityCase, ApiError> {
    put_json(&format!("/api/cases/{id}"), &update).await
}
