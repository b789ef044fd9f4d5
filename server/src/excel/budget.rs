//! A department's budget lines in a sheet: the template (prefilled with the lines as they
//! are) and reading it back into the `lines` of a `BudgetUpdate`. Rows are matched to the
//! existing lines by code; the linked indicators are named (Chinese or English name).

use super::choice::Choice;
use super::read::{Book, Row, Table};
use super::write::{self, Formats, Head, Lists, Style, Value};
use super::{column, Column, Origins};
use jixiao_domain::dto::budget::{Budget, BudgetLine, IndicatorRef};
use jixiao_domain::framework::BudgetKind;
use jixiao_domain::FieldError;

pub const SHEET: &str = "预算 Budget";
pub const INDICATORS_SHEET: &str = "可选指标 Indicators";

const CODE: usize = 0;
const KIND: usize = 1;
const NAME_ZH: usize = 2;
const NAME_EN: usize = 3;
const UNIT: usize = 4;
const AMOUNT: usize = 5;
const ADJUSTED: usize = 6;
const FUNDING: usize = 7;
const INDICATORS: usize = 8;

pub const COLUMNS: &[Column] = &[
    column("代码", "Code", &["code", "id"], true, 14.0, Style::Text),
    column("支出类别", "Kind", &["kind"], true, 26.0, Style::Text),
    column("名称", "Name", &["name_zh"], true, 30.0, Style::Text),
    column(
        "英文名称",
        "English name",
        &["name_en"],
        false,
        30.0,
        Style::Text,
    ),
    column(
        "预算单位",
        "Budget unit",
        &["unit_code"],
        false,
        14.0,
        Style::Text,
    ),
    column(
        "批复金额（元）",
        "Approved amount (元)",
        &["amount_fen"],
        true,
        20.0,
        Style::Money,
    ),
    column(
        "调整后金额（元）",
        "Adjusted amount (元)",
        &["adjusted_fen"],
        true,
        20.0,
        Style::Money,
    ),
    column(
        "资金来源",
        "Funding source",
        &["funding_source"],
        true,
        26.0,
        Style::Text,
    ),
    column(
        "绩效指标",
        "Indicators paid for",
        &["indicator_ids"],
        true,
        44.0,
        Style::Wrap,
    ),
];

/// What a budget sheet is read against.
pub struct Context {
    pub budget: Budget,
    /// The department's budget units (code, Chinese name).
    pub units: Vec<(String, String)>,
}

/// Indicator names in a cell are separated by semicolons or line breaks.
fn indicator_names(ids: &[i64], indicators: &[IndicatorRef]) -> String {
    ids.iter()
        .filter_map(|id| indicators.iter().find(|i| i.id == *id))
        .map(|i| i.name_zh.clone())
        .collect::<Vec<_>>()
        .join("；")
}

/// The template: every line as it is now, ready to change and import.
pub fn template(ctx: &Context) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let budget = &ctx.budget;
    let d = &budget.department;
    let title = format!(
        "{} {} 年部门预算 · {} budget {}",
        d.name_zh, budget.year, d.name_en, budget.year
    );
    let note = format!(
        "金额单位：元 Amounts in 元 · 阶段 Phase: {} {} · 修订号 Revision {} · 按代码匹配已有预算行，多个指标用“；”分隔 Rows match existing lines by code; separate indicators with “；”",
        budget.phase.label_zh(),
        budget.phase.label_en(),
        budget.revision
    );
    let f = Formats::default();
    let mut book = write::workbook(&title);
    let mut lists = Lists::default();
    let kinds = lists.add(
        "支出类别 Kind",
        BudgetKind::ALL.iter().map(|k| k.cell()).collect(),
    )?;
    let units = lists.add(
        "预算单位 Budget unit",
        ctx.units.iter().map(|(code, _)| code.clone()).collect(),
    )?;
    let heads: Vec<Head> = COLUMNS.iter().map(Head::from).collect();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    let first = write::table_head(sheet, &f, &title, Some(&note), &heads)?;
    for (i, line) in budget.lines.iter().enumerate() {
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                line.code.as_str().into(),
                line.kind.cell().into(),
                line.name_zh.as_str().into(),
                line.name_en.as_str().into(),
                line.unit_code.clone().into(),
                Value::Fen(line.amount_fen),
                Value::Fen(line.adjusted_fen),
                line.funding_source.as_str().into(),
                indicator_names(&line.indicator_ids, &budget.indicators).into(),
            ],
        )?;
    }
    let rows = budget.lines.len() as u32;
    write::spare_rows(sheet, &f, first + rows, &heads)?;
    write::validate_column(sheet, first, rows, KIND as u16, &kinds)?;
    if !ctx.units.is_empty() {
        write::validate_column(sheet, first, rows, UNIT as u16, &units)?;
    }

    let heads = [
        Head::new("指标名称 Indicator name", 36.0, Style::Text),
        Head::new("英文名称 English name", 36.0, Style::Text),
        Head::new("二级指标 Level 2", 30.0, Style::Text),
    ];
    let sheet = book.add_worksheet();
    sheet.set_name(INDICATORS_SHEET)?;
    let title = format!(
        "{} 年可关联的绩效指标 · Indicators lines can pay for",
        budget.year
    );
    let first = write::table_head(sheet, &f, &title, None, &heads)?;
    for (i, indicator) in budget.indicators.iter().enumerate() {
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                indicator.name_zh.as_str().into(),
                indicator.name_en.as_str().into(),
                indicator.level2.cell().into(),
            ],
        )?;
    }
    lists.write(&mut book, &f)?;
    book.save_to_buffer()
}

/// The indicators a cell names, each by its Chinese or English name.
fn linked(row: &Row, ctx: &Context, out: &mut Vec<FieldError>) -> Vec<i64> {
    let text = row.text(INDICATORS);
    let mut ids = Vec::new();
    for name in text
        .split([';', '；', '\n', '\r'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let found: Vec<i64> = ctx
            .budget
            .indicators
            .iter()
            .filter(|i| i.name_zh.trim() == name || i.name_en.trim().eq_ignore_ascii_case(name))
            .map(|i| i.id)
            .collect();
        match found.as_slice() {
            [id] => ids.push(*id),
            [] => out.push(row.problem(
                INDICATORS,
                "unknown_indicator",
                text!(
                    "no indicator called “{name}” in the department's {} set (see the sheet {INDICATORS_SHEET})",
                    "本部门 {} 年度指标体系中没有名为“{name}”的指标（见工作表“{INDICATORS_SHEET}”）",
                    ctx.budget.year
                ),
            )),
            _ => out.push(row.problem(
                INDICATORS,
                "ambiguous_indicator",
                text!(
                    "several indicators are called “{name}”",
                    "有多个指标名为“{name}”"
                ),
            )),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The budget sheet as the lines of a `BudgetUpdate`, with where each came from.
pub fn read(book: &mut Book, ctx: &Context) -> Result<(Vec<BudgetLine>, Origins), Vec<FieldError>> {
    let range = book.sheet(SHEET).map_err(|e| vec![e])?;
    let table = Table::new(SHEET, &range, COLUMNS)?;
    let mut origin = table.origin("lines");
    let mut out = Vec::new();
    let mut lines = Vec::new();
    for row in table.rows() {
        let code = row.text(CODE);
        let existing = ctx
            .budget
            .lines
            .iter()
            .find(|l| l.code == code && !code.is_empty());
        let kind = row.required_choice::<BudgetKind>(KIND, &mut out);
        let amount = |column: usize, out: &mut Vec<FieldError>| {
            let value = row.fen(column, out);
            if value.is_none() && row.text(column).is_empty() {
                out.push(row.problem(
                    column,
                    "required",
                    text!(
                        "give the amount in 元 (0 for none)",
                        "请填写金额（元），没有则填 0"
                    ),
                ));
            }
            value
        };
        let amount_fen = amount(AMOUNT, &mut out);
        let adjusted_fen = amount(ADJUSTED, &mut out);
        let unit_code = if table.has(UNIT) {
            row.opt_text(UNIT).and_then(|text| {
                let code = text
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                if ctx.units.iter().any(|(c, _)| *c == code) {
                    Some(code)
                } else {
                    out.push(row.problem(
                        UNIT,
                        "unknown_unit",
                        text!(
                            "“{text}” is not one of the department's budget units",
                            "“{text}”不是本部门的预算单位"
                        ),
                    ));
                    None
                }
            })
        } else {
            existing.and_then(|l| l.unit_code.clone())
        };
        let name_en = if table.has(NAME_EN) {
            row.text(NAME_EN)
        } else {
            existing.map(|l| l.name_en.clone()).unwrap_or_default()
        };
        let indicator_ids = linked(&row, ctx, &mut out);
        let (Some(kind), Some(amount_fen), Some(adjusted_fen)) = (kind, amount_fen, adjusted_fen)
        else {
            continue;
        };
        origin.rows.push(row.excel_row());
        lines.push(BudgetLine {
            id: existing.and_then(|l| l.id),
            code,
            kind,
            name_zh: row.text(NAME_ZH),
            name_en,
            unit_code,
            amount_fen,
            adjusted_fen,
            funding_source: row.text(FUNDING),
            indicator_ids,
            suspended: existing.is_some_and(|l| l.suspended),
            suspended_reason: existing.and_then(|l| l.suspended_reason.clone()),
        });
    }
    if out.is_empty() {
        Ok((
            lines,
            Origins {
                lists: vec![origin],
            },
        ))
    } else {
        Err(out)
    }
}
