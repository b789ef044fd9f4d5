//! The allocation table: per department its grade, base, raw, floor and cap (inputs), final
//! and change; a footer of sums; the check that Σ final equals the pool to the fen; the rule
//! in words. And the winners-and-losers chart of the same outcome.

use jixiao_domain::money::format_yuan;
use jixiao_domain::whatif::province::{raw_allocation, winners_and_losers};
use leptos::prelude::*;

use super::numbers::{change_percent, signed_yuan, trend, Trend};
use super::state::{problem_text, unplaced, Page, Row};
use crate::components::charts::winners_losers::{ChangeBar, WinnersLosersChart};
use crate::components::grade::GradeBadge;

/// ▲ / ▼ / = with the direction in words for screen readers, the amount and the share.
pub(super) fn change_view(change: i64, base: i64) -> impl IntoView {
    let (glyph, zh, en, class) = match trend(change) {
        Trend::Up => ("▲", "增加", "up", "pwi-up"),
        Trend::Down => ("▼", "减少", "down", "pwi-down"),
        Trend::Flat => ("=", "不变", "no change", "pwi-flat"),
    };
    view! {
        <span class=format!("pwi-change {class}")>
            <span aria-hidden="true">{glyph}</span>
            <span class="visually-hidden">{format!("{zh} {en} ")}</span>
            " " {signed_yuan(change)}
            <span class="pwi-sub">{change_percent(change, base)}</span>
        </span>
    }
}

/// A department's name cell content: code, Chinese and English name.
pub(super) fn department_name(
    code: &str,
    label: Option<&jixiao_domain::dto::auth::DepartmentRef>,
) -> impl IntoView {
    view! {
        <code>{code.to_owned()}</code> " "
        {label.map(|d| view! {
            <span class="name-zh">{d.name_zh.clone()}</span> " "
            <span class="name-en pwi-sub" lang="en">{d.name_en.clone()}</span>
        })}
    }
}

#[component]
fn BoundInput(
    page: Page,
    index: usize,
    code: String,
    value: RwSignal<String>,
    /// `floor` or `cap`.
    kind: &'static str,
) -> impl IntoView {
    let id = format!("pwi-{kind}-{index}");
    let error = page.problem(format!("departments[{index}].{kind}"));
    let error_id = format!("{id}-error");
    let (zh, en) = if kind == "floor" {
        ("下限", "Floor")
    } else {
        ("上限", "Cap")
    };
    // Seen: "下限 Floor"; heard: "AGRI 下限（万元） Floor (10,000 yuan)".
    view! {
        <div class="pwi-bound-field">
        <label class="pwi-bound-label" for=id.clone()>
            <span aria-hidden="true">{zh} " " <span lang="en">{en}</span></span>
            <span class="visually-hidden">{format!("{code} {zh}（万元） ")} <span lang="en">{format!("{en} (10,000 yuan)")}</span></span>
        </label>
        <input id=id.clone() name=id.clone() type="text" inputmode="decimal" autocomplete="off"
            class="pwi-bound" placeholder="—" bind:value=value
            aria-invalid=move || error.with(Option::is_some).then_some("true")
            aria-describedby={
                let error_id = error_id.clone();
                move || error.with(Option::is_some).then(|| error_id.clone())
            } />
        {move || error.get().map(|p| view! { <p id=error_id.clone() class="field-error pwi-bound-error">{problem_text(&p)}</p> })}
        </div>
    }
}

#[component]
fn AllocationRow(page: Page, index: usize, row: Row) -> impl IntoView {
    let d = row.department.clone();
    let (base, grade) = (d.base, d.grade);
    let allocation = Memo::new(move |_| {
        page.computed.with(|c| {
            c.outcome
                .as_ref()
                .and_then(|o| o.departments.get(index))
                .map(|a| (a.final_fen, a.change))
        })
    });
    let raw = Memo::new(move |_| {
        page.computed.with(|c| {
            c.scenario
                .as_ref()
                .map(|s| raw_allocation(base, s.adjustments.of(grade)))
        })
    });
    // Which bound holds the department, if any.
    let bound = Memo::new(move |_| {
        let final_fen = allocation.get()?.0;
        page.computed.with(|c| {
            let s = c.scenario.as_ref()?.departments.get(index)?;
            if s.floor == Some(final_fen) {
                Some(("在下限 ", "at floor"))
            } else if s.cap == Some(final_fen) {
                Some(("在上限 ", "at cap"))
            } else {
                None
            }
        })
    });
    view! {
        <tr>
            <th scope="row" class="wide">
                {department_name(&d.code, d.label.as_ref())}
                {d.today.map(|(base, grade)| view! {
                    <span class="tag pwi-today">
                        {format!("当前数据：{} {} ", format_yuan(base), grade.label_zh())}
                        <span lang="en">{format!("Today: {} {}", format_yuan(base), grade.label_en())}</span>
                    </span>
                })}
            </th>
            <td data-label="等级 Grade">
                <GradeBadge grade />
                {d.provisional.then(|| view! {
                    <span class="tag pwi-provisional">"暂定 " <span lang="en">"Provisional"</span></span>
                })}
            </td>
            <td class="num" data-label="基数 Base">{format_yuan(base)}</td>
            <td class="num" data-label="原始分配 Raw">{move || raw.get().map_or("—".to_owned(), format_yuan)}</td>
            <td class="pwi-bound-cell" data-label="下限 / 上限（万元） Floor / cap">
                <div class="pwi-bounds">
                    <BoundInput page index code=d.code.clone() value=row.floor kind="floor" />
                    <BoundInput page index code=d.code.clone() value=row.cap kind="cap" />
                </div>
            </td>
            <td class="num pwi-final" data-label="最终分配 Final">
                {move || allocation.get().map_or("—".to_owned(), |(f, _)| format_yuan(f))}
                {move || bound.get().map(|(zh, en)| view! {
                    <span class="pwi-sub">{zh} <span lang="en">{en}</span></span>
                })}
            </td>
            <td class="num" data-label="变化 Change">
                {move || match allocation.get() {
                    Some((_, change)) => change_view(change, base).into_any(),
                    None => "—".into_any(),
                }}
            </td>
        </tr>
    }
}

/// Sums of the footer: base, raw, floors, final, change.
fn sums(page: Page) -> Option<(i64, i64, i64, i64, i64)> {
    page.computed.with(|c| {
        let scenario = c.scenario.as_ref()?;
        let base: i64 = scenario.departments.iter().map(|d| d.base).sum();
        let raw: i64 = scenario
            .departments
            .iter()
            .map(|d| raw_allocation(d.base, scenario.adjustments.of(d.grade)))
            .sum();
        let floors: i64 = scenario.departments.iter().filter_map(|d| d.floor).sum();
        let outcome = c.outcome.as_ref()?;
        let change: i64 = outcome.departments.iter().map(|a| a.change).sum();
        Some((base, raw, floors, outcome.total, change))
    })
}

#[component]
pub(super) fn AllocationPanel(page: Page) -> impl IntoView {
    let rows = move || {
        page.rows
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, row)| view! { <AllocationRow page index row /> })
            .collect_view()
    };
    let total_text = move || {
        page.computed
            .with(|c| c.outcome.as_ref().map(|o| format_yuan(o.total)))
            .unwrap_or_else(|| "—".to_owned())
    };
    let pool_text = move || page.pool_fen.get().map_or("—".to_owned(), format_yuan);
    let check = move || {
        page.computed.with(|c| {
            let rows = page.rows.with(Vec::len);
            match (&c.outcome, c.scenario.as_ref()) {
                (Some(o), Some(s)) if o.total == s.pool => view! {
                    <p class="pwi-status pwi-ok">
                        "✓ 合计等于资金池 " <span lang="en">"Sum equals the pool"</span>
                    </p>
                }
                .into_any(),
                (Some(_), _) => view! {
                    <p class="pwi-status pwi-bad">
                        "✗ 合计不等于资金池 " <span lang="en">"Sum differs from the pool"</span>
                    </p>
                }
                .into_any(),
                _ => {
                    let elsewhere = c
                        .problems
                        .iter()
                        .find(|p| unplaced(p, rows))
                        .map(super::model::message);
                    view! {
                        <p class="pwi-status pwi-bad">
                            "✗ 无法分配，请修正标出的输入。 "
                            <span lang="en">"Cannot allocate: fix the marked input."</span>
                            {elsewhere.map(|p| view! { " " {problem_text(&p)} })}
                        </p>
                    }
                    .into_any()
                }
            }
        })
    };
    let cell = move |pick: fn((i64, i64, i64, i64, i64)) -> i64| {
        move || sums(page).map_or("—".to_owned(), |s| format_yuan(pick(s)))
    };
    let change_sum = move || match sums(page) {
        Some((base, _, _, _, change)) => change_view(change, base).into_any(),
        None => "—".into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="pwi-table-heading">
            <h2 id="pwi-table-heading">"各部门分配 " <span lang="en">"Allocation by department"</span></h2>
            <div class="table-wrap pwi-wrap">
                <table class="data-table pwi-table pwi-allocation">
                    <caption class="visually-hidden">"各部门分配 Allocation by department"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"部门 " <span lang="en">"Department"</span></th>
                            <th scope="col">"等级 " <span lang="en">"Grade"</span></th>
                            <th scope="col" class="num">"基数 " <span lang="en">"Base"</span></th>
                            <th scope="col" class="num">"原始分配 " <span lang="en">"Raw"</span></th>
                            <th scope="col">"下限 / 上限（万元） " <span lang="en">"Floor / cap (10,000 yuan)"</span></th>
                            <th scope="col" class="num">"最终分配 " <span lang="en">"Final"</span></th>
                            <th scope="col" class="num">"变化 " <span lang="en">"Change"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="total-row">
                            <th scope="row">"合计 " <span lang="en">"Total"</span></th>
                            <td data-label="等级 Grade"></td>
                            <td class="num" data-label="基数 Base">{cell(|s| s.0)}</td>
                            <td class="num" data-label="原始分配 Raw">{cell(|s| s.1)}</td>
                            <td class="num" data-label="下限合计 Σ floors">
                                {cell(|s| s.2)}
                                <span class="pwi-sub">"下限合计 " <span lang="en">"Σ floors"</span></span>
                            </td>
                            <td class="num pwi-final" data-label="最终分配 Final">{cell(|s| s.3)}</td>
                            <td class="num" data-label="变化 Change">{change_sum}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="pwi-check">
                <p class="pwi-figure">
                    <span id="pwi-total-label">"最终分配合计 " <span lang="en">"Total of final allocations"</span></span>
                    " "
                    <output id="pwi-total" aria-labelledby="pwi-total-label" aria-live="off">{total_text}</output>
                </p>
                <p class="pwi-figure">
                    <span id="pwi-pool-label">"资金池 " <span lang="en">"Pool"</span></span>
                    " "
                    <output id="pwi-pool-total" for="pwi-pool" aria-labelledby="pwi-pool-label" aria-live="off">{pool_text}</output>
                </p>
                <div role="status" class="pwi-status-box">{check}</div>
            </div>
            <p class="field-hint pwi-rule">
                "规则：原始分配 = 基数 × (1 + 该等级的调整)，四舍五入到分；再按比例缩放到资金池，并保持各部门的下限与上限；剩余的分按余数从大到小分配，余数相同按部门编号。 "
                <span lang="en">
                    "Rule: raw = base × (1 + adjustment of the grade), rounded to the fen; scaled to the pool within floor and cap; leftover fen by largest remainder, ties by department id."
                </span>
            </p>
        </section>
    }
}

/// The winners-and-losers chart of the current outcome.
pub(super) fn chart(page: Page) -> AnyView {
    let bars = page.computed.with(|c| {
        let outcome = c.outcome.as_ref()?;
        let rows = page.rows.get();
        Some(
            winners_and_losers(outcome)
                .into_iter()
                .map(|a| {
                    let row = rows.iter().find(|r| r.department.id == a.id);
                    let label = row.and_then(|r| r.department.label.clone());
                    ChangeBar {
                        code: row.map_or_else(
                            || super::model::id_text(&a.id),
                            |r| r.department.code.clone(),
                        ),
                        name_zh: label
                            .as_ref()
                            .map(|l| l.name_zh.clone())
                            .unwrap_or_default(),
                        name_en: label.map(|l| l.name_en).unwrap_or_default(),
                        base: row.map_or(0, |r| r.department.base),
                        change: a.change,
                    }
                })
                .collect::<Vec<_>>(),
        )
    });
    match bars {
        Some(bars) => view! { <WinnersLosersChart id="pwi-winners".to_owned() bars /> }.into_any(),
        None => view! {
            <p class="empty">"输入有误，暂无图表。 " <span lang="en">"No chart until the inputs can be allocated."</span></p>
        }
        .into_any(),
    }
}
