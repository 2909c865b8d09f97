/* sha256.h — SHA-256 (FIPS 180-4), incremental: a thin layer over libcrypto's
 * EVP digest that writes hex. */
#ifndef CDTT_SHA256_H
#define CDTT_SHA256_H

#include <stddef.h>

typedef struct {
    struct evp_md_ctx_st *md; /* libcrypto's context, from sha256_init to sha256_final */
} sha256_ctx;

/* Starts a new digest in c (any thread). Every sha256_init must be followed by
 * sha256_final (or sha256_final_hex), which frees what it took. */
void sha256_init(sha256_ctx *c);
/* Feeds n bytes (n may be 0; data may be NULL when n is 0). */
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Finishes: writes the 32-byte digest; c must be initialised again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char out[32]);
/* Finishes and writes the digest as 64 lowercase hex digits + NUL. */
void sha256_final_hex(sha256_ctx *c, char out[65]);

#endif
