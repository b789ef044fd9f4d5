//! What-if: the data a department's or the province's what-if starts from (the browser runs
//! the engine on it), and saved scenarios, scoped by department and role.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::CurrentUser;
use crate::auth::User;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::policy::{self, Permission};
use crate::repo::{departments, scenarios, whatif};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::whatif::{
    DepartmentWhatIf, NewScenario, ProvinceWhatIf, Scenario, ScenarioKind, ScenarioList,
    ScenarioUpdate,
};
use jixiao_domain::dto::ErrorBody;
use serde::Deserialize;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(department_start))
        .routes(routes!(province_start))
        .routes(routes!(list, create))
        .routes(routes!(get_scenario, update, delete))
}

/// The permission a scenario of this kind and department needs.
fn permission(kind: ScenarioKind, department_id: Option<i64>) -> Permission {
    match (kind, department_id) {
        (ScenarioKind::Department, Some(department_id)) => {
            Permission::DepartmentWhatIf { department_id }
        }
        _ => Permission::ProvinceWhatIf,
    }
}

#[utoipa::path(get, path = "/departments/{code}/whatif/{year}", tag = "what-if",
    params(("code" = String, Path), ("year" = i32, Path)),
    responses((status = 200, description = "The engine's baseline (indicators, lines, months reported, rules) with names for display", body = DepartmentWhatIf),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::DepartmentWhatIf { department_id: 0 })))))]
async fn department_start(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path((code, year)): Path<(String, i32)>,
) -> AppResult<Json<DepartmentWhatIf>> {
    let mut conn = state.db.acquire().await?;
    let department_id = departments::id_by_code(&mut conn, &code).await?;
    policy::require(Some(&user), Permission::DepartmentWhatIf { department_id })?;
    Ok(Json(
        whatif::department(&mut conn, department_id, year).await?,
    ))
}

#[utoipa::path(get, path = "/whatif/province/{year}", tag = "what-if",
    params(("year" = i32, Path, description = "the evaluated year whose grades move the money")),
    responses((status = 200, body = ProvinceWhatIf),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ProvinceWhatIf)))))]
async fn province_start(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(year): Path<i32>,
) -> AppResult<Json<ProvinceWhatIf>> {
    policy::require(Some(&user), Permission::ProvinceWhatIf)?;
    let mut conn = state.db.acquire().await?;
    Ok(Json(whatif::province(&mut conn, year).await?))
}

#[derive(Debug, Deserialize)]
struct ScenarioQuery {
    kind: Option<ScenarioKind>,
    /// A department code.
    department: Option<String>,
    year: Option<i32>,
}

/// What a user may see: finance everything, a head their department's.
fn scope(user: &User) -> AppResult<scenarios::Scope> {
    if policy::allows(Some(user), Permission::ProvinceWhatIf) {
        return Ok(scenarios::Scope {
            department_id: None,
            province: true,
        });
    }
    match user.department_id {
        Some(department_id)
            if policy::allows(Some(user), Permission::DepartmentWhatIf { department_id }) =>
        {
            Ok(scenarios::Scope {
                department_id: Some(department_id),
                province: false,
            })
        }
        _ => Err(AppError::forbidden(text!(
            "not allowed: what-if scenarios are for finance and department heads",
            "无权操作：情景模拟仅供财政部门和部门负责人使用"
        ))),
    }
}

#[utoipa::path(get, path = "/scenarios", tag = "what-if",
    params(("kind" = Option<ScenarioKind>, Query), ("department" = Option<String>, Query, description = "department code"),
        ("year" = Option<i32>, Query)),
    responses((status = 200, description = "The scenarios the caller may open, newest first", body = ScenarioList),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "dept_head (own department)"]))))]
async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<ScenarioQuery>,
) -> AppResult<Json<ScenarioList>> {
    let scope = scope(&user)?;
    let mut conn = state.db.acquire().await?;
    let department_id = match query.department.as_deref().filter(|c| !c.is_empty()) {
        Some(code) => Some(departments::id_by_code(&mut conn, code).await?),
        None => None,
    };
    let filter = scenarios::Filter {
        kind: query.kind,
        department_id,
        year: query.year,
    };
    Ok(Json(ScenarioList {
        scenarios: scenarios::list(&mut conn, &scope, &filter).await?,
    }))
}

#[utoipa::path(post, path = "/scenarios", tag = "what-if", request_body = NewScenario,
    responses((status = 201, description = "Saved, with the engine's outcome", body = Scenario),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "A name, or a change the engine refuses (`input.changes.amounts.12`)", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "dept_head (own department)"]))))]
async fn create(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(new): ApiJson<NewScenario>,
) -> AppResult<(StatusCode, Json<Scenario>)> {
    let mut tx = db::begin_write(&state.db).await?;
    let department_id = scenarios::department_of(&mut tx, &new.input).await?;
    let kind = department_id.map_or(ScenarioKind::Province, |_| ScenarioKind::Department);
    policy::require(Some(&user), permission(kind, department_id))?;
    let id = scenarios::create(
        &mut tx,
        &Actor::from(&user),
        new.year,
        &new.name,
        &new.input,
    )
    .await?;
    let scenario = scenarios::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(scenario)))
}

#[utoipa::path(get, path = "/scenarios/{id}", tag = "what-if", params(("id" = i64, Path)),
    responses((status = 200, description = "The scenario and what the engine makes of it on today's data", body = Scenario),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "dept_head (own department)"]))))]
async fn get_scenario(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<Json<Scenario>> {
    let mut conn = state.db.acquire().await?;
    let (kind, department_id) = scenarios::owner(&mut conn, id).await?;
    policy::require(Some(&user), permission(kind, department_id))?;
    Ok(Json(scenarios::get(&mut conn, id).await?))
}

#[utoipa::path(put, path = "/scenarios/{id}", tag = "what-if", request_body = ScenarioUpdate,
    params(("id" = i64, Path)),
    responses((status = 200, body = Scenario),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision, with `current`", body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "dept_head (own department)"]))))]
async fn update(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(change): ApiJson<ScenarioUpdate>,
) -> AppResult<Json<Scenario>> {
    let mut tx = db::begin_write(&state.db).await?;
    let (kind, department_id) = scenarios::owner(&mut tx, id).await?;
    policy::require(Some(&user), permission(kind, department_id))?;
    let actor = Actor::from(&user);
    scenarios::update(
        &mut tx,
        &actor,
        id,
        change.revision,
        &change.name,
        &change.input,
    )
    .await?;
    let scenario = scenarios::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Json(scenario))
}

#[utoipa::path(delete, path = "/scenarios/{id}", tag = "what-if", params(("id" = i64, Path)),
    responses((status = 204, description = "Deleted"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "dept_head (own department)"]))))]
async fn delete(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    let mut tx = db::begin_write(&state.db).await?;
    let (kind, department_id) = scenarios::owner(&mut tx, id).await?;
    policy::require(Some(&user), permission(kind, department_id))?;
    scenarios::delete(&mut tx, &Actor::from(&user), id).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
