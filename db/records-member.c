/* records-member.c — members: defaults, checks (duplicate suspects), save, fetch. */
#include "records-internal.h"
#include "db-cache.h"
#include "db.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void member_init(member_rec *r)
{
    memset(r, 0, sizeof *r);
    snprintf(r->category, sizeof r->category, "other");
    snprintf(r->mooc_status, sizeof r->mooc_status, "not_started");
}

/* Runs a duplicate query (params :uuid, :fold, :birth, :phone); when it finds
 * another member, adds a warning built from fmt (one %s: the other's name). */
static void warn_duplicate(sqlite3 *db, const char *sql, const member_rec *r, const char *fold,
                           const char *field, const char *fmt, findings *f)
{
    sqlite3_stmt *st = NULL;
    if ((st = db_cached(db, sql, NULL)) == NULL)
        return;
    rec_bind(st, ":uuid", r->uuid);
    rec_bind(st, ":fold", fold);
    rec_bind_null_empty(st, ":birth", r->birth);
    rec_bind(st, ":phone", r->phone);
    if (sqlite3_step(st) == SQLITE_ROW) {
        int before = f->n;
        findings_add(f, VALID_WARN, field, fmt, (const char *)sqlite3_column_text(st, 1));
        if (f->n > before)
            rec_col(st, 0, f->items[f->n - 1].other_uuid, UUID_LEN);
    }
    db_cached_done(st);
}

void member_check(sqlite3 *db, const member_rec *r, findings *f)
{
    if (!r->full_name[0])
        findings_add(f, VALID_ERROR, "full_name", _("the full name is required"));
    rec_check_choice(CHOICES_GENDER, r->gender, 1, "gender", f);
    rec_check_choice(CHOICES_CATEGORY, r->category, 0, "category", f);
    rec_check_choice(CHOICES_MOOC_STATUS, r->mooc_status, 0, "mooc_status", f);
    rec_check_date(r->consent_date, "consent_date", f);
    rec_check_date(r->mooc_date, "mooc_date", f);
    rec_check_date(r->zalo_date, "zalo_date", f);
    char *fold = text_fold(r->full_name);
    if (fold[0])
        warn_duplicate(db,
                       "SELECT uuid, full_name FROM member WHERE name_fold = :fold AND uuid != :uuid "
                       "AND deleted = 0 AND (:birth IS NULL OR birth = :birth) ORDER BY rowid LIMIT 1",
                       r, fold, "full_name",
                       r->birth[0] ? _("possibly the same person as %s (same name and birth date)")
                                   : _("possibly the same person as %s (same name)"),
                       f);
    if (r->phone[0])
        warn_duplicate(db,
                       "SELECT uuid, full_name FROM member WHERE phone = :phone AND uuid != :uuid "
                       "AND deleted = 0 ORDER BY rowid LIMIT 1",
                       r, fold, "phone", _("the same phone number is recorded for %s"), f);
    free(fold);
}

/* Keeps a validator's output in buf, or adds its error to f. */
static void take(valid_status s, const valid_result *vr, const char *out, char *buf, size_t n,
                 const char *field, findings *f)
{
    if (s == VALID_ERROR)
        findings_add(f, VALID_ERROR, field, "%s", vr->msg);
    else
        snprintf(buf, n, "%s", out);
}

/* Brings every field of r to its stored form; errors go to f. */
static void member_normalise(member_rec *r, findings *f)
{
    valid_result vr;
    char out[256];
    rec_clean_name(r->full_name, sizeof r->full_name, "full_name", f);
    take(validate_birth(r->birth, NULL, out, &vr), &vr, out, r->birth, sizeof r->birth, "birth", f);
    take(validate_phone(r->phone, out, &vr), &vr, out, r->phone, sizeof r->phone, "phone", f);
    take(validate_cccd(r->cccd, r->birth, r->gender, out, &vr), &vr, out, r->cccd, sizeof r->cccd,
         "cccd", f);
    take(validate_email(r->email, out, &vr), &vr, out, r->email, sizeof r->email, "email", f);
    take(validate_date(r->consent_date, out, &vr), &vr, out, r->consent_date, sizeof r->consent_date,
         "consent_date", f);
    take(validate_date(r->mooc_date, out, &vr), &vr, out, r->mooc_date, sizeof r->mooc_date,
         "mooc_date", f);
    take(validate_date(r->zalo_date, out, &vr), &vr, out, r->zalo_date, sizeof r->zalo_date,
         "zalo_date", f);
    rec_clean_text(r->note, sizeof r->note, NOTE_MAX_CHARS, "note", f);
    r->youth_union = r->youth_union != 0;
    r->consent = r->consent != 0;
}

static void member_bind(sqlite3_stmt *st, const void *rec)
{
    const member_rec *r = rec;
    char *fold = text_fold(r->full_name), *key = text_name_sort_key(r->full_name);
    rec_bind(st, ":full_name", r->full_name);
    rec_bind(st, ":name_fold", fold);
    rec_bind(st, ":sort_key", key);
    rec_bind_null_empty(st, ":gender", r->gender);
    rec_bind_null_empty(st, ":birth", r->birth);
    rec_bind_null_empty(st, ":phone", r->phone);
    rec_bind_null_empty(st, ":cccd", r->cccd);
    rec_bind_null_empty(st, ":email", r->email);
    rec_bind(st, ":category", r->category);
    rec_bind_int(st, ":youth_union", r->youth_union);
    rec_bind_int(st, ":consent", r->consent);
    rec_bind_null_empty(st, ":consent_date", r->consent_date);
    rec_bind(st, ":mooc_status", r->mooc_status);
    rec_bind_null_empty(st, ":mooc_date", r->mooc_date);
    rec_bind_null_empty(st, ":zalo_date", r->zalo_date);
    rec_bind(st, ":note", r->note);
    free(fold);
    free(key);
}

static const rec_writer MEMBER_WRITER = {
    "member",
    "INSERT INTO member (uuid, unit_scheme, unit_code, full_name, name_fold, sort_key, gender, birth, "
    "phone, cccd, email, category, youth_union, consent, consent_date, mooc_status, mooc_date, "
    "zalo_date, note, created_at, updated_at, changed_by) VALUES (:uuid, :scheme, :code, :full_name, "
    ":name_fold, :sort_key, :gender, :birth, :phone, :cccd, :email, :category, :youth_union, "
    ":consent, :consent_date, :mooc_status, :mooc_date, :zalo_date, :note, :now, :now, :by)",
    "UPDATE member SET full_name = :full_name, name_fold = :name_fold, sort_key = :sort_key, "
    "gender = :gender, birth = :birth, phone = :phone, cccd = :cccd, email = :email, "
    "category = :category, youth_union = :youth_union, consent = :consent, "
    "consent_date = :consent_date, mooc_status = :mooc_status, mooc_date = :mooc_date, "
    "zalo_date = :zalo_date, note = :note, updated_at = :now, changed_by = :by WHERE uuid = :uuid",
    member_bind,
};

int member_save(sqlite3 *db, member_rec *r, int accept_warnings, findings *f, cdtt_err *e)
{
    findings local;
    if (!f)
        f = &local;
    f->n = 0;
    err_clear(e);
    member_normalise(r, f);
    member_check(db, r, f);
    if (rec_verdict(f, accept_warnings, e) < 0)
        return -1;
    return rec_write(db, &MEMBER_WRITER, r, r->uuid, r->updated_at, e);
}

void member_from_row(sqlite3_stmt *st, member_rec *r)
{
    memset(r, 0, sizeof *r);
    REC_COL(st, 0, r->uuid);
    REC_COL(st, 1, r->full_name);
    REC_COL(st, 2, r->gender);
    REC_COL(st, 3, r->birth);
    REC_COL(st, 4, r->phone);
    REC_COL(st, 5, r->cccd);
    REC_COL(st, 6, r->email);
    REC_COL(st, 7, r->category);
    r->youth_union = sqlite3_column_int(st, 8);
    r->consent = sqlite3_column_int(st, 9);
    REC_COL(st, 10, r->consent_date);
    REC_COL(st, 11, r->mooc_status);
    REC_COL(st, 12, r->mooc_date);
    REC_COL(st, 13, r->zalo_date);
    REC_COL(st, 14, r->note);
    r->deleted = sqlite3_column_int(st, 15);
    REC_COL(st, 16, r->updated_at);
    REC_COL(st, 17, r->sort_key);
    REC_COL(st, 18, r->team_names);
    REC_COL(st, 19, r->team_roles);
}

int member_get(sqlite3 *db, const char *uuid, member_rec *r)
{
    sqlite3_stmt *st = NULL;
    int rc = -1;
    if ((st = db_cached(db, "SELECT " MEMBER_COLUMNS " FROM member m WHERE m.uuid = ?", NULL)) != NULL) {
        sqlite3_bind_text(st, 1, uuid ? uuid : "", -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            member_from_row(st, r);
            rc = 0;
        }
    }
    db_cached_done(st);
    return rc;
}
