//! Monthly "double monitoring" in sheets: a month's template (spending per budget line and
//! each indicator's value to date, prefilled with what is stored for that month), reading
//! it back into a `MonthEntry`, and the year's export (months × lines and indicators, with
//! lamps as words, in `monitoring_year`).

use super::choice::Choice;
use super::read::{Book, Table};
use super::write::{self, Formats, Head, Style, Value};
use super::{column, Column, Origins};
use jixiao_domain::dto::monitoring::{DepartmentMonitor, MonthEntry, SpendingFigure, ValueFigure};
use jixiao_domain::FieldError;
use std::collections::HashMap;

pub const SPENDING_SHEET: &str = "支出 Spending";
pub const VALUES_SHEET: &str = "指标 Indicators";

const CODE: usize = 0;
const SPENT: usize = 4;
const ID: usize = 0;
const INDICATOR_NAME: usize = 1;
const VALUE: usize = 6;

pub const SPENDING_COLUMNS: &[Column] = &[
    column("代码", "Code", &["budget_line_id"], true, 14.0, Style::Text),
    column("名称", "Name", &[], false, 30.0, Style::Text),
    column("支出类别", "Kind", &[], false, 24.0, Style::Text),
    column(
        "调整后预算（元）",
        "Adjusted budget (元)",
        &[],
        false,
        20.0,
        Style::Money,
    ),
    column(
        "累计支出（元）",
        "Spent to date (元)",
        &["spent_to_date_fen"],
        true,
        20.0,
        Style::Money,
    ),
    column("说明", "Note", &["note"], false, 24.0, Style::Wrap),
    column("偏差原因", "Cause", &["cause"], false, 24.0, Style::Wrap),
    column(
        "纠偏措施",
        "Corrective measure",
        &["measure"],
        false,
        24.0,
        Style::Wrap,
    ),
];

pub const VALUE_COLUMNS: &[Column] = &[
    column("编号", "ID", &["indicator_id"], true, 8.0, Style::Text),
    column("指标名称", "Indicator name", &[], false, 30.0, Style::Text),
    column("计量单位", "Unit", &[], false, 12.0, Style::Text),
    column("累计/时点", "Accumulation", &[], false, 16.0, Style::Text),
    column("全年目标", "Annual target", &[], false, 14.0, Style::Number),
    column(
        "本月应达",
        "Expected to date",
        &[],
        false,
        14.0,
        Style::Number,
    ),
    column(
        "累计/当前值",
        "Value to date",
        &["value_to_date"],
        true,
        16.0,
        Style::Number,
    ),
    column("说明", "Note", &["note"], false, 24.0, Style::Wrap),
    column("偏差原因", "Cause", &["cause"], false, 24.0, Style::Wrap),
    column(
        "纠偏措施",
        "Corrective measure",
        &["measure"],
        false,
        24.0,
        Style::Wrap,
    ),
];

/// The lines (by code) and indicators (by id and name) a month's figures can be for.
#[derive(Debug, Clone, Default)]
pub struct Subjects {
    lines: HashMap<String, i64>,
    names: HashMap<String, Vec<i64>>,
}

impl Subjects {
    pub fn new(
        lines: impl IntoIterator<Item = (i64, String)>,
        indicators: impl IntoIterator<Item = (i64, String)>,
    ) -> Self {
        let mut names: HashMap<String, Vec<i64>> = HashMap::new();
        for (id, name) in indicators {
            names.entry(name.trim().to_owned()).or_default().push(id);
        }
        Self {
            lines: lines
                .into_iter()
                .map(|(id, code)| (code.trim().to_owned(), id))
                .collect(),
            names,
        }
    }

    pub fn of(view: &DepartmentMonitor) -> Self {
        Self::new(
            view.lines.iter().map(|l| (l.id, l.code.clone())),
            view.indicators.iter().map(|i| (i.id, i.name_zh.clone())),
        )
    }
}

pub(super) fn title(view: &DepartmentMonitor, what: &str) -> String {
    let d = &view.department;
    format!(
        "{} {} 年{} · {} {}",
        d.name_zh, view.year, what, d.name_en, view.year
    )
}

/// A month's template: every line and indicator, with what is stored for the month.
pub fn template(
    view: &DepartmentMonitor,
    stored: &MonthEntry,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let month = view.month;
    let d = &view.department;
    let title = format!(
        "{} {} 年 {month} 月监控 · {} monitoring {}-{month:02}",
        d.name_zh, view.year, d.name_en, view.year
    );
    let f = Formats::default();
    let mut book = write::workbook(&title);

    let heads: Vec<Head> = SPENDING_COLUMNS.iter().map(Head::from).collect();
    let sheet = book.add_worksheet();
    sheet.set_name(SPENDING_SHEET)?;
    let note = "金额单位：元 Amounts in 元 · 累计支出为年初至本月末 Spending is cumulative from January · 超预算或低于上月须填写说明 A figure over budget or below last month's needs a note";
    let first = write::table_head(sheet, &f, &title, Some(note), &heads)?;
    for (i, line) in view.lines.iter().enumerate() {
        let figure = stored.spending.iter().find(|s| s.budget_line_id == line.id);
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                line.code.as_str().into(),
                line.name_zh.as_str().into(),
                line.kind.cell().into(),
                Value::Fen(line.adjusted_fen),
                figure.map(|s| Value::Fen(s.spent_to_date_fen)).into(),
                figure.and_then(|s| s.note.clone()).into(),
                figure.and_then(|s| s.cause.clone()).into(),
                figure.and_then(|s| s.measure.clone()).into(),
            ],
        )?;
    }

    let heads: Vec<Head> = VALUE_COLUMNS.iter().map(Head::from).collect();
    let sheet = book.add_worksheet();
    sheet.set_name(VALUES_SHEET)?;
    let note = "累计值填年初至本月累计数，时点值填本月末数 Cumulative indicators: the total so far this year; levels: the value at month end";
    let first = write::table_head(sheet, &f, &title, Some(note), &heads)?;
    for (i, indicator) in view.indicators.iter().enumerate() {
        let figure = stored
            .values
            .iter()
            .find(|v| v.indicator_id == indicator.id);
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                indicator.id.to_string().into(),
                indicator.name_zh.as_str().into(),
                indicator.unit.as_str().into(),
                indicator.accumulation.cell().into(),
                indicator.target.map(Value::Number).into(),
                indicator.expected_to_date.map(Value::Number).into(),
                figure.map(|v| Value::Number(v.value_to_date)).into(),
                figure.and_then(|v| v.note.clone()).into(),
                figure.and_then(|v| v.cause.clone()).into(),
                figure.and_then(|v| v.measure.clone()).into(),
            ],
        )?;
    }
    book.save_to_buffer()
}

/// The month's sheets as a `MonthEntry`: rows with a figure, each line or indicator once.
pub fn read(
    book: &mut Book,
    subjects: &Subjects,
) -> Result<(MonthEntry, Origins), Vec<FieldError>> {
    let mut out = Vec::new();
    let spending_range = book.sheet(SPENDING_SHEET);
    let values_range = book.sheet(VALUES_SHEET);
    let (spending_range, values_range) = match (spending_range, values_range) {
        (Ok(s), Ok(v)) => (s, v),
        (s, v) => return Err([s.err(), v.err()].into_iter().flatten().collect()),
    };
    let spending_table = Table::new(SPENDING_SHEET, &spending_range, SPENDING_COLUMNS);
    let values_table = Table::new(VALUES_SHEET, &values_range, VALUE_COLUMNS);
    let (spending_table, values_table) = match (spending_table, values_table) {
        (Ok(s), Ok(v)) => (s, v),
        (s, v) => return Err([s.err(), v.err()].into_iter().flatten().flatten().collect()),
    };
    let mut entry = MonthEntry {
        spending: Vec::new(),
        values: Vec::new(),
    };
    let mut spending_origin = spending_table.origin("spending");
    let mut seen = HashMap::new();
    for row in spending_table.rows() {
        let spent = row.fen(SPENT, &mut out);
        let (note, cause, measure) = (row.opt_text(5), row.opt_text(6), row.opt_text(7));
        if spent.is_none() && row.text(SPENT).is_empty() {
            if note.is_some() || cause.is_some() || measure.is_some() {
                out.push(row.problem(
                    SPENT,
                    "required",
                    text!(
                        "give the spending to date, or clear the row's notes",
                        "请填写累计支出，或清空本行的说明"
                    ),
                ));
            }
            continue;
        }
        let code = row.text(CODE);
        let Some(id) = subjects.lines.get(&code).copied() else {
            out.push(row.problem(
                CODE,
                "unknown_line",
                text!(
                    "no budget line with the code “{code}” this year",
                    "本年度没有代码为“{code}”的预算项目"
                ),
            ));
            continue;
        };
        if let Some(first) = seen.insert(id, row.excel_row()) {
            out.push(row.problem(
                CODE,
                "duplicate_line",
                text!(
                    "row {first} has the same line",
                    "与第 {first} 行的预算项目重复"
                ),
            ));
        }
        let Some(spent_to_date_fen) = spent else {
            continue;
        };
        spending_origin.rows.push(row.excel_row());
        entry.spending.push(SpendingFigure {
            budget_line_id: id,
            spent_to_date_fen,
            note,
            cause,
            measure,
        });
    }
    let mut values_origin = values_table.origin("values");
    let mut seen = HashMap::new();
    for row in values_table.rows() {
        let value = row.number(VALUE, &mut out);
        let (note, cause, measure) = (row.opt_text(7), row.opt_text(8), row.opt_text(9));
        if value.is_none() && row.text(VALUE).is_empty() {
            if note.is_some() || cause.is_some() || measure.is_some() {
                out.push(row.problem(
                    VALUE,
                    "required",
                    text!(
                        "give the value to date, or clear the row's notes",
                        "请填写累计值，或清空本行的说明"
                    ),
                ));
            }
            continue;
        }
        let id = match row.opt_text(ID) {
            Some(text) => text.parse::<i64>().ok().or_else(|| {
                out.push(row.problem(
                    ID,
                    "invalid_id",
                    text!(
                        "the ID is a whole number from the template",
                        "编号须为模板中的整数"
                    ),
                ));
                None
            }),
            None => {
                let name = row.text(INDICATOR_NAME);
                match subjects.names.get(&name).map(Vec::as_slice) {
                    Some([id]) => Some(*id),
                    _ => {
                        out.push(row.problem(
                            ID,
                            "required",
                            text!(
                                "give the indicator's ID (no single indicator is called “{name}”)",
                                "请填写指标编号（名为“{name}”的指标不存在或不止一个）"
                            ),
                        ));
                        None
                    }
                }
            }
        };
        let Some(id) = id else { continue };
        if let Some(first) = seen.insert(id, row.excel_row()) {
            out.push(row.problem(
                ID,
                "duplicate_indicator",
                text!(
                    "row {first} has the same indicator",
                    "与第 {first} 行的指标重复"
                ),
            ));
        }
        let Some(value_to_date) = value else { continue };
        values_origin.rows.push(row.excel_row());
        entry.values.push(ValueFigure {
            indicator_id: id,
            value_to_date,
            note,
            cause,
            measure,
        });
    }
    if out.is_empty() {
        Ok((
            entry,
            Origins {
                lists: vec![spending_origin, values_origin],
            },
        ))
    } else {
        Err(out)
    }
}
