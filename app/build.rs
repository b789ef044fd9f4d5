//! Generates the `i18n` module from `locales/{en,zh-CN}/*.json` (leptos_i18n) and fails the
//! build when a key is missing in either language.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

include!("i18n_check.rs");

/// The languages, the first being the one a browser gets when it asks for neither.
const LOCALES: [&str; 2] = ["zh-CN", "en"];

/// One file per part of the app, so that translators (and developers) work on one at a time.
const NAMESPACES: [&str; 13] = [
    "common",
    "shell",
    "admin",
    "rules",
    "sets",
    "monitoring",
    "excel",
    "evaluation",
    "results",
    "whatif",
    "province",
    "charts",
    "portal",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=i18n_check.rs");
    println!("cargo::rerun-if-changed=locales");

    let mut problems = Vec::new();
    for namespace in NAMESPACES {
        let mut texts = Vec::new();
        for locale in LOCALES {
            let path = format!("locales/{locale}/{namespace}.json");
            println!("cargo::rerun-if-changed={path}");
            let text = std::fs::read_to_string(&path)
                .map_err(|err| format!("cannot read {path}: {err}"))?;
            texts.push((locale, text));
        }
        let files: Vec<(&str, &str)> = texts.iter().map(|(l, t)| (*l, t.as_str())).collect();
        problems.extend(translation_problems(namespace, &files));
    }
    if !problems.is_empty() {
        return Err(format!(
            "translations incomplete ({} problems):\n  {}",
            problems.len(),
            problems.join("\n  ")
        )
        .into());
    }

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    let cfg = Config::new(LOCALES[0])?
        .add_locale(LOCALES[1])?
        .add_namespaces(NAMESPACES)?
        // `t_string!`/`t_display!` with `{{ placeholders }}` (attributes, titles, messages).
        .parse_options(ParseOptions::default().interpolate_display(true));
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    translations.generate_i18n_module(out)?;
    Ok(())
}
