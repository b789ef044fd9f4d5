-- Optimistic concurrency: every editable resource carries a revision that each change
-- increments; a write that names an older revision is refused with 409 and the current one.
ALTER TABLE fiscal_years ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE indicator_sets ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE library_indicators ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
