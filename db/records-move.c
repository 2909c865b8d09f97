/* records-move.c — a member's place in a team as a form edits it: staying
 * (a new role, start or end date), leaving, or moving to another team, written
 * together with the member in one transaction. */
#include "records-internal.h"
#include "db.h"

#include <stdio.h>
#include <string.h>

void member_place_kept(const membership_rec *read, const member_place_edit *p, membership_rec *ms)
{
    *ms = *read;
    snprintf(ms->role, sizeof ms->role, "%s", p->role);
    snprintf(ms->date_from, sizeof ms->date_from, "%s", p->since);
    snprintf(ms->date_to, sizeof ms->date_to, "%s", p->left);
}

/* Whether the edit puts the member in a team other than the one read. */
static int moves(const membership_rec *read, const member_place_edit *p)
{
    return strcmp(p->team_uuid, read->team_uuid) != 0;
}

/* The membership the edit starts in its team (the member's): from the start
 * date typed, or today when it was left as read. */
static void joined_place(const char *member_uuid, const membership_rec *read, const member_place_edit *p,
                         membership_rec *ms)
{
    membership_init(ms);
    snprintf(ms->team_uuid, sizeof ms->team_uuid, "%s", p->team_uuid);
    snprintf(ms->member_uuid, sizeof ms->member_uuid, "%s", member_uuid);
    snprintf(ms->role, sizeof ms->role, "%s", p->role);
    if (p->since[0] && strcmp(p->since, read->date_from) != 0)
        snprintf(ms->date_from, sizeof ms->date_from, "%s", p->since);
    else
        date_today(ms->date_from);
}

void member_place_check(sqlite3 *db, const char *member_uuid, const membership_rec *read,
                        const member_place_edit *p, findings *fs)
{
    membership_rec ms;
    if (!member_uuid[0] || !p->team_uuid[0])
        return;
    if (moves(read, p)) {
        joined_place(member_uuid, read, p, &ms);
        membership_check(db, &ms, rec_team_limit(db, p->team_uuid), fs);
    } else if (read->uuid[0]) {
        member_place_kept(read, p, &ms);
        membership_check(db, &ms, 0, fs);
    }
}

/* membership_save, its findings added after those already in fs (each save
 * starts a list of its own). */
static int save_membership(sqlite3 *db, membership_rec *ms, int accept_warnings, findings *fs, cdtt_err *e)
{
    findings mf = {.n = 0};
    int rc = membership_save(db, ms, accept_warnings, &mf, e);
    findings_append(fs, &mf);
    return rc;
}

int member_place_write(sqlite3 *db, member_rec *m, const membership_rec *read, const member_place_edit *p,
                       int accept_warnings, findings *fs, cdtt_err *e)
{
    membership_rec old = *read, kept, joined;
    int move = moves(read, p);
    member_place_kept(read, p, &kept);
    int changes = !move && old.uuid[0] &&
                  (strcmp(kept.role, old.role) != 0 || strcmp(kept.date_from, old.date_from) != 0 || kept.date_to[0]);
    int rc = member_save(db, m, accept_warnings, fs, e);
    if (rc == 0 && changes)
        rc = save_membership(db, &kept, accept_warnings, fs, e);
    if (rc == 0 && move && old.uuid[0]) {
        if (p->left[0])
            snprintf(old.date_to, sizeof old.date_to, "%s", p->left);
        else
            date_today(old.date_to);
        rc = save_membership(db, &old, accept_warnings, fs, e);
    }
    if (rc == 0 && move && p->team_uuid[0]) {
        joined_place(m->uuid, read, p, &joined);
        rc = save_membership(db, &joined, accept_warnings, fs, e);
    }
    return rc;
}

int member_place_save_since(sqlite3 *db, member_rec *m, const member_place_edit *p, const member_rec *read,
                            const membership_rec *read_place, member_rec *stored, membership_rec *stored_place,
                            rec_changes *c, int accept_warnings, findings *fs, cdtt_err *e)
{
    if (db_begin(db, e) < 0)
        return -1;
    int rc = member_changed_since(db, read, stored, c, e);
    if (rc == 0 || rc == REC_CHANGED) {
        int place = member_place_changed_since(db, read->uuid, read_place, stored_place, c);
        if (place == REC_CHANGED)
            rc = REC_CHANGED;
    }
    if (rc == 0)
        rc = member_place_write(db, m, read_place, p, accept_warnings, fs, e);
    if (rc == 0)
        return db_commit(db, e);
    db_rollback(db);
    return rc;
}
