//! `/login`: username and password; afterwards back to `?next=` (a path on this site) or home.

use jixiao_domain::dto::auth::{LoginRequest, Me};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{endpoints, ApiError};
use crate::auth::{password_href, safe_next, use_auth};
use crate::components::form::{field_error, FormAlert, FormButtons, TextField};
use crate::locale::{t, t_string, use_i18n};

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let query = use_query_map();
    let next = move || safe_next(query.read().get("next").as_deref());
    let navigate = use_navigate();

    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<ApiError>);

    let login = Action::new_local(move |request: &LoginRequest| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            match endpoints::login(request).await {
                Ok(me) => {
                    let next = next();
                    let target = if me.must_change_password {
                        password_href(&next)
                    } else {
                        next
                    };
                    auth.signed_in(me);
                    navigate(&target, Default::default());
                }
                Err(e) => {
                    password.set(String::new());
                    error.set(Some(e));
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        login.dispatch_local(LoginRequest {
            username: username.get_untracked().trim().to_owned(),
            password: password.get_untracked(),
        });
    };

    view! {
        <Title text=move || t_string!(i18n, shell.login.title).to_string() />
        <div class="page narrow">
            <header class="page-header">
                <h1>{t!(i18n, shell.login.title)}</h1>
                <p class="lead">{t!(i18n, shell.login.lead)}</p>
            </header>
            {move || auth.me().map(|me| view! { <AlreadySignedIn me next=next() /> })}
            <form class="panel form" on:submit=on_submit>
                <FormAlert error />
                <TextField
                    id="username"
                    label=move || t_string!(i18n, shell.login.username)
                    value=username
                    autocomplete="username"
                    error=field_error(error, "username")
                />
                <TextField
                    id="password"
                    label=move || t_string!(i18n, shell.login.password)
                    value=password
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(error, "password")
                />
                <FormButtons pending=login.pending() label=move || t_string!(i18n, shell.login.submit) />
            </form>
        </div>
    }
}

#[component]
fn AlreadySignedIn(me: Me, next: String) -> impl IntoView {
    let i18n = use_i18n();
    let name = me.display_name;
    view! {
        <p class="notice">
            {t!(i18n, shell.login.signed_in_as, name = move || name.clone())}
            " "
            <A href=next>{t!(i18n, shell.login.go_on)}</A>
        </p>
    }
}
