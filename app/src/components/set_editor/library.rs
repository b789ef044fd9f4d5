//! "Add from library": search finance's common indicators and the department's sector
//! templates, and append one as a new row.

use jixiao_domain::dto::library::LibraryIndicator;
use jixiao_domain::framework::{Level1, Level2, Sector};
use leptos::prelude::*;

use super::model::from_library;
use super::row::focus_later;
use super::state::SetState;
use crate::api::library::{self, Filters};
use crate::api::ApiError;
use crate::components::loading::Loading;

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
    let q = RwSignal::new(String::new());
    let level2 = RwSignal::new(String::new());
    let added = RwSignal::new(None::<String>);
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
                .map(|l| view! { <option value=l.as_str()>{l.label_zh()} " " {l.label_en()}</option> })
                .collect_view();
            view! { <optgroup label=format!("{} {}", level1.label_zh(), level1.label_en())>{options}</optgroup> }
        })
        .collect_view();
    let list = move || {
        match results.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(error)) => view! { <p class="form-alert" role="alert">{error.message}</p> }.into_any(),
        Some(Ok(found)) if found.is_empty() => view! {
            <p class="empty">"没有符合条件的指标。 " <span lang="en">"No indicators match."</span></p>
        }
        .into_any(),
        Some(Ok(found)) => {
            let items = found
                .into_iter()
                .map(|entry| view! { <LibraryResult state entry added /> })
                .collect_view();
            view! { <ul class="library-results" aria-labelledby="library-heading">{items}</ul> }.into_any()
        }
    }
    };
    view! {
        <section class="library-panel" aria-labelledby="library-heading" on:keydown=on_keydown>
            <div class="section-heading">
                <h3 id="library-heading">"指标库 " <span lang="en">"Indicator library"</span></h3>
                <button type="button" class="button button-small button-secondary" on:click=move |_| close()>
                    "关闭 " <span lang="en">"Close"</span>
                </button>
            </div>
            <form class="library-search" role="search" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
                <div class="field">
                    <label for=SEARCH_ID>"搜索 " <span lang="en">"Search"</span></label>
                    <input id=SEARCH_ID type="search" autocomplete="off"
                        on:input=move |ev| q.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for="library-level2">"二级指标 " <span lang="en">"Level 2"</span></label>
                    <select id="library-level2" on:change=move |ev| level2.set(event_target_value(&ev))>
                        <option value="">"全部 All"</option>
                        {level2_options}
                    </select>
                </div>
            </form>
            <p class="form-status" role="status">{move || added.get()}</p>
            {list}
        </section>
    }
}

/// One search result with its "Add" button.
#[component]
fn LibraryResult(
    state: SetState,
    entry: LibraryIndicator,
    added: RwSignal<Option<String>>,
) -> impl IntoView {
    let id = entry.id;
    let in_set = Memo::new(move |_| {
        state
            .drafts
            .with(|d| d.iter().any(|i| i.library_id == Some(id)))
    });
    let source = match entry.sector {
        None => "共性 Common".to_owned(),
        Some(sector) => format!("{} {}", sector.label_zh(), sector.label_en()),
    };
    let (name_zh, name_en) = (entry.name_zh.clone(), entry.name_en.clone());
    let details = format!(
        "{} {} · {} · {} {}",
        entry.level2.label_zh(),
        entry.level2.label_en(),
        if entry.unit.is_empty() {
            "—"
        } else {
            &entry.unit
        },
        entry.direction.label_zh(),
        entry.direction.label_en(),
    );
    let button_name = name_zh.clone();
    let add = move |_| {
        state.push(from_library(&entry));
        added.set(Some(format!("已添加 Added: {}", entry.name_zh)));
    };
    view! {
        <li class="library-result">
            <div class="library-result-text">
                <span class="name-zh">{name_zh}</span>
                <span class="name-en" lang="en">{name_en}</span>
                <span class="library-meta">
                    <span class="tag">{source}</span> " " {details}
                </span>
            </div>
            <button type="button" class="button button-small" disabled=move || in_set.get() on:click=add>
                {move || if in_set.get() { "已添加 " } else { "添加 " }}
                <span lang="en">{move || if in_set.get() { "Added" } else { "Add" }}</span>
                <span class="visually-hidden">{format!(" {button_name}")}</span>
            </button>
        </li>
    }
}
