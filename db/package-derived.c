/* package-derived.c — what the merge writes for each column of a package's
 * row: the package's own value for content, but for a derived column (folded
 * name, sort key) a value computed here from the merged name, so that a
 * package's copy of it is never trusted. */
#include "package-internal.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The derived columns, and the SQL that computes each from its table's values. */
static const struct {
    const char *table, *column, *value;
} DERIVED[] = {
    {"area", "name_fold", "cdtt_fold(\"name\")"},
    {"area", "sort_key", "cdtt_sort_key(\"name\")"},
    {"team", "name_fold", "cdtt_fold(\"name\")"},
    {"team", "sort_key", "cdtt_sort_key(\"name\")"},
    {"member", "name_fold", "cdtt_fold(\"full_name\")"},
    {"member", "sort_key", "cdtt_name_sort_key(\"full_name\")"},
};

const char *package_derived_value(const char *table, const char *column)
{
    for (size_t i = 0; i < sizeof DERIVED / sizeof DERIVED[0]; i++)
        if (strcmp(DERIVED[i].table, table) == 0 && strcmp(DERIVED[i].column, column) == 0)
            return DERIVED[i].value;
    return NULL;
}

/* Calls the text function in sqlite3_user_data on the one argument (NULL stays NULL). */
static void text_function(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    char *(*fn)(const char *) = (char *(*)(const char *))sqlite3_user_data(cx);
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_null(cx);
        return;
    }
    const char *in = (const char *)sqlite3_value_text(argv[0]);
    char *out = in ? fn(in) : NULL;
    if (!out) {
        sqlite3_result_error_nomem(cx);
        return;
    }
    sqlite3_result_text(cx, out, -1, free);
}

static const struct {
    const char *name;
    char *(*fn)(const char *);
} FUNCTIONS[] = {
    {"cdtt_fold", text_fold},
    {"cdtt_sort_key", text_sort_key},
    {"cdtt_name_sort_key", text_name_sort_key},
};

int package_derived_register(sqlite3 *db, int on)
{
    /* Direct only: the schema (triggers, views) of no file can call them. */
    int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
    for (size_t i = 0; i < sizeof FUNCTIONS / sizeof FUNCTIONS[0]; i++)
        if (sqlite3_create_function_v2(db, FUNCTIONS[i].name, 1, flags, on ? (void *)FUNCTIONS[i].fn : NULL,
                                       on ? text_function : NULL, NULL, NULL, NULL) != SQLITE_OK && on)
            return -1;
    return 0;
}
