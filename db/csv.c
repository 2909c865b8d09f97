/* csv.c — a streaming RFC 4180 reader and a writer, for CSV as Excel writes
 * and reads it (see csv.h). The reader holds one record in memory, never the
 * whole file. */
#include "csv.h"
#include "text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CSV_FIELD_MAX (64 * 1024)  /* longest field, in bytes */
#define CSV_FIELDS_MAX 4096        /* most fields in one record */
#define CSV_SNIFF_MAX (1024 * 1024) /* bytes looked at to detect the separator */

struct csv_reader {
    FILE *f;             /* NULL for a memory reader */
    char *name;          /* the file's path for messages, or NULL */
    const char *pre;     /* bytes read before f (the first line), or the memory */
    size_t pre_len, pre_pos;
    char *pre_owned;     /* pre when it was malloc'd */
    int pushback;        /* a byte given back, or EOF for none */
    char sep;
    long line;           /* the physical line being read (1-based) */
    long rec_line;       /* where the last record began */
    char *buf;           /* the record's fields, each NUL-terminated */
    size_t len, cap;
    size_t *offs;        /* start of each field in buf */
    char **fields;
    int nf, fcap;
};

/* The next byte, or EOF. */
static int rd(csv_reader *r)
{
    if (r->pushback != EOF) {
        int c = r->pushback;
        r->pushback = EOF;
        return c;
    }
    if (r->pre_pos < r->pre_len)
        return (unsigned char)r->pre[r->pre_pos++];
    return r->f ? getc_unlocked(r->f) : EOF;
}

/* Sets e to "FILE:LINE: message" (or "line LINE: message" for memory). */
static int fail_at(const csv_reader *r, cdtt_err *e, long line, const char *what)
{
    if (r->name)
        return err_set(e, "%s:%ld: %s", r->name, line, what);
    return err_set(e, _("line %ld: %s"), line, what);
}

/* The separator the first line of p[0..n) uses most outside quotes (',' on a tie). */
static char sniff_separator(const char *p, size_t n)
{
    size_t counts[3] = {0, 0, 0};
    const char seps[3] = {',', ';', '\t'};
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            for (int k = 0; k < 3; k++)
                if (c == seps[k])
                    counts[k]++;
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return seps[best];
}

/* Skips a UTF-8 byte order mark at the start of the prefix. */
static void skip_bom(csv_reader *r)
{
    if (r->pre_len >= 3 && memcmp(r->pre, "\xEF\xBB\xBF", 3) == 0)
        r->pre_pos = 3;
}

static csv_reader *reader_new(void)
{
    csv_reader *r = xcalloc(1, sizeof *r);
    r->pushback = EOF;
    r->line = 1;
    r->sep = ',';
    return r;
}

csv_reader *csv_open(const char *path, cdtt_err *e)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        err_set(e, _("cannot open %s: %s"), path, strerror(errno));
        return NULL;
    }
    /* Read the first line (quotes respected) so the separator can be seen. */
    size_t cap = 4096, n = 0;
    char *pre = xmalloc(cap);
    int quoted = 0, c;
    while (n < CSV_SNIFF_MAX && (c = getc(f)) != EOF) {
        if (n == cap)
            pre = xrealloc(pre, cap *= 2);
        pre[n++] = (char)c;
        if (c == '"')
            quoted = !quoted;
        else if (c == '\n' && !quoted)
            break;
    }
    if (ferror(f)) {
        err_set(e, _("cannot read %s: %s"), path, strerror(errno));
        free(pre);
        fclose(f);
        return NULL;
    }
    csv_reader *r = reader_new();
    r->f = f;
    r->name = xstrdup(path);
    r->pre = r->pre_owned = pre;
    r->pre_len = n;
    skip_bom(r);
    r->sep = sniff_separator(pre + r->pre_pos, n - r->pre_pos);
    return r;
}

csv_reader *csv_open_mem(const char *data, size_t len, cdtt_err *e)
{
    (void)e;
    csv_reader *r = reader_new();
    r->pre = data;
    r->pre_len = len;
    skip_bom(r);
    r->sep = sniff_separator(data + r->pre_pos, len - r->pre_pos);
    return r;
}

void csv_close(csv_reader *r)
{
    if (!r)
        return;
    if (r->f)
        fclose(r->f);
    free(r->name);
    free(r->pre_owned);
    free(r->buf);
    free(r->offs);
    free(r->fields);
    free(r);
}

long csv_line(const csv_reader *r)
{
    return r ? r->rec_line : 0;
}

static void put_byte(csv_reader *r, char c)
{
    if (r->len + 1 >= r->cap) {
        r->cap = r->cap ? r->cap * 2 : 256;
        r->buf = xrealloc(r->buf, r->cap);
    }
    r->buf[r->len++] = c;
}

static void start_field(csv_reader *r)
{
    if (r->nf == r->fcap) {
        r->fcap = r->fcap ? r->fcap * 2 : 16;
        r->offs = xrealloc(r->offs, (size_t)r->fcap * sizeof *r->offs);
        r->fields = xrealloc(r->fields, (size_t)r->fcap * sizeof *r->fields);
    }
    r->offs[r->nf++] = r->len;
}

/* Ends a line at c ('\r' or '\n'): swallows the '\n' of a CRLF and counts the line. */
static void end_line(csv_reader *r, int c)
{
    if (c == '\r') {
        int d = rd(r);
        if (d != '\n')
            r->pushback = d;
    }
    r->line++;
}

#define CSV_BAD (-2) /* read_field's "malformed" */

static int too_long(const csv_reader *r, cdtt_err *e)
{
    fail_at(r, e, r->line, _("a field is longer than 64 KiB"));
    return CSV_BAD;
}

/* A NUL byte never belongs in CSV text: the file is refused rather than a value
 * silently cut there. Most often the file was saved as UTF-16 ("Unicode Text"). */
static int nul_byte(const csv_reader *r, cdtt_err *e)
{
    fail_at(r, e, r->line,
            _("the file contains a NUL byte, so it is not UTF-8 text; it may have been saved as UTF-16 "
              "(\"Unicode Text\"): save it from Excel again as \"CSV UTF-8\""));
    return CSV_BAD;
}

/* Reads one field's bytes into buf. Returns the byte that ended it (sep, '\r',
 * '\n' or EOF), or CSV_BAD with e set. */
static int read_field(csv_reader *r, cdtt_err *e)
{
    size_t start = r->len;
    int c = rd(r);
    if (c == '"') {
        for (;;) {
            c = rd(r);
            if (c == EOF) {
                fail_at(r, e, r->rec_line, _("a quoted field is not closed (a \" is missing)"));
                return CSV_BAD;
            }
            if (c == 0)
                return nul_byte(r, e);
            if (c == '"') {
                c = rd(r);
                if (c != '"')
                    break; /* the closing quote */
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') { /* CRLF inside a field is kept as it is */
                    int d = rd(r);
                    if (d == '\n') {
                        put_byte(r, '\r');
                        c = '\n';
                    } else {
                        r->pushback = d;
                    }
                }
                r->line++;
            }
            if (r->len - start >= CSV_FIELD_MAX)
                return too_long(r, e);
            put_byte(r, (char)c);
        }
        /* Text after the closing quote is kept, as Excel does. */
    }
    while (c != EOF && c != r->sep && c != '\n' && c != '\r') {
        if (c == 0)
            return nul_byte(r, e);
        if (r->len - start >= CSV_FIELD_MAX)
            return too_long(r, e);
        put_byte(r, (char)c);
        c = rd(r);
    }
    return c;
}

int csv_next(csv_reader *r, char ***fields, cdtt_err *e)
{
    int c;
    /* Skip entirely empty lines. */
    for (;;) {
        c = rd(r);
        if (c == EOF)
            return 0;
        if (c == '\n' || c == '\r') {
            end_line(r, c);
            continue;
        }
        r->pushback = c;
        break;
    }
    r->rec_line = r->line;
    r->len = 0;
    r->nf = 0;
    for (;;) {
        if (r->nf >= CSV_FIELDS_MAX)
            return fail_at(r, e, r->rec_line, _("a record has too many fields"));
        start_field(r);
        c = read_field(r, e);
        if (c == CSV_BAD)
            return -1;
        put_byte(r, '\0');
        if (c == r->sep)
            continue;
        if (c == '\n' || c == '\r')
            end_line(r, c);
        break;
    }
    for (int i = 0; i < r->nf; i++) {
        r->fields[i] = r->buf + r->offs[i];
        if (!text_valid_utf8(r->fields[i], strlen(r->fields[i])))
            return fail_at(r, e, r->rec_line, _("the text is not valid UTF-8 (save the file as \"CSV UTF-8\")"));
    }
    *fields = r->fields;
    return r->nf;
}

/* True when s must be quoted to survive a round trip. Any of the separators
 * the reader may detect is quoted, whatever sep is, so that only the real
 * separator appears outside quotes and detection cannot go wrong. */
static bool needs_quotes(const char *s, char sep)
{
    if (!*s)
        return false;
    size_t n = strlen(s);
    if (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t')
        return true;
    for (const char *p = s; *p; p++)
        if (*p == sep || *p == ',' || *p == ';' || *p == '\t' || *p == '"' || *p == '\r' || *p == '\n')
            return true;
    return false;
}

/* The length of the formula sign at s (= + - @, or their full-width forms
 * U+FF1D U+FF0B U+FF0D U+FF20), or 0. */
static size_t formula_sign(const char *s)
{
    if (*s == '=' || *s == '+' || *s == '-' || *s == '@')
        return 1;
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x9D || u[2] == 0x8B || u[2] == 0x8D || u[2] == 0xA0))
        return 3;
    return 0;
}

/* True when s is a plain decimal number such as "-12", "+84912345678" or
 * "3.5", which a spreadsheet reads as a number, never as a formula. */
static bool plain_number(const char *s)
{
    if (*s == '+' || *s == '-')
        s++;
    size_t digits = strspn(s, "0123456789");
    if (digits == 0)
        return false;
    s += digits;
    if (*s == '.' && s[1])
        s += 1 + strspn(s + 1, "0123456789");
    return *s == '\0';
}

/* True when s, after any leading spaces, begins as a formula would, or when it
 * begins with a tab, CR or LF. */
static bool formula_start(const char *s)
{
    if (*s == '\t' || *s == '\r' || *s == '\n')
        return true;
    while (*s == ' ')
        s++;
    return formula_sign(s) > 0;
}

bool csv_is_formula(const char *s)
{
    return s && formula_start(s) && !plain_number(s);
}

const char *csv_unneutralise(const char *s)
{
    return s && s[0] == '\'' && formula_start(s + 1) ? s + 1 : s;
}

/* Writes s quoted when it has to be (see needs_quotes). */
static void write_quoted(FILE *f, const char *s, char sep)
{
    if (!needs_quotes(s, sep)) {
        fputs(s, f);
        return;
    }
    putc('"', f);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            putc('"', f);
        putc(*p, f);
    }
    putc('"', f);
}

void csv_write_field(FILE *f, const char *s, char sep)
{
    if (!s)
        s = "";
    char *safe = text_safe_needed(s, TEXT_SAFE_NEWLINES) ? text_safe(s, TEXT_SAFE_NEWLINES) : NULL;
    const char *cell = safe ? safe : s;
    if (csv_is_formula(cell)) {
        size_t n = strlen(cell);
        char *defused = xmalloc(n + 2);
        defused[0] = '\'';
        memcpy(defused + 1, cell, n + 1);
        write_quoted(f, defused, sep);
        free(defused);
    } else {
        write_quoted(f, cell, sep);
    }
    free(safe);
}

void csv_write_row(FILE *f, const char *const *fields, int n, char sep)
{
    for (int i = 0; i < n; i++) {
        if (i)
            putc(sep, f);
        csv_write_field(f, fields[i], sep);
    }
    fputs("\r\n", f);
}

void csv_write_bom(FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
}

/* The comparable form of a header: folded, with every ASCII character that is
 * not a letter or digit taken as a space, spaces collapsed and trimmed. */
static char *fold_header(const char *s)
{
    char *f = text_fold(s);
    size_t o = 0;
    int space = 1; /* drops leading spaces */
    for (size_t i = 0; f[i]; i++) {
        unsigned char c = (unsigned char)f[i];
        bool word = c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
                    (c >= 'A' && c <= 'Z');
        if (word) {
            f[o++] = (char)c;
            space = 0;
        } else if (!space) {
            f[o++] = ' ';
            space = 1;
        }
    }
    if (o > 0 && f[o - 1] == ' ')
        o--;
    f[o] = '\0';
    return f;
}

int csv_find_column(char **header, int n, const char *const *names)
{
    int found = -1;
    for (int i = 0; i < n && found < 0; i++) {
        char *h = fold_header(header[i]);
        for (int k = 0; names[k] && found < 0; k++) {
            char *w = fold_header(names[k]);
            if (*h && strcmp(h, w) == 0)
                found = i;
            free(w);
        }
        free(h);
    }
    return found;
}
