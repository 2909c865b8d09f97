/* test_package_export.c — writing packages: masking, privacy, determinism, atomicity. */
#include "package_fixture.h"

#include "schema.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

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

/* The package's SQLite file (unpacked), opened read-only. */
static sqlite3 *open_package(const char *path)
{
    char inner[700];
    pf_unpacked(path, inner);
    sqlite3 *p = NULL;
    assert_int_equal(sqlite3_open_v2(inner, &p, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    return p;
}

/* Whether the raw bytes of path contain needle. */
static int raw_contains(const char *path, const char *needle)
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

/* Whether the bytes of the package's SQLite file (unpacked) contain needle;
 * the compressed bytes must not either. */
static int file_contains(const char *path, const char *needle)
{
    char inner[700];
    pf_unpacked(path, inner);
    int found = raw_contains(inner, needle);
    if (!found)
        assert_false(raw_contains(path, needle));
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
    /* Compressed: the digest of the compressed bytes travels in the header, not inside. */
    assert_int_equal(m.packed, 1);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM manifest WHERE key IN ('digest', 'signature')", -1), 0);
    char *fmt = pf_text(p, "SELECT value FROM manifest WHERE key = 'format'", NULL);
    assert_string_equal(fmt, PACKAGE_FORMAT_PACKED);
    free(fmt);
    sqlite3_close(p);
    pack_header h;
    char inner[700];
    snprintf(inner, sizeof inner, "%s.again", out);
    unlink(inner);
    assert_int_equal(package_unpack(out, inner, &h, &e), 0);
    assert_string_equal(h.digest, m.digest);
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

/* A plain package's digest covers its records only (a compressed one's covers
 * its bytes, which also hold the package's number). */
static void same_data_same_digest(void **state)
{
    (void)state;
    sqlite3 *db = commune("c3.db");
    char a[600], b[600], c[600];
    snprintf(a, sizeof a, "%s/c3a.cdtt", dir);
    snprintf(b, sizeof b, "%s/c3b.cdtt", dir);
    snprintf(c, sizeof c, "%s/c3c.cdtt", dir);
    package_export_opts o = {.plain = 1};
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


/* A commune with n members over many pages: member i has the CCCD 03190000i (zero-padded
 * to 12 digits) and, when i is odd, no consent and the phone 0971xxxxxx, else consent and
 * the phone 0981xxxxxx. uuids are "m-i", so none of these digit runs occurs elsewhere. */
static sqlite3 *big_commune(const char *name, int n)
{
    sqlite3 *db = commune(name);
    char sql[1200];
    snprintf(sql, sizeof sql,
             "WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < %d) "
             "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, phone, cccd, "
             "email, consent, created_at, updated_at, changed_by) "
             "SELECT 'm-' || i, '2025-07', '00004', 'Lê Thị ' || i, 'le thi ' || i, 'le thi ' || i, "
             "printf('%%s%%06d', CASE i %% 2 WHEN 1 THEN '0971' ELSE '0981' END, i), printf('031900%%06d', i), "
             "printf('hidden%%d@example.vn', i), 1 - i %% 2, '2026-01-01T00:00:00.000Z', "
             "'2026-02-01T00:00:00.000Z', '2025-07:00004' FROM k",
             n);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    return db;
}

static void masked_values_leave_no_trace_in_the_file(void **state)
{
    (void)state;
    sqlite3 *db = big_commune("big.db", 3000);
    char masked[600], full[600];
    snprintf(masked, sizeof masked, "%s/big.cdtt", dir);
    snprintf(full, sizeof full, "%s/big-full.cdtt", dir);
    package_export_opts o = {0};
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_export(db, masked, &o, NULL, NULL, &m, &e), 0);
    assert_int_equal(m.rows[2], 3002);
    /* No CCCD, no phone or e-mail of a member without consent, anywhere in the bytes. */
    assert_false(file_contains(masked, "031900"));
    assert_false(file_contains(masked, "0971"));
    assert_false(file_contains(masked, "hidden1@"));
    assert_false(file_contains(masked, "hidden2999@"));
    /* Those with consent keep theirs. */
    assert_true(file_contains(masked, "0981002998"));
    assert_true(file_contains(masked, "hidden3000@example.vn"));
    sqlite3 *p = open_package(masked);
    /* The manifest's row counts are what the package holds. */
    package_manifest again = m;
    assert_int_equal(package_content_scan(p, "main", &again, &e), 0);
    assert_int_equal(again.rows[2], m.rows[2]);
    assert_int_equal(again.bad_utf8, 0);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE phone LIKE '0981%' "
                                      "AND email IS NOT NULL AND consent = 1", -1), 1500);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member WHERE consent = 0 AND phone IS NULL "
                                      "AND email IS NULL", -1), 1501);
    sqlite3_close(p);
    /* The same search finds them in a --full package, so the check above can fail. */
    o.full = 1;
    assert_int_equal(package_export(db, full, &o, NULL, NULL, &m, &e), 0);
    assert_true(file_contains(full, "031900002999"));
    assert_true(file_contains(full, "0971002999"));
    db_close(db);
}

static void statistics_tables_do_not_travel(void **state)
{
    (void)state;
    sqlite3 *db = big_commune("stat.db", 50);
    assert_int_equal(sqlite3_exec(db, "ANALYZE", NULL, NULL, NULL), SQLITE_OK);
    char out[600];
    snprintf(out, sizeof out, "%s/stat.cdtt", dir);
    package_export_opts o = {0};
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, NULL, &e), 0);
    sqlite3 *prov = pf_office(dir, "stat-p.db", "01", "province", "Thành phố Hà Nội");
    assert_int_equal(package_verify(prov, out, &m, &e), 0);
    assert_int_equal(m.rows[2], 52);
    db_close(prov);
    db_close(db);
}

/* Creates dir/name holding a few bytes, last changed age seconds ago. */
static void plant(const char *folder, const char *name, int age)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("SQLite format 3", f);
    fclose(f);
    struct timespec t[2];
    clock_gettime(CLOCK_REALTIME, &t[0]);
    t[0].tv_sec -= age;
    t[1] = t[0];
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static int exists(const char *folder, const char *name)
{
    char path[700];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    return access(path, F_OK) == 0;
}

static void abandoned_temporary_files_are_removed(void **state)
{
    (void)state;
    char folder[600];
    snprintf(folder, sizeof folder, "%s/sweep", dir);
    assert_int_equal(mkdir(folder, 0700), 0);
    /* A process that has ended. */
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0)
        _exit(0);
    assert_int_equal(waitpid(child, NULL, 0), child);
    char dead[64], alive[64];
    snprintf(dead, sizeof dead, ".cdtt-export.%ld.Ab12Cd", (long)child);
    snprintf(alive, sizeof alive, ".cdtt-export.%ld.Ef34Gh", (long)getpid());
    plant(folder, dead, 0);
    plant(folder, alive, 7200);
    plant(folder, ".cdtt-export.OldOne", 7200);          /* an older version's, long left */
    plant(folder, ".cdtt-export.NewOne", 0);             /* an older version's, maybe running */
    plant(folder, "notes.cdtt-export.1.Xy", 0);          /* not ours at all */

    sqlite3 *db = commune("sweep.db");
    char out[700];
    snprintf(out, sizeof out, "%s/sweep.cdtt", folder);
    package_export_opts o = {0};
    cdtt_err e;
    assert_int_equal(package_export(db, out, &o, NULL, NULL, NULL, &e), 0);
    assert_false(exists(folder, dead));
    assert_false(exists(folder, ".cdtt-export.OldOne"));
    assert_true(exists(folder, alive));
    assert_true(exists(folder, ".cdtt-export.NewOne"));
    assert_true(exists(folder, "notes.cdtt-export.1.Xy"));
    assert_true(exists(folder, "sweep.cdtt"));
    db_close(db);
}

static void an_unfinished_temporary_file_is_not_a_package(void **state)
{
    (void)state;
    char tmp[700];
    cdtt_err e;
    assert_int_equal(package_tmp_create(dir, tmp, sizeof tmp, &e), 0);
    struct stat sb;
    assert_int_equal(stat(tmp, &sb), 0);
    assert_int_equal(sb.st_mode & 0777, 0600);
    assert_non_null(strstr(tmp, "/.cdtt-export."));
    package_manifest m;
    sqlite3 *prov = pf_office(dir, "tmp-p.db", "01", "province", "Thành phố Hà Nội");
    assert_int_equal(package_verify(prov, tmp, &m, &e), -1);
    /* Filled up to its records but stopped before the manifest: still refused. */
    sqlite3 *db = commune("tmp-c.db");
    sqlite3 *t = NULL;
    assert_int_equal(sqlite3_open(tmp, &t), SQLITE_OK);
    assert_int_equal(sqlite3_exec(t, schema_migration(1), NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(t);
    assert_int_equal(package_verify(prov, tmp, &m, &e), -1);
    unlink(tmp);
    db_close(prov);
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
        cmocka_unit_test(masked_values_leave_no_trace_in_the_file),
        cmocka_unit_test(statistics_tables_do_not_travel),
        cmocka_unit_test(abandoned_temporary_files_are_removed),
        cmocka_unit_test(an_unfinished_temporary_file_is_not_a_package),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
