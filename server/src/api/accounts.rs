//! Account management for finance: list, create, change (role, department, disable) and
//! reset a password (the user must change it at next login).

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::CurrentUser;
use crate::auth::password;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::state::AppState;
use crate::{db, repo};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::auth::{Account, AccountChanges, AccountList, NewAccount, ResetPassword};
use jixiao_domain::dto::ErrorBody;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update))
        .routes(routes!(reset_password))
}

fn manager(user: &crate::auth::User) -> AppResult<Actor> {
    policy::require(Some(user), Permission::ManageAccounts)?;
    Ok(Actor {
        id: Some(user.id),
        name: user.username.clone(),
    })
}

#[utoipa::path(get, path = "/accounts", tag = "accounts",
    responses((status = 200, body = AccountList), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageAccounts)))))]
async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Json<AccountList>> {
    manager(&user)?;
    Ok(Json(AccountList {
        accounts: repo::accounts::list(&state.db).await?,
    }))
}

#[utoipa::path(post, path = "/accounts", tag = "accounts", request_body = NewAccount,
    responses(
        (status = 201, description = "Created; the user must change the password at first login", body = Account),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 409, description = "The username is taken", body = ErrorBody),
        (status = 422, description = "A field is invalid (named in `field`)", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageAccounts)))))]
async fn create(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    ApiJson(new): ApiJson<NewAccount>,
) -> AppResult<(StatusCode, Json<Account>)> {
    let actor = manager(&user)?;
    let username = repo::accounts::username(&new.username)?;
    let display_name = repo::accounts::display_name(&new.display_name)?;
    password::check_policy(&new.password, "password", &[&username, &display_name])?;
    let password_hash = password::hash(new.password).await?;
    let mut tx = db::begin_write(&state.db).await?;
    let id = repo::accounts::create(
        &mut tx,
        &actor,
        &repo::accounts::NewAccount {
            username,
            display_name,
            role: new.role,
            department_id: new.department_id,
            password_hash,
            must_change_password: true,
        },
    )
    .await?;
    let account = repo::accounts::get(&mut tx, id).await?;
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(account)))
}

#[utoipa::path(patch, path = "/accounts/{id}", tag = "accounts", request_body = AccountChanges,
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 200, body = Account),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Would lock the finance user out", body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageAccounts)))))]
async fn update(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(changes): ApiJson<AccountChanges>,
) -> AppResult<Json<Account>> {
    let actor = manager(&user)?;
    let mut tx = db::begin_write(&state.db).await?;
    let account = repo::accounts::update(&mut tx, &actor, id, &changes).await?;
    tx.commit().await?;
    Ok(Json(account))
}

#[utoipa::path(post, path = "/accounts/{id}/password", tag = "accounts", request_body = ResetPassword,
    params(("id" = i64, Path, description = "Account id")),
    responses(
        (status = 204, description = "Reset; the user's sessions end and they must set a new password at next login"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ManageAccounts)))))]
async fn reset_password(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(id): Path<i64>,
    ApiJson(reset): ApiJson<ResetPassword>,
) -> AppResult<StatusCode> {
    let actor = manager(&user)?;
    let mut tx = db::begin_write(&state.db).await?;
    let account = repo::accounts::get(&mut tx, id).await?;
    password::check_policy(
        &reset.password,
        "password",
        &[&account.username, &account.display_name],
    )?;
    // Hashing takes a moment; do not hold the write lock meanwhile.
    tx.rollback().await?;
    let hash = password::hash(reset.password).await?;
    let mut tx = db::begin_write(&state.db).await?;
    repo::accounts::set_password(&mut tx, &actor, id, &hash, true).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}
