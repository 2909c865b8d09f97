/* test_package_sign.c — a signed manifest checks out; an edited one does not;
 * the level above pins a commune's key on first use and refuses another key,
 * an unsigned package once the key is known, and a key pinned for another office. */
#include "records_fixture.h"
#include "package-sign.h"

#include <string.h>

static sqlite3 *pkg;

/* A package-like database with a manifest of two rows. */
static void make_manifest(void)
{
    assert_int_equal(sqlite3_open(":memory:", &pkg), SQLITE_OK);
    assert_int_equal(sqlite3_exec(pkg, "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                                       "INSERT INTO manifest VALUES ('digest', 'abc'), ('source_code', '00004')",
                                  NULL, NULL, NULL), SQLITE_OK);
}

static void signed_manifest_checks_out(void **state)
{
    (void)state;
    make_manifest();
    cdtt_err e;
    unsigned char pk[KEY_PUBLIC_BYTES], mine[KEY_PUBLIC_BYTES];
    assert_int_equal(package_signature_check(pkg, "main", pk, &e), 0); /* unsigned */
    assert_int_equal(package_sign_manifest(pkg, rf_db, &e), 0);
    assert_int_equal(package_signature_check(pkg, "main", pk, &e), 1);
    assert_int_equal(keys_public(rf_db, mine, &e), 0);
    assert_memory_equal(pk, mine, KEY_PUBLIC_BYTES);
    /* An attacker edits the digest (as if re-sealing edited records) but cannot re-sign. */
    assert_int_equal(sqlite3_exec(pkg, "UPDATE manifest SET value = 'abd' WHERE key = 'digest'", NULL, NULL, NULL),
                     SQLITE_OK);
    assert_int_equal(package_signature_check(pkg, "main", pk, &e), -1);
    assert_non_null(strstr(e.msg, "edited"));
    sqlite3_close(pkg);
}

static void the_level_above_pins_and_refuses(void **state)
{
    (void)state;
    cdtt_err e;
    unsigned char k1[KEY_PUBLIC_BYTES] = {1}, k2[KEY_PUBLIC_BYTES] = {2};
    /* A dry run decides without pinning. */
    assert_int_equal(package_trust(rf_db, "2025-07", "00008", "Phường Ngọc Hà", 1, k1, 1, &e), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM known_key"), 0);
    assert_int_equal(package_trust(rf_db, "2025-07", "00008", "Phường Ngọc Hà", 1, k1, 0, &e), 0);
    assert_int_equal(rf_count("SELECT count(*) FROM known_key WHERE role = 'below'"), 1);
    assert_int_equal(package_trust(rf_db, "2025-07", "00008", "Phường Ngọc Hà", 1, k1, 0, &e), 0);
    /* Another key: refused, with the command to trust it, and kept as an offer. */
    assert_int_equal(package_trust(rf_db, "2025-07", "00008", "Phường Ngọc Hà", 1, k2, 0, &e), PACKAGE_TRUST_NEW_KEY);
    char fp[KEY_FINGERPRINT_LEN];
    keys_fingerprint(k2, fp);
    assert_non_null(strstr(e.msg, "cdtt keys trust 00008"));
    assert_non_null(strstr(e.msg, fp));
    assert_int_equal(rf_count("SELECT count(*) FROM known_key WHERE role = 'offered'"), 1);
    assert_int_equal(keys_trust(rf_db, "00008", fp, &e), 0);
    assert_int_equal(package_trust(rf_db, "2025-07", "00008", "Phường Ngọc Hà", 1, k2, 0, &e), 0);
    /* Unsigned, once the key is known: refused (a stripped signature). */
    assert_int_equal(package_trust(rf_db, "2025-07", "00008", "Phường Ngọc Hà", 0, k2, 0, &e), -1);
    /* Unsigned from an office not known yet (an older cdtt): accepted. */
    assert_int_equal(package_trust(rf_db, "2025-07", "00025", "Phường Giảng Võ", 0, k1, 0, &e), 0);
    /* The key of 00008 on a package of 00025: a copied file. */
    assert_int_equal(package_trust(rf_db, "2025-07", "00025", "Phường Giảng Võ", 1, k2, 0, &e), -1);
    assert_non_null(strstr(e.msg, "another office"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(signed_manifest_checks_out, rf_setup, rf_teardown),
        cmocka_unit_test_setup_teardown(the_level_above_pins_and_refuses, rf_setup, rf_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
