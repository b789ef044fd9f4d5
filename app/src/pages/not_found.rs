//! 404 for client routes that match nothing.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Title text="页面未找到 Page not found" />
        <div class="page not-found">
            <h1>
                "页面未找到 "
                <span class="h1-en" lang="en">"Page not found"</span>
            </h1>
            <p>
                "您访问的页面不存在。 "
                <span lang="en">"The page you asked for does not exist."</span>
            </p>
            <p>
                <A href="/" attr:class="button">
                    "返回首页 "
                    <span lang="en">"Back to home"</span>
                </A>
            </p>
        </div>
    }
}
