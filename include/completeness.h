/* completeness.h — at a consolidating office: every commune under it (every
 * province at the national office), when its last package was made and
 * imported, and which have sent nothing. */
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
    long long communes_covered; /* national office: communes of the province with members here */
    long long communes;         /* national office: communes of the province in the unit list */
} completeness_row;

typedef struct {
    completeness_row *rows;
    int n;
    int n_missing;         /* communes (provinces at the national office) that have sent nothing */
    int by_province;       /* the rows are provinces (the national office) */
} completeness_table;

/* Fills t with the communes under this office (from the unit list) and any other
 * office a package came from, ordered by code; at the national office with the
 * provinces instead, a province counting as sent when a package of it, or of a
 * commune of it, was merged. Returns 0, or -1 with e set (no office, or a
 * commune, which consolidates nothing). */
int completeness_get(sqlite3 *db, completeness_table *t, cdtt_err *e);
/* Frees what completeness_get allocated. */
void completeness_free(completeness_table *t);

#endif
