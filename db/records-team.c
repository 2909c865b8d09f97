/* records-team.c — teams: defaults, checks, save, fetch. */
#include "records-internal.h"
#include "record-sql.h"
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

/* Binds the team's fields (record_sql_bind) and the folded name and sort key computed from its name. */
static void team_bind(sqlite3_stmt *st, const void *rec)
{
    const team_rec *r = rec;
    char *fold = text_fold(r->name), *key = text_sort_key(r->name);
    record_sql_bind(record_kind_of("team"), st, r);
    rec_bind(st, ":name_fold", fold);
    rec_bind(st, ":sort_key", key);
    free(fold);
    free(key);
}

/* The team's area and number of current members: the two columns after the catalogue's. */
#define TEAM_MORE_COLUMNS                                                                 \
    "(SELECT name FROM area WHERE uuid = t.area_uuid), "                                  \
    "(SELECT count(*) FROM membership ms JOIN member mm ON mm.uuid = ms.member_uuid "     \
    " WHERE ms.team_uuid = t.uuid AND ms.deleted = 0 AND ms.date_to IS NULL "             \
    " AND mm.deleted = 0)"

/* The team's SQL, made once from the catalogue. */
static rec_kind_sql team_sql = {.table = "team", .alias = "t",
                               .extra = TEAM_MORE_COLUMNS, .bind = team_bind};

const char *team_columns(void)
{
    return rec_kind_made(&team_sql)->sql.columns;
}

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
    return rec_write(db, &rec_kind_made(&team_sql)->writer, r, r->uuid, r->updated_at, e);
}

void team_from_row(sqlite3_stmt *st, team_rec *r)
{
    memset(r, 0, sizeof *r);
    int col = record_sql_read(record_kind_of("team"), st, 0, r);
    REC_COL(st, col, r->area_name);
    r->n_members = sqlite3_column_int(st, col + 1);
}

int team_get(sqlite3 *db, const char *uuid, team_rec *r)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if ((st = db_cached(db, rec_kind_made(&team_sql)->sql.get, NULL)) != NULL) {
        sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            team_from_row(st, r);
            rc = 0;
        }
    }
    db_cached_done(st);
    return rc;
}
