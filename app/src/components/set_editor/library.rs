//! "Add from library": search finance's common indicators and the department's sector
//! templates, and append one as a new row.

use jixiao_domain::dto::library::LibraryIndicator;
use jixiao_domain::framework::{Level1, Level2, Sector};
use leptos::prelude::*;

use super::model::{from_library, name_in};
use super::row::focus_later;
use super::state::SetState;
use crate::api::library::{self, Filters};
use crate::api::ApiError;
use crate::components::loading::Loading;
use crate::locale::{current, pick, t, t_string, use_i18n};

/// Id of the button that opens the panel (focus returns there).
pub const OPEN_LIBRARY_ID: &str = "add-from-library";
const SEARCH_ID: &str = "library-q";

/// The common entries and the sector's templates matching `q` and `level2`.
async fn search(
    q: String,
    level2: String,
    sector: Option<Sector>,
) -> Result<Vec<LibraryIndicator>, ApiError> {
    let filters = |sector: &str| Filters {
        q: q.clone(),
        sector: sector.to_owned(),
        level2: level2.clone(),
        include_inactive: false,
    };
    let mut found = library::list(filters("common")).await?.indicators;
    if let Some(sector) = sector {
        found.extend(library::list(filters(sector.as_str())).await?.indicators);
    }
    Ok(found)
}

/// The panel; `on_close` hides it.
#[component]
pub fn LibraryPicker(
    state: SetState,
    sector: Option<Sector>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let q = RwSignal::new(String::new());
    let level2 = RwSignal::new(String::new());
    let added = RwSignal::new(None::<(String, String)>);
    let results = LocalResource::new(move || search(q.get(), level2.get(), sector));
    focus_later(vec![SEARCH_ID.to_owned()]);
    let close = move || {
        on_close.run(());
        focus_later(vec![OPEN_LIBRARY_ID.to_owned()]);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            close();
        }
    };
    let level2_options = Level1::ALL
        .iter()
        .map(|level1| {
            let options = Level2::ALL
                .iter()
                .filter(|l| l.level1() == *level1)
                .map(|l| view! { <option value=l.as_str()>{move || pick(l.label_zh(), l.label_en())}</option> })
                .collect_view();
            view! {
                <optgroup label=move || pick(level1.label_zh(), level1.label_en()).to_owned()>
                    {options}
                </optgroup>
            }
        })
        .collect_view();
    let list = move || match results.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => {
            view! { <p class="form-alert" role="alert">{error.message}</p> }.into_any()
        }
        Some(Ok(found)) if found.is_empty() => view! {
            <p class="empty">{t!(i18n, sets.library.empty)}</p>
        }
        .into_any(),
        Some(Ok(found)) => {
            let items = found
                .into_iter()
                .map(|entry| view! { <LibraryResult state entry added /> })
                .collect_view();
            view! { <ul class="library-results" aria-labelledby="library-heading">{items}</ul> }
                .into_any()
        }
    };
    view! {
        <section class="library-panel" aria-labelledby="library-heading" on:keydown=on_keydown>
            <div class="section-heading">
                <h3 id="library-heading">{t!(i18n, sets.library.heading)}</h3>
                <button type="button" class="button button-small button-secondary" on:click=move |_| close()>
                    {t!(i18n, common.close)}
                </button>
            </div>
            <form class="library-search" role="search" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <div class="field">
                    <label for=SEARCH_ID>{t!(i18n, sets.library.search)}</label>
                    <input id=SEARCH_ID type="search" autocomplete="off"
                        on:input=move |ev| q.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="library-level2">{t!(i18n, sets.library.level2)}</label>
                    <select id="library-level2" on:change=move |ev| level2.set(event_target_value(&ev))>
                        <option value="">{t!(i18n, common.all)}</option>
                        {level2_options}
                    </select>
                </div>
            </form>
            <p class="form-status" role="status">
                {move || added.get().map(|(zh, en)| {
                    let name = name_in(i18n.get_locale(), &zh, &en).to_owned();
                    t_string!(i18n, sets.library.added_status, name).to_string()
                })}
            </p>
            {list}
        </section>
    }
}

/// One search result with its "Add" button.
#[component]
fn LibraryResult(
    state: SetState,
    entry: LibraryIndicator,
    added: RwSignal<Option<(String, String)>>,
) -> impl IntoView {
    let id = entry.id;
    let in_set = Memo::new(move |_| {
        state
            .drafts
            .with(|d| d.iter().any(|i| i.library_id == Some(id)))
    });
    let i18n = use_i18n();
    let sector = entry.sector;
    let source = move || match sector {
        None => t_string!(i18n, sets.library.common),
        Some(sector) => pick(sector.label_zh(), sector.label_en()),
    };
    let (name_zh, name_en) = (entry.name_zh.clone(), entry.name_en.clone());
    let name = move || name_in(current(), &name_zh, &name_en).to_owned();
    let (level2, direction) = (entry.level2, entry.direction);
    let unit = if entry.unit.is_empty() {
        "—".to_owned()
    } else {
        entry.unit.clone()
    };
    let details = move || {
        format!(
            "{} · {unit} · {}",
            pick(level2.label_zh(), level2.label_en()),
            pick(direction.label_zh(), direction.label_en()),
        )
    };
    let button_name = name.clone();
    let add = move |_| {
        state.push(from_library(&entry));
        added.set(Some((entry.name_zh.clone(), entry.name_en.clone())));
    };
    view! {
        <li class="library-result">
            <div class="library-result-text">
                <span class="name-zh">{name}</span>
                <span class="library-meta">
                    <span class="tag">{source}</span> " " {details}
                </span>
            </div>
            <button type="button" class="button button-small" disabled=move || in_set.get() on:click=add>
                {move || if in_set.get() {
                    t_string!(i18n, sets.library.added)
                } else {
                    t_string!(i18n, sets.library.add)
                }}
                <span class="visually-hidden">{move || format!(" {}", button_name())}</span>
            </button>
        </li>
    }
}
