//! Reading what the public may see: only years whose results finance has published. An
//! unpublished year is "not found" here, whoever asks — nothing of it leaks.

use super::evaluation_read;
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::evaluation::{GradeDistribution, Ranking};
use jixiao_domain::dto::public::{
    PublicDepartment, PublicIndicator, PublicLine, PublicOverview, PublicStanding, PublishedYear,
    PublishedYears,
};
use jixiao_domain::framework::IndicatorOrigin;
use sqlx::SqliteConnection;

pub async fn years(conn: &mut SqliteConnection) -> AppResult<PublishedYears> {
    let rows: Vec<(i32, String)> = sqlx::query_as(
        "SELECT year, results_published_at FROM fiscal_years
         WHERE results_published_at IS NOT NULL ORDER BY year DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(PublishedYears {
        years: rows
            .into_iter()
            .map(|(year, published_at)| PublishedYear { year, published_at })
            .collect(),
    })
}

/// The published year's ranking, or 404.
pub async fn published_ranking(conn: &mut SqliteConnection, year: i32) -> AppResult<Ranking> {
    let not_found = || {
        AppError::not_found(text!(
            "published results for {year}",
            "{year} 年度已公开的评价结果"
        ))
    };
    if !super::results::is_published(conn, year).await? {
        return Err(not_found());
    }
    super::results::ranking(conn, year).await
}

/// Budget and year-end spending of every line of a department's year.
pub async fn lines(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Vec<PublicLine>> {
    let rows: Vec<(String, String, String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT b.code, b.kind, b.name_zh, b.name_en, b.amount_fen, b.adjusted_fen,
                COALESCE((SELECT m.spent_to_date_fen FROM monthly_spending m
                          WHERE m.budget_line_id = b.id ORDER BY m.month DESC LIMIT 1), 0)
         FROM budget_lines b WHERE b.department_id = ? AND b.year = ?
         ORDER BY CASE b.kind WHEN 'personnel' THEN 0 WHEN 'operations' THEN 1 ELSE 2 END, b.code",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|(code, kind, name_zh, name_en, amount, adjusted, spent)| {
            Ok(PublicLine {
                code,
                kind: kind.parse()?,
                name_zh,
                name_en,
                amount_fen: amount,
                adjusted_fen: adjusted,
                spent_fen: spent,
            })
        })
        .collect()
}

pub async fn overview(conn: &mut SqliteConnection, year: i32) -> AppResult<PublicOverview> {
    let ranking = published_ranking(conn, year).await?;
    let mut departments = Vec::with_capacity(ranking.rows.len());
    for row in &ranking.rows {
        let (Some(rank), Some(total), Some(grade), Some(result)) =
            (row.rank, row.total, row.grade, row.result)
        else {
            continue;
        };
        let lines = lines(conn, row.department.id, year).await?;
        departments.push(PublicStanding {
            department: row.department.clone(),
            sector: row.sector,
            rank,
            total,
            grade,
            budget_fen: lines.iter().map(|l| l.adjusted_fen).sum(),
            spent_fen: lines.iter().map(|l| l.spent_fen).sum(),
            result,
        });
    }
    Ok(PublicOverview {
        year,
        published_at: ranking.published_at.clone().unwrap_or_default(),
        budget_fen: departments.iter().map(|d| d.budget_fen).sum(),
        spent_fen: departments.iter().map(|d| d.spent_fen).sum(),
        distribution: GradeDistribution::of(departments.iter().map(|d| d.grade)),
        project_base_fen: departments.iter().map(|d| d.result.project_base_fen).sum(),
        next_year_fen: departments.iter().map(|d| d.result.next_year_fen).sum(),
        departments,
    })
}

pub async fn department(
    conn: &mut SqliteConnection,
    year: i32,
    code: &str,
) -> AppResult<PublicDepartment> {
    let ranking = published_ranking(conn, year).await?;
    let of = u32::try_from(ranking.rows.len()).unwrap_or(u32::MAX);
    let row = ranking
        .rows
        .into_iter()
        .find(|r| r.department.code.eq_ignore_ascii_case(code))
        .ok_or_else(|| {
            AppError::not_found(text!(
                "department {code} in {year}",
                "{year} 年度的部门 {code}"
            ))
        })?;
    let (Some(rank), Some(total), Some(grade), Some(result)) =
        (row.rank, row.total, row.grade, row.result)
    else {
        return Err(AppError::not_found(text!(
            "department {code} in {year}",
            "{year} 年度的部门 {code}"
        )));
    };
    let evaluation = evaluation_read::load(conn, row.department.id, year).await?;
    let indicators = evaluation
        .items
        .into_iter()
        .map(|item| {
            let i = item.indicator;
            PublicIndicator {
                key_work: i.origin == IndicatorOrigin::KeyWork,
                name_zh: i.name_zh,
                name_en: i.name_en,
                level2: i.level2,
                unit: i.unit,
                direction: i.direction,
                accumulation: i.accumulation,
                target: i.target,
                target_text: i.target_text,
                baseline: i.baseline,
                figures: item.override_figures.unwrap_or(item.self_figures),
                points: i.points,
                score: item.final_score.map_or(0.0, |s| s.score),
            }
        })
        .collect();
    Ok(PublicDepartment {
        lines: lines(conn, row.department.id, year).await?,
        department: row.department,
        sector: row.sector,
        year,
        published_at: evaluation.published_at.unwrap_or_default(),
        rank,
        of,
        total,
        grade,
        indicators,
        result,
    })
}
