/* csvio-import-teams.c — the teams a member list gives its members. A member
 * who already has a team and whose row names another has moved only when the
 * list says so (--move): then the memberships the list no longer gives end
 * today and stay in the history; without --move the row is reported and the
 * member's teams are left as they are. */
#include "csvio-import.h"
#include "db-cache.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The names of the teams in l, joined by ", " into out. */
static void team_names(importer *im, const team_list *l, char *out, size_t outlen)
{
    out[0] = '\0';
    team_rec *t = xmalloc(sizeof *t);
    for (int i = 0; i < l->n; i++) {
        size_t len = strlen(out);
        if (team_get(im->db, l->uuid[i], t) == 0)
            snprintf(out + len, outlen - len, "%s%s", len ? ", " : "", t->name);
    }
    free(t);
    if (!out[0])
        snprintf(out, outlen, "—");
}

/* The member's current membership of team_uuid into ms; 1 when there is one. */
static int current_membership(importer *im, const char *member_uuid, const char *team_uuid,
                              membership_rec *ms)
{
    int n = 0, found = 0;
    membership_rec *list = membership_list_for_member(im->db, member_uuid, &n);
    for (int i = 0; i < n && !found; i++)
        if (strcmp(list[i].team_uuid, team_uuid) == 0) {
            *ms = list[i];
            found = 1;
        }
    free(list);
    return found;
}

/* Saves ms with the findings reported on the current line. Returns 0 saved,
 * 1 refused (reported), -1 on failure. */
static int save_membership(importer *im, membership_rec *ms, int *row_errors)
{
    findings f = {0};
    return import_after_save(im, membership_save(im->db, ms, 1, &f, im->e), &f, -1, row_errors);
}

/* Sets the role of a current membership to the row's; a replaced role other
 * than the default is appended to changes. Returns 1 changed, 0 not, -2, -1. */
static int set_role(importer *im, const csvio_member_row *row, membership_rec *ms, char *changes,
                    size_t changes_len, int *row_errors)
{
    if (!row->role[0] || strcmp(ms->role, row->role) == 0)
        return 0;
    char old[sizeof ms->role];
    COPY(old, ms->role);
    COPY(ms->role, row->role);
    int rc = save_membership(im, ms, row_errors);
    if (rc != 0)
        return rc > 0 ? -2 : -1;
    if (strcmp(old, "member") != 0) {
        team_rec *t = xmalloc(sizeof *t);
        if (team_get(im->db, ms->team_uuid, t) != 0)
            t->name[0] = '\0';
        import_append(changes, changes_len, "%s (%s) %s → %s", _("Role in team"), t->name,
                      import_role_label(old), import_role_label(row->role));
        free(t);
    }
    return 1;
}

/* The team's decision date into out ("" when none). */
static void decision_date(importer *im, const char *team_uuid, char out[11])
{
    out[0] = '\0';
    sqlite3_stmt *st = db_cached(im->db, "SELECT coalesce(decision_date, '') FROM team WHERE uuid = ?", NULL);
    if (st) {
        sqlite3_bind_text(st, 1, team_uuid, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            snprintf(out, 11, "%s", (const char *)sqlite3_column_text(st, 0));
    }
    db_cached_done(st);
}

int import_start_date(importer *im, const csvio_member_row *row, const member_rec *m, const char *team_uuid,
                      char out[11])
{
    if (HAS(row, CSVIO_F_SINCE)) {
        snprintf(out, 11, "%s", row->since);
        return START_GIVEN;
    }
    decision_date(im, team_uuid, out);
    if (out[0])
        return START_DECISION;
    const char *proof[] = {m->mooc_date, m->zalo_date};
    for (size_t i = 0; i < sizeof proof / sizeof proof[0]; i++)
        if (proof[i][0] && (!out[0] || strcmp(proof[i], out) < 0))
            snprintf(out, 11, "%s", proof[i]);
    if (out[0] && strcmp(out, im->today) < 0)
        return START_PROVED;
    snprintf(out, 11, "%s", im->today);
    return START_TODAY;
}

int import_note_start(importer *im, const char *ms_uuid, int rule)
{
    if (rule == START_GIVEN)
        return 0;
    im->s->starts_assumed++;
    long long *by[] = {NULL, &im->s->starts_decision, &im->s->starts_proved, &im->s->starts_today};
    (*by[rule])++;
    return membership_note_assumed(im->db, ms_uuid, im->e);
}

/* Sets the start date of a current membership to the row's "Ngày vào tổ" when
 * it gives another; the replaced date is appended to changes. Returns 1
 * changed, 0 not, -2 refused (reported), -1 on failure. */
static int set_since(importer *im, const csvio_member_row *row, membership_rec *ms, char *changes,
                     size_t changes_len, int *row_errors)
{
    if (!HAS(row, CSVIO_F_SINCE) || strcmp(ms->date_from, row->since) == 0)
        return 0;
    char old[sizeof ms->date_from], shown_old[11], shown_new[11];
    COPY(old, ms->date_from);
    COPY(ms->date_from, row->since);
    int rc = save_membership(im, ms, row_errors);
    if (rc != 0)
        return rc > 0 ? -2 : -1;
    if (old[0]) {
        team_rec *t = xmalloc(sizeof *t);
        if (team_get(im->db, ms->team_uuid, t) != 0)
            t->name[0] = '\0';
        date_to_display(old, shown_old);
        date_to_display(row->since, shown_new);
        import_append(changes, changes_len, "%s (%s) %s → %s", _("In the team since"), t->name, shown_old,
                      shown_new);
        free(t);
    }
    return 1;
}

/* Reports a row that names a team the member is not in, without --move. */
static void report_not_moved(importer *im, const import_person *p, const char *team_uuid)
{
    member_rec *m = xmalloc(sizeof *m);
    team_rec *t = xmalloc(sizeof *t);
    char teams[1024];
    if (member_get(im->db, p->uuid, m) != 0)
        m->full_name[0] = '\0';
    if (team_get(im->db, team_uuid, t) != 0)
        t->name[0] = '\0';
    team_names(im, &p->before, teams, sizeof teams);
    import_problem(im,
                   _("%s:%ld: warning: %s is in %s, not in %s: their teams are left as they are "
                     "(import with --move to make them those of the list)"),
                   im->path, im->line, m->full_name, teams, t->name);
    im->s->moves_not_made++;
    free(m);
    free(t);
}

int import_place_member(importer *im, const csvio_member_row *row, import_person *p, const member_rec *m,
                        const membership_rec *current, int n_current, const char *team_uuid,
                        char *changes, size_t changes_len, int *row_errors)
{
    membership_rec ms;
    for (int i = 0; i < n_current; i++)
        if (strcmp(current[i].team_uuid, team_uuid) == 0) {
            ms = current[i];
            team_list_add(&p->listed, team_uuid);
            int role = set_role(im, row, &ms, changes, changes_len, row_errors);
            if (role < 0)
                return role;
            int since = set_since(im, row, &ms, changes, changes_len, row_errors);
            return since < 0 ? since : (role || since);
        }
    if (p->existed && p->before.n > 0 && !team_list_has(&p->before, team_uuid) && !im->move) {
        report_not_moved(im, p, team_uuid);
        return 2;
    }
    membership_init(&ms);
    COPY(ms.team_uuid, team_uuid);
    COPY(ms.member_uuid, p->uuid);
    COPY(ms.role, row->role[0] ? row->role : "member");
    int rule = import_start_date(im, row, m, team_uuid, ms.date_from);
    int rc = save_membership(im, &ms, row_errors);
    if (rc != 0)
        return rc > 0 ? -2 : -1;
    if (import_note_start(im, ms.uuid, rule) < 0)
        return -1;
    im->s->memberships_new++;
    team_list_add(&p->listed, team_uuid);
    return 1;
}

/* Ends p's memberships of the teams in before that the list does not give:
 * date_to today. Returns how many ended (their teams added to ended), or -1. */
static int end_memberships(importer *im, const import_person *p, team_list *ended, long long *errors)
{
    for (int i = 0; i < p->before.n; i++) {
        membership_rec ms;
        if (team_list_has(&p->listed, p->before.uuid[i]) ||
            !current_membership(im, p->uuid, p->before.uuid[i], &ms))
            continue;
        COPY(ms.date_to, im->today);
        int row_errors = 0;
        int rc = save_membership(im, &ms, &row_errors);
        if (rc < 0)
            return -1;
        *errors += row_errors;
        if (rc == 0)
            team_list_add(ended, p->before.uuid[i]);
    }
    return ended->n;
}

/* Lists p's move: the teams left → the teams joined. */
static void list_move(importer *im, const import_person *p, const team_list *ended)
{
    team_list joined = {0};
    for (int i = 0; i < p->listed.n; i++)
        if (!team_list_has(&p->before, p->listed.uuid[i]))
            team_list_add(&joined, p->listed.uuid[i]);
    char left[1024], went[1024], line[2600];
    team_names(im, ended, left, sizeof left);
    team_names(im, &joined, went, sizeof went);
    member_rec *m = xmalloc(sizeof *m);
    if (member_get(im->db, p->uuid, m) != 0)
        m->full_name[0] = '\0';
    snprintf(line, sizeof line, "%s:%ld: %s: %s %s → %s", im->path, p->line, m->full_name, _("Team"),
             left, went);
    csvio_list_push(&im->s->changes, &im->s->n_changes, xstrdup(line));
    free(m);
    free(joined.uuid);
}

int import_finish_moves(importer *im, long long *errors)
{
    if (!im->move)
        return 0;
    for (int i = 0; i < im->people.n; i++) {
        const import_person *p = im->people.items[i];
        if (!p->existed || p->listed.n == 0)
            continue;
        im->line = p->line;
        team_list ended = {0};
        int n = end_memberships(im, p, &ended, errors);
        if (n > 0) {
            list_move(im, p, &ended);
            im->s->members_moved++;
        }
        free(ended.uuid);
        if (n < 0)
            return -1;
    }
    return 0;
}
