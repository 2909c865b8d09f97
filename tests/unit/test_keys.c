/* test_keys.c — the office's key pair and the keys of other offices, on a real file. */
#include "records_fixture.h"
#include "keys.h"

#include <string.h>

/* One key pair per file, made once; it signs, and a changed message or another
 * key does not verify. */
static void a_file_has_one_key_that_signs(void **state)
{
    (void)state;
    cdtt_err e;
    unsigned char pk[KEY_PUBLIC_BYTES], again[KEY_PUBLIC_BYTES], sig[KEY_SIGNATURE_BYTES];
    assert_int_equal(keys_public(rf_db, pk, &e), 0);
    assert_int_equal(keys_public(rf_db, again, &e), 0);
    assert_memory_equal(pk, again, KEY_PUBLIC_BYTES);
    assert_int_equal(rf_count("SELECT count(*) FROM office_key"), 1);
    const char msg[] = "digest of a package";
    assert_int_equal(keys_sign(rf_db, msg, sizeof msg, sig, &e), 0);
    assert_true(keys_verify(pk, msg, sizeof msg, sig));
    assert_false(keys_verify(pk, "digest of another", 17, sig));
    assert_int_equal(keys_renew(rf_db, &e), 0);
    assert_int_equal(keys_public(rf_db, again, &e), 0);
    assert_memory_not_equal(pk, again, KEY_PUBLIC_BYTES);
    assert_false(keys_verify(again, msg, sizeof msg, sig));
}

/* Four groups of five digits, the same for the same key. */
static void fingerprints_are_digit_groups(void **state)
{
    (void)state;
    unsigned char pk[KEY_PUBLIC_BYTES] = {1, 2, 3};
    char a[KEY_FINGERPRINT_LEN], b[KEY_FINGERPRINT_LEN];
    keys_fingerprint(pk, a);
    keys_fingerprint(pk, b);
    assert_string_equal(a, b);
    assert_int_equal(strlen(a), 23);
    for (int i = 0; i < 23; i++)
        assert_true(i % 6 == 5 ? a[i] == ' ' : (a[i] >= '0' && a[i] <= '9'));
    pk[31] = 1;
    keys_fingerprint(pk, b);
    assert_string_not_equal(a, b);
}

/* An offered key becomes the pinned one only with its own fingerprint. */
static void trusting_an_offered_key(void **state)
{
    (void)state;
    cdtt_err e;
    unsigned char old_pk[KEY_PUBLIC_BYTES] = {7}, new_pk[KEY_PUBLIC_BYTES] = {9};
    char fp[KEY_FINGERPRINT_LEN];
    keys_fingerprint(new_pk, fp);
    assert_int_equal(keys_trust(rf_db, "00008", fp, &e), -1);
    assert_non_null(strstr(e.msg, "nothing to trust"));
    assert_int_equal(keys_known_put(rf_db, "2025-07", "00008", KEY_ROLE_BELOW, old_pk, "Phường Ngọc Hà", "first-use", &e), 0);
    assert_int_equal(keys_known_put(rf_db, "2025-07", "00008", KEY_ROLE_OFFERED, new_pk, "Phường Ngọc Hà", "offered", &e), 0);
    assert_int_equal(keys_trust(rf_db, "00008", "12345 67890 12345 67890", &e), -1);
    assert_non_null(strstr(e.msg, fp)); /* the refusal shows the offered key's fingerprint */
    assert_int_equal(keys_trust(rf_db, "00008", fp, &e), 0);
    known_key k;
    assert_int_equal(keys_known_get(rf_db, "2025-07", "00008", KEY_ROLE_BELOW, &k, &e), 1);
    assert_memory_equal(k.pk, new_pk, KEY_PUBLIC_BYTES);
    assert_string_equal(k.how, "trusted");
    assert_int_equal(keys_known_get(rf_db, "2025-07", "00008", KEY_ROLE_OFFERED, &k, &e), 0);
    assert_int_equal(keys_forget(rf_db, "00008", &e), 1);
    assert_int_equal(keys_known_get(rf_db, "2025-07", "00008", KEY_ROLE_BELOW, &k, &e), 0);
}

/* The key line round-trips; damaged lines are refused with a reason. */
static void key_lines(void **state)
{
    (void)state;
    unsigned char pk[KEY_PUBLIC_BYTES], back[KEY_PUBLIC_BYTES];
    for (int i = 0; i < KEY_PUBLIC_BYTES; i++)
        pk[i] = (unsigned char)(i * 7);
    char line[700], scheme[12], code[12], name[404];
    keys_line("2025-07", "12", pk, "Tỉnh Lai Châu", line, sizeof line);
    cdtt_err e;
    assert_int_equal(keys_parse_line(line, scheme, code, back, name, &e), 0);
    assert_string_equal(scheme, "2025-07");
    assert_string_equal(code, "12");
    assert_string_equal(name, "Tỉnh Lai Châu");
    assert_memory_equal(pk, back, KEY_PUBLIC_BYTES);
    assert_int_equal(keys_parse_line("hello world", scheme, code, back, name, &e), -1);
    line[40] = 'z'; /* a digit of the key */
    assert_int_equal(keys_parse_line(line, scheme, code, back, name, &e), -1);
    assert_non_null(strstr(e.msg, "64 hexadecimal"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_file_has_one_key_that_signs, rf_setup, rf_teardown),
        cmocka_unit_test(fingerprints_are_digit_groups),
        cmocka_unit_test_setup_teardown(trusting_an_offered_key, rf_setup, rf_teardown),
        cmocka_unit_test(key_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
