/* list-commune.c — the commune column of record lists and forms at an office
 * above the communes (province, district, national). */
#include "tui-columns.h"
#include "tui-core.h"
#include "tui-list.h"
#include "records.h"

#include <stdio.h>
#include <string.h>

#define COMMUNE_COLS 18 /* "Phường Đoàn Kết" and most names fit */

/* Whether lists of db show the commune (the office is above the communes). */
static int with_commune(sqlite3 *db)
{
    return db && records_consolidating(db);
}

/* Lays out the commune's text in front of a line laid out by lay on the rest. */
static void prepend(const list_layout *lay, char *out, size_t outlen, int cols, const char *commune,
                    const char *const *texts)
{
    char rest[2048];
    list_layout_row(lay, rest, sizeof rest, cols - COMMUNE_COLS - 1, texts);
    const int w[2] = {COMMUNE_COLS + 1, 0};
    const char *t[2] = {commune, rest};
    list_columns(out, outlen, cols, w, t, 2);
}

void list_layout_row_in(sqlite3 *db, const list_layout *lay, char *out, size_t outlen, int cols,
                        const char *const *texts, const char *table, const char *uuid)
{
    if (!with_commune(db)) {
        list_layout_row(lay, out, outlen, cols, texts);
        return;
    }
    char code[8], name[128];
    if (records_commune_of(db, table, uuid, code, name) < 0)
        code[0] = name[0] = '\0';
    prepend(lay, out, outlen, cols, name[0] ? name : code, texts);
}

void list_layout_header_in(sqlite3 *db, const list_layout *lay, char *out, size_t outlen, int cols)
{
    if (!with_commune(db)) {
        list_layout_header(lay, out, outlen, cols);
        return;
    }
    const char *t[16];
    for (int i = 0; i < lay->n && i < 16; i++)
        t[i] = _(lay->cols[i].title);
    prepend(lay, out, outlen, cols, _("Commune"), t);
}

void title_with_commune(sqlite3 *db, char *title, size_t n, const char *table, const char *uuid)
{
    char code[8], name[128];
    if (!uuid || !with_commune(db) || records_commune_of(db, table, uuid, code, name) < 0)
        return;
    size_t len = strlen(title);
    snprintf(title + len, n - len, " · %s", name[0] ? name : code);
}
