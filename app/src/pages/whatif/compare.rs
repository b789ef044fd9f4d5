//! Two scenarios side by side: pick each side (now, the inputs as they are, or a saved
//! scenario) and see their totals, grades, money and each indicator's score with the
//! difference. Saved scenarios are computed here, by the same engine, on the same data as the
//! rest of the page. The rows are drawn once per pair; their cells follow the figures.

use jixiao_domain::dto::whatif::{DepartmentWhatIf, Scenario, ScenarioInput};
use jixiao_domain::whatif::department::{project, Projection};
use leptos::prelude::*;

use super::model::{build_changes, compare_rows, form_of, CompareRow, Pick, Problem};
use super::saved::Saved;
use crate::api::{self, ApiError};
use crate::locale::{current, t, t_string, td_string, use_i18n, Locale};

/// Element ids (and names) of the two pickers.
pub const PICK_A_ID: &str = "wi-compare-a";
pub const PICK_B_ID: &str = "wi-compare-b";

#[component]
pub fn Compare(saved: Saved, start: StoredValue<DepartmentWhatIf>) -> impl IntoView {
    let what_if = saved.what_if;
    let i18n = use_i18n();
    let a = RwSignal::new(None::<Pick>);
    let b = RwSignal::new(None::<Pick>);
    let saved_ids = Memo::new(move |_| {
        saved.list.get().and_then(Result::ok).map(|l| {
            l.scenarios
                .iter()
                .map(|s| (s.id, s.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let defaults = Memo::new(move |_| {
        saved_ids
            .get()
            .map(|list| Pick::defaults(&list.iter().map(|(id, _)| *id).collect::<Vec<_>>()))
            .unwrap_or((Pick::Now, Pick::Current))
    });
    // A chosen scenario that was deleted gives way to the default.
    let still_there = move |pick: Pick| match pick {
        Pick::Saved(id) => {
            saved_ids.with(|l| l.as_ref().is_none_or(|l| l.iter().any(|(i, _)| *i == id)))
        }
        _ => true,
    };
    let pick_a = Memo::new(move |_| {
        a.get()
            .filter(|p| still_there(*p))
            .unwrap_or(defaults.get().0)
    });
    let pick_b = Memo::new(move |_| {
        b.get()
            .filter(|p| still_there(*p))
            .unwrap_or(defaults.get().1)
    });
    let fetch = move |pick: Memo<Pick>| {
        LocalResource::new(move || {
            let pick = pick.get();
            async move {
                match pick {
                    Pick::Saved(id) => Some(api::whatif::scenario(id).await),
                    _ => None,
                }
            }
        })
    };
    let (fetched_a, fetched_b) = (fetch(pick_a), fetch(pick_b));
    let side = move |pick: Pick,
                     fetched: Option<Option<Result<Scenario, ApiError>>>,
                     locale: Locale| match pick {
        Pick::Now => Ok(what_if.now.get_value()),
        Pick::Current => Ok(what_if.shown.get()),
        Pick::Saved(_) => match fetched {
            Some(Some(Ok(scenario))) => projection_of(&scenario, &start, locale),
            Some(Some(Err(e))) => Err(e.to_string()),
            _ => Err(td_string!(locale, common.loading).to_owned()),
        },
    };
    let rows = Memo::new(move |_| -> Result<Vec<CompareRow>, String> {
        let locale = current();
        let left = side(pick_a.get(), fetched_a.get(), locale)?;
        let right = side(pick_b.get(), fetched_b.get(), locale)?;
        Ok(start.with_value(|s| compare_rows(&s.indicators, &left, &right, locale)))
    });
    let shape = Memo::new(move |_| rows.with(|r| r.as_ref().map(Vec::len).map_err(Clone::clone)));
    let name_of = move |pick: Pick| match pick {
        Pick::Now => t_string!(i18n, whatif.now).to_owned(),
        Pick::Current => t_string!(i18n, whatif.compare.current).to_owned(),
        Pick::Saved(id) => saved_ids
            .get()
            .and_then(|l| l.into_iter().find(|(i, _)| *i == id).map(|(_, n)| n))
            .unwrap_or_else(|| format!("#{id}")),
    };
    let cell = move |i: usize, pick: fn(&CompareRow) -> String| {
        move || rows.with(|r| r.as_ref().ok().and_then(|r| r.get(i)).map(pick))
    };
    let table = move || match shape.get() {
        Err(message) => view! { <p class="muted" role="status">{message}</p> }.into_any(),
        Ok(count) => {
            let body = (0..count)
                .map(|i| {
                    let delta = move || {
                        rows.with(|r| {
                            r.as_ref().ok().and_then(|r| r.get(i)).map(|row| {
                                view! { <span class=row.diff.trend.class()>{row.diff.text.clone()}</span> }
                            })
                        })
                    };
                    view! {
                        <tr class:wi-compare-key=i < 4>
                            <th scope="row">{cell(i, |r| r.label.clone())}</th>
                            <td class="num" data-label="A">{cell(i, |r| r.a.clone())}</td>
                            <td class="num" data-label="B">{cell(i, |r| r.b.clone())}</td>
                            <td data-label=move || t_string!(i18n, whatif.compare.difference_label)>{delta}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <div class="table-wrap wi-table-wrap">
                    <table class="data-table wi-table wi-compare-table">
                        <caption class="visually-hidden">{t!(i18n, whatif.compare.caption)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, whatif.item)}</th>
                                <th scope="col" class="num">"A: " {move || name_of(pick_a.get())}</th>
                                <th scope="col" class="num">"B: " {move || name_of(pick_b.get())}</th>
                                <th scope="col">{t!(i18n, whatif.compare.difference)} " (B − A)"</th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel wi-panel" aria-labelledby="wi-compare-heading">
            <h2 id="wi-compare-heading">{t!(i18n, whatif.compare.heading)}</h2>
            <p class="field-hint">{t!(i18n, whatif.compare.hint)}</p>
            <div class="wi-compare-picks">
                <PickField id=PICK_A_ID label=|l| td_string!(l, whatif.compare.a) value=pick_a.into() set=a saved_ids />
                <PickField id=PICK_B_ID label=|l| td_string!(l, whatif.compare.b) value=pick_b.into() set=b saved_ids />
            </div>
            {table}
        </section>
    }
}

/// A saved scenario's projection on this page's data (changes for lines or indicators that
/// no longer exist are left out, as when it is opened).
fn projection_of(
    scenario: &Scenario,
    start: &StoredValue<DepartmentWhatIf>,
    locale: Locale,
) -> Result<Projection, String> {
    let ScenarioInput::Department { changes, .. } = &scenario.input else {
        return Err(td_string!(locale, whatif.compare.not_department).to_owned());
    };
    start.with_value(|s| {
        let (form, _) = form_of(&s.baseline, changes);
        project(&s.baseline, &build_changes(&s.baseline, &form))
            .map_err(|e| Problem::new(&e.code, &e.message).text(locale))
    })
}

#[component]
fn PickField(
    id: &'static str,
    /// The label in a language.
    label: fn(Locale) -> &'static str,
    value: Signal<Pick>,
    set: RwSignal<Option<Pick>>,
    saved_ids: Memo<Option<Vec<(i64, String)>>>,
) -> impl IntoView {
    let option = move |pick: Pick, text: String| {
        view! { <option value=pick.value() selected=move || value.get() == pick>{text}</option> }
    };
    let i18n = use_i18n();
    let options = move || {
        let mut views = vec![
            option(Pick::Now, t_string!(i18n, whatif.now).to_owned()),
            option(
                Pick::Current,
                t_string!(i18n, whatif.compare.current).to_owned(),
            ),
        ];
        views.extend(
            saved_ids
                .get()
                .unwrap_or_default()
                .into_iter()
                .map(|(i, name)| option(Pick::Saved(i), name)),
        );
        views
    };
    view! {
        <div class="field">
            <label for=id>{move || label(current())}</label>
            <select id=id name=id
                prop:value=move || value.get().value()
                on:change=move |ev| set.set(Pick::parse(&event_target_value(&ev)))>
                {options}
            </select>
        </div>
    }
}
