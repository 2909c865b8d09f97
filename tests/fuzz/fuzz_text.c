/* fuzz_text.c — db/text.c on any bytes: NFC, cleaning, folding, sort keys,
 * display width and fitting, and text_safe. Checks the promises of text.h:
 * results are valid UTF-8, sort keys printable ASCII, a fit never splits a
 * character, text safe to show holds no control character, C1 control or
 * direction override and is valid UTF-8. */
#include "fuzz_util.h"
#include "text.h"

static void must_be_utf8(const char *s)
{
    if (s && !text_valid_utf8(s, strlen(s)))
        abort();
}

static void must_be_printable(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p > 0x7e)
            abort();
}

/* text_safe's promise: valid UTF-8 without anything a terminal would obey
 * (line feeds only when flags keep them), and no change when none is needed. */
static void must_be_safe(const char *s, int flags)
{
    char *safe = text_safe(s, flags);
    must_be_utf8(safe);
    const unsigned char *p = (const unsigned char *)safe;
    for (; *p; p++) {
        if ((*p < 0x20 && !(*p == '\n' && (flags & TEXT_SAFE_NEWLINES))) || *p == 0x7f)
            abort();
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            abort();
        if (p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
                             (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
            abort();
    }
    if (text_safe_needed(s, flags) != (strcmp(safe, s) != 0))
        abort();
    free(safe);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int cols = size ? data[0] % 100 : 0;
    char *s = fuzz_cstr(size ? data + 1 : data, size ? size - 1 : 0);
    size_t len = strlen(s);
    bool valid = text_valid_utf8(s, len);

    char *nfc = text_nfc(s), *clean = text_clean(s), *fold = text_fold(s);
    char *key = text_sort_key(s), *name_key = text_name_sort_key(s);
    if (valid != (nfc != NULL) || valid != (clean != NULL))
        abort();
    must_be_utf8(nfc);
    must_be_utf8(clean);
    must_be_utf8(fold);
    if (!fold || !key || !name_key)
        abort();
    must_be_printable(key);
    must_be_printable(name_key);
    if (valid) {
        /* Folding is idempotent; a clean text folds like the raw text. */
        char *again = text_fold(fold), *fold_clean = text_fold(clean);
        if (strcmp(again, fold) != 0 || strcmp(fold_clean, fold) != 0)
            abort();
        free(again);
        free(fold_clean);
        int w = text_width(s);
        size_t fit = text_fit(s, cols);
        if (w < 0 || fit > len || !text_valid_utf8(s, fit))
            abort();
        if (w <= cols && fit != len)
            abort();
        if (text_width(s) != w)
            abort();
    } else {
        (void)text_width(s);
        if (text_fit(s, cols) > len)
            abort();
    }
    must_be_safe(s, 0);
    must_be_safe(s, TEXT_SAFE_NEWLINES);
    free(nfc);
    free(clean);
    free(fold);
    free(key);
    free(name_key);
    free(s);
    return 0;
}
