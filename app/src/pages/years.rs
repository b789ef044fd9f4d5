//! `/years` (everyone; the rules are public): every fiscal year, newest first, with its phase
//! and rules. Finance opens a year, edits a year's rules (the points allocation only in
//! planning; a closed year is read-only) and moves a year on to its next phase after a
//! confirmation that says what the next phase allows.

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::dto::years::{FiscalYear, YearList};
use jixiao_domain::dto::YearRules;
use jixiao_domain::framework::Phase;
use jixiao_domain::FieldError;
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{self, ApiError};
use crate::auth::use_auth;
use crate::components::fetched::fetched;
use crate::components::focus::focus_later;
use crate::components::form::{field_error, FormButtons, FormStatus};
use crate::components::guard::access_error;
use crate::components::phase::{entering, next_phase, PhaseBadge};
use crate::components::rules_form::{
    field_id, is_rules_field, local_error, RulesFields, RulesInputs, RulesSummary,
};
use crate::components::stale::{stale_current, WriteAlert};
use crate::locale::{pick, pick_in, t, t_string, td_string, use_i18n, Locale};

#[component]
pub fn YearsPage() -> impl IntoView {
    let auth = use_auth();
    let i18n = use_i18n();
    let can_manage = Signal::derive(move || auth.can(Capability::ManageYears));
    let years = LocalResource::new(api::years::list);
    let opened = RwSignal::new(None::<String>);
    // The year after the newest, offered in "Open a year".
    let suggested = Memo::new(move |_| {
        years
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.years.iter().map(|y| y.year).max())
            .map(|newest| newest + 1)
    });
    let on_opened = Callback::new(move |year: FiscalYear| {
        let locale = i18n.get_locale_untracked();
        opened.set(Some(
            td_string!(locale, admin.years.opened, year = year.year).to_string(),
        ));
        years.refetch();
    });

    view! {
        <Title text=move || t_string!(i18n, admin.years.title).to_string() />
        <div class="page">
            <header class="page-header">
                <h1>{t!(i18n, admin.years.title)}</h1>
                <p class="lead">{t!(i18n, admin.years.lead)}</p>
            </header>
            <FormStatus message=opened.into() />
            {fetched(
                years,
                move |list: YearList| {
                    if list.years.is_empty() {
                        return view! {
                            <p class="empty">{t!(i18n, admin.years.none)}</p>
                        }
                        .into_any();
                    }
                    list.years
                        .into_iter()
                        .map(|year| view! { <YearCard year can_manage /> })
                        .collect_view()
                        .into_any()
                },
                access_error,
            )}
            {move || can_manage.get().then(|| view! {
                <section class="panel" aria-labelledby="open-year-heading">
                    <h2 id="open-year-heading">{t!(i18n, admin.years.open_heading)}</h2>
                    <OpenYearForm suggested on_opened />
                </section>
            })}
        </div>
    }
}

/// Prefix of the element ids of the "Open a year" form.
const OPEN_PREFIX: &str = "open";

/// Prefix of the element ids of a year's rules form.
fn prefix_of(year: i32) -> String {
    format!("y{year}")
}

/// Shows `e` in the form and takes the keyboard to the field it names, if any.
fn show_error(error: RwSignal<Option<ApiError>>, prefix: &str, e: ApiError) {
    let target = e.field.as_deref().and_then(|field| {
        if field == "year" {
            Some(YEAR_INPUT.to_owned())
        } else {
            field_id(prefix, field)
        }
    });
    error.set(Some(e));
    if let Some(id) = target {
        focus_later(id);
    }
}

/// What a year's card shows besides its rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    View,
    Edit,
    ConfirmPhase,
}

#[component]
fn YearCard(year: FiscalYear, can_manage: Signal<bool>) -> impl IntoView {
    let number = year.year;
    let i18n = use_i18n();
    let current = RwSignal::new(year);
    let mode = RwSignal::new(Mode::View);
    let status = RwSignal::new(None::<String>);
    let heading = format!("year-{number}-heading");
    let labelled_by = heading.clone();
    let phase = Memo::new(move |_| current.with(|y| y.phase));

    let start = move |next: Mode| {
        status.set(None);
        mode.set(next);
        match next {
            Mode::Edit => focus_later(format!("y{number}-edit-heading")),
            Mode::ConfirmPhase => focus_later(format!("y{number}-confirm-heading")),
            Mode::View => {}
        }
    };
    let on_saved = Callback::new(move |saved: FiscalYear| {
        current.set(saved);
        mode.set(Mode::View);
        let locale = i18n.get_locale_untracked();
        status.set(Some(
            td_string!(locale, admin.years.saved, year = number).to_string(),
        ));
    });
    let on_moved = Callback::new(move |moved: FiscalYear| {
        let phase = moved.phase;
        current.set(moved);
        mode.set(Mode::View);
        let locale = i18n.get_locale_untracked();
        let phase = pick_in(locale, phase.label_zh(), phase.label_en());
        status.set(Some(
            td_string!(locale, admin.years.moved, year = number, phase = phase).to_string(),
        ));
    });
    let on_reloaded = Callback::new(move |now: FiscalYear| {
        current.set(now);
        let locale = i18n.get_locale_untracked();
        status.set(Some(
            td_string!(locale, admin.years.reloaded, year = number).to_string(),
        ));
    });
    let on_cancel = Callback::new(move |()| mode.set(Mode::View));

    let actions = move || {
        if !can_manage.get() || mode.get() != Mode::View {
            return None;
        }
        Some(match next_phase(phase.get()) {
            None => view! {
                <p class="field-hint">{t!(i18n, admin.years.closed_read_only)}</p>
            }
            .into_any(),
            Some(next) => view! {
                <div class="form-actions">
                    <button type="button" class="button button-secondary" on:click=move |_| start(Mode::Edit)>
                        {t!(i18n, admin.years.edit_rules)}
                    </button>
                    <button type="button" class="button button-secondary" on:click=move |_| start(Mode::ConfirmPhase)>
                        {t!(i18n, admin.years.move_to, phase = move || pick(next.label_zh(), next.label_en()))}
                    </button>
                </div>
            }
            .into_any(),
        })
    };
    let panel = move || {
        if !can_manage.get() || phase.get() == Phase::Closed {
            return None;
        }
        match mode.get() {
            Mode::View => None,
            Mode::Edit => Some(
                view! { <EditRulesForm year=current on_saved on_reloaded on_cancel /> }.into_any(),
            ),
            Mode::ConfirmPhase => Some(
                view! { <PhaseConfirm year=current on_moved on_reloaded on_cancel /> }.into_any(),
            ),
        }
    };

    view! {
        <article class="panel year-card" aria-labelledby=labelled_by>
            <header class="year-header">
                <h2 id=heading>{t!(i18n, admin.years.year_heading, year = number)}</h2>
                {move || view! { <PhaseBadge phase=phase.get() /> }}
            </header>
            <FormStatus message=status.into() />
            {move || view! { <RulesSummary rules=current.with(|y| y.rules) /> }}
            {actions}
            {panel}
        </article>
    }
}

/// Finance's form for one year's rules.
#[component]
fn EditRulesForm(
    year: RwSignal<FiscalYear>,
    on_saved: Callback<FiscalYear>,
    on_reloaded: Callback<FiscalYear>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let number = year.with_untracked(|y| y.year);
    let i18n = use_i18n();
    let inputs = RulesInputs::new(&year.with_untracked(|y| y.rules));
    let error = RwSignal::new(None::<ApiError>);
    let locked = Signal::derive(move || year.with(|y| y.phase != Phase::Planning));
    let heading = format!("y{number}-edit-heading");
    let labelled_by = heading.clone();

    let save = Action::new_local(move |(revision, rules): &(i64, YearRules)| {
        let (revision, rules) = (*revision, *rules);
        async move {
            match api::years::update_rules(number, revision, rules).await {
                Ok(saved) => on_saved.run(saved),
                Err(e) => show_error(error, &prefix_of(number), e),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        match inputs.read() {
            Ok(rules) => {
                save.dispatch_local((year.with_untracked(|y| y.revision), rules));
            }
            Err(problem) => show_error(error, &prefix_of(number), local_error(problem)),
        }
    };
    let on_reload = Callback::new(move |stale: ApiError| {
        if let Some(now) = stale_current::<FiscalYear>(&stale) {
            inputs.set(&now.rules);
            error.set(None);
            on_reloaded.run(now);
        }
    });

    view! {
        <section class="year-panel" aria-labelledby=labelled_by>
            <h3 id=heading.clone() tabindex="-1">
                {t!(i18n, admin.years.edit_heading, year = number)}
            </h3>
            <form class="form" aria-labelledby=heading novalidate on:submit=on_submit>
                <WriteAlert error on_reload claimed=is_rules_field />
                <RulesFields prefix=prefix_of(number) inputs error allocation_locked=locked />
                <FormButtons pending=save.pending() label=move || t_string!(i18n, admin.years.save_rules) on_cancel />
            </form>
        </section>
    }
}

/// The confirmation step before a year moves on to its next phase.
#[component]
fn PhaseConfirm(
    year: RwSignal<FiscalYear>,
    on_moved: Callback<FiscalYear>,
    on_reloaded: Callback<FiscalYear>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let number = year.with_untracked(|y| y.year);
    let i18n = use_i18n();
    let error = RwSignal::new(None::<ApiError>);
    let heading = format!("y{number}-confirm-heading");
    let next = Memo::new(move |_| year.with(|y| next_phase(y.phase)));

    let advance = Action::new_local(move |(revision, phase): &(i64, Phase)| {
        let (revision, phase) = (*revision, *phase);
        async move {
            match api::years::change_phase(number, revision, phase).await {
                Ok(moved) => on_moved.run(moved),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let confirm = move |_| {
        error.set(None);
        if let Some(phase) = next.get_untracked() {
            advance.dispatch_local((year.with_untracked(|y| y.revision), phase));
        }
    };
    let on_reload = Callback::new(move |stale: ApiError| {
        if let Some(now) = stale_current::<FiscalYear>(&stale) {
            error.set(None);
            on_reloaded.run(now);
        }
    });

    move || {
        let heading = heading.clone();
        let labelled_by = heading.clone();
        next.get().map(|phase| {
            let (zh, en) = entering(phase);
            let name = move || pick(phase.label_zh(), phase.label_en());
            view! {
                <section class="year-panel confirm-panel" aria-labelledby=labelled_by>
                    <h3 id=heading tabindex="-1">
                        {t!(i18n, admin.years.confirm_heading, year = number, phase = name)}
                    </h3>
                    <p>{move || pick(zh, en)}</p>
                    <p class="field-hint">{t!(i18n, admin.years.forward_only)}</p>
                    <WriteAlert error on_reload claimed=|_| false />
                    <div class="form-actions">
                        <button type="button" class="button" on:click=confirm
                            disabled=move || advance.pending().get()>
                            {t!(i18n, admin.years.confirm_button, phase = name)}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>
                            {t!(i18n, common.cancel)}
                        </button>
                    </div>
                </section>
            }
        })
    }
}

/// The year typed in "Open a year", checked like the server does; the error in `locale`.
fn parse_year(text: &str, locale: Locale) -> Result<i32, FieldError> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|year| (2000..=2999).contains(year))
        .ok_or_else(|| {
            let message = td_string!(locale, admin.years.invalid_year);
            FieldError::new("invalid_year", "year", message)
        })
}

fn claimed_by_open_form(field: &str) -> bool {
    field == "year" || is_rules_field(field)
}

/// Finance's "Open a year": the year and its rules, prefilled with DESIGN's defaults.
#[component]
fn OpenYearForm(suggested: Memo<Option<i32>>, on_opened: Callback<FiscalYear>) -> impl IntoView {
    let year = RwSignal::new(String::new());
    let inputs = RulesInputs::new(&YearRules::default());
    let error = RwSignal::new(None::<ApiError>);
    let i18n = use_i18n();
    // Offer the year after the newest (again after each opening).
    Effect::new(move |_| {
        if let Some(next) = suggested.get() {
            year.set(next.to_string());
        }
    });

    let open = Action::new_local(move |(number, rules): &(i32, YearRules)| {
        let (number, rules) = (*number, *rules);
        async move {
            match api::years::open(number, rules).await {
                Ok(opened) => {
                    inputs.set(&YearRules::default());
                    on_opened.run(opened);
                }
                Err(mut e) => {
                    if e.code == "already_exists" {
                        e.field = Some("year".to_owned());
                        let locale = i18n.get_locale_untracked();
                        e.message =
                            td_string!(locale, admin.years.already_open, year = number).to_string();
                    }
                    show_error(error, OPEN_PREFIX, e);
                }
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let checked = parse_year(&year.get_untracked(), i18n.get_locale_untracked())
            .and_then(|number| inputs.read().map(|rules| (number, rules)));
        match checked {
            Ok(input) => {
                open.dispatch_local(input);
            }
            Err(problem) => show_error(error, OPEN_PREFIX, local_error(problem)),
        }
    };
    let defaults = move |_| {
        error.set(None);
        inputs.set(&YearRules::default());
    };
    // "Reload" never applies to a year that does not exist yet.
    let on_reload = Callback::new(move |_: ApiError| error.set(None));

    view! {
        <form class="form" aria-labelledby="open-year-heading" novalidate on:submit=on_submit>
            <p class="field-hint">{t!(i18n, admin.years.new_year_hint)}</p>
            <WriteAlert error on_reload claimed=claimed_by_open_form />
            <YearField value=year error=field_error(error, "year") />
            <RulesFields prefix=OPEN_PREFIX.to_owned() inputs error allocation_locked=false />
            <div class="form-actions">
                <button type="submit" class="button" disabled=move || open.pending().get()>
                    {t!(i18n, admin.years.open_button)}
                </button>
                <button type="button" class="button button-secondary" on:click=defaults>
                    {t!(i18n, admin.years.restore_defaults)}
                </button>
            </div>
        </form>
    }
}

const YEAR_INPUT: &str = "open-year";

/// The year number of "Open a year".
#[component]
fn YearField(value: RwSignal<String>, error: Signal<Option<String>>) -> impl IntoView {
    let invalid = move || error.with(Option::is_some);
    let i18n = use_i18n();
    view! {
        <div class="field field-year" class:field-invalid=invalid>
            <label for=YEAR_INPUT>{t!(i18n, common.year)}</label>
            <input
                id=YEAR_INPUT
                name="year"
                type="number"
                inputmode="numeric"
                min="2000"
                max="2999"
                step="1"
                bind:value=value
                aria-invalid=move || invalid().then_some("true")
                aria-describedby=move || invalid().then_some("open-year-error")
            />
            {move || error.get().map(|message| view! {
                <p id="open-year-error" class="field-error">{message}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_checked_like_the_server() {
        assert_eq!(parse_year(" 2029 ", Locale::en), Ok(2029));
        for bad in ["", "1999", "3000", "20.5", "next"] {
            assert_eq!(
                parse_year(bad, Locale::en).unwrap_err().field,
                "year",
                "{bad:?}"
            );
        }
        let zh = parse_year("1999", Locale::zh_CN).unwrap_err();
        assert_eq!(zh.message, "请输入 2000 到 2999 之间的年份。");
        let en = parse_year("1999", Locale::en).unwrap_err();
        assert_eq!(en.message, "Enter a year between 2000 and 2999.");
    }

    #[test]
    fn the_open_form_shows_year_and_rules_errors_at_their_fields() {
        assert!(claimed_by_open_form("year"));
        assert!(claimed_by_open_form("rules.points_allocation"));
        assert!(!claimed_by_open_form("revision"));
    }
}
