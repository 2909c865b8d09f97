/* test_live_counts.c — the counts the database keeps (schema migration 2,
 * table live_tally): after saves, deletes, undeletes, a CSV import, demo data,
 * package imports and an upgrade from schema 1 they equal a full count, per
 * commune too; the home screen's counts read them; packages never carry them. */
#include "package_fixture.h"
#include "csvio.h"
#include "demo.h"
#include "office.h"
#include "package.h"
#include "records.h"
#include "schema.h"

static const char *const TABLES[] = {"area", "team", "member"};

/* Asserts that every kept count equals a full count of the live rows, in total
 * (through the list module's count functions) and per commune. */
static void assert_counts_right(sqlite3 *db)
{
    list_filter f;
    memset(&f, 0, sizeof f);
    long long got[3] = {area_count(db, &f), team_count(db, &f), member_count(db, &f)};
    for (int i = 0; i < 3; i++) {
        char sql[300];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s WHERE deleted = 0", TABLES[i]);
        long long want = db_scalar_int(db, sql, -2);
        if (got[i] != want)
            fail_msg("%s: kept count %lld, full count %lld", TABLES[i], got[i], want);
        /* Per commune: no commune where the two differ, either way round. */
        snprintf(sql, sizeof sql,
                 "SELECT count(*) FROM (SELECT unit_scheme, unit_code, count(*) AS n FROM %s WHERE deleted = 0 "
                 "GROUP BY 1, 2) c FULL JOIN (SELECT unit_scheme, unit_code, n FROM live_tally WHERE tbl = '%s' "
                 "AND n <> 0) t USING (unit_scheme, unit_code) WHERE c.n IS NOT t.n",
                 TABLES[i], TABLES[i]);
        long long bad = db_scalar_int(db, sql, -1);
        if (bad != 0)
            fail_msg("%s: %lld communes whose kept count is wrong", TABLES[i], bad);
    }
}

static long long live(sqlite3 *db, const char *table)
{
    list_filter f;
    memset(&f, 0, sizeof f);
    return strcmp(table, "area") == 0 ? area_count(db, &f)
         : strcmp(table, "team") == 0 ? team_count(db, &f) : member_count(db, &f);
}

static sqlite3 *office_db(const char *name, const char *code, const char *level)
{
    char office_name[32];
    snprintf(office_name, sizeof office_name, "Office %s", code);
    return pf_office(dir, name, code, level, office_name);
}

static void saves_deletes_and_undeletes(void **state)
{
    (void)state;
    sqlite3 *db = office_db("records.db", "00004", "commune");
    cdtt_err e = {{0}};
    area_rec a;
    area_init(&a);
    snprintf(a.name, sizeof a.name, "Thôn Một");
    assert_int_equal(area_save(db, &a, 1, NULL, &e), 0);
    team_rec t;
    team_init(&t);
    snprintf(t.name, sizeof t.name, "Tổ CNS thôn Một");
    snprintf(t.level, sizeof t.level, "village");
    snprintf(t.area_uuid, sizeof t.area_uuid, "%s", a.uuid);
    assert_int_equal(team_save(db, &t, 1, NULL, &e), 0);
    char uuids[5][UUID_LEN];
    for (int i = 0; i < 5; i++) {
        member_rec m;
        member_init(&m);
        snprintf(m.full_name, sizeof m.full_name, "Nguyễn Văn %c", 'A' + i);
        int rc = i < 3 ? member_save_in_team(db, &m, t.uuid, i ? "member" : "leader", 1, NULL, &e)
                       : member_save(db, &m, 1, NULL, &e);
        assert_int_equal(rc, 0);
        snprintf(uuids[i], UUID_LEN, "%s", m.uuid);
    }
    assert_int_equal(live(db, "area"), 1);
    assert_int_equal(live(db, "team"), 1);
    assert_int_equal(live(db, "member"), 5);
    assert_int_equal(member_count(db, NULL), 5);
    assert_counts_right(db);

    /* An edit that is not a deletion changes no count. */
    member_rec m;
    assert_int_equal(member_get(db, uuids[4], &m), 0);
    snprintf(m.note, sizeof m.note, "ghi chú");
    assert_int_equal(member_save(db, &m, 1, NULL, &e), 0);
    assert_int_equal(live(db, "member"), 5);

    assert_int_equal(record_delete(db, "member", uuids[0], &e), 0);
    assert_int_equal(record_delete(db, "member", uuids[3], &e), 0);
    assert_int_equal(live(db, "member"), 3);
    assert_counts_right(db);
    assert_int_equal(record_undelete(db, "member", uuids[0], &e), 0);
    assert_int_equal(live(db, "member"), 4);
    assert_counts_right(db);

    /* A team, then its area, once they are empty. */
    for (int i = 0; i < 3; i++)
        record_delete(db, "member", uuids[i], &e);
    assert_int_equal(record_delete(db, "team", t.uuid, &e), 0);
    assert_int_equal(record_delete(db, "area", a.uuid, &e), 0);
    assert_int_equal(live(db, "team"), 0);
    assert_int_equal(live(db, "area"), 0);
    assert_int_equal(live(db, "member"), 1);
    assert_counts_right(db);
    assert_int_equal(record_undelete(db, "area", a.uuid, &e), 0);
    assert_int_equal(record_undelete(db, "team", t.uuid, &e), 0);
    assert_int_equal(live(db, "team"), 1);
    assert_int_equal(live(db, "area"), 1);
    assert_counts_right(db);

    /* A failed save (rolled back) leaves the counts as they were. */
    member_init(&m);
    assert_int_equal(member_save(db, &m, 1, NULL, &e), -1); /* no name */
    assert_int_equal(live(db, "member"), 1);

    /* A filtered count still counts the rows themselves. */
    list_filter f;
    memset(&f, 0, sizeof f);
    f.deleted = 1;
    assert_int_equal(member_count(db, &f), 4);
    db_close(db);
}

static void csv_import_and_demo(void **state)
{
    (void)state;
    sqlite3 *db = office_db("csv.db", "00004", "commune");
    char path[1024];
    const char *root = getenv("ROOT");
    snprintf(path, sizeof path, "%s/tests/data/members-excel.csv", root && *root ? root : ".");
    csvio_import_summary s;
    cdtt_err e = {{0}};
    assert_int_equal(csvio_import_members(db, path, 0, NULL, NULL, &s, &e), 0);
    assert_true(s.members_new > 0);
    assert_int_equal(live(db, "member"), s.members_new);
    assert_true(live(db, "area") > 0);
    assert_counts_right(db);
    /* The same list again changes nothing; a dry run neither. */
    csvio_import_summary_free(&s);
    assert_int_equal(csvio_import_members(db, path, 1, NULL, NULL, &s, &e), 0);
    csvio_import_summary_free(&s);
    assert_int_equal(csvio_import_members(db, path, 0, NULL, NULL, &s, &e), 0);
    csvio_import_summary_free(&s);
    assert_counts_right(db);
    db_close(db);

    sqlite3 *d = tu_open_db(dir, "demo.db");
    demo_opts o = {.members = 900, .seed = 3};
    demo_counts c;
    assert_int_equal(demo_generate(d, &o, &c, &e), 0);
    assert_int_equal(live(d, "member"), 900);
    assert_int_equal(live(d, "team"), c.teams);
    assert_int_equal(live(d, "area"), c.areas);
    assert_counts_right(d);
    assert_true(db_scalar_int(d, "SELECT count(*) FROM live_tally WHERE tbl = 'member'", 0) == c.communes);
    db_close(d);
}

/* Exports a commune's demo data, imports it at the province, twice with changes
 * in between; the province's counts follow, and the packages carry no counts. */
static void package_import_and_export(void **state)
{
    (void)state;
    cdtt_err e = {{0}};
    sqlite3 *c = pf_demo_office(dir, "commune.db", "00004", "commune", 300, 5);
    char pkg[700];
    snprintf(pkg, sizeof pkg, "%s/c1.cdtt", dir);
    package_export_opts xo = {.full = 0, .force = 1};
    assert_int_equal(package_export(c, pkg, &xo, NULL, NULL, NULL, &e), 0);

    /* The package is schema 1, exactly: no kept counts, no triggers. */
    char inner[700];
    pf_unpacked(pkg, inner);
    sqlite3 *p = NULL;
    assert_int_equal(sqlite3_open_v2(inner, &p, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(db_scalar_int(p, "PRAGMA user_version", -1), schema_package_version());
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", -1), 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM sqlite_schema WHERE name LIKE '%tally%'", -1), 0);
    sqlite3_close(p);

    sqlite3 *prov = office_db("province.db", "01", "province");
    package_import_result r;
    assert_int_equal(package_import(prov, pkg, 0, NULL, NULL, &r), 0);
    assert_int_equal(live(prov, "member"), 300);
    assert_counts_right(prov);
    /* A dry run changes nothing. */
    assert_int_equal(package_import(prov, pkg, 1, NULL, NULL, &r), 0);
    assert_int_equal(live(prov, "member"), 300);

    /* Below: two members deleted, one restored later; a new member. */
    char u1[UUID_LEN], u2[UUID_LEN];
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(c, "SELECT uuid FROM member ORDER BY uuid LIMIT 2", -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(u1, sizeof u1, "%s", sqlite3_column_text(st, 0));
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    snprintf(u2, sizeof u2, "%s", sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    assert_int_equal(record_delete(c, "member", u1, &e), 0);
    assert_int_equal(record_delete(c, "member", u2, &e), 0);
    member_rec m;
    member_init(&m);
    snprintf(m.full_name, sizeof m.full_name, "Trần Thị Mới");
    assert_int_equal(member_save(c, &m, 1, NULL, &e), 0);
    pf_send_up(c, prov, pkg);
    assert_int_equal(live(prov, "member"), 299);
    assert_counts_right(prov);
    assert_int_equal(record_undelete(c, "member", u2, &e), 0);
    pf_send_up(c, prov, pkg);
    assert_int_equal(live(prov, "member"), 300);
    assert_counts_right(prov);
    db_close(prov);
    db_close(c);
}

/* A file written before migration 2 gets its counts when it is opened. */
static void upgrade_from_schema_1(void **state)
{
    (void)state;
    cdtt_err e = {{0}};
    sqlite3 *db = tu_open_db(dir, "new.db");
    demo_opts o = {.members = 200, .seed = 9};
    assert_int_equal(demo_generate(db, &o, NULL, &e), 0);
    assert_int_equal(sqlite3_exec(db, "UPDATE member SET deleted = 1 WHERE rowid % 7 = 0", NULL, NULL, NULL),
                     SQLITE_OK);
    long long want = db_scalar_int(db, "SELECT count(*) FROM member WHERE deleted = 0", -1);
    /* The same records in a file as schema 1 kept them. */
    char old[600];
    snprintf(old, sizeof old, "%s/old.db", dir);
    pf_schema1_copy(db, old, 0);
    db_close(db);
    db = tu_open_db(dir, "old.db");
    assert_int_equal(db_user_version(db), CDTT_SCHEMA_VERSION);
    assert_int_equal(live(db, "member"), want);
    assert_counts_right(db);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(saves_deletes_and_undeletes),
        cmocka_unit_test(csv_import_and_demo),
        cmocka_unit_test(package_import_and_export),
        cmocka_unit_test(upgrade_from_schema_1),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
