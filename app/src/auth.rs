//! Who is using the app: the auth context every page reads.
//!
//! [`provide_auth`] loads `/api/auth/me` once at start; login, logout and a password change
//! update it; any 401 from the API after that (an expired or revoked session) turns it back
//! to anonymous, and a 403 `password_change_required` reloads it so the app can send the
//! user to the password page. The server enforces every permission; this only decides what
//! the app offers.

use jixiao_domain::dto::auth::{Capability, Me};
use leptos::prelude::*;

use crate::api::{self, endpoints};

/// What the app knows about the current user.
#[derive(Debug, Clone, PartialEq)]
pub enum Session {
    /// `/api/auth/me` has not answered yet.
    Loading,
    Anonymous,
    SignedIn(Me),
}

/// Handle on the session, provided as context (cheap to copy).
#[derive(Debug, Clone, Copy)]
pub struct Auth {
    session: RwSignal<Session>,
}

impl Auth {
    /// The session (tracked).
    pub fn session(&self) -> Session {
        self.session.get()
    }

    /// The signed-in user, if any (tracked).
    pub fn me(&self) -> Option<Me> {
        self.session.with(|s| match s {
            Session::SignedIn(me) => Some(me.clone()),
            _ => None,
        })
    }

    /// Whether the signed-in user has `capability` (tracked; false while loading).
    pub fn can(&self, capability: Capability) -> bool {
        self.session.with(|s| match s {
            Session::SignedIn(me) => me.capabilities.contains(&capability),
            _ => false,
        })
    }

    pub fn signed_in(&self, me: Me) {
        self.session.set(Session::SignedIn(me));
    }

    pub fn signed_out(&self) {
        self.session.set(Session::Anonymous);
    }

    /// Asks the server who we are and stores the answer, in the background.
    pub fn refresh(&self) {
        leptos::task::spawn_local(self.reload());
    }

    /// Asks the server who we are and stores the answer.
    pub fn reload(&self) -> impl std::future::Future<Output = ()> + 'static {
        let session = self.session;
        async move {
            let next = match endpoints::me().await {
                Ok(me) => Session::SignedIn(me),
                Err(_) => Session::Anonymous,
            };
            session.try_set(next);
        }
    }
}

/// Creates the auth context, starts loading it, and listens for expired sessions.
pub fn provide_auth() -> Auth {
    let auth = Auth {
        session: RwSignal::new(Session::Loading),
    };
    provide_context(auth);
    api::set_error_listener(move |error| {
        let signed_in = auth
            .session
            .try_with_untracked(|s| matches!(s, Session::SignedIn(_)))
            .unwrap_or(false);
        if !signed_in {
            return;
        }
        if error.is_unauthenticated() && error.code != "invalid_credentials" {
            auth.session.try_set(Session::Anonymous);
        } else if error.code == "password_change_required" {
            auth.refresh();
        }
    });
    auth.refresh();
    auth
}

/// The auth context (panics outside [`provide_auth`]'s tree, a programming error).
pub fn use_auth() -> Auth {
    expect_context::<Auth>()
}

/// Where to go after logging in: `next` if it is a path on this site ("/…" but not "//…" or
/// "/\…", which browsers read as another host), else home.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.starts_with("/\\")
                && !path.chars().any(char::is_control)
                && !path.starts_with("/login") =>
        {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The login page, coming back to `next` afterwards.
pub fn login_href(next: &str) -> String {
    format!("/login?next={}", api::path_segment(next))
}

/// The password page, going on to `next` afterwards.
pub fn password_href(next: &str) -> String {
    format!("/account/password?next={}", api::path_segment(next))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_must_stay_on_this_site() {
        assert_eq!(safe_next(Some("/audit?actor=x")), "/audit?actor=x");
        assert_eq!(
            safe_next(Some("/departments/EDU/sets/2026")),
            "/departments/EDU/sets/2026"
        );
        for bad in [
            "//evil.example/x",
            "/\\evil.example",
            "https://evil.example",
            "audit",
            "",
            "/login?next=/x",
            "/a\nb",
        ] {
            assert_eq!(safe_next(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(safe_next(None), "/");
    }

    #[test]
    fn login_links_carry_the_way_back() {
        assert_eq!(
            login_href("/audit?actor=a b"),
            "/login?next=%2Faudit%3Factor%3Da%20b"
        );
        assert_eq!(password_href("/"), "/account/password?next=%2F");
    }
}
