/* test_text.c — UTF-8 validity, NFC, cleaning, folding, display width and the
 * Vietnamese sort order of real names. */
#include "testutil.h"
#include "text.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Asserts that f(in) returns a malloc'd string equal to want, and frees it. */
#define ASSERT_STR_FN(f, in, want)                                                                 \
    do {                                                                                           \
        char *got_ = f(in);                                                                        \
        assert_non_null(got_);                                                                     \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

/* ---- validity, NFC, clean ----------------------------------------------- */

static void utf8_validity(void **state)
{
    (void)state;
    static const char *const good[] = {"", "abc", "Nguyễn", "中文", "\xf0\x9f\x98\x80" /* emoji */,
                                       "\xf4\x8f\xbf\xbf" /* U+10FFFF */, "\xef\xbb\xbf" /* BOM */};
    static const char *const bad[] = {
        "\xff", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "Nguy\xe1\xbb",
        "\xe1\xbb\x85\x85", "\x80", "a\xc3", "\xf8\x88\x80\x80\x80"};
    for (size_t i = 0; i < N(good); i++)
        if (!text_valid_utf8(good[i], strlen(good[i])))
            fail_msg("good UTF-8 #%zu refused", i);
    for (size_t i = 0; i < N(bad); i++)
        if (text_valid_utf8(bad[i], strlen(bad[i])))
            fail_msg("bad UTF-8 #%zu accepted", i);
    /* Only the first n bytes count. */
    assert_true(text_valid_utf8("ab\xff", 2));
    assert_false(text_valid_utf8("Nguyễn", 5)); /* cuts ễ */
}

static void nfc_composes(void **state)
{
    (void)state;
    ASSERT_STR_FN(text_nfc, "Nguye\xcc\x82\xcc\x83n", "Nguyễn");
    ASSERT_STR_FN(text_nfc, "\xc4\x90" "a\xcc\xa3\xcc\x86ng", "Đặng");
    ASSERT_STR_FN(text_nfc, "Tho\xcc\x89", "Thỏ");
    ASSERT_STR_FN(text_nfc, "U\xcc\x9b\xcc\x80", "Ừ");
    ASSERT_STR_FN(text_nfc, "Nguyễn Văn An", "Nguyễn Văn An");
    ASSERT_STR_FN(text_nfc, "", "");
    assert_null(text_nfc("Nguy\xff" "n"));
    char *n = text_nfc("Hoa\xcc\x80");
    assert_string_equal(n, "Hoà");
    assert_int_equal(strlen(n), 4);
    free(n);
}

static void clean_trims_and_collapses(void **state)
{
    (void)state;
    ASSERT_STR_FN(text_clean, "  Nguyễn   Văn\tAn  ", "Nguyễn Văn An");
    ASSERT_STR_FN(text_clean, "Trần\xc2\xa0\xc2\xa0Thị\nBích\r\n", "Trần Thị Bích");
    ASSERT_STR_FN(text_clean, "Le\xcc\x82 Lo\xcc\x9b\xcc\xa3i", "Lê Lợi");
    ASSERT_STR_FN(text_clean, "   ", "");
    ASSERT_STR_FN(text_clean, "", "");
    assert_null(text_clean("L\xea"));
}

/* ---- folding ------------------------------------------------------------ */

static void folding_real_names(void **state)
{
    (void)state;
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"Nguyễn Văn Đặng", "nguyen van dang"},
        {"ĐẶNG THỊ HẰNG", "dang thi hang"},
        {"Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90" "a\xcc\xa3\xcc\x86ng", "nguyen van dang"},
        {"Nguyễn Văn  Đặng", "nguyen van dang"},
        {"  Trương   Thị Ưng  ", "truong thi ung"},
        {"Hoàng Thùy Linh", "hoang thuy linh"},
        {"Huỳnh Đức Phổ", "huynh duc pho"},
        {"Lê Thị Thúy Hằng", "le thi thuy hang"},
        {"Xã Ea H'Leo", "xa ea h'leo"},
        {"Phường Cửa Nam", "phuong cua nam"},
        {"ỨNG HÒA", "ung hoa"},
        {"", ""},
        {"\xff", ""},
    };
    for (size_t i = 0; i < N(cases); i++) {
        char *f = text_fold(cases[i].in);
        if (strcmp(f, cases[i].want) != 0)
            fail_msg("text_fold(\"%s\") = \"%s\", expected \"%s\"", cases[i].in, f, cases[i].want);
        free(f);
    }
}

/* ---- width and fitting -------------------------------------------------- */

static void display_width(void **state)
{
    (void)state;
    assert_int_equal(text_width(""), 0);
    assert_int_equal(text_width("Nguyễn"), 6);
    assert_int_equal(text_width("Nguye\xcc\x82\xcc\x83n"), 6); /* marks take no column */
    assert_int_equal(text_width("Đặng Thị Hằng"), 13);
    assert_int_equal(text_width("中文"), 4);
    assert_int_equal(text_width("a中b"), 4);
    assert_int_equal(text_width("Hà Nội 河内"), 11);
    assert_int_equal(text_width("ab\xff"), 3); /* a bad byte shows as one replacement */
}

static void fitting(void **state)
{
    (void)state;
    const char *name = "Nguyễn Văn An";
    assert_int_equal(text_fit(name, 0), 0);
    assert_int_equal(text_fit(name, 3), 3);                   /* "Ngu" */
    assert_int_equal(text_fit(name, 6), strlen("Nguyễn"));    /* ễ is 3 bytes */
    assert_int_equal(text_fit(name, 9), strlen("Nguyễn Vă")); /* ă is 2 bytes */
    assert_int_equal(text_fit(name, 100), strlen(name));
    assert_int_equal(text_fit("中文字", 3), 3); /* a wide character never half-fits */
    assert_int_equal(text_fit("中文字", 4), 6);
    assert_int_equal(text_fit("a中", 2), 1);
    /* Combining marks stay with their letter. */
    const char *dec = "Nguye\xcc\x82\xcc\x83n";
    assert_int_equal(text_fit(dec, 5), strlen("Nguye\xcc\x82\xcc\x83"));
    /* Never splits a character, never runs past the text. */
    const char *s = "Đặng Thị Hằng 中文";
    for (int cols = 0; cols < 25; cols++) {
        size_t n = text_fit(s, cols);
        assert_true(n <= strlen(s));
        assert_true(text_valid_utf8(s, n));
        char prefix[64];
        memcpy(prefix, s, n);
        prefix[n] = '\0';
        assert_true(text_width(prefix) <= cols);
    }
}

/* ---- sort order --------------------------------------------------------- */

static int cmp_keys(const void *a, const void *b)
{
    const char *const *x = a, *const *y = b;
    return strcmp(x[1], y[1]);
}

/* Real full names in correct Vietnamese list order: by given name (letters
 * a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, then the tone),
 * then by family and middle name, then case. */
static const char *const NAMES_IN_ORDER[] = {
    "An",
    "Lê Văn An",
    "Nguyễn Văn An",
    "NGUYỄN VĂN AN",
    "Trần Thị An",
    "Bùi Đức Anh",
    "Dương Thị Anh",
    "Đỗ Tuấn Anh",
    "Phạm Ngọc Ánh",
    "Lý Văn Ân",
    "Lê Xuân Bách",
    "Hà Văn Bắc",
    "Vũ Thị Bình",
    "Ngô Linh Chi",
    "Phan Văn Chính",
    "Lâm Thị Cúc",
    "Đặng Văn Cường",
    "Lê Thị Dung",
    "Trịnh Tiến Dũng",
    "Mai Ánh Dương",
    "Nguyễn Thành Đạt",
    "Lương Văn Đông",
    "Hồ Thị Giang",
    "Tạ Thu Hà",
    "Đinh Thanh Hải",
    "Võ Thị Hạnh",
    "Đào Thúy Hằng",
    "Cao Ngọc Hân",
    "Kiều Thị Hiền",
    "Triệu Minh Hiếu",
    "Lại Thị Hoa",
    "Chu Văn Hòa", /* old tone placement */
    "Phí Thị Hoà", /* new tone placement: the same name */
    "Mạc Văn Hoàng",
    "Ninh Thị Hồng",
    "Quách Văn Hùng",
    "Tô Quang Huy",
    "Lục Thị Huyền",
    "Âu Văn Hưng",
    "Doãn Thị Hương",
    "Vương Quốc Khánh",
    "Khúc Văn Kiên",
    "Nguyễn Thị Lan",
    "Đoàn Văn Lâm",
    "Hoàng Thùy Linh",
    "Phùng Thị Loan",
    "Giáp Văn Long",
    "Mẫn Văn Lợi",
    "Đặng Thị Mai",
    "Lê Quang Minh",
    "Tăng Trà My",
    "Hứa Diễm Mỹ",
    "Trần Hoài Nam",
    "Nguyễn Thị Nga",
    "Chu Kim Ngân",
    "Bế Văn Nghĩa",
    "Lò Thị Ngọc",
    "Hà Thị Nhung",
    "Vi Thị Oanh",
    "Đàm Văn Phong",
    "Ông Thị Phương",
    "Tống Văn Quang",
    "Ma Văn Quân",
    "Hoàng Văn Sơn",
    "Nguyễn Thị Tâm",
    "Phạm Văn Thanh",
    "Lê Thị Thảo",
    "Nông Văn Thắng",
    "Trần Thị Thủy",
    "Nguyễn Thị Thúy",
    "Cù Văn Tiến",
    "Đỗ Thu Trang",
    "Hoàng Đức Trung",
    "Lê Thị Tú",
    "Vũ Anh Tuấn",
    "Kim Văn Tùng",
    "Thái Thị Uyên",
    "Mai Thị Vân",
    "Nguyễn Hoàng Việt",
    "Trương Thị Vy",
    "Đỗ Thị Xuân",
    "Bạch Thị Yến",
};

/* Shuffles the names with seed, sorts them by text_name_sort_key and fails
 * unless the result is NAMES_IN_ORDER. */
static void sort_with_seed(unsigned seed)
{
    const unsigned first_seed = seed;
    size_t n = N(NAMES_IN_ORDER);
    const char *(*pairs)[2] = calloc(n, sizeof *pairs);
    for (size_t i = 0; i < n; i++)
        pairs[i][0] = NAMES_IN_ORDER[i];
    for (size_t i = n - 1; i > 0; i--) { /* Fisher-Yates with a small LCG */
        seed = seed * 1103515245u + 12345u;
        size_t j = (seed >> 8) % (i + 1);
        const char *t = pairs[i][0];
        pairs[i][0] = pairs[j][0];
        pairs[j][0] = t;
    }
    for (size_t i = 0; i < n; i++)
        pairs[i][1] = text_name_sort_key(pairs[i][0]);
    qsort(pairs, n, sizeof *pairs, cmp_keys);
    for (size_t i = 0; i < n; i++)
        if (strcmp(pairs[i][0], NAMES_IN_ORDER[i]) != 0)
            fail_msg("seed %u: position %zu is \"%s\", expected \"%s\"", first_seed, i, pairs[i][0],
                     NAMES_IN_ORDER[i]);
    for (size_t i = 0; i < n; i++)
        free((char *)pairs[i][1]);
    free(pairs);
}

static void names_sort_in_vietnamese_order(void **state)
{
    (void)state;
    assert_true(N(NAMES_IN_ORDER) >= 40);
    for (unsigned seed = 1; seed <= 20; seed++)
        sort_with_seed(seed);
}

/* Fails unless the keys of words are strictly increasing. */
static void assert_increasing(const char *const *words, size_t n, char *(*key)(const char *))
{
    char *prev = key(words[0]);
    for (size_t i = 1; i < n; i++) {
        char *k = key(words[i]);
        if (strcmp(prev, k) >= 0)
            fail_msg("\"%s\" does not sort before \"%s\" (%s / %s)", words[i - 1], words[i], prev, k);
        free(prev);
        prev = k;
    }
    free(prev);
}

static void letters_then_tones_then_case(void **state)
{
    (void)state;
    static const char *const tones[] = {"ma", "mà", "mả", "mã", "má", "mạ", "mác", "mạc", "mai"};
    static const char *const letters[] = {"a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k",
                                          "l", "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư",
                                          "v", "x", "y"};
    static const char *const words[] = {"An", "Anh", "Ánh", "Ân", "Ấn", "Bách", "Bắc", "Bình"};
    static const char *const cases[] = {"an", "aN", "An", "AN"};
    static const char *const places[] = {"Cửa Nam", "Cửa Nam 2", "Cửa Ông", "Đông Anh", "Đồng Hới"};
    assert_increasing(tones, N(tones), text_sort_key);
    assert_increasing(letters, N(letters), text_sort_key);
    assert_increasing(words, N(words), text_sort_key);
    assert_increasing(words, N(words), text_name_sort_key);
    assert_increasing(cases, N(cases), text_sort_key);
    assert_increasing(places, N(places), text_sort_key);
}

static void equal_names_have_equal_keys(void **state)
{
    (void)state;
    static const char *const same[][2] = {
        {"Nguyễn Văn Đặng", "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90" "a\xcc\xa3\xcc\x86ng"},
        {"Chu Văn Hòa", "Chu Văn Hoà"},
        {"Lê Thị Thủy", "Lê Thị Thuỷ"},
        {"  Trần   Thị  Bích ", "Trần Thị Bích"},
    };
    for (size_t i = 0; i < N(same); i++) {
        char *a = text_name_sort_key(same[i][0]), *b = text_name_sort_key(same[i][1]);
        if (strcmp(a, b) != 0)
            fail_msg("\"%s\" and \"%s\" have different keys: %s / %s", same[i][0], same[i][1], a, b);
        free(a);
        free(b);
    }
}

static void keys_are_printable_ascii(void **state)
{
    (void)state;
    static const char *const inputs[] = {"Nguyễn Văn Đặng", "ĐẶNG THỊ HẰNG", "中文 名字", "😀 Zalo",
                                         "Tổ CNS số 1 - thôn Đông", "", "   ", "\xff\xfe", "a\x01" "b",
                                         "Ä Ö Ü ß ñ"};
    for (size_t i = 0; i < N(inputs); i++) {
        char *keys[2] = {text_sort_key(inputs[i]), text_name_sort_key(inputs[i])};
        for (int k = 0; k < 2; k++) {
            assert_non_null(keys[k]);
            for (const unsigned char *p = (const unsigned char *)keys[k]; *p; p++)
                if (*p < 0x20 || *p > 0x7e)
                    fail_msg("key of \"%s\" holds byte 0x%02x", inputs[i], *p);
            free(keys[k]);
        }
    }
}

/* Identity: marks tell names apart; case, spacing, NFC/NFD and the tone-placement
 * convention do not. */
static void name_identity(void **state)
{
    (void)state;
    static const struct {
        const char *a, *b;
        bool same;
    } cases[] = {
        {"Nguyễn Văn Ba", "Nguyễn Văn Bá", false},
        {"Nguyễn Văn Ba", "Nguyễn Văn Bà", false},
        {"Nguyễn Văn Bá", "Nguyễn Văn Bà", false},
        {"Lê Thị Hoa", "Lê Thị Hòa", false},
        {"Thôn Hà", "Thôn Hạ", false},
        {"Thôn Hà", "Thôn Hả", false},
        {"Thôn Đông", "Thôn Dông", false},
        {"Tổ 1", "Tổ 1A", false},
        {"Tổ 1-A", "Tổ 1A", false},
        {"Lê Thị Hòa", "Lê Thị Hoà", true},
        {"Nguyễn Thị Thủy", "nguyễn thị thuỷ", true},
        {"Khỏe", "Khoẻ", true},
        {"  Trần   Văn  Nam ", "Trần Văn Nam", true},
        {"TRẦN VĂN ĐẠT", "trần văn đạt", true},
        {"Ho\xcc\x80" "a", "Hòa", true}, /* decomposed mark */
        {"Hoa\xcc\x80", "Hòa", true}, /* tone placed on the last letter */
    };
    for (size_t i = 0; i < N(cases); i++)
        if (text_same_name(cases[i].a, cases[i].b) != cases[i].same)
            fail_msg("text_same_name(\"%s\", \"%s\") should be %s", cases[i].a, cases[i].b,
                     cases[i].same ? "true" : "false");
    /* Equal keys imply equal folded forms, so the folded index finds every candidate. */
    for (size_t i = 0; i < N(cases); i++) {
        if (!cases[i].same)
            continue;
        char *fa = text_fold(cases[i].a), *fb = text_fold(cases[i].b);
        assert_string_equal(fa, fb);
        free(fa);
        free(fb);
    }
    char *bad = text_name_key("\xff");
    assert_string_equal(bad, "");
    free(bad);
}

/* Every control character, C1 control, bidi override and stray byte gets a
 * visible stand-in; Vietnamese text passes unchanged. */
static void safe_to_show(void **state)
{
    (void)state;
    static const struct {
        const char *in;
        int flags;
        const char *want;
    } cases[] = {
        {"Nguyễn Văn An", 0, "Nguyễn Văn An"},
        {"", 0, ""},
        {"A\x1b]0;pwned\x07" "B", 0, "A^[]0;pwned^GB"},
        {"\x1b[2J", 0, "^[[2J"},
        {"x\ty\nz\r", 0, "x^Iy^Jz^M"},
        {"note\nline 2", TEXT_SAFE_NEWLINES, "note\nline 2"},
        {"a\x7f", 0, "a^?"},
        {"\xc2\x9b" "31m", 0, "<U+009B>31m"}, /* C1 CSI */
        {"abc\xe2\x80\xaeZYX", 0, "abc<U+202E>ZYX"},
        {"\xe2\x81\xa6i\xe2\x81\xa9", 0, "<U+2066>i<U+2069>"},
        {"\xe2\x80\x8e", 0, "\xe2\x80\x8e"}, /* a direction mark reorders nothing: kept */
        {"L\xea", 0, "L\\xEA"},
        {"\x9b", 0, "\\x9B"},
    };
    for (size_t i = 0; i < N(cases); i++) {
        char *got = text_safe(cases[i].in, cases[i].flags);
        if (strcmp(got, cases[i].want) != 0)
            fail_msg("case %zu: text_safe gave \"%s\", expected \"%s\"", i, got, cases[i].want);
        assert_int_equal(text_safe_needed(cases[i].in, cases[i].flags), strcmp(got, cases[i].in) != 0);
        free(got);
    }
    char *none = text_safe(NULL, 0);
    assert_string_equal(none, "");
    free(none);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_validity),
        cmocka_unit_test(nfc_composes),
        cmocka_unit_test(clean_trims_and_collapses),
        cmocka_unit_test(folding_real_names),
        cmocka_unit_test(display_width),
        cmocka_unit_test(fitting),
        cmocka_unit_test(names_sort_in_vietnamese_order),
        cmocka_unit_test(letters_then_tones_then_case),
        cmocka_unit_test(equal_names_have_equal_keys),
        cmocka_unit_test(keys_are_printable_ascii),
        cmocka_unit_test(name_identity),
        cmocka_unit_test(safe_to_show),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
