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
        Self::start_with(false, |_| {}).await
    }

    pub async fn start_seeded() -> Self {
        Self::start_with(true, |_| {}).await
    }

    /// The demo province with a changed configuration (e.g. short session lifetimes).
    pub async fn start_seeded_with(configure: impl FnOnce(&mut Config)) -> Self {
        Self::start_with(true, configure).await
    }

    async fn start_with(seed_demo: bool, configure: impl FnOnce(&mut Config)) -> Self {
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

        let mut config = Config {
            db_path: dir.path().join("data/jixiao.db"),
            addr: "127.0.0.1:0".parse().unwrap(),
            dist_dir: dist,
            seed_demo,
            session_idle: std::time::Duration::from_secs(30 * 60),
            session_absolute: std::time::Duration::from_secs(12 * 3600),
            secure_cookies: false,
        };
        configure(&mut config);
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

    /// Another server process on the same database (and the same built app).
    pub async fn second_process(&self) -> SocketAddr {
        let pool = jixiao_server::db::connect(&self.config.db_path)
            .await
            .unwrap();
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let app = jixiao_server::router(AppState { db: pool }, &self.config);
        tokio::spawn(jixiao_server::serve(listener, app));
        addr
    }

    /// A browser-like client with its own cookie jar, not logged in.
    pub fn browser(&self) -> Session {
        self.browser_from([127, 0, 0, 1])
    }

    /// A browser on another loopback address (a different client for the rate limit).
    pub fn browser_from(&self, ip: [u8; 4]) -> Session {
        Session {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .local_address(std::net::IpAddr::from(ip))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: format!("http://{}", self.addr),
        }
    }

    /// A client logged in as a demo user.
    pub async fn login(&self, username: &str) -> Session {
        self.login_from(username, [127, 0, 0, 1]).await
    }

    pub async fn login_from(&self, username: &str, ip: [u8; 4]) -> Session {
        let session = self.browser_from(ip);
        let response = session.login(username, DEMO_PASSWORD).await;
        assert_eq!(response.status(), 200, "login as {username}");
        session
    }
}

pub const DEMO_PASSWORD: &str = jixiao_server::seed::DEMO_PASSWORD;

/// A client with a cookie jar that sends writes the way the app does (CSRF header).
pub struct Session {
    pub client: reqwest::Client,
    pub base: String,
}

impl Session {
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    /// Any method, with the app's CSRF header on writes and a JSON body if given.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> reqwest::Response {
        let mut request = self.client.request(method.clone(), self.url(path));
        if method != reqwest::Method::GET {
            request = request.header("x-jixiao-csrf", "1");
        }
        if let Some(body) = body {
            request = request.json(&body);
        }
        request.send().await.unwrap()
    }

    pub async fn login(&self, username: &str, password: &str) -> reqwest::Response {
        let body = serde_json::json!({ "username": username, "password": password });
        self.send(reqwest::Method::POST, "/api/auth/login", Some(body))
            .await
    }
}
