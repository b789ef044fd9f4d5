//! Jixiao's browser code: the officials' app (a Leptos client-side-rendered SPA) and the
//! citizens' portal — two WASM binaries built by Trunk from this one library, so that the
//! portal a citizen downloads carries only the public pages.
//!
//! The code compiles natively too, so that clippy and unit tests run without a browser.

pub mod api;
pub mod app;
pub mod auth;
pub mod components;
pub mod format;
pub mod pages;
pub mod portal;

/// Starts the officials' app (`index.html`).
pub fn start_app() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}

/// Starts the public portal (`portal.html`).
pub fn start_portal() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(portal::Portal);
}
