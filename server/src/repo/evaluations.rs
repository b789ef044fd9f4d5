//! Year-end evaluation writes (DESIGN §1 step 4): the department's self-evaluation draft and
//! sign-off, finance's re-evaluation (overrides, each with a reason), the assessment agency's
//! remarks, and finalisation, which fixes the grade computed here and applies the year's
//! result rules (see [`super::results`]). Every write names the revision it was based on.

use super::audit_json;
use super::evaluation_read::{self as read, ItemRow, Working};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::evaluation::{OverrideUpdate, SelfItemUpdate};
use jixiao_domain::evaluation::{
    overrides, reevaluation_problems, self_evaluation_problems, EvaluationStatus, Figures,
    Override, SelfEntry, MAX_TEXT,
};
use jixiao_domain::framework::Phase;
use jixiao_domain::{field_error, FieldError};
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// The evaluation as it stands, after checking the phase and the caller's revision.
async fn open_for_change(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
    revision: i64,
) -> AppResult<Working> {
    let working = read::working(conn, department_id, year).await?;
    if working.subject.phase != Phase::Evaluation {
        let (phase, label) = (working.subject.phase, working.subject.phase.label_zh());
        return Err(AppError::wrong_phase(text!(
            "fiscal year {year} is in {phase}: evaluations are entered only in the evaluation phase",
            "{year} 年度当前阶段为“{label}”，只能在评价阶段填报评价"
        )));
    }
    if working.revision() != revision {
        let current = read::load(conn, department_id, year).await?;
        return Err(AppError::Stale {
            current: audit_json(&current),
        });
    }
    Ok(working)
}

/// `doing` in English and Chinese, e.g. `("signing off", "签署自评")`.
fn wrong_status(status: EvaluationStatus, doing: (&str, &str)) -> AppError {
    let (en, zh) = (status.label_en(), status.label_zh());
    let (doing, doing_zh) = doing;
    AppError::conflict(
        "wrong_evaluation_status",
        text!(
            "the evaluation is “{en}” ({zh}): {doing} is not possible now",
            "评价状态为“{zh}”，现在不能{doing_zh}"
        ),
    )
}

/// Each indicator's position in a request that lists indicators by id: every indicator of
/// the set at most once (`all`: exactly once). Problems name `{list}[i].indicator_id`.
fn positions(
    working: &Working,
    ids: impl Iterator<Item = i64>,
    list: &str,
    all: bool,
) -> AppResult<HashMap<i64, usize>> {
    let known: HashMap<i64, usize> = working
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (row.indicator_id, index))
        .collect();
    let mut seen = HashMap::new();
    let mut problems = Vec::new();
    for (position, id) in ids.enumerate() {
        let path = format!("{list}[{position}].indicator_id");
        if !known.contains_key(&id) {
            problems.push(field_error!(
                "unknown_indicator",
                path,
                "indicator {id} is not in this set",
                "指标 {id} 不在本指标体系中",
            ));
        } else if seen.insert(id, position).is_some() {
            problems.push(field_error!(
                "duplicate_indicator",
                path,
                "indicator {id} is listed twice",
                "指标 {id} 重复出现",
            ));
        }
    }
    if all && problems.is_empty() && seen.len() != known.len() {
        problems.push(field_error!(
            "incomplete",
            list,
            "list every indicator of the set, each once",
            "须列出指标体系中的每项指标，且每项只列一次",
        ));
    }
    if problems.is_empty() {
        Ok(seen)
    } else {
        Err(AppError::InvalidMany(problems))
    }
}

/// Rewrites `items[k]` (k: the indicator's place in the set) to the request's own index.
fn in_request(mut problem: FieldError, request_index: &[usize]) -> FieldError {
    if let Some(rest) = problem.field.strip_prefix("items[") {
        if let Some((k, tail)) = rest.split_once(']') {
            if let Some(index) = k.parse::<usize>().ok().and_then(|k| request_index.get(k)) {
                problem.field = format!("items[{index}]{tail}");
            }
        }
    }
    problem
}

fn entries(working: &Working) -> AppResult<Vec<SelfEntry>> {
    working
        .rows
        .iter()
        .map(|row| {
            Ok(SelfEntry {
                figures: row.own()?,
                cause: row.deviation_cause.clone(),
                evidence: row.evidence.clone(),
            })
        })
        .collect()
}

/// Saves the department's draft: every indicator's figures, cause and evidence. What is
/// there must be valid; it may be incomplete until sign-off.
pub async fn save_self(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    revision: i64,
    items: &[SelfItemUpdate],
) -> AppResult<()> {
    let mut working = open_for_change(conn, department_id, year, revision).await?;
    let status = working.status()?;
    if !matches!(
        status,
        EvaluationStatus::NotStarted | EvaluationStatus::SelfDraft
    ) {
        return Err(wrong_status(
            status,
            ("changing the self-evaluation", "修改自评"),
        ));
    }
    let by_id = positions(
        &working,
        items.iter().map(|i| i.indicator_id),
        "items",
        true,
    )?;
    // Problems are found in the set's order and reported at the request's positions.
    let request_index: Vec<usize> = working
        .rows
        .iter()
        .map(|r| by_id[&r.indicator_id])
        .collect();
    for (row, &position) in working.rows.iter_mut().zip(&request_index) {
        let item = &items[position];
        row.self_actual = item.actual;
        row.self_rating = item.rating.map(|r| r.as_str().to_owned());
        row.self_percent = item.percent;
        row.deviation_cause = item.cause.clone().filter(|c| !c.trim().is_empty());
        row.evidence = item.evidence.clone().filter(|e| !e.trim().is_empty());
    }
    let problems: Vec<FieldError> =
        self_evaluation_problems(&working.terms(), &entries(&working)?, false)
            .into_iter()
            .map(|p| in_request(p, &request_index))
            .collect();
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    let before = working
        .stored
        .as_ref()
        .map(|_| audit_json(&snapshot(&working.rows)));
    let evaluation_id =
        match &working.stored {
            Some(stored) => {
                sqlx::query("UPDATE evaluations SET revision = revision + 1 WHERE id = ?")
                    .bind(stored.id)
                    .execute(&mut *conn)
                    .await?;
                stored.id
            }
            None => sqlx::query_scalar(
                "INSERT INTO evaluations (set_id, status) VALUES (?, 'self_draft') RETURNING id",
            )
            .bind(working.subject.set_id)
            .fetch_one(&mut *conn)
            .await?,
        };
    for row in &working.rows {
        sqlx::query(
            "INSERT INTO evaluation_items (evaluation_id, indicator_id, self_actual, self_rating,
                 self_percent, deviation_cause, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (evaluation_id, indicator_id) DO UPDATE SET self_actual = excluded.self_actual,
                 self_rating = excluded.self_rating, self_percent = excluded.self_percent,
                 deviation_cause = excluded.deviation_cause, evidence = excluded.evidence",
        )
        .bind(evaluation_id)
        .bind(row.indicator_id)
        .bind(row.self_actual)
        .bind(&row.self_rating)
        .bind(row.self_percent)
        .bind(&row.deviation_cause)
        .bind(&row.evidence)
        .execute(&mut *conn)
        .await?;
    }
    let after = json!({ "department_id": department_id, "year": year,
                        "items": snapshot(&working.rows) });
    audit::record(
        conn,
        actor,
        "save_self_evaluation",
        "evaluation",
        evaluation_id,
        before.as_ref(),
        Some(&after),
    )
    .await?;
    Ok(())
}

/// The stored figures of every item, for the audit log.
fn snapshot(rows: &[ItemRow]) -> serde_json::Value {
    rows.iter()
        .map(|r| {
            json!({ "indicator_id": r.indicator_id, "actual": r.self_actual,
                "rating": r.self_rating, "percent": r.self_percent, "cause": r.deviation_cause,
                "evidence": r.evidence, "override": r.override_reason.as_ref().map(|reason| json!({
                    "actual": r.final_actual, "rating": r.final_rating,
                    "percent": r.final_percent, "reason": reason })) })
        })
        .collect()
}

/// The head signs the self-evaluation off: complete, with every cause. Read-only for the
/// department from then on.
pub async fn sign_off(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    revision: i64,
) -> AppResult<()> {
    let working = open_for_change(conn, department_id, year, revision).await?;
    let status = working.status()?;
    let Some(stored) = working
        .stored
        .as_ref()
        .filter(|_| status == EvaluationStatus::SelfDraft)
    else {
        return Err(wrong_status(status, ("signing off", "签署自评")));
    };
    let problems = self_evaluation_problems(&working.terms(), &entries(&working)?, true);
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    let own = working
        .rows
        .iter()
        .map(ItemRow::own)
        .collect::<AppResult<Vec<_>>>()?;
    let refs: Vec<&Figures> = own.iter().collect();
    let outcome = jixiao_domain::evaluation::outcome(&working.terms(), &refs)?;
    sqlx::query(&format!(
        "UPDATE evaluations SET status = 'self_submitted', self_total = ?, self_signed_off_by = ?,
             self_signed_off_at = {NOW}, revision = revision + 1 WHERE id = ?"
    ))
    .bind(outcome.total)
    .bind(actor.id)
    .bind(stored.id)
    .execute(&mut *conn)
    .await?;
    let after = json!({ "status": "self_submitted", "self_total": outcome.total,
                        "self_grade": outcome.grade });
    audit::record(
        conn,
        actor,
        "sign_off",
        "evaluation",
        stored.id,
        None,
        Some(&after),
    )
    .await?;
    Ok(())
}

/// Finance's overrides: the complete list (an indicator left out keeps the department's
/// figures; figures equal to the department's are not an override). Each needs a reason.
pub async fn save_reevaluation(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    revision: i64,
    given: &[OverrideUpdate],
) -> AppResult<()> {
    let mut working = open_for_change(conn, department_id, year, revision).await?;
    let status = working.status()?;
    let stored_id = match (&working.stored, status) {
        (Some(s), EvaluationStatus::SelfSubmitted | EvaluationStatus::Reevaluated) => s.id,
        _ => return Err(wrong_status(status, ("re-evaluating", "复评"))),
    };
    let by_id = positions(
        &working,
        given.iter().map(|o| o.indicator_id),
        "overrides",
        false,
    )?;
    let terms = working.terms();
    let own = working
        .rows
        .iter()
        .map(ItemRow::own)
        .collect::<AppResult<Vec<_>>>()?;
    let proposed: Vec<Option<Override>> = working
        .rows
        .iter()
        .map(|row| {
            by_id.get(&row.indicator_id).map(|&p| Override {
                figures: Figures {
                    actual: given[p].actual,
                    rating: given[p].rating,
                    percent: given[p].percent,
                },
                reason: given[p].reason.clone(),
            })
        })
        .collect();
    let problems = reevaluation_problems(&terms, &own, &proposed);
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    let before = snapshot(&working.rows);
    for (((row, proposal), own), terms) in
        working.rows.iter_mut().zip(proposed).zip(&own).zip(&terms)
    {
        let kept = proposal.filter(|o| overrides(terms.direction, own, &o.figures));
        let figures = kept.as_ref().map(|o| o.figures.normalized(terms.direction));
        row.final_actual = figures.as_ref().and_then(|f| f.actual);
        row.final_rating = figures
            .as_ref()
            .and_then(|f| f.rating)
            .map(|r| r.as_str().to_owned());
        row.final_percent = figures.as_ref().and_then(|f| f.percent);
        row.override_reason = kept.and_then(|o| o.reason).map(|r| r.trim().to_owned());
        sqlx::query(
            "UPDATE evaluation_items SET final_actual = ?, final_rating = ?, final_percent = ?,
                 override_reason = ? WHERE evaluation_id = ? AND indicator_id = ?",
        )
        .bind(row.final_actual)
        .bind(&row.final_rating)
        .bind(row.final_percent)
        .bind(&row.override_reason)
        .bind(stored_id)
        .bind(row.indicator_id)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(&format!(
        "UPDATE evaluations SET status = 'reevaluated', reevaluated_by = ?, reevaluated_at = {NOW},
             revision = revision + 1 WHERE id = ?"
    ))
    .bind(actor.id)
    .bind(stored_id)
    .execute(&mut *conn)
    .await?;
    let after = snapshot(&working.rows);
    audit::record(
        conn,
        actor,
        "reevaluate",
        "evaluation",
        stored_id,
        Some(&before),
        Some(&after),
    )
    .await?;
    Ok(())
}

/// The assessment agency's key-work remarks (while the year is being evaluated).
pub async fn save_remarks(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    revision: i64,
    remarks: &str,
) -> AppResult<()> {
    let working = open_for_change(conn, department_id, year, revision).await?;
    let Some(stored) = &working.stored else {
        return Err(wrong_status(
            EvaluationStatus::NotStarted,
            ("remarking", "填写评语"),
        ));
    };
    let remarks = remarks.trim();
    if remarks.chars().count() > MAX_TEXT {
        return Err(field_error!(
            "too_long",
            "remarks",
            "at most {MAX_TEXT} characters",
            "不能超过 {MAX_TEXT} 个字",
        )
        .into());
    }
    let remarks = (!remarks.is_empty()).then_some(remarks);
    sqlx::query(&format!(
        "UPDATE evaluations SET assessment_remarks = ?, remarks_by = ?, remarks_at = {NOW},
             revision = revision + 1 WHERE id = ?"
    ))
    .bind(remarks)
    .bind(actor.id)
    .bind(stored.id)
    .execute(&mut *conn)
    .await?;
    audit::record(
        conn,
        actor,
        "remark",
        "evaluation",
        stored.id,
        Some(&json!({ "remarks": stored.assessment_remarks })),
        Some(&json!({ "remarks": remarks })),
    )
    .await?;
    Ok(())
}

/// Finance fixes the grade from the figures that count — computed here, never taken from
/// the client — and applies the year's result rules.
pub async fn finalize(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    revision: i64,
) -> AppResult<()> {
    let working = open_for_change(conn, department_id, year, revision).await?;
    let status = working.status()?;
    let stored_id = match (&working.stored, status) {
        (Some(s), EvaluationStatus::SelfSubmitted | EvaluationStatus::Reevaluated) => s.id,
        _ => return Err(wrong_status(status, ("finalising the grade", "确定等级"))),
    };
    let counting = working
        .rows
        .iter()
        .map(ItemRow::counting)
        .collect::<AppResult<Vec<_>>>()?;
    let refs: Vec<&Figures> = counting.iter().collect();
    let outcome = jixiao_domain::evaluation::outcome(&working.terms(), &refs)?;
    for ((row, figures), scored) in working.rows.iter().zip(&counting).zip(&outcome.scores) {
        sqlx::query(
            "UPDATE evaluation_items SET final_actual = ?, final_rating = ?, final_percent = ?, score = ?
             WHERE evaluation_id = ? AND indicator_id = ?",
        )
        .bind(figures.actual)
        .bind(figures.rating.map(|r| r.as_str()))
        .bind(figures.percent)
        .bind(scored.score)
        .bind(stored_id)
        .bind(row.indicator_id)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(&format!(
        "UPDATE evaluations SET status = 'final', final_total = ?, grade = ?,
             reevaluated_by = COALESCE(reevaluated_by, ?), reevaluated_at = COALESCE(reevaluated_at, {NOW}),
             revision = revision + 1 WHERE id = ?"
    ))
    .bind(outcome.total)
    .bind(outcome.grade.as_str())
    .bind(actor.id)
    .bind(stored_id)
    .execute(&mut *conn)
    .await?;
    let after = json!({ "status": "final", "final_total": outcome.total, "grade": outcome.grade,
                        "scores": outcome.scores.iter().map(|s| s.score).collect::<Vec<_>>() });
    audit::record(
        conn,
        actor,
        "finalize",
        "evaluation",
        stored_id,
        None,
        Some(&after),
    )
    .await?;
    super::results::apply(
        conn,
        actor,
        &working,
        stored_id,
        outcome.total,
        outcome.grade,
    )
    .await
}
