//! Finance's "公开发布 Publish results": allowed once every department of a year in
//! evaluation is graded; a confirmation says that the results become public and the year
//! closes. Until then the panel says what stands in the way.

use jixiao_domain::dto::evaluation::{Ranking, RankingRow};
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::framework::Phase;
use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::components::focus::focus_later;
use crate::format::timestamp;
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
    let year = current.with_untracked(|r| r.year);
    let confirming = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);
    let publish = Action::new_local(move |(): &()| async move {
        match api::evaluation::publish(year).await {
            Ok(ranking) => {
                current.set(ranking);
                confirming.set(false);
                done.set(Some(format!(
                    "已公开发布 {year} 年度评价结果，年度已关闭。 The results of {year} are public now and the year is closed."
                )));
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
        done.set(None);
        confirming.set(true);
        focus_later(HEADING_ID.to_owned());
    };
    let cancel = move || {
        confirming.set(false);
        focus_later(BUTTON_ID.to_owned());
    };
    let state = Memo::new(move |_| current.with(blocker));
    let why = move || {
        match state.get() {
        Blocker::None | Blocker::AlreadyPublished(_) => None,
        Blocker::NotYet => Some(
            view! {
                <p id=WHY_ID class="field-hint">
                    "暂不能公开发布。 " <span lang="en">"The results cannot be published yet."</span>
                </p>
            }
            .into_any(),
        ),
        Blocker::WrongPhase(phase) => Some(
            view! {
                <p id=WHY_ID class="field-hint">
                    {format!("只能公开处于评价阶段的年度（当前：{}）。 ", phase.label_zh())}
                    <span lang="en">{format!("Only a year in evaluation can be published (now: {}).", phase.label_en())}</span>
                </p>
            }
            .into_any(),
        ),
        Blocker::Ungraded(rows) => {
            let n = rows.len();
            Some(
                view! {
                    <div id=WHY_ID class="publish-why">
                        <p>
                            {format!("还有 {n} 个部门尚未定级，全部定级后才能公开： ")}
                            <span lang="en">{format!("{n} department(s) not graded yet; every department must be graded first:")}</span>
                        </p>
                        <ul>
                            {rows.into_iter().map(|r| view! {
                                <li>
                                    {r.department.name_zh.clone()} " " <span lang="en">{r.department.name_en.clone()}</span>
                                    " — " <EvaluationStatusBadge status=r.status />
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                }
                .into_any(),
            )
        }
    }
    };
    let body = move || {
        if let Blocker::AlreadyPublished(at) = state.get() {
            return view! {
                <p class="publish-done">
                    {format!("已于 {} 公开发布，年度已关闭。 ", timestamp(&at))}
                    <span lang="en">{format!("Published on {}; the year is closed.", timestamp(&at))}</span>
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
                        {format!("确认公开发布 {year} 年度评价结果？ ")}
                        <span lang="en">{format!("Publish the results of {year}?")}</span>
                    </h3>
                    <div id="publish-confirm-text">
                        <p>
                            "各部门的得分、等级、评价报告和结果应用将向社会公开，任何人无需登录即可查看。 "
                            <span lang="en">"Every department's scores, grade, evaluation report and results application become public: anyone can read them without logging in."</span>
                        </p>
                        <p>
                            {format!("{year} 年度随即关闭，评价不能再修改；此操作不能撤销。 ")}
                            <span lang="en">{format!("The year {year} closes: evaluations can no longer change. This cannot be undone.")}</span>
                        </p>
                    </div>
                    <div class="form-actions">
                        <button type="button" class="button" disabled=move || publish.pending().get()
                            on:click=move |_| { error.set(None); publish.dispatch_local(()); }>
                            "确认公开发布 " <span lang="en">"Confirm: publish results"</span>
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| cancel()>
                            "取消 " <span lang="en">"Cancel"</span>
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
                    "公开发布 " <span lang="en">"Publish results"</span>
                </button>
            </div>
            {why}
        }
        .into_any()
    };
    view! {
        <section class="panel publish-panel no-print" aria-labelledby="publish-heading">
            <h2 id="publish-heading">"公开发布 " <span lang="en">"Publication"</span></h2>
            <p class="form-status" role="status">{move || done.get()}</p>
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
