//! Writing sheets the way a finance office expects: a title row, bold frozen bilingual
//! headers repeated on every printed page, money in 元 (and 万元) with thousands separators
//! and two decimals, percentages, column widths, drop-down lists for closed sets of values,
//! and landscape A4 printing one page wide.

use super::decimal::{fen_to_wan, fen_to_yuan};
use super::{column_letter, Column};
use crate::error::AppError;
use jixiao_domain::lamps::Lamp;
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook,
    Worksheet, XlsxError,
};

/// How a column's values look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Text,
    /// Long text, wrapped.
    Wrap,
    /// 元, two decimals, thousands separators.
    Money,
    /// 万元, two decimals, thousands separators.
    Wan,
    Number,
    /// A fraction shown as a percentage with one decimal.
    Percent,
    /// Points and scores, two decimals.
    Score,
}

/// Rows a template leaves ready (lists, formats) below its data for additions.
pub const SPARE_ROWS: u32 = 200;

pub fn internal(e: XlsxError) -> AppError {
    AppError::Internal(format!("writing the workbook: {e}"))
}

/// A value for one cell.
pub enum Value {
    Text(String),
    Fen(i64),
    Wan(i64),
    Number(f64),
    Percent(f64),
    Score(f64),
    Lamp(Lamp),
    Blank,
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Blank, Into::into)
    }
}

/// A header as written: text, width and how its column looks.
#[derive(Debug, Clone)]
pub struct Head {
    pub text: String,
    pub width: f64,
    pub style: Style,
}

impl Head {
    pub fn new(text: impl Into<String>, width: f64, style: Style) -> Self {
        Self {
            text: text.into(),
            width,
            style,
        }
    }
}

impl From<&Column> for Head {
    fn from(column: &Column) -> Self {
        Self::new(column.header(), column.width, column.style)
    }
}

pub struct Formats {
    title: Format,
    note: Format,
    header: Format,
    text: Format,
    wrap: Format,
    money: Format,
    number: Format,
    integer: Format,
    percent: Format,
    score: Format,
    bold: Format,
    bold_money: Format,
    bold_score: Format,
    lamps: [Format; 5],
}

impl Default for Formats {
    fn default() -> Self {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF))
            .set_align(FormatAlign::VerticalCenter);
        let lamp = |fill: u32, font: u32| {
            cell.clone()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
        };
        Self {
            title: Format::new().set_bold().set_font_size(14),
            note: Format::new()
                .set_font_color(Color::RGB(0x595959))
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xDDEBF7)),
            text: cell.clone(),
            wrap: cell.clone().set_text_wrap(),
            money: cell.clone().set_num_format("#,##0.00"),
            number: cell.clone().set_num_format("#,##0.####"),
            integer: cell.clone().set_num_format("#,##0"),
            percent: cell.clone().set_num_format("0.0%"),
            score: cell.clone().set_num_format("0.00"),
            bold: cell.clone().set_bold(),
            bold_money: cell.clone().set_bold().set_num_format("#,##0.00"),
            bold_score: cell.clone().set_bold().set_num_format("0.00"),
            lamps: [
                cell.clone(),
                lamp(0xFFC7CE, 0x9C0006),
                lamp(0xFFEB9C, 0x9C5700),
                lamp(0xC6EFCE, 0x006100),
                lamp(0xBDD7EE, 0x1F4E79),
            ],
        }
    }
}

/// A new workbook with Jixiao as its author.
pub fn workbook(title: &str) -> Workbook {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("Jixiao 绩效")
            .set_company("财政部门 Finance Department"),
    );
    workbook
}

/// Print setup every sheet gets: landscape A4, one page wide, page numbers in the footer.
pub fn print_setup(sheet: &mut Worksheet) {
    sheet
        .set_landscape()
        .set_paper_size(9)
        .set_print_fit_to_pages(1, 0)
        .set_footer("&C&P / &N");
}

/// Title row (merged over the columns), an optional note row, then the bold frozen header;
/// answers the first data row.
pub fn table_head(
    sheet: &mut Worksheet,
    f: &Formats,
    title: &str,
    note: Option<&str>,
    heads: &[Head],
) -> Result<u32, XlsxError> {
    print_setup(sheet);
    let last = heads.len().saturating_sub(1) as u16;
    if last > 0 {
        sheet.merge_range(0, 0, 0, last, title, &f.title)?;
    } else {
        sheet.write_string_with_format(0, 0, title, &f.title)?;
    }
    sheet.set_row_height(0, 24)?;
    let mut header = 1;
    if let Some(note) = note {
        if last > 0 {
            sheet.merge_range(1, 0, 1, last, note, &f.note)?;
        } else {
            sheet.write_string_with_format(1, 0, note, &f.note)?;
        }
        sheet.set_row_height(1, 30)?;
        header = 2;
    }
    for (col, head) in heads.iter().enumerate() {
        let col = col as u16;
        sheet.set_column_width(col, head.width)?;
        sheet.write_string_with_format(header, col, &head.text, &f.header)?;
    }
    sheet.set_row_height(header, 32)?;
    sheet.set_freeze_panes(header + 1, 0)?;
    sheet.set_repeat_rows(0, header)?;
    Ok(header + 1)
}

/// Writes one cell in its column's style.
pub fn put(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    value: Value,
) -> Result<(), XlsxError> {
    match value {
        Value::Text(text) if text.is_empty() => sheet.write_blank(row, col, &f.text)?,
        Value::Text(text) if text.chars().count() > 40 => {
            sheet.write_string_with_format(row, col, text, &f.wrap)?
        }
        Value::Text(text) => sheet.write_string_with_format(row, col, text, &f.text)?,
        Value::Fen(fen) => sheet.write_number_with_format(row, col, fen_to_yuan(fen), &f.money)?,
        Value::Wan(fen) => sheet.write_number_with_format(row, col, fen_to_wan(fen), &f.money)?,
        Value::Number(n) if n.fract() == 0.0 => {
            sheet.write_number_with_format(row, col, n, &f.integer)?
        }
        Value::Number(n) => sheet.write_number_with_format(row, col, n, &f.number)?,
        Value::Percent(p) => sheet.write_number_with_format(row, col, p, &f.percent)?,
        Value::Score(s) => sheet.write_number_with_format(row, col, s, &f.score)?,
        Value::Lamp(lamp) => {
            let format = &f.lamps[match lamp {
                Lamp::None => 0,
                Lamp::Red => 1,
                Lamp::Yellow => 2,
                Lamp::Green => 3,
                Lamp::Blue => 4,
            }];
            let word = format!("{} {}", lamp.label_zh(), lamp.label_en());
            sheet.write_string_with_format(row, col, word, format)?
        }
        Value::Blank => sheet.write_blank(row, col, &f.text)?,
    };
    Ok(())
}

/// Writes a row of values from column 0.
pub fn put_row(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    values: Vec<Value>,
) -> Result<(), XlsxError> {
    for (col, value) in values.into_iter().enumerate() {
        put(sheet, f, row, col as u16, value)?;
    }
    Ok(())
}

/// A bold label with a bold figure (totals).
pub fn put_total(
    sheet: &mut Worksheet,
    f: &Formats,
    row: u32,
    col: u16,
    value: Value,
) -> Result<(), XlsxError> {
    match value {
        Value::Text(text) => sheet.write_string_with_format(row, col, text, &f.bold)?,
        Value::Fen(fen) => {
            sheet.write_number_with_format(row, col, fen_to_yuan(fen), &f.bold_money)?
        }
        Value::Wan(fen) => {
            sheet.write_number_with_format(row, col, fen_to_wan(fen), &f.bold_money)?
        }
        Value::Score(s) | Value::Number(s) => {
            sheet.write_number_with_format(row, col, s, &f.bold_score)?
        }
        other => return put(sheet, f, row, col, other),
    };
    Ok(())
}

/// Blank cells in the columns' formats below the data, so that what is typed there looks
/// like the rest.
pub fn spare_rows(
    sheet: &mut Worksheet,
    f: &Formats,
    from: u32,
    heads: &[Head],
) -> Result<(), XlsxError> {
    for (col, head) in heads.iter().enumerate() {
        let format = match head.style {
            Style::Money | Style::Wan => &f.money,
            Style::Number => &f.number,
            Style::Percent => &f.percent,
            Style::Score => &f.score,
            Style::Wrap => &f.wrap,
            Style::Text => &f.text,
        };
        for row in from..from + SPARE_ROWS {
            sheet.write_blank(row, col as u16, format)?;
        }
    }
    Ok(())
}

/// The drop-down lists of a workbook, kept on a hidden sheet and referred to by range (an
/// inline list is limited to 255 characters).
#[derive(Default)]
pub struct Lists {
    lists: Vec<(String, Vec<String>)>,
}

pub const LISTS_SHEET: &str = "选项 Lists";

impl Lists {
    /// Adds a list; answers its validation.
    pub fn add(&mut self, header: &str, items: Vec<String>) -> Result<DataValidation, XlsxError> {
        let letter = column_letter(self.lists.len() as u32);
        let last = items.len().max(1) + 1;
        self.lists.push((header.to_owned(), items));
        let formula = format!("='{LISTS_SHEET}'!${letter}$2:${letter}${last}");
        DataValidation::new()
            .allow_list_formula(Formula::new(formula))
            .set_error_title("Jixiao")?
            .set_error_message(format!(
                "选择列表中的值 Choose a value from the list: {header}"
            ))
    }

    /// Writes the hidden sheet (after the data sheets, so that those come first).
    pub fn write(self, workbook: &mut Workbook, f: &Formats) -> Result<(), XlsxError> {
        if self.lists.is_empty() {
            return Ok(());
        }
        let sheet = workbook.add_worksheet();
        sheet.set_name(LISTS_SHEET)?;
        for (col, (header, items)) in self.lists.into_iter().enumerate() {
            let col = col as u16;
            sheet.set_column_width(col, 36)?;
            sheet.write_string_with_format(0, col, header, &f.header)?;
            for (row, item) in items.into_iter().enumerate() {
                sheet.write_string(row as u32 + 1, col, item)?;
            }
        }
        sheet.set_hidden(true);
        Ok(())
    }
}

/// Applies a list to a column's data rows and the spare rows below.
pub fn validate_column(
    sheet: &mut Worksheet,
    first_row: u32,
    rows: u32,
    col: u16,
    validation: &DataValidation,
) -> Result<(), XlsxError> {
    sheet.add_data_validation(
        first_row,
        col,
        first_row + rows + SPARE_ROWS,
        col,
        validation,
    )?;
    Ok(())
}
