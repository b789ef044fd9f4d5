-- Saved what-if scenarios change at a revision, like everything else that is edited.
ALTER TABLE scenarios ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
CREATE INDEX scenarios_scope ON scenarios (kind, department_id, year);
