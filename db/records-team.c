/* records-team.c — teams: defaults, checks, save, fetch. */
#include "records-internal.h"
#include "db-cache.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void team_init(team_rec *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->level, sizeof r->level, "village");
    snprintf(r->status, sizeof r->status, "active");
}

/* Adds a warning when another live team in the same area has the same name. */
static void check_team_name_free(sqlite3 *db, const team_rec *r, findings *f)
{
    char other[UUID_LEN];
    if (rec_name_taken(db, "team", r->name, r->area_uuid, r->uuid, other)) {
        int before = f->n;
        findings_add(f, VALID_WARN, "name", _("there is already a team named '%s' here"), r->name);
        if (f->n > before)
            snprintf(f->items[f->n - 1].other_uuid, UUID_LEN, "%s", other);
    }
}

/* Adds a warning when the team's level is not the one its area's kind
 * calls for (a "Thôn" team in a "Tổ dân phố"). */
static void check_level_fits_area(sqlite3 *db, const team_rec *r, findings *f)
{
    area_rec a;
    if (area_get(db, r->area_uuid, &a) < 0)
        return;
    const char *want = team_level_for_area_kind(a.kind);
    if (strcmp(want, r->level) != 0)
        findings_add(f, VALID_WARN, "level", _("the level \"%s\" does not match %s, a \"%s\" (expected \"%s\")"),
                     choice_label(CHOICES_TEAM_LEVEL, r->level), a.name, choice_label(CHOICES_AREA_KIND, a.kind),
                     choice_label(CHOICES_TEAM_LEVEL, want));
}

void team_check(sqlite3 *db, const team_rec *r, findings *f)
{
    if (!r->name[0])
        findings_add(f, VALID_ERROR, "name", _("the name is required"));
    else
        check_team_name_free(db, r, f);
    rec_check_choice(CHOICES_TEAM_LEVEL, r->level, 0, "level", f);
    rec_check_choice(CHOICES_TEAM_STATUS, r->status, 0, "status", f);
    rec_check_date(r->decision_date, "decision_date", f);
    if (r->area_uuid[0] && !rec_live(db, "area", r->area_uuid))
        findings_add(f, VALID_ERROR, "area_uuid", _("the chosen village or residential group does not exist"));
    else if (!r->area_uuid[0] && strcmp(r->level, "commune") != 0)
        findings_add(f, VALID_ERROR, "area_uuid",
                     _("a village or residential-group team needs its village or residential group"));
    else if (r->area_uuid[0] && strcmp(r->level, "commune") != 0)
        check_level_fits_area(db, r, f);
    int limit = records_limit_for_level(r->level);
    long long n = limit > 0 && r->uuid[0] ? rec_team_member_count(db, r->uuid) : 0;
    if (limit > 0 && n > limit)
        findings_add(f, VALID_WARN, "", _("the team has %lld members, more than the %d allowed"), n, limit);
}

static void team_bind(sqlite3_stmt *st, const void *rec)
{
    const team_rec *r = rec;
    char *fold = text_fold(r->name), *key = text_sort_key(r->name);
    rec_bind(st, ":level", r->level);
    rec_bind_null_empty(st, ":area_uuid", r->area_uuid);
    rec_bind(st, ":name", r->name);
    rec_bind(st, ":name_fold", fold);
    rec_bind(st, ":sort_key", key);
    rec_bind(st, ":decision_no", r->decision_no);
    rec_bind_null_empty(st, ":decision_date", r->decision_date);
    rec_bind(st, ":decision_issuer", r->decision_issuer);
    rec_bind(st, ":status", r->status);
    rec_bind(st, ":note", r->note);
    free(fold);
    free(key);
}

static const rec_writer TEAM_WRITER = {
    "team",
    "INSERT INTO team (uuid, unit_scheme, unit_code, level, area_uuid, name, name_fold, sort_key, "
    "decision_no, decision_date, decision_issuer, status, note, created_at, updated_at, changed_by) "
    "VALUES (:uuid, :scheme, :code, :level, :area_uuid, :name, :name_fold, :sort_key, :decision_no, "
    ":decision_date, :decision_issuer, :status, :note, :now, :now, :by)",
    "UPDATE team SET level = :level, area_uuid = :area_uuid, name = :name, name_fold = :name_fold, "
    "sort_key = :sort_key, decision_no = :decision_no, decision_date = :decision_date, "
    "decision_issuer = :decision_issuer, status = :status, note = :note, updated_at = :now, "
    "changed_by = :by WHERE uuid = :uuid",
    team_bind,
};

int team_save(sqlite3 *db, team_rec *r, int accept_warnings, findings *f, cdtt_err *e)
{
    findings local;
    if (!f)
        f = &local;
    f->n = 0;
    err_clear(e);
    int names_ok = rec_clean_name(r->name, sizeof r->name, "name", f) == 0;
    rec_clean_line(r->decision_no, sizeof r->decision_no, DECISION_NO_MAX_CHARS, "decision_no", f);
    rec_clean_line(r->decision_issuer, sizeof r->decision_issuer, ISSUER_MAX_CHARS, "decision_issuer", f);
    rec_clean_text(r->note, sizeof r->note, NOTE_MAX_CHARS, "note", f);
    if (names_ok)
        team_check(db, r, f);
    if (rec_verdict(f, accept_warnings, e) < 0)
        return -1;
    return rec_write(db, &TEAM_WRITER, r, r->uuid, r->updated_at, e);
}

void team_from_row(sqlite3_stmt *st, team_rec *r)
{
    memset(r, 0, sizeof *r);
    REC_COL(st, 0, r->uuid);
    REC_COL(st, 1, r->level);
    REC_COL(st, 2, r->area_uuid);
    REC_COL(st, 3, r->name);
    REC_COL(st, 4, r->decision_no);
    REC_COL(st, 5, r->decision_date);
    REC_COL(st, 6, r->decision_issuer);
    REC_COL(st, 7, r->status);
    REC_COL(st, 8, r->note);
    r->deleted = sqlite3_column_int(st, 9);
    REC_COL(st, 10, r->updated_at);
    REC_COL(st, 11, r->sort_key);
    REC_COL(st, 12, r->area_name);
    r->n_members = sqlite3_column_int(st, 13);
}

int team_get(sqlite3 *db, const char *uuid, team_rec *r)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if ((st = db_cached(db, "SELECT " TEAM_COLUMNS " FROM team t WHERE t.uuid = ?", NULL)) != NULL) {
        sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            team_from_row(st, r);
            rc = 0;
        }
    }
    db_cached_done(st);
    return rc;
}
