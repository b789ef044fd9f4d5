//! Unit tests of the rules form's reading and checking.

use super::*;

#[test]
fn percentages_round_trip_the_stored_values() {
    let rules = YearRules::default();
    let t = rules.lamp_thresholds;
    for ratio in [t.red_below, t.green_from, t.blue_from, 0.07, 0.55] {
        assert_eq!(percent_as_ratio(&ratio_as_percent(ratio)), Some(ratio));
    }
    assert_eq!(ratio_as_percent(0.6), "60");
    assert_eq!(bp_as_percent(-1000), "-10");
    assert_eq!(signed_percent(500), "+5");
    assert_eq!(signed_percent(-2000), "−20");
    assert_eq!(signed_percent(0), "0");
    assert_eq!(percent_as_bp("-10"), Some(-1000));
    assert_eq!(percent_as_bp(" 2.5 "), Some(250));
    assert_eq!(percent_as_bp("0.07"), Some(7));
    assert_eq!(percent_as_bp("2.555"), None);
    assert_eq!(percent_as_bp("abc"), None);
    assert_eq!(percent_as_ratio(""), None);
}

#[test]
fn the_total_needs_whole_numbers() {
    assert_eq!(points_sum(["10", "50", "30", "10"]), Some(100));
    assert_eq!(points_sum(["10", "55", "30", " 10 "]), Some(105));
    assert_eq!(points_sum(["10", "", "30", "10"]), None);
    assert_eq!(points_sum(["10", "5.5", "30", "10"]), None);
}

#[test]
fn local_checks_name_the_servers_fields() {
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        let inputs = RulesInputs::new(&YearRules::default());
        assert_eq!(inputs.read(), Ok(YearRules::default()));

        inputs.output.set("55".into());
        let error = inputs.read().unwrap_err();
        assert_eq!(error.field, ALLOCATION);
        assert!(error.message.contains("105"), "{}", error.message);
        let english = inputs.read_in(Locale::en).unwrap_err().message;
        assert_eq!(english, "The points must sum to 100, not 105.");
        let chinese = inputs.read_in(Locale::zh_CN).unwrap_err().message;
        assert_eq!(chinese, "四项分值合计须为 100，当前为 105。");

        inputs.output.set("50".into());
        inputs.green_from.set("50".into());
        assert_eq!(inputs.read().unwrap_err().field, THRESHOLDS);

        inputs.green_from.set("80".into());
        inputs.poor.set("-120".into());
        assert_eq!(
            inputs.read().unwrap_err().field,
            "rules.result_rules.poor_bp"
        );

        inputs.poor.set("x".into());
        assert_eq!(inputs.read().unwrap_err().code, "not_a_number");
        assert_eq!(
            inputs.read_in(Locale::en).unwrap_err().message,
            "Enter a percentage with at most two decimals."
        );
        assert_eq!(
            inputs.read_in(Locale::zh_CN).unwrap_err().message,
            "请输入百分比数值（最多两位小数）。"
        );
        inputs.effect.set("-3".into());
        assert_eq!(
            inputs.read().unwrap_err().field,
            "rules.points_allocation.effect"
        );
    });
}

#[test]
fn errors_lead_to_their_inputs() {
    assert_eq!(
        field_id("y2027", ALLOCATION).as_deref(),
        Some("y2027-points-budget_execution")
    );
    assert_eq!(
        field_id("open", "rules.lamp_thresholds.thresholds.blue_from").as_deref(),
        Some("open-lamp-blue_from")
    );
    assert_eq!(
        field_id("open", "rules.result_rules.poor_bp").as_deref(),
        Some("open-result-poor_bp")
    );
    assert_eq!(field_id("open", "revision"), None);
}

#[test]
fn domain_paths_are_the_ones_shown() {
    let bad = YearRules {
        lamp_thresholds: LampThresholds {
            red_below: 0.0,
            ..LampThresholds::default()
        },
        ..YearRules::default()
    };
    assert_eq!(
        bad.parse().unwrap_err().field,
        format!("{THRESHOLDS}.red_below")
    );
}
