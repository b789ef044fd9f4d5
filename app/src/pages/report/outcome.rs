//! The report's outcome: total and grade against the thresholds, the self-evaluation
//! against the final result, budget execution, sign-offs and the results application.

use jixiao_domain::dto::evaluation::{Evaluation, Execution, ResultApplication, Signature};
use jixiao_domain::money::{format_wan_yuan, format_yuan};
use jixiao_domain::results::ResultRules;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::figures::{
    adjustment, execution_rate, grade_rule, percent, score2, THRESHOLDS, THRESHOLDS_EN,
};
use crate::components::charts::grade_distribution::GRADE_ORDER;
use crate::components::grade::GradeBadge;
use crate::format::{number, timestamp};

/// `¥1,000.00 × (1 + 5%) = ¥1,050.00`: next year's project budget from its base.
pub fn budget_formula(base_fen: i64, bp: i32, next_fen: i64) -> String {
    let shown = adjustment(bp);
    let (sign, abs) = match shown.strip_prefix('−') {
        Some(rest) => ("−", rest.to_owned()),
        None => ("+", shown.trim_start_matches('+').to_owned()),
    };
    format!(
        "{} × (1 {sign} {abs}) = {}",
        format_yuan(base_fen),
        format_yuan(next_fen)
    )
}

/// Σ of the final scores as the server added them up (unrounded, to trace the rounding).
pub fn raw_sum(evaluation: &Evaluation) -> Option<f64> {
    evaluation
        .items
        .iter()
        .map(|i| i.final_score.map(|s| s.score))
        .sum()
}

fn total_cell(total: Option<f64>, grade: Option<Grade>) -> impl IntoView {
    match (total, grade) {
        (Some(total), Some(grade)) => view! {
            <span class="result">
                <strong>{score2(total)}</strong> " " <GradeBadge grade />
            </span>
        }
        .into_any(),
        _ => view! { <span class="muted">"尚不完整 " <span lang="en">"Not complete yet"</span></span> }
            .into_any(),
    }
}

#[component]
pub fn ScoreSummary(evaluation: Evaluation) -> impl IntoView {
    let sum = raw_sum(&evaluation);
    let difference = match (evaluation.self_total, evaluation.final_total) {
        (Some(own), Some(fin)) => Some(fin - own),
        _ => None,
    };
    view! {
        <section class="panel" aria-labelledby="report-total">
            <h2 id="report-total">"总分与等级 " <span lang="en">"Total and grade"</span></h2>
            <dl class="facts">
                <div>
                    <dt>"Σ 各指标得分 " <span lang="en">"Σ indicator scores"</span></dt>
                    <dd>
                        {match (sum, evaluation.final_total) {
                            (Some(sum), Some(total)) => view! {
                                {format!("{} → 四舍五入到两位小数 ", number(sum))}
                                <span lang="en">"rounded half away from zero to 2 decimals"</span>
                                {format!(" → {}", score2(total))}
                            }.into_any(),
                            _ => view! { <span class="muted">"尚不完整 " <span lang="en">"Not complete yet"</span></span> }.into_any(),
                        }}
                    </dd>
                </div>
                <div>
                    <dt>"等级标准 " <span lang="en">"Grade thresholds"</span></dt>
                    <dd>{THRESHOLDS} <br /> <span lang="en">{THRESHOLDS_EN}</span></dd>
                </div>
                <div>
                    <dt>"最终总分与等级 " <span lang="en">"Final total and grade"</span></dt>
                    <dd>
                        {total_cell(evaluation.final_total, evaluation.final_grade)}
                        {evaluation.final_grade.map(|g| view! {
                            <span class="muted">{format!(" ({} {})", g.label_zh(), grade_rule(g))}</span>
                        })}
                    </dd>
                </div>
                <div>
                    <dt>"部门自评总分与等级 " <span lang="en">"Self-evaluation total and grade"</span></dt>
                    <dd>{total_cell(evaluation.self_total, evaluation.self_grade)}</dd>
                </div>
                <div>
                    <dt>"复评差异 " <span lang="en">"Final minus self-evaluation"</span></dt>
                    <dd>{difference.map_or("—".to_owned(), |d| {
                        let d = jixiao_domain::scoring::round2(d);
                        if d > 0.0 { format!("+{d:.2}") } else if d < 0.0 { format!("−{:.2}", -d) } else { "0.00".to_owned() }
                    })}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
pub fn ExecutionFacts(execution: Execution) -> impl IntoView {
    let rate = execution_rate(execution.spent_fen, execution.adjusted_fen);
    view! {
        <section class="panel" aria-labelledby="report-execution">
            <h2 id="report-execution">"预算执行率 " <span lang="en">"Budget execution rate"</span></h2>
            <p class="report-equation">
                "已支出 " <span lang="en">"spent"</span> " "
                <strong>{format_yuan(execution.spent_fen)}</strong>
                " ÷ 调整后预算 " <span lang="en">"adjusted budget"</span> " "
                <strong>{format_yuan(execution.adjusted_fen)}</strong>
                " = " <strong>{rate.map_or("—".to_owned(), percent)}</strong>
            </p>
            <p class="muted">
                {format!("约 {} ÷ {} · ", format_wan_yuan(execution.spent_fen), format_wan_yuan(execution.adjusted_fen))}
                {match execution.month {
                    Some(m) => view! { {format!("截至第 {m} 月 ")} <span lang="en">{format!("as of month {m}")}</span> }.into_any(),
                    None => view! { "尚无支出数据 " <span lang="en">"No spending reported"</span> }.into_any(),
                }}
            </p>
        </section>
    }
}

fn signature(sign: Option<Signature>) -> AnyView {
    match sign {
        Some(s) => view! { <span>{s.by}</span> " · " <time datetime=s.at.clone()>{timestamp(&s.at)}</time> }
            .into_any(),
        None => view! { <span class="muted">"尚未 " <span lang="en">"Not yet"</span></span> }.into_any(),
    }
}

#[component]
pub fn SignOffs(evaluation: Evaluation) -> impl IntoView {
    let remarks = evaluation.remarks.clone().filter(|r| !r.trim().is_empty());
    view! {
        <section class="panel" aria-labelledby="report-signoffs">
            <h2 id="report-signoffs">"签署与意见 " <span lang="en">"Sign-offs and remarks"</span></h2>
            <dl class="facts">
                <div>
                    <dt>"部门负责人签署自评 " <span lang="en">"Self-evaluation signed off"</span></dt>
                    <dd>{signature(evaluation.signed_off.clone())}</dd>
                </div>
                <div>
                    <dt>"财政复评 " <span lang="en">"Re-evaluated by finance"</span></dt>
                    <dd>{signature(evaluation.reevaluated.clone())}</dd>
                </div>
                <div>
                    <dt>"考评机构重点工作意见 " <span lang="en">"Assessment agency's key-work remarks"</span></dt>
                    <dd>
                        {match remarks {
                            Some(r) => view! { <p class="pre-line report-remarks">{r}</p> }.into_any(),
                            None => view! { <span class="muted">"无 " <span lang="en">"None"</span></span> }.into_any(),
                        }}
                        {evaluation.remarked.clone().map(|s| view! { <span class="muted">{signature(Some(s))}</span> })}
                    </dd>
                </div>
                <div>
                    <dt>"公开发布 " <span lang="en">"Published"</span></dt>
                    <dd>{match evaluation.published_at.clone() {
                        Some(at) => view! { <time datetime=at.clone()>{timestamp(&at)}</time> }.into_any(),
                        None => view! { <span class="muted">"尚未公开 " <span lang="en">"Not published yet"</span></span> }.into_any(),
                    }}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
pub fn ResultsApplication(result: Option<ResultApplication>, rules: ResultRules) -> impl IntoView {
    let applied = result.map(|r| r.grade);
    let body = match result {
        Some(r) => view! {
            <dl class="facts">
                <div>
                    <dt>"等级 " <span lang="en">"Grade"</span></dt>
                    <dd><span class="result"><GradeBadge grade=r.grade /> {format!(" {}", score2(r.total))}</span></dd>
                </div>
                <div>
                    <dt>"下年度项目预算 " <span lang="en">"Next year's project budget"</span></dt>
                    <dd>
                        <span class="report-equation">{budget_formula(r.project_base_fen, r.adjustment_bp, r.next_year_fen)}</span>
                        <span class="report-sub muted">
                            "项目预算基数 × (1 + 调整比例) = 下年度项目预算 "
                            <span lang="en">"project base × (1 + adjustment) = next year's project budget"</span>
                        </span>
                    </dd>
                </div>
                <div>
                    <dt>"优秀奖 " <span lang="en">"Excellent prize"</span></dt>
                    <dd>{if r.prize {
                        view! { <strong>"获奖 " <span lang="en">"Awarded"</span></strong> }.into_any()
                    } else {
                        view! { "无 " <span lang="en">"None"</span> }.into_any()
                    }}</dd>
                </div>
            </dl>
        }
        .into_any(),
        None => view! {
            <p class="empty">"尚未定级，结果尚未应用。 " <span lang="en">"Not graded yet: no result applied."</span></p>
        }
        .into_any(),
    };
    let rows = GRADE_ORDER
        .iter()
        .map(|g| {
            let this = applied == Some(*g);
            view! {
                <tr class:report-applied=this>
                    <th scope="row"><GradeBadge grade=*g /></th>
                    <td class="num">{adjustment(rules.adjustment_bp(*g))}</td>
                    <td>{this.then(|| view! { <strong>"本部门适用 " <span lang="en">"Applies"</span></strong> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="report-application">
            <h2 id="report-application">"结果应用 " <span lang="en">"Results application"</span></h2>
            {body}
            <div class="table-wrap report-rules">
                <table class="data-table compact-table">
                    <caption>"本年度规则：等级对应的下年度项目预算调整 " <span lang="en">"This year's rules: next year's project budget adjustment by grade"</span></caption>
                    <thead>
                        <tr>
                            <th scope="col">"等级 " <span lang="en">"Grade"</span></th>
                            <th scope="col" class="num">"调整 " <span lang="en">"Adjustment"</span></th>
                            <th scope="col">"本部门 " <span lang="en">"This department"</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_years_budget_is_written_out() {
        assert_eq!(
            budget_formula(100_000, 500, 105_000),
            "¥1,000.00 × (1 + 5%) = ¥1,050.00"
        );
        assert_eq!(
            budget_formula(100_000, -1000, 90_000),
            "¥1,000.00 × (1 − 10%) = ¥900.00"
        );
        assert_eq!(
            budget_formula(100_000, 0, 100_000),
            "¥1,000.00 × (1 + 0%) = ¥1,000.00"
        );
    }
}
