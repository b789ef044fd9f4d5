//! Accountability cases ("if an expense is ineffective, accountability is triggered"):
//! opened by the results application with the evidence that triggered them, then given an
//! owner, progressed and closed with a resolution by finance.

use super::audit_json;
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::evaluation::{
    AccountabilityCase, CaseEvidence, CaseStatus, CaseTrigger, CaseUpdate,
};
use jixiao_domain::evaluation::MAX_TEXT;
use jixiao_domain::{field_error, FieldError};
use serde_json::json;
use sqlx::SqliteConnection;

/// Longest owner name we keep.
const MAX_OWNER: usize = 200;

pub struct Filter {
    pub department_id: Option<i64>,
    pub year: Option<i32>,
    pub status: Option<CaseStatus>,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    department_id: i64,
    code: String,
    name_zh: String,
    name_en: String,
    year: i32,
    trigger: String,
    description: String,
    evidence: Option<String>,
    owner: Option<String>,
    status: String,
    resolution: Option<String>,
    opened_at: String,
    closed_at: Option<String>,
    revision: i64,
}

impl Row {
    fn into_case(self) -> AppResult<AccountabilityCase> {
        Ok(AccountabilityCase {
            id: self.id,
            department: DepartmentRef {
                id: self.department_id,
                code: self.code,
                name_zh: self.name_zh,
                name_en: self.name_en,
            },
            year: self.year,
            trigger: self.trigger.parse()?,
            description: self.description,
            evidence: self
                .evidence
                .as_deref()
                .and_then(|e| serde_json::from_str(e).ok()),
            owner: self.owner,
            status: self.status.parse()?,
            resolution: self.resolution,
            opened_at: self.opened_at,
            closed_at: self.closed_at,
            revision: self.revision,
        })
    }
}

const SELECT: &str = "SELECT c.id, c.department_id, d.code, d.name_zh, d.name_en, c.year, c.trigger,
        c.description, c.evidence, c.owner, c.status, c.resolution, c.opened_at, c.closed_at, c.revision
    FROM accountability_cases c JOIN departments d ON d.id = c.department_id";

/// Cases by the filter, newest year first, then by department and opening.
pub async fn list(
    conn: &mut SqliteConnection,
    filter: &Filter,
) -> AppResult<Vec<AccountabilityCase>> {
    let sql = format!(
        "{SELECT} WHERE (?1 IS NULL OR c.department_id = ?1) AND (?2 IS NULL OR c.year = ?2)
         AND (?3 IS NULL OR c.status = ?3) ORDER BY c.year DESC, d.code, c.id"
    );
    let rows: Vec<Row> = sqlx::query_as(&sql)
        .bind(filter.department_id)
        .bind(filter.year)
        .bind(filter.status.map(|s| s.as_str()))
        .fetch_all(&mut *conn)
        .await?;
    rows.into_iter().map(Row::into_case).collect()
}

pub async fn get(conn: &mut SqliteConnection, id: i64) -> AppResult<AccountabilityCase> {
    let row: Option<Row> = sqlx::query_as(&format!("{SELECT} WHERE c.id = ?"))
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    row.ok_or_else(|| AppError::not_found(text!("accountability case {id}", "问责案件 {id}")))?
        .into_case()
}

/// What opens a case.
pub struct Opening<'a> {
    pub department_id: i64,
    pub year: i32,
    pub budget_line_id: Option<i64>,
    pub trigger: CaseTrigger,
    pub description: &'a str,
    pub evidence: &'a CaseEvidence,
}

pub async fn open(
    conn: &mut SqliteConnection,
    actor: &Actor,
    case: &Opening<'_>,
) -> AppResult<i64> {
    let evidence = serde_json::to_string(case.evidence)
        .map_err(|e| AppError::Internal(format!("case evidence: {e}")))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accountability_cases (department_id, year, budget_line_id, trigger, description, evidence)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(case.department_id)
    .bind(case.year)
    .bind(case.budget_line_id)
    .bind(case.trigger.as_str())
    .bind(case.description)
    .bind(&evidence)
    .fetch_one(&mut *conn)
    .await?;
    let after = json!({ "department_id": case.department_id, "year": case.year,
        "budget_line_id": case.budget_line_id, "trigger": case.trigger,
        "description": case.description, "evidence": audit_json(case.evidence) });
    audit::record(
        conn,
        actor,
        "open",
        "accountability_case",
        id,
        None,
        Some(&after),
    )
    .await?;
    Ok(id)
}

fn tidy(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

/// Every problem with a case update, by field.
pub fn update_problems(update: &CaseUpdate) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if update
        .owner
        .as_deref()
        .is_some_and(|o| o.chars().count() > MAX_OWNER)
    {
        problems.push(field_error!(
            "too_long",
            "owner",
            "at most {MAX_OWNER} characters",
            "不能超过 {MAX_OWNER} 个字",
        ));
    }
    if update
        .resolution
        .as_deref()
        .is_some_and(|r| r.chars().count() > MAX_TEXT)
    {
        problems.push(field_error!(
            "too_long",
            "resolution",
            "at most {MAX_TEXT} characters",
            "不能超过 {MAX_TEXT} 个字",
        ));
    }
    if update.status == CaseStatus::Closed && tidy(update.resolution.as_deref()).is_none() {
        problems.push(field_error!(
            "resolution_required",
            "resolution",
            "a case is closed with its resolution: say how it was resolved",
            "办结案件须填写处理结果，请说明处理情况",
        ));
    }
    problems
}

/// Finance assigns, progresses, closes or reopens a case at a revision.
pub async fn update(
    conn: &mut SqliteConnection,
    actor: &Actor,
    id: i64,
    update: &CaseUpdate,
) -> AppResult<AccountabilityCase> {
    let before = get(conn, id).await?;
    if before.revision != update.revision {
        return Err(AppError::Stale {
            current: audit_json(&before),
        });
    }
    let problems = update_problems(update);
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    sqlx::query(
        "UPDATE accountability_cases SET owner = ?, status = ?, resolution = ?,
             closed_at = CASE WHEN ? = 'closed'
                 THEN COALESCE(closed_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) END,
             revision = revision + 1
         WHERE id = ?",
    )
    .bind(tidy(update.owner.as_deref()))
    .bind(update.status.as_str())
    .bind(tidy(update.resolution.as_deref()))
    .bind(update.status.as_str())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let after = get(conn, id).await?;
    audit::record(
        conn,
        actor,
        "update",
        "accountability_case",
        id,
        Some(&audit_json(&before)),
        Some(&audit_json(&after)),
    )
    .await?;
    Ok(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_needs_a_resolution() {
        let mut update = CaseUpdate {
            revision: 1,
            owner: Some("王科长".into()),
            status: CaseStatus::Closed,
            resolution: Some("   ".into()),
        };
        let problems = update_problems(&update);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, "resolution");
        update.resolution = Some("Funds recovered; project manager reprimanded".into());
        assert!(update_problems(&update).is_empty());
        update.status = CaseStatus::InProgress;
        update.resolution = None;
        assert!(update_problems(&update).is_empty());
    }
}
