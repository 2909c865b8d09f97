/* fuzz_units.c — the unit-list importer (db/units.c) on any file, into an
 * in-memory database emptied after each run: an import or a clean error, and a
 * failed import writes nothing. */
#include "db.h"
#include "fuzz_util.h"
#include "units.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_init_once();
    const char *path = fuzz_file(data, size, ".csv");
    static sqlite3 *db;
    cdtt_err e = {{0}};
    if (!db && (sqlite3_open(":memory:", &db) != SQLITE_OK || db_migrate(db, &e) < 0))
        abort();
    units_import_result res;
    int scheme = size ? data[0] % 3 : 0; /* detected, or forced either way */
    const char *forced = scheme == 1 ? "2025-07" : scheme == 2 ? "pre-2025" : NULL;
    if (units_import_csv(db, path, forced, &res, &e) < 0) {
        if (!e.msg[0] || units_count(db, "2025-07", -1) != 0 || units_count(db, "pre-2025", -1) != 0)
            abort();
    }
    if (sqlite3_exec(db, "DELETE FROM unit", NULL, NULL, NULL) != SQLITE_OK)
        abort();
    return 0;
}
