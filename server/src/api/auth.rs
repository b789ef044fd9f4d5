//! Login, logout, who am I, and changing one's own password.

use super::json::ApiJson;
use crate::audit::Actor;
use crate::auth::extract::{start_session, SignedIn};
use crate::auth::{password, throttle, AuthSession, User};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::{db, policy, repo};
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::Json;
use jixiao_domain::dto::auth::{ChangePassword, LoginRequest, Me};
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::field_error;
use serde_json::json;
use std::net::SocketAddr;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(change_password))
}

/// The client's address, for rate limiting.
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip().to_string())
            .unwrap_or_else(|| "unknown".into());
        Ok(Self(ip))
    }
}

fn session_error<E: std::fmt::Display>(err: E) -> AppError {
    AppError::Internal(format!("session: {err}"))
}

pub async fn me_of(state: &AppState, user: &User) -> AppResult<Me> {
    Ok(Me {
        id: user.id,
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        role: user.role,
        department: repo::accounts::department_ref(&state.db, user.department_id).await?,
        must_change_password: user.must_change_password,
        capabilities: policy::capabilities(user),
    })
}

#[utoipa::path(post, path = "/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, description = "Logged in; the session cookie is set", body = Me),
        (status = 401, description = "Wrong username or password (the same answer for both)", body = ErrorBody),
        (status = 422, description = "Missing username or password", body = ErrorBody),
        (status = 429, description = "Too many failed logins from this address or for this account; see Retry-After", body = ErrorBody)),
    extensions(("x-roles" = json!(["public"]))))]
async fn login(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    mut auth: AuthSession,
    ApiJson(credentials): ApiJson<LoginRequest>,
) -> AppResult<Json<Me>> {
    let username = credentials.username.trim().to_lowercase();
    if username.is_empty() {
        return Err(field_error!(
            "required",
            "username",
            "enter your username",
            "请输入用户名"
        )
        .into());
    }
    if credentials.password.is_empty() {
        return Err(
            field_error!("required", "password", "enter your password", "请输入密码").into(),
        );
    }
    throttle::check(&state.db, &ip, &username).await?;
    let user = auth
        .authenticate(LoginRequest {
            username: username.clone(),
            password: credentials.password,
        })
        .await
        .map_err(session_error)?;
    let Some(user) = user else {
        throttle::record_failure(&state.db, &ip, &username).await?;
        return Err(AppError::InvalidCredentials);
    };
    auth.login(&user).await.map_err(session_error)?;
    start_session(&auth).await?;
    throttle::clear_account(&state.db, &username).await?;
    let mut tx = db::begin_write(&state.db).await?;
    crate::audit::record(
        &mut tx,
        &Actor::from(&user),
        "login",
        "account",
        user.id,
        None,
        Some(&json!({ "ip": ip })),
    )
    .await?;
    tx.commit().await?;
    Ok(Json(me_of(&state, &user).await?))
}

#[utoipa::path(post, path = "/auth/logout", tag = "auth",
    responses((status = 204, description = "Logged out; the session is deleted on the server")),
    extensions(("x-roles" = json!(["public"]))))]
async fn logout(mut auth: AuthSession) -> AppResult<StatusCode> {
    auth.logout().await.map_err(session_error)?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/auth/me", tag = "auth",
    responses(
        (status = 200, description = "The signed-in user and what they may do", body = Me),
        (status = 401, description = "Not logged in", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head", "dept_staff"]))))]
async fn me(State(state): State<AppState>, SignedIn(user): SignedIn) -> AppResult<Json<Me>> {
    Ok(Json(me_of(&state, &user).await?))
}

#[utoipa::path(post, path = "/auth/password", tag = "auth", request_body = ChangePassword,
    responses(
        (status = 204, description = "Password changed; other sessions of the account end"),
        (status = 401, description = "Not logged in", body = ErrorBody),
        (status = 422, description = "Wrong current password, or a weak new one", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head", "dept_staff"]))))]
async fn change_password(
    State(state): State<AppState>,
    mut auth: AuthSession,
    SignedIn(user): SignedIn,
    ApiJson(change): ApiJson<ChangePassword>,
) -> AppResult<StatusCode> {
    let current_ok = password::verify(
        change.current_password.clone(),
        Some(user.password_hash().to_owned()),
    )
    .await?;
    if !current_ok {
        return Err(field_error!(
            "wrong_password",
            "current_password",
            "this is not your current password",
            "当前密码不正确",
        )
        .into());
    }
    if change.new_password == change.current_password {
        return Err(field_error!(
            "weak_password",
            "new_password",
            "choose a password different from the current one",
            "新密码不能与当前密码相同",
        )
        .into());
    }
    password::check_policy(
        &change.new_password,
        "new_password",
        &[&user.username, &user.display_name],
    )?;
    let hash = password::hash(change.new_password).await?;
    let mut tx = db::begin_write(&state.db).await?;
    repo::accounts::set_password(&mut tx, &Actor::from(&user), user.id, &hash, false).await?;
    tx.commit().await?;
    // The session is bound to the password hash: renew this one, the others end.
    let updated = crate::auth::active_account(&state.db, user.id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    auth.login(&updated).await.map_err(session_error)?;
    start_session(&auth).await?;
    Ok(StatusCode::NO_CONTENT)
}
