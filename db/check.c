/* check.c — integrity and data-quality checks of a cdtt file (see check.h). */
#include "check.h"
#include "db.h"
#include "office.h"
#include "schema.h"
#include "text.h"
#include "validate.h"

#include <stdio.h>
#include <string.h>

/* A membership that counts today: not deleted and not ended. */
#define CURRENT(m) m ".deleted = 0 AND (" m ".date_to IS NULL OR " m ".date_to = '' OR " m ".date_to >= date('now'))"
/* The active members of team t. */
#define TEAM_SIZE                                                                         \
    "(SELECT count(*) FROM membership m JOIN member mb ON mb.uuid = m.member_uuid "       \
    "AND mb.deleted = 0 WHERE m.team_uuid = t.uuid AND " CURRENT("m") ")"

/* True (SQL) when the text column c holds what no input path accepts in a name
 * any more: a control character (C0, DEL, C1), a NUL, a character that
 * reverses the direction of the text, or bytes that are not UTF-8. Only an
 * older version, a package or a hand edit can have put it there; every command
 * shows it escaped. cdtt_unshowable is defined on the connection for the
 * check (unshowable_fn), never in the schema. */
#define UNSHOWABLE(c) "cdtt_unshowable(" c ")"

/* A data-quality query: each row is (uuid, record name, detail); ?1 and ?2 are
 * the commune and village team size limits. */
typedef struct {
    const char *kind, *table;
    const char *msg; /* format with %s for the name, then %s for the detail */
    const char *sql;
    bool full;       /* only in the full check: compares records with one another or with the rules of consent */
} quality_check;

/* Queries list their rows "ORDER BY +sort_key": the unary + keeps SQLite from
 * walking the sort index and fetching every row in its order (a random read per
 * member), so the table is read in one pass and only the findings are sorted. */

static const quality_check QUALITY[] = {
    {"member_no_team", "member", N_("member %s: is in no team"),
     "SELECT mb.uuid, mb.full_name, '' FROM member mb WHERE mb.deleted = 0 AND mb.uuid NOT IN ("
     " SELECT m.member_uuid FROM membership m JOIN team t ON t.uuid = m.team_uuid AND t.deleted = 0"
     " WHERE " CURRENT("m") ") ORDER BY +mb.sort_key", false},
    {"team_no_leader", "team", N_("team %s: has no leader"),
     "SELECT t.uuid, t.name, '' FROM team t WHERE t.deleted = 0 AND t.status = 'active' AND NOT EXISTS ("
     " SELECT 1 FROM membership m JOIN member mb ON mb.uuid = m.member_uuid AND mb.deleted = 0"
     " WHERE m.team_uuid = t.uuid AND m.role = 'leader' AND " CURRENT("m") ") ORDER BY +t.sort_key", false},
    {"team_too_big", "team", N_("team %s: more members than the configured limit (%s)"),
     "SELECT uuid, name, n || ' > ' || lim FROM (SELECT t.uuid, t.name, t.sort_key, " TEAM_SIZE " AS n,"
     " CASE t.level WHEN 'commune' THEN ?1 ELSE ?2 END AS lim"
     " FROM team t WHERE t.deleted = 0 AND t.status = 'active') WHERE lim > 0 AND n > lim ORDER BY +sort_key", false},
    {"phone_no_consent", "member", N_("member %s: a phone number is stored without the member's consent"),
     "SELECT uuid, full_name, '' FROM member WHERE deleted = 0 AND phone IS NOT NULL AND phone <> ''"
     " AND consent = 0 ORDER BY +sort_key", true},
    {"bad_phone", "member", N_("member %s: the stored phone number %s is not a valid mobile number"),
     "SELECT uuid, full_name, phone FROM member WHERE deleted = 0 AND phone IS NOT NULL AND phone <> ''"
     " AND phone NOT GLOB '0[35789][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' ORDER BY +sort_key", false},
    {"bad_cccd", "member", N_("member %s: the stored CCCD number %s is not 12 digits"),
     "SELECT uuid, full_name, cccd FROM member WHERE deleted = 0 AND cccd IS NOT NULL AND cccd <> ''"
     " AND cccd NOT GLOB '[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]' ORDER BY +sort_key", false},
    {"duplicate_member", "member", N_("member %s: possibly the same person as %s (same name and birth date)"),
     /* The pairs are looked for only among the (name, birth date) that occur twice. */
     "WITH d AS (SELECT name_fold, birth FROM member NOT INDEXED WHERE deleted = 0 AND birth IS NOT NULL"
     " AND birth <> '' GROUP BY name_fold, birth HAVING count(*) > 1)"
     " SELECT a.uuid, a.full_name, b.full_name FROM d JOIN member a ON a.name_fold = d.name_fold"
     " AND a.birth = d.birth AND a.deleted = 0 JOIN member b ON b.name_fold = a.name_fold"
     " AND b.birth = a.birth AND a.uuid < b.uuid AND b.deleted = 0 ORDER BY +a.sort_key", true},
    {"duplicate_member", "member", N_("member %s: same phone number as %s"),
     "WITH d AS (SELECT phone FROM member WHERE deleted = 0 AND phone IS NOT NULL AND phone <> ''"
     " GROUP BY phone HAVING count(*) > 1)"
     " SELECT a.uuid, a.full_name, b.full_name FROM d JOIN member a ON a.phone = d.phone AND a.deleted = 0"
     " JOIN member b ON b.phone = a.phone AND a.uuid < b.uuid AND b.deleted = 0 ORDER BY +a.sort_key", true},
    {"control_characters", "member",
     N_("member %s: the name holds control characters or direction marks (shown as ^[ or <U+...>); "
        "correct it"),
     "SELECT uuid, full_name, '' FROM member WHERE deleted = 0 AND " UNSHOWABLE("full_name") " ORDER BY +sort_key", false},
    {"control_characters", "team",
     N_("team %s: the name holds control characters or direction marks (shown as ^[ or <U+...>); "
        "correct it"),
     "SELECT uuid, name, '' FROM team WHERE deleted = 0 AND " UNSHOWABLE("name") " ORDER BY +sort_key", false},
    {"control_characters", "area",
     N_("village or group %s: the name holds control characters or direction marks (shown as ^[ or <U+...>); "
        "correct it"),
     "SELECT uuid, name, '' FROM area WHERE deleted = 0 AND " UNSHOWABLE("name") " ORDER BY +sort_key", false},
    /* Links between records of two communes: a package carrying them is refused at the level above. */
    {"cross_commune", "team", N_("team %s: lies in a village or group of another commune (%s)"),
     "SELECT t.uuid, t.name, a.unit_code FROM team t JOIN area a ON a.uuid = t.area_uuid"
     " WHERE t.deleted = 0 AND (a.unit_scheme <> t.unit_scheme OR a.unit_code <> t.unit_code) ORDER BY +t.sort_key",
     true},
    {"cross_commune", "membership", N_("member %s: is in a team of another commune (%s)"),
     "SELECT ms.uuid, mb.full_name, t.name || ', ' || t.unit_code FROM membership ms"
     " JOIN member mb ON mb.uuid = ms.member_uuid JOIN team t ON t.uuid = ms.team_uuid"
     " WHERE ms.deleted = 0 AND (mb.unit_scheme <> t.unit_scheme OR mb.unit_code <> t.unit_code)"
     " ORDER BY +mb.sort_key", true},
    {"cross_commune", "attendance", N_("member %s: attended a training session of another commune (%s)"),
     "SELECT at.uuid, mb.full_name, s.date || ', ' || s.unit_code FROM attendance at"
     " JOIN member mb ON mb.uuid = at.member_uuid JOIN training_session s ON s.uuid = at.session_uuid"
     " WHERE at.deleted = 0 AND (mb.unit_scheme <> s.unit_scheme OR mb.unit_code <> s.unit_code)"
     " ORDER BY +mb.sort_key", true},
    {"other_commune", "member", N_("member %s: belongs to another commune (%s), not to this file's"),
     "SELECT mb.uuid, mb.full_name, mb.unit_code FROM office o CROSS JOIN member mb WHERE o.level = 'commune'"
     " AND mb.deleted = 0 AND (mb.unit_scheme <> o.scheme OR mb.unit_code <> o.code) ORDER BY +mb.sort_key", true},
    {"other_commune", "team", N_("team %s: belongs to another commune (%s), not to this file's"),
     "SELECT t.uuid, t.name, t.unit_code FROM office o CROSS JOIN team t WHERE o.level = 'commune'"
     " AND t.deleted = 0 AND (t.unit_scheme <> o.scheme OR t.unit_code <> o.code) ORDER BY +t.sort_key", true},
    {"area_no_team", "area", N_("village or group %s: has no team"),
     "SELECT a.uuid, a.name, '' FROM area a WHERE a.deleted = 0 AND NOT EXISTS ("
     " SELECT 1 FROM team t WHERE t.area_uuid = a.uuid AND t.deleted = 0 AND t.status = 'active')"
     " ORDER BY +a.sort_key", false},
};

typedef struct {
    check_cb cb;
    void *arg;
    check_summary *sum;
    int stopped;
    const check_options *o;
    long done, total; /* progress: the weights of the steps done and of all of them */
} reporter;

/* The weights of the steps, for the progress shown: the database's own check
 * takes about as long as all the others together. */
enum { W_INTEGRITY = 40, W_FOREIGN = 4, W_QUALITY = 2, W_MERGES = 4 };

/* Tells the caller that the step what (translated) begins; done counts the weight before it. */
static void step(reporter *r, const char *what)
{
    if (r->o && r->o->progress)
        r->o->progress(r->done, r->total, what, r->o->progress_arg);
}

/* Hands one finding to the caller and counts it. */
static void report(reporter *r, check_severity sev, const char *kind, const char *table, const char *uuid,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void report(reporter *r, check_severity sev, const char *kind, const char *table, const char *uuid,
                   const char *fmt, ...)
{
    if (r->stopped)
        return;
    check_finding f;
    memset(&f, 0, sizeof f);
    f.severity = sev;
    f.kind = kind;
    f.table = table;
    snprintf(f.uuid, sizeof f.uuid, "%s", uuid ? uuid : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f.message, sizeof f.message, fmt, ap);
    va_end(ap);
    if (sev == CHECK_ERROR)
        r->sum->errors++;
    else
        r->sum->warnings++;
    if (r->cb(&f, r->arg) != 0)
        r->stopped = 1;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *s = (const char *)sqlite3_column_text(st, i);
    return s ? s : "";
}

/* PRAGMA integrity_check (or quick_check) and foreign_key_check. */
static int check_integrity(sqlite3 *db, bool quick, reporter *r, cdtt_err *e)
{
    step(r, _("checking the file's structure"));
    sqlite3_stmt *st = db_prepare(db, quick ? "PRAGMA quick_check" : "PRAGMA integrity_check", e);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (strcmp(col(st, 0), "ok") != 0)
            report(r, CHECK_ERROR, "integrity", "", "", _("the database file is damaged: %s"), col(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        /* A badly damaged file can make the check itself fail: that is a finding too. */
        report(r, CHECK_ERROR, "integrity", "", "", _("the database file is damaged: %s"), sqlite3_errmsg(db));
        return 0;
    }
    r->done += W_INTEGRITY;
    step(r, _("checking the links between records"));
    st = db_prepare(db, "PRAGMA foreign_key_check", e);
    if (!st)
        return -1;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        report(r, CHECK_ERROR, "foreign_key", col(st, 0), "",
               _("a %s record (row %lld) refers to a %s record that does not exist"), col(st, 0),
               (long long)sqlite3_column_int64(st, 1), col(st, 2));
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return db_fail(db, e, _("checking the file"));
    r->done += W_FOREIGN;
    return 0;
}

static int check_quality(sqlite3 *db, const cdtt_config *cfg, bool quick, reporter *r, cdtt_err *e)
{
    office_rec o;
    if (office_get(db, &o) != 0)
        report(r, CHECK_WARNING, "no_office", "office", "",
               "%s", _("no office is set: run 'cdtt init --office CODE'"));
    for (size_t i = 0; i < sizeof QUALITY / sizeof QUALITY[0] && !r->stopped; i++) {
        const quality_check *q = &QUALITY[i];
        if (quick && q->full)
            continue;
        step(r, _("checking the records"));
        sqlite3_stmt *st = db_prepare(db, q->sql, e);
        if (!st)
            return -1;
        if (sqlite3_bind_parameter_count(st) >= 2) {
            sqlite3_bind_int(st, 1, cfg->team_max_commune);
            sqlite3_bind_int(st, 2, cfg->team_max_village);
        }
        int rc = SQLITE_DONE;
        while (!r->stopped && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            char name[512];
            snprintf(name, sizeof name, "%s", col(st, 1));
            report(r, CHECK_WARNING, q->kind, q->table, col(st, 0), _(q->msg), name, col(st, 2));
        }
        sqlite3_finalize(st);
        if (!r->stopped && rc != SQLITE_DONE)
            return db_fail(db, e, _("checking the data"));
        r->done += W_QUALITY;
    }
    return 0;
}

/* Member updates that look like two people merged into one record, as imports
 * that matched by the accent-folded name used to do: the name changed to one
 * that differs only in marks ("Ba" → "Bá"), or a known birth date to another. */
#define MERGE_SQL                                                                               \
    "SELECT a.record_uuid, json_extract(a.old_json, '$.full_name'), "                           \
    "json_extract(a.new_json, '$.full_name'), coalesce(json_extract(a.old_json, '$.birth'), ''), " \
    "coalesce(json_extract(a.new_json, '$.birth'), ''), substr(a.at, 1, 10) "                   \
    "FROM audit a WHERE a.tbl = 'member' AND a.action = 'update' "                              \
    "AND json_extract(a.old_json, '$.name_fold') = json_extract(a.new_json, '$.name_fold') "    \
    "AND (json_extract(a.old_json, '$.full_name') IS NOT json_extract(a.new_json, '$.full_name') " \
    "OR coalesce(json_extract(a.old_json, '$.birth'), '') <> coalesce(json_extract(a.new_json, '$.birth'), '')) " \
    "ORDER BY a.id"

/* Reports each member whose history shows such a change (see MERGE_SQL). */
static int check_merges(sqlite3 *db, reporter *r, cdtt_err *e)
{
    step(r, _("checking the history of changes"));
    sqlite3_stmt *st = db_prepare(db, MERGE_SQL, e);
    if (!st)
        return -1;
    int rc = SQLITE_DONE;
    while (!r->stopped && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *old_name = col(st, 1), *new_name = col(st, 2), *old_birth = col(st, 3),
                   *new_birth = col(st, 4);
        int renamed = !text_same_name(old_name, new_name);
        int reborn = old_birth[0] && new_birth[0] && strcmp(old_birth, new_birth) != 0;
        if (!renamed && !reborn)
            continue;
        char day[11], ob[11], nb[11];
        date_to_display(col(st, 5), day);
        date_to_display(old_birth[0] ? old_birth : "?", ob);
        date_to_display(new_birth[0] ? new_birth : "?", nb);
        report(r, CHECK_WARNING, "possible_merge", "member", col(st, 0),
               _("member %s: possibly two people merged into one record on %s (%s, born %s, became %s, born %s); look at its history"),
               new_name, day, old_name, ob, new_name, nb);
    }
    sqlite3_finalize(st);
    if (!r->stopped && rc != SQLITE_DONE)
        return db_fail(db, e, _("checking the data"));
    return 0;
}

/* cdtt_unshowable(text): 1 when the text would be shown escaped (see UNSHOWABLE). */
static void unshowable_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *s = (const char *)sqlite3_value_text(argv[0]);
    int has_nul = s && (size_t)sqlite3_value_bytes(argv[0]) != strlen(s);
    sqlite3_result_int(ctx, s && (has_nul || text_safe_needed(s, 0)));
}

int check_run_opts(sqlite3 *db, const cdtt_config *cfg, const check_options *o, check_cb cb, void *arg,
                   check_summary *sum, cdtt_err *e)
{
    static const check_options none = {0};
    if (!o)
        o = &none;
    memset(sum, 0, sizeof *sum);
    reporter r = {cb, arg, sum, 0, o, 0, W_INTEGRITY + W_FOREIGN + (o->quick ? 0 : W_MERGES)};
    for (size_t i = 0; i < sizeof QUALITY / sizeof QUALITY[0]; i++)
        r.total += o->quick && QUALITY[i].full ? 0 : W_QUALITY;
    if (sqlite3_create_function(db, "cdtt_unshowable", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, unshowable_fn,
                                NULL, NULL) != SQLITE_OK)
        return db_fail(db, e, _("checking the data"));
    /* A whole-country file is read many times over: mapped, not a read() per page. */
    db_read_mode saved;
    db_wide_read_begin(db, &saved);
    int rc = check_integrity(db, o->quick, &r, e);
    /* The data of a damaged file cannot be trusted: stop at its integrity. */
    if (rc == 0 && sum->errors == 0 && !r.stopped)
        rc = check_quality(db, cfg, o->quick, &r, e);
    if (rc == 0 && sum->errors == 0 && !r.stopped && !o->quick)
        rc = check_merges(db, &r, e);
    if (rc == 0 && o->progress)
        o->progress(r.total, r.total, "", o->progress_arg);
    db_wide_read_end(db, &saved);
    return rc;
}

int check_run(sqlite3 *db, const cdtt_config *cfg, check_cb cb, void *arg, check_summary *sum, cdtt_err *e)
{
    return check_run_opts(db, cfg, NULL, cb, arg, sum, e);
}

int check_run_quick(sqlite3 *db, const cdtt_config *cfg, check_cb cb, void *arg, check_summary *sum,
                    cdtt_err *e)
{
    check_options o = {.quick = true};
    return check_run_opts(db, cfg, &o, cb, arg, sum, e);
}

long long check_record_count(sqlite3 *db)
{
    long long total = 0;
    for (int i = 0; SCHEMA_TRAVEL_TABLES[i]; i++) {
        /* The table names are the schema's constants, never data. */
        char sql[128];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", SCHEMA_TRAVEL_TABLES[i]);
        long long n = db_scalar_int(db, sql, -1);
        if (n < 0)
            return -1;
        total += n;
    }
    return total;
}
