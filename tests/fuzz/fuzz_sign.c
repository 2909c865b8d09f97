/* fuzz_sign.c — libFuzzer harness for the signature check of a package's
 * manifest (package_signature_check, db/package-sign.c), which decides who
 * sent a package.
 *
 * An input is a manifest: "key=value" lines (a line without "=" is a key with
 * an empty value; a key seen twice keeps its first value). Its first byte
 * chooses what happens:
 *   0  the manifest is checked as it is (public_key and signature lines
 *      included, if any);
 *   1  the manifest (without public_key and signature) is signed here with
 *      the fixed key of fuzz_keys.h, checked, then changed in one way chosen
 *      by the second byte (a value edited, a row removed, a row added, the
 *      key replaced by another, the signature cut) and checked again.
 * What must hold: the check returns 1, 0 or -1, and -1 says why; 0 only when
 * the manifest has neither key nor signature; a manifest signed here passes
 * with the signing key; and after any change to what was signed, the check
 * refuses it: nobody without the secret key can make one pass. */
#include "fuzz_keys.h"
#include "package-sign.h"
#include "package.h"

static const char NAME[] = "fuzz_sign";

/* A new in-memory package holding only the manifest table. */
static sqlite3 *new_manifest(void)
{
    sqlite3 *db = NULL;
    fuzz_must(sqlite3_open(":memory:", &db) == SQLITE_OK, NAME, "cannot open :memory:", NULL);
    fuzz_must(sqlite3_exec(db, PACKAGE_MANIFEST_DDL, NULL, NULL, NULL) == SQLITE_OK, NAME, "manifest table",
              sqlite3_errmsg(db));
    return db;
}

/* Runs one statement with up to two text parameters (NULL: none); returns the rows changed. */
static int run(sqlite3 *db, const char *sql, const char *a, const char *b)
{
    sqlite3_stmt *st = NULL;
    fuzz_must(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, NAME, sql, sqlite3_errmsg(db));
    if (a)
        sqlite3_bind_text(st, 1, a, -1, SQLITE_TRANSIENT);
    if (b)
        sqlite3_bind_text(st, 2, b, -1, SQLITE_TRANSIENT);
    fuzz_must(sqlite3_step(st) == SQLITE_DONE, NAME, sql, sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return sqlite3_changes(db);
}

/* Fills the manifest from text's lines; skips public_key and signature when
 * unsigned_only. Returns the number of rows. */
static int fill(sqlite3 *db, char *text, int unsigned_only)
{
    int rows = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char *eq = strchr(line, '=');
        const char *value = "";
        if (eq) {
            *eq = '\0';
            value = eq + 1;
        }
        if (unsigned_only && (strcmp(line, "public_key") == 0 || strcmp(line, "signature") == 0))
            continue;
        rows += run(db, "INSERT OR IGNORE INTO manifest (key, value) VALUES (?1, ?2)", line, value);
    }
    return rows;
}

/* Checks the manifest; checks what every outcome must hold. Returns the result. */
static int check(sqlite3 *db, unsigned char pk[KEY_PUBLIC_BYTES])
{
    cdtt_err e = {{0}};
    int rc = package_signature_check(db, "main", pk, &e);
    fuzz_must(rc == 1 || rc == 0 || rc == -1, NAME, "the check returned something else", NULL);
    fuzz_must(rc != -1 || e.msg[0], NAME, "refused without a reason", NULL);
    if (rc == 0) {
        sqlite3_stmt *st = NULL;
        fuzz_must(sqlite3_prepare_v2(db, "SELECT count(*) FROM manifest WHERE key IN ('public_key', 'signature')",
                                     -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW,
                  NAME, "count", sqlite3_errmsg(db));
        fuzz_must(sqlite3_column_int(st, 0) == 0, NAME, "'unsigned' said of a manifest with a key or signature",
                  NULL);
        sqlite3_finalize(st);
    }
    return rc;
}

/* Changes the signed manifest in the way how chooses; returns 0 when that way
 * does not apply to it (nothing changed). */
static int change(sqlite3 *db, uint8_t how)
{
    switch (how % 5) {
    case 0: /* a value edited */
        return run(db, "UPDATE manifest SET value = value || 'x' WHERE key = (SELECT min(key) FROM manifest "
                       "WHERE key NOT IN ('public_key', 'signature'))", NULL, NULL);
    case 1: /* a row removed */
        return run(db, "DELETE FROM manifest WHERE key = (SELECT max(key) FROM manifest "
                       "WHERE key NOT IN ('public_key', 'signature'))", NULL, NULL);
    case 2: /* a row added */
        return run(db, "INSERT OR IGNORE INTO manifest (key, value) VALUES ('zz-added', '1')", NULL, NULL);
    case 3: { /* another key put in: the signature is no longer its own */
        unsigned char other[KEY_PUBLIC_BYTES];
        char hex[2 * KEY_PUBLIC_BYTES + 1];
        memset(other, 0x11, sizeof other);
        sodium_bin2hex(hex, sizeof hex, other, sizeof other);
        return run(db, "UPDATE manifest SET value = ?1 WHERE key = 'public_key'", hex, NULL);
    }
    default: /* the signature cut */
        return run(db, "UPDATE manifest SET value = substr(value, 3) WHERE key = 'signature'", NULL, NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    unsigned char mine[KEY_PUBLIC_BYTES], pk[KEY_PUBLIC_BYTES];
    sqlite3 *office = fuzz_keyed_office(mine);
    char *text = fuzz_cstr(data + 2, size - 2);
    sqlite3 *pkg = new_manifest();
    if (data[0] % 2 == 0) {
        fill(pkg, text, 0);
        check(pkg, pk);
    } else {
        fill(pkg, text, 1);
        cdtt_err e = {{0}};
        fuzz_must(package_sign_manifest(pkg, office, &e) == 0, NAME, "cannot sign", e.msg);
        fuzz_must(check(pkg, pk) == 1, NAME, "a manifest signed here does not pass", NULL);
        fuzz_must(memcmp(pk, mine, sizeof pk) == 0, NAME, "the check names another key than the signer's", NULL);
        if (change(pkg, data[1]))
            fuzz_must(check(pkg, pk) == -1, NAME, "a changed manifest still passes its signature", NULL);
    }
    sqlite3_close(pkg);
    free(text);
    return 0;
}
