//! The audit log: every write records who, when, which entity, before and after, in the same
//! transaction as the change. Entries are hash-chained — each hash covers the previous
//! entry's hash — so that editing or deleting a row breaks the chain from there on.

use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::SqliteConnection;

/// The hash that the first entry's `prev_hash` holds.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who made a change: an account, or the system itself (seeding, migrations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: Option<i64>,
    pub name: String,
}

impl Actor {
    pub fn system() -> Self {
        Self {
            id: None,
            name: "system".into(),
        }
    }
}

impl From<&crate::auth::User> for Actor {
    fn from(user: &crate::auth::User) -> Self {
        Self {
            id: Some(user.id),
            name: user.username.clone(),
        }
    }
}

/// One entry's content, in the order the hash covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    pub at: &'a str,
    pub actor_id: Option<i64>,
    pub actor_name: &'a str,
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
}

/// SHA-256 over the previous hash and the entry, serialised as one JSON array so that no
/// two different entries share an encoding.
pub fn chain_hash(prev_hash: &str, entry: &Entry<'_>) -> String {
    let canonical = serde_json::json!([
        prev_hash,
        entry.at,
        entry.actor_id,
        entry.actor_name,
        entry.action,
        entry.entity,
        entry.entity_id,
        entry.before,
        entry.after,
    ]);
    hex::encode(Sha256::digest(canonical.to_string().as_bytes()))
}

/// Appends an entry. Call inside the write transaction that makes the change (which holds
/// SQLite's write lock, so no other writer can slip an entry in between read and insert).
pub async fn record(
    conn: &mut SqliteConnection,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: impl ToString,
    before: Option<&Value>,
    after: Option<&Value>,
) -> Result<(), sqlx::Error> {
    let (at, prev_hash): (String, Option<String>) = sqlx::query_as(
        "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1)",
    )
    .fetch_one(&mut *conn)
    .await?;
    let prev_hash = prev_hash.unwrap_or_else(|| GENESIS.to_owned());
    let entity_id = entity_id.to_string();
    let before = before.map(Value::to_string);
    let after = after.map(Value::to_string);
    let entry = Entry {
        at: &at,
        actor_id: actor.id,
        actor_name: &actor.name,
        action,
        entity,
        entity_id: &entity_id,
        before: before.as_deref(),
        after: after.as_deref(),
    };
    let hash = chain_hash(&prev_hash, &entry);
    sqlx::query(
        "INSERT INTO audit_log
             (at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&at)
    .bind(actor.id)
    .bind(&actor.name)
    .bind(action)
    .bind(entity)
    .bind(&entity_id)
    .bind(&before)
    .bind(&after)
    .bind(&prev_hash)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_the_previous_hash_and_every_field() {
        let entry = Entry {
            at: "2026-01-01T00:00:00.000Z",
            actor_id: Some(1),
            actor_name: "finance",
            action: "create",
            entity: "department",
            entity_id: "7",
            before: None,
            after: Some("{\"code\":\"EDU\"}"),
        };
        let base = chain_hash(GENESIS, &entry);
        assert_eq!(base.len(), 64);
        assert_ne!(base, chain_hash(&base, &entry));
        assert_ne!(
            base,
            chain_hash(
                GENESIS,
                &Entry {
                    actor_id: Some(2),
                    ..entry.clone()
                }
            )
        );
        assert_ne!(
            base,
            chain_hash(
                GENESIS,
                &Entry {
                    after: Some("{\"code\":\"EDV\"}"),
                    ..entry
                }
            )
        );
    }
}

/// Reading and verifying the log.
pub mod read {
    use super::{chain_hash, Entry, GENESIS};
    use crate::error::{AppError, AppResult};
    use jixiao_domain::dto::audit::{
        AuditEntry, AuditPage, AuditQuery, AuditVerification, BrokenEntry,
    };
    use jixiao_domain::field_error;
    use sqlx::SqlitePool;

    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        at: String,
        actor_id: Option<i64>,
        actor_name: String,
        action: String,
        entity: String,
        entity_id: String,
        before_json: Option<String>,
        after_json: Option<String>,
        prev_hash: String,
        hash: String,
    }

    const COLUMNS: &str =
        "id, at, actor_id, actor_name, action, entity, entity_id, before_json, after_json, prev_hash, hash";

    fn parse_json(text: Option<String>) -> Option<serde_json::Value> {
        text.and_then(|t| serde_json::from_str(&t).ok())
    }

    /// A page of the log, newest first, filtered.
    pub async fn list(db: &SqlitePool, query: &AuditQuery) -> AppResult<AuditPage> {
        let limit = query.limit.unwrap_or(50);
        if !(1..=500).contains(&limit) {
            return Err(AppError::Invalid(field_error!(
                "invalid_limit",
                "limit",
                "limit must be 1 to 500",
                "条数须为 1 到 500",
            )));
        }
        let rows: Vec<Row> = sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM audit_log
             WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2)
               AND (?3 IS NULL OR actor_name = ?3 COLLATE NOCASE) AND (?4 IS NULL OR action = ?4)
               AND (?5 IS NULL OR at >= ?5) AND (?6 IS NULL OR at < ?6 || '~')
               AND (?7 IS NULL OR id < ?7)
             ORDER BY id DESC LIMIT ?8"
        ))
        .bind(query.entity.as_deref().filter(|s| !s.is_empty()))
        .bind(query.entity_id.as_deref().filter(|s| !s.is_empty()))
        .bind(query.actor.as_deref().filter(|s| !s.is_empty()))
        .bind(query.action.as_deref().filter(|s| !s.is_empty()))
        .bind(query.from.as_deref().filter(|s| !s.is_empty()))
        .bind(query.to.as_deref().filter(|s| !s.is_empty()))
        .bind(query.before)
        .bind(limit + 1)
        .fetch_all(db)
        .await?;
        let more = rows.len() as i64 > limit;
        let entries: Vec<AuditEntry> = rows
            .into_iter()
            .take(limit as usize)
            .map(|r| AuditEntry {
                id: r.id,
                at: r.at,
                actor_id: r.actor_id,
                actor_name: r.actor_name,
                action: r.action,
                entity: r.entity,
                entity_id: r.entity_id,
                before: parse_json(r.before_json),
                after: parse_json(r.after_json),
                hash: r.hash,
            })
            .collect();
        let next_before = more.then(|| entries.last().map(|e| e.id)).flatten();
        Ok(AuditPage {
            entries,
            next_before,
        })
    }

    /// Walks the whole chain: every entry must follow its predecessor and hash to what it
    /// says. Reports the first entry where that fails.
    pub async fn verify(db: &SqlitePool) -> AppResult<AuditVerification> {
        let mut prev = GENESIS.to_owned();
        let mut last_id = 0_i64;
        let mut count = 0_i64;
        loop {
            let rows: Vec<Row> = sqlx::query_as(&format!(
                "SELECT {COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000"
            ))
            .bind(last_id)
            .fetch_all(db)
            .await?;
            if rows.is_empty() {
                break;
            }
            for row in rows {
                count += 1;
                let broken = |reason: &str| AuditVerification {
                    intact: false,
                    entries: count,
                    first_broken: Some(BrokenEntry {
                        id: row.id,
                        reason: reason.to_owned(),
                    }),
                };
                if row.prev_hash != prev {
                    return Ok(broken(
                        "does not follow the previous entry (an entry before it was removed or changed)",
                    ));
                }
                let entry = Entry {
                    at: &row.at,
                    actor_id: row.actor_id,
                    actor_name: &row.actor_name,
                    action: &row.action,
                    entity: &row.entity,
                    entity_id: &row.entity_id,
                    before: row.before_json.as_deref(),
                    after: row.after_json.as_deref(),
                };
                if chain_hash(&row.prev_hash, &entry) != row.hash {
                    return Ok(broken(
                        "its content does not match its hash (it was altered)",
                    ));
                }
                prev = row.hash.clone();
                last_id = row.id;
            }
        }
        Ok(AuditVerification {
            intact: true,
            entries: count,
            first_broken: None,
        })
    }
}
