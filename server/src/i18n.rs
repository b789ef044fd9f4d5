//! The language of the server's messages. Every message the server writes exists in English
//! and in Chinese ([`Text`], and [`FieldError`](jixiao_domain::FieldError)'s `message` and
//! `message_zh`); each request picks one with its `Accept-Language` header: Chinese when
//! the most preferred language range is `zh` or `zh-*`, English otherwise (also with no
//! header or one that does not parse). [`choose_language`] keeps the choice for the rest of
//! the request in a task-local, which [`current`] reads when an error becomes a response.

use axum::extract::Request;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::middleware::Next;
use axum::response::Response;
use std::fmt;
use std::future::Future;

/// The language of one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The language an `Accept-Language` value asks for: the language range with the
    /// highest quality (the first of equals) decides; `zh`, `zh-CN`, `zh-TW`, `zh-Hans`…
    /// mean Chinese, anything else (`*` included) English. Ranges that do not parse and
    /// ranges with `q=0` are ignored; nothing usable means English.
    pub fn from_accept_language(value: &str) -> Self {
        let mut best: Option<(&str, f32)> = None;
        for item in value.split(',') {
            let Some((range, q)) = parse_item(item) else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(_, best_q)| q > best_q) {
                best = Some((range, q));
            }
        }
        match best {
            Some((range, _)) if is_chinese(range) => Self::Zh,
            _ => Self::En,
        }
    }

    pub const fn is_zh(self) -> bool {
        matches!(self, Self::Zh)
    }
}

/// One `range;q=0.8` item, or `None` when it is not a well-formed language range.
fn parse_item(item: &str) -> Option<(&str, f32)> {
    let mut parts = item.split(';');
    let range = parts.next()?.trim();
    let well_formed = range == "*"
        || range.split('-').enumerate().all(|(i, subtag)| {
            (1..=8).contains(&subtag.len())
                && if i == 0 {
                    subtag.bytes().all(|b| b.is_ascii_alphabetic())
                } else {
                    subtag.bytes().all(|b| b.is_ascii_alphanumeric())
                }
        });
    if !well_formed {
        return None;
    }
    let mut q = 1.0;
    for param in parts {
        let (name, value) = param.split_once('=')?;
        if name.trim().eq_ignore_ascii_case("q") {
            let value = value.trim();
            // RFC 9110: "0", "1", or up to three decimals.
            let valid = value.len() <= 5
                && value.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && value.starts_with(['0', '1']);
            q = value
                .parse::<f32>()
                .ok()
                .filter(|q| valid && (0.0..=1.0).contains(q))?;
        }
    }
    Some((range, q))
}

fn is_chinese(range: &str) -> bool {
    range
        .split('-')
        .next()
        .is_some_and(|primary| primary.eq_ignore_ascii_case("zh"))
}

tokio::task_local! {
    static LANG: Lang;
}

/// The language of the request being answered (English outside of one).
pub fn current() -> Lang {
    LANG.try_with(|lang| *lang).unwrap_or_default()
}

/// Runs `future` answering in `lang` (for work outside the request's own task).
pub async fn scope<F: Future>(lang: Lang, future: F) -> F::Output {
    LANG.scope(lang, future).await
}

/// Middleware: reads `Accept-Language` and answers the request in that language.
pub async fn choose_language(request: Request, next: Next) -> Response {
    let header = request
        .headers()
        .get_all(ACCEPT_LANGUAGE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    LANG.scope(Lang::from_accept_language(&header), next.run(request))
        .await
}

/// A message in English and Chinese. Build one with [`text!`](crate::text).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            en: en.into(),
            zh: zh.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh if !self.zh.is_empty() => &self.zh,
            _ => &self.en,
        }
    }

    /// The message in the language of the current request.
    pub fn current(&self) -> &str {
        self.get(current())
    }
}

/// English, for logs and `Display`.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// A [`Text`] from two format strings sharing the same arguments:
/// `text!("department {code}", "部门 {code}")`.
#[macro_export]
macro_rules! text {
    ($en:literal, $zh:literal $(,)?) => {
        $crate::i18n::Text::new(::std::format!($en), ::std::format!($zh))
    };
    ($en:literal, $zh:literal, $($arg:tt)+) => {
        $crate::i18n::Text::new(
            ::std::format!($en, $($arg)+),
            ::std::format!($zh, $($arg)+),
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(header: &str) -> Lang {
        Lang::from_accept_language(header)
    }

    #[test]
    fn chinese_when_the_most_preferred_range_is_chinese() {
        assert_eq!(lang("zh-CN,zh;q=0.9"), Lang::Zh);
        assert_eq!(lang("zh"), Lang::Zh);
        assert_eq!(lang("ZH-cn"), Lang::Zh);
        assert_eq!(lang("zh-TW"), Lang::Zh);
        assert_eq!(lang("zh-Hans-CN"), Lang::Zh);
        assert_eq!(lang("zh-CN,zh;q=0.9,en;q=0.8,en-US;q=0.7"), Lang::Zh);
    }

    #[test]
    fn english_otherwise() {
        assert_eq!(lang("en"), Lang::En);
        assert_eq!(lang("en-US"), Lang::En);
        assert_eq!(lang("en-US,en;q=0.9,zh-CN;q=0.8"), Lang::En);
        assert_eq!(lang("fr-FR"), Lang::En);
        assert_eq!(lang(""), Lang::En);
        // "zhx" is another language, not Chinese.
        assert_eq!(lang("zhx"), Lang::En);
    }

    #[test]
    fn quality_values_decide_and_the_first_wins_a_tie() {
        assert_eq!(lang("en;q=0.5, zh-CN"), Lang::Zh);
        assert_eq!(lang("en;q=0.5, zh-CN;q=0.8"), Lang::Zh);
        assert_eq!(lang("zh;q=0.3, en;q=0.4"), Lang::En);
        assert_eq!(lang("en;q=0.8, zh;q=0.8"), Lang::En);
        assert_eq!(lang("zh;q=0.8, en;q=0.8"), Lang::Zh);
        assert_eq!(lang("zh;Q=1, en;q=0.9"), Lang::Zh);
        assert_eq!(lang("zh-CN;q=1.000"), Lang::Zh);
        // q=0 means "not acceptable".
        assert_eq!(lang("zh;q=0, en;q=0.1"), Lang::En);
        assert_eq!(lang("zh;q=0"), Lang::En);
    }

    #[test]
    fn the_wildcard_is_english() {
        assert_eq!(lang("*"), Lang::En);
        assert_eq!(lang("*, zh;q=0.9"), Lang::En);
        assert_eq!(lang("zh, *;q=0.5"), Lang::Zh);
    }

    #[test]
    fn garbage_is_ignored() {
        assert_eq!(lang("garbage!!"), Lang::En);
        assert_eq!(lang(";;;,,,"), Lang::En);
        assert_eq!(lang("zh;q=abc"), Lang::En);
        assert_eq!(lang("zh;q=2"), Lang::En);
        assert_eq!(lang("zh;q=-1"), Lang::En);
        assert_eq!(lang("zh;q"), Lang::En);
        assert_eq!(lang("中文"), Lang::En);
        assert_eq!(lang("zh-"), Lang::En);
        assert_eq!(lang("toolongsubtag"), Lang::En);
        // A broken item does not spoil the good ones.
        assert_eq!(lang("x y z, zh-CN;q=0.9"), Lang::Zh);
        assert_eq!(lang("zh;q=abc, en;q=0.5"), Lang::En);
    }

    #[test]
    fn text_falls_back_to_english() {
        let text = crate::text!("department {}", "部门 {}", 7);
        assert_eq!(text.get(Lang::En), "department 7");
        assert_eq!(text.get(Lang::Zh), "部门 7");
        assert_eq!(Text::new("only English", "").get(Lang::Zh), "only English");
        assert_eq!(text.to_string(), "department 7");
    }

    #[tokio::test]
    async fn the_language_holds_for_the_scope() {
        assert_eq!(current(), Lang::En);
        assert_eq!(scope(Lang::Zh, async { current() }).await, Lang::Zh);
        assert_eq!(current(), Lang::En);
    }
}
