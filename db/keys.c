/* keys.c — the office's key pair and the keys it knows of other offices (see
 * keys.h), kept in the file's office_key and known_key tables. */
#include "keys.h"
#include "db.h"
#include "records-internal.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char *const ROLES[] = {"below", "above", "offered"};

/* libsodium ready for use. 0, or -1 with e set. */
static int sodium_ready(cdtt_err *e)
{
    return sodium_init() < 0 ? err_set(e, "%s", _("the cryptography library (libsodium) cannot start")) : 0;
}

/* Writes a new key pair as the file's only one (inside the caller's write). */
static int store_new_pair(sqlite3 *db, cdtt_err *e)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    char now[32];
    db_now(now);
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO office_key (id, public_key, secret_key, created_at) VALUES (1, ?1, ?2, ?3) "
        "ON CONFLICT (id) DO UPDATE SET public_key = ?1, secret_key = ?2, created_at = ?3", e);
    int rc = -1;
    if (st) {
        sqlite3_bind_blob(st, 1, pk, sizeof pk, SQLITE_STATIC);
        sqlite3_bind_blob(st, 2, sk, sizeof sk, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot store the office's key"));
    }
    sqlite3_finalize(st);
    sodium_memzero(sk, sizeof sk);
    return rc;
}

/* Runs one write in its own transaction, or in the caller's when one is open
 * (rec_tx: a savepoint there, so that a failure undoes only this write). */
static int in_write(sqlite3 *db, int (*fn)(sqlite3 *, cdtt_err *), cdtt_err *e)
{
    rec_tx tx;
    if (rec_tx_begin(db, &tx, e) < 0)
        return -1;
    int ok = fn(db, e) == 0;
    return rec_tx_end(db, &tx, ok, e);
}

static int ensure_in_tx(sqlite3 *db, cdtt_err *e)
{
    long long n = db_scalar_int(db, "SELECT count(*) FROM office_key", -1);
    if (n < 0)
        return db_fail(db, e, _("cannot read the office's key"));
    return n ? 0 : store_new_pair(db, e);
}

int keys_ensure(sqlite3 *db, cdtt_err *e)
{
    if (sodium_ready(e) < 0)
        return -1;
    if (db_scalar_int(db, "SELECT count(*) FROM office_key", -1) == 1)
        return 0;
    return in_write(db, ensure_in_tx, e);
}

int keys_renew(sqlite3 *db, cdtt_err *e)
{
    return sodium_ready(e) < 0 ? -1 : in_write(db, store_new_pair, e);
}

/* Copies column col (a blob of exactly n bytes) of the file's key row into out. */
static int read_key(sqlite3 *db, const char *col, unsigned char *out, size_t n, cdtt_err *e)
{
    if (keys_ensure(db, e) < 0)
        return -1;
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT %s FROM office_key WHERE id = 1", col);
    sqlite3_stmt *st = db_prepare(db, sql, e);
    int rc = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW && (size_t)sqlite3_column_bytes(st, 0) == n) {
        memcpy(out, sqlite3_column_blob(st, 0), n);
        rc = 0;
    } else if (st) {
        err_set(e, "%s", _("the office's key in this file is damaged"));
    }
    sqlite3_finalize(st);
    return rc;
}

int keys_public(sqlite3 *db, unsigned char pk[KEY_PUBLIC_BYTES], cdtt_err *e)
{
    return read_key(db, "public_key", pk, KEY_PUBLIC_BYTES, e);
}

int keys_sign(sqlite3 *db, const void *msg, size_t n, unsigned char sig[KEY_SIGNATURE_BYTES], cdtt_err *e)
{
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    if (read_key(db, "secret_key", sk, sizeof sk, e) < 0)
        return -1;
    crypto_sign_detached(sig, NULL, msg, n, sk);
    sodium_memzero(sk, sizeof sk);
    return 0;
}

int keys_open_sealed(sqlite3 *db, const unsigned char *sealed, size_t n, unsigned char *out, size_t out_n,
                     cdtt_err *e)
{
    unsigned char pk[KEY_PUBLIC_BYTES], sk[crypto_sign_SECRETKEYBYTES];
    unsigned char xpk[crypto_box_PUBLICKEYBYTES], xsk[crypto_box_SECRETKEYBYTES];
    if (read_key(db, "public_key", pk, sizeof pk, e) < 0 || read_key(db, "secret_key", sk, sizeof sk, e) < 0)
        return -1;
    int opened = n == out_n + crypto_box_SEALBYTES && crypto_sign_ed25519_pk_to_curve25519(xpk, pk) == 0 &&
                 crypto_sign_ed25519_sk_to_curve25519(xsk, sk) == 0 &&
                 crypto_box_seal_open(out, sealed, n, xpk, xsk) == 0;
    sodium_memzero(sk, sizeof sk);
    sodium_memzero(xsk, sizeof xsk);
    return opened;
}

int keys_verify(const unsigned char pk[KEY_PUBLIC_BYTES], const void *msg, size_t n,
                const unsigned char sig[KEY_SIGNATURE_BYTES])
{
    return sodium_init() >= 0 && crypto_sign_verify_detached(sig, msg, n, pk) == 0;
}

void keys_fingerprint(const unsigned char pk[KEY_PUBLIC_BYTES], char out[KEY_FINGERPRINT_LEN])
{
    unsigned char h[crypto_hash_sha256_BYTES];
    if (sodium_init() < 0) {
        snprintf(out, KEY_FINGERPRINT_LEN, "?");
        return;
    }
    crypto_hash_sha256(h, pk, KEY_PUBLIC_BYTES);
    /* Four groups of five digits, each from 4 bytes of the hash (2^32 > 10^5). */
    size_t len = 0;
    for (int g = 0; g < 4; g++) {
        unsigned long v = ((unsigned long)h[4 * g] << 24) | ((unsigned long)h[4 * g + 1] << 16) |
                          ((unsigned long)h[4 * g + 2] << 8) | h[4 * g + 3];
        len += (size_t)snprintf(out + len, KEY_FINGERPRINT_LEN - len, "%s%05lu", g ? " " : "", v % 100000UL);
    }
}

/* ---- keys of other offices ---------------------------------------------- */

static const char KNOWN_COLS[] = "scheme, code, role, public_key, name, added_at, how";

/* Fills k from a row of KNOWN_COLS; -1 when the stored key is damaged. */
static int known_from_row(sqlite3_stmt *st, known_key *k)
{
    memset(k, 0, sizeof *k);
    snprintf(k->scheme, sizeof k->scheme, "%s", (const char *)sqlite3_column_text(st, 0));
    snprintf(k->code, sizeof k->code, "%s", (const char *)sqlite3_column_text(st, 1));
    const char *role = (const char *)sqlite3_column_text(st, 2);
    for (int i = 0; i < 3; i++)
        if (strcmp(role, ROLES[i]) == 0)
            k->role = (key_role)i;
    if (sqlite3_column_bytes(st, 3) != KEY_PUBLIC_BYTES)
        return -1;
    memcpy(k->pk, sqlite3_column_blob(st, 3), KEY_PUBLIC_BYTES);
    keys_fingerprint(k->pk, k->fingerprint);
    snprintf(k->name, sizeof k->name, "%s", (const char *)sqlite3_column_text(st, 4));
    snprintf(k->added_at, sizeof k->added_at, "%s", (const char *)sqlite3_column_text(st, 5));
    snprintf(k->how, sizeof k->how, "%s", (const char *)sqlite3_column_text(st, 6));
    return 0;
}

int keys_known_get(sqlite3 *db, const char *scheme, const char *code, key_role role, known_key *k, cdtt_err *e)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT %s FROM known_key WHERE scheme = ?1 AND code = ?2 AND role = ?3", KNOWN_COLS);
    sqlite3_stmt *st = db_prepare(db, sql, e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, ROLES[role], -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    int found = rc == SQLITE_ROW ? 1 : 0;
    if (found && known_from_row(st, k) < 0)
        found = err_set(e, _("the key kept for office %s is damaged"), code);
    else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        found = db_fail(db, e, _("cannot read the keys of other offices"));
    sqlite3_finalize(st);
    return found;
}

int keys_known_put(sqlite3 *db, const char *scheme, const char *code, key_role role,
                   const unsigned char pk[KEY_PUBLIC_BYTES], const char *name, const char *how, cdtt_err *e)
{
    char now[32];
    db_now(now);
    sqlite3_stmt *st = db_prepare(db,
        "INSERT INTO known_key (scheme, code, role, public_key, name, added_at, how) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (scheme, code, role) DO UPDATE SET "
        "public_key = ?4, name = ?5, added_at = ?6, how = ?7", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, scheme, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, ROLES[role], -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 4, pk, KEY_PUBLIC_BYTES, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, name ? name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, now, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, how, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot store the key"));
    sqlite3_finalize(st);
    return rc;
}

int keys_known_each(sqlite3 *db, int (*fn)(const known_key *k, void *arg), void *arg, cdtt_err *e)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT %s FROM known_key ORDER BY scheme, code, role", KNOWN_COLS);
    sqlite3_stmt *st = db_prepare(db, sql, e);
    if (!st)
        return -1;
    int rc;
    known_key k;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (known_from_row(st, &k) == 0 && fn(&k, arg) != 0)
            break;
    int ok = rc == SQLITE_ROW || rc == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok ? 0 : db_fail(db, e, _("cannot read the keys of other offices"));
}

/* fingerprint with every non-digit removed, into out (n bytes). */
static void digits_of(const char *fingerprint, char *out, size_t n)
{
    size_t len = 0;
    for (const char *p = fingerprint; *p && len + 1 < n; p++)
        if (isdigit((unsigned char)*p))
            out[len++] = *p;
    out[len] = '\0';
}

typedef struct {
    const char *code;
    char want[32];
    known_key found;
    int n_offers, matched;
    char offers[256];
} trust_search;

static int find_offer(const known_key *k, void *arg)
{
    trust_search *t = arg;
    if (k->role != KEY_ROLE_OFFERED || strcmp(k->code, t->code) != 0)
        return 0;
    char have[32];
    digits_of(k->fingerprint, have, sizeof have);
    size_t len = strlen(t->offers);
    snprintf(t->offers + len, sizeof t->offers - len, "%s%s", t->n_offers++ ? ", " : "", k->fingerprint);
    if (strcmp(have, t->want) == 0) {
        t->found = *k;
        t->matched = 1;
    }
    return 0;
}

int keys_trust(sqlite3 *db, const char *code, const char *fingerprint, cdtt_err *e)
{
    trust_search t = {.code = code};
    digits_of(fingerprint, t.want, sizeof t.want);
    if (keys_known_each(db, find_offer, &t, e) < 0)
        return -1;
    if (!t.n_offers)
        return err_set(e, _("no package of office %s has come with a new key: nothing to trust"), code);
    if (!t.matched)
        return err_set(e, _("the key office %s's package came with has the fingerprint %s, not %s: check it "
                            "with the commune (cdtt keys show there)"), code, t.offers, fingerprint);
    if (db_begin(db, e) < 0)
        return -1;
    int rc = keys_known_put(db, t.found.scheme, code, KEY_ROLE_BELOW, t.found.pk, t.found.name, "trusted", e);
    if (rc == 0) {
        sqlite3_stmt *st = db_prepare(db, "DELETE FROM known_key WHERE code = ?1 AND role = 'offered'", e);
        if (st) {
            sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
            rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, e, _("cannot store the key"));
        } else {
            rc = -1;
        }
        sqlite3_finalize(st);
    }
    if (rc == 0)
        return db_commit(db, e);
    db_rollback(db);
    return -1;
}

int keys_forget(sqlite3 *db, const char *code, cdtt_err *e)
{
    sqlite3_stmt *st = db_prepare(db, "DELETE FROM known_key WHERE code = ?1", e);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st) == SQLITE_DONE ? sqlite3_changes(db) : db_fail(db, e, _("cannot forget the key"));
    sqlite3_finalize(st);
    return rc;
}

/* ---- the key as a line of text ------------------------------------------ */

void keys_line(const char *scheme, const char *code, const unsigned char pk[KEY_PUBLIC_BYTES], const char *name,
               char *out, size_t n)
{
    char hex[2 * KEY_PUBLIC_BYTES + 1];
    if (sodium_init() < 0) { /* bin2hex needs no initialisation; say so if it ever does */
        snprintf(out, n, "?");
        return;
    }
    sodium_bin2hex(hex, sizeof hex, pk, KEY_PUBLIC_BYTES);
    snprintf(out, n, "cdtt-key-1 %s %s %s %s", scheme, code, hex, name ? name : "");
}

int keys_parse_line(const char *line, char scheme[12], char code[12], unsigned char pk[KEY_PUBLIC_BYTES],
                    char name[404], cdtt_err *e)
{
    char tag[16], hex[80];
    int used = 0;
    while (*line == ' ' || *line == '\t' || *line == '\r' || *line == '\n')
        line++;
    if (sscanf(line, "%15s %11s %11s %79s %n", tag, scheme, code, hex, &used) < 4 || strcmp(tag, "cdtt-key-1") != 0)
        return err_set(e, "%s", _("this is not a cdtt key (a line 'cdtt-key-1 SCHEME CODE KEY NAME' was expected)"));
    size_t bin_len = 0;
    if (strlen(hex) != 2 * KEY_PUBLIC_BYTES || sodium_init() < 0 ||
        sodium_hex2bin(pk, KEY_PUBLIC_BYTES, hex, strlen(hex), NULL, &bin_len, NULL) != 0 ||
        bin_len != KEY_PUBLIC_BYTES)
        return err_set(e, "%s", _("the key in this line is damaged (64 hexadecimal digits were expected)"));
    snprintf(name, 404, "%s", line + used);
    size_t l = strlen(name);
    while (l && (name[l - 1] == '\n' || name[l - 1] == '\r' || name[l - 1] == ' '))
        name[--l] = '\0';
    return 0;
}
