//! Access: pages that need a login or a capability, and what a refused reader sees.
//!
//! The server decides; these only spare the reader a page that would answer 401 or 403.

use jixiao_domain::dto::auth::Capability;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::api::ApiError;
use crate::auth::{login_href, use_auth, Session};
use crate::components::loading::Loading;
use crate::locale::{t, t_string, use_i18n};

/// "Not allowed", announced.
#[component]
pub fn NotAllowed() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, shell.guard.title).to_string() />
        <div class="notice notice-denied" role="alert">
            <h1>{t!(i18n, shell.guard.title)}</h1>
            <p>{t!(i18n, shell.guard.text)}</p>
        </div>
    }
}

/// Sends the reader to the login page, to come back here afterwards.
#[component]
pub fn LoginRedirect() -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        let here = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        let options = NavigateOptions {
            replace: true,
            ..NavigateOptions::default()
        };
        navigate(&login_href(&here), options);
    });
    view! { <Loading /> }
}

/// Claims the errors every protected fetch shares: 401 → log in, 403 → "not allowed".
pub fn access_error(error: &ApiError) -> Option<AnyView> {
    if error.is_unauthenticated() {
        Some(view! { <LoginRedirect /> }.into_any())
    } else if error.is_forbidden() {
        Some(view! { <NotAllowed /> }.into_any())
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Loading,
    Anonymous,
    Denied,
    Granted,
}

/// Shows `children` to a signed-in user who has `capability` (any signed-in user if none):
/// an anonymous reader goes to the login page and comes back; others see "not allowed".
#[component]
pub fn RequireLogin(
    #[prop(optional)] capability: Option<Capability>,
    children: ChildrenFn,
) -> impl IntoView {
    let auth = use_auth();
    // A memo, so that a refreshed session with the same rights does not rebuild the page.
    let access = Memo::new(move |_| match auth.session() {
        Session::Loading => Access::Loading,
        Session::Anonymous => Access::Anonymous,
        Session::SignedIn(me) => match capability {
            Some(needed) if !me.capabilities.contains(&needed) => Access::Denied,
            _ => Access::Granted,
        },
    });
    move || match access.get() {
        Access::Loading => view! { <Loading /> }.into_any(),
        Access::Anonymous => view! { <LoginRedirect /> }.into_any(),
        Access::Denied => view! { <NotAllowed /> }.into_any(),
        Access::Granted => children().into_any(),
    }
}

/// Shows `children` once the session is known (so a fetch that depends on who asks is made
/// once, as the right reader), and rebuilds them when the user changes.
#[component]
pub fn WhenSessionKnown(children: ChildrenFn) -> impl IntoView {
    let auth = use_auth();
    let reader = Memo::new(move |_| match auth.session() {
        Session::Loading => None,
        Session::Anonymous => Some(None),
        Session::SignedIn(me) => Some(Some(me.id)),
    });
    move || match reader.get() {
        None => view! { <Loading /> }.into_any(),
        Some(_) => children().into_any(),
    }
}
