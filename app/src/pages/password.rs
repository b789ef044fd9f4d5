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

/// Fields that show their own errors.
const FIELDS: &[&str] = &["current_password", "new_password", "confirm_password"];
/// Minimum length the server asks for (it decides; this only explains).
const PASSWORD_HINT: &str =
    "至少 12 个字符，不能是常见密码。 At least 12 characters, not a common password.";

#[component]
pub fn PasswordPage() -> impl IntoView {
    view! {
        <Title text="修改密码 Change password" />
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
                    done.set(Some(
                        "密码已修改。 Your password has been changed.".to_owned(),
                    ));
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
            let message = "两次输入的新密码不一致。 The two new passwords differ.";
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
                <h1>"修改密码 " <span class="h1-en" lang="en">"Change password"</span></h1>
            </header>
            {move || must_change().then(|| view! {
                <p class="notice" role="status">
                    "您的密码是临时密码，请先设置新密码。 "
                    <span lang="en">"Your password is temporary: set a new one before going on."</span>
                </p>
            })}
            <form class="panel form" on:submit=on_submit>
                <FormAlert error fields=FIELDS />
                <TextField
                    id="current_password"
                    label_zh="当前密码"
                    label_en="Current password"
                    value=current
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(error, "current_password")
                />
                <TextField
                    id="new_password"
                    label_zh="新密码"
                    label_en="New password"
                    value=new
                    input_type="password"
                    autocomplete="new-password"
                    hint=PASSWORD_HINT
                    error=field_error(error, "new_password")
                />
                <TextField
                    id="confirm_password"
                    label_zh="确认密码"
                    label_en="Confirm password"
                    value=confirm
                    input_type="password"
                    autocomplete="new-password"
                    error=field_error(error, "confirm_password")
                />
                <FormButtons pending=change.pending() label_zh="修改密码" label_en="Change password" />
                <FormStatus message=done.into() />
            </form>
        </div>
    }
}
