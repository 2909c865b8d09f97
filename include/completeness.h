/* completeness.h — at a consolidating office: every commune under it, when its
 * last package was made and imported, and which communes have sent nothing. */
#ifndef CDTT_COMPLETENESS_H
#define CDTT_COMPLETENESS_H

#include <sqlite3.h>
#include "cdtt.h"

typedef struct {
    char scheme[12];
    char code[12];
    char name[512];
    char last_package[32]; /* created_at of the newest package imported, "" when none */
    char last_import[32];  /* when it was imported, "" when none */
    long long n_imports;   /* packages imported from it that merged something (not withdrawn since) */
    long long members;     /* live members recorded for it here */
} completeness_row;

typedef struct {
    completeness_row *rows;
    int n;
    int n_missing;         /* communes that have sent nothing */
} completeness_table;

/* Fills t with the communes under this office (from the unit list) and any other
 * office a package came from, ordered by code. Returns 0, or -1 with e set (no
 * office, or a commune, which consolidates nothing). */
int completeness_get(sqlite3 *db, completeness_table *t, cdtt_err *e);
/* Frees what completeness_get allocated. */
void completeness_free(completeness_table *t);

#endif
