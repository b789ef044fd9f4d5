//! The scenario that is open (if any) and the department's saved scenarios: opening one sets
//! the inputs from its changes and puts `?scenario=id` in the address, so a link reopens it.

use jixiao_domain::dto::whatif::{Scenario, ScenarioInput, ScenarioKind, ScenarioList};
use jixiao_domain::whatif::department::Changes;
use leptos::prelude::*;
use leptos_router::NavigateOptions;

use super::model::Problem;
use super::state::WhatIf;
use crate::api::{self, ApiError};
use crate::locale::{td_string, Locale};

/// What just happened, said politely under the save form (in the language of the moment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// A scenario opened; `gone` of its changes named lines or indicators no longer there.
    Opened {
        name: String,
        gone: usize,
    },
    Saved(String),
    Started,
    Deleted(String),
    /// Not saved: an input is not a number.
    FixInputs,
    /// Not saved: the engine refuses the inputs.
    Refused(Problem),
}

impl Status {
    pub fn text(&self, locale: Locale) -> String {
        match self {
            Self::Opened { name, gone } => {
                let opened = td_string!(locale, whatif.save.opened, name).to_string();
                if *gone == 0 {
                    opened
                } else {
                    let gone = td_string!(locale, whatif.save.gone, n = gone).to_string();
                    format!("{opened}{gone}")
                }
            }
            Self::Saved(name) => td_string!(locale, whatif.save.saved, name).to_string(),
            Self::Started => td_string!(locale, whatif.save.started).to_owned(),
            Self::Deleted(name) => td_string!(locale, whatif.save.deleted, name).to_string(),
            Self::FixInputs => td_string!(locale, whatif.save.fix_inputs).to_owned(),
            Self::Refused(problem) => problem.text(locale),
        }
    }
}

/// A saved scenario as it is open on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub id: i64,
    pub revision: i64,
    pub name: String,
    /// The changes as saved (to tell unsaved changes).
    pub changes: Changes,
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Link that opens a saved scenario for anyone allowed (it finds its page by itself).
pub fn scenario_href(id: i64) -> String {
    format!("/scenarios/{id}")
}

/// The page's saved scenarios and the open one.
#[derive(Clone, Copy)]
pub struct Saved {
    pub what_if: WhatIf,
    pub code: StoredValue<String>,
    pub year: i32,
    /// This page's address without a query.
    pub path: StoredValue<String>,
    pub open: RwSignal<Option<Opened>>,
    pub name: RwSignal<String>,
    pub list: LocalResource<Result<ScenarioList, ApiError>>,
    /// A save's refusal.
    pub error: RwSignal<Option<ApiError>>,
    /// What just happened ("Saved", "Opened"), said politely.
    pub status: RwSignal<Option<Status>>,
    /// A scenario that could not be opened, said as an alert.
    pub problem: RwSignal<Option<String>>,
    navigate: StoredValue<Navigate, LocalStorage>,
}

impl Saved {
    pub fn new(what_if: WhatIf, code: String, year: i32, path: String, navigate: Navigate) -> Self {
        let list_code = code.clone();
        let list = LocalResource::new(move || {
            let code = list_code.clone();
            async move {
                api::whatif::scenarios(Some(ScenarioKind::Department), Some(code), Some(year)).await
            }
        });
        Self {
            what_if,
            code: StoredValue::new(code),
            year,
            path: StoredValue::new(path),
            open: RwSignal::new(None),
            name: RwSignal::new(String::new()),
            list,
            error: RwSignal::new(None),
            status: RwSignal::new(None),
            problem: RwSignal::new(None),
            navigate: StoredValue::new_local(navigate),
        }
    }

    /// Puts the open scenario in the address (replacing the entry, keeping the scroll).
    pub fn set_query(&self, id: Option<i64>) {
        let path = self.path.get_value();
        let href = match id {
            Some(id) => format!("{path}?scenario={id}"),
            None => path,
        };
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate
            .with_value(|navigate| navigate(&href, options));
    }

    /// Whether `scenario` belongs on this page (this department, this year).
    fn belongs_here(&self, scenario: &Scenario) -> Option<Changes> {
        match &scenario.input {
            ScenarioInput::Department {
                department,
                changes,
            } if scenario.summary.year == self.year
                && self.code.with_value(|c| c.eq_ignore_ascii_case(department)) =>
            {
                Some(changes.clone())
            }
            _ => None,
        }
    }

    /// Opens `scenario`: its changes become the inputs. One of another page goes there.
    pub fn open_scenario(&self, scenario: Scenario) {
        let Some(changes) = self.belongs_here(&scenario) else {
            let href = scenario_href(scenario.summary.id);
            self.navigate
                .with_value(|navigate| navigate(&href, NavigateOptions::default()));
            return;
        };
        let unknown = self.what_if.apply(&changes);
        let summary = scenario.summary;
        self.error.set(None);
        self.problem.set(None);
        self.what_if.server_error.set(None);
        self.name.set(summary.name.clone());
        self.status.set(Some(Status::Opened {
            name: summary.name.clone(),
            gone: unknown,
        }));
        // As the form builds them (its order, without what no longer exists).
        let changes = self.what_if.changes.get_untracked();
        self.open.set(Some(Opened {
            id: summary.id,
            revision: summary.revision,
            name: summary.name,
            changes,
        }));
        self.set_query(Some(summary.id));
    }

    /// Marks `scenario`, just saved with `changes`, as the open one (the inputs stay).
    pub fn saved(&self, scenario: &Scenario, changes: Changes) {
        let summary = &scenario.summary;
        self.open.set(Some(Opened {
            id: summary.id,
            revision: summary.revision,
            name: summary.name.clone(),
            changes,
        }));
        self.name.set(summary.name.clone());
        self.status.set(Some(Status::Saved(summary.name.clone())));
        self.list.refetch();
        self.set_query(Some(summary.id));
    }

    /// Starts afresh: nothing open, every input as now.
    pub fn start_new(&self) {
        self.open.set(None);
        self.name.set(String::new());
        self.error.set(None);
        self.problem.set(None);
        self.what_if.server_error.set(None);
        self.what_if.reset();
        self.status.set(Some(Status::Started));
        self.set_query(None);
    }

    /// Forgets the open scenario if it was `id` (it was deleted).
    pub fn deleted(&self, id: i64, name: &str) {
        if self
            .open
            .with_untracked(|o| o.as_ref().is_some_and(|o| o.id == id))
        {
            self.open.set(None);
            self.set_query(None);
        }
        self.status.set(Some(Status::Deleted(name.to_owned())));
        self.list.refetch();
    }

    /// Unsaved changes against the open scenario (or any change when none is open).
    pub fn dirty(&self) -> bool {
        let changes = self.what_if.changes.get();
        match self.open.get() {
            Some(open) => open.changes != changes || open.name != self.name.get().trim(),
            None => changes != Changes::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_happened_reads_in_one_language() {
        let opened = Status::Opened {
            name: "少10%".to_owned(),
            gone: 0,
        };
        assert_eq!(opened.text(Locale::zh_CN), "已打开情景「少10%」。");
        assert_eq!(opened.text(Locale::en), "Opened scenario “少10%”.");
        let partly = Status::Opened {
            name: "A".to_owned(),
            gone: 2,
        };
        assert_eq!(
            partly.text(Locale::en),
            "Opened scenario “A”. 2 change(s) name a line or indicator that no longer exists and were left out."
        );
        assert_eq!(
            partly.text(Locale::zh_CN),
            "已打开情景「A」。2 项调整涉及已不存在的预算项目或指标，已忽略。"
        );
        assert_eq!(
            Status::Saved("B".to_owned()).text(Locale::en),
            "Saved scenario “B”."
        );
        assert_eq!(
            Status::Deleted("B".to_owned()).text(Locale::zh_CN),
            "已删除情景「B」。"
        );
        let refused = Status::Refused(Problem::new("duplicate", "each id at most once"));
        assert_eq!(refused.text(Locale::zh_CN), "同一项目只能调整一次。");
    }
}
