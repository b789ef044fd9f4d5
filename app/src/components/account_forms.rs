//! Finance's account forms: create an account, edit one (name, role, department) and give one
//! a temporary password. Role and department are chosen the same way in both create and edit.

use std::str::FromStr;

use jixiao_domain::dto::auth::{Account, AccountChanges, NewAccount};
use jixiao_domain::framework::Role;
use leptos::prelude::*;

use crate::api::{endpoints, ApiError};
use crate::components::form::{field_error, FormAlert, FormButtons, SelectField, TextField};
use crate::locale::{pick, t_string, use_i18n};

/// (value, Chinese name, English name) of the departments to choose from, from
/// `/api/departments`.
pub type DepartmentOptions = Vec<(String, String, String)>;

/// (value, label) of every role, in the chosen language (reactive).
fn role_options() -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_owned(),
                pick(r.label_zh(), r.label_en()).to_owned(),
            )
        })
        .collect()
}

/// The chosen role (department staff if somehow none).
fn parse_role(value: &str) -> Role {
    Role::from_str(value).unwrap_or(Role::DeptStaff)
}

/// The department id to send: only department roles have one.
fn department_for(role: Role, value: &str) -> Option<i64> {
    role.belongs_to_department()
        .then(|| value.parse().ok())
        .flatten()
}

/// Role select, and the department select when the role is a department role.
#[component]
fn RoleAndDepartment(
    /// Element ids of the role and the department select.
    ids: [&'static str; 2],
    role: RwSignal<String>,
    department: RwSignal<String>,
    departments: DepartmentOptions,
    error: RwSignal<Option<ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let [role_id, department_id] = ids;
    // A memo, so that a change between two department roles keeps the department select.
    let needs_department = Memo::new(move |_| parse_role(&role.get()).belongs_to_department());
    let choices = move || {
        let mut choices = vec![(String::new(), t_string!(i18n, admin.choose).to_owned())];
        choices.extend(
            departments
                .iter()
                .map(|(id, zh, en)| (id.clone(), pick(zh, en).to_owned())),
        );
        choices
    };
    view! {
        <SelectField
            id=role_id
            label=move || t_string!(i18n, admin.accounts.role)
            value=role
            options=role_options
            error=field_error(error, "role")
        />
        {move || needs_department.get().then(|| view! {
            <SelectField
                id=department_id
                label=move || t_string!(i18n, common.department)
                value=department
                options=choices.clone()
                error=field_error(error, "department_id")
            />
        })}
    }
}

const CREATE_FIELDS: &[&str] = &[
    "username",
    "display_name",
    "role",
    "department_id",
    "password",
];

/// "New account": calls `on_created` with the account the server made.
#[component]
pub fn CreateAccountForm(
    /// id of the heading that names the form.
    labelled_by: &'static str,
    departments: DepartmentOptions,
    on_created: Callback<Account>,
) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Role::DeptStaff.as_str().to_owned());
    let department = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();

    let create = Action::new_local(move |account: &NewAccount| {
        let account = account.clone();
        async move {
            match endpoints::create_account(account).await {
                Ok(created) => {
                    for field in [username, display_name, department, password] {
                        field.set(String::new());
                    }
                    on_created.run(created);
                }
                Err(mut e) => {
                    if e.code == "already_exists" && e.field.is_none() {
                        e.field = Some("username".to_owned());
                    }
                    error.set(Some(e));
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let role = parse_role(&role.get_untracked());
        create.dispatch_local(NewAccount {
            username: username.get_untracked().trim().to_owned(),
            display_name: display_name.get_untracked().trim().to_owned(),
            role,
            department_id: department_for(role, &department.get_untracked()),
            password: password.get_untracked(),
        });
    };

    view! {
        <form class="form" aria-labelledby=labelled_by on:submit=on_submit>
            <FormAlert error fields=CREATE_FIELDS />
            <div class="form-grid">
                <TextField id="new_username" label=move || t_string!(i18n, admin.accounts.username)
                    value=username autocomplete="off" error=field_error(error, "username") />
                <TextField id="new_display_name" label=move || t_string!(i18n, admin.accounts.display_name)
                    value=display_name autocomplete="off" error=field_error(error, "display_name") />
                <RoleAndDepartment ids=["new_role", "new_department"] role department departments error />
                <TextField id="new_password" label=move || t_string!(i18n, admin.accounts.initial_password)
                    value=password input_type="password" autocomplete="new-password"
                    hint=move || t_string!(i18n, admin.accounts.initial_hint)
                    error=field_error(error, "password") />
            </div>
            <FormButtons pending=create.pending() label=move || t_string!(i18n, admin.accounts.create) />
        </form>
    }
}

/// The edit panel's changes: what differs from `account`, and always the department, based
/// on the revision that was shown (a stale one is refused with 409).
fn changes(
    account: &Account,
    display_name: &str,
    role: Role,
    department: Option<i64>,
) -> AccountChanges {
    AccountChanges {
        revision: account.revision,
        display_name: (display_name != account.display_name).then(|| display_name.to_owned()),
        role: (role != account.role).then_some(role),
        department_id: Some(department),
        disabled: None,
    }
}

/// Disable or enable `account`, keeping its department (see [`changes`]).
pub fn set_disabled(account: &Account, disabled: bool) -> AccountChanges {
    AccountChanges {
        revision: account.revision,
        disabled: Some(disabled),
        department_id: Some(account.department.as_ref().map(|d| d.id)),
        ..AccountChanges::default()
    }
}

/// Edit one account's display name, role and department.
#[component]
pub fn EditAccountForm(
    account: Account,
    departments: DepartmentOptions,
    on_saved: Callback<Account>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let display_name = RwSignal::new(account.display_name.clone());
    let role = RwSignal::new(account.role.as_str().to_owned());
    let department = RwSignal::new(
        account
            .department
            .as_ref()
            .map(|d| d.id.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();
    let id = account.id;
    let save = Action::new_local(move |changes: &AccountChanges| {
        let changes = changes.clone();
        async move {
            match endpoints::update_account(id, changes).await {
                Ok(saved) => on_saved.run(saved),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let role = parse_role(&role.get_untracked());
        let department = department_for(role, &department.get_untracked());
        let name = display_name.get_untracked().trim().to_owned();
        save.dispatch_local(changes(&account, &name, role, department));
    };
    view! {
        <form class="form" on:submit=on_submit>
            <FormAlert error fields=&["display_name", "role", "department_id"] />
            <TextField id="edit_display_name" label=move || t_string!(i18n, admin.accounts.display_name)
                value=display_name autocomplete="off" error=field_error(error, "display_name") />
            <RoleAndDepartment ids=["edit_role", "edit_department"] role department departments error />
            <FormButtons pending=save.pending() label=move || t_string!(i18n, common.save) on_cancel />
        </form>
    }
}

/// Give one account a temporary password.
#[component]
pub fn ResetPasswordForm(
    account: Account,
    on_done: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();
    let id = account.id;
    let reset = Action::new_local(move |password: &String| {
        let password = password.clone();
        async move {
            match endpoints::reset_password(id, password).await {
                Ok(()) => on_done.run(()),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        reset.dispatch_local(password.get_untracked());
    };
    view! {
        <form class="form" on:submit=on_submit>
            <FormAlert error fields=&["password"] />
            <TextField id="reset_password" label=move || t_string!(i18n, admin.accounts.temporary_password)
                value=password input_type="password" autocomplete="new-password"
                hint=move || t_string!(i18n, admin.accounts.temporary_hint)
                error=field_error(error, "password") />
            <FormButtons pending=reset.pending() label=move || t_string!(i18n, admin.accounts.reset_password) on_cancel />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_domain::dto::auth::DepartmentRef;

    fn account() -> Account {
        Account {
            id: 7,
            username: "edu.staff".into(),
            display_name: "Staff".into(),
            role: Role::DeptStaff,
            department: Some(DepartmentRef {
                id: 3,
                code: "EDU".into(),
                name_zh: "教育厅".into(),
                name_en: "Education".into(),
            }),
            disabled: false,
            must_change_password: false,
            created_at: "2026-01-01T00:00:00Z".into(),
            revision: 1,
        }
    }

    #[test]
    fn edits_send_only_what_changed() {
        let a = account();
        let same = changes(&a, "Staff", Role::DeptStaff, Some(3));
        assert_eq!((same.display_name, same.role), (None, None));
        assert_eq!(same.department_id, Some(Some(3)));
        let disable = set_disabled(&a, true);
        assert_eq!(
            (disable.disabled, disable.department_id),
            (Some(true), Some(Some(3)))
        );
        let to_finance = changes(
            &a,
            "Staff",
            Role::Finance,
            department_for(Role::Finance, "3"),
        );
        assert_eq!(to_finance.role, Some(Role::Finance));
        assert_eq!(to_finance.department_id, Some(None));
        let renamed = changes(
            &a,
            "Li Hua",
            Role::DeptHead,
            department_for(Role::DeptHead, "4"),
        );
        assert_eq!(renamed.display_name.as_deref(), Some("Li Hua"));
        assert_eq!(renamed.department_id, Some(Some(4)));
    }

    #[test]
    fn only_department_roles_carry_a_department() {
        assert_eq!(department_for(Role::DeptStaff, "5"), Some(5));
        assert_eq!(department_for(Role::Assessment, "5"), None);
        assert_eq!(department_for(Role::DeptHead, ""), None);
    }
}
