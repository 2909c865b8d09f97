/* package-owner.c — who owns a travelling record, and whether a package may
 * write it: every record belongs to one commune (its own unit, or that of the
 * team, session or member it hangs on), and a package writes only records of
 * its own office (a district's or province's package: of the communes under it). */
#include "package-internal.h"
#include "db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A column that points to a record of another travelling table. */
typedef struct {
    const char *column;
    const char *parent;
} owner_link;

/* How a table's rows find their commune. */
typedef struct {
    const char *table;
    int has_unit;          /* unit_scheme, unit_code columns */
    owner_link links[2];   /* NULL column: none */
} owner_rule;

static const owner_rule RULES[] = {
    {"area", 1, {{NULL, NULL}, {NULL, NULL}}},
    {"team", 1, {{"area_uuid", "area"}, {NULL, NULL}}},
    {"member", 1, {{NULL, NULL}, {NULL, NULL}}},
    {"membership", 0, {{"team_uuid", "team"}, {"member_uuid", "member"}}},
    {"training_session", 1, {{NULL, NULL}, {NULL, NULL}}},
    {"attendance", 0, {{"session_uuid", "training_session"}, {"member_uuid", "member"}}},
    {"activity", 0, {{"team_uuid", "team"}, {NULL, NULL}}},
};

int unit_in_scope(merge_ctx *x, const char *scheme, const char *code)
{
    const package_manifest *m = x->m;
    if (x->into[0] && scheme && code && strcmp(scheme, "2025-07") == 0 && strcmp(code, x->into) == 0)
        return 1;
    if (!scheme || !code || strcmp(scheme, m->source_scheme) != 0)
        return 0;
    if (strcmp(code, m->source_code) == 0)
        return 1;
    if (strcmp(m->source_level, "commune") == 0)
        return 0;
    if (strcmp(m->source_level, "national") == 0)
        return 1;
    /* Below a district or province: decided by this office's unit list; a unit it lacks is not in scope. */
    sqlite3_reset(x->unit);
    sqlite3_bind_text(x->unit, 1, scheme, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(x->unit, 2, code, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(x->unit) != SQLITE_ROW) /* a unit this office's list lacks, or an error: not in scope */
        return 0;
    const char *up = (const char *)sqlite3_column_text(x->unit,
                                                       strcmp(m->source_level, "province") == 0 ? 0 : 1);
    return up && strcmp(up, m->source_code) == 0;
}

/* "Name (code)" of a unit, or the code alone when this file's list lacks it. */
static void unit_label(merge_ctx *x, const char *scheme, const char *code, char *out, size_t n)
{
    const char *name = NULL;
    sqlite3_reset(x->unit_name);
    sqlite3_bind_text(x->unit_name, 1, scheme ? scheme : "", -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(x->unit_name, 2, code ? code : "", -1, SQLITE_TRANSIENT);
    if (sqlite3_step(x->unit_name) == SQLITE_ROW)
        name = (const char *)sqlite3_column_text(x->unit_name, 0);
    if (name && *name)
        snprintf(out, n, "%s (%s)", name, code);
    else
        snprintf(out, n, "%s", code && *code ? code : "?");
    sqlite3_reset(x->unit_name);
}

/* A readable name of what a parent table holds. */
static const char *parent_kind(const char *table)
{
    if (strcmp(table, "area") == 0)
        return _("village or group");
    if (strcmp(table, "team") == 0)
        return _("team");
    if (strcmp(table, "member") == 0)
        return _("member");
    return _("training session");
}

static const owner_rule *rule_of(const char *table)
{
    for (size_t i = 0; i < sizeof RULES / sizeof RULES[0]; i++)
        if (strcmp(RULES[i].table, table) == 0)
            return &RULES[i];
    return &RULES[0];
}

/* The owner columns of alias a (own unit; for each link: its value, whether the
 * parent is in main, the parent's unit) and the joins that read the parents. */
static char *owner_columns(const owner_rule *r, const char *a, int with_values, char **joins)
{
    char *cols = sqlite3_mprintf(r->has_unit ? "%s.unit_scheme, %s.unit_code" : "NULL, NULL", a, a);
    *joins = sqlite3_mprintf("%s", "");
    for (int i = 0; i < 2; i++) {
        char *c, *j;
        if (!r->links[i].column) {
            c = sqlite3_mprintf(with_values ? "%z, NULL, 0, NULL, NULL" : "%z, NULL, NULL", cols);
            cols = c;
            continue;
        }
        if (with_values)
            c = sqlite3_mprintf("%z, %s.%s, %s_p%d.uuid IS NOT NULL, %s_p%d.unit_scheme, %s_p%d.unit_code", cols, a,
                                r->links[i].column, a, i, a, i, a, i);
        else
            c = sqlite3_mprintf("%z, %s_p%d.unit_scheme, %s_p%d.unit_code", cols, a, i, a, i);
        j = sqlite3_mprintf("%z LEFT JOIN main.\"%s\" %s_p%d ON %s_p%d.uuid = %s.%s", *joins, r->links[i].parent, a,
                            i, a, i, a, r->links[i].column);
        cols = c;
        *joins = j;
    }
    return cols;
}

char *owner_rows_sql(const char *table)
{
    const owner_rule *r = rule_of(table);
    char *joins;
    char *cols = owner_columns(r, "x", 1, &joins);
    char *sql = sqlite3_mprintf("SELECT x.uuid, x.version, x.deleted, x.changed_by, x.updated_at, %s "
                                "FROM pkg.\"%s\" x%s ORDER BY x.uuid", cols, table, joins);
    sqlite3_free(cols);
    sqlite3_free(joins);
    return sql;
}

char *owner_local_sql(const char *table)
{
    const owner_rule *r = rule_of(table);
    char *joins;
    char *cols = owner_columns(r, "s", 0, &joins);
    char *sql = sqlite3_mprintf("SELECT s.version, s.base_version, s.changed_by, s.deleted, %s "
                                "FROM main.\"%s\" s%s WHERE s.uuid = ?1", cols, table, joins);
    sqlite3_free(cols);
    sqlite3_free(joins);
    return sql;
}

/* The text of column col, "" for NULL. */
static const char *text_at(sqlite3_stmt *st, int col)
{
    const unsigned char *t = sqlite3_column_text(st, col);
    return t ? (const char *)t : "";
}

int owner_incoming_ok(merge_ctx *x, const char *table, sqlite3_stmt *rows, char *reason, size_t n)
{
    const owner_rule *r = rule_of(table);
    const int c = OWNER_ROWS_COL;
    char a[600], b[600];
    char scheme[16] = "", code[16] = "";
    if (r->has_unit) {
        snprintf(scheme, sizeof scheme, "%s", text_at(rows, c));
        snprintf(code, sizeof code, "%s", text_at(rows, c + 1));
        if (!unit_in_scope(x, scheme, code)) {
            unit_label(x, scheme, code, a, sizeof a);
            snprintf(reason, n, _("it belongs to %s, not to %s"), a, x->m->source_name);
            return 0;
        }
    }
    for (int i = 0; i < 2 && r->links[i].column; i++) {
        int k = c + 2 + 4 * i; /* value, in main, scheme, code */
        if (sqlite3_column_type(rows, k) == SQLITE_NULL)
            continue;
        if (!sqlite3_column_int(rows, k + 1)) {
            snprintf(reason, n, _("it refers to a %s that neither this file nor the package holds"),
                     parent_kind(r->links[i].parent));
            return 0;
        }
        const char *ps = text_at(rows, k + 2), *pc = text_at(rows, k + 3);
        if (!unit_in_scope(x, ps, pc)) {
            unit_label(x, ps, pc, a, sizeof a);
            snprintf(reason, n, _("it belongs to a %s of %s"), parent_kind(r->links[i].parent), a);
            return 0;
        }
        if (*code && (strcmp(scheme, ps) != 0 || strcmp(code, pc) != 0)) {
            unit_label(x, scheme, code, a, sizeof a);
            unit_label(x, ps, pc, b, sizeof b);
            snprintf(reason, n, _("it ties records of two communes together: %s and %s"), a, b);
            return 0;
        }
        snprintf(scheme, sizeof scheme, "%s", ps);
        snprintf(code, sizeof code, "%s", pc);
    }
    return 1;
}

int owner_stored_ok(merge_ctx *x, sqlite3_stmt *local, char *reason, size_t n)
{
    char a[600];
    for (int i = 0; i < 3; i++) { /* its own unit, then the units of the records it hangs on */
        int k = OWNER_LOCAL_COL + 2 * i;
        if (sqlite3_column_type(local, k + 1) == SQLITE_NULL)
            continue;
        const char *s = text_at(local, k), *c = text_at(local, k + 1);
        if (!unit_in_scope(x, s, c)) {
            unit_label(x, s, c, a, sizeof a);
            snprintf(reason, n, _("it would change a record of %s"), a);
            return 0;
        }
    }
    return 1;
}
