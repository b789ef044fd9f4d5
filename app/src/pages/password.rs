//! `/account/password`: every signed-in user changes their own password (and must, after a
//! reset by finance, before anything else).

use jixiao_domain::dto::auth::ChangePassword;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{endpoints, ApiError};
use crate::auth::{safe_next, use_auth};
use crate::components::form::{field_error, FormAlert, FormButtons, FormStatus, TextField};
use crate::components::guard::RequireLogin;
use crate::locale::{t, t_string, td_string, use_i18n};

/// Fields that show their own errors.
const FIELDS: &[&str] = &["current_password", "new_password", "confirm_password"];

#[component]
pub fn PasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, shell.password.title).to_string() />
        <RequireLogin>
            <PasswordForm />
        </RequireLogin>
    }
}

/// A local error for a field, in the server's shape so it shows the same way.
fn local_error(field: &str, message: &str) -> ApiError {
    ApiError {
        status: 422,
        code: "validation".to_owned(),
        message: message.to_owned(),
        field: Some(field.to_owned()),
        current: None,
        problems: Vec::new(),
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let must_change = move || auth.me().is_some_and(|me| me.must_change_password);
    let query = use_query_map();
    let navigate = use_navigate();

    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);

    let change = Action::new_local(move |request: &ChangePassword| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match endpoints::change_password(request).await {
                Ok(()) => {
                    for field in [current, new, confirm] {
                        field.set(String::new());
                    }
                    auth.reload().await;
                    let locale = i18n.get_locale_untracked();
                    done.set(Some(td_string!(locale, shell.password.changed).to_string()));
                    if let Some(next) = query.read_untracked().get("next") {
                        navigate(&safe_next(Some(&next)), Default::default());
                    }
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        done.set(None);
        if new.get_untracked() != confirm.get_untracked() {
            let locale = i18n.get_locale_untracked();
            let message = td_string!(locale, shell.password.mismatch);
            error.set(Some(local_error("confirm_password", message)));
            return;
        }
        change.dispatch_local(ChangePassword {
            current_password: current.get_untracked(),
            new_password: new.get_untracked(),
        });
    };

    view! {
        <div class="page narrow">
            <header class="page-header">
                <h1>{t!(i18n, shell.password.title)}</h1>
            </header>
            {move || must_change().then(|| view! {
                <p class="notice" role="status">{t!(i18n, shell.password.temporary)}</p>
            })}
            <form class="panel form" on:submit=on_submit>
                <FormAlert error fields=FIELDS />
                <TextField
                    id="current_password"
                    label=move || t_string!(i18n, shell.password.current)
                    value=current
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(error, "current_password")
                />
                <TextField
                    id="new_password"
                    label=move || t_string!(i18n, shell.password.new_password)
                    value=new
                    input_type="password"
                    autocomplete="new-password"
                    hint=move || t_string!(i18n, shell.password.hint)
                    error=field_error(error, "new_password")
                />
                <TextField
                    id="confirm_password"
                    label=move || t_string!(i18n, shell.password.confirm)
                    value=confirm
                    input_type="password"
                    autocomplete="new-password"
                    error=field_error(error, "confirm_password")
                />
                <FormButtons pending=change.pending() label=move || t_string!(i18n, shell.password.submit) />
                <FormStatus message=done.into() />
            </form>
        </div>
    }
}
