//! The language the pages are read in: Chinese (zh-CN) or English, chosen by the switcher in
//! the header, remembered in the browser (localStorage), and at first taken from the browser's languages
//! (leptos_i18n's `I18nContextProvider`). Texts live in `app/locales/{zh-CN,en}/*.json`
//! and are looked up with `t!(i18n, namespace.key)`; a key missing in either language fails
//! the build (`app/build.rs`).
//!
//! Domain values that already carry both names (departments, indicators, lamps, grades,
//! phases, roles) are shown with [`pick`] rather than duplicated into the translation files.

use leptos::prelude::*;

pub use crate::i18n::{t, t_string, td_string, use_i18n, I18nContextProvider, Locale};

/// Where the reader's choice is kept (localStorage, shared by the app and the portal, which
/// have the same origin).
#[cfg(target_arch = "wasm32")]
const LANGUAGE_KEY: &str = "jixiao_lang";

/// The choice made earlier in this browser, if any.
fn remembered() -> Option<Locale> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = web_sys::window()?.local_storage().ok()??;
        match storage.get_item(LANGUAGE_KEY).ok()??.as_str() {
            "zh-CN" => Some(Locale::zh_CN),
            "en" => Some(Locale::en),
            _ => None,
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Keeps the reader's choice for their next visit (best effort: private modes may refuse).
fn remember(locale: Locale) {
    #[cfg(target_arch = "wasm32")]
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(LANGUAGE_KEY, tag(locale));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = locale;
}

/// The i18n context for everything inside: the language chosen earlier in this browser, or
/// else the best match for the browser's languages (Chinese when it asks for neither).
#[component]
pub fn LanguageProvider(children: Children) -> impl IntoView {
    view! {
        <I18nContextProvider enable_cookie=false>
            <ApplyRemembered />
            {children()}
        </I18nContextProvider>
    }
}

/// Sets the remembered language before the pages render (it renders nothing itself).
#[component]
fn ApplyRemembered() -> impl IntoView {
    if let Some(locale) = remembered() {
        let i18n = use_i18n();
        i18n.set_locale(locale);
        // The provider's own first effect sets the browser's language once more; this effect
        // was created after it, so it runs after it and the remembered choice stays.
        Effect::new(move |_| i18n.set_locale(locale));
    }
}

/// The `lang` tag of a locale, as written on `<html>` and sent as `Accept-Language`.
pub const fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::zh_CN => "zh-CN",
        Locale::en => "en",
    }
}

/// The locale chosen now; reactive (tracks the choice) when read inside a closure.
pub fn current() -> Locale {
    use_i18n().get_locale()
}

/// Whether the pages are in Chinese now (reactive, like [`current`]).
pub fn is_zh() -> bool {
    current() == Locale::zh_CN
}

/// One of the two names a domain value carries, in the chosen language (reactive).
pub fn pick<'a>(zh: &'a str, en: &'a str) -> &'a str {
    pick_in(current(), zh, en)
}

/// A unit of measure in the chosen language (reactive): the demo's units are Chinese only
/// and are translated for English readers where known (`jixiao_domain::names`).
pub fn unit(unit: &str) -> String {
    jixiao_domain::names::unit_in(unit, is_zh()).to_owned()
}

/// The part of a text written in both languages ("中文; English") for the chosen language
/// (reactive); a text in one language is shown whole.
pub fn part(text: &str) -> String {
    jixiao_domain::names::part_in(text, is_zh()).to_owned()
}

/// One of two names, for a given locale (pure; for formatting helpers and tests).
pub const fn pick_in<'a>(locale: Locale, zh: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::zh_CN => zh,
        Locale::en => en,
    }
}

/// The language the document is shown in now, read from `<html lang>` (which the i18n
/// context keeps up to date). Works outside any component (API calls run in futures that
/// have no reactive owner); `None` outside a browser.
pub fn document_language() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("lang"))
            .filter(|lang| !lang.is_empty())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The switcher: one button that offers the other language, labelled in that language so
/// a reader who cannot read the current one still finds it.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || match i18n.get_locale() {
        Locale::zh_CN => Locale::en,
        Locale::en => Locale::zh_CN,
    };
    view! {
        <button
            type="button"
            class="language-switch"
            lang=move || tag(other())
            aria-label=move || match other() {
                Locale::en => "Switch to English",
                Locale::zh_CN => "切换到中文",
            }
            on:click=move |_| {
                let chosen = other();
                remember(chosen);
                i18n.set_locale(chosen);
            }
        >
            <span class="language-icon" aria-hidden="true">"文A"</span>
            {move || match other() {
                Locale::en => "English",
                Locale::zh_CN => "中文",
            }}
        </button>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_names_follow_the_locale() {
        assert_eq!(tag(Locale::zh_CN), "zh-CN");
        assert_eq!(tag(Locale::en), "en");
        assert_eq!(pick_in(Locale::zh_CN, "优", "Excellent"), "优");
        assert_eq!(pick_in(Locale::en, "优", "Excellent"), "Excellent");
    }

    /// The build-time check (`app/build.rs`) really catches a missing key, an empty text
    /// and a placeholder that differs between the languages.
    mod completeness {
        include!("../i18n_check.rs");

        #[test]
        fn a_missing_key_is_reported() {
            let problems = translation_problems(
                "demo",
                &[
                    ("zh-CN", r#"{"a": "甲", "nested": {"b": "乙"}}"#),
                    ("en", r#"{"a": "A"}"#),
                ],
            );
            assert_eq!(
                problems,
                vec!["en/demo.json: missing `nested.b` (present in zh-CN)".to_owned()]
            );
        }

        #[test]
        fn empty_texts_and_different_placeholders_are_reported() {
            let problems = translation_problems(
                "demo",
                &[
                    ("en", r#"{"a": "", "n": "{{ count }} lines"}"#),
                    ("zh-CN", r#"{"a": "甲", "n": "{{ total }} 行"}"#),
                ],
            );
            assert_eq!(problems.len(), 2, "{problems:?}");
            assert!(problems[0].contains("`a` is empty"));
            assert!(problems[1].contains("placeholders"));
        }

        #[test]
        fn the_shipped_translations_are_complete() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/locales/en");
            let mut namespaces: Vec<String> = std::fs::read_dir(dir)
                .expect("locales/en")
                .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
                .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
                .collect();
            namespaces.sort();
            assert!(namespaces.len() >= 10, "{namespaces:?}");
            for namespace in &namespaces {
                let read = |locale: &str| {
                    std::fs::read_to_string(format!(
                        "{}/locales/{locale}/{namespace}.json",
                        env!("CARGO_MANIFEST_DIR")
                    ))
                    .expect("translation file")
                };
                let (zh, en) = (read("zh-CN"), read("en"));
                let problems =
                    translation_problems(namespace, &[("zh-CN", zh.as_str()), ("en", en.as_str())]);
                assert!(problems.is_empty(), "{problems:#?}");
            }
        }
    }
}
