/* test_package_seal.c — a package sealed to the province opens only there,
 * whole and unchanged; a tampered or cut file, or another office, is refused. */
#include "testutil.h"
#include "office.h"
#include "package-seal.h"

#include <string.h>
#include <unistd.h>

static char *dir;
static sqlite3 *province, *other;
static char plain[600], sealed[600], opened[600];

static int setup(void **state)
{
    (void)state;
    tu_english();
    dir = tu_tempdir();
    province = tu_open_db(dir, "province.db");
    other = tu_open_db(dir, "other.db");
    office_rec p = {"2025-07", "01", "province", "Thành phố Hà Nội"}, q = {"2025-07", "12", "province", "Tỉnh Lai Châu"};
    cdtt_err e;
    if (office_set(province, &p, &e) || office_set(other, &q, &e))
        return -1;
    snprintf(plain, sizeof plain, "%s/p.cdtt", dir);
    snprintf(sealed, sizeof sealed, "%s/p.sealed", dir);
    snprintf(opened, sizeof opened, "%s/p.opened", dir);
    /* Three chunks and a bit: the stream's chunking is exercised. */
    FILE *f = fopen(plain, "wb");
    for (int i = 0; i < 200000; i++)
        fprintf(f, "%d,Nguyễn Văn %d,0912%06d\n", i, i, i);
    fclose(f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    db_close(province);
    db_close(other);
    tu_rmdir(dir);
    return 0;
}

/* The content of path (malloc'd) and its length. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *s = tu_read_all(f, n);
    fclose(f);
    return s;
}

/* Whether needle occurs in hay[0..n). */
static int holds(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

static void seal_to_province(void)
{
    unsigned char pk[KEY_PUBLIC_BYTES];
    cdtt_err e;
    unlink(sealed);
    assert_int_equal(keys_public(province, pk, &e), 0);
    assert_int_equal(package_seal(plain, sealed, "2025-07", "01", pk, &e), 0);
}

static void round_trip(void **state)
{
    (void)state;
    seal_to_province();
    assert_true(package_is_sealed(sealed));
    assert_false(package_is_sealed(plain));
    size_t n1, n2;
    char *a = slurp(plain, &n1), *s = slurp(sealed, &n2);
    assert_false(holds(s, n2, "Nguyễn Văn 1234")); /* nothing readable */
    free(s);
    cdtt_err e;
    unlink(opened);
    assert_int_equal(package_unseal(province, sealed, opened, &e), 0);
    char *b = slurp(opened, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(a, b, n1);
    free(a);
    free(b);
}

static void another_office_cannot_open_it(void **state)
{
    (void)state;
    seal_to_province();
    cdtt_err e;
    unlink(opened);
    assert_int_equal(package_unseal(other, sealed, opened, &e), -1);
    assert_non_null(strstr(e.msg, "encrypted for office 2025-07:01"));
    assert_int_equal(access(opened, F_OK), -1);
}

/* Flips one byte at offset off of the sealed file. */
static void flip(long off)
{
    FILE *f = fopen(sealed, "r+b");
    fseek(f, off, SEEK_SET);
    int c = fgetc(f);
    fseek(f, off, SEEK_SET);
    fputc(c ^ 1, f);
    fclose(f);
}

static void tampered_or_cut_is_refused(void **state)
{
    (void)state;
    cdtt_err e;
    seal_to_province();
    flip(100000); /* inside the second chunk */
    unlink(opened);
    assert_int_equal(package_unseal(province, sealed, opened, &e), -1);
    assert_non_null(strstr(e.msg, "changed or damaged"));
    assert_int_equal(access(opened, F_OK), -1);
    seal_to_province();
    size_t n;
    char *s = slurp(sealed, &n);
    FILE *f = fopen(sealed, "wb");
    fwrite(s, 1, n - 70000, f); /* the last chunk lost */
    fclose(f);
    free(s);
    assert_int_equal(package_unseal(province, sealed, opened, &e), -1);
    assert_int_equal(access(opened, F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(another_office_cannot_open_it),
        cmocka_unit_test(tampered_or_cut_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
