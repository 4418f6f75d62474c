#include "store_schema.hpp"

#include <sqlite3.h>

#include <string>

#include "store_error.hpp"

namespace nd::schema {

namespace {

struct Migration {
    int to_version;
    const char* sql;
};

// Version 1: the first schema. List-valued fields hold comma-joined vocabulary ids
// (join_ids / split_ids); regions hold "region:side" pairs. Times are UTC seconds.
constexpr const char* kV1 = R"sql(
CREATE TABLE episodes (
    id               TEXT PRIMARY KEY NOT NULL,
    start_utc        INTEGER NOT NULL,
    offset_min       INTEGER NOT NULL,
    duration_min     INTEGER,
    ongoing          INTEGER NOT NULL CHECK (ongoing IN (0, 1)),
    regions          TEXT NOT NULL,
    sensations       TEXT NOT NULL,
    numbness         INTEGER NOT NULL CHECK (numbness BETWEEN 0 AND 10),
    pain             INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
    activities       TEXT NOT NULL,
    reliefs          TEXT NOT NULL,
    relief_after_min INTEGER,
    onset            TEXT NOT NULL,
    spread           INTEGER NOT NULL CHECK (spread IN (0, 1)),
    spread_from      TEXT,
    spread_to        TEXT,
    spread_speed     TEXT NOT NULL,
    signs            TEXT NOT NULL,
    worse_at_night   TEXT NOT NULL,
    effect_walking   INTEGER NOT NULL CHECK (effect_walking BETWEEN 0 AND 3),
    effect_sleep     INTEGER NOT NULL CHECK (effect_sleep BETWEEN 0 AND 3),
    effect_work      INTEGER NOT NULL CHECK (effect_work BETWEEN 0 AND 3),
    note             TEXT NOT NULL,
    created_utc      INTEGER NOT NULL,
    updated_utc      INTEGER NOT NULL,
    deleted_utc      INTEGER
) STRICT;
CREATE INDEX episodes_by_start ON episodes (start_utc, id);

CREATE TABLE checkins (
    id          TEXT PRIMARY KEY NOT NULL,
    date        TEXT NOT NULL UNIQUE,
    symptoms    TEXT NOT NULL,
    no_numbness INTEGER NOT NULL CHECK (no_numbness IN (0, 1)),
    note        TEXT NOT NULL,
    created_utc INTEGER NOT NULL,
    updated_utc INTEGER NOT NULL,
    deleted_utc INTEGER
) STRICT;

CREATE TABLE facts (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL,
    detail      TEXT NOT NULL,
    since       TEXT NOT NULL,
    amount      REAL,
    created_utc INTEGER NOT NULL,
    updated_utc INTEGER NOT NULL,
    deleted_utc INTEGER
) STRICT;

CREATE TABLE medicines (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    dose        TEXT NOT NULL,
    when_taken  TEXT NOT NULL,
    since       TEXT NOT NULL,
    helped      TEXT NOT NULL,
    note        TEXT NOT NULL,
    created_utc INTEGER NOT NULL,
    updated_utc INTEGER NOT NULL,
    deleted_utc INTEGER
) STRICT;

CREATE TABLE profile (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    birth_date  TEXT NOT NULL,
    updated_utc INTEGER NOT NULL
) STRICT;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE tombstones (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('episode', 'checkin', 'fact', 'medicine')),
    deleted_utc INTEGER NOT NULL
) STRICT;
)sql";

// Version 2: numbness and pain may be NULL ("not rated": the person never touched
// the scale), so an untouched form is not stored as a made-up number. STRICT
// tables cannot drop NOT NULL in place, so the table is rebuilt; every value is
// carried over unchanged (a version-1 0 stays 0: it cannot be told from a choice).
constexpr const char* kV2 = R"sql(
CREATE TABLE episodes_v2 (
    id               TEXT PRIMARY KEY NOT NULL,
    start_utc        INTEGER NOT NULL,
    offset_min       INTEGER NOT NULL,
    duration_min     INTEGER,
    ongoing          INTEGER NOT NULL CHECK (ongoing IN (0, 1)),
    regions          TEXT NOT NULL,
    sensations       TEXT NOT NULL,
    numbness         INTEGER CHECK (numbness BETWEEN 0 AND 10),
    pain             INTEGER CHECK (pain BETWEEN 0 AND 10),
    activities       TEXT NOT NULL,
    reliefs          TEXT NOT NULL,
    relief_after_min INTEGER,
    onset            TEXT NOT NULL,
    spread           INTEGER NOT NULL CHECK (spread IN (0, 1)),
    spread_from      TEXT,
    spread_to        TEXT,
    spread_speed     TEXT NOT NULL,
    signs            TEXT NOT NULL,
    worse_at_night   TEXT NOT NULL,
    effect_walking   INTEGER NOT NULL CHECK (effect_walking BETWEEN 0 AND 3),
    effect_sleep     INTEGER NOT NULL CHECK (effect_sleep BETWEEN 0 AND 3),
    effect_work      INTEGER NOT NULL CHECK (effect_work BETWEEN 0 AND 3),
    note             TEXT NOT NULL,
    created_utc      INTEGER NOT NULL,
    updated_utc      INTEGER NOT NULL,
    deleted_utc      INTEGER
) STRICT;
INSERT INTO episodes_v2 SELECT * FROM episodes;
DROP TABLE episodes;
ALTER TABLE episodes_v2 RENAME TO episodes;
CREATE INDEX episodes_by_start ON episodes (start_utc, id);
)sql";

// Schema 3 (issue #14; 2 is another issue's): what the doctor's report and the FHIR
// export need about the person. The FHIR Patient id moves from a setting (outside
// backups) into the profile, so it travels with the diary's backup.
constexpr const char* kV3 = R"sql(
ALTER TABLE profile ADD COLUMN complaint_began TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN health_number TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN questions TEXT NOT NULL DEFAULT '';
ALTER TABLE profile ADD COLUMN fhir_patient_id TEXT NOT NULL DEFAULT '';
UPDATE profile SET fhir_patient_id = COALESCE(
    (SELECT value FROM settings WHERE key = 'export.fhir_patient_uuid' AND length(value) = 36), '');
)sql";

// Version 4 (issue 15; versions 2 and 3 are reserved for other work): dated
// responses to standard questionnaires (core/questionnaire.hpp). Answers are
// "item=code" pairs, comma-joined, in the questionnaire's order. The tombstones'
// CHECK gains the new kind; SQLite cannot alter a CHECK, so the table is rebuilt
// with its rows.
constexpr const char* kV4 = R"sql(
CREATE TABLE questionnaire_responses (
    id            TEXT PRIMARY KEY NOT NULL,
    questionnaire TEXT NOT NULL,
    version       TEXT NOT NULL,
    taken_utc     INTEGER NOT NULL,
    offset_min    INTEGER NOT NULL,
    answers       TEXT NOT NULL,
    score         INTEGER NOT NULL CHECK (score >= 0),
    created_utc   INTEGER NOT NULL,
    updated_utc   INTEGER NOT NULL,
    deleted_utc   INTEGER
) STRICT;
CREATE INDEX questionnaire_responses_by_taken ON questionnaire_responses (taken_utc, id);

CREATE TABLE tombstones_v4 (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('episode', 'checkin', 'fact', 'medicine', 'questionnaire_response')),
    deleted_utc INTEGER NOT NULL
) STRICT;
INSERT INTO tombstones_v4 (id, kind, deleted_utc) SELECT id, kind, deleted_utc FROM tombstones;
DROP TABLE tombstones;
ALTER TABLE tombstones_v4 RENAME TO tombstones;
)sql";

// Version 5 (issue 19): the earlier spreads from one place, which the red-flag rule
// reads to tell a familiar path from a new one (Store::red_flag_history), as a range
// of a partial index instead of a scan of every episode: `log` of a fast spread at
// 100k episodes read the whole table. Partial: only the few rows that spread are in it.
constexpr const char* kV5 = R"sql(
CREATE INDEX episodes_spreads_by_from ON episodes (spread_from, start_utc, id)
    WHERE spread <> 0 AND deleted_utc IS NULL;
)sql";

// Append new steps here; never edit a step that has shipped.
constexpr Migration kMigrations[] = {
    {1, kV1},
    {2, kV2},
    {3, kV3},
    {4, kV4},
    {5, kV5},
};

void exec(sqlite3* db, const std::string& sql, const char* step) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errmsg(db);
        sqlite3_free(err);
        throw StoreError(std::string("Could not upgrade the diary (") + step + "): " + msg);
    }
}

}  // namespace

int current_version() { return kMigrations[std::size(kMigrations) - 1].to_version; }

void migrate(sqlite3* db, int from_version) { migrate(db, from_version, current_version()); }

void migrate(sqlite3* db, int from_version, int to_version) {
    for (const auto& m : kMigrations) {
        if (m.to_version <= from_version || m.to_version > to_version) continue;
        const std::string step = "to schema " + std::to_string(m.to_version);
        exec(db, m.sql, step.c_str());
        exec(db, "PRAGMA user_version = " + std::to_string(m.to_version), step.c_str());
    }
    exec(db, "PRAGMA application_id = " + std::to_string(kApplicationId), "application id");
}

}  // namespace nd::schema
