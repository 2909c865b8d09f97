/* validate.c — checking and normalising what a person types: names, free text,
 * phone numbers, CCCD numbers, e-mail addresses, dates, birth dates, yes/no. */
#include "validate.h"
#include "cdtt.h"
#include "text.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <utf8proc.h>

/* ---- results ------------------------------------------------------------ */

static void res_init(valid_result *r)
{
    r->status = VALID_OK;
    r->msg[0] = '\0';
}

/* Starts a check: the result (r, or local when r is NULL) says OK with no
 * message, out (outlen bytes, may be NULL) is empty and *in is never NULL.
 * Returns the result to fill. */
static valid_result *res_start(valid_result *r, valid_result *local, char *out, size_t outlen,
                               const char **in)
{
    if (!r)
        r = local;
    res_init(r);
    if (out && outlen)
        out[0] = '\0';
    if (!*in)
        *in = "";
    return r;
}

/* Records a finding: a worse severity replaces the message, an equal one is
 * appended after "; ", a milder one is dropped. Returns the status so far. */
static valid_status res_add(valid_result *r, valid_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static valid_status res_add(valid_result *r, valid_status st, const char *fmt, ...)
{
    char msg[sizeof r->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (st > r->status) {
        r->status = st;
        snprintf(r->msg, sizeof r->msg, "%s", msg);
    } else if (st == r->status && st != VALID_OK) {
        size_t n = strlen(r->msg);
        snprintf(r->msg + n, sizeof r->msg - n, "; %s", msg);
    }
    return r->status;
}

/* Copies s into out (outlen bytes) when it fits; returns false when it does not. */
static bool copy_out(char *out, size_t outlen, const char *s)
{
    size_t n = strlen(s);
    if (n >= outlen)
        return false;
    memcpy(out, s, n + 1);
    return true;
}

/* ---- characters --------------------------------------------------------- */

/* The number of code points in the valid UTF-8 string s. */
static size_t char_count(const char *s)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p & 0xC0) != 0x80)
            n++;
    return n;
}

/* True when cp is a control character (C0, DEL or C1) other than those in allowed. */
static bool is_control(int32_t cp, const char *allowed)
{
    if (!(cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)))
        return false;
    return !(cp < 0x80 && cp != 0 && strchr(allowed, (int)cp));
}

/* True when the valid UTF-8 string s holds a control character not in allowed. */
static bool has_control(const char *s, const char *allowed)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0)
            return true;
        if (is_control(cp, allowed))
            return true;
        p += k;
    }
    return false;
}

/* True when the valid UTF-8 string s holds a bidirectional embedding, override
 * or isolate (U+202A-U+202E, U+2066-U+2069): they reorder the text around
 * them on the screen, so that a name can show as something it is not. */
static bool has_bidi_control(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0)
            return false;
        if (text_is_bidi_control(cp))
            return true;
        p += k;
    }
    return false;
}

/* A malloc'd copy of the ASCII string s without leading and trailing blanks. */
static char *trim_dup(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        n--;
    char *c = xmalloc(n + 1);
    memcpy(c, s, n);
    c[n] = '\0';
    return c;
}

/* A malloc'd copy of s without leading and trailing blanks, or NULL when
 * nothing else is left (an empty optional field). */
static char *trim_nonblank(const char *s)
{
    char *c = trim_dup(s);
    if (*c)
        return c;
    free(c);
    return NULL;
}

/* True for characters that show nothing and only sneak in by copy and paste:
 * zero-width spaces and joiners, direction marks, the byte-order mark, soft hyphen. */
static bool is_invisible(int32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD;
}

/* A malloc'd copy of the valid UTF-8 string s without invisible characters. */
static char *strip_invisible(const char *s)
{
    char *c = xmalloc(strlen(s) + 1), *o = c;
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    while (*p) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
        if (k <= 0)
            break;
        if (!is_invisible(cp)) {
            memcpy(o, p, (size_t)k);
            o += k;
        }
        p += k;
    }
    *o = '\0';
    return c;
}

/* ---- names and free text ------------------------------------------------ */

valid_status validate_name(const char *in, char *out, size_t outlen, valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, outlen, &in);
    if (!text_valid_utf8(in, strlen(in)))
        return res_add(r, VALID_ERROR, "%s", _("the name contains bytes that are not valid UTF-8 text"));
    if (has_control(in, ""))
        return res_add(r, VALID_ERROR, "%s",
                       _("the name contains control characters (tab, line break or similar)"));
    if (has_bidi_control(in))
        return res_add(r, VALID_ERROR, "%s",
                       _("the name contains a character that reverses the direction of the text "
                         "(U+202A-U+202E, U+2066-U+2069); retype the name"));
    char *visible = strip_invisible(in);
    char *clean = text_clean(visible);
    free(visible);
    if (!clean || !*clean) {
        free(clean);
        return res_add(r, VALID_ERROR, "%s", _("the name must not be empty"));
    }
    size_t chars = char_count(clean);
    if (chars > NAME_MAX_CHARS) {
        free(clean);
        return res_add(r, VALID_ERROR, _("the name is %zu characters long; at most %d are allowed"), chars,
                       NAME_MAX_CHARS);
    }
    if (!out || !copy_out(out, outlen, clean))
        res_add(r, VALID_ERROR, "%s", _("the name is too long"));
    free(clean);
    return r->status;
}

/* Copies s replacing CR LF and lone CR by LF (malloc'd). */
static char *unify_newlines(const char *s)
{
    char *c = xmalloc(strlen(s) + 1), *o = c;
    for (; *s; s++) {
        if (*s == '\r') {
            *o++ = '\n';
            if (s[1] == '\n')
                s++;
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
    return c;
}

/* validate_text and validate_line: free text, with line breaks allowed or not. */
static valid_status check_free_text(const char *in, size_t max, bool lines, char *out, size_t outlen,
                                    valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, outlen, &in);
    if (!text_valid_utf8(in, strlen(in)))
        return res_add(r, VALID_ERROR, "%s", _("the text contains bytes that are not valid UTF-8 text"));
    char *visible = strip_invisible(in);
    char *unified = unify_newlines(visible);
    free(visible);
    if (has_control(unified, lines ? "\n" : "")) {
        free(unified);
        return res_add(r, VALID_ERROR, "%s",
                       lines ? _("the text contains control characters (only line breaks are allowed)")
                             : _("the text contains control characters (tab, line break or similar)"));
    }
    char *nfc = text_nfc(unified);
    free(unified);
    char *trimmed = trim_dup(nfc ? nfc : "");
    free(nfc);
    size_t chars = char_count(trimmed);
    if (chars > max)
        res_add(r, VALID_ERROR, _("the text is %zu characters long; at most %zu are allowed"), chars, max);
    else if (!out || !copy_out(out, outlen, trimmed))
        res_add(r, VALID_ERROR, "%s", _("the text is too long"));
    free(trimmed);
    return r->status;
}

valid_status validate_text(const char *in, size_t max, char *out, size_t outlen, valid_result *r)
{
    return check_free_text(in, max, true, out, outlen, r);
}

valid_status validate_line(const char *in, size_t max, char *out, size_t outlen, valid_result *r)
{
    return check_free_text(in, max, false, out, outlen, r);
}

/* ---- phone numbers ------------------------------------------------------ */

/* True when the 10-digit national number d starts 03, 05, 07, 08 or 09. */
static bool mobile_prefix_ok(const char *d)
{
    return d[0] == '0' && d[1] != '\0' && strchr("35789", d[1]);
}

valid_status validate_phone(const char *in, char out[16], valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, 16, &in);
    char *s = trim_nonblank(in);
    if (!s)
        return VALID_OK;
    const char *p = s;
    bool international = false;
    if (*p == '+') {
        international = true;
        p++;
    }
    char digits[64];
    size_t n = 0;
    bool bad_char = false;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            if (n + 1 < sizeof digits)
                digits[n] = *p;
            n++;
        } else if (*p != ' ' && *p != '.' && *p != '-') {
            bad_char = true;
        }
    }
    free(s);
    if (bad_char)
        return res_add(r, VALID_ERROR, "%s",
                       _("a phone number may contain only digits, spaces, dots, dashes and a leading +84"));
    if (n >= sizeof digits)
        n = sizeof digits - 1;
    digits[n] = '\0';
    const char *d = digits;
    if (international && strncmp(d, "84", 2) != 0)
        return res_add(r, VALID_ERROR, "%s",
                       _("only Vietnamese numbers (+84) are accepted; a phone number must have 10 digits "
                         "and start with 03, 05, 07, 08 or 09"));
    if (strncmp(d, "0084", 4) == 0 && n >= 13)
        d += 2;
    char national[16] = "";
    size_t dn = strlen(d);
    if ((international || dn == 11 || dn == 12) && strncmp(d, "84", 2) == 0) {
        const char *rest = d + 2;
        if (*rest == '0') /* +84 (0) 912 ... */
            rest++;
        if (strlen(rest) == 9)
            snprintf(national, sizeof national, "0%s", rest);
    } else if (dn == 10) {
        snprintf(national, sizeof national, "%s", d);
    } else if (dn == 9 && strchr("35789", d[0])) {
        snprintf(national, sizeof national, "0%s", d);
        if (mobile_prefix_ok(national)) {
            snprintf(out, 16, "%s", national);
            return res_add(r, VALID_WARN,
                           _("the phone number has 9 digits; read as %s (the leading 0 was probably lost "
                             "in Excel)"),
                           national);
        }
    }
    if (strlen(national) != 10 || !mobile_prefix_ok(national))
        return res_add(r, VALID_ERROR, "%s",
                       _("a phone number must have 10 digits and start with 03, 05, 07, 08 or 09"));
    snprintf(out, 16, "%s", national);
    return VALID_OK;
}

/* ---- CCCD --------------------------------------------------------------- */

/* Birth-province codes on a CCCD: "0" + the two-digit code of one of the 63
 * provinces before the 2025 reform. */
static const char *const CCCD_PROVINCES[] = {
    "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020",
    "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038",
    "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060",
    "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082",
    "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
};

static bool cccd_province_known(const char *d)
{
    for (size_t i = 0; i < sizeof CCCD_PROVINCES / sizeof CCCD_PROVINCES[0]; i++)
        if (strncmp(d, CCCD_PROVINCES[i], 3) == 0)
            return true;
    return false;
}

/* The year of a stored birth value ("YYYY" or "YYYY-MM-DD"), or 0. */
static int birth_year_of(const char *birth)
{
    if (!birth || strlen(birth) < 4)
        return 0;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)birth[i]))
            return 0;
    if (birth[4] != '\0' && birth[4] != '-')
        return 0;
    return (birth[0] - '0') * 1000 + (birth[1] - '0') * 100 + (birth[2] - '0') * 10 + (birth[3] - '0');
}

valid_status validate_cccd(const char *in, const char *birth, const char *gender, char out[16],
                           valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, 16, &in);
    char d[16];
    size_t n = 0;
    for (const char *p = in; *p; p++) {
        if (*p == ' ' || *p == '\t')
            continue;
        if (*p < '0' || *p > '9')
            return res_add(r, VALID_ERROR, "%s", _("a CCCD number may contain only digits (12 digits)"));
        if (n < 13)
            d[n] = *p;
        n++;
    }
    if (n == 0)
        return VALID_OK;
    if (n != 12)
        return res_add(r, VALID_ERROR,
                       _("a CCCD number must have 12 digits, this one has %zu (if Excel dropped a leading "
                         "0, format the column as Text)"),
                       n);
    d[12] = '\0';
    snprintf(out, 16, "%s", d);
    if (!cccd_province_known(d))
        res_add(r, VALID_WARN,
                _("the first three digits of the CCCD number (%.3s) are not a province code (001-096)"), d);
    int cg = d[3] - '0';
    if (cg > 3) {
        res_add(r, VALID_WARN,
                "%s", _("the 4th digit of the CCCD number must be 0-3 (0/1: born 1900s, 2/3: born 2000s)"));
        return r->status;
    }
    int year = (cg < 2 ? 1900 : 2000) + (d[4] - '0') * 10 + (d[5] - '0');
    int want = birth_year_of(birth);
    if (want && want != year)
        res_add(r, VALID_WARN, _("the CCCD number says born in %d, but the birth year entered is %d"), year,
                want);
    bool female = cg % 2 == 1;
    if (gender && strcmp(gender, "male") == 0 && female)
        res_add(r, VALID_WARN, "%s", _("the CCCD number is a woman's, but the gender entered is male"));
    else if (gender && strcmp(gender, "female") == 0 && !female)
        res_add(r, VALID_WARN, "%s", _("the CCCD number is a man's, but the gender entered is female"));
    return r->status;
}

/* ---- e-mail ------------------------------------------------------------- */

valid_status validate_email(const char *in, char out[256], valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, 256, &in);
    char *s = trim_nonblank(in);
    if (!s)
        return VALID_OK;
    const char *at = strchr(s, '@');
    const char *dom = at ? at + 1 : "";
    bool ok = text_valid_utf8(s, strlen(s)) && !has_control(s, "") && strlen(s) <= EMAIL_MAX_BYTES && at &&
              at != s && !strchr(dom, '@') && !strchr(s, ' ') && strchr(dom, '.') && dom[0] != '.' &&
              dom[strlen(dom) - 1] != '.' && !strstr(dom, "..");
    if (ok)
        snprintf(out, 256, "%s", s);
    else
        res_add(r, VALID_ERROR, "%s", _("an e-mail address must look like name@example.com, without spaces"));
    free(s);
    return r->status;
}

/* ---- dates -------------------------------------------------------------- */

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Reads 1..maxlen digits at *p into *v, advancing *p; returns the digit count. */
static int read_num(const char **p, int maxlen, int *v)
{
    int n = 0;
    *v = 0;
    while (isdigit((unsigned char)**p)) {
        if (n == maxlen)
            return maxlen + 1;
        *v = *v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    return n;
}

/* Splits "a<sep>b<sep>c" into three numbers with digit counts; false on any other shape. */
static bool split_date(const char *s, int v[3], int len[3])
{
    const char *p = s;
    char sep = 0;
    for (int i = 0; i < 3; i++) {
        len[i] = read_num(&p, 4, &v[i]);
        if (len[i] == 0 || len[i] > 4)
            return false;
        if (i < 2) {
            if (*p != '/' && *p != '-' && *p != '.')
                return false;
            if (sep && *p != sep)
                return false;
            sep = *p++;
        }
    }
    return *p == '\0';
}

valid_status validate_date(const char *in, char out[11], valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, 11, &in);
    char *s = trim_nonblank(in);
    if (!s)
        return VALID_OK;
    int v[3], len[3];
    bool shaped = split_date(s, v, len);
    free(s);
    int y, m, d;
    if (shaped && len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
        y = v[0], m = v[1], d = v[2];
    } else if (shaped && len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
        d = v[0], m = v[1], y = v[2];
    } else if (shaped && len[0] <= 2 && len[1] <= 2 && len[2] <= 2) {
        return res_add(r, VALID_ERROR, "%s", _("write the year with 4 digits: dd/mm/yyyy, e.g. 25/03/1985"));
    } else {
        return res_add(r, VALID_ERROR, "%s", _("a date must be written dd/mm/yyyy, e.g. 25/03/1985"));
    }
    if (y < 1900 || y > 2100)
        return res_add(r, VALID_ERROR, _("the year %d is out of range; it must be between 1900 and 2100"), y);
    if (m < 1 || m > 12)
        return res_add(r, VALID_ERROR, _("there is no month %d; the month must be 1-12 (dd/mm/yyyy)"), m);
    if (d < 1 || d > days_in_month(y, m)) {
        if (m == 2 && d == 29)
            return res_add(r, VALID_ERROR, _("29/02/%04d does not exist: %04d is not a leap year"), y, y);
        return res_add(r, VALID_ERROR, _("day %d does not exist: month %02d/%04d has %d days"), d, m, y,
                       days_in_month(y, m));
    }
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return VALID_OK;
}

/* Full years from the ISO date birth to the ISO date today (both valid). */
static int age_on(const char *birth, const char *today)
{
    int by, bm, bd, ty, tm, td;
    if (sscanf(birth, "%4d-%2d-%2d", &by, &bm, &bd) != 3 || sscanf(today, "%4d-%2d-%2d", &ty, &tm, &td) != 3)
        return 0;
    int age = ty - by;
    if (tm < bm || (tm == bm && td < bd))
        age--;
    return age;
}

valid_status validate_birth(const char *in, const char *today, char out[11], valid_result *r)
{
    valid_result local;
    r = res_start(r, &local, out, 11, &in);
    char *s = trim_nonblank(in);
    if (!s)
        return VALID_OK;
    char now[11];
    if (today && strlen(today) == 10)
        snprintf(now, sizeof now, "%s", today);
    else
        date_today(now);
    bool year_only = strlen(s) == 4 && strspn(s, "0123456789") == 4;
    int age;
    if (year_only) {
        int y = atoi(s);
        free(s);
        int ty = atoi(now);
        if (y < 1900 || y > 2100)
            return res_add(r, VALID_ERROR, _("the year %d is out of range; it must be between 1900 and 2100"),
                           y);
        if (y > ty)
            return res_add(r, VALID_ERROR, _("the birth year %d is in the future"), y);
        snprintf(out, 11, "%04d", y);
        age = ty - y;
    } else {
        valid_status st = validate_date(s, out, r);
        free(s);
        if (st != VALID_OK || !out[0])
            return st;
        if (strcmp(out, now) > 0) {
            out[0] = '\0';
            return res_add(r, VALID_ERROR, "%s", _("the birth date is in the future"));
        }
        age = age_on(out, now);
    }
    if (age < 15)
        res_add(r, VALID_WARN, _("this person would be %d years old, younger than 15; please check"), age);
    else if (age > 100)
        res_add(r, VALID_WARN, _("this person would be %d years old, older than 100; please check"), age);
    return r->status;
}

void date_to_display(const char *iso, char out[11])
{
    if (!iso)
        iso = "";
    bool full = strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-' && strspn(iso, "0123456789") == 4 &&
                strspn(iso + 5, "0123456789") == 2 && strspn(iso + 8, "0123456789") == 2;
    if (full)
        snprintf(out, 11, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
    else {
        size_t n = strlen(iso);
        if (n > 10) /* keep whole characters: back up over UTF-8 continuation bytes */
            for (n = 10; n > 0 && ((unsigned char)iso[n] & 0xC0) == 0x80; n--)
                ;
        snprintf(out, 11, "%.*s", (int)n, iso);
    }
}

void date_today(char out[11])
{
    time_t t = time(NULL);
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        snprintf(out, 11, "1970-01-01");
        return;
    }
    strftime(out, 11, "%Y-%m-%d", &tm);
}

/* ---- yes / no ----------------------------------------------------------- */

int parse_yes_no(const char *in)
{
    static const char *const YES[] = {"co", "c", "x", "1", "yes", "y", "true", "dung"};
    static const char *const NO[] = {"khong", "k", "ko", "0", "no", "n", "false", "sai", ""};
    if (!in)
        return 0;
    if (!text_valid_utf8(in, strlen(in)))
        return -1;
    char *f = text_fold(in);
    int answer = -1;
    for (size_t i = 0; answer < 0 && i < sizeof YES / sizeof YES[0]; i++)
        if (strcmp(f, YES[i]) == 0)
            answer = 1;
    for (size_t i = 0; answer < 0 && i < sizeof NO / sizeof NO[0]; i++)
        if (strcmp(f, NO[i]) == 0)
            answer = 0;
    free(f);
    return answer;
}
