//! Year-end evaluation: the department's self-evaluation, finance's re-evaluation (which may
//! override a figure, with a reason), the final score and grade, publication, and the
//! results application that follows from the grade.

use super::audit_json;
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::framework::Direction;
use jixiao_domain::results::{opens_accountability_case, wins_excellent_prize};
use jixiao_domain::scoring::{score, total_and_grade, Grade, Measure, Points, Rating, RawMeasure};
use jixiao_domain::FieldError;
use serde::Serialize;
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;

/// An evaluator's figures for one indicator.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Figures {
    pub indicator_id: i64,
    pub actual: Option<f64>,
    pub rating: Option<Rating>,
    pub percent: Option<f64>,
    pub note: Option<String>,
}

/// Scores figures against the set's indicators; every indicator needs figures.
async fn score_figures(
    conn: &mut SqliteConnection,
    set_id: i64,
    figures: &[Figures],
) -> AppResult<(Vec<(i64, f64)>, f64, Grade)> {
    let indicators: Vec<(i64, String, Option<f64>, f64)> = sqlx::query_as(
        "SELECT id, direction, target, points FROM indicators WHERE set_id = ? ORDER BY position",
    )
    .bind(set_id)
    .fetch_all(&mut *conn)
    .await?;
    let by_id: HashMap<i64, &Figures> = figures.iter().map(|f| (f.indicator_id, f)).collect();
    let mut scores = Vec::with_capacity(indicators.len());
    for (index, (id, direction, target, points)) in indicators.into_iter().enumerate() {
        let path = format!("items[{index}]");
        let figures = by_id.get(&id).ok_or_else(|| {
            FieldError::new("required", &path, format!("indicator {id} has no figures"))
        })?;
        let direction: Direction = direction.parse()?;
        let raw = RawMeasure {
            target,
            actual: figures.actual,
            rating: figures.rating,
            percent: figures.percent,
        };
        let measure = Measure::parse(direction, &raw).map_err(|e| e.within(&path))?;
        let points = Points::parse(points).map_err(|e| e.within(&path))?;
        scores.push((id, score(measure, points).score));
    }
    let (total, grade) = total_and_grade(scores.iter().map(|(_, s)| *s));
    Ok((scores, total, grade))
}

/// The department's signed-off self-evaluation of a set. Returns the evaluation's id.
pub async fn self_evaluate(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    figures: &[Figures],
) -> AppResult<i64> {
    let (_, total, _) = score_figures(conn, set_id, figures).await?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO evaluations (set_id, status, self_total, self_signed_off_by, self_signed_off_at)
         VALUES (?, 'self_submitted', ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) RETURNING id",
    )
    .bind(set_id)
    .bind(total)
    .bind(actor.id)
    .fetch_one(&mut *conn)
    .await
    .map_err(super::conflict_on_unique("this indicator set has already been evaluated"))?;
    for f in figures {
        sqlx::query(
            "INSERT INTO evaluation_items (evaluation_id, indicator_id, self_actual, self_rating,
                 self_percent, deviation_cause) VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(f.indicator_id)
        .bind(f.actual)
        .bind(f.rating.map(|r| r.as_str()))
        .bind(f.percent)
        .bind(&f.note)
        .execute(&mut *conn)
        .await?;
    }
    let after = json!({ "set_id": set_id, "self_total": total, "items": audit_json(&figures) });
    audit::record(
        conn,
        actor,
        "self_evaluate",
        "evaluation",
        id,
        None,
        Some(&after),
    )
    .await?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct SelfFigures {
    indicator_id: i64,
    self_actual: Option<f64>,
    self_rating: Option<String>,
    self_percent: Option<f64>,
}

/// Finance's re-evaluation: the department's figures stand unless overridden (each
/// override carries its reason in `note`). Scores, total and grade are computed here.
pub async fn reevaluate(
    conn: &mut SqliteConnection,
    actor: &Actor,
    evaluation_id: i64,
    overrides: &[Figures],
    assessment_remarks: Option<&str>,
) -> AppResult<(f64, Grade)> {
    let set_id: i64 = sqlx::query_scalar("SELECT set_id FROM evaluations WHERE id = ?")
        .bind(evaluation_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| AppError::not_found(format!("evaluation {evaluation_id}")))?;
    let rows: Vec<SelfFigures> = sqlx::query_as(
        "SELECT indicator_id, self_actual, self_rating, self_percent FROM evaluation_items WHERE evaluation_id = ?",
    )
    .bind(evaluation_id)
    .fetch_all(&mut *conn)
    .await?;
    let overridden: HashMap<i64, &Figures> =
        overrides.iter().map(|f| (f.indicator_id, f)).collect();
    let mut finals = Vec::with_capacity(rows.len());
    for row in rows {
        finals.push(match overridden.get(&row.indicator_id) {
            Some(f) => (*f).clone(),
            None => Figures {
                indicator_id: row.indicator_id,
                actual: row.self_actual,
                rating: row.self_rating.map(|r| r.parse()).transpose()?,
                percent: row.self_percent,
                note: None,
            },
        });
    }
    let (scores, total, grade) = score_figures(conn, set_id, &finals).await?;
    let scores: HashMap<i64, f64> = scores.into_iter().collect();
    for f in &finals {
        sqlx::query(
            "UPDATE evaluation_items SET final_actual = ?, final_rating = ?, final_percent = ?,
                 override_reason = ?, score = ? WHERE evaluation_id = ? AND indicator_id = ?",
        )
        .bind(f.actual)
        .bind(f.rating.map(|r| r.as_str()))
        .bind(f.percent)
        .bind(&f.note)
        .bind(scores.get(&f.indicator_id))
        .bind(evaluation_id)
        .bind(f.indicator_id)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "UPDATE evaluations SET status = 'final', final_total = ?, grade = ?, reevaluated_by = ?,
             reevaluated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), assessment_remarks = ? WHERE id = ?",
    )
    .bind(total)
    .bind(grade.as_str())
    .bind(actor.id)
    .bind(assessment_remarks)
    .bind(evaluation_id)
    .execute(&mut *conn)
    .await?;
    let after =
        json!({ "final_total": total, "grade": grade, "overrides": audit_json(&overrides) });
    audit::record(
        conn,
        actor,
        "reevaluate",
        "evaluation",
        evaluation_id,
        None,
        Some(&after),
    )
    .await?;
    Ok((total, grade))
}

pub async fn publish(
    conn: &mut SqliteConnection,
    actor: &Actor,
    evaluation_id: i64,
) -> AppResult<()> {
    let updated = sqlx::query(
        "UPDATE evaluations SET published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ? AND status = 'final' AND published_at IS NULL",
    )
    .bind(evaluation_id)
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() != 1 {
        return Err(AppError::Conflict {
            code: "not_publishable",
            message: "only a final, unpublished evaluation can be published".into(),
        });
    }
    audit::record(
        conn,
        actor,
        "publish",
        "evaluation",
        evaluation_id,
        None,
        None,
    )
    .await?;
    Ok(())
}

/// Applies the year's result rules to a final evaluation: next year's project budget,
/// the Excellent prize, and accountability cases (a Poor grade; a project line that spent
/// its money while every indicator it pays for fell short).
pub async fn apply_results(
    conn: &mut SqliteConnection,
    actor: &Actor,
    evaluation_id: i64,
) -> AppResult<()> {
    let (department_id, year, total, grade): (i64, i32, f64, String) = sqlx::query_as(
        "SELECT s.department_id, s.year, e.final_total, e.grade FROM evaluations e
         JOIN indicator_sets s ON s.id = e.set_id WHERE e.id = ? AND e.status = 'final'",
    )
    .bind(evaluation_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::Conflict {
        code: "not_final",
        message: "results follow only from a final evaluation".into(),
    })?;
    let grade: Grade = grade.parse()?;
    let rules = super::years::rules(conn, year).await?.result_rules;
    // Project lines with their spending at the last reported month.
    let lines: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT b.id, b.name_zh, b.adjusted_fen,
                COALESCE((SELECT spent_to_date_fen FROM monthly_spending m WHERE m.budget_line_id = b.id
                          ORDER BY month DESC LIMIT 1), 0)
         FROM budget_lines b WHERE b.department_id = ? AND b.year = ? AND b.kind = 'project' ORDER BY b.code",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let base: i64 = lines.iter().map(|l| l.2).sum();
    let next_year = rules.next_year_budget(base, grade);
    let prize = wins_excellent_prize(grade);
    sqlx::query(
        "INSERT INTO result_applications (department_id, year, grade, total, project_base_fen,
             adjustment_bp, next_year_fen, prize) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(department_id)
    .bind(year)
    .bind(grade.as_str())
    .bind(total)
    .bind(base)
    .bind(rules.adjustment_bp(grade))
    .bind(next_year)
    .bind(prize)
    .execute(&mut *conn)
    .await
    .map_err(super::conflict_on_unique(
        "results have already been applied for this year",
    ))?;
    let entity_id = format!("{department_id}/{year}");
    let after = json!({ "grade": grade, "total": total, "project_base_fen": base,
                        "next_year_fen": next_year, "prize": prize });
    audit::record(
        conn,
        actor,
        "apply",
        "result_application",
        &entity_id,
        None,
        Some(&after),
    )
    .await?;
    if opens_accountability_case(grade) {
        let description = format!("Grade Poor (差) with a total of {total:.2} for {year}");
        open_case(
            conn,
            actor,
            department_id,
            year,
            None,
            "poor_grade",
            &description,
        )
        .await?;
    }
    for (line_id, name, budget, spent) in lines {
        let linked: Vec<(f64, f64)> = sqlx::query_as(
            "SELECT COALESCE(ei.score, 0), i.points FROM budget_line_indicators bli
             JOIN indicators i ON i.id = bli.indicator_id
             JOIN evaluation_items ei ON ei.indicator_id = i.id AND ei.evaluation_id = ?
             WHERE bli.budget_line_id = ?",
        )
        .bind(evaluation_id)
        .bind(line_id)
        .fetch_all(&mut *conn)
        .await?;
        if rules.spending_was_ineffective(budget, spent, &linked) {
            let description = format!(
                "Ineffective spending: {name} spent {:.0}% of its budget while every indicator it pays for scored below {}% of its points",
                spent as f64 * 100.0 / budget as f64,
                rules.ineffective_achievement_bp / 100
            );
            open_case(
                conn,
                actor,
                department_id,
                year,
                Some(line_id),
                "ineffective_spending",
                &description,
            )
            .await?;
        }
    }
    Ok(())
}

async fn open_case(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    budget_line_id: Option<i64>,
    trigger: &str,
    description: &str,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO accountability_cases (department_id, year, budget_line_id, trigger, description)
         VALUES (?, ?, ?, ?, ?) RETURNING id",
    )
    .bind(department_id)
    .bind(year)
    .bind(budget_line_id)
    .bind(trigger)
    .bind(description)
    .fetch_one(&mut *conn)
    .await?;
    let after = json!({ "department_id": department_id, "year": year, "budget_line_id": budget_line_id,
                        "trigger": trigger, "description": description });
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
