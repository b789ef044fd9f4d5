//! One accountability case as a card: what triggered it with the evidence against the
//! year's rules, who owns it, where it stands — and, for finance, the form that moves it on.

use jixiao_domain::dto::evaluation::{
    AccountabilityCase, CaseEvidence, CaseStatus, CaseTrigger, CaseUpdate, LineEvidence,
};
use jixiao_domain::money::format_yuan;
use jixiao_domain::FieldError;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{self, ApiError};
use crate::components::form::field_message;
use crate::components::grade::GradeBadge;
use crate::components::stale::{stale_current, WriteAlert};
use crate::format::{number, timestamp};
use crate::pages::report::figures::{percent, score2, share_bp};
use crate::pages::report::report_href;

/// Fields of the case form that show their own errors.
const FIELDS: [&str; 3] = ["owner", "status", "resolution"];

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

/// The update to send, or the problem to show first: closing needs a resolution.
pub fn case_update(
    revision: i64,
    owner: &str,
    status: &str,
    resolution: &str,
) -> Result<CaseUpdate, FieldError> {
    let status: CaseStatus = status
        .parse()
        .map_err(|_| FieldError::new("required", "status", "请选择状态 Choose a status"))?;
    let text = |t: &str| {
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_owned())
    };
    let resolution = text(resolution);
    if status == CaseStatus::Closed && resolution.is_none() {
        return Err(FieldError::new(
            "resolution_required",
            "resolution",
            "办结案件须填写处理结果。 A closed case needs a resolution.",
        ));
    }
    Ok(CaseUpdate {
        revision,
        owner: text(owner),
        status,
        resolution,
    })
}

/// A case's status in words (colour only as a second cue).
#[component]
pub fn CaseStatusBadge(status: CaseStatus) -> impl IntoView {
    view! {
        <span class=format!("badge case-status case-{}", status.as_str())>
            {status.label_zh()} " " <span lang="en">{status.label_en()}</span>
        </span>
    }
}

#[component]
fn LineFacts(line: LineEvidence, spent_bp: i32, achievement_bp: i32) -> impl IntoView {
    let share = (line.adjusted_fen > 0).then(|| line.spent_fen as f64 / line.adjusted_fen as f64);
    let relation = spent_relation(line.spent_fen, line.adjusted_fen, spent_bp);
    let indicators = line
        .indicators
        .iter()
        .map(|i| {
            let achieved = (i.points > 0.0).then(|| i.score / i.points);
            let relation = achievement_relation(i.score, i.points, achievement_bp);
            view! {
                <li>
                    <span>{i.name_zh.clone()}</span> " " <span lang="en" class="name-en">{i.name_en.clone()}</span>
                    " "
                    <span class="nowrap">{format!("得分 {} / 分值 {}", score2(i.score), number(i.points))}</span>
                    " " <span lang="en" class="nowrap">"score / points"</span>
                    <span class="nowrap">
                        {format!(" = {} {relation} {}", achieved.map_or("—".to_owned(), percent), share_bp(achievement_bp))}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <p>
            "预算项目 " <span lang="en">"Project line"</span> ": "
            <code>{line.code.clone()}</code> " " {line.name_zh.clone()} " "
            <span lang="en" class="name-en">{line.name_en.clone()}</span>
        </p>
        <p>
            "已支出 " <span lang="en">"spent"</span> " " {format_yuan(line.spent_fen)}
            " ÷ 调整后预算 " <span lang="en">"adjusted"</span> " " {format_yuan(line.adjusted_fen)}
            <span class="nowrap">
                {format!(" = {} {relation} {}", share.map_or("—".to_owned(), percent), share_bp(spent_bp))}
            </span>
        </p>
        <p>
            {format!("所支付的指标均低于分值的 {} ", share_bp(achievement_bp))}
            <span lang="en">{format!("Every indicator it pays for scored below {} of its points:", share_bp(achievement_bp))}</span>
        </p>
        <ul class="case-indicators">{indicators}</ul>
    }
}

#[component]
pub fn EvidenceFacts(evidence: CaseEvidence, trigger: CaseTrigger) -> impl IntoView {
    let rule = match trigger {
        CaseTrigger::PoorGrade => Some("差 < 60 Poor < 60"),
        CaseTrigger::IneffectiveSpending => None,
    };
    view! {
        <div class="case-evidence">
            <p>
                "评价等级 " <span lang="en">"Grade"</span> ": " <GradeBadge grade=evidence.grade />
                {format!(" · 总分 {} ", score2(evidence.total))} <span lang="en">"total"</span>
                {rule.map(|r| view! { <span class="muted">{format!(" ({r})")}</span> })}
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
    let id = case.id;
    let current = RwSignal::new(case);
    let title = format!("case-{id}-title");
    let details = move || {
        let case = current.get();
        let resolution = case.resolution.clone().filter(|r| !r.trim().is_empty());
        view! {
            <p class="case-meta">
                <span>{case.department.name_zh.clone()}</span> " "
                <span lang="en">{case.department.name_en.clone()}</span>
                {format!(" · {} 年度 ", case.year)} <span lang="en">{format!("FY{}", case.year)}</span>
                " · " <CaseStatusBadge status=case.status />
            </p>
            <p class="case-description pre-line">{case.description.clone()}</p>
            {case.evidence.clone().map(|evidence| view! {
                <EvidenceFacts evidence trigger=case.trigger />
            })}
            <dl class="facts case-facts">
                <div>
                    <dt>"负责人 " <span lang="en">"Owner"</span></dt>
                    <dd>{case.owner.clone().filter(|o| !o.trim().is_empty()).unwrap_or_else(|| "—".to_owned())}</dd>
                </div>
                <div>
                    <dt>"处理结果 " <span lang="en">"Resolution"</span></dt>
                    <dd class="pre-line">{resolution.unwrap_or_else(|| "—".to_owned())}</dd>
                </div>
                <div>
                    <dt>"立案日期 " <span lang="en">"Opened"</span></dt>
                    <dd><time datetime=case.opened_at.clone()>{timestamp(&case.opened_at)}</time></dd>
                </div>
                <div>
                    <dt>"办结日期 " <span lang="en">"Closed"</span></dt>
                    <dd>{match case.closed_at.clone() {
                        Some(at) => view! { <time datetime=at.clone()>{timestamp(&at)}</time> }.into_any(),
                        None => view! { <span class="muted">"—"</span> }.into_any(),
                    }}</dd>
                </div>
            </dl>
            {(!in_report).then(|| view! {
                <p class="case-links no-print">
                    <A href=report_href(&case.department.code, case.year)>
                        "评价报告 " <span lang="en">"Evaluation report"</span>
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
                {format!("问责案件 #{id} · {} ", trigger.label_zh())}
                <span lang="en">{format!("Case #{id} · {}", trigger.label_en())}</span>
            </h3>
            {details}
            {manage.then(|| view! { <CaseForm current /> })}
        </article>
    }
}

/// Finance's form: owner, status and resolution (required when closing).
#[component]
fn CaseForm(current: RwSignal<AccountabilityCase>) -> impl IntoView {
    let id = current.with_untracked(|c| c.id);
    let owner = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let resolution = RwSignal::new(String::new());
    let load = move |case: &AccountabilityCase| {
        owner.set(case.owner.clone().unwrap_or_default());
        status.set(case.status.as_str().to_owned());
        resolution.set(case.resolution.clone().unwrap_or_default());
    };
    current.with_untracked(load);
    let error = RwSignal::new(None::<ApiError>);
    let saved = RwSignal::new(None::<String>);
    let save = Action::new_local(move |update: &CaseUpdate| {
        let update = update.clone();
        async move {
            match api::evaluation::update_case(id, update).await {
                Ok(case) => {
                    load(&case);
                    current.set(case);
                    saved.set(Some(format!("已保存案件 #{id}。 Saved case #{id}.")));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(None);
        error.set(None);
        let revision = current.with_untracked(|c| c.revision);
        match case_update(
            revision,
            &owner.get_untracked(),
            &status.get_untracked(),
            &resolution.get_untracked(),
        ) {
            Ok(update) => {
                save.dispatch_local(update);
            }
            Err(problem) => {
                let body = serde_json::json!({"error": {
                    "code": problem.code, "message": problem.message, "field": problem.field,
                }});
                error.set(Some(ApiError::from_response(422, &body.to_string())));
                crate::components::focus::focus_later(format!("case-{id}-{}", problem.field));
            }
        }
    };
    let on_reload = Callback::new(move |stale: ApiError| {
        if let Some(now) = stale_current::<AccountabilityCase>(&stale) {
            load(&now);
            current.set(now);
            error.set(None);
            saved.set(Some(format!("已重新加载案件 #{id}。 Reloaded case #{id}.")));
        }
    });
    let message = move |field: &'static str| {
        Signal::derive(move || error.with(|e| field_message(e.as_ref(), field)))
    };
    let (owner_error, status_error, resolution_error) =
        (message("owner"), message("status"), message("resolution"));
    let closing = move || status.get() == CaseStatus::Closed.as_str();
    let input_id = move |field: &str| format!("case-{id}-{field}");
    let described = move |field: &'static str, hint: bool, error: Signal<Option<String>>| {
        move || {
            let mut ids = Vec::new();
            if hint {
                ids.push(format!("case-{id}-{field}-hint"));
            }
            if error.with(Option::is_some) {
                ids.push(format!("case-{id}-{field}-error"));
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let error_note = move |field: &'static str, error: Signal<Option<String>>| {
        move || {
            error.get().map(|m| {
                view! { <p id=format!("case-{id}-{field}-error") class="field-error">{m}</p> }
            })
        }
    };
    let options = CaseStatus::ALL
        .iter()
        .map(|s| {
            let value = s.as_str();
            view! {
                <option value=value selected=move || status.with(|v| v == value)>
                    {format!("{} {}", s.label_zh(), s.label_en())}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="form case-form no-print" novalidate=true on:submit=on_submit
            aria-label=format!("处理案件 #{id} Manage case #{id}")>
            <div class="case-form-grid">
                <div class="field" class:field-invalid=move || owner_error.with(Option::is_some)>
                    <label for=input_id("owner")>"负责人 " <span lang="en">"Owner"</span></label>
                    <input id=input_id("owner") name=input_id("owner") type="text" autocomplete="off"
                        bind:value=owner
                        aria-invalid=move || owner_error.with(Option::is_some).then_some("true")
                        aria-describedby=described("owner", false, owner_error) />
                    {error_note("owner", owner_error)}
                </div>
                <div class="field" class:field-invalid=move || status_error.with(Option::is_some)>
                    <label for=input_id("status")>"状态 " <span lang="en">"Status"</span></label>
                    <select id=input_id("status") name=input_id("status")
                        on:change=move |ev| status.set(event_target_value(&ev))
                        aria-invalid=move || status_error.with(Option::is_some).then_some("true")
                        aria-describedby=described("status", false, status_error)>
                        {options}
                    </select>
                    {error_note("status", status_error)}
                </div>
            </div>
            <div class="field" class:field-invalid=move || resolution_error.with(Option::is_some)>
                <label for=input_id("resolution")>"处理结果 " <span lang="en">"Resolution"</span></label>
                <textarea id=input_id("resolution") name=input_id("resolution") rows="3"
                    bind:value=resolution
                    aria-required=move || closing().then_some("true")
                    aria-invalid=move || resolution_error.with(Option::is_some).then_some("true")
                    aria-describedby=described("resolution", true, resolution_error)>
                </textarea>
                <p id=format!("case-{id}-resolution-hint") class="field-hint">
                    "办结（已办结）时必填。 " <span lang="en">"Required to close the case."</span>
                </p>
                {error_note("resolution", resolution_error)}
            </div>
            <WriteAlert error on_reload claimed=|field| FIELDS.contains(&field) />
            <p class="form-status" role="status">{move || saved.get()}</p>
            <div class="form-actions">
                <button type="submit" class="button button-small" disabled=move || save.pending().get()>
                    "保存 " <span lang="en">"Save"</span>
                </button>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closing_needs_a_resolution() {
        let problem = case_update(3, "王五", "closed", "  ").unwrap_err();
        assert_eq!(problem.field, "resolution");
        let update = case_update(3, " 王五 ", "closed", " 已约谈 ").unwrap();
        assert_eq!(update.owner.as_deref(), Some("王五"));
        assert_eq!(update.resolution.as_deref(), Some("已约谈"));
        assert_eq!(update.status, CaseStatus::Closed);
        let open = case_update(3, "", "in_progress", "").unwrap();
        assert_eq!((open.owner, open.resolution), (None, None));
        assert_eq!(
            case_update(3, "", "nonsense", "").unwrap_err().field,
            "status"
        );
    }

    #[test]
    fn evidence_is_compared_with_the_rules() {
        assert_eq!(spent_relation(500, 1000, 5000), "≥");
        assert_eq!(spent_relation(499, 1000, 5000), "<");
        assert_eq!(spent_relation(0, 0, 5000), "<");
        assert_eq!(achievement_relation(5.9, 10.0, 6000), "<");
        assert_eq!(achievement_relation(6.0, 10.0, 6000), "≥");
    }
}
