/* keys.h — the office's own key pair (Ed25519, from libsodium), which signs the
 * packages it sends, and the keys it knows of other offices: each office below,
 * pinned the first time a package of theirs is imported (as SSH pins host keys),
 * and the office above, to which packages are encrypted. */
#ifndef CDTT_KEYS_H
#define CDTT_KEYS_H

#include <sqlite3.h>
#include <stddef.h>
#include "cdtt.h"

#define KEY_PUBLIC_BYTES 32
#define KEY_SIGNATURE_BYTES 64
/* "12345 67890 12345 67890": four groups of five digits, read over the phone. */
#define KEY_FINGERPRINT_LEN 24

/* Makes sure the file has its key pair, making one the first time. Returns 0,
 * or -1 with e set. */
int keys_ensure(sqlite3 *db, cdtt_err *e);

/* Replaces the file's key pair by a new one (the file now speaks for another
 * office: its packages must not be taken for the old office's). 0 or -1. */
int keys_renew(sqlite3 *db, cdtt_err *e);

/* The file's public key (made first when missing). 0 or -1 with e set. */
int keys_public(sqlite3 *db, unsigned char pk[KEY_PUBLIC_BYTES], cdtt_err *e);

/* Signs msg[0..n) with the file's secret key. 0 or -1 with e set. */
int keys_sign(sqlite3 *db, const void *msg, size_t n, unsigned char sig[KEY_SIGNATURE_BYTES], cdtt_err *e);

/* Opens sealed[0..n) (crypto_box_seal to the X25519 form of this file's
 * public key) with the file's secret key into out (exactly out_n bytes).
 * Returns 1 opened, 0 when it does not open (damaged, or sealed to another
 * key), -1 with e set when the file's key cannot be read. */
int keys_open_sealed(sqlite3 *db, const unsigned char *sealed, size_t n, unsigned char *out, size_t out_n,
                     cdtt_err *e);

/* True when sig is pk's signature of msg[0..n). */
int keys_verify(const unsigned char pk[KEY_PUBLIC_BYTES], const void *msg, size_t n,
                const unsigned char sig[KEY_SIGNATURE_BYTES]);

/* The fingerprint of pk: four groups of five digits from its SHA-256. */
void keys_fingerprint(const unsigned char pk[KEY_PUBLIC_BYTES], char out[KEY_FINGERPRINT_LEN]);

/* ---- keys of other offices ---------------------------------------------- */
typedef enum {
    KEY_ROLE_BELOW = 0, /* an office below: its packages must be signed with this key */
    KEY_ROLE_ABOVE,     /* the office above: packages are encrypted to this key */
    KEY_ROLE_OFFERED,   /* a key an office below's package came with that differs from
                           the pinned one: waits for an officer to trust it */
} key_role;

typedef struct {
    char scheme[12], code[12];
    key_role role;
    unsigned char pk[KEY_PUBLIC_BYTES];
    char fingerprint[KEY_FINGERPRINT_LEN];
    char name[404];
    char added_at[32];
    char how[16]; /* "first-use", "trusted", "imported", "offered" */
} known_key;

/* The key of role for office scheme:code. Returns 1 found, 0 none, -1 with e set. */
int keys_known_get(sqlite3 *db, const char *scheme, const char *code, key_role role, known_key *k, cdtt_err *e);

/* Stores (or replaces) the key of role for office scheme:code, saying how it
 * came (how). Inside the caller's transaction when there is one. 0 or -1. */
int keys_known_put(sqlite3 *db, const char *scheme, const char *code, key_role role,
                   const unsigned char pk[KEY_PUBLIC_BYTES], const char *name, const char *how, cdtt_err *e);

/* Calls fn for every known key, by office then role; non-zero stops. 0 or -1. */
int keys_known_each(sqlite3 *db, int (*fn)(const known_key *k, void *arg), void *arg, cdtt_err *e);

/* An officer's word: the key offered by office code (any scheme of this file)
 * whose fingerprint is fingerprint (spaces ignored) becomes that office's
 * pinned key. Returns 0, or -1 with e saying why (no such offer, another
 * fingerprint: the offers are listed). */
int keys_trust(sqlite3 *db, const char *code, const char *fingerprint, cdtt_err *e);

/* Forgets every key known for office code (it will be pinned again at its next
 * package). Returns the number of keys forgotten, or -1 with e set. */
int keys_forget(sqlite3 *db, const char *code, cdtt_err *e);

/* ---- the key as a line of text ------------------------------------------ */
/* "cdtt-key-1 SCHEME CODE HEX64 NAME": what `cdtt keys export` writes and
 * `cdtt keys import` reads, small enough to send as a Zalo message. */
void keys_line(const char *scheme, const char *code, const unsigned char pk[KEY_PUBLIC_BYTES], const char *name,
               char *out, size_t n);

/* Reads such a line (surrounding white space ignored). 0, or -1 with e set. */
int keys_parse_line(const char *line, char scheme[12], char code[12], unsigned char pk[KEY_PUBLIC_BYTES],
                    char name[404], cdtt_err *e);

#endif
