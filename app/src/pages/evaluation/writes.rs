//! What the two evaluation forms (the department's self-evaluation, finance's
//! re-evaluation) share about writing: the problems placed at the fields, with the first
//! one's control focused; the alert over them; the saved message; the confirmation of the
//! final step.

use jixiao_domain::dto::evaluation::EvaluationItem;
use leptos::prelude::*;

use super::problems::{local_refusal, server_refusal, ItemProblem};
use super::table::Words;
use crate::api::ApiError;
use crate::components::focus::focus_later;
use crate::components::stale::WriteAlert;

/// A form's state of writing.
#[derive(Clone, Copy)]
pub struct Writes {
    /// The server's problems, placed at their items.
    pub server: RwSignal<Vec<ItemProblem>>,
    /// The alert over the form.
    pub error: RwSignal<Option<ApiError>>,
    /// What the last save did, announced.
    pub saved: RwSignal<Option<String>>,
    /// The final step awaits confirmation.
    pub confirming: RwSignal<bool>,
    /// The page's message, which outlives the form.
    flash: RwSignal<Option<String>>,
    /// Controls are `{prefix}-{indicator id}-{field}`.
    prefix: &'static str,
    /// The indicator id of each item.
    ids: StoredValue<Vec<i64>>,
}

impl Writes {
    pub fn new(
        prefix: &'static str,
        items: &[EvaluationItem],
        flash: RwSignal<Option<String>>,
    ) -> Self {
        Self {
            server: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            saved: RwSignal::new(None),
            confirming: RwSignal::new(false),
            flash,
            prefix,
            ids: StoredValue::new(
                items
                    .iter()
                    .map(|item| item.indicator.id.unwrap_or_default())
                    .collect(),
            ),
        }
    }

    /// The element id of the control `field` of item `index` (none for the item as a whole).
    fn control_id(self, index: usize, field: &str) -> Option<String> {
        let id = self.ids.with_value(|ids| ids.get(index).copied())?;
        (!field.is_empty()).then(|| format!("{}-{id}-{field}", self.prefix))
    }

    /// A new attempt: what the last one said goes.
    pub fn start(self) {
        self.saved.set(None);
        self.flash.set(None);
        self.server.set(Vec::new());
        self.error.set(None);
    }

    /// A save went through: `message` says so.
    pub fn saved(self, message: &str) {
        self.saved.set(Some(message.to_owned()));
    }

    /// The final step is asked for: its confirmation (heading `id`) opens, focused.
    pub fn ask(self, id: &'static str) {
        self.confirming.set(true);
        focus_later(id.to_owned());
    }

    /// The server refused: its problems at their fields (the first one's control focused)
    /// and the alert. `sent[k]` is the item of the k-th override sent.
    pub fn refuse(self, error: ApiError, sent: &[usize]) {
        let (placed, alert) = server_refusal(error, sent);
        if let Some(id) = placed
            .first()
            .and_then(|p| self.control_id(p.index, &p.field))
        {
            focus_later(id);
        }
        self.server.set(placed);
        self.error.set(Some(alert));
    }

    /// The local check found `count` problems, the first at `first` (`items[i].field`): its
    /// control is focused, the alert counts them.
    pub fn refuse_locally(self, count: usize, first: Option<&str>) {
        if let Some(id) = first.and_then(|field| {
            let rest = field.strip_prefix("items[")?;
            let (index, field) = rest.split_once("].")?;
            self.control_id(index.parse().ok()?, field)
        }) {
            focus_later(id);
        }
        self.error.set(Some(local_refusal(count)));
    }
}

/// The form's alert (with Reload when the evaluation changed meanwhile) and its saved
/// message.
#[component]
pub fn WriteStatus(writes: Writes, on_reload: Callback<ApiError>) -> impl IntoView {
    view! {
        <WriteAlert error=writes.error on_reload claimed=|_| false />
        <p class="form-status" role="status">{move || writes.saved.get()}</p>
    }
}

/// The confirmation of a form's final step, shown once asked for ([`Writes::ask`]): its
/// heading (the element `id`), what the step does (`children`), the confirming button and
/// Cancel.
#[component]
pub fn ConfirmStep(
    id: &'static str,
    heading: Words,
    confirm: Words,
    writes: Writes,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let open = writes.confirming;
    move || {
        open.get().then(|| {
            view! {
                <section class="confirm-panel eval-confirm" aria-labelledby=id>
                    <h3 id=id tabindex="-1">
                        {heading.0} " " <span lang="en">{heading.1}</span>
                    </h3>
                    {children()}
                    <div class="form-actions">
                        <button type="button" class="button" disabled=move || pending.get() on:click=move |_| on_confirm.run(())>
                            {confirm.0} " " <span lang="en">{confirm.1}</span>
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| open.set(false)>
                            "取消 " <span lang="en">"Cancel"</span>
                        </button>
                    </div>
                </section>
            }
        })
    }
}
