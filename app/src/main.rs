//! Jixiao's browser app: a Leptos client-side-rendered SPA, built to WASM by Trunk.
//!
//! Everything lives in modules of this binary (no separate library target, so `cargo doc`
//! sees no lib/bin file name collision). The code compiles natively too, so that clippy and
//! unit tests run without a browser; only `main` needs one.

mod api;
mod app;
mod auth;
mod components;
mod format;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
