/* records-area.c — villages and residential groups: defaults, checks, save,
 * fetch. */
#include "records-internal.h"
#include "record-sql.h"
#include "db-cache.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void area_init(area_rec *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->kind, sizeof r->kind, "thon");
}

const char *area_kind_for_commune(const char *commune_name)
{
    const char *n = commune_name ? commune_name : "";
    return strncmp(n, "Phường", strlen("Phường")) == 0 || strncmp(n, "Thị trấn", strlen("Thị trấn")) == 0
               ? "to_dan_pho"
               : "thon";
}

const char *team_level_for_area_kind(const char *kind)
{
    return strcmp(kind, "to_dan_pho") == 0 || strcmp(kind, "khu_pho") == 0 ? "group" : "village";
}

void area_check(sqlite3 *db, const area_rec *r, findings *f)
{
    if (!r->name[0])
        findings_add(f, VALID_ERROR, "name", _("the name is required"));
    else if (rec_name_taken(db, "area", r->name, NULL, r->uuid, NULL))
        findings_add(f, VALID_ERROR, "name", _("there is already an area named '%s'"), r->name);
    rec_check_choice(CHOICES_AREA_KIND, r->kind, 0, "kind", f);
}

/* Binds the area's fields (record_sql_bind) and the folded name and sort key computed from its name. */
static void area_bind(sqlite3_stmt *st, const void *rec)
{
    const area_rec *r = rec;
    char *fold = text_fold(r->name), *key = text_sort_key(r->name);
    record_sql_bind(record_kind_of("area"), st, r);
    rec_bind(st, ":name_fold", fold);
    rec_bind(st, ":sort_key", key);
    free(fold);
    free(key);
}

/* The area's SQL, made once from the catalogue. */
static rec_kind_sql area_sql = {.table = "area", .alias = "a", .extra = NULL, .bind = area_bind};

const char *area_columns(void)
{
    return rec_kind_made(&area_sql)->sql.columns;
}

int area_save(sqlite3 *db, area_rec *r, int accept_warnings, findings *f, cdtt_err *e)
{
    findings local;
    if (!f)
        f = &local;
    f->n = 0;
    err_clear(e);
    if (rec_clean_name(r->name, sizeof r->name, "name", f) == 0)
        area_check(db, r, f);
    rec_clean_text(r->note, sizeof r->note, NOTE_MAX_CHARS, "note", f);
    if (rec_verdict(f, accept_warnings, e) < 0)
        return -1;
    return rec_write(db, &rec_kind_made(&area_sql)->writer, r, r->uuid, r->updated_at, e);
}

void area_from_row(sqlite3_stmt *st, area_rec *r)
{
    memset(r, 0, sizeof *r);
    record_sql_read(record_kind_of("area"), st, 0, r);
}

int area_get(sqlite3 *db, const char *uuid, area_rec *r)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if ((st = db_cached(db, rec_kind_made(&area_sql)->sql.get, NULL)) != NULL) {
        sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            area_from_row(st, r);
            rc = 0;
        }
    }
    db_cached_done(st);
    return rc;
}
