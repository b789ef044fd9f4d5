//! The inputs that apply to the whole province: the pool (万元, with the exact yuan shown
//! and quick moves) and the adjustment of each grade (%).

use leptos::prelude::*;

use super::model::{self, adjustment_field, GRADES};
use super::numbers::wan_input;
use super::state::{problem_text, Page};
use super::table::shown;
use crate::locale::{pick, t, t_string, use_i18n};

#[component]
pub(super) fn InputsPanel(page: Page) -> impl IntoView {
    let i18n = use_i18n();
    let raw_sum = Memo::new(move |_| {
        model::raw_sum(&model::Form {
            pool: String::new(),
            adjustments: page.adjustments.map(|a| a.get()),
            departments: page.rows.with(|rows| {
                rows.iter()
                    .map(|r| model::DepartmentForm {
                        id: r.department.id.clone(),
                        base: r.department.base,
                        grade: r.department.grade,
                        floor: String::new(),
                        cap: String::new(),
                    })
                    .collect()
            }),
        })
    });
    let pool_error = page.problem("pool".to_owned());
    let set_pool = move |fen: i64| page.pool.set(wan_input(fen));
    let nudge = move |bp: i32| {
        if let Some(fen) = page.pool_fen.get_untracked() {
            set_pool(model::nudge_pool(fen, bp));
        }
    };
    let adjustments = GRADES
        .iter()
        .zip(page.adjustments)
        .map(|(&grade, value)| {
            let id = format!("pwi-adj-{}", grade.as_str());
            let error = page.problem(adjustment_field(grade));
            let error_id = format!("{id}-error");
            view! {
                <div class="field pwi-adjustment" class:field-invalid=move || error.with(Option::is_some)>
                    <label for=id.clone()>
                        {t!(i18n, province.inputs.adjustment, grade = move || pick(grade.label_zh(), grade.label_en()))}
                    </label>
                    <input id=id.clone() name=id.clone() type="text" autocomplete="off" bind:value=value
                        aria-invalid=move || error.with(Option::is_some).then_some("true")
                        aria-describedby={
                            let error_id = error_id.clone();
                            move || error.with(Option::is_some).then(|| error_id.clone())
                        } />
                    {move || error.get().map(|p| view! {
                        <p id=error_id.clone() class="field-error">{problem_text(&p)}</p>
                    })}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="panel pwi-inputs" aria-labelledby="pwi-inputs-heading">
            <h2 id="pwi-inputs-heading">{t!(i18n, province.inputs.heading)}</h2>
            <div class="pwi-input-grid">
                <div class="pwi-pool-box">
                    <div class="field pwi-pool-field" class:field-invalid=move || pool_error.with(Option::is_some)>
                        <label for="pwi-pool">{t!(i18n, province.inputs.pool_label)}</label>
                        <input id="pwi-pool" name="pool" type="text" inputmode="decimal" autocomplete="off"
                            bind:value=page.pool
                            aria-invalid=move || pool_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || if pool_error.with(Option::is_some) {
                                "pwi-pool-hint pwi-pool-error"
                            } else {
                                "pwi-pool-hint"
                            } />
                        <p id="pwi-pool-hint" class="field-hint">
                            {t!(i18n, province.inputs.exactly)} " "
                            <strong class="pwi-exact">{move || shown(page.pool_fen.get())}</strong>
                            " · " {t!(i18n, province.inputs.raw_sum)} " "
                            {move || shown(raw_sum.get())}
                        </p>
                        {move || pool_error.get().map(|p| view! {
                            <p id="pwi-pool-error" class="field-error">{problem_text(&p)}</p>
                        })}
                    </div>
                    <div class="pwi-quick" role="group" aria-label=move || t_string!(i18n, province.inputs.quick)>
                        <button type="button" class="button button-secondary button-small"
                            disabled=move || raw_sum.get().is_none()
                            on:click=move |_| if let Some(fen) = raw_sum.get_untracked() { set_pool(fen) }>
                            {t!(i18n, province.inputs.pool_is_raw)}
                        </button>
                        <button type="button" class="button button-secondary button-small"
                            disabled=move || page.pool_fen.get().is_none()
                            on:click=move |_| nudge(-200)>
                            {t!(i18n, province.inputs.pool_minus)}
                        </button>
                        <button type="button" class="button button-secondary button-small"
                            disabled=move || page.pool_fen.get().is_none()
                            on:click=move |_| nudge(200)>
                            {t!(i18n, province.inputs.pool_plus)}
                        </button>
                    </div>
                </div>
                <fieldset class="pwi-adjustments">
                    <legend>{t!(i18n, province.inputs.adjustments)}</legend>
                    <div class="pwi-adjustment-grid">{adjustments}</div>
                    <button type="button" class="button button-secondary button-small"
                        on:click=move |_| page.reset_adjustments()>
                        {t!(i18n, province.inputs.reset_rules)}
                    </button>
                </fieldset>
            </div>
        </section>
    }
}
