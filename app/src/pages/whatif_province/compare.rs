//! Two scenarios side by side: the current inputs or any saved scenario on each side, per
//! department the final allocation and change under A and B in adjacent columns, and the
//! difference B − A.

use jixiao_domain::dto::whatif::{Scenario, ScenarioInput};
use jixiao_domain::whatif::province::{allocate, DepartmentId, ProvinceOutcome};
use leptos::prelude::*;

use super::model::{id_text, names};
use super::numbers::signed_money;
use super::state::Page;
use super::table::{change_view, department_name, shown};
use crate::api;
use crate::locale::{current, t, t_string, use_i18n};

/// What a side of the comparison shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Current,
    Saved(i64),
}

/// A select's value as a choice: `"current"`, a scenario id, or nothing.
pub fn parse_choice(value: &str) -> Option<Choice> {
    match value {
        "current" => Some(Choice::Current),
        other => other.parse().ok().map(Choice::Saved),
    }
}

/// One department in a comparison of outcomes A and B.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    pub id: DepartmentId,
    /// Final and change under A and under B.
    pub a: Option<(i64, i64)>,
    pub b: Option<(i64, i64)>,
    /// Final B − final A (a department missing from one counts 0 there).
    pub difference: i64,
}

/// Every department of A then those only in B, each with both outcomes and the difference.
pub fn compare(a: &ProvinceOutcome, b: &ProvinceOutcome) -> Vec<CompareRow> {
    let find = |o: &ProvinceOutcome, id: &DepartmentId| {
        o.departments
            .iter()
            .find(|d| d.id == *id)
            .map(|d| (d.final_fen, d.change))
    };
    let mut ids: Vec<&DepartmentId> = a.departments.iter().map(|d| &d.id).collect();
    for d in &b.departments {
        if !ids.contains(&&d.id) {
            ids.push(&d.id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let (left, right) = (find(a, id), find(b, id));
            let final_of = |x: Option<(i64, i64)>| x.map_or(0, |(f, _)| f);
            CompareRow {
                id: id.clone(),
                a: left,
                b: right,
                difference: final_of(right) - final_of(left),
            }
        })
        .collect()
}

/// The outcome of a saved scenario: the server's, or the engine's here.
fn outcome_of(saved: &Scenario) -> Option<ProvinceOutcome> {
    saved.allocation.clone().or_else(|| match &saved.input {
        ScenarioInput::Province { scenario } => allocate(scenario).ok(),
        ScenarioInput::Department { .. } => None,
    })
}

#[component]
fn SideSelect(page: Page, side: usize) -> impl IntoView {
    let i18n = use_i18n();
    let value = page.compare[side];
    let id = if side == 0 {
        "pwi-compare-a"
    } else {
        "pwi-compare-b"
    };
    let label = move || {
        if side == 0 {
            t_string!(i18n, province.compare.side_a)
        } else {
            t_string!(i18n, province.compare.side_b)
        }
    };
    let options = move || {
        let saved = page
            .list
            .get()
            .and_then(Result::ok)
            .map(|l| l.scenarios)
            .unwrap_or_default();
        let current = value.get();
        saved
            .into_iter()
            .map(|s| {
                let v = s.id.to_string();
                let selected = v == current;
                view! { <option value=v selected=selected>{s.name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=id prop:value=move || value.get()
                on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="" selected=move || value.with(String::is_empty)>{t!(i18n, province.compare.choose)}</option>
                <option value="current" selected=move || value.with(|v| v == "current")>
                    {t!(i18n, province.compare.current_unsaved)}
                </option>
                {options}
            </select>
        </div>
    }
}

#[component]
pub(super) fn ComparePanel(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let choices = page
        .compare
        .map(|side| Memo::new(move |_| side.with(|v| parse_choice(v))));
    // Saved scenarios are fetched once per choice.
    let fetch = |choice: Memo<Option<Choice>>| {
        LocalResource::new(move || {
            let chosen = choice.get();
            async move {
                match chosen {
                    Some(Choice::Saved(id)) => Some(api::whatif::scenario(id).await),
                    _ => None,
                }
            }
        })
    };
    let saved = [fetch(choices[0]), fetch(choices[1])];
    // Read in a reactive closure: the texts follow the switcher.
    let outcome = move |side: usize| -> Result<Option<(String, ProvinceOutcome)>, String> {
        match choices[side].get() {
            None => Ok(None),
            Some(Choice::Current) => page
                .computed
                .with(|c| c.outcome.clone())
                .map(|o| Some((t_string!(i18n, province.compare.current).to_owned(), o)))
                .ok_or_else(|| t_string!(i18n, province.compare.current_cannot).to_owned()),
            Some(Choice::Saved(_)) => match saved[side].get() {
                None | Some(None) => Ok(None),
                Some(Some(Err(e))) => Err(if e.is_not_found() {
                    t_string!(i18n, province.compare.not_found).to_owned()
                } else {
                    e.message
                }),
                Some(Some(Ok(s))) => outcome_of(&s)
                    .map(|o| Some((s.summary.name.clone(), o)))
                    .ok_or_else(|| t_string!(i18n, province.compare.saved_cannot).to_owned()),
            },
        }
    };
    let body = move || match (outcome(0), outcome(1)) {
        (Err(e), _) | (_, Err(e)) => {
            view! { <p class="form-alert" role="alert">{e}</p> }.into_any()
        }
        (Ok(Some((a_name, a))), Ok(Some((b_name, b)))) => view! {
            <dl class="pwi-compare-names">
                <div><dt>"A"</dt><dd>{a_name}</dd></div>
                <div><dt>"B"</dt><dd>{b_name}</dd></div>
            </dl>
            <CompareTable page rows=compare(&a, &b) />
        }
        .into_any(),
        _ => view! {
            <p class="empty">{t!(i18n, province.compare.choose_two)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby="pwi-compare-heading">
            <h2 id="pwi-compare-heading">{t!(i18n, province.compare.heading)}</h2>
            <div class="pwi-compare-pick">
                <SideSelect page side=0 />
                <SideSelect page side=1 />
            </div>
            {body}
        </section>
    }
}

#[component]
fn CompareTable(page: Page, rows: Vec<CompareRow>) -> impl IntoView {
    let i18n = use_i18n();
    let start = page.start.get_value();
    // A department missing on one side counts 0 there.
    let sum = |pick: fn(&CompareRow) -> Option<i64>| -> i64 { rows.iter().filter_map(pick).sum() };
    let totals = (
        sum(|r| r.a.map(|x| x.0)),
        sum(|r| r.a.map(|x| x.1)),
        sum(|r| r.b.map(|x| x.0)),
        sum(|r| r.b.map(|x| x.1)),
        rows.iter().map(|r| r.difference).sum::<i64>(),
    );
    let body = rows
        .into_iter()
        .map(|row| {
            let label = start
                .departments
                .iter()
                .find(|d| names(&row.id, &d.department))
                .map(|d| d.department.clone());
            let code = label.as_ref().map_or_else(|| id_text(&row.id), |l| l.code.clone());
            let base = label
                .as_ref()
                .and_then(|l| start.departments.iter().find(|d| d.department.id == l.id))
                .map_or(0, |d| d.base);
            let change = move |x: Option<(i64, i64)>| match x {
                Some((_, c)) => change_view(c, base).into_any(),
                None => "—".into_any(),
            };
            view! {
                <tr>
                    <th scope="row" class="wide">{department_name(&code, label.as_ref())}</th>
                    <td class="num" data-label=move || t_string!(i18n, province.compare.a_final)>{move || shown(row.a.map(|x| x.0))}</td>
                    <td class="num" data-label=move || t_string!(i18n, province.compare.a_change)>{change(row.a)}</td>
                    <td class="num" data-label=move || t_string!(i18n, province.compare.b_final)>{move || shown(row.b.map(|x| x.0))}</td>
                    <td class="num" data-label=move || t_string!(i18n, province.compare.b_change)>{change(row.b)}</td>
                    <td class="num" data-label=move || t_string!(i18n, province.compare.difference)>{move || signed_money(row.difference, current())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap pwi-wrap">
            <table class="data-table pwi-table pwi-compare">
                <caption class="visually-hidden">{t!(i18n, province.compare.caption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, common.department)}</th>
                        <th scope="col" class="num">{t!(i18n, province.compare.a_final)}</th>
                        <th scope="col" class="num">{t!(i18n, province.compare.a_change)}</th>
                        <th scope="col" class="num">{t!(i18n, province.compare.b_final)}</th>
                        <th scope="col" class="num">{t!(i18n, province.compare.b_change)}</th>
                        <th scope="col" class="num">{t!(i18n, province.compare.difference)}</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
                <tfoot>
                    <tr class="total-row">
                        <th scope="row">{t!(i18n, province.table.total)}</th>
                        <td class="num" data-label=move || t_string!(i18n, province.compare.a_final)>{move || shown(Some(totals.0))}</td>
                        <td class="num" data-label=move || t_string!(i18n, province.compare.a_change)>{move || signed_money(totals.1, current())}</td>
                        <td class="num" data-label=move || t_string!(i18n, province.compare.b_final)>{move || shown(Some(totals.2))}</td>
                        <td class="num" data-label=move || t_string!(i18n, province.compare.b_change)>{move || signed_money(totals.3, current())}</td>
                        <td class="num" data-label=move || t_string!(i18n, province.compare.difference)>{move || signed_money(totals.4, current())}</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_line_up_by_department() {
        let outcome = |rows: &[(&str, i64, i64)]| ProvinceOutcome {
            departments: rows
                .iter()
                .map(|(code, f, c)| jixiao_domain::whatif::province::Allocation {
                    id: DepartmentId::Code((*code).to_owned()),
                    raw: *f,
                    final_fen: *f,
                    change: *c,
                })
                .collect(),
            total: rows.iter().map(|r| r.1).sum(),
        };
        let a = outcome(&[("A", 100, 10), ("B", 50, -5)]);
        let b = outcome(&[("B", 60, 5), ("C", 7, 7)]);
        let rows = compare(&a, &b);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].difference, -100);
        assert_eq!(rows[1].a, Some((50, -5)));
        assert_eq!(rows[1].b, Some((60, 5)));
        assert_eq!(rows[1].difference, 10);
        assert_eq!(rows[2].a, None);
        assert_eq!(rows[2].difference, 7);
    }

    #[test]
    fn choices_read_from_the_select() {
        assert_eq!(parse_choice("current"), Some(Choice::Current));
        assert_eq!(parse_choice("12"), Some(Choice::Saved(12)));
        assert_eq!(parse_choice(""), None);
        assert_eq!(parse_choice("x"), None);
    }
}
