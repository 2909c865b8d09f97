/* fuzz_keys.h — the office the signature and encryption harnesses work for:
 * province 01 in an in-memory database whose key pair is made from a fixed
 * seed, so that every run (and every committed seed) knows its public key. */
#ifndef CDTT_FUZZ_KEYS_H
#define CDTT_FUZZ_KEYS_H

#include <sodium.h>
#include <sqlite3.h>

#include "db.h"
#include "fuzz_util.h"
#include "keys.h"
#include "office.h"

/* Stops the run (a finding) naming what failed when ok is false. */
static inline void fuzz_must(int ok, const char *harness, const char *what, const char *detail)
{
    if (!ok) {
        fprintf(stderr, "%s: %s%s%s\n", harness, what, detail ? ": " : "", detail ? detail : "");
        abort();
    }
}

/* Province 01's database (made once per process) with the fixed key pair;
 * its public key in pk. */
static inline sqlite3 *fuzz_keyed_office(unsigned char pk[KEY_PUBLIC_BYTES])
{
    static sqlite3 *db;
    static unsigned char public_key[KEY_PUBLIC_BYTES];
    if (!db) {
        fuzz_init_once();
        cdtt_err e = {{0}};
        fuzz_must(sodium_init() >= 0 && sqlite3_open(":memory:", &db) == SQLITE_OK, "fuzz_keys", "cannot start",
                  NULL);
        fuzz_must(db_migrate(db, &e) == 0, "fuzz_keys", "db_migrate", e.msg);
        office_rec o = {.scheme = "2025-07", .code = "01", .level = "province", .name = "Thành phố Hà Nội"};
        fuzz_must(office_set(db, &o, &e) == 0, "fuzz_keys", "office_set", e.msg);
        unsigned char seed[crypto_sign_SEEDBYTES], sk[crypto_sign_SECRETKEYBYTES];
        memset(seed, 0x2a, sizeof seed);
        crypto_sign_seed_keypair(public_key, sk, seed);
        sqlite3_stmt *st = NULL;
        fuzz_must(sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO office_key (id, public_key, secret_key, created_at) "
                                     "VALUES (1, ?1, ?2, '2026-01-01T00:00:00.000Z')", -1,
                                     &st, NULL) == SQLITE_OK, "fuzz_keys", "prepare", sqlite3_errmsg(db));
        sqlite3_bind_blob(st, 1, public_key, sizeof public_key, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, sk, sizeof sk, SQLITE_STATIC);
        fuzz_must(sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(db) == 1, "fuzz_keys", "set the key",
                  sqlite3_errmsg(db));
        sqlite3_finalize(st);
    }
    memcpy(pk, public_key, KEY_PUBLIC_BYTES);
    return db;
}

#endif
