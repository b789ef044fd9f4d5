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
