/* test_package_verify.c — every way a package is refused, each leaving the
 * province's database byte-for-byte as it was. The packages here are plain
 * (format 1, one SQLite file: `export --plain`), which a forger edits with
 * SQLite; a compressed package goes through the same checks once unpacked
 * (test_package_packed.c tests what its header and compression add). */
#include "package_fixture.h"

#include <sys/stat.h>

static char *dir;
static sqlite3 *prov;
static char good[600];

/* A province with one commune's package ready in `good`. */
static int setup(void **state)
{
    (void)state;
    tu_english();
    dir = tu_tempdir();
    if (!dir)
        return -1;
    sqlite3 *a = pf_office(dir, "a.db", "00004", "commune", "Phường Ba Đình");
    pf_team(a, "00004", "area-a", "team-a");
    pf_member(a, "00004", "team-a", "m-a1", "Trần Văn Bình", "0912345678", "", "1",
              "2026-02-01T00:00:00.000Z");
    snprintf(good, sizeof good, "%s/good.cdtt", dir);
    package_export_opts o = {.plain = 1};
    cdtt_err e;
    int rc = package_export(a, good, &o, NULL, NULL, NULL, &e);
    db_close(a);
    prov = pf_office(dir, "p.db", "01", "province", "Thành phố Hà Nội");
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    db_close(prov);
    tu_rmdir(dir);
    return 0;
}

/* Copies the good package to dir/name and returns the path (static buffer). */
static const char *copy_good(const char *name)
{
    static char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char cmd[1300];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", good, path);
    assert_int_equal(system(cmd), 0);
    return path;
}

/* Imports path into the province: must be refused with a reason containing
 * `reason`, and the province must be unchanged. */
static void expect_refused(const char *path, const char *reason)
{
    char before[65], after[65];
    pf_fingerprint(prov, before);
    package_import_result r;
    assert_int_equal(package_import(prov, path, 0, NULL, NULL, &r), -1);
    assert_false(r.ok);
    if (!strstr(r.err.msg, reason))
        fail_msg("reason '%s' does not contain '%s'", r.err.msg, reason);
    pf_fingerprint(prov, after);
    assert_string_equal(before, after);
    assert_int_equal(db_scalar_int(prov, "SELECT count(*) FROM member", -1), 0);
}

/* Runs SQL on a package file with a plain connection (as a forger would). */
static void forge(const char *path, const char *sql)
{
    sqlite3 *p = NULL;
    assert_int_equal(sqlite3_open(path, &p), SQLITE_OK);
    if (sqlite3_exec(p, sql, NULL, NULL, NULL) != SQLITE_OK)
        fail_msg("forge %s: %s", sql, sqlite3_errmsg(p));
    sqlite3_close(p);
}

/* XORs one byte of the file at the first occurrence of needle (or at offset when needle is NULL). */
static void flip(const char *path, const char *needle, long offset)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    char *buf = xmalloc((size_t)n);
    fseek(f, 0, SEEK_SET);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    if (needle) {
        offset = -1;
        for (long i = 0; offset < 0 && i + (long)strlen(needle) <= n; i++)
            if (memcmp(buf + i, needle, strlen(needle)) == 0)
                offset = i;
        assert_true(offset >= 0);
    }
    buf[offset] ^= 0x04;
    fseek(f, offset, SEEK_SET);
    fputc(buf[offset], f);
    fclose(f);
    free(buf);
}

static void the_good_package_is_accepted(void **state)
{
    (void)state;
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_verify(prov, good, &m, &e), 0);
    assert_string_equal(m.source_code, "00004");
    assert_int_equal(m.rows[2], 1);
    package_import_result r;
    assert_int_equal(package_import(prov, good, 1, NULL, NULL, &r), 0); /* dry run: nothing kept */
    assert_int_equal(r.c.n_new, 4);
}

static void bit_flips(void **state)
{
    (void)state;
    const char *p = copy_good("flip-data.cdtt");
    flip(p, "Văn Bình", 0);
    expect_refused(p, "digest");
    p = copy_good("flip-digest.cdtt");
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_verify(prov, good, &m, &e), 0);
    flip(p, m.digest, 0);
    expect_refused(p, "digest");
    p = copy_good("flip-header.cdtt");
    flip(p, NULL, 3); /* "SQLite format 3" */
    expect_refused(p, "not a SQLite database");
    p = copy_good("flip-btree.cdtt");
    flip(p, NULL, 4096 + 3); /* page 2's cell count */
    expect_refused(p, "");
}

static void truncated_and_empty_files(void **state)
{
    (void)state;
    const char *p = copy_good("short.cdtt");
    struct stat sb;
    assert_int_equal(stat(p, &sb), 0);
    assert_int_equal(truncate(p, sb.st_size / 2), 0);
    expect_refused(p, "truncated");
    assert_int_equal(truncate(p, 50), 0);
    expect_refused(p, "not a SQLite database");
    assert_int_equal(truncate(p, 0), 0);
    expect_refused(p, "not a SQLite database");
    char missing[600];
    snprintf(missing, sizeof missing, "%s/absent.cdtt", dir);
    expect_refused(missing, "cannot read");
}

static void not_sqlite_and_not_a_package(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/notes.cdtt", dir);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 300; i++)
        fputs("Danh sách thành viên tổ công nghệ số\n", f);
    fclose(f);
    expect_refused(path, "not a SQLite database");
    /* The commune's own database: a cdtt file, but no package. */
    snprintf(path, sizeof path, "%s/a.db", dir);
    expect_refused(path, "no manifest");
    /* Another program's SQLite file. */
    snprintf(path, sizeof path, "%s/other.db", dir);
    forge(path, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
    expect_refused(path, "another program");
}

static void planted_objects(void **state)
{
    (void)state;
    const char *p = copy_good("trigger.cdtt");
    forge(p, "CREATE TRIGGER evil AFTER INSERT ON member BEGIN DELETE FROM member; END");
    expect_refused(p, "trigger evil");
    p = copy_good("view.cdtt");
    forge(p, "CREATE VIEW v AS SELECT * FROM member");
    expect_refused(p, "view v");
    p = copy_good("table.cdtt");
    forge(p, "CREATE TABLE extra (x)");
    expect_refused(p, "table extra");
    p = copy_good("column.cdtt");
    forge(p, "ALTER TABLE member ADD COLUMN secret TEXT");
    expect_refused(p, "table member");
    p = copy_good("index.cdtt");
    forge(p, "CREATE INDEX member_extra ON member (cccd)");
    expect_refused(p, "index member_extra");
}

static void altered_content(void **state)
{
    (void)state;
    const char *p = copy_good("edited.cdtt");
    forge(p, "UPDATE member SET full_name = 'Someone Else'");
    expect_refused(p, "digest");
    p = copy_good("count.cdtt");
    forge(p, "UPDATE manifest SET value = '7' WHERE key = 'rows.member'");
    expect_refused(p, "row counts");
    p = copy_good("office.cdtt");
    forge(p, "UPDATE office SET code = '00008'");
    expect_refused(p, "office does not match");
    p = copy_good("manifest.cdtt");
    forge(p, "DELETE FROM manifest WHERE key = 'source_code'");
    expect_refused(p, "manifest is damaged");
}

/* A forger who recomputes the digest: bad text is still refused. */
static void reseal(const char *path)
{
    sqlite3 *p = NULL;
    assert_int_equal(sqlite3_open(path, &p), SQLITE_OK);
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_manifest_read(p, &m, &e), 0);
    assert_int_equal(package_digest(p, "main", &m, &e), 0);
    pf_exec(p, "UPDATE manifest SET value = ? WHERE key = 'digest'", m.digest, NULL);
    sqlite3_close(p);
}

static void invalid_and_huge_text(void **state)
{
    (void)state;
    const char *p = copy_good("utf8.cdtt");
    forge(p, "UPDATE member SET full_name = CAST(X'4EC3A0FF' AS TEXT)");
    reseal(p);
    expect_refused(p, "not valid UTF-8");
    p = copy_good("huge.cdtt");
    forge(p, "UPDATE member SET note = printf('%.*c', 70000, 'x')");
    reseal(p);
    expect_refused(p, "at most 65536");
    /* The resealing itself is sound: an honest edit resealed is accepted. */
    p = copy_good("resealed.cdtt");
    forge(p, "UPDATE member SET note = 'ghi chú'");
    reseal(p);
    package_manifest m;
    cdtt_err e;
    assert_int_equal(package_verify(prov, p, &m, &e), 0);
}

/* The first value of a PRAGMA on a package file. */
static char *pragma_text(const char *path, const char *sql)
{
    sqlite3 *p = NULL;
    assert_int_equal(sqlite3_open(path, &p), SQLITE_OK);
    char *out = pf_text(p, sql, NULL);
    sqlite3_close(p);
    return out;
}

/* Found by tests/fuzz/fuzz_package.c: a package whose uuid index does not match
 * its table passes quick_check and its (resealed) digest, and the merge, which
 * looks rows up by uuid, then counted records as new that it never wrote, and a
 * second import of the same file changed the database again. */
static void index_that_lies(void **state)
{
    (void)state;
    const char *p = copy_good("lying-index.cdtt");
    /* The b-trees of two indexes of member swapped: each is well formed on its own. */
    forge(p, "PRAGMA writable_schema = ON;"
             "CREATE TEMP TABLE r AS SELECT name, rootpage FROM sqlite_master "
             "  WHERE name IN ('member_sort', 'sqlite_autoindex_member_1');"
             "UPDATE sqlite_master SET rootpage = (SELECT r.rootpage FROM temp.r WHERE r.name <> sqlite_master.name) "
             "  WHERE name IN ('member_sort', 'sqlite_autoindex_member_1')");
    reseal(p);
    char *quick = pragma_text(p, "PRAGMA quick_check");
    char *full = pragma_text(p, "PRAGMA integrity_check");
    assert_string_equal(quick, "ok");
    assert_string_not_equal(full, "ok");
    free(quick);
    free(full);
    expect_refused(p, "integrity check failed");
}

static void newer_schema(void **state)
{
    (void)state;
    const char *p = copy_good("newer.cdtt");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", CDTT_SCHEMA_VERSION + 1);
    forge(p, sql);
    expect_refused(p, "newer version");
}

static void offices_that_do_not_fit(void **state)
{
    (void)state;
    /* A commune of another province. */
    sqlite3 *x = pf_office(dir, "hcm.db", "26734", "commune", "Phường Sài Gòn");
    char path[600];
    snprintf(path, sizeof path, "%s/hcm.cdtt", dir);
    package_export_opts o = {0}; /* compressed: the same checks once unpacked */
    cdtt_err e;
    assert_int_equal(package_export(x, path, &o, NULL, NULL, NULL, &e), 0);
    db_close(x);
    expect_refused(path, "not under this office");
    /* A commune does not import. */
    sqlite3 *b = pf_office(dir, "b.db", "00008", "commune", "Phường Ngọc Hà");
    package_import_result r;
    assert_int_equal(package_import(b, good, 0, NULL, NULL, &r), -1);
    assert_non_null(strstr(r.err.msg, "commune does not import"));
    db_close(b);
    /* A commune the province's unit list does not know: refused whatever its package says. */
    sqlite3 *u = tu_open_db(dir, "unknown.db");
    office_rec o2 = {.scheme = "2025-07", .code = "99999", .level = "commune", .name = "Xã Lạ"};
    assert_int_equal(office_set(u, &o2, &e), 0);
    snprintf(path, sizeof path, "%s/unknown.cdtt", dir);
    assert_int_equal(package_export(u, path, &o, NULL, NULL, NULL, &e), 0);
    db_close(u);
    expect_refused(path, "which this office's list of units does not have");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_good_package_is_accepted),
        cmocka_unit_test(bit_flips),
        cmocka_unit_test(truncated_and_empty_files),
        cmocka_unit_test(not_sqlite_and_not_a_package),
        cmocka_unit_test(planted_objects),
        cmocka_unit_test(altered_content),
        cmocka_unit_test(invalid_and_huge_text),
        cmocka_unit_test(index_that_lies),
        cmocka_unit_test(newer_schema),
        cmocka_unit_test(offices_that_do_not_fit),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
