//! Excel in and out (issue 9): templates to fill in, imports that go through the very same
//! validation and write functions as the JSON API, and formatted exports.
//!
//! - [`read`] opens an uploaded workbook (with limits) and reads typed cells, naming every bad
//!   cell by sheet, row and column;
//! - [`write`] lays out sheets the way a finance office expects (title, bold frozen headers,
//!   number formats, widths, print setup, drop-down lists);
//! - [`budget`], [`sets`], [`monitoring`] map a kind of data to and from its sheets;
//! - [`monitoring_year`] writes the year's monitoring (months × lines and indicators);
//! - [`reports`] writes the read-only exports (evaluation report, results ranking).
//!
//! An import maps the workbook to the same DTO the JSON API takes and hands it to the same
//! repo function; the problems that function finds (paths like `lines[3].amount_fen`) are
//! mapped back to the cells they came from by [`Origins`].

pub mod budget;
pub mod choice;
pub mod decimal;
pub mod monitoring;
pub mod monitoring_year;
pub mod read;
pub mod reports;
pub mod sets;
pub mod write;

use crate::error::AppError;
use crate::i18n::{Lang, Text};
use jixiao_domain::{field_error, FieldError};

/// The content type of an .xlsx workbook.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The largest upload accepted, in bytes.
pub const MAX_UPLOAD: usize = 5 * 1024 * 1024;

/// One column of a sheet: its bilingual header and the DTO fields (as named in validation
/// problems) whose values it holds.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub zh: &'static str,
    pub en: &'static str,
    /// Fields of the DTO item this column fills, e.g. `["amount_fen"]`.
    pub fields: &'static [&'static str],
    /// Whether an import needs the column (informative columns may be left out).
    pub required: bool,
    /// Width in characters.
    pub width: f64,
    pub style: write::Style,
}

/// A column, in the order of its fields (the sheets declare theirs as `const` tables).
pub const fn column(
    zh: &'static str,
    en: &'static str,
    fields: &'static [&'static str],
    required: bool,
    width: f64,
    style: write::Style,
) -> Column {
    Column {
        zh,
        en,
        fields,
        required,
        width,
        style,
    }
}

impl Column {
    pub fn header(&self) -> String {
        format!("{} {}", self.zh, self.en)
    }
}

/// "A", "B", …, "Z", "AA", … for a 0-based column index.
pub fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A problem with one cell: field `sheet:…!row:…!column:…` and a message a person can act
/// on ("Sheet 预算 Budget, row 7, column C (金额 Amount): text is not a number"; in Chinese
/// "工作表“预算 Budget”第 7 行 C 列（金额 Amount）：…").
pub fn cell_problem(
    code: &str,
    sheet: &str,
    row: u32,
    column: u32,
    header: &str,
    message: &Text,
) -> FieldError {
    let letter = column_letter(column);
    let (en, zh) = (&message.en, message.get(Lang::Zh));
    field_error!(
        code,
        format!("sheet:{sheet}!row:{row}!column:{letter}"),
        "Sheet {sheet}, row {row}, column {letter} ({header}): {en}",
        "工作表“{sheet}”第 {row} 行 {letter} 列（{header}）：{zh}",
    )
}

/// A problem with a whole row of a sheet.
pub fn row_problem(code: &str, sheet: &str, row: u32, message: &Text) -> FieldError {
    let (en, zh) = (&message.en, message.get(Lang::Zh));
    field_error!(
        code,
        format!("sheet:{sheet}!row:{row}"),
        "Sheet {sheet}, row {row}: {en}",
        "工作表“{sheet}”第 {row} 行：{zh}",
    )
}

/// A problem with a sheet as a whole (missing, or a rule over all its rows).
pub fn sheet_problem(code: &str, sheet: &str, message: &Text) -> FieldError {
    let (en, zh) = (&message.en, message.get(Lang::Zh));
    field_error!(
        code,
        format!("sheet:{sheet}"),
        "Sheet {sheet}: {en}",
        "工作表“{sheet}”：{zh}",
    )
}

/// Where one list of a DTO (e.g. `lines`) came from: its sheet, the row of each item, and
/// the column of each field.
#[derive(Debug, Clone, Default)]
pub struct ListOrigin {
    pub name: &'static str,
    pub sheet: String,
    /// 1-based row number of item `i`.
    pub rows: Vec<u32>,
    /// (DTO field, 0-based column, header).
    pub fields: Vec<(&'static str, u32, String)>,
}

/// Where every item of an imported DTO came from, to put the repo's problems back on cells.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    pub lists: Vec<ListOrigin>,
}

impl Origins {
    /// The same error with every problem put on the cell it came from.
    pub fn locate(&self, error: AppError) -> AppError {
        match error {
            AppError::InvalidMany(problems) => {
                AppError::InvalidMany(problems.into_iter().map(|p| self.locate_one(p)).collect())
            }
            AppError::Invalid(problem) => AppError::InvalidMany(vec![self.locate_one(problem)]),
            other => other,
        }
    }

    /// `lines[3].amount_fen` → the cell of row 3's amount; `lines[3]` → its row; `lines` →
    /// the sheet. A path that names nothing of the workbook is kept as it is.
    pub fn locate_one(&self, problem: FieldError) -> FieldError {
        let (head, rest) = match problem.field.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (problem.field.as_str(), None),
        };
        let (name, index) = match head.split_once('[') {
            Some((name, index)) => (name, index.trim_end_matches(']').parse::<usize>().ok()),
            None => (head, None),
        };
        let Some(list) = self.lists.iter().find(|l| l.name == name) else {
            return problem;
        };
        let message = Text::new(problem.message.clone(), problem.message_zh.clone());
        let Some(row) = index.and_then(|i| list.rows.get(i)) else {
            return sheet_problem(&problem.code, &list.sheet, &message);
        };
        let field = rest.map(|r| r.split(['.', '[']).next().unwrap_or(r));
        match field.and_then(|f| list.fields.iter().find(|(name, ..)| *name == f)) {
            Some((_, column, header)) => {
                cell_problem(&problem.code, &list.sheet, *row, *column, header, &message)
            }
            None => row_problem(&problem.code, &list.sheet, *row, &message),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn problems_are_put_back_on_their_cells() {
        let origins = Origins {
            lists: vec![ListOrigin {
                name: "lines",
                sheet: "预算 Budget".into(),
                rows: vec![3, 7],
                fields: vec![("amount_fen", 5, "批复金额 Amount".into())],
            }],
        };
        let cell = origins.locate_one(field_error!(
            "negative_amount",
            "lines[1].amount_fen",
            "cannot be negative",
            "不能为负数",
        ));
        assert_eq!(cell.field, "sheet:预算 Budget!row:7!column:F");
        assert_eq!(
            cell.message,
            "Sheet 预算 Budget, row 7, column F (批复金额 Amount): cannot be negative"
        );
        assert_eq!(
            cell.message_zh,
            "工作表“预算 Budget”第 7 行 F 列（批复金额 Amount）：不能为负数"
        );
        let row = origins.locate_one(field_error!("wrong_phase", "lines[0]", "no", "否"));
        assert_eq!(row.field, "sheet:预算 Budget!row:3");
        assert_eq!(row.message_zh, "工作表“预算 Budget”第 3 行：否");
        let sheet = origins.locate_one(field_error!("line_in_use", "lines", "kept", "保留"));
        assert_eq!(sheet.field, "sheet:预算 Budget");
        assert_eq!(sheet.message_zh, "工作表“预算 Budget”：保留");
        let other = origins.locate_one(field_error!("x", "revision", "y", "是"));
        assert_eq!(other.field, "revision");
        assert_eq!(other.message_zh, "是");
    }
}
