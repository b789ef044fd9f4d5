//! The domain's closed sets of values (kind, level 2, direction, …) as they appear in a
//! sheet: written as "项目支出 Project expenditure", read back from that, from either half,
//! or from the wire value (`project`).

use jixiao_domain::evaluation::EvaluationStatus;
use jixiao_domain::framework::{
    Accumulation, BudgetKind, Direction, IndicatorOrigin, Level1, Level2, Sector, SetStatus,
};
use jixiao_domain::lamps::Lamp;
use jixiao_domain::scoring::{Grade, Rating};

pub trait Choice: Copy + 'static {
    /// What the value is, for messages ("kind", "direction").
    const WHAT: &'static str;
    /// The same in Chinese ("支出类别", "指标方向").
    const WHAT_ZH: &'static str;
    fn all() -> &'static [Self];
    fn wire(self) -> &'static str;
    fn zh(self) -> &'static str;
    fn en(self) -> &'static str;

    /// As written in a cell and offered in its drop-down list.
    fn cell(self) -> String {
        format!("{} {}", self.zh(), self.en())
    }

    /// Any of the spellings above, ignoring case and spacing of the English.
    fn from_cell(text: &str) -> Option<Self> {
        let wanted = normalize(text);
        Self::all().iter().copied().find(|value| {
            [value.cell(), value.zh().to_owned(), value.en().to_owned()]
                .iter()
                .map(|s| normalize(s))
                .chain([value.wire().to_owned()])
                .any(|s| s == wanted)
        })
    }

    /// "one of: 基本支出·人员经费 Basic: personnel, …".
    fn expected() -> String {
        Self::all()
            .iter()
            .map(|v| v.cell())
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

/// Lowercase, with runs of whitespace as one space, trimmed.
pub fn normalize(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

macro_rules! choices {
    ($($ty:ty => $what:literal, $what_zh:literal);+ $(;)?) => {
        $(impl Choice for $ty {
            const WHAT: &'static str = $what;
            const WHAT_ZH: &'static str = $what_zh;
            fn all() -> &'static [Self] { <$ty>::ALL }
            fn wire(self) -> &'static str { self.as_str() }
            fn zh(self) -> &'static str { self.label_zh() }
            fn en(self) -> &'static str { self.label_en() }
        })+
    };
}

choices!(
    BudgetKind => "kind", "支出类别";
    Level1 => "level 1", "一级指标";
    Level2 => "level 2", "二级指标";
    Direction => "direction", "指标方向";
    Accumulation => "accumulation", "累计方式";
    IndicatorOrigin => "origin", "指标来源";
    SetStatus => "status", "状态";
    Lamp => "lamp", "灯";
    Grade => "grade", "等级";
    Rating => "rating", "评定等次";
    Sector => "sector", "领域";
    EvaluationStatus => "status", "状态";
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_is_read() {
        for text in [
            "项目支出 Project expenditure",
            "项目支出",
            "project expenditure",
            " Project   Expenditure ",
            "project",
        ] {
            assert_eq!(
                BudgetKind::from_cell(text),
                Some(BudgetKind::Project),
                "{text}"
            );
        }
        assert_eq!(Direction::from_cell("sideways"), None);
        assert_eq!(Level2::ALL.len(), 10);
        for level2 in Level2::ALL {
            assert_eq!(Level2::from_cell(&level2.cell()), Some(*level2));
        }
    }
}
