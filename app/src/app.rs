//! The root component: meta and auth context, router and the page layout.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::auth::provide_auth;
use crate::components::layout::Layout;
use crate::locale::LanguageProvider;
use crate::pages::accounts::AccountsPage;
use crate::pages::audit::AuditPage;
use crate::pages::budget::BudgetPage;
use crate::pages::cases::CasesPage;
use crate::pages::departments::{DepartmentPage, DepartmentsPage};
use crate::pages::evaluation::EvaluationPage;
use crate::pages::home::HomePage;
use crate::pages::library::LibraryPage;
use crate::pages::login::LoginPage;
use crate::pages::monitoring::MonitoringPage;
use crate::pages::not_found::NotFound;
use crate::pages::password::PasswordPage;
use crate::pages::performance::PerformancePage;
use crate::pages::province::ProvincePage;
use crate::pages::report::ReportPage;
use crate::pages::results::ResultsPage;
use crate::pages::set::SetPage;
use crate::pages::whatif::{DepartmentWhatIfPage, ScenarioPage};
use crate::pages::whatif_province::ProvinceWhatIfPage;
use crate::pages::years::YearsPage;

/// Product name as shown in the browser tab after each page's own title.
pub const BRAND: &str = "绩效 Jixiao";

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_auth();

    view! {
        <Title formatter=|text: String| {
            if text.is_empty() { BRAND.to_owned() } else { format!("{text} · {BRAND}") }
        } />
        <LanguageProvider>
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/departments") view=DepartmentsPage />
                    <Route path=path!("/departments/:code") view=DepartmentPage />
                    <Route path=path!("/departments/:code/sets/:year") view=SetPage />
                    <Route path=path!("/departments/:code/monitoring/:year") view=MonitoringPage />
                    <Route path=path!("/departments/:code/budget/:year") view=BudgetPage />
                    <Route path=path!("/departments/:code/evaluation/:year") view=EvaluationPage />
                    <Route path=path!("/monitoring/:year") view=ProvincePage />
                    <Route path=path!("/departments/:code/evaluation/:year/report") view=ReportPage />
                    <Route path=path!("/results/:year") view=ResultsPage />
                    <Route path=path!("/cases") view=CasesPage />
                    <Route path=path!("/login") view=LoginPage />
                    <Route path=path!("/account/password") view=PasswordPage />
                    <Route path=path!("/accounts") view=AccountsPage />
                    <Route path=path!("/audit") view=AuditPage />
                    <Route path=path!("/library") view=LibraryPage />
                    <Route path=path!("/years") view=YearsPage />
                    <Route path=path!("/whatif/province/:year") view=ProvinceWhatIfPage />
                    <Route path=path!("/departments/:code/whatif/:year") view=DepartmentWhatIfPage />
                    <Route path=path!("/scenarios/:id") view=ScenarioPage />
                    <Route path=path!("/about/performance") view=PerformancePage />
                </Routes>
            </Layout>
        </Router>
        </LanguageProvider>
    }
}
