//! Reading a department's evaluation of a year: the approved set's indicators with what
//! monitoring says at year end, the department's and finance's figures, and the scores the
//! domain computes from them — nothing stored as a score is shown without its inputs.

use super::cases;
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::evaluation::{
    Evaluation, EvaluationItem, Execution, ItemScore, ResultApplication, Signature,
};
use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::evaluation::{needs_cause, outcome, EvaluationStatus, Figures, Terms};
use jixiao_domain::framework::{Direction, IndicatorOrigin, Phase};
use jixiao_domain::scoring::{Grade, Scored};
use sqlx::SqliteConnection;
use std::collections::HashMap;

/// The set being evaluated: a department's approved (or published) set of a year.
pub struct Subject {
    pub department: DepartmentRef,
    pub year: i32,
    pub set_id: i64,
    pub phase: Phase,
}

pub async fn subject(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Subject> {
    let row: Option<(i64, String, String, String, String, i64, String)> = sqlx::query_as(
        "SELECT d.id, d.code, d.name_zh, d.name_en, y.phase, s.id, s.status
         FROM departments d JOIN indicator_sets s ON s.department_id = d.id
         JOIN fiscal_years y ON y.year = s.year WHERE d.id = ? AND s.year = ?",
    )
    .bind(department_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    let (id, code, name_zh, name_en, phase, set_id, status) = row.ok_or_else(|| {
        AppError::not_found(text!(
            "an indicator set of department {department_id} for {year}",
            "部门 {department_id} 的 {year} 年度指标体系"
        ))
    })?;
    if !matches!(status.as_str(), "approved" | "published") {
        let label = status
            .parse::<jixiao_domain::framework::SetStatus>()
            .map_or(status.as_str(), |s| s.label_zh());
        return Err(AppError::conflict(
            "set_not_approved",
            text!(
                "the {year} indicator set is {status}: only an approved set is evaluated",
                "{year} 年度指标体系的状态为“{label}”，只有已批复的指标体系才能评价"
            ),
        ));
    }
    Ok(Subject {
        department: DepartmentRef {
            id,
            code,
            name_zh,
            name_en,
        },
        year,
        set_id,
        phase: phase.parse()?,
    })
}

/// The evaluation row, if the department has started.
#[derive(sqlx::FromRow)]
pub struct Stored {
    pub id: i64,
    pub status: String,
    pub revision: i64,
    pub final_total: Option<f64>,
    pub grade: Option<String>,
    pub self_signed_off_by: Option<String>,
    pub self_signed_off_at: Option<String>,
    pub reevaluated_by: Option<String>,
    pub reevaluated_at: Option<String>,
    pub assessment_remarks: Option<String>,
    pub remarks_by: Option<String>,
    pub remarks_at: Option<String>,
    pub published_at: Option<String>,
}

impl Stored {
    pub fn status(&self) -> AppResult<EvaluationStatus> {
        Ok(self.status.parse()?)
    }
}

pub async fn stored(conn: &mut SqliteConnection, set_id: i64) -> AppResult<Option<Stored>> {
    Ok(sqlx::query_as(
        "SELECT e.id, e.status, e.revision, e.final_total, e.grade,
                a1.username AS self_signed_off_by, e.self_signed_off_at,
                a2.username AS reevaluated_by, e.reevaluated_at,
                e.assessment_remarks, a3.username AS remarks_by, e.remarks_at, e.published_at
         FROM evaluations e
         LEFT JOIN accounts a1 ON a1.id = e.self_signed_off_by
         LEFT JOIN accounts a2 ON a2.id = e.reevaluated_by
         LEFT JOIN accounts a3 ON a3.id = e.remarks_by
         WHERE e.set_id = ?",
    )
    .bind(set_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// One indicator's stored figures.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct ItemRow {
    pub indicator_id: i64,
    pub self_actual: Option<f64>,
    pub self_rating: Option<String>,
    pub self_percent: Option<f64>,
    pub deviation_cause: Option<String>,
    pub evidence: Option<String>,
    pub final_actual: Option<f64>,
    pub final_rating: Option<String>,
    pub final_percent: Option<f64>,
    pub override_reason: Option<String>,
}

fn figures(actual: Option<f64>, rating: Option<&str>, percent: Option<f64>) -> AppResult<Figures> {
    Ok(Figures {
        actual,
        rating: rating.map(str::parse).transpose()?,
        percent,
    })
}

impl ItemRow {
    pub fn own(&self) -> AppResult<Figures> {
        figures(
            self.self_actual,
            self.self_rating.as_deref(),
            self.self_percent,
        )
    }

    /// Finance's figures, where finance overrode the department's (an override always has
    /// its reason).
    pub fn overridden(&self) -> AppResult<Option<Figures>> {
        if self.override_reason.is_none() {
            return Ok(None);
        }
        figures(
            self.final_actual,
            self.final_rating.as_deref(),
            self.final_percent,
        )
        .map(Some)
    }

    /// The figures that count: finance's override, else the department's.
    pub fn counting(&self) -> AppResult<Figures> {
        Ok(match self.overridden()? {
            Some(f) => f,
            None => self.own()?,
        })
    }
}

/// Everything about an evaluation the writes need too.
pub struct Working {
    pub subject: Subject,
    pub stored: Option<Stored>,
    pub indicators: Vec<Indicator>,
    /// By indicator, in the set's order (default rows where nothing is stored yet).
    pub rows: Vec<ItemRow>,
}

impl Working {
    pub fn status(&self) -> AppResult<EvaluationStatus> {
        match &self.stored {
            None => Ok(EvaluationStatus::NotStarted),
            Some(s) => s.status(),
        }
    }

    pub fn revision(&self) -> i64 {
        self.stored.as_ref().map_or(0, |s| s.revision)
    }

    pub fn terms(&self) -> Vec<Terms> {
        self.indicators.iter().map(terms_of).collect()
    }

    /// Scores, total and grade from the figures that count, if they are complete.
    pub fn counting_outcome(&self) -> AppResult<Option<jixiao_domain::evaluation::Outcome>> {
        let counting = self
            .rows
            .iter()
            .map(ItemRow::counting)
            .collect::<AppResult<Vec<_>>>()?;
        let refs: Vec<&Figures> = counting.iter().collect();
        Ok(outcome(&self.terms(), &refs).ok())
    }
}

pub fn terms_of(indicator: &Indicator) -> Terms {
    Terms {
        direction: indicator.direction,
        target: indicator.target,
        points: indicator.points,
    }
}

pub async fn working(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Working> {
    let subject = subject(conn, department_id, year).await?;
    let stored = stored(conn, subject.set_id).await?;
    let indicators = super::set_read::indicators(conn, subject.set_id).await?;
    let mut by_indicator: HashMap<i64, ItemRow> = match &stored {
        None => HashMap::new(),
        Some(s) => sqlx::query_as::<_, ItemRow>(
            "SELECT indicator_id, self_actual, self_rating, self_percent, deviation_cause, evidence,
                    final_actual, final_rating, final_percent, override_reason
             FROM evaluation_items WHERE evaluation_id = ?",
        )
        .bind(s.id)
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|row| (row.indicator_id, row))
        .collect(),
    };
    let rows = indicators
        .iter()
        .map(|i| {
            let id = i.id.unwrap_or_default();
            by_indicator.remove(&id).unwrap_or(ItemRow {
                indicator_id: id,
                ..ItemRow::default()
            })
        })
        .collect();
    Ok(Working {
        subject,
        stored,
        indicators,
        rows,
    })
}

/// Spending at the last month reported: the inputs of the budget-execution rate.
pub async fn execution(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Execution> {
    let (adjusted_fen, spent_fen, month): (i64, i64, Option<i64>) = sqlx::query_as(
        "SELECT COALESCE(SUM(b.adjusted_fen), 0),
                COALESCE(SUM((SELECT m.spent_to_date_fen FROM monthly_spending m
                              WHERE m.budget_line_id = b.id ORDER BY m.month DESC LIMIT 1)), 0),
                (SELECT MAX(m.month) FROM monthly_spending m JOIN budget_lines l ON l.id = m.budget_line_id
                 WHERE l.department_id = ?1 AND l.year = ?2)
         FROM budget_lines b WHERE b.department_id = ?1 AND b.year = ?2",
    )
    .bind(department_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Execution {
        adjusted_fen,
        spent_fen,
        month: month.and_then(|m| u8::try_from(m).ok()),
    })
}

/// What monitoring says at year end, to start the form from.
async fn prefill(
    conn: &mut SqliteConnection,
    indicator: &Indicator,
    execution: Execution,
) -> AppResult<Figures> {
    let actual = match indicator.direction {
        Direction::Qualitative => None,
        // The rate follows from the money, to four decimals (0.9537 = 95.37 %).
        Direction::BudgetExecution => (execution.adjusted_fen > 0).then(|| {
            (execution.spent_fen as f64 / execution.adjusted_fen as f64 * 10_000.0).round()
                / 10_000.0
        }),
        _ => {
            sqlx::query_scalar(
                "SELECT value_to_date FROM indicator_values WHERE indicator_id = ?
                 AND value_to_date IS NOT NULL ORDER BY month DESC LIMIT 1",
            )
            .bind(indicator.id)
            .fetch_optional(&mut *conn)
            .await?
        }
    };
    Ok(Figures {
        actual,
        ..Figures::default()
    })
}

fn item_score(scored: Scored) -> ItemScore {
    ItemScore {
        score: scored.score,
        achievement: scored.achievement,
        target_may_be_too_low: scored.target_may_be_too_low,
    }
}

fn signature(by: &Option<String>, at: &Option<String>) -> Option<Signature> {
    Some(Signature {
        by: by.clone().unwrap_or_else(|| "system".into()),
        at: at.clone()?,
    })
}

pub async fn result_application(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Option<ResultApplication>> {
    let row: Option<(String, f64, i64, i32, i64, bool)> = sqlx::query_as(
        "SELECT grade, total, project_base_fen, adjustment_bp, next_year_fen, prize
         FROM result_applications WHERE department_id = ? AND year = ?",
    )
    .bind(department_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(grade, total, base, bp, next, prize)| {
        Ok(ResultApplication {
            grade: grade.parse()?,
            total,
            project_base_fen: base,
            adjustment_bp: bp,
            next_year_fen: next,
            prize,
        })
    })
    .transpose()
}

pub async fn load(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Evaluation> {
    let working = working(conn, department_id, year).await?;
    let execution = execution(conn, department_id, year).await?;
    let terms = working.terms();
    let mut items = Vec::with_capacity(working.indicators.len());
    let mut own_all = Vec::new();
    let mut counting_all = Vec::new();
    for ((indicator, row), terms) in working.indicators.iter().zip(&working.rows).zip(&terms) {
        let own = row.own()?;
        let overridden = row.overridden()?;
        let counting = overridden.clone().unwrap_or_else(|| own.clone());
        let self_score = terms.assess(&own).ok();
        let final_score = terms.assess(&counting).ok();
        items.push(EvaluationItem {
            key_work: indicator.origin == IndicatorOrigin::KeyWork,
            prefill: prefill(conn, indicator, execution).await?,
            self_score: self_score.map(item_score),
            final_score: final_score.map(item_score),
            needs_cause: final_score.as_ref().is_some_and(needs_cause),
            cause: row.deviation_cause.clone(),
            evidence: row.evidence.clone(),
            override_reason: row.override_reason.clone(),
            override_figures: overridden,
            self_figures: own.clone(),
            indicator: indicator.clone(),
        });
        own_all.push(own);
        counting_all.push(counting);
    }
    let totals = |figures: &[Figures]| -> (Option<f64>, Option<Grade>) {
        let refs: Vec<&Figures> = figures.iter().collect();
        outcome(&terms, &refs)
            .ok()
            .map_or((None, None), |o| (Some(o.total), Some(o.grade)))
    };
    let (self_total, self_grade) = totals(&own_all);
    let status = working.status()?;
    // Once final, the stored grade is the one that stands (and the one results followed).
    let (final_total, final_grade) = match (&working.stored, status) {
        (Some(s), EvaluationStatus::Final) => (
            s.final_total,
            s.grade.as_deref().map(str::parse).transpose()?,
        ),
        (_, EvaluationStatus::SelfSubmitted | EvaluationStatus::Reevaluated) => {
            totals(&counting_all)
        }
        _ => (None, None),
    };
    let rules = super::years::rules(conn, year).await?.result_rules;
    let project_base_fen: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(adjusted_fen), 0) FROM budget_lines
         WHERE department_id = ? AND year = ? AND kind = 'project'",
    )
    .bind(department_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    let s = working.stored.as_ref();
    Ok(Evaluation {
        department: working.subject.department.clone(),
        year,
        phase: working.subject.phase,
        set_id: working.subject.set_id,
        status,
        revision: working.revision(),
        items,
        self_total,
        self_grade,
        final_total,
        final_grade,
        signed_off: s.and_then(|s| signature(&s.self_signed_off_by, &s.self_signed_off_at)),
        reevaluated: s.and_then(|s| signature(&s.reevaluated_by, &s.reevaluated_at)),
        remarks: s.and_then(|s| s.assessment_remarks.clone()),
        remarked: s.and_then(|s| signature(&s.remarks_by, &s.remarks_at)),
        published_at: s.and_then(|s| s.published_at.clone()),
        execution,
        project_base_fen,
        rules,
        result: result_application(conn, department_id, year).await?,
        cases: cases::list(
            conn,
            &cases::Filter {
                department_id: Some(department_id),
                year: Some(year),
                status: None,
            },
        )
        .await?,
    })
}
