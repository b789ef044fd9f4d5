//! A department's indicator set in a sheet: the template and the export (the same layout,
//! so an export can be changed and imported again) and reading it back into the indicators
//! of a `SetUpdate`. Rows are matched to the existing indicators by their ID; a row without
//! one is a new indicator.

use super::choice::Choice;
use super::read::{Book, Table};
use super::write::{self, Formats, Head, Lists, Style, Value};
use super::{column, Column, Origins};
use jixiao_domain::dto::sets::{Indicator, IndicatorSet};
use jixiao_domain::framework::{Accumulation, Direction, IndicatorOrigin, Level2};
use jixiao_domain::FieldError;
use std::collections::HashMap;

pub const SHEET: &str = "指标 Indicators";

const ID: usize = 0;
const ORIGIN: usize = 1;
// Column 2, level 1, is shown for reading only: it follows from level 2.
const LEVEL2: usize = 3;
const NAME_ZH: usize = 4;
const NAME_EN: usize = 5;
const UNIT: usize = 6;
const DIRECTION: usize = 7;
const ACCUMULATION: usize = 8;
const TARGET: usize = 9;
const TARGET_TEXT: usize = 10;
const BASELINE: usize = 11;
const POINTS: usize = 12;
const DATA_SOURCE: usize = 13;
const ELASTICITY: usize = 14;
const BUDGET_UNIT: usize = 15;

pub const COLUMNS: &[Column] = &[
    column("编号", "ID", &["id"], true, 8.0, Style::Text),
    column("来源", "Origin", &["origin"], true, 22.0, Style::Text),
    column("一级指标", "Level 1", &[], false, 18.0, Style::Text),
    column("二级指标", "Level 2", &["level2"], true, 26.0, Style::Text),
    column(
        "指标名称",
        "Indicator name",
        &["name_zh"],
        true,
        30.0,
        Style::Text,
    ),
    column(
        "英文名称",
        "English name",
        &["name_en"],
        false,
        30.0,
        Style::Text,
    ),
    column("计量单位", "Unit", &["unit"], true, 12.0, Style::Text),
    column(
        "指标方向",
        "Direction",
        &["direction"],
        true,
        24.0,
        Style::Text,
    ),
    column(
        "累计/时点",
        "Accumulation",
        &["accumulation"],
        true,
        18.0,
        Style::Text,
    ),
    column("目标值", "Target", &["target"], true, 14.0, Style::Number),
    column(
        "定性目标",
        "Qualitative target",
        &["target_text"],
        false,
        28.0,
        Style::Wrap,
    ),
    column(
        "基线值（上年）",
        "Baseline (last year)",
        &["baseline"],
        false,
        14.0,
        Style::Number,
    ),
    column("分值", "Points", &["points"], true, 10.0, Style::Score),
    column(
        "数据来源",
        "Data source",
        &["data_source"],
        false,
        28.0,
        Style::Wrap,
    ),
    column(
        "弹性",
        "Elasticity",
        &["elasticity"],
        false,
        10.0,
        Style::Number,
    ),
    column(
        "预算单位",
        "Budget unit",
        &["unit_code"],
        false,
        14.0,
        Style::Text,
    ),
];

/// What a set sheet is read against.
pub struct Context {
    pub set: IndicatorSet,
    /// The department's budget units (code, Chinese name).
    pub units: Vec<(String, String)>,
}

/// The set as a workbook: the template to fill in, or (`export`) the set as it stands.
pub fn workbook(ctx: &Context, export: bool) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let set = &ctx.set;
    let d = &set.department;
    let title = format!(
        "{} {} 年部门整体绩效指标 · {} performance indicators {}",
        d.name_zh, set.year, d.name_en, set.year
    );
    let points: f64 = set.indicators.iter().map(|i| i.points).sum();
    let note = format!(
        "状态 Status: {} · 第 {} 版 Version {} · 修订号 Revision {} · 分值合计 Points total {:.2}{}",
        set.status.cell(),
        set.version,
        set.version,
        set.revision,
        points,
        if export {
            String::new()
        } else {
            " · 新增指标请留空编号 Leave the ID blank for a new indicator".to_owned()
        }
    );
    let f = Formats::default();
    let mut book = write::workbook(&title);
    let mut lists = Lists::default();
    let validations = [
        (
            ORIGIN,
            lists.add("来源 Origin", cells(IndicatorOrigin::ALL))?,
        ),
        (LEVEL2, lists.add("二级指标 Level 2", cells(Level2::ALL))?),
        (
            DIRECTION,
            lists.add("指标方向 Direction", cells(Direction::ALL))?,
        ),
        (
            ACCUMULATION,
            lists.add("累计/时点 Accumulation", cells(Accumulation::ALL))?,
        ),
    ];
    let units = lists.add(
        "预算单位 Budget unit",
        ctx.units.iter().map(|(code, _)| code.clone()).collect(),
    )?;
    let heads: Vec<Head> = COLUMNS.iter().map(Head::from).collect();
    let sheet = book.add_worksheet();
    sheet.set_name(SHEET)?;
    let first = write::table_head(sheet, &f, &title, Some(&note), &heads)?;
    for (i, indicator) in set.indicators.iter().enumerate() {
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                indicator.id.map(|id| id.to_string()).into(),
                indicator.origin.cell().into(),
                indicator.level2.level1().cell().into(),
                indicator.level2.cell().into(),
                indicator.name_zh.as_str().into(),
                indicator.name_en.as_str().into(),
                indicator.unit.as_str().into(),
                indicator.direction.cell().into(),
                indicator.accumulation.cell().into(),
                indicator.target.map(Value::Number).into(),
                indicator.target_text.clone().into(),
                indicator.baseline.map(Value::Number).into(),
                Value::Score(indicator.points),
                indicator.data_source.as_str().into(),
                indicator.elasticity.map(Value::Number).into(),
                indicator.unit_code.clone().into(),
            ],
        )?;
    }
    let rows = set.indicators.len() as u32;
    if !export {
        write::spare_rows(sheet, &f, first + rows, &heads)?;
    }
    for (col, validation) in &validations {
        write::validate_column(sheet, first, rows, *col as u16, validation)?;
    }
    if !ctx.units.is_empty() {
        write::validate_column(sheet, first, rows, BUDGET_UNIT as u16, &units)?;
    }
    lists.write(&mut book, &f)?;
    book.save_to_buffer()
}

fn cells<T: Choice>(all: &[T]) -> Vec<String> {
    all.iter().map(|v| v.cell()).collect()
}

/// The set sheet as the indicators of a `SetUpdate`, with where each came from.
pub fn read(book: &mut Book, ctx: &Context) -> Result<(Vec<Indicator>, Origins), Vec<FieldError>> {
    let range = book.sheet(SHEET).map_err(|e| vec![e])?;
    let table = Table::new(SHEET, &range, COLUMNS)?;
    let mut origin = table.origin("indicators");
    let mut out = Vec::new();
    let mut indicators = Vec::new();
    let mut seen: HashMap<i64, u32> = HashMap::new();
    for row in table.rows() {
        let id = row.opt_text(ID).and_then(|text| match text.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                out.push(row.problem(
                    ID,
                    "invalid_id",
                    text!(
                        "the ID is a whole number; leave it blank for a new indicator",
                        "编号须为整数，新增指标请留空"
                    ),
                ));
                None
            }
        });
        if let Some(id) = id {
            if let Some(first) = seen.insert(id, row.excel_row()) {
                out.push(row.problem(
                    ID,
                    "duplicate_id",
                    text!("row {first} has the same ID", "与第 {first} 行的编号重复"),
                ));
            }
        }
        let existing = id.and_then(|id| ctx.set.indicators.iter().find(|i| i.id == Some(id)));
        let origin_value = row.required_choice::<IndicatorOrigin>(ORIGIN, &mut out);
        let level2 = row.required_choice::<Level2>(LEVEL2, &mut out);
        let direction = row.required_choice::<Direction>(DIRECTION, &mut out);
        let accumulation = row.required_choice::<Accumulation>(ACCUMULATION, &mut out);
        let target = row.number(TARGET, &mut out);
        let baseline = if table.has(BASELINE) {
            row.number(BASELINE, &mut out)
        } else {
            existing.and_then(|i| i.baseline)
        };
        let elasticity = if table.has(ELASTICITY) {
            row.number(ELASTICITY, &mut out)
        } else {
            existing.and_then(|i| i.elasticity)
        };
        let points = row.number(POINTS, &mut out);
        if points.is_none() && row.text(POINTS).is_empty() {
            out.push(row.problem(
                POINTS,
                "required",
                text!(
                    "give the indicator's points (0 to 100)",
                    "请填写指标分值（0 到 100）"
                ),
            ));
        }
        let unit_code = if table.has(BUDGET_UNIT) {
            row.opt_text(BUDGET_UNIT).and_then(|text| {
                let code = text
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned();
                let known = ctx.units.iter().any(|(c, _)| *c == code);
                if !known {
                    out.push(row.problem(
                        BUDGET_UNIT,
                        "unknown_unit",
                        text!(
                            "“{text}” is not one of the department's budget units",
                            "“{text}”不是本部门的预算单位"
                        ),
                    ));
                }
                known.then_some(code)
            })
        } else {
            existing.and_then(|i| i.unit_code.clone())
        };
        let optional_text = |column: usize, old: Option<String>| {
            if table.has(column) {
                row.opt_text(column)
            } else {
                old
            }
        };
        let name_en = optional_text(NAME_EN, existing.map(|i| i.name_en.clone()));
        let target_text = optional_text(TARGET_TEXT, existing.and_then(|i| i.target_text.clone()));
        let data_source = optional_text(DATA_SOURCE, existing.map(|i| i.data_source.clone()));
        let (Some(origin_value), Some(level2), Some(direction), Some(accumulation), Some(points)) =
            (origin_value, level2, direction, accumulation, points)
        else {
            continue;
        };
        origin.rows.push(row.excel_row());
        indicators.push(Indicator {
            id,
            library_id: existing.and_then(|i| i.library_id),
            origin: origin_value,
            level2,
            name_zh: row.text(NAME_ZH),
            name_en: name_en.unwrap_or_default(),
            unit: row.text(UNIT),
            direction,
            accumulation,
            target,
            target_text,
            baseline,
            points,
            data_source: data_source.unwrap_or_default(),
            elasticity,
            unit_code,
        });
    }
    if out.is_empty() {
        Ok((
            indicators,
            Origins {
                lists: vec![origin],
            },
        ))
    } else {
        Err(out)
    }
}
