//! The budget lines at a month: adjusted budget, spending to date, execution against time
//! progress and the lamp; a suspended line says so with finance's reason, and finance may
//! suspend or resume a line (with a reason, after a confirmation).

use jixiao_domain::dto::monitoring::LineMonitor;
use jixiao_domain::money::format_wan_yuan;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::lamp::LampBadge;

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
    let time = format!("{:.1}%", f64::from(month) * 100.0 / 12.0);
    let rows = lines
        .into_iter()
        .map(|line| {
            let execution = line
                .spent_to_date_fen
                .and_then(|s| percent_of(s, line.adjusted_fen))
                .unwrap_or_else(|| "—".to_owned());
            let spent = line
                .spent_to_date_fen
                .map_or("—".to_owned(), format_wan_yuan);
            let suspended = line.suspended.then(|| {
                view! {
                    <p class="suspended-note">
                        <strong class="tag tag-suspended">"已暂停拨款 " <span lang="en">"Disbursement suspended"</span></strong>
                        {line.suspended_reason.clone().map(|r| view! { <span class="suspended-reason">"理由 " <span lang="en">"Reason"</span> ": " {r}</span> })}
                    </p>
                }
            });
            let cause = line.cause.clone().map(|c| view! {
                <p class="cause-text">"原因 " <span lang="en">"Cause"</span> ": " {c}</p>
            });
            let measure = line.measure.clone().map(|m| view! {
                <p class="cause-text">"措施 " <span lang="en">"Measure"</span> ": " {m}</p>
            });
            let id = line.id;
            let is_suspended = line.suspended;
            let name = line.name_zh.clone();
            view! {
                <tr class:row-suspended=line.suspended>
                    <th scope="row" class="wide">
                        <span class="name-zh">{line.name_zh.clone()}</span> " "
                        <span class="name-en" lang="en">{line.name_en.clone()}</span>
                        <span class="muted"> " " <code>{line.code.clone()}</code></span>
                        <span class="muted kind-label">{line.kind.label_zh()}</span>
                        {suspended}
                        {cause}
                        {measure}
                    </th>
                    <td class="num" data-label="调整后预算 Adjusted budget">{format_wan_yuan(line.adjusted_fen)}</td>
                    <td class="num" data-label="累计支出 Spent to date">{spent}</td>
                    <td class="num" data-label="执行/时间进度 Execution / time">{execution} " / " {time.clone()}</td>
                    <td data-label="灯 Lamp"><LampBadge lamp=line.lamp /></td>
                    {move || may_suspend.get().then(|| view! {
                        <td class="span" data-label="拨款 Disbursement">
                            <SuspendControl id suspended=is_suspended name=name.clone() on_changed />
                        </td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="lines-heading">
            <h2 id="lines-heading">"预算支出 " <span lang="en">"Budget lines"</span></h2>
            <div class="table-wrap mon-wrap">
                <table class="data-table mon-table">
                    <thead>
                        <tr>
                            <th scope="col">"预算项目 " <span lang="en">"Line"</span></th>
                            <th scope="col" class="num">"调整后预算 " <span lang="en">"Adjusted budget"</span></th>
                            <th scope="col" class="num">"累计支出 " <span lang="en">"Spent to date"</span></th>
                            <th scope="col" class="num">"执行/时间进度 " <span lang="en">"Execution / time"</span></th>
                            <th scope="col">"灯 " <span lang="en">"Lamp"</span></th>
                            {move || may_suspend.get().then(|| view! {
                                <th scope="col">"拨款 " <span lang="en">"Disbursement"</span></th>
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
    name: String,
    on_changed: Callback<()>,
) -> impl IntoView {
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
    let (verb_zh, verb_en) = if suspended {
        ("恢复拨款", "Resume disbursement")
    } else {
        ("暂停拨款", "Suspend disbursement")
    };
    let label = format!("{verb_zh} {verb_en}: {name}");
    move || {
        if open.get() {
            let input_id = input_id.clone();
            let error_id = error_id.clone();
            view! {
                <form class="suspend-form" on:submit=move |ev| {
                    ev.prevent_default();
                    if reason.with(|r| r.trim().is_empty()) {
                        error.set(Some(ApiError::from_response(422, r#"{"error":{"code":"required","message":"请填写理由 Give the reason","field":"reason"}}"#)));
                        return;
                    }
                    error.set(None);
                    action.dispatch(reason.get_untracked());
                }>
                    <div class="field">
                        <label for=input_id.clone()>"理由 " <span lang="en">"Reason"</span></label>
                        <input id=input_id.clone() type="text" bind:value=reason
                            aria-invalid=move || error.with(Option::is_some).then_some("true")
                            aria-describedby=error_id.clone() />
                        <p id=error_id.clone() class="field-error-slot">
                            {move || error.get().map(|e| view! { <span class="field-error">{e.message}</span> })}
                        </p>
                    </div>
                    <p class="confirm-text">
                        {format!("确认{verb_zh}？")} " " <span lang="en">{format!("{verb_en} for this line?")}</span>
                    </p>
                    <div class="form-actions">
                        <button type="submit" class="button button-small" disabled=move || action.pending().get()>
                            {format!("确认{verb_zh} ")} <span lang="en">{format!("Confirm: {verb_en}")}</span>
                        </button>
                        <button type="button" class="button button-small button-secondary" on:click=move |_| open.set(false)>
                            "取消 " <span lang="en">"Cancel"</span>
                        </button>
                    </div>
                </form>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button-small button-secondary" aria-label=label.clone()
                    on:click=move |_| { reason.set(String::new()); error.set(None); open.set(true) }>
                    {verb_zh} " " <span lang="en">{verb_en}</span>
                </button>
            }
            .into_any()
        }
    }
}
