//! Jixiao's server: a thin axum app over SQLite. Handlers live in [`api`], one module per
//! resource, each owning its `router()`; data access in [`repo`]; rules in the domain crate.

// First, so that `text!` is in scope in every module below.
#[macro_use]
pub mod i18n;

pub mod api;
pub mod audit;
pub mod auth;
pub mod config;
pub mod csrf;
pub mod db;
pub mod error;
pub mod excel;
pub mod policy;
pub mod repo;
pub mod security;
pub mod seed;
pub mod spa;
pub mod state;
pub mod telemetry;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Router;
use config::Config;
use jixiao_domain::dto::ErrorDetail;
use state::AppState;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::trace::TraceLayer;

/// The whole application: `/api/*` (JSON, with a JSON 404) and the SPA for everything else.
pub fn router(state: AppState, config: &Config) -> Router {
    let dist = Arc::new(config.dist_dir.clone());
    let api = api::router(state.clone())
        .layer(axum::middleware::from_fn_with_state(
            config.session_absolute,
            auth::extract::session_lifetime,
        ))
        .layer(auth::layer(
            &state.db,
            config.session_idle,
            config.secure_cookies,
        ));
    Router::new()
        .nest("/api", api)
        .fallback(move |request: Request| spa::serve(dist.clone(), request))
        .layer(axum::middleware::from_fn(spa::cache_control))
        .layer(axum::middleware::from_fn_with_state(
            security::Headers::new(&config.dist_dir),
            security::add_headers,
        ))
        // Brotli or gzip, as the client accepts. Level 5 keeps the per-request CPU of
        // compressing the WASM bundle low while still shrinking it about fourfold.
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(5)))
        .layer(CatchPanicLayer::custom(panic_response))
        // Outermost but for tracing: every response below, errors of the other layers
        // included, is written in the language the request asks for.
        .layer(axum::middleware::from_fn(i18n::choose_language))
        .layer(TraceLayer::new_for_http())
}

fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    error::error_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        ErrorDetail {
            code: "internal".into(),
            message: error::internal_message().into(),
            field: None,
            problems: Vec::new(),
            current: None,
        },
    )
}

/// Opens and migrates the database and seeds the demo province into an empty one.
pub async fn prepare_database(
    config: &Config,
) -> Result<sqlx::SqlitePool, Box<dyn std::error::Error>> {
    let pool = db::connect(&config.db_path).await?;
    db::migrate(&pool).await?;
    if config.seed_demo && seed::seed_demo_province(&pool).await? {
        tracing::info!("seeded the demo province");
    }
    Ok(pool)
}

/// Serves until SIGTERM or Ctrl-C, then finishes the requests in flight and returns.
pub async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let pool = prepare_database(&config).await?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let app = router(AppState { db: pool.clone() }, &config);
    let addr = listener.local_addr()?;
    tracing::info!(%addr, db = %config.db_path.display(), "Jixiao is serving at http://{addr}");
    if seed::has_demo(&pool).await? {
        print_demo_logins(addr);
    }
    serve(listener, app).await?;
    pool.close().await;
    tracing::info!("stopped");
    Ok(())
}

fn print_demo_logins(addr: std::net::SocketAddr) {
    println!("\nJixiao 绩效 is running at http://{addr}\n");
    println!("Demo logins (password for all: {}):", seed::DEMO_PASSWORD);
    for login in seed::demo_logins() {
        let department = login
            .department
            .map(|d| format!(" ({d})"))
            .unwrap_or_default();
        println!(
            "  {:<18} {}{}",
            login.username,
            login.role.label_en(),
            department
        );
    }
    println!("\nStop with Ctrl-C.\n");
}

/// `axum::serve` with TCP_NODELAY (small JSON answers otherwise wait on delayed ACKs) and
/// graceful shutdown.
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    // The client address feeds the login rate limit.
    let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
