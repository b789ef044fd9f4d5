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
use crate::components::set_editor::model::{blank_indicator, parse_optional, problem_zh};

fn choices<T: Copy>(
    all: &[T],
    wire: fn(T) -> &'static str,
    zh: fn(T) -> &'static str,
    en: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (wire(*v).to_owned(), format!("{} {}", zh(*v), en(*v))))
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
    let done = RwSignal::new(None::<String>);
    let qualitative = Memo::new(move |_| direction.get() == Direction::Qualitative.as_str());
    let field = move |name: &'static str| {
        Signal::derive(move || {
            problems.with(|list| {
                let found: Vec<String> = list
                    .iter()
                    .filter(|p| p.field == name)
                    .map(|p| format!("{} {}", problem_zh(&p.code), p.message))
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
                    done.set(Some(format!("已添加 Added: {}", indicator.name_zh)));
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
    let level2_choices = choices(
        Level2::ALL,
        Level2::as_str,
        Level2::label_zh,
        Level2::label_en,
    );
    let direction_choices = choices(
        Direction::ALL,
        Direction::as_str,
        Direction::label_zh,
        Direction::label_en,
    );
    let accumulation_choices = choices(
        Accumulation::ALL,
        Accumulation::as_str,
        Accumulation::label_zh,
        Accumulation::label_en,
    );

    view! {
        <section class="panel key-work" aria-labelledby="key-work-heading">
            <h2 id="key-work-heading">"添加重点工作目标 " <span lang="en">"Add key work target"</span></h2>
            <p class="field-hint">
                "部门只能调整其分值和位置。 " <span lang="en">"The department can only change its points and position."</span>
            </p>
            <form class="form" aria-labelledby="key-work-heading" on:submit=on_submit>
                <FormAlert error />
                <div class="form-grid">
                    <SelectField id="kw-level2" label_zh="二级指标" label_en="Level 2" value=level2 options=level2_choices />
                    <TextField id="kw-name-zh" label_zh="中文名称" label_en="Chinese name" value=name_zh
                        autocomplete="off" error=field("name_zh") />
                    <TextField id="kw-name-en" label_zh="英文名称" label_en="English name" value=name_en
                        autocomplete="off" error=field("name_en") />
                    <TextField id="kw-unit" label_zh="计量单位" label_en="Unit" value=unit
                        autocomplete="off" error=field("unit") />
                    <SelectField id="kw-direction" label_zh="方向" label_en="Direction" value=direction
                        options=direction_choices error=field("direction") />
                    <SelectField id="kw-accumulation" label_zh="累计方式" label_en="Accumulation"
                        value=accumulation options=accumulation_choices />
                    {move || if qualitative.get() {
                        view! {
                            <TextField id="kw-target-text" label_zh="达成标准" label_en="What achieved means"
                                value=target_text autocomplete="off" error=field("target_text") />
                        }.into_any()
                    } else {
                        view! {
                            <TextField id="kw-target" label_zh="目标值" label_en="Target" value=target
                                input_type="number" autocomplete="off" error=field("target") />
                        }.into_any()
                    }}
                </div>
                <FormButtons pending=add.pending() label_zh="添加重点工作目标" label_en="Add key work target" />
                <FormStatus message=Signal::from(done) />
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
