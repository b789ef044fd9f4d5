//! The report's outcome: total and grade against the thresholds, the self-evaluation
//! against the final result, budget execution, sign-offs and the results application.

use jixiao_domain::dto::evaluation::{Evaluation, Execution, ResultApplication, Signature};
use jixiao_domain::results::ResultRules;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;

use super::figures::{adjustment, execution_rate, grade_rule, percent, score2, thresholds};
use crate::components::charts::grade_distribution::GRADE_ORDER;
use crate::components::grade::GradeBadge;
use crate::format::{money, money_large, number, timestamp_in};
use crate::locale::{pick, t, t_string, use_i18n, Locale};

/// `¥1,000.00 × (1 + 5%) = ¥1,050.00` (`1,000.00 元 × …` in Chinese): next year's project
/// budget from its base.
pub fn budget_formula(base_fen: i64, bp: i32, next_fen: i64, locale: Locale) -> String {
    let shown = adjustment(bp);
    let (sign, abs) = match shown.strip_prefix('−') {
        Some(rest) => ("−", rest.to_owned()),
        None => ("+", shown.trim_start_matches('+').to_owned()),
    };
    format!(
        "{} × (1 {sign} {abs}) = {}",
        money(base_fen, locale),
        money(next_fen, locale)
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
    let i18n = use_i18n();
    match (total, grade) {
        (Some(total), Some(grade)) => view! {
            <span class="result">
                <strong>{score2(total)}</strong> " " <GradeBadge grade />
            </span>
        }
        .into_any(),
        _ => view! { <span class="muted">{t!(i18n, evaluation.report.not_complete)}</span> }
            .into_any(),
    }
}

#[component]
pub fn ScoreSummary(evaluation: Evaluation) -> impl IntoView {
    let i18n = use_i18n();
    let sum = raw_sum(&evaluation);
    let difference = match (evaluation.self_total, evaluation.final_total) {
        (Some(own), Some(fin)) => Some(fin - own),
        _ => None,
    };
    view! {
        <section class="panel" aria-labelledby="report-total">
            <h2 id="report-total">{t!(i18n, evaluation.report.total_heading)}</h2>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, evaluation.report.sum)}</dt>
                    <dd>
                        {match (sum, evaluation.final_total) {
                            (Some(sum), Some(total)) => {
                                let (sum, total) = (number(sum), score2(total));
                                view! {
                                    {move || t_string!(i18n, evaluation.report.rounding, sum = sum.clone(), total = total.clone()).to_string()}
                                }.into_any()
                            }
                            _ => view! { <span class="muted">{t!(i18n, evaluation.report.not_complete)}</span> }.into_any(),
                        }}
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.thresholds)}</dt>
                    <dd>{move || thresholds(i18n.get_locale())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.final_total)}</dt>
                    <dd>
                        {total_cell(evaluation.final_total, evaluation.final_grade)}
                        {evaluation.final_grade.map(|g| view! {
                            <span class="muted">
                                {move || format!(" ({} {})", pick(g.label_zh(), g.label_en()), grade_rule(g))}
                            </span>
                        })}
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.self_total)}</dt>
                    <dd>{total_cell(evaluation.self_total, evaluation.self_grade)}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.difference)}</dt>
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
    let i18n = use_i18n();
    let locale = move || i18n.get_locale();
    let Execution {
        spent_fen,
        adjusted_fen,
        month,
    } = execution;
    let rate = execution_rate(spent_fen, adjusted_fen);
    let about = move || {
        let (spent, adjusted) = (
            money_large(spent_fen, locale()),
            money_large(adjusted_fen, locale()),
        );
        let about = t_string!(i18n, evaluation.report.about, spent, adjusted);
        match month {
            Some(month) => format!(
                "{about} · {}",
                t_string!(i18n, evaluation.report.as_of_month, month)
            ),
            None => format!(
                "{about} · {}",
                t_string!(i18n, evaluation.report.no_spending)
            ),
        }
    };
    view! {
        <section class="panel" aria-labelledby="report-execution">
            <h2 id="report-execution">{t!(i18n, evaluation.report.execution)}</h2>
            <p class="report-equation">
                {t!(i18n, evaluation.report.spent)} " "
                <strong>{move || money(spent_fen, locale())}</strong>
                " ÷ " {t!(i18n, evaluation.report.adjusted)} " "
                <strong>{move || money(adjusted_fen, locale())}</strong>
                " = " <strong>{rate.map_or("—".to_owned(), percent)}</strong>
            </p>
            <p class="muted">{about}</p>
        </section>
    }
}

fn time(at: String) -> impl IntoView {
    let i18n = use_i18n();
    let datetime = at.clone();
    view! { <time datetime=datetime>{move || timestamp_in(&at, i18n.get_locale())}</time> }
}

fn signature(sign: Option<Signature>) -> AnyView {
    let i18n = use_i18n();
    match sign {
        Some(s) => view! { <span>{s.by}</span> " · " {time(s.at)} }.into_any(),
        None => {
            view! { <span class="muted">{t!(i18n, evaluation.report.not_yet)}</span> }.into_any()
        }
    }
}

#[component]
pub fn SignOffs(evaluation: Evaluation) -> impl IntoView {
    let i18n = use_i18n();
    let remarks = evaluation.remarks.clone().filter(|r| !r.trim().is_empty());
    view! {
        <section class="panel" aria-labelledby="report-signoffs">
            <h2 id="report-signoffs">{t!(i18n, evaluation.report.signoffs)}</h2>
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, evaluation.report.signed_off)}</dt>
                    <dd>{signature(evaluation.signed_off.clone())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.reevaluated)}</dt>
                    <dd>{signature(evaluation.reevaluated.clone())}</dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.remarks)}</dt>
                    <dd>
                        {match remarks {
                            Some(r) => view! { <p class="pre-line report-remarks">{r}</p> }.into_any(),
                            None => view! { <span class="muted">{t!(i18n, common.none)}</span> }.into_any(),
                        }}
                        {evaluation.remarked.clone().map(|s| view! { <span class="muted">{signature(Some(s))}</span> })}
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.published)}</dt>
                    <dd>{match evaluation.published_at.clone() {
                        Some(at) => time(at).into_any(),
                        None => view! { <span class="muted">{t!(i18n, evaluation.report.not_published)}</span> }.into_any(),
                    }}</dd>
                </div>
            </dl>
        </section>
    }
}

#[component]
pub fn ResultsApplication(result: Option<ResultApplication>, rules: ResultRules) -> impl IntoView {
    let i18n = use_i18n();
    let applied = result.map(|r| r.grade);
    let body = match result {
        Some(r) => view! {
            <dl class="facts">
                <div>
                    <dt>{t!(i18n, evaluation.report.grade)}</dt>
                    <dd><span class="result"><GradeBadge grade=r.grade /> {format!(" {}", score2(r.total))}</span></dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.next_budget)}</dt>
                    <dd>
                        <span class="report-equation">
                            {move || budget_formula(r.project_base_fen, r.adjustment_bp, r.next_year_fen, i18n.get_locale())}
                        </span>
                        <span class="report-sub muted">{t!(i18n, evaluation.report.budget_rule)}</span>
                    </dd>
                </div>
                <div>
                    <dt>{t!(i18n, evaluation.report.prize)}</dt>
                    <dd>{if r.prize {
                        view! { <strong>{t!(i18n, evaluation.report.awarded)}</strong> }.into_any()
                    } else {
                        view! { {t!(i18n, common.none)} }.into_any()
                    }}</dd>
                </div>
            </dl>
        }
        .into_any(),
        None => view! {
            <p class="empty">{t!(i18n, evaluation.report.not_graded)}</p>
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
                    <td>{this.then(|| view! { <strong>{t!(i18n, evaluation.report.applies)}</strong> })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby="report-application">
            <h2 id="report-application">{t!(i18n, evaluation.report.application)}</h2>
            {body}
            <div class="table-wrap report-rules">
                <table class="data-table compact-table">
                    <caption>{t!(i18n, evaluation.report.rules_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, evaluation.report.grade)}</th>
                            <th scope="col" class="num">{t!(i18n, evaluation.report.adjustment)}</th>
                            <th scope="col">{t!(i18n, evaluation.report.this_department)}</th>
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
            budget_formula(100_000, 500, 105_000, Locale::en),
            "¥1,000.00 × (1 + 5%) = ¥1,050.00"
        );
        assert_eq!(
            budget_formula(100_000, -1000, 90_000, Locale::en),
            "¥1,000.00 × (1 − 10%) = ¥900.00"
        );
        assert_eq!(
            budget_formula(100_000, 0, 100_000, Locale::zh_CN),
            "1,000.00 元 × (1 + 0%) = 1,000.00 元"
        );
    }
}
