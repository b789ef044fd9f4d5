//! Fiscal years, their phase and their rules.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::YearRules;
use jixiao_domain::framework::{Phase, PointsAllocation};
use jixiao_domain::lamps::LampThresholds;
use jixiao_domain::results::ResultRules;
use serde_json::json;
use sqlx::SqliteConnection;

/// Opens a year in the planning phase with its (parsed) rules.
pub async fn open(
    conn: &mut SqliteConnection,
    actor: &Actor,
    year: i32,
    rules: YearRules,
) -> AppResult<()> {
    let rules = rules.parse()?;
    let (p, t, r) = (
        rules.points_allocation,
        rules.lamp_thresholds,
        rules.result_rules,
    );
    sqlx::query(
        "INSERT INTO fiscal_years (year, phase, points_budget_execution, points_output, points_effect,
             points_satisfaction, lamp_red_below, lamp_green_from, lamp_blue_from)
         VALUES (?, 'planning', ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(year)
    .bind(p.budget_execution)
    .bind(p.output)
    .bind(p.effect)
    .bind(p.satisfaction)
    .bind(t.red_below)
    .bind(t.green_from)
    .bind(t.blue_from)
    .execute(&mut *conn)
    .await
    .map_err(conflict_on_unique(text!(
        "fiscal year {year} is already open",
        "{year} 年度已开启"
    )))?;
    sqlx::query(
        "INSERT INTO result_rules (year, excellent_bp, good_bp, fair_bp, poor_bp,
             ineffective_spent_bp, ineffective_achievement_bp) VALUES (?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(year)
    .bind(r.excellent_bp)
    .bind(r.good_bp)
    .bind(r.fair_bp)
    .bind(r.poor_bp)
    .bind(r.ineffective_spent_bp)
    .bind(r.ineffective_achievement_bp)
    .execute(&mut *conn)
    .await?;
    let after = json!({ "year": year, "phase": Phase::Planning, "rules": audit_json(&rules) });
    audit::record(conn, actor, "open", "fiscal_year", year, None, Some(&after)).await?;
    Ok(())
}

pub async fn phase(conn: &mut SqliteConnection, year: i32) -> AppResult<Phase> {
    let phase: Option<String> = sqlx::query_scalar("SELECT phase FROM fiscal_years WHERE year = ?")
        .bind(year)
        .fetch_optional(&mut *conn)
        .await?;
    let phase =
        phase.ok_or_else(|| AppError::not_found(text!("fiscal year {year}", "{year} 年度")))?;
    Ok(phase.parse()?)
}

/// Moves a year to its next phase; phases only go forward, one step at a time.
pub async fn advance(
    conn: &mut SqliteConnection,
    actor: &Actor,
    year: i32,
    to: Phase,
) -> AppResult<()> {
    let from = phase(conn, year).await?;
    let next = match from {
        Phase::Planning => Some(Phase::Execution),
        Phase::Execution => Some(Phase::Evaluation),
        Phase::Evaluation => Some(Phase::Closed),
        Phase::Closed => None,
    };
    if next != Some(to) {
        let (from_zh, to_zh) = (from.label_zh(), to.label_zh());
        return Err(AppError::conflict(
            "invalid_phase_change",
            text!(
                "fiscal year {year} is in {from} and cannot move to {to}",
                "{year} 年度当前阶段为“{from_zh}”，不能转入“{to_zh}”阶段"
            ),
        ));
    }
    // A year closes by publishing its results, so no evaluated year closes unseen.
    if to == Phase::Closed && !super::results::is_published(conn, year).await? {
        return Err(AppError::conflict(
            "publish_results_first",
            text!(
                "fiscal year {year} closes when finance publishes its results (every department graded)",
                "{year} 年度须待财政部门公开评价结果（所有部门均已定级）后才能关闭"
            ),
        ));
    }
    sqlx::query(
        "UPDATE fiscal_years SET phase = ?, revision = revision + 1,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE year = ?",
    )
    .bind(to.as_str())
    .bind(year)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        actor,
        "change_phase",
        "fiscal_year",
        year,
        Some(&json!({ "phase": from })),
        Some(&json!({ "phase": to })),
    )
    .await?;
    Ok(())
}

type RulesRow = (
    u32,
    u32,
    u32,
    u32,
    f64,
    f64,
    f64,
    i32,
    i32,
    i32,
    i32,
    i32,
    i32,
);

pub async fn rules(conn: &mut SqliteConnection, year: i32) -> AppResult<YearRules> {
    let row: Option<RulesRow> = sqlx::query_as(
        "SELECT y.points_budget_execution, y.points_output, y.points_effect, y.points_satisfaction,
                y.lamp_red_below, y.lamp_green_from, y.lamp_blue_from,
                r.excellent_bp, r.good_bp, r.fair_bp, r.poor_bp,
                r.ineffective_spent_bp, r.ineffective_achievement_bp
         FROM fiscal_years y JOIN result_rules r ON r.year = y.year WHERE y.year = ?",
    )
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let r = row.ok_or_else(|| AppError::not_found(text!("fiscal year {year}", "{year} 年度")))?;
    Ok(YearRules {
        points_allocation: PointsAllocation {
            budget_execution: r.0,
            output: r.1,
            effect: r.2,
            satisfaction: r.3,
        },
        lamp_thresholds: LampThresholds {
            red_below: r.4,
            green_from: r.5,
            blue_from: r.6,
        },
        result_rules: ResultRules {
            excellent_bp: r.7,
            good_bp: r.8,
            fair_bp: r.9,
            poor_bp: r.10,
            ineffective_spent_bp: r.11,
            ineffective_achievement_bp: r.12,
        },
    })
}

/// Every fiscal year with its phase, rules and revision, newest first.
pub async fn list(
    conn: &mut SqliteConnection,
) -> AppResult<Vec<jixiao_domain::dto::years::FiscalYear>> {
    let rows: Vec<(i32, String, i64)> =
        sqlx::query_as("SELECT year, phase, revision FROM fiscal_years ORDER BY year DESC")
            .fetch_all(&mut *conn)
            .await?;
    let mut years = Vec::with_capacity(rows.len());
    for (year, phase, revision) in rows {
        years.push(jixiao_domain::dto::years::FiscalYear {
            year,
            phase: phase.parse()?,
            rules: rules(conn, year).await?,
            revision,
        });
    }
    Ok(years)
}

pub async fn get(
    conn: &mut SqliteConnection,
    year: i32,
) -> AppResult<jixiao_domain::dto::years::FiscalYear> {
    list(conn)
        .await?
        .into_iter()
        .find(|y| y.year == year)
        .ok_or_else(|| AppError::not_found(text!("fiscal year {year}", "{year} 年度")))
}

/// Refuses a write based on an old revision, answering with the year as it is now.
pub async fn check_revision(
    conn: &mut SqliteConnection,
    year: i32,
    revision: i64,
) -> AppResult<()> {
    let current = get(conn, year).await?;
    if current.revision == revision {
        Ok(())
    } else {
        Err(AppError::Stale {
            current: serde_json::to_value(current).unwrap_or_default(),
        })
    }
}

/// Changes a year's rules. The points allocation shapes the indicator sets, so it changes
/// only in planning; thresholds and result rules until the year is closed.
pub async fn update_rules(
    conn: &mut SqliteConnection,
    actor: &Actor,
    year: i32,
    new: YearRules,
) -> AppResult<()> {
    let new = new.parse()?;
    let before = rules(conn, year).await?;
    let phase = phase(conn, year).await?;
    if phase == Phase::Closed {
        return Err(AppError::wrong_phase(text!(
            "fiscal year {year} is closed and read-only",
            "{year} 年度已关闭，只能查看"
        )));
    }
    if phase != Phase::Planning && new.points_allocation != before.points_allocation {
        let label = phase.label_zh();
        return Err(AppError::wrong_phase(text!(
            "fiscal year {year} is in {phase}: the points allocation is fixed once planning ends",
            "{year} 年度当前阶段为“{label}”，目标编制阶段结束后分值分配不能再修改"
        )));
    }
    let (p, t, r) = (new.points_allocation, new.lamp_thresholds, new.result_rules);
    sqlx::query(
        "UPDATE fiscal_years SET points_budget_execution = ?, points_output = ?, points_effect = ?,
             points_satisfaction = ?, lamp_red_below = ?, lamp_green_from = ?, lamp_blue_from = ?,
             revision = revision + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE year = ?",
    )
    .bind(p.budget_execution)
    .bind(p.output)
    .bind(p.effect)
    .bind(p.satisfaction)
    .bind(t.red_below)
    .bind(t.green_from)
    .bind(t.blue_from)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE result_rules SET excellent_bp = ?, good_bp = ?, fair_bp = ?, poor_bp = ?,
             ineffective_spent_bp = ?, ineffective_achievement_bp = ? WHERE year = ?",
    )
    .bind(r.excellent_bp)
    .bind(r.good_bp)
    .bind(r.fair_bp)
    .bind(r.poor_bp)
    .bind(r.ineffective_spent_bp)
    .bind(r.ineffective_achievement_bp)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        actor,
        "update_rules",
        "fiscal_year",
        year,
        Some(&audit_json(&before)),
        Some(&audit_json(&new)),
    )
    .await?;
    Ok(())
}
