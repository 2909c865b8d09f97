/* sha256.h — SHA-256 (FIPS 180-4), incremental: a thin layer over libsodium's
 * crypto_hash_sha256 that initialises the library on first use and writes hex. */
#ifndef CDTT_SHA256_H
#define CDTT_SHA256_H

#include <stddef.h>
#include <sodium/crypto_hash_sha256.h>

typedef struct {
    crypto_hash_sha256_state st;
} sha256_ctx;

/* Starts a new digest in c (any thread; the first call also runs sodium_init). */
void sha256_init(sha256_ctx *c);
/* Feeds n bytes (n may be 0; data may be NULL when n is 0). */
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Finishes: writes the 32-byte digest; c must be initialised again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char out[32]);
/* Finishes and writes the digest as 64 lowercase hex digits + NUL. */
void sha256_final_hex(sha256_ctx *c, char out[65]);

#endif
