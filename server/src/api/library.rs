//! The indicator library: everyone searches it; finance curates it.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::CurrentUser;
use crate::db;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::repo::library::{self, NewLibraryIndicator};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::library::{LibraryEntry, LibraryIndicator, LibraryList, LibraryQuery};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::framework::Direction;
use jixiao_domain::{field_error, FieldError};
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update))
}

/// Checks an entry: a Chinese name, and a unit unless qualitative.
fn parse(entry: &LibraryEntry) -> Result<NewLibraryIndicator, FieldError> {
    let name_zh = entry.name_zh.trim();
    if name_zh.is_empty() || name_zh.chars().count() > 120 {
        return Err(field_error!(
            "required",
            "name_zh",
            "a Chinese name of 1 to 120 characters",
            "请填写中文名称（1 到 120 个字）",
        ));
    }
    let name_en = entry.name_en.trim();
    if name_en.is_empty() || name_en.chars().count() > 200 {
        return Err(field_error!(
            "required",
            "name_en",
            "an English name of 1 to 200 characters",
            "请填写英文名称（1 到 200 个字符）",
        ));
    }
    if entry.direction != Direction::Qualitative && entry.unit.trim().is_empty() {
        return Err(field_error!(
            "required",
            "unit",
            "give the unit of measurement",
            "请填写计量单位",
        ));
    }
    Ok(NewLibraryIndicator {
        sector: entry.sector,
        level2: entry.level2,
        name_zh: name_zh.to_owned(),
        name_en: name_en.to_owned(),
        unit: entry.unit.trim().to_owned(),
        direction: entry.direction,
        accumulation: entry.accumulation,
        description: entry.description.trim().to_owned(),
        data_source: entry.data_source.trim().to_owned(),
    })
}

fn curator(user: &crate::auth::User) -> AppResult<Actor> {
    policy::require(Some(user), Permission::ManageLibrary)?;
    Ok(Actor {
        id: Some(user.id),
        name: user.username.clone(),
    })
}

#[utoipa::path(get, path = "/library", tag = "library",
    params(
        ("q" = Option<String>, Query, description = "words in a name or the description"),
        ("sector" = Option<String>, Query, description = "`common`, or a sector such as `education`"),
        ("level2" = Option<String>, Query, description = "e.g. quantity, social"),
        ("include_inactive" = Option<bool>, Query, description = "include withdrawn entries")),
    responses((status = 200, body = LibraryList), (status = 400, body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn list(
    State(state): State<AppState>,
    Query(query): Query<LibraryQuery>,
) -> AppResult<Json<LibraryList>> {
    Ok(Json(LibraryList {
        indicators: library::list(&state.db, &query).await?,
    }))
}

#[utoipa::path(post, path = "/library", tag = "library", request_body = LibraryEntry,
    responses((status = 201, body = LibraryIndicator), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageLibrary)))))]
async fn create(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(entry): ApiJson<LibraryEntry>,
) -> AppResult<(StatusCode, Json<LibraryIndicator>)> {
    let actor = curator(&user)?;
    let new = parse(&entry)?;
    let mut tx = db::begin_write(&state.db).await?;
    let id = library::create(&mut tx, &actor, &new).await?;
    let created = library::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(created)))
}

#[utoipa::path(put, path = "/library/{id}", tag = "library", request_body = LibraryEntry,
    params(("id" = i64, Path)),
    responses((status = 200, body = LibraryIndicator), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 409, description = "Stale revision (with `current`)", body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageLibrary)))))]
async fn update(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(entry): ApiJson<LibraryEntry>,
) -> AppResult<Json<LibraryIndicator>> {
    let actor = curator(&user)?;
    let new = parse(&entry)?;
    let revision = entry.revision.ok_or_else(|| {
        field_error!(
            "required",
            "revision",
            "send the revision you edited",
            "请提供所编辑内容的修订号"
        )
    })?;
    let mut tx = db::begin_write(&state.db).await?;
    library::update(&mut tx, &actor, id, revision, &new, entry.active).await?;
    let updated = library::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok(Json(updated))
}
