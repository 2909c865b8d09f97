/* test_package_packed.c — the compressed package (format 2, db/package-pack.h):
 * smaller than the plain file, its header's digest and signature checked, every
 * damaged, cut, lengthened or unpacked copy refused with the province's
 * database byte-for-byte as it was, a payload that would unfold without end
 * stopped, and the office's own file never touched by an export. A compressed
 * package is bare (no index but its keys'); one with every index, as the
 * first version of the format wrote, still imports. */
#include "package_fixture.h"

#include <ctype.h>
#include <sys/stat.h>
#include <zstd.h>

static char good[700], plain[700];

/* A commune (a new file dir/name) with a few dozen members, exported both ways. */
static sqlite3 *commune_with_packages(const char *name)
{
    sqlite3 *a = pf_demo_office(dir, name, "00004", "commune", 40, 3);
    snprintf(good, sizeof good, "%s/good.cdtt", dir);
    snprintf(plain, sizeof plain, "%s/plain.cdtt", dir);
    package_export_opts o = {.force = 1};
    cdtt_err e;
    if (package_export(a, good, &o, NULL, NULL, NULL, &e) < 0)
        fail_msg("export: %s", e.msg);
    o.plain = 1;
    if (package_export(a, plain, &o, NULL, NULL, NULL, &e) < 0)
        fail_msg("export --plain: %s", e.msg);
    return a;
}

static sqlite3 *province(const char *name)
{
    return pf_office(dir, name, "01", "province", "Thành phố Hà Nội");
}

static long long file_size(const char *path)
{
    struct stat sb;
    assert_int_equal(stat(path, &sb), 0);
    return (long long)sb.st_size;
}

/* A copy of the good package at dir/name (static buffer). */
static const char *copy_good(const char *name)
{
    static char path[700];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
    cdtt_err e;
    if (package_copy_private(good, path, &e) < 0)
        fail_msg("copy: %s", e.msg);
    return path;
}

/* XORs the byte at offset of path. */
static void flip_at(const char *path, long long offset)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, (long)offset, SEEK_SET), 0);
    int c = fgetc(f);
    assert_true(c != EOF);
    assert_int_equal(fseek(f, (long)offset, SEEK_SET), 0);
    fputc(c ^ 0x04, f);
    fclose(f);
}

/* Replaces the hex digit at offset of path with another hex digit. */
static void other_digit_at(const char *path, long long offset)
{
    FILE *f = fopen(path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, (long)offset, SEEK_SET), 0);
    int c = fgetc(f);
    assert_true(isxdigit(c));
    assert_int_equal(fseek(f, (long)offset, SEEK_SET), 0);
    fputc(c == '0' ? '1' : '0', f);
    fclose(f);
}

/* The import of path into p is refused, saying reason, and p is unchanged. */
static void expect_refused(sqlite3 *p, const char *path, const char *reason)
{
    char before[65], after[65];
    pf_fingerprint(p, before);
    package_import_result r;
    assert_int_equal(package_import(p, path, 0, NULL, NULL, &r), -1);
    package_import_result_free(&r);
    if (!strstr(r.err.msg, reason))
        fail_msg("reason '%s' does not contain '%s'", r.err.msg, reason);
    pf_fingerprint(p, after);
    assert_string_equal(before, after);
}

/* Every row of the office file's schema, as one text. */
static char *schema_text(sqlite3 *db)
{
    return pf_text(db, "SELECT group_concat(type || ' ' || name || ' ' || coalesce(sql, ''), char(10)) "
                       "FROM (SELECT * FROM sqlite_schema ORDER BY type, name)", NULL);
}

/* The number of indexes made by CREATE INDEX (not a key's) in the SQLite file path. */
static long long secondary_indexes(const char *path)
{
    sqlite3 *k = NULL;
    assert_int_equal(sqlite3_open_v2(path, &k, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    long long n = db_scalar_int(k, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL", -1);
    sqlite3_close(k);
    return n;
}

/* Writes dst as office a's export does (package_pack_database): the good
 * package's SQLite file, given the first `indexes` secondary indexes of a whole
 * package's schema (all of them when -1), compressed under a header with its
 * digest and a's signature. */
static void repack_with_indexes(sqlite3 *a, const char *dst, int indexes)
{
    char inner[700];
    snprintf(inner, sizeof inner, "%s/repack.db", dir);
    unlink(inner);
    pack_header h;
    cdtt_err e;
    assert_int_equal(package_unpack(good, inner, &h, &e), 0);
    sqlite3 *k = NULL, *want = package_expected_schema(schema_package_version());
    assert_non_null(want);
    assert_int_equal(sqlite3_open(inner, &k), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    assert_int_equal(sqlite3_prepare_v2(want, "SELECT sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL "
                                              "ORDER BY name", -1, &st, NULL), SQLITE_OK);
    for (int i = 0; (indexes < 0 || i < indexes) && sqlite3_step(st) == SQLITE_ROW; i++)
        pf_exec(k, (const char *)sqlite3_column_text(st, 0), NULL);
    sqlite3_finalize(st);
    sqlite3_close(want);
    FILE *f = fopen(dst, "wb");
    assert_non_null(f);
    fclose(f);
    char digest[65];
    assert_int_equal(package_pack_database(k, a, dst, digest, &e), 0);
    sqlite3_close(k);
}

static void packed_is_smaller_and_imports(void **state)
{
    (void)state;
    sqlite3 *a = commune_with_packages("a1.db"), *p = province("p1.db");
    assert_true(package_is_packed(good));
    assert_false(package_is_packed(plain));
    /* Bare when compressed, whole when plain (older versions read it). */
    char inner[700];
    pf_unpacked(good, inner);
    assert_int_equal(secondary_indexes(inner), 0);
    assert_true(secondary_indexes(plain) >= 8);
    /* The demo's records compress several times over. */
    assert_true(file_size(good) * 3 < file_size(plain));
    package_import_result r;
    assert_int_equal(package_import(p, good, 0, NULL, NULL, &r), 0);
    assert_int_equal(r.m.packed, 1);
    assert_int_equal(r.is_signed, 1);
    long long n = r.c.n_new;
    assert_true(n > 40);
    package_import_result_free(&r);
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member", -1), 40);
    /* The same content as a plain package: nothing changes. */
    assert_int_equal(package_import(p, plain, 0, NULL, NULL, &r), 0);
    assert_int_equal(r.m.packed, 0);
    assert_int_equal(r.c.n_unchanged, n);
    package_import_result_free(&r);
    db_close(a);
    db_close(p);
}

static void export_never_touches_the_office_file(void **state)
{
    (void)state;
    sqlite3 *a = pf_demo_office(dir, "t.db", "00004", "commune", 10, 4);
    char *before = schema_text(a);
    char out[700];
    snprintf(out, sizeof out, "%s/t.cdtt", dir);
    package_export_opts o = {.force = 1};
    cdtt_err e;
    assert_int_equal(package_export(a, out, &o, NULL, NULL, NULL, &e), 0);
    o.plain = 1;
    assert_int_equal(package_export(a, out, &o, NULL, NULL, NULL, &e), 0);
    char *after = schema_text(a);
    /* Its triggers (versions, counts, names) are all still there. */
    assert_string_equal(after, before);
    assert_true(db_scalar_int(a, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'", 0) > 10);
    free(before);
    free(after);
    db_close(a);
}

static void damaged_copies_are_refused(void **state)
{
    (void)state;
    sqlite3 *a = commune_with_packages("a2.db"), *p = province("p2.db");
    long long size = file_size(good);
    const char *f = copy_good("payload.cdtt");
    flip_at(f, PACK_HEADER_BYTES + (size - PACK_HEADER_BYTES) / 2);
    expect_refused(p, f, "");
    f = copy_good("digest.cdtt");
    other_digit_at(f, (long long)strlen(PACK_MAGIC) + 7 + 10); /* a digit of "digest=…" */
    expect_refused(p, f, "digest does not match");
    f = copy_good("signature.cdtt");
    other_digit_at(f, (long long)strlen(PACK_MAGIC) + 72 + 76 + 20); /* a digit of "signature=…" */
    expect_refused(p, f, "signature");
    f = copy_good("magic.cdtt");
    flip_at(f, 2);
    expect_refused(p, f, "not a SQLite database");
    f = copy_good("padding.cdtt");
    flip_at(f, PACK_HEADER_BYTES - 1);
    expect_refused(p, f, "header is not that of a cdtt package");
    /* Cut short, inside the payload and inside the header. */
    f = copy_good("short.cdtt");
    assert_int_equal(truncate(f, size - 100), 0);
    expect_refused(p, f, "ends too soon");
    assert_int_equal(truncate(f, 300), 0);
    expect_refused(p, f, "header is not that of a cdtt package");
    /* Something after the payload. */
    f = copy_good("longer.cdtt");
    FILE *w = fopen(f, "ab");
    fputs("more bytes", w);
    fclose(w);
    expect_refused(p, f, "something follows");
    assert_int_equal(db_scalar_int(p, "SELECT count(*) FROM member", -1), 0);
    db_close(a);
    db_close(p);
}

/* The SQLite file taken out of its header proves nothing any more: refused,
 * even with the header's digest, key and signature written into its manifest. */
static void an_unpacked_package_is_refused(void **state)
{
    (void)state;
    sqlite3 *a = commune_with_packages("a3.db"), *p = province("p3.db");
    char inner[700];
    pf_unpacked(good, inner);
    expect_refused(p, inner, "taken out of its compressed package");
    pack_header h;
    cdtt_err e;
    char again[700];
    snprintf(again, sizeof again, "%s/again.db", dir);
    unlink(again);
    assert_int_equal(package_unpack(good, again, &h, &e), 0);
    sqlite3 *k = NULL;
    assert_int_equal(sqlite3_open(again, &k), SQLITE_OK);
    pf_exec(k, "INSERT INTO manifest (key, value) VALUES ('digest', ?), ('public_key', ?), ('signature', ?)",
            h.digest, h.public_key, h.signature, NULL);
    sqlite3_close(k);
    expect_refused(p, again, "taken out of its compressed package");
    db_close(a);
    db_close(p);
}

/* A payload of a few kilobytes that would unfold to 128 MB is stopped after
 * about 16 MB, under a header whose digest is right. */
static void a_payload_that_unfolds_without_end_is_stopped(void **state)
{
    (void)state;
    sqlite3 *p = province("p4.db");
    ZSTD_CCtx *c = ZSTD_createCCtx();
    assert_non_null(c);
    static unsigned char zeros[65536];
    size_t cap = 1 << 20, len = 0;
    unsigned char *out = xmalloc(cap);
    for (int i = 0; i < 2048; i++) {
        ZSTD_inBuffer in = {zeros, sizeof zeros, 0};
        ZSTD_EndDirective end = i == 2047 ? ZSTD_e_end : ZSTD_e_continue;
        size_t left;
        do {
            ZSTD_outBuffer o = {out + len, cap - len, 0};
            left = ZSTD_compressStream2(c, &o, &in, end);
            assert_false(ZSTD_isError(left));
            len += o.pos;
        } while (end == ZSTD_e_end ? left != 0 : in.pos < in.size);
    }
    ZSTD_freeCCtx(c);
    assert_true(len < 100000);
    sha256_ctx s;
    sha256_init(&s);
    sha256_update(&s, out, len);
    pack_header h;
    memset(&h, 0, sizeof h);
    sha256_final_hex(&s, h.digest);
    memset(h.public_key, 'a', 64);
    memset(h.signature, 'b', 128);
    char path[700];
    snprintf(path, sizeof path, "%s/bomb.cdtt", dir);
    FILE *f = fopen(path, "wb");
    fclose(f);
    cdtt_err e;
    assert_int_equal(package_pack_write(path, &h, out, len, &e), 0);
    free(out);
    expect_refused(p, path, "unfolds to more than");
    db_close(p);
}

/* A compressed package with every secondary index (the first version of the
 * format wrote them) imports the same records; with only some of them it was
 * not written by cdtt and is refused, as is a plain package that lacks one. */
static void packages_with_or_without_indexes(void **state)
{
    (void)state;
    sqlite3 *a = commune_with_packages("a5.db"), *p = province("p5.db"), *q = province("q5.db");
    char whole[700], some[700];
    snprintf(whole, sizeof whole, "%s/whole.cdtt", dir);
    snprintf(some, sizeof some, "%s/some.cdtt", dir);
    repack_with_indexes(a, whole, -1);
    repack_with_indexes(a, some, 2);
    package_import_result r;
    assert_int_equal(package_import(p, good, 0, NULL, NULL, &r), 0);
    long long n = r.c.n_new;
    package_import_result_free(&r);
    if (package_import(q, whole, 0, NULL, NULL, &r) != 0)
        fail_msg("a whole compressed package: %s", r.err.msg);
    assert_int_equal(r.c.n_new, n);
    assert_int_equal(r.is_signed, 1);
    package_import_result_free(&r);
    /* The same records. */
    static const char *const RECORDS =
        "SELECT group_concat(r, char(10)) FROM (SELECT json_array(uuid, unit_code, full_name, gender, birth, phone, "
        "consent, mooc_status, version, updated_at, deleted) AS r FROM member UNION ALL "
        "SELECT json_array(uuid, unit_code, name, version, deleted) FROM team UNION ALL "
        "SELECT json_array(uuid, member_uuid, team_uuid, version, deleted) FROM membership ORDER BY r)";
    char *in_p = pf_text(p, RECORDS, NULL), *in_q = pf_text(q, RECORDS, NULL);
    assert_true(strlen(in_p) > 1000);
    assert_string_equal(in_p, in_q);
    free(in_p);
    free(in_q);
    sqlite3 *s = province("s5.db");
    expect_refused(s, some, "lacks part of one");
    const char *f = copy_good("plain-less.cdtt");
    unlink(f);
    cdtt_err e;
    assert_int_equal(package_copy_private(plain, f, &e), 0);
    sqlite3 *k = NULL;
    assert_int_equal(sqlite3_open(f, &k), SQLITE_OK);
    pf_exec(k, "DROP INDEX member_sort", NULL);
    sqlite3_close(k);
    expect_refused(s, f, "lacks part of one");
    assert_int_equal(db_scalar_int(s, "SELECT count(*) FROM member", -1), 0);
    db_close(a);
    db_close(p);
    db_close(q);
    db_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(packed_is_smaller_and_imports),
        cmocka_unit_test(export_never_touches_the_office_file),
        cmocka_unit_test(damaged_copies_are_refused),
        cmocka_unit_test(an_unpacked_package_is_refused),
        cmocka_unit_test(a_payload_that_unfolds_without_end_is_stopped),
        cmocka_unit_test(packages_with_or_without_indexes),
    };
    return cmocka_run_group_tests(tests, tu_group_setup, tu_group_teardown);
}
