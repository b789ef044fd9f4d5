//! Read-only exports: a department's evaluation report and a year's province ranking.

use super::choice::Choice;
use super::write::{self, Formats, Head, Style, Value};
use jixiao_domain::dto::evaluation::{Evaluation, Ranking};
use jixiao_domain::evaluation::Figures;
use rust_xlsxwriter::XlsxError;

/// An actual, or a rating with its percent.
fn figures(figures: &Figures) -> Value {
    match (figures.rating, figures.actual) {
        (Some(rating), _) => match figures.percent {
            Some(p) => format!("{} ({p}%)", rating.cell()).into(),
            None => rating.cell().into(),
        },
        (None, Some(actual)) => Value::Number(actual),
        (None, None) => Value::Blank,
    }
}

/// The evaluation report: every indicator with its figures, points and scores, the totals
/// and grade, budget execution, the results applied and the accountability cases.
pub fn evaluation(e: &Evaluation) -> Result<Vec<u8>, XlsxError> {
    let d = &e.department;
    let title = format!(
        "{} {} 年部门整体绩效评价报告 · {} performance evaluation {}",
        d.name_zh, e.year, d.name_en, e.year
    );
    let f = Formats::default();
    let mut book = write::workbook(&title);
    let heads = [
        Head::new("一级指标 Level 1", 16.0, Style::Text),
        Head::new("二级指标 Level 2", 22.0, Style::Text),
        Head::new("指标名称 Indicator", 30.0, Style::Text),
        Head::new("计量单位 Unit", 10.0, Style::Text),
        Head::new("指标方向 Direction", 18.0, Style::Text),
        Head::new("目标值 Target", 14.0, Style::Number),
        Head::new("分值 Points", 10.0, Style::Score),
        Head::new("自评实际 Self-evaluated actual", 16.0, Style::Number),
        Head::new("自评得分 Self score", 12.0, Style::Score),
        Head::new("复评实际 Re-evaluated actual", 16.0, Style::Number),
        Head::new("最终得分 Final score", 12.0, Style::Score),
        Head::new("完成率 Achievement", 12.0, Style::Percent),
        Head::new("偏差原因 Cause of deviation", 30.0, Style::Wrap),
    ];
    let sheet = book.add_worksheet();
    sheet.set_name("评价 Evaluation")?;
    let note = format!("状态 Status: {}", e.status.cell());
    let first = write::table_head(sheet, &f, &title, Some(&note), &heads)?;
    let mut row = first;
    for item in &e.items {
        let i = &item.indicator;
        let target: Value = match (&i.target_text, i.target) {
            (Some(text), _) if !text.trim().is_empty() => text.as_str().into(),
            (_, Some(t)) => Value::Number(t),
            _ => Value::Blank,
        };
        write::put_row(
            sheet,
            &f,
            row,
            vec![
                i.level2.level1().cell().into(),
                i.level2.cell().into(),
                i.name_zh.as_str().into(),
                i.unit.as_str().into(),
                i.direction.cell().into(),
                target,
                Value::Score(i.points),
                figures(&item.self_figures),
                item.self_score.map(|s| Value::Score(s.score)).into(),
                item.override_figures.as_ref().map(figures).into(),
                item.final_score.map(|s| Value::Score(s.score)).into(),
                item.final_score
                    .map(|s| Value::Percent(s.achievement))
                    .into(),
                item.cause.clone().into(),
            ],
        )?;
        row += 1;
    }
    let points: f64 = e.items.iter().map(|i| i.indicator.points).sum();
    write::put_total(sheet, &f, row, 0, "合计 Total".into())?;
    write::put_total(sheet, &f, row, 6, Value::Score(points))?;
    if let Some(total) = e.self_total {
        write::put_total(sheet, &f, row, 8, Value::Score(total))?;
    }
    if let Some(total) = e.final_total {
        write::put_total(sheet, &f, row, 10, Value::Score(total))?;
    }

    let sheet = book.add_worksheet();
    sheet.set_name("结果 Results")?;
    let heads = [
        Head::new("项目 Item", 36.0, Style::Text),
        Head::new("数值 Value", 28.0, Style::Text),
    ];
    let first = write::table_head(sheet, &f, &title, None, &heads)?;
    let execution = &e.execution;
    let mut rows: Vec<(&str, Value)> = vec![
        (
            "自评总分 Self-evaluation total",
            e.self_total.map(Value::Score).into(),
        ),
        (
            "自评等级 Self-evaluation grade",
            e.self_grade.map(|g| g.cell()).into(),
        ),
        (
            "最终总分 Final total",
            e.final_total.map(Value::Score).into(),
        ),
        (
            "最终等级 Final grade",
            e.final_grade.map(|g| g.cell()).into(),
        ),
        (
            "调整后预算（元） Adjusted budget (元)",
            Value::Fen(execution.adjusted_fen),
        ),
        ("实际支出（元） Spent (元)", Value::Fen(execution.spent_fen)),
        (
            "预算执行率 Execution rate",
            if execution.adjusted_fen > 0 {
                Value::Percent(execution.spent_fen as f64 / execution.adjusted_fen as f64)
            } else {
                Value::Blank
            },
        ),
        (
            "项目预算基数（万元） Project budget base (万元)",
            Value::Wan(e.project_base_fen),
        ),
    ];
    if let Some(result) = &e.result {
        rows.push((
            "下年项目预算调整 Next year's adjustment",
            Value::Percent(f64::from(result.adjustment_bp) / 10_000.0),
        ));
        rows.push((
            "下年项目预算（万元） Next year's project budget (万元)",
            Value::Wan(result.next_year_fen),
        ));
        rows.push((
            "优秀奖励 Excellence prize",
            if result.prize { "是 Yes" } else { "否 No" }.into(),
        ));
    }
    rows.push((
        "问责案件 Accountability cases",
        Value::Number(e.cases.len() as f64),
    ));
    for case in &e.cases {
        rows.push((case.trigger.label_zh(), case.description.clone().into()));
    }
    if let Some(remarks) = &e.remarks {
        rows.push(("重点工作评价意见 Key-work remarks", remarks.clone().into()));
    }
    for (i, (label, value)) in rows.into_iter().enumerate() {
        let r = first + i as u32;
        write::put(sheet, &f, r, 0, label.into())?;
        write::put(sheet, &f, r, 1, value)?;
    }
    book.save_to_buffer()
}

/// The year's ranking with results applied, and the grade distribution.
pub fn results(r: &Ranking) -> Result<Vec<u8>, XlsxError> {
    let title = format!(
        "{} 年部门整体绩效评价结果 · Performance results {}",
        r.year, r.year
    );
    let note = match &r.published_at {
        Some(at) => format!("已公开 Published {at}"),
        None => "未公开 Not published".to_owned(),
    };
    let f = Formats::default();
    let mut book = write::workbook(&title);
    let heads = [
        Head::new("排名 Rank", 8.0, Style::Number),
        Head::new("代码 Code", 10.0, Style::Text),
        Head::new("部门 Department", 30.0, Style::Text),
        Head::new("领域 Sector", 22.0, Style::Text),
        Head::new("状态 Status", 22.0, Style::Text),
        Head::new("总分 Total", 10.0, Style::Score),
        Head::new("等级 Grade", 14.0, Style::Text),
        Head::new("项目预算基数（万元） Project base (万元)", 18.0, Style::Wan),
        Head::new("调整 Adjustment", 12.0, Style::Percent),
        Head::new("下年项目预算（万元） Next year (万元)", 18.0, Style::Wan),
        Head::new("奖励 Prize", 10.0, Style::Text),
        Head::new("问责案件 Cases", 10.0, Style::Number),
        Head::new("未结案件 Open cases", 10.0, Style::Number),
    ];
    let sheet = book.add_worksheet();
    sheet.set_name("排名 Ranking")?;
    let first = write::table_head(sheet, &f, &title, Some(&note), &heads)?;
    for (i, row) in r.rows.iter().enumerate() {
        let result = row.result.as_ref();
        write::put_row(
            sheet,
            &f,
            first + i as u32,
            vec![
                row.rank.map(|n| Value::Number(f64::from(n))).into(),
                row.department.code.as_str().into(),
                format!("{} {}", row.department.name_zh, row.department.name_en).into(),
                row.sector.cell().into(),
                row.status.cell().into(),
                row.total.map(Value::Score).into(),
                row.grade.map(|g| g.cell()).into(),
                result.map(|x| Value::Wan(x.project_base_fen)).into(),
                result
                    .map(|x| Value::Percent(f64::from(x.adjustment_bp) / 10_000.0))
                    .into(),
                result.map(|x| Value::Wan(x.next_year_fen)).into(),
                result.map(|x| if x.prize { "是 Yes" } else { "" }).into(),
                Value::Number(f64::from(row.cases)),
                Value::Number(f64::from(row.open_cases)),
            ],
        )?;
    }
    let mut at = first + r.rows.len() as u32 + 1;
    write::put_total(sheet, &f, at, 0, "等级分布 Grade distribution".into())?;
    for grade in jixiao_domain::scoring::Grade::ALL {
        at += 1;
        write::put(sheet, &f, at, 0, grade.cell().into())?;
        write::put(
            sheet,
            &f,
            at,
            1,
            Value::Number(f64::from(r.distribution.count(*grade))),
        )?;
    }
    book.save_to_buffer()
}
