//! The difference between two versions of an indicator set, for reviewers: which
//! indicators were added, removed or changed, and in which fields.

use crate::dto::sets::Indicator;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

/// One field's old and new value, as text for display.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FieldChange {
    pub field: &'static str,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IndicatorChange {
    pub kind: ChangeKind,
    pub name_zh: String,
    pub fields: Vec<FieldChange>,
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_else(|| "—".into())
}

fn fields(a: &Indicator, b: &Indicator) -> Vec<FieldChange> {
    let pairs: [(&'static str, String, String); 13] = [
        ("name_zh", a.name_zh.clone(), b.name_zh.clone()),
        ("name_en", a.name_en.clone(), b.name_en.clone()),
        ("level2", a.level2.as_str().into(), b.level2.as_str().into()),
        ("unit", a.unit.clone(), b.unit.clone()),
        (
            "direction",
            a.direction.as_str().into(),
            b.direction.as_str().into(),
        ),
        (
            "accumulation",
            a.accumulation.as_str().into(),
            b.accumulation.as_str().into(),
        ),
        ("target", number(a.target), number(b.target)),
        (
            "target_text",
            a.target_text.clone().unwrap_or_default(),
            b.target_text.clone().unwrap_or_default(),
        ),
        ("baseline", number(a.baseline), number(b.baseline)),
        ("points", a.points.to_string(), b.points.to_string()),
        ("data_source", a.data_source.clone(), b.data_source.clone()),
        ("elasticity", number(a.elasticity), number(b.elasticity)),
        (
            "unit_code",
            a.unit_code.clone().unwrap_or_default(),
            b.unit_code.clone().unwrap_or_default(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| FieldChange {
            field,
            before,
            after,
        })
        .collect()
}

/// Changes from `old` to `new`, matching indicators by id (or, without ids, by name).
pub fn diff(old: &[Indicator], new: &[Indicator]) -> Vec<IndicatorChange> {
    let same = |a: &Indicator, b: &Indicator| match (a.id, b.id) {
        (Some(x), Some(y)) => x == y,
        _ => a.name_zh.trim() == b.name_zh.trim(),
    };
    let mut changes = Vec::new();
    for before in old {
        match new.iter().find(|after| same(before, after)) {
            None => changes.push(IndicatorChange {
                kind: ChangeKind::Removed,
                name_zh: before.name_zh.clone(),
                fields: Vec::new(),
            }),
            Some(after) => {
                let fields = fields(before, after);
                if !fields.is_empty() {
                    changes.push(IndicatorChange {
                        kind: ChangeKind::Changed,
                        name_zh: after.name_zh.clone(),
                        fields,
                    });
                }
            }
        }
    }
    for after in new
        .iter()
        .filter(|after| !old.iter().any(|before| same(before, after)))
    {
        changes.push(IndicatorChange {
            kind: ChangeKind::Added,
            name_zh: after.name_zh.clone(),
            fields: Vec::new(),
        });
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::{Accumulation, Direction, IndicatorOrigin, Level2};

    fn indicator(id: i64, name: &str, target: f64) -> Indicator {
        Indicator {
            id: Some(id),
            library_id: None,
            origin: IndicatorOrigin::Individual,
            level2: Level2::Quantity,
            name_zh: name.into(),
            name_en: String::new(),
            unit: "个".into(),
            direction: Direction::HigherBetter,
            accumulation: Accumulation::Cumulative,
            target: Some(target),
            target_text: None,
            baseline: None,
            points: 10.0,
            data_source: String::new(),
            elasticity: None,
            unit_code: None,
        }
    }

    #[test]
    fn finds_added_removed_and_changed_indicators() {
        let old = [indicator(1, "甲", 10.0), indicator(2, "乙", 5.0)];
        let new = [indicator(1, "甲", 12.0), indicator(3, "丙", 1.0)];
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 3);
        assert_eq!(changes[0].kind, ChangeKind::Changed);
        assert_eq!(
            changes[0].fields,
            [FieldChange {
                field: "target",
                before: "10".into(),
                after: "12".into()
            }]
        );
        assert_eq!(
            (changes[1].kind.clone(), changes[1].name_zh.as_str()),
            (ChangeKind::Removed, "乙")
        );
        assert_eq!(
            (changes[2].kind.clone(), changes[2].name_zh.as_str()),
            (ChangeKind::Added, "丙")
        );
        assert!(diff(&old, &old).is_empty());
    }
}
