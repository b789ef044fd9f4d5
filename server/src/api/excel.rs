//! Excel in and out: templates to fill in, a preview and an import that go through the same
//! checks and writes as the JSON API (all or nothing, every bad cell named), and formatted
//! exports for the people who read them.

use crate::audit::Actor;
use crate::auth::extract::{CurrentUser, Viewer};
use crate::auth::User;
use crate::db;
use crate::error::{AppError, AppResult};
use crate::excel::read::Book;
use crate::excel::{self, write, Origins, MAX_UPLOAD, XLSX};
use crate::policy::{self, Permission};
use crate::repo::{
    budget, departments, evaluation_read, monitor_read, monitoring, results, set_editing, set_read,
};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use jixiao_domain::dto::budget::BudgetUpdate;
use jixiao_domain::dto::excel::{ExcelImported, ExcelKind, ExcelPreview};
use jixiao_domain::dto::sets::SetUpdate;
use jixiao_domain::dto::ErrorBody;
use jixiao_domain::field_error;
use jixiao_domain::lamps::Month;
use serde::Deserialize;
use sqlx::SqliteConnection;
use utoipa_axum::{router::OpenApiRouter, routes};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(template))
        .routes(routes!(preview))
        .routes(routes!(import))
        .routes(routes!(export_set))
        .routes(routes!(export_monitoring))
        .routes(routes!(export_evaluation))
        .routes(routes!(export_results))
        .layer(DefaultBodyLimit::max(MAX_UPLOAD))
}

#[derive(Debug, Default, Deserialize)]
struct ExcelQuery {
    /// The month of a monitoring workbook.
    month: Option<i64>,
    /// The revision the import is based on (set and budget).
    revision: Option<i64>,
}

fn kind(text: &str) -> AppResult<ExcelKind> {
    text.parse().map_err(|_| {
        AppError::not_found(text!(
            "an Excel workbook of kind {text:?} (set, budget or monitoring)",
            "类型为“{text}”的 Excel 工作簿（可选：set 绩效指标、budget 部门预算、monitoring 月度监控）"
        ))
    })
}

/// `2026.xlsx` → 2026.
fn year_of(file: &str) -> AppResult<i32> {
    file.strip_suffix(".xlsx")
        .and_then(|y| y.parse().ok())
        .ok_or_else(|| {
            AppError::not_found(text!(
                "{file:?}: ask for {{year}}.xlsx, e.g. 2026.xlsx",
                "文件“{file}”，请按“年度.xlsx”请求，例如 2026.xlsx"
            ))
        })
}

fn month_of(query: &ExcelQuery) -> AppResult<Month> {
    let month = query.month.ok_or_else(|| {
        field_error!(
            "required",
            "month",
            "say which month: ?month=1…12",
            "请指定月份：?month=1…12"
        )
    })?;
    Ok(Month::parse(month)?)
}

/// The workbook as a download.
fn xlsx(name: String, bytes: Vec<u8>) -> Response {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    (
        [
            (header::CONTENT_TYPE, XLSX.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn budget_context(
    conn: &mut SqliteConnection,
    department_id: i64,
    year: i32,
) -> AppResult<excel::budget::Context> {
    Ok(excel::budget::Context {
        budget: budget::load(conn, department_id, year).await?,
        units: departments::unit_codes(conn, department_id).await?,
    })
}

async fn set_context(
    state: &AppState,
    conn: &mut SqliteConnection,
    code: &str,
    year: i32,
) -> AppResult<excel::sets::Context> {
    let key = set_read::find(&state.db, code, year)
        .await?
        .ok_or_else(|| {
            AppError::not_found(text!(
                "an indicator set of {code:?} for {year} (start one first)",
                "部门 {code} 的 {year} 年度指标体系（请先新建）"
            ))
        })?;
    Ok(excel::sets::Context {
        set: set_read::load(conn, key.id).await?,
        units: departments::unit_codes(conn, key.department_id).await?,
    })
}

#[utoipa::path(get, path = "/departments/{code}/excel/{kind}/{year}/template.xlsx", tag = "excel",
    params(("code" = String, Path), ("kind" = String, Path, description = "`set`, `budget` or `monitoring`"), ("year" = i32, Path),
        ("month" = Option<i64>, Query, description = "1–12, for `monitoring`")),
    responses(
        (status = 200, description = "A workbook to fill in, prefilled with the department's data as it is now: bilingual headers, drop-down lists, money in 元", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn template(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, kind_text, year)): Path<(String, String, i32)>,
    Query(query): Query<ExcelQuery>,
) -> AppResult<Response> {
    let kind = kind(&kind_text)?;
    let mut conn = state.db.acquire().await?;
    let department_id = departments::id_by_code(&mut conn, &code).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadDepartment { department_id },
    )?;
    let (bytes, suffix) = match kind {
        ExcelKind::Set => {
            let ctx = set_context(&state, &mut conn, &code, year).await?;
            (excel::sets::workbook(&ctx, false), String::new())
        }
        ExcelKind::Budget => {
            let ctx = budget_context(&mut conn, department_id, year).await?;
            (excel::budget::template(&ctx), String::new())
        }
        ExcelKind::Monitoring => {
            let month = month_of(&query)?;
            let view =
                monitor_read::department(&mut conn, department_id, year, Some(month)).await?;
            let stored =
                monitoring::month_entry(&mut conn, department_id, year, month.get()).await?;
            (
                excel::monitoring::template(&view, &stored),
                format!("-{:02}", month.get()),
            )
        }
    };
    let bytes = bytes.map_err(write::internal)?;
    Ok(xlsx(
        format!("jixiao-{code}-{year}{suffix}-{kind}-template.xlsx"),
        bytes,
    ))
}

/// The uploaded bytes, or why they could not be received (too large: 413).
fn received(body: Result<Bytes, BytesRejection>) -> AppResult<Bytes> {
    body.map_err(|rejection| AppError::BadRequest {
        status: rejection.status(),
        code: if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            "too_large"
        } else {
            "bad_request"
        },
        message: if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            text!(
                "the file is larger than {} MB; split it or remove what is not needed",
                "文件超过 {} MB，请拆分文件或删除不需要的内容",
                MAX_UPLOAD / (1024 * 1024)
            )
        } else {
            text!(
                "the upload could not be received: {}",
                "文件上传失败：{}",
                rejection.body_text()
            )
        },
    })
}

/// Refuses a body that says it is something other than a workbook.
fn check_content_type(headers: &HeaderMap) -> AppResult<()> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let value = value.to_str().unwrap_or_default();
    let essence = value.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case(XLSX)
        || essence.eq_ignore_ascii_case("application/octet-stream")
    {
        Ok(())
    } else {
        Err(AppError::BadRequest {
            status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code: "unsupported_media_type",
            message: text!(
                "send the workbook itself with Content-Type: {XLSX} (got {value})",
                "请直接上传工作簿文件，Content-Type 须为 {XLSX}（收到的是 {value}）"
            ),
        })
    }
}

/// Reads the upload (parse problems: every bad cell) and runs the same write as the JSON API
/// in one write transaction; committed for an import, rolled back for a preview.
async fn upload(
    state: &AppState,
    user: &User,
    (code, kind_text, year): (String, String, i32),
    query: &ExcelQuery,
    headers: &HeaderMap,
    body: &[u8],
    commit: bool,
) -> AppResult<(ExcelPreview, Option<ExcelImported>)> {
    let kind = kind(&kind_text)?;
    let mut conn = state.db.acquire().await?;
    let department_id = departments::id_by_code(&mut conn, &code).await?;
    let permission = match kind {
        ExcelKind::Set => Permission::EditSet { department_id },
        ExcelKind::Budget => Permission::EditBudget { department_id },
        ExcelKind::Monitoring => Permission::EnterMonthlyData { department_id },
    };
    policy::require(Some(user), permission)?;
    check_content_type(headers)?;
    let actor = Actor::from(user);
    let invalid = AppError::InvalidMany;
    let revision = |current: i64| -> AppResult<i64> {
        match (commit, query.revision) {
            (false, _) => Ok(current),
            (true, Some(revision)) => Ok(revision),
            (true, None) => Err(field_error!(
                "required",
                "revision",
                "say which revision the workbook is based on: ?revision= (from the preview)",
                "请指明工作簿所依据的修订号：?revision=（见预览结果）",
            )
            .into()),
        }
    };
    match kind {
        ExcelKind::Budget => {
            let ctx = budget_context(&mut conn, department_id, year).await?;
            drop(conn);
            let (lines, origins) =
                excel::budget::read(&mut Book::open(body)?, &ctx).map_err(invalid)?;
            let revision = revision(ctx.budget.revision)?;
            let mut tx = db::begin_write(&state.db).await?;
            let saved = budget::save(&mut tx, &actor, department_id, year, revision, &lines)
                .await
                .map_err(|e| origins.locate(e))?;
            let preview = ExcelPreview::Budget {
                update: BudgetUpdate { revision, lines },
            };
            finish(tx, commit, preview, ExcelImported::Budget { budget: saved }).await
        }
        ExcelKind::Set => {
            let ctx = set_context(state, &mut conn, &code, year).await?;
            drop(conn);
            let (indicators, origins) =
                excel::sets::read(&mut Book::open(body)?, &ctx).map_err(invalid)?;
            let (set_id, revision) = (ctx.set.id, revision(ctx.set.revision)?);
            let mut tx = db::begin_write(&state.db).await?;
            super::sets::require_planning(&mut tx, year).await?;
            set_editing::check_revision(&mut tx, set_id, revision).await?;
            set_editing::save(&mut tx, &actor, set_id, &indicators)
                .await
                .map_err(|e| origins.locate(e))?;
            let set = set_read::load(&mut tx, set_id).await?;
            let preview = ExcelPreview::Set {
                set_id,
                update: SetUpdate {
                    revision,
                    indicators,
                },
            };
            finish(tx, commit, preview, ExcelImported::Set { set }).await
        }
        ExcelKind::Monitoring => {
            let month = month_of(query)?;
            let view =
                monitor_read::department(&mut conn, department_id, year, Some(month)).await?;
            drop(conn);
            let subjects = excel::monitoring::Subjects::of(&view);
            let (entry, origins): (_, Origins) =
                excel::monitoring::read(&mut Book::open(body)?, &subjects).map_err(invalid)?;
            let mut tx = db::begin_write(&state.db).await?;
            super::monitoring::require_execution(&mut tx, year).await?;
            monitoring::enter_month(&mut tx, &actor, department_id, year, month.get(), &entry)
                .await
                .map_err(|e| origins.locate(e))?;
            let monitor =
                monitor_read::department(&mut tx, department_id, year, Some(month)).await?;
            let preview = ExcelPreview::Monitoring {
                month: month.get(),
                entry,
            };
            finish(tx, commit, preview, ExcelImported::Monitoring { monitor }).await
        }
    }
}

async fn finish(
    tx: db::Tx,
    commit: bool,
    preview: ExcelPreview,
    imported: ExcelImported,
) -> AppResult<(ExcelPreview, Option<ExcelImported>)> {
    if commit {
        tx.commit().await?;
        Ok((preview, Some(imported)))
    } else {
        tx.rollback().await?;
        Ok((preview, None))
    }
}

#[utoipa::path(post, path = "/departments/{code}/excel/{kind}/{year}/preview", tag = "excel",
    request_body(content = Vec<u8>, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "The workbook (at most 5 MB)"),
    params(("code" = String, Path), ("kind" = String, Path, description = "`set`, `budget` or `monitoring`"), ("year" = i32, Path),
        ("month" = Option<i64>, Query, description = "1–12, for `monitoring`")),
    responses(
        (status = 200, description = "What the import would save, after every check the save makes; nothing is saved", body = ExcelPreview),
        (status = 400, description = "Not an .xlsx workbook", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "The phase does not allow the write, or the set is under review", body = ErrorBody),
        (status = 413, description = "Larger than 5 MB", body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, description = "Every bad cell in `problems`, each `field` as `sheet:…!row:…!column:…`", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::EditBudget { department_id: 0 })))))]
async fn preview(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(path): Path<(String, String, i32)>,
    Query(query): Query<ExcelQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Json<ExcelPreview>> {
    let body = received(body)?;
    let (preview, _) = upload(&state, &user, path, &query, &headers, &body, false).await?;
    Ok(Json(preview))
}

#[utoipa::path(post, path = "/departments/{code}/excel/{kind}/{year}/import", tag = "excel",
    request_body(content = Vec<u8>, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "The workbook (at most 5 MB)"),
    params(("code" = String, Path), ("kind" = String, Path, description = "`set`, `budget` or `monitoring`"), ("year" = i32, Path),
        ("month" = Option<i64>, Query, description = "1–12, for `monitoring`"),
        ("revision" = Option<i64>, Query, description = "The revision the workbook is based on (`set`, `budget`), as in the preview")),
    responses(
        (status = 200, description = "Saved, all or nothing, through the same write as the JSON API", body = ExcelImported),
        (status = 400, description = "Not an .xlsx workbook", body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Stale revision, or the phase does not allow the write", body = ErrorBody),
        (status = 413, description = "Larger than 5 MB", body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, description = "Every bad cell in `problems`; nothing saved", body = ErrorBody)),
    security(("session" = [])),
    extensions(("x-roles" = json!(policy::role_names(Permission::EditBudget { department_id: 0 })))))]
async fn import(
    State(state): State<AppState>,
    CurrentUser(user): CurrentUser,
    Path(path): Path<(String, String, i32)>,
    Query(query): Query<ExcelQuery>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Json<ExcelImported>> {
    let body = received(body)?;
    let (_, imported) = upload(&state, &user, path, &query, &headers, &body, true).await?;
    imported
        .map(Json)
        .ok_or_else(|| AppError::Internal("an import saved nothing".into()))
}

#[utoipa::path(get, path = "/departments/{code}/excel/set/{file}", tag = "excel",
    params(("code" = String, Path), ("file" = String, Path, description = "`{year}.xlsx`, e.g. `2026.xlsx`")),
    responses(
        (status = 200, description = "The indicator set as it stands (the template's layout: it can be changed and imported)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published sets)", "finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn export_set(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let year = year_of(&file)?;
    let key = set_read::find(&state.db, &code, year)
        .await?
        .ok_or_else(|| {
            AppError::not_found(text!(
                "an indicator set of {code:?} for {year}",
                "部门 {code} 的 {year} 年度指标体系"
            ))
        })?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadSet {
            department_id: key.department_id,
            status: key.status,
        },
    )?;
    let mut conn = state.db.acquire().await?;
    let ctx = set_context(&state, &mut conn, &code, year).await?;
    let bytes = excel::sets::workbook(&ctx, true).map_err(write::internal)?;
    Ok(xlsx(format!("jixiao-{code}-{year}-set.xlsx"), bytes))
}

#[utoipa::path(get, path = "/departments/{code}/excel/monitoring/{file}", tag = "excel",
    params(("code" = String, Path), ("file" = String, Path, description = "`{year}.xlsx`, e.g. `2026.xlsx`")),
    responses(
        (status = 200, description = "The year's monitoring: months × budget lines and indicators, with lamps as words", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn export_monitoring(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let year = year_of(&file)?;
    let mut conn = state.db.acquire().await?;
    let department_id = departments::id_by_code(&mut conn, &code).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadDepartment { department_id },
    )?;
    let base = monitor_read::department(&mut conn, department_id, year, None).await?;
    let mut months = Vec::new();
    for month in 1..=i64::from(base.latest_month.unwrap_or(0)) {
        let month = Some(Month::parse(month)?);
        months.push(monitor_read::department(&mut conn, department_id, year, month).await?);
    }
    let bytes = excel::monitoring_year::year_workbook(&base, &months).map_err(write::internal)?;
    Ok(xlsx(format!("jixiao-{code}-{year}-monitoring.xlsx"), bytes))
}

#[utoipa::path(get, path = "/departments/{code}/excel/evaluation/{file}", tag = "excel",
    params(("code" = String, Path), ("file" = String, Path, description = "`{year}.xlsx`, e.g. `2025.xlsx`")),
    responses(
        (status = 200, description = "The evaluation report: indicators, figures, points, scores, totals, grade, results applied", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published results)", "finance", "assessment", "dept_head (own department)", "dept_staff (own department)"]))))]
async fn export_evaluation(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((code, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let year = year_of(&file)?;
    let mut conn = state.db.acquire().await?;
    let department_id = departments::id_by_code(&mut conn, &code).await?;
    let published = results::is_published(&mut conn, year).await?;
    policy::require(
        viewer.0.as_ref(),
        Permission::ReadEvaluation {
            department_id,
            published,
        },
    )?;
    let evaluation = evaluation_read::load(&mut conn, department_id, year).await?;
    let bytes = excel::reports::evaluation(&evaluation).map_err(write::internal)?;
    Ok(xlsx(format!("jixiao-{code}-{year}-evaluation.xlsx"), bytes))
}

#[utoipa::path(get, path = "/years/{year}/results.xlsx", tag = "excel",
    params(("year" = i32, Path)),
    responses(
        (status = 200, description = "The province ranking with grades, results applied and cases", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body = Vec<u8>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)),
    extensions(("x-roles" = json!(["public (published results)", "finance", "assessment"]))))]
async fn export_results(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(year): Path<i32>,
) -> AppResult<Response> {
    let mut conn = state.db.acquire().await?;
    let ranking = results::ranking(&mut conn, year).await?;
    let published = ranking.published_at.is_some();
    policy::require(viewer.0.as_ref(), Permission::ReadResults { published })?;
    let bytes = excel::reports::results(&ranking).map_err(write::internal)?;
    Ok(xlsx(format!("jixiao-results-{year}.xlsx"), bytes))
}
