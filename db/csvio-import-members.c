/* csvio-import-members.c — a commune's member list from Excel into the
 * database, through the records API, all rows in one transaction. */
#include "csvio.h"
#include "db.h"
#include "records.h"
#include "table.h"
#include "text.h"
#include "validate.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HAS(row, f) ((row)->set & (1u << (f)))
#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

#define PROGRESS_EVERY 200

typedef struct {
    sqlite3 *db;
    const char *path;
    csvio_import_summary *s;
    cdtt_err *e;
    csvio_member_columns cols;
    long line;
    char today[11];
    sqlite3_stmt *by_phone, *by_name_birth, *by_name_in_team;
    /* The last team found or made: lists come grouped by team. */
    char last_team[512], last_area[512], last_team_uuid[UUID_LEN];
    const csvio_import_opts *o;
    csvio_values *values;
} importer;

/* Appends a formatted line to the problems. */
static void add_problem(csvio_import_summary *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void add_problem(csvio_import_summary *s, const char *fmt, ...)
{
    char line[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    csvio_list_push(&s->problems, &s->n_problems, xstrdup(line));
}

/* A cell as it can be shown in a one-line message: control characters as
 * spaces, at most about 60 columns. */
static void shown_value(const char *v, char *out, size_t outlen)
{
    if (!text_valid_utf8(v, strlen(v))) {
        snprintf(out, outlen, "%s", _("(not valid UTF-8)"));
        return;
    }
    size_t keep = text_fit(v, 60);
    if (keep + 4 > outlen)
        keep = outlen > 4 ? outlen - 4 : 0;
    while (keep > 0 && ((unsigned char)v[keep] & 0xC0) == 0x80)
        keep--;
    size_t k = 0;
    for (size_t i = 0; i < keep; i++)
        out[k++] = (unsigned char)v[i] < 0x20 ? ' ' : v[i];
    out[k] = '\0';
    if (v[keep])
        snprintf(out + k, outlen - k, "…");
}

/* Receives the row parser's findings. */
static void report_field(void *ctx, int severity, const char *field, const char *value,
                         const char *msg)
{
    importer *im = ctx;
    char v[256];
    shown_value(value, v, sizeof v);
    if (severity >= VALID_ERROR)
        add_problem(im->s, "%s:%ld: %s \"%s\": %s", im->path, im->line, field, v, msg);
    else
        add_problem(im->s, _("%s:%ld: warning: %s \"%s\": %s"), im->path, im->line, field, v, msg);
}

/* The file's header for a record field a check named: members' columns, and
 * "name" as the team's or area's column (name_field). "" when none. */
static const char *header_of(const importer *im, const char *field, int name_field)
{
    static const struct {
        const char *column;
        int f;
    } MAP[] = {
        {"full_name", CSVIO_F_NAME}, {"birth", CSVIO_F_BIRTH},   {"gender", CSVIO_F_GENDER},
        {"phone", CSVIO_F_PHONE},    {"cccd", CSVIO_F_CCCD},     {"email", CSVIO_F_EMAIL},
        {"category", CSVIO_F_CATEGORY}, {"youth_union", CSVIO_F_YOUTH},
        {"mooc_status", CSVIO_F_MOOC}, {"mooc_date", CSVIO_F_MOOC}, {"zalo_date", CSVIO_F_ZALO},
        {"consent", CSVIO_F_CONSENT}, {"consent_date", CSVIO_F_CONSENT_DATE},
        {"note", CSVIO_F_NOTE},      {"role", CSVIO_F_ROLE},     {"team_uuid", CSVIO_F_TEAM},
    };
    if (!field[0])
        return "";
    if (strcmp(field, "name") == 0 && name_field >= 0)
        return im->cols.header[name_field];
    for (size_t i = 0; i < sizeof MAP / sizeof MAP[0]; i++)
        if (strcmp(field, MAP[i].column) == 0)
            return im->cols.header[MAP[i].f];
    return field;
}

/* Passes on what a records save found (name_field: the column of the saved
 * record's name, or -1). Returns 0 when saved, 1 when the row was refused
 * (reported), -1 on a database failure (im->e set). */
static int after_save(importer *im, int rc, const findings *f, int name_field, int *row_errors)
{
    for (int i = 0; i < f->n; i++) {
        const finding *x = &f->items[i];
        const char *fld = header_of(im, x->field, name_field);
        if (x->severity >= VALID_ERROR)
            add_problem(im->s, "%s:%ld: %s%s%s", im->path, im->line, fld, *fld ? ": " : "",
                        x->msg);
        else if (rc == 0)
            add_problem(im->s, _("%s:%ld: warning: %s%s%s"), im->path, im->line, fld,
                        *fld ? ": " : "", x->msg);
    }
    if (rc == 0)
        return 0;
    if (findings_worst(f) >= VALID_ERROR) {
        (*row_errors)++;
        return 1;
    }
    if (!im->e->msg[0])
        err_set(im->e, _("the database refused a row of %s (line %ld)"), im->path, im->line);
    return -1;
}

static void note_created(importer *im, const char *what, const char *name)
{
    char line[700];
    snprintf(line, sizeof line, "%s %s", what, name);
    csvio_list_push(&im->s->created, &im->s->n_created, xstrdup(line));
}

/* The kind of a village or residential group, guessed from how its name starts. */
static const char *area_kind_of(const char *name)
{
    static const struct {
        const char *prefix, *kind;
    } KINDS[] = {
        {"thon ", "thon"}, {"ban ", "ban"},   {"ap ", "ap"},
        {"buon ", "buon"}, {"khom ", "khom"}, {"to dan pho ", "to_dan_pho"},
        {"tdp ", "to_dan_pho"}, {"to ", "to_dan_pho"}, {"khu pho ", "khu_pho"},
        {"khu ", "khu_pho"},
    };
    char *f = text_fold(name);
    const char *kind = "other";
    for (size_t i = 0; i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strncmp(f, KINDS[i].prefix, strlen(KINDS[i].prefix)) == 0) {
            kind = KINDS[i].kind;
            break;
        }
    free(f);
    return kind;
}

/* Finds or creates the area and team of the row. Returns 0, 1 (row refused) or -1. */
static int find_or_make_team(importer *im, const csvio_member_row *row, char team_uuid[UUID_LEN],
                             int *row_errors);

static int resolve_team(importer *im, const csvio_member_row *row, char team_uuid[UUID_LEN],
                        int *row_errors)
{
    if (im->last_team_uuid[0] && strcmp(im->last_team, row->team) == 0 &&
        strcmp(im->last_area, row->area) == 0) {
        snprintf(team_uuid, UUID_LEN, "%s", im->last_team_uuid);
        return 0;
    }
    int rc = find_or_make_team(im, row, team_uuid, row_errors);
    if (rc == 0) {
        COPY(im->last_team, row->team);
        COPY(im->last_area, row->area);
        COPY(im->last_team_uuid, team_uuid);
    }
    return rc;
}

static int find_or_make_team(importer *im, const csvio_member_row *row, char team_uuid[UUID_LEN],
                             int *row_errors)
{
    char area_uuid[UUID_LEN] = "", kind[16] = "";
    findings f;
    if (row->area[0] && area_find_by_name(im->db, row->area, area_uuid) != 0) {
        area_rec a;
        area_init(&a);
        snprintf(a.name, sizeof a.name, "%s", row->area);
        snprintf(a.kind, sizeof a.kind, "%s", area_kind_of(row->area));
        memset(&f, 0, sizeof f);
        int rc = after_save(im, area_save(im->db, &a, 1, &f, im->e), &f, CSVIO_F_AREA, row_errors);
        if (rc != 0)
            return rc;
        im->s->areas_created++;
        note_created(im, _("area"), a.name);
        snprintf(area_uuid, UUID_LEN, "%s", a.uuid);
        COPY(kind, a.kind);
    }
    /* Without an area column a team is looked for in every area. */
    const char *in_area = im->cols.col[CSVIO_F_AREA] < 0 ? NULL : area_uuid;
    if (team_find_by_name(im->db, row->team, in_area, team_uuid) == 0)
        return 0;
    area_rec known;
    if (area_uuid[0] && !kind[0] && area_get(im->db, area_uuid, &known) == 0)
        COPY(kind, known.kind);
    team_rec t;
    team_init(&t);
    snprintf(t.name, sizeof t.name, "%s", row->team);
    snprintf(t.area_uuid, sizeof t.area_uuid, "%s", area_uuid);
    snprintf(t.level, sizeof t.level, "%s",
             !area_uuid[0] ? "commune"
             : (strcmp(kind, "to_dan_pho") == 0 || strcmp(kind, "khu_pho") == 0) ? "group"
                                                                                 : "village");
    memset(&f, 0, sizeof f);
    int rc = after_save(im, team_save(im->db, &t, 1, &f, im->e), &f, CSVIO_F_TEAM, row_errors);
    if (rc != 0)
        return rc;
    im->s->teams_created++;
    note_created(im, _("team"), t.name);
    snprintf(team_uuid, UUID_LEN, "%s", t.uuid);
    return 0;
}

/* Runs a one-row lookup whose first column is a uuid; 1 when found. */
static int lookup(sqlite3_stmt *st, char uuid[UUID_LEN], char *fold_out, size_t fold_len)
{
    int found = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(uuid, UUID_LEN, "%s", (const char *)sqlite3_column_text(st, 0));
        if (fold_out)
            snprintf(fold_out, fold_len, "%s",
                     sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
        found = 1;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return found;
}

/* The member the row is about: same phone (and name), or same folded name and
 * birth, or same folded name already in the team. Returns 1 found, 0 new,
 * 2 when the phone belongs to someone else (reported). */
static int find_member(importer *im, const csvio_member_row *row, const char *team_uuid,
                       char uuid[UUID_LEN], int *row_errors)
{
    char *fold = text_fold(row->name);
    int found = 0;
    if (row->phone[0]) {
        char other_fold[600];
        sqlite3_bind_text(im->by_phone, 1, row->phone, -1, SQLITE_TRANSIENT);
        if (lookup(im->by_phone, uuid, other_fold, sizeof other_fold)) {
            if (strcmp(other_fold, fold) == 0) {
                found = 1;
            } else {
                member_rec other;
                if (member_get(im->db, uuid, &other) != 0)
                    other.full_name[0] = '\0';
                add_problem(im->s, _("%s:%ld: %s \"%s\": this number already belongs to %s"),
                            im->path, im->line, im->cols.header[CSVIO_F_PHONE], row->phone,
                            other.full_name);
                (*row_errors)++;
                found = 2;
            }
        }
    }
    if (!found && row->birth[0]) {
        sqlite3_bind_text(im->by_name_birth, 1, fold, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(im->by_name_birth, 2, row->birth, -1, SQLITE_TRANSIENT);
        found = lookup(im->by_name_birth, uuid, NULL, 0);
    }
    if (!found) {
        sqlite3_bind_text(im->by_name_in_team, 1, fold, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(im->by_name_in_team, 2, team_uuid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(im->by_name_in_team, 3, row->birth, -1, SQLITE_TRANSIENT);
        found = lookup(im->by_name_in_team, uuid, NULL, 0);
    }
    free(fold);
    return found;
}


/* Writes the row's given fields over m; empty cells keep what m holds. */
static void apply_row(member_rec *m, const csvio_member_row *row, const char *today)
{
    if (HAS(row, CSVIO_F_NAME))
        COPY(m->full_name, row->name);
    if (HAS(row, CSVIO_F_BIRTH))
        COPY(m->birth, row->birth);
    if (HAS(row, CSVIO_F_GENDER))
        COPY(m->gender, row->gender);
    if (HAS(row, CSVIO_F_PHONE))
        COPY(m->phone, row->phone);
    if (HAS(row, CSVIO_F_CCCD))
        COPY(m->cccd, row->cccd);
    if (HAS(row, CSVIO_F_EMAIL))
        COPY(m->email, row->email);
    if (HAS(row, CSVIO_F_CATEGORY))
        COPY(m->category, row->category);
    if (HAS(row, CSVIO_F_YOUTH))
        m->youth_union = row->youth_union;
    if (HAS(row, CSVIO_F_CONSENT_DATE))
        COPY(m->consent_date, row->consent_date);
    if (HAS(row, CSVIO_F_CONSENT)) {
        m->consent = row->consent;
        if (m->consent && !m->consent_date[0])
            COPY(m->consent_date, today);
    }
    if (HAS(row, CSVIO_F_MOOC)) {
        int was_completed = strcmp(m->mooc_status, "completed") == 0;
        COPY(m->mooc_status, row->mooc_status);
        if (strcmp(row->mooc_status, "completed") != 0)
            m->mooc_date[0] = '\0';
        else if (row->mooc_date[0] || !was_completed)
            COPY(m->mooc_date, row->mooc_date);
    }
    if (HAS(row, CSVIO_F_ZALO)) {
        if (!row->zalo_yes)
            m->zalo_date[0] = '\0';
        else if (row->zalo_date[0])
            COPY(m->zalo_date, row->zalo_date);
        else if (!m->zalo_date[0])
            COPY(m->zalo_date, today); /* following, since an unknown date: recorded today */
    }
    if (HAS(row, CSVIO_F_NOTE))
        COPY(m->note, row->note);
}

/* True when the fields an import can change are the same in a and b. */
static int member_same(const member_rec *a, const member_rec *b)
{
    return strcmp(a->full_name, b->full_name) == 0 && strcmp(a->birth, b->birth) == 0 &&
           strcmp(a->gender, b->gender) == 0 && strcmp(a->phone, b->phone) == 0 &&
           strcmp(a->cccd, b->cccd) == 0 && strcmp(a->email, b->email) == 0 &&
           strcmp(a->category, b->category) == 0 && a->youth_union == b->youth_union &&
           a->consent == b->consent && strcmp(a->consent_date, b->consent_date) == 0 &&
           strcmp(a->mooc_status, b->mooc_status) == 0 && strcmp(a->mooc_date, b->mooc_date) == 0 &&
           strcmp(a->zalo_date, b->zalo_date) == 0 && strcmp(a->note, b->note) == 0;
}

/* Puts an existing member into the team, or changes the role. Returns 1 when
 * added, 2 when the role changed, 0 when nothing changed, -2 refused, -1 on failure. */
static int ensure_membership(importer *im, const csvio_member_row *row, const char *member_uuid,
                             const char *team_uuid, int *row_errors)
{
    int n = 0;
    membership_rec *list = membership_list_for_member(im->db, member_uuid, &n);
    membership_rec ms;
    int found = 0;
    for (int i = 0; i < n && !found; i++)
        if (strcmp(list[i].team_uuid, team_uuid) == 0) {
            ms = list[i];
            found = 1;
        }
    free(list);
    if (found && (!row->role[0] || strcmp(ms.role, row->role) == 0))
        return 0;
    if (!found) {
        membership_init(&ms);
        COPY(ms.team_uuid, team_uuid);
        COPY(ms.member_uuid, member_uuid);
        COPY(ms.role, row->role[0] ? row->role : "member");
    } else {
        COPY(ms.role, row->role);
    }
    findings f = {0};
    int rc = after_save(im, membership_save(im->db, &ms, 1, &f, im->e), &f, -1, row_errors);
    if (rc != 0)
        return rc > 0 ? -2 : -1;
    if (found)
        return 2;
    im->s->memberships_new++;
    return 1;
}

/* Brings an existing member up to the row and into its team. Returns 0 (done,
 * or refused and reported) or -1. */
static int update_member(importer *im, const csvio_member_row *row, const char *uuid,
                         const char *team_uuid, int *row_errors)
{
    member_rec *old = xmalloc(sizeof *old), *m = xmalloc(sizeof *m);
    int rc = 0, changed = 0;
    if (member_get(im->db, uuid, old) != 0) {
        rc = err_set(im->e, _("a member vanished during the import"));
        goto done;
    }
    *m = *old;
    apply_row(m, row, im->today);
    if (!member_same(old, m)) {
        findings f = {0};
        rc = after_save(im, member_save(im->db, m, 1, &f, im->e), &f, CSVIO_F_NAME, row_errors);
        if (rc != 0)
            goto done;
        changed = 1;
    }
    rc = ensure_membership(im, row, uuid, team_uuid, row_errors);
    if (rc >= 0) {
        if (changed || rc == 2)
            im->s->members_updated++;
        else
            im->s->members_unchanged++;
    }
done:
    free(old);
    free(m);
    return rc < 0 && rc != -2 ? -1 : 0;
}

/* Imports one parsed row. Returns 0 (done or refused and reported) or -1. */
static int import_row(importer *im, const csvio_member_row *row, int *row_errors)
{
    char team_uuid[UUID_LEN], uuid[UUID_LEN];
    int rc = resolve_team(im, row, team_uuid, row_errors);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    int found = find_member(im, row, team_uuid, uuid, row_errors);
    if (found == 2)
        return 0;
    findings f = {0};
    if (!found) {
        member_rec m;
        member_init(&m);
        apply_row(&m, row, im->today);
        rc = after_save(im,
                        member_save_in_team(im->db, &m, team_uuid, row->role[0] ? row->role : "member",
                                            1, &f, im->e),
                        &f, CSVIO_F_NAME, row_errors);
        if (rc == 0) {
            im->s->members_new++;
            im->s->memberships_new++;
        }
        return rc < 0 ? -1 : 0;
    }
    return update_member(im, row, uuid, team_uuid, row_errors);
}

/* True when a row is the header of a member list (it has a name column). */
static int is_member_header(char **cells, int n, void *ctx)
{
    (void)ctx;
    csvio_member_columns c;
    csvio_member_columns_find(cells, n, &c, NULL);
    return c.col[CSVIO_F_NAME] >= 0;
}

/* Opens the list (table.h) up to its header and finds the member columns.
 * Returns the reader, or NULL with im->e set. */
static table_list *open_list(importer *im)
{
    const csvio_import_opts *o = im->o;
    table_opts to = {.encoding = o->encoding, .sheet = o->sheet, .is_header = is_member_header,
                     .header_hint = "Họ và tên"};
    table_list *t = table_open(im->path, &to, im->e);
    if (!t)
        return NULL;
    int nh;
    char **h = table_header(t, &nh);
    if (!csvio_member_columns_find(h, nh, &im->cols, im->s)) {
        err_set(im->e, _("%s:%ld: the list has no column \"%s\" (the team of each member)"), im->path,
                table_line(t), "Tổ");
        table_close(t);
        return NULL;
    }
    table_set_key_column(t, im->cols.col[CSVIO_F_NAME]);
    return t;
}

/* Counts the data records after the header (and checks the whole file parses). */
static long long count_rows(importer *im)
{
    table_list *t = open_list(im);
    if (!t)
        return -1;
    long long n = 0;
    char **fields;
    int rc;
    while ((rc = table_next(t, &fields, im->e)) > 0)
        n++;
    table_close(t);
    csvio_import_summary_free(im->s); /* the header pass lists ignored columns again */
    return rc < 0 ? -1 : n;
}

/* Receives each choice cell of the rows. */
static void choice_seen(void *ctx, int field, const char *value, const char *code, enum choice_how how)
{
    importer *im = ctx;
    csvio_values_add(im->values, im->line, field, value, code, how);
}

static int prepare_lookups(importer *im)
{
    im->by_phone = db_prepare(im->db,
                              "SELECT uuid, name_fold FROM member WHERE deleted = 0 AND phone = ?1"
                              " ORDER BY created_at, uuid LIMIT 1",
                              im->e);
    im->by_name_birth = db_prepare(im->db,
                                   "SELECT uuid FROM member WHERE deleted = 0 AND name_fold = ?1"
                                   " AND birth = ?2 ORDER BY created_at, uuid LIMIT 1",
                                   im->e);
    im->by_name_in_team = db_prepare(
        im->db,
        "SELECT m.uuid FROM member m JOIN membership ms ON ms.member_uuid = m.uuid"
        " AND ms.deleted = 0 AND coalesce(ms.date_to, '') = ''"
        " WHERE m.deleted = 0 AND m.name_fold = ?1 AND ms.team_uuid = ?2"
        " AND (?3 = '' OR coalesce(m.birth, '') = '' OR m.birth = ?3)"
        " ORDER BY m.created_at, m.uuid LIMIT 1",
        im->e);
    return im->by_phone && im->by_name_birth && im->by_name_in_team ? 0 : -1;
}

static void finalize_lookups(importer *im)
{
    sqlite3_finalize(im->by_phone);
    sqlite3_finalize(im->by_name_birth);
    sqlite3_finalize(im->by_name_in_team);
}

/* Reads every data row and imports it; the caller holds the transaction. */
static int import_all(importer *im, table_list *rd, long long total, csvio_progress_fn progress,
                      void *pctx)
{
    char **fields;
    int n;
    csvio_parse_opts po = {im->o->aliases, im->o->n_aliases, im->o->unknown_other, choice_seen};
    while ((n = table_next(rd, &fields, im->e)) > 0) {
        im->line = table_line(rd);
        im->s->rows_read++;
        csvio_member_row row;
        long long before = im->s->n_problems;
        int row_errors = csvio_member_row_parse_opts(&im->cols, fields, n, im->today, &po, &row, report_field, im);
        if (im->s->n_preview < im->o->preview_rows)
            csvio_list_push(&im->s->preview, &im->s->n_preview, csvio_preview_line(im->line, &row));
        if (row_errors == 0 && import_row(im, &row, &row_errors) < 0)
            return -1;
        if (row_errors > 0)
            im->s->errors++;
        else if (im->s->n_problems > before)
            im->s->warnings++;
        if (progress && im->s->rows_read % PROGRESS_EVERY == 0)
            progress(pctx, im->s->rows_read, total);
    }
    if (progress)
        progress(pctx, im->s->rows_read, total);
    return n < 0 ? -1 : 0;
}

int csvio_import_members(sqlite3 *db, const char *path, int dry_run, csvio_progress_fn progress,
                         void *progress_ctx, csvio_import_summary *s, cdtt_err *e)
{
    return csvio_import_members_opts(db, path, NULL, dry_run, progress, progress_ctx, s, e);
}

/* Says in s->source what was read. */
static void describe_source(importer *im, table_list *t)
{
    char *p = im->s->source;
    size_t n = sizeof im->s->source;
    snprintf(p, n, "%s", table_format(t));
    if (table_sheet_count(t) > 0)
        snprintf(p + strlen(p), n - strlen(p), _(", sheet \"%s\" (of %d)"), table_sheet(t), table_sheet_count(t));
    snprintf(p + strlen(p), n - strlen(p), _(", header on row %ld"), table_line(t));
    if (table_note(t)[0])
        snprintf(p + strlen(p), n - strlen(p), "; %s", table_note(t));
}

int csvio_import_members_opts(sqlite3 *db, const char *path, const csvio_import_opts *o, int dry_run,
                              csvio_progress_fn progress, void *progress_ctx, csvio_import_summary *s,
                              cdtt_err *e)
{
    static const csvio_import_opts none;
    cdtt_err local;
    if (!e)
        e = &local;
    err_clear(e);
    memset(s, 0, sizeof *s);
    importer im = {.db = db, .path = path, .s = s, .e = e, .o = o ? o : &none};
    date_today(im.today);
    long long total = count_rows(&im);
    if (total < 0)
        return -1;
    table_list *rd = open_list(&im);
    if (!rd)
        return -1;
    describe_source(&im, rd);
    csvio_member_columns_describe(&im.cols, s);
    if (prepare_lookups(&im) < 0) {
        finalize_lookups(&im);
        table_close(rd);
        return -1;
    }
    im.values = csvio_values_new();
    int rc = db_begin(db, e);
    if (rc == 0)
        rc = import_all(&im, rd, total, progress, progress_ctx);
    finalize_lookups(&im);
    table_close(rd);
    csvio_values_report(im.values, path, &im.cols, s);
    csvio_values_free(im.values);
    if (rc < 0) {
        db_rollback(db);
        return -1;
    }
    if (s->errors > 0 || dry_run) {
        db_rollback(db);
        return s->errors > 0 ? 1 : 0;
    }
    if (db_commit(db, e) < 0) {
        db_rollback(db);
        return -1;
    }
    return 0;
}
