//! Results application (DESIGN §1 step 5): the grade moves next year's project budget, wins
//! the Excellent prize or opens accountability cases; the year's ranking and the assessment
//! agency's feed; publication, after which the year's results are public.

use super::cases::{self, Opening};
use super::evaluation_read::{self as read, Working};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::evaluation::{
    competition_ranks, CaseEvidence, CaseTrigger, GradeDistribution, IndicatorEvidence,
    LineEvidence, Ranking, RankingRow,
};
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::framework::Phase;
use jixiao_domain::results::{opens_accountability_case, wins_excellent_prize};
use jixiao_domain::scoring::Grade;
use serde_json::json;
use sqlx::SqliteConnection;
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct ProjectLine {
    id: i64,
    code: String,
    name_zh: String,
    name_en: String,
    adjusted_fen: i64,
    spent_fen: i64,
}

/// Applies the year's result rules to a department's final grade.
pub async fn apply(
    conn: &mut SqliteConnection,
    actor: &Actor,
    working: &Working,
    evaluation_id: i64,
    total: f64,
    grade: Grade,
) -> AppResult<()> {
    let department_id = working.subject.department.id;
    let year = working.subject.year;
    let rules = super::years::rules(conn, year).await?.result_rules;
    // Project lines with their spending at the last month reported.
    let lines: Vec<ProjectLine> = sqlx::query_as(
        "SELECT b.id, b.code, b.name_zh, b.name_en, b.adjusted_fen,
                COALESCE((SELECT spent_to_date_fen FROM monthly_spending m WHERE m.budget_line_id = b.id
                          ORDER BY month DESC LIMIT 1), 0) AS spent_fen
         FROM budget_lines b WHERE b.department_id = ? AND b.year = ? AND b.kind = 'project' ORDER BY b.code",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let base: i64 = lines.iter().map(|l| l.adjusted_fen).sum();
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
    .map_err(super::conflict_on_unique(text!(
        "results have already been applied for this year",
        "本年度评价结果已应用"
    )))?;
    let entity_id = format!("{department_id}/{year}");
    let after = json!({ "grade": grade, "total": total, "project_base_fen": base,
                        "adjustment_bp": rules.adjustment_bp(grade),
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
    let evidence = |line: Option<LineEvidence>| CaseEvidence {
        grade,
        total,
        ineffective_spent_bp: rules.ineffective_spent_bp,
        ineffective_achievement_bp: rules.ineffective_achievement_bp,
        line,
    };
    if opens_accountability_case(grade) {
        let description = format!(
            "评价等级为差（{total:.2}分）/ Grade Poor with a total of {total:.2} for {year}"
        );
        let opening = Opening {
            department_id,
            year,
            budget_line_id: None,
            trigger: CaseTrigger::PoorGrade,
            description: &description,
            evidence: &evidence(None),
        };
        cases::open(conn, actor, &opening).await?;
    }
    for line in lines {
        let linked: Vec<(String, String, f64, f64)> = sqlx::query_as(
            "SELECT i.name_zh, i.name_en, COALESCE(ei.score, 0), i.points FROM budget_line_indicators bli
             JOIN indicators i ON i.id = bli.indicator_id
             JOIN evaluation_items ei ON ei.indicator_id = i.id AND ei.evaluation_id = ?
             WHERE bli.budget_line_id = ? ORDER BY i.position",
        )
        .bind(evaluation_id)
        .bind(line.id)
        .fetch_all(&mut *conn)
        .await?;
        let scores: Vec<(f64, f64)> = linked.iter().map(|l| (l.2, l.3)).collect();
        if !rules.spending_was_ineffective(line.adjusted_fen, line.spent_fen, &scores) {
            continue;
        }
        let description = format!(
            "资金使用低效：{} {}已支出{:.0}%，所支撑指标得分均低于分值的{}% / Ineffective spending: {} {} spent {:.0}% of its budget while every indicator it pays for scored below {}% of its points",
            line.code,
            line.name_zh,
            line.spent_fen as f64 * 100.0 / line.adjusted_fen as f64,
            rules.ineffective_achievement_bp / 100,
            line.code,
            if line.name_en.is_empty() { &line.name_zh } else { &line.name_en },
            line.spent_fen as f64 * 100.0 / line.adjusted_fen as f64,
            rules.ineffective_achievement_bp / 100
        );
        let indicators = linked
            .into_iter()
            .map(|(name_zh, name_en, score, points)| IndicatorEvidence {
                name_zh,
                name_en,
                score,
                points,
            })
            .collect();
        let line_evidence = LineEvidence {
            code: line.code,
            name_zh: line.name_zh,
            name_en: line.name_en,
            adjusted_fen: line.adjusted_fen,
            spent_fen: line.spent_fen,
            indicators,
        };
        let opening = Opening {
            department_id,
            year,
            budget_line_id: Some(line.id),
            trigger: CaseTrigger::IneffectiveSpending,
            description: &description,
            evidence: &evidence(Some(line_evidence)),
        };
        cases::open(conn, actor, &opening).await?;
    }
    Ok(())
}

#[derive(sqlx::FromRow)]
struct StandingRow {
    department_id: i64,
    code: String,
    name_zh: String,
    name_en: String,
    sector: String,
    status: Option<String>,
    final_total: Option<f64>,
    grade: Option<String>,
    open_cases: i64,
    cases: i64,
}

/// A year's ranking: every department with an approved set for the year.
pub async fn ranking(conn: &mut SqliteConnection, year: i32) -> AppResult<Ranking> {
    let (phase, published_at): (String, Option<String>) =
        sqlx::query_as("SELECT phase, results_published_at FROM fiscal_years WHERE year = ?")
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?
            .ok_or_else(|| AppError::not_found(text!("fiscal year {year}", "{year} 年度")))?;
    let phase: Phase = phase.parse()?;
    let standings: Vec<StandingRow> = sqlx::query_as(
        "SELECT d.id AS department_id, d.code, d.name_zh, d.name_en, d.sector, e.status,
                e.final_total, e.grade,
                (SELECT COUNT(*) FROM accountability_cases c WHERE c.department_id = d.id
                   AND c.year = s.year AND c.status != 'closed') AS open_cases,
                (SELECT COUNT(*) FROM accountability_cases c WHERE c.department_id = d.id
                   AND c.year = s.year) AS cases
         FROM indicator_sets s JOIN departments d ON d.id = s.department_id
         LEFT JOIN evaluations e ON e.set_id = s.id
         WHERE s.year = ? AND s.status IN ('approved', 'published')",
    )
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = Vec::with_capacity(standings.len());
    for s in standings {
        let status = match &s.status {
            Some(status) => status.parse()?,
            None => EvaluationStatus::NotStarted,
        };
        let graded = status == EvaluationStatus::Final;
        rows.push(RankingRow {
            rank: None,
            department: DepartmentRef {
                id: s.department_id,
                code: s.code,
                name_zh: s.name_zh,
                name_en: s.name_en,
            },
            sector: s.sector.parse()?,
            status,
            total: s.final_total.filter(|_| graded),
            grade: s.grade.as_deref().map(str::parse).transpose()?,
            result: read::result_application(conn, s.department_id, year).await?,
            open_cases: u32::try_from(s.open_cases).unwrap_or(u32::MAX),
            cases: u32::try_from(s.cases).unwrap_or(u32::MAX),
        });
    }
    // Graded first, best total first; equal totals and the ungraded by code.
    rows.sort_by(|a, b| {
        b.total
            .unwrap_or(-1.0)
            .total_cmp(&a.total.unwrap_or(-1.0))
            .then_with(|| a.department.code.cmp(&b.department.code))
    });
    let totals: Vec<f64> = rows.iter().map_while(|r| r.total).collect();
    for (row, rank) in rows.iter_mut().zip(competition_ranks(&totals)) {
        row.rank = Some(rank);
    }
    let distribution = GradeDistribution::of(rows.iter().filter_map(|r| r.grade));
    let publishable = phase == Phase::Evaluation
        && published_at.is_none()
        && !rows.is_empty()
        && rows.iter().all(|r| r.status == EvaluationStatus::Final);
    Ok(Ranking {
        year,
        phase,
        published_at,
        rules: super::years::rules(conn, year).await?.result_rules,
        rows,
        distribution,
        publishable,
    })
}

/// Whether a year's results are public.
pub async fn is_published(conn: &mut SqliteConnection, year: i32) -> AppResult<bool> {
    let published: Option<Option<String>> =
        sqlx::query_scalar("SELECT results_published_at FROM fiscal_years WHERE year = ?")
            .bind(year)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(published.flatten().is_some())
}

/// Finance publishes the year's results: every department graded; the evaluations become
/// public and the year closes.
pub async fn publish(conn: &mut SqliteConnection, actor: &Actor, year: i32) -> AppResult<()> {
    let ranking = ranking(conn, year).await?;
    if ranking.phase != Phase::Evaluation || ranking.published_at.is_some() {
        let (phase, label) = (ranking.phase, ranking.phase.label_zh());
        return Err(AppError::wrong_phase(text!(
            "fiscal year {year} is in {phase}: results are published from the evaluation phase, once",
            "{year} 年度当前阶段为“{label}”，评价结果只能在评价阶段公开，且只公开一次"
        )));
    }
    let waiting: Vec<_> = ranking
        .rows
        .iter()
        .filter(|r| r.status != EvaluationStatus::Final)
        .collect();
    if !ranking.publishable {
        let en = waiting
            .iter()
            .map(|r| format!("{} ({})", r.department.code, r.status.label_en()))
            .collect::<Vec<_>>()
            .join(", ");
        let zh = waiting
            .iter()
            .map(|r| format!("{}（{}）", r.department.code, r.status.label_zh()))
            .collect::<Vec<_>>()
            .join("、");
        return Err(AppError::conflict(
            "not_all_graded",
            if waiting.is_empty() {
                text!(
                    "fiscal year {year} has no graded department to publish",
                    "{year} 年度没有已定级的部门可公开"
                )
            } else {
                text!(
                    "not every department is graded yet: {en}",
                    "尚有部门未定级：{zh}"
                )
            },
        ));
    }
    sqlx::query(
        "UPDATE evaluations SET published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE set_id IN (SELECT id FROM indicator_sets WHERE year = ?) AND status = 'final'",
    )
    .bind(year)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "UPDATE fiscal_years SET results_published_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE year = ?",
    )
    .bind(year)
    .execute(&mut *conn)
    .await?;
    let grades: HashMap<&str, Option<Grade>> = ranking
        .rows
        .iter()
        .map(|r| (r.department.code.as_str(), r.grade))
        .collect();
    audit::record(
        conn,
        actor,
        "publish",
        "fiscal_year_results",
        year,
        None,
        Some(&json!({ "grades": grades, "distribution": ranking.distribution })),
    )
    .await?;
    super::years::advance(conn, actor, year, Phase::Closed).await
}

/// The assessment agency's feed: one line per department, for staff incentives and
/// leadership assessment. UTF-8 with a byte-order mark so that Excel reads the Chinese.
pub fn feed_csv(ranking: &Ranking) -> String {
    let mut out = String::from(
        "\u{feff}year,rank,department_code,department_zh,department_en,status,total,grade,grade_zh,prize,adjustment_percent,project_base_yuan,next_year_yuan,open_cases,cases\r\n",
    );
    for row in &ranking.rows {
        let result = row.result.as_ref();
        let fields = [
            ranking.year.to_string(),
            row.rank.map(|r| r.to_string()).unwrap_or_default(),
            row.department.code.clone(),
            row.department.name_zh.clone(),
            row.department.name_en.clone(),
            row.status.as_str().to_owned(),
            row.total.map(|t| format!("{t:.2}")).unwrap_or_default(),
            row.grade.map(|g| g.as_str().to_owned()).unwrap_or_default(),
            row.grade
                .map(|g| g.label_zh().to_owned())
                .unwrap_or_default(),
            result
                .map(|r| if r.prize { "yes" } else { "no" }.to_owned())
                .unwrap_or_default(),
            result
                .map(|r| format!("{:.2}", f64::from(r.adjustment_bp) / 100.0))
                .unwrap_or_default(),
            result.map(|r| yuan(r.project_base_fen)).unwrap_or_default(),
            result.map(|r| yuan(r.next_year_fen)).unwrap_or_default(),
            row.open_cases.to_string(),
            row.cases.to_string(),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Fen as yuan with two decimals, exactly.
fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

/// RFC 4180 quoting; a leading formula character is neutralised so that a spreadsheet
/// never runs a name as a formula.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '@'])
        || (text.starts_with('-') && text.parse::<f64>().is_err())
    {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-10.00"), "-10.00");
        assert_eq!(csv_field("-cmd"), "'-cmd");
    }

    #[test]
    fn fen_are_written_as_exact_yuan() {
        assert_eq!(yuan(123_456), "1234.56");
        assert_eq!(yuan(5), "0.05");
        assert_eq!(yuan(-250), "-2.50");
    }
}
