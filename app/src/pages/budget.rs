//! `/departments/:code/budget/:year` "Budget" (预算): the lines grouped by kind (personnel,
//! public operations, project) with totals per category and a grand total, in exact fen.
//! Readers see it; the department's own users edit it — every field while the year is in
//! planning; during execution only the adjusted amounts, funding sources and the indicators
//! a line pays for. The compilation checks run live; a save names its revision (409 stale →
//! reload offer).

use jixiao_domain::dto::budget::{Budget, BudgetLine, BudgetTotals, IndicatorRef, KindTotal};
use jixiao_domain::dto::excel::{ExcelImported, ExcelKind};
use jixiao_domain::framework::{BudgetKind, Phase};
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
use crate::format::money;
use crate::locale::{current, is_zh, part, pick, t, t_string, td_string, use_i18n, Locale};
use crate::pages::monitoring::{monitoring_href, works_for};

#[component]
pub fn BudgetPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DepartmentYearPage title=move || t_string!(i18n, monitoring.budget.title).to_string()>
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
            Err(error) => {
                problems.push(FieldError::bilingual(
                    "invalid_amount",
                    format!("lines[{index}].{field}"),
                    error.message(Locale::en),
                    error.message(Locale::zh_CN),
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

/// An amount in the chosen language, following a change of it.
fn yuan(fen: i64) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || money(fen, current())
}

fn total_cells(total: KindTotal) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <td class="num" data-label=move || t_string!(i18n, monitoring.budget.amount)>{yuan(total.amount_fen)}</td>
        <td class="num" data-label=move || t_string!(i18n, monitoring.budget.adjusted)>{yuan(total.adjusted_fen)}</td>
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
    let i18n = use_i18n();
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
    let name = Signal::derive(move || pick(&name_zh, &name_en).to_owned());
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
        <Title text=move || t_string!(i18n, monitoring.budget.title_of, name = name.get(), year).to_string() />
        <header class="page-header">
            <h1>{t!(i18n, monitoring.budget.title)}</h1>
            <p class="lead">
                {name} " · " {t!(i18n, monitoring.fiscal_year, year)} " · "
                {move || pick(phase.label_zh(), phase.label_en())}
            </p>
            {(phase != Phase::Planning).then(|| view! {
                <p><A href=monitoring_href(&code, year, None)>{t!(i18n, monitoring.budget.monitoring_link)}</A></p>
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
    let i18n = use_i18n();
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
                        .map(|i| {
                            let (name_zh, name_en) = (i.name_zh.clone(), i.name_en.clone());
                            view! { <li>{move || pick(&name_zh, &name_en).to_owned()}</li> }
                        })
                        .collect_view();
                    let (name_zh, name_en) = (line.name_zh.clone(), line.name_en.clone());
                    view! {
                        <tr class:row-suspended=line.suspended>
                            <th scope="row" class="wide">
                                <span class="name-zh">{move || pick(&name_zh, &name_en).to_owned()}</span>
                                <span class="muted"> " " <code>{line.code.clone()}</code></span>
                                {line.suspended.then(|| view! {
                                    <span class="tag tag-suspended">{t!(i18n, monitoring.budget.suspended)}</span>
                                })}
                            </th>
                            <td class="num" data-label=move || t_string!(i18n, monitoring.budget.amount)>{yuan(line.amount_fen)}</td>
                            <td class="num" data-label=move || t_string!(i18n, monitoring.budget.adjusted)>{yuan(line.adjusted_fen)}</td>
                            <td data-label=move || t_string!(i18n, monitoring.budget.funding)>{
                                let funding = line.funding_source.clone();
                                move || part(&funding)
                            }</td>
                            <td data-label=move || t_string!(i18n, monitoring.budget.unit)>{line.unit_code.clone().unwrap_or_else(|| "—".to_owned())}</td>
                            <td class="span" data-label=move || t_string!(i18n, monitoring.budget.indicators_paid)><ul class="new-red-list">{indicators}</ul></td>
                        </tr>
                    }
                })
                .collect_view();
            let total = kind_total(&budget.totals, *kind);
            let heading = format!("budget-{}", kind.as_str());
            let kind = *kind;
            view! {
                <section class="panel" aria-labelledby=format!("budget-{}", kind.as_str())>
                    <h2 id=heading>{move || pick(kind.label_zh(), kind.label_en())}</h2>
                    <div class="table-wrap mon-wrap">
                        <table class="data-table mon-table">
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, monitoring.budget.line)}</th>
                                    <th scope="col" class="num">{t!(i18n, monitoring.budget.amount)}</th>
                                    <th scope="col" class="num">{t!(i18n, monitoring.budget.adjusted)}</th>
                                    <th scope="col">{t!(i18n, monitoring.budget.funding)}</th>
                                    <th scope="col">{t!(i18n, monitoring.budget.unit)}</th>
                                    <th scope="col">{t!(i18n, monitoring.budget.indicators_paid)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows}
                                <tr class="total-row">
                                    <th scope="row">{t!(i18n, monitoring.budget.subtotal)}</th>
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
    let i18n = use_i18n();
    view! {
        <section class="panel" aria-labelledby="budget-total">
            <h2 id="budget-total">{t!(i18n, monitoring.budget.grand_total)}</h2>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, monitoring.budget.amount)}</dt>
                    <dd>{move || money(total.get().amount_fen, current())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, monitoring.budget.adjusted)}</dt>
                    <dd>{move || money(total.get().adjusted_fen, current())}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
fn BudgetEditor(current: RwSignal<Budget>, code: String) -> impl IntoView {
    let i18n = use_i18n();
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
    let saved = RwSignal::new(false);
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
            saved.set(true);
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
                        .map(|p| p.message_in(is_zh()).to_owned())
                })
                .or_else(|| {
                    server_problems.with(|p| {
                        p.iter()
                            .find(|p| p.field == path)
                            .map(|p| p.message_in(is_zh()).to_owned())
                    })
                })
        })
    };
    let problem_count = move || compiled.with(|(_, p)| p.len());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        if problem_count() > 0 {
            error.set(Some(ApiError {
                status: 422,
                code: "validation".to_owned(),
                message: t_string!(i18n, monitoring.budget.fix_first).to_owned(),
                field: None,
                current: None,
                problems: Vec::new(),
            }));
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
            funding_source: t_string!(i18n, monitoring.budget.default_funding).to_owned(),
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
                    <h2 id=heading>{move || pick(kind.label_zh(), kind.label_en())}</h2>
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
                        {move || {
                            let (locale, total) = (crate::locale::current(), subtotal.get());
                            td_string!(
                                locale,
                                monitoring.budget.subtotal_line,
                                amount = money(total.amount_fen, locale),
                                adjusted = money(total.adjusted_fen, locale)
                            )
                            .to_string()
                        }}
                    </p>
                    {move || planning.get().then(|| view! {
                        <button type="button" class="button button-secondary button-small" on:click=move |_| add(kind)>
                            {t!(i18n, monitoring.budget.add_line, kind = move || pick(kind.label_zh(), kind.label_en()))}
                        </button>
                    })}
                </section>
            }
        })
        .collect_view();
    view! {
        <form class="form budget-form" novalidate=true on:submit=submit>
            {move || (!planning.get()).then(|| view! {
                <p class="notice">{t!(i18n, monitoring.budget.execution_notice)}</p>
            })}
            <p class="editor-status" role="status">
                {move || match problem_count() {
                    0 => t_string!(i18n, monitoring.budget.checks_passed).to_owned(),
                    n => t_string!(i18n, monitoring.budget.problems, count = n).to_string(),
                }}
            </p>
            {sections}
            <GrandTotal total=Signal::derive(move || totals.get().total) />
            <WriteAlert error on_reload claimed=|field| field.starts_with("lines[") />
            <p class="form-status" role="status">
                {move || saved.get().then_some(t_string!(i18n, monitoring.budget.saved))}
            </p>
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || save.pending().get()>
                    {t!(i18n, monitoring.budget.save)}
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
    let i18n = use_i18n();
    let key = draft.key;
    let fixed = Signal::derive(move || !planning.get());
    let field = move |name: &'static str,
                      label: fn(Locale) -> &'static str,
                      value: RwSignal<String>,
                      locked: Signal<bool>| {
        let id = format!("line-{key}-{name}");
        let error = problem(key, name);
        let error_id = format!("{id}-error");
        view! {
            <div class="field" class:field-invalid=move || error.with(Option::is_some)>
                <label for=id.clone()>{move || label(current())}</label>
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
        let (zh, en) = (draft.name_zh.get(), draft.name_en.get());
        match (zh.trim().is_empty(), en.trim().is_empty()) {
            (true, true) => t_string!(i18n, monitoring.budget.new_line).to_owned(),
            (false, true) => zh,
            (true, false) => en,
            (false, false) => pick(&zh, &en).to_owned(),
        }
    };
    let links = is_project.then(|| {
        let choices = move || {
            indicators
                .get()
                .into_iter()
                .map(|i| {
                    let id = i.id;
                    let (name_zh, name_en, level2) = (i.name_zh, i.name_en, i.level2);
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
                                {move || pick(&name_zh, &name_en).to_owned()}
                                <span class="muted">{move || format!(" ({})", pick(level2.label_zh(), level2.label_en()))}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()
        };
        view! {
            <fieldset class="indicator-links" aria-invalid=move || links_error.with(Option::is_some).then_some("true")>
                <legend>{t!(i18n, monitoring.budget.indicators_paid)}</legend>
                {choices}
                {move || links_error.get().map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
        }
    });
    view! {
        <fieldset class="entry-item">
            <legend>{legend}</legend>
            {draft.suspended.then(|| view! {
                <p class="tag tag-suspended">{t!(i18n, monitoring.budget.disbursement_suspended)}</p>
            })}
            {field("code", |l| td_string!(l, monitoring.budget.field.code), draft.code, fixed)}
            {field("name_zh", |l| td_string!(l, monitoring.budget.field.name_zh), draft.name_zh, fixed)}
            {field("name_en", |l| td_string!(l, monitoring.budget.field.name_en), draft.name_en, fixed)}
            {field("unit_code", |l| td_string!(l, monitoring.budget.field.unit_code), draft.unit_code, fixed)}
            {field("amount_fen", |l| td_string!(l, monitoring.budget.field.amount), draft.amount, fixed)}
            {field("adjusted_fen", |l| td_string!(l, monitoring.budget.field.adjusted), draft.adjusted, Signal::stored(false))}
            {field("funding_source", |l| td_string!(l, monitoring.budget.field.funding), draft.funding, Signal::stored(false))}
            {links}
            {move || (planning.get() && draft.id.is_none()).then(|| view! {
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| drafts.update(|d| d.retain(|x| x.key != key))>
                    {t!(i18n, monitoring.budget.remove_line)}
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
