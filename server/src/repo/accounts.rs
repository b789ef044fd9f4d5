//! Accounts. Passwords are stored only as argon2id hashes.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
use argon2::Argon2;
use jixiao_domain::framework::Role;
use serde::Serialize;
use sqlx::SqliteConnection;

#[derive(Debug, Clone, Serialize)]
pub struct NewAccount {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub department_id: Option<i64>,
    /// Never audited: the log shows that an account was made, not its secret.
    #[serde(skip)]
    pub password_hash: String,
    pub must_change_password: bool,
}

/// Hashes a password with argon2id off the async threads (it takes tens of milliseconds
/// by design).
pub async fn hash_password(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|err| AppError::Internal(format!("hashing a password: {err}")))
    })
    .await
    .map_err(|err| AppError::Internal(format!("hashing task: {err}")))?
}

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewAccount,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO accounts (username, display_name, password_hash, role, department_id, must_change_password)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&new.username)
    .bind(&new.display_name)
    .bind(&new.password_hash)
    .bind(new.role.as_str())
    .bind(new.department_id)
    .bind(new.must_change_password)
    .fetch_one(&mut *conn)
    .await
    .map_err(conflict_on_unique(format!("the username {:?} is taken", new.username)))?;
    audit::record(
        conn,
        actor,
        "create",
        "account",
        id,
        None,
        Some(&audit_json(new)),
    )
    .await?;
    Ok(id)
}
