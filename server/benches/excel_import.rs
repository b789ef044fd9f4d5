//! Reading a month's monitoring workbook: 10 000 spending rows in an in-memory .xlsx, opened,
//! checked cell by cell and mapped to the `MonthEntry` the monthly entry takes — everything an
//! import does before its write. Target: well under a second.
//! `cargo bench -p jixiao-server --bench excel_import`.

use criterion::{criterion_group, criterion_main, Criterion};
use jixiao_server::excel::monitoring::{self, Subjects};
use jixiao_server::excel::read::Book;
use rust_xlsxwriter::Workbook;
use std::hint::black_box;

const ROWS: usize = 10_000;

fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(monitoring::SPENDING_SHEET).unwrap();
    for (col, header) in [
        "代码 Code",
        "名称 Name",
        "累计支出（元） Spent to date (元)",
        "说明 Note",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for i in 0..ROWS {
        let row = i as u32 + 1;
        sheet.write_string(row, 0, format!("L{i:05}")).unwrap();
        sheet.write_string(row, 1, format!("预算项目 {i}")).unwrap();
        sheet
            .write_number(row, 2, (i as f64 * 1_234_567.0 + 89.0) / 100.0)
            .unwrap();
        if i % 10 == 0 {
            sheet.write_string(row, 3, "更正 correction").unwrap();
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name(monitoring::VALUES_SHEET).unwrap();
    sheet.write_string(0, 0, "编号 ID").unwrap();
    sheet
        .write_string(0, 1, "累计/当前值 Value to date")
        .unwrap();
    book.save_to_buffer().unwrap()
}

fn import(c: &mut Criterion) {
    let bytes = workbook();
    let subjects = Subjects::new(
        (0..ROWS).map(|i| (i as i64 + 1, format!("L{i:05}"))),
        std::iter::empty(),
    );
    let (entry, _) = monitoring::read(&mut Book::open(&bytes).unwrap(), &subjects).unwrap();
    assert_eq!(entry.spending.len(), ROWS);
    assert_eq!(entry.spending[1].spent_to_date_fen, 1_234_656);
    let mut group = c.benchmark_group("excel import");
    group.sample_size(10);
    group.bench_function("10 000 monthly spending rows → MonthEntry", |b| {
        b.iter(|| {
            let mut book = Book::open(black_box(&bytes)).unwrap();
            monitoring::read(&mut book, black_box(&subjects)).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
