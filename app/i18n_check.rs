// Shared by `build.rs` (which fails the build) and a unit test (which shows the check can
// fail): every translation key must exist in every language, with the same `{{ var }}`
// placeholders, and no translation may be empty.

/// Every leaf key of a translation file as `a.b.c`, with its text.
fn flatten_keys(
    prefix: &str,
    value: &serde_json::Value,
    out: &mut std::collections::BTreeMap<String, String>,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                flatten_keys(&path, child, out);
            }
        }
        serde_json::Value::String(text) => {
            out.insert(prefix.to_owned(), text.clone());
        }
        other => {
            out.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// The `{{ name }}` placeholders of a text, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split("{{")
        .skip(1)
        .filter_map(|rest| rest.split_once("}}"))
        .map(|(name, _)| name.trim().to_owned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Compares the files of one namespace: `(language, JSON text)` pairs. Returns one line per
/// problem, empty when the languages agree.
fn translation_problems(namespace: &str, files: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut parsed = Vec::new();
    for (language, text) in files {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) => {
                let mut keys = std::collections::BTreeMap::new();
                flatten_keys("", &value, &mut keys);
                parsed.push((*language, keys));
            }
            Err(err) => problems.push(format!("{language}/{namespace}.json: not JSON: {err}")),
        }
    }
    for (language, keys) in &parsed {
        for (key, text) in keys {
            if text.trim().is_empty() {
                problems.push(format!("{language}/{namespace}.json: `{key}` is empty"));
            }
        }
        for (other, other_keys) in &parsed {
            if other == language {
                continue;
            }
            for (key, text) in keys {
                match other_keys.get(key) {
                    None => problems.push(format!(
                        "{other}/{namespace}.json: missing `{key}` (present in {language})"
                    )),
                    Some(other_text) if language < other => {
                        if placeholders(text) != placeholders(other_text) {
                            problems.push(format!(
                                "{namespace}: `{key}` has placeholders {:?} in {language} but {:?} in {other}",
                                placeholders(text),
                                placeholders(other_text)
                            ));
                        }
                    }
                    Some(_) => {}
                }
            }
        }
    }
    problems
}
