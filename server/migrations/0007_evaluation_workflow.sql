-- Evaluation workflow: revisions for optimistic concurrency, evidence notes, the assessment
-- agency's signature on its remarks, case status and the evidence that opened a case, and
-- the moment finance published a year's results.

ALTER TABLE evaluations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE evaluations ADD COLUMN remarks_by INTEGER REFERENCES accounts (id);
ALTER TABLE evaluations ADD COLUMN remarks_at TEXT;

ALTER TABLE evaluation_items ADD COLUMN evidence TEXT;

ALTER TABLE accountability_cases ADD COLUMN status TEXT NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'in_progress', 'closed'));
ALTER TABLE accountability_cases ADD COLUMN evidence TEXT
    CHECK (evidence IS NULL OR json_valid(evidence));
ALTER TABLE accountability_cases ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);

ALTER TABLE fiscal_years ADD COLUMN results_published_at TEXT;

-- A closed case has its date; an open one has none.
CREATE TRIGGER accountability_cases_closed_date
BEFORE UPDATE ON accountability_cases
WHEN (NEW.status = 'closed') != (NEW.closed_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'CHECK constraint failed: a case has a closing date exactly when closed');
END;
