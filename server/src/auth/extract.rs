//! Extractors for handlers — [`Viewer`] (maybe anonymous) and [`CurrentUser`] (must be
//! logged in) — and the middleware that enforces the session's lifetimes.

use super::{AuthSession, User};
use crate::error::AppError;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::middleware::Next;
use axum::response::Response;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

const LOGIN_AT: &str = "login_at_ms";
const SEEN_AT: &str = "seen_at_ms";
/// Activity refreshes the idle expiry at most this often (each refresh is a write).
const TOUCH_EVERY_MS: i64 = 60_000;

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Marks a fresh login (for the absolute lifetime).
pub async fn start_session(auth: &AuthSession) -> Result<(), AppError> {
    let now = now_ms();
    let store_err = |err| AppError::Internal(format!("session: {err}"));
    auth.session
        .insert(LOGIN_AT, now)
        .await
        .map_err(store_err)?;
    auth.session.insert(SEEN_AT, now).await.map_err(store_err)?;
    Ok(())
}

/// Ends sessions older than the absolute lifetime and keeps active ones alive: tower-sessions
/// counts only *changes* as activity, so a request refreshes the session's `seen_at` (at
/// most once a minute), which pushes its idle expiry forward.
pub async fn session_lifetime(
    State(absolute): State<Duration>,
    mut request: Request,
    next: Next,
) -> Result<Response, AppError> {
    if let Some(mut auth) = request.extensions().get::<AuthSession>().cloned() {
        if auth.user.is_some() {
            let now = now_ms();
            let login_at: Option<i64> = auth.session.get(LOGIN_AT).await.ok().flatten();
            let expired = login_at.is_none_or(|t| now - t >= absolute.as_millis() as i64);
            if expired {
                auth.logout()
                    .await
                    .map_err(|err| AppError::Internal(format!("ending a session: {err}")))?;
                request.extensions_mut().insert(auth);
            } else {
                let seen_at: i64 = auth.session.get(SEEN_AT).await.ok().flatten().unwrap_or(0);
                if now - seen_at >= TOUCH_EVERY_MS {
                    let _ = auth.session.insert(SEEN_AT, now).await;
                }
            }
        }
    }
    Ok(next.run(request).await)
}

fn session_user(parts: &Parts) -> Option<User> {
    parts
        .extensions
        .get::<AuthSession>()
        .and_then(|auth| auth.user.clone())
}

/// A user whose password was reset may do nothing but set a new one.
fn usable(user: User) -> Result<User, AppError> {
    if user.must_change_password {
        Err(AppError::Forbidden {
            code: "password_change_required",
            message: text!(
                "your password was reset: set a new one before anything else",
                "您的密码已被重置，请先设置新密码"
            ),
        })
    } else {
        Ok(user)
    }
}

/// The signed-in user, if any (public endpoints); 403 `password_change_required` after a
/// reset.
pub struct Viewer(pub Option<User>);

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        Ok(Self(session_user(parts).map(usable).transpose()?))
    }
}

/// The signed-in user; 401 when anonymous, 403 `password_change_required` after a reset.
pub struct CurrentUser(pub User);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        let user = session_user(parts).ok_or(AppError::Unauthenticated)?;
        Ok(Self(usable(user)?))
    }
}

/// The signed-in user even if they must change their password (for `me`, logout and the
/// password change itself).
pub struct SignedIn(pub User);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        session_user(parts)
            .map(Self)
            .ok_or(AppError::Unauthenticated)
    }
}
