//! A fiscal year's rules, shown and edited: the points allocation (with its live total),
//! the lamp thresholds as percentages of time progress, and the result rules (next year's
//! budget change per grade and the accountability trigger) in percent.
//!
//! The inputs hold text; [`RulesInputs::read`] turns them into [`YearRules`] and runs the
//! domain's own [`YearRules::parse`], so the browser names the same field the server would
//! (`rules.points_allocation`, `rules.lamp_thresholds.thresholds.green_from`, …) before
//! anything is sent.

use jixiao_domain::dto::YearRules;
use jixiao_domain::framework::{Level1, PointsAllocation};
use jixiao_domain::lamps::LampThresholds;
use jixiao_domain::results::ResultRules;
use jixiao_domain::scoring::Grade;
use jixiao_domain::FieldError;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::form::field_message;
use crate::format::number;
use crate::locale::{pick, t, t_string, td_string, use_i18n, Locale};

/// Field path of the allocation as a whole (its sum).
pub const ALLOCATION: &str = "rules.points_allocation";
/// Field path of the thresholds as a whole (their order).
pub const THRESHOLDS: &str = "rules.lamp_thresholds.thresholds";
const RESULTS: &str = "rules.result_rules";

/// Whether a form of rules shows the error of `field` at one of its fields.
pub fn is_rules_field(field: &str) -> bool {
    field.starts_with("rules.")
}

/// The id of the input that shows the error of `field` (a group's first input for the
/// group's own error), in the form whose ids start with `prefix`.
pub fn field_id(prefix: &str, field: &str) -> Option<String> {
    let id = if field == ALLOCATION {
        "points-budget_execution".to_owned()
    } else if field == THRESHOLDS {
        "lamp-red_below".to_owned()
    } else if let Some(name) = field.strip_prefix(&format!("{ALLOCATION}.")) {
        format!("points-{name}")
    } else if let Some(name) = field.strip_prefix(&format!("{THRESHOLDS}.")) {
        format!("lamp-{name}")
    } else if let Some(name) = field.strip_prefix(&format!("{RESULTS}.")) {
        format!("result-{name}")
    } else {
        return None;
    };
    Some(format!("{prefix}-{id}"))
}

/// A ratio of time progress (0.6) as the percent typed and shown ("60").
pub fn ratio_as_percent(ratio: f64) -> String {
    number(ratio * 100.0)
}

/// Basis points (−1000) as the percent typed and shown ("-10").
pub fn bp_as_percent(bp: i32) -> String {
    number(f64::from(bp) / 100.0)
}

/// A percent as a signed text: "+5", "0", "-10".
pub fn signed_percent(bp: i32) -> String {
    if bp > 0 {
        format!("+{}", bp_as_percent(bp))
    } else {
        bp_as_percent(bp).replace('-', "−")
    }
}

fn parse_number(text: &str) -> Option<f64> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
}

/// "60" → 0.6 (the same float as the literal, so an unchanged value round-trips).
pub fn percent_as_ratio(text: &str) -> Option<f64> {
    parse_number(text).map(|percent| percent / 100.0)
}

/// "-10" → −1000 basis points; `None` unless a number with at most two decimals.
pub fn percent_as_bp(text: &str) -> Option<i32> {
    let bp = parse_number(text)? * 100.0;
    let whole = bp.round();
    ((bp - whole).abs() < 1e-6 && whole.abs() <= 1e9).then_some(whole as i32)
}

/// The sum of the allocation as typed, if every share is a whole number.
pub fn points_sum(shares: [&str; 4]) -> Option<u32> {
    shares
        .iter()
        .map(|share| share.trim().parse::<u32>().ok().filter(|p| *p <= 100_000))
        .sum()
}

fn local(field: String, code: &str, message: impl Into<String>) -> FieldError {
    FieldError::new(code, field, message)
}

/// The domain's message in `locale`, by its code (worded for this form's labels).
fn localized(error: FieldError, sum: u32, locale: Locale) -> FieldError {
    let message = match error.code.as_str() {
        "points_not_100" => td_string!(locale, rules.error.points_not_100, sum).to_string(),
        "invalid_threshold" => td_string!(locale, rules.error.invalid_threshold).to_owned(),
        "thresholds_not_increasing" => {
            td_string!(locale, rules.error.thresholds_not_increasing).to_owned()
        }
        "invalid_adjustment" => td_string!(locale, rules.error.invalid_adjustment).to_owned(),
        "invalid_share" => td_string!(locale, rules.error.invalid_share).to_owned(),
        _ => error.message_in(locale == Locale::zh_CN).to_owned(),
    };
    FieldError { message, ..error }
}

/// The form's error for a local problem, in the server's shape so it shows the same way.
pub fn local_error(problem: FieldError) -> ApiError {
    ApiError {
        status: 422,
        code: problem.code,
        message: problem.message,
        field: (!problem.field.is_empty()).then_some(problem.field),
        current: None,
        problems: Vec::new(),
    }
}

/// The thirteen inputs of a year's rules, as text.
#[derive(Debug, Clone, Copy)]
pub struct RulesInputs {
    budget_execution: RwSignal<String>,
    output: RwSignal<String>,
    effect: RwSignal<String>,
    satisfaction: RwSignal<String>,
    red_below: RwSignal<String>,
    green_from: RwSignal<String>,
    blue_from: RwSignal<String>,
    excellent: RwSignal<String>,
    good: RwSignal<String>,
    fair: RwSignal<String>,
    poor: RwSignal<String>,
    spent: RwSignal<String>,
    achievement: RwSignal<String>,
    /// The language of the messages [`RulesInputs::read`] gives.
    locale: Signal<Locale>,
}

impl RulesInputs {
    pub fn new(rules: &YearRules) -> Self {
        let inputs = Self {
            budget_execution: RwSignal::new(String::new()),
            output: RwSignal::new(String::new()),
            effect: RwSignal::new(String::new()),
            satisfaction: RwSignal::new(String::new()),
            red_below: RwSignal::new(String::new()),
            green_from: RwSignal::new(String::new()),
            blue_from: RwSignal::new(String::new()),
            excellent: RwSignal::new(String::new()),
            good: RwSignal::new(String::new()),
            fair: RwSignal::new(String::new()),
            poor: RwSignal::new(String::new()),
            spent: RwSignal::new(String::new()),
            achievement: RwSignal::new(String::new()),
            locale: match use_context::<leptos_i18n::I18nContext<Locale>>() {
                Some(i18n) => Signal::derive(move || i18n.get_locale()),
                None => Signal::stored(Locale::default()),
            },
        };
        inputs.set(rules);
        inputs
    }

    /// Shows `rules` in the inputs (a reload, or "back to the defaults").
    pub fn set(&self, rules: &YearRules) {
        let YearRules {
            points_allocation: p,
            lamp_thresholds: t,
            result_rules: r,
        } = *rules;
        self.budget_execution.set(p.budget_execution.to_string());
        self.output.set(p.output.to_string());
        self.effect.set(p.effect.to_string());
        self.satisfaction.set(p.satisfaction.to_string());
        self.red_below.set(ratio_as_percent(t.red_below));
        self.green_from.set(ratio_as_percent(t.green_from));
        self.blue_from.set(ratio_as_percent(t.blue_from));
        self.excellent.set(bp_as_percent(r.excellent_bp));
        self.good.set(bp_as_percent(r.good_bp));
        self.fair.set(bp_as_percent(r.fair_bp));
        self.poor.set(bp_as_percent(r.poor_bp));
        self.spent.set(bp_as_percent(r.ineffective_spent_bp));
        self.achievement
            .set(bp_as_percent(r.ineffective_achievement_bp));
    }

    fn allocation_texts(&self) -> [String; 4] {
        [
            self.budget_execution,
            self.output,
            self.effect,
            self.satisfaction,
        ]
        .map(|signal| signal.get())
    }

    /// The live total of the allocation (tracked), `None` while a share is not a number.
    pub fn sum(&self) -> Option<u32> {
        let texts = self.allocation_texts();
        points_sum([&texts[0], &texts[1], &texts[2], &texts[3]])
    }

    /// The rules as typed, checked by the domain; the first problem with its field path,
    /// in the language the pages are read in.
    pub fn read(&self) -> Result<YearRules, FieldError> {
        self.read_in(self.locale.get_untracked())
    }

    /// [`RulesInputs::read`] with the messages in `locale`.
    pub fn read_in(&self, locale: Locale) -> Result<YearRules, FieldError> {
        let texts = self.allocation_texts_untracked();
        let points = |index: usize, name: &str| {
            texts[index]
                .trim()
                .parse::<u32>()
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| {
                    local(
                        format!("{ALLOCATION}.{name}"),
                        "not_a_number",
                        td_string!(locale, rules.error.whole_points),
                    )
                })
        };
        let points_allocation = PointsAllocation {
            budget_execution: points(0, "budget_execution")?,
            output: points(1, "output")?,
            effect: points(2, "effect")?,
            satisfaction: points(3, "satisfaction")?,
        };
        let ratio = |signal: RwSignal<String>, name: &str| {
            percent_as_ratio(&signal.get_untracked()).ok_or_else(|| {
                local(
                    format!("{THRESHOLDS}.{name}"),
                    "not_a_number",
                    td_string!(locale, rules.error.percentage),
                )
            })
        };
        let lamp_thresholds = LampThresholds {
            red_below: ratio(self.red_below, "red_below")?,
            green_from: ratio(self.green_from, "green_from")?,
            blue_from: ratio(self.blue_from, "blue_from")?,
        };
        let bp = |signal: RwSignal<String>, name: &str| {
            percent_as_bp(&signal.get_untracked()).ok_or_else(|| {
                local(
                    format!("{RESULTS}.{name}"),
                    "not_a_number",
                    td_string!(locale, rules.error.percentage_two_decimals),
                )
            })
        };
        let result_rules = ResultRules {
            excellent_bp: bp(self.excellent, "excellent_bp")?,
            good_bp: bp(self.good, "good_bp")?,
            fair_bp: bp(self.fair, "fair_bp")?,
            poor_bp: bp(self.poor, "poor_bp")?,
            ineffective_spent_bp: bp(self.spent, "ineffective_spent_bp")?,
            ineffective_achievement_bp: bp(self.achievement, "ineffective_achievement_bp")?,
        };
        let sum = points_allocation.budget_execution
            + points_allocation.output
            + points_allocation.effect
            + points_allocation.satisfaction;
        YearRules {
            points_allocation,
            lamp_thresholds,
            result_rules,
        }
        .parse()
        .map_err(|e| localized(e, sum, locale))
    }

    fn allocation_texts_untracked(&self) -> [String; 4] {
        [
            self.budget_execution,
            self.output,
            self.effect,
            self.satisfaction,
        ]
        .map(|signal| signal.get_untracked())
    }
}

/// `<label>` + number `<input>` with an optional unit after it, its error under it.
#[component]
fn NumberField(
    id: String,
    /// The label, in the chosen language (reactive).
    #[prop(into)]
    label: Signal<String>,
    value: RwSignal<String>,
    /// Shown after the input ("%"); the group's legend names it for screen readers.
    #[prop(optional)]
    unit: Option<&'static str>,
    #[prop(default = "1")] step: &'static str,
    /// This field's own error.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether the group this field belongs to has an error (marks the field invalid too).
    #[prop(into)]
    group_invalid: Signal<bool>,
    /// ids of the group's notes (hint, total, error) for `aria-describedby`.
    #[prop(into)]
    group_notes: Signal<Vec<String>>,
    #[prop(into, optional)] disabled: Signal<bool>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let invalid = move || error.with(Option::is_some) || group_invalid.get();
    let described_by = {
        let error_id = error_id.clone();
        move || {
            let mut ids = group_notes.get();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id.clone()>{move || label.get()}</label>
            <div class="input-with-unit">
                <input
                    id=id.clone()
                    name=id
                    type="number"
                    step=step
                    bind:value=value
                    disabled=move || disabled.get()
                    aria-invalid=move || invalid().then_some("true")
                    aria-describedby=described_by
                />
                {unit.map(|unit| view! { <span class="input-unit" aria-hidden="true">{unit}</span> })}
            </div>
            {move || error.get().map(|message| view! {
                <p id=error_id.clone() class="field-error">{message}</p>
            })}
        </div>
    }
}

/// A label that follows the language.
fn text(label: impl Fn() -> &'static str + Send + Sync + 'static) -> Signal<String> {
    Signal::derive(move || label().to_owned())
}

/// The rules' inputs in three fieldsets, each showing its errors next to its fields.
#[component]
pub fn RulesFields(
    /// Prefix of the element ids, unique on the page ("open", "y2027").
    prefix: String,
    inputs: RulesInputs,
    error: RwSignal<Option<ApiError>>,
    /// Whether the points allocation is fixed now (outside planning): its inputs are
    /// disabled and a note says why.
    #[prop(into)]
    allocation_locked: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let message = move |field: String| {
        Signal::derive(move || error.with(|e| field_message(e.as_ref(), &field)))
    };
    let group_message = |field: &'static str| {
        Signal::derive(move || error.with(|e| field_message(e.as_ref(), field)))
    };

    // Points allocation: one error for the whole (the sum), under the live total.
    let allocation_error = group_message(ALLOCATION);
    let [alloc_note, alloc_total, alloc_error] =
        ["locked", "total", "error"].map(|part| format!("{prefix}-allocation-{part}"));
    let alloc_notes = {
        let (note, total, error_id) =
            (alloc_note.clone(), alloc_total.clone(), alloc_error.clone());
        Signal::derive(move || {
            let mut ids = vec![total.clone()];
            if allocation_locked.get() {
                ids.insert(0, note.clone());
            }
            if allocation_error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids
        })
    };
    let alloc_invalid = Signal::derive(move || allocation_error.with(Option::is_some));
    let share = |signal: RwSignal<String>, level1: Level1, name: &'static str| {
        view! {
            <NumberField
                id=format!("{prefix}-points-{name}")
                label=Signal::derive(move || pick(level1.label_zh(), level1.label_en()).to_owned())
                value=signal
                error=message(format!("{ALLOCATION}.{name}"))
                group_invalid=alloc_invalid
                group_notes=alloc_notes
                disabled=allocation_locked
            />
        }
    };
    let total = move || match inputs.sum() {
        Some(sum) => sum.to_string(),
        None => "—".to_owned(),
    };
    let total_off = move || inputs.sum() != Some(100);

    // Lamp thresholds: their order is one error for the whole.
    let thresholds_error = group_message(THRESHOLDS);
    let [lamp_hint, lamp_error] = ["hint", "error"].map(|part| format!("{prefix}-lamps-{part}"));
    let lamp_notes = {
        let (hint, error_id) = (lamp_hint.clone(), lamp_error.clone());
        Signal::derive(move || {
            let mut ids = vec![hint.clone()];
            if thresholds_error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            ids
        })
    };
    let lamps_invalid = Signal::derive(move || thresholds_error.with(Option::is_some));
    let threshold = |signal: RwSignal<String>, label: Signal<String>, name: &str| {
        view! {
            <NumberField
                id=format!("{prefix}-lamp-{name}")
                label
                value=signal
                unit="%"
                step="any"
                error=message(format!("{THRESHOLDS}.{name}"))
                group_invalid=lamps_invalid
                group_notes=lamp_notes
            />
        }
    };

    // Result rules: each field has its own error.
    let results_hint = format!("{prefix}-results-hint");
    let results_notes = Signal::stored(vec![results_hint.clone()]);
    let no_group = Signal::stored(false);
    let adjustment = |signal: RwSignal<String>, grade: Grade, name: &str| {
        view! {
            <NumberField
                id=format!("{prefix}-result-{name}")
                label=Signal::derive(move || pick(grade.label_zh(), grade.label_en()).to_owned())
                value=signal
                unit="%"
                step="0.01"
                error=message(format!("{RESULTS}.{name}"))
                group_invalid=no_group
                group_notes=results_notes
            />
        }
    };
    let trigger_hint = format!("{prefix}-trigger-hint");
    let trigger_notes = Signal::stored(vec![trigger_hint.clone()]);
    let trigger = |signal: RwSignal<String>, label: Signal<String>, name: &str| {
        view! {
            <NumberField
                id=format!("{prefix}-result-{name}")
                label
                value=signal
                unit="%"
                step="0.01"
                error=message(format!("{RESULTS}.{name}"))
                group_invalid=no_group
                group_notes=trigger_notes
            />
        }
    };

    view! {
        <fieldset class="rules-group">
            <legend>{t!(i18n, rules.allocation.legend)}</legend>
            {move || allocation_locked.get().then(|| view! {
                <p id=alloc_note.clone() class="field-hint locked-note">
                    {t!(i18n, rules.allocation.locked)}
                </p>
            })}
            <div class="rules-inputs">
                {share(inputs.budget_execution, Level1::BudgetExecution, "budget_execution")}
                {share(inputs.output, Level1::Output, "output")}
                {share(inputs.effect, Level1::Effect, "effect")}
                {share(inputs.satisfaction, Level1::Satisfaction, "satisfaction")}
            </div>
            <p id=alloc_total class="points-sum" class:points-sum-off=total_off>
                {t!(i18n, rules.allocation.total, total = move || view! {
                    <output>{total}</output>
                    <span class="muted">" / 100"</span>
                })}
            </p>
            {move || allocation_error.get().map(|message| view! {
                <p id=alloc_error.clone() class="field-error">{message}</p>
            })}
        </fieldset>
        <fieldset class="rules-group">
            <legend>{t!(i18n, rules.lamps.legend)}</legend>
            <p id=lamp_hint class="field-hint">{t!(i18n, rules.lamps.hint)}</p>
            <div class="rules-inputs">
                {threshold(inputs.red_below, text(move || t_string!(i18n, rules.lamps.red_below)), "red_below")}
                {threshold(inputs.green_from, text(move || t_string!(i18n, rules.lamps.green_from)), "green_from")}
                {threshold(inputs.blue_from, text(move || t_string!(i18n, rules.lamps.blue_from)), "blue_from")}
            </div>
            {move || thresholds_error.get().map(|message| view! {
                <p id=lamp_error.clone() class="field-error">{message}</p>
            })}
        </fieldset>
        <fieldset class="rules-group">
            <legend>{t!(i18n, rules.results.legend)}</legend>
            <p id=results_hint class="field-hint">{t!(i18n, rules.results.hint)}</p>
            <div class="rules-inputs">
                {adjustment(inputs.excellent, Grade::Excellent, "excellent_bp")}
                {adjustment(inputs.good, Grade::Good, "good_bp")}
                {adjustment(inputs.fair, Grade::Fair, "fair_bp")}
                {adjustment(inputs.poor, Grade::Poor, "poor_bp")}
            </div>
            <p id=trigger_hint class="field-hint">{t!(i18n, rules.results.trigger_hint)}</p>
            <div class="rules-inputs">
                {trigger(inputs.spent, text(move || t_string!(i18n, rules.results.spent)), "ineffective_spent_bp")}
                {trigger(
                    inputs.achievement,
                    text(move || t_string!(i18n, rules.results.achievement)),
                    "ineffective_achievement_bp",
                )}
            </div>
        </fieldset>
    }
}

/// A year's rules, read-only.
#[component]
pub fn RulesSummary(rules: YearRules) -> impl IntoView {
    let i18n = use_i18n();
    let YearRules {
        points_allocation: p,
        lamp_thresholds: t,
        result_rules: r,
    } = rules;
    let total = p.budget_execution + p.output + p.effect + p.satisfaction;
    let shares = [
        (Level1::BudgetExecution, p.budget_execution),
        (Level1::Output, p.output),
        (Level1::Effect, p.effect),
        (Level1::Satisfaction, p.satisfaction),
    ]
    .into_iter()
    .map(|(level1, points)| {
        view! {
            <div>
                <dt>{move || pick(level1.label_zh(), level1.label_en())}</dt>
                <dd class="num">{points}</dd>
            </div>
        }
    })
    .collect_view();
    let (red, green, blue) = (
        ratio_as_percent(t.red_below),
        ratio_as_percent(t.green_from),
        ratio_as_percent(t.blue_from),
    );
    let grades = Grade::ALL
        .iter()
        .map(|grade| {
            let bp = r.adjustment_bp(*grade);
            view! {
                <div>
                    <dt>{move || pick(grade.label_zh(), grade.label_en())}</dt>
                    <dd class="num">{format!("{} %", signed_percent(bp))}</dd>
                </div>
            }
        })
        .collect_view();
    let spent = bp_as_percent(r.ineffective_spent_bp);
    let achievement = bp_as_percent(r.ineffective_achievement_bp);
    view! {
        <div class="rules-summary">
            <div class="rules-part">
                <h3>{t!(i18n, rules.summary.points)}</h3>
                <dl class="rules-list">
                    {shares}
                    <div class="rules-total">
                        <dt>{t!(i18n, rules.summary.total)}</dt>
                        <dd class="num">{total}</dd>
                    </div>
                </dl>
            </div>
            <div class="rules-part">
                <h3>{t!(i18n, rules.summary.lamps)}</h3>
                <p class="rules-note">{t!(i18n, rules.summary.lamps_note)}</p>
                <dl class="rules-list">
                    <div>
                        <dt><span class="lamp-dot lamp-red" aria-hidden="true"></span>{t!(i18n, rules.summary.red)}</dt>
                        <dd>{format!("< {red} %")}</dd>
                    </div>
                    <div>
                        <dt><span class="lamp-dot lamp-yellow" aria-hidden="true"></span>{t!(i18n, rules.summary.yellow)}</dt>
                        <dd>{format!("{red} % – {green} %")}</dd>
                    </div>
                    <div>
                        <dt><span class="lamp-dot lamp-green" aria-hidden="true"></span>{t!(i18n, rules.summary.green)}</dt>
                        <dd>{format!("{green} % – {blue} %")}</dd>
                    </div>
                    <div>
                        <dt><span class="lamp-dot lamp-blue" aria-hidden="true"></span>{t!(i18n, rules.summary.blue)}</dt>
                        <dd>{format!("≥ {blue} %")}</dd>
                    </div>
                </dl>
            </div>
            <div class="rules-part">
                <h3>{t!(i18n, rules.summary.results)}</h3>
                <p class="rules-note">{t!(i18n, rules.summary.results_note)}</p>
                <dl class="rules-list">{grades}</dl>
                <p class="rules-note rules-trigger">
                    {move || {
                        let (spent, achievement) = (spent.clone(), achievement.clone());
                        t_string!(i18n, rules.summary.trigger, spent, achievement).to_string()
                    }}
                </p>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests;
