/* compose.c — composing a character with a following combining mark (NFC). */
#include "compose.h"

#include <stdlib.h>
#include <utf8proc.h>

bool compose_is_mark(uint32_t cp)
{
    return cp <= 0x10FFFF && utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_MN;
}

/* The single code point that is the NFC of cps[0, n), or 0. */
static uint32_t nfc_single(const utf8proc_int32_t *cps, int n)
{
    utf8proc_uint8_t in[64];
    utf8proc_ssize_t k = 0;
    for (int i = 0; i < n; i++)
        k += utf8proc_encode_char(cps[i], in + k);
    in[k] = 0;
    utf8proc_uint8_t *nfc = utf8proc_NFC(in);
    if (!nfc)
        return 0;
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t used = utf8proc_iterate(nfc, -1, &cp);
    uint32_t result = (used > 0 && nfc[used] == 0 && cp >= 0) ? (uint32_t)cp : 0;
    free(nfc);
    return result;
}

/* Marks above (circumflex, breve, tones) share one combining class, so Unicode
 * keeps their order: á + breve has no precomposed form while ắ is ă + acute.
 * Users do not care about that order, so the mark is tried at every place
 * among the base's own marks, the order Unicode spells first. */
uint32_t compose_pair(uint32_t base, uint32_t mark)
{
    if (!compose_is_mark(mark) || !utf8proc_codepoint_valid((utf8proc_int32_t)base) ||
        compose_is_mark(base))
        return 0;
    utf8proc_int32_t d[8];
    int bound = 0;
    utf8proc_ssize_t nd = utf8proc_decompose_char((utf8proc_int32_t)base, d, 6,
                                                  UTF8PROC_DECOMPOSE, &bound);
    if (nd < 1 || nd > 6)
        return 0;
    for (int at = (int)nd; at >= 1; at--) {
        utf8proc_int32_t seq[8];
        int k = 0;
        for (int i = 0; i < nd; i++) {
            if (i == at)
                seq[k++] = (utf8proc_int32_t)mark;
            seq[k++] = d[i];
        }
        if (at == nd)
            seq[k++] = (utf8proc_int32_t)mark;
        uint32_t c = nfc_single(seq, k);
        if (c && c != base)
            return c;
    }
    return 0;
}
