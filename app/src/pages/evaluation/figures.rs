//! The pieces both evaluation forms share: one indicator's terms, its figure controls (an
//! actual, or a rating with the percent inside its band), labelled text inputs that name
//! the indicator (`aria-label="Actual — Schools built"`), the live score preview, and the
//! problems of a field (the local check first, then the server's).

use std::str::FromStr;

use jixiao_domain::dto::evaluation::EvaluationItem;
use jixiao_domain::evaluation::{needs_cause, outcome, Figures, Terms};
use jixiao_domain::framework::Direction;
use jixiao_domain::scoring::{Grade, Rating, Scored};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{parse_number, FigureText};
use super::problems::ItemProblem;
use super::text::{achievement_text, band_text, colon, name_in, score_text, total_text, Control};
use crate::components::grade::GradeBadge;
use crate::format::number;
use crate::locale::{part, pick, t, t_string, td_string, unit, use_i18n, Locale};

/// Where the problems shown at the fields come from.
#[derive(Clone, Copy)]
pub struct Problems {
    /// The local check's problems to show now (`items[i].field`).
    pub local: Signal<Vec<FieldError>>,
    /// The server's, placed at their items.
    pub server: RwSignal<Vec<ItemProblem>>,
}

impl Problems {
    /// The message at `field` of item `index` (`""`: the item as a whole, server only): the
    /// local check's in the reader's language, the server's as it came.
    pub fn at(self, index: usize, field: &'static str) -> Signal<Option<String>> {
        let i18n = use_i18n();
        Signal::derive(move || {
            let path = format!("items[{index}].{field}");
            let zh = i18n.get_locale() == Locale::zh_CN;
            let local = self.local.with(|all| {
                all.iter()
                    .find(|p| !field.is_empty() && p.field == path)
                    .map(|p| p.message_in(zh).to_owned())
            });
            local.or_else(|| {
                self.server.with(|all| {
                    all.iter()
                        .find(|p| p.index == index && p.field == field)
                        .map(|p| p.message.clone())
                })
            })
        })
    }
}

/// The indicator's name in the reader's language (reactive).
pub fn indicator_name(item: &EvaluationItem) -> Signal<String> {
    let i18n = use_i18n();
    let (zh, en) = (
        item.indicator.name_zh.clone(),
        item.indicator.name_en.clone(),
    );
    Signal::derive(move || name_in(i18n.get_locale(), &zh, &en).to_owned())
}

/// The figure inputs of one indicator.
#[derive(Clone, Copy)]
pub struct FigureInputs {
    pub actual: RwSignal<String>,
    pub rating: RwSignal<String>,
    pub percent: RwSignal<String>,
}

impl FigureInputs {
    pub fn new(text: &FigureText) -> Self {
        Self {
            actual: RwSignal::new(text.actual.clone()),
            rating: RwSignal::new(text.rating.clone()),
            percent: RwSignal::new(text.percent.clone()),
        }
    }

    /// Shows `text` (after a save or a reload).
    pub fn set(self, text: &FigureText) {
        self.actual.set(text.actual.clone());
        self.rating.set(text.rating.clone());
        self.percent.set(text.percent.clone());
    }

    /// As typed (tracked).
    pub fn text(self) -> FigureText {
        FigureText {
            actual: self.actual.get(),
            rating: self.rating.get(),
            percent: self.percent.get(),
        }
    }
}

/// The indicator's name, tags and terms (target, baseline, points, direction in words).
#[component]
pub fn IndicatorTerms(item: EvaluationItem) -> impl IntoView {
    let i18n = use_i18n();
    let name = indicator_name(&item);
    let i = item.indicator;
    let (qualitative, target_text, target_value, baseline_value) = (
        i.direction == Direction::Qualitative,
        i.target_text.clone(),
        i.target,
        i.baseline,
    );
    let unit_text = i.unit.clone();
    let with_unit = move |value: Option<f64>| {
        value.map_or("—".to_owned(), |v| {
            format!("{} {}", number(v), unit(&unit_text))
        })
    };
    let target = {
        let with_unit = with_unit.clone();
        move || match (qualitative, &target_text) {
            (true, Some(text)) => part(text),
            (true, None) => "—".to_owned(),
            (false, _) => with_unit(target_value),
        }
    };
    let baseline = move || with_unit(baseline_value);
    let unit_name = i.unit.clone();
    let direction = i.direction;
    let colon = move || colon(i18n.get_locale());
    view! {
        <p class="eval-name">
            <span class="name-zh">{name}</span>
            {item.key_work.then(|| view! {
                " " <span class="badge origin-key_work">{t!(i18n, evaluation.terms.key_work)}</span>
            })}
        </p>
        <ul class="eval-terms">
            <li>{t!(i18n, evaluation.terms.direction)} {colon}
                {move || pick(direction.label_zh(), direction.label_en())}</li>
            <li>{t!(i18n, evaluation.terms.target)} {colon} {target}</li>
            <li>{t!(i18n, evaluation.terms.baseline)} {colon} {baseline}</li>
            <li>{t!(i18n, evaluation.terms.unit)} {colon} {move || if unit_name.is_empty() { "—".to_owned() } else { unit(&unit_name) }}</li>
            <li>{t!(i18n, evaluation.terms.points)} {colon} <strong>{number(i.points)}</strong></li>
        </ul>
    }
}

/// A labelled text input or textarea, named for its indicator, with hint and problem.
#[component]
pub fn LabelledInput(
    id: String,
    control: Control,
    /// The indicator's name, for the accessible name.
    name: Signal<String>,
    value: RwSignal<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] numeric: bool,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let aria_label = move || control.named(i18n.get_locale(), &name.get());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let control_view = if multiline {
        view! {
            <textarea id=id.clone() name=id.clone() rows="3" bind:value=value aria-label=aria_label
                aria-invalid=invalid aria-describedby=described></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=id.clone() type="text" autocomplete="off" bind:value=value
                inputmode=numeric.then_some("decimal") aria-label=aria_label
                aria-invalid=invalid aria-describedby=described />
        }
        .into_any()
    };
    view! {
        <div class="field eval-field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || control.label(i18n.get_locale())}</label>
            {control_view}
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{move || hint.get()}</p> })}
            {move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
        </div>
    }
}

/// The rating select of a qualitative indicator.
#[component]
fn RatingSelect(
    id: String,
    control: Control,
    name: Signal<String>,
    value: RwSignal<String>,
    /// The percent: cleared when it falls outside the band of a newly chosen rating.
    percent: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error_id = format!("{id}-error");
    let choose = move |wire: String| {
        if let Ok(rating) = Rating::from_str(&wire) {
            let outside =
                percent.with(|p| matches!(parse_number(p), Ok(Some(v)) if !rating.contains(v)));
            if outside {
                percent.set(String::new());
            }
        }
        value.set(wire);
    };
    let ratings = Rating::ALL
        .iter()
        .map(|r| {
            let (wire, zh, en) = (r.as_str(), r.label_zh(), r.label_en());
            view! {
                <option value=wire prop:selected=move || value.with(|v| v == wire)>{move || pick(zh, en)}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field eval-field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || control.label(i18n.get_locale())}</label>
            <select id=id.clone() name=id.clone() aria-label=move || control.named(i18n.get_locale(), &name.get())
                on:change=move |ev| choose(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())>
                <option value="" prop:selected=move || value.with(String::is_empty)>{t!(i18n, evaluation.hint.choose)}</option>
                {ratings}
            </select>
            {let error_id = format!("{id}-error"); move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
        </div>
    }
}

/// The figure controls of one indicator: an actual, or a rating and its percent.
/// `finance` labels them as finance's ("Finance actual").
#[component]
pub fn FigureControls(
    /// Prefix of the element ids (unique on the page).
    id: String,
    index: usize,
    item: EvaluationItem,
    inputs: FigureInputs,
    problems: Problems,
    #[prop(optional)] finance: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = indicator_name(&item);
    let unit = item.indicator.unit.clone();
    match item.indicator.direction {
        Direction::Qualitative => {
            let hint = Signal::derive(move || {
                let locale = i18n.get_locale();
                inputs
                    .rating
                    .with(|r| Rating::from_str(r).ok())
                    .map_or_else(
                        || td_string!(locale, evaluation.hint.rating_first).to_owned(),
                        |rating| band_text(rating, locale),
                    )
            });
            let (rating, percent) = if finance {
                (Control::FinanceRating, Control::FinancePercent)
            } else {
                (Control::Rating, Control::Percent)
            };
            view! {
                <RatingSelect id=format!("{id}-rating") control=rating name
                    value=inputs.rating percent=inputs.percent error=problems.at(index, "rating") />
                <LabelledInput id=format!("{id}-percent") control=percent
                    name value=inputs.percent numeric=true hint error=problems.at(index, "percent") />
            }
            .into_any()
        }
        direction => {
            let hint = Signal::derive(move || {
                if direction == Direction::BudgetExecution {
                    t_string!(i18n, evaluation.hint.rate).to_owned()
                } else if unit.is_empty() {
                    t_string!(i18n, evaluation.hint.number).to_owned()
                } else {
                    t_string!(i18n, evaluation.hint.unit, unit = unit.clone()).to_string()
                }
            });
            let control = if finance {
                Control::FinanceActual
            } else {
                Control::Actual
            };
            view! {
                <LabelledInput id=format!("{id}-actual") control name
                    value=inputs.actual numeric=true hint error=problems.at(index, "actual") />
            }
            .into_any()
        }
    }
}

/// A score preview: score / points, achievement, and the flags.
#[component]
pub fn ScorePreview(
    scored: Signal<Option<Scored>>,
    points: f64,
    /// Whether the cause of this row is given (the "cause required" marker goes then).
    #[prop(into, optional)]
    explained: Option<Signal<bool>>,
) -> impl IntoView {
    let i18n = use_i18n();
    move || match scored.get() {
        None => view! { <p class="muted eval-score">"—"</p> }.into_any(),
        Some(s) => {
            let missing = needs_cause(&s) && !explained.is_some_and(|e| e.get());
            view! {
                <p class="eval-score">
                    <strong>{score_text(s.score, points)}</strong>
                    <span class="eval-achievement">" · " {achievement_text(s.achievement)}</span>
                </p>
                {s.target_may_be_too_low.then(|| view! {
                    <p class="tag eval-flag">{t!(i18n, evaluation.score.target_too_low)}</p>
                })}
                {missing.then(|| view! {
                    <p class="cause-needed eval-cause-needed">{t!(i18n, evaluation.score.cause_needed)}</p>
                })}
            }
            .into_any()
        }
    }
}

/// The score of typed figures, if they are complete and valid.
pub fn preview(terms: Terms, text: &FigureText) -> Option<Scored> {
    let (figures, problems) = text.parse(terms.direction);
    if !problems.is_empty() {
        return None;
    }
    terms.assess(&figures).ok()
}

/// The total and grade the typed figures would give, or why there is none yet; `children`
/// are the label.
#[component]
pub fn PreviewTotal(
    id: &'static str,
    outcome: Signal<Option<(f64, Grade)>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p id=id class="eval-preview-total">
            {children()} {move || colon(i18n.get_locale())}
            {move || match outcome.get() {
                Some((total, grade)) => view! {
                    <strong>{total_text(total)}</strong> " " <GradeBadge grade />
                }.into_any(),
                None => view! {
                    <span class="muted">{t!(i18n, evaluation.score.not_complete)}</span>
                }.into_any(),
            }}
            " " <span class="eval-preview-note">{t!(i18n, evaluation.score.preview_note)}</span>
        </p>
    }
}

/// The outcome of typed figures for every indicator, if all are complete and valid.
pub fn preview_outcome(terms: &[Terms], texts: &[FigureText]) -> Option<(f64, Grade)> {
    let mut figures = Vec::with_capacity(texts.len());
    for (terms, text) in terms.iter().zip(texts) {
        let (parsed, problems) = text.parse(terms.direction);
        if !problems.is_empty() {
            return None;
        }
        figures.push(parsed);
    }
    let refs: Vec<&Figures> = figures.iter().collect();
    outcome(terms, &refs).ok().map(|o| (o.total, o.grade))
}
