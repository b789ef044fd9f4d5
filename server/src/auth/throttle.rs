//! Login rate limiting: after 5 failures within a minute from one client address, or for
//! one username, further attempts are refused with 429 and `Retry-After` until the oldest
//! of those failures is a minute old. Counted in the database so that every server process
//! sharing it applies the same limit.

use crate::error::{AppError, AppResult};
use sqlx::SqlitePool;
use std::time::{SystemTime, UNIX_EPOCH};

pub const MAX_FAILURES: i64 = 5;
pub const WINDOW_MS: i64 = 60_000;

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Refuses the attempt if the address or the username has used up its failures.
pub async fn check(db: &SqlitePool, ip: &str, username: &str) -> AppResult<()> {
    let now = now_ms();
    let since = now - WINDOW_MS;
    // For each key: how many failures in the window, and when the one that must age out
    // first (the MAX_FAILURES-th newest) happened.
    let blocked_until: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(until) FROM (
             SELECT (SELECT at_ms FROM login_failures WHERE ip = ?1 AND at_ms > ?3
                     ORDER BY at_ms DESC LIMIT 1 OFFSET ?4) + ?5 AS until
             UNION ALL
             SELECT (SELECT at_ms FROM login_failures WHERE username = ?2 AND at_ms > ?3
                     ORDER BY at_ms DESC LIMIT 1 OFFSET ?4) + ?5
         )",
    )
    .bind(ip)
    .bind(username)
    .bind(since)
    .bind(MAX_FAILURES - 1)
    .bind(WINDOW_MS)
    .fetch_one(db)
    .await?;
    match blocked_until {
        Some(until) if until > now => Err(AppError::TooManyRequests {
            retry_after_secs: ((until - now) as u64).div_ceil(1000),
        }),
        _ => Ok(()),
    }
}

/// Counts a failed attempt, and forgets failures older than the window.
pub async fn record_failure(db: &SqlitePool, ip: &str, username: &str) -> AppResult<()> {
    let now = now_ms();
    let mut tx = crate::db::begin_write(db).await?;
    sqlx::query("DELETE FROM login_failures WHERE at_ms <= ?")
        .bind(now - WINDOW_MS)
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO login_failures (ip, username, at_ms) VALUES (?, ?, ?)")
        .bind(ip)
        .bind(username)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// A successful login clears the account's failures (not the address's: one good login
/// must not reset a guessing run against other accounts).
pub async fn clear_account(db: &SqlitePool, username: &str) -> AppResult<()> {
    sqlx::query("DELETE FROM login_failures WHERE username = ?")
        .bind(username)
        .execute(db)
        .await?;
    Ok(())
}
