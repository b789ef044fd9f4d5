//! Configuration from the environment, with defaults that work from the repository root.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Config {
    /// SQLite file (`JIXIAO_DB`, default `data/jixiao.db`); created and migrated on start.
    pub db_path: PathBuf,
    /// Listen address (`JIXIAO_ADDR`, default `127.0.0.1:3000`); port 0 picks a free port.
    pub addr: SocketAddr,
    /// The built SPA (`JIXIAO_DIST`, default `app/dist`).
    pub dist_dir: PathBuf,
    /// Seed the demo province into an empty database (`JIXIAO_SEED=demo`, the default)
    /// or leave it empty (`JIXIAO_SEED=none`).
    pub seed_demo: bool,
    /// Sessions end after this long without activity (`JIXIAO_SESSION_IDLE_MINUTES`, 30).
    pub session_idle: Duration,
    /// …and this long after login whatever happens (`JIXIAO_SESSION_MAX_HOURS`, 12).
    pub session_absolute: Duration,
    /// Session cookies carry `Secure` (`JIXIAO_SECURE_COOKIES=1`; set it whenever users
    /// reach the server over https, including through a TLS-terminating proxy).
    pub secure_cookies: bool,
}

/// A positive whole number from the environment, or its default.
fn number(name: &str, default: u64) -> Result<u64, String> {
    match std::env::var(name).ok().filter(|v| !v.trim().is_empty()) {
        None => Ok(default),
        Some(text) => text
            .trim()
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("{name}={text:?}: expected a positive whole number")),
    }
}

impl Config {
    pub fn from_env() -> Result<Self, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let addr = var("JIXIAO_ADDR").unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr = addr.parse().map_err(|_| {
            format!("JIXIAO_ADDR={addr:?} is not a socket address like 127.0.0.1:3000")
        })?;
        let seed_demo = match var("JIXIAO_SEED").as_deref() {
            None | Some("demo") => true,
            Some("none") => false,
            Some(other) => return Err(format!("JIXIAO_SEED={other:?}: expected demo or none")),
        };
        Ok(Self {
            db_path: var("JIXIAO_DB")
                .unwrap_or_else(|| "data/jixiao.db".into())
                .into(),
            addr,
            dist_dir: var("JIXIAO_DIST")
                .unwrap_or_else(|| "app/dist".into())
                .into(),
            seed_demo,
            session_idle: Duration::from_secs(60 * number("JIXIAO_SESSION_IDLE_MINUTES", 30)?),
            session_absolute: Duration::from_secs(3600 * number("JIXIAO_SESSION_MAX_HOURS", 12)?),
            secure_cookies: matches!(
                var("JIXIAO_SECURE_COOKIES").as_deref(),
                Some("1" | "true" | "yes")
            ),
        })
    }
}
