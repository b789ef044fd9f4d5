//! The demo's evaluated years: 2024 graded and published, 2025 with departments at every
//! step of evaluation — all through the same repository functions as the API.

use super::figures::{self, Performance};
use super::{key_work, Plan, Progress, Seeded, Seeder, DEPARTMENTS, LAST_YEAR, PUBLISHED_YEAR};
use crate::error::AppResult;
use crate::repo::{evaluation_read, evaluations, results, years};
use jixiao_domain::framework::Phase;

impl Seeder<'_> {
    /// The year before last: the whole cycle, every department graded, results published
    /// and the year closed.
    pub(super) async fn published_year(&mut self, departments: &[Seeded]) -> AppResult<()> {
        let year = PUBLISHED_YEAR;
        let plans = self
            .plan_and_monitor(year, departments, 12, Performance::year_before_last)
            .await?;
        self.evaluate(
            year,
            departments,
            &plans,
            Performance::year_before_last,
            |_| Progress::Final,
        )
        .await?;
        let finance = self.finance.clone();
        results::publish(self.conn, &finance, year).await
    }

    /// Last year, being evaluated now: departments at every step, from not started to graded.
    pub(super) async fn last_year(&mut self, departments: &[Seeded]) -> AppResult<()> {
        let plans = self
            .plan_and_monitor(LAST_YEAR, departments, 12, Performance::last_year)
            .await?;
        self.evaluate(
            LAST_YEAR,
            departments,
            &plans,
            Performance::last_year,
            figures::evaluation_progress,
        )
        .await
    }

    /// Moves the year to evaluation and takes each department's evaluation as far as
    /// `progress` says, through the same repository functions as the API.
    async fn evaluate(
        &mut self,
        year: i32,
        departments: &[Seeded],
        plans: &[Plan],
        performance: fn(usize) -> Performance,
        progress: fn(usize) -> Progress,
    ) -> AppResult<()> {
        let finance = self.finance.clone();
        let assessment = self.assessment.clone();
        years::advance(self.conn, &finance, year, Phase::Evaluation).await?;
        for (index, plan) in plans.iter().enumerate() {
            let reached = progress(index);
            if reached == Progress::NotStarted {
                continue;
            }
            let seeded = &departments[index];
            let department = plan.department_id;
            let mut items = figures::year_end(plan, performance(index));
            if reached == Progress::Draft {
                // Half entered so far.
                for item in items.iter_mut().skip(plan.indicators.len() / 2) {
                    (item.actual, item.rating, item.percent, item.cause) = (None, None, None, None);
                }
            }
            let revision = self.revision(department, year).await?;
            evaluations::save_self(self.conn, &seeded.staff, department, year, revision, &items)
                .await?;
            if reached == Progress::Draft {
                continue;
            }
            // Wherever the domain finds points lost, the department explains.
            let draft = evaluation_read::load(self.conn, department, year).await?;
            if draft
                .items
                .iter()
                .any(|i| i.needs_cause && i.cause.is_none())
            {
                for (item, evaluated) in items.iter_mut().zip(&draft.items) {
                    if evaluated.needs_cause && item.cause.is_none() {
                        item.cause = Some(figures::SHORTFALL_CAUSE.into());
                    }
                }
                let revision = self.revision(department, year).await?;
                evaluations::save_self(
                    self.conn,
                    &seeded.staff,
                    department,
                    year,
                    revision,
                    &items,
                )
                .await?;
            }
            let revision = self.revision(department, year).await?;
            evaluations::sign_off(self.conn, &seeded.head, department, year, revision).await?;
            if reached == Progress::SignedOff {
                continue;
            }
            let spec = &DEPARTMENTS[index];
            let remarks = format!(
                "重点工作目标“{}”已纳入考评。Key work target “{}” reviewed.",
                key_work(spec).name_zh,
                key_work(spec).name_en
            );
            let revision = self.revision(department, year).await?;
            evaluations::save_remarks(self.conn, &assessment, department, year, revision, &remarks)
                .await?;
            let overrides = figures::finance_overrides(plan, &items, index);
            let revision = self.revision(department, year).await?;
            evaluations::save_reevaluation(
                self.conn, &finance, department, year, revision, &overrides,
            )
            .await?;
            if reached == Progress::Reevaluated {
                continue;
            }
            let revision = self.revision(department, year).await?;
            evaluations::finalize(self.conn, &finance, department, year, revision).await?;
        }
        Ok(())
    }

    async fn revision(&mut self, department_id: i64, year: i32) -> AppResult<i64> {
        Ok(evaluation_read::working(self.conn, department_id, year)
            .await?
            .revision())
    }
}
