//! What the two evaluation forms (the department's self-evaluation, finance's
//! re-evaluation) share about writing: the problems placed at the fields, with the first
//! one's control focused; the alert over them; the saved message; the confirmation of the
//! final step.

use jixiao_domain::dto::evaluation::EvaluationItem;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

use super::problems::{local_refusal, server_refusal, ItemProblem};
use crate::api::ApiError;
use crate::components::focus::focus_later;
use crate::components::stale::WriteAlert;
use crate::locale::{t, td_string, use_i18n, Locale};

/// A text in the reader's language (a translation key's lookup).
pub type Text = fn(Locale) -> &'static str;

/// What a write did, announced (in the language chosen now, also after a switch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    DraftSaved,
    SignedOff,
    ReevaluationSaved,
    Finalised,
}

impl Notice {
    pub fn text(self, locale: Locale) -> &'static str {
        match self {
            Self::DraftSaved => td_string!(locale, evaluation.notice.draft_saved),
            Self::SignedOff => td_string!(locale, evaluation.notice.signed_off),
            Self::ReevaluationSaved => td_string!(locale, evaluation.notice.reevaluation_saved),
            Self::Finalised => td_string!(locale, evaluation.notice.finalised),
        }
    }
}

/// A status line announcing `notice`.
pub fn notice_status(notice: RwSignal<Option<Notice>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="form-status" role="status">
            {move || notice.get().map(|n| n.text(i18n.get_locale()))}
        </p>
    }
}

/// A form's state of writing.
#[derive(Clone, Copy)]
pub struct Writes {
    /// The server's problems, placed at their items.
    pub server: RwSignal<Vec<ItemProblem>>,
    /// The alert over the form.
    pub error: RwSignal<Option<ApiError>>,
    /// What the last save did, announced.
    pub saved: RwSignal<Option<Notice>>,
    /// The final step awaits confirmation.
    pub confirming: RwSignal<bool>,
    /// The page's message, which outlives the form.
    flash: RwSignal<Option<Notice>>,
    /// The reader's language, for the alerts written here.
    i18n: I18nContext<Locale>,
    /// Controls are `{prefix}-{indicator id}-{field}`.
    prefix: &'static str,
    /// The indicator id of each item.
    ids: StoredValue<Vec<i64>>,
}

impl Writes {
    pub fn new(
        prefix: &'static str,
        items: &[EvaluationItem],
        flash: RwSignal<Option<Notice>>,
    ) -> Self {
        Self {
            server: RwSignal::new(Vec::new()),
            error: RwSignal::new(None),
            saved: RwSignal::new(None),
            confirming: RwSignal::new(false),
            flash,
            i18n: use_i18n(),
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

    /// A save went through: `notice` says so.
    pub fn saved(self, notice: Notice) {
        self.saved.set(Some(notice));
    }

    /// The step that ends the form went through: the page says so (the form goes).
    pub fn done(self, notice: Notice) {
        self.flash.set(Some(notice));
    }

    /// The final step is asked for: its confirmation (heading `id`) opens, focused.
    pub fn ask(self, id: &'static str) {
        self.confirming.set(true);
        focus_later(id.to_owned());
    }

    /// The server refused: its problems at their fields (the first one's control focused)
    /// and the alert. `sent[k]` is the item of the k-th override sent.
    pub fn refuse(self, error: ApiError, sent: &[usize]) {
        let (placed, alert) = server_refusal(error, sent, self.i18n.get_locale_untracked());
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
        self.error
            .set(Some(local_refusal(count, self.i18n.get_locale_untracked())));
    }
}

/// The form's alert (with Reload when the evaluation changed meanwhile) and its saved
/// message.
#[component]
pub fn WriteStatus(writes: Writes, on_reload: Callback<ApiError>) -> impl IntoView {
    view! {
        <WriteAlert error=writes.error on_reload claimed=|_| false />
        {notice_status(writes.saved)}
    }
}

/// The confirmation of a form's final step, shown once asked for ([`Writes::ask`]): its
/// heading (the element `id`), what the step does (`children`), the confirming button and
/// Cancel.
#[component]
pub fn ConfirmStep(
    id: &'static str,
    heading: Text,
    confirm: Text,
    writes: Writes,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] on_confirm: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let open = writes.confirming;
    let i18n = use_i18n();
    move || {
        open.get().then(|| {
            view! {
                <section class="confirm-panel eval-confirm" aria-labelledby=id>
                    <h3 id=id tabindex="-1">
                        {move || heading(i18n.get_locale())}
                    </h3>
                    {children()}
                    <div class="form-actions">
                        <button type="button" class="button" disabled=move || pending.get() on:click=move |_| on_confirm.run(())>
                            {move || confirm(i18n.get_locale())}
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| open.set(false)>
                            {t!(i18n, common.cancel)}
                        </button>
                    </div>
                </section>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_read_in_either_language() {
        assert_eq!(
            Notice::SignedOff.text(Locale::en),
            "Self-evaluation signed off; it is now read-only."
        );
        assert_eq!(Notice::DraftSaved.text(Locale::zh_CN), "已保存草稿。");
    }
}
