-- A department's budget for a year is edited as a whole: its revision guards against lost
-- updates. Lines carry their funding source.
CREATE TABLE budgets (
    department_id INTEGER NOT NULL REFERENCES departments (id),
    year          INTEGER NOT NULL REFERENCES fiscal_years (year),
    revision      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (department_id, year)
);
INSERT INTO budgets (department_id, year) SELECT DISTINCT department_id, year FROM budget_lines;
ALTER TABLE budget_lines ADD COLUMN funding_source TEXT NOT NULL DEFAULT '一般公共预算 General public budget';
