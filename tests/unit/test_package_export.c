/* test_package_export.c — writing packages: masking, privacy, determinism, atomicity. */
#include "package_fixture.h"

#include <sys/stat.h>

/* A commune 00004 with one team and two members, one without consent. */
static sqlite3 *commune(const char *name)
{
    sqlite3 *db = pf_office(dir, name, "00004", "commune", "Phường Ba Đình");
    pf_team(db, "00004", "area-a1", "team-a1");
    pf_member(db, "00004", "team-a1", "m-a1", "Nguyễn Thị Lan", "0912345678", "001190012345", "0",
              "2026-02-01T00:00:00.000Z");
    pf_member(db, "00004", "team-a1", "m-a2", "Trần Văn Bình", "0987654321", "001090054321", "1",
              "2026-02-01T00:00:00.000Z");
    return db;
}

static sqlite3 *open_package(const char *path)
{
    sqlite3 *p = NULL;
    assert_int_equal(sqlite3_open_v2(path, &p, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return p;
}

/* Whether the raw bytes of path contain needle. */
static int file_contains(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = xmalloc((size_t)n);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    size_t k = strlen(needle);
    int found = 0;
    for (long i = 0; !found && i + (long)k <= n; i++)
        found = memcmp(buf + i, needle, k) == 0;
    free(buf);
    return found;
}

static void masked_export_is_private_and_complete(void **state)
{
    (void)state;
    sqlite3 *db = commune("c1.db");
    char out[600];
    snprintf(out, sizeof out, "%s/c1.cdtt", dir);
    package_export_opts o = {0};
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, &m, &e), 0);
    struct stat sb;
    assert_int_equal(stat(out, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_int_equal(m.full, 0);
    assert_int_equal(m.rows[2], 2); /* member */
    assert_int_equal(m.rows[3], 2); /* membership */
    assert_string_equal(m.province_code, "01");

    sqlite3 *p = open_package(out);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE cccd IS NOT NULL", -1), 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE phone IS NOT NULL", -1), 1);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE uuid = 'm-a1' AND phone IS NULL "
                                      "AND email IS NULL", -1), 1);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM audit", -1), 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM unit", -1), 0);
    assert_int_equal(db_scalar_int(p, "PRAGMA application_id", 0), CDTT_APPLICATION_ID);
    char *ids = pf_text(p, "SELECT value FROM manifest WHERE key = 'identifiers'", NULL);
    assert_string_equal(ids, "masked");
    free(ids);
    char *dg = pf_text(p, "SELECT value FROM manifest WHERE key = 'digest'", NULL);
    assert_string_equal(dg, m.digest);
    free(dg);
    sqlite3_close(p);
    /* Nothing removed survives anywhere in the file. */
    assert_false(file_contains(out, "001190012345"));
    assert_false(file_contains(out, "0912345678"));
    assert_true(file_contains(out, "0987654321"));
    /* The live file still has everything. */
    assert_int_equal(db_scalar_int(db, "SELECT count(*) FROM member WHERE cccd IS NOT NULL", -1), 2);
    db_close(db);
}

static void full_export_keeps_identifiers(void **state)
{
    (void)state;
    sqlite3 *db = commune("c2.db");
    char out[600];
    snprintf(out, sizeof out, "%s/c2-full.cdtt", dir);
    package_export_opts o = {.full = 1};
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, &m, &e), 0);
    assert_int_equal(m.full, 1);
    sqlite3 *p = open_package(out);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE cccd IS NOT NULL", -1), 2);
    char *ids = pf_text(p, "SELECT value FROM manifest WHERE key = 'identifiers'", NULL);
    assert_string_equal(ids, "full");
    free(ids);
    sqlite3_close(p);
    assert_true(file_contains(out, "001190012345"));
    db_close(db);
}

static void same_data_same_digest(void **state)
{
    (void)state;
    sqlite3 *db = commune("c3.db");
    char a[600], b[600], c[600];
    snprintf(a, sizeof a, "%s/c3a.cdtt", dir);
    snprintf(b, sizeof b, "%s/c3b.cdtt", dir);
    snprintf(c, sizeof c, "%s/c3c.cdtt", dir);
    package_export_opts o = {0};
    package_manifest ma, mb, mc;
    cdtt_err e;
    assert_int_equal(package_export(db, a, &o, NULL, NULL, &ma, &e), 0);
    assert_int_equal(package_export(db, b, &o, NULL, NULL, &mb, &e), 0);
    assert_string_equal(ma.digest, mb.digest);
    assert_string_not_equal(ma.created_at, mb.created_at);
    /* Another commune holding exactly the same records gives the same digest too. */
    sqlite3 *twin = commune("c3-twin.db");
    package_manifest mt;
    char t[600];
    snprintf(t, sizeof t, "%s/c3t.cdtt", dir);
    assert_int_equal(package_export(twin, t, &o, NULL, NULL, &mt, &e), 0);
    assert_string_equal(ma.digest, mt.digest);
    db_close(twin);
    /* One changed letter changes the digest. */
    pf_rename(db, "m-a2", "Trần Văn Bính", "2026-03-01T00:00:00.000Z", "2025-07:00004");
    assert_int_equal(package_export(db, c, &o, NULL, NULL, &mc, &e), 0);
    assert_string_not_equal(ma.digest, mc.digest);
    db_close(db);
}

static void existing_target_needs_force(void **state)
{
    (void)state;
    sqlite3 *db = commune("c4.db");
    char out[600];
    snprintf(out, sizeof out, "%s/c4.cdtt", dir);
    FILE *f = fopen(out, "w");
    fputs("precious", f);
    fclose(f);
    package_export_opts o = {0};
    cdtt_err e;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "already exists"));
    char buf[16] = "";
    f = fopen(out, "r");
    assert_non_null(fgets(buf, sizeof buf, f));
    fclose(f);
    assert_string_equal(buf, "precious");
    o.force = 1;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, NULL, &e), 0);
    package_manifest m;
    sqlite3 *prov = pf_office(dir, "p4.db", "01", "province", "Thành phố Hà Nội");
    assert_int_equal(package_verify(prov, out, &m, &e), 0);
    db_close(prov);
    /* No temporary files are left beside the target. */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -q cdtt-export", dir);
    assert_int_not_equal(system(cmd), 0);
    db_close(db);
}

static void no_office_no_export(void **state)
{
    (void)state;
    sqlite3 *db = tu_open_db(dir, "blank.db");
    char out[600];
    snprintf(out, sizeof out, "%s/blank.cdtt", dir);
    package_export_opts o = {0};
    cdtt_err e;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, NULL, &e), -1);
    assert_non_null(strstr(e.msg, "cdtt init"));
    assert_int_equal(access(out, F_OK), -1);
    db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(masked_export_is_private_and_complete),
        cmocka_unit_test(full_export_keeps_identifiers),
        cmocka_unit_test(same_data_same_digest),
        cmocka_unit_test(existing_target_needs_force),
        cmocka_unit_test(no_office_no_export),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
