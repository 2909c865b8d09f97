/* package-sign.c — signing a package's manifest and deciding whether the level
 * above trusts it (see package-sign.h). */
#include "package-sign.h"
#include "db.h"
#include "package.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The manifest of schema as "key=value\n" lines in key order, every key but
 * signature (malloc'd), or NULL with e set. */
static char *signed_text(sqlite3 *db, const char *schema, cdtt_err *e)
{
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT key, value FROM \"%s\".manifest WHERE key <> 'signature' ORDER BY key",
             schema);
    sqlite3_stmt *st = db_prepare(db, sql, e);
    if (!st)
        return NULL;
    size_t cap = 1024, len = 0;
    char *out = xmalloc(cap);
    out[0] = '\0';
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *k = (const char *)sqlite3_column_text(st, 0), *v = (const char *)sqlite3_column_text(st, 1);
        size_t need = len + strlen(k ? k : "") + strlen(v ? v : "") + 3;
        if (need > cap) {
            cap = need * 2;
            out = xrealloc(out, cap);
        }
        len += (size_t)snprintf(out + len, cap - len, "%s=%s\n", k ? k : "", v ? v : "");
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(out);
        db_fail(db, e, _("cannot read the package's manifest"));
        return NULL;
    }
    return out;
}

int package_sign_manifest(sqlite3 *pkg, sqlite3 *office_db, cdtt_err *e)
{
    unsigned char pk[KEY_PUBLIC_BYTES], sig[KEY_SIGNATURE_BYTES];
    char pk_hex[2 * KEY_PUBLIC_BYTES + 1], sig_hex[2 * KEY_SIGNATURE_BYTES + 1];
    if (keys_public(office_db, pk, e) < 0)
        return -1;
    sodium_bin2hex(pk_hex, sizeof pk_hex, pk, sizeof pk);
    char *text = package_manifest_put(pkg, "public_key", pk_hex, e) == 0 ? signed_text(pkg, "main", e) : NULL;
    if (!text || keys_sign(office_db, text, strlen(text), sig, e) < 0) {
        free(text);
        return -1;
    }
    free(text);
    sodium_bin2hex(sig_hex, sizeof sig_hex, sig, sizeof sig);
    return package_manifest_put(pkg, "signature", sig_hex, e);
}

/* The manifest value of key in schema as exactly n bytes decoded from hex into
 * out. Returns 1 found and decoded, 0 absent, -1 present but not n bytes of hex. */
static int manifest_hex(sqlite3 *db, const char *schema, const char *key, unsigned char *out, size_t n)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT value FROM \"%s\".manifest WHERE key = ?1", schema);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int found = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *hex = (const char *)sqlite3_column_text(st, 0);
        size_t got = 0;
        found = hex && strlen(hex) == 2 * n && sodium_hex2bin(out, n, hex, 2 * n, NULL, &got, NULL) == 0 && got == n
                    ? 1
                    : -1;
    }
    sqlite3_finalize(st);
    return found;
}

int package_signature_check(sqlite3 *db, const char *schema, unsigned char pk[KEY_PUBLIC_BYTES], cdtt_err *e)
{
    if (sodium_init() < 0)
        return err_set(e, "%s", _("the cryptography library (libsodium) cannot start"));
    unsigned char sig[KEY_SIGNATURE_BYTES];
    int has_pk = manifest_hex(db, schema, "public_key", pk, KEY_PUBLIC_BYTES);
    int has_sig = manifest_hex(db, schema, "signature", sig, KEY_SIGNATURE_BYTES);
    if (has_pk == 0 && has_sig == 0)
        return 0;
    if (has_pk != 1 || has_sig != 1)
        return err_set(e, "%s", _("the package's signature is damaged"));
    char *text = signed_text(db, schema, e);
    if (!text)
        return -1;
    int ok = keys_verify(pk, text, strlen(text), sig);
    free(text);
    return ok ? 1 : err_set(e, "%s", _("the package's signature does not match its content: it was edited "
                                       "after it was made, or damaged"));
}

/* The code of an office (of any scheme) whose pinned key is pk, other than
 * scheme:code, into other; 1 when there is one. */
static int pinned_elsewhere(sqlite3 *db, const char *scheme, const char *code, const unsigned char *pk,
                            char other[40])
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(db,
            "SELECT scheme || ':' || code || ' ' || name FROM known_key WHERE role = 'below' AND public_key = ?1 "
            "AND NOT (scheme = ?2 AND code = ?3) LIMIT 1", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_blob(st, 1, pk, KEY_PUBLIC_BYTES, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, scheme, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, code, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW) {
            snprintf(other, 40, "%s", (const char *)sqlite3_column_text(st, 0));
            found = 1;
        }
    }
    sqlite3_finalize(st);
    return found;
}

/* package_trust's decision; with replacing, a new key takes the pinned one's place. */
static int trust(sqlite3 *db, const char *scheme, const char *code, const char *name, int is_signed,
                 const unsigned char pk[KEY_PUBLIC_BYTES], int dry_run, int replacing, int *replaced_key,
                 cdtt_err *e)
{
    if (replaced_key)
        *replaced_key = 0;
    known_key pinned;
    int has = keys_known_get(db, scheme, code, KEY_ROLE_BELOW, &pinned, e);
    if (has < 0)
        return -1;
    char fp[KEY_FINGERPRINT_LEN] = "";
    if (is_signed)
        keys_fingerprint(pk, fp);
    if (!is_signed && replacing)
        return 0; /* an older cdtt's file, replacing the office's data on the officer's word */
    if (!is_signed)
        return has ? err_set(e, _("the package of %s %s is not signed, but this office knows its key "
                                  "(fingerprint %s): a package from that office must be signed with it"),
                             code, name, pinned.fingerprint)
                   : 0; /* made by an older cdtt: nothing to check it with yet */
    char other[40];
    if (pinned_elsewhere(db, scheme, code, pk, other))
        return err_set(e, _("the package of %s %s is signed with the key of another office (%s): a copy of that "
                            "office's file made into %s? Nothing was imported"), code, name, other, code);
    if (has && memcmp(pinned.pk, pk, KEY_PUBLIC_BYTES) == 0)
        return 0;
    if (!has)
        return dry_run ? 0 : keys_known_put(db, scheme, code, KEY_ROLE_BELOW, pk, name, "first-use", e);
    if (replacing) {
        if (replaced_key)
            *replaced_key = 1;
        return dry_run ? 0 : keys_known_put(db, scheme, code, KEY_ROLE_BELOW, pk, name, "replaced", e);
    }
    /* Another key: kept as an offer, outside the import's transaction when there is none. */
    cdtt_err ignore;
    keys_known_put(db, scheme, code, KEY_ROLE_OFFERED, pk, name, "offered", &ignore);
    err_set(e, _("the package of %s %s is signed with a new key (fingerprint %s), not the one this office "
                        "knows (fingerprint %s). If the commune re-built its file, phone it and compare the new "
                        "fingerprint with what 'cdtt keys show' prints there; then import the package with "
                        "--replace (its data replaces the commune's, and its key the old one), or run: "
                        "cdtt keys trust %s %s"),
                   code, name, fp, pinned.fingerprint, code, fp);
    return PACKAGE_TRUST_NEW_KEY;
}

int package_trust(sqlite3 *db, const char *scheme, const char *code, const char *name, int is_signed,
                  const unsigned char pk[KEY_PUBLIC_BYTES], int dry_run, cdtt_err *e)
{
    return trust(db, scheme, code, name, is_signed, pk, dry_run, 0, NULL, e);
}

int package_trust_replacing(sqlite3 *db, const char *scheme, const char *code, const char *name, int is_signed,
                            const unsigned char pk[KEY_PUBLIC_BYTES], int dry_run, int *replaced_key,
                            cdtt_err *e)
{
    return trust(db, scheme, code, name, is_signed, pk, dry_run, 1, replaced_key, e);
}
