/* fuzz_validate.c — every validator of db/validate.c on the input: no crash,
 * and what a validator accepts is valid UTF-8 that fits its buffer. The input
 * is split at its first two newlines to give the CCCD check a birth and gender. */
#include "fuzz_util.h"
#include "text.h"
#include "validate.h"

/* Aborts unless out is a NUL-terminated valid UTF-8 string within n bytes. */
static void must_be_text(const char *out, size_t n)
{
    size_t len = strnlen(out, n);
    if (len == n || !text_valid_utf8(out, len))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init_once();
    char *s = fuzz_cstr(data, size);
    valid_result r;
    char name[512], text[2048], phone[16], cccd[16], email[256], date[11], birth[11], shown[11];

    if (validate_name(s, name, sizeof name, &r) != VALID_ERROR)
        must_be_text(name, sizeof name);
    char tiny[8]; /* a clean form that does not fit must give "" */
    (void)validate_name(s, tiny, sizeof tiny, &r);
    must_be_text(tiny, sizeof tiny);
    if (validate_text(s, 500, text, sizeof text, &r) != VALID_ERROR)
        must_be_text(text, sizeof text);
    if (validate_phone(s, phone, &r) != VALID_ERROR)
        must_be_text(phone, sizeof phone);
    if (validate_email(s, email, &r) != VALID_ERROR)
        must_be_text(email, sizeof email);
    if (validate_date(s, date, &r) != VALID_ERROR)
        must_be_text(date, sizeof date);
    if (validate_birth(s, "2025-09-30", birth, &r) != VALID_ERROR)
        must_be_text(birth, sizeof birth);
    /* date_to_display never cuts a character of valid text in two. */
    date_to_display(s, shown);
    if (strnlen(shown, sizeof shown) == sizeof shown)
        abort();
    if (text_valid_utf8(s, strlen(s)))
        must_be_text(shown, sizeof shown);
    (void)parse_yes_no(s);

    /* "number\nbirth\ngender" for the CCCD check. */
    char *b = strchr(s, '\n'), *g = NULL;
    if (b) {
        *b++ = '\0';
        g = strchr(b, '\n');
        if (g)
            *g++ = '\0';
    }
    if (validate_cccd(s, b ? b : "", g ? g : "", cccd, &r) != VALID_ERROR)
        must_be_text(cccd, sizeof cccd);
    free(s);
    return 0;
}
