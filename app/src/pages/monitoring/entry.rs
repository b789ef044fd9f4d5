//! "Enter month N" (录入第 N 月数据): one form for all of a month's figures — cumulative spending
//! per line (yuan, turned into fen exactly) and each indicator's value to date — with the
//! lamp each figure will get, computed here with the year's thresholds before saving. A
//! note is asked for where the server will ask for one (over budget, a falling cumulative
//! figure) and a cause and corrective measure where the lamp is red; the server's 422
//! problems are shown next to their fields.

use jixiao_domain::dto::monitoring::{
    DepartmentMonitor, IndicatorMonitor, LineMonitor, MonthEntry, SpendingFigure, ValueFigure,
};
use jixiao_domain::framework::{Accumulation, Direction};
use jixiao_domain::lamps::{indicator_lamp, spending_lamp, Lamp, LampThresholds, Month};
use leptos::prelude::*;

use super::problems::{map_problems, parse_value, Alert, Figure, Message, Problem};
use crate::api;
use crate::components::lamp::LampBadge;
use crate::components::money::{parse_yuan, yuan_input};
use crate::format::{money, number};
use crate::locale::{current, pick, t, t_string, td_string, use_i18n, Locale};

fn filled(text: &RwSignal<String>) -> Option<String> {
    let text = text.get_untracked();
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[derive(Clone, Copy)]
struct Notes {
    note: RwSignal<String>,
    cause: RwSignal<String>,
    measure: RwSignal<String>,
}

impl Notes {
    fn new(cause: Option<String>, measure: Option<String>) -> Self {
        Self {
            note: RwSignal::new(String::new()),
            cause: RwSignal::new(cause.unwrap_or_default()),
            measure: RwSignal::new(measure.unwrap_or_default()),
        }
    }
}

#[derive(Clone)]
struct LineInput {
    line: LineMonitor,
    spent: RwSignal<String>,
    notes: Notes,
}

#[derive(Clone)]
struct ValueInput {
    indicator: IndicatorMonitor,
    value: RwSignal<String>,
    notes: Notes,
}

/// Indicators that take a monthly value (not qualitative ratings, not the execution rate,
/// which comes from spending).
pub fn takes_values(direction: Direction) -> bool {
    matches!(
        direction,
        Direction::HigherBetter | Direction::LowerBetter | Direction::ZeroTarget
    )
}

#[component]
pub fn MonthEntryForm(
    code: String,
    monitor: DepartmentMonitor,
    thresholds: LampThresholds,
    on_saved: Callback<DepartmentMonitor>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let year = monitor.year;
    let month_number = monitor.month;
    let month = Month::parse(i64::from(month_number)).ok();
    // Last month's figures: hints, and the "falling cumulative" check.
    let previous = LocalResource::new({
        let code = code.clone();
        move || {
            let code = code.clone();
            async move {
                if month_number > 1 {
                    api::monitoring::department(&code, year, Some(month_number - 1))
                        .await
                        .ok()
                } else {
                    None
                }
            }
        }
    });
    let previous_spent = move |id: i64| -> Option<i64> {
        previous.get().flatten().and_then(|p| {
            p.lines
                .iter()
                .find(|l| l.id == id)
                .and_then(|l| l.spent_to_date_fen)
        })
    };
    let previous_value = move |id: i64| -> Option<f64> {
        previous.get().flatten().and_then(|p| {
            p.indicators
                .iter()
                .find(|i| i.id == id)
                .and_then(|i| i.value_to_date)
        })
    };

    let lines: Vec<LineInput> = monitor
        .lines
        .iter()
        .map(|line| LineInput {
            line: line.clone(),
            spent: RwSignal::new(line.spent_to_date_fen.map(yuan_input).unwrap_or_default()),
            notes: Notes::new(line.cause.clone(), line.measure.clone()),
        })
        .collect();
    let values: Vec<ValueInput> = monitor
        .indicators
        .iter()
        .filter(|i| takes_values(i.direction))
        .map(|i| ValueInput {
            indicator: i.clone(),
            value: RwSignal::new(i.value_to_date.map(number).unwrap_or_default()),
            notes: Notes::new(i.cause.clone(), i.measure.clone()),
        })
        .collect();

    let problems = RwSignal::new(Vec::<Problem>::new());
    let alert = RwSignal::new(None::<Alert>);
    let save = Action::new_local(move |input: &(MonthEntry, Vec<i64>, Vec<i64>)| {
        let (entry, sent_lines, sent_values) = input.clone();
        let code = code.clone();
        async move {
            api::monitoring::enter_month(&code, year, month_number, &entry)
                .await
                .map_err(|e| (e, sent_lines, sent_values))
        }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(saved)) => on_saved.run(saved),
        Some(Err((error, sent_lines, sent_values))) => {
            let mapped = map_problems(&error.problems, &sent_lines, &sent_values);
            let unmapped = error.problems.len() > mapped.len() || error.problems.is_empty();
            problems.set(mapped);
            alert.set(Some(if unmapped {
                Alert::Server(error)
            } else {
                Alert::FixMarked
            }));
        }
        None => {}
    });

    let submit = {
        let lines = lines.clone();
        let values = values.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut found = Vec::new();
            let mut entry = MonthEntry {
                spending: Vec::new(),
                values: Vec::new(),
            };
            let (mut sent_lines, mut sent_values) = (Vec::new(), Vec::new());
            for input in &lines {
                let Some(text) = filled(&input.spent) else {
                    continue;
                };
                match parse_yuan(&text) {
                    Ok(fen) => {
                        sent_lines.push(input.line.id);
                        entry.spending.push(SpendingFigure {
                            budget_line_id: input.line.id,
                            spent_to_date_fen: fen,
                            note: filled(&input.notes.note),
                            cause: filled(&input.notes.cause),
                            measure: filled(&input.notes.measure),
                        });
                    }
                    Err(error) => found.push(Problem {
                        figure: Figure::Line(input.line.id),
                        field: "spent",
                        message: Message::Money(error),
                    }),
                }
            }
            for input in &values {
                let Some(text) = filled(&input.value) else {
                    continue;
                };
                match parse_value(&text) {
                    Some(value) => {
                        sent_values.push(input.indicator.id);
                        entry.values.push(ValueFigure {
                            indicator_id: input.indicator.id,
                            value_to_date: value,
                            note: filled(&input.notes.note),
                            cause: filled(&input.notes.cause),
                            measure: filled(&input.notes.measure),
                        });
                    }
                    None => found.push(Problem {
                        figure: Figure::Value(input.indicator.id),
                        field: "value",
                        message: Message::NotANumber,
                    }),
                }
            }
            if !found.is_empty() {
                problems.set(found);
                alert.set(Some(Alert::FixMarked));
                return;
            }
            if entry.spending.is_empty() && entry.values.is_empty() {
                problems.set(Vec::new());
                alert.set(Some(Alert::NothingEntered));
                return;
            }
            problems.set(Vec::new());
            alert.set(None);
            save.dispatch((entry, sent_lines, sent_values));
        }
    };

    let line_items = lines
        .into_iter()
        .map(|input| {
            let LineInput { line, spent, notes } = input;
            let id = line.id;
            let adjusted = line.adjusted_fen;
            let parsed = Memo::new(move |_| spent.with(|t| parse_yuan(t).ok()));
            let preview = Signal::derive(move || match (parsed.get(), month) {
                (Some(fen), Some(m)) => spending_lamp(adjusted, fen, m, thresholds).lamp,
                _ => Lamp::None,
            });
            let over = move || parsed.get().is_some_and(|fen| fen > adjusted);
            let falling = move || {
                parsed
                    .get()
                    .zip(previous_spent(id))
                    .is_some_and(|(now, before)| now < before)
            };
            let needs_note = Signal::derive(move || over() || falling());
            let note_reason = Signal::derive(move || {
                if over() {
                    t_string!(i18n, monitoring.entry.over_budget)
                } else {
                    t_string!(i18n, monitoring.entry.falling_spent)
                }
            });
            let hint = Signal::derive(move || {
                let locale = current();
                let before = previous_spent(id).map_or("—".to_owned(), |fen| money(fen, locale));
                td_string!(
                    locale,
                    monitoring.entry.spent_hint,
                    adjusted = money(adjusted, locale),
                    last = before
                )
                .to_string()
            });
            let figure = Figure::Line(id);
            view! {
                <fieldset class="entry-item" class:entry-red=move || preview.get() == Lamp::Red>
                    <legend>{move || pick(&line.name_zh, &line.name_en).to_owned()}</legend>
                    {line.suspended.then(|| view! {
                        <p class="tag tag-suspended">{t!(i18n, monitoring.entry.suspended)}</p>
                    })}
                    <EntryInput id=format!("spent-{id}") label=|l| td_string!(l, monitoring.entry.spent_label)
                        value=spent hint inputmode="decimal" problems figure field="spent" />
                    <p class="lamp-preview">{t!(i18n, monitoring.entry.lamp_preview)} ": " {move || view! { <LampBadge lamp=preview.get() /> }}</p>
                    <NoteFields id notes needs_note note_reason preview problems figure prefix="line" />
                </fieldset>
            }
        })
        .collect_view();

    let value_items = values
        .into_iter()
        .map(|input| {
            let ValueInput { indicator, value, notes } = input;
            let id = indicator.id;
            let (direction, accumulation) = (indicator.direction, indicator.accumulation);
            let target = indicator.target.unwrap_or(0.0);
            let parsed = Memo::new(move |_| value.with(|t| parse_value(t)));
            let preview = Signal::derive(move || match (parsed.get(), month) {
                (Some(v), Some(m)) => {
                    indicator_lamp(direction, accumulation, target, Some(v), m, thresholds).lamp
                }
                _ => Lamp::None,
            });
            let falling = move || {
                accumulation == Accumulation::Cumulative
                    && parsed
                        .get()
                        .zip(previous_value(id))
                        .is_some_and(|(now, before)| now < before)
            };
            let needs_note = Signal::derive(falling);
            let note_reason =
                Signal::derive(move || t_string!(i18n, monitoring.entry.falling_value));
            let unit = indicator.unit.clone();
            let expected = indicator.expected_to_date;
            let hint = Signal::derive(move || {
                t_string!(
                    i18n,
                    monitoring.entry.value_hint,
                    target = number(target),
                    expected = expected.map_or("—".to_owned(), number),
                    last = previous_value(id).map_or("—".to_owned(), number),
                    unit = unit.clone()
                )
                .to_string()
            });
            let value_label: fn(Locale) -> &'static str =
                if accumulation == Accumulation::Cumulative {
                    |l| td_string!(l, monitoring.entry.value_cumulative)
                } else {
                    |l| td_string!(l, monitoring.entry.value_level)
                };
            let figure = Figure::Value(id);
            view! {
                <fieldset class="entry-item" class:entry-red=move || preview.get() == Lamp::Red>
                    <legend>{move || pick(&indicator.name_zh, &indicator.name_en).to_owned()}</legend>
                    <EntryInput id=format!("value-{id}") label=value_label
                        value hint inputmode="decimal" problems figure field="value" />
                    <p class="lamp-preview">{t!(i18n, monitoring.entry.lamp_preview)} ": " {move || view! { <LampBadge lamp=preview.get() /> }}</p>
                    <NoteFields id notes needs_note note_reason preview problems figure prefix="value" />
                </fieldset>
            }
        })
        .collect_view();

    view! {
        <section class="panel entry-panel" aria-labelledby="entry-heading">
            <h2 id="entry-heading">{t!(i18n, monitoring.entry.heading, month = month_number)}</h2>
            <p class="field-hint">{t!(i18n, monitoring.entry.intro)}</p>
            <form class="form entry-form" novalidate=true on:submit=submit>
                <h3>{t!(i18n, monitoring.entry.spending)}</h3>
                <div class="entry-grid">{line_items}</div>
                <h3>{t!(i18n, monitoring.entry.values)}</h3>
                <div class="entry-grid">{value_items}</div>
                {move || alert.get().map(|alert| view! {
                    <div class="form-alert" role="alert"><p>{alert.text(current())}</p></div>
                })}
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || save.pending().get()>
                        {t!(i18n, monitoring.entry.save, month = month_number)}
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>
                        {t!(i18n, common.cancel)}
                    </button>
                </div>
            </form>
        </section>
    }
}

/// The message of the problem at `field` of `figure`, if any.
fn problem_at(
    problems: RwSignal<Vec<Problem>>,
    figure: Figure,
    field: &'static str,
) -> Signal<Option<String>> {
    Signal::derive(move || {
        problems.with(|all| {
            all.iter()
                .find(|p| p.figure == figure && p.field == field)
                .map(|p| p.message.text(current()))
        })
    })
}

/// One labelled input (or textarea) of the entry form with its hint and its problem.
#[component]
fn EntryInput(
    id: String,
    /// The label in a language.
    label: fn(Locale) -> &'static str,
    value: RwSignal<String>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] multiline: bool,
    problems: RwSignal<Vec<Problem>>,
    figure: Figure,
    field: &'static str,
) -> impl IntoView {
    let error = problem_at(problems, figure, field);
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
    let control = if multiline {
        view! {
            <textarea id=id.clone() name=id.clone() rows="2" bind:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=id.clone() type="text" inputmode=inputmode autocomplete="off" bind:value=value
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=described />
        }
        .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{move || label(current())}</label>
            {control}
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{move || hint.get()}</p> })}
            {move || error.get().map(|message| view! { <p id=error_id.clone() class="field-error">{message}</p> })}
        </div>
    }
}

/// The note (where the server asks for one) and the cause and measure (where the lamp is
/// red, or one was given before).
#[component]
fn NoteFields(
    id: i64,
    notes: Notes,
    needs_note: Signal<bool>,
    note_reason: Signal<&'static str>,
    preview: Signal<Lamp>,
    problems: RwSignal<Vec<Problem>>,
    figure: Figure,
    prefix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let note_problem = problem_at(problems, figure, "note");
    let cause_problem = problem_at(problems, figure, "cause");
    let had_cause = notes.cause.with_untracked(|c| !c.is_empty())
        || notes.measure.with_untracked(|m| !m.is_empty());
    // Memos: typing in a field must not rebuild it (and lose the focus).
    let show_note = Memo::new(move |_| {
        needs_note.get() || note_problem.with(Option::is_some) || notes.note.with(|n| !n.is_empty())
    });
    let is_red = Memo::new(move |_| preview.get() == Lamp::Red);
    let show_cause =
        Memo::new(move |_| is_red.get() || had_cause || cause_problem.with(Option::is_some));
    view! {
        {move || show_note.get().then(|| view! {
            <EntryInput id=format!("{prefix}-note-{id}") label=|l| td_string!(l, monitoring.entry.note)
                value=notes.note hint=note_reason multiline=true problems figure field="note" />
        })}
        {move || show_cause.get().then(|| view! {
            <div class="cause-fields">
                {move || is_red.get().then(|| view! {
                    <p class="cause-needed">{t!(i18n, monitoring.entry.red_needs_cause)}</p>
                })}
                <EntryInput id=format!("{prefix}-cause-{id}") label=|l| td_string!(l, monitoring.entry.cause)
                    value=notes.cause multiline=true problems figure field="cause" />
                <EntryInput id=format!("{prefix}-measure-{id}") label=|l| td_string!(l, monitoring.entry.measure)
                    value=notes.measure multiline=true problems figure field="measure" />
            </div>
        })}
    }
}
