/* schema.c — the database schema, as an ordered list of migrations.
 *
 * Migration N brings a file from user_version N-1 to N. Never edit a migration
 * that has shipped: add a new one to MIGRATIONS, say whether it travels, and
 * raise CDTT_SCHEMA_VERSION in db.h (the build fails until it is the number of
 * MIGRATIONS).
 *
 * Each migration is of one kind:
 * - travelling: it changes what packages hold (a table or column of the records
 *   that go to the level above); packages are then written with its version;
 * - derived: it adds what stays in the office's own file and is built from the
 *   records alone (counts, indexes kept by triggers): its objects are listed in
 *   SCHEMA_LOCAL_DROP, and it must be able to run again after they were dropped
 *   (schema_local_build, after a bulk load); one that fills tables from the
 *   records is written as its creating SQL followed by its filling SQL
 *   (MIGRATION_n_CREATE, MIGRATION_n_FILL) and names those tables, so that a
 *   bulk load that knows their figures (cdtt demo) may fill them itself;
 * - state: it adds what stays in the office's own file and cannot be rebuilt
 *   (the office's keys, what it knows of other offices): its objects are listed
 *   in SCHEMA_STATE_DROP, which only a package's copy of the schema runs. */
#include "schema.h"
#include "db.h"
#include "db-sql.h"

#include <stddef.h>
#include <string.h>

/* Columns every record that travels to the level above carries. changed_by is
 * the office key ("scheme:code") of the office that last changed the record;
 * base_updated_at was the updated_at last received from below (migration 4
 * replaces it by base_version, and updated_at's role in merging by version). */
#define TRAVEL                                                           \
    "  created_at TEXT NOT NULL,\n"                                      \
    "  updated_at TEXT NOT NULL,\n"                                      \
    "  changed_by TEXT NOT NULL,\n"                                      \
    "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),\n"  \
    "  base_updated_at TEXT\n"

static const char MIGRATION_1[] =
    /* The office that owns this file: one row. level is commune, district or province. */
    "CREATE TABLE office (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  scheme TEXT NOT NULL CHECK (scheme IN ('2025-07', 'pre-2025')),\n"
    "  code TEXT NOT NULL,\n"
    "  level TEXT NOT NULL CHECK (level IN ('commune', 'district', 'province', 'national')),\n"
    "  name TEXT NOT NULL,\n"
    "  created_at TEXT NOT NULL\n"
    ") STRICT;\n"

    /* Official administrative units. Codes are text with leading zeros and only
     * mean something together with their scheme. */
    "CREATE TABLE unit (\n"
    "  scheme TEXT NOT NULL CHECK (scheme IN ('2025-07', 'pre-2025')),\n"
    "  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),\n"
    "  code TEXT NOT NULL,\n"
    "  name TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL DEFAULT '',\n"
    "  parent_code TEXT,\n"
    "  province_code TEXT NOT NULL,\n"
    "  name_fold TEXT NOT NULL,\n"
    "  PRIMARY KEY (scheme, level, code)\n"
    ") STRICT, WITHOUT ROWID;\n"
    "CREATE INDEX unit_parent ON unit (scheme, parent_code);\n"

    /* Villages and residential groups inside a commune. */
    "CREATE TABLE area (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  unit_scheme TEXT NOT NULL,\n"
    "  unit_code TEXT NOT NULL,\n"
    "  kind TEXT NOT NULL CHECK (kind IN ('thon', 'ban', 'ap', 'buon', 'khom',\n"
    "                                     'to_dan_pho', 'khu_pho', 'other')),\n"
    "  name TEXT NOT NULL,\n"
    "  name_fold TEXT NOT NULL,\n"
    "  sort_key TEXT NOT NULL,\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE INDEX area_sort ON area (sort_key);\n"

    "CREATE TABLE team (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  unit_scheme TEXT NOT NULL,\n"
    "  unit_code TEXT NOT NULL,\n"
    "  level TEXT NOT NULL CHECK (level IN ('commune', 'village', 'group')),\n"
    "  area_uuid TEXT REFERENCES area (uuid),\n"
    "  name TEXT NOT NULL,\n"
    "  name_fold TEXT NOT NULL,\n"
    "  sort_key TEXT NOT NULL,\n"
    "  decision_no TEXT NOT NULL DEFAULT '',\n"
    "  decision_date TEXT,\n"
    "  decision_issuer TEXT NOT NULL DEFAULT '',\n"
    "  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved', 'merged')),\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE INDEX team_area ON team (area_uuid);\n"
    "CREATE INDEX team_sort ON team (sort_key);\n"

    "CREATE TABLE member (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  unit_scheme TEXT NOT NULL,\n"
    "  unit_code TEXT NOT NULL,\n"
    "  full_name TEXT NOT NULL,\n"
    "  name_fold TEXT NOT NULL,\n"
    "  sort_key TEXT NOT NULL,\n"
    "  gender TEXT CHECK (gender IN ('male', 'female', 'other')),\n"
    "  birth TEXT,\n" /* YYYY-MM-DD, or YYYY when only the year is known */
    "  phone TEXT,\n" /* 0xxxxxxxxx */
    "  cccd TEXT,\n"
    "  email TEXT,\n"
    "  category TEXT NOT NULL DEFAULT 'other' CHECK (category IN (\n"
    "    'commune_official', 'village_head', 'party_secretary', 'police', 'youth_union',\n"
    "    'womens_union', 'farmers_union', 'veterans', 'fatherland_front', 'teacher',\n"
    "    'health_worker', 'telecom_it', 'resident', 'other')),\n"
    "  youth_union INTEGER NOT NULL DEFAULT 0 CHECK (youth_union IN (0, 1)),\n"
    "  consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),\n"
    "  consent_date TEXT,\n"
    "  mooc_status TEXT NOT NULL DEFAULT 'not_started'\n"
    "    CHECK (mooc_status IN ('not_started', 'in_progress', 'completed')),\n"
    "  mooc_date TEXT,\n"
    "  zalo_date TEXT,\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE INDEX member_sort ON member (sort_key);\n"
    "CREATE INDEX member_fold ON member (name_fold);\n"
    "CREATE INDEX member_phone ON member (phone);\n"

    "CREATE TABLE membership (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  team_uuid TEXT NOT NULL REFERENCES team (uuid),\n"
    "  member_uuid TEXT NOT NULL REFERENCES member (uuid),\n"
    "  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('leader', 'deputy', 'member')),\n"
    "  date_from TEXT,\n"
    "  date_to TEXT,\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE INDEX membership_team ON membership (team_uuid);\n"
    "CREATE INDEX membership_member ON membership (member_uuid);\n"

    /* In-person training sessions and who attended. */
    "CREATE TABLE training_session (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  unit_scheme TEXT NOT NULL,\n"
    "  unit_code TEXT NOT NULL,\n"
    "  date TEXT NOT NULL,\n"
    "  place TEXT NOT NULL DEFAULT '',\n"
    "  organiser TEXT NOT NULL DEFAULT '',\n"
    "  topic TEXT NOT NULL DEFAULT '',\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE TABLE attendance (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  session_uuid TEXT NOT NULL REFERENCES training_session (uuid),\n"
    "  member_uuid TEXT NOT NULL REFERENCES member (uuid),\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE INDEX attendance_session ON attendance (session_uuid);\n"
    "CREATE INDEX attendance_member ON attendance (member_uuid);\n"

    /* What a team did, as aggregate counts only: never the citizens' data. */
    "CREATE TABLE activity (\n"
    "  uuid TEXT PRIMARY KEY,\n"
    "  team_uuid TEXT NOT NULL REFERENCES team (uuid),\n"
    "  date TEXT NOT NULL,\n"
    "  type TEXT NOT NULL CHECK (type IN ('outreach', 'vneid', 'public_services', 'cashless',\n"
    "    'ecommerce', 'provincial_app', 'digital_skills', 'online_safety',\n"
    "    'digital_signature', 'other')),\n"
    "  people INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),\n"
    "  households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),\n"
    "  note TEXT NOT NULL DEFAULT '',\n"
    TRAVEL
    ") STRICT;\n"
    "CREATE INDEX activity_team ON activity (team_uuid);\n"

    /* Every change made in this file: who, when, what, old and new (JSON). */
    "CREATE TABLE audit (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  at TEXT NOT NULL,\n"
    "  os_user TEXT NOT NULL,\n"
    "  office TEXT NOT NULL,\n"
    "  tbl TEXT NOT NULL,\n"
    "  record_uuid TEXT NOT NULL,\n"
    "  action TEXT NOT NULL,\n"
    "  old_json TEXT,\n"
    "  new_json TEXT\n"
    ") STRICT;\n"
    "CREATE INDEX audit_record ON audit (record_uuid);\n"

    /* Packages imported from the level below (consolidation). */
    "CREATE TABLE import_log (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  file_name TEXT NOT NULL,\n"
    "  source_scheme TEXT NOT NULL,\n"
    "  source_code TEXT NOT NULL,\n"
    "  source_name TEXT NOT NULL DEFAULT '',\n"
    "  package_created_at TEXT NOT NULL,\n"
    "  digest TEXT NOT NULL,\n"
    "  imported_at TEXT NOT NULL,\n"
    "  os_user TEXT NOT NULL,\n"
    "  n_new INTEGER NOT NULL DEFAULT 0,\n"
    "  n_updated INTEGER NOT NULL DEFAULT 0,\n"
    "  n_unchanged INTEGER NOT NULL DEFAULT 0,\n"
    "  n_deleted INTEGER NOT NULL DEFAULT 0,\n"
    "  n_rejected INTEGER NOT NULL DEFAULT 0,\n"
    "  n_conflicts INTEGER NOT NULL DEFAULT 0\n"
    ") STRICT;\n"
    "CREATE INDEX import_log_source ON import_log (source_scheme, source_code);\n"

    /* Records changed both here and below since the last import. */
    "CREATE TABLE conflict (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  tbl TEXT NOT NULL,\n"
    "  record_uuid TEXT NOT NULL,\n"
    "  local_json TEXT NOT NULL,\n"
    "  incoming_json TEXT NOT NULL,\n"
    "  incoming_updated_at TEXT NOT NULL,\n"
    "  source TEXT NOT NULL,\n"
    "  detected_at TEXT NOT NULL,\n"
    "  resolution TEXT CHECK (resolution IN ('mine', 'theirs')),\n"
    "  resolved_at TEXT\n"
    ") STRICT;\n";

/* Triggers that keep live_tally right for table T: a row counts while it is
 * not deleted, under its commune (unit_scheme, unit_code). */
#define TALLY_ADD(T, REC)                                                                    \
    "  INSERT INTO live_tally (tbl, unit_scheme, unit_code, n)\n"                            \
    "  SELECT '" T "', " REC ".unit_scheme, " REC ".unit_code, 1 WHERE " REC ".deleted = 0\n" \
    "  ON CONFLICT DO UPDATE SET n = n + 1;\n"
#define TALLY_SUB(T, REC)                                                                    \
    "  UPDATE live_tally SET n = n - 1 WHERE " REC ".deleted = 0 AND tbl = '" T "'\n"         \
    "    AND unit_scheme = " REC ".unit_scheme AND unit_code = " REC ".unit_code;\n"
#define TALLY_TRIGGERS(T)                                                                    \
    "CREATE TRIGGER " T "_tally_insert AFTER INSERT ON " T " BEGIN\n"                         \
    TALLY_ADD(T, "NEW") "END;\n"                                                             \
    "CREATE TRIGGER " T "_tally_delete AFTER DELETE ON " T " BEGIN\n"                         \
    TALLY_SUB(T, "OLD") "END;\n"                                                             \
    "CREATE TRIGGER " T "_tally_update AFTER UPDATE OF deleted, unit_scheme, unit_code ON " T \
    " BEGIN\n" TALLY_SUB(T, "OLD") TALLY_ADD(T, "NEW") "END;\n"
/* live_tally's rows for table T counted from the records. */
#define TALLY_FILL(T)                                                                        \
    "INSERT INTO live_tally (tbl, unit_scheme, unit_code, n)\n"                              \
    "  SELECT '" T "', unit_scheme, unit_code, count(*) FROM " T " WHERE deleted = 0\n"       \
    "  GROUP BY unit_scheme, unit_code;\n"

/* Migration 2: how many live areas, teams and members each commune has, kept by
 * the database itself so that the home screen and the completeness table need
 * no full scan. Local to this file: packages leave it out (SCHEMA_LOCAL_DROP). */
#define MIGRATION_2_CREATE                                                           \
    "CREATE TABLE live_tally (\n"                                                    \
    /* OR, not IN: an IN list in a CHECK costs a temporary table at every insert. */ \
    "  tbl TEXT NOT NULL CHECK (tbl = 'area' OR tbl = 'team' OR tbl = 'member'),\n"  \
    "  unit_scheme TEXT NOT NULL,\n"                                                 \
    "  unit_code TEXT NOT NULL,\n"                                                   \
    "  n INTEGER NOT NULL,\n"                                                        \
    "  PRIMARY KEY (tbl, unit_scheme, unit_code)\n"                                  \
    ") STRICT, WITHOUT ROWID;\n"                                                     \
    TALLY_TRIGGERS("area") TALLY_TRIGGERS("team") TALLY_TRIGGERS("member")
#define MIGRATION_2_FILL TALLY_FILL("area") TALLY_FILL("team") TALLY_FILL("member")
static const char MIGRATION_2[] = MIGRATION_2_CREATE MIGRATION_2_FILL;

/* The words of REC's folded name (split at spaces) as a json_each table: a
 * member's name, quoted as JSON, becomes a JSON array of its words. */
#define NAME_WORDS(REC) "json_each('[' || replace(json_quote(" REC ".name_fold), ' ', '\",\"') || ']')"
#define WORDS_ADD(REC)                                                                        \
    "  INSERT OR IGNORE INTO member_word (word, member_uuid, name_fold)\n"                     \
    "  SELECT value, " REC ".uuid, " REC ".name_fold FROM " NAME_WORDS(REC) " WHERE value <> '';\n" \
    "  INSERT INTO name_word (word, n)\n"                                                     \
    "  SELECT j.value, 1 FROM " NAME_WORDS(REC) " j WHERE j.value <> '' AND NOT EXISTS\n"       \
    "    (SELECT 1 FROM " NAME_WORDS(REC) " k WHERE k.value = j.value AND k.key < j.key)\n"   \
    "  ON CONFLICT DO UPDATE SET n = n + 1;\n"
#define WORDS_SUB(REC)                                                                        \
    "  DELETE FROM member_word WHERE member_uuid = " REC ".uuid\n"                             \
    "    AND word IN (SELECT value FROM " NAME_WORDS(REC) ");\n"                               \
    "  UPDATE name_word SET n = n - 1 WHERE word IN (SELECT value FROM " NAME_WORDS(REC) ");\n"

/* Migration 3: an index of the words of members' folded names, so that a
 * search for a rare word reads only the members holding it. name_word counts
 * the members (deleted ones too) whose name holds each word. Local to this
 * file, kept by triggers, left out of packages (SCHEMA_LOCAL_DROP). */
static const char MIGRATION_3[] =
    "CREATE TABLE name_word (\n"
    "  word TEXT PRIMARY KEY,\n"
    "  n INTEGER NOT NULL\n"
    ") STRICT, WITHOUT ROWID;\n"
    "CREATE TABLE member_word (\n"
    "  word TEXT NOT NULL,\n"
    "  member_uuid TEXT NOT NULL,\n"
    "  name_fold TEXT NOT NULL,\n" /* the member's, so that other words sift without reading it */
    "  PRIMARY KEY (word, member_uuid)\n"
    ") STRICT, WITHOUT ROWID;\n"
    "CREATE TRIGGER member_words_insert AFTER INSERT ON member BEGIN\n" WORDS_ADD("NEW") "END;\n"
    "CREATE TRIGGER member_words_delete AFTER DELETE ON member BEGIN\n" WORDS_SUB("OLD") "END;\n"
    "CREATE TRIGGER member_words_update AFTER UPDATE OF name_fold, uuid ON member\n"
    "  WHEN OLD.name_fold IS NOT NEW.name_fold OR OLD.uuid IS NOT NEW.uuid BEGIN\n"
    WORDS_SUB("OLD") WORDS_ADD("NEW") "END;\n"
    "INSERT OR IGNORE INTO member_word (word, member_uuid, name_fold)\n"
    "  SELECT j.value, m.uuid, m.name_fold FROM member m, " NAME_WORDS("m") " j WHERE j.value <> ''\n"
    "  ORDER BY 1, 2;\n"
    "INSERT INTO name_word (word, n) SELECT word, count(*) FROM member_word GROUP BY word;\n";

/* Milliseconds since 1970 of an ISO time "YYYY-MM-DDTHH:MM:SS.mmmZ" (NULL stays NULL). */
#define ISO_MS(C) \
    "(unixepoch(substr(" C ", 1, 19)) * 1000 + CAST(substr(" C ", 21, 3) AS INTEGER))"

/* Gives travelling table T its logical version: version is the office clock's
 * value at the record's last change (it only grows), base_version the version
 * last merged from below. Existing rows get the milliseconds of their
 * updated_at, once: every file computes the same value from the same row. */
#define VERSIONED(T)                                                                        \
    "ALTER TABLE " T " ADD COLUMN version INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0);\n" \
    "ALTER TABLE " T " ADD COLUMN base_version INTEGER;\n"                                    \
    "UPDATE " T " SET version = max(coalesce(" ISO_MS("updated_at") ", 0), 0),\n"          \
    "  base_version = CASE WHEN base_updated_at IS NOT NULL THEN\n"                         \
    "    max(coalesce(" ISO_MS("base_updated_at") ", 0), 0) END;\n"                         \
    "ALTER TABLE " T " DROP COLUMN base_updated_at;\n"

/* A random version-4 UUID in SQL. */
#define SQL_UUID                                                                             \
    "(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||"               \
    " substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) ||" \
    " substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))))"

/* Migration 4: consolidation that trusts no clock. Every travelling record gets
 * a logical version (VERSIONED); the office row gets the file's instance id (a
 * copy made by copying the file keeps it, a re-built file has another), its
 * clock (a Lamport counter: every change takes the next value, an import raises
 * it to the highest version received) and the sequence number and clock of its
 * last package. At a consolidating office: source_office remembers, per office
 * below, which file (instance) its packages come from and the last package taken;
 * merge_base keeps the version last received from below of a record whose
 * content here differs from it (a conflict settled field by field), so that the
 * next change from below merges field by field; conflict keeps at most one open
 * conflict per record. Travels: packages carry the versions and the office's
 * clock; source_office, merge_base, import_log and conflict stay empty in them. */
static const char MIGRATION_4[] =
    "ALTER TABLE office ADD COLUMN instance_id TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE office ADD COLUMN clock INTEGER NOT NULL DEFAULT 0 CHECK (clock >= 0);\n"
    "ALTER TABLE office ADD COLUMN package_seq INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE office ADD COLUMN package_clock INTEGER NOT NULL DEFAULT 0;\n"
    VERSIONED("area") VERSIONED("team") VERSIONED("member") VERSIONED("membership")
    VERSIONED("training_session") VERSIONED("attendance") VERSIONED("activity")
    "UPDATE office SET instance_id = " SQL_UUID ", clock = (SELECT coalesce(max(v), 0) FROM ("
    "  SELECT max(version) AS v FROM area UNION ALL SELECT max(version) FROM team"
    "  UNION ALL SELECT max(version) FROM member UNION ALL SELECT max(version) FROM membership"
    "  UNION ALL SELECT max(version) FROM training_session UNION ALL SELECT max(version) FROM attendance"
    "  UNION ALL SELECT max(version) FROM activity));\n"

    "CREATE TABLE source_office (\n"
    "  scheme TEXT NOT NULL,\n"
    "  code TEXT NOT NULL,\n"
    "  instance_id TEXT NOT NULL,\n"   /* '' for packages of a cdtt older than schema 4 */
    "  sequence INTEGER NOT NULL,\n"   /* of the last package merged */
    "  clock INTEGER NOT NULL,\n"      /* the sender's clock in that package */
    "  created_at TEXT NOT NULL,\n"    /* when that package was made, by its PC's clock */
    "  imported_at TEXT NOT NULL,\n"
    "  PRIMARY KEY (scheme, code)\n"
    ") STRICT, WITHOUT ROWID;\n"

    "CREATE TABLE merge_base (\n"
    "  tbl TEXT NOT NULL,\n"
    "  record_uuid TEXT NOT NULL,\n"
    "  version INTEGER NOT NULL,\n"
    "  row_json TEXT NOT NULL,\n"
    "  PRIMARY KEY (tbl, record_uuid)\n"
    ") STRICT, WITHOUT ROWID;\n"

    "ALTER TABLE import_log ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;\n"
    "ALTER TABLE import_log ADD COLUMN instance_id TEXT NOT NULL DEFAULT '';\n"
    /* merged: something of the office was merged (not an empty package, not all refused);
     * withdrawn: its data was replaced or forgotten since. */
    "ALTER TABLE import_log ADD COLUMN merged INTEGER NOT NULL DEFAULT 1;\n"
    "ALTER TABLE import_log ADD COLUMN withdrawn INTEGER NOT NULL DEFAULT 0;\n"

    "CREATE TABLE conflict_4 (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  tbl TEXT NOT NULL,\n"
    "  record_uuid TEXT NOT NULL,\n"
    "  local_json TEXT NOT NULL,\n"
    "  incoming_json TEXT NOT NULL,\n"
    "  incoming_updated_at TEXT NOT NULL,\n"
    "  incoming_version INTEGER NOT NULL DEFAULT 0,\n"
    "  base_json TEXT,\n"              /* the version both sides changed, when known */
    "  source TEXT NOT NULL,\n"
    "  detected_at TEXT NOT NULL,\n"
    "  resolution TEXT CHECK (resolution IN ('mine', 'theirs', 'fields', 'superseded')),\n"
    "  resolved_at TEXT,\n"
    "  choice_json TEXT\n"             /* per field taken from below: {"column": "theirs", ...} */
    ") STRICT;\n"
    "INSERT INTO conflict_4 (id, tbl, record_uuid, local_json, incoming_json, incoming_updated_at,"
    "  incoming_version, source, detected_at, resolution, resolved_at)"
    "  SELECT id, tbl, record_uuid, local_json, incoming_json, incoming_updated_at,"
    "  max(coalesce(" ISO_MS("incoming_updated_at") ", 0), 0), source, detected_at,"
    /* Of several open conflicts of one record only the newest stays open. */
    "  CASE WHEN resolution IS NULL AND EXISTS (SELECT 1 FROM conflict n WHERE n.resolution IS NULL"
    "    AND n.tbl = c.tbl AND n.record_uuid = c.record_uuid AND (n.incoming_updated_at > c.incoming_updated_at"
    "    OR (n.incoming_updated_at = c.incoming_updated_at AND n.id > c.id))) THEN 'superseded'"
    "    ELSE resolution END, resolved_at FROM conflict c;\n"
    "DROP TABLE conflict;\n"
    "ALTER TABLE conflict_4 RENAME TO conflict;\n"
    "CREATE UNIQUE INDEX conflict_open ON conflict (tbl, record_uuid) WHERE resolution IS NULL;\n";

/* Triggers that give every change of travelling table T the office clock's next
 * value, unless the write raised the version itself (an import, a resolution):
 * an insert without a version, an update that does not raise it (a save, a
 * deletion, an edit with the sqlite3 shell). A version never goes down. */
#define VERSION_TRIGGERS(T)                                                                  \
    "CREATE TRIGGER " T "_version_insert AFTER INSERT ON " T " WHEN NEW.version = 0 BEGIN\n"  \
    "  UPDATE office SET clock = clock + 1 WHERE id = 1;\n"                                  \
    "  UPDATE " T " SET version = coalesce((SELECT clock FROM office WHERE id = 1), 1)\n"     \
    "    WHERE uuid = NEW.uuid;\n"                                                          \
    "END;\n"                                                                                 \
    "CREATE TRIGGER " T "_version_update AFTER UPDATE ON " T                                 \
    " WHEN NEW.version <= OLD.version BEGIN\n"                                               \
    "  UPDATE office SET clock = max(clock, OLD.version) + 1 WHERE id = 1;\n"                \
    "  UPDATE " T " SET version = coalesce((SELECT clock FROM office WHERE id = 1),\n"        \
    "    OLD.version + 1) WHERE uuid = NEW.uuid;\n"                                          \
    "END;\n"

/* Migration 5: the version triggers. Local to this file: packages leave them out
 * (SCHEMA_LOCAL_DROP); they need no rebuilding from the records. */
static const char MIGRATION_5[] =
    VERSION_TRIGGERS("area") VERSION_TRIGGERS("team") VERSION_TRIGGERS("member")
    VERSION_TRIGGERS("membership") VERSION_TRIGGERS("training_session")
    VERSION_TRIGGERS("attendance") VERSION_TRIGGERS("activity");

/* Migration 6: the office's own key pair (Ed25519: it signs the packages the
 * office sends) and the keys it knows of other offices: those below it, pinned
 * the first time a package of theirs was imported, and the office above, to
 * which packages are encrypted. State of this file: never in a package. */
static const char MIGRATION_6[] =
    "CREATE TABLE office_key (\n"
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"
    "  public_key BLOB NOT NULL CHECK (length(public_key) = 32),\n"
    "  secret_key BLOB NOT NULL CHECK (length(secret_key) = 64),\n"
    "  created_at TEXT NOT NULL\n"
    ") STRICT;\n"
    "CREATE TABLE known_key (\n"
    "  scheme TEXT NOT NULL,\n"
    "  code TEXT NOT NULL,\n"
    "  role TEXT NOT NULL CHECK (role = 'below' OR role = 'above' OR role = 'offered'),\n"
    "  public_key BLOB NOT NULL CHECK (length(public_key) = 32),\n"
    "  name TEXT NOT NULL DEFAULT '',\n"
    "  added_at TEXT NOT NULL,\n"
    "  how TEXT NOT NULL,\n" /* first-use, trusted (by an officer), imported (a key file) */
    "  PRIMARY KEY (scheme, code, role)\n"
    ") STRICT, WITHOUT ROWID;\n";

/* The training figures of the teams whose uuids the query TEAMS yields (column
 * team_uuid), recomputed from the records, as they stand once every date in the
 * file has passed: members = live memberships without an end date of live
 * members (a member in the team twice counts twice: the report takes that
 * back through multi_member); mooc = of them, MOOC completed; zalo = of them,
 * following the Zalo OA; attendees = distinct live members who attended a live
 * session while they were members of the team (PSQL_TRAINED_CTE in
 * db/progress-sql.h says the same for any date). Only when WHEN holds. */
#define TEAM_MEMBERS_OF(X, COND)                                                                \
    "(SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid AND m.deleted = 0\n" \
    "  WHERE ms.team_uuid = " X " AND ms.deleted = 0 AND coalesce(ms.date_to, '') = '' AND " COND ")"
#define TEAM_TRAINING_REFRESH(TEAMS, WHEN)                                                        \
    "  INSERT OR REPLACE INTO team_training (team_uuid, members, mooc, zalo, attendees)\n"         \
    "  SELECT x.team_uuid, " TEAM_MEMBERS_OF("x.team_uuid", "1") ",\n"                            \
    "  " TEAM_MEMBERS_OF("x.team_uuid", "m.mooc_status = 'completed'") ",\n"                      \
    "  " TEAM_MEMBERS_OF("x.team_uuid", "coalesce(m.zalo_date, '') <> ''") ",\n"                  \
    "  (SELECT count(DISTINCT a.member_uuid) FROM membership ms\n"                                 \
    "    JOIN attendance a ON a.member_uuid = ms.member_uuid AND a.deleted = 0\n"                  \
    "    JOIN training_session s ON s.uuid = a.session_uuid AND s.deleted = 0\n"                   \
    "    JOIN member m ON m.uuid = a.member_uuid AND m.deleted = 0\n"                              \
    "    WHERE ms.team_uuid = x.team_uuid AND ms.deleted = 0\n"                                    \
    "    AND (ms.date_from IS NULL OR ms.date_from = '' OR ms.date_from <= s.date)\n"              \
    "    AND (ms.date_to IS NULL OR ms.date_to = '' OR ms.date_to > s.date))\n"                    \
    "  FROM (" TEAMS ") x WHERE x.team_uuid IS NOT NULL AND " WHEN ";\n"
/* Keeps the members whom the query MEMBERS yields (column member_uuid) in
 * multi_member while they have two or more memberships, ended or deleted ones
 * too (so that the list holds, for any date, everyone who may then be in two
 * teams). Only when WHEN holds. */
#define MULTI_REFRESH(MEMBERS, WHEN)                                                            \
    "  DELETE FROM multi_member WHERE member_uuid IN (" MEMBERS ") AND " WHEN ";\n"               \
    "  INSERT OR IGNORE INTO multi_member (member_uuid) SELECT member_uuid FROM membership\n"     \
    "    WHERE member_uuid IN (" MEMBERS ") AND " WHEN " GROUP BY member_uuid HAVING count(*) >= 2;\n"
/* Whether a bulk write has paused the triggers (team_training_pause). */
#define RUNNING "(SELECT paused FROM team_training_state) = 0"
#define PAUSED "(SELECT paused FROM team_training_state) = 1"
/* What a trigger does for the teams TEAMS it touched: refreshes their figures,
 * or, paused, notes them for team_training_resume. */
#define TEAMS_CHANGED(TEAMS)                                                                     \
    TEAM_TRAINING_REFRESH(TEAMS, RUNNING)                                                         \
    "  INSERT OR IGNORE INTO team_training_dirty (team_uuid) SELECT x.team_uuid FROM (" TEAMS ") x\n" \
    "    WHERE x.team_uuid IS NOT NULL AND " PAUSED ";\n"
/* The teams of member M (every membership, live or not). */
#define TEAMS_OF_MEMBER(M) "SELECT DISTINCT team_uuid FROM membership WHERE member_uuid = " M
/* Raises the horizon to the dates A and B when they are later. */
#define HORIZON(A, B)                                                                           \
    "  UPDATE team_training_state SET latest = max(latest, coalesce(" A ", ''), coalesce(" B ", ''));\n"

/* The teams of the members who attended session S. */
#define TEAMS_OF_SESSION(S)                                                                     \
    "SELECT DISTINCT ms.team_uuid FROM attendance a JOIN membership ms ON ms.member_uuid = a.member_uuid\n" \
    "  WHERE a.session_uuid = " S

/* Migration 7: the training figures of every team (team_training), kept by the
 * database itself so that a progress report at a province or the national
 * office sums a row a team instead of reading every member, membership and
 * attendance. The figures hold for any date on or after team_training_state's
 * latest, the latest date any record has carried (it never goes down); for an
 * earlier date the report counts from the records. multi_member lists the
 * members with several memberships, whom a sum over teams may count twice (the
 * report takes that back, for the kept figures and for any date).
 * A bulk write may pause the triggers inside its transaction: they then only
 * note the teams touched (team_training_dirty), refreshed when it resumes.
 * Local to this file, kept by triggers, left out of packages (SCHEMA_LOCAL_DROP). */
#define MIGRATION_7_CREATE                                                                                                \
    "CREATE TABLE team_training (\n"                                                                                      \
    "  team_uuid TEXT PRIMARY KEY,\n"                                                                                     \
    "  members INTEGER NOT NULL,\n"                                                                                       \
    "  mooc INTEGER NOT NULL,\n"                                                                                          \
    "  zalo INTEGER NOT NULL,\n"                                                                                          \
    "  attendees INTEGER NOT NULL\n"                                                                                      \
    ") STRICT, WITHOUT ROWID;\n"                                                                                          \
    "CREATE TABLE multi_member (member_uuid TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;\n"                                   \
    "CREATE TABLE team_training_dirty (team_uuid TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;\n"                              \
    "CREATE TABLE team_training_state (\n"                                                                                \
    "  id INTEGER PRIMARY KEY CHECK (id = 1),\n"                                                                          \
    "  latest TEXT NOT NULL,\n"                                                                                           \
    "  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1))\n"                                                      \
    ") STRICT;\n"                                                                                                         \
    "CREATE TRIGGER team_training_team_insert AFTER INSERT ON team BEGIN\n"                                               \
    HORIZON("NEW.decision_date", "NULL") TEAMS_CHANGED("SELECT NEW.uuid AS team_uuid") "END;\n"                           \
    "CREATE TRIGGER team_training_team_update AFTER UPDATE OF decision_date ON team BEGIN\n"                              \
    HORIZON("NEW.decision_date", "NULL") "END;\n"                                                                         \
    "CREATE TRIGGER team_training_team_delete AFTER DELETE ON team BEGIN\n"                                               \
    "  DELETE FROM team_training WHERE team_uuid = OLD.uuid;\nEND;\n"                                                     \
    "CREATE TRIGGER team_training_membership_insert AFTER INSERT ON membership BEGIN\n"                                   \
    HORIZON("NEW.date_from", "NEW.date_to") MULTI_REFRESH("SELECT NEW.member_uuid", RUNNING)                              \
    TEAMS_CHANGED("SELECT NEW.team_uuid AS team_uuid") "END;\n"                                                           \
    "CREATE TRIGGER team_training_membership_delete AFTER DELETE ON membership BEGIN\n"                                   \
    MULTI_REFRESH("SELECT OLD.member_uuid", RUNNING) TEAMS_CHANGED("SELECT OLD.team_uuid AS team_uuid") "END;\n"          \
    "CREATE TRIGGER team_training_membership_update AFTER UPDATE OF team_uuid, member_uuid, deleted, date_from,\n"        \
    "  date_to ON membership BEGIN\n"                                                                                     \
    HORIZON("NEW.date_from", "NEW.date_to") MULTI_REFRESH("SELECT OLD.member_uuid UNION SELECT NEW.member_uuid", RUNNING) \
    TEAMS_CHANGED("SELECT OLD.team_uuid AS team_uuid UNION SELECT NEW.team_uuid") "END;\n"                                \
    "CREATE TRIGGER team_training_member_insert AFTER INSERT ON member BEGIN\n"                                           \
    HORIZON("NEW.mooc_date", "NEW.zalo_date") TEAMS_CHANGED(TEAMS_OF_MEMBER("NEW.uuid")) "END;\n"                         \
    "CREATE TRIGGER team_training_member_delete AFTER DELETE ON member BEGIN\n"                                           \
    TEAMS_CHANGED(TEAMS_OF_MEMBER("OLD.uuid")) "END;\n"                                                                   \
    "CREATE TRIGGER team_training_member_update AFTER UPDATE OF uuid, deleted, mooc_status, mooc_date, zalo_date\n"       \
    "  ON member BEGIN\n"                                                                                                 \
    HORIZON("NEW.mooc_date", "NEW.zalo_date")                                                                             \
    TEAMS_CHANGED(TEAMS_OF_MEMBER("OLD.uuid") " UNION " TEAMS_OF_MEMBER("NEW.uuid")) "END;\n"                             \
    "CREATE TRIGGER team_training_attendance_insert AFTER INSERT ON attendance BEGIN\n"                                   \
    TEAMS_CHANGED(TEAMS_OF_MEMBER("NEW.member_uuid")) "END;\n"                                                            \
    "CREATE TRIGGER team_training_attendance_delete AFTER DELETE ON attendance BEGIN\n"                                   \
    TEAMS_CHANGED(TEAMS_OF_MEMBER("OLD.member_uuid")) "END;\n"                                                            \
    "CREATE TRIGGER team_training_attendance_update AFTER UPDATE OF session_uuid, member_uuid, deleted\n"                 \
    "  ON attendance BEGIN\n"                                                                                             \
    TEAMS_CHANGED(TEAMS_OF_MEMBER("OLD.member_uuid") " UNION " TEAMS_OF_MEMBER("NEW.member_uuid")) "END;\n"               \
    "CREATE TRIGGER team_training_session_insert AFTER INSERT ON training_session BEGIN\n"                                \
    HORIZON("NEW.date", "NULL") TEAMS_CHANGED(TEAMS_OF_SESSION("NEW.uuid")) "END;\n"                                      \
    "CREATE TRIGGER team_training_session_delete AFTER DELETE ON training_session BEGIN\n"                                \
    TEAMS_CHANGED(TEAMS_OF_SESSION("OLD.uuid")) "END;\n"                                                                  \
    "CREATE TRIGGER team_training_session_update AFTER UPDATE OF uuid, date, deleted ON training_session BEGIN\n"         \
    HORIZON("NEW.date", "NULL")                                                                                           \
    TEAMS_CHANGED(TEAMS_OF_SESSION("OLD.uuid") " UNION " TEAMS_OF_SESSION("NEW.uuid")) "END;\n"
/* Built once from the records; team_training with the same figures as
 * TEAM_TRAINING_REFRESH, for every team at once: one pass over the
 * memberships, one over the attendance (sessions and deleted members looked up
 * in small tables made first), instead of four lookups per team. */
#define MIGRATION_7_FILL                                                                                             \
    "INSERT INTO team_training_state (id, latest) SELECT 1, max(coalesce(max(d), ''), '') FROM (\n"                  \
    "  SELECT max(decision_date) AS d FROM team UNION ALL SELECT max(date_from) FROM membership\n"                   \
    "  UNION ALL SELECT max(date_to) FROM membership UNION ALL SELECT max(mooc_date) FROM member\n"                  \
    "  UNION ALL SELECT max(zalo_date) FROM member UNION ALL SELECT max(date) FROM training_session);\n"             \
    "INSERT INTO multi_member (member_uuid) SELECT member_uuid FROM membership\n"                                    \
    "  GROUP BY member_uuid HAVING count(*) >= 2;\n"                                                                 \
    "INSERT INTO team_training (team_uuid, members, mooc, zalo, attendees)\n"                                        \
    "  SELECT t.uuid, coalesce(n.n, 0), coalesce(n.mooc, 0), coalesce(n.zalo, 0), coalesce(a.n, 0) FROM team t\n"    \
    "  LEFT JOIN (SELECT ms.team_uuid AS tu, count(*) AS n, sum(m.mooc_status = 'completed') AS mooc,\n"             \
    "    sum(coalesce(m.zalo_date, '') <> '') AS zalo FROM membership ms JOIN member m ON m.uuid = ms.member_uuid\n" \
    "    AND m.deleted = 0 WHERE ms.deleted = 0 AND coalesce(ms.date_to, '') = '' GROUP BY ms.team_uuid) n\n"        \
    "    ON n.tu = t.uuid\n"                                                                                         \
    "  LEFT JOIN (WITH s AS MATERIALIZED (SELECT uuid, date FROM training_session WHERE deleted = 0),\n"             \
    "      gone AS MATERIALIZED (SELECT uuid FROM member WHERE deleted = 1)\n"                                       \
    "    SELECT ms.team_uuid AS tu, count(DISTINCT a.member_uuid) AS n FROM attendance a\n"                          \
    "    CROSS JOIN s ON s.uuid = a.session_uuid CROSS JOIN membership ms ON ms.member_uuid = a.member_uuid\n"       \
    "    AND ms.deleted = 0 AND (ms.date_from IS NULL OR ms.date_from = '' OR ms.date_from <= s.date)\n"             \
    "    AND (ms.date_to IS NULL OR ms.date_to = '' OR ms.date_to > s.date)\n"                                       \
    "    WHERE a.deleted = 0 AND a.member_uuid IN (SELECT uuid FROM member) AND a.member_uuid NOT IN gone\n"         \
    "    GROUP BY ms.team_uuid) a ON a.tu = t.uuid;\n"
static const char MIGRATION_7[] = MIGRATION_7_CREATE MIGRATION_7_FILL;

/* The teams and members a paused bulk write touched (team_training_dirty), their figures
 * refreshed, the notes cleared and the triggers running again. */
const char SCHEMA_TEAM_TRAINING_RESUME[] =
#define DIRTY_MEMBERS                                                                            \
    "SELECT member_uuid FROM membership WHERE team_uuid IN (SELECT team_uuid FROM team_training_dirty)"
    MULTI_REFRESH(DIRTY_MEMBERS, "1")
    TEAM_TRAINING_REFRESH("SELECT team_uuid FROM team_training_dirty", "1")
    "DELETE FROM team_training_dirty; UPDATE team_training_state SET paused = 0;";

/* Triggers that keep list_name right for list T: one row per sort key and
 * folded name in use (n: how many records, deleted ones too, have them). */
#define NAME_ADD(T, REC)                                                                      \
    "  INSERT INTO list_name (tbl, sort_key, name_fold, n)\n"                                 \
    "  VALUES ('" T "', " REC ".sort_key, " REC ".name_fold, 1) ON CONFLICT DO UPDATE SET n = n + 1;\n"
#define NAME_SUB(T, REC)                                                                      \
    "  UPDATE list_name SET n = n - 1\n"                                                       \
    "    WHERE tbl = '" T "' AND sort_key = " REC ".sort_key AND name_fold = " REC ".name_fold;\n" \
    "  DELETE FROM list_name\n"                                                                \
    "    WHERE tbl = '" T "' AND sort_key = " REC ".sort_key AND name_fold = " REC ".name_fold AND n <= 0;\n"
#define NAME_TRIGGERS(T)                                                                      \
    "CREATE TRIGGER " T "_names_insert AFTER INSERT ON " T " BEGIN\n" NAME_ADD(T, "NEW") "END;\n" \
    "CREATE TRIGGER " T "_names_delete AFTER DELETE ON " T " BEGIN\n" NAME_SUB(T, "OLD") "END;\n" \
    "CREATE TRIGGER " T "_names_update AFTER UPDATE OF sort_key, name_fold ON " T "\n"           \
    "  WHEN OLD.sort_key IS NOT NEW.sort_key OR OLD.name_fold IS NOT NEW.name_fold BEGIN\n"    \
    NAME_SUB(T, "OLD") NAME_ADD(T, "NEW") "END;\n"
/* list_name's rows for list T counted from the records. */
#define NAME_FILL(T)                                                                          \
    "INSERT INTO list_name (tbl, sort_key, name_fold, n)\n"                                    \
    "  SELECT '" T "', sort_key, name_fold, count(*) FROM " T " GROUP BY sort_key, name_fold;\n"

/* Migration 8: the names of each list (areas, teams, members) in list order,
 * each once, so that a search walks the few distinct names instead of every
 * record, and reads only the records of the names that hold its words
 * (db/records-search.c). It replaces migration 3's word index, whose rows
 * (a word, a uuid and the name for every word of every member) made up a
 * seventh of the file. Local to this file (SCHEMA_LOCAL_DROP). */
#define MIGRATION_8_CREATE                                                                          \
    "DROP TRIGGER IF EXISTS member_words_insert; DROP TRIGGER IF EXISTS member_words_delete;\n"     \
    "DROP TRIGGER IF EXISTS member_words_update; DROP TABLE IF EXISTS member_word;\n"               \
    "DROP TABLE IF EXISTS name_word;\n"                                                             \
    "CREATE TABLE list_name (\n"                                                                    \
    "  tbl TEXT NOT NULL CHECK (tbl = 'area' OR tbl = 'team' OR tbl = 'member'),\n"                 \
    "  sort_key TEXT NOT NULL,\n"                                                                   \
    "  name_fold TEXT NOT NULL,\n"                                                                  \
    "  n INTEGER NOT NULL,\n"                                                                       \
    "  PRIMARY KEY (tbl, sort_key, name_fold)\n"                                                    \
    ") STRICT, WITHOUT ROWID;\n"                                                                    \
    NAME_TRIGGERS("area") NAME_TRIGGERS("team") NAME_TRIGGERS("member")
#define MIGRATION_8_FILL NAME_FILL("area") NAME_FILL("team") NAME_FILL("member")
static const char MIGRATION_8[] = MIGRATION_8_CREATE MIGRATION_8_FILL;

enum migration_kind { TRAVELS, DERIVED, STATE };

/* replaced: a derived migration whose objects a later one drops again, which
 * a rebuild from the records (schema_local_build) therefore skips.
 * create, fills: a derived migration that fills tables from the records,
 * split in two: create is its SQL up to the filling (tables, triggers), which
 * fills the tables fills names (NULL-terminated, in that order) and is all
 * the rest of sql; schema_local_build lets a caller fill them instead. */
static const struct {
    const char *sql;
    enum migration_kind kind;
    int replaced;
    const char *create;
    const char *const *fills;
} MIGRATIONS[] = {
    {MIGRATION_1, TRAVELS, 0, NULL, NULL},
    {MIGRATION_2, DERIVED, 0, MIGRATION_2_CREATE, (const char *const[]){"live_tally", NULL}},
    {MIGRATION_3, DERIVED, 1, NULL, NULL}, /* by migration 8 */
    {MIGRATION_4, TRAVELS, 0, NULL, NULL},
    {MIGRATION_5, DERIVED, 0, NULL, NULL}, /* triggers only: nothing to fill */
    {MIGRATION_6, STATE, 0, NULL, NULL},
    {MIGRATION_7, DERIVED, 0, MIGRATION_7_CREATE,
     (const char *const[]){"team_training_state", "multi_member", "team_training", NULL}},
    {MIGRATION_8, DERIVED, 0, MIGRATION_8_CREATE, (const char *const[]){"list_name", NULL}},
};
#define N_MIGRATIONS ((int)(sizeof MIGRATIONS / sizeof MIGRATIONS[0]))
/* CDTT_SCHEMA_VERSION stays a constant (arrays are sized by it), and it is
 * the length of the list. */
_Static_assert(N_MIGRATIONS == CDTT_SCHEMA_VERSION, "CDTT_SCHEMA_VERSION (db.h) must be the number of MIGRATIONS");

const char SCHEMA_LOCAL_DROP[] =
    "DROP TRIGGER IF EXISTS area_tally_insert; DROP TRIGGER IF EXISTS area_tally_delete;"
    "DROP TRIGGER IF EXISTS area_tally_update; DROP TRIGGER IF EXISTS team_tally_insert;"
    "DROP TRIGGER IF EXISTS team_tally_delete; DROP TRIGGER IF EXISTS team_tally_update;"
    "DROP TRIGGER IF EXISTS member_tally_insert; DROP TRIGGER IF EXISTS member_tally_delete;"
    "DROP TRIGGER IF EXISTS member_tally_update; DROP TABLE IF EXISTS live_tally;"
    "DROP TRIGGER IF EXISTS member_words_insert; DROP TRIGGER IF EXISTS member_words_delete;"
    "DROP TRIGGER IF EXISTS member_words_update; DROP TABLE IF EXISTS member_word;"
    "DROP TABLE IF EXISTS name_word;"
#define DROP_NAME_TRIGGERS(T) \
    "DROP TRIGGER IF EXISTS " T "_names_insert; DROP TRIGGER IF EXISTS " T "_names_delete;" \
    "DROP TRIGGER IF EXISTS " T "_names_update;"
    DROP_NAME_TRIGGERS("area") DROP_NAME_TRIGGERS("team") DROP_NAME_TRIGGERS("member")
    "DROP TABLE IF EXISTS list_name;"
#define DROP_VERSION_TRIGGERS(T) \
    "DROP TRIGGER IF EXISTS " T "_version_insert; DROP TRIGGER IF EXISTS " T "_version_update;"
    DROP_VERSION_TRIGGERS("area") DROP_VERSION_TRIGGERS("team") DROP_VERSION_TRIGGERS("member")
    DROP_VERSION_TRIGGERS("membership") DROP_VERSION_TRIGGERS("training_session")
    DROP_VERSION_TRIGGERS("attendance") DROP_VERSION_TRIGGERS("activity")
#define DROP_TEAM_TRAINING_TRIGGERS(T)                                                     \
    "DROP TRIGGER IF EXISTS team_training_" T "_insert; DROP TRIGGER IF EXISTS team_training_" T "_delete;" \
    "DROP TRIGGER IF EXISTS team_training_" T "_update;"
    DROP_TEAM_TRAINING_TRIGGERS("team") DROP_TEAM_TRAINING_TRIGGERS("membership") DROP_TEAM_TRAINING_TRIGGERS("member")
    DROP_TEAM_TRAINING_TRIGGERS("attendance") DROP_TEAM_TRAINING_TRIGGERS("session")
    "DROP TABLE IF EXISTS team_training; DROP TABLE IF EXISTS multi_member; DROP TABLE IF EXISTS team_training_dirty;"
    "DROP TABLE IF EXISTS team_training_state;";

const char SCHEMA_STATE_DROP[] = "DROP TABLE IF EXISTS office_key; DROP TABLE IF EXISTS known_key;";

int schema_package_version(void)
{
    int v = 0;
    for (int i = 0; i < N_MIGRATIONS; i++)
        if (MIGRATIONS[i].kind == TRAVELS)
            v = i + 1;
    return v;
}

const char *schema_migration(int version)
{
    if (version < 1 || version > N_MIGRATIONS)
        return NULL;
    return MIGRATIONS[version - 1].sql;
}

int schema_migration_travels(int version)
{
    return version >= 1 && version <= N_MIGRATIONS && MIGRATIONS[version - 1].kind == TRAVELS;
}

int schema_migration_derived(int version)
{
    return version >= 1 && version <= N_MIGRATIONS && MIGRATIONS[version - 1].kind == DERIVED;
}

int schema_latest(void)
{
    return N_MIGRATIONS;
}

const char *const SCHEMA_TRAVEL_TABLES[] = {
    "area", "team", "member", "membership", "training_session", "attendance", "activity", NULL,
};

/* 1 when name is in the NULL-terminated list. */
static int listed(const char *const *list, const char *name)
{
    for (; list && *list; list++)
        if (strcmp(*list, name) == 0)
            return 1;
    return 0;
}

/* 1 when migration v is split into creating and filling and own fills every
 * table it fills. */
static int filled_by(const schema_filler *own, int v)
{
    const char *const *fills = MIGRATIONS[v - 1].fills;
    if (!own || !fills)
        return 0;
    for (; *fills; fills++)
        if (!listed(own->tables, *fills))
            return 0;
    return 1;
}

int schema_local_build(sqlite3 *db, const schema_filler *own, cdtt_err *e)
{
    for (int v = 1; v <= schema_latest(); v++) {
        if (!schema_migration_derived(v) || MIGRATIONS[v - 1].replaced)
            continue;
        if (!filled_by(own, v)) {
            if (db_exec(db, schema_migration(v), e) < 0)
                return -1;
            continue;
        }
        if (db_exec(db, MIGRATIONS[v - 1].create, e) < 0)
            return -1;
        for (const char *const *t = MIGRATIONS[v - 1].fills; *t; t++)
            if (own->fill(db, *t, own->arg, e) < 0)
                return -1;
    }
    return 0;
}
