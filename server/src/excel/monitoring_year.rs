//! The year's monitoring export: months × budget lines and indicators, with lamps as words
//! (and coloured), and a summary of execution month by month.

use super::monitoring::{title, SPENDING_SHEET, VALUES_SHEET};
use super::write::{self, Formats, Head, Style, Value};
use jixiao_domain::dto::monitoring::DepartmentMonitor;
use jixiao_domain::lamps::Lamp;

pub const SUMMARY_SHEET: &str = "汇总 Summary";

/// The year so far: one view per month reported (January first); `base` names the lines
/// and indicators when no month is.
pub fn year_workbook(
    base: &DepartmentMonitor,
    months: &[DepartmentMonitor],
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let title = title(base, "月度监控 Monitoring");
    let f = Formats::default();
    let mut book = write::workbook(&title);

    let mut heads = vec![
        Head::new("代码 Code", 12.0, Style::Text),
        Head::new("名称 Name", 28.0, Style::Text),
        Head::new("调整后预算（元） Adjusted budget (元)", 18.0, Style::Money),
    ];
    for view in months {
        let m = view.month;
        heads.push(Head::new(
            format!("{m}月累计支出（元） Spent to month {m} (元)"),
            18.0,
            Style::Money,
        ));
        heads.push(Head::new(
            format!("{m}月执行率 Execution month {m}"),
            12.0,
            Style::Percent,
        ));
        heads.push(Head::new(
            format!("{m}月灯 Lamp month {m}"),
            12.0,
            Style::Text,
        ));
    }
    let sheet = book.add_worksheet();
    sheet.set_name(SPENDING_SHEET)?;
    let first = write::table_head(
        sheet,
        &f,
        &title,
        Some("金额单位：元 Amounts in 元"),
        &heads,
    )?;
    for (i, line) in base.lines.iter().enumerate() {
        let mut row = vec![
            line.code.as_str().into(),
            line.name_zh.as_str().into(),
            Value::Fen(line.adjusted_fen),
        ];
        for view in months {
            let at = view.lines.iter().find(|l| l.id == line.id);
            let spent = at.and_then(|l| l.spent_to_date_fen);
            row.push(spent.map(Value::Fen).into());
            row.push(
                spent
                    .filter(|_| line.adjusted_fen > 0)
                    .map(|s| Value::Percent(s as f64 / line.adjusted_fen as f64))
                    .into(),
            );
            row.push(Value::Lamp(at.map_or(Lamp::None, |l| l.lamp)));
        }
        write::put_row(sheet, &f, first + i as u32, row)?;
    }

    let mut heads = vec![
        Head::new("编号 ID", 8.0, Style::Text),
        Head::new("指标名称 Indicator name", 28.0, Style::Text),
        Head::new("计量单位 Unit", 10.0, Style::Text),
        Head::new("全年目标 Annual target", 12.0, Style::Number),
    ];
    for view in months {
        let m = view.month;
        heads.push(Head::new(
            format!("{m}月值 Value month {m}"),
            12.0,
            Style::Number,
        ));
        heads.push(Head::new(
            format!("{m}月灯 Lamp month {m}"),
            12.0,
            Style::Text,
        ));
    }
    let sheet = book.add_worksheet();
    sheet.set_name(VALUES_SHEET)?;
    let first = write::table_head(sheet, &f, &title, None, &heads)?;
    for (i, indicator) in base.indicators.iter().enumerate() {
        let mut row = vec![
            indicator.id.to_string().into(),
            indicator.name_zh.as_str().into(),
            indicator.unit.as_str().into(),
            indicator.target.map(Value::Number).into(),
        ];
        for view in months {
            let at = view.indicators.iter().find(|x| x.id == indicator.id);
            row.push(at.and_then(|x| x.value_to_date).map(Value::Number).into());
            row.push(Value::Lamp(at.map_or(Lamp::None, |x| x.lamp)));
        }
        write::put_row(sheet, &f, first + i as u32, row)?;
    }

    let heads = [
        Head::new("月份 Month", 10.0, Style::Text),
        Head::new("时间进度 Time progress", 14.0, Style::Percent),
        Head::new("累计支出（万元） Spent (万元)", 18.0, Style::Wan),
        Head::new("预算执行率 Execution rate", 14.0, Style::Percent),
        Head::new("支出灯 Spending lamp", 16.0, Style::Text),
        Head::new("部门灯 Department lamp", 16.0, Style::Text),
    ];
    let sheet = book.add_worksheet();
    sheet.set_name(SUMMARY_SHEET)?;
    let first = write::table_head(sheet, &f, &title, None, &heads)?;
    for (i, view) in months.iter().enumerate() {
        let adjusted: i64 = view.lines.iter().map(|l| l.adjusted_fen).sum();
        let spent: i64 = view.lines.iter().filter_map(|l| l.spent_to_date_fen).sum();
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                format!("{}月 Month {}", view.month, view.month).into(),
                Value::Percent(f64::from(view.month) / 12.0),
                Value::Wan(spent),
                if adjusted > 0 {
                    Value::Percent(spent as f64 / adjusted as f64)
                } else {
                    Value::Blank
                },
                Value::Lamp(view.spending_lamp),
                Value::Lamp(view.department_lamp),
            ],
        )?;
    }
    book.save_to_buffer()
}
