//! Finance's form for one library entry, the same for a new template and an edit; and the
//! choices both the form and the library's filters offer (sectors, level 2 grouped by level 1).

use std::str::FromStr;

use jixiao_domain::dto::library::{LibraryEntry, LibraryIndicator};
use jixiao_domain::framework::{Accumulation, Direction, Level1, Level2, Sector};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus::focus_later;
use crate::components::form::{field_error, FormButtons, SelectField, TextField};
use crate::components::rules_form::local_error;
use crate::components::stale::{stale_current, WriteAlert};
use crate::locale::{pick, pick_in, t_string, td_string, use_i18n, Locale};

/// The wire value of "common" (共性) wherever a sector is chosen.
pub const COMMON: &str = "common";

/// (value, label) of "common" and every sector, in `locale`.
pub fn sector_options(locale: Locale) -> Vec<(String, String)> {
    let common = td_string!(locale, admin.library.common).to_owned();
    let mut options = vec![(COMMON.to_owned(), common)];
    options.extend(Sector::ALL.iter().map(|s| {
        (
            s.as_str().to_owned(),
            pick_in(locale, s.label_zh(), s.label_en()).to_owned(),
        )
    }));
    options
}

/// (value, label) of every item of a domain choice, in `locale`.
fn labelled<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    zh: fn(T) -> &'static str,
    en: fn(T) -> &'static str,
    locale: Locale,
) -> Vec<(String, String)> {
    all.iter()
        .map(|item| {
            (
                value(*item).to_owned(),
                pick_in(locale, zh(*item), en(*item)).to_owned(),
            )
        })
        .collect()
}

/// `<label>` + `<select>` of every level 2, grouped under its level 1; `any` adds a first
/// "all" choice (value "").
#[component]
pub fn Level2Select(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional)] any: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let option = move |wire: &'static str, label: Signal<String>| {
        view! {
            <option value=wire selected=move || value.with(|v| v == wire)>{move || label.get()}</option>
        }
    };
    let groups = Level1::ALL
        .iter()
        .map(|level1| {
            let options = Level2::ALL
                .iter()
                .filter(|level2| level2.level1() == *level1)
                .map(|level2| {
                    let level2 = *level2;
                    let label = move || pick(level2.label_zh(), level2.label_en()).to_owned();
                    option(level2.as_str(), Signal::derive(label))
                })
                .collect_view();
            let level1 = *level1;
            view! {
                <optgroup label=move || pick(level1.label_zh(), level1.label_en())>{options}</optgroup>
            }
        })
        .collect_view();
    let all = Signal::derive(move || t_string!(i18n, common.all).to_owned());
    view! {
        <div class="field">
            <label for=id>{move || label.get()}</label>
            <select id=id name=id on:change=move |ev| value.set(event_target_value(&ev))>
                {any.then(|| option("", all))}
                {groups}
            </select>
        </div>
    }
}

/// `<label>` + `<textarea>` bound to `value`.
#[component]
fn TextAreaField(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
) -> impl IntoView {
    view! {
        <div class="field field-wide">
            <label for=id>{move || label.get()}</label>
            <textarea id=id name=id rows="3" bind:value=value></textarea>
        </div>
    }
}

/// The form's text, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryText {
    pub name_zh: String,
    pub name_en: String,
    /// [`COMMON`] or a sector's wire name.
    pub sector: String,
    pub level2: String,
    pub unit: String,
    pub direction: String,
    pub accumulation: String,
    pub description: String,
    pub data_source: String,
}

impl EntryText {
    pub fn of(entry: &LibraryIndicator) -> Self {
        Self {
            name_zh: entry.name_zh.clone(),
            name_en: entry.name_en.clone(),
            sector: entry.sector.map_or(COMMON, Sector::as_str).to_owned(),
            level2: entry.level2.as_str().to_owned(),
            unit: entry.unit.clone(),
            direction: entry.direction.as_str().to_owned(),
            accumulation: entry.accumulation.as_str().to_owned(),
            description: entry.description.clone(),
            data_source: entry.data_source.clone(),
        }
    }

    /// A new template's starting point: common, output quantity, higher is better.
    pub fn blank() -> Self {
        Self {
            sector: COMMON.to_owned(),
            level2: Level2::Quantity.as_str().to_owned(),
            direction: Direction::HigherBetter.as_str().to_owned(),
            accumulation: Accumulation::Cumulative.as_str().to_owned(),
            ..Self::default()
        }
    }

    /// The entry to send, checked as the server checks it; the first problem with its field,
    /// its message in `locale`.
    pub fn entry(
        &self,
        active: bool,
        revision: Option<i64>,
        locale: Locale,
    ) -> Result<LibraryEntry, FieldError> {
        let name_zh = self.name_zh.trim();
        if name_zh.is_empty() || name_zh.chars().count() > 120 {
            let message = td_string!(locale, admin.library.name_zh_required);
            return Err(FieldError::new("required", "name_zh", message));
        }
        let name_en = self.name_en.trim();
        if name_en.is_empty() || name_en.chars().count() > 200 {
            let message = td_string!(locale, admin.library.name_en_required);
            return Err(FieldError::new("required", "name_en", message));
        }
        let direction = Direction::from_str(&self.direction).map_err(|e| e.within("direction"))?;
        if direction != Direction::Qualitative && self.unit.trim().is_empty() {
            let message = td_string!(locale, admin.library.unit_required);
            return Err(FieldError::new("required", "unit", message));
        }
        let sector = if self.sector == COMMON || self.sector.is_empty() {
            None
        } else {
            Some(Sector::from_str(&self.sector).map_err(|e| e.within("sector"))?)
        };
        Ok(LibraryEntry {
            sector,
            level2: Level2::from_str(&self.level2).map_err(|e| e.within("level2"))?,
            name_zh: name_zh.to_owned(),
            name_en: name_en.to_owned(),
            unit: self.unit.trim().to_owned(),
            direction,
            accumulation: Accumulation::from_str(&self.accumulation)
                .map_err(|e| e.within("accumulation"))?,
            description: self.description.trim().to_owned(),
            data_source: self.data_source.trim().to_owned(),
            active,
            revision,
        })
    }
}

/// The same entry with `active` changed (withdraw or restore), to send with its revision.
pub fn with_active(entry: &LibraryIndicator, active: bool) -> LibraryEntry {
    LibraryEntry {
        sector: entry.sector,
        level2: entry.level2,
        name_zh: entry.name_zh.clone(),
        name_en: entry.name_en.clone(),
        unit: entry.unit.clone(),
        direction: entry.direction,
        accumulation: entry.accumulation,
        description: entry.description.clone(),
        data_source: entry.data_source.clone(),
        active,
        revision: Some(entry.revision),
    }
}

const FIELDS: &[&str] = &[
    "name_zh",
    "name_en",
    "unit",
    "sector",
    "level2",
    "direction",
    "accumulation",
];

fn claimed(field: &str) -> bool {
    FIELDS.contains(&field)
}

/// Shows `e` in the form and takes the keyboard to the field it names, if any.
fn show_error(error: RwSignal<Option<ApiError>>, e: ApiError) {
    let target = e
        .field
        .as_deref()
        .filter(|field| claimed(field))
        .map(|field| format!("lib_{field}"));
    error.set(Some(e));
    if let Some(id) = target {
        focus_later(id);
    }
}

/// The signals behind the form's inputs.
#[derive(Debug, Clone, Copy)]
struct Inputs {
    name_zh: RwSignal<String>,
    name_en: RwSignal<String>,
    sector: RwSignal<String>,
    level2: RwSignal<String>,
    unit: RwSignal<String>,
    direction: RwSignal<String>,
    accumulation: RwSignal<String>,
    description: RwSignal<String>,
    data_source: RwSignal<String>,
}

impl Inputs {
    fn new(text: EntryText) -> Self {
        Self {
            name_zh: RwSignal::new(text.name_zh),
            name_en: RwSignal::new(text.name_en),
            sector: RwSignal::new(text.sector),
            level2: RwSignal::new(text.level2),
            unit: RwSignal::new(text.unit),
            direction: RwSignal::new(text.direction),
            accumulation: RwSignal::new(text.accumulation),
            description: RwSignal::new(text.description),
            data_source: RwSignal::new(text.data_source),
        }
    }

    fn set(&self, text: EntryText) {
        self.name_zh.set(text.name_zh);
        self.name_en.set(text.name_en);
        self.sector.set(text.sector);
        self.level2.set(text.level2);
        self.unit.set(text.unit);
        self.direction.set(text.direction);
        self.accumulation.set(text.accumulation);
        self.description.set(text.description);
        self.data_source.set(text.data_source);
    }

    fn text(&self) -> EntryText {
        EntryText {
            name_zh: self.name_zh.get_untracked(),
            name_en: self.name_en.get_untracked(),
            sector: self.sector.get_untracked(),
            level2: self.level2.get_untracked(),
            unit: self.unit.get_untracked(),
            direction: self.direction.get_untracked(),
            accumulation: self.accumulation.get_untracked(),
            description: self.description.get_untracked(),
            data_source: self.data_source.get_untracked(),
        }
    }
}

/// "New template" (no `entry`) or "Edit" (`entry`): calls `on_saved` with what the server
/// stored. An edit keeps the entry's active flag and sends the revision it started from; a
/// stale edit offers to reload the entry as it is now.
#[component]
pub fn LibraryForm(
    /// id of the heading that names the form.
    labelled_by: &'static str,
    #[prop(optional)] entry: Option<LibraryIndicator>,
    on_saved: Callback<LibraryIndicator>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let id = entry.as_ref().map(|e| e.id);
    let inputs = Inputs::new(entry.as_ref().map_or_else(EntryText::blank, EntryText::of));
    let active = RwSignal::new(entry.as_ref().is_none_or(|e| e.active));
    let revision = RwSignal::new(entry.as_ref().map(|e| e.revision));
    let error = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();

    let save = Action::new_local(move |entry: &LibraryEntry| {
        let entry = entry.clone();
        async move {
            let result = match id {
                Some(id) => api::library::update(id, entry).await,
                None => api::library::create(entry).await,
            };
            match result {
                Ok(saved) => on_saved.run(saved),
                Err(e) => show_error(error, e),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let locale = i18n.get_locale_untracked();
        match inputs
            .text()
            .entry(active.get_untracked(), revision.get_untracked(), locale)
        {
            Ok(entry) => {
                save.dispatch_local(entry);
            }
            Err(problem) => show_error(error, local_error(problem)),
        }
    };
    let on_reload = Callback::new(move |stale: ApiError| {
        if let Some(now) = stale_current::<LibraryIndicator>(&stale) {
            inputs.set(EntryText::of(&now));
            active.set(now.active);
            revision.set(Some(now.revision));
            error.set(None);
        }
    });
    let editing = id.is_some();
    let submit = move || {
        if editing {
            t_string!(i18n, common.save)
        } else {
            t_string!(i18n, admin.library.add_template)
        }
    };
    let locale = move || i18n.get_locale();

    view! {
        <form class="form" aria-labelledby=labelled_by novalidate on:submit=on_submit>
            <WriteAlert error on_reload claimed />
            <div class="form-grid form-grid-top">
                <TextField id="lib_name_zh" label=move || t_string!(i18n, admin.library.name_zh)
                    value=inputs.name_zh autocomplete="off" error=field_error(error, "name_zh") />
                <TextField id="lib_name_en" label=move || t_string!(i18n, admin.library.name_en)
                    value=inputs.name_en autocomplete="off" error=field_error(error, "name_en") />
                <SelectField id="lib_sector" label=move || t_string!(i18n, admin.library.applies_to)
                    value=inputs.sector options=move || sector_options(locale())
                    error=field_error(error, "sector") />
                <Level2Select id="lib_level2" label=move || t_string!(i18n, admin.library.level2)
                    value=inputs.level2 />
                <SelectField id="lib_direction" label=move || t_string!(i18n, admin.library.direction)
                    value=inputs.direction
                    options=move || labelled(Direction::ALL, Direction::as_str, Direction::label_zh, Direction::label_en, locale())
                    error=field_error(error, "direction") />
                <SelectField id="lib_accumulation" label=move || t_string!(i18n, admin.library.accumulation)
                    value=inputs.accumulation
                    options=move || labelled(Accumulation::ALL, Accumulation::as_str, Accumulation::label_zh, Accumulation::label_en, locale())
                    error=field_error(error, "accumulation") />
                <TextField id="lib_unit" label=move || t_string!(i18n, admin.library.unit)
                    value=inputs.unit autocomplete="off"
                    hint=move || t_string!(i18n, admin.library.unit_hint)
                    error=field_error(error, "unit") />
                <TextField id="lib_data_source" label=move || t_string!(i18n, admin.library.data_source)
                    value=inputs.data_source autocomplete="off" />
                <TextAreaField id="lib_description" label=move || t_string!(i18n, admin.library.description)
                    value=inputs.description />
            </div>
            <FormButtons pending=save.pending() label=submit on_cancel />
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use Locale::en as EN;

    fn text() -> EntryText {
        EntryText {
            name_zh: " 学生资助人数 ".into(),
            name_en: "Students supported".into(),
            unit: "人".into(),
            ..EntryText::blank()
        }
    }

    #[test]
    fn a_template_is_checked_like_the_server_checks_it() {
        let entry = text().entry(true, None, EN).unwrap();
        assert_eq!(entry.name_zh, "学生资助人数");
        assert_eq!(entry.sector, None);
        assert_eq!(entry.level2, Level2::Quantity);

        let no_name = EntryText {
            name_zh: "  ".into(),
            ..text()
        };
        assert_eq!(no_name.entry(true, None, EN).unwrap_err().field, "name_zh");
        let no_en = EntryText {
            name_en: String::new(),
            ..text()
        };
        assert_eq!(no_en.entry(true, None, EN).unwrap_err().field, "name_en");
        let no_unit = EntryText {
            unit: " ".into(),
            ..text()
        };
        let problem = no_unit.entry(true, None, EN).unwrap_err();
        assert_eq!(problem.field, "unit");
        assert!(problem.message.starts_with("Give the unit of measurement"));
        let problem = no_unit.entry(true, None, Locale::zh_CN).unwrap_err();
        assert_eq!(problem.message, "请填写计量单位（定性指标除外）。");
        let qualitative = EntryText {
            direction: "qualitative".into(),
            ..no_unit
        };
        assert!(qualitative.entry(true, None, EN).is_ok());
    }

    #[test]
    fn edits_round_trip_an_entry() {
        let sector = EntryText {
            sector: "education".into(),
            ..text()
        };
        let entry = sector.entry(false, Some(4), EN).unwrap();
        assert_eq!(entry.sector, Some(Sector::Education));
        assert_eq!((entry.active, entry.revision), (false, Some(4)));
        let stored = LibraryIndicator {
            id: 9,
            sector: entry.sector,
            level2: entry.level2,
            name_zh: entry.name_zh.clone(),
            name_en: entry.name_en.clone(),
            unit: entry.unit.clone(),
            direction: entry.direction,
            accumulation: entry.accumulation,
            description: String::new(),
            data_source: String::new(),
            active: false,
            revision: 4,
        };
        assert_eq!(EntryText::of(&stored).entry(false, Some(4), EN), Ok(entry));
        let restored = with_active(&stored, true);
        assert_eq!((restored.active, restored.revision), (true, Some(4)));
    }

    #[test]
    fn sectors_start_with_common() {
        let options = sector_options(EN);
        assert_eq!(options[0], (COMMON.to_owned(), "Common".to_owned()));
        assert_eq!(options.len(), Sector::ALL.len() + 1);
        let options = sector_options(Locale::zh_CN);
        assert_eq!(options[0].1, "共性");
        assert_eq!(options[1].1, Sector::ALL[0].label_zh());
    }
}
