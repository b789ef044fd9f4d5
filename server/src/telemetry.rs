//! Tracing logs: `RUST_LOG` filters (default `info` for us and tower-http's request spans).

use tracing_subscriber::{fmt, EnvFilter};

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn"));
    // `try_init` so that tests starting several apps in one process do not panic.
    let _ = fmt().with_env_filter(filter).with_target(false).try_init();
}
