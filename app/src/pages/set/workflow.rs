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
use crate::components::set_editor::model::problem_text;
use crate::components::set_editor::SetState;
use crate::locale::{t, t_string, td_string, use_i18n, Locale};

const COMMENT_ID: &str = "review-comment";

fn done_message(step: Step, locale: Locale) -> &'static str {
    match step {
        Step::Submit => td_string!(locale, sets.workflow.submitted),
        Step::Return => td_string!(locale, sets.workflow.returned),
        Step::Approve => td_string!(locale, sets.workflow.approved),
        Step::Publish => td_string!(locale, sets.workflow.published),
    }
}

/// Why Submit is not possible yet, if it is not.
fn submit_blocker(problems: usize, dirty: bool, locale: Locale) -> Option<String> {
    if dirty {
        Some(td_string!(locale, sets.workflow.save_first).to_owned())
    } else if problems == 1 {
        Some(td_string!(locale, sets.workflow.fix_one).to_owned())
    } else if problems > 1 {
        Some(td_string!(locale, sets.workflow.fix_many, count = problems).to_string())
    } else {
        None
    }
}

/// What is wrong with the comment: missing to return, or what the server said.
#[derive(Debug, Clone, PartialEq)]
enum CommentError {
    Required,
    Server(String),
}

#[component]
pub fn Workflow(state: SetState, editable: Memo<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let auth = use_auth();
    let comment = RwSignal::new(String::new());
    let comment_error = RwSignal::new(None::<CommentError>);
    let error = RwSignal::new(None::<ApiError>);
    let done = RwSignal::new(None::<Step>);

    let act = Action::new_local(move |input: &(Step, Option<String>)| {
        let (step, text) = input.clone();
        let (id, revision) = state.set.with_untracked(|s| (s.id, s.revision));
        async move {
            match sets::transition(id, step, revision, text).await {
                Ok(set) => {
                    state.load(set);
                    comment.set(String::new());
                    done.set(Some(step));
                }
                Err(e) if e.field.as_deref() == Some("comment") => {
                    comment_error.set(Some(CommentError::Server(e.message)));
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
            comment_error.set(Some(CommentError::Required));
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
    let blocker = Memo::new(move |_| {
        let problems = state.problems.with(Vec::len);
        submit_blocker(problems, state.dirty.get(), i18n.get_locale())
    });
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
                        {t!(i18n, sets.workflow.submit)}
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
                    <label for=COMMENT_ID>{t!(i18n, sets.workflow.comment)}</label>
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
                    <p id="comment-hint" class="field-hint">{t!(i18n, sets.workflow.comment_hint)}</p>
                    {move || comment_error.get().map(|e| {
                        let message = match e {
                            CommentError::Required => {
                                t_string!(i18n, sets.workflow.comment_required).to_owned()
                            }
                            CommentError::Server(message) => message,
                        };
                        view! { <p id="comment-error" class="field-error">{message}</p> }
                    })}
                </div>
                <div class="form-actions">
                    <button type="button" class="button button-danger" disabled=move || pending.get()
                        on:click=move |_| run(Step::Return)>
                        {t!(i18n, sets.workflow.return_set)}
                    </button>
                    <button type="button" class="button" disabled=move || pending.get()
                        on:click=move |_| run(Step::Approve)>
                        {t!(i18n, sets.workflow.approve)}
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
                        {t!(i18n, sets.workflow.publish)}
                    </button>
                </div>
            }
        })
    };
    // The editor lists problems at their fields; a reviewer sees the server's list here.
    let server_problems = move || {
        let problems = state.server_problems.get();
        let locale = i18n.get_locale();
        (!editable.get() && !problems.is_empty()).then(|| {
            view! {
                <ul class="problem-list workflow-problems">
                    {problems.into_iter().map(|p| view! {
                        <li>
                            <code>{p.field.clone()}</code> " " {problem_text(&p, locale).to_owned()}
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
                    <h2 id="workflow-heading">{t!(i18n, sets.workflow.heading)}</h2>
                    {submit}
                    {review}
                    {publish}
                    <FormAlert error />
                    {server_problems}
                    <FormStatus message=Signal::derive(move || {
                        done.get().map(|step| done_message(step, i18n.get_locale()).to_owned())
                    }) />
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
        assert!(submit_blocker(0, false, Locale::en).is_none());
        assert!(submit_blocker(0, true, Locale::en)
            .unwrap()
            .contains("Save"));
        assert!(submit_blocker(0, true, Locale::zh_CN)
            .unwrap()
            .contains("保存"));
        assert!(submit_blocker(2, false, Locale::en)
            .unwrap()
            .contains("2 problems"));
        assert!(submit_blocker(2, false, Locale::zh_CN)
            .unwrap()
            .contains("2 个问题"));
        assert!(submit_blocker(1, false, Locale::en)
            .unwrap()
            .contains("1 problem before"));
        assert_eq!(done_message(Step::Approve, Locale::zh_CN), "已批准");
        assert_eq!(
            done_message(Step::Return, Locale::en),
            "Returned to the department"
        );
    }
}
