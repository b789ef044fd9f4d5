//! What a what-if starts from: a department's indicators, lines and monitoring to date; or
//! the province's grades and project budgets of an evaluated year.

use super::evaluation_read;
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::whatif::{
    DepartmentWhatIf, IndicatorLabel, LineLabel, ProvinceRow, ProvinceWhatIf,
};
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::scoring::Grade;
use jixiao_domain::whatif::department::{Baseline, WhatIfIndicator, WhatIfLine};
use jixiao_domain::whatif::province::{raw_allocation, Adjustments};
use sqlx::SqliteConnection;
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    code: String,
    kind: String,
    name_zh: String,
    name_en: String,
    adjusted_fen: i64,
    spent_fen: i64,
}

pub async fn department(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<DepartmentWhatIf> {
    let subject = evaluation_read::subject(conn, department_id, year).await?;
    let rules = super::years::rules(conn, year).await?;
    let indicators = super::set_read::indicators(conn, subject.set_id).await?;
    let execution = evaluation_read::execution(conn, department_id, year).await?;
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT b.id, b.code, b.kind, b.name_zh, b.name_en, b.adjusted_fen,
                COALESCE((SELECT m.spent_to_date_fen FROM monthly_spending m
                          WHERE m.budget_line_id = b.id ORDER BY m.month DESC LIMIT 1), 0) AS spent_fen
         FROM budget_lines b WHERE b.department_id = ? AND b.year = ?
         ORDER BY CASE b.kind WHEN 'personnel' THEN 0 WHEN 'operations' THEN 1 ELSE 2 END, b.code",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT l.indicator_id, l.budget_line_id FROM budget_line_indicators l
         JOIN budget_lines b ON b.id = l.budget_line_id WHERE b.department_id = ? AND b.year = ?",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut paid_by: HashMap<i64, Vec<i64>> = HashMap::new();
    for (indicator, line) in links {
        paid_by.entry(indicator).or_default().push(line);
    }
    let months = execution.month.unwrap_or(0);
    let mut what_if = Vec::with_capacity(indicators.len());
    let mut labels = Vec::with_capacity(indicators.len());
    for indicator in &indicators {
        let id = indicator.id.unwrap_or_default();
        let value_to_date: Option<f64> = sqlx::query_scalar(
            "SELECT value_to_date FROM indicator_values WHERE indicator_id = ? AND month <= ?
             AND value_to_date IS NOT NULL ORDER BY month DESC LIMIT 1",
        )
        .bind(id)
        .bind(months)
        .fetch_optional(&mut *conn)
        .await?;
        let mut line_ids = paid_by.remove(&id).unwrap_or_default();
        line_ids.sort_unstable();
        what_if.push(WhatIfIndicator {
            id,
            direction: indicator.direction,
            accumulation: indicator.accumulation,
            level2: indicator.level2,
            target: indicator.target,
            points: indicator.points,
            elasticity: indicator.elasticity,
            value_to_date,
            rating: None,
            line_ids,
        });
        labels.push(IndicatorLabel {
            id,
            name_zh: indicator.name_zh.clone(),
            name_en: indicator.name_en.clone(),
            unit: indicator.unit.clone(),
            direction: indicator.direction,
            accumulation: indicator.accumulation,
            level2: indicator.level2,
        });
    }
    let mut line_labels = Vec::with_capacity(lines.len());
    let mut what_if_lines = Vec::with_capacity(lines.len());
    for line in lines {
        let kind = line.kind.parse()?;
        what_if_lines.push(WhatIfLine {
            id: line.id,
            kind,
            amount_fen: line.adjusted_fen,
            spent_fen: line.spent_fen,
        });
        line_labels.push(LineLabel {
            id: line.id,
            code: line.code,
            kind,
            name_zh: line.name_zh,
            name_en: line.name_en,
        });
    }
    Ok(DepartmentWhatIf {
        department: subject.department,
        year,
        phase: subject.phase,
        baseline: Baseline {
            months,
            thresholds: rules.lamp_thresholds,
            rules: rules.result_rules,
            indicators: what_if,
            lines: what_if_lines,
        },
        indicators: labels,
        lines: line_labels,
    })
}

/// Each department's grade of `year` (final, else computed so far, else Good assumed) and
/// project budget.
pub async fn province(conn: &mut SqliteConnection, year: i32) -> AppResult<ProvinceWhatIf> {
    let ranking = super::results::ranking(conn, year).await?;
    if ranking.rows.is_empty() {
        return Err(AppError::not_found(text!(
            "approved indicator sets for {year}",
            "{year} 年度已批复的指标体系"
        )));
    }
    let adjustments = Adjustments::from_rules(ranking.rules);
    let mut departments = Vec::with_capacity(ranking.rows.len());
    for row in ranking.rows {
        let (base, grade, provisional) = match (&row.result, row.status) {
            (Some(result), _) => (result.project_base_fen, result.grade, false),
            (None, status) => {
                let base: i64 = sqlx::query_scalar(
                    "SELECT COALESCE(SUM(adjusted_fen), 0) FROM budget_lines
                     WHERE department_id = ? AND year = ? AND kind = 'project'",
                )
                .bind(row.department.id)
                .bind(year)
                .fetch_one(&mut *conn)
                .await?;
                let so_far = if status == EvaluationStatus::NotStarted {
                    None
                } else {
                    let evaluation = evaluation_read::load(conn, row.department.id, year).await?;
                    evaluation.final_grade.or(evaluation.self_grade)
                };
                (base, so_far.unwrap_or(Grade::Good), true)
            }
        };
        departments.push(ProvinceRow {
            department: row.department,
            base,
            grade,
            provisional,
        });
    }
    departments.sort_by(|a, b| a.department.code.cmp(&b.department.code));
    let pool = departments
        .iter()
        .map(|d| raw_allocation(d.base, adjustments.of(d.grade)))
        .sum();
    Ok(ProvinceWhatIf {
        year,
        rules: ranking.rules,
        adjustments,
        pool,
        departments,
    })
}
