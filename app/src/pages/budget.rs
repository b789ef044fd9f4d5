//! `/departments/:code/budget/:year` "预算 Budget": the lines grouped by kind (personnel,
//! public operations, project) with totals per category and a grand total, in exact fen.
//! Readers see it; the department's own users edit it — every field while the year is in
//! planning; during execution only the adjusted amounts, funding sources and the indicators
//! a line pays for. The compilation checks run live; a save names its revision (409 stale →
//! reload offer).

use jixiao_domain::dto::budget::{Budget, BudgetLine, BudgetTotals, IndicatorRef, KindTotal};
use jixiao_domain::dto::excel::{ExcelImported, ExcelKind};
use jixiao_domain::framework::{BudgetKind, Phase};
use jixiao_domain::money::format_yuan;
use jixiao_domain::validation::budget_problems;
use jixiao_domain::FieldError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::department_page::{department_year_resource, DepartmentYearPage};
use crate::components::excel::{ExcelPanel, ExcelUpload, TemplateLink};
use crate::components::fetched::fetched;
use crate::components::guard::access_error;
use crate::components::money::{parse_yuan, yuan_input};
use crate::components::stale::{stale_current, WriteAlert};
use crate::pages::monitoring::{monitoring_href, works_for};

#[component]
pub fn BudgetPage() -> impl IntoView {
    view! {
        <DepartmentYearPage title="预算 Budget">
            <BudgetLoader />
        </DepartmentYearPage>
    }
}

#[component]
fn BudgetLoader() -> impl IntoView {
    let budget =
        department_year_resource(|code, year| async move { api::budget::get(&code, year).await });
    fetched(
        budget,
        |budget| view! { <BudgetScreen budget /> },
        access_error,
    )
}

/// One line as edited: text fields, amounts in yuan as typed.
#[derive(Clone)]
struct Draft {
    key: usize,
    id: Option<i64>,
    kind: BudgetKind,
    code: RwSignal<String>,
    name_zh: RwSignal<String>,
    name_en: RwSignal<String>,
    unit_code: RwSignal<String>,
    amount: RwSignal<String>,
    adjusted: RwSignal<String>,
    funding: RwSignal<String>,
    indicators: RwSignal<Vec<i64>>,
    suspended: bool,
    suspended_reason: Option<String>,
}

impl Draft {
    fn of(key: usize, line: BudgetLine) -> Self {
        Self {
            key,
            id: line.id,
            kind: line.kind,
            code: RwSignal::new(line.code),
            name_zh: RwSignal::new(line.name_zh),
            name_en: RwSignal::new(line.name_en),
            unit_code: RwSignal::new(line.unit_code.unwrap_or_default()),
            amount: RwSignal::new(yuan_input(line.amount_fen)),
            adjusted: RwSignal::new(yuan_input(line.adjusted_fen)),
            funding: RwSignal::new(line.funding_source),
            indicators: RwSignal::new(line.indicator_ids),
            suspended: line.suspended,
            suspended_reason: line.suspended_reason,
        }
    }

    /// The line to send, and the problems of amounts that are not money.
    fn line(&self, index: usize, problems: &mut Vec<FieldError>) -> BudgetLine {
        let mut money = |text: RwSignal<String>, field: &str| match text.with(|t| parse_yuan(t)) {
            Ok(fen) => fen,
            Err(message) => {
                problems.push(FieldError::new(
                    "invalid_amount",
                    format!("lines[{index}].{field}"),
                    message,
                ));
                0
            }
        };
        let amount_fen = money(self.amount, "amount_fen");
        let adjusted_fen = money(self.adjusted, "adjusted_fen");
        let unit = self.unit_code.get().trim().to_owned();
        BudgetLine {
            id: self.id,
            code: self.code.get().trim().to_owned(),
            kind: self.kind,
            name_zh: self.name_zh.get().trim().to_owned(),
            name_en: self.name_en.get().trim().to_owned(),
            unit_code: (!unit.is_empty()).then_some(unit),
            amount_fen,
            adjusted_fen,
            funding_source: self.funding.get().trim().to_owned(),
            indicator_ids: self.indicators.get(),
            suspended: self.suspended,
            suspended_reason: self.suspended_reason.clone(),
        }
    }
}

/// Every line to send and every problem: amounts that are not money, then the compilation
/// checks.
fn compile(drafts: &[Draft], indicators: &[IndicatorRef]) -> (Vec<BudgetLine>, Vec<FieldError>) {
    let mut problems = Vec::new();
    let lines: Vec<BudgetLine> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| d.line(i, &mut problems))
        .collect();
    let mut checks = budget_problems(&lines, indicators);
    checks.retain(|c| !problems.iter().any(|p| p.field == c.field));
    problems.extend(checks);
    (lines, problems)
}

fn total_cells(total: KindTotal) -> impl IntoView {
    view! {
        <td class="num" data-label="批复金额 Amount">{format_yuan(total.amount_fen)}</td>
        <td class="num" data-label="调整后金额 Adjusted">{format_yuan(total.adjusted_fen)}</td>
    }
}

fn kind_total(totals: &BudgetTotals, kind: BudgetKind) -> KindTotal {
    match kind {
        BudgetKind::Personnel => totals.personnel,
        BudgetKind::Operations => totals.operations,
        BudgetKind::Project => totals.project,
    }
}

#[component]
fn BudgetScreen(budget: Budget) -> impl IntoView {
    let auth = use_auth();
    let code = budget.department.code.clone();
    let year = budget.year;
    let current = RwSignal::new(budget);
    let editable = {
        let code = code.clone();
        Memo::new(move |_| {
            works_for(auth.me().as_ref(), &code)
                && current.with(|b| matches!(b.phase, Phase::Planning | Phase::Execution))
        })
    };
    let (name_zh, name_en) =
        current.with_untracked(|b| (b.department.name_zh.clone(), b.department.name_en.clone()));
    let phase = current.with_untracked(|b| b.phase);
    let generation = RwSignal::new(0_u32);
    let excel = {
        let code = code.clone();
        move || {
            editable.get().then(|| {
                let on_imported = Callback::new(move |imported: ExcelImported| {
                    if let ExcelImported::Budget { budget } = imported {
                        current.set(budget);
                        generation.update(|g| *g += 1);
                    }
                });
                let (template_code, upload_code) = (code.clone(), code.clone());
                view! {
                    <ExcelPanel>
                        <p class="form-actions">
                            <TemplateLink code=template_code kind=ExcelKind::Budget year />
                        </p>
                        <ExcelUpload code=upload_code kind=ExcelKind::Budget year on_imported />
                    </ExcelPanel>
                }
            })
        }
    };
    view! {
        <Title text=format!("预算 Budget · {name_zh} {year}") />
        <header class="page-header">
            <h1>"预算 " <span class="h1-en" lang="en">"Budget"</span></h1>
            <p class="lead">
                <span>{name_zh}</span> " " <span lang="en">{name_en}</span>
                {format!(" · {year} 年度 FY{year} · ")}
                {phase.label_zh()} " " <span lang="en">{phase.label_en()}</span>
            </p>
            {(phase != Phase::Planning).then(|| view! {
                <p><A href=monitoring_href(&code, year, None)>"执行监控 " <span lang="en">"Monitoring"</span></A></p>
            })}
        </header>
        {excel}
        {move || if editable.get() {
            // Rebuilt with the budget as imported.
            generation.track();
            view! { <BudgetEditor current code=code.clone() /> }.into_any()
        } else {
            let budget = current.get();
            view! { <BudgetView budget /> }.into_any()
        }}
    }
}

#[component]
fn BudgetView(budget: Budget) -> impl IntoView {
    let sections = BudgetKind::ALL
        .iter()
        .map(|kind| {
            let rows = budget
                .lines
                .iter()
                .filter(|l| l.kind == *kind)
                .map(|line| {
                    let indicators = line
                        .indicator_ids
                        .iter()
                        .filter_map(|id| budget.indicators.iter().find(|i| i.id == *id))
                        .map(|i| view! { <li>{i.name_zh.clone()}</li> })
                        .collect_view();
                    view! {
                        <tr class:row-suspended=line.suspended>
                            <th scope="row" class="wide">
                                <span class="name-zh">{line.name_zh.clone()}</span> " "
                                <span class="name-en" lang="en">{line.name_en.clone()}</span>
                                <span class="muted"> " " <code>{line.code.clone()}</code></span>
                                {line.suspended.then(|| view! {
                                    <span class="tag tag-suspended">"已暂停拨款 " <span lang="en">"Suspended"</span></span>
                                })}
                            </th>
                            <td class="num" data-label="批复金额 Amount">{format_yuan(line.amount_fen)}</td>
                            <td class="num" data-label="调整后金额 Adjusted">{format_yuan(line.adjusted_fen)}</td>
                            <td data-label="资金来源 Funding source">{line.funding_source.clone()}</td>
                            <td data-label="预算单位 Budget unit">{line.unit_code.clone().unwrap_or_else(|| "—".to_owned())}</td>
                            <td class="span" data-label="支付的指标 Indicators paid for"><ul class="new-red-list">{indicators}</ul></td>
                        </tr>
                    }
                })
                .collect_view();
            let total = kind_total(&budget.totals, *kind);
            let heading = format!("budget-{}", kind.as_str());
            view! {
                <section class="panel" aria-labelledby=format!("budget-{}", kind.as_str())>
                    <h2 id=heading>{kind.label_zh()} " " <span lang="en">{kind.label_en()}</span></h2>
                    <div class="table-wrap mon-wrap">
                        <table class="data-table mon-table">
                            <thead>
                                <tr>
                                    <th scope="col">"预算项目 " <span lang="en">"Line"</span></th>
                                    <th scope="col" class="num">"批复金额 " <span lang="en">"Amount"</span></th>
                                    <th scope="col" class="num">"调整后金额 " <span lang="en">"Adjusted"</span></th>
                                    <th scope="col">"资金来源 " <span lang="en">"Funding source"</span></th>
                                    <th scope="col">"预算单位 " <span lang="en">"Budget unit"</span></th>
                                    <th scope="col">"支付的指标 " <span lang="en">"Indicators paid for"</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows}
                                <tr class="total-row">
                                    <th scope="row">"小计 " <span lang="en">"Subtotal"</span></th>
                                    {total_cells(total)}
                                </tr>
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })
        .collect_view();
    view! {
        {sections}
        <GrandTotal total=Signal::stored(budget.totals.total) />
    }
}

#[component]
fn GrandTotal(#[prop(into)] total: Signal<KindTotal>) -> impl IntoView {
    view! {
        <section class="panel" aria-labelledby="budget-total">
            <h2 id="budget-total">"合计 " <span lang="en">"Grand total"</span></h2>
            <dl class="facts">
                <div>
                    <dt>"批复金额 " <span lang="en">"Amount"</span></dt>
                    <dd>{move || format_yuan(total.get().amount_fen)}</dd>
                </div>
                <div>
                    <dt>"调整后金额 " <span lang="en">"Adjusted"</span></dt>
                    <dd>{move || format_yuan(total.get().adjusted_fen)}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn BudgetEditor(current: RwSignal<Budget>, code: String) -> impl IntoView {
    let next_key = StoredValue::new(0_usize);
    let make = move |lines: Vec<BudgetLine>| -> Vec<Draft> {
        lines
            .into_iter()
            .map(|line| {
                let key = next_key.get_value();
                next_key.set_value(key + 1);
                Draft::of(key, line)
            })
            .collect()
    };
    let drafts = RwSignal::new(make(current.get_untracked().lines));
    let indicators = Memo::new(move |_| current.with(|b| b.indicators.clone()));
    let planning = Memo::new(move |_| current.with(|b| b.phase == Phase::Planning));
    let compiled = Memo::new(move |_| drafts.with(|d| indicators.with(|i| compile(d, i))));
    let totals = Signal::derive(move || compiled.with(|(lines, _)| BudgetTotals::of(lines)));
    let server_problems = RwSignal::new(Vec::<FieldError>::new());
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(None::<String>);
    let load = move |budget: Budget| {
        drafts.set(make(budget.lines.clone()));
        current.set(budget);
        server_problems.set(Vec::new());
        error.set(None);
    };
    let save = Action::new_local(move |input: &(i64, Vec<BudgetLine>)| {
        let (revision, lines) = input.clone();
        let code = code.clone();
        let year = current.with_untracked(|b| b.year);
        async move { api::budget::save(&code, year, revision, lines).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(budget)) => {
            load(budget);
            saved.set(Some("已保存。 Saved.".to_owned()));
        }
        Some(Err(e)) => {
            server_problems.set(e.problems.clone());
            error.set(Some(e));
        }
        None => {}
    });
    let on_reload = Callback::new(move |e: ApiError| {
        if let Some(budget) = stale_current::<Budget>(&e) {
            load(budget);
        }
    });
    let problem = move |key: usize, field: &'static str| {
        Signal::derive(move || {
            let index = drafts.with(|d| d.iter().position(|x| x.key == key))?;
            let path = format!("lines[{index}].{field}");
            compiled
                .with(|(_, p)| {
                    p.iter()
                        .find(|p| p.field == path)
                        .map(|p| p.message.clone())
                })
                .or_else(|| {
                    server_problems.with(|p| {
                        p.iter()
                            .find(|p| p.field == path)
                            .map(|p| p.message.clone())
                    })
                })
        })
    };
    let problem_count = move || compiled.with(|(_, p)| p.len());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        if problem_count() > 0 {
            error.set(Some(ApiError::from_response(
                422,
                r#"{"error":{"code":"validation","message":"请先修正标出的问题。 Fix the marked problems first."}}"#,
            )));
            return;
        }
        error.set(None);
        let revision = current.with_untracked(|b| b.revision);
        save.dispatch((revision, compiled.get_untracked().0));
    };
    let add = move |kind: BudgetKind| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let line = BudgetLine {
            id: None,
            code: String::new(),
            kind,
            name_zh: String::new(),
            name_en: String::new(),
            unit_code: None,
            amount_fen: 0,
            adjusted_fen: 0,
            funding_source: "一般公共预算 General public budget".to_owned(),
            indicator_ids: Vec::new(),
            suspended: false,
            suspended_reason: None,
        };
        drafts.update(|d| d.push(Draft::of(key, line)));
    };
    let sections = BudgetKind::ALL
        .iter()
        .map(|kind| {
            let kind = *kind;
            let heading = format!("budget-{}", kind.as_str());
            let subtotal = Signal::derive(move || kind_total(&totals.get(), kind));
            let of_kind = move || {
                drafts
                    .get()
                    .into_iter()
                    .filter(|d| d.kind == kind)
                    .collect::<Vec<Draft>>()
            };
            view! {
                <section class="panel" aria-labelledby=format!("budget-{}", kind.as_str())>
                    <h2 id=heading>{kind.label_zh()} " " <span lang="en">{kind.label_en()}</span></h2>
                    <div class="entry-grid">
                        <For
                            each=of_kind
                            key=|d| d.key
                            let:draft
                        >
                            <LineEditor draft indicators planning problem drafts />
                        </For>
                    </div>
                    <p class="budget-subtotal">
                        "小计 " <span lang="en">"Subtotal"</span> ": "
                        {move || format_yuan(subtotal.get().amount_fen)} " / "
                        "调整后 " <span lang="en">"adjusted"</span> " "
                        {move || format_yuan(subtotal.get().adjusted_fen)}
                    </p>
                    {move || planning.get().then(|| view! {
                        <button type="button" class="button button-secondary button-small" on:click=move |_| add(kind)>
                            "添加一行 " <span lang="en">{format!("Add a line: {}", kind.label_en())}</span>
                        </button>
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <form class="form budget-form" novalidate=true on:submit=submit>
            {move || (!planning.get()).then(|| view! {
                <p class="notice">
                    "执行阶段只能调整“调整后金额”、资金来源和支付的指标。 "
                    <span lang="en">"During execution only the adjusted amounts, funding sources and the indicators paid for can change."</span>
                </p>
            })}
            <p class="editor-status" role="status">
                {move || match problem_count() {
                    0 => "编制检查通过 Compilation checks passed".to_owned(),
                    n => format!("{n} 个问题 {n} problem(s) to fix"),
                }}
            </p>
            {sections}
            <GrandTotal total=Signal::derive(move || totals.get().total) />
            <WriteAlert error on_reload claimed=|field| field.starts_with("lines[") />
            <p class="form-status" role="status">{move || saved.get()}</p>
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    "保存预算 " <span lang="en">"Save budget"</span>
                </button>
            </div>
        </form>
    }
}

#[component]
fn LineEditor(
    draft: Draft,
    indicators: Memo<Vec<IndicatorRef>>,
    planning: Memo<bool>,
    problem: impl Fn(usize, &'static str) -> Signal<Option<String>> + Copy + Send + Sync + 'static,
    drafts: RwSignal<Vec<Draft>>,
) -> impl IntoView {
    let key = draft.key;
    let fixed = Signal::derive(move || !planning.get());
    let field = move |name: &'static str,
                      zh: &'static str,
                      en: &'static str,
                      value: RwSignal<String>,
                      locked: Signal<bool>| {
        let id = format!("line-{key}-{name}");
        let error = problem(key, name);
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:field-invalid=move || error.with(Option::is_some)>
                <label for=id.clone()>{zh} " " <span lang="en">{en}</span></label>
                <input id=id.clone() name=id.clone() type="text" bind:value=value disabled=move || locked.get()
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone()) />
                {let error_id = format!("{id}-error"); move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
            </div>
        }
    };
    let links_error = problem(key, "indicator_ids");
    let is_project = draft.kind == BudgetKind::Project;
    let legend = move || {
        let zh = draft.name_zh.get();
        if zh.trim().is_empty() {
            "新预算项目 New line".to_owned()
        } else {
            zh
        }
    };
    let links = is_project.then(|| {
        let choices = move || {
            indicators
                .get()
                .into_iter()
                .map(|i| {
                    let id = i.id;
                    let input_id = format!("line-{key}-ind-{id}");
                    view! {
                        <div class="field-check">
                            <input type="checkbox" id=input_id.clone()
                                prop:checked=move || draft.indicators.with(|v| v.contains(&id))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    draft.indicators.update(|v| {
                                        v.retain(|x| *x != id);
                                        if on { v.push(id); }
                                    });
                                } />
                            <label for=input_id>
                                {i.name_zh.clone()} " " <span lang="en" class="name-en">{i.name_en.clone()}</span>
                                <span class="muted">{format!(" ({})", i.level2.label_zh())}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()
        };
        view! {
            <fieldset class="indicator-links" aria-invalid=move || links_error.with(Option::is_some).then_some("true")>
                <legend>"支付的指标 " <span lang="en">"Indicators paid for"</span></legend>
                {choices}
                {move || links_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
        }
    });
    view! {
        <fieldset class="entry-item">
            <legend>{legend}</legend>
            {draft.suspended.then(|| view! {
                <p class="tag tag-suspended">"已暂停拨款 " <span lang="en">"Disbursement suspended"</span></p>
            })}
            {field("code", "代码", "Code", draft.code, fixed)}
            {field("name_zh", "名称", "Name (Chinese)", draft.name_zh, fixed)}
            {field("name_en", "英文名称", "Name (English)", draft.name_en, fixed)}
            {field("unit_code", "预算单位代码", "Budget unit code", draft.unit_code, fixed)}
            {field("amount_fen", "批复金额（元）", "Amount (yuan)", draft.amount, fixed)}
            {field("adjusted_fen", "调整后金额（元）", "Adjusted amount (yuan)", draft.adjusted, Signal::stored(false))}
            {field("funding_source", "资金来源", "Funding source", draft.funding, Signal::stored(false))}
            {links}
            {move || (planning.get() && draft.id.is_none()).then(|| view! {
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| drafts.update(|d| d.retain(|x| x.key != key))>
                    "删除此行 " <span lang="en">"Remove this line"</span>
                </button>
            })}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_group_by_kind() {
        let line = |kind, amount_fen| BudgetLine {
            id: None,
            code: "X".into(),
            kind,
            name_zh: "x".into(),
            name_en: String::new(),
            unit_code: None,
            amount_fen,
            adjusted_fen: amount_fen,
            funding_source: "f".into(),
            indicator_ids: Vec::new(),
            suspended: false,
            suspended_reason: None,
        };
        let totals =
            BudgetTotals::of(&[line(BudgetKind::Personnel, 5), line(BudgetKind::Project, 7)]);
        assert_eq!(kind_total(&totals, BudgetKind::Project).amount_fen, 7);
        assert_eq!(totals.total.amount_fen, 12);
    }
}
