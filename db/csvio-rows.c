/* csvio-rows.c — what each exported table holds: its columns (headers in both
 * languages, how a value is shown, which are personal data), the query that
 * reads it, and the row reader that formats every cell for a spreadsheet. */
#include "csvio.h"
#include "fields.h"
#include "choices.h"
#include "db.h"
#include "i18n.h"
#include "records.h"
#include "validate.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a stored value is shown. */
typedef enum {
    COL_TEXT,   /* as stored */
    COL_DATE,   /* "YYYY-MM-DD" → dd/mm/yyyy ("YYYY" stays) */
    COL_CHOICE, /* code → label */
    COL_YESNO,  /* 0/1 → Không/Có */
    COL_INT,    /* a whole number */
    COL_MOOC,   /* the course status ("" when not started) */
} col_kind;

enum {
    PERSONAL_CONSENT = 1, /* empty unless the member consented, or full */
    FULL_ONLY = 2,        /* the column is left out unless full */
    CONSOLIDATED_ONLY = 4 /* only at an office above a commune, and then first */
};

typedef struct {
    const char *vi, *en;
    col_kind kind;
    const choice *choices;
    int flags;
    int width;
} col_def;

typedef struct {
    const char *name;        /* on the command line */
    const char *sheet_vi, *sheet_en;
    const char *sql;         /* one result column per col_def, in order, then extras */
    const char *count_sql;   /* about how many rows (for progress) */
    int consent_col;         /* result column of the member's consent, or -1 */
    const col_def *cols;
    int ncols;
} table_def;

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* The most columns a sheet has. */
#define MAX_COLS 48

/* Columns by kind: Vietnamese and English header, width in cells. */
#define TEXT(vi, en, w) {vi, en, COL_TEXT, NULL, 0, w}
#define DATE(vi, en, w) {vi, en, COL_DATE, NULL, 0, w}
#define CHOICE(vi, en, list, w) {vi, en, COL_CHOICE, list, 0, w}
#define YESNO(vi, en, w) {vi, en, COL_YESNO, NULL, 0, w}
#define COUNT(vi, en, w) {vi, en, COL_INT, NULL, 0, w}

/* Columns that several tables have. */
#define NOTE_COL TEXT("Ghi chú", "Note", 30)
#define DATE_COL DATE("Ngày", "Date", 12)
#define TEAM_COL TEXT("Tổ", "Team", 24)
#define AREA_COL TEXT("Thôn/Tổ dân phố", "Village or group", 20)

/* The record's commune (code and name), the last result columns of every query. */
#define COMMUNE_COLS                                                     \
    {"Mã xã", "Commune code", COL_TEXT, NULL, CONSOLIDATED_ONLY, 8},    \
    {"Xã/phường", "Commune", COL_TEXT, NULL, CONSOLIDATED_ONLY, 20}
#define COMMUNE_SQL(R)                                                                        \
    ", " R ".unit_code, coalesce((SELECT u.name FROM unit u WHERE u.scheme = " R ".unit_scheme " \
    "AND u.level = 'commune' AND u.code = " R ".unit_code), '')"

/* The query counting the live rows of a table. */
#define COUNT_LIVE(table) "SELECT count(*) FROM " table " WHERE deleted = 0"

/* The member sheet: the catalogue's member fields (fields.h: headers, widths,
 * kinds of value, the personal-data rule) in this order, the member's
 * current team in the middle; a catalogue field with a spreadsheet header not
 * named here comes after the listed ones. "" marks where the team's columns go. */
static const char *const MEMBER_ORDER[] = {
    "full_name", "birth", "gender", "phone", "cccd", "email", "", "category", "youth_union",
    "mooc_status", "mooc_date", "zalo_date", "consent", "consent_date", "note", NULL,
};

/* The member's current team, its place, role and start. */
static const col_def MEMBERSHIP_COLS[] = {
    TEAM_COL,
    AREA_COL,
    CHOICE("Vai trò", "Role", CHOICES_ROLE, 12),
    DATE("Ngày vào tổ", "Joined the team on", 12),
};
#define MEMBERSHIP_SQL "cur.team_name, cur.area_name, cur.role, cur.date_from"

/* Current memberships are those not deleted and not ended, of live teams. */
#define MEMBER_FROM                                                                                   \
    " FROM member m LEFT JOIN ("                                                                      \
    "   SELECT ms.member_uuid, ms.role, ms.date_from, t.name AS team_name, t.sort_key AS team_sort,"  \
    "          t.uuid AS team_uuid, a.name AS area_name"                                              \
    "   FROM membership ms JOIN team t ON t.uuid = ms.team_uuid AND t.deleted = 0"                    \
    "   LEFT JOIN area a ON a.uuid = t.area_uuid"                                                     \
    "   WHERE ms.deleted = 0 AND coalesce(ms.date_to, '') = ''"                                       \
    " ) cur ON cur.member_uuid = m.uuid"                                                              \
    " WHERE m.deleted = 0"                                                                            \
    " ORDER BY m.unit_code, m.sort_key, m.uuid, cur.team_sort, cur.team_uuid"

static const col_def TEAM_COLS[] = {
    TEXT("Tên tổ", "Team name", 26),
    CHOICE("Cấp", "Level", CHOICES_TEAM_LEVEL, 14),
    AREA_COL,
    TEXT("Số quyết định", "Decision number", 16),
    DATE("Ngày quyết định", "Decision date", 12),
    TEXT("Cơ quan ban hành", "Issued by", 20),
    CHOICE("Trạng thái", "Status", CHOICES_TEAM_STATUS, 14),
    COUNT("Số thành viên", "Members", 10),
    NOTE_COL,
    COMMUNE_COLS,
};

static const char TEAM_SQL[] =
    "SELECT t.name, t.level, a.name, t.decision_no, t.decision_date, t.decision_issuer, t.status,"
    " (SELECT count(*) FROM membership ms JOIN member m ON m.uuid = ms.member_uuid AND m.deleted = 0"
    "  WHERE ms.team_uuid = t.uuid AND ms.deleted = 0 AND coalesce(ms.date_to, '') = ''),"
    " t.note" COMMUNE_SQL("t")
    " FROM team t LEFT JOIN area a ON a.uuid = t.area_uuid"
    " WHERE t.deleted = 0 ORDER BY t.unit_code, t.sort_key, t.uuid";

static const col_def AREA_COLS[] = {
    TEXT("Tên thôn/tổ dân phố", "Name", 24),
    CHOICE("Loại", "Kind", CHOICES_AREA_KIND, 14),
    COUNT("Số tổ", "Teams", 8),
    NOTE_COL,
    COMMUNE_COLS,
};

static const char AREA_SQL[] =
    "SELECT a.name, a.kind,"
    " (SELECT count(*) FROM team t WHERE t.area_uuid = a.uuid AND t.deleted = 0), a.note" COMMUNE_SQL("a")
    " FROM area a WHERE a.deleted = 0 ORDER BY a.unit_code, a.sort_key, a.uuid";

static const col_def SESSION_COLS[] = {
    DATE_COL,
    TEXT("Địa điểm", "Place", 24),
    TEXT("Đơn vị tổ chức", "Organiser", 24),
    TEXT("Nội dung", "Topic", 30),
    COUNT("Số người dự", "Attendees", 10),
    NOTE_COL,
    COMMUNE_COLS,
};

static const char SESSION_SQL[] =
    "SELECT s.date, s.place, s.organiser, s.topic,"
    " (SELECT count(*) FROM attendance at JOIN member m ON m.uuid = at.member_uuid AND m.deleted = 0"
    "  WHERE at.session_uuid = s.uuid AND at.deleted = 0), s.note" COMMUNE_SQL("s")
    " FROM training_session s WHERE s.deleted = 0 ORDER BY s.unit_code, s.date, s.uuid";

static const col_def ACTIVITY_COLS[] = {
    DATE_COL,
    TEAM_COL,
    CHOICE("Loại hoạt động", "Activity", CHOICES_ACTIVITY_TYPE, 24),
    COUNT("Số người được hỗ trợ", "People helped", 12),
    COUNT("Số hộ được hỗ trợ", "Households helped", 12),
    NOTE_COL,
    COMMUNE_COLS,
};

static const char ACTIVITY_SQL[] =
    "SELECT ac.date, t.name, ac.type, ac.people, ac.households, ac.note" COMMUNE_SQL("t")
    " FROM activity ac JOIN team t ON t.uuid = ac.team_uuid"
    " WHERE ac.deleted = 0 ORDER BY t.unit_code, ac.date, t.sort_key, ac.uuid";

/* A table: its command-line name, sheet names, query, the table whose live
 * rows it counts, the result column of the member's consent (or -1), columns. */
#define TABLE(name, vi, en, sql, live, consent, cols) \
    {name, vi, en, sql, COUNT_LIVE(live), consent, cols, N(cols)}

static const table_def TABLES[CSVIO_TABLE_COUNT] = {
    [CSVIO_MEMBERS] = {"members", "Thành viên", "Members", NULL, COUNT_LIVE("member"), -1, NULL, 0}, /* member_table() */
    [CSVIO_TEAMS] = TABLE("teams", "Tổ", "Teams", TEAM_SQL, "team", -1, TEAM_COLS),
    [CSVIO_AREAS] = TABLE("areas", "Thôn, tổ dân phố", "Areas", AREA_SQL, "area", -1, AREA_COLS),
    [CSVIO_SESSIONS] = TABLE("sessions", "Buổi tập huấn", "Training sessions", SESSION_SQL, "training_session",
                             -1, SESSION_COLS),
    [CSVIO_ACTIVITIES] = TABLE("activities", "Hoạt động", "Activities", ACTIVITY_SQL, "activity", -1,
                               ACTIVITY_COLS),
};

int csvio_table_from_name(const char *name)
{
    for (int t = 0; name && t < CSVIO_TABLE_COUNT; t++)
        if (strcmp(name, TABLES[t].name) == 0)
            return t;
    return -1;
}

const char *csvio_table_name(csvio_table t)
{
    return TABLES[t].name;
}

static int english(void)
{
    return strcmp(i18n_lang(), "en") == 0;
}

const char *csvio_sheet_name(csvio_table t)
{
    return english() ? TABLES[t].sheet_en : TABLES[t].sheet_vi;
}

/* The sheet column of catalogue field f: its headers, width and kind of
 * value, and what the personal-data rule asks of it. */
static col_def member_col(const field_def *f)
{
    static const col_kind KINDS[] = {[FIELD_TEXT] = COL_TEXT, [FIELD_DATE] = COL_DATE, [FIELD_CHOICE] = COL_CHOICE,
                                     [FIELD_BOOL] = COL_YESNO, [FIELD_COUNT] = COL_INT, [FIELD_REF] = COL_TEXT};
    col_def c = {f->csv_vi, f->csv_en, KINDS[f->type], f->choices, 0, f->width};
    if (strcmp(f->column, "mooc_status") == 0)
        c.kind = COL_MOOC;
    if (!field_shown(f, 1, 0))
        c.flags = FULL_ONLY;
    else if (!field_shown(f, 0, 0))
        c.flags = PERSONAL_CONSENT;
    return c;
}

/* Whether field column is named in MEMBER_ORDER. */
static int member_ordered(const char *column)
{
    for (int i = 0; MEMBER_ORDER[i]; i++)
        if (strcmp(MEMBER_ORDER[i], column) == 0)
            return 1;
    return 0;
}

/* The member sheet, made once from the catalogue. */
static struct {
    table_def def;
    col_def cols[MAX_COLS];
    char sql[4096];
} member_sheet;
static pthread_once_t member_sheet_once = PTHREAD_ONCE_INIT;

/* Adds catalogue field f to the member sheet (its column, its SELECT term). */
static void member_sheet_add(const field_def *f, size_t *len)
{
    const field_def *consent = record_consent_field(record_kind_of("member"));
    if (member_sheet.def.ncols + 8 >= (int)N(member_sheet.cols))
        abort(); /* sized for the catalogue: more fields need a bigger array */
    if (f == consent)
        member_sheet.def.consent_col = member_sheet.def.ncols;
    member_sheet.cols[member_sheet.def.ncols++] = member_col(f);
    *len += (size_t)snprintf(member_sheet.sql + *len, sizeof member_sheet.sql - *len, "%sm.%s",
                             *len > 7 ? ", " : "", f->column);
}

static void member_sheet_make(void)
{
    member_sheet.def = TABLES[CSVIO_MEMBERS];
    member_sheet.def.cols = member_sheet.cols;
    size_t len = (size_t)snprintf(member_sheet.sql, sizeof member_sheet.sql, "SELECT ");
    for (int i = 0; MEMBER_ORDER[i]; i++) {
        if (!MEMBER_ORDER[i][0]) {
            for (size_t k = 0; k < N(MEMBERSHIP_COLS); k++)
                member_sheet.cols[member_sheet.def.ncols++] = MEMBERSHIP_COLS[k];
            len += (size_t)snprintf(member_sheet.sql + len, sizeof member_sheet.sql - len, ", " MEMBERSHIP_SQL);
        } else {
            member_sheet_add(field_of("member", MEMBER_ORDER[i]), &len);
        }
    }
    for (const field_def *f = record_kind_of("member")->fields; f->column; f++)
        if (field_is_content(f) && f->csv_vi && !member_ordered(f->column))
            member_sheet_add(f, &len);
    static const col_def COMMUNE[] = {COMMUNE_COLS};
    for (size_t k = 0; k < N(COMMUNE); k++)
        member_sheet.cols[member_sheet.def.ncols++] = COMMUNE[k];
    if ((size_t)snprintf(member_sheet.sql + len, sizeof member_sheet.sql - len, COMMUNE_SQL("m") MEMBER_FROM) >=
        sizeof member_sheet.sql - len)
        abort(); /* sized for the catalogue: more fields need a bigger buffer */
    member_sheet.def.sql = member_sheet.sql;
}

/* The description of table t (the member sheet from the catalogue). */
static const table_def *table_of(csvio_table t)
{
    if (t != CSVIO_MEMBERS)
        return &TABLES[t];
    pthread_once(&member_sheet_once, member_sheet_make);
    return &member_sheet.def;
}

struct csvio_rows {
    const table_def *def;
    sqlite3_stmt *st;
    int full;
    int ncols;
    int map[MAX_COLS];          /* output column → col_def index */
    char *cell[MAX_COLS];       /* formatted cells of the current row */
    const char *view[MAX_COLS]; /* the same, const, for the caller */
    long long total;
};

csvio_rows *csvio_rows_open(sqlite3 *db, csvio_table t, int full, cdtt_err *e)
{
    if ((int)t < 0 || t >= CSVIO_TABLE_COUNT) {
        err_set(e, _("unknown table"));
        return NULL;
    }
    csvio_rows *r = xcalloc(1, sizeof *r);
    r->def = table_of(t);
    r->full = full;
    /* At an office above the communes the commune columns come first; elsewhere they are left out. */
    if (records_consolidating(db))
        for (int i = 0; i < r->def->ncols; i++)
            if (r->def->cols[i].flags & CONSOLIDATED_ONLY)
                r->map[r->ncols++] = i;
    for (int i = 0; i < r->def->ncols; i++)
        if ((full || !(r->def->cols[i].flags & FULL_ONLY)) && !(r->def->cols[i].flags & CONSOLIDATED_ONLY))
            r->map[r->ncols++] = i;
    r->total = db_scalar_int(db, r->def->count_sql, 0);
    r->st = db_prepare(db, r->def->sql, e);
    if (!r->st) {
        free(r);
        return NULL;
    }
    return r;
}

int csvio_rows_ncols(const csvio_rows *r)
{
    return r->ncols;
}

const char *csvio_rows_header(const csvio_rows *r, int col)
{
    const col_def *c = &r->def->cols[r->map[col]];
    return english() ? c->en : c->vi;
}

int csvio_rows_is_number(const csvio_rows *r, int col)
{
    return r->def->cols[r->map[col]].kind == COL_INT;
}

int csvio_rows_width(const csvio_rows *r, int col)
{
    return r->def->cols[r->map[col]].width;
}

long long csvio_rows_total(const csvio_rows *r)
{
    return r->total;
}

/* The shown form of one stored value (malloc'd). */
static char *format_cell(const col_def *c, const char *v)
{
    char d[11];
    switch (c->kind) {
    case COL_DATE:
        if (!*v)
            return xstrdup("");
        date_to_display(v, d);
        return xstrdup(d);
    case COL_CHOICE:
        return xstrdup(*v ? choice_label(c->choices, v) : "");
    case COL_YESNO:
        if (english())
            return xstrdup(atoi(v) ? "Yes" : "No");
        return xstrdup(atoi(v) ? "Có" : "Không");
    case COL_MOOC:
        if (!*v || strcmp(v, "not_started") == 0)
            return xstrdup("");
        return xstrdup(choice_label(CHOICES_MOOC_STATUS, v));
    case COL_INT:
    case COL_TEXT:
    default:
        return xstrdup(v);
    }
}

int csvio_rows_next(csvio_rows *r, const char *const **cells, cdtt_err *e)
{
    for (int i = 0; i < r->ncols; i++) {
        free(r->cell[i]);
        r->cell[i] = NULL;
    }
    int rc = sqlite3_step(r->st);
    if (rc == SQLITE_DONE)
        return 0;
    if (rc != SQLITE_ROW)
        return db_fail(sqlite3_db_handle(r->st), e, _("reading the table"));
    int consented = r->def->consent_col < 0 || sqlite3_column_int(r->st, r->def->consent_col);
    for (int i = 0; i < r->ncols; i++) {
        const col_def *c = &r->def->cols[r->map[i]];
        const unsigned char *v = sqlite3_column_text(r->st, r->map[i]);
        if (!v || ((c->flags & PERSONAL_CONSENT) && !consented && !r->full))
            v = (const unsigned char *)"";
        r->cell[i] = format_cell(c, (const char *)v);
        r->view[i] = r->cell[i];
    }
    *cells = r->view;
    return 1;
}

void csvio_rows_close(csvio_rows *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->ncols; i++)
        free(r->cell[i]);
    sqlite3_finalize(r->st);
    free(r);
}
