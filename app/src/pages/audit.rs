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
use crate::format::timestamp_in;
use crate::locale::{current, t, t_string, use_i18n};

#[component]
pub fn AuditPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, admin.audit.title).to_string() />
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
    let i18n = use_i18n();
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
                <h1>{t!(i18n, admin.audit.title)}</h1>
                <p class="lead">{t!(i18n, admin.audit.lead)}</p>
            </header>
            {move || auth.can(Capability::VerifyAudit).then(|| view! { <VerifyChain /> })}
            <section class="panel" aria-labelledby="filter-heading">
                <h2 id="filter-heading">{t!(i18n, admin.audit.filter)}</h2>
                <form class="form" on:submit=on_submit>
                    <div class="form-grid">
                        <TextField id="audit_entity" label=move || t_string!(i18n, admin.audit.entity) value=entity />
                        <TextField id="audit_entity_id" label=move || t_string!(i18n, admin.audit.entity_id) value=entity_id />
                        <TextField id="audit_actor" label=move || t_string!(i18n, admin.audit.actor) value=actor />
                        <TextField id="audit_action" label=move || t_string!(i18n, admin.audit.action) value=action />
                        <TextField id="audit_from" label=move || t_string!(i18n, admin.audit.from_date) value=from input_type="date" />
                        <TextField id="audit_to" label=move || t_string!(i18n, admin.audit.to) value=to input_type="date" />
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, admin.audit.apply)}</button>
                        <button type="button" class="button button-secondary" on:click=on_clear>
                            {t!(i18n, admin.audit.clear)}
                        </button>
                    </div>
                </form>
            </section>
            <section class="panel" aria-labelledby="entries-heading">
                <h2 id="entries-heading">{t!(i18n, admin.audit.entries)}</h2>
                <p class="form-status" role="status">
                    {move || loaded.get().then(|| {
                        let n = entries.with(Vec::len);
                        t_string!(i18n, admin.audit.showing, count = n).to_string()
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
                        {t!(i18n, admin.audit.load_more)}
                    </button>
                })}
            </section>
        </div>
    }
}

#[component]
fn EntryTable(entries: Vec<AuditEntry>) -> impl IntoView {
    let i18n = use_i18n();
    if entries.is_empty() {
        return view! {
            <p class="empty">{t!(i18n, admin.audit.none)}</p>
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
                        <th scope="col">{t!(i18n, admin.audit.time)}</th>
                        <th scope="col">{t!(i18n, admin.audit.actor)}</th>
                        <th scope="col">{t!(i18n, admin.audit.action)}</th>
                        <th scope="col">{t!(i18n, admin.audit.object)}</th>
                        <th scope="col">{t!(i18n, admin.audit.object_id)}</th>
                        <th scope="col">{t!(i18n, admin.audit.changes)}</th>
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
    let i18n = use_i18n();
    let shown_at = at.clone();
    view! {
        <tr>
            <td class="nowrap">
                <time datetime=at>{move || timestamp_in(&shown_at, current())}</time>
            </td>
            <td>{actor_name}</td>
            <td><code>{action}</code></td>
            <td>{entity}</td>
            <td><code>{entity_id}</code></td>
            <td>
                <details class="changes">
                    <summary>
                        {t!(i18n, admin.audit.show)}
                        <span class="visually-hidden">{format!(" #{id}")}</span>
                    </summary>
                    <p class="json-label">{t!(i18n, admin.audit.before)}</p>
                    <pre class="json">{pretty(before)}</pre>
                    <p class="json-label">{t!(i18n, admin.audit.after)}</p>
                    <pre class="json">{pretty(after)}</pre>
                </details>
            </td>
        </tr>
    }
}

/// Finance's check of the hash chain.
#[component]
fn VerifyChain() -> impl IntoView {
    let i18n = use_i18n();
    let verify = Action::new_local(|_: &()| endpoints::verify_audit());
    let result = move || {
        verify.value().get().map(|r| match r {
            Ok(AuditVerification { intact: true, entries, .. }) => view! {
                <p class="verify-ok">
                    {t!(i18n, admin.audit.intact, count = entries)}
                </p>
            }
            .into_any(),
            Ok(AuditVerification { first_broken, .. }) => {
                let (id, reason) = first_broken.map_or((None, String::new()), |b| (Some(b.id), b.reason));
                let at = id.map_or_else(String::new, |id| format!(" #{id}"));
                view! {
                    <p class="verify-broken">
                        {t!(i18n, admin.audit.broken, at = move || at.clone(), reason = move || reason.clone())}
                    </p>
                }
                .into_any()
            }
            Err(e) => view! { <p class="verify-broken">{e.to_string()}</p> }.into_any(),
        })
    };
    view! {
        <section class="panel" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{t!(i18n, admin.audit.chain)}</h2>
            <button type="button" class="button" disabled=move || verify.pending().get()
                on:click=move |_| { verify.dispatch_local(()); }>
                {t!(i18n, admin.audit.verify)}
            </button>
            <div class="verify-result" role="status">{result}</div>
        </section>
    }
}
