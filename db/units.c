/* units.c — importing the GSO lists of administrative units and looking units up. */
#include "units.h"
#include "validate.h"
#include "csv.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const LEVEL_NAMES[UNIT_LEVELS] = {"province", "district", "commune"};
static const int CODE_LEN[UNIT_LEVELS] = {2, 3, 5};
static const int CODE_SPACE[UNIT_LEVELS] = {100, 1000, 100000};

const char *units_level_name(enum unit_level l)
{
    return (l >= 0 && l < UNIT_LEVELS) ? LEVEL_NAMES[l] : "";
}

int units_level_of(const char *name)
{
    for (int l = 0; l < UNIT_LEVELS; l++)
        if (name && strcmp(name, LEVEL_NAMES[l]) == 0)
            return l;
    return -1;
}

bool units_scheme_valid(const char *s)
{
    return s && (strcmp(s, "2025-07") == 0 || strcmp(s, "pre-2025") == 0);
}

int units_level_of_code(const char *code)
{
    size_t n = strlen(code);
    for (size_t i = 0; i < n; i++)
        if (code[i] < '0' || code[i] > '9')
            return -1;
    for (int l = 0; l < UNIT_LEVELS; l++)
        if (n == (size_t)CODE_LEN[l])
            return l;
    return -1;
}

/* ---- reading the file ------------------------------------------------ */

/* The units of one level read so far, indexed by code. */
typedef struct {
    unit_rec *v;
    long *line; /* where each was first seen */
    int n, cap;
    int *by_code; /* code number → index + 1 */
} stage;

/* The columns of a GSO list; -1 when absent. */
typedef struct {
    int prov_name, prov_code, dist_name, dist_code, comm_name, comm_code, kind, n;
} columns;

static const char *const H_PROV_NAME[] = {"Tỉnh Thành Phố", "Tỉnh / Thành phố", "Tên tỉnh", "Tỉnh", NULL};
static const char *const H_PROV_CODE[] = {"Mã TP", "Mã tỉnh", NULL};
static const char *const H_DIST_NAME[] = {"Quận Huyện", "Quận / Huyện", "Tên huyện", "Huyện", NULL};
static const char *const H_DIST_CODE[] = {"Mã QH", "Mã huyện", NULL};
static const char *const H_COMM_NAME[] = {"Phường Xã", "Xã / Phường", "Tên xã", "Xã", NULL};
static const char *const H_COMM_CODE[] = {"Mã PX", "Mã xã", NULL};
static const char *const H_KIND[] = {"Cấp", NULL};

static const char *const PROVINCE_KINDS[] = {"Thành phố", "Tỉnh", NULL};
static const char *const DISTRICT_KINDS[] = {"Quận", "Huyện", "Thị xã", "Thành phố", NULL};
static const char *const COMMUNE_KINDS[] = {"Xã", "Phường", "Thị trấn", "Đặc khu", NULL};

/* The kind of the list that name starts with (followed by a space), or "". */
static const char *kind_from_name(const char *name, const char *const *kinds)
{
    for (int i = 0; kinds[i]; i++) {
        size_t n = strlen(kinds[i]);
        if (strncmp(name, kinds[i], n) == 0 && name[n] == ' ')
            return kinds[i];
    }
    return "";
}

static bool in_list(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(s, list[i]) == 0)
            return true;
    return false;
}

typedef struct {
    const char *path;
    long line;
    cdtt_err *e;
} where;

static bool all_digits(const char *s)
{
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* Checks and copies a code of level l; "" is allowed only when optional. */
static int take_code(const where *w, const char *raw, int l, char *out, bool optional)
{
    char *s = text_clean(raw);
    int rc = 0;
    if (!*s && !optional)
        rc = err_set(w->e, _("%s:%ld: the %s code is missing"), w->path, w->line, _(LEVEL_NAMES[l]));
    else if (*s && units_level_of_code(s) != l && all_digits(s) && strlen(s) < (size_t)CODE_LEN[l])
        rc = err_set(w->e,
                     _("%s:%ld: '%s' is not a %s code: it needs %d digits; Excel may have dropped the "
                       "leading zeros (open the file again from the original, with the code columns as Text)"),
                     w->path, w->line, s, _(LEVEL_NAMES[l]), CODE_LEN[l]);
    else if (*s && units_level_of_code(s) != l)
        rc = err_set(w->e, _("%s:%ld: '%s' is not a %s code (%d digits, leading zeros kept)"), w->path,
                     w->line, s, _(LEVEL_NAMES[l]), CODE_LEN[l]);
    else
        snprintf(out, 8, "%s", s);
    free(s);
    return rc;
}

/* Checks and copies a name as the forms do (validate_name: NFC, spaces
 * collapsed, no control characters or direction overrides); "" only when
 * optional. */
static int take_name(const where *w, const char *raw, int l, char *out, bool optional)
{
    char *s = text_clean(raw);
    int rc = 0;
    valid_result r;
    if (s && !*s && !optional)
        rc = err_set(w->e, _("%s:%ld: the %s name is missing"), w->path, w->line, _(LEVEL_NAMES[l]));
    else if (s && !*s)
        out[0] = '\0';
    else if (validate_name(raw, out, 256, &r) != VALID_OK)
        rc = err_set(w->e, _("%s:%ld: the %s name: %s"), w->path, w->line, _(LEVEL_NAMES[l]), r.msg);
    free(s);
    return rc;
}

/* Adds u to its level's stage, or checks it against the one already there:
 * the same code must always carry the same name and parent. */
static int stage_add(stage *st, int l, const unit_rec *u, const where *w)
{
    stage *s = &st[l];
    if (!s->by_code)
        s->by_code = xcalloc((size_t)CODE_SPACE[l], sizeof *s->by_code);
    int code = atoi(u->code);
    int at = s->by_code[code];
    if (at) {
        const unit_rec *old = &s->v[at - 1];
        if (l == UNIT_COMMUNE)
            return err_set(w->e, _("%s:%ld: commune code %s appears twice (first on line %ld)"), w->path,
                           w->line, u->code, s->line[at - 1]);
        if (strcmp(old->name, u->name) != 0 || strcmp(old->parent_code, u->parent_code) != 0)
            return err_set(w->e, _("%s:%ld: %s %s is '%s' here but '%s' on line %ld"), w->path, w->line,
                           _(LEVEL_NAMES[l]), u->code, u->name, old->name, s->line[at - 1]);
        return 0;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->v = xrealloc(s->v, (size_t)s->cap * sizeof *s->v);
        s->line = xrealloc(s->line, (size_t)s->cap * sizeof *s->line);
    }
    s->v[s->n] = *u;
    s->line[s->n] = w->line;
    s->by_code[code] = ++s->n;
    return 0;
}

static void stages_free(stage *st)
{
    for (int l = 0; l < UNIT_LEVELS; l++) {
        free(st[l].v);
        free(st[l].line);
        free(st[l].by_code);
    }
}

/* Finds the columns of a header row; -1 with e set when required ones are missing. */
static int find_columns(char **h, int n, const char *path, columns *c, cdtt_err *e)
{
    c->n = n;
    c->prov_name = csv_find_column(h, n, H_PROV_NAME);
    c->prov_code = csv_find_column(h, n, H_PROV_CODE);
    c->dist_name = csv_find_column(h, n, H_DIST_NAME);
    c->dist_code = csv_find_column(h, n, H_DIST_CODE);
    c->comm_name = csv_find_column(h, n, H_COMM_NAME);
    c->comm_code = csv_find_column(h, n, H_COMM_CODE);
    c->kind = csv_find_column(h, n, H_KIND);
    if (c->prov_name < 0 || c->prov_code < 0 || c->comm_name < 0 || c->comm_code < 0)
        return err_set(e, _("%s:1: not a list of administrative units: the header needs the columns "
                            "Tỉnh Thành Phố, Mã TP, Phường Xã, Mã PX (and Quận Huyện, Mã QH for "
                            "the pre-2025 list)"),
                       path);
    if ((c->dist_name < 0) != (c->dist_code < 0))
        return err_set(e, _("%s:1: the district columns must come in pairs: Quận Huyện and Mã QH"), path);
    return 0;
}

/* Reads one data row into the stages. */
static int read_row(char **f, int n, const columns *c, const char *scheme, stage *st, const where *w)
{
    if (n != c->n)
        return err_set(w->e, _("%s:%ld: %d columns where the header has %d"), w->path, w->line, n, c->n);
    bool three = c->dist_code >= 0;
    unit_rec p, d, m;
    memset(&p, 0, sizeof p);
    memset(&d, 0, sizeof d);
    memset(&m, 0, sizeof m);
    if (take_code(w, f[c->prov_code], UNIT_PROVINCE, p.code, false) ||
        take_name(w, f[c->prov_name], UNIT_PROVINCE, p.name, false))
        return -1;
    snprintf(p.kind, sizeof p.kind, "%s", kind_from_name(p.name, PROVINCE_KINDS));
    snprintf(p.province_code, sizeof p.province_code, "%s", p.code);
    if (three) {
        if (take_code(w, f[c->dist_code], UNIT_DISTRICT, d.code, false) ||
            take_name(w, f[c->dist_name], UNIT_DISTRICT, d.name, false))
            return -1;
        snprintf(d.kind, sizeof d.kind, "%s", kind_from_name(d.name, DISTRICT_KINDS));
        snprintf(d.parent_code, sizeof d.parent_code, "%s", p.code);
        snprintf(d.province_code, sizeof d.province_code, "%s", p.code);
    }
    /* A district with no commune (island districts) has an empty commune part. */
    bool optional = three && !*f[c->comm_code] && !*f[c->comm_name];
    if (take_code(w, f[c->comm_code], UNIT_COMMUNE, m.code, optional) ||
        take_name(w, f[c->comm_name], UNIT_COMMUNE, m.name, optional))
        return -1;
    if (*m.code && !*m.name)
        return take_name(w, "", UNIT_COMMUNE, m.name, false);
    if (*m.code) {
        char *kind = c->kind >= 0 ? text_clean(f[c->kind]) : xstrdup("");
        if (!*kind) {
            free(kind);
            kind = xstrdup(kind_from_name(m.name, COMMUNE_KINDS));
        }
        int bad = *kind && !in_list(kind, COMMUNE_KINDS);
        if (bad)
            err_set(w->e, _("%s:%ld: '%s' is not a kind of commune (Xã, Phường, Thị trấn, Đặc khu)"),
                    w->path, w->line, kind);
        snprintf(m.kind, sizeof m.kind, "%s", kind);
        free(kind);
        if (bad)
            return -1;
        snprintf(m.parent_code, sizeof m.parent_code, "%s", three ? d.code : p.code);
        snprintf(m.province_code, sizeof m.province_code, "%s", p.code);
    }
    unit_rec *all[UNIT_LEVELS] = {&p, three ? &d : NULL, *m.code ? &m : NULL};
    for (int l = 0; l < UNIT_LEVELS; l++) {
        if (!all[l])
            continue;
        snprintf(all[l]->scheme, sizeof all[l]->scheme, "%s", scheme);
        snprintf(all[l]->level, sizeof all[l]->level, "%s", LEVEL_NAMES[l]);
        if (stage_add(st, l, all[l], w) < 0)
            return -1;
    }
    return 0;
}

/* True when every field is empty or white space. */
static bool all_blank(char **f, int n)
{
    for (int i = 0; i < n; i++)
        for (const char *p = f[i]; *p; p++)
            if (*p != ' ' && *p != '\t')
                return false;
    return true;
}

/* Reads and checks the whole file into the stages. */
/* Reads the whole list from r (named path in messages) into st; closes r. */
static int read_list(csv_reader *r, const char *path, const char *scheme_in, stage *st,
                     units_import_result *res, cdtt_err *e)
{
    if (!r)
        return -1;
    char **f;
    int n = csv_next(r, &f, e), rc = 0;
    columns c;
    if (n == 0)
        rc = err_set(e, _("%s: the file is empty"), path);
    if (n <= 0 || find_columns(f, n, path, &c, e) < 0) {
        csv_close(r);
        return -1;
    }
    const char *scheme = c.dist_code >= 0 ? "pre-2025" : "2025-07";
    if (scheme_in && strcmp(scheme_in, scheme) != 0) {
        if (strcmp(scheme_in, "pre-2025") == 0)
            rc = err_set(e, _("%s:1: a pre-2025 list needs the district columns (Quận Huyện, Mã QH)"), path);
        else
            rc = err_set(e, _("%s:1: the file has district columns, which a 2025-07 list does not have"),
                         path);
    }
    snprintf(res->scheme, sizeof res->scheme, "%s", scheme);
    while (rc == 0 && (n = csv_next(r, &f, e)) > 0) {
        if (all_blank(f, n))
            continue; /* Excel leaves ",,,,," rows where rows were cleared */
        where w = {path, csv_line(r), e};
        rc = read_row(f, n, &c, scheme, st, &w);
        res->rows++;
    }
    if (n < 0)
        rc = -1;
    if (rc == 0 && st[UNIT_COMMUNE].n == 0)
        rc = err_set(e, _("%s: the list has no communes"), path);
    csv_close(r);
    return rc;
}

/* ---- writing --------------------------------------------------------- */

/* Adds or updates one unit; counts it as added, changed or unchanged. */
static int upsert(sqlite3 *db, sqlite3_stmt *sel, sqlite3_stmt *ins, sqlite3_stmt *upd, const unit_rec *u,
                  int l, units_import_result *res, cdtt_err *e)
{
    char *fold = text_fold(u->name);
    sqlite3_reset(sel);
    sqlite3_bind_text(sel, 1, u->scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(sel, 2, u->level, -1, SQLITE_STATIC);
    sqlite3_bind_text(sel, 3, u->code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(sel);
    sqlite3_stmt *w = NULL;
    if (rc == SQLITE_ROW) {
        const char *cols[4] = {(const char *)sqlite3_column_text(sel, 0),
                               (const char *)sqlite3_column_text(sel, 1),
                               (const char *)sqlite3_column_text(sel, 2),
                               (const char *)sqlite3_column_text(sel, 3)};
        const char *now[4] = {u->name, u->kind, u->parent_code, u->province_code};
        bool same = true;
        for (int i = 0; i < 4; i++)
            same = same && strcmp(cols[i] ? cols[i] : "", now[i]) == 0;
        if (same)
            res->unchanged[l]++;
        else {
            res->changed[l]++;
            w = upd;
        }
    } else if (rc == SQLITE_DONE) {
        res->added[l]++;
        w = ins;
    } else {
        free(fold);
        return db_fail(db, e, _("reading the units"));
    }
    sqlite3_reset(sel);
    if (w) {
        sqlite3_reset(w);
        sqlite3_bind_text(w, 1, u->scheme, -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 2, u->level, -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 3, u->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 4, u->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 5, u->kind, -1, SQLITE_STATIC);
        db_bind_text_or_null(w, 6, u->parent_code);
        sqlite3_bind_text(w, 7, u->province_code, -1, SQLITE_STATIC);
        sqlite3_bind_text(w, 8, fold, -1, SQLITE_STATIC);
        rc = sqlite3_step(w);
        sqlite3_reset(w);
        if (rc != SQLITE_DONE) {
            free(fold);
            return db_fail(db, e, _("saving the units"));
        }
    }
    free(fold);
    return 0;
}

static int write_stages(sqlite3 *db, const stage *st, units_import_result *res, cdtt_err *e)
{
    sqlite3_stmt *sel = db_prepare(db,
                                   "SELECT name, kind, parent_code, province_code FROM unit "
                                   "WHERE scheme = ?1 AND level = ?2 AND code = ?3",
                                   e);
    sqlite3_stmt *ins = db_prepare(db,
                                   "INSERT INTO unit (scheme, level, code, name, kind, parent_code, "
                                   "province_code, name_fold) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                   e);
    sqlite3_stmt *upd = db_prepare(db,
                                   "UPDATE unit SET name = ?4, kind = ?5, parent_code = ?6, "
                                   "province_code = ?7, name_fold = ?8 "
                                   "WHERE scheme = ?1 AND level = ?2 AND code = ?3",
                                   e);
    int rc = (sel && ins && upd) ? 0 : -1;
    for (int l = 0; l < UNIT_LEVELS && rc == 0; l++)
        for (int i = 0; i < st[l].n && rc == 0; i++)
            rc = upsert(db, sel, ins, upd, &st[l].v[i], l, res, e);
    sqlite3_finalize(sel);
    sqlite3_finalize(ins);
    sqlite3_finalize(upd);
    return rc;
}

/* Checks the list r (named path) completely, then writes it in one transaction. */
static int import_list(sqlite3 *db, csv_reader *r, const char *path, const char *scheme, int own_tx,
                       units_import_result *res, cdtt_err *e)
{
    memset(res, 0, sizeof *res);
    if (scheme && !units_scheme_valid(scheme)) {
        csv_close(r);
        return err_set(e, _("the scheme must be 2025-07 or pre-2025, not '%s'"), scheme);
    }
    stage st[UNIT_LEVELS];
    memset(st, 0, sizeof st);
    int rc = read_list(r, path, scheme, st, res, e);
    if (rc == 0 && !own_tx)
        rc = write_stages(db, st, res, e);
    else if (rc == 0 && (rc = db_begin(db, e)) == 0) {
        rc = write_stages(db, st, res, e);
        if (rc == 0)
            rc = db_commit(db, e);
        else
            db_rollback(db);
    }
    stages_free(st);
    if (rc < 0) {
        long rows = res->rows;
        char sch[12];
        memcpy(sch, res->scheme, sizeof sch);
        memset(res, 0, sizeof *res);
        res->rows = rows;
        memcpy(res->scheme, sch, sizeof sch);
    }
    return rc;
}

int units_import_csv(sqlite3 *db, const char *path, const char *scheme, units_import_result *res,
                     cdtt_err *e)
{
    return import_list(db, csv_open(path, e), path, scheme, 1, res, e);
}

/* The bytes db/units-builtin.S builds into the program. */
extern const char cdtt_units_2025_07[], cdtt_units_2025_07_end[];
extern const char cdtt_units_pre_2025[], cdtt_units_pre_2025_end[];
extern const char cdtt_units_mapping[], cdtt_units_mapping_end[];

units_builtin_file units_builtin(const char *what)
{
    units_builtin_file b = {NULL, 0, NULL};
    if (strcmp(what, "2025-07") == 0)
        b = (units_builtin_file){cdtt_units_2025_07, (size_t)(cdtt_units_2025_07_end - cdtt_units_2025_07),
                                 "units-2025-07.csv"};
    else if (strcmp(what, "pre-2025") == 0)
        b = (units_builtin_file){cdtt_units_pre_2025, (size_t)(cdtt_units_pre_2025_end - cdtt_units_pre_2025),
                                 "units-2025-01-gso.csv"};
    else if (strcmp(what, "mapping") == 0)
        b = (units_builtin_file){cdtt_units_mapping, (size_t)(cdtt_units_mapping_end - cdtt_units_mapping),
                                 "units-2025-07-from-pre-2025.csv"};
    return b;
}

/* units_import_builtin; own_tx 0: inside the caller's transaction. */
static int builtin_list(sqlite3 *db, const char *scheme, int own_tx, units_import_result *res, cdtt_err *e)
{
    units_builtin_file b = units_builtin(units_scheme_valid(scheme) ? scheme : "");
    if (!b.data) {
        memset(res, 0, sizeof *res);
        return err_set(e, _("the scheme must be 2025-07 or pre-2025, not '%s'"), scheme ? scheme : "");
    }
    return import_list(db, csv_open_mem(b.data, b.len, e), b.name, scheme, own_tx, res, e);
}

int units_import_builtin(sqlite3 *db, const char *scheme, units_import_result *res, cdtt_err *e)
{
    return builtin_list(db, scheme, 1, res, e);
}

/* units_ensure; own_tx 0: inside the caller's transaction. */
static int ensure_list(sqlite3 *db, const char *scheme, int own_tx, cdtt_err *e)
{
    long long n = units_count(db, scheme, UNIT_COMMUNE);
    if (n < 0)
        return db_fail(db, e, _("reading the unit list"));
    if (n > 0)
        return 0;
    units_import_result res;
    return builtin_list(db, scheme, own_tx, &res, e) < 0 ? -1 : 1;
}

int units_ensure(sqlite3 *db, const char *scheme, cdtt_err *e)
{
    return ensure_list(db, scheme, 1, e);
}

int units_ensure_in(sqlite3 *db, const char *scheme, cdtt_err *e)
{
    return ensure_list(db, scheme, 0, e);
}

/* ---- look-ups -------------------------------------------------------- */

#define UNIT_COLS "scheme, level, code, name, kind, parent_code, province_code"

static void row_to_unit(sqlite3_stmt *st, unit_rec *u)
{
    char *dst[7] = {u->scheme, u->level, u->code, u->name, u->kind, u->parent_code, u->province_code};
    size_t len[7] = {sizeof u->scheme, sizeof u->level,       sizeof u->code,         sizeof u->name,
                     sizeof u->kind,   sizeof u->parent_code, sizeof u->province_code};
    for (int i = 0; i < 7; i++) {
        const char *s = (const char *)sqlite3_column_text(st, i);
        snprintf(dst[i], len[i], "%s", s ? s : "");
    }
}

/* Steps a prepared listing, calling cb for each row; finalizes it. */
static int run_listing(sqlite3 *db, sqlite3_stmt *st, unit_cb cb, void *arg, cdtt_err *e)
{
    int rc;
    unit_rec u;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        row_to_unit(st, &u);
        if (cb(&u, arg) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("reading the units"));
}

int units_find(sqlite3 *db, const char *scheme, const char *code, unit_rec *u, cdtt_err *e)
{
    int l = units_level_of_code(code);
    if (l < 0)
        return 0;
    sqlite3_stmt *st = db_prepare(db,
                                  "SELECT " UNIT_COLS " FROM unit WHERE scheme = ?1 AND level = ?2 AND code = ?3",
                                  e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, LEVEL_NAMES[l], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), found = 0;
    if (rc == SQLITE_ROW) {
        row_to_unit(st, u);
        found = 1;
    } else if (rc != SQLITE_DONE) {
        found = db_fail(db, e, _("reading the units"));
    }
    sqlite3_finalize(st);
    return found;
}

int units_provinces(sqlite3 *db, const char *scheme, unit_cb cb, void *arg, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
                                  "SELECT " UNIT_COLS " FROM unit WHERE scheme = ?1 AND level = 'province' "
                                  "ORDER BY code",
                                  e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    return run_listing(db, st, cb, arg, e);
}

/* "%folded filter%" for LIKE ... ESCAPE '\\', with LIKE's own characters escaped (malloc'd). */
static char *like_pattern(const char *filter)
{
    char *fold = text_fold(filter ? filter : "");
    size_t n = strlen(fold);
    char *pat = xmalloc(n * 2 + 3), *o = pat;
    *o++ = '%';
    for (size_t i = 0; i < n; i++) {
        if (fold[i] == '%' || fold[i] == '_' || fold[i] == '\\')
            *o++ = '\\';
        *o++ = fold[i];
    }
    *o++ = '%';
    *o = '\0';
    free(fold);
    return pat;
}

#define COMMUNES_WHERE                                                                      \
    " FROM unit WHERE scheme = ?1 AND level = 'commune' AND province_code = ?2"            \
    " AND name_fold LIKE ?3 ESCAPE '\\'"

/* Binds scheme, province and filter pattern to ?1..?3. */
static void bind_communes(sqlite3_stmt *st, const char *scheme, const char *province_code, const char *filter)
{
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, province_code, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, like_pattern(filter), -1, free);
}

int units_communes(sqlite3 *db, const char *scheme, const char *province_code, const char *filter,
                   int offset, int limit, unit_cb cb, void *arg, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT " UNIT_COLS COMMUNES_WHERE " ORDER BY code LIMIT ?4 OFFSET ?5", e);
    if (!st)
        return -1;
    bind_communes(st, scheme, province_code, filter);
    sqlite3_bind_int(st, 4, limit > 0 ? limit : -1);
    sqlite3_bind_int(st, 5, offset > 0 ? offset : 0);
    return run_listing(db, st, cb, arg, e);
}

long long units_count_communes(sqlite3 *db, const char *scheme, const char *province_code, const char *filter)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT count(*)" COMMUNES_WHERE, NULL);
    if (!st)
        return -1;
    bind_communes(st, scheme, province_code, filter);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

int units_list(sqlite3 *db, const char *scheme, const char *under, unit_cb cb, void *arg, cdtt_err *e)
{
    /* ?2 NULL = everything; a province code = its districts and communes;
     * a district code = its communes. The order keeps each unit under its parent. */
    sqlite3_stmt *st = db_prepare(
        db,
        "SELECT " UNIT_COLS " FROM unit "
        "WHERE (?1 IS NULL OR scheme = ?1) "
        "  AND (?2 IS NULL "
        "       OR (length(?2) = 2 AND province_code = ?2 AND level <> 'province') "
        "       OR (length(?2) = 3 AND parent_code = ?2 AND scheme = 'pre-2025')) "
        "ORDER BY scheme, province_code, "
        "  CASE level WHEN 'province' THEN '' WHEN 'district' THEN code "
        "    ELSE CASE WHEN length(parent_code) = 3 THEN parent_code ELSE '' END END, "
        "  CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, code",
        e);
    if (!st)
        return -1;
    db_bind_text_or_null(st, 1, scheme);
    db_bind_text_or_null(st, 2, under);
    return run_listing(db, st, cb, arg, e);
}

long long units_count(sqlite3 *db, const char *scheme, int level)
{
    sqlite3_stmt *st = db_prepare(db,
                                  "SELECT count(*) FROM unit WHERE (?1 IS NULL OR scheme = ?1) "
                                  "AND (?2 IS NULL OR level = ?2)",
                                  NULL);
    if (!st)
        return -1;
    db_bind_text_or_null(st, 1, scheme);
    db_bind_text_or_null(st, 2, level >= 0 && level < UNIT_LEVELS ? LEVEL_NAMES[level] : NULL);
    long long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}
