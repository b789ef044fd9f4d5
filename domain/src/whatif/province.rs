//! Province what-if (DESIGN §1 "What-if"): a pool P for next year's project budgets; each
//! department's base B and grade g give raw = B·(1 + adj(g)) rounded to the fen; the final
//! allocations are raw scaled to sum to P exactly, keeping each department's optional floor
//! and cap, with the leftover fen going by largest remainder, ties by id. All in integers,
//! so the same input always gives the same output, in the browser and on the server.

use crate::scoring::Grade;
use crate::FieldError;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Adjustment per grade as a fraction (0.05 = +5 %), as the public contract has it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Adjustments {
    pub excellent: f64,
    pub good: f64,
    pub fair: f64,
    pub poor: f64,
}

impl Default for Adjustments {
    fn default() -> Self {
        Self {
            excellent: 0.05,
            good: 0.0,
            fair: -0.10,
            poor: -0.20,
        }
    }
}

impl Adjustments {
    pub const fn of(self, grade: Grade) -> f64 {
        match grade {
            Grade::Excellent => self.excellent,
            Grade::Good => self.good,
            Grade::Fair => self.fair,
            Grade::Poor => self.poor,
        }
    }

    /// The year's result rules (basis points) as fractions.
    pub fn from_rules(rules: crate::results::ResultRules) -> Self {
        let f = |bp: i32| f64::from(bp) / 10_000.0;
        Self {
            excellent: f(rules.excellent_bp),
            good: f(rules.good_bp),
            fair: f(rules.fair_bp),
            poor: f(rules.poor_bp),
        }
    }
}

/// A department's identifier: a number or a code. Numbers order before codes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum DepartmentId {
    Number(i64),
    Code(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceDepartment {
    pub id: DepartmentId,
    /// This year's project budget, fen.
    pub base: i64,
    pub grade: Grade,
    #[serde(default)]
    pub floor: Option<i64>,
    #[serde(default)]
    pub cap: Option<i64>,
}

/// `POST /api/whatif/province`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceScenario {
    /// Next year's pool for project budgets, fen.
    pub pool: i64,
    pub adjustments: Adjustments,
    pub departments: Vec<ProvinceDepartment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Allocation {
    pub id: DepartmentId,
    /// B·(1 + adj(g)), rounded half away from zero to the fen.
    pub raw: i64,
    /// Scaled to the pool within floor and cap; Σ final = pool.
    #[serde(rename = "final")]
    pub final_fen: i64,
    /// final − base.
    pub change: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProvinceOutcome {
    pub departments: Vec<Allocation>,
    pub total: i64,
}

/// Money we accept: up to ¥10 trillion per amount, so sums of thousands stay exact.
const MAX_FEN: i64 = 1_000_000_000_000_000;
/// Adjustments are applied in billionths, exactly.
const NANO: i128 = 1_000_000_000;

fn money(value: i64, field: String) -> Result<i128, FieldError> {
    if (0..=MAX_FEN).contains(&value) {
        Ok(i128::from(value))
    } else {
        Err(field_error!(
            "invalid_amount",
            field,
            "an amount must be between 0 and 10^15 fen",
            "金额须在 0 到 10¹⁵ 分之间",
        ))
    }
}

/// Divides, rounding half away from zero.
fn div_round(numerator: i128, denominator: i128) -> i128 {
    let (q, r) = (numerator / denominator, numerator % denominator);
    if 2 * r.abs() >= denominator.abs() {
        q + numerator.signum() * denominator.signum()
    } else {
        q
    }
}

/// B·(1 + adj), rounded to the fen, never below 0.
pub fn raw_allocation(base: i64, adjustment: f64) -> i64 {
    let nanos = (adjustment * 1e9).round() as i128;
    let raw = i128::from(base) + div_round(i128::from(base) * nanos, NANO);
    i64::try_from(raw.max(0)).unwrap_or(i64::MAX)
}

struct Parsed {
    raw: i128,
    floor: i128,
    cap: i128,
}

fn parse(scenario: &ProvinceScenario) -> Result<(i128, Vec<Parsed>), FieldError> {
    let pool = money(scenario.pool, "pool".into())?;
    for (field, adj) in [
        ("excellent", scenario.adjustments.excellent),
        ("good", scenario.adjustments.good),
        ("fair", scenario.adjustments.fair),
        ("poor", scenario.adjustments.poor),
    ] {
        if !(adj.is_finite() && (-1.0..=10.0).contains(&adj)) {
            return Err(field_error!(
                "invalid_adjustment",
                format!("adjustments.{field}"),
                "an adjustment is a fraction from −1 (−100 %) to 10 (+1000 %)",
                "调整比例须在 −1（−100%）到 10（+1000%）之间",
            ));
        }
    }
    if scenario.departments.len() > 10_000 {
        return Err(field_error!(
            "too_many",
            "departments",
            "at most 10 000 departments",
            "部门数不能超过 10 000 个",
        ));
    }
    let mut parsed = Vec::with_capacity(scenario.departments.len());
    let mut seen = std::collections::HashSet::new();
    for (i, d) in scenario.departments.iter().enumerate() {
        let path = |f: &str| format!("departments[{i}].{f}");
        if !seen.insert(&d.id) {
            return Err(field_error!(
                "duplicate_id",
                path("id"),
                "each department appears once",
                "每个部门只能出现一次",
            ));
        }
        let base = money(d.base, path("base"))?;
        let floor = d.floor.map(|f| money(f, path("floor"))).transpose()?;
        let cap = d.cap.map(|c| money(c, path("cap"))).transpose()?;
        if let (Some(floor), Some(cap)) = (floor, cap) {
            if floor > cap {
                return Err(field_error!(
                    "floor_above_cap",
                    path("floor"),
                    "the floor cannot be above the cap",
                    "下限不能高于上限",
                ));
            }
        }
        let adjustment = scenario.adjustments.of(d.grade);
        parsed.push(Parsed {
            raw: i128::from(raw_allocation(base as i64, adjustment)),
            floor: floor.unwrap_or(0),
            cap: cap.unwrap_or(i128::MAX),
        });
    }
    let floors: i128 = parsed.iter().map(|p| p.floor).sum();
    if floors > pool {
        return Err(field_error!(
            "floors_exceed_pool",
            "pool",
            "the floors add up to more than the pool",
            "各部门下限合计超过资金池",
        ));
    }
    if parsed.iter().all(|p| p.cap != i128::MAX) {
        let caps: i128 = parsed.iter().map(|p| p.cap).sum();
        if caps < pool {
            return Err(field_error!(
                "caps_below_pool",
                "pool",
                "the caps add up to less than the pool: it cannot all be allocated",
                "各部门上限合计低于资金池，无法全部分配",
            ));
        }
    }
    if parsed.is_empty() && pool > 0 {
        return Err(field_error!(
            "no_departments",
            "departments",
            "a pool needs at least one department",
            "资金池至少须分配给一个部门",
        ));
    }
    Ok((pool, parsed))
}

/// Fair shares of `amount` among `weights` (exact rationals): each share's whole fen and
/// its remainder over `denominator`.
fn shares(amount: i128, weights: &[i128]) -> (Vec<i128>, Vec<i128>, i128) {
    let total: i128 = weights.iter().sum();
    if total == 0 {
        // Nothing to scale: equal shares.
        let n = i128::try_from(weights.len()).unwrap_or(i128::MAX).max(1);
        let whole = vec![amount / n; weights.len()];
        let rest = vec![amount % n; weights.len()];
        return (whole, rest, n);
    }
    let whole = weights.iter().map(|w| w * amount / total).collect();
    let rest = weights.iter().map(|w| w * amount % total).collect();
    (whole, rest, total)
}

/// Allocates the pool. Errors name the field at fault.
pub fn allocate(scenario: &ProvinceScenario) -> Result<ProvinceOutcome, FieldError> {
    let (pool, parsed) = parse(scenario)?;
    let n = parsed.len();
    // Water-filling: scale the free departments to what is left; whoever falls outside
    // their floor or cap is fixed there, and the rest are scaled again.
    let mut fixed: Vec<Option<i128>> = vec![None; n];
    loop {
        let free: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
        let left = pool - fixed.iter().flatten().sum::<i128>();
        if free.is_empty() {
            break;
        }
        let weights: Vec<i128> = free.iter().map(|&i| parsed[i].raw).collect();
        let (whole, rest, denominator) = shares(left, &weights);
        // Exact comparisons: share = (whole·d + rest) / d against floor and cap.
        let share = |k: usize| whole[k] * denominator + rest[k];
        let scaled = |bound: i128| bound.checked_mul(denominator);
        let mut needed = 0i128;
        let mut freed = 0i128;
        let mut below = Vec::new();
        let mut above = Vec::new();
        for (k, &i) in free.iter().enumerate() {
            if let Some(floor) = scaled(parsed[i].floor).filter(|&f| share(k) < f) {
                needed += floor - share(k);
                below.push(i);
            } else if let Some(cap) = scaled(parsed[i].cap).filter(|&c| share(k) > c) {
                freed += share(k) - cap;
                above.push(i);
            }
        }
        if below.is_empty() && above.is_empty() {
            // Everyone free fits.
            let mut finals = whole;
            let leftover = left - finals.iter().sum::<i128>();
            // Leftover fen by largest remainder, ties by id.
            let mut order: Vec<usize> = (0..free.len()).collect();
            order.sort_by(|&a, &b| {
                rest[b].cmp(&rest[a]).then_with(|| {
                    scenario.departments[free[a]]
                        .id
                        .cmp(&scenario.departments[free[b]].id)
                })
            });
            let leftover = usize::try_from(leftover).unwrap_or(0);
            for &k in order.iter().cycle().take(leftover) {
                finals[k] += 1;
            }
            for (k, &i) in free.iter().enumerate() {
                fixed[i] = Some(finals[k]);
            }
            break;
        }
        // If the floors need more than the caps free, the scale must fall, so the floors'
        // departments stay below their floors: fix them. Otherwise the caps bind.
        if needed >= freed {
            for &i in &below {
                fixed[i] = Some(parsed[i].floor);
            }
        }
        if freed >= needed {
            for &i in &above {
                fixed[i] = Some(parsed[i].cap);
            }
        }
    }
    let departments: Vec<Allocation> = scenario
        .departments
        .iter()
        .zip(&parsed)
        .zip(fixed)
        .map(|((d, p), final_fen)| {
            let final_fen = i64::try_from(final_fen.unwrap_or(0)).unwrap_or(i64::MAX);
            Allocation {
                id: d.id.clone(),
                raw: i64::try_from(p.raw).unwrap_or(i64::MAX),
                final_fen,
                change: final_fen - d.base,
            }
        })
        .collect();
    let total = departments.iter().map(|d| d.final_fen).sum();
    Ok(ProvinceOutcome { departments, total })
}

/// Winners first (largest increase), losers last; ties by id.
pub fn winners_and_losers(outcome: &ProvinceOutcome) -> Vec<&Allocation> {
    let mut sorted: Vec<&Allocation> = outcome.departments.iter().collect();
    sorted.sort_by(|a, b| match b.change.cmp(&a.change) {
        Ordering::Equal => a.id.cmp(&b.id),
        other => other,
    });
    sorted
}
