//! The state of one set page, shared by the header, the editor, the workflow buttons and the
//! history: the set as last loaded from the server, the rows being edited, and the problems
//! of those rows (the domain's validation, run on every change, plus what the server said).

use jixiao_domain::dto::sets::{Indicator, IndicatorSet};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{self, control_for, place, EditRow, Place};
use crate::api::ApiError;

/// A write refused because someone else changed the set first.
#[derive(Debug, Clone, PartialEq)]
pub struct StaleWrite {
    /// The set as it is now, when the server sent it.
    pub current: Option<IndicatorSet>,
}

#[derive(Debug, Clone, Copy)]
pub struct SetState {
    /// The set as last loaded (its revision goes with every write).
    pub set: RwSignal<IndicatorSet>,
    /// The indicators being edited, in order.
    pub rows: RwSignal<Vec<EditRow>>,
    next_key: StoredValue<u32>,
    /// Row keys in order (changes only when rows are added, removed or moved).
    pub order: Memo<Vec<u32>>,
    /// The indicators as they would be saved.
    pub drafts: Memo<Vec<Indicator>>,
    /// Problems the server reported for the last save or step (cleared by the next one).
    pub server_problems: RwSignal<Vec<FieldError>>,
    /// Every problem: the domain's validation of the drafts, and the server's others.
    pub problems: Memo<Vec<FieldError>>,
    /// Edits not saved yet.
    pub dirty: Memo<bool>,
    pub stale: RwSignal<Option<StaleWrite>>,
    /// Whether to say "Saved" (until the next change).
    pub saved: RwSignal<bool>,
}

impl SetState {
    pub fn new(set: IndicatorSet) -> Self {
        let first = model::rows_from(&set.indicators, 1);
        let next_key = StoredValue::new(first.len() as u32 + 1);
        let set = RwSignal::new(set);
        let rows = RwSignal::new(first);
        let order = Memo::new(move |_| rows.with(|r| r.iter().map(|x| x.key).collect::<Vec<_>>()));
        let drafts = Memo::new(move |_| {
            rows.with(|r| r.iter().map(|x| x.indicator.clone()).collect::<Vec<_>>())
        });
        let server_problems = RwSignal::new(Vec::<FieldError>::new());
        let problems = Memo::new(move |_| {
            let mut all = set.with(|s| drafts.with(|d| model::validate(s, d)));
            server_problems.with(|server| {
                for problem in server {
                    if !all
                        .iter()
                        .any(|p| p.field == problem.field && p.code == problem.code)
                    {
                        all.push(problem.clone());
                    }
                }
            });
            all
        });
        let dirty = Memo::new(move |_| set.with(|s| drafts.with(|d| *d != s.indicators)));
        Self {
            set,
            rows,
            next_key,
            order,
            drafts,
            server_problems,
            problems,
            dirty,
            stale: RwSignal::new(None),
            saved: RwSignal::new(false),
        }
    }

    /// Clears the "Saved" line once something changes (without a write per keystroke).
    fn changed(&self) {
        if self.saved.get_untracked() {
            self.saved.set(false);
        }
    }

    fn fresh_key(&self) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        key
    }

    /// Shows `set` as loaded: its rows replace the edited ones (with new keys, so every
    /// field shows the loaded value).
    pub fn load(&self, set: IndicatorSet) {
        let first = self.next_key.get_value();
        let rows = model::rows_from(&set.indicators, first);
        self.next_key.set_value(first + rows.len() as u32);
        self.server_problems.set(Vec::new());
        self.stale.set(None);
        self.rows.set(rows);
        self.set.set(set);
    }

    /// Takes in a refused write: a stale revision, or the problems the server named.
    /// Returns false for any other error (the caller shows it).
    pub fn refused(&self, error: &ApiError) -> bool {
        if error.is_stale() {
            self.stale.set(Some(StaleWrite {
                current: error.current_as(),
            }));
            true
        } else if !error.problems.is_empty() {
            self.server_problems.set(error.problems.clone());
            true
        } else if let (422, Some(field)) = (error.status, &error.field) {
            self.server_problems.set(vec![FieldError::new(
                &error.code,
                field.clone(),
                error.message.clone(),
            )]);
            true
        } else {
            false
        }
    }

    /// Position of row `key` (tracked).
    pub fn index_of(&self, key: u32) -> Option<usize> {
        self.order.with(|o| o.iter().position(|k| *k == key))
    }

    /// `f` of row `key`, if it is still there (tracked).
    pub fn with_row<R>(&self, key: u32, f: impl FnOnce(&EditRow) -> R) -> Option<R> {
        self.rows.with(|r| r.iter().find(|x| x.key == key).map(f))
    }

    /// Changes the indicator of row `key`.
    pub fn update(&self, key: u32, f: impl FnOnce(&mut Indicator)) {
        self.changed();
        self.rows.update(|r| {
            if let Some(row) = r.iter_mut().find(|x| x.key == key) {
                f(&mut row.indicator);
            }
        });
    }

    /// Appends `indicator`; answers its row's key.
    pub fn push(&self, indicator: Indicator) -> u32 {
        let key = self.fresh_key();
        self.changed();
        self.server_problems.set(Vec::new());
        self.rows.update(|r| r.push(EditRow { key, indicator }));
        key
    }

    pub fn remove(&self, key: u32) {
        self.changed();
        self.server_problems.set(Vec::new());
        self.rows.update(|r| r.retain(|x| x.key != key));
    }

    /// Moves row `key` up (−1) or down (+1).
    pub fn move_row(&self, key: u32, delta: isize) {
        self.changed();
        self.server_problems.set(Vec::new());
        self.rows.update(|r| {
            model::move_row(r, key, delta);
        });
    }

    /// The problems shown at `control` of row `key` (tracked).
    pub fn problems_at(&self, key: u32, control: &str) -> Vec<FieldError> {
        let Some(index) = self.index_of(key) else {
            return Vec::new();
        };
        self.problems.with(|all| {
            all.iter()
                .filter(|p| match place(&p.field) {
                    Place::Field { index: i, field } => {
                        i == index && control_for(&field) == control
                    }
                    _ => false,
                })
                .cloned()
                .collect()
        })
    }
}
