//! `jixiao-server`: reads its configuration from the environment and serves.

use jixiao_server::{config::Config, run};

#[tokio::main]
async fn main() {
    jixiao_server::telemetry::init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("jixiao-server: {message}");
            std::process::exit(2);
        }
    };
    if let Err(err) = run(config).await {
        tracing::error!(error = %err, "server stopped with an error");
        std::process::exit(1);
    }
}
