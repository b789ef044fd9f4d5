//! Year-end evaluation, results application and accountability over the wire.
//! Every score, total and grade here is computed by the server from the figures shown next
//! to it (the app never sends one), so a report can trace each number to its inputs.

use super::auth::DepartmentRef;
use super::sets::Indicator;
use crate::evaluation::{EvaluationStatus, Figures};
use crate::framework::{Phase, Sector};
use crate::results::ResultRules;
use crate::scoring::Grade;
use serde::{Deserialize, Serialize};

/// One indicator's score as the server computed it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemScore {
    /// Points earned, unrounded, within 0..=points.
    pub score: f64,
    /// score / points, 0..1.
    pub achievement: f64,
    /// Higher-is-better actual ≥ 1.2 × target: for the reviewer, no deduction.
    pub target_may_be_too_low: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationItem {
    /// The indicator as approved (target, points, direction…); `indicator.id` is its id.
    pub indicator: Indicator,
    pub key_work: bool,
    /// What monitoring says at year end: the value of the last month reported, or for
    /// budget execution the rate from spending. The form starts from it.
    pub prefill: Figures,
    pub self_figures: Figures,
    pub cause: Option<String>,
    pub evidence: Option<String>,
    /// Present when the department's figures are complete and valid.
    pub self_score: Option<ItemScore>,
    /// Finance's figures where they differ from the department's.
    pub override_figures: Option<Figures>,
    pub override_reason: Option<String>,
    /// The score that counts: from the override if any, else the department's figures.
    pub final_score: Option<ItemScore>,
    /// Whether the figures that count lose points or flag a too-low target, so a cause is
    /// required.
    pub needs_cause: bool,
}

/// Who did something, and when (ISO 8601).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Signature {
    pub by: String,
    pub at: String,
}

/// The department's spending at year end: the inputs of the budget-execution rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Execution {
    pub adjusted_fen: i64,
    pub spent_fen: i64,
    /// The last month reported, if any.
    pub month: Option<u8>,
}

/// The grade's consequence for next year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultApplication {
    pub grade: Grade,
    pub total: f64,
    /// This year's adjusted project budget, the base of the adjustment.
    pub project_base_fen: i64,
    /// 500 = +5 %.
    pub adjustment_bp: i32,
    pub next_year_fen: i64,
    pub prize: bool,
}

/// `GET /api/departments/{code}/evaluations/{year}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evaluation {
    pub department: DepartmentRef,
    pub year: i32,
    pub phase: Phase,
    pub set_id: i64,
    pub status: EvaluationStatus,
    /// Send it back with every change; 0 before anything was saved.
    pub revision: i64,
    pub items: Vec<EvaluationItem>,
    /// From the department's figures, once complete.
    pub self_total: Option<f64>,
    pub self_grade: Option<Grade>,
    /// From the figures that count (overrides included), once complete.
    pub final_total: Option<f64>,
    pub final_grade: Option<Grade>,
    pub signed_off: Option<Signature>,
    pub reevaluated: Option<Signature>,
    /// The assessment agency's key-work remarks.
    pub remarks: Option<String>,
    pub remarked: Option<Signature>,
    pub published_at: Option<String>,
    pub execution: Execution,
    /// The year's adjusted project budget: the base next year's adjustment applies to.
    pub project_base_fen: i64,
    pub rules: ResultRules,
    /// Present once finance has finalised the grade.
    pub result: Option<ResultApplication>,
    pub cases: Vec<AccountabilityCase>,
}

/// One indicator of a self-evaluation as the department enters it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SelfItemUpdate {
    pub indicator_id: i64,
    #[serde(default)]
    pub actual: Option<f64>,
    #[serde(default)]
    pub rating: Option<crate::scoring::Rating>,
    #[serde(default)]
    pub percent: Option<f64>,
    #[serde(default)]
    pub cause: Option<String>,
    #[serde(default)]
    pub evidence: Option<String>,
}

/// `PUT …/evaluations/{year}/self`: the whole self-evaluation draft (every indicator of the
/// set, in any order). Incomplete figures are kept; invalid ones are refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SelfEvaluationUpdate {
    pub revision: i64,
    pub items: Vec<SelfItemUpdate>,
}

/// `POST …/sign-off` and `POST …/finalize`: the revision the signer has seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Confirm {
    pub revision: i64,
}

/// One override by finance. Figures equal to the department's are not an override.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OverrideUpdate {
    pub indicator_id: i64,
    #[serde(default)]
    pub actual: Option<f64>,
    #[serde(default)]
    pub rating: Option<crate::scoring::Rating>,
    #[serde(default)]
    pub percent: Option<f64>,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `PUT …/evaluations/{year}/reevaluation`: the complete list of finance's overrides (an
/// indicator left out keeps the department's figures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReevaluationUpdate {
    pub revision: i64,
    pub overrides: Vec<OverrideUpdate>,
}

/// `PUT …/evaluations/{year}/remarks` by the assessment agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemarksUpdate {
    pub revision: i64,
    pub remarks: String,
}

wire_enum! {
    pub enum CaseTrigger {
        PoorGrade = "poor_grade", "评价等级为差", "Grade Poor";
        IneffectiveSpending = "ineffective_spending", "资金使用低效无效", "Ineffective spending";
    }
}

wire_enum! {
    pub enum CaseStatus {
        Open = "open", "待处理", "Open";
        InProgress = "in_progress", "处理中", "In progress";
        Closed = "closed", "已办结", "Closed";
    }
}

/// A linked indicator's result, as evidence of ineffective spending.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IndicatorEvidence {
    pub name_zh: String,
    pub name_en: String,
    pub score: f64,
    pub points: f64,
}

/// A project line that spent its money while every indicator it pays for fell short.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LineEvidence {
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    pub adjusted_fen: i64,
    pub spent_fen: i64,
    pub indicators: Vec<IndicatorEvidence>,
}

/// What triggered a case, as it stood when the case opened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseEvidence {
    pub grade: Grade,
    pub total: f64,
    /// The rules in force: the spent share and the achievement share (basis points).
    pub ineffective_spent_bp: i32,
    pub ineffective_achievement_bp: i32,
    pub line: Option<LineEvidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountabilityCase {
    pub id: i64,
    pub department: DepartmentRef,
    pub year: i32,
    pub trigger: CaseTrigger,
    pub description: String,
    pub evidence: Option<CaseEvidence>,
    pub owner: Option<String>,
    pub status: CaseStatus,
    pub resolution: Option<String>,
    pub opened_at: String,
    pub closed_at: Option<String>,
    pub revision: i64,
}

/// `PUT /api/cases/{id}` by finance. Closing needs a resolution; the closing date is the
/// server's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseUpdate {
    pub revision: i64,
    #[serde(default)]
    pub owner: Option<String>,
    pub status: CaseStatus,
    #[serde(default)]
    pub resolution: Option<String>,
}

/// `GET /api/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseList {
    pub cases: Vec<AccountabilityCase>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GradeDistribution {
    pub excellent: u32,
    pub good: u32,
    pub fair: u32,
    pub poor: u32,
}

impl GradeDistribution {
    pub fn of(grades: impl IntoIterator<Item = Grade>) -> Self {
        let mut d = Self::default();
        for grade in grades {
            *match grade {
                Grade::Excellent => &mut d.excellent,
                Grade::Good => &mut d.good,
                Grade::Fair => &mut d.fair,
                Grade::Poor => &mut d.poor,
            } += 1;
        }
        d
    }

    pub fn count(self, grade: Grade) -> u32 {
        match grade {
            Grade::Excellent => self.excellent,
            Grade::Good => self.good,
            Grade::Fair => self.fair,
            Grade::Poor => self.poor,
        }
    }
}

/// One department in a year's ranking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RankingRow {
    /// 1 = best; equal totals share a rank. `None` until graded.
    pub rank: Option<u32>,
    pub department: DepartmentRef,
    pub sector: Sector,
    pub status: EvaluationStatus,
    pub total: Option<f64>,
    pub grade: Option<Grade>,
    pub result: Option<ResultApplication>,
    pub open_cases: u32,
    pub cases: u32,
}

/// `GET /api/years/{year}/results`: finance and the assessment agency at any time, everyone
/// once published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Ranking {
    pub year: i32,
    pub phase: Phase,
    pub published_at: Option<String>,
    pub rules: ResultRules,
    /// Graded departments by rank, then those still in evaluation by code.
    pub rows: Vec<RankingRow>,
    pub distribution: GradeDistribution,
    /// Whether finance may publish now (evaluation phase, every department graded).
    pub publishable: bool,
}

/// Competition ranks ("1, 2, 2, 4") of totals sorted best first.
pub fn competition_ranks(sorted_totals: &[f64]) -> Vec<u32> {
    let mut ranks = Vec::with_capacity(sorted_totals.len());
    for (index, total) in sorted_totals.iter().enumerate() {
        let rank = match index {
            0 => 1,
            _ if sorted_totals[index - 1] == *total => ranks[index - 1],
            _ => u32::try_from(index + 1).unwrap_or(u32::MAX),
        };
        ranks.push(rank);
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_totals_share_a_rank() {
        assert_eq!(
            competition_ranks(&[95.0, 90.0, 90.0, 80.5]),
            vec![1, 2, 2, 4]
        );
        assert!(competition_ranks(&[]).is_empty());
    }

    #[test]
    fn grades_are_counted() {
        let d = GradeDistribution::of([Grade::Good, Grade::Poor, Grade::Good]);
        assert_eq!((d.excellent, d.good, d.fair, d.poor), (0, 2, 0, 1));
        assert_eq!(d.count(Grade::Good), 2);
    }
}
