//! Account management by finance, password resets, and the tamper-evident audit log.

use crate::harness::{TestApp, DEMO_PASSWORD};
use jixiao_domain::dto::audit::{AuditPage, AuditVerification};
use jixiao_domain::dto::auth::{Account, AccountList, Me};
use jixiao_domain::dto::ErrorBody;
use reqwest::Method;
use serde_json::json;

async fn revision(app: &TestApp, id: i64) -> i64 {
    sqlx::query_scalar("SELECT revision FROM accounts WHERE id = ?")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

async fn account_id(app: &TestApp, username: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM accounts WHERE username = ?")
        .bind(username)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[tokio::test]
async fn finance_creates_accounts_that_must_change_their_password() {
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let new = json!({ "username": "Wang.Li", "display_name": "王丽", "role": "dept_staff",
                      "department_id": 2, "password": "temporary lantern 9081" });
    let created = finance
        .send(Method::POST, "/api/accounts", Some(new.clone()))
        .await;
    assert_eq!(created.status(), 201);
    let account: Account = created.json().await.unwrap();
    assert_eq!(account.username, "wang.li");
    assert!(account.must_change_password);
    assert_eq!(account.department.unwrap().id, 2);

    let again = finance.send(Method::POST, "/api/accounts", Some(new)).await;
    assert_eq!(again.status(), 409);

    for (body, field) in [
        (
            json!({ "username": "x.y.z", "display_name": "A", "role": "dept_staff", "password": "temporary lantern 9081" }),
            "department_id",
        ),
        (
            json!({ "username": "x.y.z", "display_name": "A", "role": "finance", "department_id": 1, "password": "temporary lantern 9081" }),
            "department_id",
        ),
        (
            json!({ "username": "x.y.z", "display_name": "A", "role": "assessment", "password": "123456789012" }),
            "password",
        ),
        (
            json!({ "username": "no", "display_name": "A", "role": "assessment", "password": "temporary lantern 9081" }),
            "username",
        ),
        (
            json!({ "username": "x.y.z", "display_name": "A", "role": "mayor", "password": "temporary lantern 9081" }),
            "role",
        ),
        (
            json!({ "username": "x.y.z", "display_name": "A", "role": "dept_head", "department_id": 999, "password": "temporary lantern 9081" }),
            "department_id",
        ),
    ] {
        let response = finance
            .send(Method::POST, "/api/accounts", Some(body.clone()))
            .await;
        assert_eq!(response.status(), 422, "{body}");
        let error: ErrorBody = response.json().await.unwrap();
        assert_eq!(
            error.error.field.as_deref(),
            Some(field),
            "{body}: {error:?}"
        );
    }

    // The new user logs in, can do nothing but change the password, then works normally.
    let user = app.browser();
    let me: Me = user
        .login("wang.li", "temporary lantern 9081")
        .await
        .json()
        .await
        .unwrap();
    assert!(me.must_change_password);
    let blocked = user.get("/api/departments").await;
    assert_eq!(blocked.status(), 403);
    assert_eq!(
        blocked.json::<ErrorBody>().await.unwrap().error.code,
        "password_change_required"
    );
    let changed = user
        .send(Method::POST, "/api/auth/password",
              Some(json!({ "current_password": "temporary lantern 9081", "new_password": "my own quiet harbour 12" })))
        .await;
    assert_eq!(changed.status(), 204);
    let me: Me = user.get("/api/auth/me").await.json().await.unwrap();
    assert!(!me.must_change_password);
    assert_eq!(user.get("/api/departments").await.status(), 200);
}

#[tokio::test]
async fn disabling_an_account_or_resetting_its_password_ends_its_sessions() {
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let staff = app.login("trans.staff").await;
    let id = account_id(&app, "trans.staff").await;

    let reset = finance
        .send(
            Method::POST,
            &format!("/api/accounts/{id}/password"),
            Some(json!({ "password": "fresh start tulip 2027" })),
        )
        .await;
    assert_eq!(reset.status(), 204);
    assert_eq!(
        staff.get("/api/auth/me").await.status(),
        401,
        "the reset ends the session"
    );
    let me: Me = app
        .browser()
        .login("trans.staff", "fresh start tulip 2027")
        .await
        .json()
        .await
        .unwrap();
    assert!(me.must_change_password);

    let again = app.login("trans.head").await;
    let head_id = account_id(&app, "trans.head").await;
    let disabled = finance
        .send(
            Method::PATCH,
            &format!("/api/accounts/{head_id}"),
            Some(json!({ "revision": revision(&app, head_id).await, "disabled": true })),
        )
        .await;
    assert_eq!(disabled.status(), 200);
    assert!(disabled.json::<Account>().await.unwrap().disabled);
    assert_eq!(again.get("/api/auth/me").await.status(), 401);
    assert_eq!(
        app.browser()
            .login("trans.head", DEMO_PASSWORD)
            .await
            .status(),
        401
    );

    // Role and department change together; a province role drops the department.
    let moved = finance
        .send(
            Method::PATCH,
            &format!("/api/accounts/{head_id}"),
            Some(json!({ "revision": revision(&app, head_id).await, "role": "assessment", "disabled": false })),
        )
        .await;
    let moved: Account = moved.json().await.unwrap();
    assert_eq!(moved.role, jixiao_domain::framework::Role::Assessment);
    assert!(moved.department.is_none());

    // Finance cannot lock themselves out.
    let own = account_id(&app, "finance").await;
    let response = finance
        .send(
            Method::PATCH,
            &format!("/api/accounts/{own}"),
            Some(json!({ "revision": revision(&app, own).await, "disabled": true })),
        )
        .await;
    assert_eq!(response.status(), 409);
    assert_eq!(
        response.json::<ErrorBody>().await.unwrap().error.code,
        "cannot_lock_yourself_out"
    );

    // A change based on an old revision is refused with the account as it is now.
    let stale = finance
        .send(
            Method::PATCH,
            &format!("/api/accounts/{head_id}"),
            Some(json!({ "revision": 1, "display_name": "Late" })),
        )
        .await;
    assert_eq!(stale.status(), 409);
    let error: ErrorBody = stale.json().await.unwrap();
    assert_eq!(error.error.code, "stale");
    let current: Account = serde_json::from_value(error.error.current.unwrap()).unwrap();
    assert_eq!(current.revision, revision(&app, head_id).await);

    let list: AccountList = finance.get("/api/accounts").await.json().await.unwrap();
    assert!(list
        .accounts
        .iter()
        .any(|a| a.username == "trans.head" && !a.disabled));
}

#[tokio::test]
async fn every_write_is_audited_and_tampering_is_detected() {
    let app = TestApp::start_seeded().await;
    let finance = app.login("finance").await;
    let id = account_id(&app, "edu.staff").await;
    finance
        .send(
            Method::PATCH,
            &format!("/api/accounts/{id}"),
            Some(
                json!({ "revision": revision(&app, id).await, "display_name": "教育厅 · 王老师" }),
            ),
        )
        .await;

    let page: AuditPage = finance
        .get(&format!(
            "/api/audit?entity=account&entity_id={id}&action=update"
        ))
        .await
        .json()
        .await
        .unwrap();
    let entry = &page.entries[0];
    assert_eq!(entry.actor_name, "finance");
    assert_eq!(
        entry.before.as_ref().unwrap()["display_name"],
        "浙江省教育厅 · 部门工作人员"
    );
    assert_eq!(
        entry.after.as_ref().unwrap()["display_name"],
        "教育厅 · 王老师"
    );
    assert!(
        !entry.after.as_ref().unwrap().to_string().contains("argon2"),
        "no secrets in the log"
    );

    // Paging: newest first, `next_before` continues.
    let first: AuditPage = finance
        .get("/api/audit?limit=5")
        .await
        .json()
        .await
        .unwrap();
    let second: AuditPage = finance
        .get(&format!(
            "/api/audit?limit=5&before={}",
            first.next_before.unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert!(first.entries[4].id > second.entries[0].id);
    let assessment = app.login("assessment").await;
    assert_eq!(
        assessment.get("/api/audit?actor=finance").await.status(),
        200
    );

    let verified: AuditVerification = finance.get("/api/audit/verify").await.json().await.unwrap();
    assert!(verified.intact, "{verified:?}");
    assert!(verified.entries > 1000);

    // Change one row behind the application's back: verify names it.
    sqlx::query(
        "UPDATE audit_log SET after_json = '{\"display_name\":\"someone else\"}' WHERE id = ?",
    )
    .bind(entry.id)
    .execute(&app.pool)
    .await
    .unwrap();
    let verified: AuditVerification = finance.get("/api/audit/verify").await.json().await.unwrap();
    assert!(!verified.intact);
    assert_eq!(verified.first_broken.unwrap().id, entry.id);

    // Deleting a row (and restoring the changed one) breaks the chain at its successor.
    let original = serde_json::to_string(entry.after.as_ref().unwrap()).unwrap();
    sqlx::query("UPDATE audit_log SET after_json = ? WHERE id = ?")
        .bind(&original)
        .bind(entry.id)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_log WHERE id = 10")
        .execute(&app.pool)
        .await
        .unwrap();
    let verified: AuditVerification = finance.get("/api/audit/verify").await.json().await.unwrap();
    assert!(!verified.intact);
    assert_eq!(verified.first_broken.unwrap().id, 11);
}
