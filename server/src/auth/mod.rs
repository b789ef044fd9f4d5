//! Who is asking: accounts, password checks, database-backed sessions (axum-login over
//! tower-sessions' SQLite store) and the extractors handlers use.
//!
//! Sessions live in the `tower_sessions` table, so a restart keeps people logged in and
//! several server processes can share one database. A session ends after the configured
//! idle time, after the absolute lifetime since login, on logout, when the account is
//! disabled, and when its password changes (the session is bound to the password hash).

pub mod extract;
pub mod password;
pub mod throttle;

use crate::error::AppError;
use axum_login::tower_sessions::cookie::{time::Duration as CookieDuration, SameSite};
use axum_login::tower_sessions::{Expiry, SessionManagerLayer};
use axum_login::{AuthManagerLayer, AuthManagerLayerBuilder, AuthUser, AuthnBackend};
use jixiao_domain::dto::auth::LoginRequest;
use jixiao_domain::framework::Role;
use sqlx::SqlitePool;
use std::time::Duration;
use tower_sessions_sqlx_store::SqliteStore;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "jixiao_session";

/// A signed-in account, as every handler sees it.
#[derive(Clone)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub department_id: Option<i64>,
    pub must_change_password: bool,
    password_hash: String,
}

impl std::fmt::Debug for User {
    // Never print the password hash, not even in debug logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("username", &self.username)
            .field("role", &self.role)
            .field("department_id", &self.department_id)
            .finish_non_exhaustive()
    }
}

impl User {
    pub(crate) fn password_hash(&self) -> &str {
        &self.password_hash
    }
}

impl AuthUser for User {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    /// Sessions are bound to the password hash: changing or resetting a password ends
    /// every other session of the account.
    fn session_auth_hash(&self) -> &[u8] {
        self.password_hash.as_bytes()
    }
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    department_id: Option<i64>,
    must_change_password: bool,
    password_hash: String,
}

impl TryFrom<AccountRow> for User {
    type Error = AppError;

    fn try_from(row: AccountRow) -> Result<Self, AppError> {
        Ok(Self {
            id: row.id,
            username: row.username,
            display_name: row.display_name,
            role: row.role.parse()?,
            department_id: row.department_id,
            must_change_password: row.must_change_password,
            password_hash: row.password_hash,
        })
    }
}

const ACCOUNT_COLUMNS: &str =
    "id, username, display_name, role, department_id, must_change_password, password_hash";

/// Loads an active (not disabled) account.
pub async fn active_account(db: &SqlitePool, id: i64) -> Result<Option<User>, AppError> {
    let row: Option<AccountRow> = sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ? AND disabled = 0"
    ))
    .bind(id)
    .fetch_optional(db)
    .await?;
    row.map(User::try_from).transpose()
}

/// Checks credentials against the accounts table.
#[derive(Clone)]
pub struct Backend {
    db: SqlitePool,
}

impl Backend {
    pub fn new(db: SqlitePool) -> Self {
        Self { db }
    }
}

impl AuthnBackend for Backend {
    type User = User;
    type Credentials = LoginRequest;
    type Error = AppError;

    /// An unknown username and a wrong password take the same time and give the same
    /// answer, so the login form does not reveal which accounts exist.
    async fn authenticate(&self, creds: LoginRequest) -> Result<Option<User>, AppError> {
        let row: Option<AccountRow> = sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE username = ? AND disabled = 0"
        ))
        .bind(creds.username.trim())
        .fetch_optional(&self.db)
        .await?;
        let hash = row.as_ref().map(|r| r.password_hash.clone());
        let matches = password::verify(creds.password, hash).await?;
        match row {
            Some(row) if matches => Ok(Some(row.try_into()?)),
            _ => Ok(None),
        }
    }

    async fn get_user(&self, id: &i64) -> Result<Option<User>, AppError> {
        active_account(&self.db, *id).await
    }
}

pub type AuthSession = axum_login::AuthSession<Backend>;

/// The session and authentication layers, with the database-backed store. Also starts the
/// task that deletes expired sessions.
pub fn layer(
    db: &SqlitePool,
    idle: Duration,
    secure: bool,
) -> AuthManagerLayer<Backend, SqliteStore> {
    let store = SqliteStore::new(db.clone());
    tokio::spawn(
        axum_login::tower_sessions::session_store::ExpiredDeletion::continuously_delete_expired(
            store.clone(),
            tokio::time::Duration::from_secs(300),
        ),
    );
    let idle = CookieDuration::try_from(idle).unwrap_or(CookieDuration::minutes(30));
    let sessions = SessionManagerLayer::new(store)
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Strict)
        .with_secure(secure)
        .with_path("/")
        .with_expiry(Expiry::OnInactivity(idle));
    AuthManagerLayerBuilder::new(Backend::new(db.clone()), sessions).build()
}

#[cfg(test)]
impl User {
    pub(crate) fn for_tests(role: Role, department_id: Option<i64>) -> Self {
        Self {
            id: 1,
            username: "test".into(),
            display_name: "Test".into(),
            role,
            department_id,
            must_change_password: false,
            password_hash: String::new(),
        }
    }
}
