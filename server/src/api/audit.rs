//! The audit log: browsing (finance, assessment) and verifying the hash chain (finance).

use crate::audit::read;
use crate::auth::extract::CurrentUser;
use crate::error::AppResult;
use crate::policy::{self, Permission};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::Json;
use jixiao_domain::dto::audit::{AuditPage, AuditQuery, AuditVerification};
use jixiao_domain::dto::ErrorBody;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list))
        .routes(routes!(verify))
}

#[utoipa::path(get, path = "/audit", tag = "audit",
    params(
        ("entity" = Option<String>, Query, description = "e.g. account, indicator_set"),
        ("entity_id" = Option<String>, Query),
        ("actor" = Option<String>, Query, description = "username"),
        ("action" = Option<String>, Query, description = "e.g. create, update, login"),
        ("from" = Option<String>, Query, description = "ISO 8601 date or time, inclusive"),
        ("to" = Option<String>, Query, description = "ISO 8601 date or time, inclusive"),
        ("before" = Option<i64>, Query, description = "entries with a smaller id (next page)"),
        ("limit" = Option<i64>, Query, description = "1 to 500, default 50")),
    responses((status = 200, body = AuditPage), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::ReadAudit)))))]
async fn list(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Query(query): Query<AuditQuery>,
) -> AppResult<Json<AuditPage>> {
    policy::require(Some(&user), Permission::ReadAudit)?;
    Ok(Json(read::list(&state.db, &query).await?))
}

#[utoipa::path(get, path = "/audit/verify", tag = "audit",
    responses(
        (status = 200, description = "Whether the hash chain is intact, and if not its first broken entry", body = AuditVerification),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::VerifyAudit)))))]
async fn verify(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
) -> AppResult<Json<AuditVerification>> {
    policy::require(Some(&user), Permission::VerifyAudit)?;
    Ok(Json(read::verify(&state.db).await?))
}
