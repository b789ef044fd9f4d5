//! Page frame: skip link, header with brand, main navigation and user menu, `<main>` and
//! footer. The navigation offers only what the user's capabilities allow; a user who must
//! change their password is sent to the password page from anywhere else.
//!
//! On narrow screens (< 720 px, see `style/main.css`) the navigation collapses behind a menu
//! button that reports its state with `aria-expanded` and names the list it controls.

use jixiao_domain::dto::auth::Capability;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::auth::{login_href, password_href, use_auth, Session};
use crate::components::department_card::department_href;
use crate::components::monitoring_nav::MonitoringNavItem;
use crate::components::user_menu::UserMenu;
use crate::locale::{t, t_string, use_i18n, LanguageSwitch};
use crate::pages::results::ResultsNavItem;
use crate::pages::whatif_province::ProvinceWhatIfNavItem;

/// `id` of the collapsible navigation list (target of the menu button's `aria-controls`).
const NAV_ID: &str = "main-nav-list";
/// `id` of `<main>` (target of the skip link).
const MAIN_ID: &str = "main";
/// The page a user who must change their password is kept on.
const PASSWORD_PATH: &str = "/account/password";

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let (menu_open, set_menu_open) = signal(false);

    // Any navigation (a link, Back, Forward) closes the menu.
    let pathname = use_location().pathname;
    Effect::new(move |_| {
        pathname.track();
        set_menu_open.set(false);
    });
    // `aria-current="page"` marks only the page itself; a department's page still shows
    // "Departments" as the current section, by class.
    let in_departments = move || pathname.read().starts_with("/departments/");

    let auth = use_auth();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let must_change = auth.me().is_some_and(|me| me.must_change_password);
        let path = pathname.get();
        if must_change && path != PASSWORD_PATH {
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
            navigate(&password_href(&here), options);
        }
    });
    // "Log in" comes back to the page it was pressed on.
    let login_link = move || {
        let path = pathname.get();
        if path == "/" || path == "/login" {
            "/login".to_owned()
        } else {
            login_href(&path)
        }
    };
    let own_department = move || {
        auth.me()
            .filter(|me| me.capabilities.contains(&Capability::WorkForDepartment))
            .and_then(|me| me.department)
            .map(|d| department_href(&d.code))
    };

    // The router intercepts `#fragment` links, so the skip link moves focus itself.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        if let Some(main) = main_ref.get() {
            ev.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };

    let i18n = use_i18n();
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            {t!(i18n, common.skip_to_main)}
        </a>
        <header class="site-header">
            <div class="header-inner">
                <a href="/" class="brand">
                    <img class="brand-mark" src="/favicon.svg" alt="" width="32" height="32" />
                    <span class="brand-text">
                        <span class="brand-zh" lang="zh-CN">"绩效"</span>
                        " "
                        <span class="brand-en" lang="en">"Jixiao"</span>
                    </span>
                </a>
                <nav class="main-nav" aria-label=move || t_string!(i18n, shell.nav.label)>
                    <button
                        type="button"
                        class="menu-button"
                        aria-controls=NAV_ID
                        aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                        on:click=move |_| set_menu_open.update(|open| *open = !*open)
                    >
                        <span class="menu-icon" aria-hidden="true"></span>
                        {t!(i18n, shell.nav.menu)}
                    </button>
                    <ul
                        id=NAV_ID
                        class="nav-list"
                        class:open=move || menu_open.get()
                        on:click=move |_| set_menu_open.set(false)
                    >
                        <li>
                            <A href="/" exact=true>
                                {t!(i18n, shell.nav.home)}
                            </A>
                        </li>
                        <li>
                            <A
                                href="/departments"
                                exact=true
                                attr:class=move || if in_departments() { "in-section" } else { "" }
                            >
                                {t!(i18n, shell.nav.departments)}
                            </A>
                        </li>
                        {move || own_department().map(|href| view! {
                            <li>
                                <A href=href>{t!(i18n, shell.nav.my_department)}</A>
                            </li>
                        })}
                        <MonitoringNavItem />
                        <ResultsNavItem />
                        <ProvinceWhatIfNavItem />
                        {move || (auth.can(Capability::ReadResults) || auth.can(Capability::WorkForDepartment)).then(|| view! {
                            <li>
                                <A href="/cases">{t!(i18n, shell.nav.cases)}</A>
                            </li>
                        })}
                        <li>
                            <A href="/library">{t!(i18n, shell.nav.library)}</A>
                        </li>
                        <li>
                            <A href="/years">{t!(i18n, shell.nav.years)}</A>
                        </li>
                        {move || auth.can(Capability::ManageAccounts).then(|| view! {
                            <li>
                                <A href="/accounts">{t!(i18n, shell.nav.accounts)}</A>
                            </li>
                        })}
                        {move || auth.can(Capability::ReadAudit).then(|| view! {
                            <li>
                                <A href="/audit">{t!(i18n, shell.nav.audit)}</A>
                            </li>
                        })}
                        {move || (auth.session() == Session::Anonymous).then(|| view! {
                            <li>
                                <A href=login_link>{t!(i18n, shell.nav.log_in)}</A>
                            </li>
                        })}
                    </ul>
                </nav>
                <LanguageSwitch />
                {move || auth.me().map(|me| view! { <UserMenu me /> })}
            </div>
        </header>
        <main id=MAIN_ID class="site-main" tabindex="-1" node_ref=main_ref>
            {children()}
        </main>
        <footer class="site-footer">
            <p>{t!(i18n, common.product)}</p>
        </footer>
    }
}
