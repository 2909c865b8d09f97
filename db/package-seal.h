/* package-seal.h — a package encrypted to the office it is sent to, so that a
 * --full package (CCCD, phones) can travel by Zalo, e-mail or USB stick: only
 * the holder of that office's file can open it.
 *
 * The sealed file: the magic line "CDTT-SEALED-1\n", the recipient office
 * ("SCHEME:CODE", 24 bytes, NUL-padded) and its public key (32 bytes), a random
 * stream key sealed to the recipient (libsodium crypto_box_seal to the X25519
 * form of its Ed25519 key, 80 bytes), the secretstream header (24 bytes), then
 * chunks of at most 64 KiB, each a 4-byte big-endian length and the chunk
 * encrypted with crypto_secretstream_xchacha20poly1305 (the last one tagged
 * FINAL: a cut file is refused). */
#ifndef CDTT_PACKAGE_SEAL_H
#define CDTT_PACKAGE_SEAL_H

#include <sqlite3.h>
#include "cdtt.h"
#include "keys.h"

/* The office above whose key packages are sealed to (cdtt keys import): 1
 * found (scheme, code, pk set), 0 none, -1 with e set. */
int package_seal_recipient(sqlite3 *db, char scheme[12], char code[12], unsigned char pk[KEY_PUBLIC_BYTES],
                           cdtt_err *e);

/* True when the file at path begins as a sealed package. */
int package_is_sealed(const char *path);

/* Writes in_path encrypted to the office scheme:code whose key is pk into
 * out_path (created 0600; must not exist). Returns 0, or -1 with e set (and
 * out_path removed). */
int package_seal(const char *in_path, const char *out_path, const char *scheme, const char *code,
                 const unsigned char pk[KEY_PUBLIC_BYTES], cdtt_err *e);

/* Decrypts the sealed in_path with db's office key into out_path (created
 * 0600; must not exist). Refuses, with e saying so, a package sealed to another
 * office or key, and one damaged or cut. Returns 0, or -1 (out_path removed). */
int package_unseal(sqlite3 *db, const char *in_path, const char *out_path, cdtt_err *e);

#endif
