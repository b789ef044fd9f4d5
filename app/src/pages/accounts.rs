//! `/accounts` (finance): every account with its role, department and status; create one;
//! per account disable/enable, give a temporary password, edit role and department.

use jixiao_domain::dto::auth::{Account, Capability};
use jixiao_domain::dto::DepartmentList;
use leptos::prelude::*;
use leptos_meta::Title;
use wasm_bindgen::JsCast;

use crate::api::{endpoints, ApiError};
use crate::components::account_forms::{
    set_disabled, CreateAccountForm, DepartmentOptions, EditAccountForm, ResetPasswordForm,
};
use crate::components::fetched::fetched;
use crate::components::form::{FormAlert, FormStatus};
use crate::components::guard::{access_error, RequireLogin};
use crate::locale::{pick, t, t_string, td_string, use_i18n};

#[component]
pub fn AccountsPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, admin.accounts.title).to_string() />
        <RequireLogin capability=Capability::ManageAccounts>
            <AccountsAdmin />
        </RequireLogin>
    }
}

/// Which account's panel is open, if any.
#[derive(Debug, Clone, PartialEq)]
enum Panel {
    Edit(Account),
    Reset(Account),
}

fn department_options(list: DepartmentList) -> DepartmentOptions {
    list.departments
        .into_iter()
        .map(|d| (d.id.to_string(), d.name_zh, d.name_en))
        .collect()
}

#[component]
fn AccountsAdmin() -> impl IntoView {
    let accounts = LocalResource::new(endpoints::accounts);
    let departments = LocalResource::new(endpoints::departments);
    let panel = RwSignal::new(None::<Panel>);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();

    // After any change: say what happened, close the panel and reload the list.
    let changed = move |message: String| {
        status.set(Some(message));
        panel.set(None);
        accounts.refetch();
    };
    let toggle = Action::new_local(move |account: &Account| {
        let (id, disable, name) = (account.id, !account.disabled, account.username.clone());
        let changes = set_disabled(account, disable);
        async move {
            let locale = i18n.get_locale_untracked();
            match endpoints::update_account(id, changes).await {
                Ok(_) if disable => changed(
                    td_string!(locale, admin.accounts.disabled_done, name = name).to_string(),
                ),
                Ok(_) => changed(
                    td_string!(locale, admin.accounts.enabled_done, name = name).to_string(),
                ),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let start = move |next: Panel| {
        status.set(None);
        error.set(None);
        panel.set(Some(next));
    };

    // Departments that fail to load leave an empty choice (the server then names the field).
    let department_choices = move || {
        departments
            .get()
            .map(|r| r.map(department_options).unwrap_or_default())
    };
    // An opened panel takes the focus, so that keyboard and screen-reader users land in it.
    Effect::new(move |_| {
        let field = match panel.get() {
            Some(Panel::Edit(_)) => "edit_display_name",
            Some(Panel::Reset(_)) => "reset_password",
            None => return,
        };
        request_animation_frame(move || {
            if let Some(input) = document().get_element_by_id(field) {
                if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                    let _ = input.focus();
                }
            }
        });
    });
    let panel_view = move || {
        let choices = department_choices().unwrap_or_default();
        let cancel = Callback::new(move |()| panel.set(None));
        panel.get().map(|open| match open {
            Panel::Edit(account) => {
                let name = account.username.clone();
                let on_saved = Callback::new(move |a: Account| {
                    let locale = i18n.get_locale_untracked();
                    changed(td_string!(locale, admin.accounts.saved, name = a.username).to_string())
                });
                view! {
                    <section class="panel" aria-labelledby="panel-heading">
                        <h2 id="panel-heading">
                            {t!(i18n, admin.accounts.edit_heading, name = move || name.clone())}
                        </h2>
                        <EditAccountForm account departments=choices on_saved on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
            Panel::Reset(account) => {
                let name = account.username.clone();
                let heading_name = name.clone();
                let on_done = Callback::new(move |()| {
                    let locale = i18n.get_locale_untracked();
                    changed(td_string!(locale, admin.accounts.reset_done, name = &name).to_string())
                });
                view! {
                    <section class="panel" aria-labelledby="panel-heading">
                        <h2 id="panel-heading">
                            {t!(i18n, admin.accounts.reset_heading, name = move || heading_name.clone())}
                        </h2>
                        <ResetPasswordForm account on_done on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
        })
    };

    view! {
        <div class="page">
            <header class="page-header">
                <h1>{t!(i18n, admin.accounts.title)}</h1>
                <p class="lead">{t!(i18n, admin.accounts.lead)}</p>
            </header>
            <FormStatus message=status.into() />
            <FormAlert error />
            {panel_view}
            <section class="panel" aria-labelledby="accounts-heading">
                <h2 id="accounts-heading">{t!(i18n, admin.accounts.all)}</h2>
                {fetched(
                    accounts,
                    move |list| view! {
                        <AccountTable accounts=list.accounts on_toggle=move |a| { toggle.dispatch_local(a); } on_panel=start />
                    },
                    access_error,
                )}
            </section>
            <section class="panel" aria-labelledby="new-account-heading">
                <h2 id="new-account-heading">{t!(i18n, admin.accounts.new_account)}</h2>
                {move || department_choices().map(|departments| {
                    let on_created = Callback::new(move |a: Account| {
                        let locale = i18n.get_locale_untracked();
                        changed(td_string!(locale, admin.accounts.created, name = a.username).to_string())
                    });
                    view! { <CreateAccountForm labelled_by="new-account-heading" departments on_created /> }
                })}
            </section>
        </div>
    }
}

#[component]
fn AccountTable(
    accounts: Vec<Account>,
    #[prop(into)] on_toggle: Callback<Account>,
    #[prop(into)] on_panel: Callback<Panel>,
) -> impl IntoView {
    let i18n = use_i18n();
    let rows = accounts
        .into_iter()
        .map(|account| view! { <AccountRow account on_toggle on_panel /> })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="accounts-heading" tabindex="0">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, admin.accounts.display_name)}</th>
                        <th scope="col">{t!(i18n, admin.accounts.username)}</th>
                        <th scope="col">{t!(i18n, admin.accounts.role)}</th>
                        <th scope="col">{t!(i18n, common.department)}</th>
                        <th scope="col">{t!(i18n, admin.accounts.status)}</th>
                        <th scope="col">{t!(i18n, admin.accounts.actions)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn AccountRow(
    account: Account,
    on_toggle: Callback<Account>,
    on_panel: Callback<Panel>,
) -> impl IntoView {
    let i18n = use_i18n();
    let disabled = account.disabled;
    let role = account.role;
    let (for_toggle, for_reset, for_edit) = (account.clone(), account.clone(), account.clone());
    view! {
        <tr class:row-disabled=account.disabled>
            <th scope="row">{account.display_name.clone()}</th>
            <td><code>{account.username.clone()}</code></td>
            <td>{move || pick(role.label_zh(), role.label_en())}</td>
            <td class="wide">
                {match account.department.clone() {
                    Some(d) => (move || pick(&d.name_zh, &d.name_en).to_owned()).into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                {if account.disabled {
                    view! { <span class="badge state-disabled">{t!(i18n, admin.accounts.state_disabled)}</span> }.into_any()
                } else {
                    view! { <span class="badge state-active">{t!(i18n, admin.accounts.state_active)}</span> }.into_any()
                }}
                {account.must_change_password.then(|| view! {
                    <span class="badge state-temporary">{t!(i18n, admin.accounts.state_temporary)}</span>
                })}
            </td>
            <td>
                <div class="row-actions">
                <button type="button" class="button button-small" on:click=move |_| on_toggle.run(for_toggle.clone())>
                    {move || if disabled {
                        t_string!(i18n, admin.accounts.enable)
                    } else {
                        t_string!(i18n, admin.accounts.disable)
                    }}
                </button>
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| on_panel.run(Panel::Reset(for_reset.clone()))>
                    {t!(i18n, admin.accounts.reset_password)}
                </button>
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| on_panel.run(Panel::Edit(for_edit.clone()))>
                    {t!(i18n, common.edit)}
                </button>
                </div>
            </td>
        </tr>
    }
}
