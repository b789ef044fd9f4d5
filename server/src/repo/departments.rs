//! Departments and their budget units.

use super::{audit_json, conflict_on_unique};
use crate::audit::{self, Actor};
use crate::error::AppResult;
use jixiao_domain::dto::{Department, PublishedResult, Unit};
use jixiao_domain::framework::Sector;
use serde::Serialize;
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;

#[derive(Debug, Clone, Serialize)]
pub struct NewDepartment {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub sector: Sector,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewUnit {
    pub department_id: i64,
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
}

pub async fn create(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewDepartment,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO departments (code, name_zh, name_en, sector) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(&new.code)
    .bind(&new.name_zh)
    .bind(&new.name_en)
    .bind(new.sector.as_str())
    .fetch_one(&mut *conn)
    .await
    .map_err(conflict_on_unique(text!(
        "a department with code {:?} exists",
        "代码为“{}”的部门已存在",
        new.code
    )))?;
    audit::record(
        conn,
        actor,
        "create",
        "department",
        id,
        None,
        Some(&audit_json(new)),
    )
    .await?;
    Ok(id)
}

pub async fn create_unit(
    conn: &mut SqliteConnection,
    actor: &Actor,
    new: &NewUnit,
) -> AppResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO units (department_id, code, name_zh, name_en) VALUES (?, ?, ?, ?) RETURNING id",
    )
    .bind(new.department_id)
    .bind(&new.code)
    .bind(&new.name_zh)
    .bind(&new.name_en)
    .fetch_one(&mut *conn)
    .await
    .map_err(conflict_on_unique(text!(
        "a unit with code {:?} exists",
        "代码为“{}”的预算单位已存在",
        new.code
    )))?;
    audit::record(
        conn,
        actor,
        "create",
        "unit",
        id,
        None,
        Some(&audit_json(new)),
    )
    .await?;
    Ok(id)
}

type DepartmentRow = (i64, String, String, String, String);

/// Active departments with their units and latest published result, by code; `code`
/// narrows the list to one department.
pub async fn list(pool: &SqlitePool, code: Option<&str>) -> AppResult<Vec<Department>> {
    let rows: Vec<DepartmentRow> = sqlx::query_as(
        "SELECT id, code, name_zh, name_en, sector FROM departments
         WHERE active = 1 AND (?1 IS NULL OR code = ?1 COLLATE NOCASE) ORDER BY code",
    )
    .bind(code)
    .fetch_all(pool)
    .await?;
    let mut units: HashMap<i64, Vec<Unit>> = HashMap::new();
    let unit_rows: Vec<(i64, i64, String, String, String)> = sqlx::query_as(
        "SELECT u.department_id, u.id, u.code, u.name_zh, u.name_en FROM units u
         JOIN departments d ON d.id = u.department_id
         WHERE d.active = 1 AND (?1 IS NULL OR d.code = ?1 COLLATE NOCASE) ORDER BY u.code",
    )
    .bind(code)
    .fetch_all(pool)
    .await?;
    for (department_id, id, code, name_zh, name_en) in unit_rows {
        units.entry(department_id).or_default().push(Unit {
            id,
            code,
            name_zh,
            name_en,
        });
    }
    // Only results that finance has published are public.
    let results: Vec<(i64, i32, f64, String)> = sqlx::query_as(
        "SELECT s.department_id, s.year, e.final_total, e.grade FROM evaluations e
         JOIN indicator_sets s ON s.id = e.set_id
         WHERE e.status = 'final' AND e.published_at IS NOT NULL
         ORDER BY s.year",
    )
    .fetch_all(pool)
    .await?;
    let mut latest: HashMap<i64, PublishedResult> = HashMap::new();
    for (department_id, year, total, grade) in results {
        if let Ok(grade) = grade.parse() {
            latest.insert(department_id, PublishedResult { year, total, grade });
        }
    }
    Ok(rows
        .into_iter()
        .filter_map(|(id, code, name_zh, name_en, sector)| {
            Some(Department {
                id,
                code,
                name_zh,
                name_en,
                sector: sector.parse().ok()?,
                units: units.remove(&id).unwrap_or_default(),
                latest_result: latest.remove(&id),
                sets: Vec::new(),
            })
        })
        .collect())
}

/// A department's id from its code (any case); 404 if there is none.
pub async fn id_by_code(conn: &mut SqliteConnection, code: &str) -> AppResult<i64> {
    sqlx::query_scalar("SELECT id FROM departments WHERE code = ? COLLATE NOCASE")
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| {
            crate::error::AppError::not_found(text!("department {code:?}", "部门 {code}"))
        })
}

/// A department's budget units as (code, Chinese name), by code.
pub async fn unit_codes(
    conn: &mut SqliteConnection,
    department_id: i64,
) -> AppResult<Vec<(String, String)>> {
    Ok(
        sqlx::query_as("SELECT code, name_zh FROM units WHERE department_id = ? ORDER BY code")
            .bind(department_id)
            .fetch_all(&mut *conn)
            .await?,
    )
}
