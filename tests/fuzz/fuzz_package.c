/* fuzz_package.c — the package verifier and importer (db/package-verify.c,
 * db/package-merge.c, db/package-manifest.c) on any file, through the same call
 * `cdtt import` makes: package_import(target, FILE, ...).
 *
 * The input is a package file. The target is a province's database (province 01
 * with commune 00004 and its neighbours in its unit list), fresh for every input,
 * in memory: an image built once is deserialized each time. What must hold:
 *   - a refusal says why and leaves the target byte for byte as it was;
 *   - an accepted package leaves a target that passes integrity_check and
 *     foreign_key_check, whose counts add up to the package's rows, with one
 *     import_log row more; importing it again changes nothing.
 * An accepted package is also merged into a second target that already holds the
 * demo commune's records, some changed here (conflicts), some older (updates),
 * some deleted, so that the merge's every branch is reached (its earlier package
 * is taken as one from an older cdtt, so that packages of other files merge too).
 *
 * Most mutations break the package's SHA-256 digest and stop at the verifier. To
 * reach the merge with mutated content too, a refused package whose digest or row
 * counts do not match its content is resealed (its manifest's digest and counts
 * rewritten from its content, as an attacker would) and imported again: every
 * other check still runs.
 *
 * A SQLite file's size is its page size times its page count, and every page
 * sits at a fixed offset: a mutation that inserts or erases bytes is refused at
 * once (the size check) or leaves nothing readable. So seven mutations in eight
 * keep the input's size (LLVMFuzzerCustomMutator below): bytes change in place;
 * the eighth may change the size, so that the size checks are fuzzed too.
 *
 * Seeds: real packages written by `cdtt export` from `cdtt demo` (tests/fuzz/make-seeds.sh);
 * dictionary fuzz_package.dict; flags (-max_len) in fuzz_package.flags. */
#include "db.h"
#include "demo.h"
#include "fuzz_util.h"
#include "office.h"
#include "package.h"
#include "schema.h"
#include "sha256.h"

/* A database image (sqlite3_serialize output). */
typedef struct {
    unsigned char *bytes;
    sqlite3_int64 size;
} image;

/* The office of the demo commune, whose package the prefilled target holds. */
static const char COMMUNE[] = "00004";

/* Stops the run (a finding) with what failed when ok is false. */
static void must(int ok, const char *what, const char *detail)
{
    if (!ok) {
        fprintf(stderr, "fuzz_package: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
        abort();
    }
}

/* Runs constant SQL of the harness's own; any error stops the run. */
static void must_exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
    must(rc == SQLITE_OK, sql, msg);
    sqlite3_free(msg);
}

/* A copy of db's main database as bytes (sqlite3_free them). */
static image snapshot(sqlite3 *db)
{
    image im = {NULL, 0};
    im.bytes = sqlite3_serialize(db, "main", &im.size, 0);
    must(im.bytes != NULL, "cannot serialize the target", NULL);
    return im;
}

/* A new in-memory connection holding a copy of im, set up as db_open sets up a file. */
static sqlite3 *from_image(const image *im)
{
    sqlite3 *db = NULL;
    must(sqlite3_open(":memory:", &db) == SQLITE_OK, "cannot open :memory:", NULL);
    unsigned char *copy = sqlite3_malloc64((sqlite3_uint64)im->size);
    must(copy != NULL, "out of memory", NULL);
    memcpy(copy, im->bytes, (size_t)im->size);
    must(sqlite3_deserialize(db, "main", copy, im->size, im->size,
                             SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE) == SQLITE_OK,
         "cannot deserialize the target", sqlite3_errmsg(db));
    must_exec(db, "PRAGMA foreign_keys = ON");
    return db;
}

/* The empty province database: schema, office, unit list. */
static sqlite3 *make_province(void)
{
    sqlite3 *db = NULL;
    cdtt_err e = {{0}};
    must(sqlite3_open(":memory:", &db) == SQLITE_OK, "cannot open :memory:", NULL);
    must_exec(db, "PRAGMA foreign_keys = ON");
    must(db_migrate(db, &e) == 0, "db_migrate", e.msg);
    office_rec o = {.scheme = "2025-07", .code = "01", .level = "province", .name = "Thành phố Hà Nội"};
    must(office_set(db, &o, &e) == 0, "office_set", e.msg);
    must_exec(db,
        "INSERT INTO unit (scheme, level, code, name, parent_code, province_code, name_fold) VALUES "
        "('2025-07', 'province', '01', 'Thành phố Hà Nội', NULL, '01', 'thanh pho ha noi'),"
        "('2025-07', 'commune', '00004', 'Phường Ba Đình', '01', '01', 'phuong ba dinh'),"
        "('2025-07', 'commune', '00008', 'Phường Ngọc Hà', '01', '01', 'phuong ngoc ha'),"
        "('2025-07', 'province', '79', 'Thành phố Hồ Chí Minh', NULL, '79', 'thanh pho ho chi minh'),"
        "('2025-07', 'commune', '26740', 'Phường Sài Gòn', '79', '79', 'phuong sai gon')");
    return db;
}

/* Writes the package `cdtt init --office 00004 && cdtt demo --members 30 && cdtt export --full`
 * makes (the seeds' records) to path. */
static void make_commune_package(const char *dir, const char *path)
{
    char file[4200];
    snprintf(file, sizeof file, "%s/commune.db", dir);
    cdtt_err e = {{0}};
    sqlite3 *db = db_open(file, DB_CREATE, &e);
    must(db != NULL, "db_open", e.msg);
    office_rec o = {.scheme = "2025-07", .level = "commune", .name = "Phường Ba Đình"};
    snprintf(o.code, sizeof o.code, "%s", COMMUNE);
    must(office_set(db, &o, &e) == 0, "office_set", e.msg);
    demo_opts d = {.members = 30, .seed = 1};
    must(demo_generate(db, &d, NULL, &e) == 0, "demo_generate", e.msg);
    package_export_opts x = {.full = 1, .force = 1};
    must(package_export(db, path, &x, NULL, NULL, NULL, &e) == 0, "package_export", e.msg);
    db_close(db);
    unlink(file);
    char side[4300];
    snprintf(side, sizeof side, "%s-wal", file);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", file);
    unlink(side);
}

/* The province after importing the commune's package, then changed here: some
 * records older than the package (it updates them), some changed here since
 * (conflicts), some deleted here, one no longer here at all. */
static sqlite3 *make_prefilled(sqlite3 *province, const char *package)
{
    image im = snapshot(province);
    sqlite3 *db = from_image(&im);
    sqlite3_free(im.bytes);
    package_import_result r;
    must(package_import(db, package, 0, NULL, NULL, &r) == 0, "importing the demo package", r.err.msg);
    package_import_result_free(&r);
    must(r.c.n_new > 0, "the demo package brought no records", NULL);
    must_exec(db,
        "UPDATE member SET base_version = 0 WHERE rowid % 5 = 0;"
        "UPDATE member SET full_name = full_name || ' (tỉnh)', updated_at = '2099-01-01T00:00:00.000Z', "
        "  base_version = 0, changed_by = '2025-07:01' WHERE rowid % 5 = 1;"
        "UPDATE team SET deleted = 1, base_version = 0 WHERE rowid % 3 = 0;"
        "UPDATE activity SET updated_at = '2099-01-01T00:00:00.000Z', changed_by = '2025-07:01' "
        "  WHERE rowid % 2 = 0;"
        "DELETE FROM activity WHERE rowid % 4 = 1;"
        /* The seeds come from other files than this demo package: taken as from an
         * office whose earlier packages named no file (an older cdtt), they merge. */
        "UPDATE source_office SET instance_id = '', sequence = 0;"
        /* ... and signed with keys this target has not pinned yet. */
        "DELETE FROM known_key;");
    return db;
}

static image empty_target, prefilled_target;

/* Builds both target images, once per process. */
static void init_once(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    fuzz_init_once();
    const char *tmp = getenv("TMPDIR");
    char dir[4096], package[4200];
    snprintf(dir, sizeof dir, "%s/cdtt-fuzzpkg.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    must(mkdtemp(dir) != NULL, "mkdtemp", dir);
    snprintf(package, sizeof package, "%s/commune.cdtt", dir);
    make_commune_package(dir, package);
    sqlite3 *province = make_province();
    empty_target = snapshot(province);
    sqlite3 *prefilled = make_prefilled(province, package);
    prefilled_target = snapshot(prefilled);
    sqlite3_close(prefilled);
    sqlite3_close(province);
    unlink(package);
    rmdir(dir);
}

/* An integer query's value; an error stops the run. */
static long long scalar(sqlite3 *db, const char *sql)
{
    long long v = db_scalar_int(db, sql, -1);
    must(v >= 0, "query failed", sql);
    return v;
}

/* The target must be whole and consistent. */
static void check_sound(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    must(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK, "integrity_check", NULL);
    must(sqlite3_step(st) == SQLITE_ROW, "integrity_check", NULL);
    const char *res = (const char *)sqlite3_column_text(st, 0);
    must(res && strcmp(res, "ok") == 0, "the target fails integrity_check", res);
    sqlite3_finalize(st);
    must(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &st, NULL) == SQLITE_OK, "foreign_key_check",
         NULL);
    must(sqlite3_step(st) == SQLITE_DONE, "the target fails foreign_key_check",
         (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* With FUZZ_PACKAGE_VERBOSE set, says what each import did (to study seeds and crashes). */
static void tell(const char *target, const package_import_result *r)
{
    static int verbose = -1;
    if (verbose < 0)
        verbose = getenv("FUZZ_PACKAGE_VERBOSE") != NULL;
    if (!verbose)
        return;
    if (!r->ok)
        fprintf(stderr, "%s: refused: %s\n", target, r->err.msg);
    else
        fprintf(stderr, "%s: new %lld, updated %lld, unchanged %lld, deleted %lld, rejected %lld, conflicts %lld\n",
                target, r->c.n_new, r->c.n_updated, r->c.n_unchanged, r->c.n_deleted, r->c.n_rejected,
                r->c.n_conflicts);
}

/* How many rows the counts account for. */
static long long counted(const package_counts *c)
{
    return c->n_new + c->n_updated + c->n_unchanged + c->n_deleted + c->n_rejected + c->n_conflicts;
}

/* Imports path into a fresh copy of target and checks the outcome. Returns 1 when
 * the package was accepted, 0 when refused; *reason gets a refusal's message. */
/* The SHA-256 of every row of every table of db (in rowid order, each value as
 * text with its type), the keys offered by refused packages left out: what a
 * refusal must not change. */
static void content_digest(sqlite3 *db, char out[65])
{
    sha256_ctx c;
    sha256_init(&c);
    sqlite3_stmt *tables = NULL;
    must(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables,
                            NULL) == SQLITE_OK, "cannot list the tables", sqlite3_errmsg(db));
    while (sqlite3_step(tables) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(tables, 0);
        char sql[256];
        snprintf(sql, sizeof sql, strcmp(t, "known_key") == 0 ? "SELECT * FROM \"%s\" WHERE role <> 'offered'"
                                                              : "SELECT * FROM \"%s\"", t);
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
            continue; /* a virtual or internal table */
        sha256_update(&c, t, strlen(t) + 1);
        while (sqlite3_step(st) == SQLITE_ROW)
            for (int i = 0; i < sqlite3_column_count(st); i++) {
                char type = (char)('0' + sqlite3_column_type(st, i));
                sha256_update(&c, &type, 1);
                const unsigned char *v = sqlite3_column_text(st, i);
                sha256_update(&c, v ? (const char *)v : "", v ? (size_t)sqlite3_column_bytes(st, i) + 1 : 1);
            }
        sqlite3_finalize(st);
    }
    sqlite3_finalize(tables);
    sha256_final_hex(&c, out);
}

static int import_into(const image *target, const char *path, int again, char reason[512])
{
    sqlite3 *db = from_image(target);
    long long logs = scalar(db, "SELECT count(*) FROM import_log");
    package_import_result r;
    int rc = package_import(db, path, 0, NULL, NULL, &r);
    tell(target == &empty_target ? "empty target" : "prefilled target", &r);
    must(rc == 0 || rc == -1, "package_import returned neither 0 nor -1", NULL);
    must(r.ok == (rc == 0), "r.ok disagrees with the return value", NULL);
    if (rc < 0) {
        package_import_result_free(&r);
        must(r.err.msg[0] != '\0', "a refusal without a reason", NULL);
        must(counted(&r.c) == 0, "a refusal with counts", r.err.msg);
        /* Nothing changed but, for a package signed with a new key, that key kept
         * as an offer for 'cdtt keys trust'. */
        char before[65], after[65];
        sqlite3 *was = from_image(target);
        content_digest(was, before);
        sqlite3_close(was);
        content_digest(db, after);
        must(strcmp(before, after) == 0, "a refused package changed the target", r.err.msg);
        snprintf(reason, 512, "%s", r.err.msg);
        sqlite3_close(db);
        return 0;
    }
    check_sound(db);
    long long rows = 0;
    for (int i = 0; i < r.m.n_tables; i++)
        rows += r.m.rows[i];
    if (r.outcome == PACKAGE_OLDER) { /* older than the one imported: nothing done, nothing logged */
        must(counted(&r.c) == 0, "an older package with counts", NULL);
        must(scalar(db, "SELECT count(*) FROM import_log") == logs, "an older package logged", NULL);
        package_import_result_free(&r);
        sqlite3_close(db);
        return 1;
    }
    must(counted(&r.c) == rows, "the counts do not add up to the package's rows", NULL);
    must(scalar(db, "SELECT count(*) FROM import_log") == logs + 1, "no import_log row", NULL);
    package_import_result_free(&r);
    if (again) {
        package_import_result r2;
        must(package_import(db, path, 0, NULL, NULL, &r2) == 0, "a second import was refused", r2.err.msg);
        package_import_result_free(&r2);
        tell("  again", &r2);
        must(r2.c.n_new == 0 && r2.c.n_updated == 0 && r2.c.n_deleted == 0 && r2.c.n_conflicts == 0,
             "importing the same package twice changed the target", NULL);
        check_sound(db);
    }
    sqlite3_close(db);
    return 1;
}

/* Opens path for writing with its schema untrusted (as the verifier reads it). */
static sqlite3 *open_untrusted(const char *path)
{
    sqlite3 *p = NULL;
    if (sqlite3_open_v2(path, &p, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(p);
        return NULL;
    }
    db_distrust(p);
    return p;
}

/* Sets the manifest's key to value with st (UPDATE ... ?1 value, ?2 key).
 * Returns 0 when exactly that row changed, -1 otherwise. */
static int put_manifest(sqlite3_stmt *st, const char *key, const char *value)
{
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, value, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    return sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(sqlite3_db_handle(st)) == 1 ? 0 : -1;
}

/* Rewrites the manifest's digest and row counts of the file at path to match its
 * content. Returns 1 when it changed the file, 0 when there was nothing to reseal
 * (no readable manifest, content unreadable, or already consistent). */
static int reseal(const char *path)
{
    sqlite3 *p = open_untrusted(path);
    if (!p)
        return 0;
    int changed = 0;
    package_manifest m, again;
    cdtt_err e = {{0}};
    if (package_manifest_read(p, &m, &e) < 0)
        goto out;
    again = m;
    if (package_digest(p, "main", &again, &e) < 0)
        goto out;
    if (strcmp(again.digest, m.digest) == 0 && memcmp(again.rows, m.rows, sizeof m.rows) == 0)
        goto out;
    sqlite3_stmt *st = NULL;
    if (sqlite3_exec(p, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        goto out;
    if (sqlite3_prepare_v2(p, "UPDATE manifest SET value = ?1 WHERE key = ?2", -1, &st, NULL) == SQLITE_OK) {
        int bad = put_manifest(st, "digest", again.digest);
        for (int i = 0; !bad && i < again.n_tables; i++) {
            char key[64], num[32];
            snprintf(key, sizeof key, "rows.%s", SCHEMA_TRAVEL_TABLES[i]);
            snprintf(num, sizeof num, "%lld", again.rows[i]);
            bad = put_manifest(st, key, num);
        }
        sqlite3_finalize(st);
        changed = !bad && sqlite3_exec(p, "COMMIT", NULL, NULL, NULL) == SQLITE_OK;
    }
    if (!changed)
        sqlite3_exec(p, "ROLLBACK", NULL, NULL, NULL);
out:
    sqlite3_close(p);
    return changed;
}

/* Imports path into both targets when the empty one accepts it. Returns 1 when
 * accepted; otherwise reason gets why not. */
static int import_both(const char *path, char reason[512])
{
    if (!import_into(&empty_target, path, 1, reason))
        return 0;
    must(import_into(&prefilled_target, path, 1, reason), "refused by the prefilled target only", reason);
    return 1;
}

/* Whether a refusal was for a digest or row counts that do not match the content
 * (the verifier's messages, in English here): only then can resealing help. */
static int stale_seal(const char *reason)
{
    return strstr(reason, "SHA-256") != NULL || strstr(reason, "row counts") != NULL;
}

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);

/* libFuzzer's own mutations; seven in eight keep the input's size (see the top). */
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    if (size == 0 || seed % 8 == 0)
        return LLVMFuzzerMutate(data, size, max_size);
    static uint8_t *orig;
    static size_t cap;
    if (size > cap) {
        free(orig);
        cap = size;
        orig = malloc(cap);
        must(orig != NULL, "out of memory", NULL);
    }
    memcpy(orig, data, size);
    size_t n = LLVMFuzzerMutate(data, size, size);
    if (n < size)
        memcpy(data + n, orig + n, size - n); /* erased bytes: the tail comes back */
    return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    init_once();
    const char *path = fuzz_file(data, size, ".cdtt");
    char reason[512] = "";
    if (!import_both(path, reason) && stale_seal(reason) && reseal(path))
        import_both(path, reason);
    return 0;
}
