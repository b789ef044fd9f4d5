-- Monthly figures carry a note: why spending exceeds the adjusted budget, or why a
-- cumulative figure was corrected downwards. Every replaced figure is kept.
ALTER TABLE monthly_spending ADD COLUMN note TEXT;
ALTER TABLE indicator_values ADD COLUMN note TEXT;

CREATE TABLE monitoring_history (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('spending', 'value')),
    subject_id  INTEGER NOT NULL,          -- budget line or indicator
    month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    old_value   REAL NOT NULL,
    new_value   REAL NOT NULL,
    note        TEXT,
    changed_by  INTEGER REFERENCES accounts (id),
    changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX monitoring_history_subject ON monitoring_history (kind, subject_id, month);
