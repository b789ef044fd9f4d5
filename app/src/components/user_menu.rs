//! The signed-in user's menu: a button with their name that opens their role, department,
//! "Change password" and "Log out". Escape closes it (focus back on the button), and so does
//! moving focus or clicking anywhere outside it.

use jixiao_domain::dto::auth::Me;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::api::endpoints;
use crate::auth::use_auth;
use crate::locale::{pick, t, use_i18n};

const PANEL_ID: &str = "user-menu-panel";

#[component]
pub fn UserMenu(me: Me) -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let (open, set_open) = signal(false);
    let root = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();

    let logout = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            match endpoints::logout().await {
                Err(e) if !e.is_unauthenticated() => auth.refresh(),
                _ => {
                    auth.signed_out();
                    navigate("/", Default::default());
                }
            }
        }
    });

    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        let inside = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .zip(root.get_untracked())
            .is_some_and(|(target, root)| root.contains(Some(&target)));
        if !inside {
            set_open.set(false);
        }
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            set_open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };

    let Me {
        display_name,
        role,
        department,
        ..
    } = me;
    view! {
        <div class="user-menu" node_ref=root on:focusout=on_focusout on:keydown=on_keydown>
            <button
                type="button"
                class="user-button"
                node_ref=button
                aria-haspopup="menu"
                aria-controls=PANEL_ID
                aria-expanded=move || if open.get() { "true" } else { "false" }
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                <span class="user-icon" aria-hidden="true"></span>
                <span class="user-name">{display_name}</span>
            </button>
            <div id=PANEL_ID class="user-menu-panel" class:open=move || open.get()>
                <p class="user-menu-who">
                    <span class="user-role">
                        {move || pick(role.label_zh(), role.label_en())}
                    </span>
                    {department.map(|d| view! {
                        <span class="user-department">
                            {move || pick(&d.name_zh, &d.name_en).to_owned()}
                        </span>
                    })}
                </p>
                <ul class="user-menu-list" on:click=move |_| set_open.set(false)>
                    <li>
                        <A href="/account/password">
                            {t!(i18n, shell.user_menu.change_password)}
                        </A>
                    </li>
                    <li>
                        <button
                            type="button"
                            class="link-button"
                            disabled=move || logout.pending().get()
                            on:click=move |_| {
                                logout.dispatch_local(());
                            }
                        >
                            {t!(i18n, shell.user_menu.log_out)}
                        </button>
                    </li>
                </ul>
            </div>
        </div>
    }
}
