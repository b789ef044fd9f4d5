//! Password hashing (argon2id, off the async threads) and the password policy.

use crate::error::{AppError, AppResult};
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use jixiao_domain::{field_error, FieldError};
use std::sync::OnceLock;

pub const MIN_LENGTH: usize = 12;

/// Hashes a password with argon2id (tens of milliseconds by design, so on a blocking thread).
pub async fn hash(password: String) -> AppResult<String> {
    blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|err| AppError::Internal(format!("hashing a password: {err}")))
    })
    .await
}

/// Whether `password` matches `hash`. With no hash (an unknown user) a dummy hash is
/// checked instead, so that both cases cost the same time.
pub async fn verify(password: String, hash: Option<String>) -> AppResult<bool> {
    blocking(move || {
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| dummy_hash().to_owned());
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return Ok(false);
        };
        let matches = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && matches)
    })
    .await
}

fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(b"no such account", &salt)
            .map(|h| h.to_string())
            .unwrap_or_default()
    })
}

async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> AppResult<T> + Send + 'static,
) -> AppResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| AppError::Internal(format!("password task: {err}")))?
}

/// The password policy: at least 12 characters and not guessable — not a common password,
/// not built from the username or name, not a keyboard walk or repetition (zxcvbn, whose
/// dictionaries hold the common-password lists, must rate it at least 3 of 4).
pub fn check_policy(password: &str, field: &str, user_inputs: &[&str]) -> Result<(), FieldError> {
    if password.chars().count() < MIN_LENGTH {
        return Err(field_error!(
            "weak_password",
            field,
            "a password needs at least {MIN_LENGTH} characters",
            "密码至少需要 {MIN_LENGTH} 个字符",
        ));
    }
    if password.chars().count() > 256 {
        return Err(field_error!(
            "weak_password",
            field,
            "a password can have at most 256 characters",
            "密码不能超过 256 个字符",
        ));
    }
    let inputs: Vec<&str> = user_inputs
        .iter()
        .copied()
        .filter(|s| !s.is_empty())
        .collect();
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if (estimate.score() as u8) < 3 {
        let hint = estimate
            .feedback()
            .and_then(|f| f.warning().map(|w| w.to_string()))
            .unwrap_or_else(|| "it is too easy to guess".into());
        return Err(field_error!(
            "weak_password",
            field,
            "this password is too common or too easy to guess ({hint}); use a longer phrase of unrelated words",
            "该密码过于常见或容易被猜到，请改用由几个不相关的词组成的较长短语",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_common_passwords_are_refused() {
        for weak in [
            "short",
            "password1234",
            "123456789012",
            "qwertyuiop12",
            "aaaaaaaaaaaa",
            "iloveyou1234",
        ] {
            let err = check_policy(weak, "password", &[]).unwrap_err();
            assert_eq!(
                (err.code.as_str(), err.field.as_str()),
                ("weak_password", "password"),
                "{weak}"
            );
        }
        let err = check_policy("wangxiaoming2026", "new_password", &["wangxiaoming"]).unwrap_err();
        assert_eq!(err.field, "new_password");
    }

    #[test]
    fn long_unusual_passwords_pass() {
        assert!(check_policy("jixiao-demo-2026", "password", &[]).is_ok());
        assert!(check_policy("plum river lantern 47", "password", &[]).is_ok());
    }

    #[tokio::test]
    async fn hashes_verify_and_unknown_users_never_match() {
        let hash = hash("plum river lantern 47".into()).await.unwrap();
        assert!(verify("plum river lantern 47".into(), Some(hash.clone()))
            .await
            .unwrap());
        assert!(!verify("plum river lantern 48".into(), Some(hash))
            .await
            .unwrap());
        assert!(!verify("no such account".into(), None).await.unwrap());
    }
}
