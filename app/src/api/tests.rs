//! Unit tests of the API client's pure parts.

use super::*;

#[test]
fn error_body_becomes_typed_error() {
    let e = ApiError::from_response(
        404,
        r#"{"error":{"code":"not_found","message":"no department X","field":"code"}}"#,
    );
    assert_eq!(e.status, 404);
    assert_eq!(e.code, "not_found");
    assert_eq!(e.message, "no department X");
    assert_eq!(e.field.as_deref(), Some("code"));
    assert!(e.is_not_found());
    assert_eq!(e.to_string(), "no department X [code]");
}

#[test]
fn other_bodies_get_a_generic_message() {
    let e = ApiError::from_response(502, "<html>Bad gateway</html>");
    assert_eq!(e.code, "http_502");
    assert!(e.message.contains("502"));
    assert_eq!(e.field, None);
}

#[test]
fn network_errors_are_readable() {
    let e = ApiError::network("TypeError: Failed to fetch");
    assert_eq!(e.status, STATUS_NETWORK);
    assert_eq!(e.code, "network");
    // Outside a browser there is no `<html lang>`: the default language, Chinese.
    assert!(e.message.contains("无法连接服务器"), "{}", e.message);
    assert!(e.message.contains("Failed to fetch"));
}

#[test]
fn audit_queries_leave_out_blank_filters() {
    use jixiao_domain::dto::audit::AuditQuery;
    let query = AuditQuery {
        entity: Some("account".into()),
        actor: Some("  ".into()),
        from: Some("2026-01-01".into()),
        before: Some(42),
        ..AuditQuery::default()
    };
    assert_eq!(
        endpoints::audit_path(&query),
        "/api/audit?entity=account&from=2026-01-01&before=42"
    );
    assert_eq!(endpoints::audit_path(&AuditQuery::default()), "/api/audit");
    assert_eq!(query_string([("q", Some("a&b c".into()))]), "?q=a%26b%20c");
}

#[test]
fn forbidden_is_not_a_pending_password_change() {
    let forbidden =
        ApiError::from_response(403, r#"{"error":{"code":"forbidden","message":"no"}}"#);
    assert!(forbidden.is_forbidden());
    let change = ApiError::from_response(
        403,
        r#"{"error":{"code":"password_change_required","message":"change it"}}"#,
    );
    assert!(!change.is_forbidden());
    assert!(ApiError::from_response(401, "").is_unauthenticated());
}

#[test]
fn path_segments_are_encoded() {
    assert_eq!(path_segment("edu-01_a.b~"), "edu-01_a.b~");
    assert_eq!(path_segment("../x y"), "..%2Fx%20y");
    assert_eq!(path_segment("教"), "%E6%95%99");
    assert_eq!(path_segment("a?b#c"), "a%3Fb%23c");
}
