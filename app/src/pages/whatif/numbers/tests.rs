use super::*;

const ZH: Locale = Locale::zh_CN;
const EN: Locale = Locale::en;

#[test]
fn percent_and_fen_convert_exactly() {
    assert_eq!(fen_at_percent(45_000_000_000, 90), 40_500_000_000);
    assert_eq!(fen_at_percent(45_000_000_000, 200), 90_000_000_000);
    assert_eq!(fen_at_percent(3, 50), 2); // 1.5 fen → 2
    assert_eq!(fen_at_percent(0, 150), 0);
    assert_eq!(slider_percent(40_500_000_000, 45_000_000_000), Some(90));
    assert_eq!(slider_percent(40_725_000_000, 45_000_000_000), Some(91)); // 90.5 → 91
    assert_eq!(slider_percent(500_000_000_000, 45_000_000_000), Some(200));
    assert_eq!(slider_percent(1, 0), None);
    for percent in 0..=MAX_PERCENT {
        let base = 39_900_000_001;
        assert_eq!(
            slider_percent(fen_at_percent(base, percent), base),
            Some(percent)
        );
    }
    assert_eq!(percent_text(40_500_000_000, 45_000_000_000), "90\u{a0}%");
    assert_eq!(percent_text(40_725_000_000, 45_000_000_000), "90.5\u{a0}%");
    assert_eq!(percent_text(5, 0), "—");
}

#[test]
fn a_line_change_has_an_arrow_and_a_sign() {
    let base = 45_000_000_000;
    assert_eq!(line_change(40_500_000_000, base, EN).text, "▼ −10\u{a0}%");
    assert_eq!(line_change(40_500_000_000, base, ZH).trend, Trend::Down);
    assert_eq!(line_change(47_250_000_000, base, EN).text, "▲ +5\u{a0}%");
    assert_eq!(line_change(base, base, ZH).text, "= 0\u{a0}%");
    assert_eq!(line_change(100, 0, EN).trend, Trend::Up);
    assert_eq!(line_change(1_000_000, 0, ZH).text, "▲ +1.00 万元");
}

#[test]
fn wan_yuan_are_typed_exactly() {
    assert_eq!(wan_input(40_500_000_000), "40500");
    assert_eq!(wan_input(123_456_789), "123.456789");
    assert_eq!(wan_input(1_500_000), "1.5");
    assert_eq!(wan_input(0), "0");
    assert_eq!(parse_wan("40500"), Ok(40_500_000_000));
    assert_eq!(parse_wan(" 40,500.5 万元"), Ok(40_500_500_000));
    assert_eq!(parse_wan("0.000001"), Ok(1));
    assert_eq!(parse_wan(".5"), Ok(500_000));
    assert_eq!(parse_wan("0.0000001"), Err(InputError::AmountPrecision));
    assert_eq!(parse_wan("-1"), Err(InputError::AmountInvalid));
    assert_eq!(parse_wan(""), Err(InputError::AmountEmpty));
    assert_eq!(parse_wan("abc"), Err(InputError::AmountInvalid));
    assert_eq!(
        parse_wan("99999999999999999999"),
        Err(InputError::AmountTooLarge)
    );
    for fen in [0, 1, 99, 1_000_000, 123_456_789, 45_000_000_000] {
        assert_eq!(parse_wan(&wan_input(fen)), Ok(fen));
    }
}

#[test]
fn numbers_are_typed_with_commas_and_minus_signs() {
    assert_eq!(parse_number("30,000"), Ok(30_000.0));
    assert_eq!(parse_number(" −0.5 "), Ok(-0.5));
    assert_eq!(parse_number("1"), Ok(1.0));
    assert_eq!(parse_number(""), Err(InputError::NumberEmpty));
    assert_eq!(parse_number("inf"), Err(InputError::NumberInvalid));
    assert_eq!(parse_number("NaN"), Err(InputError::NumberInvalid));
    assert_eq!(parse_number("x"), Err(InputError::NumberInvalid));
    assert_eq!(parse_number(&number_input(0.1 + 0.2)), Ok(0.1 + 0.2));
}

#[test]
fn input_errors_read_in_one_language() {
    assert_eq!(InputError::AmountEmpty.text(ZH), "请填写金额（万元）");
    assert_eq!(
        InputError::AmountEmpty.text(EN),
        "Enter an amount in 10,000 yuan"
    );
    assert_eq!(
        InputError::NumberInvalid.text(EN),
        "Enter a number, e.g. 0.5"
    );
    assert_eq!(InputError::NumberInvalid.text(ZH), "须为数字，例如 0.5");
}

#[test]
fn deltas_show_direction_in_words_and_arrows() {
    assert_eq!(score_delta(98.83, 97.95).text, "▼ −0.88");
    assert_eq!(score_delta(98.83, 97.95).trend, Trend::Down);
    assert_eq!(score_delta(9.5, 10.0).text, "▲ +0.50");
    assert_eq!(score_delta(10.001, 10.004).text, "= 0.00");
    assert_eq!(score_text(9.568_627), "9.57");
    assert_eq!(
        money_delta(208_305_000_000, 203_805_000_000, ZH).text,
        "▼ −4,500.00 万元"
    );
    assert_eq!(
        money_delta(208_305_000_000, 203_805_000_000, EN).text,
        "▼ −¥45.00 million"
    );
    assert_eq!(money_delta(1, 1, EN).trend, Trend::Same);
    assert_eq!(grade_delta(Grade::Excellent, Grade::Good, ZH).text, "▼ 降");
    assert_eq!(
        grade_delta(Grade::Excellent, Grade::Good, EN).text,
        "▼ Down"
    );
    assert_eq!(grade_delta(Grade::Fair, Grade::Good, EN).trend, Trend::Up);
    assert_eq!(grade_delta(Grade::Poor, Grade::Poor, ZH).text, "= 不变");
    assert_eq!(adjustment_text(500), "+5\u{a0}%");
    assert_eq!(adjustment_text(-1000), "−10\u{a0}%");
    assert_eq!(adjustment_text(250), "+2.5\u{a0}%");
    assert_eq!(adjustment_text(0), "0\u{a0}%");
}

#[test]
fn values_show_with_their_unit() {
    assert_eq!(
        value_text(Direction::HigherBetter, Some(30_900.0), "个"),
        "30900 个"
    );
    assert_eq!(
        value_text(Direction::HigherBetter, Some(81.333_33), "%"),
        "81.33 %"
    );
    assert_eq!(
        value_text(Direction::BudgetExecution, Some(0.958_96), "比率 rate"),
        "95.9\u{a0}%"
    );
    assert_eq!(value_text(Direction::Qualitative, Some(1.0), ""), "—");
    assert_eq!(value_text(Direction::LowerBetter, None, "天"), "—");
    assert_eq!(value_text(Direction::ZeroTarget, Some(0.0), ""), "0");
}
