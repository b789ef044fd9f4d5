//! `/departments/:code/monitoring/:year?month=`: a department's "double monitoring" at a
//! month — spending per budget line and each indicator's value to date, with their lamps,
//! the year's charts, the month entry for the department's own users (year in execution)
//! and finance's suspension of a line's disbursement.

mod entry;
mod indicators;
mod lines;
mod unit_costs;

use jixiao_domain::dto::auth::Me;
use jixiao_domain::dto::excel::{ExcelImported, ExcelKind};
use jixiao_domain::dto::monitoring::{DepartmentMonitor, LampCounts};
use jixiao_domain::dto::years::FiscalYear;
use jixiao_domain::framework::{Direction, Phase, Role};
use jixiao_domain::lamps::Lamp;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use self::entry::MonthEntryForm;
use self::indicators::IndicatorTable;
use self::lines::LineTable;
use self::unit_costs::UnitCosts;
use crate::api;
use crate::auth::use_auth;
use crate::components::charts::{ExecutionChart, LampBars, TargetChart};
use crate::components::department_card::department_href;
use crate::components::department_page::{department_year_resource, DepartmentYearPage};
use crate::components::excel::{ExcelPanel, ExcelUpload, ExportLink, TemplateLink};
use crate::components::fetched::fetched;
use crate::components::guard::access_error;
use crate::components::lamp::{count_of, LampBadge, LAMP_ORDER};
use crate::components::loading::Loading;

/// Link target of a department's monitoring page for a year (and month).
pub fn monitoring_href(code: &str, year: i32, month: Option<u8>) -> String {
    let month = month.map(|m| format!("?month={m}")).unwrap_or_default();
    format!("{}/monitoring/{year}{month}", department_href(code))
}

/// Link target of a department's budget for a year.
pub fn budget_href(code: &str, year: i32) -> String {
    format!("{}/budget/{year}", department_href(code))
}

/// The month in the address (`?month=`), if it is 1–12.
pub fn query_month(text: Option<String>) -> Option<u8> {
    text?
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|m| (1..=12).contains(m))
}

/// Whether `me` works for the department `code` (enters its figures, edits its budget).
pub fn works_for(me: Option<&Me>, code: &str) -> bool {
    me.is_some_and(|me| {
        matches!(me.role, Role::DeptHead | Role::DeptStaff)
            && me
                .department
                .as_ref()
                .is_some_and(|d| d.code.eq_ignore_ascii_case(code))
    })
}

/// A month picker that moves the page to `?month=N`.
#[component]
pub fn MonthPicker(
    id: &'static str,
    month: u8,
    #[prop(into)] href: Callback<u8, String>,
) -> impl IntoView {
    let navigate = use_navigate();
    let options = (1..=12u8)
        .map(|m| view! { <option value=m.to_string() selected=m == month>{format!("{m} 月 Month {m}")}</option> })
        .collect_view();
    view! {
        <div class="field month-picker">
            <label for=id>"月份 " <span lang="en">"Month"</span></label>
            <select id=id name=id on:change=move |ev| {
                if let Some(m) = query_month(Some(event_target_value(&ev))) {
                    navigate(&href.run(m), Default::default());
                }
            }>
                {options}
            </select>
        </div>
    }
}

/// On a department's page: its monitoring and budget for each year, for those who may read
/// them (finance, assessment, the department's own users).
#[component]
pub fn DepartmentYearLinks(code: String) -> impl IntoView {
    let auth = use_auth();
    let may_read = {
        let code = code.clone();
        Memo::new(move |_| {
            auth.me().is_some_and(|me| {
                matches!(me.role, Role::Finance | Role::Assessment) || works_for(Some(&me), &code)
            })
        })
    };
    move || {
        may_read.get().then(|| {
            let years = LocalResource::new(api::years::list);
            let code = code.clone();
            let links = move || {
                let list = years.get().and_then(Result::ok)?;
                let current = crate::components::monitoring_nav::monitoring_year(&list);
                Some(
                    list.years
                        .into_iter()
                        .map(|y| {
                            let n = y.year;
                            let monitored = y.phase != Phase::Planning;
                            view! {
                                <li class:current-year=Some(n) == current>
                                    <strong>{format!("{n} 年度 ")} <span lang="en">{format!("FY{n}")}</span></strong>
                                    " · "
                                    {monitored.then(|| view! {
                                        <A href=monitoring_href(&code, n, None)>"执行监控 " <span lang="en">"Monitoring"</span></A>
                                        " · "
                                    })}
                                    <A href=budget_href(&code, n)>"预算 " <span lang="en">"Budget"</span></A>
                                    {matches!(y.phase, Phase::Evaluation | Phase::Closed).then(|| view! {
                                        " · "
                                        <A href=crate::pages::evaluation::evaluation_href(&code, n)>"评价 " <span lang="en">"Evaluation"</span></A>
                                    })}
                                    {(auth.can(jixiao_domain::dto::auth::Capability::DepartmentWhatIf)
                                        && matches!(y.phase, Phase::Execution | Phase::Planning)).then(|| view! {
                                        " · "
                                        <A href=crate::pages::whatif::whatif_href(&code, n)>"情景模拟 " <span lang="en">"What-if"</span></A>
                                    })}
                                </li>
                            }
                        })
                        .collect_view(),
                )
            };
            view! {
                <section class="panel" aria-labelledby="years-links-heading">
                    <h2 id="years-links-heading">"执行监控与预算 " <span lang="en">"Monitoring and budget"</span></h2>
                    <ul class="set-list year-links">{links}</ul>
                </section>
            }
        })
    }
}

#[component]
pub fn MonitoringPage() -> impl IntoView {
    view! {
        <DepartmentYearPage title="执行监控 Monitoring">
            <MonitoringLoader />
        </DepartmentYearPage>
    }
}

#[component]
fn MonitoringLoader() -> impl IntoView {
    let query = use_query_map();
    let monitor = department_year_resource(move |code, year| {
        let month = query_month(query.read().get("month"));
        async move { api::monitoring::department(&code, year, month).await }
    });
    let years = LocalResource::new(api::years::list);
    // Survives the screen being rebuilt with the saved month.
    let flash = RwSignal::new(None::<String>);
    let on_saved = Callback::new(move |saved: DepartmentMonitor| {
        flash.set(Some(format!(
            "已保存第 {m} 月数据。 Saved the figures of month {m}.",
            m = saved.month
        )));
        monitor.set(Some(Ok(saved)));
    });
    let on_reload = Callback::new(move |()| monitor.refetch());
    fetched(
        monitor,
        move |monitor| {
            let fiscal = Signal::derive(move || {
                years
                    .get()
                    .and_then(Result::ok)
                    .and_then(|list| list.years.into_iter().find(|y| y.year == monitor.year))
            });
            view! { <MonitoringScreen monitor fiscal flash on_saved on_reload /> }
        },
        access_error,
    )
}

/// Lamps of every line and indicator of the month, counted.
pub fn counts_of(monitor: &DepartmentMonitor) -> LampCounts {
    LampCounts::of(
        monitor
            .lines
            .iter()
            .map(|l| l.lamp)
            .chain(monitor.indicators.iter().map(|i| i.lamp)),
    )
}

#[component]
fn MonitoringScreen(
    monitor: DepartmentMonitor,
    fiscal: Signal<Option<FiscalYear>>,
    flash: RwSignal<Option<String>>,
    on_saved: Callback<DepartmentMonitor>,
    on_reload: Callback<()>,
) -> impl IntoView {
    let auth = use_auth();
    let code = monitor.department.code.clone();
    let year = monitor.year;
    let month = monitor.month;
    let phase = Signal::derive(move || fiscal.get().map(|y| y.phase));
    let may_enter = {
        let code = code.clone();
        Memo::new(move |_| {
            works_for(auth.me().as_ref(), &code) && phase.get() == Some(Phase::Execution)
        })
    };
    let may_suspend = Memo::new(move |_| {
        auth.me().is_some_and(|me| me.role == Role::Finance)
            && phase.get().is_some_and(|p| p != Phase::Closed)
    });
    let entry_open = RwSignal::new(false);
    let counts = counts_of(&monitor);
    let href = {
        let code = code.clone();
        Callback::new(move |m: u8| monitoring_href(&code, year, Some(m)))
    };
    let next_month = monitor.latest_month.map_or(1, |l| l + 1).min(12);
    let next_link =
        (month != next_month && monitor.latest_month.is_none_or(|l| l < 12)).then(|| {
            view! {
                <A href=monitoring_href(&code, year, Some(next_month)) attr:class="more-link">
                    {format!("下一个待录入月份：{next_month} 月 ")}
                    <span lang="en">{format!("Next month to report: {next_month}")}</span>
                </A>
            }
        });
    let latest_note = match monitor.latest_month {
        Some(l) => format!("最新数据月份 {l} 月 · Latest month with data: {l}"),
        None => "尚无月度数据 · No monthly figures yet".to_owned(),
    };
    let (name_zh, name_en) = (
        monitor.department.name_zh.clone(),
        monitor.department.name_en.clone(),
    );
    let entry_monitor = monitor.clone();
    let entry_code = code.clone();
    let entry = move || {
        if !may_enter.get() {
            return None;
        }
        let thresholds = fiscal
            .get()
            .map(|y| y.rules.lamp_thresholds)
            .unwrap_or_default();
        Some(if entry_open.get() {
            view! {
                <MonthEntryForm
                    code=entry_code.clone()
                    monitor=entry_monitor.clone()
                    thresholds
                    on_saved=Callback::new(move |saved| { entry_open.set(false); on_saved.run(saved) })
                    on_cancel=Callback::new(move |()| entry_open.set(false))
                />
            }
            .into_any()
        } else {
            view! {
                <p>
                    <button type="button" class="button" on:click=move |_| { flash.set(None); entry_open.set(true) }>
                        {format!("录入第 {month} 月数据 ")}
                        <span lang="en">{format!("Enter month {month}")}</span>
                    </button>
                </p>
            }
            .into_any()
        })
    };
    let excel_code = code.clone();
    let excel_upload = move || {
        may_enter.get().then(|| {
            let on_imported = Callback::new(move |_: ExcelImported| {
                flash.set(Some(format!(
                    "已导入第 {month} 月数据。 Imported the figures of month {month}."
                )));
                on_reload.run(());
            });
            let (template_code, upload_code) = (excel_code.clone(), excel_code.clone());
            view! {
                <p class="form-actions">
                    <TemplateLink code=template_code kind=ExcelKind::Monitoring year month />
                </p>
                <ExcelUpload code=upload_code kind=ExcelKind::Monitoring year month on_imported />
            }
        })
    };
    let export_code = code.clone();
    let lines = monitor.lines.clone();
    let indicators = monitor.indicators.clone();
    view! {
        <Title text=format!("执行监控 Monitoring · {name_zh}") />
        <header class="page-header">
            <h1>"执行监控 " <span class="h1-en" lang="en">"Monitoring"</span></h1>
            <p class="lead">
                <span>{name_zh}</span> " " <span lang="en">{name_en}</span>
                {format!(" · {year} 年度 FY{year} · 第 {month} 月 Month {month}")}
            </p>
        </header>
        <div class="monitor-toolbar">
            <MonthPicker id="monitor-month" month href />
            <p class="muted">{latest_note}</p>
            {next_link}
            <p>
                <A href=budget_href(&code, year)>"预算 " <span lang="en">"Budget"</span></A>
            </p>
        </div>
        <p class="form-status" role="status">{move || flash.get()}</p>
        <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">"概况 " <span lang="en">"Summary"</span></h2>
            <dl class="facts monitor-facts">
                <div>
                    <dt>"部门灯 " <span lang="en">"Department lamp"</span></dt>
                    <dd><LampBadge lamp=monitor.department_lamp /></dd>
                </div>
                <div>
                    <dt>"支出灯 " <span lang="en">"Spending lamp"</span></dt>
                    <dd><LampBadge lamp=monitor.spending_lamp /></dd>
                </div>
                <div>
                    <dt>"各灯数量 " <span lang="en">"Lamps by colour"</span></dt>
                    <dd>
                        <ul class="lamp-counts">
                            {LAMP_ORDER.iter().map(|lamp| view! {
                                <li><LampBadge lamp=*lamp /> ": " <strong>{count_of(&counts, *lamp)}</strong></li>
                            }).collect_view()}
                        </ul>
                    </dd>
                </div>
            </dl>
        </section>
        {entry}
        <ExcelPanel>
            <p class="form-actions">
                <ExportLink code=export_code what="monitoring" year />
            </p>
            {excel_upload}
        </ExcelPanel>
        <LineTable lines month may_suspend on_changed=Callback::new(move |()| {
            flash.set(Some("已更新拨款状态。 Disbursement status updated.".to_owned()));
            on_reload.run(());
        }) />
        <IndicatorTable indicators=indicators.clone() />
        <Charts code=code.clone() year monitor=monitor.clone() counts />
    }
}

#[component]
fn Charts(
    code: String,
    year: i32,
    monitor: DepartmentMonitor,
    counts: LampCounts,
) -> impl IntoView {
    let series = LocalResource::new(move || {
        let code = code.clone();
        async move { api::monitoring::series(&code, year).await }
    });
    let charted: Vec<_> = monitor
        .indicators
        .iter()
        .filter(|i| {
            !matches!(
                i.direction,
                Direction::Qualitative | Direction::BudgetExecution
            )
        })
        .cloned()
        .collect();
    let first = charted
        .iter()
        .find(|i| i.lamp == Lamp::Red)
        .or(charted.first())
        .map(|i| i.id);
    let chosen = RwSignal::new(first);
    let options = charted
        .iter()
        .map(|i| {
            let id = i.id;
            view! { <option value=id.to_string() selected=move || chosen.get() == Some(id)>{format!("{} {}", i.name_zh, i.name_en)}</option> }
        })
        .collect_view();
    let indicator_chart = move || {
        let Some(Ok(series)) = series.get() else {
            return view! { <Loading /> }.into_any();
        };
        let Some(indicator) = chosen
            .get()
            .and_then(|id| charted.iter().find(|i| i.id == id).cloned())
        else {
            return ().into_any();
        };
        let values = series
            .indicators
            .iter()
            .find(|s| s.indicator_id == indicator.id)
            .map(|s| s.values.clone())
            .unwrap_or_default();
        view! {
            <TargetChart
                id=format!("indicator-chart-{}", indicator.id)
                name_zh=indicator.name_zh
                name_en=indicator.name_en
                unit=indicator.unit
                direction=indicator.direction
                accumulation=indicator.accumulation
                target=indicator.target
                values
            />
        }
        .into_any()
    };
    let execution = move || match series.get() {
        Some(Ok(series)) => {
            view! { <ExecutionChart id="execution-chart".to_owned() execution=series.execution /> }
                .into_any()
        }
        Some(Err(error)) => view! { <p class="muted">{error.to_string()}</p> }.into_any(),
        None => view! { <Loading /> }.into_any(),
    };
    let costs_monitor = monitor.clone();
    let unit_costs = move || match series.get() {
        Some(Ok(series)) => {
            view! { <UnitCosts costs=series.unit_costs monitor=costs_monitor.clone() /> }.into_any()
        }
        _ => ().into_any(),
    };
    view! {
        {unit_costs}
        <section class="panel" aria-labelledby="charts-heading">
            <h2 id="charts-heading">"图表 " <span lang="en">"Charts"</span></h2>
            <div class="chart-grid">
                <div class="chart-cell">
                    <div class="field">
                        <label for="chart-indicator">"指标 " <span lang="en">"Indicator"</span></label>
                        <select id="chart-indicator" name="chart-indicator" on:change=move |ev| {
                            chosen.set(event_target_value(&ev).parse().ok());
                        }>
                            {options}
                        </select>
                    </div>
                    {indicator_chart}
                </div>
                <div class="chart-cell">{execution}</div>
                <div class="chart-cell">
                    <LampBars id="department-lamps".to_owned() caption_zh="本部门各灯数量" caption_en="Lamps of the department" counts />
                </div>
            </div>
        </section>
    }
}
