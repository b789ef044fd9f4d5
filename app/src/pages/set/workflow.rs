//! The review workflow's buttons, as the user's capabilities and the set's status allow:
//! Submit (department head), Return with a comment, Approve, Publish (finance). Each sends
//! the revision last loaded; the server decides and answers with the set as it is now.

use jixiao_domain::dto::auth::Capability;
use jixiao_domain::framework::{Phase, SetStatus};
use leptos::prelude::*;

use crate::api::sets::{self, Step};
use crate::api::ApiError;
use crate::auth::use_auth;
use crate::components::form::{FormAlert, FormStatus};
use crate::components::set_editor::model::problem_zh;
use crate::components::set_editor::SetState;

const COMMENT_ID: &str = "review-comment";

fn done_message(step: Step) -> &'static str {
    match step {
        Step::Submit => "已提交审核 Submitted for review",
        Step::Return => "已退回 Returned to the department",
        Step::Approve => "已批准 Approved",
        Step::Publish => "已公开 Published",
    }
}

/// Why Submit is not possible yet, if it is not.
fn submit_blocker(problems: usize, dirty: bool) -> Option<String> {
    if dirty {
        Some("请先保存修改。 Save your changes first.".to_owned())
    } else if problems > 0 {
        Some(format!(
            "还有 {problems} 个问题，修正后才能提交。 Fix the {problems} problem{} before submitting.",
            if problems == 1 { "" } else { "s" }
        ))
    } else {
        None
    }
}

#[component]
pub fn Workflow(state: SetState, editable: Memo<bool>) -> impl IntoView {
    let auth = use_auth();
    let comment = RwSignal::new(String::new());
    let comment_error = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<String>);

    let act = Action::new_local(move |input: &(Step, Option<String>)| {
        let (step, text) = input.clone();
        let (id, revision) = state.set.with_untracked(|s| (s.id, s.revision));
        async move {
            match sets::transition(id, step, revision, text).await {
                Ok(set) => {
                    state.load(set);
                    comment.set(String::new());
                    done.set(Some(done_message(step).to_owned()));
                }
                Err(e) if e.field.as_deref() == Some("comment") => {
                    comment_error.set(Some(e.message));
                }
                Err(e) => {
                    if !state.refused(&e) || !e.problems.is_empty() {
                        error.set(Some(e));
                    }
                }
            }
        }
    });
    let run = move |step: Step| {
        error.set(None);
        done.set(None);
        comment_error.set(None);
        state.server_problems.set(Vec::new());
        let text = comment.get_untracked();
        if step == Step::Return && text.trim().is_empty() {
            comment_error.set(Some(
                "退回时须填写意见。 Say what the department should change.".to_owned(),
            ));
            return;
        }
        let text = matches!(step, Step::Return | Step::Approve).then_some(text);
        act.dispatch_local((step, text));
    };

    let status = Memo::new(move |_| state.set.with(|s| s.status));
    let phase = Memo::new(move |_| state.set.with(|s| s.phase));
    let own = Memo::new(move |_| {
        let code = state.set.with(|s| s.department.code.clone());
        auth.me()
            .and_then(|me| me.department)
            .is_some_and(|d| d.code.eq_ignore_ascii_case(&code))
    });
    let may_submit = move || {
        auth.can(Capability::SubmitSets)
            && own.get()
            && phase.get() == Phase::Planning
            && matches!(status.get(), SetStatus::Draft | SetStatus::Returned)
    };
    let reviewer = move || auth.can(Capability::ReviewSets) && phase.get() != Phase::Closed;
    let may_review = move || reviewer() && status.get() == SetStatus::Submitted;
    let may_publish = move || reviewer() && status.get() == SetStatus::Approved;
    let blocker =
        Memo::new(move |_| submit_blocker(state.problems.with(Vec::len), state.dirty.get()));
    let pending = act.pending();

    let submit = move || {
        may_submit().then(|| {
            view! {
                <div class="workflow-step">
                    <button
                        type="button"
                        class="button"
                        disabled=move || pending.get() || blocker.with(Option::is_some)
                        aria-describedby=move || blocker.with(Option::is_some).then_some("submit-hint")
                        on:click=move |_| run(Step::Submit)
                    >
                        "提交审核 " <span lang="en">"Submit"</span>
                    </button>
                    {move || blocker.get().map(|hint| view! { <p id="submit-hint" class="field-hint">{hint}</p> })}
                </div>
            }
        })
    };
    let review = move || {
        may_review().then(|| {
            view! {
                <div class="field" class:field-invalid=move || comment_error.with(Option::is_some)>
                    <label for=COMMENT_ID>"意见 " <span lang="en">"Comment"</span></label>
                    <textarea
                        id=COMMENT_ID
                        rows="3"
                        prop:value=move || comment.get()
                        aria-invalid=move || comment_error.with(Option::is_some).then_some("true")
                        aria-describedby=move || {
                            if comment_error.with(Option::is_some) { "comment-hint comment-error" } else { "comment-hint" }
                        }
                        on:input=move |ev| comment.set(event_target_value(&ev))
                    ></textarea>
                    <p id="comment-hint" class="field-hint">
                        "退回时必填，批准时可选。 " <span lang="en">"Required to return; optional to approve."</span>
                    </p>
                    {move || comment_error.get().map(|m| view! { <p id="comment-error" class="field-error">{m}</p> })}
                </div>
                <div class="form-actions">
                    <button type="button" class="button button-danger" disabled=move || pending.get()
                        on:click=move |_| run(Step::Return)>
                        "退回 " <span lang="en">"Return"</span>
                    </button>
                    <button type="button" class="button" disabled=move || pending.get()
                        on:click=move |_| run(Step::Approve)>
                        "批准 " <span lang="en">"Approve"</span>
                    </button>
                </div>
            }
        })
    };
    let publish = move || {
        may_publish().then(|| {
            view! {
                <div class="form-actions">
                    <button type="button" class="button" disabled=move || pending.get()
                        on:click=move |_| run(Step::Publish)>
                        "公开 " <span lang="en">"Publish"</span>
                    </button>
                </div>
            }
        })
    };
    // The editor lists problems at their fields; a reviewer sees the server's list here.
    let server_problems = move || {
        let problems = state.server_problems.get();
        (!editable.get() && !problems.is_empty()).then(|| {
            view! {
                <ul class="problem-list workflow-problems">
                    {problems.into_iter().map(|p| view! {
                        <li>
                            <code>{p.field}</code> " " {problem_zh(&p.code)} " "
                            <span lang="en">{p.message}</span>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })
    };
    let visible = Memo::new(move |_| {
        may_submit() || may_review() || may_publish() || done.with(Option::is_some)
    });

    move || {
        visible.get().then(|| {
            view! {
                <section class="panel workflow" aria-labelledby="workflow-heading">
                    <h2 id="workflow-heading">"审核 " <span lang="en">"Review workflow"</span></h2>
                    {submit}
                    {review}
                    {publish}
                    <FormAlert error />
                    {server_problems}
                    <FormStatus message=Signal::from(done) />
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submit_waits_for_a_saved_valid_set() {
        assert!(submit_blocker(0, false).is_none());
        assert!(submit_blocker(0, true).unwrap().contains("Save"));
        assert!(submit_blocker(2, false).unwrap().contains("2 problems"));
        assert!(submit_blocker(1, false)
            .unwrap()
            .contains("1 problem before"));
    }
}
