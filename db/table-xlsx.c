/* table-xlsx.c — the sheets of an Excel .xlsx workbook (Office Open XML), read
 * with libzip and expat: shared and inline strings, numbers, dates by their
 * number format, cached formula results, and merged cells (every cell of a
 * merged range gets the range's value). Parts are streamed through the
 * parser; a part that unpacks to more than 256 MiB is refused. */
#include "table.h"
#include "text.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define PART_MAX (256ULL * 1024 * 1024)

typedef struct {
    zip_t *zip;
    char *path;
    char **targets; /* each sheet's part name */
    char **sst;     /* shared strings */
    long n_sst, cap_sst;
    unsigned char *date_xf; /* per cell style: 1 when its format is a date */
    long n_xf;
    int date1904;
} xlsx;

/* ---- streaming a part through expat -------------------------------------- */

/* The element's name without a namespace prefix. */
static const char *local(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(local(atts[i]), name) == 0)
            return atts[i + 1];
    return NULL;
}

/* Parses part `name` with the handlers already set on p. Returns 0, 1 when
 * the part is absent and optional, or -1 with e set. */
static int parse_part(xlsx *x, const char *name, XML_Parser p, int optional, cdtt_err *e)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(x->zip, name, 0, &st) != 0) {
        if (optional)
            return 1;
        return err_set(e, _("%s: not a complete Excel workbook (%s is missing)"), x->path, name);
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > PART_MAX)
        return err_set(e, _("%s: %s is too big (%llu MiB; at most %llu MiB)"), x->path, name,
                       (unsigned long long)(st.size >> 20), PART_MAX >> 20);
    zip_file_t *zf = zip_fopen(x->zip, name, 0);
    if (!zf)
        return err_set(e, _("%s: cannot read %s: %s"), x->path, name, zip_strerror(x->zip));
    char buf[65536];
    unsigned long long total = 0;
    zip_int64_t got;
    int rc = 0;
    while ((got = zip_fread(zf, buf, sizeof buf)) > 0) {
        total += (unsigned long long)got;
        if (total > PART_MAX) {
            rc = err_set(e, _("%s: %s is too big (over %llu MiB)"), x->path, name, PART_MAX >> 20);
            break;
        }
        if (XML_Parse(p, buf, (int)got, 0) == XML_STATUS_ERROR)
            break;
    }
    if (got < 0 && rc == 0)
        rc = err_set(e, _("%s: %s is damaged: %s"), x->path, name, zip_file_strerror(zf));
    else if (rc == 0 && (XML_GetErrorCode(p) != XML_ERROR_NONE || XML_Parse(p, "", 0, 1) == XML_STATUS_ERROR)) {
        enum XML_Error code = XML_GetErrorCode(p);
        if (code == XML_ERROR_ABORTED)
            rc = -1; /* a handler set e */
        else
            rc = err_set(e, _("%s: %s is damaged (line %lu: %s)"), x->path, name,
                         (unsigned long)XML_GetCurrentLineNumber(p), XML_ErrorString(code));
    }
    zip_fclose(zf);
    return rc;
}

/* Text gathered between tags. */
typedef struct {
    char *s;
    size_t n, cap;
    int on;
} textbuf;

static void tb_add(textbuf *t, const char *s, int len)
{
    if (!t->on)
        return;
    if (t->n + (size_t)len + 1 > t->cap) {
        t->cap = (t->n + (size_t)len + 1) * 2;
        t->s = xrealloc(t->s, t->cap);
    }
    memcpy(t->s + t->n, s, (size_t)len);
    t->n += (size_t)len;
    t->s[t->n] = '\0';
}

static void tb_reset(textbuf *t)
{
    t->n = 0;
    if (t->s)
        t->s[0] = '\0';
}

static const char *tb_text(const textbuf *t)
{
    return t->s ? t->s : "";
}

/* ---- workbook.xml and its relationships ----------------------------------- */

typedef struct {
    xlsx *x;
    char **names, **rids;
    int n;
    char **rel_id, **rel_target;
    int n_rel;
} book_parse;

static void book_start(void *ud, const char *el, const char **atts)
{
    book_parse *b = ud;
    const char *l = local(el);
    if (strcmp(l, "sheet") == 0 && b->n < 1024) {
        const char *name = attr(atts, "name"), *id = attr(atts, "id");
        b->names = xrealloc(b->names, (size_t)(b->n + 1) * sizeof *b->names);
        b->rids = xrealloc(b->rids, (size_t)(b->n + 1) * sizeof *b->rids);
        b->names[b->n] = xstrdup(name ? name : "");
        b->rids[b->n] = xstrdup(id ? id : "");
        b->n++;
    } else if (strcmp(l, "workbookPr") == 0) {
        const char *d = attr(atts, "date1904");
        b->x->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (strcmp(l, "Relationship") == 0 && b->n_rel < 4096) {
        const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
        b->rel_id = xrealloc(b->rel_id, (size_t)(b->n_rel + 1) * sizeof *b->rel_id);
        b->rel_target = xrealloc(b->rel_target, (size_t)(b->n_rel + 1) * sizeof *b->rel_target);
        b->rel_id[b->n_rel] = xstrdup(id ? id : "");
        b->rel_target[b->n_rel] = xstrdup(target ? target : "");
        b->n_rel++;
    }
}

static void noop_end(void *ud, const char *el)
{
    (void)ud;
    (void)el;
}

/* ---- sharedStrings.xml --------------------------------------------------- */

typedef struct {
    xlsx *x;
    textbuf t;
    int in_si, in_phonetic;
} sst_parse;

static void sst_start(void *ud, const char *el, const char **atts)
{
    (void)atts;
    sst_parse *p = ud;
    const char *l = local(el);
    if (strcmp(l, "si") == 0) {
        p->in_si = 1;
        tb_reset(&p->t);
    } else if (strcmp(l, "rPh") == 0) {
        p->in_phonetic = 1;
    } else if (strcmp(l, "t") == 0 && p->in_si && !p->in_phonetic) {
        p->t.on = 1;
    }
}

static void sst_end(void *ud, const char *el)
{
    sst_parse *p = ud;
    const char *l = local(el);
    if (strcmp(l, "t") == 0) {
        p->t.on = 0;
    } else if (strcmp(l, "rPh") == 0) {
        p->in_phonetic = 0;
    } else if (strcmp(l, "si") == 0) {
        xlsx *x = p->x;
        if (x->n_sst == x->cap_sst) {
            x->cap_sst = x->cap_sst ? x->cap_sst * 2 : 256;
            x->sst = xrealloc(x->sst, (size_t)x->cap_sst * sizeof *x->sst);
        }
        x->sst[x->n_sst++] = xstrdup(tb_text(&p->t));
        p->in_si = 0;
    }
}

static void text_chars(void *ud, const char *s, int len)
{
    tb_add(&((sst_parse *)ud)->t, s, len);
}

/* ---- styles.xml: which cell formats are dates ---------------------------- */

typedef struct {
    xlsx *x;
    int in_xfs;
    long *custom_ids;
    unsigned char *custom_date;
    int n_custom;
} style_parse;

/* True when a number format code shows a date (d or y outside quotes and brackets). */
static int date_code(const char *code)
{
    int quoted = 0, bracket = 0;
    for (const char *p = code; *p; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == '[')
            bracket = 1;
        else if (!quoted && *p == ']')
            bracket = 0;
        else if (!quoted && !bracket && *p == '\\' && p[1])
            p++;
        else if (!quoted && !bracket && (*p == 'd' || *p == 'D' || *p == 'y' || *p == 'Y'))
            return 1;
    }
    return 0;
}

static int builtin_date(long id)
{
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

static void style_start(void *ud, const char *el, const char **atts)
{
    style_parse *p = ud;
    const char *l = local(el);
    if (strcmp(l, "numFmt") == 0 && p->n_custom < 4096) {
        const char *id = attr(atts, "numFmtId"), *code = attr(atts, "formatCode");
        p->custom_ids = xrealloc(p->custom_ids, (size_t)(p->n_custom + 1) * sizeof *p->custom_ids);
        p->custom_date = xrealloc(p->custom_date, (size_t)(p->n_custom + 1));
        p->custom_ids[p->n_custom] = id ? strtol(id, NULL, 10) : -1;
        p->custom_date[p->n_custom] = code ? (unsigned char)date_code(code) : 0;
        p->n_custom++;
    } else if (strcmp(l, "cellXfs") == 0) {
        p->in_xfs = 1;
    } else if (strcmp(l, "xf") == 0 && p->in_xfs && p->x->n_xf < 65536) {
        const char *id = attr(atts, "numFmtId");
        long fmt = id ? strtol(id, NULL, 10) : 0;
        int is_date = builtin_date(fmt);
        for (int i = 0; i < p->n_custom; i++)
            if (p->custom_ids[i] == fmt)
                is_date = p->custom_date[i];
        p->x->date_xf = xrealloc(p->x->date_xf, (size_t)p->x->n_xf + 1);
        p->x->date_xf[p->x->n_xf++] = (unsigned char)is_date;
    }
}

static void style_end(void *ud, const char *el)
{
    style_parse *p = ud;
    if (strcmp(local(el), "cellXfs") == 0)
        p->in_xfs = 0;
}

/* ---- a worksheet --------------------------------------------------------- */

typedef struct {
    xlsx *x;
    XML_Parser parser;
    table_grid *g;
    cdtt_err *e;
    long row, col;   /* 0-based; the current cell */
    char type[16];
    long style;
    textbuf t;
    int in_cell, in_is;
    table_range *merges;
    int n_merges;
    int failed;
} sheet_parse;

/* Parses "B12" into 0-based row and column; 0 when it is not a cell reference. */
static int cell_ref(const char *s, long *row, long *col)
{
    long c = 0, r = 0;
    int letters = 0, digits = 0;
    for (; *s >= 'A' && *s <= 'Z' && letters < 4; s++, letters++)
        c = c * 26 + (*s - 'A' + 1);
    for (; *s >= '0' && *s <= '9' && digits < 8; s++, digits++)
        r = r * 10 + (*s - '0');
    if (!letters || !digits || *s || r < 1)
        return 0;
    *row = r - 1;
    *col = c - 1;
    return 1;
}

static void sheet_start(void *ud, const char *el, const char **atts)
{
    sheet_parse *p = ud;
    const char *l = local(el);
    if (strcmp(l, "row") == 0) {
        const char *r = attr(atts, "r");
        long n = r ? strtol(r, NULL, 10) : 0;
        p->row = n >= 1 ? n - 1 : p->row + 1;
        p->col = -1;
    } else if (strcmp(l, "c") == 0) {
        const char *r = attr(atts, "r"), *t = attr(atts, "t"), *s = attr(atts, "s");
        long row, col;
        if (r && cell_ref(r, &row, &col)) {
            p->row = row;
            p->col = col;
        } else {
            p->col++;
        }
        snprintf(p->type, sizeof p->type, "%s", t ? t : "n");
        p->style = s ? strtol(s, NULL, 10) : 0;
        p->in_cell = 1;
        tb_reset(&p->t);
    } else if (p->in_cell && strcmp(l, "v") == 0) {
        tb_reset(&p->t);
        p->t.on = 1;
    } else if (p->in_cell && strcmp(l, "is") == 0) {
        p->in_is = 1;
        tb_reset(&p->t);
    } else if (p->in_is && strcmp(l, "t") == 0) {
        p->t.on = 1;
    } else if (strcmp(l, "mergeCell") == 0 && p->n_merges < 100000) {
        const char *ref = attr(atts, "ref");
        char a[32], b[32];
        const char *colon = ref ? strchr(ref, ':') : NULL;
        table_range m;
        if (colon && (size_t)(colon - ref) < sizeof a && strlen(colon + 1) < sizeof b) {
            memcpy(a, ref, (size_t)(colon - ref));
            a[colon - ref] = '\0';
            snprintf(b, sizeof b, "%s", colon + 1);
            if (cell_ref(a, &m.r0, &m.c0) && cell_ref(b, &m.r1, &m.c1) && m.r1 >= m.r0 && m.c1 >= m.c0) {
                p->merges = xrealloc(p->merges, (size_t)(p->n_merges + 1) * sizeof *p->merges);
                p->merges[p->n_merges++] = m;
            }
        }
    }
}

/* The text of the finished cell as the list shows it. */
static void cell_text(sheet_parse *p, char *num, size_t numlen, const char **out)
{
    const char *v = tb_text(&p->t);
    *out = v;
    if (strcmp(p->type, "s") == 0) {
        char *end;
        long i = strtol(v, &end, 10);
        *out = (*v && !*end && i >= 0 && i < p->x->n_sst) ? p->x->sst[i] : "";
    } else if (strcmp(p->type, "n") == 0 && *v) {
        char *end;
        double d = strtod(v, &end);
        if (*end)
            return;
        if (p->style >= 0 && p->style < p->x->n_xf && p->x->date_xf[p->style] &&
            table_excel_date(d, p->x->date1904, num) == 0)
            *out = num;
        else
            table_number_text(d, num, numlen);
        *out = num;
    } else if (strcmp(p->type, "d") == 0 && strlen(v) >= 10) {
        snprintf(num, numlen, "%.10s", v); /* ISO 8601 */
        *out = num;
    } else if (strcmp(p->type, "e") == 0) {
        *out = "";
    }
}

static void sheet_end(void *ud, const char *el)
{
    sheet_parse *p = ud;
    const char *l = local(el);
    if (strcmp(l, "v") == 0 || strcmp(l, "t") == 0) {
        p->t.on = 0;
    } else if (strcmp(l, "is") == 0) {
        p->in_is = 0;
    } else if (strcmp(l, "c") == 0 && p->in_cell) {
        p->in_cell = 0;
        char num[64];
        const char *text;
        cell_text(p, num, sizeof num, &text);
        if (!*text)
            return;
        char *nfc = text_nfc(text);
        int rc = table_grid_set(p->g, p->row, (int)(p->col < 0 ? 0 : p->col), nfc ? nfc : "", p->e);
        free(nfc);
        if (rc < 0) {
            p->failed = 1;
            XML_StopParser(p->parser, XML_FALSE);
        }
    }
}

static void sheet_chars(void *ud, const char *s, int len)
{
    tb_add(&((sheet_parse *)ud)->t, s, len);
}

static int xlsx_load(table_book *b, int sheet, table_grid *g, cdtt_err *e)
{
    xlsx *x = b->impl;
    sheet_parse p = {.x = x, .g = g, .e = e, .row = -1, .col = -1};
    p.parser = XML_ParserCreate("UTF-8");
    XML_SetUserData(p.parser, &p);
    XML_SetElementHandler(p.parser, sheet_start, sheet_end);
    XML_SetCharacterDataHandler(p.parser, sheet_chars);
    int rc = parse_part(x, x->targets[sheet], p.parser, 0, e);
    if (rc == 0)
        rc = table_grid_merge(p.g, p.merges, p.n_merges, e);
    XML_ParserFree(p.parser);
    free(p.t.s);
    free(p.merges);
    return rc < 0 ? -1 : 0;
}

static void xlsx_close(table_book *b)
{
    xlsx *x = b->impl;
    for (int i = 0; i < b->n_sheets; i++) {
        free(b->names[i]);
        free(x->targets[i]);
    }
    for (long i = 0; i < x->n_sst; i++)
        free(x->sst[i]);
    free(x->sst);
    free(x->targets);
    free(x->date_xf);
    free(b->names);
    if (x->zip)
        zip_discard(x->zip);
    free(x->path);
    free(x);
    free(b);
}

/* Parses an optional part with a fresh parser over handlers and user data. */
static int parse_with(xlsx *x, const char *name, void *ud, XML_StartElementHandler s, XML_EndElementHandler en,
                      XML_CharacterDataHandler ch, int optional, cdtt_err *e)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    XML_SetUserData(p, ud);
    XML_SetElementHandler(p, s, en);
    if (ch)
        XML_SetCharacterDataHandler(p, ch);
    int rc = parse_part(x, name, p, optional, e);
    XML_ParserFree(p);
    return rc;
}

/* The part a relationship target names, relative to xl/. */
static char *part_name(const char *target)
{
    char buf[600];
    if (target[0] == '/')
        snprintf(buf, sizeof buf, "%s", target + 1);
    else
        snprintf(buf, sizeof buf, "xl/%s", target);
    return xstrdup(buf);
}

table_book *table_xlsx_open(const char *path, cdtt_err *e)
{
    int zerr = 0;
    zip_t *z = zip_open(path, ZIP_RDONLY, &zerr);
    if (!z) {
        err_set(e, _("%s: not a valid .xlsx file (the zip archive is damaged)"), path);
        return NULL;
    }
    xlsx *x = xcalloc(1, sizeof *x);
    x->zip = z;
    x->path = xstrdup(path);
    table_book *b = xcalloc(1, sizeof *b);
    b->impl = x;
    b->load = xlsx_load;
    b->close = xlsx_close;

    book_parse bp = {.x = x};
    int rc = parse_with(x, "xl/workbook.xml", &bp, book_start, noop_end, NULL, 0, e);
    if (rc == 0)
        rc = parse_with(x, "xl/_rels/workbook.xml.rels", &bp, book_start, noop_end, NULL, 0, e);
    if (rc == 0 && bp.n == 0)
        rc = err_set(e, _("%s: the workbook has no sheets"), path);
    x->targets = xcalloc((size_t)(bp.n ? bp.n : 1), sizeof *x->targets);
    b->names = xcalloc((size_t)(bp.n ? bp.n : 1), sizeof *b->names);
    for (int i = 0; i < bp.n; i++) {
        const char *target = NULL;
        for (int k = 0; k < bp.n_rel && !target; k++)
            if (strcmp(bp.rel_id[k], bp.rids[i]) == 0)
                target = bp.rel_target[k];
        if (!target && rc == 0)
            rc = err_set(e, _("%s: sheet \"%s\" has no part"), path, bp.names[i]);
        b->names[i] = text_nfc(bp.names[i]);
        if (!b->names[i])
            b->names[i] = xstrdup("?");
        x->targets[i] = part_name(target ? target : "");
        b->n_sheets++;
    }
    for (int i = 0; i < bp.n; i++) {
        free(bp.names[i]);
        free(bp.rids[i]);
    }
    for (int i = 0; i < bp.n_rel; i++) {
        free(bp.rel_id[i]);
        free(bp.rel_target[i]);
    }
    free(bp.names);
    free(bp.rids);
    free(bp.rel_id);
    free(bp.rel_target);
    if (rc == 0) {
        sst_parse sp = {.x = x};
        rc = parse_with(x, "xl/sharedStrings.xml", &sp, sst_start, sst_end, text_chars, 1, e);
        free(sp.t.s);
    }
    if (rc >= 0) {
        style_parse st = {.x = x};
        rc = parse_with(x, "xl/styles.xml", &st, style_start, style_end, NULL, 1, e);
        free(st.custom_ids);
        free(st.custom_date);
    }
    if (rc < 0) {
        xlsx_close(b);
        return NULL;
    }
    return b;
}
