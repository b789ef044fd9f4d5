//! The inputs that apply to the whole province: the pool (万元, with the exact yuan shown
//! and quick moves) and the adjustment of each grade (%).

use jixiao_domain::money::format_yuan;
use leptos::prelude::*;

use super::model::{self, adjustment_field, GRADES};
use super::numbers::wan_input;
use super::state::{problem_text, Page};

#[component]
pub(super) fn InputsPanel(page: Page) -> impl IntoView {
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
        .map(|(grade, value)| {
            let id = format!("pwi-adj-{}", grade.as_str());
            let error = page.problem(adjustment_field(*grade));
            let error_id = format!("{id}-error");
            view! {
                <div class="field pwi-adjustment" class:field-invalid=move || error.with(Option::is_some)>
                    <label for=id.clone()>
                        {grade.label_zh()} " " <span lang="en">{grade.label_en()}</span> " (%)"
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
            <h2 id="pwi-inputs-heading">"资金池与调整 " <span lang="en">"Pool and adjustments"</span></h2>
            <div class="pwi-input-grid">
                <div class="pwi-pool-box">
                    <div class="field pwi-pool-field" class:field-invalid=move || pool_error.with(Option::is_some)>
                        <label for="pwi-pool">
                            {format!("{} 年度项目资金池（万元） ", page.year + 1)}
                            <span lang="en">"Pool (10,000 yuan)"</span>
                        </label>
                        <input id="pwi-pool" name="pool" type="text" inputmode="decimal" autocomplete="off"
                            bind:value=page.pool
                            aria-invalid=move || pool_error.with(Option::is_some).then_some("true")
                            aria-describedby=move || if pool_error.with(Option::is_some) {
                                "pwi-pool-hint pwi-pool-error"
                            } else {
                                "pwi-pool-hint"
                            } />
                        <p id="pwi-pool-hint" class="field-hint">
                            "精确金额 " <span lang="en">"Exactly"</span> " "
                            <strong class="pwi-exact">{move || page.pool_fen.get().map_or("—".to_owned(), format_yuan)}</strong>
                            " · Σ 原始分配 " <span lang="en">"Σ raw"</span> " "
                            {move || raw_sum.get().map_or("—".to_owned(), format_yuan)}
                        </p>
                        {move || pool_error.get().map(|p| view! {
                            <p id="pwi-pool-error" class="field-error">{problem_text(&p)}</p>
                        })}
                    </div>
                    <div class="pwi-quick" role="group" aria-label="资金池快捷调整 Quick pool changes">
                        <button type="button" class="button button-secondary button-small"
                            disabled=move || raw_sum.get().is_none()
                            on:click=move |_| if let Some(fen) = raw_sum.get_untracked() { set_pool(fen) }>
                            "资金池 = Σ原始 " <span lang="en">"Pool = Σ raw"</span>
                        </button>
                        <button type="button" class="button button-secondary button-small"
                            disabled=move || page.pool_fen.get().is_none()
                            on:click=move |_| nudge(-200)>
                            "资金池 −2% " <span lang="en">"Pool −2 %"</span>
                        </button>
                        <button type="button" class="button button-secondary button-small"
                            disabled=move || page.pool_fen.get().is_none()
                            on:click=move |_| nudge(200)>
                            "资金池 +2% " <span lang="en">"Pool +2 %"</span>
                        </button>
                    </div>
                </div>
                <fieldset class="pwi-adjustments">
                    <legend>"按等级调整（%） " <span lang="en">"Adjustment by grade (%)"</span></legend>
                    <div class="pwi-adjustment-grid">{adjustments}</div>
                    <button type="button" class="button button-secondary button-small"
                        on:click=move |_| page.reset_adjustments()>
                        {format!("恢复 {} 年度规则 ", page.year)}
                        <span lang="en">"Reset to the year's rules"</span>
                    </button>
                </fieldset>
            </div>
        </section>
    }
}
