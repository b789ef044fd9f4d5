//! Reading an uploaded workbook: whole-file checks first (empty, not an .xlsx, an old .xls,
//! a zip that unpacks to too much), then sheets found by name, the header row found by its
//! headers (a title row above it is fine, columns may come in any order), and typed cells.
//! Every bad cell is collected; nothing stops at the first.

use super::choice::{normalize, Choice};
use super::decimal::{number_text, yuan_text_to_fen, yuan_to_fen, MoneyError};
use super::{cell_problem, row_problem, sheet_problem, Column, ListOrigin};
use crate::error::AppError;
use crate::i18n::Text;
use axum::http::StatusCode;
use calamine::{Data, Range, Reader, Xlsx};
use jixiao_domain::FieldError;
use std::io::Cursor;

/// What the parts of a workbook may unpack to, in bytes (a "zip bomb" is refused).
const MAX_UNPACKED: u128 = 200 * 1024 * 1024;
/// Rows of data a sheet may have.
pub const MAX_ROWS: usize = 50_000;
/// How far down the header row is looked for.
const HEADER_SEARCH: usize = 10;

fn not_xlsx(message: Text) -> AppError {
    AppError::BadRequest {
        status: StatusCode::BAD_REQUEST,
        code: "not_xlsx",
        message,
    }
}

/// An uploaded workbook.
pub struct Book<'a> {
    xlsx: Xlsx<Cursor<&'a [u8]>>,
}

impl<'a> Book<'a> {
    /// Opens the bytes as an .xlsx workbook, or says clearly why they are not one.
    pub fn open(bytes: &'a [u8]) -> Result<Self, AppError> {
        if bytes.is_empty() {
            return Err(not_xlsx(text!(
                "the file is empty: send an Excel workbook (.xlsx)",
                "文件为空，请上传 Excel 工作簿（.xlsx）"
            )));
        }
        if bytes.len() > super::MAX_UPLOAD {
            return Err(AppError::BadRequest {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: "too_large",
                message: text!(
                    "the file is larger than {} MB",
                    "文件超过 {} MB",
                    super::MAX_UPLOAD / (1024 * 1024)
                ),
            });
        }
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(not_xlsx(text!(
                "this is an old Excel 97–2003 workbook (.xls): save it as Excel Workbook (.xlsx) and try again",
                "这是旧版 Excel 97–2003 工作簿（.xls），请另存为 Excel 工作簿（.xlsx）后重试"
            )));
        }
        if !bytes.starts_with(b"PK\x03\x04") {
            return Err(not_xlsx(text!(
                "the file is not an Excel workbook (.xlsx); save it from Excel or WPS as .xlsx",
                "该文件不是 Excel 工作簿（.xlsx），请用 Excel 或 WPS 另存为 .xlsx"
            )));
        }
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            not_xlsx(text!(
                "the file is not a readable .xlsx workbook: {e}",
                "无法读取该 .xlsx 工作簿：{e}"
            ))
        })?;
        // The sizes the central directory declares (a streamed part's too).
        let mut unpacked: u128 = 0;
        for index in 0..archive.len() {
            let part = archive.by_index_raw(index).map_err(|e| {
                not_xlsx(text!(
                    "the file is not a readable .xlsx workbook: {e}",
                    "无法读取该 .xlsx 工作簿：{e}"
                ))
            })?;
            unpacked += u128::from(part.size());
        }
        if unpacked > MAX_UNPACKED {
            return Err(AppError::BadRequest {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: "too_large",
                message: text!(
                    "the workbook unpacks to more than {} MB; split it or remove what is not needed",
                    "工作簿解压后超过 {} MB，请拆分文件或删除不需要的内容",
                    MAX_UNPACKED / (1024 * 1024)
                ),
            });
        }
        if archive.index_for_name("xl/workbook.xml").is_none() {
            return Err(not_xlsx(text!(
                "the file is a zip archive but not an Excel workbook (.xlsx)",
                "该文件是 zip 压缩包，不是 Excel 工作簿（.xlsx）"
            )));
        }
        let xlsx = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
            not_xlsx(text!(
                "the workbook cannot be read: {e}",
                "无法读取该工作簿：{e}"
            ))
        })?;
        Ok(Self { xlsx })
    }

    /// The sheet called `name` ("预算 Budget"; "预算" or "Budget" alone will do too).
    pub fn sheet(&mut self, name: &str) -> Result<Range<Data>, FieldError> {
        let names = self.xlsx.sheet_names();
        let (zh, en) = name.split_once(' ').unwrap_or((name, name));
        let wanted = [normalize(name), normalize(zh), normalize(en)];
        let found = names
            .iter()
            .find(|n| wanted.contains(&normalize(n)))
            .cloned();
        let Some(found) = found else {
            return Err(sheet_problem(
                "missing_sheet",
                name,
                &text!(
                    "the workbook has no sheet of this name (it has: {}); use the template",
                    "工作簿中没有此工作表（现有：{}），请使用模板",
                    names.join(", ")
                ),
            ));
        };
        self.xlsx.worksheet_range(&found).map_err(|e| {
            sheet_problem(
                "unreadable_sheet",
                name,
                &text!("cannot be read: {e}", "无法读取：{e}"),
            )
        })
    }
}

/// A sheet's data below its header row, with the spec's columns located.
pub struct Table<'a> {
    pub sheet: &'a str,
    range: &'a Range<Data>,
    spec: &'static [Column],
    /// Relative index of the header row.
    header: usize,
    /// Per spec column: its relative index, if present.
    columns: Vec<Option<usize>>,
    /// Absolute position of the range's first cell.
    origin: (u32, u32),
}

impl<'a> Table<'a> {
    /// Finds the header row and the columns, or every missing required column.
    pub fn new(
        sheet: &'a str,
        range: &'a Range<Data>,
        spec: &'static [Column],
    ) -> Result<Self, Vec<FieldError>> {
        let origin = range.start().unwrap_or((0, 0));
        let matches = |cell: &Data, column: &Column| {
            let text = normalize(&cell.to_string());
            !text.is_empty()
                && [column.header(), column.zh.to_owned(), column.en.to_owned()]
                    .iter()
                    .any(|h| normalize(h) == text)
        };
        let mut best: Option<(usize, Vec<Option<usize>>)> = None;
        for (index, row) in range.rows().take(HEADER_SEARCH).enumerate() {
            let located: Vec<Option<usize>> = spec
                .iter()
                .map(|column| row.iter().position(|cell| matches(cell, column)))
                .collect();
            let found = located.iter().flatten().count();
            if found > best.as_ref().map_or(0, |(_, l)| l.iter().flatten().count()) {
                best = Some((index, located));
            }
        }
        let Some((header, columns)) = best else {
            let expected: Vec<String> = spec
                .iter()
                .filter(|c| c.required)
                .map(Column::header)
                .collect();
            return Err(vec![sheet_problem(
                "missing_header",
                sheet,
                &text!(
                    "no header row found in the first {HEADER_SEARCH} rows; expected the columns {}",
                    "前 {HEADER_SEARCH} 行中没有找到表头行，应有以下各列：{}",
                    expected.join(", ")
                ),
            )]);
        };
        let header_row = origin.0 + header as u32 + 1;
        let missing: Vec<FieldError> = spec
            .iter()
            .zip(&columns)
            .filter(|(column, at)| column.required && at.is_none())
            .map(|(column, _)| {
                row_problem(
                    "missing_column",
                    sheet,
                    header_row,
                    &text!("the column {} is missing", "缺少“{}”列", column.header()),
                )
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let table = Self {
            sheet,
            range,
            spec,
            header,
            columns,
            origin,
        };
        if table.rows().count() > MAX_ROWS {
            return Err(vec![sheet_problem(
                "too_many_rows",
                sheet,
                &text!(
                    "more than {MAX_ROWS} rows of data",
                    "数据超过 {MAX_ROWS} 行"
                ),
            )]);
        }
        Ok(table)
    }

    /// Whether the column was found in the sheet.
    pub fn has(&self, column: usize) -> bool {
        self.columns.get(column).is_some_and(Option::is_some)
    }

    /// The rows below the header that hold anything in the spec's columns.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> + '_ {
        (self.header + 1..self.range.height())
            .map(move |index| Row { table: self, index })
            .filter(|row| !row.is_blank())
    }

    /// Where a DTO list built from this table came from (rows are added as items are).
    pub fn origin(&self, name: &'static str) -> ListOrigin {
        let mut fields = Vec::new();
        for (column, at) in self.spec.iter().zip(&self.columns) {
            if let Some(at) = at {
                for field in column.fields {
                    fields.push((*field, self.origin.1 + *at as u32, column.header()));
                }
            }
        }
        ListOrigin {
            name,
            sheet: self.sheet.to_owned(),
            rows: Vec::new(),
            fields,
        }
    }
}

/// One row of data.
pub struct Row<'t, 'a> {
    table: &'t Table<'a>,
    index: usize,
}

impl Row<'_, '_> {
    /// The 1-based row number Excel shows.
    pub fn excel_row(&self) -> u32 {
        self.table.origin.0 + self.index as u32 + 1
    }

    fn cell(&self, column: usize) -> Option<&Data> {
        let at = (*self.table.columns.get(column)?)?;
        self.table.range.get((self.index, at))
    }

    fn is_blank(&self) -> bool {
        (0..self.table.spec.len()).all(|c| self.text(c).is_empty())
    }

    /// A problem with one of this row's cells.
    pub fn problem(&self, column: usize, code: &str, message: Text) -> FieldError {
        let spec = &self.table.spec[column];
        let at = self.table.columns[column].unwrap_or(0);
        cell_problem(
            code,
            self.table.sheet,
            self.excel_row(),
            self.table.origin.1 + at as u32,
            &spec.header(),
            &message,
        )
    }

    /// A problem with the row as a whole.
    pub fn row_problem(&self, code: &str, message: Text) -> FieldError {
        row_problem(code, self.table.sheet, self.excel_row(), &message)
    }

    /// The cell as text, trimmed ("" when blank or the column is absent).
    pub fn text(&self, column: usize) -> String {
        match self.cell(column) {
            None | Some(Data::Empty) => String::new(),
            Some(Data::String(s)) => s.trim().to_owned(),
            Some(Data::Float(f)) if f.fract() == 0.0 && f.abs() < 1e15 => {
                format!("{}", *f as i64)
            }
            Some(other) => other.to_string().trim().to_owned(),
        }
    }

    /// The text, or `None` when blank.
    pub fn opt_text(&self, column: usize) -> Option<String> {
        Some(self.text(column)).filter(|t| !t.is_empty())
    }

    /// An amount in yuan as integer fen; `None` when blank. A bad cell is added to `out`.
    pub fn fen(&self, column: usize, out: &mut Vec<FieldError>) -> Option<i64> {
        let result = match self.cell(column)? {
            Data::Empty => return None,
            Data::String(s) if s.trim().is_empty() => return None,
            Data::String(s) => yuan_text_to_fen(s),
            Data::Float(f) => yuan_to_fen(*f),
            Data::Int(i) => i.checked_mul(100).ok_or(MoneyError::TooLarge),
            other => return self.not_a_number(column, other, out),
        };
        result
            .map_err(|e| {
                out.push(self.problem(column, e.code(), Text::new(e.message(), e.message_zh())))
            })
            .ok()
    }

    /// A number; `None` when blank. A bad cell is added to `out`.
    pub fn number(&self, column: usize, out: &mut Vec<FieldError>) -> Option<f64> {
        match self.cell(column)? {
            Data::Empty => None,
            Data::String(s) if s.trim().is_empty() => None,
            Data::Float(f) if f.is_finite() => Some(*f),
            Data::Int(i) => Some(*i as f64),
            Data::String(s) => number_text(s).or_else(|| {
                out.push(self.problem(
                    column,
                    "not_a_number",
                    text!("text is not a number", "内容不是数字"),
                ));
                None
            }),
            other => self.not_a_number(column, other, out),
        }
    }

    fn not_a_number<T>(&self, column: usize, cell: &Data, out: &mut Vec<FieldError>) -> Option<T> {
        let message = match cell {
            Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => text!(
                "a date or time is not a number here",
                "此处应填数字，不能填日期或时间"
            ),
            Data::Error(e) => text!(
                "the cell shows the error {e}; enter a number",
                "单元格显示错误 {e}，请填写数字"
            ),
            Data::Bool(_) => text!("TRUE/FALSE is not a number", "TRUE/FALSE 不是数字"),
            _ => text!("not a number", "不是数字"),
        };
        out.push(self.problem(column, "not_a_number", message));
        None
    }

    /// One of a closed set of values; `None` when blank. A bad cell is added to `out`.
    pub fn choice<T: Choice>(&self, column: usize, out: &mut Vec<FieldError>) -> Option<T> {
        let text = self.opt_text(column)?;
        T::from_cell(&text).or_else(|| {
            let (what, what_zh, expected) = (T::WHAT, T::WHAT_ZH, T::expected());
            out.push(self.problem(
                column,
                "unknown_value",
                text!(
                    "“{text}” is not a {what}; use one of: {expected}",
                    "“{text}”不是有效的{what_zh}，请从以下选项中选择：{expected}",
                ),
            ));
            None
        })
    }

    /// Like [`Row::choice`], but a blank cell is a problem too.
    pub fn required_choice<T: Choice>(
        &self,
        column: usize,
        out: &mut Vec<FieldError>,
    ) -> Option<T> {
        let value = self.choice(column, out);
        if value.is_none() && self.text(column).is_empty() {
            let (what, what_zh, expected) = (T::WHAT, T::WHAT_ZH, T::expected());
            out.push(self.problem(
                column,
                "required",
                text!(
                    "give the {what}: one of {expected}",
                    "请填写{what_zh}，可选：{expected}",
                ),
            ));
        }
        value
    }
}
