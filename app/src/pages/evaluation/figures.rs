//! The pieces both evaluation forms share: one indicator's terms, its figure controls (an
//! actual, or a rating with the percent inside its band), labelled text inputs that name
//! the indicator (`aria-label="实际值 Actual — Schools built"`), the live score preview, and
//! the problems of a field (the local check first, then the server's).

use std::str::FromStr;

use jixiao_domain::dto::evaluation::EvaluationItem;
use jixiao_domain::evaluation::{needs_cause, outcome, Figures, Terms};
use jixiao_domain::framework::Direction;
use jixiao_domain::scoring::{Grade, Rating, Scored};
use jixiao_domain::FieldError;
use leptos::prelude::*;

use super::model::{parse_number, FigureText};
use super::problems::{problem_zh, ItemProblem};
use super::text::{achievement_text, band_text, score_text, total_text};
use crate::components::grade::GradeBadge;
use crate::format::number;

/// Where the problems shown at the fields come from.
#[derive(Clone, Copy)]
pub struct Problems {
    /// The local check's problems to show now (`items[i].field`).
    pub local: Signal<Vec<FieldError>>,
    /// The server's, placed at their items.
    pub server: RwSignal<Vec<ItemProblem>>,
}

impl Problems {
    /// The message at `field` of item `index` (`""`: the item as a whole, server only).
    pub fn at(self, index: usize, field: &'static str) -> Signal<Option<String>> {
        Signal::derive(move || {
            let path = format!("items[{index}].{field}");
            let local = self.local.with(|all| {
                all.iter()
                    .find(|p| !field.is_empty() && p.field == path)
                    .map(|p| format!("{} {}", problem_zh(&p.code), p.message))
            });
            local.or_else(|| {
                self.server.with(|all| {
                    all.iter()
                        .find(|p| p.index == index && p.field == field)
                        .map(|p| format!("{} {}", problem_zh(&p.code), p.message))
                })
            })
        })
    }
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
    let i = item.indicator;
    let target = if i.direction == Direction::Qualitative {
        i.target_text.clone().unwrap_or_else(|| "—".to_owned())
    } else {
        i.target
            .map_or("—".to_owned(), |t| format!("{} {}", number(t), i.unit))
    };
    let baseline = i
        .baseline
        .map_or("—".to_owned(), |b| format!("{} {}", number(b), i.unit));
    view! {
        <p class="eval-name">
            <span class="name-zh">{i.name_zh.clone()}</span> " "
            <span class="name-en" lang="en">{i.name_en.clone()}</span>
            {item.key_work.then(|| view! {
                " " <span class="badge origin-key_work">"重点工作 " <span lang="en">"Key work"</span></span>
            })}
        </p>
        <ul class="eval-terms">
            <li>"方向 " <span lang="en">"Direction"</span> ": "
                {i.direction.label_zh()} " " <span lang="en">{i.direction.label_en()}</span></li>
            <li>"目标 " <span lang="en">"Target"</span> ": " {target}</li>
            <li>"基期 " <span lang="en">"Baseline"</span> ": " {baseline}</li>
            <li>"计量单位 " <span lang="en">"Unit"</span> ": " {if i.unit.is_empty() { "—".to_owned() } else { i.unit.clone() }}</li>
            <li>"分值 " <span lang="en">"Points"</span> ": " <strong>{number(i.points)}</strong></li>
        </ul>
    }
}

/// A labelled text input or textarea, named for its indicator, with hint and problem.
#[component]
pub fn LabelledInput(
    id: String,
    label_zh: &'static str,
    label_en: &'static str,
    /// The indicator's English name, for the accessible name.
    name_en: String,
    value: RwSignal<String>,
    #[prop(optional)] multiline: bool,
    #[prop(optional)] numeric: bool,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let aria_label = format!("{label_zh} {label_en} — {name_en}");
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
    let control = if multiline {
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
            <label for=id.clone()>{label_zh} " " <span lang="en">{label_en}</span></label>
            {control}
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{move || hint.get()}</p> })}
            {move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
        </div>
    }
}

/// The rating select of a qualitative indicator.
#[component]
fn RatingSelect(
    id: String,
    label_zh: &'static str,
    label_en: &'static str,
    name_en: String,
    value: RwSignal<String>,
    /// The percent: cleared when it falls outside the band of a newly chosen rating.
    percent: RwSignal<String>,
    error: Signal<Option<String>>,
) -> impl IntoView {
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
    let choices = std::iter::once(("", "请选择", "Choose…"))
        .chain(
            Rating::ALL
                .iter()
                .map(|r| (r.as_str(), r.label_zh(), r.label_en())),
        )
        .map(|(wire, zh, en)| {
            view! {
                <option value=wire prop:selected=move || value.with(|v| v == wire)>{format!("{zh} {en}")}</option>
            }
        })
        .collect_view();
    view! {
        <div class="field eval-field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label_zh} " " <span lang="en">{label_en}</span></label>
            <select id=id.clone() name=id.clone() aria-label=format!("{label_zh} {label_en} — {name_en}")
                on:change=move |ev| choose(event_target_value(&ev))
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || error.with(Option::is_some).then(|| error_id.clone())>
                {choices}
            </select>
            {let error_id = format!("{id}-error"); move || error.get().map(|m| view! { <p id=error_id.clone() class="field-error">{m}</p> })}
        </div>
    }
}

/// The figure controls of one indicator: an actual, or a rating and its percent.
/// `finance` labels them as finance's ("复评…").
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
    let name_en = item.indicator.name_en.clone();
    let unit = item.indicator.unit.clone();
    match item.indicator.direction {
        Direction::Qualitative => {
            let hint = Signal::derive(move || {
                inputs
                    .rating
                    .with(|r| Rating::from_str(r).ok())
                    .map_or_else(|| "先选评级 Choose a rating first".to_owned(), band_text)
            });
            let (rating_zh, rating_en, percent_zh, percent_en) = if finance {
                (
                    "复评评级",
                    "Finance rating",
                    "复评百分比",
                    "Finance percent",
                )
            } else {
                ("评级", "Rating", "评级百分比", "Percent")
            };
            view! {
                <RatingSelect id=format!("{id}-rating") label_zh=rating_zh label_en=rating_en name_en=name_en.clone()
                    value=inputs.rating percent=inputs.percent error=problems.at(index, "rating") />
                <LabelledInput id=format!("{id}-percent") label_zh=percent_zh label_en=percent_en
                    name_en value=inputs.percent numeric=true hint error=problems.at(index, "percent") />
            }
            .into_any()
        }
        direction => {
            let hint = if direction == Direction::BudgetExecution {
                "执行率，如 0.95 表示 95% · Rate, e.g. 0.95 = 95%".to_owned()
            } else if unit.is_empty() {
                "填写数字 Enter a number".to_owned()
            } else {
                format!("单位 Unit: {unit}")
            };
            let hint = Signal::stored(hint);
            let label_zh = if finance {
                "复评实际值"
            } else {
                "实际值"
            };
            let label_en = if finance { "Finance actual" } else { "Actual" };
            view! {
                <LabelledInput id=format!("{id}-actual") label_zh label_en name_en
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
                    <p class="tag eval-flag">"目标可能偏低 " <span lang="en">"Target may be set too low"</span></p>
                })}
                {missing.then(|| view! {
                    <p class="cause-needed eval-cause-needed">"需说明原因 " <span lang="en">"Cause required"</span></p>
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

/// The total and grade the typed figures would give, or why there is none yet.
#[component]
pub fn PreviewTotal(
    id: &'static str,
    label_zh: &'static str,
    label_en: &'static str,
    outcome: Signal<Option<(f64, Grade)>>,
) -> impl IntoView {
    view! {
        <p id=id class="eval-preview-total">
            {label_zh} " " <span lang="en">{label_en}</span> ": "
            {move || match outcome.get() {
                Some((total, grade)) => view! {
                    <strong>{total_text(total)}</strong> " " <GradeBadge grade />
                }.into_any(),
                None => view! {
                    <span class="muted">"尚未填写完整 " <span lang="en">"Not complete yet"</span></span>
                }.into_any(),
            }}
            <span class="eval-preview-note">" （预览，以服务器计算为准 " <span lang="en">"preview: the server recomputes"</span> "）"</span>
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
