//! Fiscal years: finance opens a year with its rules and moves it through its phases.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::CurrentUser;
use crate::db;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::repo::years;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::years::{FiscalYear, OpenYear, PhaseChange, RulesUpdate, YearList};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::field_error;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, open))
        .routes(routes!(update_rules))
        .routes(routes!(change_phase))
}

fn finance(user: &crate::auth::User) -> AppResult<Actor> {
    policy::require(Some(user), Permission::ManageYears)?;
    Ok(Actor {
        id: Some(user.id),
        name: user.username.clone(),
    })
}

#[utoipa::path(get, path = "/years", tag = "years",
    responses((status = 200, description = "Every fiscal year with its phase and rules (the rules are public)", body = YearList)),
    extensions(("x-roles" = json!(["public"]))))]
async fn list(State(state): State<AppState>) -> AppResult<Json<YearList>> {
    let mut conn = state.db.acquire().await?;
    Ok(Json(YearList {
        years: years::list(&mut conn).await?,
    }))
}

#[utoipa::path(post, path = "/years", tag = "years", request_body = OpenYear,
    responses((status = 201, body = FiscalYear), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "The year is open already", body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageYears)))))]
async fn open(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(body): ApiJson<OpenYear>,
) -> AppResult<(StatusCode, Json<FiscalYear>)> {
    let actor = finance(&user)?;
    if !(2000..=2999).contains(&body.year) {
        return Err(field_error!(
            "invalid_year",
            "year",
            "a fiscal year between 2000 and 2999",
            "年度须在 2000 到 2999 之间",
        )
        .into());
    }
    let mut tx = db::begin_write(&state.db).await?;
    years::open(&mut tx, &actor, body.year, body.rules.unwrap_or_default()).await?;
    let year = years::get(&mut tx, body.year).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(year)))
}

#[utoipa::path(put, path = "/years/{year}/rules", tag = "years", request_body = RulesUpdate,
    params(("year" = i32, Path)),
    responses((status = 200, body = FiscalYear), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision (with `current`), or a change the phase does not allow", body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageYears)))))]
async fn update_rules(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(year): Path<i32>,
    ApiJson(body): ApiJson<RulesUpdate>,
) -> AppResult<Json<FiscalYear>> {
    let actor = finance(&user)?;
    let mut tx = db::begin_write(&state.db).await?;
    years::check_revision(&mut tx, year, body.revision).await?;
    years::update_rules(&mut tx, &actor, year, body.rules).await?;
    let year = years::get(&mut tx, year).await?;
    tx.commit().await?;
    Ok(Json(year))
}

#[utoipa::path(post, path = "/years/{year}/phase", tag = "years", request_body = PhaseChange,
    params(("year" = i32, Path)),
    responses((status = 200, body = FiscalYear), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision, or not the next phase (planning → execution → evaluation → closed)", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageYears)))))]
async fn change_phase(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(year): Path<i32>,
    ApiJson(body): ApiJson<PhaseChange>,
) -> AppResult<Json<FiscalYear>> {
    let actor = finance(&user)?;
    let mut tx = db::begin_write(&state.db).await?;
    years::check_revision(&mut tx, year, body.revision).await?;
    years::advance(&mut tx, &actor, year, body.phase).await?;
    let year = years::get(&mut tx, year).await?;
    tx.commit().await?;
    Ok(Json(year))
}
