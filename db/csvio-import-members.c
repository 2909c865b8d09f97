/* csvio-import-members.c — a commune's member list from Excel into the
 * database, through the records API, all rows in one BEGIN IMMEDIATE
 * transaction: reading the file, and each row's way from its cells to a
 * member (found or new), its changes and its team. */
#include "csvio-import.h"
#include "db.h"
#include "table.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROGRESS_EVERY 200

/* Receives the row parser's findings. */
static void report_field(void *ctx, int severity, const char *field, const char *value,
                         const char *msg)
{
    importer *im = ctx;
    char v[256];
    import_shown(value, v, sizeof v);
    if (severity >= VALID_ERROR)
        import_problem(im, "%s:%ld: %s \"%s\": %s", im->path, im->line, field, v, msg);
    else
        import_problem(im, _("%s:%ld: warning: %s \"%s\": %s"), im->path, im->line, field, v, msg);
}

/* A consent given without a date: said, and the date left empty (nothing is
 * invented). */
static void warn_consent_without_date(importer *im, const csvio_member_row *row, const member_rec *m)
{
    if (!HAS(row, CSVIO_F_CONSENT) || !row->consent || !m->consent || m->consent_date[0])
        return;
    import_problem(im, _("%s:%ld: warning: %s: consent is given without a date; the date is left empty"),
                   im->path, im->line, im->cols.header[CSVIO_F_CONSENT]);
}

/* Saves a member no row has matched, in the row's team. Returns 0 (saved, or
 * refused and reported) or -1. */
static int add_member(importer *im, const csvio_member_row *row, const char *team_uuid,
                      int *row_errors)
{
    member_rec *m = xmalloc(sizeof *m);
    member_init(m);
    import_apply_row(m, row, &im->cols, im->today);
    findings f = {0};
    char since[11];
    int rule = import_start_date(im, row, m, team_uuid, since);
    int rc = member_save_in_team_since(im->db, m, team_uuid, row->role[0] ? row->role : "member", since, 1,
                                       &f, im->e);
    rc = import_after_save(im, rc, &f, CSVIO_F_NAME, row_errors);
    if (rc == 0) {
        membership_rec ms;
        member_place_get(im->db, m->uuid, &ms);
        if (import_note_start(im, ms.uuid, rule) < 0) {
            free(m);
            return -1;
        }
        warn_consent_without_date(im, row, m);
        import_person *p = people_add(&im->people, m->uuid, im->line, 0);
        p->print = import_row_print(row, &im->cols);
        team_list_add(&p->listed, team_uuid);
        import_match_note_cccd(im, m->cccd, m->uuid);
        im->s->members_new++;
        im->s->memberships_new++;
    }
    free(m);
    return rc < 0 ? -1 : 0;
}

/* Reports a row that may be several members. */
static void report_ambiguous(importer *im, const csvio_member_row *row, const member_match *mm,
                             int *row_errors)
{
    int f = mm->how == MATCH_BY_CCCD ? CSVIO_F_CCCD : CSVIO_F_NAME;
    char v[256];
    import_shown(f == CSVIO_F_CCCD ? row->cccd : row->name, v, sizeof v);
    import_problem(im,
                   _("%s:%ld: %s \"%s\": %d members have %s: %s; give the birth date or the CCCD "
                     "number to say which (nothing was merged)"),
                   im->path, im->line, im->cols.header[f], v, mm->n, import_match_how(mm->how),
                   mm->shown);
    (*row_errors)++;
}

/* Reports a row that is the person of an earlier row but gives other values. */
static void report_disagreement(importer *im, const member_rec *old, const import_person *p,
                                int how, const char *diff, int *row_errors)
{
    import_problem(im,
                   _("%s:%ld: %s is the person of line %ld (%s), but this row gives other values: "
                     "%s; if they are two people, give each their CCCD number (nothing was merged)"),
                   im->path, im->line, old->full_name, p->line, import_match_how(how), diff);
    (*row_errors)++;
}

/* Notes a member the file names for the first time: what the row says of
 * them, and their current teams (their memberships current[0..n)). */
static import_person *first_meeting(importer *im, const csvio_member_row *row, const char *uuid,
                                    const membership_rec *current, int n)
{
    import_person *p = people_add(&im->people, uuid, im->line, 1);
    p->print = import_row_print(row, &im->cols);
    for (int i = 0; i < n; i++)
        team_list_add(&p->before, current[i].team_uuid);
    return p;
}

/* Lists the stored values a row replaced. */
static void list_changes(importer *im, const member_rec *old, const char *changes)
{
    if (!changes[0])
        return;
    char line[4600];
    snprintf(line, sizeof line, "%s:%ld: %s: %s", im->path, im->line, old->full_name, changes);
    csvio_list_push(&im->s->changes, &im->s->n_changes, xstrdup(line));
}

/* Brings the member a row matched up to the row and into its team. Returns 0
 * (done, or refused and reported) or -1. */
static int update_member(importer *im, const csvio_member_row *row, const member_match *mm,
                         const char *team_uuid, int *row_errors)
{
    member_rec *old = xmalloc(sizeof *old), *m = xmalloc(sizeof *m);
    char changes[4096] = "";
    int rc = 0, n_current = 0;
    membership_rec *current = NULL;
    if (member_get(im->db, mm->uuid, old) != 0) {
        rc = err_set(im->e, _("a member vanished during the import"));
        goto done;
    }
    *m = *old;
    import_apply_row(m, row, &im->cols, im->today);
    import_person *p = people_find(&im->people, mm->uuid);
    int replaced = import_member_diff(old, m, changes, sizeof changes);
    if (p && replaced > 0) {
        report_disagreement(im, old, p, mm->how, changes, row_errors);
        goto done;
    }
    current = membership_list_for_member(im->db, mm->uuid, &n_current);
    if (!p)
        p = first_meeting(im, row, mm->uuid, current, n_current);
    int changed = !import_member_same(old, m);
    if (changed) {
        findings f = {0};
        rc = import_after_save(im, member_save(im->db, m, 1, &f, im->e), &f, CSVIO_F_NAME, row_errors);
        if (rc != 0)
            goto done;
        import_match_note_cccd(im, m->cccd, m->uuid);
    }
    warn_consent_without_date(im, row, m);
    rc = import_place_member(im, row, p, m, current, n_current, team_uuid, changes, sizeof changes,
                             row_errors);
    if (rc == -1 || rc == -2)
        goto done;
    list_changes(im, old, changes);
    if (changed || rc == 1)
        im->s->members_updated++;
    else if (rc == 0)
        im->s->members_unchanged++; /* a move not made counts in moves_not_made only */
    rc = 0;
done:
    free(current);
    free(old);
    free(m);
    return rc == -1 ? -1 : 0;
}

/* Whether a row matched by its name alone is the person an earlier row of the
 * file named: yes when it says the same of them (how an export lists one
 * person in two teams), or when no earlier row named them; when it says
 * something else, it is another person of the same name (said in a warning). */
static int same_person_as_before(importer *im, const csvio_member_row *row, const member_match *mm)
{
    const import_person *p = people_find(&im->people, mm->uuid);
    if (!p || mm->how != MATCH_BY_NAME || p->print == import_row_print(row, &im->cols))
        return 1;
    char v[256];
    import_shown(row->name, v, sizeof v);
    import_problem(im,
                   _("%s:%ld: warning: %s has the name of line %ld, but the rows differ and neither "
                     "a birth date nor a CCCD number shows they are one person: imported as "
                     "another member"),
                   im->path, im->line, v, p->line);
    return 0;
}

/* Imports one parsed row. Returns 0 (done or refused and reported) or -1. */
static int import_row(importer *im, const csvio_member_row *row, int *row_errors)
{
    char team_uuid[UUID_LEN];
    int rc = import_resolve_team(im, row, team_uuid, row_errors);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    member_match mm;
    if (import_match(im, row, &mm) < 0)
        return -1;
    if (mm.n > 1) {
        report_ambiguous(im, row, &mm, row_errors);
        return 0;
    }
    if (mm.n == 1 && !same_person_as_before(im, row, &mm))
        mm.n = 0;
    if (mm.n == 0)
        return add_member(im, row, team_uuid, row_errors);
    return update_member(im, row, &mm, team_uuid, row_errors);
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

/* Reads the rows, then ends the memberships --move leaves behind, inside the
 * transaction the caller began. Returns 0, or -1 with im->e set. */
static int import_in_transaction(importer *im, table_list *rd, long long total,
                                 const csvio_import_opts *o)
{
    int rc = import_match_begin(im);
    if (rc == 0)
        rc = import_all(im, rd, total, o->progress, o->progress_ctx);
    if (rc == 0 && im->s->errors == 0)
        rc = import_finish_moves(im, &im->s->errors);
    return rc;
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

int csvio_import_members_opts(sqlite3 *db, const char *path, const csvio_import_opts *o,
                              csvio_import_summary *s, cdtt_err *e)
{
    static const csvio_import_opts none;
    cdtt_err local;
    if (!e)
        e = &local;
    err_clear(e);
    memset(s, 0, sizeof *s);
    if (!o)
        o = &none;
    importer im = {.db = db, .path = path, .s = s, .e = e, .move = o->move, .o = o};
    date_today(im.today);
    long long total = count_rows(&im);
    if (total < 0)
        return -1;
    table_list *rd = open_list(&im);
    if (!rd)
        return -1;
    describe_source(&im, rd);
    csvio_member_columns_describe(&im.cols, s);
    im.values = csvio_values_new();
    int rc = db_begin(db, e);
    if (rc == 0) {
        rc = import_in_transaction(&im, rd, total, o);
        if (rc < 0 || s->errors > 0 || o->dry_run)
            db_rollback(db);
        else if ((rc = db_commit(db, e)) < 0)
            db_rollback(db);
    }
    import_match_end(&im);
    import_place_end(&im);
    people_free(&im.people);
    table_close(rd);
    csvio_values_report(im.values, path, &im.cols, s);
    csvio_values_free(im.values);
    if (rc < 0)
        return -1;
    return s->errors > 0 ? 1 : 0;
}

int csvio_import_members(sqlite3 *db, const char *path, int dry_run, csvio_progress_fn progress,
                         void *progress_ctx, csvio_import_summary *s, cdtt_err *e)
{
    csvio_import_opts o = {.dry_run = dry_run, .progress = progress, .progress_ctx = progress_ctx};
    return csvio_import_members_opts(db, path, &o, s, e);
}
