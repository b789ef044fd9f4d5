//! The allocation table: per department its grade, base, raw, floor and cap (inputs), final
//! and change; a footer of sums; the check that Σ final equals the pool to the fen; the rule
//! in words. And the winners-and-losers chart of the same outcome.

use jixiao_domain::whatif::province::{raw_allocation, winners_and_losers};
use leptos::prelude::*;

use super::numbers::{change_percent, signed_money, trend, Trend};
use super::state::{problem_text, unplaced, Page, Row};
use crate::components::charts::winners_losers::{ChangeBar, WinnersLosersChart};
use crate::components::grade::GradeBadge;
use crate::format::money;
use crate::locale::{current, pick, t, t_string, use_i18n};

/// An amount in the reader's language (it follows the switcher), `—` when there is none.
pub(super) fn shown(fen: Option<i64>) -> String {
    fen.map_or("—".to_owned(), |f| money(f, current()))
}

/// ▲ / ▼ / = with the direction in words for screen readers, the amount and the share.
pub(super) fn change_view(change: i64, base: i64) -> impl IntoView {
    let i18n = use_i18n();
    let trend = trend(change);
    let (glyph, class) = match trend {
        Trend::Up => ("▲", "pwi-up"),
        Trend::Down => ("▼", "pwi-down"),
        Trend::Flat => ("=", "pwi-flat"),
    };
    let words = move || match trend {
        Trend::Up => t_string!(i18n, province.table.up),
        Trend::Down => t_string!(i18n, province.table.down),
        Trend::Flat => t_string!(i18n, province.table.flat),
    };
    view! {
        <span class=format!("pwi-change {class}")>
            <span aria-hidden="true">{glyph}</span>
            <span class="visually-hidden">{move || format!("{} ", words())}</span>
            " " {move || signed_money(change, current())}
            <span class="pwi-sub">{change_percent(change, base)}</span>
        </span>
    }
}

/// A department's name cell content: code and name in the reader's language.
pub(super) fn department_name(
    code: &str,
    label: Option<&jixiao_domain::dto::auth::DepartmentRef>,
) -> impl IntoView {
    view! {
        <code>{code.to_owned()}</code> " "
        {label.map(|d| {
            let (zh, en) = (d.name_zh.clone(), d.name_en.clone());
            view! { <span class="name-zh">{move || pick(&zh, &en).to_owned()}</span> }
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
    let i18n = use_i18n();
    let id = format!("pwi-{kind}-{index}");
    let error = page.problem(format!("departments[{index}].{kind}"));
    let error_id = format!("{id}-error");
    let floor = kind == "floor";
    // Seen: "Floor"; heard: "AGRI Floor (10,000 yuan)".
    let seen = move || {
        if floor {
            t_string!(i18n, province.table.floor)
        } else {
            t_string!(i18n, province.table.cap)
        }
    };
    let heard = move || {
        if floor {
            t_string!(i18n, province.table.floor_of, code = &code).to_string()
        } else {
            t_string!(i18n, province.table.cap_of, code = &code).to_string()
        }
    };
    view! {
        <div class="pwi-bound-field">
        <label class="pwi-bound-label" for=id.clone()>
            <span aria-hidden="true">{seen}</span>
            <span class="visually-hidden">{heard}</span>
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
    let i18n = use_i18n();
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
                Some(true)
            } else if s.cap == Some(final_fen) {
                Some(false)
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
                        {t!(i18n, province.table.today,
                            base = move || money(base, current()),
                            grade = move || pick(grade.label_zh(), grade.label_en()))}
                    </span>
                })}
            </th>
            <td data-label=move || t_string!(i18n, province.table.grade)>
                <GradeBadge grade />
                {d.provisional.then(|| view! {
                    <span class="tag pwi-provisional">{t!(i18n, province.table.provisional)}</span>
                })}
            </td>
            <td class="num" data-label=move || t_string!(i18n, province.table.base)>{move || shown(Some(base))}</td>
            <td class="num" data-label=move || t_string!(i18n, province.table.raw)>{move || shown(raw.get())}</td>
            <td class="pwi-bound-cell" data-label=move || t_string!(i18n, province.table.bounds_short)>
                <div class="pwi-bounds">
                    <BoundInput page index code=d.code.clone() value=row.floor kind="floor" />
                    <BoundInput page index code=d.code.clone() value=row.cap kind="cap" />
                </div>
            </td>
            <td class="num pwi-final" data-label=move || t_string!(i18n, province.table.final_amount)>
                {move || shown(allocation.get().map(|(f, _)| f))}
                {move || bound.get().map(|at_floor| view! {
                    <span class="pwi-sub">
                        {move || if at_floor {
                            t_string!(i18n, province.table.at_floor)
                        } else {
                            t_string!(i18n, province.table.at_cap)
                        }}
                    </span>
                })}
            </td>
            <td class="num" data-label=move || t_string!(i18n, province.table.change)>
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
    let i18n = use_i18n();
    let rows = move || {
        page.rows
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, row)| view! { <AllocationRow page index row /> })
            .collect_view()
    };
    let total_text = move || shown(page.computed.with(|c| c.outcome.as_ref().map(|o| o.total)));
    let pool_text = move || shown(page.pool_fen.get());
    let check = move || {
        page.computed.with(|c| {
            let rows = page.rows.with(Vec::len);
            match (&c.outcome, c.scenario.as_ref()) {
                (Some(o), Some(s)) if o.total == s.pool => view! {
                    <p class="pwi-status pwi-ok">{t!(i18n, province.table.sum_ok)}</p>
                }
                .into_any(),
                (Some(_), _) => view! {
                    <p class="pwi-status pwi-bad">{t!(i18n, province.table.sum_differs)}</p>
                }
                .into_any(),
                _ => {
                    let elsewhere = c.problems.iter().find(|p| unplaced(p, rows)).cloned();
                    view! {
                        <p class="pwi-status pwi-bad">
                            {t!(i18n, province.table.cannot_allocate)}
                            {elsewhere.map(|p| view! { " " {problem_text(&p)} })}
                        </p>
                    }
                    .into_any()
                }
            }
        })
    };
    let cell =
        move |part: fn((i64, i64, i64, i64, i64)) -> i64| move || shown(sums(page).map(part));
    let change_sum = move || match sums(page) {
        Some((base, _, _, _, change)) => change_view(change, base).into_any(),
        None => "—".into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="pwi-table-heading">
            <h2 id="pwi-table-heading">{t!(i18n, province.table.heading)}</h2>
            <div class="table-wrap pwi-wrap">
                <table class="data-table pwi-table pwi-allocation">
                    <caption class="visually-hidden">{t!(i18n, province.table.heading)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, common.department)}</th>
                            <th scope="col">{t!(i18n, province.table.grade)}</th>
                            <th scope="col" class="num">{t!(i18n, province.table.base)}</th>
                            <th scope="col" class="num">{t!(i18n, province.table.raw)}</th>
                            <th scope="col">{t!(i18n, province.table.bounds)}</th>
                            <th scope="col" class="num">{t!(i18n, province.table.final_amount)}</th>
                            <th scope="col" class="num">{t!(i18n, province.table.change)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr class="total-row">
                            <th scope="row">{t!(i18n, province.table.total)}</th>
                            <td data-label=move || t_string!(i18n, province.table.grade)></td>
                            <td class="num" data-label=move || t_string!(i18n, province.table.base)>{cell(|s| s.0)}</td>
                            <td class="num" data-label=move || t_string!(i18n, province.table.raw)>{cell(|s| s.1)}</td>
                            <td class="num" data-label=move || t_string!(i18n, province.table.floors_sum)>
                                {cell(|s| s.2)}
                                <span class="pwi-sub">{t!(i18n, province.table.floors_sum)}</span>
                            </td>
                            <td class="num pwi-final" data-label=move || t_string!(i18n, province.table.final_amount)>{cell(|s| s.3)}</td>
                            <td class="num" data-label=move || t_string!(i18n, province.table.change)>{change_sum}</td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="pwi-check">
                <p class="pwi-figure">
                    <span id="pwi-total-label">{t!(i18n, province.table.total_final)}</span>
                    " "
                    <output id="pwi-total" aria-labelledby="pwi-total-label" aria-live="off">{total_text}</output>
                </p>
                <p class="pwi-figure">
                    <span id="pwi-pool-label">{t!(i18n, province.table.pool)}</span>
                    " "
                    <output id="pwi-pool-total" for="pwi-pool" aria-labelledby="pwi-pool-label" aria-live="off">{pool_text}</output>
                </p>
                <div role="status" class="pwi-status-box">{check}</div>
            </div>
            <p class="field-hint pwi-rule">{t!(i18n, province.table.rule)}</p>
        </section>
    }
}

/// The winners-and-losers chart of the current outcome.
pub(super) fn chart(page: Page) -> AnyView {
    let i18n = use_i18n();
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
            <p class="empty">{t!(i18n, province.chart_empty)}</p>
        }
        .into_any(),
    }
}
