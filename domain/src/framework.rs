//! The indicator framework of 财预〔2020〕10号 and the yearly cycle's vocabulary.

use crate::FieldError;

wire_enum! {
    /// Level-1 indicator (一级指标).
    pub enum Level1 {
        Output = "output", "产出指标", "Output";
        Effect = "effect", "效益指标", "Effect";
        Satisfaction = "satisfaction", "满意度指标", "Satisfaction";
        BudgetExecution = "budget_execution", "预算执行", "Budget execution";
    }
}

wire_enum! {
    /// Level-2 indicator (二级指标); each belongs to exactly one level 1.
    pub enum Level2 {
        Quantity = "quantity", "数量指标", "Quantity";
        Quality = "quality", "质量指标", "Quality";
        Timeliness = "timeliness", "时效指标", "Timeliness";
        Cost = "cost", "成本指标", "Cost";
        Economic = "economic", "经济效益指标", "Economic benefit";
        Social = "social", "社会效益指标", "Social benefit";
        Ecological = "ecological", "生态效益指标", "Ecological benefit";
        Sustainability = "sustainability", "可持续影响指标", "Sustainability";
        ServiceRecipients = "service_recipients", "服务对象满意度指标", "Service recipients' satisfaction";
        ExecutionRate = "execution_rate", "预算执行率", "Budget execution rate";
    }
}

impl Level2 {
    pub const fn level1(self) -> Level1 {
        match self {
            Self::Quantity | Self::Quality | Self::Timeliness | Self::Cost => Level1::Output,
            Self::Economic | Self::Social | Self::Ecological | Self::Sustainability => {
                Level1::Effect
            }
            Self::ServiceRecipients => Level1::Satisfaction,
            Self::ExecutionRate => Level1::BudgetExecution,
        }
    }

    /// What-if elasticity by default: money buys output quantity and cost one for one;
    /// DESIGN assumes no automatic effect on anything else until a user says so.
    pub const fn default_elasticity(self) -> f64 {
        match self {
            Self::Quantity | Self::Cost => 1.0,
            _ => 0.0,
        }
    }
}

wire_enum! {
    /// How an indicator's actual is judged against its target.
    pub enum Direction {
        HigherBetter = "higher_better", "越大越好", "Higher is better";
        LowerBetter = "lower_better", "越小越好", "Lower is better";
        ZeroTarget = "zero_target", "零目标", "Zero target";
        Qualitative = "qualitative", "定性", "Qualitative";
        BudgetExecution = "budget_execution", "预算执行率", "Budget execution";
    }
}

wire_enum! {
    /// Whether monthly values add up over the year or are a level measured at a point.
    pub enum Accumulation {
        Cumulative = "cumulative", "累计值", "Cumulative";
        Level = "level", "时点值", "Level";
    }
}

wire_enum! {
    /// Where an indicator in a set came from.
    pub enum IndicatorOrigin {
        Common = "common", "共性指标", "Common";
        Individual = "individual", "个性指标", "Individual";
        KeyWork = "key_work", "重点工作目标", "Key work target";
    }
}

wire_enum! {
    /// An indicator set's review status.
    pub enum SetStatus {
        Draft = "draft", "草稿", "Draft";
        Submitted = "submitted", "已提交", "Submitted";
        Returned = "returned", "已退回", "Returned";
        Approved = "approved", "已批复", "Approved";
        Published = "published", "已公开", "Published";
    }
}

wire_enum! {
    /// A fiscal year's phase; each allows only its own work.
    pub enum Phase {
        Planning = "planning", "目标编制", "Planning";
        Execution = "execution", "执行监控", "Execution";
        Evaluation = "evaluation", "评价", "Evaluation";
        Closed = "closed", "已关闭", "Closed";
    }
}

wire_enum! {
    /// Who a user is in the reform's division of labour.
    pub enum Role {
        Finance = "finance", "财政部门", "Finance Department";
        Assessment = "assessment", "绩效考评机构", "Performance assessment agency";
        DeptHead = "dept_head", "部门负责人", "Department head";
        DeptStaff = "dept_staff", "部门工作人员", "Department staff";
    }
}

impl Role {
    /// Department roles act for exactly one department; the others for the province.
    pub const fn belongs_to_department(self) -> bool {
        matches!(self, Self::DeptHead | Self::DeptStaff)
    }
}

wire_enum! {
    /// Kind of budget line ("basic" expenditure and project expenditure).
    pub enum BudgetKind {
        Personnel = "personnel", "基本支出·人员经费", "Basic: personnel";
        Operations = "operations", "基本支出·公用经费", "Basic: public operations";
        Project = "project", "项目支出", "Project expenditure";
    }
}

wire_enum! {
    /// The sector a department works in.
    pub enum Sector {
        Education = "education", "教育", "Education";
        Health = "health", "卫生健康", "Health";
        Transport = "transport", "交通运输", "Transport";
        EcologyEnvironment = "ecology_environment", "生态环境", "Ecology and environment";
        Agriculture = "agriculture", "农业农村", "Agriculture and rural affairs";
        CivilAffairs = "civil_affairs", "民政", "Civil affairs";
        WaterResources = "water_resources", "水利", "Water resources";
        ScienceTechnology = "science_technology", "科学技术", "Science and technology";
        CultureTourism = "culture_tourism", "文化和旅游", "Culture and tourism";
        HumanResources = "human_resources", "人力资源和社会保障", "Human resources and social security";
        Housing = "housing", "住房和城乡建设", "Housing and urban-rural development";
        EmergencyManagement = "emergency_management", "应急管理", "Emergency management";
        Commerce = "commerce", "商务", "Commerce";
        NaturalResources = "natural_resources", "自然资源", "Natural resources";
    }
}

/// Points per level-1 indicator for a year (default 10 / 50 / 30 / 10, summing to 100).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PointsAllocation {
    pub budget_execution: u32,
    pub output: u32,
    pub effect: u32,
    pub satisfaction: u32,
}

impl Default for PointsAllocation {
    fn default() -> Self {
        Self {
            budget_execution: 10,
            output: 50,
            effect: 30,
            satisfaction: 10,
        }
    }
}

impl PointsAllocation {
    /// Parses an allocation: every share is a whole number and together they make 100.
    pub fn parse(self) -> Result<Self, FieldError> {
        let sum = self.budget_execution + self.output + self.effect + self.satisfaction;
        if sum != 100 {
            return Err(field_error!(
                "points_not_100",
                "points_allocation",
                "the level-1 points must sum to 100, not {sum}",
                "一级指标分值合计须为 100，当前为 {sum}",
            ));
        }
        Ok(self)
    }

    /// The allocation a particular set must follow: a set with no satisfaction indicator
    /// gives satisfaction's points to effect.
    pub const fn for_set(self, has_satisfaction: bool) -> Self {
        if has_satisfaction {
            self
        } else {
            Self {
                effect: self.effect + self.satisfaction,
                satisfaction: 0,
                ..self
            }
        }
    }

    pub const fn points_for(self, level1: Level1) -> u32 {
        match level1 {
            Level1::Output => self.output,
            Level1::Effect => self.effect,
            Level1::Satisfaction => self.satisfaction,
            Level1::BudgetExecution => self.budget_execution,
        }
    }
}

/// Every way a set's points break the year's allocation, each with its field path.
/// `points` are (level 2, points) in the set's order.
pub fn allocation_problems(
    points: &[(Level2, f64)],
    allocation: PointsAllocation,
) -> Vec<FieldError> {
    let has_satisfaction = points
        .iter()
        .any(|(level2, _)| level2.level1() == Level1::Satisfaction);
    let expected = allocation.for_set(has_satisfaction);
    let mut problems = Vec::new();
    let total: f64 = points.iter().map(|(_, p)| p).sum();
    if (total - 100.0).abs() > 1e-6 {
        problems.push(field_error!(
            "points_not_100",
            "indicators",
            "the points of a set must sum to 100, not {}",
            "指标体系的分值合计须为 100，当前为 {}",
            crate::scoring::round2(total),
        ));
    }
    for level1 in Level1::ALL {
        let got: f64 = points
            .iter()
            .filter(|(level2, _)| level2.level1() == *level1)
            .map(|(_, p)| p)
            .sum();
        let want = expected.points_for(*level1) as f64;
        if (got - want).abs() > 1e-6 {
            let (en, zh, got) = (
                level1.label_en(),
                level1.label_zh(),
                crate::scoring::round2(got),
            );
            problems.push(field_error!(
                "allocation_mismatch",
                format!("allocation.{}", level1.as_str()),
                "{en} ({zh}) indicators carry {got} points; the year's allocation gives {want}",
                "{zh}类指标的分值合计为 {got}，本年度分配为 {want}",
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn every_level2_has_its_level1() {
        assert_eq!(Level2::Cost.level1(), Level1::Output);
        assert_eq!(Level2::Ecological.level1(), Level1::Effect);
        assert_eq!(Level2::ServiceRecipients.level1(), Level1::Satisfaction);
        assert_eq!(Level2::ExecutionRate.level1(), Level1::BudgetExecution);
    }

    #[test]
    fn wire_names_round_trip() {
        for direction in Direction::ALL {
            assert_eq!(Direction::from_str(direction.as_str()), Ok(*direction));
            let json = serde_json::to_string(direction).unwrap();
            assert_eq!(json, format!("\"{}\"", direction.as_str()));
        }
        let err = Direction::from_str("sideways").unwrap_err();
        assert_eq!(err.code, "unknown_value");
        assert!(err.message.contains("higher_better"));
    }

    #[test]
    fn satisfaction_points_move_to_effect_when_absent() {
        let default = PointsAllocation::default();
        assert_eq!(default.for_set(true), default);
        let moved = default.for_set(false);
        assert_eq!((moved.effect, moved.satisfaction), (40, 0));
    }

    #[test]
    fn allocation_must_sum_to_100() {
        let bad = PointsAllocation {
            output: 55,
            ..PointsAllocation::default()
        };
        assert_eq!(bad.parse().unwrap_err().code, "points_not_100");
    }

    #[test]
    fn reports_every_allocation_problem() {
        let ok = [
            (Level2::ExecutionRate, 10.0),
            (Level2::Quantity, 30.0),
            (Level2::Quality, 20.0),
            (Level2::Social, 30.0),
            (Level2::ServiceRecipients, 10.0),
        ];
        assert!(allocation_problems(&ok, PointsAllocation::default()).is_empty());
        let no_satisfaction = [
            (Level2::ExecutionRate, 10.0),
            (Level2::Quantity, 50.0),
            (Level2::Social, 40.0),
        ];
        assert!(allocation_problems(&no_satisfaction, PointsAllocation::default()).is_empty());
        let bad = [(Level2::ExecutionRate, 10.0), (Level2::Quantity, 60.0)];
        let problems = allocation_problems(&bad, PointsAllocation::default());
        let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["indicators", "allocation.output", "allocation.effect"]
        );
    }
}
