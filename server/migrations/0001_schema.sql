-- Jixiao's whole schema (DESIGN §1). Money is integer fen; timestamps are ISO 8601 UTC text;
-- enumerations are the domain crate's wire names, checked here so that no code path can
-- store a value the domain cannot read back.

CREATE TABLE app_meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

-- Fiscal years and their rules --------------------------------------------------------

CREATE TABLE fiscal_years (
    year  INTEGER PRIMARY KEY NOT NULL CHECK (year BETWEEN 2000 AND 2999),
    phase TEXT NOT NULL DEFAULT 'planning'
          CHECK (phase IN ('planning', 'execution', 'evaluation', 'closed')),
    -- Points allocation by level-1 indicator (财预〔2020〕10号 defaults).
    points_budget_execution INTEGER NOT NULL DEFAULT 10 CHECK (points_budget_execution >= 0),
    points_output           INTEGER NOT NULL DEFAULT 50 CHECK (points_output >= 0),
    points_effect           INTEGER NOT NULL DEFAULT 30 CHECK (points_effect >= 0),
    points_satisfaction     INTEGER NOT NULL DEFAULT 10 CHECK (points_satisfaction >= 0),
    -- Lamp thresholds as fractions of time progress.
    lamp_red_below  REAL NOT NULL DEFAULT 0.6,
    lamp_green_from REAL NOT NULL DEFAULT 0.8,
    lamp_blue_from  REAL NOT NULL DEFAULT 1.2,
    opened_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK (points_budget_execution + points_output + points_effect + points_satisfaction = 100),
    CHECK (0 < lamp_red_below AND lamp_red_below < lamp_green_from AND lamp_green_from < lamp_blue_from)
);

-- Results application rules of a year; adjustments in basis points (500 = +5 %).
CREATE TABLE result_rules (
    year INTEGER PRIMARY KEY NOT NULL REFERENCES fiscal_years (year) ON DELETE CASCADE,
    excellent_bp INTEGER NOT NULL DEFAULT 500   CHECK (excellent_bp BETWEEN -10000 AND 10000),
    good_bp      INTEGER NOT NULL DEFAULT 0     CHECK (good_bp BETWEEN -10000 AND 10000),
    fair_bp      INTEGER NOT NULL DEFAULT -1000 CHECK (fair_bp BETWEEN -10000 AND 10000),
    poor_bp      INTEGER NOT NULL DEFAULT -2000 CHECK (poor_bp BETWEEN -10000 AND 10000),
    ineffective_spent_bp       INTEGER NOT NULL DEFAULT 5000 CHECK (ineffective_spent_bp BETWEEN 0 AND 10000),
    ineffective_achievement_bp INTEGER NOT NULL DEFAULT 6000 CHECK (ineffective_achievement_bp BETWEEN 0 AND 10000),
    excellent_prize INTEGER NOT NULL DEFAULT 1 CHECK (excellent_prize IN (0, 1))
);

-- Departments and their budget units -----------------------------------------------------

CREATE TABLE departments (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 32),
    name_zh TEXT NOT NULL CHECK (length(name_zh) > 0),
    name_en TEXT NOT NULL CHECK (length(name_en) > 0),
    sector  TEXT NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE units (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    code    TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 32),
    name_zh TEXT NOT NULL CHECK (length(name_zh) > 0),
    name_en TEXT NOT NULL CHECK (length(name_en) > 0)
);
CREATE INDEX units_department ON units (department_id);

-- Accounts and sessions -------------------------------------------------------------------

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 64),
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,            -- argon2id PHC string
    role          TEXT NOT NULL CHECK (role IN ('finance', 'assessment', 'dept_head', 'dept_staff')),
    department_id INTEGER REFERENCES departments (id),
    disabled             INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
    password_changed_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    created_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- Department roles act for exactly one department; province roles for none.
    CHECK ((role IN ('dept_head', 'dept_staff')) = (department_id IS NOT NULL))
);

-- Sessions live in the database so that restarts keep people logged in and several server
-- processes can share one database. Layout of tower-sessions' SQLite store.
CREATE TABLE tower_sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    data        BLOB NOT NULL,
    expiry_date INTEGER NOT NULL
);
CREATE INDEX tower_sessions_expiry ON tower_sessions (expiry_date);

-- Indicator library (finance's templates) --------------------------------------------------

CREATE TABLE library_indicators (
    id     INTEGER PRIMARY KEY,
    kind   TEXT NOT NULL CHECK (kind IN ('common', 'sector')),
    sector TEXT,
    level2 TEXT NOT NULL CHECK (level2 IN ('quantity', 'quality', 'timeliness', 'cost', 'economic',
        'social', 'ecological', 'sustainability', 'service_recipients', 'execution_rate')),
    name_zh TEXT NOT NULL CHECK (length(name_zh) > 0),
    name_en TEXT NOT NULL CHECK (length(name_en) > 0),
    unit    TEXT NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('higher_better', 'lower_better', 'zero_target',
        'qualitative', 'budget_execution')),
    accumulation TEXT NOT NULL CHECK (accumulation IN ('cumulative', 'level')),
    description TEXT NOT NULL DEFAULT '',
    data_source TEXT NOT NULL DEFAULT '',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    -- Common indicators apply to every department; sector templates to one sector.
    CHECK ((kind = 'sector') = (sector IS NOT NULL))
);

-- Indicator sets: one per department per year, with versions -------------------------------

CREATE TABLE indicator_sets (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    year          INTEGER NOT NULL REFERENCES fiscal_years (year),
    status  TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    review_comment TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (department_id, year)
);

-- A frozen copy of the set at each review step (submitted, returned, approved, published).
CREATE TABLE indicator_set_versions (
    id       INTEGER PRIMARY KEY,
    set_id   INTEGER NOT NULL REFERENCES indicator_sets (id) ON DELETE CASCADE,
    version  INTEGER NOT NULL,
    status   TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
    comment  TEXT,
    created_by INTEGER REFERENCES accounts (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX indicator_set_versions_set ON indicator_set_versions (set_id, version);

CREATE TABLE indicators (
    id         INTEGER PRIMARY KEY,
    set_id     INTEGER NOT NULL REFERENCES indicator_sets (id) ON DELETE CASCADE,
    unit_id    INTEGER REFERENCES units (id),          -- NULL: the department as a whole
    library_id INTEGER REFERENCES library_indicators (id),
    origin TEXT NOT NULL CHECK (origin IN ('common', 'individual', 'key_work')),
    level2 TEXT NOT NULL CHECK (level2 IN ('quantity', 'quality', 'timeliness', 'cost', 'economic',
        'social', 'ecological', 'sustainability', 'service_recipients', 'execution_rate')),
    name_zh TEXT NOT NULL CHECK (length(name_zh) > 0),
    name_en TEXT NOT NULL DEFAULT '',
    unit    TEXT NOT NULL,
    direction    TEXT NOT NULL CHECK (direction IN ('higher_better', 'lower_better', 'zero_target',
        'qualitative', 'budget_execution')),
    accumulation TEXT NOT NULL CHECK (accumulation IN ('cumulative', 'level')),
    target      REAL,                 -- NULL only for qualitative indicators
    target_text TEXT,                 -- what "achieved" means, for qualitative indicators
    baseline    REAL,                 -- last year's actual
    points      REAL NOT NULL CHECK (points >= 0 AND points <= 100),
    data_source TEXT NOT NULL DEFAULT '',
    elasticity  REAL,                 -- what-if; NULL: the level-2 default
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX indicators_set ON indicators (set_id, position);

-- Budget lines and the indicators they pay for ----------------------------------------------

CREATE TABLE budget_lines (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    unit_id       INTEGER REFERENCES units (id),
    year          INTEGER NOT NULL REFERENCES fiscal_years (year),
    kind    TEXT NOT NULL CHECK (kind IN ('personnel', 'operations', 'project')),
    code    TEXT NOT NULL,
    name_zh TEXT NOT NULL CHECK (length(name_zh) > 0),
    name_en TEXT NOT NULL DEFAULT '',
    amount_fen   INTEGER NOT NULL CHECK (amount_fen >= 0),    -- as compiled
    adjusted_fen INTEGER NOT NULL CHECK (adjusted_fen >= 0),  -- annual adjusted budget
    suspended        INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    suspended_reason TEXT,
    UNIQUE (department_id, year, code)
);
CREATE INDEX budget_lines_year ON budget_lines (year, department_id);

CREATE TABLE budget_line_indicators (
    budget_line_id INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
    indicator_id   INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    PRIMARY KEY (budget_line_id, indicator_id)
);
CREATE INDEX budget_line_indicators_indicator ON budget_line_indicators (indicator_id);

-- In-year double monitoring: cumulative spending and indicator values to date ------------------

CREATE TABLE monthly_spending (
    budget_line_id INTEGER NOT NULL REFERENCES budget_lines (id) ON DELETE CASCADE,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    spent_to_date_fen INTEGER NOT NULL CHECK (spent_to_date_fen >= 0),
    cause   TEXT,                     -- deviation cause, required for a red lamp
    measure TEXT,                     -- corrective measure, required for a red lamp
    entered_by INTEGER REFERENCES accounts (id),
    entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (budget_line_id, month)
);

CREATE TABLE indicator_values (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    value_to_date REAL NOT NULL,
    cause   TEXT,
    measure TEXT,
    entered_by INTEGER REFERENCES accounts (id),
    entered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (indicator_id, month)
);

-- Evaluations: self-evaluation, finance re-evaluation, final score and grade --------------------

CREATE TABLE evaluations (
    id     INTEGER PRIMARY KEY,
    set_id INTEGER NOT NULL UNIQUE REFERENCES indicator_sets (id),
    status TEXT NOT NULL DEFAULT 'self_draft'
           CHECK (status IN ('self_draft', 'self_submitted', 'reevaluated', 'final')),
    self_total  REAL CHECK (self_total IS NULL OR self_total BETWEEN 0 AND 100),
    final_total REAL CHECK (final_total IS NULL OR final_total BETWEEN 0 AND 100),
    grade TEXT CHECK (grade IS NULL OR grade IN ('excellent', 'good', 'fair', 'poor')),
    self_signed_off_by INTEGER REFERENCES accounts (id),
    self_signed_off_at TEXT,
    reevaluated_by INTEGER REFERENCES accounts (id),
    reevaluated_at TEXT,
    assessment_remarks TEXT,
    published_at TEXT,
    CHECK ((status = 'final') = (grade IS NOT NULL AND final_total IS NOT NULL))
);

CREATE TABLE evaluation_items (
    evaluation_id INTEGER NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
    indicator_id  INTEGER NOT NULL REFERENCES indicators (id),
    self_actual  REAL,
    self_rating  TEXT CHECK (self_rating IS NULL OR self_rating IN ('achieved', 'partly', 'not_achieved')),
    self_percent REAL,
    deviation_cause TEXT,
    final_actual  REAL,
    final_rating  TEXT CHECK (final_rating IS NULL OR final_rating IN ('achieved', 'partly', 'not_achieved')),
    final_percent REAL,
    override_reason TEXT,            -- required when finance changes the department's figure
    score REAL CHECK (score IS NULL OR score >= 0),
    PRIMARY KEY (evaluation_id, indicator_id)
);

-- Results application: budget consequence, prize, accountability ---------------------------------

CREATE TABLE result_applications (
    department_id INTEGER NOT NULL REFERENCES departments (id),
    year          INTEGER NOT NULL REFERENCES fiscal_years (year),   -- the evaluated year
    grade  TEXT NOT NULL CHECK (grade IN ('excellent', 'good', 'fair', 'poor')),
    total  REAL NOT NULL CHECK (total BETWEEN 0 AND 100),
    project_base_fen INTEGER NOT NULL CHECK (project_base_fen >= 0),
    adjustment_bp    INTEGER NOT NULL,
    next_year_fen    INTEGER NOT NULL CHECK (next_year_fen >= 0),
    prize INTEGER NOT NULL DEFAULT 0 CHECK (prize IN (0, 1)),
    PRIMARY KEY (department_id, year)
);

CREATE TABLE accountability_cases (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    year          INTEGER NOT NULL REFERENCES fiscal_years (year),
    budget_line_id INTEGER REFERENCES budget_lines (id),
    trigger TEXT NOT NULL CHECK (trigger IN ('poor_grade', 'ineffective_spending')),
    description TEXT NOT NULL,
    owner      TEXT,
    resolution TEXT,
    opened_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    closed_at  TEXT,
    CHECK (closed_at IS NULL OR resolution IS NOT NULL)
);
CREATE INDEX accountability_cases_department ON accountability_cases (department_id, year);

-- What-if scenarios --------------------------------------------------------------------------------

CREATE TABLE scenarios (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('department', 'province')),
    department_id INTEGER REFERENCES departments (id),
    year          INTEGER NOT NULL REFERENCES fiscal_years (year),
    name    TEXT NOT NULL CHECK (length(name) > 0),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    created_by INTEGER REFERENCES accounts (id),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    CHECK ((kind = 'department') = (department_id IS NOT NULL))
);

-- Audit log: every write, hash-chained (each hash covers the previous one) ---------------------------

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor_id   INTEGER REFERENCES accounts (id),     -- NULL: the system itself (seeding)
    actor_name TEXT NOT NULL,
    action     TEXT NOT NULL,
    entity     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
    after_json  TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
