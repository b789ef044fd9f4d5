//! Editing indicator sets: starting one (empty or from last year), saving the whole list of
//! indicators, the assessment agency's key-work targets, and the revision check that stops
//! lost updates.

use super::audit_json;
use super::set_read::{indicators, key, load};
use crate::audit::{self, Actor};
use crate::error::{AppError, AppResult};
use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::framework::{Accumulation, Direction, IndicatorOrigin, Level2, SetStatus};
use jixiao_domain::{field_error, FieldError};
use serde_json::json;
use sqlx::SqliteConnection;

/// Refuses a write based on an old revision, answering with the set as it is now.
pub async fn check_revision(
    conn: &mut SqliteConnection,
    set_id: i64,
    revision: i64,
) -> AppResult<()> {
    let current: i64 = sqlx::query_scalar("SELECT revision FROM indicator_sets WHERE id = ?")
        .bind(set_id)
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| AppError::not_found(text!("indicator set {set_id}", "指标体系 {set_id}")))?;
    if current == revision {
        return Ok(());
    }
    let set = load(conn, set_id).await?;
    Err(AppError::Stale {
        current: serde_json::to_value(set).unwrap_or_default(),
    })
}

/// The common budget-execution indicator every set starts with.
pub async fn budget_execution(conn: &mut SqliteConnection) -> AppResult<Indicator> {
    let library_id: Option<i64> = sqlx::query_scalar(
        "SELECT id FROM library_indicators WHERE level2 = 'execution_rate' AND kind = 'common' AND active = 1
         ORDER BY id LIMIT 1",
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(Indicator {
        id: None,
        library_id,
        origin: IndicatorOrigin::Common,
        level2: Level2::ExecutionRate,
        name_zh: "预算执行率".into(),
        name_en: "Budget execution rate".into(),
        unit: "比率 rate".into(),
        direction: Direction::BudgetExecution,
        accumulation: Accumulation::Level,
        target: Some(1.0),
        target_text: None,
        baseline: None,
        points: 10.0,
        data_source: "预算管理一体化系统 / Integrated budget management system".into(),
        elasticity: None,
        unit_code: None,
    })
}

/// Last year's actual of an indicator: the final evaluated figure, else the last monitored
/// value, else last year's own baseline.
async fn last_actual(conn: &mut SqliteConnection, indicator_id: i64) -> AppResult<Option<f64>> {
    Ok(sqlx::query_scalar(
        "SELECT COALESCE(
             (SELECT COALESCE(final_actual, self_actual) FROM evaluation_items WHERE indicator_id = ?1),
             (SELECT value_to_date FROM indicator_values WHERE indicator_id = ?1 ORDER BY month DESC LIMIT 1),
             (SELECT baseline FROM indicators WHERE id = ?1))",
    )
    .bind(indicator_id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Starts a department's set for a year: the budget-execution indicator only, or a copy
/// of last year's indicators (not its key-work targets, which are set anew each year) with
/// last year's actual as the baseline.
pub async fn start(
    conn: &mut SqliteConnection,
    actor: &Actor,
    department_id: i64,
    year: i32,
    from_last_year: bool,
) -> AppResult<i64> {
    let set_id = super::sets::create(conn, actor, department_id, year).await?;
    let previous: Option<i64> =
        sqlx::query_scalar("SELECT id FROM indicator_sets WHERE department_id = ? AND year = ?")
            .bind(department_id)
            .bind(year - 1)
            .fetch_optional(&mut *conn)
            .await?;
    let copies = match previous.filter(|_| from_last_year) {
        Some(previous) => {
            let mut copies = Vec::new();
            for mut indicator in indicators(conn, previous).await? {
                if indicator.origin == IndicatorOrigin::KeyWork {
                    continue;
                }
                let old_id = indicator.id.take();
                if let (Some(old_id), false) =
                    (old_id, indicator.direction == Direction::Qualitative)
                {
                    indicator.baseline = last_actual(conn, old_id).await?.or(indicator.baseline);
                }
                copies.push(indicator);
            }
            copies
        }
        None => vec![budget_execution(conn).await?],
    };
    for (position, indicator) in copies.iter().enumerate() {
        super::sets::insert_indicator(conn, set_id, indicator, Some(position as i64 + 1)).await?;
    }
    let after = json!({ "from_last_year": from_last_year && previous.is_some(), "indicators": copies.len() });
    audit::record(
        conn,
        actor,
        "start",
        "indicator_set",
        set_id,
        None,
        Some(&after),
    )
    .await?;
    Ok(set_id)
}

/// Fields of a key-work target that only the assessment agency sets.
fn same_key_work(a: &Indicator, b: &Indicator) -> bool {
    a.name_zh.trim() == b.name_zh.trim()
        && a.unit.trim() == b.unit.trim()
        && a.direction == b.direction
        && a.accumulation == b.accumulation
        && a.target == b.target
        && a.target_text == b.target_text
        && a.origin == IndicatorOrigin::KeyWork
}

/// Problems that stop a save (a draft may be incomplete, but not nonsense).
fn save_problems(current: &[Indicator], update: &[Indicator]) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for (i, indicator) in update.iter().enumerate() {
        let path = |field: &str| format!("indicators[{i}].{field}");
        if indicator.name_zh.trim().is_empty() {
            problems.push(field_error!(
                "required",
                path("name_zh"),
                "give the indicator a Chinese name",
                "请填写指标的中文名称",
            ));
        }
        if !indicator.points.is_finite() || !(0.0..=100.0).contains(&indicator.points) {
            problems.push(field_error!(
                "invalid_points",
                path("points"),
                "points must be a number from 0 to 100",
                "分值须为 0 到 100 之间的数",
            ));
        }
        for (field, value) in [
            ("target", indicator.target),
            ("baseline", indicator.baseline),
            ("elasticity", indicator.elasticity),
        ] {
            if value.is_some_and(|v| !v.is_finite()) {
                problems.push(field_error!(
                    "not_a_number",
                    path(field),
                    "must be a finite number",
                    "须为有效数字",
                ));
            }
        }
        match indicator.id {
            Some(id) => match current.iter().find(|c| c.id == Some(id)) {
                None => problems.push(field_error!(
                    "unknown_indicator",
                    path("id"),
                    "indicator {id} is not in this set",
"指标 {id} 不在本指标体系中",
                )),
                Some(old) if old.origin == IndicatorOrigin::KeyWork && !same_key_work(old, indicator) => {
                    problems.push(field_error!(
                        "key_work_locked",
                        path("target"),
                        "a key work target is set by the performance assessment agency; only its points and place can change",
"重点工作目标由绩效考评机构设定，只能调整其分值和排列位置",
                    ))
                }
                Some(_) => {}
            },
            None if indicator.origin == IndicatorOrigin::KeyWork => problems.push(field_error!(
                "key_work_locked",
                path("origin"),
                "key work targets are added by the performance assessment agency",
"重点工作目标由绩效考评机构添加",
            )),
            None => {}
        }
    }
    for old in current
        .iter()
        .filter(|c| c.origin == IndicatorOrigin::KeyWork)
    {
        if !update.iter().any(|u| u.id == old.id) {
            problems.push(field_error!(
                "key_work_missing",
                "indicators",
                "the key work target “{}” cannot be removed",
                "重点工作目标“{}”不能删除",
                old.name_zh,
            ));
        }
    }
    problems
}

/// Saves the whole list of indicators, in order. An approved or published set that is
/// changed becomes the next version's draft and goes through review again.
pub async fn save(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    update: &[Indicator],
) -> AppResult<()> {
    let set = key(conn, set_id).await?;
    if set.status == SetStatus::Submitted {
        return Err(AppError::conflict(
            "under_review",
            text!(
                "the set is with finance for review; it can change once it is returned",
                "指标体系正在财政部门审核中，退回后才能修改"
            ),
        ));
    }
    let current = indicators(conn, set_id).await?;
    let problems = save_problems(&current, update);
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    for old in &current {
        if !update.iter().any(|u| u.id == old.id) {
            sqlx::query("DELETE FROM indicators WHERE id = ?")
                .bind(old.id)
                .execute(&mut *conn)
                .await?;
        }
    }
    for (position, indicator) in update.iter().enumerate() {
        let position = position as i64 + 1;
        match indicator.id {
            None => {
                super::sets::insert_indicator(conn, set_id, indicator, Some(position)).await?;
            }
            Some(id) => {
                sqlx::query(
                    "UPDATE indicators SET
                         unit_id = (SELECT u.id FROM units u JOIN indicator_sets s ON s.department_id = u.department_id
                                    WHERE s.id = ?1 AND u.code = ?2),
                         library_id = ?3, level2 = ?4, name_zh = ?5, name_en = ?6, unit = ?7, direction = ?8,
                         accumulation = ?9, target = ?10, target_text = ?11, baseline = ?12, points = ?13,
                         data_source = ?14, elasticity = ?15, position = ?16
                     WHERE id = ?17 AND set_id = ?1",
                )
                .bind(set_id)
                .bind(&indicator.unit_code)
                .bind(indicator.library_id)
                .bind(indicator.level2.as_str())
                .bind(indicator.name_zh.trim())
                .bind(indicator.name_en.trim())
                .bind(indicator.unit.trim())
                .bind(indicator.direction.as_str())
                .bind(indicator.accumulation.as_str())
                .bind(indicator.target)
                .bind(&indicator.target_text)
                .bind(indicator.baseline)
                .bind(indicator.points)
                .bind(&indicator.data_source)
                .bind(indicator.elasticity)
                .bind(position)
                .bind(id)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    let reopened = matches!(set.status, SetStatus::Approved | SetStatus::Published);
    sqlx::query(
        "UPDATE indicator_sets SET revision = revision + 1,
             version = version + ?2, status = CASE WHEN ?2 = 1 THEN 'draft' ELSE status END,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
    )
    .bind(set_id)
    .bind(i64::from(reopened))
    .execute(&mut *conn)
    .await?;
    let after = indicators(conn, set_id).await?;
    audit::record(
        conn,
        actor,
        if reopened { "new_version" } else { "update" },
        "indicator_set",
        set_id,
        Some(&audit_json(&current)),
        Some(&audit_json(&after)),
    )
    .await?;
    Ok(())
}

/// The assessment agency adds a key-work target to a department's set.
pub async fn add_key_work(
    conn: &mut SqliteConnection,
    actor: &Actor,
    set_id: i64,
    indicator: &Indicator,
) -> AppResult<i64> {
    let set = key(conn, set_id).await?;
    if matches!(set.status, SetStatus::Approved | SetStatus::Published) {
        return Err(AppError::conflict(
            "already_approved",
            text!(
                "the set is approved; key work targets are set while it is being drafted or reviewed",
                "指标体系已批复；重点工作目标只能在编制或审核期间设定"
            ),
        ));
    }
    let mut indicator = indicator.clone();
    indicator.id = None;
    indicator.origin = IndicatorOrigin::KeyWork;
    let problems = save_problems(
        &[],
        &[Indicator {
            origin: IndicatorOrigin::Individual,
            ..indicator.clone()
        }],
    );
    if !problems.is_empty() {
        return Err(AppError::InvalidMany(problems));
    }
    let id = super::sets::add_indicator(conn, actor, set_id, &indicator).await?;
    sqlx::query("UPDATE indicator_sets SET revision = revision + 1 WHERE id = ?")
        .bind(set_id)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}
