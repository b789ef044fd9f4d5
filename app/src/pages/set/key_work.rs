//! The assessment agency's "Add key work target": a target the department's set must
//! contain and may only give points to (the set is started if there is none yet).

use std::str::FromStr;

use jixiao_domain::dto::sets::{Indicator, IndicatorSet};
use jixiao_domain::framework::{Accumulation, Direction, IndicatorOrigin, Level2};
use jixiao_domain::validation::{set_problems, SetContext};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use crate::api::{sets, ApiError};
use crate::components::form::{FormAlert, FormButtons, FormStatus, SelectField, TextField};
use crate::components::set_editor::model::{
    blank_indicator, field_label, name_in, parse_optional, problem_text,
};
use crate::locale::{pick_in, t, t_string, use_i18n, Locale};

/// The options of a select, labelled in `locale`.
fn choices<T: Copy>(
    all: &[T],
    wire: fn(T) -> &'static str,
    zh: fn(T) -> &'static str,
    en: fn(T) -> &'static str,
    locale: Locale,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| {
            (
                wire(*v).to_owned(),
                pick_in(locale, zh(*v), en(*v)).to_owned(),
            )
        })
        .collect()
}

/// The problems of the target itself (not of the set around it), by field name.
pub fn own_problems(indicator: &Indicator) -> Vec<FieldError> {
    set_problems(std::slice::from_ref(indicator), &SetContext::default())
        .into_iter()
        .filter_map(|mut p| {
            let field = p.field.strip_prefix("indicators[0].")?.to_owned();
            p.field = field;
            Some(p)
        })
        .collect()
}

#[component]
pub fn KeyWorkForm(code: String, year: i32, on_added: Callback<IndicatorSet>) -> impl IntoView {
    let i18n = use_i18n();
    let level2 = RwSignal::new(Level2::Quantity.as_str().to_owned());
    let name_zh = RwSignal::new(String::new());
    let name_en = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let direction = RwSignal::new(Direction::HigherBetter.as_str().to_owned());
    let accumulation = RwSignal::new(Accumulation::Cumulative.as_str().to_owned());
    let target = RwSignal::new(String::new());
    let target_text = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<FieldError>::new());
    let error = RwSignal::new(None::<ApiError>);
    // The names of the target just added.
    let done = RwSignal::new(None::<(String, String)>);
    let qualitative = Memo::new(move |_| direction.get() == Direction::Qualitative.as_str());
    let field_error = move |name: &'static str| {
        Signal::derive(move || {
            let locale = i18n.get_locale();
            problems.with(|list| {
                let found: Vec<&str> = list
                    .iter()
                    .filter(|p| p.field == name)
                    .map(|p| problem_text(p, locale))
                    .collect();
                (!found.is_empty()).then(|| found.join("; "))
            })
        })
    };

    let add = Action::new_local(move |indicator: &Indicator| {
        let (code, indicator) = (code.clone(), indicator.clone());
        async move {
            match sets::add_key_work(&code, year, &indicator).await {
                Ok(set) => {
                    for field in [name_zh, name_en, unit, target, target_text] {
                        field.set(String::new());
                    }
                    done.set(Some((indicator.name_zh.clone(), indicator.name_en.clone())));
                    on_added.run(set);
                }
                Err(e) if !e.problems.is_empty() => problems.set(
                    e.problems
                        .iter()
                        .map(|p| {
                            let mut p = p.clone();
                            p.field = p.field.rsplit('.').next().unwrap_or_default().to_owned();
                            p
                        })
                        .collect(),
                ),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        done.set(None);
        let indicator = Indicator {
            origin: IndicatorOrigin::KeyWork,
            level2: Level2::from_str(&level2.get_untracked()).unwrap_or(Level2::Quantity),
            name_zh: name_zh.get_untracked().trim().to_owned(),
            name_en: name_en.get_untracked().trim().to_owned(),
            unit: unit.get_untracked().trim().to_owned(),
            direction: Direction::from_str(&direction.get_untracked())
                .unwrap_or(Direction::HigherBetter),
            accumulation: Accumulation::from_str(&accumulation.get_untracked())
                .unwrap_or(Accumulation::Cumulative),
            target: parse_optional(&target.get_untracked()),
            target_text: Some(target_text.get_untracked().trim().to_owned())
                .filter(|t| !t.is_empty()),
            ..blank_indicator()
        };
        let found = own_problems(&indicator);
        problems.set(found.clone());
        if found.is_empty() {
            add.dispatch_local(indicator);
        }
    };
    let label = move |field: &'static str| {
        Signal::derive(move || field_label(field, i18n.get_locale()).to_owned())
    };
    let select = move |id: &'static str, field: &'static str, value: RwSignal<String>| {
        let options = Signal::derive(move || {
            let locale = i18n.get_locale();
            match field {
                "level2" => choices(
                    Level2::ALL,
                    Level2::as_str,
                    Level2::label_zh,
                    Level2::label_en,
                    locale,
                ),
                "direction" => choices(
                    Direction::ALL,
                    Direction::as_str,
                    Direction::label_zh,
                    Direction::label_en,
                    locale,
                ),
                _ => choices(
                    Accumulation::ALL,
                    Accumulation::as_str,
                    Accumulation::label_zh,
                    Accumulation::label_en,
                    locale,
                ),
            }
        });
        view! { <SelectField id label=label(field) value options error=field_error(field) /> }
    };
    let text = move |id: &'static str, field: &'static str, value: RwSignal<String>| {
        view! {
            <TextField id label=label(field) value autocomplete="off" error=field_error(field) />
        }
    };
    let added = Signal::derive(move || {
        done.get().map(|(zh, en)| {
            let name = name_in(i18n.get_locale(), &zh, &en).to_owned();
            t_string!(i18n, sets.key_work.added, name).to_string()
        })
    });
    let button = Signal::derive(move || t_string!(i18n, sets.key_work.heading).to_owned());

    view! {
        <section class="panel key-work" aria-labelledby="key-work-heading">
            <h2 id="key-work-heading">{t!(i18n, sets.key_work.heading)}</h2>
            <p class="field-hint">{t!(i18n, sets.key_work.hint)}</p>
            <form class="form" aria-labelledby="key-work-heading" on:submit=on_submit>
                <FormAlert error />
                <div class="form-grid">
                    {select("kw-level2", "level2", level2)}
                    {text("kw-name-zh", "name_zh", name_zh)}
                    {text("kw-name-en", "name_en", name_en)}
                    {text("kw-unit", "unit", unit)}
                    {select("kw-direction", "direction", direction)}
                    {select("kw-accumulation", "accumulation", accumulation)}
                    {move || if qualitative.get() {
                        text("kw-target-text", "target_text", target_text).into_any()
                    } else {
                        view! {
                            <TextField id="kw-target" label=label("target") value=target
                                input_type="number" autocomplete="off" error=field_error("target") />
                        }.into_any()
                    }}
                </div>
                <FormButtons pending=add.pending() label=button />
                <FormStatus message=added />
            </form>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_is_checked_on_its_own() {
        let mut indicator = blank_indicator();
        let fields: Vec<String> = own_problems(&indicator)
            .into_iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, ["name_zh", "unit", "target"]);
        indicator.name_zh = "新增学位".into();
        indicator.unit = "个".into();
        indicator.target = Some(100.0);
        assert_eq!(own_problems(&indicator), []);
    }
}
