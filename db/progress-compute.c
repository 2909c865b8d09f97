/* progress-compute.c — the progress table: indicators per unit and in total, as of a date. */
#include "progress.h"
#include "db.h"
#include "office.h"
#include "progress-sql.h"
#include "team-training.h"

#include <stdlib.h>
#include <string.h>

/* The teams of the scope: ?4 commune code, ?5 area uuid ('-' = no area), ?6 team uuid,
 * ?9 province code (the team's commune lies in it by the unit list); '' = any. */
#define PSQL_SCOPE                                                                            \
    " AND (?4 = '' OR t.unit_code = ?4)"                                                    \
    " AND (?9 = '' OR t.unit_code IN (SELECT code FROM unit WHERE scheme = t.unit_scheme"    \
    "      AND level = 'commune' AND province_code = ?9))"                                  \
    " AND (?5 = '' OR coalesce(t.area_uuid, '') = CASE ?5 WHEN '" PROGRESS_NO_AREA "' THEN '' ELSE ?5 END)" \
    " AND (?6 = '' OR t.uuid = ?6)"

/* The teams that count, each with its group: gk (key), gname, gsort, gcode, the
 * team's commune gcc, and mu: the member a group is about (PROGRESS_BY_MEMBER),
 * else NULL. ?7 is 1 at a consolidating office: commune-level teams are then
 * grouped per commune ("-CODE") instead of all together (""). */
static const char *const TEAM_GROUPS[] = {
    [PROGRESS_BY_AREA] =
        "SELECT t.uuid AS uuid, coalesce(a.uuid, CASE ?7 WHEN 1 THEN '-' || t.unit_code ELSE '' END) AS gk, "
        "coalesce(a.name, '') AS gname, coalesce(a.sort_key, '') AS gsort, '' AS gcode, t.unit_code AS gcc, "
        "NULL AS mu FROM team t "
        "LEFT JOIN area a ON a.uuid = t.area_uuid AND a.deleted = 0 WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE,
    [PROGRESS_BY_COMMUNE] =
        "SELECT t.uuid AS uuid, t.unit_scheme || ':' || t.unit_code AS gk, "
        "coalesce(u.name, (SELECT o.name FROM office o WHERE o.scheme = t.unit_scheme AND o.code = t.unit_code), "
        "t.unit_code) AS gname, t.unit_code AS gsort, t.unit_code AS gcode, '' AS gcc, NULL AS mu FROM team t "
        "LEFT JOIN unit u ON u.scheme = t.unit_scheme AND u.level = 'commune' AND u.code = t.unit_code "
        "WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE,
    [PROGRESS_BY_DISTRICT] =
        "SELECT t.uuid AS uuid, coalesce(d.scheme || ':' || d.code, '') AS gk, coalesce(d.name, '') AS gname, "
        "coalesce(d.code, '') AS gsort, coalesce(d.code, '') AS gcode, '' AS gcc, NULL AS mu FROM team t "
        "LEFT JOIN unit u ON u.scheme = t.unit_scheme AND u.level = 'commune' AND u.code = t.unit_code "
        "LEFT JOIN unit d ON d.scheme = u.scheme AND d.level = 'district' AND d.code = u.parent_code "
        "WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE,
    [PROGRESS_BY_PROVINCE] =
        "SELECT t.uuid AS uuid, coalesce(p.scheme || ':' || p.code, '') AS gk, coalesce(p.name, '') AS gname, "
        "coalesce(p.code, '') AS gsort, coalesce(p.code, '') AS gcode, '' AS gcc, NULL AS mu FROM team t "
        "LEFT JOIN unit u ON u.scheme = t.unit_scheme AND u.level = 'commune' AND u.code = t.unit_code "
        "LEFT JOIN unit p ON p.scheme = u.scheme AND p.level = 'province' AND p.code = u.province_code "
        "WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE,
    [PROGRESS_BY_TEAM] =
        "SELECT t.uuid AS uuid, t.uuid AS gk, t.name AS gname, t.sort_key AS gsort, '' AS gcode, "
        "t.unit_code AS gcc, NULL AS mu FROM team t WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE,
    [PROGRESS_BY_MEMBER] =
        "SELECT t.uuid AS uuid, m.uuid AS gk, m.full_name AS gname, m.sort_key AS gsort, '' AS gcode, "
        "t.unit_code AS gcc, m.uuid AS mu FROM team t "
        "JOIN membership ms ON ms.team_uuid = t.uuid AND " PSQL_MEMBERSHIP_ON("?1") " "
        "JOIN member m ON m.uuid = ms.member_uuid AND m.deleted = 0 WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE,
};

/* Every team that counts in the scope in one group, for the totals. */
static const char TEAM_ALL[] =
    "SELECT t.uuid AS uuid, '*' AS gk, '' AS gname, '' AS gsort, '' AS gcode, '' AS gcc, NULL AS mu "
    "FROM team t WHERE " PSQL_TEAM_COUNTS PSQL_SCOPE;

/* What each query adds to a row. FILL_TEAMS, FILL_MEMBERS and FILL_TRAINED
 * read the records of the groups' teams (any scope). FILL_KEPT sums, per group,
 * the figures the file keeps per team (team_training, schema migration 7;
 * when they hold on the date); FILL_PER_TEAM computes the same figures per team
 * for any date in one pass over the whole file's memberships and attendance.
 * Both count memberships: FILL_TWICE then takes back what that counted twice
 * (a member in several teams of one group counts once), and FILL_ACROSS, for
 * the total, what a sum of the groups' rows counts twice (a member in teams of
 * several groups counts once). */
enum fill {
    FILL_TEAMS, FILL_MEMBERS, FILL_TRAINED, FILL_ACTIVITY, FILL_KEPT, FILL_PER_TEAM, FILL_TWICE, FILL_ACROSS
};

/* The counted teams (tg) of the members who have several memberships (multi_member), by the
 * memberships current on ?1. */
#define MULTI_TEAMS                                                                                  \
    "FROM multi_member mm CROSS JOIN membership ms ON ms.member_uuid = mm.member_uuid AND "          \
    PSQL_MEMBERSHIP_ON("?1") " CROSS JOIN tg ON tg.uuid = ms.team_uuid "
/* What the sums over teams counted too much, from tw (mu: a member, extra: how
 * many times too many), keyed by KEY. */
#define TAKE_BACK(KEY)                                                                              \
    "SELECT " KEY ", sum(tw.extra), sum(tw.extra * " PSQL_MOOC_DONE "), sum(tw.extra * " PSQL_ZALO_DONE ") " \
    "FROM tw JOIN member m ON m.uuid = tw.mu AND m.deleted = 0"
/* The columns of a group's teams and their summed figures, as FILL_KEPT and FILL_PER_TEAM give them. */
#define GROUP_SUMS(N, MOOC, ZALO, TRAINED)                                                          \
    " SELECT gk, count(*), gname, gsort, gcode, max(gcc), coalesce(sum(" N "), 0), coalesce(sum(" MOOC "), 0), " \
    "coalesce(sum(" ZALO "), 0), coalesce(sum(" TRAINED " >= ?2), 0) "

static const char *const BODIES[] = {
    [FILL_TEAMS] = " SELECT gk, count(*), gname, gsort, gcode, max(gcc) FROM tg GROUP BY gk",
    [FILL_MEMBERS] =
        ", cm AS (SELECT DISTINCT tg.gk AS gk, ms.member_uuid AS mu FROM membership ms "
        "  JOIN tg ON tg.uuid = ms.team_uuid AND (tg.mu IS NULL OR tg.mu = ms.member_uuid) WHERE " PSQL_MEMBERSHIP_ON("?1") ") "
        "SELECT cm.gk, count(*), sum(" PSQL_MOOC_DONE "), sum(" PSQL_ZALO_DONE ") "
        "FROM cm JOIN member m ON m.uuid = cm.mu AND m.deleted = 0 GROUP BY cm.gk",
    [FILL_TRAINED] = ", " PSQL_TRAINED_CTE
        " SELECT tg.gk, count(*) FROM tg JOIN trained tr ON tr.team_uuid = tg.uuid AND tr.n >= ?2 "
        "GROUP BY tg.gk",
    [FILL_ACTIVITY] =
        " SELECT tg.gk, count(*), sum(ac.people), sum(ac.households) FROM activity ac "
        "JOIN tg ON tg.uuid = ac.team_uuid WHERE ac.deleted = 0 AND ac.date >= ?3 AND ac.date <= ?1 "
        "GROUP BY tg.gk",
    [FILL_KEPT] = GROUP_SUMS("tt.members", "tt.mooc", "tt.zalo", "tt.attendees")
        "FROM tg LEFT JOIN team_training tt ON tt.team_uuid = tg.uuid GROUP BY gk",
    [FILL_PER_TEAM] =
        ", tm AS (SELECT ms.team_uuid AS tu, count(*) AS n, sum(" PSQL_MOOC_DONE ") AS mooc, "
        "  sum(" PSQL_ZALO_DONE ") AS zalo FROM membership ms JOIN member m ON m.uuid = ms.member_uuid "
        "  AND m.deleted = 0 WHERE " PSQL_MEMBERSHIP_ON("?1") " GROUP BY ms.team_uuid), " PSQL_TRAINED_CTE
        GROUP_SUMS("tm.n", "tm.mooc", "tm.zalo", "tr.n")
        "FROM tg LEFT JOIN tm ON tm.tu = tg.uuid LEFT JOIN trained tr ON tr.team_uuid = tg.uuid GROUP BY gk",
    [FILL_TWICE] =
        ", tw AS (SELECT tg.gk AS gk, mm.member_uuid AS mu, count(*) - 1 AS extra " MULTI_TEAMS
        "  GROUP BY tg.gk, mm.member_uuid HAVING extra > 0) " TAKE_BACK("tw.gk") " GROUP BY tw.gk",
    [FILL_ACROSS] =
        ", tw AS (SELECT mm.member_uuid AS mu, count(DISTINCT tg.gk) - 1 AS extra " MULTI_TEAMS
        "  GROUP BY mm.member_uuid HAVING extra > 0) " TAKE_BACK("'*'"),
};

typedef struct {
    const char *as_of;
    int min_attendees;
    char month_start[11];
    progress_scope scope;
    int consolidated;
} qparams;

/* Runs the query of kind fill over the team groups tg and adds its figures to
 * t's rows (created for FILL_TEAMS, which must come first). */
static int run_fill(sqlite3 *db, const char *tg, enum fill fill, const qparams *q, progress_table *t,
                    cdtt_err *e)
{
    size_t len = strlen(tg) + strlen(BODIES[fill]) + 32;
    char *sql = xmalloc(len);
    snprintf(sql, len, "WITH tg AS (%s)%s", tg, BODIES[fill]);
    sqlite3_stmt *st = db_prepare(db, sql, e);
    free(sql);
    if (!st)
        return -1;
    /* Every statement names ?4..?7 and ?9 (the scope); ?2 and ?3 are bound when named or below those. */
    sqlite3_bind_text(st, 1, q->as_of, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, q->min_attendees);
    sqlite3_bind_text(st, 3, q->month_start, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, q->scope.commune, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, q->scope.area, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, q->scope.team, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 7, q->consolidated);
    sqlite3_bind_text(st, 9, q->scope.province, -1, SQLITE_STATIC);
    /* Rows are looked up by key; FILL_TEAMS adds each group once (GROUP BY gk). */
    int n_sorted = t->n_rows;
    progress_sort_keys(t);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = (const char *)sqlite3_column_text(st, 0);
        int adds = fill == FILL_TEAMS || fill == FILL_KEPT || fill == FILL_PER_TEAM;
        progress_row *r = progress_find_row(t, n_sorted, key ? key : "", adds);
        if (!r)
            continue;
        switch (fill) {
        case FILL_KEPT:
        case FILL_PER_TEAM:
            r->members = sqlite3_column_int64(st, 6);
            r->mooc_done = sqlite3_column_int64(st, 7);
            r->zalo_done = sqlite3_column_int64(st, 8);
            r->teams_trained = sqlite3_column_int64(st, 9);
            /* fall through */
        case FILL_TEAMS:
            r->teams = sqlite3_column_int64(st, 1);
            if (!r->name[0])
                progress_copy_col(r->name, sizeof r->name, st, 2);
            if (!r->sort[0])
                progress_copy_col(r->sort, sizeof r->sort, st, 3);
            progress_copy_col(r->code, sizeof r->code, st, 4);
            progress_copy_col(r->commune_code, sizeof r->commune_code, st, 5);
            break;
        case FILL_MEMBERS:
            r->members = sqlite3_column_int64(st, 1);
            r->mooc_done = sqlite3_column_int64(st, 2);
            r->zalo_done = sqlite3_column_int64(st, 3);
            break;
        case FILL_TRAINED:
            r->teams_trained = sqlite3_column_int64(st, 1);
            break;
        case FILL_ACTIVITY:
            r->activities = sqlite3_column_int64(st, 1);
            r->people = sqlite3_column_int64(st, 2);
            r->households = sqlite3_column_int64(st, 3);
            break;
        case FILL_TWICE:
        case FILL_ACROSS:
            r->members -= sqlite3_column_int64(st, 1);
            r->mooc_done -= sqlite3_column_int64(st, 2);
            r->zalo_done -= sqlite3_column_int64(st, 3);
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot compute the progress"));
}

/* How the figures are read: from the records of the groups' teams (any scope),
 * from the figures kept per team, or from the records per team in one pass
 * over the whole file. */
enum source { FROM_RECORDS, FROM_KEPT, FROM_PER_TEAM };

/* Every figure of the groups tg into t. */
static int fill_all(sqlite3 *db, const char *tg, const qparams *q, enum source from, progress_table *t, cdtt_err *e)
{
    static const enum fill FILLS[][4] = {
        [FROM_RECORDS] = {FILL_TEAMS, FILL_MEMBERS, FILL_TRAINED, FILL_ACTIVITY},
        [FROM_KEPT] = {FILL_KEPT, FILL_TWICE, FILL_ACTIVITY, FILL_ACTIVITY},
        [FROM_PER_TEAM] = {FILL_PER_TEAM, FILL_TWICE, FILL_ACTIVITY, FILL_ACTIVITY},
    };
    int n = from == FROM_RECORDS ? 4 : 3;
    for (int i = 0; i < n; i++)
        if (run_fill(db, tg, FILLS[from][i], q, t, e) < 0)
            return -1;
    return 0;
}

/* The totals of rows read per team (fill_all FROM_KEPT or FROM_PER_TEAM over
 * the groups tg), into a table all of one row: the rows' sums, less what they
 * count twice. */
static int total_of_rows(sqlite3 *db, const char *tg, const qparams *q, const progress_table *rows,
                         progress_table *all, cdtt_err *e)
{
    progress_row *sum = progress_find_row(all, 0, "*", 1);
    for (int i = 0; i < rows->n_rows; i++) {
        const progress_row *r = &rows->rows[i];
        sum->teams += r->teams;
        sum->members += r->members;
        sum->mooc_done += r->mooc_done;
        sum->zalo_done += r->zalo_done;
        sum->teams_trained += r->teams_trained;
        sum->activities += r->activities;
        sum->people += r->people;
        sum->households += r->households;
    }
    return run_fill(db, tg, FILL_ACROSS, q, all, e);
}

/* Rows in their display order (the sort column, then the key). */
static int by_display(const void *a, const void *b)
{
    const progress_row *x = a, *y = b;
    int c = strcmp(x->sort, y->sort);
    return c ? c : strcmp(x->key, y->key);
}

/* Adds every non-deleted area of the scope's commune as a row, so villages
 * without a team show. */
static int seed_areas(sqlite3 *db, const progress_scope *sc, progress_table *t, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "SELECT uuid, name, sort_key, unit_code FROM area WHERE deleted = 0 "
                                      "AND (?1 = '' OR unit_code = ?1)", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, sc->commune, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        progress_row *r = progress_find_row(t, 0, (const char *)sqlite3_column_text(st, 0), 1); /* uuids are unique */
        progress_copy_col(r->name, sizeof r->name, st, 1);
        progress_copy_col(r->sort, sizeof r->sort, st, 2);
        progress_copy_col(r->commune_code, sizeof r->commune_code, st, 3);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot compute the progress"));
}

/* Names the rows without an area: commune-level teams ("" or "-CODE", first in
 * their commune) and units the unit list does not know (last). */
static void name_special_rows(progress_table *t)
{
    for (int i = 0; i < t->n_rows; i++) {
        progress_row *r = &t->rows[i];
        if (t->by == PROGRESS_BY_AREA && (!r->key[0] || r->key[0] == '-')) {
            snprintf(r->name, sizeof r->name, "%s", _("Commune-level teams"));
            r->sort[0] = '\0';
        } else if (!r->key[0]) {
            snprintf(r->name, sizeof r->name, "%s", _("Unknown unit"));
            snprintf(r->sort, sizeof r->sort, "%s", "\x7f");
        }
    }
}

/* Below a commune at a consolidating office: rows sort by their commune first. */
static void sort_by_commune(progress_table *t)
{
    for (int i = 0; i < t->n_rows; i++) {
        progress_row *r = &t->rows[i];
        char sort[sizeof r->sort];
        snprintf(sort, sizeof sort, "%s\x01%s", r->commune_code, r->sort);
        memcpy(r->sort, sort, sizeof sort);
    }
}

/* progress_compute_in; reference: always from the records of the groups' teams. */
static int compute(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                   const progress_scope *scope, int reference, progress_table *out, cdtt_err *e)
{
    memset(out, 0, sizeof *out);
    if ((int)by < 0 || by > PROGRESS_BY_MEMBER)
        return err_set(e, "progress_compute: bad grouping");
    office_rec office;
    int have_office = office_get(db, &office) == 0;
    if (by == PROGRESS_BY_DISTRICT && have_office && strcmp(office.scheme, "2025-07") == 0)
        return err_set(e, _("the 2025-07 scheme has no districts (since 1 July 2025 there are only "
                            "provinces and communes): report by commune or by province"));
    snprintf(out->as_of, sizeof out->as_of, "%s", as_of);
    out->by = by;
    out->consolidated = have_office && strcmp(office.level, "commune") != 0;
    memcpy(out->targets, cfg->targets, sizeof out->targets);
    out->min_attendees = cfg->inperson_min_attendees > 0 ? cfg->inperson_min_attendees : 1;
    qparams q = {.as_of = as_of, .min_attendees = out->min_attendees, .consolidated = out->consolidated};
    if (scope)
        q.scope = *scope;
    snprintf(q.month_start, sizeof q.month_start, "%.8s01", as_of);

    if (by == PROGRESS_BY_AREA && !q.scope.area[0] && !q.scope.team[0] && seed_areas(db, &q.scope, out, e) < 0)
        goto fail;
    if (out->consolidated && progress_seed_units(db, &office, &q.scope, out, e) < 0)
        goto fail;
    /* Per team when the groups are teams or more, and (for the one pass over the
     * file) the whole file is asked for: the figures kept when they hold. */
    int unscoped = !q.scope.province[0] && !q.scope.commune[0] && !q.scope.area[0] && !q.scope.team[0];
    enum source from = by == PROGRESS_BY_MEMBER || reference          ? FROM_RECORDS
                       : team_training_holds(db, as_of)                 ? FROM_KEPT
                       : unscoped                                       ? FROM_PER_TEAM
                                                                        : FROM_RECORDS;
    if (fill_all(db, TEAM_GROUPS[by], &q, from, out, e) < 0)
        goto fail;
    name_special_rows(out);
    if (out->consolidated && progress_name_communes(db, have_office ? office.scheme : "", out, e) < 0)
        goto fail;
    if (out->consolidated && progress_mark_sent(db, out, e) < 0)
        goto fail;
    if (out->consolidated && (by == PROGRESS_BY_AREA || by == PROGRESS_BY_TEAM || by == PROGRESS_BY_MEMBER))
        sort_by_commune(out);
    if (out->n_rows > 0)
        qsort(out->rows, (size_t)out->n_rows, sizeof *out->rows, by_display);

    progress_table all = {0};
    int rc = from != FROM_RECORDS ? total_of_rows(db, TEAM_GROUPS[by], &q, out, &all, e)
                                  : fill_all(db, TEAM_ALL, &q, FROM_RECORDS, &all, e);
    if (all.n_rows == 1)
        out->total = all.rows[0];
    free(all.rows);
    if (rc < 0)
        goto fail;
    out->total.key[0] = '\0';
    out->total.sent = -1;
    snprintf(out->total.name, sizeof out->total.name, "%s", _("Total"));
    return 0;
fail:
    progress_free(out);
    return -1;
}

/* compute, with the file read as a wide read (db_wide_read_begin). */
static int compute_wide(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                        const progress_scope *scope, int reference, progress_table *out, cdtt_err *e)
{
    db_read_mode saved;
    db_wide_read_begin(db, &saved);
    int rc = compute(db, cfg, by, as_of, scope, reference, out, e);
    db_wide_read_end(db, &saved);
    return rc;
}

int progress_compute_in(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                        const progress_scope *scope, progress_table *out, cdtt_err *e)
{
    return compute_wide(db, cfg, by, as_of, scope, 0, out, e);
}

int progress_recount_in(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                        const progress_scope *scope, progress_table *out, cdtt_err *e)
{
    return compute_wide(db, cfg, by, as_of, scope, 1, out, e);
}

int progress_compute(sqlite3 *db, const cdtt_config *cfg, progress_by by, const char *as_of,
                     progress_table *out, cdtt_err *e)
{
    return progress_compute_in(db, cfg, by, as_of, NULL, out, e);
}

void progress_free(progress_table *t)
{
    free(t->rows);
    t->rows = NULL;
    t->n_rows = 0;
}
