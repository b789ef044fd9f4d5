//! The demo's saved what-if scenarios: the Education head's "what if the preschool fund gets
//! 10 % less?" and finance's province scenario with a pool 2 % tighter than the grades ask.

use super::{Seeded, Seeder, CURRENT_YEAR, LAST_YEAR};
use crate::error::AppResult;
use crate::repo::{scenarios, whatif};
use jixiao_domain::dto::whatif::ScenarioInput;
use jixiao_domain::whatif::department::Changes;
use jixiao_domain::whatif::province::{DepartmentId, ProvinceDepartment, ProvinceScenario};

impl Seeder<'_> {
    pub(super) async fn scenarios(&mut self, departments: &[Seeded]) -> AppResult<()> {
        let edu = &departments[0];
        let start = whatif::department(self.conn, edu.id, CURRENT_YEAR).await?;
        let mut changes = Changes::default();
        if let Some(line) = start.lines.iter().find(|l| l.code == "EDU-P02") {
            let now = start
                .baseline
                .lines
                .iter()
                .find(|l| l.id == line.id)
                .map_or(0, |l| l.amount_fen);
            changes.set_amount(line.id, now / 10 * 9);
        }
        let input = ScenarioInput::Department {
            department: start.department.code.clone(),
            changes,
        };
        let name = "学前教育经费压减10% / Preschool fund 10 % less";
        scenarios::create(self.conn, &edu.head, CURRENT_YEAR, name, &input).await?;

        let province = whatif::province(self.conn, LAST_YEAR).await?;
        let scenario = ProvinceScenario {
            pool: province.pool / 100 * 98,
            adjustments: province.adjustments,
            departments: province
                .departments
                .iter()
                .map(|d| ProvinceDepartment {
                    id: DepartmentId::Code(d.department.code.clone()),
                    base: d.base,
                    grade: d.grade,
                    floor: None,
                    cap: None,
                })
                .collect(),
        };
        let finance = self.finance.clone();
        let name = "2026年项目资金池收紧2% / Project pool 2 % tighter";
        scenarios::create(
            self.conn,
            &finance,
            LAST_YEAR,
            name,
            &ScenarioInput::Province { scenario },
        )
        .await?;
        Ok(())
    }
}
