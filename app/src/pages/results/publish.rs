//! Finance's "Publish results" (公开发布): allowed once every department of a year in
//! evaluation is graded; a confirmation says that the results become public and the year
//! closes. Until then the panel says what stands in the way.

use jixiao_domain::dto::evaluation::{Ranking, RankingRow};
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus::focus_later;
use crate::format::timestamp_in;
use crate::locale::{pick, t, t_string, use_i18n};
use crate::pages::report::EvaluationStatusBadge;

const BUTTON_ID: &str = "publish-button";
const HEADING_ID: &str = "publish-confirm-heading";
const WHY_ID: &str = "publish-why";

/// What keeps a year's results from being published.
#[derive(Debug, Clone, PartialEq)]
pub enum Blocker {
    /// Nothing: finance may publish.
    None,
    AlreadyPublished(String),
    /// The year is not in evaluation.
    WrongPhase(Phase),
    /// These departments are not graded yet.
    Ungraded(Vec<RankingRow>),
    /// The server says not yet, for no reason the ranking shows.
    NotYet,
}

pub fn blocker(ranking: &Ranking) -> Blocker {
    if let Some(at) = &ranking.published_at {
        return Blocker::AlreadyPublished(at.clone());
    }
    if ranking.publishable {
        return Blocker::None;
    }
    if ranking.phase != Phase::Evaluation {
        return Blocker::WrongPhase(ranking.phase);
    }
    let ungraded: Vec<RankingRow> = ranking
        .rows
        .iter()
        .filter(|r| r.status != EvaluationStatus::Final || r.grade.is_none())
        .cloned()
        .collect();
    if ungraded.is_empty() {
        Blocker::NotYet
    } else {
        Blocker::Ungraded(ungraded)
    }
}

#[component]
pub fn PublishPanel(current: RwSignal<Ranking>) -> impl IntoView {
    let i18n = use_i18n();
    let year = current.with_untracked(|r| r.year);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    // Whether this visit published the year (said in the status line).
    let done = RwSignal::new(false);
    let publish = Action::new_local(move |(): &()| async move {
        match api::evaluation::publish(year).await {
            Ok(ranking) => {
                current.set(ranking);
                confirming.set(false);
                done.set(true);
            }
            Err(e) => {
                error.set(Some(e));
                // Someone may have changed a grade: show the year as it is now.
                if let Ok(now) = api::evaluation::ranking(year).await {
                    current.set(now);
                }
            }
        }
    });
    let open = move |_| {
        error.set(None);
        done.set(false);
        confirming.set(true);
        focus_later(HEADING_ID.to_owned());
    };
    let cancel = move || {
        confirming.set(false);
        focus_later(BUTTON_ID.to_owned());
    };
    let state = Memo::new(move |_| current.with(blocker));
    let why = move || match state.get() {
        Blocker::None | Blocker::AlreadyPublished(_) => None,
        Blocker::NotYet => Some(
            view! {
                <p id=WHY_ID class="field-hint">{t!(i18n, results.publish.not_yet)}</p>
            }
            .into_any(),
        ),
        Blocker::WrongPhase(phase) => Some(
            view! {
                <p id=WHY_ID class="field-hint">
                    {move || t_string!(
                        i18n,
                        results.publish.wrong_phase,
                        phase = pick(phase.label_zh(), phase.label_en())
                    )}
                </p>
            }
            .into_any(),
        ),
        Blocker::Ungraded(rows) => {
            let n = rows.len();
            Some(
                view! {
                    <div id=WHY_ID class="publish-why">
                        <p>{move || t_string!(i18n, results.publish.ungraded, n = n)}</p>
                        <ul>
                            {rows.into_iter().map(|r| {
                                let (zh, en) = (r.department.name_zh, r.department.name_en);
                                view! {
                                    <li>
                                        {move || pick(&zh, &en).to_owned()}
                                        " — " <EvaluationStatusBadge status=r.status />
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any(),
            )
        }
    };
    let body = move || {
        if let Blocker::AlreadyPublished(at) = state.get() {
            return view! {
                <p class="publish-done">
                    {move || {
                        let at = timestamp_in(&at, i18n.get_locale());
                        t_string!(i18n, results.publish.already, at = at)
                    }}
                </p>
            }
            .into_any();
        }
        let allowed = state.get() == Blocker::None;
        if confirming.get() && allowed {
            return view! {
                <section class="confirm-panel publish-confirm" role="dialog" aria-labelledby=HEADING_ID
                    aria-describedby="publish-confirm-text"
                    on:keydown=move |ev| if ev.key() == "Escape" { cancel() }>
                    <h3 id=HEADING_ID tabindex="-1">
                        {move || t_string!(i18n, results.publish.confirm_heading, year = year)}
                    </h3>
                    <div id="publish-confirm-text">
                        <p>{t!(i18n, results.publish.confirm_public)}</p>
                        <p>{move || t_string!(i18n, results.publish.confirm_closes, year = year)}</p>
                    </div>
                    <div class="form-actions">
                        <button type="button" class="button" disabled=move || publish.pending().get()
                            on:click=move |_| { error.set(None); publish.dispatch_local(()); }>
                            {t!(i18n, results.publish.confirm)}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| cancel()>
                            {t!(i18n, common.cancel)}
                        </button>
                    </div>
                </section>
            }
            .into_any();
        }
        view! {
            <div class="form-actions">
                <button type="button" id=BUTTON_ID class="button" disabled=!allowed
                    aria-describedby=(!allowed).then_some(WHY_ID) on:click=open>
                    {t!(i18n, results.publish.button)}
                </button>
            </div>
            {why}
        }
        .into_any()
    };
    view! {
        <section class="panel publish-panel no-print" aria-labelledby="publish-heading">
            <h2 id="publish-heading">{t!(i18n, results.publish.heading)}</h2>
            <p class="form-status" role="status">
                {move || done.get().then(|| t_string!(i18n, results.publish.done, year = year))}
            </p>
            {move || error.get().map(|e| view! {
                <div class="form-alert" role="alert"><p>{e.message}</p></div>
            })}
            {body}
        </section>
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use jixiao_domain::dto::auth::DepartmentRef;
    use jixiao_domain::dto::evaluation::GradeDistribution;
    use jixiao_domain::framework::Sector;
    use jixiao_domain::results::ResultRules;
    use jixiao_domain::scoring::Grade;

    pub(crate) fn row(code: &str, grade: Option<Grade>) -> RankingRow {
        RankingRow {
            rank: grade.map(|_| 1),
            department: DepartmentRef {
                id: 1,
                code: code.into(),
                name_zh: code.into(),
                name_en: code.into(),
            },
            sector: Sector::Education,
            status: if grade.is_some() {
                EvaluationStatus::Final
            } else {
                EvaluationStatus::SelfSubmitted
            },
            total: grade.map(|_| 91.0),
            grade,
            result: None,
            open_cases: 0,
            cases: 0,
        }
    }

    fn ranking(rows: Vec<RankingRow>, phase: Phase, published: bool) -> Ranking {
        let publishable =
            phase == Phase::Evaluation && !published && rows.iter().all(|r| r.grade.is_some());
        Ranking {
            year: 2025,
            phase,
            published_at: published.then(|| "2026-03-01T08:00:00Z".to_owned()),
            rules: ResultRules::default(),
            distribution: GradeDistribution::of(rows.iter().filter_map(|r| r.grade)),
            rows,
            publishable,
        }
    }

    #[test]
    fn what_stands_in_the_way_of_publication() {
        let graded = vec![row("A", Some(Grade::Good)), row("B", Some(Grade::Poor))];
        assert_eq!(
            blocker(&ranking(graded.clone(), Phase::Evaluation, false)),
            Blocker::None
        );
        assert_eq!(
            blocker(&ranking(graded.clone(), Phase::Closed, true)),
            Blocker::AlreadyPublished("2026-03-01T08:00:00Z".into())
        );
        assert_eq!(
            blocker(&ranking(graded, Phase::Execution, false)),
            Blocker::WrongPhase(Phase::Execution)
        );
        let mixed = vec![row("A", Some(Grade::Good)), row("C", None)];
        match blocker(&ranking(mixed, Phase::Evaluation, false)) {
            Blocker::Ungraded(rows) => {
                assert_eq!(rows.len(), 1);
                assert_eq!(rows[0].department.code, "C");
            }
            other => panic!("{other:?}"),
        }
    }
}
