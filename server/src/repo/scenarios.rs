//! Saved what-if scenarios: a department head's (or finance's) changes to a department, or
//! finance's province scenario. Every save runs the domain engine on the data as it stands,
//! so a scenario that no longer fits (a line removed, bounds beyond the pool) is refused with
//! the field at fault; reading one answers the engine's outcome too.

use super::{audit_json, departments, whatif};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::whatif::{Scenario, ScenarioInput, ScenarioKind, ScenarioSummary};
use jixiao_domain::whatif::department::{project, Changes};
use jixiao_domain::whatif::province::allocate;
use jixiao_domain::{field_error, FieldError};
use serde_json::json;
use sqlx::SqliteConnection;

const MAX_NAME: usize = 120;

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    kind: String,
    department_id: Option<i64>,
    code: Option<String>,
    name_zh: Option<String>,
    name_en: Option<String>,
    year: i32,
    name: String,
    payload: String,
    created_by: Option<String>,
    created_at: String,
    updated_at: String,
    revision: i64,
}

const SELECT: &str = "SELECT s.id, s.kind, s.department_id, d.code, d.name_zh, d.name_en, s.year,
        s.name, s.payload, a.username AS created_by, s.created_at, s.updated_at, s.revision
    FROM scenarios s LEFT JOIN departments d ON d.id = s.department_id
    LEFT JOIN accounts a ON a.id = s.created_by";

impl Row {
    fn summary(&self) -> AppResult<ScenarioSummary> {
        Ok(ScenarioSummary {
            id: self.id,
            kind: self.kind.parse()?,
            department: match (self.department_id, &self.code) {
                (Some(id), Some(code)) => Some(DepartmentRef {
                    id,
                    code: code.clone(),
                    name_zh: self.name_zh.clone().unwrap_or_default(),
                    name_en: self.name_en.clone().unwrap_or_default(),
                }),
                _ => None,
            },
            year: self.year,
            name: self.name.clone(),
            created_by: self.created_by.clone(),
            created_at: self.created_at.clone(),
            updated_at: self.updated_at.clone(),
            revision: self.revision,
        })
    }
}

/// Who may see which scenarios.
pub struct Scope {
    /// `None`: every department's.
    pub department_id: Option<i64>,
    pub province: bool,
}

pub struct Filter {
    pub kind: Option<ScenarioKind>,
    pub department_id: Option<i64>,
    pub year: Option<i32>,
}

pub async fn list(
    conn: &mut SqliteConnection,
    scope: &Scope,
    filter: &Filter,
) -> AppResult<Vec<ScenarioSummary>> {
    let sql = format!(
        "{SELECT} WHERE (?1 IS NULL OR s.kind = ?1) AND (?2 IS NULL OR s.department_id = ?2)
           AND (?3 IS NULL OR s.year = ?3)
           AND ((s.kind = 'department' AND (?4 IS NULL OR s.department_id = ?4))
                OR (s.kind = 'province' AND ?5))
         ORDER BY s.updated_at DESC, s.id DESC"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(filter.kind.map(|k| k.as_str()))
        .bind(filter.department_id)
        .bind(filter.year)
        .bind(scope.department_id)
        .bind(scope.province)
        .fetch_all(&mut *conn)
        .await?;
    rows.iter().map(Row::summary).collect()
}

async fn row(conn: &mut SqliteConnection, id: i64) -> AppResult<Row> {
    sqlx::query_as(&format!("{SELECT} WHERE s.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| AppError::not_found(text!("scenario {id}", "情景 {id}")))
}

/// The scenario's kind and department, for the policy to decide on.
pub async fn owner(conn: &mut SqliteConnection, id: i64) -> AppResult<(ScenarioKind, Option<i64>)> {
    let row = row(conn, id).await?;
    Ok((row.kind.parse()?, row.department_id))
}

/// The department a scenario input names (by code), if any.
pub async fn department_of(
    conn: &mut SqliteConnection,
    input: &ScenarioInput,
) -> AppResult<Option<i64>> {
    match input {
        ScenarioInput::Department { department, .. } => {
            Ok(Some(departments::id_by_code(conn, department).await?))
        }
        ScenarioInput::Province { .. } => Ok(None),
    }
}

/// Runs the engine; errors name their field under `input`.
async fn compute(
    conn: &mut SqliteConnection,
    year: i32,
    input: &ScenarioInput,
) -> AppResult<(
    Option<jixiao_domain::whatif::department::Projection>,
    Option<jixiao_domain::whatif::department::Projection>,
    Option<jixiao_domain::whatif::province::ProvinceOutcome>,
)> {
    match input {
        ScenarioInput::Department {
            department,
            changes,
        } => {
            let department_id = departments::id_by_code(conn, department).await?;
            let start = whatif::department(conn, department_id, year).await?;
            let now = project(&start.baseline, &Changes::default())?;
            let projection =
                project(&start.baseline, changes).map_err(|e| e.within("input.changes"))?;
            Ok((Some(now), Some(projection), None))
        }
        ScenarioInput::Province { scenario } => {
            let outcome = allocate(scenario).map_err(|e| e.within("input.scenario"))?;
            Ok((None, None, Some(outcome)))
        }
    }
}

fn name(text: &str) -> Result<String, FieldError> {
    let name = text.trim();
    if name.is_empty() || name.chars().count() > MAX_NAME {
        return Err(field_error!(
            "invalid_name",
            "name",
            "a scenario needs a name of 1 to {MAX_NAME} characters",
            "情景名称须为 1 到 {MAX_NAME} 个字",
        ));
    }
    Ok(name.to_owned())
}

fn payload(input: &ScenarioInput) -> AppResult<String> {
    serde_json::to_string(input).map_err(|e| AppError::Internal(format!("scenario: {e}")))
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> AppResult<Scenario> {
    let row = row(conn, id).await?;
    let input: ScenarioInput = serde_json::from_str(&row.payload)
        .map_err(|e| AppError::Internal(format!("scenario {id}: {e}")))?;
    // The data may have moved on since it was saved: show what the engine makes of it now,
    // or the scenario alone if it no longer fits.
    let (now, projection, allocation) = compute(conn, row.year, &input)
        .await
        .unwrap_or((None, None, None));
    Ok(Scenario {
        summary: row.summary()?,
        input,
        now,
        projection,
        allocation,
    })
}

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    year: i32,
    name_text: &str,
    input: &ScenarioInput,
) -> AppResult<i64> {
    let name = name(name_text)?;
    compute(conn, year, input).await?;
    let department_id = department_of(conn, input).await?;
    let kind = match input {
        ScenarioInput::Department { .. } => ScenarioKind::Department,
        ScenarioInput::Province { .. } => ScenarioKind::Province,
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO scenarios (kind, department_id, year, name, payload, created_by)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(kind.as_str())
    .bind(department_id)
    .bind(year)
    .bind(&name)
    .bind(payload(input)?)
    .bind(actor.id)
    .fetch_one(&mut *conn)
    .await?;
    let after = json!({ "year": year, "name": name, "input": audit_json(input) });
    audit::record(conn, actor, "create", "scenario", id, None, Some(&after)).await?;
    Ok(id)
}

pub async fn update(
    conn: &mut SqliteConnection,
    actor: &Actor,
    id: i64,
    revision: i64,
    name_text: &str,
    input: &ScenarioInput,
) -> AppResult<()> {
    let before = get(conn, id).await?;
    if before.summary.revision != revision {
        return Err(AppError::Stale {
            current: audit_json(&before),
        });
    }
    let same_subject = match (&before.input, input) {
        (
            ScenarioInput::Department { department: a, .. },
            ScenarioInput::Department { department: b, .. },
        ) => a.eq_ignore_ascii_case(b),
        (ScenarioInput::Province { .. }, ScenarioInput::Province { .. }) => true,
        _ => false,
    };
    if !same_subject {
        return Err(field_error!(
            "subject_changed",
            "input",
            "a scenario stays with its department (or the province): save a new one instead",
            "情景不能更换所属部门（或全省），请另存为新情景",
        )
        .into());
    }
    let name = name(name_text)?;
    compute(conn, before.summary.year, input).await?;
    sqlx::query(
        "UPDATE scenarios SET name = ?, payload = ?, revision = revision + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
    )
    .bind(&name)
    .bind(payload(input)?)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let after = json!({ "name": name, "input": audit_json(input) });
    let before = json!({ "name": before.summary.name, "input": audit_json(&before.input) });
    audit::record(
        conn,
        actor,
        "update",
        "scenario",
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(())
}

pub async fn delete(conn: &mut SqliteConnection, actor: &Actor, id: i64) -> AppResult<()> {
    let before = get(conn, id).await?;
    sqlx::query("DELETE FROM scenarios WHERE id = ?")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let before = json!({ "name": before.summary.name, "year": before.summary.year,
                         "input": audit_json(&before.input) });
    audit::record(conn, actor, "delete", "scenario", id, Some(&before), None).await?;
    Ok(())
}
