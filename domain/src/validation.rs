//! Validation of a whole indicator set: *every* problem at once, each with its field path,
//! so that the editor can mark every field and the server can refuse a submission with the
//! complete list. The same function runs in the browser (as the user types) and on the server
//! (on submission), so the two never disagree.

use crate::dto::sets::IndicatorDraft;
use crate::framework::{allocation_problems, Direction, Level1, Level2, PointsAllocation};
use crate::FieldError;
use std::collections::HashMap;

/// A project budget line and the indicators (by id) it pays for.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectLine {
    pub code: String,
    pub name_zh: String,
    pub indicator_ids: Vec<i64>,
}

/// What a set is checked against besides its own indicators.
#[derive(Debug, Clone, Default)]
pub struct SetContext<'a> {
    pub allocation: PointsAllocation,
    /// The assessment agency's key-work targets for the department (indicator ids).
    pub key_work_ids: &'a [i64],
    /// The department's project lines for the year.
    pub project_lines: &'a [ProjectLine],
}

/// Every problem of one indicator, with paths under `indicators[index]`.
fn indicator_problems(index: usize, indicator: &IndicatorDraft, out: &mut Vec<FieldError>) {
    let path = |field: &str| format!("indicators[{index}].{field}");
    if indicator.name_zh.trim().is_empty() {
        out.push(field_error!(
            "required",
            path("name_zh"),
            "give the indicator a Chinese name",
            "请填写指标的中文名称",
        ));
    } else if indicator.name_zh.chars().count() > 120 {
        out.push(field_error!(
            "too_long",
            path("name_zh"),
            "a name has at most 120 characters",
            "名称不能超过 120 个字",
        ));
    }
    if indicator.name_en.chars().count() > 200 {
        out.push(field_error!(
            "too_long",
            path("name_en"),
            "a name has at most 200 characters",
            "名称不能超过 200 个字符",
        ));
    }
    let qualitative = indicator.direction == Direction::Qualitative;
    if !qualitative && indicator.unit.trim().is_empty() {
        out.push(field_error!(
            "required",
            path("unit"),
            "give the unit of measurement (e.g. 个, %, 公里)",
            "请填写计量单位（如 个、%、公里）",
        ));
    }
    if !indicator.points.is_finite() || !(0.0..=100.0).contains(&indicator.points) {
        out.push(field_error!(
            "invalid_points",
            path("points"),
            "points must be a number from 0 to 100",
            "分值须为 0 到 100 之间的数",
        ));
    }
    let execution_level = indicator.level2 == Level2::ExecutionRate;
    let execution_direction = indicator.direction == Direction::BudgetExecution;
    if execution_level != execution_direction {
        out.push(field_error!(
            "direction_mismatch",
            path("direction"),
            "the budget execution rate, and only it, is scored by budget execution",
            "预算执行率指标须选用“预算执行率”方向，其他指标不能选用该方向",
        ));
    }
    match (indicator.direction, indicator.target) {
        (Direction::HigherBetter | Direction::LowerBetter, Some(t)) if t.is_finite() && t > 0.0 => {
        }
        (Direction::HigherBetter | Direction::LowerBetter, None) => out.push(field_error!(
            "required",
            path("target"),
            "give a target",
            "请填写目标值"
        )),
        (Direction::HigherBetter | Direction::LowerBetter, Some(_)) => out.push(field_error!(
            "target_not_positive",
            path("target"),
            "the target must be greater than 0 (a target of 0 needs the zero-target direction)",
            "目标值须大于 0（目标值为 0 的指标请选用“零目标”方向）",
        )),
        (Direction::ZeroTarget, None | Some(0.0)) => {}
        (Direction::ZeroTarget, Some(_)) => out.push(field_error!(
            "target_not_zero",
            path("target"),
            "a zero-target indicator has target 0",
            "零目标指标的目标值须为 0",
        )),
        (Direction::Qualitative, _) => {
            if indicator
                .target_text
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                out.push(field_error!(
                    "required",
                    path("target_text"),
                    "describe what achieving this qualitative target means",
                    "请说明该定性指标的达成标准",
                ));
            }
        }
        (Direction::BudgetExecution, Some(t)) if !t.is_finite() || t <= 0.0 => {
            out.push(field_error!(
                "target_not_positive",
                path("target"),
                "the execution rate target must be greater than 0",
                "预算执行率的目标值须大于 0",
            ))
        }
        (Direction::BudgetExecution, _) => {}
    }
    if indicator.baseline.is_some_and(|b| !b.is_finite()) {
        out.push(field_error!(
            "not_a_number",
            path("baseline"),
            "must be a finite number",
            "须为有效数字",
        ));
    }
    if indicator
        .elasticity
        .is_some_and(|e| !e.is_finite() || !(-5.0..=5.0).contains(&e))
    {
        out.push(field_error!(
            "invalid_elasticity",
            path("elasticity"),
            "an elasticity lies between −5 and 5",
            "弹性须在 −5 到 5 之间",
        ));
    }
}

/// Every problem of the set, in order: each indicator's fields, duplicate names, the points
/// and their allocation, the budget-execution indicator, key-work targets, project links.
pub fn set_problems(indicators: &[IndicatorDraft], context: &SetContext<'_>) -> Vec<FieldError> {
    let mut out = Vec::new();
    if indicators.is_empty() {
        out.push(field_error!(
            "required",
            "indicators",
            "a set needs indicators",
            "指标体系至少须有一项指标",
        ));
        return out;
    }
    for (index, indicator) in indicators.iter().enumerate() {
        indicator_problems(index, indicator, &mut out);
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (index, indicator) in indicators.iter().enumerate() {
        let name = indicator.name_zh.trim().to_lowercase();
        if name.is_empty() {
            continue;
        }
        if let Some(first) = seen.get(&name) {
            out.push(field_error!(
                "duplicate_name",
                format!("indicators[{index}].name_zh"),
                "the same name as indicator {} — each indicator needs its own name",
                "与第 {} 项指标重名，每项指标须有各自的名称",
                first + 1,
            ));
        } else {
            seen.insert(name, index);
        }
    }
    let points: Vec<(Level2, f64)> = indicators
        .iter()
        .filter(|i| i.points.is_finite())
        .map(|i| (i.level2, i.points))
        .collect();
    out.extend(allocation_problems(&points, context.allocation));
    let execution = indicators
        .iter()
        .filter(|i| i.level2 == Level2::ExecutionRate)
        .count();
    if execution != 1 {
        out.push(field_error!(
            "budget_execution_indicator",
            "indicators",
            "a set has exactly one budget execution rate indicator, not {execution}",
            "指标体系须有且仅有一个预算执行率指标，现有 {execution} 个",
        ));
    }
    for key_work in context.key_work_ids {
        if !indicators.iter().any(|i| i.id == Some(*key_work)) {
            out.push(field_error!(
                "key_work_missing",
                "indicators",
                "a key work target set by the performance assessment agency is missing; it cannot be removed",
                "缺少绩效考评机构设定的重点工作目标，该指标不能删除",
            ));
        }
    }
    for (index, line) in context.project_lines.iter().enumerate() {
        let pays_for_output = line.indicator_ids.iter().any(|id| {
            indicators
                .iter()
                .any(|i| i.id == Some(*id) && i.level2.level1() == Level1::Output)
        });
        if !pays_for_output {
            out.push(field_error!(
                "project_without_output",
                format!("budget_lines[{index}]"),
                "project {} ({}) must pay for at least one output indicator",
                "项目 {}（{}）须至少关联一个产出指标",
                line.code,
                line.name_zh,
            ));
        }
    }
    out
}

/// Points still to give out before the set reaches 100 (negative when over).
pub fn points_left(indicators: &[IndicatorDraft]) -> f64 {
    let used: f64 = indicators
        .iter()
        .map(|i| i.points)
        .filter(|p| p.is_finite())
        .sum();
    crate::scoring::round2(100.0 - used)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{Accumulation, IndicatorOrigin};

    fn indicator(
        id: i64,
        level2: Level2,
        direction: Direction,
        target: Option<f64>,
        points: f64,
    ) -> IndicatorDraft {
        IndicatorDraft {
            id: Some(id),
            library_id: None,
            origin: IndicatorOrigin::Individual,
            level2,
            name_zh: format!("指标{id}"),
            name_en: format!("Indicator {id}"),
            unit: "个".into(),
            direction,
            accumulation: Accumulation::Cumulative,
            target,
            target_text: None,
            baseline: None,
            points,
            data_source: String::new(),
            elasticity: None,
            unit_code: None,
        }
    }

    fn valid() -> Vec<IndicatorDraft> {
        vec![
            indicator(
                1,
                Level2::ExecutionRate,
                Direction::BudgetExecution,
                Some(1.0),
                10.0,
            ),
            indicator(
                2,
                Level2::Quantity,
                Direction::HigherBetter,
                Some(100.0),
                30.0,
            ),
            indicator(3, Level2::Cost, Direction::LowerBetter, Some(5.0), 20.0),
            indicator(4, Level2::Social, Direction::ZeroTarget, Some(0.0), 30.0),
            indicator(
                5,
                Level2::ServiceRecipients,
                Direction::HigherBetter,
                Some(90.0),
                10.0,
            ),
        ]
    }

    #[test]
    fn a_valid_set_has_no_problems() {
        let lines = [ProjectLine {
            code: "P1".into(),
            name_zh: "项目".into(),
            indicator_ids: vec![2],
        }];
        let context = SetContext {
            project_lines: &lines,
            key_work_ids: &[3],
            ..SetContext::default()
        };
        assert_eq!(set_problems(&valid(), &context), []);
        assert_eq!(points_left(&valid()), 0.0);
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_path() {
        let mut set = valid();
        set[1].target = Some(0.0); // higher is better needs > 0
        set[2].unit = " ".into();
        set[3].target = Some(2.0); // zero target must be 0
        set[4].name_zh = set[1].name_zh.clone();
        set[4].points = 15.0; // 105 in all
        let lines = [ProjectLine {
            code: "P9".into(),
            name_zh: "项目".into(),
            indicator_ids: vec![4],
        }];
        let context = SetContext {
            project_lines: &lines,
            key_work_ids: &[99],
            ..SetContext::default()
        };
        let fields: Vec<String> = set_problems(&set, &context)
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "indicators[1].target",
                "indicators[2].unit",
                "indicators[3].target",
                "indicators[4].name_zh",
                "indicators",
                "allocation.satisfaction",
                "indicators",
                "budget_lines[0]",
            ]
        );
    }

    #[test]
    fn qualitative_needs_a_description_and_execution_its_own_direction() {
        let mut set = valid();
        set[3] = indicator(4, Level2::Social, Direction::Qualitative, None, 30.0);
        set[3].unit.clear();
        set[1].direction = Direction::BudgetExecution;
        let problems = set_problems(&set, &SetContext::default());
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["indicators[1].direction", "indicators[3].target_text"]
        );
        let mut missing = valid();
        missing.remove(0);
        let codes: Vec<String> = set_problems(&missing, &SetContext::default())
            .into_iter()
            .map(|p| p.code)
            .collect();
        assert!(codes.contains(&"budget_execution_indicator".to_owned()));
    }
}

/// The compilation checks of a department's budget ("standardized, well-regulated,
/// adequate"): every problem with its path — required fields, amounts in range, unique
/// codes, and each project line paying for at least one output indicator of the year's set.
pub fn budget_problems(
    lines: &[crate::dto::budget::BudgetLine],
    indicators: &[crate::dto::budget::IndicatorRef],
) -> Vec<FieldError> {
    use crate::framework::BudgetKind;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let path = |field: &str| format!("lines[{i}].{field}");
        if line.code.trim().is_empty() || line.code.chars().count() > 32 {
            out.push(field_error!(
                "required",
                path("code"),
                "give the line a code of up to 32 characters",
                "请填写预算项目代码（不超过 32 个字符）",
            ));
        } else if lines[..i]
            .iter()
            .any(|other| other.code.trim() == line.code.trim())
        {
            out.push(field_error!(
                "duplicate_code",
                path("code"),
                "another line has this code",
                "该代码与其他预算项目重复",
            ));
        }
        if line.name_zh.trim().is_empty() {
            out.push(field_error!(
                "required",
                path("name_zh"),
                "give the line a Chinese name",
                "请填写预算项目的中文名称",
            ));
        }
        if line.funding_source.trim().is_empty() {
            out.push(field_error!(
                "required",
                path("funding_source"),
                "name the funding source",
                "请填写资金来源",
            ));
        }
        for (field, amount) in [
            ("amount_fen", line.amount_fen),
            ("adjusted_fen", line.adjusted_fen),
        ] {
            if amount < 0 {
                out.push(field_error!(
                    "negative_amount",
                    path(field),
                    "an amount of money cannot be negative",
                    "金额不能为负数",
                ));
            }
        }
        for id in &line.indicator_ids {
            if !indicators.iter().any(|i| i.id == *id) {
                out.push(field_error!(
                    "unknown_indicator",
                    path("indicator_ids"),
                    "indicator {id} is not in the year's set",
                    "指标 {id} 不在本年度指标体系中",
                ));
            }
        }
        if line.kind == BudgetKind::Project {
            let pays_for_output = line.indicator_ids.iter().any(|id| {
                indicators
                    .iter()
                    .any(|i| i.id == *id && i.level2.level1() == Level1::Output)
            });
            if !pays_for_output {
                out.push(field_error!(
                    "project_without_output",
                    path("indicator_ids"),
                    "a project line must pay for at least one output indicator",
                    "项目支出须至少关联一个产出指标",
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod budget_tests {
    use super::*;
    use crate::dto::budget::{BudgetLine, IndicatorRef};
    use crate::framework::BudgetKind;

    fn line(code: &str, kind: BudgetKind, ids: Vec<i64>) -> BudgetLine {
        BudgetLine {
            id: None,
            code: code.into(),
            kind,
            name_zh: "项目".into(),
            name_en: String::new(),
            unit_code: None,
            amount_fen: 100,
            adjusted_fen: 100,
            funding_source: "一般公共预算".into(),
            indicator_ids: ids,
            suspended: false,
            suspended_reason: None,
        }
    }

    #[test]
    fn compilation_checks_report_every_problem() {
        let indicators = [
            IndicatorRef {
                id: 1,
                name_zh: "数量".into(),
                name_en: String::new(),
                level2: Level2::Quantity,
            },
            IndicatorRef {
                id: 2,
                name_zh: "效益".into(),
                name_en: String::new(),
                level2: Level2::Social,
            },
        ];
        let ok = [
            line("B01", BudgetKind::Personnel, vec![]),
            line("P01", BudgetKind::Project, vec![1, 2]),
        ];
        assert_eq!(budget_problems(&ok, &indicators), []);
        let mut bad = vec![
            line("P01", BudgetKind::Project, vec![2]),
            line("P01", BudgetKind::Project, vec![9]),
        ];
        bad[0].amount_fen = -1;
        bad[1].funding_source.clear();
        let fields: Vec<String> = budget_problems(&bad, &indicators)
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            [
                "lines[0].amount_fen",
                "lines[0].indicator_ids",
                "lines[1].code",
                "lines[1].funding_source",
                "lines[1].indicator_ids",
                "lines[1].indicator_ids",
            ]
        );
    }
}
