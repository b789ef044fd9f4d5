-- Accounts are edited by finance too: they carry a revision like every editable resource.
ALTER TABLE accounts ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
