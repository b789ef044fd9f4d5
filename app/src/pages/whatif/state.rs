//! The what-if's reactive state: one signal per input (so moving a slider touches only its
//! own row and the figures that depend on it), the engine's changes as a memo over them,
//! and the projection as a memo over the changes — computed in the browser, no network.

use jixiao_domain::dto::whatif::DepartmentWhatIf;
use jixiao_domain::whatif::department::{project, Baseline, Changes, Projection};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{
    base_elasticity, build_changes, form_of, input_of, FormValues, InputKey, Problem,
};
use super::numbers::{number_input, parse_number, parse_wan, wan_input, InputError};
use crate::locale::Locale;

/// A budget line's inputs: the amount (the truth), and the 万元 text as typed.
#[derive(Debug, Clone, Copy)]
pub struct LineInput {
    pub id: i64,
    pub base_fen: i64,
    pub amount: RwSignal<i64>,
    pub text: RwSignal<String>,
}

impl LineInput {
    /// Sets the amount and writes it back into the 万元 field.
    pub fn set(&self, fen: i64) {
        self.amount.set(fen);
        self.text.set(wan_input(fen));
    }

    /// The typed text; the amount follows when it is money.
    pub fn type_text(&self, text: String) {
        if let Ok(fen) = parse_wan(&text) {
            self.amount.set(fen);
        }
        self.text.set(text);
    }

    /// The text's problem, if it is not money.
    pub fn text_error(&self) -> Option<InputError> {
        self.text.with(|t| parse_wan(t).err())
    }
}

/// An indicator's inputs as typed.
#[derive(Debug, Clone, Copy)]
pub struct IndicatorInput {
    pub id: i64,
    pub target: RwSignal<String>,
    pub elasticity: RwSignal<String>,
}

/// The page's what-if: the starting point, the inputs and what the engine makes of them.
#[derive(Debug, Clone, Copy)]
pub struct WhatIf {
    pub baseline: StoredValue<Baseline>,
    pub lines: StoredValue<Vec<LineInput>>,
    pub indicators: StoredValue<Vec<IndicatorInput>>,
    /// Outcome with nothing changed.
    pub now: StoredValue<Projection>,
    pub changes: Memo<Changes>,
    pub scenario: Memo<Result<Projection, FieldError>>,
    /// The scenario, or the last one the engine accepted while the inputs have an error.
    pub shown: Memo<Projection>,
    /// The engine's refusal, placed at its input.
    pub engine_error: Memo<Option<(InputKey, Problem)>>,
    /// The server's refusal of a save (422), placed at its input.
    pub server_error: RwSignal<Option<(InputKey, Problem)>>,
}

fn text_or_blank(value: Option<f64>) -> String {
    value.map(number_input).unwrap_or_default()
}

impl WhatIf {
    /// The state for `start`, whose "now" the engine has already computed.
    pub fn new(start: &DepartmentWhatIf, now: Projection) -> Self {
        let baseline = start.baseline.clone();
        let lines: Vec<LineInput> = baseline
            .lines
            .iter()
            .map(|l| LineInput {
                id: l.id,
                base_fen: l.amount_fen,
                amount: RwSignal::new(l.amount_fen),
                text: RwSignal::new(wan_input(l.amount_fen)),
            })
            .collect();
        let indicators: Vec<IndicatorInput> = baseline
            .indicators
            .iter()
            .map(|i| IndicatorInput {
                id: i.id,
                target: RwSignal::new(text_or_blank(i.target)),
                elasticity: RwSignal::new(number_input(base_elasticity(i))),
            })
            .collect();
        let baseline = StoredValue::new(baseline);
        let lines = StoredValue::new(lines);
        let indicators = StoredValue::new(indicators);
        let changes = Memo::new(move |_| {
            let form = FormValues {
                amounts: lines.with_value(|ls| ls.iter().map(|l| l.amount.get()).collect()),
                targets: indicators.with_value(|is| {
                    is.iter()
                        .map(|i| i.target.with(|t| parse_number(t).ok()))
                        .collect()
                }),
                elasticities: indicators.with_value(|is| {
                    is.iter()
                        .map(|i| i.elasticity.with(|t| parse_number(t).ok()))
                        .collect()
                }),
            };
            baseline.with_value(|b| build_changes(b, &form))
        });
        let scenario = Memo::new(move |_| changes.with(|c| baseline.with_value(|b| project(b, c))));
        let fallback = now.clone();
        let shown = Memo::new(move |previous: Option<&Projection>| {
            scenario.with(|s| match s {
                Ok(projection) => projection.clone(),
                Err(_) => previous.cloned().unwrap_or_else(|| fallback.clone()),
            })
        });
        let engine_error = Memo::new(move |_| {
            scenario.with(|s| {
                let error = s.as_ref().err()?;
                let key =
                    changes.with(|c| baseline.with_value(|b| input_of(&error.field, c, b)))?;
                Some((key, Problem::new(&error.code, &error.message)))
            })
        });
        Self {
            baseline,
            lines,
            indicators,
            now: StoredValue::new(now),
            changes,
            scenario,
            shown,
            engine_error,
            server_error: RwSignal::new(None),
        }
    }

    /// The engine's or the server's message for the input `key`, in `locale` (tracked).
    pub fn error_at(&self, key: InputKey, locale: Locale) -> Option<String> {
        let pick = |e: &Option<(InputKey, Problem)>| {
            e.as_ref()
                .filter(|(k, _)| *k == key)
                .map(|(_, problem)| problem.text(locale))
        };
        self.engine_error
            .with(pick)
            .or_else(|| self.server_error.with(pick))
    }

    pub fn line(&self, id: i64) -> Option<LineInput> {
        self.lines
            .with_value(|ls| ls.iter().find(|l| l.id == id).copied())
    }

    pub fn indicator(&self, id: i64) -> Option<IndicatorInput> {
        self.indicators
            .with_value(|is| is.iter().find(|i| i.id == id).copied())
    }

    /// Sets every input from `changes` (a saved scenario); answers how many of its
    /// changes name a line or indicator the department no longer has.
    pub fn apply(&self, changes: &Changes) -> usize {
        let (form, unknown) = self.baseline.with_value(|b| form_of(b, changes));
        self.lines.with_value(|ls| {
            for (line, amount) in ls.iter().zip(&form.amounts) {
                line.set(*amount);
            }
        });
        self.indicators.with_value(|is| {
            for ((input, target), elasticity) in
                is.iter().zip(&form.targets).zip(&form.elasticities)
            {
                input.target.set(text_or_blank(*target));
                input.elasticity.set(text_or_blank(*elasticity));
            }
        });
        unknown
    }

    /// Back to now.
    pub fn reset(&self) {
        self.apply(&Changes::default());
    }

    /// The first input whose text is not a number, as an element id.
    pub fn first_invalid(&self) -> Option<String> {
        let line = self.lines.with_value(|ls| {
            ls.iter()
                .find(|l| l.text_error().is_some())
                .map(|l| amount_id(l.id))
        });
        line.or_else(|| {
            self.indicators.with_value(|is| {
                is.iter().find_map(|i| {
                    if i.target.with(|t| parse_number(t).is_err()) && self.target_matters(i.id) {
                        Some(target_id(i.id))
                    } else if i.elasticity.with(|t| parse_number(t).is_err()) {
                        Some(elasticity_id(i.id))
                    } else {
                        None
                    }
                })
            })
        })
    }

    fn target_matters(&self, id: i64) -> bool {
        self.baseline.with_value(|b| {
            b.indicators
                .iter()
                .any(|i| i.id == id && super::model::target_editable(i.direction))
        })
    }
}

/// Element ids of the inputs (also the focus targets of errors).
pub fn slider_id(line_id: i64) -> String {
    format!("wi-share-{line_id}")
}

pub fn amount_id(line_id: i64) -> String {
    format!("wi-amount-{line_id}")
}

pub fn target_id(indicator_id: i64) -> String {
    format!("wi-target-{indicator_id}")
}

pub fn elasticity_id(indicator_id: i64) -> String {
    format!("wi-elasticity-{indicator_id}")
}

/// The element id of the input `key` names.
pub fn input_id(key: InputKey) -> String {
    match key {
        InputKey::Amount(id) => amount_id(id),
        InputKey::Target(id) => target_id(id),
        InputKey::Elasticity(id) => elasticity_id(id),
        InputKey::Name => super::scenarios::NAME_ID.to_owned(),
    }
}
