/* records-since.c — "changed since read": before a record read earlier (by a
 * form, or a command) is written back, the stored record is read again inside
 * the write transaction and compared with that copy, value by value, so that
 * nothing saved meanwhile is overwritten without a word (records.h). */
#include "records-internal.h"
#include "db.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One stored value of a record kind: its column and where the struct keeps it
 * (size 0: an int flag; otherwise a text buffer of that size). */
typedef struct {
    const char *column;
    size_t offset;
    size_t size;
} rec_value;

#define TXT(type, col) {#col, offsetof(type, col), sizeof(((type *)0)->col)}
#define FLAG(type, col) {#col, offsetof(type, col), 0}

/* Every value a save writes, per kind (uuid, stamps, sort keys and counts are
 * not values of the record's own). */
static const rec_value AREA_VALUES[] = {
    TXT(area_rec, kind), TXT(area_rec, name), TXT(area_rec, note), {NULL, 0, 0},
};
static const rec_value TEAM_VALUES[] = {
    TXT(team_rec, level),          TXT(team_rec, area_uuid),       TXT(team_rec, name),
    TXT(team_rec, decision_no),    TXT(team_rec, decision_date),   TXT(team_rec, decision_issuer),
    TXT(team_rec, status),         TXT(team_rec, note),            {NULL, 0, 0},
};
static const rec_value MEMBER_VALUES[] = {
    TXT(member_rec, full_name),    TXT(member_rec, gender),       TXT(member_rec, birth),
    TXT(member_rec, phone),        TXT(member_rec, cccd),         TXT(member_rec, email),
    TXT(member_rec, category),     FLAG(member_rec, youth_union), FLAG(member_rec, consent),
    TXT(member_rec, consent_date), TXT(member_rec, mooc_status),  TXT(member_rec, mooc_date),
    TXT(member_rec, zalo_date),    TXT(member_rec, note),         {NULL, 0, 0},
};

/* The record buffers hold the longest value the checks accept. */
_Static_assert(sizeof(((member_rec *)0)->note) >= UTF8_BUF(NOTE_MAX_CHARS), "member note buffer");
_Static_assert(sizeof(((member_rec *)0)->full_name) >= UTF8_BUF(NAME_MAX_CHARS), "member name buffer");
_Static_assert(sizeof(((member_rec *)0)->email) > EMAIL_MAX_BYTES, "member e-mail buffer");
_Static_assert(sizeof(((team_rec *)0)->decision_issuer) >= UTF8_BUF(ISSUER_MAX_CHARS), "issuer buffer");

/* Appends column to c (ignored when c is full). */
static void changes_add(rec_changes *c, const char *column)
{
    if (c->n < (int)(sizeof c->columns / sizeof c->columns[0]))
        c->columns[c->n++] = column;
}

/* Adds to c every value of the table v that differs between records a and b. */
static void compare_values(const rec_value *v, const void *a, const void *b, rec_changes *c)
{
    for (; v->column; v++) {
        const char *pa = (const char *)a + v->offset, *pb = (const char *)b + v->offset;
        int differs = v->size ? strcmp(pa, pb) != 0 : (*(const int *)pa != 0) != (*(const int *)pb != 0);
        if (differs)
            changes_add(c, v->column);
    }
}

/* The verdict once the stored record is read (found 0) or not (-1): deleted or
 * restored since, or values that differ. Returns 0, REC_CHANGED or -1 (e set). */
static int verdict(int found, const rec_value *v, const void *read, const void *stored, int read_deleted,
                   int stored_deleted, rec_changes *c, cdtt_err *e)
{
    if (found < 0)
        return err_set(e, "%s", _("the record no longer exists; nothing was saved"));
    if (read_deleted != stored_deleted)
        return err_set(e, "%s",
                       stored_deleted
                           ? _("the record was deleted after it was opened; nothing was saved (the list's "
                               "deleted records, F7, can restore it)")
                           : _("the record was restored after it was opened; nothing was saved: open it again"));
    compare_values(v, read, stored, c);
    return c->n ? REC_CHANGED : 0;
}

int area_changed_since(sqlite3 *db, const area_rec *read, area_rec *stored, rec_changes *c, cdtt_err *e)
{
    memset(c, 0, sizeof *c);
    if (!read->uuid[0])
        return 0;
    int found = area_get(db, read->uuid, stored);
    return verdict(found, AREA_VALUES, read, stored, read->deleted, stored->deleted, c, e);
}

int team_changed_since(sqlite3 *db, const team_rec *read, team_rec *stored, rec_changes *c, cdtt_err *e)
{
    memset(c, 0, sizeof *c);
    if (!read->uuid[0])
        return 0;
    int found = team_get(db, read->uuid, stored);
    return verdict(found, TEAM_VALUES, read, stored, read->deleted, stored->deleted, c, e);
}

int member_changed_since(sqlite3 *db, const member_rec *read, member_rec *stored, rec_changes *c,
                         cdtt_err *e)
{
    memset(c, 0, sizeof *c);
    if (!read->uuid[0])
        return 0;
    int found = member_get(db, read->uuid, stored);
    return verdict(found, MEMBER_VALUES, read, stored, read->deleted, stored->deleted, c, e);
}

/* Ends a save-since: keeps the write when rc is 0, undoes it otherwise.
 * Returns rc, or -1 when the commit itself failed (e set). */
static int since_end(sqlite3 *db, rec_tx *tx, int rc, cdtt_err *e)
{
    int end = rec_tx_end(db, tx, rc == 0, e);
    return rc == 0 ? end : rc;
}

int area_save_since(sqlite3 *db, area_rec *r, const area_rec *read, area_rec *stored, rec_changes *c,
                    int accept_warnings, findings *f, cdtt_err *e)
{
    rec_tx tx;
    if (rec_tx_begin(db, &tx, e) < 0)
        return -1;
    int rc = area_changed_since(db, read, stored, c, e);
    if (rc == 0)
        rc = area_save(db, r, accept_warnings, f, e);
    return since_end(db, &tx, rc, e);
}

int team_save_since(sqlite3 *db, team_rec *r, const team_rec *read, team_rec *stored, rec_changes *c,
                    int accept_warnings, findings *f, cdtt_err *e)
{
    rec_tx tx;
    if (rec_tx_begin(db, &tx, e) < 0)
        return -1;
    int rc = team_changed_since(db, read, stored, c, e);
    if (rc == 0)
        rc = team_save(db, r, accept_warnings, f, e);
    return since_end(db, &tx, rc, e);
}

int member_save_since(sqlite3 *db, member_rec *r, const member_rec *read, member_rec *stored,
                      rec_changes *c, int accept_warnings, findings *f, cdtt_err *e)
{
    rec_tx tx;
    if (rec_tx_begin(db, &tx, e) < 0)
        return -1;
    int rc = member_changed_since(db, read, stored, c, e);
    if (rc == 0)
        rc = member_save(db, r, accept_warnings, f, e);
    return since_end(db, &tx, rc, e);
}

void member_place_get(sqlite3 *db, const char *member_uuid, membership_rec *ms)
{
    membership_init(ms);
    int n = 0;
    membership_rec *all = member_uuid && member_uuid[0] ? membership_list_for_member(db, member_uuid, &n) : NULL;
    if (n > 0)
        *ms = all[0];
    free(all);
}

int member_place_changed_since(sqlite3 *db, const char *member_uuid, const membership_rec *read,
                               membership_rec *now, rec_changes *c)
{
    member_place_get(db, member_uuid, now);
    int before = c->n;
    if (strcmp(read->uuid, now->uuid) != 0 || strcmp(read->team_uuid, now->team_uuid) != 0)
        changes_add(c, "team_uuid");
    if (strcmp(read->role, now->role) != 0)
        changes_add(c, "role");
    if (strcmp(read->date_from, now->date_from) != 0)
        changes_add(c, "date_from");
    return c->n > before ? REC_CHANGED : 0;
}
