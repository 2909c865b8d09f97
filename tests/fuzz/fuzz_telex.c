/* fuzz_telex.c — the Telex engine (tui/telex.c) on any word and key: the
 * result is NFC UTF-8 within the buffer, and typing whole key sequences never
 * crashes. Input: byte 0 = key (ASCII: the engine is only given ASCII keys),
 * byte 1 = style and buffer size, the rest = word. */
#include "fuzz_util.h"
#include "telex.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    char key = (char)(data[0] & 0x7f);
    enum telex_style style = data[1] & 1 ? TELEX_OLD : TELEX_NEW;
    size_t outlen = 1 + (data[1] >> 1); /* 1..128: small buffers too */
    char *word = fuzz_cstr(data + 2, size - 2);
    char *out = malloc(outlen);
    if (!out)
        abort();
    int rc = telex_apply(word, key, style, out, outlen);
    if (rc < -1 || rc > 1)
        abort();
    if (rc >= 0) {
        size_t n = strnlen(out, outlen);
        if (n == outlen || !text_valid_utf8(out, n))
            abort();
        if (rc == 1) {
            char *nfc = text_nfc(out);
            if (!nfc || strcmp(nfc, out) != 0)
                abort();
            free(nfc);
        }
    }
    size_t start = telex_word_start(word, strlen(word));
    if (start > strlen(word))
        abort();
    char *typed = telex_type(word, style);
    if (typed && text_valid_utf8(word, strlen(word)) && !text_valid_utf8(typed, strlen(typed)))
        abort();
    free(typed);
    free(out);
    free(word);
    return 0;
}
