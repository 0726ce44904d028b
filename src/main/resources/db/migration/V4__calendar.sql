-- 工作日历 Working-day calendar: years imported by administrators (the shipped years are in calendar/*.json)
CREATE TABLE shared_calendar_year (
    year         INT PRIMARY KEY,
    document     TEXT        NOT NULL,
    imported_by  VARCHAR(64) NOT NULL,
    imported_at  TIMESTAMPTZ NOT NULL
);
