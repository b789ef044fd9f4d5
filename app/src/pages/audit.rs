//! `/audit` (finance and assessment): the audit log, newest first, filtered, a page at a
//! time; finance can also verify the hash chain.

use jixiao_domain::dto::audit::{AuditEntry, AuditQuery, AuditVerification};
use jixiao_domain::dto::auth::Capability;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{endpoints, ApiError};
use crate::auth::use_auth;
use crate::components::error::ErrorState;
use crate::components::form::TextField;
use crate::components::guard::{access_error, RequireLogin};
use crate::components::loading::Loading;
use crate::format::timestamp;

#[component]
pub fn AuditPage() -> impl IntoView {
    view! {
        <Title text="审计日志 Audit log" />
        <RequireLogin capability=Capability::ReadAudit>
            <AuditLog />
        </RequireLogin>
    }
}

/// `Some(text)` unless blank.
fn filter(value: RwSignal<String>) -> Option<String> {
    let text = value.get_untracked().trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[component]
fn AuditLog() -> impl IntoView {
    let auth = use_auth();
    let [entity, entity_id, actor, action, from, to] =
        std::array::from_fn(|_| RwSignal::new(String::new()));
    let entries = RwSignal::new(Vec::<AuditEntry>::new());
    let next_before = RwSignal::new(None::<i64>);
    let loaded = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    // The filters of the list shown (a "Load more" continues them).
    let applied = RwSignal::new(AuditQuery::default());

    let load = Action::new_local(move |query: &AuditQuery| {
        let query = query.clone();
        async move {
            match endpoints::audit(query.clone()).await {
                Ok(page) => {
                    if query.before.is_some() {
                        entries.update(|e| e.extend(page.entries));
                    } else {
                        entries.set(page.entries);
                    }
                    next_before.set(page.next_before);
                    loaded.set(true);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let run = move |query: AuditQuery| {
        error.set(None);
        load.dispatch_local(query);
    };
    run(AuditQuery::default());

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = AuditQuery {
            entity: filter(entity),
            entity_id: filter(entity_id),
            actor: filter(actor),
            action: filter(action),
            from: filter(from),
            to: filter(to),
            ..AuditQuery::default()
        };
        applied.set(query.clone());
        run(query);
    };
    let on_clear = move |_| {
        for field in [entity, entity_id, actor, action, from, to] {
            field.set(String::new());
        }
        applied.set(AuditQuery::default());
        run(AuditQuery::default());
    };
    let load_more = move |_| {
        let query = AuditQuery {
            before: next_before.get_untracked(),
            ..applied.get_untracked()
        };
        run(query);
    };
    let retry = Callback::new(move |()| {
        run(AuditQuery {
            before: None,
            ..applied.get_untracked()
        })
    });

    view! {
        <div class="page">
            <header class="page-header">
                <h1>"审计日志 " <span class="h1-en" lang="en">"Audit log"</span></h1>
                <p class="lead">
                    "每一项变更都有记录，最新的在前。 "
                    <span lang="en">"Every change is recorded; newest first."</span>
                </p>
            </header>
            {move || auth.can(Capability::VerifyAudit).then(|| view! { <VerifyChain /> })}
            <section class="panel" aria-labelledby="filter-heading">
                <h2 id="filter-heading">"筛选 " <span lang="en">"Filter"</span></h2>
                <form class="form" on:submit=on_submit>
                    <div class="form-grid">
                        <TextField id="audit_entity" label_zh="对象类型" label_en="Entity" value=entity />
                        <TextField id="audit_entity_id" label_zh="对象编号" label_en="Entity id" value=entity_id />
                        <TextField id="audit_actor" label_zh="操作人" label_en="Actor" value=actor />
                        <TextField id="audit_action" label_zh="动作" label_en="Action" value=action />
                        <TextField id="audit_from" label_zh="起始日期" label_en="From" value=from input_type="date" />
                        <TextField id="audit_to" label_zh="截止日期" label_en="To" value=to input_type="date" />
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button">"筛选 " <span lang="en">"Apply filters"</span></button>
                        <button type="button" class="button button-secondary" on:click=on_clear>
                            "清除 " <span lang="en">"Clear"</span>
                        </button>
                    </div>
                </form>
            </section>
            <section class="panel" aria-labelledby="entries-heading">
                <h2 id="entries-heading">"记录 " <span lang="en">"Entries"</span></h2>
                <p class="form-status" role="status">
                    {move || loaded.get().then(|| {
                        let n = entries.with(Vec::len);
                        format!("显示 {n} 条记录。 Showing {n} entries.")
                    })}
                </p>
                {move || error.get().map(|e| access_error(&e).unwrap_or_else(|| {
                    view! { <ErrorState error=e on_retry=retry /> }.into_any()
                }))}
                {move || (!loaded.get() && load.pending().get()).then(|| view! { <Loading /> })}
                {move || loaded.get().then(|| view! { <EntryTable entries=entries.get() /> })}
                {move || next_before.get().is_some().then(|| view! {
                    <button type="button" class="button button-secondary" on:click=load_more
                        disabled=move || load.pending().get()>
                        "加载更多 " <span lang="en">"Load more"</span>
                    </button>
                })}
            </section>
        </div>
    }
}

#[component]
fn EntryTable(entries: Vec<AuditEntry>) -> impl IntoView {
    if entries.is_empty() {
        return view! {
            <p class="empty">"没有符合条件的记录。 " <span lang="en">"No entries match."</span></p>
        }
        .into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| view! { <EntryRow entry /> })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="entries-heading" tabindex="0">
            <table class="data-table audit-table">
                <thead>
                    <tr>
                        <th scope="col">"时间 " <span lang="en">"Time"</span></th>
                        <th scope="col">"操作人 " <span lang="en">"Actor"</span></th>
                        <th scope="col">"动作 " <span lang="en">"Action"</span></th>
                        <th scope="col">"对象 " <span lang="en">"Entity"</span></th>
                        <th scope="col">"编号 " <span lang="en">"Entity id"</span></th>
                        <th scope="col">"变更 " <span lang="en">"Changes"</span></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

fn pretty(value: Option<serde_json::Value>) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| serde_json::to_string_pretty(&v).unwrap_or_default(),
    )
}

#[component]
fn EntryRow(entry: AuditEntry) -> impl IntoView {
    let AuditEntry {
        id,
        at,
        actor_name,
        action,
        entity,
        entity_id,
        before,
        after,
        ..
    } = entry;
    view! {
        <tr>
            <td class="nowrap"><time datetime=at.clone()>{timestamp(&at)}</time></td>
            <td>{actor_name}</td>
            <td><code>{action}</code></td>
            <td>{entity}</td>
            <td><code>{entity_id}</code></td>
            <td>
                <details class="changes">
                    <summary>
                        "查看 " <span lang="en">"Show"</span>
                        <span class="visually-hidden">{format!(" #{id}")}</span>
                    </summary>
                    <p class="json-label">"变更前 " <span lang="en">"Before"</span></p>
                    <pre class="json">{pretty(before)}</pre>
                    <p class="json-label">"变更后 " <span lang="en">"After"</span></p>
                    <pre class="json">{pretty(after)}</pre>
                </details>
            </td>
        </tr>
    }
}

/// Finance's check of the hash chain.
#[component]
fn VerifyChain() -> impl IntoView {
    let verify = Action::new_local(|_: &()| endpoints::verify_audit());
    let result = move || {
        verify.value().get().map(|r| match r {
            Ok(AuditVerification { intact: true, entries, .. }) => view! {
                <p class="verify-ok">
                    {format!("审计链完整，已校验 {entries} 条记录。 ")}
                    <span lang="en">{format!("The chain is intact: {entries} entries checked.")}</span>
                </p>
            }
            .into_any(),
            Ok(AuditVerification { first_broken, .. }) => {
                let (id, reason) = first_broken.map_or((None, String::new()), |b| (Some(b.id), b.reason));
                let at = id.map_or_else(String::new, |id| format!(" #{id}"));
                view! {
                    <p class="verify-broken">
                        {format!("审计链已损坏，首个异常记录{at}：{reason} ")}
                        <span lang="en">{format!("The chain is broken at entry{at}: {reason}")}</span>
                    </p>
                }
                .into_any()
            }
            Err(e) => view! { <p class="verify-broken">{e.to_string()}</p> }.into_any(),
        })
    };
    view! {
        <section class="panel" aria-labelledby="verify-heading">
            <h2 id="verify-heading">"链校验 " <span lang="en">"Chain check"</span></h2>
            <button type="button" class="button" disabled=move || verify.pending().get()
                on:click=move |_| { verify.dispatch_local(()); }>
                "校验 " <span lang="en">"Verify chain"</span>
            </button>
            <div class="verify-result" role="status">{result}</div>
        </section>
    }
}
