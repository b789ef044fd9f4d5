//! Every error message in the language the request asks for: Chinese with an
//! `Accept-Language` whose first choice is `zh…`, English with anything else or none. The
//! body keeps its shape and never carries the other language.

use crate::harness::{Session, TestApp};
use jixiao_domain::dto::budget::{Budget, BudgetLine};
use jixiao_domain::framework::BudgetKind;
use reqwest::{Method, RequestBuilder};
use serde_json::{json, Value};

const ZH: Option<&str> = Some("zh-CN,zh;q=0.9");
const EN: Option<&str> = Some("en-US");

fn with_language(request: RequestBuilder, language: Option<&str>) -> RequestBuilder {
    match language {
        Some(language) => request.header("accept-language", language),
        None => request,
    }
}

/// Status and JSON body of a request sent with `language`.
async fn answer(request: RequestBuilder, language: Option<&str>) -> (u16, Value) {
    let response = with_language(request, language).send().await.unwrap();
    let status = response.status().as_u16();
    let body: Value = response.json().await.unwrap();
    (status, body)
}

/// The body has the error shape and no second language anywhere in it.
fn assert_one_language(body: &Value) {
    let error = body["error"].as_object().expect("an error body");
    assert!(
        error.contains_key("code") && error.contains_key("message"),
        "{body}"
    );
    assert!(
        !body.to_string().contains("message_zh"),
        "the Chinese message stays on the server: {body}"
    );
}

#[tokio::test]
async fn a_field_error_speaks_the_requested_language() {
    let app = TestApp::start().await;
    let body =
        r#"{"indicators":[{"direction":"higher_better","target":1,"actual":1,"points":-5}]}"#;
    let score = || {
        app.client
            .post(app.url("/api/score"))
            .header("content-type", "application/json")
            .body(body)
    };
    for (language, message) in [
        (ZH, "分值须为 0 到 100 之间的数"),
        (Some("zh-TW"), "分值须为 0 到 100 之间的数"),
        (Some("en;q=0.5, zh"), "分值须为 0 到 100 之间的数"),
        (EN, "points must be a number from 0 to 100"),
        (None, "points must be a number from 0 to 100"),
        (Some("*"), "points must be a number from 0 to 100"),
        (Some("!!garbage!!"), "points must be a number from 0 to 100"),
    ] {
        let (status, body) = answer(score(), language).await;
        assert_eq!(status, 422, "{language:?}");
        assert_one_language(&body);
        assert_eq!(body["error"]["code"], "invalid_points");
        assert_eq!(body["error"]["field"], "indicators[0].points");
        assert_eq!(body["error"]["message"], message, "{language:?}");
    }

    // A body that does not parse is still answered in the language asked for.
    let missing = || {
        app.client
            .post(app.url("/api/score"))
            .header("content-type", "application/json")
            .body("{}")
    };
    let (status, zh) = answer(missing(), ZH).await;
    assert_eq!(status, 422);
    assert_eq!(zh["error"]["field"], "indicators");
    assert_eq!(zh["error"]["message"], "缺少必填字段“indicators”");
    let (_, en) = answer(missing(), EN).await;
    let en = en["error"]["message"].as_str().unwrap();
    assert!(en.starts_with("missing field `indicators`"), "{en}");
}

#[tokio::test]
async fn not_found_and_not_logged_in_speak_the_requested_language() {
    let app = TestApp::start().await;
    let department = || app.client.get(app.url("/api/departments/NOPE"));
    let (status, zh) = answer(department(), ZH).await;
    assert_eq!(status, 404);
    assert_one_language(&zh);
    assert_eq!(zh["error"]["code"], "not_found");
    assert_eq!(zh["error"]["message"], "未找到部门 NOPE");
    for language in [EN, None] {
        let (status, en) = answer(department(), language).await;
        assert_eq!(status, 404);
        assert_eq!(en["error"]["message"], "department \"NOPE\" not found");
    }

    let endpoint = || app.client.get(app.url("/api/no/such/thing"));
    let (status, zh) = answer(endpoint(), ZH).await;
    assert_eq!(status, 404);
    assert_eq!(
        zh["error"]["message"],
        "没有此 API 接口：GET /api/no/such/thing"
    );
    let (_, en) = answer(endpoint(), EN).await;
    assert_eq!(
        en["error"]["message"],
        "no API endpoint GET /api/no/such/thing"
    );

    let me = || app.client.get(app.url("/api/auth/me"));
    let (status, zh) = answer(me(), ZH).await;
    assert_eq!(status, 401);
    assert_one_language(&zh);
    assert_eq!(zh["error"]["code"], "unauthenticated");
    assert_eq!(zh["error"]["message"], "请先登录");
    for language in [EN, None] {
        let (status, en) = answer(me(), language).await;
        assert_eq!(status, 401);
        assert_eq!(en["error"]["message"], "please log in first");
    }
}

fn put_budget(staff: &Session, body: &Value) -> RequestBuilder {
    staff
        .client
        .request(Method::PUT, staff.url("/api/departments/EDU/budget/2027"))
        .header("x-jixiao-csrf", "1")
        .json(body)
}

#[tokio::test]
async fn every_problem_and_a_refusal_speak_the_requested_language() {
    let app = TestApp::start_seeded().await;
    let staff = app.login("edu.staff").await;
    let budget: Budget = staff
        .get("/api/departments/EDU/budget/2027")
        .await
        .json()
        .await
        .unwrap();
    let mut lines = budget.lines.clone();
    lines.push(BudgetLine {
        id: None,
        code: "EDU-P09".into(),
        kind: BudgetKind::Project,
        name_zh: "乡村教师培训".into(),
        name_en: "Rural teacher training".into(),
        unit_code: Some("EDU-01".into()),
        amount_fen: -1,
        adjusted_fen: 5_000_000_000,
        funding_source: "一般公共预算 General public budget".into(),
        indicator_ids: vec![],
        suspended: false,
        suspended_reason: None,
    });
    let last = lines.len() - 1;
    let body = json!({ "revision": budget.revision, "lines": lines });

    let (status, zh) = answer(put_budget(&staff, &body), ZH).await;
    assert_eq!(status, 422);
    assert_one_language(&zh);
    let (status, en) = answer(put_budget(&staff, &body), EN).await;
    assert_eq!(status, 422);
    assert_one_language(&en);
    let (_, default) = answer(put_budget(&staff, &body), None).await;
    assert_eq!(default, en, "no header is English");

    assert_eq!(zh["error"]["code"], "invalid");
    assert_eq!(zh["error"]["message"], "有 2 处问题需要修改");
    assert_eq!(en["error"]["message"], "2 problems need fixing");
    let messages = |body: &Value| -> Vec<(String, String)> {
        body["error"]["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["field"].as_str().unwrap().to_owned(),
                    p["message"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let amount = format!("lines[{last}].amount_fen");
    let indicators = format!("lines[{last}].indicator_ids");
    assert_eq!(
        messages(&zh),
        [
            (amount.clone(), "金额不能为负数".to_owned()),
            (
                indicators.clone(),
                "项目支出须至少关联一个产出指标".to_owned()
            ),
        ]
    );
    assert_eq!(
        messages(&en),
        [
            (amount, "an amount of money cannot be negative".to_owned()),
            (
                indicators,
                "a project line must pay for at least one output indicator".to_owned()
            ),
        ]
    );
    // Only the language differs.
    for body in [&zh, &en] {
        for problem in body["error"]["problems"].as_array().unwrap() {
            let mut keys: Vec<&str> = problem
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort_unstable();
            assert_eq!(keys, ["code", "field", "message"]);
        }
    }

    // A department's staff may not read the audit log.
    let audit = || staff.client.get(staff.url("/api/audit"));
    let (status, zh) = answer(audit(), ZH).await;
    assert_eq!(status, 403);
    assert_one_language(&zh);
    assert_eq!(zh["error"]["code"], "forbidden");
    assert_eq!(
        zh["error"]["message"],
        "无权操作：您的角色或所在部门无权访问此内容"
    );
    for language in [EN, None] {
        let (status, en) = answer(audit(), language).await;
        assert_eq!(status, 403);
        assert_eq!(
            en["error"]["message"],
            "not allowed: your role or department does not give you access to this"
        );
    }
}
