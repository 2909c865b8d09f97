/* test_validate.c — every validator against tables of good and bad input, as
 * people type it and as Excel writes it; messages in English and Vietnamese. */
#include "testutil.h"
#include "validate.h"
#include "text.h"

#include <time.h>

static const char *status_name(valid_status s)
{
    return s == VALID_OK ? "OK" : s == VALID_WARN ? "WARN" : "ERROR";
}

/* Checks one result: the status, the normalised output (when want_out is not
 * NULL) and that a message is set exactly when the status is not OK. */
static void check(const char *what, const char *in, valid_status got, const valid_result *r,
                  valid_status want, const char *out, const char *want_out)
{
    if (got != want || r->status != got) {
        print_error("%s(\"%s\"): status %s (result %s), expected %s; msg: %s\n", what, in,
                    status_name(got), status_name(r->status), status_name(want), r->msg);
        fail();
    }
    if (want == VALID_OK && r->msg[0]) {
        print_error("%s(\"%s\"): OK but a message: %s\n", what, in, r->msg);
        fail();
    }
    if (want != VALID_OK && strlen(r->msg) < 10) {
        print_error("%s(\"%s\"): %s without a message\n", what, in, status_name(want));
        fail();
    }
    if (want_out && strcmp(out, want_out) != 0) {
        print_error("%s(\"%s\"): out \"%s\", expected \"%s\"\n", what, in, out, want_out);
        fail();
    }
}

typedef struct {
    const char *in;
    valid_status st;
    const char *out; /* NULL: not checked */
} vcase;

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int setup(void **state)
{
    (void)state;
    tu_english();
    return 0;
}

/* ---- phone numbers ------------------------------------------------------ */

static const vcase PHONES[] = {
    {"0912345678", VALID_OK, "0912345678"},
    {"091 234 5678", VALID_OK, "0912345678"},
    {"0912 345 678", VALID_OK, "0912345678"},
    {"091.234.5678", VALID_OK, "0912345678"},
    {"091-234-5678", VALID_OK, "0912345678"},
    {"+84912345678", VALID_OK, "0912345678"},
    {"+84 912 345 678", VALID_OK, "0912345678"},
    {"+84-912-345-678", VALID_OK, "0912345678"},
    {"84912345678", VALID_OK, "0912345678"},
    {"84 91 234 5678", VALID_OK, "0912345678"},
    {"+84 0912345678", VALID_OK, "0912345678"},
    {"0084912345678", VALID_OK, "0912345678"},
    {"  0987654321  ", VALID_OK, "0987654321"},
    {"0321234567", VALID_OK, "0321234567"},
    {"0521234567", VALID_OK, "0521234567"},
    {"0701234567", VALID_OK, "0701234567"},
    {"0812345678", VALID_OK, "0812345678"},
    {"0999999999", VALID_OK, "0999999999"},
    {"+84 386 123 456", VALID_OK, "0386123456"},
    {"", VALID_OK, ""},
    {"   ", VALID_OK, ""},
    /* Excel stored the number as a number and dropped the 0. */
    {"912345678", VALID_WARN, "0912345678"},
    {"387654321", VALID_WARN, "0387654321"},
    {"0112345678", VALID_ERROR, ""},
    {"0212345678", VALID_ERROR, ""},
    {"0243826123", VALID_ERROR, ""},
    {"0412345678", VALID_ERROR, ""},
    {"0612345678", VALID_ERROR, ""},
    {"0012345678", VALID_ERROR, ""},
    {"091234567", VALID_ERROR, ""},
    {"09123456789", VALID_ERROR, ""},
    {"012345678901", VALID_ERROR, ""},
    {"123456789", VALID_ERROR, ""},
    {"0912a45678", VALID_ERROR, ""},
    {"0912/345/678", VALID_ERROR, ""},
    {"(091) 2345678", VALID_ERROR, ""},
    {"+1 555 123 4567", VALID_ERROR, ""},
    {"+84", VALID_ERROR, ""},
    {"+", VALID_ERROR, ""},
    {"...", VALID_ERROR, ""},
    {"-", VALID_ERROR, ""},
    {"+84 12345678", VALID_ERROR, ""},
    {"84 2812345678", VALID_ERROR, ""},
    {"0912345678 0987654321", VALID_ERROR, ""},
    {"\xef\xbc\x90\xef\xbc\x99\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94\xef\xbc\x95\xef\xbc\x96"
     "\xef\xbc\x97\xef\xbc\x98",
     VALID_ERROR, ""}, /* full-width digits */
    {"09\xff" "12345678", VALID_ERROR, ""},
    {"không có", VALID_ERROR, ""},
};

static void phones(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(PHONES); i++) {
        char out[16] = "junk";
        valid_result r;
        valid_status st = validate_phone(PHONES[i].in, out, &r);
        check("validate_phone", PHONES[i].in, st, &r, PHONES[i].st, out, PHONES[i].out);
    }
}

static void phone_message_says_what_is_expected(void **state)
{
    (void)state;
    char out[16];
    valid_result r;
    assert_int_equal(validate_phone("0212345678", out, &r), VALID_ERROR);
    assert_string_equal(r.msg, "a phone number must have 10 digits and start with 03, 05, 07, 08 or 09");
    assert_int_equal(validate_phone("0912345678", out, NULL), VALID_OK);
}

/* ---- dates -------------------------------------------------------------- */

static const vcase DATES[] = {
    {"25/03/1985", VALID_OK, "1985-03-25"},
    {"5/3/1985", VALID_OK, "1985-03-05"},
    {"05/3/1985", VALID_OK, "1985-03-05"},
    {"05-03-1985", VALID_OK, "1985-03-05"},
    {"05.03.1985", VALID_OK, "1985-03-05"},
    {"1985-03-05", VALID_OK, "1985-03-05"},
    {"1985-3-5", VALID_OK, "1985-03-05"},
    {" 25/03/1985 ", VALID_OK, "1985-03-25"},
    {"29/02/2000", VALID_OK, "2000-02-29"},
    {"29/02/2024", VALID_OK, "2024-02-29"},
    {"29/02/1904", VALID_OK, "1904-02-29"},
    {"28/02/2023", VALID_OK, "2023-02-28"},
    {"31/12/2100", VALID_OK, "2100-12-31"},
    {"01/01/1900", VALID_OK, "1900-01-01"},
    {"30/04/1975", VALID_OK, "1975-04-30"},
    {"31/01/2023", VALID_OK, "2023-01-31"},
    {"31/07/2025", VALID_OK, "2025-07-31"},
    {"31/08/2025", VALID_OK, "2025-08-31"},
    {"", VALID_OK, ""},
    {"  ", VALID_OK, ""},
    {"29/02/1900", VALID_ERROR, ""},
    {"29/02/2100", VALID_ERROR, ""},
    {"29/02/2023", VALID_ERROR, ""},
    {"2023-02-29", VALID_ERROR, ""},
    {"30/02/2024", VALID_ERROR, ""},
    {"31/04/2023", VALID_ERROR, ""},
    {"31/06/2023", VALID_ERROR, ""},
    {"31/09/2023", VALID_ERROR, ""},
    {"31/11/2023", VALID_ERROR, ""},
    {"32/01/2023", VALID_ERROR, ""},
    {"00/01/2023", VALID_ERROR, ""},
    {"01/00/2023", VALID_ERROR, ""},
    {"01/13/2023", VALID_ERROR, ""},
    {"3/25/1985", VALID_ERROR, ""}, /* month/day/year as US Excel writes it */
    {"1985-13-01", VALID_ERROR, ""},
    {"25/03/85", VALID_ERROR, ""},
    {"25/03/01985", VALID_ERROR, ""},
    {"31/12/1899", VALID_ERROR, ""},
    {"01/01/2101", VALID_ERROR, ""},
    {"25/03-1985", VALID_ERROR, ""},
    {"25 03 1985", VALID_ERROR, ""},
    {"25//1985", VALID_ERROR, ""},
    {"25/03/1985x", VALID_ERROR, ""},
    {"ngày 25/03/1985", VALID_ERROR, ""},
    {"abc", VALID_ERROR, ""},
    {"1985", VALID_ERROR, ""},
    {"-1/03/1985", VALID_ERROR, ""},
    {"25/03/1985 10:30", VALID_ERROR, ""},
    {"\xff/03/1985", VALID_ERROR, ""},
};

static void dates(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(DATES); i++) {
        char out[11] = "junk";
        valid_result r;
        valid_status st = validate_date(DATES[i].in, out, &r);
        check("validate_date", DATES[i].in, st, &r, DATES[i].st, out, DATES[i].out);
    }
}

static void date_messages_name_the_problem(void **state)
{
    (void)state;
    char out[11];
    valid_result r;
    validate_date("29/02/2023", out, &r);
    assert_string_equal(r.msg, "29/02/2023 does not exist: 2023 is not a leap year");
    validate_date("31/04/2023", out, &r);
    assert_string_equal(r.msg, "day 31 does not exist: month 04/2023 has 30 days");
    validate_date("hôm qua", out, &r);
    assert_non_null(strstr(r.msg, "dd/mm/yyyy"));
}

/* ---- birth dates -------------------------------------------------------- */

static const vcase BIRTHS[] = {
    {"25/03/1985", VALID_OK, "1985-03-25"},
    {"1985", VALID_OK, "1985"},
    {" 1985 ", VALID_OK, "1985"},
    {"1985-03-25", VALID_OK, "1985-03-25"},
    {"27/11/2011", VALID_OK, "2011-11-27"},   /* 15 today */
    {"28/11/2011", VALID_WARN, "2011-11-28"}, /* 15 tomorrow */
    {"2011", VALID_OK, "2011"},
    {"2012", VALID_WARN, "2012"},
    {"28/11/1925", VALID_OK, "1925-11-28"}, /* 100, 101 tomorrow */
    {"27/11/1925", VALID_WARN, "1925-11-27"}, /* 101 today */
    {"1926", VALID_OK, "1926"},
    {"1925", VALID_WARN, "1925"},
    {"1900", VALID_WARN, "1900"},
    {"27/11/2026", VALID_WARN, "2026-11-27"}, /* born today: age 0 */
    {"28/11/2026", VALID_ERROR, ""},
    {"01/01/2030", VALID_ERROR, ""},
    {"2027", VALID_ERROR, ""},
    {"1899", VALID_ERROR, ""},
    {"85", VALID_ERROR, ""},
    {"29/02/2023", VALID_ERROR, ""},
    {"năm 1985", VALID_ERROR, ""},
    {"", VALID_OK, ""},
};

static void births(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(BIRTHS); i++) {
        char out[11] = "junk";
        valid_result r;
        valid_status st = validate_birth(BIRTHS[i].in, "2026-11-27", out, &r);
        check("validate_birth", BIRTHS[i].in, st, &r, BIRTHS[i].st, out, BIRTHS[i].out);
    }
}

static void day_numbers_count_from_1970(void **state)
{
    (void)state;
    assert_int_equal(date_days_from_civil(1970, 1, 1), 0);
    assert_int_equal(date_days_from_civil(1969, 12, 31), -1);
    assert_int_equal(date_days_from_civil(2000, 3, 1), 11017);
    assert_int_equal(date_days_from_civil(2024, 2, 29), 19782);
    assert_int_equal(date_days_from_civil(1900, 1, 1), -25567);
    assert_int_equal(date_days_from_civil(2100, 12, 31), 47846);
    assert_int_equal(date_days_from_civil(2024, 3, 1) - date_days_from_civil(2024, 2, 28), 2);
    assert_int_equal(date_days_from_civil(2023, 3, 1) - date_days_from_civil(2023, 2, 28), 1);
}

static void birth_uses_today_when_not_given(void **state)
{
    (void)state;
    char out[11];
    valid_result r;
    assert_int_equal(validate_birth("01/01/2100", NULL, out, &r), VALID_ERROR);
    assert_int_equal(validate_birth("01/01/1980", "", out, &r), VALID_OK);
    assert_string_equal(out, "1980-01-01");
}

/* ---- CCCD --------------------------------------------------------------- */

typedef struct {
    const char *in, *birth, *gender;
    valid_status st;
    const char *out;
} cccd_case;

static const cccd_case CCCDS[] = {
    {"001085012345", "1985-03-25", "male", VALID_OK, "001085012345"},
    {"001 085 012 345", "1985", "male", VALID_OK, "001085012345"},
    {" 001085012345 ", "", "", VALID_OK, "001085012345"},
    {"001085012345", NULL, NULL, VALID_OK, "001085012345"},
    {"079190001234", "1990", "female", VALID_OK, "079190001234"},
    {"001203012345", "2003-01-01", "male", VALID_OK, "001203012345"},
    {"036301000001", "2001", "female", VALID_OK, "036301000001"},
    {"096099123456", "1999-12-31", "male", VALID_OK, "096099123456"},
    {"002000000000", "1900", "male", VALID_OK, "002000000000"},
    {"038170654321", "1970-05-05", "female", VALID_OK, "038170654321"},
    {"", "1985", "male", VALID_OK, ""},
    {"   ", NULL, NULL, VALID_OK, ""},
    {"001085012345", "1986", "male", VALID_WARN, "001085012345"},
    {"001085012345", "1985-01-01", "female", VALID_WARN, "001085012345"},
    {"001185012345", "1985", "male", VALID_WARN, "001185012345"},
    {"001285012345", "1985", "male", VALID_WARN, "001285012345"}, /* says 2085 */
    {"001085012345", "2085", "female", VALID_WARN, "001085012345"},
    {"003085012345", "1985", "male", VALID_WARN, "003085012345"}, /* no province 03 */
    {"097085012345", "1985", "male", VALID_WARN, "097085012345"},
    {"000085012345", "", "", VALID_WARN, "000085012345"},
    {"100085012345", "", "", VALID_WARN, "100085012345"},
    {"001485012345", "", "", VALID_WARN, "001485012345"},
    {"001985012345", "1985", "", VALID_WARN, "001985012345"},
    {"00108501234", "1985", "male", VALID_ERROR, ""},   /* 11 digits: Excel dropped a 0 */
    {"0010850123456", "1985", "male", VALID_ERROR, ""}, /* 13 */
    {"123456789", "", "", VALID_ERROR, ""},             /* old 9-digit CMND */
    {"00108501234a", "", "", VALID_ERROR, ""},
    {"001-085-012-345", "", "", VALID_ERROR, ""},
    {"001.085.012.345", "", "", VALID_ERROR, ""},
    {"1.08501234E+11", "", "", VALID_ERROR, ""}, /* Excel's scientific notation */
    {"\xff" "01085012345", "", "", VALID_ERROR, ""},
    {"CCCD 001085012345", "", "", VALID_ERROR, ""},
};

static void cccds(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(CCCDS); i++) {
        char out[16] = "junk";
        valid_result r;
        valid_status st = validate_cccd(CCCDS[i].in, CCCDS[i].birth, CCCDS[i].gender, out, &r);
        check("validate_cccd", CCCDS[i].in, st, &r, CCCDS[i].st, out, CCCDS[i].out);
    }
}

static void cccd_reports_every_mismatch(void **state)
{
    (void)state;
    char out[16];
    valid_result r;
    assert_int_equal(validate_cccd("001085012345", "1986", "female", out, &r), VALID_WARN);
    assert_non_null(strstr(r.msg, "born in 1985"));
    assert_non_null(strstr(r.msg, "1986"));
    assert_non_null(strstr(r.msg, "female"));
    assert_int_equal(validate_cccd("003085012345", NULL, NULL, out, &r), VALID_WARN);
    assert_non_null(strstr(r.msg, "003"));
    assert_int_equal(validate_cccd("0010850123", NULL, NULL, out, &r), VALID_ERROR);
    assert_non_null(strstr(r.msg, "12 digits"));
}

/* ---- names -------------------------------------------------------------- */

/* A string of n copies of unit (malloc'd). */
static char *repeat(const char *unit, int n)
{
    size_t len = strlen(unit);
    char *s = malloc(len * (size_t)n + 1);
    for (int i = 0; i < n; i++)
        memcpy(s + len * (size_t)i, unit, len);
    s[len * (size_t)n] = '\0';
    return s;
}

static const vcase NAMES[] = {
    {"Nguyễn Văn An", VALID_OK, "Nguyễn Văn An"},
    {"  Nguyễn   Văn  An  ", VALID_OK, "Nguyễn Văn An"},
    {"Nguye\xcc\x82\xcc\x83n Va\xcc\x86n \xc4\x90" "a\xcc\xa3\xcc\x86ng", VALID_OK, "Nguyễn Văn Đặng"},
    {"ĐẶNG THỊ HẰNG", VALID_OK, "ĐẶNG THỊ HẰNG"},
    {"Trần\xc2\xa0Thị Bích", VALID_OK, "Trần Thị Bích"}, /* no-break space from Word */
    {"Lê\xe3\x80\x80Lợi", VALID_OK, "Lê Lợi"},          /* ideographic space */
    {"Thôn 3", VALID_OK, "Thôn 3"},
    {"Tổ CNS số 1 - thôn Đông", VALID_OK, "Tổ CNS số 1 - thôn Đông"},
    {"A", VALID_OK, "A"},
    {"Ư", VALID_OK, "Ư"},
    {"Hoàng Thị Thu Thủy", VALID_OK, "Hoàng Thị Thu Thủy"},
    {"Lò Văn Pá", VALID_OK, "Lò Văn Pá"},
    {"H'Hen Niê", VALID_OK, "H'Hen Niê"},
    {"\xef\xbb\xbfNguyễn Văn An", VALID_OK, "Nguyễn Văn An"},          /* BOM from a CSV file */
    {"Nguyễn\xe2\x80\x8b Văn\xe2\x80\x8b An", VALID_OK, "Nguyễn Văn An"}, /* zero-width spaces */
    {"\xe2\x80\x8b", VALID_ERROR, ""},
    {"", VALID_ERROR, ""},
    {"    ", VALID_ERROR, ""},
    {"Nguyễn\tVăn An", VALID_ERROR, ""},
    {"Nguyễn Văn An\n", VALID_ERROR, ""},
    {"Nguyễn\r\nVăn", VALID_ERROR, ""},
    {"An\x01", VALID_ERROR, ""},
    {"An\x1b[31m", VALID_ERROR, ""},
    {"An\x7f", VALID_ERROR, ""},
    {"An\xc2\x85", VALID_ERROR, ""}, /* C1 NEL */
    {"An\xc2\x9b" "31m", VALID_ERROR, ""}, /* C1 CSI */
    {"abc\xe2\x80\xaeZYX", VALID_ERROR, ""}, /* U+202E RIGHT-TO-LEFT OVERRIDE */
    {"\xe2\x80\xaa" "An", VALID_ERROR, ""},   /* U+202A */
    {"An\xe2\x80\xad", VALID_ERROR, ""},      /* U+202D */
    {"\xe2\x81\xa6" "An\xe2\x81\xa9", VALID_ERROR, ""}, /* U+2066 ... U+2069 isolates */
    {"An\xe2\x81\xa8", VALID_ERROR, ""},      /* U+2068 */
    {"Nguy\xff" "n", VALID_ERROR, ""},
    {"Nguy\xe1\xbb", VALID_ERROR, ""},          /* cut in the middle of ễ */
    {"\xc0\xaf", VALID_ERROR, ""},              /* overlong */
    {"\xed\xa0\x80", VALID_ERROR, ""},          /* surrogate */
    {"Nguy\xe1\xbb\x85n \xc3", VALID_ERROR, ""}, /* truncated at the end */
    {"\xf8\x88\x80\x80\x80", VALID_ERROR, ""},  /* 5-byte form */
};

static void names(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(NAMES); i++) {
        char out[512] = "junk";
        valid_result r;
        valid_status st = validate_name(NAMES[i].in, out, sizeof out, &r);
        check("validate_name", NAMES[i].in, st, &r, NAMES[i].st, out, NAMES[i].out);
    }
}

static void name_length_limits(void **state)
{
    (void)state;
    char out[1024];
    valid_result r;
    /* "Đặng Thị Hằng " is 14 characters; 7 copies = 98, + "Ữ" + "ỹ" = 100. */
    char *base = repeat("Đặng Thị Hằng ", 7);
    char name100[512], name101[512];
    snprintf(name100, sizeof name100, "%sỮỹ", base);
    snprintf(name101, sizeof name101, "%sỮỹẠ", base);
    assert_int_equal(validate_name(name100, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, name100);
    assert_true(strlen(out) > 100); /* characters, not bytes */
    assert_int_equal(validate_name(name101, out, sizeof out, &r), VALID_ERROR);
    assert_non_null(strstr(r.msg, "101"));
    assert_string_equal(out, "");
    /* The same 100 characters decomposed are more code points but still 100 characters:
     * "Ớ " typed as O + horn + acute, 50 times, the last space replaced by "Ư". */
    char *dec = repeat("O\xcc\x9b\xcc\x81 ", 50);
    dec[strlen(dec) - 1] = '\0';
    char dec100[512];
    snprintf(dec100, sizeof dec100, "%sU\xcc\x9b", dec);
    assert_int_equal(validate_name(dec100, out, sizeof out, &r), VALID_OK);
    char *want = repeat("Ớ ", 50);
    want[strlen(want) - 1] = '\0';
    char want100[512];
    snprintf(want100, sizeof want100, "%sƯ", want);
    assert_string_equal(out, want100);
    /* Plain ASCII: 100 is fine, 101 is not; leading spaces do not count. */
    char *a100 = repeat("a", 100), *a101 = repeat("a", 101);
    char padded[200];
    snprintf(padded, sizeof padded, "   %s   ", a100);
    assert_int_equal(validate_name(a100, out, sizeof out, &r), VALID_OK);
    assert_int_equal(validate_name(padded, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, a100);
    assert_int_equal(validate_name(a101, out, sizeof out, &r), VALID_ERROR);
    /* An output buffer too small is an error, never a cut name. */
    assert_int_equal(validate_name("Nguyễn Văn An", out, 8, &r), VALID_ERROR);
    assert_string_equal(out, "");
    free(base);
    free(dec);
    free(want);
    free(a100);
    free(a101);
}

/* ---- free text ---------------------------------------------------------- */

static void free_text(void **state)
{
    (void)state;
    char out[256];
    valid_result r;
    assert_int_equal(validate_text("", 10, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, "");
    assert_int_equal(validate_text(NULL, 10, out, sizeof out, &r), VALID_OK);
    assert_int_equal(validate_text("  Nhà văn hóa thôn  ", 200, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, "Nhà văn hóa thôn");
    assert_int_equal(validate_text("dòng 1\r\ndòng 2\rdòng 3\n", 200, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, "dòng 1\ndòng 2\ndòng 3");
    assert_int_equal(validate_text("Ca\xcc\x80 Mau", 200, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, "Cà Mau");
    assert_int_equal(validate_text("\xef\xbb\xbfGhi ch\xc3\xba\xe2\x80\x8b", 200, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, "Ghi chú");
    assert_int_equal(validate_text("Hằng", 4, out, sizeof out, &r), VALID_OK);
    assert_int_equal(validate_text("Hằngg", 4, out, sizeof out, &r), VALID_ERROR);
    assert_non_null(strstr(r.msg, "5"));
    assert_int_equal(validate_text("a\tb", 200, out, sizeof out, &r), VALID_ERROR);
    assert_int_equal(validate_text("a\x1b" "b", 200, out, sizeof out, &r), VALID_ERROR);
    assert_int_equal(validate_text("a\xff", 200, out, sizeof out, &r), VALID_ERROR);
    assert_string_equal(out, "");
    assert_int_equal(validate_text("abcdef", 200, out, 4, &r), VALID_ERROR);
    assert_int_equal(validate_text("a\x7f", 200, out, sizeof out, &r), VALID_ERROR);
    assert_int_equal(validate_text("a\xc2\x9b" "b", 200, out, sizeof out, &r), VALID_ERROR);
}

/* One-line text: as a note, but a line break is a control character too. */
static void one_line_text(void **state)
{
    (void)state;
    char out[256];
    valid_result r;
    assert_int_equal(validate_line("  45/QĐ-UBND ", 40, out, sizeof out, &r), VALID_OK);
    assert_string_equal(out, "45/QĐ-UBND");
    assert_int_equal(validate_line("", 40, out, sizeof out, &r), VALID_OK);
    assert_int_equal(validate_line("Nhà văn hoá\nthôn", 40, out, sizeof out, &r), VALID_ERROR);
    assert_non_null(strstr(r.msg, "control"));
    assert_int_equal(validate_line("a\rb", 40, out, sizeof out, &r), VALID_ERROR);
    assert_int_equal(validate_line("a\tb", 40, out, sizeof out, &r), VALID_ERROR);
    assert_int_equal(validate_line("a\x1b[2J", 40, out, sizeof out, &r), VALID_ERROR);
    assert_string_equal(out, "");
    assert_int_equal(validate_line("Hằngg", 4, out, sizeof out, &r), VALID_ERROR);
}

/* ---- e-mail ------------------------------------------------------------- */

static const vcase EMAILS[] = {
    {"an.nguyen@gmail.com", VALID_OK, "an.nguyen@gmail.com"},
    {"  ubnd.xa@hanoi.gov.vn ", VALID_OK, "ubnd.xa@hanoi.gov.vn"},
    {"a+b@x.vn", VALID_OK, "a+b@x.vn"},
    {"", VALID_OK, ""},
    {"an nguyen@gmail.com", VALID_ERROR, ""},
    {"an.nguyen.gmail.com", VALID_ERROR, ""},
    {"an@nguyen@gmail.com", VALID_ERROR, ""},
    {"@gmail.com", VALID_ERROR, ""},
    {"an@gmail", VALID_ERROR, ""},
    {"an@.gmail.com", VALID_ERROR, ""},
    {"an@gmail.com.", VALID_ERROR, ""},
    {"an@gmail..com", VALID_ERROR, ""},
    {"an@", VALID_ERROR, ""},
    {"an\x01@x.vn", VALID_ERROR, ""},
    {"an\xff@x.vn", VALID_ERROR, ""},
};

static void emails(void **state)
{
    (void)state;
    for (size_t i = 0; i < N(EMAILS); i++) {
        char out[256] = "junk";
        valid_result r;
        valid_status st = validate_email(EMAILS[i].in, out, &r);
        check("validate_email", EMAILS[i].in, st, &r, EMAILS[i].st, out, EMAILS[i].out);
    }
}

/* ---- display, today, yes/no --------------------------------------------- */

static void display_dates(void **state)
{
    (void)state;
    char out[11];
    date_to_display("1985-03-25", out);
    assert_string_equal(out, "25/03/1985");
    date_to_display("1985", out);
    assert_string_equal(out, "1985");
    date_to_display("", out);
    assert_string_equal(out, "");
    date_to_display(NULL, out);
    assert_string_equal(out, "");
    /* Text that is not a date is cut to 10 bytes without splitting a character. */
    date_to_display("Huy\xe1\xbb\x87n H\xc3\xb2" "a Vang", out);
    assert_string_equal(out, "Huy\xe1\xbb\x87n H");
    assert_true(text_valid_utf8(out, strlen(out)));
    date_to_display("25/03/1985", out);
    assert_string_equal(out, "25/03/1985");
    date_to_display("1985-3-25", out);
    assert_string_equal(out, "1985-3-25");
    date_to_display("a very long stored value", out);
    assert_string_equal(out, "a very lon");
}

static void today_is_today(void **state)
{
    (void)state;
    char out[11], want[11];
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    snprintf(want, sizeof want, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    date_today(out);
    assert_string_equal(out, want);
    char iso[11];
    valid_result r;
    assert_int_equal(validate_date(out, iso, &r), VALID_OK);
    assert_string_equal(iso, out);
}

static void yes_no(void **state)
{
    (void)state;
    static const char *const yes[] = {"có", "Có", "CÓ", "co", "x", "X", "1", "yes", "Yes", "y", "true",
                                      " có ", "Co\xcc\x81"};
    static const char *const no[] = {"không", "Không", "KHÔNG", "khong", "0", "no", "No", "n", "false",
                                     "", "  ", "k"};
    static const char *const neither[] = {"có lẽ", "2", "maybe", "xx", "\xff", "yess"};
    for (size_t i = 0; i < N(yes); i++)
        if (parse_yes_no(yes[i]) != 1)
            fail_msg("parse_yes_no(\"%s\") is not 1", yes[i]);
    for (size_t i = 0; i < N(no); i++)
        if (parse_yes_no(no[i]) != 0)
            fail_msg("parse_yes_no(\"%s\") is not 0", no[i]);
    for (size_t i = 0; i < N(neither); i++)
        if (parse_yes_no(neither[i]) != -1)
            fail_msg("parse_yes_no(\"%s\") is not -1", neither[i]);
}

/* ---- huge and hostile input -------------------------------------------- */

static void huge_fields(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    memset(big, '9', n);
    big[n] = '\0';
    char out16[16], out11[11], out256[256], name[512];
    valid_result r;
    assert_int_equal(validate_phone(big, out16, &r), VALID_ERROR);
    assert_string_equal(out16, "");
    assert_int_equal(validate_cccd(big, NULL, NULL, out16, &r), VALID_ERROR);
    assert_int_equal(validate_date(big, out11, &r), VALID_ERROR);
    assert_int_equal(validate_birth(big, "2026-11-27", out11, &r), VALID_ERROR);
    assert_int_equal(validate_email(big, out256, &r), VALID_ERROR);
    memset(big, 'a', n);
    assert_int_equal(validate_name(big, name, sizeof name, &r), VALID_ERROR);
    assert_non_null(strstr(r.msg, "1048576"));
    assert_int_equal(validate_text(big, 2000, name, sizeof name, &r), VALID_ERROR);
    assert_int_equal(parse_yes_no(big), -1);
    free(big);
}

/* ---- Vietnamese messages ------------------------------------------------ */

static void messages_in_vietnamese(void **state)
{
    (void)state;
    tu_vietnamese();
    char out[16], iso[11];
    valid_result r;
    validate_phone("0212345678", out, &r);
    char phone_msg[256];
    snprintf(phone_msg, sizeof phone_msg, "%s", r.msg);
    validate_date("29/02/2023", iso, &r);
    char date_msg[256];
    snprintf(date_msg, sizeof date_msg, "%s", r.msg);
    validate_cccd("001085012345", "1986", "female", out, &r);
    char cccd_msg[256];
    snprintf(cccd_msg, sizeof cccd_msg, "%s", r.msg);
    validate_phone("912345678", out, &r);
    char warn_msg[256];
    snprintf(warn_msg, sizeof warn_msg, "%s", r.msg);
    tu_english();
    assert_string_equal(phone_msg,
                        "số điện thoại phải có 10 chữ số và bắt đầu bằng 03, 05, 07, 08 hoặc 09");
    assert_string_equal(date_msg, "không có ngày 29/02/2023: năm 2023 không phải năm nhuận");
    assert_string_equal(cccd_msg, "theo số CCCD thì năm sinh là 1985, nhưng năm sinh đã nhập là 1986; "
                                  "theo số CCCD thì người này là nam, nhưng giới tính đã nhập là nữ");
    assert_string_equal(warn_msg, "số điện thoại chỉ có 9 chữ số; đã hiểu là 0912345678 (có thể Excel đã "
                                  "làm mất số 0 ở đầu)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phones),
        cmocka_unit_test(phone_message_says_what_is_expected),
        cmocka_unit_test(dates),
        cmocka_unit_test(date_messages_name_the_problem),
        cmocka_unit_test(births),
        cmocka_unit_test(birth_uses_today_when_not_given),
        cmocka_unit_test(day_numbers_count_from_1970),
        cmocka_unit_test(cccds),
        cmocka_unit_test(cccd_reports_every_mismatch),
        cmocka_unit_test(names),
        cmocka_unit_test(name_length_limits),
        cmocka_unit_test(free_text),
        cmocka_unit_test(one_line_text),
        cmocka_unit_test(emails),
        cmocka_unit_test(display_dates),
        cmocka_unit_test(today_is_today),
        cmocka_unit_test(yes_no),
        cmocka_unit_test(huge_fields),
        cmocka_unit_test(messages_in_vietnamese),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
