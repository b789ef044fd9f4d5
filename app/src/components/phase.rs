//! A fiscal year's phase: its badge, the phase after it, and what moving on means.

use jixiao_domain::framework::Phase;
use leptos::prelude::*;

use crate::locale::pick;

/// The phase badge: the phase in words, colour only as a second cue.
#[component]
pub fn PhaseBadge(phase: Phase) -> impl IntoView {
    view! {
        <span class=format!("badge phase-{}", phase.as_str())>
            {move || pick(phase.label_zh(), phase.label_en())}
        </span>
    }
}

/// The phase a year moves to next (phases only go forward), `None` once closed.
pub const fn next_phase(phase: Phase) -> Option<Phase> {
    match phase {
        Phase::Planning => Some(Phase::Execution),
        Phase::Execution => Some(Phase::Evaluation),
        Phase::Evaluation => Some(Phase::Closed),
        Phase::Closed => None,
    }
}

/// What entering `phase` allows (and ends), in Chinese and English.
pub const fn entering(phase: Phase) -> (&'static str, &'static str) {
    match phase {
        Phase::Planning => (
            "各部门编制绩效指标和目标，财政审核批复。",
            "Departments draft their indicators and targets; finance reviews and approves them.",
        ),
        Phase::Execution => (
            "各部门按月填报支出和指标进展，系统按亮灯规则监控；分值分配从此固定，指标集不再编制。",
            "Departments report monthly spending and indicator progress, and lamps light up; \
             the points allocation is fixed from now on and indicator sets are no longer drafted.",
        ),
        Phase::Evaluation => (
            "部门自评，财政复评，得出得分和等级；月度监控结束。",
            "Departments evaluate themselves and finance re-evaluates, giving scores and grades; \
             monthly monitoring ends.",
        ),
        Phase::Closed => (
            "年度只读：规则和数据不能再修改，结果可以应用和公开。",
            "The year becomes read-only: rules and data can no longer change; results can be \
             applied and published.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_go_forward_one_step_at_a_time() {
        assert_eq!(next_phase(Phase::Planning), Some(Phase::Execution));
        assert_eq!(next_phase(Phase::Execution), Some(Phase::Evaluation));
        assert_eq!(next_phase(Phase::Evaluation), Some(Phase::Closed));
        assert_eq!(next_phase(Phase::Closed), None);
    }
}
