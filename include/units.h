/* units.h — the official administrative units of Viet Nam (provinces, districts,
 * communes), imported from the General Statistics Office's CSV lists, and the
 * look-ups the screens and commands need. A code only means something together
 * with its scheme ("2025-07" or "pre-2025"). */
#ifndef CDTT_UNITS_H
#define CDTT_UNITS_H

#include <sqlite3.h>
#include "cdtt.h"

enum unit_level { UNIT_PROVINCE = 0, UNIT_DISTRICT = 1, UNIT_COMMUNE = 2, UNIT_LEVELS = 3 };

typedef struct {
    char scheme[12];        /* "2025-07" or "pre-2025" */
    char level[12];         /* "province", "district" or "commune" */
    char code[8];           /* 2, 3 or 5 digits, leading zeros kept */
    char name[256];         /* "Phường Phúc Xá" */
    char kind[32];          /* Tỉnh, Thành phố; Quận, Huyện, Thị xã; Xã, Phường, Thị trấn, Đặc khu */
    char parent_code[8];    /* the district (pre-2025) or province (2025-07); "" for a province */
    char province_code[4];
} unit_rec;

/* What an import did, by level (enum unit_level). */
typedef struct {
    char scheme[12];            /* the scheme imported (detected or given) */
    long rows;                  /* data rows read */
    long added[UNIT_LEVELS];
    long changed[UNIT_LEVELS];
    long unchanged[UNIT_LEVELS];
} units_import_result;

/* Called for each unit of a listing; a non-zero return stops the listing. */
typedef int (*unit_cb)(const unit_rec *u, void *arg);

/* "province", "district", "commune" (untranslated), or "" for a bad level. */
const char *units_level_name(enum unit_level l);

/* The level of a level name, or -1. */
int units_level_of(const char *name);

/* True when s is "2025-07" or "pre-2025". */
bool units_scheme_valid(const char *s);

/* The level a code's length means: 2 digits province, 3 district, 5 commune;
 * -1 when code is not 2, 3 or 5 digits. */
int units_level_of_code(const char *code);

/* Imports a GSO list (three-tier with district columns = pre-2025, two-tier =
 * 2025-07; columns found by header name in any order; BOM, CRLF fine).
 * scheme NULL detects it from the header. Everything is checked before
 * anything is written; then one transaction adds new units and updates changed
 * ones (never deletes). On a malformed file nothing changes and e says
 * "FILE:LINE: reason". Returns 0 or -1. */
int units_import_csv(sqlite3 *db, const char *path, const char *scheme, units_import_result *res,
                     cdtt_err *e);

/* The same from the official lists built into the program (db/unit-lists/):
 * scheme "2025-07" (34 provinces, 3,321 communes) or "pre-2025" (the GSO list of
 * January 2025: 63 provinces, 696 districts, 10,051 communes). */
int units_import_builtin(sqlite3 *db, const char *scheme, units_import_result *res, cdtt_err *e);

/* Makes sure the file knows the communes of scheme: when it holds none, the
 * built-in list is imported. Returns 1 when it was, 0 when the file already had
 * a list of that scheme, -1 with e set on error. */
int units_ensure(sqlite3 *db, const char *scheme, cdtt_err *e);

/* units_ensure inside the caller's transaction (it begins none). */
int units_ensure_in(sqlite3 *db, const char *scheme, cdtt_err *e);

/* A file built into the program: "2025-07", "pre-2025" (the two lists) or
 * "mapping" (where each pre-2025 commune went on 1 July 2025, one row per old
 * and new commune). data is NUL-terminated; NULL for an unknown name. */
typedef struct {
    const char *data;
    size_t len;
    const char *name; /* its file name in db/unit-lists/ */
} units_builtin_file;
units_builtin_file units_builtin(const char *what);

/* Finds the unit with this scheme and code (the level follows from the code's
 * length). Returns 1 found (u filled), 0 not found, -1 with e set on error. */
int units_find(sqlite3 *db, const char *scheme, const char *code, unit_rec *u, cdtt_err *e);

/* Lists the provinces of a scheme in code order. Returns 0 or -1. */
int units_provinces(sqlite3 *db, const char *scheme, unit_cb cb, void *arg, cdtt_err *e);

/* Lists the communes of a province in code order whose folded name contains
 * the folded filter (accents and case ignored; NULL or "" = all), skipping
 * offset and giving at most limit (<= 0 = no limit). Returns 0 or -1. */
int units_communes(sqlite3 *db, const char *scheme, const char *province_code, const char *filter,
                   int offset, int limit, unit_cb cb, void *arg, cdtt_err *e);

/* The number of communes units_communes would list without offset and limit, or -1. */
long long units_count_communes(sqlite3 *db, const char *scheme, const char *province_code, const char *filter);

/* Lists every unit (scheme NULL = both schemes), or only those under the unit
 * `under` (its districts and communes), each province followed by its
 * districts and each district by its communes. Returns 0 or -1. */
int units_list(sqlite3 *db, const char *scheme, const char *under, unit_cb cb, void *arg, cdtt_err *e);

/* The number of units of a scheme (NULL = both) at a level (-1 = all levels), or -1. */
long long units_count(sqlite3 *db, const char *scheme, int level);

/* Where one pre-2025 commune went on 1 July 2025 (the built-in mapping). */
#define UNITS_MAX_TARGETS 8
typedef struct {
    char code[8];      /* the 2025-07 commune's code */
    char name[256];    /* its name */
    char province[4];  /* its province's code */
} units_target;
typedef struct {
    char old_name[256];  /* the pre-2025 commune's name */
    int divided;         /* Chia tách = Có: divided between the communes in to[] */
    int n;               /* how many new communes (1 when it went whole into one) */
    units_target to[UNITS_MAX_TARGETS];
} units_crossing;

/* Looks the pre-2025 commune code up in the built-in mapping. Returns 1 when
 * found (c filled, each new commune once, in the mapping's order), 0 when the
 * mapping has no row for it (c zeroed). */
int units_mapping_find(const char *old_code, units_crossing *c);

/* Finds the commune code in the built-in 2025-07 list. Returns 1 (t filled)
 * or 0 when the list has no such commune. */
int units_builtin_commune(const char *code, units_target *t);

/* The index in c->to of the new commune code, or -1 when the old commune did
 * not go (even in part) into it. */
int units_crossing_index(const units_crossing *c, const char *new_code);

#endif
