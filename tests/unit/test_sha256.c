/* test_sha256.c — SHA-256 against the FIPS 180-4 / NIST example vectors. */
#include "testutil.h"
#include "sha256.h"

static void hex_of(const void *data, size_t n, char out[65])
{
    sha256_ctx c;
    sha256_init(&c);
    sha256_update(&c, data, n);
    sha256_final_hex(&c, out);
}

static void empty_string(void **state)
{
    (void)state;
    char h[65];
    hex_of("", 0, h);
    assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void abc(void **state)
{
    (void)state;
    char h[65];
    hex_of("abc", 3, h);
    assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void two_block_message(void **state)
{
    (void)state;
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    char h[65];
    hex_of(m, strlen(m), h);
    assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void four_block_message(void **state)
{
    (void)state;
    const char *m = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                    "klmnopqrlmnopqrsmnopqrstnopqrstu";
    char h[65];
    hex_of(m, strlen(m), h);
    assert_string_equal(h, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* One million 'a', fed in uneven pieces so that the block buffering is exercised. */
static void million_a_in_pieces(void **state)
{
    (void)state;
    static char a[1000];
    memset(a, 'a', sizeof a);
    sha256_ctx c;
    sha256_init(&c);
    size_t left = 1000000, step = 1;
    while (left) {
        size_t n = step < left ? step : left;
        if (n > sizeof a)
            n = sizeof a;
        sha256_update(&c, a, n);
        left -= n;
        step = step % 997 + 13;
    }
    char h[65];
    sha256_final_hex(&c, h);
    assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* Lengths around the padding boundary (55, 56, 63, 64 bytes) agree whether fed at once or bytewise. */
static void padding_boundaries(void **state)
{
    (void)state;
    static const char *expect55 = "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318";
    char m[64], h1[65], h2[65];
    memset(m, 'a', sizeof m);
    hex_of(m, 55, h1);
    assert_string_equal(h1, expect55);
    for (size_t len = 54; len <= 64; len++) {
        hex_of(m, len, h1);
        sha256_ctx c;
        sha256_init(&c);
        for (size_t i = 0; i < len; i++)
            sha256_update(&c, m + i, 1);
        sha256_final_hex(&c, h2);
        assert_string_equal(h1, h2);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(empty_string),       cmocka_unit_test(abc),
        cmocka_unit_test(two_block_message),  cmocka_unit_test(four_block_message),
        cmocka_unit_test(million_a_in_pieces), cmocka_unit_test(padding_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
