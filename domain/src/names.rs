//! Words that come with the data in Chinese only, or in both languages in one text: the
//! indicator units of the demo province ("万人", "个"…) and texts written "中文; English",
//! "中文 / English" or "中文 English". Pages show the part for the reader's language.

/// The English of a unit written in Chinese, for the units Zhejiang's indicators use; `None`
/// for one this table does not know (it is then shown as written).
pub fn unit_en(unit: &str) -> Option<&'static str> {
    Some(match unit.trim() {
        "个" => "units",
        "起" => "cases",
        "天" => "days",
        "公里" => "km",
        "平方公里" => "km²",
        "万人" => "10k people",
        "万人次" => "10k person-times",
        "人次" => "person-times",
        "人" => "people",
        "亿元" => "100m yuan",
        "万元/场" => "10k yuan per event",
        "万元/公里" => "10k yuan per km",
        "元/月" => "yuan per month",
        "元/亩" => "yuan per mu",
        "万亩" => "10k mu",
        "亿斤" => "100m jin",
        "项" => "items",
        "家" => "organisations",
        "场" => "events",
        "立方米" => "m³",
        "微克/立方米" => "µg/m³",
        "次" => "times",
        "户" => "households",
        "万户" => "10k households",
        "万套" => "10k homes",
        "万件" => "10k items",
        "张" => "beds",
        "座" => "facilities",
        "岁" => "years",
        "小时" => "hours",
        "处" => "sites",
        "块" => "plots",
        "人/亿元" => "people per 100m yuan",
        "人/万车" => "per 10k vehicles",
        "1/10万" => "per 100k",
        "比率 rate" | "比率" => "rate",
        _ => return None,
    })
}

/// A unit in the reader's language: as written for Chinese, translated for English when known.
pub fn unit_in(unit: &str, zh: bool) -> &str {
    if zh {
        unit.strip_suffix(" rate").unwrap_or(unit)
    } else {
        unit_en(unit).unwrap_or(unit)
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}'))
}

/// The `(Chinese, English)` halves of a text that carries both, or `None` for a text in one
/// language. Recognised: `中文; English`, `中文；English`, `中文 / English` and `中文 English`
/// (an English tail after the last Chinese character).
pub fn halves(text: &str) -> Option<(&str, &str)> {
    for separator in ["; ", "；", " / "] {
        if let Some((zh, en)) = text.split_once(separator) {
            if has_cjk(zh) && !has_cjk(en) && en.chars().any(|c| c.is_ascii_alphabetic()) {
                return Some((zh.trim(), en.trim()));
            }
        }
    }
    let last_cjk = text
        .char_indices()
        .rfind(|(_, c)| has_cjk(c.encode_utf8(&mut [0; 4])))
        .map(|(i, c)| i + c.len_utf8())?;
    let (zh, en) = text.split_at(last_cjk);
    let en_trimmed = en.trim_start();
    (en.starts_with(' ') && en_trimmed.starts_with(|c: char| c.is_ascii_alphabetic()))
        .then(|| (zh.trim(), en_trimmed.trim_end()))
}

/// The part of a text for the reader's language (the whole text when it has one language).
pub fn part_in(text: &str, zh: bool) -> &str {
    match halves(text) {
        Some((chinese, english)) => {
            if zh {
                chinese
            } else {
                english
            }
        }
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_in_english() {
        assert_eq!(unit_in("万人", false), "10k people");
        assert_eq!(unit_in("万人", true), "万人");
        assert_eq!(unit_in("%", false), "%");
        assert_eq!(unit_in("比率 rate", true), "比率");
        assert_eq!(unit_in("比率 rate", false), "rate");
        assert_eq!(
            unit_in("光年", false),
            "光年",
            "unknown units stay as written"
        );
    }

    #[test]
    fn texts_with_both_languages_are_split() {
        let target = "出台教育数字化改革实施方案并通过省级验收; Implementation plan issued";
        assert_eq!(
            part_in(target, true),
            "出台教育数字化改革实施方案并通过省级验收"
        );
        assert_eq!(part_in(target, false), "Implementation plan issued");
        let source = "省教育厅事业统计年报 / Provincial education statistics yearbook";
        assert_eq!(
            part_in(source, false),
            "Provincial education statistics yearbook"
        );
        assert_eq!(
            part_in("一般公共预算 General public budget", true),
            "一般公共预算"
        );
        assert_eq!(
            part_in("一般公共预算 General public budget", false),
            "General public budget"
        );
        assert_eq!(
            part_in("通过考核 Assessment passed", false),
            "Assessment passed"
        );
    }

    #[test]
    fn texts_in_one_language_stay_whole() {
        for text in [
            "全面完成",
            "PM2.5 年均浓度",
            "Completed",
            "",
            "完成率达到95%; 全面完成",
        ] {
            assert_eq!(part_in(text, false), text);
            assert_eq!(part_in(text, true), text);
        }
        assert_eq!(halves("PM2.5平均浓度"), None);
    }
}
