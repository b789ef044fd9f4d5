//! The demo province: departments, accounts, last year's full cycle (targets, budget,
//! monitoring, evaluation, results, publication) and this year's targets, budget and nine
//! months of monitoring. Everything goes through the repository functions the API uses, in
//! one transaction, so the demo is audited like real work and never half-written.

pub mod catalogue;
mod evaluation;
mod figures;
mod scenarios;

use crate::audit::Actor;
use crate::db;
use crate::error::AppResult;
use crate::repo::set_editing;
use crate::repo::{accounts, budget, departments, library, monitoring, sets, years};
use catalogue::{DepartmentSpec, IndicatorSpec, DEPARTMENTS};
use figures::Performance;
use jixiao_domain::dto::budget::BudgetLine;
use jixiao_domain::dto::sets::Indicator;
use jixiao_domain::dto::YearRules;
use jixiao_domain::framework::{
    Accumulation, BudgetKind, Direction, IndicatorOrigin, Level2, Phase, Role, Sector, SetStatus,
};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::HashMap;

/// The year being monitored now; last year, being evaluated; and the year before, whose
/// results are published.
pub const CURRENT_YEAR: i32 = 2026;
pub const LAST_YEAR: i32 = 2025;
pub const PUBLISHED_YEAR: i32 = 2024;
/// Next year, being planned now (November): departments are drafting their targets.
pub const NEXT_YEAR: i32 = 2027;
/// Months of the current year with monitoring data.
pub const MONITORED_MONTHS: u8 = 9;

/// Every demo account uses this password (printed at start-up; change it in production by
/// not seeding: `JIXIAO_SEED=none`).
pub const DEMO_PASSWORD: &str = "jixiao-demo-2026";

/// A demo login as printed for users.
pub struct DemoLogin {
    pub username: String,
    pub role: Role,
    pub department: Option<&'static str>,
}

/// Department roles get accounts in these sectors' departments.
const DEMO_DEPARTMENT_SECTORS: [Sector; 3] = [Sector::Education, Sector::Health, Sector::Transport];

/// The demo accounts: one per province role, a head and a staff member per demo department.
pub fn demo_logins() -> Vec<DemoLogin> {
    let mut logins = vec![
        DemoLogin {
            username: "finance".into(),
            role: Role::Finance,
            department: None,
        },
        DemoLogin {
            username: "assessment".into(),
            role: Role::Assessment,
            department: None,
        },
    ];
    for sector in DEMO_DEPARTMENT_SECTORS {
        if let Some(spec) = DEPARTMENTS.iter().find(|d| d.sector == sector) {
            for (suffix, role) in [("head", Role::DeptHead), ("staff", Role::DeptStaff)] {
                logins.push(DemoLogin {
                    username: format!("{}.{suffix}", spec.code.to_lowercase()),
                    role,
                    department: Some(spec.code),
                });
            }
        }
    }
    logins
}

/// Seeds an empty database. Returns `false` (and changes nothing) if the demo province or
/// any other data is already there — seeding happens on first start only.
pub async fn seed_demo_province(pool: &SqlitePool) -> AppResult<bool> {
    let logins = demo_logins();
    // Hash before taking the write lock: argon2 is slow on purpose.
    let mut hashes = Vec::with_capacity(logins.len());
    for _ in &logins {
        hashes.push(crate::auth::password::hash(DEMO_PASSWORD.to_owned()).await?);
    }
    let mut tx = db::begin_write(pool).await?;
    let populated: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_seeded_at')
             OR EXISTS (SELECT 1 FROM departments) OR EXISTS (SELECT 1 FROM fiscal_years)",
    )
    .fetch_one(&mut *tx)
    .await?;
    if populated {
        return Ok(false);
    }
    Seeder::new(&mut tx).run(&logins, hashes).await?;
    sqlx::query(
        "INSERT INTO app_meta (key, value) VALUES ('demo_seeded_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Whether this database holds the demo province (so start-up can print its logins).
pub async fn has_demo(pool: &SqlitePool) -> AppResult<bool> {
    Ok(
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM app_meta WHERE key = 'demo_seeded_at')")
            .fetch_one(pool)
            .await?,
    )
}

/// What the seeder made for one department.
struct Seeded {
    id: i64,
    head: Actor,
    staff: Actor,
}

struct Seeder<'c> {
    conn: &'c mut SqliteConnection,
    system: Actor,
    finance: Actor,
    assessment: Actor,
    library: HashMap<(Sector, &'static str), i64>,
    common_satisfaction: i64,
}

const WAN: i64 = 1_000_000; // fen in one 万元
const GENERAL_BUDGET: &str = "一般公共预算 General public budget";

impl<'c> Seeder<'c> {
    fn new(conn: &'c mut SqliteConnection) -> Self {
        Self {
            conn,
            system: Actor::system(),
            finance: Actor::system(),
            assessment: Actor::system(),
            library: HashMap::new(),
            common_satisfaction: 0,
        }
    }

    async fn run(mut self, logins: &[DemoLogin], hashes: Vec<String>) -> AppResult<()> {
        let mut departments = Vec::new();
        for spec in DEPARTMENTS {
            departments.push(self.department(spec).await?);
        }
        self.accounts(logins, hashes, &mut departments).await?;
        self.library().await?;
        self.published_year(&departments).await?;
        self.last_year(&departments).await?;
        self.current_year(&departments).await?;
        self.next_year(&departments).await?;
        self.scenarios(&departments).await?;
        Ok(())
    }

    async fn department(&mut self, spec: &DepartmentSpec) -> AppResult<Seeded> {
        let new = departments::NewDepartment {
            code: spec.code.into(),
            name_zh: spec.name_zh.into(),
            name_en: spec.name_en.into(),
            sector: spec.sector,
        };
        let id = departments::create(self.conn, &self.system, &new).await?;
        for unit in spec.units {
            let new = departments::NewUnit {
                department_id: id,
                code: unit.code.into(),
                name_zh: unit.name_zh.into(),
                name_en: unit.name_en.into(),
            };
            departments::create_unit(self.conn, &self.system, &new).await?;
        }
        Ok(Seeded {
            id,
            head: Actor::system(),
            staff: Actor::system(),
        })
    }

    async fn accounts(
        &mut self,
        logins: &[DemoLogin],
        hashes: Vec<String>,
        departments: &mut [Seeded],
    ) -> AppResult<()> {
        for (login, password_hash) in logins.iter().zip(hashes) {
            let index = login
                .department
                .and_then(|code| DEPARTMENTS.iter().position(|d| d.code == code));
            let display_name = match index {
                Some(i) => format!("{} · {}", DEPARTMENTS[i].name_zh, login.role.label_zh()),
                None => login.role.label_zh().to_owned(),
            };
            let new = accounts::NewAccount {
                username: login.username.clone(),
                display_name,
                role: login.role,
                department_id: index.map(|i| departments[i].id),
                password_hash,
                must_change_password: false,
            };
            let id = accounts::create(self.conn, &self.system, &new).await?;
            let actor = Actor {
                id: Some(id),
                name: login.username.clone(),
            };
            match (login.role, index) {
                (Role::Finance, _) => self.finance = actor,
                (Role::Assessment, _) => self.assessment = actor,
                (Role::DeptHead, Some(i)) => departments[i].head = actor,
                (Role::DeptStaff, Some(i)) => departments[i].staff = actor,
                _ => {}
            }
        }
        // Departments without demo accounts are run by the system actor in the log.
        Ok(())
    }

    /// Finance's library: the two common indicators and each sector's templates.
    async fn library(&mut self) -> AppResult<()> {
        let common = |level2, name_zh: &str, name_en: &str, unit: &str, direction| {
            library::NewLibraryIndicator {
                sector: None,
                level2,
                name_zh: name_zh.into(),
                name_en: name_en.into(),
                unit: unit.into(),
                direction,
                accumulation: Accumulation::Level,
                description: String::new(),
                data_source: "预算管理一体化系统 / Integrated budget management system".into(),
            }
        };
        let finance = self.finance.clone();
        library::create(
            self.conn,
            &finance,
            &common(
                Level2::ExecutionRate,
                "预算执行率",
                "Budget execution rate",
                "%",
                Direction::BudgetExecution,
            ),
        )
        .await?;
        self.common_satisfaction = library::create(
            self.conn,
            &finance,
            &common(
                Level2::ServiceRecipients,
                "服务对象满意度",
                "Service recipients' satisfaction",
                "%",
                Direction::HigherBetter,
            ),
        )
        .await?;
        for spec in DEPARTMENTS {
            for indicator in spec.indicators {
                if indicator.origin != IndicatorOrigin::Individual {
                    continue;
                }
                let new = library::NewLibraryIndicator {
                    sector: Some(spec.sector),
                    level2: indicator.level2,
                    name_zh: indicator.name_zh.into(),
                    name_en: indicator.name_en.into(),
                    unit: indicator.unit.into(),
                    direction: indicator.direction,
                    accumulation: indicator.accumulation,
                    description: indicator.target_text.unwrap_or_default().into(),
                    data_source: indicator.data_source.into(),
                };
                let id = library::create(self.conn, &finance, &new).await?;
                self.library.insert((spec.sector, indicator.key), id);
            }
        }
        Ok(())
    }

    /// This year: targets approved and published, budget compiled, nine months monitored.
    async fn current_year(&mut self, departments: &[Seeded]) -> AppResult<()> {
        self.plan_and_monitor(
            CURRENT_YEAR,
            departments,
            MONITORED_MONTHS,
            Performance::current_year,
        )
        .await?;
        Ok(())
    }

    /// Opens a year, plans every department's set and budget, moves the year to execution
    /// and records `months` of monitoring.
    async fn plan_and_monitor(
        &mut self,
        year: i32,
        departments: &[Seeded],
        months: u8,
        performance: fn(usize) -> Performance,
    ) -> AppResult<Vec<Plan>> {
        let finance = self.finance.clone();
        years::open(self.conn, &finance, year, YearRules::default()).await?;
        let mut plans = Vec::new();
        for (index, (spec, seeded)) in DEPARTMENTS.iter().zip(departments).enumerate() {
            plans.push(self.plan(year, index, spec, seeded).await?);
        }
        years::advance(self.conn, &finance, year, Phase::Execution).await?;
        for (index, plan) in plans.iter().enumerate() {
            for month in 1..=months {
                let entry = figures::month_report(month, plan, performance(index));
                let staff = &departments[index].staff;
                monitoring::enter_month(self.conn, staff, plan.department_id, year, month, &entry)
                    .await?;
            }
        }
        Ok(plans)
    }

    /// Next year in planning: sets at every step of review, from draft to approved.
    async fn next_year(&mut self, departments: &[Seeded]) -> AppResult<()> {
        let year = NEXT_YEAR;
        let finance = self.finance.clone();
        years::open(self.conn, &finance, year, YearRules::default()).await?;
        for (index, (spec, seeded)) in DEPARTMENTS.iter().zip(departments).enumerate() {
            let reached = figures::next_year_status(index);
            self.plan_to(year, index, spec, seeded, reached).await?;
        }
        Ok(())
    }

    /// A department's indicator set (approved and published) and budget for a year.
    async fn plan(
        &mut self,
        year: i32,
        index: usize,
        spec: &DepartmentSpec,
        seeded: &Seeded,
    ) -> AppResult<Plan> {
        self.plan_to(year, index, spec, seeded, SetStatus::Published)
            .await
    }

    /// A department's indicator set, taken through review as far as `reached`, and its
    /// budget for a year.
    async fn plan_to(
        &mut self,
        year: i32,
        index: usize,
        spec: &DepartmentSpec,
        seeded: &Seeded,
        reached: SetStatus,
    ) -> AppResult<Plan> {
        let set_id = sets::create(self.conn, &seeded.staff, seeded.id, year).await?;
        let mut indicators = Vec::new();
        // The common budget-execution indicator, as every new set starts.
        let execution = set_editing::budget_execution(self.conn).await?;
        let id = sets::add_indicator(self.conn, &seeded.staff, set_id, &execution).await?;
        indicators.push(PlannedIndicator {
            id,
            key: "budget_execution",
            direction: Direction::BudgetExecution,
            accumulation: Accumulation::Level,
            target: 1.0,
        });
        for (position, indicator) in spec.indicators.iter().enumerate() {
            let (target, baseline) = figures::targets_for(year, indicator);
            let library_id = match indicator.origin {
                IndicatorOrigin::Individual => {
                    self.library.get(&(spec.sector, indicator.key)).copied()
                }
                IndicatorOrigin::Common => Some(self.common_satisfaction),
                IndicatorOrigin::KeyWork => None,
            };
            let new = Indicator {
                id: None,
                // Spread unit-level indicators over the units, as a department's units own
                // parts of its work; department-wide ones stay at the top.
                unit_code: (position % 3 == 2)
                    .then(|| spec.units.get(position / 3 % spec.units.len().max(1)))
                    .flatten()
                    .map(|u| u.code.to_owned()),
                library_id,
                origin: indicator.origin,
                level2: indicator.level2,
                name_zh: indicator.name_zh.into(),
                name_en: indicator.name_en.into(),
                unit: indicator.unit.into(),
                direction: indicator.direction,
                accumulation: indicator.accumulation,
                target: (indicator.direction != Direction::Qualitative).then_some(target),
                target_text: indicator.target_text.map(Into::into),
                baseline: (indicator.direction != Direction::Qualitative).then_some(baseline),
                points: indicator.points,
                data_source: indicator.data_source.into(),
                elasticity: None,
            };
            // Key work targets are set by the assessment agency, not the department.
            let author = if indicator.origin == IndicatorOrigin::KeyWork {
                self.assessment.clone()
            } else {
                seeded.staff.clone()
            };
            let id = sets::add_indicator(self.conn, &author, set_id, &new).await?;
            indicators.push(PlannedIndicator {
                id,
                key: indicator.key,
                direction: indicator.direction,
                accumulation: indicator.accumulation,
                target,
            });
        }
        self.review(set_id, seeded, reached).await?;

        let scale = figures::budget_scale(year, index);
        let mut lines = Vec::new();
        let basic = [
            (
                BudgetKind::Personnel,
                "B01",
                "人员经费",
                "Personnel",
                spec.personnel_wan,
            ),
            (
                BudgetKind::Operations,
                "B02",
                "公用经费",
                "Public operations",
                spec.operations_wan,
            ),
        ];
        for (kind, suffix, name_zh, name_en, wan) in basic {
            let amount = (wan * WAN) as f64 * scale;
            let new = BudgetLine {
                id: None,
                code: format!("{}-{suffix}", spec.code),
                kind,
                name_zh: format!("{}{}", spec.name_zh, name_zh),
                name_en: format!("{} — {}", spec.name_en, name_en.to_lowercase()),
                unit_code: None,
                amount_fen: amount.round() as i64,
                adjusted_fen: amount.round() as i64,
                funding_source: GENERAL_BUDGET.into(),
                indicator_ids: Vec::new(),
                suspended: false,
                suspended_reason: None,
            };
            let id = budget::create(self.conn, &seeded.head, seeded.id, year, &new).await?;
            lines.push(PlannedLine {
                id,
                kind,
                adjusted_fen: new.adjusted_fen,
                project: None,
            });
        }
        for (p, project) in spec.projects.iter().enumerate() {
            let amount = ((project.amount_wan * WAN) as f64 * scale).round() as i64;
            // Mid-year adjustments: some projects were topped up or cut.
            let adjusted = amount + amount / 100 * figures::adjustment_percent(index, p);
            let indicator_ids = project
                .pays_for
                .iter()
                .filter_map(|key| indicators.iter().find(|i| i.key == *key).map(|i| i.id))
                .collect();
            let new = BudgetLine {
                id: None,
                code: project.code.into(),
                kind: BudgetKind::Project,
                name_zh: project.name_zh.into(),
                name_en: project.name_en.into(),
                unit_code: project
                    .unit
                    .and_then(|u| spec.units.get(u))
                    .map(|u| u.code.to_owned()),
                amount_fen: amount,
                adjusted_fen: adjusted,
                funding_source: GENERAL_BUDGET.into(),
                indicator_ids,
                suspended: false,
                suspended_reason: None,
            };
            let id = budget::create(self.conn, &seeded.head, seeded.id, year, &new).await?;
            lines.push(PlannedLine {
                id,
                kind: BudgetKind::Project,
                adjusted_fen: adjusted,
                project: Some(p),
            });
        }
        Ok(Plan {
            department_id: seeded.id,
            indicators,
            lines,
        })
    }

    /// Takes a draft set through review up to `reached`.
    async fn review(&mut self, set_id: i64, seeded: &Seeded, reached: SetStatus) -> AppResult<()> {
        use SetStatus::*;
        let path: &[SetStatus] = match reached {
            Draft => &[],
            Submitted => &[Submitted],
            Returned => &[Submitted, Returned],
            Approved => &[Submitted, Approved],
            Published => &[Submitted, Approved, Published],
        };
        for status in path {
            let (actor, comment) = match status {
                Submitted => (seeded.head.clone(), None),
                Returned => (
                    self.finance.clone(),
                    Some("产出指标需细化，请补充数量指标的季度分解 / Break the output quantities down by quarter and resubmit"),
                ),
                Approved => (self.finance.clone(), Some("符合要求 / Meets the requirements")),
                _ => (self.finance.clone(), None),
            };
            sets::change_status(self.conn, &actor, set_id, *status, comment).await?;
        }
        Ok(())
    }
}

fn key_work(spec: &DepartmentSpec) -> &IndicatorSpec {
    spec.indicators
        .iter()
        .find(|i| i.origin == IndicatorOrigin::KeyWork)
        .unwrap_or(&spec.indicators[0])
}

/// A department's indicators and budget lines for one year, as stored.
/// How far a department's evaluation of a year has come in the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Progress {
    NotStarted,
    Draft,
    SignedOff,
    Reevaluated,
    Final,
}

pub(crate) struct Plan {
    pub department_id: i64,
    pub indicators: Vec<PlannedIndicator>,
    pub lines: Vec<PlannedLine>,
}

pub(crate) struct PlannedIndicator {
    pub id: i64,
    pub key: &'static str,
    pub direction: Direction,
    pub accumulation: Accumulation,
    pub target: f64,
}

pub(crate) struct PlannedLine {
    pub id: i64,
    pub kind: BudgetKind,
    pub adjusted_fen: i64,
    /// Index into the department's projects, for project lines.
    pub project: Option<usize>,
}
