/* sha256.h — SHA-256 (FIPS 180-4), incremental. */
#ifndef CDTT_SHA256_H
#define CDTT_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t h[8];
    uint64_t len;          /* bytes fed so far */
    unsigned char buf[64]; /* a partial block */
    size_t nbuf;
} sha256_ctx;

/* Starts a new digest. */
void sha256_init(sha256_ctx *c);
/* Feeds n bytes (n may be 0). */
void sha256_update(sha256_ctx *c, const void *data, size_t n);
/* Finishes: writes the 32-byte digest; c must be initialised again before reuse. */
void sha256_final(sha256_ctx *c, unsigned char out[32]);
/* Finishes and writes the digest as 64 lowercase hex digits + NUL. */
void sha256_final_hex(sha256_ctx *c, char out[65]);

#endif
