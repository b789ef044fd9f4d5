//! Accounts. Passwords are stored only as argon2id hashes, and never audited.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::{Account, AccountChanges, DepartmentRef};
use jixiao_domain::framework::Role;
use jixiao_domain::{field_error, FieldError};
use serde::Serialize;
use serde_json::json;
use sqlx::{SqliteConnection, SqlitePool};

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

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewAccount,
) -> AppResult<i64> {
    check_department(conn, new.role, new.department_id).await?;
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
    .map_err(conflict_on_unique(text!(
        "the username {:?} is taken",
        "用户名“{}”已被使用",
        new.username
    )))?;
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

/// Department roles need an existing department; province roles have none.
async fn check_department(
    conn: &mut SqliteConnection,
    role: Role,
    department_id: Option<i64>,
) -> AppResult<()> {
    match (role.belongs_to_department(), department_id) {
        (true, None) => Err(field_error!(
            "required",
            "department_id",
            "a department role needs a department",
            "部门角色须指定所属部门",
        )
        .into()),
        (false, Some(_)) => Err(field_error!(
            "not_allowed",
            "department_id",
            "finance and assessment accounts belong to no department",
            "财政部门和绩效考评机构的账户不属于任何部门",
        )
        .into()),
        (true, Some(id)) => {
            let exists: bool =
                sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM departments WHERE id = ?)")
                    .bind(id)
                    .fetch_one(&mut *conn)
                    .await?;
            if exists {
                Ok(())
            } else {
                Err(field_error!(
                    "unknown_department",
                    "department_id",
                    "there is no department {id}",
                    "部门 {id} 不存在",
                )
                .into())
            }
        }
        (false, None) => Ok(()),
    }
}

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    disabled: bool,
    must_change_password: bool,
    created_at: String,
    revision: i64,
    department_id: Option<i64>,
    department_code: Option<String>,
    department_name_zh: Option<String>,
    department_name_en: Option<String>,
}

impl AccountRow {
    fn into_account(self) -> AppResult<Account> {
        let department = match (self.department_id, self.department_code) {
            (Some(id), Some(code)) => Some(DepartmentRef {
                id,
                code,
                name_zh: self.department_name_zh.unwrap_or_default(),
                name_en: self.department_name_en.unwrap_or_default(),
            }),
            _ => None,
        };
        Ok(Account {
            id: self.id,
            username: self.username,
            display_name: self.display_name,
            role: self.role.parse()?,
            department,
            disabled: self.disabled,
            must_change_password: self.must_change_password,
            created_at: self.created_at,
            revision: self.revision,
        })
    }
}

const ACCOUNT_SELECT: &str =
    "SELECT a.id, a.username, a.display_name, a.role, a.disabled, a.must_change_password,
        a.created_at, a.revision, a.department_id, d.code AS department_code, d.name_zh AS department_name_zh,
        d.name_en AS department_name_en
    FROM accounts a LEFT JOIN departments d ON d.id = a.department_id";

pub async fn list(db: &SqlitePool) -> AppResult<Vec<Account>> {
    let rows: Vec<AccountRow> = sqlx::query_as(&format!(
        "{ACCOUNT_SELECT} ORDER BY a.role, d.code, a.username"
    ))
    .fetch_all(db)
    .await?;
    rows.into_iter().map(AccountRow::into_account).collect()
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> AppResult<Account> {
    let row: Option<AccountRow> = sqlx::query_as(&format!("{ACCOUNT_SELECT} WHERE a.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.ok_or_else(|| AppError::not_found(text!("account {id}", "账户 {id}")))?
        .into_account()
}

/// Applies finance's changes. Finance cannot disable their own account or give up their own
/// finance role: someone must always be able to manage accounts.
pub async fn update(
    conn: &mut SqliteConnection,
    actor: &Actor,
    id: i64,
    changes: &AccountChanges,
) -> AppResult<Account> {
    let before = get(conn, id).await?;
    if before.revision != changes.revision {
        return Err(AppError::Stale {
            current: serde_json::to_value(&before).unwrap_or_default(),
        });
    }
    let role = changes.role.unwrap_or(before.role);
    let department_id = match changes.department_id {
        Some(value) => value,
        // A change to a province role drops the department; otherwise it stays.
        None if !role.belongs_to_department() => None,
        None => before.department.as_ref().map(|d| d.id),
    };
    let disabled = changes.disabled.unwrap_or(before.disabled);
    if actor.id == Some(id) && (disabled || role != Role::Finance) {
        return Err(AppError::conflict(
            "cannot_lock_yourself_out",
            text!(
                "you cannot disable your own account or give up your own finance role",
                "不能停用自己的账户，也不能取消自己的财政部门角色"
            ),
        ));
    }
    let display_name = match &changes.display_name {
        Some(name) => display_name(name)?,
        None => before.display_name.clone(),
    };
    check_department(conn, role, department_id).await?;
    sqlx::query("UPDATE accounts SET display_name = ?, role = ?, department_id = ?, disabled = ?, revision = revision + 1 WHERE id = ?")
        .bind(&display_name)
        .bind(role.as_str())
        .bind(department_id)
        .bind(disabled)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let after = get(conn, id).await?;
    audit::record(
        conn,
        actor,
        "update",
        "account",
        id,
        Some(&audit_json(&before)),
        Some(&audit_json(&after)),
    )
    .await?;
    Ok(after)
}

/// Sets a new password hash: a reset by finance (`must_change` true) or the user's own change.
pub async fn set_password(
    conn: &mut SqliteConnection,
    actor: &Actor,
    id: i64,
    password_hash: &str,
    must_change: bool,
) -> AppResult<()> {
    let updated = sqlx::query(
        "UPDATE accounts SET password_hash = ?, must_change_password = ?, revision = revision + 1,
             password_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
    .bind(password_hash)
    .bind(must_change)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() == 0 {
        return Err(AppError::not_found(text!("account {id}", "账户 {id}")));
    }
    let action = if must_change {
        "reset_password"
    } else {
        "change_password"
    };
    let after = json!({ "must_change_password": must_change });
    audit::record(conn, actor, action, "account", id, None, Some(&after)).await?;
    Ok(())
}

/// A username: 3–64 characters of lower-case letters, digits, `.`, `_` and `-`.
pub fn username(text: &str) -> Result<String, FieldError> {
    let name = text.trim().to_lowercase();
    let valid = (3..=64).contains(&name.len())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if valid {
        Ok(name)
    } else {
        Err(field_error!(
            "invalid_username",
            "username",
            "a username has 3 to 64 characters: letters, digits, '.', '_' or '-'",
            "用户名须为 3 到 64 个字符，只能包含字母、数字、“.”、“_”或“-”",
        ))
    }
}

pub fn display_name(text: &str) -> Result<String, FieldError> {
    let name = text.trim();
    if name.is_empty() || name.chars().count() > 100 {
        Err(field_error!(
            "invalid_display_name",
            "display_name",
            "a display name has 1 to 100 characters",
            "显示名称须为 1 到 100 个字符",
        ))
    } else {
        Ok(name.to_owned())
    }
}

pub async fn department_ref(db: &SqlitePool, id: Option<i64>) -> AppResult<Option<DepartmentRef>> {
    let Some(id) = id else { return Ok(None) };
    let row: Option<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, code, name_zh, name_en FROM departments WHERE id = ?")
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(row.map(|(id, code, name_zh, name_en)| DepartmentRef {
        id,
        code,
        name_zh,
        name_en,
    }))
}
