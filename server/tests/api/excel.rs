//! Excel in and out over HTTP: templates and exports come back through the import as the
//! same data; bad files are refused with every bad cell named and nothing saved.

use crate::harness::{Session, TestApp};
use calamine::{Data, Reader, Xlsx};
use jixiao_domain::dto::budget::Budget;
use jixiao_domain::dto::excel::{ExcelImported, ExcelPreview};
use jixiao_domain::dto::monitoring::{DepartmentMonitor, MonthEntry, SpendingFigure, ValueFigure};
use jixiao_domain::dto::sets::IndicatorSet;
use jixiao_domain::dto::ErrorBody;
use rust_xlsxwriter::Workbook;
use std::io::Cursor;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async fn upload(session: &Session, path: &str, bytes: Vec<u8>) -> reqwest::Response {
    session
        .client
        .post(session.url(path))
        .header("x-jixiao-csrf", "1")
        .header("content-type", XLSX)
        .body(bytes)
        .send()
        .await
        .unwrap()
}

async fn download(session: &Session, path: &str) -> Vec<u8> {
    let response = session.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    assert_eq!(response.headers()["content-type"], XLSX);
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(".xlsx"));
    response.bytes().await.unwrap().to_vec()
}

/// Every cell of a sheet as text, row by row.
fn cells(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| row.iter().map(Data::to_string).collect())
        .collect()
}

/// A workbook with one sheet of rows (the first row the header), all strings or numbers.
fn workbook(sheets: &[(&str, Vec<Vec<Cell>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Text(t) => sheet.write_string(r, c, t).map(|_| ()),
                    Cell::Number(n) => sheet.write_number(r, c, *n).map(|_| ()),
                    Cell::Blank => Ok(()),
                }
                .unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

#[derive(Clone)]
enum Cell {
    Text(String),
    Number(f64),
    Blank,
}

fn t(text: &str) -> Cell {
    Cell::Text(text.to_owned())
}

async fn budget(session: &Session, year: i32) -> Budget {
    session
        .get(&format!("/api/departments/EDU/budget/{year}"))
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_budget_template_imports_unchanged_as_the_budget_it_shows() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let before = budget(&staff, 2027).await;
    let template = download(
        &staff,
        "/api/departments/EDU/excel/budget/2027/template.xlsx",
    )
    .await;
    let sheet = cells(&template, "预算 Budget");
    assert!(sheet[0][0].contains("2027"), "title row: {:?}", sheet[0]);
    assert_eq!(sheet[2][0], "代码 Code");
    assert_eq!(sheet[2][5], "批复金额（元） Approved amount (元)");
    assert_eq!(sheet[3][0], before.lines[0].code);

    let preview = upload(
        &staff,
        "/api/departments/EDU/excel/budget/2027/preview",
        template.clone(),
    )
    .await;
    assert_eq!(preview.status(), 200);
    let ExcelPreview::Budget { update } = preview.json().await.unwrap() else {
        panic!("a budget preview");
    };
    assert_eq!(update.revision, before.revision);
    assert_eq!(update.lines, before.lines);
    assert_eq!(
        budget(&staff, 2027).await,
        before,
        "a preview saves nothing"
    );

    // An import needs the revision it is based on, and saves through the budget's own write.
    let path = "/api/departments/EDU/excel/budget/2027/import";
    let missing = upload(&staff, path, template.clone()).await;
    assert_eq!(missing.status(), 422);
    let imported = upload(
        &staff,
        &format!("{path}?revision={}", before.revision),
        template.clone(),
    )
    .await;
    assert_eq!(imported.status(), 200);
    let ExcelImported::Budget { budget: saved } = imported.json().await.unwrap() else {
        panic!("a budget import");
    };
    assert_eq!(saved.revision, before.revision + 1);
    assert_eq!(saved.lines, before.lines);
    let stale = upload(
        &staff,
        &format!("{path}?revision={}", before.revision),
        template,
    )
    .await;
    assert_eq!(stale.status(), 409);

    // Another department's staff may not, and neither may finance (reading is not editing).
    let other = app.login("health.staff").await;
    let template = download(
        &staff,
        "/api/departments/EDU/excel/budget/2027/template.xlsx",
    )
    .await;
    assert_eq!(upload(&other, path, template.clone()).await.status(), 403);
    let finance = app.login("finance").await;
    assert_eq!(
        upload(
            &finance,
            "/api/departments/EDU/excel/budget/2027/preview",
            template
        )
        .await
        .status(),
        403
    );
}

#[tokio::test]
async fn a_budget_workbook_with_problems_names_every_bad_cell_and_saves_nothing() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let before = budget(&staff, 2027).await;
    let path = format!(
        "/api/departments/EDU/excel/budget/2027/import?revision={}",
        before.revision
    );
    let header = || {
        [
            "代码 Code",
            "支出类别 Kind",
            "名称 Name",
            "英文名称 English name",
            "预算单位 Budget unit",
            "批复金额（元） Approved amount (元)",
            "调整后金额（元） Adjusted amount (元)",
            "资金来源 Funding source",
            "绩效指标 Indicators paid for",
        ]
        .map(t)
        .into_iter()
        .collect::<Vec<_>>()
    };
    let line = |code: &str, amount: Cell, indicators: &str| {
        vec![
            t(code),
            t("项目支出 Project expenditure"),
            t("新项目"),
            t("New project"),
            Cell::Blank,
            amount,
            Cell::Number(10.0),
            t("一般公共预算"),
            t(indicators),
        ]
    };
    let refused = |response: reqwest::Response| async move {
        let status = response.status().as_u16();
        let body: ErrorBody = response.json().await.unwrap();
        (status, body.error)
    };

    // Text in a number cell, a kind that does not exist, an unknown indicator: all at once.
    let mut bad_kind = line("EDU-X2", Cell::Number(1.0), "");
    bad_kind[1] = t("sideways");
    let rows = vec![
        header(),
        line("EDU-X1", t("abc"), ""),
        bad_kind,
        line("EDU-X3", Cell::Number(1.0), "没有这个指标"),
    ];
    let (status, error) =
        refused(upload(&staff, &path, workbook(&[("预算 Budget", rows)])).await).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = error.problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "sheet:预算 Budget!row:2!column:F",
            "sheet:预算 Budget!row:3!column:B",
            "sheet:预算 Budget!row:4!column:I",
        ]
    );
    assert_eq!(
        error.problems[0].message,
        "Sheet 预算 Budget, row 2, column F (批复金额（元） Approved amount (元)): text is not a number (give the amount in 元, e.g. 1234567.89)"
    );

    // The budget's own checks, put back on their cells: a negative amount, a project line
    // paying for no output indicator, a line removed that has to stay.
    let rows = vec![header(), line("EDU-X1", Cell::Number(-5.0), "")];
    let (status, error) =
        refused(upload(&staff, &path, workbook(&[("预算 Budget", rows)])).await).await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = error.problems.iter().map(|p| p.field.as_str()).collect();
    assert!(
        fields.contains(&"sheet:预算 Budget!row:2!column:F"),
        "{fields:?}"
    );
    assert!(
        fields.contains(&"sheet:预算 Budget!row:2!column:I"),
        "{fields:?}"
    );
    assert!(error.problems.iter().any(|p| p.code == "negative_amount"
        && p.message.starts_with("Sheet 预算 Budget, row 2, column F")));

    // The wrong sheet, a missing column, not a workbook, too large, the wrong content type.
    let (status, error) =
        refused(upload(&staff, &path, workbook(&[("Sheet1", vec![header()])])).await).await;
    assert_eq!(
        (status, error.problems[0].field.as_str()),
        (422, "sheet:预算 Budget")
    );
    assert!(error.message.contains("Sheet1"), "{}", error.message);

    let mut rows = vec![header()];
    rows[0].remove(5);
    let (status, error) =
        refused(upload(&staff, &path, workbook(&[("预算 Budget", rows)])).await).await;
    assert_eq!(
        (status, error.problems[0].field.as_str()),
        (422, "sheet:预算 Budget!row:1")
    );
    assert!(
        error
            .message
            .contains("批复金额（元） Approved amount (元)"),
        "{}",
        error.message
    );

    let (status, error) =
        refused(upload(&staff, &path, b"code,amount\nEDU-1,5\n".to_vec()).await).await;
    assert_eq!((status, error.code.as_str()), (400, "not_xlsx"));

    let (status, error) = refused(upload(&staff, &path, vec![b'P'; 6 * 1024 * 1024]).await).await;
    assert_eq!((status, error.code.as_str()), (413, "too_large"));
    assert!(error.message.contains("5 MB"), "{}", error.message);

    let text = staff
        .client
        .post(staff.url(&path))
        .header("x-jixiao-csrf", "1")
        .header("content-type", "text/plain")
        .body("hello")
        .send()
        .await
        .unwrap();
    assert_eq!(text.status(), 415);

    assert_eq!(budget(&staff, 2027).await, before, "nothing was saved");
}

async fn month(session: &Session, month: u8) -> DepartmentMonitor {
    session
        .get(&format!(
            "/api/departments/EDU/monitoring/2026?month={month}"
        ))
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_month_built_elsewhere_imports_through_the_monthly_entry() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let september = month(&staff, 9).await;
    let october_before = month(&staff, 10).await;
    // October: each line a little more than September, in 元 with fen; each value as it was.
    let expected = MonthEntry {
        spending: september
            .lines
            .iter()
            .map(|l| SpendingFigure {
                budget_line_id: l.id,
                spent_to_date_fen: (l.spent_to_date_fen.unwrap() + 12_345).min(l.adjusted_fen),
                note: None,
                cause: None,
                measure: None,
            })
            .collect(),
        values: september
            .indicators
            .iter()
            .filter_map(|i| {
                Some(ValueFigure {
                    indicator_id: i.id,
                    value_to_date: i.value_to_date?,
                    note: Some("十月 October".into()),
                    cause: None,
                    measure: None,
                })
            })
            .collect(),
    };
    let mut spending = vec![vec![
        t("代码 Code"),
        t("累计支出（元） Spent to date (元)"),
        t("说明 Note"),
    ]];
    for (line, figure) in september.lines.iter().zip(&expected.spending) {
        spending.push(vec![
            t(&line.code),
            Cell::Number(figure.spent_to_date_fen as f64 / 100.0),
            Cell::Blank,
        ]);
    }
    let mut values = vec![vec![t("编号 ID"), t("Value to date"), t("说明")]];
    for figure in &expected.values {
        values.push(vec![
            t(&figure.indicator_id.to_string()),
            Cell::Number(figure.value_to_date),
            t("十月 October"),
        ]);
    }
    let file = workbook(&[("支出 Spending", spending), ("Indicators", values)]);

    let base = "/api/departments/EDU/excel/monitoring/2026";
    let preview = upload(&staff, &format!("{base}/preview?month=10"), file.clone()).await;
    assert_eq!(preview.status(), 200);
    let ExcelPreview::Monitoring { month: m, entry } = preview.json().await.unwrap() else {
        panic!("a monitoring preview");
    };
    assert_eq!((m, &entry), (10, &expected));
    assert_eq!(
        month(&staff, 10).await,
        october_before,
        "a preview saves nothing"
    );

    let imported = upload(&staff, &format!("{base}/import?month=10"), file).await;
    assert_eq!(imported.status(), 200);
    let ExcelImported::Monitoring { monitor } = imported.json().await.unwrap() else {
        panic!("a monitoring import");
    };
    assert_eq!(monitor.month, 10);
    for (line, figure) in monitor.lines.iter().zip(&expected.spending) {
        assert_eq!(
            line.spent_to_date_fen,
            Some(figure.spent_to_date_fen),
            "{}",
            line.code
        );
    }

    // October's template now holds what was imported, and comes back as the same entry.
    let template = download(&staff, &format!("{base}/template.xlsx?month=10")).await;
    let preview = upload(&staff, &format!("{base}/preview?month=10"), template).await;
    assert_eq!(preview.status(), 200);
    let ExcelPreview::Monitoring { entry, .. } = preview.json().await.unwrap() else {
        panic!("a monitoring preview");
    };
    assert_eq!(entry, expected);

    // Text in a number cell, and the entry's own checks (spending falling below September
    // without a note) on their cells; October stays as imported.
    let october = month(&staff, 10).await;
    let first = &september.lines[0];
    let rows = vec![
        vec![t("代码 Code"), t("累计支出（元） Spent to date (元)")],
        vec![t(&first.code), t("a lot")],
    ];
    let values = vec![vec![t("编号 ID"), t("累计/当前值 Value to date")]];
    let file = workbook(&[("支出 Spending", rows), ("指标 Indicators", values.clone())]);
    let response = upload(&staff, &format!("{base}/import?month=10"), file).await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(
        error.error.problems[0].field,
        "sheet:支出 Spending!row:2!column:B"
    );
    assert!(error.error.problems[0]
        .message
        .ends_with("text is not a number (give the amount in 元, e.g. 1234567.89)"));

    let rows = vec![
        vec![
            t("代码 Code"),
            t("累计支出（元） Spent to date (元)"),
            t("说明 Note"),
        ],
        vec![t(&first.code), Cell::Number(0.0)],
    ];
    let file = workbook(&[("支出 Spending", rows), ("指标 Indicators", values)]);
    let response = upload(&staff, &format!("{base}/import?month=10"), file).await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(error.error.problems[0].code, "falling_cumulative");
    assert_eq!(
        error.error.problems[0].field,
        "sheet:支出 Spending!row:2!column:C"
    );
    assert_eq!(month(&staff, 10).await, october, "nothing was saved");

    // A closed phase refuses the import as it refuses the entry.
    let template = download(
        &staff,
        "/api/departments/EDU/excel/monitoring/2025/template.xlsx?month=3",
    )
    .await;
    let response = upload(
        &staff,
        "/api/departments/EDU/excel/monitoring/2025/import?month=3",
        template,
    )
    .await;
    assert_eq!(response.status(), 409);
}

#[tokio::test]
async fn the_set_export_imports_as_the_set_it_shows() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let set: IndicatorSet = staff
        .get("/api/departments/EDU/sets/2027")
        .await
        .json()
        .await
        .unwrap();
    let export = download(&staff, "/api/departments/EDU/excel/set/2027.xlsx").await;
    let preview = upload(
        &staff,
        "/api/departments/EDU/excel/set/2027/preview",
        export,
    )
    .await;
    let status = preview.status();
    let text = preview.text().await.unwrap();
    assert_eq!(status, 200, "{text}");
    let ExcelPreview::Set { set_id, update } = serde_json::from_str(&text).unwrap() else {
        panic!("a set preview");
    };
    assert_eq!((set_id, update.revision), (set.id, set.revision));
    assert_eq!(update.indicators, set.indicators);
}

#[tokio::test]
async fn exports_are_formatted_workbooks_for_their_readers() {
    let app = TestApp::start_seeded().await;
    let public = app.browser();
    // Published results and sets are public; the ranking lists every department.
    let results = download(&public, "/api/years/2024/results.xlsx").await;
    let ranking = cells(&results, "排名 Ranking");
    assert_eq!(ranking[2][0], "排名 Rank");
    assert_eq!(
        ranking
            .iter()
            .skip(3)
            .take_while(|r| !r[1].is_empty())
            .count(),
        14
    );
    download(&public, "/api/departments/EDU/excel/set/2026.xlsx").await;
    let report = download(&public, "/api/departments/EDU/excel/evaluation/2024.xlsx").await;
    let sheet = cells(&report, "评价 Evaluation");
    assert!(sheet.iter().any(|r| r[0] == "合计 Total"));
    assert_eq!(
        public
            .get("/api/departments/EDU/excel/monitoring/2026.xlsx")
            .await
            .status(),
        401
    );
    assert_eq!(
        public.get("/api/years/2025/results.xlsx").await.status(),
        401
    );

    let staff = app.login("edu.staff").await;
    let monitoring = download(&staff, "/api/departments/EDU/excel/monitoring/2026.xlsx").await;
    let spending = cells(&monitoring, "支出 Spending");
    assert!(spending[2].iter().any(|h| h == "9月灯 Lamp month 9"));
    let words: Vec<&String> = spending
        .iter()
        .flatten()
        .filter(|c| c.ends_with("Red") || c.ends_with("Green"))
        .collect();
    assert!(!words.is_empty(), "lamps as words");
    let other = app.login("health.staff").await;
    assert_eq!(
        other
            .get("/api/departments/EDU/excel/monitoring/2026.xlsx")
            .await
            .status(),
        403
    );
    assert_eq!(
        staff
            .get("/api/departments/EDU/excel/monitoring/2026")
            .await
            .status(),
        404
    );
    assert_eq!(
        staff
            .get("/api/departments/EDU/excel/sideways/2026/template.xlsx")
            .await
            .status(),
        404
    );
}
