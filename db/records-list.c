/* records-list.c — paging through areas, teams and members in list order with
 * filters and accent-insensitive search, and counting them. Paging is keyset
 * paging on (sort_key, rowid): every page costs the same wherever it starts. */
#include "records-internal.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_BINDS 24

/* A query being built from constant SQL fragments, with its text parameters. */
typedef struct {
    char sql[4096];
    size_t len;
    const char *binds[MAX_BINDS];
    int nb;
    char *fold; /* the folded search, split into words in place */
} query;

static void q_add(query *q, const char *text)
{
    size_t n = strlen(text);
    if (q->len + n < sizeof q->sql) {
        memcpy(q->sql + q->len, text, n + 1);
        q->len += n;
    }
}

/* Adds text (holding one '?') bound to val. */
static void q_arg(query *q, const char *text, const char *val)
{
    if (q->nb >= MAX_BINDS)
        return;
    q_add(q, text);
    q->binds[q->nb++] = val;
}

/* True for a search word of digits only (a piece of a phone or CCCD number). */
static bool digit_word(const char *w)
{
    if (!*w)
        return false;
    for (; *w; w++)
        if (*w < '0' || *w > '9')
            return false;
    return true;
}

/* Adds a member's search word: in the folded name, or, for a word of digits,
 * in the name, the phone or the CCCD number. */
static void q_member_word(query *q, const char *w)
{
    if (!digit_word(w)) {
        q_arg(q, " AND instr(m.name_fold, ?) > 0", w);
        return;
    }
    if (q->nb + 3 > MAX_BINDS)
        return;
    q_add(q, " AND (instr(m.name_fold, ?) > 0 OR instr(coalesce(m.phone, ''), ?) > 0"
             " OR instr(coalesce(m.cccd, ''), ?) > 0)");
    for (int i = 0; i < 3; i++)
        q->binds[q->nb++] = w;
}

/* The conditions every list shares: deleted or not, and each search word
 * (word_sql, or for members with word_sql NULL, q_member_word). */
static void q_common(query *q, const char *alias_dot_deleted, const char *word_sql,
                     const list_filter *f)
{
    int deleted = f ? f->deleted : 0;
    if (deleted == 0 || deleted == 1) {
        q_add(q, " AND ");
        q_add(q, alias_dot_deleted);
        q_add(q, deleted ? " = 1" : " = 0");
    }
    if (!f || !f->search || !f->search[0])
        return;
    if (!text_valid_utf8(f->search, strlen(f->search))) {
        q_add(q, " AND 0"); /* garbage matches no name */
        return;
    }
    q->fold = text_fold(f->search);
    int words = 0;
    for (char *w = strtok(q->fold, " "); w && words < SEARCH_MAX_WORDS; w = strtok(NULL, " "), words++) {
        if (word_sql)
            q_arg(q, word_sql, w);
        else
            q_member_word(q, w);
    }
}

static void area_filters(query *q, const list_filter *f)
{
    q_common(q, "a.deleted", " AND instr(a.name_fold, ?) > 0", f);
    if (f && f->unit_code && f->unit_code[0])
        q_arg(q, " AND a.unit_code = ?", f->unit_code);
}

static void team_filters(query *q, const list_filter *f)
{
    q_common(q, "t.deleted", " AND instr(t.name_fold, ?) > 0", f);
    if (f && f->area_uuid && f->area_uuid[0])
        q_arg(q, " AND t.area_uuid = ?", f->area_uuid);
    if (f && f->level && f->level[0])
        q_arg(q, " AND t.level = ?", f->level);
    if (f && f->unit_code && f->unit_code[0])
        q_arg(q, " AND t.unit_code = ?", f->unit_code);
}

/* Memberships (alias ms) current on f->on_date, or with f->and_later also
 * current ones that began after it. */
static void member_on_date(query *q, const list_filter *f)
{
    q_arg(q, " AND ((coalesce(ms.date_from, '') <= ?", f->on_date);
    q_arg(q, " AND (coalesce(ms.date_to, '') = '' OR ms.date_to > ?))", f->on_date);
    if (f->and_later)
        q_arg(q, " OR (ms.date_to IS NULL AND ms.date_from > ?)", f->on_date);
    q_add(q, ")");
}

static void member_filters(query *q, const list_filter *f)
{
    q_common(q, "m.deleted", NULL, f);
    if (!f)
        return;
    if (f->category && f->category[0])
        q_arg(q, " AND m.category = ?", f->category);
    if (f->unit_code && f->unit_code[0])
        q_arg(q, " AND m.unit_code = ?", f->unit_code);
    int by_team = f->team_uuid && f->team_uuid[0], by_area = f->area_uuid && f->area_uuid[0],
        by_role = f->role && f->role[0], by_date = f->on_date && f->on_date[0];
    if (!by_team && !by_area && !by_role && !by_date)
        return;
    /* Deleted members' memberships were ended when they were deleted: for them
     * any membership counts, for live ones only the current ones. */
    q_add(q, " AND m.uuid IN (SELECT ms.member_uuid FROM membership ms JOIN team tt "
             "ON tt.uuid = ms.team_uuid WHERE ms.deleted = 0");
    if (by_date)
        member_on_date(q, f);
    else if (f->deleted == 0)
        q_add(q, " AND ms.date_to IS NULL");
    if (by_team)
        q_arg(q, " AND ms.team_uuid = ?", f->team_uuid);
    if (by_area)
        q_arg(q, " AND tt.area_uuid = ?", f->area_uuid);
    if (by_role)
        q_arg(q, " AND ms.role = ?", f->role);
    q_add(q, ")");
}

/* One kind of list: its table, columns, filters and row reader. */
typedef struct {
    const char *table;     /* "member" */
    const char *from;      /* "FROM member m WHERE 1" */
    const char *rowid;     /* "m.rowid" */
    const char *sort_is;   /* "m.sort_key = ?" */
    const char *(*columns)(void);
    const char *key;       /* "(m.sort_key, m.rowid)" */
    const char *order_up;  /* " ORDER BY m.sort_key, m.rowid" */
    const char *order_down;
    const char *rowid_sql; /* the rowid of a uuid */
    void (*filters)(query *q, const list_filter *f);
    void (*read)(sqlite3_stmt *st, void *row);
    size_t row_size;
} list_kind;

static void read_area(sqlite3_stmt *st, void *row) { area_from_row(st, row); }
static void read_team(sqlite3_stmt *st, void *row) { team_from_row(st, row); }
static void read_member(sqlite3_stmt *st, void *row) { member_from_row(st, row); }

static const list_kind AREAS = {
    "area", "FROM area a WHERE 1", "a.rowid", "a.sort_key = ?", area_columns, "(a.sort_key, a.rowid)",
    " ORDER BY a.sort_key, a.rowid",
    " ORDER BY a.sort_key DESC, a.rowid DESC", "SELECT rowid FROM area WHERE uuid = ?",
    area_filters, read_area, sizeof(area_rec),
};
static const list_kind TEAMS = {
    "team", "FROM team t WHERE 1", "t.rowid", "t.sort_key = ?", team_columns, "(t.sort_key, t.rowid)",
    " ORDER BY t.sort_key, t.rowid",
    " ORDER BY t.sort_key DESC, t.rowid DESC", "SELECT rowid FROM team WHERE uuid = ?",
    team_filters, read_team, sizeof(team_rec),
};
static const list_kind MEMBERS = {
    "member", "FROM member m WHERE 1", "m.rowid", "m.sort_key = ?", member_columns, "(m.sort_key, m.rowid)",
    " ORDER BY m.sort_key, m.rowid",
    " ORDER BY m.sort_key DESC, m.rowid DESC", "SELECT rowid FROM member WHERE uuid = ?",
    member_filters, read_member, sizeof(member_rec),
};

static void q_free(query *q)
{
    free(q->fold);
}

/* The rowid of the position's record; -1 (before every row) when it is gone. */
static long long pos_rowid(sqlite3 *db, const list_kind *k, const char *uuid)
{
    sqlite3_stmt *st = NULL;
    long long id = -1;
    if (sqlite3_prepare_v2(db, k->rowid_sql, -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_text(st, 1, uuid, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return id;
}

/* Prepares q's text and binds its parameters; NULL with e set on failure. */
static sqlite3_stmt *q_prepare(sqlite3 *db, query *q, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, q->sql, e);
    for (int i = 0; st && i < q->nb; i++)
        sqlite3_bind_text(st, i + 1, q->binds[i], -1, SQLITE_TRANSIENT);
    return st;
}

/* Reverses n rows of size sz in place. */
static void reverse_rows(void *rows, int n, size_t sz)
{
    char *tmp = xmalloc(sz), *p = rows;
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        memcpy(tmp, p + (size_t)i * sz, sz);
        memcpy(p + (size_t)i * sz, p + (size_t)j * sz, sz);
        memcpy(p + (size_t)j * sz, tmp, sz);
    }
    free(tmp);
}

/* Starts q as "SELECT <k's columns> FROM <k's table> WHERE 1". */
static void q_select(query *q, const list_kind *k)
{
    q_add(q, "SELECT ");
    q_add(q, k->columns());
    q_add(q, " ");
    q_add(q, k->from);
}

/* Steps st into rows, at most limit of them; their number, or -1 with e set. */
static int read_rows(sqlite3 *db, sqlite3_stmt *st, const list_kind *k, int limit, void *rows, cdtt_err *e)
{
    int n = 0, rc = SQLITE_DONE;
    while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
        k->read(st, (char *)rows + (size_t)n++ * k->row_size);
    sqlite3_finalize(st);
    if (n < limit && rc != SQLITE_DONE)
        return db_fail(db, e, _("cannot read the list"));
    return n;
}

/* Reads a page by walking the list in order (in dir's order). */
static int page_read(sqlite3 *db, const list_kind *k, const list_filter *f, const list_pos *pos, int dir,
                     int limit, void *rows, cdtt_err *e)
{
    query q = {.len = 0};
    char rowid_text[32];
    q_select(&q, k);
    k->filters(&q, f);
    if (pos) {
        snprintf(rowid_text, sizeof rowid_text, "%lld", pos_rowid(db, k, pos->uuid));
        q_add(&q, " AND ");
        q_add(&q, k->key);
        q_arg(&q, dir < 0 ? " < (?, " : " > (?, ", pos->sort_key);
        q_arg(&q, "CAST(? AS INTEGER))", rowid_text);
    }
    q_add(&q, dir < 0 ? k->order_down : k->order_up);
    q_add(&q, " LIMIT ?");
    sqlite3_stmt *st = q_prepare(db, &q, e);
    q_free(&q);
    if (!st)
        return -1;
    sqlite3_bind_int(st, q.nb + 1, limit);
    return read_rows(db, st, k, limit, rows, e);
}

/* The statement that gives, for one sort key, the rowids of k's records with
 * it that match f past a rowid, in dir's order (search_by_names' each). */
static sqlite3_stmt *names_each(sqlite3 *db, const list_kind *k, const list_filter *f, int dir, cdtt_err *e)
{
    query q = {.len = 0};
    q_add(&q, "SELECT ");
    q_add(&q, k->rowid);
    q_add(&q, " ");
    q_add(&q, k->from);
    q_add(&q, " AND ");
    q_arg(&q, k->sort_is, ""); /* parameter 1 */
    q_add(&q, " AND ");
    q_add(&q, k->rowid);
    q_arg(&q, dir < 0 ? " < ?" : " > ?", "0"); /* parameter 2 */
    k->filters(&q, f);
    q_add(&q, " ORDER BY ");
    q_add(&q, k->rowid);
    q_add(&q, dir < 0 ? " DESC LIMIT ?" : " LIMIT ?"); /* the last parameter */
    sqlite3_stmt *st = q_prepare(db, &q, e);
    q_free(&q);
    return st;
}

/* True when f's search can be read through the list's names: every word is
 * looked for in the name (for members a word of digits is also looked for in
 * the phone and CCCD numbers, which the names do not hold). */
static int by_names(const list_kind *k, int nw, char *const *words)
{
    if (nw <= 0)
        return 0;
    for (int i = 0; strcmp(k->table, "member") == 0 && i < nw; i++)
        if (strspn(words[i], "0123456789") == strlen(words[i]))
            return 0;
    return 1;
}

/* Reads a page of a search through the list's names (search_by_names), in
 * dir's order; -3 when the names cannot be read (the caller walks instead). */
static int page_by_names(sqlite3 *db, const list_kind *k, const list_filter *f, const list_pos *pos, int dir,
                         int limit, void *rows, char *const *words, int nw, cdtt_err *e)
{
    sqlite3_stmt *each = names_each(db, k, f, dir, e);
    if (!each)
        return -1;
    long long *ids = xmalloc((size_t)limit * sizeof *ids);
    int n = search_by_names(db, k->table, words, nw, pos ? pos->sort_key : NULL,
                            pos ? pos_rowid(db, k, pos->uuid) : -1, dir, limit, each, ids);
    sqlite3_finalize(each);
    if (n <= 0) {
        free(ids);
        return n < 0 ? -3 : 0;
    }
    /* The rows themselves, by rowid, in the same order. */
    char *list = xmalloc((size_t)n * 21 + 2), *p = list;
    *p++ = '[';
    for (int i = 0; i < n; i++)
        p += sprintf(p, i ? ",%lld" : "%lld", ids[i]);
    strcpy(p, "]");
    free(ids);
    query q = {.len = 0};
    q_select(&q, k);
    q_add(&q, " AND ");
    q_add(&q, k->rowid);
    q_arg(&q, " IN (SELECT value FROM json_each(?))", list);
    q_add(&q, dir < 0 ? k->order_down : k->order_up);
    sqlite3_stmt *st = q_prepare(db, &q, e);
    q_free(&q);
    free(list);
    return st ? read_rows(db, st, k, n, rows, e) : -1;
}

/* A page in list order: a search through the list's names, anything else (or
 * a search for digits among members) by walking the list. */
static int page(sqlite3 *db, const list_kind *k, const list_filter *f, const list_pos *pos, int dir,
                int limit, void *rows, cdtt_err *e)
{
    err_clear(e);
    if (limit <= 0)
        return 0;
    char *fold, *words[SEARCH_MAX_WORDS];
    int nw = search_words(f, &fold, words), n = -3;
    if (by_names(k, nw, words))
        n = page_by_names(db, k, f, pos, dir, limit, rows, words, nw, e);
    free(fold);
    if (n == -3)
        n = page_read(db, k, f, pos, dir, limit, rows, e);
    if (n > 0 && dir < 0)
        reverse_rows(rows, n, k->row_size);
    return n;
}

/* True when f asks for every live record, with no search or filter (NULL does). */
static int every_live(const list_filter *f)
{
    return !f || (f->deleted == 0 && !(f->search && f->search[0]) && !(f->area_uuid && f->area_uuid[0]) &&
           !(f->team_uuid && f->team_uuid[0]) && !(f->level && f->level[0]) &&
           !(f->category && f->category[0]) && !(f->role && f->role[0]) && !(f->on_date && f->on_date[0]));
}

/* The live records of table, from the counts the database keeps (schema
 * migration 2); -1 when they cannot be read. */
static long long tally(sqlite3 *db, const char *table)
{
    sqlite3_stmt *st = NULL;
    long long n = -1;
    if (sqlite3_prepare_v2(db, "SELECT coalesce(sum(n), 0) FROM live_tally WHERE tbl = ?", -1, &st, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return n;
}

static long long count(sqlite3 *db, const list_kind *k, const list_filter *f)
{
    long long kept = every_live(f) ? tally(db, k->table) : -1;
    if (kept >= 0)
        return kept;
    query q = {.len = 0};
    q_add(&q, "SELECT count(*) ");
    q_add(&q, k->from);
    k->filters(&q, f);
    sqlite3_stmt *st = q_prepare(db, &q, NULL);
    q_free(&q);
    long long n = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

int area_page(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
              area_rec *rows, cdtt_err *e)
{
    return page(db, &AREAS, f, pos, dir, limit, rows, e);
}

int team_page(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
              team_rec *rows, cdtt_err *e)
{
    return page(db, &TEAMS, f, pos, dir, limit, rows, e);
}

int member_page(sqlite3 *db, const list_filter *f, const list_pos *pos, int dir, int limit,
                member_rec *rows, cdtt_err *e)
{
    return page(db, &MEMBERS, f, pos, dir, limit, rows, e);
}

long long area_count(sqlite3 *db, const list_filter *f) { return count(db, &AREAS, f); }
long long team_count(sqlite3 *db, const list_filter *f) { return count(db, &TEAMS, f); }
long long member_count(sqlite3 *db, const list_filter *f) { return count(db, &MEMBERS, f); }
