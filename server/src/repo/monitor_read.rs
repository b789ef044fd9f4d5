//! Reading the monitoring data of a month with its lamps, decided by the domain crate from
//! the stored values and the year's thresholds — never from a rounded display.

use crate::error::{AppError, AppResult};
use jixiao_domain::dto::auth::DepartmentRef;
use jixiao_domain::dto::monitoring::{
    DepartmentLamps, DepartmentMonitor, IndicatorMonitor, LampCounts, LampName, LineMonitor,
    ProvinceMonitor,
};
use jixiao_domain::framework::{Accumulation, Direction};
use jixiao_domain::lamps::{department_lamp, indicator_lamp, spending_lamp, Lamp, Month};
use sqlx::SqliteConnection;

#[derive(sqlx::FromRow)]
struct LineRow {
    id: i64,
    code: String,
    kind: String,
    name_zh: String,
    name_en: String,
    amount_fen: i64,
    adjusted_fen: i64,
    suspended: bool,
    suspended_reason: Option<String>,
    spent_to_date_fen: Option<i64>,
    cause: Option<String>,
    measure: Option<String>,
}

#[derive(sqlx::FromRow)]
struct IndicatorRow {
    id: i64,
    level2: String,
    name_zh: String,
    name_en: String,
    unit: String,
    direction: String,
    accumulation: String,
    target: Option<f64>,
    value_to_date: Option<f64>,
    cause: Option<String>,
    measure: Option<String>,
}

async fn department_ref(
    conn: &mut SqliteConnection,
    department_id: i64,
) -> AppResult<DepartmentRef> {
    let row: Option<(i64, String, String, String)> =
        sqlx::query_as("SELECT id, code, name_zh, name_en FROM departments WHERE id = ?")
            .bind(department_id)
            .fetch_optional(&mut *conn)
            .await?;
    let (id, code, name_zh, name_en) = row.ok_or_else(|| {
        AppError::not_found(text!("department {department_id}", "部门 {department_id}"))
    })?;
    Ok(DepartmentRef {
        id,
        code,
        name_zh,
        name_en,
    })
}

/// The latest month with any figures for the department's year.
async fn latest_month(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<Option<u8>> {
    let month: Option<i64> = sqlx::query_scalar(
        "SELECT MAX(month) FROM (
             SELECT m.month FROM monthly_spending m JOIN budget_lines b ON b.id = m.budget_line_id
             WHERE b.department_id = ?1 AND b.year = ?2
             UNION ALL
             SELECT v.month FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id
             JOIN indicator_sets s ON s.id = i.set_id WHERE s.department_id = ?1 AND s.year = ?2)",
    )
    .bind(department_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    Ok(month.and_then(|m| u8::try_from(m).ok()))
}

/// A department's lines and indicators at `month` (default: its latest month with data).
/// A month without a figure has no lamp ("no value yet").
pub async fn department(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
    month: Option<Month>,
) -> AppResult<DepartmentMonitor> {
    let department = department_ref(conn, department_id).await?;
    let thresholds = super::years::rules(conn, year).await?.lamp_thresholds;
    let latest = latest_month(conn, department_id, year).await?;
    let month = match month {
        Some(m) => m,
        None => Month::parse(i64::from(latest.unwrap_or(1)))?,
    };
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT b.id, b.code, b.kind, b.name_zh, b.name_en, b.amount_fen, b.adjusted_fen, b.suspended,
                b.suspended_reason, m.spent_to_date_fen, m.cause, m.measure
         FROM budget_lines b LEFT JOIN monthly_spending m ON m.budget_line_id = b.id AND m.month = ?3
         WHERE b.department_id = ?1 AND b.year = ?2
         ORDER BY CASE b.kind WHEN 'personnel' THEN 0 WHEN 'operations' THEN 1 ELSE 2 END, b.code",
    )
    .bind(department_id)
    .bind(year)
    .bind(month.get())
    .fetch_all(&mut *conn)
    .await?;
    let indicators: Vec<IndicatorRow> = sqlx::query_as(
        "SELECT i.id, i.level2, i.name_zh, i.name_en, i.unit, i.direction, i.accumulation, i.target,
                v.value_to_date, v.cause, v.measure
         FROM indicators i JOIN indicator_sets s ON s.id = i.set_id
         LEFT JOIN indicator_values v ON v.indicator_id = i.id AND v.month = ?3
         WHERE s.department_id = ?1 AND s.year = ?2 ORDER BY i.position, i.id",
    )
    .bind(department_id)
    .bind(year)
    .bind(month.get())
    .fetch_all(&mut *conn)
    .await?;

    let mut line_views = Vec::with_capacity(lines.len());
    let (mut budget, mut spent) = (0_i64, 0_i64);
    for line in lines {
        let reading = line
            .spent_to_date_fen
            .map(|s| spending_lamp(line.adjusted_fen, s, month, thresholds));
        if let Some(s) = line.spent_to_date_fen {
            budget += line.adjusted_fen;
            spent += s;
        }
        line_views.push(LineMonitor {
            id: line.id,
            code: line.code,
            kind: line.kind.parse()?,
            name_zh: line.name_zh,
            name_en: line.name_en,
            amount_fen: line.amount_fen,
            adjusted_fen: line.adjusted_fen,
            spent_to_date_fen: line.spent_to_date_fen,
            ratio: reading.and_then(|r| r.ratio),
            lamp: reading.map_or(Lamp::None, |r| r.lamp),
            cause: line.cause,
            measure: line.measure,
            suspended: line.suspended,
            suspended_reason: line.suspended_reason,
        });
    }
    let mut indicator_views = Vec::with_capacity(indicators.len());
    for row in indicators {
        let direction: Direction = row.direction.parse()?;
        let accumulation: Accumulation = row.accumulation.parse()?;
        let target = row.target.unwrap_or(0.0);
        let reading = indicator_lamp(
            direction,
            accumulation,
            target,
            row.value_to_date,
            month,
            thresholds,
        );
        let expected_to_date = match (direction, accumulation) {
            (
                Direction::HigherBetter | Direction::LowerBetter | Direction::ZeroTarget,
                Accumulation::Cumulative,
            ) => Some(target * f64::from(month.get()) / 12.0),
            (
                Direction::HigherBetter | Direction::LowerBetter | Direction::ZeroTarget,
                Accumulation::Level,
            ) => Some(target),
            _ => None,
        };
        indicator_views.push(IndicatorMonitor {
            id: row.id,
            level2: row.level2.parse()?,
            name_zh: row.name_zh,
            name_en: row.name_en,
            unit: row.unit,
            direction,
            accumulation,
            target: row.target,
            expected_to_date,
            value_to_date: row.value_to_date,
            ratio: reading.ratio,
            lamp: reading.lamp,
            cause: row.cause,
            measure: row.measure,
        });
    }
    let spending = spending_lamp(budget, spent, month, thresholds);
    let department_lamp = department_lamp(
        line_views
            .iter()
            .map(|l| l.lamp)
            .chain(indicator_views.iter().map(|i| i.lamp)),
    );
    Ok(DepartmentMonitor {
        department,
        year,
        month: month.get(),
        latest_month: latest,
        lines: line_views,
        indicators: indicator_views,
        spending_lamp: spending.lamp,
        department_lamp,
    })
}

fn red_names(monitor: &DepartmentMonitor) -> Vec<LampName> {
    let name = |zh: &str, en: &str| LampName {
        name_zh: zh.to_owned(),
        name_en: en.to_owned(),
    };
    monitor
        .lines
        .iter()
        .filter(|l| l.lamp == Lamp::Red)
        .map(|l| name(&l.name_zh, &l.name_en))
        .chain(
            monitor
                .indicators
                .iter()
                .filter(|i| i.lamp == Lamp::Red)
                .map(|i| name(&i.name_zh, &i.name_en)),
        )
        .collect()
}

/// Every department at `month` (default: the latest month any department reported), with
/// counts per lamp and the lamps that turned red this month.
pub async fn province(
    conn: &mut SqliteConnection,
    year: i32,
    month: Option<Month>,
) -> AppResult<ProvinceMonitor> {
    super::years::rules(conn, year).await?;
    let ids: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM departments WHERE active = 1 ORDER BY code")
            .fetch_all(&mut *conn)
            .await?;
    let month = match month {
        Some(m) => m,
        None => {
            let mut latest = 1;
            for id in &ids {
                latest = latest.max(latest_month(conn, *id, year).await?.unwrap_or(1));
            }
            Month::parse(i64::from(latest))?
        }
    };
    let previous = Month::parse(i64::from(month.get()) - 1).ok();
    let mut departments = Vec::with_capacity(ids.len());
    let mut all = Vec::new();
    for id in ids {
        let now = department(conn, id, year, Some(month)).await?;
        let before = match previous {
            Some(p) => red_names(&department(conn, id, year, Some(p)).await?),
            None => Vec::new(),
        };
        let lamps: Vec<Lamp> = now
            .lines
            .iter()
            .map(|l| l.lamp)
            .chain(now.indicators.iter().map(|i| i.lamp))
            .collect();
        all.extend(lamps.iter().copied());
        let (budget, spent) = now
            .lines
            .iter()
            .filter_map(|l| l.spent_to_date_fen.map(|s| (l.adjusted_fen, s)))
            .fold((0, 0), |(b, s), (lb, ls)| (b + lb, s + ls));
        let ratio =
            (budget > 0).then(|| spent as f64 * 12.0 / (budget as f64 * f64::from(month.get())));
        departments.push(DepartmentLamps {
            new_red: red_names(&now)
                .into_iter()
                .filter(|n| !before.contains(n))
                .collect(),
            department: now.department,
            spending_lamp: now.spending_lamp,
            spending_ratio: ratio,
            department_lamp: now.department_lamp,
            lamps: LampCounts::of(lamps),
        });
    }
    Ok(ProvinceMonitor {
        year,
        month: month.get(),
        departments,
        totals: LampCounts::of(all),
    })
}

/// The department's year month by month, and its costs per unit of output at `month`.
pub async fn series(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<jixiao_domain::dto::monitoring::MonitoringSeries> {
    use jixiao_domain::dto::monitoring::{IndicatorSeries, MonitoringSeries, UnitCost};
    super::years::rules(conn, year).await?;
    let budget: i64 = sqlx::query_scalar(
        "SELECT COALESCE(SUM(adjusted_fen), 0) FROM budget_lines WHERE department_id = ? AND year = ?",
    )
    .bind(department_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    let spent: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT m.month, SUM(m.spent_to_date_fen) FROM monthly_spending m JOIN budget_lines b ON b.id = m.budget_line_id
         WHERE b.department_id = ? AND b.year = ? GROUP BY m.month",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut execution = vec![None; 12];
    for (month, total) in spent {
        if let Some(slot) = usize::try_from(month - 1)
            .ok()
            .and_then(|i| execution.get_mut(i))
        {
            *slot = (budget > 0).then(|| total as f64 / budget as f64);
        }
    }
    let values: Vec<(i64, i64, f64)> = sqlx::query_as(
        "SELECT v.indicator_id, v.month, v.value_to_date FROM indicator_values v
         JOIN indicators i ON i.id = v.indicator_id JOIN indicator_sets s ON s.id = i.set_id
         WHERE s.department_id = ? AND s.year = ? ORDER BY i.position, v.month",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut indicators: Vec<IndicatorSeries> = Vec::new();
    for (indicator_id, month, value) in values {
        if indicators
            .last()
            .is_none_or(|s| s.indicator_id != indicator_id)
        {
            indicators.push(IndicatorSeries {
                indicator_id,
                values: vec![None; 12],
            });
        }
        if let (Some(series), Ok(i)) = (indicators.last_mut(), usize::try_from(month - 1)) {
            if let Some(slot) = series.values.get_mut(i) {
                *slot = Some(value);
            }
        }
    }
    // Spending of each project line per unit of the output-quantity indicators it pays for,
    // both at the latest month either was reported.
    let costs: Vec<(i64, i64, Option<i64>, Option<f64>)> = sqlx::query_as(
        "SELECT b.id, i.id,
                (SELECT spent_to_date_fen FROM monthly_spending WHERE budget_line_id = b.id ORDER BY month DESC LIMIT 1),
                (SELECT value_to_date FROM indicator_values WHERE indicator_id = i.id ORDER BY month DESC LIMIT 1)
         FROM budget_lines b JOIN budget_line_indicators l ON l.budget_line_id = b.id
         JOIN indicators i ON i.id = l.indicator_id
         WHERE b.department_id = ? AND b.year = ? AND i.level2 = 'quantity' AND i.direction = 'higher_better'",
    )
    .bind(department_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let unit_costs = costs
        .into_iter()
        .filter_map(|(budget_line_id, indicator_id, spent, value)| {
            let value = value.filter(|v| *v > 0.0)?;
            Some(UnitCost {
                budget_line_id,
                indicator_id,
                fen_per_unit: spent? as f64 / value,
            })
        })
        .collect();
    Ok(MonitoringSeries {
        year,
        execution,
        indicators,
        unit_costs,
    })
}
