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
    char *lead; /* members: the search word whose members are read first, or NULL */
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

/* Members whose name holds a word containing the lead word (schema migration
 * 3), each once, then the member rows themselves: a search led by a rare word
 * reads only these instead of walking the whole list. The folded names kept
 * beside the words let the other search words sift them before any member row
 * is read (their conditions follow, then ") c CROSS JOIN ..."). */
#define MEMBERS_BY_WORD                                                                        \
    "FROM (SELECT DISTINCT member_uuid AS u FROM member_word WHERE word IN "                  \
    "(SELECT word FROM name_word WHERE n > 0 AND instr(word, ?) > 0)"
#define MEMBERS_BY_WORD_END ") c CROSS JOIN member m ON m.uuid = c.u WHERE 1"

/* Adds the FROM clause of a member search led by its word number lead. */
static void q_from_words(query *q, const list_filter *f, int lead)
{
    char *words[SEARCH_MAX_WORDS];
    int n = member_search_words(f, &q->lead, words);
    q_arg(q, MEMBERS_BY_WORD, words[lead]);
    for (int i = 0; i < n; i++)
        if (i != lead)
            q_arg(q, " AND instr(name_fold, ?) > 0", words[i]);
    q_add(q, MEMBERS_BY_WORD_END);
}

/* One kind of list: its table, columns, filters and row reader. */
typedef struct {
    const char *table;     /* "member" */
    const char *from;      /* "FROM member m WHERE 1" */
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
    "area", "FROM area a WHERE 1", area_columns, "(a.sort_key, a.rowid)", " ORDER BY a.sort_key, a.rowid",
    " ORDER BY a.sort_key DESC, a.rowid DESC", "SELECT rowid FROM area WHERE uuid = ?",
    area_filters, read_area, sizeof(area_rec),
};
static const list_kind TEAMS = {
    "team", "FROM team t WHERE 1", team_columns, "(t.sort_key, t.rowid)", " ORDER BY t.sort_key, t.rowid",
    " ORDER BY t.sort_key DESC, t.rowid DESC", "SELECT rowid FROM team WHERE uuid = ?",
    team_filters, read_team, sizeof(team_rec),
};
static const list_kind MEMBERS = {
    "member", "FROM member m WHERE 1", member_columns, "(m.sort_key, m.rowid)", " ORDER BY m.sort_key, m.rowid",
    " ORDER BY m.sort_key DESC, m.rowid DESC", "SELECT rowid FROM member WHERE uuid = ?",
    member_filters, read_member, sizeof(member_rec),
};

/* Starts q's FROM clause for kind k: a member search led by word number lead
 * (>= 0) is read through the word index, everything else from its table. */
static void q_from(query *q, const list_kind *k, const list_filter *f, int lead)
{
    if (lead >= 0)
        q_from_words(q, f, lead);
    else
        q_add(q, k->from);
}

/* The lead word of f's search for kind k (see lead_word), or -1. */
static int k_lead(sqlite3 *db, const list_kind *k, const list_filter *f, int after_walk)
{
    return strcmp(k->table, "member") == 0 ? member_search_lead(db, f, after_walk) : -1;
}

static void q_free(query *q)
{
    free(q->fold);
    free(q->lead);
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

/* Reads a page, through the word index when lead >= 0. With budget (not NULL),
 * a member search walking the list (lead < 0) stops at its deadline,
 * sets *budget to the rows it found by then, and returns -2. */
static int page_read(sqlite3 *db, const list_kind *k, const list_filter *f, const list_pos *pos, int dir,
                     int limit, void *rows, int lead, int *budget, cdtt_err *e)
{
    query q = {.len = 0};
    char rowid_text[32];
    q_add(&q, "SELECT ");
    q_add(&q, k->columns());
    /* Through the word index the matches are sorted first, and only the page's
     * rows then get their columns (the teams of a member cost a query each). */
    q_add(&q, lead >= 0 ? " FROM member m WHERE m.rowid IN (SELECT m.rowid " : " ");
    q_from(&q, k, f, lead);
    k->filters(&q, f);
    int walk_search = budget != NULL && lead < 0 && q.fold && strcmp(k->table, "member") == 0;
    if (pos) {
        snprintf(rowid_text, sizeof rowid_text, "%lld", pos_rowid(db, k, pos->uuid));
        q_add(&q, " AND ");
        q_add(&q, k->key);
        q_arg(&q, dir < 0 ? " < (?, " : " > (?, ", pos->sort_key);
        q_arg(&q, "CAST(? AS INTEGER))", rowid_text);
    }
    q_add(&q, dir < 0 ? k->order_down : k->order_up);
    q_add(&q, " LIMIT ?");
    if (lead >= 0) {
        q_add(&q, ")");
        q_add(&q, dir < 0 ? k->order_down : k->order_up);
    }
    sqlite3_stmt *st = q_prepare(db, &q, e);
    q_free(&q);
    if (!st)
        return -1;
    sqlite3_bind_int(st, q.nb + 1, limit);
    search_walk walk = {.passed = 0};
    if (walk_search)
        search_walk_start(db, &walk);
    int n = 0, rc = SQLITE_DONE;
    while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
        k->read(st, (char *)rows + (size_t)n++ * k->row_size);
    if (walk_search)
        sqlite3_progress_handler(db, 0, NULL, NULL);
    if (n < limit && rc != SQLITE_DONE) {
        int over = rc == SQLITE_INTERRUPT && walk.passed;
        if (over)
            *budget = n;
        if (!over)
            db_fail(db, e, _("cannot read the list"));
        sqlite3_finalize(st);
        return over ? -2 : -1;
    }
    sqlite3_finalize(st);
    return n;
}

/* A page in list order: a member search for a rare word reads the word index;
 * one for common words walks the list, and when its matches come too seldom
 * there, reads the word index of its rarest word after all (or, when that
 * would cost more, walks again without a deadline). */
static int page(sqlite3 *db, const list_kind *k, const list_filter *f, const list_pos *pos, int dir,
                int limit, void *rows, cdtt_err *e)
{
    err_clear(e);
    if (limit <= 0)
        return 0;
    int found = 0;
    int n = page_read(db, k, f, pos, dir, limit, rows, k_lead(db, k, f, 0), &found, e);
    /* A walk that found a quarter of the page in time finds the rest soon. */
    if (n == -2)
        n = page_read(db, k, f, pos, dir, limit, rows, found * 4 >= limit ? -1 : k_lead(db, k, f, 1), NULL, e);
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
    q_from(&q, k, f, k_lead(db, k, f, 0));
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
