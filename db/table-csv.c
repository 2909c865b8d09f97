/* table-csv.c — a CSV file's encoding: UTF-8 (streamed as it is), or UTF-16
 * and Windows-1258 as Excel's other "Save as" choices write them, converted to
 * UTF-8 with glibc's iconv and put in NFC (Windows-1258 writes tones as
 * combining marks). */
#include "table.h"
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#define SAMPLE_MAX (1024 * 1024)
#define CONVERT_MAX (256L * 1024 * 1024)

/* How the first bytes look: 1 valid UTF-8 (an incomplete character at the
 * very end is fine), 0 invalid with no multi-byte UTF-8 character before
 * (another 8-bit encoding), 2 invalid after valid multi-byte characters
 * (damaged UTF-8). */
static int utf8_kind(const unsigned char *p, size_t n)
{
    int multi = 0;
    size_t i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        size_t len = p[i] >= 0xF0 ? 4 : p[i] >= 0xE0 ? 3 : p[i] >= 0xC2 ? 2 : 0;
        if (len == 0)
            return multi ? 2 : 0;
        if (i + len > n)
            return n == SAMPLE_MAX ? 1 : multi ? 2 : 0;
        if (!text_valid_utf8((const char *)p + i, len))
            return multi ? 2 : 0;
        multi = 1;
        i += len;
    }
    return 1;
}

/* UTF-16 without a BOM: zero bytes in every other position (Latin text). */
static const char *utf16_guess(const unsigned char *p, size_t n)
{
    size_t even = 0, odd = 0, m = n < 4096 ? n : 4096;
    for (size_t i = 0; i < m; i++)
        if (!p[i]) {
            if (i % 2)
                odd++;
            else
                even++;
        }
    if (m >= 8 && odd * 3 > m / 2 * 2 && even * 8 < m / 2)
        return "UTF-16LE";
    if (m >= 8 && even * 3 > m / 2 * 2 && odd * 8 < m / 2)
        return "UTF-16BE";
    return NULL;
}

/* The iconv name of an encoding given with --encoding, or NULL. */
static const char *iconv_name(const char *enc)
{
    static const struct {
        const char *given, *name;
    } NAMES[] = {
        {"utf-8", "UTF-8"},          {"utf8", "UTF-8"},           {"utf-16", "UTF-16"},
        {"utf16", "UTF-16"},         {"utf-16le", "UTF-16LE"},    {"utf-16be", "UTF-16BE"},
        {"windows-1258", "CP1258"},  {"cp1258", "CP1258"},        {"1258", "CP1258"},
        {"windows1258", "CP1258"},
    };
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (strcasecmp(enc, NAMES[i].given) == 0)
            return NAMES[i].name;
    return NULL;
}

static const char *shown_name(const char *iconv)
{
    return strcmp(iconv, "CP1258") == 0 ? "Windows-1258" : strncmp(iconv, "UTF-16", 6) == 0 ? "UTF-16" : iconv;
}

/* Converts in[0..n) from `from` to NFC UTF-8 into *out. */
static int convert(const char *path, const char *from, const char *in, size_t n, char **out, size_t *outlen,
                   cdtt_err *e)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return err_set(e, _("%s: this system cannot convert from %s"), path, shown_name(from));
    size_t cap = n * 2 + 16, used = 0;
    char *buf = xmalloc(cap + 1);
    char *ip = (char *)in;
    size_t left = n;
    while (left > 0) {
        char *op = buf + used;
        size_t room = cap - used;
        size_t r = iconv(cd, &ip, &left, &op, &room);
        used = (size_t)(op - buf);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
            continue;
        }
        iconv_close(cd);
        free(buf);
        return err_set(e, _("%s: byte %zu is not valid %s; give the right --encoding (utf-8, utf-16, "
                            "windows-1258)"),
                       path, (size_t)(ip - in) + 1, shown_name(from));
    }
    iconv_close(cd);
    buf[used] = '\0';
    if (strlen(buf) != used) {
        free(buf);
        return err_set(e, _("%s: the text holds NUL characters; give the right --encoding"), path);
    }
    char *nfc = text_nfc(buf);
    free(buf);
    if (!nfc)
        return err_set(e, _("%s: the converted text is not valid UTF-8"), path);
    *out = nfc;
    *outlen = strlen(nfc);
    return 0;
}

int table_csv_decode(const char *path, const char *encoding, char **data, size_t *len, const char **enc,
                     int *guessed, cdtt_err *e)
{
    *data = NULL;
    *len = 0;
    *guessed = 0;
    *enc = "UTF-8";
    const char *from = NULL;
    if (encoding && *encoding && strcasecmp(encoding, "auto") != 0) {
        from = iconv_name(encoding);
        if (!from)
            return err_set(e, _("unknown encoding \"%s\": give utf-8, utf-16 or windows-1258"), encoding);
        if (strcmp(from, "UTF-8") == 0)
            return 0; /* streamed; invalid bytes are reported with their line */
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return err_set(e, _("cannot open %s: %s"), path, strerror(errno));
    struct stat sb;
    if (fstat(fileno(f), &sb) != 0 || !S_ISREG(sb.st_mode)) {
        fclose(f);
        return err_set(e, _("%s: not a regular file"), path);
    }
    unsigned char *sample = xmalloc(SAMPLE_MAX);
    size_t n = fread(sample, 1, SAMPLE_MAX, f);
    size_t skip = 0;
    if (!from) {
        if (n >= 2 && sample[0] == 0xFF && sample[1] == 0xFE)
            from = "UTF-16LE", skip = 2;
        else if (n >= 2 && sample[0] == 0xFE && sample[1] == 0xFF)
            from = "UTF-16BE", skip = 2;
        else if ((from = utf16_guess(sample, n)) != NULL)
            ;
        else if (utf8_kind(sample, n) != 0)
            from = NULL; /* UTF-8, or damaged UTF-8 that the reader will locate */
        else {
            from = "CP1258";
            *guessed = 1;
        }
    } else if (strcmp(from, "UTF-16") == 0 && n >= 2 && !(sample[0] == 0xFF && sample[1] == 0xFE) &&
               !(sample[0] == 0xFE && sample[1] == 0xFF)) {
        from = "UTF-16LE"; /* Excel writes little-endian */
    }
    free(sample);
    if (!from) {
        fclose(f);
        return 0;
    }
    if (sb.st_size > CONVERT_MAX) {
        fclose(f);
        return err_set(e, _("%s: too big to convert from %s (over 256 MiB); save it as CSV UTF-8"), path,
                       shown_name(from));
    }
    char *all = xmalloc((size_t)sb.st_size + 1);
    rewind(f);
    size_t got = fread(all, 1, (size_t)sb.st_size, f);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(all);
        return err_set(e, _("cannot read %s: %s"), path, strerror(EIO));
    }
    int rc = convert(path, from, all + (skip <= got ? skip : 0), got - (skip <= got ? skip : 0), data, len, e);
    free(all);
    *enc = shown_name(from);
    return rc;
}
