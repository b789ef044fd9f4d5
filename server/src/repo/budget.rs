//! Budget lines and the indicators each pays for, edited as a department's whole budget
//! for a year.

use super::audit_json;
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::budget::{Budget, BudgetLine, BudgetTotals, IndicatorRef};
use jixiao_domain::field_error;
use jixiao_domain::framework::Phase;
use jixiao_domain::validation::budget_problems;
use sqlx::SqliteConnection;

/// Inserts a line and its links; the budget unit is named by code within the department.
async fn insert_line(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
    line: &BudgetLine,
) -> AppResult<i64> {
    sqlx::query("INSERT OR IGNORE INTO budgets (department_id, year) VALUES (?, ?)")
        .bind(department_id)
        .bind(year)
        .execute(&mut *conn)
        .await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO budget_lines (department_id, unit_id, year, kind, code, name_zh, name_en, amount_fen,
             adjusted_fen, funding_source)
         VALUES (?1, (SELECT id FROM units WHERE department_id = ?1 AND code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         RETURNING id",
    )
    .bind(department_id)
    .bind(&line.unit_code)
    .bind(year)
    .bind(line.kind.as_str())
    .bind(line.code.trim())
    .bind(line.name_zh.trim())
    .bind(line.name_en.trim())
    .bind(line.amount_fen)
    .bind(line.adjusted_fen)
    .bind(line.funding_source.trim())
    .fetch_one(&mut *conn)
    .await
    .map_err(super::conflict_on_unique(text!(
        "budget line {:?} exists for {year}",
        "{year} 年度已有代码为“{}”的预算项目",
        line.code
    )))?;
    link(conn, id, &line.indicator_ids).await?;
    Ok(id)
}

async fn link(conn: &mut SqliteConnection, line_id: i64, indicator_ids: &[i64]) -> AppResult<()> {
    sqlx::query("DELETE FROM budget_line_indicators WHERE budget_line_id = ?")
        .bind(line_id)
        .execute(&mut *conn)
        .await?;
    for indicator_id in indicator_ids {
        sqlx::query("INSERT OR IGNORE INTO budget_line_indicators (budget_line_id, indicator_id) VALUES (?, ?)")
            .bind(line_id)
            .bind(indicator_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Adds one line (demo seeding, compilation), audited.
pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    line: &BudgetLine,
) -> AppResult<i64> {
    let id = insert_line(conn, department_id, year, line).await?;
    audit::record(
        conn,
        actor,
        "create",
        "budget_line",
        id,
        None,
        Some(&audit_json(line)),
    )
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    code: String,
    kind: String,
    name_zh: String,
    name_en: String,
    unit_code: Option<String>,
    amount_fen: i64,
    adjusted_fen: i64,
    funding_source: String,
    suspended: bool,
    suspended_reason: Option<String>,
    links: Option<String>,
}

/// The department's budget for a year, with totals and the indicators lines can pay for.
pub async fn load(conn: &mut SqliteConnection, department_id: i64, year: i32) -> AppResult<Budget> {
    let (code, name_zh, name_en): (String, String, String) =
        sqlx::query_as("SELECT code, name_zh, name_en FROM departments WHERE id = ?")
            .bind(department_id)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| {
                AppError::not_found(text!("department {department_id}", "部门 {department_id}"))
            })?;
    let phase = super::years::phase(conn, year).await?;
    let revision: i64 =
        sqlx::query_scalar("SELECT revision FROM budgets WHERE department_id = ? AND year = ?")
            .bind(department_id)
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?
            .unwrap_or(0);
    let rows: Vec<LineRow> = sqlx::query_as(
        "SELECT b.id, b.code, b.kind, b.name_zh, b.name_en, u.code AS unit_code, b.amount_fen, b.adjusted_fen,
                b.funding_source, b.suspended, b.suspended_reason,
                (SELECT group_concat(indicator_id) FROM budget_line_indicators WHERE budget_line_id = b.id) AS links
         FROM budget_lines b LEFT JOIN units u ON u.id = b.unit_id
         WHERE b.department_id = ? AND b.year = ?
         ORDER BY CASE b.kind WHEN 'personnel' THEN 0 WHEN 'operations' THEN 1 ELSE 2 END, b.code",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let lines = rows
        .into_iter()
        .map(|r| {
            let mut indicator_ids: Vec<i64> = r
                .links
                .as_deref()
                .unwrap_or("")
                .split(',')
                .filter_map(|id| id.parse().ok())
                .collect();
            indicator_ids.sort_unstable();
            Ok(BudgetLine {
                id: Some(r.id),
                code: r.code,
                kind: r.kind.parse()?,
                name_zh: r.name_zh,
                name_en: r.name_en,
                unit_code: r.unit_code,
                amount_fen: r.amount_fen,
                adjusted_fen: r.adjusted_fen,
                funding_source: r.funding_source,
                indicator_ids,
                suspended: r.suspended,
                suspended_reason: r.suspended_reason,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    let indicators: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT i.id, i.name_zh, i.name_en, i.level2 FROM indicators i JOIN indicator_sets s ON s.id = i.set_id
         WHERE s.department_id = ? AND s.year = ? ORDER BY i.position, i.id",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let indicators = indicators
        .into_iter()
        .map(|(id, name_zh, name_en, level2)| {
            Ok(IndicatorRef {
                id,
                name_zh,
                name_en,
                level2: level2.parse()?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok(Budget {
        department: DepartmentRef {
            id: department_id,
            code,
            name_zh,
            name_en,
        },
        year,
        phase,
        revision,
        totals: BudgetTotals::of(&lines),
        lines,
        indicators,
    })
}

/// Saves the whole budget. In planning lines are compiled freely; during execution only
/// adjusted amounts, funding sources and links change (a line with spending stays); after
/// execution the budget is read-only.
pub async fn save(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    revision: i64,
    lines: &[BudgetLine],
) -> AppResult<Budget> {
    let before = load(conn, department_id, year).await?;
    if before.revision != revision {
        return Err(AppError::Stale {
            current: serde_json::to_value(&before).unwrap_or_default(),
        });
    }
    let planning = match before.phase {
        Phase::Planning => true,
        Phase::Execution => false,
        phase => {
            let label = phase.label_zh();
            return Err(AppError::wrong_phase(text!(
                "fiscal year {year} is in {phase}: its budget can no longer change",
                "{year} 年度当前阶段为“{label}”，预算不能再修改"
            )));
        }
    };
    let mut problems = budget_problems(lines, &before.indicators);
    for (i, line) in lines.iter().enumerate() {
        let old = line
            .id
            .and_then(|id| before.lines.iter().find(|l| l.id == Some(id)));
        match (line.id, old) {
            (Some(id), None) => problems.push(field_error!(
                "unknown_line",
                format!("lines[{i}].id"),
                "line {id} is not in this budget",
                "预算项目 {id} 不在本预算中",
            )),
            (None, _) if !planning => problems.push(field_error!(
                "wrong_phase",
                format!("lines[{i}]"),
                "new lines are compiled in planning; during execution only adjusted amounts change",
                "新增预算项目只能在目标编制阶段编制；执行监控阶段只能修改调整后金额",
            )),
            (Some(_), Some(old)) if !planning && (old.amount_fen != line.amount_fen || old.kind != line.kind || old.code != line.code) => {
                problems.push(field_error!(
                    "wrong_phase",
                    format!("lines[{i}].amount_fen"),
                    "the compiled amount, kind and code are fixed once execution starts; change the adjusted amount",
                    "进入执行监控阶段后，批复金额、支出类别和代码不能修改，请修改调整后金额",
                ))
            }
            _ => {}
        }
    }
    for old in &before.lines {
        if !lines.iter().any(|l| l.id == old.id) {
            let spent: bool = sqlx::query_scalar(
                "SELECT EXISTS (SELECT 1 FROM monthly_spending WHERE budget_line_id = ?)",
            )
            .bind(old.id)
            .fetch_one(&mut *conn)
            .await?;
            if spent || !planning {
                problems.push(field_error!(
                    "line_in_use",
                    "lines",
                    "line {} has spending or the year is in execution; it cannot be removed",
                    "预算项目 {} 已有支出或本年度已进入执行监控阶段，不能删除",
                    old.code,
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    for old in &before.lines {
        if !lines.iter().any(|l| l.id == old.id) {
            sqlx::query("DELETE FROM budget_lines WHERE id = ?")
                .bind(old.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    for line in lines {
        match line.id {
            None => {
                insert_line(conn, department_id, year, line).await?;
            }
            Some(id) => {
                sqlx::query(
                    "UPDATE budget_lines SET code = ?, kind = ?, name_zh = ?, name_en = ?, amount_fen = ?, adjusted_fen = ?,
                         funding_source = ?, unit_id = (SELECT id FROM units WHERE department_id = ? AND code = ?)
                     WHERE id = ?",
                )
                .bind(line.code.trim())
                .bind(line.kind.as_str())
                .bind(line.name_zh.trim())
                .bind(line.name_en.trim())
                .bind(line.amount_fen)
                .bind(line.adjusted_fen)
                .bind(line.funding_source.trim())
                .bind(department_id)
                .bind(&line.unit_code)
                .bind(id)
                .execute(&mut *conn)
                .await
                .map_err(super::conflict_on_unique(text!(
                    "budget line {:?} exists for {year}",
                    "{year} 年度已有代码为“{}”的预算项目",
                    line.code
                )))?;
                link(conn, id, &line.indicator_ids).await?;
            }
        }
    }
    sqlx::query(
        "INSERT INTO budgets (department_id, year, revision) VALUES (?, ?, 2)
         ON CONFLICT (department_id, year) DO UPDATE SET revision = revision + 1",
    )
    .bind(department_id)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    let after = load(conn, department_id, year).await?;
    let entity_id = format!("{department_id}/{year}");
    audit::record(
        conn,
        actor,
        "update",
        "budget",
        entity_id,
        Some(&audit_json(&before.lines)),
        Some(&audit_json(&after.lines)),
    )
    .await?;
    Ok(after)
}
