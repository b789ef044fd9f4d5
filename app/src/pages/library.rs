//! `/library` (everyone): finance's indicator library — common (共性) indicators and sector
//! templates — searched by words, sector and level 2. Finance adds and edits templates and
//! withdraws or restores them (withdrawn entries are hidden unless asked for).

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::library::{LibraryIndicator, LibraryList};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::library::Filters;
use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::fetched::fetched;
use crate::components::focus::focus_later;
use crate::components::form::{FormStatus, SelectField, TextField};
use crate::components::guard::access_error;
use crate::components::library_form::{sector_options, with_active, Level2Select, LibraryForm};
use crate::components::stale::WriteAlert;
use crate::locale::{pick, pick_in, t, t_string, td_string, use_i18n};

/// Which editor is open, if any.
#[derive(Debug, Clone, PartialEq)]
enum Panel {
    New,
    Edit(LibraryIndicator),
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let can_curate = Signal::derive(move || auth.can(Capability::ManageLibrary));

    let q = RwSignal::new(String::new());
    let sector = RwSignal::new(String::new());
    let level2 = RwSignal::new(String::new());
    let include_inactive = RwSignal::new(false);
    let applied = RwSignal::new(Filters::default());
    let results = LocalResource::new(move || api::library::list(applied.get()));

    // The choices apply at once; the words when the search is submitted.
    Effect::new(move |_| {
        let next = Filters {
            q: applied.with_untracked(|f| f.q.clone()),
            sector: sector.get(),
            level2: level2.get(),
            include_inactive: include_inactive.get() && can_curate.get(),
        };
        if applied.with_untracked(|f| *f != next) {
            applied.set(next);
        }
    });
    let on_search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let next = Filters {
            q: q.get_untracked().trim().to_owned(),
            ..applied.get_untracked()
        };
        if applied.with_untracked(|f| *f == next) {
            results.refetch();
        } else {
            applied.set(next);
        }
    };
    let on_clear = move |_| {
        q.set(String::new());
        sector.set(String::new());
        level2.set(String::new());
        include_inactive.set(false);
        applied.set(Filters::default());
    };

    let panel = RwSignal::new(None::<Panel>);
    let status = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let changed = move |message: String| {
        status.set(Some(message));
        panel.set(None);
        results.refetch();
    };
    let toggle = Action::new_local(move |entry: &LibraryIndicator| {
        let (id, restore) = (entry.id, !entry.active);
        let locale = i18n.get_locale_untracked();
        let name = pick_in(locale, &entry.name_zh, &entry.name_en).to_owned();
        let body = with_active(entry, restore);
        async move {
            match api::library::update(id, body).await {
                Ok(_) if restore => {
                    changed(td_string!(locale, admin.library.restored, name = name).to_string())
                }
                Ok(_) => {
                    changed(td_string!(locale, admin.library.withdrew, name = name).to_string())
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let open = Callback::new(move |next: Panel| {
        status.set(None);
        error.set(None);
        panel.set(Some(next));
        focus_later("lib_name_zh".to_owned());
    });
    let on_toggle = Callback::new(move |entry: LibraryIndicator| {
        status.set(None);
        error.set(None);
        toggle.dispatch_local(entry);
    });
    // A withdraw or restore refused as stale: show the list as it is now.
    let on_reload = Callback::new(move |_: ApiError| {
        error.set(None);
        results.refetch();
    });

    // What was saved, named in the language the page is read in.
    let saved_name = move |e: &LibraryIndicator| {
        pick_in(i18n.get_locale_untracked(), &e.name_zh, &e.name_en).to_owned()
    };
    let panel_view = move || {
        let cancel = Callback::new(move |()| panel.set(None));
        panel.get().map(|open| match open {
            Panel::New => {
                let on_saved = Callback::new(move |e: LibraryIndicator| {
                    let locale = i18n.get_locale_untracked();
                    let name = saved_name(&e);
                    changed(td_string!(locale, admin.library.added, name = name).to_string())
                });
                view! {
                    <section class="panel" aria-labelledby="library-panel-heading">
                        <h2 id="library-panel-heading">{t!(i18n, admin.library.new_template)}</h2>
                        <LibraryForm labelled_by="library-panel-heading" on_saved on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
            Panel::Edit(entry) => {
                let (zh, en) = (entry.name_zh.clone(), entry.name_en.clone());
                let heading = move || pick(&zh, &en).to_owned();
                let on_saved = Callback::new(move |e: LibraryIndicator| {
                    let locale = i18n.get_locale_untracked();
                    let name = saved_name(&e);
                    changed(td_string!(locale, admin.library.saved, name = name).to_string())
                });
                view! {
                    <section class="panel" aria-labelledby="library-panel-heading">
                        <h2 id="library-panel-heading">
                            {t!(i18n, admin.library.edit_heading, name = heading)}
                        </h2>
                        <LibraryForm labelled_by="library-panel-heading" entry on_saved on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
        })
    };

    let sectors = move || {
        let mut sectors = vec![(String::new(), t_string!(i18n, common.all).to_owned())];
        sectors.extend(sector_options(i18n.get_locale()));
        sectors
    };

    view! {
        <Title text=move || t_string!(i18n, admin.library.title).to_string() />
        <div class="page">
            <header class="page-header">
                <h1>{t!(i18n, admin.library.title)}</h1>
                <p class="lead">{t!(i18n, admin.library.lead)}</p>
            </header>
            <section class="panel" aria-labelledby="library-search-heading">
                <h2 id="library-search-heading">{t!(i18n, admin.library.find)}</h2>
                <form class="form" role="search" aria-labelledby="library-search-heading" on:submit=on_search>
                    <div class="form-grid form-grid-top">
                        <TextField id="library_q" label=move || t_string!(i18n, admin.library.keywords)
                            value=q input_type="search" autocomplete="off"
                            hint=move || t_string!(i18n, admin.library.keywords_hint) />
                        <SelectField id="library_sector" label=move || t_string!(i18n, admin.library.applies_to)
                            value=sector options=sectors />
                        <Level2Select id="library_level2" label=move || t_string!(i18n, admin.library.level2)
                            value=level2 any=true />
                        {move || can_curate.get().then(|| view! {
                            <div class="field field-check">
                                <input id="library_inactive" type="checkbox" bind:checked=include_inactive />
                                <label for="library_inactive">
                                    {t!(i18n, admin.library.include_withdrawn)}
                                </label>
                            </div>
                        })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button">{t!(i18n, admin.library.search)}</button>
                        <button type="button" class="button button-secondary" on:click=on_clear>
                            {t!(i18n, admin.library.clear)}
                        </button>
                    </div>
                </form>
            </section>
            <FormStatus message=status.into() />
            <WriteAlert error on_reload claimed=|_| false />
            {panel_view}
            <section class="panel" aria-labelledby="library-results-heading">
                <div class="section-heading">
                    <h2 id="library-results-heading">{t!(i18n, admin.library.indicators)}</h2>
                    {move || can_curate.get().then(|| view! {
                        <button type="button" class="button button-small" on:click=move |_| open.run(Panel::New)>
                            {t!(i18n, admin.library.new_template)}
                        </button>
                    })}
                </div>
                {fetched(
                    results,
                    move |list: LibraryList| view! {
                        <LibraryTable indicators=list.indicators can_curate on_edit=open on_toggle
                            busy=toggle.pending() />
                    },
                    access_error,
                )}
            </section>
        </div>
    }
}

#[component]
fn LibraryTable(
    indicators: Vec<LibraryIndicator>,
    can_curate: Signal<bool>,
    on_edit: Callback<Panel>,
    on_toggle: Callback<LibraryIndicator>,
    busy: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = indicators.len();
    let count = view! {
        <p class="result-count" role="status">
            {t!(i18n, admin.library.count, count = n)}
        </p>
    };
    if indicators.is_empty() {
        return view! {
            {count}
            <p class="empty">{t!(i18n, admin.library.none)}</p>
        }
        .into_any();
    }
    let rows = indicators
        .into_iter()
        .map(|entry| view! { <LibraryRow entry can_curate on_edit on_toggle busy /> })
        .collect_view();
    view! {
        {count}
        <div class="table-wrap library-wrap" role="region" aria-labelledby="library-results-heading" tabindex="0">
            <table class="data-table library-table">
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, admin.library.name)}</th>
                        <th scope="col">{t!(i18n, admin.library.levels)}</th>
                        <th scope="col">{t!(i18n, admin.library.unit_short)}</th>
                        <th scope="col">{t!(i18n, admin.library.direction_short)}</th>
                        <th scope="col">{t!(i18n, admin.library.accumulation)}</th>
                        <th scope="col">{t!(i18n, admin.library.applies_to)}</th>
                        <th scope="col">{t!(i18n, admin.library.description_short)}</th>
                        <th scope="col">{t!(i18n, admin.library.data_source)}</th>
                        {move || can_curate.get().then(|| view! {
                            <th scope="col">{t!(i18n, admin.library.actions)}</th>
                        })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// A cell's content, or a muted dash when blank.
fn or_dash(text: String) -> AnyView {
    if text.trim().is_empty() {
        view! { <span class="muted">"—"</span> }.into_any()
    } else {
        text.into_any()
    }
}

#[component]
fn LibraryRow(
    entry: LibraryIndicator,
    can_curate: Signal<bool>,
    on_edit: Callback<Panel>,
    on_toggle: Callback<LibraryIndicator>,
    busy: Memo<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let level2 = entry.level2;
    let level1 = level2.level1();
    let sector = match entry.sector {
        Some(s) => (move || pick(s.label_zh(), s.label_en())).into_any(),
        None => view! {
            <span class="badge origin-common">{t!(i18n, admin.library.common)}</span>
        }
        .into_any(),
    };
    let active = entry.active;
    let (name_zh, name_en) = (entry.name_zh.clone(), entry.name_en.clone());
    let name = move || pick(&name_zh, &name_en).to_owned();
    let (direction, accumulation) = (entry.direction, entry.accumulation);
    let actions = {
        let entry = entry.clone();
        let name = name.clone();
        move || {
            can_curate.get().then(|| {
                let (for_edit, for_toggle) = (entry.clone(), entry.clone());
                let name = name.clone();
                view! {
                    <td data-label=move || t_string!(i18n, admin.library.actions) class="span">
                        <div class="row-actions">
                            <button type="button" class="button button-small button-secondary"
                                on:click=move |_| on_edit.run(Panel::Edit(for_edit.clone()))>
                                {t!(i18n, common.edit)}
                                <span class="visually-hidden">{let name = name.clone(); move || format!(" {}", name())}</span>
                            </button>
                            <button type="button" class="button button-small button-secondary"
                                disabled=move || busy.get()
                                on:click=move |_| on_toggle.run(for_toggle.clone())>
                                {move || if active {
                                    t_string!(i18n, admin.library.withdraw)
                                } else {
                                    t_string!(i18n, admin.library.restore)
                                }}
                                <span class="visually-hidden">{move || format!(" {}", name())}</span>
                            </button>
                        </div>
                    </td>
                }
            })
        }
    };
    view! {
        <tr class:row-disabled=!entry.active>
            <th scope="row" data-label=move || t_string!(i18n, admin.library.name)>
                {name.clone()}
                {(!active).then(|| view! {
                    <span class="badge state-disabled">{t!(i18n, admin.library.withdrawn)}</span>
                })}
            </th>
            <td data-label=move || t_string!(i18n, admin.library.levels)>
                {move || format!(
                    "{} / {}",
                    pick(level1.label_zh(), level1.label_en()),
                    pick(level2.label_zh(), level2.label_en())
                )}
            </td>
            <td data-label=move || t_string!(i18n, admin.library.unit_short)>{or_dash(entry.unit.clone())}</td>
            <td data-label=move || t_string!(i18n, admin.library.direction_short)>
                {move || pick(direction.label_zh(), direction.label_en())}
            </td>
            <td data-label=move || t_string!(i18n, admin.library.accumulation)>
                {move || pick(accumulation.label_zh(), accumulation.label_en())}
            </td>
            <td data-label=move || t_string!(i18n, admin.library.applies_to) class="span">{sector}</td>
            <td data-label=move || t_string!(i18n, admin.library.description_short) class="wide span">
                {or_dash(entry.description.clone())}
            </td>
            <td data-label=move || t_string!(i18n, admin.library.data_source) class="span">
                {or_dash(entry.data_source.clone())}
            </td>
            {actions}
        </tr>
    }
}
