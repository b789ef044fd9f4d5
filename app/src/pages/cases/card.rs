//! One accountability case as a card: what triggered it with the evidence against the
//! year's rules, who owns it, where it stands — and, for finance, the form that moves it on.

use jixiao_domain::dto::evaluation::{
    AccountabilityCase, CaseEvidence, CaseStatus, CaseTrigger, LineEvidence,
};
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;
use leptos_router::components::A;

use super::form::CaseForm;
use crate::components::grade::GradeBadge;
use crate::format::{money, number, timestamp_in};
use crate::locale::{pick, t, t_string, use_i18n};
use crate::pages::report::figures::{percent, score2, share_bp};
use crate::pages::report::report_href;

/// `≥` when `spent` is at least `bp` of `adjusted` (decided in integers, like the rule),
/// else `<`.
pub fn spent_relation(spent_fen: i64, adjusted_fen: i64, bp: i32) -> &'static str {
    if adjusted_fen > 0
        && i128::from(spent_fen) * 10_000 >= i128::from(adjusted_fen) * i128::from(bp)
    {
        "≥"
    } else {
        "<"
    }
}

/// `<` when `score` is below `bp` of `points` (the rule's "below"), else `≥`.
pub fn achievement_relation(score: f64, points: f64, bp: i32) -> &'static str {
    if score < points * f64::from(bp) / 10_000.0 {
        "<"
    } else {
        "≥"
    }
}

/// A case's status in words (colour only as a second cue).
#[component]
pub fn CaseStatusBadge(status: CaseStatus) -> impl IntoView {
    view! {
        <span class=format!("badge case-status case-{}", status.as_str())>
            {move || pick(status.label_zh(), status.label_en())}
        </span>
    }
}

#[component]
fn LineFacts(line: LineEvidence, spent_bp: i32, achievement_bp: i32) -> impl IntoView {
    let i18n = use_i18n();
    let share = (line.adjusted_fen > 0).then(|| line.spent_fen as f64 / line.adjusted_fen as f64);
    let relation = spent_relation(line.spent_fen, line.adjusted_fen, spent_bp);
    let indicators = line
        .indicators
        .iter()
        .map(|i| {
            let achieved = (i.points > 0.0).then(|| i.score / i.points);
            let relation = achievement_relation(i.score, i.points, achievement_bp);
            let (zh, en) = (i.name_zh.clone(), i.name_en.clone());
            let (score, points) = (score2(i.score), number(i.points));
            view! {
                <li>
                    <span>{move || pick(&zh, &en).to_owned()}</span>
                    " "
                    <span class="nowrap">
                        {move || t_string!(
                            i18n,
                            results.case.indicator_score,
                            score = score.clone(),
                            points = points.clone()
                        )}
                    </span>
                    <span class="nowrap">
                        {format!(" = {} {relation} {}", achieved.map_or("—".to_owned(), percent), share_bp(achievement_bp))}
                    </span>
                </li>
            }
        })
        .collect_view();
    let (spent_fen, adjusted_fen) = (line.spent_fen, line.adjusted_fen);
    let (zh, en) = (line.name_zh.clone(), line.name_en.clone());
    view! {
        <p>
            {t!(i18n, results.case.project_line)} ": "
            <code>{line.code.clone()}</code> " " {move || pick(&zh, &en).to_owned()}
        </p>
        <p>
            {move || {
                let locale = i18n.get_locale();
                let (spent, adjusted) = (money(spent_fen, locale), money(adjusted_fen, locale));
                t_string!(i18n, results.case.spent, spent = spent, adjusted = adjusted)
            }}
            <span class="nowrap">
                {format!(" = {} {relation} {}", share.map_or("—".to_owned(), percent), share_bp(spent_bp))}
            </span>
        </p>
        <p>
            {move || t_string!(i18n, results.case.indicators_below, share = share_bp(achievement_bp))}
        </p>
        <ul class="case-indicators">{indicators}</ul>
    }
}

#[component]
pub fn EvidenceFacts(evidence: CaseEvidence, trigger: CaseTrigger) -> impl IntoView {
    let i18n = use_i18n();
    let poor_rule = matches!(trigger, CaseTrigger::PoorGrade);
    let total = score2(evidence.total);
    view! {
        <div class="case-evidence">
            <p>
                {t!(i18n, results.case.grade)} ": " <GradeBadge grade=evidence.grade />
                " · " {move || t_string!(i18n, results.case.total, total = total.clone())}
                {poor_rule.then(|| view! {
                    <span class="muted">
                        {move || format!(" ({} < 60)", pick(Grade::Poor.label_zh(), Grade::Poor.label_en()))}
                    </span>
                })}
            </p>
            {evidence.line.map(|line| view! {
                <LineFacts line spent_bp=evidence.ineffective_spent_bp achievement_bp=evidence.ineffective_achievement_bp />
            })}
        </div>
    }
}

/// One case. `manage` adds finance's form; saving updates the card in place.
#[component]
pub fn CaseCard(
    case: AccountabilityCase,
    #[prop(optional)] manage: bool,
    /// Shown inside the report it would link to.
    #[prop(optional)]
    in_report: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = case.id;
    let current = RwSignal::new(case);
    let title = format!("case-{id}-title");
    let details = move || {
        let case = current.get();
        let resolution = case.resolution.clone().filter(|r| !r.trim().is_empty());
        view! {
            <p class="case-meta">
                <span>{pick(&case.department.name_zh, &case.department.name_en).to_owned()}</span>
                " · " {t_string!(i18n, results.fiscal_year, year = case.year)}
                " · " <CaseStatusBadge status=case.status />
            </p>
            <p class="case-description pre-line">{case.description.clone()}</p>
            {case.evidence.clone().map(|evidence| view! {
                <EvidenceFacts evidence trigger=case.trigger />
            })}
            <dl class="facts case-facts">
                <div>
                    <dt>{t!(i18n, results.case.owner)}</dt>
                    <dd>{case.owner.clone().filter(|o| !o.trim().is_empty()).unwrap_or_else(|| "—".to_owned())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, results.case.resolution)}</dt>
                    <dd class="pre-line">{resolution.unwrap_or_else(|| "—".to_owned())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, results.case.opened)}</dt>
                    <dd><time datetime=case.opened_at.clone()>{timestamp_in(&case.opened_at, i18n.get_locale())}</time></dd>
                </div>
                <div>
                    <dt>{t!(i18n, results.case.closed)}</dt>
                    <dd>{match case.closed_at.clone() {
                        Some(at) => view! { <time datetime=at.clone()>{timestamp_in(&at, i18n.get_locale())}</time> }.into_any(),
                        None => view! { <span class="muted">"—"</span> }.into_any(),
                    }}</dd>
                </div>
            </dl>
            {(!in_report).then(|| view! {
                <p class="case-links no-print">
                    <A href=report_href(&case.department.code, case.year)>
                        {t!(i18n, results.case.report)}
                    </A>
                </p>
            })}
        }
    };
    let trigger = current.with_untracked(|c| c.trigger);
    let labelled_by = title.clone();
    view! {
        <article class="case-card" aria-labelledby=labelled_by>
            <h3 id=title>
                {move || t_string!(
                    i18n,
                    results.case.title,
                    id = id,
                    trigger = pick(trigger.label_zh(), trigger.label_en())
                )}
            </h3>
            {details}
            {manage.then(|| view! { <CaseForm current /> })}
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_compared_with_the_rules() {
        assert_eq!(spent_relation(500, 1000, 5000), "≥");
        assert_eq!(spent_relation(499, 1000, 5000), "<");
        assert_eq!(spent_relation(0, 0, 5000), "<");
        assert_eq!(achievement_relation(5.9, 10.0, 6000), "<");
        assert_eq!(achievement_relation(6.0, 10.0, 6000), "≥");
    }
}
