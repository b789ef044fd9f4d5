//! "录入本月数据 Enter month N": one form for all of a month's figures — cumulative spending
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
use jixiao_domain::money::format_yuan;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::lamp::LampBadge;
use crate::components::money::{parse_yuan, yuan_input};
use crate::format::number;

/// Which figure a problem belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    Line(i64),
    Value(i64),
}

/// A problem shown at one field of one figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub figure: Figure,
    /// `spent`, `value`, `note`, `cause` or `measure`.
    pub field: &'static str,
    pub message: String,
}

/// `spending[2].note` → `("spending", 2, "note")`.
pub fn split_path(path: &str) -> Option<(&str, usize, &str)> {
    let (head, field) = path.split_once("].")?;
    let (list, index) = head.split_once('[')?;
    Some((list, index.parse().ok()?, field))
}

/// The field of the form that shows a server field.
fn form_field(field: &str) -> &'static str {
    match field {
        "note" => "note",
        "cause" => "cause",
        "measure" => "measure",
        "value_to_date" | "indicator_id" => "value",
        _ => "spent",
    }
}

/// The server's problems mapped onto the figures as sent (`lines` and `values` are the ids
/// in the order they went).
pub fn map_problems(
    problems: &[jixiao_domain::FieldError],
    lines: &[i64],
    values: &[i64],
) -> Vec<Problem> {
    problems
        .iter()
        .filter_map(|p| {
            let (list, index, field) = split_path(&p.field)?;
            let figure = match list {
                "spending" => Figure::Line(*lines.get(index)?),
                "values" => Figure::Value(*values.get(index)?),
                _ => return None,
            };
            Some(Problem {
                figure,
                field: form_field(field),
                message: p.message.clone(),
            })
        })
        .collect()
}

/// A number typed by a person (thousands commas allowed).
pub fn parse_value(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | ' '))
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

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
    let alert = RwSignal::new(None::<ApiError>);
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
                error
            } else {
                ApiError {
                    message: "请修正标出的字段。 Please correct the marked fields.".to_owned(),
                    ..error
                }
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
                    Err(message) => found.push(Problem {
                        figure: Figure::Line(input.line.id),
                        field: "spent",
                        message: message.to_owned(),
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
                        message: "请填写数字 Enter a number".to_owned(),
                    }),
                }
            }
            if !found.is_empty() {
                problems.set(found);
                alert.set(Some(ApiError::from_response(
                    422,
                    r#"{"error":{"code":"validation","message":"请修正标出的字段。 Please correct the marked fields."}}"#,
                )));
                return;
            }
            if entry.spending.is_empty() && entry.values.is_empty() {
                problems.set(Vec::new());
                alert.set(Some(ApiError::from_response(
                    422,
                    r#"{"error":{"code":"empty","message":"未填写任何数据。 Nothing entered yet."}}"#,
                )));
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
                    "超出调整后预算，请说明原因 Over the adjusted budget: say why"
                } else {
                    "低于上月累计数（更正），请说明 Below last month's cumulative figure (a correction): say why"
                }
            });
            let hint = Signal::derive(move || {
                let before = previous_spent(id)
                    .map_or("—".to_owned(), format_yuan);
                format!(
                    "调整后预算 Adjusted budget {} · 上月累计 Last month {}",
                    format_yuan(adjusted),
                    before
                )
            });
            let figure = Figure::Line(id);
            view! {
                <fieldset class="entry-item" class:entry-red=move || preview.get() == Lamp::Red>
                    <legend>
                        <span>{line.name_zh.clone()}</span> " "
                        <span lang="en" class="name-en">{line.name_en.clone()}</span>
                    </legend>
                    {line.suspended.then(|| view! {
                        <p class="tag tag-suspended">"已暂停拨款 " <span lang="en">"Disbursement suspended"</span></p>
                    })}
                    <EntryInput id=format!("spent-{id}") label_zh="累计支出（元）" label_en="Spent to date (yuan)"
                        value=spent hint inputmode="decimal" problems figure field="spent" />
                    <p class="lamp-preview">"预计灯 " <span lang="en">"Lamp preview"</span> ": " {move || view! { <LampBadge lamp=preview.get() /> }}</p>
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
            let note_reason = Signal::derive(|| {
                "低于上月累计值（更正），请说明 Below last month's cumulative value (a correction): say why"
            });
            let unit = indicator.unit.clone();
            let expected = indicator.expected_to_date;
            let hint = Signal::derive(move || {
                format!(
                    "目标 Target {} · 按进度 Pro-rata {} · 上月 Last month {} ({})",
                    number(target),
                    expected.map_or("—".to_owned(), number),
                    previous_value(id).map_or("—".to_owned(), number),
                    unit
                )
            });
            let figure = Figure::Value(id);
            view! {
                <fieldset class="entry-item" class:entry-red=move || preview.get() == Lamp::Red>
                    <legend>
                        <span>{indicator.name_zh.clone()}</span> " "
                        <span lang="en" class="name-en">{indicator.name_en.clone()}</span>
                    </legend>
                    <EntryInput id=format!("value-{id}") label_zh=if accumulation == Accumulation::Cumulative { "累计值" } else { "本月值" }
                        label_en="Value to date" value hint inputmode="decimal" problems figure field="value" />
                    <p class="lamp-preview">"预计灯 " <span lang="en">"Lamp preview"</span> ": " {move || view! { <LampBadge lamp=preview.get() /> }}</p>
                    <NoteFields id notes needs_note note_reason preview problems figure prefix="value" />
                </fieldset>
            }
        })
        .collect_view();

    let title = format!("录入第 {month_number} 月数据");
    view! {
        <section class="panel entry-panel" aria-labelledby="entry-heading">
            <h2 id="entry-heading">{title} " " <span lang="en">{format!("Enter month {month_number}")}</span></h2>
            <p class="field-hint">
                "填写截至本月的累计数；留空的项目保持原值。 "
                <span lang="en">"Enter figures to date (cumulative); blank ones keep what they had."</span>
            </p>
            <form class="form entry-form" novalidate=true on:submit=submit>
                <h3>"预算支出 " <span lang="en">"Spending"</span></h3>
                <div class="entry-grid">{line_items}</div>
                <h3>"指标进度 " <span lang="en">"Indicator values"</span></h3>
                <div class="entry-grid">{value_items}</div>
                {move || alert.get().map(|e| view! {
                    <div class="form-alert" role="alert"><p>{e.message}</p></div>
                })}
                <div class="form-actions">
                    <button type="submit" class="button" disabled=move || save.pending().get()>
                        {format!("保存第 {month_number} 月数据 ")}
                        <span lang="en">{format!("Save month {month_number}")}</span>
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>
                        "取消 " <span lang="en">"Cancel"</span>
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
                .map(|p| p.message.clone())
        })
    })
}

/// One labelled input (or textarea) of the entry form with its hint and its problem.
#[component]
fn EntryInput(
    id: String,
    label_zh: &'static str,
    label_en: &'static str,
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
            <label for=id.clone()>{label_zh} " " <span lang="en">{label_en}</span></label>
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
            <EntryInput id=format!("{prefix}-note-{id}") label_zh="说明" label_en="Note"
                value=notes.note hint=note_reason multiline=true problems figure field="note" />
        })}
        {move || show_cause.get().then(|| view! {
            <div class="cause-fields">
                {move || is_red.get().then(|| view! {
                    <p class="cause-needed">"红灯：请填写原因和整改措施 " <span lang="en">"Red lamp: give the cause and the corrective measure"</span></p>
                })}
                <EntryInput id=format!("{prefix}-cause-{id}") label_zh="偏差原因" label_en="Cause"
                    value=notes.cause multiline=true problems figure field="cause" />
                <EntryInput id=format!("{prefix}-measure-{id}") label_zh="整改措施" label_en="Corrective measure"
                    value=notes.measure multiline=true problems figure field="measure" />
            </div>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_find_their_figure() {
        let problems = vec![
            jixiao_domain::FieldError::new("over_budget", "spending[1].note", "needs a reason"),
            jixiao_domain::FieldError::new("falling", "values[0].note", "correction"),
            jixiao_domain::FieldError::new("x", "other", "elsewhere"),
        ];
        let mapped = map_problems(&problems, &[10, 11], &[20]);
        assert_eq!(mapped.len(), 2);
        assert_eq!(mapped[0].figure, Figure::Line(11));
        assert_eq!(mapped[0].field, "note");
        assert_eq!(mapped[1].figure, Figure::Value(20));
        assert_eq!(
            split_path("values[3].value_to_date"),
            Some(("values", 3, "value_to_date"))
        );
    }

    #[test]
    fn values_parse() {
        assert_eq!(parse_value("1,234.5"), Some(1234.5));
        assert_eq!(parse_value("abc"), None);
        assert_eq!(parse_value("inf"), None);
    }
}
