//! 404 for client routes that match nothing.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::locale::{t, t_string, use_i18n};

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=move || t_string!(i18n, shell.not_found.title).to_string() />
        <div class="page not-found">
            <h1>{t!(i18n, shell.not_found.title)}</h1>
            <p>{t!(i18n, shell.not_found.text)}</p>
            <p>
                <A href="/" attr:class="button">
                    {t!(i18n, shell.not_found.home)}
                </A>
            </p>
        </div>
    }
}
