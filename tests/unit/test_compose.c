/* test_compose.c — composing a letter and the combining marks that follow it. */
#include "testutil.h"
#include "compose.h"

#include <utf8proc.h>

/* The twelve Vietnamese vowels as base + vowel mark, lower and upper case. */
static const struct { uint32_t base, mark; } vowels[] = {
    {'a', 0}, {'a', 0x0306}, {'a', 0x0302}, {'e', 0}, {'e', 0x0302}, {'i', 0},
    {'o', 0}, {'o', 0x0302}, {'o', 0x031B}, {'u', 0}, {'u', 0x031B}, {'y', 0},
    {'A', 0}, {'A', 0x0306}, {'A', 0x0302}, {'E', 0}, {'E', 0x0302}, {'I', 0},
    {'O', 0}, {'O', 0x0302}, {'O', 0x031B}, {'U', 0}, {'U', 0x031B}, {'Y', 0},
};
static const uint32_t tones[] = {0x0300, 0x0301, 0x0303, 0x0309, 0x0323};

/* The precomposed character of the NFC of the given code points (fails if not one). */
static uint32_t expected_nfc(const uint32_t *cps, int n)
{
    utf8proc_uint8_t buf[32];
    utf8proc_ssize_t k = 0;
    for (int i = 0; i < n; i++)
        k += utf8proc_encode_char((utf8proc_int32_t)cps[i], buf + k);
    buf[k] = 0;
    utf8proc_uint8_t *nfc = utf8proc_NFC(buf);
    assert_non_null(nfc);
    utf8proc_int32_t cp;
    utf8proc_ssize_t used = utf8proc_iterate(nfc, -1, &cp);
    assert_true(used > 0);
    assert_int_equal(nfc[used], 0);
    free(nfc);
    return (uint32_t)cp;
}

/* Feeds base then marks one at a time, as the editor does; returns the result. */
static uint32_t feed(uint32_t base, const uint32_t *marks, int n)
{
    uint32_t cur = base;
    for (int i = 0; i < n; i++) {
        assert_true(compose_is_mark(marks[i]));
        cur = compose_pair(cur, marks[i]);
        assert_int_not_equal(cur, 0);
    }
    return cur;
}

static void every_vowel_with_every_tone_in_both_orders(void **state)
{
    (void)state;
    int checked = 0;
    for (size_t v = 0; v < sizeof vowels / sizeof *vowels; v++)
        for (size_t t = 0; t < 5; t++) {
            uint32_t all[3] = {vowels[v].base, vowels[v].mark, tones[t]};
            uint32_t want;
            if (vowels[v].mark) {
                want = expected_nfc(all, 3);
                uint32_t fwd[2] = {vowels[v].mark, tones[t]}, rev[2] = {tones[t], vowels[v].mark};
                assert_int_equal(feed(vowels[v].base, fwd, 2), want);
                assert_int_equal(feed(vowels[v].base, rev, 2), want);
                /* a precomposed vowel followed by its tone */
                uint32_t pre = compose_pair(vowels[v].base, vowels[v].mark);
                assert_int_equal(compose_pair(pre, tones[t]), want);
            } else {
                uint32_t two[2] = {vowels[v].base, tones[t]};
                want = expected_nfc(two, 2);
                assert_int_equal(feed(vowels[v].base, &tones[t], 1), want);
            }
            assert_true(want > 0x7F);
            checked++;
        }
    assert_int_equal(checked, 24 * 5);
}

static void known_characters(void **state)
{
    (void)state;
    uint32_t horn_acute[2] = {0x031B, 0x0301}, acute_horn[2] = {0x0301, 0x031B};
    assert_int_equal(feed('o', horn_acute, 2), 0x1EDB);  /* ớ */
    assert_int_equal(feed('o', acute_horn, 2), 0x1EDB);
    assert_int_equal(feed('U', horn_acute, 2), 0x1EE8);  /* Ứ */
    assert_int_equal(compose_pair('a', 0x0323), 0x1EA1); /* ạ */
    assert_int_equal(compose_pair(0x00E2, 0x0323), 0x1EAD); /* â + dot → ậ */
    assert_int_equal(compose_pair(0x1EA1, 0x0302), 0x1EAD); /* ạ + circumflex → ậ */
    assert_int_equal(compose_pair('y', 0x0309), 0x1EF7); /* ỷ */
    assert_int_equal(compose_pair('e', 0x0303), 0x1EBD); /* ẽ */
}

static void what_does_not_compose(void **state)
{
    (void)state;
    assert_false(compose_is_mark('a'));
    assert_false(compose_is_mark(0x0111)); /* đ is a letter */
    assert_false(compose_is_mark(0x110000));
    assert_true(compose_is_mark(0x0300));
    assert_true(compose_is_mark(0x0323));
    assert_int_equal(compose_pair('a', 'b'), 0);       /* not a mark */
    assert_int_equal(compose_pair('q', 0x031B), 0);    /* no q with horn */
    assert_int_equal(compose_pair(0x1EDB, 0x0301), 0); /* ớ already has a tone */
    assert_int_equal(compose_pair('1', 0x0301), 0);
    assert_int_equal(compose_pair(0x0301, 0x0301), 0); /* a mark is no base */
    assert_int_equal(compose_pair(0xD800, 0x0301), 0); /* a surrogate is no character */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_vowel_with_every_tone_in_both_orders),
        cmocka_unit_test(known_characters),
        cmocka_unit_test(what_does_not_compose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
