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

/// Which editor is open, if any.
#[derive(Debug, Clone, PartialEq)]
enum Panel {
    New,
    Edit(LibraryIndicator),
}

#[component]
pub fn LibraryPage() -> impl IntoView {
    let auth = use_auth();
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
        let (id, name, restore) = (entry.id, entry.name_zh.clone(), !entry.active);
        let body = with_active(entry, restore);
        async move {
            match api::library::update(id, body).await {
                Ok(_) if restore => changed(format!("已启用 {name}。 Restored {name}.")),
                Ok(_) => changed(format!("已停用 {name}。 Withdrew {name}.")),
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

    let panel_view = move || {
        let cancel = Callback::new(move |()| panel.set(None));
        panel.get().map(|open| match open {
            Panel::New => {
                let on_saved = Callback::new(move |e: LibraryIndicator| {
                    changed(format!("已新增 {0}。 Added {0}.", e.name_zh))
                });
                view! {
                    <section class="panel" aria-labelledby="library-panel-heading">
                        <h2 id="library-panel-heading">"新增模板 " <span lang="en">"New template"</span></h2>
                        <LibraryForm labelled_by="library-panel-heading" on_saved on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
            Panel::Edit(entry) => {
                let heading = format!("编辑 {0} Edit {0}", entry.name_zh);
                let on_saved = Callback::new(move |e: LibraryIndicator| {
                    changed(format!("已保存 {0}。 Saved {0}.", e.name_zh))
                });
                view! {
                    <section class="panel" aria-labelledby="library-panel-heading">
                        <h2 id="library-panel-heading">{heading}</h2>
                        <LibraryForm labelled_by="library-panel-heading" entry on_saved on_cancel=cancel />
                    </section>
                }
                .into_any()
            }
        })
    };

    let mut sectors = vec![(String::new(), "全部 All".to_owned())];
    sectors.extend(sector_options());

    view! {
        <Title text="指标库 Indicator library" />
        <div class="page">
            <header class="page-header">
                <h1>"指标库 " <span class="h1-en" lang="en">"Indicator library"</span></h1>
                <p class="lead">
                    "财政部门维护的共性指标和行业模板，各部门编制指标集时从中选用。 "
                    <span lang="en">
                        "Common indicators and sector templates kept by finance, for departments to \
                         pick from when drafting their indicator sets."
                    </span>
                </p>
            </header>
            <section class="panel" aria-labelledby="library-search-heading">
                <h2 id="library-search-heading">"查找 " <span lang="en">"Find"</span></h2>
                <form class="form" role="search" aria-labelledby="library-search-heading" on:submit=on_search>
                    <div class="form-grid form-grid-top">
                        <TextField id="library_q" label_zh="关键词" label_en="Keywords" value=q
                            input_type="search" autocomplete="off"
                            hint="在名称和说明中查找。 Searches names and descriptions." />
                        <SelectField id="library_sector" label_zh="适用范围" label_en="Applies to"
                            value=sector options=sectors />
                        <Level2Select id="library_level2" label_zh="二级指标" label_en="Level 2"
                            value=level2 any=true />
                        {move || can_curate.get().then(|| view! {
                            <div class="field field-check">
                                <input id="library_inactive" type="checkbox" bind:checked=include_inactive />
                                <label for="library_inactive">
                                    "包含已停用的 " <span lang="en">"Include withdrawn entries"</span>
                                </label>
                            </div>
                        })}
                    </div>
                    <div class="form-actions">
                        <button type="submit" class="button">"搜索 " <span lang="en">"Search"</span></button>
                        <button type="button" class="button button-secondary" on:click=on_clear>
                            "清除 " <span lang="en">"Clear"</span>
                        </button>
                    </div>
                </form>
            </section>
            <FormStatus message=status.into() />
            <WriteAlert error on_reload claimed=|_| false />
            {panel_view}
            <section class="panel" aria-labelledby="library-results-heading">
                <div class="section-heading">
                    <h2 id="library-results-heading">"指标 " <span lang="en">"Indicators"</span></h2>
                    {move || can_curate.get().then(|| view! {
                        <button type="button" class="button button-small" on:click=move |_| open.run(Panel::New)>
                            "新增模板 " <span lang="en">"New template"</span>
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
    let n = indicators.len();
    let count = view! {
        <p class="result-count" role="status">
            {format!("共 {n} 条。 ")} <span lang="en">{format!("{n} entries.")}</span>
        </p>
    };
    if indicators.is_empty() {
        return view! {
            {count}
            <p class="empty">"没有符合条件的指标。 " <span lang="en">"No indicators match."</span></p>
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
                        <th scope="col">"名称 " <span lang="en">"Name"</span></th>
                        <th scope="col">"一级 / 二级 " <span lang="en">"Level 1 / 2"</span></th>
                        <th scope="col">"单位 " <span lang="en">"Unit"</span></th>
                        <th scope="col">"方向 " <span lang="en">"Direction"</span></th>
                        <th scope="col">"累计方式 " <span lang="en">"Accumulation"</span></th>
                        <th scope="col">"适用范围 " <span lang="en">"Applies to"</span></th>
                        <th scope="col">"说明 " <span lang="en">"Description"</span></th>
                        <th scope="col">"数据来源 " <span lang="en">"Data source"</span></th>
                        {move || can_curate.get().then(|| view! {
                            <th scope="col">"操作 " <span lang="en">"Actions"</span></th>
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
    let level2 = entry.level2;
    let level1 = level2.level1();
    let sector = match entry.sector {
        Some(s) => view! { {s.label_zh()} " " <span lang="en">{s.label_en()}</span> }.into_any(),
        None => view! {
            <span class="badge origin-common">"共性 " <span lang="en">"Common"</span></span>
        }
        .into_any(),
    };
    let (toggle_zh, toggle_en) = if entry.active {
        ("停用", "Withdraw")
    } else {
        ("启用", "Restore")
    };
    let name = entry.name_zh.clone();
    let actions = {
        let entry = entry.clone();
        move || {
            can_curate.get().then(|| {
                let (for_edit, for_toggle) = (entry.clone(), entry.clone());
                let name = name.clone();
                view! {
                    <td data-label="操作 Actions" class="span">
                        <div class="row-actions">
                            <button type="button" class="button button-small button-secondary"
                                on:click=move |_| on_edit.run(Panel::Edit(for_edit.clone()))>
                                "编辑 " <span lang="en">"Edit"</span>
                                <span class="visually-hidden">{format!(" {name}")}</span>
                            </button>
                            <button type="button" class="button button-small button-secondary"
                                disabled=move || busy.get()
                                on:click=move |_| on_toggle.run(for_toggle.clone())>
                                {toggle_zh} " " <span lang="en">{toggle_en}</span>
                                <span class="visually-hidden">{format!(" {name}")}</span>
                            </button>
                        </div>
                    </td>
                }
            })
        }
    };
    view! {
        <tr class:row-disabled=!entry.active>
            <th scope="row" data-label="名称 Name">
                <span class="name-zh">{entry.name_zh.clone()}</span>
                <span class="name-en" lang="en">{entry.name_en.clone()}</span>
                {(!entry.active).then(|| view! {
                    <span class="badge state-disabled">"已停用 " <span lang="en">"Withdrawn"</span></span>
                })}
            </th>
            <td data-label="一级 / 二级 Level 1 / 2">
                <span class="name-zh">{format!("{} / {}", level1.label_zh(), level2.label_zh())}</span>
                <span class="name-en" lang="en">{format!("{} / {}", level1.label_en(), level2.label_en())}</span>
            </td>
            <td data-label="单位 Unit">{or_dash(entry.unit.clone())}</td>
            <td data-label="方向 Direction">
                {entry.direction.label_zh()} " " <span lang="en">{entry.direction.label_en()}</span>
            </td>
            <td data-label="累计方式 Accumulation">
                {entry.accumulation.label_zh()} " " <span lang="en">{entry.accumulation.label_en()}</span>
            </td>
            <td data-label="适用范围 Applies to" class="span">{sector}</td>
            <td data-label="说明 Description" class="wide span">{or_dash(entry.description.clone())}</td>
            <td data-label="数据来源 Data source" class="span">{or_dash(entry.data_source.clone())}</td>
            {actions}
        </tr>
    }
}
