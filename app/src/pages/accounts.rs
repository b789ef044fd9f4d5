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

#[component]
pub fn AccountsPage() -> impl IntoView {
    view! {
        <Title text="账户 Accounts" />
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
        .map(|d| (d.id.to_string(), format!("{} {}", d.name_zh, d.name_en)))
        .collect()
}

#[component]
fn AccountsAdmin() -> impl IntoView {
    let accounts = LocalResource::new(endpoints::accounts);
    let departments = LocalResource::new(endpoints::departments);
    let panel = RwSignal::new(None::<Panel>);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);

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
            match endpoints::update_account(id, changes).await {
                Ok(_) if disable => changed(format!("已停用 {name}。 Disabled {name}.")),
                Ok(_) => changed(format!("已启用 {name}。 Enabled {name}.")),
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
                let heading = format!("编辑 {0} Edit {0}", account.username);
                let on_saved = Callback::new(move |a: Account| {
                    changed(format!("已保存 {0}。 Saved {0}.", a.username))
                });
                view! {
                    <section class="panel" aria-labelledby="panel-heading">
                        <h2 id="panel-heading">{heading}</h2>
                        <EditAccountForm account departments=choices on_saved on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
            Panel::Reset(account) => {
                let name = account.username.clone();
                let heading = format!("重置 {name} 的密码 Reset the password of {name}");
                let on_done = Callback::new(move |()| {
                    changed(format!(
                        "已为 {name} 设置临时密码。 {name} has a temporary password now."
                    ))
                });
                view! {
                    <section class="panel" aria-labelledby="panel-heading">
                        <h2 id="panel-heading">{heading}</h2>
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
                <h1>"账户 " <span class="h1-en" lang="en">"Accounts"</span></h1>
                <p class="lead">
                    "管理财政、考评机构和各部门用户。 "
                    <span lang="en">"Manage the accounts of finance, the assessment agency and departments."</span>
                </p>
            </header>
            <FormStatus message=status.into() />
            <FormAlert error />
            {panel_view}
            <section class="panel" aria-labelledby="accounts-heading">
                <h2 id="accounts-heading">"全部账户 " <span lang="en">"All accounts"</span></h2>
                {fetched(
                    accounts,
                    move |list| view! {
                        <AccountTable accounts=list.accounts on_toggle=move |a| { toggle.dispatch_local(a); } on_panel=start />
                    },
                    access_error,
                )}
            </section>
            <section class="panel" aria-labelledby="new-account-heading">
                <h2 id="new-account-heading">"新建账户 " <span lang="en">"New account"</span></h2>
                {move || department_choices().map(|departments| {
                    let on_created = Callback::new(move |a: Account| {
                        changed(format!("已创建 {0}。 Created {0}.", a.username))
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
    let rows = accounts
        .into_iter()
        .map(|account| view! { <AccountRow account on_toggle on_panel /> })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="accounts-heading" tabindex="0">
            <table class="data-table">
                <thead>
                    <tr>
                        <th scope="col">"显示名称 " <span lang="en">"Display name"</span></th>
                        <th scope="col">"用户名 " <span lang="en">"Username"</span></th>
                        <th scope="col">"角色 " <span lang="en">"Role"</span></th>
                        <th scope="col">"部门 " <span lang="en">"Department"</span></th>
                        <th scope="col">"状态 " <span lang="en">"Status"</span></th>
                        <th scope="col">"操作 " <span lang="en">"Actions"</span></th>
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
    let (toggle_zh, toggle_en) = if account.disabled {
        ("启用", "Enable")
    } else {
        ("停用", "Disable")
    };
    let (for_toggle, for_reset, for_edit) = (account.clone(), account.clone(), account.clone());
    view! {
        <tr class:row-disabled=account.disabled>
            <th scope="row">{account.display_name.clone()}</th>
            <td><code>{account.username.clone()}</code></td>
            <td>{account.role.label_zh()} " " <span lang="en">{account.role.label_en()}</span></td>
            <td class="wide">
                {match account.department.clone() {
                    Some(d) => view! { {d.name_zh} " " <span lang="en">{d.name_en}</span> }.into_any(),
                    None => view! { <span class="muted">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                {if account.disabled {
                    view! { <span class="badge state-disabled">"已停用 " <span lang="en">"Disabled"</span></span> }.into_any()
                } else {
                    view! { <span class="badge state-active">"正常 " <span lang="en">"Active"</span></span> }.into_any()
                }}
                {account.must_change_password.then(|| view! {
                    <span class="badge state-temporary">"临时密码 " <span lang="en">"Temporary password"</span></span>
                })}
            </td>
            <td>
                <div class="row-actions">
                <button type="button" class="button button-small" on:click=move |_| on_toggle.run(for_toggle.clone())>
                    {toggle_zh} " " <span lang="en">{toggle_en}</span>
                </button>
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| on_panel.run(Panel::Reset(for_reset.clone()))>
                    "重置密码 " <span lang="en">"Reset password"</span>
                </button>
                <button type="button" class="button button-small button-secondary"
                    on:click=move |_| on_panel.run(Panel::Edit(for_edit.clone()))>
                    "编辑 " <span lang="en">"Edit"</span>
                </button>
                </div>
            </td>
        </tr>
    }
}
