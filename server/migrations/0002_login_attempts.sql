-- Failed logins, for rate limiting per client address and per account. Kept in the database
-- (not in memory) so that every server process sharing the database sees the same count.
CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY,
    ip       TEXT NOT NULL,
    username TEXT NOT NULL COLLATE NOCASE,
    at_ms    INTEGER NOT NULL          -- Unix time in milliseconds
);
CREATE INDEX login_failures_ip ON login_failures (ip, at_ms);
CREATE INDEX login_failures_username ON login_failures (username, at_ms);
