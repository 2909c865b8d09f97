/* test_demo_derived.c — the derived tables a demo's bulk load fills itself,
 * from what it gathered as it wrote the rows (live_tally; team_training with
 * multi_member, team_training_state and team_training_dirty; list_name), hold
 * row for row what their migrations' own SQL builds from the same records, in
 * a new file, a file with the unit lists and a national office, a file without
 * them and a commune's file, for several seeds and sizes; their triggers are
 * in place and keep them right afterwards; and schema_local_build fills by the
 * caller only the migrations whose every filled table the caller names. */
#include "testutil.h"
#include "demo.h"
#include "schema.h"
#include "units.h"
#include "demo-internal.h"

/* Every table a derived migration fills or keeps that the demo fills itself. */
static const char *const DERIVED[] = {
    "live_tally", "team_training", "multi_member", "team_training_state", "team_training_dirty", "list_name", NULL,
};

static long long count(sqlite3 *db, const char *sql)
{
    long long n = db_scalar_int(db, sql, -1);
    assert_true(n >= 0);
    return n;
}

/* The rows of main.table that ref.table lacks and those of ref.table that main.table lacks. */
static long long differ(sqlite3 *db, const char *table)
{
    /* Table names are this file's constants, never data. */
    char sql[400];
    snprintf(sql, sizeof sql,
             "SELECT (SELECT count(*) FROM (SELECT * FROM main.%s EXCEPT SELECT * FROM ref.%s))"
             " + (SELECT count(*) FROM (SELECT * FROM ref.%s EXCEPT SELECT * FROM main.%s))",
             table, table, table, table);
    return count(db, sql);
}

/* Copies db's file to dir/ref.db, builds its derived tables again there by the
 * migrations' own SQL alone (SCHEMA_LOCAL_DROP, then schema_local_build with
 * no filler) and attaches the copy to db as ref. */
static void attach_rebuilt(sqlite3 *db)
{
    char path[600];
    snprintf(path, sizeof path, "%s/ref.db", dir);
    unlink(path);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3 *ref;
    assert_int_equal(sqlite3_open(path, &ref), SQLITE_OK);
    assert_int_equal(sqlite3_exec(ref, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(ref, SCHEMA_LOCAL_DROP, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count(ref, "SELECT count(*) FROM sqlite_schema WHERE name = 'team_training'"), 0);
    cdtt_err e = {{0}};
    if (schema_local_build(ref, NULL, &e) < 0)
        fail_msg("schema_local_build: %s", e.msg);
    assert_int_equal(sqlite3_exec(ref, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(ref);
    assert_int_equal(sqlite3_prepare_v2(db, "ATTACH ?1 AS ref", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
}

/* The number of rows in which db's derived tables and the ones the migrations
 * build from its records differ, summed over the tables, after checking that
 * both sides have the same schema objects (tables, triggers, indexes) and
 * that the tables the demo fills are not empty. */
static long long derived_differences(sqlite3 *db)
{
    attach_rebuilt(db);
    assert_int_equal(count(db, "SELECT count(*) FROM (SELECT type, name, sql FROM main.sqlite_schema EXCEPT "
                               "SELECT type, name, sql FROM ref.sqlite_schema)"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM (SELECT type, name, sql FROM ref.sqlite_schema EXCEPT "
                               "SELECT type, name, sql FROM main.sqlite_schema)"), 0);
    assert_true(count(db, "SELECT count(*) FROM main.sqlite_schema WHERE type = 'trigger' AND "
                          "(name LIKE 'team_training_%' OR name LIKE '%_tally_%' OR name LIKE '%_names_%')") >= 24);
    long long diff = 0;
    for (int i = 0; DERIVED[i]; i++)
        diff += differ(db, DERIVED[i]);
    static const char *const FILLED[] = {
        "SELECT count(*) FROM ref.live_tally WHERE tbl = 'member'",
        "SELECT count(*) FROM ref.team_training",
        "SELECT count(*) FROM ref.team_training_state WHERE latest > '2022'",
        "SELECT count(*) FROM ref.list_name WHERE tbl = 'member'",
    };
    for (size_t i = 0; i < sizeof FILLED / sizeof FILLED[0]; i++)
        assert_true(count(db, FILLED[i]) > 0);
    assert_int_equal(sqlite3_exec(db, "DETACH ref", NULL, NULL, NULL), SQLITE_OK);
    return diff;
}

/* Generates members with seed into the new file dir/file and opens it. */
static sqlite3 *new_file(const char *file, long members, uint64_t seed)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    demo_opts o = {.members = members, .seed = seed};
    cdtt_err e = {{0}};
    if (demo_generate_new_file(path, &o, NULL, &e) < 0)
        fail_msg("demo_generate_new_file: %s", e.msg);
    sqlite3 *db = db_open(path, 0, &e);
    assert_non_null(db);
    return db;
}

/* demo_generate with o into db (a file without records); fails the test on error. */
static void in_place(sqlite3 *db, demo_opts o)
{
    cdtt_err e = {{0}};
    if (demo_generate(db, &o, NULL, &e) < 0)
        fail_msg("demo_generate: %s", e.msg);
}

/* demo_generate with o into db (a file without records), whose derived
 * tables are then what the migrations build; closes db. */
static void as_built(sqlite3 *db, demo_opts o)
{
    in_place(db, o);
    assert_int_equal(derived_differences(db), 0);
    db_close(db);
}

/* A file with the built-in unit lists of scheme and a national office, as cdtt init --national makes it. */
static sqlite3 *national_file(const char *file, const char *scheme)
{
    sqlite3 *db = tu_open_db(dir, file);
    cdtt_err e = {{0}};
    if (units_ensure(db, scheme, &e) < 0)
        fail_msg("units_ensure: %s", e.msg);
    office_rec o;
    memset(&o, 0, sizeof o);
    snprintf(o.scheme, sizeof o.scheme, "%s", scheme);
    snprintf(o.code, sizeof o.code, "00");
    snprintf(o.level, sizeof o.level, "national");
    snprintf(o.name, sizeof o.name, "Toàn quốc");
    if (office_set(db, &o, &e) < 0)
        fail_msg("office_set: %s", e.msg);
    return db;
}

static void new_files_hold_what_the_migrations_build(void **state)
{
    (void)state;
    static const struct {
        long members;
        uint64_t seed;
    } RUNS[] = {{1, 1}, {2, 5}, {300, 1}, {300, 2}, {4000, 7}};
    for (size_t i = 0; i < sizeof RUNS / sizeof RUNS[0]; i++) {
        char file[32];
        snprintf(file, sizeof file, "new%zu.db", i);
        sqlite3 *db = new_file(file, RUNS[i].members, RUNS[i].seed);
        assert_int_equal(count(db, "SELECT count(*) FROM member"), RUNS[i].members);
        if (RUNS[i].members >= 300) /* attendance counted, and not for every team */
            assert_true(count(db, "SELECT count(*) FROM team_training WHERE attendees > 0") > 0 &&
                        count(db, "SELECT count(*) FROM team_training WHERE attendees < members") > 0);
        assert_int_equal(derived_differences(db), 0);
        db_close(db);
    }
}

static void files_with_unit_lists_hold_what_the_migrations_build(void **state)
{
    (void)state;
    /* cdtt init --national, then demo: communes spread over the whole list, or one province's. */
    as_built(national_file("nat.db", "2025-07"), (demo_opts){.members = 3000, .seed = 1});
    as_built(national_file("prov.db", "2025-07"), (demo_opts){.members = 2500, .seed = 3, .province = "79"});
    as_built(national_file("old.db", "pre-2025"), (demo_opts){.members = 1500, .seed = 9, .scheme = "pre-2025"});
    /* A file without unit lists (made-up communes) and a commune's own file (one commune,
     * four sessions, over a hundred teams). */
    as_built(tu_open_db(dir, "empty.db"), (demo_opts){.members = 777, .seed = 4});
    sqlite3 *db = tu_commune_db(dir, "commune.db");
    in_place(db, (demo_opts){.members = 600, .seed = 6});
    assert_int_equal(count(db, "SELECT count(DISTINCT unit_code) FROM member"), 1);
    assert_int_equal(derived_differences(db), 0);
    db_close(db);
}

/* The comparison sees a figure off by one in any of the filled tables. */
static void a_wrong_figure_is_seen(void **state)
{
    (void)state;
    sqlite3 *db = new_file("wrong.db", 500, 2);
    assert_int_equal(derived_differences(db), 0);
    /* Each change, then what puts the table back. */
    static const char *const WRONG[][2] = {
        {"UPDATE live_tally SET n = n + 1 WHERE (tbl, unit_scheme, unit_code) = "
         "(SELECT tbl, unit_scheme, unit_code FROM live_tally ORDER BY n DESC LIMIT 1)",
         "UPDATE live_tally SET n = n - 1 WHERE (tbl, unit_scheme, unit_code) = "
         "(SELECT tbl, unit_scheme, unit_code FROM live_tally ORDER BY n DESC LIMIT 1)"},
        {"UPDATE team_training SET attendees = attendees + 1 WHERE team_uuid = (SELECT max(uuid) FROM team)",
         "UPDATE team_training SET attendees = attendees - 1 WHERE team_uuid = (SELECT max(uuid) FROM team)"},
        {"UPDATE team_training SET zalo = zalo + 1 WHERE team_uuid = (SELECT min(uuid) FROM team)",
         "UPDATE team_training SET zalo = zalo - 1 WHERE team_uuid = (SELECT min(uuid) FROM team)"},
        {"DELETE FROM team_training WHERE team_uuid = (SELECT min(uuid) FROM team)",
         "INSERT INTO team_training SELECT * FROM ref.team_training WHERE team_uuid = (SELECT min(uuid) FROM team)"},
        {"INSERT INTO multi_member (member_uuid) SELECT min(uuid) FROM member", "DELETE FROM multi_member"},
        {"UPDATE team_training_state SET latest = '2099-01-01'",
         "UPDATE team_training_state SET latest = (SELECT latest FROM ref.team_training_state)"},
        {"UPDATE list_name SET n = n + 1 WHERE (tbl, sort_key, name_fold) = "
         "(SELECT tbl, sort_key, name_fold FROM list_name ORDER BY n DESC LIMIT 1)",
         "UPDATE list_name SET n = n - 1 WHERE (tbl, sort_key, name_fold) = "
         "(SELECT tbl, sort_key, name_fold FROM list_name ORDER BY n DESC LIMIT 1)"},
    };
    char ref[600];
    snprintf(ref, sizeof ref, "%s/ref.db", dir);
    for (size_t i = 0; i < sizeof WRONG / sizeof WRONG[0]; i++) {
        if (sqlite3_exec(db, WRONG[i][0], NULL, NULL, NULL) != SQLITE_OK)
            fail_msg("%s: %s", WRONG[i][0], sqlite3_errmsg(db));
        assert_int_equal(sqlite3_changes(db), 1);
        assert_true(derived_differences(db) > 0);
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, "ATTACH ?1 AS ref", -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_finalize(st);
        assert_int_equal(sqlite3_exec(db, WRONG[i][1], NULL, NULL, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_exec(db, "DETACH ref", NULL, NULL, NULL), SQLITE_OK);
    }
    assert_int_equal(derived_differences(db), 0);
    db_close(db);
}

/* After the load the triggers keep the figures: changes made then (a member
 * gone, a membership ended, an attendance removed, a team renamed, a new
 * second membership) leave the tables as the migrations would build them. */
static void triggers_keep_them_afterwards(void **state)
{
    (void)state;
    sqlite3 *db = national_file("after.db", "2025-07");
    in_place(db, (demo_opts){.members = 2000, .seed = 5});
    static const char CHANGES[] =
        /* A member of a team that others share, a commune that has others. */
        "UPDATE member SET deleted = 1 WHERE uuid = (SELECT member_uuid FROM membership WHERE role = 'member' "
        "  ORDER BY uuid LIMIT 1);"
        "UPDATE membership SET date_to = '2024-06-30' WHERE uuid = (SELECT uuid FROM membership WHERE role = 'member' "
        "  ORDER BY uuid LIMIT 1 OFFSET 7);"
        "UPDATE attendance SET deleted = 1 WHERE uuid = (SELECT min(uuid) FROM attendance);"
        "UPDATE team SET name = 'Tổ khác', name_fold = 'to khac', sort_key = 'to khac' "
        "  WHERE uuid = (SELECT max(uuid) FROM team);"
        "INSERT INTO membership (uuid, team_uuid, member_uuid, role, date_from, created_at, updated_at, changed_by) "
        "  SELECT 'ffffffff-0000-4000-8000-000000000001', (SELECT max(uuid) FROM team), max(uuid), 'member', "
        "  '2024-01-01', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-07:00' FROM member;";
    assert_int_equal(sqlite3_exec(db, CHANGES, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(count(db, "SELECT count(*) FROM multi_member"), 1);
    assert_int_equal(derived_differences(db), 0);
    db_close(db);
}

/* The tables a filler's fill was called for, in order, space-separated. */
static char called[200];

static int note_fill(sqlite3 *db, const char *table, void *arg, cdtt_err *e)
{
    (void)db, (void)arg, (void)e;
    snprintf(called + strlen(called), sizeof called - strlen(called), "%s ", table);
    return 0;
}

static int refuse_fill(sqlite3 *db, const char *table, void *arg, cdtt_err *e)
{
    (void)db, (void)table, (void)arg;
    return err_set(e, "refused");
}

/* schema_local_build with a filler: a migration whose every filled table the
 * filler names gets its tables and triggers made and left to the filler (empty
 * here); a migration of which it names only some tables, and the others, run
 * their own SQL whole. A failing fill fails the build. */
static void a_filler_fills_only_whole_migrations(void **state)
{
    (void)state;
    sqlite3 *db = new_file("filler.db", 400, 8);
    char *sql_before = NULL;
    {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(type || name || sql) FROM (SELECT * FROM "
                                                "sqlite_schema ORDER BY name)", -1, &st, NULL), SQLITE_OK);
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        sql_before = xstrdup((const char *)sqlite3_column_text(st, 0));
        sqlite3_finalize(st);
    }
    long long teams = count(db, "SELECT count(*) FROM team_training");
    static const char *const NAMED[] = {"list_name", "team_training", "live_tally", NULL};
    schema_filler own = {NAMED, note_fill, NULL};
    cdtt_err e = {{0}};
    assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, SCHEMA_LOCAL_DROP, NULL, NULL, NULL), SQLITE_OK);
    called[0] = '\0';
    assert_int_equal(schema_local_build(db, &own, &e), 0);
    assert_string_equal(called, "live_tally list_name ");
    assert_int_equal(count(db, "SELECT count(*) FROM live_tally") + count(db, "SELECT count(*) FROM list_name"), 0);
    assert_int_equal(count(db, "SELECT count(*) FROM team_training"), teams); /* migration 7 ran whole */
    assert_int_equal(count(db, "SELECT count(*) FROM team_training_state"), 1);
    assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(type || name || sql) FROM (SELECT * FROM "
                                            "sqlite_schema ORDER BY name)", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), sql_before); /* the same tables and triggers */
    sqlite3_finalize(st);
    free(sql_before);
    /* A fill that fails fails the build. */
    assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, SCHEMA_LOCAL_DROP, NULL, NULL, NULL), SQLITE_OK);
    own.fill = refuse_fill;
    assert_int_equal(schema_local_build(db, &own, &e), -1);
    assert_string_equal(e.msg, "refused");
    assert_int_equal(sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_files_hold_what_the_migrations_build),
        cmocka_unit_test(files_with_unit_lists_hold_what_the_migrations_build),
        cmocka_unit_test(a_wrong_figure_is_seen),
        cmocka_unit_test(triggers_keep_them_afterwards),
        cmocka_unit_test(a_filler_fills_only_whole_migrations),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
