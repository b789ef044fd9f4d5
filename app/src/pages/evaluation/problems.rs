//! Where a problem belongs on the page: a server's or the local check's field path
//! (`items[3].cause`, `overrides[1].reason`) placed at an item's control, and the alert
//! over the marked fields.

use jixiao_domain::FieldError;

use crate::api::ApiError;
use crate::locale::{td_string, Locale};

/// A problem placed at one item: `field` is the control (`actual`, `rating`, `percent`,
/// `cause`, `evidence`, `reason`) or `""` for the item as a whole.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemProblem {
    pub index: usize,
    pub field: String,
    pub code: String,
    pub message: String,
}

const CONTROLS: &[&str] = &["actual", "rating", "percent", "cause", "evidence", "reason"];

/// `items[3].cause` → `(3, "cause")`; `overrides[1].reason` → the item of the second
/// override sent (`sent[1]`). Fields without a control of their own belong to the item.
pub fn item_place(path: &str, sent: &[usize]) -> Option<(usize, String)> {
    let indexed = |prefix: &str| -> Option<(usize, &str)> {
        let rest = path.strip_prefix(prefix)?;
        let (index, rest) = rest.split_once(']')?;
        Some((index.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
    };
    let (index, field) = match indexed("items[") {
        Some(found) => found,
        None => {
            let (k, field) = indexed("overrides[")?;
            (*sent.get(k)?, field)
        }
    };
    let field = if CONTROLS.contains(&field) { field } else { "" };
    Some((index, field.to_owned()))
}

/// Every problem an error names: its `problems`, or the error itself if it names a field.
pub fn error_problems(error: &ApiError) -> Vec<FieldError> {
    if !error.problems.is_empty() {
        return error.problems.clone();
    }
    error
        .field
        .as_ref()
        .map(|field| {
            vec![FieldError::new(
                &error.code,
                field.clone(),
                error.message.clone(),
            )]
        })
        .unwrap_or_default()
}

/// The problems placed at items, and the number of those that could not be placed.
pub fn place_problems(problems: &[FieldError], sent: &[usize]) -> (Vec<ItemProblem>, usize) {
    let mut placed = Vec::new();
    let mut unplaced = 0;
    for problem in problems {
        match item_place(&problem.field, sent) {
            Some((index, field)) => placed.push(ItemProblem {
                index,
                field,
                code: problem.code.clone(),
                message: problem.message.clone(),
            }),
            None => unplaced += 1,
        }
    }
    (placed, unplaced)
}

/// A local check's refusal: the alert over the marked fields, in `locale`.
pub fn local_refusal(count: usize, locale: Locale) -> ApiError {
    let message = if count == 1 {
        td_string!(locale, evaluation.refusal.one, count).to_string()
    } else {
        td_string!(locale, evaluation.refusal.many, count).to_string()
    };
    ApiError {
        status: 422,
        code: "validation".to_owned(),
        message,
        field: None,
        current: None,
        problems: Vec::new(),
    }
}

/// A server's refusal split into the problems shown at their items and the alert: when
/// every problem has its place, the alert only points at them (in `locale`).
pub fn server_refusal(
    error: ApiError,
    sent: &[usize],
    locale: Locale,
) -> (Vec<ItemProblem>, ApiError) {
    let problems = error_problems(&error);
    let (placed, unplaced) = place_problems(&problems, sent);
    let alert = if !placed.is_empty() && unplaced == 0 && !error.is_stale() {
        ApiError {
            message: local_refusal(placed.len(), locale).message,
            field: None,
            ..error
        }
    } else {
        error
    };
    (placed, alert)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problem_paths_find_their_item_and_control() {
        assert_eq!(item_place("items[3].cause", &[]), Some((3, "cause".into())));
        assert_eq!(
            item_place("items[0].actual", &[]),
            Some((0, "actual".into()))
        );
        assert_eq!(item_place("items[2]", &[]), Some((2, String::new())));
        assert_eq!(
            item_place("items[2].indicator_id", &[]),
            Some((2, String::new()))
        );
        assert_eq!(
            item_place("overrides[1].reason", &[4, 6]),
            Some((6, "reason".into()))
        );
        assert_eq!(item_place("overrides[5].reason", &[4, 6]), None);
        assert_eq!(item_place("revision", &[]), None);
        assert_eq!(item_place("items[x].cause", &[]), None);
    }

    #[test]
    fn errors_give_their_problems_or_themselves() {
        let many = ApiError::from_response(
            422,
            r#"{"error":{"code":"validation","message":"2 problems","problems":[
                {"code":"cause_required","message":"why","field":"items[1].cause"},
                {"code":"x","message":"?","field":"somewhere"}]}}"#,
        );
        let problems = error_problems(&many);
        assert_eq!(problems.len(), 2);
        let (placed, unplaced) = place_problems(&problems, &[]);
        assert_eq!(placed.len(), 1);
        assert_eq!((placed[0].index, placed[0].field.as_str()), (1, "cause"));
        assert_eq!(unplaced, 1);

        let one = ApiError::from_response(
            422,
            r#"{"error":{"code":"reason_required","message":"why","field":"items[0].reason"}}"#,
        );
        assert_eq!(error_problems(&one)[0].field, "items[0].reason");
        let (placed, alert) = server_refusal(one.clone(), &[], Locale::en);
        assert_eq!(placed.len(), 1);
        assert_eq!(alert.message, "Fix the 1 marked problem.");
        assert_eq!(alert.field, None);
        let (_, alert) = server_refusal(one, &[], Locale::zh_CN);
        assert_eq!(alert.message, "请修正标出的 1 个问题。");
        assert_eq!(
            local_refusal(3, Locale::en).message,
            "Fix the 3 marked problems."
        );
        let (placed, alert) = server_refusal(many, &[], Locale::en);
        assert_eq!(placed.len(), 1);
        assert_eq!(
            alert.message, "2 problems",
            "an unplaced problem keeps the message"
        );
        let none = ApiError::from_response(409, r#"{"error":{"code":"stale","message":"old"}}"#);
        assert!(error_problems(&none).is_empty());
    }
}
