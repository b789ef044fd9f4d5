//! The budget lines at a month: adjusted budget, spending to date, execution against time
//! progress and the lamp; a suspended line says so with finance's reason, and finance may
//! suspend or resume a line (with a reason, after a confirmation).

use jixiao_domain::dto::monitoring::LineMonitor;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::lamp::LampBadge;
use crate::format::money_large;
use crate::locale::{current, pick, t, t_string, use_i18n};

/// `spent / adjusted` as a percentage with one decimal.
fn percent_of(part: i64, whole: i64) -> Option<String> {
    (whole > 0).then(|| format!("{:.1}%", part as f64 * 100.0 / whole as f64))
}

#[component]
pub fn LineTable(
    lines: Vec<LineMonitor>,
    month: u8,
    may_suspend: Memo<bool>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let time = format!("{:.1}%", f64::from(month) * 100.0 / 12.0);
    let rows = lines
        .into_iter()
        .map(|line| {
            let execution = line
                .spent_to_date_fen
                .and_then(|s| percent_of(s, line.adjusted_fen))
                .unwrap_or_else(|| "—".to_owned());
            let (spent_fen, adjusted_fen) = (line.spent_to_date_fen, line.adjusted_fen);
            let spent = move || spent_fen.map_or("—".to_owned(), |fen| money_large(fen, current()));
            let adjusted = move || money_large(adjusted_fen, current());
            let suspended = line.suspended.then(|| {
                view! {
                    <p class="suspended-note">
                        <strong class="tag tag-suspended">{t!(i18n, monitoring.lines.suspended)}</strong>
                        {line.suspended_reason.clone().map(|r| view! { <span class="suspended-reason">{t!(i18n, monitoring.lines.reason)} ": " {r}</span> })}
                    </p>
                }
            });
            let cause = line.cause.clone().map(|c| view! {
                <p class="cause-text">{t!(i18n, monitoring.lines.cause)} ": " {c}</p>
            });
            let measure = line.measure.clone().map(|m| view! {
                <p class="cause-text">{t!(i18n, monitoring.lines.measure)} ": " {m}</p>
            });
            let id = line.id;
            let is_suspended = line.suspended;
            let (name_zh, name_en) = (line.name_zh.clone(), line.name_en.clone());
            let name = Signal::derive(move || pick(&name_zh, &name_en).to_owned());
            let kind = line.kind;
            view! {
                <tr class:row-suspended=line.suspended>
                    <th scope="row" class="wide">
                        <span class="name-zh">{name}</span>
                        <span class="muted"> " " <code>{line.code.clone()}</code></span>
                        <span class="muted kind-label">{move || pick(kind.label_zh(), kind.label_en())}</span>
                        {suspended}
                        {cause}
                        {measure}
                    </th>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.lines.adjusted)>{adjusted}</td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.lines.spent)>{spent}</td>
                    <td class="num" data-label=move || t_string!(i18n, monitoring.lines.execution)>{execution} " / " {time.clone()}</td>
                    <td data-label=move || t_string!(i18n, monitoring.lines.lamp)><LampBadge lamp=line.lamp /></td>
                    {move || may_suspend.get().then(|| view! {
                        <td class="span" data-label=move || t_string!(i18n, monitoring.lines.disbursement)>
                            <SuspendControl id suspended=is_suspended name on_changed />
                        </td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="lines-heading">
            <h2 id="lines-heading">{t!(i18n, monitoring.lines.heading)}</h2>
            <div class="table-wrap mon-wrap">
                <table class="data-table mon-table">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, monitoring.lines.line)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.lines.adjusted)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.lines.spent)}</th>
                            <th scope="col" class="num">{t!(i18n, monitoring.lines.execution)}</th>
                            <th scope="col">{t!(i18n, monitoring.lines.lamp)}</th>
                            {move || may_suspend.get().then(|| view! {
                                <th scope="col">{t!(i18n, monitoring.lines.disbursement)}</th>
                            })}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Finance's suspend / resume of one line: a reason, then a confirmation.
#[component]
fn SuspendControl(
    id: i64,
    suspended: bool,
    /// The line's name in the chosen language.
    name: Signal<String>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let action = Action::new_local(move |reason: &String| {
        let reason = reason.clone();
        async move { api::monitoring::set_suspension(id, !suspended, reason).await }
    });
    Effect::new(move |_| match action.value().get() {
        Some(Ok(())) => {
            open.set(false);
            on_changed.run(());
        }
        Some(Err(e)) => error.set(Some(e)),
        None => {}
    });
    let input_id = format!("suspend-reason-{id}");
    let error_id = format!("suspend-error-{id}");
    let label = move || {
        let name = name.get();
        if suspended {
            t_string!(i18n, monitoring.lines.resume_label, name).to_string()
        } else {
            t_string!(i18n, monitoring.lines.suspend_label, name).to_string()
        }
    };
    let verb = move || {
        if suspended {
            t_string!(i18n, monitoring.lines.resume)
        } else {
            t_string!(i18n, monitoring.lines.suspend)
        }
    };
    let question = move || {
        if suspended {
            t_string!(i18n, monitoring.lines.resume_question)
        } else {
            t_string!(i18n, monitoring.lines.suspend_question)
        }
    };
    let confirm = move || {
        if suspended {
            t_string!(i18n, monitoring.lines.confirm_resume)
        } else {
            t_string!(i18n, monitoring.lines.confirm_suspend)
        }
    };
    move || {
        if open.get() {
            let input_id = input_id.clone();
            let error_id = error_id.clone();
            view! {
                <form class="suspend-form" on:submit=move |ev| {
                    ev.prevent_default();
                    if reason.with(|r| r.trim().is_empty()) {
                        error.set(Some(ApiError {
                            status: 422,
                            code: "required".to_owned(),
                            message: t_string!(i18n, monitoring.lines.reason_required).to_owned(),
                            field: Some("reason".to_owned()),
                            current: None,
                            problems: Vec::new(),
                        }));
                        return;
                    }
                    error.set(None);
                    action.dispatch(reason.get_untracked());
                }>
                    <div class="field">
                        <label for=input_id.clone()>{t!(i18n, monitoring.lines.reason)}</label>
                        <input id=input_id.clone() type="text" bind:value=reason
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=error_id.clone() />
                        <p id=error_id.clone() class="field-error-slot">
                            {move || error.get().map(|e| view! { <span class="field-error">{e.message}</span> })}
                        </p>
                    </div>
                    <p class="confirm-text">{question}</p>
                    <div class="form-actions">
                        <button type="submit" class="button button-small" disabled=move || action.pending().get()>
                            {confirm}
                        </button>
                        <button type="button" class="button button-small button-secondary" on:click=move |_| open.set(false)>
                            {t!(i18n, common.cancel)}
                        </button>
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button-small button-secondary" aria-label=label
                    on:click=move |_| { reason.set(String::new()); error.set(None); open.set(true) }>
                    {verb}
                </button>
            }
            .into_any()
        }
    }
}
