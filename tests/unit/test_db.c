/* test_db.c — opening, creating, migrating and refusing database files. */
#include "testutil.h"
#include "schema.h"

#include <sys/stat.h>

static void creates_private_file_at_latest_schema(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/sub/folder/new.db", dir);
    cdtt_err e;
    sqlite3 *db = db_open(path, DB_CREATE, &e);
    assert_non_null(db);
    assert_int_equal(db_user_version(db), CDTT_SCHEMA_VERSION);
    assert_int_equal(db_scalar_int(db, "PRAGMA application_id", 0), CDTT_APPLICATION_ID);
    assert_int_equal(db_scalar_int(db, "PRAGMA foreign_keys", 0), 1);
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'member'", 0), 1);
    db_close(db);
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
}

static void reopening_changes_nothing(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "again.db");
    db_close(db);
    db = tu_open_db(dir, "again.db");
    assert_int_equal(db_user_version(db), CDTT_SCHEMA_VERSION);
    db_close(db);
}

static void refuses_newer_version(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "newer.db");
    assert_int_equal(db_exec(db, "PRAGMA user_version = 999", NULL), 0);
    db_close(db);
    char path[600];
    snprintf(path, sizeof path, "%s/newer.db", dir);
    cdtt_err e;
    assert_null(db_open(path, 0, &e));
    assert_non_null(strstr(e.msg, "newer version"));
}

static void refuses_foreign_sqlite_file(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/foreign.db", dir);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE t (x)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    cdtt_err e;
    assert_null(db_open(path, 0, &e));
    assert_non_null(strstr(e.msg, "not a cdtt database"));
}

static void refuses_garbage_file(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/garbage.db", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    for (int i = 0; i < 400; i++)
        fputs("this is not a database at all ", f);
    fclose(f);
    cdtt_err e;
    assert_null(db_open(path, 0, &e));
    assert_true(strlen(e.msg) > 0);
}

static void missing_file_without_create_is_an_error(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/absent.db", dir);
    cdtt_err e;
    assert_null(db_open(path, 0, &e));
    assert_non_null(strstr(e.msg, "does not exist"));
    assert_int_equal(access(path, F_OK), -1);
}

static void every_migration_exists_and_failing_migration_rolls_back(void **state)
{
    (void)state;
    for (int v = 1; v <= schema_latest(); v++)
        assert_non_null(schema_migration(v));
    assert_null(schema_migration(schema_latest() + 1));
    assert_int_equal(schema_latest(), CDTT_SCHEMA_VERSION);
    /* A file where a table of migration 1 already exists: the migration fails, nothing is left. */
    char path[600];
    snprintf(path, sizeof path, "%s/half.db", dir);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE audit (x)", NULL, NULL, NULL), SQLITE_OK);
    cdtt_err e;
    assert_int_equal(db_migrate(raw, &e), -1);
    assert_int_equal(db_user_version(raw), 0);
    assert_int_equal(db_scalar_int(raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'office'", -1), 0);
    sqlite3_close(raw);
}

static void uuids_and_times(void **state)
{
    (void)state;
    char a[37], b[37], t1[32], t2[32];
    db_uuid(a);
    db_uuid(b);
    assert_int_equal(strlen(a), 36);
    assert_string_not_equal(a, b);
    assert_int_equal(a[14], '4');
    db_now(t1);
    db_now(t2);
    assert_int_equal(strlen(t1), 24);
    assert_true(strcmp(t1, t2) < 0);
}

/* The schema objects of a memory database built by the migrations for which
 * pick(v) is true, then SCHEMA_LOCAL_DROP when drop (and SCHEMA_STATE_DROP when
 * drop is 2): "type name sql" lines, sorted. */
static char *schema_of(int (*pick)(int), int drop)
{
    sqlite3 *mem;
    assert_int_equal(sqlite3_open(":memory:", &mem), SQLITE_OK);
    for (int v = 1; v <= schema_latest(); v++)
        if (pick(v))
            assert_int_equal(sqlite3_exec(mem, schema_migration(v), NULL, NULL, NULL), SQLITE_OK);
    if (drop)
        assert_int_equal(sqlite3_exec(mem, SCHEMA_LOCAL_DROP, NULL, NULL, NULL), SQLITE_OK);
    if (drop == 2)
        assert_int_equal(sqlite3_exec(mem, SCHEMA_STATE_DROP, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(mem, "SELECT group_concat(line, char(10)) FROM (SELECT type || ' ' || "
                                             "name || ' ' || coalesce(sql, '') AS line FROM sqlite_schema "
                                             "ORDER BY 1)", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    char *out = xstrdup(sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
    sqlite3_finalize(st);
    sqlite3_close(mem);
    return out;
}

static int every(int v)
{
    (void)v;
    return 1;
}

static int not_derived(int v)
{
    return !schema_migration_derived(v);
}

/* What a package holds (every migration, less SCHEMA_LOCAL_DROP and SCHEMA_STATE_DROP) is exactly what
 * the travelling migrations alone build, and the package version is the newest
 * travelling one: a migration marked local that changes a travelling table, or a
 * local object missing from SCHEMA_LOCAL_DROP, fails here. */
static void local_migrations_are_exactly_what_packages_leave_out(void **state)
{
    (void)state;
    char *dropped = schema_of(every, 2), *travelling = schema_of(schema_migration_travels, 0);
    assert_string_equal(dropped, travelling);
    free(dropped);
    free(travelling);
    /* SCHEMA_LOCAL_DROP removes exactly what the derived migrations add, and
     * nothing of the state migrations (a bulk load must not lose the keys). */
    char *bulk = schema_of(every, 1), *kept = schema_of(not_derived, 0);
    assert_string_equal(bulk, kept);
    free(bulk);
    free(kept);
    int newest = 0;
    for (int v = 1; v <= schema_latest(); v++)
        if (schema_migration_travels(v))
            newest = v;
    assert_int_equal(schema_package_version(), newest);
    assert_int_equal(schema_migration_travels(1), 1);
    assert_int_equal(schema_migration_travels(0), 0);
    assert_int_equal(schema_migration_travels(schema_latest() + 1), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(creates_private_file_at_latest_schema),
        cmocka_unit_test(reopening_changes_nothing),
        cmocka_unit_test(refuses_newer_version),
        cmocka_unit_test(refuses_foreign_sqlite_file),
        cmocka_unit_test(refuses_garbage_file),
        cmocka_unit_test(missing_file_without_create_is_an_error),
        cmocka_unit_test(every_migration_exists_and_failing_migration_rolls_back),
        cmocka_unit_test(uuids_and_times),
        cmocka_unit_test(local_migrations_are_exactly_what_packages_leave_out),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
