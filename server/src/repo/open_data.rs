//! Open data of a published year: a Frictionless Tabular Data Package (`datapackage.json`
//! and two CSV files). `budget.csv` follows the Open Fiscal Data Package's column types
//! (administrative and economic classification, fiscal period, phase, value); `results.csv`
//! holds every indicator's target, actual, points and score with the department's grade.

use super::public;
use crate::error::AppResult;
use jixiao_domain::dto::public::PublicDepartment;
use jixiao_domain::framework::Direction;
use serde_json::{json, Value};
use sqlx::SqliteConnection;

/// The package's files: (name, contents).
pub struct Package {
    pub year: i32,
    pub datapackage: String,
    pub budget_csv: String,
    pub results_csv: String,
}

fn field(name: &str, kind: &str, title: &str, column_type: Option<&str>) -> Value {
    let mut field = json!({ "name": name, "type": kind, "title": title });
    if let Some(column_type) = column_type {
        field["columnType"] = json!(column_type);
    }
    field
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn csv_line(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// Fen as yuan with two decimals, exactly.
fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    format!("{sign}{}.{:02}", fen / 100, fen % 100)
}

fn number(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

fn budget_rows(out: &mut String, year: i32, department: &PublicDepartment) {
    for line in &department.lines {
        for (phase, fen) in [
            ("approved", line.amount_fen),
            ("adjusted", line.adjusted_fen),
            ("executed", line.spent_fen),
        ] {
            csv_line(
                out,
                &[
                    year.to_string(),
                    department.department.code.clone(),
                    department.department.name_zh.clone(),
                    department.department.name_en.clone(),
                    line.code.clone(),
                    line.name_zh.clone(),
                    line.name_en.clone(),
                    line.kind.as_str().to_owned(),
                    line.kind.label_en().to_owned(),
                    "expenditure".to_owned(),
                    phase.to_owned(),
                    yuan(fen),
                ],
            );
        }
    }
}

fn result_rows(out: &mut String, year: i32, department: &PublicDepartment) {
    for indicator in &department.indicators {
        let ascending = match indicator.direction {
            Direction::HigherBetter => "true",
            Direction::LowerBetter | Direction::ZeroTarget => "false",
            Direction::Qualitative | Direction::BudgetExecution => "",
        };
        let figures = &indicator.figures;
        csv_line(
            out,
            &[
                year.to_string(),
                department.department.code.clone(),
                department.department.name_zh.clone(),
                department.department.name_en.clone(),
                indicator.name_zh.clone(),
                indicator.name_en.clone(),
                indicator.level2.level1().as_str().to_owned(),
                indicator.level2.as_str().to_owned(),
                indicator.direction.as_str().to_owned(),
                ascending.to_owned(),
                indicator.unit.clone(),
                number(indicator.baseline),
                number(indicator.target),
                indicator.target_text.clone().unwrap_or_default(),
                number(figures.actual),
                figures
                    .rating
                    .map(|r| r.as_str().to_owned())
                    .unwrap_or_default(),
                number(figures.percent),
                number(Some(indicator.points)),
                format!("{:.4}", indicator.score),
                format!("{:.2}", department.total),
                department.grade.as_str().to_owned(),
            ],
        );
    }
}

fn descriptor(year: i32, published_at: &str) -> Value {
    let budget_fields = vec![
        field(
            "fiscal_year",
            "integer",
            "Fiscal year",
            Some("date:fiscal-year"),
        ),
        field(
            "department_code",
            "string",
            "Department code",
            Some("administrative-classification:generic:level1:code"),
        ),
        field(
            "department_name_zh",
            "string",
            "Department (Chinese)",
            Some("administrative-classification:generic:level1:label"),
        ),
        field("department_name_en", "string", "Department (English)", None),
        field(
            "line_code",
            "string",
            "Budget line code",
            Some("activity:generic:program:code"),
        ),
        field(
            "line_name_zh",
            "string",
            "Budget line (Chinese)",
            Some("activity:generic:program:label"),
        ),
        field("line_name_en", "string", "Budget line (English)", None),
        field(
            "economic_code",
            "string",
            "Economic classification: personnel, operations or project",
            Some("economic-classification:generic:level1:code"),
        ),
        field(
            "economic_label",
            "string",
            "Economic classification",
            Some("economic-classification:generic:level1:label"),
        ),
        field(
            "direction",
            "string",
            "Expenditure or revenue",
            Some("direction:code"),
        ),
        field(
            "phase",
            "string",
            "Budget phase: approved, adjusted or executed",
            Some("phase:id"),
        ),
        field("value", "number", "Amount in yuan (CNY)", Some("value")),
    ];
    let results_fields = vec![
        field("fiscal_year", "integer", "Fiscal year", Some("date:fiscal-year")),
        field("department_code", "string", "Department code", Some("administrative-classification:generic:level1:code")),
        field("department_name_zh", "string", "Department (Chinese)", None),
        field("department_name_en", "string", "Department (English)", None),
        field("indicator_name_zh", "string", "Indicator (Chinese)", None),
        field("indicator_name_en", "string", "Indicator (English)", None),
        field("level1", "string", "Level 1: output, effect, satisfaction, budget_execution", None),
        field("level2", "string", "Level 2 of the indicator framework", None),
        field("direction", "string", "higher_better, lower_better, zero_target, qualitative or budget_execution", None),
        field("ascending", "boolean", "True when a higher value is better; empty for qualitative and execution-rate indicators", None),
        field("unit", "string", "Unit of the target and actual", None),
        field("baseline", "number", "Last year's actual", None),
        field("target", "number", "Target", None),
        field("target_text", "string", "What achieved means, for qualitative indicators", None),
        field("actual", "number", "Actual at year end (the execution rate for budget execution)", None),
        field("rating", "string", "Qualitative rating: achieved, partly or not_achieved", None),
        field("percent", "number", "Percent of the points given inside the rating's band", None),
        field("points", "number", "Points (weight) of the indicator; a set's points sum to 100", None),
        field("score", "number", "Score earned, unrounded to 4 decimals; the total is the sum", None),
        field("total", "number", "The department's total, rounded half away from zero to 2 decimals", None),
        field("grade", "string", "excellent ≥ 90, good ≥ 80, fair ≥ 60, poor < 60", None),
    ];
    let resource = |name: &str, title: &str, fields: Vec<Value>| {
        json!({
            "profile": "tabular-data-resource",
            "name": name,
            "title": title,
            "path": format!("{name}.csv"),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": { "delimiter": ",", "lineTerminator": "\r\n", "header": true },
            "schema": { "fields": fields, "missingValues": [""] },
        })
    };
    json!({
        "profile": "tabular-data-package",
        "name": format!("jixiao-performance-{year}"),
        "title": format!("Department-wide budget performance results {year} 部门整体预算绩效结果"),
        "description": "Published by the finance department: every department's budget lines (approved, adjusted, executed) and its performance indicators with targets, actuals, points, scores and grade.",
        "version": "1.0.0",
        "created": published_at,
        "licenses": [{ "name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/" }],
        "resources": [
            resource("budget", "Budget lines by phase 预算（批复、调整、执行）", budget_fields),
            resource("results", "Indicator results 绩效指标结果", results_fields),
        ],
    })
}

/// The package of a published year (404 if it is not published).
pub async fn package(conn: &mut SqliteConnection, year: i32) -> AppResult<Package> {
    let overview = public::overview(conn, year).await?;
    let mut budget_csv = String::from("fiscal_year,department_code,department_name_zh,department_name_en,line_code,line_name_zh,line_name_en,economic_code,economic_label,direction,phase,value\r\n");
    let mut results_csv = String::from("fiscal_year,department_code,department_name_zh,department_name_en,indicator_name_zh,indicator_name_en,level1,level2,direction,ascending,unit,baseline,target,target_text,actual,rating,percent,points,score,total,grade\r\n");
    for standing in &overview.departments {
        let department = public::department(conn, year, &standing.department.code).await?;
        budget_rows(&mut budget_csv, year, &department);
        result_rows(&mut results_csv, year, &department);
    }
    let datapackage =
        serde_json::to_string_pretty(&descriptor(year, &overview.published_at)).unwrap_or_default();
    Ok(Package {
        year,
        datapackage,
        budget_csv,
        results_csv,
    })
}

impl Package {
    /// The three files in one zip (deflated), `datapackage.json` at its root.
    pub fn zip(&self) -> std::io::Result<Vec<u8>> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, contents) in [
            ("datapackage.json", &self.datapackage),
            ("budget.csv", &self.budget_csv),
            ("results.csv", &self.results_csv),
        ] {
            zip.start_file(name, options)
                .map_err(std::io::Error::other)?;
            zip.write_all(contents.as_bytes())?;
        }
        Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
    }
}
