//! Page frame: skip link, header with brand and main navigation, `<main>` and footer.
//!
//! On narrow screens (< 720 px, see `style/main.css`) the navigation collapses behind a menu
//! button that reports its state with `aria-expanded` and names the list it controls.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// `id` of the collapsible navigation list (target of the menu button's `aria-controls`).
const NAV_ID: &str = "main-nav-list";
/// `id` of `<main>` (target of the skip link).
const MAIN_ID: &str = "main";

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

    // The router intercepts `#fragment` links, so the skip link moves focus itself.
    let main_ref = NodeRef::<leptos::html::Main>::new();
    let skip_to_main = move |ev: leptos::ev::MouseEvent| {
        if let Some(main) = main_ref.get() {
            ev.prevent_default();
            let _ = main.focus();
            main.scroll_into_view();
        }
    };

    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            "跳到主要内容 "
            <span lang="en">"Skip to main content"</span>
        </a>
        <header class="site-header">
            <div class="header-inner">
                <a href="/" class="brand">
                    <img class="brand-mark" src="/favicon.svg" alt="" width="32" height="32" />
                    <span class="brand-text">
                        <span class="brand-zh">"绩效"</span>
                        " "
                        <span class="brand-en" lang="en">"Jixiao"</span>
                    </span>
                </a>
                <nav class="main-nav" aria-label="Main">
                    <button
                        type="button"
                        class="menu-button"
                        aria-controls=NAV_ID
                        aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                        on:click=move |_| set_menu_open.update(|open| *open = !*open)
                    >
                        <span class="menu-icon" aria-hidden="true"></span>
                        "菜单 "
                        <span lang="en">"Menu"</span>
                    </button>
                    <ul
                        id=NAV_ID
                        class="nav-list"
                        class:open=move || menu_open.get()
                        on:click=move |_| set_menu_open.set(false)
                    >
                        <li>
                            <A href="/" exact=true>
                                "首页 "
                                <span lang="en">"Home"</span>
                            </A>
                        </li>
                        <li>
                            <A
                                href="/departments"
                                exact=true
                                attr:class=move || if in_departments() { "in-section" } else { "" }
                            >
                                "部门 "
                                <span lang="en">"Departments"</span>
                            </A>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
        <main id=MAIN_ID class="site-main" tabindex="-1" node_ref=main_ref>
            {children()}
        </main>
        <footer class="site-footer">
            <p>
                "全省部门整体预算绩效管理 "
                <span lang="en">"Department-wide budget performance management"</span>
            </p>
        </footer>
    }
}
