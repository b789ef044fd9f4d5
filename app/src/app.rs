//! The root component: meta context, router and the page layout.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::Layout;
use crate::pages::departments::{DepartmentPage, DepartmentsPage};
use crate::pages::home::HomePage;
use crate::pages::not_found::NotFound;

/// Product name as shown in the browser tab after each page's own title.
pub const BRAND: &str = "绩效 Jixiao";

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();

    view! {
        <Title formatter=|text: String| {
            if text.is_empty() { BRAND.to_owned() } else { format!("{text} · {BRAND}") }
        } />
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/departments") view=DepartmentsPage />
                    <Route path=path!("/departments/:code") view=DepartmentPage />
                </Routes>
            </Layout>
        </Router>
    }
}
