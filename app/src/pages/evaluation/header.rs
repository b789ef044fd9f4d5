//! The evaluation page's header: department and year, phase and status, the self and
//! final totals side by side, who signed off, re-evaluated and remarked (and when), and
//! the links to the report, the cases, the set, monitoring and the budget.

use jixiao_domain::dto::evaluation::{Evaluation, Signature};
use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::scoring::Grade;
use leptos::prelude::*;
use leptos_router::components::A;

use super::text::total_text;
use super::{cases_href, report_href};
use crate::components::grade::GradeBadge;
use crate::components::phase::PhaseBadge;
use crate::format::timestamp;
use crate::pages::monitoring::{budget_href, monitoring_href};
use crate::pages::set::set_href;

/// The status in words; colour only as a second cue.
#[component]
pub fn EvaluationStatusBadge(status: EvaluationStatus) -> impl IntoView {
    view! {
        <span class=format!("badge evaluation-status evaluation-{}", status.as_str())>
            {status.label_zh()} " " <span lang="en">{status.label_en()}</span>
        </span>
    }
}

fn score(total: Option<f64>, grade: Option<Grade>) -> AnyView {
    match (total, grade) {
        (Some(total), Some(grade)) => view! {
            <strong class="eval-total">{total_text(total)}</strong> " " <GradeBadge grade />
        }
        .into_any(),
        (Some(total), None) => {
            view! { <strong class="eval-total">{total_text(total)}</strong> }.into_any()
        }
        _ => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

fn signature(signature: Option<Signature>) -> AnyView {
    match signature {
        Some(Signature { by, at }) => view! {
            <span>{by}</span> " · " <time datetime=at.clone()>{timestamp(&at)}</time>
        }
        .into_any(),
        None => view! { <span class="muted">"—"</span> }.into_any(),
    }
}

#[component]
pub fn EvaluationHeader(current: RwSignal<Evaluation>) -> impl IntoView {
    let (code, year, name_zh, name_en) = current.with_untracked(|e| {
        (
            e.department.code.clone(),
            e.year,
            e.department.name_zh.clone(),
            e.department.name_en.clone(),
        )
    });
    let phase = move || current.with(|e| e.phase);
    let status = move || current.with(|e| e.status);
    let published = move || {
        current.with(|e| e.published_at.clone()).map(|at| {
            view! {
                <p class="eval-published">
                    "已公开 " <span lang="en">"Published"</span> " · " {timestamp(&at)}
                </p>
            }
        })
    };
    view! {
        <header class="page-header">
            <h1>
                <span class="h1-zh">{format!("{name_zh} {year} 年度绩效评价")}</span> " "
                <span class="h1-en" lang="en">{format!("{name_en} — FY{year} performance evaluation")}</span>
            </h1>
            <p class="set-meta">
                <span>"阶段 " <span lang="en">"Phase"</span> " " {move || view! { <PhaseBadge phase=phase() /> }}</span>
                <span>"状态 " <span lang="en">"Status"</span> " " {move || view! { <EvaluationStatusBadge status=status() /> }}</span>
            </p>
            {published}
        </header>
        <section class="panel" aria-labelledby="eval-summary-heading">
            <h2 id="eval-summary-heading">"概况 " <span lang="en">"Summary"</span></h2>
            <div class="eval-scores">
                <div class="eval-score-box">
                    <p class="eval-score-label">"自评得分 " <span lang="en">"Self-evaluation score"</span></p>
                    <p class="eval-score-value">{move || current.with(|e| score(e.self_total, e.self_grade))}</p>
                </div>
                <div class="eval-score-box">
                    <p class="eval-score-label">
                        "最终得分 " <span lang="en">"Final score"</span>
                        {move || (status() != EvaluationStatus::Final).then(|| view! {
                            " （未定级 " <span lang="en">"not graded yet"</span> "）"
                        })}
                    </p>
                    <p class="eval-score-value">{move || current.with(|e| score(e.final_total, e.final_grade))}</p>
                </div>
            </div>
            <dl class="facts">
                <div>
                    <dt>"自评签署 " <span lang="en">"Signed off by"</span></dt>
                    <dd>{move || signature(current.with(|e| e.signed_off.clone()))}</dd>
                </div>
                <div>
                    <dt>"财政复评 " <span lang="en">"Re-evaluated by"</span></dt>
                    <dd>{move || signature(current.with(|e| e.reevaluated.clone()))}</dd>
                </div>
                <div>
                    <dt>"重点工作评价 " <span lang="en">"Remarks by"</span></dt>
                    <dd>{move || signature(current.with(|e| e.remarked.clone()))}</dd>
                </div>
            </dl>
            <ul class="eval-links">
                <li><A href=report_href(&code, year)>"评价报告 " <span lang="en">"Report"</span></A></li>
                <li><A href=cases_href(&code, year)>"问责案件 " <span lang="en">"Accountability cases"</span></A></li>
                <li><A href=set_href(&code, year)>"指标体系 " <span lang="en">"Indicator set"</span></A></li>
                <li><A href=monitoring_href(&code, year, None)>"执行监控 " <span lang="en">"Monitoring"</span></A></li>
                <li><A href=budget_href(&code, year)>"预算 " <span lang="en">"Budget"</span></A></li>
            </ul>
        </section>
    }
}
