//! `/login`: username and password; afterwards back to `?next=` (a path on this site) or home.

use jixiao_domain::dto::auth::{LoginRequest, Me};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::api::{endpoints, ApiError};
use crate::auth::{password_href, safe_next, use_auth};
use crate::components::form::{field_error, FormAlert, FormButtons, TextField};

#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = use_auth();
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
        <Title text="登录 Log in" />
        <div class="page narrow">
            <header class="page-header">
                <h1>"登录 " <span class="h1-en" lang="en">"Log in"</span></h1>
                <p class="lead">
                    "财政部门、绩效考评机构和各部门工作人员登录。公众无需登录即可查看公开结果。 "
                    <span lang="en">"For finance, the assessment agency and department staff. Published results need no login."</span>
                </p>
            </header>
            {move || auth.me().map(|me| view! { <AlreadySignedIn me next=next() /> })}
            <form class="panel form" on:submit=on_submit>
                <FormAlert error />
                <TextField
                    id="username"
                    label_zh="用户名"
                    label_en="Username"
                    value=username
                    autocomplete="username"
                    error=field_error(error, "username")
                />
                <TextField
                    id="password"
                    label_zh="密码"
                    label_en="Password"
                    value=password
                    input_type="password"
                    autocomplete="current-password"
                    error=field_error(error, "password")
                />
                <FormButtons pending=login.pending() label_zh="登录" label_en="Log in" />
            </form>
        </div>
    }
}

#[component]
fn AlreadySignedIn(me: Me, next: String) -> impl IntoView {
    view! {
        <p class="notice">
            {format!("您已以 {} 身份登录。 ", me.display_name)}
            <span lang="en">{format!("You are logged in as {}. ", me.display_name)}</span>
            <A href=next>"继续 " <span lang="en">"Continue"</span></A>
        </p>
    }
}
