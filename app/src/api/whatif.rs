//! What-if: the starting points (the browser runs the engine on them) and saved scenarios.

use jixiao_domain::dto::whatif::{
    DepartmentWhatIf, NewScenario, ProvinceWhatIf, Scenario, ScenarioInput, ScenarioKind,
    ScenarioList, ScenarioUpdate,
};

use super::{get_json, path_segment, post_json, put_json, query_string, send, ApiError};

/// `/api/departments/{code}/whatif/{year}`.
pub async fn department(code: &str, year: i32) -> Result<DepartmentWhatIf, ApiError> {
    get_json(&format!(
        "/api/departments/{}/whatif/{year}",
        path_segment(code)
    ))
    .await
}

/// `/api/whatif/province/{year}`: the grades of `year` and its project budgets.
pub async fn province(year: i32) -> Result<ProvinceWhatIf, ApiError> {
    get_json(&format!("/api/whatif/province/{year}")).await
}

pub fn scenarios_path(
    kind: Option<ScenarioKind>,
    department: Option<String>,
    year: Option<i32>,
) -> String {
    let query = query_string([
        ("kind", kind.map(|k| k.as_str().to_owned())),
        ("department", department),
        ("year", year.map(|y| y.to_string())),
    ]);
    format!("/api/scenarios{query}")
}

pub async fn scenarios(
    kind: Option<ScenarioKind>,
    department: Option<String>,
    year: Option<i32>,
) -> Result<ScenarioList, ApiError> {
    get_json(&scenarios_path(kind, department, year)).await
}

pub async fn scenario(id: i64) -> Result<Scenario, ApiError> {
    get_json(&format!("/api/scenarios/{id}")).await
}

pub async fn create(year: i32, name: String, input: ScenarioInput) -> Result<Scenario, ApiError> {
    post_json("/api/scenarios", &NewScenario { year, name, input }).await
}

pub async fn update(
    id: i64,
    revision: i64,
    name: String,
    input: ScenarioInput,
) -> Result<Scenario, ApiError> {
    let body = ScenarioUpdate {
        revision,
        name,
        input,
    };
    put_json(&format!("/api/scenarios/{id}"), &body).await
}

pub async fn delete(id: i64) -> Result<(), ApiError> {
    send(
        gloo_net::http::Method::DELETE,
        &format!("/api/scenarios/{id}"),
        None,
    )
    .await
    .map(drop)
}
