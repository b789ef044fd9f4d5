use super::*;
use jixiao_domain::framework::{Accumulation, IndicatorOrigin, Level2};

fn higher(target: f64, points: f64) -> Terms {
    Terms {
        direction: Direction::HigherBetter,
        target: Some(target),
        points,
    }
}

fn qualitative(points: f64) -> Terms {
    Terms {
        direction: Direction::Qualitative,
        target: None,
        points,
    }
}

fn actual(value: f64) -> Figures {
    Figures {
        actual: Some(value),
        ..Figures::default()
    }
}

fn typed(actual: &str) -> FigureText {
    FigureText {
        actual: actual.into(),
        ..FigureText::default()
    }
}

fn item(self_figures: Figures, prefill: Figures) -> EvaluationItem {
    EvaluationItem {
        indicator: Indicator {
            id: Some(7),
            library_id: None,
            origin: IndicatorOrigin::Individual,
            level2: Level2::Quantity,
            name_zh: "学校".into(),
            name_en: "Schools".into(),
            unit: "所".into(),
            direction: Direction::HigherBetter,
            accumulation: Accumulation::Cumulative,
            target: Some(100.0),
            target_text: None,
            baseline: None,
            points: 20.0,
            data_source: String::new(),
            elasticity: None,
            unit_code: None,
        },
        key_work: false,
        prefill,
        self_figures,
        cause: Some("late".into()),
        evidence: None,
        self_score: None,
        override_figures: None,
        override_reason: None,
        final_score: None,
        needs_cause: false,
    }
}

#[test]
fn the_page_offers_what_the_reader_may_do() {
    use EvaluationStatus as S;
    let e = Phase::Evaluation;
    assert_eq!(mode(e, S::NotStarted, true, false), Mode::SelfEvaluation);
    assert_eq!(mode(e, S::SelfDraft, true, false), Mode::SelfEvaluation);
    assert_eq!(mode(e, S::SelfSubmitted, true, false), Mode::ReadOnly);
    assert_eq!(mode(e, S::SelfDraft, false, true), Mode::ReadOnly);
    assert_eq!(mode(e, S::SelfSubmitted, false, true), Mode::Reevaluation);
    assert_eq!(mode(e, S::Reevaluated, false, true), Mode::Reevaluation);
    assert_eq!(mode(e, S::Final, false, true), Mode::ReadOnly);
    assert_eq!(
        mode(Phase::Closed, S::SelfDraft, true, true),
        Mode::ReadOnly
    );
}

#[test]
fn numbers_are_read_as_typed() {
    assert_eq!(parse_number(" 1,234.5 "), Ok(Some(1234.5)));
    assert_eq!(parse_number(""), Ok(None));
    assert_eq!(parse_number("  "), Ok(None));
    assert_eq!(parse_number("-3"), Ok(Some(-3.0)));
    assert_eq!(parse_number("abc"), Err(()));
    assert_eq!(parse_number("inf"), Err(()));
}

#[test]
fn figures_round_trip_through_their_text_exactly() {
    let figures = actual(0.952_345_678_9);
    let (back, problems) = FigureText::of(&figures).parse(Direction::BudgetExecution);
    assert!(problems.is_empty());
    assert_eq!(back, figures);
    let rated = Figures {
        actual: Some(3.0),
        rating: Some(Rating::Partly),
        percent: None,
    };
    let text = FigureText::of(&rated);
    assert_eq!(
        (text.rating.as_str(), text.percent.as_str()),
        ("partly", "")
    );
    let (back, _) = text.parse(Direction::Qualitative);
    assert_eq!(back.rating, Some(Rating::Partly));
    assert_eq!(back.actual, None, "a qualitative indicator has no actual");
}

#[test]
fn the_form_starts_from_the_monitoring_value_until_something_was_saved() {
    let fresh = SelfText::of(&item(Figures::default(), actual(80.0)));
    assert_eq!(fresh.figures.actual, "80");
    assert_eq!(fresh.cause, "late");
    let saved = SelfText::of(&item(actual(95.0), actual(80.0)));
    assert_eq!(saved.figures.actual, "95");
}

#[test]
fn a_self_update_sends_every_indicator_and_names_each_problem() {
    let items = [(1, higher(100.0, 50.0)), (2, qualitative(50.0))];
    let texts = [
        SelfText {
            figures: typed("90"),
            cause: "  ".into(),
            evidence: " report ".into(),
        },
        SelfText::default(),
    ];
    let (updates, problems) = self_update(&items, &texts, false);
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].indicator_id, 1);
    assert_eq!(updates[0].actual, Some(90.0));
    assert_eq!(updates[0].cause, None, "a blank cause is not sent");
    assert_eq!(updates[0].evidence.as_deref(), Some("report"));
    assert!(
        problems.is_empty(),
        "a draft may be incomplete: {problems:?}"
    );

    let (_, problems) = self_update(&items, &texts, true);
    let fields: Vec<_> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["items[0].cause", "items[1].rating"]);
}

#[test]
fn text_that_is_not_a_number_is_one_problem_at_its_field() {
    let items = [(1, higher(100.0, 100.0))];
    let texts = [SelfText {
        figures: typed("lots"),
        ..SelfText::default()
    }];
    let (_, problems) = self_update(&items, &texts, true);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, "items[0].actual");
    assert_eq!(problems[0].code, "not_a_number");
    assert_eq!(
        problems[0].message_in(false),
        "enter a number, e.g. 95 or 0.95"
    );
    assert_eq!(problems[0].message_in(true), "请填写数字，如 95 或 0.95");
}

#[test]
fn only_figures_that_differ_are_overrides_and_each_needs_a_reason() {
    let items = [
        (1, higher(100.0, 40.0), actual(90.0)),
        (2, higher(100.0, 40.0), actual(80.0)),
        (
            3,
            qualitative(20.0),
            Figures {
                rating: Some(Rating::Achieved),
                ..Figures::default()
            },
        ),
    ];
    let texts = [
        ReviewText {
            figures: typed("90"),
            reason: String::new(),
        },
        ReviewText {
            figures: typed("70"),
            reason: String::new(),
        },
        ReviewText {
            figures: FigureText {
                rating: "achieved".into(),
                percent: "100".into(),
                ..FigureText::default()
            },
            reason: String::new(),
        },
    ];
    let reviewed = review(&items, &texts);
    assert_eq!(reviewed.differs, [false, true, false]);
    assert_eq!(reviewed.sent, [1]);
    assert_eq!(reviewed.overrides.len(), 1);
    assert_eq!(reviewed.overrides[0].indicator_id, 2);
    assert_eq!(reviewed.overrides[0].actual, Some(70.0));
    assert_eq!(reviewed.problems.len(), 1);
    assert_eq!(reviewed.problems[0].field, "items[1].reason");

    let mut explained = texts.clone();
    explained[1].reason = " audit found 70 ".into();
    let reviewed = review(&items, &explained);
    assert!(reviewed.problems.is_empty());
    assert_eq!(
        reviewed.overrides[0].reason.as_deref(),
        Some("audit found 70")
    );
}

#[test]
fn an_unreadable_override_is_a_problem_not_a_silent_agreement() {
    let items = [(1, higher(100.0, 40.0), actual(90.0))];
    let texts = [ReviewText {
        figures: typed("9o"),
        reason: "typo".into(),
    }];
    let reviewed = review(&items, &texts);
    assert_eq!(reviewed.differs, [true]);
    assert_eq!(reviewed.problems.len(), 1);
    assert_eq!(reviewed.problems[0].field, "items[0].actual");
    assert_eq!(reviewed.problems[0].code, "not_a_number");
}
