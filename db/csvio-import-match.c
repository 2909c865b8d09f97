/* csvio-import-match.c — who a row of a member list is. A CCCD number is a
 * person; otherwise exactly the same name (text_same_name: Ba, Bá and Bà are
 * three people) with the same birth date. Where a birth date is missing, only
 * a single namesake can be the row; several are reported, never guessed. A
 * phone number is shared in families and identifies no one. */
#include "csvio-import.h"
#include "db.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How a namesake's birth date stands to the row's. */
enum { BIRTH_OTHER, BIRTH_UNKNOWN, BIRTH_SAME };

/* BIRTH_SAME when a and b are the same (both unknown counts), BIRTH_UNKNOWN
 * when one is unknown or is only the year of the other, BIRTH_OTHER when they
 * differ. */
static int birth_relation(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return BIRTH_SAME;
    if (!a[0] || !b[0])
        return BIRTH_UNKNOWN;
    size_t la = strlen(a), lb = strlen(b);
    if ((la == 4 && strncmp(a, b, 4) == 0) || (lb == 4 && strncmp(a, b, 4) == 0))
        return BIRTH_UNKNOWN;
    return BIRTH_OTHER;
}

int import_match_begin(importer *im)
{
    im->namesakes = db_prepare(im->db,
                               "SELECT uuid, full_name, coalesce(birth, ''), coalesce(cccd, ''),"
                               " coalesce(phone, '')"
                               " FROM member WHERE deleted = 0 AND name_fold = ?1 ORDER BY rowid",
                               im->e);
    if (!im->namesakes)
        return -1;
    if (im->cols.col[CSVIO_F_CCCD] < 0)
        return 0;
    /* No index on cccd: read them once, so that each row costs no table scan. */
    im->cccd = strmap_new();
    sqlite3_stmt *st = db_prepare(im->db,
                                  "SELECT cccd, uuid FROM member WHERE deleted = 0"
                                  " AND coalesce(cccd, '') <> ''",
                                  im->e);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        import_match_note_cccd(im, (const char *)sqlite3_column_text(st, 0),
                               (const char *)sqlite3_column_text(st, 1));
    if (rc != SQLITE_DONE)
        db_fail(im->db, im->e, _("reading the members"));
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

void import_match_end(importer *im)
{
    sqlite3_finalize(im->namesakes);
    im->namesakes = NULL;
    strmap_free(im->cccd);
    im->cccd = NULL;
    free(im->cccd_uuid.uuid);
    memset(&im->cccd_uuid, 0, sizeof im->cccd_uuid);
}

void import_match_note_cccd(importer *im, const char *cccd, const char *uuid)
{
    if (!im->cccd || !cccd || !cccd[0])
        return;
    int i;
    if (!strmap_get(im->cccd, cccd, &i)) {
        im->cccd_uuid.uuid = xrealloc(im->cccd_uuid.uuid, (size_t)(im->cccd_uuid.n + 1) * UUID_LEN);
        snprintf(im->cccd_uuid.uuid[im->cccd_uuid.n], UUID_LEN, "%s", uuid);
        strmap_put(im->cccd, cccd, im->cccd_uuid.n++);
    } else if (i >= 0 && strcmp(im->cccd_uuid.uuid[i], uuid) != 0) {
        strmap_put(im->cccd, cccd, -1);
    }
}

const char *import_match_how(int how)
{
    switch (how) {
    case MATCH_BY_CCCD:
        return _("the same CCCD number");
    case MATCH_BY_NAME_BIRTH:
        return _("the same name and birth date");
    default:
        return _("the same name");
    }
}

/* Adds "NAME (BIRTH; TEAMS)" of member uuid to m->shown. */
static void show_member(importer *im, const char *uuid, member_match *m)
{
    member_rec *r = xmalloc(sizeof *r);
    if (member_get(im->db, uuid, r) == 0) {
        char birth[11] = "";
        if (r->birth[0])
            date_to_display(r->birth, birth);
        char one[1200];
        snprintf(one, sizeof one, "%s (%s; %s)", r->full_name, birth[0] ? birth : _("no birth date"),
                 r->team_names[0] ? r->team_names : _("no team"));
        import_append(m->shown, sizeof m->shown, "%s", one);
    }
    free(r);
}

/* The live members holding cccd: 0, 1 (its uuid in m) or more (shown). */
static int match_cccd(importer *im, const char *cccd, member_match *m)
{
    int i;
    if (!im->cccd || !strmap_get(im->cccd, cccd, &i))
        return 0;
    if (i >= 0) {
        /* The holder may have been given another number by an earlier row. */
        member_rec *r = xmalloc(sizeof *r);
        int same = member_get(im->db, im->cccd_uuid.uuid[i], r) == 0 && !r->deleted &&
                   strcmp(r->cccd, cccd) == 0;
        free(r);
        if (same)
            snprintf(m->uuid, UUID_LEN, "%s", im->cccd_uuid.uuid[i]);
        return same;
    }
    /* Several members have this number: a rare mistake, read them. */
    sqlite3_stmt *st = db_prepare(im->db, "SELECT uuid FROM member WHERE deleted = 0 AND cccd = ?1"
                                          " ORDER BY rowid", im->e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, cccd, -1, SQLITE_STATIC);
    int n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *uuid = (const char *)sqlite3_column_text(st, 0);
        if (n++ == 0)
            snprintf(m->uuid, UUID_LEN, "%s", uuid);
        show_member(im, uuid, m);
    }
    sqlite3_finalize(st);
    return n;
}

/* One namesake that may be the row. */
typedef struct {
    char uuid[UUID_LEN];
    int birth;    /* BIRTH_SAME or BIRTH_UNKNOWN */
    int phone;    /* 1 when the row gives this member's phone number */
} candidate;

/* The members with exactly the row's name who may be the row: not with another
 * birth date, not with another CCCD number. Returns how many (*out malloc'd). */
static int namesakes(importer *im, const csvio_member_row *row, candidate **out)
{
    char *fold = text_fold(row->name), *key = text_name_key(row->name);
    sqlite3_stmt *st = im->namesakes;
    sqlite3_bind_text(st, 1, fold, -1, SQLITE_TRANSIENT);
    int n = 0;
    *out = NULL;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *cccd = (const char *)sqlite3_column_text(st, 3);
        if (row->cccd[0] && cccd[0] && strcmp(cccd, row->cccd) != 0)
            continue;
        int birth = birth_relation(row->birth, (const char *)sqlite3_column_text(st, 2));
        if (birth == BIRTH_OTHER)
            continue;
        char *k = text_name_key((const char *)sqlite3_column_text(st, 1));
        int same = strcmp(k, key) == 0;
        free(k);
        if (!same)
            continue;
        *out = xrealloc(*out, (size_t)(n + 1) * sizeof **out);
        snprintf((*out)[n].uuid, UUID_LEN, "%s", (const char *)sqlite3_column_text(st, 0));
        (*out)[n].birth = birth;
        (*out)[n++].phone =
            row->phone[0] && strcmp(row->phone, (const char *)sqlite3_column_text(st, 4)) == 0;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    free(fold);
    free(key);
    return n;
}

/* Keeps in c[0..n) those with the best birth relation; returns how many and
 * sets *tier to that relation. */
static int best_birth(candidate *c, int n, int *tier)
{
    *tier = BIRTH_UNKNOWN;
    for (int i = 0; i < n; i++)
        if (c[i].birth == BIRTH_SAME)
            *tier = BIRTH_SAME;
    int k = 0;
    for (int i = 0; i < n; i++)
        if (c[i].birth == *tier)
            c[k++] = c[i];
    return k;
}

/* The one of c[0..n) that has the row's phone number, or -1 (none or several). */
static int only_with_phone(const candidate *c, int n)
{
    int found = -1;
    for (int i = 0; i < n; i++)
        if (c[i].phone) {
            if (found >= 0)
                return -1;
            found = i;
        }
    return found;
}

/* Decides among the namesakes: those with the same birth date (both unknown
 * counts) when there are any, else those whose birth date is unknown on one
 * side. Several are shown, unless only one of them has the row's phone number:
 * a phone tells namesakes apart, it never joins two people. */
static void match_name(importer *im, const csvio_member_row *row, member_match *m)
{
    candidate *c;
    int tier, n = namesakes(im, row, &c);
    n = best_birth(c, n, &tier);
    m->how = tier == BIRTH_SAME && row->birth[0] ? MATCH_BY_NAME_BIRTH : MATCH_BY_NAME;
    int one = n > 1 ? only_with_phone(c, n) : n == 1 ? 0 : -1;
    if (one >= 0) {
        m->n = 1;
        snprintf(m->uuid, UUID_LEN, "%s", c[one].uuid);
    } else {
        m->n = n;
        for (int i = 0; i < n; i++)
            show_member(im, c[i].uuid, m);
    }
    free(c);
}

int import_match(importer *im, const csvio_member_row *row, member_match *m)
{
    memset(m, 0, sizeof *m);
    if (row->cccd[0]) {
        int n = match_cccd(im, row->cccd, m);
        if (n < 0)
            return -1;
        if (n > 0) {
            m->n = n;
            m->how = MATCH_BY_CCCD;
            return 0;
        }
    }
    match_name(im, row, m);
    return 0;
}
