//! Results application (DESIGN §1 "Results application"): the grade moves next year's
//! project budget, wins the Excellent prize, or opens an accountability case.

use crate::money::apply_basis_points;
use crate::scoring::Grade;
use crate::FieldError;

/// The year's result rules. Adjustments are in basis points (500 = +5 %) so that money
/// stays in integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ResultRules {
    pub excellent_bp: i32,
    pub good_bp: i32,
    pub fair_bp: i32,
    pub poor_bp: i32,
    /// A project line that spent at least this share of its money…
    pub ineffective_spent_bp: i32,
    /// …while every indicator it pays for scored below this share of its points.
    pub ineffective_achievement_bp: i32,
}

impl Default for ResultRules {
    fn default() -> Self {
        Self {
            excellent_bp: 500,
            good_bp: 0,
            fair_bp: -1000,
            poor_bp: -2000,
            ineffective_spent_bp: 5000,
            ineffective_achievement_bp: 6000,
        }
    }
}

impl ResultRules {
    pub fn parse(self) -> Result<Self, FieldError> {
        for (field, bp) in [
            ("excellent_bp", self.excellent_bp),
            ("good_bp", self.good_bp),
            ("fair_bp", self.fair_bp),
            ("poor_bp", self.poor_bp),
        ] {
            if !(-10_000..=10_000).contains(&bp) {
                return Err(field_error!(
                    "invalid_adjustment",
                    field,
                    "an adjustment must lie between −100 % and +100 %",
                    "调整比例须在 −100% 到 +100% 之间",
                ));
            }
        }
        for (field, bp) in [
            ("ineffective_spent_bp", self.ineffective_spent_bp),
            (
                "ineffective_achievement_bp",
                self.ineffective_achievement_bp,
            ),
        ] {
            if !(0..=10_000).contains(&bp) {
                return Err(field_error!(
                    "invalid_share",
                    field,
                    "a share must lie between 0 % and 100 %",
                    "比例须在 0% 到 100% 之间",
                ));
            }
        }
        Ok(self)
    }

    pub const fn adjustment_bp(self, grade: Grade) -> i32 {
        match grade {
            Grade::Excellent => self.excellent_bp,
            Grade::Good => self.good_bp,
            Grade::Fair => self.fair_bp,
            Grade::Poor => self.poor_bp,
        }
    }

    /// Next year's project budget for a base and a grade, rounded to the fen.
    pub fn next_year_budget(self, base_fen: i64, grade: Grade) -> i64 {
        apply_basis_points(base_fen, self.adjustment_bp(grade))
    }

    /// "If an expense is ineffective, accountability is triggered": the line spent at
    /// least the rule's share of its money and every indicator it pays for scored below the
    /// rule's share of its points. A line that pays for no indicator cannot be judged here.
    pub fn spending_was_ineffective(
        self,
        budget_fen: i64,
        spent_fen: i64,
        linked: &[(f64, f64)],
    ) -> bool {
        let spent_enough = budget_fen > 0
            && i128::from(spent_fen) * 10_000
                >= i128::from(budget_fen) * i128::from(self.ineffective_spent_bp);
        let share = f64::from(self.ineffective_achievement_bp) / 10_000.0;
        spent_enough
            && !linked.is_empty()
            && linked.iter().all(|(score, points)| *score < points * share)
    }
}

/// Why an accountability case opens.
pub fn opens_accountability_case(grade: Grade) -> bool {
    grade == Grade::Poor
}

pub fn wins_excellent_prize(grade: Grade) -> bool {
    grade == Grade::Excellent
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grade_moves_next_years_budget() {
        let rules = ResultRules::default();
        assert_eq!(
            rules.next_year_budget(1_000_000, Grade::Excellent),
            1_050_000
        );
        assert_eq!(rules.next_year_budget(1_000_000, Grade::Good), 1_000_000);
        assert_eq!(rules.next_year_budget(1_000_000, Grade::Fair), 900_000);
        assert_eq!(rules.next_year_budget(1_000_000, Grade::Poor), 800_000);
        // 333 fen × 1.05 = 349.65 → 350
        assert_eq!(rules.next_year_budget(333, Grade::Excellent), 350);
    }

    #[test]
    fn ineffective_spending_needs_both_conditions() {
        let rules = ResultRules::default();
        // Spent exactly half, both indicators below 60 % of their points.
        assert!(rules.spending_was_ineffective(1000, 500, &[(5.9, 10.0), (2.0, 5.0)]));
        assert!(!rules.spending_was_ineffective(1000, 499, &[(5.9, 10.0)]));
        // One indicator at exactly 60 % is not "below".
        assert!(!rules.spending_was_ineffective(1000, 900, &[(6.0, 10.0), (0.0, 5.0)]));
        assert!(!rules.spending_was_ineffective(1000, 900, &[]));
    }

    #[test]
    fn rules_are_parsed() {
        assert!(ResultRules::default().parse().is_ok());
        let bad = ResultRules {
            poor_bp: -20_000,
            ..ResultRules::default()
        };
        assert_eq!(bad.parse().unwrap_err().field, "poor_bp");
    }
}
