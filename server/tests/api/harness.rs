//! Starts the real application on a free port with a fresh database and a small built SPA.

use jixiao_server::config::Config;
use jixiao_server::state::AppState;
use sqlx::SqlitePool;
use std::net::SocketAddr;
use std::path::PathBuf;
use tempfile::TempDir;

/// Trunk's loader, as an inline module script (the CSP must allow exactly this one).
pub const LOADER: &str = "import init from '/app-0123456789abcdef.js'; init();";
pub const HASHED_JS: &str = "app-0123456789abcdef.js";

pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub pool: SqlitePool,
    pub config: Config,
    _dir: TempDir,
}

impl TestApp {
    pub async fn start() -> Self {
        Self::start_with(false).await
    }

    pub async fn start_seeded() -> Self {
        Self::start_with(true).await
    }

    async fn start_with(seed_demo: bool) -> Self {
        jixiao_server::telemetry::init();
        let dir = tempfile::tempdir().expect("temp dir");
        let dist = dir.path().join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(
            dist.join("index.html"),
            format!(
                "<!doctype html><html lang=\"zh-CN\"><head><title>Jixiao</title>\
                 <script type=\"module\">{LOADER}</script></head><body></body></html>"
            ),
        )
        .unwrap();
        // Large and repetitive enough to be worth compressing.
        std::fs::write(
            dist.join(HASHED_JS),
            "export default function init() {}\n".repeat(200),
        )
        .unwrap();
        std::fs::write(
            dist.join("favicon.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        )
        .unwrap();

        let config = Config {
            db_path: dir.path().join("data/jixiao.db"),
            addr: "127.0.0.1:0".parse().unwrap(),
            dist_dir: dist,
            seed_demo,
        };
        let pool = jixiao_server::prepare_database(&config)
            .await
            .expect("database ready");
        let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = jixiao_server::router(AppState { db: pool.clone() }, &config);
        tokio::spawn(jixiao_server::serve(listener, app));
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            addr,
            client,
            pool,
            config,
            _dir: dir,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub fn db_path(&self) -> PathBuf {
        self.config.db_path.clone()
    }
}
