//! `/departments/:code/monitoring/:year?month=`: a department's "double monitoring" at a
//! month — spending per budget line and each indicator's value to date, with their lamps,
//! the year's charts, the month entry for the department's own users (year in execution)
//! and finance's suspension of a line's disbursement.

mod charts;
mod entry;
mod indicators;
mod lines;
mod problems;
mod unit_costs;

use jixiao_domain::dto::auth::Me;
use jixiao_domain::dto::excel::{ExcelImported, ExcelKind};
use jixiao_domain::dto::monitoring::{DepartmentMonitor, LampCounts};
use jixiao_domain::dto::years::FiscalYear;
use jixiao_domain::framework::{Phase, Role};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use self::charts::Charts;
use self::entry::MonthEntryForm;
use self::indicators::IndicatorTable;
use self::lines::LineTable;
use crate::api;
use crate::auth::use_auth;
use crate::components::department_card::department_href;
use crate::components::department_page::{department_year_resource, DepartmentYearPage};
use crate::components::excel::{ExcelPanel, ExcelUpload, ExportLink, PreviewNames, TemplateLink};
use crate::components::fetched::fetched;
use crate::components::guard::access_error;
use crate::components::lamp::{count_of, LampBadge, LAMP_ORDER};
use crate::locale::{current, pick, t, t_string, td_string, use_i18n, Locale};

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
    let i18n = use_i18n();
    let navigate = use_navigate();
    let options = (1..=12u8)
        .map(|m| view! { <option value=m.to_string() selected=m == month>{t!(i18n, monitoring.month_option, month = m)}</option> })
        .collect_view();
    view! {
        <div class="field month-picker">
            <label for=id>{t!(i18n, common.month)}</label>
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
    let i18n = use_i18n();
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
                                    <strong>{t!(i18n, monitoring.fiscal_year, year = n)}</strong>
                                    " · "
                                    {monitored.then(|| view! {
                                        <A href=monitoring_href(&code, n, None)>{t!(i18n, monitoring.years.monitoring)}</A>
                                        " · "
                                    })}
                                    <A href=budget_href(&code, n)>{t!(i18n, monitoring.years.budget)}</A>
                                    {matches!(y.phase, Phase::Evaluation | Phase::Closed).then(|| view! {
                                        " · "
                                        <A href=crate::pages::evaluation::evaluation_href(&code, n)>{t!(i18n, monitoring.years.evaluation)}</A>
                                    })}
                                    {(auth.can(jixiao_domain::dto::auth::Capability::DepartmentWhatIf)
                                        && matches!(y.phase, Phase::Execution | Phase::Planning)).then(|| view! {
                                        " · "
                                        <A href=crate::pages::whatif::whatif_href(&code, n)>{t!(i18n, monitoring.years.whatif)}</A>
                                    })}
                                </li>
                            }
                        })
                        .collect_view(),
                )
            };
            view! {
                <section class="panel" aria-labelledby="years-links-heading">
                    <h2 id="years-links-heading">{t!(i18n, monitoring.years.heading)}</h2>
                    <ul class="set-list year-links">{links}</ul>
                </section>
            }
        })
    }
}

#[component]
pub fn MonitoringPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DepartmentYearPage title=move || t_string!(i18n, monitoring.title).to_string()>
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
    let flash = RwSignal::new(None::<Flash>);
    let on_saved = Callback::new(move |saved: DepartmentMonitor| {
        flash.set(Some(Flash::Saved(saved.month)));
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

/// What the page last did, told in the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flash {
    Saved(u8),
    Imported(u8),
    Disbursement,
}

impl Flash {
    fn text(self, locale: Locale) -> String {
        match self {
            Self::Saved(month) => td_string!(locale, monitoring.saved_month, month).to_string(),
            Self::Imported(month) => {
                td_string!(locale, monitoring.imported_month, month).to_string()
            }
            Self::Disbursement => td_string!(locale, monitoring.disbursement_updated).to_owned(),
        }
    }
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
    flash: RwSignal<Option<Flash>>,
    on_saved: Callback<DepartmentMonitor>,
    on_reload: Callback<()>,
) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
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
                    {t!(i18n, monitoring.next_month, month = next_month)}
                </A>
            }
        });
    let latest_month = monitor.latest_month;
    let latest_note = move || match latest_month {
        Some(l) => t_string!(i18n, monitoring.latest_month, month = l).to_string(),
        None => t_string!(i18n, monitoring.no_figures).to_owned(),
    };
    let (name_zh, name_en) = (
        monitor.department.name_zh.clone(),
        monitor.department.name_en.clone(),
    );
    let name = Signal::derive(move || pick(&name_zh, &name_en).to_owned());
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
                        {t!(i18n, monitoring.enter_month, month)}
                    </button>
                </p>
            }
            .into_any()
        })
    };
    let excel_code = code.clone();
    // The preview of a workbook names the month's lines and indicators as this page does.
    let preview_names = PreviewNames {
        lines: monitor
            .lines
            .iter()
            .map(|l| (l.id, l.name_zh.clone(), l.name_en.clone()))
            .collect(),
        indicators: monitor
            .indicators
            .iter()
            .map(|i| (i.id, i.name_zh.clone(), i.name_en.clone()))
            .collect(),
    };
    let excel_upload = move || {
        may_enter.get().then(|| {
            let on_imported = Callback::new(move |_: ExcelImported| {
                flash.set(Some(Flash::Imported(month)));
                on_reload.run(());
            });
            let (template_code, upload_code) = (excel_code.clone(), excel_code.clone());
            view! {
                <p class="form-actions">
                    <TemplateLink code=template_code kind=ExcelKind::Monitoring year month />
                </p>
                <ExcelUpload code=upload_code kind=ExcelKind::Monitoring year month on_imported names=preview_names.clone() />
            }
        })
    };
    let export_code = code.clone();
    let lines = monitor.lines.clone();
    let indicators = monitor.indicators.clone();
    view! {
        <Title text=move || t_string!(i18n, monitoring.title_of, name = name.get()).to_string() />
        <header class="page-header">
            <h1>{t!(i18n, monitoring.title)}</h1>
            <p class="lead">
                {name} " · " {t!(i18n, monitoring.fiscal_year, year)} " · " {t!(i18n, monitoring.month_n, month)}
            </p>
        </header>
        <div class="monitor-toolbar">
            <MonthPicker id="monitor-month" month href />
            <p class="muted">{latest_note}</p>
            {next_link}
            <p>
                <A href=budget_href(&code, year)>{t!(i18n, monitoring.budget_link)}</A>
            </p>
        </div>
        <p class="form-status" role="status">{move || flash.get().map(|f| f.text(current()))}</p>
        <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t!(i18n, monitoring.summary.heading)}</h2>
            <dl class="facts monitor-facts">
                <div>
                    <dt>{t!(i18n, monitoring.summary.department_lamp)}</dt>
                    <dd><LampBadge lamp=monitor.department_lamp /></dd>
                </div>
                <div>
                    <dt>{t!(i18n, monitoring.summary.spending_lamp)}</dt>
                    <dd><LampBadge lamp=monitor.spending_lamp /></dd>
                </div>
                <div>
                    <dt>{t!(i18n, monitoring.summary.lamp_counts)}</dt>
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
            flash.set(Some(Flash::Disbursement));
            on_reload.run(());
        }) />
        <IndicatorTable indicators=indicators.clone() />
        <Charts code=code.clone() year monitor=monitor.clone() counts />
    }
}
