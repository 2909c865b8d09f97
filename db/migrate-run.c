/* migrate-run.c — carrying out a migration plan: the backup copy, the
 * packages for the other new communes of a divided commune, and the one
 * transaction that gives this file's records and office to the new commune. */
#include "migrate.h"
#include "db.h"
#include "office-internal.h"
#include "outfile.h"
#include "package.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The records of the old commune by where they go: temp.mg_area, mg_team and
 * mg_member (uuid, dest: a 2025-07 commune code). A team goes with its village
 * (a commune-level team with the file's own commune); a member with the teams
 * it belongs to (memberships not deleted), or with the file's own commune. */
static int mark_destinations(sqlite3 *c, const migrate_plan *p, cdtt_err *e)
{
    if (db_exec(c,
                "DROP TABLE IF EXISTS temp.mg_area; DROP TABLE IF EXISTS temp.mg_team;"
                "DROP TABLE IF EXISTS temp.mg_member;"
                "CREATE TEMP TABLE mg_area (uuid TEXT PRIMARY KEY, dest TEXT NOT NULL);"
                "CREATE TEMP TABLE mg_team (uuid TEXT PRIMARY KEY, dest TEXT NOT NULL);"
                "CREATE TEMP TABLE mg_member (uuid TEXT PRIMARY KEY, dest TEXT NOT NULL)", e) < 0)
        return -1;
    sqlite3_stmt *st = db_prepare(c, "INSERT INTO temp.mg_area (uuid, dest) VALUES (?, ?)", e);
    if (!st)
        return -1;
    int rc = 0;
    for (int i = 0; rc == 0 && i < p->n_areas; i++) {
        int d = p->areas[i].dest >= 0 ? p->areas[i].dest : p->home;
        sqlite3_bind_text(st, 1, p->areas[i].uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, p->map.to[d].code, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(c, e, _("cannot prepare the migration"));
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    st = rc == 0 ? db_prepare(c,
        "INSERT INTO temp.mg_team (uuid, dest) SELECT t.uuid, coalesce(a.dest, ?1) FROM main.team t "
        "  LEFT JOIN temp.mg_area a ON a.uuid = t.area_uuid WHERE t.unit_scheme = ?2 AND t.unit_code = ?3;"
        , e) : NULL;
    sqlite3_stmt *st2 = st ? db_prepare(c,
        "INSERT INTO temp.mg_member (uuid, dest) SELECT m.uuid, coalesce((SELECT min(mt.dest) FROM "
        "  main.membership ms JOIN temp.mg_team mt ON mt.uuid = ms.team_uuid WHERE ms.member_uuid = m.uuid "
        "  AND ms.deleted = 0), ?1) FROM main.member m WHERE m.unit_scheme = ?2 AND m.unit_code = ?3", e) : NULL;
    for (int k = 0; st2 && rc == 0 && k < 2; k++) {
        sqlite3_stmt *s = k ? st2 : st;
        sqlite3_bind_text(s, 1, p->map.to[p->home].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, p->from.scheme, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, p->from.code, -1, SQLITE_STATIC);
        rc = sqlite3_step(s) == SQLITE_DONE ? 0 : db_fail(c, e, _("cannot prepare the migration"));
    }
    sqlite3_finalize(st);
    sqlite3_finalize(st2);
    return st2 ? rc : -1;
}

/* Stops when a member belongs to teams of villages placed in different communes. */
static int check_split_members(sqlite3 *db, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db,
        "SELECT m.full_name FROM main.member m JOIN main.membership ms ON ms.member_uuid = m.uuid "
        "AND ms.deleted = 0 JOIN temp.mg_team mt ON mt.uuid = ms.team_uuid WHERE m.deleted = 0 "
        "GROUP BY m.uuid HAVING count(DISTINCT mt.dest) > 1 ORDER BY m.sort_key LIMIT 20", e);
    if (!st)
        return -1;
    char names[700] = "";
    size_t len = 0;
    int n = 0, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if (len < sizeof names)
            len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", n++ ? ", " : "",
                                    (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (step != SQLITE_DONE)
        return db_fail(db, e, _("cannot read the members' teams"));
    if (n)
        return err_set(e, _("these members belong to teams of villages placed in different communes: %s. "
                            "A member goes with one commune: place those villages in one commune, or end "
                            "(delete) the memberships that should not go, then migrate again"), names);
    return 0;
}

/* The live villages, teams and members going to each commune of the plan. */
static int count_moved(sqlite3 *db, const migrate_plan *p, migrate_result *r, cdtt_err *e)
{
    static const char *const SQL[3] = {
        "SELECT count(*) FROM temp.mg_area g JOIN main.area x USING (uuid) WHERE x.deleted = 0 AND g.dest = ?",
        "SELECT count(*) FROM temp.mg_team g JOIN main.team x USING (uuid) WHERE x.deleted = 0 AND g.dest = ?",
        "SELECT count(*) FROM temp.mg_member g JOIN main.member x USING (uuid) WHERE x.deleted = 0 AND g.dest = ?",
    };
    for (int k = 0; k < 3; k++) {
        sqlite3_stmt *st = db_prepare(db, SQL[k], e);
        if (!st)
            return -1;
        for (int i = 0; i < p->map.n; i++) {
            sqlite3_bind_text(st, 1, p->map.to[i].code, -1, SQLITE_STATIC);
            if (sqlite3_step(st) != SQLITE_ROW) {
                sqlite3_finalize(st);
                return db_fail(db, e, _("cannot count the records"));
            }
            long long n = sqlite3_column_int64(st, 0);
            long long *slot[3] = {&r->moved[i].areas, &r->moved[i].teams, &r->moved[i].members};
            *slot[k] = n;
            sqlite3_reset(st);
        }
        sqlite3_finalize(st);
    }
    return 0;
}

/* Removes from connection c the old commune's records that do not stay in
 * commune `keep`: only those marked for another commune (only_marked), or also
 * every record not marked for keep (the copy that becomes a package). */
static int keep_only(sqlite3 *c, const char *keep, int only_marked, cdtt_err *e)
{
    const char *in = only_marked ? "IN (SELECT uuid FROM temp.mg_%s WHERE dest <> ?1)"
                                 : "NOT IN (SELECT uuid FROM temp.mg_%s WHERE dest = ?1)";
    char *team = sqlite3_mprintf(in, "team"), *member = sqlite3_mprintf(in, "member"),
         *area = sqlite3_mprintf(in, "area");
    char *sql[7] = {
        sqlite3_mprintf("DELETE FROM main.attendance WHERE member_uuid %s", member),
        sqlite3_mprintf("DELETE FROM main.activity WHERE team_uuid %s", team),
        sqlite3_mprintf("DELETE FROM main.membership WHERE team_uuid %s OR member_uuid %s", team, member),
        sqlite3_mprintf("DELETE FROM main.team WHERE uuid %s", team),
        sqlite3_mprintf("DELETE FROM main.member WHERE uuid %s", member),
        sqlite3_mprintf("DELETE FROM main.area WHERE uuid %s", area),
        /* The copy keeps only the training sessions its members attended. */
        only_marked ? NULL
                    : sqlite3_mprintf("DELETE FROM main.training_session WHERE uuid NOT IN "
                                      "(SELECT session_uuid FROM main.attendance)"),
    };
    int rc = 0;
    for (int i = 0; i < 7; i++) {
        if (rc == 0 && sql[i]) {
            sqlite3_stmt *st = db_prepare(c, sql[i], e);
            if (st)
                sqlite3_bind_text(st, 1, keep, -1, SQLITE_STATIC);
            rc = st && sqlite3_step(st) == SQLITE_DONE ? 0 : st ? db_fail(c, e, _("cannot move the records")) : -1;
            sqlite3_finalize(st);
        }
        sqlite3_free(sql[i]);
    }
    sqlite3_free(team);
    sqlite3_free(member);
    sqlite3_free(area);
    return rc;
}

/* Gives the old commune's records the new commune `to` (2025-07 code) as owner:
 * every record changed by it, nothing merged from below yet (office_reown). */
static int reown(sqlite3 *c, const migrate_plan *p, const char *to, cdtt_err *e)
{
    office_rec from = {0}, now = {0};
    snprintf(from.scheme, sizeof from.scheme, "%s", p->from.scheme);
    snprintf(from.code, sizeof from.code, "%s", p->from.code);
    snprintf(now.scheme, sizeof now.scheme, "2025-07");
    snprintf(now.code, sizeof now.code, "%s", to);
    return office_reown(c, &from, &now, e);
}

/* In the copy: each training session kept gets a uuid of its own (the one here
 * stays with this file's commune), its attendance following. */
static int renew_sessions(sqlite3 *c, cdtt_err *e)
{
    if (db_exec(c, "PRAGMA defer_foreign_keys = ON; DROP TABLE IF EXISTS temp.mg_session;"
                   "CREATE TEMP TABLE mg_session (old TEXT PRIMARY KEY, new TEXT NOT NULL)", e) < 0)
        return -1;
    sqlite3_stmt *rd = db_prepare(c, "SELECT uuid FROM main.training_session", e);
    sqlite3_stmt *wr = rd ? db_prepare(c, "INSERT INTO temp.mg_session (old, new) VALUES (?, ?)", e) : NULL;
    int rc = wr ? 0 : -1;
    while (rc == 0 && sqlite3_step(rd) == SQLITE_ROW) {
        char id[37];
        db_uuid(id);
        sqlite3_bind_value(wr, 1, sqlite3_column_value(rd, 0));
        sqlite3_bind_text(wr, 2, id, -1, SQLITE_STATIC);
        rc = sqlite3_step(wr) == SQLITE_DONE ? 0 : db_fail(c, e, _("cannot move the records"));
        sqlite3_reset(wr);
    }
    sqlite3_finalize(rd);
    sqlite3_finalize(wr);
    if (rc < 0)
        return -1;
    return db_exec(c,
        "UPDATE main.training_session SET uuid = (SELECT new FROM temp.mg_session WHERE old = uuid);"
        "UPDATE main.attendance SET session_uuid = (SELECT new FROM temp.mg_session WHERE old = session_uuid)", e);
}

/* The folder of path into dir ("." when it names none). */
static void folder_of(const char *path, char *dir, size_t n)
{
    snprintf(dir, n, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[slash == dir ? 1 : 0] = '\0';
    else
        snprintf(dir, n, ".");
}

/* Copies the file (as one snapshot) to path, mode 0600, never over anything. */
static int make_backup(sqlite3 *db, const char *path, cdtt_err *e)
{
    outfile of;
    int fd = outfile_begin(&of, path, 0, e);
    if (fd < 0)
        return -1;
    close(fd);
    sqlite3_stmt *st = db_prepare(db, "VACUUM INTO ?", e);
    int rc = -1;
    if (st) {
        sqlite3_bind_text(st, 1, of.tmp, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot make the backup copy"));
        sqlite3_finalize(st);
    }
    if (rc < 0) {
        outfile_abort(&of);
        return -1;
    }
    return outfile_commit(&of, e);
}

/* The backup's path beside db_path: "FILE.pre-2025.bak", or with a number
 * when that exists already. */
static void backup_name(const char *db_path, char *out, size_t n)
{
    snprintf(out, n, "%s.pre-2025.bak", db_path);
    for (int i = 2; i < 1000 && access(out, F_OK) == 0; i++)
        snprintf(out, n, "%s.pre-2025-%d.bak", db_path, i);
}

/* Writes the package for commune dest from the backup: a private copy keeps
 * only what goes there, owned by it, and is exported (signed by the old
 * commune's key, full identifiers). */
static int make_package(const char *backup, const migrate_plan *p, int dest, const char *target, cdtt_err *e)
{
    if (access(target, F_OK) == 0)
        return err_set(e, _("%s already exists: move it away, or name another folder with --packages"), target);
    package_private priv; /* the copy in a private folder, removed on any stop */
    if (package_private_begin(&priv, e) < 0)
        return -1;
    int rc = package_copy_private(backup, priv.copy, e);
    sqlite3 *c = rc == 0 ? db_open(priv.copy, 0, e) : NULL;
    const char *code = p->map.to[dest].code;
    if (!c)
        rc = -1;
    if (rc == 0 && (rc = db_begin(c, e)) == 0) {
        rc = mark_destinations(c, p, e);
        if (rc == 0)
            rc = keep_only(c, code, 0, e);
        if (rc == 0)
            rc = renew_sessions(c, e);
        if (rc == 0)
            rc = reown(c, p, code, e);
        rc = rc == 0 ? db_commit(c, e) : (db_rollback(c), -1);
    }
    package_export_opts po = {.full = 1, .seal = -1}; /* never over a file already there */
    if (rc == 0)
        rc = package_export(c, target, &po, NULL, NULL, NULL, e);
    if (c)
        db_close(c);
    package_private_end(&priv);
    return rc;
}

/* The packages for the communes other than this file's that receive records. */
static int make_packages(const char *db_path, const migrate_plan *p, const migrate_opts *o, migrate_result *r,
                         cdtt_err *e)
{
    char dir[4096];
    if (o->packages_dir)
        snprintf(dir, sizeof dir, "%s", o->packages_dir);
    else
        folder_of(db_path, dir, sizeof dir);
    const char *base = strrchr(db_path, '/');
    base = base ? base + 1 : db_path;
    for (int i = 0; i < p->map.n; i++) {
        const migrate_moved *m = &r->moved[i];
        if (i == p->home || m->areas + m->teams + m->members == 0)
            continue;
        int here = !o->packages_dir && base == db_path; /* a file in the current folder */
        snprintf(r->moved[i].package, sizeof r->moved[i].package, "%s%s%s.to-%s.cdtt", here ? "" : dir,
                 here ? "" : "/", base, p->map.to[i].code);
        if (make_package(r->backup, p, i, r->moved[i].package, e) < 0) {
            r->moved[i].package[0] = '\0';
            return -1;
        }
    }
    return 0;
}

/* The transaction that turns this file into the new commune's. */
static int apply(sqlite3 *db, const migrate_plan *p, migrate_result *r, cdtt_err *e)
{
    const units_target *home = &p->map.to[p->home];
    if (db_begin(db, e) < 0)
        return -1;
    office_rec now;
    int rc = office_get(db, &now) == 0 && strcmp(now.scheme, p->from.scheme) == 0 &&
                     strcmp(now.code, p->from.code) == 0
                 ? 0 : err_set(e, _("the file's office changed meanwhile; nothing was migrated"));
    if (rc == 0)
        rc = mark_destinations(db, p, e);
    if (rc == 0)
        rc = keep_only(db, home->code, 1, e);
    if (rc == 0)
        rc = reown(db, p, home->code, e);
    int added = rc == 0 ? units_ensure_in(db, "2025-07", e) : -1;
    rc = added < 0 ? -1 : 0;
    r->units_added = added == 1;
    memset(&r->to, 0, sizeof r->to);
    snprintf(r->to.scheme, sizeof r->to.scheme, "2025-07");
    snprintf(r->to.code, sizeof r->to.code, "%s", home->code);
    snprintf(r->to.level, sizeof r->to.level, "commune");
    snprintf(r->to.name, sizeof r->to.name, "%s", home->name);
    if (rc == 0)
        rc = office_move_in(db, &r->to, e);
    if (rc == 0)
        return db_commit(db, e);
    db_rollback(db);
    return -1;
}

int migrate_run(sqlite3 *db, const char *db_path, const migrate_plan *p, const migrate_opts *o,
                migrate_result *r, cdtt_err *e)
{
    memset(r, 0, sizeof *r);
    if (migrate_plan_ready(p, e) < 0)
        return -1;
    if (mark_destinations(db, p, e) < 0 || check_split_members(db, e) < 0 || count_moved(db, p, r, e) < 0)
        return -1;
    if (o->backup)
        snprintf(r->backup, sizeof r->backup, "%s", o->backup);
    else
        backup_name(db_path, r->backup, sizeof r->backup);
    if (make_backup(db, r->backup, e) < 0)
        return -1;
    int rc = make_packages(db_path, p, o, r, e);
    if (rc == 0)
        rc = apply(db, p, r, e);
    if (rc < 0)
        for (int i = 0; i < p->map.n; i++)
            if (r->moved[i].package[0]) {
                unlink(r->moved[i].package);
                r->moved[i].package[0] = '\0';
            }
    sqlite3_exec(db, "DROP TABLE IF EXISTS temp.mg_area; DROP TABLE IF EXISTS temp.mg_team;"
                     "DROP TABLE IF EXISTS temp.mg_member", NULL, NULL, NULL);
    return rc;
}
