//! The portal's only network code: `GET` of the public JSON (no session, no CSRF, no
//! writes), kept apart from the officials' API client so that the portal stays small.

use gloo_net::http::Request;
use jixiao_domain::dto::public::{PublicDepartment, PublicOverview, PublishedYears};
use serde::de::DeserializeOwned;

use crate::api::path_segment;
use crate::locale::Locale;

/// Why a public page could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchError {
    /// Not published (or no such department): the server says 404.
    NotFound,
    /// Any other HTTP error.
    Status(u16),
    /// No answer at all (offline…).
    Network,
    /// An answer that is not what the portal expects.
    Unreadable,
}

impl FetchError {
    /// What went wrong, in the reader's language.
    pub fn words(self, locale: Locale) -> String {
        use crate::locale::td_string;
        match self {
            Self::NotFound => td_string!(locale, portal.fetch.not_found).to_owned(),
            Self::Status(status) => td_string!(locale, portal.fetch.status, status).to_string(),
            Self::Network => td_string!(locale, portal.fetch.network).to_owned(),
            Self::Unreadable => td_string!(locale, portal.fetch.unreadable).to_owned(),
        }
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, FetchError> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| FetchError::Network)?;
    let status = response.status();
    if (200..300).contains(&status) {
        return response.json().await.map_err(|_| FetchError::Unreadable);
    }
    // Read the error body, so the request completes (and the connection is free again).
    let _ = response.text().await;
    Err(if status == 404 {
        FetchError::NotFound
    } else {
        FetchError::Status(status)
    })
}

/// `GET /api/public/years`: the published years, newest first.
pub async fn years() -> Result<PublishedYears, FetchError> {
    get("/api/public/years").await
}

/// `GET /api/public/years/{year}`: the province overview of a published year.
pub async fn overview(year: i32) -> Result<PublicOverview, FetchError> {
    get(&format!("/api/public/years/{year}")).await
}

/// `GET /api/public/years/{year}/departments/{code}`.
pub async fn department(year: i32, code: &str) -> Result<PublicDepartment, FetchError> {
    get(&format!(
        "/api/public/years/{year}/departments/{}",
        path_segment(code)
    ))
    .await
}
